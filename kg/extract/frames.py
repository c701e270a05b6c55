"""Event frames from every mention: any verb or event noun with its roles, typed afterwards.

The typed rules in ``events`` and ``relations`` know particular relations
well; this module makes sure nothing else is thrown away. Each verb and each
event noun (``kg/data/frames.toml`` [nouns], or any noun the event table
types) that no typed rule took becomes a ``Frame``: roles read off its
argument structure by the tables of ``frames.toml`` (dependency or
preposition -> role). The event table types a frame whose lemma it lists;
any other frame is stated with its lemma as an open predicate (``kg:relation``
in the ontology) and no event code, so the graph holds it and an analyst can
type it later with one row of ``events.csv``.

Precision is kept by mechanism: a frame is stated only with a participant
that is named, counted, typed or coreferent with one of those; generic nouns
("people", "efforts") and reporting verbs carry none.

``document_frames`` then joins mentions of one event across an article: a
later mention ("the package", "the sales", "they also include ...") inherits
the roles it does not state from the nearest earlier mention of its kind, and
adds its own items and counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Entity
from .quantities import find_numbers
from .resources import EventType, load_resources
from .context import expletive_it, parallel_of_gerund, text_of
from .roles import (
    _ACTORS,
    _VIOLENT,
    Draft,
    blamed_on,
    _clause_tokens,
    _event_for,
    _has_event_object,
    _negated,
    _phrase_lemma,
    _preps,
    receptive,
    _quantity_for,
    accepts_prep,
    counted_doer,
    undergoer,
    undergoer_possessor,
    shares_passive,
    gerund_doer,
    stance_holder,
    _subject_of,
    included_names,
    named_in_relative,
    natural_death,
    threatened_stop,
    told_not_given,
)

__all__ = ["Frame", "find_frames", "frame_drafts", "document_frames", "overlay"]

_STRONG_TYPES = ("Person", "Country", "Organization", "MilitaryForce", "WeaponSystem", "Location", "Group")
_PLACE_TYPES = ("Country", "Location")


@dataclass
class Frame:
    """One event mention: its trigger and the participants of each role."""
    si: int
    trigger: object                         # spaCy token
    lemma: str
    kind: str                               # "verb" or "noun"
    event: EventType | None
    roles: dict[str, list[Entity]] = field(default_factory=dict)
    quantities: list = field(default_factory=list)
    negated: bool = False
    owned: bool = False                     # its agent claimed it ("X claimed responsibility for the attack")
    result: str | None = None               # the state a verb of result brings to ("to the brink")

    def first(self, role: str) -> Entity | None:
        found = self.roles.get(role)
        return found[0] if found else None


def verb_of(ctx, noun: str) -> str:
    """An open event noun's verb, by the suffixes of [nouns.verb_suffixes] and the verbs the
    lemmatizer knows ('warning' -> 'warn', 'explosion' -> 'explode'); else the noun itself."""
    from .nlp import verb_lemmas
    verbs = verb_lemmas()
    table = _table(ctx, "nouns", "verb_suffixes")
    if noun in table.get("keep", ()):
        return noun
    if (verb := _table(ctx, "nouns", "verb_irregular").get(noun)) is not None:
        return verb
    for suffix, endings in table.items():
        if suffix != "keep" and noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            for ending in endings:
                if (verb := noun[:-len(suffix)] + ending) in verbs:
                    return verb
    return noun


def snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _table(ctx, *path):
    node = ctx.res.frames
    for p in path:
        node = node.get(p, {})
    return node


def _add(frame: Frame, role: str, ents: list[Entity]) -> None:
    have = frame.roles.setdefault(role, [])
    for e in ents:
        if e not in have and not any(e in v for r, v in frame.roles.items() if r != role):
            have.append(e)
    if not have:
        del frame.roles[role]


def _participants(ctx, si, tok) -> list[Entity]:
    """The entities a token stands for, without generic nouns ('people', 'efforts')."""
    if tok.pos_ == "PRON" and tok.lower_ in ("it", "they", "them", "this", "that", "which", "who") \
            and tok.dep_ == "pobj":
        return []
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in _table(ctx, "participants", "time_nouns"):
        return []       # "at 5 p.m. local time (1530 GMT)": a time, whatever hangs on it
    found = ctx.resolve_all(si, tok)
    generic = set(_table(ctx, "participants", "generic"))
    specific = bool(tok.ent_type_) or any(
        c.dep_ in ("compound", "poss", "nummod") and (c.pos_ == "PROPN" or c.like_num or ctx.mention_at(si, c.i))
        for c in tok.children)      # "the Bogside area", "Russia's interests": a name makes it specific
    return [e for e in found if not (e.type in ("Thing", "Group") and e.label.lower().split()[-1:] and
                                     e.label.lower().split()[-1] in generic and not specific)]


def _place(ctx, si, tok, ents: list[Entity]) -> list[Entity]:
    """Entities fit to be a place: named places, and other names used as one ('in Goma')."""
    out = []
    for e in ents:
        if ctx.is_outlet(e):
            continue        # "reporting in the Wall Street Journal": a newspaper, no place
        if e.type in _PLACE_TYPES:
            out.append(e)
        elif e.type in ("Organization", "Thing") and tok.pos_ == "PROPN":
            out.append(ctx.as_place(e))
        elif e.type in ("Thing", "Organization") and (tok.lemma_.lower() in _table(ctx, "nouns", "places")
                                                     or tok.lower_ in ctx.res.words("types", "Location")):
            out.append(e)
        elif e.type == "Person" and tok.pos_ == "NOUN" and tok.lemma_.lower() in _table(ctx, "nouns", "places") \
                and any(c.dep_ == "appos" for c in tok.children):
            out.append(ctx.as_place(e))     # "at a shipyard, Scotstoun": the yard's name, whatever NER said
    return out


def _prep_frame_roles(ctx, si, head, frame: Frame, table: dict) -> None:
    preposition_nouns = set(_table(ctx, "participants", "preposition_nouns"))
    spatial = _table(ctx, "participants", "spatial_preposition_nouns")
    for prep in _preps(head):
        role = table.get(prep.lower_)
        if blamed_on(ctx, head, prep):
            continue
        inner = [c for c in prep.children if c.dep_ == "prep"]
        if not any(c.dep_ == "pobj" for c in prep.children) and inner:
            role = table.get(f"{prep.lower_} {inner[0].lower_}")     # "out of the restaurant"
            prep = inner[0]
        if role is None:
            continue
        for p in prep.children:
            if p.dep_ == "pobj" and p.lemma_.lower() in spatial:      # "in front of the bakery": the bakery
                p = next((q for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                          for q in c.children if q.dep_ == "pobj"), p)
            if p.dep_ == "pobj" and prep.lower_ == "to" and frame.kind == "verb" and frame.result is None \
                    and p.pos_ == "NOUN" and head.lemma_.lower() in _table(ctx, "verbs", "result_to") \
                    and ctx.mention_at(si, p.i) is None and not _actor_like(ctx, p, []) \
                    and p.lemma_.lower() not in _table(ctx, "nouns", "places"):
                frame.result = f"to {p.lemma_.lower()}"   # "brought them to the brink": bring_to_brink
                continue
            if p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME"):
                _nested_place(ctx, si, p, frame)    # "On December 21 in Bagram, ...": the place of the clause
            if p.dep_ != "pobj" or p.like_num or p.ent_type_ in ("DATE", "TIME") \
                    or any(ch.isdigit() for ch in p.text) or p.lemma_.lower() in preposition_nouns:
                continue        # "at 2.45pm", "in front of": a time, or part of a preposition
            if role == "target" and p.lemma_.lower() in ctx.res.words("nouns", "media"):
                continue        # "appealed on TV": the channel, no target
            if frame.kind == "noun" and gerund_doer(p):
                continue        # "threats of Iran quitting the treaty": Iran quits, nothing is done to it
            body = p.lemma_.lower() in ctx.res.words("types", "MilitaryForce") \
                and (role in ("target", "recipient") or prep.lower_ in _table(ctx, "place_fallback"))
            if (_event_for(ctx, p) or p.lemma_.lower() in _table(ctx, "nouns", "events")) and not body:
                # (but "crashed into a foot patrol", "fired on a patrol": a patrol is also the troops on it)
                if prep.lower_ in ("in", "during"):
                    _nested_place(ctx, si, p, frame)    # "killed in an attack near Bagram": there too
                continue        # "in the attack", "after the talks": another event, not a participant
            ents = _participants(ctx, si, p)
            role_here = role
            if role == "recipient" and frame.kind == "verb" and head.lemma_.lower() in _table(ctx, "verb", "to_patient") \
                    and not any(c.dep_ == "dobj" for c in head.children):
                role = role_here = "patient"    # "listened to the preacher": what the listening is about
            if role == "agent" and prep.lower_ != "by":
                ents = [e for e in ents if e.type in _ACTORS]   # "fire from the Islamic State": who fires
            if role == "recipient" and frame.kind == "verb" and head.lemma_.lower() in _table(ctx, "verb", "motion")[
                    "verbs"] and ents and not _actor_like(ctx, p, ents):
                role_here = "place"     # "drove the truck to Geary Lake": where to
            elif role == "recipient" and frame.kind == "verb" and (places := _place(ctx, si, p, ents)) and (
                    p.ent_type_ != "GPE" or not any(c.dep_ == "dobj" for c in head.children)) and not (
                    p.ent_type_ == "ORG" and frame.event is not None and frame.event.to_role == "recipient"
                    and all(e.type == "Organization" for e in ents)):
                # (but "handed the files to Europol": a body receives what is handed over)
                role_here, ents = "place", places   # "came to the shop", "flew to Belfast": where to, no recipient
            elif role == "recipient" and frame.kind == "verb" and p.pos_ != "PROPN" and not _actor_like(ctx, p, ents):
                continue    # "returned to his bike", "brought them to the brink": no one receives anything
            elif role == "co_agent" and p.pos_ != "PROPN" and not _actor_like(ctx, p, ents):
                continue    # "contemplate it with any pleasure", "armed with knives": a manner or a means
            elif role == "co_agent" and frame.event is None and any(
                    c.dep_ == "acl" and c.tag_ == "VBG" and c.i > p.i for c in p.subtree):
                continue    # "protests erupted with thousands storming parliament": a clause of its own
            elif role == "co_agent" and frame.event is not None and frame.event.predicate in _VIOLENT \
                    and p.lemma_.lower() in ctx.weapon_nouns:
                continue    # "the army's strikes with missiles": what it struck with, not what it struck
            elif role == "recipient" and all(e.type == "Location" for e in ents) and p.ent_type_ != "GPE" \
                    and not (frame.kind == "noun" and p.pos_ == "PROPN" and not any(e.wikidata for e in ents)):
                role_here = "place"     # but "a sale to Freedonia": a name NER takes for a place receives
            elif role == "target" and prep.lower_ in _table(ctx, "verb", "actor_preps") and frame.kind == "verb" \
                    and head.lemma_.lower() in _table(ctx, "verb", "motion")["verbs"] and _vehicle(ctx, p, ents):
                _add(frame, "place", ents)     # "was flown out on a French military aircraft": where he was
                continue                        # on the way, not what the flight was aimed at
            elif role == "target" and prep.lower_ in _table(ctx, "verb", "actor_preps") and not _actor_like(ctx, p, ents) \
                    and (frame.event is None or (frame.event.predicate in _VIOLENT) == (frame.kind == "verb")
                         or frame.event.predicate not in _VIOLENT
                         and {p.lemma_.lower(), p.lower_} & set(_table(ctx, "nouns", "places"))):
                # (an event noun of violence keeps its target: "an attack on the market")
                # "left a bag on a block", "caught on video", "denied a leak on the premises": a place, or
                # no participant at all
                role_here, ents = "place", _place(ctx, si, p, ents)
            if role_here == "place":
                places = _place(ctx, si, p, ents)
                fallback = _table(ctx, "place_fallback").get(prep.lower_)
                if not places and fallback and fallback not in frame.roles and _actor_like(ctx, p, ents):
                    role_here = fallback        # "crashed into a patrol boat", "fired at protesters": what was hit
                else:
                    ents = places
            _add(frame, role_here, ents)
            _nested_place(ctx, si, p, frame)


def _vehicle(ctx, tok, ents: list[Entity]) -> bool:
    """A weapon or craft one can travel on (not an actor: "marched on the army" targets it)."""
    return not any(e.type in _ACTORS for e in ents) and (
        any(e.type == "WeaponSystem" for e in ents) or tok.lower_ in ctx.weapon_nouns
        or tok.lemma_.lower() in ctx.weapon_nouns)


def _actor_like(ctx, tok, ents: list[Entity]) -> bool:
    """Someone or something that can be hit or acted on: an actor, a weapon, people."""
    return any(e.type in (*_ACTORS, "WeaponSystem") for e in ents) or tok.lemma_.lower() in ctx.people \
        or tok.lower_ in ctx.people or tok.lower_ in ctx.weapon_nouns or tok.lemma_.lower() in ctx.weapon_nouns


def _nested_place(ctx, si, tok, frame: Frame) -> None:
    """'shattered the building in Oklahoma City', 'a bakery on Rue Royale': a place inside a participant."""
    if "place" in frame.roles:
        return
    if tok.lemma_.lower() in _table(ctx, "participants", "time_nouns") and tok.ent_type_ in ("DATE", "TIME"):
        return      # "faces up to 20 years in prison": a penalty, no place where it happens
    for prep in tok.children:
        if prep.lower_ in _table(ctx, "nested", "not_place"):
            continue        # "deter aggression towards Lisk": where the aggression is aimed, not where deterred
        pressed = prep.lower_ in _table(ctx, "nested", "place_under_places") and tok.pos_ == "NOUN" \
            and tok.lemma_.lower() not in _table(ctx, "nouns", "places") \
            and tok.lemma_.lower() in _table(ctx, "participants", "generic") \
            and not ((ev := _event_for(ctx, tok)) is not None and ev.predicate in _VIOLENT)
        if prep.dep_ == "prep" and (_table(ctx, "verb", "preps").get(prep.lower_) == "place"
                                    or prep.lower_ in _table(ctx, "nested", "place")):
            for p in prep.children:
                if p.dep_ == "pobj" and not (pressed and p.pos_ == "PROPN"):
                    _add(frame, "place", _place(ctx, si, p, ctx.resolve_all(si, p)))
                # ("economic pressure on Vostok": on whom it is pressed, not where; "an attack on the market": there)


def open_lemma(ctx, verb) -> str:
    """The name of an open statement's verb: with its particle, or a preposition or adverb the
    frames table's ``phrasal`` list keeps ('checked into' -> 'check into'), lemmatizer slips fixed."""
    lemma = _phrase_lemma(verb)
    first, *rest = lemma.split()
    first = _table(ctx, "verbs", "lemma_fixes").get(first, first)
    if rest:
        return " ".join([first, *rest])
    near = {c.lower_ for c in verb.children if c.dep_ in ("prep", "advmod", "prt", "acomp", "oprd", "dobj", "ccomp")}
    for phrase in _table(ctx, "verbs", "phrasal"):
        head, *words = phrase.split()
        if head == first and all(w in near for w in words):
            return phrase
    return first


