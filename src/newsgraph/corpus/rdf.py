"""One article's extraction as N-Quads in its named graph ``ngid:graph/{article_id}``.

The triples come from :func:`newsgraph.graph.article_triples` (the graph module owns the
vocabulary, see VOCAB.md), converted to pyoxigraph terms and serialised by pyoxigraph (fast, and
always valid N-Quads).  Until that module is present this falls back to the article's metadata and
its statements' core terms, so corpus runs work at every stage of the project.

The graph module's signed ``ng:ActorRelation`` nodes count over all articles; :func:`relation_quads`
recomputes them from a whole store once a run is complete.

    >>> from newsgraph.model import Article, Extraction
    >>> nq = extraction_nquads(Extraction(Article.from_text("عنوان\\n\\nنص", id="a1")))
    >>> "<https://w3id.org/newsgraph/id/graph/a1>" in nq
    True
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from newsgraph.corpus.sinks import NG, NGID, article_graph_iri, article_iri
from newsgraph.errors import GraphError
from newsgraph.model import Extraction

__all__ = ["extraction_nquads", "relation_quads"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_SCHEMA = "https://schema.org/"
_PROV = "http://www.w3.org/ns/prov#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPES = {"PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place"}


@cache
def _graph_module() -> Any:
    try:
        from newsgraph import graph
    except ImportError:
        return None
    return graph if hasattr(graph, "article_triples") else None


@cache
def _rdflib_terms() -> tuple[Any, Any, Any]:
    # imported on first use (the main process never loads rdflib), then once: the import statement
    # in the per-term function cost ~10% of the N-Quads time
    from rdflib import BNode, Literal, URIRef

    return BNode, Literal, URIRef


def _ox_term(term: Any) -> Any:
    """An rdflib term as the pyoxigraph term (IRI, blank node or literal with its language or datatype)."""
    BNode, Literal, URIRef = _rdflib_terms()

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def extraction_nquads(extraction: Extraction) -> str:
    """The N-Quads of one article's graph, every quad in ``ngid:graph/{article_id}``.

    Args:
        extraction: what :func:`newsgraph.pipeline.extract` found in the article.

    Returns:
        N-Quads text, one quad per line.
    """
    graph = _graph_module()
    if graph is None:
        graph_name = ox.NamedNode(article_graph_iri(extraction.article.id))
        quads = [ox.Quad(s, p, o, graph_name) for s, p, o in _fallback_triples(extraction)]
    else:
        graph_name = ox.NamedNode(str(graph.graph_iri(extraction.article.id)))
        terms: dict[Any, Any] = {}  # actors and predicates repeat: convert each term once

        def conv(term: Any) -> Any:
            out = terms.get(term)
            if out is None:
                out = terms[term] = _ox_term(term)
            return out

        quads = [ox.Quad(conv(s), conv(p), conv(o), graph_name) for s, p, o in graph.article_triples(extraction)]
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return data.decode("utf-8") if data is not None else ""


def relation_quads(store: ox.Store) -> tuple[ox.NamedNode, list[ox.Quad]] | None:
    """The derived ``ng:ActorRelation`` graph of a whole store: (its graph name, its quads).

    Args:
        store: a pyoxigraph store holding article graphs.

    Returns:
        ``None`` when the graph module (which defines the relations) is not installed.
    """
    graph = _graph_module()
    if graph is None or not hasattr(graph, "relation_triples"):
        return None
    rows = []
    solutions = store.query(graph.RELATION_COUNTS_QUERY, use_default_graph_as_union=True)
    if not isinstance(solutions, ox.QuerySolutions):
        raise GraphError(f"the relation query gave {type(solutions).__name__}, expected solutions")
    for sol in solutions:
        stance = sol["stance"]
        rows.append((sol["speaker"].value, sol["target"].value, stance.value if stance is not None else None,
                     int(sol["n"].value)))
    name = ox.NamedNode(str(graph.RELATIONS_GRAPH))
    return name, [ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), name) for s, p, o in graph.relation_triples(rows)]


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
