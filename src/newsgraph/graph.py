"""Extractions -> an RDF dataset: one named graph per article, deterministic IRIs, signed shortcuts.

Each article becomes the named graph ``ngid:graph/{article_id}`` holding the article, its
statements (with character offsets for cue, content, speaker mention, target mentions and stance
evidence), the target links with their stance and the article's ``schema:mentions`` of actors.
What is shared by articles lives in two derived graphs, so no triple is repeated across graphs:
``ngid:derived/actors`` describes each actor once (labels in @ar/@en, type, ids, affiliations),
and ``ngid:derived/relations`` holds the ``ng:talksAbout`` shortcuts and the signed
``ng:ActorRelation`` counts, recomputed from all article graphs after every build.

IRIs depend only on article ids, canonical actor keys and cue offsets, so two builds of the
same extractions give isomorphic graphs and adding an article again changes nothing (its graph
is replaced by an identical one).

    >>> from newsgraph.model import Article, Cue, Extraction, Speaker, Statement
    >>> text = "عنوان\\n\\nقال بوتين إن الوضع مستقر."
    >>> st = Statement(id="s1", kind="indirect", cue=Cue(7, 10, "قال", "قال"),
    ...                speaker=Speaker(entity="putin", label="بوتين", resolved_by="explicit"))
    >>> ds = build_graph([Extraction(article=Article.from_text(text, id="a1"), statements=(st,))])
    >>> str(statement_iri("a1", 7))
    'https://w3id.org/newsgraph/id/statement/a1/7'
    >>> (statement_iri("a1", 7), PROV.wasAttributedTo, actor_iri("putin")) in ds
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, unquote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.term import Node

from newsgraph.errors import DependencyError, GraphError, OntologyError
from newsgraph.model import Entity, Extraction, Span, Statement, Target
from newsgraph.vocab import DCTERMS, NG, NGID, OA, OWL, PROV, RDF, SDO, SHAPES_PATH, SKOS, XSD, bind_prefixes


class _Terms:
    """A namespace whose terms are looked up once: rdflib's DefinedNamespace builds and checks a new URIRef
    on every attribute access (~130k per 200 articles, a tenth of the N-Quads time)."""

    def __init__(self, ns: Any) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term


class _PlainTerms:
    """A namespace whose terms are plain ``str`` IRIs, looked up once: the one-article triples are plain
    values (see :class:`Lit`), and a ``str`` hashes and compares in C where a URIRef's ``==`` is Python code."""

    def __init__(self, ns: Any) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> str:
        term = str(getattr(self._ns, name))
        setattr(self, name, term)
        return term


_NG, _RDF, _SKOS = (_Terms(ns) for ns in (NG, RDF, SKOS))
# the plain-triple vocabulary (article_plain_triples and its helpers)
_ng, _sdo, _prov, _rdf, _skos, _oa, _dcterms, _xsd, _owl = (
    _PlainTerms(ns) for ns in (NG, SDO, PROV, RDF, SKOS, OA, DCTERMS, XSD, OWL)
)

__all__ = [
    "EXPORT_FORMATS",
    "ACTORS_GRAPH",
    "RELATIONS_GRAPH",
    "RELATION_COUNTS_QUERY",
    "Lit",
    "PlainTriple",
    "Triple",
    "actor_iri",
    "add_extraction",
    "article_ids",
    "article_iri",
    "article_plain_triples",
    "article_triples",
    "build_graph",
    "datasets_isomorphic",
    "describe_difference",
    "export",
    "format_for",
    "graph_iri",
    "load",
    "new_dataset",
    "refresh_relations",
    "relation_iri",
    "merge_actor",
    "rdflib_term",
    "relation_triples",
    "statement_iri",
    "target_iri",
    "union_graph",
    "validate",
]

Triple = tuple[Node, Node, Node]

RELATIONS_GRAPH = NGID["derived/relations"]
"""The named graph of the ng:ActorRelation nodes and ng:talksAbout shortcuts (aggregated over every article)."""

ACTORS_GRAPH = NGID["derived/actors"]
"""The named graph of the actor descriptions (labels, types, ids, affiliations), one copy per actor.

Actors are shared by articles, so they are described once here rather than in each article graph:
a triple repeated in several named graphs would count once per graph in pyoxigraph's union."""

# file extension -> rdflib format name; quads formats keep the per-article named graphs
EXPORT_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}

