"""The graph for networkx: entities as nodes, statements as edges, and measures.

``to_networkx(store)`` projects the RDF graph to a ``MultiDiGraph`` (edge key =
statement IRI); the measures take ``G`` and return plain data (lists, dicts,
strings), ordered deterministically so that reports and tests are stable.

Node attributes used: ``label``, ``type``, ``wikidata`` and, when present,
``aliases`` (a list of strings). Edge attributes used: ``predicate``,
``status``, ``sources`` (list of ``{article, quote, start, end}``).
"""
from __future__ import annotations

import difflib
import heapq
import itertools
import re
from collections import defaultdict

import networkx as nx

from .errors import NotFoundError
from .model import DOUBT_RANK
from .queries import load_query
from .rdf import WD
from .store import Store

WIKIDATA = str(WD)

__all__ = ["to_networkx", "entity_graph", "central_actors", "centrality", "communities", "components",
           "disputed_entities", "article_agreement", "find_entity", "shortest_paths",
           "report_markdown", "credibility_grades", "DOUBTFUL_STATUSES"]

#: Statuses that make a statement doubtful, least to most doubtful.
DOUBTFUL_STATUSES = tuple(s for s, r in sorted(DOUBT_RANK.items(), key=lambda x: x[1])
                          if r >= DOUBT_RANK["unverified"])
#: Above this many nodes, betweenness is estimated from a seeded sample of pivots.
BETWEENNESS_EXACT_LIMIT, BETWEENNESS_PIVOTS = 2000, 500

_QUAL_TEXT = {"at_least": "at least", "more_than": "more than", "at_most": "at most",
              "less_than": "less than", "approximately": "about"}


def _quantity_text(r: dict) -> str | None:
    if r.get("value") is None:
        return None
    v = r["value"]
    num = f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    return " ".join(x for x in (_QUAL_TEXT.get(r.get("qualifier") or ""), num, r.get("unit") or "") if x)


def to_networkx(store: Store, articles: bool = False) -> nx.MultiDiGraph:
    """Entities and the statements between them (and, with ``articles``, the articles too).

    With ``articles=True`` each article is a node too (``type`` "Article",
    ``label`` its file name) with a ``mentioned_in`` edge from every entity of
    every statement it supports: the entity-article graph.

    Nodes: entity IRI with ``label``, ``type``, ``wikidata``, ``aliases``. Edges: subject ->
    object (or recipient, target, location), key = statement IRI, with
    ``predicate``, ``status`` (most doubtful source), ``claimant``, ``quantity``,
    ``credibility`` (Admiralty 1-6, a string), ``origins`` (independent
    origins), ``time`` (the earliest date its sources give) and ``sources``
    (article, quote, start, end, status, qualifier, claimant, publisher,
    published, reliability, url, time). A node is ``generic`` when it is a
    generic noun phrase scoped to one article (``kg:scopedTo``).
    """
    G = nx.MultiDiGraph()
    for r in store.query(load_query("graph_edges").text).rows:
        for end in ("s", "o"):
            if r[end] not in G:
                G.add_node(r[end], label=r[f"{end}_label"], type=r[f"{end}_type"], wikidata=r.get(f"{end}_wd"),
                           generic=r.get(f"{end}_scope") is not None)
        key = r["statement"]
        if not G.has_edge(r["s"], r["o"], key):
            G.add_edge(r["s"], r["o"], key=key, predicate=r["predicate"], status=r["status"],
                       claimant=r.get("claimant"), quantity=_quantity_text(r), sources=[],
                       credibility=None if r.get("credibility") is None else str(r["credibility"]),
                       origins=r.get("origins"), time=None)
        data = G.edges[r["s"], r["o"], key]
        src = {"article": r["article"], "quote": r["quote"], "start": r["start"], "end": r["end"],
               "status": r["status"], "qualifier": r.get("qualifier"), "claimant": r.get("claimant"),
               "publisher": r.get("publisher"), "published": r.get("published"),
               "reliability": r.get("reliability"), "url": r.get("url"), "time": r.get("time")}
        if r.get("time") and (data["time"] is None or str(r["time"]) < data["time"]):
            data["time"] = str(r["time"])
        if src not in data["sources"]:
            data["sources"].append(src)
        if DOUBT_RANK.get(r["status"], 0) > DOUBT_RANK.get(data["status"], 0):
            data["status"], data["claimant"] = r["status"], r.get("claimant") or data["claimant"]
            data["quantity"] = _quantity_text(r) or data["quantity"]
    aliases: dict[str, set] = {}
    for r in store.query("SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }").rows:
        if r["e"] in G:
            aliases.setdefault(r["e"], set()).add(r["alias"])
    for n in G:
        G.nodes[n]["aliases"] = sorted(aliases.get(n, ()))
    if articles:
        _add_articles(G)
    return G


