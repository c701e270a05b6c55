"""Formats other tools load: Turtle, TriG, N-Quads, JSON-LD, GraphML, CSV, facts JSONL.

Serialisations come straight from the store through pyoxigraph, in one order
(graph, subject, predicate, object, each compared as N-Triples text), so that
the same content always gives byte-identical files, whatever store holds it
and in whatever order it was written. ``write`` streams them to a file: the
quads are sorted one graph at a time, the union one subject at a time, so a
big store is never held in memory at once (a store without ``graph_quads``
and ``union_triples_of``, such as a remote one, is sorted whole).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .analysis import to_networkx
from .model import DOUBT_RANK
from .queries import load_query
from .rdf import PREFIXES
from .store import Store

__all__ = ["facts", "serialize", "write", "write_facts", "write_csv", "graphml_graph", "graphml", "FORMATS"]

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "nquads": ox.RdfFormat.N_QUADS, "nq": ox.RdfFormat.N_QUADS,
           "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
           "json-ld": ox.RdfFormat.JSON_LD}
_QUAL_RANK = {None: 0, "exact": 0, "approximately": 1, "at_least": 2, "more_than": 2, "at_most": 2, "less_than": 2}


def _spo(t):
    return str(t.subject), str(t.predicate), str(t.object)


#: A graph of more quads than this (the assessment of 1,000 articles has 300,000) is
#: sorted one subject at a time rather than whole.
SORT_IN_MEMORY = 50_000


def _po(t):
    return str(t.predicate), str(t.object)


def _sorted_quads(store: Store):
    """Every quad but the union copies, ordered by (graph, subject, predicate, object) as text."""
    if not hasattr(store, "graph_quads"):
        yield from sorted(store.quads(), key=lambda q: (str(q.graph_name), *_spo(q)))
        return
    for g in sorted([ox.DefaultGraph(), *store.article_graphs()], key=str):
        held, subjects = [], set()
        for q in store.graph_quads(g):
            subjects.add(q.subject)
            if held is not None:
                held.append(q)
                if len(held) > SORT_IN_MEMORY:
                    held = None
        if held is not None:
            yield from sorted(held, key=_spo)
            continue
        for s in sorted(subjects, key=str):
            yield from sorted(store.graph_quads(g, s), key=_po)


def _sorted_union(store: Store):
    """The union's triples, ordered by (subject, predicate, object) as text."""
    if not hasattr(store, "union_triples_of"):
        yield from sorted(store.union_triples(), key=_spo)
        return
    for s in sorted(store.union_subjects(), key=str):
        yield from sorted(store.union_triples_of(s), key=_po)


def write(store: Store, out, fmt: str = "turtle") -> None:
    """Write the store in an RDF format to ``out`` (a path, or a binary file), streamed:
    the same bytes as ``serialize``, without the whole graph in memory (JSON-LD excepted)."""
    rdf_format = FORMATS[fmt.lower()]
    if rdf_format == ox.RdfFormat.JSON_LD:
        data = _jsonld(store)
        Path(out).write_bytes(data) if isinstance(out, (str, Path)) else out.write(data)
        return
    data = _sorted_quads(store) if rdf_format.supports_datasets else _sorted_union(store)
    prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if isinstance(out, (str, Path)):
        with open(out, "wb") as f:
            ox.serialize(data, f, format=rdf_format, prefixes=prefixes)
    else:
        ox.serialize(data, out, format=rdf_format, prefixes=prefixes)


def serialize(store: Store, fmt: str = "turtle") -> bytes:
    """The store in an RDF format. Triple formats get the union of all graphs
    (what the articles say, fused); dataset formats keep one graph per article."""
    buf = io.BytesIO()
    write(store, buf, fmt)
    return buf.getvalue()


def _jsonld(store: Store) -> bytes:
    """JSON-LD with a compact @context for our vocabulary (one @graph per article)."""
    raw = json.loads(ox.serialize(_sorted_quads(store), format=ox.RdfFormat.JSON_LD))
    context = dict(PREFIXES)

    def compact(value):
        if isinstance(value, str):
            for k, v in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
                if value.startswith(v) and len(value) > len(v):
                    return f"{k}:{value[len(v):]}"
            return value
        if isinstance(value, list):
            return [compact(x) for x in value]
        if isinstance(value, dict):
            return {(compact(k) if not k.startswith("@") else k): (compact(v) if k in ("@id", "@type") or not k.startswith("@") and not isinstance(v, str) else v)
                    for k, v in value.items()}
        return value

    body = raw if isinstance(raw, list) else raw.get("@graph", raw)
    return json.dumps({"@context": context, "@graph": compact(body)}, ensure_ascii=False, indent=1,
                      sort_keys=True).encode("utf-8")


