"""Test graphs for the views: the seed article's gold annotation as Extraction objects, then RDF.

The gold file gives each statement's cue, speaker, targets and stance but no content or evidence spans;
the content here is the rest of the cue's sentence (cue end to the next full stop), which is what a
reader would call "what was said" for the seed's statements.  Extractions become RDF through the graph
helper's ``build_graph`` when it is importable, else through :func:`vocab_graph`, a minimal writer of
the VOCAB.md triples the views read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef

from newsgraph.model import Article, Cue, Entity, Extraction, Span, Speaker, Statement, Target

NG = Namespace("https://w3id.org/newsgraph/ns#")
NGID = "https://w3id.org/newsgraph/id/"
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_TYPE_CLASS = {"PER": NG.Person, "ORG": NG.Organization, "GPE": NG.Place, "LOC": NG.Place}
_KIND_CLASS = {"direct": NG.DirectStatement, "indirect": NG.IndirectStatement, "mixed": NG.MixedStatement}
_STANCE = {"pos": NG.Positive, "neg": NG.Negative, "neu": NG.Neutral}


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
        kind = st["kind"] if st["kind"] in _KIND_CLASS else "indirect"
        statements.append(Statement(
            id=f"{article.id}/{cs}", kind=kind, cue=Cue(cs, ce, text[cs:ce], st["cue"]["text"]),
            speaker=Speaker(entity=speaker.key, label=speaker.label, resolved_by="gold"),
            content=content_span, targets=tuple(targets), required=st["required"]))
    return Extraction(article=article, entities=tuple(entities), statements=tuple(statements))


def _actor(key: str) -> URIRef:
    return URIRef(NGID + "actor/" + quote(key, safe=""))


def vocab_graph(extractions: list[Extraction]) -> Graph:
    """The VOCAB.md triples the views read, written directly (stand-in until graph.build_graph lands)."""
    g = Graph()
    for ex in extractions:
        art = URIRef(NGID + "article/" + quote(ex.article.id, safe=""))
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.headline, Literal(ex.article.title)))
        g.add((art, NG.articleId, Literal(ex.article.id)))
        for ent in ex.entities:
            a = _actor(ent.key)
            g.add((a, RDF.type, _TYPE_CLASS.get(ent.type, NG.Actor)))
            g.add((a, SKOS.prefLabel, Literal(ent.label, lang="ar")))
            if ent.label_en:
                g.add((a, SKOS.prefLabel, Literal(ent.label_en, lang="en")))
            g.add((a, NG.actorKey, Literal(ent.key)))
            g.add((a, NG.entityType, Literal(ent.type)))
        for st in ex.statements:
            s = URIRef(f"{NGID}statement/{quote(ex.article.id, safe='')}/{st.cue.start}")
            g.add((s, RDF.type, _KIND_CLASS[st.kind]))
            g.add((s, PROV.wasAttributedTo, _actor(st.speaker.entity or st.speaker.label)))
            g.add((s, PROV.wasDerivedFrom, art))
            g.add((s, NG.cueText, Literal(st.cue.text)))
            g.add((s, NG.cueLemma, Literal(st.cue.lemma)))
            g.add((s, NG.cueStart, Literal(st.cue.start, datatype=XSD.integer)))
            g.add((s, NG.cueEnd, Literal(st.cue.end, datatype=XSD.integer)))
            if st.content:
                g.add((s, SCHEMA.text, Literal(st.content.text)))
                g.add((s, NG.contentStart, Literal(st.content.start, datatype=XSD.integer)))
                g.add((s, NG.contentEnd, Literal(st.content.end, datatype=XSD.integer)))
            for t in st.targets:
                tl = URIRef(f"{s}/target/{quote(t.entity, safe='')}")
                g.add((s, SCHEMA.about, _actor(t.entity)))
                g.add((s, NG.hasTarget, tl))
                g.add((tl, RDF.type, NG.TargetLink))
                g.add((tl, NG.targetActor, _actor(t.entity)))
                g.add((tl, NG.via, Literal(t.via)))
                if t.stance:
                    g.add((tl, NG.stance, _STANCE[t.stance]))
                if t.evidence:
                    g.add((tl, NG.evidenceText, Literal(t.evidence.text)))
                    g.add((tl, NG.evidenceStart, Literal(t.evidence.start, datatype=XSD.integer)))
                    g.add((tl, NG.evidenceEnd, Literal(t.evidence.end, datatype=XSD.integer)))
                g.add((_actor(st.speaker.entity or st.speaker.label), NG.talksAbout, _actor(t.entity)))
    return g


def triples_of(graph: Graph) -> list[tuple]:
    """Every (s, p, o) of a Graph, or of every named graph of a Dataset (which iterates as quads)."""
    if isinstance(graph, Dataset):
        return [(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))]
    return list(graph)


def to_graph(extractions: list[Extraction]) -> Graph:
    """RDF for extractions: the graph helper's build_graph when available, else :func:`vocab_graph`."""
    try:
        from newsgraph.graph import build_graph  # type: ignore[attr-defined]
    except ImportError:
        return vocab_graph(extractions)
    return build_graph(extractions)
