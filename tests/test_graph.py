"""Extractions -> RDF: deterministic IRIs, idempotent adds, offsets, relations, exports, shapes."""

from __future__ import annotations

import dataclasses

import pyoxigraph
import pytest
from rdflib import Literal

from conftest import SEED_ARTICLE
from newsgraph.errors import GraphError
from newsgraph.graph import (
    RELATIONS_GRAPH,
    actor_iri,
    add_extraction,
    article_triples,
    article_ids,
    build_graph,
    datasets_isomorphic,
    describe_difference,
    export,
    graph_iri,
    load,
    relation_iri,
    statement_iri,
    union_graph,
    validate,
)
from newsgraph.model import Article, Cue, Entity, Extraction, Span, Speaker, Statement, Target
from newsgraph.vocab import NG, OA, PROV, SDO, SKOS
from seed_fixture import seed_gold_extraction, seed_pipeline_extraction

# "قال وزير الخارجية الأمريكي إن روسيا تتحمل المسؤولية" — a hand-made two-statement article
TEXT = "عنوان الخبر\n\nقال وزير الخارجية الأمريكي إن روسيا تتحمل المسؤولية. وأضاف أن سوريا بحاجة إلى السلام."


def _span(text: str, surface: str, start: int = 0) -> Span:
    i = text.index(surface, start)
    return Span(i, i + len(surface), surface)


def hand_made(article_id: str = "a1", stance: str | None = "neg") -> Extraction:
    art = Article.from_text(TEXT, id=article_id, source="example", date="2015-10-01", url="http://example.com/a1")
    qal, adaf = _span(TEXT, "قال"), _span(TEXT, "وأضاف")
    russia, syria = _span(TEXT, "روسيا"), _span(TEXT, "سوريا")
    minister = _span(TEXT, "وزير الخارجية الأمريكي")
    speaker = Speaker(entity="us_sec_state", label="وزير الخارجية الأمريكي", resolved_by="explicit", mention=minister,
                      title="وزير", role="وزير الخارجية", organization="الولايات المتحدة")
    s1 = Statement(id="s1", kind="indirect", cue=Cue(qal.start, qal.end, qal.text, "قال"), speaker=speaker,
                   content=Span.of(TEXT, russia.start, TEXT.index(".")),
                   targets=(Target(entity="russia", label="روسيا", mention=russia, stance=stance,  # type: ignore[arg-type]
                                   evidence=_span(TEXT, "تتحمل المسؤولية")),))
    s2 = Statement(id="s2", kind="direct", cue=Cue(adaf.start, adaf.end, adaf.text, "أضاف"),
                   speaker=Speaker(entity="us_sec_state", label="وزير الخارجية الأمريكي", resolved_by="previous"),
                   targets=(Target(entity="syria", label="سوريا", mention=syria),))
    ents = (Entity(key="russia", label="روسيا", type="GPE", label_en="Russia", aliases=("موسكو",),
                   ids=(("iso3166", "RU"), ("wikidata", "Q159"))),
            Entity(key="syria", label="سوريا", type="GPE", label_en="Syria"),
            Entity(key="us_sec_state", label="وزير الخارجية الأمريكي", type="PER"),
            Entity(key="usa", label="الولايات المتحدة", type="GPE", label_en="United States"))
    return Extraction(article=art, entities=ents, statements=(s1, s2))


def test_two_builds_are_isomorphic():
    a, b = build_graph([hand_made()]), build_graph([hand_made()])
    assert datasets_isomorphic(a, b), describe_difference(a, b)


def test_adding_the_same_article_twice_adds_nothing():
    ds = build_graph([hand_made()])
    before = len(union_graph(ds))
    build_graph([hand_made()], graph=ds)
    assert len(union_graph(ds)) == before
    assert article_ids(ds) == {"a1"}


def test_an_article_added_again_is_replaced_not_merged():
    ds = build_graph([hand_made(stance="neg")])
    build_graph([hand_made(stance="pos")], graph=ds)
    link = ds.value(statement_iri("a1", TEXT.index("قال")), NG.hasTarget)
    assert set(ds.objects(link, NG.stance)) == {NG.Positive}
    rel = relation_iri("us_sec_state", "russia")
    assert ds.value(rel, NG.positiveCount) == Literal(1) and ds.value(rel, NG.negativeCount) == Literal(0)


def test_add_extraction_can_keep_the_existing_article():
    ds = build_graph([hand_made(stance="neg")])
    assert add_extraction(ds, hand_made(stance="pos"), replace=False) is False
    link = ds.value(statement_iri("a1", TEXT.index("قال")), NG.hasTarget)
    assert ds.value(link, NG.stance) == NG.Negative


