"""The main job: articles -> extraction -> RDF -> store -> exports.

``build(paths)`` is what ``kg build`` runs; it returns a ``BuildReport`` of
plain data. Every input is read and checked before anything is written: a
bad file or record is skipped and listed in ``report.skipped`` (with
``strict=True`` it fails the build instead, and nothing is written). Each
article enters the store in a single transaction.
"""
from __future__ import annotations

import json
import os
import shlex
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import export
from .corroborate import Changes, assess
from .analysis import central_actors, entity_graph, report_markdown, to_networkx
from .load import CACHE_NAME, Skipped, Unread, load, load_articles, read_unread
from .extract import extract, extract_many, extractor_id
from .extract.resources import load_resources
from .model import Article, Extraction, article_iri
from .rdf import extraction_quads, extractor_iri
from .store import Store, connect, is_url

__all__ = ["BuildReport", "build", "ingest", "write_extraction", "summary", "extract_parallel", "pool_size",
           "default_workers", "DEFAULT_OUT", "EXPORTS_UP_TO"]

DEFAULT_OUT = Path("exports")
# kg build writes the files made from the whole graph (Turtle, TriG, facts, picture, report)
# by itself only up to this many articles in the store. They grow with the store: adding 10
# articles to 1,000 generated ones (benchmarks/build_speed.py, 2 cores) takes 9.5 s and
# 305 MB without them, 49 s and 528 MB with them; at 10,000 the Turtle alone takes 134 s.
# --exports writes them anyway.
EXPORTS_UP_TO = 1000
# A worker process starts by loading the spaCy model (2 to 3 s on a 2-core machine, the time
# to extract about 8 news articles): a worker is started only for every 8 articles to extract.
ARTICLES_PER_WORKER = 8
# Articles handed to the workers and not yet written, per worker: bounds the memory held
# by results that came back early (the writer takes them in input order).
IN_FLIGHT_PER_WORKER = 4
# The start method of the workers: a fresh interpreter, never a fork of a process that
# may hold threads or an open store.
START_METHOD = "spawn"

Progress = Callable[[str, int, int], None]


def default_workers() -> int:
    """The number of cores (``os.cpu_count()``), at least 1: ``kg build``'s default ``--workers``."""
    return max(1, os.cpu_count() or 1)


@dataclass
class BuildReport:
    articles: int = 0             # articles in the store
    added: int = 0                # articles added by this run
    unchanged: int = 0            # already present (or read twice in this run), not extracted again
    skipped: list[Skipped] = field(default_factory=list)   # inputs left out, each with its reason
    entities: int = 0
    statements: int = 0
    claims: int = 0               # sources that name a claimant
    triples: int = 0              # distinct triples in the union
    central: list = field(default_factory=list)
    files: dict = field(default_factory=dict)
    not_written: dict = field(default_factory=dict)   # file -> the command that writes it
    assessed: dict = field(default_factory=dict)      # full (bool), statements assessed, triples added, removed

    def to_dict(self) -> dict:
        return asdict(self)


