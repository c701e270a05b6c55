"""The embedded Oxigraph store: one transaction per article, SPARQL over the union.

Each article's quads go into its named graph and, in the same transaction,
into the union of all graphs, which is Oxigraph's default graph and so the
default graph of every query. So a statement stated by two articles is one
node with both sources, and ``GRAPH ?article {}`` still reaches one article's
view. What the dataset's own default graph says (the ontology, the articles'
metadata) is kept in a named graph of its own (``config.DEFAULT_GRAPH``),
which ``quads``, ``graph_quads`` and the exports give back as the default
graph and which ``GRAPH ?g`` never reaches.

Why a stored union rather than Oxigraph's ``use_default_graph_as_union``:
that view repeats a triple once per graph holding it, and the joins of the
facts query then multiplied into 10^5 rows for 30 statements (measured:
25 s, against 0.1 s with the stored union). Why in the default graph:
Oxigraph keeps a default-graph triple in 3 indexes of 3 terms and a
named-graph quad in 6 indexes of 4 terms, so the union costs a third of
what it cost as a named graph (``config.UNION_GRAPH``, the layout of stores
written before: a store holding that graph is still read and written in
its own layout).

Why a source's triples are not in its article's graph: a ``kg:Source`` is
minted for one quote of one article (``model.source_iri`` holds the
article's digest), so no other graph can ever state its triples and the
graph adds nothing the union does not know: ``?source prov:wasQuotedFrom
?article`` says whose it is. Kept once, in the union, they are half the
quads of an article's graph; the store of 1,000 generated articles shrank
from 241 to 158 MB (8.2 times its Turtle export, from 12.4). ``graph_quads``,
``quads`` and every export give them back in their article's graph, so TriG
and N-Quads are as before; only SPARQL's
``GRAPH ?article {}`` no longer reaches them (a SPARQL server as the store,
``kg.remote``, keeps them in the article graphs). A store written before,
with the sources in the article graphs, is read and written as it is.
"""
from __future__ import annotations

import itertools
import operator
import os
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from . import config
from .errors import QueryError, StoreError
from .rdf import PREFIXES

__all__ = ["Store", "QueryResult", "connect", "is_url", "open_read_only", "to_ox", "from_ox"]


_UNION = ox.NamedNode(config.UNION_GRAPH)            # the union, in a store of the layout before
_DEFAULT = ox.NamedNode(config.DEFAULT_GRAPH)        # the dataset's default graph, kept apart
_QUOTED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasQuotedFrom")
# The triples of the sources quoted from the article ``{article}`` (a SPARQL term) that only the
# union holds: those the store keeps there alone (see the module), not the assessment's.
_UNION_ONLY_SOURCES = (f"?s {_QUOTED_FROM} {{article}} FILTER(STRSTARTS(STR(?s), \"{config.SOURCE}\")) ?s ?p ?o "
                       "FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} }}")
# Quads written between two flushes of RocksDB's in-memory tables. Oxigraph lets each of
# its 11 column families buffer 128 MB before it writes them out, so a build of 1,000
# articles held 1.3 GB of them (and as much write-ahead log on disk) until its last flush;
# 100,000 quads is about 15 MB per index, a flush about a second on a 2-core machine.
FLUSH_EVERY = 100_000
# A triple that is written and removed again (in the dataset's default graph) to make RocksDB switch
# and drop the write-ahead logs that a flush left behind (see ``Store.flush``).
_MARK = ox.Quad(ox.NamedNode("urn:geokg:flush"), ox.NamedNode("urn:geokg:flush"), ox.NamedNode("urn:geokg:flush"))
# A query that names graphs (GRAPH ?g, FROM NAMED): only these need the article graphs listed.
_USES_GRAPH = re.compile(r"\bGRAPH\b|\bFROM\s+NAMED\b", re.I)


def _bind(sparql: str, subs: dict) -> str:
    """Bind query parameters with a VALUES block at the start of the WHERE clause.

    Oxigraph's own substitutions only accept projected variables; a library
    query's parameters (``?actor``) usually are not.
    """
    if not subs:
        return sparql
    values = " ".join(f"VALUES ?{k} {{ {v} }}" for k, v in subs.items())
    m = re.search(r"\bWHERE\s*\{", sparql, re.I) or re.search(r"\{", sparql)
    if m is None:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    return sparql[:m.end()] + " " + values + " " + sparql[m.end():]


