"""Tests for kg.validate and ``kg validate``: SHACL shapes on the seeds' graph and on graphs broken on purpose."""
import gc
import json

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import PROV

import kg
from kg.cli import cli
from kg.rdf import KG, NIF, SCHEMA
from kg.store import Store
from kg.validate import validate

E = "https://geokg.example/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def seed_quads(seed_store):
    """The seeds' quads as rdflib quads ``(s, p, o, g|None)``, ready for ``Store.add_quads``."""
    for q in seed_store.quads():
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else to_rdflib(q.graph_name)
        yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), g


# a minimal graph that conforms: one article, one statement with a quantity, one source with a claimant
ART, ST, SRC = URIRef(E + "article/a"), URIRef(E + "statement/s"), URIRef(E + "source/x")
QTY, WHO, VEN = URIRef(E + "statement/s/quantity"), URIRef(E + "entity/Q57413"), URIRef(E + "entity/Q717")


def minimal():
    g = ART
    return [
        (ART, RDF.type, SCHEMA.NewsArticle, None),
        (VEN, RDF.type, SCHEMA.Country, g), (VEN, RDFS.label, Literal("Venezuela"), g),
        (WHO, RDF.type, SCHEMA.Person, g), (WHO, RDFS.label, Literal("Nicolás Maduro"), g),
        (ST, RDF.type, KG.Statement, g), (ST, KG.predicate, KG.possesses, g), (ST, KG.subject, VEN, g),
        (ST, KG.quantity, QTY, g),
        (QTY, RDF.type, SCHEMA.QuantitativeValue, g), (QTY, SCHEMA.value, Literal(5000, datatype=INTEGER), g),
        (SRC, RDF.type, KG.Source, g), (SRC, KG.supports, ST, g), (SRC, PROV.wasQuotedFrom, ART, g),
        (SRC, NIF.anchorOf, Literal("no less than 5,000"), g),
        (SRC, NIF.beginIndex, Literal(10, datatype=INTEGER), g),
        (SRC, NIF.endIndex, Literal(28, datatype=INTEGER), g),
        (SRC, KG.status, KG.Unverified, g), (SRC, KG.claimant, WHO, g),
    ]


def store_of(quads) -> Store:
    st = Store()
    st.add_quads(quads)
    return st


def keys(report):
    return {(r["focus"], r["path"]) for r in report.results}


# ------------------------------------------------------------------ the seeds

def test_the_seeds_graph_conforms(seed_store):
    report = kg.api.validate(seed_store)
    assert report.conforms, report.text
    assert report.results == []
    assert report.text.startswith("conforms")


# ------------------------------------------------------------------ a broken graph

def test_a_broken_graph_fails_with_a_readable_report(seed_store):
    quads = list(seed_quads(seed_store))
    source = min(s for s, p, _, _ in quads if p == NIF.anchorOf)
    quantity = min(s for s, p, o, _ in quads if p == RDF.type and o == SCHEMA.QuantitativeValue)
    broken = [(s, p, o, g) for s, p, o, g in quads if not (s == source and p == NIF.anchorOf)]
    broken = [(s, p, Literal("several thousand") if (s, p) == (quantity, SCHEMA.value) else o, g)
              for s, p, o, g in broken]

    report = validate(store_of(broken))

    assert not report.conforms
    assert keys(report) == {(str(source), str(NIF.anchorOf)), (str(quantity), str(SCHEMA.value))}
    by_path = {r["path"]: r for r in report.results}
    assert by_path[str(SCHEMA.value)]["value"] == "several thousand"
    assert all(r["severity"] == "Violation" and r["message"] for r in report.results)
    # the text names the focus nodes (with our prefixes) and the missing property
    short_source = "src:" + str(source)[len(E + "source/"):]
    assert f"Violation: {short_source}\n    nif:anchorOf: a source needs exactly one quote" in report.text
    assert "schema:value: a quantity needs a numeric value" in report.text
    assert "'several thousand'" in report.text
    assert report.text.startswith("does not conform: 2 result(s)")


