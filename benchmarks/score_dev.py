#!/usr/bin/env python3
"""The development-set score of the whole pipeline in ONE process (the morphology database loads once).

    PYTHONPATH=src /work/main/.venv/bin/python benchmarks/score_dev.py [--explain]

Same numbers as `score.py --all ... "newsgraph extract {} --format json"`, in a fraction of the time.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from newsgraph import pipeline
from newsgraph.model import Article

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main(explain: bool) -> None:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    results = []
    for gp in sorted((EVAL / "gold").glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (EVAL / "articles" / gold["article"]).read_text(encoding="utf-8")
        ex = pipeline.extract(Article.from_text(text, id=gold["article"]))
        r = score.score(gold, json.loads(json.dumps(ex.to_dict(), ensure_ascii=False)), explain=explain)
        print(gold["article"], "targets", r["targets"]["f1"], "who_about_whom", r["who_about_whom"]["f1"])
        for n in r.get("notes", []):
            print("   ", n)
        results.append(r)
    total = score.micro(results)
    print(json.dumps({k: total[k] for k in ("statement", "attribution", "targets", "who_about_whom")}))


if __name__ == "__main__":
    main("--explain" in sys.argv)
