#!/usr/bin/env python3
"""Suspicious speakers on a fixed sample of SaudiNewsNet articles, counted by category (no gold needed).

    PYTHONPATH=src /work/main/.venv/bin/python benchmarks/speaker_audit.py [--n 400] [--examples 8] [--only CAT]

The sample: every SaudiNewsNet article of 400-8,000 characters, ordered by the SHA-1 of its id, minus the
development (shared/eval/articles) and audit (/work/audit/articles) ids; the first ``--n`` of them.  Each
statement's speaker is checked by the rules below; examples are printed as ``id cue-offset speaker-span``
(the corpus text is only printed to the terminal, never saved).

Categories (one statement can fall in several):
  verb-head         the speaker's first word has only verb readings in the morphology
  tanween-head      the first word is an indefinite accusative with tanween (مطروحاً): an adverb or a hal
  suffixed-noun     the phrase is one noun with a possessive pronoun and no name (عزمها، موقفه), not a kin or
                    group noun of resources/person_nouns.tsv (عائلتها، حزبه)
  particle-head     the first word is a particle, preposition, conjunction, pronoun or adverb
  prep-pronoun      the first word is a preposition with a pronoun (لهم، عليه، منها)
  number            the speaker has a digit or the first word is a numeral
  speech-noun       the first word is a speech/document noun (البيان، التصريح)
  long              the speaker span has more than 8 words
  setting-place     the speaker is a place right after في / a place preposition (قال في الرياض ...)
  coordinated       the span holds a و-conjunct after its head (الوزير ونائبه): a joint subject
  none              a cue without any speaker
Only speakers found at the cue itself are checked (explicit, sentence subject, particle); speakers carried
over by the dropped-subject chain (the same phrase again) are counted under ``inherited`` when that
phrase was suspicious.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import functools
import glob
import hashlib
import re
import sys
from pathlib import Path

from newsgraph import attribution, entities, pipeline
from newsgraph.attribution.speakers import word_class
from newsgraph.attribution.text import Tok, key, view_of
from newsgraph.corpus.readers import read_articles
from newsgraph.model import Analysis, Article, Mention, Statement

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpora" / "saudinewsnet"
EXCLUDE_DIRS = (SHARED / "eval" / "articles", Path("/work/audit/articles"))
CATEGORIES = ("verb-head", "tanween-head", "suffixed-noun", "particle-head", "prep-pronoun", "number",
              "speech-noun", "long", "setting-place", "coordinated", "none")
_FUNCTION_POS = ("prep", "conj", "conj_sub", "part", "part_neg", "part_verb", "part_focus", "part_interrog",
                 "part_restrict", "part_fut", "pron", "pron_dem", "pron_rel", "pron_interrog", "adv", "adv_rel",
                 "adv_interrog", "interj", "verb_pseudo")
_PREP_PRONOUN = re.compile(r"^[وف]?(في|فى|علي|على|الي|إلى|عن|من|مع|لدي|عند|ل|ب)(ه|ها|هم|هما|نا|كم|ي)$")
_PLACE_PREPS = frozenset(("في", "فى", "من", "الى", "إلى", "داخل", "خارج", "قرب"))
_OWN_SPEAKER = frozenset(("explicit", "dropped-subject", "participle", "attribution-particle"))


@functools.cache
def _person_nouns() -> frozenset[str]:
    """The kin/group nouns of this checkout's resources/person_nouns.tsv (read directly, so that the same
    audit also runs against an older tree: PYTHONPATH=/work/main/src ...)."""
    path = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "resources" / "person_nouns.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return frozenset(key(r[0]) for r in rows)


def sample(n: int) -> list[Article]:
    """The first ``n`` articles of the fixed sample (see the module docstring)."""
    excluded = {p.stem for d in EXCLUDE_DIRS if d.is_dir() for p in d.glob("*.txt")}
    pool = [a for a in read_articles(sorted(glob.glob(str(CORPUS / "*.zip"))))
            if 400 <= len(a.text) <= 8000 and a.id not in excluded]
    pool.sort(key=lambda a: hashlib.sha1(a.id.encode("utf-8")).hexdigest())
    return pool[:n]


def _words(toks: tuple[Tok, ...], start: int, end: int) -> list[Tok]:
    return [t for t in toks if t.kind == "word" and start <= t.start and t.end <= end]


def categories(st: Statement, mentions: tuple[Mention, ...], toks: tuple[Tok, ...], starts: list[int],
               readings: dict[int, tuple[Analysis, ...]]) -> list[str]:
    """The suspicious categories of one statement's speaker ([] when it looks fine)."""
    sp = st.speaker
    if not sp.label:
        return ["none"]
    m = sp.mention
    if m is None or sp.resolved_by not in _OWN_SPEAKER or abs(m.start - st.cue.start) > 300:
        return []
    words = _words(toks, m.start, m.end)
    if not words:
        return []
    out: list[str] = []
    head = words[0]
    an = head.analysis
    alts = readings.get(head.start, ())
    if an is not None and an.pos == "verb" and all(a.pos == "verb" for a in alts):
        out.append("verb-head")
    if not head.definite and head.text.endswith(("اً", "ًا")):
        out.append("tanween-head")
    named = any(t.analysis is not None and t.analysis.pos == "noun_prop" for t in words) or any(
        x.type == "PER" and m.start <= x.start < m.end for x in mentions)
    if (len(words) == 1 and an is not None and an.pos in ("noun", "adj") and an.enclitic and not named
            and word_class(head) is None and key(an.lemma) not in _person_nouns()):
        out.append("suffixed-noun")
    if _PREP_PRONOUN.match(head.key):
        out.append("prep-pronoun")
    elif an is not None and an.pos in _FUNCTION_POS:
        out.append("particle-head")
    if any(ch.isdigit() for ch in sp.label) or (an is not None and an.pos in ("noun_num", "adj_num", "digit")):
        out.append("number")
    c = word_class(head)
    if c is not None and c[0] == "product":
        out.append("speech-noun")
    if len(words) > 8:
        out.append("long")
    k = _index(starts, head.start)
    before = toks[k - 1] if k > 0 else None
    place = any(x.type in ("GPE", "LOC") and x.start == m.start for x in mentions)
    if place and before is not None and before.kind == "word" and before.key in _PLACE_PREPS:
        out.append("setting-place")
    if any(t.key[:1] == "و" and len(t.key) > 3 and (t.analysis is None or "wa_conj" in t.analysis.proclitics)
           for t in words[1:]):
        out.append("coordinated")
    return out


