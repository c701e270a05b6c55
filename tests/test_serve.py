"""Tests for kg.serve and ``kg serve``: Oxigraph's real server on 127.0.0.1 over a copy of the seeds' store.

The library's queries must answer over HTTP (SPARQLWrapper, a plain SPARQL
client) exactly as ``kg.query`` answers in process.
"""
import csv
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
import rdflib
from click.testing import CliRunner
from SPARQLWrapper import JSON, POST, SPARQLWrapper

import kg
from kg.cli import cli
from kg.errors import KgError
from kg.queries import load_query
from kg.rdf import PREFIXES
from kg.serve import serve

from conftest import ROOT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

# every library query, with the parameters of the competency questions (tests/test_build.py)
QUERIES = [
    ("claims_by_actor", {"actor": "Maduro"}),
    ("claims_by_actor", {}),
    ("arms_transfers", {"item": "Igla-S"}),
    ("arms_transfers", {}),
    ("deployments", {"actor": "US"}),
    ("corroborated", {}),
    ("doubtful_claims", {"status": "disputed"}),
    ("measures", {"entity": "Igla-S"}),
    ("entity_profile", {"name": "Maduro"}),
    ("timeline", {}),
    ("conflicting_numbers", {}),
    ("statement_sources", {}),
    ("facts", {}),
    ("graph_edges", {}),
]
NON_EMPTY = {"claims_by_actor", "arms_transfers", "deployments", "corroborated", "doubtful_claims", "measures",
             "entity_profile", "facts", "graph_edges"}


def canonical(bindings) -> list[str]:
    """SPARQL JSON bindings as a sorted list: the same answers, in whatever order ties came."""
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in bindings)


def http_select(url: str, text: str) -> dict:
    client = SPARQLWrapper(url)
    client.setQuery(text)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    return client.query().convert()


