"""Tests for kg.store: the Oxigraph store, its atomic writes and its SPARQL results."""
import gc
import re

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.store import QueryResult, Store, from_ox, to_ox

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"   # a str: rdflib's closed XSD namespace warns at collection
G1, G2 = URIRef(EX + "graph/1"), URIRef(EX + "graph/2")


def u(name):
    return URIRef(EX + name)


QUADS = [
    (u("iran"), u("supplies"), u("russia"), G1),
    (u("iran"), u("count"), Literal(5000), G1),
    (u("iran"), u("label"), Literal("Iran", lang="en"), G1),
    (u("russia"), u("count"), Literal(2.5), G2),
    (u("russia"), u("share"), Literal("0.25", datatype=URIRef(XSD + "decimal")), G2),
    (u("russia"), u("active"), Literal(True), G2),
    (u("russia"), u("label"), Literal("Russia"), None),
]


@pytest.fixture
def store():
    s = Store()
    s.add_quads(QUADS)
    return s


# ------------------------------------------------------------------ writing

def test_in_memory_store_counts_quads(store):
    assert len(store) == len(QUADS)
    assert store.has_graph(str(G1)) and store.has_graph(str(G2))
    assert not store.has_graph(EX + "graph/none")


def test_union_size_counts_each_triple_once(store):
    store.add_quads([(u("iran"), u("supplies"), u("russia"), G2)])         # said by G1 too
    assert store.union_size() == len(QUADS) == len(set(store.union_triples()))
    assert len(store) == len(QUADS) + 1 == sum(1 for _ in store.quads())


def test_add_quads_returns_the_batch_size():
    assert Store().add_quads(QUADS) == len(QUADS)


def test_adding_the_same_quads_twice_changes_nothing(store):
    before = sorted(map(str, store.quads()))
    store.add_quads(QUADS)
    assert len(store) == len(QUADS)
    assert sorted(map(str, store.quads())) == before


@pytest.mark.parametrize("bad_quad", [
    (u("x"), u("p"), 42, G1),                      # object is a Python int, not an RDF term
    (u("x"), u("p"), "plain str", None),            # str is not an RDF term either
    (Literal("s"), u("p"), u("o"), G1),             # a literal cannot be a subject
    (u("x"), u("p"), u("o"), Literal("graph")),     # nor a graph name
])
def test_add_quads_is_all_or_nothing(store, bad_quad):
    good = [(u("new"), u("p"), Literal(i), G1) for i in range(5)]
    with pytest.raises((TypeError, ValueError, StoreError)):
        store.add_quads(good + [bad_quad] + good)
    assert len(store) == len(QUADS)
    assert not store.query(f"ASK {{ <{EX}new> ?p ?o }}").boolean


def test_remove_graph(store):
    store.remove_graph(str(G1))
    assert not store.has_graph(str(G1))
    assert len(store) == len(QUADS) - 3


def union(store):
    return {(t.subject, t.predicate, t.object) for t in store.union_triples()}


def test_remove_graph_keeps_in_the_union_what_another_graph_also_says():
    shared = (u("iran"), u("supplies"), u("russia"))
    store = Store()
    store.add_quads([(*shared, G1), (u("iran"), u("count"), Literal(5000), G1),
                     (BNode("b1"), u("label"), Literal("only one"), G1),
                     (*shared, G2), (u("russia"), u("label"), Literal("Russia"), G2),
                     (u("russia"), u("count"), Literal(5000), None)])
    store.remove_graph(str(G1))
    assert not store.has_graph(str(G1)) and store.has_graph(str(G2))
    assert union(store) == {tuple(map(to_ox, t)) for t in [
        shared, (u("russia"), u("label"), Literal("Russia")), (u("russia"), u("count"), Literal(5000))]}
    assert store.query(f"ASK {{ <{EX}iran> <{EX}supplies> <{EX}russia> }}").boolean
    assert not store.query(f"ASK {{ <{EX}iran> <{EX}count> ?n }}").boolean
    assert not store.query(f"ASK {{ ?b <{EX}label> \"only one\" }}").boolean
    store.remove_graph(str(G2))
    assert union(store) == {tuple(map(to_ox, (u("russia"), u("count"), Literal(5000))))}


