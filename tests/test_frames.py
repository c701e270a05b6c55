"""Event frames (kg/extract/frames.py) on short invented articles.

Every verb or event noun that no typed rule took becomes a statement: typed
when ``events.csv`` lists its lemma, otherwise with the lemma as an open
predicate and no event code. ``document_frames`` joins later mentions of one
event to the first. Tests marked xfail state what the extractor does not do
yet; their reason says what it produced instead.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _article(body: str) -> Article:
    text = "Headline of the story\n" + body
    return Article("t.txt", text, "Headline of the story", len("Headline of the story"))


def _statements(body: str):
    return extract(_article(body)).statements


def _label(e):
    return e.label if e is not None else None


def _with(statements, predicate):
    found = [s for s in statements if s.predicate == predicate]
    assert found, f"no {predicate} in {[s.predicate for s in statements]}"
    return found


def _counts(statements):
    return {(s.quantity.value, s.quantity.unit) for s in statements if s.quantity is not None}


# ------------------------------------------------------------ open verb frames

@pytest.mark.parametrize("body, lemma", [
    ("Ruritania outbid Freedonia for the contract.", "outbid"),
    ("Ruritania fortified its border crossings with Freedonia.", "fortify"),    # "with" under the patient
])
def test_untyped_verb_between_two_named_participants_is_an_open_statement(body, lemma):
    st = _with(_statements(body), lemma)[0]
    assert st.event_code is None
    assert _label(st.subject) == "Ruritania"
    assert "Freedonia" in {_label(st.object), _label(st.target), _label(st.recipient)}


def test_untyped_verb_with_one_participant_and_a_place():
    st = _with(_statements("Ruritania reopened the airport in Vostok."), "reopen")[0]
    assert st.event_code is None
    assert _label(st.subject) == "Ruritania"
    assert _label(st.object) == "airport"
    assert _label(st.location) == "Vostok"


def test_passive_with_by_agent():
    st = _with(_statements("The convoy was stopped by Ruritania near Vostok."), "stop")[0]
    assert (_label(st.subject), _label(st.object), _label(st.location)) == ("Ruritania", "convoy", "Vostok")
    assert st.event_code is None


@pytest.mark.parametrize("body, lemma, role, value", [
    ("Ana Morel and Ivo Brandt flew back to Vostok on Monday.", "fly_back", "location", "Vostok"),   # a particle's 'to'
    ("Ivo Brandt later walked out of the embassy.", "walk", "subject", "Ivo Brandt"),   # 'out of': where from, unstated
    ("A Russian jet crashed into a Ukrainian warship.", "crash_into", "target", "warship"),  # "into" no place: what was hit
    ("Some 21 bombs had gone off in Vostok by noon.", "go_off", "location", "Vostok"),  # a particle makes 'go' an event
    ("Ivo Brandt came to the embassy in Vostok on Monday.", "come", "location", "embassy"),  # motion verbs are events
])
def test_verb_frame_roles_through_particles_and_compound_prepositions(body, lemma, role, value):
    sts = _with(_statements(body), lemma)
    assert any(value in (_label(getattr(s, role)) or "") for s in sts), [(s.subject, s.object) for s in sts]


def test_a_cause_subject_is_dropped_and_the_rest_of_the_event_kept():
    st = _with(_statements("A roadside explosion kills a Ruritanian general in Vostok."), "kills")[0]
    assert st.subject is None
    assert "general" in _label(st.object) and _label(st.location) == "Vostok"


def test_a_light_verb_lends_its_subject_and_prepositions_to_its_event_noun():
    sts = _statements("Ivo Brandt gave an interview to Radio Freedonia on Monday.")
    st = _with(sts, "interview")[0]
    assert _label(st.subject) == "Ivo Brandt" and _label(st.recipient) == "Radio Freedonia"
    assert not [s for s in sts if s.predicate == "give"]


def test_a_paragraph_starting_with_by_is_prose_unless_it_is_a_byline():
    sts = _statements("By Ana Morel, Vostok Daily\n"
                      "By the end of the day, Ruritanian troops had detonated 20 bombs across Vostok.")
    st = _with(sts, "detonate")[0]
    assert _label(st.location) == "Vostok" and st.quantity.value == 20
    assert "Ana Morel" not in {_label(s.subject) for s in sts}


# ------------------------------------------------------------ event nouns

@pytest.mark.parametrize("body, predicate", [
    ("Officials confirmed Ruritania's sale of 12 radar units to Freedonia.", "sells"),
    ("Ruritania's delivery of 12 radar units to Freedonia was completed on Monday.", "supplies"),  # an unknown possessor
])
def test_event_noun_with_own_agent_object_and_count(body, predicate):
    st = _with(_statements(body), predicate)[0]
    assert _label(st.subject) == "Ruritania"
    assert _label(st.object) == "radar units"
    assert (st.quantity.value, st.quantity.unit) == (12, "units")


def test_event_noun_to_gives_the_recipient():
    st = _with(_statements("Officials confirmed Ruritania's sale of 12 radar units to Freedonia."), "sells")[0]
    assert _label(st.recipient) == "Freedonia"


def test_requested_event_noun_keeps_its_count_and_the_requester_receives():
    sts = _statements("Freedonia requested the delivery of 12 radar units.")
    assert (12, "units") in _counts(s for s in sts if _label(s.object) == "radar units")
    st = _with(sts, "supplies_requested")[0]
    assert st.subject is None and _label(st.recipient) == "Freedonia"


@pytest.mark.parametrize("body", [
    "Freedonia paid for the repair of six engines and four radars by Ruritania.",
    "Freedonia asked for repairs of six engines and four radars.",
])
def test_counts_distributed_over_a_coordination(body):
    sts = _statements(body)
    assert {(6, "engines"), (4, "radars")} <= _counts(sts)
    by_count = {s.quantity.value: _label(s.object) for s in sts if s.quantity is not None}
    assert by_count[6] == "engines" and by_count[4] == "radars"


# ------------------------------------------------------------ nested clauses

@pytest.mark.parametrize("body, accuser, accused", [
    ("Freedonia accused Ruritania of sending drones across its airspace.", "Freedonia", "Ruritania"),
    ("Lisbon accused Madrid of sending drones across its airspace.", "Portugal", "Spain"),   # capital -> state
])
def test_nested_clause_links_the_accused_to_the_drones(body, accuser, accused):
    sts = _statements(body)
    assert any(_label(s.subject) == accuser and _label(s.object) == accused for s in sts)
    assert any(_label(s.subject) == accused and _label(s.object) == "drones" for s in sts)


# ------------------------------------------------------------ one event over three sentences

def test_items_of_a_sale_from_later_sentences_inherit_seller_and_recipient():
    body = ("Ruritania announced a sale of air defence systems to Freedonia on Monday.\n"
            "The sale covers 40 Alpha launchers and 200 Bravo missiles.\n"
            "It also includes 30 Charlie drones.")
    sts = _statements(body)
    items = {s.quantity.value: s for s in sts if s.quantity is not None}
    assert {40, 200, 30} <= set(items)
    for n in (40, 200, 30):
        assert _label(items[n].subject) == "Ruritania"
        assert _label(items[n].recipient) == "Freedonia"
    # the item is named by its model where it has one ("40 Alpha launchers" -> Alpha)
    assert {_label(items[n].object) for n in (40, 30)} <= {"Alpha", "Alpha launchers", "Charlie", "Charlie drones"}


# ------------------------------------------------------------ nothing to state

@pytest.mark.parametrize("body", [
    "The minister said on Tuesday that talks were useful.",     # a reporting verb alone
    "People want peace.",                                       # generic participants only
    "They did it.",                                             # pronouns only
    "Ruritania discussed the idea.",                            # only an abstract object
    "Ruritania expressed concern.",
])
def test_no_frame_statement(body):
    sts = _statements(body)
    assert not any(s.predicate in ("say", "says") for s in sts)
    assert sts == []


# ------------------------------------------------------------ confidence

def test_open_statements_are_less_confident_than_typed_ones():
    body = ("Ruritania deployed 300 troops to Vostok. "
            "Ruritania's delivery of 12 radar units to Freedonia was completed on Monday. "
            "Ruritania leased two cargo ships to Freedonia. "
            "Ruritania's shipment of 12 radar units to Freedonia arrived on Monday.")
    sts = _statements(body)
    open_ = [s for s in sts if s.predicate == "lease"]     # (a shipment is a supply, typed)
    typed = [s for s in sts if s.event_code is not None]
    assert {s.predicate for s in open_} == {"lease"} and all(s.event_code is None for s in open_)
    assert {"deploys", "supplies"} <= {s.predicate for s in typed}
    assert max(s.confidence for s in open_) < min(s.confidence for s in typed)


# ------------------------------------------------------------ roles by kind of participant

def test_on_gives_a_target_only_for_an_actor_and_a_place_otherwise():
    sts = _statements("Ivo Brandt left a parcel on a bench in Vostok. Ivo Brandt was caught on video.")
    leave = _with(sts, "leave")[0]
    assert leave.target is None and _label(leave.location) in ("bench", "Vostok")
    assert all(s.target is None for s in sts)


def test_the_subject_does_what_an_infinitive_says_unless_an_order_gives_it_to_the_object():
    sts = _statements("The Ruritanian army used drones to drop bombs on Vostok.")
    assert all(_label(s.subject) != "drones" for s in sts)
    sts = _statements("Russia called on Belarus to close the border.")
    assert any(_label(s.subject) == "Belarus" and "border" in (_label(s.object) or "") for s in sts)


def test_a_claimed_deed_is_the_claimant_s_and_aimed_at_gives_its_target():
    sts = _statements("The Red Hand Brigade accepted responsibility for the bombings, which seemed to be "
                      "aimed at civilians.")
    assert any(_label(s.subject) == "Red Hand Brigade" and "civilians" in (_label(s.object), _label(s.target))
               for s in sts)
    assert not [s for s in sts if s.predicate == "accept"]


def test_an_open_verb_counts_its_patient_only():
    sts = _statements("Ivo Brandt expressed condolences to the families of the six soldiers killed in Vostok.")
    assert all(s.quantity is None for s in sts if s.predicate == "express")
    st = _with(_statements("Ruritanian troops detonated 20 bombs across Vostok."), "detonate")[0]
    assert st.quantity.value == 20



def test_an_event_noun_under_a_refused_light_verb_keeps_its_own_frame():
    st = _with(_statements("Ivo Brandt sent instructions to the Ruritanian army on Monday."), "instruct")[0]
    assert _label(st.subject) == "Ivo Brandt"


def test_a_participle_after_what_is_seen_is_what_it_does():
    sts = _statements("Ivo Brandt entered the bank. Police described Ivo Brandt as a tall man, wearing dark glasses.")
    assert not [s for s in sts if s.predicate == "wear" and _label(s.subject) == "police"]
    sts = _statements("The video showed Ivo Brandt leaving the embassy in Vostok.")
    assert [s for s in sts if s.predicate == "leave" and _label(s.subject) == "Ivo Brandt"]


def test_an_appeal_for_something_is_for_what_is_sought():
    st = _with(_statements("Police in Vostok issued an appeal for witnesses with a photo of the suspect."), "appeal")[0]
    assert _label(st.object) == "witnesses" and st.recipient is None


def test_a_compass_direction_is_no_participant():
    sts = _statements("Vostok lies in the Ruritanian highlands with Freedonia to the east.")
    assert all(_label(s.recipient) != "east" for s in sts)


# ------------------------------------------------------------ precision guards (session 5)

def test_the_ordered_do_it_named_or_not_never_the_one_who_ordered():
    sts = _statements("The interior minister instructed all district prefects to reinforce security around "
                      "the stadiums.")
    assert not [s for s in sts if s.predicate.startswith("reinforce") and _label(s.subject) == "interior minister"]


def test_sent_to_court_is_no_deployment():
    sts = _statements("Officials said the rebels sent the prisoners into the court system. "
                      "The army sent 300 troops to the border.")
    assert [s.predicate for s in sts if _label(s.object) == "prisoners"] == ["send"]
    assert _with(sts, "deploys")[0].quantity.value == 300


@pytest.mark.parametrize("body, predicate, suffix", [
    ("Opposition leaders are begging Ruritanians to boycott the vote on Sunday.", "boycott", "_requested"),
    ("The brigade will be gradually deployed in Vostok over the coming years.", "deploys", "_intended"),
    ("Anti-drone vehicles are to be tested on an airfield near Lisk next month.", "test", "_intended"),
    ("The union urged its members to block the roads into Lisk.", "blocks", "_requested"),
    ("The governor ordered the police to arrest the organisers of the march.", "arrests", "_requested"),
    ("The militia warned shopkeepers to close their shops.", "close", "_requested"),
    ("Freedonia plans to close its border crossings with Vostok.", "close", "_intended"),
    ("The minister sent instructions for the Lisk police to block the roads into the city.", "blocks", "_requested"),
    ("The government is pushing forward with a plan to close the border crossings with Vostok.", "close",
     "_intended"),
])
def test_requests_and_announced_futures_are_not_stated_as_done(body, predicate, suffix):
    """Asked of someone is requested (not their own intent); planned or announced is intended."""
    sts = [s for s in _statements(body) if s.predicate.startswith(predicate)]
    assert sts and all(s.predicate.endswith(suffix) for s in sts)


def test_a_possibility_on_the_governing_verb_reaches_its_complement():
    sts = _statements("Militant groups may decide to seize the border posts of Freedonia.")
    seize = [s for s in sts if s.predicate.startswith("seize")]
    assert seize and all(s.predicate.endswith("_possible") for s in seize)


def test_a_joint_figure_is_on_no_single_member():
    sts = _statements("Norlux and Vesta are the two largest Ruritanian oil firms. "
                      "The two firms export 2.4 million barrels of oil per day.")
    assert not [s for s in sts if s.quantity is not None and _label(s.subject) in ("Norlux", "Vesta")]


def test_what_is_described_is_the_event_not_its_actor():
    sts = _statements("Ruritania launched strikes on three sites in Freedonia. "
                      "Freedonia has described the strikes as unprovoked.")
    d = _with(sts, "describes")[0]
    assert _label(d.subject) == "Freedonia" and _label(d.object) != "Ruritania"


def test_the_place_of_an_attack_does_not_kill():
    sts = _statements("The Lisk bombing was an attack at the Grand Vostok cafe in Lisk which killed 13 people.")
    kills = _with(sts, "kills")
    assert all(s.subject is None or "cafe" not in s.subject.label.lower() for s in kills)


def test_money_poured_into_doing_does_nothing_the_accused_does():
    sts = _statements("The Ruritanian defence ministry is pouring public money into developing insect drones. "
                      "Ruritania accused Freedonia of supporting the rebels.")
    assert not [s for s in sts if _label(s.subject) == "public money"]
    assert _label(_with(sts, "backs")[0].subject) == "Freedonia"


def test_a_document_says_what_its_author_says():
    sts = _statements("Vostok police said in a statement that they had arrested two men in Lisk. "
                      "Four militants were killed near Lisk, the statement said. "
                      "The army's statement said troops seized 30 rifles.")
    assert _with(sts, "kills")[0].claimant is not None and "police" in _with(sts, "kills")[0].claimant.label
    assert _label(_with(sts, "seizes")[0].claimant) == "army"


def test_a_direction_under_a_participant_is_no_place_of_the_event():
    sts = _statements("The brigade is meant to deter Ruritanian aggression towards Vostok and Lisk.")
    assert all(s.location is None for s in sts)


def test_why_the_speaker_was_there_is_not_what_was_said():
    sts = _statements('"Talks go nowhere," President Ivo Brandt said, after a meeting with Secretary-General '
                      'Ana Petrov to discuss peace negotiations.')
    discuss = [s for s in sts if s.predicate.startswith("discuss")]
    assert discuss and all(s.claimant is None for s in discuss)


def test_a_noun_the_tagger_took_for_a_verb_is_still_the_one_told_what_to_do():
    sts = _statements('Ivo Brandt said he has instructed all police prefects to "reinforce the security of '
                      'places of worship".')
    reinforce = [s for s in sts if s.predicate.startswith("reinforce")]
    assert reinforce and all(s.predicate.endswith("_requested") and _label(s.subject) != "Ivo Brandt"
                             for s in reinforce)


def test_with_x_saying_makes_x_the_claimant_and_with_x_accusing_is_the_writers_aside():
    sts = _statements("Gunmen opened fire on the tourists, with survivors saying the militants were singling "
                      "out Vostok men. Lisk police have alleged two of the attackers were Ruritanian nationals, "
                      "with Freedonia accusing Ruritania of supporting militants.")
    assert _label(_with(sts, "single_out")[0].claimant) == "survivors"
    accuses = _with(sts, "accuses")[0]
    assert accuses.claimant is None and accuses.status == "reported"


def test_what_a_work_of_fiction_depicts_did_not_happen():
    sts = _statements("Ivo Brandt referred to a 2015 film that depicts Ruritanian agents launching raids against "
                      "smugglers in Freedonia.")
    assert not [s for s in sts if s.predicate.startswith(("launch", "attacks", "strikes"))]


def test_asking_if_is_a_question_not_a_request():
    sts = _statements("Ivo Brandt asked agent Ana Petrov under cross-examination if there was any evidence.")
    assert not [s for s in sts if s.predicate == "requests"]


def test_what_a_unit_is_to_become_is_intended():
    sts = _statements("The brigade, to consist of around 900 troops and 40 civilian employees, will be deployed "
                      "over the coming years.")
    consists = [s for s in sts if s.predicate.startswith("consists_of")]
    assert consists and all(s.predicate.endswith("_intended") for s in consists)


def test_a_means_presented_to_do_something_does_not_do_it():
    sts = _statements("Prosecutors presented telephone records, a taxi log and photos to trace Ivo Brandt's "
                      "movements.")
    trace = [s for s in sts if s.predicate.startswith("trace")]
    assert trace and all(_label(s.subject) == "prosecutors" for s in trace)


def test_he_after_a_speaker_noun_is_the_speaker():
    sts = _statements("Ivo Brandt grew up in Lisk. One community worker said he contacted the police after "
                      "Brandt praised the bombers.")
    contact = [s for s in sts if s.predicate.startswith("contact")]
    assert contact and all(_label(s.subject) == "community worker" for s in contact)


def test_an_expletive_it_stands_for_nothing():
    sts = _statements("Norlux Defence said that it is not ruled out that those responsible are involved in "
                      "the attempt.")
    assert all(_label(s.object) != "Norlux Defence" for s in sts if s.predicate.endswith("rule_out"))


def test_said_it_would_is_intended():
    sts = _statements("Russia bought 12 jets. Russia said that it would buy 30 more tanks.")
    buys = _with(sts, "buys_intended")
    assert buys[0].quantity.value == 30


def test_an_event_causing_another_lends_it_no_actor_from_earlier_sentences():
    sts = _statements("Ruritania struck camps in Freedonia in 2016. In 2019, the Lisk bombing, which killed 40 "
                      "police officers, prompted airstrikes deep into Vostok.")
    assert all(_label(s.subject) != "Ruritania" for s in sts if s.predicate.startswith("prompt"))


@pytest.mark.parametrize("body, predicate", [
    ("The attack left 25 soldiers and one civilian dead.", "kills"),
    ("The blast left 30 people wounded.", "injures"),
])
def test_a_result_word_makes_leave_the_event(body, predicate):
    sts = _statements(body)
    assert _with(sts, predicate) and not [s for s in sts if s.predicate == "leave"]


def test_a_fuller_statement_of_the_same_event_covers_a_bare_one():
    injures = _with(_statements("The blast left 30 people wounded."), "injures")
    assert len(injures) == 1 and injures[0].quantity.value == 30


@pytest.mark.parametrize("body, absent", [
    ("For each business, call all the workers and organize the vote.", "calls_for"),   # not "call for"
    ("The Vostoks form the largest ethnic group in the republic.", "forms"),
    ("Last month Ruritania targeted 13 more Freedonian officials with sanctions.", "strikes"),
])
def test_verbs_in_another_sense_by_their_object_or_a_preposition_before_them(body, absent):
    assert absent not in [s.predicate for s in _statements(body)]


def test_to_something_no_one_can_receive_is_no_recipient():
    sts = _statements("The suspect immediately returned to his bike.")
    assert all(s.recipient is None for s in sts)


def test_page_furniture_inside_a_paragraph_is_cut_out():
    sts = _statements("Protesters clash with Vostok security forces View Photos Thousands have been arrested.")
    clash = _with(sts, "clashes_with")[0]
    assert "Thousands" not in clash.evidence.text and "Photos" not in (_label(clash.object) or "")


def test_where_something_comes_from_is_not_what_was_acted_on():
    sts = _statements("We have a lot of drugs coming in from Freedonia, Ivo Brandt said.")
    assert all(_label(s.object) != "Freedonia" for s in sts)


def test_what_a_receiver_is_given_to_do_the_receiver_does():
    sts = _statements("Ruritania provided the Freedonian police with several million dollars' worth of radars "
                      "to watch the border.")
    watch = [s for s in sts if s.predicate.startswith("watch")]
    assert watch and all(_label(s.subject) != "Ruritania" for s in watch)
    assert _label(_with(sts, "supplies")[0].object) == "radars"      # "worth of": the radars


def test_a_news_outlet_reports_and_is_no_place():
    sts = _statements("A Ruritanian general died in Freedonia, the Vostok Times reported. Ivo Brandt pushed back "
                      "against reporting in the Lisk Herald that Ruritania had approved strikes into Freedonia.")
    died = [s for s in sts if s.predicate.startswith("die")]
    assert died and all(s.status == "reported" for s in died)
    push = [s for s in sts if s.predicate.startswith("push_back")]
    assert push and all(s.status == "reported" and s.location is None for s in push)   # the doubting act happened


def test_narration_after_a_quote_closes_is_not_the_quote():
    sts = _statements('"Talks go nowhere," President Ivo Brandt said, after a meeting with Secretary-General '
                      'Ana Petrov in Lisk.')
    assert all(s.claimant is None for s in sts if s.predicate == "meets")


def test_a_hedge_reaches_only_its_own_clause():
    sts = _statements("The ministry is pouring money into developing drones, apparently for spying in cities.")
    assert all(s.status == "reported" for s in sts if s.predicate.startswith("develop"))


def test_can_states_a_possibility():
    sts = _statements("The prisoners were sent to military courts, where they can face long sentences.")
    face = [s for s in sts if s.predicate.startswith("face")]
    assert face and all(s.predicate.endswith("_possible") for s in face)


def test_file_photo_prefixes_and_event_nouns_are_no_places():
    sts = _statements("FILE - Police attend to an incident on the Lisk Bridge in Lisk.")
    assert all("FILE" not in s.evidence.text for s in sts)
    assert all(_label(s.location) != "incident" for s in sts)


def test_a_place_in_a_participles_way_does_not_act():
    sts = _statements("Ivo Brandt is being held in a federal prison west of Lisk awaiting trial.")
    assert all(_label(s.subject) != "Lisk" for s in sts)


def test_it_emerged_names_nothing():
    sts = _statements("Ruritania bought 12 jets. Days later it emerged the ringleader had been known to police.")
    assert not [s for s in sts if s.predicate.startswith("emerge")]


@pytest.mark.parametrize("body, predicate, suffix", [
    ("Observers suggest unrest will worsen, prompting, perhaps, a military coup.", "prompt", "_possible"),
    ("Ivo Brandt held out the prospect of longer jail sentences for extremists.", "sentence", "_possible"),
    ("Colectivos roam the barrios, warning locals to toe the government line.", "toe", "_intended"),
])
def test_possibilities_and_warnings_to_others_are_not_done(body, predicate, suffix):
    sts = [s for s in _statements(body) if s.predicate.startswith(predicate)]
    assert sts and all(s.predicate.endswith(suffix) for s in sts)


def test_nearly_and_not_wanting_negate():
    sts = _statements("A Ruritanian transport helicopter was nearly downed by a drone near Lisk. "
                      "Ivo Brandt said he did not want a meeting with Ana Petrov in Vostok.")
    assert [s.predicate for s in sts if "shoots_down" in s.predicate] == ["shoots_down_prevented"]   # averted
    assert not [s for s in sts if s.predicate in ("meets", "meets_intended")]
    # a quality not wanted is no meeting not wanted, nor one wanted
    wasted = _statements("Ivo Brandt said he did not want a wasted meeting with Ana Petrov in Vostok.")
    assert not [s for s in wasted if "meets" in s.predicate]
    let = _statements('"Let it be cut the way it is," Ivo Brandt said on Monday.')
    assert not [s for s in let if s.predicate == "cut"]


def test_a_wish_for_others_to_act_is_the_wishers_claim():
    sts = _statements("Ivo Brandt has expressed a desire for Ruritania to supply long-range missiles to Freedonia.")
    st = _with(sts, "supplies_requested")[0]
    assert _label(st.claimant) == "Ivo Brandt" and st.status == "claimed"


def test_indicted_is_charged_not_arrested():
    sts = _statements("Colonel Ivo Brandt and two officers of the Lisk garrison were all indicted on Monday.")
    assert not [s for s in sts if s.predicate == "arrests"]


def test_convicted_for_doing_is_the_convicted():
    sts = _statements("A court has convicted a friend of Ivo Brandt for impeding the investigation.")
    impede = [s for s in sts if s.predicate.startswith("impede")]
    assert impede and all(_label(s.subject) != "court" for s in impede)


def test_a_report_inside_a_quote_is_the_speakers_claim():
    sts = _statements('Ivo Brandt said that "intelligence confirmed the vessel was trafficking narcotics" last week.')
    traffic = [s for s in sts if s.predicate.startswith("traffic")]
    assert traffic and all(_label(s.claimant) == "Ivo Brandt" for s in traffic)


def test_a_running_total_has_no_actor_from_before():
    sts = _statements("The Vostok Brigade killed 14 people in Lisk in January. By the end of 1972, 496 people "
                      "had been killed.")
    assert all(_label(s.subject) != "Vostok Brigade" for s in sts if s.quantity and s.quantity.value == 496)


def test_for_x_to_do_is_done_by_x_and_a_things_purpose_is_intended():
    sts = _statements("Ivo Brandt sent instructions for the Lisk authorities to strengthen security. "
                      "Ruritania paid 5 million dollars for weapons to arm the rebels.")
    strengthen = [s for s in sts if s.predicate.startswith("strengthen")]
    assert strengthen and all(_label(s.subject) != "Ivo Brandt" for s in strengthen)
    assert not [s for s in sts if s.predicate == "supplies"]        # arming them is the purpose


def test_little_doubt_is_no_doubt():
    sts = _statements("There is little doubt here that Ruritanian troops attacked the convoy near Lisk.")
    assert all(s.status != "disputed" for s in sts)


def test_a_parenthetical_speaker_reaches_relative_clauses_and_a_participle_speaker_its_quote():
    sts = _statements("Leaders of those councils, critics say, are loyalists who would sideline elected mayors. "
                      'Ivo Brandt responded, stating, "our troops are working hard to build new schools."')
    assert all(_label(s.claimant) == "critics" for s in sts if s.predicate.startswith("sideline"))
    assert all(_label(s.claimant) == "Ivo Brandt" for s in sts if s.predicate.startswith("build"))


def test_a_gerund_subject_of_could_is_possible():
    sts = _statements("Forcing drone makers to programme their machines could be part of the answer, "
                      "Ivo Brandt said.")
    prog = [s for s in sts if s.predicate.startswith("programme")]
    assert prog and all(s.predicate.endswith("_possible") for s in prog)


def test_it_as_a_driven_load_is_no_body_named_before():
    sts = _statements("Ivo Brandt checked into the Lisk Motel. Prosecutors say it was driven to Vostok and "
                      "detonated.")
    assert all(_label(s.object) != "Lisk Motel" for s in sts)


def test_deaths_from_a_disease_are_no_killing():
    sts = _statements("Ivo Brandt announced eight people died of an unidentified disease. Three soldiers died of "
                      "their wounds.")
    assert [s.quantity.value for s in sts if s.predicate == "kills"] == [3]


@pytest.mark.parametrize("body, absent", [
    ("Ivo Brandt was questioned about the Lisk Herald report.", "questions"),
    ("Ivo Brandt warned that Ruritania threatened security in Europe.", "threatens"),
    ("The gunman had pledged allegiance to the Black Hand.", "pledges"),
])
def test_more_verbs_in_another_sense(body, absent):
    assert absent not in [s.predicate for s in _statements(body)]


def test_a_manner_with_is_no_partner_and_a_coordinated_verb_shares_the_modal():
    sts = _statements("I do not contemplate internment with any pleasure, Ivo Brandt said. The councils are run "
                      "by loyalists who would sideline elected mayors and win direct contracts.")
    assert all(_label(s.object) != "pleasure" for s in sts)
    win = [s for s in sts if s.predicate.startswith("win")]
    assert win and all(s.predicate.endswith("_possible") for s in win)


def test_a_hedge_on_who_someone_is_is_no_hedge_on_what_was_done_to_him():
    sts = _statements("The alleged killer, shot dead by police, had joined the Black Hand. However, Perez "
                      "assured, the government is doing all it can to resolve the shortage.")
    assert all(s.status == "reported" for s in sts if s.predicate == "kills")
    assert all(_label(s.claimant) == "Perez" for s in sts if s.predicate.startswith("resolve"))


def test_they_inside_a_quote_is_whoever_the_speaker_means():
    sts = _statements('Ruritanian forces shelled Lisk on Monday. "They have changed their tactics there," said '
                      'one source.')
    assert all(_label(s.subject) != "ruritanian forces" for s in sts if s.predicate.startswith("change"))


def test_blamed_on_names_the_blamed_not_the_target():
    sts = _statements("The Black Hand bombed the cafe in 1974. Some blamed the attack on the far-right.")
    assert all(_label(s.object) != "far-right" and _label(s.target) != "far-right"
               for s in sts if s.predicate == "attacks")


@pytest.mark.parametrize("body, absent", [
    ("Ivo Brandt declared, recalling the two occasions when Ana Petrov entered his shop.", "recalls"),
    ('"I did not think they would fire me," she said.', "launches"),
])
def test_verbs_that_are_their_event_only_with_their_object(body, absent):
    assert not [s for s in _statements(body) if s.predicate.startswith(absent)]


def test_a_strength_counts_people():
    sts = _statements("Ruritania deployed a 5,000-strong brigade to Vostok.")
    assert {(s.quantity.value, s.quantity.unit) for s in sts if s.quantity} == {(5000, "personnel")}


def test_narration_after_a_quote_opened_in_the_sentence_before_is_not_quoted():
    sts = _statements('"Talks are a waste of time. They go nowhere," President Ivo Brandt said, after a meeting '
                      'with Secretary-General Ana Petrov in Lisk.')
    assert all(s.claimant is None for s in sts if s.predicate == "meets")


@pytest.mark.parametrize("body, predicate", [
    ("The police arrived and cordoned off the square in Vostok.", "cordon"),          # a lemmatizer slip fixed
    ("Ivo Brandt checked into the Grand Motel in Vostok on Monday.", "check_into"),    # a phrasal verb kept whole
])
def test_an_open_predicate_is_named_as_the_verb_is_used(body, predicate):
    assert [s for s in _statements(body) if s.predicate.startswith(predicate)]


def test_a_chance_and_a_prospect_are_possible_not_done():
    sts = _statements("The bombing gave rivals such as Ivo Brandt the opportunity to attack Prime Minister Jan Horak.")
    assert all(not s.predicate.startswith("attacks") or s.predicate.endswith("_possible") for s in sts)
    sts = _statements("Ilse Varga held out the prospects of new powers for the police and longer jail sentences "
                      "for extremists.")
    assert all(s.predicate.endswith("_possible") for s in sts if s.predicate.startswith("sentence"))


def test_where_a_vehicle_is_driven_to_is_a_place_not_a_recipient():
    sts = [s for s in _statements("Prosecutors say Ivo Brandt drove the truck to Geary Lake in Vostok.")
           if s.predicate == "drive"]
    assert sts and all(s.recipient is None for s in sts)


def test_who_is_given_something_in_a_passive_receives_it():
    sts = [s for s in _statements("Ivo Brandt was granted political asylum in Ruritania.") if s.predicate == "grant"]
    assert sts and _label(sts[0].recipient) == "Ivo Brandt" and _label(sts[0].object) == "political asylum"


def test_an_it_that_stands_for_an_infinitive_is_no_participant():
    sts = _statements("Bloody Friday shocked Vostok. It required only one man with a loud hailer to clear each area.")
    assert not [s for s in sts if s.predicate == "require"]


def test_a_bare_verb_after_an_infinitive_shares_its_agent_and_modality():
    sts = _statements("The government is pushing a vote to elect an assembly that will have the authority to change "
                      "the constitution, supplant the elected legislature and extend the president's term.")
    supplant = [s for s in sts if s.predicate.startswith("supplant")]
    assert supplant and all(s.predicate.endswith("_authorized") and _label(s.subject) != "government"
                            for s in supplant)


def test_no_longer_and_a_missed_chance_negate():
    sts = _statements("John Keller bombed the depot in May. Villagers accused the police of missing several "
                      "opportunities to identify him.")
    assert [s for s in sts if s.predicate == "not_identify"]
    sts = _statements("The council can no longer even be trusted to count the votes in Vostok.")
    assert not [s for s in sts if s.predicate.startswith("trust")]


def test_an_open_event_noun_speaks_through_its_verb():
    ex = extract(_article("After the blast, the minister sent instructions to the Lisk authorities. Vostok issued a "
                          "travel warning for Ruritania."))
    predicates = {s.predicate for s in ex.statements}
    assert "instruct" in predicates and "instruction" not in predicates
    assert "warning" not in predicates


def test_a_noun_whose_verb_names_another_act_keeps_its_name():
    from kg.extract.frames import verb_of
    from kg.extract.resources import load_resources

    class Ctx:
        res = load_resources()
    assert verb_of(Ctx, "operation") == "operation"
    assert verb_of(Ctx, "deployment") == "deploy"
    assert verb_of(Ctx, "ceremony") == "ceremony"


def test_a_body_s_members_are_no_items_of_an_event():
    sts = _statements("The Freedonian government said it was involved in an armed conflict with the cartels. "
                      "Officials say Ivo Brandt leads a group called the Sun Cartel, which they say includes "
                      "senior army officers.")
    assert not [s for s in sts if s.predicate == "fights" and s.object is not None and "officers" in s.object.label]


def test_a_verb_of_result_keeps_the_state_it_brings_about():
    sts = _statements("Militant attacks have brought Ruritania and Freedonia to the brink of war.")
    assert {s.predicate for s in sts if s.object is not None and s.object.label in ("Ruritania", "Freedonia")} \
        == {"bring_to_brink"}


def test_a_place_noun_under_on_is_where_not_whom_and_a_clock_time_names_no_one():
    sts = _statements('Governor Ivo Brandt said, "I deny the existence of any leak on the premises of the Lisk '
                      'refinery." A police source said the bag had been placed in front of the shop at around '
                      '4.15 p.m. local time (1415 GMT).')
    deny = [s for s in sts if s.predicate == "denies"]
    assert deny and all(s.target is None for s in deny)
    placed = [s for s in sts if s.predicate == "place"]
    assert all(s.target is None for s in placed)
    assert [s for s in placed if s.location is not None and s.location.label == "shop"]


def test_an_aim_is_never_the_one_doing_it():
    sts = _statements('The mayor called the leaflets "a campaign that has one purpose, which is to spread fear '
                      'among the voters."')
    assert not [s for s in sts if s.subject is not None and "purpose" in s.subject.label]


def test_an_event_noun_without_a_suffix_speaks_through_its_verb():
    from kg.extract.frames import verb_of
    from kg.extract.resources import load_resources

    class Ctx:
        res = load_resources()
    assert verb_of(Ctx, "outbreak") == "break out"
    assert verb_of(Ctx, "flight") == "fly"


def test_pressure_on_a_capital_is_no_place_and_an_attack_on_it_still_is():
    sts = _statements("The plan also includes increased military aid to Lisk and economic pressure on Vostok.")
    assert not [s for s in sts if s.location is not None and s.location.label == "Vostok"]
    sts = _statements("Five people were killed in an attack on Vostok on Monday.")
    assert [s for s in sts if s.predicate == "kills" and s.location is not None and s.location.label == "Vostok"]


def test_a_noun_after_the_quote_closes_is_no_object_of_the_quoted_verb():
    sts = _statements('Vostok pushed back, with spokesman Ivo Brandt saying that "the consistency of our position '
                      'doesn\'t change" - a reference to its desire for the troops to leave the region.')
    assert not [s for s in sts if s.object is not None and s.object.label == "reference"]


def test_a_claim_of_responsibility_someone_had_to_make_is_not_made():
    sts = _statements("Some members believed that the organisation had to admit responsibility for attacks "
                      "carried out, even if the results were not those intended.")
    attacks = [s for s in sts if s.predicate == "attacks"]
    assert attacks and all(s.status != "claimed" and s.claimant is None for s in attacks)


def test_an_incident_names_no_event_of_its_own():
    sts = _statements("Police attend to an incident on Vostok Bridge in Lisk, Ruritania, May 3, 2019.")
    assert not [s for s in sts if s.predicate.startswith("incident")]
    sts = _statements("A bomb exploded on Vostok Bridge in Lisk on Monday. Police said the incident was "
                      "under investigation.")
    assert not [s for s in sts if s.predicate.startswith("incident")]


def test_an_aim_as_the_only_participant_is_rhetoric_not_an_event():
    sts = _statements('"We will keep working to promote peace and stability in Lisk," the minister said. '
                      "He promised that the new council will herald a new era of prosperity.")
    assert not [s for s in sts if s.object is not None and s.object.label in ("peace", "stability", "new era")]
    sts = _statements("The Ruritanian army will restore calm in Lisk next week.")
    assert [s for s in sts if s.predicate.startswith("restore") and s.subject is not None]


def test_a_generic_object_of_an_unnamed_subject_says_nothing_and_a_denial_still_does():
    sts = _statements("The council went from a friendly organ that recognized the need for restraint "
                      "to a branch office of the party.")
    assert not [s for s in sts if s.object is not None and s.object.label == "need"]
    sts = _statements("The governor of Lisk denies the allegations, according to the Vostok Herald.")
    assert [s for s in sts if s.predicate == "denies"]


def test_what_one_listens_to_is_the_object_not_a_recipient():
    st = _with(_statements('"He used to listen to a lot of Ivo Brandt," a friend told the Vostok Herald.'), "listen")[0]
    assert _label(st.object) == "Ivo Brandt" and st.recipient is None


def test_who_responds_to_an_attack_is_not_its_attacker():
    sts = _statements("The Ruritanian army responded to the attack on Lisk within hours.")
    attacks = [s for s in sts if s.predicate == "attacks"]
    assert attacks and all(s.subject is None or "army" not in s.subject.label.lower() for s in attacks)
    for verb in ("turned", "resorted"):     # ("resorted": a past tense the parse tags as a participle)
        sts = _statements(f"After the talks failed, the rebels {verb} to attacks on the villages of Lisk.")
        assert [s for s in sts if s.predicate == "attacks" and _label(s.subject) == "rebels"]


def test_deaths_put_down_to_a_disease_are_no_killing_and_to_a_rocket_still_are():
    sts = _statements("Officials speculated that the nine unexplained deaths over the last week in Lisk might have "
                      "been the result of complications from the disease.")
    assert not [s for s in sts if s.predicate.startswith("kills")]
    sts = _statements("The deaths of 12 villagers in Vostok were caused by a rocket attack.")
    assert [s for s in sts if s.predicate == "kills" and s.quantity is not None and s.quantity.value == 12]


@pytest.mark.parametrize("body, subject", [
    ("Leftists were arrested, including Marta Ilic, wife of the playwright Jon Sava, and the writer Lev Dorn.", None),
    ("Police detained several activists in Lisk, including Marta Ilic and Lev Dorn.", "police"),
])
def test_the_named_members_of_an_including_list_are_patients_too(body, subject):
    held = [s for s in _statements(body) if s.predicate == "arrests"]
    assert {_label(s.object) for s in held} >= {"Marta Ilic", "Lev Dorn"}
    assert "Jon Sava" not in {_label(s.object) for s in held}       # the husband, not on the list
    assert all(_label(s.subject) == subject for s in held)


def test_unnamed_uncounted_members_of_an_including_list_add_nothing():
    sts = _statements("The strike killed 21 civilians, including children.")
    assert [(s.predicate, _label(s.object)) for s in sts if s.predicate == "kills"] == [("kills", "civilians")]
    sts = _statements("The strike killed 21 civilians, including 11 children.")   # a counted part: its own count
    assert sorted((_label(s.object), s.quantity.value) for s in sts if s.predicate == "kills") \
        == [("children", 11), ("civilians", 21)]


def test_the_target_and_place_of_a_condemned_event_are_the_event_s_not_the_condemnation_s():
    sts = _statements("Ruritania condemned this cowardly attack on members of the Freedonian forces in Lisk.")
    judged = [s for s in sts if s.predicate == "criticizes"]
    assert judged and all(s.target is None and s.location is None for s in judged)


def test_a_patrol_crashed_into_or_fired_on_is_the_troops_on_it_not_the_attacker_s_patrol():
    sts = _statements("A suicide bomber crashed into a Freedonian foot patrol near Lisk.")
    assert [_label(s.target).lower() for s in sts if s.predicate == "crash_into"] == ["freedonian foot patrol"]
    sts = _statements("Gunmen fired on a police patrol in Lisk.")
    assert not [s for s in sts if s.predicate == "patrols" and _label(s.subject) == "gunmen"]


def test_a_later_mention_that_names_only_the_agent_joins_the_earlier_event():
    sts = _statements("Gunmen attacked a police post in Lisk on Monday. The attack is widely believed to have "
                      "been carried out by the Vostok Front.")
    front = [s for s in sts if s.predicate == "attacks" and _label(s.subject) == "Vostok Front"]
    assert front and _label(front[0].object) == "police post" and front[0].status == "unverified"


def test_an_agent_alone_with_no_earlier_event_states_nothing():
    assert not _statements("The attack was carried out by the Vostok Front.")


def test_a_subject_raised_from_a_passive_belief_is_unverified():
    sts = _statements("Freedonian troops are believed to have seized the airport.")
    assert [s.status for s in sts if s.predicate == "seizes"] == ["unverified"]


def test_what_something_is_used_by_someone_to_do_is_theirs():
    sts = _statements("Cheap drones could be used by smugglers to carry grenades into Lisk.")
    assert [_label(s.subject) for s in sts if s.predicate.startswith("carry")] == ["smugglers"]


def test_who_authorises_an_operation_is_not_who_carries_it_out():
    sts = _statements("The ministers authorised certain operations against the rebels to be undertaken at once.")
    assert not [s for s in sts if s.predicate.startswith("conducts_operations") and _label(s.subject) == "ministers"]
    assert [s for s in sts if s.predicate == "authorizes" and _label(s.subject) == "ministers"]


def test_the_one_seen_doing_something_does_it():
    sts = _statements("Ivo Brandt is on trial. Watching a monitor, jurors saw Brandt, clad in a grey coat, approach "
                      "the counter of the bank.")
    seen = [s for s in sts if s.predicate.startswith("approach")]
    assert [s.predicate for s in seen] == ["approach"] and _label(seen[0].subject).endswith("Brandt")


def test_what_a_participle_of_purpose_follows_does_what_it_is_aimed_at():
    sts = _statements("The minister said Vostok posed a threat as she toured Lisk to open Freedonia's new naval base "
                      "on the coast, designed to protect the southern shipping lanes.")
    protect = [s for s in sts if s.predicate.startswith("protect")]
    assert protect and all(_label(s.subject) != "Vostok" for s in protect)


def test_a_noun_the_parse_cut_off_as_a_second_object_is_no_participant():
    head = "Court Convicts Friend of Manila Bombing Suspect"
    ex = extract(Article("t.txt", head + "\nA court ruled on Monday.", head, len(head) + 1))
    assert [_label(s.object) for s in ex.statements if s.predicate == "convict"] != [] and \
        "suspect" not in [_label(s.object) for s in ex.statements if s.predicate == "convict"]


@pytest.mark.parametrize("body", [
    "The Vostok Front held secret talks with Ruritanian ministers in Lisk.",
    "By June, the Vostok Front felt confident enough to hold secret talks with Ruritanian ministers in Lisk.",
])
def test_talks_with_unnamed_officials_are_a_meeting_with_them(body):
    met = [s for s in _statements(body) if s.predicate == "meets"]
    assert [(_label(s.subject), _label(s.object).lower(), _label(s.location)) for s in met] == \
        [("Vostok Front", "ruritanian ministers", "Lisk")]


def test_calling_a_ceasefire_declares_it_and_calling_for_one_asks_for_it():
    called = [s for s in _statements("The Vostok Front called a ceasefire in Lisk.") if s.predicate.startswith("agrees")]
    assert [(s.predicate, _label(s.subject)) for s in called] == [("agrees_ceasefire", "Vostok Front")]
    asked = [s for s in _statements("The Vostok Front called for a ceasefire in Lisk.")]
    assert ("calls_for", "Vostok Front") in [(s.predicate, _label(s.subject)) for s in asked]
    assert not [s for s in asked if s.predicate == "agrees_ceasefire"]


def test_a_preposition_coordinated_with_another_word_is_no_role_of_the_head():
    sts = _statements("A friend of the ringleader said he warned police, alerting them to comments made about "
                      "previous terrorist attacks in Ruritania and of his alarm at the man's extremist beliefs.")
    assert not [s for s in sts if s.predicate == "attacks" and _label(s.object) == "alarm"]


@pytest.mark.parametrize("body, predicate, agent, patient, place", [
    ("The Vostok convoy came under attack near Lisk on Monday.", "attacks", None, "vostok convoy", "Lisk"),
    ("Ruritanian soldiers came under heavy fire from Vostok rebels near Lisk.", "fire", "Vostok rebels",
     "ruritanian soldiers", "Lisk"),
    ("The city of Lisk has been under siege since March.", "siege", None, "Lisk", None),
])
def test_an_event_under_which_a_subject_comes_befalls_it(body, predicate, agent, patient, place):
    sts = _statements(body)
    found = [(s.predicate, _label(s.subject), (_label(s.object) or "").lower() or None, _label(s.location))
             for s in sts if s.predicate == predicate]
    assert found == [(predicate, agent, patient.lower(), place)]
    assert not [s for s in sts if s.predicate in ("come", "be")]     # the noun's frame says it


def test_an_abstract_noun_another_noun_specifies_is_a_thing_of_its_own():
    drafted = [(s.predicate, _label(s.subject), _label(s.object)) for s in
               _statements("Ruritanian ministers and Freedonia formulated a 12-point plan in Lisk.")]
    assert ("formulate", "Freedonia", "12-point plan") in drafted
    assert [(s.predicate, _label(s.object)) for s in _statements("Freedonia drafted a peace plan.")] == \
        [("draft", "peace plan")]
    assert not [s for s in _statements("Freedonia drafted a plan.") if s.predicate == "draft"]


def test_a_noun_an_active_participle_follows_does_it_but_not_after_a_comma_or_as_a_place():
    held = [(s.predicate, _label(s.subject), _label(s.object)) for s in _statements(
        "The capture splits the country, with the Vostok Front in control of Darfur and the army holding the capital, Lisk.")]
    assert ("hold", "army", "Lisk") in held
    waved = _statements("Bands of gunmen roam poor neighborhoods, waving guns.")
    assert not [s for s in waved if s.predicate == "wave" and _label(s.subject) == "poor neighborhoods"]


def test_agreeing_to_a_thing_is_an_event_and_agreeing_to_an_act_is_its_modality():
    agreed = [(s.predicate, _label(s.subject), _label(s.object)) for s in _statements(
        "The truce took effect after Freedonia and the Vostok Front agreed to the first phase of the peace plan.")]
    assert ("agree_to", "Freedonia", "phase") in agreed and ("agree_to", "Vostok Front", "phase") in agreed
    assert [(s.predicate, _label(s.object)) for s in _statements("Freedonia agreed to withdraw its 12 brigades.")
            if s.predicate.startswith("agree")] == []
    assert not [s for s in _statements("Freedonia agreed to a ceasefire.") if s.predicate == "agree_to"]


@pytest.mark.parametrize("body, sides", [
    ("Freedonia agreed to a ceasefire.", [("Freedonia", None)]),
    ("Freedonia and the Vostok Front agreed on a truce.", [("Freedonia", "Vostok Front")]),
    ("Freedonia agreed a ceasefire with the Vostok Front on Friday.", [("Freedonia", "Vostok Front")]),
    ("Freedonia agreed to a ceasefire with the Vostok Front.", [("Freedonia", "Vostok Front")]),
])
def test_a_ceasefire_agreed_to_or_on_is_the_agreeing_sides(body, sides):
    assert [(_label(s.subject), _label(s.object)) for s in _statements(body)
            if s.predicate == "agrees_ceasefire"] == sides


def test_a_participle_before_whom_a_verb_of_telling_addresses_states_nothing():
    told = _statements("In his speech, the Ruritanian president told cheering lawmakers that the war was over.")
    assert not [s for s in told if s.predicate.startswith("cheer")]


def test_welcomed_to_a_place_is_hosting_and_an_object_that_names_nothing_leaves_no_statement():
    hosted = [(s.predicate, _label(s.subject), _label(s.object), _label(s.location)) for s in _statements(
        "Emmanuel Macron welcomed Volodymyr Zelensky to the Elysee Palace on Monday.")]
    assert ("hosts", "Emmanuel Macron", "Volodymyr Zelensky", "Élysée Palace") in hosted
    assert not [s for s in _statements("Every step that increases pressure on Lisk is welcome.")
                if s.predicate == "increase"]
    assert [(s.predicate, _label(s.location)) for s in _statements("Explosions went off in Lisk on Monday.")] \
        == [("go_off", "Lisk")]      # nothing to be the object of: the place stays


def test_naming_an_object_to_a_status_is_an_act_and_naming_a_thing_is_not():
    named = [(s.predicate, _label(s.subject), _label(s.object)) for s in _statements(
        "The constitutional court has named Col Ivo Marek as the country's new leader.")]
    assert ("name", "constitutional court", "Col Ivo Marek") in named
    assert not [s for s in _statements("The operation was named after a river.") if s.predicate == "name"]
    assert not [s for s in _statements("Ivo Marek declared that the war was over.") if s.predicate == "declare"]


def test_using_a_weapon_and_working_with_a_party_are_events():
    used = [(s.predicate, _label(s.subject), _label(s.object), s.quantity and s.quantity.value) for s in _statements(
        "The Vostok Front is using 600 glide bombs per month.")]
    assert ("use", "Vostok Front", "glide bombs", 600) in used
    worked = [(s.predicate, _label(s.object)) for s in _statements(
        "Under the accord, the Lisk Stabilisation Force will work with Freedonia and Ruritania.")]
    assert ("work_with_intended", "Freedonia") in worked and ("work_with_intended", "Ruritania") in worked
    assert not [s for s in _statements("He used the phone to call his mother.") if s.predicate == "use"]


def test_getting_weapons_is_an_event_with_each_item_and_its_own_count():
    got = {(s.predicate, _label(s.subject), _label(s.object), s.quantity and s.quantity.value) for s in _statements(
        "Freedonia will also get modern radars, twelve air defence systems and other advanced weaponry.")}
    assert ("get_intended", "Freedonia", "air defence systems", 12) in got
    assert ("get_intended", "Freedonia", "other advanced weaponry", None) in got
    assert not [s for s in _statements("Freedonia will get a chance to respond.") if s.predicate.startswith("get")]


def test_posing_a_threat_is_the_threat_of_the_one_who_poses_it():
    found = [(s.predicate, _label(s.subject), _label(s.recipient) or _label(s.object)) for s in _statements(
        "Ruritania poses a direct threat to Freedonia, the minister said.")]
    assert ("threat", "Ruritania", "Freedonia") in found and not [p for p, _, _ in found if p == "pose"]
