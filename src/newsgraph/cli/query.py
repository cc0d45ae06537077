"""``newsgraph query GRAPH QUERY [--format table|csv|json]``: SPARQL over a graph file or a store directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.store import MemoryStore, OxigraphStore, QueryResult

__all__ = ["add_arguments", "read_query", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("graph", metavar="GRAPH", nargs="?",
                        help="a graph file (.ttl .nt .jsonld .trig .nq) or a store directory from build --store "
                             "(leave out with --endpoint)")
    parser.add_argument("query", metavar="QUERY", nargs="?",
                        help="a .rq file or the SPARQL text; prefixes ng, ngid, prov, schema, skos, oa ... are known")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.add_argument("--endpoint", metavar="URL",
                        help="query a SPARQL 1.1 endpoint (e.g. http://host:7878/query) instead of a local graph")
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
    if args.endpoint and args.query is None:  # `query --endpoint URL QUERY`: the one positional is the query
        args.graph, args.query = None, args.graph
    if args.query is None:
        raise InputError("give a GRAPH and a QUERY, or --endpoint URL and a QUERY")
    sparql = read_query(args.query)
    if args.endpoint:
        if args.graph is not None:
            raise InputError(f"give either a GRAPH ({args.graph}) or --endpoint, not both")
        from newsgraph.publish import query_endpoint

        _print(query_endpoint(args.endpoint, sparql), args.format)
        return 0
    args.graph = Path(args.graph)
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
    _print(result, args.format)
    return 0


def _print(result: QueryResult, fmt: str) -> None:
    out = {"table": result.to_table, "csv": result.to_csv, "json": result.to_json}[fmt]()
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
