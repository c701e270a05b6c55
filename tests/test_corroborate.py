"""Tests for kg.corroborate: intervals, independent origins, Admiralty grades, and the assessment of a build.

Every article here is invented for the test.
"""
from __future__ import annotations

import json
import math

import pytest

import kg
from kg import corroborate as C
from kg.corroborate import Reading, compare, credibility, interval, origin_groups

from conftest import write_article

# ------------------------------------------------------------------ intervals


@pytest.mark.parametrize("qualifier,lo,hi,lo_open,hi_open", [
    ("exact", 5000, 5000, False, False), (None, 5000, 5000, False, False),
    ("at_least", 5000, math.inf, False, False), ("more_than", 5000, math.inf, True, False),
    ("at_most", -math.inf, 5000, False, False), ("less_than", -math.inf, 5000, False, True),
    ("approximately", 4500, 5500, False, False)])
def test_interval_per_qualifier(qualifier, lo, hi, lo_open, hi_open):
    assert interval(5000, qualifier) == C.Interval(lo, hi, lo_open, hi_open)


@pytest.mark.parametrize("a,b,expected", [
    ((40, "exact"), (12, "exact"), "conflict"),                 # one side 40, the other 12
    ((5e9, "more_than"), (6e9, "exact"), "refinement"),        # more than $5 billion / $6 billion
    ((6e9, "exact"), (5e9, "more_than"), "refinement"),
    ((5000, "at_least"), (5000, "exact"), "consistent"),       # no less than 5,000 / 5,000
    ((5000, "exact"), (5000, "exact"), "consistent"),
    ((5000, "more_than"), (5000, "exact"), "conflict"),        # an open bound excludes the figure
    ((5000, "at_most"), (5000, "at_least"), "consistent"),     # they meet in 5000
    ((5000, "less_than"), (5000, "more_than"), "conflict"),
    ((100, "approximately"), (109, "exact"), "refinement"),    # within +-10%
    ((100, "approximately"), (111, "exact"), "conflict"),
    ((100, "approximately"), (105, "approximately"), "consistent"),
    ((10, "at_least"), (20, "at_least"), "refinement"),
])
def test_compare(a, b, expected):
    assert compare(*a, *b) == expected
    assert compare(*b, *a) == expected


def _r(source, article, value, qualifier="exact", claimant=None, status="claimed", statement=None, unit="soldiers",
       fact=("kills", "rebels", "soldiers")):
    return Reading(source=source, statement=statement or f"st-{value}", article=article, status=status,
                   claimant=claimant, fact=fact, value=value, qualifier=qualifier, unit=unit)


def test_compare_readings_pairs_once_and_never_an_article_with_itself():
    readings = [_r("s1", "a", 40, claimant="rebels"), _r("s2", "a", 12, claimant="army"),
                _r("s3", "b", 40), _r("s4", "b", 40, "at_least"),
                _r("s5", "a", 41, claimant="rebels"),                # the same claimant twice in one article
                _r("s6", "c", 12, unit="USD"), _r("s7", "c", 99, fact=("kills", "army", "rebels"))]
    conflicts, refinements = C.compare_readings(readings)
    assert ("s1", "s2") in conflicts and ("s2", "s3") in conflicts
    assert ("s1", "s5") not in conflicts                       # one article, one claimant
    assert ("s3", "s4") not in conflicts                       # 40 and at least 40 meet
    assert not any("s6" in p for p in conflicts)               # soldiers and USD are not compared
    assert not any("s7" in p for p in conflicts)               # another fact
    assert len(conflicts) == len(set(conflicts))
    assert all(a < b for a, b in conflicts)
    assert ("s5", "s4") in refinements                         # 41 lies inside "at least 40"
    assert not any("s3" in p for p in refinements)             # 40 and at least 40: consistent


# ------------------------------------------------------------------ grades