def _verb_frame(ctx, si, verb, ev) -> Frame:
    frame = Frame(si, verb, open_lemma(ctx, verb), "verb", ev, negated=_negated(verb))
    if any(expletive_it(ctx.res, c) for c in verb.children):
        return frame        # "It required one man to clear the area": the infinitive is the event
    subj, passive = _subject_of(ctx, si, verb)
    if passive and verb.dep_ == "conj" and (any(c.dep_ == "auxpass" for c in verb.children) or shares_passive(verb)) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "X entered the US and was later granted asylum": X is the one granted it (or the one done to);
        # "the frigates were built and are being fitted out at Y", "was shot and killed by police": both
        # done to the subject of the first
        shared = [e for c in verb.head.children if c.dep_ == "nsubj" for e in ctx.resolve_all(si, c)] \
            or [e for c in verb.head.children if c.dep_ == "nsubjpass" for e in _participants(ctx, si, c)]
        _add(frame, "recipient" if any(c.dep_ == "dobj" for c in verb.children) else "patient", shared)
    elif passive and (done_to := undergoer(verb)) is not None:
        # "Granted asylum in 2019, she lives ...", "freed after being held": she is the one done to
        _add(frame, "recipient" if any(c.dep_ == "dobj" for c in verb.children) else "patient",
             ctx.resolve_all(si, done_to))
    if not subj and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.doc[verb.i - 1].text != ",":
        # "the army holding the capital": the army holds it (not "roam the streets, waving guns": the roamers
        # wave them; nor "in a prison awaiting trial": a place awaits nothing)
        subj = [e for e in ctx.resolve_all(si, verb.head) if e.type not in ("Location", "Country")
                and verb.head.lemma_.lower() not in _table(ctx, "nouns", "places")]
    if (si, verb.i) in ctx.agentless:
        subj = []           # "the fire destroyed the building": a cause the typed rule saw, no agent
    generic = set(_table(ctx, "participants", "generic")) | set(_table(ctx, "participants", "purposes"))
    _add(frame, "agent", [e for e in subj if (e.label.lower().split()[-1:] != ["people"] or passive)
                          and not (e.type == "Thing" and e.label.lower().split()[-1] in generic)])
    deps = _table(ctx, "verb", "deps")
    second = [c for c in verb.children if c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN")
              and c.ent_type_ not in ("DATE", "TIME")]      # (the parse's "assigned [Room 25]")
    given = any(c.dep_ == "nsubjpass" for c in verb.children) and bool(second)
    if given and all(c.dep_ == "npadvmod" for c in second):
        _add(frame, "patient", _participants(ctx, si, second[0]))
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ == "dobj" and c is not objects[0] and c.i == objects[0].right_edge.i + 1:
            continue    # a second object right after the first: a noun the parse cut off ("convicts friend of
                        # bombing [suspect]"), no participant of its own
        role = deps.get(c.dep_) or ("patient" if passive and c.dep_ == "nsubj" else None)
        if role and c.i > verb.i and any(t.tag_ == "''" for t in verb.doc[verb.i + 1:c.i]):
            continue    # '"... doesn't change" - a reference to X': the quote closed; the writer's aside
        if c.dep_ == "nsubjpass" and not passive:
            continue
        if given and c.dep_ == "nsubjpass":
            role = "recipient"      # "McVeigh was assigned Room 25", "he was refused entry": the one given it
        if role == "patient" and ev is not None and ev.to_role == "recipient" and told_not_given(ctx, si, verb, c):
            role = "recipient"      # "promised Ruritanians that the assembly will ...": told, not given
        if role == "patient" and c.dep_ == "dobj" \
                and verb.lemma_.lower() in ctx.res.words("events", "charge_object_verbs"):
            _add(frame, role, _own_agent(ctx, si, c))   # "alleging violations": the charge; "abuses by X": X
            continue
        if role:
            _add(frame, role, _participants(ctx, si, c))
            if not (ev is not None and ev.predicate in ctx.res.words("events", "evaluative_predicates")
                    and _event_for(ctx, c) is not None):
                _nested_place(ctx, si, c, frame)    # not "condemned the strikes on Lisk": the strikes' place
            if role == "patient":
                _add(frame, role, included_names(ctx, si, verb, c))     # "..., including Ana Vel"
        if role == "patient" and "target" not in frame.roles:
            for prep in _preps(c):      # "closed its border crossings with Freedonia": the other side
                if prep.lower_ in _table(ctx, "verb", "patient_with"):
                    _add(frame, "target", [e for p in prep.children if p.dep_ == "pobj"
                                           for e in _participants(ctx, si, p) if e.type in (*_ACTORS, "Location")
                                           and p.pos_ == "PROPN"])
    if "patient" not in frame.roles and (named := named_in_relative(ctx, verb)) is not None:
        _add(frame, "patient", _participants(ctx, si, named))      # "built up what was called a shadow fleet"
        _nested_place(ctx, si, named, frame)
    if verb.dep_ == "acl" and (verb.tag_ in ("VBN", "VBD") and not any(c.dep_ == "dobj" for c in verb.children)
                               or any(c.dep_ == "agent" for c in verb.children)) \
            and verb.head.pos_ in ("NOUN", "PROPN") and stance_holder(ctx, verb) is None:
        _add(frame, "patient", _participants(ctx, si, verb.head))    # "drones launched by X"
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in ("where", "wherever") for c in verb.children):
        # "the bus station, where six people were killed": the noun the clause hangs on is the place
        _add(frame, "place", _place(ctx, si, verb.head, ctx.resolve_all(si, verb.head)))
    _prep_frame_roles(ctx, si, verb, frame, _table(ctx, "verb", "preps"))
    after_particle = {**_table(ctx, "verb", "preps"), **_table(ctx, "verb", "particle_preps")}
    for c in verb.children:
        if c.dep_ in ("advmod", "prt") and c.pos_ in ("ADV", "ADP"):
            _prep_frame_roles(ctx, si, c, frame, after_particle)    # "flew back to Belfast", "walked out of"
    if "place" not in frame.roles and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        # "In Bagram, a bomber blew himself up, killing six soldiers": the participle happened there too
        head = Frame(si, verb.head, "", "verb", None)
        _prep_frame_roles(ctx, si, verb.head, head, _table(ctx, "verb", "preps"))
        _add(frame, "place", head.roles.get("place", []))
    return frame


