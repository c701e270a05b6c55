"""Tests for kg.export: RDF serialisations that round-trip, facts records, CSV rows (on the seed build)."""
import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import config
from kg.export import CSV_COLUMNS, facts, serialize, write, write_csv, write_facts
from kg.rdf import PREFIXES

from conftest import SEEDS

# rdflib's own parsers use its deprecated ConjunctiveGraph API: not our warnings
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

FACT_FIELDS = {"statement", "subject", "object", "subject_iri", "object_iri", "subject_type", "object_type",
               "predicate", "predicate_iri", "event_code", "location", "target", "recipient", "value",
               "qualifier", "unit", "claimant", "status", "time", "confidence", "sources"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term):
    """pyoxigraph term -> rdflib term, written here independently of kg."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def graph_of(quads) -> rdflib.Graph:
    g = rdflib.Graph()
    for q in quads:
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


@pytest.fixture(scope="module")
def quads(seed_store):
    return list(seed_store.quads())


@pytest.fixture(scope="module")
def records(seed_store):
    return facts(seed_store)


def test_store_is_not_empty(quads):
    assert len(quads) > 100
    assert any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    assert any(isinstance(q.graph_name, ox.NamedNode) for q in quads)


# ------------------------------------------------------------------ RDF formats

def test_turtle_is_the_union_of_all_graphs(seed_store, quads):
    data = serialize(seed_store, "turtle")
    parsed = rdflib.Graph().parse(data=data, format="turtle")
    expected = graph_of(quads)
    assert len(parsed) == len({q.triple for q in quads})
    assert isomorphic(parsed, expected)


def test_turtle_uses_our_prefixes(seed_store):
    text = serialize(seed_store, "turtle").decode("utf-8")
    for prefix in ("kg", "ent", "st", "src", "art", "schema", "prov", "nif"):
        assert f"@prefix {prefix}: <{PREFIXES[prefix]}>" in text


def test_trig_keeps_one_graph_per_article(seed_store, quads):
    ds = rdflib.Dataset()
    ds.parse(data=serialize(seed_store, "trig"), format="trig")
    names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert len(names) == 3                                     # the two seed articles and the assessment
    assert config.ASSESSMENT_GRAPH in names
    parsed_names = {str(g.identifier) for g in ds.graphs() if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
    assert parsed_names == names
    for name in names:
        expected = graph_of(q for q in quads if q.graph_name == ox.NamedNode(name))
        parsed = ds.graph(rdflib.URIRef(name))
        assert len(parsed) == len(expected)
        assert isomorphic(parsed, expected), name
    expected_default = graph_of(q for q in quads if isinstance(q.graph_name, ox.DefaultGraph))
    assert len(ds.default_graph) == len(expected_default)
    assert isomorphic(ds.default_graph, expected_default)


@pytest.mark.parametrize("fmt, rdflib_format, ox_format", [
    ("nquads", "nquads", ox.RdfFormat.N_QUADS),
    ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
])
def test_dataset_formats_parse_back_with_rdflib_and_pyoxigraph(seed_store, quads, fmt, rdflib_format, ox_format):
    data = serialize(seed_store, fmt)
    ds = rdflib.Dataset()
    ds.parse(data=data, format=rdflib_format)
    from_rdflib = set(ds.quads((None, None, None, None)))
    from_ox = set(ox.parse(data, format=ox_format))
    assert len(from_rdflib) == len(set(quads))
    assert len(from_ox) == len(set(quads))


def test_jsonld_has_our_context(seed_store):
    doc = json.loads(serialize(seed_store, "jsonld"))
    for prefix, iri in PREFIXES.items():
        assert doc["@context"][prefix] == iri
    assert isinstance(doc["@graph"], list) and doc["@graph"]


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld"])
def test_serialize_is_deterministic(seed_store, fmt):
    assert serialize(seed_store, fmt) == serialize(seed_store, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld"])
def test_write_streams_the_bytes_serialize_gives(seed_store, fmt, tmp_path):
    data = serialize(seed_store, fmt)
    write(seed_store, tmp_path / "out", fmt)
    assert (tmp_path / "out").read_bytes() == data
    buf = io.BytesIO()
    write(seed_store, buf, fmt)
    assert buf.getvalue() == data


class WholeStore:
    """A store with only the methods every store has (a remote one, say): exported by sorting it whole."""
    def __init__(self, store):
        self.store = store

    def quads(self):
        return self.store.quads()

    def union_triples(self):
        return self.store.union_triples()

    def article_graphs(self):
        return self.store.article_graphs()


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_the_order_does_not_depend_on_the_store_or_the_order_of_writing(seed_store, quads, fmt):
    import random

    from kg.store import Store
    want = serialize(seed_store, fmt)
    assert serialize(WholeStore(seed_store), fmt) == want
    by_graph = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(q)
    graphs = list(by_graph)
    rng = random.Random(7)
    for _ in range(2):
        other = Store()
        rng.shuffle(graphs)
        for g in graphs:                # graph by graph as a build writes them, each in another order
            batch = by_graph[g][:]
            rng.shuffle(batch)
            other.ox.extend([q if q.graph_name != ox.DefaultGraph() else   # in the store's own layout
                             ox.Quad(q.subject, q.predicate, q.object, other._default) for q in batch]
                            + [ox.Quad(q.subject, q.predicate, q.object, other.union_graph) for q in batch])
        assert serialize(other, fmt) == want


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_a_big_graph_is_sorted_subject_by_subject_into_the_same_bytes(seed_store, fmt, monkeypatch):
    import sys
    want = serialize(seed_store, fmt)
    monkeypatch.setattr(sys.modules["kg.export"], "SORT_IN_MEMORY", 10)
    assert serialize(seed_store, fmt) == want


def test_unknown_format_is_refused(seed_store):
    with pytest.raises(KeyError):
        serialize(seed_store, "rdfxml-ish")


# ------------------------------------------------------------------ facts

def test_facts_records_have_every_field(records):
    assert records
    for r in records:
        assert set(r) >= FACT_FIELDS, FACT_FIELDS - set(r)
        assert r["statement"].startswith("http")
        assert r["predicate_iri"].endswith(r["predicate"])
        assert r["status"] in ("reported", "claimed", "unverified", "disputed", "denied", "confirmed")
        assert 0 < r["confidence"] <= 1
        assert r["sources"]
        if r["value"] is not None:
            assert r["qualifier"] in ("exact", "at_least", "at_most", "more_than", "less_than", "approximately")


def test_one_record_per_statement(seed_store, records):
    statements = {r["statement"] for r in records}
    assert len(statements) == len(records)
    n = seed_store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement }").rows[0]["n"]
    assert len(records) == n


def test_facts_evidence_is_the_article_text_at_the_offsets(records):
    texts = {p.name: p.read_text() for p in SEEDS.glob("*.txt")}
    checked = 0
    for r in records:
        for s in r["sources"]:
            assert s["article"] in texts
            assert s["evidence"] == texts[s["article"]][s["start"]:s["end"]], (r["statement"], s)
            checked += 1
    assert checked >= len(records)


def test_some_statements_have_two_sources(records):
    # the two seeds tell the same story: fused statements carry both articles
    assert any(len({s["article"] for s in r["sources"]}) == 2 for r in records)


def test_write_facts_writes_jsonl(seed_store, records, tmp_path):
    path = tmp_path / "facts.jsonl"
    assert write_facts(seed_store, path) == len(records)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records


# ------------------------------------------------------------------ CSV

def test_write_csv_has_a_header_and_one_row_per_statement(seed_store, records):
    buf = io.StringIO()
    assert write_csv(seed_store, buf) == len(records)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == len(records) + 1
    by_statement = {r["statement"]: r for r in records}
    for row in rows[1:]:
        d = dict(zip(CSV_COLUMNS, row))
        rec = by_statement[d["statement"]]
        assert d["predicate"] == rec["predicate"]
        assert int(d["sources"]) == len(rec["sources"])
        assert d["articles"] == "; ".join(s["article"] for s in rec["sources"])
