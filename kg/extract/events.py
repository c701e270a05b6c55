"""Statements from the parse: events with roles, possession, measures, offices.

Each rule reads one construction off the dependency parse and yields a
``Draft`` (roles as entities, the trigger token, a quantity); attribution and
status are added afterwards by ``attribution``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Entity, Quantity
from .context import ArticleContext
from .quantities import NumberMatch, find_numbers
from .resources import EventType

__all__ = ["Draft", "find_drafts"]

_LOCATION_PREPS = {"in", "inside", "within", "into", "across", "near", "off", "at", "over", "around",
                   "throughout", "along", "toward", "towards"}
_TARGET_PREPS = {"on", "against", "upon"}
_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "attr", "oprd")


@dataclass
class Draft:
    si: int                       # sentence index
    trigger: object               # spaCy token
    predicate: str
    event: EventType | None = None
    subject: Entity | None = None
    object: Entity | None = None
    location: Entity | None = None
    target: Entity | None = None
    recipient: Entity | None = None
    quantity: Quantity | None = None
    role: str | None = None
    negated: bool = False
    confidence: float = 0.7
    extra: list = field(default_factory=list)   # further objects ('Rosneft and Lukoil')
    extra_subjects: list = field(default_factory=list)
    extra_quantities: list = field(default_factory=list)
    extra_locations: list = field(default_factory=list)


def _phrase_lemma(tok) -> str:
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return tok.lemma_.lower() + (" " + prt[0] if prt else "")


def _subject_of(ctx: ArticleContext, si: int, verb, depth: int = 0) -> tuple[list[Entity], bool]:
    """The agent of a verb, inherited through conjunction, xcomp, relative and participle clauses."""
    found, passive = _subject_of_raw(ctx, si, verb, depth)
    return ctx.as_actor(found), passive


def _saw_done(ctx, si, verb):
    """'The attack saw 26 people killed': the event noun's agent did it to the people."""
    h = verb.head
    if verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd") and h.lemma_.lower() in ("see", "leave"):
        ev_subj = [c for c in h.children if c.dep_ == "nsubj" and _event_for(ctx, c)]
        if ev_subj:
            return ev_subj[0]
    return None


def _subject_of_raw(ctx: ArticleContext, si: int, verb, depth: int = 0) -> tuple[list[Entity], bool]:
    if depth > 4:
        return [], False
    if (event_noun := _saw_done(ctx, si, verb)) is not None:
        return _noun_agent(ctx, si, event_noun, depth + 1), True
    for c in verb.children:
        if c.dep_ in _SUBJ and verb.dep_ == "relcl" and c.lower_ in ("that", "which") \
                and verb.head.pos_ == "NOUN" and _event_for(ctx, verb.head) and not ctx.mention_at(si, verb.head.i):
            # "an attack on Kharkiv that killed 11": whoever carried out the attack
            return _noun_agent(ctx, si, verb.head, depth + 1), False
        if c.dep_ in _SUBJ:
            if c.pos_ == "NOUN" and _event_for(ctx, c) and not ctx.mention_at(si, c.i):
                # "the strikes hit civilian areas": whoever carried out the strikes
                agent = _noun_agent(ctx, si, c, depth + 1)
                if not agent:
                    e = ctx.recent_agent(si, _event_for(ctx, c).predicate, back=10)
                    agent = [e] if e else []
                return agent, False
            return ctx.resolve_all(si, c), False
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    if _event_for(ctx, p) and (agent := _noun_agent(ctx, si, p, depth + 1)):
                        return agent, False    # "killed by Pakistani shelling" -> Pakistan
                    return ctx.resolve_all(si, p), False
    if any(c.dep_ in ("nsubjpass",) for c in verb.children):
        return [], True
    h = verb.head
    if verb.dep_ == "xcomp" and (sp := [c for c in h.children if c.dep_ == "nsubjpass"]):
        return ctx.resolve_all(si, sp[0]), False   # "systems are designed to target ..."
    # a parse that lost the subject: a name right before the verb ("... and Venezuela has 5,000")
    k = verb.i - 1
    doc = verb.doc
    while k >= 0 and (doc[k].dep_ in ("aux", "advmod", "neg", "auxpass") or doc[k].text in ("]", ")")):
        k -= 1
    if k >= 0 and verb.dep_ not in ("xcomp", "relcl", "acl", "conj", "pcomp") and (m := ctx.mention_at(si, k)) \
            and m.kind == "name" and m.entity.type in ("Country", "Person", "Organization", "MilitaryForce", "Group"):
        return [m.entity], False
    if verb.dep_ in ("xcomp", "pcomp") or (verb.dep_ == "pcomp" and h.dep_ == "prep"):
        # object control: "authorised the CIA to conduct", "accusing Pakistan of supporting"
        gov = h.head if verb.dep_ == "pcomp" else h
        objs = [c for c in gov.children if c.dep_ in ("dobj",)] if gov.pos_ == "VERB" else []
        if objs and objs[0].i < verb.i:
            found = ctx.resolve_all(si, objs[0])
            if found:
                return found, False
    if verb.dep_ == "xcomp" and h.pos_ == "ADJ" and h.head.i != h.i:
        return _subject_of(ctx, si, h.head, depth + 1)     # "Germany was determined to defend"
    if verb.dep_ in ("conj", "xcomp", "advcl") and h.i != verb.i and h.pos_ in ("VERB", "AUX"):
        return _subject_of(ctx, si, h, depth + 1)
    if verb.dep_ == "relcl":
        if h.pos_ == "NOUN" and _event_for(ctx, h) and not ctx.mention_at(si, h.i):
            return _noun_agent(ctx, si, h, depth + 1), False
        return ctx.resolve_all(si, h), False
    if verb.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN"):
        # "sanctions targeting X": the event noun's agent
        ev = ctx.res.noun_events.get(h.lemma_.lower())
        if ev:
            return _noun_agent(ctx, si, h, depth + 1), False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and h.dep_ in ("dobj", "pobj", "attr") \
                and h.head.pos_ in ("VERB", "AUX"):
            # "India has signed an agreement to buy ...": who signed, buys
            return _subject_of(ctx, si, h.head, depth + 1)
    if verb.dep_ == "pcomp" and h.head.pos_ in ("VERB", "AUX"):
        return _subject_of(ctx, si, h.head, depth + 1)
    return [], False


