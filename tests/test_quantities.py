"""Tests for kg.extract.quantities.find_numbers: values, qualifiers, units, and what is not a number."""
import pytest

from kg.extract.quantities import find_numbers


def nums(text):
    """``(value, qualifier, unit)`` of every number found in ``text``."""
    return [(n.value, n.qualifier, n.unit) for n in find_numbers(text)]


def one(text):
    found = find_numbers(text)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


# ------------------------------------------------------------------ numerals

@pytest.mark.parametrize("text, expected", [
    ("The army has 12,500 troops.", (12500.0, "exact", None)),
    ("It fired 1,250,000 rounds.", (1250000.0, "exact", None)),
    ("Some 2.5 tonnes of explosives", (2.5, "approximately", "tonne")),
    ("8 million people fled the country.", (8e6, "exact", None)),
    ("a $50m arms deal", (5e7, "exact", "USD")),
    ("a £37m contract", (3.7e7, "exact", "GBP")),
    ("a $1.5 billion aid package", (1.5e9, "exact", "USD")),
    ("a €2bn fund", (2e9, "exact", "EUR")),
    ("it exports 3.1 million barrels of oil per day", (3.1e6, "exact", "barrels per day")),
    ("inflation reached 6%", (6.0, "exact", "percent")),
    ("a 5 per cent rise", (5.0, "exact", "percent")),
    ("a 10 percent cut", (10.0, "exact", "percent")),
], ids=lambda x: x if isinstance(x, str) else None)
def test_numerals(text, expected):
    assert nums(text) == [expected]


@pytest.mark.parametrize("text, value", [
    ("eight warships arrived", 8.0),
    ("twenty-six countries signed", 26.0),
    ("twenty six countries signed", 26.0),
    ("three hundred soldiers", 300.0),
    ("four thousand troops", 4000.0),
    ("a dozen drones", 12.0),
])
def test_word_numbers(text, value):
    assert nums(text) == [(value, "exact", None)]


def test_one_alone_is_not_a_quantity():
    assert nums("one of them said") == []


# ------------------------------------------------------------------ vague amounts

@pytest.mark.parametrize("text, value", [
    ("thousands of protesters", 2000.0),
    ("millions of people", 2e6),
    ("billions of dollars", 2e9),
    ("Maduro boasts of ‘thousands’ of missiles", 2000.0),
])
def test_vague_amounts_are_lower_bounds(text, value):
    n = one(text)
    assert (n.value, n.qualifier, n.unit, n.vague) == (value, "at_least", None, True)


@pytest.mark.parametrize("text, value", [
    ("dozens of drones", 24.0),
    ("hundreds of soldiers", 200.0),
    ("hundreds of thousands of refugees", 2e5),
    ("tens of thousands of troops", 2e4),
])
def test_vague_plural_number_words_are_lower_bounds(text, value):
    n = one(text)
    assert (n.value, n.qualifier, n.unit, n.vague) == (value, "at_least", None, True)


def test_vague_amount_keeps_its_own_qualifier():
    n = one("about thousands of missiles")
    assert (n.value, n.qualifier, n.vague) == (2000.0, "approximately", True)


# ------------------------------------------------------------------ qualifiers

@pytest.mark.parametrize("phrase, qualifier", [
    ("no less than", "at_least"),
    ("no fewer than", "at_least"),
    ("at least", "at_least"),
    ("as many as", "at_most"),
    ("more than", "more_than"),
    ("over", "more_than"),
    ("in excess of", "more_than"),
    ("up to", "at_most"),
    ("no more than", "at_most"),
    ("nearly", "approximately"),
    ("almost", "approximately"),
    ("about", "approximately"),
    ("around", "approximately"),
    ("roughly", "approximately"),
    ("fewer than", "less_than"),
    ("less than", "less_than"),
])
def test_qualifiers(phrase, qualifier):
    n = one(f"They said {phrase} 5,000 missiles were deployed.")
    assert (n.value, n.qualifier, n.unit) == (5000.0, qualifier, None)
    assert n.text == f"{phrase} 5,000"


@pytest.mark.parametrize("tail, qualifier", [("or more", "at_least"), ("or fewer", "at_most")])
def test_trailing_qualifiers(tail, qualifier):
    assert nums(f"5,000 {tail} troops") == [(5000.0, qualifier, None)]


def test_two_numbers_in_a_sentence():
    assert nums("no less than 5,000 and up to 6,000 meters") == [
        (5000.0, "at_least", None), (6000.0, "at_most", "metre")]


# ------------------------------------------------------------------ units

@pytest.mark.parametrize("text, expected", [
    ("a range of 6,000 meters", (6000.0, "exact", "metre", "M")),
    ("a range of 6,000 metres", (6000.0, "exact", "metre", "M")),
    ("a range of 300 km", (300.0, "exact", "kilometre", "KiloM")),
    ("flying at 500 miles per hour", (500.0, "exact", "mile per hour", "MI-PER-HR")),
    ("flying at 400 mph", (400.0, "exact", "mile per hour", "MI-PER-HR")),
    ("20 nautical miles offshore", (20.0, "exact", "nautical mile", "MI_N")),
    ("a speed of 30 knots", (30.0, "exact", "knot", "KN")),
    ("an altitude of up to 3,500 feet", (3500.0, "at_most", "foot", "FT")),
])
def test_units(text, expected):
    n = one(text)
    assert (n.value, n.qualifier, n.unit, n.qudt) == expected


