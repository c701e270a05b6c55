"""Records that flow between the stages, and the IRIs minted for them.

Extraction produces these plain, frozen dataclasses; ``kg.rdf`` turns them into
triples. IRIs are content-addressed so that the same entity or fact found in
two articles becomes one node with two sources, and building twice changes
nothing.
"""
from __future__ import annotations

import hashlib
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import config

ENTITY_TYPES = ("Person", "Country", "Organization", "MilitaryForce", "WeaponSystem",
                "Location", "Group", "Thing")
STATUSES = ("reported", "claimed", "unverified", "disputed", "denied", "confirmed")
QUALIFIERS = ("exact", "at_least", "at_most", "more_than", "less_than", "approximately")
# How doubtful each status is: a statement is as doubtful as its most doubtful source.
DOUBT_RANK = {"confirmed": 0, "reported": 1, "claimed": 2, "unverified": 3, "disputed": 4,
              "denied": 5}


@dataclass(frozen=True)
class Article:
    """One news article: its full text as loaded, and what is known about it."""
    name: str                    # file name ("004_ee2df7017508fd8b.txt"), or file#record ("dump.jsonl#3")
    text: str                    # the text as loaded (see kg.load); all offsets index into it
    headline: str
    body_start: int              # offset where the body begins
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    encoding: str | None = None  # the source's character encoding as read ("utf-8", "windows-1252")
    media_type: str | None = None  # what it was read from ("text/plain", "text/html", "application/jsonl")

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entity:
    """A thing the text talks about, after merging its mentions."""
    label: str
    type: str
    wikidata: str | None = None
    aliases: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Quantity:
    value: float
    qualifier: str = "exact"     # one of QUALIFIERS
    unit: str | None = None      # what is counted or measured
    text: str = ""               # the wording in the article


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Statement:
    """One fact as one article states it (the source-specific parts included)."""
    predicate: str
    evidence: Span
    subject: Entity | None = None
    object: Entity | None = None
    location: Entity | None = None
    target: Entity | None = None
    recipient: Entity | None = None
    quantity: Quantity | None = None
    event_code: str | None = None      # e.g. "CAMEO:152"
    claimant: Entity | None = None
    status: str = "reported"
    status_cue: str | None = None
    status_by: Entity | None = None    # who doubts, disputes or denies it ("experts", "Islamabad")
    time: str | None = None            # ISO 8601 date or interval
    confidence: float = 0.7
    role: str | None = None            # office held, for holds_office


@dataclass
class Extraction:
    """Everything extracted from one article."""
    article: Article
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


# ---------------------------------------------------------------- IRI minting

def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated: 'Andrés Manuel López' -> 'andres-manuel-lopez'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:12]


@lru_cache(maxsize=4)
def _rules(path: str) -> dict:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _packaged_rules() -> str:
    # cached: ``importlib.resources`` took a fifth of ``place_key``, which runs per entity
    return str(resources.files("kg") / "data" / "entities.toml")


def _rules_path() -> str:
    """Where ``entities.toml`` is read from: ``kg/data``, or the copy in ``GEOKG_DATA``."""
    override = os.environ.get("GEOKG_DATA")
    if override and (Path(override) / "entities.toml").exists():
        return str(Path(override) / "entities.toml")
    return _packaged_rules()


def _entity_rules() -> dict:
    """``kg/data/entities.toml`` (or the copy in ``GEOKG_DATA``)."""
    return _rules(_rules_path())


def _place_rules() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _place_rules_of(_rules_path())


