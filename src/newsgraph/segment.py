"""Sentences and tokens of an article, every token anchored to the original text.

One linear scan with a single regular expression (no nested quantifiers, bounded shortcodes),
so a 5 MB article takes seconds, not minutes.  Each :class:`~newsgraph.model.Token` has
``text[start:end] == token.text`` and ``norm = norm_word(token.text)``.  Clitics (و ف ب ل ك
and the article) stay inside the word token: morphology analyses them.

Token kinds:

* ``word``: Arabic letters with their diacritics and tatweel (وقالَ);
* ``latin``: a word in another alphabetic script (Putin, COVID-19, don't);
* ``number``: digits, ASCII or Arabic-Indic, with internal separators (20, 3.5, 1,000, ٢٠١٥);
* ``url``: http(s)://... or www....;
* ``hashtag``: #وليد_المعلم (``norm`` is the name with the ``#`` dropped and ``_`` as spaces);
* ``quote``: every quotation mark of Arabic news, " « » “ ” ‘ ’ ″ „ ‹ › ' and their HTML
  entities (``&quot;`` is one token covering its six characters; ``norm`` is the decoded mark);
* ``punct``: ، ؛ ؟ . , ; : ! ? … - – — ( ) [ ] { } / and ``...``;
* ``symbol``: anything else that is not a space (%, $, emoji, other entities such as &amp;).

Shortcodes of content systems (``[[video source=youtube id=GkCgrspkuRw]]``) are not tokens.

Sentences end after . ! ? ؟ (with the closing quotes and brackets that follow them) and at
every line break (articles put one paragraph per line).  A period does not end a sentence after
a one-letter word or a known abbreviation (د. م. هـ. U.S. Dr.), inside numbers or URLs.

    >>> sents, warnings = segment('قال بوتين: «نعم.» ثم غادر')
    >>> [[t.text for t in s.tokens] for s in sents]
    [['قال', 'بوتين', ':', '«', 'نعم', '.', '»'], ['ثم', 'غادر']]
"""

from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache

from newsgraph.errors import NewsgraphError
from newsgraph.model import Analysis, Sentence, Token, TokenKind
from newsgraph.text import decode_entity, norm_word

__all__ = ["QUOTE_CHARS", "new_token", "segment"]

QUOTE_CHARS = frozenset("\"«»“”‘’″„‹›‟‛'`")
OPENING_QUOTES = frozenset("«“‘„‹‟‛")
CLOSING_QUOTES = frozenset("»”’›")
_CLOSERS = CLOSING_QUOTES | frozenset(")]}")
_TERMINATORS = frozenset(".!?؟")
# abbreviations after which a period does not end a sentence (normalised keys):
# د. (doctor), م. (year AD / engineer), هـ. (hijri year), ص./ج. (page/part), common Latin ones
_ABBREVIATIONS = frozenset(
    {"د", "م", "ه", "ص", "ج", "ق"}
    | {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "no", "vs", "inc", "ltd", "co"}
)

_MARKS = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
_AR_LETTERS = (
    r"\u0620-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
    r"\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC"
)
_WORD_RE = rf"[{_AR_LETTERS}][{_AR_LETTERS}{_MARKS}\u200c\u200d]*"
# other alphabetic scripts: letters, then letters/digits, with internal ' or - (al-Assad, COVID-19)
_FOREIGN = r"[^\W\d_\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
_LATIN_RE = rf"{_FOREIGN}(?:{_FOREIGN}|\d)*(?:['\-](?:{_FOREIGN}|\d)+)*"

_TOKEN = re.compile(
    # leading white space is consumed by the token's own match (half as many matches to iterate)
    r"(?P<ws>\s*)(?:"
    + "|".join(
        [
            r"(?P<shortcode>\[\[[^\[\]\n]{0,1000}\]\])",
            r"(?P<space>\s+|&nbsp;|&#160;|&#xa0;)",
            r"(?P<url>(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^\s<>\"«»“”'\[\]]+)",
            r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
            rf"(?P<hashtag>#(?:[{_AR_LETTERS}\w])[\w{_MARKS}\u200c\u200d]*)",
            r"(?P<number>\d+(?:[.,٫٬]\d+)*)",
            rf"(?P<word>{_WORD_RE})",
            rf"(?P<latin>{_LATIN_RE})",
            r"(?P<quote>[\"«»“”‘’″„‹›‟‛'`])",
            r"(?P<punct>\.\.+|\u0640+|[.،,؛;:؟?!…\-–—()\[\]{}/\\|])",
            r"(?P<symbol>\S)",
        ]
    )
    + ")",
    re.DOTALL,
)
# norm_word of frequent surfaces, shared across articles (bounded)
_norm = lru_cache(maxsize=500_000)(norm_word)
_URL_TRAIL = ".,;:!?)،؛؟"

