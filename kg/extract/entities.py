"""Entity mentions: gazetteer, NER and title cues, merged within an article.

A ``Mention`` ties a token span of one sentence document to an ``Entity``.
Gazetteer matches win over statistical NER; a surname alone ("Lula") joins
the full name seen elsewhere in the article ("Luiz Inácio Lula"); demonyms
("Russian-made") point to their country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from ..model import Entity
from .resources import GazetteerEntry, Resources, load_resources

__all__ = ["Mention", "EntityRegistry", "find_mentions"]

_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location",
              "FAC": "Location", "NORP": "Group", "PRODUCT": "Thing"}


@dataclass
class Mention:
    doc: int              # index of the sentence document in the article
    start: int            # token span [start, end)
    end: int
    entity: Entity
    kind: str             # "name", "demonym"
    char_start: int       # offsets in the article text
    char_end: int


class EntityRegistry:
    """Canonical entities of one article, keyed so that aliases meet."""

    def __init__(self, res: Resources):
        self.res = res
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.aliases: dict[tuple[str, str], set[str]] = {}
        self.entry_of: dict[tuple[str, str], GazetteerEntry] = {}
        self.votes: dict[tuple[str, str], dict[str, float]] = {}
        self.acronyms: dict[str, Entity] = {}       # "RSF" -> the name it was introduced after

    def from_entry(self, entry: GazetteerEntry, surface: str) -> Entity:
        key = ("gaz", entry.name)
        self.entry_of[key] = entry
        self.aliases.setdefault(key, set()).add(surface)
        return self._get(key, entry.name, entry.type, entry.wikidata)

    def from_name(self, text: str, type_: str, weight: float = 1.0) -> Entity:
        label = _clean(text)
        key = ("name", label.lower())
        self.aliases.setdefault(key, set()).add(label)
        votes = self.votes.setdefault(key, {})
        votes[type_] = votes.get(type_, 0.0) + weight
        return self._get(key, label, type_, None)

    def vote(self, entity: Entity, type_: str, weight: float = 2.0) -> None:
        """Evidence from use: a name after 'in' is a place, a name that 'said' is an actor."""
        key = ("name", entity.label.lower())
        if key in self.votes:
            self.votes[key][type_] = self.votes[key].get(type_, 0.0) + weight

    def leaning(self, entity: Entity) -> str:
        """The type the votes so far give a name the gazetteer does not know ('el-Fasher' after 'in'
        leans Location, whatever NER said)."""
        votes = self.votes.get(("name", entity.label.lower()))
        if not votes or entity.wikidata or ("gaz", entity.label) in self.entry_of:
            return entity.type
        return max(sorted(votes), key=lambda t: votes[t])

    def _get(self, key, label, type_, wikidata) -> Entity:
        if key not in self.by_key:
            self.by_key[key] = Entity(label=label, type=type_, wikidata=wikidata)
        return self.by_key[key]

    def finalise(self, mentions: list[Mention]) -> dict[Entity, Entity]:
        """Merge surnames into full names; return old -> canonical entity (with aliases)."""
        full_people: dict[str, Entity] = {}
        first_names: dict[str, set[Entity]] = {}
        honorifics = set(self.res.words("names", "honorifics"))

        def bare(label: str) -> str:    # "Sir Keir" -> "Keir": the one name an honorific goes with
            parts = label.split()
            return parts[1] if len(parts) == 2 and parts[0] in honorifics else label
        for m in mentions:
            e = m.entity
            if e.type == "Person" and " " in bare(e.label):
                full_people.setdefault(e.label.split()[-1], e)
                first_names.setdefault(e.label.split()[0], set()).add(e)
        remap: dict[Entity, Entity] = {}
        for e in self.by_key.values():      # (a name read as a participant is no mention: "the RLA")
            full = self.acronyms.get(e.label)
            if full is not None and full is not e:
                remap[e] = full         # "the Ruritanian Liberation Army (RLA) ... the RLA": one body
        for m in mentions:
            e = m.entity
            if e in remap:
                continue
            name = bare(e.label)
            if " " in name or e.type not in ("Person", "Organization", "Thing", "Location") \
                    or e.label in self.res.surface:
                continue
            if name in full_people:
                remap[e] = full_people[name]
            elif len(first_names.get(name, ())) == 1:
                remap[e] = next(iter(first_names[name]))     # "I speak to Vladimir", "Sir Keir": the full name
        out: dict[Entity, Entity] = {}
        surfaces: dict[Entity, set[str]] = {}
        for key, e in self.by_key.items():
            target = remap.get(e, e)
            surfaces.setdefault(target, set()).update(self.aliases.get(key, ()))
            if target is not e:
                surfaces[target].add(e.label)
        for key, e in self.by_key.items():
            target = remap.get(e, e)
            entry = self.entry_of.get(key)
            extra = set(entry.aliases) if entry else set()
            aliases = frozenset((surfaces.get(target, set()) | extra) - {target.label})
            out[e] = Entity(target.label, self.leaning(target), target.wikidata, aliases)
        return out


def _clean(text: str) -> str:
    text = re.sub(r"[\[\]]", "", text)     # an editor's brackets inside a name: "[Minister Gideon] Saar"
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"[’']s$", "", text)
    return " ".join(text.split()).strip(" ,.;:\"“”‘’'()")


@lru_cache(maxsize=4)
def _matcher(vocab_id: int, nlp):
    res = load_resources()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for surface in list(res.surface) + list(res.demonym):
        matcher.add(surface, [nlp.make_doc(surface)])
    return matcher


def _type_from_context(doc, start: int, end: int, guess: str, res: Resources) -> str:
    words = [t.lower_ for t in doc[start:end]]
    head = words[-1] if words else ""
    types = res.lexicon.get("types", {})
    titles = set(res.words("roles", "titles"))
    prev = doc[start - 1].lower_ if start > 0 else ""
    prev2 = doc[start - 2:start].text.lower() if start > 1 else ""
    if prev in titles or prev2 in titles:
        return "Person"
    after = [t for t in doc[end:end + 4]]
    if guess != "Person" and not any(t in types.get(k, []) for k in types for t in (head,)) and after \
            and prev not in ("in", "at", "from", "near", "to", "of", "into", "across", "outside", "inside") and (
            after[0].lower_ in ("who", "whom") or after[0].text == "," and len(after) > 1 and (
                after[1].lower_ in ("who", "whom")
                or after[1].like_num and after[1].text.isdigit() and 14 <= int(after[1].text) <= 99
                and len(after) > 2 and after[2].text in (",", ".", ";"))):
        return "Person"     # "Matanov, who lived in Quincy", "Khairullozhon Matanov, 23,": a person
    for type_ in ("MilitaryForce", "Organization", "Location"):
        if head in types.get(type_, []) and len(words) > 1:
            return type_
    if head in types.get("Event", []) and len(words) > 1:
        return "Thing"      # "Bloody Sunday", "Black Friday": a day's name, no organisation to refer to
    if guess == "Organization" and words and words[0] in ("ministry", "department"):
        return "Organization"
    return guess


def find_mentions(doc, doc_index: int, offset: int, nlp, registry: EntityRegistry) -> list[Mention]:
    """Mentions in one sentence document; ``offset`` is its start in the article text."""
    res = registry.res
    matcher = _matcher(id(nlp.vocab), nlp)
    spans = []
    for match_id, s, e in matcher(doc):
        spans.append((s, e, nlp.vocab.strings[match_id]))
    # longest first, no overlaps; a news outlet's name is one name ("the Latin American Herald Tribune")
    outlets = set(res.words("attribution", "outlet_words"))
    for ent in doc.ents:
        if ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT") and any(t.lower_ in outlets for t in ent):
            spans = [sp for sp in spans if not (ent.start <= sp[0] and sp[1] <= ent.end)]
    # a ship's name is no place: "HMS Glasgow" (the name itself comes from NER or the capitalised run)
    ships = set(res.words("names", "ship_prefixes"))
    spans = [sp for sp in spans if not (sp[0] > 0 and doc[sp[0] - 1].text in ships)]
    # a demonym or a place opening a body's capitalised name is part of it ("the Thai Air Force", "the
    # Turkish Armed Forces", "the Ruritania Doctors Network"): the name NER found, typed by its head, not the state
    orgs = [ent for ent in doc.ents if ent.label_ == "ORG"]
    if orgs:
        heads = res.word_set("types", "MilitaryForce") | res.word_set("types", "Organization")
        bodies = [(ent.start + (doc[ent.start].lower_ == "the"), ent.end) for ent in orgs
                  if doc[ent.end - 1].lower_ in heads and all(t.text[:1].isupper() for t in doc[ent.start + 1:ent.end])]
        spans = [sp for sp in spans if not any(b == sp[0] and (
            sp[2] in res.demonym and sp[2] not in res.surface and sp[1] < e
            or sp[2] in res.surface and res.surface[sp[2]].type in ("Country", "Location") and sp[1] < e - 1)
            for b, e in bodies)]
    # a person's surname after another first name is another person ("his son, Eduardo Bolsonaro"): the
    # name NER found, not the gazetteer's person of that surname
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    spans = [sp for sp in spans if not (
        sp[2] in res.surface and res.surface[sp[2]].type == "Person" and " " not in sp[2]
        and sp[0] > 0 and doc[sp[0] - 1].pos_ == "PROPN" and doc[sp[0] - 1].text[:1].isupper()
        and any(ent.start < sp[0] < ent.end for ent in people)
        and doc[sp[0] - 1].text[:3].lower() != res.surface[sp[2]].name[:3].lower())]   # (not "Volodomyr Zelensky")
    spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = [False] * len(doc)
    out: list[Mention] = []
    for s, e, surface in spans:
        if any(taken[s:e]):
            continue
        if surface in res.surface:
            entry, kind = res.surface[surface], "name"
        else:
            entry, kind = res.demonym[surface], "demonym"
        for i in range(s, e):
            taken[i] = True
        out.append(Mention(doc_index, s, e, registry.from_entry(entry, surface), kind,
                           offset + doc[s].idx, offset + doc[e - 1].idx + len(doc[e - 1].text)))
    of_heads = set(res.words("names", "of_heads"))
    for ent in doc.ents:
        type_ = _NER_TYPES.get(ent.label_)
        if not type_:
            continue
        s, e = ent.start, ent.end
        while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "’s")):
            e -= 1
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].text in res.word_set("names", "portfolio_titles"):
            continue    # "Secretary of State", "Minister of Defence": part of a title, no body of its own
        if s >= e or any(taken[s:e]) or doc[s].text.lower() in res.word_set("names", "not_names") \
                or doc[s].text[:1].islower() and not _article_prefixed(doc, s, e, res):
            continue
        if s > 0 and doc[s - 1].text in ships and not taken[s - 1]:
            s, type_ = s - 1, "Thing"      # "HMS Glasgow": NER tagged the city inside the ship's name
        if doc[e - 1].lower_ in of_heads and e + 1 < len(doc) and doc[e].lower_ == "of" \
                and doc[e + 1].pos_ == "PROPN" and doc[e + 1].text[:1].isupper():
            end = e + 2     # "the Strait of Hormuz": NER stopped before the "of"; the name is the whole
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
            if not any(m.start < end and e < m.end and not (e <= m.start and m.end <= end) for m in out):
                out = [m for m in out if not (e <= m.start and m.end <= end)]    # "Hormuz" alone: within
                e = end
        type_ = _type_from_context(doc, s, e, type_, res)
        if type_ == "Group" and e - s == 1 and ent.label_ == "NORP":
            continue  # an unknown demonym alone ("Marines") is not a participant
        described = _described_as(doc[s:e], res) if type_ in ("Location", "Thing") else None
        type_ = described or type_
        for i in range(s, e):
            taken[i] = True
        span = doc[s:e]
        # a title, an age or "who" beside the name outweighs NER's type at the name's other mentions
        # ("Tamerlan, 26, died ... Tamerlan was killed": a person throughout)
        weight = 3.0 if type_ == "Person" and _NER_TYPES.get(ent.label_) != "Person" or described else 1.0
        out.append(Mention(doc_index, s, e, registry.from_name(span.text, type_, weight), "name",
                           offset + span.start_char, offset + span.end_char))
    if not doc.has_annotation("ENT_IOB"):
        out.extend(_capitalised_spans(doc, doc_index, offset, taken, registry))
    for m in out:
        if m.kind == "name" and m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" \
                and _acronym_of(doc[m.end + 1].text, doc[m.start:m.end].text):
            registry.acronyms.setdefault(doc[m.end + 1].text, m.entity)
    return sorted(out, key=lambda m: m.start)


def _acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` ("RSF", "IAEA", "HTS") is made of the initials of ``name`` ("Rapid Support
    Forces", "Hayat Tahrir al-Sham"), in order, from its first: what "Name (ABC)" introduces."""
    letters = [c for c in short if c.isalpha()]
    if not 2 <= len(short) <= 8 or len(letters) < 2 or not short[0].isupper() \
            or sum(c.isupper() for c in letters) < len(letters) - 1:
        return False
    initials = [w[0].lower() for w in re.split(r"[\s-]+", name.strip()) if w and w[0].isalpha()]
    if not initials or initials[0] != letters[0].lower():
        return False
    k = 0
    for c in letters:
        while k < len(initials) and initials[k] != c.lower():
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def _described_as(span, res: Resources) -> str | None:
    """The type of the body a noun in apposition says a name is ("delivery company Glovo", "Glovo, the
    Spanish firm,"): NER may have taken the name for a place."""
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" and root.head.i not in range(span.start, span.end) else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    for n in nouns:
        if n.pos_ != "NOUN":
            continue
        lemma = n.lemma_.lower()
        if lemma in res.word_set("types", "MilitaryForce"):
            return "MilitaryForce"
        if lemma in res.word_set("types", "Organization") or lemma in res.word_set("nouns", "described_organization"):
            return "Organization"
    return None


