"""Find actor mentions in an article: gazetteer names, person names, organisation heads, hashtags, nisbas.

The finder reads the article text with its own word scanner (so every span is exact whatever the
tokeniser did) and takes the morphological analyses of the document's tokens where they exist: a word
with a proper-noun reading (``noun_prop``) or no analysis at all (a foreign name the database lacks) may
continue a person's name; without analyses it falls back to word lists.

Sources, tried in this order (a word belongs to the first that claims it; nisba adjectives are a
separate layer that may overlap the rest):

* ``gazetteer``  countries (CLDR), cities (GeoNames), organisations, places and public figures;
* ``name``       a given name followed by family-name words ("فهد كفاين", "محمد بن سلمان");
* ``title``      the name after a title ("الجنرال ايغور كوناشينكوف");
* ``pattern``    an organisation head and its complement ("وزارة الدفاع الروسية"), a place head's name
                 ("بلدة دوما" -> دوما);
* ``surname``    a family name alone once the full name is known in the article ("الأسد");
* ``hashtag``    a hashtag that names nothing known but looks like a name;
* ``nisba``      a nisba adjective pointing to a country ("الروسية" -> Russia).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from newsgraph.entities.gazetteer import _CONNECTORS, Entry, gazetteer, norm_word
from newsgraph.errors import NewsgraphError
from newsgraph.model import Analysis, Document, EntityType, Mention, Sentence

__all__ = ["Word", "scan_words", "find_mentions", "mentions_in_text"]

_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3\u0660-\u0669A-Za-z0-9]+")
_HASHTAG = re.compile(r"#[\w\u0621-\u065f\u0670-\u06d3]+")
_QUOTES = "\"«»“”'‘’"

# function words that never belong to a name (prepositions, conjunctions, particles, pronouns, common
# verbs of saying): a name run stops at them.
_STOP = frozenset(norm_word(w) for w in (
    "في من الى إلى على عن مع أن إن ان أنه إنه أنها انها بأن لأن كما ثم أو او أم بل لا لم لن ما ماذا هل قد "
    "لقد الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هو هي هم هن نحن أنا انت عند عندما بعد قبل "
    "خلال بين حول ضد منذ حتى لدى إلا الا غير سوى كل بعض جميع أي أيضا أيضاً كان كانت يكون تكون قال قالت "
    "أكد أكدت أعلن أعلنت وقال وقالت يوم اليوم أمس الأربعاء الخميس الجمعة السبت الأحد الاثنين الثلاثاء "
    "عام العام شهر الشهر مساء صباح نحو حوالي فقط جدا وفق بحسب حسب عبر لدى أمام وراء فوق تحت دون إذ إذا "
    "لكن لكنه ولكن حيث بينما كيف متى أين لماذا سواء نفسه نفسها ذاته رئيس وزير المتحدث باسم"
).split())
_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
# the Arab world and its neighbours (as in scripts/build_gazetteers.py): their towns are news places
_REGION = frozenset("SA AE BH KW QA OM YE IQ SY LB JO PS IL EG LY TN DZ MA MR SD SO DJ KM IR TR".split())
# clitics stripped before a gazetteer name: not ف / ك, which rarely precede a name and would turn
# فريم into ف + ريم
_GAZ_PREFIXES = ("وب", "ول", "و", "ب", "ل")
# last words of names that are not family names: regnal ordinals (محمد السادس), compound parts (عبد الله)
_NOT_SURNAMES = frozenset(norm_word(w) for w in (
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأولى الثانية الرابعة الله "
    "الإسلام الدين الرحمن الرحيم الكبير الصغير الأكبر الأصغر الكبرى الصغرى الوسطى العليا الأدنى الأقصى الأعلى "
    "الأخرى").split())
# first parts of compound given names with الدين (علماء الدين "religious scholars" is no name)
_DIN_NAMES = frozenset(norm_word(w) for w in (
    "صدر نور عز سيف علاء صلاح بهاء شمس نصر فخر تاج كمال جمال محي محيي قطب شهاب عماد ضياء زين بدر حسام خير "
    "مجد سعد شرف ركن عصام نجم ناصر برهان شهاب غياث").split())
# titles that name a person inside an institution's name (جامعة الملك فيصل، مستشفى الأمير سلطان)
_NAME_TITLES = frozenset(norm_word(w) for w in "الملك الأمير الأميرة الشيخ الإمام السلطان".split())
# given names that are also prepositions when written without the alef maqsura (علي = على)
_PREPOSITION_NAMES = frozenset({"علي"})
# words that glue a compound given name: "عبد الله"، "صلاح الدين"، "محمد بن سلمان"
_COMPOUND = _CONNECTORS | {"الدين", "الله", "الرحمن"}
_PLACE_HEADS = frozenset(norm_word(w) for w in (
    "مدينة بلدة محافظة قرية إقليم ولاية مدن بلدات محافظات قرى جزيرة جزر").split())
_COUNTRY_KEY = re.compile(r"gpe-[a-z]{2}")
# the kunya and its case forms (أبو سياف، أبا سياف، أبي سياف) and أم (أم سياف)
_KUNYA = frozenset({"ابو", "ابا", "ابي", "ام"})
# heads of geographic features: the definite head and its adjective are one place (المحيط الهندي is not India)
_SEA_HEADS = frozenset(norm_word(w) for w in "محيط بحر خليج".split())
# heads of political and civic organisations whose definite head + adjective is a proper name
# (الحزب الديمقراطي الكردستاني، الجماعة الإسلامية، الاتحاد الوطني الكردستاني), and of bodies that take a لل-
# complement as part of their name (الاتحاد السعودي للفروسية، المنظمة العربية للتنمية)
_PARTY_HEADS = frozenset(norm_word(w) for w in "حزب اتحاد جماعة حركة جبهة تيار منظمة ائتلاف تحالف".split())
_LAM_HEADS = frozenset(norm_word(w) for w in "اتحاد لجنة منظمة هيئة مؤسسة جمعية مجلس صندوق مركز مستشفى معهد".split())
# adjectives that make an organisation head generic, not a name (الحزب الحاكم، الجماعات المسلحة)
_GENERIC_ADJ = frozenset(norm_word(w) for w in (
    "الحاكم الحاكمة المسلح المسلحة المعارض المعارضة المذكور المذكورة الجديد الجديدة المحظور المحظورة الأخرى "
    "الآخر نفسه نفسها ذاتها ذاته الأول الأولى الثاني الثانية الكبير الكبرى").split())

# epithets that follow an actor's name to describe it, never part of the name (Arabic news style: "حركة
# الشباب الأصولية المتشددة", "نادي الاتحاد الشقيق", "الحكومة الأمريكية المتغطرسة", "المعارضة السورية المعتدلة")
_EPITHETS = frozenset(norm_word(w) for w in (
    "الشقيق الشقيقة الشقيقين الشقيقتين الصديق الصديقة الصديقين الحليف الحليفة المتشدد المتشددة المتطرف "
    "المتطرفة الأصولي الأصولية الإرهابي الإرهابية المتغطرس المتغطرسة الغاشم الغاشمة المجرم المجرمة "
    "المعتدل المعتدلة الرسمي الرسمية المعروف المعروفة الشهير الشهيرة العريق العريقة الشرعي الشرعية "
    "الانقلابي الانقلابية").split())

# a country name that is also a prayer time (المغرب "sunset"), and the words that make it one there
_PRAYER_NAMES = frozenset({norm_word("المغرب")})
_PRAYER_CONTEXT = frozenset(norm_word(w) for w in "صلاة صلاتي أذان آذان بعد قبل عقب قبيل بعيد وقت موعد حتى".split())
# heads that are broken plurals (they take a feminine singular adjective: الخطوط الجوية)
_BROKEN_PLURAL_HEADS = frozenset(norm_word(w) for w in "خطوط كتائب جزر".split())
# genitives that make حركة/جماعة a motion or a crowd, not a movement (حركة المرور، حركة الملاحة، حركة السوق)
_GENERIC_MOVEMENT = frozenset(norm_word(w) for w in (
    "المرور السير الملاحة السوق الأسواق التجارة الطيران البيع الشراء النقل الأسهم التداول الأسعار الحجاج "
    "المسافرين الركاب الاستيراد التصدير البناء العمل الإنتاج الشحن القطارات السفن الرياح المياه الأموال "
    "التنقل الزوار العمالة المقابض").split())
# adjectives and direction words that never continue a person's name ("مكتبة الملك عبدالعزيز العامة",
# "ببني مالك جنوب الطائف")
_NOT_NAME_WORDS = frozenset(norm_word(w) for w in (
    "العام العامة الخاص الخاصة الدولي الدولية المركزي المركزية الجديد الجديدة الوطني الوطنية "
    "جنوب شمال شرق غرب وسط جنوبي شمالي شرقي غربي").split())
# given names that are also adjectives or nouns heading a construct ("علاقات حسن جوار", "حسن النية"): after
# them a common noun is the construct's genitive, not a family name
_ADJECTIVE_NAMES = frozenset(norm_word(w) for w in "حسن جميل كريم سعيد عادل نبيل فاضل كامل رشيد شريف لطيف".split())
# given names that are also titles or nisbas (أمين "secretary", سلطان "sultan", تركي "Turkish")
_TITLE_NAMES = frozenset(norm_word(w) for w in "أمين سلطان تركي".split())
# portfolios that name a ministry with the country's nisba alone (الخارجية الأمريكية = وزارة الخارجية الأمريكية)
_PORTFOLIOS = frozenset(norm_word(w) for w in (
    "الخارجية الداخلية الدفاع المالية العدل الصحة التجارة الإعلام الزراعة الاقتصاد التعليم").split())
# the institutions of a state named by head + one definite genitive: in an article they are one actor
_INSTITUTIONS = frozenset((norm_word(a), norm_word(b)) for a, b in (
    ("مجلس", "الوزراء"), ("مجلس", "الشورى"), ("مجلس", "النواب"), ("مجلس", "الشيوخ"), ("مجلس", "الأمة"),
    ("مجلس", "الشعب"), ("رئاسة", "الجمهورية"), ("رئاسة", "الوزراء"), ("رئاسة", "الحكومة")))
# heads of armed or security forces, whose coordinated genitive lists the forces (قوات الجيش والشرطة)
_FORCE_HEADS = frozenset(norm_word(w) for w in "قوات سلطات ميليشيا ميليشيات كتائب جيش سلاح".split())
# heads that name an organ of the body named after them: the actor is that body
_ORGAN_HEADS = frozenset(norm_word(w) for w in "إدارة رئاسة".split())
# heads whose one-word definite complement names the body alone later in the article (نادي الهلال ->
# الهلال، حركة الشباب -> الشباب، حركة التغيير -> التغيير): clubs and movements are called by that word
_SHORT_NAME_HEADS = frozenset(norm_word(w) for w in "نادي فريق حركة تنظيم جماعة".split())
# words that head a list of clubs: their plural and dual, and the stadiums of clubs (ملعبي النصر والشباب)
_CLUB_LISTS = frozenset(norm_word(w) for w in "أندية ناديي فريقي ملعبي".split())
# heads of a sports club's name (نادي الهلال، فريق الاتفاق لكرة القدم)
_CLUB_HEADS = frozenset(norm_word(w) for w in "نادي فريق".split())


class Word(NamedTuple):
    """A word of the article: exact offsets, matching key, and what the morphology says about it.

    An immutable record like the stages' frozen dataclasses, but a named tuple: an article has hundreds
    of words and a tuple is made ~20x faster than a frozen slotted dataclass (which sets each of its 15
    fields through ``object.__setattr__``).
    """

    i: int
    start: int
    end: int
    text: str
    norm: str
    gap: str  # the characters between the previous word and this one
    hashtag: int  # index of the hashtag the word is in, -1 if none
    proper: bool | None  # True: a noun_prop reading; False: analysed, none proper; None: no analysis
    gloss: str = ""
    pos: frozenset[str] = frozenset()  # the parts of speech of all its analyses
    top_proper: bool = False  # the CHOSEN analysis (of the token holding the word's stem) is noun_prop
    tanween: bool = False  # written with tanween (دوماً، روسياً): indefinite, so not a proper name
    prep: bool = False  # every analysis has a preposition proclitic (بوضوح "clearly"): an adverbial, no name
    bare: str = ""  # the word without diacritics but with its alef maqsura (على "on" is not the name علي)
    joined: bool = False  # only spaces (or a hashtag's '_') separate this word from the previous one


# tuple.__new__ skips the named tuple's Python-level __new__ (the fields come in order, all given)
_new_word = tuple.__new__
# what a word's analyses say: (proper, gloss, parts of speech, top reading proper, preposition-only)
_Derived = tuple[bool | None, str, frozenset[str], bool, bool]
_NO_ANALYSIS: _Derived = (None, "", frozenset(), False, False)
# the analyses of the word at (start, end), as what they say
_Lookup = Callable[[int, int], _Derived]
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


@lru_cache(maxsize=1 << 16)
def _form_data(form: str) -> tuple[str, str, bool]:
    """What depends only on a word's spelling: (matching key, bare form, written with tanween)."""
    return norm_word(form), _MARKS.sub("", form), any("\u064b" <= c <= "\u064d" for c in form)


