"""Arabic normalisation for matching, with an exact map back to the original characters.

Two entry points:

* :func:`norm_word` — the matching key of a short string (a token, a lexicon entry).  Every
  lexicon lookup in newsgraph goes through it, so a lexicon entry written ``أكّد`` matches the
  text ``اكد``.  It is one ``str.translate`` (plus NFKC only when the string needs it).
* :func:`normalise` — the same normalisation over a whole article, returning a
  :class:`Normalised` whose :meth:`~Normalised.to_original` maps any span of the normalised text
  back to exact offsets in the original, so matches found on normalised text become spans of
  the article (``article.text[ostart:oend]``).

What the normalisation does (the conventions of Arabic IR normalisers, e.g. Larkey, Ballesteros
& Connell 2002 "light stemming", and camel-tools' ``normalize_alef/teh_marbuta/alef_maksura``):

* removes diacritics (U+064B–U+065F, U+0670, U+0610–U+061A, U+06D6–U+06ED) and tatweel U+0640;
* unifies hamza/madda alef forms أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي;
* maps the Persian/Urdu look-alikes ی ك/ک -> ي ك (common in copy-pasted names);
* maps Arabic-Indic and Persian digits to ASCII digits; lower-cases letters (1:1 mappings only);
* compatibility characters (presentation forms ﻻ, ligatures, full-width forms) by NFKC;
* removes zero-width characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, BOM, ALM ...).

:func:`normalise` additionally turns NBSP and every other Unicode space into ``' '``, decodes HTML
entities (``&quot;`` -> ``"``), and turns the ``#`` and ``_`` of hashtags (``#وليد_المعلم``) into
spaces so the name inside matches like running text.

    >>> norm_word("أكّدَ")
    'اكد'
    >>> n = normalise("قال &quot;بوتينُ&quot;")
    >>> n.text
    'قال "بوتين"'
    >>> n.to_original(5, 10)
    (10, 16)
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

__all__ = ["DIACRITICS", "Normalised", "is_arabic_char", "norm_word", "normalise"]

# Arabic combining marks removed for matching: harakat, tanwin, shadda, sukun, madda/hamza
# above/below, superscript alef, Quranic annotation signs.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
_TATWEEL = "\u0640"
# marks that belong to the preceding letter: their original offsets are kept inside that letter's span
_ATTACHED = DIACRITICS | {_TATWEEL}
# invisible format characters; not attached to any letter
_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_DELETE = _ATTACHED | _ZERO_WIDTH

_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ې": "ي", "ۍ": "ي",  # Persian yeh U+06CC, Pashto yeh U+06D0 and U+06CD
    "ک": "ك", "ڪ": "ك",  # Persian keheh U+06A9, swash kaf
    "ە": "ه", "ہ": "ه", "ھ": "ه",  # Kurdish ae, Urdu heh goal, heh doachashmee
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# Unicode spaces (Zs except ' ') and tab -> ' ': only normalise() uses these (norm_word keys are short)
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"


def _lower_map() -> dict[int, str]:
    # only 1:1 case mappings, so the translation keeps lengths (U+0130 İ -> 'i̇' is left alone)
    out: dict[int, str] = {}
    for cp in range(0x0041, 0x0590):
        c = chr(cp)
        low = c.lower()
        if low != c and len(low) == 1:
            out[cp] = low
    for cp in range(0xFF21, 0xFF3B):  # full-width A-Z (NFKC turns them to ASCII first anyway)
        out[cp] = chr(cp).lower()
    return out


# one character -> one character substitutions (length preserving: no offset bookkeeping needed)
_SUB_TABLE: dict[int, str | None] = {ord(k): v for k, v in (_LETTERS | _DIGITS).items()}
_SUB_TABLE.update(_lower_map())
_SUB_TABLE.update({ord(c): " " for c in _SPACES})
_DELETE_TABLE: dict[int, str | None] = {ord(c): None for c in _DELETE}
# the matching key: deletions and substitutions in one pass
_WORD_TABLE: dict[int, str | None] = {**_SUB_TABLE, **_DELETE_TABLE}


def norm_word(s: str) -> str:
    """The matching key of a word or short phrase (used for every lexicon lookup).

    Args:
        s: a token, name or lexicon entry.

    Returns:
        ``s`` with diacritics, tatweel and zero-width characters removed, alef/yeh/teh-marbuta
        variants unified, digits made ASCII and letters lower-cased; compatibility characters
        are NFKC-folded first.

    >>> norm_word("الرئيسُ") == norm_word("الرييس")
    True
    >>> norm_word("إرهابيّي ISIS")
    'ارهابيي isis'
    """
    if not s.isascii() and not unicodedata.is_normalized("NFKC", s):
        s = unicodedata.normalize("NFKC", s)
    return s.translate(_WORD_TABLE)


def is_arabic_char(c: str) -> bool:
    """Whether ``c`` is in an Arabic block (Arabic, Supplement, Extended-A, presentation forms).

    >>> is_arabic_char("ب"), is_arabic_char("b")
    (True, False)
    """
    o = ord(c)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text and the map from its characters to the original characters.

    Normalised character ``i`` came from ``original[ostart(i):oend(i)]``: usually one character,
    six for ``&quot;``, the letter plus its diacritics for a vowelled letter.  ``ostart`` is stored
    piecewise (``original = i + delta`` between breakpoints); ``oend`` is ``ostart + 1`` except
    for the characters listed in ``_ends``.
    """

    text: str
    original_length: int
    _bp: tuple[int, ...] = field(repr=False)
    _delta: tuple[int, ...] = field(repr=False)
    _ends: dict[int, int] = field(repr=False, compare=False)

    def _ostart(self, i: int) -> int:
        return i + self._delta[bisect_right(self._bp, i) - 1]

    def _oend(self, i: int) -> int:
        end = self._ends.get(i)
        return end if end is not None else self._ostart(i) + 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised span ``text[start:end]``.

        Args:
            start: start offset in :attr:`text` (0 <= start <= end <= len(text)).
            end: end offset in :attr:`text`.

        Returns:
            ``(ostart, oend)`` such that ``original[ostart:oend]`` is the surface the span came
            from, including the diacritics of its last letter.

        Raises:
            ValueError: the span is not inside the normalised text.

        >>> n = normalise("وقالَ  الرئيسُ")
        >>> n.text
        'وقال  الرييس'
        >>> n.to_original(6, 12)
        (7, 14)
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) is outside the normalised text of length {n}")
        if start == end:
            o = self._ostart(start) if start < n else self.original_length
            return o, o
        return self._ostart(start), self._oend(end - 1)


