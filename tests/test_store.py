"""The in-memory and the persistent store: same answers, incremental builds, exports, the CLI."""

from __future__ import annotations

import json

import pytest
from seed_fixture import seed_gold_extraction
from test_graph import TEXT, hand_made

from conftest import SEED_ARTICLE
from newsgraph.cli import main
from newsgraph.errors import QueryError, StoreError
from newsgraph.graph import build_graph, datasets_isomorphic, describe_difference, load
from newsgraph.store import TOP_SPEAKERS_QUERY, MemoryStore, OxigraphStore, load_graph, open_store


def _stores(tmp_path):
    return [open_store(), open_store(tmp_path / "store")]


def test_both_stores_give_the_same_answers(tmp_path):
    memory, oxi = _stores(tmp_path)
    for store in (memory, oxi):
        store.add([hand_made(), hand_made("a2", stance="pos")])
    for q in (TOP_SPEAKERS_QUERY, "SELECT ?s ?n WHERE { ?s ng:negativeCount ?n } ORDER BY ?s",
              "ASK { ?s ng:talksAbout <https://w3id.org/newsgraph/id/actor/russia> }"):
        assert memory.query(q) == oxi.query(q)
    assert memory.query(TOP_SPEAKERS_QUERY).rows[0][1:] == ("وزير الخارجية الأمريكي", 4)
    assert len(memory) == len(oxi)
    oxi.close()


def test_persistent_store_is_incremental_and_idempotent(tmp_path):
    path = tmp_path / "store"
    store = OxigraphStore(path)
    assert store.add([hand_made("a1")]).added == 1
    size = len(store)
    store.close()
    del store
    store = OxigraphStore(path)  # reopened: the data survived
    assert len(store) == size
    report = store.add([hand_made("a1"), hand_made("a2")], replace=False)
    assert (report.added, report.skipped) == (1, 1)
    again = store.add([hand_made("a1"), hand_made("a2")])
    assert (again.added, again.replaced) == (2, 2)
    assert store.article_ids() == {"a1", "a2"}
    rel = "<https://w3id.org/newsgraph/id/relation/us_sec_state/russia>"
    assert store.query(f"SELECT ?n WHERE {{ {rel} ng:statementCount ?n }}").rows == [(2,)]
    # the persistent store and an in-memory build of the same articles hold the same graph
    exported = load(store.export(tmp_path / "store.trig"))
    expected = build_graph([hand_made("a1"), hand_made("a2")])
    assert datasets_isomorphic(exported, expected), describe_difference(exported, expected)
    store.close()


def test_replacing_an_article_in_the_store_updates_the_relations(tmp_path):
    store = OxigraphStore(tmp_path / "s")
    store.add([hand_made(stance="neg")])
    store.add([hand_made(stance="pos")])
    q = ("SELECT ?p ?n WHERE { <https://w3id.org/newsgraph/id/relation/us_sec_state/russia> "
         "ng:positiveCount ?p ; ng:negativeCount ?n }")
    assert store.query(q).rows == [(1, 0)]


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig", ".nq"])
def test_store_exports_match_the_rdflib_graph(tmp_path, suffix):
    ex = seed_gold_extraction()
    store = OxigraphStore()
    store.add([ex])
    back = load(store.export(tmp_path / f"seed{suffix}"))
    expected = build_graph([ex])
    assert datasets_isomorphic(back, expected, union=suffix in (".ttl", ".nt")), describe_difference(back, expected)


def test_bulk_load_of_an_export(tmp_path):
    ex = seed_gold_extraction()
    memory = MemoryStore()
    memory.add([ex])
    nq = memory.export(tmp_path / "seed.nq")
    oxi = OxigraphStore(tmp_path / "bulk")
    oxi.load_file(nq)
    assert len(oxi) == len(memory)
    assert oxi.query(TOP_SPEAKERS_QUERY) == memory.query(TOP_SPEAKERS_QUERY)
    assert oxi.article_ids() == {SEED_ARTICLE.stem}


def test_query_result_formats():
    store = MemoryStore()
    store.add([hand_made()])
    result = store.query(TOP_SPEAKERS_QUERY)
    assert "وزير الخارجية الأمريكي" in result.to_table()
    assert result.to_csv().splitlines()[0] == "speaker,name,statements"
    assert json.loads(result.to_json())[0]["statements"] == 2


def test_bad_queries_and_stores_are_clear_errors(tmp_path):
    with pytest.raises(QueryError):
        MemoryStore().query("SELECT WHERE {")
    with pytest.raises(QueryError):
        OxigraphStore().query("SELECT WHERE {")
    with pytest.raises(StoreError, match="no store directory"):
        OxigraphStore(tmp_path / "absent", read_only=True)


def test_cli_build_and_query(tmp_path, capsys):
    article = tmp_path / "a1.txt"
    article.write_text(TEXT, encoding="utf-8")
    out, store = tmp_path / "g.trig", tmp_path / "store"
    assert main(["build", str(article), "-o", str(out), "--store", str(store)]) == 0
    printed = capsys.readouterr().out
    assert "1 articles added" in printed and out.exists()
    assert main(["build", str(article), "--store", str(store), "--skip-existing"]) == 0
    assert "0 articles added (0 replaced, 1 kept" in capsys.readouterr().out
    for graph in (out, store):
        assert main(["query", str(graph), "SELECT ?a WHERE { ?a a schema:NewsArticle }", "--format", "csv"]) == 0
        assert capsys.readouterr().out.splitlines() == ["a", "https://w3id.org/newsgraph/id/article/a1"]
    assert main(["query", str(out), "ASK { ?s ?p ?o }", "--engine", "oxigraph", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ask": True}


def test_cli_query_missing_graph_is_an_error(tmp_path, capsys):
    assert main(["query", str(tmp_path / "nope.ttl"), "ASK {}"]) == 1
    assert "no such graph file" in capsys.readouterr().err


def test_cli_html_is_skipped_or_written(tmp_path, capsys):
    article = tmp_path / "a1.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["build", str(article), "--html", str(tmp_path / "g.html")]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out or (tmp_path / "g.html").exists()


def test_load_graph_reads_a_store_directory_for_rdflib_analytics(tmp_path):
    store = OxigraphStore(tmp_path / "s")
    store.add([hand_made("a1"), hand_made("a2")])
    store.close()
    del store
    ds = load_graph(tmp_path / "s")
    expected = build_graph([hand_made("a1"), hand_made("a2")])
    assert datasets_isomorphic(ds, expected), describe_difference(ds, expected)
