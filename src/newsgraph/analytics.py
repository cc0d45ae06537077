"""Who talks about whom: the RDF graph projected into networkx, and plain results computed from it.

The RDF graph (VOCAB.md terms, read through rdflib's triple index) becomes a
:class:`networkx.MultiDiGraph` with one edge per statement-target pair, speaker -> target, carrying
the statement IRI, cue, kind, article, offsets, stance, evidence and a content snippet; and a weighted
actor :class:`networkx.DiGraph` (one edge per ordered pair, ``weight`` = statements, plus
``pos``/``neg``/``neu`` counts).  Every result is a frozen dataclass with ``to_dict()`` so the CLI
prints it as a table or JSON.

    >>> from rdflib import Graph
    >>> stats = graph_stats(Graph())
    >>> stats.to_dict()["statements"]
    0
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

import networkx as nx
from rdflib import RDF, SKOS, Dataset, Graph, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph

from newsgraph.errors import GraphError, InputError

__all__ = [
    "ActorInfo",
    "ActorSides",
    "EgoNetwork",
    "GraphStats",
    "PairStance",
    "Projection",
    "Ranked",
    "StatementEdge",
    "Triad",
    "ego_network",
    "graph_stats",
    "project",
    "read_graph",
    "resolve_actor",
]

ActorType = Literal["person", "organisation", "place", "other"]
StanceValue = Literal["pos", "neg", "neu"]

NS = "https://w3id.org/newsgraph/ns#"
NG = Namespace(NS)
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
_SNIPPET = 160
# above this many actor nodes betweenness is estimated from a fixed-seed sample of sources (Brandes 2008)
_EXACT_BETWEENNESS_LIMIT = 200
_SEED = 42

_TYPE_OF_CLASS: dict[str, ActorType] = {"Person": "person", "Organization": "organisation", "Place": "place"}
_TYPE_OF_CODE: dict[str, ActorType] = {"PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}
_STANCE_OF: dict[str, StanceValue] = {"Positive": "pos", "Negative": "neg", "Neutral": "neu"}
_KIND_OF = {"DirectStatement": "direct", "IndirectStatement": "indirect", "MixedStatement": "mixed"}


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One actor as the views show it: key (from the IRI or ng:actorKey), labels and type."""

    key: str
    iri: str
    label: str
    label_en: str | None = None
    type: ActorType = "other"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StatementEdge:
    """One statement-target pair: the edge speaker -> target of the multigraph."""

    statement: str
    speaker: str
    target: str
    cue: str
    kind: str
    article: str
    article_title: str
    cue_start: int | None
    cue_end: int | None
    stance: StanceValue | None
    evidence: str | None
    content: str
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Projection:
    """The RDF graph as networkx graphs plus the actor table (what every result is computed from)."""

    actors: dict[str, ActorInfo]
    statements: nx.MultiDiGraph
    actor_graph: nx.DiGraph
    # statement IRI -> speaker key, for statements with and without targets
    speakers_of: dict[str, str] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()

    def label(self, key: str) -> str:
        info = self.actors.get(key)
        return info.label if info else key


@dataclass(frozen=True, slots=True)
class Ranked:
    """An actor with a number (statements, mentions, a centrality score)."""

    actor: str
    label: str
    value: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PairStance:
    """What ``source`` said about ``target``: statement-target pairs by stance; balance = (pos-neg)/total."""

    source: str
    source_label: str
    target: str
    target_label: str
    pos: int
    neg: int
    neu: int
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.pos + self.neg + self.neu + self.unknown

    @property
    def balance(self) -> float:
        return (self.pos - self.neg) / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total": self.total, "balance": round(self.balance, 4)}


@dataclass(frozen=True, slots=True)
class ActorSides:
    """An actor's allies (whom it speaks of positively on balance) and opponents (negatively), by what it says."""

    actor: str
    label: str
    allies: tuple[str, ...]
    opponents: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "label": self.label, "allies": list(self.allies),
                "opponents": list(self.opponents)}


@dataclass(frozen=True, slots=True)
class Triad:
    """Three actors whose three pairs all carry a sign; balanced when the product of the signs is positive."""

    actors: tuple[str, str, str]
    signs: tuple[int, int, int]  # (a-b, a-c, b-c)

    @property
    def balanced(self) -> bool:
        return self.signs[0] * self.signs[1] * self.signs[2] > 0

    def to_dict(self) -> dict[str, Any]:
        return {"actors": list(self.actors), "signs": list(self.signs), "balanced": self.balanced}


