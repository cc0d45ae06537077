"""Who said what: statement cues, their speakers (with coreference) and content spans.

One pass over the article: :func:`~newsgraph.attribution.cues.find_cues` finds the cues; each cue's speaker
is the subject phrase after it (VSO), before it (SVO), after the particle (بحسب ما أكّدت موسكو), or, when
the subject is dropped (وأضاف أن ...), the last speaker that agrees with the verb in gender and number.
Short references (كيربي، المصدر، المسؤول العسكري، سموه) resolve to the earlier full mention.

    >>> from newsgraph.model import Article, Document
    >>> doc = Document(Article.from_text("عنوان\\n\\nقال مصدر أمني إن الوضع مستقر. وأضاف أن ...", id="a"), ())
    >>> sts, _ = extract_statements(doc, ())
    >>> [(s.cue.text, s.speaker.label, s.speaker.resolved_by) for s in sts]
    [('قال', 'مصدر أمني', 'explicit'), ('أضاف', 'مصدر أمني', 'dropped-subject')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

from newsgraph.attribution.content import Content, content_span
from newsgraph.attribution.cues import CueHit, _lookup, find_cues
from newsgraph.attribution.speakers import (
    _NUMERALS,
    Phrase,
    _oblique_plural,
    clean_label,
    eulogy_at,
    indefinite_accusative,
    never_subject,
    parse_phrase,
    person_nouns,
    subject_before,
    subject_range,
    svo_first,
    word_class,
)
from newsgraph.attribution.text import Tok, View, key, view_of
from newsgraph.lexicons import load_tsv
from newsgraph.model import Cue, Document, Mention, Span, Speaker, Statement

__all__ = ["extract_statements"]

_WINDOW = 60  # coreference looks back over this many speakers (keeps long texts linear)
_RELATIVE_PRONOUNS = frozenset(key(w) for w in "الذي التي الذين اللذان اللتان اللذين اللتين".split())
_NOTES = frozenset(key(w) for w in "بالذكر يذكر ويذكر".split())
_ALL = frozenset(key(w) for w in "جميع كافة كل بعض".split())
_BUT = frozenset(key(w) for w in "إلا الا غير بيد".split())
_COMP = re.compile(r"^[وف]?[بل]?ان(ه|ها|هم|هما|نا|ني|كم|ك)?$")


@dataclass(frozen=True, slots=True)
class _Ref:
    """A speaker already met, for coreference: its Speaker and what later references can match."""

    speaker: Speaker
    gender: str
    number: str
    name_keys: tuple[str, ...]
    head: str
    title_key: str
    title: str
    indefinite: bool
    person: bool
    sentence: int
    described: frozenset[str] = frozenset()  # the words of the whole phrase, without ال (title, name, role)


@dataclass(frozen=True, slots=True)
class _Draft:
    hit: CueHit
    speaker: Speaker
    anchor: int  # first token of the statement (the subject when it precedes the cue)
    after: int  # first token after the speaker phrase (content is searched from here)
    cue_type: str
    required: bool = True
    relay: bool = False  # a particle inside a verb's frame (أفادت مصادر نقلاً عن X بأن ...): content after it


def extract_statements(doc: Document, mentions: tuple[Mention, ...]) -> tuple[tuple[Statement, ...], tuple[str, ...]]:
    """Find every statement of an article: cue, speaker, content and kind (targets are left empty).

    Args:
        doc: the analysed article (attribution re-scans ``doc.article.text``; analyses are used when present).
        mentions: name mentions found by the entities stage (may be empty).

    Returns:
        (statements sorted by cue start, warnings such as unbalanced quotation marks).

    Example:
        >>> from newsgraph.model import Article, Document
        >>> doc = Document(Article.from_text("عنوان\\n\\nوقال الجنرال ايغور كوناشينكوف: \\"نعم\\"", id="a"), ())
        >>> extract_statements(doc, ())[0][0].speaker.label
        'ايغور كوناشينكوف'
    """
    view = view_of(doc)
    warnings = list(view.warnings)
    if not view.tokens:
        return (), tuple(warnings)
    art_id = doc.article.id
    hits = find_cues(view)
    consumed: set[int] = set()
    refs: list[_Ref] = []
    drafts: list[_Draft] = []
    hit_at = {h.tok.i: h for h in hits}
    names = _named_tokens(view, mentions, doc)
    closed: frozenset[int] | None = None  # tokens of quotations that close, worked out at the first quoted cue
    for h in hits:
        if h.tok.i in consumed:
            continue
        known = len(refs)
        if h.cue_type == "particle":
            d = _particle(view, h, refs, drafts, consumed, hit_at, mentions)
        elif h.cue_type == "participle":
            d = _participle(view, h, refs, drafts)
        else:
            d = _verb(view, h, refs, drafts, mentions, names)
        if d is None:
            continue
        if view.in_quote[h.tok.i] and not _opens_quote_after(view, d):
            if closed is None:
                closed = _closed_quote_tokens(view)
            if h.tok.i in closed:
                del refs[known:]  # a speaker quoted by another ("... أشارت تقارير إلى ...") is no antecedent for وأضافت
        drafts.append(d)
    drafts.extend(_headlines(view, refs))
    drafts.sort(key=lambda d: d.hit.start)
    drafts = _headline_cataphora(view, drafts)
    statements: list[Statement] = []
    # nested speech (after أن/إن of another statement) and headlines do not cut the content of others
    anchors = sorted((d.anchor, d.hit.tok.i) for d in drafts if d.required)
    for d in drafts:
        c = _content(view, d, anchors, art_id)
        if c.warning and c.warning not in warnings:
            warnings.append(c.warning)
        cue = Cue(d.hit.start, d.hit.end, view.text[d.hit.start : d.hit.end], d.hit.lemma, d.cue_type)  # type: ignore[arg-type]
        statements.append(Statement(f"{art_id}:{cue.start}", c.kind, cue, d.speaker, c.span, (),  # type: ignore[arg-type]
                                    d.required and (not view.in_quote[d.hit.tok.i] or _opens_quote_after(view, d))))
    # speech inside another statement's content is nested (optional)
    spans = sorted((s.content.start, s.content.end) for s in statements if s.content is not None)
    starts = [a for a, _b in spans]
    reach = list(accumulate((b for _a, b in spans), max))  # the furthest content end among spans so far
    out = []
    for s in statements:
        k = bisect_right(starts, s.cue.start)
        nested = k > 0 and reach[k - 1] > s.cue.start
        out.append(replace(s, required=False) if nested and s.required else s)
    return tuple(out), tuple(warnings)


def _narrators_that(view: View, c: int) -> bool:
    """Is the أن at token c the journalist's own (إلا أن "however", جدير بالذكر أن، يذكر أن، يشار إلى أن), so
    that a statement after it is reported by the article itself, not nested in another's speech?"""
    k = c - 1
    while k >= 0 and view.tokens[k].kind == "punct" and view.tokens[k].norm in ("،", ","):
        k -= 1
    if k < 0 or view.tokens[k].kind != "word":
        return False
    w = view.tokens[k].key
    if w in _BUT or w in _NOTES:
        return True
    return w == "الي" and k > 0 and view.tokens[k - 1].key in ("يشار", "ويشار")


def _opens_quote_after(view: View, d: _Draft) -> bool:
    """Does a quotation open right before the cue, its speaker outside (إلا أن البعثة «نفت بشدة» ...)?"""
    i = d.hit.tok.i
    return i > 0 and view.tokens[i - 1].kind == "quote" and d.anchor < i - 1 and not view.in_quote[d.anchor]