def test_statement_iris_come_from_article_id_and_cue_offset():
    ds = build_graph([hand_made()])
    stmt = statement_iri("a1", TEXT.index("قال"))
    assert str(stmt) == f"https://w3id.org/newsgraph/id/statement/a1/{TEXT.index('قال')}"
    assert ds.value(stmt, PROV.wasAttributedTo) == actor_iri("us_sec_state")
    assert (stmt, PROV.wasAttributedTo, actor_iri("us_sec_state")) in ds.graph(graph_iri("a1"))


def test_every_offset_points_at_its_text():
    # "قال وزير الخارجية الأمريكي إن روسيا ...": cue, content, speaker, mention and evidence spans
    ds = build_graph([hand_made()])
    pairs = [(NG.cueText, NG.cueStart, NG.cueEnd), (SDO.text, NG.contentStart, NG.contentEnd),
             (NG.speakerText, NG.speakerStart, NG.speakerEnd), (NG.mentionText, NG.mentionStart, NG.mentionEnd),
             (NG.evidenceText, NG.evidenceStart, NG.evidenceEnd)]
    checked = 0
    for text_p, start_p, end_p in pairs:
        for node, surface in ds.subject_objects(text_p):
            start, end = ds.value(node, start_p).toPython(), ds.value(node, end_p).toPython()
            assert TEXT[start:end] == str(surface)
            checked += 1
    assert checked == 7


def test_every_statement_has_cue_offsets_and_a_text_position_selector():
    ds = build_graph([hand_made()])
    for stmt in ds.subjects(NG.cueStart, None):
        anchor = ds.value(stmt, NG.cueAnchor)
        selector = ds.value(anchor, OA.hasSelector)
        assert ds.value(selector, OA.start).toPython() == ds.value(stmt, NG.cueStart).toPython()


def test_talks_about_and_signed_relations():
    ds = build_graph([hand_made(), hand_made("a2")])
    assert (actor_iri("us_sec_state"), NG.talksAbout, actor_iri("russia")) in ds
    rel = relation_iri("us_sec_state", "russia")
    assert (rel, NG.statementCount, Literal(2)) in ds.graph(RELATIONS_GRAPH)
    assert ds.value(rel, NG.negativeCount) == Literal(2)
    # no stance on the syria target: counted as neutral
    assert ds.value(relation_iri("us_sec_state", "syria"), NG.neutralCount) == Literal(2)


def test_actor_labels_ids_and_affiliation():
    ds = build_graph([hand_made()])
    russia = actor_iri("russia")
    assert Literal("روسيا", lang="ar") in set(ds.objects(russia, SKOS.prefLabel))
    assert Literal("Russia", lang="en") in set(ds.objects(russia, SKOS.prefLabel))
    assert Literal("موسكو", lang="ar") in set(ds.objects(russia, SKOS.altLabel))
    assert ds.value(russia, NG.iso3166) == Literal("RU")
    assert (actor_iri("us_sec_state"), SDO.affiliation, actor_iri("usa")) in ds


def test_unknown_statement_kind_is_a_clear_error():
    ex = hand_made()
    bad = Extraction(article=ex.article, statements=(Statement(id="x", kind="nested", cue=ex.statements[0].cue,  # type: ignore[arg-type]
                                                               speaker=ex.statements[0].speaker),))
    with pytest.raises(GraphError, match="nested"):
        build_graph([bad])


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig", ".nq"])
def test_exports_round_trip(tmp_path, suffix):
    ds = build_graph([hand_made(), hand_made("a2")])
    back = load(export(ds, tmp_path / f"g{suffix}"))
    quads = suffix in (".trig", ".nq", ".jsonld")
    assert datasets_isomorphic(ds, back, union=not quads), describe_difference(ds, back)


def test_seed_gold_graph_round_trips_and_conforms(tmp_path):
    ds = build_graph([seed_gold_extraction()])
    for suffix in (".ttl", ".trig"):  # every format is round-tripped on the hand-made graph above
        back = load(export(ds, tmp_path / f"seed{suffix}"))
        assert datasets_isomorphic(ds, back, union=True), describe_difference(ds, back)
    conforms, report = validate(ds)
    assert conforms, report


@pytest.mark.parametrize("source", ["pipeline", "gold"])
def test_rdflib_and_pyoxigraph_read_the_seed_turtle_to_the_same_count(tmp_path, source, morphology):
    ds = build_graph([seed_pipeline_extraction() if source == "pipeline" else seed_gold_extraction()])
    path = export(ds, tmp_path / "seed.ttl")
    store = pyoxigraph.Store()
    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(load(path)) == len(union_graph(ds))


def test_a_graph_breaking_the_shapes_is_reported():
    ds = build_graph([hand_made()])
    stmt = statement_iri("a1", TEXT.index("قال"))
    ds.graph(graph_iri("a1")).remove((stmt, NG.cueStart, None))
    conforms, report = validate(ds)
    assert not conforms and "cueStart" in report