def to_ox(term):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _ox_term(term):
    """A subject as pyoxigraph has it: rdflib terms converted, a plain string taken as an IRI."""
    if isinstance(term, (URIRef, BNode, Literal)):
        return to_ox(term)
    return ox.NamedNode(term) if isinstance(term, str) else term


_NUMERIC = {"http://www.w3.org/2001/XMLSchema#integer": int, "http://www.w3.org/2001/XMLSchema#decimal": float,
            "http://www.w3.org/2001/XMLSchema#double": float, "http://www.w3.org/2001/XMLSchema#float": float,
            "http://www.w3.org/2001/XMLSchema#long": int, "http://www.w3.org/2001/XMLSchema#int": int,
            "http://www.w3.org/2001/XMLSchema#nonNegativeInteger": int}


def from_ox(term):
    """pyoxigraph term -> plain Python: IRIs as str, numbers as int/float, other literals as str."""
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if term is None:
        return None
    if kind is ox.Literal:
        datatype = term.datatype
        if datatype == _XSD_STRING:
            return term.value
        cast = _NUMERIC.get(datatype.value)
        if cast:
            try:
                v = float(term.value)
                return int(v) if cast is int or v.is_integer() and "." not in term.value else v
            except ValueError:
                return term.value
        if datatype.value == "http://www.w3.org/2001/XMLSchema#boolean":
            return term.value == "true"
        return term.value
    if kind is ox.BlankNode:
        return "_:" + term.value
    return str(term)


class _Terms(dict):
    """SPARQL TSV cell -> its pyoxigraph term ("" -> None), read by Oxigraph's own TSV parser
    (so a term is what Oxigraph gives) when first needed, a batch of cells at a time."""

    def __init__(self):
        super().__init__({"": None})

    def fill(self, cells) -> "_Terms":
        listed = [cell for cell in set(cells) if cell not in self]
        if listed:
            parsed = ox.parse_query_results(("?t\n" + "\n".join(listed) + "\n").encode("utf-8"),
                                            format=ox.QueryResultsFormat.TSV)
            self.update(zip(listed, (sol[0] for sol in parsed)))
        return self

    def __missing__(self, cell):
        return self.fill((cell,))[cell]


def _plain(cell: str) -> bool:
    """Whether the cell is an IRI ``<...>`` or a string ``"..."`` with nothing escaped: its
    value is then its text less the first and last character."""
    first = cell[:1]
    return first == "<" and cell[1:2] != "<" or first == '"' and cell[-1] == '"' and len(cell) > 1 and "\\" not in cell


def _values(cells: set, terms: _Terms) -> dict:
    """Each distinct cell -> its plain Python value (``from_ox`` of its term), an IRI's and a
    string's read from the cell's text, the others' from their terms."""
    values, other = {"": None}, []
    for cell in cells:
        if _plain(cell):
            values[cell] = cell[1:-1]
        elif cell:
            other.append(cell)
    terms.fill(other)
    values.update(zip(other, map(from_ox, map(terms.__getitem__, other))))
    return values


# The final ORDER BY of a SELECT, when it orders by variables (ASC, DESC, STR of them), is done
# here on the rows, not by Oxigraph, which reads both strings of every comparison from the store:
# at 1,000 articles that was 2 of the 3.5 s of ``facts`` and 5 of the 9 s of ``refined_numbers``.
_ORDER = re.compile(r"\bORDER\s+BY\b((?:(?!\bORDER\s+BY\b)[^{}])*)$", re.I | re.S)
_CONDITION = re.compile(r"\s*(?:(?P<dir>ASC|DESC)\s*\(\s*)?(?:(?P<str>STR)\s*\(\s*)?[?$](?P<var>\w+)\s*"
                        r"(?(str)\)\s*)(?(dir)\)\s*)", re.I)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = ox.NamedNode(_XSD + "string")
