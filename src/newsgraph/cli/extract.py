"""``newsgraph extract FILE... --format json|summary``: who said what about whom, per article."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsgraph.io import read_articles
from newsgraph.pipeline import extract


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="FILE", help="article .txt files or folders of them")
    parser.add_argument("--format", choices=["json", "summary"], default="json",
                        help="json: the extraction JSON (one object for one article, else JSON Lines); "
                             "summary: one line per article")


def run(args: argparse.Namespace) -> int:
    articles = list(read_articles(args.inputs))
    for article in articles:
        result = extract(article)
        if args.format == "json":
            indent = 1 if len(articles) == 1 else None
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
        else:
            speakers = {s.speaker.label for s in result.statements}
            print(f"{article.id}\t{len(article.text)} chars\t{len(result.statements)} statements\t"
                  f"{len(speakers)} speakers\t{len(result.entities)} entities\t{len(result.warnings)} warnings")
    return 0
