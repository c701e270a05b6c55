"""Draw a geokg MultiDiGraph as one self-contained, offline HTML page.

pyvis builds the vis-network nodes/edges/options; we render our own small
page around them because pyvis's templates pull Bootstrap and tom-select
from CDNs.  The page inlines vis-network from pyvis's package files, embeds
the data as escaped JSON (article text is hostile), and needs no network.

The page has controls, all plain JS working on the embedded data: entity-type
checkboxes (the legend), an article select, status checkboxes, credibility
grade checkboxes (Admiralty 1-6), a time slider over statement dates
(undated statements always shown), and a search box.  Clicking a node or an
edge opens a side panel listing every source of its statements: publisher,
date, quote (linked to its place in the article by a URL text fragment when
the article has a URL; offsets always), claimant, status and grade
(publisher reliability A-F + credibility 1-6, e.g. "B2").  The
``CENTRAL_LABELS`` most central entities (generic noun phrases left out)
carry labels in an HTML layer over the canvas, so they stay readable at any
zoom and graph size.  Filters go through ``vis.DataView`` filter functions, so hidden items
are really taken off the canvas; the search only selects and focuses.  Every
string from the data reaches the page through ``textContent`` (or vis's
canvas labels and ``innerText`` tooltips), never as HTML.

Layout: positions are computed here (seeded, so the same graph gives the
same bytes and the same picture); up to LAYOUT_THRESHOLD drawn nodes, vis
physics polishes them for a bounded number of steps and is then switched
off; above it, physics stays off.  Node size follows PageRank (degree when
PageRank is unavailable).  The page sets ``window.kgDrawn`` and
``window.kgStable`` (and ``data-kg-state="stable"`` on the body) when it is
drawn and still.
"""
from __future__ import annotations

import html
import json
import math
import os
import pathlib
import re
import string
import zlib

import networkx as nx
import pyvis
from pyvis.network import Network

__all__ = ["render_html", "write_html"]