# Tokens of one form share their Analysis objects (the morphology caches them), so what their analyses
# say is worked out once per (analysis, alternatives) pair, kept by their ids with the objects themselves
# (their ids stay theirs while the entry lives): one list and what a word covered by that token alone
# says.  A word covered by several tokens (rare) is worked out by the ids of its lists.  Both are
# dropped when full: they would otherwise keep analyses alive that the morphology has forgotten.
_BY_TOKEN: dict[tuple[int, int], tuple[list[Analysis], _Derived, Any, Any]] = {}
_BY_LISTS: dict[tuple[int, ...], tuple[_Derived, Any, Any]] = {}
_BY_TOKEN_MAX = 1 << 16
_BY_LISTS_MAX = 1 << 12

_Span = tuple[int, int, list[Analysis], _Derived]


def _analyses_by_word(sentences: Sequence[Sentence]) -> list[_Span]:
    """(start, end, analyses, what they say) of every analysed document token, in text order."""
    out = []
    shared = _BY_TOKEN
    get = shared.get
    if len(shared) > _BY_TOKEN_MAX:
        shared.clear()
    for sent in sentences:  # not doc.tokens, which builds a tuple of all tokens on every call
        for t in sent.tokens:
            analysis, alternatives = t.analysis, t.alternatives
            if analysis is None and not alternatives:
                continue  # punctuation, numbers: nothing to say
            ident = (id(analysis), id(alternatives))
            hit = get(ident)
            if hit is None:
                anas = [a for a in (analysis, *alternatives) if a is not None]
                hit = shared[ident] = (anas, _derive([anas], anas), analysis, alternatives)
            if hit[0]:
                out.append((t.start, t.end, hit[0], hit[1]))
    out.sort(key=itemgetter(0))
    return out


def _derived(lists: list[list[Analysis]], last: list[Analysis] | None) -> _Derived:
    """What the analysis lists covering a word say (:func:`_derive`), cached by the lists' ids."""
    ids = (*map(id, lists), id(last))
    hit = _BY_LISTS.get(ids)
    if hit is None:
        if len(_BY_LISTS) > _BY_LISTS_MAX:
            _BY_LISTS.clear()
        hit = _BY_LISTS[ids] = (_derive(lists, last), lists, last)
    return hit[0]


def _offset_lookup(analyses: Mapping[int, list[Analysis]]) -> _Lookup:
    """The analyses of a word from analyses keyed by every character offset they cover."""
    def lookup(s: int, e: int) -> _Derived:
        lists = {id(x): x for x in (analyses.get(off) for off in range(s, e)) if x}
        return _derived(list(lists.values()), analyses.get(e - 1))
    return lookup


def _token_lookup(spans: list[_Span]) -> _Lookup:
    """The analyses of a word from the document's analysed tokens (words are looked up in text order)."""
    k = 0
    n = len(spans)
    if not _disjoint(spans):  # overlapping tokens (never made by newsgraph.segment): merge per offset as before
        by_offset: dict[int, list[Analysis]] = {}
        for s, e, anas, _ in spans:
            for off in range(s, e):
                by_offset[off] = by_offset[off] + anas if off in by_offset else anas
        return _offset_lookup(by_offset)

    def lookup(s: int, e: int) -> _Derived:
        nonlocal k  # words come in text order: no token before k can cover this word or a later one
        while k < n and spans[k][1] <= s:
            k += 1
        if k == n or spans[k][0] >= e:
            return _NO_ANALYSIS
        if spans[k][1] >= e:  # one token covers the word (the usual case)
            return spans[k][3]
        return _several(spans, k, e)
    return lookup


def _disjoint(spans: list[_Span]) -> bool:
    """Whether no two analysed tokens overlap (always so for tokens made by newsgraph.segment)."""
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def _several(spans: list[_Span], k: int, e: int) -> _Derived:
    """What the tokens from ``k`` on that start before ``e`` say together (a word split into tokens)."""
    lists = []
    last = None
    n = len(spans)
    while k < n and spans[k][0] < e:
        lists.append(spans[k][2])
        if spans[k][1] >= e:
            last = spans[k][2]
        k += 1
    return _derived(lists, last)


