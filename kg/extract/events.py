"""Events from the parse: a trigger verb or noun of the event table, with its roles.

``find_drafts`` runs every rule on one sentence (events here, other relations
in ``relations``) and returns ``Draft`` records; attribution and status are
added afterwards by ``attribution``.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Entity, Quantity
from .context import ArticleContext, parallel_of_gerund, text_of
from .attribution import _denies_the_sentence, requester
from .frames import _definite, find_frames, frame_drafts, overlay
from .quantities import find_numbers
from .relations import (
    _among,
    _arsenal,
    _expected_arrival,
    _claimed_count,
    _measure,
    _named_operation,
    _offices,
    _part_of,
    _possession,
    _presence,
    _shares,
    _similar,
    _measure_verb,
    _nationality,
    _toll,
)
from .roles import (
    _ACTORS,
    _LOCATION_PREPS,
    _MEETINGS,
    _OBJ,
    _SUBJ,
    _VIOLENT,
    Draft,
    _agents_of_event_context,
    _background,
    _clause_tokens,
    blamed_on,
    captive_word,
    enumerated_names,
    included_count_nouns,
    included_counts,
    _event_for,
    _has_event_object,
    _infinitive,
    _negated,
    _nested_location,
    named_in_relative,
    _noun_agent,
    _phrase_lemma,
    _prep_roles,
    _preps,
    _quantity_for,
    accepts_prep,
    counted_doer,
    undergoer,
    undergoer_possessor,
    gerund_doer,
    stance_holder,
    stolen_subject,
    included_names,
    _same_side,
    _subject_of,
    natural_death,
    threatened_stop,
    told_not_given,
)

__all__ = ["Draft", "find_drafts"]


def _kept(helper, *args) -> Draft | None:
    """``helper(*args)``, whose last argument is the set of numbers already counted: a helper that
    declines ("to hold those responsible for an attack that killed 25": no possession) leaves the
    numbers it looked at to the next trigger, as a frame that is not kept does."""
    *rest, used = args
    trial = set(used)
    d = helper(*rest, trial)
    if d:
        used |= trial
    return d


def find_drafts(ctx: ArticleContext, si: int) -> list[Draft]:
    sent = ctx.sentences[si]
    doc = sent.doc
    numbers = find_numbers(text_of(doc))
    # a number inside a name counts nothing ("20 Leopard 2 tanks", "the 45th Brigade")
    used: set = {t.idx for m in ctx.mentions[si] if m.kind == "name" for t in doc[m.start:m.end] if t.like_num}
    used |= {t.idx for t in doc if t.like_num and (_names_or_ages(ctx, si, t) or _pointing_back(ctx, t))}
    drafts: list[Draft] = []
    refused: set[int] = set()       # triggers a typed rule turned down on purpose: no frame either
    light = set(ctx.res.words("events", "light_verbs"))
    consider = set(ctx.res.words("events", "consider_verbs"))
    military_nouns = set(ctx.res.words("events", "military_action_nouns"))
    possess = set(ctx.res.words("events", "possess_verbs"))
    measures = ctx.res.lexicon.get("measures", {}).get("nouns", {})
    claims = set(ctx.res.words("attribution", "count_verbs"))
    arsenal = set(ctx.res.words("events", "arsenal_nouns"))
    similar = set(ctx.res.words("events", "similarity_adjectives"))
    tolls = set(ctx.res.words("events", "toll_nouns"))
    measure_verbs = ctx.res.lexicon.get("measures", {}).get("verbs", {})
    deaths = set(ctx.res.words("events", "death_verbs"))
    for tok in doc:
        lemma = _phrase_lemma(tok) if tok.pos_ in ("VERB", "AUX") else tok.lemma_.lower()
        ev = _event_for(ctx, tok)
        threat = False
        # weighing military options -> a threat of force
        if tok.pos_ == "VERB" and (lemma in consider or tok.lemma_.lower() in consider):
            objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in military_nouns]
            if objs and (any(a.lower_ == "military" for a in objs[0].children)
                         or objs[0].lemma_.lower() in ctx.res.word_set("events", "threat_action_nouns")):
                ev, threat = ctx.res.verb_events.get("threaten"), True
        if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.lemma_.lower() in ctx.res.word_set("events", "codename_verbs") \
                and tok.head.pos_ == "NOUN" and _event_for(ctx, tok.head):
            d = _named_operation(ctx, si, tok)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "VERB" and ev is None and tok.lemma_.lower() in claims:
            d = _kept(_claimed_count, ctx, si, tok, numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ in ("VERB", "AUX") and ev is None and tok.lemma_.lower() in possess:
            d = _kept(_possession, ctx, si, tok, numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.res.words("events", "membership_nouns") \
                and (tok.dep_ in ("attr", "acomp") or tok.dep_ == "dobj"
                     and tok.head.lemma_.lower() in ctx.res.words("events", "membership_verbs")):
            # "X is part of a network", "X became a member of Y"; not "police arrested members of Y"
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
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in tolls:
            d = _kept(_toll, ctx, si, tok, numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in deaths and ev is None or _dead(ctx, si, tok):
            d = _kept(_deaths, ctx, si, tok, numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in measure_verbs and ev is None:
            d = _kept(_measure_verb, ctx, si, tok, measure_verbs[tok.lemma_.lower()], numbers, used)
            if d:
                drafts.append(d)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in measures:
            d = _kept(_measure, ctx, si, tok, measures[tok.lemma_.lower()], numbers, used)
            if d:
                drafts.append(d)
            continue
        if ev is None:
            continue
        if tok.pos_ in ("VERB", "AUX"):
            if (lemma in light or tok.lemma_.lower() in light) and _has_event_object(ctx, tok):
                refused.add(tok.i)
                continue
            if tok.lemma_.lower() in ctx.res.words("events", "with_event_verbs") and any(
                    p.dep_ == "pobj" and (nev := _event_for(ctx, p)) is not None and nev.predicate != ev.predicate
                    for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children):
                refused.add(tok.i)
                continue    # "hits 13 officials with sanctions": the sanctions' event, no strike
            if tok.dep_ == "acl" and _event_for(ctx, tok.head) and lemma in ctx.res.words("events", "acl_target_verbs"):
                refused.add(tok.i)
                continue    # "sanctions targeting X" is the sanctions' target, not a strike
            if tok.dep_ in ("advcl", "xcomp") and lemma in ctx.res.words("events", "acl_target_verbs") \
                    and (noun_ev := _light_event(ctx, tok.head)) is not None:
                # "imposed sanctions on Belarus, targeting three banks": the banks are sanctioned too
                d = _kept(_verb_event, ctx, si, tok, noun_ev, numbers, used)
                if d:
                    drafts.append(d)
                continue
            d = _kept(_verb_event, ctx, si, tok, ev, numbers, used)
            if d and not threat:
                d = overlay(ctx, si, d)
            if d and threat:   # the threatened party, not the option weighed
                d.object, d.location, d.target = d.target or d.location, None, None   # whom, else where
                d = d if d.object else None
                refused.add(tok.i)
        elif (h_ev := _event_for(ctx, head := tok.head if tok.dep_ != "pobj" else tok.head.head)) is not None \
                and h_ev.predicate == ev.predicate and _phrase_lemma(head) not in light and head.lemma_.lower() not in light:
            continue    # "fought two wars", "provided $60bn in aid": the verb's event already, counted there
        else:
            d = _kept(_noun_event, ctx, si, tok, ev, numbers, used)
            if d:
                d = overlay(ctx, si, d)
        if d and d.predicate in _MEETINGS and (d.object is None and not _among_themselves(tok) and not d.extra_subjects
                                                or d.object is not None and d.object.type in ("Thing",)
                                                and tok.pos_ == "VERB"
                                                and tok.lemma_.lower() in ctx.res.word_set("events", "interview_verbs")):
            d = None    # "speaking in the Élysée": no one met
            refused.add(tok.i)
        if d and d.predicate in ("meets", "consults") and tok.tag_ == "VBG" and tok.dep_ == "advcl" \
                and tok.lemma_.lower() in ctx.res.word_set("events", "interview_verbs"):
            d = None    # "Speaking to CNN on Friday, Bessent said ...": an interview
            refused.add(tok.i)
        if d:
            drafts.append(d)
    drafts += _exchange_counterparts(ctx, si, drafts, numbers, used) + _requests(ctx, si, drafts)
    drafts.extend(_offices(ctx, si))
    drafts.extend(_shares(ctx, si, numbers, used))
    taken = {d.trigger.i for d in drafts}
    presence = set(ctx.res.words("events", "presence_verbs"))
    for tok in doc:
        if tok.i in taken:
            continue
        if tok.lemma_ in presence and (d := _presence(ctx, si, tok, numbers, used)
                                       or _nationality(ctx, si, tok, numbers, used)
                                       or _among(ctx, si, tok, numbers, used)) \
                or (d := _expected_arrival(ctx, si, tok)):
            drafts.append(d)
    # every other verb and event noun: a frame, typed by the table or stated with its lemma
    refused |= {i for s, i in ctx.refused if s == si}
    taken = {i: None for i in refused} | {d.trigger.i: d.predicate for d in drafts}
    for frame in find_frames(ctx, si, numbers, used, taken):
        drafts.extend(frame_drafts(ctx, frame))
    for d in drafts:
        if d.subject is not None and (d.subject.type in ("Country", "Organization", "MilitaryForce")
                                      or d.subject.type == "Group" and ctx.is_named_group(d.subject)) and d.event \
                and d.confidence > 0.5:    # guessed agents do not vote; a named armed group does ("the Houthis")
            ctx.recent_agents.append((si, d.predicate, d.subject))
    return drafts


def _taking_verb(ctx, noun):
    """The verb whose object the event noun is: 'agreed a ceasefire', and through the
    preposition of [verbs].accept_preps, 'agreed to a ceasefire', 'agreed on a truce'."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.head.pos_ == "VERB" and accepts_prep(ctx, prep.head, prep):
        return prep.head
    return None


