"""Statistical named-entity tagger: a linear-chain CRF trained on ANERcorp (BIO tags).

The model (``resources/ner.crfsuite``, trained by ``scripts/train_ner.py``; licence in
``resources/NER-LICENSE.md``) tags whitespace tokens with ``B-``/``I-`` + ``PERS``, ``LOC``,
``ORG``, ``MISC`` or ``O``.  Features are computed here, by the same function at training and at
tagging time: word form, normalised form, the form without proclitics (و، ف، ب، ل، ك، ال),
affixes, shape, gazetteer flags (countries, regions, cities and towns from CLDR / pycountry / GeoNames;
person titles, organisation and place head nouns, speech verbs), the nearest title or head noun up to
four words before and speech verb up to three words after, whether the word's stem is a proper noun,
another word or unknown in the installed camel-tools morphology database (a dictionary lookup, cached
in the user's cache directory: no morphological analysis at tagging time) and a ±2 token window.

    >>> tag_tokens(["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "روسيا", "لن", "تنسحب"])
    ['O', 'O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', 'O']
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from newsgraph.errors import DependencyError, InputError, MorphologyDataError, ResourceError
from newsgraph.lexicons import load_tsv, resource_path
from newsgraph.model import EntityType, Mention, Sentence, Token
from newsgraph.morphology import DB_NAME, database_path
from newsgraph.text import norm_word

__all__ = [
    "ANER_TYPES",
    "DOC_MODEL_NAME",
    "DOC_WINDOW",
    "GAZETTEER_NAME",
    "MODEL_NAME",
    "Scores",
    "bio_spans",
    "document_features",
    "find_mentions",
    "read_conll",
    "sentence_features",
    "span_scores",
    "strip_proclitics",
    "tag_sentences",
    "tag_tokens",
]

MODEL_NAME = "ner.crfsuite"  # first pass: sentence features
DOC_MODEL_NAME = "ner-doc.crfsuite"  # second pass: sentence + document features
GAZETTEER_NAME = "ner_gazetteer.tsv"
ANER_TYPES = ("PERS", "LOC", "ORG", "MISC")

# BIO type -> the model's EntityType; LOC becomes GPE when the gazetteer knows it as a country or city
_TYPE_MAP: dict[str, EntityType] = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}

_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9\u0660-\u0669]")
_PUNCT = re.compile(r"^[^\w]+$")

# Proclitic strings, longest first: conjunction و/ف, preposition ب/ل/ك, article ال (and لل = ل + ال).
_PROCLITICS = (
    "وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
    "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك",
)
_MIN_STEM = 2  # never strip down to fewer letters (ولد، بلد stay whole in the stripped key's first try)


@lru_cache(maxsize=200_000)
def strip_proclitics(key: str) -> tuple[str, str]:
    """Split a normalised word into (proclitics, rest), the rest keeping at least two letters.

    Args:
        key: a normalised word (see :func:`norm_word`).

    Returns:
        The longest proclitic string and the rest; ``("", key)`` when there is none.

    >>> strip_proclitics("وروسيا"), strip_proclitics("بالعراق"), strip_proclitics("لبنان")
    (('و', 'روسيا'), ('بال', 'عراق'), ('ل', 'بنان'))
    """
    for p in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= _MIN_STEM:
            return p, key[len(p):]
    return "", key


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    """Normalised names by class: single-token lookups and multi-token name sequences."""

    single: dict[str, frozenset[str]]
    multi: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first key -> (whole name, class), longest first


@cache
def _gazetteer() -> _Gazetteer:
    single: dict[str, set[str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in load_tsv(GAZETTEER_NAME, columns=2):
        name, cls = row[0], row[1]
        words = tuple(norm_word(w) for w in name.split())
        if len(words) == 1:
            single.setdefault(words[0], set()).add(cls)
        elif words:
            multi.setdefault(words[0], []).append((words, cls))
    return _Gazetteer(
        single={k: frozenset(v) for k, v in single.items()},
        multi={k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in multi.items()},
    )


def _lookup(key: str, gaz: _Gazetteer) -> frozenset[str]:
    """Gazetteer classes of a word, trying it whole, then without proclitics, then with ال restored."""
    found = gaz.single.get(key)
    if found:
        return found
    prefix, rest = strip_proclitics(key)
    if prefix:
        found = gaz.single.get(rest)
        if not found and (prefix.endswith("ال") or prefix == "لل"):
            found = gaz.single.get("ال" + rest)
        if found:
            return found
    return frozenset()


def _gazetteer_tags(keys: Sequence[str], gaz: _Gazetteer) -> list[list[str]]:
    """Per token, ``gB:CLASS``/``gI:CLASS`` flags for the words of multi-word gazetteer names."""
    out: list[list[str]] = [[] for _ in keys]
    i = 0
    while i < len(keys):
        first = keys[i]
        _, rest = strip_proclitics(first)
        candidates = gaz.multi.get(first, ()) or gaz.multi.get(rest, ()) or gaz.multi.get("ال" + rest, ())
        step = 1
        for words, cls in candidates:
            n = len(words)
            if tuple(keys[i + 1:i + n]) == words[1:]:
                out[i].append(f"gB:{cls}")
                for j in range(i + 1, i + n):
                    out[j].append(f"gI:{cls}")
                step = n
                break
        i += step
    return out


# --- stems of the morphology database: a dictionary lookup instead of a full analysis ---------------

# Flags of a stem (normalised, undiacritised) in calima-msa-r13's stem table: "p" = some entry is a
# proper noun (noun_prop), "o" = some entry is not, "c" = a non-proper entry has a capitalised English
# gloss (nisbas and demonyms: روسي "Russian").  Built from the installed database on first use and
# cached in the user's cache directory (the database's licence does not allow shipping a copy).
_STEM_TABLE_VERSION = 1
# suffixes tried after the proclitics when the word itself is not a stem (ة، ات، ان، ين، ون، ي، ية، يون، يين)
_STEM_SUFFIXES = ("ه", "ات", "ان", "ين", "ون", "يه", "ي", "يون", "يين")


def _cache_dir() -> Path:
    root = os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / "newsgraph"


def _read_stem_flags(db: Path) -> dict[str, str]:
    """Stem -> flags from the database's ###STEMS### section (one line per stem entry)."""
    from newsgraph.morphology import stem_lines

    flags: dict[str, set[str]] = {}
    for line in stem_lines(db):
        parts = line.rstrip("\n").split("\t", 2)
        if len(parts) < 3:
            continue
        pos = gloss = ""
        for kv in parts[2].split(" "):
            if kv.startswith("pos:"):
                pos = kv[4:]
            elif kv.startswith("gloss:"):
                gloss = kv[6:]
        f = flags.setdefault(norm_word(parts[0]), set())
        if pos == "noun_prop":
            f.add("p")
        else:
            f.add("o")
            if gloss[:1].isupper():
                f.add("c")
    return {k: "".join(sorted(v)) for k, v in flags.items()}


