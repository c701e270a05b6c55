"""Reading roles off the parse: who did it, to whom, where, how many.

Shared by the rules in ``events`` and ``relations``: the subject of a verb
(inherited through control, relative and participle clauses), the agent of an
event noun, prepositional roles, the quantity of a clause, and the ``Draft``
record the rules fill in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Entity, Quantity
from .context import ArticleContext, clause_subject
from .quantities import NumberMatch
from .resources import EventType, load_resources

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
    extra: list = field(default_factory=list)   # further objects ('Airbus and Safran')
    extra_subjects: list = field(default_factory=list)
    extra_quantities: list = field(default_factory=list)
    extra_locations: list = field(default_factory=list)
    addressed: bool = False       # the objects are whom the event is aimed at ("urged X and Y to halt")
    pending: bool = False         # a definite mention with its agent alone ("the attack was carried out by X"):
                                  # kept only if an earlier mention of the event gives it more roles


_PARTICLES = {"down", "up", "out", "off", "back", "over", "in"}


def has_complement(verb) -> bool:
    """'called the vote historic', 'named X as leader': a complement saying what the object is called."""
    return any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and c.i > verb.i or c.dep_ == "prep" and c.lower_ == "as"
               for c in verb.children)


def accepts_prep(ctx, verb, prep) -> bool:
    """'agreed to', 'agreed on', 'work with' ([verbs].accept_preps): the preposition takes what the
    verb accepts or does with its subject, not where or whom the verb is aimed at."""
    return f"{verb.lemma_.lower()} {prep.lower_}" in ctx.res.frames.get("verbs", {}).get("accept_preps", ())


def _phrase_lemma(tok) -> str:
    """The verb with its particle: 'shot down' -> 'shoot down' (also when the parse calls 'down' an adverb)."""
    doc = tok.doc
    prt = [c.lower_ for c in tok.children if (c.dep_ == "prt"
           or (c.dep_ == "advmod" and c.lower_ in _PARTICLES and c.i == tok.i + 1))
           and not (c.i + 1 < len(doc) and doc[c.i + 1].text in ("-", "–") and not c.whitespace_)]
    # (not the first word of a hyphenated one: "become out-of-bounds")
    return tok.lemma_.lower() + (" " + prt[0] if prt else "")


def _subject_of(ctx: ArticleContext, si: int, verb, depth: int = 0) -> tuple[list[Entity], bool]:
    """The agent of a verb, inherited through conjunction, xcomp, relative and participle clauses."""
    found, passive = _subject_of_raw(ctx, si, verb, depth)
    if found and not passive and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.pos_ == "VERB" \
            and not any(c.dep_ in _SUBJ for c in verb.children) and any(
                t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN") and (set(ctx.resolve_all(si, t)) & set(found) or (
                    t.lemma_.lower() in ctx.res.words("nouns", "body_anaphors")
                    and any(c.lower_ == "the" for c in t.children)
                    and any(e.type in ("Organization", "Group") for e in found)))
                for t in verb.subtree):
        # "police concluded that the group was responsible and launched an operation against the group's
        # bases": no one acts against their own; the parse hung the act in what was concluded
        outer, outer_passive = _subject_of_raw(ctx, si, verb.head.head, depth + 1)
        if outer:
            found, passive = outer, outer_passive
    return ctx.as_actor(found), passive


def _active(verb) -> bool:
    """A verb in the active voice by its own form: a finite or modal verb, not a participle that
    shares a passive's auxiliary ("were arrested and charged")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBG") or verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _prevents(ctx, verb) -> bool:
    """A verb that keeps an event from happening ([modality].prevented: 'blocked the sale'), not one that
    ends one's own ([events].cessation_verbs: 'stopped its attacks')."""
    lemma = verb.lemma_.lower()
    return lemma in ctx.res.word_set("modality", "prevented") and lemma not in ctx.res.word_set("events", "cessation_verbs")


def shares_passive(verb) -> bool:
    """A participle joined to a passive that shares its auxiliary and subject ("was shot and killed by
    police", "were arrested and charged"): passive too, done to that subject."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children) \
        and any(c.dep_ == "nsubjpass" for c in verb.head.children)


def _unlike_conjunct(verb):
    """An infinitive the parse coordinated with a finite verb ('declared X ...; and on April 17 to pick
    up the truck'): the infinitive before it in the sentence, or False."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    bare = verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ != "conj" or not (to or bare) or verb.head.tag_ not in ("VBD", "VBZ", "VBP", "VBG") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False    # (also a bare verb: "pushing a vote on an assembly with the power to change X, supplant Y")
    before = [t for t in verb.doc[:verb.i] if t.pos_ == "VERB" and t.i > verb.head.i
              and (any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
                   or t.dep_ == "pobj" and t.tag_ == "VB" and t.head.lower_ == "to")]   # "to either vote"
    return before[-1] if before else False


def _blast_before(ctx, verb):
    """'... a device that exploded on Friday, wounding 13 people': the parse hangs the participle on the
    main verb; the explosion right before it did the wounding."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    before = [t for t in doc[verb.head.i + 1:verb.i - 1] if t.pos_ == "VERB"] if verb.head.i < verb.i else []
    last = before[-1] if before else None
    return last if last is not None and last.lemma_.lower() in ctx.res.words("events", "device_verbs") else None


def _clause_before(ctx, verb):
    """'The war began after Hamas attacked Israel, killing 1,200': the parse hangs the participle on a main
    verb whose subject is an event ('the war'), which does nothing; the clause under that verb right
    before the comma, whose subject acts, did it. Returns that clause's verb, or None."""
    doc, h = verb.doc, verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < 2 or doc[verb.i - 1].text != "," or h.i > verb.i \
            or not any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and _event_for(ctx, c) is not None for c in h.children):
        return None
    before = [t for t in doc[h.i + 1:verb.i - 1] if t.pos_ == "VERB" and t.head.i == h.i and t.dep_ in ("advcl", "conj")
              and any(c.dep_ == "nsubj" for c in t.children)]
    return before[-1] if before else None


def _saw_done(ctx, si, verb):
    """'The attack saw 26 people killed': the event noun's agent did it to the people."""
    h = verb.head
    if verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd") and h.lemma_.lower() in ("see", "leave"):
        ev_subj = [c for c in h.children if c.dep_ == "nsubj" and _event_for(ctx, c)]
        if ev_subj:
            return ev_subj[0]
    return None


def _shared_event_head(ctx, noun):
    """'drone and missile attack': a weapon noun coordinated with an event noun that has no
    determiner of its own modifies it, as the parse does not show; returns the event noun."""
    for c in noun.conjuncts:
        if c.i > noun.i and c.pos_ == "NOUN" and _event_for(ctx, c) is not None \
                and not any(x.dep_ == "det" for x in c.children):
            return c
    return None


