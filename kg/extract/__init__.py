"""Extraction: article text -> entities and statements (pure, no I/O but the data files).

``extract(article)`` runs the rules on one article; ``extract_many`` streams
many through one spaCy ``pipe`` for speed. Stages inside: sentences with
offsets -> mentions (``entities``) -> drafts from the parse (``events``) ->
claimant, status, time (``attribution``, ``timex``) -> ``Statement`` records.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .. import config
from ..articles import dateline_end
from ..model import DOUBT_RANK, Article, Entity, Extraction, Span, Statement
from .attribution import (
    attribution_for,
    claim_scope,
    cue_token,
    figurative,
    missed,
    is_hypothetical,
    governor_negated,
    modality,
    possible,
    requester,
    unwanted_quality,
    quote_speaker,
    _speaker,
    same_clause,
    sentence_cues,
)
from .context import ArticleContext, Sentence, accompanying, text_of
from .entities import EntityRegistry, find_mentions
from .events import find_drafts
from .frames import document_frames
from .roles import _VIOLENT, _phrase_lemma
from .nlp import load_pipeline
from .resources import data_digest, load_resources
from .timex import find_times
from .truecase import names_in_prose, read_as, truecase

__all__ = ["extract", "extract_many", "extractor_id"]

log = logging.getLogger("kg.extract")


def extractor_id() -> str:
    """Name and version of the rules, their data and the pipeline, recorded as provenance.

    The digests of the rules' code and of the data files are part of it, so
    editing a rule, the gazetteer or a lexicon makes the next build re-extract
    instead of keeping stale facts.
    """
    _, pipeline = load_pipeline()
    return f"{config.EXTRACTOR_NAME}-v{config.EXTRACTOR_VERSION}.{_rules_digest()}-{data_digest()}+{pipeline}"


@lru_cache(maxsize=1)
def _rules_digest() -> str:
    """Eight hex digits that change whenever a rule module in kg/extract changes."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


def _paragraphs(article: Article) -> list[tuple[int, str]]:
    """Body lines worth reading, with their offsets; bylines and boilerplate left out."""
    res = load_resources()
    prefixes = tuple(res.words("boilerplate", "prefixes"))
    contains = [c.lower() for c in res.words("boilerplate", "contains")]
    bylines = tuple(res.words("boilerplate", "byline_prefixes"))
    furniture = res.words("boilerplate", "strip_prefixes")
    openers = frozenset(res.words("boilerplate", "sentence_openers"))
    words = res.words("boilerplate", "inline_furniture")
    # furniture words, and a related article's title in brackets ("[Venezuela is borrowing money at any cost]")
    parts = ([r"(?<!\S)(?:" + "|".join(map(re.escape, words)) + r")(?!\S)"] if words else []) \
        + [r"(?:^|(?<=[.!?\]\"”] ))\[[A-Z][^\[\]]{15,200}\](?=\s|$)"]   # standing alone, not "they [X] said"
    inline = re.compile("|".join(parts))
    out, pos = [], article.body_start
    head_start = article.text.find(article.headline) if article.headline else -1
    if head_start >= 0 and len(article.headline.split()) >= 4 and head_start < article.body_start:
        skip = dateline_end(article.headline)         # headlines state the main event: read them too
        out.append((head_start + skip, article.headline[skip:]))
    body_lines = 0
    for line in article.text[article.body_start:].split("\n"):
        start, text = pos, line
        pos += len(line) + 1
        stripped = text.strip()
        if len(stripped.split()) < 4 or stripped.startswith(prefixes) \
                or any(c in stripped.lower() for c in contains) \
                or stripped.startswith(bylines) and len(stripped.split()) <= 12 and not stripped.endswith((".", '"')):
            continue
        lead = len(text) - len(text.lstrip())
        for pattern in furniture:
            if (m := re.match(pattern, stripped, re.IGNORECASE)) and m.end() < len(stripped):
                lead, stripped = lead + m.end(), stripped[m.end():]     # "image copyright AFP image caption "
                if (end := caption_end(stripped)) is not None:
                    out.extend(_chunks(start + lead, stripped[:end].rstrip()))   # the caption, a text of its own
                    lead, stripped = lead + end, stripped[end:]
                break
        if (end := heading_end(stripped, openers)) is not None:
            out.extend(_chunks(start + lead, stripped[:end].rstrip()))     # a subheading run into its paragraph
            lead, stripped = lead + end, stripped[end:]
        body_lines += 1
        if body_lines <= 2 and (skip := dateline_end(stripped)):
            lead, stripped = lead + skip, stripped[skip:]     # "TAIPEI (Reuters) - ": no entity, no subject
        for at, piece in _cut_furniture(stripped, inline):
            for cut, part in _cut_run_in_headings(piece, openers):
                out.extend(_chunks(start + lead + at + cut, part))
    return out


