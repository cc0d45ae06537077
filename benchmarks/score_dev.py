#!/usr/bin/env python3
"""The development-set score of the whole pipeline in ONE process (the morphology database loads once).

    PYTHONPATH=src /work/main/.venv/bin/python benchmarks/score_dev.py [--explain] [GOLD_DIR ARTICLES_DIR]

Same numbers as `score.py --all ... "newsgraph extract {} --format json"`, in a fraction of the time.  With two
directories it scores another gold set the same way, e.g. the private audit set:
``benchmarks/score_dev.py /work/audit/gold /work/audit/articles``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from newsgraph import pipeline
from newsgraph.model import Article

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main(explain: bool, gold_dir: Path, articles_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    results = []
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (articles_dir / gold["article"]).read_text(encoding="utf-8")
        ex = pipeline.extract(Article.from_text(text, id=gold["article"]))
        r = score.score(gold, json.loads(json.dumps(ex.to_dict(), ensure_ascii=False)), explain=explain)
        print(gold["article"], "targets", r["targets"]["f1"], "who_about_whom", r["who_about_whom"]["f1"])
        for n in r.get("notes", []):
            print("   ", n)
        results.append(r)
    total = score.micro(results)
    print(json.dumps({k: total[k] for k in ("statement", "attribution", "targets", "who_about_whom")}))


if __name__ == "__main__":
    dirs = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    if len(dirs) not in (0, 2):
        sys.exit("usage: score_dev.py [--explain] [GOLD_DIR ARTICLES_DIR]")
    main("--explain" in sys.argv, *(dirs or [EVAL / "gold", EVAL / "articles"]))