def _own_agent(ctx, si, noun) -> list[Entity]:
    """The agent written on the noun: 'Russia's attack', 'its attack', 'the Russian attack',
    'a militant attack'."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lemma_.lower() in ctx.res.words("events", "agent_adjectives"):
            if c.i > 1 and c.nbor(-1).text == "-" and c.nbor(-2).lower_ in ctx.res.word_set("events", "against_prefixes"):
                return []   # "counter-terrorist test flights": against them, not theirs
            return [ctx.registry.from_name(c.lemma_.lower() + "s", "Group")]
        if c.dep_ == "poss":
            befalls = undergoer_possessor(ctx, si, noun)
            return [] if befalls is not None and befalls.i == c.i else ctx.resolve_all(si, c, allow_noun=False)
        if c.dep_ in ("amod", "compound", "nmod") and (mc := ctx.mention_at(si, c.i)) is not None \
                and mc.entity.type != "Location":
            return [mc.entity]      # not "the Kursk offensive": a place names the event, not its actor
    return []


def _noun_frame(ctx, si, noun, ev) -> Frame:
    frame = Frame(si, noun, noun.lemma_.lower(), "noun", ev, negated=_negated(noun))
    _add(frame, "agent", _own_agent(ctx, si, noun))
    if (befalls := undergoer_possessor(ctx, si, noun)) is not None:
        _add(frame, "patient", ctx.resolve_all(si, befalls, allow_noun=False))     # "his arrest": he is arrested
    gov = noun.head
    light = set(ctx.res.words("events", "light_verbs"))
    if noun.dep_ in ("dobj", "nsubjpass") and gov.pos_ == "VERB" and (
            _phrase_lemma(gov) in light or gov.lemma_.lower() in light) and "agent" not in frame.roles:
        subj, _ = _subject_of(ctx, si, gov)     # "X launched an attack": X's attack
        if receptive(ctx, gov, noun):           # "X took an order from Y": Y's order, X takes it
            _add(frame, "recipient" if ev is None or ev.to_role == "recipient" else "patient", subj)
            _add(frame, "agent", [e for c in _preps(gov) if c.lower_ == "from"
                                  for p in c.children if p.dep_ == "pobj" for e in _participants(ctx, si, p)])
        else:
            _add(frame, "agent", subj)
        for c in gov.children:
            if c.dep_ == "dative":
                _add(frame, "recipient", _participants(ctx, si, c))
        _prep_frame_roles(ctx, si, gov, frame, _table(ctx, "verb", "preps"))   # "gave an interview to the BBC"
    if noun.dep_ == "pobj" and _befalls(ctx, gov):
        subj, _ = _subject_of(ctx, si, gov.head)    # "the convoy came under attack": the convoy is attacked
        _add(frame, "patient", subj)
        _prep_frame_roles(ctx, si, gov.head, frame, {**_table(ctx, "verb", "preps"), "from": "agent"})
    if noun.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_.lower() in _table(ctx, "nouns", "deed_claims") \
            and gov.head.head.pos_ == "VERB" and "agent" not in frame.roles and not _negated(gov.head.head):
        subj, _ = _subject_of(ctx, si, gov.head.head)    # "X claimed responsibility for the attack": X's attack
        _add(frame, "agent", subj)
        frame.owned = bool(subj)
    if noun.lemma_.lower() in _table(ctx, "nouns", "for_patient"):
        for prep in _preps(noun):       # "an appeal for witnesses", "an order for 12 jets": what is sought
            if prep.lower_ == "for":
                _add(frame, "patient", [e for p in prep.children if p.dep_ == "pobj" for e in _participants(ctx, si, p)])
    if noun.dep_ == "pobj" and gov.lower_ == "in" and gov.head.pos_ == "VERB" and "agent" not in frame.roles \
            and not any(c.dep_ in ("det", "poss", "amod") for c in noun.children) \
            and noun.lemma_.lower() in _table(ctx, "nouns", "of_agent"):
        # "acting in support of the Palestinians": the one acting supports them (an adverb of manner,
        # no support of theirs)
        subj, _ = _subject_of(ctx, si, gov.head)
        _add(frame, "agent", subj)
        for prep in _preps(noun):
            if prep.lower_ == "of":
                _add(frame, "recipient", [e for p in prep.children if p.dep_ == "pobj"
                                          for e in _participants(ctx, si, p)])
    if noun.lemma_.lower() in _table(ctx, "nouns", "of_agent") and "agent" not in frame.roles:
        for prep in _preps(noun):       # "with the aid of Russia": Russia aids
            if prep.lower_ == "of":
                _add(frame, "agent", [e for p in prep.children if p.dep_ == "pobj"
                                      for e in _participants(ctx, si, p) if e.type in _ACTORS])
    _prep_frame_roles(ctx, si, noun, frame, _table(ctx, "noun", "preps"))
    if "recipient" not in frame.roles:
        # "the sale of 12 radars to Freedonia": the parse hangs 'to' on the thing sold
        for prep in _preps(noun):
            for p in (x for x in prep.children if prep.lower_ == "of" and x.dep_ == "pobj"):
                for to in _preps(p):
                    if to.lower_ == "to":
                        _add(frame, "recipient", [e for q in to.children if q.dep_ == "pobj" and q.pos_ == "PROPN"
                                                  for e in _participants(ctx, si, q)])
    aim = set(ctx.res.words("events", "acl_target_verbs"))
    for c in noun.children:
        v = c if c.dep_ in ("relcl", "acl") else None
        while v is not None:    # "bombings, which seemed to be aimed at civilians": what they were aimed at
            if v.lemma_.lower() in aim:
                _prep_frame_roles(ctx, si, v, frame, {p: "target" for p in ("at", "on", "against")})
            v = next((x for x in v.children if x.dep_ == "xcomp"), None)
    for prep in _preps(noun):
        roles = _table(ctx, "noun", "split_preps").get(prep.lower_)
        objs = [p for p in prep.children if p.dep_ == "pobj"]
        if not roles or not objs:
            continue
        found = _participants(ctx, si, objs[0])
        if "agent" not in frame.roles and len(found) >= 2:
            _add(frame, roles[0], found[:1])    # "a battle between troops and gunmen": one side, then the other
            _add(frame, roles[1], found[1:])
        else:
            _add(frame, "co_agent", found)
        for o in [objs[0], *objs[0].conjuncts]:
            _nested_place(ctx, si, o, frame)
    return frame


def _quantities(ctx, si, frame: Frame, numbers, used) -> None:
    """The count of the patient first, then any number of the mention's own clause."""
    t = frame.trigger
    term = []       # an open verb's term ([verbs].term_verbs), counted when its patient is not
    if frame.kind == "verb":
        inner = {x.i for x in t.subtree if x.i != t.i and (x.dep_ == "relcl" or x.lower_ in ("including", "among")
                                                             or x.pos_ == "VERB" and _event_for(ctx, x))
                 for x in x.subtree}
        clause = [x for x in _clause_tokens(t) if x.i not in inner and x.dep_ not in ("nsubj", "csubj")
                  and x.i != t.i]
        subj = {x.i for c in t.children if c.dep_ in ("nsubj", "csubj") for x in c.subtree}
        # nor a second charge beside the patient ("a charge of forging papers and two charges of fraud")
        subj |= {x.i for c in t.children if c.dep_ in ("dobj", "nsubjpass") for o in c.conjuncts
                 if parallel_of_gerund(c, o) for x in o.subtree}
        tokens = [x for x in clause if x.i not in subj]
        if frame.event is None:
            # an open verb counts its patient only ("detonated 20 bombs"), not a number met in its
            # clause ("the families of the six service members", "located on 4 Calle del Correo")
            # (and the patients joined to it: "radars, eight air defence systems and other weaponry")
            objs = [o for c in t.children if c.dep_ in ("dobj", "nsubjpass") for o in (c, *c.conjuncts)]
            patient = {c.i for c in objs} | {
                x.i for c in objs for k in c.children
                if k.dep_ in ("nummod", "quantmod", "amod", "compound") or k.dep_ == "prep" and k.lower_ == "of"
                for x in k.subtree}
            tokens = [x for x in tokens if x.i in patient]
            if t.lemma_.lower() in _table(ctx, "verbs", "term_verbs"):
                term = [x for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.subtree]
    else:
        tokens = [t, *[x for c in t.children if c.dep_ in ("nummod", "prep", "compound") for x in c.subtree]]
    q = _quantity_for(ctx, si, tokens, numbers, used)
    if q is None and term and (q := _quantity_for(ctx, si, term, numbers, used)) is not None:
        frame.quantities.append(q)      # "sentenced to 27 years and three months": the term, one number
        return
    if q is None and frame.kind == "verb":
        q = _quantity_for(ctx, si, counted_doer(ctx, t), numbers, used)     # "Three jets entered its airspace"
    if q is None and frame.kind == "noun" and t.dep_ == "dobj" and receptive(ctx, t.head, t) \
            and frame.event is not None and frame.event.predicate in ctx.res.words("events", "casualty_predicates"):
        q = _quantity_for(ctx, si, [x for c in t.head.children if c.dep_ == "nsubj" for x in c.subtree],
                          numbers, used)    # "13 people suffered injuries": the count of who suffered them
    if q is None:
        return
    frame.quantities.append(q)
    while (more := _quantity_for(ctx, si, tokens, numbers, used, strict=True)) is not None:
        frame.quantities.append(more)