TYPE_COLOURS = {
    "Person": "#4e79a7", "Country": "#e15759", "Organization": "#59a14f",
    "MilitaryForce": "#b07aa1", "WeaponSystem": "#f28e2b", "Location": "#76b7b2",
    "Group": "#edc948", "Event": "#ff9da7", "Thing": "#9c9c9c",
}
_EXTRA_COLOURS = ["#8cd17d", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d", "#d4a6c8", "#bab0ac"]
STATUSES = ("reported", "claimed", "unverified", "disputed", "denied", "confirmed")
DOUBTFUL = frozenset({"unverified", "disputed", "denied"})
EDGE_COLOUR, DOUBT_COLOUR = "#7f7f7f", "#d9480f"
LAYOUT_THRESHOLD = 500  # above this many drawn nodes: no physics, the precomputed layout as is
# physics (at most LAYOUT_THRESHOLD nodes) polishes the precomputed layout in about
# ITERATION_BUDGET node-steps: each step costs ~10 ms at 300 nodes in headless Chromium
MIN_ITERATIONS, MAX_ITERATIONS, ITERATION_BUDGET = 60, 300, 30_000
CORE = 400              # nodes laid out by spring_layout; the rest hang around them
MAX_SOURCES, MAX_QUOTE = 6, 400  # keep tooltips readable
MIN_SIZE, MAX_SIZE = 10, 40      # node radius range; area follows PageRank (or degree)
CENTRAL_LABELS = 12              # the most central entities keep a readable label at any zoom
GRADES = ("1", "2", "3", "4", "5", "6")
GRADE_NAMES = {"1": "confirmed", "2": "probably true", "3": "possibly true", "4": "doubtful",
               "5": "improbable", "6": "cannot be judged", "none": "not graded"}

_VIS_DIR = os.path.join(os.path.dirname(pyvis.__file__), "lib", "vis-9.1.2")

# The page's own script.  It reads only the JSON data block; every string from
# the data goes in with textContent (or as vis canvas labels / innerText tooltips).
_SCRIPT = r"""
(function () {
  "use strict";
  var d = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(d.nodes), edges = new vis.DataSet(d.edges);
  var state = {types: new Map(), statuses: new Map(), grades: new Map(), article: null, until: null};
  d.types.forEach(function (t) { state.types.set(t[0], true); });
  d.statuses.forEach(function (s) { state.statuses.set(s, true); });
  d.grades.forEach(function (g) { state.grades.set(g[0], true); });
  var showNode = new Set(), showEdge = new Set();

  function compute() {
    var narrowed = state.article !== null || state.until !== null ||
      d.statuses.some(function (s) { return !state.statuses.get(s); }) ||
      d.grades.some(function (g) { return !state.grades.get(g[0]); });
    var typeOk = new Set(), linked = new Set();
    showNode = new Set(); showEdge = new Set();
    d.nodes.forEach(function (n) { if (state.types.get(n.kgType)) typeOk.add(n.id); });
    d.edges.forEach(function (e) {
      if (typeOk.has(e.from) && typeOk.has(e.to) && state.statuses.get(e.kgStatus) &&
          state.grades.get(e.kgGrade) !== false &&
          (state.until === null || !e.kgTime || e.kgTime <= state.until) &&
          (state.article === null || e.kgArticles.indexOf(state.article) >= 0)) {
        showEdge.add(e.id); linked.add(e.from); linked.add(e.to);
      }
    });
    // a status or article filter shows statements and their entities only
    typeOk.forEach(function (id) { if (!narrowed || linked.has(id)) showNode.add(id); });
  }
  compute();
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return showNode.has(n.id); }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return showEdge.has(e.id); }});
  var network = new vis.Network(document.getElementById("kg-network"),
    {nodes: nodeView, edges: edgeView}, d.options);

  function el(tag, text) {
    var x = document.createElement(tag);
    if (text !== undefined) x.textContent = text;
    return x;
  }
  function checkbox(cls, onchange) {
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.className = cls;
    box.addEventListener("change", onchange);
    return box;
  }
  var count = document.getElementById("kg-count");
  function showCount() {
    count.textContent = "showing " + showNode.size + " of " + d.nodes.length + " entities, " +
      showEdge.size + " of " + d.edges.length + " statements";
  }
  function apply() {
    // re-added nodes take their place from the data set: keep the drawn layout
    var pos = network.getPositions();
    nodes.update(Object.keys(pos).map(function (id) { return {id: id, x: pos[id].x, y: pos[id].y}; }));
    compute();
    nodeView.refresh();
    edgeView.refresh();
    showCount();
    search();
  }

  var legend = document.getElementById("kg-types");
  d.types.forEach(function (t) {
    var li = el("li"), label = el("label"), sw = el("span");
    sw.className = "swatch"; sw.style.background = t[1];
    label.appendChild(checkbox("kg-type", function (ev) { state.types.set(t[0], ev.target.checked); apply(); }));
    label.appendChild(sw);
    label.appendChild(document.createTextNode(t[0]));
    li.appendChild(label);
    legend.appendChild(li);
  });
  var statusList = document.getElementById("kg-statuses");
  d.statuses.forEach(function (s) {
    var li = el("li"), label = el("label"), line = el("span");
    line.className = d.doubtful.indexOf(s) >= 0 ? "line doubt" : "line";
    label.appendChild(checkbox("kg-status", function (ev) { state.statuses.set(s, ev.target.checked); apply(); }));
    label.appendChild(line);
    label.appendChild(document.createTextNode(s));
    li.appendChild(label);
    statusList.appendChild(li);
  });
  var gradeList = document.getElementById("kg-grades");
  d.grades.forEach(function (g) {
    var li = el("li"), label = el("label");
    label.appendChild(checkbox("kg-grade", function (ev) { state.grades.set(g[0], ev.target.checked); apply(); }));
    label.appendChild(document.createTextNode(g[0] === "none" ? g[1] : g[0] + " " + g[1]));
    li.appendChild(label);
    gradeList.appendChild(li);
  });
  var slider = document.getElementById("kg-time"), timeLabel = document.getElementById("kg-time-label");
  function showTime() {
    timeLabel.textContent = !d.dates.length ? "no dated statements" :
      (state.until === null ? "all dates (" + d.dates[0] + " to " + d.dates[d.dates.length - 1] + ")"
                            : "up to " + state.until + " (and undated)");
  }
  slider.max = String(Math.max(d.dates.length - 1, 0));
  slider.value = slider.max;
  slider.disabled = d.dates.length < 2;
  slider.addEventListener("input", function () {
    var i = Number(slider.value);
    state.until = i >= d.dates.length - 1 ? null : d.dates[i];
    showTime();
    apply();
  });
  showTime();

  var select = document.getElementById("kg-article");
  var all = el("option", "all articles (" + d.articles.length + ")");
  all.value = "";
  select.appendChild(all);
  d.articles.forEach(function (a, i) {
    var o = el("option", a);
    o.value = String(i);
    select.appendChild(o);
  });
  select.addEventListener("change", function () {
    state.article = select.value === "" ? null : d.articles[Number(select.value)];
    apply();
  });

  var haystack = new Map();
  d.nodes.forEach(function (n) {
    haystack.set(n.id, [n.label].concat(n.kgAliases).map(function (s) { return String(s).toLowerCase(); }));
  });
  var box = document.getElementById("kg-search"), hits = document.getElementById("kg-hits");
  function search() {
    var q = box.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); hits.textContent = ""; return []; }
    var ids = nodeView.getIds().filter(function (id) {
      return haystack.get(id).some(function (s) { return s.indexOf(q) >= 0; });
    });
    network.selectNodes(ids, false);
    hits.textContent = ids.length === 1 ? "1 match" : (ids.length ? ids.length + " matches" : "no match");
    if (ids.length === 1) {
      network.focus(ids[0], {scale: Math.max(network.getScale(), 1), animation: {duration: 300}});
    } else if (ids.length) {
      network.fit({nodes: ids, animation: {duration: 300}});
    }
    return ids;
  }
  box.addEventListener("input", search);
  box.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });

  document.getElementById("kg-reset").addEventListener("click", function () {
    d.types.forEach(function (t) { state.types.set(t[0], true); });
    d.statuses.forEach(function (s) { state.statuses.set(s, true); });
    d.grades.forEach(function (g) { state.grades.set(g[0], true); });
    state.article = null; state.until = null;
    select.value = ""; slider.value = slider.max; showTime();
    document.querySelectorAll("input.kg-type, input.kg-status, input.kg-grade").forEach(function (b) { b.checked = true; });
    apply();
  });
  showCount();

  // the side panel: every source of a statement (or of an entity's statements), built as text
  var byId = new Map(), nodeById = new Map();
  d.edges.forEach(function (e) { byId.set(e.id, e); });
  d.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var detail = document.getElementById("kg-detail"), detailTitle = document.getElementById("kg-detail-title"),
      detailBody = document.getElementById("kg-detail-body");
  function nameOf(id) { var n = nodeById.get(id); return n ? String(n.label) : String(id); }
  function textFragment(quote) {
    var words = String(quote).split(/\s+/).slice(0, 8).join(" ");
    return "#:~:text=" + encodeURIComponent(words).replace(/-/g, "%2D");
  }
  function statementBlock(e) {
    var box = el("div"), h = el("h3", nameOf(e.from) + " " + e.kgPredicate + " " + nameOf(e.to));
    box.className = "kg-statement";
    box.appendChild(h);
    var facts = [];
    if (e.kgQuantity) facts.push(String(e.kgQuantity));
    facts.push("status " + e.kgStatus);
    facts.push("credibility " + (e.kgGrade === "none" ? "not graded" : e.kgGrade));
    if (e.kgOrigins) facts.push(e.kgOrigins + (e.kgOrigins === 1 ? " independent origin" : " independent origins"));
    if (e.kgTime) facts.push(String(e.kgTime));
    box.appendChild(el("div", facts.join(" · "))).className = "meta";
    var list = el("ol");
    e.kgSources.forEach(function (s) {
      var li = el("li"), head = el("div"), grade = el("span", s.grade);
      li.className = "kg-source";
      grade.className = "grade"; grade.title = "publisher reliability + information credibility";
      head.appendChild(grade);
      head.appendChild(document.createTextNode(" " + [s.publisher || "unknown publisher", s.published || "undated",
        s.status, s.claimant ? "claimed by " + s.claimant : null].filter(Boolean).join(" · ")));
      li.appendChild(head);
      var q = el("blockquote"), where = s.article + ", characters " + s.start + "–" + s.end;
      if (s.url && /^https?:\/\//.test(s.url)) {
        var a = el("a", "“" + s.quote + "”");
        a.href = s.url + textFragment(s.quote); a.target = "_blank"; a.rel = "noopener noreferrer";
        a.title = where;
        q.appendChild(a);
      } else {
        q.appendChild(el("span", "“" + s.quote + "”"));
      }
      li.appendChild(q);
      li.appendChild(el("div", where)).className = "meta";
      list.appendChild(li);
    });
    if (!e.kgSources.length) list.appendChild(el("li", "no sources"));
    box.appendChild(list);
    return box;
  }
  function showDetail(title, items) {
    detailTitle.textContent = title;
    while (detailBody.firstChild) detailBody.removeChild(detailBody.firstChild);
    items.forEach(function (e) { detailBody.appendChild(statementBlock(e)); });
    detail.hidden = false;
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0], items = d.edges.filter(function (e) {
        return showEdge.has(e.id) && (e.from === id || e.to === id); });
      showDetail(nameOf(id) + ": " + items.length + (items.length === 1 ? " statement" : " statements"), items);
    } else if (p.edges.length && byId.has(p.edges[0])) {
      var e = byId.get(p.edges[0]);
      showDetail(e.kgSources.length + (e.kgSources.length === 1 ? " source" : " sources"), [e]);
    } else {
      detail.hidden = true;
    }
  });
  document.getElementById("kg-detail-close").addEventListener("click", function () { detail.hidden = true; });

  // labels of the most central entities, in page pixels: readable whatever the zoom
  var layer = document.getElementById("kg-labels"), tags = new Map();
  d.central.forEach(function (id) {
    var t = el("div", nameOf(id)); t.className = "kg-central"; t.dataset.id = id;
    layer.appendChild(t); tags.set(id, t);
  });
  network.on("afterDrawing", function () {
    var ids = Array.from(tags.keys()), pos = network.getPositions(ids);
    ids.forEach(function (id) {
      var t = tags.get(id), p = pos[id];
      if (!p || !showNode.has(id)) { t.style.display = "none"; return; }
      var dom = network.canvasToDOM(p), node = network.body.nodes[id];
      var r = node ? node.options.size * network.getScale() : 0;
      t.style.display = "";
      t.style.left = Math.round(dom.x) + "px";
      t.style.top = Math.round(dom.y + r + 2) + "px";
    });
  });

  function stable() {
    window.kgStable = true;
    window.kgStableAt = performance.now();  // ms since navigation start
    document.body.setAttribute("data-kg-state", "stable");
  }
  network.once("afterDrawing", function () { window.kgDrawn = true; window.kgDrawnAt = performance.now(); });
  if (d.options.physics && d.options.physics.enabled && d.nodes.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: false});
      stable();
    });
  } else {
    stable();  // positions came with the data (or nothing to draw): nothing to settle
  }
  window.kgNetwork = network;
  window.kg = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
               edgeView: edgeView, state: state, apply: apply, search: search, showDetail: showDetail};
})();
"""

_PAGE = string.Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>
$vis_css
</style>
<style>
html,body{height:100%}
body{margin:0;font-family:system-ui,sans-serif;color:#222;display:flex;flex-direction:column}
header{padding:.5em 1em;border-bottom:1px solid #ddd;flex:none}
h1{font-size:1.2em;margin:0}
.note{margin:.3em 0 0;color:#555;font-size:.9em}
#kg-tools{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;margin-top:.4em;font-size:.9em}
#kg-tools input[type=search]{width:16em}
#kg-tools select{max-width:24em}
#kg-hits,#kg-count{color:#555}
#kg-panel{position:absolute;right:1em;top:7em;z-index:2;background:rgba(255,255,255,.92);
 border:1px solid #ddd;padding:.4em .8em;font-size:.85em;max-height:calc(100vh - 9em);overflow:auto}
#kg-panel h2{font-size:1em;margin:.3em 0 .2em}
#kg-panel ul{list-style:none;margin:0;padding:0}
#kg-panel li{margin:.15em 0}
#kg-panel input{margin:0 .4em 0 0;vertical-align:middle}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:50%;margin-right:.4em;vertical-align:middle}
.line{display:inline-block;width:2em;margin-right:.4em;vertical-align:middle;border-top:2px solid $edge}
.line.doubt{border-top:2px dashed $doubt}
#kg-stage{flex:1;min-height:20em;width:100%;position:relative}
#kg-network{position:absolute;inset:0}
#kg-labels{position:absolute;inset:0;pointer-events:none;overflow:hidden}
.kg-central{position:absolute;transform:translate(-50%,0);font:600 13px system-ui,sans-serif;color:#111;
 background:rgba(255,255,255,.85);padding:0 .25em;border-radius:3px;white-space:nowrap}
#kg-time{width:12em}
#kg-detail{position:absolute;left:1em;top:7em;z-index:3;background:#fff;border:1px solid #bbb;
 box-shadow:0 2px 8px rgba(0,0,0,.15);padding:.4em .8em;font-size:.85em;width:30em;
 max-height:calc(100vh - 9em);overflow:auto}
#kg-detail h2{font-size:1em;margin:.3em 1.5em .4em 0}
#kg-detail h3{font-size:.95em;margin:.6em 0 .2em}
#kg-detail-close{position:absolute;right:.4em;top:.3em;border:none;background:none;font-size:1.3em;cursor:pointer}
#kg-detail ol{margin:0;padding-left:1.3em}
#kg-detail li{margin:.35em 0}
#kg-detail .meta{color:#555}
#kg-detail blockquote{margin:.15em 0;padding-left:.5em;border-left:3px solid #ddd}
.grade{font-weight:600}
div.vis-tooltip{white-space:pre-wrap;max-width:36em;font-family:system-ui,sans-serif;font-size:12px}
</style>
</head>
<body>
<header><h1>$title</h1><p class="note" id="kg-note">$note</p>
<div id="kg-tools">
<label>Find <input type="search" id="kg-search" placeholder="name or alias" autocomplete="off"></label>
<span id="kg-hits" aria-live="polite"></span>
<label>Article <select id="kg-article"></select></label>
<button type="button" id="kg-reset">Show all</button>
<span id="kg-count" aria-live="polite"></span>
</div></header>
<aside id="kg-panel">
<h2>Entity types</h2>
<ul id="kg-types"></ul>
<h2>Statement status</h2>
<ul id="kg-statuses"></ul>
<h2>Credibility (Admiralty)</h2>
<ul id="kg-grades"></ul>
<h2>Time</h2>
<div id="kg-time-box"><input type="range" id="kg-time" min="0" max="0" value="0" step="1">
<div id="kg-time-label"></div></div>
</aside>
<aside id="kg-detail" hidden><button type="button" id="kg-detail-close" aria-label="close">×</button>
<h2 id="kg-detail-title"></h2><div id="kg-detail-body"></div></aside>
<div id="kg-stage"><div id="kg-network"></div><div id="kg-labels" aria-hidden="true"></div></div>
<script type="application/json" id="kg-data">$data</script>
<script>
$vis_js
</script>
<script>
$script
</script>
</body>
</html>
""")


def _json(obj) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' or JS line separators."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(a, b)
    return s


def _read_vis(name: str) -> str:
    """vis-network from pyvis's own package, so the page never hits a CDN."""
    with open(os.path.join(_VIS_DIR, name), encoding="utf-8") as f:
        text = f.read()
    # Defensive: a literal '</script' / '</style' would end the inline block early.
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


def type_colour(t: str) -> str:
    """Fixed colour per entity type; unknown types get a stable (crc32) pick."""
    return TYPE_COLOURS.get(t) or _EXTRA_COLOURS[zlib.crc32(t.encode()) % len(_EXTRA_COLOURS)]


def _label(G, n) -> str:
    lab = G.nodes[n].get("label")
    return str(lab) if lab else str(n).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _aliases(G, n) -> list[str]:
    a = G.nodes[n].get("aliases")
    if not a:
        return []
    return [str(a)] if isinstance(a, str) else sorted({str(x) for x in a})


def _select(G, max_nodes: int) -> list:
    """The max_nodes most connected nodes (ties: label, then id), for big graphs."""
    ranked = sorted(G.nodes, key=lambda n: (-G.degree(n), _label(G, n), str(n)))
    return ranked[:max_nodes]


def _centrality(G) -> tuple[dict, str]:
    """PageRank on the undirected simple graph (as ``kg analyze``), else degree.

    The projection is built in sorted order, so the scores do not depend on
    the order the graph was filled in.
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    H.add_edges_from(sorted({tuple(sorted((u, v), key=str)) for u, v in G.edges() if u != v},
                            key=lambda e: (str(e[0]), str(e[1]))))
    if H.number_of_edges():
        try:
            return nx.pagerank(H, weight=None), "PageRank"
        except (ImportError, nx.PowerIterationFailedConvergence):  # pagerank needs scipy
            pass
    return {n: float(G.degree(n)) for n in G.nodes}, "degree"


def _sizes(score: dict, nodes: list) -> dict:
    """Radius per drawn node: area proportional to its score, MIN_SIZE..MAX_SIZE."""
    top = max((score[n] for n in nodes), default=0.0)
    if top <= 0:
        return dict.fromkeys(nodes, float(MIN_SIZE))
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(max(score[n], 0.0) / top), 1)
            for n in nodes}


def _node_tip(G, n, score: float, measure: str) -> str:
    a = G.nodes[n]
    lines = [_label(G, n), f"type: {a.get('type') or 'Thing'}"]
    if _aliases(G, n):
        lines.append("also: " + ", ".join(_aliases(G, n)))
    if a.get("wikidata"):
        lines.append(f"wikidata: {a['wikidata']}")
    lines += [f"id: {n}", f"connections: {G.degree(n)}"]
    if measure == "PageRank":
        lines.append(f"PageRank: {score:.4f}")
    return "\n".join(lines)


def _edge_tip(G, u, v, a) -> str:
    """Plain text (vis renders string titles as text, so article quotes stay inert)."""
    lines = [f"{_label(G, u)} —{a.get('predicate') or ''}→ {_label(G, v)}",
             f"status: {a.get('status') or 'reported'}"]
    if a.get("credibility"):
        g = str(a["credibility"])
        lines.append(f"credibility: {g} ({GRADE_NAMES.get(g, '?')}), independent origins: {a.get('origins') or '?'}")
    for k in ("claimant", "quantity"):
        if a.get(k):
            lines.append(f"{k}: {a[k]}")
    sources = a.get("sources") or []
    for s in sources[:MAX_SOURCES]:
        q = " ".join(str(s.get("quote", "")).split())
        q = q if len(q) <= MAX_QUOTE else q[:MAX_QUOTE - 1] + "…"
        lines.append(f"• {s.get('article', '?')}: “{q}”")
    if len(sources) > MAX_SOURCES:
        lines.append(f"… and {len(sources) - MAX_SOURCES} more sources")
    return "\n".join(lines)


def _date(value) -> str | None:
    """The start of an ISO date or interval ("2025-03-02", "2025-03", "2025"), else None (a week)."""
    m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?(?![\d-]|-W)", str(value or ""))
    return m.group(0) if m else None


def _http(url) -> str | None:
    """An http(s) URL, or None: the page links nothing else."""
    u = str(url or "")
    return u if re.match(r"https?://[^\s\"'<>]+$", u) else None


def _panel_sources(a) -> list[dict]:
    """Every source of a statement, for the side panel: publisher, date, quote, claimant, status, grade."""
    out = []
    cred = a.get("credibility")
    for s in a.get("sources") or []:
        rel = s.get("reliability") or "F"
        out.append({"article": str(s.get("article") or ""), "publisher": s.get("publisher"),
                    "published": None if s.get("published") is None else str(s.get("published")),
                    "quote": " ".join(str(s.get("quote", "")).split()), "start": s.get("start"),
                    "end": s.get("end"), "claimant": s.get("claimant"), "status": s.get("status") or a.get("status"),
                    "reliability": rel, "grade": rel + (str(cred) if cred else ""), "url": _http(s.get("url"))})
    return out


def _spiral(ranked: list, step: float = 45.0) -> dict:
    """Sunflower spiral in rank order: hubs in the middle."""
    golden = math.pi * (3 - math.sqrt(5))
    return {n: (round(step * math.sqrt(i) * math.cos(i * golden)),
                round(step * math.sqrt(i) * math.sin(i * golden))) for i, n in enumerate(ranked)}


def _positions(G, nodes: list) -> dict:
    """Seeded positions for every drawn node, cheap at any size.

    The CORE most connected nodes get a spring layout (networkx's dense
    Fruchterman-Reingold, fast below 500 nodes); each other node, in rank
    order, goes on a small sunflower around its best-ranked placed neighbour,
    or on an outer ring when it has none.  Without numpy: a plain spiral.
    """
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in G.edges() if u in H and v in H and u != v)
    ranked = sorted(nodes, key=lambda n: (-H.degree(n), _label(G, n), str(n)))
    rank = {n: i for i, n in enumerate(ranked)}
    core = ranked[:CORE]
    radius = 60 * math.sqrt(len(core))
    try:
        pos = nx.spring_layout(H.subgraph(core), seed=0, iterations=50, scale=radius)
    except ImportError:  # spring_layout needs numpy
        return _spiral(ranked)
    out = {n: (round(float(x)), round(float(y))) for n, (x, y) in pos.items()}
    golden = math.pi * (3 - math.sqrt(5))
    around: dict = {}
    outer = 0
    for n in ranked[len(core):]:
        placed = [m for m in H[n] if m in out]
        if placed:
            anchor = min(placed, key=rank.__getitem__)
            k = around[anchor] = around.get(anchor, 0) + 1
            r, (ax, ay) = 70 + 28 * math.sqrt(k), out[anchor]
        else:  # nothing placed to hang on: an outer ring, hubs first
            outer += 1
            k, r, (ax, ay) = outer, radius + 120 + 28 * math.sqrt(outer), (0, 0)
        out[n] = (round(ax + r * math.cos(k * golden)), round(ay + r * math.sin(k * golden)))
    return out


def _iterations(n: int) -> int:
    """Physics steps to polish the precomputed layout: fewer as the graph grows."""
    return max(MIN_ITERATIONS, min(MAX_ITERATIONS, ITERATION_BUDGET // max(n, 1)))


def render_html(G: "nx.MultiDiGraph", *, title: str = "geokg", max_nodes: int = 300) -> str:
    """Return one self-contained HTML page (string) drawing G."""
    if max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    total = G.number_of_nodes()
    keep = set(_select(G, max_nodes)) if total > max_nodes else set(G.nodes)
    nodes = sorted(keep, key=str)
    big = len(nodes) > LAYOUT_THRESHOLD
    pos = _positions(G, nodes)  # seeded: the same page, and the same picture, every time
    score, measure = _centrality(G)
    size = _sizes(score, nodes)

    net = Network(directed=True)
    for n in nodes:
        t = str(G.nodes[n].get("type") or "Thing")
        net.add_node(str(n), label=_label(G, n), title=_node_tip(G, n, score[n], measure),
                     color=type_colour(t), size=size[n], kgType=t, kgAliases=_aliases(G, n),
                     x=pos[n][0], y=pos[n][1])
    edges = sorted(((u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True)
                    if u in keep and v in keep), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    seen: dict = {}
    articles: set = set()
    statuses: set = set()
    dates: set = set()
    for i, (u, v, k, a) in enumerate(edges):
        status = str(a.get("status") or "reported")
        doubt = status in DOUBTFUL
        arts = sorted({str(s.get("article")) for s in a.get("sources") or [] if s.get("article")})
        articles.update(arts)
        statuses.add(status)
        extra = {}
        nth = seen[(u, v)] = seen.get((u, v), -1) + 1
        if nth:  # parallel statements between one pair: fan them out
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.2 * nth, 2)}
        grade = str(a["credibility"]) if a.get("credibility") else "none"
        when = _date(a.get("time"))
        if when:
            dates.add(when)
        net.add_edge(str(u), str(v), id=f"e{i}", label=str(a.get("predicate") or ""),
                     title=_edge_tip(G, u, v, a), dashes=doubt,
                     color=DOUBT_COLOUR if doubt else EDGE_COLOUR,
                     kgStatus=status, kgArticles=arts, kgGrade=grade, kgTime=when,
                     kgKey=str(k), kgPredicate=str(a.get("predicate") or ""), kgQuantity=a.get("quantity"),
                     kgOrigins=a.get("origins"), kgSources=_panel_sources(a), **extra)
    net.options = {
        "nodes": {"shape": "dot", "font": {"size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 10, "align": "middle", "color": "#444"},
                  # "dynamic" curves add a physics node per edge: 4x slower to settle
                  "smooth": {"enabled": not big, "type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        "physics": ({"enabled": False} if big else {
            "enabled": True, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 140},
            "stabilization": {"enabled": True, "iterations": _iterations(len(nodes)),
                              "updateInterval": 25, "fit": True}}),
    }
    vnodes, vedges, _, _, _, options = net.get_network_data()
    types = sorted({str(G.nodes[n].get("type") or "Thing") for n in nodes})
    # the most central entities (as sized), not generic noun phrases: their labels stay readable
    named = [n for n in nodes if not G.nodes[n].get("generic")]
    central = sorted(named, key=lambda n: (-score[n], _label(G, n), str(n)))[:CENTRAL_LABELS]
    grades = sorted({e["kgGrade"] for e in vedges}, key=lambda g: (g == "none", g))
    data = {"nodes": vnodes, "edges": vedges, "options": json.loads(options),
            "central": [str(n) for n in central], "grades": [[g, GRADE_NAMES.get(g, g)] for g in grades],
            "dates": sorted(dates),
            "types": [[t, type_colour(t)] for t in types],
            "statuses": list(STATUSES) + sorted(statuses - set(STATUSES)),
            "doubtful": sorted(DOUBTFUL), "articles": sorted(articles), "size_by": measure}

    if len(nodes) < total:
        note = (f"showing {len(nodes)} of {total} entities (the most connected); "
                f"{total - len(nodes)} left out")
    else:
        note = f"{total} entities, {len(edges)} statements"
    note += f"; node size: {measure}"
    return _PAGE.substitute(
        title=html.escape(title), note=html.escape(note), data=_json(data), script=_SCRIPT,
        vis_css=_read_vis("vis-network.css"), vis_js=_read_vis("vis-network.min.js"),
        edge=EDGE_COLOUR, doubt=DOUBT_COLOUR)


def write_html(G, path, *, title: str = "geokg", max_nodes: int = 300) -> pathlib.Path:
    """render_html + write to path (utf-8), return the path."""
    p = pathlib.Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(render_html(G, title=title, max_nodes=max_nodes), encoding="utf-8")
    return p
