"""Throughput of segmentation + morphology against camel-tools' own Analyzer, on SaudiNewsNet.

Reads the first N articles (default 1,000) of ../shared/corpora/saudinewsnet/*.zip (zip files in
name order, then array order; the ``content`` field) and, in one run over the same word tokens:

1. newsgraph: ``segment`` + ``Morphology.analyse_sentences`` (each distinct form analysed once);
2. baseline: camel-tools ``Analyzer(MorphologyDB.builtin_db())`` analysing every word token
   occurrence (no cache: what a naive pipeline does);
3. camel-tools' ``Analyzer(..., cache_size=...)`` (its own LFU cache).

Prints tokens/s of each, the ratios, and peak RSS after each phase.  Usage (from the checkout):

    PYTHONPATH=src /work/main/.venv/bin/python benchmarks/bench_text.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_articles(limit: int) -> list[str]:
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for record in json.loads(zf.read(name)):
                    texts.append(record.get("content") or "")
                    if len(texts) == limit:
                        return texts
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--camel-cache", type=int, default=100_000, help="cache_size of camel's cached Analyzer")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"bench_text: {CORPUS} is absent (the shared development data); nothing to measure")
        return 0

    from newsgraph.morphology import Morphology
    from newsgraph.segment import segment

    texts = read_articles(args.articles)
    chars = sum(len(t) for t in texts)
    print(f"articles: {len(texts)}  characters: {chars:,}  (first {args.articles} of {CORPUS})")
    print(f"peak RSS before loading anything: {peak_rss_mb():.0f} MB")

    # -- newsgraph ---------------------------------------------------------------------------
    t0 = time.perf_counter()
    morph = Morphology()
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    segmented = [segment(t)[0] for t in texts]
    seg_s = time.perf_counter() - t0
    n_tokens = sum(len(s.tokens) for doc in segmented for s in doc)
    words = [tok.text for doc in segmented for s in doc for tok in s.tokens if tok.kind == "word"]

    t0 = time.perf_counter()
    analysed = [morph.analyse_sentences(doc) for doc in segmented]
    morph_s = time.perf_counter() - t0
    n_analysed = sum(1 for doc in analysed for s in doc for t in s.tokens if t.analysis is not None)
    ng_s = seg_s + morph_s
    info = morph.cache_info()
    print(f"\nnewsgraph (database load {load_s:.1f} s, not counted)")
    print(f"  tokens: {n_tokens:,}  word tokens: {len(words):,}  distinct forms analysed: {info['forms']:,}")
    share = n_analysed / max(1, len(words))
    print(f"  analysed words: {n_analysed:,} ({share:.1%})  shared analyses: {info['analyses']:,}")
    print(f"  segment:    {seg_s:7.2f} s  {n_tokens / seg_s:10,.0f} tokens/s")
    print(f"  morphology: {morph_s:7.2f} s  {len(words) / morph_s:10,.0f} word tokens/s")
    print(f"  together:   {ng_s:7.2f} s  {n_tokens / ng_s:10,.0f} tokens/s  {len(words) / ng_s:10,.0f} word tokens/s")
    print(f"  peak RSS after newsgraph: {peak_rss_mb():.0f} MB")
    del analysed, segmented
    gc.collect()

    # -- camel-tools baseline ------------------------------------------------------------------
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    db = MorphologyDB.builtin_db()
    plain = Analyzer(db)
    t0 = time.perf_counter()
    for w in words:
        plain.analyze(w)
    plain_s = time.perf_counter() - t0
    print("\ncamel-tools Analyzer(MorphologyDB.builtin_db()), every word token, no cache")
    print(f"  {plain_s:7.2f} s  {len(words) / plain_s:10,.0f} word tokens/s")

    cached = Analyzer(db, cache_size=args.camel_cache)
    t0 = time.perf_counter()
    for w in words:
        cached.analyze(w)
    cached_s = time.perf_counter() - t0
    print(f"camel-tools Analyzer(..., cache_size={args.camel_cache:,}) (its LFU cache)")
    print(f"  {cached_s:7.2f} s  {len(words) / cached_s:10,.0f} word tokens/s")
    print(f"  peak RSS after camel-tools runs: {peak_rss_mb():.0f} MB")

    print("\nratios (word tokens/s)")
    print(f"  newsgraph segment+morphology vs camel no cache:  {plain_s / ng_s:6.1f}x")
    print(f"  newsgraph segment+morphology vs camel cached:    {cached_s / ng_s:6.1f}x")
    print(f"  newsgraph morphology alone vs camel no cache:    {plain_s / morph_s:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
