"""Where actor mentions begin and end, and which key they take (newsgraph.entities), one test per construction.

The sentences are constructed after constructions seen in SaudiNewsNet articles of several outlets (named in
each test); none is copied from the corpus.
"""

from __future__ import annotations

from newsgraph import entities
from newsgraph.entities.canonical import assign_keys
from newsgraph.model import Article, Document, Mention


def _analysed(morphology, text: str) -> Document:  # type: ignore[no-untyped-def]
    from newsgraph.pipeline import analyse

    return analyse(Article.from_text("عنوان\n\n" + text, id="t"), morphology=morphology)


def _mentions(morphology, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    ms = list(entities.find_mentions(_analysed(morphology, text)))
    for m in ms:
        assert ("عنوان\n\n" + text)[m.start:m.end] == m.text
    return ms


def _texts(morphology, text: str, typ: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in _mentions(morphology, text) if m.type == typ]


def test_epithets_after_an_organisation_are_not_its_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # aljazirah (Somalia): "تابع لحركة الشباب الأصولية المتشددة"; arreyadi: "رئيس نادي الاتحاد الشقيق";
    # sabq: «الحكومة الأمريكية المتغطرسة»
    orgs = _texts(morphology, "قالت إن المعسكر تابع لحركة الشباب الأصولية المتشددة في المنطقة", "ORG")
    assert orgs == ["حركة الشباب"]
    assert _texts(morphology, "وشكر رئيس نادي الاتحاد الشقيق على اتصاله", "ORG") == ["نادي الاتحاد"]
    assert _texts(morphology, "في مواجهة الحكومة الأمريكية المتغطرسة", "ORG") == ["الحكومة الأمريكية"]


def test_the_object_after_a_closing_nisba_is_not_part_of_the_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # aljazirah: "أدان نائب ... في البرلمان الصومالي الحادثة"; aljazirah (Kurdistan): "أن يتخذ الحزب
    # الديمقراطي الكردستاني القرار الصحيح"
    assert _texts(morphology, "وأدان عضو في البرلمان الصومالي الحادثة بشدة", "ORG") == ["البرلمان الصومالي"]
    assert _texts(morphology, "ينتظر أن يتخذ الحزب الديمقراطي الكردستاني القرار الصحيح", "ORG") == \
        ["الحزب الديمقراطي الكردستاني"]
    # a nisba followed by another adjective stays one name
    assert "الجيش السوري الحر" in _texts(morphology, "وقال الجيش السوري الحر إن", "ORG")


def test_a_conjoined_function_word_ends_an_organisation(morphology) -> None:  # type: ignore[no-untyped-def]
    # alriyadh (Taliban): "يواجه معارضة من داخل الحركة وبين معارضيه"
    assert _texts(morphology, "يواجه معارضة من داخل الحركة وبين معارضيه", "ORG") == []


def test_a_construct_chain_does_not_continue_after_a_definite_word(morphology) -> None:  # type: ignore[no-untyped-def]
    # arreyadi: "اتصال قام به رئيس نادي الاتحاد لنظيره الهلالي"
    assert _texts(morphology, "عبر اتصال قام به رئيس نادي الاتحاد لنظيره الهلالي", "ORG") == ["نادي الاتحاد"]
    assert "هيئة أركان الجيش الإسرائيلي" in _texts(morphology, "وقالت هيئة أركان الجيش الإسرائيلي إن", "ORG")


def test_a_club_or_movement_is_found_by_its_name_word_alone(morphology) -> None:  # type: ignore[no-untyped-def]
    # arreyadi: "نادي الهلال" ... "على دعمهم للهلال"; aljazirah: "حركة الشباب" ... "مسلحي الشباب"
    ms = [m for m in _mentions(morphology, "وقال رئيس نادي الهلال إنه يشكر الأندية على دعمهم للهلال في البطولة")
          if m.type == "ORG"]
    assert [m.source for m in ms][1:] == ["short"]  # the full name: the head pattern's or the gazetteer's
    assert len({m.key for m in ms}) == 1
    ms = [m for m in _mentions(morphology, "قتل خمسة من مسلحي الشباب في هجوم تبنته حركة الشباب") if m.type == "ORG"]
    assert {m.text for m in ms} == {"الشباب", "حركة الشباب"} and len({m.key for m in ms}) == 1
    # without the full name the common word is no organisation
    assert _texts(morphology, "وقال إن الشباب يحتاجون إلى فرص عمل", "ORG") == []


def test_an_organ_yields_to_the_body_it_belongs_to(morphology) -> None:  # type: ignore[no-untyped-def]
    # arreyadi: "نائب رئيس مجلس إدارة نادي الهلال"; aljazirah (Kurdistan): "في رئاسة إقليم كردستان"
    assert _texts(morphology, "تقلد منصب نائب رئيس مجلس إدارة نادي الهلال سابقا", "ORG") == ["نادي الهلال"]
    assert "رئاسة إقليم كردستان" not in {m.text for m in _mentions(morphology, "بقاء البارزاني في رئاسة إقليم كردستان")}


def test_a_masculine_head_before_a_feminine_nisba_of_the_noun_before_it(morphology) -> None:  # type: ignore[no-untyped-def]
    # alriyadh (sport): "تغيير برامج الاتحاد الخليجية" — the Gulf programmes of the union, no "Gulf union"
    assert "الاتحاد الخليجية" not in _texts(morphology, "يتسبب في تغيير برامج الاتحاد الخليجية لهذا الموسم", "ORG")
    # a broken-plural head agrees with a feminine adjective
    assert "الخطوط الجوية الماليزية" in _texts(morphology, "وقالت الخطوط الجوية الماليزية إن", "ORG")


def test_coordinated_people_and_the_son_of_a_titled_man(morphology) -> None:  # type: ignore[no-untyped-def]
    # alriyadh (Taliban): "وبين معارضيه عبد المنان ويعقوب ابن الملا عمر"; "الشقيق الأصغر لعبد المنان"
    ms = [m for m in assign_keys(tuple(_mentions(
        morphology, "وبين معارضيه عبد المنان ويعقوب ابن الملا عمر. وقال الملا محمد عمر")))
        if m.type == "PER"]
    assert [m.text for m in ms] == ["عبد المنان", "يعقوب", "عمر", "محمد عمر"]
    assert ms[2].key == ms[3].key  # الملا عمر = الملا محمد عمر
    assert _texts(morphology, "أكدت المصادر البيعة لعبد المنان الشقيق الأصغر", "PER") == ["عبد المنان"]


def test_names_inside_longer_names_and_given_names_that_are_titles(morphology) -> None:  # type: ignore[no-untyped-def]
    # almadina: "الأمير سلطان بن سلمان بن \u200fعبدالعزيز" (a right-to-left mark inside the name)
    text = "برئاسة الأمير سلطان بن سلمان بن \u200fعبدالعزيز رئيس الهيئة"
    ms = [m for m in assign_keys(tuple(_mentions(morphology, text))) if m.type == "PER"]
    assert [m.text for m in ms] == ["سلطان بن سلمان بن \u200fعبدالعزيز"]
    assert ms[0].key != entities.canonical_key("الملك سلمان بن عبدالعزيز")
    # a given name that is also a nisba (تركي) keeps a full name apart from a known bearer of the family name
    assert entities.canonical_key("تركي المالكي", "PER") != entities.canonical_key("المالكي", "PER")
    assert entities.canonical_key("نوري المالكي", "PER") == entities.canonical_key("المالكي", "PER")


def test_team_is_no_military_title(morphology) -> None:  # type: ignore[no-untyped-def]
    # alriyadh: "وتم تشكيل فريق عمل لتحليل المقطع"; الفريق (lieutenant general) stays a title
    assert _texts(morphology, "وتم تشكيل فريق عمل لتحليل المقطع", "PER") == []


def test_the_sunset_prayer_is_not_morocco(morphology) -> None:  # type: ignore[no-untyped-def]
    # okaz: "والسماح بالحراج بعد صلاة المغرب"
    assert _texts(morphology, "والسماح بالبيع بعد صلاة المغرب فقط", "GPE") == []
    assert _texts(morphology, "وزار الوزير المغرب الأسبوع الماضي", "GPE") == ["المغرب"]


def test_ages_directions_and_list_items_end_a_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # alyaum: "الجندي عمر أحمد عمر أبوشوشه 22 عاما"; alriyadh: "ببني مالك جنوب الطائف";
    # okaz: "الدكتور إبراهيم الحفظي والمشرف العام"
    assert _texts(morphology, "وهم الجندي عمر أحمد عمر أبوشوشه 22 عاما", "PER") == ["عمر أحمد عمر أبوشوشه"]
    assert _texts(morphology, "من مركز الشرطة ببني مالك جنوب الطائف", "PER") == []
    assert _texts(morphology, "بحضور الدكتور إبراهيم الحفظي والمشرف العام", "PER") == ["إبراهيم الحفظي"]
    # aljazirah: "النقيب محمد أمين إسماعيل الحبشي": a given name that is also a title, inside a name
    assert _texts(morphology, "استشهاد النقيب محمد أمين إسماعيل الحبشي معاون المباحث", "PER") == \
        ["محمد أمين إسماعيل الحبشي"]
    assert _texts(morphology, "وقال أمين عام الأمم المتحدة", "PER") == []


def test_places_and_bodies_named_like_people_or_motions(morphology) -> None:  # type: ignore[no-untyped-def]
    # aljazirah: "في قرية أبو ناعور بمركز سنورس": a village with a kunya-shaped name
    assert ("أبو ناعور", "GPE") in {(m.text, m.type) for m in _mentions(morphology, "في قرية أبو ناعور بمركز سنورس")}
    # was: "حركة الملاحة العالمية" is shipping traffic, no movement
    ms = [m for m in _mentions(morphology, "لما للمشروع من أهمية في حركة الملاحة العالمية") if m.type == "ORG"]
    assert all(m.source == "generic" for m in ms)
    # alwatan: "بالتنسيق مع وزارة الشؤون البلدية والقروية ومؤسسة البريد السعودي": two bodies
    orgs = _texts(morphology, "بالتنسيق مع وزارة الشؤون البلدية والقروية ومؤسسة البريد السعودي", "ORG")
    assert "مؤسسة البريد السعودي" in orgs and not any("ومؤسسة" in o for o in orgs)
    # a centre named after a king keeps its لل- complement
    assert "مركز الملك سلمان للإغاثة" in _texts(morphology, "وقال مركز الملك سلمان للإغاثة إن", "ORG")


def test_ministries_by_portfolio_broken_plural_nisbas_and_objects_after_the_father(morphology) -> None:  # type: ignore[no-untyped-def]
    # constructed: "الداخلية السعودية" is the ministry (one key with "وزارة الداخلية السعودية"), "الأفغان"
    # are Afghanistan's people, and "وجه عبدالرحمن بن مساعد رسالة" (arreyadi) ends the name before the object
    ms = assign_keys(tuple(_mentions(morphology, "وأكدت الداخلية السعودية ذلك، وقالت وزارة الداخلية السعودية إن")))
    ministries = [m for m in ms if m.type == "ORG"]
    assert [m.text for m in ministries] == ["الداخلية السعودية", "وزارة الداخلية السعودية"]
    assert ministries[0].key == ministries[1].key
    assert ("الأفغان", "gpe-af") in {(m.text, m.key) for m in _mentions(morphology, "وقال إن الأفغان يريدون السلام")}
    assert _texts(morphology, "ووجه عبدالرحمن بن مساعد رسالة إلى الجماهير", "PER") == ["عبدالرحمن بن مساعد"]


def test_a_definite_head_takes_adjectives_not_a_following_noun(morphology) -> None:  # type: ignore[no-untyped-def]
    # aleqtisadiya: "فيما رفضت نظيرتها في الاتحاد الدخول في أي مفاوضات" (the club refused to enter talks)
    assert "الاتحاد الدخول" not in _texts(morphology, "فيما رفضت نظيرتها في الاتحاد الدخول في أي مفاوضات", "ORG")
    # alyaum: "مع هذا النادي العريق والعمل معه": an epithet inside the scan ends it
    assert _texts(morphology, "سعيد بالتوقيع مع هذا النادي العريق والعمل معه", "ORG") == []
    # an epithet before a nisba stays inside the name
    assert _texts(morphology, "وقالت الحكومة الشرعية اليمنية إن", "ORG") == ["الحكومة الشرعية اليمنية"]


def test_family_names_in_alef_maqsura_possessives_and_names_before_ibn(morphology) -> None:  # type: ignore[no-untyped-def]
    # almadina: "الدكتور محمد العيسى على ما يقدمه"; "أبدى حسام وإبراهيم غضبهما"; okaz: "الدكتور مخلد بن مايس
    # المطيري" (a given name the morphology reads as a common noun, before بن)
    assert _texts(morphology, "وشكر الملحق الدكتور محمد العيسى على ما يقدمه", "PER") == ["محمد العيسى"]
    assert _texts(morphology, "وقال إن الرجل إبراهيم غضبهما كبير", "PER") == []
    assert _texts(morphology, "ويختتم البرنامج الدكتور مخلد بن مايس المطيري", "PER") == ["مخلد بن مايس المطيري"]


def test_towns_named_with_their_countrys_nisba_and_common_words_named_like_cities(morphology) -> None:  # type: ignore[no-untyped-def]
    # arreyadi: "في لقاء الغد أمام العين الإماراتي": a minor town name with its own country's nisba is the
    # town (or its club), and that nisba is no further country target
    ms = [(m.text, m.source) for m in _mentions(morphology, "في لقاء الغد أمام العين الإماراتي")]
    assert ms and ms[0][0].startswith("العين") and ms[0][1] == "gazetteer" and not any(src == "nisba" for _, src in ms)
    # okaz: "في ميدان الشرف": ميدان (an alternate GeoNames name of Medan) is a common word
    assert _texts(morphology, "إنهم في ميدان الشرف", "GPE") == []


def test_an_adjective_given_name_before_a_common_noun_is_a_construct(morphology) -> None:  # type: ignore[no-untyped-def]
    # was: "إذا ما أرادت بالفعل علاقات حسن جوار واحترام مع جيرانها" ("good-neighbourly relations")
    assert _texts(morphology, "إذا أرادت علاقات حسن جوار واحترام مع جيرانها", "PER") == []
    assert _texts(morphology, "وقال سعيد جليلي إن", "PER") == ["سعيد جليلي"]


def test_a_known_name_that_is_a_head_noun_before_an_adjective(morphology) -> None:  # type: ignore[no-untyped-def]
    # constructed: "القاعدة الجوية الروسية" is an air base, "تنظيم القاعدة" al-Qaeda
    ms = {m.text: m.key for m in _mentions(morphology, "وقال تنظيم القاعدة إن القاعدة الجوية الروسية تعرضت لهجوم")}
    assert ms["تنظيم القاعدة"] == "org-alqaeda"
    assert ms.get("القاعدة الجوية الروسية", "").startswith("loc-")