def post(url: str, text: str, accept: str, field: str = "query"):
    req = urllib.request.Request(url, data=urllib.parse.urlencode({field: text}).encode("utf-8"),
                                 headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.headers.get_content_type(), r.read().decode("utf-8")


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    """The endpoint over a copy of the seeds' store in a temporary folder; stopped after the module."""
    srv = serve(seed_store, port=0, data_dir=tmp_path_factory.mktemp("served") / "store")
    yield srv
    srv.stop()
    assert not srv.running


# ------------------------------------------------------------------ the same answers as kg.query

@pytest.mark.parametrize("name, params", QUERIES, ids=[f"{n}-{'-'.join(p.values()) or 'all'}" for n, p in QUERIES])
def test_library_queries_answer_as_in_process(server, seed_store, name, params):
    local = kg.query(name, store=seed_store, params=params)
    remote = http_select(server.query_url, kg.api.sparql_text(name, params))
    assert remote["head"]["vars"] == local.variables
    assert canonical(remote["results"]["bindings"]) == canonical(kg.sparql_json(local)["results"]["bindings"])
    if name in NON_EMPTY:
        assert local.rows, name


def test_a_parameter_bound_by_hand_in_the_query_text(server, seed_store):
    # what any client would write: PREFIX lines and a VALUES clause, no help from kg
    prefixes = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    text = prefixes + load_query("claims_by_actor").text.replace("WHERE {", 'WHERE {\n  VALUES ?actor { "Maduro" }', 1)
    remote = http_select(server.query_url, text)["results"]["bindings"]
    local = kg.query("claims_by_actor", store=seed_store, params={"actor": "Maduro"})
    assert canonical(remote) == canonical(kg.sparql_json(local)["results"]["bindings"])
    assert any(b["predicate"]["value"] == "possesses" and b["value"]["value"] == "5000" for b in remote)


def test_statement_bound_to_an_iri(server, seed_store):
    st = kg.query("corroborated", store=seed_store).rows[0]["statement"]
    local = kg.query("statement_sources", store=seed_store, params={"statement": f"<{st}>"})
    remote = http_select(server.query_url, kg.api.sparql_text("statement_sources", {"statement": f"<{st}>"}))
    assert len(local.rows) >= 2
    assert canonical(remote["results"]["bindings"]) == canonical(kg.sparql_json(local)["results"]["bindings"])


@pytest.mark.parametrize("pattern", ["?s ?p ?o", "GRAPH ?g { ?s ?p ?o }"])
def test_the_default_graph_is_the_union_counted_once(server, seed_store, pattern):
    """Plain COUNT(*): the served default graph is our union (not every graph merged), named graphs the articles."""
    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"
    local = kg.query(text, store=seed_store).rows[0]["n"]
    remote = http_select(server.query_url, text)["results"]["bindings"][0]["n"]["value"]
    assert int(remote) == local > 0


# ------------------------------------------------------------------ content negotiation

SELECT = "SELECT ?e ?label WHERE { ?e a schema:Country ; rdfs:label ?label }"
CONSTRUCT = "CONSTRUCT { ?src kg:supports ?st } WHERE { ?src kg:supports ?st }"


@pytest.fixture(scope="module")
def countries(seed_store):
    return {(r["e"], r["label"]) for r in kg.query(SELECT, store=seed_store).rows}


def test_select_as_json(server, countries):
    ctype, body = post(server.query_url, kg.api.sparql_text(SELECT), "application/sparql-results+json")
    assert ctype == "application/sparql-results+json"
    rows = {(b["e"]["value"], b["label"]["value"]) for b in json.loads(body)["results"]["bindings"]}
    assert rows == countries and ("https://geokg.example/entity/Q717", "Venezuela") in rows


def test_select_as_xml(server, countries):
    ctype, body = post(server.query_url, kg.api.sparql_text(SELECT), "application/sparql-results+xml")
    assert ctype == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    rows = set()
    for result in ET.fromstring(body).iterfind("r:results/r:result", ns):
        cells = {b.get("name"): b[0].text for b in result.iterfind("r:binding", ns)}
        rows.add((cells["e"], cells["label"]))
    assert rows == countries


@pytest.mark.parametrize("accept, delimiter", [("text/csv", ","), ("text/tab-separated-values", "\t")])
def test_select_as_csv_and_tsv(server, countries, accept, delimiter):
    ctype, body = post(server.query_url, kg.api.sparql_text(SELECT), accept)
    assert ctype == accept
    rows = list(csv.reader(io.StringIO(body), delimiter=delimiter))
    if delimiter == ",":
        assert rows[0] == ["e", "label"]
        got = {tuple(r) for r in rows[1:] if r}
    else:      # TSV results are RDF terms: <iri> and "literal"
        assert rows[0] == ["?e", "?label"]
        got = {(r[0].strip("<>"), r[1].strip('"')) for r in rows[1:] if r}
    assert got == countries


@pytest.mark.parametrize("accept, ctype", [("application/sparql-results+json", "application/sparql-results+json"),
                                           ("text/csv", "text/csv")])
def test_select_by_get(server, countries, accept, ctype):
    url = server.query_url + "?" + urllib.parse.urlencode({"query": kg.api.sparql_text(SELECT)})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
        assert r.headers.get_content_type() == ctype
        body = r.read().decode("utf-8")
    assert all(label in body for _, label in countries) and "Venezuela" in body


def test_ask_as_json(server):
    _, body = post(server.query_url, kg.api.sparql_text("ASK { ?s a kg:Statement }"), "application/sparql-results+json")
    assert json.loads(body)["boolean"] is True


@pytest.mark.parametrize("accept, rdflib_format", [("text/turtle", "turtle"), ("application/n-triples", "nt")])
def test_construct_as_turtle_and_ntriples(server, seed_store, accept, rdflib_format):
    ctype, body = post(server.query_url, kg.api.sparql_text(CONSTRUCT), accept)
    assert ctype == accept
    got = {(str(s), str(o)) for s, _, o in rdflib.Graph().parse(data=body, format=rdflib_format)}
    local = {(t.subject.value, t.object.value) for t in kg.query(CONSTRUCT, store=seed_store).triples}
    assert got == local and local


def test_the_root_is_the_query_page(server):
    with urllib.request.urlopen(server.url, timeout=10) as r:
        assert r.status == 200 and r.headers.get_content_type() == "text/html"
        assert "yasgui" in r.read().decode("utf-8").lower()


# ------------------------------------------------------------------ read-only

UPDATE = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"


def test_an_update_is_refused(server):
    client = SPARQLWrapper(server.query_url, updateEndpoint=server.update_url)
    client.setMethod(POST)
    client.setQuery(UPDATE)
    with pytest.raises(urllib.error.HTTPError) as e:
        client.query()
    assert e.value.code == 403


@pytest.mark.parametrize("method, path, ctype, data", [
    ("POST", "update", "application/sparql-update", UPDATE),
    ("POST", "query", "application/sparql-update", UPDATE),
    ("PUT", "store?default", "text/turtle", "<urn:x> <urn:y> <urn:z> ."),
    ("DELETE", "store?default", None, None),
])
def test_no_way_to_write(server, method, path, ctype, data):
    req = urllib.request.Request(server.url + path, method=method, data=data.encode() if data else None,
                                 headers={"Content-Type": ctype} if ctype else {})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=10)
    assert 400 <= e.value.code < 600
    assert http_select(server.query_url, "ASK { <urn:x> ?p ?o }")["boolean"] is False
    assert http_select(server.query_url, kg.api.sparql_text("ASK { ?s a kg:Statement }"))["boolean"] is True