def _noun_agent(ctx, si, noun, depth: int = 0) -> list[Entity]:
    ev = _event_for(ctx, noun)
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lemma_.lower() in ctx.res.words("nouns", "agent_adjectives"):
            return [ctx.registry.from_name(c.lemma_.lower() + "s", "Group")]    # "a militant attack"
        if c.dep_ in ("amod", "compound") and (mc := ctx.mention_at(si, c.i)) and mc.kind == "demonym":
            return [mc.entity]
        if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod", "amod") and ctx.mention_at(si, c.i)):
            found = ctx.resolve_all(si, c, allow_noun=False)
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    return ctx.resolve_all(si, p)
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "of":   # "a series of strikes", not "the legality of strikes"
        if gov.head.lemma_.lower() not in ctx.res.words("nouns", "series"):
            return []
        gov = gov.head.head if gov.head.dep_ in ("dobj", "nsubjpass") else gov.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("after", "before", "during", "following", "at", "in"):
        if ev is None or ev.predicate not in _MEETINGS:
            return []     # "two weeks after an attack, India launched ...": not India's attack
        gov = gov.head
    if noun.dep_ in ("dobj", "nsubjpass", "conj", "pobj") or gov.i != noun.head.i:
        v = gov if gov.pos_ in ("VERB", "AUX") else gov.head
        if v.pos_ in ("VERB", "AUX") and depth < 5:
            subj, _ = _subject_of(ctx, si, v, depth + 1)
            if subj:
                return subj
    if noun.dep_ == "pobj" and ev is not None and ev.predicate in _MEETINGS:
        # '"...," Trump said, after a meeting with X': the speaker of the sentence
        for t in noun.doc:
            if t.pos_ == "VERB" and t.lemma_.lower() in ctx.res.words("attribution", "claimed"):
                speakers = [e for c in t.children if c.dep_ == "nsubj" for e in ctx.resolve_all(si, c, allow_noun=False)]
                if speakers:
                    return speakers
    return []


def _preps(head):
    """Prepositions under a head, with those coordinated to them ('in X and in Y')."""
    for prep in head.children:
        if prep.dep_ in ("prep", "dative"):
            yield prep
            for c in prep.conjuncts:
                if c.pos_ == "ADP":
                    yield c
            if prep.lower_ in _LOCATION_PREPS:     # "in the suburb of Petare and in Miranda state"
                for t in prep.subtree:
                    if t.dep_ == "conj" and t.pos_ == "ADP" and t.lower_ in _LOCATION_PREPS and t.head.i != prep.i:
                        yield t


