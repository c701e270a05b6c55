"""A SPARQL 1.1 server as the store (kg.remote.RemoteStore), against a real Oxigraph server.

One ``oxigraph serve`` per module on a free loopback port; the same invented
articles are built into it and into an embedded store, and every reader
(library queries, exports, analysis, validation, the CLI) must answer the
same from both.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

import kg
from kg import config
from kg.cli import cli
from kg.errors import KgError, QueryError, StoreError
from kg.queries import library
from kg.remote import RemoteStore, endpoints
from kg.serve import oxigraph_binary
from kg.store import Store

from conftest import write_article

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

ARTICLES = {
    "drones.txt": ("Drones reach the front\nIran sent 200 drones to Russia, officials said on Monday. "
                   "President Vladimir Putin said Russia has at least 5,000 missiles. Ukraine denied the claim.\n",
                   {"publisher": "Northern Ledger", "published": "2025-03-01"}),
    "border.txt": ("Border clash\nTurkey deployed 500 troops to Syria on Monday. Greece bought 20 Rafale jets "
                   "from France. Iran sent 200 drones to Russia, the ministry said. "
                   "The Igla-S has a range of 6,000 metres.\n",
                   {"publisher": "Harbour Courier", "published": "2025-03-02"}),
    "coast.txt": ("Arms for the coast\nRosoboronexport supplies Igla-S missiles to Venezuela, a spokesman said. "
                  "Venezuela has 6,000 Igla-S missiles, President Nicolas Maduro claimed, but analysts disputed "
                  "the figure. The United States deployed 4,000 Marines to the Caribbean.\n", None),
}
# parameters for the library queries that take one (the rest also run unbound)
PARAMS = {"arms_transfers": {"item": "Igla-S"}, "claims_by_actor": {"actor": "Putin"},
          "deployments": {"actor": "Turkey"}, "doubtful_claims": {"status": "disputed"},
          "entity_profile": {"name": "Iran"}, "measures": {"entity": "Igla-S"}, "timeline": {"actor": "Iran"}}
EXTRACTOR = "http://www.w3.org/ns/prov#wasGeneratedBy"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                url + "/query?query=ASK%7B%7D", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The URL of a fresh Oxigraph server (on disk, in a temporary folder), stopped after the module."""
    folder = tmp_path_factory.mktemp("oxigraph-server")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(folder / "server.log", "wb")
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(folder / "data"),
                                "--bind", f"127.0.0.1:{port}"], stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not _answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("oxigraph serve did not start: " + (folder / "server.log").read_text(errors="replace"))
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def built(server, tmp_path_factory):
    """``(articles folder, embedded store folder, server URL, embedded report, remote report)``."""
    root = tmp_path_factory.mktemp("remote-build")
    arts = root / "articles"
    arts.mkdir()
    for name, (text, meta) in ARTICLES.items():
        write_article(arts, name, text, meta)
    local = kg.build([arts], out=root / "local")
    remote = kg.build([arts], out=root / "remote", store=server)
    return arts, root / "local" / "store", server, local, remote


def _canon(rows) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)


def _quads(store) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store.quads()}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


# ------------------------------------------------------------------ building

def test_the_build_reports_the_same(built):
    _, _, _, local, remote = built
    assert remote.added == local.added == len(ARTICLES)
    for key in ("articles", "entities", "statements", "claims", "triples", "central"):
        assert getattr(remote, key) == getattr(local, key), key
    assert remote.statements > 5


def test_one_named_graph_per_article_and_the_same_quads(built):
    _, local_path, url, _, _ = built
    local, remote = Store(local_path, read_only=True), RemoteStore(url, read_only=True)
    assert _quads(remote) == _quads(local)
    assert len(remote) == len(local)
    assert {g.value for g in remote.article_graphs()} == {g.value for g in local.article_graphs()}
    assert sum(g.value.startswith(config.ARTICLE) for g in remote.article_graphs()) == len(ARTICLES)
    assert sorted(map(str, remote.union_triples())) == sorted(map(str, local.union_triples()))


@pytest.mark.parametrize("query", library(), ids=lambda q: q.name)
def test_library_queries_answer_as_the_embedded_store(built, query):
    _, local, url, _, _ = built
    params = PARAMS.get(query.name, {})
    mine = kg.query(query.name, store=url, params=params)
    theirs = kg.query(query.name, store=local, params=params)
    assert mine.variables == theirs.variables
    assert _canon(mine.rows) == _canon(theirs.rows)


def test_statement_sources_of_each_statement(built):
    _, local, url, _, _ = built
    for st in {r["statement"] for r in kg.query("facts", store=local).rows}:
        p = {"statement": f"<{st}>"}
        assert _canon(kg.query("statement_sources", store=url, params=p).rows) == \
            _canon(kg.query("statement_sources", store=local, params=p).rows)


