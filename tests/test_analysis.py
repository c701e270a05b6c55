"""kg.analysis on small hand-built graphs with known answers, and once on the seeds."""
from __future__ import annotations

import doctest
import random

import networkx as nx
import pytest

import kg.analysis as analysis
from kg.analysis import (article_agreement, central_actors, centrality, communities, components,
                         disputed_entities, find_entity, report_markdown, shortest_paths, to_networkx)
from kg.errors import NotFoundError

E = "https://geokg.example/entity/"


def graph(nodes, edges) -> nx.MultiDiGraph:
    """nodes: {id: (label, type[, extra attrs])}; edges: (s, o, key, predicate, status, [articles])."""
    G = nx.MultiDiGraph()
    for n, (label, typ, *extra) in nodes.items():
        G.add_node(E + n, **{"label": label, "type": typ, "wikidata": None, **(extra[0] if extra else {})})
    for s, o, key, pred, status, *arts in edges:
        sources = [{"article": a, "quote": f"{s} {pred} {o} ({a})", "start": 0, "end": 1}
                   for a in (arts[0] if arts else ["a1.txt"])]
        G.add_edge(E + s, E + o, key=key, predicate=pred, status=status, claimant=None, quantity=None,
                   sources=sources)
    return G


def shuffled(G: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in another order."""
    rng = random.Random(seed)
    nodes, edges = list(G.nodes(data=True)), list(G.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    H = nx.MultiDiGraph()
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


@pytest.fixture
def star():
    """hub -> four spokes; one spoke also linked to a leaf."""
    nodes = {"hub": ("Hub", "Country"), "s1": ("Spoke one", "Person"), "s2": ("Spoke two", "Person"),
             "s3": ("Spoke three", "Person"), "s4": ("Spoke four", "Person"), "leaf": ("Leaf", "Thing")}
    edges = [("hub", s, f"st-{s}", "backs", "reported") for s in ("s1", "s2", "s3", "s4")]
    edges += [("s1", "leaf", "st-leaf", "meets", "reported"), ("hub", "s1", "st-again", "funds", "reported")]
    return graph(nodes, edges)


@pytest.fixture
def cliques():
    """Two 4-cliques (a*, b*) joined by one bridge a1 -> b1."""
    nodes = {f"{g}{i}": (f"{g.upper()}{i}", "Country") for g in "ab" for i in range(1, 5)}
    edges = []
    for g in "ab":
        for i in range(1, 5):
            for j in range(i + 1, 5):
                edges.append((f"{g}{i}", f"{g}{j}", f"st-{g}{i}{j}", "meets", "reported"))
    edges.append(("a1", "b1", "st-bridge", "attacks", "reported"))
    return graph(nodes, edges)


# ------------------------------------------------------------------ centrality

def test_centrality_ranks_the_hub_first(star):
    rows = centrality(star, k=3)
    assert [r["label"] for r in rows] == ["Hub", "Spoke one", "Leaf"]
    hub, spoke = rows[0], rows[1]
    assert hub["node"] == E + "hub" and hub["type"] == "Country"
    assert hub["degree"] == 4 and hub["statements"] == 5      # two statements with Spoke one, one neighbour
    assert spoke["degree"] == 2 and spoke["betweenness"] > 0
    assert hub["betweenness"] == max(r["betweenness"] for r in centrality(star, 10))
    assert set(hub) >= {"node", "label", "type", "wikidata", "degree", "statements", "pagerank", "betweenness"}


def test_centrality_ties_go_by_label_then_iri():
    G = graph({"z": ("Zulu", "Thing"), "y": ("alpha", "Thing"), "x": ("Bravo", "Thing"), "w": ("Bravo", "Thing")},
              [("z", "y", "s1", "meets", "reported"), ("x", "w", "s2", "meets", "reported")])
    # All four have the same degree and PageRank: label (case-insensitive), then IRI.
    assert [(r["label"], r["node"]) for r in centrality(G, 10)] == [
        ("alpha", E + "y"), ("Bravo", E + "w"), ("Bravo", E + "x"), ("Zulu", E + "z")]


def test_centrality_is_deterministic_and_handles_edge_cases(star):
    assert centrality(star, 10) == centrality(shuffled(star, 1), 10) == centrality(shuffled(star, 2), 10)
    assert centrality(nx.MultiDiGraph(), 5) == [] and centrality(star, 0) == []
    lonely = nx.MultiDiGraph()
    lonely.add_node(E + "x", label="X", type="Thing")
    assert centrality(lonely, 5)[0]["pagerank"] == 0.0


def test_central_actors_keeps_its_shape(star):
    rows = central_actors(star, 2)
    assert [set(r) for r in rows] == [{"node", "label", "type", "degree", "pagerank"}] * 2
    assert [r["label"] for r in rows] == ["Hub", "Spoke one"]


# ------------------------------------------------------------------ communities and components

def test_two_cliques_and_a_bridge_make_two_communities(cliques):
    expected = [["A1", "A2", "A3", "A4"], ["B1", "B2", "B3", "B4"]]
    assert communities(cliques, seed=0) == expected
    for seed in (1, 2, 3):
        assert communities(shuffled(cliques, seed), seed=0) == expected


def test_components_largest_first(cliques):
    G = cliques.copy()
    G.add_node(E + "alone", label="Alone", type="Thing")
    G.add_edge(E + "p", E + "q", key="st-pq", predicate="meets", status="reported", sources=[])
    G.nodes[E + "p"].update(label="P", type="Person")
    G.nodes[E + "q"].update(label="Q", type="Person")
    assert components(G) == [["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"], ["P", "Q"], ["Alone"]]
    assert components(nx.MultiDiGraph()) == []
    # Weak: direction does not split a component.
    chain = graph({"a": ("A", "Thing"), "b": ("B", "Thing"), "c": ("C", "Thing")},
                  [("a", "b", "s1", "x", "reported"), ("c", "b", "s2", "x", "reported")])
    assert components(chain) == [["A", "B", "C"]]


# ------------------------------------------------------------------ doubt and agreement

def test_disputed_entities_ranking_and_counts():
    G = graph({"ru": ("Russia", "Country"), "ua": ("Ukraine", "Country"), "us": ("United States", "Country"),
               "x": ("Exporter", "Organization")},
              [("ru", "ua", "s1", "attacks", "denied"), ("ru", "ua", "s2", "attacks", "disputed"),
               ("ru", "us", "s3", "meets", "unverified"), ("us", "ua", "s4", "backs", "confirmed"),
               ("x", "us", "s5", "supplies", "disputed"), ("x", "x", "s6", "builds", "unverified")])
    rows = disputed_entities(G, k=10)
    # Ties on the total go to the more doubtful counts (Ukraine has a denial), then to the label.
    assert [r["label"] for r in rows] == ["Russia", "Ukraine", "Exporter", "United States"]
    ru, ua, ex, us = rows
    assert (ru["total"], ru["unverified"], ru["disputed"], ru["denied"]) == (3, 1, 1, 1)
    assert (ex["total"], ex["unverified"], ex["disputed"]) == (2, 1, 1)   # a self-loop counts once
    assert (ua["total"], ua["denied"], ua["disputed"]) == (2, 1, 1)
    assert (us["total"], us["unverified"], us["disputed"]) == (2, 1, 1)
    assert [r["label"] for r in disputed_entities(G, k=1)] == ["Russia"]
    assert disputed_entities(graph({"a": ("A", "T"), "b": ("B", "T")}, [("a", "b", "s", "p", "reported")])) == []


def test_article_agreement_pairs_and_statements():
    G = graph({"a": ("A", "Country"), "b": ("B", "Country"), "c": ("C", "Country")},
              [("a", "b", "s1", "meets", "reported", ["x.txt", "y.txt"]),
               ("b", "c", "s2", "backs", "claimed", ["x.txt", "y.txt", "z.txt"]),
               ("a", "c", "s3", "attacks", "reported", ["z.txt"]),
               ("c", "a", "s4", "denies", "reported", ["y.txt", "y.txt"])])
    rows = article_agreement(G)
    assert [(r["articles"], r["shared"]) for r in rows] == [
        (["x.txt", "y.txt"], 2), (["x.txt", "z.txt"], 1), (["y.txt", "z.txt"], 1)]
    assert rows[0]["statements"] == [
        {"statement": "s1", "from": "A", "predicate": "meets", "to": "B", "status": "reported"},
        {"statement": "s2", "from": "B", "predicate": "backs", "to": "C", "status": "claimed"}]
    assert [s["statement"] for s in rows[1]["statements"]] == ["s2"]
    assert article_agreement(graph({"a": ("A", "T"), "b": ("B", "T")}, [("a", "b", "s", "p", "reported")])) == []


# ------------------------------------------------------------------ find_entity

@pytest.fixture
def named():
    return graph({"us": ("United States", "Country", {"wikidata": "Q30", "aliases": ["USA", "the U.S."]}),
                  "ru": ("Russia", "Country", {"wikidata": "Q159"}),
                  "geo-c": ("Georgia", "Country", {"wikidata": "Q230"}),
                  "geo-s": ("Georgia", "Location"),
                  "rus": ("Rusal", "Organization", {"aliases": None})},
                 [("us", "ru", "s1", "meets", "reported")])


def test_find_entity_by_label_alias_wikidata_and_iri(named):
    us = E + "us"
    for name in ("United States", "united  states", "USA", "the u.s.", "Q30", "q30", "wd:Q30",
                 "http://www.wikidata.org/entity/Q30", us):
        assert find_entity(named, name) == us, name
    assert find_entity(named, "Q230") == E + "geo-c"
    assert find_entity(named, "Rusal") == E + "rus"           # aliases=None is fine


def test_find_entity_unknown_lists_near_matches(named):
    with pytest.raises(NotFoundError) as e:
        find_entity(named, "Rusia")
    msg = str(e.value)
    assert "'Rusia'" in msg and "did you mean" in msg and "Russia" in msg
    assert "Russia" in e.value.suggestions and len(e.value.suggestions) <= 5
    with pytest.raises(NotFoundError, match="no similar labels"):
        find_entity(named, "Xyzzy")


def test_find_entity_ambiguous_lists_candidates_with_types(named):
    with pytest.raises(NotFoundError) as e:
        find_entity(named, "georgia")
    msg = str(e.value)
    assert "ambiguous" in msg and "Georgia (Country)" in msg and "Georgia (Location)" in msg
    assert E + "geo-c" in msg and E + "geo-s" in msg
    assert [c["type"] for c in e.value.candidates] == ["Country", "Location"]


# ------------------------------------------------------------------ shortest_paths

def test_shortest_path_keeps_real_directions():
    G = graph({"a": ("A", "Country"), "b": ("B", "WeaponSystem"), "c": ("C", "Country")},
              [("a", "b", "s1", "exports", "reported", ["x.txt", "y.txt"]),
               ("c", "b", "s2", "possesses", "unverified", ["y.txt"])])
    paths = shortest_paths(G, "A", "C")
    assert len(paths) == 1
    first, second = paths[0]
    assert (first["from"], first["predicate"], first["to"], first["forward"]) == ("A", "exports", "B", True)
    assert (second["from"], second["predicate"], second["to"], second["forward"]) == ("C", "possesses", "B", False)
    assert first["statement"] == "s1" and first["source"] == "x.txt" and first["quote"] == "a exports b (x.txt)"
    assert second["status"] == "unverified" and second["source"] == "y.txt"
    assert (first["from_node"], second["to_node"]) == (E + "a", E + "b")
    # The other way round: same statements, same directions, reversed order.
    back = shortest_paths(G, "C", "A")[0]
    assert [(s["from"], s["to"], s["forward"]) for s in back] == [("C", "B", True), ("A", "B", False)]


def test_shortest_paths_distinct_limited_and_least_doubtful_step():
    G = graph({n: (n.upper(), "Thing") for n in ("a", "m1", "m2", "m3", "z")},
              [("a", "m1", "s1", "p", "reported"), ("m1", "z", "s2", "p", "reported"),
               ("a", "m2", "s3", "p", "reported"), ("z", "m2", "s4", "p", "reported"),
               ("a", "m3", "s5", "p", "reported"), ("m3", "z", "s6", "p", "reported"),
               ("z", "m1", "s7", "q", "denied")])
    paths = shortest_paths(G, "A", "Z", k=10)
    middles = [p[0]["to"] for p in paths]
    assert sorted(middles) == ["M1", "M2", "M3"] and all(len(p) == 2 for p in paths)
    assert len(shortest_paths(G, "A", "Z", k=2)) == 2
    via_m1 = next(p for p in paths if p[0]["to"] == "M1")
    assert via_m1[1]["statement"] == "s2" and via_m1[1]["alternatives"] == 1   # s7 is denied: shown second
    assert shortest_paths(G, "A", "Z") == shortest_paths(G, "A", "Z")
    assert shortest_paths(G, "A", "a") == [[]]


def test_shortest_paths_errors():
    G = graph({"a": ("A", "Thing"), "b": ("B", "Thing"), "c": ("C", "Thing"), "d": ("D", "Thing")},
              [("a", "b", "s1", "p", "reported"), ("c", "d", "s2", "p", "reported")])
    with pytest.raises(NotFoundError, match="no chain of statements links 'A' and 'C'"):
        shortest_paths(G, "A", "C")
    with pytest.raises(NotFoundError, match="no entity 'Nowhere'"):
        shortest_paths(G, "A", "Nowhere")


# ------------------------------------------------------------------ report

def test_report_markdown_sections_and_content(cliques):
    G = cliques.copy()
    G.add_edge(E + "a2", E + "b2", key="st-doubt", predicate="attacks", status="denied",
               sources=[{"article": "x_1.txt", "quote": "q"}, {"article": "y|2.txt", "quote": "q"}])
    G.nodes[E + "a2"]["label"] = "A2 <b>*bold*</b>"
    text = report_markdown(G)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# geokg graph report", "## Most central actors", "## Communities", "## Components",
                        "## Most disputed entities", "## Credibility (Admiralty scale)",
                        "## Articles agreeing on shared statements (and telling them differently)"]
    assert "| 1 | A1 | Country |" in text
    assert "1 weakly connected components" in text
    assert r"A2 \<b\>\*bold\*\</b\>" in text and "<b>" not in text          # article text is escaped
    assert r"| x\_1.txt | y\|2.txt | 1 |" in text
    assert text == report_markdown(shuffled(G, 3)) and text.endswith("\n")


def test_report_markdown_empty_graph():
    text = report_markdown(nx.MultiDiGraph())
    assert "0 entities, 0 statements, 0 articles." in text
    assert "No unverified, disputed or denied statements." in text


# ------------------------------------------------------------------ docstrings and the seeds

def test_docstring_examples_run():
    result = doctest.testmod(analysis, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_seed_path_from_rosoboronexport_to_the_united_states(seed_store):
    G = to_networkx(seed_store)
    paths = shortest_paths(G, "Rosoboronexport", "United States")
    assert paths and all(paths)
    for path in paths:
        ends = {path[0]["from_node"], path[0]["to_node"]}
        assert find_entity(G, "Rosoboronexport") in ends
        assert find_entity(G, "United States") in {path[-1]["from_node"], path[-1]["to_node"]}
        assert all(step["statement"] and step["source"] for step in path)


def test_entity_article_graph(seed_store):
    from kg.analysis import to_networkx
    G = to_networkx(seed_store, articles=True)
    arts = [n for n, d in G.nodes(data=True) if d.get("type") == "Article"]
    assert sorted(G.nodes[n]["label"] for n in arts) == ["000_89d24ad73f7e7e54.txt", "004_ee2df7017508fd8b.txt"]
    maduro = next(n for n, d in G.nodes(data=True) if d.get("label") == "Nicolás Maduro")
    assert {v for _, v, k in G.out_edges(maduro, keys=True) if k == "mentioned_in"} == set(arts)
    assert not any(d.get("type") == "Article" for _, d in to_networkx(seed_store).nodes(data=True))


def test_articles_that_tell_a_shared_statement_differently_conflict(seed_store):
    from kg.analysis import article_agreement, to_networkx
    rows = article_agreement(to_networkx(seed_store))
    assert rows and rows[0]["articles"] == ["000_89d24ad73f7e7e54.txt", "004_ee2df7017508fd8b.txt"]
    assert rows[0]["conflicting"] >= 1      # one says "claimed" or "exact", the other "unverified", "at least"
    assert all(c["statement"] in {s["statement"] for s in rows[0]["statements"]} for c in rows[0]["conflicts"])


def test_central_actors_leave_out_generic_noun_phrases():
    import networkx as nx
    from kg.analysis import central_actors
    G = nx.MultiDiGraph()
    G.add_node("p", label="people", type="Group")
    G.add_node("r", label="Russia", type="Country", wikidata="Q159")
    G.add_node("u", label="Ukraine", type="Country")
    G.add_node("s", label="civilians", type="Group")
    for a in ("r", "u", "s"):
        G.add_edge("p", a)
    G.add_edge("r", "u")
    assert [r["label"] for r in central_actors(G, 5)] == ["Russia", "Ukraine"]


def test_credibility_grades_counts_and_least_credible():
    from kg.analysis import credibility_grades
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="s1", predicate="kills", credibility="5", origins=1)
    G.add_edge("a", "c", key="s2", predicate="kills", credibility="4", origins=2)
    G.add_edge("b", "c", key="s3", predicate="meets", credibility="1", origins=3)
    G.add_edge("c", "d", key="s4", predicate="meets")
    r = credibility_grades(G)
    assert r["counts"] == {"1": 1, "2": 0, "3": 0, "4": 1, "5": 1, "6": 0, "none": 1}
    assert [x["statement"] for x in r["least"]] == ["s1", "s2"]
    text = report_markdown(G)
    assert "| 5 | improbable | 1 |" in text and "Least credible: a kills b (5); a kills c (4)" in text


def test_generic_nodes_are_no_central_actors():
    G = nx.MultiDiGraph()
    for x in "bcd":
        G.add_edge("p", x, key="s" + x)
    G.add_edge("b", "c", key="sbc")
    G.nodes["p"].update(label="people", type="Thing", generic=True)
    assert "p" not in [r["node"] for r in central_actors(G, 5)]


def test_report_lists_the_first_agreeing_pairs_without_holding_them_all(seed_store):
    from kg.analysis import _agreement
    G = to_networkx(seed_store)
    full = article_agreement(G)
    for k in (0, 1, 2, 10):
        rows, total = _agreement(G, k)
        assert rows == full[:k] and total == len(full)
    G = nx.MultiDiGraph()
    for i, arts in enumerate([("a", "b", "c"), ("a", "b"), ("b", "c"), ("c", "d"), ("a", "b", "d")]):
        G.add_edge("x", f"y{i}", key=f"s{i}", predicate="p", status="reported",
                   sources=[{"article": a, "status": "claimed" if a == "d" else "reported"} for a in arts])
    full = article_agreement(G)
    assert [(r["articles"], r["shared"]) for r in full[:3]] == [(["a", "b"], 3), (["b", "c"], 2), (["a", "c"], 1)]
    for k in range(7):
        assert _agreement(G, k) == (full[:k], len(full))
    assert report_markdown(G, k=2).count("more pairs of articles") == 1