_ORDER_NUMBER = {_XSD + "integer": Decimal, _XSD + "decimal": Decimal, _XSD + "double": float, _XSD + "float": float}


def _split_order(text: str):
    """``(text without its final ORDER BY, [(variable, descending, by STR)])`` when the rows can
    be sorted here; ``(text, None)`` otherwise (not a SELECT, LIMIT or OFFSET, an expression)."""
    close = text.rfind("}")
    head = text[:text.find("{")]
    if close < 0 or not re.search(r"\bSELECT\b", head, re.I) or re.search(r"\b(CONSTRUCT|DESCRIBE|ASK)\b", head, re.I):
        return text, None
    tail = text[close + 1:]
    m = _ORDER.search(tail)
    if m is None:
        return text, None
    spec, pos, keys = m[1].rstrip(), 0, []
    while pos < len(spec):
        c = _CONDITION.match(spec, pos)
        if c is None or c.end() == pos:
            return text, None
        keys.append((c["var"], (c["dir"] or "").upper() == "DESC", c["str"] is not None))
        pos = c.end()
    return (text[:close + 1] + tail[:m.start()], keys) if keys else (text, None)


def _order_key(term, as_str: bool):
    """Where SPARQL's ORDER BY puts a term: unbound, blank nodes, IRIs, then literals; strings
    by code point, numbers by value. ``(kind, literal class, value)``; None: not placeable here."""
    if term is None:
        return (0, "", "")
    kind = type(term)
    if as_str:
        return (0, "", "") if kind is ox.BlankNode else (3, "s", term.value)
    if kind is ox.NamedNode:
        return (2, "", term.value)
    if kind is ox.BlankNode:
        return (1, "", term.value)
    if kind is not ox.Literal:                 # a triple term: Oxigraph orders
        return None
    datatype = term.datatype
    if datatype == _XSD_STRING:
        return (3, "s", term.value)
    number = _ORDER_NUMBER.get(datatype.value)
    if number is None:
        return None
    try:
        value = number(term.value)
    except (ValueError, ArithmeticError):
        return None
    return None if value != value else (3, "n", value)      # NaN: not ordered


def _cell_key(cell: str, terms: _Terms, as_str: bool):
    """``_order_key`` of a TSV cell's term, an IRI's, a blank node's and a plain string's read
    from the cell's text (``<...>``, ``_:...``, ``"..."``), the others' from their terms."""
    first = cell[:1]
    if not first:
        return (0, "", "")
    if first == "_":
        return (0, "", "") if as_str else (1, "", cell[2:])
    if _plain(cell):
        return (3, "s", cell[1:-1]) if as_str or first == '"' else (2, "", cell[1:-1])
    if first == "<":                          # a triple term (RDF 1.2): Oxigraph orders
        return None
    return (3, "s", terms[cell].value) if as_str else _order_key(terms[cell], False)


