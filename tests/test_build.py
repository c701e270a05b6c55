"""The main job on the seeds, and the competency questions of the design, answered by SPARQL.

Each competency question is a query of the library in queries/, run on the
seeds' store through ``kg.query`` with its answer asserted.
"""
from __future__ import annotations

import json
import shutil

import pytest

import kg
from kg.errors import InputError

from conftest import SEEDS, write_article


def rows(query_name, store, **params):
    return kg.query(query_name, store=store, params=params).rows


def test_report_counts(seed_build):
    _, report = seed_build
    assert report.articles == 2 and report.added == 2
    assert report.statements > 10 and report.entities > 10 and report.claims > 0
    assert report.triples > 100
    assert report.central and all("label" in c for c in report.central)


def test_what_maduro_claims_venezuela_has(seed_store):
    found = [r for r in rows("claims_by_actor", seed_store, actor="Maduro")
             if r["predicate"] == "possesses" and r["value"] == 5000]
    assert found, "Maduro's claim about the Igla-S count is missing"
    r = found[0]
    assert (r["subject"], r["object"]) == ("Venezuela", "Igla-S")
    assert r["qualifier"] == "at_least"
    statuses = {x["status"] for x in found}
    assert "unverified" in statuses
    sources = kg.query("statement_sources", store=seed_store, params={"statement": f"<{r['statement']}>"}).rows
    assert {s["article"] for s in sources} == {"000_89d24ad73f7e7e54.txt", "004_ee2df7017508fd8b.txt"}


def test_who_supplies_or_exports_igla_s(seed_store):
    found = rows("arms_transfers", seed_store, item="Igla-S")
    assert {r["supplier"] for r in found} == {"Rosoboronexport"}
    assert {r["predicate"] for r in found} >= {"supplies", "exports"}


def test_what_the_us_deployed_where(seed_store):
    found = [r for r in rows("deployments", seed_store, actor="US") if r["value"]]
    assert any(r["value"] == 4500 and r["unit"] == "Marines and sailors" and r["place"] == "Caribbean"
               for r in found)


def test_igla_s_range_and_ceiling(seed_store):
    found = {(r["property"], r["value"], r["max"], r["unit"]) for r in rows("measures", seed_store, entity="Igla-S")}
    assert ("range", 6000, 6000, "metre") in found
    assert ("max_altitude", 3500, 3500, "metre") in found


def test_disputed_claims(seed_store):
    found = rows("doubtful_claims", seed_store, status="disputed")
    assert any(r["value"] == 8_000_000 and r["claimant"] == "Nicolás Maduro" for r in found)


def test_statements_with_two_sources(seed_store):
    found = rows("corroborated", seed_store)
    keys = {(r["subject"], r["predicate"], r["object"], r["value"]) for r in found}
    assert ("Venezuela", "possesses", "Igla-S", 5000) in keys
    assert ("United States", "deploys", "Marines", 4500) in keys
    assert all(r["articles"] >= 2 for r in found)


def test_entity_profile_merges_aliases(seed_store):
    found = rows("entity_profile", seed_store, name="Maduro")
    assert {r["label"] for r in found} == {"Nicolás Maduro"}
    assert {r["wikidata"] for r in found} == {"Q57413"}


def test_facts_export_is_the_contract(seed_build):
    out, _ = seed_build
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    records = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records
    for r in records:
        assert r["status"] in ("reported", "claimed", "unverified", "disputed", "denied", "confirmed")
        assert 0 <= r["confidence"] <= 1
        for s in r["sources"]:
            assert texts[s["article"]][s["start"]:s["end"]] == s["evidence"]


def test_build_twice_changes_nothing(tmp_path):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    first = kg.build([tmp_path], out=tmp_path / "out")
    ttl = (tmp_path / "out" / "graph.ttl").read_bytes()
    second = kg.build([tmp_path], out=tmp_path / "out")
    assert (second.added, second.unchanged) == (0, 2)
    assert second.triples == first.triples
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == ttl


def test_a_big_store_gets_only_the_summary_unless_exports_are_asked_for(tmp_path, monkeypatch):
    import importlib
    B = importlib.import_module("kg.build")          # kg.build is also the function
    monkeypatch.setattr(B, "EXPORTS_UP_TO", 1)
    out = tmp_path / "out"
    report = kg.build([SEEDS], out=out)              # two articles: over the limit
    assert set(report.files) == {"summary"} and len(report.not_written) == 6
    # the counts, but no central actors: ranking them reads the whole graph
    assert report.articles == 2 and report.statements > 5 and report.triples > 100 and report.central == []
    assert report.not_written["central actors"].startswith("kg analyze --store")
    assert sorted(p.name for p in out.iterdir()) == ["store", "summary.json"]
    assert report.not_written[str(out / "graph.ttl")].startswith("kg export --format turtle")
    report = kg.build([SEEDS], out=out, exports=True)
    assert set(report.files) == {"turtle", "trig", "facts", "html", "report", "summary"} and not report.not_written
    assert report.central
    assert (out / "report.md").is_file()


