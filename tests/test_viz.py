"""Tests for kg.viz: offline, escaped, deterministic HTML pictures of the graph."""
import json
import math
import re

import networkx as nx
import pytest

from kg.viz import render_html, write_html

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
E = "http://example.org/entity/"
S = "http://example.org/statement/"


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return json.loads(m.group(1))


def _src(article="a1.txt", quote="Russia supplied missiles."):
    return {"article": article, "quote": quote, "start": 0, "end": len(quote)}


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(E + "iran", label="Iran", type="Country", wikidata="Q794")
    G.add_node(E + "russia", label="Russia", type="Country", wikidata="Q159")
    G.add_node(E + "shahed", label="Shahed-136", type="WeaponSystem", wikidata=None)
    G.add_node(E + "wagner", label="Wagner Group", type="MilitaryForce", wikidata="Q1")
    G.add_node(E + "putin", label="Vladimir Putin", type="Person", wikidata="Q7747")
    G.add_edge(E + "iran", E + "russia", key=S + "1", predicate="supplies", status="reported",
               claimant=None, quantity="at least 5000 missiles", sources=[_src()])
    G.add_edge(E + "iran", E + "russia", key=S + "2", predicate="trades_with", status="disputed",
               claimant="Kyiv", quantity=None, sources=[_src("a2.txt", "Kyiv says so.")])
    G.add_edge(E + "russia", E + "shahed", key=S + "3", predicate="operates", status="unverified",
               claimant=None, quantity=None, sources=[])
    G.add_edge(E + "putin", E + "wagner", key=S + "4", predicate="commands", status="denied",
               claimant="Kremlin", quantity=None, sources=[_src("a3.txt", "We deny it.")])
    G.add_edge(E + "putin", E + "russia", key=S + "5", predicate="leads", status="confirmed",
               claimant=None, quantity=None, sources=[_src("a3.txt", "President Putin")])
    return G


def hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(E + "x", label=SCRIPT, type="Group", wikidata=None)
    G.add_node(E + "y", label='Tom & "Jerry" \u2028', type=IMG, wikidata=None)
    G.add_edge(E + "x", E + "y", key=S + "h", predicate="attacks", status="claimed",
               claimant=IMG, quantity="</script><script>alert(2)</script>",
               sources=[_src("evil.txt", f"He said {IMG} and {SCRIPT}")])
    return G


def star_graph(n: int) -> nx.MultiDiGraph:
    """Node 0 links to every other node; the leaves tie on degree 1."""
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"{E}n{i:03d}", label=f"Entity {i:03d}", type="Thing", wikidata=None)
    for i in range(1, n):
        G.add_edge(f"{E}n000", f"{E}n{i:03d}", key=f"{S}s{i}", predicate="knows",
                   status="reported", claimant=None, quantity=None, sources=[])
    return G


def test_labels_predicates_and_legend():
    G = small_graph()
    page = render_html(G, title="Test graph")
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {a["label"] for _, a in G.nodes(data=True)}
    assert {e["label"] for e in data["edges"]} == {
        "supplies", "trades_with", "operates", "commands", "leads"}
    for lab in labels:
        assert lab in page
    types = dict(data["types"])  # the legend (type checkboxes), built in the page from the data
    assert set(types) == {"Country", "WeaponSystem", "MilitaryForce", "Person"}  # only types present
    assert types["Country"] == next(n["color"] for n in data["nodes"] if n["label"] == "Iran")
    assert "<title>Test graph</title>" in page
    # arrows point at the object, tooltip is plain text carrying the provenance
    e = next(e for e in data["edges"] if e["label"] == "supplies")
    assert e["from"] == E + "iran" and e["to"] == E + "russia" and "to" in e["arrows"]
    assert "at least 5000 missiles" in e["title"] and "a1.txt" in e["title"]
    assert "Russia supplied missiles." in e["title"]


def test_offline_and_vis_inlined():
    page = render_html(small_graph())
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*href\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert "tom-select" not in page and "bootstrap" not in page.lower()
    assert "vis-network" in page and "new vis.Network" in page
    assert "vis.DataSet" in page and ".vis-network" in page  # JS and CSS inlined
    assert "stabilizationIterationsDone" in page and "physics: false" in page


def test_hostile_text_is_inert_but_preserved():
    page = render_html(hostile_graph(), title=f"t {SCRIPT}")
    for raw in (SCRIPT, IMG, "<script>alert(2)", "onerror=alert(1)>"):
        assert raw not in page
    assert "\u2028" not in page
    data_block = page[page.index('id="kg-data">'):]
    data_block = data_block[:data_block.index("</script>")]
    assert "<" not in data_block.split(">", 1)[1] and "&" not in data_block
    data = _data(page)
    assert SCRIPT in {n["label"] for n in data["nodes"]}
    (edge,) = data["edges"]
    assert IMG in edge["title"] and SCRIPT in edge["title"]
    assert "</script><script>alert(2)</script>" in edge["title"]
    assert 'Tom & "Jerry" \u2028' in {n["label"] for n in data["nodes"]}
    # the type (legend) and article (select) reach the page as data, for textContent
    assert IMG in dict(data["types"])
    assert data["articles"] == ["evil.txt"]
    # the heading is HTML-escaped
    assert "<h1>t &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page