def _strong(ctx, frame: Frame) -> bool:
    """Participants that carry a statement: two roles filled ('the bomb destroyed the car'),
    or one named, typed or counted participant that the event was done to or where
    ('an explosion in Belfast'). A lone agent ('the EU's package', 'Trump stop') says too
    little to be a fact of its own."""
    filled = [r for r, v in frame.roles.items() if v]
    if frame.event is None and frame.kind == "verb" and set(filled) <= {"place", "time"} \
            and any(c.dep_ in ("dobj", "ccomp") or c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower()
                    not in _table(ctx, "nouns", "events") for c in frame.trigger.children):
        return False    # "increases pressure on Moscow", "tensions rose in Lisk", "I was driven across X": a
                        # participant the text has but names nothing leaves only a place
    if frame.event is None and frame.kind == "verb" and "patient" not in filled and not frame.quantities \
            and frame.lemma == frame.trigger.lemma_.lower() \
            and frame.lemma in _table(ctx, "verbs", "light_open"):     # (not a phrasal "take_to")
        return False    # "the property the officials hold in the US": a light verb with nothing held says nothing
    if len(filled) >= 2:
        return True
    if filled == ["agent"]:
        return frame.owned      # 'X claimed the attack' is a fact; 'the EU's package' alone is not
    if frame.event is not None and frame.event.predicate in _VIOLENT and filled in (["patient"], ["target"]):
        return True     # a violent event done to something: 'the bakery was attacked'
    return bool(frame.quantities and frame.quantities[0].unit) \
        or any(e.type in _STRONG_TYPES for v in frame.roles.values() for e in v)


