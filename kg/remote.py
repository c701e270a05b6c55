"""A SPARQL 1.1 server as the store: ``--store http://HOST:PORT``.

``RemoteStore`` has the methods of ``kg.store.Store`` that building, querying,
exporting and the analysis call, and keeps the same dataset on the server:
each article's graph as a named graph, the ontology in the default graph,
and the stored union of them all as one more named graph
(``config.UNION_GRAPH``, see ``kg.store``). Queries name the union as their
default graph (``default-graph-uri``) and the other named graphs as their
named graphs (``named-graph-uri``, sent only when the query says ``GRAPH``),
so the library queries answer as they do on the embedded store.

It speaks only the SPARQL 1.1 Protocol (query and update), through the
standard library's ``urllib``: Oxigraph's ``oxigraph serve`` first; Fuseki,
Virtuoso and QLever speak the same. The URL names the server:

* ``http://HOST:PORT`` (or ending in ``/``): Oxigraph, ``/query`` and ``/update``;
* ``http://HOST:PORT/ds``: a dataset with ``/ds/query`` and ``/ds/update`` (Fuseki);
* ``http://HOST:PORT/.../query``: that query endpoint, updates to ``.../update``;
* ``http://HOST:PORT/.../sparql``: one endpoint for both (Virtuoso).

``http://USER:PASSWORD@HOST:PORT`` sends HTTP basic authentication.

Every write is one update request, which the server runs as one transaction:
an article's graph and its union copy are written together or not at all.
Terms are written as N-Triples by pyoxigraph and answers are read by
pyoxigraph's parsers (SPARQL JSON results, N-Triples), so no escaping is
done by hand. A server that cannot be reached, an HTTP error or a malformed
query give one line as ``StoreError`` or ``QueryError``.
"""
from __future__ import annotations

import base64
import ipaddress
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from . import config
from .errors import QueryError, StoreError
from .rdf import PREFIXES
from .store import QueryResult, _bind, from_ox, to_ox

__all__ = ["RemoteStore", "endpoints", "TIMEOUT_S"]

# Seconds to wait for the server's answer to one request (a large export may take a while).
TIMEOUT_S = 600

_UNION = ox.NamedNode(config.UNION_GRAPH)
_PROLOGUE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5"
_USES_GRAPH = re.compile(r"\bGRAPH\b|\bFROM\s+NAMED\b", re.I)
# Triples of the named graph <G> that no graph but <G> and the union holds: what leaves the union with <G>.
_UNION_LEAVES = ("DELETE {{ GRAPH <{u}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
                 "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{g}> && ?other != <{u}>) }} "
                 "FILTER NOT EXISTS {{ ?s ?p ?o }} }}")