@cache
def _stem_flags() -> dict[str, str]:
    """The stem table, from the user's cache (written on first use from the installed database)."""
    db = database_path()
    if not db.is_file():
        raise MorphologyDataError(
            f"the entity tagger needs the camel-tools morphology database ({db} is missing); "
            f"run: camel_data -i morphology-db-msa-r13 (or set CAMELTOOLS_DATA to the folder that holds it)"
        )
    stat = db.stat()
    cached = _cache_dir() / f"ner-stems-{DB_NAME}-v{_STEM_TABLE_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.tsv"
    try:
        rows = cached.read_text(encoding="utf-8").splitlines()
        return dict(row.split("\t", 1) for row in rows if "\t" in row)
    except OSError:
        pass
    table = _read_stem_flags(db)
    try:  # write atomically: parallel workers may build the table at the same time
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cached.parent, delete=False) as fh:
            fh.write("".join(f"{k}\t{v}\n" for k, v in sorted(table.items())))
        os.replace(fh.name, cached)
    except OSError:
        pass  # a read-only home: the table is rebuilt in each process (about 1 s)
    return table


def _stem_features(key: str, prefix: str, stem: str) -> tuple[str, ...]:
    """Morphology-database features of a word: the first of (word, word without proclitics, without a
    suffix too) that is a stem; ``db=np1`` only proper-noun entries, ``db=np+`` proper and other,
    ``db=known`` no proper noun, ``db=cap`` capitalised gloss, ``db=none`` not a stem (mostly foreign names)."""
    table = _stem_flags()
    candidates = [key, stem] if prefix else [key]
    candidates.extend(stem[: -len(s)] for s in _STEM_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= _MIN_STEM)
    for level, c in enumerate(candidates):
        f = table.get(c)
        if f:
            out = ["db=np1" if f == "p" else "db=np+" if "p" in f else "db=known"]
            if "c" in f:
                out.append("db=cap")
            out.append(f"dbl={min(level, 2)}")
            return tuple(out)
    return ("db=none",)


