"""`newsgraph stats` (not implemented yet)."""

from __future__ import annotations

import argparse

from newsgraph.errors import NewsgraphError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise NewsgraphError("'newsgraph stats' is not implemented yet")