def ingest(store: Store, paths_or_articles, progress: Progress | None = None, workers: int = 1,
           scheduler: str | None = None, assessed: dict | None = None,
           counts: dict | None = None) -> tuple[int, int]:
    """Extract and store every article (``Article`` records or files and folders).

    Returns ``(added, unchanged)``. All input is read and checked before the
    first write, so bad input changes nothing. An ``Unread`` (``kg.load.load`` with a
    cache: a file unchanged since it was read) is read only if the store lacks its article. Extraction runs in up to
    ``workers`` processes (``extract_parallel``); this process alone writes,
    one transaction per article in input order, so the store is the same
    whatever ``workers``. With ``scheduler`` (``tcp://HOST:8786``) the workers of
    that Dask cluster extract instead (``kg.cluster.extract_on_cluster``, same
    contract; ``workers`` is then unused). ``progress(name, done, total)`` is called once per
    article, unchanged ones included. Then the assessment graph
    (``kg.corroborate.assess``: independent origins, credibility grades,
    conflicting and refining figures) is brought up to date: only the statements
    the articles written touch are assessed again, the same graph as assessing
    everything; ``assessed``, a dict, receives what the assessment did (the fields of
    ``kg.corroborate.Assessment``); ``counts``, a dict, the counts of ``summary`` once it is
    done (articles, entities, statements, claims, triples), counted while the assessment reads.
    """
    items = list(paths_or_articles)
    articles = items if all(isinstance(a, (Article, Unread)) for a in items) else load_articles(items)
    extractor = extractor_id()
    ext_iri = str(extractor_iri(extractor))
    todo, unchanged, seen = [], 0, set()
    total, done = len(articles), 0
    # the articles these rules made, in one query (an ASK per article: 8 s of 10,000), the
    # articles first (written as a join, Oxigraph starts from everything the rules made,
    # 250,000 statements and sources at 10,000 articles: 2 s, not 0.2)
    made = {r["a"] for r in store.query(f"SELECT ?a WHERE {{ ?a a schema:NewsArticle "
                                        f"FILTER EXISTS {{ ?a prov:wasGeneratedBy <{ext_iri}> }} }}").rows}
    for a in articles:
        present = a.digest in seen or article_iri(a) in made
        seen.add(a.digest)
        if present:       # the same text twice (a page in a crawl and a feed) is one article
            unchanged += 1
            done += 1
            if progress:
                progress(a.name, done, total)
        else:
            todo.append(a)
    todo = read_unread(todo)      # files remembered unchanged whose articles the store lacks: read now
    if scheduler:         # reaches the cluster now: one that cannot be used fails before any write
        from .cluster import extract_on_cluster      # dask only when asked for
        extractions = extract_on_cluster(todo, scheduler)
    else:
        extractions = extract_parallel(todo, workers)
    labels = {e.cameo: e.cameo_label for e in load_resources().events if e.cameo}
    ontology = Path(__file__).with_name("ontology.ttl")
    if ontology.exists():
        store.load_ontology(ontology)
    changes = Changes()
    for ex in extractions:
        write_extraction(store, ex, changes, extractor, labels)
        done += 1
        if progress:
            progress(ex.article.name, done, total)
    # the summary's counts, in threads while the assessment reads (see _Counting)
    counting = _Counting(store) if counts is not None else None
    # origins, grades, conflicts: only what the articles written can change (kg.corroborate.assess)
    try:
        done = assess(store, changes=changes, before_writing=counting.union_counted if counting else None)
    except BaseException:
        if counting is not None:
            counting.pool.shutdown(wait=False, cancel_futures=True)
        raise
    if assessed is not None:
        assessed.update(asdict(done))
    if counting is not None:
        counts.update(counting.result(done))
    store.flush()
    return len(todo), unchanged


def write_extraction(store: Store, ex: Extraction, changes: Changes | None = None, extractor: str | None = None,
                     labels: dict | None = None) -> int:
    """Write one article's extraction into the store, in place of its graph if it has one
    (made by other rules); returns how many quads. ``changes`` (a ``kg.corroborate.Changes``)
    gathers what the assessment must look at again: the article, the statements its graph
    supported before and supports now, the sources of the graph it replaced.
    """
    extractor = extractor or extractor_id()
    if labels is None:
        labels = {e.cameo: e.cameo_label for e in load_resources().events if e.cameo}
    iri = article_iri(ex.article)
    changes = changes if changes is not None else Changes()
    if store.has_graph(iri):               # made by other rules: replace it
        changes.note_removal(store, iri)
        store.remove_graph(iri)
    quads = list(extraction_quads(ex, extractor, labels))
    changes.note_quads(iri, quads)
    return store.add_quads(quads)


def pool_size(workers: int, articles: int) -> int:
    """The worker processes ``extract_parallel`` starts for ``articles`` articles: one for every
    ``ARTICLES_PER_WORKER``, at most ``workers``; 1 means none (extraction in this process).

    >>> pool_size(2, 5), pool_size(2, 16), pool_size(8, 40)
    (1, 2, 5)
    """
    return max(1, min(workers, articles // ARTICLES_PER_WORKER))


def extract_parallel(articles: Iterable[Article], workers: int = 1) -> Iterator[Extraction]:
    """``kg.extract.extract`` of every article, in input order, in up to ``workers`` processes.

    With ``pool_size(workers, len(articles)) == 1`` it runs in this process
    through ``extract_many``, as a build always did. Otherwise each worker
    is a fresh interpreter (``START_METHOD``) that loads the pipeline once,
    then extracts one article at a time; at most ``IN_FLIGHT_PER_WORKER``
    articles per worker are out at once, and the results come back in
    input order whatever order they finish in.

    >>> [ex.article.name for ex in extract_parallel(articles, workers=2)]   # doctest: +SKIP
    """
    articles = list(articles)
    n = pool_size(workers, len(articles))
    if n <= 1:
        yield from extract_many(articles)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=n, initializer=_start_worker,
                             mp_context=multiprocessing.get_context(START_METHOD)) as pool:
        # a pool that does not fork starts a worker per task while none is idle:
        # one small task each starts them all now, loading their pipelines side by side
        for _ in range(n):
            pool.submit(_ready)
        pending: deque = deque()
        try:
            for a in articles:
                pending.append(pool.submit(extract, a))
                if len(pending) >= n * IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:          # stopped early (an error while writing): drop what has not started
            for f in pending:
                f.cancel()


def _ready() -> None:
    """A task that does nothing: it makes the pool start a worker."""


def _start_worker() -> None:
    """Load the pipeline and the data files once per worker process, before its first article."""
    from .extract.nlp import load_pipeline
    load_pipeline()
    load_resources()


# the counts of summary(), each a query of its own: run side by side (_Counting), the union's
# triples the longest (10,000 articles: 2.5 to 6 s)
_COUNTS = {
    "articles": "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }",
    "entities": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdfs:label ?l ; a ?t . "
                "FILTER(?t != kg:Statement && ?t != prov:SoftwareAgent) FILTER(STRSTARTS(STR(?e), STR(ent:))) }",
    "statements": "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }",
    "claims": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c kg:claimant ?who }",
}