def _cut_run_in_headings(text: str, openers: frozenset) -> list[tuple[int, str]]:
    """A subheading run into the middle of a paragraph ('... the root cause. Budennovsk and beyond
    In the 1990s, warlords ...'): the text before it, the heading, the text after, each on its own."""
    cuts = [0]
    for m in re.finditer(r"[.!?][\"”’']?\s+(?=[A-Z])", text):
        rest = text[m.end():]
        end = heading_end(rest, openers, longest=5)
        if end is not None and not rest[:end].rstrip().endswith((".", ",", ":", ";")):
            cuts += [m.end(), m.end() + end]
    cuts.append(len(text))
    return [(a, text[a:b].rstrip()) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _cut_furniture(text: str, inline: re.Pattern | None) -> list[tuple[int, str]]:
    """The pieces of a paragraph around page furniture inside it ("... security forces View
    Photos Thousands have been arrested"), each with its offset; the furniture left out."""
    if inline is None:
        return [(0, text)]
    pieces, at = [], 0
    for end in [*(m for m in inline.finditer(text)), None]:
        piece = text[at:end.start() if end is not None else len(text)]
        if piece.strip():
            pieces.append((at + len(piece) - len(piece.lstrip()), piece.strip()))
        if end is not None:
            at = end.end()
    return pieces


def caption_end(text: str) -> int | None:
    """Where a caption that runs into the body without a full stop ends: before the first
    capitalised word after a lowercase word that is no function word.

    "Villages cling to hillsides in Ruritania's interior The Avars form ..." -> before "The";
    "in Ruritania's" goes on: a name after a preposition is still the caption's.

    >>> t = "Troops were sent to repel raids by Freedonian militants in the 1990s When the war began"
    >>> t[caption_end(t):]
    'When the war began'
    """
    stops = _function_words()
    stop = re.search(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘])", text)      # a caption with its full stop ends there
    words = [w for w in re.finditer(r"\S+", text) if stop is None or w.start() < stop.end()]
    for a, b in zip(words[2:], words[3:]):
        w = a.group()
        if (w[0].islower() or w[0].isdigit()) and w[-1].isalnum() and w.lower() not in stops and b.group()[0].isupper():
            return b.start()
    return stop.end() if stop is not None else None


def heading_end(text: str, openers: frozenset, longest: int = 7) -> int | None:
    """Where a subheading that runs into its paragraph ends: before a word that opens
    sentences ("The", "In", "When") right after a word, within the first ``longest`` words.

    >>> t = "Beyond the border In the 1990s, raiders crossed it"
    >>> t[heading_end(t, frozenset({"In"})):]
    'In the 1990s, raiders crossed it'
    """
    words = list(re.finditer(r"\S+", text))[:longest + 1]
    for a, b in zip(words, words[1:]):
        if a.group()[-1].isalnum() and b.group() in openers:
            return b.start()
    return None


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    """Stop words (spaCy's English list) and the lexicon's function words: words a name can follow."""
    from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS) | frozenset(load_resources().words("truecase", "function_words"))


def _chunks(offset: int, text: str, size: int = 4_000) -> list[tuple[int, str]]:
    """A paragraph in pieces of at most about ``size`` characters, cut after a sentence end.

    spaCy refuses texts over a million characters and slows down far below
    that; news paragraphs are short, so only malformed input (one huge line)
    is ever cut.
    """
    out = []
    while len(text) > size:
        cut = max(text.rfind(". ", 0, size), text.rfind(" ", 0, size))
        cut = cut + 1 if cut > 0 else size
        out.append((offset, text[:cut].rstrip()))
        rest = text[cut:]
        offset += cut + len(rest) - len(rest.lstrip())
        text = rest.lstrip()
    if text:
        out.append((offset, text))
    return out


def extract(article: Article) -> Extraction:
    """Entities and statements of one article.

    >>> from kg.model import Article
    >>> text = "Ukraine war\\nRussia deployed 300 troops to Belarus, officials said."
    >>> ex = extract(Article("a.txt", text, "Ukraine war", 11))
    >>> [(s.predicate, s.subject.label, s.quantity.value) for s in ex.statements]
    [('deploys', 'Russia', 300.0)]
    """
    return next(extract_many([article]))


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """Ordinary English words (the lemmatizer's index, empty without one) and stop words; built
    once per process, not per article (a worker extracts one article at a time)."""
    nlp, _ = load_pipeline()
    res_words = load_resources().words
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            for base in lookups.get_table("lemma_index").values():
                words.update(base)
    return frozenset(words), frozenset(nlp.Defaults.stop_words) | frozenset(res_words("truecase", "function_words"))


def extract_many(articles: Iterable[Article]) -> Iterator[Extraction]:
    nlp, _ = load_pipeline()
    res = load_resources()
    vocab, stop = _vocabulary()
    for article in articles:
        paras = _paragraphs(article)
        sentences: list[Sentence] = []
        keep = names_in_prose(article.text[article.body_start:], stop)
        texts = [read_as(truecase(t, res, vocab, stop, keep), res) for _, t in paras]   # Title Case lines read
        # as sentences, paired spaced hyphens as dashes
        for (offset, _text), doc in zip(paras, nlp.pipe(texts, batch_size=64)):
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                sentences.append(Sentence(sent.as_doc(), offset + sent.start_char, len(sentences)))
        try:
            yield _extract_article(article, sentences, nlp)
        except Exception as e:  # noqa: BLE001 - one article the rules cannot read must not stop the batch
            log.warning("%s: nothing extracted, a rule failed: %r", article.name, e)
            yield Extraction(article, [], [])


