"""Who asserts a statement, and how sure the text is of it.

Claimant: the subject of a reporting verb the event hangs under ("Erdogan
said ...", "... , Erdogan claimed"), or the object of "according to".
Status: from the reporting verb (claim -> claimed, deny -> denied), hedges
("allegedly"), and the text's own cues in the sentence ("could not
independently verify" -> unverified, "experts have called into question" ->
disputed), which may also reach back to the statements they talk about.
"""
from __future__ import annotations

from ..model import DOUBT_RANK, Entity
from .context import ArticleContext, accompanying, text_of
from .resources import load_resources

__all__ = ["quote_speaker", "attribution_for", "sentence_cues", "is_hypothetical", "same_clause", "cue_token",
           "claim_scope", "modality"]


def _words(key: str) -> frozenset[str]:
    """A word list of the lexicon's [attribution] table."""
    return load_resources().word_set("attribution", key)


_OPEN_QUOTES = {'"', "“", "‘", "'"}


def quote_speaker(ctx: ArticleContext, si: int, tok) -> Entity | None:
    """Who says the quote a first-person word stands in: this sentence's, or a neighbour's, speaker."""
    doc = ctx.sentences[si].doc
    before = text_of(doc)[:tok.idx]
    if before.count('"') % 2 == 0 and before.count("“") <= before.count("”"):
        return None      # not inside quotation marks
    return _speaker(ctx, si) or _speaker(ctx, si - 1) or _speaker(ctx, si + 1)


def _inside_quotes(doc, tok) -> bool:
    from .context import quoted
    return quoted(doc, tok.idx)


def _closing_first(text: str) -> bool | None:
    """Whether the first quotation mark of a text closes a quote (None: it has none)."""
    for k, ch in enumerate(text):
        if ch == "”":
            return True
        if ch == "“":
            return False
        if ch == '"':
            after = text[k + 1:k + 2]
            return k > 0 and text[k - 1] in ".,!?;:" and (not after or after.isspace())
    return None


def _opening_last(text: str) -> bool:
    """Whether a text leaves a quote open: its last quotation mark opens one."""
    for k in range(len(text) - 1, -1, -1):
        ch = text[k]
        if ch == "“":
            return True
        if ch == "”":
            return False
        if ch == '"':
            return text.count('"') % 2 == 1 and not (k > 0 and text[k - 1] in ".,!?;:")
    return False


def _long_quote_opener(ctx: ArticleContext, si: int, reach: int = 8) -> int | None:
    """The sentence that opened a quote running over paragraphs with no marks of their own (the
    sentences between an unclosed opening and a closing mark further on), or None."""
    ahead = next((k for k in range(si + 1, min(len(ctx.sentences), si + reach))
                  if any(ch in text_of(ctx.sentences[k].doc) for ch in '"“”')), None)
    if ahead is None or not _closing_first(text_of(ctx.sentences[ahead].doc)):
        return None
    return _quote_opened_before(ctx, si, reach)


def _quote_opened_before(ctx: ArticleContext, si: int, reach: int = 8) -> int | None:
    """The nearest sentence before ``si`` with quotation marks, if it leaves a quote open."""
    back = next((k for k in range(si - 1, max(-1, si - reach), -1)
                 if any(ch in text_of(ctx.sentences[k].doc) for ch in '"“”')), None)
    return back if back is not None and _opening_last(text_of(ctx.sentences[back].doc)) else None


def _speaker(ctx: ArticleContext, si: int) -> Entity | None:
    """The subject of a reporting verb in sentence ``si`` that quotes someone."""
    if not 0 <= si < len(ctx.sentences):
        return None
    doc = ctx.sentences[si].doc
    if not any(ch in text_of(doc) for ch in ('"', "“", "”")):
        return None
    from .roles import _subject_of
    for t in doc:
        if t.pos_ == "VERB" and _reporting_status(ctx, t.lemma_.lower()):
            subj = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ not in ("i", "we", "me")]
            found = [e for c in subj for e in ctx.resolve_all(si, c)]
            if not subj and t.tag_ == "VBG":       # "X responded, stating, '...'": X
                found = _subject_of(ctx, si, t)[0]
            if not found and subj and subj[0].lemma_.lower() in ctx.res.words("attribution", "document_nouns"):
                # "A statement after the meeting said ...": its author, else the statement itself
                found = [document_author(ctx, si, subj[0]) or ctx.noun_entity(si, subj[0])]
            if found:
                return found[0]
    return None


def _reporting_status(ctx: ArticleContext, lemma: str) -> str | None:
    att = ctx.res.lexicon["attribution"]
    for status in ("denied", "disputed", "confirmed", "claimed"):
        if lemma in att.get(status, []):
            return status
    return None


def _is_party(ctx: ArticleContext, e: Entity) -> bool:
    """A state, or a body named by its state ('Pakistani military', 'Russian defence ministry')."""
    if e.type == "Country":
        return True
    first = e.label.split()[0] if e.label else ""
    return e.type in ("Organization", "MilitaryForce", "Group") and first[:1].upper() + first[1:] in ctx.res.demonym


def _contested(ctx: ArticleContext, tok) -> bool:
    from .roles import _event_for
    ev = _event_for(ctx, tok)
    return ev is not None and ev.predicate in set(ctx.res.words("attribution", "contested_predicates"))


def _main_line(tok) -> bool:
    """Not inside a reported, adverbial or subject clause of its own: a parenthetical 'critics say'
    reaches it (relative clauses too: 'leaders, critics say, are loyalists who would ...')."""
    a = tok
    for _ in range(12):
        if a.head.i == a.i:
            return True
        if a.dep_ in ("ccomp", "csubj", "parataxis") or a.dep_ == "advcl" and any(c.dep_ == "mark" for c in a.children):
            return False        # (a purpose, "doing all it can to resolve X", is on the main line)
        a = a.head
    return False


def _clause_root(tok):
    """The top of the clause chain a token is in (through conjunctions and objects)."""
    a = tok
    for _ in range(12):
        if a.head.i == a.i or a.dep_ in ("ccomp", "relcl", "advcl", "acl", "parataxis"):
            break
        a = a.head
    return a


def _said_of(ctx: ArticleContext, si: int, verb, status: str) -> tuple[Entity | None, str, str]:
    """A passive of saying or believing ('is believed to', 'a man believed to be'): its by-agent's
    claim, or unverified when no one is named."""
    by = ctx.by_agent(si, verb)
    return (by[0], status, verb.text) if by else (None, "unverified", verb.text)


def attribution_for(ctx: ArticleContext, si: int, tok) -> tuple[Entity | None, str, str | None]:
    """``(claimant, status, cue)`` for the statement triggered at ``tok``; an event is no claimant
    ("targets it says are linked to X", the "it" read as the strike before: whoever said it, unnamed)."""
    claimant, status, cue = _attribution(ctx, si, tok)
    if claimant is not None and claimant.type == "Thing" and _names_event(ctx, claimant):
        claimant = None
    if claimant is None and status == "reported" and (described := _described_as(ctx, si, tok)) is not None:
        claimant, status, cue = described[0], "claimed", described[1].text
    return claimant, status, cue