def test_doubtful_edges_dashed_and_coloured():
    data = _data(render_html(small_graph()))
    by_label = {e["label"]: e for e in data["edges"]}
    for p in ("trades_with", "operates", "commands"):  # disputed, unverified, denied
        assert by_label[p]["dashes"] is True
    for p in ("supplies", "leads"):  # reported, confirmed
        assert by_label[p]["dashes"] is False
    assert by_label["trades_with"]["color"] != by_label["supplies"]["color"]
    # parallel statements between the same pair are fanned out
    assert "smooth" in by_label["trades_with"] or "smooth" in by_label["supplies"]


def test_node_colour_by_type_and_size_by_centrality():
    data = _data(render_html(small_graph()))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[E + "iran"]["color"] == nodes[E + "russia"]["color"]
    assert nodes[E + "iran"]["color"] != nodes[E + "putin"]["color"]
    assert nodes[E + "russia"]["size"] > nodes[E + "wagner"]["size"]


def test_max_nodes_cut():
    G = star_graph(50)
    page = render_html(G, max_nodes=10)
    data = _data(page)
    assert len(data["nodes"]) == 10
    ids = {n["id"] for n in data["nodes"]}
    assert E + "n000" in ids  # the hub is kept
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert len(data["edges"]) == 9
    assert "showing 10 of 50 entities (the most connected); 40 left out" in page


def test_tie_break_by_label_then_id():
    G = star_graph(50)  # all leaves have degree 1: the lowest labels win
    ids = {n["id"] for n in _data(render_html(G, max_nodes=4))["nodes"]}
    assert ids == {f"{E}n000", f"{E}n001", f"{E}n002", f"{E}n003"}


def test_large_graph_positions_up_front_without_physics():
    G = star_graph(600)
    data = _data(render_html(G, max_nodes=1000))
    assert len(data["nodes"]) == 600
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 500  # spread out


def test_small_graph_physics_stabilises_then_stops():
    data = _data(render_html(small_graph()))
    opts = data["options"]["physics"]
    assert opts["enabled"] is True and opts["stabilization"]["enabled"] is True
    assert 0 < opts["stabilization"]["iterations"] <= 1000
    # physics only polishes a seeded layout: same start, same picture
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 5
    # no per-edge physics nodes ("dynamic" curves), fewer steps as the graph grows
    assert data["options"]["edges"]["smooth"]["type"] == "continuous"
    more = _data(render_html(star_graph(400)))["options"]["physics"]["stabilization"]["iterations"]
    assert 0 < more < opts["stabilization"]["iterations"]


def test_layout_hangs_the_rest_around_the_core(monkeypatch):
    import sys
    viz = sys.modules["kg.viz"]
    monkeypatch.setattr(viz, "CORE", 5)
    G = star_graph(40)
    nodes = {n["id"]: n for n in _data(render_html(G, max_nodes=1000))["nodes"]}
    hub = nodes[E + "n000"]
    assert len({(n["x"], n["y"]) for n in nodes.values()}) == 40
    # leaves outside the core sit on a sunflower around the hub they hang on
    d = [math.hypot(n["x"] - hub["x"], n["y"] - hub["y"]) for i, n in nodes.items() if i != E + "n000"]
    assert max(d) < 70 + 28 * math.sqrt(40) + 1 and min(d) > 10


def test_deterministic():
    assert render_html(small_graph()) == render_html(small_graph())
    assert render_html(star_graph(600), max_nodes=1000) == render_html(star_graph(600), max_nodes=1000)
    # insertion order does not matter
    G = small_graph()
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert render_html(G) == render_html(H)


def test_empty_graph_and_bad_max_nodes():
    page = render_html(nx.MultiDiGraph())
    assert _data(page)["nodes"] == [] and "0 entities" in page
    with pytest.raises(ValueError):
        render_html(small_graph(), max_nodes=0)


def test_write_html(tmp_path):
    G = hostile_graph()
    out = write_html(G, tmp_path / "graph.html", title="x", max_nodes=5)
    assert out == tmp_path / "graph.html" and out.is_file()
    assert out.read_text(encoding="utf-8") == render_html(G, title="x", max_nodes=5)


