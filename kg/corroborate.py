"""What an analyst can trust: reconciled numbers, independent origins, Admiralty grades.

Pure functions over plain data, then one function (:func:`assess`) that reads
the store, applies them and writes the result into one more named graph,
the assessment (``config.ASSESSMENT_GRAPH``), brought up to date on every build:
only the statements the build's articles touch are assessed again (see :func:`assess`).

Numbers
    A quantity with its qualifier is an interval (:func:`interval`): exact
    ``[v, v]``, at least ``[v, inf)``, more than ``(v, inf)``, at most
    ``(-inf, v]``, less than ``(-inf, v)``, approximately ``[v - 10%, v + 10%]``
    (``APPROX_TOLERANCE``). Two readings of the same fact (same predicate and
    participants, compatible units) are a *conflict* when their intervals do
    not meet, a *refinement* when they state different figures and one
    interval lies inside the other ("more than $5 billion" / "$6 billion"),
    and otherwise *consistent* ("300" / "at least 300").

Origins
    Articles share one origin when they have the same publisher, carry the
    same wire credit ("(Reuters) -", "By The Associated Press", a publisher
    that is itself the wire; names in ``kg/data/wires.csv``), or have
    near-duplicate wording: word 3-shingles, a bottom-128 MinHash sketch
    stored with each article (``kg:fingerprint``), and their estimated
    overlap (shared shingles / the shorter text's) >= ``NEAR_DUPLICATE``
    (0.22) with at least ``MIN_SHARED`` (12) shingles shared. Measured on
    the invented stories of ``tests/test_corroborate.py``: reworded
    rewrites overlap 0.26 to 0.60 (16 to 47 shingles shared), independent
    reports of the same event quoting the same words 0.06 to 0.16 (4 to
    11), unrelated stories 0.00; so all 5 rewrites and none of 10
    independent pairs are joined. A rewrite cut to half its length
    (0.13 to 0.53, 4 to 20 shared) is found in 2 of 5.

Grades (NATO Admiralty scale, information credibility 1-6), per statement,
first rule that holds; *support* = origins of its sources that report,
claim or confirm it and of those that state a figure lying inside its own;
*doubt* = origins of its sources that deny or dispute it and of those that
state a conflicting figure:

    5 improbable      doubt from more origins than support
    4 doubtful        some doubt
    1 confirmed       support from two or more independent origins
    2 probably true   support from one origin, stated as fact (reported, confirmed)
    3 possibly true   support from one origin, as a party's claim (claimed)
    6 cannot be judged  no support (only unverified sources)

Publisher reliability A-F comes from ``kg/data/reliability.csv`` (a table you
edit; a publisher not in it is F, "reliability cannot be judged").
"""
from __future__ import annotations

import base64
import csv
import hashlib
import math
import os
import re
import sys
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path

__all__ = ["Interval", "interval", "compare", "APPROX_TOLERANCE", "NEAR_DUPLICATE", "SHINGLE_WORDS",
           "SKETCH_SIZE", "Sketch", "sketch", "jaccard", "encode_sketch", "decode_sketch", "similarity", "shared",
           "near_duplicates", "MIN_SHARED", "wire_credits",
           "publisher_key", "origin_groups", "credibility", "reliability", "CREDIBILITY", "RELIABILITY",
           "load_wires", "load_reliability", "Reading", "compare_readings", "grade_statements",
           "assess", "assessment_quads", "assessor_id", "Changes", "Assessment", "MAX_COMPARED"]

#: "approximately v" is taken as v +- 10%.
APPROX_TOLERANCE = 0.10
#: Words per shingle, and how many smallest shingle hashes a sketch keeps.
SHINGLE_WORDS, SKETCH_SIZE = 3, 128
#: Estimated Jaccard similarity of word shingles at or above which two articles
#: are one origin (a rewrite); see the module docstring for what it was measured on.
NEAR_DUPLICATE = 0.22
#: ... and at least this many shared shingles: one shared quote (a dozen words) is no rewrite.
MIN_SHARED = 12
#: A fact told with a figure by more sources than this is not compared: its readings would make
#: up to n(n-1)/2 conflicts and refinements (500: 124,750), and a "fact" a thousand sources
#: give a thousand figures for is a phrase they repeat, not one event (the generated articles
#: of benchmarks/build_speed.py: "More than N soldiers have been sent to the border", no
#: subject, 706 readings and 250,000 of the 296,000 assessment triples at 1,000 articles).
MAX_COMPARED = 500
#: The scale's words, for tables and the picture.
CREDIBILITY = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
               6: "cannot be judged"}
RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
SUPPORTING = frozenset({"reported", "claimed", "confirmed"})
DOUBTING = frozenset({"denied", "disputed"})


# ------------------------------------------------------------------ numbers

