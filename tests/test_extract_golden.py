"""Golden files for the statements of ``newsgraph extract`` on the development articles, and the scorer.

tests/golden/<article>.json keeps, per statement, only offsets and labels (cue span, cue type, kind,
required, speaker label and how it was resolved, content span) — never the sentences of SaudiNewsNet
articles, which are read at test time from ../shared/eval/articles.  Regenerate after an intended change:

    NEWSGRAPH_UPDATE_GOLDEN=1 PYTHONPATH=src python -m pytest tests/test_extract_golden.py
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import need_shared

from newsgraph.model import Article, Extraction
from newsgraph.pipeline import extract

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("NEWSGRAPH_UPDATE_GOLDEN") == "1"


def _summary(ex: Extraction) -> list[dict[str, Any]]:
    out = []
    for s in sorted(ex.statements, key=lambda s: s.cue.start):
        out.append({
            "cue": [s.cue.start, s.cue.end],
            "type": s.cue.cue_type,
            "kind": s.kind,
            "required": s.required,
            "speaker": s.speaker.label,
            "resolved_by": s.speaker.resolved_by,
            "content": [s.content.start, s.content.end] if s.content else None,
        })
    return out


@pytest.fixture(scope="module")
def extractions(morphology) -> dict[str, tuple[str, Extraction]]:  # type: ignore[no-untyped-def]
    articles = need_shared("eval", "articles")
    out = {}
    for path in sorted(articles.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = (text, extract(Article.from_text(text, id=path.stem), morphology=morphology))
    return out


def _names() -> list[str]:
    return sorted(p.stem for p in GOLDEN.glob("*.json"))


@pytest.mark.parametrize("name", _names())
def test_statements_match_the_golden_file(name, extractions):  # type: ignore[no-untyped-def]
    if name not in extractions:
        pytest.skip(f"article {name} is not in ../shared/eval/articles")
    text, ex = extractions[name]
    got = _summary(ex)
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want
    for s in ex.statements:  # offsets point into the text as read
        assert text[s.cue.start : s.cue.end] == s.cue.text
        if s.content is not None:
            assert text[s.content.start : s.content.end] == s.content.text


def test_every_development_article_has_a_golden_file(extractions):  # type: ignore[no-untyped-def]
    missing = sorted(set(extractions) - set(_names()))
    if UPDATE:
        for name in missing:
            (GOLDEN / f"{name}.json").write_text(
                json.dumps(_summary(extractions[name][1]), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        missing = []
    assert not missing, f"no golden file for {missing}; regenerate with NEWSGRAPH_UPDATE_GOLDEN=1"


def test_scorer_statement_and_attribution_targets(extractions):  # type: ignore[no-untyped-def]
    # the targets on the development set: statement F1 >= 0.95, attribution F1 >= 0.92 (micro)
    score_py = need_shared("eval", "score.py")
    spec = importlib.util.spec_from_file_location("newsgraph_eval_score", score_py)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    results = []
    for gold_path in sorted(need_shared("eval", "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        _text, ex = extractions[Path(gold["article"]).stem]
        results.append(scorer.score(gold, json.loads(json.dumps(ex.to_dict(), ensure_ascii=False))))
    micro = scorer.micro(results)
    assert micro["statement"]["f1"] >= 0.95, micro["statement"]
    assert micro["attribution"]["f1"] >= 0.92, micro["attribution"]