def _described_as(ctx: ArticleContext, si: int, tok):
    """'The US described him as a leader who commanded special forces': what the description says of him
    is the describer's word ([events].describing_verbs). ``(describer, verb)`` or None."""
    if tok.dep_ != "relcl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = tok.head
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head if noun.dep_ == "oprd" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.res.words("events", "describing_verbs"):
        return None
    from .roles import _subject_of
    who = _subject_of(ctx, si, verb)[0]
    return (who[0], verb) if who else None


def _names_event(ctx: ArticleContext, e: Entity) -> bool:
    """Whether the label's head is a noun of a violent event ("strike", "the attacks"): a deed
    says nothing (an investigation or a report does)."""
    from .roles import _VIOLENT
    head = e.label.lower().split()[-1:] or [""]
    found = [ctx.res.noun_events.get(w) for w in (head[0], head[0][:-1] if head[0].endswith("s") else head[0])]
    return any(ev is not None and ev.predicate in _VIOLENT for ev in found)


def _attribution(ctx: ArticleContext, si: int, tok) -> tuple[Entity | None, str, str | None]:
    a, status, claimant, cue = tok, "reported", None, None
    prev_dep = None
    h = tok.head
    if (tok.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" for c in h.children)
            or tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in h.children)) \
            and h.lemma_.lower() in ctx.res.words("attribution", "raised_reporting"):
        # "the attack is widely believed to have been carried out by X": said of it, by someone unnamed
        # ("was claimed by the Vostok Front to have been ...": the one who claims it)
        claimant, status, cue = _said_of(ctx, si, h, _reporting_status(ctx, h.lemma_.lower()) or "claimed")
        a = h.head      # (the loop below reads from the raising verb up)
    for _ in range(10 if a is tok else 0):
        h = a.head
        if h.i == a.i:
            break
        told = h.dep_ == "ccomp" and _reporting_status(ctx, h.head.lemma_.lower()) is not None
        if a.dep_ == "advcl" and any(c.dep_ == "mark" for c in a.children) and (
                h.head.i == h.i or h.pos_ in ("VERB", "AUX") and _reporting_status(ctx, h.lemma_.lower()) is not None
                and not told
                or any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in a.children)
                and not accompanying(a, ctx.res)):
            break      # "... as he visited Warsaw": narration around the quote, not part of it; but "told
                       # media she had reported him after he approached kids": inside what she told (the
                       # "reported" there is itself told)
        if a.dep_ == "advcl" and h.pos_ == "VERB" and _reporting_status(ctx, h.lemma_.lower()) == "claimed" \
                and not told:
            if any(c.tag_ == "WRB" for c in a.children) and any(c.dep_ == "dobj" for c in h.children) \
                    and (subj := _sayer(ctx, si, h)):
                claimant, status, cue = subj[0], "claimed", h.text   # "recalling the occasions when X entered"
            break      # "X said, after a meeting to discuss Y": why X was there, not what X said
        if a.dep_ == "relcl" and h.pos_ in ("PROPN", "NOUN") and (h.dep_ in ("nsubj", "attr", "appos") or (
                h.dep_ == "pobj" and h.head.head.lower_ == "according")) and not _cleft(h):
            break      # "said Sloggett, who runs exercises for the police": the writer's description (but "said it
                       # was Trump who was isolating the US": the cleft is what was said)
        if a.dep_ == "prep" and prev_dep == "pcomp" and a.lower_ in ("for", "of") and h.pos_ == "VERB" \
                and h.lemma_.lower() in ctx.res.words("attribution", "judging_verbs") \
                and (subj := _sayer(ctx, si, h)):
            claimant, status, cue = subj[0], "claimed", h.text
            break      # "thanked Trump for confronting X", "praised the troops for holding": the thanker's word
        if a.dep_ == "prep" and prev_dep == "pobj" and a.lower_ == "of" and h.pos_ == "VERB" \
                and h.lemma_.lower() in ctx.res.words("control", "accusing") and (subj := _sayer(ctx, si, h)):
            claimant, status, cue = subj[0], "claimed", h.text
            break      # "accused Ukraine of attacks on civilians": the accuser's claim
        if a.dep_ == "prep" and prev_dep != "pcomp" and (
                h.head.i == h.i or h.pos_ in ("VERB", "AUX") and _reporting_status(ctx, h.lemma_.lower()) is not None):
            break      # "X said, amid tension over the US deployment, ...": the narration's phrase, not what
                       # was said; but "said the bombings were retaliation for the US killing of Muslims" and
                       # "claim he arrived in Lisk, where he sold his car" are inside what is said
        if a.dep_ == "prep" and a.lower_ == "with" and any(
                c.dep_ == "pcomp" and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) for c in a.children):
            break      # "X alleged ..., with Delhi accusing Y": the writer's aside, with its own subject
        if a.dep_ in ("acl", "ccomp") and h.pos_ == "NOUN" and h.lemma_.lower() in _words("report_nouns"):
            # "reporting in the Wall Street Journal that ...": the report's source
            denial = {x.i for c in h.children if c.i != a.i and c.pos_ in ("VERB", "AUX")
                      and _reporting_status(ctx, c.lemma_.lower()) in ("denied", "disputed") for x in c.subtree}
            src = [m.entity for t in h.subtree if t.i not in {x.i for x in a.subtree} and t.i not in denial
                   and (m := ctx.mention_at(si, t.i)) and m.kind == "name"]   # (not "allegations X denies")
            if src:
                claimant, status, cue = src[0], "claimed", h.text
                break
        if a.dep_ == "ccomp" and h.pos_ == "VERB":
            # "pushed back against reporting in the WSJ that ...": the parse hangs the clause on the verb
            reports = [p for c in h.children if c.dep_ == "prep" for p in c.children
                       if p.dep_ == "pobj" and p.lemma_.lower() in _words("report_nouns")]
            src = [m.entity for r in reports for t in r.subtree if (m := ctx.mention_at(si, t.i)) and m.kind == "name"]
            if src:
                claimant, status, cue = src[0], "claimed", reports[0].text
                break
        if a.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "conj", "pcomp", "prep") and h.pos_ in ("VERB", "AUX"):
            st = _reporting_status(ctx, h.lemma_.lower())
            if st and any(c.dep_ == "nsubj" and c.lemma_.lower() in _words("report_nouns") for c in h.children):
                break      # "X accused Y of Z, a charge W denies": the parse hangs X's act under the denial
            if st in ("denied", "disputed"):
                break      # "Pakistan has denied any involvement": the denier doubts it, not claims it;
                           # the sentence's cue sets the status and who (see ``sentence_cues``)
            if st and a.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in h.children):
                break      # "warning locals to toe the line": an order to the object, no claim of a fact
            if st and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children):
                break      # "believed the group had to admit responsibility for attacks": no claim made yet
            if st and a.dep_ == "ccomp" and tok.i > h.i and _inside_quotes(tok.doc, a) \
                    and not _inside_quotes(tok.doc, tok):
                break      # '"They go nowhere," X said, after a meeting with Y': the parse hangs the
                           # narration after the quote on the quote's verb; what was said is quoted
            if st == "claimed" and h.dep_ == "acl" and h.tag_ == "VBN" \
                    and h.lemma_.lower() in ctx.res.words("attribution", "raised_reporting"):
                # "a man believed to be responsible for a blast which ...": believed of the man, by no one named
                claimant, status, cue = _said_of(ctx, si, h, st)
                break
            if st and a.dep_ in ("prep", "pcomp") and h.lemma_.lower() in _words("accusing_verbs") \
                    and any(c.dep_ == "auxpass" for c in h.children) and not any(c.dep_ == "agent" for c in h.children):
                claimant, status, cue = None, st, h.text
                break      # "X has been accused of killing ...": a claim, by accusers the text does not name
            if st and not (a.dep_ == "conj" and st == "claimed"):
                subj = _sayer(ctx, si, h)
                if subj:
                    claimant, status, cue = subj[0], st, h.text
                    if _inside_quotes(ctx.sentences[si].doc, h) and (outer := _speaker(ctx, si)) is not None:
                        claimant, status, cue = outer, "claimed", "quote"   # '"intelligence confirmed ...," X said'
                    break
        prev_dep = a.dep_
        a = h
    doc = ctx.sentences[si].doc
    if claimant is None and _main_line(tok):
        # "X fired a missile, South Korea's military said, the latest in ...": a reporting verb the parse
        # hung elsewhere, parenthetical (no clause of its own), still reports the sentence's main clause
        for v in doc:
            aside = v.dep_ in ("advcl", "ccomp") and v.head.dep_ == "ROOT" and v.i < v.head.i \
                and v.tag_ in ("VBD", "VBZ", "VBP") \
                and any(c.dep_ == "nsubj" for c in v.children) \
                and not any(c.dep_ in ("mark", "dobj") for c in v.children) \
                and v.i + 1 < len(doc) and doc[v.i + 1].text == ","
            # ("However, X assured, the government is ...": the parse hangs the aside as a clause of the
            # main verb)
            if (v.dep_ == "parataxis" or aside) and v.pos_ == "VERB" and not any(c.dep_ == "ccomp" for c in v.children) \
                    and not (tok.i > v.i and _inside_quotes(doc, v.head) and not _inside_quotes(doc, tok)) \
                    and (st := _reporting_status(ctx, v.lemma_.lower())):
                # (not the narration after a quote: '"They go nowhere," X said, after a meeting with Y')
                subj = _sayer(ctx, si, v)
                if subj:
                    claimant, status, cue = subj[0], st, v.text
                    break
    if claimant is None:
        # "X, who testified that shortly after 5 p.m. she took ...": the parse takes "that" for the
        # reporting verb's object and hangs what was said elsewhere; all that follows is what was said
        for v in doc:
            if v.i < tok.i and v.pos_ == "VERB" and v.i not in {a.i for a in tok.ancestors} \
                    and any(c.dep_ == "dobj" and c.lower_ == "that" and not list(c.children) and c.i == v.i + 1
                            for c in v.children) \
                    and not any(c.dep_ == "ccomp" for c in v.children) \
                    and (st := _reporting_status(ctx, v.lemma_.lower())) and (subj := _sayer(ctx, si, v)):
                claimant, status, cue = subj[0], st, v.text
                break
    if claimant is None:
        low = text_of(doc).lower()
        for phrase in ctx.res.words("attribution", "according"):
            k = low.find(phrase)
            if k < 0:
                continue
            span = doc.char_span(k, k + len(phrase), alignment_mode="expand")
            if span is None:
                continue
            last = span[-1]
            if _in_subject_of(tok, span.root.head):   # "X, with a range ..., are part of Y, as acknowledged by Z"
                continue
            if tok.i in {t.i for t in span.root.subtree}:
                continue    # "according to X, who runs exercises for the police": the writer's word on X
            objs = [c for c in last.children if c.dep_ == "pobj"] or [c for c in span.root.subtree if c.dep_ == "pobj"]
            if objs:
                # "according to the military balance compiled by the IISS": the name inside
                named = [m.entity for t in objs[0].subtree if (m := ctx.mention_at(si, t.i)) and m.kind == "name"]
                if objs[0].lower_ in ctx.res.lexicon.get("types", {}).get("Organization", []) \
                        and ctx.mention_at(si, objs[0].i) is None:
                    named = []    # "the Gaza health authority": the body itself, not the place in its name
                found = named[:1] or ctx.resolve_all(si, objs[0])
                if found:
                    # a side's own account of fighting is its claim ("according to Pakistan, three areas
                    # were hit"); a ministry on its own deployment or an outlet's report is reported
                    party = _is_party(ctx, found[0]) and _contested(ctx, tok)
                    claimant, status, cue = found[0], "claimed" if party else "reported", phrase
                    break
    if claimant is None and _inside_quotes(doc, tok):
        # '"This was an act of sabotage ordered by X," Tusk told parliament.': the quote's speaker; in a
        # quote that runs over sentences, the speaker named where it opened
        claimant = _speaker(ctx, si)
        back = si - 1
        while claimant is None and back >= max(0, si - 3) and any(ch in text_of(ctx.sentences[back].doc) for ch in '"“”'):
            claimant, back = _speaker(ctx, back), back - 1
        if claimant is None and _closing_first(text_of(doc)) and (opener := _quote_opened_before(ctx, si)) is not None:
            claimant = _speaker(ctx, opener)   # the last paragraph of a quote over paragraphs: where it opened
        if claimant is not None:
            status, cue = "claimed", "quote"
    if claimant is None and not any(ch in text_of(doc) for ch in '"“”') and (opener := _long_quote_opener(ctx, si)) \
            is not None and (claimant := _speaker(ctx, opener)) is not None:
        status, cue = "claimed", "quote"     # a sentence inside a quote that runs over paragraphs
    if claimant is None and text_of(doc).lstrip()[:1] in _OPEN_QUOTES and (
            _inside_quotes(doc, tok) or not any(ch in text_of(doc).lstrip()[1:] for ch in ('"', "”"))):
        # a quoted sentence standing alone: the speaker named next to it (not the narration after
        # the quote closes: '"...," Trump said, after a meeting with X')
        claimant = _speaker(ctx, si - 1) or _speaker(ctx, si + 1)
        if claimant is not None:
            status, cue = "claimed", "quote"
    # a hedge on the event's own clause ("allegedly operating", "the alleged attack"), not elsewhere in the
    # sentence; not a verb ("police alleged")
    up = {tok.i, *(a.i for a in tok.ancestors)}
    events = set(ctx.res.frames.get("nouns", {}).get("events", ()))
    hedge_words = _words("hedges")
    hedges = [t for t in doc if t.lower_ in hedge_words and t.pos_ not in ("VERB", "AUX")
              and (t.head.i in up and (t.dep_ != "amod" or t.head.i == tok.i)
                   or t.dep_ == "amod" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.i in up
                   and t.head.lemma_.lower() in events)]
    # (and "an alleged clash has left one student injured": the event that caused it is in doubt)
    # (not "the alleged killer, shot dead by police": the hedge is on who he is, not on the shooting)
    if status == "reported" and hedges:     # "was reportedly killed": no one's claim, not yet verified
        status, cue = ("claimed" if claimant is not None else "unverified"), hedges[0].text
    elif status == "claimed" and cue not in (None, "quote") and any(
            h.head.text == cue and h.head.i != tok.i and h.head.pos_ == "VERB" for h in hedges):
        status, cue = "unverified", hedges[0].text     # "X reportedly believe Y": X's belief is only reported
    seeming = ("seem", "appear")
    if status == "reported" and claimant is None and (
            tok.head.lemma_.lower() in seeming and tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("xcomp", "ccomp")
            or tok.lemma_.lower() in seeming and any(c.dep_ in ("xcomp", "acomp", "attr", "ccomp") for c in tok.children)):
        status, cue = "unverified", "seem"     # "appear to be losing hope", "seemed to be aimed at civilians";
                                               # not "14 have appeared in court, while warrants were issued"
    rumours = set(ctx.res.words("attribution", "rumour_nouns"))
    unsourced = set(ctx.res.words("attribution", "unsourced_nouns"))
    rumour = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("NOUN", "ADJ")
                   and (a.lemma_.lower() in rumours or a.lower_ in rumours
                        or a.lower_ in unsourced and a.tag_ == "NNS" and not any(
                            c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ in ("by", "from", "in")
                            for c in a.children))), None)
    if status in ("reported", "claimed") and rumour is not None:
        status, cue = "unverified", rumour.text     # "rumours about deaths caused by X"
    if claimant is not None and ctx.publisher and claimant.label.lower() == ctx.publisher.lower():
        status = "reported"
    if claimant is not None and status == "claimed" and (ctx.is_outlet(claimant) or claimant.label.lower().split()[-1]
                                                         in ctx.res.words("attribution", "evidence_nouns")
                                                         + ctx.res.words("attribution", "neutral_sources")):
        status = "reported"     # "..., Al-Monitor reported", "phone records indicated": a source, no party
    said = next((t.lemma_.lower() for t in doc if t.text == cue), None) if cue else None
    if said is not None and any(a.pos_ == "VERB" and a.text != cue and _reporting_status(ctx, a.lemma_.lower())
                                for a in tok.ancestors):
        said = None     # "police say he left a confession that said ...": the confession's claim, told on
    if claimant is not None and status == "claimed" and claimant.label.lower().split()[-1:] \
            and claimant.label.lower().split()[-1] in ctx.res.words("attribution", "official_sources") \
            and said in ctx.res.words("attribution", "plain_saying") \
            and not (_is_party(ctx, claimant) and _contested(ctx, tok)):
        status = "reported"     # "police say the brothers carried the bombs": an official source, no side
    return claimant, status, cue