# --- speakers -------------------------------------------------------------------------------------------


def _speaker(phrase: Phrase, resolved_by: str, view: View, mentions: tuple[Mention, ...]) -> Speaker:
    label, aliases, entity = phrase.label, phrase.aliases, None
    a = view.tokens[phrase.start].start if phrase.start < phrase.end else 0
    b = view.tokens[phrase.end - 1].end if phrase.start < phrase.end else 0
    for m in mentions:
        # a person mention replaces the label only where the phrase's own name starts (not inside a
        # description such as منتقدو الرئيس التركي رجب طيب إردوغان)
        if phrase.mention is None or not phrase.name_keys or m.start != phrase.mention[0]:
            continue
        if m.end <= b and m.type == "PER":
            ml = clean_label(m.text)
            if key(ml) != key(label):
                aliases = (label, *[x for x in aliases if key(x) != key(ml)])
                label = ml
            entity = m.key
            break
    else:
        for m in mentions:
            if m.start == a and m.end == b:
                entity = m.key
                break
    mention = None
    if phrase.mention is not None:
        ms, me = phrase.mention
        mention = Span.of(view.text, ms, me)
    elif phrase.start < phrase.end:
        mention = Span.of(view.text, a, b)
    return Speaker(entity, label, resolved_by, tuple(aliases), mention, phrase.title, phrase.role, phrase.organization)


def _closed_quote_tokens(view: View) -> frozenset[int]:
    """The tokens inside a quotation that closes on its own line (not an unbalanced mark running to the
    paragraph's end), in one pass over the quote regions."""
    toks, inq = view.tokens, view.in_quote
    out: set[int] = set()
    j = 0
    while j < len(toks):
        if not inq[j]:
            j += 1
            continue
        start = j
        while j + 1 < len(toks) and inq[j + 1] and toks[j + 1].line == toks[j].line:
            j += 1
        closes = j + 1 < len(toks) and not inq[j + 1] and toks[j].kind == "quote"
        if closes:
            out.update(range(start, j + 1))
        j += 1
    return frozenset(out)


def _ref(sp: Speaker, phrase: Phrase | None, gender: str, number: str, sentence: int) -> _Ref:
    if phrase is None:
        return _Ref(sp, gender, number, (), "", "", "", False, True, sentence)
    indefinite = bool(phrase.text) and not key(phrase.text).startswith("ال")
    return _Ref(sp, gender, number, phrase.name_keys, phrase.head, phrase.title_key, key(phrase.title or ""),
                indefinite, phrase.person, sentence, _bare_words(phrase.text))


def _bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _bare_words(s: str) -> frozenset[str]:
    return frozenset(_bare(w) for w in key(s).split())


def _agrees(r: _Ref, gender: str, number: str) -> bool:
    if number == "p":
        return r.number == "p"
    if r.number == "p" and number == "s" and gender == "f":
        return r.gender == "f"
    if gender in ("m", "f") and r.gender in ("m", "f") and r.gender != gender:
        return False
    return True


def _previous(refs: list[_Ref], gender: str, number: str) -> _Ref | None:
    for r in reversed(refs[-_WINDOW:]):
        if _agrees(r, gender, number):
            return r
    return refs[-1] if refs else None


def _coref(phrase: Phrase, refs: list[_Ref]) -> tuple[Speaker | None, str]:
    """An earlier speaker that this phrase refers to: surname, definite description or honorific."""
    if phrase.honorific:
        for r in reversed(refs[-_WINDOW:]):
            if r.person and r.number == "s" and (phrase.gender in ("-", r.gender) or r.gender == "-"):
                return r.speaker, "honorific"
        return (refs[-1].speaker, "honorific") if refs else (None, "honorific")
    k = key(phrase.text)
    if phrase.name_keys and not phrase.title:
        keys = set(phrase.name_keys)
        for r in reversed(refs[-_WINDOW:]):
            if r.name_keys and keys <= set(r.name_keys) and len(r.name_keys) > len(keys):
                return r.speaker, "surname"
    if k.startswith("ال") and not phrase.name_keys:
        for r in reversed(refs[-_WINDOW:]):
            if r.indefinite and r.head and r.head == phrase.head and r.number == phrase.number and not r.name_keys:
                return r.speaker, "definite-description"
        for r in reversed(refs[-_WINDOW:]):
            if (r.title_key and (r.title_key == k or r.title_key == phrase.title_key)) or (r.title and r.title == k):
                return r.speaker, "definite-description"
    prior = _role_reference(phrase, refs)
    if prior is not None:
        return prior, "definite-description"
    return None, "explicit"


def _role_reference(phrase: Phrase, refs: list[_Ref]) -> Speaker | None:
    """The named person an office refers back to: وأوضح الوزير / وزير التخطيط after "أشرف العربي وزير التخطيط
    المصري" (every word of the office is in the earlier phrase).  A lone الرئيس is left alone: after "رئيس
    الوزراء X" it is most often another man, the head of state."""
    if phrase.name_keys or phrase.start >= phrase.end or not phrase.text:
        return None
    first = key(phrase.text).split()[0]
    c = word_class(first)
    if c is None or c[0] not in ("title", "role"):
        return None
    words = _bare_words(phrase.text)
    if len(words) == 1 and (not first.startswith("ال") or words <= {key("رئيس")}):
        return None  # an indefinite office alone (وزير) introduces someone new
    for r in reversed(refs[-_WINDOW:]):
        if r.name_keys and r.person and words <= r.described:
            return r.speaker
    family = _families(words)
    if family != words:
        # وبيّن المهاجم السوري after "اللاعب السوري عمر ...": another noun of the same role family
        for r in reversed(refs[-_WINDOW:]):
            if r.name_keys and r.person and family <= _families(r.described):
                return r.speaker
    return None


@cache
def _role_families() -> dict[str, str]:
    return {key(w): fam for w, fam in load_tsv("role_families.tsv", columns=2)}


def _families(words: frozenset[str]) -> frozenset[str]:
    """The words with each role noun replaced by its family (مهاجم، لاعب → player)."""
    fam = _role_families()
    return frozenset(fam.get(w, w) for w in words)


def _merge(sp: Speaker, phrase: Phrase, how: str, view: View) -> Speaker:
    """The earlier speaker, keeping this reference's surface as an alias and as the mention."""
    extra = [phrase.label] if phrase.label and key(phrase.label) != key(sp.label) else []
    aliases = tuple(dict.fromkeys([*sp.aliases, *extra]))
    mention = Span.of(view.text, view.tokens[phrase.start].start, view.tokens[phrase.end - 1].end) \
        if phrase.start < phrase.end else sp.mention
    return replace(sp, resolved_by=how, aliases=aliases, mention=mention)


# "the latter": الأخير is the person named last before it, الأخيرة the last person, organisation or country
_LATTER = {key("الأخير"): ("PER",), key("الأخيرة"): ("PER", "ORG", "GPE")}


def _latter(view: View, phrase: Phrase, mentions: tuple[Mention, ...]) -> Speaker | None:
    """The actor "الأخير" / "الأخيرة" refers to (أعلن الأخير: the person named last), or None.

    Example: in "شكر رئيس الهلال رئيس الاتحاد ابراهيم البلوي بعد أن أعلن الأخير دعمه", الأخير is البلوي.
    """
    types = _LATTER.get(key(phrase.label)) if phrase.end - phrase.start == 1 else None
    if types is None:
        return None
    at = view.tokens[phrase.start].start
    before = [m for m in mentions if m.end <= at and m.type in types and m.key]
    if not before:
        return None
    m = max(before, key=lambda m: (m.end, m.end - m.start))
    mention = Span.of(view.text, at, view.tokens[phrase.start].end)
    return Speaker(m.key, clean_label(m.text), "latter", (m.text,), mention)


