"""Morphological analysis on real sentences of the seed article (one database load per session)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.model import Article, Token
from newsgraph.morphology import Morphology
from newsgraph.pipeline import analyse
from newsgraph.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def analysed(morphology: Morphology, sentence: str) -> dict[str, Token]:
    sents, _ = segment(sentence)
    return {t.text: t for s in morphology.analyse_sentences(sents) for t in s.tokens}


def test_seed_sentence_with_said_putin_homs(morphology: Morphology) -> None:
    # seed: وقال الجنرال ايغور كوناشينكوف المتحدث باسم وزارة الدفاع الروسية: "وفقاً لقرار القائد الاعلى
    # للقوات المسلحة فلاديمير بوتين، شنّت طائراتنا ... لارهابيي تنظيم #داعش في سوريا"، مضيفاً: ...
    toks = analysed(
        morphology,
        'وقال الجنرال ايغور كوناشينكوف المتحدث باسم وزارة الدفاع الروسية: "وفقاً لقرار القائد الاعلى '
        'للقوات المسلحة فلاديمير بوتين، شنّت طائراتنا غارات جوية ووجّهت ضربات دقيقة لأهداف على الأرض '
        'لارهابيي تنظيم #داعش في سوريا"، مضيفاً: "نستهدف عتاداً عسكرياً"',
    )
    said = toks["وقال"].analysis
    assert said is not None and said.lemma == "قال" and said.pos == "verb" and said.proclitics == ("wa_conj",)
    putin = toks["بوتين"].analysis
    assert putin is not None and putin.pos == "noun_prop" and putin.gloss == "Putin"
    russian = toks["الروسية"].analysis
    assert russian is not None and russian.pos in ("adj", "noun") and "Russian" in russian.gloss
    assert russian.proclitics == ("Al_det",)
    terrorists = toks["لارهابيي"].analysis
    assert terrorists is not None and terrorists.proclitics == ("li_prep",) and terrorists.lemma == "ارهابي"
    assert terrorists.enclitic is None  # not 'my terrorists'
    adding = toks["مضيفاً"].analysis
    assert adding is not None and adding.pos == "adv" and "adding" in adding.gloss
    assert toks["باسم"].analysis is not None and toks["باسم"].analysis.lemma == "اسم"  # بِ+اسم, not the name Basem
    assert toks["سوريا"].analysis is not None and toks["سوريا"].analysis.is_proper
    assert toks["كوناشينكوف"].analysis is None  # unknown to the database: no guess
    assert toks["بوتين"].alternatives == () or all(a.lemma != "بوتين" for a in toks["بوتين"].alternatives)


def test_seed_sentence_with_homs(morphology: Morphology) -> None:
    # seed: وكانت  #روسيا شنت أولى غاراتها بالقرب من مدينة حمص، بحسب ما أكّدت موسكو.
    toks = analysed(morphology, "وكانت  #روسيا شنت أولى غاراتها بالقرب من مدينة حمص، بحسب ما أكّدت موسكو.")
    homs = toks["حمص"].analysis
    assert homs is not None and homs.pos == "noun_prop" and homs.gloss.startswith("Homs")
    assert toks["#روسيا"].analysis is not None and toks["#روسيا"].analysis.gloss == "Russia"
    assert toks["وكانت"].analysis is not None and toks["وكانت"].analysis.lemma == "كان"
    assert toks["أكّدت"].analysis is not None and toks["أكّدت"].analysis.lemma == "اكد"


def test_lemma_is_normalised_and_diacritised_lemma_kept(morphology: Morphology) -> None:
    best = morphology.analyse_word("لإرهابيي")[0]
    assert best.lemma == "ارهابي" and best.lemma_diac == "إِرْهابِيّ"
    assert best.proclitics == ("li_prep",)
    assert morphology.analyse_word("كوناشينكوف") == ()


def test_function_words_and_context(morphology: Morphology) -> None:
    # seed: وكان مجلس الاتحاد الروسي بالإجماع في جلسته اليوم على طلب بوتين السماح ...
    toks = analysed(morphology, "وكان مجلس الاتحاد الروسي بالإجماع في جلسته اليوم على طلب بوتين السماح")
    assert toks["طلب"].analysis is not None and toks["طلب"].analysis.pos == "noun"  # after a preposition
    toks = analysed(morphology, "وشمل القصف أيضاً مواقع عدة")
    assert toks["أيضاً"].analysis is not None and toks["أيضاً"].analysis.gloss == "also"


def test_non_words_are_not_analysed(morphology: Morphology) -> None:
    toks = analysed(morphology, "نفذ 20 غارة CNN http://x.com ،")
    for text in ("20", "CNN", "http://x.com", "،"):
        assert toks[text].analysis is None and toks[text].alternatives == ()


def test_analyses_are_shared_and_cached(morphology: Morphology) -> None:
    a = morphology.analyse_word("وقال")
    assert morphology.analyse_word("وقالَ") is not None
    assert morphology.analyse_word("وقال")[0] is a[0]


def test_pipeline_analyse_on_seed(morphology: Morphology, seed_text: str) -> None:
    doc = analyse(Article.from_text(seed_text, id="seed-000"), morphology=morphology)
    assert doc.article.id == "seed-000"
    words = [t for t in doc.tokens if t.kind == "word"]
    assert len(words) > 500
    assert sum(t.analysis is not None for t in words) / len(words) > 0.95
    for t in doc.tokens:
        assert seed_text[t.start : t.end] == t.text


@pytest.mark.parametrize("variable", ["HOME", "CAMELTOOLS_DATA"])
def test_missing_database_is_a_one_line_error_without_network(tmp_path: Path, variable: str) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    env.pop("CAMELTOOLS_DATA", None)
    env["HOME"] = str(tmp_path)
    if variable == "CAMELTOOLS_DATA":
        env["CAMELTOOLS_DATA"] = str(tmp_path / "empty")
    code = (
        "import sys\n"
        "from newsgraph.errors import MorphologyDataError\n"
        "from newsgraph.morphology import Morphology\n"
        "try:\n    Morphology()\n"
        "except MorphologyDataError as e:\n    print(e); sys.exit(3)\n"
        "print('camel_tools imported:', 'camel_tools.data' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 3, out.stderr
    message = out.stdout.strip()
    assert "\n" not in message
    assert "camel_data -i morphology-db-msa-r13" in message and "CAMELTOOLS_DATA" in message
    assert "Traceback" not in out.stderr


def test_missing_camel_tools_is_a_dependency_error() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    code = (
        "import sys\n"
        "sys.modules['camel_tools'] = None  # makes 'import camel_tools' fail as if not installed\n"
        "from newsgraph.errors import DependencyError\n"
        "from newsgraph.morphology import Morphology\n"
        "try:\n    Morphology()\n"
        "except DependencyError as e:\n    print(e); sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 3, out.stderr
    assert "pip install --no-deps camel-tools==1.6.0" in out.stdout


def test_compact_analyzer_gives_camels_analyses(morphology: Morphology, seed_text: str) -> None:
    # the fast path must not change what camel-tools says: same analyses on every form of the seed
    from camel_tools.morphology.analyzer import Analyzer

    fast = morphology._analyzer
    camel = Analyzer(fast._db)
    feats = ("lex", "pos", "prc3", "prc2", "prc1", "prc0", "enc0", "gen", "num", "per", "asp", "stem", "stemgloss")
    feats += ("source",)

    def key(a: dict[str, object]) -> tuple[object, ...]:
        indef = a["indef_acc"] if "indef_acc" in a else str(a["bw"]).endswith("CASE_INDEF_ACC")
        return (*(a.get(f) for f in feats), float(str(a["pos_lex_logprob"])), indef)

    sents, _ = segment(seed_text)
    forms = sorted({t.text for s in sents for t in s.tokens if t.kind == "word"})
    assert len(forms) > 400
    for form in forms:
        assert {key(a) for a in fast.analyze(form)} == {key(a) for a in camel.analyze(form)}, form


def test_cache_eviction_keeps_forms_looked_up_again(morphology: Morphology, seed_text: str) -> None:
    # a full cache drops its oldest forms, but a form looked up again since it was stored (قال in every
    # paragraph of the seed article) gets a second chance; the analyses do not depend on what is cached
    words = list(dict.fromkeys(t.text for s in segment(seed_text)[0] for t in s.tokens if t.kind == "word"))
    others = [w for w in words if w != "قال"][:40]
    before = {w: morphology.analyse_word(w) for w in ["قال", *others]}
    size = morphology._cache_size
    morphology.clear_cache()
    morphology._cache_size = 10
    try:
        morphology.analyse_word("قال")
        for w in others:
            morphology.analyse_word(w)
            morphology.analyse_word("قال")
        assert "قال" in morphology._scored
        assert others[0] not in morphology._scored
        assert len(morphology._scored) <= 10
        assert {w: morphology.analyse_word(w) for w in ["قال", *others]} == before
    finally:
        morphology._cache_size = size
        morphology.clear_cache()
