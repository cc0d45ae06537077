"""Benchmark: SaudiNewsNet to a persistent graph store, against camel-tools' Analyzer alone.

For the first N articles of SaudiNewsNet (file-name then array order; default N = 1,000 and
10,000) it measures, in one run:

* the whole build (read, extract with newsgraph.pipeline, write N-Quads into a fresh pyoxigraph
  store) with 1 worker and with ``--workers`` workers: words/s, articles/s, peak RSS per worker
  and the speed-up;
* the baseline: ``Analyzer(MorphologyDB.builtin_db())`` analysing every token occurrence of the same
  articles (camel's ``simple_word_tokenize``), no cache.  The Analyzer is slow, so by default it
  analyses the subset's tokens in order for ``--baseline-seconds`` and the time for all of them is
  extrapolated from that rate (``--baseline-full`` analyses every one).  Its database load time
  is reported apart and not charged to it.

Words are whitespace-separated words of the article text (title + content), as the SaudiNewsNet
statistics count them.

    PYTHONPATH=src python benchmarks/bench_corpus.py --limit 1000 --limit 10000 --workers 2
    PYTHONPATH=src python benchmarks/bench_corpus.py --full --workers 2      # all 31,030 articles
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph.corpus import format_summary, iter_articles, run_corpus
from newsgraph.model import Article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "saudinewsnet"


def baseline(limit: int | None, *, seconds: float, full: bool) -> dict[str, Any]:
    """camel-tools' Analyzer over every token occurrence of the first ``limit`` articles (rate-extrapolated)."""
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB
    from camel_tools.tokenizers.word import simple_word_tokenize

    started = time.perf_counter()
    analyzer = Analyzer(MorphologyDB.builtin_db())
    load = time.perf_counter() - started
    words = tokens = analysed = 0
    spent = 0.0
    for i, item in enumerate(iter_articles([CORPUS])):
        if limit is not None and i >= limit:
            break
        if not isinstance(item, Article):
            continue
        words += len(item.text.split())
        toks = simple_word_tokenize(item.text)
        tokens += len(toks)
        if full or spent < seconds:
            t0 = time.perf_counter()
            for token in toks:
                analyzer.analyze(token)
            spent += time.perf_counter() - t0
            analysed += len(toks)
    rate = analysed / spent if spent else 0.0
    estimated = tokens / rate if rate else float("inf")
    return {"load_s": load, "tokens": tokens, "tokens_analysed": analysed, "analyse_s": spent,
            "tokens_per_s": rate, "seconds": estimated, "words": words,
            "words_per_s": words / estimated if estimated else 0.0, "extrapolated": analysed < tokens,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def build(limit: int | None, workers: int, root: Path, *, progress: bool) -> dict[str, Any]:
    store = root / f"store-{limit}-{workers}"
    shutil.rmtree(store, ignore_errors=True)
    summary = run_corpus([CORPUS], store=store, workers=workers, limit=limit, progress=progress)
    print(format_summary(summary), file=sys.stderr)
    shutil.rmtree(store, ignore_errors=True)
    out = summary.to_dict()
    out.pop("skips")
    return out


def main() -> int:
    global CORPUS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, action="append", help="first N articles (repeatable; default "
                        "1000 and 10000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the parallel run (the "
                        "single-worker run is always measured too)")
    parser.add_argument("--full", action="store_true", help="all 31,030 articles with --workers workers only")
    parser.add_argument("--baseline-seconds", type=float, default=60.0, help="time budget of the Analyzer "
                        "baseline per subset (its rate is extrapolated to every token)")
    parser.add_argument("--baseline-full", action="store_true", help="analyse every token in the baseline")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the SaudiNewsNet zips "
                        "(default: ../shared/corpora/saudinewsnet beside the checkout)")
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the temporary stores")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"needs the SaudiNewsNet zips in {args.corpus}", file=sys.stderr)
        return 2
    CORPUS = args.corpus
    root = Path(tempfile.mkdtemp(prefix="bench-corpus-", dir=args.tmp))
    progress = not args.quiet and sys.stderr.isatty()
    limits: list[int | None] = [None] if args.full else (args.limit or [1000, 10000])
    results = []
    try:
        for limit in limits:
            name = "all" if limit is None else f"first {limit:,}"
            row: dict[str, Any] = {"articles": name}
            counts = [args.workers] if args.full else sorted({1, args.workers})
            for workers in counts:
                row[f"build_{workers}w"] = build(limit, workers, root, progress=progress)
            if not args.no_baseline and not args.full:
                row["baseline"] = baseline(limit, seconds=args.baseline_seconds, full=args.baseline_full)
            results.append(row)
            report(row, counts)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(results, ensure_ascii=False))
    return 0


def report(row: dict[str, Any], counts: list[int]) -> None:
    print(f"\n== SaudiNewsNet, {row['articles']} articles")
    builds = {w: row[f"build_{w}w"] for w in counts}
    for w, b in builds.items():
        rss = ", ".join(f"{k} {v:,.0f} MB" for k, v in b["peak_rss_mb"].items())
        print(f"build, {w} worker{'s' if w > 1 else ''}: {b['articles']:,} articles, {b['words']:,} words in "
              f"{b['seconds']:.1f} s = {b['words_per_second']:,.0f} words/s ({b['articles_per_second']:.1f} "
              f"articles/s); {b['statements']:,} statements, {b['actors']:,} actors; skipped "
              f"{b['skipped_by_reason']}; peak RSS {rss}")
    if 1 in builds and len(builds) > 1:
        w = max(builds)
        one, many = builds[1], builds[w]
        print(f"speed-up 1 -> {w} workers: {one['seconds'] / many['seconds']:.2f}x")
    base = row.get("baseline")
    if base is not None:
        how = (f"extrapolated from {base['tokens_analysed']:,} tokens in {base['analyse_s']:.0f} s"
               if base["extrapolated"] else "every token analysed")
        print(f"baseline, camel-tools Analyzer alone: {base['tokens']:,} tokens at {base['tokens_per_s']:,.0f} "
              f"tokens/s = {base['seconds']:.0f} s = {base['words_per_s']:,.0f} words/s ({how}; database load "
              f"{base['load_s']:.1f} s not counted; RSS {base['rss_mb']:,.0f} MB)")
        one = builds.get(1)
        if one is not None:
            print(f"whole build with 1 worker vs Analyzer alone: {base['seconds'] / one['seconds']:.2f}x faster")


if __name__ == "__main__":
    sys.exit(main())
