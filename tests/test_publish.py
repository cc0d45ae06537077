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
    counts = dict(rows.rows)
    assert counts["https://example.org/graph/a1"] >= 3
    # the blank node survived being sent in separate batches (skolemised, so still one node)
    rows = query_endpoint(server.query, "SELECT ?start WHERE { <https://example.org/s1> "
                                        "<https://example.org/selector>/<https://example.org/start> ?start }")
    assert rows.rows == [(790,)]


def test_publish_update_into_one_graph(server):
    report = publish(_small_dataset(), server.update, protocol="update", graph="https://example.org/graph/all")
    assert report.triples == 4
    query = "SELECT ?o WHERE { GRAPH <https://example.org/graph/all> { ?s <https://example.org/said> ?o } }"
    rows = query_endpoint(server.query, query)
    assert sorted(r[0] for r in rows.rows) == sorted(["إن بلاده ستستهدف الجهاديين في سوريا", "سيواصل التحالف"])


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


def _rows(result) -> list[tuple[str, ...]]:
    return sorted(tuple("" if v is None else str(v) for v in row) for row in result.rows)


def test_example_queries_give_the_same_rows_from_the_server(server, tmp_path):
    """The seed and development graphs published to Oxigraph answer every example query like the local file."""
    from pathlib import Path

    from conftest import ROOT, SEED_ARTICLE, need_shared

    from newsgraph.cli.build import build, extractions, read_inputs
    from newsgraph.store import MemoryStore

    articles = sorted(need_shared("eval", "articles").glob("*.txt"))
    path = tmp_path / "dev.trig"
    build(extractions(read_inputs([SEED_ARTICLE, *articles])), output=path, say=lambda _: None)
    report = publish(load_for_publish([path]), server.store)
    assert report.triples > 1000
    local = MemoryStore.from_file(path)
    queries = sorted(Path(ROOT, "examples", "queries").glob("*.rq"))
    assert len(queries) >= 4
    for q in queries:
        sparql = q.read_text(encoding="utf-8")
        want = local.query(sparql)
        got = query_endpoint(server.query, sparql)
        assert want.rows, f"{q.name} returns no rows on the development graph"
        assert _rows(got) == _rows(want), f"{q.name}: the server and the local file disagree"


def test_query_command_against_an_endpoint(server, capsys):
    from newsgraph.cli import main

    publish(_small_dataset(), server.store, graph="https://example.org/graph/q")
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/graph/q> { ?s ?p ?o } }"
    assert main(["query", "--endpoint", server.query, query, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n4\n"