def find_frames(ctx, si: int, numbers, used, taken: dict[int, str]) -> list[Frame]:
    """Frames of one sentence for every verb and event noun no typed rule took (``taken``: index -> predicate)."""
    doc = ctx.sentences[si].doc
    skip = set(_table(ctx, "verbs", "skip")) | set(ctx.res.words("attribution", "claimed"))
    items = set(_table(ctx, "verbs", "items"))
    event_nouns = set(_table(ctx, "nouns", "events"))
    kindless = set(_table(ctx, "nouns", "kindless"))      # "an incident on the bridge": no event of its own
    deed_claims = set(_table(ctx, "nouns", "deed_claims"))    # "accepted responsibility": the deed's frame says it
    measures = ctx.res.lexicon.get("measures", {}).get("nouns", {})
    out = []
    for tok in doc:
        if tok.i in taken:
            continue
        lemma = tok.lemma_.lower()
        ev = None if (si, tok.i) in ctx.untyped else _event_for(ctx, tok)
        if not tok.is_alpha or len(tok.text) < 2:
            continue        # "'m", "'s": clitics are no events
        if not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
            continue        # "re-engaging" split at its hyphen: a prefix, no verb
        if tok.pos_ == "VERB":
            phrase = _phrase_lemma(tok)     # "go off", "blow up": a particle makes an event of a light verb
            if ev is None and (lemma in skip and (phrase == lemma or phrase in skip) and not _skipped_yet_act(ctx, si, tok)
                               or lemma in items) \
                    or _light_with_event(ctx, tok, phrase) \
                    or any(c.dep_ == "dobj" and c.lemma_.lower() in deed_claims for c in tok.children) \
                    or any(c.dep_ == "dobj" and c.lemma_.lower() in measures for c in tok.children) \
                    or ev is None and any(_befalls(ctx, c) and any(
                        p.dep_ == "pobj" and (_event_for(ctx, p) or p.lemma_.lower() in event_nouns)
                        for p in c.children) for c in tok.children):
                continue    # an event noun or a measure ('reached an altitude of') carries it
            if ev is not None and _declined(ctx, tok):
                continue
            if _participle_of_addressee(ctx, tok):
                continue    # "told cheering lawmakers that ...": who was told, not what
            if ev is None and tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("acl", "amod") \
                    and lemma in _table(ctx, "verbs", "relational_participles"):
                continue    # "ships linked to Israel": what the ships are, no act of linking

            if ev is None and lemma in _table(ctx, "verbs", "stative_passives") \
                    and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
                continue    # "the cafe was located on Main Street": where it is
            if ev is None and lemma in _table(ctx, "verbs", "event_effects") and any(
                    c.dep_ == "nsubj" and (_event_for(ctx, c) or c.lemma_.lower() in event_nouns) for c in tok.children):
                continue    # "killings rocked the east": the killings are the event
            frame = _verb_frame(ctx, si, tok, ev)
            if ev is None and lemma in _table(ctx, "verb", "motion").get("needs_goal", ()) \
                    and not set(frame.roles) & {"patient", "recipient", "target", "place"}:
                continue    # "going from an organ to a subservient tool": no place (as _place reads one), no journey
        elif tok.pos_ == "NOUN" and (ev is not None or lemma in event_nouns and lemma not in kindless) \
                and ctx.mention_at(si, tok.i) is None and not threatened_stop(ctx, tok) \
                and not (ev is not None and ev.predicate == "kills" and natural_death(ctx, tok)):
            if ev is None and _of_phrase_owner(ctx, tok, taken) is not None:
                continue        # "the sale of one of its largest weapons packages": what the sale is of
            gov = tok.head if tok.dep_ != "pobj" else tok.head.head
            if gov.i in taken and taken[gov.i] is not None and (ev is None or taken[gov.i] == ev.predicate) \
                    and (tok.dep_ != "pobj" or tok.head.lower_ == "of"
                         or tok.head.lower_ == ctx.res.lexicon.get("events", {}).get("prep_objects", {}).get(
                             gov.lemma_.lower())):     # ("participated in a ceremony": the verb's object)
                continue        # "launched strikes", "fought two wars": the verb's event already
            frame = _noun_frame(ctx, si, tok, ev)
        else:
            continue
        trial = set(used)       # a frame that is not kept leaves its numbers to the next one
        _quantities(ctx, si, frame, numbers, trial)
        if frame.roles and _strong(ctx, frame):
            out.append(frame)
            used |= trial
    return out


