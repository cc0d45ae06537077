"""Statements: cues, speakers (with coreference), content spans, robustness.

Each construction is tested on the sentence it comes from: the seed article (quoted freely) or a sentence
written for the test.  SaudiNewsNet sentences are only read at test time (test_extract_golden.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import entities
from newsgraph.attribution import extract_statements
from newsgraph.model import Article, Document, Statement
from newsgraph.pipeline import analyse


def _statements(text: str, morphology) -> tuple[tuple[Statement, ...], tuple[str, ...]]:  # type: ignore[no-untyped-def]
    doc = analyse(Article.from_text(text, id="t"), morphology=morphology)
    return extract_statements(doc, entities.find_mentions(doc))


@pytest.fixture(scope="module")
def seed(seed_text, morphology):  # type: ignore[no-untyped-def]
    sts, warnings = _statements(seed_text, morphology)
    return seed_text, sts, warnings


def _at(sts: tuple[Statement, ...], text: str, phrase: str, cue: str) -> Statement:
    """The statement whose cue is ``cue`` inside the first occurrence of ``phrase``."""
    at = text.index(phrase)
    for s in sts:
        if at <= s.cue.start < at + len(phrase) and s.cue.text == cue:
            return s
    raise AssertionError(f"no statement with cue {cue!r} in {phrase!r}: {[s.cue.text for s in sts]}")


# --- the seed article ----------------------------------------------------------------------------------


def test_vso_title_name_role_organisation(seed):  # type: ignore[no-untyped-def]
    # وقال الجنرال ايغور كوناشينكوف المتحدث باسم وزارة الدفاع الروسية: "..."
    text, sts, _ = seed
    s = _at(sts, text, "وقال الجنرال ايغور", "قال")
    assert s.cue.text == "قال" and text[s.cue.start - 1] == "و"  # the clitic stays out of the cue
    sp = s.speaker
    assert (sp.label, sp.title, sp.role, sp.organization) == (
        "ايغور كوناشينكوف", "الجنرال", "المتحدث باسم", "وزارة الدفاع الروسية")
    assert sp.resolved_by == "explicit" and s.kind == "direct"
    assert s.content is not None and s.content.text.startswith("وفقاً لقرار القائد")


def test_particle_with_verb_is_one_statement(seed):  # type: ignore[no-untyped-def]
    # بحسب ما أكّدت موسكو.
    text, sts, _ = seed
    at = text.index("بحسب ما أكّدت موسكو")
    here = [s for s in sts if at <= s.cue.start < at + 20]
    assert len(here) == 1
    assert here[0].speaker.label == "موسكو"


def test_participle_takes_the_speaker_it_follows(seed):  # type: ignore[no-untyped-def]
    # وفق ما أعلن مصدر امني في دمشق، مضيفاً ان "طائرات روسية ..."
    text, sts, _ = seed
    first = _at(sts, text, "وفق ما أعلن مصدر", "وفق")
    part = _at(sts, text, "مضيفاً ان \"طائرات", "مضيفاً")
    assert first.speaker.label == "مصدر امني في دمشق"
    assert part.speaker.label == "مصدر امني في دمشق" and part.speaker.resolved_by == "participle"
    assert part.kind == "direct"


def test_subject_before_the_verb(seed):  # type: ignore[no-untyped-def]
    # وكانت الرئاسة السورية أكّدت ان ...
    text, sts, _ = seed
    assert _at(sts, text, "الرئاسة السورية أكّدت", "أكّدت").speaker.label == "الرئاسة السورية"


def test_dropped_subject_is_the_previous_speaker(seed):  # type: ignore[no-untyped-def]
    # كما صرّح الرئيس الروسي فلاديمير بوتين أن ... وأكّد أن دعم الأسد ...
    text, sts, _ = seed
    s = _at(sts, text, "وأكّد أن دعم الأسد", "أكّد")
    assert s.speaker.label == "فلاديمير بوتين" and s.speaker.resolved_by == "dropped-subject"


def test_definite_description_resolves_to_the_full_mention(seed):  # type: ignore[no-untyped-def]
    # قال مسؤول أميركي ان ... وقال المسؤول العسكري انه ... / ذكر مسؤولون في #البنتاغون ... وبحسب المسؤولين،
    text, sts, _ = seed
    s = _at(sts, text, "وقال المسؤول العسكري", "قال")
    assert s.speaker.label == "مسؤول أميركي" and s.speaker.resolved_by == "definite-description"
    p = _at(sts, text, "وبحسب المسؤولين", "بحسب")
    assert p.speaker.label == "مسؤولون في #البنتاغون".replace("#", "")


def test_surname_resolves_to_the_full_name(seed):  # type: ignore[no-untyped-def]
    # وقال جون كيربي المتحدث باسم وزارة الخارجية الأمريكية ... وأضاف كيربي أن ...
    text, sts, _ = seed
    s = _at(sts, text, "وأضاف كيربي", "أضاف")
    assert s.speaker.label == "جون كيربي" and s.speaker.resolved_by == "surname"
    assert "كيربي" in s.speaker.aliases


def test_hashtag_name(seed):  # type: ignore[no-untyped-def]
    # وقال وزير خارجية السوري #وليد_المعلم  إن ...
    text, sts, _ = seed
    s = _at(sts, text, "وقال وزير خارجية السوري", "قال")
    assert s.speaker.label == "وليد المعلم"


def test_headline_colon_is_optional(seed):  # type: ignore[no-untyped-def]
    # روسيا لأميركا: لتجنّب المجال الجوي السوري أثناء الضربات
    text, sts, _ = seed
    s = _at(sts, text, "روسيا لأميركا:", "روسيا لأميركا:")
    assert not s.required and s.cue.cue_type == "headline" and s.speaker.label == "روسيا"


def test_wrote_saying_is_one_statement(seed):  # type: ignore[no-untyped-def]
    # كتب خالد خوجة رئيس الائتلاف ... في حسابه على #تويتر قائلاً: "..."
    text, sts, _ = seed
    at = text.index("كتب خالد خوجة")
    here = [s for s in sts if at <= s.cue.start < at + 120]
    assert [s.cue.text for s in here] == ["كتب"]
    assert here[0].speaker.label == "خالد خوجة" and here[0].kind == "direct"


def test_speech_inside_another_statement_is_nested(seed):  # type: ignore[no-untyped-def]
    # وقال جون كيربي ... إن مسؤولاً روسيا في بغداد أبلغ العاملين بالسفارة الأمريكية ...
    text, sts, _ = seed
    s = _at(sts, text, "في بغداد أبلغ", "أبلغ")
    assert not s.required and s.speaker.label == "مسؤولاً روسيا في بغداد"


def test_seed_spans_point_into_the_text(seed):  # type: ignore[no-untyped-def]
    text, sts, _ = seed
    assert len(sts) >= 35
    for s in sts:
        assert text[s.cue.start : s.cue.end] == s.cue.text
        assert s.id == f"t:{s.cue.start}"
        if s.content is not None:
            assert text[s.content.start : s.content.end] == s.content.text
        if s.speaker.mention is not None:
            assert text[s.speaker.mention.start : s.speaker.mention.end] == s.speaker.mention.text
    assert [s.cue.start for s in sts] == sorted(s.cue.start for s in sts)


# --- constructions written for the tests ---------------------------------------------------------------


def test_honorific_is_the_last_person_with_a_title(morphology):  # type: ignore[no-untyped-def]
    text = "عنوان\n\nوقال ولي العهد الأمير محمد بن نايف إن الأمن مستتب. وأكد سموه أن المملكة قوية."
    sts, _ = _statements(text, morphology)
    s = _at(sts, text, "وأكد سموه", "أكد")
    assert s.speaker.label == "محمد بن نايف" and s.speaker.resolved_by == "honorific"


def test_dropped_subject_agrees_in_gender(morphology):  # type: ignore[no-untyped-def]
    text = ("عنوان\n\nوقال الوزير سامي حداد إن الخطة جاهزة. "
            "وقالت المتحدثة باسم الوزارة هدى الزعبي إن التنفيذ يبدأ غدا. "
            "وأضاف أن الميزانية كافية. وأضافت أن الفرق جاهزة.")
    sts, _ = _statements(text, morphology)
    assert _at(sts, text, "وأضاف أن", "أضاف").speaker.label == "سامي حداد"
    assert _at(sts, text, "وأضافت أن", "أضافت").speaker.label == "هدى الزعبي"


def test_particle_framing_another_verb_gives_two_statements(morphology):  # type: ignore[no-untyped-def]
    text = "عنوان\n\nوبحسب الوكالة، أكد الوزير أن المفاوضات مستمرة."
    sts, _ = _statements(text, morphology)
    assert [(s.cue.text, s.speaker.label) for s in sts] == [("بحسب", "الوكالة"), ("أكد", "الوزير")]


def test_light_verb_needs_its_speech_noun(morphology):  # type: ignore[no-untyped-def]
    text = "عنوان\n\nوأصدر الحزب بيانا أكد فيه موقفه. وأصدر الوزير قرارا بتعيين مدير جديد."
    sts, _ = _statements(text, morphology)
    assert [s.cue.text for s in sts if s.cue.lemma == "أصدر"] == ["أصدر"]
    assert _at(sts, text, "وأصدر الحزب", "أصدر").speaker.label == "الحزب"


@pytest.mark.parametrize("sentence", [
    "في إشارة إلى الأزمة الأخيرة توقفت المحادثات.",          # إشارة is a noun
    "وزار الوزير المصنع والتقى العمال.",                        # actions
    "وحصل طالب جامعي على جائزة في الرياض.",                    # طالب the noun (student)
    "ونشرت الصحيفة التي قالت إن الأمر انتهى صورا جديدة.",      # a relative clause
    "ودعت الحكومة إلى أن يقول الجميع كلمتهم.",                  # يقول after أن is not a new statement
])
def test_not_statements(sentence, morphology):  # type: ignore[no-untyped-def]
    sts, _ = _statements("عنوان\n\n" + sentence, morphology)
    cues = [s.cue.text for s in sts]
    assert "قالت" not in cues and "يقول" not in cues and "طالب" not in cues
    assert len(sts) <= 1


def test_comma_apposed_name(morphology):  # type: ignore[no-untyped-def]
    text = "عنوان\n\nوقال وزير الخارجية الأمريكي، جون كيري، إن المحادثات مستمرة."
    sts, _ = _statements(text, morphology)
    assert sts[0].speaker.label == "جون كيري"
    assert "وزير الخارجية الأمريكي" in sts[0].speaker.aliases


def test_anonymous_source_keeps_its_description(morphology):  # type: ignore[no-untyped-def]
    text = "عنوان\n\nوقال مسؤولون أمريكيون لرويترز إن الضربة نجحت."
    sts, _ = _statements(text, morphology)
    assert sts[0].speaker.label == "مسؤولون أمريكيون"


# --- constructions of other outlets (held-out audit classes; sentences written for the test) -------------


def test_indefinite_role_with_prepositional_phrase(morphology):  # type: ignore[no-untyped-def]
    text = ("عنوان\n\nكشف عضو في قيادة الحزب الوطني الأربعاء عن أن الاتفاق تم. "
            "وأضاف أن الأطراف وافقت.")
    sts, _ = _statements(text, morphology)
    s = _at(sts, text, "كشف عضو", "كشف")
    assert s.speaker.label.startswith("عضو في قيادة الحزب الوطني")
    assert _at(sts, text, "وأضاف أن", "أضاف").speaker.label == s.speaker.label


def test_description_named_later_by_apposition_is_linked_back(morphology):  # type: ignore[no-untyped-def]
    text = ("عنوان\n\nكشف عضو في قيادة الحزب الوطني عن أن الاتفاق تم. "
            "وقال عضو في قيادة الحزب الوطني، سامي علي، في تصريحات إن الأطراف وافقت.")
    sts, _ = _statements(text, morphology)
    assert [s.speaker.label for s in sts] == ["سامي علي", "سامي علي"]
    assert "عضو في قيادة الحزب الوطني" in sts[0].speaker.aliases


@pytest.mark.parametrize("opener", ["وفيما", "وكما", "ميدانياً", "حينها"])
def test_particles_and_adverbs_before_the_verb_are_not_speakers(opener, morphology):  # type: ignore[no-untyped-def]
    text = f"عنوان\n\nوقال الوزير سامي حداد إن الخطة جاهزة. {opener} أكد أن التنفيذ يبدأ غدا."
    sts, _ = _statements(text, morphology)
    assert _at(sts, text, "أكد أن التنفيذ", "أكد").speaker.label != opener


def test_preposition_pronoun_is_not_a_subject_and_quoted_first_person_keeps_the_chain(morphology):  # type: ignore[no-untyped-def]
    text = ("عنوان\n\nوقال الوزير سامي حداد للصحافيين “أعلن لكم اليوم أن المشروع اكتمل، وكما أعلنت سابقا "
            "فإن التمويل متوفر”. وأضاف أن الافتتاح قريب.")
    sts, _ = _statements(text, morphology)
    assert {s.speaker.label for s in sts} == {"سامي حداد"}


def test_speech_nouns_are_never_speakers(morphology):  # type: ignore[no-untyped-def]
    text = ("عنوان\n\nوقالت الحركة في بيان إن الوفد سيزور العاصمة. وأشار البيان إلى أن الموعد لم يحدد. "
            "وقدم التهنئة للفريق على الفوز، مؤكداً أن الإنجاز كبير.")
    sts, _ = _statements(text, morphology)
    assert _at(sts, text, "وأشار البيان", "أشار").speaker.label == "الحركة"
    assert _at(sts, text, "وقدم التهنئة", "قدم").speaker.label == "الحركة"
    assert _at(sts, text, "مؤكداً أن", "مؤكداً").speaker.label == "الحركة"


@pytest.mark.parametrize("phrase", ["وفق الشريعة الإسلامية", "حسب الخطة الموضوعة", "وفقاً للقانون الدولي"])
def test_according_to_a_rule_is_not_a_source(phrase, morphology):  # type: ignore[no-untyped-def]
    sts, _ = _statements(f"عنوان\n\nتجري الانتخابات {phrase} في موعدها.", morphology)
    assert sts == ()


def test_headline_colon_needs_letters_and_yields_to_a_speech_verb(morphology):  # type: ignore[no-untyped-def]
    text = "الحكومة تعلن: الميزانية جاهزة\n\nوأعلنت الحكومة أن الميزانية جاهزة.\n17:58 ت م"
    sts, _ = _statements(text, morphology)
    assert [s.cue.text for s in sts] == ["تعلن", "أعلنت"]


def test_light_verbs_participles_and_verbs_of_other_outlets(morphology):  # type: ignore[no-untyped-def]
    text = ("عنوان\n\nرفع رئيس الاتحاد الأمير خالد بن سعد التهنئة للقيادة بالفوز. وأبان أن البطولة صعبة، "
            "عاداً الفوز إنجازا. وقالت الوزيرة هدى الزعبي إن الموعد قريب. مضيفة أن الفرق جاهزة.")
    sts, _ = _statements(text, morphology)
    cues = [s.cue.text for s in sts]
    assert cues == ["رفع", "أبان", "عاداً", "قالت", "مضيفة"]
    assert _at(sts, text, "وأبان", "أبان").speaker.label == "خالد بن سعد"
    assert _at(sts, text, "مضيفة أن", "مضيفة").speaker.label == "هدى الزعبي"


def test_is_considered_is_not_speech(morphology):  # type: ignore[no-untyped-def]
    sts, _ = _statements("عنوان\n\nوتعد الحادثة أسوأ كارثة جوية منذ سنوات.", morphology)
    assert sts == ()


# --- robustness ----------------------------------------------------------------------------------------


def test_empty_text_and_text_without_statements(morphology):  # type: ignore[no-untyped-def]
    assert _statements("", morphology) == ((), ())
    sts, warnings = _statements("عنوان\n\nزار الوزير المصنع أمس والتقى العمال.", morphology)
    assert sts == () and warnings == ()


def test_unbalanced_quote_is_a_warning_not_a_crash(morphology):  # type: ignore[no-untyped-def]
    text = "عنوان\n\nوقال الوزير: «الوضع مستقر والعمل مستمر\n\nوزار المصنع."
    sts, warnings = _statements(text, morphology)
    assert len(sts) == 1 and warnings and "unbalanced" in warnings[0]
    c = sts[0].content
    assert c is not None and text[c.start : c.end] == c.text and "وزار" not in c.text


def test_five_megabyte_article(seed_text):  # type: ignore[no-untyped-def]
    # linear time: one pass of a regular expression and bounded look-back (benchmarks/attribution_scaling.py
    # prints the time per megabyte); here only that it finishes and keeps its offsets
    filler = "وشمل القصف أيضاً مواقع عدة في ثلاث محافظات سورية. "
    text = seed_text + "\n\n" + filler * (5_000_000 // len(filler))
    doc = Document(Article(id="big", text=text), ())
    sts, _ = extract_statements(doc, ())
    small, _ = extract_statements(Document(Article(id="big", text=seed_text), ()), ())
    assert len(sts) == len(small)
    assert all(text[s.cue.start : s.cue.end] == s.cue.text for s in sts)


_PIECES = st.sampled_from(["وقال", "الوزير", "إن", "«", "»", '"', "“", "”", ":", "،", ".", "\n", "مضيفاً", "بحسب",
                           "ما", "أكدت", "مصدر", "أمني", "سموه", "وأضاف", "أن", "&quot;", "#داعش", " ", "لـ", "("])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_text_keeps_offsets(pieces):  # type: ignore[no-untyped-def]
    text = " ".join(pieces)
    sts, _ = extract_statements(Document(Article(id="h", text=text), ()), ())
    for s in sts:
        assert text[s.cue.start : s.cue.end] == s.cue.text
        if s.content is not None:
            assert s.content.start < s.content.end and text[s.content.start : s.content.end] == s.content.text
        if s.speaker.mention is not None:
            assert text[s.speaker.mention.start : s.speaker.mention.end] == s.speaker.mention.text