_KIND_CLASS = {"direct": _ng.DirectStatement, "indirect": _ng.IndirectStatement, "mixed": _ng.MixedStatement}
_TYPE_CLASS = {"PER": _ng.Person, "ORG": _ng.Organization, "GPE": _ng.Place, "LOC": _ng.Place}
_STANCE = {"pos": _ng.Positive, "neg": _ng.Negative, "neu": _ng.Neutral}
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")
_LEAD_CHARS = 280  # ng:text is a short excerpt for display, never the article (licence: no full text)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$")


# ----------------------------------------------------------------------------- IRIs


@lru_cache(maxsize=1 << 16)
def _enc(value: str) -> str:
    # percent-encode everything outside unreserved ASCII, so keys with '/', spaces or Arabic stay one segment
    # (cached: actor keys and article ids come back in every statement of an article and across articles)
    return quote(value, safe="")


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article: ``ngid:article/{id}`` (e.g. ``article_iri("snn-1")``)."""
    return NGID["article/" + _enc(article_id)]


def actor_iri(key: str) -> URIRef:
    """The IRI of an actor from its canonical key (``actor_iri("بوتين")`` percent-encodes the Arabic)."""
    return NGID["actor/" + _enc(key)]


def statement_iri(article_id: str, cue_start: int) -> URIRef:
    """The IRI of a statement: ``ngid:statement/{article_id}/{cue_start}``."""
    return NGID[f"statement/{_enc(article_id)}/{cue_start}"]


def target_iri(statement: URIRef, target_key: str) -> URIRef:
    """The IRI of one statement-target link: ``{statement}/target/{key}``."""
    return URIRef(f"{statement}/target/{_enc(target_key)}")


def relation_iri(speaker_key: str, target_key: str) -> URIRef:
    """The IRI of the signed shortcut node ``ngid:relation/{speaker_key}/{target_key}``."""
    return NGID[f"relation/{_enc(speaker_key)}/{_enc(target_key)}"]


def graph_iri(article_id: str) -> URIRef:
    """The IRI of an article's named graph: ``ngid:graph/{article_id}``."""
    return NGID["graph/" + _enc(article_id)]


def _actor_key_of(iri: str) -> str:
    prefix = str(NGID) + "actor/"
    if not iri.startswith(prefix):
        raise GraphError(f"{iri} is not a newsgraph actor IRI (expected it to start with {prefix})")
    return unquote(iri[len(prefix):])


# ----------------------------------------------------------------------------- one article


class Lit(NamedTuple):
    """A literal as plain values: its lexical form with a language or a datatype IRI.

    The one-article triples are built from plain values (an IRI is a ``str``) so that each writer
    makes its own terms of them: rdflib terms (:func:`rdflib_term`) or pyoxigraph terms
    (newsgraph.corpus.rdf), without building one kind only to convert it into the other.

    >>> Lit("روسيا", "ar")
    Lit(value='روسيا', lang='ar', datatype=None)
    """

    value: str  # the lexical form ("7" for an integer: Lit(1) == Lit(True) would merge terms in a dict)
    lang: str | None = None
    datatype: str | None = None


PlainTriple = tuple[str, str, "str | Lit"]


def rdflib_term(term: str | Lit) -> Node:
    """The rdflib term of a plain term: a ``str`` is an IRI, a :class:`Lit` a literal.

    >>> rdflib_term(Lit("7", None, str(XSD.integer))).toPython()
    7
    """
    if isinstance(term, Lit):
        dt = URIRef(term.datatype) if term.datatype is not None else None
        return Literal(term.value, lang=term.lang, datatype=dt)
    return term if isinstance(term, URIRef) else URIRef(term)


def _int(n: int) -> Lit:
    return Lit(str(n), None, _XSD_INTEGER)


def _bool(b: bool) -> Lit:
    return Lit("true" if b else "false", None, _XSD_BOOLEAN)


_XSD_INTEGER = str(XSD.integer)
_XSD_BOOLEAN = str(XSD.boolean)


def _actor(key: str) -> str:
    return f"{NGID}actor/{_enc(key)}"


def _label(text: str) -> Lit:
    if _ARABIC.search(text):
        return Lit(text, "ar")
    if _LATIN.search(text):
        return Lit(text, "en")
    return Lit(text)


