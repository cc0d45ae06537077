"""Interactive HTML view of who talks about whom (pyvis / vis-network), self-contained and offline.

One page, no network: vis-network's script and style (shipped inside pyvis) are inlined, pyvis's own
template is not used because it links Bootstrap from a CDN.  Article text never becomes markup: the
graph data sits in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped as
``\\u003c`` ``\\u003e`` ``\\u0026``, tooltips are handed to vis-network as DOM elements built with
``textContent``, and a Content-Security-Policy admits only the page's own scripts (by hash) and no
fetches.  Nodes are actors (size: how often they are discussed; colour: person/organisation/place),
edges are statement-target pairs speaker -> target coloured by stance.

    >>> import re
    >>> from rdflib import Graph
    >>> page = render_page(Graph())
    >>> re.search(r"(src|href)=.?.?(https?:)?//", page) is None
    True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from newsgraph.analytics import Projection, StatementEdge, ego_network, project, resolve_actor
from newsgraph.errors import DependencyError, GraphError, InputError

__all__ = ["DEFAULT_MAX_NODES", "PHYSICS_LIMIT", "STANCE_COLOURS", "TYPE_COLOURS", "View", "build_view",
           "render_html", "render_page"]

TYPE_COLOURS = {"person": "#4e79a7", "organisation": "#f28e2b", "place": "#9467bd", "other": "#8c8c8c"}
TYPE_NAMES = {"person": "شخص · person", "organisation": "منظمة · organisation", "place": "مكان · place",
              "other": "غير ذلك · other"}
STANCE_COLOURS = {"pos": "#2ca02c", "neg": "#d62728", "neu": "#a0a0a0", None: "#c8c8c8"}
STANCE_NAMES = {"pos": "تأييد · positive", "neg": "انتقاد · negative", "neu": "محايد · neutral",
                None: "غير محدد · no stance"}
# past this many nodes vis-network's physics is too slow to settle in a browser: use the computed layout
PHYSICS_LIMIT = 300
# without --top, a bigger graph is cut to its most involved actors: a page of thousands of nodes is unreadable,
# and networkx's spring layout leaves its vectorised path at 500 nodes (minutes on a laptop past that)
DEFAULT_MAX_NODES = 400
_SEED = 42
_FONT = "'DejaVu Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, Arial, sans-serif"


@dataclass(frozen=True)
class View:
    """The nodes, edges and vis-network options of one page (plain JSON-ready data)."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    title: str
    summary: str


def _involvement(proj: Projection) -> dict[str, int]:
    """How much each actor takes part: statements it makes plus times it is a target."""
    score: dict[str, int] = dict.fromkeys(proj.statements.nodes, 0)
    for speaker in proj.speakers_of.values():
        score[speaker] = score.get(speaker, 0) + 1
    for _, v in proj.statements.edges():
        score[v] = score.get(v, 0) + 1
    return score


def _edge_tooltip(proj: Projection, e: StatementEdge) -> str:
    lines = [f"المتحدث · speaker: {proj.label(e.speaker)}", f"عن · about: {proj.label(e.target)}",
             f"الفعل · cue: {e.cue}" + (f"  ({e.kind})" if e.kind else "")]
    if e.content:
        lines.append(f"القول · said: «{e.content}»")
    stance = STANCE_NAMES.get(e.stance, STANCE_NAMES[None])
    lines.append(f"الموقف · stance: {stance}" + (f" — «{e.evidence}»" if e.evidence else ""))
    article = e.article_title or e.article
    if e.article_title and e.article:
        article = f"{e.article_title} [{e.article}]"
    if article:
        lines.append(f"المقال · article: {article}")
    return "\n".join(lines)