# entity_graph: each role of the statements, and each attribute of the entities, in queries of
# one pattern each (at 10,000 articles 3.6 s for the attributes, against 8.2 s in one query;
# at 1,000 the roles 0.4 s, against 1.4 s in one query with an OPTIONAL per role)
_ROLE = "SELECT ?statement ?e WHERE {{ ?statement kg:{} ?e }}"
_SECOND = ("object", "recipient", "target", "location")   # the first of these a statement has
_ATTRIBUTES = {"label": "SELECT ?e ?v WHERE { ?e rdfs:label ?v }",
               "type": "SELECT ?e ?v WHERE { ?e a ?v FILTER(STRSTARTS(STR(?e), STR(ent:))) }",
               "wikidata": "SELECT ?e ?v WHERE { ?e owl:sameAs ?v }",
               "generic": "SELECT ?e ?v WHERE { ?e kg:scopedTo ?v }"}


def entity_graph(store: Store) -> nx.MultiDiGraph:
    """The entities and statements of :func:`to_networkx`, without sources: what the centrality
    measures need, at a fraction of the cost (at 1,000 articles 1 s and 60 MB, against 80 s and
    260 MB).

    Nodes: entity IRI with ``label``, ``type``, ``wikidata``, ``generic``; edges: subject ->
    object (or recipient, target, location), key = statement IRI, no attributes. An entity
    with two labels or types gets the first in text order (``to_networkx`` takes the first
    its query gives). ``kg build`` ranks the central actors of its summary on this graph.
    """
    roles = {}
    for role in ("subject", *_SECOND):
        found: dict = {}
        for r in store.query(_ROLE.format(role)).rows:
            st, e = r["statement"], r["e"]
            if st not in found or e < found[st]:
                found[st] = e
        roles[role] = found
    found: dict = {}
    for name, sparql in _ATTRIBUTES.items():
        values: dict = defaultdict(set)
        for r in store.query(sparql).rows:
            v = str(r["v"])
            if name == "type":
                v = re.sub(r"^.*[/#]", "", v)            # as the graph_edges query names types
            elif name == "wikidata":
                v = v[len(WIKIDATA):] if v.startswith(WIKIDATA) else ""
            values[r["e"]].add(v)
        found[name] = values
    # label and type: entities have both (the first of each in text order)
    attrs = {e: (min(labels), min(found["type"][e]), min((w for w in found["wikidata"].get(e, ()) if w), default=None),
                 e in found["generic"])
             for e, labels in found["label"].items() if e in found["type"]}
    G = nx.MultiDiGraph()
    for st, s in sorted(roles["subject"].items()):
        o = next((roles[r][st] for r in _SECOND if st in roles[r]), None)
        if o is None or s not in attrs or o not in attrs:
            continue
        for n in (s, o):
            if n not in G:
                label, t, wd, generic = attrs[n]
                G.add_node(n, label=label, type=t, wikidata=wd, generic=generic)
        G.add_edge(s, o, key=st)
    return G


def _add_articles(G: nx.MultiDiGraph) -> None:
    """Article nodes, and an edge from each entity to each article that states something about it."""
    links = set()
    for u, v, data in list(G.edges(data=True)):
        for src in data.get("sources") or ():
            links.update({(u, src["article"]), (v, src["article"])})
    for entity, article in sorted(links):
        node = "article:" + article
        if node not in G:
            G.add_node(node, label=article, type="Article", wikidata=None, aliases=[])
        if not G.has_edge(entity, node, "mentioned_in"):
            G.add_edge(entity, node, key="mentioned_in", predicate="mentioned_in", status="reported",
                       claimant=None, quantity=None, sources=[])


# ------------------------------------------------------------------ helpers

