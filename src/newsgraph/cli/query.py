"""``newsgraph query GRAPH QUERY [--format table|csv|json]``: SPARQL over a graph file or a store directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.store import MemoryStore, OxigraphStore

__all__ = ["add_arguments", "read_query", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("graph", type=Path, metavar="GRAPH",
                        help="a graph file (.ttl .nt .jsonld .trig .nq) or a store directory from build --store")
    parser.add_argument("query", metavar="QUERY",
                        help="a .rq file or the SPARQL text; prefixes ng, ngid, prov, schema, skos, oa ... are known")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.add_argument("--engine", choices=["rdflib", "oxigraph"], default="rdflib",
                        help="for graph files: rdflib (default) or in-memory pyoxigraph (faster on large files)")


def read_query(text: str) -> str:
    """The SPARQL text: the file's content when ``text`` names an existing .rq/.sparql file, else ``text`` itself.

    Raises:
        InputError: for a .rq path that does not exist.

    Example: ``read_query("examples/queries/top_speakers.rq")`` starts with ``# The actors ...``.
    """
    if text.endswith((".rq", ".sparql")):
        path = Path(text)
        if not path.is_file():
            raise InputError(f"no such query file: {path}")
        return path.read_text(encoding="utf-8")
    return text


def run(args: argparse.Namespace) -> int:
    sparql = read_query(args.query)
    if args.graph.is_dir():
        store: MemoryStore | OxigraphStore = OxigraphStore(args.graph, read_only=True)
    elif not args.graph.exists():
        raise InputError(f"no such graph file or store directory: {args.graph}")
    elif args.engine == "oxigraph":
        store = OxigraphStore()
        store.load_file(args.graph)
    else:
        store = MemoryStore.from_file(args.graph)
    try:
        result = store.query(sparql)
    finally:
        store.close()
    out = {"table": result.to_table, "csv": result.to_csv, "json": result.to_json}[args.format]()
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0
