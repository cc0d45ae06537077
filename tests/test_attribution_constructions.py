"""Speaker constructions of outlets outside the development set, one test per rule, on written sentences.

Each sentence is written here after the construction it stands for (found on held-out SaudiNewsNet articles);
no corpus text is copied.  The assertions look at the speaker label, how it was resolved and whether the
statement is required.
"""

from __future__ import annotations

import pytest

from newsgraph import entities
from newsgraph.attribution import extract_statements
from newsgraph.model import Article, Statement
from newsgraph.pipeline import analyse


def _written(text: str, morphology, *, title: str = "عنوان") -> tuple[Statement, ...]:  # type: ignore[no-untyped-def]
    doc = analyse(Article.from_text(title + "\n\n" + text, id="t"), morphology=morphology)
    return extract_statements(doc, entities.find_mentions(doc))[0]


def _at(sts: tuple[Statement, ...], cue: str) -> Statement:
    found = [s for s in sts if s.cue.text == cue]
    assert len(found) == 1, [s.cue.text for s in sts]
    return found[0]


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # a demonstrative after the subject is the verb's object (نفى ذلك)
    ("ونفى المدير ذلك، مبينا أن المكاتب مغلقة.", "نفى", "المدير"),
    # a sound plural with its nun (-ون) takes no genitive: the next noun is the object of اعتبر
    ("واعتبر مواطنون قرار البلدية إيجابيا.", "اعتبر", "مواطنون"),
    # a counted source keeps its prepositional phrase (أربعة مصادر من الحركة)
    ("وأكدت أربعة مصادر من الحركة أن العائلة لم تبايع.", "أكدت", "أربعة مصادر من الحركة"),
    # an indefinite role with عن (نائب عن المنطقة); the object after a definite adjective is left out
    ("وأدان نائب عن المنطقة في البرلمان الصومالي الحادثة.", "أدان", "نائب عن المنطقة"),
])
def test_where_the_subject_ends(sentence: str, cue: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    assert _at(_written(sentence, morphology), cue).speaker.label == speaker


@pytest.mark.parametrize("sentence", [
    # an apposition between commas (or a semicolon) inside the pluperfect كان ... قد
    "وكان سامي حداد؛ القائم بأعمال السفارة في المملكة، قد كشف أن هناك اتفاقيات.",
    # ... even when a relative clause with its own verb sits in it
    "وكان سامي حداد، الذي زار المدينة أمس، قد أكد أن الوضع مستقر.",
])
def test_pluperfect_subject_before_an_apposition(sentence: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _written(sentence, morphology)[-1]
    assert (s.speaker.label, s.speaker.resolved_by) == ("سامي حداد", "explicit")


def test_quotation_opening_at_the_verb_after_however(morphology) -> None:  # type: ignore[no-untyped-def]
    # إلا أن X «نفت ...»: إلا أن is "however" (no reported speech), and the quotation opens at the verb, its
    # speaker outside: the statement is required and the next dropped subject takes the same speaker
    sts = _written("وقال الطبيب إن المصابين نقلوا إلى المستشفى. إلا أن بعثة الاتحاد الإفريقي في الصومال «نفت بشدة» "
                   "مزاعم قتل مدنيين، وأوضحت أن قواتها اكتشفت مركز تدريب.", morphology)
    denied, explained = _at(sts, "نفت"), _at(sts, "أوضحت")
    assert denied.required and denied.speaker.label.startswith("بعثة الاتحاد")
    assert explained.speaker.label == denied.speaker.label


def test_headline_subject_with_its_place_and_a_noun_in_ta_marbuta(morphology) -> None:  # type: ignore[no-untyped-def]
    # the headline's subject before its verb carries a بـ place (بالصومال); بعثة ends in ة, so it is no verb
    # (the analyser reads it as بعثه "he sent him")
    title = "بعثة الاتحاد الإفريقي بالصومال تنفي قتل مدنيين"
    sts = _written("نفت بعثة الاتحاد الإفريقي الاتهامات.", morphology, title=title)
    assert _at(sts, "تنفي").speaker.label.startswith("بعثة الاتحاد الإفريقي")


@pytest.mark.parametrize(("title", "body", "speaker"), [
    # an indefinite role before a headline verb is the body's first speaker with that role
    ("عضو شورى يطالب بتحديد مفهوم الأراضي", "طالب عضو مجلس الشورى الدكتور فهد العنزي بالتصدي للمتحايلين.",
     "فهد العنزي"),
    # an anonymous head before a headline colon: the described source of the body
    ("مسؤول: الاتفاقية قريبا", "قال مسؤول في سفارة الهند إن اتفاقية شاملة تجري حاليا.", "مسؤول في سفارة الهند"),
])
def test_headline_description_names_its_referent_later(title: str, body: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    sts = _written(body, morphology, title=title)
    head = [s for s in sts if s.cue.start < len(title)]
    assert len(head) == 1 and (head[0].speaker.label, head[0].speaker.resolved_by) == (speaker, "cataphora")


def test_document_headline_is_the_first_body_speaker_and_kin_keeps_its_genitive(morphology) -> None:  # type: ignore[no-untyped-def]
    # "بيان: ..." is issued by the first body speaker; a kin noun heads a description (عائلة ... الملا محمد
    # عمر), and the title الملا lets the indefinite name after it continue the phrase
    sts = _written("قالت عائلة زعيم الحركة الراحل الملا محمد عمر اليوم إنها لم تدعم خليفته.", morphology,
                   title="بيان: العائلة لا تؤيد الزعيم الجديد")
    assert [s.speaker.label for s in sts] == ["عائلة زعيم الحركة الراحل الملا محمد عمر"] * 2
    assert sts[0].speaker.resolved_by == "cataphora"


@pytest.mark.parametrize(("sentence", "speaker"), [
    # a speech noun after the particle: its genitive phrase, counted and with its PP, is the source
    ("وانسحبوا من الاجتماع وفقا لرواية ثلاثة أشخاص في مجلس شورى الحركة.", "ثلاثة أشخاص في مجلس شورى الحركة"),
    # رواية ends in ة: no possessive pronoun, so its genitive is the source (not the previous speaker)
    ("قال الوزير إن الخطة جاهزة. وحسب رواية الشرطة فإن الخطة ستنفذ.", "الشرطة"),
])
def test_particle_with_a_speech_noun(sentence: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _written(sentence, morphology)[-1]
    assert (s.cue.cue_type, s.speaker.label) == ("particle", speaker)


def test_a_thing_is_no_speaker(morphology) -> None:  # type: ignore[no-untyped-def]
    # after a verb of judgement a decision is the first object (the subject is dropped); a tour or a result
    # that "reveals" is no statement at all
    sts = _written("قال المتحدث إن الوضع مستقر. واعتبر قرار المنع ضمن خطة الأمانة، حيث كشفت الجولات الميدانية "
                   "التلف السريع، مبينا أن الآلية أوقفت.", morphology)
    assert [(s.cue.text, s.speaker.label) for s in sts] == [
        ("قال", "المتحدث"), ("اعتبر", "المتحدث"), ("مبينا", "المتحدث")]


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # قطع بـ "stated categorically", with بعدم / بأن; the participle after it has the same speaker
    ("قطع صاحب مكتب استقدام بعدم استقدام أي عاملة، مؤكدا أنه لم تصل أي عاملة.", "مؤكدا", "صاحب مكتب استقدام"),
    # a light verb whose speech noun comes after a long subject (قدم ... شكره)
    ("قدم رئيس نادي الهلال الأمير عبدالرحمن بن مساعد شكره لرئيس الاتحاد.", "قدم", "عبدالرحمن بن مساعد"),
])
def test_verbs_of_other_outlets(sentence: str, cue: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written(sentence, morphology), cue)
    assert speaker in (s.speaker.label, *s.speaker.aliases)


def test_cut_is_not_speech(morphology) -> None:  # type: ignore[no-untyped-def]
    assert _written("وقطع الجيش الطريق أمام المحتجين.", morphology) == ()


def test_office_refers_back_to_the_named_person(morphology) -> None:  # type: ignore[no-untyped-def]
    # الوزير / وزير التخطيط after "أشرف العربي وزير التخطيط المصري" is that man; another office (وزير المالية)
    # is someone new, and a lone الرئيس after رئيس الوزراء is left alone (most often the head of state)
    sts = _written("كشف الدكتور أشرف العربي وزير التخطيط المصري، أن الاستثمارات زادت. وأوضح الوزير أن الفجوة "
                   "ضاقت. وأوضح وزير التخطيط أن البطالة تراجعت. وقال وزير المالية إن العجز تراجع.", morphology)
    assert [s.speaker.label for s in sts] == ["أشرف العربي"] * 3 + ["وزير المالية"]
    sts = _written("وقال رئيس الوزراء محمد حسن إن العجز تراجع. وقال الرئيس إن الوضع جيد.", morphology)
    assert sts[-1].speaker.label == "الرئيس"


@pytest.mark.parametrize(("sentence", "n"), [
    ("وقال العربي إن الوضع جيد. وبين العربي أن الاستثمارات العامة تمت.", 2),  # بيّن X أن
    ("وبين الطرفين اتفاق على أن يتم التعاون.", 0),  # بين + genitive: "between"
])
def test_bayyana_with_a_short_subject(sentence: str, n: int, morphology) -> None:  # type: ignore[no-untyped-def]
    assert len(_written(sentence, morphology)) == n


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # a long stacked title (more than 14 words before the name) still reaches the name
    ("أكد وكيل وزارة المياه والكهرباء لشؤون الكهرباء رئيس مجلس إدارة الشركة السعودية للكهرباء الدكتور صالح بن "
     "حسين العواجي، أهمية المذكرة.", "أكد", "صالح بن حسين العواجي"),
    # the office's place between the title and the name (في إيران)
    ("أكد مستشار قائد الثورة الإسلامية للشؤون الدولية في إيران علي أكبر ولايتي أن طهران لن تسمح بذلك.", "أكد",
     "علي أكبر ولايتي"),
    # an opener with its conjunction (وبدورها) makes a strict cue clause-initial
    ("وقال الوزير إن الصفقة قريبة. وبدورها كشفت صحيفة الأخبار أن النادي حجز موعدا.", "كشفت", "صحيفة الأخبار"),
    # before any speaker, a dropped subject is the actor of the sentence before (وشارك الدكتور السويد ... وأضاف)
    ("وشارك الدكتور السويد عقب الصلاة في تشييع الجثمان، وتوجه لمنزل ذويه. وأضاف: «نحمد الله على الأمن».", "أضاف",
     "الدكتور السويد"),
    # a sentence opened by an adverb and a bare verb gives its participle a subject (بعدها توجه X ومرافقوه ...، متمنيا)
    ("وتحدث والد الشهيد بأنه فداء للوطن. بعدها توجه مدير عام المجاهدين ومرافقوه للمستشفى، متمنيا للمصاب الشفاء.",
     "متمنيا", "مدير عام المجاهدين"),
])
def test_long_titles_openers_and_narrated_actors(sentence: str, cue: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    assert _at(_written(sentence, morphology), cue).speaker.label == speaker


@pytest.mark.parametrize(("sentence", "cue", "speaker", "required"), [
    # an organisation's genitive with لل inside a subject before its verb; after جدير بالذكر، أن the statement
    # is the article's own report, not speech nested in another statement
    ("قال الوزير إن الخطة جاهزة. جدير بالذكر، أن المديرية العامة للجوازات أعلنت أنه تم تصحيح الأوضاع.", "أعلنت",
     "المديرية العامة للجوازات", True),
    # a feminine verb and a masculine human plural after it: the plural is the object, the subject is dropped
    ("أعلنت المديرية العامة للجوازات أنه تم التصحيح. ودعت جميع اليمنيين إلى مراجعة المراكز.", "دعت",
     "المديرية العامة للجوازات", True),
    # a word in ة is no noun with a pronoun (عمادة is not عماد+ه)
    ("أعلنت عمادة القبول والتسجيل بالجامعة عن فتح باب التحويل.", "أعلنت", "عمادة القبول والتسجيل", True),
    # the one quoted after نقل X عن Y is the antecedent of the next dropped subject
    ("ونقلت صحيفة القبس عن وزير النفط علي العمير قوله إن هناك ارتياحا. وأضاف أن الدول تتوقع نموا.", "أضاف",
     "علي العمير", True),
])
def test_subjects_objects_and_quoted_sources(sentence: str, cue: str, speaker: str, required: bool, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written(sentence, morphology), cue)
    assert (s.speaker.label, s.required) == (speaker, required)


@pytest.mark.parametrize(("sentence", "speakers"), [
    # باسم after a spokesman's office belongs to it; after anyone else it is "on behalf of" and ends the subject
    ("وقال المتحدث الرسمي باسم الوزارة إن الوضع مستقر.", ["المتحدث الرسمي باسم الوزارة"]),
    ("ورفع المهندس المبطي باسم غرفة أبها شكره وتقديره للأمير.", ["المهندس المبطي"]),
    # a cue form right after a preposition is a noun (عن أبلغ التهاني: the elative "the most eloquent")
    ("وعبر سمو نائب خادم الحرمين الشريفين عن أبلغ التهاني.", ["سمو نائب خادم الحرمين الشريفين"]),
    # ألمح "hinted" is a verb of saying
    ("وألمحت الوكالة الأمريكية إلى أن اليونان لن تسدد ديونها.", ["الوكالة الأمريكية"]),
])
def test_on_behalf_of_elatives_and_hints(sentence: str, speakers: list[str], morphology) -> None:  # type: ignore[no-untyped-def]
    assert [s.speaker.label for s in _written(sentence, morphology)] == speakers


@pytest.mark.parametrize(("sentence", "cues"), [
    # توقّع "expected" is a claim of the speaker, as a verb and as a circumstantial participle
    ("رحب مستثمرون عرب بنتائج القمة، متوقعين نموا في التجارة. وتوقع رفع حجم التبادل.", ["رحب", "متوقعين", "توقع"]),
    # ... but after a feminine subject توقع is تُوقِّع "signs" (no statement)
    ("الشركة توقع عقدا مع البلدية.", []),
    # فدان "feddan" is no ف + دان "condemned"
    ("وأشار التاجر إلى مشروع المليون فدان الذي تموله الدولة.", ["أشار"]),
    # after كانت a masculine form is an elative (أبلغ رد "the most eloquent reply"), not the verb أبلغ
    ("وأشار التاجر إلى أن الزيارة كانت أبلغ رد على المشككين.", ["أشار"]),
    # وتبيّن أن "it turned out that" has no speaker (not تُبيّن "she explains")
    ("وذكر المتحدث أن الملف اكتمل، وتبين أن الطلب قدم في موعده.", ["ذكر"]),
    # rejecting criticism is a speech act
    ("ورفض الحزب الحاكم الانتقادات الأوروبية للانتخابات.", ["رفض"]),
])
def test_expectations_and_homographs(sentence: str, cues: list[str], morphology) -> None:  # type: ignore[no-untyped-def]
    assert [s.cue.text for s in _written(sentence, morphology)] == cues


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # a short quotation that closes the sentence after قال is the content, not a quoted subject
    ("وأكد المدرب أن الفريق جاهز. وعن موعد المباراة، قال \"ستقام الأسبوع المقبل\".", "قال", "المدرب"),
    # a spokesman's office with لـ + organisation, then his name
    ("أكد المتحدث الرسمي لوزارة الصحة سامي الحربي أن الحالات مستقرة.", "أكد", "سامي الحربي"),
    # a kin noun with its genitive, then the person's name in apposition
    ("وأشارت ابنة الضحية هند العتيبي في بيانها إلى أن القضية لم تغلق.", "أشارت", "هند العتيبي"),
    # a sound plural in -ون takes no genitive: the name after it is the object
    ("ويتهم منتقدون كاغامي بتقييد الحريات.", "يتهم", "منتقدون"),
    # وهو after the subject opens a circumstantial clause
    ("ودعا سامي حداد وهو سياسي معارض إلى الحوار.", "دعا", "سامي حداد"),
    # a verb after لأنهما: its subject is the sentence's subject, after a negation particle
    ("ولم يرسل الاتحاد الأوروبي مراقبين لأنه قال إن العملية غير نزيهة.", "قال", "الاتحاد الأوروبي"),
])
def test_quotes_offices_kin_and_negated_openers(sentence: str, cue: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    assert _at(_written(sentence, morphology), cue).speaker.label == speaker


def test_headline_second_clause_after_wa(morphology) -> None:  # type: ignore[no-untyped-def]
    # a headline's second clause opens with و + an office before its verb; the office is the body's speaker
    sts = _written("طالب الرئيس الصومالي حسن محمود، الدول المجاورة بالتعاون. وقال محمود إن الأمن يتحسن.",
                   morphology, title="انفجار يقتل 3 في مقديشو والرئيس الصومالي يحذر الجيران")
    warn = _at(sts, "يحذر")
    assert (warn.speaker.label, warn.speaker.resolved_by) == ("حسن محمود", "cataphora")


@pytest.mark.parametrize(("sentence", "cues", "speakers"), [
    # errors are no speaker of كشف ("the mistakes revealed")
    ("وأشار المدرب إلى أن المباراة كشفت الأخطاء للجهاز الفني.", ["أشار"], ["المدرب"]),
    # an event noun after a verb of condemning is its object; the subject is the sentence's speaker
    ("قال الوزير إن البلاد تحارب الإرهاب، وأدان اغتيال القاضي سامي حداد.", ["قال", "أدان"], ["الوزير", "الوزير"]),
])
def test_things_and_events_are_no_speakers(sentence: str, cues: list[str], speakers: list[str], morphology) -> None:  # type: ignore[no-untyped-def]
    sts = _written(sentence, morphology)
    assert ([s.cue.text for s in sts], [s.speaker.label for s in sts]) == (cues, speakers)


def test_possessed_group_and_subject_of_anna_after_an_adjunct(morphology) -> None:  # type: ignore[no-untyped-def]
    # حسبما أعلن مكتبه: the office of the sentence's subject; وأضاف المكتب refers back to it; the subject of
    # أنّ with an adjunct before its verb speaks in a nested statement
    sts = _written("وبحث رئيس الوزراء سامي حداد الأزمة مع نظيره، حسبما أفاد به مكتبه أمس. وأضاف المكتب أن "
                   "الوزير بعد اطلاعه على التقرير أكد دعمه للخطة.", morphology)
    relay, added, nested = _at(sts, "حسبما"), _at(sts, "أضاف"), _at(sts, "أكد")
    assert relay.speaker.resolved_by == "possessive" and "سامي حداد" in relay.speaker.aliases
    assert added.speaker.label == relay.speaker.label
    assert (nested.speaker.label, nested.required) == ("الوزير", False)


@pytest.mark.parametrize(("sentence", "cue", "content"), [
    # a quoted addressee after لـ is no content: the content starts after إلى أن
    ('وأشار المدرب خلال حديثه لـ "الرياض" إلى أن الفريق جاهز.', "أشار", "الفريق جاهز"),
    # a quoted name inside the clause (a tournament) does not open a direct quotation
    ('وحمّلت الهيئة مسؤولية تأجيل بطولة "كأس العرب" إلى الاتحاد.', "حمّلت",
     'مسؤولية تأجيل بطولة "كأس العرب" إلى الاتحاد'),
    # the name بان كي مون is no بأن "that"
    ("واتصل الوزير بالأمين العام بان كي مون، حسبما أفاد به مكتبه.", "حسبما", "الوزير بالأمين العام بان كي مون"),
])
def test_content_after_quoted_names(sentence: str, cue: str, content: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written(sentence, morphology), cue)
    assert s.content is not None and s.content.text.endswith(content)


def test_headline_content_is_all_after_the_colon(morphology) -> None:  # type: ignore[no-untyped-def]
    sts = _written("قال المدرب سامي الحربي إن اللاعب غير ملتزم.", morphology,
                   title="الحربي: اللاعب غير ملتزم بـ «التدريبات»")
    head = next(s for s in sts if s.cue.cue_type == "headline")
    assert head.content is not None and head.content.text == "اللاعب غير ملتزم بـ «التدريبات»"