def endpoints(url: str) -> tuple[str, str]:
    """The query and update endpoints of a ``--store`` URL (see the module's docstring).

    >>> endpoints("http://localhost:7878")
    ('http://localhost:7878/query', 'http://localhost:7878/update')
    >>> endpoints("http://localhost:3030/ds/")
    ('http://localhost:3030/ds/query', 'http://localhost:3030/ds/update')
    >>> endpoints("http://localhost:8890/sparql")
    ('http://localhost:8890/sparql', 'http://localhost:8890/sparql')
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")

    def at(p):
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, parts.query, ""))
    if path.endswith("/sparql"):
        return at(path), at(path)
    if path.endswith("/query"):
        return at(path), at(path[:-len("query")] + "update")
    return at(path + "/query"), at(path + "/update")


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


def _tail(body: bytes) -> str:
    """The end of a broken answer: a server that fails while streaming appends its error there."""
    lines = body.decode("utf-8", errors="replace").strip().splitlines()
    return (lines[-1] if lines else "")[-160:]


def _nt(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."


class RemoteStore:
    """The store on a SPARQL 1.1 server at ``url`` (``http://HOST:PORT``); same methods as ``kg.store.Store``.

    Opening it asks the server an ``ASK {}``: a server that does not answer
    fails here with ``StoreError``. ``read_only`` refuses every write.
    """

    def __init__(self, url: str, read_only: bool = False, timeout_s: float = TIMEOUT_S):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"not the URL of a SPARQL server: {url!r} (expected http://HOST:PORT)")
        self._headers = {}
        if parts.username is not None:               # credentials go in a header, never in messages
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
            self._headers["Authorization"] = "Basic " + token
            netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
            netloc += f":{parts.port}" if parts.port else ""
            parts = parts._replace(netloc=netloc)
        self.url = urllib.parse.urlunsplit(parts._replace(fragment=""))
        self.query_url, self.update_url = endpoints(self.url)
        self.read_only = read_only
        self.timeout_s = timeout_s
        self.path = None
        # a server on this machine is reached directly, whatever proxy the environment names
        self._opener = (urllib.request.build_opener(urllib.request.ProxyHandler({}))
                        if _loopback(parts.hostname) else urllib.request.build_opener())
        self._post(self.query_url, urllib.parse.urlencode({"query": "ASK {}"}).encode("ascii"),
                   "application/x-www-form-urlencoded", "application/sparql-results+json", StoreError,
                   "is not a SPARQL endpoint").close()

    def __repr__(self):
        return f"RemoteStore({self.url!r}{', read_only=True' if self.read_only else ''})"

    # ------------------------------------------------------------------ HTTP

    def _post(self, endpoint: str, body: bytes, content_type: str, accept: str | None, error, what: str):
        """POST ``body``; the open response, or ``error`` (one line) when the server cannot be reached or refuses."""
        headers = {"Content-Type": content_type, **self._headers}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(endpoint, data=body, headers=headers, method="POST")
        try:
            return self._opener.open(request, timeout=self.timeout_s)
        except urllib.error.HTTPError as e:
            try:
                detail = _first_line(e.read())
            except OSError:
                detail = ""
            e.close()
            raise error(f"the SPARQL server at {self.url} {what}: HTTP {e.code} {e.reason}"
                        + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as e:
            reason = getattr(e.reason, "strerror", None) or str(e.reason)
            raise StoreError(f"cannot reach the SPARQL server at {self.url}: {reason}") from None
        except (OSError, ValueError) as e:        # timeouts, connections reset, malformed URLs
            raise StoreError(f"cannot reach the SPARQL server at {self.url}: {getattr(e, 'strerror', None) or e}") \
                from None

    def _select(self, sparql: str, dataset: list[tuple[str, str]] | None = None, error=StoreError,
                what: str = "refused a query"):
        """The open response to a query that asks for SPARQL JSON results."""
        form = [("query", _PROLOGUE + sparql)] + list(dataset or [])
        return self._post(self.query_url, urllib.parse.urlencode(form).encode("ascii"),
                          "application/x-www-form-urlencoded", _ACCEPT, error, what)

    def _solutions(self, sparql: str):
        """The solutions of an internal SELECT over the server's own dataset (all its graphs), streamed."""
        with self._select(sparql) as response:
            try:
                yield from ox.parse_query_results(response, format=ox.QueryResultsFormat.JSON)
            except (SyntaxError, ValueError, OSError) as e:
                raise StoreError(f"cannot read the answer of the SPARQL server at {self.url}: {e}") from None

    def _ask(self, sparql: str) -> bool:
        with self._select(sparql) as response:
            body = response.read()
        try:
            return bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"cannot read the answer of the SPARQL server at {self.url}: {e}") from None

    def _update(self, sparql: str) -> None:
        """Run one update request (one transaction on the server)."""
        if self.read_only:
            raise StoreError(f"the store at {self.url} is open read-only: nothing was written")
        self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update", None, StoreError,
                   "refused a write, nothing of it was written").close()

    # ------------------------------------------------------------------ writing

    @staticmethod
    def _data(graphs: dict) -> str:
        """An ``INSERT DATA`` of N-Triples lines per graph (``None``: the default graph)."""
        parts = []
        for g, lines in graphs.items():
            body = "\n".join(lines)
            parts.append(body if g is None else f"GRAPH {g} {{\n{body}\n}}")
        return "INSERT DATA {\n" + "\n".join(parts) + "\n}"

    @staticmethod
    def _batch(quads, graph: ox.NamedNode | None = None) -> dict:
        """rdflib quads -> N-Triples lines per graph, each with its union copy; every term checked first."""
        graphs: dict = defaultdict(list)
        union = str(_UNION)
        for s, p, o, g in quads:
            target = graph if graph is not None else (to_ox(g) if g is not None else ox.DefaultGraph())
            q = ox.Quad(to_ox(s), to_ox(p), to_ox(o), target)        # TypeError on a term out of place
            line = _nt(q)
            graphs[None if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)].append(line)
            graphs[union].append(line)
        return graphs

    def has_graph(self, iri: str) -> bool:
        return self._ask(f"ASK {{ GRAPH {ox.NamedNode(iri)} {{ ?s ?p ?o }} }}")

    def add_quads(self, quads) -> int:
        """Add rdflib quads ``(s, p, o, g|None)`` and their union copies in one update request."""
        graphs = self._batch(quads)
        n = len(graphs.get(str(_UNION), []))
        if n:
            self._update(self._data(graphs))
        return n

    def load_ontology(self, path: str | Path) -> None:
        """Put the ontology into the default graph (and the union), as ``Store.load_ontology`` does."""
        text = Path(path).read_text(encoding="utf-8").replace("https://geokg.example/", config.BASE)
        lines = [f"{t.subject} {t.predicate} {t.object} ." for t in ox.parse(text, format=ox.RdfFormat.TURTLE)]
        if lines:
            self._update(self._data({None: lines, str(_UNION): lines}))

    def remove_graph(self, iri: str) -> None:
        """Drop one article's graph; its triples that no other graph holds leave the union (one request)."""
        g = ox.NamedNode(iri)
        self._update(_UNION_LEAVES.format(u=_UNION.value, g=g.value) + f" ;\nDROP SILENT GRAPH {g}")

    def replace_graph(self, iri: str, quads) -> int:
        """Put rdflib quads into the named graph ``iri`` in place of what it held (and in the union),
        in one update request."""
        g = ox.NamedNode(iri)
        graphs = self._batch(quads, graph=g)
        steps = [_UNION_LEAVES.format(u=_UNION.value, g=g.value), f"DROP SILENT GRAPH {g}"]
        if graphs:
            steps.append(self._data(graphs))
        self._update(" ;\n".join(steps))
        return len(graphs.get(str(_UNION), []))

    def flush(self):
        """Nothing to do: the server commits each request."""

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, params: dict | None = None) -> QueryResult:
        """Run a SPARQL query over the union (default graph) and the article graphs (named graphs)."""
        subs = {k.lstrip("?$"): (v if isinstance(v, (ox.NamedNode, ox.Literal)) else to_ox(v))
                for k, v in (params or {}).items()}
        text = _bind(sparql, subs)
        dataset = [("default-graph-uri", _UNION.value)]
        if _USES_GRAPH.search(text):
            dataset += [("named-graph-uri", g.value) for g in self.article_graphs()]
        try:
            response = self._select(text, dataset, QueryError, "could not run the query")
        except QueryError as e:
            self._raise_syntax(text)
            raise e from None
        with response:
            media = response.headers.get_content_type()
            body = response.read()
        try:
            results_format = ox.QueryResultsFormat.from_media_type(media)
            if results_format is not None:
                res = ox.parse_query_results(body, format=results_format)
                if isinstance(res, ox.QueryBoolean):
                    return QueryResult("ask", boolean=bool(res))
                variables = [v.value for v in res.variables]
                raw = [[sol[v] for v in variables] for sol in res]
                rows = [{v: from_ox(t) for v, t in zip(variables, r)} for r in raw]
                return QueryResult("select", variables=variables, rows=rows, raw=raw)
            rdf_format = ox.RdfFormat.from_media_type(media)
            if rdf_format is None:
                raise QueryError(f"the SPARQL server at {self.url} answered in a format not understood: {media}")
            triples = [q.triple for q in ox.parse(body, format=rdf_format)]
            return QueryResult("graph", triples=triples)
        except (SyntaxError, ValueError) as e:
            raise QueryError(f"the SPARQL server at {self.url} gave an answer that cannot be read ({e}); "
                             f"it ends: {_tail(body)}") from None

    @staticmethod
    def _raise_syntax(text: str) -> None:
        """The server refused the query: if Oxigraph's parser does too, say where, as the embedded store does."""
        try:
            ox.Store().query(text, prefixes=PREFIXES)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from None
        except Exception:                  # noqa: BLE001 - parsed; the server's own message is the one to give
            pass

    def article_graphs(self) -> list:
        """Every named graph but the union (the articles' and the assessment's)."""
        return [sol["g"] for sol in self._solutions("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
                if sol["g"] != _UNION]

    def quads(self):
        """Every quad but the union copies: what the articles and the metadata say (streamed)."""
        sparql = (f"SELECT ?s ?p ?o ?g WHERE {{ {{ ?s ?p ?o }} UNION "
                  f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {_UNION}) }} }}")
        default = ox.DefaultGraph()
        for sol in self._solutions(sparql):
            g = sol[3]
            yield ox.Quad(sol[0], sol[1], sol[2], g if g is not None else default)

    def union_triples(self):
        """The union of all graphs, each triple once (streamed)."""
        for sol in self._solutions(f"SELECT ?s ?p ?o WHERE {{ GRAPH {_UNION} {{ ?s ?p ?o }} }}"):
            yield ox.Triple(sol[0], sol[1], sol[2])

    def __len__(self):
        sparql = (f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ ?s ?p ?o }} UNION "
                  f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {_UNION}) }} }}")
        return int(list(self._solutions(sparql))[0][0].value)