def _titled_name_before(view: View, phrase: Phrase, mentions: tuple[Mention, ...]) -> Phrase | None:
    """The earlier "office + name" phrase a bare definite office refers to, or None.

    "انضم اللاعب المصري محمد سامي إلى النادي ... وقال اللاعب": اللاعب is محمد سامي, named with that office in
    a sentence that is no statement (so no earlier speaker carries it).  Only a definite role or title alone
    (with its adjectives), only a person named right after the same word (up to three adjectives between),
    the nearest one before.
    """
    toks = view.tokens
    if phrase.name_keys or phrase.start >= phrase.end:
        return None
    head = toks[phrase.start]
    c = word_class(head)
    if c is None or c[0] not in ("title", "role") or not head.definite:
        return None
    if any(t.kind != "word" or not t.definite for t in toks[phrase.start + 1 : phrase.end]):
        return None  # القنصل السعودي: adjectives only (not وزير الخارجية ...: an office with its own genitive)
    people = {m.start: m for m in mentions if m.type == "PER" and m.end <= head.start}
    if not people:
        return None
    fam = _role_families()
    head_family = fam.get(_bare(head.key))
    adjectives = _bare_words(view.text[toks[phrase.start + 1].start : toks[phrase.end - 1].end]) \
        if phrase.end - phrase.start > 1 else frozenset()
    for k in range(phrase.start - 1, -1, -1):
        t = toks[k]
        same = t.kind == "word" and t.key == head.key
        kin = (t.kind == "word" and not same and head_family is not None and t.definite
               and fam.get(_bare(t.key)) == head_family)  # المهاجم السوري after اللاعب السوري عمر ...
        if not (same or kin):
            continue
        for j in range(k + 1, min(len(toks), k + 5)):
            m = people.get(toks[j].start)
            if m is not None:
                if kin and not adjectives <= _bare_words(view.text[toks[k + 1].start : toks[j].start] if j > k + 1
                                                         else ""):
                    break
                end = next((e for e in range(j, len(toks)) if toks[e].start >= m.end), len(toks))
                named = parse_phrase(view, (k, end))
                return named if named.name_keys else None
            if toks[j].kind != "word" or not toks[j].definite:
                break
    return None


def _explicit(view: View, phrase: Phrase, refs: list[_Ref], mentions: tuple[Mention, ...],
              gender: str, number: str, sentence: int, how: str = "explicit") -> Speaker:
    latter = _latter(view, phrase, mentions)
    if latter is not None:
        refs.append(_ref(latter, phrase, gender, number, sentence))
        return latter
    owned = _possessed(view, phrase, mentions)
    if owned is not None:
        sp, head = owned
        refs.append(replace(_ref(sp, phrase, "-", "s", sentence), head=head, indefinite=True, name_keys=()))
        return sp
    prior, by = _coref(phrase, refs)
    if prior is None:
        named = _titled_name_before(view, phrase, mentions)
        if named is not None:
            sp = _speaker(named, "definite-description", view, mentions)
            prior, by = sp, "definite-description"
    if prior is not None:
        sp = _merge(prior, phrase, by, view)
        base = next((r for r in reversed(refs[-_WINDOW:]) if r.speaker.label == prior.label), None)
        refs.append(base if base is not None else _ref(sp, phrase, gender, number, sentence))
        return sp
    sp = _speaker(phrase, how, view, mentions)
    g = gender if gender in ("m", "f") else phrase.gender
    nb = "p" if number == "p" or phrase.number == "p" else "s"
    refs.append(_ref(sp, phrase, g, nb, sentence))
    return sp


def _possessed(view: View, phrase: Phrase, mentions: tuple[Mention, ...]) -> tuple[Speaker, str] | None:
    """A group noun with a possessive pronoun as the speaker (حسبما أعلن مكتبه، وقالت عائلته): the group of the
    pronoun's referent, i.e. the subject of the sentence, else the nearest person named before it in the
    sentence (none: the phrase stays as written).  Returns the speaker (label "مكتب X", X among the aliases)
    and the group's head noun, which a later definite reference (وأضاف المكتب) matches."""
    if phrase.end - phrase.start != 1:
        return None
    tok = view.tokens[phrase.start]
    an = tok.analysis
    enc = (an.enclitic or "") if an is not None else ""
    if an is None or not (enc.startswith("3") and enc.endswith("_poss")) or key(an.lemma) not in person_nouns():
        return None
    label: str | None = None
    aliases: tuple[str, ...] | None = None
    srng = _sentence_subject(view, phrase.start)
    if srng is not None and srng[1] <= phrase.start:
        sub = parse_phrase(view, srng)
        if sub.label and (sub.person or sub.name_keys):
            label, aliases = sub.label, sub.aliases
    if label is None:
        at = tok.start
        sa = view.tokens[view.sentence_bounds[view.sentence[phrase.start]][0]].start
        before = [m for m in mentions if sa <= m.start and m.end <= at and m.type == "PER"]
        if before:
            m = max(before, key=lambda m: m.end)
            label, aliases = clean_label(m.text), ()
    if not label or aliases is None:
        return None
    mention = Span.of(view.text, tok.start, tok.end)
    sp = Speaker(None, f"{an.lemma} {label}", "possessive", tuple(dict.fromkeys((label, *aliases, tok.text))),
                 mention, None, None, None)
    return sp, key(an.lemma)


def _dropped(refs: list[_Ref], h: CueHit, how: str, sentence: int) -> Speaker:
    r = _previous(refs, h.gender, h.number)
    if r is None:
        return Speaker(None, "", "unresolved")
    refs.append(replace(r, sentence=sentence))
    return replace(r.speaker, resolved_by=how)


_APPOSITION_MARKS = frozenset(("،", ",", "؛"))