def scan_words(text: str, analyses: Mapping[int, list[Analysis]] | None = None) -> list[Word]:
    """The words of ``text`` with offsets, matching keys and proper-noun readings.

    Args:
        text: the article text.
        analyses: analyses by character offset (from the document's tokens); None = no morphology.

    Returns:
        One :class:`Word` per run of Arabic/Latin letters and digits.

    >>> [w.text for w in scan_words("قال #وليد_المعلم: ...")]
    ['قال', 'وليد', 'المعلم']
    """
    return _scan(text, _offset_lookup(analyses) if analyses is not None else None)


def _scan(text: str, lookup: _Lookup | None, spans: list[_Span] | None = None) -> list[Word]:
    """The words of ``text``; what their analyses say comes from ``lookup``, or from ``spans`` (the document's
    analysed tokens, disjoint and in text order: see :func:`_disjoint`), merged here in one walk."""
    tag_at: dict[int, int] = {}  # character offset inside a hashtag -> the hashtag's index
    for k, h in enumerate(_HASHTAG.finditer(text)):
        tag_at.update(dict.fromkeys(range(h.start() + 1, h.end()), k))
    words: list[Word] = []
    prev_end = 0
    k, n = 0, len(spans) if spans is not None else 0
    derived = _NO_ANALYSIS
    for m in _WORD.finditer(text):
        form = m.group()
        norm, bare, tanween = _form_data(form)
        if not norm:
            continue  # a lone tatweel or diacritic
        s, e = m.span()
        tag = tag_at.get(s, -1) if tag_at else -1
        if spans is not None:  # as _token_lookup's lookup, without a call per word
            while k < n and spans[k][1] <= s:
                k += 1
            if k == n or spans[k][0] >= e:
                derived = _NO_ANALYSIS
            elif spans[k][1] >= e:  # one token covers the word (the usual case)
                derived = spans[k][3]
            else:
                derived = _several(spans, k, e)
        elif lookup is not None:
            derived = lookup(s, e)
        proper, gloss, pos, top, prep = derived
        gap = text[prev_end:s]
        words.append(_new_word(Word, (len(words), s, e, form, norm, gap, tag, proper, gloss, pos, top, tanween,
                                      prep, bare, gap == " " or _joins(gap))))
        prev_end = e
    return words


@lru_cache(maxsize=4096)
def _joins(gap: str) -> bool:
    # bidi and zero-width marks (U+200C-U+200F) sit inside names in some outlets' copy: "بن \u200fعبدالعزيز"
    return gap.strip(" \t\n\r\u00a0\u200c\u200d\u200e\u200f") in ("", "_", "#") and "\n\n" not in gap




def _derive(lists: list[list[Analysis]], last: list[Analysis] | None
            ) -> tuple[bool | None, str, frozenset[str], bool, bool]:
    """(proper, gloss, parts of speech, top reading proper, preposition-only) of a word's analyses."""
    anas = [a for x in lists for a in x]
    proper: bool | None = None
    gloss = ""
    pos: frozenset[str] = frozenset()
    if anas:
        props = [a for a in anas if a.pos == "noun_prop"]
        proper = bool(props)
        gloss = props[0].gloss if props else ""
        pos = frozenset(a.pos for a in anas)
    top = bool(last) and last[0].pos == "noun_prop"  # type: ignore[index]
    prep = bool(anas) and all(any(c.endswith("_prep") for c in a.proclitics) for a in anas)
    return proper, gloss, pos, top, prep


@lru_cache(maxsize=1 << 16)
def _bare_forms(norm: str, *, prefixes: tuple[str, ...] = _PREFIXES) -> tuple[tuple[int, str], ...]:
    """(number of clitic letters, form) readings of a word: as written, then without و/ف/ب/ل/ك."""
    out = [(0, norm)]
    for p in prefixes:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            rest = norm[len(p):]
            if p.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                out.append((len(p), "ا" + rest))  # للعراق = ل + العراق (the alef of ال is dropped)
            out.append((len(p), rest))
    return tuple(out)


def _is_title(norm: str) -> bool:
    """Whether a word is a title once its clitics are stripped (والرئيس، للوزير)."""
    titles = gazetteer().titles
    return any(f in titles for _, f in _bare_forms(norm))


def _def_strip(form: str) -> str:
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


class _Keys(NamedTuple):
    """What the passes look up for a word's matching key, worked out once per key (see :func:`_keys`)."""

    gaz: tuple[tuple[int, str], ...]  # readings (clitic letters, form) that start a gazetteer name
    title: bool  # a title once clitics are stripped (والرئيس)
    given: bool  # a reading may start a person's name (a given name, عبد or لعبد, a kunya, X of X الدين)
    head: tuple[int, str, bool] | None  # an organisation/place head: (clitic letters, head, definite)
    nisba: tuple[int, str] | None  # a nisba adjective: (clitic letters, country code)
    short: bool  # a reading without و/ف is a known short form (الأسد)


# The word memos are bounded (LRU) so that a worker's memory stays flat over a whole corpus; the frequent
# words stay, and a miss costs a few set look-ups.  _is_title is only called when _keys misses.
@lru_cache(maxsize=1 << 16)
def _keys(norm: str) -> _Keys:
    """The gazetteer readings of a word's matching key: each pass then skips the words that cannot
    start anything it looks for with one test, instead of stripping clitics again per word and pass."""
    g = gazetteer()
    gaz = tuple((plen, f) for plen, f in _bare_forms(norm, prefixes=_GAZ_PREFIXES) if f in g.first_words)
    if not gaz and norm.startswith(("ك", "وك")):
        # ك "like" before a country's one-word name ("الدول العربية كمصر وسوريا"): only a country, which
        # no ordinary word turns into once its first letter is dropped
        gaz = tuple((plen, f) for plen, f in _bare_forms(norm, prefixes=("وك", "ك"))
                    if plen and len(f) >= 3 and _COUNTRY_KEY.fullmatch(getattr(g.phrases.get((f,)), "key", "")))
    given = any(f in g.given_names or f == "عبد" or f in _KUNYA or f in _DIN_NAMES
                for _, f in _bare_forms(norm, prefixes=("و",))) or any(
        plen and (f == "عبد" or (f.startswith("عبد") and f in g.given_names))  # لعبد المنان: _servant_name
        for plen, f in _bare_forms(norm, prefixes=("ل", "ب", "ول", "وب")))
    head = None
    for plen, form in _bare_forms(norm):
        definite = form.startswith("ال")
        stripped = _def_strip(form) if definite else form
        if stripped in g.heads:
            head = (plen, stripped, definite)
            break
    nisba = None
    for plen, form in _bare_forms(norm, prefixes=("و", "ف", "ب", "ل")):
        code = g.demonyms.get(form)
        if code:
            nisba = (plen, code)
            break
    short = any(f in g.short_forms for _, f in _bare_forms(norm, prefixes=("و", "ف")))
    return _Keys(gaz, _is_title(norm), given, head, nisba, short)