def _date_literal(value: str) -> Lit:
    value = value.strip()
    if _DATE.match(value):
        return Lit(value, None, _xsd.date)
    m = _DATETIME.match(value)
    if m:
        return Lit(f"{m.group(1)}T{m.group(2)}", None, _xsd.dateTime)
    return Lit(value)


def _lead(text: str, title: str) -> str:
    body = text
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title):]
    para = next((p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()), "")
    return para if len(para) <= _LEAD_CHARS else para[:_LEAD_CHARS].rsplit(" ", 1)[0] + " …"


class _ActorBook:
    """Collects what one article says about each actor and writes each description once."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = {e.key: e for e in entities}
        self.by_name: dict[str, str] = {}
        for e in self.entities.values():
            for name in (e.label, e.label_en, *e.aliases):
                if name:
                    self.by_name.setdefault(name, e.key)
        self.fallback: dict[str, tuple[str, tuple[str, ...], str | None]] = {}  # key -> label, aliases, type
        self.extra: dict[str, list[PlainTriple]] = {}  # actor-level facts found at statements (affiliations)

    def use(self, key: str, label: str, aliases: Iterable[str] = (), type_: str | None = None) -> str:
        if key not in self.entities and key not in self.fallback:
            self.fallback[key] = (label or key, tuple(aliases), type_)
        return _actor(key)

    def organization(self, name: str) -> str:
        key = name if name in self.entities else self.by_name.get(name, name)
        return self.use(key, name, (), "ORG")

    def descriptions(self) -> dict[str, list[PlainTriple]]:
        out: dict[str, list[PlainTriple]] = {}
        for key in sorted(set(self.entities) | set(self.fallback)):
            if key in self.entities:
                e = self.entities[key]
                out[key] = list(_actor_triples(key, e.label, e.label_en, e.aliases, e.type, e.ids))
            else:
                label, aliases, type_ = self.fallback[key]
                out[key] = list(_actor_triples(key, label, None, aliases, type_, ()))
        for key, triples in self.extra.items():
            out.setdefault(key, []).extend(triples)
        return out


def _actor_triples(key: str, label: str, label_en: str | None, aliases: Iterable[str], type_: str | None,
                   ids: Iterable[tuple[str, str]]) -> Iterator[PlainTriple]:
    node = _actor(key)
    yield node, _rdf.type, _ng.Actor
    if type_ in _TYPE_CLASS:
        yield node, _rdf.type, _TYPE_CLASS[type_]
    if type_:
        yield node, _ng.entityType, Lit(type_)
    yield node, _ng.actorKey, Lit(key)
    # SKOS: at most one prefLabel per language; every other name becomes an altLabel
    pref: dict[str | None, Lit] = {}
    alts: list[Lit] = []
    for name in (label, label_en, *aliases):
        if not name:
            continue
        lit = _label(name)
        if lit.lang not in pref:
            pref[lit.lang] = lit
        elif lit != pref[lit.lang]:
            alts.append(lit)
    for lit in pref.values():
        yield node, _skos.prefLabel, lit
    for lit in alts:
        yield node, _skos.altLabel, lit
    for scheme, value in ids:
        if scheme == "iso3166":
            yield node, _ng.iso3166, Lit(value)
        elif scheme == "geonames":
            yield node, _ng.geonames, Lit(value)
        elif scheme == "wikidata":
            yield node, _owl.sameAs, "http://www.wikidata.org/entity/" + value
        else:
            yield node, _dcterms.identifier, Lit(f"{scheme}:{value}")


def _span_triples(node: str, span: Span, text_p: str, start_p: str, end_p: str) -> Iterator[PlainTriple]:
    yield node, text_p, Lit(span.text)
    yield node, start_p, _int(span.start)
    yield node, end_p, _int(span.end)


def _anchor_triples(stmt: str, prop: str, name: str, article: str, span: Span) -> Iterator[PlainTriple]:
    # the same position as a W3C Web Annotation selector, for tools that speak oa:
    anchor = f"{stmt}/{name}"
    selector = f"{stmt}/{name}/position"
    yield stmt, prop, anchor
    yield anchor, _rdf.type, _oa.SpecificResource
    yield anchor, _oa.hasSource, article
    yield anchor, _oa.hasSelector, selector
    yield selector, _rdf.type, _oa.TextPositionSelector
    # xsd:integer, not the xsd:nonNegativeInteger of the Web Annotation examples: pyoxigraph stores every
    # integer subtype as xsd:integer, and the two stores must hold the same triples
    yield selector, _oa.start, _int(span.start)
    yield selector, _oa.end, _int(span.end)


def _statement_triples(stmt: str, st: Statement, article: str, actors: _ActorBook) -> Iterator[PlainTriple]:
    sp = st.speaker
    speaker_key = sp.entity or sp.label
    # a cue whose speaker was not found keeps its statement (ng:resolvedBy "unresolved") but names no actor:
    # an actor with an empty key would gather every such statement into one nameless "top speaker"
    speaker = actors.use(speaker_key, sp.label, sp.aliases) if speaker_key else None
    yield stmt, _rdf.type, _ng.Statement
    yield stmt, _rdf.type, _KIND_CLASS[st.kind]
    yield stmt, _rdf.type, _sdo.Quotation
    yield stmt, _ng.statementId, Lit(st.id)
    yield stmt, _ng.required, _bool(st.required)
    if speaker is not None:
        yield stmt, _prov.wasAttributedTo, speaker
    if speaker is not None and st.kind in ("direct", "mixed"):
        # the quoted words come from the speaker (PROV-DM: an agent may also be quoted as an entity)
        yield stmt, _prov.wasQuotedFrom, speaker
    yield stmt, _prov.wasDerivedFrom, article
    yield stmt, _sdo.isPartOf, article
    cue = st.cue
    yield from _span_triples(stmt, Span(cue.start, cue.end, cue.text), _ng.cueText, _ng.cueStart, _ng.cueEnd)
    yield stmt, _ng.cueLemma, Lit(cue.lemma)
    yield stmt, _ng.cueType, Lit(cue.cue_type)
    yield from _anchor_triples(stmt, _ng.cueAnchor, "cue", article, Span(cue.start, cue.end, cue.text))
    if st.content is not None:
        yield from _span_triples(stmt, st.content, _sdo.text, _ng.contentStart, _ng.contentEnd)
        yield from _anchor_triples(stmt, _ng.contentAnchor, "content", article, st.content)
    if sp.mention is not None:
        yield from _span_triples(stmt, sp.mention, _ng.speakerText, _ng.speakerStart, _ng.speakerEnd)
    yield stmt, _ng.resolvedBy, Lit(sp.resolved_by)
    if sp.title:
        yield stmt, _ng.speakerTitle, Lit(sp.title)
    if sp.role:
        yield stmt, _ng.speakerRole, Lit(sp.role)
    if sp.organization:
        org = actors.organization(sp.organization)
        yield stmt, _ng.speakerOrganization, org
        if speaker is not None and org != speaker:
            actors.extra.setdefault(speaker_key, []).append((speaker, _sdo.affiliation, org))
    seen: set[str] = set()
    for target in st.targets:
        if target.entity in seen:  # one link per actor; the first mention stands for the statement
            continue
        seen.add(target.entity)
        yield from _target_triples(stmt, target, actors)


def _target_triples(stmt: str, target: Target, actors: _ActorBook) -> Iterator[PlainTriple]:
    actor = actors.use(target.entity, target.label, target.aliases)
    link = f"{stmt}/target/{_enc(target.entity)}"
    yield stmt, _sdo.about, actor
    yield stmt, _ng.hasTarget, link
    yield link, _rdf.type, _ng.TargetLink
    yield link, _ng.targetActor, actor
    yield link, _ng.via, Lit(target.via)
    yield from _span_triples(link, target.mention, _ng.mentionText, _ng.mentionStart, _ng.mentionEnd)
    if target.stance is not None:
        yield link, _ng.stance, _STANCE[target.stance]
        if target.evidence is not None:
            yield from _span_triples(link, target.evidence, _ng.evidenceText, _ng.evidenceStart, _ng.evidenceEnd)


def article_plain_triples(extraction: Extraction, *, into: dict[str, list[PlainTriple]] | None = None
                          ) -> Iterator[PlainTriple]:
    """The triples of one article's named graph as plain terms (article, statements, target links, mentions).

    This decides WHAT triples an article has; :func:`article_triples` makes rdflib terms of them and
    newsgraph.corpus.rdf pyoxigraph terms.

    Args:
        extraction: what ``newsgraph.extract`` found in one article.
        into: a dict that receives, once the iterator is exhausted, the description triples of every
            actor the article involves (canonical key -> triples); they belong in :data:`ACTORS_GRAPH`,
            merged with :func:`merge_actor`, which is what :func:`build_graph` and the stores do.
            None: the descriptions are yielded too, making a self-contained article graph (for writers
            that put one article per graph; pyoxigraph then sees the repeated actor triples once per graph).

    Returns:
        An iterator of (subject, predicate, object) plain terms: an IRI is a ``str``, a literal a :class:`Lit`;
        the same extraction always gives the same set.

    Raises:
        GraphError: when a statement kind or stance is not one the ontology knows.

    Example: for ``قال بوتين إن ...`` the statement ``ngid:statement/a1/7`` gets
    ``prov:wasAttributedTo ngid:actor/putin`` and ``ng:cueStart 7``.
    """
    art = extraction.article
    node = f"{NGID}article/{_enc(art.id)}"
    yield node, _rdf.type, _sdo.NewsArticle
    yield node, _ng.articleId, Lit(art.id)
    yield node, _ng.charCount, _int(len(art.text))
    if art.title:
        yield node, _sdo.headline, Lit(art.title)
    lead = _lead(art.text, art.title)
    if lead:
        yield node, _ng.text, Lit(lead)
    if art.date:
        yield node, _sdo.datePublished, _date_literal(art.date)
    if art.url:
        yield node, _sdo.url, Lit(art.url, None, _xsd.anyURI)
    if art.source:
        yield node, _sdo.publisher, Lit(art.source)
    if art.author:
        yield node, _sdo.author, Lit(art.author)
    for warning in extraction.warnings:
        yield node, _ng.warning, Lit(warning)

    actors = _ActorBook(extraction.entities)
    used: dict[str, int] = {}
    for st in sorted(extraction.statements, key=lambda s: (s.cue.start, s.cue.end, s.id)):
        if st.kind not in _KIND_CLASS:
            raise GraphError(f"article '{art.id}': statement {st.id} has kind {st.kind!r}; "
                             f"expected one of {', '.join(_KIND_CLASS)}", article_id=art.id)
        bad = [t.stance for t in st.targets if t.stance is not None and t.stance not in _STANCE]
        if bad:
            raise GraphError(f"article '{art.id}': statement {st.id} has stance {bad[0]!r}; "
                             f"expected one of {', '.join(_STANCE)} or None", article_id=art.id)
        stmt = f"{NGID}statement/{_enc(art.id)}/{st.cue.start}"
        # two statements on one cue (rare: nested speech) keep distinct, still deterministic IRIs
        n = used.get(stmt, 0)
        used[stmt] = n + 1
        if n:
            stmt = f"{stmt}-{n + 1}"
        yield from _statement_triples(stmt, st, node, actors)
    descriptions = actors.descriptions()
    for key in descriptions:
        yield node, _sdo.mentions, _actor(key)
    if into is not None:
        into.update(descriptions)
    else:  # one self-contained article graph (VOCAB.md allows actors repeated per article graph)
        for triples in descriptions.values():
            yield from triples


def article_triples(extraction: Extraction, *, into: dict[str, list[Triple]] | None = None) -> Iterator[Triple]:
    """The triples of one article's named graph (article, statements with offsets, target links, mentions).

    Args:
        extraction: what ``newsgraph.extract`` found in one article.
        into: as in :func:`article_plain_triples` (actor descriptions collected for :data:`ACTORS_GRAPH`,
            or None to yield them too), here with rdflib terms.

    Returns:
        An iterator of (subject, predicate, object) rdflib terms; the same extraction always gives the same set
        (the terms of :func:`article_plain_triples`).

    Raises:
        GraphError: when a statement kind or stance is not one the ontology knows.

    Example: for ``قال بوتين إن ...`` the statement ``ngid:statement/a1/7`` gets
    ``prov:wasAttributedTo ngid:actor/putin`` and ``ng:cueStart 7``.
    """
    terms: dict[str | Lit, Node] = {}  # actors and predicates repeat: each term is made once

    def term(t: str | Lit) -> Node:
        out = terms.get(t)
        if out is None:
            out = terms[t] = rdflib_term(t)
        return out

    plain: dict[str, list[PlainTriple]] | None = {} if into is not None else None
    for s, p, o in article_plain_triples(extraction, into=plain):
        yield term(s), term(p), term(o)
    if into is not None and plain is not None:
        into.update({k: [(term(s), term(p), term(o)) for s, p, o in v] for k, v in plain.items()})


# ----------------------------------------------------------------------------- datasets


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of its named graphs, with newsgraph prefixes bound.

    Example: ``ds = new_dataset(); ds.query("SELECT * { ?s ng:cueText ?t }")`` sees every article graph.
    """
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    return ds