@lru_cache(maxsize=4)
def _place_rules_of(path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    places = _rules(path).get("places", {})
    return (tuple(w.casefold() for w in places.get("leading", ())),
            tuple(w.casefold() for w in places.get("generic_suffixes", ())))


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    from .extract.resources import load_resources          # read only: the frames' generic participants
    frames = load_resources().frames or {}
    listed = (frames.get("participants") or {}).get("generic") or []
    return frozenset(w.casefold() for w in [*listed, *_entity_rules().get("generic", {}).get("head_nouns", [])])


def place_key(label: str) -> str:
    """A place name as compared: without a leading article or a trailing generic word
    (``kg/data/places.toml``).

    >>> place_key("the Baltic region"), place_key("Baltic Sea"), place_key("Sea")
    ('baltic', 'baltic', 'sea')
    """
    leading, suffixes = _place_rules()
    words = slug(label).split("-")
    while len(words) > 1 and words[0] in leading:
        words = words[1:]
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return "-".join(words)


@lru_cache(maxsize=1)
def _gazetteer_places() -> dict[str, tuple[str, str | None]]:
    """place_key -> (name, wikidata) of every gazetteer location, names and aliases."""
    from .extract.resources import load_resources          # read only: the extractor's gazetteer
    out: dict[str, tuple[str, str | None]] = {}
    for e in load_resources().entries:
        if e.type == "Location":
            for name in (e.name, *e.aliases):
                out.setdefault(place_key(name), (e.name, e.wikidata))
    return out


def canonical_place(entity: Entity) -> Entity:
    """A location (or a plain noun phrase, a Thing) w/o Wikidata ID resolved by its
    normalised name: the gazetteer's location of that name, else the same entity.

    >>> canonical_place(Entity("Baltic region", "Location")).label
    'Baltic Sea'
    >>> canonical_place(Entity("baltic region", "Thing")).type
    'Location'
    """
    if entity.type not in ("Location", "Thing") or entity.wikidata:
        return entity
    key = place_key(entity.label)
    if entity.type == "Thing" and key == slug(entity.label):
        return entity       # a plain noun ("east") names no place; "baltic region" does
    hit = _gazetteer_places().get(key)
    if hit is None or (hit[0] == entity.label and hit[1] == entity.wikidata and entity.type == "Location"):
        return entity
    return Entity(hit[0], "Location", hit[1], entity.aliases | {entity.label})


def is_generic(entity: Entity) -> bool:
    """A generic noun phrase ("people", "figures", "operations"): a Thing or Group with
    no Wikidata ID, no capital letter and a generic head noun (``kg/data/entities.toml``
    and the generic participants of ``frames.toml``). Its node is scoped to the article.

    >>> is_generic(Entity("people", "Thing")), is_generic(Entity("tanks", "Thing"))
    (True, False)
    """
    label = entity.label.strip()
    return (entity.type in ("Thing", "Group") and not entity.wikidata and bool(label)
            and not any(c.isupper() for c in label) and label.split()[-1].casefold() in _generic_heads())


def entity_iri(entity: Entity, article: "Article | None" = None) -> str:
    """Wikidata ID; else a place by its normalised name; else type and name.

    A generic noun phrase gets an IRI of its own per ``article`` (when
    given), so that "people" in two articles are two nodes.
    """
    if entity.wikidata:
        return config.ENTITY + entity.wikidata
    place = canonical_place(entity)
    if place.type == "Location":
        if place.wikidata:
            return config.ENTITY + place.wikidata
        return config.ENTITY + "location-" + place_key(place.label)
    if article is not None and is_generic(entity):
        return config.ENTITY + slug(entity.type) + "-" + slug(entity.label) + "-in-" + article.digest[:12]
    return config.ENTITY + slug(entity.type) + "-" + slug(entity.label)


def statement_iri(st: Statement, article: "Article | None" = None) -> str:
    """Identity = predicate, participants in their roles, and the value (a generic
    participant makes it the ``article``'s own)."""
    roles = [entity_iri(e, article) if e else "" for e in (st.subject, st.object, st.location, st.target,
                                                            st.recipient)]
    value = "" if st.quantity is None else repr(float(st.quantity.value))
    return config.STATEMENT + slug(st.predicate).replace("-", "_") + "-" + _digest(st.predicate, *roles, value)


def article_iri(article: Article) -> str:
    return config.ARTICLE + article.digest[:16]


def source_iri(article: Article, st: Statement) -> str:
    return config.SOURCE + article.digest[:16] + "-" + _digest(statement_iri(st, article), st.evidence.start,
                                                                st.evidence.end)
