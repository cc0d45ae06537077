"""Scale-out benchmark: articles/s of the local engine and of Dask on 1 and 2 workers, and publish throughput.

    python benchmarks/bench_scale.py --limit 10000      # the first 10,000 SaudiNewsNet articles

Prints one line per engine (articles/s, words/s, ratio to the local engine with one worker, measured in
this same run) and the triples/s of publishing the built graph to a real Oxigraph server on loopback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNN = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="first N SaudiNewsNet articles (default 1000)")
    parser.add_argument("--corpus", type=Path, default=SNN)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"bench_scale: needs the SaudiNewsNet zips at {args.corpus}; absent here")
        return 0

    from newsgraph.corpus import run_corpus

    from newsgraph.dask_engine import build_with_dask
    from newsgraph.publish import load_for_publish, publish
    from oxigraph_server import oxigraph_binary, oxigraph_server

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        summary = run_corpus([args.corpus], output=Path(tmp) / "local.nq", workers=1, limit=args.limit, progress=False)
        local = time.perf_counter() - t
        n = summary.articles
        rows.append(("local, 1 worker", n, local))
        for workers in (1, 2):
            out = Path(tmp) / f"dask{workers}"
            t = time.perf_counter()
            ds = build_with_dask([args.corpus], out, workers=workers, limit=args.limit)
            rows.append((f"dask, {workers} worker{'s' if workers > 1 else ''}", ds.articles, time.perf_counter() - t))
        print(f"{'engine':<18} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'vs local':>8}")
        for name, count, secs in rows:
            print(f"{name:<18} {count:>8} {secs:>8.1f} {count / secs:>10.2f} {local / secs:>7.2f}x")
        binary = oxigraph_binary()
        if binary is None:
            print("publish: skipped (no oxigraph server binary; pip install oxigraph)")
            return 0
        dataset = load_for_publish([Path(tmp) / "dask2"])
        with oxigraph_server(binary) as server:
            report = publish(dataset, server.store)
        print(f"publish to Oxigraph (Graph Store protocol, batches of 20000): {report.triples} triples in "
              f"{report.seconds:.2f} s = {report.triples_per_second:,.0f} triples/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