def _prep_roles(ctx, si, head, ev: EventType | None, draft: Draft) -> None:
    for prep in _preps(head):
        word = prep.lower_
        objs = [p for p in prep.children if p.dep_ == "pobj"]
        if not objs:
            continue
        ents = ctx.resolve_all(si, objs[0])
        if not ents:
            continue
        e = ents[0]
        if word in _LOCATION_PREPS and e.type in ("Organization", "Thing") and objs[0].pos_ == "PROPN":
            e = ctx.as_place(e)       # "in Petare": a place, whatever NER said
        if word in _LOCATION_PREPS and e.type in ("Country", "Location") and draft.location is not None \
                and e != draft.location:
            draft.extra_locations.append(e)
            continue
        if word in ("with", "to") and draft.predicate in _MEETINGS and e.type in ("Person", "Country", "Organization"):
            if draft.predicate == "signs" and draft.object is not None and draft.object.type == "Thing":
                draft.object = None    # "signed an agreement with France": France is who it was signed with
            _set(draft, "object", e)
            continue
        if word == "from" and draft.predicate in ("buys",) and e.type in ("Country", "Organization", "Person"):
            _set(draft, "target", e)   # the seller: the counterparty of a purchase
            continue
        if word == "to":
            role = ev.to_role if ev else "location"
            if role == "recipient" or e.type in ("Country", "Location", "Organization", "Person", "MilitaryForce"):
                role = role if e.type != "Location" else "location"
            _set(draft, role, e)
        elif word in _LOCATION_PREPS and e.type in ("Country", "Location") or word in ("inside", "within", "into"):
            _set(draft, "location", e)
        elif word in _TARGET_PREPS:
            _set(draft, "target", e)
        elif word == "with" and draft.predicate in ("meets", "negotiates", "signs"):
            _set(draft, "object", e)


_ACTORS = ("Person", "Country", "Organization", "MilitaryForce", "Group")
# Verbs too light to name a relation on their own.
_GENERIC_SKIP = {"be", "have", "do", "make", "take", "get", "go", "come", "see", "look", "know", "think",
                 "become", "seem", "remain", "keep", "give", "put", "let", "include", "involve", "mean",
                 "use", "find", "show", "call", "help", "try", "need", "want", "like", "begin", "start",
                 "continue", "say", "tell", "ask", "describe", "refer", "speak", "talk", "add", "verify",
                 "comment", "contact", "respond", "reply", "note", "consider", "hope", "expect", "believe",
                 "photograph", "watch", "follow", "mark", "cite", "quote", "report"}
_MEETINGS = {"meets", "negotiates", "visits", "hosts", "signs"}
_VIOLENT = {"strikes", "attacks", "kills", "injures", "shoots_down", "invades", "occupies", "seizes"}


def _agents_of_event_context(ctx, si, verb):
    """Agents of the event nouns a passive verb sits in: its 'in attacks by X' phrase, or the
    noun an 'in which' clause hangs from."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
            for p in c.children:
                if p.dep_ == "pobj" and _event_for(ctx, p):
                    yield (_noun_agent(ctx, si, p) or [None])[0]
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and _event_for(ctx, verb.head):
        yield (_noun_agent(ctx, si, verb.head) or [None])[0]


def _background(verb) -> bool:
    """'after 19 soldiers were killed in Uri, India launched ...': an earlier event, told as background."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until")
                                        for c in verb.children)


def _same_side(ctx, actor: Entity, victim: Entity) -> bool:
    entry = ctx.res.by_name.get(actor.label)
    words = victim.label.lower().split()
    return bool(entry and words and (words[0] in {d.lower() for d in entry.demonyms} or words[0] == actor.label.lower()))


def _infinitive(verb) -> bool:
    """'The decision to build up a brigade': a verb with no subject of its own."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in ("acl", "relcl", "advcl")


def _nested_location(ctx, si, tok, draft: Draft) -> None:
    """'strikes on sites in Pakistan', 'security in Europe': a place inside the object phrase."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _LOCATION_PREPS:
            for p in prep.children:
                if p.dep_ == "pobj":
                    for e in ctx.resolve_all(si, p, allow_noun=False):
                        if e.type in ("Country", "Location"):
                            _set(draft, "location", e)
                            return


def _set(draft: Draft, role: str, e: Entity) -> None:
    if getattr(draft, role) is None and e not in (draft.subject, draft.object):
        setattr(draft, role, e)