def _extract_article(article: Article, sentences: list[Sentence], nlp) -> Extraction:
    res = load_resources()
    registry = EntityRegistry(res)
    mentions = [find_mentions(s.doc, s.index, s.offset, nlp, registry) for s in sentences]
    ctx = ArticleContext(res, registry, sentences, mentions, article.published, article.publisher)
    ctx.speaker_of = lambda si, tok: quote_speaker(ctx, si, tok)
    ctx.speaker_in = lambda si: _speaker(ctx, si)
    drafts = []
    for si in range(len(sentences)):
        try:
            drafts.extend(d for d in find_drafts(ctx, si) if not is_hypothetical(ctx, si, d.trigger))
        except Exception as e:  # noqa: BLE001 - one odd parse must not cost the whole article
            log.warning("%s: sentence at offset %d skipped, a rule failed: %r", article.name, sentences[si].offset, e)
    try:
        drafts = document_frames(ctx, drafts)
    except Exception as e:  # noqa: BLE001 - the sentence-level drafts stand without the article-level joins
        log.warning("%s: mentions not joined across sentences, a rule failed: %r", article.name, e)
    canonical = registry.finalise([m for ms in mentions for m in ms])

    def canon(e: Entity | None) -> Entity | None:
        return canonical.get(e, e) if e is not None else None

    statements: list[Statement] = []
    per_sentence: dict[int, list[int]] = {}
    triggers: list = []
    undated = set(res.words("events", "undated_predicates"))
    civilian = res.lexicon.get("events", {}).get("civilian_codes", {})
    object_codes = res.lexicon.get("events", {}).get("object_codes", {})
    generic_heads = set(res.frames.get("participants", {}).get("generic", ()))
    aims = set(res.frames.get("participants", {}).get("aims", ()))
    police = res.lexicon.get("events", {}).get("law_enforcement", {"nouns": [], "doers": []})
    near_miss = set(res.words("negation", "near_miss_adverbs"))
    contested = set(res.words("attribution", "contested_predicates")) | {"threatens", "sanctions", "blockades"}
    own_words = set(res.words("attribution", "own_word_predicates"))
    denials = set(res.words("attribution", "denied"))
    free_choice = set(res.words("negation", "free_choice_determiners"))
    for d in drafts:
        try:
            claimant, status, cue = attribution_for(ctx, d.si, d.trigger)
            mode = modality(ctx, d.trigger) if d.predicate not in ("holds_office",) else None
        except Exception as e:  # noqa: BLE001 - as above: skip the one statement, keep the article
            log.warning("%s: statement at offset %d skipped, a rule failed: %r", article.name,
                        sentences[d.si].offset, e)
            continue
        s = sentences[d.si]
        if text_of(s.doc).rstrip().rstrip('"”’\'').endswith("?"):
            continue       # "Why did you authorise the CIA to go into Venezuela?": asked, not stated
        if d.trigger.pos_ == "NOUN" and not d.negated \
                and any(c.dep_ == "det" and c.lower_ in free_choice for c in d.trigger.children):
            if _done_not(d.trigger, res):
                d.negated = True    # "has not carried out any attacks": none
            elif not any(c.dep_ == "neg" or c.lemma_.lower() in denials for a in d.trigger.ancestors
                         for c in (a, *a.children)):
                continue   # "will respond to any attack": whatever attack, none stated (but "denied any
                           # involvement", "do not want to reach any agreement" keep theirs)
        if mode == "imperative" or mode in _WANTED and unwanted_quality(ctx, d.trigger) \
                or figurative(ctx, d.trigger):
            continue
        if claimant is not None and claimant == d.subject and (cue or "").lower().startswith(_PERFORMATIVE):
            claimant, status, cue = None, "reported", None    # "the US has announced new sanctions": done, not claimed
        if d.predicate == "holds_office":
            claimant, status, cue = None, "reported", None     # a title is background, not what was said
        own = False
        if d.predicate in ("claims_count", "describes") and claimant is None:   # the subject's own assertion
            claimant, status, cue = d.subject, ("claimed" if status == "reported" else status), d.trigger.text
            own = True
            if claimant is not None and status == "claimed" and claimant.label.lower().split()[-1:] and \
                    claimant.label.lower().split()[-1] in res.words("attribution", "neutral_sources") \
                    + res.words("attribution", "evidence_nouns"):
                status = "reported"     # "UN experts described the raids as ...", "one report described ...":
                                        # no party's claim
        if claimant is None and d.subject is not None and d.predicate in own_words and not d.negated \
                and mode != "requested" \
                and d.subject.type in ("Person", "Country", "Organization", "MilitaryForce", "Group"):
            claimant, cue = d.subject, d.trigger.text   # "Qatar accused Israel of ...": Qatar's word, as it says
            # (not what they were urged to say: "urged members to oppose X" is the urger's word)
            own = True      # (each of "X and Y accused Z" in its own word)
        time = None if d.predicate in undated else _time_of(
            d.trigger, find_times(text_of(s.doc), article.published, future=_future(d.trigger, res)))
        if d.predicate != "holds_office" and mode not in ("refused", "prevented", "cancelled") \
                and possible(ctx, d.trigger):
            mode = "possible"      # "could be used to carry grenades": said to be possible, not done
        if mode is None and d.predicate != "holds_office" and _future(d.trigger, res):
            mode = "intended"      # "will be deployed next year", "are to be tested": announced, not done
            if _obliged(d.trigger, res):
                mode = "requested"  # "patients must be protected", "Lisk must withdraw": asked of someone
        if mode == "promised":     # "vowed to strike" threatens; "pledged to withdraw" intends
            mode = "threatened" if d.predicate in contested else "intended"
        if mode == "intended" and d.predicate in res.words("events", "tried_is_done") \
                and d.trigger.dep_ == "xcomp" and d.trigger.head.lemma_.lower() in ("try", "attempt", "seek"):
            mode = None            # "tried to blame the security forces": a try at saying is saying it
        if mode == "possible" and missed(ctx, d.trigger):
            mode, d.negated = None, True     # "missed opportunities to identify him": not identified
        if mode is None and not d.negated and d.trigger.pos_ == "VERB" and any(
                c.dep_ == "advmod" and c.lower_ in near_miss and c.i == d.trigger.i - 1 for c in d.trigger.children):
            mode = "prevented"      # "was nearly downed": averted, not done (and not "nearly half")
        negated = d.negated \
            or mode in (*_WANTED, "authorized") and governor_negated(ctx, d.trigger)   # "did not want a meeting"
        if claimant is None and mode in _WANTED:
            who, word = requester(ctx, d.si, d.trigger)     # "X expressed a desire for Y to supply": X's wish
            if who is not None and who != d.subject:
                claimant, status, cue = who, "claimed", word.text
                mode = "requested" if d.subject is not None else mode   # wanted of someone else, not their plan
        if negated and d.trigger.pos_ == "VERB" and any(c.dep_ in ("prep", "mark", "advmod") and c.lower_ in ("until", "till")
                                                        for c in d.trigger.children):
            negated = False     # "had not interviewed him until the next day": interviewed, later
        predicate = ("not_" + d.predicate) if negated else d.predicate
        predicate = f"{predicate}_{mode}" if mode else predicate
        start = s.offset + (len(text_of(s.doc)) - len(text_of(s.doc).lstrip()))
        quote = article.text[start:start + len(text_of(s.doc).strip())]    # verbatim, whatever case was parsed
        evidence = Span(start, start + len(quote), quote)
        for subject, o, quantity, location in _variants(d, canon):
            target = canon(d.target)
            if d.addressed and o is not None:
                target, o = o, None      # the appeal's addressee, not what it asks for
            both_known = all(e is not None and e.wikidata for e in (subject, o or target))
            st = Statement(
                predicate=predicate, evidence=evidence, subject=subject, object=o,
                location=location, target=target, recipient=canon(d.recipient),
                quantity=quantity, event_code=(f"CAMEO:{d.event.cameo}" if d.event and d.event.cameo and not negated and not mode else None),
                claimant=subject if own and subject is not None else canon(claimant), status=status,
                status_cue=cue, time=time,
                confidence=round(min(1.0, d.confidence + (0.1 if both_known else 0.0)), 2), role=d.role)
            if st.event_code == "CAMEO:072" and o is not None and st.predicate in civilian \
                    and not _military(res, o):
                st = replace(st, event_code=f"CAMEO:{civilian[st.predicate]}")   # oil exports are no military aid
            if st.predicate == "strikes" and d.trigger.lower_ in police["nouns"] and st.subject is not None \
                    and st.subject.label.lower().split()[-1] in police["doers"]:
                st = replace(st, predicate="raids", event_code=None)     # "police launched raids": a search
            if st.event_code and o is not None and (code := _object_code(object_codes.get(st.predicate, {}), o)) \
                    is not None:
                st = replace(st, event_code=f"CAMEO:{code}" if code else None)   # "seized hostages": 181
            if st.subject is not None and st.subject == st.object:
                continue
            if st.subject is not None and st.subject.type == "Thing" and st.subject.label.islower() \
                    and st.subject.label.split()[-1] in generic_heads and st.subject != st.claimant:
                st = replace(st, subject=None)   # "the potential offered by a share in X": no one offers it
            if (st.subject is None or st.event_code is None and _unnamed(st.subject)) \
                    and st.object is not None and _unnamed(st.object) \
                    and st.object.label.split()[-1] in generic_heads \
                    and not (st.location or st.target or st.recipient or st.quantity):
                continue    # "offers the fisheries potential", "an organ that recognized the need": nothing said
            if st.event_code is None and st.subject is not None and st.subject.label.islower() \
                    and st.subject.type in ("Thing", "Group") and st.object is None \
                    and not (st.location or st.target or st.recipient or st.quantity):
                continue    # "dull thuds echoed", "thousands streamed out": an open verb of no one named, alone
            if d.event is None and st.subject is None and st.object is None and st.quantity is None \
                    and st.location is None and st.target is None and any(c.dep_ == "dobj" for c in d.trigger.children):
                continue    # "..., giving Kyiv a chance": no doer, and a thing too vague to keep; a recipient alone
                            # says nothing (but "a call was made to the hotel" does)
            if mode in (*_WANTED, "possible") and st.event_code is None and _only_aim(st, aims):
                continue    # "will work to promote peace and stability in X": an aim, not an event
            if st.subject is not None and d.predicate in _VIOLENT and _no_agent(res, st.subject):
                st = replace(st, subject=None)   # "shattered by an explosion, killing 168", "the cafe which killed 13"
            per_sentence.setdefault(d.si, []).append(len(statements))
            statements.append(st)
            triggers.append(d.trigger)
    statements = _apply_cues(ctx, statements, per_sentence, triggers, mentions, canon, article.name)
    statements = _infer_recipients(statements)
    statements = _dedupe(statements)
    entities: dict[str, Entity] = {}
    for ms in mentions:
        for m in ms:
            if m.kind == "name":
                e = canon(m.entity)
                entities.setdefault(e.label + e.type, e)
    for st in statements:
        for e in (st.subject, st.object, st.location, st.target, st.recipient, st.claimant, st.status_by):
            if e is not None:
                entities.setdefault(e.label + e.type, e)
    return Extraction(article, list(entities.values()), statements)