def _node_tooltip(proj: Projection, key: str, said: int, discussed: int) -> str:
    info = proj.actors.get(key)
    lines = [proj.label(key)]
    if info and info.label_en:
        lines.append(info.label_en)
    kind = info.type if info else "other"
    lines += [f"{TYPE_NAMES[kind]} [{key}]", f"تصريحات · statements made: {said}",
              f"ذكر في · mentioned in: {discussed}"]
    return "\n".join(lines)


def _layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """A fixed-seed spring layout scaled to vis-network's pixel space (bigger graphs get more room)."""
    if not g.number_of_nodes():
        return {}
    und = nx.Graph()
    und.add_nodes_from(sorted(g.nodes))
    und.add_edges_from((u, v) for u, v in g.edges if u != v)
    try:
        pos = nx.spring_layout(und, seed=_SEED, k=1.5 / math.sqrt(max(und.number_of_nodes(), 1)))
    except ImportError as exc:
        raise DependencyError(f"the graph layout needs numpy/scipy ({exc}); pip install numpy scipy") from exc
    scale = 350 * math.sqrt(max(g.number_of_nodes(), 4) / 4)
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def build_view(graph: Graph | Dataset | Projection, *, focus: str | None = None, top: int | None = None) -> View:
    """The nodes and edges to draw: every actor, or the ``top`` most involved, or ``focus``'s ego network.

    Args:
        graph: an rdflib Graph/Dataset (VOCAB.md terms) or a :class:`~newsgraph.analytics.Projection`.
        focus: an actor key or label (e.g. ``بوتين``'s ``فلاديمير بوتين``): show it and its neighbours.
        top: keep the ``top`` actors that make or receive most statements (the focus is always kept);
            without it a graph is cut to ``DEFAULT_MAX_NODES`` actors.

    Returns:
        A :class:`View` whose node ``title``/edge ``title`` are plain text (never markup).

    Raises:
        InputError: ``focus`` is not an actor of the graph, or ``top`` is not positive.
    """
    try:
        from pyvis.network import Network
    except ImportError as exc:  # pragma: no cover - pyvis is a declared dependency
        raise DependencyError("newsgraph render needs pyvis: pip install pyvis") from exc
    if top is not None and top <= 0:
        raise InputError(f"top must be a positive number of actors, got {top}")
    proj = graph if isinstance(graph, Projection) else project(graph)
    involvement = _involvement(proj)
    keep = set(proj.statements.nodes)
    focus_key = None
    if focus is not None:
        focus_key = resolve_actor(proj, focus)
        keep = set(ego_network(proj, focus_key).nodes)
    cap = top if top is not None else DEFAULT_MAX_NODES
    capped = len(keep) > cap
    if capped:
        ranked = sorted(keep, key=lambda k: (k != focus_key, -involvement.get(k, 0), k))
        keep = set(ranked[:cap])

    sub = proj.actor_graph.subgraph(keep)
    positions = _layout(sub)
    physics = len(keep) <= PHYSICS_LIMIT
    said = {k: 0 for k in keep}
    for speaker in proj.speakers_of.values():
        if speaker in said:
            said[speaker] += 1
    discussed = {k: 0 for k in keep}
    for _, v in proj.statements.edges():
        if v in discussed:
            discussed[v] += 1

    net = Network(directed=True, cdn_resources="in_line")
    for key in sorted(keep):
        info = proj.actors.get(key)
        kind = info.type if info else "other"
        x, y = positions.get(key, (0.0, 0.0))
        net.add_node(key, label=proj.label(key), shape="dot", color=TYPE_COLOURS[kind],
                     size=round(10 + 6 * math.sqrt(discussed[key]), 2), x=round(x, 1), y=round(y, 1),
                     title=_node_tooltip(proj, key, said[key], discussed[key]),
                     borderWidth=3 if key == focus_key else 1)
    parallel: dict[tuple[str, str], int] = {}
    for u, v, data in sorted(proj.statements.edges(data=True), key=lambda e: e[2]["data"].statement):
        if u not in keep or v not in keep:
            continue
        e: StatementEdge = data["data"]
        n = parallel.get((u, v), 0)
        parallel[(u, v)] = n + 1
        # parallel edges fan out so each statement stays hoverable
        smooth = {"enabled": True, "type": "curvedCW", "roundness": round(0.08 + 0.12 * n, 2)}
        net.add_edge(u, v, color=STANCE_COLOURS.get(e.stance, STANCE_COLOURS[None]), arrows="to",
                     title=_edge_tooltip(proj, e), smooth=smooth, stance=e.stance or "none",
                     statement=e.statement, width=2 if e.stance in ("pos", "neg") else 1)

    options: dict[str, Any] = {
        "nodes": {"font": {"face": _FONT, "size": 24, "strokeWidth": 4, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": True},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -12000, "centralGravity": 0.2, "springLength": 190,
                                  "springConstant": 0.02, "avoidOverlap": 0.6},
                    "stabilization": {"enabled": physics, "iterations": 250, "fit": True}},
        "layout": {"randomSeed": _SEED, "improvedLayout": False},
    }
    total = proj.actor_graph.number_of_nodes()
    summary = (f"{len(net.nodes)} of {total} actors, {len(net.edges)} statement links"
               + (f"; ego network of {proj.label(focus_key)}" if focus_key else "")
               + ("" if physics else "; computed layout (physics off)")
               + (f"; capped at the {cap} most involved actors (--top N / --focus ACTOR to choose)"
                  if capped and top is None else ""))
    title = "من قال ماذا عن من · who talks about whom" + (f" — {proj.label(focus_key)}" if focus_key else "")
    return View(nodes=list(net.nodes), edges=list(net.edges), options=options, title=title, summary=summary)


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside the pyvis package (no network)."""
    try:
        import pyvis
    except ImportError as exc:  # pragma: no cover
        raise DependencyError("newsgraph render needs pyvis: pip install pyvis") from exc
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    if not lib.is_dir():
        lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js, css = lib / "vis-network.min.js", lib / "vis-network.css"
    if not js.is_file() or not css.is_file():
        raise DependencyError(f"pyvis is installed but its vis-network files are missing under {lib}")
    return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON safe inside a script element: no ``</script>``, no ``<!--``, no entity, no line terminators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _inline_script(code: str) -> str:
    if "</script" in code.lower():
        raise GraphError("an inline script would end early: it contains '</script'")
    return code


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


# turns each title string into a DOM element with textContent, so no vis-network version parses it as HTML
_APP_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  function tip(text) {
    var el = document.createElement("div");
    el.className = "ng-tip";
    el.setAttribute("dir", "auto");
    el.textContent = text;
    return el;
  }
  data.nodes.forEach(function (n) { n.title = tip(n.title); });
  data.edges.forEach(function (e) { e.title = tip(e.title); });
  var container = document.getElementById("graph");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    document.body.setAttribute("data-stabilized", "true");
  });
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "true"); });
  window.newsgraphNetwork = network;
})();
"""