@dataclass(frozen=True, slots=True)
class EgoNetwork:
    """An actor, its neighbours (either direction, up to ``radius`` steps) and the edges among them."""

    actor: str
    label: str
    radius: int
    nodes: tuple[str, ...]
    edges: tuple[tuple[str, str, int], ...]  # (source, target, statements)

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "label": self.label, "radius": self.radius, "nodes": list(self.nodes),
                "edges": [{"source": s, "target": t, "weight": w} for s, t, w in self.edges]}


@dataclass(frozen=True, slots=True)
class GraphStats:
    """Every who-talks-about-whom result for one graph (lists ranked, longest first)."""

    actors: int
    statements: int
    links: int
    articles: int
    statements_per_speaker: tuple[Ranked, ...]
    mentions_per_target: tuple[Ranked, ...]
    pagerank: tuple[Ranked, ...]
    betweenness: tuple[Ranked, ...]
    communities: tuple[tuple[str, ...], ...]
    reciprocal_pairs: tuple[tuple[str, str], ...]
    co_targeted: tuple[tuple[str, str, int], ...]
    stance_pairs: tuple[PairStance, ...]
    sides: tuple[ActorSides, ...]
    most_criticised: tuple[Ranked, ...]
    most_praised: tuple[Ranked, ...]
    triads_balanced: int
    triads_unbalanced: int
    triads: tuple[Triad, ...]
    labels: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": self.actors,
            "statements": self.statements,
            "links": self.links,
            "articles": self.articles,
            "statements_per_speaker": [r.to_dict() for r in self.statements_per_speaker],
            "mentions_per_target": [r.to_dict() for r in self.mentions_per_target],
            "pagerank": [r.to_dict() for r in self.pagerank],
            "betweenness": [r.to_dict() for r in self.betweenness],
            "communities": [list(c) for c in self.communities],
            "reciprocal_pairs": [list(p) for p in self.reciprocal_pairs],
            "co_targeted": [{"a": a, "b": b, "statements": n} for a, b, n in self.co_targeted],
            "stance_pairs": [p.to_dict() for p in self.stance_pairs],
            "sides": [s.to_dict() for s in self.sides],
            "most_criticised": [r.to_dict() for r in self.most_criticised],
            "most_praised": [r.to_dict() for r in self.most_praised],
            "structural_balance": {"balanced": self.triads_balanced, "unbalanced": self.triads_unbalanced,
                                   "triads": [t.to_dict() for t in self.triads]},
            "labels": dict(self.labels),
        }


_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".n3": "n3", ".trig": "trig", ".nq": "nquads",
            ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}


def read_graph(path: str | Path) -> Graph | Dataset:
    """Read a graph file (.ttl/.nt/.trig/.nq/.jsonld) or a graph store folder.

    Args:
        path: e.g. ``graph.trig`` written by ``newsgraph build``, or a store folder.

    Returns:
        An rdflib Graph (triple formats) or Dataset (quad formats, one named graph per article).

    Raises:
        InputError: the path is missing or its format is unknown.
        GraphError: the file does not parse.
    """
    path = Path(path)
    if path.is_dir():
        return _read_store(path)
    if not path.exists():
        raise InputError(f"no such graph file: {path}")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown graph format '{path.suffix}' for {path}; use one of {', '.join(sorted(_FORMATS))}"
                         " or a store folder")
    graph: Graph | Dataset = Dataset() if fmt in _QUAD_FORMATS else Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise GraphError(f"cannot parse {path} as {fmt}: {exc}") from exc
    return graph


def _read_store(path: Path) -> Graph | Dataset:
    """A store folder written by ``newsgraph build --store``, read back as an rdflib Dataset."""
    from newsgraph.store import load_graph

    return load_graph(path)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _key_of(iri: str) -> str:
    """The actor key from an ``ngid:actor/{key}`` IRI (percent-decoded), else the IRI itself."""
    marker = "/actor/"
    return unquote(iri.split(marker, 1)[1]) if marker in iri else iri


def _pairs(graph: Graph | Dataset, p: URIRef) -> Iterable[tuple[Any, Any]]:
    """(subject, object) of every triple with predicate ``p``, across every named graph of a Dataset."""
    if isinstance(graph, (Dataset, ConjunctiveGraph)):
        # read the quads in place: copying a 90k-triple Dataset into one Graph took longer than everything else
        return ((s, o) for s, _, o, _ in graph.quads((None, p, None, None)))
    if isinstance(graph, Graph):
        return graph.subject_objects(p)
    raise InputError(f"expected an rdflib Graph or Dataset, got {type(graph).__name__}")


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