def _index(starts: list[int], start: int) -> int:
    return bisect.bisect_left(starts, start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--only", choices=CATEGORIES)
    ap.add_argument("--context", action="store_true", help="also print the text around each example cue")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    n_st = n_art = inherited = 0
    for art in sample(args.n):
        doc = pipeline.analyse(art)
        readings: dict[int, tuple[Analysis, ...]] = {}
        for t in doc.tokens:
            if t.analysis is not None:
                readings.setdefault(t.start, (t.analysis, *t.alternatives))
        mentions = entities.find_mentions(doc)
        sts, _w = attribution.extract_statements(doc, mentions)
        toks = view_of(doc).tokens
        starts = [t.start for t in toks]
        n_art += 1
        seen: dict[tuple[int, int], bool] = {}  # speaker mention -> was it suspicious
        for st in sts:
            n_st += 1
            m = st.speaker.mention
            if m is not None and (m.start, m.end) in seen:
                inherited += seen[(m.start, m.end)]  # the same phrase again, through the dropped-subject chain
                continue
            cats = categories(st, mentions, toks, starts, readings)
            if m is not None:
                seen[(m.start, m.end)] = bool(cats)
            for c in cats:
                counts[c] += 1
                if len(examples[c]) < args.examples:
                    where = f"{m.start}:{m.end}" if m else "-"
                    line = (f"{art.id} cue {st.cue.start} {st.cue.text} | speaker {where} "
                            f"{st.speaker.label} ({st.speaker.resolved_by})")
                    if args.context:  # terminal only: corpus text is never written to a file of the project
                        a = max(0, st.cue.start - 70)
                        line += "\n         … " + art.text[a : st.cue.end + 70].replace("\n", " ⏎ ") + " …"
                    examples[c].append(line)
    print(f"articles {n_art}  statements {n_st}")
    for c in CATEGORIES:
        if args.only and c != args.only:
            continue
        print(f"{c:14s} {counts[c]}")
        for e in examples[c]:
            print("    ", e)
    print(f"{'inherited':14s} {inherited}")
    print(f"{'suspicious':14s} {sum(counts[c] for c in CATEGORIES if c != 'coordinated')} "
          f"(of {n_st} statements; coordinated not included)")


if __name__ == "__main__":
    main()
