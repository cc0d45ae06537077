"""Publishing to a real Oxigraph SPARQL 1.1 server on loopback, and querying it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import BNode, Dataset, Literal, Namespace, URIRef

from newsgraph.errors import PublishError
from newsgraph.publish import load_for_publish, publish, query_endpoint
from oxigraph_server import Server, oxigraph_binary, oxigraph_server

EX = Namespace("https://example.org/")


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("needs the `oxigraph` server binary (pip install oxigraph); absent here")
    with oxigraph_server(binary) as srv:
        yield srv


def _small_dataset() -> Dataset:
    ds = Dataset()
    g1 = ds.graph(URIRef("https://example.org/graph/a1"))
    g1.add((EX.putin, EX.said, Literal("إن بلاده ستستهدف الجهاديين في سوريا", lang="ar")))
    sel = BNode()
    g1.add((EX.s1, EX.selector, sel))
    g1.add((sel, EX.start, Literal(790)))
    g2 = ds.graph(URIRef("https://example.org/graph/a2"))
    g2.add((EX.kirby, EX.said, Literal("سيواصل التحالف", lang="ar")))
    return ds


def test_publish_gsp_in_batches_keeps_named_graphs(server):
    ds = _small_dataset()
    report = publish(ds, server.store, batch=1)
    assert report.triples == 4 and report.requests == 4 and report.graphs == 2
    rows = query_endpoint(server.query, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    counts = {r["g"]: int(r["n"]) for r in rows}
    assert counts["https://example.org/graph/a1"] >= 3
    # the blank node survived being sent in separate batches (skolemised, so still one node)
    rows = query_endpoint(server.query, "SELECT ?start WHERE { <https://example.org/s1> "
                                        "<https://example.org/selector>/<https://example.org/start> ?start }")
    assert [r["start"] for r in rows] == ["790"]


def test_publish_update_into_one_graph(server):
    report = publish(_small_dataset(), server.update, protocol="update", graph="https://example.org/graph/all")
    assert report.triples == 4
    query = "SELECT ?o WHERE { GRAPH <https://example.org/graph/all> { ?s <https://example.org/said> ?o } }"
    rows = query_endpoint(server.query, query)
    assert sorted(r["o"] for r in rows) == sorted(["إن بلاده ستستهدف الجهاديين في سوريا", "سيواصل التحالف"])


def test_refused_request_is_a_clear_error(server):
    with pytest.raises(PublishError, match="refused"):
        query_endpoint(server.query, "SELECT WHERE {")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(PublishError, match="cannot reach"):
        publish(_small_dataset(), "http://127.0.0.1:9/store", retries=0, timeout=2)


def test_load_for_publish_reads_shard_folders(tmp_path):
    ds = _small_dataset()
    (tmp_path / "shards").mkdir()
    ds.serialize(tmp_path / "shards" / "part-0000.nq", format="nquads")
    loaded = load_for_publish([tmp_path / "shards"])
    assert len(list(loaded.quads())) == 4


def test_publish_command(server, tmp_path, capsys):
    from newsgraph.cli import main

    path = tmp_path / "g.trig"
    _small_dataset().serialize(path, format="trig")
    assert main(["publish", str(path), "--endpoint", server.store, "--graph", "https://example.org/graph/cli"]) == 0
    assert "published 4 triples" in capsys.readouterr().out
