"""``newsgraph publish GRAPH_OR_SHARDS... --endpoint URL``: load a graph into a SPARQL 1.1 server."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.publish import load_for_publish, publish


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="GRAPH_OR_SHARDS",
                        help="graph files (.nq .trig .nt .ttl .jsonld) or folders of shards")
    parser.add_argument("--endpoint", required=True, metavar="URL",
                        help="the Graph Store endpoint (--protocol gsp, e.g. http://host:7878/store) "
                             "or the SPARQL Update endpoint (--protocol update)")
    parser.add_argument("--graph", metavar="IRI", help="load everything into this named graph "
                                                        "(default: each article's own named graph)")
    parser.add_argument("--protocol", choices=["gsp", "update"], default="gsp",
                        help="gsp: SPARQL 1.1 Graph Store HTTP Protocol (default); update: SPARQL 1.1 INSERT DATA")
    parser.add_argument("--batch", type=int, default=20_000, help="triples per request (default 20000)")
    parser.add_argument("--retries", type=int, default=3, help="retries per batch on 5xx or connection errors")


def run(args: argparse.Namespace) -> int:
    dataset = load_for_publish(args.inputs)
    report = publish(dataset, args.endpoint, graph=args.graph, protocol=args.protocol, batch=args.batch,
                     retries=args.retries)
    print(f"published {report.triples} triples in {report.graphs} graphs with {report.requests} requests "
          f"({report.retries} retries) in {report.seconds:.2f} s: {report.triples_per_second:,.0f} triples/s")
    return 0
