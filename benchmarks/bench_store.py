"""Benchmark: the persistent pyoxigraph store against rdflib in memory, on SaudiNewsNet articles.

    PYTHONPATH=src python benchmarks/bench_store.py [--articles 10000] [--workers 4] [--seed-copies 100]

1. Reads the first N SaudiNewsNet articles (../shared/corpora/saudinewsnet/*.zip in file-name order,
   then array order; field 'content'), runs the extraction pipeline on them (timed on its own).
2. Graph side, same extractions, same run:
   - pyoxigraph: build the persistent store in a temporary directory (batched N-Quads loads), its
     size on disk, and the top-speakers query time;
   - rdflib (baseline): build the in-memory Dataset and time the same query.
3. File side, as in the issue: export the graph as N-Quads, then parse it with rdflib and bulk-load
   it into a fresh pyoxigraph store, and time the group-by-speaker query on both.
4. Optionally (--seed-copies K) the same measurements on K copies of the seed article's gold
   statements under distinct article ids: a graph of realistic shape while the extraction stages
   still find few statements (needs ../shared/eval/gold).

Prints seconds and the rdflib/pyoxigraph ratios. Never copies corpus text anywhere but a temp dir.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

from newsgraph.graph import export, new_dataset, union_graph
from newsgraph.model import Article, Extraction
from newsgraph.store import TOP_SPEAKERS_QUERY, MemoryStore, OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def snn_articles(limit: int) -> Iterator[Article]:
    """The first ``limit`` SaudiNewsNet articles, zips in file-name order then array order."""
    n = 0
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                for i, rec in enumerate(json.loads(z.read(name))):
                    if n >= limit:
                        return
                    text = rec.get("content") or ""
                    if not text.strip():
                        continue
                    yield Article.from_text(text, id=f"snn-{path.stem}-{i:05d}", title=rec.get("title") or "",
                                            source=rec.get("source"), url=rec.get("url"),
                                            date=rec.get("date_extracted"))
                    n += 1


def _extract(article: Article) -> Extraction:
    from newsgraph.pipeline import extract

    return extract(article)


def extract_all(articles: list[Article], workers: int, cache: Path | None = None,
                chunk: int = 250) -> list[Extraction]:
    """Extractions of the articles; with ``cache``, kept per chunk of articles so a long run can resume."""
    out: list[Extraction] = []
    pool = Pool(workers) if workers > 1 else None
    try:
        for start in range(0, len(articles), chunk):
            part = articles[start:start + chunk]
            path = cache / f"chunk-{start:06d}-{len(part)}.pickle" if cache else None
            if path is not None and path.exists():
                out.extend(pickle.loads(path.read_bytes()))
                continue
            done = pool.map(_extract, part, chunksize=8) if pool else [_extract(a) for a in part]
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.with_suffix(".tmp").write_bytes(pickle.dumps(done))
                path.with_suffix(".tmp").rename(path)
                print(f"  extracted {start + len(part)} articles", flush=True)
            out.extend(done)
    finally:
        if pool is not None:
            pool.close()
    return out


def cached_count(cache: Path) -> int:
    """How many leading articles the cache holds (contiguous chunks from the first)."""
    n = 0
    while True:
        found = sorted(cache.glob(f"chunk-{n:06d}-*.pickle"))
        if not found:
            return n
        n += int(found[0].stem.rsplit("-", 1)[1])


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def best_of(n: int, fn, *args):  # type: ignore[no-untyped-def]
    times = []
    out = None
    for _ in range(n):
        out, t = timed(fn, *args)
        times.append(t)
    return out, min(times)


def measure(label: str, extractions: list[Extraction], tmp: Path, *, baseline: bool = True) -> None:
    statements = sum(len(e.statements) for e in extractions)
    print(f"\n== {label}: {len(extractions)} articles, {statements} statements", flush=True)

    # pyoxigraph persistent store, built from the extractions
    store_dir = tmp / f"{label}.oxigraph"
    store = OxigraphStore(store_dir)
    _, t_ox_build = timed(store.add, extractions)
    store.close()
    size = dir_size(store_dir)
    top_ox, q_ox = best_of(3, store.query, TOP_SPEAKERS_QUERY)
    print(f"pyoxigraph store: build {t_ox_build:.2f} s ({len(store)} quads), "
          f"on disk {size / 1e6:.1f} MB, top-speakers query {q_ox * 1000:.1f} ms", flush=True)
    if top_ox.rows:
        print("top speakers: " + ", ".join(f"{r[1]} ({r[2]})" for r in top_ox.rows[:5]))
    if not baseline:
        print("rdflib baseline: not run at this size (too slow here); see the smaller run above")
        return

    # rdflib in memory, the same extractions
    mem = MemoryStore(new_dataset())
    _, t_rdf_build = timed(mem.add, extractions)
    top_rdf, q_rdf = best_of(1, mem.query, TOP_SPEAKERS_QUERY)
    print(f"rdflib memory:    build {t_rdf_build:.2f} s ({len(mem)} quads), top-speakers query {q_rdf * 1000:.1f} ms",
          flush=True)
    print(f"ratio rdflib/pyoxigraph: build {t_rdf_build / t_ox_build:.1f}x, query {q_rdf / max(q_ox, 1e-9):.0f}x; "
          f"same answer: {top_rdf.rows == top_ox.rows}")

    # the measurement: a graph file, parsed by rdflib vs bulk-loaded into pyoxigraph
    nq = export(mem.dataset, tmp / f"{label}.nq")
    triples = len(union_graph(mem.dataset))
    from newsgraph.graph import load

    parsed, t_parse = timed(load, nq)
    fresh = OxigraphStore(tmp / f"{label}-bulk.oxigraph")
    _, t_bulk = timed(fresh.load_file, nq)
    _, q_parsed = best_of(1, MemoryStore(parsed).query, TOP_SPEAKERS_QUERY)
    _, q_bulk = best_of(3, fresh.query, TOP_SPEAKERS_QUERY)
    print(f"N-Quads file {nq.stat().st_size / 1e6:.1f} MB, {triples} distinct triples: "
          f"rdflib parses in {t_parse:.2f} s "
          f"and answers in {q_parsed:.3f} s; pyoxigraph bulk-loads in {t_bulk:.2f} s and answers in {q_bulk:.3f} s "
          f"(load {t_parse / t_bulk:.1f}x, query {q_parsed / max(q_bulk, 1e-9):.0f}x)")
    fresh.close()


def seed_copies(k: int) -> list[Extraction]:
    sys.path.insert(0, str(ROOT / "tests"))
    from seed_fixture import seed_gold_extraction

    base = seed_gold_extraction()
    return [dataclasses.replace(base, article=dataclasses.replace(base.article, id=f"seed-copy-{i:05d}"))
            for i in range(k)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed-copies", type=int, default=0, metavar="K")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="keep extractions here (outside the repository) so a long run can resume")
    parser.add_argument("--extract-only", action="store_true", help="only fill --cache")
    parser.add_argument("--baseline-articles", type=int, default=1000, metavar="N",
                        help="also measure rdflib (and pyoxigraph) on the first N articles; rdflib is not run "
                             "on the full set when it is larger")
    parser.add_argument("--cached", action="store_true",
                        help="use only the articles already in --cache (as many as it holds, up to --articles)")
    args = parser.parse_args()
    if args.cached and args.cache:
        args.articles = min(args.articles, cached_count(args.cache))
    if not CORPUS.is_dir():
        print(f"needs {CORPUS} (the shared SaudiNewsNet zips); absent here")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="bench_store-"))
    try:
        articles, t_read = timed(lambda: list(snn_articles(args.articles)))
        extractions, t_ext = timed(extract_all, articles, args.workers, args.cache)
        print(f"read {len(articles)} SaudiNewsNet articles in {t_read:.1f} s; extraction ({args.workers} workers"
              f"{', from the cache where present' if args.cache else ''}) "
              f"{t_ext:.1f} s = {t_ext / max(len(articles), 1) * 1000:.1f} ms/article")
        if args.extract_only:
            return 0
        if len(extractions) > args.baseline_articles:
            measure(f"snn-{args.baseline_articles}", extractions[:args.baseline_articles], tmp)
            measure(f"snn-{len(articles)}", extractions, tmp, baseline=False)
        else:
            measure(f"snn-{len(articles)}", extractions, tmp)
        if args.seed_copies:
            measure(f"seed-gold-x{args.seed_copies}", seed_copies(args.seed_copies), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
