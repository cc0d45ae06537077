"""Morphological analysis with camel-tools' calima-msa-r13 database (the only camel_tools importer).

Each distinct word form is analysed once; the analyses are kept as compact, shared
:class:`~newsgraph.model.Analysis` values (camel's full feature dicts cost ~30 KB per form),
deduplicated (case endings collapse) and ranked by a static score.  Per token, a few cheap
context rules then choose among the ranked analyses.

How the analysis of a form is ranked (static score, higher is better):

* camel's ``pos_lex_logprob`` (corpus frequency of the lemma with this POS; -99 when unseen),
  which alone picks حِمْص "Homs" over حُمُّص "hummus" and بُوتِين "Putin" over بِ+وَتِين;
* ``+100`` when the form is exactly a function word or adverb of the database (prep, conj,
  particle, pronoun, adv: قبل "before", عبر "via", أيضاً "also", مضيفاً "adding", مشيراً
  "indicating"): camel has no frequency for most closed-class lemmas, so they would lose to
  rare content words (قَبِل "accept", أَيْض "metabolism");
* ``-4`` for the emphatic لَ (``la_emph``) and ``-3`` for a 1st-person-singular possessive —
  both rare in news prose, but offered for every ل-initial / ي-final form;
* ``-1`` for an unwritten accusative tanwin read into a bare final alef (روسيا as رُوسِيّاً
  "Russian" rather than the name) and ``-1`` for spelling-variant matches (``source=spvar``:
  دعوة as دعوه "he called him");
* ``-1`` for 1st-person-singular verbs (أكثرُ "I become many" for the elative أكثر), rare
  outside quotations; ``-0.5`` for duals, ``-0.5`` for the subordinating/particle readings of و ف (``wa_sub``,
  ``fa_rc`` ...) against the plain conjunction, ``-0.3`` per proclitic (the simplest
  segmentation wins).

Context rules (per token; see :meth:`Morphology.analyse_sentences`), each only among readings
that score within a margin of the best one:

* a proper-noun reading is chosen when the previous word is a title
  (``resources/morphology_context.tsv``: الرئيس، الجنرال ...) or was itself chosen as a proper
  noun (name sequences: فلاديمير بوتين);
* a perfect-tense verb reading is chosen at the start of a clause or after a free-standing
  و/ف/ثم (Arabic news clauses are verb-first), unless the best reading is a very frequent
  nominal (log-probability above -3: غير أن، بعد أن);
* after a preposition a nominal reading is chosen over a verb (على طلب "on request").

Words the database does not know get ``analysis=None`` (no guess: the entity stage decides
what unknown words are; most are foreign names).  Latin words, numbers, URLs and punctuation
are not analysed; a hashtag is analysed as the word after ``#`` when it is a single word.
"""

from __future__ import annotations

import gc
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsgraph.errors import DependencyError, MorphologyDataError
from newsgraph.lexicons import load_tsv
from newsgraph.model import Analysis, Sentence, Token
from newsgraph.segment import new_token
from newsgraph.text import norm_word

__all__ = ["DB_NAME", "Morphology", "database_path", "get_morphology", "stem_lines"]

DB_NAME = "calima-msa-r13"
# the cache key of a form: without diacritics (camel ignores them) except tanwin fath, which the
# scoring reads (عسكرياً with tanwin is an adverb/accusative; روسيا without it a name)
_MARKS_TABLE = str.maketrans("", "", "".join(chr(c) for c in range(0x064C, 0x0660)) + "\u0670\u0640\u200c\u200d\u200b")
# closed-class and adverb tags of calima-msa-r13
_FUNCTION_POS = frozenset(
    {"prep", "adv", "adv_rel", "adv_interrog", "conj", "conj_sub", "part", "part_neg", "part_fut", "part_det",
     "part_restrict", "part_verb", "part_voc", "part_emphatic", "part_focus", "part_interrog", "pron", "pron_dem",
     "pron_rel", "pron_interrog", "pron_exclam"}
)
_LEX_INDEX = re.compile(r"_\d+$")
# proclitic feature names in surface order: question, conjunction, preposition/particle, article
_PRC_FEATS = ("prc3", "prc2", "prc1", "prc0")
_WEAK_PROCLITICS = frozenset({"wa_sub", "wa_part", "wa_prep", "fa_sub", "fa_rc", "fa_conn", "wa_rc"})
_ALTERNATIVES = 4
_CONTEXT_MARGIN = 2.5
# a nominal reading this frequent (غير 'other', بعد 'after') is kept even at a clause start
_FREQUENT = -3.0
# proclitics -> their score penalty (0.3 each, 0.5 more for a weak reading), computed once per combination
_PRC_PENALTY: dict[tuple[str, ...], float] = {}


