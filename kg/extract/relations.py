"""Statements that are not events: possession, measures, offices, shares, presence,
membership, likeness, counts someone claims, operation names, and any other verb
between two named actors.
"""
from __future__ import annotations

import re

from ..model import Entity, Quantity
from .roles import (
    _ACTORS,
    _LOCATION_PREPS,
    Draft,
    _clause_subject,
    _event_for,
    _negated,
    _nested_location,
    _noun_agent,
    _quantity_for,
    _subject_of,
)



def _possession(ctx, si, verb, numbers, used) -> Draft | None:
    """'X has no fewer than 300 [tanks]': possession needs a count or a weapon."""
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
        if obj_tok.like_num:   # "has 300": the last weapon named
            e = ctx.earlier(si, verb.i, ("WeaponSystem",), back=3)
            objs = [e] if e else []
        else:                  # "have more than 2 million volunteers"
            objs = ctx.resolve_all(si, obj_tok)
    if not objs or (q is None and objs[0].type != "WeaponSystem"):
        return None
    if subj[0] == objs[0]:
        return None
    return Draft(si, verb, "possesses", None, subject=subj[0], object=objs[0], quantity=q,
                 negated=_negated(verb))


def _named_operation(ctx, si, verb) -> Draft | None:
    """'the raids - named "Operation Northern Shield" -': the name the actor gave its operation."""
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


def _nationality(ctx, si, verb, numbers, used) -> Draft | None:
    """'two of the attackers were Pakistani nationals' -> has_nationality Pakistan, counted."""
    attr = [c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in
            ctx.res.words("nouns", "nationality_nouns")]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not attr or not subj:
        return None
    country = [m.entity for c in attr[0].children if c.dep_ in ("amod", "compound")
               and (m := ctx.mention_at(si, c.i)) is not None and m.entity.type == "Country"]
    if not country:
        return None
    q = _quantity_for(ctx, si, list(subj[0].subtree), numbers, used)
    people = ctx.resolve_all(si, subj[0])
    if not people and q is None:
        return None         # "another of them is a foreign national": neither who nor how many
    return Draft(si, verb, "has_nationality", None, subject=people[0] if people else None, object=country[0],
                 quantity=q, confidence=0.6)


def _presence(ctx, si, verb, numbers, used) -> Draft | None:
    """'Around 900 British troops are already in the country'."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ == "xcomp":   # "troops are believed to be in ..."
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "troops are in X", "troops remain stationed in X"
    heads = [verb, *[c for c in verb.children if c.dep_ in ("acomp", "xcomp") and c.tag_ == "VBN"]]
    places = [e for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _LOCATION_PREPS
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


def _among(ctx, si, verb, numbers, used) -> Draft | None:
    """'A senior Hamas commander was among the dead', 'two journalists were among those killed': the
    subject underwent what the group it is among underwent ([events].among_groups: word -> verb)."""
    if verb.lemma_.lower() != "be":
        return None
    table = ctx.res.lexicon.get("events", {}).get("among_groups", {})
    group = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
                  for p in c.children if p.dep_ == "pobj"), None)
    if group is None:
        return None
    word = next((a.lower_ for a in group.children if a.dep_ in ("acl", "amod") and a.lower_ in table),
                group.lower_)   # ("among the hostages released": released)
    ev = ctx.res.verb_events.get(table.get(word, ""))
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if ev is None or not subj:
        return None
    who = ctx.resolve_all(si, subj[0])
    if not who:
        return None
    q = _quantity_for(ctx, si, list(subj[0].subtree), numbers, used)
    return Draft(si, verb, ev.predicate, ev, object=who[0], extra=who[1:], quantity=q, confidence=0.6)


def _expected_arrival(ctx, si, word) -> Draft | None:
    """'Steve Witkoff is expected in Moscow next week', 'the envoy is due in Kyiv': a visit to come
    ([events].arrival_words; 'expected to visit' is the visit's own statement)."""
    if word.lemma_.lower() not in ctx.res.words("events", "arrival_words") \
            or any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in word.children):
        return None
    if word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):
        holder, subj_dep = word, "nsubjpass"      # "is expected in Moscow"
    elif word.pos_ == "ADJ" and word.dep_ == "acomp" and word.head.lemma_ == "be":
        holder, subj_dep = word.head, "nsubj"     # "is due in Kyiv"
    else:
        return None
    places = [e for h in {word, holder} for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "to")
              for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p, allow_noun=False)
              if e.type in ("Country", "Location")]
    who = [e for c in holder.children if c.dep_ == subj_dep for e in ctx.resolve_all(si, c)]
    ev = ctx.res.verb_events.get("visit")
    if not places or not who or ev is None:
        return None
    return Draft(si, word, ev.predicate, ev, subject=who[0], location=places[0], extra_subjects=who[1:],
                 confidence=0.6)