def test_the_real_pipeline_output_of_the_seed_builds_and_conforms(morphology):
    ex = seed_pipeline_extraction()
    ds = build_graph([ex])
    conforms, report = validate(ds)
    assert conforms, report
    # every statement the pipeline found is in the graph, with its cue where the article has it
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    cues = {(s.toPython(), e.toPython()) for _, s, e in ((n, ds.value(n, NG.cueStart), ds.value(n, NG.cueEnd))
                                                          for n in ds.subjects(NG.cueText, None))}
    assert cues == {(s.cue.start, s.cue.end) for s in ex.statements}
    for n in ds.subjects(NG.cueText, None):
        start, end = ds.value(n, NG.cueStart).toPython(), ds.value(n, NG.cueEnd).toPython()
        assert str(ds.value(n, NG.cueText)) == text[start:end]


def test_relation_counts_that_do_not_add_up_break_the_shapes():
    ds = build_graph([hand_made()])
    ds.graph(RELATIONS_GRAPH).set((relation_iri("us_sec_state", "russia"), NG.statementCount, Literal(9)))
    conforms, report = validate(ds)
    assert not conforms and "sum" in report


def test_article_triples_without_into_is_a_self_contained_article_graph():
    ex = hand_made()
    inline = set(article_triples(ex))
    descriptions: dict = {}
    split = set(article_triples(ex, into=descriptions))
    actors = {t for triples in descriptions.values() for t in triples}
    assert inline == split | actors
    assert (actor_iri("russia"), SKOS.prefLabel, Literal("روسيا", lang="ar")) in actors


def test_a_later_article_with_another_label_keeps_one_preferred_label_per_language():
    # "روسيه" (a common spelling of روسيا) in a second article becomes an alternative label
    first = hand_made("a1")
    other = Entity(key="russia", label="روسيه", type="GPE", label_en="Russia")
    second = dataclasses.replace(hand_made("a2"), entities=(other,))
    ds = build_graph([first, second])
    assert set(ds.objects(actor_iri("russia"), SKOS.prefLabel)) == {Literal("روسيا", lang="ar"),
                                                                     Literal("Russia", lang="en")}
    assert Literal("روسيه", lang="ar") in set(ds.objects(actor_iri("russia"), SKOS.altLabel))
    assert validate(ds)[0]


def test_an_unresolved_speaker_names_no_actor_and_still_conforms():
    """"وأضاف أن سوريا ..." with no speaker found: the statement stays, with no actor behind it."""
    ex = hand_made()
    s2 = dataclasses.replace(ex.statements[1], speaker=Speaker(entity=None, label="", resolved_by="unresolved"))
    ds = build_graph([dataclasses.replace(ex, statements=(ex.statements[0], s2))])
    stmt = statement_iri("a1", TEXT.index("وأضاف"))
    assert (stmt, NG.resolvedBy, Literal("unresolved")) in ds
    assert ds.value(stmt, PROV.wasAttributedTo) is None and ds.value(stmt, PROV.wasQuotedFrom) is None
    assert actor_iri("") not in set(ds.subjects()) | set(ds.objects())
    conforms, report = validate(ds)
    assert conforms, report
    # a statement with neither a speaker nor the "unresolved" mark breaks the shapes
    ds.graph(graph_iri("a1")).remove((stmt, NG.resolvedBy, None))
    assert not validate(ds)[0]


def test_pyoxigraph_nquads_hold_the_rdflib_triples_of_the_seed_article():
    # both writers take their terms from graph.article_plain_triples: the same triples, literal by literal
    # (integers, booleans, dates and language tags included)
    from rdflib import Dataset

    from newsgraph.corpus.rdf import extraction_nquads

    ex = seed_pipeline_extraction()
    want = set(article_triples(ex))
    ds = Dataset()
    ds.parse(data=extraction_nquads(ex), format="nquads")
    got = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert got == want and len(want) > 100


def test_nquads_lines_are_pyoxigraphs_own_serialisation_of_the_seed_article():
    # the N-Quads are joined from cached term strings: byte for byte what pyoxigraph's serialiser writes,
    # also for a second article (terms then come from the cache) and for quotes, newlines and backslashes
    from newsgraph.corpus.rdf import _ox_plain, extraction_nquads
    from newsgraph.graph import article_plain_triples

    ex = seed_pipeline_extraction()
    odd = dataclasses.replace(ex, article=dataclasses.replace(ex.article, id="a2", title='قال: "نعم"\\\n'))
    for extraction in (ex, odd, ex):
        name = pyoxigraph.NamedNode(str(graph_iri(extraction.article.id)))
        quads = [pyoxigraph.Quad(*(_ox_plain(t) for t in triple), name) for triple in article_plain_triples(extraction)]
        want = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
        assert want is not None and extraction_nquads(extraction) == want.decode("utf-8")
