"""Tests for kg/ontology.ttl: valid Turtle that documents every term geokg emits."""
import csv
import re
import tomllib
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

ROOT = Path(__file__).parent.parent
ONTOLOGY = ROOT / "kg" / "ontology.ttl"
RDF_SOURCE = ROOT / "kg" / "rdf.py"
EVENTS = ROOT / "kg" / "data" / "events.csv"
LEXICON = ROOT / "kg" / "data" / "lexicon.toml"

# The file is written for the default base (kg/config.py); terms are compared by local name
# so the tests also pass when GEOKG_BASE is set.
KG = Namespace("https://geokg.example/ontology#")
CAMEO_SCHEME = URIRef("https://geokg.example/cameo/scheme")


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _local(iri) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _event_predicates() -> set[str]:
    with EVENTS.open(newline="", encoding="utf-8") as f:
        return {r["predicate"].strip() for r in csv.DictReader(f)}


def _measure_predicates() -> set[str]:
    with LEXICON.open("rb") as f:
        return set(tomllib.load(f)["measures"]["nouns"].values())


def _rdf_terms() -> set[str]:
    """Local names of the kg: terms kg/rdf.py uses: ``KG.name``, ``KG["name"]`` and its maps."""
    from kg import rdf
    src = RDF_SOURCE.read_text(encoding="utf-8")
    names = set(re.findall(r"\bKG\.([A-Za-z_]\w*)", src))
    names |= set(re.findall(r"""\bKG\[\s*["']([^"']+)["']\s*\]""", src))
    for iri in (*rdf.STATUS_IRIS.values(), *rdf.QUALIFIER_IRIS.values(), *rdf.ENTITY_CLASSES.values()):
        if str(iri).startswith(str(rdf.KG)):
            names.add(str(iri)[len(str(rdf.KG)):])
    return names


def test_parses_as_turtle(g):
    assert len(g) > 100
    assert (URIRef("https://geokg.example/ontology"), RDF.type, OWL.Ontology) in g


def test_header_explains_the_model(g):
    comment = str(g.value(URIRef("https://geokg.example/ontology"), RDFS.comment))
    for phrase in ("named graph", "kg:Source", "kg:claimant", "not_", "prov:SoftwareAgent",
                   "most doubtful", "nif:beginIndex", "schema:minValue"):
        assert phrase in comment, phrase


def test_rdf_terms_found(g):
    names = _rdf_terms()
    # the source scan must see the core of the model, or the next test proves nothing
    assert {"Statement", "Source", "supports", "status", "relation", "Reported", "AtLeast",
            "WeaponSystem", "Group", "Thing", "sha256"} <= names


def test_every_rdf_term_is_documented(g):
    missing = sorted(n for n in _rdf_terms() if g.value(KG[n], RDFS.comment) is None)
    assert not missing, f"kg: terms used by kg/rdf.py without rdfs:comment: {missing}"


@pytest.mark.parametrize("kind,names", [("events.csv", _event_predicates()),
                                        ("lexicon [measures.nouns]", _measure_predicates())])
def test_predicates_are_relations(g, kind, names):
    assert names
    clashes = _rdf_terms()   # reported by test_relation_predicates_do_not_reuse_vocabulary_terms
    missing = sorted(p for p in names - clashes if (KG[p], RDFS.subPropertyOf, KG.relation) not in g)
    assert not missing, f"{kind} predicates not declared rdfs:subPropertyOf kg:relation: {missing}"


@pytest.mark.parametrize("name", ["possesses", "holds_office", "claims_count", "similar_to"])
def test_extractor_relations_declared(g, name):
    assert (KG[name], RDFS.subPropertyOf, KG.relation) in g
    assert (KG[name], RDF.type, OWL.ObjectProperty) in g


def test_relation_predicates_do_not_reuse_vocabulary_terms():
    """A predicate named like a model property would merge with it (``kg:supports``)."""
    vocabulary = _rdf_terms()
    predicates = _event_predicates() | _measure_predicates() | {
        "possesses", "holds_office", "claims_count", "similar_to"}
    clashes = sorted(predicates & vocabulary)
    assert not clashes, f"relation predicates that are also kg: vocabulary terms: {clashes}"


def _individuals(g, cls):
    return {s for s in g.subjects(RDF.type, cls)}


@pytest.mark.parametrize("cls,scheme,values,iris", [
    ("Status", "StatusScheme", "STATUSES", "STATUS_IRIS"),
    ("Qualifier", "QualifierScheme", "QUALIFIERS", "QUALIFIER_IRIS"),
])
def test_concept_notations(g, cls, scheme, values, iris):
    from kg import model, rdf
    mapping = getattr(rdf, iris)
    for value, iri in mapping.items():
        node = KG[_local(iri)]
        assert list(g.objects(node, SKOS.notation)) == [Literal(value)], node
        assert (node, RDF.type, KG[cls]) in g
        assert (node, RDF.type, SKOS.Concept) in g
        assert (node, SKOS.inScheme, KG[scheme]) in g
    # snake_case / lower-case values: the local name in CamelCase -> the notation
    for node in _individuals(g, KG[cls]):
        camel = re.sub(r"(?<!^)(?=[A-Z])", "_", _local(node)).lower()
        assert g.value(node, SKOS.notation) == Literal(camel), node
    notations = {str(g.value(n, SKOS.notation)) for n in _individuals(g, KG[cls])}
    assert notations == set(getattr(model, values))
    assert (KG[scheme], RDF.type, SKOS.ConceptScheme) in g


def test_cameo_scheme(g):
    assert (CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme) in g
    assert "1.1b3" in str(g.value(CAMEO_SCHEME, RDFS.comment))


def test_every_kg_subject_has_label_and_comment(g):
    subjects = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    assert len(subjects) > 60
    bad = sorted(_local(s) for s in subjects
                 if g.value(s, RDFS.label) is None or g.value(s, RDFS.comment) is None)
    assert not bad, f"kg: subjects without rdfs:label or rdfs:comment: {bad}"


def test_labels_match_build_time_labels(g):
    """kg/rdf.py labels each predicate it uses ``name.replace('_', ' ')``; one label, not two."""
    for p in _event_predicates() | _measure_predicates():
        if (KG[p], RDFS.subPropertyOf, KG.relation) in g:
            assert list(g.objects(KG[p], RDFS.label)) == [Literal(p.replace("_", " "))], p


def test_assessment_terms_are_documented(g):
    """kg/corroborate.py's terms and the Admiralty scales: documented, each grade with its notation."""
    from kg import rdf
    src = (ROOT / "kg" / "corroborate.py").read_text(encoding="utf-8")
    names = set(re.findall(r"\bKG\.([A-Za-z_]\w*)", src))
    assert {"origin", "origins", "credibility", "reliability", "conflictsWith", "refines", "Origin"} <= names
    missing = sorted(n for n in names if g.value(KG[n], RDFS.comment) is None)
    assert not missing, missing
    for scheme, iris in (("CredibilityScheme", rdf.CREDIBILITY_IRIS), ("ReliabilityScheme", rdf.RELIABILITY_IRIS)):
        for code, iri in iris.items():
            term = KG[_local(iri)]
            assert g.value(term, RDFS.comment) is not None, iri
            assert (term, SKOS.inScheme, KG[scheme]) in g
            assert str(g.value(term, SKOS.notation)) == str(code)
