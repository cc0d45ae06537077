"""Corpus runs on a small hand-made corpus in every input format, with planted bad articles.

The articles are written here (short made-up news sentences, so the real pipeline runs fast);
SaudiNewsNet itself is only read from ../shared (need_shared), never copied.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic

from conftest import EVAL, need_shared
from newsgraph.corpus import (
    ArticleRejected,
    Skipped,
    article_from_record,
    article_graph_iri,
    derive_id,
    format_summary,
    iter_articles,
    run_corpus,
)
from newsgraph.corpus.rdf import relation_quads
from newsgraph.corpus.sinks import ARTICLE_ID, JOURNAL_DIR, FileSink, StoreSink, journal_entry
from newsgraph.errors import ArticleError, InputError

# rdflib's own N-Quads parser still uses its deprecated Dataset.default_context
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")

# made-up articles in the evaluation layout (title, blank line, body)
PLACES = ["القاهرة", "عمّان", "الرياض", "بغداد", "الرباط", "تونس", "الكويت", "مسقط"]


def made_up(i: int) -> tuple[str, str]:
    place = PLACES[i % len(PLACES)]
    title = f"وزير الخارجية يصل إلى {place}"
    body = (f"وصل وزير الخارجية إلى {place} أمس في زيارة رسمية. وقال الوزير إن «المحادثات كانت مثمرة» "
            f"وأضاف أن البلدين يعملان معاً من أجل الاستقرار في المنطقة. رقم الخبر {i}.")
    return title, body


def snn_record(i: int, **override: object) -> dict[str, object]:
    title, body = made_up(i)
    record: dict[str, object] = {"source": "testpaper", "url": f"http://example.com/news/{i}",
                                 "date_extracted": "2015-07-21 02:41:28", "title": title, "author": "مراسلنا",
                                 "content": " " + body + " "}
    record.update(override)
    return record


BIG = "كلمة " * 2_100_000  # 10.5 MB of text, over the default limit of 1,000,000 characters


def make_corpus(root: Path, *, bad: bool = True) -> list[Path]:
    """A folder of .txt files, a .jsonl, a .json array and a .zip; with ``bad``, one of each bad kind."""
    txt = root / "txt"
    txt.mkdir(parents=True)
    for i in range(2):
        title, body = made_up(i)
        (txt / f"hand-{i}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    lines = [json.dumps(snn_record(i), ensure_ascii=False) for i in range(10, 14)]
    if bad:
        (txt / "empty.txt").write_text("  \n\n", encoding="utf-8")
        lines.insert(1, '{"title": "خبر مقطوع", "content": "قال')  # broken JSON line (line 2)
        lines.append(json.dumps(snn_record(14, content=12345)))  # not a string
        lines.append(json.dumps(snn_record(15, content=BIG), ensure_ascii=False))  # 10 MB
    jsonl = root / "day.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    array = root / "day.json"
    records = [snn_record(i) for i in range(20, 23)]
    if bad:
        records.append(snn_record(23, content=["قال", "الوزير"]))
    array.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    archive = root / "2015-07-21.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zrecords = [snn_record(i) for i in range(30, 33)]
        if bad:
            zrecords.insert(1, snn_record(33, content="   "))
        zf.writestr("2015-07-21.json", json.dumps(zrecords, ensure_ascii=False))
    return [txt, jsonl, array, archive]


def snn_id(i: int) -> str:
    return derive_id({"source": "testpaper", "url": f"http://example.com/news/{i}"})


GOOD_IDS = (["hand-0", "hand-1"] + [snn_id(i) for i in range(10, 14)]
            + [snn_id(i) for i in range(20, 23)] + [snn_id(i) for i in range(30, 33)])


def test_derived_ids_follow_the_evaluation_file_names():
    # snn-aawsat-88508bd6 is "snn-" + source + first 8 hex digits of sha1(url)
    assert derive_id({"source": "x", "url": "u", "id": "given-1"}) == "given-1"
    assert derive_id({"source": "aawsat", "url": "http://example.com/1"}).startswith("snn-aawsat-")
    assert derive_id({"url": "http://example.com/1"}).startswith("url-")
    assert derive_id({"title": "بلا رابط"}) is None
    no_id = article_from_record({"content": "قال الوزير إن الوضع مستقر."})
    assert no_id.id.startswith("sha1-")


def test_record_text_is_title_blank_line_content():
    art = article_from_record(snn_record(1))
    title, body = made_up(1)
    assert art.text == f"{title}\n\n{body}\n"
    assert art.title == title and art.source == "testpaper" and art.date == "2015-07-21 02:41:28"
    assert art.text[: len(title)] == title  # offsets of the title hold in the text


def test_bad_records_raise_article_errors_with_reason():
    with pytest.raises(ArticleError) as info:
        article_from_record(snn_record(1, content=None))
    assert isinstance(info.value, ArticleRejected) and info.value.reason == "not-text"
    assert info.value.article_id == snn_id(1)
    with pytest.raises(ArticleRejected, match="over the limit of 100"):
        article_from_record(snn_record(1), max_chars=100)


def test_every_format_streams_articles_and_each_bad_one_is_reported(tmp_path):
    items = list(iter_articles(make_corpus(tmp_path)))
    articles = [i.id for i in items if not isinstance(i, Skipped)]
    assert articles == GOOD_IDS
    skips = {(s.id, s.where, s.reason) for s in items if isinstance(s, Skipped)}
    assert skips == {
        ("empty", str(tmp_path / "txt" / "empty.txt"), "empty"),
        (None, "day.jsonl:2", "broken-json"),
        (snn_id(14), "day.jsonl:6", "not-text"),
        (snn_id(15), "day.jsonl:7", "too-large"),
        (snn_id(23), "day.json[3]", "not-text"),
        (snn_id(33), "2015-07-21.zip:2015-07-21.json[1]", "empty"),
    }


def test_a_configurable_limit_and_a_duplicate_id(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps(snn_record(i), ensure_ascii=False) for i in (1, 2, 1)), encoding="utf-8")
    items = list(iter_articles(path))
    assert isinstance(items[2], Skipped) and items[2].reason == "duplicate-id" and items[2].where == "dup.jsonl:3"
    assert items[2].id == snn_id(1)
    limited = list(iter_articles(path, max_chars=100))
    assert [getattr(i, "reason", None) for i in limited] == ["too-large"] * 3  # refused before the id check


def test_missing_paths_and_unknown_formats_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_articles([tmp_path / "nope"]))
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown format '\.csv'"):
        list(iter_articles([tmp_path / "x.csv"]))


def read_graphs(path: Path) -> dict[str, Graph]:
    """Each named graph of an N-Quads file as an rdflib Graph (isomorphic compares triples, not quads)."""
    ds = Dataset()
    ds.parse(path, format="nquads")
    out: dict[str, Graph] = {}
    for context in ds.graphs():
        if len(context):
            g = Graph()
            for triple in context:
                g.add(triple)
            out[str(context.identifier)] = g
    return out


def assert_same_graphs(a_path: Path, b_path: Path) -> None:
    """The two files hold the same named graphs, each isomorphic; the failure shows the difference."""
    a, b = read_graphs(a_path), read_graphs(b_path)
    assert sorted(a) == sorted(b), f"named graphs differ: {sorted(set(a) ^ set(b))}"
    for name in a:
        if not isomorphic(a[name], b[name]):
            _, only_a, only_b = graph_diff(a[name], b[name])
            pytest.fail(f"graph {name} differs:\n{only_a.serialize(format='nt')}---\n"
                        f"{only_b.serialize(format='nt')}")


def test_a_run_completes_reports_each_bad_article_and_writes_the_graph(tmp_path):
    reported: list[Skipped] = []
    out = tmp_path / "out" / "graph.nq"
    summary = run_corpus(make_corpus(tmp_path / "in"), output=out, workers=0, on_skip=reported.append)
    assert summary.articles == len(GOOD_IDS) and summary.skipped == 6 and not summary.interrupted
    assert summary.skipped_by_reason == {"empty": 2, "not-text": 2, "broken-json": 1, "too-large": 1}
    assert {s.where for s in reported} == {s.where for s in summary.skips}
    assert all(s.describe().startswith("skipped ") and s.reason in s.describe() for s in reported)
    text = format_summary(summary)
    assert f"{len(GOOD_IDS)} processed" in text and "not-text 2" in text and "words/s" in text
    assert summary.words > 0 and summary.quads > 0
    # the output is complete, its journal gone, one named graph per article
    assert out.exists() and not (out.parent / "graph.nq.partial").exists()
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
    assert set(read_graphs(out)) == {article_graph_iri(i) for i in GOOD_IDS}


def test_two_workers_and_one_process_build_the_same_graph(tmp_path):
    corpus = make_corpus(tmp_path / "in", bad=False)
    one = run_corpus(corpus, output=tmp_path / "one.nq", workers=0)
    two = run_corpus(corpus, store=tmp_path / "store", output=tmp_path / "two.nq", workers=2, batch_size=2)
    assert one.articles == two.articles == len(GOOD_IDS)
    assert "main" in two.peak_rss_mb and "worker 1" in two.peak_rss_mb  # a fast worker may take every batch
    assert_same_graphs(tmp_path / "one.nq", tmp_path / "two.nq")


def test_a_second_run_into_the_same_store_skips_what_is_done(tmp_path):
    corpus = make_corpus(tmp_path / "in", bad=False)
    first = run_corpus(corpus, store=tmp_path / "store", workers=0, limit=5)
    again = run_corpus(corpus, store=tmp_path / "store", workers=0)
    assert (first.articles, again.resumed, again.articles) == (5, 5, len(GOOD_IDS) - 5)


def test_output_formats_are_written_atomically(tmp_path):
    corpus = make_corpus(tmp_path / "in", bad=False)
    for name in ("g.trig", "g.nt", "g.ttl", "g.jsonld"):
        run_corpus(corpus, output=tmp_path / name, workers=0, limit=3)
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("g.")) == sorted(
            p.name for p in tmp_path.iterdir() if p.suffix in (".trig", ".nt", ".ttl", ".jsonld"))
    assert "@prefix ng:" in (tmp_path / "g.trig").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="RDF format"):
        run_corpus(corpus, output=tmp_path / "g.xyz", workers=0)


def test_an_unfinished_file_run_keeps_the_old_graph_and_a_torn_journal_is_cut(tmp_path):
    out = tmp_path / "g.nq"
    out.write_text("<http://x/old> <http://x/p> <http://x/o> .\n", encoding="utf-8")
    sink = FileSink(out)
    sink.write([journal_entry("a1", "<http://x/a1> <http://x/p> \"1\" <http://x/g1> .\n")])
    sink.close(complete=False)
    assert "old" in out.read_text(encoding="utf-8")  # a crash never replaces the graph with half of one
    with (tmp_path / "g.nq.partial").open("a", encoding="utf-8") as f:
        f.write("<http://x/a2> <http://x/p> \"tor")  # a write torn by a crash
    sink = FileSink(out)
    assert sink.done_ids() == {"a1"}
    sink.close(complete=True)
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert [q.subject.value for q in quads] == ["http://x/a1"]


def entry(i: int) -> str:
    nquads = (f"<http://x/a{i}> <http://x/p> \"{i}\" <http://x/g{i}> .\n"
              f"<http://x/a{i}> <{ARTICLE_ID}> \"a{i}\" <http://x/g{i}> .\n")
    return journal_entry(f"a{i}", nquads)


def test_a_store_journals_batches_and_bulk_loads_whole_segments(tmp_path):
    sink = StoreSink(tmp_path / "store", segment_articles=2)
    for i in range(5):
        sink.write([entry(i)])
    sink.close(complete=True)
    # every segment loaded and deleted; the store has all five articles
    store = ox.Store(str(tmp_path / "store"))
    assert not list((tmp_path / "store" / JOURNAL_DIR).iterdir())
    assert {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(ARTICLE_ID), None, None)} == {
        f"a{i}" for i in range(5)}
    del store


def test_a_journal_left_by_a_crash_is_loaded_when_the_store_opens_and_its_torn_tail_cut(tmp_path):
    sink = StoreSink(tmp_path / "store")
    sink.write([entry(1), entry(2)])
    sink.store.flush()
    segment = next((tmp_path / "store" / JOURNAL_DIR).glob("segment-*.nq"))
    crashed = segment.read_bytes() + b'<http://x/a3> <http://x/p> "to'  # a write torn by the crash
    sink.close(complete=False)
    segment.write_bytes(crashed)  # as if the run had died before loading its journal
    again = StoreSink(tmp_path / "store")
    assert again.done_ids() == {"a1", "a2"} and not segment.exists()
    again.close(complete=False)


def test_real_saudinewsnet_zip_gives_the_evaluation_ids_and_texts():
    archive = need_shared("corpora", "saudinewsnet", "2015-08-06.zip")
    article_path = need_shared("eval", "articles", "snn-aawsat-88508bd6.txt")
    first = []
    found = None
    for item in iter_articles(archive):
        if len(first) < 5:
            first.append(item)
        if not isinstance(item, Skipped) and item.id == "snn-aawsat-88508bd6":
            found = item
            break
    assert all(isinstance(a, Skipped) or a.id.startswith("snn-") for a in first)
    assert all(isinstance(a, Skipped) or a.text.startswith(a.title) for a in first)
    assert found is not None, "the evaluation article snn-aawsat-88508bd6 is in 2015-08-06.zip"
    assert found.text == article_path.read_text(encoding="utf-8")
    assert EVAL.exists()


def test_the_build_command_runs_a_corpus_and_reports_bad_articles(tmp_path, capsys):
    from newsgraph.cli import main

    out, errors = tmp_path / "g.nq", tmp_path / "skipped.jsonl"
    inputs = [str(p) for p in make_corpus(tmp_path / "in")]
    assert main(["build", *inputs, "-o", str(out), "--workers", "0", "--errors", str(errors), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert f"{len(GOOD_IDS)} articles added (0 replaced, 0 kept, 6 unreadable)" in captured.out
    assert "skipped day.jsonl:2: broken-json" in captured.err and "words/s" in captured.err
    assert {json.loads(line)["reason"] for line in errors.read_text(encoding="utf-8").splitlines()} == {
        "empty", "broken-json", "not-text", "too-large"}
    assert set(read_graphs(out)) >= {article_graph_iri(i) for i in GOOD_IDS}


def test_the_relations_counted_during_a_run_are_what_the_relation_query_counts(tmp_path):
    # the development articles: statements with resolved speakers, targets and every stance
    articles = need_shared("eval", "articles")
    run_corpus([articles], store=tmp_path / "store", workers=0)
    store = ox.Store(str(tmp_path / "store"))
    name, queried = relation_quads(store)
    written = set(store.quads_for_pattern(None, None, None, name))
    assert len(written) > 100 and written == set(queried)
    del store
