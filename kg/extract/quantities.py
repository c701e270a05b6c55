"""Numbers in text: value, qualifier ("no less than" -> at_least), unit.

Pure functions over a sentence string; token attachment (what is counted)
happens in ``events`` where the parse is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_resources

__all__ = ["NumberMatch", "find_numbers"]

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25.0,
              "one quarter": 25.0, "two-thirds": 200 / 3, "two thirds": 200 / 3, "three-quarters": 75.0,
              "three quarters": 75.0, "a fifth": 20.0, "a tenth": 10.0}
_FRACTION = re.compile(r"(?<![\w])(?:(?P<qual>nearly|almost|about|around|roughly|more than|over|less than|"
                       r"under|at least|some|just over|just under)\s+)?(?P<f>" +
                       "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True)) + r")\s+of\b", re.I)


_OF_WHOLE = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|all\s+)?$", re.I)
_PART_OF = re.compile(r"\b(?:most|many|some|part|much|several|few|majority)\s+of\s+(?:the\s+|its\s+|their\s+|"
                      r"his\s+|her\s+|our\s+)?$", re.I)
_LENGTHS = {"KiloM", "MI", "MI_N", "M"}
_SPAN_BEFORE = re.compile(r"\b(?:past|last|next|previous|coming|first|within|over|for|in|after|under)\s+"
                          r"(?:the\s+)?(?:(?:past|last|next|previous|coming|first)\s+)?$", re.I)
_TIME_UNIT = re.compile(r"^\s*(?:hours?|days?|weeks?|months?|years?|minutes?|decades?)\b", re.I)
_OFFSET = re.compile(r"^\s*\)?\s*(?:\([^)]*\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\b|off\b|"
                     r"from\b|away\b|outside\b|inside\b|beyond\b|short of\b|behind\b|deep\b|into\b)", re.I)
_PERIOD_PART = re.compile(r"\b(?:first|second|latter|last|final|early|earlier|later|next)\s+$", re.I)
_PERIOD_AFTER = re.compile(r"^\s*(?:the\s+|this\s+|last\s+|next\s+)?(?:\d{4}|year|month|decade|century|"
                           r"season|term|week|day)\b", re.I)


@dataclass(frozen=True)
class NumberMatch:
    start: int            # char offsets within the sentence string
    end: int
    value: float
    qualifier: str
    unit: str | None      # measurement unit or currency, when written with the number
    qudt: str | None
    text: str
    num_start: int        # where the numeral itself starts (for token attachment)
    vague: bool = False
    whole: bool = False   # the whole after a part ("45 of the 60 drones": 60), a count only of its own noun


@lru_cache(maxsize=1)
def _patterns():
    q = load_resources().lexicon["quantities"]
    quals = sorted(((p, k) for k in ("at_least", "more_than", "at_most", "less_than", "approximately")
                    for p in q[k] if not p.startswith(("or ", "and "))), key=lambda x: -len(x[0]))
    qual_re = "|".join(re.escape(p) for p, _ in quals)
    words = q["words"]
    word_re = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    scales = q["scales"]
    scale_re = "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
    units = load_resources().lexicon["units"]
    unit_re = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    cur_sym = [c for c in q["currencies"] if not c.isalpha()]
    cur_re = "|".join(sorted(map(re.escape, cur_sym), key=len, reverse=True))
    # "a million", "half a million": the article stands for one before a scale word
    big = "|".join(sorted((re.escape(k) for k in scales if k.isalpha() and len(k) > 2), key=len, reverse=True))
    num = (rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d:])|\d+(?:\.\d+)?(?![\d:])"
           rf"|(?:half\s+)?an?(?=\s+(?:{big})\b)"
           rf"|(?:{word_re})(?:[- ](?:{word_re}))?(?![a-z]))")
    rx = re.compile(
        # not inside a name or model number ("F-16", "COVID-19") nor after a clock's colon
        rf"(?<![\w.:/-])(?<![A-Za-z]-)(?:(?P<qual>{qual_re})\s+)?(?P<cur>{cur_re})?\s?{num}"
        rf"(?:\s?(?P<scale>{scale_re})\b)?(?P<strong>-strong)?"
        rf"(?:\s?(?P<unit>{unit_re})(?![\w]))?", re.I)
    vague = q["vague"]
    vague_re = re.compile(rf"(?<![\w])(?:(?P<qual>{qual_re})\s+)?[\"“‘']?(?P<v>"
                          + "|".join(sorted(map(re.escape, vague), key=len, reverse=True)) + r")\b", re.I)
    date_re = re.compile(rf"^\s*(?:{_MONTHS})\b|^(?:st|nd|rd|th)\b|^-(?:year|month|day|week|hour|minute)",
                         re.I)
    before_date_re = re.compile(rf"(?:{_MONTHS})\.?\s*$", re.I)
    return rx, vague_re, dict(quals), words, scales, units, q["currencies"], vague, date_re, before_date_re


def _to_number(num: str, words: dict) -> float | None:
    num = num.lower().replace(",", "")
    if re.fullmatch(r"(?:half\s+)?an?", num):
        return 0.5 if num.startswith("half") else 1.0
    try:
        return float(num)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", num):
        if part not in words:
            return None
        v = words[part]
        total = total * v if v in (12, 100) and part in ("dozen", "hundred") and total else total + v
    return total


def _in_conversion(text: str, prev_end: int, start: int) -> bool:
    """True when ``start`` sits inside a parenthesis opened right after the previous number."""
    between = text[prev_end:start]
    k = between.find("(")
    return k >= 0 and not between[:k].strip() and ")" not in between


def find_numbers(text: str) -> list[NumberMatch]:
    """All quantities in ``text`` (a sentence), left to right, years and dates left out.

    >>> [(n.value, n.qualifier, n.unit) for n in find_numbers("no less than 2,000 and up to 9,000 meters")]
    [(2000.0, 'at_least', None), (9000.0, 'at_most', 'metre')]
    """
    rx, vague_re, quals, words, scales, units, currencies, vague, date_re, before_date_re = _patterns()
    out: list[NumberMatch] = []
    for m in rx.finditer(text):
        value = _to_number(m["num"], words)
        if value is None:
            continue
        after, before = text[m.end():m.end() + 12], text[max(0, m.start() - 12):m.start("num")]
        is_word = not m["num"][0].isdigit()
        if m["num"].lower() in ("half",) and not m["scale"]:
            continue
        if not m["unit"] and not m["scale"] and not m["cur"] and re.match(r"[A-Za-z]", text[m.end():m.end() + 1]):
            continue    # a model number: "Leopard 2A6", "9K38"
        if not m["unit"] and not m["scale"] and not m["cur"]:
            # years, dates, clock times, ordinals, "12-point", "a one-off"
            if (1900 <= value <= 2100 and "," not in m["num"] and "." not in m["num"]) \
                    or date_re.match(after) or before_date_re.search(before) \
                    or re.match(r"^[:/]\d", after) or (re.match(r"^-[a-z]", after) and not m["strong"]):
                continue
            if is_word and value == 1 and m["num"].lower() == "one" and not m["qual"] \
                    and not re.match(r"\s+of\s+(?:the|these|those|its|their|his|her)\s", after + " ", re.I):
                continue    # (but "one of the men was released": one of them; "at least one person": counted)
        if m["scale"]:
            if m["scale"].lower() in ("m", "k") and not (m["cur"] or m["num"][0].isdigit()):
                continue
            value *= scales[m["scale"].lower()]
        unit = qudt = None
        if m["unit"]:
            unit, qudt = units[m["unit"].lower()] if m["unit"].lower() in units else units[m["unit"]]
            qudt = qudt or None
        if m["cur"]:
            unit = currencies[m["cur"]]
        if m["strong"] and not unit:
            unit = "personnel"      # "a 900-strong brigade": its people, not brigades
        qual = quals[m["qual"].lower()] if m["qual"] else "exact"
        tail = text[m.end():m.end() + 12].lower()
        if qual == "exact" and re.match(r"^\s*(?:\w+\s)?or (?:more|above)\b", tail):
            qual = "at_least"
        if qual == "exact" and re.match(r"^\s*(?:\w+\s)?or (?:fewer|less)\b", tail):
            qual = "at_most"
        if re.match(r"^\s+(?:largest|biggest|smallest|main|major|top|leading|most|best|worst)\b", text[m.end():m.end() + 12], re.I) \
                and not m["unit"] and not m["cur"]:
            continue    # "the two largest companies": a description, not a count
        if out and _OF_WHOLE.match(text[out[-1].end:m.start()]) and not out[-1].unit and not out[-1].whole:
            # "45 of (the) 60 drones": the count is the first number; the second is the whole, kept
            # for what its own noun underwent ("1,000 of the 11,000 troops sent from North Korea")
            out.append(NumberMatch(m.start(), m.end(), value, qual, None, None, m.group(0), m.start("num"),
                                   whole=True))
            continue
        if not m["unit"] and not m["cur"] and _PART_OF.search(text[:m.start()]):
            qual = "less_than"     # "most of its 1,500 soldiers": fewer than the whole
        if _SPAN_BEFORE.search(text[:m.start()]) and _TIME_UNIT.match(text[m.end():m.end() + 12]) \
                or re.match(r"^\s*(?:hours?|days?|weeks?|months?|years?|decades?)\s+ago\b", text[m.end():m.end() + 20], re.I):
            continue    # "over the past 24 hours", "three years ago": a span of time, not a count
        unit_qudt = units.get((m["unit"] or "").lower(), (None, None))[1] if m["unit"] else None
        if unit_qudt in _LENGTHS and _OFFSET.match(text[m.end():m.end() + 40]):
            continue    # "about 70 nautical miles west of Hodeidah": where, not how many
        if out and not out[-1].whole and _in_conversion(text, out[-1].end, m.start()):
            continue    # "$50m (£37m)", "$8.7bn (7.8bn euros; £6.7bn)": conversions, not more facts
        out.append(NumberMatch(m.start(), m.end(), value, qual, unit, qudt, m.group(0),
                               m.start("cur") if m["cur"] else m.start("num")))
    for m in _FRACTION.finditer(text):      # "nearly half of all Russian oil production"
        if any(n.start < m.end() and m.start() < n.end for n in out):
            continue
        if _PERIOD_PART.search(text[:m.start("f")]) or _PERIOD_AFTER.match(text[m.end():m.end() + 30]):
            continue                        # "in the first half of this year": a time, not a share
        out.append(NumberMatch(m.start(), m.end(), _FRACTIONS[m["f"].lower()],
                               quals[m["qual"].lower()] if m["qual"] else "exact", "percent", "PERCENT",
                               m.group(0), m.start("f")))
    taken = [(n.start, n.end) for n in out]
    for m in vague_re.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(NumberMatch(m.start(), m.end(), float(vague[m["v"].lower()]),
                               quals[m["qual"].lower()] if m["qual"] else "at_least", None, None,
                               m.group(0), m.start("v"), vague=True))
    return sorted(out, key=lambda n: n.start)