def test_remove_graph_keeps_what_the_default_graph_says(store):
    store.add_quads([(u("russia"), u("label"), Literal("Russia"), G2)])
    store.remove_graph(str(G2))
    assert store.query(f"ASK {{ <{EX}russia> <{EX}label> \"Russia\" }}").boolean
    assert not store.query(f"ASK {{ <{EX}russia> <{EX}active> ?x }}").boolean
    assert union(store) == {(q.subject, q.predicate, q.object) for q in store.quads()}


def test_remove_graph_of_a_missing_graph_changes_nothing(store):
    before = union(store)
    store.remove_graph(EX + "graph/none")
    assert union(store) == before and len(store) == len(QUADS)


def test_replace_graph_writes_only_the_difference(store):
    A = URIRef(EX + "graph/assessment")
    first = [(u("iran"), u("grade"), Literal(1), A), (u("russia"), u("grade"), Literal(2), A),
             (u("iran"), u("supplies"), u("russia"), A)]                 # also said by G1
    assert store.replace_graph(str(A), first) == 3
    written = store._unflushed
    assert store.replace_graph(str(A), iter(first)) == 3                # the same again: nothing written
    assert store._unflushed == written
    second = [(u("iran"), u("grade"), Literal(3), A)]
    assert store.replace_graph(str(A), second) == 1
    assert {(q.subject, q.predicate, q.object) for q in store.graph_quads(str(A))} == {
        tuple(map(to_ox, second[0][:3]))}
    assert store.query(f"ASK {{ <{EX}iran> <{EX}supplies> <{EX}russia> }}").boolean     # G1 still says it
    assert not store.query(f"ASK {{ ?s <{EX}grade> 2 }}").boolean
    assert store.query(f"SELECT ?g WHERE {{ <{EX}iran> <{EX}grade> ?g }}").rows == [{"g": 3}]
    assert store.replace_graph(str(A), []) == 0
    assert not store.has_graph(str(A))
    assert union(store) == {(q.subject, q.predicate, q.object) for q in store.quads()}


def test_on_disk_store_persists(tmp_path):
    path = tmp_path / "db"
    s = Store(path)
    s.add_quads(QUADS)
    s.flush()
    del s
    gc.collect()
    reopened = Store(path, read_only=True)
    assert len(reopened) == len(QUADS)
    assert reopened.query(f"ASK {{ <{EX}iran> <{EX}supplies> <{EX}russia> }}").boolean


def test_on_disk_store_can_be_read_while_open_for_writing(tmp_path):
    writer = Store(tmp_path / "db")
    writer.add_quads(QUADS)
    writer.flush()
    assert len(Store(tmp_path / "db", read_only=True)) == len(QUADS)


def test_second_writer_is_refused_with_store_error(tmp_path):
    _writer = Store(tmp_path / "db")
    with pytest.raises(StoreError, match="db"):
        Store(tmp_path / "db")


def _bytes(path, suffix):
    """Bytes in the store's files of one kind; a file RocksDB removes while they are listed counts none."""
    total = 0
    for f in path.glob("*" + suffix):
        try:
            total += f.stat().st_size
        except FileNotFoundError:
            pass
    return total


def test_flush_leaves_no_write_ahead_log(tmp_path):
    s = Store(tmp_path / "db")
    many = [(u(f"s{i}"), u("p"), Literal(f"a literal long enough to weigh something, number {i}"), G1)
            for i in range(20_000)]
    s.add_quads(many)
    assert _bytes(tmp_path / "db", ".log") > 1_000_000        # RocksDB's log of what is still in memory
    s.flush()
    assert _bytes(tmp_path / "db", ".log") < 10_000
    assert _bytes(tmp_path / "db", ".sst") > 1_000_000
    assert len(s) == len(many)
    assert not s.query("ASK { <urn:geokg:flush> ?p ?o }").boolean    # the quad that cycles the log is gone
    s.compact()
    assert len(s) == len(many) and s.article_graphs() == [to_ox(G1)]
    assert len(Store(tmp_path / "db", read_only=True)) == len(many)


