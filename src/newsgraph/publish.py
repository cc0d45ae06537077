"""Publish a graph to any SPARQL 1.1 server, and query one, over plain HTTP.

Two standard protocols, nothing server-specific:

- ``gsp``: the SPARQL 1.1 Graph Store HTTP Protocol — ``POST URL?graph=IRI`` (or ``?default``) with an
  N-Triples body, one request per batch of triples, each named graph into its own graph;
- ``update``: SPARQL 1.1 Update — ``INSERT DATA { GRAPH <IRI> { ... } }`` posted to an update endpoint.

Batches are retried with back-off on connection errors and 5xx answers; a 4xx answer (the server
refuses) raises :class:`~newsgraph.errors.PublishError` at once with the server's own words.

    >>> from rdflib import Dataset
    >>> ds = Dataset()
    >>> report = publish(ds, "http://localhost:7878/store")         # doctest: +SKIP
    >>> rows = query_endpoint("http://localhost:7878/query",
    ...                       "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from newsgraph.errors import GraphError, InputError, PublishError

if TYPE_CHECKING:
    from newsgraph.store import QueryResult

__all__ = ["PublishReport", "load_for_publish", "publish", "query_endpoint"]

Protocol = Literal["gsp", "update"]

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld"}


@dataclass(frozen=True, slots=True)
class PublishReport:
    """What a publish run sent: triples, graphs, requests, retries and seconds."""

    triples: int
    graphs: int
    requests: int
    retries: int
    seconds: float

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds else 0.0


def load_for_publish(paths: Sequence[Path]) -> Dataset:
    """Read graph files or shard folders (.nq .trig .nt .ttl .jsonld) into one Dataset (their union).

    Args:
        paths: files, or folders whose graph files are read in name order (Dask shards).

    Raises:
        InputError: a path is missing or has an unknown extension.
    """
    ds = Dataset()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in _FORMATS)
            if not found:
                raise InputError(f"folder {path} holds no graph files ({', '.join(sorted(_FORMATS))})")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"no such graph file or folder: {path}")
    for f in files:
        fmt = _FORMATS.get(f.suffix)
        if fmt is None:
            raise InputError(f"{f}: unknown graph format '{f.suffix}' (known: {', '.join(sorted(_FORMATS))})")
        try:
            ds.parse(f, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            raise GraphError(f"{f}: cannot parse as {fmt}: {exc}") from exc
    return ds


def _nt(node: Node) -> str:
    return node.n3()


def _skolem(node: Node, base: str) -> Node:
    # Blank nodes cannot be split across requests: each batch would mint new ones on the server.
    if isinstance(node, BNode):
        return URIRef(f"{base}{node}")
    return node


def _graph_batches(ds: Dataset, batch: int) -> Iterator[tuple[URIRef | None, list[str]]]:
    """(graph IRI or None for the default graph, N-Triples lines) in batches of at most ``batch`` lines."""
    skolem_base = "https://w3id.org/newsgraph/.well-known/genid/"
    for ctx in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        ident = ctx.identifier
        name = None if ident == DATASET_DEFAULT_GRAPH_ID else URIRef(str(ident))
        lines: list[str] = []
        for s, p, o in ctx:
            lines.append(f"{_nt(_skolem(s, skolem_base))} {_nt(p)} {_nt(_skolem(o, skolem_base))} .")
            if len(lines) >= batch:
                yield name, lines
                lines = []
        if lines:
            yield name, lines


def _request(req: urllib.request.Request, *, retries: int, timeout: float) -> tuple[bytes, int]:
    """Send with retries on connection errors and 5xx; returns (body, retries used)."""
    delay = 0.5
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.read(), attempt
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")[:500]
            if exc.code < 500 or attempt == retries:
                raise PublishError(f"{req.full_url}: the server refused the request: HTTP {exc.code} {exc.reason}: "
                                   f"{body.strip()}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            if attempt == retries:
                reason = getattr(exc, "reason", exc)
                raise PublishError(f"{req.full_url}: cannot reach the server after {retries + 1} tries: {reason}") \
                    from None
        time.sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def publish(
    source: Dataset | Graph,
    endpoint: str,
    *,
    graph: str | None = None,
    protocol: Protocol = "gsp",
    batch: int = 20_000,
    retries: int = 3,
    timeout: float = 120.0,
) -> PublishReport:
    """Load a graph into a SPARQL 1.1 server, in batches.

    Args:
        source: the graph; each named graph of a Dataset goes into the graph of the same name.
        endpoint: the Graph Store endpoint (``gsp``) or the SPARQL Update endpoint (``update``).
        graph: put everything into this one named graph instead.
        protocol: ``"gsp"`` (Graph Store HTTP Protocol) or ``"update"`` (INSERT DATA).
        batch: triples per request.
        retries: tries after the first on connection errors and 5xx answers.

    Returns:
        A :class:`PublishReport` (triples/s for throughput).

    Raises:
        PublishError: the server refused a batch or could not be reached.

    Example: publish the seed graph of the article "روسيا بدأت غاراتها ..." to a local Oxigraph server:
    ``publish(ds, "http://127.0.0.1:7878/store")``.
    """
    if batch < 1:
        raise ValueError(f"batch must be at least 1, got {batch}")
    if protocol not in ("gsp", "update"):
        raise ValueError(f"unknown protocol '{protocol}' (known: gsp, update)")
    ds = source if isinstance(source, Dataset) else _as_dataset(source)
    start = time.perf_counter()
    triples = requests = retried = 0
    graphs: set[str] = set()
    for name, lines in _graph_batches(ds, batch):
        target = URIRef(graph) if graph else name
        graphs.add(str(target))
        body = "\n".join(lines) + "\n"
        if protocol == "gsp":
            query = {"graph": str(target)} if target is not None else {"default": ""}
            url = f"{endpoint}{'&' if '?' in endpoint else '?'}{urllib.parse.urlencode(query)}".rstrip("=")
            req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/n-triples"})
        else:
            inner = f"GRAPH {target.n3()} {{\n{body}}}" if target is not None else body
            req = urllib.request.Request(endpoint, data=f"INSERT DATA {{\n{inner}}}".encode(), method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        _, used = _request(req, retries=retries, timeout=timeout)
        retried += used
        requests += 1
        triples += len(lines)
    return PublishReport(triples=triples, graphs=len(graphs), requests=requests, retries=retried,
                         seconds=time.perf_counter() - start)


def _as_dataset(g: Graph) -> Dataset:
    ds = Dataset()
    for t in g:
        ds.add(t)
    return ds


def query_endpoint(endpoint: str, query: str, *, timeout: float = 120.0, retries: int = 2) -> QueryResult:
    """Run a SPARQL SELECT or ASK against an endpoint, with the newsgraph prefixes predeclared.

    Example: ``query_endpoint(url, 'SELECT ?l WHERE { ?a skos:prefLabel ?l FILTER(lang(?l) = "ar") }')``
    gives rows such as ``("فلاديمير بوتين",)``, printable with ``.to_table()`` like a local query.

    Raises:
        PublishError: the server refused the query or could not be reached.
    """
    from newsgraph.store import QueryResult
    from newsgraph.vocab import PREFIXES

    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", query)}
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p.lower() not in declared)
    data = urllib.parse.urlencode({"query": header + query}).encode("utf-8")
    req = urllib.request.Request(endpoint, data=data, method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/sparql-results+json"})
    body, _ = _request(req, retries=retries, timeout=timeout)
    try:
        doc = json.loads(body)
    except json.JSONDecodeError as exc:
        raise PublishError(f"{endpoint}: the answer is not SPARQL JSON results: {exc}") from None
    if "boolean" in doc:
        return QueryResult(variables=(), ask=bool(doc["boolean"]))
    variables = tuple(doc.get("head", {}).get("vars", []))
    rows = [tuple(_value(b.get(v)) for v in variables) for b in doc.get("results", {}).get("bindings", [])]
    return QueryResult(variables=variables, rows=rows)


_NUMERIC: dict[str, type[int] | type[float]] = {f"http://www.w3.org/2001/XMLSchema#{t}": int for t in
            ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMERIC |= {f"http://www.w3.org/2001/XMLSchema#{t}": float for t in ("decimal", "double", "float")}


def _value(binding: dict[str, str] | None) -> object:
    """A SPARQL JSON binding as the plain value local queries give (numbers as int/float)."""
    if binding is None:
        return None
    convert = _NUMERIC.get(binding.get("datatype", ""))
    if convert is not None:
        try:
            return convert(binding["value"])
        except ValueError:
            pass
    return binding["value"]
