"""Put the seed article in a persistent pyoxigraph store, then run every example query on it.

    PYTHONPATH=src python examples/query_store.py [STORE_DIR]

The store directory survives the process: a later ``newsgraph build --store STORE_DIR more/*.txt``
adds articles to it, and ``newsgraph query STORE_DIR examples/queries/top_speakers.rq`` reads it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from newsgraph.io import read_text_article
from newsgraph.pipeline import extract
from newsgraph.store import open_store

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_bbdb7bd5d11f476f.txt"


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else Path(tempfile.mkdtemp()) / "seed.oxigraph"
    store = open_store(directory)
    try:
        report = store.add([extract(read_text_article(SEED))])
        print(f"{directory}: {report.added} article added, {len(store)} quads")
        for path in sorted((HERE / "queries").glob("*.rq")):
            result = store.query(path.read_text(encoding="utf-8"))
            print(f"\n== {path.name}: {len(result.rows)} rows")
            print("\n".join(result.to_table().splitlines()[:8]))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