def _participle_of_addressee(ctx, verb) -> bool:
    """'the president told cheering lawmakers that ...': the parse reads 'cheering' as what was
    told or asked ([modality].requested), but a verb of telling takes its addressee first; the
    participle describes the addressee and states no event."""
    head = verb.head
    return verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.i == head.i + 1 \
        and head.lemma_.lower() in ctx.res.words("modality", "requested") \
        and not any(c.dep_ in ("dobj", "dative") for c in head.children) \
        and any(c.dep_ == "dobj" and c.i == verb.i + 1 for c in verb.children)


def _skipped_yet_act(ctx, si, verb) -> bool:
    """A verb of the skip list that is an act here: it accepts a thing ('agreed to the plan'), gives
    its object a status ('named X as leader') or uses a weapon."""
    return _accepts_thing(ctx, verb) or _designates(ctx, verb) or _uses_weapon(ctx, si, verb)


def _uses_weapon(ctx, si, verb) -> bool:
    """'the Russians are using 6,000 glide bombs per month', 'Ukraine will get eight air defence systems':
    a verb of the skip list whose object (or one joined to it) is a weapon ([verbs].weapon_object) is an
    event of its own."""
    return verb.lemma_.lower() in _table(ctx, "verbs", "weapon_object") and any(
        o.lower_ in ctx.weapon_nouns or o.lemma_.lower() in ctx.weapon_nouns
        or any(e.type == "WeaponSystem" for e in ctx.resolve_all(si, o, allow_noun=False))
        for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts))   # ("radars, eight air defence systems")