_PERFORMATIVE = ("announc", "declar", "unveil", "impos", "order")
_WANTED = ("intended", "requested")     # modalities of an event someone means or asks to be done


def _object_code(codes: dict, o: Entity) -> str | None:
    """The code the lexicon's ``events.object_codes`` gives an event done to ``o`` ('' for none), or None."""
    low = o.label.lower()
    for code, words in codes.items():
        if o.type in words or low in words or low.split()[-1:] and low.split()[-1] in words:
            return code
    return None


def _military(res, e: Entity) -> bool:
    """A weapon, a force or military equipment, by type or by the head word of its label."""
    if e.type in ("WeaponSystem", "MilitaryForce"):
        return True
    words = set(res.words("nouns", "weapon")) | set(res.words("nouns", "people")) \
        | set(res.lexicon.get("types", {}).get("MilitaryForce", []))
    return any(w in words or w.rstrip("s") in words for w in e.label.lower().split())   # "radar units"


def _no_agent(res, e: Entity) -> bool:
    """A thing that cannot be who attacked or killed: an event ('explosion') or a place ('cafe')."""
    if e.type == "Location":
        return True
    head = e.label.lower().split()[-1] if e.label else ""
    return e.type == "Thing" and (head in set(res.frames.get("nouns", {}).get("events", ()))
                                  or head in set(res.frames.get("nouns", {}).get("places", ()))
                                  or head.rstrip("s") in res.noun_events)


