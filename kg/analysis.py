"""The graph for networkx: entities as nodes, statements as edges, and measures.

``to_networkx(store)`` projects the RDF graph to a ``MultiDiGraph`` (edge key =
statement IRI); the measures take ``G`` and return plain data.
"""
from __future__ import annotations

import networkx as nx

from .model import DOUBT_RANK
from .queries import load_query
from .store import Store

__all__ = ["to_networkx", "central_actors"]

_QUAL_TEXT = {"at_least": "at least", "more_than": "more than", "at_most": "at most",
              "less_than": "less than", "approximately": "about"}


def _quantity_text(r: dict) -> str | None:
    if r.get("value") is None:
        return None
    v = r["value"]
    num = f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    return " ".join(x for x in (_QUAL_TEXT.get(r.get("qualifier") or ""), num, r.get("unit") or "") if x)


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """Entities and the statements between them.

    Nodes: entity IRI with ``label``, ``type``, ``wikidata``. Edges: subject ->
    object (or recipient, target, location), key = statement IRI, with
    ``predicate``, ``status`` (most doubtful source), ``claimant``, ``quantity``
    and ``sources`` (article, quote, start, end).
    """
    G = nx.MultiDiGraph()
    for r in store.query(load_query("graph_edges").text).rows:
        for end in ("s", "o"):
            if r[end] not in G:
                G.add_node(r[end], label=r[f"{end}_label"], type=r[f"{end}_type"], wikidata=r.get(f"{end}_wd"))
        key = r["statement"]
        if not G.has_edge(r["s"], r["o"], key):
            G.add_edge(r["s"], r["o"], key=key, predicate=r["predicate"], status=r["status"],
                       claimant=r.get("claimant"), quantity=_quantity_text(r), sources=[])
        data = G.edges[r["s"], r["o"], key]
        src = {"article": r["article"], "quote": r["quote"], "start": r["start"], "end": r["end"]}
        if src not in data["sources"]:
            data["sources"].append(src)
        if DOUBT_RANK.get(r["status"], 0) > DOUBT_RANK.get(data["status"], 0):
            data["status"], data["claimant"] = r["status"], r.get("claimant") or data["claimant"]
            data["quantity"] = _quantity_text(r) or data["quantity"]
    return G


def central_actors(G: nx.MultiDiGraph, k: int = 5) -> list[dict]:
    """The ``k`` most central entities by PageRank on the undirected simple graph.

    >>> G = nx.MultiDiGraph(); G.add_edges_from([("a", "b"), ("a", "c"), ("a", "d")])
    >>> [r["node"] for r in central_actors(G, 1)]
    ['a']
    """
    if G.number_of_nodes() == 0:
        return []
    simple = nx.Graph(G.to_undirected())
    pr = nx.pagerank(simple) if simple.number_of_edges() else {n: 0.0 for n in simple}
    ranked = sorted(simple.nodes, key=lambda n: (-pr[n], -simple.degree(n), str(n)))[:k]
    return [{"node": n, "label": G.nodes[n].get("label", n), "type": G.nodes[n].get("type"),
             "degree": simple.degree(n), "pagerank": round(pr[n], 4)} for n in ranked]
