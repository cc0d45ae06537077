"""Speaker and cue constructions of a fifth held-out set's outlets (sport, consular, local-services copy).

One test per rule, on sentences written here after the construction they stand for; no corpus text is copied.
"""

from __future__ import annotations

import pytest

from test_attribution_constructions import _at, _written

from newsgraph import entities
from newsgraph.model import Article
from newsgraph.pipeline import analyse


@pytest.mark.parametrize(("sentence", "cue"), [
    # a comma between the cue and أن (some outlets put one after every cue)
    ("قال المسؤول سالم الحربي إن العمل مستمر، مبينا، أن الفرق جاهزة.", "مبينا"),
    ("قال المسؤول سالم الحربي إن العمل مستمر. وبين، أن المعدات وصلت.", "بين"),
])
def test_a_comma_between_the_cue_and_its_complementiser(sentence: str, cue: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written(sentence, morphology), cue)
    assert s.speaker.label == "المسؤول سالم الحربي"
    assert s.content is not None and s.content.text.startswith(("الفرق", "المعدات"))


@pytest.mark.parametrize(("sentence", "speaker"), [
    # the office, its place, a comma, then the name (no comma after the name: a masdar object follows)
    ("أكد السفير الفرنسي في مدينة جدة، عبدالله الحربي عودة جميع الرعايا إلى بلادهم.", "عبدالله الحربي"),
    # a spokesman of a body, a semicolon, the name in quotation marks, a semicolon
    ('أكد المتحدث الرسمي باسم شركة المياه الوطنية بالمنطقة الشرقية المكلف؛ "خالد عبدالرحمن العتيبي"؛ '
     "إصلاح العطل في الحي.", "خالد عبدالرحمن العتيبي"),
])
def test_the_name_apposed_after_an_office_and_its_place(sentence: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written(sentence, morphology), "أكد")
    assert s.speaker.label == speaker
    assert s.content is not None and not s.content.text.startswith(("في", '"'))


def test_an_office_alone_is_the_person_named_with_it_before(morphology) -> None:  # type: ignore[no-untyped-def]
    # "اللاعب" refers to the player named with that word in a sentence that is no statement; the لـ phrase
    # after it (the programme he spoke to) is an addressee, not part of the speaker
    sts = _written("انضم اللاعب المصري محمد سامي إلى نادي الوحدة قادماً من الزمالك. وقال اللاعب لبرنامج رياضي: "
                   "سأعود قريباً إلى القاهرة.", morphology)
    s = _at(sts, "قال")
    assert (s.speaker.label, s.speaker.resolved_by) == ("محمد سامي", "definite-description")


@pytest.mark.parametrize(("sentence", "cue", "content"), [
    # a masculine verb does not take a feminine common noun as its subject: the content without أن
    ("أكد فهد الخالدي أن الشركة لا تنوي الطرح، وقال السوق المحلية لا تحتاج إلى دراسة من قبلنا.", "قال",
     "السوق المحلية"),
    # ... nor an inanimate plural in -ات: the addressee of a demand
    ("قال المواطن فهد الخالدي إن الشارع مغلق. وطالب الجهات المعنية بسرعة التحرك.", "طالب", "الجهات المعنية"),
])
def test_a_feminine_noun_after_a_masculine_verb_is_no_subject(sentence: str, cue: str, content: str,  # type: ignore[no-untyped-def]
                                                            morphology) -> None:
    s = _at(_written(sentence, morphology), cue)
    assert s.speaker.resolved_by == "dropped-subject" and "الخالدي" in s.speaker.label
    assert s.content is not None and s.content.text.startswith(content)


def test_a_relay_particle_inside_a_verb_frame(morphology) -> None:  # type: ignore[no-untyped-def]
    # وأفادت X نقلاً عن Y بأن ...: two statements (guidelines), both with the clause after the relayed source
    sts = _written("وأفادت مصادر أمنية نقلاً عن الموقوفين بأن عناصر الخلية تدربوا في الخارج.", morphology)
    verb, relay = _at(sts, "أفادت"), _at(sts, "نقلاً")
    assert (verb.speaker.label, relay.speaker.label) == ("مصادر أمنية", "الموقوفين")
    assert verb.content is not None and relay.content is not None
    assert verb.content.text.startswith("عناصر") and relay.content == verb.content


