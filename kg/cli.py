"""The ``kg`` command: a thin layer over ``kg.build``, ``kg.query`` and friends.

Every expected failure is a ``KgError`` and becomes one line on stderr with
exit status 1. ``kg build`` exits 3 (``EXIT_SKIPPED``) when it built the good
input but skipped some bad input, each named on stderr.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import time
from contextlib import redirect_stdout as _redirect
from pathlib import Path

import click

from . import api
from .build import EXPORTS_UP_TO, default_workers
from .errors import KgError
from .load import FIELDS, formats
from .serve import wait_forever
from .store import is_url

DEFAULT_STORE_HELP = ("Oxigraph store folder (default: OUT/store, or exports/store), or the URL of a SPARQL 1.1 "
                      "server (http://HOST:PORT).")
# kg build: the good input was built, but some input was skipped (1 is a failure, 2 a usage error)
EXIT_SKIPPED = 3


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=_Group)
@click.version_option(package_name="geokg")
def cli():
    """geokg: news articles about geopolitical events -> a knowledge graph.

    Example: kg build seeds/ && kg query claims_by_actor --param actor=Maduro
    """


def _store_path(store: str | None, out: str | None = None) -> Path | str:
    """A store folder, or a SPARQL server's URL kept as it is."""
    if is_url(store):
        return store
    return Path(store) if store else Path(out or "exports") / "store"


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", default="exports", show_default=True, type=click.Path(), help="Folder for the exports.")
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
@click.option("--format", "fmt", type=click.Choice(sorted(formats())), default=None,
              help="Read the named files as this format whatever their suffix (in folders: only its files). "
                   "Default: by suffix.")
@click.option("--field", "fields", multiple=True, metavar="FIELD=KEY",
              help="JSON dumps: the key holding an article field, e.g. text=story, headline=title, "
                   "published=meta.date (fields: " + ", ".join(FIELDS) + ").")
@click.option("--strict", is_flag=True, help="Stop at the first bad input, write nothing, exit 1.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Processes that extract articles (default: the number of cores). One process writes the "
                   "store; the graph is the same for any number.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:8786",
              help="Extract on the workers of this Dask cluster instead (needs geokg[cluster] here and on every "
                   "worker); this process still writes the store, the graph is the same.")
@click.option("--exports/--no-exports", default=None,
              help=f"Write graph.ttl, graph.trig, facts.jsonl, graph.html and report.md (made from the whole "
                   f"graph: minutes for a big store) or not. Default: while the store holds at most "
                   f"{EXPORTS_UP_TO:,} articles. summary.json is always written.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no summary (skipped inputs are still named).")
@click.pass_context
def build(ctx, paths, out, store, fmt, fields, strict, workers, scheduler, exports, quiet):
    """Build the knowledge graph of article files or folders.

    Reads .txt (+ .meta.json), .html/.htm pages, .jsonl/.json dumps,
    .xml/.rss/.atom feeds and .warc/.warc.gz crawls. Writes graph.ttl,
    graph.trig, facts.jsonl, graph.html, report.md and summary.json into OUT
    and prints a summary. Building again changes nothing; building with new
    articles assesses again only what they touch.

    A store of more than 1,000 articles gets only summary.json: the other
    files are removed, and stderr names the command that writes each (or
    use --exports).

    A bad file or record (unreadable, empty, binary, oversized, malformed) is
    skipped with one line on stderr and the rest is built; the exit status is
    then 3. With --strict it fails the build instead (exit 1).

    Progress goes to stderr: one updating line (articles done, articles/s,
    time left) on a terminal, else a line per article.

    Example: kg build seeds/ news.jsonl feed.xml --out exports/ --workers 2

    On a Dask cluster: kg build news/ --scheduler tcp://10.0.0.5:8786
    """
    progress = None if quiet else (_ProgressLine(sys.stderr) if _is_terminal(sys.stderr) else _progress_lines)
    field_map = {}
    for f in fields:
        name, sep, key = f.partition("=")
        if not sep or not name.strip() or not key.strip():
            raise KgError(f"--field needs FIELD=KEY, got {f!r}")
        field_map.setdefault(name.strip(), []).append(key.strip())
    try:
        report = api.build(paths, out=out, store=store, progress=progress, strict=strict, fmt=fmt, fields=field_map,
                           workers=workers or default_workers(), scheduler=scheduler, exports=exports)
    finally:
        if isinstance(progress, _ProgressLine):
            progress.close()
    for s in report.skipped:
        click.echo(f"skipped {s}", err=True)
    if not quiet:
        _build_summary(report)
        _not_written(report, exports)
    if report.skipped:
        ctx.exit(EXIT_SKIPPED)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_lines(name: str, done: int, total: int) -> None:
    click.echo(f"  read {name}", err=True)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s" if m else f"{s}s"