MorphLookup = Callable[[str], frozenset[str]]
"""A function from a word form to the set of POS tags its morphological analyses have."""


def _token_features(form: str, key: str) -> tuple[list[str], list[str], list[str]]:
    """(features of the token itself, features repeated for its neighbours, for the next neighbours only)."""
    prefix, stem = strip_proclitics(key)
    own = [
        "w=" + form,
        "p1=" + key[:1], "p2=" + key[:2], "p3=" + key[:3],
        "s1=" + key[-1:], "s2=" + key[-2:], "s3=" + key[-3:],
        "ss2=" + stem[-2:], "ss3=" + stem[-3:], "ss4=" + stem[-4:], "sp3=" + stem[:3], "sp4=" + stem[:4],
        "len=" + str(min(len(key), 8)),
        # transliterated foreign names are rich in long vowels (فولكسفاغن، كاديما)
        "vow=" + str(min(sum(stem.count(c) for c in "اوي"), 4)),
    ]
    if any(c in stem for c in "ڤپچگژ"):
        own.append("foreign-letter")
    near: list[str] = []
    if _ARABIC.search(key):
        db = _stem_features(key, prefix, stem)
        own.extend(db)
        near.extend(x for x in db if x.startswith("db="))
    if not _ARABIC.search(form):
        if _LATIN.search(form):
            own.append("shape=latin")
        elif _DIGIT.search(form):
            own.append("shape=digit")
        elif _PUNCT.match(form):
            own.append("shape=punct")
        else:
            own.append("shape=other")
    # context features: what the neighbours contribute
    ctx = ["n=" + key, "st=" + stem, "pre=" + prefix]
    if key.endswith("يه"):
        ctx.append("nisba=f")
    elif key.endswith("ي") and len(key) > 3:
        ctx.append("nisba=m")
    return own, ctx, near


_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=200_000)
def _word_features(form: str) -> tuple[str, tuple[tuple[str, ...], ...], tuple[str, ...], tuple[str, ...]]:
    """(normalised key, features at offsets 0, -2, -1, +1, +2, cue marks for :func:`_cue_features`) of one
    word form; cached because words repeat."""
    key = norm_word(form)
    own, ctx, near = _token_features(form, key)
    classes = _lookup(key, _gazetteer())
    ctx.extend(f"g:{c}" for c in sorted(classes))
    at = (tuple(own + ctx), *(tuple(f"{d:+d}:{x}" for x in (ctx + near if abs(d) == 1 else ctx)) for d in _OFFSETS))
    marks = [_TRIGGERS[c] for c in sorted(classes) if c in _TRIGGERS]
    if "speech" in classes:
        marks.append(_SPEECH)
    if _PUNCT.match(form):
        marks.append(_PUNCT_MARK)
    if key in _BLOCKERS:
        marks.append(_BLOCK_MARK)
    return key, at, tuple(ctx), tuple(marks)


# Cue words that say what the words near them are.  Before a token: a person title (الرئيس، وزير، الشيخ),
# an organisation head (شركة، وزارة، حزب) or a place head (مدينة، محافظة، شمال) a few words back marks the
# words after it as inside such a construction (وزير الخارجية الروسي سيرغي لافروف: سيرغي is 3 words after
# the title, beyond the ±2 window).  After a token: a speech verb (قال، أضاف، أكدت) marks its subject.
# Neither runs across punctuation; a trigger does not run across a function word either (a preposition,
# conjunction, relative or complementiser).
_TRIGGERS = {"title": "tP", "orgword": "tO", "locword": "tL"}  # gazetteer class -> feature name
_SPEECH = "sv"
_PUNCT_MARK, _BLOCK_MARK = ".", "|"
_BLOCKERS = frozenset(norm_word(w) for w in """في من على إلى الى عن مع أن ان إن لن لم قد التي الذي الذين
و أو ثم بعد قبل خلال حيث كما هذا هذه ذلك تلك بين حول ضد منذ عند لدى""".split())
_TRIGGER_REACH = 4  # words back in which a title / head counts
_SPEECH_REACH = 3  # words on in which a speech verb counts (a subject before its verb)


