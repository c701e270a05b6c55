"""What the rules know about one article while they read it.

Sentence documents with their offsets, the mentions in each, and the
resolution of a parse token to an entity: a named mention, a pronoun or
demonstrative pointing back, or a plain noun phrase ("suspected smuggling
boats") when nothing is named.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..model import Entity
from .entities import EntityRegistry, Mention
from .resources import Resources

__all__ = ["Sentence", "ArticleContext", "text_of"]

_PEOPLE_PRONOUNS = {"he", "him", "his", "she", "her"}


def expletive_it(res, tok) -> bool:
    """'It required only one man to clear the area', 'it would be important to have a system': an
    'it' that stands for the infinitive after it."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj":
        return False
    head = tok.head
    verb = head.lemma_.lower()
    if verb not in res.words("nouns", "infinitive_expletive_verbs") and not (
            verb in res.words("nouns", "expletive_verbs") and any(
                c.dep_ == "acomp" and c.lemma_.lower() in res.word_set("nouns", "extraposing_adjectives")
                for c in head.children)):
        return False
    return any(c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in head.children)


def clause_subject(tok) -> bool:
    """A conjunct the parse hung on a list that is the subject of the next clause ('a gun battle
    with police and Dzhokhar was found'): the verb after it has no subject of its own."""
    if tok.dep_ != "conj" or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    verb = nxt if nxt.pos_ == "VERB" else nxt.head if nxt.dep_ in ("aux", "auxpass") else None
    return verb is not None and verb.pos_ in ("VERB", "AUX") and verb.i > tok.i and verb.dep_ == "conj" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def parallel_of_gerund(first, conj, event_nouns=frozenset()) -> bool:
    """'a charge of forging papers and two charges of fraud': the conjunct after the gerund's object
    heads an "of" phrase of its own, a second charge beside the first, not a second thing forged;
    so is an event noun after an event's "of" object ("its supply of arms and purchases of oil":
    the purchases are no arms supplied), given ``event_nouns``."""
    verb = first.head
    if first.dep_ == "pobj" and verb.lower_ == "of" and conj.lemma_.lower() in event_nouns \
            and verb.head.lemma_.lower() in event_nouns:      # (not "a series of arson and sabotage attacks")
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "of" and any(
        p.dep_ == "prep" and p.lower_ == "of" for p in conj.children)


def gerund_clause(tok) -> bool:
    """A conjunct that is a verb phrase the parse took for a noun ('waving guns and intimidating
    journalists'): a participle opens it right after 'and', and the list hangs on a participle."""
    if tok.dep_ != "conj":
        return False
    if tok.lower_.endswith("ing") and any(c.dep_ == "dobj" for c in tok.children):
        return True     # "block a convoy and throwing rocks": a noun takes no object; a gerund does
    chain = [tok]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    top = chain[-1]

    def opens(c) -> bool:
        first = c.doc[c.left_edge.i]
        return first.tag_ == "VBG" and first.pos_ == "VERB" and first.dep_ == "amod" and first.i > 0 \
            and (c.doc[first.i - 1].dep_ == "cc" or c.doc[first.i - 1].text == ",")
    # ("intimidating protesters and journalists": the journalists are in the clause the participle opened)
    return any(opens(c) for c in chain[:-1]) and top.head.tag_ == "VBG" and top.dep_ == "dobj"