def _sayer(ctx: ArticleContext, si: int, verb) -> list[Entity]:
    """The subject of a reporting verb; for a document ('the statement said'), its author."""
    from .roles import _ACTORS, _subject_of
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return []       # "X has been accused of ...": X is who is spoken of, not who speaks
    subj, _ = _subject_of(ctx, si, verb)
    if verb.dep_ == "relcl" and subj and not any(e.type in _ACTORS for e in subj) \
            and verb.head.lemma_.lower() not in ctx.res.words("attribution", "document_nouns"):
        # "a confession inside the boat that said ...": the parse hangs the clause on the last noun;
        # the document it belongs to, and who wrote it
        docs = [a for a in verb.head.ancestors if a.pos_ == "NOUN"
                and a.lemma_.lower() in ctx.res.words("attribution", "document_nouns")][:1]
        if docs:
            author = document_author(ctx, si, docs[0])
            if author is None and docs[0].dep_ in ("dobj", "nsubjpass") and docs[0].head.pos_ == "VERB":
                author = next(iter(_subject_of(ctx, si, docs[0].head)[0]), None)   # "he left a confession"
            subj = [author] if author is not None else []
    if not subj and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = ctx.resolve_all(si, verb.head)      # "with survivors saying ...": the survivors
    if not subj:
        subj = [e for c in verb.children if c.dep_ == "nsubj" for e in [document_author(ctx, si, c)] if e]
    doc = verb.doc
    if not subj and verb.i >= 3 and doc[verb.i - 1].text in _DASHES:
        # "after X and Y - both members of Z - said ...": the parse lost the subject over the aside; the
        # names right before it
        opening = next((j for j in range(verb.i - 2, max(0, verb.i - 14), -1) if doc[j].text in _DASHES), None)
        if opening is not None and ctx.mention_at(si, opening - 1) is not None:
            first = doc[opening - 1]
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            subj = ctx.resolve_all(si, first)
    return subj


