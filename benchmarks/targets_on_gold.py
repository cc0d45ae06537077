#!/usr/bin/env python3
"""Target quality of newsgraph.entities on GOLD statements (cue, speaker), independent of attribution.

    PYTHONPATH=src /work/main/.venv/bin/python benchmarks/targets_on_gold.py [--explain] [--no-nisba] [--no-desc]

Builds one Statement per gold statement: the cue from the gold offsets, the content from the cue to the
end of its sentence (for attribution particles بحسب/وفق/نقلاً: the sentence before the cue), the speaker
mention = the first alias of a gold speaker found near the cue. Runs entities.resolve and scores the
targets with shared/eval/score.py (who_about_whom = targets here, since speakers come from gold).
Prints the micro scores and, as a baseline measured in the same run, the scores of "every gazetteer
mention in the content" (no nisba, no surname, no pattern rules).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from newsgraph import entities
from newsgraph.model import Article, Cue, Document, Span, Speaker, Statement

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_PARTICLES = ("بحسب", "حسب", "وفق", "وفقا", "وفقاً", "نقلا", "نقلاً", "طبقا", "طبقاً")
_SENT_END = re.compile(r"[.!؟?]\s|\n")
_CONTENT_START = re.compile(r"(?<![\w\u0621-\u064a])(?:[أإا]ن(?:ه|ها|هم)?|بأن|لأن)(?![\w\u0621-\u064a])|[:\"«“]")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def gold_statements(text: str, gold: dict) -> tuple[Statement, ...]:
    """Statements built from the gold cues: content = cue to sentence end (or sentence start to cue)."""
    out = []
    for k, g in enumerate(gold["statements"]):
        cs, ce = g["cue"]["start"], g["cue"]["end"]
        prev = [m.end() for m in _SENT_END.finditer(text, 0, cs)]
        s_start = prev[-1] if prev else 0
        m = _SENT_END.search(text, ce)
        s_end = m.start() + 1 if m else len(text)
        if g["cue"]["text"].lstrip("و").startswith(_PARTICLES):
            content = Span.of(text, s_start, cs)
        else:
            # what attribution gives: the content starts at the complementiser أن/إن, a colon or a quote
            # after the speaker phrase (the setting "خلال لقائه X" is not content)
            m2 = _CONTENT_START.search(text, ce, s_end)
            content = Span.of(text, m2.start() if m2 else ce, s_end)
        spk = gold["entities"][g["speaker"][0]] if g["speaker"] else {"aliases": ["?"]}
        mention = None
        for alias in spk["aliases"]:
            pos = text.find(alias, max(0, cs - 80), ce + 120)
            if pos >= 0:
                mention = Span.of(text, pos, pos + len(alias))
                break
        label = spk["aliases"][0]
        cue = Cue(cs, ce, text[cs:ce], g["cue"]["text"])
        out.append(Statement(f"g{k}", g.get("kind", "indirect") if g.get("kind") in ("direct", "indirect", "mixed")
                             else "indirect", cue, Speaker(None, label, "gold", mention=mention), content=content,
                             required=g.get("required", True)))
    return tuple(out)


def run(explain: bool, **opts: bool) -> dict:
    score = _scorer()
    results = []
    for gp in sorted((EVAL / "gold").glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (EVAL / "articles" / gold["article"]).read_text(encoding="utf-8")
        doc = Document(Article.from_text(text, id=gold["article"]), ())
        sts = gold_statements(text, gold)
        _, sts = entities.resolve(doc, entities.find_mentions(doc), sts, **opts)
        system = {"statements": [s.to_dict() for s in sts]}
        r = score.score(gold, system, explain=explain)
        if explain:
            print(gold["article"], json.dumps(r["targets"]))
            for n in r["notes"]:
                if n.startswith("TARGETS"):
                    print("   ", n)
        results.append(r)
    return score.micro(results)


if __name__ == "__main__":
    explain = "--explain" in sys.argv
    opts = {"nisba": "--no-nisba" not in sys.argv, "descriptions": "--no-desc" not in sys.argv}
    total = run(explain, **opts)
    print("targets", json.dumps(total["targets"]), "who_about_whom", json.dumps(total["who_about_whom"]))