def _designates(ctx, verb) -> bool:
    """'named Col X as the new leader', 'declared Freedonia a country of concern': a verb of naming
    ([verbs].designating) that gives a named object a status is an act, not a way of speaking."""
    if verb.lemma_.lower() not in _table(ctx, "verbs", "designating"):
        return False
    obj = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PROPN"]
    status = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN")
              or c.dep_ == "prep" and c.lower_ == "as"]
    status += [x for o in obj for x in o.children if x.dep_ == "appos"    # (the parse's "Nigeria, a Country")
               and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in x.children)]
    return bool(obj and status)


def _accepts_thing(ctx, verb) -> bool:
    """'agreed to the first phase of the plan': a verb of the skip list whose preposition
    ([verbs].accept_preps) names a thing, not a typed event noun, is an event of its own."""
    return any(c.dep_ == "prep" and accepts_prep(ctx, verb, c) and any(
        p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and _event_for(ctx, p) is None
        for p in c.children) for c in verb.children)


def _of_phrase_owner(ctx, tok, taken: dict):
    """The typed event noun whose 'of' phrase holds ``tok`` ('the sale of one of its packages' -> sale)."""
    partitives = set(ctx.res.words("nouns", "partitives"))
    a = tok
    for _ in range(4):
        if a.dep_ != "pobj" or a.head.lower_ != "of":
            return None
        owner = a.head.head
        if owner.pos_ == "NOUN" and taken.get(owner.i) is not None:
            return owner
        if not (owner.pos_ == "NUM" or owner.lower_ in partitives):
            return None
        a = owner       # "one of", "some of": climb to what they count
    return None


def _befalls(ctx, prep) -> bool:
    """'came under attack', 'was under siege': the preposition's event befalls the verb's subject
    ([events.receptive_preps])."""
    verbs = ctx.res.lexicon.get("events", {}).get("receptive_preps", {}).get(prep.lower_, ())
    return prep.dep_ == "prep" and prep.head.lemma_.lower() in verbs


def _light_with_event(ctx, verb, phrase: str) -> bool:
    """'gave an interview to the BBC', 'launched a series of strikes': the noun is the event, the
    light verb lends it roles. Other verbs of events keep their own frame ('impeded the inquiry')."""
    light = set(ctx.res.words("events", "light_verbs")) | set(_table(ctx, "verbs", "aspectual"))
    return (phrase in light or verb.lemma_.lower() in light) and _has_event_object(ctx, verb)


def _declined(ctx, verb) -> bool:
    """A typed verb its typed rule refused for a reason that holds here too."""
    from .attribution import _denies_the_sentence
    excluded = ctx.res.lexicon.get("events", {}).get("not_when_object", {}).get(verb.lemma_.lower())
    if excluded and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in excluded for c in verb.children):
        return True     # "struck a deal"
    return _denies_the_sentence(verb)


def overlay(ctx, si: int, d: Draft) -> Draft:
    """A typed draft keeps what its rule found and takes from its trigger's frame the roles it
    left empty (a place, a target, a recipient, an object): typing overlays the frame."""
    t = d.trigger
    if t.pos_ == "VERB":
        frame = _verb_frame(ctx, si, t, d.event)
    elif t.pos_ == "NOUN":
        frame = _noun_frame(ctx, si, t, d.event)
    else:
        return d
    fields = _table(ctx, "roles")
    have = {e for e in (d.subject, d.object, d.location, d.target, d.recipient, *d.extra, *d.extra_subjects)
            if e is not None}
    for role, ents in frame.roles.items():
        name = fields.get(role)
        if name in (None, "subject"):
            continue
        if ents and ents[0] in have:
            continue    # "recalled envoys to X, Y and Z": the rule placed that list (as a place); not Y as a recipient
        fresh = [e for e in ents if e not in have]
        if fresh and getattr(d, name) is None:
            setattr(d, name, fresh[0])
            have.add(fresh[0])
    return d


