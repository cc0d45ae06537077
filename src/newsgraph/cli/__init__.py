"""The ``newsgraph`` command.

Each subcommand lives in its own module here (``extract.py``, ``build.py`` ...) with
``add_arguments(parser)`` and ``run(args) -> int``; this module only dispatches, so
each stage's command sits beside nothing else's.

    $ newsgraph extract seeds/000_bbdb7bd5d11f476f.txt --format json
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsgraph.errors import NewsgraphError

__all__ = ["main"]

# name -> one-line help; the module newsgraph.cli.<name> implements it
COMMANDS: dict[str, str] = {
    "extract": "find who said what about whom in articles; print JSON or a summary",
    "ner": "tag a CoNLL file (one token per line) with BIO entity tags",
    "build": "build the knowledge graph from articles (files, folders, JSON Lines, zip)",
    "query": "run a SPARQL query over a graph file or store",
    "stats": "who-talks-about-whom analytics of a graph",
    "render": "render a graph as an interactive HTML page",
    "publish": "load a graph or Dask shards into a SPARQL 1.1 server",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgraph", description="Who said what about whom, from Arabic news.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_ in COMMANDS.items():
        module = importlib.import_module(f"newsgraph.cli.{name}")
        p = sub.add_parser(name, help=help_, description=help_)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsgraph`` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return int(args._run(args))
    except NewsgraphError as exc:
        print(f"newsgraph {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