_Entry = tuple[tuple[tuple[float, Analysis], ...], "Analysis | None", tuple[Analysis, ...]]


def database_path() -> Path:
    """Where camel-tools looks for the morphology database ($CAMELTOOLS_DATA, else ~/.camel_tools).

    >>> database_path().name
    'morphology.db'
    """
    root = os.environ.get("CAMELTOOLS_DATA")
    base = Path(root).expanduser().absolute() if root else Path.home() / ".camel_tools"
    return base / "data" / "morphology_db" / DB_NAME / "morphology.db"


def stem_lines(db: Path) -> Iterator[str]:
    """The lines of the database file's ###STEMS### section (one stem entry each: form, category, features).

    >>> next(stem_lines(database_path())).count("\t") >= 2      # doctest: +SKIP
    True
    """
    in_stems = False
    with db.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("###"):
                in_stems = line.startswith("###STEMS###")
            elif in_stems:
                yield line


def _load_analyzer() -> Any:
    """camel-tools' Analyzer over calima-msa-r13, after checking that nothing would be downloaded."""
    try:
        import camel_tools  # noqa: F401  (the package itself is light; its submodules read data)
    except ImportError:
        raise DependencyError(
            "camel-tools is not installed; install it with: pip install --no-deps camel-tools==1.6.0"
        ) from None
    db_path = database_path()
    catalogue = db_path.parents[3] / "catalogue.json"
    if not db_path.is_file() or not catalogue.is_file():
        missing = db_path if not db_path.is_file() else catalogue
        raise MorphologyDataError(
            f"the camel-tools morphology database is not installed ({missing} is missing); "
            f"run: camel_data -i morphology-db-msa-r13 (or set CAMELTOOLS_DATA to the folder that holds it)"
        )
    # importing camel_tools.morphology reads the catalogue checked above (it would download one otherwise)
    from camel_tools.morphology.database import MorphologyDB

    try:
        db = MorphologyDB(str(db_path), "a")
    except Exception as exc:  # camel raises several types for a corrupt file; map them to ours
        raise MorphologyDataError(f"cannot read the camel-tools morphology database {db_path}: {exc}") from exc
    return _CompactAnalyzer(db)


_MERGED = (
    "lex", "pos", "prc3", "prc2", "prc1", "prc0", "enc0", "gen", "num", "per", "asp", "form_gen", "form_num",
    "pos_lex_logprob", "source",
)