def article_ids(dataset: Dataset) -> set[str]:
    """The ids of the articles that have a named graph in the dataset (e.g. ``{'000_bbdb7bd5d11f476f'}``)."""
    prefix = str(NGID) + "graph/"
    out: set[str] = set()
    for g in dataset.graphs():
        name = str(g.identifier)
        if name.startswith(prefix) and len(g):
            out.add(unquote(name[len(prefix):]))
    return out


def merge_actor(triples: Iterable[Triple], existing_labels: Iterable[Literal]) -> list[Triple]:
    """An actor description to add next to what the graph already says about the actor.

    The first description of an actor keeps its preferred labels (SKOS allows one per language);
    a later article's different preferred labels become alternative labels, so builds stay
    deterministic for a given article order and adding an article twice adds nothing.

    Args:
        triples: the description from one article (``article_triples(..., into=...)``).
        existing_labels: the actor's skos:prefLabel values already in the graph (empty: a new actor).

    Returns:
        The triples to add.

    Example: with ``"روسيا"@ar`` already preferred, a new ``"روسيه"@ar`` is added as skos:altLabel.
    """
    existing = set(existing_labels)
    if not existing:
        return list(triples)
    out = []
    for s, p, o in triples:
        if p == _SKOS.prefLabel:
            if o in existing:
                continue
            p = _SKOS.altLabel
        out.append((s, p, o))
    return out


