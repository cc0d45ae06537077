"""Articles from corpus files: .txt, JSON Lines, JSON arrays, zip archives and folders of them.

Everything streams: a JSON array is decoded one element at a time (only one zip member's text is
in memory at once), and a bad record becomes a :class:`Skipped` value in the stream instead of an
exception, so a corpus run reports it and carries on.

Article ids are stable across runs:

* the record's own ``id`` when it has one;
* else, for a record with ``source`` and ``url``, ``snn-{source}-{sha1(url)[:8]}`` — the scheme the
  evaluation set's file names use (``snn-aawsat-88508bd6`` is the first 8 hex digits of the SHA-1 of
  the article's UTF-8 URL);
* else ``url-{sha1(url)[:12]}`` for a URL without a source, else a content hash (``sha1-...``).

A JSON record's text is built the way the evaluation articles are: ``title + "\\n\\n" + content.strip()
+ "\\n"`` (title on the first line, as in a .txt article), or the content alone when there is no title.

    >>> [a.id for a in iter_articles(["seeds"]) if isinstance(a, Article)]      # doctest: +SKIP
    ['000_bbdb7bd5d11f476f']
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from newsgraph.errors import ArticleError, InputError
from newsgraph.model import Article

__all__ = [
    "DEFAULT_MAX_CHARS",
    "FORMATS",
    "ArticleRejected",
    "Reason",
    "Skipped",
    "article_from_record",
    "article_from_text",
    "derive_id",
    "iter_articles",
    "read_articles",
]

# SaudiNewsNet's longest article has 33,687 characters; a limit 30x above that only stops
# crawler accidents (a whole page dump, a binary blob) from stalling a worker.
DEFAULT_MAX_CHARS = 1_000_000

FORMATS = (".txt", ".jsonl", ".json", ".zip")

Reason = Literal[
    "empty",  # no text after stripping whitespace
    "not-text",  # the text field is missing or not a string
    "too-large",  # over the max_chars limit
    "broken-json",  # a JSON line or array element that does not parse
    "not-object",  # a JSON record that is not an object
    "not-utf8",  # bytes that are not UTF-8
    "duplicate-id",  # an id seen earlier in the same run
    "unreadable",  # a file or archive that cannot be opened
    "extraction-failed",  # the pipeline raised on this article (set by the runner)
]

_TEXT_FIELDS = ("text", "content")
_DATE_FIELDS = ("date", "date_extracted", "datePublished")
_WS = re.compile(r"[ \t\r\n]*")


class ArticleRejected(ArticleError):
    """An article a corpus run skips, with a short machine-readable ``reason``."""

    def __init__(self, message: str, *, reason: Reason, article_id: str | None = None, where: str = "") -> None:
        super().__init__(message, article_id=article_id)
        self.reason: Reason = reason
        self.where = where


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record a corpus run could not use: where it was, its id when known, and why.

    ``where`` is a file name with a line (``day.jsonl:12``) or an archive member and array index
    (``2015-07-21.zip:2015-07-21.json[3]``); ``reason`` is one of :data:`Reason`.
    """

    id: str | None
    where: str
    reason: str
    message: str

    @classmethod
    def of(cls, error: ArticleRejected) -> Skipped:
        return cls(error.article_id, error.where, error.reason, str(error))

    def describe(self) -> str:
        """One line for a log: ``skipped snn-x (day.jsonl:3): empty: ...``."""
        who = f"{self.id} ({self.where})" if self.id else self.where
        return f"skipped {who}: {self.reason}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "where": self.where, "reason": self.reason, "message": self.message}


