"""Canonical keys: one stable, ASCII key per real-world referent, the same in every article and run.

* countries: ``gpe-<iso 3166 alpha-2>`` (``gpe-ru``); cities: ``gpe-geonames-<id>``;
* gazetteer organisations, places and public figures: ``org-<id>``, ``loc-<id>``, ``per-<id>``;
* anyone else: type prefix + a transliteration of the normalised name (``per-fhd_kfayn``), so the same
  written name gives the same key everywhere; a family name alone takes the article's full name
  (:func:`newsgraph.entities.resolve`) and, across a corpus, :func:`corpus_surname_keys` maps it to the one
  full name that ends with it.

Keys are deterministic (no counters, no salted hashes) and contain only ``[a-z0-9_-]`` plus upper-case
letters for the emphatic consonants, so they are valid IRI path segments as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from newsgraph.entities.gazetteer import _CONNECTORS, gazetteer, key_words, norm_word
from newsgraph.model import EntityType, Mention

__all__ = ["assign_keys", "canonical_key", "corpus_surname_keys", "mention_label", "transliterate"]

# portfolios that name a ministry with a nisba alone (as in newsgraph.entities.mentions)
_PORTFOLIOS = frozenset(norm_word(w) for w in (
    "الخارجية الداخلية الدفاع المالية العدل الصحة التجارة الإعلام الزراعة الاقتصاد التعليم").split())
# one ASCII symbol per normalised Arabic letter (a safe variant of Buckwalter: emphatics upper-case, no
# punctuation), so distinct spellings never collide and the key reads roughly as the name sounds.
_TRANSLIT = str.maketrans({
    "ا": "a", "ب": "b", "ت": "t", "ث": "v", "ج": "j", "ح": "H", "خ": "x", "د": "d", "ذ": "V", "ر": "r",
    "ز": "z", "س": "s", "ش": "c", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z", "ع": "E", "غ": "g", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "Q",
})
# leading titles and honorifics dropped from a person's label before keying ("الرئيس بشار الأسد")
_PER_PREFIX = frozenset(norm_word(w) for w in "الرئيس الملك الأمير الشيخ السيد السيدة الدكتور الجنرال د".split())


def transliterate(name: str) -> str:
    """The ASCII form of a name used inside keys: normalised words, transliterated, joined by '_'.

    >>> transliterate("فهد كفاين")
    'fhd_kfayn'
    """
    words = key_words(name)
    out = "_".join(w.translate(_TRANSLIT) for w in words)
    return "".join(c if c.isascii() and (c.isalnum() or c in "_-") else f"u{ord(c):04x}" for c in out)


# the case forms of the kunya أبو (nominative) in a name: أبا (accusative), أبي (genitive)
_KUNYA_CASES = frozenset({"ابا", "ابي"})


@lru_cache(maxsize=4096)
def canonical_key(label: str, type: EntityType = "PER") -> str:
    """The canonical key of an actor named ``label``.

    The gazetteer decides first (any spelling, with or without title: بوتين = فلاديمير بوتين = الرئيس
    الروسي فلاديمير بوتين); otherwise the key is the type and the transliterated normalised name.

    Args:
        label: the name as written (Arabic or English).
        type: PER, ORG, GPE, LOC or MISC; used when the gazetteer does not know the name.

    Returns:
        An ASCII key such as ``gpe-us`` or ``per-vladimir_putin``.

    >>> canonical_key("أمريكا", "GPE") == canonical_key("الولايات المتحدة", "GPE") == "gpe-us"
    True
    >>> canonical_key("الرئيس الروسي فلاديمير بوتين") == canonical_key("بوتين")
    True
    """
    g = gazetteer()
    words = key_words(label)
    if not words:
        return f"{type.lower()}-"
    entry = g.phrases.get(words) or g.english.get(words)
    if entry is not None:
        return entry.key
    if type == "PER" and len(words) == 1 and words[0] in g.short_forms:
        return g.short_forms[words[0]].key
    # the longest gazetteer name inside the label, if it covers the label's end (titles come first)
    for n in range(len(words) - 1, 0, -1):
        entry = g.phrases.get(words[-n:])
        if entry is not None and (entry.type == type or type == "MISC"):
            if entry.type == "PER" and words[-n - 1] in g.given_names | _CONNECTORS:
                continue  # "تركي المالكي" is another man than المالكي (Nouri al-Maliki)
            return entry.key
    if type == "ORG" and len(words) == 2 and words[0] in _PORTFOLIOS and (
            words[1] in g.demonyms or (words[1].endswith("يه") and (words[1],) in g.phrases)):
        return canonical_key("وزارة " + " ".join(words), "ORG")  # الداخلية السعودية = وزارة الداخلية السعودية
    if type == "ORG" and len(words) == 2 and words[0] == "فريق" and words[1].startswith("ال"):
        return canonical_key("نادي " + words[1], "ORG")  # فريق الاتفاق = نادي الاتفاق: one club
    if type == "ORG" and len(words) == 2 and words[0] == "حكومه" and (words[1],) in g.phrases \
            and g.phrases[(words[1],)].type == "GPE":
        return g.phrases[(words[1],)].key  # حكومة أنقرة، حكومة بوروندي: the state speaking through its government
    if type == "PER" and len(words) > 1 and words[0] in _KUNYA_CASES:
        words = ("ابو", *words[1:])  # أبا سياف، أبي سياف: the accusative and genitive of أبو سياف are one name
    if type == "PER":
        # a given name that is also a title or a nisba starts the name (سلطان بن سلمان، تركي المالكي)
        while len(words) > 1 and (words[0] in _PER_PREFIX or (
                (words[0] in g.titles or words[0] in g.demonyms) and words[0] not in g.given_names)):
            words = words[1:]
        if len(words) == 1 and words[0] in g.short_forms:
            return g.short_forms[words[0]].key
        if len(words) > 1 and words[-1] in g.short_forms and words[0] in g.given_names:
            entry = g.phrases.get(words)
            if entry:
                return entry.key
    return f"{type.lower()}-{transliterate(' '.join(words))}"


def corpus_surname_keys(keys: Iterable[str]) -> dict[str, str]:
    """Across a corpus: map each one-word person key to the only multi-word person key ending in it.

    Args:
        keys: canonical keys of the persons of many articles.

    Returns:
        ``{surname_key: full_name_key}`` for the unambiguous cases (a surname shared by two full names
        stays as it is).

    >>> corpus_surname_keys(["per-fhd_kfayn", "per-kfayn", "per-alkfayn"])
    {'per-alkfayn': 'per-fhd_kfayn', 'per-kfayn': 'per-fhd_kfayn'}
    """
    keys = sorted(set(keys))
    full: dict[str, set[str]] = {}
    for k in keys:
        if not k.startswith("per-"):
            continue
        parts = k[4:].split("_")
        if len(parts) >= 2 and parts[-2] not in {w.translate(_TRANSLIT) for w in _CONNECTORS}:
            last = parts[-1]
            for form in (last, last[2:] if last.startswith("al") else "al" + last):
                full.setdefault(form, set()).add(k)
    out: dict[str, str] = {}
    for k in keys:
        if k.startswith("per-") and "_" not in k[4:] and len(full.get(k[4:], ())) == 1:
            out[k] = next(iter(full[k[4:]]))
    return out


def _clean(text: str) -> str:
    """A mention's text as a label: hashtag marks and underscores become spaces."""
    return " ".join(text.replace("#", " ").replace("_", " ").split())


