"""`newsgraph stats GRAPH`: who talks about whom, as tables or JSON.

    $ newsgraph stats graph.trig --top 5
    $ newsgraph stats graph.ttl --format json
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newsgraph.analytics import EgoNetwork, GraphStats, Ranked, ego_network, graph_stats, project, read_graph
from newsgraph.errors import InputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("graph", help="a graph file (.ttl/.trig/.nt/.nq/.jsonld) or a graph store folder")
    parser.add_argument("--top", type=int, default=10, help="entries per ranking (default 10; 0 = all)")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    parser.add_argument("--actor", help="also show this actor's ego network (key or label, e.g. 'فلاديمير بوتين')")


def _ranking(title: str, rows: tuple[Ranked, ...], *, integer: bool) -> list[str]:
    out = [f"\n{title}"]
    if not rows:
        return [*out, "  (none)"]
    for i, r in enumerate(rows, 1):
        value = f"{int(r.value):>5d}" if integer else f"{r.value:8.4f}"
        out.append(f"  {i:>3}. {value}  {r.label}  [{r.actor}]")
    return out


def format_table(stats: GraphStats) -> str:
    """The statistics as plain-text tables (labels in Arabic, actor keys in brackets)."""
    lab = stats.labels.get
    lines = [f"{stats.articles} articles, {stats.statements} statements, {stats.actors} actors, "
             f"{stats.links} speaker->target links"]
    lines += _ranking("Statements per speaker", stats.statements_per_speaker, integer=True)
    lines += _ranking("Mentions per target (statement-target links)", stats.mentions_per_target, integer=True)
    lines += _ranking("PageRank (actor graph, weighted by statements)", stats.pagerank, integer=False)
    lines += _ranking("Betweenness", stats.betweenness, integer=False)
    lines += _ranking("Most criticised (negative links from other speakers)", stats.most_criticised, integer=True)
    lines += _ranking("Most praised (positive links from other speakers)", stats.most_praised, integer=True)
    lines.append("\nWho criticises / praises whom (stance per ordered pair: pos/neg/neu)")
    signed = [p for p in stats.stance_pairs if p.pos or p.neg]
    if not signed:
        lines.append("  (no positive or negative stance)")
    for p in signed:
        verb = "criticises" if p.neg > p.pos else "praises" if p.pos > p.neg else "is split on"
        lines.append(f"  {p.source_label} [{p.source}] {verb} {p.target_label} [{p.target}]  "
                     f"pos {p.pos} / neg {p.neg} / neu {p.neu}  balance {p.balance:+.2f}")
    lines.append("\nAllies and opponents (by what each actor says)")
    if not stats.sides:
        lines.append("  (none)")
    for s in stats.sides:
        allies = ", ".join(f"{lab(a, a)}" for a in s.allies) or "-"
        opponents = ", ".join(f"{lab(a, a)}" for a in s.opponents) or "-"
        lines.append(f"  {s.label} [{s.actor}]: allies {allies}; opponents {opponents}")
    lines.append("\nCommunities (Louvain, fixed seed)")
    if not stats.communities:
        lines.append("  (none)")
    for i, c in enumerate(stats.communities, 1):
        lines.append(f"  {i}. " + ", ".join(lab(a, a) for a in c))
    lines.append("\nReciprocal pairs (actors who talk about each other)")
    lines += [f"  {lab(a, a)} <-> {lab(b, b)}" for a, b in stats.reciprocal_pairs] or ["  (none)"]
    lines.append("\nCo-targeted actors (named in the same statement)")
    lines += [f"  {n:>4d}  {lab(a, a)} + {lab(b, b)}" for a, b, n in stats.co_targeted] or ["  (none)"]
    lines.append(f"\nStructural balance of signed triads: {stats.triads_balanced} balanced, "
                 f"{stats.triads_unbalanced} unbalanced")
    for t in stats.triads:
        signs = " ".join("+" if s > 0 else "-" for s in t.signs)
        lines.append(f"  {'balanced  ' if t.balanced else 'unbalanced'}  {signs}  "
                     + ", ".join(lab(a, a) for a in t.actors))
    return "\n".join(lines)


def format_ego(ego: EgoNetwork, labels: dict[str, str]) -> str:
    """An actor's ego network as plain text: who it talks about and who talks about it."""
    lab = labels.get
    lines = [f"\nEgo network of {ego.label} [{ego.actor}]: {len(ego.nodes)} actors"]
    for s, t, n in ego.edges:
        if ego.actor in (s, t):
            lines.append(f"  {lab(s, s)} -> {lab(t, t)}  {n} statement(s)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.top < 0:
        raise InputError(f"--top must be 0 (all) or a positive number, got {args.top}")
    proj = project(read_graph(args.graph))
    stats = graph_stats(proj, top=args.top or None)
    ego = ego_network(proj, args.actor) if args.actor else None
    if args.format == "json":
        payload: dict[str, Any] = stats.to_dict()
        if ego is not None:
            payload["ego_network"] = ego.to_dict()
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(stats))
        if ego is not None:
            print(format_ego(ego, {k: proj.label(k) for k in ego.nodes}))
    return 0