def _add_actors(dataset: Dataset, descriptions: dict[str, list[Triple]]) -> None:
    g = dataset.graph(ACTORS_GRAPH)
    for key, triples in descriptions.items():
        existing = [o for o in g.objects(actor_iri(key), _SKOS.prefLabel) if isinstance(o, Literal)]
        g.addN((s, p, o, g) for s, p, o in merge_actor(triples, existing))


def add_extraction(dataset: Dataset, extraction: Extraction, *, replace: bool = True) -> bool:
    """Put one article's graph into the dataset, replacing (or keeping) a graph of the same article.

    Args:
        dataset: the dataset to add to (changed in place: it is the store, not a value).
        extraction: one article's extraction.
        replace: True: an article already present is replaced by the new extraction; False: it is kept.

    Returns:
        True when the article graph was written, False when it was kept because ``replace`` is False.

    Example: adding the extraction of ``قال بوتين ...`` twice leaves the dataset as after the first time.
    """
    gid = graph_iri(extraction.article.id)
    g = dataset.graph(gid)
    if len(g):
        if not replace:
            return False
        g.remove((None, None, None))
    descriptions: dict[str, list[Triple]] = {}
    g.addN((s, p, o, g) for s, p, o in article_triples(extraction, into=descriptions))
    _add_actors(dataset, descriptions)
    return True