def test_writes_are_flushed_every_so_many_quads(tmp_path, monkeypatch):
    import kg.store
    monkeypatch.setattr(kg.store, "FLUSH_EVERY", 10)
    s = Store(tmp_path / "db")
    s.add_quads(QUADS)                           # 14 quads with the union copies: over 10
    assert s._unflushed == 0
    assert _bytes(tmp_path / "db", ".sst") > 0
    s.add_quads(QUADS[:2])
    assert s._unflushed == 4


def test_flush_and_compact_of_a_read_only_or_memory_store_do_nothing(tmp_path):
    Store(tmp_path / "db").add_quads(QUADS)
    for s in (Store(), Store(tmp_path / "db", read_only=True)):
        s.flush()
        s.compact()


def test_load_ontology(tmp_path):
    ttl = tmp_path / "o.ttl"
    ttl.write_text("@prefix kg: <https://geokg.example/ontology#> .\n"
                   "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                   "kg:Statement rdfs:label \"Statement\" .\n", encoding="utf-8")
    s = Store()
    s.load_ontology(ttl)
    assert s.query("SELECT ?l WHERE { kg:Statement rdfs:label ?l }").rows == [{"l": "Statement"}]
    assert all(q.graph_name == ox.DefaultGraph() for q in s.quads())


# ------------------------------------------------------------------ querying

def test_select_gives_plain_python_values(store):
    r = store.query(f"SELECT ?s ?v WHERE {{ ?s <{EX}count> ?v }} ORDER BY ?s")
    assert isinstance(r, QueryResult)
    assert r.kind == "select"
    assert r.variables == ["s", "v"]
    assert r.rows == [{"s": EX + "iran", "v": 5000}, {"s": EX + "russia", "v": 2.5}]
    assert type(r.rows[0]["v"]) is int
    assert type(r.rows[1]["v"]) is float
    assert len(r) == 2 and list(r) == r.rows
    assert r.raw[0][0] == ox.NamedNode(EX + "iran")


def test_select_literals(store):
    rows = store.query(f"SELECT ?p ?v WHERE {{ <{EX}russia> ?p ?v }} ORDER BY ?p").rows
    values = {r["p"][len(EX):]: r["v"] for r in rows}
    assert values == {"active": True, "count": 2.5, "label": "Russia", "share": 0.25}
    assert store.query(f"SELECT ?l WHERE {{ <{EX}iran> <{EX}label> ?l }}").rows == [{"l": "Iran"}]


def test_unbound_variables_are_none(store):
    r = store.query(f"SELECT ?s ?missing WHERE {{ ?s <{EX}supplies> ?o OPTIONAL {{ ?s <{EX}nope> ?missing }} }}")
    assert r.rows == [{"s": EX + "iran", "missing": None}]


def test_default_graph_is_the_union(store):
    r = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert r.rows == [{"n": len(QUADS)}]
    assert type(r.rows[0]["n"]) is int
    r = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{EX}supplies> ?o }} }}")
    assert r.rows == [{"g": str(G1)}]


def test_graph_patterns_see_the_articles_never_the_union(store):
    q = "SELECT DISTINCT ?g WHERE {{ {} ?g {{ ?s ?p ?o }} }} ORDER BY ?g"
    for keyword in ("GRAPH", "graph", "Graph"):
        assert store.query(q.format(keyword)).rows == [{"g": str(G1)}, {"g": str(G2)}]


def test_only_a_query_naming_graphs_lists_them(store, monkeypatch):
    def listed():
        raise AssertionError("article_graphs() called")
    monkeypatch.setattr(store, "article_graphs", listed)
    assert store.query(f"SELECT ?s WHERE {{ ?s <{EX}supplies> ?o }}").rows == [{"s": EX + "iran"}]
    with pytest.raises(AssertionError, match="called"):
        store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")


def test_ask(store):
    yes = store.query(f"ASK {{ <{EX}iran> <{EX}supplies> ?x }}")
    no = store.query(f"ASK {{ <{EX}russia> <{EX}supplies> ?x }}")
    assert (yes.kind, yes.boolean) == ("ask", True)
    assert (no.kind, no.boolean) == ("ask", False)


def test_construct(store):
    r = store.query(f"CONSTRUCT {{ ?o <{EX}suppliedBy> ?s }} WHERE {{ ?s <{EX}supplies> ?o }}")
    assert r.kind == "graph"
    assert len(r) == 1
    t = r.triples[0]
    assert (t.subject, t.predicate, t.object) == (
        ox.NamedNode(EX + "russia"), ox.NamedNode(EX + "suppliedBy"), ox.NamedNode(EX + "iran"))