# ------------------------------------------------------------------ life cycle, limits, errors

def test_stop_removes_the_temporary_copy(seed_store):
    with serve(seed_store, port=0) as srv:
        assert srv.data_dir.is_dir() and srv.running
        assert http_select(srv.query_url, "ASK {}")["boolean"] is True
    assert not srv.running
    assert not srv.data_dir.exists()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(srv.query_url + "?query=ASK%7B%7D", timeout=5)


def test_a_busy_port_is_a_clean_error(server, seed_store):
    port = urllib.parse.urlsplit(server.url).port
    with pytest.raises(KgError, match="did not start .*Address already in use"):
        serve(seed_store, port=port)


def http_error(url: str, text: str, accept: str) -> urllib.error.HTTPError:
    with pytest.raises(urllib.error.HTTPError) as e:
        post(url, text, accept)
    return e.value


CROSS = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"       # far more answers than any limit, and longer than any timeout


@pytest.mark.parametrize("accept, text", [
    ("application/sparql-results+json", f"SELECT (COUNT(*) AS ?n) WHERE {CROSS}"),
    ("text/csv", f"SELECT (COUNT(*) AS ?n) WHERE {CROSS}"),
    ("application/sparql-results+xml", f"SELECT (COUNT(*) AS ?n) WHERE {CROSS}"),
])
def test_a_long_query_is_cut_off_with_a_clear_error(seed_store, accept, text):
    """Oxigraph appends 'cancelled' to a body already sent as 200; the front turns that into a 504 with one line."""
    with serve(seed_store, port=0, timeout_s=1) as srv:
        error = http_error(srv.query_url, text, accept)
        assert error.code == 504
        message = error.read().decode("utf-8")
        assert message.startswith("the query ran past the 1 s limit (kg serve --timeout)") and "cancelled" in message
        assert message.count("\n") == 1
        # the engine itself, without the front, sends the broken body as a success
        with urllib.request.urlopen(urllib.request.Request(
                srv.engine_url + "query", data=urllib.parse.urlencode({"query": text}).encode(),
                headers={"Accept": accept}), timeout=30) as r:
            assert r.status == 200 and b"cancelled" in r.read()


@pytest.fixture(scope="module")
def limited(seed_store):
    with serve(seed_store, port=0, max_results=5) as srv:
        yield srv


STATEMENTS = "SELECT DISTINCT ?e WHERE { ?e a kg:Statement }"


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_an_answer_over_the_limit_is_a_clear_error(limited, accept):
    error = http_error(limited.query_url, kg.api.sparql_text(STATEMENTS), accept)
    assert error.code == 400
    assert error.headers.get_content_type() == "text/plain"
    assert error.read().decode("utf-8") == ("the query has more than 5 results, the limit of this endpoint "
                                            "(kg serve --max-results); add LIMIT and OFFSET to page through them\n")