def test_bad_article_leaves_the_store_untouched(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    write_article(arts, "a.txt", "Border clash\nTurkey deployed 500 troops to Syria on Monday.")
    kg.build([arts], out=tmp_path / "out")
    before = len(kg.open_store(tmp_path / "out" / "store"))
    (arts / "b.txt").write_bytes(b"\xff\xfe\x00binary")
    write_article(arts, "c.txt", "Another story\nGreece bought 20 Rafale jets from France.")
    with pytest.raises(InputError):
        kg.build([arts], out=tmp_path / "out", strict=True)
    assert len(kg.open_store(tmp_path / "out" / "store")) == before


def test_a_bad_article_is_skipped_and_the_rest_built(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    write_article(arts, "a.txt", "Border clash\nTurkey deployed 500 troops to Syria on Monday.")
    (arts / "b.txt").write_bytes(b"\xff\xfe\x00binary")
    report = kg.build([arts], out=tmp_path / "out")
    assert (report.articles, report.added) == (1, 1)
    assert [(s.source, s.reason.split(":")[0]) for s in report.skipped] == [(str(arts / "b.txt"),
                                                                            "undecodable text")]


def test_a_folder_built_into_itself_does_not_read_its_exports(tmp_path):
    write_article(tmp_path, "a.txt", "Border clash\nTurkey deployed 500 troops to Syria on Monday.")
    kg.build([tmp_path], out=tmp_path / "exports")          # writes graph.html, facts.jsonl, summary.json
    again = kg.build([tmp_path], out=tmp_path / "exports")
    assert (again.added, again.unchanged, again.skipped) == (0, 1, [])


def test_build_writes_the_analysis_report(seed_build):
    out, _ = seed_build
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "## Most central actors" in text and "United States" in text


def test_conflicting_numbers_lists_conflicts_only(seed_store):
    # "no less than 5,000" and "5,000" are consistent, not a conflict; no article conflicts with itself
    found = rows("conflicting_numbers", seed_store)
    assert not any(r["subject"] == "Venezuela" and r["object"] == "Igla-S" and r["value_a"] == r["value_b"] == 5000
                   for r in found)
    assert all(r["article_a"] != r["article_b"] or r["claimant_a"] != r["claimant_b"] for r in found)


def test_timeline_orders_dated_events(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    write_article(arts, "a.txt", "Strikes in the north\nIsrael struck Hezbollah targets in Lebanon on Tuesday. "
                  "Russia launched strikes on Kharkiv on 2 March.", {"publisher": "Test", "published": "2025-03-20"})
    kg.build([arts], out=tmp_path / "out")
    found = rows("timeline", tmp_path / "out" / "store")
    times = [(r["time"], r["subject"]) for r in found]
    assert ("2025-03-02", "Russia") in times and ("2025-03-18", "Israel") in times
    assert times == sorted(times, key=lambda t: t[0])


def test_doubtful_claims_say_who_doubts_them(seed_store):
    found = rows("doubtful_claims", seed_store)
    assert any(r["status_value"] == "disputed" and r["doubted_by"] == "experts" for r in found)
    assert any(r["status_value"] == "unverified" and r["doubted_by"] == "CNN" for r in found)


def test_base_namespace_is_configurable(tmp_path):
    import os
    import subprocess
    import sys
    code = ("import kg, json; kg.build([%r], out=%r); "
            "rows = kg.query('claims_by_actor', store=%r, params={'actor': 'Maduro'}).rows; "
            "print(json.dumps(rows[0]['statement']))") % (str(SEEDS), str(tmp_path / "out"), str(tmp_path / "out" / "store"))
    env = {**os.environ, "GEOKG_BASE": "https://news.example.org/kg/"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]).startswith("https://news.example.org/kg/statement/")
    assert "https://geokg.example/" not in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


# ------------------------------------------------------------------ workers

SHORT = [
    ("Troops sent\nRussia deployed 300 troops to Belarus on Monday, officials said. "
     "Belarus denied the report.", "2025-03-03"),
    ("Sanctions\nThe United States imposed sanctions on Iran over its drone exports, the Treasury said. "
     "Iran said the sanctions were illegal.", "2025-03-04"),
    ("Missiles delivered\nRosoboronexport has supplied 40 Igla-S missiles to Venezuela, according to the IISS.",
     "2025-03-05"),
    ("Strikes\nIsrael struck Hezbollah targets in Lebanon on Tuesday, killing at least 12 people, "
     "the health ministry said. The figure could not be verified.", "2025-03-06"),
]


def _articles(folder):
    """Five articles, the first long (both seeds, so it finishes after the short ones behind it)."""
    folder.mkdir()
    long_text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    paths = [write_article(folder, "a0.txt", long_text, {"publisher": "CNN", "published": "2025-03-01"})]
    for i, (text, day) in enumerate(SHORT, 1):
        paths.append(write_article(folder, f"a{i}.txt", text, {"publisher": f"Paper {i}", "published": day}))
    return paths


def test_workers_give_the_same_graph_byte_for_byte(tmp_path, monkeypatch):
    import importlib
    build_module = importlib.import_module("kg.build")
    paths = _articles(tmp_path / "in")
    one = kg.build(paths, out=tmp_path / "one", workers=1)
    monkeypatch.setattr(build_module, "ARTICLES_PER_WORKER", 1)   # a pool even for five articles
    assert build_module.pool_size(2, len(paths)) == 2
    seen = []
    two = kg.build(list(reversed(paths)), out=tmp_path / "two", workers=2,
                   progress=lambda name, done, total: seen.append((name, done, total)))
    assert (one.added, two.added) == (5, 5) and one.statements == two.statements > 5
    for name in ("graph.ttl", "graph.trig", "facts.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    # written in input order (the long first article, read last here, comes last), counted to the total
    assert [s[0] for s in seen] == [p.name for p in reversed(paths)]
    assert [s[1:] for s in seen] == [(i, 5) for i in range(1, 6)]


def test_few_articles_are_extracted_in_process():
    from kg.build import pool_size
    assert pool_size(8, 3) == 1 and pool_size(1, 1000) == 1 and pool_size(0, 1000) == 1
    assert pool_size(4, 1000) == 4 and pool_size(8, 40) == 5


# ------------------------------------------------------------------ input files remembered

def _back_in_time(folder, seconds=120):
    """Date the files back: a build remembers only files older than a clock tick or two."""
    import os
    import time
    t = time.time() - seconds
    for p in folder.iterdir():
        os.utime(p, (t, t))


def test_a_build_reads_again_only_the_input_files_that_changed(tmp_path, monkeypatch):
    import importlib
    import os

    from kg.load import CACHE_NAME
    from kg.store import Store
    L, export = importlib.import_module("kg.load"), importlib.import_module("kg.export")
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [write_article(folder, f"a{i}.txt", text, {"publisher": f"Paper {i}", "published": day})
             for i, (text, day) in enumerate(SHORT[:3], 1)]
    (folder / "dump.jsonl").write_text(json.dumps({"title": "Chad closes border", "text": "Chad closed its border "
                                       "with Sudan on Monday, officials said."}) + "\n{broken\n", encoding="utf-8")
    _back_in_time(folder)
    out = tmp_path / "out"
    first = kg.build([folder], out=out)
    assert (first.added, len(first.skipped)) == (4, 1)
    remembered = json.loads((out / "store" / CACHE_NAME).read_text(encoding="utf-8"))["files"]
    assert len(remembered) == 4
    read = []
    real = L._read_file
    monkeypatch.setattr(L, "_read_file", lambda path, *a: read.append(path.name) or real(path, *a))
    second = kg.build([folder], out=out)
    assert read == [] and (second.added, second.unchanged) == (0, 4) and second.skipped == first.skipped
    with pytest.raises(InputError, match="broken|line 2|#2"):      # remembered, the bad record still fails strict
        kg.build([folder], out=out, strict=True)
    # a file written again in place, the same size, its times set back as they were: read again
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy(paths[0], old / paths[0].name)
    shutil.copy(folder / "a1.meta.json", old / "a1.meta.json")
    stat = os.stat(paths[0])
    text = paths[0].read_text(encoding="utf-8")
    paths[0].write_text(text.replace("300 troops", "400 troops"), encoding="utf-8")
    os.utime(paths[0], ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert os.stat(paths[0]).st_size == stat.st_size
    third = kg.build([folder], out=out)
    assert read == ["a1.txt"] and (third.added, third.unchanged) == (1, 3)
    # the counts made while the assessment ran (the union's before it, plus what it changed)
    # are those of the store after it
    counted = importlib.import_module("kg.build").summary(Store(out / "store", read_only=True), central=False)
    assert third.assessed["added"] > 0
    assert [getattr(third, k) for k in ("articles", "entities", "statements", "claims", "triples")] == \
        [getattr(counted, k) for k in ("articles", "entities", "statements", "claims", "triples")]
    # a sidecar written again: its article is read again (its text, and so the article, the same)
    side = folder / "a2.meta.json"
    side.write_text(side.read_text(encoding="utf-8"), encoding="utf-8")
    read.clear()
    assert kg.build([folder], out=out).unchanged == 4 and read == ["a2.txt"]
    # the store is the one a build that remembers nothing makes of the same files
    fresh = kg.build([old, folder], out=tmp_path / "fresh")
    assert fresh.added == 5
    assert export.serialize(Store(out / "store", read_only=True), "trig") == \
        export.serialize(Store(tmp_path / "fresh" / "store", read_only=True), "trig")