class _Counting:
    """The counts of ``summary``, each in a thread of its own, started once the articles are
    written: the assessment (``kg.corroborate.assess``) writes none of what the four counts
    count, so they run while it works; the union's triples are counted before its first write
    (``union_counted`` waits for them), and its own triples added and removed are added to
    them (the assessment graph states nothing any other graph states: its predicates are its
    own). Oxigraph lets go of the interpreter while it counts."""

    def __init__(self, store):
        from concurrent.futures import ThreadPoolExecutor
        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=len(_COUNTS) + 1)
        self.futures = {k: self.pool.submit(lambda q=q: int(store.query(q).rows[0]["n"])) for k, q in _COUNTS.items()}
        self.union = self.pool.submit(_union_size, store) if hasattr(store, "replace_about") else None

    def union_counted(self) -> None:
        if self.union is not None:
            self.union.result()

    def result(self, done) -> dict:
        try:
            counts = {k: f.result() for k, f in self.futures.items()}
            if self.union is not None and self.union.done():
                counts["triples"] = self.union.result() + done.added - done.removed
            else:       # a store that replaces the whole assessment graph: counted after it
                counts["triples"] = _union_size(self.store)
            return counts
        finally:
            self.pool.shutdown()


def _union_size(store) -> int:
    size = getattr(store, "union_size", None)       # counted by the store where it can
    return size() if size is not None else sum(1 for _ in store.union_triples())


def summary(store: Store, G=None, central: bool = True, counts: dict | None = None) -> BuildReport:
    """The counts of the store (``counts`` if given: what ``ingest`` counted) and, with
    ``central``, its most central actors (``G``, or ``kg.analysis.entity_graph``: entities
    and statements without their sources, four small queries, then PageRank over the whole
    graph: 15 s at 10,000 articles)."""
    if not counts:
        counting = _Counting(store)
        counts = {k: f.result() for k, f in counting.futures.items()}
        counting.pool.shutdown()
        counts["triples"] = _union_size(store)
    report = BuildReport(**counts)
    if central:
        report.central = central_actors(G if G is not None else entity_graph(store), 5)
    return report


def _commands(files: dict, store) -> dict:
    """file -> the command that writes it from the store."""
    st = shlex.quote(str(store))
    return {"turtle": f"kg export --format turtle --store {st} -o {shlex.quote(str(files['turtle']))}",
            "trig": f"kg export --format trig --store {st} -o {shlex.quote(str(files['trig']))}",
            "facts": f"kg export --format facts --store {st} -o {shlex.quote(str(files['facts']))}",
            "html": f"kg viz --store {st} -o {shlex.quote(str(files['html']))}",
            "report": f"kg analyze --format md --store {st} -o {shlex.quote(str(files['report']))}",
            "central": f"kg analyze --store {st}"}


def _write_streamed(st, files: dict) -> None:
    """The exports streamed from the store: Turtle, TriG (one graph or subject sorted at a time), facts."""
    export.write(st, files["turtle"], "turtle")
    export.write(st, files["trig"], "trig")
    export.write_facts(st, files["facts"])


def _write_streamed_from(store: str, files: dict) -> None:
    """In a process of its own: the streamed exports of the store at ``store``, opened read-only."""
    _write_streamed(connect(store, read_only=True), files)


def _exports_aside(st, store, files: dict):
    """A started process writing the streamed exports of the on-disk store (flushed first, so that
    it reads what this one wrote); None where no process can be started."""
    import multiprocessing
    st.flush()
    try:
        proc = multiprocessing.get_context(START_METHOD).Process(
            target=_write_streamed_from, args=(str(store), {k: str(v) for k, v in files.items()}), daemon=True)
        proc.start()
    except OSError:
        return None
    return proc


