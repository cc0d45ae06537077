"""Test graphs for the views: the seed article's gold annotation as Extraction objects, then RDF.

The gold file gives each statement's cue, speaker, targets and stance but no content or evidence spans;
the content here is the rest of the cue's sentence (cue end to the next full stop), which is what a
reader would call "what was said" for the seed's statements.  Extractions become RDF through
``newsgraph.graph.build_graph``, the same way ``newsgraph build`` makes them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import Dataset, Graph

from newsgraph.graph import build_graph
from newsgraph.model import Article, Cue, Entity, Extraction, Span, Speaker, Statement, Target

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _find(text: str, aliases: list[str], start: int, end: int) -> Span | None:
    for alias in sorted(aliases, key=len, reverse=True):
        at = text.find(alias, start, end)
        if at >= 0:
            return Span.of(text, at, at + len(alias))
    return None


def gold_extraction(gold_path: Path, article_path: Path) -> Extraction:
    """The gold annotation of one article as an Extraction (first listed speaker entity wins)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = article_path.read_text(encoding="utf-8")
    article = Article.from_text(text, id=article_path.stem)
    entities = []
    for key, ent in gold["entities"].items():
        ar = [a for a in ent["aliases"] if _ARABIC.search(a)]
        en = [a for a in ent["aliases"] if not _ARABIC.search(a)]
        entities.append(Entity(key=key, label=ar[0], type=ent["type"], label_en=en[0] if en else None,
                               aliases=tuple(ent["aliases"])))
    by_key = {e.key: e for e in entities}
    statements = []
    for st in gold["statements"]:
        cs, ce = st["cue"]["start"], st["cue"]["end"]
        stop = text.find(".", ce)
        stop = len(text) if stop < 0 else stop
        content = Span.of(text, ce, stop).text.strip()
        c_start = text.index(content, ce) if content else ce
        content_span = Span.of(text, c_start, c_start + len(content)) if content else None
        speaker = by_key[st["speaker"][0]]
        targets = []
        for key in [*st["targets"], *st.get("targets_extended", [])]:
            ent = by_key[key]
            mention = _find(text, list(ent.aliases), ce, stop) or _find(text, list(ent.aliases), 0, len(text))
            targets.append(Target(entity=key, label=ent.label, mention=mention or Span.of(text, cs, ce),
                                  aliases=ent.aliases, via="name" if key in st["targets"] else "description",
                                  stance=st["stance"].get(key)))
        kind = st["kind"] if st["kind"] in ("direct", "indirect", "mixed") else "indirect"
        statements.append(Statement(
            id=f"{article.id}/{cs}", kind=kind, cue=Cue(cs, ce, text[cs:ce], st["cue"]["text"]),
            speaker=Speaker(entity=speaker.key, label=speaker.label, resolved_by="gold"),
            content=content_span, targets=tuple(targets), required=st["required"]))
    return Extraction(article=article, entities=tuple(entities), statements=tuple(statements))


def triples_of(graph: Graph) -> list[tuple]:
    """Every (s, p, o) of a Graph, or of every named graph of a Dataset (which iterates as quads)."""
    if isinstance(graph, Dataset):
        return [(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))]
    return list(graph)


def to_graph(extractions: list[Extraction]) -> Dataset:
    """RDF for extractions, built by the graph module (one named graph per article)."""
    return build_graph(extractions)
