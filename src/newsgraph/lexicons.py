"""Lexicons shipped as data files in ``newsgraph/resources``.

Each file is UTF-8 TSV: ``#`` lines are comments (every class of entries says where it comes
from), blank lines are skipped, columns are tab-separated.  Loaded once per process.

    >>> rows = load_tsv("example.tsv")          # doctest: +SKIP
    >>> rows[0]                                  # doctest: +SKIP
    ('قال', 'verb', 'say')
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from newsgraph.errors import ResourceError

__all__ = ["load_tsv", "resource_path"]


def resource_path(name: str) -> str:
    """The filesystem path of a packaged resource (for libraries that want a path, e.g. a CRF model)."""
    ref = resources.files("newsgraph") / "resources" / name
    if not ref.is_file():
        raise ResourceError(f"packaged resource '{name}' is missing from newsgraph/resources")
    return str(ref)


@cache
def load_tsv(name: str, *, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of a packaged TSV lexicon, comments and blank lines dropped.

    Args:
        name: file name under ``newsgraph/resources`` (e.g. ``"cues.tsv"``).
        columns: when given, every row must have at least this many columns.

    Raises:
        ResourceError: the file is missing or a row is short.
    """
    ref = resources.files("newsgraph") / "resources" / name
    try:
        text = ref.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(f"packaged lexicon '{name}' is missing from newsgraph/resources") from None
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = tuple(cell.strip() for cell in line.split("\t"))
        if columns is not None and len(row) < columns:
            raise ResourceError(f"{name}:{lineno}: expected {columns} tab-separated columns, got {len(row)}: {line!r}")
        rows.append(row)
    return tuple(rows)
