"""One article's extraction as N-Quads in its named graph ``ngid:graph/{article_id}``.

The triples come from :func:`newsgraph.graph.build_graph` (the graph module owns the
vocabulary, see VOCAB.md).  Until that module is present this falls back to the article's
metadata and its statements' core terms, so corpus runs work at every stage of the project.

    >>> from newsgraph.model import Article, Extraction
    >>> nq = extraction_nquads(Extraction(Article.from_text("عنوان\\n\\nنص", id="a1")))
    >>> "<https://w3id.org/newsgraph/id/graph/a1>" in nq
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from newsgraph.corpus.sinks import NG, NGID, article_graph_iri, article_iri
from newsgraph.model import Extraction

__all__ = ["extraction_nquads"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_SCHEMA = "https://schema.org/"
_PROV = "http://www.w3.org/ns/prov#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPES = {"PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place"}


@cache
def _graph_builder() -> Callable[[Extraction], Any] | None:
    try:
        from newsgraph import graph
    except ImportError:
        return None
    return getattr(graph, "build_graph", None)


def extraction_nquads(extraction: Extraction) -> str:
    """The N-Quads of one article's graph, every quad in ``ngid:graph/{article_id}``.

    Args:
        extraction: what :func:`newsgraph.pipeline.extract` found in the article.

    Returns:
        N-Quads text, one quad per line.
    """
    graph_name = ox.NamedNode(article_graph_iri(extraction.article.id))
    builder = _graph_builder()
    if builder is None:
        quads: Iterator[ox.Quad] = (ox.Quad(s, p, o, graph_name) for s, p, o in _fallback_triples(extraction))
    else:
        quads = _from_rdflib(builder(extraction), graph_name)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")


def _from_rdflib(graph: Any, graph_name: ox.NamedNode) -> Iterator[ox.Quad]:
    """Quads from an rdflib Graph (into the article's graph) or Dataset (keeping its named graphs)."""
    data = graph.serialize(format="nquads") if hasattr(graph, "contexts") else graph.serialize(format="nt")
    if hasattr(graph, "contexts"):
        for q in ox.parse(data, ox.RdfFormat.N_QUADS):
            yield q if not isinstance(q.graph_name, ox.DefaultGraph) else ox.Quad(q.subject, q.predicate, q.object,
                                                                                    graph_name)
    else:
        for t in ox.parse(data, ox.RdfFormat.N_TRIPLES):
            yield ox.Quad(t.subject, t.predicate, t.object, graph_name)


def _lit(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INT)


def _actor(key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{NGID}actor/{quote(key, safe='')}")


def _fallback_triples(ex: Extraction) -> Iterator[tuple[Any, Any, Any]]:
    """Article metadata, actors and statements in the core VOCAB.md terms (used until graph.py lands)."""
    art = ex.article
    a = ox.NamedNode(article_iri(art.id))
    yield a, _RDF_TYPE, ox.NamedNode(_SCHEMA + "NewsArticle")
    yield a, ox.NamedNode(NG + "articleId"), _lit(art.id)
    if art.title:
        yield a, ox.NamedNode(_SCHEMA + "headline"), _lit(art.title, "ar")
    for field, prop in (("url", "url"), ("date", "datePublished"), ("source", "publisher")):
        value = getattr(art, field)
        if value:
            yield a, ox.NamedNode(_SCHEMA + prop), _lit(value)
    for entity in ex.entities:
        node = _actor(entity.key)
        yield node, _RDF_TYPE, ox.NamedNode(NG + _TYPES.get(entity.type, "Actor"))
        yield node, ox.NamedNode(NG + "actorKey"), _lit(entity.key)
        yield node, ox.NamedNode(_SKOS + "prefLabel"), _lit(entity.label, "ar")
    for st in ex.statements:
        s = ox.NamedNode(f"{NGID}statement/{quote(art.id, safe='')}/{st.cue.start}")
        yield s, _RDF_TYPE, ox.NamedNode(NG + "Statement")
        yield s, ox.NamedNode(_PROV + "wasDerivedFrom"), a
        yield s, ox.NamedNode(NG + "cueText"), _lit(st.cue.text, "ar")
        yield s, ox.NamedNode(NG + "cueStart"), _int(st.cue.start)
        yield s, ox.NamedNode(NG + "cueEnd"), _int(st.cue.end)
        if st.speaker.entity:
            yield s, ox.NamedNode(_PROV + "wasAttributedTo"), _actor(st.speaker.entity)
        if st.content is not None:
            yield s, ox.NamedNode(_SCHEMA + "text"), _lit(st.content.text, "ar")
        for target in st.targets:
            yield s, ox.NamedNode(_SCHEMA + "about"), _actor(target.entity)