def _apposed_name(view: View, phrase: Phrase, after: int,
                  names: frozenset[int] = frozenset()) -> tuple[Phrase, int]:
    """A title or role followed by its name between commas: وقال وزير الخارجية الأمريكي، جون كيري، إن ...

    (also an indefinite role with its prepositional phrase: وقال عضو في قيادة الحزب، سامي حداد، إن ...)
    """
    toks = view.tokens
    described = phrase.title or (phrase.start < phrase.end and (word_class(toks[phrase.start]) or ("",))[0] == "role")
    if not phrase.name_keys and after < len(toks) and toks[after].key in _RELATIVE_PRONOUNS:
        # كبير الباحثين الذين قاموا بالدراسة، سيث بولاك إن: a description, its relative clause, then the name
        after = next((k for k in range(after + 1, min(len(toks), after + 12))
                      if toks[k].kind != "word" or view.sentence[k] != view.sentence[after]), after)
        described = described or toks[after].norm in ("،", ",")
    original = phrase
    if phrase.name_keys and described and phrase.label:
        # المتحدث الرسمي باسم شركة المياه، خالد العتيبي: the name in the phrase is the body, not the person
        if (word_class(key(phrase.label).split()[0]) or ("",))[0] == "organisation":
            phrase = replace(phrase, name_keys=())
    comma = after
    if described and not phrase.name_keys and comma < len(toks) and toks[comma].kind == "word" and (
            toks[comma].key in ("في", "فى") or toks[comma].key.startswith("ب")):
        # the office's place or body before the comma: القنصل السعودي في مدينة مشهد، عبدالله الحمراني
        comma = next((k for k in range(comma + 1, min(len(toks), comma + 8))
                      if toks[k].kind != "word" or view.sentence[k] != view.sentence[after]), comma)
    if not (described and not phrase.name_keys and comma < len(toks) and toks[comma].norm in _APPOSITION_MARKS):
        return original, after
    rng = subject_range(view, comma + 1, limit=5, names=names)
    if rng[0] >= rng[1] or rng[1] >= len(toks):
        return original, after
    if rng[1] + 1 < len(toks) and toks[rng[1]].norm == "علي" and toks[rng[1] + 1].norm in ("،", ","):
        rng = (rng[0], rng[1] + 1)  # ابوبكر علي،: the name علي, never the preposition before a comma
    end_tok = toks[rng[1]]
    named = all(k in names for k in range(rng[0], rng[1]) if toks[k].kind == "word")
    if not (end_tok.norm in _APPOSITION_MARKS or _COMP.match(end_tok.key) or (named and comma > after)):
        return original, after  # (a known name after a place needs no closing comma: ...، عبدالله الحمراني مغادرة)
    if rng[1] - rng[0] > 2 and toks[rng[0]].kind == "quote" and toks[rng[1] - 1].kind == "quote":
        rng = (rng[0] + 1, rng[1] - 1)  # ...المكلف؛ "خالد العتيبي"؛ the name in quotation marks
    name = parse_phrase(view, rng)
    if not name.name_keys or name.title or word_class(toks[rng[0]]):
        return original, after
    aliases = tuple(dict.fromkeys([*name.aliases, phrase.label]))
    body = phrase.organization or (original.label if original is not phrase else None)
    return replace(name, aliases=aliases, title=phrase.title, role=phrase.role or phrase.label,
                   organization=body, title_key=phrase.title_key, start=phrase.start), rng[1]


def _link_back(drafts: list[_Draft], refs: list[_Ref], described: str, sp: Speaker) -> None:
    """An earlier description named later (عضو في قيادة الحزب ... وقال عضو في قيادة الحزب، سامي حداد): the
    earlier statements and references of that description take the name (the lists are updated in place)."""
    for n, d in enumerate(drafts):
        if key(d.speaker.label) == described:
            drafts[n] = replace(d, speaker=replace(sp, resolved_by=d.speaker.resolved_by))
    for n, r in enumerate(refs[:-1]):
        if key(r.speaker.label) == described:
            refs[n] = replace(r, speaker=sp)


def _sentence_subject(view: View, i: int) -> tuple[int, int] | None:
    """The subject of the clause that opens the sentence of token i, when it opens with a verb (وشنت تركيا ...)."""
    a, _b = view.sentence_bounds[view.sentence[i]]
    first = view.tokens[a]
    if a >= i:
        return None
    if first.kind == "quote" and view.tokens[a].start < view.title_end:
        rng = subject_range(view, a)
        return rng if rng[0] < rng[1] else None
    if first.kind != "word" or not first.key.startswith("و") or len(first.key) < 4:
        # a subheading run into the sentence (قرارات المجلس وأصدر المجلس ...): the first verb, if it
        # is a و-verb and nothing before it is a verb, opens the clause; so does a bare verb that opens the
        # sentence or follows only adverbs (أدى المدير ...، بعدها توجه المدير ...)
        k = next((k for k in range(a, i) if view.tokens[k].analysis is not None
                  and view.tokens[k].analysis.pos == "verb"), None)  # type: ignore[union-attr]
        if k is None:
            return None
        bare = view.tokens[k].analysis.aspect in ("p", "i") and (  # type: ignore[union-attr]
            k == a or all(never_subject(t) or t.key in _OPENER_WORDS or t.key in _NEGATIONS for t in view.tokens[a:k]))
        if not bare and (k == a or not view.tokens[k].key.startswith("و") or len(view.tokens[k].key) < 4):
            return None
        if bare:
            rng = subject_range(view, k + 1)
            return rng if rng[0] < rng[1] and rng[1] <= i else None
        a, first = k, view.tokens[k]
    rest = first.key[1:]
    not_verb = first.analysis is not None and first.analysis.pos != "verb"
    if rest in _NOT_VERBS or rest.startswith(("بال", "في", "لل")) or not_verb:
        return None  # وبخصوص / وفي / وبعد open with a preposition, not a verb
    rng = subject_range(view, a + 1)
    if rng[0] < rng[1] and rng[1] <= i:
        return rng
    return None


def _named_tokens(view: View, mentions: tuple[Mention, ...], doc: Document) -> frozenset[int]:
    """Indices of the words that may be names: inside a name mention, or with a proper-noun reading among the
    analyser's alternatives (ألان is read "now" first, but also as a name).  A speaker phrase is never cut at
    them for looking like a verb or an adverb."""
    starts = [t.start for t in view.tokens]
    out: set[int] = set()
    for sent in doc.sentences:  # not doc.tokens, which builds a tuple of all tokens on every call
        for tok in sent.tokens:
            for a in tok.alternatives:
                if a.pos == "noun_prop":
                    k = bisect_left(starts, tok.start)
                    if k < len(starts) and starts[k] == tok.start:
                        out.add(k)
                    break
    for m in mentions:
        k = bisect_left(starts, m.start)
        while k < len(starts) and view.tokens[k].start < m.end:
            out.add(k)
            k += 1
    return frozenset(out)