def _clause_tokens(verb):
    """Tokens of a verb's own clause (nested clauses with their own verbs left out)."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "csubj") or (c.dep_ in ("conj", "acl") and c.pos_ in ("VERB", "AUX")):
                continue
            stack.append(c)
    return out


def _quantity_for(ctx, si, tokens, numbers: list[NumberMatch], used: set) -> Quantity | None:
    doc = ctx.sentences[si].doc
    idx = {t.i for t in tokens}
    for n in numbers:
        if n.num_start in used:
            continue
        span = doc.char_span(n.num_start, n.end, alignment_mode="expand")
        if span is None or not any(t.i in idx for t in span):
            continue
        used.add(n.num_start)
        unit = n.unit or _counted_noun(ctx, si, span)
        return Quantity(value=n.value, qualifier=n.qualifier, unit=unit, text=n.text)
    return None


def _counted_noun(ctx, si, span) -> str | None:
    """The noun a number counts: '4,500 Marines and sailors' -> 'Marines and sailors'."""
    last = span[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") else None
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i < last.i:
        if span.end < len(span.doc) and span.doc[span.end].pos_ == "NOUN":
            head = span.doc[span.end]
        else:
            return None
    if ctx.mention_at(si, head.i) and head.pos_ == "PROPN":
        return None
    words = [head.text]
    for c in head.conjuncts:
        if c.i > head.i and c.pos_ in ("NOUN", "PROPN") and not any(x.dep_ == "nummod" for x in c.children):
            words.append(c.text)
    return " and ".join(words)


def _event_for(ctx, tok) -> EventType | None:
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        lemma = tok.lemma_.lower()
        for c in tok.children:     # "call for", "push for"
            if c.dep_ == "prep" and (ev := ctx.res.verb_events.get(f"{lemma} {c.lower_}")):
                return ev
        return ctx.res.verb_events.get(_phrase_lemma(tok)) or ctx.res.verb_events.get(lemma)
    if tok.pos_ in ("NOUN",):
        lemma = tok.lemma_.lower()
        comp = [c.lower_ for c in tok.children if c.dep_ == "compound"]
        for c in comp:
            if (ev := ctx.res.noun_events.get(f"{c} {lemma}")):
                return ev
        if lemma in ctx.res.words("nouns", "event_packages"):
            for c in tok.children:
                if c.dep_ == "compound" and (ev := ctx.res.noun_events.get(c.lemma_.lower())):
                    return ev
        return ctx.res.noun_events.get(lemma)
    return None


def _has_event_object(ctx, verb) -> bool:
    """A light verb: its object is itself an event noun ('launched a series of strikes')."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            if _event_for(ctx, c):
                return True
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    if any(_event_for(ctx, o) for o in p.children if o.dep_ == "pobj"):
                        return True
    return False


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "det" and c.lower_ in ("no",) for c in tok.children)


