"""The functions behind every command, for notebooks and scripts.

Each returns plain data or an rdflib / networkx object:

    >>> import kg
    >>> report = kg.build(["seeds"], out="exports")            # doctest: +SKIP
    >>> kg.query("SELECT * WHERE { ?s a kg:Statement } LIMIT 3").rows   # doctest: +SKIP
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import rdflib

from . import export as _export
from .analysis import central_actors as _central
from .analysis import to_networkx
from .build import BuildReport, build
from .errors import NotFoundError
from .queries import QueryFile, library, load_query
from .rdf import PREFIXES
from .serve import Server
from .serve import serve as _serve
from .store import QueryResult, Store, _bind, connect, is_url, open_read_only, to_ox
from .validate import ValidationReport
from .validate import validate as _validate

__all__ = ["analyze", "path", "build", "query", "library", "export", "write_export", "viz", "graph", "networkx_graph", "central_actors",
           "open_store", "sparql_json", "triples_to_turtle", "validate", "serve", "sparql_text",
           "BuildReport", "QueryResult", "QueryFile"]

DEFAULT_STORE = Path("exports") / "store"


def open_store(store: str | Path | Store | None = None, read_only: bool = False) -> Store:
    if isinstance(store, Store) or hasattr(store, "query") and hasattr(store, "quads"):
        return store
    if is_url(store):
        return connect(store, read_only=read_only)
    path = Path(store) if store else DEFAULT_STORE
    if not path.exists():
        raise NotFoundError(f"no store at {path}: run `kg build PATH` first (or pass --store)")
    return open_read_only(path) if read_only else Store(path)


def _query_text(query: str) -> str:
    q = query.strip()
    if "\n" not in q and q.endswith(".rq") and Path(q).exists():
        return Path(q).read_text(encoding="utf-8")
    if q and " " not in q and "{" not in q:
        return load_query(q).text
    return query


def _term(value):
    if isinstance(value, (rdflib.term.Node, ox.NamedNode, ox.Literal)):
        return value
    v = str(value)
    if v.startswith("<") and v.endswith(">"):
        return ox.NamedNode(v[1:-1])
    if ":" in v and v.split(":", 1)[0] in PREFIXES and " " not in v:
        prefix, local = v.split(":", 1)
        return ox.NamedNode(PREFIXES[prefix] + local)
    if v.startswith(("http://", "https://")):
        return ox.NamedNode(v)
    return ox.Literal(v)


def query(sparql_or_name: str, store: str | Path | Store | None = None, params: dict | None = None) -> QueryResult:
    """Run SPARQL (text, a ``.rq`` file, or a library name) on the store.

    ``params`` binds variables: ``{"actor": "Maduro"}`` (a string literal),
    ``"<http://...>"`` or ``"ent:Q717"`` (an IRI).
    """
    text = _query_text(sparql_or_name)
    return open_store(store, read_only=True).query(text, {k: _term(v) for k, v in (params or {}).items()})


def sparql_text(sparql_or_name: str, params: dict | None = None) -> str:
    """The query as any SPARQL endpoint takes it (``kg serve``'s, or another):
    our PREFIX declarations first, and ``params`` bound in a VALUES block as
    ``query`` binds them, since an endpoint knows neither."""
    text = _bind(_query_text(sparql_or_name), {k.lstrip("?$"): _to_ox(_term(v)) for k, v in (params or {}).items()})
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()) + text


def _to_ox(term):
    return term if isinstance(term, (ox.NamedNode, ox.Literal)) else to_ox(term)


def sparql_json(result: QueryResult) -> dict:
    """A SELECT or ASK result in the SPARQL 1.1 Query Results JSON Format."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}

    def enc(t):
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    bindings = [{v: enc(t) for v, t in zip(result.variables, row) if t is not None} for row in result.raw]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def triples_to_turtle(triples) -> str:
    data = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(data, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def export(fmt: str = "turtle", store: str | Path | Store | None = None) -> str:
    """The store as text: turtle, trig, nquads, jsonld, csv (statements), facts (JSONL) or graphml."""
    st = open_store(store, read_only=True)
    if fmt == "graphml":
        return _export.graphml(st).decode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        _export.write_csv(st, buf)
        return buf.getvalue()
    if fmt == "facts":
        return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in _export.facts(st))
    return _export.serialize(st, fmt).decode("utf-8")


def write_export(out, fmt: str = "turtle", store: str | Path | Store | None = None) -> None:
    """Write the store in an RDF format to ``out`` (a path or a binary file), streamed: the same
    bytes as ``export(fmt)``, without the whole graph in memory."""
    _export.write(open_store(store, read_only=True), out, fmt)


def graph(store: str | Path | Store | None = None) -> rdflib.Dataset:
    """The whole store as an rdflib ``Dataset`` (one named graph per article)."""
    ds = rdflib.Dataset()
    ds.parse(data=_export.serialize(open_store(store, read_only=True), "trig"), format="trig")
    return ds


def networkx_graph(store: str | Path | Store | None = None, articles: bool = False):
    """The entity graph as a networkx ``MultiDiGraph`` (see ``kg.analysis.to_networkx``);
    ``articles=True`` adds the articles as nodes (the entity-article graph)."""
    return to_networkx(open_store(store, read_only=True), articles=articles)


def central_actors(store: str | Path | Store | None = None, k: int = 10) -> list[dict]:
    return _central(networkx_graph(store), k)


def analyze(store: str | Path | Store | None = None, k: int = 10) -> dict:
    """Centrality, communities, components, disputed entities, credibility grades and article agreement, as plain data."""
    from . import analysis
    G = networkx_graph(store)
    return {"central": analysis.centrality(G, k), "communities": analysis.communities(G),
            "components": analysis.components(G), "disputed": analysis.disputed_entities(G, k),
            "agreement": analysis.article_agreement(G), "credibility": analysis.credibility_grades(G, k),
            "report": analysis.report_markdown(G, k)}


def path(a: str, b: str, store: str | Path | Store | None = None, k: int = 3) -> list[list[dict]]:
    """The shortest chains of statements linking two entities (found by label, alias or Wikidata ID)."""
    from .analysis import shortest_paths
    return shortest_paths(networkx_graph(store), a, b, k)


def viz(output: str | Path, store: str | Path | Store | None = None, max_nodes: int = 300,
        focus: str | None = None, hops: int = 2) -> Path:
    """Write the HTML picture; with ``focus``, only the entities within ``hops`` statements of it."""
    import networkx as nx

    from .analysis import find_entity
    from .viz import write_html
    G = networkx_graph(store)
    if focus:
        centre = find_entity(G, focus)
        keep = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=hops)
        G = G.subgraph(keep).copy()
    return write_html(G, output, max_nodes=max_nodes)


def validate(store: str | Path | Store | None = None) -> ValidationReport:
    """Check the graph against the SHACL shapes in ``kg/shapes.ttl``: a ``kg.validate.ValidationReport``."""
    return _validate(open_store(store, read_only=True))


def serve(store: str | Path | Store | None = None, host: str = "127.0.0.1", port: int = 7878,
          timeout_s: float = 30, max_results: int = 10_000, data_dir: str | Path | None = None) -> Server:
    """Start the read-only SPARQL endpoint (see ``kg.serve``); returns a ``Server`` with ``.url`` and ``.stop()``.

    ``max_results``: answers with more rows (or triples) get a 400 error; 0 for no limit.
    """
    return _serve(open_store(store, read_only=True), host=host, port=port, timeout_s=timeout_s,
                  max_results=max_results, data_dir=data_dir)