def named_in_relative(ctx, verb):
    """'struck what it called weapons depots': the noun a free relative of naming under the verb names
    ([events].naming_verbs), or None."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() in ctx.res.words("events", "naming_verbs") \
                and any(x.lower_ == "what" and x.dep_ in ("dobj", "nsubjpass") for x in c.children):
            named = [x for x in c.children if x.dep_ in ("oprd", "attr")] + [
                p for x in c.children if x.dep_ == "prep" and x.lower_ == "as" for p in x.children if p.dep_ == "pobj"]
            if named:
                return named[0]
    return None


def _addressee_of_request(ctx, si, verb) -> list[Entity]:
    """Whom a request or warning noun is addressed to ('warnings to its citizens to avoid travel', 'a
    call to residents to leave'), when the infinitive hangs on it or on the verb that issues it."""
    words = ctx.res.words("nouns", "addressed")
    noun = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else next(
        (c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None) \
        if verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB" else None
    if noun is None or noun.lemma_.lower() not in words:
        return []
    for h in (noun, noun.head):
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                return [e for p in c.children if p.dep_ == "pobj" for e in ctx.resolve_all(si, p)]
    return []


def _nominal_gerund(verb) -> bool:
    """A gerund the tagger made a verb that an adjective describes: 'by Russian shelling', 'heavy
    fighting'. A verb takes adverbs; with no subject or object of its own, an adjective makes it a noun."""
    return verb.tag_ == "VBG" and any(c.dep_ == "amod" and c.i < verb.i for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _speech_aside(ctx: ArticleContext, verb) -> bool:
    """A participle of speech after a comma ("described the militia as criminals, accusing the group of ..."):
    the describer's own words, not something the one described does ("..., wearing a cap")."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
        and verb.lemma_.lower() in ctx.res.word_set("attribution", "claimed") | ctx.res.word_set("attribution", "judging_verbs")


def _subject_of_raw(ctx: ArticleContext, si: int, verb, depth: int = 0) -> tuple[list[Entity], bool]:
    if depth > 4:
        return [], False
    if (event_noun := _saw_done(ctx, si, verb)) is not None:
        return _noun_agent(ctx, si, event_noun, depth + 1), True
    if (doer := gerund_subject(verb)) is not None:
        return ctx.resolve_all(si, doer), False     # "threats of Iran quitting the treaty": Iran quits
    if _nominal_gerund(verb):
        # "Russian shelling", "heavy shelling" tagged a verb: a noun, whose agent is its adjective's name
        return [m.entity for c in verb.children if c.dep_ == "amod" and (m := ctx.mention_at(si, c.i)) is not None
                and m.entity.type in _ACTORS], False
    if (blast := _blast_before(ctx, verb) or _clause_before(ctx, verb)) is not None:
        return _subject_of(ctx, si, blast, depth + 1)
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and not any(c.dep_ in _SUBJ for c in verb.children) \
            and (addressee := _addressee_of_request(ctx, si, verb)):
        return addressee, False     # "issued warnings to its citizens to avoid travel": the citizens avoid it
    if to is not None and verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB" \
            and not any(c.dep_ in _SUBJ for c in verb.children) \
            and (found := [e for e in ctx.resolve_all(si, verb.head) if e.type in _ACTORS]):
        return found, False     # "allowed one critic - X, a former mayor - to exchange his cell": the critic
    if to is not None and to.i > 1 and (n := verb.doc[to.i - 1]).dep_ == "pobj" and n.head.lower_ == "for" \
            and not any(c.dep_ in _SUBJ for c in verb.children):
        # "sent instructions for the Lisk authorities to strengthen security", "and for rental firms to run
        # checks": for X to do it, X does it (a doer, not "time for the money to arrive")
        found = ctx.resolve_all(si, n)
        if any(e.type in _ACTORS for e in found) or n.lemma_.lower() in ctx.people \
                or n.lemma_.lower() in ctx.res.lexicon.get("types", {}).get("Organization", []) \
                or n.lower_ in ctx.res.words("nouns", "collective_organization"):
            return found, False
    if verb.lemma_.lower() in ctx.res.words("events", "resultative_verbs") and verb.i + 1 < len(verb.doc) \
            and verb.doc[verb.i + 1].lower_ in ctx.res.lexicon.get("events", {}).get("resultatives", {}) \
            and not any(c.dep_ in ("dobj", "aux", "auxpass", "agent") or c.lower_ == "by" for c in verb.children):
        return [], True     # a headline's "Local mayor shot dead in city centre": no one shoots someone dead
                            # without an object; a passive that dropped its "was" (its subject is the one shot)
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT" and verb.i > 0 \
            and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not any(d.dep_ == "det" for d in c.children)
                    for c in verb.children) \
            and not any(x.dep_ in ("aux", "auxpass", "dobj") for x in verb.children):
        return [], True     # a headline's passive: "Venezuela Armed with Missiles", "Services Questioned About ..."
                            # (headlines drop articles: "the rebels resorted to" is a past tense the parse mistook)
    for c in verb.children:
        if c.dep_ in _SUBJ and verb.dep_ == "relcl" and c.lower_ in ("that", "which") \
                and verb.head.pos_ == "NOUN" and _event_for(ctx, verb.head) and not ctx.mention_at(si, verb.head.i):
            # "an attack on Kharkiv that killed 11": whoever carried out the attack
            return _noun_agent(ctx, si, verb.head, depth + 1), False
        if c.dep_ in _SUBJ and verb.dep_ == "relcl" and c.lower_ in ("that", "which") \
                and verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep" \
                and (event := verb.head.head.head).pos_ == "NOUN" and (ev := _event_for(ctx, event)) is not None \
                and ev.predicate in _VIOLENT and (vev := _event_for(ctx, verb)) is not None and vev.predicate in _VIOLENT \
                and any(e.type in ("Location", "Country") for e in ctx.resolve_all(si, verb.head)):
            # "Russia's attack on Kyiv, which killed 12 people": the attack killed them, not the city the
            # parse hung the clause on
            return _noun_agent(ctx, si, event, depth + 1), False
        if c.dep_ in _SUBJ and verb.tag_ == "VBN" and verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "after") \
                and not any(x.dep_ in ("aux", "auxpass") for x in verb.children):
            return [], True    # "with 300 police officers killed": the officers were killed
        if c.dep_ in _SUBJ and verb.dep_ != "acl" and small_clause(ctx, verb):
            return [], True    # "wants the 20 prisoners released", "would see the hostages freed": they would be
        if c.dep_ in _SUBJ and verb.tag_ == "VBN" and verb.dep_ == "conj" \
                and any(x.dep_ == "auxpass" for x in verb.head.children) \
                and not any(x.dep_ in ("aux", "auxpass") for x in verb.children):
            return [], True    # "four were killed and six wounded": six were wounded
        if c.dep_ in _SUBJ and c.lower_ in ctx.weapon_nouns and (shared := _shared_event_head(ctx, c)) is not None:
            # "a Russian drone and missile attack killed ...": the attack is the subject, the weapons its modifiers
            demonym = [m.entity for x in c.children if x.dep_ == "amod" and (m := ctx.mention_at(si, x.i)) is not None
                       and m.kind == "demonym"]
            return demonym[:1] or _noun_agent(ctx, si, shared, depth + 1), False
        if c.dep_ in _SUBJ:
            if (c.pos_ == "NOUN" and _event_for(ctx, c) or c.pos_ == "VERB" and ctx.res.noun_events.get(c.lemma_.lower())) \
                    and not ctx.mention_at(si, c.i):
                # "the strikes hit civilian areas": whoever carried out the strikes
                agent = _noun_agent(ctx, si, c, depth + 1)
                if not agent and verb.lemma_.lower() in ctx.res.words("events", "causation_verbs"):
                    return [], False    # "the bombing prompted airstrikes": a cause, its actor unnamed here
                if not agent:
                    noun_ev = _event_for(ctx, c) or ctx.res.noun_events.get(c.lemma_.lower())
                    e = ctx.recent_agent(si, noun_ev.predicate, back=10, same_only=True)
                    agent = [e] if e else []
                return agent, False
            if c.pos_ == "NOUN" and c.i + 1 < verb.i and (n := c.doc[c.i + 1]).dep_ in _SUBJ and n.head.i == verb.i \
                    and n.pos_ == "PROPN" and (m := ctx.mention_at(si, n.i)) is not None and m.kind == "name":
                c = n       # "the security firm Acme released ...": two subjects the parse made of a noun and its name
            found = ctx.resolve_all(si, c)
            if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "acl") and found \
                    and all(e.type == "Location" for e in ctx.as_actor(found)):     # (a capital is its state)
                return [], False    # "a prison west of Boston awaiting trial": a place in a participle's way
            return found, False
        if c.dep_ == "agent":
            # passive all the same: its subject is the object ("three civilians were killed by ...")
            passive = any(x.dep_ in ("nsubjpass", "auxpass") for x in verb.children) \
                or fronted_participle(verb) is not None or shares_passive(verb)
            for p in c.children:
                if p.dep_ == "pcomp" and _nominal_gerund(p):
                    return _subject_of(ctx, si, p, depth + 1)[0], passive    # "wounded by Russian shelling"
                if p.dep_ == "pobj":
                    if _event_for(ctx, p) and (agent := _noun_agent(ctx, si, p, depth + 1)):
                        return agent, passive    # "killed by Pakistani shelling" -> Pakistan
                    return ctx.resolve_all(si, p), passive
    if (holder := stance_holder(ctx, verb)) is not None:
        return ctx.resolve_all(si, holder), False   # "Americans opposed to war": the Americans oppose it
    if any(c.dep_ in ("nsubjpass",) for c in verb.children) or shares_passive(verb):
        return [], True
    if undergoer(verb) is not None:
        return [], True     # "Granted asylum, she ...", "released after being detained": done to the subject
    if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) \
            and not any(c.dep_ == "auxpass" for c in verb.head.children):
        return [], True     # "entered the US in 2010 and was later granted asylum": he was granted it
    h = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and (h.pos_ in ("NOUN", "PROPN") or h.pos_ == "VERB"
                                                      and h.tag_ != "VBG") and depth < 4:
        # "accused X of kidnapping six medics - including a nurse - and demanding ransoms": the parse hung
        # the second gerund on the accusing (or a noun of the first's); it goes with the first gerund,
        # and shares its doer
        a = h
        while a.head.i != a.i and not (a.pos_ in ("VERB", "AUX") and a.dep_ not in ("pcomp", "prep")):
            a = a.head
        first = [g for x in (a, *[c for c in a.children if c.dep_ == "dobj"]) for c in x.children
                 if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pcomp" and g.tag_ == "VBG" and g.i < verb.i]
        if first:
            return _subject_of(ctx, si, first[0], depth + 1)
    if verb.dep_ == "xcomp" and h.lemma_.lower() == "use" and any(c.dep_ == "nsubjpass" for c in h.children):
        # "the money would be used to buy ...": an instrument, not the buyer; "drones could be used by
        # terrorists to carry grenades": the user
        return ctx.by_agent(si, h), False
    if verb.dep_ == "xcomp" and (sp := [c for c in h.children if c.dep_ == "nsubjpass"]):
        return ctx.resolve_all(si, sp[0]), False   # "systems are designed to target ..."
    if verb.dep_ == "xcomp" and (fronted := fronted_participle(h)) is not None:
        return ctx.resolve_all(si, fronted), False  # "Asked to name him, the witness ...": the witness names
    part = h.head if verb.dep_ == "pcomp" and h.dep_ == "prep" else h if verb.dep_ == "xcomp" else None
    if part is not None and part.tag_ == "VBN" and part.dep_ in ("advcl", "acl") \
            and part.lemma_.lower() in ctx.res.words("control", "purpose_participles") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children):
        # "... the first permanent unit since the war, aimed at bolstering the flank": what is aimed does it,
        # the noun phrase the participle follows, not the subject of the clause the parse hangs it on
        noun = part.head if part.dep_ == "acl" and part.head.pos_ in ("NOUN", "PROPN") else None
        doc = verb.doc
        if noun is None and part.i >= 2 and doc[part.i - 1].text == ",":
            noun = doc[part.i - 2]      # the head of the phrase before the comma, past a trailing "since the war"
            for _ in range(8):
                climb = noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound" \
                    or noun.dep_ == "pobj" and noun.head.lower_ != "of"
                if not climb or noun.head.i == noun.i or noun.head.i > part.i:
                    break
                noun = noun.head
        if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
            return ctx.resolve_all(si, noun), False
    if verb.dep_ == "acl" and h.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "a decision by the State Department to approve", "Washington's decision to approve"
        by = [p for c in h.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
        owner = [c for c in h.children if c.dep_ == "poss"]
        for t in by + owner:
            if (found := ctx.resolve_all(si, t, allow_noun=False)):
                return found, False
    # a parse that lost the subject: a name right before the verb ("... and Ukraine has 2,000")
    k = verb.i - 1
    doc = verb.doc
    while k >= 0 and (doc[k].dep_ in ("aux", "advmod", "neg", "auxpass") or doc[k].text in ("]", ")")):
        k -= 1
    if k >= 0 and verb.dep_ not in ("xcomp", "relcl", "acl", "conj", "pcomp", "advcl") and (m := ctx.mention_at(si, k)) \
            and m.kind == "name" and m.entity.type in ("Country", "Person", "Organization", "MilitaryForce", "Group"):
        return [m.entity], False
    if (stolen := stolen_subject(verb)) is not None:
        # "killed in a battle with police and Dzhokhar fled": the parse hung the subject on the list
        if any(c.dep_ == "auxpass" for c in verb.children):
            return [], True      # (a passive's: its object, see events._verb_event)
        return ctx.resolve_all(si, stolen), False
    if verb.dep_ in ("advcl", "xcomp", "ccomp") and h.pos_ == "VERB" and h.lemma_.lower() in ctx.res.words(
            "control", "perception") and (verb.tag_ == "VBG" or verb.tag_ == "VB" and not any(
                c.dep_ in ("aux", "nsubj") for c in verb.children)) and not _speech_aside(ctx, verb):
        # "police described him as ..., wearing dark glasses", "the video showed him leaving", "jurors saw
        # him, clad in a shirt, approach the counter": the one seen
        seen = [c for c in h.children if c.dep_ == "dobj" and c.i < verb.i]
        if seen:
            return ctx.resolve_all(si, seen[0]), False      # whoever it is, not the one who saw
    if verb.dep_ in ("advcl", "xcomp") and h.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                    for c in verb.children) \
            and (hev := _event_for(ctx, h)) is not None and hev.to_role == "recipient":
        # "provided the police with radars to watch the border", "gave the rebels arms to fight": the receiver
        given = [c for c in h.children if c.dep_ == "dative"] + [p for c in h.children if c.dep_ == "prep"
                                                                 and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in h.children):
            given += [c for c in h.children if c.dep_ == "dobj"]
        for g in given:
            found = ctx.resolve_all(si, g)
            if any(e.type in _ACTORS for e in found) or g.lemma_.lower() in ctx.people:
                return found, False
    if verb.dep_ == "xcomp" and h.pos_ == "VERB" and h.dep_ == "dobj" \
            and h.head.lemma_.lower() in ctx.res.words("control", "object"):
        # "instructed all prefects to reinforce": a noun the tagger took for a verb, told what to do
        return [ctx.noun_entity(si, h)], False
    if verb.dep_ in ("xcomp", "pcomp") or verb.dep_ == "advcl" and h.lemma_.lower() in ctx.res.words(
            "control", "object") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # object control: "authorised the CIA to conduct", "accusing Pakistan of supporting"
        gov = h.head if verb.dep_ == "pcomp" else h      # (an advcl: the parse's "warning locals to toe")
        if verb.dep_ == "pcomp" and gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "dobj" and h.lower_ == "of" \
                and gov.head.lemma_.lower() in ctx.res.words("control", "gerund_object"):
            return ctx.resolve_all(si, gov), False      # the parse's "accused [the guards of missing]"
        control = verb.dep_ == "pcomp" and h.lower_ in ("of", "from", "into", "for") \
            or gov.lemma_.lower() in ctx.res.words("control", "object")   # not "did X without asking"
        if gov.lemma_.lower() in ctx.res.words("control", "object_via_on") and not any(
                c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon", "to") for c in gov.children):
            control = False     # "called Elliott's to obtain a price quote": the caller obtains it
        objs = [c for c in gov.children if c.dep_ in ("dobj",)] if gov.pos_ == "VERB" and control else []
        if objs and verb.dep_ == "pcomp" and gov.lemma_.lower() not in ctx.res.words("control", "object") \
                and gov.lemma_.lower() not in ctx.res.words("control", "gerund_object") \
                and not any(e.type in _ACTORS for e in ctx.resolve_all(si, objs[0])) \
                and objs[0].lemma_.lower() not in ctx.people and objs[0].pos_ != "PROPN":
            objs = []       # "poured money into developing drones": money does nothing; "accused Ruritania of"
        if not objs and gov.pos_ == "VERB" and verb.dep_ == "xcomp" and control:
            # "called on Muslims to take up arms", "appealed to donors to give": the addressee
            objs = [p for c in gov.children if c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon", "to")
                    for p in c.children if p.dep_ == "pobj" and p.i < verb.i]
        if not objs and gov.pos_ == "VERB" and (any(c.dep_ == "agent" for c in gov.children)
                                                or verb.dep_ == "pcomp" and control
                                                and any(c.dep_ == "auxpass" for c in gov.children)):
            # "X was accused by Y of killing ...", "X has been accused of killing": X, not Y
            objs = [c for c in gov.children if c.dep_ == "nsubjpass"]
        if objs and objs[0].i < verb.i:
            # the object does it, named or not: never the one who ordered ("instructed all prefects to")
            return ctx.resolve_all(si, objs[0]), False
    if verb.dep_ == "xcomp" and h.pos_ == "ADJ" and h.head.i != h.i:
        return _subject_of(ctx, si, h.head, depth + 1)     # "Germany was determined to defend"
    if (prior := _unlike_conjunct(verb)) is not False:
        # "declared Elliott, recalling when McVeigh entered ... to reserve a truck; and on April 17 to pick
        # up the truck": an infinitive coordinated with a finite verb; the infinitive before it, if any
        found, passive = _subject_of(ctx, si, prior, depth + 1)
        if found or prior.dep_ != "pobj":
            return found, passive      # (the parse's "to vote" as a noun: the clause's subject, below)
    if verb.dep_ == "conj" and h.lemma_.lower() == "be" and any(c.dep_ == "neg" for c in h.children) \
            and any(c.dep_ == "attr" for c in h.children):
        return [], False    # "X is not yet the kind of dictatorship that ..., with rulers who ... and ran torture
                            # centres": the parse's conjunct of what X is not; not X's deed
    if verb.dep_ in ("conj", "xcomp", "advcl") and h.pos_ == "VERB" and h.tag_ == "VB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in h.children) \
            and h.i == min(t.i for t in h.subtree if not t.is_punct):
        return [], False    # '"Take the lists of workers ... to create a committee"': the ones told, unnamed
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and h.tag_ == "VBN" and h.dep_ == "ccomp" \
            and any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in h.children) \
            and h.head.pos_ == "VERB" and h.head.tag_ == "VBD":
        # "the embassy said the Houthis had kidnapped crew members and called for their release": a
        # past tense cannot share the perfect's "had"; it goes with the saying, and its subject
        return _subject_of(ctx, si, h.head, depth + 1)
    if verb.dep_ == "ccomp" and h.pos_ == "VERB" and h.i < verb.i and any(c.dep_ == "aux" for c in verb.children) \
            and (said := [c for c in h.children if c.dep_ == "ccomp" and c.i < verb.i
                          and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]) \
            and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",":
        # "say the group has been trying to rearm ..., is smuggling weapons": the parse made the
        # second of a list of things said its own clause, with no subject; the first clause's
        return _subject_of(ctx, si, said[-1], depth + 1)
    if verb.dep_ == "conj" and h.dep_ == "advcl" and h.i < verb.i and h.head.pos_ in ("VERB", "AUX") \
            and h.head.i < h.i and any(c.dep_ == "mark" for c in h.children) \
            and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and ctx.mention_at(si, c.i) is None
                    and c.lemma_.lower() not in ctx.people for c in h.children):
        # "X claimed victory before results came in and called for protests": the parse joins the second
        # act to the clause of time, whose subject is a thing; the main clause's actor did it
        main, passive = _subject_of(ctx, si, h.head, depth + 1)
        if main and not passive and any(e.type in _ACTORS for e in main):
            return main, False
    if verb.dep_ in ("conj", "xcomp", "advcl") and h.i != verb.i and h.pos_ in ("VERB", "AUX"):
        found, passive = _subject_of(ctx, si, h, depth + 1)
        if passive and verb.dep_ == "conj" and _active(verb) \
                and (found and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
                     or not found and not any(c.dep_ == "punct" and h.i < c.i < verb.i for c in h.children)) \
                and (sp := [c for c in h.children if c.dep_ == "nsubjpass"]) \
                and (shared := ctx.resolve_all(si, sp[0])):
            # "the brigade will be deployed ... and should reach full capability": the brigade reaches it;
            # "he was saddened by the violence, and blamed X": he blamed, not the violence (but "a ship was
            # attacked by the Houthis and sank": no object, the sinking is the attack's)
            return shared, False
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and found and not any(e.type in _ACTORS for e in found) \
                and any(c.dep_ in _SUBJ and c.pos_ == "NOUN" and c.lemma_.lower() not in ctx.people
                        for c in h.children):
            return [], False    # "while a manhunt was under way, to identify the man": a thing has no purpose
        return found, passive
    if verb.dep_ == "relcl":
        if h.pos_ == "NOUN" and _event_for(ctx, h) and not ctx.mention_at(si, h.i):
            return _noun_agent(ctx, si, h, depth + 1), False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and not any(c.tag_ in ("WDT", "WP") for c in verb.children):
            # "presented records, a log and photos to trace his movements": a means is no agent;
            # who presented them traces
            found = ctx.resolve_all(si, h)
            if any(e.type in _ACTORS for e in found) or h.lemma_.lower() in ctx.people:
                return found, False
            g = h
            for _ in range(6):
                if g.head.i == g.i or g.pos_ in ("VERB", "AUX") and g.i != h.i and g.dep_ != "prep":
                    break
                g = g.head
            return (_subject_of(ctx, si, g, depth + 1) if g.pos_ in ("VERB", "AUX") and g.dep_ != "prep"
                    and g.i != h.i else ([], False))
        if h.dep_ == "pobj" and h.head.lower_ in _LOCATION_PREPS and h.head.head.pos_ == "NOUN" \
                and _event_for(ctx, h.head.head) and _event_for(ctx, verb) is not None:
            # "an attack at the cafe in Madrid which killed 13": the event did it, not its place
            return _noun_agent(ctx, si, h.head.head, depth + 1), False
        return ctx.resolve_all(si, h), False
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and h.pos_ == "NOUN" \
            and h.lemma_.lower() in ctx.res.words("attribution", "document_nouns"):
        # "X issued a statement condemning Y": the document's author condemns
        if h.dep_ == "dobj" and h.head.pos_ == "VERB" and not any(
                c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("from", "by") for c in h.children):
            return _subject_of(ctx, si, h.head, depth + 1)     # (else the author named on it)
        from .attribution import document_author
        author = document_author(ctx, si, h)
        return ([author], False) if author is not None else ([], False)
    if verb.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN"):
        # "sanctions targeting X": the event noun's agent
        ev = ctx.res.noun_events.get(h.lemma_.lower())
        if ev:
            return _noun_agent(ctx, si, h, depth + 1), False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and h.dep_ in ("dobj", "pobj", "attr") \
                and h.head.pos_ in ("VERB", "AUX"):
            # "India has signed an agreement to buy ...": who signed, buys
            return _subject_of(ctx, si, h.head, depth + 1)
        if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children) \
                and (found := ctx.resolve_all(si, h)) and (h.lemma_.lower() in ctx.people or h.lower_ in ctx.people
                                                           or any(e.type in _ACTORS and e.type != "Country" for e in found)):
            return found, False     # "thousands of young people storming parliament": they storm it (not "roam
                                    # poor neighbourhoods, waving guns": the parse's nearest noun, a place)
    if verb.dep_ == "pcomp" and h.head.pos_ in ("VERB", "AUX"):
        return _subject_of(ctx, si, h.head, depth + 1)
    if verb.dep_ == "pcomp" and h.lower_ == "of" and h.head.pos_ == "NOUN" and h.head.dep_ in ("dobj", "attr") \
            and h.head.lemma_.lower() in ctx.res.word_set("modality", "intended") and h.head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(ctx, si, h.head.head, depth + 1)     # "X has no intention of attacking Y": X would
    when = h.head
    if verb.dep_ == "pcomp" and when.pos_ == "NOUN" and when.dep_ == "pobj" and when.head.dep_ == "prep" \
            and when.head.head.pos_ in ("VERB", "AUX") \
            and when.lemma_.lower() in ctx.res.frames.get("participants", {}).get("time_nouns", ()):
        return _subject_of(ctx, si, when.head.head, depth + 1)  # "For the first time since returning to X, Y
        # has pledged": Y returned
    return [], False


def stolen_subject(verb):
    """The subject of a conjoined clause that the parse hung on the list before it ('a battle with
    police and Dzhokhar was found'), or None."""
    if verb.dep_ != "conj":
        return None
    k = verb.i - 1
    while k >= 0 and verb.doc[k].dep_ in ("aux", "auxpass", "advmod", "neg"):
        k -= 1
    return verb.doc[k] if k >= 0 and clause_subject(verb.doc[k]) else None


_NAMED_TYPES = ("Person", "Organization", "Country", "MilitaryForce", "WeaponSystem")


def included_names(ctx, si, verb, tok) -> list[Entity]:
    """'Critics were arrested, including the poet Ana Vel and Lev Dorn': the named members of the
    patient's 'including' list are patients too. The list hangs on the noun or, where the parse
    puts it, on the verb."""
    lists = [c for x in (tok, verb) for c in x.children if c.dep_ == "prep" and c.lower_ == "including"]
    todo = [p for c in lists[:1] for p in c.children if p.dep_ == "pobj"]
    out: list[Entity] = []
    while todo:     # the list's items and their appositions, not what hangs on them ("wife of X")
        t = todo.pop(0)
        todo += [c for c in t.children if c.dep_ in ("appos", "conj", "compound")]
        m = ctx.mention_at(si, t.i)
        if m is not None and m.entity.type in _NAMED_TYPES and m.entity not in out:
            out.append(m.entity)
    return out


def included_counts(ctx, si, verb, tok) -> list[Entity]:
    """'killed 20 people, including five journalists and two children': the counted groups of the
    patient's 'including' list are patients too, each with its own count."""
    out: list[Entity] = []
    for t in included_count_nouns(verb, tok):
        if ctx.mention_at(si, t.i) is None:
            out += [e for e in ctx.resolve_all(si, t) if e not in out]
    return out


def included_count_nouns(verb, tok) -> list:
    """The counted nouns of the 'including' list under ``tok`` or ``verb`` (see included_counts)."""
    lists = [c for x in (tok, verb) for c in x.children if c.dep_ == "prep" and c.lower_ == "including"]
    return [t for c in lists[:1] for p in c.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)
            if t.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in t.children)]


def enumerated_names(ctx, si, noun) -> list[Entity]:
    """'captured two villages, A in the X region and B in the Y region': a counted plural noun followed
    by a comma and as many names as its count, one opening each item of the list, names its members.
    Read from the words (the parse of such lists is rarely a list); the count must match."""
    doc = noun.doc
    count = next((c for c in noun.children if c.dep_ == "nummod" and c.like_num), None)
    if noun.tag_ not in ("NNS", "NNPS") or count is None or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    wanted = ctx.res.lexicon.get("quantities", {}).get("words", {}).get(count.lower_) or (
        int(count.text) if count.text.isdigit() else None)
    if not wanted or not 2 <= wanted <= 6:
        return []
    names, i, opening = [], noun.i + 2, True
    while i < len(doc):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":", "(", ")") or t.is_quote:
            break
        if t.text == "," or t.lower_ == "and":
            opening = True
        elif opening and t.lower_ != "the":
            m = ctx.mention_at(si, i)
            if m is None or m.start != i or m.kind != "name":
                return []
            names.append(m.entity)
            opening, i = False, m.end
            continue
        i += 1
    return names if len(names) == wanted and len(set(names)) == wanted else []


def undergoer_possessor(ctx, si, noun):
    """The possessor an event noun befalls ("Khashoggi's death", "his arrest": he is arrested), or None
    ([nouns].undergoer_possessor: a person's, unless an "of" names the one it befalls)."""
    lemma = noun.lemma_.lower()
    if lemma not in ctx.res.word_set("nouns", "undergoer_possessor") \
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if lemma in ctx.res.word_set("nouns", "always_undergoer") \
            or any(e.type == "Person" for e in ctx.resolve_all(si, poss, allow_noun=False)):
        return poss
    return None


def _noun_agent(ctx, si, noun, depth: int = 0) -> list[Entity]:
    ev = _event_for(ctx, noun)
    befalls = undergoer_possessor(ctx, si, noun)
    for c in noun.children:
        if befalls is not None and c.i == befalls.i:
            continue        # "Khashoggi's killing": the one killed
        if c.dep_ in ("amod", "compound") and c.lemma_.lower() in ctx.res.words("events", "agent_adjectives"):
            return [ctx.registry.from_name(c.lemma_.lower() + "s", "Group")]    # "a militant attack"
        if c.dep_ in ("amod", "compound") and (mc := ctx.mention_at(si, c.i)) and mc.kind == "demonym":
            return [mc.entity]
        if c.dep_ == "amod" and c.lemma_.lower() in ctx.res.words("events", "leading_participles") and (
                leader := [e for x in c.children if x.dep_ in ("npadvmod", "compound", "nmod")
                           for e in ctx.resolve_all(si, x, allow_noun=False)]):
            return leader[:1]   # "the Hamas-led attack": Hamas's
        if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod", "amod") and (mc := ctx.mention_at(si, c.i))
                                and mc.entity.type != "Location"):
            # (not "the Algiers agreement", "the Kursk offensive": a place names the event, not its actor)
            found = ctx.resolve_all(si, c, allow_noun=False)
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    return ctx.resolve_all(si, p)
        if c.dep_ == "prep" and c.lower_ == "from" and ev is not None and ev.predicate in ("kills", "injures") \
                and depth < 4:
            for p in c.children:    # "three deaths from Ukrainian strikes": whoever carried out the strikes
                if p.dep_ == "pobj" and _event_for(ctx, p) is not None and (found := _noun_agent(ctx, si, p, depth + 1)):
                    return found
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "of" and gov.head.pos_ == "VERB" and gov.i > gov.head.i \
            and gov.head.lemma_.lower() in ctx.res.words("control", "accusing") \
            and (accused := [c for c in gov.head.children if c.dep_ == "dobj" and c.i < gov.i]):
        return ctx.resolve_all(si, accused[0])    # "accused Ukraine of attacks on civilians": Ukraine's attacks
    naming = gov.head if noun.dep_ == "pobj" and gov.lower_ == "as" else gov if noun.dep_ in ("oprd", "attr") else None
    if naming is not None and naming.dep_ == "ccomp" and depth < 4 \
            and getattr(named_in_relative(ctx, naming.head), "i", None) == noun.i:
        # "Russia launched what Ukraine described as a massive drone attack": Russia's attack
        subj, _ = _subject_of(ctx, si, naming.head, depth + 1)
        return subj
    if noun.dep_ == "pobj" and gov.lower_ == "of":   # "a series of strikes", not "the legality of strikes"
        if gov.head.lemma_.lower() not in ctx.res.words("nouns", "series"):
            return []
        gov = gov.head.head if gov.head.dep_ in ("dobj", "nsubjpass") else gov.head
    if noun.dep_ == "pobj" and gov.dep_ == "agent":
        return []         # "displaced by the war": the verb's subject is the war itself, not who waged it
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ctx.res.word_set("roles", "circumstance_preps"):
        return []         # "Under the deal, both sides will withdraw": the deal is not theirs to make here
    if noun.dep_ == "pobj" and gov.lower_ == "in" and gov.head.lemma_.lower() in ctx.res.words("events", "engaged_verbs"):
        # "it was involved in an armed conflict with X", "engaged in talks with Y": the one involved
        for c in gov.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return ctx.as_actor(ctx.resolve_all(si, c))
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("on", "upon", "into", "against", "toward", "towards") \
            and gov.head.pos_ == "VERB" and (ev is None or ev.predicate not in _MEETINGS) \
            and not accepts_prep(ctx, gov.head, gov):
        return []         # "gunmen fired on a police patrol", "opened fire on the march": aimed at, not theirs
                          # (but "agreed on a truce": theirs)
    if noun.dep_ == "pobj" and gov.lower_ == "in" and ev is not None and ev.predicate in _VIOLENT \
            and gov.head.pos_ == "VERB" and (vev := _event_for(ctx, gov.head)) is not None and vev.predicate in _VIOLENT:
        subj, passive = _subject_of(ctx, si, gov.head, depth + 1)
        if subj and not passive:
            return subj   # "the army killed a commander in a strike on Beirut": the army's strike
    if noun.dep_ == "pobj" and gov.lower_ == "in" and noun.lemma_.lower() in ctx.res.words("events", "state_nouns") \
            and depth < 4:
        # "the RSF is in control of Darfur", "with the RSF now in control of Darfur": whoever is in it
        holder = gov.head if gov.head.pos_ in ("NOUN", "PROPN") else next(
            (c for c in gov.head.children if c.dep_ == "dobj"), None)     # "leaves the militia in control of X"
        if gov.head.pos_ in ("VERB", "AUX") and holder is None:
            return _subject_of(ctx, si, gov.head, depth + 1)[0]
        return ctx.resolve_all(si, holder, allow_noun=False) if holder is not None else []
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("after", "before", "during", "following", "at", "in"):
        if ev is None or ev.predicate not in _MEETINGS:
            return []     # "two weeks after an attack, India launched ...": not India's attack
        gov = gov.head
    if noun.dep_ in ("dobj", "nsubjpass", "conj", "pobj") or gov.i != noun.head.i:
        v = gov if gov.pos_ in ("VERB", "AUX") else gov.head
        if noun.dep_ == "nsubjpass" and noun.head.i == v.i:
            # "the attack is believed to have been carried out by X": the verb the subject is raised from
            v = next((c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                      and any(a.dep_ == "auxpass" for a in c.children)), v)
        if v.lemma_.lower() in ctx.res.words("events", "non_agentive_verbs") or receptive(ctx, v, noun) \
                or stance_holder(ctx, v) is not None or noun.dep_ == "dobj" and _prevents(ctx, v):
            return []     # "NATO has recorded 100 attacks": who records is not who attacks (nor are those
                          # "opposed to war" at war, nor is who blocked a sale its seller)
        naming = ctx.res.words("events", "naming_complement_verbs")
        if noun.dep_ == "dobj" and (v.lemma_.lower() in ctx.res.words("events", "describing_verbs") or (
                v.lemma_.lower() in naming and (has_complement(v) or any(c.dep_ == "appos" for c in noun.children)))):
            return []     # "Rutte called the deal really big", "described the strikes": said of it, not done
        if v.lemma_.lower() in ctx.res.words("modality", "authorized") and ev is not None \
                and ev.to_role != "recipient":
            return []     # "the ministers authorised operations against X": others are to carry them out
        declared = noun.dep_ == "dobj" and v.lemma_.lower() in ctx.res.words("events", "declaring_verbs")
        if not declared and v.lemma_.lower() in ctx.res.words("events", "request_words") + ["request", "ask", "order"] \
                and (ev is None or ev.predicate not in _MEETINGS and ev.to_role != "recipient"):
            return []     # "demanded the withdrawal of X": someone else is to withdraw (a transfer asked
                          # for keeps its asker, who receives: see events.addressee_predicates)
        if v.pos_ in ("VERB", "AUX") and depth < 5:
            subj, _ = _subject_of(ctx, si, v, depth + 1)
            if subj:
                return subj
    if ev is not None and ev.predicate in ("meets", "consults", "negotiates") and (noun.dep_ == "pobj" or any(
            c.dep_ == "prep" and c.lower_ == "with" for a in [noun, *[x for x in noun.children if x.dep_ == "acl"]]
            for c in a.children)):
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
        if prep.dep_ in ("prep", "dative") or prep.dep_ == "prt" and any(c.dep_ == "pobj" for c in prep.children):
            yield prep      # a particle with an object is a preposition ("called on Muslims")
            for c in prep.conjuncts:
                if c.pos_ == "ADP" and (c.lower_ == prep.lower_ or c.lower_ in _LOCATION_PREPS
                                        and prep.lower_ in _LOCATION_PREPS):
                    yield c     # not "attacks in Britain and of his alarm": a coordination above the head
            if prep.lower_ in _LOCATION_PREPS:     # "in the city of Goma and in Kivu province"
                for t in prep.subtree:
                    if t.dep_ == "conj" and t.pos_ == "ADP" and t.lower_ in _LOCATION_PREPS and t.head.i != prep.i:
                        yield t