_CSS = """
html, body { margin: 0; height: 100%; font-family: %(font)s; background: #ffffff; color: #222; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0; }
header p { margin: 2px 0 0; font-size: 13px; color: #555; }
#graph { position: absolute; top: 56px; bottom: 0; left: 0; right: 250px; }
#legend { position: absolute; top: 64px; right: 8px; width: 226px; box-sizing: border-box; background: #fafafa;
          border: 1px solid #ccc; border-radius: 4px; padding: 6px 10px; font-size: 13px; }
#legend h2 { font-size: 13px; margin: 4px 0; }
#legend p { margin: 0 0 4px; font-size: 12px; color: #555; }
#legend ul { list-style: none; margin: 0; padding: 0; }
#legend li { margin: 2px 0; white-space: nowrap; }
.dot { display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-inline-end: 6px; }
.bar { display: inline-block; width: 20px; height: 4px; margin-inline-end: 6px; vertical-align: middle; }
div.vis-tooltip { font-family: %(font)s; font-size: 14px; max-width: 420px; white-space: pre-wrap;
                  unicode-bidi: plaintext; text-align: start; }
.ng-tip { white-space: pre-wrap; unicode-bidi: plaintext; }
"""


def _bilingual(text: str) -> str:
    """'عربي · English' with each side isolated, so the bidi algorithm cannot reorder one into the other."""
    return " · ".join(f"<bdi>{html.escape(part)}</bdi>" for part in text.split(" · "))