@pytest.mark.parametrize("support,doubt,statuses,grade", [
    ({"reuters", "ap"}, set(), {"reported"}, 1),
    ({"reuters"}, set(), {"reported"}, 2),
    ({"reuters"}, set(), {"confirmed"}, 2),
    ({"reuters"}, set(), {"claimed"}, 3),
    ({"reuters", "ap"}, {"tass"}, {"reported"}, 4),
    ({"reuters"}, {"tass", "rt"}, {"claimed"}, 5),
    (set(), set(), set(), 6),
    (set(), {"tass"}, set(), 5),
])
def test_credibility_rules(support, doubt, statuses, grade):
    assert credibility(support, doubt, statuses) == grade


def test_grades_from_readings():
    readings = [
        _r("s1", "a", 40, claimant="rebels", statement="k40"), _r("s2", "a", 12, claimant="army", statement="k12"),
        _r("s3", "b", 6e9, statement="six", status="reported", fact=("sells", "x", "y"), unit="USD"),
        _r("s4", "c", 5e9, "more_than", statement="five", fact=("sells", "x", "y"), unit="USD"),
        Reading("s5", "told", "d", status="reported", fact=("meets", "x", "y")),
        Reading("s6", "told", "e", status="reported", fact=("meets", "x", "y")),
        Reading("s7", "told", "f", status="reported", fact=("meets", "x", "y")),
        Reading("s8", "doubt", "g", status="unverified", fact=("meets", "x", "z")),
        Reading("s9", "denied", "g", status="denied", fact=("meets", "z", "y")),
        Reading("s10", "denied", "h", status="reported", fact=("meets", "z", "y"))]
    origin = {"a": "a", "b": "b", "c": "c", "d": "d", "e": "d", "f": "f", "g": "g", "h": "h"}
    g = C.grade_statements(readings, origin)
    assert g.credibility["k40"] == g.credibility["k12"] == 4      # a claim and the other side's figure
    assert g.credibility["five"] == 1      # more than $5 bn, supported by the $6 bn report of another origin
    assert g.credibility["six"] == 2
    assert g.origins["told"] == {"d", "f"} and g.credibility["told"] == 1   # three articles, two origins
    assert g.credibility["doubt"] == 6
    assert g.credibility["denied"] == 4


def test_reliability_table(tmp_path, monkeypatch):
    assert C.reliability("Reuters") == "B" and C.reliability("reuters.com") == "B"
    assert C.reliability("Some Blog") == "F" and C.reliability(None) == "F"
    (tmp_path / "reliability.csv").write_text("publisher,reliability,aliases,note\nSome Blog,D,blog.example,\n",
                                              encoding="utf-8")
    monkeypatch.setenv("GEOKG_DATA", str(tmp_path))
    assert C.reliability("Some Blog") == "D" and C.reliability("https://www.blog.example") == "D"
    assert C.reliability("Reuters") == "F"                    # the user's table replaces ours
    (tmp_path / "reliability.csv").write_text("publisher,reliability\nX,Z\n", encoding="utf-8")
    C._reliability.cache_clear()
    with pytest.raises(ValueError, match="A-F"):
        C.load_reliability()


# ------------------------------------------------------------------ origins


def test_wire_credits():
    assert C.wire_credits("Talks\n\nKYIV, Ukraine (AP) \u2014 Shelling went on.") == ("Associated Press",)
    assert C.wire_credits("Talks\n\nPARIS (AFP/Getty) - Talks.") == ("Agence France-Presse",)
    assert C.wire_credits("Talks\nBy Reuters staff\nTalks failed.") == ("Reuters",)
    assert C.wire_credits("Talks\n\nThe minister told Reuters that talks failed.") == ()    # cited, not credited
    assert C.wire_credits("Summit\n\nLeaders met at the APEC summit (APEC) in Lima.") == ()
    assert C.wire_credits("x", publisher="The Associated Press") == ("Associated Press",)