def _verb(view: View, h: CueHit, refs: list[_Ref], drafts: list[_Draft],
          mentions: tuple[Mention, ...], names: frozenset[int] = frozenset()) -> _Draft | None:
    i = h.tok.i
    sent = view.sentence[i]
    anchor = i
    # a word or quote before the verb, or a comma closing a parenthetical (مسؤولاً محلياً، طلب عدم ذكر اسمه، قال)
    before = view.tokens[i - 1] if i else None
    if (not h.clitic and before is not None and (before.kind in ("word", "quote") or before.norm in ("،", ","))
            and view.sentence[i - 1] == sent):
        brng = subject_before(view, i, names=names)
        if brng[0] < brng[1] and svo_first(view, brng) and not _weak_before(view, brng, i, mentions):
            phrase = parse_phrase(view, brng)
            if phrase.label:
                # after أن/إن the speech is reported inside another statement: keep it out of the
                # dropped-subject history so that "وأضاف" still finds the reporting speaker
                nested = brng[0] > 0 and _COMP.match(view.tokens[brng[0] - 1].key) is not None and not (
                    _narrators_that(view, brng[0] - 1))
                sp = _explicit(view, phrase, list(refs) if nested else refs, mentions, h.gender, h.number, sent)
                return _Draft(h, sp, brng[0], i + 1, "verb", required=not nested)
    eulogy = eulogy_at(view, i + 1)
    if eulogy is not None:
        # قال تعالى، قال صلى الله عليه وسلم: the formula stands for God or the Prophet.  Scripture quoted in a
        # sermon or an article: it stays out of the dropped-subject chain (وأضاف is the preacher again)
        referent, end = eulogy
        toks = view.tokens
        phrase = Phrase(i + 1, end, view.text[toks[i + 1].start : toks[end - 1].end], referent, (), person=True)
        sp = _explicit(view, phrase, list(refs), (), h.gender, h.number, sent, how="eulogy")
        return _Draft(h, sp, anchor, end, "verb")
    names = names | _known_names_after(view, i, refs)
    rng = subject_range(view, i + 1, names=names)
    if (rng[0] == rng[1] and h.lemma not in _ADDRESSEE_VERBS and i + 2 < len(view.tokens)
            and _oblique_plural(view.tokens[i + 1]) and _COMP.match(view.tokens[i + 2].key)
            and not view.tokens[i + 2].key.startswith(("ب", "وب"))):
        # ويرى المؤيدين أن ...: the oblique -ين written for the subject; رأى / قال take no person object before
        # أن (but أبلغ المسؤولين أن، طالب المواطنين بأن: an addressee)
        rng = (i + 1, i + 2)
    if rng[0] < rng[1] and h.light and view.tokens[rng[0]].norm in h.light:
        rng = (rng[0], rng[0])  # وقدّم التهنئة لـ ...: the speech noun is the object, the subject is dropped
    elif h.light:
        # رفع رئيس الاتحاد الأمير خالد التهنئة: the subject ends before the speech noun (its object)
        cut = next((j for j in range(rng[0] + 1, rng[1]) if view.tokens[j].norm in h.light), rng[1])
        rng = (rng[0], cut)
    if rng[0] < rng[1] and h.gender == "f" and h.number == "s" and _masculine_plural(view, rng):
        rng = (rng[0], rng[0])  # ودعت جميع اليمنيين إلى ...: a masculine human plural is not her subject
    if rng[0] < rng[1] and _speech_noun(view.tokens[rng[0]]) and refs:
        # وأشار البيان إلى ...: the statement's issuer, the speaker who issued it before
        r = _previous(refs, "-", "-")
        if r is not None:
            return _Draft(h, replace(r.speaker, resolved_by="document"), anchor, rng[1], "verb")
    issued = False
    if rng[0] < rng[1] and _document_head(view.tokens[rng[0]]):
        # وقال بيان للديوان الملكي، كشف بيان المكتب السياسي، قال بيان صادر عن الوزارة: the issuer speaks
        issuer = _issuer(view, rng, names)
        if issuer is None:
            r = _previous(refs, "-", "-")
            if r is None:
                return None
            return _Draft(h, replace(r.speaker, resolved_by="document"), anchor, rng[1], "verb")
        rng, issued = issuer, True
    if rng[0] < rng[1]:
        phrase = parse_phrase(view, rng, strip_lam=issued)
        after = rng[1]
        toks = view.tokens
        # X على لسان Y: Y spoke for X
        if after + 1 < len(toks) and toks[after].key in ("علي", "على") and toks[after + 1].key == "لسان":
            prng = subject_range(view, after + 2)
            if prng[0] < prng[1]:
                person = parse_phrase(view, prng)
                person = replace(person, organization=phrase.label)
                sp = _explicit(view, person, refs, mentions, "-", "s", sent)
                return _Draft(h, sp, anchor, prng[1], "verb")
        if phrase.head in _EVENTS:
            return None  # وتطرق الحديث إلى ...: a meeting or a talk is not a speaker
        if h.gender == "m" and h.number == "s" and not phrase.name_keys and not issued and _feminine_thing(view, rng):
            # وقال السوق المحلية لا تحتاج ...، وطالب الجهات المعنية بـ: no subject of a masculine verb
            return _Draft(h, _dropped(refs, h, "dropped-subject", sent), anchor, rng[0], "verb")
        head_class = (word_class(view.tokens[rng[0]]) or ("",))[0]
        if head_class in ("thing", "norm") and (h.lemma in _JUDGEMENT or (
                head_class == "thing" and h.lemma in _EVALUATIVE and not view.tokens[rng[0]].definite)):
            # واعتبر قرار المنع ضمن ...: a thing or rule is the first object, the subject is dropped
            return _Draft(h, _dropped(refs, h, "dropped-subject", sent), anchor, rng[0], "verb")
        if head_class == "thing":
            return None  # كشفت الجولات الميدانية التلف: a thing reveals, nobody speaks
        described = phrase.label
        phrase, after = _apposed_name(view, phrase, after, names)
        sp = _explicit(view, phrase, refs, mentions, h.gender, h.number, sent)
        if phrase.label != described:
            _link_back(drafts, refs, key(described), sp)
        if h.lemma == "نقل" and after + 1 < len(toks) and toks[after].key == "عن":
            # ونقلت الصحيفة عن الوزير قوله ... وأضاف: the one quoted is the next dropped subject's antecedent
            qrng = subject_range(view, after + 1, names=names)
            if qrng[0] < qrng[1]:
                quoted = parse_phrase(view, qrng)
                if quoted.label:
                    _explicit(view, quoted, refs, mentions, "-", "s", sent)
        return _Draft(h, sp, anchor, after, "verb")
    # subject before the verb (SVO): وكانت الرئاسة السورية أكّدت
    if not h.clitic and i > 0 and view.tokens[i - 1].kind in ("word", "quote") and view.sentence[i - 1] == sent:
        brng = subject_before(view, i, names=names)
        if brng[0] < brng[1] and not _weak_before(view, brng, i, mentions):
            phrase = parse_phrase(view, brng)
            if phrase.label:
                sp = _explicit(view, phrase, refs, mentions, h.gender, h.number, sent)
                return _Draft(h, sp, brng[0], i + 1, "verb")
    fronted = _that_subject(view, h, names)
    if fronted is not None:
        # أشار إلى أن وزير التعليم بعد اطلاعه على النتائج أكد ...: the subject of أنّ, an adjunct before the verb
        phrase, c = fronted
        nested = not _narrators_that(view, c)
        sp = _explicit(view, phrase, list(refs) if nested else refs, mentions, h.gender, h.number, sent)
        return _Draft(h, sp, phrase.start, i + 1, "verb", required=not nested)
    if view.in_quote[i] and drafts and not view.in_quote[drafts[-1].hit.tok.i]:
        # a verb without subject inside a quotation is the quoted speaker's own (أعلنتُ، كما قلت): it is
        # nested and leaves the dropped-subject chain as it is
        return _Draft(h, replace(drafts[-1].speaker, resolved_by="quoted-speaker"), anchor, i + 1, "verb")
    # a verb coordinated with a reported one shares its subject: "... قوله إن ميركل أكدت ... وذكّرته بـ"
    last = drafts[-1] if drafts else None
    if (h.clitic and last is not None and not last.required and last.cue_type == "verb"
            and view.sentence[last.hit.tok.i] == sent and last.speaker.label
            and all(t.kind == "word" for t in view.tokens[last.hit.tok.i + 1 : i])  # one clause, no mark between
            and _agrees(_ref(last.speaker, None, last.hit.gender, last.hit.number, sent), h.gender, h.number)):
        return _Draft(h, replace(last.speaker, resolved_by="dropped-subject"), anchor, i + 1, "verb", required=False)
    # dropped subject: the sentence's own subject (وأصدر مجلس الأمن ...، يطالب فيها) or the previous speaker
    if not (drafts and view.sentence[drafts[-1].hit.tok.i] == sent):
        srng = _sentence_subject(view, i)
        if srng is not None:
            phrase = parse_phrase(view, srng)
            if phrase.label:
                sp = _explicit(view, phrase, refs, mentions, "-", h.number, sent, how="dropped-subject")
                return _Draft(h, sp, anchor, i + 1, "verb")
    if not refs:
        narrated = _narrated_subject(view, refs, mentions, h, sent, "dropped-subject")
        if narrated is not None:
            return _Draft(h, narrated, anchor, i + 1, "verb")
    return _Draft(h, _dropped(refs, h, "dropped-subject", sent), anchor, i + 1, "verb")