# new_token sets the slots of a Token one by one: it must know every field
_TOKEN_FIELDS = ("start", "end", "text", "kind", "norm", "analysis", "alternatives")
if tuple(f.name for f in fields(Token)) != _TOKEN_FIELDS:
    raise NewsgraphError(f"newsgraph.segment.new_token sets the fields {_TOKEN_FIELDS}, but Token has "
                         f"{tuple(f.name for f in fields(Token))}: update new_token")
_new_object = object.__new__
_set_start, _set_end, _set_text, _set_kind, _set_norm, _set_analysis, _set_alternatives = (
    Token.__dict__[name].__set__ for name in _TOKEN_FIELDS
)


def new_token(start: int, end: int, text: str, kind: TokenKind, norm: str, analysis: Analysis | None = None,
              alternatives: tuple[Analysis, ...] = ()) -> Token:
    """``Token(start, end, text, kind, norm, analysis, alternatives)``, built 2x faster for the hot loops.

    A frozen dataclass's ``__init__`` assigns each field through ``object.__setattr__`` (~2 µs per
    token, a third of segmenting an article); this sets the slots directly.  The token is the same
    value (equal, same hash) and just as frozen afterwards.

    >>> new_token(0, 3, "قال", "word", "قال") == Token(0, 3, "قال", "word", "قال")
    True
    """
    tok = _new_object(Token)
    _set_start(tok, start)
    _set_end(tok, end)
    _set_text(tok, text)
    _set_kind(tok, kind)
    _set_norm(tok, norm)
    _set_analysis(tok, analysis)
    _set_alternatives(tok, alternatives)
    return tok



def _entity_kind(decoded: str | None) -> TokenKind:
    if decoded is None or len(decoded) != 1:
        return "symbol"
    if decoded in QUOTE_CHARS:
        return "quote"
    if decoded in ".،,؛;:؟?!…-–—()[]{}/\\|":
        return "punct"
    return "symbol"


def _tokens(text: str) -> tuple[list[Token], list[int]]:
    """All tokens of ``text`` and the offsets of line breaks (sentence boundaries)."""
    tokens: list[Token] = []
    breaks: list[int] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "space"  # every alternative of _TOKEN is a named group
        ws = m.group(1)
        if ws and "\n" in ws:
            breaks.append(len(tokens))
        s, e = m.span(kind)
        if kind == "space" or kind == "shortcode":
            if "\n" in text[s:e]:
                breaks.append(len(tokens))
            continue
        surface = m.group(kind)
        if kind == "word":
            append(new_token(s, e, surface, "word", _norm(surface)))
        elif kind == "punct" or kind == "quote":
            append(new_token(s, e, surface, "punct" if kind == "punct" else "quote", surface))
        elif kind == "number":
            append(new_token(s, e, surface, "number", norm_word(surface)))
        elif kind == "latin":
            append(new_token(s, e, surface, "latin", _norm(surface)))
        elif kind == "hashtag":
            append(new_token(s, e, surface, "hashtag", norm_word(surface[1:].replace("_", " ")).strip()))
        elif kind == "url":
            stripped = surface.rstrip(_URL_TRAIL)
            # a final ')' belongs to the URL only when it closes a '(' inside it (wikipedia links)
            if surface.endswith(")") and stripped.count("(") > stripped.count(")"):
                stripped = surface[: len(stripped) + 1]
            e2 = s + len(stripped)
            append(new_token(s, e2, stripped, "url", stripped))
            # the stripped trailing punctuation becomes ordinary punctuation tokens
            for k in range(e2, e):
                c = text[k]
                append(new_token(k, k + 1, c, "punct", c))
        elif kind == "entity":
            decoded = decode_entity(surface)
            ek = _entity_kind(decoded)
            append(new_token(s, e, surface, ek, decoded if decoded is not None else surface))
        else:
            append(new_token(s, e, surface, "symbol", surface))
    return tokens, breaks


