"""Speech cues: verbs of saying in any person/tense, circumstantial participles, attribution particles.

The lexicon (``resources/cues.tsv``) lists lemmas with their perfect, imperfect and participle stems; the
inflected forms are generated here and matched on the normalised word, with or without a و/ف clitic.  When
the Document carries morphology analyses they veto the noun reading of ambiguous forms (ذكر، نقل، وصف).

    >>> [c.lemma for c in find_cues(scan("وقال الوزير إن الوضع مستقر، مضيفاً أن ..."))]
    ['قال', 'أضاف']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.attribution.text import Tok, View, norm, scan  # noqa: F401  (scan: used in the examples)
from newsgraph.lexicons import load_tsv

__all__ = ["CueHit", "find_cues", "cue_forms"]

# words after which a verb is clause-initial (a strict cue is only accepted there)
_CLAUSE_OPENERS = frozenset(norm(w) for w in (
    "كما فيما بينما ثم قد وقد لقد فقد حيث كان وكان كانت وكانت ذلك هذا لكن ولكن بل إذ اذ أيضا كذلك بدوره بدورها "
    "جهته جهتها جهتهم جانبه جانبها جانبهم ناحيته ناحيتها ناحيتهم أمس اليوم بعدها وبعدها حين عندما لما"
).split())
# words before a verb that make it not a statement: relative pronouns, subjunctive/negation particles
_RELATIVE = frozenset(norm(w) for w in "الذي التي الذين اللذين اللتين اللواتي اللاتي ما".split())
_SUBJUNCTIVE = frozenset(norm(w) for w in "أن ان لن كي لكي حتى لم لا لما ولم ولا ولن".split())
# verbs whose form with an object pronoun still reports speech (بحسب ما قاله، وفقا لما نقلته، ما أكده)
_OBJ_LEMMAS = frozenset(("قال", "نقل", "ذكر", "أورد", "أكد", "أعلن", "كتب", "سمى", "وصف"))
_NARRATION = frozenset(("ذكر", "أشار"))
_COMPS = tuple(norm(w) for w in "أن ان إن أنه انه إنه أنها انها إلى الى".split())
_PERSON_SUFFIXES = ("", "ت", "وا", "ن", "تا", "ا")
_OBJ_SUFFIXES = ("ه", "ها", "هم")
# adverbs and pronouns (calima-msa-r13 tags): a cue verb that the analyser reads as one of these with exactly
# the written letters is that word (هنا "here" is not هنأ "congratulated", written without hamza).  Not the
# prepositions: عبر "via" and عبّر "expressed" share their letters, and the analyser's choice is often wrong
_FUNCTION_POS = frozenset(("adv", "adv_interrog", "adv_rel", "pron", "pron_dem", "pron_rel", "pron_interrog"))
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in the text: the word (clitic excluded), its lemma, type, tense and agreement."""

    tok: Tok
    start: int
    end: int
    lemma: str
    cue_type: str  # verb, participle, particle
    gender: str  # m, f, -
    number: str  # s, p, -
    imperfect: bool = False
    light: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    strict: bool = False
    clitic: bool = False


@dataclass(frozen=True, slots=True)
class _Form:
    lemma: str
    cue_type: str
    gender: str
    number: str
    imperfect: bool
    light: tuple[str, ...]
    needs: tuple[str, ...]
    strict: bool
    next: tuple[str, ...] = ()
    wide: bool = False
    noclitic: tuple[str, ...] = ()
    twin: bool = False


