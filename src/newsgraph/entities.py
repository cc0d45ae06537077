"""Actor mentions, canonical entities and statement targets (placeholder)."""

from __future__ import annotations

from newsgraph.model import Document, Entity, Mention, Statement

__all__ = ["find_mentions", "resolve"]


def find_mentions(doc: Document) -> tuple[Mention, ...]:
    return ()


def resolve(
    doc: Document, mentions: tuple[Mention, ...], statements: tuple[Statement, ...]
) -> tuple[tuple[Entity, ...], tuple[Statement, ...]]:
    return (), statements