def test_strong():
    n = one("a 5,000-strong force")
    assert (n.value, n.qualifier, n.unit) == (5000.0, "exact", "personnel")   # its people, not forces
    assert n.text == "5,000-strong"


# ------------------------------------------------------------------ offsets

@pytest.mark.parametrize("text", [
    "Officials said at least 300 people and $50m were lost.",
    "It has 5,000 Russian-made Igla-S missiles with a range of up to 6,000 meters.",
    "thousands of troops and eight warships",
])
def test_offsets_index_the_text(text):
    found = find_numbers(text)
    assert found
    assert [n.start for n in found] == sorted(n.start for n in found)
    for n in found:
        assert text[n.start:n.end] == n.text
        assert n.start <= n.num_start < n.end


# ------------------------------------------------------------------ not quantities

@pytest.mark.parametrize("text", [
    "The war began in 2022.",
    "They aim to finish by 2027.",
    "Talks resumed in 1990 and 1991.",
    "The talks were held on 22 April.",
    "The talks were held on April 22.",
    "The talks were held on 22 April 2022.",
    "The talks were held on April 22, 2022.",
    "They announced a 12-point plan.",
    "They signed a 3-year deal.",
    "It finished 3rd place.",
    "In the 21st century.",
    "In the 2020s.",
])
def test_years_dates_and_compounds_give_nothing(text):
    assert nums(text) == []


@pytest.mark.parametrize("text", ["The strike came at 10:30.", "at 10:30 local time"])
def test_clock_times_give_nothing(text):
    assert nums(text) == []


def test_model_numbers_give_nothing():
    assert nums("The US sent F-16 fighter jets.") == []


@pytest.mark.parametrize("text, count", [("it shot down 45 of the 62 drones", 45), ("it shot down 45 of 62 drones", 45),
                                         ("seized 12 of their 30 tanks", 12)])
def test_a_part_of_a_whole_is_one_count(text, count):
    # the whole is kept apart, for what its own noun underwent ("of the 62 drones launched")
    assert [n.value for n in find_numbers(text) if not n.whole] == [count]


def test_most_of_a_whole_is_fewer_than_it():
    assert nums("France has withdrawn most of its 1,500 soldiers") == [(1500.0, "less_than", None)]


@pytest.mark.parametrize("text", ["in the first half of this year", "during the second half of 2024",
                                  "in the latter half of the decade"])
def test_a_half_of_a_period_is_not_a_share(text):
    assert nums(text) == []


def test_a_half_of_a_thing_is_a_share():
    assert nums("nearly half of all oil production") == [(50.0, "approximately", "percent")]


@pytest.mark.parametrize("text", ["hit about 70 nautical miles west of the port",
                                  "a village 12km (7 miles) north-east of the city",
                                  "sank 40 miles off the coast"])
def test_a_distance_that_places_something_is_not_a_quantity(text):
    assert nums(text) == []


def test_a_distance_that_measures_is_kept():
    assert nums("a range of 300 km") == [(300.0, "exact", "kilometre")]


@pytest.mark.parametrize("text", ["over the past 24 hours", "within two weeks", "for three days",
                                  "in the last 10 years"])
def test_a_span_of_time_is_not_a_count(text):
    assert nums(text) == []


def test_a_count_within_a_time_span_is_kept():
    assert nums("killed 24 people in 24 hours") == [(24.0, "exact", None)]


def test_years_ago_is_no_count():
    assert nums("towns it lost three years ago") == []


def test_one_of_the_is_a_count_and_plain_one_is_not():
    assert [(n.value, n.text) for n in find_numbers("One of the men has since been released.")] == [(1.0, "One")]
    assert find_numbers("No one was hurt, and one day later the border reopened.") == []


def test_one_is_a_count_after_a_qualifier():
    assert [(n.value, n.qualifier) for n in find_numbers("killed at least one person")] == [(1, "at_least")]
    assert find_numbers("one man said he saw it") == []


@pytest.mark.parametrize("text, value, qualifier", [
    ("displaced almost a million people", 1_000_000, "approximately"),
    ("half a million refugees fled", 500_000, "exact"),
    ("a thousand soldiers crossed", 1000, "exact"),
])
def test_an_article_before_a_scale_word_is_one(text, value, qualifier):
    assert [(n.value, n.qualifier) for n in find_numbers(text)] == [(value, qualifier)]


def test_an_article_before_anything_else_is_no_number():
    assert find_numbers("a man was killed and a millionaire fled") == []


def test_the_whole_after_a_part_is_kept_apart():
    found = find_numbers("at least 1,000 of the 11,000 troops were killed")
    assert [(n.value, n.whole) for n in found] == [(1000, False), (11000, True)]