def _shares(ctx, si, numbers, used) -> list[Draft]:
    """'Aramco is responsible for nearly half of all Gulf oil exports' -> accounts_for (percent)."""
    doc = ctx.sentences[si].doc
    out = []
    for n in numbers:
        if n.unit != "percent" or n.num_start in used or n.whole:
            continue
        span = doc.char_span(n.num_start, n.end, alignment_mode="expand")
        if span is None:
            continue
        whole = [p for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if not whole:
            whole = [p for t in span[-1:] for c in t.head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]
        if whole and whole[0].pos_ == "PRON":
            continue    # "about half of them are children": a share of an unnamed group
        if not whole and not _under_share_verb(ctx, span.root):
            continue    # "enriched uranium to 60% purity", "grew by 0.4 percent": a level or a change, not a share
        owner = _clause_subject(ctx, si, span.root)
        of = ctx.resolve_all(si, whole[0]) if whole else []
        if not owner and not of:
            continue
        used.add(n.num_start)
        out.append(Draft(si, span.root, "accounts_for", None, subject=owner[0] if owner else None,
                         object=of[0] if of else None, quantity=Quantity(n.value, n.qualifier, "percent", n.text),
                         confidence=0.6))
    return out


def _under_share_verb(ctx, tok) -> bool:
    """'makes up 6%', 'accounts for 40 percent', 'is responsible for a third': a verb of shares above."""
    share = set(ctx.res.words("events", "share_verbs"))
    a = tok
    for _ in range(4):
        if a.head.i == a.i:
            return False
        a = a.head
        if a.pos_ in ("VERB", "AUX", "ADJ") and a.lemma_.lower() in share:
            return True
    return False


def _generic(ctx, si, verb) -> Draft | None:
    """Any other verb between two named participants ('emptied their prisons into the United States')."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.res.word_set("events", "relationless_verbs") or lemma in ctx.res.words("attribution", "claimed") \
            or lemma in ctx.res.words("events", "light_verbs"):
        return None
    if _negated(verb) or _negated(verb.head):
        return None    # "has not been able to verify"
    if any(c.dep_ in ("dobj", "nsubjpass") and _event_for(ctx, c) for c in verb.children):
        return None    # "halted deliveries to X": the event noun carries it
    subject_tokens = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if any(_event_for(ctx, t) for t in subject_tokens):
        return None    # "the bombing prompted ...": an event as subject, its actor only guessed
    subj, passive = _subject_of(ctx, si, verb)
    subj = [e for e in subj if e.type in _ACTORS]
    if not subj or passive:
        return None
    dobj = [c for c in verb.children if c.dep_ == "dobj"]
    for c in dobj:
        if c.pos_ == "PRON":
            return None    # "fought two wars over it": too little to name the other side
        objs = [e for e in ctx.resolve_all(si, c, allow_noun=False) if e != subj[0]]
        if objs:
            return Draft(si, verb, _snake(lemma), None, subject=subj[0], object=objs[0], confidence=0.5)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ not in ("including", "like", "such", "except", "besides"):
            # not "joined missions, including in Chad": that place is the missions', not the verb's
            objs = [e for p in c.children if p.dep_ == "pobj" and p.pos_ != "PRON"
                    for e in ctx.resolve_all(si, p, allow_noun=False) if e != subj[0]]
            if objs:
                return Draft(si, verb, _snake(f"{lemma} {c.lower_}"), None, subject=subj[0], object=objs[0],
                             confidence=0.5)
    return None


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _part_of(ctx, si, noun) -> Draft | None:
    """'the minister is part of a network called the Black Hand' -> member_of."""
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
    """'they are part of Serbia's arsenal' -> Serbia possesses them."""
    owner = [e for c in noun.children if c.dep_ == "poss" for e in ctx.resolve_all(si, c, allow_noun=False)]
    if not owner:
        return None
    items = [e for e in _clause_subject(ctx, si, noun) if e.type in ("WeaponSystem", "Thing")]
    if not items or items[0] == owner[0]:
        return None
    return Draft(si, noun, "possesses", None, subject=owner[0], object=items[0], confidence=0.6)


def _similar(ctx, si, adj) -> Draft | None:
    """'the Shahed drones are ... weapons similar to Russian Geran-2s' -> similar_to."""
    other = [e for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"
             for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]
    if not other:
        return None
    this = _clause_subject(ctx, si, adj)
    if not this or this[0] == other[0]:
        return None
    return Draft(si, adj, "similar_to", None, subject=this[0], object=other[0], confidence=0.6)


def _claimed_count(ctx, si, verb, numbers, used) -> Draft | None:
    """'X reported the existence of over 2 million volunteers': a count X asserts."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subj, _ = _subject_of(ctx, si, verb)
    if obj is None or not subj or _event_for(ctx, obj) is not None:
        return None     # (not "reported three deaths": the deaths' own event, counted there)
    q = _quantity_for(ctx, si, list(obj.subtree), numbers, used)
    if q is None:
        return None
    counted = next((t for t in obj.subtree if t.like_num or t.lower_ in ctx.vague), None)
    things = ctx.resolve_all(si, counted.head) if counted is not None and counted.head.pos_ == "NOUN" else []
    things = things or ctx.resolve_all(si, obj)
    if not things or things[0] == subj[0]:
        return None
    return Draft(si, verb, "claims_count", None, subject=subj[0], object=things[0], quantity=q, confidence=0.6)


def _toll(ctx, si, noun, numbers, used) -> Draft | None:
    """'the death toll in Gaza had risen to 61,430' -> kills, counted, at the place; the agent only
    where the text names it ('the toll from Israeli strikes')."""
    tokens = list(noun.subtree)
    if noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("nsubj", "dobj", "nsubjpass"):
        tokens += [t for c in noun.head.children if c.i != noun.i and c.dep_ in ("prep", "attr", "dobj", "oprd")
                   for t in c.subtree]    # "risen to 61,430", "stands at", "brought ... to"
    q = _quantity_for(ctx, si, tokens, numbers, used)
    if q is None:
        return None
    q = Quantity(q.value, q.qualifier, q.unit if q.unit not in (None, noun.text) else "dead", q.text)
    d = Draft(si, noun, "kills", None, quantity=q, confidence=0.6)
    for c in noun.children:
        if c.dep_ != "prep":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if c.lower_ in ("in", "across", "inside") and (place := ctx.resolve_all(si, p, allow_noun=False)):
                d.location = ctx.as_place(place[0])
            elif c.lower_ in ("from", "of") and _event_for(ctx, p):
                if agent := _noun_agent(ctx, si, p):
                    d.subject = agent[0]
                # "the toll from the strike on Kyiv": the dead of the place struck, or of the ship
                for on in p.children:
                    if on.dep_ == "prep" and on.lower_ in ("on", "in", "against"):
                        hit = [e for q in on.children if q.dep_ == "pobj" for e in ctx.resolve_all(si, q, allow_noun=False)]
                        if hit and hit[0].type in ("Location", "Country") and d.location is None:
                            d.location = ctx.as_place(hit[0])
                        elif hit and d.target is None and on.lower_ != "in":
                            d.target = hit[0]
    if d.location is None:
        _nested_location(ctx, si, noun.head, d)
    if d.location is None:
        # "Cambodia has put its own toll at 19 dead": the side's own dead
        owner = [e for c in noun.children if c.dep_ == "poss" for e in ctx.resolve_all(si, c, allow_noun=False)]
        if owner and owner[0].type == "Country":
            d.location = owner[0]
    return d if d.location is not None or d.subject is not None or d.target is not None else None


def _measure_verb(ctx, si, verb, predicate, numbers, used) -> Draft | None:
    """'The missile flew about 1,000km before landing' -> has_range of the missile (a distance only)."""
    tokens = [t for c in verb.children if c.dep_ in ("dobj", "npadvmod", "advmod", "prep", "attr")
              for t in c.subtree]
    q = _quantity_for(ctx, si, tokens, numbers, used)
    if q is None or q.unit not in ("kilometre", "mile", "nautical mile", "metre"):
        return None
    subj, _ = _subject_of(ctx, si, verb)
    subj = [e for e in subj if e.type in ("WeaponSystem", "Thing")]
    if not subj and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        e = ctx.earlier(si, verb.i, ("WeaponSystem",), back=2)
        subj = [e] if e else []
    return Draft(si, verb, predicate, None, subject=subj[0], quantity=q, confidence=0.6) if subj else None


def _measure(ctx, si, noun, predicate, numbers, used) -> Draft | None:
    """'they have a range of up to 300 kilometres' -> has_range of the weapon."""
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
    if owner and owner[0].type != "WeaponSystem" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in noun.head.children):
        owner = []     # "It reached an altitude of 6,000km, the JCS added": the weapon, not the speaker
    if not owner:
        e = ctx.earlier(si, noun.i, ("WeaponSystem",), back=2)
        owner = [e] if e else []
    if not owner:
        return None
    return Draft(si, noun, predicate, None, subject=owner[0], object=None, quantity=q)


def _offices(ctx, si) -> list[Draft]:
    """'Japan's defence minister, Gen Nakatani' / 'French President Emmanuel Macron' -> holds_office."""
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
        if any(t.lower_ in ctx.res.word_set("names", "former_markers") for t in doc[max(0, k - 6):k]):
            continue    # "former European Commission Vice President X": not the office now
        out.append(Draft(si, doc[m.start], "holds_office", None, subject=m.entity, object=holder,
                         role=title, confidence=0.9))
    out += _offices_after(ctx, si, set(titles), {d.subject for d in out})
    return out


def _offices_after(ctx, si, titles: set, done: set) -> list[Draft]:
    """'Yang Zhibin, the new chief of the Eastern Theater Command' / 'Mark Rutte, Nato's secretary general':
    a title after the name, in apposition, with the body it names ('of' or a possessor)."""
    doc = ctx.sentences[si].doc
    out = []
    for m in ctx.mentions[si]:
        if m.entity.type != "Person" or m.kind != "name" or m.entity in done:
            continue
        for a in doc[m.end - 1].children:
            if a.dep_ != "appos" or a.pos_ != "NOUN":
                continue
            words = [c.lower_ for c in a.children if c.dep_ == "compound" and c.i < a.i] + [a.lower_]
            title = " ".join(words)
            if title not in titles and a.lower_ not in titles:
                continue
            if any(c.lower_ in ctx.res.word_set("names", "former_markers") for c in a.children):
                continue    # "X, the former head of Y": not the office now
            bodies = [p for c in a.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                      if p.dep_ == "pobj"] + [c for c in a.children if c.dep_ == "poss"]
            holder = next((e for b in bodies for e in ctx.resolve_all(si, b, allow_noun=False)
                           if e.type in ("Country", "Organization", "MilitaryForce")), None)
            if holder is not None:
                out.append(Draft(si, doc[m.start], "holds_office", None, subject=m.entity, object=holder,
                                 role=title if title in titles else a.lower_, confidence=0.9))
                break
    return out
