"""Sentences and tokens with offsets into the original text (placeholder: whitespace split)."""

from __future__ import annotations

import re

from newsgraph.model import Sentence, Token

__all__ = ["segment"]


def segment(text: str) -> tuple[tuple[Sentence, ...], tuple[str, ...]]:
    """Split text into sentences of tokens; returns (sentences, warnings)."""
    tokens = tuple(Token(m.start(), m.end(), m.group(), "word", m.group()) for m in re.finditer(r"\S+", text))
    if not tokens:
        return (), ()
    return (Sentence(tokens[0].start, tokens[-1].end, tokens),), ()