def test_prefixes_are_predeclared():
    r = Store().query("SELECT ?x WHERE { BIND(kg:Statement AS ?x) }")
    assert r.rows == [{"x": "https://geokg.example/ontology#Statement"}]


@pytest.mark.parametrize("sparql, where", [
    ("SELECT ?s WHERE {\n  ?s ?p\n}", "3:"),
    ("SELEC ?s WHERE { ?s ?p ?o }", "1:"),
    ("SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o >\n", "5:"),
])
def test_syntax_error_names_line_and_column(store, sparql, where):
    with pytest.raises(QueryError) as exc:
        store.query(sparql)
    msg = str(exc.value)
    assert "syntax" in msg.lower()
    assert where in msg
    assert re.search(r"\b\d+:\d+\b", msg), msg


def test_params_bind_variables(store):
    q = f"SELECT ?s ?v WHERE {{ ?s <{EX}count> ?v }}"
    assert store.query(q, {"s": u("russia")}).rows == [{"s": EX + "russia", "v": 2.5}]
    assert store.query(q, {"?s": ox.NamedNode(EX + "iran")}).rows == [{"s": EX + "iran", "v": 5000}]
    assert store.query(q, {"v": Literal(5000)}).rows == [{"s": EX + "iran", "v": 5000}]
    assert store.query(q, {"$v": Literal(1)}).rows == []


def test_params_work_in_ask(store):
    assert store.query(f"ASK {{ ?s <{EX}supplies> ?o }}", {"s": u("iran")}).boolean


def test_params_bind_variables_outside_the_projection(store):
    q = f"SELECT ?v WHERE {{ ?s <{EX}count> ?v }}"
    assert store.query(q, {"s": u("russia")}).rows == [{"v": 2.5}]


# ------------------------------------------------------------------ term conversion

@pytest.mark.parametrize("term", [
    URIRef(EX + "a"), BNode("b1"), Literal("x"), Literal("x", lang="fr"), Literal(3),
    Literal("2025-10-23", datatype=URIRef(XSD + "date")),
])
def test_to_ox_round_trips_through_ox(term):
    t = to_ox(term)
    assert isinstance(t, (ox.NamedNode, ox.BlankNode, ox.Literal))
    assert t.value == str(term)


def test_to_ox_refuses_non_terms():
    with pytest.raises(TypeError, match="not an RDF term"):
        to_ox(42)