def blamed_on(ctx, head, prep) -> bool:
    """'blamed the attack on the far-right': the 'on' names who is blamed, not what the attack hit."""
    return prep.lower_ == "on" and head.pos_ == "NOUN" and head.dep_ == "dobj" \
        and head.head.lemma_.lower() in ctx.res.words("events", "blame_verbs")


def _prep_roles(ctx, si, head, ev: EventType | None, draft: Draft) -> None:
    for prep in _preps(head):
        word = prep.lower_
        if blamed_on(ctx, head, prep):
            continue
        objs = [p for p in prep.children if p.dep_ == "pobj"]
        if not objs or draft.predicate == "sets_fire_to" and objs[0].lower_ == "fire":
            continue    # ("set the station on fire": the result, no participant)
        if objs[0].pos_ == "NOUN" and ctx.mention_at(si, objs[0].i) is None and (
                _event_for(ctx, objs[0]) or objs[0].lemma_.lower() in ctx.res.frames["nouns"]["events"]) \
                and word in (*_LOCATION_PREPS, "to"):
            if word == "to" and ev is not None and ev.to_role == "recipient" \
                    and (agent := [e for e in _noun_agent(ctx, si, objs[0]) if e.type in _ACTORS]):
                _set(draft, "recipient", agent[0])     # "supplied weapons to the Russian invasion": to Russia
            continue    # "attended to an incident", "in the attack": another event, no place or recipient
        if objs[0].lower_ in ctx.res.lexicon.get("units", {}) or objs[0].pos_ == "PRON" and word in _LOCATION_PREPS:
            continue    # a distance ("to at least 10 kilometres"), or "fought two wars over it": no place named
        if objs[0].pos_ == "NOUN" and objs[0].lemma_.lower() in ctx.res.frames["participants"]["preposition_nouns"]:
            continue    # "killed on the spot", "in the wake of": part of a preposition, no participant
        ents = ctx.resolve_all(si, objs[0])
        if not ents:
            continue
        e = ents[0]
        if word in _LOCATION_PREPS and ctx.is_outlet(e):
            continue    # "reporting in the Wall Street Journal": a newspaper, no place
        if word in _LOCATION_PREPS and e.type in ("Organization", "Thing") and objs[0].pos_ == "PROPN":
            e = ctx.as_place(e)       # "in Goma": a place, whatever NER said
        if word in _LOCATION_PREPS and e.type in ("Country", "Location") and draft.location is not None \
                and e != draft.location:
            draft.extra_locations.append(e)
            continue
        if word in ("with", "to") and draft.predicate in _MEETINGS and e.type in ("Person", "Country", "Organization"):
            if draft.predicate == "signs" and draft.object is not None and draft.object.type == "Thing":
                draft.object = None    # "signed an agreement with France": France is who it was signed with
            _set(draft, "object", e)
            continue
        if word == "with" and ev is not None and ev.to_role == "target" and e.type in ("Country", "Organization"):
            _set(draft, "target", e)   # "closed its border with Russia"
            continue
        if word == "from" and draft.predicate in ("buys",) and e.type in ("Country", "Organization", "Person"):
            _set(draft, "target", e)   # the seller: the counterparty of a purchase
            continue
        if word == "to":
            role = ev.to_role if ev else "location"
            if role == "recipient" or e.type in ("Country", "Location", "Organization", "Person", "MilitaryForce"):
                # (a named place is a sale's or a delivery's buyer: "sold radars to Freedonia", "aid to Gaza")
                role = role if e.type != "Location" or role == "recipient" and objs[0].pos_ == "PROPN" else "location"
            if role == "recipient" and e.type == "Thing" and objs[0].pos_ == "PROPN":
                role = "location"   # "requested delivery to Room 12": a numbered room receives nothing
            if role == "location" and e.type in ("Thing", "Group") \
                    and not {objs[0].lemma_.lower(), objs[0].lower_} & set(ctx.res.frames["nouns"]["places"]):
                continue    # "pipelines to government funds": no place
            _set(draft, role, e)
            if role == "location":
                _more_places(draft, e, ents)
        elif word == "at" and draft.predicate in ("launches", "strikes", "attacks") and draft.target is None \
                and e.type not in ("Location",):
            _set(draft, "target", e)      # "fired water cannon at two Philippine vessels", "missiles at Ukraine"
        elif word in _LOCATION_PREPS and e.type in ("Country", "Location") or word in ("inside", "within", "into"):
            _set(draft, "location", e)
            _more_places(draft, e, ents)
        elif word in _TARGET_PREPS and objs[0].lemma_.lower() in ctx.res.words("nouns", "media"):
            continue                      # "appealed on TV for peace": the channel, no target
        elif word in _TARGET_PREPS and draft.predicate not in _VIOLENT \
                and {objs[0].lemma_.lower(), objs[0].lower_} & set(ctx.res.frames["nouns"]["places"]):
            _set(draft, "location", e)    # "denied a leak on the premises": where, not whom it is aimed at
        elif word in _TARGET_PREPS and (ev is None or ev.to_role == "target" or draft.predicate in _VIOLENT):
            _set(draft, "target", e)      # "strikes on boats"; not "appealed on TV"
        elif word == "for" and ev is not None and ev.to_role == "recipient" and e.type in ("Country", "Organization",
                                                                                          "MilitaryForce", "Group"):
            _set(draft, "recipient", e)   # "a package of aid for Ukraine"
        elif word == "for" and draft.predicate in ("requests", "calls_for"):
            _set(draft, "object", e)      # "appealed for peace"
        elif word == "with" and draft.predicate in ("meets", "consults", "negotiates", "signs"):
            _set(draft, "object", e)