def find_drafts(ctx: ArticleContext, si: int) -> list[Draft]:
    sent = ctx.sentences[si]
    doc = sent.doc
    numbers = find_numbers(doc.text)
    used: set = set()
    drafts: list[Draft] = []
    light = set(ctx.res.words("events", "light_verbs"))
    consider = set(ctx.res.words("events", "consider_verbs"))
    military_nouns = set(ctx.res.words("events", "military_action_nouns"))
    possess = set(ctx.res.words("events", "possess_verbs"))
    measures = ctx.res.lexicon.get("measures", {}).get("nouns", {})
    claims = set(ctx.res.words("attribution", "count_verbs"))
    arsenal = set(ctx.res.words("events", "arsenal_nouns"))
    similar = set(ctx.res.words("events", "similarity_adjectives"))
    for tok in doc:
        lemma = _phrase_lemma(tok) if tok.pos_ in ("VERB", "AUX") else tok.lemma_.lower()
        ev = _event_for(ctx, tok)
        threat = False
        # weighing military options -> a threat of force
        if tok.pos_ == "VERB" and (lemma in consider or tok.lemma_.lower() in consider):
            objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in military_nouns]
            if objs and any(a.lower_ in ("military",) for a in objs[0].children) or objs and objs[0].lemma_.lower() in ("invasion", "strike", "attack", "intervention"):
                ev, threat = ctx.res.verb_events.get("threaten"), True
        if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.lemma_.lower() in ("name", "dub", "codename", "call") \
                and tok.head.pos_ == "NOUN" and _event_for(ctx, tok.head):
            d = _named_operation(ctx, si, tok)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "VERB" and ev is None and tok.lemma_.lower() in claims:
            d = _claimed_count(ctx, si, tok, numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ in ("VERB", "AUX") and ev is None and tok.lemma_.lower() in possess:
            d = _possession(ctx, si, tok, numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("part", "member") and tok.dep_ in ("attr", "acomp", "dobj"):
            d = _part_of(ctx, si, tok)
            if d:
                drafts.append(d)
                continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in arsenal:
            d = _arsenal(ctx, si, tok)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "ADJ" and tok.lemma_.lower() in similar:
            d = _similar(ctx, si, tok)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in measures:
            d = _measure(ctx, si, tok, measures[tok.lemma_.lower()], numbers, used)
            if d:
                drafts.append(d)
            continue
        if ev is None:
            continue
        if tok.pos_ in ("VERB", "AUX"):
            if (lemma in light or tok.lemma_.lower() in light) and _has_event_object(ctx, tok):
                continue
            if tok.dep_ == "acl" and _event_for(ctx, tok.head) and lemma in ctx.res.words("events", "acl_target_verbs"):
                continue    # "sanctions targeting X" is the sanctions' target, not a strike
            d = _verb_event(ctx, si, tok, ev, numbers, used)
            if d and threat:   # the threatened party, not the option weighed
                d.object, d.location, d.target = d.location or d.target, None, None
                d = d if d.object else None
        else:
            d = _noun_event(ctx, si, tok, ev, numbers, used)
        if d and d.predicate in _MEETINGS and d.object is None:
            d = None    # "speaking in the Oval Office": no one met
        if d:
            drafts.append(d)
    drafts.extend(_offices(ctx, si))
    drafts.extend(_shares(ctx, si, numbers, used))
    taken = {d.trigger.i for d in drafts}
    for tok in doc:
        if tok.i in taken:
            continue
        if tok.lemma_ == "be" and (d := _presence(ctx, si, tok, numbers, used)):
            drafts.append(d)
        elif tok.pos_ == "VERB" and not _event_for(ctx, tok) and (d := _generic(ctx, si, tok)):
            drafts.append(d)
    for d in drafts:
        if d.subject is not None and d.subject.type in ("Country", "Organization", "MilitaryForce") and d.event \
                and d.confidence > 0.5:    # guessed agents do not vote
            ctx.recent_agents.append((si, d.predicate, d.subject))
    return drafts


def _verb_event(ctx, si, verb, ev, numbers, used) -> Draft | None:
    d = Draft(si, verb, ev.predicate, ev)
    subj, passive = _subject_of(ctx, si, verb)
    objs: list[Entity] = []
    for c in verb.children:
        if c.dep_ in _OBJ or (passive and c.dep_ in ("nsubjpass", "nsubj")):
            objs = ctx.resolve_all(si, c)
            if objs:
                break
    if not objs:
        # "called for restraint", "consist of 4,800 troops": the object of the verb's own preposition
        for c in verb.children:
            if c.dep_ == "prep" and (c.lower_ == "of" or ev.trigger == f"{verb.lemma_.lower()} {c.lower_}"):
                objs = [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]
                if objs:
                    break
    # the count of the object first ("the two firms export 3.1 million barrels"), then the clause's
    clause = {t.i for t in _clause_tokens(verb)}
    obj_tokens = [t for c in verb.children if c.dep_ in _OBJ or c.dep_ == "prep" for t in c.subtree if t.i in clause]
    subj_tokens = {t.i for c in verb.children if c.dep_ in _SUBJ for t in c.subtree}
    d.quantity = _quantity_for(ctx, si, obj_tokens, numbers, used) or _quantity_for(
        ctx, si, [t for t in _clause_tokens(verb) if t.i not in subj_tokens or passive], numbers, used)
    if d.quantity is not None:    # "4,800 troops and 200 civilian employees"
        while (more := _quantity_for(ctx, si, obj_tokens, numbers, used)) is not None:
            d.extra_quantities.append(more)
    d.subject = subj[0] if subj else None
    d.extra_subjects = subj[1:]
    if objs:
        d.object = objs[0]
    if d.subject is None and passive and ev.predicate in _VIOLENT:
        # "in attacks by Hamas, 1,200 people were killed"; "an offensive in which 35,700 were killed"
        d.subject = next((a for a in _agents_of_event_context(ctx, si, verb) if a), None)
    if d.subject is None and passive and ev.predicate in _VIOLENT and (objs or d.quantity) \
            and not _background(verb):
        # "three areas were hit": the running actor of these events, never the victims' own side
        recent = ctx.recent_agent(si, ev.predicate, back=10)
        if recent and not any(_same_side(ctx, recent, o) for o in objs):
            d.subject, d.confidence = recent, 0.5
    if d.subject is None and not ((passive or _infinitive(verb)) and d.quantity is not None):
        return None
    _prep_roles(ctx, si, verb, ev, d)
    for c in verb.children:
        if c.dep_ in _OBJ:
            _prep_roles(ctx, si, c, ev, d)
            _nested_location(ctx, si, c, d)
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    _nested_location(ctx, si, p, d)
    d.negated = _negated(verb)
    if d.subject is None and d.object is None:
        return None
    if d.object is None:
        d.object, d.target = (d.target, None) if d.target else (d.object, d.target)
    if d.object is None and d.location is None and d.recipient is None and d.quantity is None:
        return None
    d.extra = objs[1:] if len(objs) > 1 else []
    return d


def _noun_event(ctx, si, noun, ev, numbers, used) -> Draft | None:
    d = Draft(si, noun, ev.predicate, ev)
    agent = _noun_agent(ctx, si, noun)
    d.subject = agent[0] if agent else None
    d.extra_subjects = agent[1:]
    targets: list[Entity] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "upon", "over", "about"):
            for p in c.children:
                if p.dep_ == "pobj":
                    targets = ctx.resolve_all(si, p)
        if c.dep_ == "acl" and c.lemma_.lower() in ctx.res.words("events", "acl_target_verbs"):
            # "sanctions targeting Rosneft and Lukoil"
            for o in c.children:
                if o.dep_ in _OBJ:
                    targets = ctx.resolve_all(si, o)
                    _prep_roles(ctx, si, o, ev, d)
        if c.dep_ in ("prep",) and c.lower_ in _LOCATION_PREPS:
            _prep_roles(ctx, si, noun, ev, d)
    if targets:
        d.object = targets[0]
        d.extra = targets[1:]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "of"):
            for p in c.children:
                if p.dep_ == "pobj":
                    _nested_location(ctx, si, p, d)
        if c.dep_ == "prep" and c.lower_ == "with" and ev.predicate in ("meets", "negotiates", "signs"):
            for p in c.children:
                if p.dep_ == "pobj" and (found := ctx.resolve_all(si, p, allow_noun=False)):
                    d.object, d.extra = found[0], found[1:]
    if noun.head.pos_ in ("VERB", "AUX"):
        _prep_roles(ctx, si, noun.head, ev, d)
    if d.object is None and d.target is not None:
        d.object, d.target = d.target, None
    if d.subject is None and d.object is not None:
        # "This move follows a series of strikes on vessels": the actor of the sentences before
        recent = ctx.recent_agent(si, ev.predicate, back=2, include_current=False)
        if recent:
            d.subject, d.confidence = recent, 0.5
    if d.subject is None or (d.object is None and d.location is None):
        return None
    d.quantity = _quantity_for(ctx, si, [noun, *noun.children, *([noun.head] if noun.dep_ == "pobj" else [])],
                               numbers, used)
    d.confidence = 0.6
    return d


