"""Gazetteers of named actors (countries, cities, organisations, places, public figures) and the word
lists the mention finder uses (nisba adjectives, organisation heads, titles, given names).

Everything is data in ``newsgraph/resources`` (see each file's comment lines for its source), indexed by
the matching key of :func:`norm_word`, so ``أمريكا``/``امريكا`` and ``الأسد``/``الاسد`` are one entry.

    >>> g = gazetteer()
    >>> g.phrases[("روسيا",)].key
    'gpe-ru'
    >>> g.demonyms["الروسيه"]
    'RU'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from newsgraph.lexicons import load_tsv
from newsgraph.model import EntityType
from newsgraph.text import norm_word

__all__ = ["Entry", "Gazetteer", "gazetteer", "key_words", "norm_word"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One referent in a gazetteer: canonical key, type, labels and external ids."""

    key: str
    type: EntityType
    label: str  # Arabic label
    label_en: str | None
    aliases: tuple[str, ...] = ()  # Arabic and English names
    ids: tuple[tuple[str, str], ...] = ()
    source: str = "gazetteer"
    tier: str = "major"  # cities: "minor" names need a proper-noun reading or a place head to count
    alone: bool = True  # persons: False for a short form that is a common word (الأسد, صالح)
    country: str = ""  # cities: ISO code of their country


# single-word city names in GeoNames that are also frequent common words or names of other things
# (المدينة "the city", الخبر "the news", الثورة "the revolution" ...): never matched on their own.
_CITY_STOP = frozenset(norm_word(w) for w in (
    "المدينة مدينة مدينه الخبر خبر الثورة ثورة الباب باب التل الحي الطرف الوجه الحزم بلد سحر سيان عنك "
    "الجديدة الوقف القائم حرير نوا قارة خالص الكرمة ديانا الشامية الهندية السفيرة العلا الامام تلا طما "
    "العاشر رمضان قها دمنة حجة حجه عمران الزبير صالح جاسم الدانا بنش داعل الزيتية القاسم الكوت كوت "
    "بركه بلد الرس رماح التل ضمد عتق سلمية النبك صوران وان رياض امان ريم سنه دوله الجزيره "
    "السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة هوية "
    # alternate names of large cities abroad that are common words ("في ميدان الشرف" is no Medan, خفي no Hefei)
    "ميدان مدان خفي لوم لومه لومي جنان جينان كوبه واها وهان الزان هزه بونه تاني تانه ملتان بلم بشت جاس"
).split())


# Countries whose Arabic name has a native غ (المغرب "the west", الصحراء الغربية): every other غ in a
# country name transliterates a foreign g, which Egyptian and Gulf papers also write ج (بنجلاديش،
# الكونجو، السنجال، أوجندا), so those names get a ج variant.
_NATIVE_GHAYN = frozenset({"MA", "EH"})


# particles inside compound names: بن/ابن/بنت (son/daughter of), آل (family), أبو (father of), عبد (servant of)
_CONNECTORS = frozenset({"بن", "ابن", "بنت", "ال", "ابو", "ابي", "عبد", "ام"})


_PLACE_HEADS = frozenset(norm_word(w) for w in "مدينة بلدة محافظة قرية إقليم ولاية ناحية قضاء مركز مخيم".split())