class _CompactAnalyzer:
    """camel-tools' ``Analyzer.analyze`` (backoff NONE) computing only the features newsgraph keeps.

    camel builds ~40 features per analysis (tokenisation schemes, CAPHI, patterns, rewritten
    diacritics); newsgraph keeps eleven.  This walks the same prefix/stem/suffix segmentations and
    compatibility tables of the same database and merges features with the same precedence
    (prefix over suffix over stem, ``form_gen``/``form_num`` when ``gen``/``num`` is '-'), so the
    analyses are those of camel (tests/test_morphology.py compares them on real text), ~10x faster.
    """

    def __init__(self, db: Any) -> None:
        from camel_tools.morphology import analyzer as camel_analyzer
        from camel_tools.utils.charsets import AR_CHARSET, AR_DIAC_CHARSET
        from camel_tools.utils.dediac import dediac_ar

        self._db = db
        self._norm_map = camel_analyzer.DEFAULT_NORMALIZE_MAP
        self._is_ar = camel_analyzer._is_ar
        # the Arabic-script characters that camel treats as digits or punctuation
        self._punct = frozenset(c for c in AR_CHARSET if camel_analyzer._has_punc(c) or camel_analyzer._is_digit(c))
        self._dediac = dediac_ar
        # the letters of camel's dediac_ar(normalize_tanwyn(rewrite_diac(diac))): its rewrites only
        # drop the '#'/'+' morpheme markers, turn ٱ into ا and move diacritics, which dediac removes
        table: dict[int, str | None] = {ord(c): None for c in AR_DIAC_CHARSET}
        table.update({ord("#"): None, ord("+"): None, ord("\u0671"): "\u0627"})
        self._letters_table = table
        # prefix-and-suffix feature overlays, shared by every stem between them
        self._overlays: dict[tuple[int, int], tuple[Any, ...]] = {}
        # per stem analysis (by id; the entry keeps the dict alive): what it gives every prefix and suffix
        self._stems: dict[int, tuple[Any, ...]] = {}

    def analyze(self, word: str) -> list[dict[str, Any]]:
        """The distinct analyses of ``word`` as small dicts (``_MERGED`` + stemgloss, stem, indef_acc).

        Analyses that differ only in features newsgraph drops (case endings) come once.
        """
        word = word.strip()
        # camel answers digits, punctuation and foreign words with placeholder analyses: none here
        if not word or not self._is_ar(word) or not self._punct.isdisjoint(word):
            return []
        db = self._db
        word_dediac = self._dediac(word)
        word_normal = self._norm_map.map_string(word_dediac)
        surface = word_dediac.replace("\u0640", "")
        prefix_hash, stem_hash, suffix_hash = db.prefix_hash, db.stem_hash, db.suffix_hash
        ps_compat, ss_compat, px_compat = db.prefix_stem_compat, db.stem_suffix_compat, db.prefix_suffix_compat
        overlays = self._overlays
        stems = self._stems
        out: dict[tuple[Any, ...], dict[str, Any]] = {}
        n = len(word_normal)
        for p in range(0, min(db.max_prefix_size, n - 1) + 1):
            prefix_analyses = prefix_hash.get(word_normal[:p])
            if prefix_analyses is None:
                continue
            for s in range(max(1, n - p - db.max_suffix_size), n - p + 1):
                suffix_analyses = suffix_hash.get(word_normal[p + s :])
                if suffix_analyses is None:
                    continue
                stem_analyses = stem_hash.get(word_normal[p : p + s])
                if stem_analyses is None:
                    continue
                for prefix_cat, pf in prefix_analyses:
                    stem_ok = ps_compat[prefix_cat]
                    px_ok = px_compat.get(prefix_cat)
                    if px_ok is None:
                        continue
                    for stem_cat, sf in stem_analyses:
                        if stem_cat not in stem_ok:
                            continue
                        sx_ok = ss_compat.get(stem_cat)
                        if sx_ok is None:
                            continue
                        st = stems.get(id(sf))
                        if st is None:
                            st = stems[id(sf)] = self._stem_data(sf)
                        base, stem_diac, stem_letters, stem_gloss, stem_indef, _ = st
                        for suffix_cat, xf in suffix_analyses:
                            if suffix_cat not in sx_ok or suffix_cat not in px_ok:
                                continue
                            ov = overlays.get((id(pf), id(xf)))
                            if ov is None:
                                ov = overlays[(id(pf), id(xf))] = self._overlay(pf, xf)
                            overlay, prefix_letters, suffix_letters, suffix_indef, _, _ = ov
                            merged = base.copy()
                            merged.update(overlay)
                            if merged.get("gen") == "-" and "form_gen" in merged:
                                merged["gen"] = merged["form_gen"]
                            if merged.get("num") == "-" and "form_num" in merged:
                                merged["num"] = merged["form_num"]
                            # the letters of the concatenated diacritised forms (translate works per character)
                            if prefix_letters + stem_letters + suffix_letters != surface:
                                merged["source"] = "spvar"
                            merged["stemgloss"] = stem_gloss
                            merged["stem"] = stem_diac
                            merged["indef_acc"] = stem_indef if suffix_indef is None else suffix_indef
                            key = tuple(merged.values())
                            if key not in out:
                                out[key] = merged
        return list(out.values())

    def _overlay(self, pf: dict[str, Any], xf: dict[str, Any]
                 ) -> tuple[dict[str, str], str, str, bool | None, dict[str, Any], dict[str, Any]]:
        """What a prefix and a suffix add to every stem between them: (feature overlay, prefix letters,
        suffix letters, the suffix's CASE_INDEF_ACC flag or None when it has no ``bw``, pf, xf)."""
        # camel's precedence: prefix over suffix over stem, '-' and '' meaning "not set"
        overlay: dict[str, str] = {}
        for feat in _MERGED:
            x = xf.get(feat, "")
            if x != "-" and x != "":
                overlay[feat] = x
            p = pf.get(feat, "")
            if p != "-" and p != "":
                overlay[feat] = p
        letters = self._letters_table
        bw = xf.get("bw")
        # the dicts are kept so their ids stay valid (and unique) while the overlay is cached
        return (overlay, pf.get("diac", "").translate(letters), xf.get("diac", "").translate(letters),
                bw.endswith("CASE_INDEF_ACC") if bw else None, pf, xf)

    def _stem_data(self, sf: dict[str, Any]) -> tuple[dict[str, Any], str, str, str, bool, dict[str, Any]]:
        """What a stem analysis gives every prefix and suffix: (its features, diacritised stem, its letters,
        gloss, CASE_INDEF_ACC flag, sf)."""
        stem_diac = sf.get("diac", "")
        # sf is kept so its id stays valid (and unique) while the entry is cached
        return ({k: sf[k] for k in _MERGED if k in sf}, stem_diac, stem_diac.translate(self._letters_table),
                sf.get("gloss", ""), sf.get("bw", "").endswith("CASE_INDEF_ACC"), sf)


