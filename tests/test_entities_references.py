"""Entity boundaries, names after role nouns, one referent per article, and the settings that are no target
(newsgraph.entities), one test per rule found on the held-out audit sets. The sentences are written for the
tests with other names; none is copied from the corpus.
"""

from __future__ import annotations

from newsgraph import entities
from newsgraph.model import Article, Cue, Document, Mention, Span, Speaker, Statement


def _mentions(morphology, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    from newsgraph.pipeline import analyse

    full = "عنوان\n\n" + text
    ms = list(entities.find_mentions(analyse(Article.from_text(full, id="t"), morphology=morphology)))
    for m in ms:
        assert full[m.start:m.end] == m.text
    return ms


def _texts(morphology, text: str, typ: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in _mentions(morphology, text) if m.type == typ]


def _targets(text: str, cue: str, content_from: str) -> set[str]:
    doc = Document(Article.from_text(text, id="t"), ())
    cs = text.index(cue)
    st = Statement("s", "indirect", Cue(cs, cs + len(cue), cue, cue), Speaker(None, "الرئيس", "explicit"),
                   content=Span.of(text, text.index(content_from, cs), len(text)))
    (s,) = entities.resolve(doc, entities.find_mentions(doc), (st,))[1]
    return {t.label for t in s.targets}


def test_a_lam_complement_keeps_its_coordinated_nouns(morphology) -> None:  # type: ignore[no-untyped-def]
    # "الهيئة العامة للشباب والرياضة", "مستشفى ... للولادة والأطفال": the complement after لل- may be a
    # coordination of two nouns, and it is no object after the closing name (مستشفى جدة للولادة)
    orgs = _texts(morphology, "وقالت إن الهيئة العامة للثقافة والفنون أرسلت وفدا", "ORG")
    assert orgs == ["الهيئة العامة للثقافة والفنون"]
    orgs = _texts(morphology, "ونقل المريض إلى مستشفى جدة للولادة والأطفال أمس", "ORG")
    assert orgs == ["مستشفى جدة للولادة والأطفال"]


def test_a_definite_head_owns_no_proper_name_after_it(morphology) -> None:  # type: ignore[no-untyped-def]
    # "لا يهم الوزارة نجاح ...": نجاح is a given name in the database, but after a definite head it is the
    # verb's subject, not part of the name (an indefinite head still takes one: "قاعدة إنجرليك الجوية")
    assert _texts(morphology, "وقال إنه لا يهم الجمعية نجاح الفريق في الدوري", "ORG") == []


def test_a_definite_family_name_after_a_titled_given_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # a given name in apposition to a title is followed by the family name even when the database reads the
    # definite word as a common noun; the title may carry its complement ("مدير الهيئة العامة للسياحة")
    pers = _texts(morphology, "وقال وزير الصحة الدكتور عزام الكريم إن المستشفى جاهز", "PER")
    assert pers == ["عزام الكريم"]
    pers = _texts(morphology, "وأكد مدير الهيئة العامة للثقافة والفنون أحمد المنصور أن المعرض جاهز", "PER")
    assert pers == ["أحمد المنصور"]
    # without a title the definite common noun is the verb's object, as before
    assert _texts(morphology, "واستقبل أحمد الضيوف في مكتبه", "PER") == []


def test_names_after_role_nouns_and_a_third_nisba_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # sports and campus copy names persons after role nouns: "المدرب البرازيلي X"، "المهاجم X"، "الطالبة X",
    # and a name of three words may end in a nisba after the father's name without بن
    assert "كارلوس" in _texts(morphology, "وأشاد المدرب البرازيلي كارلوس بأداء اللاعبين", "PER")
    pers = _texts(morphology, "وقال إن الطالبة هند مبارك الشمراني حصلت على المركز الأول", "PER")
    assert pers == ["هند مبارك الشمراني"]


def test_a_given_name_alone_after_a_title_is_the_articles_full_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # "الطالبة هند مبارك الشمراني ... وللطالبة هند": private persons are called by their first name
    ms = [m for m in _mentions(morphology, "وقال إن الطالبة هند مبارك الشمراني نجحت، وإن للطالبة هند حقا")
          if m.type == "PER"]
    assert len(ms) == 2 and ms[0].key == ms[1].key


def test_an_event_at_the_head_of_the_content_is_a_setting() -> None:
    # "أكد خلال إطلاق الحوار ... بالقاهرة، استمرار ..."، "أعلن بعد اجتماع الأمناء ...، تأجيلها": the event
    # the speech was made at, closed by a comma, names no target
    text = "وأكد الرئيس خلال إطلاق المنتدى الأردني المصري بعمّان، استمرار دعم لبنان"
    assert _targets(text, "أكد", "خلال") == {"لبنان"}
    text = "وأعلن الرئيس بعد اجتماع وزراء العراق والأردن، تأجيل القمة إلى العام المقبل في الرباط"
    assert _targets(text, "أعلن", "بعد") == {"الرباط"}
    # further in, the event is part of what was said
    text = "وقال الرئيس إن الأزمة بدأت بعد اجتماع وزراء العراق والأردن، ثم تفاقمت"
    assert "العراق" in _targets(text, "قال", "إن")


def test_venues_deanships_and_official_names(morphology) -> None:  # type: ignore[no-untyped-def]
    # venues and offices are actors of their own ("استاد X الدولي", "عمادة القبول والتسجيل"); a coordinated
    # genitive marks an official name; a state's institution (مجلس الوزراء) is one actor unless it completes
    # a person's title; a coordinated definite head starts the next organisation
    text = "وقال إن ملعب فهد الدولي جاهز وإن عمادة الدراسات والبحوث ومجلس الوزراء وافقوا"
    found = {m.text: m.source for m in _mentions(morphology, text) if m.type in ("ORG", "LOC")}
    assert found == {"ملعب فهد الدولي": "pattern", "عمادة الدراسات والبحوث": "pattern",
                     "مجلس الوزراء": "pattern"}
    found = {m.text: m.source for m in _mentions(morphology, "وقال نائب رئيس مجلس الوزراء إن قوات الجيش والشرطة جاهزة")
             if m.type == "ORG"}
    assert found == {"مجلس الوزراء": "generic", "قوات الجيش والشرطة": "generic"}
    assert _texts(morphology, "وقال إن ملعب المباراة والتحالف العربي جاهزان", "ORG") == ["التحالف العربي"]


def test_a_club_is_one_actor_by_its_team_its_club_and_its_name_alone(morphology) -> None:  # type: ignore[no-untyped-def]
    # "مدير فريق X لكرة القدم ... خاضهما X": فريق + name before the sport is the club (as نادي + name), and the
    # name alone then means the club; "فريق العمل" is a team of people, no club
    ms = [m for m in _mentions(morphology, "وقال مدير فريق الوحدة لكرة القدم إن الوحدة فاز على نادي الرائد")
          if m.type == "ORG"]
    keys = {m.text: m.key for m in ms}
    assert keys["فريق الوحدة"] == keys["الوحدة"] and "نادي الرائد" in keys
    assert [m.source for m in _mentions(morphology, "وقال إن فريق العمل أنهى مهمته") if m.type == "ORG"] == ["generic"]


def test_a_government_named_by_its_state_is_the_state(morphology) -> None:  # type: ignore[no-untyped-def]
    # "دعم بلادها مع حكومة أنقرة"، "حكومة بوروندي": the state speaking through its government is one actor
    ms = {m.text: m.key for m in _mentions(morphology, "وأكدت دعمها لحكومة كينيا في حربها وزيارتها كينيا")}
    assert ms["حكومة كينيا"] == ms["كينيا"] == "gpe-ke"


def test_a_family_name_after_lam_or_ba_and_a_country_after_kaf(morphology) -> None:  # type: ignore[no-untyped-def]
    # "سواء كانت للزبيدي أو غيره": the definite family name after ل (its article dropped) or ب is the person;
    # "الدول العربية كمصر وسوريا": ك "like" before a country's name
    text = "وقال إن المدافع سعد الحارثي مهم وإن العروض للحارثي كثيرة"
    ms = [m for m in _mentions(morphology, text) if m.type == "PER"]
    assert [m.text for m in ms] == ["سعد الحارثي", "لحارثي"] and ms[0].key == ms[1].key
    assert _texts(morphology, "وقال إن دولا كتونس وليبيا تعاني", "GPE") == ["تونس", "ليبيا"]


def test_one_word_conjuncts_of_a_list_of_places_or_clubs(morphology) -> None:  # type: ignore[no-untyped-def]
    # "في عدد من المحافظات ومن بينها عدن والضالع ولحج وتعز": between known places a conjunct is a place;
    # "ملاعب أندية الكويت وكاظمة والنصر": after the plural or dual of نادي the conjuncts are clubs
    assert "الضالع" in _texts(morphology, "وقالت إن الحصار في عدن والضالع وتعز مستمر", "GPE")
    orgs = _texts(morphology, "وتم تحديد ملاعب أندية العربي والقادسية والتضامن للمباريات", "ORG")
    assert orgs == ["العربي", "القادسية", "التضامن"]
    # a nisba adjective before a list of countries is no place
    assert "الخليجية" not in _texts(morphology, "وقال إن الدول الخليجية وسوريا والعراق تعاني", "GPE")


def test_a_speaking_group_is_the_referent_of_its_noun_and_nisba() -> None:
    # "رحب مستثمرون سعوديون ..." then "أشار X إلى أن المستثمرين السعوديين ...": the group that spoke is the
    # one meant, not the country of its nisba
    text = "رحب أطباء أردنيون بالقرار. وقال الوزير إن الأطباء الأردنيين سيعملون في عمّان"
    doc = Document(Article.from_text(text, id="t"), ())
    grp = Statement("s1", "indirect", Cue(0, 3, "رحب", "رحب"), Speaker(None, "أطباء أردنيون", "explicit"),
                    content=Span.of(text, text.index("بالقرار"), text.index(".")))
    cs = text.index("قال")
    st = Statement("s2", "indirect", Cue(cs, cs + 3, "قال", "قال"), Speaker(None, "الوزير", "explicit"),
                   content=Span.of(text, text.index("إن"), len(text)))
    _, (g, s) = entities.resolve(doc, entities.find_mentions(doc), (grp, st))
    assert [t.label for t in s.targets] == ["الأطباء الأردنيين", "عمّان"]
    assert s.targets[0].entity == g.speaker.entity


def _targets_sp(text: str, cue: str, speaker: str, content_from: str) -> set[str]:
    doc = Document(Article.from_text(text, id="t"), ())
    cs, ss = text.index(cue), text.index(speaker)
    st = Statement("s", "indirect", Cue(cs, cs + len(cue), cue, cue),
                   Speaker(None, speaker, "explicit", mention=Span.of(text, ss, ss + len(speaker))),
                   content=Span.of(text, text.index(content_from, ss), len(text)))
    (s,) = entities.resolve(doc, entities.find_mentions(doc), (st,))[1]
    return {t.label for t in s.targets}


def test_relay_sources_platforms_and_cup_names_are_no_targets() -> None:
    # "...»، حسبما أفادت به وكالة «رويترز»": the relayed source speaks in a statement of its own;
    # "كتب على «تويتر» أن ...": the platform is the channel; "تأجيل كأس الخليج": a place in a cup's name
    text = "وقال الرئيس إن العراق لن يتراجع، حسبما أفادت به وكالة رويترز. وبحث الوزير"
    assert _targets(text, "قال", "إن") == {"العراق"}
    text = "وكتب الرئيس على «تويتر» أن سوريا تحتاج إلى الدعم"
    assert _targets(text, "كتب", "تويتر") == {"سوريا"}
    text = "وقال الرئيس إن تأجيل كأس آسيا أضر بالكويت"
    assert _targets(text, "قال", "إن") == {"الكويت"}


def test_the_rest_of_the_speaker_phrase_is_no_target() -> None:
    # "استنكر دبلوماسيون عرب ومصريون مزاعم ..."، "رفض X، مساعد وزير الخارجية المصري الأسبق، تصريحات ...":
    # nisbas and a title apposition right after the speaker's name describe who speaks
    text = "واستنكر خبراء عرب وأردنيون تصريحات الوزير عن قطر"
    assert _targets_sp(text, "استنكر", "خبراء", "عرب") == {"قطر"}
    text = "ورفض سامي حداد، مساعد وزير الخارجية الأردني الأسبق، تصريحات المسؤول عن قطر"
    assert _targets_sp(text, "رفض", "سامي حداد", "،") == {"قطر"}


def test_a_bare_definite_head_refers_to_the_articles_one_body_with_that_head() -> None:
    # "الهيئة العامة للشباب والرياضة ... لا يهم الهيئة": the bare head is that body (an extended target);
    # a head two named bodies share ("الاتحاد الأوروبي والاتحاد الأفريقي ... الاتحاد") is left alone
    text = "وقال الرئيس إن وزارة الصحة الأردنية أرسلت فريقا. وأضاف أن الوزارة تتابع الوضع"
    doc = Document(Article.from_text(text, id="t"), ())
    cs = text.index("أضاف")
    st = Statement("s", "indirect", Cue(cs, cs + 4, "أضاف", "أضاف"), Speaker(None, "الرئيس", "dropped-subject"),
                   content=Span.of(text, text.index("أن الوزارة"), len(text)))
    (s,) = entities.resolve(doc, entities.find_mentions(doc), (st,))[1]
    assert [(t.label, t.via) for t in s.targets] == [("وزارة الصحة الأردنية", "description")]
    text = "وقال إن الاتحاد الأوروبي والاتحاد الأفريقي اجتمعا. وأضاف أن الاتحاد يتابع الوضع"
    assert "الاتحاد" not in {t.mention.text for t in _all_targets(text, "أن الاتحاد")}


def _all_targets(text: str, content_from: str) -> tuple:  # type: ignore[type-arg]
    doc = Document(Article.from_text(text, id="t"), ())
    st = Statement("s", "indirect", Cue(1, 4, "قال", "قال"), Speaker(None, "الرئيس", "explicit"),
                   content=Span.of(text, text.index(content_from), len(text)))
    return entities.resolve(doc, entities.find_mentions(doc), (st,))[1][0].targets