class _Finder:
    def __init__(self, text: str, words: list[Word]) -> None:
        self.text = text
        self.words = words
        self.g = gazetteer()
        self.taken: list[bool] = [False] * len(words)
        self.out: list[Mention] = []
        self.entries: dict[str, Entry] = {}
        self.morph = any(w.proper is not None for w in words)
        self.keys = [_keys(w.norm) for w in words]
        self.title = [k.title for k in self.keys]  # a title once clitics are stripped (والرئيس)
        self.gaz_end: dict[int, int] = {}  # first word of a gazetteer ORG/GPE/LOC mention -> one past its last

    # -- helpers ---------------------------------------------------------------------------------
    def add(self, i: int, j: int, plen: int, typ: EntityType, key: str | None, source: str,
            entry: Entry | None = None) -> None:
        s, e = self.words[i].start + plen, self.words[j - 1].end
        self.out.append(Mention(s, e, self.text[s:e], typ, key, source))
        if source == "gazetteer" and typ in ("ORG", "GPE", "LOC"):
            self.gaz_end[i] = j
        if entry is not None and key:
            self.entries[key] = entry
        for k in range(i, j):
            self.taken[k] = True

    def name_like(self, w: Word) -> bool:
        """Whether a word may continue a person's name."""
        if w.norm in _STOP or w.norm in self.g.demonyms or w.norm in self.g.titles or w.norm in _NOT_NAME_WORDS:
            return False
        if w.norm[0].isdigit():  # "الجندي عمر أحمد أبوشوشة 22 عاما": an age, never a name
            return False
        if w.bare.endswith("ى"):  # على، إلى، مستشفى: not names
            return False
        if any(f in _STOP for _, f in _bare_forms(w.norm, prefixes=("و", "ف"))):
            return False
        if w.norm in self.g.given_names or w.norm in _CONNECTORS:
            return True
        if _def_strip(w.norm) in self.g.heads or w.norm in self.g.heads:
            return False
        if self.morph:
            return w.proper is not False and not w.prep
        # without morphology: a word with a conjunction or a preposition + article is not a family name
        return not (w.norm.startswith(("و", "بال", "لل", "فال", "كال")) and len(w.norm) > 3)

    # -- sources ----------------------------------------------------------------------------------
    def gazetteer_pass(self) -> None:
        words, g, keys = self.words, self.g, self.keys
        i = 0
        for c in [k for k, x in enumerate(keys) if x.gaz]:  # the other words start no gazetteer name
            if c < i:
                continue
            i = c
            best: tuple[int, int, Entry] | None = None
            # a name spans only words joined to the one before
            run = min(g.max_len, len(words) - i)
            for k in range(1, run):
                if not words[i + k].joined:
                    run = k
                    break
            for plen, form in keys[i].gaz:
                for n in range(run, 0, -1):
                    if best and n <= best[0] - i:
                        break
                    entry = g.phrases.get((form, *(words[i + k].norm for k in range(1, n))))
                    if entry is None:
                        continue
                    if n == 1 and entry.tier == "minor" and not self._minor_ok(i, entry):
                        continue
                    if entry.key.startswith("gpe-geonames") and self._person_not_place(i, n, form):
                        continue  # صلاح الدين ديمرتاش, رياض ياسين: a person named like a place
                    if entry.type == "PER" and plen == 0 and i > 0 and words[i].joined \
                            and words[i - 1].norm in ("بن", "ابن", "بنت"):
                        continue  # "سلطان بن سلمان بن عبدالعزيز": the father's name inside the son's
                    if n == 1 and _def_strip(form) in g.heads and self._head_with_adjective(i):
                        continue  # "القاعدة الجوية" is an air base (head + adjective), not al-Qaeda
                    if n == 1 and form in _PRAYER_NAMES and self._prayer_time(i):
                        continue  # "بعد صلاة المغرب": the sunset prayer, not Morocco
                    best = (i + n, plen, entry)
                    break
                if best:
                    break
            if best:
                j, plen, entry = best
                self.add(i, j, plen, entry.type, entry.key, "gazetteer", entry)
                i = j

    def _head_with_adjective(self, i: int) -> bool:
        words = self.words
        if i + 1 >= len(words) or not self.morph:
            return False
        nxt = words[i + 1]
        return nxt.joined and nxt.norm.startswith("ال") and "adj" in nxt.pos and "noun_prop" not in nxt.pos

    def _prayer_time(self, i: int) -> bool:
        return i > 0 and self.words[i].joined and any(
            f in _PRAYER_CONTEXT for _, f in _bare_forms(self.words[i - 1].norm, prefixes=("و", "ب", "ل", "وب")))

    def _person_not_place(self, i: int, n: int, form: str) -> bool:
        if (form not in self.g.given_names and form not in _KUNYA) or i + n >= len(self.words):
            return False
        nxt = self.words[i + n]
        return nxt.joined and self.name_like(nxt) and (nxt.norm,) not in self.g.phrases and nxt.proper is not False \
            and not nxt.norm.startswith("ال")

    def _minor_ok(self, i: int, entry: Entry | None = None) -> bool:
        w = self.words[i]
        if w.tanween:
            return False
        if w.top_proper and len(w.norm) > 3 and (entry is None or entry.country in _REGION or "_(" in w.gloss):
            return True  # outside the region, the database's gloss must say it is a place ("Homs_(Syr.)")
        if entry is not None and entry.country and i + 1 < len(self.words) and self.words[i + 1].joined \
                and self.g.demonyms.get(self.words[i + 1].norm) == entry.country:
            return True  # "أمام العين الإماراتي": the town (or its club) named with its own country's nisba
        return i > 0 and w.joined and any(f in _PLACE_HEADS for _, f in _bare_forms(self.words[i - 1].norm))

    def names_pass(self) -> None:
        """Given name + family-name words, and names after a title."""
        words, g = self.words, self.g
        # a name starts at a given name (or عبد, a kunya, X الدين) or within three words after a title
        starts = {k for k, x in enumerate(self.keys) if x.given}
        starts.update(k for t, x in enumerate(self.title) if x for k in range(t + 1, min(t + 4, len(words))))
        i = 0
        for c in sorted(starts):
            if c < i:
                continue
            i = c
            w = words[i]
            if self.taken[i]:
                continue
            start_plen = None
            for plen, form in _bare_forms(w.norm, prefixes=("و",)):
                if w.bare.endswith("ى") and form.endswith("ي"):
                    continue
                if form in _PREPOSITION_NAMES and not self._ali_is_name(i):
                    continue
                if form in g.given_names or (form == "عبد" and i + 1 < len(words)) or self._kunya(i, form):
                    start_plen = plen
                    break
                # a compound given name with الدين: صدر الدين، نور الدين، عز الدين
                if i + 1 < len(words) and words[i + 1].norm == "الدين" and words[i + 1].joined \
                        and form in _DIN_NAMES:
                    start_plen = plen
                    break
            if start_plen is None:
                start_plen = self._servant_name(i)
            given = start_plen is not None
            after_title = i > 0 and self._after_title(i)
            if start_plen is None and after_title and (self.name_like(w) or self._before_ibn(i)) and self.morph \
                    and not w.tanween \
                    and not self._after_place_head(i) and not w.norm.startswith(("ال", "وال", "و")) \
                    and (w.proper is not False or self._before_ibn(i)) and w.norm not in _CONNECTORS \
                    and not (w.text.isascii() and w.text.isupper()):
                start_plen = 0  # (an acronym after a title, "الكاتب ... رسالة SMS", is no name)
                # the word after a title is a given name unless it is already a family name (الأسد)
                given = not w.norm.startswith("ال")
            if start_plen is None:
                continue
            j = i + 1
            limit = 5 if self.morph else 3
            while j < len(words) and j - i < limit and not self.taken[j] and words[j].joined:
                if words[j - 1].norm in ("بن", "ابن", "بنت") and self.title[j] and words[j].norm.startswith("ال"):
                    break  # "يعقوب ابن الملا عمر": the son of the titled person, not one long name
                if words[j - 1].norm in _CONNECTORS and words[j].norm not in _STOP:
                    j += 1  # أبو العينين، عبد المقصود: the word after a name particle belongs to the name
                    continue
                # a family name the database reads as a common noun: right after the given name
                # (أحمد عساف) or after the father's name (عزام بن محمد الدخيل)
                if self._coordinated_name(words[j]):
                    break
                if (given and words[j].norm in _STOP and words[j].top_proper and j + 1 < len(words)
                        and words[j + 1].joined and not self.taken[j + 1]
                        and (words[j + 1].norm in g.given_names or words[j + 1].norm in _CONNECTORS)):
                    j += 1  # "مهدي صباح عبد المحسن": صباح (also "morning") is the father's name between names
                    continue
                if self._inner_given_name(j):
                    j += 1  # "النقيب محمد أمين إسماعيل الحبشي": أمين is the father's name here, no title
                    continue
                after_father = j - 2 >= i and words[j - 2].norm in _CONNECTORS
                # a given name in apposition to a title ("وزير التعليم الدكتور عزام الدخيل") is followed by
                # the family name, whatever the database reads the definite word as
                titled = j == i + 1 and self._title_phrase_before(i)
                # a nisba family name after the father's name without بن (نور مبارك العمراني، محمد عبدالله الشهري)
                third = j == i + 2 and words[j].norm.startswith("ال") and words[j].norm.endswith("ي") \
                    and (words[j - 1].norm in g.given_names or bool(words[j - 1].proper))
                if not self.name_like(words[j]) and not (
                        given and (j == i + 1 or after_father or third)
                        and self._family_name(words[j], after_father, titled)
                        and not (j == i + 1 and words[i].norm in _ADJECTIVE_NAMES)):
                    break
                if not self.morph and j - i == 2 and not (words[j].norm.startswith("ال") or words[j].norm in
                                                         g.given_names or words[j - 1].norm in _COMPOUND):
                    break
                j += 1
            while j > i + 1 and words[j - 1].norm in _CONNECTORS:  # a name never ends on بن / عبد
                j -= 1
            # a given name alone before "ابن/بن + title" is still a person's name (يعقوب ابن الملا عمر)
            son_of = given and j - i == 1 and j + 1 < len(words) and words[j].norm in ("بن", "ابن", "بنت") \
                and self.title[j + 1] and words[j + 1].norm.startswith("ال")
            if j - i >= 2 or (after_title and j - i == 1) or son_of:
                self.add(i, j, start_plen, "PER", None, "title" if after_title and j - i == 1 else "name")
                i = j

    def _title_phrase_before(self, i: int) -> bool:
        """A title phrase right before word ``i``: a title, or a title and its definite complement
        ("الدكتور"، "ومدير الهيئة العامة للشباب والرياضة"), up to eight words back."""
        words = self.words
        for k in range(i - 1, max(-1, i - 9), -1):
            if not words[k + 1].joined or words[k].norm in _STOP:
                return False
            if self.title[k]:
                return True
            if not words[k].norm.startswith(("ال", "لل", "وال")):
                return False
        return False

    def _before_ibn(self, i: int) -> bool:
        """The word before بن/ابن/بنت is a given name whatever the morphology says ("الدكتور مخلد بن مايس")."""
        words = self.words
        return i + 1 < len(words) and words[i + 1].joined and words[i + 1].norm in ("بن", "ابن", "بنت") \
            and not words[i].norm.startswith(("ال", "و"))

    def _servant_name(self, i: int) -> int | None:
        """The clitic length of ل/ب + an عبد name ("الشقيق الأصغر لعبد المنان", "بعبدالله"): عبد after a
        preposition still opens a name, where other given names with ل/ب are too often common words."""
        w = self.words[i]
        for plen, form in _bare_forms(w.norm, prefixes=("ل", "ب", "ول", "وب")):
            if plen and ((form == "عبد" and i + 1 < len(self.words) and self.words[i + 1].joined)
                         or (form.startswith("عبد") and form in self.g.given_names)):
                return plen
        return None

    def _inner_given_name(self, j: int) -> bool:
        """A given name that is also a title or a nisba (أمين، سلطان، تركي) inside a name: between two name
        words it is the father's or grandfather's name."""
        words = self.words
        w = words[j]
        return (w.norm in self.g.titles or w.norm in self.g.demonyms) and w.norm in _TITLE_NAMES \
            and j + 1 < len(words) and words[j + 1].joined and not self.taken[j + 1] \
            and words[j + 1].norm not in self.g.titles and self.name_like(words[j + 1])

    def _coordinated_name(self, w: Word) -> bool:
        """و + a given name starts the next person of a list, not a part of this name ("عبد المنان
        ويعقوب ابن الملا عمر"); ولد inside Mauritanian names (محمد ولد عبد العزيز) is no given name."""
        if w.norm.startswith("وال"):
            return True  # "إبراهيم الحفظي والمشرف": a definite word after و is the next item of a list
        return w.norm.startswith("و") and w.norm[1:] in self.g.given_names and w.norm not in self.g.given_names

    def _kunya(self, i: int, form: str) -> bool:
        """أبو/أبا/أبي/أم + a name ("أبو سياف"، "أبا سياف"، "أم سياف"): a person's kunya (Wright, Grammar I §
        kunya). أم is also "or": only before a word the morphology reads as a proper noun or does not know."""
        if form not in _KUNYA or i + 1 >= len(self.words) or self._after_place_head(i):
            return False  # "قرية أبو ناعور": a village named like a kunya
        nxt = self.words[i + 1]
        if not nxt.joined or nxt.norm in _STOP or nxt.norm in self.g.demonyms or nxt.norm in self.g.titles \
                or nxt.bare.endswith("ى") or nxt.tanween or len(nxt.norm) < 3 or nxt.norm.startswith(("و", "ال")):
            return False
        if form == "ام":
            return bool(nxt.proper) or (nxt.proper is None and self.morph)
        return nxt.proper is not False or nxt.norm in self.g.given_names or "noun" in nxt.pos

    def _after_place_head(self, i: int) -> bool:
        return i > 0 and self.words[i].joined and any(
            f in _PLACE_HEADS for _, f in _bare_forms(self.words[i - 1].norm, prefixes=("و", "ب", "ل", "وب", "ول")))

    def _family_name(self, w: Word, after_father: bool = False, titled: bool = False) -> bool:
        """Right after a given name, a word the morphology reads as a common noun may still be the family
        name: an indefinite noun (أحمد عساف، فهد كفاين) or a definite nisba (مريم الحربي، محمد الشهري); after
        the father's name any definite noun (عزام بن محمد الدخيل), and so after a given name in apposition to a
        title (``titled``: "وزير التعليم الدكتور عزام الدخيل")."""
        if not self.morph or w.norm in _STOP or w.norm in self.g.demonyms or w.prep or w.norm in _NOT_NAME_WORDS:
            return False
        if w.norm.startswith(("لل", "بال", "وال", "فال", "كال")) or any(
                f in self.g.titles for _, f in _bare_forms(w.norm)):
            return False
        if _def_strip(w.norm) in self.g.heads or (w.bare.endswith("ى") and not (
                w.norm.startswith("ال") and len(w.norm) >= 5 and w.norm not in _NOT_SURNAMES)):
            # (a definite family name may end in ى: "الدكتور محمد العيسى")
            return False
        if w.norm.startswith("ال"):
            # after "بن محمد" any definite word is the family name (الدخيل); elsewhere only a nisba (الحربي)
            return (after_father or titled or w.norm.endswith("ي")) and len(w.norm) >= 5 and "verb" not in w.pos
        if after_father:
            return False  # "وجه عبدالرحمن بن مساعد رسالة": an indefinite common noun there is the verb's object
        if len(w.norm) >= 5 and w.norm.endswith(("هما", "هم", "هن", "كما", "كم")):
            return False  # "أبدى حسام وإبراهيم غضبهما": a noun with a possessive pronoun is no family name
        return bool(w.pos) and w.pos <= {"noun", "adj", "noun_prop"}

    def _ali_is_name(self, i: int) -> bool:
        """علي is also the preposition على written with ya (common in Egyptian typesetting): a name only
        before another name word (علي عبدالله صالح), never before a definite noun (علي الأرض)."""
        if i + 1 >= len(self.words) or not self.words[i + 1].joined:
            return False
        nxt = self.words[i + 1]
        if self.morph:
            return nxt.proper is True or (nxt.proper is None and not nxt.norm.startswith("ال"))
        return nxt.norm in self.g.given_names or nxt.norm.startswith("عبد") or nxt.norm in self.g.short_forms

    def _after_title(self, i: int) -> bool:
        """A title word within the three words before ``i`` (its complement may sit in between)."""
        for k in range(i - 1, max(-1, i - 4), -1):
            if not self.words[k + 1].joined:
                return False
            if self.title[k]:
                return True
            if self.words[k].norm in _STOP:
                return False
        return False

    def heads_pass(self) -> None:
        """Organisation heads with their genitive/adjective complement; place heads with their name."""
        words, g = self.words, self.g
        for i, hit in [(k, x.head) for k, x in enumerate(self.keys) if x.head]:
            if self.taken[i]:
                continue
            plen, head, definite = hit
            typ, _ = g.heads[head]
            if head in _ORGAN_HEADS and i + 1 < len(words) and words[i + 1].joined and any(
                    _def_strip(f) in g.heads for _, f in _bare_forms(words[i + 1].norm)):
                continue  # "مجلس إدارة نادي الهلال", "رئاسة إقليم كردستان": the organ of the named body
            if head in _PLACE_HEADS:
                # "بلدة دوما", "محافظة شرورة": the place's own name (the gazetteer took the known ones)
                nxt = words[i + 1] if i + 1 < len(words) else None
                if (nxt is not None and not definite and nxt.norm in _TOPONYM_FIRST and i + 2 < len(words)
                        and nxt.joined and words[i + 2].joined and not self.taken[i + 1] and not self.taken[i + 2]
                        and words[i + 2].norm not in _STOP and not words[i + 2].norm.startswith("و")):
                    # "محافظة وادي الدواسر"، "مدينة رأس تنورة"، "بلدة كفر نبل": a two-word toponym
                    self.add(i + 1, i + 3, 0, "GPE", None, "pattern")
                    continue
                if nxt is not None and not definite and not self.taken[i + 1] and nxt.joined and not nxt.tanween \
                        and nxt.norm not in _STOP and (nxt.proper or (nxt.proper is None and self.morph)) \
                        and not nxt.norm.startswith("و") and (not nxt.norm.startswith("ال") or nxt.top_proper):
                    # "قرية أبو ناعور": a kunya-shaped name takes its second word
                    two = nxt.norm in _KUNYA and i + 2 < len(words) and words[i + 2].joined \
                        and not self.taken[i + 2] and words[i + 2].norm not in _STOP
                    self.add(i + 1, i + 3 if two else i + 2, 0, "GPE", None, "pattern")
                continue
            if head in _SEA_HEADS and not (definite and i + 1 < len(words) and words[i + 1].joined
                                           and words[i + 1].norm.startswith("ال") and not self.taken[i + 1]):
                continue  # محيط المدينة "its surroundings": only المحيط/البحر/الخليج + adjective is a place
            j, anchored, lam = i + 1, False, False
            while j < len(words) and j - i <= 6 and words[j].joined:
                n = words[j].norm
                if j > i + 1 and any(f in g.titles or _def_strip(f) in g.titles for _, f in _bare_forms(n)) \
                        and words[j - 1].norm not in _NAME_TITLES:
                    break  # اللجنة الأولمبية السعودية الأمير عبدالله: a title after the complement starts a name
                if head in _LAM_HEADS and (definite or anchored) and not lam and j > i + 1 and n.startswith("لل") \
                        and len(n) > 4 \
                        and not self.taken[j]:
                    j, lam = j + 1, True  # الاتحاد السعودي للفروسية
                    continue
                if lam and n.startswith("وال") and len(n) > 5 and not self.taken[j] and n[1:] not in _STOP \
                        and _def_strip(n[1:]) not in g.heads:
                    j += 1  # its coordinated nouns: الهيئة العامة للشباب والرياضة، مستشفى أبها للولادة والأطفال
                    continue
                if lam and not n.endswith(("ي", "يه")):
                    break  # after the لل- complement only its adjectives (المنظمة العربية للتنمية الزراعية)
                if self.taken[j] and j > i + 1 and n.startswith("و") and j in self.gaz_end:
                    break  # قوات الشرطة والحشد الشعبي: a known name coordinated after the complement is its own actor
                if self.taken[j]:
                    # a known name inside the complement: "هيئة أركان الجيش الإسرائيلي",
                    # "المجلس المركزي لمنظمة التحرير الفلسطينية"
                    end = self.gaz_end.get(j)
                    if end is None:
                        break
                    j, anchored = end, True
                    continue
                if n in _STOP:
                    break
                if n.startswith("ال") or (j > i + 1 and n.startswith("وال")):
                    j += 1
                    continue
                # a person's name after a royal or religious title inside the name: "جامعة الملك فيصل"
                if j > i + 1 and words[j - 1].norm in _NAME_TITLES and (n in g.given_names or words[j].proper):
                    j, anchored = j + 1, True
                    continue
                # a foreign proper name right after the head: "قاعدة إنجرليك الجوية" (an indefinite head: a
                # definite one owns no genitive, "لا يهم الهيئة نجاح الاتحاد" is head, subject, genitive)
                if j == i + 1 and self.morph and not definite and not words[j].tanween and n not in g.titles \
                        and n not in _NOT_NAME_WORDS and (words[j].proper or (
                        words[j].proper is None and not n.startswith(("و", "ل", "ب", "ي", "ت", "ن")))):
                    j, anchored = j + 1, True
                    continue
                # an indefinite noun inside a construct chain: هيئة أركان الجيش
                if not definite and j + 1 < len(words) and words[j + 1].norm.startswith("ال") and words[j + 1].joined \
                        and not words[j - 1].norm.startswith(("ال", "وال")) \
                        and self.name_like(words[j]) is False and n not in g.titles \
                        and (not self.morph or "noun" in words[j].pos):
                    j += 1
                    continue
                break
            if j > i + 1 and words[j - 1].norm.startswith("وال") and j - 1 == i + 1:
                j -= 1
            j = self._trim_tail(i, j)
            if j == i + 1:
                continue
            # anchored to a named referent (a nisba, a known name, a proper noun): "وزارة الدفاع الروسية";
            # otherwise generic ("مجلس المحافظة", "القوات الأمنية"): kept as a mention, never a target
            anchored = anchored or any(self._anchor(words[k]) for k in range(i + 1, j) if not self.taken[k])
            if not anchored and not definite and head not in _FORCE_HEADS and any(
                    words[k].norm.startswith("وال") and words[k - 1].norm.startswith(("ال", "لل", "بال"))
                    for k in range(i + 2, j)):
                anchored = True  # a coordinated genitive is an official name: عمادة القبول والتسجيل
            if not anchored and not definite and j == i + 2 and (head, words[i + 1].norm) in _INSTITUTIONS \
                    and not (i > 0 and words[i].joined and self.title[i - 1]):
                # a state's own institution (مجلس الوزراء، رئاسة الجمهورية), unless it completes a person's
                # title ("النائب الثاني لرئيس مجلس الوزراء")
                anchored = True
            if head in _PARTY_HEADS | _SEA_HEADS and not anchored and words[i + 1].norm not in _GENERIC_ADJ \
                    and words[i + 1].norm not in _GENERIC_MOVEMENT:
                # الجماعة الإسلامية، حركة التغيير، المحيط الهادئ: a definite head with its adjective, or an
                # indefinite head with its definite genitive, names one organisation or place
                anchored = definite or any(words[k].norm.startswith("ال") for k in range(i + 1, j))
            if head in _CLUB_HEADS and not definite:
                anchored = self._club(i, j, head)
            for k in range(i + 1, j):
                self.taken[k] = False  # add() marks them again; the inner names stay mentions of their own
            self.add(i, j, plen, typ, None, "pattern" if anchored else "generic")

    def _club(self, i: int, j: int, head: str) -> bool:
        """Whether "نادي X" / "فريق X" names a club: نادي + one definite word always does (نادي الاتفاق);
        فريق only before the sport ("فريق الاتفاق لكرة القدم"), else it is a team of people (فريق العمل)."""
        words = self.words
        if j != i + 2 or not words[i + 1].norm.startswith("ال"):
            return head == "نادي" and j > i + 1
        if head == "نادي":
            return True
        return j < len(words) and words[j].joined and words[j].norm.startswith(("لكر", "للكر", "لرياض", "للرياض"))

    def _trim_tail(self, i: int, j: int) -> int:
        """Where an organisation name from the head at ``i`` really ends (``j`` = the complement scan's end).

        The complement scan takes every definite word; three kinds of word after the name are not part of
        it: a function word with a conjunction ("الحركة وبين معارضيه"); after the nisba that closes a name, a
        definite noun that cannot be an adjective (the verb's object: "أدان البرلمان الصومالي الحادثة",
        "أن يتخذ الحزب الديمقراطي الكردستاني القرار الصحيح"); and trailing epithets, which describe the
        actor rather than name it ("حركة الشباب الأصولية المتشددة", "رئيس نادي الاتحاد الشقيق").
        """
        words, g = self.words, self.g
        after_nisba = False
        if self._disagrees(i) or self._definite_genitive(i, j):
            return i + 1
        head = self.keys[i].head
        lam_head = head is not None and head[1] in _LAM_HEADS
        for k in range(i + 1, j):
            w = words[k]
            if w.norm.startswith(("و", "ف")) and any(f in _STOP for _, f in _bare_forms(w.norm, prefixes=("و", "ف"))):
                return k
            if lam_head and w.norm.startswith("لل"):
                after_nisba = False  # the لل- complement the scan took (الاتحاد السعودي للفروسية): no object
                continue
            if k > i + 1 and w.norm.startswith("و") and (w.norm[1:] in g.heads or (
                    w.norm.startswith("وال") and w.norm[3:] in g.heads)):
                # "وزارة الشؤون البلدية والقروية ومؤسسة البريد", "ملعب المباراة والتحالف": the next organisation
                return k
            if after_nisba and self.morph and not self.taken[k] and w.pos and "adj" not in w.pos \
                    and w.norm not in g.demonyms and w.norm not in _EPITHETS:
                return k
            # a nisba-shaped adjective (الروسية، الكردستاني، الديمقراطي) closes the name it ends
            # and so does a known name inside it ("لجنة التنمية الاجتماعية بالدمام")
            after_nisba = w.norm in g.demonyms or self.taken[k] or (
                w.norm.startswith("ال") and w.norm.endswith(("ي", "يه")) and "adj" in w.pos)
        return self._trim_epithets(i, j)

    def _trim_epithets(self, i: int, j: int) -> int:
        """An organisation name without the epithets that end it, or that stand inside the scan before a
        non-epithet ("هذا النادي العريق والعمل معه"); epithets before a nisba stay (الحكومة الشرعية اليمنية)."""
        words, g = self.words, self.g
        for k in range(i + 1, j):
            if words[k].norm in _EPITHETS and not self.taken[k] and not all(
                    words[m].norm in _EPITHETS or words[m].norm in g.demonyms for m in range(k + 1, j)):
                return k
        while j > i + 1 and words[j - 1].norm in _EPITHETS and not self.taken[j - 1]:
            j -= 1
        return j

    def _definite_genitive(self, i: int, j: int) -> bool:
        """A definite head cannot own a genitive: the definite noun after it must be an adjective
        (الاتحاد الأوروبي), so a noun that cannot be one is the next constituent ("رفضت نظيرتها في الاتحاد
        الدخول في أي مفاوضات": the club refused to enter)."""
        words = self.words
        if not self.morph or j <= i + 1 or self.taken[i + 1]:
            return False
        if not any(f.startswith("ال") and _def_strip(f) in self.g.heads for _, f in _bare_forms(words[i].norm)):
            return False
        w = words[i + 1]
        return w.norm.startswith("ال") and bool(w.pos) and "adj" not in w.pos and "noun_prop" not in w.pos \
            and w.norm not in self.g.demonyms

    def _disagrees(self, i: int) -> bool:
        """A masculine singular head followed by a feminine nisba adjective: the adjective agrees with the
        noun before the head, which is no name ("برامج الاتحاد الخليجية" = the Gulf programmes of the union)."""
        words = self.words
        if i + 1 >= len(words) or not self.morph:
            return False
        head = _def_strip(words[i].norm)
        for _, f in _bare_forms(head):
            head = _def_strip(f) if _def_strip(f) in self.g.heads else head
        nxt, owner = words[i + 1], words[i - 1] if i > 0 and words[i].joined else None
        # the noun before the head owns it (برامج الاتحاد): an indefinite common noun, no title or head
        if owner is None or owner.norm.startswith("ال") or "noun" not in owner.pos or owner.norm in _STOP \
                or self.title[i - 1] or _def_strip(owner.norm) in self.g.heads:
            return False
        return not head.endswith(("ه", "ات")) and head not in _BROKEN_PLURAL_HEADS and nxt.norm.startswith("ال") \
            and nxt.norm.endswith("يه") and "adj" in nxt.pos and not self.taken[i + 1]

    def _anchor(self, w: Word) -> bool:
        forms = [f for _, f in _bare_forms(w.norm, prefixes=("و", "ل"))]
        return bool(w.proper) or any(f in self.g.demonyms or (f,) in self.g.phrases for f in forms)

    def ministry_pass(self) -> None:
        """A ministry named by its portfolio and country alone: "الخارجية الأمريكية", "الداخلية السعودية"."""
        words, g = self.words, self.g
        for i in range(len(words) - 1):
            nxt = words[i + 1]
            if self.taken[i] or not nxt.joined:
                continue
            # the nisba may also be a country's name (السعودية): then it is a gazetteer name inside the ministry's
            if not (nxt.norm in g.demonyms and not self.taken[i + 1]) \
                    and not (self.gaz_end.get(i + 1) == i + 2 and nxt.norm.endswith("يه")):
                continue
            for plen, form in _bare_forms(words[i].norm, prefixes=("و", "ب", "ل", "وب", "ول")):
                if form in _PORTFOLIOS:
                    self.add(i, i + 2, plen, "ORG", None, "pattern")
                    break

    def short_name_pass(self) -> None:
        """A club or movement called by its name word alone once the article has given head + name:
        "نادي الهلال" ... "دعمهم للهلال"; "حركة الشباب" ... "مسلحي الشباب"."""
        from newsgraph.entities.canonical import canonical_key, mention_label  # keys build on this module's data

        names: dict[str, str] = {}
        for m in self.out:
            if m.source not in ("pattern", "gazetteer") or m.type != "ORG":
                continue
            words = _WORD.findall(m.text)
            if len(words) != 2:
                continue
            head, name = norm_word(words[0]), norm_word(words[1])
            if m.source == "gazetteer" and (name,) in self.g.phrases:
                continue  # a gazetteer club (نادي الهلال) is called by its name alone; القاعدة is matched itself
            if any(f in _SHORT_NAME_HEADS for _, f in _bare_forms(head)) and name.startswith("ال") \
                    and len(name) >= 5 and name not in _STOP:
                names.setdefault(name, canonical_key(mention_label(m), "ORG"))
        if not names:
            return
        for i, w in enumerate(self.words):
            if self.taken[i]:
                continue
            for plen, form in _bare_forms(w.norm, prefixes=("و", "ب", "ل", "وب", "ول")):
                if form in names:
                    self.add(i, i + 1, plen, "ORG", names[form], "short")
                    break

    def quoted_pass(self) -> None:
        """A name in quotation marks that the article uses again: «سابك» ... لدى سابك، "سبق" ... "سبق".

        Guidelines: names in quotes are actors.  A quoted stretch of one or two words (no punctuation
        inside) that recurs in the article, quoted or bare, is taken as an organisation's name (companies,
        outlets, teams and apps are quoted so in Arabic copy); a scare-quoted idea («الإرهاب») is left out:
        a definite word or an adverb is no name unless the morphology reads it as one, and a word read only as
        a verb or common noun must come three times.
        Every recurrence not already part of another name becomes a mention too.
        """
        words = self.words
        quoted: dict[tuple[str, ...], list[int]] = {}
        for i, w in enumerate(words):
            if not w.gap or w.gap.rstrip()[-1:] not in _OPENING_QUOTES or self.taken[i]:
                continue
            for n in (1, 2):
                j = i + n
                if j > len(words) or any(self.taken[k] for k in range(i, j)):
                    break
                if any(words[k].gap.strip() for k in range(i + 1, j)):
                    break  # punctuation inside
                after = self.text[words[j - 1].end : words[j - 1].end + 1]
                if after in _CLOSING_QUOTES:
                    if all(self._quotable(words[k]) for k in range(i, j)):
                        quoted.setdefault(tuple(words[k].norm for k in range(i, j)), []).append(i)
                    break
        if not quoted:
            return
        wanted = {w for form in quoted for w in form}
        bare: list[str | None] = []  # each word as a quoted form it may be (with و/ب/ل stripped), else None
        for w in words:
            if w.norm in wanted:
                bare.append(w.norm)
                continue
            last = _bare_forms(w.norm, prefixes=("و", "ب", "ل", "وب", "ول"))[-1][1]
            bare.append(last if last in wanted else None)
        for form, starts in quoted.items():
            n = len(form)
            seen = [i for i in range(len(words) - n + 1) if bare[i] == form[0]
                    and all(bare[i + k] == form[k] for k in range(1, n))]
            # a word the analyser reads only as a verb (سابك) needs a third use: a slogan may be quoted twice
            verbal = any(words[starts[0] + k].proper is False for k in range(n))
            if len(seen) >= (3 if verbal else 2):
                for i in seen:
                    if not any(self.taken[k] for k in range(i, i + n)):
                        plen = 0 if words[i].norm == form[0] else len(words[i].norm) - len(form[0])
                        typ: EntityType = "PER" if form[0] in self.g.given_names else "ORG"
                        self.add(i, i + n, plen, typ, None, "quoted")

    def _quotable(self, w: Word) -> bool:
        """May this quoted word be (part of) a name?  Not a stop word, a definite common word or a verb."""
        if w.norm in _STOP or w.norm[:1].isdigit() or len(w.norm) < 3:
            return False
        if w.proper is True or w.top_proper:
            return True
        if w.pos & {"adj", "adv", "adj_comp", "noun_quant"}:
            return False  # «كارثي»، «قريبا»، «معيبة للغاية»: a quoted judgement, not a name
        return not (w.norm.startswith("ال") or w.tanween or w.prep)

    def surname_pass(self) -> None:
        """Family names alone, once the article has given the full name (or after a title)."""
        words, g = self.words, self.g
        surnames: dict[str, str | None] = {}
        for m in self.out:
            if m.type != "PER":
                continue
            parts = [norm_word(p) for p in _WORD.findall(m.text)]
            # a family name of three letters or fewer is too often a common word (حد، وقف) to match alone
            if len(parts) >= 2 and parts[-2] not in _CONNECTORS and parts[-1] not in _CONNECTORS \
                    and len(parts[-1]) >= 4 and parts[-1] not in _NOT_SURNAMES:
                surnames.setdefault(parts[-1], m.key)
                surnames.setdefault(_def_strip(parts[-1]), m.key)
        # the words that may be one: a known short form, or a surname of the article alone or after و/ف
        spelled = {p + f for f in surnames for p in ("", "و", "ف")}
        # a definite family name also after ل/ب ("للزبيدي"، "بالغامدي"): the article is dropped after ل
        spelled |= {p + f for f in surnames if f.startswith("ال") for p in ("ب", "وب")}
        spelled |= {p + f[1:] for f in surnames if f.startswith("ال") for p in ("ل", "ول")}
        for i, w in enumerate(words):
            if self.taken[i] or not (self.keys[i].short or w.norm in spelled):
                continue
            for plen, form in _bare_forms(w.norm, prefixes=("وب", "ول", "و", "ف", "ب", "ل")):
                key: str | None
                if plen and w.norm[plen - 1] in "بل" and not form.startswith("ال"):
                    continue  # only the definite family name takes ل/ب alone (لعلي is no surname reading)
                if form in surnames and (w.proper is not False or w.hashtag >= 0 or form.startswith("ال")):
                    key = surnames[form]
                elif form in g.short_forms and (self._after_title(i) or w.hashtag >= 0 or (
                        plen == 1 and i > 0 and w.joined and self.taken[i - 1])):
                    # (the last case: coordinated with a named actor, "ميليشيات الحوثي وصالح")
                    key = g.short_forms[form].key
                    self.entries[key] = g.short_forms[form]
                else:
                    continue
                self.add(i, i + 1, plen, "PER", key, "surname")
                break

    def list_pass(self) -> None:
        """One-word conjuncts of a list of places or clubs take the list's type: "عدن والضالع ولحج وتعز" (two
        known places make it a list of places), "أندية الكويت وكاظمة والنصر" (the plural or dual of نادي, or
        the stadiums of clubs, heads a list of clubs)."""
        from newsgraph.entities.canonical import canonical_key  # keys build on this module's data

        words, g = self.words, self.g
        by_end = {m.end: m for m in self.out if m.source in ("gazetteer", "pattern")}
        i = 0
        while i < len(words):
            j = i + 1
            while j < len(words) and words[j].joined and words[j].norm.startswith("و") and len(words[j].norm) > 3 \
                    and words[j].norm not in _STOP and words[j].norm[1:] not in _STOP:
                j += 1
            if j - i < 2:
                i += 1
                continue
            known = [by_end.get(words[k].end) for k in range(i, j)]
            head = words[i - 1] if i > 0 and words[i].joined else None
            clubs = head is not None and any(f in _CLUB_LISTS for _, f in _bare_forms(head.norm))
            places = sum(1 for m in known if m is not None and m.type == "GPE") >= 2
            if clubs or places:
                for k in range(i, j):
                    w = words[k]
                    plen = 1 if k > i else 0
                    form = w.norm[plen:]
                    if self.taken[k] or len(form) < 3 or (len(form) == 3 and not w.proper) or form in _STOP \
                            or form in g.demonyms or _def_strip(form) in g.heads or form in _CLUB_LISTS \
                            or form.endswith(("ات", "ين", "ون")):
                        continue
                    if clubs:
                        self.add(k, k + 1, plen, "ORG", canonical_key("نادي " + form, "ORG"), "pattern")
                    elif w.proper or (k > i and form.startswith("ال") and not form.endswith(("ي", "يه"))):
                        # (a nisba adjective is no place: "الدول الخليجية وسوريا والعراق")
                        self.add(k, k + 1, plen, "GPE", canonical_key(form, "GPE"), "pattern")
            i = j

    def hashtag_pass(self) -> None:
        words = self.words
        i = 0
        while i < len(words):
            w = words[i]
            if w.hashtag < 0 or self.taken[i]:
                i += 1
                continue
            j = i + 1
            while j < len(words) and words[j].hashtag == w.hashtag:
                j += 1
            if all(not self.taken[k] for k in range(i, j)) and j - i >= 2 and all(
                    self.name_like(words[k]) for k in range(i, j)) and words[i].norm in self.g.given_names:
                self.add(i, j, 0, "PER", None, "hashtag")
            i = j

    def nisba_pass(self) -> None:
        """Nisba adjectives (a separate layer: they may sit inside an ORG name or a title)."""
        # not inside another name: the ORG "وكالة الأنباء اليمنية" is the referent, not Yemen
        covered = bytearray(len(self.text) + 1)
        for m in self.out:
            if m.source != "generic":
                covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        # nor after a city of that country ("حمص السورية", "العين الإماراتي"): it says where the city is
        city_country = {m.end: e.country for m in self.out if m.source == "gazetteer" and m.key
                        and (e := self.entries.get(m.key)) is not None and e.country}
        words = self.words
        for k, x in enumerate(self.keys):
            if x.nisba is None or covered[words[k].start]:
                continue
            w = words[k]
            plen, code = x.nisba
            if plen == 0 and w.joined and w.i > 0 and city_country.get(words[w.i - 1].end) == code:
                continue
            s = w.start + plen
            self.out.append(Mention(s, w.end, self.text[s:w.end], "GPE", f"gpe-{code.lower()}", "nisba"))

    def run(self) -> tuple[Mention, ...]:
        self.gazetteer_pass()
        self.names_pass()
        self.heads_pass()
        self.ministry_pass()
        self.short_name_pass()
        self.surname_pass()
        self.list_pass()
        self.quoted_pass()
        self.hashtag_pass()
        self.nisba_pass()
        return tuple(sorted(self.out, key=lambda m: (m.start, -m.end)))


