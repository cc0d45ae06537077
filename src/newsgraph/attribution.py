"""Cues, speakers, content spans and coreference (placeholder)."""

from __future__ import annotations

from newsgraph.model import Document, Mention, Statement

__all__ = ["extract_statements"]


def extract_statements(
    doc: Document, mentions: tuple[Mention, ...]
) -> tuple[tuple[Statement, ...], tuple[str, ...]]:
    return (), ()