def test_origin_groups_by_publisher_wire_and_wording():
    text = "Rebels said they killed forty soldiers in a night raid on a base near the northern border town"
    arts = [{"id": "a", "publisher": "Reuters"}, {"id": "b", "publisher": "Yahoo", "wires": ["Reuters"]},
            {"id": "c", "publisher": "The Guardian"}, {"id": "d", "publisher": "theguardian.com"},
            {"id": "e", "sketch": C.sketch(text + " on Monday.")}, {"id": "f", "sketch": C.sketch(text + " on Sunday!")},
            {"id": "g", "publisher": "El Pais"}]
    got = origin_groups(arts)
    assert got["a"] == got["b"] and got["c"] == got["d"] and got["e"] == got["f"]
    assert len(set(got.values())) == 4


STORIES = [
(
"""Maduro says Venezuela holds thousands of missiles

Venezuelan President Nicolas Maduro said on Wednesday that his armed forces hold 5,000 Russian-made Igla-S missiles, deployed across the country to deter any attack. "We have 5,000 Igla-S in key positions to guarantee peace," Maduro told a rally in the capital. The announcement came as the United States moved warships into the Caribbean. Officials in Washington did not comment on the figure, and analysts said the number could not be verified.""",
"""Venezuela has thousands of missiles, says Maduro

Nicolas Maduro, the Venezuelan president, said on Wednesday his armed forces have 5,000 Russian-made Igla-S missiles, deployed across the country to deter an attack. "We have 5,000 Igla-S in key positions to guarantee peace," Maduro told a rally in the capital. The statement came as the United States moved warships to the Caribbean. Washington officials did not comment on the figure, and analysts said it could not be verified.""",
"""Caracas boasts of air defences as US ships gather

Speaking to supporters in Caracas, President Nicolas Maduro claimed a stockpile of Igla-S shoulder-fired missiles numbering 5,000. "We have 5,000 Igla-S in key positions to guarantee peace," he said. Russia supplied the systems over the past decade. American naval vessels have gathered off the coast in recent weeks, and the Pentagon declined to discuss Venezuelan capabilities."""),
(
"""Rebels say they killed 40 soldiers in northern raid

Rebel fighters said on Monday they had killed 40 government soldiers in an overnight raid on an army base in the north of the country. "Our forces destroyed the base and killed forty of the enemy," a rebel spokesman said in a statement posted online. The army said 12 soldiers had died and that the attack had been repelled. Residents reported heavy gunfire for several hours.""",
"""Rebels claim 40 soldiers killed in raid in north

Rebel fighters claimed on Monday that they killed 40 government soldiers during an overnight raid on an army base in the country's north. "Our forces destroyed the base and killed forty of the enemy," a rebel spokesman said in a statement online. The army said 12 soldiers died and the attack was repelled. Residents said heavy gunfire lasted several hours.""",
"""Army base attacked, toll disputed

At least a dozen soldiers died when insurgents stormed a military post in the northern province, the defence ministry said, adding that troops had pushed the attackers back. The insurgents put the toll far higher. "Our forces destroyed the base and killed forty of the enemy," their spokesman said. A local doctor said the hospital had received wounded through the night."""),
(
"""Arms package worth more than $5 billion approved

The government approved an arms package worth more than $5 billion on Thursday, including air defence systems and artillery shells, officials said. The deal will be delivered over three years. "This package sends a clear signal of our support," the defence minister told reporters. Opposition lawmakers criticised the cost and demanded a debate in parliament.""",
"""Government clears arms deal worth over $5 billion

Officials said the government on Thursday cleared an arms package worth more than $5 billion, which includes air defence systems and artillery shells. Deliveries will take place over three years. "This package sends a clear signal of our support," the defence minister told reporters. Lawmakers from the opposition criticised the cost and called for a debate in parliament.""",
"""Parliament to debate $6 billion weapons deal

A weapons deal valued at $6 billion will be debated next week after opposition parties objected to its price. The package covers missile defences and shells for howitzers, according to documents seen by this newspaper. "This package sends a clear signal of our support," said the defence minister. Deliveries are scheduled to start next spring."""),
(
"""Navy sends two frigates to the Baltic

The navy deployed two frigates to the Baltic Sea on Tuesday, the defence ministry said, citing increased activity by foreign submarines in the area. The ships will take part in exercises with allied vessels over the coming weeks. "We are ready to defend our waters," the fleet commander said at the port before departure. Neighbouring countries were informed in advance, the ministry added.""",
"""Two frigates sent to Baltic Sea, ministry says

Two frigates were deployed by the navy to the Baltic Sea on Tuesday, according to the defence ministry, which cited increased activity by foreign submarines in the area. The vessels will join exercises with allied ships in the coming weeks. "We are ready to defend our waters," the fleet commander said at the port before leaving. The ministry added that neighbouring countries had been told in advance.""",
"""Warships head for Baltic exercises

A pair of frigates left port for the Baltic region on Tuesday as the military stepped up patrols against what officials called unusual submarine movements. "We are ready to defend our waters," their commander said. Allied navies are expected to join drills later this month. Diplomats said neighbours had received notice of the deployment."""),
(
"""Ceasefire talks collapse in Geneva

Talks on a ceasefire collapsed in Geneva on Friday after delegations failed to agree on the withdrawal of heavy weapons, mediators said. "The gaps remain too wide," the chief mediator told journalists after the final session. Both sides blamed each other for the failure. Fighting continued in the east, where shelling killed at least seven civilians overnight, local officials said.""",
"""Geneva ceasefire talks end without deal

Mediators said ceasefire talks in Geneva collapsed on Friday when the delegations could not agree on pulling back heavy weapons. "The gaps remain too wide," the chief mediator told journalists after the last session. The two sides blamed one another. Fighting went on in the east, where overnight shelling killed at least seven civilians, according to local officials.""",
"""No deal in Geneva as shelling goes on

Negotiators left Geneva empty-handed on Friday. The sticking point was heavy artillery, which neither army would move back from the front. "The gaps remain too wide," the UN envoy said. Meanwhile seven civilians or more were killed by shells in eastern towns overnight, according to regional authorities, and each delegation accused the other of sabotage."""),
]


