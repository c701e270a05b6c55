"""Title Case headlines read as sentences: 'Court Convicts Friend of Boston Bombing Suspect'.

A statistical parser tags nearly every capitalised word of a Title Case
headline as a proper noun, so the headline, which states the article's main
event, yields nothing. ``truecase`` lowercases the capitalised words that are
ordinary English words (the lemmatizer's word index, spaCy's stop words) and
are not part of a name the gazetteer knows; names it does not know stay as
they are. Only letters change case, so every offset still indexes the
article text (quotes are taken from the article, not from the parsed text).
"""
from __future__ import annotations

import re

from .resources import Resources

__all__ = ["truecase", "is_title_case", "names_in_prose", "read_as"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SUFFIXES = ("ies", "es", "s", "ed", "d", "ing")


def is_title_case(text: str, stop: frozenset[str]) -> bool:
    """Most content words capitalised, over at least four of them."""
    words = [w for w in _WORD.findall(text) if w.lower() not in stop]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_NAMES: dict[int, re.Pattern] = {}


def _names(res: Resources) -> re.Pattern:
    """One pattern of the gazetteer's names, aliases and demonyms, longest first (built once)."""
    if id(res) not in _NAMES:
        surfaces = sorted({s for s in (*res.surface, *res.demonym) if len(s) >= 2}, key=len, reverse=True)
        _NAMES[id(res)] = re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, surfaces)) + r")(?![A-Za-z])")
    return _NAMES[id(res)]


def _known(word: str, vocab: frozenset[str]) -> bool:
    if word in vocab:
        return True
    for suffix in _SUFFIXES:      # "convicts", "questioned", "hampering": their base word
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if base in vocab or base + "e" in vocab or (suffix == "ies" and base + "y" in vocab):
                return True
    return False


def names_in_prose(text: str, stop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Words the article capitalises inside a sentence ('... said Boston police'): names, wherever
    they stand. Title Case lines are no prose and say nothing of it."""
    return frozenset(m.group(1) for line in text.split("\n") if not is_title_case(line, stop)
                     for m in re.finditer(r"[a-z,;:] ([A-Z][A-Za-z'’]+)", line))


def truecase(text: str, res: Resources, vocab: frozenset[str], stop: frozenset[str],
             keep: frozenset[str] = frozenset()) -> str:
    """``text`` with the ordinary words of a Title Case line lowercased; any other text unchanged.
    ``keep``: words to leave capitalised (``names_in_prose`` of the article)."""
    if not vocab or not is_title_case(text, stop):
        return text
    protected = [False] * len(text)
    for m in _names(res).finditer(text):
        for k in range(m.start(), m.end()):
            protected[k] = True
    out = list(text)
    for m in _WORD.finditer(text):
        w = m.group()
        if protected[m.start()] or not w[0].isupper() or (len(w) > 1 and w.isupper()) or w in keep:
            continue        # a known name, a lowercase word, an acronym ("U.S.", "NATO")
        low = w.lower()
        if low in stop or _known(low, vocab):
            out[m.start():m.end()] = low
    return "".join(out)


def read_as(text: str, res: Resources) -> str:
    """The text as the parser should read it: each pair of the lexicon's [tokens.read_as_paired] runs
    in one sentence (no sentence end between them) replaced by runs of the same length (two spaced
    hyphens by dashes), so that every offset still indexes the article."""
    for old, new in res.lexicon.get("tokens", {}).get("read_as_paired", {}).items():
        if len(old) != len(new) or text.count(old) < 2:
            continue
        pair = re.compile(re.escape(old) + r"([^.!?]*?)" + re.escape(old))
        text = pair.sub(lambda m: new + m.group(1) + new, text)
    return text