def _is_abbreviation(prev: Token | None) -> bool:
    if prev is None or prev.kind not in ("word", "latin"):
        return False
    return len(prev.norm) == 1 or prev.norm in _ABBREVIATIONS


def _sentences(text: str, tokens: list[Token], breaks: list[int]) -> tuple[Sentence, ...]:
    bounds = set(breaks)
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.kind == "punct" and tok.text in _TERMINATORS:
            prev = tokens[i - 1] if i > 0 else None
            if tok.text == "." and _is_abbreviation(prev) and prev is not None and prev.end == tok.start:
                i += 1
                continue
            j = i + 1
            # closing quotes/brackets right after the terminator stay in this sentence
            while j < n and tokens[j].start == tokens[j - 1].end and (
                tokens[j].text in _CLOSERS or tokens[j].norm in CLOSING_QUOTES or tokens[j].norm in ('"', "'")
            ) and (j not in bounds):
                j += 1
            # runs of terminators (?! ؟!) are one boundary
            while j < n and tokens[j].kind == "punct" and tokens[j].text in _TERMINATORS and j not in bounds:
                j += 1
            bounds.add(j)
            i = j
            continue
        i += 1
    out: list[Sentence] = []
    start = 0
    for b in sorted(bounds):
        if b <= start:
            continue
        b = min(b, n)
        toks = tuple(tokens[start:b])
        out.append(Sentence(toks[0].start, toks[-1].end, toks))
        start = b
    if start < n:
        toks = tuple(tokens[start:])
        out.append(Sentence(toks[0].start, toks[-1].end, toks))
    return tuple(out)


def _quote_warnings(text: str, sentences: tuple[Sentence, ...]) -> list[str]:
    """Warnings for paragraphs whose quotation marks do not pair up (never an error)."""
    warnings: list[str] = []
    para: list[Token] = []
    last_line_end = -1

    def check(toks: list[Token]) -> None:
        if not toks:
            return
        norms = [t.norm for t in toks if t.kind == "quote"]
        where = f"paragraph at offset {toks[0].start}"
        straight = norms.count('"')
        if straight % 2:
            warnings.append(f"unbalanced quotation marks: {straight} '\"' in the {where}")
        left, right = norms.count("«"), norms.count("»")
        if left != right:
            warnings.append(f"unbalanced quotation marks: {left} '«' and {right} '»' in the {where}")
        # “...” (English style) and „...“ (German style) both pair two marks
        curly = norms.count("“") + norms.count("”") + norms.count("„")
        if curly % 2:
            warnings.append(f"unbalanced quotation marks: {curly} curly double quotes in the {where}")

    for sent in sentences:
        if para and "\n" in text[last_line_end : sent.start]:
            check(para)
            para = []
        para.extend(sent.tokens)
        last_line_end = sent.end
    check(para)
    return warnings


def segment(text: str) -> tuple[tuple[Sentence, ...], tuple[str, ...]]:
    """Split a text into sentences of tokens whose offsets point into ``text``.

    Args:
        text: the original article text (not normalised).

    Returns:
        ``(sentences, warnings)``: sentences in text order, each with at least one token; the
        warnings name paragraphs whose quotation marks do not pair up.

    >>> sents, _ = segment("وقال كيربي: &quot;سيواصل التحالف&quot; #داعش")
    >>> [(t.text, t.kind) for t in sents[0].tokens][2:5]
    [(':', 'punct'), ('&quot;', 'quote'), ('سيواصل', 'word')]
    >>> sents[0].tokens[-1].kind, sents[0].tokens[-1].norm
    ('hashtag', 'داعش')
    """
    tokens, breaks = _tokens(text)
    if not tokens:
        return (), ()
    sentences = _sentences(text, tokens, breaks)
    return sentences, tuple(_quote_warnings(text, sentences))
