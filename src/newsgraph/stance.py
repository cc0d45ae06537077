"""Stance of the speaker toward each target (placeholder)."""

from __future__ import annotations

from newsgraph.model import Document, Statement

__all__ = ["assign_stances"]


def assign_stances(doc: Document, statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    return statements