# rdflib's SPARQL engine needed 44 s to join the statement pattern (one row per statement-target pair,
# eleven OPTIONALs) on a 100k-triple graph, and per-subject lookups 5 s; one pass over the triples into
# a predicate -> subject -> objects index reads the same VOCAB.md terms in about a second.
_WANTED = {RDF.type, SKOS.prefLabel, NG.actorKey, NG.entityType, NG.articleId, SCHEMA.headline,
           PROV.wasAttributedTo, PROV.wasDerivedFrom, SCHEMA.isPartOf, NG.cueText, NG.cueStart, NG.cueEnd,
           SCHEMA.text, NG.hasTarget, NG.targetActor, NG.stance, NG.evidenceText, NG.via}
_ACTOR_CLASSES = frozenset((NG.Person, NG.Organization, NG.Place))
_KIND_CLASSES = frozenset((NG.DirectStatement, NG.IndirectStatement, NG.MixedStatement))
# the terms as plain URIRefs: Namespace attribute access builds a new term on every call
(T_TYPE, T_LABEL, T_KEY, T_ETYPE, T_ARTICLE_ID, T_HEADLINE, T_SPEAKER, T_DERIVED, T_PART_OF, T_CUE, T_CUE_START,
 T_CUE_END, T_TEXT, T_HAS_TARGET, T_TARGET, T_STANCE, T_EVIDENCE, T_VIA) = (
    URIRef(RDF.type), URIRef(SKOS.prefLabel), NG.actorKey, NG.entityType, NG.articleId, SCHEMA.headline,
    PROV.wasAttributedTo, PROV.wasDerivedFrom, SCHEMA.isPartOf, NG.cueText, NG.cueStart, NG.cueEnd, SCHEMA.text,
    NG.hasTarget, NG.targetActor, NG.stance, NG.evidenceText, NG.via)

Index = dict[Any, dict[Any, list[Any]]]


def _index(graph: Graph | Dataset) -> Index:
    """predicate -> subject -> sorted distinct objects (a triple repeated in several named graphs counts once)."""
    index: Index = {}
    for p in _WANTED:
        bucket: dict[Any, set[Any]] = defaultdict(set)
        for s, o in _pairs(graph, p):
            bucket[s].add(o)
        index[p] = {s: sorted(objs) for s, objs in bucket.items()}
    return index


def _one(index: Index, p: URIRef, s: Any) -> Any:
    values = index[p].get(s)
    return values[0] if values else None  # sorted: the same value whichever order the store yields


def _actor_rows(index: Index) -> list[tuple[Any, ...]]:
    """(actor, label, key, entityType, class) rows, like a UNION of the four actor patterns."""
    rows: list[tuple[Any, ...]] = []
    rows += [(a, label, None, None, None) for a, labels in index[T_LABEL].items() for label in labels]
    rows += [(a, None, key, None, None) for a, keys in index[T_KEY].items() for key in keys]
    rows += [(a, None, None, t, None) for a, ts in index[T_ETYPE].items() for t in ts]
    rows += [(a, None, None, None, c) for a, cs in index[T_TYPE].items() for c in cs if c in _ACTOR_CLASSES]
    return rows


def _article_rows(index: Index) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = [(a, aid, None) for a, ids in index[T_ARTICLE_ID].items() for aid in ids]
    rows += [(a, None, h) for a, hs in index[T_HEADLINE].items() for h in hs]
    return rows


def _statement_rows(index: Index) -> list[tuple[Any, ...]]:
    """One row per statement-target pair (or per statement without targets):
    (statement, speaker, cue, cueStart, cueEnd, kind, article, text, link, target, stance, evidence, via)."""
    rows: list[tuple[Any, ...]] = []
    for st, speakers in index[T_SPEAKER].items():
        kind = next((k for k in index[T_TYPE].get(st, ()) if k in _KIND_CLASSES), None)
        article = _one(index, T_DERIVED, st) or _one(index, T_PART_OF, st)
        head = (st, speakers[0], _one(index, T_CUE, st), _one(index, T_CUE_START, st),
                _one(index, T_CUE_END, st), kind, article, _one(index, T_TEXT, st))
        links = [(tl, target) for tl in index[T_HAS_TARGET].get(st, ())
                 for target in index[T_TARGET].get(tl, ())]
        if not links:
            rows.append((*head, None, None, None, None, None))
        for tl, target in links:
            rows.append((*head, tl, target, _one(index, T_STANCE, tl), _one(index, T_EVIDENCE, tl),
                         _one(index, T_VIA, tl)))
    return rows