def test_a_quoted_outlet_name_after_the_particle(morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written("تدرب عناصر الخلية في الخارج، وفقاً لصحيفة “الحياة”.", morphology), "وفقاً")
    assert s.speaker.label == "صحيفة الحياة"


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # predicting (the perfect only: يتوقع is mostly "expects")
    ("توقع القنصل خالد السالم صدور توصيات اللجنة قريباً.", "توقع", "خالد السالم"),
    # a light verb with a speech noun after a demonstrative: بهذه is no part of the speaker
    ("وأدلى الوزير بهذه التصريحات خلال زيارة إلى سنغافورة.", "أدلى", "الوزير"),
    # explaining a cause
    ("وأرجعت الشركة تراجع الأرباح إلى انخفاض الأسعار.", "أرجعت", "الشركة"),
    ("وبررت الشركة أن سبب الانخفاض يعود إلى الأسعار.", "بررت", "الشركة"),
])
def test_cues_of_prediction_explanation_and_light_verbs(sentence: str, cue: str, speaker: str,  # type: ignore[no-untyped-def]
                                                        morphology) -> None:
    assert _at(_written(sentence, morphology), cue).speaker.label == speaker


@pytest.mark.parametrize("sentence", [
    # "endanger" with a direct object is no threat uttered
    "قال الوزير إن المهاجرين يهددون مستوى المعيشة في أوروبا.",
    # the imperfect "expects" of a belief
    "قالت الصحيفة إن الجيش يتوقع حصول تغيير في المنطقة.",
])
def test_not_a_speech_cue(sentence: str, morphology) -> None:  # type: ignore[no-untyped-def]
    assert [s.cue.text for s in _written(sentence, morphology)] == ["قال" if sentence.startswith("قال ") else "قالت"]


def test_a_stray_closing_straight_quote_opens_nothing(morphology) -> None:  # type: ignore[no-untyped-def]
    # an outlet's extra closing mark (مستمرة".) must not turn the rest of the paragraph into a quotation: the
    # citizen who speaks next is the antecedent of the participle after him
    sts = _written('وتابع الحميدي: "تم تأمين الأغطية"، مشيراً إلى أن المتابعة مستمرة".   وأضاف المواطن- في حينها- '
                   'قائلاً: "المياه وصلت للطريق العام".', morphology)
    assert _at(sts, "قائلاً").speaker.label == "المواطن"


def test_a_quotation_pair_typed_the_other_way_round(morphology) -> None:  # type: ignore[no-untyped-def]
    # ”شاهد عيان“: the right-to-left pair closes; the next cue is no quoted speaker's
    sts = _written("وقال باسم الضامن ”شاهد عيان“ ان الحادثة وقعت صباحاً. وبين، أن المصابين غادروا المستشفى.", morphology)
    s = _at(sts, "بين")
    assert (s.speaker.label, s.speaker.resolved_by) == ("باسم الضامن", "dropped-subject")


def test_a_given_name_then_a_definite_family_name(morphology) -> None:  # type: ignore[no-untyped-def]
    # باسم is the name Basim at the head of a subject (not "in the name of"); الضامن is his family name
    assert _at(_written("وقال باسم الضامن إن الحادثة وقعت صباحاً.", morphology), "قال").speaker.label == "باسم الضامن"


def test_another_noun_of_the_same_role_family(morphology) -> None:  # type: ignore[no-untyped-def]
    # المهاجم السوري refers back to "اللاعب السوري X" (role_families.tsv: player)
    sts = _written("انضم اللاعب السوري محمد العلي إلى نادي الوحدة. وبيّن المهاجم السوري، أنه سعيد بالانتقال.",
                   morphology)
    s = _at(sts, "بيّن")
    assert s.speaker.label == "محمد العلي"