def facts(store: Store) -> list[dict]:
    """One record per statement, as ``FACTS_FORMAT.md`` describes, from ``queries/facts.rq``.

    Rows per (statement, source) are grouped here: a statement's status is its
    most doubtful source's, with that source's claimant and qualifier;
    ``origins`` lists the independent origins of its sources (by label) and
    ``credibility`` is its Admiralty grade "1".."6" (``kg.corroborate``).
    """
    rows = store.query(load_query("facts").text).rows
    out: dict[str, dict] = {}
    best: dict[str, tuple] = {}
    for r in rows:
        st = r["statement"]
        rec = out.get(st)
        if rec is None:
            rec = out[st] = {k: r.get(k) for k in (
                "statement", "subject", "subject_iri", "subject_type", "predicate", "predicate_iri",
                "object", "object_iri", "object_type", "event_code", "location", "target", "recipient",
                "value", "qualifier", "unit", "claimant", "status", "time", "confidence", "credibility")}
            rec["sources"], rec["origins"] = [], []
        src = {"article": r["article"], "evidence": r["evidence"], "start": r["start"], "end": r["end"]}
        if src not in rec["sources"]:
            rec["sources"].append(src)
        if r.get("origin") is not None and r["origin"] not in rec["origins"]:
            rec["origins"].append(r["origin"])
        rank = (DOUBT_RANK.get(r["status"], 0), r["claimant"] is not None, _QUAL_RANK.get(r["qualifier"], 0))
        if st not in best or rank > best[st]:
            best[st] = rank
            for k in ("status", "claimant", "qualifier", "time", "unit"):
                if r.get(k) is not None or k in ("status", "claimant"):
                    rec[k] = r.get(k)
        rec["confidence"] = max(rec["confidence"] or 0, r["confidence"] or 0)
        if rec["time"] is None and r.get("time"):
            rec["time"] = r["time"]
    for rec in out.values():
        rec["origins"].sort()
        if rec["credibility"] is not None:
            rec["credibility"] = str(rec["credibility"])
        if rec["value"] is not None and rec["qualifier"] is None:
            rec["qualifier"] = "exact"
    return list(out.values())


def write_facts(store: Store, path: str | Path) -> int:
    recs = facts(store)
    Path(path).write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in recs),
                          encoding="utf-8")
    return len(recs)


CSV_COLUMNS = ["statement", "subject", "predicate", "object", "event_code", "location", "target", "recipient",
               "value", "qualifier", "unit", "claimant", "status", "time", "confidence", "sources",
               "articles", "evidence", "origins", "credibility"]


def write_csv(store: Store, out: io.TextIOBase) -> int:
    """Statements as spreadsheet rows (the facts contract as columns)."""
    recs = facts(store)
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in recs:
        w.writerow({**r, "sources": len(r["sources"]),
                    "articles": "; ".join(s["article"] for s in r["sources"]),
                    "evidence": " | ".join(s["evidence"] for s in r["sources"]),
                    "origins": len(r["origins"])})
    return len(recs)


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` with only the values GraphML can hold: no None, lists joined, and each edge's
    ``sources`` list flattened into a count and joined strings (the same
    joins as the CSV columns)."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: ("; ".join(v) if isinstance(v, (list, tuple)) else v)
                         for k, v in d.items() if v is not None and v != []})
    for u, v, key, d in G.edges(keys=True, data=True):
        attrs = {k: x for k, x in d.items() if x is not None and k != "sources"}
        sources = d.get("sources") or []
        attrs.update(sources=len(sources),
                     articles="; ".join(s["article"] for s in sources),
                     evidence=" | ".join(s["quote"] for s in sources),
                     spans="; ".join(f"{s['article']}:{s['start']}-{s['end']}" for s in sources))
        H.add_edge(u, v, key=key, **attrs)
    return H


def graphml(store: Store) -> bytes:
    """The networkx entity graph (``kg.analysis.to_networkx``) as GraphML, for Gephi, yEd or Cytoscape."""
    buf = io.BytesIO()
    nx.write_graphml(graphml_graph(to_networkx(store)), buf, encoding="utf-8")
    return buf.getvalue()