_DASHES = ("-", "–", "—")


def document_author(ctx: ArticleContext, si: int, noun) -> Entity | None:
    """Who wrote the document a sentence quotes ('the statement said'): the author named on it
    ('the army's statement', 'a statement from X'), else the one who, up to three sentences
    before, said something in such a document or issued one ('police said in a statement')."""
    from .roles import _subject_of
    lemma = noun.lemma_.lower()
    if lemma not in ctx.res.words("attribution", "document_nouns"):
        return None
    for c in noun.children:
        targets = [c] if c.dep_ in ("poss", "compound", "amod") else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("from", "by", "of") else []
        for t in targets:
            found = ctx.as_actor(ctx.resolve_all(si, t, allow_noun=c.dep_ != "amod"))
            if found:
                return found[0]
    for s in range(si, max(-1, si - 4), -1):
        for t in ctx.sentences[s].doc:
            if t.lemma_.lower() != lemma or s == si and t.i >= noun.i:
                continue
            v = t.head.head if t.dep_ == "pobj" else t.head if t.dep_ in ("dobj", "nsubjpass") else None
            if v is not None and v.pos_ == "VERB":
                subj, _ = _subject_of(ctx, s, v)
                if subj:
                    return subj[0]
    return None


def sentence_cues(ctx: ArticleContext, si: int) -> tuple[str | None, str | None, bool]:
    """``(status, cue, reaches_back)`` of the strongest doubt cue in a sentence."""
    doc = ctx.sentences[si].doc
    low = text_of(doc).lower()
    best, cue = None, None
    not_cues = ctx.res.words("status_cues", "not_cues")
    for status in ("denied", "disputed", "unverified"):
        for phrase in ctx.res.words("status_cues", status):
            if _has_phrase(low, phrase) and (best is None or DOUBT_RANK[status] > DOUBT_RANK[best]) \
                    and not _attributive(doc, low, phrase) \
                    and not any(phrase in nc and _has_phrase(low, nc) for nc in not_cues):   # "little doubt"
                best, cue = status, phrase
    back = best is not None and any(_has_phrase(low, p) for p in ctx.res.words("status_cues", "anaphora"))
    return best, cue, back