def _sort_rows(raw: list, variables: list, keys: list, terms: dict):
    """The rows in the order of ``keys``, or None when a key is not a projected variable or
    mixes literals SPARQL does not compare (strings and numbers, dates). Rows the keys do not
    order (SPARQL leaves their order open) come in the order of their terms (their N-Triples
    text), so that the order never depends on how Oxigraph joined them.

    ``raw``: rows of SPARQL TSV cells, ``terms`` their pyoxigraph terms (``_Terms``): each
    distinct cell is placed once, then the rows are sorted by the ranks of their cells."""
    index = {v: i for i, v in enumerate(variables)}
    if any(var not in index for var, _, _ in keys):
        return None
    columns = []
    for var, descending, as_str in keys:
        i, place, classes = index[var], {}, set()
        distinct = {row[i] for row in raw}
        terms.fill([cell for cell in distinct if not _plain(cell)])
        for cell in distinct:
            key = place[cell] = _cell_key(cell, terms, as_str)
            if key is None:
                return None
            classes.add(key[1])
        if len(classes - {""}) > 1:
            return None
        rank, last, r = {}, None, -1              # each distinct cell's rank: rows compare ints
        for cell, key in sorted(place.items(), key=operator.itemgetter(1)):
            if key != last:
                r, last = r + 1, key
            rank[cell] = -r if descending else r
        columns.append(list(map(rank.__getitem__, [row[i] for row in raw])))
    placed = list(zip(*columns))                  # a row's ranks, key after key
    order = sorted(range(len(raw)), key=placed.__getitem__)
    ranked = list(map(placed.__getitem__, order))
    # the places in ``order`` of the rows tied with the row before them, then each run of ties
    ties = list(itertools.compress(range(1, len(order)), map(operator.eq, ranked, ranked[1:])))
    runs, start = [], None
    for k, at in enumerate(ties):
        if start is None:
            start = at - 1
        if k + 1 == len(ties) or ties[k + 1] != at + 1:
            runs.append((start, at + 1))
            start = None
    if runs:
        tied = [j for a, b in runs for j in order[a:b]]
        cells = set(itertools.chain.from_iterable(map(raw.__getitem__, tied)))
        # an IRI's and a blank node's text is its cell's
        terms.fill([cell for cell in cells if cell[:1] not in ("<", "_") or cell[:2] == "<<"])
        text = {cell: cell if cell[:1] in ("<", "_") and cell[:2] != "<<" else "" if not cell else str(terms[cell])
                for cell in cells}
        # each cell's rank by its text (distinct cells, distinct texts): tied rows compare ints
        rank = {cell: r for r, cell in enumerate(sorted(text, key=text.__getitem__))}
        by_text = dict(zip(tied, map(tuple, map(map, itertools.repeat(rank.__getitem__), map(raw.__getitem__, tied)))))
        for a, b in runs:
            order[a:b] = sorted(order[a:b], key=by_text.__getitem__)
    return list(map(raw.__getitem__, order))


@dataclass
class QueryResult:
    """A SPARQL result as plain data: ``rows`` for SELECT, ``boolean`` for ASK, ``triples`` for graphs."""
    kind: str                                  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)   # pyoxigraph Triples
    raw: list = field(default_factory=list)       # pyoxigraph terms per row (for exact serialisation)

    def __getattr__(self, name):
        # ``raw`` of a result read as TSV (``Store.query``) is made when first asked for: most
        # callers read only ``rows``, and a term per cell costs as much as a row's dict
        lazy = self.__dict__.get("_cells")
        if name != "raw" or lazy is None:
            raise AttributeError(name)
        cells, terms = lazy
        terms.fill(itertools.chain.from_iterable(cells))
        self.raw = [tuple(map(terms.__getitem__, row)) for row in cells]
        del self._cells
        return self.raw

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows) if self.kind == "select" else len(self.triples)


def _open_read_only(path: str, tries: int = 20):
    """``pyoxigraph.Store.read_only``, tried again while a writer's compaction removes a data
    file between the reader's look at the file list and its opening of the file (RocksDB
    says "Corruption ... No such file"; the next look finds the files that replaced it)."""
    for i in range(tries):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError) as e:
            if i == tries - 1 or "No such file" not in str(e):
                raise
            time.sleep(0.05)


