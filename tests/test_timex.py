"""Tests for kg.extract.timex: time expressions normalised against the publication date."""
from datetime import date

import pytest

from kg.extract.timex import find_times, normalise_time

THU = date(2025, 10, 23)          # a Thursday, ISO week 2025-W43


def times(text, published=THU):
    return [iso for _, _, iso in find_times(text, published)]


# ------------------------------------------------------------------ weekdays

@pytest.mark.parametrize("text, iso", [
    ("on Wednesday", "2025-10-22"),
    ("on Thursday", "2025-10-23"),        # the publication day itself
    ("on Friday", "2025-10-17"),          # the latest Friday on or before publication
    ("on Monday", "2025-10-20"),
    ("last Sunday", "2025-10-19"),
    ("Saturday", "2025-10-18"),
    ("on wednesday", "2025-10-22"),
])
def test_weekdays(text, iso):
    assert times(text) == [iso]


def test_weekday_across_a_month_boundary():
    assert times("on Friday", date(2025, 11, 3)) == ["2025-10-31"]


# ------------------------------------------------------------------ relative expressions

@pytest.mark.parametrize("text, iso", [
    ("yesterday", "2025-10-22"),
    ("today", "2025-10-23"),
    ("last week", "2025-W42"),
    ("this week", "2025-W43"),
    ("next week", "2025-W44"),
    ("last month", "2025-09"),
    ("this month", "2025-10"),
    ("next month", "2025-11"),
    ("last year", "2024"),
    ("this year", "2025"),
])
def test_relative(text, iso):
    assert times(text) == [iso]


@pytest.mark.parametrize("published, text, iso", [
    (date(2025, 1, 2), "last week", "2024-W52"),
    (date(2025, 1, 15), "last month", "2024-12"),
    (date(2025, 3, 1), "yesterday", "2025-02-28"),
    (date(2024, 3, 1), "yesterday", "2024-02-29"),
    (date(2025, 1, 31), "next month", "2025-02"),
    (date(2025, 12, 29), "this week", "2026-W01"),
])
def test_relative_across_boundaries(published, text, iso):
    assert times(text, published) == [iso]


@pytest.mark.parametrize("text", ["on Wednesday", "last week", "last month", "yesterday", "today",
                                  "22 April", "April 22"])
def test_relative_stays_open_without_publication_date(text):
    assert find_times(text, None) == []


# ------------------------------------------------------------------ absolute dates

@pytest.mark.parametrize("text, iso", [
    ("on 22 April 2022", "2022-04-22"),
    ("on 22 April, 2022", "2022-04-22"),
    ("on April 22, 2022", "2022-04-22"),
    ("on April 22 2022", "2022-04-22"),
    ("on Dec. 5, 2024", "2024-12-05"),
    ("on 5 Sept 2024", "2024-09-05"),
    ("on 2022-04-22", "2022-04-22"),
    ("in October 2025", "2025-10"),
    ("in 2022", "2022"),
    ("until 1999", "1999"),
    ("by 2027", "2027"),
])
@pytest.mark.parametrize("published", [THU, None], ids=["published", "unknown"])
def test_absolute_dates(text, iso, published):
    assert times(text, published) == [iso]


def test_bare_year_without_preposition_is_not_a_time():
    assert times("The 2022 budget") == []


@pytest.mark.parametrize("text, iso", [
    ("on 22 April", "2025-04-22"),
    ("on April 22", "2025-04-22"),
    ("on Sept 3", "2025-09-03"),
    ("on 23 October", "2025-10-23"),
])
def test_day_and_month_take_the_publication_year(text, iso):
    assert times(text) == [iso]


@pytest.mark.parametrize("text, iso", [
    ("on 30 December", "2024-12-30"),
    ("on December 30", "2024-12-30"),
    ("on 1 March", "2025-03-01"),
])
def test_dates_later_than_publication_roll_back_a_year(text, iso):
    assert times(text, date(2025, 10, 23)) == [iso]


def test_dates_in_the_coming_month_stay_in_the_publication_year():
    # a date up to a month ahead is an announced plan ("talks on 15 November")
    assert times("talks on 15 November") == ["2025-11-15"]


def test_invalid_dates_give_nothing():
    assert normalise_time("dm", ("29", "February"), date(2025, 3, 1)) is None
    assert normalise_time("iso", ("2025", "13", "01"), None) is None
    assert times("on 2025-13-01") == []


# ------------------------------------------------------------------ several expressions, offsets

def test_offsets_and_order():
    text = "On Wednesday, last week, officials said that since 2022 talks had stalled."
    found = find_times(text, THU)
    assert [iso for *_, iso in found] == ["2025-10-22", "2025-W42", "2022/2025-10-23"]
    assert [text[s:e] for s, e, _ in found] == ["On Wednesday", "last week", "since 2022"]


def test_overlapping_expressions_are_found_once():
    found = find_times("on 22 April 2022", THU)
    assert found == [(3, 16, "2022-04-22")]


@pytest.mark.parametrize("text, iso", [
    ("In March, China sent warships", "2025-03"),
    ("in September, Russia said", "2024-09"),
    ("in early May", "2025-05"),
    ("next March", "2026-03"),
    ("next July", "2025-07"),
])
def test_a_month_alone_is_the_nearest_one(text, iso):
    assert [t[2] for t in find_times(text, date(2025, 6, 12))] == [iso]


def test_the_modal_may_is_no_month():
    assert find_times("the strikes may continue in the spring", date(2025, 6, 12)) == []


@pytest.mark.parametrize("text, iso", [
    ("since November 2023", "2023-11/2025-06-12"),
    ("since 2014", "2014/2025-06-12"),
    ("since early May", "2025-05/2025-06-12"),
])
def test_since_is_an_interval_up_to_publication(text, iso):
    assert [t[2] for t in find_times(text, date(2025, 6, 12))] == [iso]


@pytest.mark.parametrize("text, iso", [
    ("will vote on Monday", "2025-06-16"),
    ("will deliver the jets in March", "2026-03"),
    ("will meet on 3 March", "2026-03-03"),
    ("will meet on 20 June", "2025-06-20"),
])
def test_future_events_take_the_next_day_or_month(text, iso):
    assert [t[2] for t in find_times(text, date(2025, 6, 12), future=True)] == [iso]


@pytest.mark.parametrize("text, iso", [
    ("fired rockets the day after the 7 October 2023 attack", "2023-10-08"),
    ("fired rockets the day after the Hamas attacks of 7 October 2023", "2023-10-08"),
    ("Two days after 12 June 2025, Moldova struck back", "2025-06-14"),
    ("a parade on the eve of 3 September 2025", "2025-09-02"),
    ("a week before 10 March 2024", "2024-03-03"),
    ("it rained for 3 days before 5 May 2024", "2024-05-05"),    # a length, not a day
])
def test_a_day_counted_from_a_date_is_that_day(text, iso):
    assert times(text) == [iso]