def _raised_patient(verb):
    """'800 troops are expected to be deployed': a passive infinitive under a passive verb of expecting
    has the patient that verb's subject is (raised), or None."""
    h = verb.head
    if verb.dep_ != "xcomp" or h.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "auxpass" for c in verb.children) \
            or not any(c.dep_ == "auxpass" for c in h.children):
        return None
    return next((c for c in h.children if c.dep_ == "nsubjpass"), None)


def _sides(ctx, si, noun) -> list[Entity]:
    """The states or groups coordinated modifiers name: 'Ukrainian and US negotiators' -> Ukraine, US."""
    first = next((c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
                  and any(x.dep_ == "conj" for x in c.children)), None)
    if first is None:
        return []
    out = []
    for t in (first, *first.conjuncts):
        m = ctx.mention_at(si, t.i)
        if m is None:
            return []
        out += [e for e in ctx.as_actor([m.entity]) if e.type in ("Country", "Organization", "Group") and e not in out]
    return out if len(out) >= 2 else []


def _among_themselves(verb) -> bool:
    """'the leaders were meeting in emergency session': a plural subject of 'meet' meets itself."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "meet" and any(
        c.dep_ == "nsubj" and (c.tag_ in ("NNS", "NNPS") or any(x.dep_ == "conj" for x in c.children))
        for c in verb.children)


def _names_or_ages(ctx, si, t) -> bool:
    """A number that counts nothing: part of a name ('Article 370', 'Room 25') or a person's
    age ('Tamerlan, 26, died')."""
    if t.i > 0 and t.head.i == t.i - 1 and t.head.pos_ == "PROPN" and t.head.text[:1].isupper():
        return True
    doc = t.doc
    if 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "," and doc[t.i + 1].text in (",", ".") \
            and (m := ctx.mention_at(si, t.i - 2)) is not None and m.kind == "name" \
            and m.entity.type not in ("Country", "Location", "WeaponSystem"):      # NER calls many people organisations
        return True
    return False


def _small_clause_victim(ctx, verb):
    """'clashes ..., leaving at least 19 people dead': the parse made the ones left dead the subject of
    'dead' (a clause of its own under the verb); they are the verb's object."""
    if verb.lemma_.lower() not in ctx.res.word_set("events", "resultative_verbs"):
        return None
    result = ctx.res.lexicon.get("events", {}).get("resultatives", {})
    return next((x for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.lower_ in result
                 for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)


def _pointing_back(ctx, t) -> bool:
    """A number that names parties told before, not a count: 'between the two countries', 'the
    three sides agreed' ([nouns].collective_country and collective_organization after 'the')."""
    head = t.head
    return t.dep_ == "nummod" and head.i > t.i \
        and (head.lower_ in ctx.res.word_set("nouns", "collective_country")
             or head.lower_ in ctx.res.word_set("nouns", "collective_organization")) \
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children)


def _exchange_counterparts(ctx, si, drafts, numbers, used) -> list[Draft]:
    """'Hamas released three hostages in exchange for 183 Palestinian prisoners': the other side's release."""
    out = []
    for d in drafts:
        if d.predicate not in ("releases", "exchanges") or d.trigger.pos_ != "VERB":
            continue
        for c in d.trigger.children:
            if c.dep_ == "prep" and c.lower_ == "in" and any(x.lower_ == "exchange" for x in c.children):
                given = [p for x in c.children for f in x.children if f.lower_ == "for"
                         for p in f.children if p.dep_ == "pobj"]
                for p in given[:1]:
                    other = ctx.resolve_all(si, p)
                    q = _quantity_for(ctx, si, list(p.subtree), numbers, used)
                    # "for 20 hostages held by Hamas": the one holding them gives them up
                    holder = [e for a in p.children if a.dep_ == "acl" and a.lemma_.lower() == "hold"
                              for b in a.children if b.dep_ == "agent" for x in b.children if x.dep_ == "pobj"
                              for e in ctx.resolve_all(si, x, allow_noun=False) if e.type in _ACTORS]
                    if other or q:
                        out.append(Draft(si, p, d.predicate, d.event, object=other[0] if other else None,
                                         subject=holder[0] if holder else None, quantity=q, confidence=0.6))
    return out


def _requests(ctx, si, drafts) -> list[Draft]:
    """'Zelensky has expressed a desire for the US to supply Tomahawks': Zelensky requests them."""
    out = []
    req = ctx.res.verb_events.get("request")
    for d in drafts:
        if d.event is None or d.object is None or req is None:
            continue
        who, word = requester(ctx, si, d.trigger)
        if who is not None and who not in (d.subject, d.object):
            out.append(Draft(si, word, req.predicate, req, subject=who, object=d.object,
                             target=d.subject if d.subject is not None and d.subject != who else None,
                             confidence=0.6))
    return out


_NONE = {"none", "nothing", "nobody", "neither", "no-one"}