def _unnamed(e: Entity | None) -> bool:
    """No one named: absent, or a plain lower-case noun phrase ('the organ', 'officials')."""
    return e is None or e.type == "Thing" and e.label.islower()


def _only_aim(st: Statement, aims: set) -> bool:
    """The statement's one participant is a value or aim ("peace", "a new era"), its subject
    unnamed: what someone hopes for, said in rhetoric, not an event with a party."""
    o = st.object
    return o is not None and _unnamed(o) and o.label.split()[-1] in aims and _unnamed(st.subject) \
        and st.target is None and st.recipient is None and st.quantity is None


def _time_of(trigger, times: list[tuple[int, int, str]]) -> str | None:
    """The time written in the trigger's own clause; else the sentence's only time, unless the
    trigger sits in a clause of its own ('a day after X approved', 'who faces an election next year')."""
    inner = {t.idx for c in trigger.subtree if c.i != trigger.i and (
        c.dep_ in ("relcl", "acl", "advcl") and (_subordinate(c) or _reduced_relative(c))
        or _own_clause(c)) for t in c.subtree}
    doc = trigger.doc
    # a relative clause elsewhere in the sentence dates its own verb ("footage released on Tuesday showed
    # men boarding the ship": not when they boarded)
    elsewhere = {t.idx for c in doc if c.dep_ in ("relcl", "acl") and (_subordinate(c) or _reduced_relative(c))
                 and trigger not in c.subtree for t in c.subtree}
    anchor = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "nsubj") \
        and trigger.head.pos_ == "VERB" else trigger     # "launched strikes on Kharkiv on 2 March": the verb's
    times = [t for t in times if not _bound_only(doc, t[0]) and _free_for(doc, t[0], (trigger, anchor))]
    clause = ({t.idx for t in trigger.subtree} - inner) | {trigger.head.idx}
    time = next((iso for a, b, iso in times if any(a <= i < b for i in clause)), None)
    own_date = any(t.ent_type_ == "DATE" and t.idx in clause for t in doc)     # "on April 17", unresolved
    later = any(c.dep_ == "advmod" and c.lower_ in ("later", "afterwards", "afterward", "subsequently", "eventually")
                for c in anchor.children)     # "entered in 2010 and was later granted asylum": not in 2010
    if time is None and len(times) == 1 and _on_spine(anchor) and not own_date and not _before_then(anchor) \
            and not later and not any(times[0][0] <= i < times[0][1] for i in inner | elsewhere):
        time = times[0][2]     # the sentence's one time, unless it is a relative clause's own
    return time


