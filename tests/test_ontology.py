"""The ontology file, its code mirror (vocab.py) and the SHACL shapes agree with each other."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from newsgraph.vocab import NG, OA, ONTOLOGY_PATH, SHAPES_PATH

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _ng_terms_in(graph: Graph) -> set[str]:
    ns = str(NG)
    return {str(s)[len(ns):] for s, _, o in graph.triples((None, RDF.type, None))
            if o in DECLARATIONS and isinstance(s, URIRef) and str(s).startswith(ns)}


def _vocab_terms() -> set[str]:
    return {name for name in NG.__annotations__ if not name.startswith("_")}


def test_vocab_declares_only_what_the_ontology_defines(ontology):
    extra = _vocab_terms() - _ng_terms_in(ontology)
    assert not extra, f"vocab.py declares terms ontologies/newsgraph.ttl does not define: {sorted(extra)}"


def test_ontology_defines_only_what_vocab_declares(ontology):
    missing = _ng_terms_in(ontology) - _vocab_terms()
    assert not missing, f"ontologies/newsgraph.ttl defines ng: terms vocab.py lacks: {sorted(missing)}"


def test_every_ng_term_used_in_the_ontology_is_declared(ontology):
    ns = str(NG)
    used = {str(t)[len(ns):] for triple in ontology for t in triple
            if isinstance(t, URIRef) and str(t).startswith(ns)}
    assert used <= _ng_terms_in(ontology), sorted(used - _ng_terms_in(ontology))


def test_every_minted_term_has_label_comment_and_arabic_and_english_labels(ontology):
    for name in sorted(_ng_terms_in(ontology)):
        term = NG[name]
        assert (term, RDFS.label, None) in ontology, f"ng:{name} has no rdfs:label"
        assert (term, RDFS.comment, None) in ontology, f"ng:{name} has no rdfs:comment"
        langs = {o.language for o in ontology.objects(term, SKOS.prefLabel)}
        assert {"ar", "en"} <= langs, f"ng:{name} lacks a skos:prefLabel in @ar or @en (has {langs})"


def test_a_typo_in_a_term_is_an_error():
    with pytest.raises(AttributeError):
        NG.cueStrat  # noqa: B018
    with pytest.raises(AttributeError):
        OA.TextPositonSelector  # noqa: B018


def test_the_ontology_reuses_prov_schema_and_web_annotation(ontology):
    assert (NG.Statement, RDFS.subClassOf, URIRef("https://schema.org/Quotation")) in ontology
    assert (NG.Actor, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")) in ontology
    assert (NG.cueAnchor, RDFS.range, OA.SpecificResource) in ontology


def test_the_shapes_parse_and_only_use_defined_ng_terms(ontology):
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    ns = str(NG)
    used = {str(t)[len(ns):] for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}
    assert used <= _ng_terms_in(ontology), sorted(used - _ng_terms_in(ontology))
