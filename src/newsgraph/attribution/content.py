"""Content spans of statements: the quotation, or the clause after أن/إن/ب/:, and the statement kind.

    >>> from newsgraph.attribution.text import scan
    >>> v = scan('وقال الوزير إن "الوضع مستقر".')
    >>> c = content_span(v, 2, len(v.tokens), article_id="a")
    >>> c.span.text, c.kind
    ('الوضع مستقر', 'direct')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.attribution.text import Tok, View
from newsgraph.model import Span

__all__ = ["Content", "content_span"]

_COMP = re.compile(r"^[وف]?[بل]?ان(ه|ها|هم|هما|نا|ني|كم|ك)?$")
_LEAD_PREPS = frozenset(("على", "علي", "إلى", "الى", "الي", "عن", "من"))


@dataclass(frozen=True, slots=True)
class Content:
    span: Span | None
    kind: str  # direct, indirect, mixed
    warning: str | None = None


def _trim(view: View, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation (not quotes) at both ends of the token range."""
    toks = view.tokens
    while a < b and toks[a].kind == "punct":
        a += 1
    while b > a and toks[b - 1].kind == "punct":
        b -= 1
    return a, b


def content_span(view: View, i: int, limit: int, *, article_id: str, opened: bool = False) -> Content:
    """The content of a statement whose speaker phrase ends before token i; it may run up to token ``limit``.

    The content starts after a complementiser (أن، إن، بأن، أنه ...), a colon, or at an opening quotation
    mark, found before ``limit``; a quotation runs to the last quotation mark before ``limit``.  Without
    any of these the clause itself (أكد على الشراكة ...) is the content.

    Args:
        view: the scanned text.
        i: first token after the speaker phrase (or after the cue when the subject is dropped).
        limit: token index where the next statement (or the sentence) begins.
        article_id: named in the warning of an unbalanced quotation.
        opened: the content starts at ``i`` itself (after a headline's colon: "X: Y «Z»" is all content).

    Returns:
        The span (None when empty), the kind, and a warning for a quotation left open.

    Example:
        >>> from newsgraph.attribution.text import scan
        >>> v = scan("وأكد أن الوضع مستقر.")
        >>> content_span(v, 1, 5, article_id="a").span.text
        'الوضع مستقر'
    """
    toks = view.tokens
    limit = min(limit, len(toks))
    start = None
    j = i
    scan_to = min(limit, i + 40)
    while j < scan_to and not opened:
        t = toks[j]
        if t.kind == "quote" and _opens(view, j):
            skip = _quoted_name_end(view, i, j, limit)
            if skip is not None:
                j = skip + 1  # أشار لـ"الاقتصادية" إلى أن، تأجيل "خليجي 23" إلى الاتحاد: a quoted name, not the content
                continue
            start = j
            break
        if t.kind == "punct" and t.norm == ":":
            start = j + 1
            break
        if t.kind == "word" and _COMP.match(t.key) and not _name_not_that(view, t):
            start = j + 1 if t.key in ("ان", "بان", "وان", "فان", "لان") else j
            if t.key not in ("ان", "بان", "وان", "فان", "لان"):
                # إنه / أنها: the pronoun belongs to the content; keep the word out, start after it
                start = j + 1
            break
        j += 1
    if start is None or opened:
        start = i
        while start < limit and toks[start].kind == "word" and toks[start].key in _LEAD_PREPS:
            start += 1
    a, b = _trim(view, start, limit)
    if a >= b:
        return Content(None, "indirect")
    if toks[a].kind == "quote":
        # the quotation: from the opening mark to the last quotation mark before the limit
        last = None
        for k in range(b - 1, a, -1):
            if toks[k].kind == "quote":
                last = k
                break
        if last is None:
            warn = (f"unbalanced quotation mark at {toks[a].start} in article {article_id}: "
                    "statement content runs to the end of its sentence")
            a2, b2 = _trim(view, a + 1, b)
            if a2 >= b2:
                return Content(None, "mixed", warn)
            return Content(Span.of(view.text, toks[a2].start, toks[b2 - 1].end), "mixed", warn)
        inner_a, inner_b = a + 1, last
        tail = [t for t in toks[last + 1 : b] if t.kind == "word"]
        if inner_a >= inner_b:
            return Content(None, "direct")
        if tail:
            return Content(Span.of(view.text, toks[a].start, toks[b - 1].end), "mixed")
        return Content(Span.of(view.text, toks[inner_a].start, toks[inner_b - 1].end), "direct")
    quoted = any(toks[k].kind == "quote" for k in range(a, b))
    return Content(Span.of(view.text, toks[a].start, toks[b - 1].end), "mixed" if quoted else "indirect")


def _name_not_that(view: View, t: Tok) -> bool:
    """Is a word spelt like بأن without its hamza a name (بان كي مون), not "that"?  A complementiser is never
    followed by a conjunction such as كي."""
    nxt = view.tokens[t.i + 1] if t.i + 1 < len(view.tokens) else None
    return (t.norm == "بان" and nxt is not None and nxt.analysis is not None and nxt.analysis.pos == "conj"
            and nxt.key not in ("و", "ف"))


def _quoted_name_end(view: View, i: int, j: int, limit: int) -> int | None:
    """The closing mark of a short quotation at j that names something inside the clause rather than opening
    the content: an addressee after لـ (قال لـ"الاقتصادية" إن), or a name after other words of the clause with
    more of the clause after it (مسؤولية تأجيل "خليجي 23" إلى الاتحاد).  None when the quotation is content."""
    toks = view.tokens
    close = next((k for k in range(j + 1, min(limit, j + 6)) if toks[k].kind != "word"), None)
    if close is None or close == j + 1 or toks[close].kind != "quote":
        return None
    prev = toks[j - 1] if j > 0 else None
    if prev is None or prev.kind != "word":
        return None
    if prev.key in ("ل", "لـ"):
        return close
    if j == i or prev.key in ("ب", "بـ") or _COMP.match(prev.key):
        return None
    more = any(t.kind == "word" for t in toks[close + 1 : limit])
    return close if more else None


def _opens(view: View, j: int) -> bool:
    """Is the quotation mark at token j an opening one (or a straight quote that starts a quotation)?"""
    q = view.tokens[j].norm
    if q in "«“„":
        return True
    if q == "»":
        return j + 1 < len(view.tokens) and view.tokens[j + 1].kind == "word"
    if q == '"':
        return j + 1 < len(view.tokens) and view.tokens[j + 1].kind == "word" and view.in_quote[j + 1]
    return False
