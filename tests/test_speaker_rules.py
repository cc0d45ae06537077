"""The speaker is a nominal that can refer to an actor: one test per rule of attribution/speakers.py.

Each SaudiNewsNet case names the article (``snn-{source}-{sha1(url)[:8]}``) and the cue offset the rule was
found at by ``benchmarks/speaker_audit.py``; the articles are read from ../shared at run time (the corpus text
is never copied here) and the assertions look only at offsets and how the speaker was resolved.  The written
constructions test the same rules without the corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph import entities
from newsgraph.attribution import extract_statements
from newsgraph.model import Article, Document, Statement
from newsgraph.pipeline import analyse

from conftest import need_shared

# article id -> the cue offsets its tests look at
_CASES: dict[str, tuple[int, ...]] = {
    "snn-aleqtisadiya-c572e11b": (3540,),
    "snn-alweeam-7dc15025": (398,),
    "snn-alriyadh-8069fc76": (247,),
    "snn-alweeam-23d1f038": (2863,),
    "snn-aleqtisadiya-c687bf59": (4882, 6072),
    "snn-aawsat-034c7807": (4249,),
    "snn-alriyadh-895d61e5": (1215,),
    "snn-aawsat-ecd436a3": (5118,),
    "snn-alyaum-8e708bee": (2121,),
    "snn-okaz-321aa404": (35,),
    "snn-alweeam-24f48eaf": (92,),
    "snn-aljazirah-360ac369": (139,),
    "snn-alweeam-fb0abff7": (2076,),
}


def _statements_of(doc: Document) -> tuple[Statement, ...]:
    return extract_statements(doc, entities.find_mentions(doc))[0]


@pytest.fixture(scope="module")
def corpus(morphology) -> Callable[[str], tuple[str, tuple[Statement, ...]]]:  # type: ignore[no-untyped-def]
    """article id -> (text, statements), for the articles of _CASES (read once from the corpus zips)."""
    from newsgraph.corpus.readers import read_articles

    zips = sorted(str(p) for p in Path(need_shared("corpora", "saudinewsnet")).glob("*.zip"))
    arts = {a.id: a for a in read_articles(zips) if a.id in _CASES}
    cache: dict[str, tuple[str, tuple[Statement, ...]]] = {}

    def get(article_id: str) -> tuple[str, tuple[Statement, ...]]:
        if article_id not in arts:
            pytest.skip(f"{article_id} is not in this copy of the corpus")
        if article_id not in cache:
            art = arts[article_id]
            cache[article_id] = (art.text, _statements_of(analyse(art, morphology=morphology)))
        return cache[article_id]

    return get


def _cue(corpus, article_id: str, offset: int) -> Statement:  # type: ignore[no-untyped-def]
    text, sts = corpus(article_id)
    found = [s for s in sts if abs(s.cue.start - offset) <= 1]
    assert len(found) == 1, f"{article_id}: no single statement at {offset}"
    s = found[0]
    if s.speaker.mention is not None:
        assert text[s.speaker.mention.start : s.speaker.mention.end] == s.speaker.mention.text
    return s


def _after_cue(s: Statement) -> bool:
    return s.speaker.resolved_by == "explicit" and s.speaker.mention is not None and s.speaker.mention.start > s.cue.end


def test_the_adverb_huna_is_no_cue(corpus):  # type: ignore[no-untyped-def]
    # و + هنا + an imperfect verb: هنا "here", written without the hamza of هنأ "congratulated"
    _text, sts = corpus("snn-aleqtisadiya-c572e11b")
    assert not [s for s in sts if abs(s.cue.start - 3540) <= 1]


def test_fronted_prepositional_phrase_is_no_speaker(corpus):  # type: ignore[no-untyped-def]
    # وفي + a city + أعلنت + an organisation: the place is the setting, the subject follows the verb
    assert _after_cue(_cue(corpus, "snn-alweeam-7dc15025", 398))


def test_preposition_with_pronoun_is_an_adjunct(corpus):  # type: ignore[no-untyped-def]
    # a dual speech verb + خلاله + على: the dual subject is dropped (the two callers before)
    assert _cue(corpus, "snn-alriyadh-8069fc76", 247).speaker.resolved_by == "dropped-subject"


def test_lam_pronoun_addressee_comes_before_the_subject(corpus):  # type: ignore[no-untyped-def]
    # يشكو + لي + a quantified noun phrase: لي is the addressee, the subject starts after it
    s = _cue(corpus, "snn-alweeam-23d1f038", 2863)
    assert _after_cue(s) and s.speaker.mention is not None and s.speaker.mention.start > s.cue.end + 3


def test_quoted_outlet_addressee_is_skipped(corpus):  # type: ignore[no-untyped-def]
    # أكد + لـ«newspaper» + a title phrase: the newspaper in quotes is the addressee
    s = _cue(corpus, "snn-okaz-321aa404", 35)
    assert _after_cue(s) and s.speaker.mention is not None and s.speaker.mention.start > s.cue.end + 6


def test_serial_speech_verb_is_no_subject(corpus):  # type: ignore[no-untyped-def]
    # وتابع يقول + colon: the subject of تابع is dropped
    assert _cue(corpus, "snn-aleqtisadiya-c687bf59", 4882).speaker.resolved_by == "dropped-subject"


def test_question_word_is_no_subject(corpus):  # type: ignore[no-untyped-def]
    # ويرى + كيف + a clause: the one who sees is the previous speaker
    assert _cue(corpus, "snn-aawsat-034c7807", 4249).speaker.resolved_by == "dropped-subject"


def test_possessed_noun_after_the_verb_is_its_object(corpus):  # type: ignore[no-untyped-def]
    # أبدى + a possessed masdar (his admiration): what was expressed, the subject is dropped
    assert _cue(corpus, "snn-alriyadh-895d61e5", 1215).speaker.resolved_by == "dropped-subject"


def test_possessed_kin_noun_is_a_speaker(corpus):  # type: ignore[no-untyped-def]
    # كما تقول + a possessed kin noun (her family): a family speaks
    assert _after_cue(_cue(corpus, "snn-aawsat-ecd436a3", 5118))


def test_possessed_speech_noun_after_the_name_ends_the_subject(corpus):  # type: ignore[no-untyped-def]
    # واختتم + title + name + a possessed speech noun (his statement): the subject is the title and name
    s = _cue(corpus, "snn-alweeam-fb0abff7", 2076)
    # (title + surname: it resolves to the full name met before, keeping this mention)
    assert s.speaker.resolved_by in ("explicit", "definite-description")
    assert s.speaker.mention is not None and s.cue.end < s.speaker.mention.start and s.speaker.mention.end < 2095


def test_a_verb_ends_the_subject_before_a_cue(corpus):  # type: ignore[no-untyped-def]
    # a clause with its own verb, then قالت + name + role: the speaker follows قالت
    assert _after_cue(_cue(corpus, "snn-alyaum-8e708bee", 2121))


def test_foreign_name_read_as_a_verb_stays_the_speaker(corpus):  # type: ignore[no-untyped-def]
    # أكدت + a foreign first name in -يت that the analyser reads as "I harvested": it is a name
    assert _after_cue(_cue(corpus, "snn-alweeam-24f48eaf", 92))


def test_joint_anonymous_sources_give_the_first(corpus):  # type: ignore[no-untyped-def]
    # وقالت + indefinite sources + و + an indefinite source: the first conjunct is the speaker
    s = _cue(corpus, "snn-aljazirah-360ac369", 139)
    assert _after_cue(s) and s.speaker.mention is not None and " و" not in s.speaker.mention.text


def test_eulogy_formula_stands_for_its_referent(corpus):  # type: ignore[no-untyped-def]
    # وقال تعالى + a quoted verse: God speaks, and the preacher's chain is left as it was
    s = _cue(corpus, "snn-aleqtisadiya-c687bf59", 6072)
    assert (s.speaker.label, s.speaker.resolved_by) == ("الله", "eulogy")


def test_possessed_object_on_the_development_set(morphology):  # type: ignore[no-untyped-def]
    # snn-alweeam-211e4264 at 353: a possessed noun after the verb is its object; the gold speaker is the
    # previous one (Morsi), reached through the dropped-subject chain
    path = need_shared("eval", "articles", "snn-alweeam-211e4264.txt")
    text = path.read_text(encoding="utf-8")
    sts = _statements_of(analyse(Article.from_text(text, id=path.stem), morphology=morphology))
    s = next(s for s in sts if s.cue.start == 353)
    assert s.speaker.resolved_by == "dropped-subject"


# --- the same rules on constructions written for the tests ----------------------------------------------


def _written(text: str, morphology) -> tuple[Statement, ...]:  # type: ignore[no-untyped-def]
    return _statements_of(analyse(Article.from_text("عنوان\n\n" + text, id="t"), morphology=morphology))


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وقال الوزير سامي حداد إن الخطة جاهزة. وأكد رئيس الوزراء ونائبه أن الخطة جاهزة.", "رئيس الوزراء"),
    ("وأكد الملك سلمان والرئيس المصري أن العلاقات قوية.", "سلمان"),
    ("وأعلنت وزارة الصحة والشؤون الصحية أن الوضع مستقر.", "وزارة الصحة والشؤون الصحية"),
])
def test_joint_subject_gives_its_first_conjunct(sentence, speaker, morphology):  # type: ignore[no-untyped-def]
    assert _written(sentence, morphology)[-1].speaker.label == speaker


def test_eulogy_stays_out_of_the_dropped_subject_chain(morphology):  # type: ignore[no-untyped-def]
    sts = _written("وقال الشيخ سامي حداد إن الصلاة مهمة. وقال صلى الله عليه وسلم: \"الدين النصيحة\". "
                   "وأضاف أن الأمر واضح.", morphology)
    assert [s.speaker.label for s in sts] == ["سامي حداد", "النبي محمد", "سامي حداد"]


def _dev_statement(name: str, offset: int, morphology) -> Statement:  # type: ignore[no-untyped-def]
    path = need_shared("eval", "articles", name)
    text = path.read_text(encoding="utf-8")
    sts = _statements_of(analyse(Article.from_text(text, id=path.stem), morphology=morphology))
    return next(s for s in sts if s.cue.start == offset)


def test_oblique_plural_after_the_verb_is_its_object(morphology):  # type: ignore[no-untyped-def]
    # snn-almadina-53c79753 at 2831: "فيما وصف" + a definite -ين plural + "بأنهم": -ين is no nominative; the
    # speaker is the preacher named before (gold: mousawi)
    s = _dev_statement("snn-almadina-53c79753.txt", 2831, morphology)
    assert s.speaker.resolved_by == "dropped-subject" and s.speaker.mention is not None
    assert s.speaker.mention.start < s.cue.start


def test_genitive_plural_after_a_particle_is_the_source(seed_text, morphology):  # type: ignore[no-untyped-def]
    # seed: "وبحسب المسؤولين، فقد نشرت روسيا ..." — after بحسب the genitive plural is the source itself
    sts = _statements_of(analyse(Article.from_text(seed_text, id="seed"), morphology=morphology))
    s = next(s for s in sts if s.cue.text == "بحسب" and seed_text[s.cue.end + 1 :].startswith("المسؤولين"))
    assert s.speaker.mention is not None and s.speaker.mention.text == "المسؤولين"  # (then resolved to the
    # earlier "مسؤولون في البنتاغون" as a definite description)


def test_subheading_run_into_the_sentence_keeps_the_clause_subject(morphology):  # type: ignore[no-untyped-def]
    # snn-sabq-19b45c1d at 1188: a subheading without a verb, then "وأصدر" + organisation + object، "يطالب فيها":
    # the subject of يطالب is that of وأصدر (gold: unsc), not the previous speaker
    s = _dev_statement("snn-sabq-19b45c1d.txt", 1188, morphology)
    assert s.speaker.mention is not None and 1100 < s.speaker.mention.start < s.cue.start


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وقال بيان للديوان الملكي السعودي إن العيد غدا.", "الديوان الملكي السعودي"),
    ("وقال بيان صادر عن وزارة الداخلية إن الوضع مستقر.", "وزارة الداخلية"),
    ("وقال الوزير سامي حداد إن الخطة جاهزة. وقال بيان: إن الحكومة مستعدة.", "سامي حداد"),
])
def test_a_document_speaks_for_its_issuer(sentence, speaker, morphology):  # type: ignore[no-untyped-def]
    # an indefinite speech noun as subject (بيان، تقديرات، معلومات) is no speaker: its issuer is (the genitive,
    # the لـ phrase, صادر عن X), or without one the speaker who issued it before
    assert _written(sentence, morphology)[-1].speaker.label == speaker


@pytest.mark.parametrize(("sentence", "speaker", "how"), [
    # the pluperfect: the subject between كان and قد, a name's first word (علي) that is also a preposition
    ("قال الوزير إن الاتفاق جيد. وكان مرشد الجمهورية الإيرانية علي خامنئي قد قال إن الاتفاق لن يغير شيئا.",
     "علي خامنئي", "explicit"),
    # "the latter": the person named last before it
    ("شكر رئيس نادي الهلال رئيس نادي الاتحاد ابراهيم البلوي بعد أن أعلن الأخير عن دعمه للفريق.",
     "ابراهيم البلوي", "latter"),
    # a name with بن goes on after it even when the next word is also a role noun (مساعد "assistant")
    ("ووجه الأمير عبدالرحمن بن مساعد رسالة للجمهور بأن الفريق يحتاج الدعم.", "عبدالرحمن بن مساعد", "explicit"),
    # a request for anonymity between commas, and an accusative adjective that is not the adverb "locally"
    ("وقال الوزير إن القوات انسحبت. إلا أن مسؤولاً محلياً، طلب عدم ذكر اسمه، قال: «القوات قتلت مدنيين».",
     "مسؤولاً محلياً", "explicit"),
])
def test_written_pluperfect_latter_bin_and_anonymity(sentence: str, speaker: str, how: str, morphology) -> None:  # type: ignore[no-untyped-def]
    last = _written(sentence, morphology)[-1]
    assert (last.speaker.label, last.speaker.resolved_by) == (speaker, how)


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # a letter abbreviation in brackets ends no sentence: نقل still finds its عن (an agency's wire, aawsat style)
    ("ونقلت وكالة الأنباء الألمانية (د.ب.أ) عن المتحدث قوله إن الحكومة تدعم الحوار.", "نقلت",
     "وكالة الأنباء الألمانية"),
    # the source relayed, as a pronoun, comes between the verb and its subject
    ("قال المستشار سامي حداد إن بلاده تدعم الاتفاق، ونقلت عنه وكالة الصحافة الفرنسية قوله إن الاتفاق عادل.", "نقلت",
     "وكالة الصحافة الفرنسية"),
    # after a bare organisation name a definite common noun is the object (أعلن المسؤولية)
    ("وأعلنت حركة حماس المسؤولية عن الهجوم قائلة إنها استهدفت قاعدة عسكرية.", "أعلنت", "حركة حماس"),
])
def test_written_agency_wires_objects_and_compound_names(sentence, cue, speaker, morphology):  # type: ignore[no-untyped-def]
    st = next(s for s in _written(sentence, morphology) if s.cue.text == cue)
    assert st.speaker.label == speaker


def test_a_speaker_quoted_inside_a_quotation_is_no_antecedent_for_a_dropped_subject(morphology):  # type: ignore[no-untyped-def]
    # the rapporteur is quoted; the reports she cites inside her quotation do not go on speaking (alweeam style)
    sts = _written("وقالت المقررة سلمى حداد: “القتال يمنع الدواء في حين أشارت تقارير إلى نقص الوقود.” "
                   "وأضافت أن الوضع يزداد سوءا.", morphology)
    assert sts[-1].cue.text == "أضافت" and sts[-1].speaker.label.endswith("سلمى حداد")


@pytest.mark.parametrize(("sentence", "cues"), [
    # rejecting what was said, wondering at it, defending a side: statements (almadina, aawsat styles)
    ("من جانبه رفض السفير سامي حداد تصريحات الوزير، مؤكدا أنها غير دقيقة.", ["رفض", "مؤكدا"]),
    ("وقال الأمين العام إن الاتهامات باطلة، مستغربا توقيتها.", ["قال", "مستغربا"]),
    ("وتعجب حداد من تصريحات الوزير.", ["تعجب"]),
    ("دافعت الحكومة أمس عن حق الجيش في الرد.", ["دافعت"]),
    # refusing to act is no statement
    ("وقد رفضت بشدة أن أرتديها.", []),
    ("ورفض اللاعب التوقيع مع النادي.", []),
])
def test_rejecting_wondering_and_defending_are_cues(sentence, cues, morphology):  # type: ignore[no-untyped-def]
    assert [s.cue.text for s in _written(sentence, morphology)] == cues


def test_the_office_named_before_is_the_person_who_holds_it(morphology):  # type: ignore[no-untyped-def]
    # "الوزير" after "الدكتور سامي حداد وزير التخطيط" is the minister (aljazirah style)
    sts = _written("كشف الدكتور سامي حداد وزير التخطيط، أن الاستثمارات ارتفعت. "
                   "وأوضح الوزير أن العجز تراجع.", morphology)
    assert (sts[-1].speaker.label, sts[-1].speaker.resolved_by) == ("سامي حداد", "definite-description")


@pytest.mark.parametrize(("sentence", "cues"), [
    # a participle right before أن/إن opens a statement without a comma (3alyoum, sabq styles)
    ("وأعلنت حركة حماس المسؤولية عن الهجوم قائلة إنها استهدفت قاعدة عسكرية.", ["أعلنت", "قائلة"]),
    ("وتؤكد الوزارة أنها ستتابع القضية منوهة أنها راسلت الجهات المعنية.", ["تؤكد", "منوهة"]),
    # ... but "وأضاف سموه قائلا :" is one statement (a colon, not a complementiser, follows)
    ("وأضاف سموه قائلا :\"إن الأمن مسؤولية الجميع\".", ["أضاف"]),
])
def test_a_participle_before_a_complementiser_needs_no_comma(sentence, cues, morphology):  # type: ignore[no-untyped-def]
    assert [s.cue.text for s in _written(sentence, morphology)] == cues


def test_a_verb_coordinated_with_reported_speech_shares_its_subject(morphology):  # type: ignore[no-untyped-def]
    # "... عن المتحدث قوله إن ميركل أكدت ... وذكّرته": the reported speaker goes on (aawsat style)
    sts = _written("ونقلت الوكالة عن المتحدث قوله إن المستشارة ميركل أكدت للوزير دعم حكومتها "
                   "وذكرته بالتزاماته.", morphology)
    assert [(s.cue.text, s.speaker.label) for s in sts][-1] == ("ذكرته", "ميركل")
    # ... but after a closed quotation and a comma "وأضاف" is the reporting speaker again
    sts = _written("وقال نجيب إن الفريق أكد أن الحطام يعود إلى الرحلة، وأضاف: «لدينا الدليل».", morphology)
    assert sts[-1].speaker.label == "نجيب"
