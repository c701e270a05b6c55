"""How fast ``kg build`` is, against the limits of its parts: a benchmark, never a test.

Generates N distinct news articles (wire-style sentence shapes with the
names, numbers and places drawn from ``kg/data/gazetteer.csv``), then
measures, each in a fresh subprocess:

- the whole build (``kg.build``: load, extract, store, assess, five exports)
  with each number of workers given: wall clock from process start,
  articles/s and words/s, and the part spent extracting and writing;
- the same texts (the same paragraphs) parsed by bare spaCy, ``nlp.pipe``
  with ``n_process`` = the workers, model load included: the limit for
  this backbone;
- peak memory: ``ru_maxrss`` of the build process itself
  (``resource.RUSAGE_SELF``) and of its largest worker
  (``resource.RUSAGE_CHILDREN``, the largest single child, not a sum);
- the store's size on disk and the Turtle export's;
- every library query (``queries/*.rq``, no parameters bound, so the
  widest answer) through ``kg.query`` (store opened each time, as a user
  pays) and the same text on bare pyoxigraph (store opened once, union
  default graph), and bare again with every article graph listed as a
  named graph (what ``kg.query`` passed before), and bare without the
  final ORDER BY (what ``kg.query`` asks of Oxigraph, as it sorts the
  rows itself: the floor of ``kg.query``): best of 3 (``--repeat``);
- changes to the big store: re-extracting one article (its graph removed
  and written again with one statement fewer, then ``kg.corroborate.assess``
  of what it touched), and a build of the same folder plus 10 new articles
  (``kg.build`` as a user runs it again: the 1,000 found unchanged, 10
  extracted, what they touch assessed again, the exports written as
  ``kg build`` decides, or as ``--exports`` says);
- a build that writes no Turtle (a store over ``kg.build.EXPORTS_UP_TO``
  articles) gets it from ``kg export --format turtle``, timed apart.

Prints markdown tables. Usage::

    python benchmarks/build_speed.py                 # N = 100, workers 1 and 2
    python benchmarks/build_speed.py -n 1000 --workers 1 2 --keep /tmp/bench
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Real sentence shapes of wire copy; {slots} are filled from the gazetteer.
HEADLINES = [
    "{country} deploys {n} troops to {place} as tensions with {country2} rise",
    "{person} says {country} will send {weapon} systems to {country2}",
    "Air strikes on {place} kill at least {n} people, {org} says",
    "{country} imposes new sanctions on {country2} over {weapon} deliveries",
    "{person} and {person2} meet in {capital} to discuss a ceasefire",
]
LEADS = [
    "{country} has deployed {n} troops to {place}, officials said on {weekday}, as tensions with {country2} "
    "continued to rise.",
    "{person}, the {role}, said on {weekday} that {country} would send {small} {weapon} systems to {country2}.",
    "Air strikes on {place} killed at least {n} people on {weekday}, according to {org}.",
    "{country} imposed sanctions on {country2} on {weekday} over its purchases of {weapon} missiles.",
    "{person} met {person2} in {capital} on {weekday} to discuss a ceasefire in {place}.",
]
BODY = [
    "{force} carried out strikes on positions near {place}, the defence ministry in {capital} said.",
    "{org} said {n} civilians had been killed since the fighting began.",
    "{country2} denied the report, calling it \"a fabrication\".",
    "{org} could not independently verify the figures.",
    "{company} has supplied {weapon} systems to {country}, according to the {think_tank}.",
    "The {weapon} has a range of up to {km} kilometres.",
    "{country} and {country2} signed an agreement worth ${bn} billion in {capital} last year.",
    "Police in {capital} said {small} people were arrested after protesters gathered outside the parliament.",
    "About {n} people have fled {place} since {month}, the UN refugee agency said.",
    "{person} warned that {country} would respond to any attack on {place}.",
    "{person2} said the talks with {country} had been \"constructive\" but that no agreement was reached.",
    "The {force} said it had shot down {small} drones over {place} overnight.",
    "{country2} accused {country} of violating the ceasefire, a claim {person} rejected.",
    "More than {n} soldiers have been sent to the border with {country2}, {person} told reporters.",
    "{country} said it had received {small} {weapon} launchers from {country3} in {month}.",
    "Officials in {capital} said the death toll had risen to {small}.",
    "{org} called on both sides to protect civilians and allow aid into {place}.",
    "The United Nations Security Council is due to meet on {weekday} to discuss the crisis.",
    "Analysts said the deployment was the largest since the war began.",
    "Diplomats said a new round of talks could take place in {capital2} next month.",
    "The situation in {place} remains tense, residents said.",
    "{country} has denied supplying weapons to armed groups in {place}.",
    "{person} accused {country2} of trying to destabilise the region and said {country} would not back down.",
    "The {think_tank} estimates that {country} has at least {n} {weapon} missiles in its arsenal.",
    "A spokesman for {org} said the organisation was \"deeply concerned\" by reports of attacks on hospitals.",
    "{country3} offered to mediate between the two sides, its foreign minister said in {capital2}.",
    "Satellite images published on {weekday} appeared to show dozens of armoured vehicles near {place}.",
    "{country2}'s foreign ministry summoned {country}'s ambassador to protest against the deployment.",
    "The European Union said it was preparing a new package of sanctions against {country}.",
    "Trade between {country} and {country2} fell by {small} percent last year, official data showed.",
]
PUBLISHERS = ["Reuters", "Associated Press", "AFP", "BBC News", "Al Jazeera", "DW", "The Guardian", "CNN"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _gazetteer() -> dict[str, list[dict]]:
    by_type: dict[str, list[dict]] = {}
    with open(ROOT / "kg" / "data" / "gazetteer.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            by_type.setdefault(row["type"], []).append(row)
    return by_type


def generate(n: int, folder: Path, seed: int = 0) -> tuple[int, list[str]]:
    """Write ``n`` distinct articles (``.txt`` + ``.meta.json``) into ``folder``; return (words, paragraphs)."""
    g = _gazetteer()
    rng = random.Random(seed)
    countries = [r["name"] for r in g["Country"]]
    capitals = [r["name"] for r in g["Location"] if r.get("role") == "capital"]
    places = [r["name"] for r in g["Location"] if r.get("role") != "capital"] or capitals
    people = [r for r in g["Person"] if r.get("role")]
    weapons = [r["name"] for r in g["WeaponSystem"] if not r["name"].startswith(("USS ", "HMS ", "INS "))]
    forces = [r["name"] for r in g["MilitaryForce"]]
    orgs = [r["name"] for r in g["Organization"]]
    folder.mkdir(parents=True, exist_ok=True)
    words, paragraphs, seen = 0, [], set()
    i = 0
    while i < n:
        p1, p2 = rng.sample(people, 2)
        c = rng.sample(countries, 3)
        slots = {
            "country": c[0], "country2": c[1], "country3": c[2], "person": p1["name"], "person2": p2["name"],
            "role": p1["role"], "place": rng.choice(places), "capital": rng.choice(capitals),
            "capital2": rng.choice(capitals), "weapon": rng.choice(weapons), "force": rng.choice(forces),
            "org": rng.choice(orgs), "company": rng.choice(orgs), "think_tank": rng.choice(orgs),
            "n": f"{rng.randrange(100, 20000):,}", "small": rng.randrange(2, 99), "km": rng.randrange(5, 400),
            "bn": rng.randrange(1, 60), "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS),
        }
        k = rng.randrange(len(HEADLINES))
        body = rng.sample(BODY, rng.randrange(18, 26))
        paras, sentences = [LEADS[k]], []
        for s in body:
            sentences.append(s)
            if len(sentences) == rng.choice((2, 3)):
                paras.append(" ".join(sentences))
                sentences = []
        if sentences:
            paras.append(" ".join(sentences))
        headline = HEADLINES[k].format(**slots)
        publisher = rng.choice(PUBLISHERS)
        body_paras = [p.format(**slots) for p in paras]
        body_paras[0] = f"{slots['capital'].upper()} ({publisher}) - " + body_paras[0]
        text = headline + "\n\n" + "\n\n".join(body_paras) + "\n"
        if text in seen:
            continue
        seen.add(text)
        name = f"{i:06d}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        published = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        (folder / f"{name}.meta.json").write_text(json.dumps({"publisher": publisher,
                                                              "published": published.isoformat()}))
        words += len(text.split())
        paragraphs.extend([headline, *body_paras])
        i += 1
    return words, paragraphs


_BUILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import kg
last = [t0]
def progress(name, done, total):
    last[0] = time.perf_counter()
report = kg.build([sys.argv[1]], out=sys.argv[2], workers=int(sys.argv[3]), progress=progress)
t1 = time.perf_counter()
print(json.dumps({"ingest_s": last[0] - t0, "inner_s": t1 - t0, "added": report.added, "triples": report.triples,
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""

_SPACY = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from kg.extract.nlp import load_pipeline
nlp, _ = load_pipeline()
texts = json.load(open(sys.argv[1], encoding="utf-8"))
t1 = time.perf_counter()
n = int(sys.argv[2])
docs = sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=n))
t2 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "pipe_s": t2 - t1, "docs": docs,
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


_REEXTRACT = r"""
import json, resource, sys, time
from dataclasses import asdict
import kg
from kg.corroborate import Changes, assess
from kg.extract import extract
from kg.load import load_articles
from kg.store import Store
build = sys.modules["kg.build"]
st = Store(sys.argv[1])
article = load_articles([sys.argv[2]])[0]
ex = extract(article)
ex.statements = ex.statements[1:]          # other rules: one statement fewer, so the store changes
changes = Changes()
t0 = time.perf_counter()
quads = build.write_extraction(st, ex, changes)
st.flush()
t1 = time.perf_counter()
done = assess(st, changes=changes)
st.flush()
t2 = time.perf_counter()
print(json.dumps({"store_s": t1 - t0, "assess_s": t2 - t1, "quads": quads, "assessed": asdict(done),
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

_ADD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import kg
last = [t0]
def progress(name, done, total):
    last[0] = time.perf_counter()
exports = {"auto": None, "all": True, "none": False}[sys.argv[4]]
report = kg.build([sys.argv[1], sys.argv[2]], out=sys.argv[3], workers=1, progress=progress, exports=exports)
t1 = time.perf_counter()
print(json.dumps({"ingest_s": last[0] - t0, "inner_s": t1 - t0, "added": report.added,
                  "unchanged": report.unchanged, "assessed": report.assessed, "written": sorted(report.files),
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

_TURTLE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import kg
kg.write_export(sys.argv[2], "turtle", store=sys.argv[1])
print(json.dumps({"s": time.perf_counter() - t0, "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _run(code: str, *args) -> tuple[float, dict]:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{done.stderr[-3000:]}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def _sha256(path: Path) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


REPEAT = 3


def _exports_up_to() -> int:
    import importlib
    return importlib.import_module("kg.build").EXPORTS_UP_TO


def _best(fn, repeat: int | None = None) -> tuple[float, int]:
    repeat = repeat or REPEAT
    best, rows = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = fn()
        best = min(best, time.perf_counter() - t0)
    return best, rows


def time_queries(store_path: Path, skip=()) -> list[dict]:
    """Every library query (but those in ``skip``) through ``kg.query`` and on bare pyoxigraph: best of 3 each."""
    import pyoxigraph as ox

    import kg
    from kg.queries import library
    from kg.rdf import PREFIXES
    from kg.store import Store, _split_order
    layout = Store(store_path, read_only=True)       # where the union is (the default graph, or a named one before)
    union, graphs = layout.union_graph, layout.article_graphs()
    del layout
    bare = ox.Store.read_only(str(store_path))
    out = []
    for q in library():
        if q.name in skip:
            continue
        kg_s, kg_rows = _best(lambda: len(kg.query(q.name, store=store_path).rows))
        ox_s, ox_rows = _best(lambda: sum(1 for _ in bare.query(q.text, default_graph=union, prefixes=PREFIXES)))
        listed_s, _ = _best(lambda: sum(1 for _ in bare.query(q.text, default_graph=union, named_graphs=graphs,
                                                              prefixes=PREFIXES)))
        unordered = _split_order(q.text)[0]      # what kg.query asks of Oxigraph (it sorts the rows itself)
        floor_s, _ = _best(lambda: sum(1 for _ in bare.query(unordered, default_graph=union, prefixes=PREFIXES)))
        out.append({"query": q.name, "rows": kg_rows, "bare_rows": ox_rows, "kg_s": kg_s, "ox_s": ox_s,
                    "listed_s": listed_s, "floor_s": floor_s})
    return out


def changes(work: Path, articles: Path, args) -> None:
    """Re-extract one article of (a copy of) the last build's store, then build again with 10 new
    articles (with the exports as ``kg build`` decides, ``--exports all`` or ``none``)."""
    built = work / f"build-w{args.workers[-1]}"
    out = work / "changes"                        # a copy: the build stays as it was, the changes can be run again
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    shutil.copytree(built / "store", out / "store")
    first = sorted(articles.glob("*.txt"))[len(list(articles.glob("*.txt"))) // 2]
    one_wall, one = _run(_REEXTRACT, out / "store", first)
    more = work / "more"
    shutil.rmtree(more, ignore_errors=True)
    generate(args.n + 10, more, args.seed)        # the same n articles, then 10 new ones
    for p in sorted(more.iterdir()):
        if int(p.name.split(".")[0]) < args.n:
            p.unlink()
    add_wall, add = _run(_ADD, articles, more, out, args.exports)
    print(f"\n| change to the store of {args.n:,} articles | store s | whole s | statements assessed | peak RSS |")
    print("| --- | --- | --- | --- | --- |")
    a = one["assessed"]
    print(f"| re-extract one article ({one['quads']} quads, one statement fewer): remove its graph, write it "
          f"again / then assess | {one['store_s']:.2f} | {one['store_s'] + one['assess_s']:.1f} | "
          f"{a['statements']:,}{' (all)' if a['full'] else ''} | {one['self_kb'] / 1024:.0f} MB |")
    a = add["assessed"]
    wrote = "summary only" if add["written"] == ["summary"] else "exports written"
    print(f"| kg.build again with 10 new articles ({add['unchanged']:,} unchanged, {add['added']} added; "
          f"{wrote}): ingest / whole build | {add['ingest_s']:.1f} | {add_wall:.1f} | "
          f"{a['statements']:,}{' (all)' if a['full'] else ''} | {add['self_kb'] / 1024:.0f} MB |")


def print_queries(work: Path, args) -> None:
    queries = time_queries(work / f"build-w{args.workers[-1]}" / "store", args.skip_query)
    print("\n| query | rows | kg.query ms | bare pyoxigraph ms | ratio | bare, every named graph listed ms | "
          "bare, no ORDER BY ms |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for q in queries:
        rows_text = str(q["rows"]) if q["rows"] == q["bare_rows"] else f"{q['rows']} (bare {q['bare_rows']})"
        print(f"| {q['query']} | {rows_text} | {q['kg_s'] * 1000:.1f} | {q['ox_s'] * 1000:.1f} | "
              f"{q['kg_s'] / q['ox_s']:.2f} | {q['listed_s'] * 1000:.1f} | {q['floor_s'] * 1000:.1f} |", flush=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100, help="articles to generate (100, 1000, 10000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, default=None, help="folder for the articles and builds (kept)")
    ap.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy runs")
    ap.add_argument("--no-changes", action="store_true", help="skip re-extracting one article and adding 10")
    ap.add_argument("--no-queries", action="store_true", help="skip timing the library queries")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query, the best counted")
    ap.add_argument("--skip-query", action="append", default=[], metavar="NAME",
                    help="a library query not to time (may be given more than once)")
    ap.add_argument("--exports", choices=["auto", "all", "none"], default="auto",
                    help="the build that adds 10 articles: exports as kg build decides (auto), or all, or none")
    ap.add_argument("--only-changes", type=Path, default=None, metavar="WORK",
                    help="no build: time the queries and the changes on the builds kept in WORK")
    args = ap.parse_args(argv)
    global REPEAT
    REPEAT = args.repeat
    if args.only_changes:
        if not args.no_queries:
            print_queries(args.only_changes, args)
        if not args.no_changes:
            changes(args.only_changes, args.only_changes / "articles", args)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    articles = work / "articles"
    words, paragraphs = generate(args.n, articles, args.seed)
    texts = work / "paragraphs.json"
    texts.write_text(json.dumps(paragraphs), encoding="utf-8")
    print(f"{args.n} articles, {words:,} words, {len(paragraphs):,} paragraphs; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f} at start", file=sys.stderr)
    rows, turtles = [], {}
    for w in args.workers:
        out = work / f"build-w{w}"
        wall, r = _run(_BUILD, articles, out, w)
        ttl = None
        if not (out / "graph.ttl").exists():       # a big store: kg build wrote only the summary
            _, ttl = _run(_TURTLE, out / "store", out / "graph.ttl")
            print(f"  workers={w}: Turtle export {ttl['s']:.1f} s, peak RSS {ttl['self_kb'] / 1024:.0f} MB",
                  file=sys.stderr)
        turtles[w] = _sha256(out / "graph.ttl")
        spacy_wall = None
        if not args.no_spacy:
            spacy_wall, s = _run(_SPACY, texts, w)
        rows.append({"workers": w, "wall": wall, "ingest": r["ingest_s"], "self_mb": r["self_kb"] / 1024,
                     "child_mb": r["children_kb"] / 1024, "store_mb": _size(out / "store") / 2**20,
                     "ttl_mb": (out / "graph.ttl").stat().st_size / 2**20, "ttl": ttl, "spacy_wall": spacy_wall,
                     "spacy_pipe": None if args.no_spacy else s["pipe_s"]})
        print(f"  workers={w}: {wall:.1f} s", file=sys.stderr)
    same = len(set(turtles.values())) == 1
    print(f"\n**N = {args.n:,}** articles, {words:,} words; Turtle of every build identical: "
          f"{'yes' if same else 'NO'}; load average {os.getloadavg()[0]:.2f} at the end\n")
    print("| workers | build s | articles/s | words/s | extract+write s | bare spaCy s (pipe only) | "
          "bare spaCy words/s | build / spaCy | peak RSS main, largest worker | store | Turtle |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        sp = "-" if r["spacy_wall"] is None else f"{r['spacy_wall']:.1f} ({r['spacy_pipe']:.1f})"
        sp_rate = "-" if r["spacy_wall"] is None else f"{words / r['spacy_wall']:,.0f}"
        ratio = "-" if r["spacy_wall"] is None else f"{r['spacy_wall'] / r['wall']:.2f}"
        child = f"{r['child_mb']:.0f} MB" if r["workers"] > 1 else "-"
        print(f"| {r['workers']} | {r['wall']:.1f} | {args.n / r['wall']:.2f} | {words / r['wall']:,.0f} | "
              f"{r['ingest']:.1f} | {sp} | {sp_rate} | {ratio} | {r['self_mb']:.0f} MB, {child} | "
              f"{r['store_mb']:.1f} MB | {r['ttl_mb']:.1f} MB |")
    for r in rows:
        if r["ttl"]:
            print(f"\nworkers {r['workers']}: graph.ttl not written by kg build (over {_exports_up_to():,} "
                  f"articles); kg export --format turtle: {r['ttl']['s']:.1f} s, peak RSS "
                  f"{r['ttl']['self_kb'] / 1024:.0f} MB")
    if not args.no_queries:
        print_queries(work, args)
    if not args.no_changes:
        changes(work, articles, args)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