def _attributive(doc, low: str, phrase: str) -> bool:
    """Every occurrence of a one-word cue describes a noun ('their disputed border', 'the contested
    election'): it doubts no statement."""
    if " " in phrase:
        return False
    found = False
    k = low.find(phrase)
    while k >= 0:
        span = doc.char_span(k, k + len(phrase), alignment_mode="expand")
        if span is not None and len(span) == 1:
            tok = span[0]
            if not (tok.dep_ == "amod" and tok.head.i > tok.i):
                return False
            found = True
        k = low.find(phrase, k + 1)
    return found


def _in_subject_of(tok, verb) -> bool:
    a = tok
    for _ in range(12):
        if a.dep_ in ("nsubj", "nsubjpass") and a.head == verb:
            return True
        if a.head.i == a.i:
            return False
        a = a.head
    return False


def _denies_the_sentence(clause) -> bool:
    """', which Kyiv denied': a relative clause whose 'which' is what is denied speaks of the whole sentence."""
    return clause.dep_ == "relcl" and clause.lemma_.lower() in _words("denial_verbs") and any(
        c.lower_ == "which" and c.dep_ in ("dobj", "nsubjpass") for c in clause.children)


def _enclosing(tok, is_boundary):
    """The nearest clause above ``tok`` (itself included) that ``is_boundary`` accepts, or None."""
    a = tok
    for _ in range(12):
        if is_boundary(a):
            return a
        if a.head.i == a.i:
            return None
        a = a.head
    return None


def same_clause(tok_a, tok_b) -> bool:
    """False when one token sits in a coordinated clause ('..., but they were known ...') the other is not in."""
    root = tok_a.sent.root if hasattr(tok_a, "sent") else tok_a.doc[0].sent.root
    # a cue inside a relative clause ("whose legitimacy is contested") stays there (but "- a charge
    # Islamabad denies" and ", which Kyiv denied" are about the sentence's claim)
    cue_clause = _enclosing(tok_a, lambda a: a.dep_ in ("relcl", "acl") and not _denies_the_sentence(a)
                            and a.head.lemma_.lower() not in _words("report_nouns") | _words("figure_nouns"))
    # a statement inside a relative clause ("Iran, which backs the Houthis, denied ...") is background
    statement_clause = _enclosing(tok_b, lambda b: b.dep_ == "relcl")
    for clause, other in ((cue_clause, tok_b), (statement_clause, tok_a)):
        if clause is not None and other.i not in {t.i for t in clause.subtree}:
            return False
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            inside = {t.i for t in c.subtree}
            if (tok_a.i in inside) != (tok_b.i in inside):
                return False
    return True


def claim_scope(cue_tok) -> set[int] | None:
    """The tokens a denied claim covers, when the cue names the claim: 'X's claim of Y is false'
    covers Y; '..., accusing P of Z - a charge P denies' covers the accusing clause, not the
    rest of the sentence. None when the cue names no claim (it covers its clause)."""
    if cue_tok is None:
        return None
    v = cue_tok if cue_tok.pos_ in ("VERB", "AUX") else cue_tok.head
    noun = None
    if cue_tok.pos_ == "NOUN" and cue_tok.lemma_.lower() in _words("report_nouns") and cue_tok.dep_ == "appos":
        noun = cue_tok                              # the cue "a charge" itself
    elif v.dep_ in ("relcl", "ccomp", "acl") and v.head.pos_ == "NOUN" and v.head.lemma_.lower() in _words("report_nouns"):
        noun = v.head                               # "a charge Islamabad denies" (the parse may call it a ccomp)
    else:
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _words("report_nouns")]
        noun = subj[0] if subj else None
    if noun is None:
        return None
    if any(c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.i != v.i or c.dep_ == "prep" and c.lower_ == "of"
           for c in noun.children):
        return {t.i for t in noun.subtree}          # "India's claim of targeting camps is false"
    for t in reversed(noun.doc[:noun.i]):
        if t.pos_ == "VERB" and t.lemma_.lower() in _words("accusing_verbs"):
            return {x.i for x in t.subtree}
    return None


def cue_token(ctx: ArticleContext, si: int, cue: str):
    doc = ctx.sentences[si].doc
    k = text_of(doc).lower().find(cue)
    span = doc.char_span(k, k + len(cue), alignment_mode="expand") if k >= 0 else None
    return span.root if span is not None else None


def _has_phrase(low: str, phrase: str) -> bool:
    k = low.find(phrase)
    while k >= 0:
        before = low[k - 1] if k else " "
        after = low[k + len(phrase)] if k + len(phrase) < len(low) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        k = low.find(phrase, k + 1)
    return False


def is_hypothetical(ctx: ArticleContext, si: int, tok) -> bool:
    """Under 'if'/'whether', or after 'no indication that': not stated as fact."""
    doc = ctx.sentences[si].doc
    low = text_of(doc).lower()
    # a relative clause states background as fact, even inside a hypothetical ("whether X, for whom ...")
    chain, a = [tok], tok
    while a.head.i != a.i and len(chain) < 12:
        a = a.head
        chain.append(a)
    fiction = set(ctx.res.words("negation", "fiction_nouns"))
    likeness = set(ctx.res.words("negation", "likeness_verbs"))
    if tok.pos_ == "NOUN" and (any(a.pos_ == "VERB" and a.lemma_.lower() in likeness for a in chain[1:4])
                               or any(c.dep_ == "amod" and c.lemma_.lower() in likeness for c in tok.children)):
        return True     # "No to regime change, which reminds us of the failed wars in Iraq": a comparison;
                        # "simulated strikes on key ports": rehearsed
    kinds = set(ctx.res.words("negation", "kind_nouns"))
    outcomes = set(ctx.res.words("negation", "outcome_nouns"))
    for a in chain[1:]:
        # "a reward for information leading to the capture of X": an outcome hoped for
        if a.lemma_.lower() in outcomes and a.pos_ == "NOUN" and tok.pos_ == "NOUN" and (
                a.lemma_.lower() in ("reward", "bounty") or any(x.lemma_.lower() == "lead" for x in chain[1:])):
            return True
        # "not the kind of dictatorship ... with rulers who ran torture centres": a kind described, no event
        if a.lemma_.lower() in kinds and a.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in a.children):
            return True
        # "a film that depicts operatives launching raids": what a work of fiction shows did not happen
        if a.pos_ in ("VERB", "AUX") and (any(c.dep_ == "nsubj" and c.lemma_.lower() in fiction for c in a.children)
                                          or a.dep_ == "relcl" and a.head.lemma_.lower() in fiction):
            return True
    relcl_at = next((t.idx for t in chain if t.dep_ == "relcl"), None)
    for phrase in ctx.res.words("negation", "clause_cues"):
        k = low.find(phrase)
        if 0 <= k and _has_phrase(low, phrase) and tok.idx > k and not (relcl_at is not None and relcl_at > k):
            return True
    marks = set(ctx.res.words("negation", "hypothetical_marks"))
    purpose = set(ctx.res.words("negation", "purpose_nouns"))
    modals = set(ctx.res.words("negation", "hypothetical_modals"))
    for a in chain:
        if a.dep_ == "relcl":
            return False
        if any(c.dep_ == "mark" and c.lower_ in marks for c in a.children):
            return True
        # "Hezbollah has not claimed any attacks": a claim not made asserts nothing
        if a.i != tok.i and a.pos_ == "VERB" and any(c.dep_ == "neg" for c in a.children) \
                and _reporting_status(ctx, a.lemma_.lower()) in ("claimed", "confirmed"):
            return True
        # the consequence of a condition: "If China invades, the US would impose sanctions"
        if any(c.dep_ == "aux" and c.lower_ in modals for c in a.children) and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                for c in a.children):
            return True
        # purpose: "(in an effort) to pressure Moscow to negotiate", "deployed troops to strengthen ..."
        # (the purpose itself, "negotiating to buy 48 jets", is stated as intended: see ``modality``)
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) \
                and (a.dep_ == "advcl" and a.i != tok.i or a.dep_ == "acl" and a.head.lemma_.lower() in purpose):
            return True
    return False