def project(graph: Graph | Dataset) -> Projection:
    """Project an RDF graph of statements into networkx: speaker -> target multigraph and actor digraph.

    Args:
        graph: an rdflib Graph or Dataset using the VOCAB.md terms (named graphs are merged).

    Returns:
        A :class:`Projection`; node ids are actor keys (``ngid:actor/putin`` -> ``putin``).

    Raises:
        GraphError: the graph could not be projected (malformed VOCAB.md terms).

    Example: a graph where وزارة الدفاع الروسية speaks of داعش gives the edge ``ru_mod -> isis``.
    """
    if not isinstance(graph, Graph):
        raise InputError(f"expected an rdflib Graph or Dataset, got {type(graph).__name__}")
    try:
        index = _index(graph)
        actor_rows, article_rows, rows = _actor_rows(index), _article_rows(index), _statement_rows(index)
    except Exception as exc:  # a malformed graph (e.g. a non-literal offset) surfaces as anything
        raise GraphError(f"projection of the graph into networkx failed: {exc}") from exc

    labels: dict[str, dict[str, str]] = defaultdict(dict)
    keys: dict[str, str] = {}
    types: dict[str, ActorType] = {}
    for actor_iri, label, key, etype, cls in actor_rows:
        iri = str(actor_iri)
        if label is not None:
            lang = getattr(label, "language", None) or ""
            labels[iri].setdefault(lang, str(label))
        if key is not None:
            keys[iri] = str(key)
        if cls is not None:
            types[iri] = _TYPE_OF_CLASS.get(_local(str(cls)), "other")
        elif etype is not None and iri not in types:
            types[iri] = _TYPE_OF_CODE.get(str(etype), "other")
    titles: dict[str, str] = {}
    article_ids: dict[str, str] = {}
    for article, aid, headline in article_rows:
        if aid is not None:
            article_ids[str(article)] = str(aid)
        if headline is not None:
            titles[str(article)] = str(headline)

    actors: dict[str, ActorInfo] = {}

    def actor_key(iri: str) -> str:
        key = keys.get(iri) or _key_of(iri)
        if key not in actors:
            lab = labels.get(iri, {})
            label = lab.get("ar") or lab.get("") or next(iter(lab.values()), None) or key
            actors[key] = ActorInfo(key=key, iri=iri, label=label, label_en=lab.get("en"),
                                    type=types.get(iri, "other"))
        return key

    multi = nx.MultiDiGraph()
    speakers_of: dict[str, str] = {}
    articles: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for row in sorted(rows, key=lambda r: tuple(str(v) for v in r)):
        st, speaker, cue, cs, ce, kind, article, text, _tl, target, stance, evidence, via = row
        s_key = actor_key(str(speaker))
        speakers_of[str(st)] = s_key
        if article is not None:
            articles.add(str(article))
        multi.add_node(s_key)
        if target is None:
            continue
        t_key = actor_key(str(target))
        edge_id = (str(st), t_key)
        if edge_id in seen:  # a statement typed twice (e.g. two kinds) yields duplicate rows
            continue
        seen.add(edge_id)
        art = str(article) if article is not None else ""
        edge = StatementEdge(
            statement=str(st), speaker=s_key, target=t_key, cue=str(cue) if cue is not None else "",
            kind=_KIND_OF.get(_local(str(kind)), "") if kind is not None else "",
            article=article_ids.get(art, _key_of(art).rsplit("/", 1)[-1] if art else ""),
            article_title=titles.get(art, ""),
            cue_start=int(cs) if cs is not None else None, cue_end=int(ce) if ce is not None else None,
            stance=_STANCE_OF.get(_local(str(stance))) if stance is not None else None,
            evidence=str(evidence) if evidence is not None else None,
            content=_snippet(str(text)) if text is not None else "", via=str(via) if via is not None else None)
        multi.add_edge(s_key, t_key, key=f"{st}#{t_key}", data=edge)
    for key, info in actors.items():
        multi.add_node(key, label=info.label, type=info.type)

    simple = nx.DiGraph()
    simple.add_nodes_from(multi.nodes(data=True))
    for u, v, data in multi.edges(data=True):
        edge = data["data"]
        if not simple.has_edge(u, v):
            simple.add_edge(u, v, weight=0, pos=0, neg=0, neu=0, unknown=0)
        attrs = simple[u][v]
        attrs["weight"] += 1
        attrs[edge.stance or "unknown"] += 1
    return Projection(actors=actors, statements=multi, actor_graph=simple, speakers_of=speakers_of,
                      articles=frozenset(articles))


