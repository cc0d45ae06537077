import json

from conftest import SEED_ARTICLE
from newsgraph.cli import main


def test_extract_prints_json_for_the_seed(capsys):
    assert main(["extract", str(SEED_ARTICLE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["article"]["id"] == SEED_ARTICLE.stem
    assert out["article"]["chars"] == len(SEED_ARTICLE.read_text(encoding="utf-8"))


def test_missing_file_is_a_clear_error(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