@pytest.mark.parametrize("term, value", [
    (None, None),
    (ox.NamedNode(EX + "a"), EX + "a"),
    (ox.BlankNode("b1"), "_:b1"),
    (ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")), 7),
    (ox.Literal("7.5", datatype=ox.NamedNode(XSD + "decimal")), 7.5),
    (ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")), False),
    (ox.Literal("2025-10-23", datatype=ox.NamedNode(XSD + "date")), "2025-10-23"),
    (ox.Literal("hola", language="es"), "hola"),
])
def test_from_ox(term, value):
    got = from_ox(term)
    assert got == value and type(got) is type(value)


# Terms whose TSV cell is escaped, in a short form, or like another's: Store.query reads a result
# as TSV and each distinct cell through Oxigraph's parser, so each must come back as it went in.
AWKWARD = [
    ox.NamedNode(EX + "a?b=1&c#d"), ox.BlankNode("b1"), ox.Literal(""), ox.Literal("tab\there"),
    ox.Literal("line\nbreak\r\nend"), ox.Literal('say "no"'), ox.Literal("back\\slash \\t"),
    ox.Literal("Éclair ☃ 𝄞"), ox.Literal("bell\x07 back\x08 feed\x0c nul\x00 del\x7f"), ox.Literal("a\\u0041"), ox.Literal("\u2028 and \u0085"), ox.Literal("hola", language="es"),
    ox.Literal("en-GB", language="en-gb"), ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("007", datatype=ox.NamedNode(XSD + "integer")), ox.Literal("+7", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("7.50", datatype=ox.NamedNode(XSD + "decimal")), ox.Literal(".5", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("1.5E3", datatype=ox.NamedNode(XSD + "double")), ox.Literal("INF", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("NaN", datatype=ox.NamedNode(XSD + "double")), ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("1", datatype=ox.NamedNode(XSD + "boolean")), ox.Literal("7", datatype=ox.NamedNode(XSD + "string")),
    ox.Literal("2025-10-23", datatype=ox.NamedNode(XSD + "date")), ox.Literal("x", datatype=ox.NamedNode(EX + "dt")),
    ox.Literal("7", datatype=ox.NamedNode(XSD + "int")), ox.Literal("abc", datatype=ox.NamedNode(XSD + "integer")),
]


@pytest.mark.parametrize("order", ["", "ORDER BY ?o", "ORDER BY STR(?o) DESC(?s)", "ORDER BY DESC(?s)"])
def test_select_gives_every_term_as_oxigraph_does(order):
    s = Store()
    s.ox.extend([ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), t) for i, t in enumerate(AWKWARD)])
    text = f"SELECT ?s ?o ?none WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}nope> ?none }} }} {order}"
    got = s.query(text)
    want = [tuple(sol) for sol in s.ox.query(text)]
    assert sorted(got.raw, key=str) == sorted(want, key=str)
    if order:                                  # each ?s once: the order is whole, here or by Oxigraph
        assert got.raw == want
    for row, terms in zip(got.rows, got.raw):           # repr: NaN is no NaN's equal
        assert [repr(v) for v in row.values()] == [repr(from_ox(t)) for t in terms]
    assert len(got.raw) == len(AWKWARD)



@pytest.mark.parametrize("order", ["", "ORDER BY ?t", "ORDER BY DESC(?t)"])
def test_triple_terms_come_back_and_are_ordered_by_oxigraph(store, order):
    text = (f"SELECT ?t WHERE {{ ?s <{EX}count> ?v BIND(TRIPLE(?s, <{EX}count>, ?v) AS ?t) "
            f"BIND(TRIPLE(?s, <{EX}says>, \"a\\tb\") AS ?t2) }} {order}")
    assert store.query(text).raw == [tuple(sol) for sol in store.ox.query(text)]

def test_select_without_variables_keeps_its_rows(store):
    r = store.query("SELECT * WHERE { }")
    assert r.rows == [{}] and r.raw == [()]
    assert store.query(f"SELECT * WHERE {{ <{EX}iran> ?p ?o FILTER(false) }}").rows == []


# ------------------------------------------------------------------ layout

def _triples(quads):
    return {(q.subject, q.predicate, q.object) for q in quads}


def test_the_union_is_the_default_graph_and_the_dataset_default_a_graph_of_its_own(store):
    from kg import config
    meta = ox.NamedNode(config.DEFAULT_GRAPH)
    assert not store.legacy and store.union_graph == ox.DefaultGraph()
    assert _triples(store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())) == union(store) == {
        tuple(map(to_ox, q[:3])) for q in QUADS}
    assert _triples(store.ox.quads_for_pattern(None, None, None, meta)) == {tuple(map(to_ox, QUADS[-1][:3]))}
    assert not store.ox.contains_named_graph(ox.NamedNode(config.UNION_GRAPH))
    assert meta not in store.article_graphs() and sorted(map(str, store.article_graphs())) == [f"<{G1}>", f"<{G2}>"]
    assert {q.graph_name for q in store.quads()} == {ox.DefaultGraph(), to_ox(G1), to_ox(G2)}
    assert list(store.graph_quads(ox.DefaultGraph())) == [ox.Quad(*map(to_ox, QUADS[-1][:3]), ox.DefaultGraph())]
    assert store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p \"Russia\" } }").rows == []
    store.flush()
    assert not store.has_graph("urn:geokg:flush") and len(store) == len(QUADS)


def _check_union(store):
    """The union holds each triple of every graph once, and queries answer from it alone."""
    quads = list(store.quads())
    assert union(store) == _triples(quads)
    assert store.union_size() == len(_triples(quads))
    assert len(store) == len(quads)
    rows = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").raw
    assert sorted(map(str, rows)) == sorted(str(t) for t in _triples(quads))
    per_graph = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").raw
    assert sorted(map(str, per_graph)) == sorted(str((q.graph_name, q.subject, q.predicate, q.object))
                                                 for q in quads if q.graph_name != ox.DefaultGraph())
    both = store.query("SELECT ?g ?s ?p ?o WHERE { ?s ?p ?o GRAPH ?g { ?s ?p ?o } }").raw     # union and graphs
    assert sorted(map(str, both)) == sorted(map(str, per_graph))


@pytest.mark.parametrize("path", [None, "db"])
def test_the_union_follows_adding_replacing_and_removing_graphs(tmp_path, path):
    G3 = URIRef(EX + "graph/3")
    s = Store(None if path is None else tmp_path / path)
    s.add_quads(QUADS)
    _check_union(s)
    s.add_quads([(u("iran"), u("supplies"), u("russia"), G3), (u("russia"), u("label"), Literal("Russia"), G3),
                 (u("syria"), u("label"), Literal("Syria"), G3)])
    _check_union(s)
    s.replace_graph(str(G3), [(u("iran"), u("supplies"), u("russia"), G3), (u("iran"), u("grade"), Literal(2), G3)])
    _check_union(s)
    s.replace_about(str(G3), [u("iran")], [(u("iran"), u("grade"), Literal(3), G3)])
    _check_union(s)
    s.remove_graph(str(G1))
    _check_union(s)
    assert s.query(f"ASK {{ <{EX}iran> <{EX}supplies> <{EX}russia> }}").boolean is False
    s.remove_graph(str(G3))
    s.remove_graph(str(G2))
    _check_union(s)
    assert union(s) == {tuple(map(to_ox, QUADS[-1][:3]))}          # what the default graph says stays
    s.flush()
    _check_union(s)


def _legacy(path):
    """A store in the layout written before: the union as the named graph ``config.UNION_GRAPH``,
    the dataset's default graph in Oxigraph's default graph."""
    from kg import config
    raw = ox.Store(str(path))
    quads = [ox.Quad(*map(to_ox, q[:3]), to_ox(q[3]) if q[3] is not None else ox.DefaultGraph()) for q in QUADS]
    raw.extend(quads + [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(config.UNION_GRAPH)) for q in quads])
    raw.flush()
    del raw
    gc.collect()


