"""The attribution stage's own view of an article: words and marks with offsets, lines, sentences, quotes.

Attribution reads the ORIGINAL text (``doc.article.text``) with a small scanner so that it works the same
whether the segmenter has split clitics or not; morphology analyses from the Document are attached to the
words they cover.  Everything is linear in the length of the text.

    >>> v = scan("وقال الوزير: «نعم».")
    >>> [t.text for t in v.tokens]
    ['وقال', 'الوزير', ':', '«', 'نعم', '»', '.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from newsgraph.model import Analysis, Document

__all__ = ["Tok", "View", "scan", "view_of", "norm", "key", "QUOTE_OPEN", "QUOTE_CLOSE", "QUOTES"]

_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_KEY = str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "#": " ", "_": " "})
# a word: letters, digits, diacritics, tatweel, hashtag sign and underscore (hashtags stay one word)
_TOKEN = re.compile(r"(?P<w>[#\w\u064b-\u065f\u0670\u0640]+)|(?P<e>&(?:quot|laquo|raquo);)|(?P<p>\S)")
# HTML entities, and the double prime ″ that some outlets type as the closing mark of “...″
_ENTITIES = {"&quot;": '"', "&laquo;": "«", "&raquo;": "»", "″": "”"}

QUOTE_OPEN = frozenset("«“„")
QUOTE_CLOSE = frozenset("»”")
QUOTES = QUOTE_OPEN | QUOTE_CLOSE | frozenset('"')
SENTENCE_END = frozenset(".!?؟")
# (norm, key) of the word forms met so far: one look-up per word instead of two memoised calls; cleared
# when full so that a worker's memory stays flat over a corpus
_FORMS: dict[str, tuple[str, str]] = {}
_FORMS_MAX = 1 << 16


@lru_cache(maxsize=1 << 16)
def norm(s: str) -> str:
    """Undiacritised form with one alef (keeps ى، ة: رأى is not رأي)."""
    return _DIAC.sub("", s).translate(_ALEF)


@lru_cache(maxsize=1 << 16)
def key(s: str) -> str:
    """Looser form for lexicon look-ups: also ى→ي، ة→ه، ؤ→و، ئ→ي, no '#' or '_'."""
    return " ".join(norm(s).translate(_KEY).split())


class Tok(NamedTuple):
    """A word or a punctuation mark of the original text (a named tuple: cheap to make by the million)."""

    i: int
    start: int
    end: int
    text: str
    kind: str  # word, punct, quote
    norm: str = ""
    key: str = ""
    line: int = 0
    analysis: Analysis | None = None

    @property
    def definite(self) -> bool:
        k = self.key.lstrip("#")
        return k.startswith("ال") or k.startswith("لل") or k.startswith("وال")


@dataclass(frozen=True, slots=True)
class View:
    """Tokens of a text, with sentence ids, line ids and whether each token lies inside quotation marks."""

    text: str
    tokens: tuple[Tok, ...]
    sentence: tuple[int, ...]  # sentence index per token
    sentence_bounds: tuple[tuple[int, int], ...]  # (first token, last token + 1)
    in_quote: tuple[bool, ...]
    title_end: int  # character offset where the first line ends
    lines: tuple[tuple[int, int], ...]  # (first token, last token + 1) per non-empty line
    warnings: tuple[str, ...] = field(default=())


def scan(text: str, *, analyses: dict[int, Analysis] | None = None, article_id: str = "") -> View:
    """Scan a text into a :class:`View` (tokens, sentences, lines, quote regions).

    Args:
        text: the article text as read.
        analyses: morphology analyses keyed by the start offset of the word they belong to.
        article_id: named in warnings.

    Returns:
        The view; its warnings name unbalanced quotation marks.

    Example:
        >>> scan("قال: \\"نعم").warnings[0].startswith("unbalanced")
        True
    """
    get = (analyses or {}).get
    toks: list[Tok] = []
    lines: list[tuple[int, int]] = []
    new, forms, finditer = tuple.__new__, _FORMS, _TOKEN.finditer
    if len(forms) > _FORMS_MAX:
        forms.clear()
    # line by line: no token spans a line break, so each line's tokens are the same as in the whole text
    # and the line number needs no count of the newlines before every token
    line = pos = 0
    while True:
        nl = text.find("\n", pos)
        first = len(toks)
        for m in finditer(text, pos, nl if nl >= 0 else len(text)):
            s, e = m.span()
            w = m.group()
            if m.lastgroup == "w":
                f = forms.get(w)
                if f is None:
                    f = forms[w] = (norm(w), key(w))
                toks.append(new(Tok, (len(toks), s, e, w, "word", f[0], f[1], line, get(s) or get(s + 1))))
            else:
                ch = _ENTITIES.get(w, w)
                toks.append(new(Tok, (len(toks), s, e, w, "quote" if ch in QUOTES else "punct", ch, ch, line, None)))
        if len(toks) > first:
            lines.append((first, len(toks)))
        if nl < 0:
            break
        pos = nl + 1
        line += 1
    warnings: list[str] = []
    in_quote = _quote_regions(toks, warnings, article_id)
    sentence, bounds = _sentences(toks, in_quote)
    first_nl = text.find("\n")
    return View(text, tuple(toks), tuple(sentence), tuple(bounds), tuple(in_quote),
                first_nl if first_nl >= 0 else len(text), tuple(lines), tuple(warnings))


def _quote_regions(toks: list[Tok], warnings: list[str], article_id: str) -> list[bool]:
    """Per token: inside quotation marks?  Pairs within a line; straight quotes toggle; » may open (بـ»ارحلوا»)."""
    inside = [False] * len(toks)
    stack: list[Tok] = []
    cur_line = -1

    def flush() -> None:
        if stack:
            warnings.append(f"unbalanced quotation mark at {stack[0].start} in article {article_id or '?'}: "
                            "no closing mark in its paragraph")
            stack.clear()

    for t in toks:
        if t.line != cur_line:
            flush()
            cur_line = t.line
        if t.kind == "quote":
            q = t.norm
            if q in QUOTE_OPEN:
                if stack and (stack[-1].norm, q) in _REVERSED_PAIRS:
                    stack.pop()  # ”شاهد عيان“، »...«: a pair written the other way round (right-to-left typing)
                else:
                    stack.append(t)
            elif q == "»":
                if stack and stack[-1].norm in ("«", "»"):
                    stack.pop()
                else:
                    stack.append(t)
            elif q == "”":
                if stack and stack[-1].norm in ("“", "„", "”"):
                    stack.pop()
                else:
                    stack.append(t)
            else:  # straight quote: its side is read from what it is glued to, else it toggles
                side = _straight_side(toks, t)
                if side == "open":
                    stack.append(t)  # «... يستهدفون "داعش" ...» typed with straight marks: a quote in a quote
                elif stack and stack[-1].norm == '"':
                    stack.pop()
                elif side == "close":
                    # مستمرة". with no straight quote open: a stray closing mark (an outlet's extra one) opens
                    # nothing, or the rest of the paragraph would be read as quoted
                    warnings.append(f"stray closing quotation mark at {t.start} in article {article_id or '?'}")
                else:
                    stack.append(t)
            inside[t.i] = True
            continue
        inside[t.i] = bool(stack)
    flush()
    return inside


_REVERSED_PAIRS = frozenset((("”", "“"), ("»", "«")))


def _straight_side(toks: list[Tok], t: Tok) -> str:
    """"open" for a straight quote glued to the word after it only, "close" for one glued to the word before it
    only, "" when both or neither (then it toggles)."""
    before = toks[t.i - 1] if t.i else None
    after = toks[t.i + 1] if t.i + 1 < len(toks) else None
    glued_before = before is not None and before.kind == "word" and before.end == t.start
    glued_after = after is not None and after.kind == "word" and after.start == t.end
    if glued_after and not glued_before:
        return "open"
    if glued_before and not glued_after:
        return "close"
    return ""


def _sentences(toks: list[Tok], in_quote: list[bool]) -> tuple[list[int], list[tuple[int, int]]]:
    """Sentence index per token: a sentence ends at . ! ? ؟ outside quotes, and at every line break."""
    bounds: list[tuple[int, int]] = []
    start = 0
    depth = 0  # inside parentheses a full stop is an abbreviation's: (د.ب.أ)، (أ.ف.ب)
    prev_line = toks[0].line if toks else 0
    for t in toks:
        i = t.i
        if t.line != prev_line:
            prev_line = t.line
            if i > start:
                bounds.append((start, i))
                start = i
                depth = 0
        if t.kind == "punct":
            ch = t.norm
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth:
                    depth -= 1
            elif (ch in SENTENCE_END and not in_quote[i]
                  and not (depth and ch == "." and _abbreviation_dot(toks, i))):
                bounds.append((start, i + 1))
                start = i + 1
    if start < len(toks):
        bounds.append((start, len(toks)))
    # the sentence index of every token, from the bounds
    out = [0] * len(toks)
    for k, (a, b) in enumerate(bounds):
        out[a:b] = [k] * (b - a)
    return out, bounds


def _abbreviation_dot(toks: list[Tok], i: int) -> bool:
    """Is the full stop at ``i`` inside a letter abbreviation (a one-letter word right before it: د.ب.أ)?"""
    prev = toks[i - 1] if i else None
    return prev is not None and prev.kind == "word" and len(prev.text) == 1 and prev.end == toks[i].start


def view_of(doc: Document) -> View:
    """The attribution view of a Document, with its word analyses attached by start offset.

    Example:
        >>> from newsgraph.model import Article, Document
        >>> view_of(Document(Article.from_text("قال"), ())).tokens[0].text
        'قال'
    """
    analyses: dict[int, Analysis] = {}
    for sent in doc.sentences:
        for tok in sent.tokens:
            if tok.analysis is not None and tok.start not in analyses:
                analyses[tok.start] = tok.analysis
    return scan(doc.article.text, analyses=analyses, article_id=doc.article.id)
