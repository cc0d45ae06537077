"""The Dask engine builds the same graph as the local engine (union of shards), on real articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from conftest import need_shared

pytest.importorskip("dask.distributed", reason="needs dask.distributed (pip install 'newsgraph[dask]')")


def _graphs(files: list[Path]) -> dict[str, Graph]:
    """Named graph IRI -> its triples, over the union of N-Quads files."""
    ds = Dataset()
    for f in files:
        if f.stat().st_size:
            ds.parse(f, format="nquads")
    out: dict[str, Graph] = {}
    for g in ds.graphs():
        if len(g):
            merged = out.setdefault(str(g.identifier), Graph())
            for t in g:
                merged.add(t)
    return out


def test_dask_and_local_engines_build_isomorphic_graphs(tmp_path):
    from newsgraph.corpus import run_corpus
    from rdflib.compare import graph_diff, isomorphic, to_isomorphic

    from newsgraph.dask_engine import build_with_dask

    zip_ = need_shared("corpora", "saudinewsnet", "2015-07-21.zip")
    n = 200
    local = run_corpus([zip_], output=tmp_path / "local.nq", workers=1, limit=n, progress=False)
    shards = tmp_path / "shards"
    summary = build_with_dask([zip_], shards, workers=2, limit=n, partition_size=50)

    assert summary.articles == local.articles
    assert len([s for s in summary.shards if s.startswith("part-")]) == 4
    assert (shards / "summary.json").exists() and (shards / "skipped.jsonl").exists()
    got = _graphs(sorted(shards.glob("*.nq")))
    want = _graphs([tmp_path / "local.nq"])
    assert sorted(got) == sorted(want), "the engines wrote different named graphs"
    for name in sorted(want):
        if not isomorphic(got[name], want[name]):
            _, only_dask, only_local = graph_diff(to_isomorphic(got[name]), to_isomorphic(want[name]))
            pytest.fail(f"graph {name} differs: only from Dask {sorted(only_dask)[:3]}; "
                        f"only from the local engine {sorted(only_local)[:3]}")


def test_build_command_with_the_dask_engine(tmp_path, capsys):
    from conftest import SEED_ARTICLE

    from newsgraph.cli import main

    shards = tmp_path / "shards"
    assert main(["build", str(SEED_ARTICLE), "--engine", "dask", "--workers", "1", "-o", str(shards),
                 "--store", str(tmp_path / "store")]) == 0
    out = capsys.readouterr().out
    assert "dask: 1 articles" in out and "loaded the shards" in out
    assert (shards / "part-00000.nq").stat().st_size > 0
    assert main(["query", str(tmp_path / "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?s a ng:Statement }",
                 "--format", "csv"]) == 0
    assert int(capsys.readouterr().out.split()[-1]) > 10