RELATION_COUNTS_QUERY = """
PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?speaker ?target ?stance (COUNT(DISTINCT ?link) AS ?n) WHERE {
  ?statement a ng:Statement ; prov:wasAttributedTo ?speaker ; ng:hasTarget ?link .
  ?link ng:targetActor ?target .
  OPTIONAL { ?link ng:stance ?stance }
}
GROUP BY ?speaker ?target ?stance
"""
"""Statement-target links per (speaker, target, stance); both rdflib and pyoxigraph run it for the relations."""


def relation_triples(rows: Iterable[tuple[str, str, str | None, int]]) -> Iterator[Triple]:
    """The ng:ActorRelation triples from (speaker IRI, target IRI, stance IRI or None, link count) rows.

    Args:
        rows: the results of :data:`RELATION_COUNTS_QUERY` as plain strings and ints.

    Returns:
        Triples of one ``ngid:relation/{speaker}/{target}`` node per pair; a missing stance counts as neutral.

    Example: rows ``(actor/us_official, actor/russia, ng:Negative, 3)`` give ``ng:negativeCount 3``.
    """
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for speaker, target, stance, n in rows:
        c = counts.setdefault((speaker, target), {"pos": 0, "neg": 0, "neu": 0})
        if stance == str(_NG.Positive):
            c["pos"] += int(n)
        elif stance == str(_NG.Negative):
            c["neg"] += int(n)
        else:
            c["neu"] += int(n)
    for (speaker, target), c in sorted(counts.items()):
        node = relation_iri(_actor_key_of(speaker), _actor_key_of(target))
        yield node, _RDF.type, _NG.ActorRelation
        yield node, _NG.fromActor, URIRef(speaker)
        yield node, _NG.toActor, URIRef(target)
        yield node, _NG.statementCount, Literal(c["pos"] + c["neg"] + c["neu"])
        yield node, _NG.positiveCount, Literal(c["pos"])
        yield node, _NG.negativeCount, Literal(c["neg"])
        yield node, _NG.neutralCount, Literal(c["neu"])
        yield URIRef(speaker), _NG.talksAbout, URIRef(target)