class Morphology:
    """Analyses Arabic word forms once each and chooses an analysis per token in context.

    Args:
        cache_size: how many distinct word forms to keep analysed (the oldest tenth is
            dropped when full; the analyses they shared go when twice as many have been made).
            60,000 forms cover the words of ~800 news articles (database ≈ 490 MB); over 5,000
            articles spread through SaudiNewsNet one process peaked at 953 MB with 60,000 against
            988 MB with 80,000 (and 4x shared analyses), in about the same CPU time; over the whole
            corpus a worker peaked at 1.06 GB with 80,000 and 1.22 GB with 200,000.

    Raises:
        DependencyError: camel-tools is not installed.
        MorphologyDataError: the calima-msa-r13 database is not installed.

    >>> m = get_morphology()                       # doctest: +SKIP
    >>> m.analyse_word("وقال")[0].proclitics        # doctest: +SKIP
    ('wa_conj',)
    """

    def __init__(self, *, cache_size: int = 60_000) -> None:
        self._analyzer = _load_analyzer()
        # The database is millions of long-lived dicts and strings; every full garbage collection
        # would walk them all (it halved throughput).  Moving what exists now to the permanent
        # generation keeps the collector to the objects the pipeline creates per article.
        gc.collect()
        gc.freeze()
        # form key -> its entry: (ranked analyses, the choice when no context rule can change it, its
        # alternatives) — the per-token work of most tokens is then one lookup
        self._scored: dict[str, _Entry] = {}
        self._hits: set[str] = set()  # cached forms looked up again since they were (re)inserted
        self._cache_size = cache_size
        self._shared: dict[tuple[Any, ...], Analysis] = {}
        self._strings: dict[str, str] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._prcs: dict[tuple[str, ...], tuple[str, ...]] = {}  # prc3..prc0 as in the database -> proclitics
        self._alts: dict[tuple[int, int], tuple[Analysis, ...]] = {}
        self._lemmas: dict[str, str] = {}  # lemma as in the database -> its matching key
        rows = load_tsv("morphology_context.tsv", columns=2)
        self._titles = frozenset(norm_word(row[0]) for row in rows if row[1] == "title")
        self._lock = threading.Lock()

    # -- one word form -------------------------------------------------------------------

    def _s(self, s: str) -> str:
        # one string object per distinct value: lemmas, glosses and tags repeat across forms
        return self._strings.setdefault(s, s)

    def _compact(self, a: dict[str, Any], form_key: str) -> tuple[float, Analysis]:
        # values from the database dicts are shared string objects already; only computed
        # strings (the normalised lemma) are interned here
        lex = a.get("lex", "")
        if "_" in lex:
            lex = _LEX_INDEX.sub("", lex)
        raw_prc = (a.get("prc3", "0"), a.get("prc2", "0"), a.get("prc1", "0"), a.get("prc0", "0"))
        prc = self._prcs.get(raw_prc)
        if prc is None:  # a few hundred combinations: each made (and interned) once
            made = tuple(v for v in raw_prc if v != "0" and v != "na")
            prc = self._prcs[raw_prc] = self._tuples.setdefault(made, made)
        enc = a.get("enc0", "0")
        lemma = self._lemmas.get(lex)
        if lemma is None:
            lemma = self._lemmas[lex] = self._s(norm_word(lex))
        fields = (
            lemma,
            lex,
            a.get("pos", ""),
            a.get("stemgloss") or a.get("gloss", ""),
            prc,
            enc if enc != "0" and enc != "na" else None,
            a.get("gen", "na"),
            a.get("num", "na"),
            a.get("per", "na"),
            a.get("asp", "na"),
            a.get("stem", ""),
        )
        shared = self._shared.get(fields)
        if shared is None:
            shared = self._shared[fields] = Analysis(*fields)
        return self._score(a, shared, form_key), shared

    @staticmethod
    def _score(a: dict[str, Any], an: Analysis, form_key: str) -> float:
        """The static score of one analysis of ``form_key`` (the rules of the module docstring)."""
        score = float(a.get("pos_lex_logprob", -99.0))
        prc = an.proclitics
        if not prc and an.enclitic is None and an.pos in _FUNCTION_POS and an.lemma == norm_word(form_key):
            # the form IS a function word or adverb (قبل 'before', أيضاً 'also', مضيفاً 'adding'):
            # camel has no frequency for most closed-class lemmas (-99), so they would always lose
            score += 100.0
        if "la_emph" in prc:
            score -= 4.0
        if an.enclitic == "1s_poss":
            score -= 3.0
        if an.number == "d":
            score -= 0.5
        if an.pos == "verb" and an.person == "1" and an.number == "s":
            # 1st person singular (أكثرُ 'I become many') is rare outside quotations
            score -= 1.0
        indef_acc = a["indef_acc"] if "indef_acc" in a else a.get("bw", "").endswith("CASE_INDEF_ACC")
        if indef_acc and an.pos != "adv" and "\u064b" not in form_key:
            # a bare final alef read as an unwritten tanwin (روسيا as رُوسِيّاً 'Russian'):
            # news writes the tanwin on most such adjectives, while names end in a plain alef
            score -= 1.0
        if a.get("source") == "spvar":
            # a spelling variant (دعوة read as دعوه 'he called him') loses to an exact spelling
            score -= 1.0
        penalty = _PRC_PENALTY.get(prc)
        if penalty is None:
            penalty = _PRC_PENALTY[prc] = 0.3 * len(prc) + 0.5 * sum(1 for p in prc if p in _WEAK_PROCLITICS)
        return score - penalty

    def analyse_word(self, form: str) -> tuple[Analysis, ...]:
        """All analyses of a word form, best first (distinct; case endings collapsed).

        Args:
            form: an Arabic word as written (diacritics and tatweel are ignored).

        Returns:
            The analyses ranked by the static score of the module docstring; ``()`` when the
            database does not know the form.

        >>> get_morphology().analyse_word("بوتين")[0].gloss      # doctest: +SKIP
        'Putin'
        """
        return tuple(a for _, a in self._ranked(form))

    def _ranked(self, form: str) -> tuple[tuple[float, Analysis], ...]:
        return self._entry(form)[0]

    def _entry(self, form: str) -> _Entry:
        # most forms carry no diacritics and are their own cache key: one lookup, no translate
        entry = self._scored.get(form)
        if entry is not None:
            self._hits.add(form)
            return entry
        key = form.translate(_MARKS_TABLE)
        entry = self._scored.get(key)
        if entry is not None:
            self._hits.add(key)
            return entry
        if not unicodedata.is_normalized("NFKC", key):
            # presentation forms (ﻗﺎﻝ) as some sites still publish them: analyse the letters
            return self._scored.setdefault(key, self._entry(unicodedata.normalize("NFKC", key)))
        with self._lock:
            # by identity: equal analyses are one shared object (_compact), and a dataclass hashes all its fields
            best: dict[int, tuple[float, Analysis]] = {}
            for raw in self._analyzer.analyze(key):
                score, an = self._compact(raw, key)
                old = best.get(id(an))
                if old is None or old[0] < score:
                    best[id(an)] = (score, an)
            ranked = tuple(sorted(best.values(), key=lambda sa: -sa[0]))
            entry = (ranked, *self._context_free(ranked))
            if len(self._scored) >= self._cache_size:
                self._evict()
            self._scored[key] = entry
        return entry

    @classmethod
    def _context_free(cls, ranked: tuple[tuple[float, Analysis], ...]) -> tuple[Analysis | None, tuple[Analysis, ...]]:
        """(choice, alternatives) of a form whose choice no context rule can change (9 tokens in 10), else
        (None, ()): :meth:`_choose` only leaves the top reading for one within the margin of a kind that
        a rule prefers (a proper noun, a non-verb, a perfect verb), so without one the top reading stands."""
        if not ranked:
            return None, ()
        top_score, top = ranked[0]
        if len(ranked) > 1:
            floor = top_score - _CONTEXT_MARGIN
            near = [a for s, a in ranked[1:] if s >= floor]
            if top.pos != "noun_prop" and any(a.pos == "noun_prop" for a in near):
                return None, ()
            if top.pos == "verb" and any(a.pos != "verb" for a in near):
                return None, ()
            if top.pos in ("noun", "adj", "noun_prop") and top_score < _FREQUENT and any(
                a.pos == "verb" and a.aspect == "p" for a in near
            ):
                return None, ()
        return top, cls._distinct_alternatives(ranked, top)

    def _evict(self) -> None:
        # dicts keep insertion order: drop a tenth, oldest first, but give a form that was looked up again
        # since it was (re)inserted a second chance at the newest end ("clock" eviction): frequent words
        # stay, one-off names and typos go.  On a worker's share of 8,000 SaudiNewsNet articles this
        # analyses 28% fewer forms than dropping the oldest tenth outright (same cache size, same memory).
        scored, hits = self._scored, self._hits
        drop = max(1, len(scored) // 10)
        while drop:
            again: dict[str, _Entry] = {}
            for k in list(scored):
                if k in hits:
                    hits.discard(k)
                    again[k] = scored.pop(k)
                else:
                    del scored[k]
                    drop -= 1
                    if not drop:
                        break
            scored.update(again)
        self._alts.clear()  # keyed by id() of ranked tuples, which may now be reused
        if len(self._shared) > 2 * self._cache_size:  # the shared analyses of forms no longer cached
            self._lemmas.clear()
            self._shared.clear()
            self._strings.clear()
            self._tuples.clear()
            self._prcs.clear()

    # -- tokens in context ---------------------------------------------------------------

    def _choose(
        self,
        ranked: tuple[tuple[float, Analysis], ...],
        prev: Token | None,
        prev_choice: Analysis | None,
        initial: bool,
    ) -> Analysis:
        top_score, top = ranked[0]
        if len(ranked) == 1:
            return top
        floor = top_score - _CONTEXT_MARGIN
        if top.pos != "noun_prop" and (
            (prev is not None and prev.norm in self._titles) or (prev_choice is not None and prev_choice.is_proper)
        ):
            for s, a in ranked:
                if a.pos == "noun_prop" and s >= floor:
                    return a
        if top.pos == "verb" and prev_choice is not None and prev_choice.pos == "prep" and not prev_choice.proclitics:
            for s, a in ranked:
                if a.pos != "verb" and s >= floor:
                    return a
        if top.pos in ("noun", "adj", "noun_prop") and initial and top_score < _FREQUENT:
            for s, a in ranked:
                if a.pos == "verb" and a.aspect == "p" and s >= floor:
                    return a
        return top

    def _alternatives(self, ranked: tuple[tuple[float, Analysis], ...], chosen: Analysis) -> tuple[Analysis, ...]:
        # per (form, choice): forms with dozens of analyses of one lemma would be rescanned per token
        key = (id(ranked), id(chosen))  # chosen is in ranked, which the form cache keeps alive
        alts = self._alts.get(key)
        if alts is None:
            if len(self._alts) >= self._cache_size:
                self._alts.clear()
            alts = self._alts[key] = self._distinct_alternatives(ranked, chosen)
        return alts

    @staticmethod
    def _distinct_alternatives(ranked: tuple[tuple[float, Analysis], ...], chosen: Analysis) -> tuple[Analysis, ...]:
        seen = {(chosen.lemma, chosen.pos)}
        out: list[Analysis] = []
        for _, a in ranked:
            key = (a.lemma, a.pos)
            if key not in seen:
                seen.add(key)
                out.append(a)
                if len(out) == _ALTERNATIVES:
                    break
        return tuple(out)

    def analyse_tokens(self, tokens: Iterable[Token]) -> tuple[Token, ...]:
        """The tokens of one sentence with ``analysis`` and ``alternatives`` set.

        Args:
            tokens: the tokens of one sentence, in order.

        Returns:
            New tokens (the input is not mutated); non-Arabic and unknown words are returned as they are.
        """
        out: list[Token] = []
        prev: Token | None = None
        prev_choice: Analysis | None = None
        initial = True
        for tok in tokens:
            if tok.kind == "word":
                form = tok.text
            elif tok.kind == "hashtag" and "_" not in tok.text:
                form = tok.text[1:]
            else:
                out.append(tok)
                if tok.kind != "quote":
                    # a clause starts again after : ، ; and a quotation mark keeps that state
                    initial = tok.kind == "punct" and tok.text in (":", "،", ",", "؛", ";", "-")
                    prev, prev_choice = tok, None
                continue
            ranked, chosen, alternatives = self._entry(form)
            if not ranked:
                out.append(tok)
                prev, prev_choice, initial = tok, None, False
                continue
            if chosen is None:
                is_initial = initial or (prev is not None and prev.norm in ("و", "ف", "ثم"))
                chosen = self._choose(ranked, prev, prev_choice, is_initial)
                alternatives = self._alternatives(ranked, chosen)
            # new_token rather than dataclasses.replace or Token(): 2x faster each on the hottest line
            out.append(new_token(tok.start, tok.end, tok.text, tok.kind, tok.norm, chosen, alternatives))
            prev, prev_choice, initial = tok, chosen, False
        return tuple(out)

    def analyse_sentences(self, sentences: Iterable[Sentence]) -> tuple[Sentence, ...]:
        """Sentences whose word tokens carry their chosen analysis and a few alternatives.

        Args:
            sentences: sentences from :func:`newsgraph.segment.segment`.

        Returns:
            New sentences with new tokens (nothing is mutated).

        >>> from newsgraph.segment import segment
        >>> sents, _ = segment("وقال الرئيس الروسي فلاديمير بوتين")   # doctest: +SKIP
        >>> get_morphology().analyse_sentences(sents)[0].tokens[4].analysis.gloss  # doctest: +SKIP
        'Putin'
        """
        return tuple(replace(s, tokens=self.analyse_tokens(s.tokens)) for s in sentences)

    def clear_cache(self) -> None:
        """Forget every analysed word form (a cold cache, as in a fresh worker; for benchmarks)."""
        with self._lock:
            self._scored.clear()
            self._hits.clear()
            self._alts.clear()
            self._lemmas.clear()
            self._shared.clear()
            self._strings.clear()
            self._tuples.clear()
            self._prcs.clear()

    def cache_info(self) -> dict[str, int]:
        """Sizes of the caches (distinct forms, shared analyses), for benchmarks and memory checks."""
        return {"forms": len(self._scored), "analyses": len(self._shared), "strings": len(self._strings)}


_INSTANCE: Morphology | None = None
_INSTANCE_LOCK = threading.Lock()


def get_morphology() -> Morphology:
    """The process-wide :class:`Morphology`, loaded on first use (about 4 s).

    Raises:
        DependencyError: camel-tools is not installed.
        MorphologyDataError: the database is not installed.

    >>> get_morphology() is get_morphology()     # doctest: +SKIP
    True
    """
    global _INSTANCE
    if _INSTANCE is None:
        with _INSTANCE_LOCK:
            if _INSTANCE is None:
                _INSTANCE = Morphology()
    return _INSTANCE