def governor_negated(ctx: ArticleContext, tok) -> bool:
    """'did not want a wasted meeting', 'has no plans to strike': the wanting or planning over the
    event is negated, so the event is not wanted (the statement takes ``not_``)."""
    table = ctx.res.lexicon.get("modality", {})
    words = set(table.get("intended", [])) | set(table.get("requested", [])) | set(table.get("authorized", []))
    h = tok.head
    if tok.dep_ in ("advcl", "xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and h.lemma_.lower() == "be" and any(c.dep_ == "neg" for c in h.children) \
            and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in h.children):
        return True     # "it's not for me to give a toll", "it is not necessary to send troops"
    a = tok
    for _ in range(3):
        # (an infinitive the parse made a relative clause is the noun's: "there were no plans to strike")
        if a.head.i == a.i or a.dep_ not in ("xcomp", "dobj", "acl", "pobj", "prep", "ccomp", "pcomp") and not (
                a.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)):
            return False
        a = a.head
        if a.lemma_.lower() in words:
            return any(c.dep_ == "neg" for c in a.children) or any(
                c.dep_ == "det" and c.lower_ == "no" or c.lower_ in ctx.res.words("negation", "negators")
                and c.dep_ in ("advmod", "preconj") for c in a.children)    # "they neither want to unify"
    return False


def figurative(ctx: ArticleContext, tok) -> bool:
    """'took a heavy toll', 'was taken aback by', 'our sympathies go out to': a figure of speech
    (the lexicon's [idioms] figures), no event."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    near = {c.lemma_.lower() for c in tok.children} | {g.lemma_.lower() for c in tok.children for g in c.children}
    lemma = tok.lemma_.lower()
    owner = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children) else tok
    if lemma in ctx.res.words("idioms", "place_time_subject") and any(
            c.dep_ == "nsubj" and (c.lemma_.lower() in ctx.res.frames.get("nouns", {}).get("places", ())
                                   or c.lower_ in ctx.res.words("types", "Location") or c.ent_type_ in ("DATE", "LOC"))
            for c in owner.children):   # (also "the region saw protests but also witnessed ...")
        return True     # "the region has witnessed militancy wane", "2019 saw a surge": what happened there
    for figure in ctx.res.words("idioms", "figures"):
        verb, *words = figure.split()
        if verb == lemma and all(w in near for w in words):
            return True
    return False


def missed(ctx: ArticleContext, tok) -> bool:
    """'missed several opportunities to identify him': the chance was let go, the event did not happen."""
    chance = tok.head if tok.dep_ in ("acl", "relcl") else None
    return chance is not None and chance.pos_ == "NOUN" \
        and chance.lemma_.lower() in ctx.res.lexicon.get("modality", {}).get("possible", ()) \
        and chance.head.lemma_.lower() in ctx.res.words("negation", "missed_verbs")


def unwanted_quality(ctx: ArticleContext, tok) -> bool:
    """'did not want a wasted meeting': what is not wanted is the quality, so neither the meeting
    nor its absence is stated."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "amod" for c in tok.children) and governor_negated(ctx, tok)


def possible(ctx: ArticleContext, tok) -> bool:
    """'could have cut short his term', 'may decide to take up arms': a possibility, not a fact
    (the statement keeps it, with the suffix ``possible``)."""
    modals = set(ctx.res.words("negation", "possibility_modals"))
    adverbs = set(ctx.res.words("negation", "possibility_adverbs"))
    perception = set(ctx.res.words("control", "perception"))
    v = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
    for _ in range(3):      # on the verb or on one it completes (or that takes the event noun: "would take control")
        if v is not tok and v.lemma_.lower() in perception and any(c.dep_ == "auxpass" for c in v.children):
            return False    # "the suspect can be seen carrying a bag": what the video shows, done
        if v.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals
                                             and not (c.lower_ == "would" and v.dep_ == "ccomp")   # "said it would"
                                             and not (c.lower_ == "would" and v.dep_ == "conj" and v.head.tag_ == "VBD")
                                             for c in v.children):   # "was a follower and would watch": a habit
            return True
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in v.children):
            return True     # "prompting, perhaps, a coup"
        if v.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in v.children) \
                and v.head.i != v.i:
            v = v.head          # "would sideline mayors and win contracts": both may happen
            continue
        if v.dep_ not in ("xcomp", "csubj") or v.head.i == v.i:
            return False      # (and "forcing makers to do X could be the answer": X may happen)
        v = v.head
    return False


def requester(ctx: ArticleContext, si: int, tok):
    """``(who, word)`` when the event at ``tok`` is what someone wants done ('Zelensky has expressed a
    desire for the US to supply Tomahawks', 'Kyiv wants Berlin to send Taurus'); else ``(None, None)``.

    Only for wanting words that are not events of their own ('asked X to' is already a request).
    """
    from .roles import _event_for, _subject_of
    words = set(ctx.res.words("events", "request_words"))
    a = tok
    for _ in range(2):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)
        if a.dep_ not in ("acl", "xcomp", "ccomp") and not (a.dep_ == "relcl" and infinitive) or a.head.i == a.i:
            return None, None
        a = a.head
        if a.lemma_.lower() in words and _event_for(ctx, a) is None:
            holder = a
            if a.pos_ == "NOUN":        # "expressed a desire", "Kyiv's request"
                own = [e for c in a.children if c.dep_ == "poss" for e in ctx.resolve_all(si, c, allow_noun=False)]
                if own:
                    return own[0], a
                holder = a.head if a.dep_ in ("dobj", "nsubjpass") and a.head.pos_ == "VERB" else None
            if holder is not None:
                subj, _ = _subject_of(ctx, si, holder)
                if subj:
                    return subj[0], a
            return None, None
    return None, None