_ACTORS = ("Person", "Country", "Organization", "MilitaryForce", "Group")


_MEETINGS = {"meets", "consults", "negotiates", "visits", "hosts", "signs"}


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
    # "... were killed and six wounded when Azerbaijani forces shelled ...": the attack told beside it
    for v in [verb, *verb.conjuncts]:
        for c in v.children:
            if c.dep_ == "advcl" and c.pos_ == "VERB" and (ev := _event_for(ctx, c)) is not None \
                    and ev.predicate in _VIOLENT and any(m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as", "after")
                                                         for m in c.children):
                subj, passive = _subject_of(ctx, si, c)
                if subj and not passive:
                    yield subj[0]


def _background(verb) -> bool:
    """'after 19 soldiers were killed in Uri, India launched ...': an earlier event, told as background;
    'by the end of 1972, 496 had been killed', 'since 2014, 14,000 have died': a running total, no one act."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until")
                                    for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("by", "since", "until") and any(
        p.dep_ == "pobj" and (p.ent_type_ in ("DATE", "TIME") or p.lower_ in ("end", "now", "then", "time"))
        for p in c.children) for c in verb.children)


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
                        if e.type not in ("Country", "Location") and p.pos_ == "PROPN" and prep.lower_ == "in" \
                                and not ctx.is_outlet(e) and _event_for(ctx, tok) is not None:
                            e = ctx.as_place(e)     # "IS attacks in Badia al-Sukhnah": a place, whatever NER said
                        if e.type in ("Country", "Location"):
                            _set(draft, "location", e)
                            return


def _more_places(draft: Draft, first: Entity, ents: list) -> None:
    """'recalled its envoys to X, Y and Z', 'strikes in X and Y': each place of the list, as the
    frames give it (one statement per place), not the first alone."""
    if draft.location == first:
        draft.extra_locations += [e for e in ents[1:] if e.type in ("Country", "Location")
                                  and e != first and e not in draft.extra_locations
                                  and e not in (draft.subject, draft.object)]


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


_NOT_COUNTS = {"for", "because", "since", "after", "before", "during", "within", "until", "by", "in", "against"}


def counted_doer(ctx, verb) -> list:
    """The tokens of a counted doer that is a weapon, armed men or voting members ('Three drones hit the
    city', 'Hundreds of troops crossed the border', 'backed by 13 countries', [events].counted_doers):
    the event's count when nothing else is counted."""
    words = ctx.weapon_nouns | set(ctx.res.words("events", "counted_doers"))
    partitives = set(ctx.res.words("nouns", "partitives"))
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    for c in [*verb.children, *agents]:     # (also the passive's "by 13 countries")
        if c.dep_ != "nsubj" and c not in agents:
            continue
        whole = [p for x in c.children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children if p.dep_ == "pobj"]
        vague = ctx.res.lexicon.get("quantities", {}).get("vague", {})    # "hundreds of troops"
        noun = whole[0] if whole and (c.like_num or c.lower_ in partitives or c.lower_ in vague) else c
        if noun.lower_ in words or noun.lemma_.lower() in words:
            return list(c.subtree)
    return []


def _quantity_for(ctx, si, tokens, numbers: list[NumberMatch], used: set, strict: bool = False,
                  aimed: bool = False, wholes: bool = False) -> Quantity | None:
    """The first unused number among ``tokens``; not one in a time or reason phrase ('for two reasons').
    ``aimed``: a count after 'against' is of whom the event is aimed at ('sanctions against 133 vessels').
    ``wholes``: the whole after a part ('the 11,000 troops' of '1,000 of the 11,000 troops') may count."""
    doc = ctx.sentences[si].doc
    idx = {t.i for t in tokens}
    for n in numbers:
        if n.num_start in used or n.whole and not wholes:
            continue
        span = doc.char_span(n.num_start, n.end, alignment_mode="expand")
        if span is None or not any(t.i in idx for t in span):
            continue
        head = span.root.head if span.root.dep_ in ("nummod", "quantmod", "amod") else span.root
        if head.dep_ == "pobj" and head.head.lower_ in _NOT_COUNTS and n.unit is None \
                and not (head.head.dep_ == "agent" and head.i in idx) \
                and (strict or head.lower_ not in ctx.people) and not (aimed and head.head.lower_ == "against") \
                and not ((ev := _event_for(ctx, head)) is not None
                         and ev.predicate in ctx.res.words("events", "casualty_predicates")):
            continue    # (but "resulting in 1,204 deaths" counts the dead)
        used.add(n.num_start)
        unit = n.unit or _counted_noun(ctx, si, span)
        return Quantity(value=n.value, qualifier=n.qualifier, unit=unit, text=n.text)
    return None


def _counted_noun(ctx, si, span) -> str | None:
    """The noun a number counts: '1,200 soldiers and pilots' -> 'soldiers and pilots'; '45 of 62 drones' -> 'drones'."""
    last = span[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") else None
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i < last.i:
        of = [p for c in last.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
        if span.end < len(span.doc) and span.doc[span.end].pos_ == "NOUN":
            head = span.doc[span.end]
        elif of:
            head = of[0]
        else:
            return None
    if ctx.mention_at(si, head.i) and head.pos_ == "PROPN" and not (head.tag_ == "NNPS" and head.ent_type_ == "NORP"):
        return None     # "four Su-35": the thing itself; but "68,000 Palestinians" counts people
    words = [head.text]
    apart = ctx.res.words("quantities", "set_apart")
    for c in head.conjuncts:
        # "soldiers and pilots" share the count; "two frigates and a patrol aircraft", "eight systems
        # and other weaponry" do not
        if c.i > head.i and c.pos_ in ("NOUN", "PROPN") and not any(
                x.dep_ == "nummod" or x.dep_ == "det" and x.lower_ in ("a", "an", "one")
                or x.dep_ in ("amod", "det") and x.lower_ in apart for x in c.children) \
                and not ((m := ctx.mention_at(si, c.i)) is not None and m.entity.type in ("Person", "Country", "Location")):
            # (not "wounded 20 others, regional governor X said": a name the parse joined to the count)
            words.append(c.text)
    return " and ".join(words)


def told_not_given(ctx, si, verb, obj) -> bool:
    """'promised Ruritanians that the assembly will ...': the object of a verb of giving that also
    says something (a that-clause) is the one told, the recipient, not the thing given."""
    return obj.dep_ == "dobj" and any(x.dep_ == "ccomp" for x in verb.children) and (
        obj.tag_ in ("NNP", "NNPS") or obj.lemma_.lower() in ctx.people
        or any(e.type in _ACTORS for e in ctx.resolve_all(si, obj)))


def threatened_stop(ctx, noun) -> bool:
    """'threatened to cut off their supplies of drugs': an event noun a stop still to come governs, owned
    by a pronoun. The threat is the news; whose supplies they are, and who gives them, the pronoun
    does not tell, so the noun makes no statement of its own."""
    gov = noun.head
    stops = ctx.res.words("events", "cessation_verbs")
    return noun.dep_ == "dobj" and gov.pos_ == "VERB" and (gov.lemma_.lower() in stops or _phrase_lemma(gov) in stops) \
        and gov.dep_ in ("xcomp", "ccomp", "advcl") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def natural_death(ctx, noun) -> bool:
    """'the deaths might have been the result of complications from the disease': deaths its clause
    puts down to a natural cause ([events].natural_causes), with no violent one beside: no killing."""
    clause = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "attr") \
        or noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else noun     # ("recorded 12 deaths from cholera")
    natural = set(ctx.res.words("events", "natural_causes"))
    violent = set(ctx.res.words("events", "violent_causes")) | ctx.weapon_nouns
    words = [t for t in clause.subtree if t.i != noun.i]
    return any(t.lemma_.lower() in natural or t.lower_ in natural for t in words) and not any(
        t.lemma_.lower() in violent or t.lower_ in violent
        or (ev := _event_for(ctx, t)) is not None and ev.predicate in _VIOLENT for t in words)


def captive_word(ctx, verb):
    """The word of captivity that makes ``verb`` a taking of captives ([events.captive_idioms]): its
    object ('took five tourists hostage', parsed as a compound), its complement, or the noun after its
    'as' ('took 251 back to Gaza as hostages'); None when there is none."""
    words = ctx.res.lexicon.get("events", {}).get("captive_idioms", {}).get(verb.lemma_.lower(), {})
    if not words:
        return None
    for c in verb.children:
        if c.lower_ in words and (c.dep_ in ("oprd", "xcomp", "npadvmod", "advmod", "acomp", "attr") or c.dep_ == "dobj"
                                  and any(x.dep_ == "compound" and x.pos_ in ("NOUN", "PROPN") for x in c.children)):
            return c        # (not "took the hostages to hospital": the hostages are what is taken)
        if c.dep_ == "prep" and c.lower_ == "as":
            found = [p for p in c.children if p.dep_ == "pobj" and p.lower_ in words]
            if found:
                return found[0]
    return None


def _event_for(ctx, tok) -> EventType | None:
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        lemma = tok.lemma_.lower()
        between = {c.i for c in tok.children if c.dep_ in ("prt", "dobj")}
        for c in tok.children:     # "call for", "push for"; not "On Friday, X called ...", "For each firm, call X"
            if c.dep_ in ("prep", "prt") and c.i > tok.i and (ev := ctx.res.verb_events.get(f"{lemma} {c.lower_}")) \
                    and not any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children) \
                    and not (c.dep_ == "prep" and any(tok.i < b < c.i for b in between)
                             and f"{lemma} {c.lower_}" not in ctx.res.words("events", "object_between_triggers")):
                return ev       # (not "called her in ... for a talk": a particle or an object comes first)
        if lemma == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children):
            return ctx.res.verb_events.get("open fire on")      # "opened fire on a patrol"
        idiom = ctx.res.lexicon.get("events", {}).get("object_idioms", {}).get(lemma, {})
        for c in tok.children:      # "claimed 30 lives": killed 30
            if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in idiom:
                return ctx.res.verb_events.get(idiom[c.lower_])
        if (word := captive_word(ctx, tok)) is not None:     # "took five tourists hostage": kidnapped them
            return ctx.res.verb_events.get(ctx.res.lexicon["events"]["captive_idioms"][lemma][word.lower_])
        result = ctx.res.lexicon.get("events", {}).get("resultatives", {})
        if lemma in ctx.res.words("events", "resultative_verbs"):
            for c in tok.subtree:       # "were shot dead", "left 25 soldiers and one civilian dead"
                if c.lower_ in result and c.dep_ != "compound" and (c.head.i == tok.i and c.i > tok.i or _within(c, tok, 3)):
                    return ctx.res.verb_events.get(result[c.lower_])
        if lemma in ctx.res.words("events", "complement_only_verbs") and (
                tok.dep_ == "acl" or not has_complement(tok)
                or not any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in tok.children)):
            # "called the vote historic" describes; not "called the minister", "called a ceasefire", "a body
            # called the Board of Peace" (a name), "called Yuhua Bai, owner of ..." (as a witness), nor "called it
            # a witch hunt" (whose "it" is too often misread)
            return None
        return ctx.res.verb_events.get(_phrase_lemma(tok)) or ctx.res.verb_events.get(lemma)
    if tok.pos_ in ("NOUN",):
        lemma = tok.lemma_.lower()
        comp = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")]     # "car bombing", "aerial bombing"
        for c in comp:
            if (ev := ctx.res.noun_events.get(f"{c} {lemma}")):
                return ev
        if lemma in ctx.res.words("nouns", "event_packages"):
            for c in tok.children:
                if c.dep_ == "compound" and (ev := ctx.res.noun_events.get(c.lemma_.lower())):
                    return ev
        return ctx.res.noun_events.get(lemma)
    return None


