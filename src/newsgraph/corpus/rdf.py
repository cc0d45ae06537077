"""One article's extraction as N-Quads in its named graph ``ngid:graph/{article_id}``.

The triples come from :func:`newsgraph.graph.article_plain_triples` (the graph module owns the
vocabulary and decides which triples exist; :func:`newsgraph.graph.article_triples` makes rdflib
terms of the same plain triples); here pyoxigraph writes each distinct term once (its escaping,
and an invalid IRI raises) and the lines are joined from those strings, kept across the articles
of a process: one RDF builder for every engine, no rdflib term on this path.

The graph module's signed ``ng:ActorRelation`` nodes count over all articles; :func:`relation_quads`
recomputes them from a whole store once a run is complete.

    >>> from newsgraph.model import Article, Extraction
    >>> nq = extraction_nquads(Extraction(Article.from_text("عنوان\\n\\nنص", id="a1")))
    >>> "<https://w3id.org/newsgraph/id/graph/a1>" in nq
    True
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import GraphError
from newsgraph.model import Extraction

__all__ = ["RelationLink", "extraction_nquads", "extraction_nquads_and_links", "relation_links", "relation_quads"]



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


def _ox_plain(term: Any) -> Any:
    """A plain term of :func:`newsgraph.graph.article_plain_triples` as a pyoxigraph term."""
    if isinstance(term, str):
        return ox.NamedNode(term)
    if term.lang is not None:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype is not None:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


RelationLink = tuple[str, str, "str | None"]
"""(speaker IRI, target IRI, stance IRI or None): one statement-target link as the relation query counts it."""


def extraction_nquads(extraction: Extraction) -> str:
    """The N-Quads of one article's graph, every quad in ``ngid:graph/{article_id}``.

    Args:
        extraction: what :func:`newsgraph.pipeline.extract` found in the article.

    Returns:
        N-Quads text, one quad per line.
    """
    return extraction_nquads_and_links(extraction)[0]


def extraction_nquads_and_links(extraction: Extraction) -> tuple[str, tuple[RelationLink, ...]]:
    """The N-Quads of one article's graph and its statement-target links (see :func:`relation_links`).

    Example: an article where مسؤول أميركي criticises Russia gives one link
    ``(…/actor/per-mswwl_amyrky, …/actor/gpe-ru, …/ns#Negative)`` beside its quads.
    """
    from newsgraph import graph

    triples = list(graph.article_plain_triples(extraction))
    return _nquads(extraction, triples), relation_links(triples)


def relation_links(triples: list[tuple[Any, Any, Any]]) -> tuple[RelationLink, ...]:
    """What :data:`newsgraph.graph.RELATION_COUNTS_QUERY` matches in one article's plain triples: one
    (speaker, target, stance) row per statement speaker and target link, so that a run can count the
    corpus-wide relations as it goes instead of querying the whole store at the end."""
    from newsgraph.vocab import NG, PROV, RDF

    rdf_type, statement = str(RDF.type), str(NG.Statement)
    attributed, has_target = str(PROV.wasAttributedTo), str(NG.hasTarget)
    target_actor, stance_p = str(NG.targetActor), str(NG.stance)
    statements: set[str] = set()
    speakers: dict[str, list[str]] = {}
    links: dict[str, list[str]] = {}
    target: dict[str, str] = {}
    stance: dict[str, str] = {}
    for s, p, o in triples:
        # plain IRIs are plain str (graph's plain vocabulary), literals are Lit tuples
        if not isinstance(o, str):
            continue
        if p == rdf_type:
            if o == statement:
                statements.add(s)
        elif p == attributed:
            speakers.setdefault(s, []).append(o)
        elif p == has_target:
            links.setdefault(s, []).append(o)
        elif p == target_actor:
            target[s] = o
        elif p == stance_p:
            stance[s] = o
    return tuple((sp, target[link], stance.get(link)) for st in sorted(statements) for sp in speakers.get(st, ())
                 for link in dict.fromkeys(links.get(st, ())) if link in target)


# The N-Quads form of plain terms, shared by the articles a process writes: predicates, classes,
# actors, integers and common literals repeat across articles, so most terms are formatted once.
# Bounded: an article's own terms (its statement IRIs, quoted texts) pass through.
@lru_cache(maxsize=20_000)
def _nt(term: Any) -> str:
    """The N-Quads form of a plain term (pyoxigraph writes it: the same escaping, and invalid IRIs raise)."""
    return str(_ox_plain(term))


def _nquads(extraction: Extraction, triples: list[tuple[Any, Any, Any]]) -> str:
    """One article's triples as N-Quads lines in its graph, each line as pyoxigraph's serialiser writes it."""
    from newsgraph import graph

    tail = f" {ox.NamedNode(str(graph.graph_iri(extraction.article.id)))} .\n"
    return "".join([f"{_nt(s)} {_nt(p)} {_nt(o)}{tail}" for s, p, o in triples])


def relation_quads(store: ox.Store, counts: dict[RelationLink, int] | None = None,
                   ) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """The derived ``ng:ActorRelation`` graph of a whole store: (its graph name, its quads).

    Args:
        store: a pyoxigraph store holding article graphs.
        counts: the statement-target links of every article in the store, counted while they were
            written (then the store is not queried), or None to count them with the relation query.

    Returns:
        The graph name and its quads.
    """
    from newsgraph import graph

    name = ox.NamedNode(str(graph.RELATIONS_GRAPH))
    if counts is not None:
        rows = [(sp, tg, st, n) for (sp, tg, st), n in counts.items()]
        return name, [ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), name) for s, p, o in graph.relation_triples(rows)]
    rows = []
    solutions = store.query(graph.RELATION_COUNTS_QUERY, use_default_graph_as_union=True)
    if not isinstance(solutions, ox.QuerySolutions):
        raise GraphError(f"the relation query gave {type(solutions).__name__}, expected solutions")
    for sol in solutions:
        stance = sol["stance"]
        rows.append((sol["speaker"].value, sol["target"].value, stance.value if stance is not None else None,
                     int(sol["n"].value)))
    return name, [ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), name) for s, p, o in graph.relation_triples(rows)]

