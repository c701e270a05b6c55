"""kg.viz pages in a real headless browser (Debian's Chromium, driven by Playwright).

The page is opened from disk with every non-file request aborted and the
context offline, so it has to work without a network.  Skipped where
/usr/bin/chromium (or the playwright package) is missing.
"""
from __future__ import annotations

import time
from pathlib import Path

import networkx as nx
import pytest

from kg.viz import render_html, write_html

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")

from test_viz import E, IMG, S, SCRIPT, _src, graded_graph, small_graph, star_graph  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
STABLE = "window.kgStable === true && window.kgDrawn === true"
# what is really on the canvas: vis-network's own node and edge registries
COUNTS = """() => ({nodes: kgNetwork.body.nodeIndices.length, edges: kgNetwork.body.edgeIndices.length,
                    viewNodes: kg.nodeView.length, viewEdges: kg.edgeView.length})"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Page:
    """One offline page; records blocked requests, dialogs and script errors."""

    def __init__(self, browser, path: Path):
        self.blocked, self.dialogs, self.errors = [], [], []
        self.context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        t0 = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_function(STABLE, timeout=10_000)
        self.seconds = time.perf_counter() - t0

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def counts(self) -> dict:
        return self.page.evaluate(COUNTS)

    def clean(self):
        assert self.blocked == [] and self.dialogs == [] and self.errors == []


@pytest.fixture
def open_page(browser, tmp_path):
    pages = []

    def _open(G, **kw) -> Page:
        path = write_html(G, tmp_path / f"g{len(pages)}.html", **kw)
        pages.append(Page(browser, path))
        return pages[-1]
    yield _open
    for p in pages:
        p.context.close()


def random_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    types = ["Country", "Person", "Organization", "WeaponSystem"]
    for i in range(n_nodes):
        G.add_node(f"{E}r{i}", label=f"Entity {i}", type=types[i % 4], wikidata=None)
    R = nx.gnm_random_graph(n_nodes, n_edges, seed=seed, directed=True)
    for j, (u, v) in enumerate(sorted(R.edges())):
        G.add_edge(f"{E}r{u}", f"{E}r{v}", key=f"{S}r{j}", predicate="meets",
                   status=["reported", "claimed", "denied"][j % 3], claimant=None, quantity=None,
                   sources=[_src(f"art{j % 5}.txt", "q")])
    return G


def test_draws_every_node_and_physics_stops(open_page):
    G = random_graph(60, 90)
    p = open_page(G)
    assert p.seconds < 5
    c = p.counts()
    assert c == {"nodes": 60, "edges": 90, "viewNodes": 60, "viewEdges": 90}
    assert p.page.evaluate("window.kgDrawn === true")
    assert p.page.evaluate("kgNetwork.physics.options.enabled") is False
    before = p.page.evaluate("kgNetwork.getPositions()")
    p.page.wait_for_timeout(400)
    assert p.page.evaluate("kgNetwork.getPositions()") == before  # still
    assert p.page.evaluate("document.getElementById('kg-count').textContent") == \
        "showing 60 of 60 entities, 90 of 90 statements"
    p.clean()


def test_big_graph_uses_precomputed_positions(open_page):
    G = star_graph(600)
    p = open_page(G, max_nodes=1000)
    assert p.seconds < 5
    assert p.counts()["nodes"] == 600 and p.counts()["edges"] == 599
    pos = p.page.evaluate(f"kgNetwork.getPositions(['{E}n000', '{E}n001'])")
    data = p.page.evaluate(f"[kg.nodes.get('{E}n000'), kg.nodes.get('{E}n001')]")
    for d in data:
        assert (pos[d["id"]]["x"], pos[d["id"]]["y"]) == (d["x"], d["y"])
    p.clean()


def test_max_nodes_cut_in_browser(open_page):
    p = open_page(star_graph(50), max_nodes=10)
    assert p.counts()["nodes"] == 10
    assert "showing 10 of 50 entities" in p.page.text_content("#kg-note")
    p.clean()


def test_empty_graph(open_page):
    p = open_page(nx.MultiDiGraph())
    assert p.counts()["nodes"] == 0
    p.clean()


def test_type_filter(open_page):
    p = open_page(small_graph())
    assert p.counts() == {"nodes": 5, "edges": 5, "viewNodes": 5, "viewEdges": 5}
    p.page.get_by_label("Country", exact=True).uncheck()
    # Iran and Russia go, and with them every statement but Putin -> Wagner
    assert p.counts() == {"nodes": 3, "edges": 1, "viewNodes": 3, "viewEdges": 1}
    p.page.get_by_label("Person", exact=True).uncheck()
    assert p.counts()["nodes"] == 2 and p.counts()["edges"] == 0
    p.page.get_by_label("Country", exact=True).check()
    p.page.get_by_label("Person", exact=True).check()
    assert p.counts()["nodes"] == 5 and p.counts()["edges"] == 5
    p.clean()


def test_status_filter(open_page):
    p = open_page(small_graph())
    p.page.get_by_label("denied", exact=True).uncheck()
    # Putin -> Wagner (denied) goes, and Wagner with it: no statement left for it
    assert p.counts() == {"nodes": 4, "edges": 4, "viewNodes": 4, "viewEdges": 4}
    for s in ("reported", "disputed", "unverified"):
        p.page.get_by_label(s, exact=True).uncheck()
    assert p.counts()["edges"] == 1 and p.counts()["nodes"] == 2  # Putin -> Russia, confirmed
    p.page.click("#kg-reset")
    assert p.counts()["nodes"] == 5 and p.counts()["edges"] == 5
    assert p.page.evaluate("[...document.querySelectorAll('input.kg-status')].every(b => b.checked)")
    p.clean()


def test_article_select(open_page):
    p = open_page(small_graph())
    options = p.page.evaluate("[...document.querySelectorAll('#kg-article option')].map(o => o.textContent)")
    assert options == ["all articles (3)", "a1.txt", "a2.txt", "a3.txt"]
    p.page.select_option("#kg-article", label="a3.txt")  # Putin commands Wagner, leads Russia
    assert p.counts() == {"nodes": 3, "edges": 2, "viewNodes": 3, "viewEdges": 2}
    labels = p.page.evaluate("kg.nodeView.get().map(n => n.label).sort()")
    assert labels == ["Russia", "Vladimir Putin", "Wagner Group"]
    p.page.select_option("#kg-article", label="a1.txt")
    assert p.counts()["nodes"] == 2 and p.counts()["edges"] == 1
    p.page.get_by_label("reported", exact=True).uncheck()  # filters combine
    assert p.counts()["nodes"] == 0 and p.counts()["edges"] == 0
    p.page.click("#kg-reset")
    assert p.counts()["nodes"] == 5 and p.page.input_value("#kg-article") == ""
    p.clean()


def test_search_selects_and_hides_nothing(open_page):
    G = small_graph()
    G.nodes[E + "putin"]["aliases"] = ["V. V. Putin"]
    p = open_page(G)
    p.page.fill("#kg-search", "shahed")
    assert p.page.evaluate("kgNetwork.getSelectedNodes()") == [E + "shahed"]
    assert p.page.text_content("#kg-hits") == "1 match"
    p.page.fill("#kg-search", "v. v.")  # by alias, any case
    assert p.page.evaluate("kgNetwork.getSelectedNodes()") == [E + "putin"]
    p.page.fill("#kg-search", "IR")  # Iran, Vladimir Putin
    assert sorted(p.page.evaluate("kgNetwork.getSelectedNodes()")) == [E + "iran", E + "putin"]
    assert p.page.text_content("#kg-hits") == "2 matches"
    assert p.counts()["nodes"] == 5 and p.counts()["edges"] == 5
    p.page.fill("#kg-search", "nobody")
    assert p.page.evaluate("kgNetwork.getSelectedNodes()") == []
    assert p.page.text_content("#kg-hits") == "no match"
    # search looks only at what is drawn
    p.page.get_by_label("Person", exact=True).uncheck()
    p.page.fill("#kg-search", "putin")
    assert p.page.evaluate("kgNetwork.getSelectedNodes()") == []
    p.page.fill("#kg-search", "")
    assert p.page.evaluate("kgNetwork.getSelectedNodes()") == []
    p.clean()


PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'


def hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(E + "x", label=PWN_SCRIPT, type=PWN_IMG, wikidata=None, aliases=[PWN_IMG])
    G.add_node(E + "y", label='Tom & "Jerry" <b>\'bold\'</b> \u2028', type="Group", wikidata=None)
    G.add_node(E + "z", label="</script><script>window.__pwned=1</script>", type=SCRIPT, wikidata=None)
    G.add_edge(E + "x", E + "y", key=S + "h", predicate="attacks", status="claimed",
               claimant=PWN_IMG, quantity="</script><script>window.__pwned=1</script>",
               sources=[_src(PWN_IMG + ".txt", f'He said "{PWN_IMG}" and \'{PWN_SCRIPT}\' <> &amp;')])
    G.add_edge(E + "y", E + "z", key=S + "i", predicate="<i>x</i>", status="disputed", claimant=IMG,
               sources=[_src(PWN_SCRIPT, "a < b > c")])
    return G


def test_hostile_text_renders_inert(open_page):
    G = hostile_graph()
    p = open_page(G, title=PWN_SCRIPT)
    pg = p.page
    assert p.counts()["nodes"] == 3 and p.counts()["edges"] == 2
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    # nothing from the data became markup
    assert pg.evaluate("document.querySelectorAll('img, b, i').length") == 0
    assert pg.evaluate("document.scripts.length") == 3  # data, vis-network, ours
    assert pg.title() == PWN_SCRIPT and pg.text_content("h1") == PWN_SCRIPT
    # ... but is shown as text: legend, select, node labels
    legend = pg.evaluate("[...document.querySelectorAll('#kg-types li')].map(li => li.textContent)")
    assert sorted(legend) == sorted(["Group", PWN_IMG, SCRIPT])
    options = pg.evaluate("[...document.querySelectorAll('#kg-article option')].map(o => o.textContent)")
    assert options[1:] == sorted([PWN_IMG + ".txt", PWN_SCRIPT])
    labels = pg.evaluate("kg.nodeView.get().map(n => n.label)")
    assert set(labels) == {a["label"] for _, a in G.nodes(data=True)}
    # hover a node and an edge: vis puts the tooltip in as text
    for item, needle in ((E + "x", PWN_IMG), ("edge", f'He said "{PWN_IMG}"')):
        if item == "edge":
            # the middle of the (curved) edge x -> y; vis-network 9.1.2 is pinned with pyvis
            xy = pg.evaluate(f"""(() => {{ const e = kg.edges.get().find(e => e.from === '{E}x');
                return kgNetwork.canvasToDOM(kgNetwork.body.edges[e.id].edgeType.getPoint(0.5)); }})()""")
        else:
            xy = pg.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions(['{item}'])['{item}'])")
        box = pg.locator("#kg-network").bounding_box()
        pg.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
        pg.wait_for_function("n => (document.querySelector('div.vis-tooltip') || {}).innerText?.includes(n)",
                             arg=needle, timeout=5000)
        pg.mouse.move(1, 1)
        assert pg.evaluate("document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length") == 0
    # the controls work on hostile values
    pg.select_option("#kg-article", label=PWN_SCRIPT)
    assert p.counts()["edges"] == 1 and p.counts()["nodes"] == 2
    pg.click("#kg-reset")
    pg.get_by_label(PWN_IMG, exact=True).uncheck()
    assert p.counts()["nodes"] == 2
    pg.click("#kg-reset")
    pg.fill("#kg-search", "onerror")  # matches the alias
    assert pg.evaluate("kgNetwork.getSelectedNodes()") == [E + "x"]
    pg.fill("#kg-search", "")
    pg.wait_for_timeout(200)
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    p.clean()


def test_same_graph_same_page():
    assert render_html(hostile_graph()) == render_html(hostile_graph())


EDGE_POINT = """(label) => {
  const e = kg.edges.get().find(x => x.label === label);
  const p = kgNetwork.body.edges[e.id].edgeType.getPoint(0.5);
  const dom = kgNetwork.canvasToDOM(p), box = document.getElementById("kg-network").getBoundingClientRect();
  return {x: box.left + dom.x, y: box.top + dom.y};
}"""


def test_click_an_edge_opens_the_source_panel(open_page):
    p = open_page(graded_graph())
    assert p.page.is_hidden("#kg-detail")
    pt = p.page.evaluate(EDGE_POINT, "supplies")
    p.page.mouse.click(pt["x"], pt["y"])
    p.page.wait_for_selector("#kg-detail", state="visible", timeout=3000)
    assert p.page.text_content("#kg-detail-title") == "2 sources"
    assert p.page.text_content("#kg-detail h3") == "Iran supplies Russia"
    sources = p.page.locator("#kg-detail li.kg-source")
    assert sources.count() == 2
    first = sources.nth(0).inner_text()
    for part in ("B1", "Reuters", "2025-10-22", "claimed", "claimed by Kyiv",
                 "“Iran supplied at least 5,000 missiles.”", "a1.txt, characters 10–48"):
        assert part in first, part
    href = sources.nth(0).locator("a").get_attribute("href")
    assert href.startswith("https://news.example/a1#:~:text=Iran%20supplied%20at%20least")
    second = sources.nth(1)
    assert second.locator("a").count() == 0                # a javascript: URL is no link
    assert IMG in second.inner_text() and p.page.locator("#kg-detail img").count() == 0
    assert "credibility 1" in p.page.text_content("#kg-detail .meta")
    p.page.click("#kg-detail-close")
    assert p.page.is_hidden("#kg-detail")
    p.clean()


def test_click_a_node_lists_its_statements(open_page):
    p = open_page(graded_graph())
    pos = p.page.evaluate(f"""() => {{ const d = kgNetwork.canvasToDOM(kgNetwork.getPositions(['{E}putin'])['{E}putin']),
        b = document.getElementById('kg-network').getBoundingClientRect(); return {{x: b.left + d.x, y: b.top + d.y}}; }}""")
    p.page.mouse.click(pos["x"], pos["y"])
    p.page.wait_for_selector("#kg-detail", state="visible", timeout=3000)
    assert p.page.text_content("#kg-detail-title") == "Vladimir Putin: 2 statements"
    heads = p.page.eval_on_selector_all("#kg-detail h3", "hs => hs.map(h => h.textContent).sort()")
    assert heads == ["Vladimir Putin commands Wagner Group", "Vladimir Putin leads Russia"]
    p.clean()


def test_central_labels_readable_at_first_draw(open_page):
    p = open_page(graded_graph())
    tags = p.page.eval_on_selector_all("#kg-labels .kg-central", """ts => ts.map(t => ({text: t.textContent,
        shown: t.style.display !== 'none', px: parseFloat(getComputedStyle(t).fontSize),
        x: t.getBoundingClientRect().left, y: t.getBoundingClientRect().top}))""")
    assert {t["text"] for t in tags} == {"Iran", "Russia", "Vladimir Putin", "Wagner Group"}   # not the generic one
    assert all(t["shown"] and t["px"] >= 12 and 0 <= t["x"] <= 1280 and 0 <= t["y"] <= 800 for t in tags)
    # zoomed far out the canvas labels shrink; these stay the same size
    p.page.evaluate("kgNetwork.moveTo({scale: 0.05})")
    p.page.wait_for_timeout(100)
    assert p.page.eval_on_selector_all("#kg-labels .kg-central", "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize))") == [13.0] * 4
    p.clean()


def test_big_graph_labels_its_hubs(open_page):
    p = open_page(star_graph(600), max_nodes=1000)
    tags = p.page.eval_on_selector_all("#kg-labels .kg-central", "ts => ts.map(t => t.textContent)")
    assert len(tags) == 12 and tags[0] == "Entity 000"
    p.clean()


def test_grade_filter_and_time_slider(open_page):
    p = open_page(graded_graph())
    assert p.counts()["edges"] == 5
    p.page.get_by_label("5 improbable", exact=True).uncheck()     # Putin -> Wagner
    assert p.counts()["edges"] == 4
    p.page.click("#kg-reset")
    assert p.counts()["edges"] == 5
    assert p.page.text_content("#kg-time-label") == "all dates (2025-10-20 to 2025-11-02)"
    p.page.fill("#kg-time", "0")                                  # up to 2025-10-20: the November one goes
    p.page.dispatch_event("#kg-time", "input")
    assert p.page.text_content("#kg-time-label") == "up to 2025-10-20 (and undated)"
    assert p.counts()["edges"] == 4
    assert "commands" not in p.page.evaluate("kg.edgeView.get().map(e => e.label)")
    p.page.click("#kg-reset")
    assert p.counts()["edges"] == 5
    p.clean()