# regnal ordinals end a ruler's name but are no family name: "عبدالله الثاني" gives no short form الثاني,
# which would take "النائب الثاني" for the king
_ORDINALS = frozenset(norm_word(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن".split())


def key_words(name: str) -> tuple[str, ...]:
    """The matching key of a name: its normalised words (punctuation, '#', '_' and quotes dropped).

    >>> key_words("#وليد_المعلم")
    ('وليد', 'المعلم')
    """
    return tuple(re.findall(r"[\w\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+", norm_word(name).replace("_", " ")))


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All lookup tables, keyed by :func:`key_words` / :func:`norm_word`."""

    phrases: dict[tuple[str, ...], Entry]  # full names of countries, cities, orgs, places, persons
    entries: dict[str, Entry]  # canonical key -> entry
    short_forms: dict[str, Entry]  # person short forms (surname) -> entry; entry.alone says if usable alone
    demonyms: dict[str, str]  # nisba adjective (any inflection, with/without ال) -> ISO code
    heads: dict[str, tuple[EntityType, str]]  # organisation/place head noun -> (type, English gloss)
    titles: frozenset[str]
    given_names: frozenset[str]
    max_len: int
    english: dict[tuple[str, ...], Entry]  # English names (lower-case words) -> entry, for canonical_key
    first_words: frozenset[str]  # the first word of every phrase (a quick test before longer lookups)


def _nisba_forms(base: str) -> set[str]:
    b = norm_word(base)
    stem = b
    forms = {stem, stem + "ه", stem + "ون", stem + "ين", stem + "ان", stem + "ات", stem + "يه", stem + "يون",
             stem + "يين"}
    return forms | {"ال" + f for f in forms}


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built once from the packaged TSV files.

    Returns:
        A :class:`Gazetteer`; ``phrases[("موسكو",)]`` is the entry of Moscow.

    >>> gazetteer().phrases[key_words("الولايات المتحدة الأميركية")].key
    'gpe-us'
    """
    phrases: dict[tuple[str, ...], Entry] = {}
    entries: dict[str, Entry] = {}
    short: dict[str, Entry] = {}

    def add(names: list[str], entry: Entry, *, overwrite: bool = False) -> None:
        entries[entry.key] = entry
        for n in names:
            k = key_words(n)
            if k and (overwrite or k not in phrases):
                phrases[k] = entry

    extra: dict[str, list[str]] = {}
    for row in load_tsv("country_aliases.tsv", columns=2):
        extra.setdefault(row[0], []).extend(a for a in row[1].split("|") if a)
    for code, _a3, gid, ar, en in load_tsv("countries.tsv", columns=5):
        names_en = en.split("|")
        ar_names = [ar, *extra.get(code, [])]
        ids = (("iso3166", code),) + ((("geonames", gid),) if gid else ())
        g_variants = [n.replace("غ", "ج") for n in ar_names if "غ" in n and code not in _NATIVE_GHAYN]
        entry = Entry(f"gpe-{code.lower()}", "GPE", ar, names_en[0], tuple(ar_names + g_variants + names_en), ids)
        add(ar_names, entry, overwrite=True)
        add(g_variants, entry)  # never over another name: بنجلاديش yes, but no common word is replaced
    for row in load_tsv("cities.tsv", columns=5):
        gid, cc, pop, en, ar = row[:5]
        curated = set(row[5].split("|")) if len(row) > 5 else set()
        names = ar.split("|")
        for n in names:
            k = key_words(n)
            if not k or k in phrases or (len(k) == 1 and (k[0] in _CITY_STOP or len(k[0]) < 3)) \
                    or (len(k) > 1 and k[0] in _PLACE_HEADS):
                continue
            # GeoNames' own alternate names include common words (سنة for Sanandaj, الجزيرة for Algiers):
            # single-word ones are "minor", matched only with a proper-noun reading or after a place head
            tier = "major" if n in curated or int(pop) >= 1000000 or len(k) > 1 else "minor"
            phrases[k] = Entry(f"gpe-geonames-{gid}", "GPE", names[0], en, (*names, en), (("geonames", gid),),
                               tier=tier, country=cc)
        entries[f"gpe-geonames-{gid}"] = Entry(f"gpe-geonames-{gid}", "GPE", names[0], en, (*names, en),
                                               (("geonames", gid),))
    for key, typ, en, ar in load_tsv("places.tsv", columns=4):
        names_ar, names_en = ar.split("|"), en.split("|")
        add(names_ar, Entry(f"{typ.lower()}-{key}", typ, names_ar[0], names_en[0], tuple(names_ar + names_en)),  # type: ignore[arg-type]
            overwrite=True)
    for key, typ, wd, en, ar in load_tsv("orgs.tsv", columns=5):
        names_ar, names_en = ar.split("|"), en.split("|")
        ids = (("wikidata", wd),) if wd else ()
        add(names_ar, Entry(f"org-{key}", typ, names_ar[0], names_en[0], tuple(names_ar + names_en), ids),  # type: ignore[arg-type]
            overwrite=True)
    for row in load_tsv("persons.tsv", columns=4):
        key, wd, en, ar = row[:4]
        alone = [a for a in (row[4].split("|") if len(row) > 4 else []) if a]
        names_ar, names_en = ar.split("|"), en.split("|")
        ids = (("wikidata", wd),) if wd else ()
        entry = Entry(f"per-{_slug(key)}", "PER", names_ar[0], names_en[0], tuple(names_ar + alone + names_en), ids)
        add(names_ar, entry, overwrite=True)
        for a in alone:
            phrases[key_words(a)] = entry
        for n in names_ar:  # the family name alone: only after the full name or a title (may be a common word)
            k = key_words(n)
            # "سلمان بن عبدالعزيز" is called by the first name, never by the father's name
            if len(k) > 1 and not set(k) & _CONNECTORS and k[-2] not in _CONNECTORS and k[-1] not in _ORDINALS:
                short.setdefault(k[-1], Entry(entry.key, "PER", entry.label, entry.label_en, entry.aliases, ids,
                                              alone=False))
    demonyms: dict[str, str] = {}
    for base, code in load_tsv("demonyms.tsv", columns=2):
        for f in _nisba_forms(base):
            if (f,) not in phrases:  # روسيا is the country, not the accusative nisba
                demonyms.setdefault(f, code)
    heads: dict[str, tuple[EntityType, str]] = {
        norm_word(r[0]): (cast(EntityType, r[1]), r[2]) for r in load_tsv("org_heads.tsv", columns=3)}
    titles = frozenset(norm_word(r[0]) for r in load_tsv("person_titles.tsv", columns=1))
    given = frozenset(norm_word(r[0]) for r in load_tsv("given_names.tsv", columns=1))
    english: dict[tuple[str, ...], Entry] = {}
    for e in entries.values():
        for a in e.aliases:
            if a.isascii():
                english.setdefault(key_words(a), e)
    return Gazetteer(phrases, entries, short, demonyms, heads, titles, given, max(len(k) for k in phrases), english,
                     frozenset(k[0] for k in phrases))