def build(paths, out: str | Path = DEFAULT_OUT, store: str | Path | None = None,
          progress: Progress | None = None, *, strict: bool = False, fmt: str | None = None,
          fields: dict | None = None, workers: int = 1, scheduler: str | None = None,
          exports: bool | None = None) -> BuildReport:
    """Build the knowledge graph of the articles under ``paths`` and write the exports.

    Writes ``graph.ttl``, ``graph.trig``, ``facts.jsonl``, ``graph.html``,
    ``report.md`` (the analysis) and ``summary.json`` into ``out``; the store lives in ``store`` (default
    ``out/store``). Building again changes nothing.

    The five files made from the whole graph take minutes and, for the picture and the
    report, memory that grows with the store; ``exports=None`` (the default) writes them
    while the store holds at most ``EXPORTS_UP_TO`` articles, ``True`` always, ``False``
    never. Those not written are removed (an older copy would not match the store) and
    listed in ``report.not_written`` with the command that writes each; ``summary.json``
    is always written: the counts (articles, entities, statements, claims, triples), and
    the most central actors only with the other files (PageRank over the whole graph;
    without them ``report.central`` is empty and ``not_written["central actors"]`` names
    ``kg analyze``).

    Files are read by suffix (``kg.load.formats()``), or all as ``fmt``;
    ``fields`` names the keys of JSON records (``{"text": "story"}``). A bad
    input is skipped and listed in ``report.skipped``; ``strict=True`` raises
    ``InputError`` at the first one instead, before anything is written.

    ``workers`` processes extract the articles (``extract_parallel``; ``kg build``
    gives ``default_workers()``, the number of cores), this one writes them;
    the graph is the same for any number. The default, 1, extracts in this
    process; more start fresh interpreters, so a script calling with
    ``workers > 1`` needs the ``if __name__ == "__main__":`` guard, as any
    ``multiprocessing`` code. ``scheduler="tcp://HOST:8786"`` extracts on the
    workers of that Dask cluster instead (``kg.cluster``; needs ``geokg[cluster]``),
    and raises ``kg.cluster.ClusterError`` when it cannot be reached. ``progress(name, done, total)`` is called
    after each article is stored (or found unchanged).

    >>> report = build(["seeds"], out="/tmp/kg-doctest")          # doctest: +SKIP
    >>> report.statements > 0                                      # doctest: +SKIP
    True
    """
    out = Path(out)
    store = store if is_url(store) else Path(store) if store is not None else out / "store"
    # strict: bad input fails here, before the store is opened; our own exports (graph.html,
    # facts.jsonl, summary.json) are no articles, even in a folder being built. A store on disk
    # keeps what each input file gave (kg.load.CACHE_NAME): a file unchanged since is not read
    # again unless the store lacks its articles (10,000 files: 1 s, not 15)
    cache = None if is_url(store) else Path(store) / CACHE_NAME
    loaded = load(paths, fmt, fields, strict, exclude=(out,) if is_url(store) else (out, store), cache=cache)
    out.mkdir(parents=True, exist_ok=True)
    st = connect(store)
    assessed: dict = {}
    counts: dict = {}
    added, unchanged = ingest(st, loaded.articles, progress, workers, scheduler, assessed, counts)
    loaded.save_cache()
    files = {"turtle": out / "graph.ttl", "trig": out / "graph.trig", "facts": out / "facts.jsonl",
             "html": out / "graph.html", "report": out / "report.md"}
    write_all = exports if exports is not None else counts["articles"] <= EXPORTS_UP_TO
    # the central actors rank every entity of the whole graph: only with the exports
    report = summary(st, central=write_all, counts=counts)
    report.added, report.unchanged, report.skipped, report.assessed = added, unchanged, loaded.skipped, assessed
    if write_all:
        # with a second core, the three files streamed from the store are written by a process of
        # their own (the store opened read-only) while this one draws the picture and the report
        aside = _exports_aside(st, store, files) if workers > 1 and not is_url(store) else None
        if aside is None:
            _write_streamed(st, files)
        G = to_networkx(st)
        from .viz import write_html       # pyvis: 0.6 s to import, only for the picture
        write_html(G, files["html"], title="geokg: " + ", ".join(str(p) for p in paths))
        files["report"].write_text(report_markdown(G), encoding="utf-8")
        if aside is not None:
            aside.join()
            if aside.exitcode != 0:
                _write_streamed(st, files)      # the side process failed: write them here, as with one worker
    else:
        commands = _commands(files, store)
        for key, path in list(files.items()):
            path.unlink(missing_ok=True)                # an older copy would not match the store
            report.not_written[str(path)] = commands[key]
            del files[key]
        report.not_written["central actors"] = commands["central"]
    files["summary"] = out / "summary.json"
    report.files = {k: str(v) for k, v in files.items()}
    files["summary"].write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False), encoding="utf-8")
    return report