def refresh_relations(dataset: Dataset) -> None:
    """Recompute the ng:ActorRelation graph from every article graph in the dataset.

    Example: after adding an article where the US official criticises Russia, the node
    ``ngid:relation/us_official/russia`` counts one more negative statement.
    """
    rel = dataset.graph(RELATIONS_GRAPH)
    rel.remove((None, None, None))
    rows: list[tuple[str, str, str | None, int]] = []
    for r in dataset.query(RELATION_COUNTS_QUERY):
        speaker, target, stance, n = r  # type: ignore[misc]
        rows.append((str(speaker), str(target), str(stance) if stance is not None else None, int(n)))
    rel.addN((s, p, o, rel) for s, p, o in relation_triples(rows))


def build_graph(extractions: Iterable[Extraction], *, graph: Dataset | None = None) -> Dataset:
    """Build (or extend) the knowledge graph of who said what about whom from extractions.

    Args:
        extractions: one extraction per article (``newsgraph.extract`` results).
        graph: a dataset to add to (e.g. from an earlier build); a new one when None.
            An article already in it is replaced, so adding the same article twice adds nothing.

    Returns:
        The dataset: one named graph per article plus the derived relations graph; querying its
        default graph sees the union.

    Example: ``build_graph([extract(open("seeds/000_bbdb7bd5d11f476f.txt").read())])`` holds
    statements such as ``قال المتحدث باسم وزارة الدفاع ...`` attributed to their speakers.
    """
    ds = graph if graph is not None else new_dataset()
    for extraction in extractions:
        add_extraction(ds, extraction)
    refresh_relations(ds)
    return ds


def union_graph(dataset: Dataset | Graph) -> Graph:
    """Every triple of every graph in the dataset, as one plain ``rdflib.Graph`` (duplicates merged).

    Example: ``len(union_graph(ds))`` is the triple count of the Turtle export.
    """
    if not isinstance(dataset, Dataset):
        return dataset
    g = Graph()
    for prefix, ns in dataset.namespaces():
        g.bind(prefix, ns, override=True, replace=True)
    for ctx in dataset.graphs():
        for t in ctx:
            g.add(t)
    return g


# ----------------------------------------------------------------------------- files


def format_for(path: Path | str, format: str | None = None) -> str:
    """The rdflib format name for a file: given, or chosen by extension (.ttl .nt .jsonld .trig .nq).

    Raises:
        GraphError: for an extension newsgraph does not write.

    Example: ``format_for("seed.trig")`` is ``'trig'``.
    """
    if format:
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise GraphError(f"cannot tell the RDF format of {path}: use one of the extensions "
                         f"{', '.join(EXPORT_FORMATS)} or give the format")
    return EXPORT_FORMATS[suffix]


def _jsonld_context() -> dict[str, Any]:
    from newsgraph.vocab import PREFIXES

    return dict(PREFIXES)