def resolve_actor(projection: Projection, name: str) -> str:
    """The actor key for a key, IRI, or Arabic/English label (exact, then case-insensitive).

    Args:
        projection: the projected graph.
        name: e.g. ``putin``, ``بوتين``'s full label ``فلاديمير بوتين``, or ``Vladimir Putin``.

    Returns:
        The actor key.

    Raises:
        InputError: no actor has that key or label (the message lists a few that exist).
    """
    if name in projection.actors:
        return name
    folded = name.casefold().strip()
    for key, info in projection.actors.items():
        names = [info.iri, info.label, info.label_en or ""]
        if name in names or folded in (n.casefold() for n in names):
            return key
    for key, info in projection.actors.items():
        if folded and (folded in info.label.casefold() or folded in (info.label_en or "").casefold()):
            return key
    known = ", ".join(sorted(projection.actors)[:10])
    raise InputError(f"no actor '{name}' in the graph; actor keys include: {known}")


def ego_network(projection: Projection, actor: str, *, radius: int = 1) -> EgoNetwork:
    """An actor's ego network in the actor graph (neighbours in either direction).

    Args:
        projection: the projected graph.
        actor: key or label, e.g. ``بوتين``.
        radius: how many steps out.

    Returns:
        An :class:`EgoNetwork`.

    Raises:
        InputError: the actor is not in the graph.
    """
    key = resolve_actor(projection, actor)
    ego = nx.ego_graph(projection.actor_graph, key, radius=radius, undirected=True)
    edges = tuple(sorted((u, v, int(d["weight"])) for u, v, d in ego.edges(data=True)))
    return EgoNetwork(actor=key, label=projection.label(key), radius=radius, nodes=tuple(sorted(ego.nodes)),
                      edges=edges)


def _ranked(projection: Projection, scores: dict[str, float] | Counter[str], top: int | None) -> tuple[Ranked, ...]:
    items = sorted(((k, float(v)) for k, v in scores.items() if v), key=lambda kv: (-kv[1], kv[0]))
    if top is not None:
        items = items[:top]
    return tuple(Ranked(actor=k, label=projection.label(k), value=round(v, 6)) for k, v in items)


def _pair_sign(g: nx.DiGraph, a: str, b: str) -> int:
    """The sign of the relation between two actors from what each said of the other (0: none or neutral)."""
    net = 0
    for u, v in ((a, b), (b, a)):
        if g.has_edge(u, v):
            net += g[u][v]["pos"] - g[u][v]["neg"]
    return (net > 0) - (net < 0)


def _signed_triads(g: nx.DiGraph) -> list[Triad]:
    undirected = g.to_undirected()
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    signs = {}
    for a, b in undirected.edges:
        sign = _pair_sign(g, a, b)
        if sign:
            signs[frozenset((a, b))] = sign
    signed = nx.Graph(tuple(pair) for pair in signs)
    triads = []
    for a, b, c in (tuple(sorted(t)) for t in _triangles(signed)):
        triads.append(Triad(actors=(a, b, c), signs=(signs[frozenset((a, b))], signs[frozenset((a, c))],
                                                     signs[frozenset((b, c))])))
    return sorted(triads, key=lambda t: t.actors)


def _triangles(g: nx.Graph) -> Iterable[tuple[str, str, str]]:
    order = {n: i for i, n in enumerate(sorted(g.nodes))}
    for a in g:
        for b in g[a]:
            if order[b] <= order[a]:
                continue
            for c in g[b]:
                if order[c] > order[b] and g.has_edge(a, c):
                    yield (a, b, c)


