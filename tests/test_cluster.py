"""Extraction on a real ``dask.distributed`` cluster (kg.cluster): a scheduler and two worker
processes on 127.0.0.1, started once for the module; the builds on it are compared byte for
byte with a local build. The articles are invented here (made-up states, firms and people)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli

from conftest import write_article

distributed = pytest.importorskip("distributed")

from kg.cluster import ClusterError, extract_on_cluster  # noqa: E402

EXPORTS = ("graph.ttl", "graph.trig", "facts.jsonl")

PARAGRAPHS = [
    "The Republic of Valdoria deployed 1,200 troops to the Kessmark border on Monday, its defence ministry said. "
    "Kessmark denied the report.",
    "Orvanta Dynamics has supplied 60 Harrow-9 missiles to Valdoria, according to the Brennick Institute.",
    "The Kessmark government imposed sanctions on Valdoria over its drone exports, foreign minister Ilse Marrow "
    "said. Valdoria said the sanctions were illegal.",
    "Valdorian jets struck targets in Ostrel on Tuesday, killing at least 14 people, the Ostrel health ministry "
    "said. The figure could not be verified.",
]
SHORT = [("Border build-up", 0, "2031-05-05"), ("Arms deal", 1, "2031-05-06"),
         ("Sanctions", 2, "2031-05-07"), ("Strikes", 3, "2031-05-08")]


def _articles(folder):
    """Five invented articles, the first long (so that it finishes after the short ones behind it)."""
    folder.mkdir()
    long_text = "Valdoria crisis\n" + "\n\n".join(PARAGRAPHS * 6)
    paths = [write_article(folder, "a0.txt", long_text, {"publisher": "The Ostrel Courier", "published": "2031-05-04"})]
    for i, (headline, para, day) in enumerate(SHORT, 1):
        paths.append(write_article(folder, f"a{i}.txt", headline + "\n" + PARAGRAPHS[para],
                                   {"publisher": f"Gazette {i}", "published": day}))
    return paths


def _closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    """A real scheduler and two single-threaded worker processes on 127.0.0.1."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """The invented articles and their local build (``workers=1``): ``(paths, out, report)``."""
    root = tmp_path_factory.mktemp("cluster")
    paths = _articles(root / "in")
    report = kg.build(paths, out=root / "local", workers=1)
    assert report.added == 5 and report.statements > 5
    return paths, root / "local", report


def test_a_cluster_build_is_byte_identical_to_a_local_one(cluster, local, tmp_path):
    paths, local_out, local_report = local
    seen = []
    report = kg.build(paths, out=tmp_path / "c", scheduler=cluster.scheduler_address,
                      progress=lambda name, done, total: seen.append((name, done, total)))
    assert (report.added, report.statements, report.triples) == (5, local_report.statements, local_report.triples)
    for name in EXPORTS:
        assert (tmp_path / "c" / name).read_bytes() == (local_out / name).read_bytes(), name
    # written in input order whatever order the workers finish in, counted to the total
    assert seen == [(p.name, i, 5) for i, p in enumerate(paths, 1)]
    # each worker loaded the pipeline once (a lambda: sent by value, this module is not on the workers)
    with distributed.Client(cluster, set_as_default=False) as client:
        loads = client.run(lambda: __import__("kg.extract.nlp", fromlist=["x"]).load_pipeline.cache_info().misses)
    assert sorted(loads.values()) == [1, 1], loads
    again = kg.build(paths, out=tmp_path / "c", scheduler=cluster.scheduler_address)
    assert (again.added, again.unchanged) == (0, 5)


def test_results_come_back_in_input_order(cluster, local):
    from kg.load import load
    paths, _, _ = local
    articles = load(list(reversed(paths))).articles
    names = [ex.article.name for ex in extract_on_cluster(articles, cluster.scheduler_address)]
    assert names == [a.name for a in articles]
    assert list(extract_on_cluster([], "tcp://127.0.0.1:1")) == []     # nothing to send: no connection


def test_work_in_flight_is_bounded(cluster):
    """30 articles, two workers: at most ``IN_FLIGHT_PER_WORKER`` per worker are out at a time."""
    from kg.cluster import IN_FLIGHT_PER_WORKER
    from kg.model import Article
    articles = []
    for i in range(30):
        text = f"Patrol {i}\nValdoria sent {i + 2} patrol boats to the Ostrel coast, officials said."
        articles.append(Article(f"p{i}.txt", text, f"Patrol {i}", text.index("\n") + 1))
    stream = extract_on_cluster(articles, cluster.scheduler_address)
    names = [next(stream).article.name]
    with distributed.Client(cluster, set_as_default=False) as client:
        out = client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))
    assert out <= 2 * IN_FLIGHT_PER_WORKER + 2, out        # + one check task per worker
    names += [ex.article.name for ex in stream]
    assert names == [a.name for a in articles]


def test_an_unreachable_scheduler_is_one_clear_error_and_quick(local, tmp_path):
    paths, _, _ = local
    address = f"tcp://127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    with pytest.raises(ClusterError) as e:
        kg.build(paths, out=tmp_path / "x", scheduler=address)
    assert time.monotonic() - start < 5
    message = str(e.value)
    assert "\n" not in message and address in message and "dask scheduler" in message
    assert isinstance(e.value, kg.KgError)
    with pytest.raises(ClusterError, match="unknown address scheme"):
        kg.build(paths, out=tmp_path / "y", scheduler="http://127.0.0.1:8786")


def test_a_scheduler_without_workers_is_one_clear_error(local, tmp_path, monkeypatch):
    import kg.cluster
    paths, _, _ = local
    monkeypatch.setattr(kg.cluster, "WORKER_TIMEOUT", 1)
    with distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=":0") as empty:
        with pytest.raises(ClusterError, match="no Dask worker joined") as e:
            kg.build(paths[1:2], out=tmp_path / "o", scheduler=empty.scheduler_address)
    assert "dask worker " + empty.scheduler_address in str(e.value)


def test_a_rebuild_with_nothing_to_extract_needs_no_cluster(local, tmp_path):
    paths, _, _ = local
    kg.build(paths[1:2], out=tmp_path / "o")
    again = kg.build(paths[1:2], out=tmp_path / "o", scheduler=f"tcp://127.0.0.1:{_closed_port()}")
    assert (again.added, again.unchanged) == (0, 1)


def test_without_dask_the_scheduler_option_says_what_to_install(local, tmp_path, monkeypatch):
    paths, _, _ = local
    monkeypatch.setitem(sys.modules, "distributed", None)      # as if not installed: import fails
    with pytest.raises(ClusterError, match=r"geokg\[cluster\]"):
        kg.build(paths[1:2], out=tmp_path / "o", scheduler="tcp://127.0.0.1:8786")


def test_a_worker_with_another_extractor_fails_the_build(local, tmp_path):
    """A worker without the spaCy model (here: told to run the blank pipeline) would make another graph."""
    paths, _, _ = local
    with distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=":0", env={"GEOKG_MODEL": "blank"}) as other:
        with pytest.raises(ClusterError, match="blank-en") as e:
            kg.build(paths[1:3], out=tmp_path / "o", scheduler=other.scheduler_address)
    assert "install the same geokg" in str(e.value) and "\n" not in str(e.value)


def test_kg_build_scheduler_on_the_command_line(cluster, local, tmp_path):
    paths, local_out, _ = local
    folder = paths[0].parent
    r = CliRunner().invoke(cli, ["build", str(folder), "--scheduler", cluster.scheduler_address, "-q",
                                 "--out", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    for name in EXPORTS:
        assert (tmp_path / "o" / name).read_bytes() == (local_out / name).read_bytes(), name
    address = f"tcp://127.0.0.1:{_closed_port()}"
    bad = CliRunner().invoke(cli, ["build", str(folder), "--scheduler", address, "--out", str(tmp_path / "p")])
    assert bad.exit_code == 1
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach the Dask scheduler at " + address), lines
    assert "--scheduler" in CliRunner().invoke(cli, ["build", "--help"]).output


def test_import_kg_does_not_import_dask():
    code = ("import sys, kg, kg.build, kg.cli, kg.cluster; "
            "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_unknown_scheme_is_refused_before_any_client_is_made(local, tmp_path, monkeypatch):
    # a Client that fails in its constructor is closed whenever the garbage collector runs, and that
    # close has hung the start of the next test's Client: none is made for an address no comm knows
    paths, _, _ = local
    made = []
    real_init = distributed.Client.__init__

    def counting_init(self, *args, **kwargs):
        made.append(args[:1])
        return real_init(self, *args, **kwargs)

    monkeypatch.setattr(distributed.Client, "__init__", counting_init)
    with pytest.raises(ClusterError, match="unknown address scheme 'http'"):
        kg.build(paths[1:2], out=tmp_path / "o", scheduler="http://127.0.0.1:8786")
    assert made == []