class _ProgressLine:
    """``kg build``'s progress on a terminal: one line, redrawn at most 10 times a second.

    ``  read 120/1000 articles  8.4 articles/s  1m45s left``
    """

    def __init__(self, stream, every: float = 0.1):
        self.stream, self.every = stream, every
        self.start, self.last = time.monotonic(), float("-inf")
        self.width = 0

    def __call__(self, name: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < self.every:
            return
        self.last = now
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        left = f"  {_duration((total - done) / rate)} left" if 0 < done < total and rate > 0 else ""
        line = f"  read {done}/{total} articles  {rate:.1f} articles/s{left}"
        if done >= total:
            line += f"  ({_duration(elapsed)}); writing exports"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0


def _build_summary(report) -> None:
    click.echo(f"articles:   {report.articles} ({report.added} added, {report.unchanged} unchanged, "
               f"{len(report.skipped)} skipped)")
    click.echo(f"entities:   {report.entities}")
    click.echo(f"statements: {report.statements}")
    click.echo(f"claims:     {report.claims}")
    click.echo(f"triples:    {report.triples}")
    if report.central:      # (not computed without the exports: see _not_written)
        click.echo("most central actors: " + ", ".join(f"{c['label']} ({c['type']})" for c in report.central))
    click.echo("wrote: " + ", ".join(report.files.values()))


def _not_written(report, exports) -> None:
    """On stderr: the files the build did not write, and the command that writes each."""
    if not report.not_written:
        return
    why = ("--no-exports" if exports is False else
           f"the store holds {report.articles:,} articles, more than {EXPORTS_UP_TO:,}; --exports writes them")
    click.echo(f"not written ({why}); each reads the whole store:", err=True)
    for path, command in report.not_written.items():
        click.echo(f"  {path}: {command}", err=True)


def _write(text: str, output: str) -> None:
    """Text to stdout ('-') or to a file, creating its folder."""
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        if "=" not in p:
            raise KgError(f"--param needs name=value, got {p!r}")
        k, v = p.split("=", 1)
        out[k.strip().lstrip("?$")] = v
    return out


def _emit_table(variables, rows, fmt: str):
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(variables)
        for r in rows:
            w.writerow(["" if r.get(v) is None else r.get(v) for v in variables])
        click.echo(buf.getvalue(), nl=False)
        return
    cells = [[("" if r.get(v) is None else str(r.get(v))).replace("\n", " ") for v in variables] for r in rows]
    widths = [min(60, max([len(v)] + [len(c[i]) for c in cells])) for i, v in enumerate(variables)]
    click.echo("  ".join(v.ljust(w) for v, w in zip(variables, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for c in cells:
        click.echo("  ".join((x if len(x) <= w else x[: w - 1] + "…").ljust(w) for x, w in zip(c, widths)))
    click.echo(f"({len(rows)} rows)")


@cli.command()
@click.argument("query")
@click.option("--param", "-p", multiple=True, help="Bind a variable: name=value (IRI as <...> or prefix:name).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
def query(query, param, fmt, store):
    """Run a SPARQL query: a library NAME, a FILE, '-' for stdin, or the text.

    SELECT prints a table (or csv, tsv, json: the SPARQL 1.1 JSON results
    format); ASK prints true or false; CONSTRUCT and DESCRIBE print Turtle.

    Example: kg query doubtful_claims --format csv
    """
    text = sys.stdin.read() if query == "-" else query
    result = api.query(text, store=_store_path(store), params=_parse_params(param))
    if result.kind == "ask":
        click.echo(json.dumps(api.sparql_json(result)) if fmt == "json" else ("true" if result.boolean else "false"))
    elif result.kind == "graph":
        click.echo(api.triples_to_turtle(result.triples), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(api.sparql_json(result), ensure_ascii=False, indent=1))
    else:
        _emit_table(result.variables, result.rows, fmt)


@cli.command(name="queries")
def list_queries():
    """List the SPARQL library in queries/ with titles and parameters.

    Example: kg queries
    """
    for q in api.library():
        params = " ".join("?" + p for p in q.parameters)
        click.echo(f"{q.name:28} {q.title}" + (f"  [{params}]" if params else ""))


@cli.command(name="export")
@click.option("--format", "fmt",
              type=click.Choice(["turtle", "trig", "nquads", "jsonld", "csv", "facts", "graphml"]),
              default="turtle", show_default=True)
@click.option("-o", "--output", default="-", help="File to write, '-' for stdout.")
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
def export_cmd(fmt, output, store):
    """Export the store: Turtle, TriG, N-Quads, JSON-LD, CSV of statements, facts JSONL, GraphML.

    GraphML is the entity graph (entities as nodes, statements as edges) for
    Gephi, yEd or Cytoscape.

    Example: kg export --format trig -o graph.trig
    """
    if fmt in ("turtle", "trig", "nquads"):       # streamed, one graph (or subject) sorted at a time
        if output == "-":
            api.write_export(sys.stdout.buffer, fmt, store=_store_path(store))
            sys.stdout.buffer.flush()
        else:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            api.write_export(output, fmt, store=_store_path(store))
        return
    _write(api.export(fmt, store=_store_path(store)), output)


@cli.command()
@click.option("-o", "--output", default="exports/graph.html", show_default=True, type=click.Path())
@click.option("--max-nodes", default=300, show_default=True, type=click.IntRange(1))
@click.option("--focus", default=None, help="Draw only the neighbourhood of this entity (label, alias or Q-ID).")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0), help="Neighbourhood radius for --focus.")
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
def viz(output, max_nodes, focus, hops, store):
    """Write the interactive HTML picture (offline, one file).

    Example: kg viz -o graph.html --focus Maduro --hops 2
    """
    path = api.viz(output, store=_store_path(store), max_nodes=max_nodes, focus=focus, hops=hops)
    click.echo(f"wrote {path}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "md"]), default="table",
              show_default=True)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1))
@click.option("-o", "--output", default="-", help="File to write, '-' for stdout.")
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
def analyze(fmt, top, output, store):
    """Central actors, communities, components, disputed entities, credibility grades, articles that agree.

    table and csv print the central actors; json and md print everything.

    Example: kg analyze --top 5 --format md -o report.md
    """
    result = api.analyze(store=_store_path(store), k=top)
    if fmt == "md":
        text = result["report"]
    elif fmt == "json":
        text = json.dumps({k: v for k, v in result.items() if k != "report"}, ensure_ascii=False, indent=1) + "\n"
    else:
        buf = io.StringIO()
        with _redirect(buf):
            _emit_table(["label", "type", "degree", "pagerank", "betweenness", "node"], result["central"], fmt)
        text = buf.getvalue()
    _write(text, output)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("-k", default=3, show_default=True, type=click.IntRange(1), help="How many shortest chains.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
def path(a, b, k, fmt, store):
    """The shortest chains of statements linking two entities, with sources and quotes.

    Example: kg path Rosoboronexport "United States"
    """
    chains = api.path(a, b, store=_store_path(store), k=k)
    if fmt == "json":
        click.echo(json.dumps(chains, ensure_ascii=False, indent=1))
        return
    for n, chain in enumerate(chains, 1):
        click.echo(f"chain {n}:")
        for step in chain:
            # each step in the statement's own direction: subject -[predicate]-> object
            click.echo(f"  {step['from']} -[{step['predicate']}]-> {step['to']}  [{step['status']}]"
                       f"  {step.get('source') or ''}: \"{(step.get('quote') or '')[:160]}\"")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
def validate(fmt, store):
    """Check the graph against the SHACL shapes in kg/shapes.ttl.

    Prints the report; exits 1 when the graph does not conform.

    Example: kg validate --format json
    """
    report = api.validate(store=_store_path(store))
    if fmt == "json":
        click.echo(json.dumps({"conforms": report.conforms, "results": report.results}, ensure_ascii=False,
                              indent=1))
    else:
        click.echo(report.text, nl=False)
    if not report.conforms:
        raise KgError(f"the graph does not conform to the shapes: {len(report.results)} result(s)")


@cli.command()
@click.option("--store", default=None, type=click.Path(), help=DEFAULT_STORE_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--timeout", "timeout_s", default=30, show_default=True, type=click.IntRange(1),
              help="Seconds a query may run; past it the answer is a 504 error.")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(0),
              help="Rows (or triples) an answer may have; past it the answer is a 400 error. 0: no limit.")
def serve(store, host, port, timeout_s, max_results):
    """Serve the graph read-only over the SPARQL 1.1 Protocol (Oxigraph's server).

    Serves a snapshot taken at start (restart to see new articles); the
    query page is at the root URL, the endpoint at /query. Ctrl-C stops it.

    Example: kg serve --port 7878 --max-results 50000
    """
    server = api.serve(store=_store_path(store), host=host, port=port, timeout_s=timeout_s, max_results=max_results)
    limit = f"at most {max_results} results" if max_results else "no result limit"
    click.echo(f"SPARQL endpoint {server.query_url} (query page {server.url}), read-only, {timeout_s} s and "
               f"{limit} per query; Ctrl-C to stop", err=True)
    status = wait_forever(server)
    if status:
        raise KgError(f"the SPARQL server stopped with status {status}")


def main():
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
