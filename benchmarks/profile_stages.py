#!/usr/bin/env python3
"""CPU time per pipeline stage over the first N SaudiNewsNet articles, cold and warm morphology cache.

    nice -n 19 env PYTHONPATH=src /work/main/.venv/bin/python benchmarks/profile_stages.py [--articles 500]

Reads the articles with the corpus reader the build uses (newsgraph.corpus.readers.iter_articles, zips
in file-name order), then runs every stage of ``newsgraph build`` on them twice in this process:

1. cold: the morphology cache emptied first (as in a fresh worker process);
2. warm: the same articles again, every word form already analysed.

The garbage collector runs with a build worker's thresholds (newsgraph.corpus.runner.GC_THRESHOLDS)
unless --gc-threshold gives others (``--gc-threshold 700 10 10`` is Python's default); the time spent
in collections is printed too (it is already inside the stage that triggered it).

Per run it prints CPU seconds (time.process_time) per stage and its share, articles/s and words/s of
one process, and the extraction time next to the text layer's (text layer = segment + morphology,
extraction = everything after it: mentions, attribution, resolve, stance, N-Quads).  Never copies
corpus text anywhere.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from newsgraph import attribution, entities, segment, stance
from newsgraph.corpus.rdf import extraction_nquads
from newsgraph.corpus.readers import iter_articles
from newsgraph.corpus.runner import GC_THRESHOLDS
from newsgraph.model import Article, Document, Extraction
from newsgraph.morphology import get_morphology

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"
STAGES = ("segment", "morphology", "mentions", "attribution", "resolve", "stance", "nquads")
TEXT_LAYER = ("segment", "morphology")


def read(limit: int) -> tuple[list[Article], float]:
    """The first ``limit`` articles and the CPU seconds the reader took."""
    t0 = time.process_time()
    articles = [a for a in islice(iter_articles([CORPUS]), limit) if isinstance(a, Article)]
    return articles, time.process_time() - t0


class _GcClock:
    """CPU seconds spent in garbage collections (inside whichever stage triggered them)."""

    def __init__(self) -> None:
        self.spent = 0.0
        self.started = 0.0
        gc.callbacks.append(self)

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.process_time()
        else:
            self.spent += time.process_time() - self.started


GC = _GcClock()


def run(articles: list[Article]) -> dict[str, float]:
    """CPU seconds per stage over the articles (the stages of pipeline.extract, then the N-Quads)."""
    morph = get_morphology()
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    gc_before = GC.spent

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0 = clock()
        out = fn()
        spent[name] += clock() - t0
        return out

    for article in articles:
        sentences, warnings = timed("segment", lambda a=article: segment.segment(a.text))
        doc = timed("morphology", lambda a=article, s=sentences, w=warnings: Document(
            article=a, sentences=morph.analyse_sentences(s), warnings=w))
        mentions = timed("mentions", lambda d=doc: entities.find_mentions(d))
        statements, att_warnings = timed("attribution", lambda d=doc, m=mentions: attribution.extract_statements(d, m))
        ents, statements = timed("resolve", lambda d=doc, m=mentions, s=statements: entities.resolve(d, m, s))
        statements = timed("stance", lambda d=doc, s=statements: stance.assign_stances(d, s))
        ex = Extraction(article=article, entities=ents, statements=statements, warnings=doc.warnings + att_warnings)
        timed("nquads", lambda e=ex: extraction_nquads(e))
    spent["(gc)"] = GC.spent - gc_before
    return spent


def report(title: str, spent: dict[str, float], n: int, words: int, read_s: float) -> None:
    total = sum(spent[s] for s in STAGES) + read_s
    print(f"\n== {title}: {n} articles, {words:,} words ==")
    print(f"  {'read':<12} {read_s:8.2f} s  {100 * read_s / total:5.1f} %")
    for name in STAGES:
        print(f"  {name:<12} {spent[name]:8.2f} s  {100 * spent[name] / total:5.1f} %")
    print(f"  {'(gc inside)':<12} {spent['(gc)']:8.2f} s  {100 * spent['(gc)'] / total:5.1f} %  (garbage collection, "
          "already counted in the stages that triggered it)")
    print(f"  {'total':<12} {total:8.2f} s  -> {n / total:6.1f} articles/s, {words / total:8,.0f} words/s per process")
    text_layer = sum(spent[s] for s in TEXT_LAYER)
    extraction = sum(spent[s] for s in STAGES if s not in TEXT_LAYER)
    print(f"  extraction time next to the text layer's: extraction {extraction:.2f} s, "
          f"text layer {text_layer:.2f} s, ratio {extraction / max(text_layer, 1e-9):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--gc-threshold", type=int, nargs=3, default=GC_THRESHOLDS,
                        help=f"gc.set_threshold values (default: a build worker's, {GC_THRESHOLDS}; "
                             f"Python's own are 700 10 10)")
    args = parser.parse_args()
    gc.set_threshold(*args.gc_threshold)
    print(f"gc thresholds: {gc.get_threshold()}")
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    articles, read_s = read(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    morph = get_morphology()
    get_morphology().analyse_word("قال")  # lexicons and the database are loaded before the clock runs
    run(articles[:1])
    morph.clear_cache()
    cold = run(articles)
    report("cold morphology cache", cold, len(articles), words, read_s)
    warm = run(articles)
    report("warm morphology cache", warm, len(articles), words, read_s)
    cold_total = sum(cold[s] for s in STAGES) + read_s
    warm_total = sum(warm[s] for s in STAGES) + read_s
    print(f"\ncold/warm total CPU ratio: {cold_total / warm_total:.2f}")


if __name__ == "__main__":
    main()