def _within(tok, ancestor, hops: int) -> bool:
    """``ancestor`` is at most ``hops`` heads above ``tok``, with no clause between ('people wounded'
    counts; 'people who were wounded' does not)."""
    a = tok
    for hop in range(hops):
        if a.head.i == a.i or a.dep_ in ("relcl", "advcl", "ccomp") or hop and a.dep_ == "acl":
            return False
        a = a.head
        if a.i == ancestor.i:
            return True
    return False


def receptive(ctx, verb, noun) -> bool:
    """'received a delivery', 'took an order from a caller': the subject takes the event in, not does it."""
    lemma = verb.lemma_.lower()
    return lemma in ctx.res.words("events", "receptive_verbs") \
        or noun.lemma_.lower() in ctx.res.lexicon.get("events", {}).get("receptive_with", {}).get(lemma, ())


def _has_event_object(ctx, verb) -> bool:
    """A light verb: its object is itself an event noun ('launched a series of strikes')."""
    nouns = set(ctx.res.frames["nouns"]["events"])
    named = named_in_relative(ctx, verb)
    for c in [*verb.children, *([named] if named is not None else [])]:
        if c.dep_ in ("dobj", "nsubjpass") or named is not None and c.i == named.i:
            if _event_for(ctx, c) or c.lemma_.lower() in nouns:
                return True
            if c.lemma_.lower() in ctx.res.words("events", "request_words") and any(
                    p.dep_ in ("prep", "acl", "relcl", "ccomp") for p in c.children):
                return True     # "expressed a desire for the US to supply X": the request is the event
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    if any(_event_for(ctx, o) for o in p.children if o.dep_ == "pobj"):
                        return True
    return False