def mention_label(m: Mention) -> str:
    """The name a mention writes: hashtag marks dropped, and the article restored after ل (للقوات -> القوات).

    >>> mention_label(Mention(0, 13, "لقوات المسلحة", "ORG", None, "pattern"))
    'القوات المسلحة'
    """
    label = _clean(m.text)
    if m.source == "pattern" and label.startswith("ل") and not label.startswith("ال"):
        head = norm_word(label.split()[0])[1:]
        if head in gazetteer().heads:
            label = "ا" + label
    elif m.source == "surname" and label.startswith("ل") and not label.startswith("ال"):
        label = "ا" + label  # للزبيدي: the span is لزبيدي, the name الزبيدي
    return label


def assign_keys(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Give every mention a canonical key; a family name alone joins the article's full name.

    >>> ms = (Mention(0, 8, "فهد كفاين", "PER"), Mention(20, 25, "كفاين", "PER", None, "surname"))
    >>> [m.key for m in assign_keys(ms)]
    ['per-fhd_kfayn', 'per-fhd_kfayn']
    """
    keyed = [m if m.key else replace(m, key=canonical_key(mention_label(m), m.type)) for m in mentions]
    # the article-level surname rule: last name word -> the key of the full name that ends with it
    surnames: dict[str, str] = {}
    for m in keyed:
        words = key_words(m.text)
        while words and words[0] in _PER_PREFIX:
            words = words[1:]
        if m.type == "PER" and len(words) >= 2 and words[-2] not in _CONNECTORS and m.key:
            for form in (words[-1], words[-1][2:] if words[-1].startswith("ال") else "ال" + words[-1]):
                surnames.setdefault(form, m.key)
    # a given name alone after a title ("للطالبة نور") is the one full name of the article that starts with
    # it ("الطالبة نور مبارك العمراني"): news copy calls private persons by their first name
    firsts: dict[str, set[str]] = {}
    for m in keyed:
        words = key_words(m.text)
        if m.type == "PER" and m.key and len(words) >= 2 and words[1] not in _CONNECTORS:
            firsts.setdefault(words[0], set()).add(m.key)
    out = []
    for m in keyed:
        words = key_words(m.text)
        if m.type == "PER" and len(words) == 1 and words[0] in surnames:
            m = replace(m, key=surnames[words[0]])
        elif m.type == "PER" and m.source == "surname" and len(words) == 1 and words[0].startswith("ل") \
                and "ا" + words[0] in surnames:
            m = replace(m, key=surnames["ا" + words[0]])  # للزبيدي: the span is لزبيدي, the name الزبيدي
        elif m.type == "PER" and m.source == "title" and len(words) == 1 and len(firsts.get(words[0], ())) == 1:
            m = replace(m, key=next(iter(firsts[words[0]])))
        out.append(m)
    return tuple(out)
