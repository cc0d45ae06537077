"""Every example script runs, and every example query returns rows on the seed graph (both stores)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest
from seed_fixture import seed_gold_extraction

from conftest import ROOT, SEED_ARTICLE
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


@pytest.fixture(scope="module")
def seed_stores(tmp_path_factory):
    # the seed article's gold statements (offsets, speakers, targets, stance) until the pipeline finds them
    ex = seed_gold_extraction()
    memory = MemoryStore()
    memory.add([ex])
    oxi = OxigraphStore(tmp_path_factory.mktemp("seed") / "store")
    oxi.add([ex])
    return memory, oxi


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_example_query_returns_rows_on_the_seed_graph(query, seed_stores):
    memory, oxi = seed_stores
    sparql = query.read_text(encoding="utf-8")
    rows = memory.query(sparql).rows
    assert rows, f"{query.name} returned no rows on the seed graph"
    assert oxi.query(sparql).rows == rows


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_script_runs(script, tmp_path, monkeypatch, capsys):
    out = tmp_path / ("seed.ttl" if "build" in script.name else "store")
    monkeypatch.setattr(sys, "argv", [str(script), str(out)])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(script), run_name="__main__")
    assert done.value.code == 0
    assert capsys.readouterr().out
    assert out.exists()


def test_cli_query_runs_an_example_file_on_the_seed_export(tmp_path, capsys):
    from newsgraph.cli import main

    path = export(build_graph([seed_gold_extraction()]), tmp_path / "seed.ttl")
    assert main(["query", str(path), str(EXAMPLES / "queries" / "top_speakers.rq")]) == 0
    assert "مسؤول أميركي" in capsys.readouterr().out


def test_seed_file_is_the_fixture_article():
    assert Path(SEED_ARTICLE).exists()