def _not_only(neg) -> bool:
    """'not just delivering X but also Y', 'not only ...': more is said, nothing denied."""
    return neg.i + 1 < len(neg.doc) and neg.nbor(1).lower_ in load_resources().words("negation", "additive")


def _negated(tok) -> bool:
    """'did not strike', 'no troops were sent', 'not a single farmer has lost' (a negated subject)."""
    none = load_resources().words("negation", "none_words")
    if any(c.dep_ == "neg" and not _not_only(c) for c in tok.children) \
            or any(c.dep_ in ("det", "nummod") and c.lower_ in none for c in tok.children) \
            or any(c.lower_ in load_resources().words("negation", "negators") and c.dep_ in ("advmod", "preconj", "neg")
                   for c in tok.children):
        return True     # (also "has never attacked", "they neither want to unify ... nor to declare")
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "without":
        return True         # "launched this campaign without finding out the facts", "without the aid of X"
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.head.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children) and _negated(tok.head):
        return True         # "will not be conducting raids or performing policing": neither
    h = tok.head
    if tok.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ == "any" for c in h.children) \
            and h.dep_ in ("dobj", "conj") and (h.head if h.dep_ == "dobj" else h.head.head).pos_ in ("VERB", "AUX") \
            and _negated(h.head if h.dep_ == "dobj" else h.head.head):
        return True         # "we have not seen any footage that captures damage": none that does
    if _joined_by_nor(tok) or _alternative_not_taken(tok):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in load_resources().words("negation", "failing_verbs") \
            and not _negated(tok.head):
        return True         # "the army failed to capture the city": not captured ("never failed to": done)
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in load_resources().word_set("negation", "ability_verbs") \
            and _negated(tok.head):
        return True         # "doesn't know how to lose elections", "did not manage to cross"
    unable = load_resources().word_set("negation", "failing_adjectives")
    if (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in unable
            or tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.lemma_.lower() in unable) \
            and not _negated(tok.head if tok.dep_ == "xcomp" else tok.head.head):
        return True         # "was unable to stop the convoy", "powerless in preventing strikes"
    if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children)
           for c in tok.children):
        return True         # "can no longer be trusted"
    # ("gave no casualty figures", "found no evidence": nothing given, nothing found; but "has no less than 300")
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
        x.dep_ in ("neg", "det", "nummod") and x.lower_ in ("not", *none)
        and not (x.i + 1 < len(x.doc) and x.nbor(1).lower_ in ("less", "more", "fewer", "longer")) for x in c.children)
        for c in tok.children)