def _label(G, n) -> str:
    """The node's label, or the last segment of its IRI when it has none."""
    lab = G.nodes[n].get("label") if n in G else None
    return str(lab) if lab else str(n).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _order(G, n) -> tuple:
    """Sort key for nodes: label (case-insensitive, then exact), then IRI."""
    lab = _label(G, n)
    return lab.casefold(), lab, str(n)


def _aliases(G, n) -> list[str]:
    """The ``aliases`` attribute as a list; absent or None means none."""
    a = G.nodes[n].get("aliases")
    if not a:
        return []
    return [a] if isinstance(a, str) else [str(x) for x in a]


def _simple(G) -> nx.Graph:
    """The undirected simple projection, built in a fixed node and edge order.

    Self-loops are dropped; ``weight`` is the number of distinct statements
    between the two entities (either direction).
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=lambda n: _order(G, n)))
    pos = {n: i for i, n in enumerate(H)}
    keys = defaultdict(set)
    for u, v, key in G.edges(keys=True):
        if u != v:
            keys[tuple(sorted((u, v), key=pos.__getitem__))].add(key)
    for a, b in sorted(keys, key=lambda e: (pos[e[0]], pos[e[1]])):
        H.add_edge(a, b, weight=len(keys[a, b]))
    return H


def _statements_by_node(G) -> dict:
    """node -> set of statement keys it takes part in (as subject or object)."""
    out = defaultdict(set)
    for u, v, key in G.edges(keys=True):
        out[u].add(key)
        out[v].add(key)
    return out


def _entity(G, n) -> dict:
    return {"node": n, "label": _label(G, n), "type": G.nodes[n].get("type")}


# ------------------------------------------------------------------ centrality

def centrality(G: nx.MultiDiGraph, k: int = 10, betweenness: bool = True) -> list[dict]:
    """The ``k`` most central entities, with degree, PageRank and betweenness.

    All three measures are taken on the undirected simple projection of ``G``
    (one edge per pair of entities that share at least one statement, no
    self-loops), so direction and repeated statements do not inflate them.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`.
    k : int
        How many entities to return.
    betweenness : bool
        Compute betweenness (the costly one). Above
        ``BETWEENNESS_EXACT_LIMIT`` nodes it is estimated from
        ``BETWEENNESS_PIVOTS`` pivots drawn with a fixed seed.

    Returns
    -------
    list of dict
        ``node``, ``label``, ``type``, ``wikidata``, ``degree`` (distinct
        neighbours), ``statements`` (distinct statements it takes part in),
        ``pagerank`` and ``betweenness`` (rounded to 4 places; betweenness is
        absent when not asked for). Ordered by PageRank, then degree, then
        label, then IRI.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edges_from([("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")])
    [0, 0, 0, 0]
    >>> [(r["label"], r["degree"], r["betweenness"]) for r in centrality(G, 2)]
    [('c', 3, 0.6667), ('a', 2, 0.0)]
    """
    H = _simple(G)
    if k <= 0 or H.number_of_nodes() == 0:
        return []
    pr = nx.pagerank(H, weight=None) if H.number_of_edges() else dict.fromkeys(H, 0.0)
    bc: dict = {}
    if betweenness:
        pivots = BETWEENNESS_PIVOTS if H.number_of_nodes() > BETWEENNESS_EXACT_LIMIT else None
        bc = nx.betweenness_centrality(H, k=pivots, seed=0 if pivots else None)
    per = _statements_by_node(G)
    # Rounded for the sort: symmetric nodes differ only by float noise.
    ranked = sorted(H, key=lambda n: (-round(pr[n], 9), -H.degree(n), _order(G, n)))[:k]
    rows = []
    for n in ranked:
        row = {**_entity(G, n), "wikidata": G.nodes[n].get("wikidata"), "degree": H.degree(n),
               "statements": len(per.get(n, ())), "pagerank": round(pr[n], 4)}
        if betweenness:
            row["betweenness"] = round(bc[n], 4)
        rows.append(row)
    return rows


def central_actors(G: nx.MultiDiGraph, k: int = 5) -> list[dict]:
    """The ``k`` most central named actors by PageRank on the undirected simple graph.

    The short form of :func:`centrality` (no betweenness), as the build
    summary shows it; generic noun phrases ("people", "civilians") are
    ranked but not listed.

    >>> G = nx.MultiDiGraph(); G.add_edges_from([("a", "b"), ("a", "c"), ("a", "d")])
    [0, 0, 0]
    >>> [r["node"] for r in central_actors(G, 1)]
    ['a']
    """
    ranked = centrality(G, len(G), betweenness=False)
    # actors: not the generic groups and things every article has ("people", "civilians")
    named = [r for r in ranked if not G.nodes[r["node"]].get("generic")
             and not (r.get("type") in ("Thing", "Group") and str(r.get("label", ""))[:1].islower()
                      and not r.get("wikidata"))]
    return [{key: r[key] for key in ("node", "label", "type", "degree", "pagerank")} for r in named[:k]]


# ------------------------------------------------------------------ groups

def _groups(G, groups) -> list[list[str]]:
    """Node sets -> label lists; members by label, groups largest first."""
    ordered = [sorted(g, key=lambda n: _order(G, n)) for g in groups]
    ordered.sort(key=lambda g: (-len(g), [_order(G, n) for n in g]))
    return [[_label(G, n) for n in g] for g in ordered]


def communities(G: nx.MultiDiGraph, seed: int = 0) -> list[list[str]]:
    """Louvain communities of the entities.

    Runs ``networkx.community.louvain_communities`` with ``seed`` on the
    undirected simple projection, each edge weighted by the number of
    statements between the pair. The projection is built in a fixed order
    (and its nodes numbered) so the result does not depend on the order the
    store returned rows in, nor on Python's string hashing.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`.
    seed : int
        Seed for Louvain's node shuffling.

    Returns
    -------
    list of list of str
        Each community as its members' labels, sorted by label; largest
        community first (ties by members). Isolated entities form their own
        one-member communities.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    [0, 0, 0, 0, 0, 0, 0]
    >>> communities(G)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    H = _simple(G)
    if H.number_of_nodes() == 0:
        return []
    nodes = list(H)
    numbered = nx.convert_node_labels_to_integers(H, ordering="default")
    parts = nx.community.louvain_communities(numbered, weight="weight", seed=seed)
    return _groups(G, [{nodes[i] for i in p} for p in parts])