def _own_clause(tok) -> bool:
    """A clause joined to the trigger's with a subject or a finite verb of its own ('blocked the entry of
    food for 70 days ... and renewed its bombardment in mid-March'), or one hung on a preposition with a
    subject or a gerund with an object ('a response to the US bombing its sites on Saturday'; not the means,
    'by shelling the town'): its times are its own."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        return tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    return tok.dep_ == "pcomp" and (any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBG" and tok.head.lower_ != "by" and any(c.dep_ == "dobj" for c in tok.children)))


def _reduced_relative(tok) -> bool:
    """'a package approved by the EU on Wednesday': a participle after its noun is a relative clause."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and tok.head.pos_ in ("NOUN", "PROPN") \
        and tok.i > tok.head.i


def _free_for(doc, start: int, owners) -> bool:
    """Whether the time at ``start`` may date an event of ``owners``: not a noun's own ("last month's
    attack" dates the attack, not its denial), not another verb's deadline ("and should be ready by 2030")."""
    tok = next((t for t in doc if t.idx >= start), None)
    if tok is None:
        return True
    if tok.lower_ == "by" and tok.dep_ == "prep":
        return tok.head in owners      # the time phrase took its preposition: "by 2030"
    if tok.i > 1 and doc[tok.i - 1].text == "," and doc[tok.i - 2].tag_ == "VBN" and doc[tok.i - 2].dep_ == "acl":
        return doc[tok.i - 2] in owners    # a caption's "photo released, May 27, 2017": when it was released
    head = tok
    for _ in range(4):       # up to the time phrase's own head: "month" of "last month's"
        if head.dep_ == "poss" or head.dep_ in ("nmod", "compound", "amod") and head.head.pos_ == "NOUN" \
                and head.head.ent_type_ not in ("DATE", "TIME"):
            return head.head in owners     # (and "the May 3, 2011, attack": the attack's date)
        if head.dep_ == "pobj" and head.head.lower_ == "by":
            return head.head.head in owners
        if head.head.i == head.i or head.head.ent_type_ != "DATE" and head.head.dep_ != "pobj":
            break
        head = head.head
    return True


def _before_then(verb) -> bool:
    """'said on Wednesday that the US had approved': the past perfect puts the event before the
    sentence's time, so that time is not the event's."""
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ccomp", "conj") and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


_BOUNDS = frozenset({"since", "until", "till", "after", "before", "from", "through"})


def _bound_only(doc, start: int) -> bool:
    """'since 2017', 'three days after April 15': a time the event is measured from, not its own ('by 2027' is its deadline)."""
    tok = next((t for t in doc if t.idx >= start), None)
    if tok is None:
        return False
    if tok.lower_ in _BOUNDS:
        return True         # the time expression took its preposition: "since 2017"
    if tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    return prev.lower_ in _BOUNDS or prev.lower_ in ("the", "of") and tok.i > 1 and doc[tok.i - 2].lower_ in _BOUNDS


def _on_spine(trigger) -> bool:
    """A verb on the sentence's spine (root, its conjuncts, complements), whose time the sentence's one time is;
    not a noun in a phrase nor a verb in a relative or adverbial clause ('granted asylum due to clashes',
    'insurgents who continue to ambush')."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    t = trigger
    for _ in range(12):
        if t.head.i == t.i:
            return True
        if t.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        t = t.head
    return False


def _done_not(noun, res) -> bool:
    """'has not carried out any attacks', 'launched no strikes': the light verb that would do the event
    is negated."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return False
    light = set(res.words("events", "light_verbs"))
    return (_phrase_lemma(verb) in light or verb.lemma_.lower() in light) and any(c.dep_ == "neg" for c in verb.children)


def _obliged(trigger, res) -> bool:
    """'must be protected', 'Freedonia must withdraw': an obligation ([negation].obligation_modals)
    laid on someone other than the speaker ("we must act" is an intention), not an inference
    ("must have known")."""
    modals = set(res.words("negation", "obligation_modals"))
    a = trigger
    for _ in range(3):
        aux = [c for c in a.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in modals for c in aux):
            return not any(c.lower_ == "have" for c in aux) and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in a.children)
        if a.dep_ != "conj" or a.head.i == a.i:
            return False
        a = a.head
    return False