@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def meets(self, other: "Interval") -> bool:
        """Whether the two intervals share at least one number."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        lo_open = (self.lo == lo and self.lo_open) or (other.lo == lo and other.lo_open)
        hi_open = (self.hi == hi and self.hi_open) or (other.hi == hi and other.hi_open)
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def within(self, other: "Interval") -> bool:
        """Whether every number of this interval is in ``other``."""
        lo_ok = other.lo < self.lo or (other.lo == self.lo and (not other.lo_open or self.lo_open))
        hi_ok = self.hi < other.hi or (self.hi == other.hi and (not other.hi_open or self.hi_open))
        return lo_ok and hi_ok


def interval(value: float, qualifier: str | None = "exact", tolerance: float = APPROX_TOLERANCE) -> Interval:
    """The numbers a quantity with its qualifier allows.

    >>> interval(300, "at_least")
    Interval(lo=300.0, hi=inf, lo_open=False, hi_open=False)
    >>> interval(100, "approximately")
    Interval(lo=90.0, hi=110.0, lo_open=False, hi_open=False)
    """
    v = float(value)
    q = qualifier or "exact"
    if q == "at_least":
        return Interval(v, math.inf)
    if q == "more_than":
        return Interval(v, math.inf, lo_open=True)
    if q == "at_most":
        return Interval(-math.inf, v)
    if q == "less_than":
        return Interval(-math.inf, v, hi_open=True)
    if q == "approximately":
        d = abs(v) * tolerance
        return Interval(v - d, v + d)
    return Interval(v, v)


def compare(value_a: float, qualifier_a: str | None, value_b: float, qualifier_b: str | None) -> str:
    """``"conflict"``, ``"refinement"`` or ``"consistent"`` (see the module docstring).

    >>> compare(40, "exact", 12, "exact")
    'conflict'
    >>> compare(5e9, "more_than", 6e9, "exact")
    'refinement'
    >>> compare(300, "at_least", 300, "exact")
    'consistent'
    """
    a, b = interval(value_a, qualifier_a), interval(value_b, qualifier_b)
    if not a.meets(b):
        return "conflict"
    if float(value_a) != float(value_b) and (a.within(b) or b.within(a)) and a != b:
        return "refinement"
    return "consistent"


# ------------------------------------------------------------------ data files

def _data_file(name: str) -> Path:
    override = os.environ.get("GEOKG_DATA")
    if override and (Path(override) / name).exists():
        return Path(override) / name
    return Path(str(resources.files("kg") / "data" / name))


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


@lru_cache(maxsize=4)
def _wires(path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    with open(path, encoding="utf-8", newline="") as f:
        return tuple((r["name"].strip(), tuple(_split(r.get("credits")) or [r["name"].strip()]))
                     for r in csv.DictReader(f) if (r.get("name") or "").strip())


def load_wires() -> dict[str, tuple[str, ...]]:
    """Wire service -> the names its credit takes in a text (``kg/data/wires.csv``)."""
    return dict(_wires(str(_data_file("wires.csv"))))


@lru_cache(maxsize=4)
def _reliability(path: str) -> tuple[tuple[str, str], ...]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f), 2):
            grade = (r.get("reliability") or "").strip().upper()
            if grade not in RELIABILITY:
                raise ValueError(f"{path}:{n}: reliability must be one of A-F, not {grade!r}")
            for name in [r["publisher"], *_split(r.get("aliases"))]:
                rows.append((publisher_key(name), grade))
    return tuple(rows)


def load_reliability() -> dict[str, str]:
    """Publisher key -> A..F from ``kg/data/reliability.csv`` (names and aliases)."""
    return dict(_reliability(str(_data_file("reliability.csv"))))


def publisher_key(name: str | None) -> str:
    """A publisher's name as compared: 'The Guardian' = 'theguardian.com' = 'guardian'.

    >>> publisher_key("www.BBC.co.uk"), publisher_key("The Guardian"), publisher_key("theguardian.com")
    ('bbc', 'guardian', 'guardian')
    """
    s = (name or "").casefold().strip()
    domain, host = re.subn(r"^(https?://|www\.)+", "", s)
    domain, web = re.subn(r"\.(com|org|net|co\.uk|co|news|info|ru|de|fr|in)(/.*)?$", "", domain)
    web += host
    s = re.sub(r"^the(?=[a-z])", "", domain) if web else re.sub(r"^the\s+", "", s)
    return re.sub(r"[^0-9a-z\u00c0-\uffff]+", "", s)


def reliability(publisher: str | None, table: dict[str, str] | None = None) -> str:
    """A..F for a publisher; F ("cannot be judged") when the table does not list it."""
    table = load_reliability() if table is None else table
    return table.get(publisher_key(publisher), "F") if publisher else "F"


# ------------------------------------------------------------------ wording and wire credits

def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def shingles(text: str, w: int = SHINGLE_WORDS) -> set[int]:
    """32-bit hashes of the text's runs of ``w`` words (case and punctuation ignored)."""
    words = _words(text)
    grams = [" ".join(words[i:i + w]) for i in range(max(1, len(words) - w + 1))] if words else []
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big") for g in grams}


@dataclass(frozen=True)
class Sketch:
    """A text's wording in brief: how many distinct shingles, and the ``k`` smallest hashes."""
    size: int
    mins: tuple[int, ...]


def sketch(text: str, k: int = SKETCH_SIZE, w: int = SHINGLE_WORDS) -> Sketch:
    """The bottom-``k`` MinHash sketch of the text's word ``w``-shingles."""
    sh = shingles(text, w)
    return Sketch(len(sh), tuple(sorted(sh)[:k]))


_SKETCH_TAG = f"bottom{SKETCH_SIZE}-w{SHINGLE_WORDS}"


def encode_sketch(sk: Sketch) -> str:
    """``"bottom128-w3 n=412 <base64>"``: the parameters, the size, the hashes."""
    return f"{_SKETCH_TAG} n={sk.size} " + base64.b64encode(b"".join(x.to_bytes(4, "big") for x in sk.mins)).decode()


def decode_sketch(text: str) -> Sketch | None:
    """The sketch back, or None if it was made with other parameters."""
    parts = text.split(" ")
    if len(parts) != 3 or parts[0] != _SKETCH_TAG or not parts[1].startswith("n="):
        return None
    mins = array("I", base64.b64decode(parts[2]))        # 4-byte words, written big-endian
    if mins.itemsize != 4:
        raw = mins.tobytes()
        return Sketch(int(parts[1][2:]), tuple(int.from_bytes(raw[i:i + 4], "big") for i in range(0, len(raw), 4)))
    if sys.byteorder == "little":
        mins.byteswap()
    return Sketch(int(parts[1][2:]), tuple(mins))