def fronted_participle(verb):
    """'Granted asylum in 2019, she lives ...', 'Backed by Elbonia, the rebels ...': a past participle
    opening the sentence with no subject or auxiliary of its own is a passive whose patient is the
    subject of the clause it opens ("Born in X but raised in Y, he ...": both). That subject's token, or None."""
    while verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and verb.head.i < verb.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        verb = verb.head
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.i > verb.head.i or verb.head.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") or c.tag_ == "WRB"
                   for c in verb.children):
        return None     # (not "When asked about it, she said": a time of speaking)
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i), None)


def passive_gerund(verb):
    """'released after being detained by police', 'instead of being sent to jail': a passive gerund on a
    preposition, with no subject of its own, is done to the subject of the clause it hangs on. That
    subject's token, or None."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBN" or verb.head.dep_ != "prep" \
            or not any(c.dep_ == "auxpass" and c.lower_ in ("being", "been") for c in verb.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head.head
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if clause.pos_ in ("VERB", "AUX") else None


def undergoer(verb):
    """The subject a participle opening the sentence or a passive gerund is done to, or None."""
    found = fronted_participle(verb)
    return found if found is not None else passive_gerund(verb)


def stance_holder(ctx, verb):
    """'Americans opposed to war', 'the government was opposed to the sale': a participle of a stance
    ([events].stance_participles) with its 'to' and no 'by': the noun it describes or the subject of
    its clause holds the stance. That noun's token, or None."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in ctx.res.words("events", "stance_participles") \
            or not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children) \
            or any(c.dep_ == "agent" for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def gerund_subject(verb):
    """'his threats of Iran quitting the treaty': a gerund the parse hangs on the noun before 'of X',
    right after X, with no subject of its own; X is who does it (not what the noun is done to).
    X's token, or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or verb.i == 0 \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return None
    doer = verb.doc[verb.i - 1]
    while doer.dep_ in ("compound", "flat") and doer.head.i < verb.i:
        doer = doer.head
    if doer.dep_ == "pobj" and doer.head.lower_ == "of" and doer.head.head.i == verb.head.i \
            and doer.right_edge.i == verb.i - 1:
        return doer
    return None


def gerund_doer(tok) -> bool:
    """Whether ``tok`` is the doer of a gerund after it (``gerund_subject``)."""
    if tok.right_edge.i + 1 >= len(tok.doc):
        return False
    doer = gerund_subject(tok.doc[tok.right_edge.i + 1])
    return doer is not None and doer.i == tok.i


def small_clause(ctx, tok) -> bool:
    """'wants the prisoners released', 'wants its frigate delivered': a participle its governing verb's
    object undergoes ([control].small_clause_verbs), as a clause of that verb or hung on the object."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    gov = tok.head.head if tok.dep_ == "acl" and tok.head.dep_ == "dobj" else tok.head if tok.dep_ in (
        "ccomp", "xcomp", "oprd") else None
    return gov is not None and gov.lemma_.lower() in ctx.res.words("control", "small_clause_verbs")