def _cue_features(marks: Sequence[tuple[str, ...]]) -> list[list[str]]:
    """Per token: the nearest trigger before it (``tP``, ``tP@3``) and speech verb after it (``sv@1``).

    Args:
        marks: per token, its cue marks from :func:`_word_features`.

    Returns:
        Per token, the cue attributes.
    """
    out: list[list[str]] = [[] for _ in marks]
    n = len(marks)
    for i in range(n):
        for d in range(1, _TRIGGER_REACH + 1):
            j = i - d
            if j < 0:
                break
            hit = [m for m in marks[j] if m.startswith("t")]
            if hit:
                for h in hit:
                    out[i].extend((h, f"{h}@{d}"))
                break
            if _PUNCT_MARK in marks[j] or _BLOCK_MARK in marks[j]:
                break
        for d in range(1, _SPEECH_REACH + 1):
            j = i + d
            if j >= n or _PUNCT_MARK in marks[j]:  # a speech verb may follow a function word (إنه قال)
                break
            if _SPEECH in marks[j]:
                out[i].append(f"sv@{d}")
                break
    return out


def sentence_features(tokens: Sequence[str], *, morph: MorphLookup | None = None) -> list[list[str]]:
    """CRF attributes of every token of one sentence (the same function trains and tags).

    Args:
        tokens: the sentence's whitespace tokens.
        morph: optional POS lookup; when given, adds ``pos=`` features (the shipped model is
            trained without them, see README "Entity recognition").

    Returns:
        One list of attribute strings per token.

    >>> feats = sentence_features(["وزير", "الخارجية", "سيرغي", "لافروف"])
    >>> "g:title" in feats[0], "-1:g:title" in feats[1]
    (True, True)
    """
    words = [_word_features(t) for t in tokens]
    keys = [w[0] for w in words]
    # multi-word gazetteer names and POS depend on more than the form: added per sentence
    extra = _gazetteer_tags(keys, _gazetteer())
    cues = _cue_features([w[3] for w in words])
    if morph is not None:
        for i, t in enumerate(tokens):
            extra[i].extend("pos=" + p for p in sorted(morph(t)))
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        f = ["bias", *words[i][1][0], *extra[i]]
        f.extend(cues[i])
        for k, d in enumerate(_OFFSETS, 1):
            j = i + d
            if 0 <= j < n:
                f.extend(words[j][1][k])
                if extra[j]:
                    f.extend(f"{d:+d}:{x}" for x in extra[j])
            else:
                f.append(f"{d:+d}:BOS" if j < 0 else f"{d:+d}:EOS")
        if i > 0:
            f.append(f"b-1={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            f.append(f"b+1={keys[i]}|{keys[i + 1]}")
        out.append(f)
    return out


DOC_WINDOW = 10
"""Sentences on each side whose first-pass tags inform a word's document features."""


def document_features(sentences: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]],
                      *, window: int = DOC_WINDOW) -> list[list[list[str]]]:
    """Second-pass attributes: how the first pass tagged the same word elsewhere nearby.

    A name is often tagged confidently once (after a title, in full) and missed elsewhere
    (bare surname, with a clitic); these features carry the confident tag to the other
    occurrences of the same word without proclitics within ``window`` sentences on each side.
    Only other occurrences count, never the token itself.

    Args:
        sentences: the tokens of consecutive sentences of one text.
        first_pass: the first-pass BIO tags of the same tokens.
        window: sentences on each side that count.

    Returns:
        Per sentence, per token, the extra attributes (``d=B-PERS``, ``dm=PERS``, ``-1:d=...``).

    >>> document_features([["قال", "طالباني"], ["الرئيس", "جلال", "طالباني"]],
    ...                   [["O", "O"], ["O", "B-PERS", "I-PERS"]])[0][1]
    ['d=I-PERS', 'dm=PERS']
    """
    stems = [[strip_proclitics(_word_features(t)[0])[1] for t in s] for s in sentences]
    per_sentence: list[dict[str, dict[str, int]]] = []
    for st, tags in zip(stems, first_pass, strict=True):
        c: dict[str, dict[str, int]] = {}
        for w, tag in zip(st, tags, strict=True):
            d = c.setdefault(w, {})
            d[tag] = d.get(tag, 0) + 1
        per_sentence.append(c)
    out: list[list[list[str]]] = []
    n = len(sentences)
    for si in range(n):
        lo, hi = max(0, si - window), min(n, si + window + 1)
        own: list[list[str]] = []
        for w, tag in zip(stems[si], first_pass[si], strict=True):
            counts: dict[str, int] = {}
            for sj in range(lo, hi):
                for t, k in per_sentence[sj].get(w, {}).items():
                    counts[t] = counts.get(t, 0) + k
            counts[tag] -= 1  # not the token itself
            seen = sorted(t for t, k in counts.items() if k > 0)
            if not seen:
                own.append([])
                continue
            by_type: dict[str, int] = {}
            for t in seen:
                ty = t.partition("-")[2] or "O"
                by_type[ty] = by_type.get(ty, 0) + counts[t]
            major = max(sorted(by_type), key=lambda ty: by_type[ty])
            own.append([*("d=" + t for t in seen), "dm=" + major])
        feats: list[list[str]] = []
        for i in range(len(own)):
            f = list(own[i])
            for off in (-1, 1):
                if 0 <= i + off < len(own):
                    f.extend(f"{off:+d}:{x}" for x in own[i + off])
            feats.append(f)
        out.append(feats)
    return out


