"""Normalisation for matching and its map back to the original offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.text import decode_entity, norm_word, normalise

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(
    ARABIC,
    st.sampled_from(list("\u00a0\u200b\u200c\u200f\ufeff\u0640ًٌٍَُِّْٰ#_&;\n \"«»“”ﻻﷲ😀𝐀ﬁＡ")),
    st.characters(),
)
PIECES = st.one_of(
    st.text(MIXED, max_size=8),
    st.sampled_from(
        ["&quot;", "&amp;", "&#39;", "&#8220;", "&nbsp;", "&bogus;", "&#x22;", "&#99999999;", "#وليد_المعلم"]
    ),
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def test_norm_word_unifies_letter_variants_and_removes_marks() -> None:
    assert norm_word("أكّدَ") == "اكد"
    assert norm_word("إرهابيّي") == "ارهابيي"
    assert norm_word("آلاف") == "الاف"
    assert norm_word("ٱلله") == "الله"
    assert norm_word("مستشفى") == "مستشفي"
    assert norm_word("الدولة") == "الدوله"
    assert norm_word("مسؤول") == "مسوول"
    assert norm_word("رئيس") == "رييس"
    assert norm_word("ـــروسيا\u200c") == "روسيا"
    assert norm_word("کی") == "كي"  # Persian keheh and yeh
    assert norm_word("ISIS") == "isis"
    assert norm_word("٢٠١٥") == "2015"
    assert norm_word("ﻻ") == "لا"  # presentation form (NFKC)


def test_norm_word_is_idempotent_on_examples() -> None:
    for w in ["أكّدَ", "ﻻ", "وقالَ", "Putin", "ﷲ"]:
        assert norm_word(norm_word(w)) == norm_word(w)


def test_decode_entity() -> None:
    assert decode_entity("&quot;") == '"'
    assert decode_entity("&#39;") == "'"
    assert decode_entity("&#8220;") == "“"
    assert decode_entity("&#x201D;") == "”"
    assert decode_entity("&nosuch;") is None
    assert decode_entity("&#0;") is None


def test_normalise_entities_spaces_hashtags() -> None:
    text = "قال&nbsp;الرئيسُ:&quot;نعم&quot; #وليد_المعلم\u00a0x\u200by"
    n = normalise(text)
    assert n.text == 'قال الرييس:"نعم"  وليد المعلم xy'
    i = n.text.index('"')
    assert n.to_original(i, i + 1) == (text.index("&quot;"), text.index("&quot;") + 6)
    j = n.text.index("وليد المعلم")
    os_, oe = n.to_original(j, j + len("وليد المعلم"))
    assert text[os_:oe] == "وليد_المعلم"
    k = n.text.index("الرييس")
    os_, oe = n.to_original(k, k + 6)
    assert text[os_:oe] == "الرئيسُ"  # the span keeps the diacritic of its last letter


def test_normalise_seed_article_round_trip(seed_text: str) -> None:
    n = normalise(seed_text)
    for m in re.finditer(r"\S+", n.text):
        os_, oe = n.to_original(m.start(), m.end())
        assert norm_word(seed_text[os_:oe]) == norm_word(m.group())


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_normalise_map_is_monotone_and_in_bounds(text: str) -> None:
    n = normalise(text)
    last = (0, 0)
    for i in range(len(n.text)):
        s, e = n.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s >= last[0] and e >= last[1]
        last = (s, e)
    assert n.to_original(len(n.text), len(n.text)) == (len(text), len(text))
    if n.text:
        s, e = n.to_original(0, len(n.text))
        assert 0 <= s <= e <= len(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويأإآىةؤئ")), min_size=1, max_size=6),
            st.text(st.sampled_from(list("ًٌٍَُِّْـ")), max_size=2),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([" ", "\u00a0", " &quot;", "&nbsp;", " \u200f", "، "]),
)
def test_words_found_in_normalised_text_map_back_to_their_surface(words: list[tuple[str, str]], sep: str) -> None:
    surfaces = [w[:1] + marks + w[1:] for w, marks in words]
    text = sep.join(surfaces)
    n = normalise(text)
    pos = 0
    for surface in surfaces:
        key = norm_word(surface)
        j = n.text.index(key, pos)
        os_, oe = n.to_original(j, j + len(key))
        assert norm_word(text[os_:oe]) == key
        assert text[os_:oe].rstrip("ًٌٍَُِّْـ") == surface.rstrip("ًٌٍَُِّْـ")
        pos = j + len(key)