def test_a_store_of_the_layout_before_is_read_and_written_in_its_own_layout(tmp_path):
    from kg.export import serialize
    _legacy(tmp_path / "old")
    old, new = Store(tmp_path / "old"), Store(tmp_path / "new")
    new.add_quads(QUADS)
    assert old.legacy and not new.legacy
    for fmt in ("turtle", "trig", "nquads"):
        assert serialize(old, fmt) == serialize(new, fmt)
    assert sorted(map(str, old.quads())) == sorted(map(str, new.quads()))
    assert old.article_graphs() == [g for g in old.ox.named_graphs() if g.value.startswith(EX)]
    q = f"SELECT ?s ?v WHERE {{ ?s <{EX}count> ?v }} ORDER BY ?s"
    assert old.query(q).rows == new.query(q).rows
    for s in (old, new):
        s.add_quads([(u("syria"), u("label"), Literal("Syria"), G2)])
        s.remove_graph(str(G1))
        _check_union(s)
    assert serialize(old, "trig") == serialize(new, "trig")
    old.flush()
    del old
    gc.collect()
    assert Store(tmp_path / "old", read_only=True).legacy


def _article_quads(config, name, statement):
    """An article's graph as the extractor writes it: an entity, a statement, one source."""
    a, src = URIRef(config.ARTICLE + name), URIRef(config.SOURCE + name + "-1")
    prov, kg = "http://www.w3.org/ns/prov#", config.ONTOLOGY
    return a, src, [(u("iran"), u("label"), Literal("Iran"), a),
                    (u(statement), URIRef(kg + "predicate"), URIRef(kg + "supplies"), a),
                    (src, URIRef(kg + "supports"), u(statement), a),
                    (src, URIRef(prov + "wasQuotedFrom"), a, a),
                    (src, URIRef(kg + "status"), URIRef(kg + "Claimed"), a)]