class Store:
    """An Oxigraph store on disk (``path``) or in memory (``path=None``)."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        try:
            if path is None:
                self.ox = ox.Store()
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self.ox = _open_read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as e:
            raise StoreError(f"cannot open the store at {path}: {e}") from None
        self.path = path
        self.read_only = read_only
        self._unflushed = 0            # quads written since the last flush
        # where the union and the dataset's default graph are: a store holding the union as a
        # named graph was written before the union moved into the default graph (see the module)
        self.legacy = self.ox.contains_named_graph(_UNION)
        # the graph holding the union (``default_graph`` of a query on ``self.ox``), and the one
        # holding what the dataset's default graph says
        self.union_graph, self._default = (_UNION, ox.DefaultGraph()) if self.legacy else (ox.DefaultGraph(), _DEFAULT)
        self._union = self.union_graph
        self._hidden = self._union if self.legacy else _DEFAULT      # the named graph no article is

    def has_graph(self, iri: str) -> bool:
        return self.ox.contains_named_graph(ox.NamedNode(iri))

    def add_quads(self, quads) -> int:
        """Add rdflib quads ``(s, p, o, g|None)`` and their union copies in one transaction;
        a source's triples in an article's graph go to the union alone (see the module).
        Returns how many quads were given."""
        batch, given = [], 0
        for s, p, o, g in quads:
            given += 1
            once = g is not None and not self.legacy and _kept_in_union(str(s), str(g))
            s, p, o = to_ox(s), to_ox(p), to_ox(o)
            if not once:
                batch.append(ox.Quad(s, p, o, to_ox(g) if g is not None else self._default))
            batch.append(ox.Quad(s, p, o, self._union))
        self._extend(batch)
        return given

    def _extend(self, batch) -> None:
        try:
            self.ox.extend(batch)
        except OSError as e:
            raise StoreError(f"writing to the store failed, nothing was written: {e}") from None
        self._written(len(batch))

    def _written(self, n: int) -> None:
        """Count ``n`` quads written; past ``FLUSH_EVERY``, write the in-memory tables out."""
        self._unflushed += n
        if self._unflushed >= FLUSH_EVERY and self.path is not None:
            self._flush_tables()

    def load_ontology(self, path: str | Path) -> None:
        """Put the ontology (labels, comments, SKOS notations) into the default graph (and the union).

        The file is written against the default base IRI; a configured
        ``GEOKG_BASE`` is substituted so the terms match the data.
        """
        text = Path(path).read_text(encoding="utf-8").replace("https://geokg.example/", config.BASE)
        triples = list(ox.parse(text, format=ox.RdfFormat.TURTLE))
        self._extend([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples
                      for g in (self._default, self._union)])

    def remove_graph(self, iri: str) -> None:
        """Drop one article's graph, and from the union the triples no other graph holds.

        One SPARQL update, so one transaction: a triple another article (or the
        default graph) also states stays in the union; the rest of the union is
        not touched, so the cost is that of the graph, not of the store.
        """
        g = f"<{ox.NamedNode(iri).value}>"
        if self.legacy:
            u = f"<{config.UNION_GRAPH}>"
            update = (f"DELETE {{ GRAPH {u} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
                      f"FILTER NOT EXISTS {{ ?s ?p ?o }} "
                      f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g} && ?h != {u}) }} }} ; ")
        else:       # the union is the default graph; the dataset's default graph is a named graph
            update = (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
                      f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g}) }} }} ; "
                      # its sources, kept in the union alone (what the assessment says of them stays)
                      f"DELETE {{ ?s ?p ?o }} WHERE {{ {_UNION_ONLY_SOURCES.format(article=g)} }} ; ")
        try:
            self.ox.update(update + f"DROP SILENT GRAPH {g}")
        except OSError as e:
            raise StoreError(f"writing to the store failed, nothing was written: {e}") from None

    def replace_graph(self, iri: str, quads) -> int:
        """Put rdflib quads into the named graph ``iri`` in place of what it held (and in the union).

        Only the difference is written: the triples it held and no longer holds
        leave it (and the union, unless another graph holds them too), the new
        ones come in, in batches of ``FLUSH_EVERY`` quads, so that replacing a
        big graph (the assessment of 1,000 articles: 290,000 triples) with
        itself writes nothing and with another one holds no more than a batch
        in memory. Returns how many triples the graph holds.
        """
        g = ox.NamedNode(iri)
        new = {ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o, _ in quads}
        gone = [q.triple for q in self.ox.quads_for_pattern(None, None, None, g) if q.triple not in new]
        self._drop(g, gone)
        if not new and self.ox.contains_named_graph(g):
            self._remove_empty(g)
        self._add_new(g, new)
        return len(new)

    def replace_about(self, iri: str, subjects, quads) -> tuple[int, int]:
        """``replace_graph`` for part of a graph: what the named graph ``iri`` says about each of
        ``subjects`` (rdflib or pyoxigraph terms) becomes the rdflib quads given, whose subjects
        must be among them; the rest of the graph is not read. Returns ``(added, removed)``.

        The assessment of a build that changed a few articles (``kg.corroborate.assess``)
        rewrites only the statements those articles touch this way.
        """
        g = ox.NamedNode(iri)
        keep = {_ox_term(s) for s in subjects}
        new = set()
        for s, p, o, _ in quads:
            t = ox.Triple(to_ox(s), to_ox(p), to_ox(o))
            if t.subject not in keep:
                raise ValueError(f"replace_about: {t.subject} is not among the subjects replaced")
            new.add(t)
        gone = [q.triple for s in keep for q in self.ox.quads_for_pattern(s, None, None, g) if q.triple not in new]
        self._drop(g, gone)
        return self._add_new(g, new), len(gone)

    def _drop(self, g, gone) -> None:
        """Remove triples from the graph ``g``, and from the union those no other graph holds."""
        try:
            for t in gone:
                self.ox.remove(ox.Quad(t.subject, t.predicate, t.object, g))
                others = (q.graph_name for q in self.ox.quads_for_pattern(t.subject, t.predicate, t.object))
                if not any(h != g and h != self._union for h in others):
                    self.ox.remove(ox.Quad(t.subject, t.predicate, t.object, self._union))
        except OSError as e:
            raise StoreError(f"writing to the store failed: {e}") from None
        self._written(2 * len(gone))

    def _remove_empty(self, g) -> None:
        try:
            self.ox.remove_graph(g)
        except OSError as e:
            raise StoreError(f"writing to the store failed: {e}") from None

    def _add_new(self, g, new) -> int:
        """Add the triples of ``new`` the graph ``g`` lacks (and their union copies), in batches of
        ``FLUSH_EVERY`` quads; returns how many were added."""
        fresh = (t for t in new if ox.Quad(t.subject, t.predicate, t.object, g) not in self.ox)
        added, batch = 0, []
        for t in fresh:      # each triple looked up once: the batches written meanwhile hold others
            batch += [ox.Quad(t.subject, t.predicate, t.object, g),
                      ox.Quad(t.subject, t.predicate, t.object, self._union)]
            added += 1
            if len(batch) >= FLUSH_EVERY:
                self._extend(batch)
                batch = []
        if batch:
            self._extend(batch)
        return added

    def query(self, sparql: str, params: dict | None = None) -> QueryResult:
        """Run a SPARQL query; ``params`` binds variables (name -> rdflib term or pyoxigraph term)."""
        subs = {k.lstrip("?$"): (v if isinstance(v, (ox.NamedNode, ox.Literal)) else to_ox(v))
                for k, v in (params or {}).items()}
        text = _bind(sparql, subs)
        # the named graphs are listed only for a query that can reach them (one walk over the
        # graph names, 1,000s of them in a big store); every other query sees only the union
        dataset = {"named_graphs": self.article_graphs()} if _USES_GRAPH.search(text) else {}
        unordered, keys = _split_order(text)
        res = self._run(unordered, dataset)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            if not variables:                   # no column: TSV would not tell how many rows
                raw = self._solutions(res)
                return QueryResult("select", variables=variables, rows=[{} for _ in raw], raw=raw)
            cells = self._cells(res)            # a row of TSV cells each; each distinct cell read once
            terms = _Terms()
            if keys:
                ordered = _sort_rows(cells, variables, keys, terms)
                if ordered is None:             # Oxigraph orders
                    cells = self._cells(self._run(text, dataset))
                else:
                    cells = ordered
            values = _values(set(itertools.chain.from_iterable(cells)), terms)
            result = QueryResult("select", variables=variables,
                                 rows=[dict(zip(variables, map(values.__getitem__, r))) for r in cells])
            del result.raw                      # made from the cells when first asked for
            result._cells = (cells, terms)
            return result
        return QueryResult("graph", triples=list(res))

    def _run(self, text: str, dataset: dict):
        try:
            if self.legacy:
                return self.ox.query(text, default_graph=_UNION, prefixes=PREFIXES, **dataset)
            return self.ox.query(text, prefixes=PREFIXES, **dataset)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from None
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"SPARQL query failed: {e}") from None

    @staticmethod
    def _solutions(res) -> list:
        try:
            return list(map(tuple, res))
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"SPARQL query failed: {e}") from None

    @staticmethod
    def _cells(res) -> list:
        """The solutions as tuples of SPARQL TSV cells (a term in N-Triples or Turtle's short
        form, "" unbound): Oxigraph writes them in one call, where a pyoxigraph term per cell
        cost as much again as the query (a third of a second for 25,000 rows of 26 columns)."""
        try:
            data = res.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"SPARQL query failed: {e}") from None
        lines = data.split("\n")                # a cell never holds a newline, tab or CR (escaped)
        return [tuple(line.split("\t")) for line in lines[1:-1]]

    def article_graphs(self) -> list:
        """The named graphs of the dataset (the articles', the assessment), as ``NamedNode``s."""
        return [g for g in self.ox.named_graphs() if g != self._hidden]

    def quads(self):
        """Every quad but the union copies: what the articles and the metadata say (the
        dataset's default graph as ``pyoxigraph.DefaultGraph()``)."""
        if self.legacy:
            return (q for q in self.ox.quads_for_pattern(None, None, None, None) if q.graph_name != _UNION)
        return itertools.chain(self.graph_quads(ox.DefaultGraph()), itertools.chain.from_iterable(
            self.graph_quads(g) for g in self.article_graphs()))

    def stored_named_quads(self):
        """The quads of the article graphs and the assessment as stored: what ``GRAPH ?g``
        reaches (no source's triples, see the module)."""
        return itertools.chain.from_iterable(self.ox.quads_for_pattern(None, None, None, g)
                                             for g in self.article_graphs())

    def union_triples(self):
        """The union of all graphs, each triple once."""
        return (q.triple for q in self.ox.quads_for_pattern(None, None, None, self._union))

    def graph_quads(self, graph, subject=None):
        """The quads of one graph (``pyoxigraph.DefaultGraph()``, a ``NamedNode`` or an IRI),
        or only those about ``subject`` (a pyoxigraph term)."""
        if isinstance(graph, str):
            graph = ox.NamedNode(graph)
        if isinstance(graph, ox.DefaultGraph) and not self.legacy:
            return (ox.Quad(q.subject, q.predicate, q.object, graph)
                    for q in self.ox.quads_for_pattern(subject, None, None, _DEFAULT))
        held = self.ox.quads_for_pattern(subject, None, None, graph)
        if self.legacy or not graph.value.startswith(config.ARTICLE):
            return held
        return itertools.chain(held, self._quoted(graph, subject))

    def _quoted(self, graph, subject=None):
        """The triples of ``graph``'s sources kept in the union alone (see the module), as quads
        of ``graph``: those no named graph holds (the assessment's stay the assessment's; a
        source written into its article's graph by an older build is in ``graph`` already)."""
        if subject is None:
            sources = [q.subject for q in self.ox.quads_for_pattern(None, _QUOTED_FROM, graph, self._union)]
        elif ox.Quad(subject, _QUOTED_FROM, graph, self._union) in self.ox:
            sources = [subject]
        else:
            return
        for source in sources:
            if type(source) is not ox.NamedNode or not _kept_in_union(source.value, graph.value):
                continue
            held = list(self.ox.quads_for_pattern(source, None, None, None))
            named = {q.triple for q in held if q.graph_name != self._union}
            for q in held:
                if q.graph_name == self._union and q.triple not in named:
                    yield ox.Quad(q.subject, q.predicate, q.object, graph)

    def union_subjects(self) -> list:
        """The subjects of the union, each once (pyoxigraph terms, in no particular order)."""
        where = f"GRAPH {_UNION} {{ ?s ?p ?o }}" if self.legacy else "?s ?p ?o"
        return [sol[0] for sol in self.ox.query(f"SELECT DISTINCT ?s WHERE {{ {where} }}")]

    def union_triples_of(self, subject):
        """The triples of the union about one subject (a pyoxigraph term)."""
        return (q.triple for q in self.ox.quads_for_pattern(subject, None, None, self._union))

    def union_size(self) -> int:
        """How many triples the union holds (counted by Oxigraph: 0.3 s for 700,000, against
        8 s to count ``union_triples()`` in Python)."""
        return self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]

    def __len__(self):
        """How many quads ``quads()`` gives: every quad but the union copies."""
        if self.legacy:
            return len(self.ox) - self.union_size()
        quoted = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {_UNION_ONLY_SOURCES.format(article='?a')} }}"
                            ).rows[0]["n"]
        return len(self.ox) - self.union_size() + quoted

    def _flush_tables(self) -> None:
        try:
            self.ox.flush()
        except OSError as e:
            raise StoreError(f"writing to the store failed: {e}") from None
        self._unflushed = 0

    def flush(self):
        """Write what RocksDB holds in memory to its data files, and drop the write-ahead logs.

        RocksDB deletes (recycles) a log only at the flush after the one that made
        it obsolete, and only when something was written in between: a quad is
        written and removed twice, each followed by a flush. Without it, a
        build left as much log on disk as it had last written (1.2 GB of 1.6 GB
        for 1,000 articles), until the next opening of the store.
        """
        if self.path is None or self.read_only:
            return
        self._flush_tables()
        try:
            mark = ox.Quad(_MARK.subject, _MARK.predicate, _MARK.object, self._default)        # never in the union queries read
            for _ in range(2):
                self.ox.add(mark)
                self.ox.remove(mark)
                self.ox.flush()
        except OSError as e:
            raise StoreError(f"writing to the store failed: {e}") from None

    def compact(self):
        """``flush``, then compact the data files (``pyoxigraph.Store.optimize``): what
        removed and replaced graphs left behind goes. For the end of a build."""
        self.flush()
        if self.path is not None and not self.read_only:
            try:
                self.ox.optimize()
            except OSError as e:
                raise StoreError(f"compacting the store failed: {e}") from None