_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_HASHTAG = re.compile(r"#(?=[^\W_])[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+")


@cache
def _special_re() -> re.Pattern[str]:
    # characters that change length under normalisation: deleted marks and NFKC compatibility
    # characters (computed once: 0.3 s); everything else is 1:1 and done by str.translate
    compat = [
        cp
        for cp in range(0xA0, 0x110000)
        if not 0xD800 <= cp < 0xE000 and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
    ]
    compat = [cp for cp in compat if chr(cp) not in _SPACES and cp not in _SUB_TABLE]
    ranges: list[list[int]] = []
    for cp in compat:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    dele = "".join(re.escape(c) for c in sorted(_DELETE))
    return re.compile(f"{_ENTITY}|[{dele}]+|[{cls}]")


def decode_entity(ent: str) -> str | None:
    """The text an HTML entity stands for, or ``None`` when it is not a valid entity.

    >>> decode_entity("&quot;"), decode_entity("&#8220;"), decode_entity("&bogus;")
    ('"', '“', None)
    """
    body = ent[1:-1]
    if body.startswith("#"):
        try:
            cp = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])
        except ValueError:
            return None
        if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp < 0xE000:
            return None
        return chr(cp)
    return html.entities.html5.get(body + ";")


def normalise(text: str) -> Normalised:
    """Normalise a whole text for matching, keeping a map back to the original offsets.

    Args:
        text: the original text (an article).

    Returns:
        A :class:`Normalised`; a match ``(s, e)`` in ``.text`` is ``text[ostart:oend]`` for
        ``(ostart, oend) = .to_original(s, e)``.

    >>> n = normalise("وقال #وليد_المعلم&nbsp;إنّ")
    >>> n.text
    'وقال  وليد المعلم ان'
    >>> n.to_original(*(lambda i: (i, i + 10))(n.text.index("وليد")))
    (6, 16)
    """
    out: list[str] = []
    bp = [0]
    delta = [0]
    ends: dict[int, int] = {}
    pos_o = 0  # original cursor
    pos_n = 0  # normalised cursor
    last_oend = -1  # original end of the last normalised character

    def set_delta(i: int, d: int) -> None:
        if delta[-1] == d:
            return
        if bp[-1] == i:  # the previous breakpoint had no characters: overwrite it
            bp.pop()
            delta.pop()
            if delta and delta[-1] == d:
                return
        bp.append(i)
        delta.append(d)

    for m in _special_re().finditer(text):
        s, e = m.span()
        if s > pos_o:
            set_delta(pos_n, pos_o - pos_n)
            out.append(text[pos_o:s])
            pos_n += s - pos_o
            last_oend = s
        g = m.group()
        c0 = g[0]
        if c0 == "&" and len(g) > 1:
            rep = decode_entity(g)
            rep = rep.translate(_DELETE_TABLE) if rep is not None else None
            if rep is None:  # not an entity: keep the characters as they are
                set_delta(pos_n, s - pos_n)
                out.append(g)
                pos_n += len(g)
                last_oend = e
            else:
                for ch in rep:
                    set_delta(pos_n, s - pos_n)
                    out.append(ch)
                    ends[pos_n] = e
                    pos_n += 1
                last_oend = e if rep else last_oend
        elif c0 in _DELETE:
            if pos_n > 0 and last_oend == s and c0 in _ATTACHED:
                # trailing diacritics belong to the letter before them
                ends[pos_n - 1] = e
                last_oend = e
        else:
            rep = unicodedata.normalize("NFKC", g).translate(_DELETE_TABLE)
            for ch in rep:
                set_delta(pos_n, s - pos_n)
                out.append(ch)
                pos_n += 1
            if rep:
                last_oend = e
        pos_o = e
    if pos_o < len(text):
        set_delta(pos_n, pos_o - pos_n)
        out.append(text[pos_o:])
        pos_n += len(text) - pos_o
    norm = "".join(out).translate(_SUB_TABLE)
    if "#" in norm:
        # hashtags: '#' and '_' become spaces (same length, so the map is unchanged)
        norm = _HASHTAG.sub(lambda m: m.group().replace("#", " ").replace("_", " "), norm)
    return Normalised(norm, len(text), tuple(bp), tuple(delta), ends)