def _possession(ctx, si, verb, numbers, used) -> Draft | None:
    """'X has no less than 5,000 [missiles]': possession needs a count or a weapon."""
    subj, passive = _subject_of(ctx, si, verb)
    if not subj or passive:
        return None
    obj_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj_tok is None:
        return None
    if ctx.res.lexicon.get("measures", {}).get("nouns", {}).get(obj_tok.lemma_.lower()):
        return None
    clause = list(obj_tok.subtree)
    q = _quantity_for(ctx, si, clause, numbers, used)
    objs = ctx.resolve_all(si, obj_tok, allow_noun=False)
    if not objs:
        for t in clause:
            m = ctx.mention_at(si, t.i)
            if m and m.entity.type == "WeaponSystem":
                objs = [m.entity]
                break
    if not objs and q is not None:
        if obj_tok.like_num:   # "has 5,000": the last weapon named
            e = ctx.earlier(si, verb.i, ("WeaponSystem",), back=3)
            objs = [e] if e else []
        else:                  # "have more than 8 million reservists"
            objs = ctx.resolve_all(si, obj_tok)
    if not objs or (q is None and objs[0].type != "WeaponSystem"):
        return None
    if subj[0] == objs[0]:
        return None
    return Draft(si, verb, "possesses", None, subject=subj[0], object=objs[0], quantity=q,
                 negated=_negated(verb))