def derive_id(record: dict[str, Any], *, prefix: str = "snn") -> str | None:
    """The stable id of a JSON record: its ``id``, else one derived from ``source`` and ``url``.

    Args:
        record: a decoded JSON object.
        prefix: the first part of ids derived from source and url.

    Returns:
        The id, or ``None`` when the record has neither (the caller then hashes the content).

    >>> derive_id({"source": "aawsat", "url": "http://aawsat.com/home/article/1/خبر"})
    'snn-aawsat-7bc618d2'
    """
    given = record.get("id")
    if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given).strip():
        return str(given).strip()
    url = record.get("url")
    if not isinstance(url, str) or not url.strip():
        return None
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()
    source = record.get("source")
    if isinstance(source, str) and source.strip():
        return f"{prefix}-{_slug(source)}-{digest[:8]}"
    return f"url-{digest[:12]}"


def _slug(value: str) -> str:
    # keep ids usable as file names and IRI segments without percent-encoding
    return re.sub(r"[^\w.-]+", "_", value.strip()).strip("_") or "source"


def _meta(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    return None


def article_from_record(record: Any, *, where: str = "", max_chars: int = DEFAULT_MAX_CHARS,
                        id_prefix: str = "snn") -> Article:
    """An :class:`Article` from one JSON record (SaudiNewsNet's field names work as they are).

    Args:
        record: a decoded JSON value; fields ``title``, ``text`` or ``content``, ``id`` or ``url``,
            ``date`` or ``date_extracted``, ``source``, ``author``.
        where: the record's location, for messages.
        max_chars: longest accepted text, in characters.
        id_prefix: first part of ids derived from source and url.

    Returns:
        The article; its text is ``title + "\\n\\n" + content + "\\n"`` when it has a title.

    Raises:
        ArticleRejected: the record is not an object, or its text is missing, empty, not a string
            or too long.

    >>> a = article_from_record({"title": "عنوان", "content": " قال الوزير إن الوضع مستقر. ", "id": "x1"})
    >>> a.text
    'عنوان\\n\\nقال الوزير إن الوضع مستقر.\\n'
    """
    if not isinstance(record, dict):
        raise ArticleRejected(f"record at {where} is a JSON {type(record).__name__}, expected an object with "
                              "a 'text' or 'content' field", reason="not-object", where=where)
    article_id = derive_id(record, prefix=id_prefix)
    name = f"article '{article_id}' ({where})" if article_id else f"record at {where}"
    field = next((f for f in _TEXT_FIELDS if f in record), None)
    if field is None:
        raise ArticleRejected(f"{name} has no 'text' or 'content' field (fields: {', '.join(sorted(record))})",
                              reason="not-text", article_id=article_id, where=where)
    content = record[field]
    if not isinstance(content, str):
        raise ArticleRejected(f"{name}: '{field}' is a JSON {type(content).__name__}, expected a string",
                              reason="not-text", article_id=article_id, where=where)
    body = content.strip()
    if not body:
        raise ArticleRejected(f"{name} has empty text", reason="empty", article_id=article_id, where=where)
    title = _meta(record, "title", "headline") or ""
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    if len(text) > max_chars:
        raise ArticleRejected(f"{name} has {len(text):,} characters, over the limit of {max_chars:,} "
                              "(raise max_chars to accept it)", reason="too-large", article_id=article_id,
                              where=where)
    meta = {"source": _meta(record, "source", "publisher"), "url": _meta(record, "url"),
            "date": _meta(record, *_DATE_FIELDS), "author": _meta(record, "author")}
    return Article.from_text(text, id=article_id, title=title or None, **meta)


def article_from_text(text: str, *, article_id: str, where: str = "",
                      max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """An :class:`Article` from a plain-text file's contents (title on the first line).

    Args:
        text: the file's text, kept exactly (offsets point into it).
        article_id: the id (the file name without extension).
        where: the file's location, for messages.
        max_chars: longest accepted text, in characters.

    Returns:
        The article.

    Raises:
        ArticleRejected: the text is empty or too long.

    >>> article_from_text("روسيا تقصف\\n\\nقال بوتين إن ...", article_id="a1").title
    'روسيا تقصف'
    """
    if not text.strip():
        raise ArticleRejected(f"article '{article_id}' ({where}) has empty text", reason="empty",
                              article_id=article_id, where=where)
    if len(text) > max_chars:
        raise ArticleRejected(f"article '{article_id}' ({where}) has {len(text):,} characters, over the limit "
                              f"of {max_chars:,} (raise max_chars to accept it)", reason="too-large",
                              article_id=article_id, where=where)
    return Article.from_text(text, id=article_id)


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(f"{where} is not UTF-8 text: {exc.reason} at byte {exc.start}", reason="not-utf8",
                              where=where) from None


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _records_from_jsonl(text: str, where: str, options: dict[str, Any]) -> Iterator[tuple[str, Article | Skipped]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        at = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield at, Skipped(None, at, "broken-json", f"line {number} of {where} is not JSON: {exc.msg} "
                                                   f"at column {exc.colno}")
            continue
        yield _guard(lambda r=record, a=at: article_from_record(r, where=a, **options), at)


def _records_from_json(text: str, where: str, options: dict[str, Any]) -> Iterator[tuple[str, Article | Skipped]]:
    """Each element of a JSON array (or the one object of a JSON file), decoded one at a time."""
    decoder = json.JSONDecoder()
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text.startswith("{", pos):
        try:
            record, _ = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield where, Skipped(None, where, "broken-json", f"{where} is not JSON: {exc.msg} at line {exc.lineno}")
            return
        yield _guard(lambda: article_from_record(record, where=where, **options), where)
        return
    if not text.startswith("[", pos):
        yield where, Skipped(None, where, "broken-json", f"{where} is neither a JSON array nor an object")
        return
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    index = 0
    if text.startswith("]", pos):
        return
    while True:
        at = f"{where}[{index}]"
        try:
            record, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            # an array cannot be re-synchronised after a broken element: report the rest as one skip
            yield at, Skipped(None, at, "broken-json", f"element {index} of {where} (line {exc.lineno}) is not JSON: "
                                                   f"{exc.msg}; the rest of the file is skipped")
            return
        yield _guard(lambda r=record, a=at: article_from_record(r, where=a, **options), at)
        index += 1
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        elif text.startswith("]", pos):
            return
        else:
            yield f"{where}[{index}]", Skipped(None, f"{where}[{index}]", "broken-json",
                          f"{where}: expected ',' or ']' after element {index - 1} at line {_line_of(text, pos)}; "
                          "the rest of the file is skipped")
            return


def _guard(make: Any, where: str) -> tuple[str, Article | Skipped]:
    try:
        return where, make()
    except ArticleRejected as exc:
        return where, Skipped.of(exc)


def _from_bytes(data: bytes, name: str, where: str, options: dict[str, Any]) -> Iterator[tuple[str, Article | Skipped]]:
    suffix = Path(name).suffix.lower()
    if suffix == ".txt":
        article_id = Path(name).stem
        try:
            text = _decode(data, where)
        except ArticleRejected as exc:
            yield where, Skipped(article_id, where, exc.reason, str(exc))
            return
        yield _guard(lambda: article_from_text(text, article_id=article_id, where=where,
                                               max_chars=options["max_chars"]), where)
        return
    try:
        text = _decode(data, where)
    except ArticleRejected as exc:
        yield where, Skipped.of(exc)
        return
    if suffix == ".jsonl":
        yield from _records_from_jsonl(text, where, options)
    else:
        yield from _records_from_json(text, where, options)


def _from_zip(path: Path, options: dict[str, Any]) -> Iterator[tuple[str, Article | Skipped]]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield str(path), Skipped(None, str(path), "unreadable", f"{path} is not a readable zip archive: {exc}")
        return
    with archive:
        members = sorted(i.filename for i in archive.infolist()
                         if not i.is_dir() and Path(i.filename).suffix.lower() in FORMATS[:3])
        for member in members:
            where = f"{path.name}:{member}"
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                yield where, Skipped(None, where, "unreadable", f"cannot read {where}: {exc}")
                continue
            yield from _from_bytes(data, member, where, options)
            del data


def _from_file(path: Path, options: dict[str, Any]) -> Iterator[tuple[str, Article | Skipped]]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from _from_zip(path, options)
        return
    if suffix == ".txt":
        # an oversized text file is refused from its size, without reading it (UTF-8: >= 1 byte per char)
        size = path.stat().st_size
        if size > 4 * options["max_chars"]:
            message = (f"article '{path.stem}' ({path}) has {size:,} bytes, over the limit of "
                       f"{options['max_chars']:,} characters (raise max_chars to accept it)")
            yield str(path), Skipped(path.stem, str(path), "too-large", message)
            return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield str(path), Skipped(None, str(path), "unreadable", f"cannot read {path}: {exc.strerror}")
        return
    yield from _from_bytes(data, path.name, path.name if suffix != ".txt" else str(path), options)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            if not files:
                raise InputError(f"folder {path} holds no articles ({', '.join(FORMATS)} files)")
            yield from files
        elif path.is_file():
            if path.suffix.lower() not in FORMATS:
                raise InputError(f"cannot read {path}: unknown format '{path.suffix}', expected one of "
                                 f"{', '.join(FORMATS)}")
            yield path
        else:
            raise InputError(f"no such file or folder: {path}")


def check_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The input files, in reading order; raises :class:`InputError` for a missing path or unknown format."""
    return list(_expand(paths))


def iter_articles(paths: str | Path | Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS,
                  id_prefix: str = "snn") -> Iterator[Article | Skipped]:
    """Stream the articles of files, folders and zip archives, with a :class:`Skipped` for each bad record.

    Folders are read recursively, files in name order; zip members in name order; JSON arrays in
    array order.  Only one file's (or zip member's) text is held in memory at a time.

    Args:
        paths: files (.txt, .jsonl, .json, .zip) and folders of them.
        max_chars: longest accepted article text, in characters (longer ones are skipped).
        id_prefix: first part of ids derived from source and url (``snn-{source}-{sha1(url)[:8]}``).

    Returns:
        An iterator of :class:`Article` and :class:`Skipped` values in input order.

    Raises:
        InputError: a path does not exist, has an unknown format, or is a folder without articles.

    >>> for item in iter_articles(["/work/shared/corpora/saudinewsnet/2015-07-21.zip"]):  # doctest: +SKIP
    ...     print(item.id)                                    # snn-alriyadh-…
    """
    if max_chars < 1:
        raise InputError(f"max_chars must be a positive number of characters, not {max_chars}")
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = check_inputs(paths)
    options = {"max_chars": max_chars, "id_prefix": id_prefix}
    seen: set[str] = set()
    for path in files:
        for where, item in _from_file(path, options):
            if isinstance(item, Article):
                if item.id in seen:
                    item = Skipped(item.id, where, "duplicate-id",
                                   f"article '{item.id}' ({where}) appeared earlier in this run; the first one "
                                   "is kept")
                else:
                    seen.add(item.id)
            yield item



def read_articles(paths: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS,
                  on_skip: Callable[[Skipped], None] | None = None) -> Iterator[Article]:
    """The usable articles of :func:`iter_articles`; each bad record goes to ``on_skip`` (default: dropped).

    Args:
        paths: files (.txt, .jsonl, .json, .zip) and folders of them.
        max_chars: longest accepted article text, in characters.
        on_skip: called with the :class:`Skipped` of each bad record.

    Returns:
        An iterator of articles in input order.

    >>> [a.title for a in read_articles(["seeds"])]      # doctest: +SKIP
    ['روسيا ...']
    """
    for item in iter_articles(paths, max_chars=max_chars):
        if isinstance(item, Skipped):
            if on_skip is not None:
                on_skip(item)
        else:
            yield item