def components(G: nx.MultiDiGraph) -> list[list[str]]:
    """Weakly connected components, as label lists, largest first.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx` (an undirected graph also works).

    Returns
    -------
    list of list of str
        Members' labels sorted by label; largest component first (ties by
        members).

    Examples
    --------
    >>> G = nx.MultiDiGraph(); G.add_edges_from([("a", "b"), ("c", "b"), ("x", "y")])
    [0, 0, 0]
    >>> components(G)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    found = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return _groups(G, found)


# ------------------------------------------------------------------ doubt and agreement

def disputed_entities(G: nx.MultiDiGraph, k: int = 10) -> list[dict]:
    """Entities ranked by how many doubtful statements they take part in.

    A statement is doubtful when its status (the most doubtful of its
    sources) is one of ``DOUBTFUL_STATUSES``: unverified, disputed, denied.
    An entity takes part as subject or object; each statement counts once.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`.
    k : int
        How many entities to return.

    Returns
    -------
    list of dict
        ``node``, ``label``, ``type``, ``total`` and one count per status
        (``unverified``, ``disputed``, ``denied``). Only entities with at least
        one doubtful statement; ordered by total, then by the more doubtful
        counts (denied, disputed, unverified), then label, then IRI.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="s1", status="denied")
    's1'
    >>> G.add_edge("a", "c", key="s2", status="unverified")
    's2'
    >>> G.add_edge("c", "b", key="s3", status="confirmed")
    's3'
    >>> [(r["label"], r["total"], r["denied"]) for r in disputed_entities(G)]
    [('a', 2, 1), ('b', 1, 1), ('c', 1, 0)]
    """
    if k <= 0:
        return []
    per = defaultdict(lambda: {s: set() for s in DOUBTFUL_STATUSES})
    for u, v, key, status in G.edges(keys=True, data="status"):
        if status in DOUBTFUL_STATUSES:
            for n in {u, v}:
                per[n][status].add(key)
    rows = []
    for n, by in per.items():
        counts = {s: len(by[s]) for s in DOUBTFUL_STATUSES}
        rows.append({**_entity(G, n), "total": len(set().union(*by.values())), **counts})
    rows.sort(key=lambda r: (-r["total"], *(-r[s] for s in reversed(DOUBTFUL_STATUSES)),
                             _order(G, r["node"])))
    return rows[:k]


def article_agreement(G: nx.MultiDiGraph) -> list[dict]:
    """Pairs of articles that support the same statements, and where they differ.

    Two articles agree on a statement when both are among its sources; they
    conflict on it when their sources give it a different status or qualifier
    (one says "claimed", the other "unverified"; one "at least 5", the other
    "5"). The status shown per statement is its most doubtful one.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`.

    Returns
    -------
    list of dict
        ``articles`` ([a, b], sorted), ``shared`` (how many statements) and
        ``statements`` (each ``{statement, from, predicate, to, status}``,
        sorted by from, predicate, to), and ``conflicting`` / ``conflicts``:
        the shared statements the two articles tell with a different status
        or qualifier. Most shared first, then by articles.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="s1", predicate="meets", status="reported",
    ...            sources=[{"article": "x.txt"}, {"article": "y.txt"}])
    's1'
    >>> G.add_edge("a", "c", key="s2", predicate="backs", status="reported",
    ...            sources=[{"article": "x.txt"}])
    's2'
    >>> [(r["articles"], r["shared"]) for r in article_agreement(G)]
    [(['x.txt', 'y.txt'], 1)]
    """
    return _agreement(G)[0]


def _agreement(G: nx.MultiDiGraph, k: int | None = None) -> tuple[list[dict], int]:
    """The first ``k`` rows of :func:`article_agreement` (all with ``None``), and how many rows it has.

    With ``k``, the pairs of articles are first only counted (an int per pair), and the
    statements listed for the first ``k`` pairs alone: the rows of every pair would hold
    a dict per pair and shared statement (450 MB at 1,000 generated articles, whose
    boilerplate every article shares).
    """
    wanted = None
    if k is not None and len({key for _, _, key in G.edges(keys=True)}) == G.number_of_edges():
        shared: dict = defaultdict(int)          # statement keys are unique: one edge, one statement
        for _, _, sources in G.edges(data="sources"):
            for pair in itertools.combinations(sorted({s["article"] for s in sources or () if s.get("article")}), 2):
                shared[pair] += 1
        wanted = set(heapq.nsmallest(k, shared, key=lambda pair: (-shared[pair], pair)))
        total = len(shared)
        del shared
    pairs: dict = defaultdict(dict)
    conflicts: dict = defaultdict(list)
    for u, v, key, d in G.edges(keys=True, data=True):
        by_article: dict = defaultdict(set)
        for src in d.get("sources") or ():
            if src.get("article"):
                by_article[src["article"]].add((src.get("status") or d.get("status"), src.get("qualifier")))
        for a, b in itertools.combinations(sorted(by_article), 2):
            if wanted is not None and (a, b) not in wanted:
                continue
            pairs[a, b].setdefault(key, {"statement": key, "from": _label(G, u),
                                         "predicate": d.get("predicate"), "to": _label(G, v),
                                         "status": d.get("status")})
            if by_article[a] != by_article[b]:
                # the same fact, told with another status or qualifier ("claimed" / "unverified")
                conflicts[a, b].append({"statement": key, "from": _label(G, u), "predicate": d.get("predicate"),
                                        "to": _label(G, v), a: sorted(map(str, by_article[a])),
                                        b: sorted(map(str, by_article[b]))})
    rows = [{"articles": [a, b], "shared": len(st), "conflicting": len(conflicts[a, b]),
             "conflicts": conflicts[a, b],
             "statements": sorted(st.values(), key=lambda x: (x["from"].casefold(), x["predicate"] or "",
                                                              x["to"].casefold(), x["statement"]))}
            for (a, b), st in pairs.items()]
    rows.sort(key=lambda r: (-r["shared"], r["articles"]))
    if wanted is None:
        total = len(rows)
    return (rows if k is None else rows[:k]), total


def credibility_grades(G: nx.MultiDiGraph, k: int = 10) -> dict:
    """How many statements have each Admiralty credibility grade, and the least credible.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx` (edges carry ``credibility`` "1".."6").
    k : int
        How many of the least credible statements to list.

    Returns
    -------
    dict
        ``counts``: grade -> number of statements (every grade "1".."6", and
        "none" for statements never graded); ``least``: up to ``k``
        statements graded 5 (improbable) or 4 (doubtful), each ``{statement,
        from, predicate, to, credibility, origins}``, most doubtful first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="s1", predicate="kills", credibility="4", origins=1)
    's1'
    >>> G.add_edge("a", "c", key="s2", predicate="meets", credibility="1", origins=2)
    's2'
    >>> r = credibility_grades(G); r["counts"]["4"], [x["statement"] for x in r["least"]]
    (1, ['s1'])
    """
    counts = {g: 0 for g in ("1", "2", "3", "4", "5", "6", "none")}
    seen, least = set(), []
    for u, v, key, d in G.edges(keys=True, data=True):
        if key in seen or d.get("predicate") == "mentioned_in":
            continue
        seen.add(key)
        grade = d.get("credibility") or "none"
        counts[grade if grade in counts else "none"] += 1
        if grade in ("4", "5"):
            least.append({"statement": key, "from": _label(G, u), "predicate": d.get("predicate"),
                          "to": _label(G, v), "credibility": grade, "origins": d.get("origins")})
    least.sort(key=lambda x: (-int(x["credibility"]), x["from"].casefold(), x["predicate"] or "",
                              x["to"].casefold(), x["statement"]))
    return {"counts": counts, "least": least[:k]}


# ------------------------------------------------------------------ lookup and paths

def _norm(s) -> str:
    return " ".join(str(s).split()).casefold()


_WD_PREFIXES = ("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
                "https://www.wikidata.org/wiki/", "wd:")


def find_entity(G: nx.MultiDiGraph, name: str):
    """The node that ``name`` names: its IRI, Wikidata ID, label or an alias.

    Matching ignores case and repeated spaces. A Wikidata ID (``Q30``,
    ``wd:Q30`` or its URL) wins over a label, and a label over an alias.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`; the node attribute ``aliases`` (a list)
        is used when present.
    name : str
        What to look for.

    Returns
    -------
    node
        The node (entity IRI).

    Raises
    ------
    kg.errors.NotFoundError
        When nothing matches (the message lists up to 5 similar labels), or
        when several nodes match equally well (the message lists them with
        their types and IRIs); ``.suggestions`` and ``.candidates`` hold the
        same lists.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("e/us", label="United States", type="Country", wikidata="Q30", aliases=["USA"])
    >>> [find_entity(G, n) for n in ("united states", "usa", "q30")]
    ['e/us', 'e/us', 'e/us']
    >>> find_entity(G, "United Stats")
    Traceback (most recent call last):
    ...
    kg.errors.NotFoundError: no entity 'United Stats' (by label, alias or Wikidata ID); did you mean: United States?
    """
    if name in G:
        return name
    q = _norm(name)
    wd = q
    for p in _WD_PREFIXES:
        if wd.startswith(p):
            wd = wd[len(p):]
    levels = (
        ("Wikidata ID", [n for n in G if G.nodes[n].get("wikidata") and _norm(G.nodes[n]["wikidata"]) == wd]),
        ("label", [n for n in G if _norm(_label(G, n)) == q]),
        ("alias", [n for n in G if any(_norm(a) == q for a in _aliases(G, n))]),
    )
    for how, found in levels:
        if len(found) == 1:
            return found[0]
        if found:
            found.sort(key=lambda n: (_order(G, n), str(G.nodes[n].get("type"))))
            shown = "; ".join(f"{_label(G, n)} ({G.nodes[n].get('type') or 'no type'}) {n}" for n in found[:10])
            more = f"; and {len(found) - 10} more" if len(found) > 10 else ""
            err = NotFoundError(f"{name!r} is ambiguous: {len(found)} entities have that {how}: {shown}{more}; "
                                "name one by its IRI or Wikidata ID")
            err.candidates = [{**_entity(G, n), "wikidata": G.nodes[n].get("wikidata")} for n in found]
            err.suggestions = []
            raise err
    labels: dict[str, str] = {}
    for n in sorted(G, key=lambda n: _order(G, n)):
        labels.setdefault(_norm(_label(G, n)), _label(G, n))
    close = [labels[x] for x in difflib.get_close_matches(q, list(labels), n=5)]
    hint = f"did you mean: {', '.join(close)}?" if close else "no similar labels"
    err = NotFoundError(f"no entity {name!r} (by label, alias or Wikidata ID); {hint}")
    err.candidates, err.suggestions = [], close
    raise err


def _step(G, x, y) -> dict:
    """The statement that links x and y (either direction), most reliable first."""
    options = []
    for s, o in ((x, y), (y, x)):
        for key, d in (G.get_edge_data(s, o) or {}).items():
            arts = {src.get("article") for src in d.get("sources") or ()}
            options.append((DOUBT_RANK.get(d.get("status"), 0), -len(arts), d.get("predicate") or "", str(key),
                            s, o, key, d))
    *_, s, o, key, d = min(options, key=lambda t: t[:4])
    first = (d.get("sources") or [{}])[0]
    return {"from": _label(G, s), "to": _label(G, o), "predicate": d.get("predicate"),
            "status": d.get("status"), "statement": key, "source": first.get("article"),
            "quote": first.get("quote"), "from_node": s, "to_node": o, "forward": s == x,
            "alternatives": len(options) - 1}


def shortest_paths(G: nx.MultiDiGraph, a: str, b: str, k: int = 3) -> list[list[dict]]:
    """The shortest chains of statements that link two entities.

    Paths are found on the undirected view (a statement links its two
    entities whichever way it points) with ``networkx.all_shortest_paths``;
    each step is reported in the statement's real direction. Where several
    statements link the same two entities, the step shows the least doubtful
    one (then the one with most articles) and counts the others.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`.
    a, b : str
        The two entities, as anything :func:`find_entity` accepts.
    k : int
        At most this many distinct shortest paths (the first ``k`` found;
        the order is fixed for a given graph).

    Returns
    -------
    list of list of dict
        Each path a list of steps from ``a`` to ``b``; each step ``from``,
        ``to`` (labels, in the statement's direction), ``predicate``,
        ``status``, ``statement``, ``source`` (first article), ``quote`` (its
        quote), ``from_node``, ``to_node``, ``forward`` (whether the statement
        points along the path) and ``alternatives`` (other statements linking
        the same pair). ``[[]]`` when ``a`` and ``b`` are the same entity.

    Raises
    ------
    kg.errors.NotFoundError
        When either entity is unknown or ambiguous, or no chain links them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("A", "B", key="s1", predicate="attacks", status="reported",
    ...            sources=[{"article": "x.txt", "quote": "A attacked B"}])
    's1'
    >>> G.add_edge("C", "B", key="s2", predicate="backs", status="claimed", sources=[])
    's2'
    >>> [(s["from"], s["predicate"], s["to"]) for s in shortest_paths(G, "A", "C")[0]]
    [('A', 'attacks', 'B'), ('C', 'backs', 'B')]
    """
    src, dst = find_entity(G, a), find_entity(G, b)
    if k <= 0:
        return []
    if src == dst:
        return [[]]
    H = _simple(G)
    try:
        paths = list(itertools.islice(nx.all_shortest_paths(H, src, dst), k))
    except nx.NetworkXNoPath:
        raise NotFoundError(f"no chain of statements links {_label(G, src)!r} and {_label(G, dst)!r}") from None
    return [[_step(G, x, y) for x, y in itertools.pairwise(p)] for p in paths]


# ------------------------------------------------------------------ report

_MD_SPECIAL = set("\\`*_[]<>|&~")


