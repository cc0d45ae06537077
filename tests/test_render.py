"""The HTML view without a browser: offline page, escaping, caps, ego view, layout, CLI."""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import SEED_ARTICLE, need_shared
from newsgraph import render
from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.model import Article, Cue, Entity, Extraction, Span, Speaker, Statement, Target
from newsgraph.render import PHYSICS_LIMIT, STANCE_COLOURS, TYPE_COLOURS, build_view, render_html, render_page
from seedgraph import gold_extraction, to_graph, triples_of

XSS = "</script><img src=x onerror=alert(1)>"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def xss_graph():
    """An article whose quote, speaker label and evidence carry markup and a script break-out."""
    text = f'عنوان <b>عريض</b>\n\nقال الوزير <b>أحمد</b> إن "{XSS}" خطير & <i>مائل</i> على داعش.'
    art = Article.from_text(text, id="xss-1")
    cue = text.index("قال")
    content_start = text.index('"')
    content_end = text.index(" على")
    isis = text.index("داعش")
    evidence = text.index("خطير")
    ents = (Entity(key="ahmad", label="الوزير <b>أحمد</b>", type="PER"),
            Entity(key="isis", label="داعش <i>x</i>", type="ORG", label_en="<script>alert(2)</script>"))
    st = Statement(
        id="xss-1/0", kind="indirect", cue=Cue(cue, cue + 3, "قال", "قال"),
        speaker=Speaker(entity="ahmad", label="الوزير <b>أحمد</b>", resolved_by="explicit"),
        content=Span.of(text, content_start, content_end),
        targets=(Target(entity="isis", label="داعش <i>x</i>", mention=Span.of(text, isis, isis + 4), stance="neg",
                        evidence=Span.of(text, evidence, evidence + 4)),))
    return to_graph([Extraction(article=art, entities=ents, statements=(st,))])


def _data(page: str) -> dict:
    block = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    assert block is not None
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def seed_graph():
    gold = need_shared("eval", "gold", "000_bbdb7bd5d11f476f.json")
    return to_graph([gold_extraction(gold, SEED_ARTICLE)])


def test_page_has_no_external_urls(seed_graph):
    page = render_page(seed_graph)
    assert not EXTERNAL.search(page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page.lower()
    assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page)


def test_article_markup_never_reaches_the_page_raw():
    page = render_page(xss_graph())
    assert XSS not in page
    assert "<img" not in page and "onerror=alert(1)>" not in page
    assert "<b>أحمد</b>" not in page and "<script>alert(2)" not in page and "<i>مائل" not in page
    # the data block keeps only JSON escapes for <, > and &
    data_text = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    assert "\\u003c/script\\u003e\\u003cimg" in data_text
    data = _data(page)
    edge = data["edges"][0]
    assert XSS in edge["title"] and "خطير" in edge["title"]  # shown as text: the quote and the evidence word
    assert data["nodes"][0]["label"] in ("الوزير <b>أحمد</b>", "داعش <i>x</i>")


def test_seed_view_colours_sizes_and_tooltips(seed_graph):
    view = build_view(seed_graph)
    nodes = {n["id"]: n for n in view.nodes}
    assert len(nodes) == 29
    assert nodes["putin"]["color"] == TYPE_COLOURS["person"]
    assert nodes["isis"]["color"] == TYPE_COLOURS["organisation"]
    assert nodes["syria"]["color"] == TYPE_COLOURS["place"]
    # سوريا and روسيا are discussed most, so they are drawn largest
    assert nodes["russia"]["size"] > nodes["putin"]["size"] > nodes["aleppo"]["size"]
    assert nodes["us_official"]["label"] == "مسؤول أميركي"
    # «وقال مسؤول أميركي ...» about روسيا with a negative stance: a red edge, its cue and article in the tooltip
    neg = [e for e in view.edges if e["from"] == "us_official" and e["to"] == "russia" and e["stance"] == "neg"]
    assert len(neg) == 3 and all(e["color"] == STANCE_COLOURS["neg"] for e in neg)
    assert all("قال" in e["title"] or "أشار" in e["title"] for e in neg)
    assert all("000_bbdb7bd5d11f476f" in e["title"] and "القول · said: «" in e["title"] for e in neg)
    pos = [e for e in view.edges if e["stance"] == "pos"]
    assert pos and all(e["color"] == STANCE_COLOURS["pos"] for e in pos)
    assert view.options["physics"]["enabled"] is True