def _joined_by_nor(tok) -> bool:
    """'has not attacked X, nor has it shelled Y or bombed Z': a clause joined by 'nor', and the clauses
    joined to it in turn (the parse hangs 'nor' on the first clause, between it and the one it denies)."""
    nor = load_resources().words("negation", "negating_conjunctions")
    a = tok
    for _ in range(8):
        if a.dep_ != "conj":
            return False
        if any(c.dep_ in ("cc", "preconj") and c.lower_ in nor and a.head.i < c.i < a.i for c in a.head.children):
            return True
        a = a.head
    return False


def _alternative_not_taken(tok) -> bool:
    """'kept under house arrest instead of being sent to jail': the course the words before the clause
    ([negation].alternative_cues) say was not taken."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    start = tok.left_edge.i
    before = " ".join(t.lower_ for t in tok.doc[max(0, start - 2):start])
    return any(before.endswith(cue) for cue in load_resources().words("negation", "alternative_cues"))


def _clause_subject(ctx, si, tok) -> list[Entity]:
    """The subject of the clause a noun or adjective sits in ('X are part of ...', 'X are systems similar to')."""
    v, hops = tok, 0
    while hops < 6 and v.head.i != v.i:
        v, hops = v.head, hops + 1
        if v.pos_ in ("VERB", "AUX"):
            subj, _ = _subject_of(ctx, si, v)
            return subj
    return []
