"""The CRF entity tagger (newsgraph.ner) and ``newsgraph ner --conll``."""

from __future__ import annotations

import re

import pytest

from conftest import SEED_ARTICLE, need_shared
from newsgraph import ner
from newsgraph.cli import main
from newsgraph.model import Token

# Sentences of the seed article (seeds/000_bbdb7bd5d11f476f.txt), tokenised as ANERcorp is:
# words, with punctuation split off.
SEED_SENTENCES = [
    "كما صرّح الرئيس الروسي فلاديمير بوتين أن بلاده ستستهدف الجهاديين في سوريا قبل ان \"يصلوا الى بلادنا\".",
    "بالفيديو- روسيا بدأت غاراتها الجوية في سوريا والقصف شمل ثلاث محافظات",
    "وقالت الرئاسة السورية في بيان نشرته على صفحتها الرسمية على موقع #فايسبوك ان \"إرسال القوات الجوية "
    "الروسية إلى سورية تم بطلب من الدولة السورية عبر رسالة أرسلها الرئيس الاسد للرئيس بوتين\".",
]


def _tokens(sentence: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", sentence)


def _conll(sentences: list[str]) -> str:
    return "\n\n".join("\n".join(_tokens(s)) for s in sentences) + "\n"


def test_seed_sentences_are_in_the_seed_article():
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for s in SEED_SENTENCES:
        assert s.split("\"")[0].strip() in text


def test_cli_keeps_tokens_and_sentences_and_tags_seed_names(tmp_path, capsys):
    path = tmp_path / "seed.conll"
    # a second column is ignored; a double blank line stays double
    text = _conll(SEED_SENTENCES).replace("\n\n", "\n\n\n", 1).replace("بوتين\n", "بوتين\tX\n", 1)
    path.write_text(text, encoding="utf-8")
    assert main(["ner", "--conll", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    inp = text.splitlines()
    assert len(out) == len(inp)
    for i_line, o_line in zip(inp, out, strict=True):
        if not i_line.strip():
            assert o_line == ""
            continue
        token, tag = o_line.split(" ")
        assert token == i_line.split()[0]
        assert re.fullmatch(r"O|[BI]-(PERS|LOC|ORG|MISC)", tag)
    tags = {}
    for line in out:
        if line:
            tok, tag = line.split(" ")
            tags.setdefault(tok, []).append(tag)
    # "... الرئيس الروسي فلاديمير بوتين ..." (seed, paragraph 4)
    assert tags["فلاديمير"] == ["B-PERS"]
    assert set(tags["بوتين"]) <= {"I-PERS", "B-PERS"} and tags["بوتين"][0] == "I-PERS"
    assert set(tags["روسيا"]) == {"B-LOC"}
    assert set(tags["سوريا"]) == {"B-LOC"}


def test_bare_surname_is_a_person():
    # "... رسالة أرسلها الرئيس الاسد للرئيس بوتين" (seed, paragraph 6)
    tokens = _tokens(SEED_SENTENCES[2])
    tags = ner.tag_tokens(tokens)
    assert tags[tokens.index("بوتين")] == "B-PERS"


def test_cli_reads_stdin(monkeypatch, capsys):
    import io

    data = "روسيا\nتقصف\n\nبوتين\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["ner", "--conll", "-"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[0] for line in out] == ["روسيا", "تقصف", "", "بوتين"]


def test_cli_bad_input_is_a_clear_error(tmp_path, capsys):
    assert main(["ner", "--conll", str(tmp_path / "nope.conll")]) == 1
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "latin1.conll"
    bad.write_bytes("روسيا".encode("cp1256"))
    assert main(["ner", "--conll", str(bad)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_empty_input_gives_empty_output(tmp_path, capsys):
    path = tmp_path / "empty.conll"
    path.write_text("", encoding="utf-8")
    assert main(["ner", "--conll", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_find_mentions_offsets_point_into_the_text():
    text = SEED_SENTENCES[0]
    toks = [Token(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    mentions = ner.find_mentions([toks], text)
    assert [(m.text, m.type) for m in mentions] == [("فلاديمير بوتين", "PER"), ("سوريا", "GPE")]
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.source == "crf"


def test_span_scores_are_exact_span():
    gold = [["B-PERS", "I-PERS", "O", "B-ORG", "I-ORG"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG", "O"]]
    s = ner.span_scores(gold, pred)
    assert (s["PERS"].tp, s["ORG"].tp, s["ORG"].fp, s["ORG"].fn) == (1, 0, 1, 1)
    assert s["micro"].precision == pytest.approx(0.5)


def test_stem_features_come_from_the_morphology_database():
    # "كما صرّح الرئيس الروسي فلاديمير بوتين ..." (seed, paragraph 4): بوتين is only a proper noun in the
    # database, الروسي a nisba with a capitalised gloss ("Russian"); لافروف is not a stem at all
    feats = ner.sentence_features(_tokens(SEED_SENTENCES[0]))
    toks = _tokens(SEED_SENTENCES[0])
    assert "db=np1" in feats[toks.index("بوتين")]
    assert "db=cap" in feats[toks.index("الروسي")]
    assert "+1:db=np1" in feats[toks.index("فلاديمير")]  # the next word's class is seen too
    assert "db=none" in ner.sentence_features(["لافروف"])[0]
    assert not any(f.startswith("db") for f in ner.sentence_features(["ISIS", "2015", "."])[1])


def test_trigger_before_and_speech_verb_after_are_features():
    # a written sentence: "the Russian foreign minister Sergei Lavrov said ... in the city of Homs"
    toks = ["وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "قال", "إن", "القصف", "في", "مدينة", "حمص", "توقف"]
    feats = ner.sentence_features(toks)
    # the title reaches سيرغي three words on (beyond the ±2 window) and لافروف four words on
    assert {"tP", "tP@3"} <= set(feats[3]) and "tP@4" in feats[4]
    # the speech verb قال is 2 and 1 words after the two parts of the name
    assert "sv@2" in feats[3] and "sv@1" in feats[4]
    assert "tL@1" in feats[10]  # مدينة حمص
    # a function word stops a trigger: في between القصف and مدينة, nothing from the title reaches القصف
    assert not any(f.startswith("tP") for f in feats[7])
    assert not any(f.startswith(("tP", "tO", "tL")) for f in ner.sentence_features(["الرئيس", "في", "دمشق"])[2])
    # punctuation stops a speech verb
    assert not any(f.startswith("sv@") for f in ner.sentence_features(["بوتين", "،", "قال"])[0])


def test_gazetteer_has_towns_and_speech_verbs():
    gaz = ner._gazetteer()
    assert ner._lookup(ner.norm_word("وقالت"), gaz) == frozenset({"speech"})  # و + قالت
    towns = [k for k, v in gaz.single.items() if "town" in v]
    assert len(towns) > 3000
    # a town name the morphology database knows only as a common word is left out (حرير "silk")
    assert "town" not in ner._lookup("حرير", gaz)


def test_stem_table_is_cached_in_the_user_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    ner._stem_flags.cache_clear()
    try:
        built = ner._stem_flags()
        files = list((tmp_path / "newsgraph").glob("ner-stems-*.tsv"))
        assert len(files) == 1
        ner._stem_flags.cache_clear()
        assert ner._stem_flags() == built  # read back from the cache file
        assert built["بوتين"] == "p"
    finally:
        ner._stem_flags.cache_clear()


def test_token_with_space_is_rejected():
    with pytest.raises(ValueError, match="whitespace"):
        ner.tag_tokens(["روسيا", "فلاديمير بوتين"])


@pytest.mark.shared
def test_held_out_f1_of_the_shipped_model():
    """Exact-span micro F1 over PERS, LOC, ORG on the held-out last 10% of ANERcorp's training split.

    scripts/train_ner.py measured 0.733 (two passes); the brief's target was 0.75 (see README "Entity
    recognition"); 0.72 guards against regressions.
    """
    path = need_shared("corpora", "anercorp", "ANERCorp_CamelLab_train.txt")
    sentences = ner.read_conll(path.read_text(encoding="utf-8"))
    held = sentences[len(sentences) - len(sentences) // 10:]
    gold = [[t[1] for t in s] for s in held]
    pred = ner.tag_sentences([[t[0] for t in s] for s in held])
    scores = ner.span_scores(gold, pred)
    assert scores["micro"].f1 >= 0.72, {k: round(v.f1, 3) for k, v in scores.items()}
