"""Time expressions normalised against the publication date.

"on Wednesday" -> the latest Wednesday on or before publication;
"last week" -> that ISO week; "22 April" -> a date in the publication year;
"in 2022" -> the year. Without a publication date, relative expressions stay
open (None) and only absolute dates are normalised.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["normalise_time", "find_times"]

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = "|".join(_WEEKDAYS)

_PATTERNS = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})\s+({_MON})\.?,?\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b({_MON})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dm", re.compile(rf"\b(\d{{1,2}})\s+({_MON})\b", re.I)),
    ("md", re.compile(rf"\b({_MON})\.?\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})", re.I)),
    ("my", re.compile(rf"\b({_MON})\s+(\d{{4}})\b", re.I)),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+|this\s+)?({_DAY})\b", re.I)),
    ("rel", re.compile(r"\b(yesterday|today|tonight|last week|this week|last month|this month|"
                       r"last year|this year|next week|next month|next year)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|by|until|from|of)\s+(19\d\d|20\d\d)\b", re.I)),
    # a month alone, after a preposition and capitalised (not the modal "may"): "In March", "since early May"
    ("m", re.compile(r"\b(?i:in|since|by|until|from|during|of|last|next|this)\s+(?i:(?:early|late|mid)[- ])?"
                     r"(January|February|March|April|May|June|July|August|September|October|November|"
                     r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(?!\s*\d)")),
]
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def normalise_time(kind: str, groups: tuple, published: date | None, future: bool = False) -> str | None:
    g = [x.lower() if isinstance(x, str) else x for x in groups]
    try:
        if kind == "dmy":
            return date(int(g[2]), _MONTHS[g[1]], int(g[0])).isoformat()
        if kind == "mdy":
            return date(int(g[2]), _MONTHS[g[0]], int(g[1])).isoformat()
        if kind == "iso":
            return date(int(g[0]), int(g[1]), int(g[2])).isoformat()
        if kind == "my":
            return f"{int(g[1]):04d}-{_MONTHS[g[0]]:02d}"
        if kind == "year":
            return g[0]
        if published is None:
            return None
        if kind in ("dm", "md"):
            day, month = (int(g[0]), _MONTHS[g[1]]) if kind == "dm" else (int(g[1]), _MONTHS[g[0]])
            d = date(published.year, month, day)
            if future:      # "will meet on 3 March", read in June: next year's
                return (d if d >= published else date(published.year + 1, month, day)).isoformat()
            # a date later than publication most likely means last year
            return (d if d <= published + timedelta(days=31) else date(published.year - 1, month, day)).isoformat()
        if kind == "m":
            # the latest such month on or before publication ("in March" read in June: March this year),
            # or for a future event the next one ("will deliver in March": next March)
            month = _MONTHS[g[0]]
            if future:
                year = published.year if month >= published.month else published.year + 1
            else:
                year = published.year if month <= published.month else published.year - 1
            return f"{year:04d}-{month:02d}"
        if kind == "weekday":
            if future:
                return (published + timedelta(days=(_WEEKDAYS[g[0]] - published.weekday()) % 7)).isoformat()
            back = (published.weekday() - _WEEKDAYS[g[0]]) % 7
            return (published - timedelta(days=back)).isoformat()
        if kind == "rel":
            p = published
            return {
                "yesterday": (p - timedelta(days=1)).isoformat(), "today": p.isoformat(),
                "tonight": p.isoformat(), "this week": _iso_week(p),
                "last week": _iso_week(p - timedelta(days=7)), "next week": _iso_week(p + timedelta(days=7)),
                "this month": f"{p.year:04d}-{p.month:02d}",
                "last month": f"{(p.replace(day=1) - timedelta(days=1)):%Y-%m}",
                "next month": f"{(p.replace(day=28) + timedelta(days=4)):%Y-%m}",
                "this year": str(p.year), "last year": str(p.year - 1), "next year": str(p.year + 1),
            }[g[0]]
    except (ValueError, KeyError):
        return None
    return None


def find_times(text: str, published: date | None, future: bool = False) -> list[tuple[int, int, str]]:
    """``(start, end, iso)`` for each time expression in ``text`` that can be normalised.

    ``future``: the expressions speak of what is to come ("will vote on Thursday"), so weekdays and
    months without a year are the next ones, not the last.

    >>> find_times("on Wednesday, last week", date(2025, 10, 23))
    [(0, 12, '2025-10-22'), (14, 23, '2025-W42')]
    """
    found: list[tuple[int, int, str]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            iso = normalise_time(kind, m.groups(), published, future)
            if iso and kind == "m" and m.group(0).lower().startswith("next"):
                month = _MONTHS[m.group(1).lower()]
                iso = f"{published.year + (month <= published.month):04d}-{month:02d}"   # "next March"
            if iso and published is not None and _SINCE.search(text[:m.start(1)]) and kind != "rel":
                iso = f"{iso}/{published.isoformat()}"     # "since November 2023": until publication
            if iso:
                found.append((m.start(), m.end(), iso))
    return _joined(text, [_shifted(text, t) for t in sorted(found)])


@lru_cache(maxsize=1)
def _offset():
    """The count words of ``[quantities].words`` (and "the", "a": one) before "day(s)/week(s) after/before",
    also with the event the date is of ("the day after the Hamas attacks of 7 October 2023")."""
    from .resources import load_resources
    counts = {"the": 1, "a": 1, **load_resources().lexicon["quantities"]["words"]}
    words = "|".join(sorted(map(re.escape, counts), key=len, reverse=True))
    rx = re.compile(rf"\b({words}|\d{{1,3}})\s+(days?|weeks?)\s+(after|before)\s+(?:the\s+)?"
                    r"(?:(?:[\w'’-]+\s+){1,4}(?:of|on)\s+)?$", re.I)
    return rx, counts


_EVE = re.compile(r"\b(?:on\s+)?the\s+eve\s+of\s+(?:the\s+)?$", re.I)


def _shifted(text: str, found: tuple[int, int, str]) -> tuple[int, int, str]:
    """'the day after 7 October 2023', 'two weeks before 3 May', 'on the eve of 3 September': the day
    counted from the date, with the words that count it (not a length: "for 3 days before 5 May")."""
    s, e, iso = found
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return found
    before = text[max(0, s - 70):s]
    rx, counts = _offset()
    if (m := rx.search(before)) is not None and not before[:m.start()].rstrip().lower().endswith("for"):
        n = counts.get(m.group(1).lower()) or int(m.group(1))
        days = n * (7 if m.group(2).lower().startswith("week") else 1) * (1 if m.group(3).lower() == "after" else -1)
    elif (m := _EVE.search(before)) is not None:
        days = -1
    else:
        return found
    return (s - len(before) + m.start(), e, (date.fromisoformat(iso) + timedelta(days=days)).isoformat())


_JOINS = (" and ", " to ", "-", "–", " through ", " until ", " or ")
_NEXT_YEAR = re.compile(r"(?: and | to |-|–| through | until )((?:1[89]|20)\d\d)\b")


def _joined(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'in 1995 and 1996', 'from 2014 to 2016': one span of time from the first to the last."""
    out: list[tuple[int, int, str]] = []
    for s, e, iso in found:
        if len(iso) == 4 and (m := _NEXT_YEAR.match(text, e)) and m.group(1) > iso:
            e, iso = m.end(), f"{iso}/{m.group(1)}"     # "in 1995 and 1996": the years NER would not date alone
        if out and text[out[-1][1]:s] in _JOINS and "/" not in iso and "/" not in out[-1][2] \
                and len(iso) == len(out[-1][2]) and out[-1][2] < iso:
            out[-1] = (out[-1][0], e, f"{out[-1][2]}/{iso}")
        else:
            out.append((s, e, iso))
    return out