@cache
def _taggers() -> tuple[object, object]:
    try:
        import pycrfsuite
    except ImportError:  # pragma: no cover - declared dependency
        raise DependencyError("the entity tagger needs python-crfsuite: pip install python-crfsuite") from None
    taggers = []
    for name in (MODEL_NAME, DOC_MODEL_NAME):
        path = resource_path(name)
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(path)
        except (OSError, ValueError) as exc:
            raise ResourceError(f"cannot open the entity model {path}: {exc}; re-run scripts/train_ner.py") from None
        taggers.append(tagger)
    return taggers[0], taggers[1]


def _check(tokens: Sequence[str]) -> None:
    for t in tokens:
        if not t or any(ch.isspace() for ch in t):
            raise InputError(f"entity tagger: token {t!r} is empty or contains whitespace; give one word per token")


def tag_sentences(sentences: Sequence[Sequence[str]], *, document: bool = True) -> list[list[str]]:
    """BIO entity tags for consecutive sentences of one text (two passes: sentence, then document).

    Args:
        sentences: the tokens of each sentence, in text order; each token a non-empty string
            without whitespace.
        document: run the second, document-level pass (the default).  Without it, or when there
            is a single sentence, only the sentence-level model runs: the second pass was trained
            on running text and does worse on an isolated sentence.

    Returns:
        One list of tags (``B-PERS``, ``I-LOC``, ``O`` ...) per sentence.

    Raises:
        InputError: a token is empty or contains whitespace.

    >>> tag_sentences([["زار", "بوتين", "سوريا"], []])
    [['O', 'B-PERS', 'B-LOC'], []]
    """
    for s in sentences:
        _check(s)
    first_tagger, doc_tagger = _taggers()
    feats = [sentence_features(s) for s in sentences]
    first = [list(first_tagger.tag(x)) if x else [] for x in feats]  # type: ignore[attr-defined]
    if not document or sum(1 for s in sentences if s) < 2:
        return first
    docs = document_features(sentences, first)
    return [
        list(doc_tagger.tag([f + d for f, d in zip(x, dx, strict=True)])) if x else []  # type: ignore[attr-defined]
        for x, dx in zip(feats, docs, strict=True)
    ]


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """BIO entity tags (``B-PERS``, ``I-LOC``, ``O`` ...) for one isolated sentence of whitespace tokens.

    For the sentences of one text use :func:`tag_sentences`: its second pass uses the other sentences.

    Args:
        tokens: the sentence's tokens, each a non-empty string without whitespace.

    Returns:
        One tag per token.

    Raises:
        InputError: a token is empty or contains whitespace.

    >>> tag_tokens(["وصل", "وزير", "الخارجية", "سيرغي", "لافروف", "إلى", "دمشق"])
    ['O', 'O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
    """
    return tag_sentences([tokens], document=False)[0]


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first, end, type)`` (token indices, end exclusive) from BIO tags, conlleval-style.

    An ``I-X`` that does not continue an ``X`` entity starts a new one (as conlleval counts it).

    >>> bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"])
    [(0, 2, 'PERS'), (3, 5, 'LOC'), (5, 6, 'LOC'), (6, 7, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        bio, _, t = tag.partition("-")
        continues = bio == "I" and t == kind and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if bio in ("B", "I"):
            start, kind = i, t
    return spans


@dataclass(frozen=True, slots=True)
class Scores:
    """Exact-span precision, recall and F1 with the counts behind them."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def span_scores(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]], *, types: Sequence[str] = ("PERS", "LOC", "ORG")
) -> dict[str, Scores]:
    """Exact-span scores per entity type and micro-averaged (key ``"micro"``) over ``types``.

    Args:
        gold: gold BIO tags, one sequence per sentence.
        predicted: predicted BIO tags, aligned with ``gold``.
        types: the entity types scored; spans of other types are ignored on both sides.

    Raises:
        InputError: a sentence's gold and predicted tag counts differ.

    >>> s = span_scores([["B-PERS", "I-PERS", "B-LOC"]], [["B-PERS", "O", "B-LOC"]])
    >>> s["LOC"].f1, s["PERS"].f1, round(s["micro"].f1, 2)
    (1.0, 0.0, 0.5)
    """
    counts = {t: [0, 0, 0] for t in types}
    for g, p in zip(gold, predicted, strict=True):
        if len(g) != len(p):
            raise InputError(f"span_scores: a sentence has {len(g)} gold tags but {len(p)} predicted tags")
        gs = {s for s in bio_spans(g) if s[2] in counts}
        ps = {s for s in bio_spans(p) if s[2] in counts}
        for s in gs & ps:
            counts[s[2]][0] += 1
        for s in ps - gs:
            counts[s[2]][1] += 1
        for s in gs - ps:
            counts[s[2]][2] += 1
    out = {t: Scores(*c) for t, c in counts.items()}
    out["micro"] = Scores(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out


def read_conll(text: str, *, source: str = "<input>") -> list[list[tuple[str, ...]]]:
    """Sentences of a CoNLL text: one token per line (further columns kept), blank line between sentences.

    Args:
        text: the file's text.
        source: the file name, for error messages.

    Returns:
        One list per sentence of the whitespace-split columns of each line.

    >>> read_conll("بوتين B-PERS\\nقال O\\n\\n\\nروسيا\\n")
    [[('بوتين', 'B-PERS'), ('قال', 'O')], [('روسيا',)]]
    """
    sentences: list[list[tuple[str, ...]]] = []
    current: list[tuple[str, ...]] = []
    for line in text.splitlines():
        cols = tuple(line.split())
        if cols:
            current.append(cols)
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def find_mentions(sentences: Sequence[Sentence | Sequence[Token]], text: str, *,
                  include_misc: bool = False) -> tuple[Mention, ...]:
    """Entity mentions the CRF finds in the sentences of one text, with offsets into ``text``.

    PERS → ``PER``, ORG → ``ORG``, LOC → ``GPE`` when the gazetteer knows the name as a country,
    region, city or town and ``LOC`` otherwise; MISC only with ``include_misc``.  ``source`` is ``"crf"``.
    Give all sentences of an article at once: the second pass uses the neighbouring sentences.

    Args:
        sentences: the text's sentences (``Sentence`` values or token sequences), in order,
            punctuation tokens included (the tagger was trained with them).
        text: the original article text the token offsets point into.
        include_misc: also return MISC mentions.

    Returns:
        The mentions, in text order.

    >>> text = "قال الرئيس فلاديمير بوتين"
    >>> toks = [Token(0, 3, "قال"), Token(4, 10, "الرئيس"), Token(11, 19, "فلاديمير"), Token(20, 25, "بوتين")]
    >>> [(m.text, m.type) for m in find_mentions([toks], text)]
    [('فلاديمير بوتين', 'PER')]
    """
    words = [
        [t for t in (s.tokens if isinstance(s, Sentence) else s) if t.text and not any(ch.isspace() for ch in t.text)]
        for s in sentences
    ]
    gaz = _gazetteer()
    out: list[Mention] = []
    for sent, tags in zip(words, tag_sentences([[t.text for t in s] for s in words]), strict=True):
        for first, end, kind in bio_spans(tags):
            if kind == "MISC" and not include_misc:
                continue
            etype = _TYPE_MAP[kind] if kind in _TYPE_MAP else None
            if etype is None:
                continue
            start, stop = sent[first].start, sent[end - 1].end
            if etype == "LOC" and _is_gpe([norm_word(t.text) for t in sent[first:end]], gaz):
                etype = "GPE"
            out.append(Mention(start, stop, text[start:stop], etype, key=None, source="crf"))
    return tuple(out)


def _is_gpe(keys: list[str], gaz: _Gazetteer) -> bool:
    """Whether a LOC name is a country, region, city or town in the gazetteer (then it is a GPE)."""
    if len(keys) == 1:
        classes = _lookup(keys[0], gaz)
    else:
        first = strip_proclitics(keys[0])[1]
        names = gaz.multi.get(keys[0], ()) + gaz.multi.get(first, ()) + gaz.multi.get("ال" + first, ())
        classes = frozenset(c for ws, c in names if ws[1:] == tuple(keys[1:]))
    return bool(classes & {"country", "region", "city", "town"})
