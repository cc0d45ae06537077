"""``newsgraph ner --conll FILE``: BIO entity tags for a CoNLL file (one token per line).

The whole file is tagged as one text: the tagger's second pass looks at neighbouring sentences.

Input: one token per line (a second column, if any, is ignored), a blank line between sentences;
``-`` reads standard input.  Output: ``token TAG`` per line with the same tokens and sentences,
blank lines between sentences, tags ``B-``/``I-`` + ``PERS``, ``LOC``, ``ORG``, ``MISC`` or ``O``.

    $ printf 'قال\\nبوتين\\n\\nروسيا\\n' | newsgraph ner --conll -
    قال O
    بوتين B-PERS
    <BLANKLINE>
    روسيا B-LOC
"""

from __future__ import annotations

import argparse
import sys

from newsgraph.errors import InputError
from newsgraph.ner import tag_sentences


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conll", required=True, metavar="FILE",
                        help="one token per line, blank line between sentences ('-' for standard input)")


def _read(name: str) -> str:
    try:
        if name == "-":
            return sys.stdin.buffer.read().decode("utf-8")
        with open(name, "rb") as fh:
            return fh.read().decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a folder; give a CoNLL file (one token per line)") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (byte {exc.start}: {exc.reason}); convert it to UTF-8") from None


def run(args: argparse.Namespace) -> int:
    lines = _read(args.conll).splitlines()
    # sentences as runs of non-blank lines; every blank line of the input stays where it was
    sentences: list[list[str]] = []
    layout: list[int | None] = []  # per line: the sentence it belongs to, or None for a blank line
    previous_blank = True
    for line in lines:
        cols = line.split()
        if not cols:
            layout.append(None)
            previous_blank = True
            continue
        if previous_blank:
            sentences.append([])
        sentences[-1].append(cols[0])
        layout.append(len(sentences) - 1)
        previous_blank = False
    tags = [iter(t) for t in tag_sentences(sentences)]
    tokens = [iter(s) for s in sentences]
    out = ["" if k is None else f"{next(tokens[k])} {next(tags[k])}" for k in layout]
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    return 0