def _md(text) -> str:
    """Inline Markdown text: one line, punctuation that Markdown acts on escaped."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in " ".join(str(text).split()))


def _list(items: list[str], limit: int) -> str:
    shown = ", ".join(_md(x) for x in items[:limit])
    return shown + (f", … and {len(items) - limit} more" if len(items) > limit else "")


def report_markdown(G: nx.MultiDiGraph, k: int = 10, seed: int = 0) -> str:
    """A Markdown report on the graph: who is central, grouped, doubted, agreed on.

    Sections: most central actors (table), communities, components, most
    disputed entities (table), credibility grades (table), articles agreeing
    on shared statements (table). Text from the articles is escaped. The same graph always gives
    the same report.

    Parameters
    ----------
    G : MultiDiGraph
        As made by :func:`to_networkx`.
    k : int
        Rows per table and communities listed.
    seed : int
        Seed for :func:`communities`.

    Returns
    -------
    str
        The report, ending with a newline.

    Examples
    --------
    >>> G = nx.MultiDiGraph(); G.add_edge("a", "b", key="s1", status="denied")
    's1'
    >>> text = report_markdown(G)
    >>> [line for line in text.splitlines() if line.startswith("## ")][:2]
    ['## Most central actors', '## Communities']
    """
    statements = {key for _, _, key in G.edges(keys=True)}
    articles = {s.get("article") for _, _, srcs in G.edges(data="sources") for s in srcs or () if s.get("article")}
    out = ["# geokg graph report", "",
           f"{G.number_of_nodes()} entities, {len(statements)} statements, {len(articles)} articles.", ""]

    out += ["## Most central actors", ""]
    rows = centrality(G, k)
    if rows:
        out += ["| # | Entity | Type | Degree | Statements | PageRank | Betweenness |",
                "|---:|---|---|---:|---:|---:|---:|"]
        out += [f"| {i} | {_md(r['label'])} | {_md(r['type'] or '')} | {r['degree']} | {r['statements']} "
                f"| {r['pagerank']:.4f} | {r['betweenness']:.4f} |" for i, r in enumerate(rows, 1)]
    else:
        out.append("No entities.")
    out.append("")

    out += ["## Communities", ""]
    comms = [c for c in communities(G, seed=seed) if len(c) > 1]
    if comms:
        out += [f"{len(comms)} communities of two or more entities (Louvain, seed {seed}).", ""]
        out += [f"{i}. {len(c)} entities: {_list(c, 15)}" for i, c in enumerate(comms[:k], 1)]
        if len(comms) > k:
            out += ["", f"… and {len(comms) - k} smaller communities."]
    else:
        out.append("No communities of two or more entities.")
    out.append("")

    out += ["## Components", ""]
    comps = components(G)
    if comps:
        sizes = [len(c) for c in comps]
        out.append(f"{len(comps)} weakly connected components; the largest has {sizes[0]} of "
                   f"{G.number_of_nodes()} entities.")
        if len(comps) > 1:
            shown = ", ".join(map(str, sizes[:20])) + (", …" if len(sizes) > 20 else "")
            out += ["", f"Sizes: {shown}."]
    else:
        out.append("No components.")
    out.append("")

    out += ["## Most disputed entities", ""]
    rows = disputed_entities(G, k)
    if rows:
        out += ["| # | Entity | Type | Doubtful statements | " + " | ".join(s.capitalize() for s in DOUBTFUL_STATUSES)
                + " |", "|---:|---|---|---:|" + "---:|" * len(DOUBTFUL_STATUSES)]
        out += [f"| {i} | {_md(r['label'])} | {_md(r['type'] or '')} | {r['total']} | "
                + " | ".join(str(r[s]) for s in DOUBTFUL_STATUSES) + " |" for i, r in enumerate(rows, 1)]
    else:
        out.append("No unverified, disputed or denied statements.")
    out.append("")

    out += ["## Credibility (Admiralty scale)", ""]
    grades = credibility_grades(G, k)
    names = {"1": "confirmed", "2": "probably true", "3": "possibly true", "4": "doubtful", "5": "improbable",
             "6": "cannot be judged", "none": "not graded"}
    out += ["| Grade | Meaning | Statements |", "|---|---|---:|"]
    out += [f"| {g} | {names[g]} | {n} |" for g, n in grades["counts"].items() if n or g != "none"]
    if grades["least"]:
        out += ["", "Least credible: " + "; ".join(
            f"{_md(x['from'])} {_md(x['predicate'] or '')} {_md(x['to'])} ({x['credibility']})"
            for x in grades["least"])]
    out.append("")

    out += ["## Articles agreeing on shared statements (and telling them differently)", ""]
    rows, total = _agreement(G, k)
    if total:
        out += ["| Article | Article | Shared statements | Told differently | For example |",
                "|---|---|---:|---:|---|"]
        for r in rows:
            eg = "; ".join(f"{_md(s['from'])} {_md(s['predicate'] or '')} {_md(s['to'])}" for s in r["statements"][:3])
            out.append(f"| {_md(r['articles'][0])} | {_md(r['articles'][1])} | {r['shared']} | "
                       f"{r['conflicting']} | {eg} |")
        if total > k:
            out += ["", f"… and {total - k} more pairs of articles."]
    else:
        out.append("No statement has sources in two or more articles.")
    out.append("")
    return "\n".join(out)