def _article_prefixed(doc, s: int, e: int, res: Resources) -> bool:
    """'el-Fasher', 'al-Mawasi': a name whose small first word is an article before a hyphen."""
    return s + 2 < e and doc[s].lower_ in res.words("names", "article_prefixes") \
        and doc[s + 1].text == "-" and not doc[s].whitespace_ and doc[s + 2].text[:1].isupper()


def _capitalised_spans(doc, doc_index, offset, taken, registry) -> list[Mention]:
    """Without a NER model: runs of capitalised words, typed by title or head word."""
    out, i = [], 0
    not_names = load_resources().word_set("names", "not_names")
    while i < len(doc):
        t = doc[i]
        if taken[i] or not t.text[:1].isupper() or t.lower_ in not_names or not t.is_alpha:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and not taken[j] and (doc[j].text[:1].isupper() and doc[j].is_alpha
                                                 or doc[j].lower_ in ("of", "for", "de") and j + 1 < len(doc)
                                                 and doc[j + 1].text[:1].isupper()):
            j += 1
        if not (i == 0 or t.is_sent_start) or j - i > 1:
            type_ = _type_from_context(doc, i, j, "Thing", registry.res)
            if type_ != "Thing" or j - i > 1:
                span = doc[i:j]
                out.append(Mention(doc_index, i, j, registry.from_name(span.text, type_), "name",
                                   offset + span.start_char, offset + span.end_char))
        i = j
    return out
