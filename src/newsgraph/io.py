"""Reading articles from paths: plain text files (title on the first line) and folders of them.

Corpus formats (JSON Lines, JSON arrays, zip archives) are read by :mod:`newsgraph.corpus`.

    >>> from pathlib import Path
    >>> [a.id for a in read_articles([Path("seeds")])]          # doctest: +SKIP
    ['000_bbdb7bd5d11f476f']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import ArticleError, InputError
from newsgraph.model import Article

__all__ = ["read_articles", "read_text_article"]


def read_text_article(path: Path) -> Article:
    """One .txt article: id from the file name, title from the first non-empty line, text as read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except UnicodeDecodeError as exc:
        raise ArticleError(f"article '{path.stem}' ({path}) is not UTF-8 text: {exc.reason} at byte {exc.start}",
                           article_id=path.stem) from None
    return Article.from_text(text, id=path.stem)


def read_articles(paths: Iterable[Path]) -> Iterator[Article]:
    """Articles from files and folders (folders: their *.txt files in name order)."""
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.txt"))
            if not files:
                raise InputError(f"folder {path} holds no .txt articles")
            for f in files:
                yield read_text_article(f)
        elif path.exists():
            yield read_text_article(path)
        else:
            raise InputError(f"no such file or folder: {path}")
