"""`newsgraph render GRAPH -o FILE`: the interactive who-talks-about-whom page (works offline).

    $ newsgraph render graph.trig -o graph.html --top 50
    $ newsgraph render graph.trig -o putin.html --focus "فلاديمير بوتين"
"""

from __future__ import annotations

import argparse

from newsgraph.analytics import read_graph
from newsgraph.errors import InputError
from newsgraph.render import render_html


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("graph", help="a graph file (.ttl/.trig/.nt/.nq/.jsonld) or a graph store folder")
    parser.add_argument("-o", "--output", required=True, help="the HTML file to write")
    parser.add_argument("--focus", help="an actor key or label: draw only its ego network")
    parser.add_argument("--top", type=int, help="draw only the N actors that make or receive most statements")


def run(args: argparse.Namespace) -> int:
    if args.top is not None and args.top <= 0:
        raise InputError(f"--top must be a positive number of actors, got {args.top}")
    path = render_html(read_graph(args.graph), args.output, focus=args.focus, top=args.top)
    print(path)
    return 0
