"""Draw a geokg MultiDiGraph as one self-contained, offline HTML page.

pyvis builds the vis-network nodes/edges/options; we render our own small
page around them because pyvis's templates pull Bootstrap and tom-select
from CDNs.  The page inlines vis-network from pyvis's package files, embeds
the data as escaped JSON (article text is hostile), and needs no network.
"""
from __future__ import annotations

import html
import json
import math
import os
import pathlib
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
DOUBTFUL = frozenset({"unverified", "disputed", "denied"})
EDGE_COLOUR, DOUBT_COLOUR = "#7f7f7f", "#d9480f"
LAYOUT_THRESHOLD = 500  # above this many drawn nodes: positions from Python, no physics
SPRING_LIMIT = 2000     # above this, spring_layout is too slow; use a spiral
MAX_SOURCES, MAX_QUOTE = 6, 400  # keep tooltips readable

_VIS_DIR = os.path.join(os.path.dirname(pyvis.__file__), "lib", "vis-9.1.2")

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
body{margin:0;font-family:system-ui,sans-serif;color:#222}
header{padding:.5em 1em;border-bottom:1px solid #ddd}
h1{font-size:1.2em;margin:0}
.note{margin:.3em 0 0;color:#555;font-size:.9em}
#kg-legend{position:absolute;right:1em;top:4.5em;z-index:2;background:rgba(255,255,255,.9);
 border:1px solid #ddd;padding:.4em .8em;font-size:.85em;list-style:none;margin:0}
#kg-legend li{margin:.15em 0}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:50%;margin-right:.4em;vertical-align:middle}
.line{display:inline-block;width:2em;margin-right:.4em;vertical-align:middle;border-top:2px solid $edge}
.line.doubt{border-top:2px dashed $doubt}
#kg-network{width:100%;height:calc(100vh - 4em)}
div.vis-tooltip{white-space:pre-wrap;max-width:36em;font-family:system-ui,sans-serif;font-size:12px}
</style>
</head>
<body>
<header><h1>$title</h1><p class="note" id="kg-note">$note</p></header>
<ul id="kg-legend">
$legend
</ul>
<div id="kg-network"></div>
<script type="application/json" id="kg-data">$data</script>
<script>
$vis_js
</script>
<script>
(function () {
  var d = JSON.parse(document.getElementById("kg-data").textContent);
  var network = new vis.Network(document.getElementById("kg-network"),
    {nodes: new vis.DataSet(d.nodes), edges: new vis.DataSet(d.edges)}, d.options);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
  });
  window.kgNetwork = network;
})();
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


def _select(G, max_nodes: int) -> list:
    """The max_nodes most connected nodes (ties: label, then id), for big graphs."""
    ranked = sorted(G.nodes, key=lambda n: (-G.degree(n), _label(G, n), str(n)))
    return ranked[:max_nodes]


def _node_tip(G, n) -> str:
    a = G.nodes[n]
    lines = [_label(G, n), f"type: {a.get('type') or 'Thing'}"]
    if a.get("wikidata"):
        lines.append(f"wikidata: {a['wikidata']}")
    lines += [f"id: {n}", f"connections: {G.degree(n)}"]
    return "\n".join(lines)


def _edge_tip(G, u, v, a) -> str:
    """Plain text (vis renders string titles as text, so article quotes stay inert)."""
    lines = [f"{_label(G, u)} —{a.get('predicate') or ''}→ {_label(G, v)}",
             f"status: {a.get('status') or 'reported'}"]
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


def _positions(G, nodes: list) -> dict:
    """Up-front positions for big graphs: seeded spring layout, else a degree spiral."""
    if len(nodes) <= SPRING_LIMIT:
        H = nx.Graph()
        H.add_nodes_from(nodes)
        H.add_edges_from((u, v) for u, v in G.edges() if u in H and v in H and u != v)
        try:
            pos = nx.spring_layout(H, seed=0, iterations=30, scale=60 * math.sqrt(len(nodes)))
            return {n: (round(float(x)), round(float(y))) for n, (x, y) in pos.items()}
        except ImportError:  # the sparse layout needs scipy; fall through
            pass
    golden = math.pi * (3 - math.sqrt(5))  # sunflower spiral, hubs in the middle
    return {n: (round(45 * math.sqrt(i) * math.cos(i * golden)),
                round(45 * math.sqrt(i) * math.sin(i * golden)))
            for i, n in enumerate(_select(G, len(nodes)))}


def render_html(G: "nx.MultiDiGraph", *, title: str = "geokg", max_nodes: int = 300) -> str:
    """Return one self-contained HTML page (string) drawing G."""
    if max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    total = G.number_of_nodes()
    keep = set(_select(G, max_nodes)) if total > max_nodes else set(G.nodes)
    nodes = sorted(keep, key=str)
    big = len(nodes) > LAYOUT_THRESHOLD
    pos = _positions(G, nodes) if big else {}

    net = Network(directed=True)
    for n in nodes:
        t = str(G.nodes[n].get("type") or "Thing")
        extra = {"x": pos[n][0], "y": pos[n][1]} if big else {}
        net.add_node(str(n), label=_label(G, n), title=_node_tip(G, n), color=type_colour(t),
                     size=round(8 + 5 * math.sqrt(G.degree(n)), 1), **extra)
    edges = sorted(((u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True)
                    if u in keep and v in keep), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    seen: dict = {}
    for i, (u, v, k, a) in enumerate(edges):
        doubt = a.get("status") in DOUBTFUL
        extra = {}
        nth = seen[(u, v)] = seen.get((u, v), -1) + 1
        if nth:  # parallel statements between one pair: fan them out
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.2 * nth, 2)}
        net.add_edge(str(u), str(v), id=f"e{i}", label=str(a.get("predicate") or ""),
                     title=_edge_tip(G, u, v, a), dashes=doubt,
                     color=DOUBT_COLOUR if doubt else EDGE_COLOUR, **extra)
    net.options = {
        "nodes": {"shape": "dot", "font": {"size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 10, "align": "middle", "color": "#444"},
                  "smooth": {"enabled": not big, "type": "dynamic"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        "physics": ({"enabled": False} if big else {
            "enabled": True, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 140},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25,
                              "fit": True}}),
    }
    vnodes, vedges, _, _, _, options = net.get_network_data()
    data = {"nodes": vnodes, "edges": vedges, "options": json.loads(options)}

    if len(nodes) < total:
        note = (f"showing {len(nodes)} of {total} entities (the most connected); "
                f"{total - len(nodes)} left out")
    else:
        note = f"{total} entities, {len(edges)} statements"
    types = sorted({str(G.nodes[n].get("type") or "Thing") for n in nodes})
    legend = [f'<li><span class="swatch" style="background:{type_colour(t)}"></span>'
              f"{html.escape(t)}</li>" for t in types]
    legend += ['<li><span class="line"></span>reported / claimed / confirmed</li>',
               '<li><span class="line doubt"></span>unverified / disputed / denied</li>']
    return _PAGE.substitute(
        title=html.escape(title), note=html.escape(note), legend="\n".join(legend),
        data=_json(data), vis_css=_read_vis("vis-network.css"),
        vis_js=_read_vis("vis-network.min.js"), edge=EDGE_COLOUR, doubt=DOUBT_COLOUR)


def write_html(G, path, *, title: str = "geokg", max_nodes: int = 300) -> pathlib.Path:
    """render_html + write to path (utf-8), return the path."""
    p = pathlib.Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(render_html(G, title=title, max_nodes=max_nodes), encoding="utf-8")
    return p