def _other_sense(ctx, verb) -> bool:
    """'struck a deal', 'sent a signal', 'a statement was released': the verb is not the event here."""
    excluded = ctx.res.lexicon.get("events", {}).get("not_when_object", {}).get(verb.lemma_.lower())
    places = ctx.res.lexicon.get("events", {}).get("not_when_place", {}).get(verb.lemma_.lower(), [])
    marks = ctx.res.lexicon.get("events", {}).get("not_when_clause", {}).get(verb.lemma_.lower(), [])
    only = ctx.res.lexicon.get("events", {}).get("only_when_object", {}).get(verb.lemma_.lower())
    if only and not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in only for c in verb.children):
        return True     # "recalling the two occasions": a memory, no diplomatic recall
    speakers = ctx.res.lexicon.get("events", {}).get("not_when_subject", {}).get(verb.lemma_.lower(), [])
    if speakers:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subj = [verb.head]      # "a statement that attacks": the statement
        if subj and subj[0].lemma_.lower() in speakers:
            return True     # "the statement attacks a judge": in words
    preps = ctx.res.lexicon.get("events", {}).get("not_when_prep", {}).get(verb.lemma_.lower(), [])
    if any(c.dep_ in ("prep", "agent") and c.lower_ in preps for c in verb.children):
        return True     # "was questioned about the report": asked, not criticised
    if verb.tag_ == "VBN" and verb.lemma_.lower() in ctx.res.words("events", "deprivation_passives") \
            and any(c.dep_ == "dobj" for c in verb.children) \
            and (verb.dep_ in ("acl", "advcl", "conj") and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
                 or any(c.dep_ == "auxpass" for c in verb.children)):     # (not "and has always denied any links")
        return True     # "she was denied letters", "..., denied even phone calls": deprived, no denial
    if marks and any(c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                     for c in verb.children):
        return True     # "asked him if there was any evidence": a question, no request
    return bool(excluded) and any(c.dep_ in ("dobj", "nsubjpass", "attr") and (c.lemma_.lower() in excluded or any(
        x.dep_ in ("amod", "compound") and x.lemma_.lower() in excluded for x in c.children)) for c in verb.children) \
        or any(c.dep_ == "prep" and p.dep_ == "pobj" and (p.lower_ in places or any(
               x.dep_ == "compound" and x.lower_ in places for x in p.children))
               for c in verb.children for p in c.children)


def _worth_of(tok):
    """'several million dollars' worth of radars': the radars (the parse may hang the 'of' on 'worth'
    or on the money); else the token itself."""
    if not any(t.lower_ == "worth" for t in tok.subtree):
        return tok
    return next((p for t in tok.subtree if t.lower_ == "worth" or t.i == tok.i for c in t.children
                 if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), tok)


def _is_money(ctx, tok) -> bool:
    """'$60bn', '€2 billion', '500 million euros', '87bn yen worth': an amount of money as a noun phrase."""
    currencies = ctx.res.lexicon["quantities"]["currencies"]
    return tok.lower_ in currencies or tok.lower_ == "worth" or tok.text[:1] in currencies \
        or any(c.text in currencies for c in tok.children)


def _own_agent(ctx, si, noun) -> list[Entity]:
    """The agent written on the event noun itself: 'Russia's attack', 'the Russian attack', 'attacks by X'."""
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and (mc := ctx.mention_at(si, c.i)) is not None:
            return [mc.entity]
        if c.dep_ == "prep" and c.lower_ == "by":
            return [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p, allow_noun=False)]
    return []


def _part_of_count(tok) -> bool:
    """'258 of them civilians', '40 of whom': a part of a count told beside it."""
    return any(n.like_num and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.lower_ in ("them", "whom", "those", "these") for p in c.children) for c in n.children)
        for n in (tok, *tok.children))


def _absolute_with(verb):
    """'six were killed with two others injured': a participle with no subject of its own right after a
    'with' phrase of the clause it hangs on (the parse makes it a clause of that verb); the noun of the
    'with' phrase, which undergoes it. None otherwise."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("advcl", "conj", "acl") or verb.i == 0 \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children):
        return None
    if verb.dep_ == "acl":
        # "with two others and a medic injured": the parse hangs a bare participle on the last noun
        noun = verb.head
        while noun.dep_ == "conj":
            noun = noun.head
        if any(c.dep_ not in ("punct", "advmod") for c in verb.children) or noun.dep_ != "pobj" \
                or noun.head.lower_ != "with" or noun.head.head.pos_ not in ("VERB", "AUX") \
                or noun.head.right_edge.i != verb.i:
            return None
        return noun
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.right_edge.i == verb.i - 1 \
                and not any(t.pos_ in ("VERB", "AUX") for t in prep.subtree):    # a plain noun phrase
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _elliptic_passive(verb):
    """'three people were killed and 15 injured': a participle joined to a passive clause whose own
    subject is a bare count, its 'were' left out. The count (the parse calls it the participle's
    subject, or joins it to the first verb and hangs the participle on it) and that first verb;
    None when the participle is no such clause."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if verb.dep_ == "conj":
        count, first = next((c for c in verb.children if c.dep_ == "nsubj" and c.like_num), None), verb.head
    elif verb.dep_ == "acl" and verb.head.like_num and verb.head.dep_ == "conj":
        count, first = verb.head, verb.head.head
    else:
        return None
    if count is None or first.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in first.children):
        return None
    return count, first


def _counted_victims(ctx, si, verb, ellipsis=None) -> tuple[list[Entity], str | None]:
    """'wounded 71', 'injuring more than 260 others', 'five more were wounded': victims that are only
    counted. They are what the casualty clause joined to this one counts, when it counts a plural
    noun ('killed 23 soldiers and injured another 15': soldiers), else people. ``ellipsis``: the
    verb's ``_elliptic_passive`` ('... and 15 injured'), whose count is the victim."""
    victim = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None) \
        or (ellipsis[0] if ellipsis else None)
    if victim is None or not any(t.like_num for t in victim.subtree) or not (
            victim.like_num or victim.pos_ == "NUM" or victim.lower_ in ctx.res.words("events", "elliptic_victims")):
        return [], None
    noun = _joined_count_noun(verb, ("dobj", "nsubjpass")) if verb.head.pos_ == "VERB" else None
    if noun is not None and noun.tag_ == "NNS":       # "four of its soldiers were killed and six wounded"
        found = [e for e in ctx.resolve_all(si, noun) if e.type not in ("Country", "Organization")]
        if found:
            return found[:1], noun.text
    return [ctx.registry.from_name("people", "Group")], "people"


def _joined_count_noun(verb, deps: tuple[str, ...]):
    """The noun the clause a conjoined verb is joined to counts ('four of its soldiers were killed and
    six wounded': soldiers): the first of that clause's ``deps`` children, or the noun after its 'of'."""
    if verb.dep_ != "conj":
        return None
    for c in verb.head.children:
        if c.dep_ in deps:
            noun = c if c.pos_ == "NOUN" else next((x for pr in c.children if pr.lower_ == "of"
                                                    for x in pr.children if x.dep_ == "pobj"), None)
            if noun is not None:
                return noun
    return None


def _dead(ctx, si, tok) -> bool:
    """'nine people were dead': a copula with a death adjective, said of people (not 'the ceasefire is dead')."""
    if tok.lemma_.lower() != "be" or not any(
            c.dep_ == "acomp" and c.lower_ in ctx.res.words("events", "death_adjectives") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" and (c.like_num or c.lemma_.lower() in ctx.people or c.lower_ in ctx.people
                                      or any(e.type == "Person" for e in ctx.resolve_all(si, c)))
               for c in tok.children)


def _deaths(ctx, si, verb, numbers, used) -> Draft | None:
    """'four people died in the unrest': killed, by no one the sentence names; counted and placed."""
    if _negated(verb):
        return None
    kill = ctx.res.verb_events.get("kill")
    victims = [c for c in verb.children if c.dep_ == "nsubj"]
    if not victims or kill is None:
        return None
    d = Draft(si, verb, kill.predicate, kill, confidence=0.6)
    found = ctx.resolve_all(si, victims[0])
    d.object = found[0] if found and found[0].type not in ("Country", "Organization") else None
    d.quantity = _quantity_for(ctx, si, list(victims[0].subtree), numbers, used)
    d.subject = next((a for a in _agents_of_event_context(ctx, si, verb) if a), None)
    _prep_roles(ctx, si, verb, kill, d)
    d.target = None
    if d.quantity is None and d.subject is None and not _violent_context(ctx, verb):
        return None     # "Chávez, who died in 2013": a death, no killing the sentence tells of
    causes = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for p in c.children
              if p.dep_ == "pobj"]
    nouns = set(ctx.res.frames["nouns"]["events"]) | set(ctx.res.words("events", "violent_causes"))
    if causes and d.subject is None and not any(
            _event_for(ctx, p) or p.lemma_.lower() in nouns or p.lower_ in ctx.weapon_nouns for p in causes):
        return None     # "eight people died of an unidentified disease": deaths, no killing
    return d if d.object is not None or d.quantity is not None else None