def _future(trigger, res) -> bool:
    """'will vote', 'is expected to vote', 'is due to deliver', 'are to be tested', 'UK to announce', 'ahead
    of the visit': the event is still to come."""
    if trigger.lemma_.lower() in res.words("events", "arrival_words"):
        return True             # "is expected in Moscow": the visit is to come
    a = trigger
    for _ in range(4):
        if a.pos_ == "NOUN" and a.dep_ == "pobj" and a.head.lower_ in ("of", "to") \
                and a.head.head.lower_ in res.word_set("control", "upcoming_before"):
            return True         # "ahead of Trump's visit", "on the eve of a parade"
        if _to_come(a):
            return True         # a headline's "UK to announce fresh sanctions" (and so the sanctions)
        if a.pos_ == "NOUN" and a.dep_ in ("dobj", "nsubjpass") and a.head.pos_ == "VERB":
            a = a.head          # "will hold talks next week": the talks are to come
            continue
        if a.pos_ == "NOUN" and a.dep_ == "pobj" and a.head.dep_ == "prep" and a.head.head.pos_ == "VERB":
            a = a.head.head     # "are to be taken for test flights": so are the flights
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "should", "must") for c in a.children):
            return True         # (what should or must happen is not yet done: "should reach it by 2030")
        if a.dep_ == "conj" and a.head.i != a.i and not any(c.dep_ in ("nsubj", "nsubjpass", "aux")
                                                            for c in a.children):
            a = a.head          # "will meet X and sign a deal": the deal too
            continue
        if a.dep_ == "advcl" and a.tag_ == "VBG" and a.head.i < a.i and a.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in a.children) or accompanying(a, res):
            a = a.head          # "will create a fleet ..., strengthening the flank": the result is to come too
            continue            # (and "will end X while strengthening Y")
        if a.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in a.children):
            return True        # "said it would buy 30 more": the future of the past
        if a.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) \
                and a.left_edge.i > 0 and a.doc[a.left_edge.i - 1].text == ",":
            return True        # "the brigade, to consist of 900 troops, ...": what it is to become
        if a.dep_ != "xcomp" or a.head.i == a.i:
            return False
        if a.head.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children):
            return True        # "be to": "the drones are to be tested on a base"
        a = a.head
        if a.lemma_.lower() in res.words("attribution", "future_verbs"):
            return True
    return False


def _to_come(verb) -> bool:
    """A subject and an infinitive with no finite verb ("UK to announce fresh sanctions"): an act to come."""
    return verb.pos_ == "VERB" and verb.dep_ == "ROOT" and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "dep" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN")
                for c in verb.children)     # (the parse's "[UK] to announce": a dep)


def _subordinate(tok) -> bool:
    """A relative clause, or a clause opened by 'after', 'before', 'since', 'until', 'when', 'as'."""
    return tok.dep_ == "relcl" or (tok.dep_ in ("advcl", "acl") and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until", "when", "while", "as", "once")
        for c in tok.children))


def _counts(q, o) -> bool:
    """The quantity counts this object: its unit shares a word with the object's label."""
    return bool(q and q.unit and o is not None and set(q.unit.lower().split()) & set(o.label.lower().split()))


def _variants(d, canon):
    """One statement per subject and object ('Airbus and Safran'), per paired count
    ('900 troops and 60 medics') and per further place ('in Goma and in Bukavu')."""
    subjects = [canon(x) for x in [d.subject, *d.extra_subjects]]
    objects = [canon(x) for x in [d.object, *d.extra]]
    if objects == [None] and len(subjects) > 1 and all(subjects) and len(set(subjects)) == len(subjects) \
            and d.predicate in load_resources().words("events", "sides_predicates"):
        subjects, objects = subjects[:1], subjects[1:]      # "X and Y agreed a ceasefire": X with Y
    quantities = [d.quantity, *d.extra_quantities]
    place = canon(d.location)
    if len(quantities) > 1 and len(quantities) == len(objects):
        yield from ((s, o, q, place) for s in subjects for o, q in zip(objects, quantities))
    elif len(quantities) > 1 and len(objects) > 1:
        # more counts than objects: each object takes the count of its own noun, if one has it
        for o in objects:
            own = next((q for q in quantities if _counts(q, o)), None)
            yield from ((s, o, own, place) for s in subjects)
    else:
        q = d.quantity
        own = [o for o in objects if _counts(q, o)]
        if q is not None and len(subjects) > 1 and all(subjects) and len(objects) == 1 \
                and d.predicate not in load_resources().words("events", "reciprocal_predicates"):
            # "the two firms export 3.1m barrels": the set's figure, on the set, not on each member
            members = list(dict.fromkeys(x.label for x in subjects))     # in the order the text gives
            yield Entity(" and ".join(members), "Group"), objects[0], q, place
            q = None
        if q is not None and not own and len(objects) > 1:
            q = None    # "three areas were hit: A, B and C": the set's figure
        # "a police officer and three gunmen were killed": the count is the gunmen's alone
        yield from ((s, o, q if not own or o in own else None, place) for s in subjects for o in objects)
        # "six women and three men injured": a further count goes to the object it counts; victims
        # counted of no object named here are not the first object's
        casualty = d.predicate in load_resources().words("events", "casualty_predicates")
        for q in d.extra_quantities:
            o = next((o for o in objects if _counts(q, o)), None if casualty else objects[0])
            if o is not None or not casualty:
                yield subjects[0], o, q, place
    yield from ((subjects[0], objects[0], d.quantity, canon(x)) for x in d.extra_locations)


def _doubt(st: Statement, status: str, cue: str, by: Entity | None = None) -> Statement:
    if status in ("denied", "disputed") and by is not None and by == st.claimant:
        return st       # "Vostok pushed back against the idea, ... its desire for X": no one denies their own claim
    if DOUBT_RANK[status] > DOUBT_RANK[st.status]:
        return replace(st, status=status, status_cue=cue, status_by=by if by != st.claimant else None)
    return st