def jaccard(a: Sketch, b: Sketch, k: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of two texts' shingles (exact below ``k`` shingles)."""
    if not a.mins or not b.mins:
        return 0.0
    sa, sb = set(a.mins), set(b.mins)
    union = sorted(sa | sb)[:k]
    return sum(1 for x in union if x in sa and x in sb) / len(union)


def shared(a: Sketch, b: Sketch, k: int = SKETCH_SIZE) -> float:
    """Estimated number of shingles two texts share: J (|A| + |B|) / (1 + J)."""
    j = jaccard(a, b, k)
    return j * (a.size + b.size) / (1 + j) if j else 0.0


def similarity(a: Sketch, b: Sketch, k: int = SKETCH_SIZE) -> float:
    """Estimated overlap coefficient: shared shingles / the shorter text's shingles.

    Unlike Jaccard it stays high when a rewrite is cut short.

    >>> similarity(sketch("a b c d e f"), sketch("a b c d e f"))
    1.0
    """
    n = shared(a, b, k)
    return min(1.0, n / min(a.size, b.size)) if n else 0.0


def near_duplicates(a: Sketch, b: Sketch, threshold: float = NEAR_DUPLICATE, min_shared: int = MIN_SHARED) -> bool:
    """Whether two texts are one story reworded: overlap at least ``threshold`` and
    at least ``min_shared`` shared shingles."""
    return similarity(a, b) >= threshold and shared(a, b) >= min_shared - 1e-9


def wire_credits(text: str, authors=(), publisher: str | None = None,
                 wires: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The wire services the article credits, sorted.

    A credit is a wire's name in parentheses ("CARACAS (Reuters) -", "(AP) --",
    "(AFP/Getty)"), in a byline or author ("By The Associated Press"), after
    a copyright sign, or the publisher itself. A wire merely cited in the
    body ("told Reuters") is no credit.

    >>> wire_credits("Talks fail\\n\\nGENEVA (Reuters) - Talks failed.")
    ('Reuters',)
    """
    wires = load_wires() if wires is None else wires
    found = set()
    byline = "\n".join([*authors, *[ln for ln in text.splitlines()[:4] if ln.strip().lower().startswith("by ")]])
    pub = publisher_key(publisher)
    for wire, names in wires.items():
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        name = rf"(?<![\w-])(?:{alt})(?![\w-])"
        if (re.search(rf"\((?:[^()\n]{{0,40}}[/,;]\s*)?{name}(?:\s*[/,;][^()\n]{{0,40}})?\)", text)
                or re.search(name, byline) or re.search(rf"(?:©|\(c\)|[Cc]opyright)[^\n]{{0,30}}{name}", text)
                or pub and pub in {publisher_key(n) for n in (wire, *names)}):
            found.add(wire)
    return tuple(sorted(found))


def origin_groups(articles: list[dict], threshold: float = NEAR_DUPLICATE) -> dict[str, str]:
    """Article id -> origin id (the smallest id of its group).

    Each article is a dict with ``id`` and optionally ``publisher``,
    ``wires`` (credited wire names) and ``sketch``. Articles join when they
    share a publisher key, a wire (a publisher that is a wire counts as its
    credit), or sketches at least ``threshold`` similar; joins are transitive.

    >>> origin_groups([{"id": "a", "publisher": "Reuters"}, {"id": "b", "wires": ["Reuters"]},
    ...                {"id": "c", "publisher": "CNN"}])
    {'a': 'a', 'b': 'a', 'c': 'c'}
    """
    parent = {a["id"]: a["id"] for a in articles}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x, y):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    wires = load_wires()
    wire_of = {publisher_key(n): w for w, names in wires.items() for n in (w, *names)}
    by_key: dict[str, str] = {}
    for a in articles:
        keys = {"wire:" + w for w in a.get("wires") or ()}
        pk = publisher_key(a.get("publisher"))
        if pk:
            keys.add("wire:" + wire_of[pk] if pk in wire_of else "pub:" + pk)
        for key in keys:
            if key in by_key:
                union(by_key[key], a["id"])
            else:
                by_key[key] = a["id"]
    # near duplicates: candidate pairs share a sketch value (an inverted index), then estimate
    index: dict[int, list[str]] = defaultdict(list)
    sketches = {a["id"]: a["sketch"] for a in articles if a.get("sketch")}
    for aid, sk in sketches.items():
        for x in sk.mins:
            index[x].append(aid)
    # the groups are the joins' connected components (each named by its smallest id), whatever
    # order the pairs are tried in: a bucket whose articles are all joined already is skipped,
    # and a pair found apart is not estimated twice (10,000 generated articles: 2 s, not 16)
    apart = set()
    for ids in index.values():
        if not 1 < len(ids) <= 200 or len({find(x) for x in ids}) == 1:
            continue
        for x, y in combinations(sorted(ids), 2):
            if find(x) != find(y) and (x, y) not in apart:
                if near_duplicates(sketches[x], sketches[y], threshold):
                    union(x, y)
                else:
                    apart.add((x, y))
    return {a["id"]: find(a["id"]) for a in articles}


# ------------------------------------------------------------------ reconciling readings

@dataclass(frozen=True)
class Reading:
    """One source's reading of a statement: what the grades and comparisons need."""
    source: str
    statement: str
    article: str
    status: str = "reported"
    claimant: str | None = None
    fact: tuple = ()                 # predicate and participants: the same fact, whatever the value
    value: float | None = None
    qualifier: str | None = None
    unit: str | None = None


def _units_match(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def compare_readings(readings: list[Reading], skip=frozenset()) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Pairs of sources that conflict, and (narrower, broader) pairs that refine.

    Only readings of the same fact with a value and compatible units are
    compared, each pair once; two readings in one article are compared only
    when their claimants differ (a claim and the other side's figure), so an
    article never conflicts with itself. A fact whose readings come from more
    than ``MAX_COMPARED`` sources is not compared at all, nor are the facts in
    ``skip`` (known to be, though only some of their readings are given).
    """
    groups: dict[tuple, list[Reading]] = defaultdict(list)
    for r in readings:
        if r.value is not None and r.fact:
            groups[r.fact].append(r)
    conflicts, refinements = [], []
    for fact, group in groups.items():
        if fact in skip or len({r.source for r in group}) > MAX_COMPARED:
            continue
        group.sort(key=lambda r: r.source)
        for a, b in combinations(group, 2):
            if a.source == b.source or not _units_match(a.unit, b.unit):
                continue
            if a.article == b.article and a.claimant == b.claimant:
                continue
            kind = compare(a.value, a.qualifier, b.value, b.qualifier)
            if kind == "conflict":
                conflicts.append((a.source, b.source))
            elif kind == "refinement":
                ia, ib = interval(a.value, a.qualifier), interval(b.value, b.qualifier)
                refinements.append((a.source, b.source) if ia.within(ib) else (b.source, a.source))
    return sorted(conflicts), sorted(refinements)


def credibility(support: set, doubt: set, statuses=()) -> int:
    """The Admiralty credibility grade 1-6 from the origins that support and doubt a statement.

    ``statuses`` are the statuses of its own supporting sources (a single
    origin stating it as fact grades 2, as a party's claim 3).

    >>> credibility({"reuters", "cnn"}, set()), credibility({"cnn"}, {"tass", "rt"})
    (1, 5)
    """
    if len(doubt) > len(support):
        return 5
    if doubt:
        return 4
    if len(support) >= 2:
        return 1
    if support:
        return 2 if set(statuses) & {"reported", "confirmed"} else 3
    return 6


@dataclass
class Grades:
    """What :func:`grade_statements` finds: per statement, per source pair."""
    origins: dict[str, set] = field(default_factory=dict)        # statement -> origins of its sources
    support: dict[str, set] = field(default_factory=dict)
    doubt: dict[str, set] = field(default_factory=dict)
    credibility: dict[str, int] = field(default_factory=dict)
    conflicts: list = field(default_factory=list)
    refinements: list = field(default_factory=list)


def grade_statements(readings: list[Reading], origin_of: dict[str, str], skip=frozenset()) -> Grades:
    """Origins, support, doubt and the credibility grade of every statement.

    ``origin_of`` maps each reading's ``article`` to its origin; the facts in ``skip``
    are not compared (see :func:`compare_readings`).
    """
    g = Grades()
    by_source = {r.source: r for r in readings}
    statuses: dict[str, set] = defaultdict(set)
    for r in readings:
        o = origin_of.get(r.article, r.article)
        g.origins.setdefault(r.statement, set()).add(o)
        g.support.setdefault(r.statement, set())
        g.doubt.setdefault(r.statement, set())
        if r.status in SUPPORTING:
            g.support[r.statement].add(o)
            statuses[r.statement].add(r.status)
        elif r.status in DOUBTING:
            g.doubt[r.statement].add(o)
    g.conflicts, g.refinements = compare_readings(readings, skip)
    for a, b in g.conflicts:
        ra, rb = by_source[a], by_source[b]
        g.doubt[ra.statement].add(origin_of.get(rb.article, rb.article))
        g.doubt[rb.statement].add(origin_of.get(ra.article, ra.article))
    for narrow, broad in g.refinements:
        rn, rb = by_source[narrow], by_source[broad]
        if rn.status in SUPPORTING:
            g.support[rb.statement].add(origin_of.get(rn.article, rn.article))
    for st in g.origins:
        g.credibility[st] = credibility(g.support[st], g.doubt[st], statuses[st])
    return g


# ------------------------------------------------------------------ the store

# the articles, and their wire credits apart (one query grouping both: twice the time)
_ARTICLES = """
SELECT ?article ?name ?publisher ?fingerprint WHERE {
  ?article a schema:NewsArticle ; kg:sourceFile ?name .
  OPTIONAL { ?article schema:publisher ?publisher }
  OPTIONAL { ?article kg:fingerprint ?fingerprint }
}"""
_WIRES = "SELECT ?article ?wire WHERE { ?article kg:wireCredit ?wire }"     # looked up by article
# ... the rows of _ARTICLES, from a query per property joined in Python (10,000 articles: 0.6 s,
# against 1.0 s for _ARTICLES itself)
_ARTICLE_IRIS = "SELECT ?article WHERE { ?article a schema:NewsArticle }"
_ARTICLE_VALUES = {"name": "SELECT ?article ?v WHERE { ?article kg:sourceFile ?v }",
                   "publisher": "SELECT ?article ?v WHERE { ?article schema:publisher ?v }",
                   "fingerprint": "SELECT ?article ?v WHERE { ?article kg:fingerprint ?v }"}


def _article_rows(store) -> list[dict]:
    """What ``_ARTICLES`` gives (a row per article, name, publisher or None, fingerprint or None)."""
    articles = {r["article"] for r in store.query(_ARTICLE_IRIS).rows}
    values: dict[str, dict] = {}
    for key, sparql in _ARTICLE_VALUES.items():
        values[key] = defaultdict(list)
        for r in store.query(sparql).rows:
            if r["article"] in articles:
                values[key][r["article"]].append(r["v"])
    return [{"article": a, "name": n, "publisher": p, "fingerprint": f} for a in articles
            for n in values["name"].get(a, ()) for p in values["publisher"].get(a) or [None]
            for f in values["fingerprint"].get(a) or [None]]

_READINGS = """
SELECT ?source ?statement ?article ?status ?claimant ?p ?s ?o ?loc ?tgt ?rec ?value ?unit ?qualifier WHERE {
  ?source kg:supports ?statement ; prov:wasQuotedFrom ?article ; kg:status ?st_iri .
  BIND(LCASE(STRAFTER(STR(?st_iri), STR(kg:))) AS ?status)
  ?statement kg:predicate ?p .
  OPTIONAL { ?source kg:claimant ?claimant }
  OPTIONAL { ?source kg:qualifier/skos:notation ?qualifier }
  OPTIONAL { ?statement kg:subject ?s } OPTIONAL { ?statement kg:object ?o }
  OPTIONAL { ?statement kg:location ?loc } OPTIONAL { ?statement kg:target ?tgt }
  OPTIONAL { ?statement kg:recipient ?rec }
  OPTIONAL { ?statement kg:quantity ?q . ?q schema:value ?value . OPTIONAL { ?q schema:unitText ?unit } }
} ORDER BY ?source"""

# The readings of some statements, in two queries joined here: with the statements bound by a
# VALUES block, Oxigraph answers these two in a tenth of the time of _READINGS so bound
# (0.4 s against 3.8 s for 2,000 statements of the store of 1,000 articles).
_SOURCES_OF = """
SELECT ?source ?statement ?article ?st_iri ?claimant ?qualifier WHERE { VALUES ?statement { %s }
  ?source kg:supports ?statement ; prov:wasQuotedFrom ?article ; kg:status ?st_iri .
  OPTIONAL { ?source kg:claimant ?claimant }
  OPTIONAL { ?source kg:qualifier/skos:notation ?qualifier }
}"""

_FACTS_OF = """
SELECT ?statement ?p ?s ?o ?loc ?tgt ?rec ?value ?unit WHERE { VALUES ?statement { %s }
  ?statement kg:predicate ?p .
  OPTIONAL { ?statement kg:subject ?s } OPTIONAL { ?statement kg:object ?o }
  OPTIONAL { ?statement kg:location ?loc } OPTIONAL { ?statement kg:target ?tgt }
  OPTIONAL { ?statement kg:recipient ?rec }
  OPTIONAL { ?statement kg:quantity ?q . ?q schema:value ?value . OPTIONAL { ?q schema:unitText ?unit } }
}"""

# Every statement; and those with a figure, with their fact (only those are compared)
_ALL_STATEMENTS = "SELECT ?statement WHERE { ?statement a kg:Statement }"
_ALL_FACTS = """
SELECT ?statement ?p ?s ?o ?loc ?tgt ?rec WHERE {
  ?statement kg:quantity ?q ; kg:predicate ?p .
  OPTIONAL { ?statement kg:subject ?s } OPTIONAL { ?statement kg:object ?o }
  OPTIONAL { ?statement kg:location ?loc } OPTIONAL { ?statement kg:target ?tgt }
  OPTIONAL { ?statement kg:recipient ?rec }
}"""

# Statements with a figure that may share a fact with others: same predicate and subject ...
_SAME_SUBJECT = """
SELECT ?statement ?p ?s ?o ?loc ?tgt ?rec WHERE { VALUES (?p ?s) { %s }
  ?statement kg:subject ?s ; kg:predicate ?p ; kg:quantity ?q .
  OPTIONAL { ?statement kg:object ?o } OPTIONAL { ?statement kg:location ?loc }
  OPTIONAL { ?statement kg:target ?tgt } OPTIONAL { ?statement kg:recipient ?rec }
}"""

# ... or the same predicate and no subject
_NO_SUBJECT = """
SELECT ?statement ?p ?o ?loc ?tgt ?rec WHERE { VALUES ?p { %s }
  ?statement kg:predicate ?p ; kg:quantity ?q .
  FILTER NOT EXISTS { ?statement kg:subject ?any }
  OPTIONAL { ?statement kg:object ?o } OPTIONAL { ?statement kg:location ?loc }
  OPTIONAL { ?statement kg:target ?tgt } OPTIONAL { ?statement kg:recipient ?rec }
}"""

_STATEMENTS_OF_ARTICLES = """
SELECT DISTINCT ?statement WHERE { VALUES ?article { %s }
  ?source prov:wasQuotedFrom ?article ; kg:supports ?statement }"""

_ORIGINS_NOW = "SELECT ?article ?origin WHERE { ?article kg:origin ?origin }"
_ORIGIN_NODES = "SELECT DISTINCT ?origin WHERE { ?origin a kg:Origin }"

#: Statements assessed together: one query each for their sources and their facts, one write.
BATCH = 2000


def _origin_label(members: list[dict]) -> str:
    for key in ("wires", "publisher"):
        for m in members:
            v = m.get(key)
            if v:
                return v[0] if isinstance(v, (list, tuple)) else v
    return members[0]["name"]


def assessor_id(threshold: float = NEAR_DUPLICATE) -> str:
    """Name and version of the assessment: a digest of this module and the threshold.

    Recorded in the assessment graph (``prov:wasGeneratedBy`` a ``kg:assessor-...``), so a
    build after the rules here changed assesses every statement again, not only those of
    the articles it added.
    """
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(repr(float(threshold)).encode())
    return "geokg.corroborate-" + h.hexdigest()[:8]


def _iri_list(iris) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _chunks(items: list, n: int = BATCH):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _fact(r: dict) -> tuple:
    return (r["p"], r.get("s"), r.get("o"), r.get("loc"), r.get("tgt"), r.get("rec"))


def _articles_part(store, threshold: float):
    """Every article's origin and reliability, the origins, and the assessor: ``(origin_of, quads)``.

    ``origin_of`` maps each article IRI to the root of its origin group (see
    :func:`origin_groups`); computed from all articles (their publisher, wire credits and
    fingerprint: 0.4 s to read for 1,000 articles, 0.6 s for 10,000).
    """
    from rdflib import RDF, RDFS, Literal, URIRef

    from . import config
    from .rdf import KG, PROV, RELIABILITY_IRIS

    graph = URIRef(config.ASSESSMENT_GRAPH)
    arts = []
    wires: dict[str, set] = defaultdict(set)
    for r in store.query(_WIRES).rows:
        wires[r["article"]].add(r["wire"])
    rows = _article_rows(store)
    rows.sort(key=lambda r: tuple(str(r.get(k) or "") for k in ("article", "name", "publisher", "fingerprint")))
    for r in rows:
        sk = decode_sketch(r["fingerprint"]) if r.get("fingerprint") else None
        arts.append({"id": r["article"], "name": r["name"], "publisher": r.get("publisher"),
                     "wires": sorted(wires.get(r["article"], ())), "sketch": sk})
    origin_of = origin_groups(arts, threshold)
    members: dict[str, list] = defaultdict(list)
    table = load_reliability()
    quads = []
    for a in arts:
        members[origin_of[a["id"]]].append(a)
        quads.append((URIRef(a["id"]), KG.reliability, RELIABILITY_IRIS[reliability(a["publisher"], table)], graph))
    for root, ms in sorted(members.items()):
        o = _origin_iri(root)
        quads += [(o, RDF.type, KG.Origin, graph), (o, RDFS.label, Literal(_origin_label(ms)), graph)]
        quads += [(URIRef(m["id"]), KG.origin, o, graph) for m in ms]
    agent = KG["assessor-" + assessor_id(threshold).rsplit("-", 1)[1]]
    quads += [(graph, PROV.wasGeneratedBy, agent, graph), (agent, RDF.type, PROV.SoftwareAgent, graph),
              (agent, RDFS.label, Literal(assessor_id(threshold)), graph)]
    return origin_of, quads


def _origin_iri(root: str):
    from rdflib import URIRef

    from . import config
    return URIRef(config.BASE + "origin/" + hashlib.sha1(root.encode()).hexdigest()[:12])


def _statement_quads(readings: list[Reading], origin_of: dict[str, str], skip=frozenset()):
    """The assessment of the statements read: origins and grade of each, the conflicts and
    refinements among their sources (``skip``: facts not compared)."""
    from rdflib import XSD, Literal, URIRef

    from . import config
    from .rdf import CREDIBILITY_IRIS, KG

    graph = URIRef(config.ASSESSMENT_GRAPH)
    g = grade_statements(readings, origin_of, skip)
    for st in sorted(g.origins):
        yield URIRef(st), KG.origins, Literal(len(g.origins[st]), datatype=XSD.integer), graph
        yield URIRef(st), KG.credibility, CREDIBILITY_IRIS[g.credibility[st]], graph
    for a, b in g.conflicts:
        yield URIRef(a), KG.conflictsWith, URIRef(b), graph
    for a, b in g.refinements:
        yield URIRef(a), KG.refines, URIRef(b), graph


def assessment_quads(store, threshold: float = NEAR_DUPLICATE):
    """The assessment of the store's articles and statements, as rdflib quads, from all of them at once.

    Article: ``kg:origin`` (a ``kg:Origin``), ``kg:reliability`` (A-F).
    Statement: ``kg:origins`` (how many independent origins), ``kg:credibility`` (1-6).
    Source: ``kg:conflictsWith``, ``kg:refines`` another source.
    The graph: ``prov:wasGeneratedBy`` the assessor (:func:`assessor_id`).

    :func:`assess` writes the same, a batch of statements at a time.
    """
    origin_of, quads = _articles_part(store, threshold)
    yield from quads
    readings = []
    for r in store.query(_READINGS).rows:
        readings.append(Reading(source=r["source"], statement=r["statement"], article=r["article"],
                                status=r["status"], claimant=r.get("claimant"), fact=_fact(r),
                                value=r.get("value"), qualifier=r.get("qualifier"), unit=r.get("unit")))
    yield from _statement_quads(readings, origin_of)


@dataclass
class Changes:
    """What a build changed, so that :func:`assess` redoes only that.

    ``articles``: the article IRIs written (added or extracted again); ``statements``: the
    statements their graphs support, the graphs removed included; ``sources``: the sources
    of the graphs removed (an article extracted again).
    """
    articles: set = field(default_factory=set)
    statements: set = field(default_factory=set)
    sources: set = field(default_factory=set)
    facts: set = field(default_factory=set)        # the facts with a figure of the graphs removed

    def note_removal(self, store, graph: str) -> None:
        """Note what an article's graph supports, before it is removed: its statements, their
        facts (once it is gone the store may no longer say what a statement stated, and the
        statements sharing the fact must be assessed again) and its sources."""
        for r in store.query(_SUPPORTED_IN.format(graph)).rows:
            self.sources.add(r["source"])
            self.statements.add(r["statement"])
            if r.get("q") is not None:
                self.facts.add(_fact(r))

    def note_quads(self, graph: str, quads) -> None:
        """Note an article's graph about to be written: the article and the statements it supports."""
        from .rdf import KG
        self.articles.add(str(graph))
        self.statements.update(str(o) for _, p, o, _ in quads if p == KG.supports)


# read in the union: the embedded store keeps an article's sources there alone (``kg.store``)
_SUPPORTED_IN = """
SELECT ?source ?statement ?p ?s ?o ?loc ?tgt ?rec ?q WHERE {{
  ?source prov:wasQuotedFrom <{}> ; kg:supports ?statement . ?statement kg:predicate ?p .
  OPTIONAL {{ ?statement kg:quantity ?q }}
  OPTIONAL {{ ?statement kg:subject ?s }} OPTIONAL {{ ?statement kg:object ?o }}
  OPTIONAL {{ ?statement kg:location ?loc }} OPTIONAL {{ ?statement kg:target ?tgt }}
  OPTIONAL {{ ?statement kg:recipient ?rec }} }}"""


@dataclass
class Assessment:
    """What :func:`assess` did: whether it assessed every statement (``full``), how many
    statements it assessed, and how many triples of the assessment graph it added and removed."""
    full: bool = True
    statements: int = 0
    added: int = 0
    removed: int = 0


def _status(iri: str) -> str:
    """``LCASE(STRAFTER(STR(?st_iri), STR(kg:)))``, as ``_READINGS`` has it (in the query: 40% of its time)."""
    from . import config
    return iri[len(config.ONTOLOGY):].lower() if iri.startswith(config.ONTOLOGY) else ""


def _readings_of(store, statements: list[str]) -> list[Reading]:
    """Every reading (source) of the statements, as ``_READINGS`` gives them."""
    if not statements:
        return []
    facts: dict[str, list[dict]] = defaultdict(list)
    for r in store.query(_FACTS_OF % _iri_list(statements)).rows:
        facts[r["statement"]].append(r)
    out = []
    for r in store.query(_SOURCES_OF % _iri_list(statements)).rows:
        for f in facts.get(r["statement"], ()):
            out.append(Reading(source=r["source"], statement=r["statement"], article=r["article"],
                               status=_status(r["st_iri"]), claimant=r.get("claimant"), fact=_fact(f),
                               value=f.get("value"), qualifier=r.get("qualifier"), unit=f.get("unit")))
    return out


def _current(store, threshold: float) -> bool:
    """Whether the store's assessment was made by this assessor."""
    from . import config
    agent = config.ONTOLOGY + "assessor-" + assessor_id(threshold).rsplit("-", 1)[1]
    return bool(store.query(f"ASK {{ <{config.ASSESSMENT_GRAPH}> prov:wasGeneratedBy <{agent}> }}").boolean)


def _regrouped(before: dict[str, str], origin_of: dict[str, str]) -> set[str]:
    """Articles (of ``before``: article -> origin) that now share an origin with other articles
    than before: groups merged, or split. An article that joins a group changes no other's."""
    olds: dict[str, set] = defaultdict(set)        # new root -> old origins of its old members
    news: dict[str, set] = defaultdict(set)        # old origin -> new roots of its members
    for a, o in before.items():
        if a in origin_of:
            olds[origin_of[a]].add(o)
            news[o].add(origin_of[a])
    return {a for a, o in before.items() if a in origin_of and (len(news[o]) > 1 or len(olds[origin_of[a]]) > 1)}


def _fact_groups(store, statements: set[str], known: set = frozenset()) -> tuple[list[list[str]], set]:
    """The statements, and every statement that shares a fact (with a figure) with one of
    them or is one of the ``known`` facts, in groups that :func:`compare_readings` compares
    together: one fact each, or one statement without a figure; and the facts not compared.

    A fact with more than ``MAX_COMPARED`` statements besides those given had more sources
    than that before and has now: it is compared neither time, so the others keep their
    grades and only the statements given are in its group (the 5,900 statements of
    "More than N soldiers have been sent to the border" at 10,000 generated articles).
    Each fact's statements are read in a query of its own that stops past that limit
    (:data:`_SAME_FACT`; up to :data:`FACTS_ONE_BY_ONE` facts, else in a few wide queries).
    """
    facts: dict[str, tuple] = {}
    for chunk in _chunks(sorted(statements)):
        for r in store.query(_FACTS_OF % _iri_list(chunk)).rows:
            if r.get("value") is not None:
                facts[r["statement"]] = _fact(r)
    keys = set(facts.values()) | set(known)
    given: dict[tuple, int] = defaultdict(int)
    for k in facts.values():
        given[k] += 1
    if len(keys) <= FACTS_ONE_BY_ONE:
        for k in keys:
            limit = MAX_COMPARED + given[k] + 1
            found = _same_fact(store, k, limit)
            if len(found) >= limit and sum(1 for st in found if st not in statements) <= MAX_COMPARED:
                found = _same_fact(store, k, None)      # cut short, yet not known to be over: all of them
            for st in found:
                facts[st] = k
    else:
        with_subject = sorted({(k[0], k[1]) for k in keys if k[1] is not None})
        without = sorted({k[0] for k in keys if k[1] is None})
        for chunk in _chunks(with_subject, 500):
            values = " ".join(f"(<{p}> <{s}>)" for p, s in chunk)
            for r in store.query(_SAME_SUBJECT % values).rows:
                if _fact(r) in keys:
                    facts[r["statement"]] = _fact(r)
        if without:
            for r in store.query(_NO_SUBJECT % _iri_list(without)).rows:
                if _fact(r) in keys:
                    facts[r["statement"]] = _fact(r)
    groups: dict[tuple, list] = defaultdict(list)
    for st, k in facts.items():
        groups[k].append(st)
    skip = set()
    for k, g in list(groups.items()):
        if sum(1 for st in g if st not in statements) > MAX_COMPARED:
            skip.add(k)
            groups[k] = [st for st in g if st in statements]
    alone = sorted(set(statements) - set(facts))
    return sorted((sorted(g) for g in groups.values() if g), key=lambda g: g[0]) + [[st] for st in alone], skip


#: Up to this many facts, :func:`_fact_groups` reads each fact's statements in a query of its own.
FACTS_ONE_BY_ONE = 1000
_ROLES = ("kg:subject", "kg:object", "kg:location", "kg:target", "kg:recipient")


def _same_fact(store, fact: tuple, limit: int | None) -> list[str]:
    """The statements with a figure (``kg:quantity``) of one fact (``_fact``: predicate and
    roles, None for a role it lacks), at most ``limit``: what ``_SAME_SUBJECT`` and
    ``_NO_SUBJECT`` give of it, without reading every statement of a fact told thousands of
    times. The first role it has comes first (Oxigraph joins in the order written: 0.3 ms,
    against 100 ms starting from the predicate)."""
    p, roles = fact[0], fact[1:]
    has = [f"{r} <{v}>" for r, v in zip(_ROLES, roles) if v is not None]
    lacks = " ".join(f"FILTER NOT EXISTS {{ ?statement {r} ?no{i} }}" for i, (r, v) in enumerate(zip(_ROLES, roles))
                     if v is None)
    pattern = " ; ".join(has + [f"kg:predicate <{p}>", "kg:quantity ?q"])
    cut = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = store.query(f"SELECT DISTINCT ?statement WHERE {{ ?statement {pattern} . {lacks} }}{cut}").rows
    return [r["statement"] for r in rows]


# What the assessment graph says about an article or an origin, and about a statement or a
# source: the predicates only it holds (the articles' graphs never say them), so the union gives
# exactly the assessment graph's triples about those subjects.
_ABOUT_ARTICLES = """
SELECT ?s ?p ?o WHERE { { ?s kg:reliability ?o BIND(kg:reliability AS ?p) } UNION { ?s a kg:Origin ; ?p ?o } }"""
# (the predicates in a FILTER: as a second VALUES block, Oxigraph takes 200 times as long)
_ABOUT_STATEMENTS = """
SELECT ?s ?p ?o WHERE { VALUES ?s { %s } ?s ?p ?o
  FILTER(?p IN (kg:origins, kg:credibility, kg:conflictsWith, kg:refines)) }"""


def _differing(store, quads: list, subjects: set, about: str, known=()) -> set:
    """The IRIs of the subjects (rdflib terms or IRIs) whose triples in ``quads`` differ from those the
    assessment graph holds about them (read by ``about``, a query of ``?s ?p ?o``, with
    ``%s`` for the subjects' IRIs if it has one, and ``known``: more of them, as
    ``(subject, predicate, object IRI)``): the only ones :func:`assess` writes."""
    from rdflib import URIRef
    now: dict[str, set] = defaultdict(set)
    for s, p, o in known:
        now[s].add((p, o, "NamedNode"))
    queries = [about % _iri_list(c) for c in _chunks(sorted(str(x) for x in subjects))] if "%s" in about else [about]
    for q in queries:
        res = store.query(q)
        for s, p, o in res.raw:
            now[s.value].add((p.value, o.value, type(o).__name__))
    new: dict[str, set] = defaultdict(set)
    for s, p, o, _ in quads:
        new[str(s)].add((str(p), str(o), "NamedNode" if isinstance(o, URIRef) else "Literal"))
    return {str(x) for x in subjects if new.get(str(x), set()) != now.get(str(x), set())}


def _batches(groups: list[list[str]], size: int = BATCH):
    """Fact groups packed into batches of about ``size`` statements (a group is never split)."""
    batch: list[str] = []
    for g in groups:
        batch += g
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def assess(store, threshold: float = NEAR_DUPLICATE, changes: Changes | None = None,
           before_writing=None) -> Assessment:
    """Write the assessment graph of the store: what :func:`assessment_quads` gives, in place
    of what the graph held.

    Without ``changes``, every statement is assessed, :data:`BATCH` statements (whole fact
    groups) at a time, each batch written as it is graded, so memory does not grow with
    the store. With ``changes`` (what a build wrote, :class:`Changes`), only the statements
    whose assessment can differ: those the changed articles support (before and after),
    those read by articles whose origin group merged with another or split, and the
    statements sharing a fact with a figure with any of these; the articles' origins
    and reliability are always redone, from every article (cheap). The result is the same
    as assessing everything; a store whose assessment was made by other rules (another
    :func:`assessor_id`) or misses an article is assessed whole instead.

    A store without ``replace_about`` (a SPARQL server) gets the whole graph replaced at once.
    ``before_writing``, a function, is called once before the first write (``kg build`` counts
    the union meanwhile, reading while the assessment reads).
    """
    from . import config
    graph = config.ASSESSMENT_GRAPH
    if not hasattr(store, "replace_about"):
        quads = list(assessment_quads(store, threshold))
        if before_writing is not None:
            before_writing()
        store.replace_graph(graph, quads)
        return Assessment(True, sum(1 for q in quads if str(q[1]).endswith("#credibility")), len(quads), 0)
    origins_now = store.query(_ORIGINS_NOW).rows
    before = {r["article"]: r["origin"] for r in origins_now}
    old_origins = [r["origin"] for r in store.query(_ORIGIN_NODES).rows]
    origin_of, quads = _articles_part(store, threshold)
    full = (changes is None or not _current(store, threshold)
            or any(a not in before and a not in changes.articles for a in origin_of))
    done = Assessment(full)
    subjects = set(origin_of) | set(old_origins) | {q[0] for q in quads}
    # only what differs from what the graph says is written: every article is read, few change
    # (10,000 articles: replace_about of all of them 1.8 s, of those that changed 0.01)
    from .rdf import KG
    # kg:origin as read before (the articles' origins)
    written = {str(x) for x in subjects} if full else _differing(
        store, quads, subjects, _ABOUT_ARTICLES, [(r["article"], str(KG.origin), r["origin"]) for r in origins_now])
    if before_writing is not None:
        before_writing()
    added, removed = store.replace_about(graph, written, [q for q in quads if str(q[0]) in written])
    done.added, done.removed = added, removed
    if full:
        facts = {r["statement"]: _fact(r) for r in store.query(_ALL_FACTS).rows}
        groups: dict[tuple, list] = defaultdict(list)
        for st, k in facts.items():
            groups[k].append(st)
        fact_groups = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
        fact_groups += [[r["statement"]] for r in store.query(_ALL_STATEMENTS).rows if r["statement"] not in facts]
        skip: set = set()
    else:
        todo = set(changes.statements)
        moved = sorted(_regrouped(before, origin_of))
        for chunk in _chunks(moved, 500):
            todo.update(r["statement"] for r in store.query(_STATEMENTS_OF_ARTICLES % _iri_list(chunk)).rows)
        fact_groups, skip = _fact_groups(store, todo, changes.facts)
    covered = set(subjects)
    for batch in _batches(fact_groups):
        readings = _readings_of(store, batch)
        batch_subjects = set(batch) | {r.source for r in readings}
        covered |= batch_subjects
        quads = list(_statement_quads(readings, origin_of, skip))
        if not full:      # only the sources with a figure can conflict or refine, before and after
            written = _differing(store, quads, set(batch) | {r.source for r in readings if r.value is not None},
                                 _ABOUT_STATEMENTS)
            batch_subjects = {s for s in batch_subjects if s in written}
            quads = [q for q in quads if str(q[0]) in written]
        a, r = store.replace_about(graph, batch_subjects, quads)
        done.statements += len(batch)
        done.added += a
        done.removed += r
    if full:       # what the graph says about anything no longer there (or by another assessor)
        stale = {str(q.subject.value) for q in store.graph_quads(graph)} - {str(s) for s in covered}
    else:
        stale = set(changes.sources) - covered
    if stale:
        a, r = store.replace_about(graph, sorted(stale), [])
        done.removed += r
    return done