def _forces(ctx, si, verb) -> bool:
    """The verb's object is forces, weapons or people ('sent 300 troops', 'sent two warships')."""
    patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
        r for r in (_raised_patient(verb),) if r is not None]
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        patients.append(verb.head)      # "the Russian military stationed in the republic"
    for c in patients:
        ents = ctx.resolve_all(si, c)
        if any(e.type in ("MilitaryForce", "WeaponSystem", "Group", "Person") for e in ents) \
                or c.lemma_.lower() in ctx.people or c.lower_ in ctx.people or c.lower_ in ctx.weapon_nouns \
                or c.lemma_.lower() in ctx.weapon_nouns or c.lower_ in ctx.res.words("types", "MilitaryForce"):
            return True
    return False


def _violent_context(ctx, verb) -> bool:
    """'died in the attack', 'died in 1977 of his wounds', 'died after a bomb detonated under a
    convoy': an event, a wound or a weapon in the clause of the death."""
    nouns = set(ctx.res.frames["nouns"]["events"])
    for t in verb.subtree:
        if t.i == verb.i or t.dep_ == "relcl":
            continue
        if t.pos_ == "NOUN" and (_event_for(ctx, t) or t.lemma_.lower() in nouns) or t.lower_ in ctx.weapon_nouns:
            return True
        if t.pos_ == "VERB" and (ev := _event_for(ctx, t)) is not None and ev.predicate in _VIOLENT:
            return True
    return False


