"""Score newsgraph.stance on GOLD statements and GOLD targets (no extraction needed).

For every gold statement the script builds a Statement with the gold cue, the gold speaker (its first
alias as label, the words between the cue and the speaker's name as title), a content window from the
cue to the sentence end, and one Target per gold stance entry, found by searching the entity's aliases
(then a nisba of them) inside that window.  It runs ``assign_stances`` and prints accuracy, macro-F1
over pos/neg/neu and the all-neu baseline, per article and overall.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/eval_stance_gold.py [--explain] [GOLD_DIR ARTICLE_DIR]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph.model import Article, Cue, Span, Speaker, Statement, Target
from newsgraph.pipeline import analyse
from newsgraph.stance import _statement_tokens, _stem_set, assign_stances

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
STANCES = ("pos", "neg", "neu")
PARTICLES = {"بحسب", "حسب", "وفق", "وفقا", "وفقاً", "نقلا", "نقلاً", "حسبما", "بحسبه", "طبقا", "طبقاً", "لسان"}
_VARIANTS = {"ا": "اأإآٱ", "ي": "يى", "ه": "هة", "و": "وؤ"}
_DIAC = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"


def _alias_re(alias: str) -> re.Pattern[str]:
    parts = []
    for c in re.sub("[\u064b-\u065f\u0670\u0640]", "", alias):
        base = {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و"}.get(c, c)
        chars = _VARIANTS.get(base, re.escape(c) if not c.isspace() else r"\s+")
        parts.append(f"[{chars}]" if base in _VARIANTS else chars)
        parts.append(_DIAC)
    # a name may carry clitics before it (وروسيا، لمصر) but no letters after it (اليمن is not اليمنية)
    return re.compile("".join(parts) + r"(?![\u0621-\u064a])")


def _find(text: str, aliases: list[str], lo: int, hi: int) -> Span | None:
    best = None
    for a in sorted(aliases, key=len, reverse=True):
        if not re.search("[\u0600-\u06ff]", a) or len(a) < 2:
            continue
        m = _alias_re(a).search(text, lo, hi)
        if m and (best is None or m.start() < best.start):
            best = Span.of(text, m.start(), m.end())
    return best


def _find_nisba(text: str, aliases: list[str], lo: int, hi: int) -> Span | None:
    stems = set()
    for a in aliases:
        if re.search("[\u0600-\u06ff]", a) and len(a.split()) == 1:
            stems |= _stem_set(a)
    for m in re.finditer(r"[^\W\d_]+", text[lo:hi]):
        if _stem_set(m.group()) & stems:
            return Span.of(text, lo + m.start(), lo + m.end())
    return None


def build(gold: dict, text: str) -> tuple[list[Statement], list[dict[str, str]], int]:
    ents = gold["entities"]
    stmts, wants, missing = [], [], 0
    for n, g in enumerate(gold["statements"]):
        cs, ce = g["cue"]["start"], g["cue"]["end"]
        cue_text = text[cs:ce]
        word = re.sub("[\u064b-\u065f]", "", cue_text).strip()
        if word in PARTICLES or word.lstrip("و") in PARTICLES:
            ctype = "particle"
        elif not g.get("required", True) and cue_text.rstrip().endswith(":"):
            ctype = "headline"
        elif g.get("kind") == "nominal":
            ctype = "nominal"
        else:
            ctype = "verb"
        m = re.compile(r"[.!?؟\n]").search(text, ce)
        send = m.end() if m else len(text)
        spk_id = g["speaker"][0] if g["speaker"] else None
        spk_aliases = ents.get(spk_id, {}).get("aliases", []) if spk_id else []
        ar = [a for a in spk_aliases if re.search("[\u0600-\u06ff]", a)]
        label = ar[0] if ar else (spk_id or "")
        content_lo = ce
        title = None
        mention = None
        sp = _find(text, spk_aliases, ce, min(send, ce + 120))
        while sp is not None:  # extend over a following alias (وزير الخارجية المصري سامح شكري)
            nxt = _find(text, spk_aliases, sp.end, min(send, sp.end + 40))
            if nxt is None or nxt.start - sp.end > 1:
                break
            sp = Span.of(text, sp.start, nxt.end)
        if sp is not None:
            mention = sp
            if sp.start - ce < 60:
                title = text[ce : sp.start].strip() or None
                content_lo = sp.end
        speaker = Speaker(spk_id, label, "gold", tuple(spk_aliases), mention, title)
        targets = []
        want = {}
        for tid, stance in (g.get("stance") or {}).items():
            aliases = ents.get(tid, {}).get("aliases", [])
            span = _find(text, aliases, content_lo, send)
            via = "name"
            if span is None:
                span = _find_nisba(text, aliases, content_lo, send)
                via = "nisba"
            if span is None:
                span = _find(text, aliases, ce, send)
                via = "name"
            if span is None:
                missing += 1
                continue
            if "بلاد" in span.text:
                via = "pronoun"
            # a nisba matched through a one-word alias (روسيه inside الروسية): mark it as the entity layer would
            if via == "name" and text[max(0, span.start - 2) : span.start] == "ال" and span.text[-1:] in "ةهي":
                via = "nisba"
                span = Span.of(text, span.start - 2, span.end)
            targets.append(Target(tid, aliases[0] if aliases else tid, span, tuple(aliases), via))
            want[tid] = stance
        lemma = re.sub("^[وف]", "", word) if ctype != "headline" else word
        cue = Cue(cs, ce, cue_text, lemma, ctype)  # type: ignore[arg-type]
        content = Span.of(text, content_lo, send)
        stmts.append(Statement(f"g{n}", g.get("kind", "indirect") if g.get("kind") in ("direct", "indirect", "mixed")
                               else "indirect", cue, speaker, content, tuple(targets), g.get("required", True)))
        wants.append(want)
    return stmts, wants, missing


def scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    def f1(x: str, preds: list[str]) -> float:
        tp = sum(1 for (w, p) in zip((w for w, _ in pairs), preds, strict=True) if w == p == x)
        np_ = sum(1 for p in preds if p == x)
        ng = sum(1 for w, _ in pairs if w == x)
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        return 2 * pr * rc / (pr + rc) if pr + rc else 0.0

    preds = [p for _, p in pairs]
    neu = ["neu"] * len(pairs)
    n = len(pairs) or 1
    return {
        "pairs": len(pairs),
        "accuracy": sum(w == p for w, p in pairs) / n,
        "macro_f1": sum(f1(x, preds) for x in STANCES) / 3,
        "f1": {x: round(f1(x, preds), 3) for x in STANCES},
        "neu_accuracy": sum(w == "neu" for w, _ in pairs) / n,
        "neu_macro_f1": sum(f1(x, neu) for x in STANCES) / 3,
    }


def main(argv: list[str]) -> int:
    explain = "--explain" in argv
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else EVAL / "gold"
    art_dir = Path(args[1]) if len(args) > 1 else EVAL / "articles"
    allpairs: list[tuple[str, str]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    total_missing = 0
    elapsed = base = 0.0
    ntok = 0
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (art_dir / gold["article"]).read_text(encoding="utf-8")
        doc = analyse(Article.from_text(text, id=gold["article"]))
        stmts, wants, missing = build(gold, text)
        total_missing += missing
        t0 = time.perf_counter()
        out = assign_stances(doc, tuple(stmts))
        elapsed += time.perf_counter() - t0
        t0 = time.perf_counter()
        ntok += sum(len(_statement_tokens(doc, st)) for st in stmts)  # the baseline: tokenising the windows
        base += time.perf_counter() - t0
        pairs = []
        for st, want in zip(out, wants, strict=True):
            for t in st.targets:
                got = t.stance or "none"
                pairs.append((want[t.entity], got))
                confusion[(want[t.entity], got)] += 1
                if explain and got != want[t.entity]:
                    ev = t.evidence.text if t.evidence else "-"
                    ctx = text[st.cue.start : st.content.end if st.content else st.cue.end][:150].replace("\n", " ")
                    print(f"   {gold['article'][:22]} {st.cue.start:>5} {st.cue.text} {t.entity}: "
                          f"gold={want[t.entity]} got={got} ev={ev} [{t.mention.text}|{t.via}] :: {ctx}")
        allpairs += pairs
        s = scores(pairs)
        print(f"{gold['article']:<32} pairs={s['pairs']:>3} acc={s['accuracy']:.3f} macroF1={s['macro_f1']:.3f} "
              f"(all-neu acc={s['neu_accuracy']:.3f} F1={s['neu_macro_f1']:.3f}) missing_targets={missing}")
    s = scores(allpairs)
    print(json.dumps({"overall": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items()},
                      "targets_not_found": total_missing}, ensure_ascii=False))
    print("confusion (gold, system):", dict(sorted(confusion.items())))
    print(f"speed: {elapsed / max(ntok, 1) * 1e6:.1f} µs per statement token ({ntok} tokens); "
          f"{elapsed / max(base, 1e-9):.1f}x the time of only tokenising the statement windows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
