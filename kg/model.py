"""Records that flow between the stages, and the IRIs minted for them.

Extraction produces these plain, frozen dataclasses; ``kg.rdf`` turns them into
triples. IRIs are content-addressed so that the same entity or fact found in
two articles becomes one node with two sources, and building twice changes
nothing.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

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


def entity_iri(entity: Entity) -> str:
    if entity.wikidata:
        return config.ENTITY + entity.wikidata
    return config.ENTITY + slug(entity.type) + "-" + slug(entity.label)


def statement_iri(st: Statement) -> str:
    """Identity = predicate, participants in their roles, and the value."""
    roles = [entity_iri(e) if e else "" for e in (st.subject, st.object, st.location, st.target,
                                                   st.recipient)]
    value = "" if st.quantity is None else repr(float(st.quantity.value))
    return config.STATEMENT + slug(st.predicate).replace("-", "_") + "-" + _digest(st.predicate, *roles, value)


def article_iri(article: Article) -> str:
    return config.ARTICLE + article.digest[:16]


def source_iri(article: Article, st: Statement) -> str:
    return config.SOURCE + article.digest[:16] + "-" + _digest(statement_iri(st), st.evidence.start,
                                                                st.evidence.end)
