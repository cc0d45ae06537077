"""Stance of the speaker toward each target: pos, neg or neu, with the word that decided it.

The rules follow GUIDELINES.md ("Stance toward each target"): an evaluative word counts only
toward the actor it is about (the object a verb or masdar governs, the actor a description
qualifies), negation and conditionals neutralise it, relays (بحسب، نقلاً عن by an outlet) are neu,
the speaker's own side is neu unless praised or prayed for, and an act (support, strikes) shows
the speaker's attitude only when the speaker's side does it: the same act reported about a
third party is neu.  The words are data (``resources/polarity_ar.tsv``); lemmas no list names are
scored through their English gloss with the VADER lexicon when the morphology layer gives one.

    >>> from newsgraph.model import Article, Cue, Document, Span, Speaker, Statement, Target
    >>> text = "قال الوزير إنه يدين تنظيم داعش."
    >>> doc = Document(Article.from_text(text), ())
    >>> tgt = Target("isis", "داعش", Span.of(text, 25, 29))
    >>> st = Statement("s1", "indirect", Cue(0, 3, "قال", "قال"), Speaker(None, "الوزير", "explicit"),
    ...                Span.of(text, 11, 30), (tgt,))
    >>> out = assign_stances(doc, (st,))
    >>> out[0].targets[0].stance, out[0].targets[0].evidence.text
    ('neg', 'يدين')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources as _resources
from typing import NamedTuple

from newsgraph.errors import ResourceError
from newsgraph.lexicons import load_tsv
from newsgraph.model import Document, Span, Stance, Statement, Target
from newsgraph.text import norm_word

__all__ = ["assign_stances", "gloss_polarity", "stance_lexicon"]

# --- normalisation (the same folding the scorer and the text layer use for matching) ---
# A word is letters with their diacritics (shadda, harakat, superscript alef are combining marks, not letters:
# without them ثمّنت would split into ثم + ّ + نت).
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+|\d+|[^\w\s]")
_STRONG = frozenset(".!?؟؛;:\n")
_WEAK = frozenset("،,")

# Clitic and suffix inventories (Buckwalter/SAMA segmentation classes): conjunctions, prepositions and the
# future particle, the article, object/possessive pronouns and the regular plural/dual/feminine endings.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك", "س")
_PRONOUN_SUFFIXES = frozenset({"هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"})
_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ات", "ون", "ين", "ان", "وا", "يه", "ه", "ي", "ت", "ا")

# Negators (Ryding, A Reference Grammar of Modern Standard Arabic, ch. 38) and conditional particles (ch. 19).
_NEGATORS = frozenset({"لم", "لا", "لن", "ليس", "ليست", "ليسوا", "لسن", "غير", "عدم", "دون", "بدون", "بعدم", "وعدم",
                       "ولم", "ولا", "ولن", "وليس", "فلم", "فلا", "فلن"})
_CONDITIONALS = frozenset({"اذا", "لو", "ولو", "واذا", "فاذا", "حال", "لولا"})
# Words before a name that make it a place (the scene of an event, not an actor): prepositions of place and
# the administrative nouns of Arabic datelines and reports.
_PLACE_MARKERS = frozenset({"في", "فى", "فوق", "داخل", "مدينه", "بمدينه", "مدن", "محافظه", "بمحافظه", "محافظات",
                            "بلده", "بلدات", "منطقه", "بمنطقه", "مناطق", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي",
                            "جنوبي", "محيط", "قرب", "بالقرب", "انطلاقا", "حدود", "عاصمه", "ضواحي", "مطار", "لدي",
                            "ميناء", "موانئ", "قاعده", "معبر"})
# Nouns naming a deal, a meeting or a declaration after a place name (GUIDELINES: a deal's name -> neu).
_NAMED_THINGS = frozenset({"اتفاق", "الاتفاق", "اتفاقيه", "الاتفاقيه", "معاهده", "مؤتمر", "موتمر", "اعلان", "مباحثات",
                           "محادثات", "مفاوضات", "جوله", "قمه", "منتدي"})
# Calls and demands: a call on others to support the speaker's own side is pos toward it (GUIDELINES: own side).
_CALL_CUES = frozenset({"دعا", "يدعو", "تدعو", "داعيا", "داعيه", "طالب", "يطالب", "تطالب", "مطالبا", "مطالبه",
                        "مطالبين", "مطالبات", "حث", "يحث", "ناشد", "يناشد", "دعوه"})
# Verbs of describing and judging: an evaluative word in what follows is about their object (وصف X بالنفاق).
_DESCRIBE_CUES = frozenset({"وصف", "يصف", "تصف", "واصفا", "اعتبر", "يعتبر", "تعتبر", "معتبرا", "عد", "يعد", "نعت"})
# Institutions of a state: with the speaker's nisba they are the speaker's own side.
_OWN_INSTITUTIONS = frozenset({"حكومه", "رياسه", "دوله", "جيش", "قوات", "وزاره", "سلطه", "سلطات", "شعب", "قياده"})
# Outlets pass on others' words: a relay is neu toward every target (GUIDELINES: Relays).
_OUTLET_WORDS = ("وكاله", "صحيفه", "شبكه", "قناه", "موقع", "تلفزيون", "اذاعه", "رويترز", "فرانس برس", "اسوشيتد",
                 "هيئه الاذاعه", "بي بي سي", "سي ان ان")

# Words between a description and a name that do not separate them (ميليشيات [جماعة] الحوثي، لإرهابيي تنظيم داعش).
_TRANSPARENT = frozenset({"تنظيم", "جماعه", "حركه", "جبهه", "حزب", "عناصر", "مقاتلي", "ميليشيات", "قوات", "نظام",
                          "منظمه"})
# Verbs by which an outlet passes on what others said (نقلت الوكالة عن، أفادت نقلاً عن، نشرت، بثّت).
_RELAY_VERBS = frozenset({"نقل", "نقلت", "ينقل", "افاد", "افادت", "نشر", "نشرت", "بث", "بثت", "اورد", "اوردت", "حسبما"})
# Words of trust (lexicon class speech): their object comes after في (نثق في X، ثقتنا الكاملة في X), not a place.
_TRUST = frozenset({"نثق", "ونثق", "ثقتنا", "ثقته", "ثقتها", "ثقتهم"})
_SCOPE_REACH = {"obj": 7, "gen": 2, "attr": 1, "before": 4}
_CUE_REACH = 10
_OWN_SIDE_CLASSES = frozenset({"pray", "sympathy"})
_ACT_CLASSES = frozenset({"act", "aid"})
# Third-person plural subjects (أنهم هناك لدعم ...): a group other than the speaker does the act.
_PHRASE_ADVERBS = frozenset({"حاليا", "معا", "سويا", "دائما", "ايضا", "جميعا", "بشده", "بقوه", "كذلك"})
_SIDE_NOUNS = frozenset({"جانب", "طرف", "حكومه", "قياده", "شعب", "سلطات", "دوله", "رياسه", "جيش"})
_COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "بانهم", "لان", "وان", "فان"})
_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})
_THEY = frozenset({"انهم", "فانهم", "لانهم", "كونهم", "هم", "وهم", "بانهم"})


@lru_cache(maxsize=1 << 17)
def _norm(s: str) -> str:
    """Lexicon key of a form: the text layer's :func:`newsgraph.text.norm_word` (one normaliser for all stages).

    Memoised: every word of every article passes through here.
    """
    return norm_word(s)


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    polarity: int
    weight: int
    scope: str
    cls: str
    word_only: bool


class _Tok(NamedTuple):
    # a named tuple, not a frozen dataclass: every word of an article becomes one, ~10x cheaper to make
    start: int
    end: int
    text: str
    norm: str
    strong: bool
    weak: bool


@cache
def stance_lexicon() -> dict[str, tuple[_Entry, ...]]:
    """The curated Arabic stance words, keyed by the normalised first word.

    Returns:
        ``{first_word: (entry, ...)}``; longer phrases come first.

    Raises:
        ResourceError: the lexicon is missing or a row names an unknown polarity or scope.

    >>> stance_lexicon()["ادان"][0].polarity
    -1
    """
    out: dict[str, list[_Entry]] = {}
    for row in load_tsv("polarity_ar.tsv", columns=5):
        form, pol, weight, scope, cls = row[:5]
        if pol not in ("pos", "neg") or scope not in _SCOPE_REACH:
            raise ResourceError(f"polarity_ar.tsv: bad polarity or scope in row {row!r}")
        words = tuple(_norm(w) for w in form.split())
        entry = _Entry(words, 1 if pol == "pos" else -1, int(weight), scope, cls, len(row) > 5 and row[5] == "word")
        out.setdefault(words[0], []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in out.items()}


@cache
def _vader() -> dict[str, float]:
    """The VADER lexicon (MIT licence, shipped inside the vaderSentiment package): English word -> valence."""
    try:
        ref = _resources.files("vaderSentiment") / "vader_lexicon.txt"
        text = ref.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0]] = float(parts[1])
    return out


# Glosses whose English word is evaluative in VADER but descriptive in news reports (a place, an event, an
# institution): scoring them would make every report of a war or a court a stance.
_GLOSS_STOP = frozenset({"peace", "war", "attack", "killed", "kill", "death", "dead", "crisis", "fire", "court",
                         "prison",
                         "police", "army", "military", "weapon", "weapons", "bomb", "victim", "injured", "wounded",
                         "disease", "illness", "sick", "problem", "problems", "hospital", "security", "defense",
                         "defence", "fight", "fighting", "strike", "charge", "charges", "trial", "pain", "lost",
                         # honorifics, titles and neutral nouns of diplomacy whose English gloss is evaluative
                         "noble", "honorable", "respectable", "agreement", "accord", "treaty", "interest", "wealth",
                         "abundance", "justice", "fear", "respect", "murders", "killings", "effective", "active",
                         "danger", "violent", "tremendous", "despite", "spite", "suffered", "grant", "success",
                         # deaths, disasters and injuries happen to victims: they are not a stance (GUIDELINES)
                         "die", "died", "dies", "dying", "murder", "murdered", "disaster", "catastrophe", "flood",
                         "accident", "injury", "injuries", "wound", "hurt", "crash", "tragedy", "loss", "suffer"})


# Glosses of clitics and inflection in camel-tools analyses ("he;it+condemn;borrow", "the+terrorist+[masc.pl.]").
_GLOSS_FUNCTION = frozenset({"the", "he", "she", "it", "they", "we", "you", "i", "and", "so", "then", "will", "to",
                             "for", "by", "with", "his", "her", "its", "their", "our", "your", "my", "them", "him",
                             "us", "me", "two", "both", "of", "in", "as", "like", "not", "would", "shall", "be"})


@cache
def gloss_polarity(gloss: str) -> float:
    """The VADER valence of a camel-tools gloss (its stem's first sense; mean over scored words, 0.0 when none).

    Args:
        gloss: an English gloss as camel-tools gives it, clitics joined by ``+`` and senses by ``;``
            (``"he;it+condemn;borrow"``, ``"the+terrorist+[masc.pl.]"``).

    Returns:
        A valence in about [-4, 4]; descriptive news words (war, court, army) score 0.

    >>> gloss_polarity("the+terrorist+[masc.pl.]") < -2
    True
    """
    lex = _vader()
    stem = ""
    for part in gloss.split("+"):
        senses = [x.strip().lower() for x in part.split(";")]
        if part.startswith("[") or all(x in _GLOSS_FUNCTION for x in senses):
            continue
        stem = senses[0]
        break
    vals = [lex[w] for w in re.findall(r"[a-z]+", stem.replace("_", " ")) if w in lex and w not in _GLOSS_STOP]
    return sum(vals) / len(vals) if vals else 0.0


@lru_cache(maxsize=65536)
def _candidates(norm: str) -> tuple[tuple[str, bool], ...]:
    """Lookup keys for a normalised word: clitics stripped, then an inflectional suffix (flag True)."""
    bases = {norm}
    for c in _CONJ:
        if norm.startswith(c) and len(norm) > 2:
            bases.add(norm[1:])
    for b in list(bases):
        for p in _PREP:
            if b.startswith(p) and len(b) > 3:
                bases.add(b[1:])
    for b in list(bases):
        if b.startswith("ال") and len(b) > 3:
            bases.add(b[2:])
        if b.startswith("لل") and len(b) > 3:
            bases.add(b[2:])
    out = [(b, False) for b in bases]
    for b in bases:
        for s in _SUFFIXES:
            if b.endswith(s) and len(b) - len(s) >= 3:
                out.append((b[: -len(s)], True))
                if s in _PRONOUN_SUFFIXES:  # اتهموها = اتهموا + ها: the subject ending before the object pronoun
                    stem = b[: -len(s)]
                    if stem.endswith("ت"):  # رعايتها = رعاية + ها: the feminine ending is written ت before a suffix
                        out.append((stem[:-1] + "ه", True))
                    out += [(stem[: -len(t)], True) for t in ("و", "ت", "ن", "تم")
                            if stem.endswith(t) and len(stem) - len(t) >= 3]
    out.sort(key=lambda x: (x[1], -len(x[0])))
    return tuple(out)


@lru_cache(maxsize=65536)
def _lookup(norm: str) -> tuple[_Entry, ...]:
    """The lexicon entries whose first word is this normalised word (longest key first)."""
    lex = stance_lexicon()
    out: list[_Entry] = []
    for key, stripped in _candidates(norm):
        out += [e for e in lex.get(key, ()) if not (stripped and e.word_only)]
    return tuple(out)


@lru_cache(maxsize=65536)
def _keys(norm: str) -> frozenset[str]:
    return frozenset(k for k, _ in _candidates(norm)) | {norm}


# (norm, strong, weak) of the token forms met so far: one look-up per token; cleared when full so that a
# worker's memory stays flat over a corpus
_FORMS: dict[str, tuple[str, bool, bool]] = {}
_FORMS_MAX = 1 << 16


@lru_cache(maxsize=32)
def _doc_tokens(text: str) -> tuple[tuple[_Tok, ...], tuple[int, ...]]:
    """The article's tokens (words, numbers, punctuation; a newline token where a line ends a clause), once
    per article, with their end offsets for bisection."""
    out: list[_Tok] = []
    new, forms, finditer = tuple.__new__, _FORMS, _TOKEN.finditer  # tuple.__new__: no Python-level __new__
    if len(forms) > _FORMS_MAX:
        forms.clear()
    # line by line (no token spans a line break): a newline token goes before the first token of a later
    # line, at the end of the token before it, unless that token already ends a clause
    prev_end = pos = 0
    while True:
        nl = text.find("\n", pos)
        line_start = pos > 0
        for m in finditer(text, pos, nl if nl >= 0 else len(text)):
            t = m.group()
            if line_start:
                line_start = False
                if out and not out[-1].strong:  # titles and paragraphs end clauses
                    out.append(new(_Tok, (prev_end, prev_end, "\n", "\n", True, False)))
            f = forms.get(t)
            if f is None:
                f = forms[t] = (_norm(t), t in _STRONG, t in _WEAK)
            prev_end = m.end()
            out.append(new(_Tok, (m.start(), prev_end, t, *f)))
        if nl < 0:
            break
        pos = nl + 1
    return tuple(out), tuple(t.end for t in out)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokens overlapping text[start:end] (a cue inside وقال brings the whole word)."""
    toks, ends = _doc_tokens(text)
    i = bisect_right(ends, start)
    out = []
    while i < len(toks) and toks[i].start < end:
        if toks[i].end > start or toks[i].start == toks[i].end:
            out.append(toks[i])
        i += 1
    return out


@dataclass(frozen=True, slots=True)
class _Hit:
    first: int  # token index of the first word
    last: int  # token index of the last word
    entry: _Entry
    pronoun: bool = False  # the word carries an object or possessive pronoun (اتهموها، إدانته)


def _match(toks: list[_Tok], i: int, lemmas: dict[int, tuple[str, bool]] | None = None) -> _Hit | None:
    """The longest lexicon entry starting at token ``i``: by the word's form, else (``lemmas``: token start ->
    (verb lemma, has an object pronoun)) by the lemma the morphology layer gives a verb (ندين، نستنكر، أشكر
    are inflections of أدان، استنكر، شكر that no list of forms names)."""
    tok = toks[i]
    if tok.strong or tok.weak or not tok.norm.isalpha() or tok.norm in _NOT_CLITIC_FORMS:
        return None
    hit = _match_entries(toks, i, _lookup(tok.norm))
    if hit is None and lemmas and tok.start in lemmas:
        lemma, obj = lemmas[tok.start]
        hit = _match_entries(toks, i, stance_lexicon().get(lemma, ()))
        if hit is not None and obj:
            hit = replace(hit, pronoun=True)
    if hit is None and _HAMZA_FORM.fullmatch(tok.text):
        hit = _match_entries(toks, i, stance_lexicon().get(_norm("يهنئ"), ()))
    return hit


# Nouns whose first letter looks like the conjunction ف before a stance verb: فدّان "acre" is not ف + دان
# "condemned" (ملايين فدان in agricultural news).
_NOT_CLITIC_FORMS = frozenset({"فدان", "فدانا", "الفدان", "فدادين"})

# Forms the normaliser folds onto another word: هنّأ "congratulated" becomes هنا "here" once its hamza is
# dropped, so only the written hamza tells them apart (Wright I §17 on the orthography of hamza).
_HAMZA_FORM = re.compile(r"[وف]?هن[ّ]?أ(?:ت|وا|ه|ها|هم)?")


def _match_entries(toks: list[_Tok], i: int, entries: tuple[_Entry, ...]) -> _Hit | None:
    tok = toks[i]
    for entry in entries:
        j = i
        for w in entry.words[1:]:
            j += 1
            if j + 1 < len(toks) and (toks[j].norm in _PHRASE_ADVERBS or toks[j].norm in _TIME_ADVERBS):
                j += 1  # نعمل حاليا مع: an adverb inside the phrase
            elif j + 1 < len(toks) and len(w) <= 3 and _nisba_adjective(toks[j].norm):
                j += 1  # الهجمات التركية على: an actor adjective before the preposition
            if j >= len(toks):
                break
            nxt = toks[j].norm
            if not (w in _keys(nxt) or (len(w) == 1 and nxt.startswith(w) and len(nxt) > 2)):
                break
        else:
            pronoun = entry.words[0] not in _plain_keys(tok.norm) and tok.norm.endswith(tuple(_PRONOUN_SUFFIXES))
            return _Hit(i, j, entry, pronoun)
    return None


# Adverbs of time between a verb and its preposition (دافع أمس عن، رحب اليوم بـ).
_TIME_ADVERBS = frozenset({"امس", "اليوم", "مساء", "صباح", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                           "السبت", "الاحد"})


def _nisba_adjective(norm: str) -> bool:
    """A definite relational adjective (التركية، الأمريكي، الجوية) that may stand inside a phrase."""
    return norm.startswith("ال") and norm.endswith(("يه", "ي")) and len(norm) > 5


def _clause_start(toks: list[_Tok], i: int) -> int:
    k = i
    while k > 0 and not (toks[k - 1].strong or toks[k - 1].weak):
        k -= 1
    return k


# Verbs of denying (نفى، ينفي، نافياً): what follows them in the clause is the denied claim.
_DENIALS = ("نفي", "ينفي", "تنفي", "نفت", "نافيا", "نافيه", "نفوا", "ينفون", "نفيه")


def _denied(toks: list[_Tok], i: int) -> bool:
    """A verb of denying earlier in the clause, within eight words (نفى أن يكون الجيش متورطاً)."""
    lo = max(_clause_start(toks, i), i - 8)
    return any(toks[k].norm.removeprefix("و").removeprefix("ف") in _DENIALS for k in range(lo, i))


# Verbs of stopping or changing: negated, they affirm what follows (لن يوقف الدعم، لن تتغير مواقف).
_STOPPING = frozenset({"يوقف", "توقف", "يوثر", "توثر", "يغير", "تغير", "يتغير", "تتغير", "يمس", "تمس", "يضعف", "تضعف",
                       "يقلل", "تقلل", "يلغي", "تلغي", "يتخلي", "تتخلي", "يتوقف", "تتوقف", "يكف", "تكف"})


def _negated(toks: list[_Tok], i: int) -> bool:
    lo = max(_clause_start(toks, i), i - 3)
    return any(toks[k].norm in _NEGATORS and not (k + 1 < i and toks[k + 1].norm in _STOPPING) for k in range(lo, i))


def _conditional(toks: list[_Tok], i: int) -> bool:
    """A conditional particle earlier in the sentence governs the rest of it (لو كان ...، فإنهم ...)."""
    k = i
    while k > 0 and not toks[k - 1].strong:
        k -= 1
    return any(toks[j].norm in _CONDITIONALS for j in range(k, i))


@lru_cache(maxsize=16384)
def _stem_set(s: str) -> frozenset[str]:
    """Stems of the words of a name or label, for nisba matching (روسيا ~ الروسية ~ روسي)."""
    out = set()
    for w in _norm(s).split():
        w = w[2:] if w.startswith("ال") and len(w) > 4 else w
        for suffixes in (("يين", "يون", "يه", "ي", "ا", "ه"), ("ي",)):  # تركيا -> تركي -> ترك ~ التركي
            for suf in suffixes:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    w = w[: -len(suf)]
                    break
        if len(w) >= 3:
            out.add(w)
    return frozenset(out)


@cache
def _org_countries() -> dict[str, str]:
    """Government bodies and the country they speak for (``org-white_house`` -> ``gpe-us``)."""
    return {row[0]: f"gpe-{row[1].lower()}" for row in load_tsv("org_countries.tsv", columns=2)}


@lru_cache(maxsize=256)
def _introduced_nisbas(text: str, names: tuple[str, ...]) -> frozenset[str]:
    """Stems of the nisba adjectives in the title before a person's full name anywhere in the article (وزير
    الخارجية السوري وليد المعلم -> سور): later mentions (المعلم) speak for the same country."""
    out: set[str] = set()
    for name in names:
        if _norm(name.split()[0]).removeprefix("ال") in _apposition_words():
            continue  # a title given as an alias (وزير الدفاع الفرنسي), not a name
        for m in re.finditer(re.escape(name), text):
            words = re.findall(r"[^\s.,،:؛\"«»()]+|[.,،:؛\n]", text[max(0, m.start() - 60) : m.start()])
            for w in reversed(words[-3:]):
                if not w[0].isalpha():
                    break
                if _nisba_adjective(_norm(w)):
                    out |= _stem_set(w)
                    break  # the nearest nisba is the person's own (not a counterpart's in وزير X المصري ونظيره)
                if _norm(w).startswith(("و", "نظير")):
                    break
    return frozenset(out)


def _own_side(st: Statement, t: Target, text: str) -> bool:
    sp = st.speaker
    if sp.entity and t.entity == sp.entity:
        return True
    if sp.entity and t.entity == _org_countries().get(sp.entity):
        return True  # البيت الأبيض speaking of الولايات المتحدة: its own country
    if sp.mention is not None and re.fullmatch(r"\s+ل", text[sp.mention.end : t.mention.start]):
        return True  # الأمانة العامة لمنظمة التعاون الإسلامي: the speaker's own organisation, in its phrase
    if sp.organization and t.entity == sp.organization:
        return True
    if t.via == "pronoun" and "بلاد" in _norm(t.mention.text):
        return True
    if t.via == "pronoun" and _norm(t.mention.text).endswith("نا"):
        return True
    speaker_stems: set[str] = set()
    for s in (sp.label, sp.title or "", sp.role or "", sp.organization or "", sp.mention.text if sp.mention else ""):
        speaker_stems |= _stem_set(s)
    if sp.entity and sp.entity.startswith("per-"):
        speaker_stems |= _introduced_nisbas(text, tuple(n for n in (sp.label, *sp.aliases) if len(n.split()) >= 2))
    if not speaker_stems:
        return False
    names = [t.label, *t.aliases]
    for name in names:
        stems = _stem_set(name)
        words = _norm(name).split()
        # a one-word country or city name (روسيا) against a nisba in the speaker's title (الروسية)
        if len(stems) == 1 and stems & speaker_stems and len(words) == 1:
            return True
        # the speaker's own institutions: a government word with the same nisba (الحكومة السورية for
        # وزير الخارجية السوري)
        if 2 <= len(words) <= 3 and words[0].removeprefix("ال") in _OWN_INSTITUTIONS and \
                _stem_set(" ".join(words[1:])) & speaker_stems:
            return True
    return False


def _is_outlet(label: str) -> bool:
    n = _norm(label)
    return any(w in n for w in _OUTLET_WORDS)


def _is_relay(st: Statement, others: tuple[Statement, ...], text: str) -> bool:
    """An agency or outlet passing on words, or a particle framing another speaker's verb in the same sentence."""
    lemma = _norm(st.cue.lemma)
    if _is_outlet(st.speaker.label) and (st.cue.cue_type == "particle" or lemma in _RELAY_VERBS):
        return True
    if st.cue.cue_type != "particle":
        return False
    for o in others:
        if o is st or o.cue.cue_type == "particle":
            continue
        if o.cue.start < st.cue.start and not re.search(r"[.!?؟\n]", text[o.cue.end : st.cue.start]):
            return True
    return False


def _region(doc: Document, st: Statement) -> tuple[int, int]:
    text = doc.article.text
    start = st.cue.start
    end = st.content.end if st.content else st.cue.end
    for t in st.targets:
        start = min(start, t.mention.start)
        end = max(end, t.mention.end)
    if st.content is None:
        m = re.compile(r"[.!?؟\n]").search(text, st.cue.end)
        end = max(end, min(m.end() if m else len(text), st.cue.end + 400))
    return start, end


def _target_index(toks: list[_Tok], t: Target) -> tuple[int, int] | None:
    first = last = None
    for k, tok in enumerate(toks):
        if tok.end > t.mention.start and tok.start < t.mention.end:
            if first is None:
                first = k
            last = k
    if first is None or last is None:
        return None
    return first, last


def _looks_nisba(t: Target) -> bool:
    """A relational adjective naming an actor (الروسية، روسية، الأمريكي), not one of the actor's names."""
    if t.via == "nisba":
        return True
    words = _norm(t.mention.text).split()
    if len(words) != 1:
        return False
    w = words[0]
    label = _norm(t.label)
    if w.endswith(("يه", "يين", "يون")) and not label.endswith(("يه", "يين", "يون")):
        return True  # تركية for تركيا even when the entity lists the nisba among its aliases
    if any(_norm(a) == w for a in (t.label, *t.aliases)):
        return False
    return w.startswith("ال") and w.endswith("ي")


_Occ = tuple[int, int, int, bool]  # first token, last token, target index, is a nisba


def _occurrences(toks: list[_Tok], targets: tuple[Target, ...]) -> list[_Occ]:
    """Every place a target occurs in the statement: its mention, and the other words that name it (its
    one-word label or aliases with clitics, or a nisba of a one-word name: إيران ~ الإيراني)."""
    out: list[_Occ] = []
    names: dict[str, tuple[int, bool]] = {}
    for n, t in enumerate(targets):
        span = _target_index(toks, t)
        if span is not None:
            out.append((span[0], span[1], n, _looks_nisba(t)))
        for name in {t.label, *t.aliases, t.mention.text}:
            words = _norm(name).split()
            if len(words) == 1 and len(words[0]) >= 3 and re.search("[\u0621-\u064a]", words[0]):
                names.setdefault(words[0], (n, name == t.mention.text and _looks_nisba(t)))
                if t.via != "nisba" and name != t.mention.text:
                    for stem in _stem_set(name):
                        names.setdefault("~" + stem, (n, True))
    taken = {k for f, last, _, _ in out for k in range(f, last + 1)}
    for k, tok in enumerate(toks):
        if k in taken or tok.strong or tok.weak:
            continue
        found = None
        for key in _plain_keys(tok.norm):
            if key in names:
                found = names[key]
                break
        if found is None and tok.norm.endswith(("ي", "يه", "يين", "يون")):
            for stem in _stem_set(tok.norm):
                if "~" + stem in names:
                    found = names["~" + stem]
                    break
        if found is not None:
            out.append((k, k, found[0], found[1]))
    out.sort()
    return out


@lru_cache(maxsize=65536)
def _plain_keys(norm: str) -> tuple[str, ...]:
    """A word without its proclitics (وروسيا -> روسيا), longest first."""
    return tuple(k for k, stripped in _candidates(norm) if not stripped) if norm.isalpha() else ()


class _Frame:
    """The tokens of one statement (cue, then content) with every occurrence of its targets."""

    def __init__(self, toks: list[_Tok], targets: tuple[Target, ...]) -> None:
        self.toks = toks
        self.targets = targets
        self.order = _occurrences(toks, targets)
        self._place: dict[int, bool] = {}
        self.hit_starts: frozenset[int] = frozenset()
        self.hit_acts: dict[int, bool] = {}  # hit start -> the hit is an act word
        self.object_in: frozenset[int] = frozenset()  # في tokens that bring a word's object (نثق كل الثقة في X)

    def boundary(self, lo: int, hi: int) -> bool:
        return any(self.toks[k].strong or self.toks[k].weak for k in range(lo, hi))

    def is_place(self, occ: _Occ) -> bool:
        """A name after في or an administrative noun is the scene of an event, not an actor; so is a name
        coordinated with such a place (في محافظات حماة وحمص)."""
        first = occ[0]
        if first in self._place:
            return self._place[first]
        toks = self.toks
        place = any(toks[k].norm in _PLACE_MARKERS and not (k == first - 2 and first - 1 in self.hit_starts)
                    and k not in self.object_in
                    for k in range(max(0, first - 2), first))  # (في ضرب X: the object of an act, not a place)
        # a name right after اتفاق/مؤتمر names a deal or a meeting (اتفاق فيينا، مؤتمر جنيف), not an actor
        place = place or (first > 0 and toks[first - 1].norm.removeprefix("و").removeprefix("ب") in _NAMED_THINGS)
        # (a name may begin with في: فيصل، فيينا, so the preposition counts only as a word of its own)
        place = place or toks[first].norm.startswith(("بمدينه", "بمحافظه")) or toks[first].norm in _PLACE_MARKERS
        if not place and toks[first].norm.startswith("و"):
            for o in self.order:
                if o[1] == first - 1 or (o[1] == first - 2 and not toks[first - 1].norm.isalpha()):
                    place = self.is_place(o)
        self._place[first] = place
        return place

    def adjunct_place(self, occ: _Occ) -> bool:
        """A place introduced by في (an adjunct of the event) rather than named as the object itself."""
        first = occ[0]
        toks = self.toks
        return any(toks[k].norm in ("في", "فى", "فوق", "داخل") for k in range(max(0, first - 3), first)) or \
            (toks[first].norm.startswith("و") and self.is_place(occ))

    def coordinated(self, occ: _Occ, *, skip_place: bool) -> list[int]:
        """Targets coordinated after an occurrence (الحوثي وصالح، مصر وفرنسا، لخادم الحرمين , ونائب خادم الحرمين)."""
        out: list[int] = []
        prev_last = occ[1]
        toks = self.toks
        for o in self.order:
            f2, l2, n2, _ = o
            if f2 <= prev_last:
                continue
            gap = range(prev_last + 1, f2)
            if f2 - prev_last > 4 or any(toks[k].strong for k in gap):
                break
            if self.is_place(o) and self.adjunct_place(o) and not any(toks[k].weak for k in gap):
                prev_last = l2  # تستهدف X في شمال العراق ومسلحين من Y: the place is passed over
                continue
            if any(toks[k].weak for k in gap) and not toks[f2].norm.startswith("و") and not any(
                    toks[k].norm.startswith("و") for k in gap if toks[k].norm.isalpha()):
                break
            if not (toks[f2].norm.startswith("و") or any(toks[k].norm.startswith("و") for k in gap)):
                break
            prev_last = l2
            if skip_place and self.is_place(o):
                continue
            out.append(n2)
        return out


def _counts(tok: _Tok) -> bool:
    return tok.norm.isalpha() and tok.norm not in _TRANSPARENT and not (
        tok.norm.startswith(("ال", "لل")) and tok.norm[2:] in _TRANSPARENT)


# A preposition with a pronoun right after a verb: the verb's object is that pronoun (تندد بها، رحب به).
_PRONOUN_OBJECTS = frozenset({"به", "بها", "بهم", "بهما", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "له", "لها",
                              "لهم", "اليه", "اليها", "اليهم", "عنه", "عنها", "عنهم", "فيه", "فيها", "فيهم", "اياه",
                              "اياها", "اياهم"})


def _victim_complement(toks: list[_Tok], last: int, first: int) -> bool:
    """After a noun object, a preposition (ل، على، ضد، بحق) introduces the one the act was done to."""
    words = [k for k in range(last + 1, first + 1) if toks[k].norm.isalpha()]
    for k in words[1:]:
        n = toks[k].norm
        if n in ("علي", "ضد", "بحق", "بحقه", "لصالح") or (n.startswith("ل") and not n.startswith("ال") and len(n) > 3):
            return True
    return False


def _preposition_between(toks: list[_Tok], last: int, first: int, t: Target) -> bool:
    """A preposition (or ب/ل attached to the name) separates a noun from the name after it."""
    for k in range(last + 1, first + 1):
        tok = toks[k]
        if k == first:
            return tok.start < t.mention.start and tok.text[: t.mention.start - tok.start][-1:] in "بل"
        if tok.norm in ("علي", "الي", "ضد", "في", "من", "عن") or (tok.norm[:1] in "بل" and len(tok.norm) > 3):
            return True
    return False


def _masdar_subject(toks: list[_Tok], hit: _Hit, o: _Occ) -> bool:
    """A verbal noun (after a preposition or with the article) with a name right after it and a ل-phrase after the
    name: the name is the masdar's subject and the ل-phrase its object (رفض مصر لكافة أشكال التدخل، إدانة X للهجوم;
    Wright II §29 on the verbal noun governing its agent in the genitive)."""
    if o[0] != hit.last + 1 or o[1] + 1 >= len(toks):
        return False
    first = toks[hit.first].norm
    masdar = first.startswith(("ال", "بال", "لل", "وال")) or (
        hit.first > 0 and toks[hit.first - 1].norm in ("علي", "الي", "عن", "من", "في", "بعد", "قبل"))
    nxt = toks[o[1] + 1].norm
    return masdar and nxt.isalpha() and len(nxt) > 3 and (nxt.startswith("لل") or (nxt[0] == "ل" and nxt[1] != "ا"))


def _side_noun(norm: str) -> bool:
    """A noun naming a country's side or people (الجانب، للشعب، وبالحكومة) with any clitics."""
    w = norm.removeprefix("و")
    for p in ("لل", "بال", "ال", "ل", "ب"):
        if w.startswith(p) and w[len(p):] in _SIDE_NOUNS:
            return True
    return w in _SIDE_NOUNS


def _uniq(xs: list[int]) -> list[int]:
    return list(dict.fromkeys(xs))


def _resolve(fr: _Frame, hit: _Hit, reach: int) -> list[int]:
    """Indexes of the targets a stance word reaches (GUIDELINES: each target judged on its own)."""
    e = hit.entry
    toks = fr.toks
    names = {k for o in fr.order for k in range(o[0], o[1] + 1)}
    if e.scope in ("obj", "gen"):
        if hit.last + 1 < len(toks) and toks[hit.last + 1].norm in _PRONOUN_OBJECTS:
            return []
        nxt = toks[hit.last + 1].norm if hit.last + 1 < len(toks) else ""
        construct = nxt.isalpha() and len(nxt) > 3 and not nxt.startswith(("و", "ب", "ل", "ال", "ف"))
        if hit.pronoun and e.cls == "speech" and e.polarity < 0 and not nxt.startswith("ل") and not construct:
            return []  # اتهموها: the pronoun is the object (but إدانته للهجوم، رفضه تصريحاتِ X: the one condemning,
            # a masdar whose object follows in construct)
        for o in fr.order:
            first, last, n, nisba = o
            if first <= hit.last <= last and e.scope == "gen":
                return _uniq([n, *fr.coordinated(o, skip_place=True)])
            if first <= hit.last:
                continue
            if fr.boundary(hit.last + 1, first):
                return []
            if e.cls == "speech" and _masdar_subject(toks, hit, o):
                continue  # أكد على رفض مصر لكافة أشكال التدخل: the one rejecting, not the rejected
            if e.polarity < 0 and e.cls == "speech" and any(toks[k].norm == "مع" for k in range(hit.last + 1, first)):
                return []  # منتقدي الاتفاق مع إيران: the partner of the object is not criticised
            if first - hit.last > reach:
                return []
            if any(k in fr.hit_starts and (fr.hit_acts.get(k) is False or e.cls in _ACT_CLASSES)
                   for k in range(hit.last + 1, first)):
                return []  # دان الحكومة واتهموها ...: another stance word governs what follows (an act word, مردّها
                # إلى دعم طهران, is what the word before it is about)
            between = range(hit.last + 1, first)
            if e.cls == "speech" and e.polarity > 0 and any(toks[k].norm == "علي" for k in range(hit.last + 2, first)):
                return []  # الشكر لرؤساء الأندية على دعمهم للهلال: after على comes what they are thanked for
            if any(toks[k].norm in _COMPLEMENTIZERS for k in between):
                return []  # استنكر الادعاءات التي تقول بأن هناك علاقة بين الحكومة وداعش: a reported clause
            if e.cls in _ACT_CLASSES and any(toks[k].norm in _RELATIVES for k in between):
                return []  # الغارات التي يشنها الجيش التركي: the name after the relative is the actor
            if e.cls == "speech" and e.polarity < 0 and _victim_complement(toks, hit.last, first):
                return []  # تدين الحرق المتعمد للرضيع دوابشة: the condemned act is the object, the name its victim
            if any(toks[k].norm in _NEGATORS for k in range(hit.last + 1, first)):
                return []  # الضربات ... ولن تكون هناك قوات روسية: a new negated clause
            if fr.is_place(o) and not (e.cls == "aid" and fr.adjunct_place(o)):  # aid: في اليمن is the beneficiary
                if fr.adjunct_place(o):
                    continue
                return []  # سعادته بتحرير محافظة عدن: the place is the object; a place has no stance
            if e.scope == "gen" and _preposition_between(toks, hit.last, first, fr.targets[n]):
                return []  # العبث بأمن المملكة، تهديد لإسرائيل: the victim, not the actor in construct
            prev = toks[first - 1].norm
            side = _side_noun(prev)  # الجانب الفرنسي، للشعب المصري: the country itself
            if nisba and first - hit.last > 2 and not (prev[:1] in "بل" and len(prev) > 3) and not side:
                continue  # a nisba far from the word qualifies some other noun (but بالجهود الفرنسية: its object)
            nxt = toks[last + 1].norm if last + 1 < len(toks) else ""
            if nisba and e.cls == "speech" and nxt[:1] in "بل" and len(nxt) > 3 and not nxt.startswith("بان") \
                    and not (prev[:1] in "بل" and len(prev) > 3):  # (التهنئة للشعب المصري بـ: the one congratulated)
                continue  # ترحيب القيادة الفلسطينية بالجهود الفرنسية: the nisba names the one who welcomes
            verb = toks[hit.first].norm.removeprefix("و").removeprefix("س")[:1] == "ن" and e.words[0][:1] != "ن"
            if e.cls in _ACT_CLASSES and not verb and (
                    nxt.startswith("لل") or (nxt.startswith("ل") and last + 1 in names) or (
                    nxt.startswith("ل") and len(nxt) > 4 and nxt[1] not in "امت" and first - hit.last == 1)):
                # دعم حكومة الاحتلال للمستوطنين، دعم بلاده لليمن، دعم طهران لنظام الأسد: the masdar's subject, not its
                # object (but لـ before a derived masdar, دعم مصر لمواجهة الإرهاب, says what the support is for)
                continue
            between = range(hit.last + 1, first)
            if e.cls in _ACT_CLASSES and nisba and all(toks[k].norm.endswith(("يه", "ي")) for k in between):
                continue  # الضربات (الجوية) الروسية: the nisba names the actor, not the object
            return _uniq([n, *fr.coordinated(o, skip_place=True)])
        return []
    best: tuple[int, _Occ] | None = None
    for o in fr.order:
        first, last, n, _ = o
        if first <= hit.first <= last or first <= hit.last <= last:
            dist = 0
        elif last < hit.first:
            if fr.boundary(last + 1, hit.first):
                continue
            dist = sum(1 for k in range(last + 1, hit.first) if _counts(toks[k])) + 1
        else:
            if e.scope == "before" or fr.boundary(hit.last + 1, first):
                continue
            dist = sum(1 for k in range(hit.last + 1, first) if _counts(toks[k])) + 1
        if dist > reach or (dist and fr.is_place(o)):
            continue
        if best is None or dist < best[0]:
            best = (dist, o)
    if best is None:
        return []
    return _uniq([best[1][2], *fr.coordinated(best[1], skip_place=True)])


# Nouns of an agreement or declaration (not of talks or meetings, whose parties are neu): welcoming one
# "between X and Y" backs both parties (GUIDELINES: backing X's resolution or framework -> pos).
_PACTS = frozenset({"اتفاق", "اتفاقيه", "اتفاقات", "اتفاقيات", "اعلان", "معاهده", "مصالحه", "تفاهم", "مذكره",
                    "ميثاق", "تسويه"})


def _pact_parties(fr: _Frame, hit: _Hit) -> list[int]:
    """The parties named after بين when a praising word's object is an agreement (رحب [في القاهرة] بنتائج إعلان
    عمّان بين X وY، أشاد بالاتفاق بين X وY)."""
    toks = fr.toks
    for k in range(hit.last + 1, min(len(toks) - 1, hit.last + 9)):
        if toks[k].strong or toks[k].norm in _COMPLEMENTIZERS or (k in fr.hit_starts and k > hit.last + 1):
            return []
        w = toks[k].norm.removeprefix("و")
        w = w[1:] if w[:1] in "بل" and len(w) > 4 else w
        if w.removeprefix("ال") not in _PACTS:
            continue
        j = next((j for j in range(k + 1, min(len(toks), k + 4)) if toks[j].norm == "بين"), None)
        if j is None:
            return []
        after = [o for o in fr.order if j < o[0] <= j + 5 and not fr.is_place(o) and not fr.boundary(j, o[0])]
        return _uniq([after[0][2], *fr.coordinated(after[0], skip_place=True)]) if after else []
    return []


def _bearer_after(fr: _Frame, hit: _Hit) -> list[int]:
    """The one a responsibility is laid on after إلى/على, past what it is the responsibility for, within ten words
    of its clause (حمّلت الهيئة مسؤولية تأجيل البطولة إلى الاتحاد)."""
    toks = fr.toks
    for k in range(hit.last + 1, min(len(toks) - 1, hit.last + 11)):
        if toks[k].strong or toks[k].weak or toks[k].norm in _COMPLEMENTIZERS:
            return []
        if toks[k].norm in ("الي", "علي"):
            after = [o for o in fr.order if o[0] in (k + 1, k + 2) and not fr.is_place(o)]
            return _uniq([after[0][2], *fr.coordinated(after[0], skip_place=True)]) if after else []
    return []


def _calling_before(toks: list[_Tok], i: int) -> bool:
    """A word of calling or inviting (دعا، يدعو، دعوة، وجه الدعوة) within the eight tokens before ``i``."""
    return any(_norm(toks[k].text).lstrip("وف").removeprefix("ال").startswith(("دعا", "دعو", "يدعو", "تدعو"))
               for k in range(max(0, i - 8), i))


def _possessed(toks: list[_Tok], hit: _Hit, e: _Entry) -> bool:
    """An evaluative word about something possessed through a third-person pronoun: an adjective after a
    possessed noun (سياستها العدوانية) or a construct noun carrying the pronoun itself (تدخلها، إرهابه،
    رعايتها للإرهاب)."""
    if hit.pronoun and (e.scope in ("gen", "before") or e.words == ("~gloss",) or (
            e.polarity < 0 and toks[hit.first].norm.endswith(("ها", "هم")))):  # عدوانيتها (but الإرهابية: no pronoun)
        return True
    if e.scope != "attr" or hit.first == 0:
        return False
    prev = toks[hit.first - 1].norm
    return prev.isalpha() and len(prev) > 4 and prev.endswith(("ها", "هم")) and not prev.startswith("ان")


def _possessor(fr: _Frame, hit: _Hit, *, sentence: bool = False, wide: bool = False) -> list[int]:
    """The nearest actor (not a place) before ``hit`` in its clause, within eight words: who the possessive
    pronoun refers back to ("يجب على إيران تغيير سياستها العدوانية" -> إيران); with ``sentence`` (or ``wide``
    when the clause names none) the nearest in the sentence within twenty words, across commas ("الحديث مع
    الحوثيين ... مضيعة للوقت، والعودة لممارسة اعتداءاتهم": a pronoun takes up the last actor named)."""
    toks = fr.toks
    lo = max(_clause_start(toks, hit.first), hit.first - 8)
    best = None
    for o in fr.order:
        if lo <= o[0] and o[1] < hit.first and not fr.is_place(o):
            best = o
    if (best is None and wide) or sentence:
        k = hit.first
        while k > max(0, hit.first - 20) and not toks[k - 1].strong:
            k -= 1
        for o in fr.order:
            if k <= o[0] and o[1] < hit.first and not fr.is_place(o):
                best = o
    return [best[2]] if best is not None else []


# Words that open an adjunct between a speech verb and its object (أدان الوزير، في كلمة متلفزة، صمت ...).
_ADJUNCT_OPENERS = frozenset({"في", "فى", "خلال", "اثناء", "امس", "اليوم", "عبر", "لدي", "عقب", "بمناسبه", "بحضور",
                              "ضمن", "وفي"})


def _relative_agent(fr: _Frame, hit: _Hit) -> list[int]:
    """The subject of a relative clause right after a hostile noun (الانتهاكات التي فعلها الحوثي، الجرائم التي
    يرتكبها النظام السوري): the actor within five words of the relative pronoun, in the same clause."""
    toks = fr.toks
    k = hit.last + 1
    if k + 1 < len(toks) and toks[k].norm.startswith("ال") and toks[k + 1].norm in _RELATIVES:
        k += 1  # الجرائم البشعة التي ...: an adjective between the noun and its relative clause
    if k >= len(toks) or toks[k].norm not in _RELATIVES:
        return []
    for o in fr.order:
        if k < o[0] <= k + 5 and not fr.is_place(o) and not fr.boundary(k, o[0]):
            if any(toks[j].norm in ("له", "لها", "لهم", "علي", "ضد", "بحق") or toks[j].norm.startswith(_SUFFERING)
                   for j in range(k, o[0])):
                return []  # الجرائم التي تعرّض لها الشعب السوري، الاعتداء الذي حصل على X: the one who suffered them
            return [o[2]]
    return []


# Verbs of undergoing and occurring (تعرّض لـ، عانى من، راح ضحيتها، حصل، وقع): their subject is the victim or the
# event, not the actor.
_SUFFERING = ("تعرض", "يتعرض", "تتعرض", "عاني", "يعاني", "تعاني", "راح", "سقط", "حصل", "وقع", "جري", "حدث")


def _past_adjunct(toks: list[_Tok], last: int) -> int | None:
    """The comma that closes an adjunct right after a cue (ثمّنت المقاومة في محافظة إب، جهود ...), or None."""
    j = last + 1
    if j < len(toks) and toks[j].weak:
        j += 1
    if j >= len(toks) or toks[j].norm not in _ADJUNCT_OPENERS:
        return None
    for k in range(j + 1, min(len(toks), j + 10)):
        if toks[k].strong:
            return None
        if toks[k].weak:
            return k
    return None


_FIRST_PERSON = frozenset({"نحن", "اننا", "انا", "فاننا", "واننا", "لاننا", "بلادنا"})


def _first_person(toks: list[_Tok], hit: _Hit) -> bool:
    """Our strikes, we target: the speaker's side does the act (a first-person pronoun or suffix in the clause,
    or the act verb in the first person)."""
    lo = _clause_start(toks, hit.first)
    for k in range(lo, min(len(toks), hit.last + 2)):
        n = toks[k].norm
        if n in _FIRST_PERSON or (len(n) > 4 and n.endswith("نا") and k >= hit.first - 6):
            return True
    return toks[hit.first].norm.startswith(("نست", "سنست", "نع", "سنع"))


def _call_before(toks: list[_Tok], i: int) -> bool:
    """A call or demand earlier in the sentence (أنه طالب بتسليح ...): the acts after it are the speaker's wish."""
    k = i
    while k > 0 and not toks[k - 1].strong:
        k -= 1
        if any(c in _CALL_CUES for c, _ in _candidates(toks[k].norm)):
            return True
    return False


def _agent(fr: _Frame, hit: _Hit, exclude: set[int]) -> int | None:
    """The nearest non-place target before an act word in its clause: who does the act."""
    lo = _clause_start(fr.toks, hit.first)
    best = None
    for o in fr.order:
        first, last, n, _ = o
        if n in exclude or first < lo or last >= hit.first or fr.is_place(o):
            continue
        best = n
    if best is None:
        # an actor adjective right after the act noun (الضربات الروسية، الغارات التركية)
        for first, _last, n, nisba in fr.order:
            if n not in exclude and 0 < first - hit.last <= 2 and nisba:
                return n
    return best


@cache
def _roles() -> tuple[frozenset[str], dict[str, int]]:
    """Role nouns and the qualifiers that judge them (``resources/stance_roles.tsv``): qualifier -> signed weight."""
    nouns: set[str] = set()
    quals: dict[str, int] = {}
    for form, cls, weight in (row[:3] for row in load_tsv("stance_roles.tsv", columns=3)):
        if cls == "role":
            nouns.add(_norm(form))
        elif cls in ("pos", "neg"):
            quals[_norm(form)] = int(weight) * (1 if cls == "pos" else -1)
        else:
            raise ResourceError(f"stance_roles.tsv: unknown class {cls!r} for {form!r} (role, pos or neg)")
    return frozenset(nouns), quals


@lru_cache(maxsize=1 << 15)  # pure in the form; every word of a statement is asked
def _qualifier(norm: str) -> int:
    """The signed weight of a judging adjective in any of its forms (الفاعلة، المحورية، كبيراً، الحثيثة)."""
    quals = _roles()[1]
    w = norm[1:] if norm.startswith("و") and len(norm) > 4 else norm
    w = w[2:] if w.startswith("ال") and len(w) > 4 else w
    for form in (w, w.removesuffix("ا"), w.removesuffix("ه"), w.removesuffix("ين"), w.removesuffix("ون"),
                 w.removesuffix("ات"), w.removesuffix("يه") + "ي", w.removesuffix("ه").removesuffix("ا")):
        if form in quals:
            return quals[form]
    return 0


@lru_cache(maxsize=1 << 15)  # pure in the form; every word of a statement is asked
def _role_noun(norm: str) -> tuple[bool, bool]:
    """(is a role noun, carries a third-person pronoun) for دور، الدور، دوراً، دورها، جهودها، ومواقفها."""
    nouns = _roles()[0]
    w = norm[1:] if norm.startswith(("و", "ف")) and len(norm) > 3 else norm
    if w.startswith(("ب", "ل")) and w.endswith(("ه", "ها", "هم")) and w[1:].removeprefix("ال")[:3] in ("دور", "جهد"):
        return False, False  # بدوره، بدورها "in turn", لدوره: an idiom, not a role
    w = w[1:] if w.startswith(("ب", "ل")) and len(w) > 4 else w
    w = w[2:] if w.startswith("ال") and len(w) > 4 else w
    if w in nouns or w.removesuffix("ا") in nouns:
        return True, False
    for suf in ("ها", "هم", "ه"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns):
                return True, True
    return False, False


# Verbs of playing a role or making an effort (لعب دوراً، أدّى دوراً، اضطلع بدور، قام بدور، بذل جهوداً), any person.
_PLAYING = ("لعب", "يلعب", "تلعب", "ادي", "يودي", "تودي", "اضطلع", "يضطلع", "تضطلع", "يقوم", "تقوم", "قام", "يبذل",
            "تبذل", "بذل")


def _role_judgements(fr: _Frame) -> list[tuple[int, int, _Hit]]:
    """(target, signed weight, hit) for every role noun a judging adjective qualifies, with its actor: the
    target in construct (دور المملكة البارز), the pronoun's possessor (دورها المحوري), the subject of a relative
    clause after it (الدور الفاعل الذي تضطلع به المملكة) or of a verb of playing before it (تلعب مصر دوراً
    رائداً، ما تضطلع به المملكة من دور فاعل)."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i, tok in enumerate(toks):
        if tok.strong or tok.weak or not tok.norm.isalpha():
            continue
        is_role, pronoun = _role_noun(tok.norm)
        if not is_role:
            continue
        occ_after = [o for o in fr.order if i < o[0] <= i + 3]
        q = None
        k = i + 1
        while k < len(toks) and k <= i + 5 and not (toks[k].strong or toks[k].weak):
            inside = any(o[0] <= k <= o[1] for o in occ_after)
            if not inside:
                w = _qualifier(toks[k].norm)
                if w:
                    q = (k, w)
                    break
                if k > i + 1 and not toks[k].norm.startswith(("و", "ال")) and not inside:
                    break  # the role is followed by other words, not its qualifier
            k += 1
        if q is None:
            continue
        k, weight = q
        while k + 1 < len(toks) and _qualifier(toks[k + 1].norm):
            k += 1  # الفاعل والرائد: coordinated qualifiers
        hit = _Hit(i, k, _Entry(("~role",), 1 if weight > 0 else -1, abs(weight), "attr", "eval", False))
        actor: list[int] = [o[2] for o in occ_after if o[0] < q[0] and not fr.is_place(o)][:1]
        if not actor and pronoun:
            actor = _possessor(fr, _Hit(i, i, hit.entry, True))
        if not actor and k + 1 < len(toks) and toks[k + 1].norm == "من":  # المبادرات الإنسانية من حكومة X
            nxt = k + 3 if k + 2 < len(toks) and toks[k + 2].norm == "قبل" else k + 2
            actor = [o[2] for o in fr.order if nxt <= o[0] <= nxt + 2 and not fr.is_place(o)][:1]
        if not actor and k + 1 < len(toks) and toks[k + 1].norm in _RELATIVES:
            actor = [o[2] for o in fr.order if k + 1 < o[0] <= k + 5 and not fr.is_place(o)
                     and not fr.boundary(k + 1, o[0])][:1]
        if not actor:
            # the subject of a verb of playing: right before it (مصر والسعودية تلعبان دوراً) or between it and the
            # role (تلعب مصر دوراً، ما تضطلع به المملكة من دور); a verb with و continues an earlier clause whose
            # subject is not named here (كان مشاركاً لداعش ولعب دوراً).  A size word alone (دوراً كبيراً في ...)
            # needs its actor in construct: what the role was in decides it.
            lo = max(_clause_start(toks, i), i - 5)
            for j in range(lo, i):
                if not toks[j].norm.removeprefix("و").startswith(_PLAYING):
                    continue
                inner = [o for o in fr.order if j < o[0] and o[1] < i and not fr.is_place(o)]
                pre = [o for o in fr.order if o[1] == j - 1 and not fr.is_place(o)]
                if inner and abs(weight) > 1:
                    actor = [inner[0][2]]
                elif pre and not toks[j].norm.startswith("و") and (
                        abs(weight) > 1 or _subject_position(fr, pre[0], -1)):
                    # (a size word, دوراً رئيسياً، with the subject opening the clause before the verb: مصر تلعب)
                    last = pre[0]
                    actor = _uniq([o[2] for o in fr.order if o[1] < j and last[2] in fr.coordinated(o, skip_place=True)]
                                  + [last[2]])
                break
        out += [(n, weight, hit) for n in actor]
    return out


# --- frames over several words (stance4): rejected claims, backed acts, serving interests, agreements ---

@cache
def _claim_words() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The rejected-claims vocabulary (``resources/stance_claims.tsv``), keyed by the normalised first word."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, cls in (row[:2] for row in load_tsv("stance_claims.tsv", columns=2)):
        if cls not in ("claim", "allegation", "label", "false", "deny"):
            raise ResourceError(f"stance_claims.tsv: unknown class {cls!r} for {form!r} "
                                "(claim, allegation, label, false, deny)")
        words = tuple(_norm(w) for w in form.split())
        out.setdefault(words[0], []).append((words, cls))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in out.items()}


def _claim_at(toks: list[_Tok], i: int, classes: tuple[str, ...]) -> tuple[int, str] | None:
    """(last token, class) of a word of the claims frame starting at token ``i`` (تصريحاته، مزاعم، عارية من الصحة)."""
    if not toks[i].norm.isalpha():
        return None
    table = _claim_words()
    for key, _stripped in _candidates(toks[i].norm):
        for words, cls in table.get(key, ()):
            if cls not in classes or i + len(words) > len(toks):
                continue
            if all(w in _keys(toks[i + j].norm) for j, w in enumerate(words[1:], 1)):
                return i + len(words) - 1, cls
    return None


# Prepositions of "about" and "against" after a claim's holder (تصريحات X بشأن Y، مزاعم X ضد Y).
_ABOUT = frozenset({"بشان", "ضد", "حول", "تجاه", "بحق", "عن", "ازاء", "علي", "بخصوص", "نحو"})


def _sentence_end(toks: list[_Tok], i: int) -> int:
    k = i
    while k + 1 < len(toks) and not toks[k + 1].strong:
        k += 1
    return k


def _claims_judgements(fr: _Frame, hits: list[_Hit], own: list[bool]) -> tuple[list[tuple[int, int, _Hit]], set[int]]:
    """Stances from rejected claims, and the hits inside an allegation (not the speaker's words).

    "رفض تصريحات X"، "تصريحات X بشأن Y عارية من الصحة"، "استنكر مزاعم X ضد Y": X neg, Y pos (the speaker disputes
    X's account and defends Y); "X بعيدة عن مزاعم دعمها للإرهاب": the accused X pos, and دعمها للإرهاب is the
    allegation's content, not the speaker's judgement (GUIDELINES: rejecting X's request or disputing X's account).
    """
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    inside: set[int] = set()
    for i in range(len(toks)):
        found = _claim_at(toks, i, ("claim", "allegation", "label"))
        if found is None:
            continue
        cls = found[1]
        end = _sentence_end(toks, i)
        lo = max(_sentence_start(toks, i), i - 12)
        rejected = cls == "allegation" or any(
            lo <= h.last < i and h.entry.cls == "speech" and h.entry.polarity < 0 and not _negated(toks, h.first)
            for h in hits)
        denied = any(_claim_at(toks, k, ("deny",)) and not _negated(toks, k) for k in range(max(lo, i - 4), i))
        pronoun = toks[i].norm.endswith(("ه", "ها", "هم")) and not any(
            k in _claim_words() for k in _plain_keys(toks[i].norm))
        label = cls == "label"  # وصف X بـ: the target right after is the one described, not the speaker of it
        holder: _Occ | None = None
        if not pronoun and not label:
            # (a title's nisba, تصريحات وزير الخارجية القطري, names the person, not the country: neu)
            holder = next((o for o in fr.order if i < o[0] <= i + 3 and not fr.is_place(o) and not o[3]
                           and not fr.boundary(i + 1, o[0])
                           and not (_after_title(toks, o[0]) and fr.targets[o[2]].via == "description")
                           and not any(toks[k].norm in _ABOUT for k in range(i + 1, o[0]))), None)
        holder_n = holder[2] if holder is not None else None
        if pronoun:
            got = _possessor(fr, _Hit(i, i, _CLAIM_ENTRY, True), wide=True)
            # (or the last actor named earlier in the sentence: إن المالكي يريد ... مما يجعل تصريحاته غير منطقية)
            got = got or [o[2] for o in fr.order if _sentence_start(toks, i) <= o[0] and o[1] < i
                          and not fr.is_place(o)][-1:]
            holder_n = got[0] if got else None
        after = holder[1] if holder is not None else i
        about: list[int] = []
        last = after
        for o in fr.order:
            if o[0] <= after or o[0] > min(end, after + 7) or fr.is_place(o) or o[2] == holder_n:
                continue
            t = fr.targets[o[2]]
            if toks[o[0] - 1].norm in _ABOUT or toks[o[0]].norm.startswith("لل") or (
                    t.mention.start > toks[o[0]].start and toks[o[0]].norm[:1] in "لب"):
                about = _uniq([o[2], *fr.coordinated(o, skip_place=True)])
                last = o[1]
                break
        false_at = next((k for k in range(after + 1, min(end, after + 12) + 1)
                         if _claim_at(toks, k, ("false",)) and not _negated(toks, k)), None)
        rejected = rejected or false_at is not None
        accused: list[int] = []
        if holder is None and not pronoun and i + 1 < len(toks):
            nxt = toks[i + 1]
            if nxt.norm.isalpha() and len(nxt.norm) > 4 and nxt.norm.endswith(("ها", "هم", "ه")):
                accused = _possessor(fr, _Hit(i + 1, i + 1, _CLAIM_ENTRY, True), wide=True)  # مزاعم دعمها للإرهاب
            elif label or toks[i + 1].norm.removeprefix("ال") not in _apposition_words():
                accused = [o[2] for o in fr.order if i + 2 - label <= o[0] <= i + 3 and not fr.is_place(o)
                           and not o[3]][:1]
        if not (rejected or denied):
            continue
        stop = last if about else min(end, i + 4)
        inside |= {h.first for h in hits if i < h.first <= stop and h.first not in _hit_speech_neg(hits)}
        # the rejection word right before the claim noun: its object is the claim, whose holder and subject
        # this frame judges (رفض مزاعم دعم المملكة: the kingdom is defended, not rejected)
        inside |= {h.first for h in hits if 0 < i - h.last <= 2 and h.entry.cls == "speech" and h.entry.polarity < 0}
        hit = _Hit(i, found[0], _CLAIM_ENTRY)
        if holder_n is not None and not own[holder_n]:
            out.append((holder_n, -3, hit))
        for n in about + accused:
            if n != holder_n:
                out.append((n, 3, hit))  # (outweighs a rejection word reaching past the holder: رفض تصريحات X لـY)
    return out, inside


def _after_title(toks: list[_Tok], first: int) -> bool:
    """A name right after a title word (وزير الخارجية القطري): the person's title, not the actor itself."""
    return first > 0 and toks[first - 1].norm.removeprefix("ال") in _apposition_words()


_CLAIM_ENTRY = _Entry(("~claim",), -1, 3, "obj", "speech", False)


def _hit_speech_neg(hits: list[_Hit]) -> set[int]:
    return {h.first for h in hits if h.entry.cls == "speech" and h.entry.polarity < 0}


def _sentence_start(toks: list[_Tok], i: int) -> int:
    k = i
    while k > 0 and not toks[k - 1].strong:
        k -= 1
    return k


_OBLIQUE = frozenset({"من", "الي", "مع", "عن", "علي", "لدي", "(", "«"})


def _own_possessed(fr: _Frame, h: _Hit, own: list[bool]) -> bool:
    """An act word after a noun whose pronoun names the speaker's side (تركيا طلبت ... لبحث عملياتها ضد X, said by
    Ankara): the pronoun takes up the last subject before it, passing over prepositional objects (من حلف الناتو)."""
    toks = fr.toks
    k = next((k for k in range(h.first - 1, max(-1, h.first - 3), -1)
              if toks[k].norm.isalpha() and len(toks[k].norm) > 4 and toks[k].norm.endswith(("ها", "هم", "ه"))), None)
    if k is None:
        return False
    lo = _sentence_start(toks, k)
    subj = [o for o in fr.order if lo <= o[0] and o[1] < k and not fr.is_place(o)
            and toks[o[0] - 1].text not in _OBLIQUE and toks[o[0] - 1].norm not in _OBLIQUE]
    return bool(subj) and own[subj[-1][2]]


def _backed(toks: list[_Tok], hits: list[_Hit], h: _Hit) -> bool:
    """An act the speaker welcomes, backs or defends the right to (رحّب بالهجمات على X، دافع عن حق Y في ضرب X):
    the speaker's attitude, as if the speaker's side acted (GUIDELINES: backing X's action)."""
    for g in hits:
        if g.entry.cls == "speech" and g.entry.polarity > 0 and g.last < h.first and h.first - g.last <= 2 \
                and not _negated(toks, g.first):
            return True
    haq = [k for k in range(max(0, h.first - 5), h.first - 1)
           if toks[k].norm.removeprefix("و").removeprefix("ب") in ("حق", "الحق")]
    # (لم يدافع عن حق X في ضرب Y: a negator anywhere in the clause before the right withdraws the backing)
    return h.first >= 2 and toks[h.first - 1].norm == "في" and bool(haq) and not any(
        toks[k].norm in _NEGATORS for k in range(_clause_start(toks, haq[0]), haq[0]))


# Verbs of serving and nouns of interests: "مواقفه تخدم مصالح إيران" accuses both the one served and the servant
# (a standard accusation of Arabic political commentary: يخدم أجندات خارجية).
_SERVING = frozenset({"يخدم", "تخدم", "خدمه", "لخدمه", "يخدمان", "تخدمان"})
_INTERESTS = frozenset({"مصالح", "مصلحه", "اجنده", "اجندات", "اهداف", "مخططات", "اطماع"})
_SHARED_GOODS = frozenset({"الشعب", "شعب", "الشعبين", "البلدين", "الطرفين", "المشتركه", "العليا", "الوطنيه", "الجميع"})


def _serving_judgements(fr: _Frame, own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """Targets accused of being served by, or of serving, foreign interests: neg (unless the speaker's own)."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i in range(len(toks) - 2):
        if toks[i].norm.removeprefix("و") not in _SERVING or _negated(toks, i) or _conditional(toks, i):
            continue
        j = i + 1
        if toks[j].norm.removeprefix("ال") not in _INTERESTS or toks[j + 1].norm in _SHARED_GOODS:
            continue
        hit = _Hit(i, j, _SERVE_ENTRY)
        served = next((o for o in fr.order if j < o[0] <= j + 2 and not fr.is_place(o)), None)
        if served is None or own[served[2]]:
            continue
        who = [served[2], *fr.coordinated(served, skip_place=True)]
        if i > 0 and toks[i - 1].norm.endswith(("ه", "ها", "هم")) and len(toks[i - 1].norm) > 4:
            who += _possessor(fr, _Hit(i - 1, i - 1, _SERVE_ENTRY, True), wide=True)  # مواقفه تخدم
        else:
            lo = max(_clause_start(toks, i), i - 6)
            who += [o[2] for o in fr.order if lo <= o[0] and o[1] < i and not fr.is_place(o)][-1:]
        out += [(n, -2, hit) for n in _uniq(who) if not own[n]]
    return out


_SERVE_ENTRY = _Entry(("~serve",), -1, 2, "obj", "eval", False)

# Verbs of agreeing on cooperation (اتفقا على تعاون وثيق): the parties are partners in declared cooperation.
_AGREE = frozenset({"اتفقا", "اتفقوا", "اتفق", "اتفقت", "يتفقان", "تتفقان", "اتفقتا"})
_COOP_WORDS = ("تعاون", "التعاون", "تنسيق", "التنسيق", "تعزيز", "شراكه", "العمل")


def _agreement_judgements(fr: _Frame, own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """The parties named before a verb of agreeing on cooperation: pos (GUIDELINES: partner in declared cooperation)."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i, tok in enumerate(toks):
        if tok.norm.removeprefix("و") not in _AGREE or _negated(toks, i) or _conditional(toks, i):
            continue
        rest = [k for k in range(i + 1, min(len(toks), i + 4)) if toks[k].norm not in _PHRASE_ADVERBS]
        if len(rest) < 2 or toks[rest[0]].norm != "علي" or not toks[rest[1]].norm.startswith(_COOP_WORDS):
            continue
        hit = _Hit(i, rest[1], _Entry(("~agree",), 1, 2, "before", "coop", False))
        lo = _clause_start(toks, i)
        first = next((o for o in fr.order if lo <= o[0] and o[1] < i and not fr.is_place(o)), None)
        if first is None:
            continue
        parties = _uniq([first[2], *fr.coordinated(first, skip_place=True)])
        # the first-named party is the host or the speaker's principal in protocol reporting (ميركل وداود أوغلو
        # اتفقا، said by Berlin's spokesman): only the partners after it are judged
        out += [(n, 2, hit) for n in parties[1:] if not own[n]]
    return out


# Masdars of spreading and enabling (انتشار، تمدد، تسهيل): a role "in" them is a share in the harm of their object
# (يلعب دوراً في انتشار داعش، الدور الذي لعبه X في تسهيل المهمة على Y).
_HARMS = frozenset({"انتشار", "تمدد", "تسهيل", "صعود", "تغلغل", "ظهور", "نشوء", "تاجيج", "اشعال", "تمكين", "تقويه"})
# Verbs of overlooking and denying: negated, they affirm what follows (لا يغفل أحد الدور، لا ينكر أحد).
_OVERLOOK = ("يغفل", "تغفل", "ينكر", "تنكر", "يخفي", "تخفي", "يجهل")


def _harmful_role_judgements(fr: _Frame, own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """The actor whose role is in spreading or enabling another actor, and that actor: both neg."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i, tok in enumerate(toks):
        if not _role_noun(tok.norm)[0] or _conditional(toks, i):
            continue
        lo = max(_clause_start(toks, i), i - 3)
        if any(toks[k].norm in _NEGATORS and not (k + 1 < len(toks) and toks[k + 1].norm.startswith(_OVERLOOK))
               for k in range(lo, i)):
            continue
        k = next((k for k in range(i + 1, min(len(toks) - 1, i + 9)) if toks[k].strong or (
            toks[k].norm == "في" and toks[k + 1].norm.removeprefix("ال") in _HARMS)), None)
        if k is None or toks[k].strong:
            continue
        hit = _Hit(i, k + 1, _Entry(("~harm",), -1, 2, "obj", "eval", False))
        actor = [o[2] for o in fr.order if i < o[0] and o[1] < k and not fr.is_place(o)][:1]
        if not actor:
            start = max(_clause_start(toks, i), i - 6)
            actor = [o[2] for o in fr.order if start <= o[0] and o[1] < i and not fr.is_place(o)][-1:]
        obj = [o[2] for o in fr.order if k + 2 <= o[0] <= k + 6 and (o[0] - 2 <= k or not fr.is_place(o))
               and not fr.boundary(k + 1, o[0])][:1]  # (في انتشار X: the في of the role, not of a place)
        if not obj:
            continue
        out += [(n, -2, hit) for n in _uniq(actor + obj) if not own[n]]
    return out


# Terrorism and extremism as an abstract object of a fight (تتصدى للإرهاب، ضد الإرهاب والتطرف).
_TERROR = ("ارهاب", "الارهاب", "للارهاب", "والارهاب", "تطرف", "التطرف", "للتطرف", "الجماعات الارهابيه",
           "التنظيمات الارهابيه", "التنظيمات المتطرفه")


def _terror_fight_judgements(fr: _Frame, hits: list[_Hit], own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """An actor the speaker presents as fighting terrorism itself (المملكة تتصدى بقوة للإرهاب، تقف صداً منيعاً ضد
    الإرهاب): pos, the praise Gulf commentary gives such a fight (the speaker's own side stays neu)."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for h in hits:
        if h.entry.cls != "act" or h.entry.polarity > 0 or _negated(toks, h.first) or _conditional(toks, h.first):
            continue
        nxt = [k for k in range(h.last + 1, min(len(toks), h.last + 4)) if toks[k].norm not in _PHRASE_ADVERBS][:2]
        words = " ".join(toks[k].norm for k in nxt)
        if not nxt or not (toks[nxt[0]].norm in _TERROR or words in _TERROR):
            continue
        prev = toks[h.first - 1].norm if h.first else ""
        if len(prev) > 4 and prev.endswith(("ه", "ها", "هم")) \
                and not any(o[0] <= h.first - 1 <= o[1] for o in fr.order):
            continue  # نضاله ضد الإرهاب: the fighter is the pronoun's referent, not the name before it
        ag = _agent(fr, h, set())
        occ = [o for o in fr.order if o[2] == ag and o[1] < h.first]
        if ag is None or own[ag] or not occ or toks[occ[-1][0] - 1].norm in _OBLIQUE \
                or toks[occ[-1][0] - 1].norm.startswith("لل"):
            continue  # the fighter is the clause's subject, not a prepositional object (الدعم للشعب السوري)
        out.append((ag, 2, h))
    return out


# --- evaluative predicates (stance5): the actor judged by what it is said to do or be ---

@cache
def _predicates() -> dict[str, tuple[tuple[tuple[str, ...], int, bool], ...]]:
    """``resources/stance_predicates.tsv`` keyed by the first word: ((words, signed weight, is a verb), ...),
    longest first."""
    out: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for form, pol, weight, kind in (row[:4] for row in load_tsv("stance_predicates.tsv", columns=4)):
        if pol not in ("pos", "neg") or kind not in ("verb", "adj") or not weight.isdigit():
            raise ResourceError(f"stance_predicates.tsv: bad row {form!r} (polarity pos|neg, weight, kind verb|adj)")
        words = tuple(_norm(w) for w in form.split())
        out.setdefault(words[0], []).append((words, int(weight) * (1 if pol == "pos" else -1), kind == "verb"))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in out.items()}


def _word_is(norm: str, w: str) -> bool:
    """A later word of a predicate phrase: as written, with its clitics or endings, or without a tanween alef."""
    return w in _keys(norm) or norm.removesuffix("ا") == w.removesuffix("ا")


# Adverbs and particles between a subject and its predicate (مصر قد نجحت، الحكومة بالفعل فشلت).
# Copulas and verbs of considering before a nominal predicate (مصر تعد مصدر جذب، باتت X عقبة أمام) pass too.
_PRED_FILLERS = frozenset({"قد", "لقد", "فقد", "بالفعل", "فعلا", "ايضا", "كذلك", "دائما", "حقا", "اليوم", "حاليا",
                           "تعد", "يعد", "تعتبر", "يعتبر", "باتت", "بات", "اصبحت", "اصبح", "كانت", "كان", "تظل",
                           "يظل", "مازالت", "مازال", "لاتزال", "لايزال"})
_QUOTES = frozenset('"«»“”\'')


def _subject_position(fr: _Frame, occ: _Occ, cue_last: int) -> bool:
    """The occurrence opens its clause: at a clause start, after a complementizer (أن، إن، بأن), a quotation mark
    or the cue itself, possibly after coordinated names before it (مصر والسعودية نجحتا)."""
    toks = fr.toks
    first = occ[0]
    for o in reversed(fr.order):
        if o[1] < first and first - o[1] <= 2 and toks[first].norm.startswith("و") \
                and not fr.boundary(o[1] + 1, first):
            first = o[0]  # a coordinated subject: its first conjunct decides
    if first == 0 or first <= cue_last + 1 or toks[first - 1].strong or toks[first - 1].weak:
        return True
    prev = toks[first - 1]
    return prev.norm in _COMPLEMENTIZERS or prev.text in _QUOTES or prev.norm in ("كما", "ولكن", "لكن")


def _predicate_judgements(fr: _Frame, own: list[bool], cue_last: int) -> list[tuple[int, int, _Hit]]:
    """(target, signed weight, hit) for every target that is the subject of an evaluative predicate: before it in
    its clause (مصر حققت نجاحاً، إن الحكومة عاجزة عن) or right after a verb opening the clause (نجحت اللجنة في،
    فشلت الحكومة في): pos / neg (GUIDELINES: praises; criticises, blames); the speaker's own side stays neu."""
    toks = fr.toks
    lex = _predicates()
    out: list[tuple[int, int, _Hit]] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        w = tok.norm[1:] if tok.norm[:1] in "وف" and tok.norm[1:] in lex and tok.norm not in lex else tok.norm
        found = None
        for words, weight, verb in lex.get(w, ()) if tok.norm.isalpha() else ():
            j, ok = i, True
            for word in words[1:]:
                j += 1
                if j >= len(toks) or not _word_is(toks[j].norm, word):
                    ok = False
                    break
            if ok:
                found = (j, weight, verb, words)
                break
            if verb and len(words) > 1:
                found = (i, weight, verb, words)  # نجحت/عجزت [X] عن: the subject between the verb and the rest
                break
        if found is None or any(o[0] <= i <= o[1] for o in fr.order):
            i += 1
            continue
        last, weight, verb, words = found
        if _conditional(toks, i) or _denied(toks, i):
            i = last + 1
            continue
        if _negated(toks, i):
            if weight < 0:
                i = last + 1
                continue  # لم تفشل: no judgement
            weight = -weight  # لم تنجح، غير قادرة: a failure
        hit = _Hit(i, last, _Entry(("~pred",), 1 if weight > 0 else -1, abs(weight), "before", "eval", False))
        subj: _Occ | None = None
        k = i - 1
        while k >= 0 and toks[k].norm in _PRED_FILLERS | _NEGATORS:
            k -= 1
        before = [o for o in fr.order if o[1] == k and not fr.is_place(o) and not o[3]]
        if before and _subject_position(fr, before[0], cue_last) and len(words) == last - i + 1:
            subj = before[0]
            group = _uniq([o[2] for o in fr.order if o[1] < subj[0] and subj[2] in fr.coordinated(o, skip_place=True)]
                          + [subj[2]])
        elif verb and (i <= cue_last + 1 or tok.norm[:1] in "وف" or toks[i - 1].strong or toks[i - 1].weak
                       or toks[i - 1].norm in _COMPLEMENTIZERS | _PRED_FILLERS or toks[i - 1].text in _QUOTES):
            after = [o for o in fr.order if o[0] == i + 1 and not fr.is_place(o) and not o[3]]
            if after:
                subj = after[0]
                rest, j = list(words[1:]), subj[1] + 1
                while rest and j < len(toks) and j <= subj[1] + 5 and not toks[j].strong:
                    if _word_is(toks[j].norm, rest[0]):
                        rest.pop(0)
                    j += 1
                if rest:
                    subj = None  # نجحت اللجنة في / حققت مصر نجاحاً: the rest of the phrase after the subject
                else:
                    hit = replace(hit, last=j - 1)
                group = _uniq([subj[2], *fr.coordinated(subj, skip_place=True)]) if subj else []
        if subj is not None:
            out += [(n, weight, hit) for n in group if not own[n]]
        i = last + 1
    return out


# Phrases that name members of a group just described (الجماعات المتطرفة، ومن بينها X؛ بما فيها X؛ وعلى رأسها X).
_MEMBER_OPENERS = (("ومن", "بينها"), ("من", "بينها"), ("ومن", "بينهم"), ("من", "بينهم"), ("بما", "فيها"),
                   ("بما", "فيهم"), ("وعلي", "راسها"), ("علي", "راسها"), ("وفي", "مقدمتها"), ("في", "مقدمتها"),
                   ("ومنها",), ("ومنهم",), ("خاصه",), ("وخاصه",), ("لاسيما",), ("ولاسيما",))


def _member_judgements(fr: _Frame, hits: list[_Hit], own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """A target named as a member of a group an adjective has just evaluated, with no other actor between
    (الجماعات المتطرفة التي ...، ومن بينها X): the group's evaluation (GUIDELINES: presenting X as a threat); a
    noun whose actor is in construct (الحصار في المحافظات ومن بينها X) passes nothing to the list."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for o in fr.order:
        if fr.is_place(o) or own[o[2]]:
            continue
        k = o[0]
        opener = next((op for op in _MEMBER_OPENERS if k >= len(op)
                       and tuple(toks[j].norm for j in range(k - len(op), k)) == op), None)
        if opener is None:
            continue
        start = k - len(opener)
        lo = max(_sentence_start(toks, start), start - 14)
        evals = [h for h in hits if lo <= h.first and h.last < start and h.entry.cls == "eval"
                 and h.entry.scope == "attr" and not _negated(toks, h.first) and not _conditional(toks, h.first)]
        if not evals:
            continue
        h = evals[-1]
        if any(h.last < p[0] and p[1] < start for p in fr.order):
            continue  # an actor between the evaluation and the list is what it is about
        out.append((o[2], h.entry.polarity * h.entry.weight, h))
    return out


# Masdars of stopping, withdrawing, releasing and apologising: a call on X to do them presumes X did wrong
# (طالب X بوقف الهجمات، دعا X إلى الانسحاب من، حث X على الإفراج عن، طالبه بالاعتذار).
_STOP_MASDARS = frozenset({"وقف", "ايقاف", "الكف", "كف", "التوقف", "توقف", "الانسحاب", "انسحاب", "انهاء", "الافراج",
                           "افراج", "الاعتذار", "اعتذار", "التخلي", "تخلي", "الامتناع", "امتناع"})


def _stop_call_judgements(fr: _Frame, own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """The one called on to stop, withdraw, release or apologise: neg (GUIDELINES: a call on X is neu unless it
    presumes X did wrong).  The call word (طالب، دعا، حث، ناشد) comes first, X right after it (or after على),
    then the masdar with ب، إلى or على."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i, tok in enumerate(toks):
        if not tok.norm.isalpha() or not any(c in _CALL_CUES for c, _ in _candidates(tok.norm)):
            continue
        if _negated(toks, i) or _conditional(toks, i):
            continue
        j = i + 1
        while j < len(toks) and toks[j].norm in _PHRASE_ADVERBS | _TIME_ADVERBS | {"فيها", "فيه", "علي"}:
            j += 1
        occ = next((o for o in fr.order if o[0] == j and not fr.is_place(o)), None)
        if occ is None:
            continue
        k = occ[1] + 1
        if k < len(toks) and toks[k].norm in ("الي", "علي"):
            k += 1
        if k >= len(toks):
            continue
        w = toks[k].norm
        w = w[1:] if w[:1] == "ب" and len(w) > 3 else w
        if w not in _STOP_MASDARS and w.removeprefix("ال") not in _STOP_MASDARS:
            continue
        hit = _Hit(i, k, _Entry(("~stop",), -1, 2, "obj", "speech", False))
        out += [(n, -2, hit) for n in _uniq([occ[2], *fr.coordinated(occ, skip_place=True)]) if not own[n]]
    return out


# --- strikes said to hit civilians or to miss the enemy, requests defied (accusations by the facts said) ---

_STRIKES = frozenset(_norm(w) for w in (
    "ضربات الضربات ضربة الضربة غارات الغارات غارة الغارة قصف القصف هجمات الهجمات").split())
_TARGETING = frozenset(_norm(w) for w in "تستهدف يستهدف تستهدفان استهدفت استهدف تضرب يضرب".split())
_CIVILIANS = frozenset(_norm(w) for w in "مدنيين المدنيين مدنيون المدنيون مدنيا مدنياً".split())
_DESPITE = frozenset(_norm(w) for w in "رغم برغم بالرغم".split())
_REQUESTS = frozenset(_norm(w) for w in (
    "طلب الطلب طلبات الطلبات مطالب المطالب مطالبة مطالبات دعوة دعوات تحذير تحذيرات").split())


def _strike_judgements(fr: _Frame, own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """The attacker whose strikes, the speaker says, did not target the enemy they claim to fight or hit
    civilians: neg (GUIDELINES: accusing X; the attacker the speaker condemns).  The attacker follows the strike
    noun as its nisba or genitive: "الضربات الروسية ... لم تستهدف مناطق داعش"، "كل الأهداف في الغارة الروسية كانت
    مدنيين"، "الضربات ... تهدف لدعم الأسد باستهدافها المعارضة وليس مقاتلي داعش".  The speaker's own strikes and a
    conditional are left alone."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i, tok in enumerate(toks):
        if tok.norm not in _STRIKES or _conditional(toks, i):
            continue
        occ = next((o for o in fr.order if i < o[0] <= i + 3 and not fr.is_place(o)
                    and not fr.boundary(i + 1, o[0])), None)
        if occ is None or own[occ[2]]:
            continue
        end = min(_sentence_end(toks, i) + 1, occ[1] + 30)
        accused = False
        for k in range(occ[1] + 1, end):
            w = toks[k].norm
            if (w in _TARGETING and toks[k - 1].norm in ("لم", "لا", "لن", "ولم", "ولا")) or w in _CIVILIANS:
                accused = True
            elif w in ("وليس", "ليس") and any(k < o[0] <= k + 4 for o in fr.order):
                accused = True  # تستهدف المعارضة وليس مقاتلي داعش
            if accused:
                break
        if accused:
            out.append((occ[2], -2, _Hit(i, occ[1], _Entry(("~strike",), -1, 2, "obj", "eval", False))))
    return out


def _defied_request_judgements(fr: _Frame, own: list[bool]) -> list[tuple[int, int, _Hit]]:
    """The actor whose request the speaker's side goes on defying: "سيظل يحلق ... على رغم الطلب الروسي"، "رغم
    مطالب X": neg (GUIDELINES: rejecting X's request → neg)."""
    toks = fr.toks
    out: list[tuple[int, int, _Hit]] = []
    for i, tok in enumerate(toks):
        if tok.norm not in _DESPITE:
            continue
        j = i + 1
        if j < len(toks) and toks[j].norm == "من":
            j += 1  # بالرغم من
        if j >= len(toks) or (toks[j].norm.removeprefix("ال") not in _REQUESTS and toks[j].norm not in _REQUESTS):
            continue
        occ = next((o for o in fr.order if j < o[0] <= j + 2 and not fr.is_place(o)), None)
        if occ is None or own[occ[2]]:
            continue
        out.append((occ[2], -2, _Hit(i, occ[1], _Entry(("~defied",), -1, 2, "obj", "eval", False))))
    return out


@cache
def _apposition_words() -> frozenset[str]:
    """Title and role words (``titles.tsv``, ``person_titles.tsv``) that open a speaker's apposition."""
    words = {_norm(row[1]).removeprefix("ال") for row in load_tsv("titles.tsv", columns=2)
             if row[0] in ("title", "role")}
    words |= {_norm(row[0]).removeprefix("ال") for row in load_tsv("person_titles.tsv", columns=2)}
    return frozenset(w for w in words if w)


def _past_apposition(toks: list[_Tok], last: int) -> int | None:
    """The comma closing the speaker's apposition right after a cue (رفض السفير، مساعد وزير الخارجية الأسبق، X):
    up to two title segments, each opened by a title word and closed by a comma."""
    j = last + 1
    past = None
    for _ in range(2):
        if j < len(toks) and toks[j].weak:
            j += 1
        if j >= len(toks) or toks[j].norm.removeprefix("و").removeprefix("ال") not in _apposition_words():
            break
        k = next((k for k in range(j + 1, min(len(toks), j + 8)) if toks[k].strong or toks[k].weak), None)
        if k is None or toks[k].strong:
            break
        past, j = k, k + 1
    return past


def _hostile(norm: str) -> bool:
    """A word the lexicon lists as a hostile description (الإرهاب، الميليشيات، العدوان)."""
    return any(e.polarity < 0 and e.cls == "eval" for e in _lookup(norm))


def _giver(fr: _Frame, hit: _Hit, reached: list[int]) -> int | None:
    """Who gives the support a hit names to the speaker's side: a nisba right after it (الدعم الإيراني), the
    subject of a relative clause after it (الدعم الذي تقدمه طهران), or the actor before it in its clause
    (إيران قدّمت كل أشكال الدعم)."""
    toks = fr.toks
    for o in fr.order:
        first, _last, n, nisba = o
        if n in reached or fr.is_place(o):
            continue
        if nisba and 0 < first - hit.last <= 2:
            return n
        if 0 < first - hit.last <= 6 and any(toks[k].norm in _RELATIVES for k in range(hit.last + 1, first)) \
                and not fr.boundary(hit.last + 1, first):
            return n
    return _agent(fr, hit, set(reached))


def _statement_tokens(doc: Document, st: Statement) -> list[_Tok]:
    """The cue's tokens followed by the content's, without the speaker phrase between them (so that the
    cue's object is adjacent to it: ثمّن [هادي خلال اللقاء] مواقف الصين)."""
    text = doc.article.text
    _, hi = _region(doc, st)
    toks = _tokens(text, st.cue.start, st.cue.end)
    c_lo = st.content.start if st.content else st.cue.end
    if st.cue.end < c_lo < st.cue.end + 300:
        c_lo = st.cue.end  # the words between the cue and the content (إنهم، في بيان) minus the speaker phrase
    c_hi = hi
    body = _tokens(text, c_lo, c_hi)
    sp = st.speaker.mention
    if sp is not None:
        body = [t for t in body if not (t.start < sp.end and t.end > sp.start)]
    # targets outside the content (a headline's speaker line) still need their tokens
    extra = []
    for t in st.targets:
        if not (c_lo <= t.mention.start < c_hi) and not (st.cue.start <= t.mention.start < st.cue.end):
            extra += _tokens(text, t.mention.start, t.mention.end)
    out = sorted({(t.start, t.end): t for t in toks + body + extra}.values(), key=lambda t: t.start)
    return out


def _judge(doc: Document, st: Statement, relay: bool, gloss: dict[int, str],
           lemmas: dict[int, tuple[str, bool]]) -> Statement:
    if not st.targets:
        return st
    if relay:
        return replace(st, targets=tuple(replace(t, stance="neu", evidence=None) for t in st.targets))
    text = doc.article.text
    toks = _statement_tokens(doc, st)
    fr = _Frame(toks, st.targets)
    own = [_own_side(st, t, text) for t in st.targets]
    cue_forms = {_norm(st.cue.lemma)}
    if st.cue.text.split():
        w = _norm(st.cue.text.split()[0])
        cue_forms |= {w, w[1:] if w.startswith(("و", "ف")) and len(w) > 3 else w}
    is_call = bool(cue_forms & _CALL_CUES)
    is_describe = bool(cue_forms & _DESCRIBE_CUES)
    names = [t.mention for t in st.targets]
    if st.speaker.mention is not None:
        names.append(st.speaker.mention)

    hits: list[_Hit] = []
    i = 0
    while i < len(toks):
        h = _match(toks, i, lemmas) or _gloss_hit(toks, i, gloss)
        if h is not None and (h.entry.cls in ("speech", "act", "aid", "pray") or h.entry.words == ("~gloss",)) and any(
                toks[i].start < m.end and toks[i].end > m.start for m in names):
            h = None  # a name that looks like a word (شكري، نصر)
        if h is not None:
            hits.append(h)
            i = h.last + 1
        else:
            i += 1

    fr.hit_starts = frozenset(h.first for h in hits)
    fr.object_in = frozenset(k for h in hits if h.entry.words[0] in _TRUST for k in range(h.last + 1, h.last + 4)
                             if k < len(toks) and toks[k].norm in ("في", "فى"))
    claims, inside = _claims_judgements(fr, hits, own)
    hits = [h for h in hits if h.first not in inside]  # مزاعم دعمها للإرهاب: the allegation's words, not the speaker's
    fr.hit_starts = frozenset(h.first for h in hits)
    fr.hit_acts = {h.first: h.entry.cls in _ACT_CLASSES for h in hits}
    score = [0.0] * len(st.targets)
    evidence: list[tuple[float, Span] | None] = [None] * len(st.targets)

    def add(n: int, value: float, h: _Hit) -> None:
        score[n] += value
        start = toks[h.first].start
        first = toks[h.first].text
        if first[:1] in "وف" and len(first) > 3 and not h.entry.words[0].startswith(_norm(first[:1])):
            start += 1  # the evidence is the word, without the conjunction (وأدان -> أدان)
        span = Span.of(text, start, toks[h.last].end)
        old = evidence[n]
        if old is None or abs(value) > abs(old[0]):
            evidence[n] = (value, span)

    first_target = next((o[2] for o in fr.order if not fr.is_place(o)), None)
    cue_last = max((k for k, t in enumerate(toks) if t.start < st.cue.end), default=-1)
    # first pass: speech and evaluation words; second pass: acts, which need to know who is praised
    for phase in ("words", "acts"):
        for h in hits:
            e = h.entry
            if (e.cls in _ACT_CLASSES) != (phase == "acts"):
                continue
            if _conditional(toks, h.first):
                continue
            polarity = e.polarity
            if _negated(toks, h.first):
                if e.cls == "eval" and e.polarity > 0:
                    polarity = -polarity  # غير شرعية
                else:
                    continue  # لم يدن، لم تستهدف: neither condemnation nor praise
            if e.cls in ("eval", "blame") and polarity < 0 and _denied(toks, h.first):
                continue  # نفى أن يكون X متورطاً: a denied accusation is no accusation
            if e.cls == "blame" and not any("حمل" in toks[k].norm for k in range(max(0, h.first - 4), h.first)):
                continue  # المسؤولية without حمّل/تحمّل: a duty, not blame
            from_cue = toks[h.first].start < st.cue.end
            reach = _CUE_REACH if from_cue else _SCOPE_REACH[e.scope]
            reached = _resolve(fr, h, reach)
            if not reached and from_cue and e.scope == "obj":
                past = _past_adjunct(toks, h.last) or _past_apposition(toks, h.last)
                if past is not None:  # ثمّنت المقاومة في محافظة إب، جهود X: the object after the adjunct
                    reached = _resolve(fr, replace(h, last=past), reach)
            if not reached and e.cls == "blame":
                reached = _bearer_after(fr, h)  # حمّل مسؤولية التأجيل إلى X / على X: the one who must bear it
            if not reached and e.cls == "speech" and polarity > 0 and e.scope == "obj":
                reached = _pact_parties(fr, h)  # رحب بالاتفاق بين X وY: backing the parties' agreement
            if e.cls == "invite" and not (is_call or _calling_before(toks, h.first)):
                continue  # توجه إلى موسكو لزيارة: a trip, not an invitation
            if not reached and e.cls == "eval" and (e.words != ("~gloss",) or (h.pronoun and polarity < 0)) \
                    and _possessed(toks, h, e):
                # سياستها العدوانية، تدخلها: the actor the pronoun refers back to; a hostile word carrying the pronoun
                # itself (اعتداءاتهم) may take it up from an earlier clause
                reached = _possessor(fr, h, wide=h.pronoun and polarity < 0)
            if not reached and e.cls == "eval" and e.scope == "gen" and polarity < 0:
                reached = _relative_agent(fr, h)  # الانتهاكات التي ارتكبها الحوثي: the one who committed them
            if not reached and is_describe and e.cls == "eval" and e.scope == "attr" and e.words != ("~gloss",) \
                    and first_target is not None:
                reached = [first_target]  # وصف X بالنفاق: the description is about the object of وصف
            if not reached:
                continue
            if e.cls in _ACT_CLASSES and polarity > 0 and h.pronoun and h.first >= 2 \
                    and toks[h.first - 1].norm in _RELATIVES:
                # الإرهاب الذي تدعمه إيران: the name after the verb is its subject, the relative's head its object;
                # backing a hostile thing is an accusation of the backer, backing anything else a reported act
                if _hostile(toks[h.first - 2].norm):
                    for n in reached:
                        if not own[n]:
                            add(n, -e.weight, h)
                continue
            if e.cls in _ACT_CLASSES and polarity > 0 and reached and all(own[n] for n in reached):
                giver = _giver(fr, h, reached)
                if giver is not None and not own[giver]:
                    add(giver, polarity * e.weight, h)  # الدعم الإيراني لسوريا said by Syria: thanks to the giver
                    continue
            if e.cls in _ACT_CLASSES and h.pronoun and h.first > cue_last + 3 and not _first_person(toks, h):
                holder = _possessor(fr, h, sentence=True)
                if (holder and not own[holder[0]]) or (not holder and toks[h.first].norm.endswith(("هم", "ها"))):
                    continue  # إيران ... دعمها الكبير للنظام، رؤساء الأندية على دعمهم: whose act it is
            if e.cls in _ACT_CLASSES and not _first_person(toks, h) and not is_call \
                    and not _call_before(toks, h.first) and not _backed(toks, hits, h) \
                    and not _own_possessed(fr, h, own):
                if any(toks[k].norm in _THEY for k in range(_clause_start(toks, h.first), h.first)):
                    continue  # يؤكد أنهم هناك لدعم نظام الأسد: a third party's act, reported
                ag = _agent(fr, h, set(reached))
                near = range(max(_clause_start(toks, h.first), h.first - 4), h.first)
                if (ag is None or not own[ag]) and any(toks[k].norm in _RELATIVES for k in near):
                    continue  # الدكتاتورية التي تحاول ... ضد الشعب: the act of the relative clause's head
                ag = _agent(fr, h, set(reached))
                if ag is not None and not own[ag] and score[ag] <= 0:
                    continue  # an onlooker reporting a third party's act
            for n in reached:
                if own[n] and not (polarity > 0 and (e.cls in _OWN_SIDE_CLASSES | {"speech"} or (
                        e.cls in _ACT_CLASSES and (is_call or _call_before(toks, h.first))))):
                    continue
                add(n, polarity * e.weight, h)

    for n, weight, h in _role_judgements(fr):
        if _negated(toks, h.first) or _conditional(toks, h.first) or (own[n] and weight < 0):
            continue  # لم تلعب دوراً إيجابياً: no judgement; the speaker's own side is not blamed
        add(n, weight, h)
    for n, weight, h in claims + _serving_judgements(fr, own) + _agreement_judgements(fr, own) \
            + _harmful_role_judgements(fr, own) + _terror_fight_judgements(fr, hits, own) \
            + _predicate_judgements(fr, own, cue_last) + _member_judgements(fr, hits, own) \
            + _stop_call_judgements(fr, own) + _strike_judgements(fr, own) + _defied_request_judgements(fr, own):
        add(n, weight, h)

    new_targets = []
    for n, t in enumerate(st.targets):
        s = score[n]
        stance: Stance = "pos" if s > 0 else "neg" if s < 0 else "neu"
        ev = evidence[n]
        new_targets.append(replace(t, stance=stance, evidence=ev[1] if ev is not None and stance != "neu" else None))
    return replace(st, targets=tuple(new_targets))


def _gloss_index(doc: Document) -> dict[int, str]:
    """Token start -> gloss, for the article's content words whose gloss is evaluative (empty without
    morphology); built once per article."""
    out = {}
    for tok in (t for s in doc.sentences for t in s.tokens):  # doc.tokens would build a tuple of them first
        an = tok.analysis
        if an is not None and an.gloss and an.pos in ("noun", "adj", "adj_comp"):
            if abs(gloss_polarity(an.gloss)) >= _GLOSS_THRESHOLD:
                out[tok.start] = an.gloss
    return out


_GLOSS_THRESHOLD = 2.5


def _spells(form: str, lemma: str) -> bool:
    """The form has four letters or more and holds the lemma's consonants in order: a guard against an
    analysis that reads a short word as another verb (تشد analysed as أشاد)."""
    if len(form) < 4:
        return False
    it = iter(form)
    return all(c in it for c in lemma if c not in "اويء")


def _lemma_index(doc: Document) -> dict[int, tuple[str, bool]]:
    """Token start -> (lemma, carries an object pronoun) for the article's verbs whose lemma the stance
    lexicon lists (empty without morphology); built once per article."""
    lex = stance_lexicon()
    out = {}
    for tok in (t for s in doc.sentences for t in s.tokens):
        an = tok.analysis
        if an is not None and an.pos == "verb" and an.lemma:
            lemma = _norm(an.lemma)
            if lemma in lex and _spells(_norm(tok.text), lemma):
                out[tok.start] = (lemma, bool(an.enclitic and "dobj" in an.enclitic))
    return out


def _gloss_hit(toks: list[_Tok], i: int, gloss: dict[int, str]) -> _Hit | None:
    g = gloss.get(toks[i].start)
    if not g:
        return None
    v = gloss_polarity(g)
    if abs(v) < _GLOSS_THRESHOLD:
        return None
    entry = _Entry(("~gloss",), 1 if v > 0 else -1, 1, "attr", "eval", False)
    n = toks[i].norm
    return _Hit(i, i, entry, pronoun=len(n) > 5 and n.endswith(("ها", "هم")))


def assign_stances(doc: Document, statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """Give every target of every statement the speaker's stance (pos, neg, neu) and its evidence span.

    Args:
        doc: the analysed article (offsets into ``doc.article.text``).
        statements: statements with targets; their stances are ignored and recomputed.

    Returns:
        New statements (``dataclasses.replace``) whose every target has ``stance`` set and, when one
        word decided it, ``evidence`` = that word's span in the original text.

    Example: "وأدان الوزير الهجوم واتهم تنظيم داعش بتنفيذه" gives داعش ``neg`` with evidence "اتهم";
    "بحسب وكالة رويترز" relays and gives every target ``neu``.
    """
    text = doc.article.text
    wanted = any(st.targets for st in statements)
    gloss = _gloss_index(doc) if wanted else {}
    lemmas = _lemma_index(doc) if wanted else {}
    return tuple(_judge(doc, st, _is_relay(st, statements, text), gloss, lemmas) for st in statements)