def test_an_oblique_plural_written_for_the_subject_before_an(morphology) -> None:  # type: ignore[no-untyped-def]
    # ويرى المؤيدين أن: رأى takes no person object before أن, so the -ين plural is its (misspelt) subject
    sts = _written("قال المدرب إن الفريق جاهز، ويرى المؤيدين أن اللاعب خيار رائع.", morphology)
    assert _at(sts, "يرى").speaker.label == "المؤيدين"
    # ... but أبلغ المسؤولين أن: the officials are addressed
    sts = _written("قال المدرب إن الفريق جاهز، وأبلغ المسؤولين أن اللاعب جاهز.", morphology)
    assert _at(sts, "أبلغ").speaker.label == "المدرب"


@pytest.mark.parametrize("sentence", [
    "وتلقت الشرطة بلاغاً من سائق لاحظ نشاطاً مشبوهاً لشاحنة أمامه.",
])
def test_noticing_is_no_speech(sentence: str, morphology) -> None:  # type: ignore[no-untyped-def]
    assert [s.cue.text for s in _written(sentence, morphology)] == []


def test_a_quoted_name_used_again_is_an_organisation(morphology) -> None:  # type: ignore[no-untyped-def]
    # «نماء» quoted and used bare twice more: a company's name, a target of what is said about it
    doc = analyse(Article.from_text("عنوان\n\nأكد فهد الخالدي أنه لا توجد خطة لدى نماء، مبيناً أن عزوف «نماء» "
                                    "مؤقت، وأن نماء ستعلن نتائجها.", id="t"), morphology=morphology)
    quoted = [(m.text, m.type) for m in entities.find_mentions(doc) if m.source == "quoted"]
    assert quoted == [("نماء", "ORG")] * 3


def test_a_quoted_judgement_is_no_name(morphology) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(Article.from_text("عنوان\n\nوصف المراقبون الانتخابات بأنها «كارثية»، وقال آخرون إنها ليست كارثية.",
                                    id="t"), morphology=morphology)
    assert [m for m in entities.find_mentions(doc) if m.source == "quoted"] == []


@pytest.mark.parametrize(("sentence", "name", "typ"), [
    # a two-word toponym after a place head (valley, cape, spring ...)
    ("وأكد المتحدث إصلاح العطل بمحافظة وادي الدواسر أمس.", "وادي الدواسر", "GPE"),
    # a given name, a father's name that is also a time word, then the family name
    ("وقال مصدر إن موقوفاً يدعى مهدي صباح عبد المحسن شارك في الأحداث صباح يوم الثلاثاء.", "مهدي صباح عبد المحسن",
     "PER"),
])
def test_names_with_common_words_inside(sentence: str, name: str, typ: str, morphology) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(Article.from_text("عنوان\n\n" + sentence, id="t"), morphology=morphology)
    assert (name, typ) in [(m.text, m.type) for m in entities.find_mentions(doc)]


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # "on the other hand" opens a clause before a verb that is also a noun (توقع)
    ("قال القنصل خالد السالم إن المصابين غادروا. من جانب آخر توقع القنصل صدور التوصيات قريباً.", "توقع",
     "خالد السالم"),
    # عرّج على "touched on", as a participle after a comma
    ("ونفى فهد الخالدي بيع المصنع، معرِّجًا على أنه لا حاجة لتغيير الخطة.", "معرِّجًا", "فهد الخالدي"),
    # the author of a description after حسب: حسب وصف الجماهير
    ("ويملك اللاعب الكثير ليقدمه -حسب وصف الجماهير-.", "حسب", "الجماهير"),
])
def test_more_cue_frames(sentence: str, cue: str, speaker: str, morphology) -> None:  # type: ignore[no-untyped-def]
    s = _at(_written(sentence, morphology), cue)
    assert speaker in s.speaker.label