def test_a_sources_triples_are_kept_once_in_the_union_and_given_back_in_its_article(tmp_path):
    from kg import config
    from kg.export import serialize
    a1, s1, quads1 = _article_quads(config, "a1", "st1")
    a2, s2, quads2 = _article_quads(config, "a2", "st1")          # the same statement, another source
    graded = (s1, URIRef(config.ONTOLOGY + "credibility"), Literal(2), URIRef(config.ASSESSMENT_GRAPH))
    given = quads1 + quads2 + [graded]
    store, before = Store(tmp_path / "db"), Store()
    store.add_quads(given)
    before.legacy = True                  # writes as the layouts before did: sources in their graph
    before.add_quads(given)
    before.legacy = False
    assert not list(store.ox.quads_for_pattern(to_ox(s1), None, None, to_ox(a1)))      # stored once
    assert len(list(store.ox.quads_for_pattern(to_ox(s1), None, None, None))) == 3 + 2  # union, assessment
    assert len(store.ox) == len(before.ox) - 6
    # given back in the article's graph, and only there: exports are as before
    assert _triples(store.graph_quads(str(a1))) == {tuple(map(to_ox, q[:3])) for q in quads1}
    assert _triples(store.graph_quads(to_ox(a1), to_ox(s1))) == {tuple(map(to_ox, q[:3])) for q in quads1[2:]}
    assert not list(store.graph_quads(to_ox(a2), to_ox(s1)))
    assert sorted(map(str, store.quads())) == sorted(map(str, before.quads()))
    assert len(store) == len(given) == len(before)
    for fmt in ("trig", "nquads", "turtle"):
        assert serialize(store, fmt) == serialize(before, fmt)
    # SPARQL: the union has them, GRAPH ?article does not (what it reaches is what is stored)
    assert store.query(f"ASK {{ <{s1}> prov:wasQuotedFrom <{a1}> }}").boolean
    assert not store.query("ASK { GRAPH ?g { ?s prov:wasQuotedFrom ?a } }").boolean
    assert {q.graph_name for q in store.stored_named_quads()} == {to_ox(a1), to_ox(a2), to_ox(graded[3])}
    # removing the article takes its source from the union; the assessment's word on it stays
    store.remove_graph(str(a1))
    assert _triples(store.ox.quads_for_pattern(to_ox(s1), None, None, None)) == {tuple(map(to_ox, graded[:3]))}
    assert _triples(store.graph_quads(str(a2))) == {tuple(map(to_ox, q[:3])) for q in quads2}
    assert store.query(f"ASK {{ <{EX}st1> kg:predicate ?p }}").boolean      # a2 states it too
    assert len(store) == len(quads2) + 1


def test_a_store_with_the_sources_in_their_graphs_is_read_and_cleared_as_it_is():
    """Stores built before the sources were kept once: nothing is given twice, nothing left behind."""
    from kg import config
    a1, s1, quads1 = _article_quads(config, "a1", "st1")
    store = Store()
    store.legacy = True
    store.add_quads(quads1)
    store.legacy = False
    assert len(store) == len(quads1) == len(list(store.graph_quads(str(a1))))
    store.add_quads(_article_quads(config, "a2", "st2")[2])            # a new article, as written now
    assert len(store) == 2 * len(quads1)
    store.remove_graph(str(a1))
    assert not list(store.ox.quads_for_pattern(to_ox(s1), None, None, None))
    assert len(store) == len(quads1) == store.union_size()


def test_a_read_only_store_is_opened_again_only_when_its_files_changed(tmp_path):
    from kg.store import open_read_only
    writer = Store(tmp_path / "db")
    writer.add_quads(QUADS)
    writer.flush()
    first = open_read_only(tmp_path / "db")
    assert open_read_only(str(tmp_path / "db")) is first            # nothing written since
    ask = f"ASK {{ <{EX}syria> ?p ?o }}"
    writer.add_quads([(u("syria"), u("label"), Literal("Syria"), G1)])   # in the log, not flushed
    second = open_read_only(tmp_path / "db")
    assert second is not first and second.query(ask).boolean and not first.query(ask).boolean
    writer.remove_graph(str(G1))            # its flushes and compactions run in the background
    writer.flush()
    del writer
    gc.collect()
    third = open_read_only(tmp_path / "db")
    assert third is not second and not third.query(ask).boolean
    assert open_read_only(tmp_path / "db") is third
