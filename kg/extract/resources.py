"""The extractor's knowledge, read from the data files in ``kg/data``.

Gazetteer (``gazetteer.csv``), event table (``events.csv``) and word lists
(``lexicon.toml``) and event-frame role tables (``frames.toml``) are data a user
can extend; this module only parses them.
Set ``GEOKG_DATA`` to a folder holding any of those files to override them.
"""
from __future__ import annotations

import csv
import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError

__all__ = ["GazetteerEntry", "EventType", "Resources", "load_resources"]


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class EventType:
    trigger: str          # lemma or lemma phrase ("shoot down")
    kind: str             # "verb" or "noun"
    predicate: str        # snake_case relation name
    cameo: str | None     # CAMEO 1.1b3 code
    cameo_label: str | None
    to_role: str          # role of a "to X" phrase: recipient or location


@dataclass
class Resources:
    entries: list[GazetteerEntry]
    events: list[EventType]
    lexicon: dict
    frames: dict = field(default_factory=dict)     # frames.toml: role tables, event nouns, skipped verbs
    by_name: dict[str, GazetteerEntry] = field(default_factory=dict)
    surface: dict[str, GazetteerEntry] = field(default_factory=dict)    # alias -> entry
    demonym: dict[str, GazetteerEntry] = field(default_factory=dict)    # "Russian" -> Russia
    verb_events: dict[str, EventType] = field(default_factory=dict)
    noun_events: dict[str, EventType] = field(default_factory=dict)
    _sets: dict = field(default_factory=dict, repr=False)                # word_set's cache

    def __post_init__(self):
        for e in self.entries:
            self.by_name[e.name] = e
            for s in (e.name, *e.aliases):
                self.surface.setdefault(s, e)
            for d in e.demonyms:
                self.demonym.setdefault(d, e)
        for ev in self.events:
            (self.verb_events if ev.kind == "verb" else self.noun_events).setdefault(ev.trigger, ev)

    def words(self, *path: str) -> list[str]:
        node = self.lexicon
        for p in path:
            node = node.get(p, {})
        return node or []

    def word_set(self, *path: str) -> frozenset[str]:
        """``words`` as a set, made once: for lists a rule reads on every token."""
        if path not in self._sets:
            self._sets[path] = frozenset(self.words(*path))
        return self._sets[path]


def _data_file(name: str) -> Path:
    override = os.environ.get("GEOKG_DATA")
    if override and (Path(override) / name).exists():
        return Path(override) / name
    return Path(str(resources.files("kg") / "data" / name))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def read_gazetteer(path: Path) -> list[GazetteerEntry]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            if not row.get("name") or not row.get("type"):
                raise InputError(f"{path}:{n}: a gazetteer row needs a name and a type")
            out.append(GazetteerEntry(
                name=row["name"].strip(), type=row["type"].strip(), aliases=_split(row.get("aliases")),
                wikidata=(row.get("wikidata") or "").strip() or None,
                demonyms=_split(row.get("demonyms")), country=(row.get("country") or "").strip() or None,
                role=(row.get("role") or "").strip() or None))
    return out


def read_events(path: Path) -> list[EventType]:
    with path.open(encoding="utf-8", newline="") as f:
        return [EventType(trigger=r["trigger"].strip().lower(), kind=r["kind"].strip(),
                          predicate=r["predicate"].strip(), cameo=(r.get("cameo") or "").strip() or None,
                          cameo_label=(r.get("cameo_label") or "").strip() or None,
                          to_role=(r.get("to_role") or "location").strip())
                for r in csv.DictReader(f)]


DATA_FILES = ("gazetteer.csv", "events.csv", "lexicon.toml", "frames.toml")


@lru_cache(maxsize=1)
def data_digest() -> str:
    """Eight hex digits that change whenever a data file changes."""
    h = hashlib.sha256()
    for name in DATA_FILES:
        h.update(_data_file(name).read_bytes())
    return h.hexdigest()[:8]


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Parse the data files once per process."""
    with _data_file("lexicon.toml").open("rb") as f:
        lexicon = tomllib.load(f)
    with _data_file("frames.toml").open("rb") as f:
        frames = tomllib.load(f)
    return Resources(entries=read_gazetteer(_data_file("gazetteer.csv")),
                     events=read_events(_data_file("events.csv")), lexicon=lexicon, frames=frames)
