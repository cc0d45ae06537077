"""The RDF vocabulary newsgraph writes, as rdflib ``DefinedNamespace`` classes.

``NG`` mirrors ``ontologies/newsgraph.ttl`` term for term (tests/test_ontology.py fails when
the two differ), and ``OA`` lists the W3C Web Annotation terms used for text positions; both
raise ``AttributeError`` on an undefined term, so a typo such as ``NG.cueStrat`` fails at once
instead of writing a triple nobody queries.  The other vocabularies come from rdflib
(``PROV``, ``SDO`` for schema.org, ``SKOS``, ``DCTERMS``, ``OWL``, ``RDFS``, ``XSD``).

    >>> NG.talksAbout
    rdflib.term.URIRef('https://w3id.org/newsgraph/ns#talksAbout')
    >>> NG.talksAbuot
    Traceback (most recent call last):
    ...
    AttributeError: term 'talksAbuot' not in namespace 'https://w3id.org/newsgraph/ns#'
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD, DefinedNamespace

__all__ = [
    "DCTERMS",
    "NG",
    "NGID",
    "OA",
    "ONTOLOGY_PATH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "SHAPES_PATH",
    "SKOS",
    "XSD",
    "bind_prefixes",
]

# ontologies/ sits beside src/ in a checkout; the files are read only by tests, validation and docs
_ROOT = Path(__file__).resolve().parent.parent.parent
ONTOLOGY_PATH = _ROOT / "ontologies" / "newsgraph.ttl"
SHAPES_PATH = _ROOT / "ontologies" / "newsgraph-shapes.ttl"

NGID = Namespace("https://w3id.org/newsgraph/id/")
"""Data IRIs: ngid:article/..., ngid:actor/..., ngid:statement/..., ngid:relation/..., ngid:graph/..."""


class NG(DefinedNamespace):
    """The newsgraph ontology, https://w3id.org/newsgraph/ns# (ontologies/newsgraph.ttl)."""

    _NS = Namespace("https://w3id.org/newsgraph/ns#")
    _fail = True

    # classes
    Actor: URIRef  # someone who speaks or is spoken about (⊑ prov:Agent)
    Person: URIRef  # entity type PER
    Organization: URIRef  # entity type ORG
    Place: URIRef  # entity types GPE, LOC
    Statement: URIRef  # one reported speech act (⊑ schema:Quotation, prov:Entity)
    DirectStatement: URIRef
    IndirectStatement: URIRef
    MixedStatement: URIRef
    TargetLink: URIRef  # one statement-target pair carrying the stance
    Stance: URIRef
    ActorRelation: URIRef  # signed speaker->target shortcut with counts

    # stance individuals
    Positive: URIRef
    Negative: URIRef
    Neutral: URIRef

    # article
    articleId: URIRef
    text: URIRef  # a short lead excerpt, never the full text
    charCount: URIRef
    warning: URIRef

    # actor
    actorKey: URIRef
    entityType: URIRef
    iso3166: URIRef
    geonames: URIRef

    # statement
    statementId: URIRef
    required: URIRef
    cueText: URIRef
    cueLemma: URIRef
    cueType: URIRef
    cueStart: URIRef
    cueEnd: URIRef
    contentStart: URIRef
    contentEnd: URIRef
    cueAnchor: URIRef
    contentAnchor: URIRef
    speakerText: URIRef
    speakerStart: URIRef
    speakerEnd: URIRef
    speakerTitle: URIRef
    speakerRole: URIRef
    speakerOrganization: URIRef
    resolvedBy: URIRef
    hasTarget: URIRef

    # target link
    targetActor: URIRef
    stance: URIRef
    via: URIRef
    mentionText: URIRef
    mentionStart: URIRef
    mentionEnd: URIRef
    evidenceText: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef

    # materialised shortcuts
    talksAbout: URIRef
    fromActor: URIRef
    toActor: URIRef
    statementCount: URIRef
    positiveCount: URIRef
    negativeCount: URIRef
    neutralCount: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms newsgraph uses for character positions (http://www.w3.org/ns/oa#)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef


PREFIXES: dict[str, str] = {
    "ng": str(NG),
    "ngid": str(NGID),
    "prov": str(PROV),
    "schema": str(SDO),
    "skos": str(SKOS),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}
"""Prefix -> namespace IRI, as bound on every graph newsgraph builds and in the example queries."""


def bind_prefixes(graph: object) -> None:
    """Bind the newsgraph prefixes (ng, ngid, prov, schema, skos, oa ...) on an rdflib graph or dataset.

    Args:
        graph: an ``rdflib.Graph`` or ``rdflib.Dataset``.

    Example: after ``bind_prefixes(ds)``, Turtle shows ``ngid:actor/%D8%A8%D9%88%D8%AA%D9%8A%D9%86`` style names.
    """
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)  # type: ignore[attr-defined]
