"""Tests for kg.cli: the real commands through click's CliRunner, on a real store in a temporary folder."""
import csv
import gc
import io
import json
import re
import shutil

import pytest
import rdflib
from click.testing import CliRunner

import kg
from kg.cli import cli

from conftest import SEEDS, write_article

# rdflib's own parsers use its deprecated ConjunctiveGraph API: not our warnings
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

OUTPUTS = ("graph.ttl", "graph.trig", "facts.jsonl", "graph.html", "summary.json")
COMMANDS = ("build", "query", "queries", "export", "viz", "analyze", "path", "validate", "serve")


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def count_quads(store_path) -> int:
    st = kg.open_store(store_path, read_only=True)
    n = len(st)
    del st
    gc.collect()
    return n


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """Run every command from a temporary folder: nothing can land in the repository's exports/.

    Afterwards, collect garbage, so that no store object of one test (kept
    alive by a traceback's reference cycle) still holds its lock in the next.
    """
    monkeypatch.chdir(tmp_path)
    yield
    gc.collect()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``kg build`` on copies of the two seed articles: ``(articles, out, store, first, second)``.

    ``first`` and ``second`` are the results of building once and building again;
    ``ttl_first`` is graph.ttl as the first build wrote it.
    """
    root = tmp_path_factory.mktemp("cli")
    articles, out, store = root / "articles", root / "out", root / "out" / "store"
    articles.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, articles / p.name)
    first = run("build", articles, "--out", out, "--store", store)
    ttl_first = (out / "graph.ttl").read_bytes() if (out / "graph.ttl").exists() else None
    second = run("build", articles, "--out", out, "--store", store)
    return {"articles": articles, "out": out, "store": store, "first": first, "second": second,
            "ttl_first": ttl_first}


@pytest.fixture
def store(built):
    return built["store"]


# ------------------------------------------------------------------ build

def test_build_prints_the_summary(built):
    r = built["first"]
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert re.search(r"^articles:\s+2 \(2 added, 0 unchanged, 0 skipped\)$", out, re.M)
    for key in ("entities", "statements", "claims", "triples"):
        m = re.search(rf"^{key}:\s+(\d+)$", out, re.M)
        assert m and int(m[1]) > 0, key
    m = re.search(r"^most central actors: (.+)$", out, re.M)
    assert m and re.search(r"\w \((Person|Country|Organization|MilitaryForce|WeaponSystem|Location|Group|Thing)\)",
                           m[1])
    assert "wrote:" in out
    for name in (p.name for p in SEEDS.glob("*.txt")):
        assert f"read {name}" in r.stderr


def test_build_with_workers_and_quiet_prints_nothing(built, tmp_path, monkeypatch):
    import importlib
    monkeypatch.setattr(importlib.import_module("kg.build"), "ARTICLES_PER_WORKER", 1)   # a pool for two
    r = CliRunner().invoke(cli, ["build", str(built["articles"]), "--workers", "2", "-q", "--out", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and r.stderr == ""
    assert (tmp_path / "o" / "graph.ttl").read_bytes() == built["ttl_first"]
    bad = CliRunner().invoke(cli, ["build", str(built["articles"]), "--workers", "0", "--out", str(tmp_path / "p")])
    assert bad.exit_code == 2 and "--workers" in bad.stderr


def test_build_progress_on_a_terminal_is_one_line():
    from kg.cli import _ProgressLine
    buf = io.StringIO()
    line = _ProgressLine(buf, every=0)
    for done in (1, 2, 3):
        line(f"a{done}.txt", done, 3)
    line.close()
    text = buf.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n") and text.count("\n") == 1
    frames = text.rstrip("\n").split("\r")[1:]
    assert re.match(r"  read 1/3 articles  [\d.]+ articles/s  \d+s left", frames[0])
    assert frames[-1].startswith("  read 3/3 articles") and "writing exports" in frames[-1]


def test_build_writes_the_exports(built):
    out = built["out"]
    for name in OUTPUTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 2
    assert summary["statements"] > 0
    assert set(summary["files"]) >= {"turtle", "trig", "facts", "html", "summary"}
    assert len(rdflib.Graph().parse(out / "graph.ttl", format="turtle")) == summary["triples"]
    lines = (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == summary["statements"]


def test_build_again_changes_nothing(built):
    r = built["second"]
    assert r.exit_code == 0, r.output
    assert re.search(r"^articles:\s+2 \(0 added, 2 unchanged, 0 skipped\)$", r.stdout, re.M)
    assert (built["out"] / "graph.ttl").read_bytes() == built["ttl_first"]


def test_build_no_exports_names_the_commands_that_write_them(built, tmp_path):
    out = tmp_path / "o"
    shutil.copytree(built["out"], out, ignore=shutil.ignore_patterns("LOCK"))
    r = run("build", built["articles"], "--out", out, "--no-exports")
    assert r.exit_code == 0, r.output
    assert "not written (--no-exports)" in r.stderr
    for name in ("graph.ttl", "graph.trig", "facts.jsonl", "graph.html", "report.md"):
        assert not (out / name).exists(), name                 # an older copy would not match the store
        assert f"{out / name}: kg " in r.stderr
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["articles"] == 2
    command = next(line for line in r.stderr.splitlines() if "graph.ttl:" in line).split(": ", 1)[1]
    args = command.split()[1:]
    assert run(*args).exit_code == 0
    assert (out / "graph.ttl").read_bytes() == built["ttl_first"]


def _bad_file(folder, kind):
    if kind == "empty":
        (folder / "bad.txt").write_bytes(b"")
    elif kind == "binary":
        (folder / "bad.txt").write_bytes(b"GIF89a\x00\x01\x00\x00\xff\xfe" * 20)
    elif kind == "undecodable":     # says UTF-16 (its byte-order mark), holds a lone surrogate
        (folder / "bad.txt").write_bytes(b"\xff\xfe" + "Caracas".encode("utf-16-le") + b"\x00\xd8")
    return folder / "bad.txt"


@pytest.mark.parametrize("kind", ["empty", "binary", "undecodable"])
def test_build_strict_bad_file_fails_cleanly_and_stores_nothing(store, tmp_path, kind):
    folder = tmp_path / "in"
    folder.mkdir()
    # a good new article next to the bad one: it must not be stored either
    write_article(folder, "good.txt", "Iran sends drones\nIran sent 200 drones to Russia, officials said.\n")
    bad = _bad_file(folder, kind)
    before = count_quads(store)
    r = CliRunner().invoke(cli, ["build", str(folder), "--strict", "--out", str(tmp_path / "o"),
                                 "--store", str(store)])
    assert r.exit_code == 1
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    err = r.stderr.strip()
    assert err.startswith("Error: ")
    assert "\n" not in err
    assert bad.name in err
    assert "Traceback" not in r.output
    assert count_quads(store) == before


@pytest.mark.parametrize("kind", ["empty", "binary", "undecodable"])
def test_build_skips_a_bad_file_and_builds_the_rest(tmp_path, kind):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "good.txt", "Iran sends drones\nIran sent 200 drones to Russia, officials said.\n")
    bad = _bad_file(folder, kind)
    r = CliRunner().invoke(cli, ["build", str(folder), "--out", str(tmp_path / "o")])
    assert r.exit_code == 3, r.output
    [line] = [line for line in r.stderr.splitlines() if not line.startswith("  read ")]
    assert line.startswith(f"skipped {bad}: ")
    assert "(1 added, 0 unchanged, 1 skipped)" in r.stdout
    assert "Traceback" not in r.output


def test_failed_build_does_not_keep_the_store_locked(store, tmp_path):
    bad = _bad_file(tmp_path, "empty")
    args = ["build", str(bad), "--strict", "--out", str(tmp_path / "o"), "--store", str(store)]
    first = CliRunner().invoke(cli, args)
    second = CliRunner().invoke(cli, args)       # ``first`` (and its traceback) still held
    codes, errors = (first.exit_code, second.exit_code), (first.stderr, second.stderr)
    del first, second                            # release the store before asserting, so that a
    gc.collect()                                 # failure here cannot lock it for later tests
    assert codes == (1, 1)
    assert "bad.txt" in errors[0]
    assert "bad.txt" in errors[1], errors[1]


def test_build_missing_path_fails_cleanly(store, tmp_path):
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere"), "--store", str(store),
                                 "--out", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: ") and "nowhere" in r.stderr


# ------------------------------------------------------------------ query

def test_query_library_name(store):
    r = run("query", "corroborated", "--store", store)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["statement", "subject", "predicate", "object", "value", "origins", "articles",
                                "credibility"]
    assert re.fullmatch(r"\((\d+) rows\)", lines[-1]) and int(lines[-1][1:].split()[0]) > 0


def test_query_inline_sparql(store):
    r = run("query", "SELECT DISTINCT ?e ?label WHERE { ?e a schema:Country ; rdfs:label ?label } ORDER BY ?label",
            "--store", store)
    assert r.exit_code == 0, r.output
    assert "Venezuela" in r.stdout and "United States" in r.stdout


def test_query_file_and_stdin(store, tmp_path):
    sparql = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement }"
    f = tmp_path / "count.rq"
    f.write_text(sparql, encoding="utf-8")
    by_file = run("query", f, "--store", store, "--format", "csv")
    by_stdin = run("query", "-", "--store", store, "--format", "csv", input=sparql)
    assert by_file.exit_code == 0 and by_stdin.exit_code == 0
    assert by_file.stdout == by_stdin.stdout
    assert by_file.stdout.splitlines()[0] == "n" and int(by_file.stdout.splitlines()[1]) > 0


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_query_csv_tsv(store, fmt, delimiter):
    r = run("query", "SELECT DISTINCT ?e ?label WHERE { ?e a schema:Country ; rdfs:label ?label } ORDER BY ?label",
            "--store", store, "--format", fmt)
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter=delimiter))
    assert rows[0] == ["e", "label"]
    assert ["https://geokg.example/entity/Q717", "Venezuela"] in rows[1:]


def test_query_json_is_sparql_results(store):
    r = run("query", "SELECT ?s ?n WHERE { ?s a kg:Statement . BIND(1 AS ?n) } LIMIT 3", "--store", store,
            "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["head"]["vars"] == ["s", "n"]
    bindings = doc["results"]["bindings"]
    assert len(bindings) == 3
    for b in bindings:
        assert b["s"]["type"] == "uri" and b["s"]["value"].startswith("https://geokg.example/statement/")
        assert b["n"] == {"type": "literal", "value": "1",
                          "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


@pytest.mark.parametrize("sparql, expected", [
    ("ASK { ?s a kg:Statement }", "true"),
    ("ASK { ?s a kg:NoSuchClass }", "false"),
])
def test_query_ask(store, sparql, expected):
    r = run("query", sparql, "--store", store)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == expected


def test_query_construct_prints_turtle(store):
    r = run("query", "CONSTRUCT { ?s a kg:Statement } WHERE { ?s a kg:Statement }", "--store", store)
    assert r.exit_code == 0, r.output
    g = rdflib.Graph().parse(data=r.stdout, format="turtle")
    assert len(g) > 0
    assert all(str(o) == "https://geokg.example/ontology#Statement" for o in g.objects())


def test_query_syntax_error(store):
    r = CliRunner().invoke(cli, ["query", "SELECT ?s WHERE {\n  ?s ?p\n}", "--store", str(store)])
    assert r.exit_code == 1
    err = r.stderr.strip()
    assert err.startswith("Error: ") and "\n" not in err
    assert re.search(r"\b3:\d+\b", err), err


def test_query_unknown_name(store):
    r = CliRunner().invoke(cli, ["query", "nope", "--store", str(store)])
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: ") and "nope" in r.stderr


@pytest.mark.parametrize("value", ["Venezuela", "ent:Q717", "<https://geokg.example/entity/Q717>"])
def test_query_param_binds_a_variable(store, value):
    var = "label" if value == "Venezuela" else "e"
    r = run("query", "SELECT DISTINCT ?e ?label WHERE { ?e a schema:Country ; rdfs:label ?label }",
            "--param", f"{var}={value}", "--store", store, "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["e,label", "https://geokg.example/entity/Q717,Venezuela"]


def test_query_param_needs_name_equals_value(store):
    r = CliRunner().invoke(cli, ["query", "corroborated", "--param", "actor", "--store", str(store)])
    assert r.exit_code == 1
    assert "name=value" in r.stderr


def test_query_param_on_library_query(store):
    r = CliRunner().invoke(cli, ["query", "claims_by_actor", "--param", "actor=Maduro", "--store", str(store)])
    assert r.exit_code == 0, r.stderr
    assert "(0 rows)" not in r.stdout


# ------------------------------------------------------------------ queries, export, analyze, viz

def test_queries_lists_the_library():
    r = run("queries")
    assert r.exit_code == 0
    names = [line.split()[0] for line in r.stdout.splitlines()]
    assert names == [q.name for q in kg.library()]
    assert "claims_by_actor" in names
    assert "[?actor]" in r.stdout


def test_export_turtle(store):
    r = run("export", "--format", "turtle", "--store", store)
    assert r.exit_code == 0
    g = rdflib.Graph().parse(data=r.stdout, format="turtle")
    assert len(g) == len({q.triple for q in kg.open_store(store, read_only=True).quads()})


def test_export_trig_to_file(store, tmp_path):
    path = tmp_path / "g.trig"
    r = run("export", "--format", "trig", "-o", path, "--store", store)
    assert r.exit_code == 0 and r.stdout == ""
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    assert len(list(ds.quads((None, None, None, None)))) == count_quads(store)


def test_export_streams_the_same_bytes_as_the_api(store, tmp_path):
    path = tmp_path / "g.ttl"
    assert run("export", "--format", "turtle", "-o", path, "--store", store).exit_code == 0
    assert path.read_text(encoding="utf-8") == kg.export("turtle", store=store)
    r = run("export", "--format", "trig", "--store", store)
    assert r.exit_code == 0 and r.stdout == kg.export("trig", store=store)


def test_export_nquads(store):
    r = run("export", "--format", "nquads", "--store", store)
    assert r.exit_code == 0
    assert len(set(r.stdout.splitlines())) == count_quads(store)


def test_export_jsonld(store):
    r = run("export", "--format", "jsonld", "--store", store)
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["@context"]["kg"] == "https://geokg.example/ontology#"
    assert doc["@graph"]


def test_export_csv_and_facts_agree(store):
    facts_out = run("export", "--format", "facts", "--store", store)
    csv_out = run("export", "--format", "csv", "--store", store)
    assert facts_out.exit_code == 0 and csv_out.exit_code == 0
    records = [json.loads(line) for line in facts_out.stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert records and len(rows) == len(records)
    assert {r["statement"] for r in rows} == {r["statement"] for r in records}
    assert all("sources" in r and "status" in r for r in records)


def test_export_unknown_format_is_a_usage_error(store):
    r = CliRunner().invoke(cli, ["export", "--format", "rdfxml", "--store", str(store)])
    assert r.exit_code == 2


def test_export_missing_store(tmp_path):
    r = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "no-store")])
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: ") and "no-store" in r.stderr


def test_analyze_json(store):
    r = run("analyze", "--format", "json", "--top", "3", "--store", store)
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    assert set(result) >= {"central", "communities", "components", "disputed", "agreement"}
    rows = result["central"]
    assert 0 < len(rows) <= 3
    for row in rows:
        assert set(row) >= {"label", "type", "degree", "pagerank", "node"}
    assert [row["pagerank"] for row in rows] == sorted((row["pagerank"] for row in rows), reverse=True)


def test_analyze_markdown_to_file(store, tmp_path):
    r = run("analyze", "--format", "md", "-o", tmp_path / "r.md", "--store", store)
    assert r.exit_code == 0, r.output
    assert "## Communities" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_path_links_two_entities(store):
    r = run("path", "Rosoboronexport", "United States", "--store", store)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("chain 1:") and "Rosoboronexport -[" in r.stdout


def test_path_unknown_entity_suggests_near_matches(store):
    r = run("path", "Rosoboronexprot", "United States", "--store", store)
    assert r.exit_code == 1
    assert "Rosoboronexport" in r.output


def test_viz_focus_draws_a_neighbourhood(store, tmp_path):
    path = tmp_path / "f.html"
    r = run("viz", "-o", path, "--focus", "Maduro", "--hops", "1", "--store", store)
    assert r.exit_code == 0, r.output
    assert "Nicolás Maduro" in path.read_text(encoding="utf-8")


def test_viz_writes_html(store, tmp_path):
    path = tmp_path / "g.html"
    r = run("viz", "-o", path, "--max-nodes", "20", "--store", store)
    assert r.exit_code == 0, r.output
    assert str(path) in r.stdout
    html = path.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html.lower()
    assert "Venezuela" in html


def test_output_into_a_missing_folder(store, tmp_path):
    path = tmp_path / "new" / "file.nq"
    r = CliRunner().invoke(cli, ["export", "--format", "nquads", "-o", str(path), "--store", str(store)])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    if r.exit_code == 0:
        assert path.is_file()
    else:
        assert r.stderr.startswith("Error: ")


# ------------------------------------------------------------------ help

@pytest.mark.parametrize("command", (None,) + COMMANDS)
def test_every_command_has_help_with_an_example(command):
    r = run(*([command] if command else []), "--help")
    assert r.exit_code == 0
    assert re.search(r"^\s*Example: kg\b", r.stdout, re.M), r.stdout


def test_query_help_example_names_a_library_query():
    example = re.search(r"Example: kg query (\S+)", run("query", "--help").stdout)[1]
    assert example in [q.name for q in kg.library()]