@pytest.mark.parametrize("limit", [1, 5])
def test_an_answer_within_the_limit_is_relayed_whole(limited, seed_store, limit):
    text = kg.api.sparql_text(STATEMENTS + f" ORDER BY ?e LIMIT {limit}")
    remote = http_select(limited.query_url, text)["results"]["bindings"]
    assert [b["e"]["value"] for b in remote] == [r["e"] for r in kg.query(text, store=seed_store).rows]
    ctype, body = post(limited.query_url, text, "text/csv")
    assert ctype == "text/csv" and body.count("\r\n") == limit + 1


def test_pages_through_a_long_answer(limited, seed_store):
    everything = [r["e"] for r in kg.query(STATEMENTS + " ORDER BY ?e", store=seed_store).rows]
    assert len(everything) > 5
    pages = []
    for offset in range(0, len(everything), 5):
        text = kg.api.sparql_text(STATEMENTS + f" ORDER BY ?e LIMIT 5 OFFSET {offset}")
        pages += [b["e"]["value"] for b in http_select(limited.query_url, text)["results"]["bindings"]]
    assert pages == everything


def test_a_graph_over_the_limit_is_refused_before_it_is_computed(limited):
    """Triples count too; the front stops reading at the sixth, long before the engine's 30 s timeout."""
    error = http_error(limited.query_url, f"CONSTRUCT {{ ?a ?b ?i }} WHERE {CROSS}", "text/turtle")
    assert error.code == 400 and "more than 5 results" in error.read().decode("utf-8")
    ctype, body = post(limited.query_url, "CONSTRUCT { <urn:a> <urn:b> ?o } WHERE { VALUES ?o { 1 2 3 } }",
                       "application/n-triples")
    assert ctype == "application/n-triples" and body.count("\n") == 3


def test_ask_and_the_query_page_pass_the_limit(limited):
    assert http_select(limited.query_url, kg.api.sparql_text("ASK { ?s a kg:Statement }"))["boolean"] is True
    with urllib.request.urlopen(limited.url, timeout=10) as r:
        assert "yasgui" in r.read().decode("utf-8").lower()


def test_a_client_library_shows_the_limit_error(limited):
    client = SPARQLWrapper(limited.query_url)
    client.setQuery(kg.api.sparql_text(STATEMENTS))
    client.setReturnFormat(JSON)
    with pytest.raises(Exception, match="more than 5 results"):
        client.query()


def test_a_syntax_error_passes_through(limited):
    error = http_error(limited.query_url, "SELECT ?x WHERE { ?x", "application/sparql-results+json")
    assert error.code == 400 and "more than" not in error.read().decode("utf-8")


def test_no_limit(seed_store):
    with serve(seed_store, port=0, max_results=0) as srv:
        rows = http_select(srv.query_url, kg.api.sparql_text(STATEMENTS))["results"]["bindings"]
    assert len(rows) == len(kg.query(STATEMENTS, store=seed_store).rows) > 5


def test_an_engine_that_does_not_answer_in_time_leaves_nothing_behind(seed_store):
    before = set(os.listdir(tempfile.gettempdir()))
    with pytest.raises(KgError, match=r"did not start on 127.0.0.1:\d+"):
        serve(seed_store, port=0, ready_timeout_s=0)
    assert not {n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("geokg-serve-")}


def test_snapshot_refuses_a_used_folder(seed_store, tmp_path):
    (tmp_path / "junk").write_text("x")
    with pytest.raises(KgError, match="not empty"):
        serve(seed_store, port=0, data_dir=tmp_path)


def test_cli_serve_runs_until_interrupted(seed_build, tmp_path):
    out, _ = seed_build
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(out / "store"), "--port", "0"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert "SPARQL endpoint http://127.0.0.1:" in line, line + proc.stderr.read()
        assert "30 s and at most 10000 results per query" in line
        url = line.split("SPARQL endpoint ", 1)[1].split()[0]
        assert http_select(url, kg.api.sparql_text("ASK { ?s a kg:Statement }"))["boolean"] is True
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=5)
    assert list(tmp_path.iterdir()) == []          # nothing written where it ran


def test_serve_help_has_an_example():
    r = CliRunner().invoke(cli, ["serve", "--help"])
    assert r.exit_code == 0 and "Example: kg serve" in r.stdout