def test_top_and_focus_cut_the_graph(seed_graph):
    top = build_view(seed_graph, top=5)
    assert {n["id"] for n in top.nodes} == {"russia", "syria", "us_official", "isis", "usa"}
    assert all(e["from"] in {n["id"] for n in top.nodes} for e in top.edges)
    ego = build_view(seed_graph, focus="فلاديمير بوتين")
    ids = {n["id"] for n in ego.nodes}
    # بوتين speaks of سوريا, روسيا, الأسد and is spoken of by كوناشينكوف and the Syrian presidency
    assert {"putin", "syria", "russia", "assad", "konashenkov", "syr_presidency"} == ids
    assert "فلاديمير بوتين" in ego.title
    small = build_view(seed_graph, focus="putin", top=3)
    assert "putin" in {n["id"] for n in small.nodes} and len(small.nodes) == 3
    with pytest.raises(InputError, match="no actor"):
        build_view(seed_graph, focus="nobody-here")


def test_large_graph_uses_a_fixed_layout_without_physics(monkeypatch):
    n = PHYSICS_LIMIT + 5
    text = "عنوان\n\n" + " ".join("قال س إن ص." for _ in range(n))
    art = Article.from_text(text, id="big")
    ents, statements = [], []
    cues = [m.start() for m in re.finditer("قال", text)]
    for i, cue in enumerate(cues):
        a, b = f"a{i}", f"a{(i * 7 + 1) % n}"
        ents.append(Entity(key=a, label=f"فاعل {i}", type="PER"))
        statements.append(Statement(id=f"big/{cue}", kind="indirect", cue=Cue(cue, cue + 3, "قال", "قال"),
                                    speaker=Speaker(entity=a, label=a, resolved_by="explicit"),
                                    targets=(Target(entity=b, label=b, mention=Span.of(text, cue + 4, cue + 5)),)))
    graph = to_graph([Extraction(article=art, entities=tuple(ents), statements=tuple(statements))])
    view = build_view(graph)
    assert len(view.nodes) == n
    assert view.options["physics"]["enabled"] is False and "physics off" in view.summary
    xs = {round(node["x"]) for node in view.nodes}
    assert len(xs) > n // 2, "nodes are spread by the computed layout"
    again = build_view(graph)
    assert [(v["x"], v["y"]) for v in view.nodes] == [(v["x"], v["y"]) for v in again.nodes]
    capped = build_view(graph, top=50)
    assert len(capped.nodes) == 50 and capped.options["physics"]["enabled"] is True
    # without --top a graph past DEFAULT_MAX_NODES is cut, and the page says so
    monkeypatch.setattr(render, "DEFAULT_MAX_NODES", 100)
    default = build_view(graph)
    assert len(default.nodes) == 100 and "capped at the 100 most involved actors" in default.summary


def test_cli_render_writes_the_page(tmp_path, capsys):
    graph_file = tmp_path / "g.ttl"
    xss_graph().serialize(graph_file, format="turtle")
    out = tmp_path / "view.html"
    assert main(["render", str(graph_file), "-o", str(out), "--top", "10"]) == 0
    page = out.read_text(encoding="utf-8")
    assert XSS not in page and "vis.Network" in page
    assert main(["render", str(graph_file), "-o", str(out), "--focus", "زيد"]) == 1
    assert "no actor 'زيد'" in capsys.readouterr().err


def test_render_html_accepts_a_dataset(tmp_path):
    from rdflib import Dataset, URIRef

    ds = Dataset()
    named = ds.graph(URIRef("https://w3id.org/newsgraph/id/graph/xss-1"))
    for t in triples_of(xss_graph()):
        named.add(t)
    path = render_html(ds, tmp_path / "ds.html")
    assert len(_data(path.read_text(encoding="utf-8"))["nodes"]) == 2