def _flags(cell: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for part in cell.split("|") if "=" not in cell else _split_flags(cell):
        if "=" in part:
            name, _, vals = part.partition("=")
            out[name] = tuple(norm(v) for v in vals.split("|") if v)
        elif part:
            out[part] = ()
    return out


def _split_flags(cell: str) -> list[str]:
    """'strict|needs=عن|على' -> ['strict', 'needs=عن|على'] (values of a flag keep their bars)."""
    parts: list[str] = []
    for piece in cell.split("|"):
        if "=" in piece or not parts or piece in ("strict", "wide", "twin"):
            parts.append(piece)
        else:
            parts[-1] += "|" + piece
    return parts


@cache
def cue_forms() -> dict[str, tuple[_Form, ...]]:
    """Normalised surface form -> the cue readings it has (generated from resources/cues.tsv)."""
    table: dict[str, list[_Form]] = {}

    def add(form: str, f: _Form) -> None:
        table.setdefault(norm(form), []).append(f)

    for row in load_tsv("cues.tsv", columns=5):
        cls, lemma, perf, impf, part = row[:5]
        flags = _flags(row[5] if len(row) > 5 else "")
        light, needs, strict = flags.get("light", ()), flags.get("needs", ()), "strict" in flags
        nxt = flags.get("next", ())
        if cls == "particle":
            for form in perf.split("|"):
                add(form, _Form(lemma, "particle", "-", "-", False, (), needs, False))
            continue

        def mk(cue_type: str, gender: str, number: str, imperfect: bool = False, *, lemma: str = lemma,
               light: tuple[str, ...] = light, needs: tuple[str, ...] = needs, strict: bool = strict,
               nxt: tuple[str, ...] = nxt, wide: bool = "wide" in flags,
               noclitic: tuple[str, ...] = flags.get("noclitic", ()), twin: bool = "twin" in flags) -> _Form:
            return _Form(lemma, cue_type, gender, number, imperfect, light, needs, strict, nxt, wide, noclitic,
                         twin and cue_type == "verb" and (gender, number) == ("m", "s") and not imperfect)

        if perf != "-":
            p = norm(perf)
            if p[-1] in "اى":  # defective: دعا -> دعت، دعوا
                stem = p[:-1]
                forms = [(p, "m", "s"), (stem + "ت", "f", "s"), (stem + "وا", "m", "p"), (stem + "تا", "f", "p")]
            else:
                forms = [(p, "m", "s"), (p + "ت", "f", "s"), (p + "وا", "m", "p"), (p + "ن", "f", "p"),
                         (p + "تا", "f", "p"), (p + "ا", "m", "p")]
            for form, g, nb in forms:
                add(form, mk("verb", g, nb))
            for suf in _OBJ_SUFFIXES if lemma in _OBJ_LEMMAS else ():  # قاله، نقلته (بحسب ما قاله ...)
                add(p + suf, mk("verb", "m", "s"))
                add((p[:-1] if p[-1] in "اى" else p) + "ت" + suf, mk("verb", "f", "s"))
        if impf != "-":
            i = norm(impf)
            base = i[1:]
            plural = (base[:-1] if base[-1] in "وي" else base) + "ون"
            for prefix, g in (("ي", "m"), ("ت", "f")):
                add(prefix + base, mk("verb", g, "s", True))
                add(prefix + plural, mk("verb", g, "p", True))
                add(prefix + base + "ان", mk("verb", g, "p", True))
            add("ي" + base + "ن", mk("verb", "f", "p", True))
        if part != "-":
            a = norm(part)
            only = flags.get("psuf")
            for suf, g, nb in (("ا", "m", "s"), ("ة", "f", "s"), ("ين", "m", "p"), ("ات", "f", "p")):
                if only is None or suf in only:
                    add(a + suf, mk("participle", g, nb))
        for extra in flags.get("extra", ()):
            g, nb, impf_ = ("f", "p", False) if extra.endswith("ن") else ("m", "s", extra.startswith("ي"))
            add(extra, mk("verb", g, nb, impf_))
    # a particle reading wins over a verb form with the same letters (نقلاً عن is not the dual نقلا)
    return {k: tuple(sorted(v, key=lambda f: f.cue_type != "particle")) for k, v in table.items()}


def _lookup(tok: Tok) -> tuple[_Form, int] | None:
    """The cue reading of a word and the length of its و/ف clitic in characters, or None."""
    table = cue_forms()
    w = tok.norm
    if w in table:
        return table[w][0], 0
    if len(w) > 3 and w[0] in "وف" and w[1:] in table and w[0] not in table[w[1:]][0].noclitic:
        # the clitic is the first letter plus any diacritics written on it
        j = 1
        while j < len(tok.text) and norm(tok.text[j]) == "":
            j += 1
        return table[w[1:]][0], j
    return None


def _prev_word(view: View, i: int) -> Tok | None:
    j = i - 1
    return view.tokens[j] if j >= 0 else None


def _clause_initial(view: View, i: int, clitic: bool) -> bool:
    """Is the word at i clause-initial (after punctuation, a line start, a conjunction or a discourse opener)?"""
    if clitic:
        return True
    prev = _prev_word(view, i)
    if prev is None or prev.line != view.tokens[i].line:
        return True
    if prev.kind != "word":
        return True
    w = prev.norm
    if w in _OTHER:
        # من جانب آخر توقع ...، وفي سياق آخر أعلن: "on the other hand", "in another context" open a clause
        before = _prev_word(view, prev.i)
        return before is not None and before.kind == "word" and before.norm in _SIDES
    # وبدورها كشفت، ومن جهته: an opener with its conjunction
    return w in _CLAUSE_OPENERS or w in ("و", "ف") or (len(w) > 3 and w[0] in "وف" and w[1:] in _CLAUSE_OPENERS)


_OTHER = frozenset(norm(w) for w in "آخر أخرى ثان ثانية".split())
_SIDES = frozenset(norm(w) for w in "جانب جهة صعيد سياق تطور شأن ناحية".split())


def _followed_by(view: View, i: int, words: tuple[str, ...], *, window: int = 14) -> bool:
    toks = view.tokens
    sent = view.sentence[i]
    seen = 0  # words counted: punctuation and a bracketed aside (وكالة الأنباء الألمانية (د.ب.أ) عن) are not
    depth = 0
    # window 1: the very next word, after at most a comma (وبيّن، أن ...: some outlets put one after the cue)
    for j in range(i + 1, min(len(toks), i + 1 + (3 * window if window > 1 else 2))):
        if view.sentence[j] != sent or seen >= window:
            break
        t = toks[j]
        if window == 1 and j == i + 1 and t.norm in ("،", ","):
            continue
        if window == 1 and j > i + 1 and toks[i + 1].norm not in ("،", ","):
            break
        if t.kind == "word":
            w = t.norm
            if w in words or (w[:1] in "وبل" and w[1:] in words):
                return True
            seen += depth == 0
        elif t.norm in words:  # a colon or an opening quotation mark (تابع: «...»)
            return True
        elif t.norm == "(":
            depth += 1
        elif t.norm == ")" and depth:
            depth -= 1
    return False


def find_cues(view: View) -> list[CueHit]:
    """Every speech cue of a text, in order.

    Args:
        view: the scanned text.

    Returns:
        Cue hits; verbs inside relative clauses, after أن/لن/لم, imperfects inside quotations, participles
        not opening a new clause, light verbs without their speech noun are left out.

    Example:
        >>> [c.tok.text for c in find_cues(scan("التقى الوزير نظيره، وقالت الوزارة إن ..."))]
        ['وقالت']
    """
    hits: list[CueHit] = []
    toks = view.tokens
    table = cue_forms()
    for t in toks:
        w = t.norm
        if t.kind != "word" or (w not in table and not (len(w) > 3 and w[0] in "وف" and w[1:] in table)):
            continue  # no cue reading (the test _lookup starts with, without a call per word)
        found = _lookup(t)
        if found is None:
            continue
        form, clen = found
        if (t.analysis is not None and t.analysis.pos.startswith("noun") and form.strict and form.cue_type == "verb"
                and not (form.next and (_followed_by(view, t.i, form.next, window=1)
                                        or _short_subject_then(view, t.i, form.next)))):
            continue  # the analyser reads ذكر / نقل / وصف here as a noun (but وبيّن العربي أن is the verb)
        if form.cue_type == "verb" and _function_word(t, clen):
            continue  # وهنا يبرز ...: the adverb "here", not the verb هنأ
        clitic = clen > 0
        prev = _prev_word(view, t.i)
        prev_same_line = prev is not None and prev.line == t.line
        prev_word = prev if prev is not None and prev_same_line and prev.kind == "word" else None
        in_title = t.start < view.title_end
        if form.cue_type == "verb":
            if prev_word is not None and not clitic:
                if prev_word.norm in _RELATIVE or (prev_word.norm[:1] == "و" and prev_word.norm[1:] in _RELATIVE):
                    continue  # التي قالت، والتي أكد فيها: a relative clause
                if form.imperfect and prev_word.norm in _SUBJUNCTIVE:
                    continue
                if prev_word.norm in ("لم", "ولم", "لا", "لن"):
                    continue
                if prev_word.norm in _PREPOSITIONS:
                    continue  # عبر عن أبلغ التهاني: after a preposition the form is a noun (the elative)
            if form.imperfect and view.in_quote[t.i]:
                continue
            if form.strict and not _clause_initial(view, t.i, clitic) and not in_title:
                continue
            if (form.imperfect and not clitic and not in_title and prev_word is not None
                    and not prev_word.definite and prev_word.norm not in _CLAUSE_OPENERS and not _name_like(prev_word)):
                continue  # an imperfect after an indefinite noun is an adjectival clause (تقارير تفيد ...)
        elif form.cue_type == "participle":
            # a circumstantial participle opens a statement after a comma/quote or with و (ومطالباً)
            if not clitic and prev_word is not None and not (
                    _accusative_or_feminine(t) and _followed_by(view, t.i, _COMPS, window=1)):
                continue  # but "... خارج المطار قائلة إنها ...": a participle right before أن/إن needs no comma
            if prev is None or not prev_same_line:
                continue
            if prev.kind == "punct" and prev.norm in ".!?؟:" and not _followed_by(view, t.i, _COMPS, window=1):
                continue  # after a full stop only "مضيفة أن ..." (a run-on participle clause), not a noun
        elif form.cue_type == "particle":
            pass
        if form.light and not _followed_by(view, t.i, form.light, window=14 if form.wide else 6):
            continue
        if form.needs and not _followed_by(view, t.i, form.needs, window=25 if form.wide else 10):
            continue
        if form.next and not (_followed_by(view, t.i, form.next, window=1)
                              or _short_subject_then(view, t.i, form.next)):
            continue
        if form.imperfect and form.lemma in _NARRATION and _followed_by(view, t.i, _COMPS, window=1):
            continue  # يذكر أن / يشار إلى أن: the journalist's "it is worth noting", no speaker
        if (form.imperfect and form.gender == "f" and form.lemma in _IMPERSONAL
                and _followed_by(view, t.i, _COMPS, window=1)):
            continue  # وتبيّن أن "it turned out that": the perfect of تبيّن, written like تُبيّن "she explains"
        if form.twin and not clitic and prev_word is not None and _feminine_noun(prev_word):
            continue  # الشركة توقع عقداً: after a feminine subject توقع is تُوقِّع "signs", not توقَّع "expected"
        if (form.cue_type == "verb" and prev_word is not None and not clitic
                and _kana_disagrees(prev_word.norm, form.gender, form.number)):
            continue  # كانت أبلغ ردّ: after كانت a masculine form is the elative "most eloquent", not a verb
        hits.append(CueHit(t, t.start + clen, t.end, form.lemma, form.cue_type, form.gender, form.number,
                           form.imperfect, form.light, form.needs, form.strict, clitic))
    return hits


_KANA = {norm(w): g for ws, g in (("كان وكان فكان", "m"), ("كانت وكانت فكانت", "f")) for w in ws.split()}
# verbs whose feminine imperfect right before أن is the impersonal perfect of the Vth form (تبيّن أن)
_IMPERSONAL = frozenset(("بين",))


def _feminine_noun(tok: Tok) -> bool:
    """A noun written with ة, or one the analyser reads as feminine (a possible subject before its verb)."""
    a = tok.analysis
    return tok.norm.endswith("ة") or (a is not None and a.pos in ("noun", "noun_prop") and a.gender == "f")


def _kana_disagrees(prev: str, gender: str, number: str) -> bool:
    """Does a singular verb right after كان/كانت differ from it in gender?  The pluperfect agrees (كانت
    قالت، كان أكد); كانت + a masculine form is كان's predicate, an elative or noun (كانت أبلغ رد)."""
    g = _KANA.get(prev)
    return g is not None and number == "s" and gender in ("m", "f") and gender != g


def _accusative_or_feminine(tok: Tok) -> bool:
    """Does the word end like a circumstantial participle (قائلاً، قائلا، قائلة، مؤكدين), not a bare noun?"""
    w = _MARKS.sub("", tok.text)
    return w.endswith(("ا", "ة", "ين"))


def _short_subject_then(view: View, i: int, words: tuple[str, ...]) -> bool:
    """Is the needed word after a short subject of one to three words (وبين العربي أن، بيّن وزير المالية أن)?

    Not after a و-conjunct (بين مصر والمملكة ... أن: the preposition "between") or any mark.
    """
    toks = view.tokens
    for j in range(i + 1, min(len(toks), i + 6)):
        t = toks[j]
        if (j > i + 2 and t.norm in ("،", ",") and j + 1 < len(toks) and toks[j + 1].norm in words
                and view.sentence[j + 1] == view.sentence[i]):
            return True  # وبيّن المهاجم السوري، أنه ...: a comma after the subject, before أن
        if t.kind != "word" or view.sentence[j] != view.sentence[i]:
            return False
        if j > i + 1 and t.norm in words:
            return True
        if (t.norm[:1] == "و" and j > i + 1) or t.norm in _SHORT_STOPS:
            return False
        if j == i + 1 and t.norm.startswith("ال") and t.norm.endswith("ين"):
            return False  # بين الطرفين: a genitive dual/plural, the preposition "between"
    return False


_PREPOSITIONS = frozenset(norm(w) for w in "عن من في على إلى الى مع لدى حول نحو ضد عبر".split())
_SHORT_STOPS = frozenset(norm(w) for w in "على في من عن إلى الى مع لدى عند حول".split())


def _function_word(tok: Tok, clen: int) -> bool:
    """Is the word, as written (hamzas kept), the function word the analyser chose (هنا "here", not هنأ)?"""
    a = tok.analysis
    if a is None or a.pos not in _FUNCTION_POS:
        return False
    return _MARKS.sub("", tok.text[clen:]) == _MARKS.sub("", a.stem)


def _name_like(tok: Tok) -> bool:
    """Could this word be (the end of) a proper name?  Analysis first; else a title-case-free guess."""
    if tok.analysis is not None:
        return tok.analysis.pos == "noun_prop"
    return False