def _kept_in_union(subject: str, graph: str) -> bool:
    """Whether a triple of ``subject`` in the graph ``graph`` (IRIs) is a source's in an article's
    graph: kept in the union alone (see the module)."""
    return subject.startswith(config.SOURCE) and graph.startswith(config.ARTICLE)


# Read-only stores opened before, by folder: (the folder's files when opened, the store).
_READERS: dict[str, tuple[tuple, Store]] = {}
_READERS_KEPT = 4


def _files_of(folder: str) -> tuple:
    """What a store's folder holds: each file's name, inode, size and modification time. A
    write appends to the write-ahead log, a flush or compaction adds and removes files, and
    RocksDB replaces CURRENT by renaming: any write changes it."""
    try:
        return tuple(sorted((e.name, (st := e.stat()).st_ino, st.st_size, st.st_mtime_ns) for e in os.scandir(folder)))
    except OSError:
        return ()


def open_read_only(path: str | Path) -> Store:
    """The store at ``path`` opened read-only, the same ``Store`` as the call before while none
    of its files has changed since (a read-only store does not see later writes, so any change
    opens it again). Opening costs 8 to 10 ms and the first query on a fresh handle as much
    again on its cold caches: half of a small library query called from a notebook."""
    folder = str(Path(path).resolve())
    files = _files_of(folder)                 # before opening: a change meanwhile opens again next time
    kept = _READERS.get(folder)
    if kept is not None and files and kept[0] == files:
        return kept[1]
    store = Store(folder, read_only=True)
    _READERS.pop(folder, None)
    _READERS[folder] = (files, store)
    while len(_READERS) > _READERS_KEPT:
        _READERS.pop(next(iter(_READERS)))
    return store


def is_url(spec) -> bool:
    """Whether a ``--store`` value names a SPARQL server (``http://HOST:PORT``) rather than a folder."""
    return isinstance(spec, str) and spec.startswith(("http://", "https://"))


def connect(spec: str | Path | None, read_only: bool = False):
    """The store named by ``spec``: a folder (the embedded Oxigraph store, made if missing),
    ``None`` (in memory), or the URL of a SPARQL 1.1 server (``kg.remote.RemoteStore``).

    Every store has the same methods, so building, querying and exporting do not
    care which one they write to or read from.
    """
    if is_url(spec):
        from .remote import RemoteStore
        return RemoteStore(spec, read_only=read_only)
    return Store(spec, read_only=read_only)