def _light_event(ctx, verb):
    """The event of a light verb's object ('imposed sanctions' -> sanctions), if it has one."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and (ev := _event_for(ctx, c)) is not None:
            return ev
    return None


def _verb_event(ctx, si, verb, ev, numbers, used) -> Draft | None:
    if _other_sense(ctx, verb):
        ctx.untyped.add((si, verb.i))   # stated, if at all, as an open frame of its lemma
        return None
    if _denies_the_sentence(verb):
        return None     # "..., which Kyiv denied": a status of that sentence's statements, not a fact of its own
    d = Draft(si, verb, ev.predicate, ev)
    subj, passive = _subject_of(ctx, si, verb)
    if (absolute := _absolute_with(verb)) is not None:
        # "six were killed with two others injured": the two were injured, by whoever killed the six
        subj, passive = (_subject_of(ctx, si, verb.head)[0] if any(
            c.dep_ == "auxpass" for c in verb.head.children) else []), True
    if (ellipsis := _elliptic_passive(verb)) is not None:
        # "three people were killed and 15 injured": the 15 were injured, by whoever killed the three
        subj, passive = _subject_of(ctx, si, ellipsis[1])[0], True
    objs: list[Entity] = []
    captive, captive_unit = captive_word(ctx, verb), None     # "took five tourists hostage"
    for c in verb.children:
        if c.dep_ in _OBJ and c.lower_ == "fire" and (ev.trigger == "open fire on" or ev.predicate == "sets_fire_to"):
            continue        # "opened fire on X", "set fire to X": X is the object
        if c.dep_ in _OBJ and captive is not None and captive.i == c.i:
            held = [x for x in c.children if x.dep_ == "compound" and x.pos_ in ("NOUN", "PROPN")]
            if held:        # "took five tourists hostage": the parse's compound is who is held
                objs = ctx.resolve_all(si, held[-1])
                captive_unit = held[-1].text
                if objs:
                    break
            continue
        if c.dep_ in _OBJ and _part_of_count(c):
            continue        # "385 had been killed, 140 of them civilians" (the parse: "killed civilians")
        if c.dep_ == "oprd" and ev.predicate == "describes" and any(x.dep_ == "dobj" for x in verb.children):
            continue        # "called the day a historic milestone": what is called so, not what it is called
        if c.dep_ in _OBJ or (passive and c.dep_ in ("nsubjpass", "nsubj")):
            objs = enumerated_names(ctx, si, c) or ctx.resolve_all(si, c)  # ("two villages, A and B": A, B)
            objs += [e for e in included_names(ctx, si, verb, c) if e not in objs]   # "..., including Ana Vel"
            objs += [e for e in included_counts(ctx, si, verb, c) if e not in objs]  # "..., including five journalists"
            if objs:
                break
    if not objs and (named := named_in_relative(ctx, verb)) is not None:
        objs = ctx.resolve_all(si, named)   # "struck what it called weapons depots": the depots
    undergone = not objs and not passive and bool(subj) \
        and verb.lemma_.lower() in ctx.res.words("events", "undergoer_subject_verbs") \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    if undergone:
        objs, subj = subj, []   # "the airport closed": it was closed
    undergone = undergone or passive and bool(objs) and not subj \
        and verb.lemma_.lower() in ctx.res.words("events", "undergoer_subject_verbs")    # "has been closed"
    left_so = _small_clause_victim(ctx, verb)
    if not objs and left_so is not None:
        objs = ctx.resolve_all(si, left_so)     # "..., leaving 19 people dead": the parse's subject of "dead"
    money = [c for c in verb.children if c.dep_ == "dobj" and _is_money(ctx, c)]
    if money:
        # "provided $60bn in military aid to Ukraine": the money is the amount, the aid the object
        given = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                 if p.dep_ == "pobj" and not p.like_num and p.ent_type_ not in ("DATE", "TIME")] or [p for m in money for t in m.subtree if t.lower_ == "worth"
                                          for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                                          for p in c.children if p.dep_ == "pobj"]   # "87bn yen worth of scallops"
        objs = ctx.resolve_all(si, given[0]) if given else []
        for g in given[:1]:
            _prep_roles(ctx, si, g, ev, d)
    if not objs and passive and (stolen := stolen_subject(verb)) is not None:
        objs = ctx.resolve_all(si, stolen)      # "... with police and Dzhokhar was arrested": Dzhokhar
    raised = _raised_patient(verb) if not objs else None
    if raised is not None:      # "800 troops are expected to be deployed": the troops, deployed by someone
        objs, passive = ctx.resolve_all(si, raised), True
        subj = [e for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for e in ctx.resolve_all(si, p)]
    charge = [c for c in verb.children if c.dep_ == "dobj"] \
        if verb.lemma_.lower() in ctx.res.words("events", "charge_object_verbs") else []
    if charge:
        # "alleging violations of human rights": what is alleged, not whom; the accused only where the
        # charge names its doer ("alleged abuses by the police")
        objs = _own_agent(ctx, si, charge[0])
    counted_unit = None
    elliptic = ctx.res.words("events", "elliptic_victims")
    casualty = ev.predicate in ctx.res.words("events", "casualty_predicates")
    if casualty and all(o.label.lower() in elliptic for o in objs):
        counted, counted_unit = _counted_victims(ctx, si, verb, ellipsis)  # "wounded 71", "five more were wounded"
        objs = counted or objs
    if not objs and passive and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and stolen_subject(verb) is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Chinese soldiers crossed the line and were repulsed by Indian troops": the shared subject
        objs = [e for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for e in ctx.resolve_all(si, c)]
    head_counted = []
    if not objs and absolute is not None:
        objs = ctx.resolve_all(si, absolute)
        head_counted = list(absolute.subtree)
    done_to = undergoer(verb)
    if done_to is not None and objs and not d.recipient and ev.to_role == "recipient":
        d.recipient = next(iter(ctx.resolve_all(si, done_to)), None)    # "Granted asylum, she ...": she got it
    elif not objs and done_to is not None:
        objs = ctx.resolve_all(si, done_to)     # "Arrested in May, Ana Vel ...", "after being detained": Ana Vel
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
            and stance_holder(ctx, verb) is None:
        objs = ctx.resolve_all(si, verb.head)    # "drones launched by Russia": the drones
        own = {t.i for t in verb.subtree}        # ("a girl and four men injured": their counts too)
        head_counted = [t for t in verb.head.subtree if t.i not in own]
    prep_objects = ctx.res.lexicon.get("events", {}).get("prep_objects", {})
    if not objs:
        # "called for restraint", "consist of 900 troops": the object of the verb's own preposition
        for c in verb.children:     # (the parse may call the preposition a particle: "called [on] the villagers")
            if c.dep_ in ("prep", "prt") and (c.lower_ == "of" or ev.trigger == f"{verb.lemma_.lower()} {c.lower_}"
                                     or c.lower_ == prep_objects.get(verb.lemma_.lower())
                                     and (subj or c.lower_ != "from")     # (whoever withdrew, if said)
                                     or ev.trigger == "open fire on" and c.lower_ in ("on", "at")):
                objs = [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)] or [
                    e for pr in c.children if pr.dep_ == "prep" and pr.lower_ in ("of", "from")
                    for p in pr.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]   # "pulled out of X"
                if objs:
                    break
    elif prep_objects.get(verb.lemma_.lower()) == "from":
        # "withdrew its troops from Kherson": the place left
        left = [e for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)
                if e.type in ("Country", "Location")]
        if left and d.location is None and objs[0].type in ("MilitaryForce", "Group", "WeaponSystem", "Person"):
            d.location = left[0]
    # the count of the object first ("the two firms export 3.1 million barrels"), then the clause's
    # not a number in "according to two officials": the source's, not the event's
    sourcing = {t.i for c in verb.children if c.lower_ == "according" for t in c.subtree}
    # nor a number of a second charge beside this one ("a charge of forging papers and two charges of fraud")
    sourcing |= {t.i for c in verb.children if c.dep_ in _OBJ for x in c.conjuncts if parallel_of_gerund(c, x)
                 for t in x.subtree}
    # nor a number of an event nested under this one ("accused X of killing hundreds"): that event's
    sourcing |= {t.i for t in verb.subtree if t.i != verb.i and t.pos_ == "VERB" and _event_for(ctx, t)
                 for t in t.subtree}
    # nor a number of a relative clause ("the Strait, through which a fifth of the world's oil passes")
    # or of a part of the count ("21 civilians, including 11 children")
    sourcing |= {x.i for t in verb.subtree if t.i != verb.i and (t.dep_ == "relcl" or t.lower_ in ("including", "among"))
                 for x in t.subtree}
    # ("496 had been killed, 258 of them civilians": a part of the count, told after it)
    sourcing |= {x.i for t in verb.subtree if t.i != verb.i and _part_of_count(t) for x in t.subtree}
    # nor a count of an absolute "with" clause ("six were killed with two others injured"): theirs
    doc = verb.doc
    sourcing |= {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                 and (c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].tag_ in ("VBN", "VBD")
                      and doc[c.right_edge.i + 1].dep_ in ("advcl", "acl", "conj")
                      or any(x.pos_ == "VERB" and _absolute_with(x) is not None for x in c.subtree))
                 for t in c.subtree}
    # nor a number inside an object that is an event of another kind ("approved the sale of 400 missiles"): the sale's
    sourcing |= {t.i for c in verb.children if c.dep_ in _OBJ and c.pos_ == "NOUN"
                 and (nev := _event_for(ctx, c)) is not None and nev.predicate != ev.predicate for t in c.subtree}
    clause = {t.i for t in _clause_tokens(verb)} - sourcing
    obj_tokens = [t for c in verb.children if c.dep_ in _OBJ or c.dep_ == "prep"
                  or (passive and c.dep_ in ("nsubjpass", "nsubj")) for t in c.subtree if t.i in clause] \
        + [t for t in head_counted if t.i not in sourcing] + (list(left_so.subtree) if left_so is not None else []) \
        + (list(raised.subtree) if raised is not None else []) \
        + [t for c in verb.children if c.dep_ in _OBJ for n in included_count_nouns(verb, c) for t in n.subtree]
    subj_tokens = {t.i for c in verb.children if c.dep_ in _SUBJ for t in c.subtree}
    if ev.predicate in ctx.res.words("events", "uncounted_predicates"):
        obj_tokens, clause = [], set()     # "the two neighbours accused each other": no count of an accusation
    if head_counted and any(c.dep_ == "nummod" and c.idx in used for c in verb.head.children):
        clause = set()      # "1,700 Palestinians detained ... in exchange for 20 hostages": their count went before
    d.quantity = (_quantity_for(ctx, si, [t for t in head_counted if t.i not in sourcing], numbers, used,
                                wholes=True) if head_counted else None) \
        or _quantity_for(ctx, si, obj_tokens, numbers, used) or (_quantity_for(
        ctx, si, [t for t in _clause_tokens(verb) if (t.i not in subj_tokens or passive) and t.i not in sourcing],
        numbers, used) if clause else None)
    if d.quantity is None and (not passive or any(c.dep_ == "agent" for c in verb.children)) \
            and ev.predicate not in ctx.res.words("events", "uncounted_predicates"):
        d.quantity = _quantity_for(ctx, si, [t for t in counted_doer(ctx, verb) if t.i not in sourcing], numbers, used)
    if d.quantity is None and ellipsis is not None and casualty:
        d.quantity = _quantity_for(ctx, si, [ellipsis[0]], numbers, used)    # ("... and 15 injured")
    if d.quantity is not None and d.quantity.unit is None and passive \
            and (noun := _joined_count_noun(verb, ("nsubjpass",))) is not None:
        # "four of its soldiers were killed and six wounded": six soldiers
        d.quantity = Quantity(d.quantity.value, d.quantity.qualifier, noun.text, d.quantity.text)
    if counted_unit and d.quantity is not None \
            and (d.quantity.unit is None or d.quantity.unit in elliptic
                 or verb.dep_ == "conj" and passive):
        d.quantity = Quantity(d.quantity.value, d.quantity.qualifier, counted_unit, d.quantity.text)
    if d.quantity is not None and captive is not None \
            and (captive_unit or d.quantity.unit is None or d.quantity.unit == captive.text):
        d.quantity = replace(d.quantity, unit=captive_unit or captive.text)  # "took 251 as hostages": 251 hostages
    if d.quantity is not None and d.quantity.unit == "others" and objs and objs[0].label == "people":
        d.quantity = replace(d.quantity, unit="people")     # "251 others were taken hostage": 251 people
    idioms = ctx.res.lexicon.get("events", {}).get("object_idioms", {}).get(verb.lemma_.lower(), {})
    if d.quantity is not None and d.quantity.unit in idioms:
        d.quantity = replace(d.quantity, unit="people")     # "claimed 30 lives": 30 people killed
        objs = [ctx.registry.from_name("people", "Group") if e.label.lower() in idioms else e for e in objs]
    if d.quantity is not None:    # "900 troops and 60 medics"
        while (more := _quantity_for(ctx, si, obj_tokens, numbers, used, strict=True)) is not None:
            d.extra_quantities.append(more)
    military = set(ctx.res.words("types", "MilitaryForce"))
    if subj and not passive and verb.lemma_.lower() in ctx.res.words("events", "actor_subject_verbs") \
            and subj[0].type not in (*_ACTORS, "WeaponSystem") \
            and not any(c.dep_ == "nsubj" and (c.lower_ in ctx.weapon_nouns | ctx.people or any(
                x.dep_ == "compound" and x.lower_ in military for x in c.children)) for c in verb.children):
        # (an army's or a navy's anything is armed: "Israeli navy ships struck targets")
        if any(c.dep_ == "nsubj" and (_event_for(ctx, c) or c.lemma_.lower() in ctx.res.frames["nouns"]["events"])
               for c in verb.children):
            ctx.agentless.add((si, verb.i))     # "the explosion targeted a bakery": struck, by no one named
        else:
            ctx.refused.add((si, verb.i))
        return None     # "the measures target 20 banks", not "Israeli jets struck targets"
    cause_verb = not passive and verb.lemma_.lower() in ctx.res.words("events", "cause_subject_verbs")
    cause = cause_verb and bool(subj) and subj[0].type not in (*_ACTORS, "WeaponSystem") \
        and not any(c.dep_ == "nsubj" and c.lower_ in ctx.weapon_nouns | ctx.people for c in verb.children)
    # "A drone strike killed 21 civilians": an attack no one is named for still killed them
    # ("the bombing killed 13 people and wounded 71": the subject of the clause it is joined to)
    shared = verb.head.children if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) else ()
    # ("the attack, which killed three people and injured more than 260": the noun "which" stands for)
    causes = [c.head.head if c.lower_ in ("which", "that") and c.head.dep_ == "relcl" else c
              for c in (*verb.children, *shared) if c.dep_ == "nsubj"]
    cause = cause or cause_verb and not subj and any(ctx.res.noun_events.get(c.lemma_.lower()) for c in causes)
    if cause:
        subj = []       # "the explosion killed three people": victims and count, no one to name
    if left_so is not None and verb.dep_ == "advcl" and not any(c.dep_ in _SUBJ for c in verb.children) \
            and ((hev := _event_for(ctx, verb.head)) is None or hev.predicate not in _VIOLENT):
        subj = []       # "protests led to clashes, leaving 19 dead": dead in them, by no one named
    if not subj and passive and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" \
            and verb.head.lemma_.lower() in ctx.res.words("control", "ordering") \
            and not any(c.dep_ == "agent" for c in verb.children):
        subj = _subject_of(ctx, si, verb.head)[0]   # "the judge ordered that X be banned": banned by the order
    d.subject = subj[0] if subj else None
    d.extra_subjects = subj[1:]
    if d.subject is None and (passive or verb.dep_ == "acl" and verb.tag_ == "VBN") \
            and ev.predicate in ctx.res.words("events", "sent_from_predicates"):
        # "the 11,000 troops sent from North Korea", "missiles launched from Yemen": the state they came from
        d.subject = next((e for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                          for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p, allow_noun=False)
                          if e.type in ("Country", "Organization", "MilitaryForce", "Group")), None)
    if ev.predicate in ctx.res.words("events", "evaluative_predicates"):
        # "experts described the raids as 'extrajudicial executions'": who carried out the raids
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") and (noun_ev := _event_for(ctx, c)) is not None \
                    and ctx.mention_at(si, c.i) is None:
                agent = _own_agent(ctx, si, c)
                if not agent and any(x.lower_ in ("the", "these", "those", "this", "such") for x in c.children):
                    agent = [a for a in [ctx.recent_agent(si, noun_ev.predicate, back=4)] if a]
                if agent and agent[0] not in subj:
                    if ev.predicate in ctx.res.words("events", "event_object_predicates"):
                        objs, d.target = [ctx.noun_entity(si, c)], agent[0]
                    else:
                        objs = agent[:1]
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ctx.res.words("nouns", "speech") \
                    and (speaker := _speaker_of(ctx, si, c)) and speaker[0] not in subj:
                objs = speaker[:1]      # "rejects the statements of the president": the president is rejected
    if len(subj) == 2 and any(c.dep_ in _OBJ and c.lower_ in ("other", "another")
                              and any(x.lower_ in ("each", "one") for x in c.children) for c in verb.children):
        objs = [subj[1], subj[0]]      # "X and Y accused each other": both ways
    if objs and ev.predicate in ctx.res.words("events", "force_object_predicates") and not _forces(ctx, si, verb):
        ctx.untyped.add((si, verb.i))   # "a memo sent to lawmakers": sent, but no deployment
        return None
    if objs and ev.predicate in ctx.res.words("events", "goods_predicates") and objs[0].type == "Person" \
            and not objs[0].wikidata:
        ctx.registry.vote(objs[0], "Thing", 3.0)    # "purchased a 1977 Mercury Marquis": a thing, whatever NER said
    if objs and ev.predicate in ctx.res.words("events", "actor_object_predicates"):
        objs = ctx.as_actor(objs)      # "accused Phnom Penh" -> Cambodia
    if objs and ev.to_role == "recipient" \
            and any(told_not_given(ctx, si, verb, c) for c in verb.children if c.dep_ == "dobj"):
        d.recipient, objs = objs[0], []     # "promised Ruritanians that the assembly will ...": told, not given
    if not objs and ev.predicate in _MEETINGS:
        for c in verb.children:     # "Ukrainian and US delegations would meet": the sides meet each other
            if c.dep_ == "nsubj" and len(sides := _sides(ctx, si, c)) >= 2:
                d.subject, d.extra_subjects, objs = sides[0], [], sides[1:2]
    if objs:
        d.object = objs[0]
    if objs and ev.to_role == "target" and verb.lemma_.lower() in ctx.res.words("control", "object") and any(
            (c.dep_ == "xcomp" or c.dep_ == "advcl" and c.i > verb.i and ev.trigger == f"{verb.lemma_.lower()} on")
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) for c in verb.children):
        d.addressed = True      # "urged Ruritania and Freedonia to halt purchases", "called on the government today to
                                # declare ...": whom the appeal is aimed at
    if ev.to_role == "recipient" and not objs and subj and not passive:
        given = [e for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, _worth_of(p))]
        if given:       # "Ruritania armed with 300 missiles": armed by someone unnamed
            d.recipient, d.subject, d.extra_subjects, d.object, d.extra = subj[0], None, [], given[0], given[1:]
            subj = []
    elif ev.to_role == "recipient" and objs:
        # "supplying the group with missiles": the object is the recipient, the 'with' phrase the thing
        given = [e for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, _worth_of(p))]
        if given:
            d.recipient, d.object, objs = objs[0], given[0], given
    if d.subject is None and passive and ev.predicate in _VIOLENT:
        # "in attacks by Hamas, 1,200 people were killed"; "an offensive in which 35,700 were killed"
        d.subject = next((a for a in _agents_of_event_context(ctx, si, verb) if a), None)
    if d.subject is None and passive and ev.predicate in _VIOLENT and (objs or d.quantity) \
            and not _background(verb) and not any(
                p.dep_ == "pobj" and p.tag_ == "NNS" and _event_for(ctx, p) is not None
                and not any(x.dep_ in ("det", "poss") for x in p.children)
                for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children):
        # "three areas were hit": the running actor of these events, never the victims' own side (but
        # "300 police killed in attacks in Balochistan": attacks of anyone, no one's guess)
        recent = ctx.recent_agent(si, ev.predicate, back=10, same_only=True)    # the same kind of event only
        if recent and not any(_same_side(ctx, recent, o) for o in objs):
            d.subject, d.confidence = recent, 0.5
    if d.subject is None and d.recipient is None and not undergone \
            and not ((passive or cause or _infinitive(verb) or head_counted or left_so is not None)
                     and (d.quantity is not None or casualty and bool(objs))):
        # (but "the blast injured several people": victims, uncounted, of no one named)
        if cause:
            ctx.agentless.add((si, verb.i))   # "the fire destroyed the building": a cause, no one to name
        return None
    _prep_roles(ctx, si, verb, ev, d)
    judged = ev.predicate in ctx.res.words("events", "evaluative_predicates")
    for c in verb.children:
        if c.dep_ in _OBJ and judged and _event_for(ctx, c) is not None:
            continue    # "condemned the strikes on Lisk": Lisk is the strikes' target, not the one condemned
        if c.dep_ in _OBJ:
            _prep_roles(ctx, si, c, ev, d)
            _nested_location(ctx, si, c, d)
            if c.conjuncts and not any(p.dep_ == "prep" for o in (c, *c.conjuncts[:-1]) for p in o.children):
                _prep_roles(ctx, si, c.conjuncts[-1], ev, d)     # "drones and missiles at Ukraine": at both
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    _nested_location(ctx, si, p, d)
    d.negated = _negated(verb) or any(c.dep_ in (*_OBJ, "nsubjpass") and c.lower_ in _NONE for c in verb.children)
    if d.object is not None and d.object.label.lower() in _NONE:
        # "none of its artillery had been hit": not hit, and the artillery is what was not
        of = [p for c in verb.children if c.lower_ in _NONE for pr in c.children if pr.lower_ == "of"
              for p in pr.children if p.dep_ == "pobj"]
        found = ctx.resolve_all(si, of[0]) if of else []
        d.object = found[0] if found else None
    if d.subject is None and d.object is None:
        return None
    addressee = ev.predicate in ctx.res.words("events", "addressee_predicates") and d.object is not None \
        and len(objs) == 1 and any(c.dep_ == "xcomp" for c in verb.children)
    if addressee:
        # "urged people to avoid the area": who is urged (the target); what is urged is the infinitive's
        d.target, d.object, objs = d.object, None, []
    if d.object is None and not addressee:
        d.object, d.target = (d.target, None) if d.target else (d.object, d.target)
    if d.object is None and d.extra_subjects and ev.predicate in ctx.res.words("events", "sides_predicates"):
        d.object, d.extra_subjects = d.extra_subjects[0], d.extra_subjects[1:]    # "X and Y spoke": with each other
    if d.object is None and d.location is None and d.recipient is None and d.quantity is None \
            and not addressee:
        return None
    d.extra = objs[1:] if len(objs) > 1 else []
    _transfer(ctx, si, verb, d)
    return d


def _transfer(ctx, si, verb, d: Draft) -> None:
    """'Germany will send Ukraine four IRIS-T systems' / '... send tanks to Ukraine': weapons sent to
    another country are supplied to it, not deployed there."""
    if d.predicate != "deploys" or d.object is None or d.subject is None:
        return
    weapon = d.object.type == "WeaponSystem" or d.object.label.split()[-1].lower() in ctx.weapon_nouns
    dative = [e for c in verb.children if c.dep_ == "dative" for e in ctx.resolve_all(si, c, allow_noun=False)]
    sent_to = any(p.lower_ == "to" for h in (verb, *(c for c in verb.children if c.dep_ in _OBJ)) for p in _preps(h))
    to = dative[0] if dative else d.location if sent_to else None     # not "sent warplanes near Taiwan"
    if not weapon or to is None or to.type != "Country" or to == d.subject \
            or ctx.res.by_name.get(d.subject.label, None) is not None and to.label == getattr(
                ctx.res.by_name.get(d.subject.label), "country", None):
        return
    supply = ctx.res.verb_events.get("supply")
    d.predicate, d.event, d.recipient = supply.predicate, supply, to
    if d.location == to:
        d.location = None


def _speaker_of(ctx, si, noun) -> list[Entity]:
    """Who made the statement, remark or claim a noun names: 'X's remarks', 'the statements of/by X'."""
    named = [c for c in noun.children if c.dep_ == "poss"] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
        for p in c.children if p.dep_ == "pobj"]
    # (a name or a pronoun: "the statements of the president" may be of a president not named before)
    return [e for t in named if t.pos_ in ("PROPN", "PRON") for e in ctx.resolve_all(si, t, allow_noun=False)
            if e.type in _ACTORS][:1]


