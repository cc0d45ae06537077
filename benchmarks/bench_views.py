"""Benchmark: projecting a graph for the views, against rdflib SPARQL as the baseline, plus stats and render.

    PYTHONPATH=src python benchmarks/bench_views.py [--articles 100] [--actors 400]

Builds a synthetic graph (ten statements of three targets each per article, speakers and targets drawn
with a fixed seed from --actors actors, stances mixed) through newsgraph.graph.build_graph, then times in the same run:
  - baseline: the one SPARQL query that gives a row per statement-target pair (rdflib's engine);
  - newsgraph.analytics.project (a predicate index over the same terms);
  - graph_stats on the projection, and render_page (layout included).
Prints seconds and the baseline/project ratio.
"""

from __future__ import annotations

import argparse
import random
import time

from newsgraph.analytics import graph_stats, project
from newsgraph.graph import build_graph
from newsgraph.model import Article, Cue, Entity, Extraction, Span, Speaker, Statement, Target
from newsgraph.render import render_page

BASELINE_QUERY = """
PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT ?st ?speaker ?cue ?cs ?ce ?article ?text ?target ?stance ?evidence ?via WHERE {
  ?st prov:wasAttributedTo ?speaker .
  OPTIONAL { ?st ng:cueText ?cue } OPTIONAL { ?st ng:cueStart ?cs } OPTIONAL { ?st ng:cueEnd ?ce }
  OPTIONAL { ?st prov:wasDerivedFrom ?article } OPTIONAL { ?st schema:text ?text }
  OPTIONAL { ?st ng:hasTarget ?tl . ?tl ng:targetActor ?target .
             OPTIONAL { ?tl ng:stance ?stance } OPTIONAL { ?tl ng:evidenceText ?evidence }
             OPTIONAL { ?tl ng:via ?via } }
}
"""


def synthetic(articles: int, actors: int) -> list[Extraction]:
    rng = random.Random(1)
    out = []
    for a in range(articles):
        text = "عنوان\n\n" + "قال س إن ص. " * 10
        art = Article.from_text(text, id=f"art{a}")
        keys = [f"a{rng.randrange(actors)}" for _ in range(40)]
        ents = tuple(Entity(key=k, label=f"فاعل {k}", type=rng.choice(["PER", "ORG", "GPE"]))
                     for k in sorted(set(keys)))
        statements = []
        for i in range(10):
            cue = 7 + i * 12
            targets = tuple(Target(entity=k, label=k, mention=Span.of(text, cue + 4, cue + 5),
                                   stance=rng.choice(["pos", "neg", "neu", "neu"]))
                            for k in sorted(set(keys[i * 4 + 1:i * 4 + 4])))
            statements.append(Statement(id=f"art{a}/{cue}", kind="direct", cue=Cue(cue, cue + 3, "قال", "قال"),
                                        speaker=Speaker(entity=keys[i * 4], label=keys[i * 4], resolved_by="explicit"),
                                        content=Span.of(text, cue + 4, cue + 10), targets=targets))
        out.append(Extraction(article=art, entities=ents, statements=tuple(statements)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--actors", type=int, default=400)
    args = parser.parse_args()
    graph = build_graph(synthetic(args.articles, args.actors))
    print(f"graph: {args.articles} articles, {len(graph)} triples")
    t = time.perf_counter()
    rows = list(graph.query(BASELINE_QUERY))
    baseline = time.perf_counter() - t
    print(f"baseline rdflib SPARQL projection query: {baseline:.2f} s ({len(rows)} rows)")
    t = time.perf_counter()
    proj = project(graph)
    projected = time.perf_counter() - t
    print(f"analytics.project: {projected:.2f} s ({proj.statements.number_of_edges()} edges, "
          f"{proj.actor_graph.number_of_nodes()} actors)")
    print(f"ratio baseline/project: {baseline / projected:.1f}x")
    t = time.perf_counter()
    graph_stats(proj, top=10)
    print(f"graph_stats: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    page = render_page(proj)
    print(f"render_page: {time.perf_counter() - t:.2f} s ({len(page) // 1024} KB)")


if __name__ == "__main__":
    main()