def test_the_minimal_graph_conforms():
    report = validate(store_of(minimal()))
    assert report.conforms, report.text


def test_an_open_statement_conforms_and_a_broken_one_still_fails():
    # an open statement: its predicate named after the verb ("closed its border" -> kg:close), no kg:eventType
    report = validate(store_of(_with(ST, KG.predicate, KG["close"])))
    assert report.conforms, report.text
    broken = [q for q in _with(ST, KG.predicate, KG["close"]) if (q[0], q[1]) != (SRC, NIF.anchorOf)]
    assert not validate(store_of(broken)).conforms


def _without(s, p):
    return [q for q in minimal() if (q[0], q[1]) != (s, p)]


def _with(s, p, o):
    return [(qs, qp, o if (qs, qp) == (s, p) else qo, g) for qs, qp, qo, g in minimal()]


@pytest.mark.parametrize("name, quads, focus, path", [
    ("no begin offset", _without(SRC, NIF.beginIndex), SRC, NIF.beginIndex),
    ("offset not an integer", _with(SRC, NIF.endIndex, Literal("28")), SRC, NIF.endIndex),
    ("begin after end", _with(SRC, NIF.beginIndex, Literal(40, datatype=INTEGER)), SRC, NIF.beginIndex),
    ("no article", _without(SRC, PROV.wasQuotedFrom), SRC, PROV.wasQuotedFrom),
    ("quoted from a non-article", _with(SRC, PROV.wasQuotedFrom, VEN), SRC, PROV.wasQuotedFrom),
    ("supports nothing", _without(SRC, KG.supports), SRC, KG.supports),
    ("unknown status", _with(SRC, KG.status, KG.Rumoured), SRC, KG.status),
    ("no status", _without(SRC, KG.status), SRC, KG.status),
    ("claimant without a label", _without(WHO, RDFS.label), SRC, KG.claimant),
    ("entity without a label", _without(VEN, RDFS.label), VEN, RDFS.label),
    ("statement without a predicate", _without(ST, KG.predicate), ST, KG.predicate),
])
def test_each_shape_catches_its_fault(name, quads, focus, path):
    report = validate(store_of(quads))
    assert not report.conforms, name
    assert (str(focus), str(path)) in keys(report), report.text


def test_a_statement_without_a_source_is_caught():
    quads = [q for q in minimal() if q[0] != SRC]
    report = validate(store_of(quads))
    assert (str(ST), "^" + str(KG.supports)) in keys(report), report.text
    assert "^kg:supports" in report.text


# ------------------------------------------------------------------ kg validate

@pytest.fixture
def broken_store_path(tmp_path):
    """A store on disk whose source has no quote (released before the command opens it)."""
    path = tmp_path / "store"
    st = Store(path)
    st.add_quads(_without(SRC, NIF.anchorOf))
    st.flush()
    del st
    gc.collect()
    return path


def test_cli_validate_seeds(seed_build):
    out, _ = seed_build
    r = CliRunner().invoke(cli, ["validate", "--store", str(out / "store")])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("conforms")


def test_cli_validate_broken_store(broken_store_path):
    r = CliRunner().invoke(cli, ["validate", "--store", str(broken_store_path)])
    assert r.exit_code == 1
    err = r.stderr.strip()
    assert err.startswith("Error: ") and "\n" not in err and "does not conform" in err
    assert "src:x" in r.stdout and "nif:anchorOf" in r.stdout
    assert "Traceback" not in r.output


def test_cli_validate_json(broken_store_path):
    r = CliRunner().invoke(cli, ["validate", "--store", str(broken_store_path), "--format", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["conforms"] is False
    assert doc["results"] == [{"focus": str(SRC), "path": str(NIF.anchorOf), "severity": "Violation",
                               "message": "a source needs exactly one quote (nif:anchorOf, a string)",
                               "value": None}]


def test_validate_help_has_an_example():
    r = CliRunner().invoke(cli, ["validate", "--help"])
    assert r.exit_code == 0 and "Example: kg validate" in r.stdout