def export(dataset: Dataset | Graph, path: Path | str, format: str | None = None) -> Path:
    """Write the graph to a file; quad formats (.trig, .nq, .jsonld) keep one named graph per article.

    Args:
        dataset: what :func:`build_graph` returned (or a plain graph).
        path: the file to write; its extension picks the format unless ``format`` is given.
        format: an rdflib format name (turtle, nt, json-ld, trig, nquads) to override the extension.

    Returns:
        The path written.

    Raises:
        GraphError: for an unknown extension.

    Example: ``export(ds, "seed.ttl")`` writes the union graph with labels such as ``"روسيا"@ar``.
    """
    path = Path(path)
    fmt = format_for(path, format)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in _QUAD_FORMATS and isinstance(dataset, Dataset):
        target: Graph = dataset
    else:
        target = union_graph(dataset)
    kwargs: dict[str, Any] = {"encoding": "utf-8"}
    if fmt == "json-ld":
        kwargs["context"] = _jsonld_context()
        kwargs["auto_compact"] = True
    target.serialize(destination=str(path), format=fmt, **kwargs)
    return path


def load(path: Path | str, format: str | None = None) -> Dataset:
    """Read a graph file written by :func:`export` (or any RDF in those formats) into a new dataset.

    Triple formats (.ttl, .nt) land in the default graph; quad formats keep their named graphs.

    Raises:
        GraphError: when the file is missing or not valid RDF.

    Example: ``load("seed.trig")`` gives back one named graph per article, e.g. ``ngid:graph/000_bbdb7bd5d11f476f``.
    """
    path = Path(path)
    fmt = format_for(path, format)
    if not path.is_file():
        raise GraphError(f"no such graph file: {path}")
    ds = new_dataset()
    try:
        if fmt in _QUAD_FORMATS:
            ds.parse(str(path), format=fmt)
        else:
            ds.default_graph.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for broken input
        raise GraphError(f"cannot read {path} as {fmt}: {exc}") from exc
    return ds


# ----------------------------------------------------------------------------- comparison and validation


def _named(dataset: Dataset | Graph) -> dict[str, Graph]:
    if not isinstance(dataset, Dataset):
        return {"": dataset}
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def datasets_isomorphic(a: Dataset | Graph, b: Dataset | Graph, *, union: bool = False) -> bool:
    """True when both hold the same named graphs with isomorphic contents (or the same union when ``union``).

    Example: a dataset exported to .trig and read back is isomorphic to the original.
    """
    if union:
        return isomorphic(union_graph(a), union_graph(b))
    ga, gb = _named(a), _named(b)
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


def describe_difference(a: Dataset | Graph, b: Dataset | Graph, *, limit: int = 20) -> str:
    """A readable account of how two graphs differ (``rdflib.compare.graph_diff`` of the unions), for test failures.

    Example: ``describe_difference(ds1, ds2)`` lists triples such as ``ng:cueStart 70`` found only on one side.
    """
    ga, gb = _named(a), _named(b)
    lines = []
    if ga.keys() != gb.keys():
        lines.append(f"graphs only in first: {sorted(ga.keys() - gb.keys())[:limit]}")
        lines.append(f"graphs only in second: {sorted(gb.keys() - ga.keys())[:limit]}")
    _, first, second = graph_diff(union_graph(a), union_graph(b))
    lines.append(f"{len(first)} triples only in first, {len(second)} only in second")
    lines += ["< " + " ".join(t.n3() for t in tr) for tr in sorted(first)[:limit]]
    lines += ["> " + " ".join(t.n3() for t in tr) for tr in sorted(second)[:limit]]
    return "\n".join(lines)


def validate(dataset: Dataset | Graph, *, shapes: Path | None = None) -> tuple[bool, str]:
    """Check the union graph against the newsgraph SHACL shapes (ontologies/newsgraph-shapes.ttl).

    Args:
        dataset: the graph to check.
        shapes: another shapes file (default: the newsgraph shapes).

    Returns:
        (conforms, the pyshacl report text).

    Raises:
        DependencyError: when pyshacl is not installed (``pip install newsgraph[dev]``).
        OntologyError: when the shapes file is missing.

    Example: ``validate(build_graph([extract(seed)]))[0]`` is True; a statement without ``ng:cueStart`` fails.
    """
    try:
        import pyshacl
    except ImportError as exc:
        raise DependencyError("validating a graph needs pyshacl: pip install pyshacl") from exc
    shapes_path = shapes or SHAPES_PATH
    if not shapes_path.is_file():
        raise OntologyError(f"no shapes file at {shapes_path}")
    shapes_graph = Graph().parse(str(shapes_path), format="turtle")
    conforms, _, text = pyshacl.validate(union_graph(dataset), shacl_graph=shapes_graph, inference="none",
                                         advanced=True)
    return bool(conforms), str(text)

