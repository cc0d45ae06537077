"""Attribution time per megabyte on growing texts (the seed article repeated): linear time shows as a
constant time per megabyte.  Prints one line per size and the ratio to the smallest size (baseline).

    PYTHONPATH=src python benchmarks/attribution_scaling.py
"""

from __future__ import annotations

import time
from pathlib import Path

from newsgraph.attribution import extract_statements
from newsgraph.model import Article, Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bbdb7bd5d11f476f.txt"


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    base = None
    for copies in (25, 100, 600):
        text = (seed + "\n\n") * copies
        t0 = time.perf_counter()
        statements, _ = extract_statements(Document(Article(id="bench", text=text), ()), ())
        secs = time.perf_counter() - t0
        per_mb = secs / (len(text) / 1e6)
        base = base or per_mb
        print(f"{len(text) / 1e6:6.2f} MB  {len(statements):6d} statements  {secs:6.2f} s  "
              f"{per_mb:5.2f} s/MB  ratio to baseline {per_mb / base:4.2f}")


if __name__ == "__main__":
    main()