def frame_drafts(ctx, frame: Frame) -> list[Draft]:
    """A frame as the drafts that become statements: one per role field, typed or open."""
    fields = _table(ctx, "roles")
    ev = frame.event
    predicate = ev.predicate if ev is not None else snake(
        verb_of(ctx, frame.lemma) if frame.kind == "noun" else " ".join(filter(None, (frame.lemma, frame.result))))
    if not predicate:
        return []
    d = Draft(frame.si, frame.trigger, predicate, ev, confidence=0.5 if ev is not None else 0.4)
    for role, ents in frame.roles.items():
        name = fields.get(role)
        if name and ents and getattr(d, name) is None:
            setattr(d, name, ents[0])
            if name == "subject":
                d.extra_subjects = ents[1:]
            elif name == "object":
                d.extra = ents[1:]
            elif name == "location":
                d.extra_locations = ents[1:]
    if d.object is None:
        for role in fields.get("object_fallback", []):
            if role == "topic" and predicate in ("meets", "consults"):
                continue    # "spoke about the students": what was talked about, no one met
            name = fields.get(role, role)
            ents = frame.roles.get(role) or []
            if ents:
                d.object, d.extra = ents[0], ents[1:]
                if name in ("target", "recipient") and getattr(d, name) == ents[0]:
                    setattr(d, name, None)
                break
    prep = ctx.res.lexicon.get("events", {}).get("prep_objects", {}).get(frame.trigger.lemma_.lower())
    if d.object is None and d.subject is not None and frame.kind == "verb" and prep is not None:
        # "resigned from the government", "withdrew from the treaty": what is left is what the verb is about
        ents = frame.roles.get(_table(ctx, "verb", "preps").get(prep, "")) or []
        if ents:
            d.object, d.extra = ents[0], ents[1:]
            if d.location == ents[0]:
                d.location = None
    if frame.quantities:
        d.quantity, d.extra_quantities = frame.quantities[0], frame.quantities[1:]
    d.negated = frame.negated
    if d.subject is not None and d.subject == d.object:
        d.object = None
    if sum(x is not None for x in (d.subject, d.object, d.location, d.target, d.recipient)) == 0:
        return []
    if predicate in ("meets", "consults") and (d.object is None or d.object.type == "Thing") \
            and frame.kind == "verb" and frame.trigger.lemma_.lower() in ctx.res.word_set("events", "interview_verbs"):
        return []       # "spoke today on the status of ...", "speaking at the White House": no one met
    return [d]


def document_frames(ctx, drafts: list[Draft]) -> list[Draft]:
    """Join the mentions of one event across the article (see the module docstring)."""
    items = set(_table(ctx, "verbs", "items"))
    out: list[Draft] = []
    seen: list[Draft] = []          # event drafts so far, in text order
    by_si: dict[int, list[Draft]] = {}
    for d in drafts:
        by_si.setdefault(d.si, []).append(d)
    for si in range(len(ctx.sentences)):
        for d in by_si.get(si, []):
            if d.trigger.pos_ == "NOUN" and _definite(d.trigger):
                prior = _earlier(seen, d)
                if prior is not None:
                    d = _inherit(d, prior)
            if d.pending and d.object is None and d.location is None and d.recipient is None and d.target is None:
                continue        # "the attack was carried out by X", and no earlier attack to be
            out.append(d)
            seen.append(d)
        out.extend(_items(ctx, si, seen, items))
    return out


def _definite(noun) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "its", "their")
               for c in noun.children)


def _kind(d: Draft) -> str:
    return d.predicate if d.event is not None else d.trigger.lemma_.lower()


def _earlier(seen: list[Draft], d: Draft) -> Draft | None:
    other = load_resources().word_set("reference", "other_event_markers")
    if any(c.lower_ in other for c in d.trigger.children):
        return None         # "the latest attack", "another strike": not the one before
    for p in reversed(seen):
        if p is not d and p.si < d.si and p.si >= d.si - 6 and _kind(p) == _kind(d) \
                and (p.subject is not None or d.pending):
            return p if _same_event(d, p) else None
    return None


def _same_event(d: Draft, p: Draft) -> bool:
    """Nothing sets the two mentions apart: no two places, no naming words of one that the other lacks
    ('the van-and-knife attack in London Bridge' is not 'the concert bombing in the city')."""
    if d.location is not None and p.location is not None and d.location != p.location:
        return False
    named = {c.lemma_.lower() for c in d.trigger.children if c.dep_ in ("compound", "nmod")}
    return not named or bool(named & {c.lemma_.lower() for c in p.trigger.children if c.dep_ in ("compound", "nmod")})


def _inherit(d: Draft, prior: Draft) -> Draft:
    """A later mention takes the roles it does not state from the earlier one ('the sale', 'the attack')."""
    d = replace(d)
    changed = False
    for name in ("subject", "recipient", "location", "target", *(("object",) if d.pending else ())):
        if getattr(d, name) is None and getattr(prior, name) is not None and getattr(prior, name) != d.object:
            setattr(d, name, getattr(prior, name))
            changed = True
    if changed:
        d.confidence = min(d.confidence, 0.5)
    return d


def _items(ctx, si, seen: list[Draft], items: set[str]) -> list[Draft]:
    """'The agreements cover 40 launchers and 200 missiles', 'They also include drones':
    each object is a further item of the event the subject refers to."""
    out = []
    doc = ctx.sentences[si].doc
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in items:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        s = subj[0]
        if any(a.dep_ == "relcl" and a.head.pos_ in ("NOUN", "PROPN") and _event_for(ctx, a.head) is None
               for a in [verb, *verb.ancestors]):
            continue    # "an organisation called X, which it says includes officials": a body's members
        if s.pos_ == "PRON":
            prior = next((p for p in reversed(seen) if p.si < si and p.si >= si - 2 and p.trigger.pos_ == "NOUN"
                          and p.subject is not None), None)
        elif s.pos_ == "NOUN":
            lemma = s.lemma_.lower()
            prior = next((p for p in reversed(seen) if p.si <= si and p.trigger.pos_ == "NOUN" and p.subject is not None
                          and (p.trigger.lemma_.lower() == lemma or _event_for(ctx, s) is not None
                               and _event_for(ctx, s) == p.event)), None)
        else:
            prior = None
        if prior is None:
            continue
        numbers = find_numbers(text_of(doc))
        used: set = set()
        for c in verb.children:
            if c.dep_ != "dobj":
                continue
            for obj in [c, *c.conjuncts]:
                ents = ctx.resolve_all(si, obj)
                if not ents:
                    continue
                q = _quantity_for(ctx, si, [x for x in obj.subtree if x.i <= obj.i or x.dep_ == "prep"],
                                  numbers, used)
                out.append(Draft(si, verb, prior.predicate, prior.event, subject=prior.subject, object=ents[0],
                                 recipient=prior.recipient, location=prior.location, quantity=q,
                                 confidence=0.5))
    return out