# first words of compound Arabic toponyms (valley, mountain, cape, spring, well, village ...), taken with the next
# word after a place head: general Arabic place-name formation
_TOPONYM_FIRST = frozenset(norm_word(w) for w in (
    "وادي جبل رأس راس عين بئر حفر خميس كفر بيت دير تل سيدي بني ذات").split())
_OPENING_QUOTES = frozenset('«"“')
_CLOSING_QUOTES = frozenset('»"”')


def mentions_in_text(text: str, analyses: Mapping[int, list[Analysis]] | None = None) -> tuple[Mention, ...]:
    """Actor mentions in plain text (the finder behind :func:`find_mentions`).

    >>> [(m.text, m.key) for m in mentions_in_text("قال الرئيس الروسي فلاديمير بوتين")][:2]
    [('الروسي', 'gpe-ru'), ('فلاديمير بوتين', 'per-vladimir_putin')]
    """
    return _Finder(text, scan_words(text, analyses)).run()


def find_mentions(doc: Document, *, crf: bool = False) -> tuple[Mention, ...]:
    """Every actor mention in a document, sorted by offset; ``text[m.start:m.end] == m.text``.

    Args:
        doc: the analysed article (token analyses are used where present).
        crf: also take person names the CRF tagger finds where no rule found one (newsgraph.ner; about
            six times the cost of the morphology, and no gain measured on the development set).

    Returns:
        Mentions with a type, a canonical key (the gazetteer's, else the transliterated name; a family
        name alone takes the key of the article's full name) and the source that found them.

    >>> from newsgraph.model import Article, Document
    >>> doc = Document(Article.from_text("عنوان\\n\\nقصفت روسيا مواقع في حمص"), ())
    >>> [(m.text, m.key) for m in find_mentions(doc)]
    [('روسيا', 'gpe-ru'), ('حمص', 'gpe-geonames-169577')]
    >>> doc = Document(Article.from_text("عنوان\\n\\nقال فهد كفاين ... وأضاف كفاين"), ())
    >>> [(m.text, m.key) for m in find_mentions(doc)]
    [('فهد كفاين', 'per-fhd_kfayn'), ('كفاين', 'per-fhd_kfayn')]
    """
    from newsgraph.entities.canonical import assign_keys  # canonical keys build on the gazetteer, like this module

    spans = _analyses_by_word(doc.sentences)
    text = doc.article.text
    if spans and _disjoint(spans):
        words = _scan(text, None, spans)
    else:
        words = _scan(text, _token_lookup(spans) if spans else None)
    found = _Finder(text, words).run()
    return assign_keys(found + _crf_names(doc, found, spans) if crf else found)


