"""The seed article as Extractions: the real pipeline's, and a hand-made one from its gold annotation.

The graph tests need statements with speakers, targets and stances before the extraction
stages give them; this fixture takes cue offsets, kinds, speakers (first accepted entity;
a second one is the speaker's organisation), core and extended targets and stances from
/work/shared/eval/gold/000_bbdb7bd5d11f476f.json, and finds each target's mention as the
alias occurrence nearest the cue (falling back to the cue itself, via="description").
"""

from __future__ import annotations

import functools
import json
import re

from conftest import SEED_ARTICLE, need_shared
from newsgraph.model import Article, Cue, Entity, Extraction, Span, Speaker, Statement, Target

_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _nearest(text: str, aliases: list[str], at: int) -> Span | None:
    best: Span | None = None
    for alias in sorted(aliases, key=len, reverse=True):
        for m in re.finditer(re.escape(alias), text):
            if best is None or abs(m.start() - at) < abs(best.start - at):
                best = Span(m.start(), m.end(), m.group())
    return best


def seed_gold_extraction() -> Extraction:
    """The seed article with the gold statements as an Extraction (skips when ../shared is absent)."""
    gold = json.loads(need_shared("eval", "gold", "000_bbdb7bd5d11f476f.json").read_text(encoding="utf-8"))
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    article = Article.from_text(text, id=SEED_ARTICLE.stem, source="seed", date="2015-10-01")
    entities = []
    for key, e in gold["entities"].items():
        ar = [a for a in e["aliases"] if _ARABIC.search(a)]
        en = [a for a in e["aliases"] if not _ARABIC.search(a)]
        mentions = []
        for alias in ar:
            mentions += [Span(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(alias), text)]
        entities.append(Entity(key=key, label=ar[0] if ar else key, type=e["type"], label_en=en[0] if en else None,
                               aliases=tuple(ar[1:] + en[1:]), mentions=tuple(sorted(set(mentions),
                                                                                     key=lambda s: s.start))))
    by_key = {e.key: e for e in entities}
    statements = []
    for i, g in enumerate(gold["statements"]):
        c = g["cue"]
        if text[c["start"]:c["end"]] != c["text"]:
            raise ValueError(f"gold cue {c} does not match the seed text")
        kind = g["kind"] if g["kind"] in ("direct", "indirect", "mixed") else "indirect"
        cue_type = {"headline": "headline", "nominal": "nominal"}.get(g["kind"], "verb")
        speaker_key = g["speaker"][0]
        org = g["speaker"][1] if len(g["speaker"]) > 1 else None
        sp_ent = by_key[speaker_key]
        sp_mention = _nearest(text, [sp_ent.label, *sp_ent.aliases], c["start"])
        speaker = Speaker(entity=speaker_key, label=sp_ent.label, resolved_by="gold", mention=sp_mention,
                          organization=org, role="المتحدث الرسمي" if org else None)
        targets = []
        for key in g["targets"] + g["targets_extended"]:
            ent = by_key[key]
            mention = _nearest(text, [ent.label, *[a for a in ent.aliases if _ARABIC.search(a)]], c["start"])
            via = "name" if key in g["targets"] else "nisba"
            if mention is None:
                mention, via = Span(c["start"], c["end"], c["text"]), "description"
            stance = g["stance"].get(key)
            targets.append(Target(entity=key, label=ent.label, mention=mention, via=via, stance=stance,
                                  evidence=Span(c["start"], c["end"], c["text"]) if stance in ("pos", "neg") else None))
        statements.append(Statement(id=f"s{i + 1}", kind=kind,
                                    cue=Cue(c["start"], c["end"], c["text"], c["text"], cue_type),
                                    speaker=speaker, targets=tuple(targets), required=g["required"]))
    return Extraction(article=article, entities=tuple(entities), statements=tuple(statements))


@functools.cache
def seed_pipeline_extraction() -> Extraction:
    """The real pipeline's extraction of the seed article (computed once per test session)."""
    from newsgraph.io import read_text_article
    from newsgraph.pipeline import extract

    return extract(read_text_article(SEED_ARTICLE))