def modality(ctx: ArticleContext, tok) -> str | None:
    """'authorised the CIA to conduct', 'a desire for the US to supply': not (yet) done.

    Returns the suffix for the predicate (``authorized``, ``intended``, ``requested``,
    ``threatened``, ``refused`` ...) or None for an event stated as done;
    ``imperative`` for the verb of a command, which states no event of anyone's.
    """
    from .roles import _unlike_conjunct
    if tok.pos_ == "VERB" and (prior := _unlike_conjunct(tok)) is not False:
        return modality(ctx, prior)     # "...; and on April 17 to pick up": as the infinitive before it
    if tok.pos_ == "NOUN":
        prospects = ctx.res.lexicon.get("modality", {}).get("possible", ())
        a = tok
        for _ in range(6):      # "the prospects of enhanced powers for X and longer sentences": a prospect
            if a.dep_ not in ("conj", "pobj", "prep") or a.head.i == a.i or a.head.pos_ in ("VERB", "AUX"):
                break
            a = a.head
            if a.pos_ == "NOUN" and a.lemma_.lower() in prospects:
                return "possible"
    if _made_to(ctx, tok):
        return None     # "was forced to close": it closed
    h = tok.head
    if tok.tag_ == "VBG" and tok.dep_ == "conj" and h.tag_ == "VB" and h.dep_ == "xcomp" and h.head.tag_ == "VBG" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children):
        return modality(ctx, h.head)    # "trying to block a convoy and throwing rocks": thrown, as "trying" is
    found = _modality(ctx, tok)
    if found is None and _under_plan(ctx, tok):
        return "intended"       # "the plan focuses on taking control of X": proposed, not done
    if found == "intended" and _of_another(ctx, tok):
        return "requested"      # "expected the government to fulfil", "warnings to its citizens to avoid travel"
    if found is None and tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.head.pos_ == "VERB" \
            and tok.head.i < tok.i and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
        return modality(ctx, tok.head)  # "the authority to change the constitution, supplant the legislature"
    if found is None and tok.pos_ == "VERB" and tok.dep_ in ("relcl", "acl") and tok.head.pos_ == "NOUN" \
            and tok.head.lemma_.lower() in ctx.res.lexicon.get("modality", {}).get("possible", ()) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return "possible"   # "the opportunity to attack the prime minister": a chance, not a plan
    if found is None and tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.head.dep_ == "dobj" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        control = tok.head.head.lemma_.lower()      # "allowed one critic - X, the former mayor - to leave":
        for name, words in ctx.res.lexicon.get("modality", {}).items():    # the parse hangs the infinitive
            if control in words:                                           # on the object; the verb governs it
                return name
    if found is None and tok.pos_ == "VERB" and tok.dep_ in ("relcl", "acl") and tok.head.pos_ == "NOUN" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and tok.head.lemma_.lower() not in ctx.res.words("nouns", "decision_nouns") \
            and not any(c.dep_ in ("amod", "advmod") and (c.lower_ in ("first", "last", "only") or c.tag_ == "JJS")
                        for c in tok.head.children):
        return "intended"   # "paid for weapons to arm the rebels"; not "the first country to recognise it"
    return found


def _under_plan(ctx: ArticleContext, tok) -> bool:
    """The event is what a plan does or holds: under a verb (through its object, a preposition or a
    gerund) whose subject is a plan noun ([nouns].plan_nouns: "the principles include disarming Y")."""
    plans = ctx.res.word_set("nouns", "plan_nouns")
    a = tok
    for _ in range(5):
        if a.head.i == a.i or a.dep_ not in ("pcomp", "pobj", "prep", "xcomp", "dobj", "conj", "ccomp"):
            return False
        a = a.head
        if a.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "nsubj" and c.lower_ in plans for c in a.children):
                return True
            if _reporting_status(ctx, a.lemma_.lower()) is not None:
                return False    # ("the plan's critics said X took ...": what is said, not planned)
    return False


def _made_to(ctx: ArticleContext, tok) -> bool:
    """'The airport was forced to close', 'X compelled Y to pay': an infinitive under a past verb of
    [control].implicative, neither negated nor under a modal, happened."""
    h = tok.head
    return tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "ccomp", "advcl") and h.pos_ == "VERB" \
        and h.lemma_.lower() in ctx.res.word_set("control", "implicative") and h.tag_ in ("VBD", "VBN") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in h.children)


def _cleft(noun) -> bool:
    """'it was Trump who ...': the focus of a cleft sentence, whose relative clause is its main clause."""
    return noun.dep_ == "attr" and noun.head.lemma_.lower() == "be" \
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in noun.head.children)


def _of_another(ctx: ArticleContext, tok) -> bool:
    """An infinitive whose doer is not who means it: its own subject or the governing verb's object ("expected
    the government to fulfil its commitment"), or whom a request or warning is addressed to. One intends
    one's own acts; another's are asked of them."""
    from .roles import _addressee_of_request
    if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    h = tok.head
    if tok.dep_ in ("ccomp", "xcomp") and h.pos_ == "VERB" and h.lemma_.lower() in ctx.res.word_set("modality", "intended") \
            and (any(c.dep_ == "nsubj" for c in tok.children) or any(c.dep_ == "dobj" for c in h.children)):
        return True
    si = next((i for i, sent in enumerate(ctx.sentences) if sent.doc is tok.doc), None)
    return si is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
        and bool(_addressee_of_request(ctx, si, tok))