def test_filter_and_search_data():
    """What the page's controls work on: type, aliases, status and articles per item."""
    G = small_graph()
    G.nodes[E + "putin"]["aliases"] = ["Putin", "V. V. Putin"]
    data = _data(render_html(G))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[E + "putin"]["kgType"] == "Person"
    assert nodes[E + "putin"]["kgAliases"] == ["Putin", "V. V. Putin"]
    assert nodes[E + "iran"]["kgAliases"] == []
    assert "also: Putin, V. V. Putin" in nodes[E + "putin"]["title"]
    by_label = {e["label"]: e for e in data["edges"]}
    assert by_label["commands"]["kgStatus"] == "denied"
    assert by_label["commands"]["kgArticles"] == ["a3.txt"]
    assert by_label["operates"]["kgArticles"] == []  # no sources
    assert data["articles"] == ["a1.txt", "a2.txt", "a3.txt"]
    assert data["statuses"] == ["reported", "claimed", "unverified", "disputed", "denied", "confirmed"]
    # a status outside the six still gets a checkbox; a missing one counts as reported
    G.add_edge(E + "iran", E + "putin", key=S + "9", predicate="meets", status="rumoured", sources=[])
    G.add_edge(E + "iran", E + "wagner", key=S + "10", predicate="pays", sources=[])
    data = _data(render_html(G))
    assert data["statuses"][-1] == "rumoured"
    assert {e["label"]: e["kgStatus"] for e in data["edges"]}["pays"] == "reported"


def test_controls_in_page_and_no_html_injection_sinks():
    page = render_html(small_graph())
    for ident in ("kg-search", "kg-article", "kg-types", "kg-statuses", "kg-reset", "kg-count"):
        assert f'id="{ident}"' in page
    script = page[page.rindex("<script>"):]
    assert "vis.DataView" in script and ".refresh()" in script and "textContent" in script
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


def test_size_by_pagerank_with_degree_fallback(monkeypatch):
    # a star: PageRank and degree agree that the hub is the largest
    G = star_graph(8)
    data = _data(render_html(G))
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes[E + "n000"] == 40 and all(10 <= s < 40 for i, s in sizes.items() if i != E + "n000")
    assert data["size_by"] == "PageRank" and "PageRank: 0." in data["nodes"][0]["title"]

    def broken(*a, **k):
        raise ImportError("no scipy")
    monkeypatch.setattr(nx, "pagerank", broken)
    data = _data(render_html(G))
    assert data["size_by"] == "degree" and "node size: degree" in render_html(G)
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes[E + "n000"] == 40 and sizes[E + "n001"] == round(10 + 30 * (1 / 7) ** 0.5, 1)


def test_sizes_without_edges():
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", type="Thing")
    G.add_node("b", label="B", type="Thing")
    assert {n["size"] for n in _data(render_html(G))["nodes"]} == {10}


def graded_graph() -> nx.MultiDiGraph:
    """small_graph with grades, dates, publishers and one hostile URL."""
    G = small_graph()
    src = {"article": "a1.txt", "quote": "Iran supplied at least 5,000 missiles.", "start": 10, "end": 48,
           "status": "claimed", "claimant": "Kyiv", "publisher": "Reuters", "published": "2025-10-22",
           "reliability": "B", "url": "https://news.example/a1"}
    evil = dict(src, article="a2.txt", publisher=IMG, reliability="F", url="javascript:alert(1)")
    G.edges[E + "iran", E + "russia", S + "1"].update(credibility="1", origins=2, time="2025-10-20",
                                                     sources=[src, evil])
    G.edges[E + "putin", E + "wagner", S + "4"].update(credibility="5", origins=1, time="2025-11-02/2025-11-03")
    G.edges[E + "putin", E + "russia", S + "5"].update(credibility="2", origins=1, time="2025-W42")
    G.nodes[E + "shahed"]["generic"] = True
    return G


def test_panel_data_grades_dates_and_central_labels():
    data = _data(render_html(graded_graph()))
    by_label = {e["label"]: e for e in data["edges"]}
    supplies = by_label["supplies"]
    assert supplies["kgGrade"] == "1" and supplies["kgTime"] == "2025-10-20" and supplies["kgOrigins"] == 2
    first, second = supplies["kgSources"]
    assert (first["publisher"], first["published"], first["status"], first["claimant"], first["grade"]) == \
        ("Reuters", "2025-10-22", "claimed", "Kyiv", "B1")
    assert first["url"] == "https://news.example/a1" and (first["start"], first["end"]) == (10, 48)
    assert second["url"] is None and second["grade"] == "F1"        # no javascript: link
    assert by_label["commands"]["kgTime"] == "2025-11-02"             # an interval's start
    assert by_label["leads"]["kgTime"] is None                        # an ISO week: undated
    assert by_label["operates"]["kgGrade"] == "none"
    assert data["dates"] == ["2025-10-20", "2025-11-02"]
    assert [g[0] for g in data["grades"]] == ["1", "2", "5", "none"]
    assert E + "shahed" not in data["central"] and data["central"][0] == E + "russia"
    assert "credibility: 1 (confirmed), independent origins: 2" in supplies["title"]


def test_panel_controls_in_page():
    page = render_html(graded_graph())
    for ident in ("kg-grades", "kg-time", "kg-time-label", "kg-detail", "kg-detail-body", "kg-labels"):
        assert f'id="{ident}"' in page
    assert "javascript:alert" not in page.split('id="kg-data">')[0]
    script = page[page.rindex("<script>"):]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
