"""A corpus run killed with SIGKILL midway and restarted builds the same graph as one uninterrupted run.

The run is a real subprocess (its own session, so the kill takes its worker processes with it);
it prints each article id once the article is written, and slows itself down after each one so the
kill lands in the middle of the corpus.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.corpus import open_sink, run_corpus
from test_corpus import GOOD_IDS, assert_same_graphs, make_corpus

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")

SRC = Path(__file__).resolve().parent.parent / "src"

CHILD = """
import json, sys, time
from newsgraph.corpus import open_sink, run_corpus
inputs, options, delay = json.loads(sys.argv[1]), json.loads(sys.argv[2]), float(sys.argv[3])
def done(result):
    print(result.id, flush=True)
    time.sleep(delay)
summary = run_corpus(inputs, on_done=done, progress=False, **options)
print("SUMMARY " + json.dumps(summary.to_dict()), flush=True)
"""


def start(inputs: list[Path], options: dict[str, object], delay: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps([str(p) for p in inputs]), json.dumps(options), str(delay)],
        stdout=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )


def finish(inputs: list[Path], options: dict[str, object]) -> dict[str, object]:
    proc = start(inputs, options, 0.0)
    out, _ = proc.communicate(timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"the restarted run failed with status {proc.returncode}:\n{out}")
    line = next(x for x in out.splitlines() if x.startswith("SUMMARY "))
    return json.loads(line[len("SUMMARY "):])  # type: ignore[no-any-return]


@pytest.mark.parametrize("sink", ["store", "file"])
def test_a_killed_run_resumes_to_the_same_graph(tmp_path, sink):
    inputs = make_corpus(tmp_path / "in")
    if sink == "store":
        options: dict[str, object] = {"store": str(tmp_path / "store"), "workers": 1, "batch_size": 1}
    else:
        options = {"output": str(tmp_path / "graph.nq"), "workers": 0, "batch_size": 1}

    proc = start(inputs, options, 0.3)
    written: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        written.append(line.strip())
        if len(written) == 3:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole run: main process, forkserver, workers
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, f"the run ended by itself after {written}"

    # what the killed run left: whole articles only, and no finished graph file
    if sink == "store":
        # journalled batches count as done: opening the store loads them (a crash may have cut a bulk load short)
        opened = open_sink(store=str(options["store"]))
        done = opened.done_ids()
        opened.close(complete=False)
    else:
        assert not (tmp_path / "graph.nq").exists()
        journal = (tmp_path / "graph.nq.partial").read_text(encoding="utf-8")
        done = {json.loads(line[7:]) for line in journal.splitlines() if line.startswith("# done ")}
    assert set(written) <= done and len(done) < len(GOOD_IDS)

    options["output"] = str(tmp_path / "resumed.nq") if sink == "store" else options["output"]
    summary = finish(inputs, options)
    assert summary["resumed"] == len(done)
    assert summary["articles"] == len(GOOD_IDS) - len(done)
    assert summary["skipped"] == 6  # the planted bad articles are reported again, never written

    reference = tmp_path / "reference.nq"
    run_corpus(inputs, output=reference, workers=0)
    assert_same_graphs(reference, Path(str(options["output"])))