def _doubter(ctx, si: int, cue_tok, canon) -> Entity | None:
    """Who the cue says doubts or denies: the subject of the cue's verb ('experts have called into question')."""
    from .roles import _subject_of
    if cue_tok is None:
        return None
    v = cue_tok
    for _ in range(6):
        # the first verb up the tree with a subject: "a claim that Israel's military said was false"
        if v.pos_ in ("VERB", "AUX"):
            subj, _ = _subject_of(ctx, si, v)
            if subj:
                return canon(subj[0])
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def _apply_cues(ctx, statements, per_sentence, triggers, mentions, canon, name="") -> list[Statement]:
    """Doubt and denial cues ('could not verify', 'denied') lower the status of the statements they cover."""
    out = list(statements)
    for si in range(len(ctx.sentences)):
        try:
            _apply_cue(ctx, si, out, per_sentence, triggers, mentions, canon)
        except Exception as e:  # noqa: BLE001 - the statements keep their status, the article stays
            log.warning("%s: cue at offset %d not applied, a rule failed: %r", name, ctx.sentences[si].offset, e)
    return out


def _apply_cue(ctx, si, out, per_sentence, triggers, mentions, canon) -> None:
    exempt = tuple(ctx.res.words("status_cues", "exempt_predicates"))
    count_nouns = set(ctx.res.words("status_cues", "count_nouns"))
    status, cue, back = sentence_cues(ctx, si)
    if not status:
        return
    cue_tok = cue_token(ctx, si, cue)
    by = _doubter(ctx, si, cue_tok, canon)
    scope = claim_scope(cue_tok)
    for k in per_sentence.get(si, []):
        if out[k].predicate.endswith(exempt) or scope is not None and triggers[k].i not in scope \
                or cue_tok is not None and triggers[k].i == cue_tok.i:
            continue        # the doubting act itself ("pushed back against reporting that ...") happened
        if cue_tok is None or same_clause(cue_tok, triggers[k]):
            out[k] = _doubt(out[k], status, cue, by)
    if back:
        for k in per_sentence.get(si - 1, []):
            out[k] = _doubt(out[k], status, cue, by)
    low = text_of(ctx.sentences[si].doc).lower()
    if not per_sentence.get(si) and any(r in low for r in ctx.res.words("status_cues", "definite_refs")):
        # "The BBC has not verified the figure.": the claims and counts just before
        for k in per_sentence.get(si - 1, []):
            if out[k].claimant is not None or out[k].quantity is not None:
                out[k] = _doubt(out[k], status, cue, by)
    # "could not verify the number of X cited by Y": Y's counts about X, anywhere before
    doc = ctx.sentences[si].doc
    if not any(t.lower_ in count_nouns for t in doc):
        return
    named = {canon(m.entity) for m in mentions[si] if m.kind == "name"}
    counted = _counted_in_cue(doc, count_nouns)
    for k, st in enumerate(out):
        if st.quantity is None or k in per_sentence.get(si, []):
            continue
        by_name = st.claimant in named and \
            any(e in named for e in (st.subject, st.object) if e is not None and e != st.claimant)
        by_noun = bool(counted) and st.claimant is not None and bool(counted & _heads(st))
        if by_name or by_noun:
            out[k] = _doubt(out[k], status, cue, by)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _counted_in_cue(doc, count_nouns: set[str]) -> set[str]:
    """Nouns a doubt cue counts: 'the number of drones cited by ...' -> {'drone'}."""
    out = set()
    for t in doc:
        if t.lower_ in count_nouns:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out |= {_singular(p.lower_) for p in c.children if p.dep_ == "pobj"}
    return out


def _heads(st: Statement) -> set[str]:
    words = set()
    for text in (st.quantity.unit if st.quantity else None, st.object.label if st.object else None):
        if text:
            words |= {_singular(w) for w in text.lower().split()}
    return words


def _infer_recipients(statements: list[Statement]) -> list[Statement]:
    """A supplier of a weapon the article says X has, supplied X (marked less confident)."""
    owners = {}
    for st in statements:
        if st.predicate == "possesses" and st.object is not None:
            owners.setdefault(st.object, st.subject)
    out = []
    for st in statements:
        if st.predicate in ("supplies", "exports", "sells") and st.recipient is None and st.object in owners \
                and owners[st.object] not in (None, st.subject):
            st = replace(st, recipient=owners[st.object], confidence=round(st.confidence - 0.2, 2))
        out.append(st)
    return out


_ROLES = ("subject", "object", "location", "target", "recipient", "quantity", "claimant")


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """Each statement once; and none that another of the same sentence and predicate says
    with more ("the blast left 30 people wounded": one injury with its cause and count, not
    a second one with neither)."""
    seen, out = set(), []
    for st in statements:
        key = (st.predicate, st.subject, st.object, st.location, st.target, st.recipient,
               st.quantity.value if st.quantity else None, st.evidence.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(st)

    def covers(big: Statement, small: Statement) -> bool:
        return big is not small and big.predicate == small.predicate and big.evidence.start == small.evidence.start \
            and big.status == small.status and all(getattr(small, r) is None or getattr(small, r) == getattr(big, r)
                                                  for r in _ROLES) \
            and sum(getattr(big, r) is not None for r in _ROLES) > sum(getattr(small, r) is not None for r in _ROLES)
    by_sentence: dict[tuple, list[Statement]] = {}
    for st in out:
        by_sentence.setdefault((st.predicate, st.evidence.start), []).append(st)
    return [st for st in out if not any(covers(o, st) for o in by_sentence[(st.predicate, st.evidence.start)])]
