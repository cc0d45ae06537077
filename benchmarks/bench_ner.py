"""Speed of the entity tagger: ``newsgraph ner`` on 25,000 tokens, against baselines from the same run.

Input: the first 25,000 tokens of ANERcorp (../shared) when present, else the seed article's
tokens repeated.  Prints tokens/s and seconds per 25k tokens for
  - baseline 1: feature extraction alone (newsgraph.ner.sentence_features),
  - baseline 2: a gazetteer-only tagger (a dictionary lookup per token),
  - the CRF tagger in-process (features + two Viterbi passes),
  - the command ``newsgraph ner --conll FILE`` end to end (process start, model load, I/O),
  - the morphology database's stem table: built once per machine from the installed database,
    then read from the user's cache directory by every process,
and the ratios CRF / feature extraction and CLI / in-process.  Wall and CPU time are both
printed: on a busy machine the wall time grows, the CPU time does not.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_ner.py
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph import ner

ROOT = Path(__file__).resolve().parent.parent
ANER = ROOT.parent / "shared" / "corpora" / "anercorp" / "ANERCorp_CamelLab_train.txt"
SEED = ROOT / "seeds" / "000_bbdb7bd5d11f476f.txt"
N_TOKENS = 25_000


def load_sentences() -> tuple[list[list[str]], str]:
    if ANER.is_file():
        sents = [[c[0] for c in s] for s in ner.read_conll(ANER.read_text(encoding="utf-8"))]
        source = "ANERcorp"
    else:
        text = SEED.read_text(encoding="utf-8")
        sents = [re.findall(r"\w+|[^\w\s]", line) for line in text.splitlines() if line.strip()]
        source = "seed article (repeated)"
    out: list[list[str]] = []
    n = 0
    while n < N_TOKENS:
        for s in sents:
            s = s[: N_TOKENS - n]
            if s:
                out.append(s)
                n += len(s)
            if n >= N_TOKENS:
                break
    return out, source


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``fn()``, with the per-word feature caches emptied first."""
    ner._word_features.cache_clear()
    ner.strip_proclitics.cache_clear()
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def timed_child(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    sents, source = load_sentences()
    n = sum(map(len, sents))
    ner.tag_tokens(["روسيا"])  # load the models and gazetteer once, outside the in-process timings
    gaz = ner._gazetteer()

    def gazetteer_only() -> None:
        for s in sents:
            [("B-LOC" if ner._lookup(ner.norm_word(t), gaz) & {"country", "city"} else "O") for t in s]

    t_build = timed(lambda: ner._read_stem_flags(ner.database_path()))
    ner._stem_flags()  # make sure the cache file exists, then time reading it back
    ner._stem_flags.cache_clear()
    t_load = timed(ner._stem_flags)
    t_feat = timed(lambda: [ner.sentence_features(s) for s in sents])
    t_gaz = timed(gazetteer_only)
    t_crf = timed(lambda: ner.tag_sentences(sents))
    with tempfile.NamedTemporaryFile("w", suffix=".conll", encoding="utf-8", delete=False) as fh:
        fh.write("\n\n".join("\n".join(s) for s in sents) + "\n")
        path = fh.name
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        t_cli = timed_child([sys.executable, "-m", "newsgraph.cli", "ner", "--conll", path], env)
    finally:
        os.unlink(path)
    print(f"input: {n} tokens, {len(sents)} sentences from {source}; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs (wall time suffers on a busy machine; CPU time does not)")
    for name, (wall, cpu) in [("baseline: feature extraction", t_feat), ("baseline: gazetteer-only tagger", t_gaz),
                              ("CRF tagger in-process (2 passes)", t_crf),
                              ("newsgraph ner --conll (end to end)", t_cli)]:
        print(f"  {name:36} {n / wall:9,.0f} tokens/s  25k tokens: {wall * N_TOKENS / n:6.2f} s wall, "
              f"{cpu * N_TOKENS / n:6.2f} s CPU")
    print(f"  stem table: built from the database (first use on a machine) {t_build[1]:.2f} s CPU, "
          f"read from the cache {t_load[1]:.3f} s CPU")
    print(f"ratio CRF tagger / feature extraction (CPU): {t_crf[1] / t_feat[1]:.2f}x")
    print(f"ratio CLI end to end / CRF in-process (CPU): {t_cli[1] / t_crf[1]:.2f}x")
    verdict = "met" if t_cli[1] * N_TOKENS / n < 5 else "NOT met"
    print(f"target: newsgraph ner on 25k tokens < 5 s (CPU time of the command) -> {verdict}")


if __name__ == "__main__":
    main()