def _that_subject(view: View, h: CueHit, names: frozenset[int]) -> tuple[Phrase, int] | None:
    """The subject of a أنّ/إنّ clause whose predicate is the cue verb at h, an adjunct between them (أن وزير
    التعليم بعد اطلاعه على النتائج أكد), with the complementiser's index; None without one.  Only words lie
    between the complementiser and the verb: no mark, no other verb."""
    toks = view.tokens
    i = h.tok.i
    if h.clitic:
        return None
    sent = view.sentence[i]
    c = None
    for k in range(i - 1, max(-1, i - 14), -1):
        t = toks[k]
        if view.sentence[k] != sent or t.kind != "word":
            return None
        if t.key in ("ان", "بان", "وان"):
            c = k
            break
        if _COMP.match(t.key) or (t.analysis is not None and t.analysis.pos == "verb" and k not in names
                                  and k != i - 1) or _lookup(t) is not None:
            return None
    if c is None or c + 2 >= i:
        return None
    rng = subject_range(view, c + 1, names=names)
    if not c + 1 < rng[1] <= i:
        return None
    phrase = parse_phrase(view, rng)
    head = (word_class(toks[rng[0]]) or ("",))[0]
    if not phrase.label or not (phrase.person or phrase.name_keys or head in ("title", "role", "organisation")):
        return None
    return phrase, c


def _narrated_subject(view: View, refs: list[_Ref], mentions: tuple[Mention, ...], h: CueHit, sent: int,
                      how: str) -> Speaker | None:
    """Before any speaker: the actor of the last sentences' opening verb (وشارك الدكتور السويد في التشييع ...
    وأضاف: the one who took part is the one who added), or None."""
    for s in (sent - 1, sent - 2):
        if s < 0:
            break
        a, b = view.sentence_bounds[s]
        if a >= b or view.tokens[a].start < view.title_end:
            break
        rng = _sentence_subject(view, b - 1)
        if rng is not None:
            phrase = parse_phrase(view, rng)
            if phrase.label and (phrase.person or phrase.name_keys or phrase.organization):
                return _explicit(view, phrase, refs, mentions, h.gender, h.number, sent, how=how)
    # the nearest finite verb before, in this paragraph, whose subject agrees (بينما واصلت أسر الصيادين
    # مطالبتها ... مؤكدة أن: the circumstantial participle's subject is the main verb's)
    toks = view.tokens
    i = h.tok.i
    for k in range(i - 1, max(-1, i - 80), -1):
        t = toks[k]
        if t.line != h.tok.line or t.start < view.title_end:
            break
        an = t.analysis
        if t.kind != "word" or an is None or an.pos != "verb" or an.aspect != "p" or an.enclitic:
            continue
        if h.gender in ("m", "f") and an.gender in ("m", "f") and an.gender != h.gender:
            continue
        rng = subject_range(view, k + 1)
        if rng[0] < rng[1] and rng[1] <= i:
            phrase = parse_phrase(view, rng)
            if phrase.label and (phrase.person or phrase.name_keys or phrase.organization
                                 or (word_class(toks[rng[0]]) or ("",))[0] == "organisation"):
                return _explicit(view, phrase, refs, mentions, h.gender, h.number, sent, how=how)
    return None


def _masculine_plural(view: View, rng: tuple[int, int]) -> bool:
    """Is the phrase headed by a sound masculine plural (اليمنيين، المواطنون، جميع المشاركين)?  Such a human
    plural takes a masculine verb (Wright, Grammar II §149), so after a feminine singular verb it is the object."""
    toks = view.tokens
    a = rng[0]
    if toks[a].key in _ALL and rng[1] - a > 1:
        a += 1
    t = toks[a]
    an = t.analysis
    return (t.kind == "word" and t.key.endswith(("ين", "ون")) and len(t.key) > 5 and an is not None
            and an.pos in ("noun", "adj") and an.number == "p" and not an.enclitic)


def _feminine_thing(view: View, rng: tuple[int, int]) -> bool:
    """Is the phrase a feminine common noun (السوق المحلية، الجهات المعنية، الوثائق)?  A masculine singular verb
    does not take it as its subject (the verb agrees in gender with a following subject; inanimate plurals are
    feminine singular), so after "وقال" / "وطالب" it is the content or the object and the subject is dropped.
    Person words (title, role, described source) and names are left alone: العلامة، الداعية، أسامة."""
    toks = view.tokens
    head = toks[rng[0]]
    c = word_class(head)
    if head.kind != "word" or (c is not None and c[0] != "thing") or not head.definite:
        return False
    an = head.analysis
    if an is None or an.pos != "noun":
        return False
    if head.norm.endswith("ات") and an.number == "p":
        return True
    nxt = toks[rng[0] + 1] if rng[0] + 1 < rng[1] else None
    return (nxt is not None and nxt.kind == "word" and nxt.definite and nxt.analysis is not None
            and nxt.analysis.pos == "adj" and nxt.norm.endswith("ة") and not head.norm.endswith("ة"))


def _known_names_after(view: View, i: int, refs: list[_Ref]) -> frozenset[int]:
    """The words after the verb at i that repeat a name of an earlier speaker (ويتابع بولاك: a surname the
    analyser reads as بـ + ولاك stays a name)."""
    known = {k for r in refs[-_WINDOW:] for k in r.name_keys if len(k) > 2}
    out = set()
    for j in range(i + 1, min(len(view.tokens), i + 4)):
        if view.tokens[j].kind != "word" or view.tokens[j].key not in known:
            break
        out.add(j)
    return frozenset(out)


def _head_key_of(tok: Tok) -> str:
    k = tok.key
    return k[2:] if k.startswith("ال") else k


def _speech_noun(tok: Tok) -> bool:
    """Is this word a speech or document noun (البيان، التهنئة، الرسالة): never a speaker by itself."""
    c = word_class(tok)
    return c is not None and c[0] == "product" and tok.definite


def _document_head(tok: Tok) -> bool:
    """An indefinite speech or document noun heading the subject (بيان، تقديرات، معلومات): its issuer speaks."""
    c = word_class(tok)
    return c is not None and c[0] == "product" and not tok.definite and (
        tok.analysis is None or tok.analysis.enclitic is None)


def _issuer(view: View, rng: tuple[int, int], names: frozenset[int]) -> tuple[int, int] | None:
    """The issuer after a document noun: its genitive (بيان المكتب)، لـ/لل- phrase (بيان للديوان) or صادر عن X."""
    toks = view.tokens
    k = rng[0] + 1
    if k + 1 < len(toks) and toks[k].key in ("صادر", "صادره") and toks[k + 1].key == "عن":
        r = subject_range(view, k + 2, after_verb=False, names=names)
        return r if r[0] < r[1] else None
    if k < rng[1] and toks[k].kind == "word" and not _COMP.match(toks[k].key):
        an = toks[k].analysis
        if toks[k].definite or toks[k].key[:1] == "ل" or (an is not None and an.pos == "noun_prop"):
            return (k, rng[1])
    return None


def _weak_before(view: View, brng: tuple[int, int], i: int, mentions: tuple[Mention, ...]) -> bool:
    """A speech noun before a verb, or a lone unknown word (ميدانيا أفادت مصادر ...) when a real subject follows."""
    c0 = word_class(view.tokens[brng[0]])
    if c0 is not None and c0[0] in ("product", "norm", "thing"):
        return True  # ألقى ... كلمة أوضح فيها: a speech noun before the verb is its object, never its speaker
    last = view.tokens[brng[1] - 1]
    if _head_key_of(view.tokens[brng[0]]) in _EVENTS:
        return True  # الحديث هنا عن: a talk is not a speaker
    if indefinite_accusative(last) and not (
            brng[0] > 0 and _COMP.match(view.tokens[brng[0] - 1].key)):
        return True  # an accusative (مطروحاً على) is a predicate, unless it is the subject of إنّ/أنّ
    if brng[1] - brng[0] != 1:
        return False
    t = view.tokens[brng[0]]
    if t.definite or word_class(t) is not None or _named(view, brng, mentions):
        return False
    rng = subject_range(view, i + 1)
    if rng[0] >= rng[1]:
        return False
    return word_class(view.tokens[rng[0]]) is not None or _named(view, rng, mentions)


