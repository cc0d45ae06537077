#!/usr/bin/env python3
"""Mention precision/recall of newsgraph.entities on the ANERcorp training split (../shared/corpora).

    PYTHONPATH=src /work/main/.venv/bin/python benchmarks/mentions_anercorp.py [N_TOKENS] [--show]

The tokens are joined with spaces into one text; gold spans are the B-/I- runs (PERS->PER, LOC->GPE|LOC,
ORG->ORG; MISC ignored). A system mention counts when it overlaps a gold span of a compatible type.
Baseline measured in the same run: the gazetteer alone (source == "gazetteer").
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.entities.mentions import mentions_in_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "anercorp" / "ANERCorp_CamelLab_train.txt"
_TYPES = {"PERS": {"PER"}, "LOC": {"GPE", "LOC"}, "ORG": {"ORG"}}


def load(n: int) -> tuple[str, list[tuple[int, int, str]]]:
    parts, spans, pos, cur = [], [], 0, None
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:n]:
        if " " not in line.strip():
            continue
        tok, tag = line.rsplit(" ", 1)
        s, e = pos, pos + len(tok)
        parts.append(tok)
        pos = e + 1
        kind = tag[2:] if tag != "O" else None
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != kind)):
            if cur:
                spans.append(tuple(cur))
            cur = [s, e, kind]
        elif tag.startswith("I-") and cur:
            cur[1] = e
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return " ".join(parts), [s for s in spans if s[2] in _TYPES]


def score(mentions, gold):
    ok_pred = sum(any(m.start < e and s < m.end and m.type in _TYPES[k] for s, e, k in gold) for m in mentions)
    ok_gold = sum(any(m.start < e and s < m.end and m.type in _TYPES[k] for m in mentions) for s, e, k in gold)
    p = ok_pred / len(mentions) if mentions else 0.0
    r = ok_gold / len(gold) if gold else 0.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0


if __name__ == "__main__":
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "40000"))
    text, gold = load(n)
    ms = [m for m in mentions_in_text(text) if m.source not in ("nisba", "generic")]
    print("gold spans", len(gold), "system mentions", len(ms))
    print("all sources      P/R/F", score(ms, gold))
    print("gazetteer (base) P/R/F", score([m for m in ms if m.source == "gazetteer"], gold))
    for src in sorted({m.source for m in ms}):
        sub = [m for m in ms if m.source == src]
        ok = sum(any(m.start < e and s < m.end and m.type in _TYPES[k] for s, e, k in gold) for m in sub)
        print(f"  {src:10s} {len(sub):5d} mentions, precision {ok / len(sub):.3f}")
    if "--show" in sys.argv:
        for m in ms:
            if not any(m.start < e and s < m.end and m.type in _TYPES[k] for s, e, k in gold):
                print("FP", m.source, m.type, m.text, "|", text[max(0, m.start - 30):m.end + 30])
