"""Every example script runs, and every example query returns rows on the seed graph (both stores)."""

from __future__ import annotations

import runpy
import sys
import pytest
from seed_fixture import seed_gold_extraction, seed_pipeline_extraction

from conftest import ROOT
from newsgraph.graph import build_graph, export
from newsgraph.store import MemoryStore, OxigraphStore

EXAMPLES = ROOT / "examples"
QUERIES = sorted((EXAMPLES / "queries").glob("*.rq"))
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_there_are_example_queries_and_scripts():
    names = {q.stem for q in QUERIES}
    assert {"top_speakers", "who_talks_about", "quotes_about", "speakers_by_organization",
            "who_criticises_whom"} <= names
    assert len(SCRIPTS) >= 2


def _stores(ex, directory):
    memory = MemoryStore()
    memory.add([ex])
    oxi = OxigraphStore(directory)
    oxi.add([ex])
    return memory, oxi


@pytest.fixture(scope="module")
def seed_stores(tmp_path_factory, morphology):
    # the real pipeline on seeds/000_bbdb7bd5d11f476f.txt, in both stores
    return _stores(seed_pipeline_extraction(), tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture(scope="module")
def gold_stores(tmp_path_factory):
    # the seed article's gold statements (offsets, speakers, targets, stance)
    return _stores(seed_gold_extraction(), tmp_path_factory.mktemp("gold") / "store")


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_example_query_returns_rows_on_the_seed_graph(query, seed_stores):
    memory, oxi = seed_stores
    sparql = query.read_text(encoding="utf-8")
    rows = memory.query(sparql).rows
    assert rows, f"{query.name} returned no rows on the seed graph built by the pipeline"
    assert oxi.query(sparql).rows == rows


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_example_query_returns_rows_on_the_gold_seed_graph(query, gold_stores):
    memory, oxi = gold_stores
    sparql = query.read_text(encoding="utf-8")
    rows = memory.query(sparql).rows
    assert rows, f"{query.name} returned no rows on the gold seed graph"
    assert oxi.query(sparql).rows == rows


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_script_runs(script, tmp_path, monkeypatch, capsys, morphology):
    out = tmp_path / ("seed.ttl" if "build" in script.name else "store")
    monkeypatch.setattr(sys, "argv", [str(script), str(out)])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(script), run_name="__main__")
    assert done.value.code == 0
    assert capsys.readouterr().out
    assert out.exists()


def test_cli_query_runs_an_example_file_on_the_seed_export(tmp_path, capsys, morphology):
    from newsgraph.cli import main

    path = export(build_graph([seed_pipeline_extraction()]), tmp_path / "seed.ttl")
    assert main(["query", str(path), str(EXAMPLES / "queries" / "top_speakers.rq"), "--format", "csv"]) == 0
    # "قال مسؤول أميركي ..." is the most frequent speaker of the seed article
    assert "مسؤول أميركي" in capsys.readouterr().out