def graph_stats(graph: Graph | Dataset | Projection, *, top: int | None = None, seed: int = _SEED) -> GraphStats:
    """Who talks about whom in a graph: rankings, centrality, communities, reciprocity and stance.

    Args:
        graph: an rdflib Graph/Dataset (VOCAB.md terms) or an existing :class:`Projection`.
        top: keep only the first ``top`` entries of each ranking (None: all).
        seed: the seed for Louvain communities and sampled betweenness (fixed: same graph, same result).

    Returns:
        A :class:`GraphStats`; e.g. on the seed article ``statements_per_speaker[0].label`` is the
        most-quoted speaker (``مسؤول أميركي``) and ``most_criticised`` names whom the speakers attack.

    Raises:
        GraphError: the graph could not be projected.
    """
    proj = graph if isinstance(graph, Projection) else project(graph)
    multi, g = proj.statements, proj.actor_graph

    per_speaker: Counter[str] = Counter(proj.speakers_of.values())
    per_target: Counter[str] = Counter(v for _, v in multi.edges())
    if g.number_of_nodes():
        try:
            pagerank = nx.pagerank(g, weight="weight")
        except nx.PowerIterationFailedConvergence:
            pagerank = {}
        k = None if g.number_of_nodes() <= _EXACT_BETWEENNESS_LIMIT else _EXACT_BETWEENNESS_LIMIT
        betweenness = nx.betweenness_centrality(g, k=k, seed=seed)
        undirected = nx.Graph()
        undirected.add_nodes_from(g.nodes)
        for u, v, d in g.edges(data=True):
            if u != v:
                w = undirected[u][v]["weight"] if undirected.has_edge(u, v) else 0
                undirected.add_edge(u, v, weight=w + d["weight"])
        communities = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    else:
        pagerank, betweenness, communities = {}, {}, []
    comm = tuple(sorted((tuple(sorted(c)) for c in communities if len(c) > 1), key=lambda c: (-len(c), c)))

    reciprocal = tuple(sorted((u, v) for u, v in g.edges if u < v and g.has_edge(v, u)))

    co: Counter[tuple[str, str]] = Counter()
    targets_of: dict[str, set[str]] = defaultdict(set)
    for _, v, data in multi.edges(data=True):
        targets_of[data["data"].statement].add(v)
    for targets in targets_of.values():
        for a, b in itertools.combinations(sorted(targets), 2):
            co[(a, b)] += 1
    co_targeted = tuple((a, b, n) for (a, b), n in sorted(co.items(), key=lambda kv: (-kv[1], kv[0])))

    pairs = [PairStance(source=u, source_label=proj.label(u), target=v, target_label=proj.label(v),
                        pos=d["pos"], neg=d["neg"], neu=d["neu"], unknown=d["unknown"])
             for u, v, d in g.edges(data=True)]
    pairs.sort(key=lambda p: (-(p.pos + p.neg), -p.total, p.source, p.target))

    allies: dict[str, list[str]] = defaultdict(list)
    opponents: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        if p.source == p.target:
            continue
        if p.pos > p.neg:
            allies[p.source].append(p.target)
        elif p.neg > p.pos:
            opponents[p.source].append(p.target)
    sides = tuple(ActorSides(actor=a, label=proj.label(a), allies=tuple(sorted(allies[a])),
                             opponents=tuple(sorted(opponents[a])))
                  for a in sorted(set(allies) | set(opponents),
                                  key=lambda a: (-(len(allies[a]) + len(opponents[a])), a)))

    # criticised/praised: how many statement-target links carry that stance, from other speakers
    neg: Counter[str] = Counter()
    pos: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        if u != v:
            neg[v] += d["neg"]
            pos[v] += d["pos"]

    triads = _signed_triads(g)
    balanced = sum(t.balanced for t in triads)
    cut = (lambda xs: xs[:top]) if top is not None else (lambda xs: xs)
    shown = {r for r in per_speaker} | {r for r in per_target}
    return GraphStats(
        actors=g.number_of_nodes(),
        statements=len(proj.speakers_of),
        links=multi.number_of_edges(),
        articles=len(proj.articles),
        statements_per_speaker=_ranked(proj, per_speaker, top),
        mentions_per_target=_ranked(proj, per_target, top),
        pagerank=_ranked(proj, {k: v for k, v in pagerank.items() if not math.isnan(v)}, top),
        betweenness=_ranked(proj, betweenness, top),
        communities=tuple(cut(list(comm))),
        reciprocal_pairs=tuple(cut(list(reciprocal))),
        co_targeted=tuple(cut(list(co_targeted))),
        stance_pairs=tuple(cut(pairs)),
        sides=tuple(cut(list(sides))),
        most_criticised=_ranked(proj, neg, top),
        most_praised=_ranked(proj, pos, top),
        triads_balanced=balanced,
        triads_unbalanced=len(triads) - balanced,
        triads=tuple(cut(triads)),
        labels={k: proj.label(k) for k in sorted(shown | set(g.nodes))},
    )