def test_ask_construct_and_named_graphs(built):
    _, local, url, _, _ = built
    for q in ("ASK { ?s a kg:Statement }", "ASK { ?s a kg:NoSuchClass }"):
        assert kg.query(q, store=url).boolean == kg.query(q, store=local).boolean
    c = "CONSTRUCT { ?src kg:supports ?st } WHERE { ?src kg:supports ?st }"
    mine, theirs = kg.query(c, store=url), kg.query(c, store=local)
    assert mine.kind == "graph" and mine.triples
    assert sorted(map(str, mine.triples)) == sorted(map(str, theirs.triples))
    # GRAPH reaches the article graphs, never the stored union; the embedded store keeps the
    # sources in the union alone (kg.store), so its article graphs hold the rest
    g = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } %s } GROUP BY ?g"
    rest = g % "FILTER NOT EXISTS { ?s a kg:Source }"
    assert _canon(kg.query(rest, store=url).rows) == _canon(kg.query(rest, store=local).rows)
    assert config.UNION_GRAPH not in {r["g"] for r in kg.query(g % "", store=url).rows}
    sources = g % "?s a kg:Source"
    assert kg.query(sources, store=url).rows and not kg.query(sources, store=local).rows


def test_exports_are_the_same(built):
    _, local, url, _, _ = built
    for fmt in ("trig", "nquads", "facts", "csv", "jsonld"):
        assert kg.export(fmt, store=url) == kg.export(fmt, store=local), fmt


def test_build_files_are_the_same(built):
    arts, local, _, _, _ = built
    for name in ("graph.ttl", "graph.trig", "facts.jsonl", "report.md"):
        assert (arts.parent / "remote" / name).read_bytes() == (local.parent / name).read_bytes(), name


def test_building_again_adds_nothing(built, tmp_path):
    arts, _, url, _, _ = built
    store = RemoteStore(url)
    before, union = _quads(store), sorted(map(str, store.union_triples()))
    report = kg.build([arts], out=tmp_path / "again", store=url)
    assert (report.added, report.unchanged) == (0, len(ARTICLES))
    assert _quads(store) == before
    assert sorted(map(str, store.union_triples())) == union


def _update(url: str, sparql: str) -> None:
    """A write by hand, as another program (or an older geokg) would make it."""
    request = urllib.request.Request(url + "/update", data=sparql.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=30) as r:
        assert r.status in (200, 204)