def _participle(view: View, h: CueHit, refs: list[_Ref], drafts: list[_Draft]) -> _Draft:
    """A circumstantial participle (مضيفاً، مشيرةً، مؤكدين) takes the subject of the clause it follows."""
    i = h.tok.i
    sent = view.sentence[i]
    if not (drafts and view.sentence[drafts[-1].hit.tok.i] == sent):
        srng = _sentence_subject(view, i)
        if srng is not None:
            phrase = parse_phrase(view, srng)
            if phrase.label:
                sp = _explicit(view, phrase, refs, (), h.gender, h.number, sent, how="participle")
                return _Draft(h, sp, i, i + 1, "participle")
    if not refs:
        narrated = _narrated_subject(view, refs, (), h, sent, "participle")
        if narrated is not None:
            return _Draft(h, narrated, i, i + 1, "participle")
    return _Draft(h, _dropped(refs, h, "participle", sent), i, i + 1, "participle")


_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
# verbs of judgement that take two objects (اعتبر X Y، عدّ، وصف X بـ، رأى): a thing after them is their object
# adverbs of sequence that may open a sentence before its verb (بعدها توجه الوزير ...)
_OPENER_WORDS = frozenset(key(w) for w in "بعدها بعد ذلك ثم عقبها عقب وبعدها ومن جهته جهته جانبه بدوره".split())
_JUDGEMENT = frozenset(("اعتبر", "عدّ", "وصف", "رأى"))
# verbs whose object is the person addressed, before what is said (أبلغ المسؤولين أن، حذر المواطنين من)
_ADDRESSEE_VERBS = frozenset(("أبلغ", "أخبر", "طالب", "دعا", "حث", "ناشد", "وعد", "حذر", "اتهم", "نبه", "طلب", "سأل",
                              "أوصى", "نصح", "هنأ", "شكا", "تعهد", "وجه", "بعث", "أرسل", "رفع", "قدم", "أطلق", "أصدر"))
# verbs of condemning and welcoming: an event noun in construct right after them is their object
_EVALUATIVE = frozenset(("أدان", "دان", "ندد", "استنكر", "رحب", "أشاد", "انتقد", "ثمن"))
# negation particles before a sentence's opening verb (ولم يوفد الاتحاد ... لأنهما قالا: the verb's subject is
# still the sentence's subject)
_NEGATIONS = frozenset(key(w) for w in "لم ولم لن ولن لا ولا".split())
_EVENTS = frozenset(key(w) for w in "حديث لقاء اجتماع اتصال مباحثات محادثات بحث نقاش جلسة".split())
_PRE_HEAD = frozenset(key(w) for w in "أحدث احدث آخر اخر أبرز أغلب معظم أكثر غالبية".split())
_NOT_VERBS = frozenset(key(w) for w in (
    "بخصوص بشأن في على عن من بعد قبل خلال منذ مع عند لدى حول إلى الى كان كانت لكن إن ان أن بينما بحسب حسب "
    "وفق وفقا إثر اثر عقب رغم تزامنا بالتزامن تبعا").split())


def _particle(view: View, h: CueHit, refs: list[_Ref], drafts: list[_Draft], consumed: set[int],
              hit_at: dict[int, CueHit], mentions: tuple[Mention, ...]) -> _Draft | None:
    """بحسب / وفقاً لـ / نقلاً عن / حسبما: the speaker follows (بحسب ما أكّدت موسكو is one statement)."""
    toks = view.tokens
    i = h.tok.i
    sent = view.sentence[i]
    k = h.tok.key
    base = k[1:] if k[:1] in "وف" and len(k) > 3 else k
    if base.endswith(_PRONOUN_SUFFIXES) and base not in ("حسبما", "بحسبما", "وفقما"):  # بحسبه
        r = _previous(refs, "-", "s")
        sp = replace(r.speaker, resolved_by="attribution-particle") if r else Speaker(None, "", "unresolved")
        return _Draft(h, sp, i, i + 1, "particle")
    j = i + 1
    via_verb = base.endswith("ما")
    while j < len(toks) and toks[j].kind == "word" and toks[j].key in ("ل", "لـ"):
        j += 1
    if j < len(toks) and toks[j].key in ("ما", "لما", "مما"):
        j += 1
        via_verb = True
    if via_verb and j < len(toks) and _verb_cue(toks[j]):
        consumed.add(j)
        j += 1
        while j < len(toks) and toks[j].key in ("عنه", "عنها", "عنهم", "به", "بها", "بهم"):
            j += 1
    elif via_verb:
        return None
    if h.lemma == "نقل":
        if j < len(toks) and toks[j].key == "عن":
            j += 1
        else:
            return None
    rng = subject_range(view, j, after_verb=False)
    if rng[0] >= rng[1]:
        return None
    authored = False
    first = toks[rng[0]]
    lam = first.key.startswith("ل") and not first.key.startswith("لل") and len(first.key) > 3
    fk = first.key[1:] if lam else first.key
    fk = "ال" + fk[2:] if fk.startswith("لل") else fk
    c = word_class(fk)
    # a possessive pronoun (بحسب روايته), read on the form that keeps ة (رواية is no رواي+ه)
    suffixed = first.norm.endswith(_PRONOUN_SUFFIXES)
    if c is None and fk in _PRE_HEAD and rng[1] - rng[0] > 1:  # وفقاً لأحدث استطلاعات الرأي
        c = word_class(toks[rng[0] + 1])
    if c and c[0] == "product" and not suffixed:
        # وفقا لرواية ثلاثة أشخاص في مجلس: the speech noun's genitive (its author) is a phrase of its own
        nxt = subject_range(view, rng[0] + 1, after_verb=False)
        if nxt[0] < nxt[1]:
            rng = (rng[0], max(rng[1], nxt[1]))
    if c and c[0] == "product":
        if suffixed or rng[1] - rng[0] == 1:
            r = _previous(refs, "-", "s")
            if r is None:
                return None
            return _Draft(h, replace(r.speaker, resolved_by="attribution-particle"), i, rng[1], "particle")
        rng = (rng[0] + 1, rng[1])
        authored = True  # حسب وصف الجماهير: the genitive of a speech product is its author
        c = word_class(toks[rng[0]])
        if c is None and toks[rng[0]].key in _NUMERALS and rng[1] - rng[0] > 1:
            c = word_class(toks[rng[0] + 1])  # ثلاثة أشخاص: the counted noun
    elif c is None:
        for suf in _PRONOUN_SUFFIXES:
            base_class = word_class(fk[: -len(suf)]) if fk.endswith(suf) else None
            if base_class is not None and base_class[0] == "product":
                r = _previous(refs, "-", "s")
                if r is None:
                    return None
                return _Draft(h, replace(r.speaker, resolved_by="attribution-particle"), i, rng[1], "particle")
    if c is not None and c[0] in ("norm", "thing") and not via_verb:
        return None  # وفق الشريعة، حسب الخطة: a rule or plan, not a source
    # نقلاً عن X always relays a source (نقلاً عن الموقوفين), where بحسب / وفق may frame a rule or a plan
    speakerish = via_verb or authored or c is not None or h.lemma == "نقل" or _named(view, rng, mentions)
    if not speakerish:
        return None
    phrase = parse_phrase(view, rng, strip_lam=True)
    if not phrase.label:
        return None
    sp = _explicit(view, phrase, refs, mentions, "-", "s", sent, how="attribution-particle")
    if sp.resolved_by == "explicit":
        sp = replace(sp, resolved_by="attribution-particle")
    last = drafts[-1] if drafts else None
    if last is not None and last.cue_type == "verb" and last.after == i and view.sentence[last.hit.tok.i] == sent:
        # وأفادت مصادر أمنية نقلاً عن الموقوفين بأن ...: the particle sits between the verb's subject and what
        # was said; both statements have the same content, after the relayed source
        drafts[-1] = replace(last, after=rng[1])
        return _Draft(h, sp, i, rng[1], "particle", relay=True)
    return _Draft(h, sp, i, rng[1], "particle")