def _decided_for_others(ctx, noun, d: Draft) -> bool:
    """'approved the sale of 400 missiles to X', 'blocked the delivery of tanks to Y': an event the
    governing verb authorises, cancels or bars, with what and whom it concerns, is stated though its
    doer is not named (the approver is not the seller)."""
    from .attribution import modality
    return d.object is not None and (d.recipient is not None or d.location is not None) \
        and modality(ctx, noun) in ("authorized", "cancelled", "prevented", "refused")


def _noun_event(ctx, si, noun, ev, numbers, used) -> Draft | None:
    if threatened_stop(ctx, noun) or ev.predicate == "kills" and natural_death(ctx, noun):
        return None
    d = Draft(si, noun, ev.predicate, ev)
    d.negated = _negated(noun)      # "no strikes", "zero deaths", "without the aid of X"
    agent = _noun_agent(ctx, si, noun)
    d.subject = agent[0] if agent else None
    d.extra_subjects = agent[1:]
    # "a Russian drone and missile attack on Kyiv": the parse makes the weapons the head; theirs are the attack's
    weapons = noun.head if noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.lower_ in ctx.weapon_nouns \
        and not any(x.dep_ == "det" for x in noun.children) else None
    if weapons is not None and d.subject is None:
        d.subject = next((m.entity for x in weapons.children if x.dep_ == "amod"
                          and (m := ctx.mention_at(si, x.i)) is not None and m.kind == "demonym"), None)
    targets: list[Entity] = []
    # "will take control of Gaza City": the parse hangs the noun's "of" on the verb taking it
    verb_of = [x for x in noun.head.children if noun.dep_ == "dobj" and x.dep_ == "prep" and x.lower_ == "of"
               and x.i == noun.right_edge.i + 1] \
        if not any(x.dep_ == "prep" and x.lower_ == "of" for x in noun.children) else []
    for c in [*noun.children, *verb_of,
              *(x for x in (weapons.children if weapons is not None else ()) if x.dep_ == "prep")]:
        if c.dep_ == "prep" and blamed_on(ctx, noun, c):
            continue        # "blamed the attack on the far-right"
        if c.dep_ == "prep" and c.lower_ == "over" and (any(x.lower_ == "all" for x in c.children)
                                                        or c.i > 0 and c.doc[c.i - 1].lower_ == "all"):
            if d.location is None:      # "wars all over the world": where, not what they are about
                d.location = next((e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)), None)
            continue
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "over", "about") and ev.predicate in _MEETINGS:
            continue        # "announced the meeting on social media", "talks on trade": no one met
        if c.dep_ == "prep" and (c.lower_ in ("on", "against", "of", "upon", "over", "about")
                                 or c.lower_ == "in" and ev.to_role == "target"     # "involvement in the attack"
                                 or c.lower_ == "for" and noun.lemma_.lower() in ctx.res.frames["nouns"]["for_patient"]):
            # ("an arrest warrant for X": X is sought)
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in ctx.res.words("nouns", "partitives") \
                        and (whole := [q for x in p.children if x.dep_ == "prep" and x.lower_ == "of"
                                       for q in x.children if q.dep_ == "pobj"]):
                    p = whole[0]        # "control of most of Darfur", "the west of Lisk": of Darfur, of Lisk
                if p.dep_ == "pobj" and p.lemma_.lower() not in ctx.res.frames["participants"]["preposition_nouns"] \
                        and not gerund_doer(p):     # (not "threats of Iran quitting": Iran quits)
                    targets = ctx.resolve_all(si, p)     # not "in advance of the vote"
            if c.lower_ == "of" and noun.lemma_.lower() in ctx.res.frames["nouns"]["of_agent"] \
                    and targets and targets[0].type in _ACTORS:
                if d.subject is None:
                    d.subject, targets = targets[0], []     # "the aid of Russia": Russia aids
                elif noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without") and ev.to_role == "recipient":
                    # "X took the city with the support of Y": Y supports X
                    d.recipient, d.subject, targets = d.subject, targets[0], []
        if c.dep_ == "acl" and c.lemma_.lower() in ctx.res.words("events", "acl_target_verbs"):
            # "sanctions targeting Airbus and Safran"
            for o in c.children:
                if o.dep_ in _OBJ:
                    targets = ctx.resolve_all(si, o)
                    _prep_roles(ctx, si, o, ev, d)
        if c.dep_ in ("prep",) and (c.lower_ in _LOCATION_PREPS or ev.to_role == "recipient" and c.lower_ in ("to", "for")):
            _prep_roles(ctx, si, noun, ev, d)
    if not targets and noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB" \
            and noun.head.head.lemma_.lower() in ctx.res.words("events", "with_event_verbs"):
        # "hits 13 officials with sanctions": the verb's object is the noun's
        targets = [e for c in noun.head.head.children if c.dep_ == "dobj" for e in ctx.resolve_all(si, c)]
    if not targets and (befalls := undergoer_possessor(ctx, si, noun)) is not None:
        targets = ctx.resolve_all(si, befalls, allow_noun=False)     # "Khashoggi's killing": he was killed
    if targets:
        d.object = targets[0]
        d.extra = targets[1:]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "of"):
            for p in c.children:
                if p.dep_ == "pobj":
                    _nested_location(ctx, si, p, d)
        with_preps = [c] + [x for x in c.children if x.dep_ == "prep"] if c.dep_ == "acl" else [c]
        for w in with_preps:    # "talks with X", "a meeting planned with X"
            if w.dep_ == "prep" and w.lower_ == "with" and ev.predicate in ctx.res.words("events", "with_counterpart_predicates"):
                generic = set(ctx.res.frames["participants"]["generic"])
                for p in w.children:
                    found = ctx.as_actor(ctx.resolve_all(si, p, allow_noun=ev.predicate == "fights")) or [
                        e for e in ctx.resolve_all(si, p)     # "secret talks with British ministers"
                        if e.label.split() and e.label.lower().split()[-1] not in generic]
                    if p.dep_ == "pobj" and found:
                        d.object, d.extra = found[0], found[1:]     # "talks with Moscow": Russia
                        _nested_location(ctx, si, p, d)     # "talks with ministers in London": there
        if c.dep_ == "prep" and c.lower_ == "between" and ev.predicate in ctx.res.words("events", "between_sides_predicates"):
            # "a meeting between Rubio and Lavrov", "the war between Russia and Ukraine"
            found = [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]
            if len(found) < 2:      # "talks between Ukrainian and US negotiators": the two sides they speak for
                found = [e for p in c.children if p.dep_ == "pobj" for e in _sides(ctx, si, p)] or found
            later = [e for p in c.children if p.dep_ == "pobj" for x in p.conjuncts for e in ctx.resolve_all(si, x)]
            first = [e for e in found if e not in later]
            if len(found) >= 2 and d.subject is None and len(first) > 1 and later:
                # "talks between the three countries and Iran": each of the three with Iran, not with each other
                d.subject, d.extra_subjects, d.object, d.extra = first[0], first[1:], later[0], later[1:]
            elif len(found) >= 2 and d.subject is None:
                d.subject, d.object, d.extra = found[0], found[1], found[2:]
    if noun.dep_ == "nsubj" and d.subject is None and ev.predicate in ctx.res.words("events", "between_sides_predicates"):
        # "Fighting erupted between X and Y": the parse hangs 'between' on the verb
        for c in noun.head.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                found = [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]
                if len(found) >= 2:
                    d.subject, d.object, d.extra = found[0], found[1], found[2:]
    if noun.head.pos_ in ("VERB", "AUX"):
        _prep_roles(ctx, si, noun.head, ev, d)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in \
            ctx.res.words("nouns", "series"):
        _prep_roles(ctx, si, noun.head.head, ev, d)     # "a package of aid for Ukraine"
    if d.object is None and d.target is not None:
        d.object, d.target = d.target, None
    if d.object is None and ev.predicate == "signs" and d.subject is not None:
        d.object = ctx.noun_entity(si, noun)      # "X and Y struck a trade deal": the deal is what they signed
    if d.object is None and ev.predicate in ("meets", "consults", "negotiates") and d.extra_subjects:
        d.object = d.extra_subjects[0]            # "Israeli and Hamas negotiators resumed talks"
    if d.subject is None and d.object is not None and ev.predicate in _VIOLENT \
            and not any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("all", "any", "no", "every")
                        for c in noun.children) \
            and (noun.tag_ != "NNS" or any(c.dep_ in ("det", "poss") for c in noun.children)
                 or noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in ctx.res.words("nouns", "series")):
        # "This move follows a series of strikes on vessels": the actor of the sentences before
        # (only for attacks: "the drills will include the deployment of ..." may be anyone's; and
        # not "185 attacks on clinics", "all attacks on health care", "killings of tribal figures":
        # counted, any or bare plurals, not these)
        recent = ctx.recent_agent(si, ev.predicate, back=2, include_current=False)
        if recent:
            d.subject, d.confidence = recent, 0.5
    toll = ev.predicate in ctx.res.words("events", "casualty_predicates") \
        and any(c.dep_ == "nummod" for c in noun.children)
    if d.object is None and toll:
        d.object = ctx.registry.from_name("people", "Group")    # "three deaths": three people killed
    if d.subject is not None and d.object is None and d.location is None and d.recipient is None \
            and _definite(noun) and noun.dep_ in ("nsubj", "nsubjpass"):
        d.pending = True    # "the attack was carried out by X": X's, if an earlier mention says what it was on
    elif d.subject is None and not _decided_for_others(ctx, noun, d) and not toll \
            or (d.object is None and d.location is None and d.recipient is None and not (
            ev.predicate in ctx.res.words("events", "self_contained_predicates")
            and (gov := _taking_verb(ctx, noun)) is not None and d.subject in _subject_of(ctx, si, gov)[0]
            and d.subject.type != "Thing")):
        return None     # (but "Freedonia and Vostok agreed (to) a ceasefire": the doer of a self-contained act;
                        # "resulting in 1,204 deaths": a toll, whoever caused it)
    gov_ev = _event_for(ctx, noun.head) if noun.dep_ == "dobj" else None
    if gov_ev is not None and gov_ev.predicate in ctx.res.words("events", "addressee_predicates") \
            and ev.to_role == "recipient" and d.subject in _subject_of(ctx, si, noun.head)[0]:
        # "Freedonia requested the delivery of radars": to Freedonia; "a caller requested delivery to
        # Room 12": to the room, and the caller delivers nothing
        d.recipient, d.subject = d.recipient or d.subject, None
    of = [x for c in noun.children if c.dep_ == "prep" and (
        c.lower_ == "of" or (ev.predicate in _VIOLENT or ev.to_role == "target") and c.lower_ in ("on", "against"))
        for x in c.subtree]     # ("strikes on three ports", "sanctions against 133 vessels": the count of whom it hit)
    if ev.to_role == "recipient" and d.recipient is None:
        # "the sale of one of its largest packages to Taiwan": the parse hangs 'to' on the thing sold
        d.recipient = next((e for t in of if t.dep_ == "prep" and t.lower_ == "to" for p in t.children
                            if p.dep_ == "pobj" and p.pos_ == "PROPN" for e in ctx.resolve_all(si, p)
                            if e.type in ("Country", "Organization", "Location", "MilitaryForce")), None)
    # "the delivery of 12 radar units": the count of what is delivered ("one of its largest packages" counts nothing)
    worth = [x for c in noun.children if c.lower_ in ctx.res.word_set("quantities", "worth_words") for x in c.subtree]   # "... worth $11bn"
    counted = [t for t in [noun, *noun.children, *of, *worth, *([noun.head] if noun.dep_ == "pobj" else [])]
               if not (t.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children))]
    aimed = ev.predicate in _VIOLENT or ev.to_role == "target"
    d.quantity = _quantity_for(ctx, si, counted, numbers, used, aimed=aimed)
    if toll and d.quantity is not None and d.quantity.unit and d.quantity.unit.lower() == noun.lower_:
        d.quantity = replace(d.quantity, unit="people")     # "1,204 deaths": 1,204 people killed
    if d.quantity is not None and ev.to_role == "recipient":
        while (more := _quantity_for(ctx, si, counted, numbers, used, strict=True)) is not None:
            d.extra_quantities.append(more)     # "400 missiles worth $1.2bn": the count and the value
    if d.quantity is None and noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in ctx.res.words("nouns", "series"):
        d.quantity = _quantity_for(ctx, si, list(noun.head.head.subtree), numbers, used)   # "... worth $725m"
    d.confidence = 0.6
    return d