def test_a_changed_article_graph_is_replaced_whole(built, tmp_path):
    """An article stored by other rules (another extractor, other triples) is dropped whole and stored anew."""
    arts, local_path, url, _, _ = built
    store = RemoteStore(url)
    before, union = _quads(store), sorted(map(str, store.union_triples()))
    iri = next(g.value for g in store.article_graphs() if g.value.startswith(config.ARTICLE))
    ext = store.query(f"SELECT ?e WHERE {{ <{iri}> prov:wasGeneratedBy ?e }}").rows[0]["e"]
    old = [q for q in store.quads() if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == iri]
    junk = (URIRef(config.ENTITY + "no-such-thing"), URIRef(config.ONTOLOGY + "junk"), Literal('stale "x"\n'))
    kept = old[len(old) // 2:]              # half of its triples, and one that the rules no longer make
    store.replace_graph(iri, [(URIRef(q.subject.value), URIRef(q.predicate.value),
                               URIRef(q.object.value) if isinstance(q.object, ox.NamedNode) else
                               Literal(q.object.value, lang=q.object.language or None,
                                       datatype=None if q.object.language else URIRef(q.object.datatype.value)),
                               None) for q in kept] + [(*junk, None)])
    union_g = f"<{config.UNION_GRAPH}>"
    marker, older = f"<{iri}> <{EXTRACTOR}> <{ext}>", f"<{iri}> <{EXTRACTOR}> <urn:older-rules>"
    _update(url, f"DELETE DATA {{ {marker} . GRAPH {union_g} {{ {marker} }} }} ; "
                 f"INSERT DATA {{ {older} . GRAPH {union_g} {{ {older} }} }}")
    assert store.query(f"ASK {{ <{junk[0]}> ?p ?o }}").boolean            # in the union too
    assert store.query(f"ASK {{ GRAPH <{iri}> {{ <{junk[0]}> ?p ?o }} }}").boolean

    report = kg.build([arts], out=tmp_path / "rebuilt", store=url)
    assert (report.added, report.unchanged) == (1, len(ARTICLES) - 1)
    assert not store.query(f"ASK {{ <{junk[0]}> ?p ?o }}").boolean
    older_quad = (f"<{iri}>", f"<{EXTRACTOR}>", "<urn:older-rules>", "DEFAULT")
    assert _quads(store) - {older_quad} == before == _quads(Store(local_path, read_only=True))
    # the default graph is no article's: what the older rules said of the article there stays, as in Store
    _update(url, f"DELETE DATA {{ {older} . GRAPH {union_g} {{ {older} }} }}")
    assert _quads(store) == before
    assert sorted(map(str, store.union_triples())) == union


def test_remove_graph_keeps_what_other_graphs_state(server):
    store = RemoteStore(server)
    a, b = URIRef("urn:test:graph-a"), URIRef("urn:test:graph-b")
    shared = (URIRef("urn:test:s"), URIRef("urn:test:p"), Literal("both"))
    only_a = (URIRef("urn:test:s"), URIRef("urn:test:p"), Literal("only a", lang="en"))
    assert store.add_quads([(*shared, a), (*only_a, a), (*shared, b)]) == 3
    assert store.has_graph(str(a)) and store.has_graph(str(b))
    store.remove_graph(str(a))
    assert not store.has_graph(str(a))
    assert store.query('ASK { <urn:test:s> <urn:test:p> "both" }').boolean
    assert not store.query('ASK { <urn:test:s> <urn:test:p> "only a"@en }').boolean
    store.remove_graph(str(b))
    assert not store.query("ASK { <urn:test:s> ?p ?o }").boolean


def test_a_bad_quad_writes_nothing(server):
    store = RemoteStore(server)
    n = len(store)
    good = [(URIRef("urn:test:new"), URIRef("urn:test:p"), Literal(i), URIRef("urn:test:g")) for i in range(3)]
    with pytest.raises((TypeError, ValueError, StoreError)):
        store.add_quads(good + [(Literal("s"), URIRef("urn:test:p"), URIRef("urn:test:o"), None)])
    assert len(store) == n and not store.query("ASK { <urn:test:new> ?p ?o }").boolean


def test_read_only_refuses_writes(server):
    store = kg.open_store(server, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.add_quads([(URIRef("urn:test:x"), URIRef("urn:test:p"), Literal(1), None)])


# ------------------------------------------------------------------ the commands

def test_cli_query_with_store_url(built):
    _, local, url, _, _ = built
    args = ("query", "claims_by_actor", "--param", "actor=Putin", "--format", "json")
    mine, theirs = run(*args, "--store", url), run(*args, "--store", local)
    assert mine.exit_code == 0, mine.output
    assert json.loads(mine.output) and json.loads(mine.output) == json.loads(theirs.output)


def test_cli_export_turtle_with_store_url(built, tmp_path):
    _, local, url, _, _ = built
    mine, theirs = run("export", "--format", "turtle", "--store", url), run("export", "--format", "turtle",
                                                                            "--store", local)
    assert mine.exit_code == 0, mine.output
    assert "kg:Statement" in mine.output and mine.output == theirs.output


def test_cli_analyze_validate_viz_with_store_url(built, tmp_path):
    _, local, url, _, _ = built
    mine, theirs = (run("analyze", "--format", "json", "--store", s) for s in (url, local))
    assert mine.exit_code == 0, mine.output
    assert json.loads(mine.output) == json.loads(theirs.output)
    mine, theirs = (run("validate", "--store", s) for s in (url, local))
    assert mine.exit_code == theirs.exit_code and mine.output == theirs.output
    out = tmp_path / "graph.html"
    result = run("viz", "-o", out, "--store", url)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_cli_serve_refuses_a_store_url(server):
    result = CliRunner().invoke(cli, ["serve", "--store", server, "--port", "0"])
    assert result.exit_code == 1
    assert "SPARQL server already" in result.output and len(result.output.strip().splitlines()) == 1


# ------------------------------------------------------------------ errors

def test_unreachable_server_gives_one_clear_line():
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(StoreError, match="cannot reach the SPARQL server at http://127.0.0.1"):
        kg.query("facts", store=url)
    result = CliRunner().invoke(cli, ["query", "facts", "--store", url])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the SPARQL server" in lines[0], result.output


def test_not_a_sparql_endpoint(server):
    with pytest.raises(StoreError, match="HTTP 404"):
        RemoteStore(server + "/no/such/dataset")


def test_syntax_error_names_line_and_column(server):
    with pytest.raises(QueryError, match=r"(?i)syntax.*\b3:\d+"):
        kg.query("SELECT ?s WHERE {\n  ?s ?p\n}", store=server)


def test_a_failing_query_is_a_query_error(server):
    with pytest.raises(KgError):
        kg.query("SELECT ?s WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", store=server)


def test_endpoints():
    assert endpoints("http://h:7878") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:3030/ds") == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert endpoints("https://h/ds/query") == ("https://h/ds/query", "https://h/ds/update")
    assert endpoints("http://h:8890/sparql/") == ("http://h:8890/sparql", "http://h:8890/sparql")