def _named_operation(ctx, si, verb) -> Draft | None:
    """'the strikes - named "Operation Sindoor" -': the name the actor gave its operation."""
    names = [e for c in verb.children if c.dep_ in ("oprd", "attr", "dobj", "xcomp")
             for e in ctx.resolve_all(si, c)]
    if not names:
        return None
    agent = _noun_agent(ctx, si, verb.head)
    if not agent:
        e = ctx.recent_agent(si, _event_for(ctx, verb.head).predicate, back=10)
        agent = [e] if e else []
    if not agent:
        return None
    return Draft(si, verb, "names_operation", None, subject=agent[0], object=names[0], confidence=0.6)


def _presence(ctx, si, verb, numbers, used) -> Draft | None:
    """'An advance party of around 400 Bundeswehr personnel are already in the country'."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    places = [e for c in verb.children if c.dep_ == "prep" and c.lower_ in _LOCATION_PREPS
              for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p, allow_noun=False)
              if e.type in ("Country", "Location")]
    if not subj or not places:
        return None
    q = _quantity_for(ctx, si, list(subj[0].subtree), numbers, used)
    if q is None:
        return None
    who = ctx.resolve_all(si, subj[0])
    if not who:
        return None
    return Draft(si, verb, "present_in", None, subject=who[0], location=places[0], quantity=q, confidence=0.6)


def _shares(ctx, si, numbers, used) -> list[Draft]:
    """'Rosneft is responsible for nearly half of all Russian oil production' -> accounts_for (percent)."""
    doc = ctx.sentences[si].doc
    out = []
    for n in numbers:
        if n.unit != "percent" or n.num_start in used:
            continue
        span = doc.char_span(n.num_start, n.end, alignment_mode="expand")
        if span is None:
            continue
        whole = [p for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if not whole:
            whole = [p for t in span[-1:] for c in t.head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]
        owner = _clause_subject(ctx, si, span.root)
        of = ctx.resolve_all(si, whole[0]) if whole else []
        if not owner and not of:
            continue
        used.add(n.num_start)
        out.append(Draft(si, span.root, "accounts_for", None, subject=owner[0] if owner else None,
                         object=of[0] if of else None, quantity=Quantity(n.value, n.qualifier, "percent", n.text),
                         confidence=0.6))
    return out


def _generic(ctx, si, verb) -> Draft | None:
    """Any other verb between two named participants ('emptied their prisons into the United States')."""
    lemma = verb.lemma_.lower()
    if lemma in _GENERIC_SKIP or lemma in ctx.res.words("attribution", "claimed") \
            or lemma in ctx.res.words("events", "light_verbs"):
        return None
    if _negated(verb) or _negated(verb.head):
        return None    # "has not been able to verify"
    subj, passive = _subject_of(ctx, si, verb)
    subj = [e for e in subj if e.type in _ACTORS]
    if not subj or passive:
        return None
    for c in verb.children:
        if c.dep_ in ("dobj",):
            objs = [e for e in ctx.resolve_all(si, c, allow_noun=False) if e != subj[0]]
            if objs:
                return Draft(si, verb, _snake(lemma), None, subject=subj[0], object=objs[0], confidence=0.5)
    for c in verb.children:
        if c.dep_ == "prep":
            objs = [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p, allow_noun=False)
                    if e != subj[0]]
            if objs:
                return Draft(si, verb, _snake(f"{lemma} {c.lower_}"), None, subject=subj[0], object=objs[0],
                             confidence=0.5)
    return None


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _clause_subject(ctx, si, tok) -> list[Entity]:
    """The subject of the clause a noun or adjective sits in ('X are part of ...', 'X are systems similar to')."""
    v, hops = tok, 0
    while hops < 6 and v.head.i != v.i:
        v, hops = v.head, hops + 1
        if v.pos_ in ("VERB", "AUX"):
            subj, _ = _subject_of(ctx, si, v)
            return subj
    return []


def _part_of(ctx, si, noun) -> Draft | None:
    """'Maduro himself is part of an organisation called the Cartel of the Suns' -> member_of."""
    groups = [e for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p, allow_noun=False)]
    groups = [e for e in groups if e.type in ("Organization", "Group", "MilitaryForce")]
    if not groups:
        return None
    members = [e for e in _clause_subject(ctx, si, noun) if e.type in ("Person", "Organization", "Country", "Group")]
    if not members or members[0] == groups[0]:
        return None
    return Draft(si, noun, "member_of", None, subject=members[0], object=groups[0], confidence=0.6)


def _arsenal(ctx, si, noun) -> Draft | None:
    """'they were known to be part of Venezuela's arsenal' -> Venezuela possesses them."""
    owner = [e for c in noun.children if c.dep_ == "poss" for e in ctx.resolve_all(si, c, allow_noun=False)]
    if not owner:
        return None
    items = [e for e in _clause_subject(ctx, si, noun) if e.type in ("WeaponSystem", "Thing")]
    if not items or items[0] == owner[0]:
        return None
    return Draft(si, noun, "possesses", None, subject=owner[0], object=items[0], confidence=0.6)