def render_page(graph: Graph | Dataset | Projection | View, *, focus: str | None = None,
                top: int | None = None) -> str:
    """The complete HTML page (a string) for a graph; see :func:`render_html`.

    Args:
        graph: an rdflib Graph/Dataset, a Projection, or a ready :class:`View`.
        focus: an actor key or label, e.g. ``روسيا``: draw its ego network.
        top: draw only the ``top`` most involved actors.

    Returns:
        HTML with no external URL in any ``src``/``href`` and article text only as escaped data.
    """
    view = graph if isinstance(graph, View) else build_view(graph, focus=focus, top=top)
    vis_js, vis_css = _vis_assets()
    data = _script_json({"nodes": view.nodes, "edges": view.edges, "options": view.options})
    scripts = [_inline_script(vis_js), _inline_script(_APP_JS)]
    csp = ("default-src 'none'; script-src " + " ".join(_sha256(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    legend_types = "".join(
        f'<li><span class="dot" style="background:{colour}"></span>{_bilingual(TYPE_NAMES[kind])}</li>'
        for kind, colour in TYPE_COLOURS.items())
    legend_stance = "".join(
        f'<li><span class="bar" style="background:{colour}"></span>{_bilingual(STANCE_NAMES[stance])}</li>'
        for stance, colour in STANCE_COLOURS.items())
    css = _CSS.replace("%(font)s", _FONT)
    return f"""<!DOCTYPE html>
<html lang="ar">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
<title>{html.escape(view.title)}</title>
<style>{vis_css}</style>
<style>{css}</style>
</head>
<body>
<header dir="rtl"><h1>{html.escape(view.title)}</h1><p dir="auto">{html.escape(view.summary)}</p></header>
<aside id="legend" dir="rtl" aria-label="legend">
<h2><bdi>الفاعلون</bdi> · <bdi>actors</bdi></h2>
<p><bdi>الحجم: عدد مرات الذكر</bdi><br><bdi>size: times discussed</bdi></p><ul>{legend_types}</ul>
<h2><bdi>الموقف</bdi> · <bdi>stance</bdi></h2>
<p><bdi>لون السهم من المتحدث إلى من يتحدث عنه</bdi><br><bdi>arrow colour: speaker → target</bdi></p>
<ul>{legend_stance}</ul>
</aside>
<div id="graph" dir="rtl"></div>
<script id="graph-data" type="application/json">{data}</script>
<script>{scripts[0]}</script>
<script>{scripts[1]}</script>
</body>
</html>
"""


def render_html(graph: Graph | Dataset, path: str | Path, *, focus: str | None = None,
                top: int | None = None) -> Path:
    """Write the interactive who-talks-about-whom page for a graph to ``path``.

    Args:
        graph: an rdflib Graph or Dataset with the VOCAB.md terms (e.g. from ``newsgraph build``).
        path: the HTML file to write.
        focus: an actor key or label (e.g. ``مسؤول أميركي``): draw its ego network only.
        top: draw only the ``top`` actors that make or receive most statements.

    Returns:
        The path written.

    Raises:
        InputError: unknown ``focus`` actor or bad ``top``.
        GraphError: the graph cannot be projected.
    """
    path = Path(path)
    page = render_page(graph, focus=focus, top=top)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the HTML view to {path}: {exc.strerror}") from exc
    return path
