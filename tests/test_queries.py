"""Tests for kg.queries: the SPARQL library in queries/ and its headers."""
from pathlib import Path

import pytest

from kg.errors import NotFoundError
from kg.queries import QueryFile, library, load_query

QUERIES = Path(__file__).resolve().parent.parent / "queries"
FILES = sorted(QUERIES.glob("*.rq"))


def test_library_lists_every_rq_file_sorted():
    assert FILES, "queries/ has no .rq files"
    names = [q.name for q in library()]
    assert names == [p.stem for p in FILES]
    assert names == sorted(names)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_query_has_a_title_and_purpose(path):
    q = next(q for q in library() if q.name == path.stem)
    assert isinstance(q, QueryFile)
    assert q.title.strip() and q.title != q.name, "missing '# title:' line"
    assert q.purpose.strip(), "missing '# purpose:' line"
    assert "#" not in q.title + q.purpose
    assert q.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_parameters_are_variables_the_query_uses(path):
    q = load_query(path.stem)
    body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
    for p in q.parameters:
        assert f"?{p}" in body, f"parameter ?{p} is not used by {path.name}"


def test_multiline_purpose_is_joined():
    q = load_query("arms_transfers")
    assert q.title == "Arms transfers"
    assert q.purpose == ("Who supplies, sells or exports what to whom, with quantities and "
                         "the status of the claim.")
    assert q.parameters == ("item",)


def test_parameters_none_gives_no_parameters():
    assert load_query("facts").parameters == ()


def test_load_query_matches_library():
    for q in library():
        assert load_query(q.name) == q


def test_unknown_query_raises_not_found():
    with pytest.raises(NotFoundError, match="nope"):
        load_query("nope")


def test_not_found_suggests_near_names():
    with pytest.raises(NotFoundError, match="claims_by_actor"):
        load_query("claims")


def test_library_is_found_outside_the_source_tree(tmp_path):
    """From another folder Python imports the installed package (in CI a wheel install):
    the SPARQL library must travel with it."""
    import subprocess
    import sys
    code = "import kg.queries as q; print(len(q.library()), q.load_query('facts').name)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    count, name = out.stdout.split()
    assert int(count) >= 12 and name == "facts"


# ------------------------------------------------------------------ ORDER BY done in Python (Store.query)

from rdflib import Literal, URIRef  # noqa: E402

from kg.store import PREFIXES, Store, _split_order  # noqa: E402

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture
def ordered_store():
    """Rows of every kind ORDER BY places: IRIs, strings, numbers of three types, unbound."""
    s = Store()
    g = URIRef(EX + "g")
    rows = [("a", URIRef(EX + "zeta"), Literal("pear"), Literal(10)),
            ("b", URIRef(EX + "alpha"), Literal("Apple"), Literal("2.5", datatype=URIRef(XSD + "decimal"))),
            ("c", None, Literal("apple"), Literal(2.5)),
            ("d", URIRef(EX + "alpha"), None, Literal(-3)),
            ("e", URIRef(EX + "mid"), Literal("pear"), None),
            ("f", URIRef(EX + "zeta"), Literal("Éclair"), Literal(10))]
    for name, iri, text, number in rows:
        s.add_quads([(URIRef(EX + name), URIRef(EX + "is"), Literal(name), g)])
        for p, o in (("iri", iri), ("text", text), ("number", number)):
            if o is not None:
                s.add_quads([(URIRef(EX + name), URIRef(EX + p), o, g)])
    return s


SELECT = ("SELECT ?x ?iri ?text ?number WHERE { ?x <http://example.org/is> [] . "
          "OPTIONAL { ?x <http://example.org/iri> ?iri } OPTIONAL { ?x <http://example.org/text> ?text } "
          "OPTIONAL { ?x <http://example.org/number> ?number } } ")


def oxigraph_order(store, text, keys):
    """The key columns of each row, in the order Oxigraph's own ORDER BY gives."""
    res = store.ox.query(text, default_graph=store.union_graph, prefixes=PREFIXES)
    names = [v.value for v in res.variables]
    return [tuple(row[names.index(k)] for k in keys) for row in map(tuple, res)]


@pytest.mark.parametrize("order, keys", [
    ("ORDER BY ?iri ?x", ["iri", "x"]),
    ("ORDER BY ?text ?x", ["text", "x"]),
    ("ORDER BY DESC(?number) ?x", ["number", "x"]),
    ("ORDER BY ?number DESC(?text) ?x", ["number", "text", "x"]),
    ("ORDER BY STR(?iri) ASC(?x)", ["iri", "x"]),
    ("order by desc(str(?text)) ?x", ["text", "x"]),
])
def test_store_query_orders_rows_as_oxigraph_does(ordered_store, order, keys):
    text = SELECT + order
    assert _split_order(text)[1] is not None, "sorted in Python"
    got = ordered_store.query(text)
    ours = [tuple(r[got.variables.index(k)] for k in keys) for r in got.raw]
    assert ours == oxigraph_order(ordered_store, text, keys)


@pytest.mark.parametrize("order", [
    "ORDER BY ?x LIMIT 3",                      # a slice of the order: Oxigraph orders
    "ORDER BY (?number + 1) ?x",                # an expression
    "ORDER BY ?nowhere ?x",                     # not a projected variable: Oxigraph orders
])
def test_store_query_leaves_other_orders_to_oxigraph(ordered_store, order):
    text = SELECT + order
    got = ordered_store.query(text)
    assert [tuple(r) for r in got.raw] == [tuple(s) for s in ordered_store.ox.query(
        text, default_graph=ordered_store.union_graph, prefixes=PREFIXES)]


def test_a_column_of_strings_and_numbers_is_ordered_by_oxigraph(ordered_store):
    """SPARQL does not compare a string with a number: such a column is not sorted here."""
    text = ("SELECT ?x ?v WHERE { ?x <http://example.org/is> [] . "
            "{ ?x <http://example.org/text> ?v } UNION { ?x <http://example.org/number> ?v } } ORDER BY ?v ?x")
    assert ordered_store.query(text).raw == [tuple(s) for s in ordered_store.ox.query(
        text, default_graph=ordered_store.union_graph, prefixes=PREFIXES)]


def test_rows_tied_on_the_order_come_in_the_order_of_their_terms(ordered_store):
    """Ties (which SPARQL leaves open) do not depend on how Oxigraph joined the rows."""
    rows = ordered_store.query(SELECT + "ORDER BY ?iri").rows
    assert [r["x"] for r in rows] == [EX + n for n in ("c", "b", "d", "e", "a", "f")]


def test_split_order_keeps_group_by_and_having():
    text = ("SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 1) "
            "ORDER BY DESC(?n) ?s")
    rest, keys = _split_order(text)
    assert rest == "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 1) "
    assert keys == [("n", True, False), ("s", False, False)]
    assert _split_order("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s")[1] is None
    assert _split_order("SELECT * WHERE { ?s ?p ?o }")[1] is None


def test_library_queries_keep_their_order_and_rows(ordered_store):
    """Every library query runs (on a store without the graph they read, so only the text is
    tried) and its ORDER BY is one Store.query does in Python."""
    for q in library():
        ordered_store.query(q.text)
        assert _split_order(q.text)[1], f"{q.name}: ORDER BY not sorted in Python"