def _sk(text):
    return C.sketch(text)


def test_near_duplicate_threshold_separates_rewrites_from_independent_reports():
    """The measurement behind NEAR_DUPLICATE and MIN_SHARED (numbers in the module docstring)."""
    for original, rewrite, independent in STORIES:
        o, r, n = _sk(original), _sk(rewrite), _sk(independent)
        assert C.near_duplicates(o, r), original[:40]
        assert not C.near_duplicates(o, n) and not C.near_duplicates(r, n), original[:40]
        for other, _, _ in STORIES:
            if other is not original:
                assert C.similarity(o, _sk(other)) < 0.05
    halves = sum(C.near_duplicates(_sk(o), _sk(r[:len(r) // 2])) for o, r, _ in STORIES)
    assert halves == 2          # a rewrite cut to half its length: found in 2 of 5


def test_sketch_round_trip_and_estimate():
    long_a = " ".join(f"w{i}" for i in range(600))
    long_b = " ".join(f"w{i}" for i in range(300, 900))        # true overlap coefficient 298/598 ~ 0.5
    a, b = _sk(long_a), _sk(long_b)
    assert C.decode_sketch(C.encode_sketch(a)) == a
    assert C.decode_sketch("bottom64-w5 n=3 AAAA") is None
    assert abs(C.similarity(a, b) - 298 / 598) < 0.12
    assert len(a.mins) == C.SKETCH_SIZE and a.size == 598


# ------------------------------------------------------------------ a build


WIRE = ("Venezuela shows off air defences\n\nCARACAS (Reuters) - Venezuela has 5,000 Igla-S missiles, President "
        "Nicolas Maduro said on Wednesday at a military parade in the capital, where troops and armoured "
        "vehicles filed past the presidential stand.\n")
REWRITE = ("Venezuela displays its air defences\n\nVenezuela has 5,000 Igla-S missiles, President Nicolas Maduro "
           "said on Wednesday during a military parade in the capital, as troops and armoured vehicles filed "
           "past the presidential stand.\n")
OTHER = ("Caracas boasts of arsenal\n\nVenezuela has no less than 5,000 Igla-S missiles, President Nicolas "
         "Maduro said in a televised address. Russia sold Venezuela tanks in a deal worth more than $5 billion, "
         "the Kremlin said. Separately, the Russian Navy has sent two frigates into the Baltic region.\n")
THIRD = ("Clashes in the north\n\nRebels killed 40 soldiers in the north, the rebel command said. The army said "
         "rebels killed 12 soldiers. In Moscow, the Kremlin said Russia sold Venezuela tanks for $6 billion. The "
         "Russian Navy deployed two frigates to the Baltic Sea on Friday, according to the ministry.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    arts = tmp_path_factory.mktemp("arts")
    write_article(arts, "wire.txt", WIRE, {"publisher": "Reuters", "published": "2025-10-22"})
    write_article(arts, "rewrite.txt", REWRITE, {"publisher": "Daily Aggregator", "published": "2025-10-22"})
    write_article(arts, "other.txt", OTHER, {"publisher": "El Pais", "published": "2025-10-23"})
    write_article(arts, "third.txt", THIRD, {"publisher": "Al Jazeera", "published": "2025-10-24"})
    out = tmp_path_factory.mktemp("out")
    kg.build([arts], out=out)
    facts = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, kg.open_store(out / "store"), facts


def _fact(facts, subject, predicate, value=None):
    found = [f for f in facts if f["subject"] == subject and f["predicate"] == predicate
             and (value is None or f["value"] == value)]
    assert len(found) == 1, (subject, predicate, value, found)
    return found[0]


def test_a_claim_by_two_outlets_and_a_rewrite_has_two_origins(built):
    out, store, facts = built
    f = _fact(facts, "Venezuela", "possesses", 5000)
    assert {s["article"] for s in f["sources"]} == {"wire.txt", "rewrite.txt", "other.txt"}
    assert f["origins"] == ["El Pais", "Reuters"]              # the rewrite counts with the wire story
    assert f["credibility"] == "1"
    rows = kg.query("corroborated", store=store).rows
    row = next(r for r in rows if r["subject"] == "Venezuela" and r["value"] == 5000)
    assert (row["origins"], row["articles"], row["credibility"]) == (2, 3, "1")


def test_the_same_figure_with_and_without_a_hedge_is_no_conflict(built):
    _, store, _ = built
    rows = kg.query("conflicting_numbers", store=store).rows
    assert not any(r["subject"] == "Venezuela" for r in rows)


def test_a_real_conflict_is_listed_once_and_graded_doubtful(built):
    _, store, facts = built
    rows = [r for r in kg.query("conflicting_numbers", store=store).rows if r["predicate"] == "kills"]
    assert len(rows) == 1
    r = rows[0]
    assert {r["value_a"], r["value_b"]} == {40, 12} and r["article_a"] == r["article_b"] == "third.txt"
    assert r["claimant_a"] != r["claimant_b"]
    assert _fact(facts, "rebels", "kills", 40)["credibility"] == "4"
    assert _fact(facts, "rebels", "kills", 12)["credibility"] == "4"


def test_a_refinement_is_listed_and_no_conflict(built):
    _, store, facts = built
    rows = kg.query("refined_numbers", store=store).rows
    assert [(r["value"], r["qualifier"], r["article"], r["broad_value"], r["broad_qualifier"], r["broad_article"])
            for r in rows] == [(6_000_000_000, "exact", "third.txt", 5_000_000_000, "more_than", "other.txt")]
    assert not any(r["predicate"] == "sells" for r in kg.query("conflicting_numbers", store=store).rows)
    assert _fact(facts, "Russia", "sells", 5_000_000_000)["credibility"] == "1"   # the $6 bn report supports it
    assert _fact(facts, "Russia", "sells", 6_000_000_000)["credibility"] == "3"   # one origin, a claim


def test_place_variants_merge(built):
    _, store, facts = built
    f = _fact(facts, "Russian Navy", "deploys")
    assert f["location"] == "Baltic Sea"
    assert {s["article"] for s in f["sources"]} == {"other.txt", "third.txt"}
    assert f["origins"] == ["Al Jazeera", "El Pais"] and f["credibility"] == "1"
    rows = store.query("SELECT ?alias WHERE { ?e rdfs:label \"Baltic Sea\" ; skos:altLabel ?alias }").rows
    assert {r["alias"] for r in rows} >= {"baltic region"}


def test_origins_reliability_and_shapes(built):
    _, store, _ = built
    rows = store.query("""SELECT ?name ?origin ?grade WHERE { ?a kg:sourceFile ?name ; kg:origin/rdfs:label ?origin ;
                          kg:reliability/skos:notation ?grade }""").rows
    got = {r["name"]: (r["origin"], r["grade"]) for r in rows}
    assert got == {"wire.txt": ("Reuters", "B"), "rewrite.txt": ("Reuters", "F"),
                   "other.txt": ("El Pais", "F"), "third.txt": ("Al Jazeera", "F")}
    report = kg.api.validate(store)
    assert report.conforms, report.text


def test_assessment_is_replaced_not_piled_up(built, tmp_path):
    out, store, _ = built
    before = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:credibility ?c }").rows[0]["n"]
    C.assess(store)
    C.assess(store)
    after = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:credibility ?c }").rows[0]["n"]
    assert before == after > 0
    n = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }").rows[0]["n"]
    assert after == n


def test_generic_noun_phrases_stay_per_article(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    write_article(arts, "a.txt", "Protest\n\nPolice arrested people in Lagos on Monday.\n", {"publisher": "A"})
    write_article(arts, "b.txt", "Raid\n\nPolice arrested people in Nairobi on Tuesday.\n", {"publisher": "B"})
    kg.build([arts], out=tmp_path / "out")
    rows = kg.query("SELECT DISTINCT ?e ?art WHERE { ?e rdfs:label \"people\" ; kg:scopedTo ?art }",
                    store=tmp_path / "out" / "store").rows
    assert len({r["e"] for r in rows}) == len({r["art"] for r in rows}) == 2
    G = kg.networkx_graph(tmp_path / "out" / "store")
    assert not any(r["label"] == "people" for r in kg.analysis.central_actors(G, 10))


def test_docstring_examples():
    import doctest

    import kg.model
    for mod in (C, kg.model):
        result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0 and result.attempted > 0, mod.__name__


# ------------------------------------------------------------------ incremental assessment

# THIRD without its last sentence: the same wording (an Al Jazeera story taken over), but not
# the Russian Navy's deployment, so only the merged origins change that statement's grade
BRIDGE = THIRD.split(" The Russian Navy")[0] + "\n"


def _graph(store) -> set:
    from kg import config
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in store.graph_quads(config.ASSESSMENT_GRAPH)}


def _expected(store) -> set:
    from kg.store import to_ox
    return {(str(to_ox(s)), str(to_ox(p)), str(to_ox(o))) for s, p, o, _ in C.assessment_quads(store)}


def _navy(store):
    rows = store.query("""SELECT ?origins ?grade WHERE { ?st kg:predicate kg:deploys ; kg:subject ?s ;
                          kg:origins ?origins ; kg:credibility/skos:notation ?grade . ?s rdfs:label "Russian Navy" }""").rows
    assert len(rows) == 1
    return rows[0]["origins"], str(rows[0]["grade"])


@pytest.fixture(scope="module")
def stages(tmp_path_factory):
    """The articles of ``built`` and a bridge in three folders: the first build, and two additions."""
    first, more, bridge = (tmp_path_factory.mktemp(n) for n in ("first", "more", "bridge"))
    write_article(first, "other.txt", OTHER, {"publisher": "El Pais", "published": "2025-10-23"})
    write_article(first, "third.txt", THIRD, {"publisher": "Al Jazeera", "published": "2025-10-24"})
    write_article(more, "wire.txt", WIRE, {"publisher": "Reuters", "published": "2025-10-22"})
    write_article(more, "rewrite.txt", REWRITE, {"publisher": "Daily Aggregator", "published": "2025-10-22"})
    write_article(bridge, "bridge.txt", BRIDGE, {"publisher": "El Pais", "published": "2025-10-25"})
    return first, more, bridge


def test_adding_articles_assesses_only_what_they_touch_and_equals_a_full_assessment(stages, tmp_path):
    first, more, bridge = stages
    out = tmp_path / "out"
    kg.build([first], out=out)
    assert _navy(kg.open_store(out / "store", read_only=True)) == (2, "1")      # El Pais and Al Jazeera, independent
    report = kg.build([first, more], out=out)                    # a wire story and its rewrite
    assert report.added == 2 and report.assessed["full"] is False
    assert 0 < report.assessed["statements"] < report.statements
    store = kg.open_store(out / "store", read_only=True)
    assert _graph(store) == _expected(store)
    report = kg.build([first, more, bridge], out=out)
    assert report.added == 1 and report.assessed["full"] is False
    store = kg.open_store(out / "store", read_only=True)
    # the bridge (El Pais) took over the Al Jazeera story: one origin now, though it does not
    # state the deployment itself
    assert _navy(store) == (1, "2")
    assert _graph(store) == _expected(store)
    scratch = kg.build([first, more, bridge], out=tmp_path / "scratch")
    assert scratch.assessed["full"] is True
    for name in ("graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (tmp_path / "scratch" / name).read_bytes()
    again = kg.build([first, more, bridge], out=out)
    assert again.added == 0
    assert (again.assessed["statements"], again.assessed["added"], again.assessed["removed"]) == (0, 0, 0)


def _grades(store, predicate) -> dict:
    rows = store.query(f"""SELECT ?value ?grade WHERE {{ ?st kg:predicate kg:{predicate} ;
                           kg:quantity/schema:value ?value ; kg:credibility/skos:notation ?grade }}""").rows
    return {r["value"]: str(r["grade"]) for r in rows}


@pytest.mark.parametrize("drop", [("deploys", None), ("kills", 12), ("sells", 6e9)])
def test_reextracting_an_article_reassesses_what_it_stated_before(stages, tmp_path, monkeypatch, drop):
    import importlib
    B = importlib.import_module("kg.build")          # kg.build is also the function
    first, more, bridge = stages
    out = tmp_path / "out"
    kg.build([first, more], out=out)
    store = kg.open_store(out / "store", read_only=True)
    assert _navy(store) == (2, "1")
    assert _grades(store, "kills") == {40: "4", 12: "4"}               # 40 and 12 conflict
    assert _grades(store, "sells") == {5e9: "1", 6e9: "3"}             # $6 bn supports "more than $5 bn"
    del store
    extract = B.extract_parallel

    def dropped(st) -> bool:
        return st.predicate == drop[0] and (drop[1] is None or st.quantity is not None and st.quantity.value == drop[1])

    def fewer(articles, workers=1):
        for ex in extract(articles, workers):
            ex.statements = [st for st in ex.statements if not dropped(st)]
            yield ex

    # other rules: the third article is extracted again, and no longer states one thing
    monkeypatch.setattr(B, "extractor_id", lambda: "geokg.rules-test")
    monkeypatch.setattr(B, "extract_parallel", fewer)
    report = kg.build([first / "third.txt"], out=out)
    assert report.added == 1 and report.assessed["full"] is False
    store = kg.open_store(out / "store", read_only=True)
    if drop[0] == "deploys":
        assert _navy(store) == (1, "2")              # only El Pais states it now
    elif drop[0] == "kills":
        assert _grades(store, "kills") == {40: "3"}  # 12 gone, and 40 no longer doubted by it
    else:                                            # $6 bn gone: "more than $5 bn" lost its support,
        assert _grades(store, "sells") == {5e9: "3"}     # though the article that stated it is not touched
    assert _graph(store) == _expected(store)


def test_other_assessment_rules_assess_everything(built, monkeypatch):
    _, store, _ = built
    old = _graph(store)
    digest = C.assessor_id().rsplit("-", 1)[1]
    assert any(p.endswith("wasGeneratedBy>") and o.endswith(f"assessor-{digest}>") for _, p, o in old)
    monkeypatch.setattr(C, "assessor_id", lambda threshold=C.NEAR_DUPLICATE: "geokg.corroborate-00000000")
    done = C.assess(store, changes=C.Changes())
    assert done.full and done.added == 3 and done.removed == 3      # only the assessor changed
    assert _graph(store) == _expected(store)
    monkeypatch.undo()
    assert C.assess(store, changes=C.Changes()).full
    assert _graph(store) == old


def test_a_fact_told_by_too_many_sources_is_not_compared(monkeypatch):
    readings = [Reading(f"s{i}", f"st{i}", f"a{i}", fact=("kills", "x"), value=10 * (i + 1)) for i in range(4)]
    assert len(C.compare_readings(readings)[0]) == 6
    monkeypatch.setattr(C, "MAX_COMPARED", 3)
    assert C.compare_readings(readings) == ([], [])


@pytest.mark.parametrize("limit,one_by_one", [(1, 1000), (2, 1000), (500, 1000), (2, 0)])
def test_adding_generated_articles_equals_a_full_assessment_whatever_the_limit(tmp_path, monkeypatch, limit,
                                                                              one_by_one):
    """Wire copy made by benchmarks/build_speed.py (the same sentences over and over, so facts
    with many figures): 24 articles, then 8 more, assessed incrementally = assessed whole,
    with facts crossing the comparison limit as articles come; each fact's statements read
    in a query of its own (up to FACTS_ONE_BY_ONE facts) or all in a few."""
    import shutil
    import sys
    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from build_speed import generate
    monkeypatch.setattr(C, "MAX_COMPARED", limit)
    monkeypatch.setattr(C, "FACTS_ONE_BY_ONE", one_by_one)
    arts = tmp_path / "arts"
    generate(32, arts, seed=limit)
    first, more = tmp_path / "first", tmp_path / "more"
    for folder, names in ((first, range(24)), (more, range(24, 32))):
        folder.mkdir()
        for n in names:
            for p in arts.glob(f"{n:06d}.*"):
                shutil.copy(p, folder / p.name)
    out = tmp_path / "out"
    kg.build([first], out=out, exports=False)
    report = kg.build([first, more], out=out, exports=False)
    assert report.added == 8 and report.assessed["full"] is False
    store = kg.open_store(out / "store", read_only=True)
    assert _graph(store) == _expected(store)


def test_a_fact_crossing_the_limit_is_compared_then_not(tmp_path, monkeypatch):
    """Limit 2: two figures of one sale conflict; a third source puts the fact over the limit
    (no pair is left); two more are assessed alone, not compared with each other."""
    monkeypatch.setattr(C, "MAX_COMPARED", 2)
    out = tmp_path / "out"
    folders = []
    for batch in ((1, 2), (3,), (4, 5)):
        folder = tmp_path / f"b{batch[0]}"
        folder.mkdir()
        for n in batch:
            write_article(folder, f"deal{n}.txt", f"Arms deal number {n}\n\nIn Moscow, the Kremlin said Russia sold "
                          f"Venezuela tanks for ${n} billion, in a deal signed by envoys on day {n}.\n",
                          {"publisher": f"Paper {n}"})
        folders.append(folder)
        report = kg.build(folders, out=out, exports=False)
        store = kg.open_store(out / "store", read_only=True)
        assert _graph(store) == _expected(store)
        pairs = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a kg:conflictsWith ?b }").rows[0]["n"]
        assert pairs == (1 if len(folders) == 1 else 0), batch
        assert _grades(store, "sells") == {n * 1e9: ("4" if len(folders) == 1 else "3")
                                           for f in folders for n in range(int(f.name[1:]), int(f.name[1:]) + 2)
                                           if (f / f"deal{n}.txt").exists()}
    new = store.query("""SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?src kg:supports ?st ; prov:wasQuotedFrom ?a .
                            ?a kg:sourceFile ?f FILTER(?f IN ("deal4.txt", "deal5.txt")) }""").rows[0]["n"]
    assert report.assessed["full"] is False and report.assessed["statements"] == new     # not the 3 sales before