def _modality(ctx: ArticleContext, tok) -> str | None:
    """The suffix from the words governing the event (the lexicon's [modality] tables), imperatives, purposes."""
    from .roles import _negated, _phrase_lemma, gerund_subject, small_clause
    table = ctx.res.lexicon.get("modality", {})
    h = tok.head
    if tok.dep_ in ("ccomp", "xcomp") and h.pos_ == "VERB" and h.tag_ == "VB" and (
            h.dep_ == "ROOT"
            or h.dep_ in ("ccomp", "parataxis") and h.i == min(t.i for t in h.subtree if not t.is_punct)) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in h.children):
        return "intended"   # under an imperative: "Let it be cut the way it is"
    if tok.pos_ == "VERB" and tok.tag_ == "VB" and tok.dep_ in ("ROOT", "ccomp", "parataxis", "xcomp") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children) \
            and tok.i == min(t.i for t in tok.subtree if not t.is_punct) \
            and not (tok.dep_ != "ROOT" and tok.head.lemma_.lower() in ctx.res.words("control", "perception")
                     and any(c.dep_ == "dobj" for c in tok.head.children)):   # (not "saw him ..., approach")
        return "imperative"   # "Take the lists of workers ...", "Take, for instance, X": told, not done nor meant
    a = tok
    n = tok
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("dobj", "nsubjpass"):
        n = tok.head.head      # "lifted most of its sanctions": the verb over the quantity
        for name, words in table.items():
            if n.lemma_.lower() in words:
                return name    # "the prospect of longer sentences", "plans of an attack"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
        if tok.head.head.lemma_.lower() in ctx.res.word_set("control", "licensing_for"):
            return "authorized"     # "a designation that provides for sanctions": possible under it, not done
        for name in ("requested", "intended"):      # "called for a ceasefire", "pressed for talks": asked for,
            if tok.head.head.lemma_.lower() in table.get(name, ()):     # not done; "hoped for talks"
                return name
    first = n
    while first.dep_ == "conj" and first.head.pos_ == "NOUN" and first.head.i != first.i:
        first = first.head      # "a fund for X, as well as more military aid to Y": the list's first item
    included = tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj", "ccomp")
    if (tok.pos_ == "NOUN" and first.dep_ == "dobj" or included) and first.head.pos_ == "VERB" \
            and first.head.lemma_.lower() in ctx.res.frames.get("verbs", {}).get("items", ()):
        # "the plan includes more military aid to Lisk", "the plans include seizing Gaza": proposed, not done
        for c in first.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                for name, words in table.items():
                    if c.lemma_.lower() in words and name != "possible":
                        return name
    if tok.pos_ == "NOUN" and n.dep_ in ("dobj", "nsubjpass") and n.head.pos_ == "VERB":
        head = n.head.lemma_.lower()
        if head in ctx.res.word_set("events", "concluding_verbs") \
                or n.dep_ == "dobj" and head in ctx.res.words("events", "declaring_verbs"):
            # "agreed a ceasefire", "called a ceasefire": the ceasefire is what was done, as the act that
            # concludes it is ("visited the kingdom to reach agreement": meant)
            return modality(ctx, n.head)
        if head in ctx.res.words("events", "cessation_verbs"):
            # "Beijing halted purchases of US soybeans": they ended; but "urged them to halt imports of gas":
            # the purchases are going on
            asked = (n.head.dep_ in ("xcomp", "ccomp") or n.head.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in n.head.children)) and not _made_to(ctx, n.head)
            sought = n.head.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in n.head.children)
            return None if asked or sought else "ended"     # ("a deal to end the war": sought, the war goes on)
        for name, words in table.items():
            if head in words:
                if name == "prevented" and _negated(n.head):
                    return None     # "was unable to prevent the attacks": they were not prevented
                return name  # "considers further strikes"
        a = tok.head     # "authorised the army to conduct operations": the light verb's place
    if tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" \
            and _phrase_lemma(tok.head) in ctx.res.words("control", "done_next"):
        return None         # "went on to offer a tribute": offered, next
    errand = tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and (tok.head.lemma_.lower() in ctx.res.word_set("control", "errand_verbs")
             or tok.head.lemma_.lower() in ctx.res.frames.get("verb", {}).get("motion", {}).get("verbs", ())) \
        and any(c.dep_ in ("dobj", "prep", "advmod") and c.i < tok.i for c in tok.head.children)
    # (a trip somewhere or a sending of something: "moved to ban the platforms" acted, it went nowhere)
    if tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.head.pos_ == "VERB" \
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) \
            and tok.head.lemma_.lower() in table.get("requested", ()):
        return "requested"      # "called for Israel to lift the blockade": asked of Israel
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VB" and tok.dep_ == "ccomp" and h.pos_ == "VERB" \
            and h.lemma_.lower() in table.get("requested", ()) \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" or c.lower_ == "to" for c in tok.children) \
            and not (h.lemma_.lower() in ctx.res.word_set("control", "ordering")
                     and any(c.dep_ == "auxpass" for c in tok.children)):
        return "requested"      # "demanded the US withdraw its sanctions": a subjunctive, asked (but "the judge
                                # ordered that X be banned" takes effect)
    if tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            or tok.pos_ == "VERB" and tok.tag_ == "VB" and tok.dep_ == "pobj" and tok.head.lower_ == "to" \
            or errand:      # (the parse's xcomp: "visited the kingdom to reach agreement")
        if tok.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in table.get("requested", ())
                                       for c in tok.head.children):
            return "requested"  # "sent instructions for the authorities to strengthen security"
        if tok.dep_ == "advcl" and tok.head.pos_ == "VERB" \
                and (outer := _modality(ctx, tok.head)) in ("refused", "requested", "threatened", "cancelled",
                                                            "prevented", "possible"):
            return outer        # "refused to return to attend the trial": the purpose of a refused act, refused
        return "intended"   # a purpose: "negotiating with X to buy 48 jets" ("took to the streets to vote")
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
            and tok.head.head.lemma_.lower() in table.get("refused", ()) and not any(c.dep_ == "poss" for c in tok.children):
        return "refused"    # "Americans opposed to war with X": a war refused, not fought (but "opposed to
                            # Russia's invasion": Russia's, which happened)
    small = small_clause(ctx, tok)
    for hop in range(3):
        allowed = ("xcomp", "acl", "pcomp") if hop == 0 else ("prep", "pobj", "pcomp")
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)
        if (a.dep_ not in allowed and not (hop == 0 and a.dep_ in ("ccomp", "relcl") and infinitive)
                and not (hop == 0 and small)) or a.head.i == a.i:
            return None
        if hop == 0 and a.dep_ == "acl" and a.head.pos_ in ("NOUN", "PROPN") and not infinitive and not small \
                and gerund_subject(a) is None:     # (but "threats of Iran quitting": what is threatened)
            return None     # "talks hosted by Qatar", "a report released on Monday": done, not intended
        a = a.head
        if small and a.pos_ in ("NOUN", "PROPN") and a.dep_ == "dobj":
            a = a.head      # "wants its first frigate delivered": the verb over the object
        if a.pos_ == "VERB" and a.dep_ in ("dobj", "pobj", "nsubjpass") and a.head.i != a.i:
            a = a.head      # "instructed all prefects to ...": a noun the tagger took for a verb
        lemma = a.lemma_.lower()
        if a.pos_ == "VERB" and a.tag_ == "VB" and a.dep_ == "ROOT" \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in a.children):
            return "intended"       # under an imperative: "Let it be cut the way it is"
        if a.pos_ == "NOUN" and lemma == "decision" and tok.lemma_.lower() in ctx.res.words("decisions", "done"):
            return None     # "a decision to approve the sale": the decision approved it
        if a.pos_ == "NOUN" and lemma in table.get("authorized", ()) and a.dep_ == "pobj" \
                and a.head.lower_ in ("in", "within") and any(c.dep_ == "poss" for c in a.children):
            return "intended"       # "will do everything in its power to destroy": striven for, no licence
        for name, words in table.items():
            if lemma in words:
                if name == "threatened" and any(c.dep_ == "dobj" for c in a.children):
                    return "requested"      # "warning locals to toe the line": told to, no threat of theirs
                if name == "requested" and hop > 0 and a.pos_ == "VERB":
                    return "intended"       # "pushing forward with a vote to elect": pursued, asked of no one
                return name
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("prep", "pcomp"):
            return None
    return None