def accompanying(verb, res) -> bool:
    """A gerund clause of manner or accompaniment with no subject of its own ("will end illegal
    immigration, while strengthening economic ties"; "by raising taxes"): it shares its head's
    subject, time and source (``[control].accompanying_marks``)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "mark" and c.lower_ in res.word_set("control", "accompanying_marks") for c in verb.children)


def text_of(doc) -> str:
    """A sentence document's text, made once: spaCy joins its tokens again on every ``doc.text``, which
    the quote and cue rules ask for thousands of times an article."""
    text = doc.user_data.get("geokg_text")
    if text is None:
        text = doc.user_data["geokg_text"] = doc.text
    return text


def quoted(doc, idx: int) -> bool:
    """Whether the character at ``idx`` of a sentence is inside quotation marks. A sentence that
    begins inside a quote opened in the sentence before ('They go nowhere," Trump said, ...') has
    one mark more that closes: before it, the text is quoted; after it, not."""
    text = text_of(doc)
    before = text[:idx]
    if text.count('"') == 1 and (pos := text.index('"')) + 1 < len(text) and text[pos + 1].isalnum() \
            and (pos == 0 or text[pos - 1] in " :("):
        return idx > pos    # 'Trump said: "I don't love it.': a quote that opens here and closes later
    straight = text.count('"') % 2 == 1 and not text.lstrip().startswith('"')
    if before.count('"') % 2 == (0 if straight else 1) and ('"' in text):
        if not straight or '"' in text[idx:]:
            return True
    opened, closed = before.count("“"), before.count("”")
    if text.count("”") > text.count("“"):         # a curly quote closing one opened before
        return closed == 0 and "”" in text[idx:]
    return opened > closed


def _quoted(tok) -> bool:
    """Inside quotation marks in its sentence."""
    return quoted(tok.doc, tok.idx)
_THING_PRONOUNS = {"it", "its"}
_BODIES = ("Country", "Organization", "MilitaryForce", "Group")    # the actors "it", "its", "they" stand for
_PLURAL_PRONOUNS = {"they", "them", "their"}
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_MAX_CHAIN = 24      # how many resolutions may wait on one another (pronoun -> speaker -> pronoun ...)


def _cleft_focus(verb):
    """'It was the army that fired', 'It is Russia that supplies': the focus of a cleft sentence, the
    noun after 'it' + 'be' that its relative clause is about (None when ``verb`` makes no cleft)."""
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)


@dataclass
class Sentence:
    doc: object           # spaCy Doc of one sentence
    offset: int           # start in the article text
    index: int


@dataclass
class ArticleContext:
    res: Resources
    registry: EntityRegistry
    sentences: list[Sentence]
    mentions: list[list[Mention]]
    published: date | None
    publisher: str | None
    tok2mention: list[dict[int, Mention]] = field(default_factory=list)
    # (sentence, entity) of recent state or group agents, for agentless event nouns
    recent_agents: list = field(default_factory=list)
    subject_memo: dict = field(default_factory=dict)    # sentence -> what its subject pronoun meant
    pronoun_memo: dict = field(default_factory=dict)    # (sentence, token) -> (pronoun, the person it meant)
    _named: set | None = None                            # entities named in the article (is_named_group)
    speaker_of: object = None     # (sentence, token) -> the speaker of the quote around it, set by attribution
    speaker_in: object = None     # sentence -> who quotes someone in it, set by attribution
    _surnames: set | None = None
    refused: set = field(default_factory=set)   # (sentence, token) a typed rule turned down: no frame either
    agentless: set = field(default_factory=set)  # (sentence, token) whose subject is a cause, not an agent
    untyped: set = field(default_factory=set)    # (sentence, token) the event table's type does not fit
    _active: set = field(default_factory=set)   # resolutions in progress (cycle guard)
    _done: dict = field(default_factory=dict)   # resolutions finished within the outermost one

    def __post_init__(self):
        self.tok2mention = []
        for ms in self.mentions:
            index = {}
            for m in ms:
                for i in range(m.start, m.end):
                    index[i] = m
            self.tok2mention.append(index)
        self.people = set(self.res.words("nouns", "people"))
        self.weapon_nouns = set(self.res.words("nouns", "weapon"))
        self.event_nouns = frozenset(self.res.frames["nouns"]["events"]) | frozenset(self.res.noun_events)
        self.described: list = []   # (sentence, token, head word, entity) of things named with more words than their head
        self.vague = set(self.res.lexicon["quantities"]["vague"])
        self.of_nouns = set(self.res.words("nouns", "relational"))
        self.leader_titles = self.res.word_set("reference", "leader_titles")
        self.stand_in = set(self.res.words("nouns", "stand_in"))
        self.place_of = set(self.res.words("nouns", "place_of"))
        self.collective = {**{w: "Organization" for w in self.res.words("nouns", "collective_organization")},
                           **{w: "Country" for w in self.res.words("nouns", "collective_country")}}

    # ------------------------------------------------------------ mentions
    def mention_at(self, si: int, i: int) -> Mention | None:
        return self.tok2mention[si].get(i)

    def _memo(self, si: int, tok, e: Entity | None) -> list[Entity]:
        if e is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            self.subject_memo[si] = e
        if e is not None and tok.lower_ in _PEOPLE_PRONOUNS:
            self.pronoun_memo[(si, tok.i)] = (tok.lower_, e)
        return [e] if e else []

    def by_agent(self, si: int, verb) -> list[Entity]:
        """The passive verb's 'by' agent ('was carried out by X', 'could be used by X to'), if named."""
        return [e for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for e in self.resolve_all(si, p)]

    def previous_subject(self, si: int, tok, types: tuple[str, ...], depth: int = 0) -> Entity | None:
        """A subject pronoun continues the subject of the sentence before ('It said ... It emphasised ...')."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT" or si == 0:
            return None
        doc = self.sentences[si].doc
        if any(m.entity.type in types and m.start < tok.i and m.kind == "name"
               and (_quoted(tok) or not quoted(doc, doc[m.start].idx)) for m in self.mentions[si]):
            return None     # an antecedent in the same sentence comes first (not one quoted: '"...X," he told')
        for s in (si - 1,):
            root = self.sentences[s].doc[:].root
            subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in _PEOPLE_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
                found = [] if self.abstract(subj[0]) else self.as_actor(self.resolve_all(s, subj[0]))
                if found and (found[0].type in types or "Person" in types and subj[0].tag_ == "NN"
                              and subj[0].lemma_.lower() in self.people):
                    return found[0]     # (also "The friend said ... . He told ..."; not "tensions rose. They ...")
            elif subj and subj[0].lower_ in _THING_PRONOUNS | _PEOPLE_PRONOUNS:
                if s not in self.subject_memo and depth < 5:
                    self._memo(s, subj[0], self.previous_subject(s, subj[0], types, depth + 1))
                e = self.subject_memo.get(s)
                if e is not None and (e.type in types or "Person" in types and e.type == "Group"):
                    return e        # (a person named by a noun, "the friend", may be typed as a group)
        return None

    def _same_pronoun_before(self, si: int, tok) -> Entity | None:
        """The person a pronoun of the same sex meant last, in this sentence or the one before ('They
        ruled he was guilty ... Four found him guilty'), unless that person is the subject of the
        pronoun's own clause (who would be 'himself')."""
        sex = {"he", "him", "his"} if tok.lower_ in ("he", "him", "his") else {"she", "her", "hers"}
        before = [(k, e) for k, (w, e) in self.pronoun_memo.items() if w in sex
                  and (k[0] == si - 1 or k[0] == si and k[1] < tok.i)]
        if not before:
            return None
        e = max(before, key=lambda x: x[0])[1]
        head = tok.head if tok.dep_ != "pobj" else tok.head.head
        own = [x for c in head.children if c.dep_ == "nsubj" and c.i != tok.i for x in self.resolve_all(si, c)]
        return None if e in own or not self.is_person(e) else e

    def _thing_subject_before(self, si: int, tok) -> Entity | None:
        """'It' opening a sentence after one whose subject is a thing named by a definite noun ('The
        agreement ...'): that thing, before any state or body named further back."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT" or si == 0 \
                or any(t.pos_ in ("NOUN", "PROPN") for t in self.sentences[si].doc[:tok.i]):
            return None
        root = self.sentences[si - 1].doc[:].root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and (subj[0].lower_ in _PEOPLE_PRONOUNS or any(
                self.is_person(e) for e in self.resolve_all(si - 1, subj[0], allow_noun=False))):
            # "Trump dubbed the agreement the Kuala Lumpur Accords. It mandated ...": a person is no "it";
            # the thing the person acted on is
            subj = [c for c in root.children if c.dep_ == "dobj"]
        if not subj or subj[0].pos_ != "NOUN" or self.mention_at(si - 1, subj[0].i) is not None \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj[0].children):
            return None
        found = self.resolve_all(si - 1, subj[0])
        return found[0] if len(found) == 1 and found[0].type == "Thing" else None

    def is_named_group(self, e: Entity) -> bool:
        """A group the gazetteer or a name in the text names ('the Houthis', 'Hamas'), not a noun ('gunmen')."""
        if self._named is None:     # (the mentions of every sentence are found before any statement)
            self._named = {m.entity for ms in self.mentions for m in ms if m.kind == "name"}
        return bool(e.wikidata) or e.label in self.res.by_name or e in self._named

    def is_outlet(self, e: Entity) -> bool:
        """A news outlet by its name ("The Wall Street Journal", "Al-Monitor"): no place, no party."""
        return bool(set(e.label.lower().split()) & set(self.res.words("attribution", "outlet_words")))

    def is_person(self, e: Entity) -> bool:
        """A person, or a surname that a person named in full in this article bears (NER calls
        many surnames organisations)."""
        if e.type == "Person":
            return True
        if self._surnames is None:
            self._surnames = {m.entity.label.split()[-1] for ms in self.mentions for m in ms
                              if m.kind == "name" and m.entity.type == "Person" and " " in m.entity.label}
        return e.type in ("Organization", "Thing", "Location") and e.wikidata is None and " " not in e.label \
            and e.label in self._surnames       # (NER calls some surnames places: "Matanov")

    def subject_person_before(self, si: int, i: int, back: int = 1) -> Entity | None:
        """Centering: 'he' continues the person who is a subject nearby, before the nearest name.

        The nearest subject before the pronoun in its own sentence, else the first
        subject of the sentence before ('McVeigh arrived ..., where he sold ...').
        """
        for s in range(si, max(-1, si - back - 1), -1):
            doc = self.sentences[s].doc
            found, other = [], []
            for m in self.mentions[s]:
                if m.kind != "name" or (s == si and m.start >= i) or not self.is_person(m.entity):
                    continue
                root = doc[m.start:m.end].root
                if root.dep_ == "compound" and root.head.pos_ == "NOUN":
                    continue        # "Bermuda shorts": a word of a thing's name, no one to refer to
                (found if root.dep_ in ("nsubj", "nsubjpass") else other).append(m.entity)
            if found:
                return found[-1] if s == si else found[0]
            if s == si and other and self.sentences[si].doc[i].dep_ in ("nsubj", "nsubjpass"):
                return other[-1]    # "McVeigh's movements ..., when he arrived": a person named before it
        return None

    def plural_subject_before(self, si: int, tok) -> list[Entity]:
        """Centering for 'they': the nearest plural subject before it in its sentence, else the
        main subject of the sentence before ('separatist warlords led raids. In 1995 they seized ...')."""
        doc = self.sentences[si].doc
        many = self.res.word_set("reference", "quantifiers")
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in many for t in doc[:tok.i]):
            return []       # "Many joined believing that they had no other way": the many, unnamed
        here = [t for t in doc[:tok.i] if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS")]
        cands = [(si, t) for t in reversed(here)]
        if si > 0:
            root = self.sentences[si - 1].doc[:].root
            cands += [(si - 1, c) for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                      and (c.tag_ in ("NNS", "NNPS") or any(x.dep_ == "conj" for x in c.children))]
        for s, t in cands[:1]:
            if self.abstract(t):
                continue
            found = self.resolve_all(s, t)
            if found:
                return found
        return []

    def _called(self, e: Entity, noun: str) -> bool:
        """A weapon the article calls by this noun ('Igla-S missiles' -> 'the missiles'); not 'the drone'
        for a helicopter named before."""
        if noun in self.res.word_set("reference", "generic_weapon_nouns"):
            return True
        for s, ms in enumerate(self.mentions):
            doc = self.sentences[s].doc
            for m in ms:
                if m.entity == e and any(t.lemma_.lower() == noun for t in doc[m.end:m.end + 3]):
                    return True
        return False

    def _other_sex(self, si: int, e: Entity, pronoun: str) -> bool:
        """The person is described in this sentence by a noun of the other sex than the pronoun's."""
        other = self.res.words("nouns", "female_nouns" if pronoun in ("he", "him", "his") else "male_nouns") \
            if pronoun in ("he", "him", "his", "she", "her") else []
        doc = self.sentences[si].doc
        for m in self.mentions[si]:
            if m.entity == e:
                root = doc[m.start:m.end].root
                if any(c.dep_ == "appos" and c.lemma_.lower() in other for c in root.children):
                    return True
        return False

    def _person_noun_before(self, si: int, tok) -> Entity | None:
        """A subject pronoun right after a sentence whose subject is a person named by a noun ('The friend
        said ...'), with no person named in between: that person."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or si == 0 or tok.lower_ not in ("he", "she") or _quoted(tok):
            return None
        doc = self.sentences[si].doc
        if any(m.kind == "name" and self.is_person(m.entity) and not quoted(doc, doc[m.start].idx)
               for m in self.mentions[si] if m.start < tok.i):
            return None
        root = self.sentences[si - 1].doc[:].root
        subj = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.tag_ == "NN"
                and c.lemma_.lower() in self.people]
        if not subj or self.mention_at(si - 1, subj[0].i) is not None \
                or any(a.dep_ == "appos" for a in subj[0].children):
            return None
        return self.noun_entity(si - 1, subj[0], type_="Person")

    def earlier(self, si: int, i: int, types: tuple[str, ...], back: int = 3,
                demonyms: bool = False, outside_quotes: bool = False, skip_heads=frozenset(),
                single: bool = False) -> Entity | None:
        """The nearest named mention of one of ``types`` before token i (this or earlier sentences);
        with ``outside_quotes`` (a pronoun in the narration), not one named only inside a quotation;
        none whose label ends in one of ``skip_heads``; with ``single`` (for "it"), none named as one
        of a pair or list ("X and Y abstained ..., because Z backed it": they would be "them")."""
        for s in range(si, max(-1, si - back - 1), -1):
            for m in reversed(self.mentions[s]):
                if s == si and m.start >= i:
                    continue
                if outside_quotes and quoted(self.sentences[s].doc, self.sentences[s].doc[m.start].idx):
                    continue
                if m.entity.label.lower().split()[-1:] and m.entity.label.lower().split()[-1] in skip_heads:
                    continue
                doc = self.sentences[s].doc
                if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].tag_ in ("VBN", "VBD", "JJ"):
                    continue    # "the Iran-backed Houthis ... because it was heading": a modifier, no referent
                if m.entity.label.lower() in self.res.words("nouns", "media"):
                    continue    # "wrote on Telegram ... , it added": a channel, no one who speaks
                if single and ((root := doc[m.start:m.end].root).dep_ == "conj"
                               or any(c.dep_ == "conj" for c in root.children)):
                    continue
                placed = self.registry.leaning(m.entity) == "Location"   # "in el-Fasher": a place, whatever NER said
                if (m.kind == "name" or demonyms) and (m.entity.type in types or placed and "Location" in types) and not (
                        m.entity.type == "Person" and (root := self.sentences[s].doc[m.start:m.end].root).dep_
                        == "compound" and root.head.pos_ == "NOUN"):     # not "Bermuda shorts"
                    return m.entity
        return None

    # ------------------------------------------------------------ resolution
    def resolve(self, si: int, tok) -> Entity | None:
        ents = self.resolve_all(si, tok)
        return ents[0] if ents else None

    def is_person_at(self, si: int, i: int) -> bool:
        """A person's name is mentioned at token ``i``."""
        m = self.mention_at(si, i)
        return m is not None and self.is_person(m.entity)

    def _joined_in_title(self, si: int, tok) -> Entity | None:
        """'US President X and Russian President Y will meet': the parse makes the first name and the
        second title compounds of the second name. The person named before the 'and', or None."""
        for x in tok.lefts:
            for t in x.subtree:
                if t.i < tok.i and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children) \
                        and any(c.dep_ == "conj" and tok.i > c.i > t.i for c in t.children) \
                        and (mt := self.mention_at(si, t.i)) is not None and self.is_person(mt.entity) \
                        and mt.entity != self.mention_at(si, tok.i).entity:
                    return mt.entity
        return None

    def resolve_all(self, si: int, tok, allow_noun: bool = True) -> list[Entity]:
        """Entities a token stands for: itself, its conjuncts and appositions, or what it points back to.

        Resolution follows pronouns, speakers and conjuncts into one another, so it is
        bounded here: a token already being resolved stands for nothing (no cycle), the
        chain is at most ``_MAX_CHAIN`` deep, and each token is resolved once per outermost
        call (a list of n conjuncts costs n, not 2^n).
        """
        key = (si, tok.i, allow_noun)
        if key in self._active or len(self._active) >= _MAX_CHAIN:
            return []
        if key in self._done:
            return list(self._done[key])
        self._active.add(key)
        try:
            out = self._resolve_all(si, tok, allow_noun)
        finally:
            self._active.discard(key)
            if not self._active:
                self._done.clear()
        if self._active:
            self._done[key] = out
        return list(out)

    def _resolve_all(self, si: int, tok, allow_noun: bool = True) -> list[Entity]:
        m = self.mention_at(si, tok.i)
        low = tok.lower_
        if m is None and tok.pos_ == "PROPN" and low in self.res.word_set("names", "not_names"):
            return []       # "(07:08 GMT)": a time zone, no participant
        if low == "others" and any(c.dep_ == "nummod" for c in tok.children):
            return [self.registry.from_name("people", "Group")]     # "... and 251 others were taken hostage"
        if m is not None and tok.dep_ in ("nsubj", "nsubjpass") and self.is_person(m.entity) \
                and (first := self._joined_in_title(si, tok)) is not None:
            return [first, m.entity]
        if m is not None:
            if m.kind == "demonym" and tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("amod", "compound", "nmod"):
                # "displaced Palestinians": people of a country, not the state
                return [self.noun_entity(si, tok, type_="Group")]
            if m.kind == "demonym" and tok.dep_ not in ("amod", "compound", "nmod") and m.end == tok.i + 1 \
                    and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children):
                # "the British-Libyan who ...", "a Briton": a person of the country, not the state
                if tok.dep_ == "appos" and (mh := self.mention_at(si, tok.head.i)) and mh.kind == "name":
                    return [mh.entity]      # "Salman Abedi, the British-Libyan ..."
                return [self.noun_entity(si, tok, type_="Person")]
            if m.kind == "demonym" and tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") \
                    and self.mention_at(si, tok.head.i) is None:
                # "Pakistani authorities", "the Turkish drone maker Baykar"
                return self.resolve_all(si, tok.head, allow_noun)
            out = [m.entity]
            for c in tok.conjuncts:
                if clause_subject(c) or gerund_clause(c):
                    continue        # "with police and Dzhokhar was found": the next clause's subject
                if (mc := self.mention_at(si, c.i)) is not None:
                    found = [mc.entity]
                else:      # "X and his Cambodian counterpart, Hun Manet" (the parse may hang the name on X)
                    appos = [a for a in c.children if a.dep_ == "appos"] or \
                        [a for a in tok.children if a.dep_ == "appos" and a.i > c.i]
                    found = [self.mention_at(si, a.i).entity for a in appos if self.mention_at(si, a.i) is not None][:1]
                out += [e for e in found if e not in out]
            return out
        if low in ("i", "me", "my") and self.speaker_of is not None:
            # "Every time I speak to Vladimir ...," Trump said: the speaker of the quote
            e = self.speaker_of(si, tok)
            return [e] if e else []
        if (low in self.res.word_set("reference", "quantifiers") or tok.like_num) and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("which", "whom") for p in c.children)
                for c in tok.children):
            # "27 warrants were issued, some of which were delivered ...": the noun before the comma
            before = [t for t in tok.doc[max(0, tok.i - 6):tok.i] if t.pos_ in ("NOUN", "PROPN")]
            if any(p.lower_ == "whom" for c in tok.children for p in c.children):
                # "300 people were eating there at the time of the explosion, two of whom ...": people, not
                # the noun before the comma
                before = [t for t in tok.doc[:tok.i] if t.lemma_.lower() in self.people or t.lower_ in self.people
                          or self.is_person_at(si, t.i)][-1:]
            if before and tok.nbor(-1).is_punct:
                n = before[-1]
                while n.dep_ == "compound" and n.head.i < tok.i:
                    n = n.head
                return self.resolve_all(si, n, allow_noun)
            return []
        if low in self.res.word_set("reference", "quantifiers") and low not in ("none", "those", "others") \
                and (whole := [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                               for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]):
            return self.resolve_all(si, whole[0], allow_noun)     # "bombed several of its sites": the sites
        anaphors = self.res.lexicon.get("place_anaphors", {}).get("nouns", {})
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in anaphors \
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.lower_ == "same"
                        for c in tok.children) \
                and all(c.dep_ in ("det", "punct") or c.lower_ in self.res.words("place_anaphors", "keep")
                        for c in tok.children):
            # "26 civilians were killed in the region": the place named last (a region, not a base or street)
            facilities = set(self.res.frames.get("nouns", {}).get("places", ())) - set(anaphors) \
                | self.res.word_set("place_anaphors", "facilities")
            e = self.earlier(si, tok.i, tuple(anaphors[tok.lemma_.lower()]), back=3, skip_heads=facilities)
            if e is None and tok.lemma_.lower() in self.res.words("place_anaphors", "far"):
                # "the city" with no place in the three sentences before: the place named last, further back
                e = self.earlier(si, tok.i, tuple(anaphors[tok.lemma_.lower()]), back=12, skip_heads=facilities)
            if e is not None:
                return [e]
        if low in _PEOPLE_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS and tok.i + 2 < len(tok.doc) \
                and tok.nbor(1).text == "[":
            # "they [Iran] have moved ...": the editor's bracket names the referent
            inside = [self.mention_at(si, t.i) for t in tok.doc[tok.i + 2:tok.i + 8] if t.text != "]"]
            named = [m.entity for m in inside if m is not None]
            if named:
                return named[:1]
        if low in _PEOPLE_PRONOUNS | _THING_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            # "It said that it had not hit ...": the same pronoun in the reported clause, the same referent
            a = tok.head
            for _ in range(4):
                if a.head.i == a.i:
                    break
                a = a.head
                same = [c for c in a.children if c.dep_ == "nsubj" and c.lower_ == low and c.i != tok.i
                        and _quoted(c) == _quoted(tok)]     # not '"He used to ...," he told the BBC'
                if same:
                    return self.resolve_all(si, same[0], allow_noun)
        if low in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" \
                and any(c.dep_ == "auxpass" for c in tok.head.head.children) \
                and (hearer := [c for c in tok.head.head.children if c.dep_ == "nsubjpass"]) \
                and hearer[0].lower_ not in _PEOPLE_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
            return self.resolve_all(si, hearer[0], allow_noun)  # "the flotilla had been informed it was violating"
        if low in ("it", "they", "we") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" \
                and tok.head.head.lemma_.lower() in self.res.words("attribution", "claimed"):
            # "The Greek foreign ministry said it had summoned ...", "X and Y said they were recalling ...":
            # the speaker, named or not
            said, claimed = tok.head.head, set(self.res.words("attribution", "claimed"))
            if said.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in said.children) \
                    and not any(c.dep_ in ("ccomp", "csubj") for c in tok.head.children):  # (not "it is ruled out that")
                # "a spokesperson said X had attacked and said it was forced to respond": the first saying
                # (the parse may join the second to the verb of what was said first)
                a = said.head
                for _ in range(4):
                    if a.lemma_.lower() in claimed and any(c.dep_ == "nsubj" for c in a.children):
                        said = a
                        break
                    if a.head.i == a.i or a.dep_ not in ("conj", "ccomp"):
                        break
                    a = a.head
            speaker = [c for c in said.children if c.dep_ == "nsubj" and c.lower_ not in
                       _PEOPLE_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS]
            found = self.as_actor(self.resolve_all(si, speaker[0])) if speaker else []
            if speaker and speaker[0].lemma_.lower() in self.res.words("roles", "vague_titles"):
                # "a Taliban spokesperson said it was forced": the body the spokesperson speaks for
                found = [self.registry.from_entry(entry, entry.name) for c in speaker[0].children
                         if c.dep_ in ("compound", "amod", "poss", "nmod")
                         and (entry := self.res.by_name.get(c.text) or self.res.demonym.get(c.text)) is not None
                         and entry.type in _BODIES][:1] or found
            body = found and found[0].type == "Thing" and speaker[0].lower_ in self.res.words("types", "Organization")
            if found and (found[0].type in _BODIES or body) \
                    and (low != "it" or len(found) == 1):
                return found    # (also "X's counterterrorism authority announced it has opened ...")
        if low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" \
                and (say := tok.head.head).tag_ == "VBG" and say.dep_ == "advcl" \
                and say.lemma_.lower() in self.res.words("attribution", "claimed") \
                and not any(c.dep_ == "nsubj" for c in say.children):
            # "Hamas has rejected the resolution, saying it fails to meet ...": the thing acted on, not a
            # state named before (a thing named by a definite noun only)
            obj = [c for c in say.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                   and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)]
            found = self.resolve_all(si, obj[0]) if obj and self.mention_at(si, obj[0].i) is None else []
            if len(found) == 1 and found[0].type == "Thing":
                return found
            # "Iran attacked Israel, saying it had struck military targets": the sayer speaks of itself
            sayer = [e for c in say.head.children if c.dep_ == "nsubj" for e in self.as_actor(self.resolve_all(si, c))]
            if len(sayer) == 1 and sayer[0].type in _BODIES:
                return sayer
        if low in ("it", "they") and tok.dep_ == "nsubj" and tok.head.dep_ in ("pcomp", "relcl") \
                and tok.head.lemma_.lower() in self.res.words("attribution", "claimed") and not _quoted(tok):
            # "Iran launched missiles at a base in Qatar, in what it said was retaliation": the speaker of a
            # clause hung on the main one is the main clause's subject, not the place named last
            a, main = tok.head, []
            for _ in range(8):      # the nearest clause above with a subject of its own
                if a.head.i == a.i:
                    break
                a = a.head
                main = [c for c in a.children if c.dep_ == "nsubj" and c.i < tok.i] if a.pos_ in ("VERB", "AUX") else []
                if main:
                    break
            found = self.as_actor(self.resolve_all(si, main[0])) if main and main[0].pos_ != "PRON" else []
            if found and found[0].type in _BODIES \
                    and (low != "it" or len(found) == 1):
                return found
        if low == "it" and (tok.dep_ == "nsubjpass" or tok.dep_ == "nsubj" and tok.head.lemma_.lower() in
                            self.res.words("nouns", "expletive_verbs")) and any(
                c.dep_ in ("ccomp", "csubj", "advcl") and (any(m.dep_ == "mark" and m.lower_ in ("that", "whether")
                                                              for m in c.children)
                                                          or c.dep_ == "ccomp" and tok.head.lemma_.lower() != "be")
                for c in [*tok.head.children, *(x for a in tok.head.children if a.dep_ == "acomp" for x in a.children)]):
            return []       # "it is not ruled out that ...", "it is likely that ...": no referent
        if expletive_it(self.res, tok):
            return []       # "It required only one man to clear the area", "it took hours to ...": no referent
        if low in ("he", "she") and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" \
                and tok.head.head.lemma_.lower() in self.res.words("attribution", "claimed"):
            # "One community worker said he contacted the police": the speaker, a person named or not
            # (not "His mother said he ...": a speaker tied to another person)
            sp = [c for c in tok.head.head.children if c.dep_ == "nsubj" and c.i < tok.i]
            if sp and sp[0].tag_ in ("NN", "NNP") and not any(c.dep_ == "poss" for c in sp[0].children):
                found = self.resolve_all(si, sp[0])
                lemma = sp[0].lemma_.lower()
                if found and (self.is_person(found[0]) or lemma in self.people or lemma + "s" in self.people):
                    return found[:1]
        if low in _PEOPLE_PRONOUNS:
            if (noun := self._person_noun_before(si, tok)) is not None:
                return self._memo(si, tok, noun)    # "The friend said ... . '...,' he told the BBC": the friend
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.res.words("attribution", "claimed") \
                    and self.speaker_in is not None and (prev := self.speaker_in(si - 1)) is not None \
                    and self.is_person(prev) and not self._other_sex(si, prev, low):
                return self._memo(si, tok, prev)    # 'the president posted: "..." He added: "..."': the same speaker
            if low in ("him", "her") and (prior := self._same_pronoun_before(si, tok)) is not None:
                return self._memo(si, tok, prior)   # "found him guilty while one voted to acquit him": the same man
            e = self.previous_subject(si, tok, ("Person",)) or self.subject_person_before(si, tok.i) \
                or self.earlier(si, tok.i, ("Person",), outside_quotes=not _quoted(tok))
            if e is not None and self._other_sex(si, e, low):
                # "Erica Gasparri, a mother of three, ... called police about Abedi, after he approached kids"
                e = next((m.entity for m in reversed(self.mentions[si]) if m.kind == "name" and m.start < tok.i
                          and self.is_person(m.entity) and m.entity != e and not self._other_sex(si, m.entity, low)),
                         None)
            if e is not None and low in ("him", "her") and tok.dep_ in ("dobj", "pobj", "dative"):
                head = tok.head.head if tok.dep_ == "pobj" else tok.head
                own = [x for c in head.children if c.dep_ == "nsubj" for x in self.resolve_all(si, c)]
                if e in own:    # "when Joe Biden met him": not Biden (who would be "himself"), the man before
                    e = next((m.entity for m in reversed(self.mentions[si]) if m.kind == "name" and m.start < tok.i
                              and self.is_person(m.entity) and m.entity not in own
                              and not self._other_sex(si, m.entity, low)), None)
            if e is not None and tok.dep_ in ("nsubj", "nsubjpass") and any(
                    m.kind == "name" and m.entity.label.split()[-1] == e.label.split()[-1]
                    for t in tok.head.subtree if t.i > tok.i and (m := self.mention_at(si, t.i)) is not None):
                e = None    # "He used to listen to Musa Jibril": not Jibril himself (he would be "himself")
            speaker = self._named_speaker(si, tok)
            if speaker is None and e is not None and self.speaker_of is not None and _quoted(tok):
                speaker = self.speaker_of(si, tok)      # '"... - he's gone abroad."': not the one saying it
            if e is not None and e == speaker:
                # "He rented the truck, Elliott said": Elliott would have said "I"; the person before him
                e = next((m.entity for s in range(si, max(-1, si - 3), -1) for m in reversed(self.mentions[s])
                          if m.kind == "name" and self.is_person(m.entity) and m.entity != speaker
                          and (s < si or m.start < tok.i)), None)
            return self._memo(si, tok, e)
        if low in _THING_PRONOUNS | _PEOPLE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass") and (
                tok.head.dep_ == "conj" or tok.head.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.i < tok.i for m in tok.head.children)):
            # "Serbia has refused ..., but it has also sold ...": the first conjunct's subject; "the militia
            # killed hundreds, days after it captured the city": the subject of the clause it depends on
            # (but "X lifted the ban after it sparked protests": what sparks is a thing, the object)
            effects = self.res.frames.get("verbs", {}).get("event_effects", ())
            thing = [c for c in tok.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            if low == "it" and tok.head.lemma_.lower() in effects and thing:
                return self.resolve_all(si, thing[0])
            first = [c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if first and first[0].lower_ != low:
                found = self.as_actor(self.resolve_all(si, first[0]))
                named = tok.head.dep_ == "conj" or any(self.mention_at(si, t.i) is not None and t.pos_ == "PROPN"
                                                        for t in first[0].subtree)
                if found and (found[0].type == "Person") == (low in _PEOPLE_PRONOUNS) and named:
                    return found[:1]    # (not "a bomber crashed into a patrol while it was traveling")
        many = self.res.word_set("reference", "quantifiers")
        if low == "their" and any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in many
                                  for t in self.sentences[si].doc[:tok.i]):
            return []       # "Many joined to defend their communities"
        if low in ("its", "their") and tok.dep_ == "poss" and tok.head.dep_ == "conj" and tok.head.head.i < tok.i:
            # "the Afghan people and their government": whose the first conjunct is
            first = tok.head.head
            owner = self.mention_at(si, first.i) or next(
                (m for c in first.children if c.dep_ in ("amod", "compound") and (m := self.mention_at(si, c.i))), None)
            if owner is not None and owner.entity.type in _BODIES:
                return [owner.entity]
        if low in ("its", "their") and tok.dep_ == "poss":
            # "Russia's ministry said its air defences ...": the nearest name before it in the sentence;
            # "The ministry said its navy had shelled ...": else the subject of its own sentence
            near = [e for e in self.as_actor([m.entity for m in self.mentions[si] if m.kind == "name" and m.start < tok.i])
                    if e.type in _BODIES]     # a capital as its state
            if near:
                return near[-1:]
            v = tok.head
            for _ in range(6):
                if v.head.i == v.i:
                    break
                v = v.head
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                        and tok.i not in {t.i for t in c.subtree}] if v.pos_ in ("VERB", "AUX") else []
                if subj:
                    found = self.resolve_all(si, subj[0])
                    if found and found[0].type in _BODIES:
                        return found[:1]
                    break
        if low in _THING_PRONOUNS and tok.dep_ in ("nsubjpass", "dobj") \
                and tok.head.lemma_.lower() in self.res.words("events", "vehicle_verbs"):
            return []       # "it was driven to the city": the truck, never the motel named before
        if low in _THING_PRONOUNS and tok.dep_ == "nsubj" \
                and tok.head.lemma_.lower() in self.res.words("events", "device_verbs"):
            return []       # "As a Land-Rover arrived, it exploded": a thing, never a state or a group
        if low == "it" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in \
                {w.split()[0] for w in self.res.words("events", "light_verbs")}:
            return []       # "those who planned and carried it out": the attack, an event, not a state
        if low == "it" and tok.dep_ in ("nsubjpass", "dobj") and _quoted(tok):
            return []       # '"Let it be cut the way it is"': a thing the speaker points at, no body named before
        if low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "advcl" \
                and any(c.dep_ == "mark" for c in tok.head.children):
            # "... took action against eight justices of the supreme court after it tried to": the
            # body named last before the clause, not a name from further back
            types = self.res.lexicon.get("types", {})
            heads = self.res.word_set("reference", "group_heads") | set(types.get("Organization", [])) \
                | set(types.get("MilitaryForce", []))
            bodies = [t for t in self.sentences[si].doc[:tok.head.left_edge.i]
                      if t.pos_ in ("NOUN", "PROPN") and t.lower_ in heads and t.dep_ in ("dobj", "pobj")]
            if bodies:
                return self.resolve_all(si, bodies[-1], allow_noun)
        if low in _THING_PRONOUNS:
            e = self.previous_subject(si, tok, ("Country", "Organization", "MilitaryForce"))
            if e is None and (f := self.previous_subject(si, tok, ("Location", "Organization"))) is not None \
                    and f.label.lower().split()[-1:] \
                    and f.label.lower().split()[-1] in self.res.frames.get("nouns", {}).get("places", ()):
                e = f       # "The Lantern Cafe was located near the police headquarters. It was frequented by ..."
            if e is None and (thing := self._thing_subject_before(si, tok)) is not None:
                return [thing]  # "The agreement represents a victory ... . It will create a fleet": the agreement
            e = e or self.earlier(si, tok.i, ("Country", "Organization", "MilitaryForce"), back=2, single=True)
            if e is not None and tok.dep_ == "dobj" and any(
                    self.registry.acronyms.get(x.label, x) == e
                    for c in tok.head.children if c.dep_ == "nsubj" for x in self.resolve_all(si, c)):
                e = None        # "the bloc backed it": not the bloc, which would be "itself"
            return self._memo(si, tok, e)
        if low in ("they", "them") and _quoted(tok):
            return []       # '"They've changed their tactics," said a source': whoever the speaker means
        if low in _PLURAL_PRONOUNS and any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in many
                                           for t in self.sentences[si].doc[:tok.i]):
            return []       # "Many joined believing that they had no other way": the many, unnamed
        if low in _PLURAL_PRONOUNS:
            types = ("WeaponSystem", "Group", "MilitaryForce")
            e = self.previous_subject(si, tok, types) or self.earlier(si, tok.i, types, back=2)
            if e is None and tok.dep_ in ("nsubj", "nsubjpass"):
                return self.plural_subject_before(si, tok)
            return [e] if e else []
        if low in ("which", "who") and tok.head.dep_ in ("advcl", "conj", "parataxis") \
                and tok.dep_ in ("nsubj", "nsubjpass") and tok.i > 1:
            # "drew protest from Beijing which in turn sanctioned US firms": a relative clause the parse
            # hung on the main verb; the name right before it
            prev = tok.doc[tok.i - 1] if tok.doc[tok.i - 1].text != "," else tok.doc[tok.i - 2]
            if prev.pos_ in ("PROPN", "NOUN") and prev.i < tok.head.i:
                return self.resolve_all(si, prev, allow_noun)
        if low in _RELATIVE and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" \
                and (focus := _cleft_focus(tok.head.head)) is not None and focus.i < tok.i:
            return self.resolve_all(si, focus, allow_noun)  # "it is the army that fired": the parse's ccomp
        if low in _RELATIVE and tok.head.dep_ == "relcl":
            h = tok.head.head
            if tok.dep_ in ("nsubj",) and h.dep_ == "pobj" and h.head.lower_ in ("in", "at") and h.head.i > 0 \
                    and (mh := self.mention_at(si, h.head.i - 1)) and mh.entity.type in ("Organization", "Person"):
                return [mh.entity]     # "the ICJ in The Hague, which ordered ...": the court, not the city
            found = self.resolve_all(si, h, allow_noun)
            if low in ("who", "whom") and found and all(
                    e.type in ("Location", "Country") or e.type in ("Organization", "Thing") and h.pos_ == "PROPN"
                    and (e.type == "Organization" or h.dep_ == "pobj" and h.head.lower_ in ("in", "at", "from"))
                    for e in found):
                # "Yuhua Bai, owner of a restaurant in Lisk, who testified": a person, not the place the
                # parse hung it on; the person the phrase describes
                a = h
                for _ in range(8):
                    if a.head.i == a.i or a.dep_ not in ("pobj", "prep", "appos", "compound"):
                        break
                    if a.dep_ == "prep" and a.head.pos_ == "VERB":
                        break
                    a = a.head
                    if (m := self.mention_at(si, a.i)) is not None and self.is_person(m.entity):
                        return [m.entity]
                    if a.pos_ == "NOUN" and a.lemma_.lower() in self.people:
                        return self.resolve_all(si, a, allow_noun)
                doc = self.sentences[si].doc
                if a.dep_ == "prep" and a.head.pos_ == "VERB":
                    # "called Mira Okonjo, owner of a restaurant, in Lisk, who testified": the parse hangs
                    # the place on the verb; the person named before it, back to the verb
                    for t in reversed(doc[a.head.i + 1:a.i]):
                        if (m := self.mention_at(si, t.i)) is not None and self.is_person(m.entity):
                            return [m.entity]
                        if m is None and t.pos_ == "NOUN" and t.dep_ == "dobj" and t.lemma_.lower() in self.people:
                            return self.resolve_all(si, t, allow_noun)  # "pursue every criminal in X who ..."
                return [] if any(e.type in ("Location", "Country") for e in found) else found
            return found
        if tok.pos_ not in ("NOUN", "PROPN", "NUM", "X") or tok.ent_type_ in ("DATE", "TIME"):
            return []
        if tok.pos_ == "PROPN" and low in self.res.words("roles", "titles") and (named := [
                m.entity for a in tok.children if a.dep_ == "appos" and (m := self.mention_at(si, a.i)) is not None
                and m.kind == "name" and m.entity.type == "Person"]):
            return named[:1]    # "the Chairman of the Joint Chiefs of Staff, General Dan Caine": the general
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.dep_ in ("appos", "conj", "pobj", "dobj", "nsubj", "poss"):
            # a name neither the gazetteer nor NER caught ("IRISL and NITC")
            out = [self.unlisted_name(si, tok)]
            for c in tok.conjuncts:
                if c.i > tok.i and c.pos_ == "PROPN" and not clause_subject(c):
                    mc = self.mention_at(si, c.i)
                    out.append(mc.entity if mc is not None else self.unlisted_name(si, c))
            return out
        doc = self.sentences[si].doc
        if low in ("nation", "country") and any(c.lower_ in ("the", "this") for c in tok.children):
            # "Maduro ... vowed to defend the oil-rich country": the actor's own country first; then a
            # country named outright; a demonym ("Chilean President ... the nation") only failing that
            e = self._actor_country(si, tok) or self.earlier(si, tok.i, ("Country",), back=2) \
                or self.earlier(si, tok.i, ("Country",), back=2, demonyms=True)
            return [e] if e else []
        # "Baykar, the Turkish drone maker that ...": an apposition the parse missed
        edge = tok.left_edge.i
        if edge >= 2 and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos") \
                and doc[edge].lower_ in ("the", "a", "an") and doc[edge - 1].text == "," \
                and (prev := self.mention_at(si, edge - 2)) and prev.kind == "name":
            return [prev.entity]
        if edge >= 2 and tok.dep_ in ("nsubj", "nsubjpass") and doc[edge].lower_ in ("the", "a", "an") \
                and doc[edge - 1].text in ("—", "–", "--", "-") and (prev := self.mention_at(si, edge - 2)) \
                and prev.kind == "name" and doc[edge - 2].dep_ in ("npadvmod", "dep", "nmod", "appos", "compound"):
            return [prev.entity]    # "Maduro — the anointed successor of Chávez — defends": a dash's apposition
        measure = self.res.words("nouns", "measure")
        if low in self.vague or tok.like_num or low in self.res.lexicon.get("units", {}) \
                or tok.lemma_.lower() in measure or low in measure:   # "4,000 pounds of X", "species of X"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        if p.dep_ == "pobj":
                            return self.resolve_all(si, p, allow_noun)
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i and (
                tok.lemma_.lower() in self.people or low in self.res.words("roles", "titles")):
            # "The head of the department at the hospital, Maria Landaeta, called ...": the parse hangs
            # the name on the last noun; set off by commas right before the verb, it is the head's
            named = [m for t in tok.subtree if t.dep_ == "appos" and t.i > tok.i
                     and t.right_edge.i + 1 < tok.head.i and doc[t.right_edge.i + 1].text == ","
                     and doc[t.left_edge.i - 1].text == "," and (m := self.mention_at(si, t.i)) is not None
                     and m.kind == "name" and m.entity.type not in ("Country", "Location")]
            if named:
                return [named[-1].entity]
        # a named mention inside the phrase: appositions and conjuncts first ("companies - Airbus and Safran")
        for child in tok.children:
            if child.dep_ in ("appos",):
                found = self.resolve_all(si, child, allow_noun=False)
                if found and all(e.type in ("Location", "Country") for e in found) and (
                        low in self.weapon_nouns or tok.lemma_.lower() in self.res.frames["nouns"]["events"]):
                    continue    # "a Russian drone and missile attack on the capital Kyiv": the parse's misreading
                if found:
                    return found
        for child in tok.children:
            if child.dep_ in ("compound", "nmod", "nummod") and (mc := self.mention_at(si, child.i)) \
                    and mc.kind == "name" and (mc.entity.type in ("WeaponSystem",) or low in self.weapon_nouns):
                # "four IRIS-T systems and 20 Leopard 2 tanks": each named item, the listed ones too
                out = [mc.entity]
                for c in tok.conjuncts:
                    if c.i > tok.i and c.pos_ in ("NOUN", "PROPN"):
                        out += [e for e in self.resolve_all(si, c, allow_noun) if e not in out]
                return out
        # "these systems", "the missiles": the last weapon named
        if low in self.weapon_nouns and any(c.lower_ in ("these", "those", "the", "such", "this") for c in tok.children):
            e = self.earlier(si, tok.i, ("WeaponSystem",), back=3)
            if e and self._called(e, tok.lemma_.lower()):
                return [e]
        if tok.pos_ == "NUM":
            return []
        # "the appos" of a named entity: "the Russian state company that ..." handled via relcl head
        if tok.dep_ == "appos" and (mh := self.mention_at(si, tok.head.i)):
            return [mh.entity]
        named_children = [(c, mc) for c in tok.children if (mc := self.mention_at(si, c.i)) and mc.kind == "name"]
        # "the NATO territory", "Tehran's war effort"
        phrase = " ".join(t.lower_ for t in doc[tok.i - 1:tok.i + 1]) if tok.i else low
        taken = tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.res.words("nouns", "taking_ground")
        if (low in self.stand_in or phrase in self.stand_in) and named_children and not taken:
            e = named_children[0][1].entity
            entry = self.res.by_name.get(e.label)
            if e.type == "Person" and entry and entry.country in self.res.by_name:
                # "the Trump administration", "the Maduro government": the leader's state, not the leader
                state = self.res.by_name[entry.country]
                return [self.registry.from_entry(state, state.name)]
            return self.as_actor([e])
        for child in tok.children:
            # "the city of Goma", "a militia called the Black Hand"
            if low in self.place_of and child.dep_ == "prep" and child.lower_ == "of":
                found = [self.as_place(self.mention_at(si, p.i).entity) for p in child.children
                         if p.dep_ == "pobj" and self.mention_at(si, p.i)]
                if found:
                    return found
            if child.dep_ == "acl" and child.lemma_.lower() in self.res.word_set("reference", "naming_verbs"):
                naming = [x for c in child.children if c.dep_ in ("oprd", "attr", "dobj", "npadvmod", "appos")
                          or c.dep_ == "prep" and c.lower_ == "as" for x in c.subtree]
                for o in naming:    # "a militia called the Black Hand"; not "known to be close to ETA"
                    if (mo := self.mention_at(si, o.i)) and mo.kind == "name":
                        return [mo.entity]
                for prep in child.children:     # "toughs known as colectivos": the name it goes by
                    for o in prep.children:
                        if prep.lower_ == "as" and o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
                            return [self.noun_entity(si, o, type_="Group" if tok.tag_ in ("NNS", "NNPS") else None)]
        # "these companies", "the two firms": the names listed together before
        if low in self.collective and any(c.lower_ in ("these", "those", "both", "the") for c in tok.children):
            listed = self.listed_before(si, tok.i, self.collective[low])
            if listed:
                return listed
        other_side = self.res.lexicon.get("nouns", {}).get("relational_preps", {}).get(low)
        if other_side is not None:      # "hailed relations with China" -> China ([nouns.relational_preps])
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == other_side:
                    found = [e for p in child.children if p.dep_ == "pobj"
                             for e in self.resolve_all(si, p, allow_noun=False)]
                    if found:
                        return found
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.res.words("nouns", "owner_nouns"):
            # "an attempt on his life", "an attack on the life of the president": on him, on the president
            owners = [c for c in tok.children if c.dep_ == "poss"] + [
                p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if owners:
                return self.resolve_all(si, owners[0], allow_noun)
        if low in self.of_nouns or tok.lemma_.lower() in self.of_nouns:   # "the legality of the raids" -> the strikes
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        if p.dep_ == "pobj":
                            found = self.resolve_all(si, p, allow_noun)
                            if not any(e.type == "Person" for e in found):
                                return found    # not "the leaders of Salman Abedi": people of a person are others
        if any(c.lower_ == "the" for c in tok.children) and low in self.leader_titles:
            # "the Belarusian leader", "the French president": the office holder named in the article
            e = self.office_holder(si, tok)
            if e:
                return [e]
        if any(c.lower_ in ("the", "this", "that") for c in tok.children) and tok.pos_ == "NOUN":
            # "the brigade", "the ministry": the last name with that head word
            e = self.by_head(si, tok.i, low)
            if e:
                return [e]
            types = self.res.lexicon.get("nouns", {}).get("definite_types", {}).get(low)
            ordinals = self.res.word_set("reference", "ordinals")
            # (an "of" before a gerund is the verb's, the parse's "accused [the group of killing]")
            if types and not any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ordinals)
                                 or c.dep_ == "prep" and c.lower_ == "of"
                                 and not any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                                 for c in tok.children) \
                    and (e := self.earlier(si, tok.i, tuple(types), back=4, skip_heads=(
                        self.res.word_set("nouns", "public_body_heads")
                        if low in self.res.word_set("nouns", "business_nouns") else frozenset()))):
                return [e]     # "the group" -> the Houthis (not "the last city of X"; "the firm" is no council)
        if low == "capital" and (cap := self._capital(si, tok)) is not None:
            return [cap]        # "the Ukrainian capital", "the capital of Ukraine": Kyiv (the gazetteer's capitals)
        if not allow_noun or self.abstract(tok):
            return []
        if tok.left_edge.i < tok.i and any(t.dep_ == "expl" for t in tok.doc[tok.left_edge.i:tok.i]):
            return []       # "..., and there are growing fears": a clause of its own the parse hung here
        out = [self.noun_entity(si, tok)]
        for c in tok.conjuncts:    # "the military, police and civilian militia"
            if c.i > tok.i and c.pos_ in ("NOUN", "PROPN") and not clause_subject(c) and not gerund_clause(c) \
                    and not parallel_of_gerund(tok, c, self.event_nouns):
                out += [e for e in self.resolve_all(si, c) if e not in out]
        return out

    def _named_speaker(self, si: int, tok) -> Entity | None:
        """The person named after the clause a token stands in as saying it ('..., Elliott said'), if any."""
        claimed = set(self.res.words("attribution", "claimed"))
        a = tok
        for _ in range(8):
            if a.head.i == a.i:
                break
            child, a = a, a.head
            if a.pos_ == "VERB" and a.lemma_.lower() in claimed and child.dep_ in ("ccomp", "parataxis", "conj"):
                subj = [c for c in a.children if c.dep_ == "nsubj"]
                m = self.mention_at(si, subj[0].i) if subj else None
                # only a speaker named after the clause: "He rented it, Elliott said" (not "Trump says he ...")
                return m.entity if m is not None and m.kind == "name" and m.start > tok.i else None
        return None

    def _actor_country(self, si: int, tok) -> Entity | None:
        """The country of the person who acts on 'the country' ('he vowed to defend the country')."""
        v = tok.head
        for _ in range(4):
            if v.pos_ in ("VERB", "AUX"):
                for c in v.children:
                    if c.dep_ == "nsubj":
                        found = [m.entity for m in [self.mention_at(si, c.i)] if m is not None] \
                            or (self.resolve_all(si, c, allow_noun=False) if c.lower_ in _PEOPLE_PRONOUNS else [])
                        for e in found:
                            entry = self.res.by_name.get(e.label)
                            if e.type == "Person" and entry and entry.country in self.res.by_name:
                                c_entry = self.res.by_name[entry.country]
                                return self.registry.from_entry(c_entry, c_entry.name)
            if v.head.i == v.i:
                return None
            v = v.head
        return None

    def office_holder(self, si: int, tok) -> Entity | None:
        country = next((m.entity for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                        and (m := self.mention_at(si, c.i)) and m.entity.type == "Country"), None)
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and (m := self.mention_at(si, p.i))
                                                            and m.entity.type != "Country" for p in c.children)
               for c in tok.children):
            return None         # "the president of the electoral council": a body's, not a state's office holder
        if country is None:
            titled, seen = [], {}       # "US President Donald Trump met X. The president said": of the people
            for s in range(si + 1):     # named with that title, the one the article has named most so far
                doc = self.sentences[s].doc     # (then the latest)
                for m in self.mentions[s]:
                    if m.kind == "name" and (s < si or m.start < tok.i) and m.entity.label.split():
                        surname = m.entity.label.split()[-1]    # ("Marek" after "Ivo Marek": the same person)
                        seen[surname] = seen.get(surname, 0) + 1
                        if m.entity.type == "Person" and (m.start > 0 and doc[m.start - 1].lower_ == tok.lower_ or (
                                entry := self.res.by_name.get(m.entity.label)) and entry.role
                                and tok.lower_ in entry.role.lower().split()):
                            titled.append(m.entity)     # (or one the gazetteer knows holds that office)
            if titled:
                return max(reversed(titled), key=lambda e: seen[e.label.split()[-1]])
            # "Maduro ... . The socialist leader said": the one leader the gazetteer knows among the last
            # few sentences' people
            known = {m.entity for s in range(si, max(-1, si - 4), -1) for m in self.mentions[s]
                     if m.kind == "name" and m.entity.type == "Person" and (s < si or m.start < tok.i)
                     and (e := self.res.by_name.get(m.entity.label)) and e.role}
            sole = self.res.word_set("reference", "sole_titles")
            return next(iter(known)) if len(known) == 1 and tok.lower_ in sole else None
        title = tok.lower_
        any_office = self.res.word_set("reference", "any_office_titles")
        for s in range(si, -1, -1):
            for m in reversed(self.mentions[s]):
                entry = self.res.by_name.get(m.entity.label)
                if m.entity.type == "Person" and entry and entry.country == country.label and entry.role \
                        and (title in any_office or title in entry.role.lower()):
                    return m.entity
        return None

    def by_head(self, si: int, i: int, head: str) -> Entity | None:
        for s in range(si, max(-1, si - 6), -1):
            for m in reversed(self.mentions[s]):
                if (s < si or m.start < i) and m.kind == "name" and " " in m.entity.label \
                        and m.entity.label.lower().split()[-1] == head:
                    return m.entity
        return None

    def listed_before(self, si: int, i: int, type_: str) -> list[Entity]:
        """The latest names of ``type_`` given as a list ('Airbus and Safran'), this sentence or before."""
        for s in range(si, max(-1, si - 9), -1):
            doc = self.sentences[s].doc
            ms = [m for m in self.mentions[s] if m.kind == "name" and m.entity.type == type_
                  and (s < si or m.start < i)]
            for m in reversed(ms):
                members = [(m.start, m.entity)] + [(c.i, mc.entity) for c in doc[m.start].conjuncts
                                                   if (mc := self.mention_at(s, c.i)) and mc.entity.type == type_]
                group = list(dict.fromkeys(e for _, e in sorted(members, key=lambda x: x[0])))
                if len(group) > 1:
                    return group
        return []

    def recent_agent(self, si: int, predicate: str | None, back: int = 4, include_current: bool = True,
                     same_only: bool = False) -> Entity | None:
        """Who carried out the events like this one ('the strikes', 'were hit').

        Agents of the same predicate earlier in the article are preferred, the
        most frequent first; otherwise the latest agent of the last sentences.
        """
        before = [(s, p, e) for s, p, e in self.recent_agents if s < si or include_current and s == si]
        defensive = set(self.res.words("events", "defensive_predicates"))
        window = [x for x in before if x[0] >= si - back and (x[1] not in defensive or predicate in defensive)]
        # the same kind of event anywhere before: the article's running actor for it
        same = [e for s, p, e in before if p == predicate]
        if same:   # the most frequent; on a tie the first, as news leads with its main actor
            counts, first = Counter(same), {}
            for i, e in enumerate(same):
                first.setdefault(e, i)
            return max(counts, key=lambda e: (counts[e], -first[e]))
        return window[-1][2] if window and not same_only else None

    def unlisted_name(self, si: int, tok) -> Entity:
        doc = self.sentences[si].doc
        left = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                              and all(t.pos_ == "PROPN" for t in doc[c.left_edge.i:c.i + 1])])   # "White House Office"
        right = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].like_num and doc[tok.i + 1].head.i == tok.i else tok.i
        of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1]
        if of and (names := [t for t in doc[of[0].i + 1:of[0].right_edge.i + 1]]) \
                and all(t.pos_ == "PROPN" or t.lower_ == "the" and t.i == of[0].i + 1 for t in names) \
                and names[-1].pos_ == "PROPN":
            right = of[0].right_edge.i      # "... Office of the Press Secretary": the name goes on
        text = doc[left:right + 1].text     # "Article 370", "Resolution 2231"
        parts = text.split()
        if len(parts) == 2 and parts[0] in self.res.words("names", "honorifics"):
            # "Sir Keir", "Mr Whitelaw": the person of the article with that first or last name
            for ms in [*self.mentions[si::-1], *self.mentions[si + 1:]]:
                for m in ms:
                    names = m.entity.label.split()
                    if m.kind == "name" and m.entity.type == "Person" and len(names) > 1 \
                            and parts[1] in (names[0], names[-1]):
                        return m.entity
        type_ = "Organization" if text.isupper() and len(text) > 1 else "Thing"
        return self.registry.from_name(text, type_, weight=0.5)

    def as_place(self, e: Entity) -> Entity:
        """A name used as a place ('in Goma', 'the city of Goma') is a Location, whatever NER said."""
        if e.type in ("Country", "Location") or e.wikidata or e.label in self.res.by_name:
            return e
        self.registry.vote(e, "Location")
        return Entity(e.label, "Location", None, e.aliases)

    def as_actor(self, entities: list[Entity]) -> list[Entity]:
        """A capital acting stands for its country ('Islamabad denies' -> Pakistan)."""
        out = []
        for e in entities:
            entry = self.res.by_name.get(e.label)
            if entry and entry.role == "capital" and entry.country in self.res.by_name:
                c = self.res.by_name[entry.country]
                e = self.registry.from_entry(c, c.name)
            out.append(e)
        return out

    def _capital(self, si: int, tok) -> Entity | None:
        """The capital city of the country a demonym or an 'of' names ('the Ukrainian capital')."""
        owners = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")] + [
            p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for o in owners:
            m = self.mention_at(si, o.i)
            if m is None or m.entity.type != "Country":
                continue
            entry = next((e for e in self.res.entries if e.role == "capital" and e.country == m.entity.label), None)
            if entry is not None:
                return self.registry.from_entry(entry, entry.name)
        return None

    def abstract(self, tok) -> bool:
        """A noun too abstract to be a participant (lexicon [nouns].abstract: "took a step", "the plan
        to ..."), unless a noun specifies it: "a peace plan", "a 12-point plan" are things of their own."""
        return tok.lower_ in self.res.words("nouns", "abstract") and not any(
            c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i < tok.i for c in tok.children)

    def noun_entity(self, si: int, tok, type_: str | None = None) -> Entity:
        """A plain noun phrase as a participant: modifiers kept, determiners and numbers dropped."""
        doc = self.sentences[si].doc
        if tok.lower_ in self.res.lexicon.get("quantities", {}).get("vague", {}) and tok.tag_ == "NNS" \
                and tok.dep_ != "nsubj" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return self.registry.from_name("people", "Group")     # "Hundreds were wounded": people, how many is the count
            # (not a doer: "thousands streamed out" keeps its count as the name of who did it)
        keep = {"amod", "compound", "nmod", "npadvmod"}
        left = tok.i
        for child in sorted(tok.lefts, key=lambda t: -t.i):
            if child.dep_ in keep and child.i == left - 1 or (child.dep_ in keep and doc[child.i + 1:left].text in ("-", "")):
                left = min(child.left_edge.i, child.i) if child.dep_ != "amod" else child.i
                left = child.left_edge.i
            elif doc[child.i].is_punct and child.i == left - 1 and child.text == "-":
                left = child.i
            else:
                break
        while left < tok.i and (doc[left].is_punct or doc[left].dep_ in ("det", "poss", "nummod", "quantmod", "case")
                                 or doc[left].like_num
                                 or doc[left].ent_type_ == "DATE" and doc[left].dep_ == "compound"
                                 and doc[left].lower_ in self.res.word_set("types", "Event")):
            # (a day is no part of a name: "on Tuesday rebel fighters" are rebel fighters)
            if doc[left].like_num and left + 1 < tok.i and doc[left + 1].text == "-":
                break       # "a 63-year-old man", "a 12-day war": the number is part of the description
            left += 1
        right = tok.i
        while right + 2 < len(doc) and doc[right + 1].text in ("-", "–") and not doc[right].whitespace_ \
                and not doc[right + 1].whitespace_ and doc[right + 2].is_alpha:
            right += 2      # "the semi-finals": a hyphenated word the tokenizer split
        if tok.text[:1].isupper() and right + 1 < len(doc) and doc[right + 1].like_num \
                and doc[right + 1].head.i == tok.i and doc[right + 1].i > tok.i:
            right += 1      # "Room 12", "Gate 3": a numbered thing is named with its number
        content = self.res.lexicon.get("nouns", {}).get("content_nouns", {})
        for c in tok.rights if tok.lemma_.lower() in content else ():
            said = c.dep_ in ("acl", "relcl") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) \
                or c.dep_ == "prep" and c.lower_ in content[tok.lemma_.lower()]
            if said and c.right_edge.i - tok.i <= 10 and not any(t.is_punct for t in doc[tok.i:c.right_edge.i + 1]):
                right = c.right_edge.i     # "proposals to freeze the fighting", "an increase in the number of X"
                break
        words = doc[left:right + 1]
        label = words.text if any(t.pos_ == "PROPN" for t in words) else words.text.lower()
        # "Pakistan's military" -> "Pakistani military", "Russia's embassy" -> "Russian embassy"
        owned = False
        for c in tok.children:
            owner = None
            if c.dep_ == "poss" and (mc := self.mention_at(si, c.i)):
                owner = mc.entity
            elif c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") and (
                    tok.lower_ in self.people | self.res.word_set("reference", "group_heads")
                    or tok.lower_ in self.res.lexicon.get("types", {}).get("MilitaryForce", [])):
                owner = next(iter(self.resolve_all(si, c)), None)    # "its forces" -> "Russian forces"
                if owner is None and tok.sent.root.i != tok.i:
                    # "the Russian defence ministry said its forces ...": the speaker's side
                    owner = next((e for x in tok.sent.root.children if x.dep_ == "nsubj" and x.i < tok.i
                                  for e in self.resolve_all(si, x)), None)
            if owner is not None and owner.type == "Person" and c.pos_ == "PRON" \
                    and (e := self.res.by_name.get(owner.label)) \
                    and e.country and (land := self.res.by_name.get(e.country)) is not None:
                owner = self.registry.from_entry(land, land.name)    # "the president ... his forces": his country's
            first = owner.label.split()[0] if owner is not None and owner.label else ""
            state = self.res.demonym.get(first[:1].upper() + first[1:])
            if owner is not None and owner.type != "Country" and state is not None:
                owner = self.registry.from_entry(state, state.name)   # "the Russian ministry ... its forces"
            if owner is not None and owner.type == "Country":
                entry = self.res.by_name.get(owner.label)
                prefix = entry.demonyms[0] if entry and entry.demonyms else owner.label
                label, owned = f"{prefix} {label}", True
                break
        if tok.lemma_.lower() in self.res.words("nouns", "partitive_people"):
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if of:      # "members of the U.S. and Afghan forces", "a friend of the suspect"
                start = of[0].left_edge.i + (doc[of[0].left_edge.i].dep_ == "det")
                end = max(t.i for t in of[0].subtree if t.dep_ not in ("relcl", "acl", "prep", "punct")
                          and not any(a.dep_ in ("relcl", "acl", "prep") and a.i != of[0].i
                                      for a in t.ancestors if a.i in {x.i for x in of[0].subtree}))
                owner = doc[start:end + 1].text      # the head word stays last: "the opposition's leading members"
                named = [m for t in (of[0], *(a for a in of[0].children if a.dep_ == "appos"))
                         if (m := self.mention_at(si, t.i)) is not None and m.kind == "name"]
                if named:       # "members of the Venezuelan gang Tren de Aragua", "of the militant group, Hezbollah"
                    owner = named[0].entity.label
                label = f"{owner}' {label}" if owner.endswith("s") and not owner.endswith("ss") else f"{owner}'s {label}"
        generic = self.res.frames.get("participants", {}).get("generic", ())
        if not owned and tok.lower_ in generic:
            for c in tok.children:      # "Trump's statements", "the EU's proposals": whose, or they say nothing
                if c.dep_ == "poss" and (mc := self.mention_at(si, c.i)) is not None \
                        and (mc.kind == "name" or c.pos_ != "PRON"):     # "the US president's statements"
                    label, owned = f"{mc.entity.label}'s {label}", True
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i
                  for p in c.children if p.dep_ == "pobj"]
            if not owned and of and (whose := self.resolve_all(si, of[0], allow_noun=False)) \
                    and whose[0].type in ("Person", "Country", "Organization"):
                label, owned = f"{whose[0].label}'s {label}", True   # "the statements of the US president"
        for c in tok.children:
            if not owned and c.dep_ == "poss" and c.pos_ == "PROPN" and self.mention_at(si, c.i) is None:
                start = c.left_edge.i + (doc[c.left_edge.i].dep_ == "det")
                label, owned = f"{doc[start:c.i + 1].text}'s {label}", True   # "the Attorney General's office"
        head = tok.lower_
        if type_ is not None:
            return self.registry.from_name(label, type_)
        typed = next((t for t in ("Location", "MilitaryForce", "Organization")
                      if head in self.res.lexicon.get("types", {}).get(t, [])), None)
        if typed and any(t.pos_ == "PROPN" for t in words) and not owned:
            # "Kivu province", "3rd Assault Brigade" (not a tagger's PROPN in "Russia's defence ministry")
            return self.registry.from_name(words.text, typed, weight=3)
        type_ = "MilitaryForce" if head in ("militias", *self.res.lexicon.get("types", {}).get("MilitaryForce", [])) else \
            "Group" if head in self.people else \
            "Organization" if head in self.res.word_set("reference", "group_heads") else "Thing"
        if type_ == "Thing" and label.lower() == tok.lower_ and (earlier := self._same_head_before(si, tok)):
            return earlier      # "Moscow built up a shadow fleet operation ... accused the operation": that one
        e = self.registry.from_name(label, type_)
        if type_ == "Thing" and " " in label:
            self.described.append((si, tok.i, tok.lower_, e))
        return e

    def _same_head_before(self, si: int, tok) -> Entity | None:
        """The thing a bare definite noun ('the operation', 'the ship') named with more words shortly before."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) \
                or any(c.dep_ not in ("det", "punct") for c in tok.lefts):
            return None
        for s in range(si, max(-1, si - 4), -1):
            # "the commercial ship Galaxy Leader ... The ship, hijacked in 2023": the name it was given
            for t in reversed(self.sentences[s].doc[:tok.i if s == si else None]):
                if t.lower_ != tok.lower_ or t.pos_ != "NOUN":
                    continue
                names = [a for a in t.children if a.dep_ == "appos" and a.pos_ == "PROPN"] + (
                    [t.head] if t.dep_ == "compound" and t.head.pos_ == "PROPN" else [])
                named = [e for a in names for e in self.resolve_all(s, a, allow_noun=False)]
                if named and named[0].type not in ("Person", "Country", "Location"):
                    return named[0]
        for s, i, head, e in reversed(self.described):
            if si - s > 3:
                return None
            if head == tok.lower_ and (s, i) < (si, tok.i):
                return e
        return None