def _verb_cue(tok: Tok) -> bool:
    found = _lookup(tok)
    return found is not None and found[0].cue_type == "verb"


def _named(view: View, rng: tuple[int, int], mentions: tuple[Mention, ...]) -> bool:
    """Does the phrase start with a proper name (analysis noun_prop, or a mention of the entities stage)?"""
    t = view.tokens[rng[0]]
    if t.analysis is not None and t.analysis.pos == "noun_prop":
        return True
    return any(m.start <= t.start < m.end or t.start <= m.start < t.end for m in mentions)


def _headlines(view: View, refs: list[_Ref]) -> list[_Draft]:
    """Title lines "X: ..." (the speaker before a colon): optional statements, cue = "X:"."""
    out: list[_Draft] = []
    toks = view.tokens
    known: dict[str, Speaker] | None = None
    for li, (a, b) in enumerate(view.lines):
        words = [t for t in toks[a:b] if t.kind == "word"]
        if not words or (li > 0 and (len(words) > 20 or view.tokens[b - 1].end - view.tokens[a].start > 160)):
            continue
        colon = next((j for j in range(a, min(b, a + 7)) if toks[j].kind == "punct" and toks[j].norm == ":"), None)
        if colon is None:
            continue
        x = [t for t in toks[a:colon] if t.kind == "word"]
        if not 1 <= len(x) <= 3 or any(t.kind == "punct" for t in toks[a:colon]):
            continue
        if any(view.sentence[t.i] != view.sentence[a] for t in toks[a:colon]):
            continue
        from newsgraph.attribution.speakers import _is_cue_word  # a verb before the colon is a normal cue

        if any(_is_cue_word(t) for t in x):
            continue  # "ماليزيا تعلن: ..." is one statement, the verb's
        if not any(ch.isalpha() for t in x for ch in t.text):
            continue  # a time "17:58" is not a speaker
        if len(x) > 1 and x[-1].key.startswith("ل"):
            x = x[:-1]  # روسيا لأميركا: the addressee
        label = clean_label(view.text[x[0].start : x[-1].end])
        if known is None:
            known = {}
            for r in refs:  # later speakers win: a headline names the article's main speaker
                for n in (r.speaker.label, *r.speaker.aliases, *r.name_keys):
                    known.setdefault(key(n), r.speaker)
        resolved = known.get(key(label))
        sp = replace(resolved, resolved_by="headline", mention=Span.of(view.text, x[0].start, x[-1].end)) if resolved \
            else Speaker(None, label, "headline", (), Span.of(view.text, x[0].start, x[-1].end))
        start = toks[a].start
        hit = CueHit(toks[a], start, toks[colon].end, ":", "headline", "-", "-")
        out.append(_Draft(hit, sp, a, colon + 1, "headline", required=False))
    return out


def _head_word(s: str) -> str:
    """Key of a phrase's first word without ال (عضو مجلس الشورى -> عضو)."""
    w = key(s).split(" ", 1)[0] if s else ""
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _headline_cataphora(view: View, drafts: list[_Draft]) -> list[_Draft]:
    """A headline speaker that is only a description names its referent later, in the body (cataphora).

    "عضو شورى يطالب ..." / "مسؤول: ..." is the first body speaker described with the same head noun (طالب عضو
    مجلس الشورى الدكتور فهد العنزي); a document noun (بيان: ...) is the issuer, the first body speaker.
    """
    out = list(drafts)
    body = [d for d in drafts if d.hit.start >= view.title_end and d.required]
    for n, d in enumerate(drafts):
        if d.hit.start >= view.title_end or d.speaker.mention is None or d.speaker.entity is not None:
            continue
        surface = d.speaker.mention.text
        if d.anchor < d.hit.tok.i:  # the subject before the verb (عضو شورى يطالب): the whole phrase
            words = [t for t in view.tokens[d.anchor : d.hit.tok.i] if t.kind == "word"]
            surface = view.text[words[0].start : words[-1].end] if words else surface
        else:
            words = [t for t in view.tokens if d.speaker.mention.start <= t.start < d.speaker.mention.end
                     and t.kind == "word"]
        if words and words[0].definite and d.speaker.label:
            # الرئيس الأفغاني يحذّر: a definite office is the body speaker who bears exactly that office
            desc = key(d.speaker.label)
            later = next((b for b in body if b.speaker.label and key(b.speaker.label) != desc
                          and any(key(x) == desc for x in b.speaker.aliases)), None)
            if later is not None:
                out[n] = replace(d, speaker=replace(later.speaker, resolved_by="cataphora",
                                                    mention=d.speaker.mention))
            continue
        if not words:
            continue
        c = word_class(words[0])
        if c is None or c[0] not in ("title", "role", "anonymous", "product"):
            continue
        head = _head_word(surface)
        later = None
        for b in body:
            sp = b.speaker
            if c[0] == "product" or any(_head_word(x) == head for x in (sp.label, *sp.aliases, sp.title or "",
                                                                          sp.role or "")):
                later = b
                break
        if later is not None and later.speaker.label:
            out[n] = replace(d, speaker=replace(later.speaker, resolved_by="cataphora", mention=d.speaker.mention))
    return out


def _content(view: View, d: _Draft, anchors: list[tuple[int, int]], art_id: str) -> Content:
    """The content of a draft statement: up to the next statement of the sentence, or the sentence end."""
    i = d.hit.tok.i
    sent = view.sentence[i]
    _a, send = view.sentence_bounds[sent]
    if d.cue_type == "headline":
        _la, lb = next((ab for ab in view.lines if ab[0] <= i < ab[1]), (i, i + 1))
        return content_span(view, d.after, lb, article_id=art_id, opened=True)
    limit = send
    for anc, ci in anchors[bisect_left(anchors, (d.after, -1)) :]:
        if anc >= send:
            break
        if ci > i and view.sentence[ci] == sent:
            limit = anc
            break
    if d.cue_type == "particle" and not d.relay:
        sa = view.sentence_bounds[sent][0]
        prev_tok = view.tokens[i - 1] if i > 0 else None
        if (i > sa and prev_tok is not None and prev_tok.kind != "punct") or (i > sa + 1):
            # "... , بحسب ما أكّدت موسكو": the content is the clause before the particle
            earlier = [anc for anc, ci in anchors[bisect_left(anchors, (sa, -1)) : bisect_left(anchors, (i, -1))]
                       if ci < i and view.sentence[ci] == sent]
            start = max([sa, *[e + 1 for e in earlier]]) if earlier else sa
            if i - start >= 2:
                c = content_span(view, start, i, article_id=art_id)
                if c.span is not None:
                    return c
    return content_span(view, d.after, limit, article_id=art_id)