def _similar(ctx, si, adj) -> Draft | None:
    """'Igla-S missiles are ... systems similar to American Stingers' -> similar_to."""
    other = [e for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"
             for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]
    if not other:
        return None
    this = _clause_subject(ctx, si, adj)
    if not this or this[0] == other[0]:
        return None
    return Draft(si, adj, "similar_to", None, subject=this[0], object=other[0], confidence=0.6)


def _claimed_count(ctx, si, verb, numbers, used) -> Draft | None:
    """'X reported the existence of over 8 million militia members': a count X asserts."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subj, _ = _subject_of(ctx, si, verb)
    if obj is None or not subj:
        return None
    q = _quantity_for(ctx, si, list(obj.subtree), numbers, used)
    if q is None:
        return None
    counted = next((t for t in obj.subtree if t.like_num or t.lower_ in ctx.vague), None)
    things = ctx.resolve_all(si, counted.head) if counted is not None and counted.head.pos_ == "NOUN" else []
    things = things or ctx.resolve_all(si, obj)
    if not things or things[0] == subj[0]:
        return None
    return Draft(si, verb, "claims_count", None, subject=subj[0], object=things[0], quantity=q, confidence=0.6)


def _measure(ctx, si, noun, predicate, numbers, used) -> Draft | None:
    """'they have a range of up to 6,000 meters' -> has_range of the weapon."""
    q = _quantity_for(ctx, si, list(noun.subtree), numbers, used)
    if q is None:
        return None
    owner: list[Entity] = []
    for c in noun.children:
        if c.dep_ == "poss":
            owner = ctx.resolve_all(si, c, allow_noun=False)
    v = noun.head
    hops = 0
    while not owner and hops < 4 and v is not None:
        if v.pos_ in ("VERB", "AUX"):
            owner, _ = _subject_of(ctx, si, v)
            break
        v = v.head if v.head.i != v.i else None
        hops += 1
    owner = [e for e in owner if e.type in ("WeaponSystem", "Thing", "MilitaryForce", "Country", "Organization")]
    if not owner:
        e = ctx.earlier(si, noun.i, ("WeaponSystem",), back=2)
        owner = [e] if e else []
    if not owner:
        return None
    return Draft(si, noun, predicate, None, subject=owner[0], object=None, quantity=q)


def _offices(ctx, si) -> list[Draft]:
    """'Venezuela's defense minister, Vladimir Padrino' / 'US President Donald Trump' -> holds_office."""
    doc = ctx.sentences[si].doc
    titles = sorted(ctx.res.words("roles", "titles"), key=len, reverse=True)
    vague = set(ctx.res.words("roles", "vague_titles"))
    out = []
    for m in ctx.mentions[si]:
        if m.entity.type != "Person" or m.kind != "name":
            continue
        j = m.start
        if j > 0 and doc[j - 1].text == ",":
            j -= 1
        # longest title phrase ending at j
        found = None
        for t in titles:
            n = len(t.replace("-", " - ").split())
            words = doc[max(0, j - n):j].text.lower().replace(" - ", "-")
            if j - n >= 0 and words == t:
                found = (t, j - n)
                break
        if not found or found[0] in vague:
            continue
        title, k = found
        holder = None
        if k > 0:
            prev = doc[k - 1]
            pm = ctx.mention_at(si, prev.i)
            if pm and pm.entity.type in ("Country", "Organization"):
                holder = pm.entity
            elif prev.lower_ in ("'s", "’s") and k > 1 and (pm := ctx.mention_at(si, k - 2)) \
                    and pm.entity.type in ("Country", "Organization"):
                holder = pm.entity
            elif prev.lower_ in ("its", "their"):
                holder = ctx.earlier(si, prev.i, ("Country", "Organization"), back=1)
        if holder is None:
            continue
        out.append(Draft(si, doc[m.start], "holds_office", None, subject=m.entity, object=holder,
                         role=title, confidence=0.9))
    return out