def _crf_names(doc: Document, found: tuple[Mention, ...], spans: list[_Span]) -> tuple[Mention, ...]:
    """Person names the CRF tagger (newsgraph.ner) finds where the rules found nothing ("وحي أمان").

    Only multi-word PER spans that touch no rule mention, start with no conjunction or preposition and
    hold no function word: the tagger adds recall where names are unknown to the word lists.
    """
    if not doc.sentences:
        return ()
    try:
        from newsgraph import ner
        crf = ner.find_mentions(doc.sentences, doc.article.text)
    except (ImportError, NewsgraphError):  # the tagger is optional: a missing model never breaks extraction
        return ()
    g = gazetteer()
    taken = [(m.start, m.end) for m in found if m.source != "nisba"]
    out = []
    all_words: list[Word] | None = None
    for m in crf:
        if m.type not in _CRF_TYPES or any(s < m.end and m.start < e for s, e in taken):
            continue
        if all_words is None:
            all_words = _scan(doc.article.text, _token_lookup(spans) if spans else None)
        words = [w for w in all_words if m.start <= w.start and w.end <= m.end]
        if len(words) < 2 or any(w.norm in _STOP or w.norm in g.demonyms or w.norm in g.titles for w in words):
            continue
        first = words[0]
        if any(w.norm.startswith("و") and w.norm not in g.given_names for w in words):
            continue  # "البن والشاي": a coordination, not a name
        if not (first.norm in g.given_names or (first.proper is not False and not first.norm.startswith("ال"))):
            continue  # "سيدنا محمد", "ديبلوماسي فرنسي": the first word is a common noun
        out.append(Mention(m.start, m.end, m.text, m.type, None, "crf"))
    return tuple(out)


_CRF_TYPES = frozenset({"PER"})
