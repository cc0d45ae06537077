"""The summary of a corpus run: counts, speed, memory and the skipped articles grouped by reason.

    >>> s = RunSummary(articles=2, words=500, seconds=1.0, statements=3, actors=4)
    >>> s.words_per_second
    500.0
    >>> print(format_summary(s).splitlines()[0])
    articles: 2 processed, 0 already in the graph, 0 skipped
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.corpus.readers import Skipped

__all__ = ["RunSummary", "format_summary", "write_skip_report"]


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a corpus run did.

    ``articles`` were extracted and written in this run (``replaced`` of them replace an older graph
    of the same article), ``resumed`` were already in the graph (from an interrupted or earlier run)
    and left alone, ``skips`` could not be used.
    ``peak_rss_mb`` maps each process ("main", "worker 1", ...) to its peak resident memory.
    """

    articles: int = 0
    resumed: int = 0
    replaced: int = 0
    skips: tuple[Skipped, ...] = ()
    statements: int = 0
    actors: int = 0
    words: int = 0
    quads: int = 0
    seconds: float = 0.0
    workers: int = 1
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False

    @property
    def skipped(self) -> int:
        return len(self.skips)

    @property
    def skipped_by_reason(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.skips).most_common())

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "resumed": self.resumed,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "skipped_by_reason": self.skipped_by_reason,
            "statements": self.statements,
            "actors": self.actors,
            "words": self.words,
            "quads": self.quads,
            "seconds": round(self.seconds, 3),
            "words_per_second": round(self.words_per_second, 1),
            "articles_per_second": round(self.articles_per_second, 2),
            "workers": self.workers,
            "peak_rss_mb": {k: round(v, 1) for k, v in self.peak_rss_mb.items()},
            "interrupted": self.interrupted,
            "skips": [s.to_dict() for s in self.skips],
        }


def format_summary(summary: RunSummary) -> str:
    """The human-readable summary printed at the end of ``newsgraph build``.

    Args:
        summary: the run's :class:`RunSummary`.

    Returns:
        A few lines: articles, statements, actors, words, time and speed, memory, skips by reason.
    """
    s = summary
    lines = [
        f"articles: {s.articles:,} processed, {s.resumed:,} already in the graph, {s.skipped:,} skipped"
        + (f" ({s.replaced:,} replaced an older graph)" if s.replaced else ""),
        f"statements: {s.statements:,}   actors: {s.actors:,}   quads: {s.quads:,}",
        f"words: {s.words:,} in {s.seconds:.1f} s = {s.words_per_second:,.0f} words/s "
        f"({s.articles_per_second:,.1f} articles/s, "
        + (f"{s.workers} worker{'s' if s.workers != 1 else ''})" if s.workers else "in this process)"),
    ]
    if s.peak_rss_mb:
        lines.append("peak memory: " + ", ".join(f"{k} {v:,.0f} MB" for k, v in s.peak_rss_mb.items()))
    if s.skips:
        lines.append("skipped by reason: " + ", ".join(f"{r} {n:,}" for r, n in s.skipped_by_reason.items()))
    if s.interrupted:
        lines.append("interrupted: run the same command again to resume")
    return "\n".join(lines)


def write_skip_report(path: str | Path, skips: tuple[Skipped, ...]) -> None:
    """Write one JSON line per skipped article (id, where, reason, message) to ``path``."""
    with Path(path).open("w", encoding="utf-8") as out:
        for skip in skips:
            out.write(json.dumps(skip.to_dict(), ensure_ascii=False) + "\n")
