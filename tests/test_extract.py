"""The extractor on short articles written here, one construction each.

Each test builds an ``Article`` in memory and checks the statements the rules
read off it; a few sentences must produce nothing.
"""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract, extractor_id
from kg.model import Article


def _article(body: str, published: date | None = None, publisher: str | None = None) -> Article:
    text = "Headline of the story\n" + body
    return Article("t.txt", text, "Headline of the story", len("Headline of the story"),
                   publisher=publisher, published=published)


def _facts(body: str, **kw):
    ex = extract(_article(body, **kw))
    return ex, [(s.predicate, s.subject.label if s.subject else None, s.object.label if s.object else None)
                for s in ex.statements]


def _one(ex, predicate):
    found = [s for s in ex.statements if s.predicate == predicate]
    assert found, f"no {predicate} in {[s.predicate for s in ex.statements]}"
    return found[0]


def test_evidence_is_verbatim_with_offsets():
    ex = extract(_article("Russia deployed 300 troops to Belarus on Monday, officials said."))
    for st in ex.statements:
        assert ex.article.text[st.evidence.start:st.evidence.end] == st.evidence.text


def test_deployment_with_count_unit_and_place():
    ex, _ = _facts("The United Kingdom has deployed 1,200 soldiers and pilots to Estonia.")
    st = _one(ex, "deploys")
    assert st.subject.label == "United Kingdom"
    assert st.location.label == "Estonia"
    assert st.quantity.value == 1200 and st.quantity.qualifier == "exact"
    assert st.quantity.unit == "soldiers and pilots"
    assert st.event_code == "CAMEO:150"


def test_possession_with_lower_bound_claimed_by_speaker():
    ex, _ = _facts('"Our army knows the power of the Javelin, and Ukraine has no less than 2,000 of them," '
                   "Volodymyr Zelensky said.")
    st = _one(ex, "possesses")
    assert (st.subject.label, st.object.label) == ("Ukraine", "Javelin")
    assert st.quantity.value == 2000 and st.quantity.qualifier == "at_least"
    assert st.claimant.label == "Volodymyr Zelensky"
    assert st.status == "claimed"


def test_publisher_cannot_verify_makes_it_unverified():
    body = ("Iran has more than 3,000 Shahed drones, its Defence Minister claimed on Monday. "
            "Reuters could not independently verify the number of drones cited by the minister.")
    ex, _ = _facts(body, publisher="Reuters")
    st = _one(ex, "possesses")
    assert st.quantity.qualifier == "more_than"
    assert st.status == "unverified"


def test_experts_questioning_makes_it_disputed():
    ex, _ = _facts("The general has claimed that his forces now have more than 90,000 volunteers, "
                   "though analysts have called into question that number.")
    assert any(s.status == "disputed" and s.quantity and s.quantity.value == 90000 for s in ex.statements)


def test_denial_cue():
    ex, _ = _facts("India accused Pakistan of supporting militants - a charge Islamabad denies.")
    st = _one(ex, "backs")
    assert (st.subject.label, st.object.label) == ("Pakistan", "militants")
    assert st.status == "denied"


def test_a_denied_charge_covers_the_accusation_not_the_rest_of_the_sentence():
    ex, _ = _facts("Police have alleged two of the attackers were Pakistani nationals, with Delhi accusing "
                   "Pakistan of supporting militants - a charge Islamabad denies.")
    assert _one(ex, "backs").status == "denied"
    assert _one(ex, "has_nationality").status != "denied"


def test_according_to_gives_the_claimant():
    ex, _ = _facts("According to the Pentagon, the Houthis fired 12 missiles at commercial ships.")
    st = next(s for s in ex.statements if s.quantity and s.quantity.value == 12)
    assert st.claimant.label == "Pentagon"


def test_supply_with_recipient():
    ex, _ = _facts("Germany has supplied IRIS-T air defence systems to Ukraine.")
    st = _one(ex, "supplies")
    assert st.subject.label == "Germany"
    assert st.object.label == "IRIS-T"
    assert st.recipient.label == "Ukraine"


def test_sanctions_on_listed_companies():
    _, facts = _facts("The EU has announced new sanctions targeting Iran's two biggest shipping firms - "
                      "IRISL and NITC.")
    assert ("sanctions", "European Union", "IRISL") in facts
    assert ("sanctions", "European Union", "NITC") in facts


def test_casualties_with_lower_bound():
    ex, _ = _facts("Russia launched a missile attack on Kharkiv that killed at least 11 people.")
    st = _one(ex, "kills")
    assert st.subject.label == "Russia"
    assert st.quantity.value == 11 and st.quantity.qualifier == "at_least"


def test_office_held_from_title_and_country():
    _, facts = _facts("Japan's defence minister, Gen Nakatani, visited the base.")
    assert ("holds_office", "Gen Nakatani", "Japan") in facts


def test_surname_joins_full_name_and_demonym_points_to_country():
    ex = extract(_article("Kenyan President William Ruto met Somali officials. "
                          "Ruto said Kenya would deploy 400 police officers to Haiti."))
    labels = {e.label for e in ex.entities}
    assert "William Ruto" in labels and "Ruto" not in labels
    assert "Kenya" in labels


def test_weekday_normalised_against_publication_date():
    ex = extract(_article("Israel struck Hezbollah targets in southern Lebanon on Tuesday.",
                          published=date(2025, 3, 20)))
    st = _one(ex, "strikes")
    assert st.time == "2025-03-18"


def test_weekday_left_open_without_publication_date():
    ex = extract(_article("Israel struck Hezbollah targets in southern Lebanon on Tuesday."))
    assert _one(ex, "strikes").time is None


def test_vague_amount_is_a_lower_bound():
    ex = extract(_article('Maduro has been mobilizing "millions" of militia members.'))
    st = _one(ex, "mobilizes")
    assert st.quantity.value >= 1_000_000 and st.quantity.qualifier == "at_least"


def test_measured_property_with_upper_bound():
    ex = extract(_article("The Stinger is a shoulder-fired missile. They have a range of up to 8 kilometres."))
    st = _one(ex, "has_range")
    assert st.subject.label == "Stinger"
    assert (st.quantity.value, st.quantity.qualifier, st.quantity.unit) == (8, "at_most", "kilometre")


@pytest.mark.parametrize("body", [
    "There is no indication that Trump has decided to strike Iran.",
    "If China invades Taiwan, the US would impose sanctions on Beijing.",
    "The weather in Brussels was mild and the markets were calm.",
    "",
])
def test_sentences_that_state_no_fact(body):
    ex = extract(_article(body or "Nothing happened."))
    assert [s for s in ex.statements if not s.predicate.startswith("holds_office")] == []


def test_authorised_event_is_not_stated_as_done():
    _, facts = _facts("The president authorised the army to conduct operations in the border region of Kursk.")
    assert not any(p == "conducts_operations" for p, _, _ in facts)


def test_extractor_id_names_rules_data_and_pipeline():
    name = extractor_id()
    assert name.startswith("geokg.rules-v")
    assert "+" in name


def test_runs_without_the_statistical_model(monkeypatch):
    """The blank pipeline still finds gazetteer entities; relations need the parser."""
    import kg.extract.nlp as nlp
    monkeypatch.setenv("GEOKG_MODEL", "blank")
    nlp.load_pipeline.cache_clear()
    try:
        ex = extract(_article("Venezuela and Colombia signed a border agreement in Caracas."))
        assert {"Venezuela", "Colombia", "Caracas"} <= {e.label for e in ex.entities}
    finally:
        nlp.load_pipeline.cache_clear()


def test_first_person_in_a_quote_is_the_speaker():
    _, facts = _facts('"Every time I meet Erdogan, we agree on nothing," President Emmanuel Macron said.')
    assert ("meets", "Emmanuel Macron", "Recep Tayyip Erdoğan") in facts


def test_operation_name():
    _, facts = _facts('Israel launched strikes on Iran. The strikes - named "Operation Rising Lion" - hit '
                      "nuclear sites.")
    assert any(p == "names_operation" and s == "Israel" for p, s, _ in facts)


def test_counted_presence_in_a_country():
    ex, _ = _facts("Estonia is small. Around 900 British troops are already in the country, officials said.")
    st = _one(ex, "present_in")
    assert st.location.label == "Estonia"
    assert (st.quantity.value, st.quantity.qualifier) == (900, "approximately")


def test_share_as_a_percentage():
    ex, _ = _facts("Saudi Aramco is responsible for nearly half of all Gulf oil exports.")
    st = _one(ex, "accounts_for")
    assert (st.quantity.value, st.quantity.unit, st.quantity.qualifier) == (50, "percent", "approximately")


def test_purchase_agreed_with_seller_and_price_conversions_skipped():
    ex, facts = _facts("Poland has signed a contract to buy 32 F-35 jets from the United States for $4.6bn "
                       "(£3.5bn).")
    st = _one(ex, "buys_agreed")
    assert (st.subject.label, st.object.label, st.target.label) == ("Poland", "F-35", "United States")
    values = sorted(s.quantity.value for s in ex.statements if s.quantity)
    assert 3.5e9 not in values and 4.6e9 in values and 32 in values


def test_passive_killing_takes_the_agent_of_the_attack_around_it():
    ex, _ = _facts("In attacks by al-Shabab on Monday, at least 12 people were killed in Mogadishu.")
    st = _one(ex, "kills")
    assert st.subject.label == "Al-Shabaab" or "Shabab" in st.subject.label
    assert st.quantity.value == 12


def test_plural_demonym_is_people_not_the_state():
    ex, _ = _facts("Israel blocked displaced Palestinians from returning to northern Gaza.")
    assert not any(s.subject and s.subject.label == "Palestine" for s in ex.statements)
    assert any(p.endswith("_prevented") for p in (s.predicate for s in ex.statements))


def test_the_demonym_leader_is_the_office_holder_named_before():
    ex, facts = _facts("Nicolás Maduro spoke in Caracas. The US wants to pressure the Venezuelan leader, "
                       "and Washington sanctioned the Venezuelan leader on Friday.")
    assert ("sanctions", "United States", "Nicolás Maduro") in facts


def test_one_huge_line_is_read_in_pieces_with_true_offsets():
    body = " ".join(["Russia deployed 300 troops to Belarus on Monday."] * 400)   # ~20k characters, one line
    ex = extract(_article(body))
    assert ex.statements
    for st in ex.statements:
        assert ex.article.text[st.evidence.start:st.evidence.end] == st.evidence.text


@pytest.mark.parametrize("cue, status", [
    ("The BBC has not verified the figure.", "unverified"),
    ("Officials in Kyiv dismissed the claim as fabricated.", "denied"),
    ("Officials in Kyiv called the claim unfounded.", "denied"),
])
def test_more_status_cues(cue, status):
    ex, _ = _facts("Russia claimed it had shot down 40 Ukrainian drones over Belgorod. " + cue)
    st = _one(ex, "shoots_down")
    assert st.status == status


def test_particle_read_as_adverb_and_counts_out_of_a_total():
    ex, _ = _facts("Ukraine's air force said it had shot down 45 of 60 drones launched by Russia overnight.")
    st = _one(ex, "shoots_down")
    assert st.subject.label == "Ukrainian air force" and st.quantity.value == 45   # "it" is the speaker
    # the whole counts only what its own noun underwent: Russia launched 60
    assert [(s.subject.label, s.quantity.value) for s in ex.statements if s.predicate == "launches"] \
        == [("Russia", 60)]


def test_captured_village_claim_denied_by_the_other_side():
    ex, _ = _facts("Russia's defence ministry claimed its forces had captured the village of Novopavlivka, "
                   "a claim Kyiv denied.")
    st = _one(ex, "captures")
    assert st.subject.label == "Russian forces" and st.status == "denied"


def test_diplomatic_and_ceasefire_events():
    _, facts = _facts("Poland summoned the Russian ambassador on Monday. Hamas released 33 hostages in exchange "
                      "for 1,900 Palestinian prisoners. Israel and Hamas agreed a ceasefire in Gaza.")
    assert ("summons", "Poland", "russian ambassador") in facts
    assert ("releases", "Hamas", "hostages") in facts
    assert any(p == "agrees_ceasefire" and s == "Israel" for p, s, _ in facts)


def test_a_denial_does_not_reach_the_counts_of_other_sentences_without_a_figure_word():
    ex = extract(_article("Azerbaijan says four soldiers were killed by Armenian shelling near Lachin. "
                          "Armenia's defence minister told reporters that Azerbaijan's claim of a ceasefire "
                          "violation is false."))
    killed = _one(ex, "kills")
    assert killed.quantity.value == 4 and killed.claimant.label == "Azerbaijan"
    assert killed.status == "claimed"


def test_a_charge_denied_leaves_the_accusation_and_the_office_as_stated():
    ex = extract(_article("Colombia's Defence Minister Pedro Sanchez accused Venezuela of sheltering rebels, "
                          "a charge Caracas denies."))
    accuse = _one(ex, "accuses")
    assert accuse.object.label == "Venezuela"
    assert accuse.status == "reported" and accuse.claimant.label == "Pedro Sánchez"    # his own words
    assert all(s.status != "denied" for s in ex.statements if s.predicate == "holds_office")


@pytest.mark.parametrize("body, predicate, value, qualifier", [
    ("Ukraine's air force said it shot down 45 of the 62 drones launched overnight.", "shoots_down", 45, "exact"),
    ("Russian forces launched dozens of drones at Kharkiv.", "launches", 24, "at_least"),
])
def test_a_count_of_a_part_keeps_the_counted_noun(body, predicate, value, qualifier):
    ex = extract(_article(body))
    counts = [s.quantity for s in ex.statements if s.quantity is not None and s.predicate == predicate]
    assert [(q.value, q.qualifier, q.unit) for q in counts] == [(value, qualifier, "drones")]


def test_a_wire_dateline_names_no_actor():
    ex = extract(_article("TAIPEI (Reuters) - China's military launched large-scale exercises around Taiwan on "
                          "Monday.\nBEIJING (Reuters) - The drills were condemned by Taipei."))
    labels = {e.label for e in ex.entities}
    assert "TAIPEI" not in labels and "BEIJING" not in labels
    st = _one(ex, "holds_exercises")
    assert st.location.label == "Taiwan" and st.subject.label != "TAIPEI"


@pytest.mark.parametrize("body, predicate", [
    ("The European Union and Mercosur struck a trade deal on Friday.", "strikes"),
    ("Poland sent a strong signal to Russia, Donald Tusk said.", "deploys"),
    ("Germany will meet its Nato capability commitments by 2029.", "meets"),
    ("The Israeli army released a video of the raid.", "releases"),
    ("Ukraine launched an investigation into the explosion.", "launches"),
    ("The bloc said the measures target 20 Russian banks.", "strikes"),
    ("Storm Ciaran hit the coast of Normandy.", "strikes"),
])
def test_an_event_verb_in_another_sense_states_no_event(body, predicate):
    _, facts = _facts(body)
    assert predicate not in [p for p, _, _ in facts]


@pytest.mark.parametrize("body, predicate", [
    ("Russia sent 3,000 troops to Belarus.", "deploys"),
    ("Hamas released three hostages.", "releases"),
    ("Israeli jets struck targets in Beirut.", "strikes"),
])
def test_the_same_verbs_in_their_event_sense(body, predicate):
    _, facts = _facts(body)
    assert predicate in [p for p, _, _ in facts]


def test_an_attributive_disputed_doubts_nothing():
    ex = extract(_article("Thailand and Cambodia signed a ceasefire agreement near their disputed border."))
    assert {s.status for s in ex.statements} == {"reported"}


def test_a_figure_disputed_by_someone_is_disputed():
    ex = extract(_article("Russia says it sent 500 soldiers to Mali, a figure disputed by analysts."))
    st = _one(ex, "deploys")
    assert st.quantity.value == 500 and st.status == "disputed"


def test_a_relative_clause_keeps_out_of_the_main_clause_denial():
    ex = extract(_article("Iran, which backs the Houthis, has denied supplying the rebels with missiles."))
    assert _one(ex, "backs").status == "reported"


def test_the_group_points_back_at_the_last_group_named():
    ex = extract(_article("The Houthis fired four missiles at a tanker. Iran has denied supplying the group "
                          "with missiles."))
    st = _one(ex, "supplies")
    assert (st.subject.label, st.recipient.label, st.object.label) == ("Iran", "Houthis", "missiles")
    assert st.status == "denied"


def test_a_country_s_ministry_and_its_forces_are_named_by_the_country():
    ex = extract(_article("Russia's defence ministry said its air defences destroyed 23 Ukrainian drones."))
    st = _one(ex, "destroys")
    assert st.subject.label == "Russian air defences" and st.claimant.label == "Russian defence ministry"
    assert st.quantity.value == 23 and st.quantity.unit == "drones"


@pytest.mark.parametrize("body, predicate, subject, obj", [
    ("Russia and Ukraine exchanged 390 prisoners of war on Friday.", "exchanges", "Russia", "prisoners"),
    ("Taiwan's defence ministry said it detected 32 Chinese aircraft near the island.", "detects",
     "Taiwanese defence ministry", "chinese aircraft"),
    ("Ukrainian forces repelled 38 Russian assaults near Pokrovsk.", "repels", "ukrainian forces",
     "russian assaults"),
    ("China strongly opposes the arms sale, its foreign ministry said.", "opposes", "China", "arms sale"),
    ("The Houthis sank a Greek-owned cargo ship in the Red Sea.", "sinks", "Houthis", "Greek-owned cargo ship"),
    ("The United States imposed 25% tariffs on Indian goods.", "imposes_tariffs", "United States", "indian goods"),
    ("Ukraine received three Patriot systems from Germany.", "receives", "Ukraine", "Patriot"),
])
def test_more_event_verbs(body, predicate, subject, obj):
    _, facts = _facts(body)
    assert (predicate, subject, obj) in facts


def test_a_passive_with_an_agent_keeps_its_victims():
    ex = extract(_article("Three civilians were killed by Armenian shelling, the defence ministry in Baku said."))
    st = _one(ex, "kills")
    assert (st.subject.label, st.object.label, st.quantity.value) == ("Armenia", "civilians", 3)


def test_each_counted_victim_keeps_its_own_number():
    ex = extract(_article("Thailand says 14 soldiers and eight civilians have been killed."))
    got = sorted((s.object.label, s.quantity.value) for s in ex.statements if s.predicate == "kills")
    assert got == [("civilians", 8), ("soldiers", 14)]


def test_a_number_in_the_sourcing_phrase_counts_nothing():
    ex = extract(_article("Jakarta is negotiating with Turkish Aerospace to buy up to 48 KAAN fighters, according to "
                          "two officials familiar with the talks."))
    assert all(s.quantity is None or s.quantity.value != 2 for s in ex.statements)
    st = _one(ex, "buys_intended")
    assert st.subject.label == "Indonesia"
    assert (st.quantity.value, st.quantity.qualifier) == (48, "at_most")


@pytest.mark.parametrize("body, predicate, time", [
    ("Anutin Charnvirakul, who faces an election early next year, signed the accord on Friday.", "signs",
     "2025-06-06"),
    ("Taiwan said on Wednesday that China protested a day after Washington approved the sale of 60 Stinger "
     "missiles to Taiwan.", "approves", None),
    ("US Secretary of State Marco Rubio said last week that the talks had failed.", "holds_office", None),
    # a noun's own time dates the noun, not the verb over it
    ("Freedonia, which has denied any involvement in last month's attack, closed its border.", "denies", None),
    ("Ivo Brandt was not charged with taking part in the April 15, 2013, attack on Lisk.", "not_charges", None),
    # a participle after its noun is a relative clause with its own time
    ("Ivo Brandt praised a new arms package approved by Ruritania on Wednesday.", "approves", "2025-06-11"),
    ("Ivo Brandt praised a new arms package approved by Ruritania on Wednesday.", "praises", None),
    # a deadline belongs to its own verb, not to the one it is coordinated with
    ("The Ruritanian brigade will be deployed over the coming years and should recruit 300 soldiers by 2027.",
     "deploys_intended", None),
    # the past perfect puts the event before the time of the sentence that reports it
    ("On Wednesday, Ivo Brandt said that Freedonia had approved missile strikes on Lisk.", "approves", None),
])
def test_a_date_belongs_to_its_own_clause(body, predicate, time):
    ex = extract(_article(body, published=date(2025, 6, 12)))
    assert _one(ex, predicate).time == time


def test_a_claim_denied_in_an_apposition_names_who_denies_it():
    ex = extract(_article("The Houthis claimed to have fired a hypersonic missile at Ben Gurion airport, a claim "
                          "that Israel's military said was false."))
    st = _one(ex, "launches")
    assert (st.subject.label, st.claimant.label, st.status) == ("Houthis", "Houthis", "denied")
    assert st.status_by.label == "Israeli military"


def test_which_x_denied_denies_the_sentence():
    ex, facts = _facts("Russian forces captured the village of Novoolenivka, which Kyiv denied.")
    st = _one(ex, "captures")
    assert st.status == "denied" and st.status_by.label == "Ukraine"
    assert "denies" not in [p for p, _, _ in facts]


def test_the_claim_rejected_in_the_next_sentence():
    ex = extract(_article("The Russian defence ministry claimed its forces had captured Novoolenivka. "
                          "Ukraine's General Staff rejected the claim."))
    st = _one(ex, "captures")
    assert st.claimant.label == "Russian defence ministry" and st.status == "denied"


def test_a_capital_accused_is_its_country_but_a_capital_struck_stays_a_city():
    _, facts = _facts("Thai officials accused Phnom Penh of laying new landmines. Russia struck Kyiv overnight.")
    assert ("accuses", "Thai officials", "Cambodia") in facts
    assert ("strikes", "Russia", "Kyiv") in facts


def test_accused_by_y_of_doing_is_done_by_the_accused():
    ex = extract(_article("The Wagner Group had been accused by Human Rights Watch of killing hundreds of "
                          "civilians."))
    kill = _one(ex, "kills")
    assert kill.subject.label == "Wagner Group" and kill.claimant.label == "Human Rights Watch"
    assert kill.quantity.value == 200 and kill.quantity.qualifier == "at_least"
    assert _one(ex, "accuses").quantity is None      # the count is the killing's


def test_an_instrument_buys_nothing():
    _, facts = _facts("Kyiv said the money would be used to buy air defence systems.")
    assert not any(s == "money" for _, s, _ in facts)


def test_a_counterpart_named_in_apposition_takes_part():
    _, facts = _facts("Thai Prime Minister Anutin Charnvirakul and his Cambodian counterpart, Hun Manet, "
                      "signed the accord.")
    assert {s for p, s, _ in facts if p == "signs"} == {"Anutin Charnvirakul", "Hun Manet"}


def test_a_shoot_down_does_not_make_the_defender_the_attacker():
    _, facts = _facts("Ukraine's air force said it shot down 45 drones. Oleh Kiper said a residential "
                      "building had been hit.")
    assert ("strikes", "Ukraine", "residential building") not in facts


def test_each_other_runs_both_ways():
    _, facts = _facts("Azerbaijan and Armenia accused each other on Sunday of launching drone attacks, the latest "
                      "flare-up between the two neighbours.")
    assert sorted(f for f in facts if f[0] == "accuses") == [("accuses", "Armenia", "Azerbaijan"),
                                                           ("accuses", "Azerbaijan", "Armenia")]


def test_an_accusation_is_not_counted():
    ex = extract(_article("Azerbaijan and Armenia accused each other of attacks, the latest flare-up between "
                          "the two neighbours."))
    assert all(s.quantity is None for s in ex.statements)


def test_none_of_it_was_hit_is_a_negation():
    ex, facts = _facts("Armenia said Azerbaijani forces fired at its positions overnight but that none of its "
                       "artillery had been hit.")
    assert not [f for f in facts if f[0] == "strikes" and f[2] in ("none", None)]
    assert all(s.object is None or s.object.label != "none" for s in ex.statements)


def test_unlikely_that_states_nothing():
    _, facts = _facts("Analysts say it is unlikely that Indonesia will buy all three types of jet.")
    assert not [f for f in facts if f[0].startswith("buys")]


def test_targeting_after_imposed_sanctions_names_more_targets():
    ex = extract(_article("The European Union imposed fresh sanctions on Belarus on Monday, targeting three of "
                          "its largest state-owned banks."))
    got = {(s.object.label, s.quantity.value if s.quantity else None) for s in ex.statements
           if s.predicate == "sanctions"}
    assert got == {("Belarus", None), ("largest state-owned banks", 3)}
    assert "strikes" not in {s.predicate for s in ex.statements}


def test_the_leaders_of_and_both_sides_are_the_countries():
    _, facts = _facts("The leaders of Thailand and Cambodia signed a ceasefire agreement on Friday. Both sides "
                      "will withdraw artillery to at least 10 kilometres from the frontier.")
    assert {s for p, s, _ in facts if p == "signs"} == {"Thailand", "Cambodia"}
    assert {s for p, s, _ in facts if p == "withdraws_intended"} == {"Thailand", "Cambodia"}


def test_counts_pair_with_their_own_nouns_and_time_spans_count_nothing():
    ex = extract(_article("Taiwan's defence ministry said it had detected 32 Chinese military aircraft and nine "
                          "navy ships around the island over the past 24 hours."))
    got = sorted((s.object.label, s.quantity.value) for s in ex.statements if s.predicate == "detects")
    assert got == [("chinese military aircraft", 32), ("navy ships", 9)]


def test_a_decision_by_x_to_do_is_done_by_x():
    ex = extract(_article("The drills followed a decision by the US State Department on Tuesday to approve the "
                          "possible sale of 60 Stinger missiles to Taiwan."))
    st = _one(ex, "approves")
    assert st.subject.label.endswith("State Department") and st.recipient.label == "Taiwan"


def test_keep_increasing_is_no_prevention():
    _, facts = _facts("Lai said Taiwan would keep increasing its own defence budget, which his government has "
                      "proposed raising to 3.3% of GDP next year.")
    assert not [p for p, _, _ in facts if p.endswith("_prevented")]


@pytest.mark.parametrize("body, value, place", [
    ("The health ministry said the overall death toll in Gaza had risen to 61,430.", 61430, "Gaza"),
    ("Officials said the strike killed 12 people, bringing the death toll in Kharkiv to 40.", 40, "Kharkiv"),
])
def test_a_death_toll_counts_the_dead_at_the_place(body, value, place):
    ex = extract(_article(body))
    tolls = [s for s in ex.statements if s.predicate == "kills" and s.quantity and s.quantity.value == value]
    assert tolls and tolls[0].location.label == place


@pytest.mark.parametrize("body", ["Iran has enriched uranium to 60% purity.",
                                  "The Dutch economy grew by 0.4 percent in the third quarter."])
def test_a_level_or_a_change_is_not_a_share(body):
    _, facts = _facts(body)
    assert "accounts_for" not in [p for p, _, _ in facts]


def test_a_share_of_a_whole_is_a_share():
    _, facts = _facts("Rosneft accounts for 40% of Russian oil output.")
    assert ("accounts_for", "Rosneft", "russian oil output") in facts


def test_weapons_sent_to_another_country_are_supplied_with_their_model_numbers_uncounted():
    ex = extract(_article("Germany will send Ukraine four IRIS-T systems and 20 Leopard 2 tanks. Germany will "
                          "also send 14 Leopard 2A6 tanks to Ukraine."))
    got = sorted((s.object.label, s.recipient.label, s.quantity.value) for s in ex.statements
                 if s.predicate == "supplies_intended")      # "will send": announced, not done
    assert got == [("IRIS-T", "Ukraine", 4), ("Leopard 2", "Ukraine", 14), ("Leopard 2", "Ukraine", 20)]


def test_troops_sent_are_deployed():
    _, facts = _facts("Russia sent 3,000 troops to Belarus.")
    assert ("deploys", "Russia", "troops") in facts


def test_a_parenthetical_said_after_the_clause_is_the_claimant():
    ex = extract(_article("North Korea fired a ballistic missile into the sea, South Korea's military said, the "
                          "latest in a string of tests."))
    st = _one(ex, "launches")
    assert st.claimant.label == "South Korean military" and st.status == "claimed"


def test_a_claim_not_made_states_nothing():
    _, facts = _facts("Hezbollah has not claimed any attacks on Israel since the ceasefire.")
    assert not [f for f in facts if f[0] == "attacks"]


def test_according_to_a_side_of_the_fighting_is_its_claim():
    ex = extract(_article("According to Pakistan, India hit three different areas. An advance party of around 400 "
                          "Bundeswehr personnel are already in Lithuania, according to the defence ministry."))
    assert _one(ex, "strikes").status == "claimed"
    assert _one(ex, "present_in").status == "reported"


def test_a_future_event_takes_the_coming_month():
    ex = extract(_article("China will deliver 20 J-10 fighter jets to Pakistan in March.", published=date(2025, 6, 12)))
    assert _one(ex, "supplies_intended").time == "2026-03"     # announced, not done


def test_a_former_office_is_not_held():
    _, facts = _facts("Former European Commission Vice President Frans Timmermans led the talks.")
    assert "holds_office" not in [p for p, _, _ in facts]


def test_fired_at_names_the_target():
    ex = extract(_article("China's coast guard fired water cannon at two Philippine vessels near Scarborough Shoal."))
    st = _one(ex, "launches")
    assert st.target.label == "philippine vessels" and st.subject.label == "Chinese coast guard"


def test_a_conjoined_passive_with_an_agent():
    _, facts = _facts("Chinese soldiers crossed the line and were repulsed by Indian troops.")
    assert ("repels", "indian troops", "chinese soldiers") in facts


def test_it_in_a_measure_is_the_weapon_not_the_speaker():
    ex = extract(_article("North Korea fired a Hwasong-18 missile on Monday, the JCS said. It reached an altitude "
                          "of roughly 6,000km, the JCS added."))
    assert all(s.subject is None or s.subject.label != "JCS" for s in ex.statements)


@pytest.mark.parametrize("body, subject, predicate, obj", [
    ("US forces have conducted at least five strikes on boats in the Caribbean. UN-appointed human rights "
     "experts have described the raids as extrajudicial executions.", "UN-appointed human rights experts",
     "describes", "US forces"),
    ("Russia launched missiles at Kyiv overnight. The EU condemned the attack.", "European Union", "criticizes",
     "Russia"),
    ("Pakistan condemned India's strikes.", "Pakistan", "criticizes", "India"),
])
def test_judging_an_event_judges_who_carried_it_out(body, subject, predicate, obj):
    # condemning an attack judges its actor (the object); a description describes the event
    # (the object), of its actor (the target)
    ex, _ = _facts(body)
    assert any(s.predicate == predicate and s.subject and s.subject.label == subject
               and obj in [e.label for e in (s.object, s.target) if e] for s in ex.statements)


def test_a_description_is_the_describer_s_claim():
    # a party's description is its claim; experts, no party, describe on the record (reported, with them as source)
    ex = extract(_article("US forces struck boats in the Caribbean. Venezuela described the raids as unlawful."))
    st = _one(ex, "describes")
    assert st.claimant == st.subject and st.status == "claimed"
    ex = extract(_article("US forces struck boats in the Caribbean. Experts described the raids as unlawful."))
    st = _one(ex, "describes")
    assert st.claimant.label == "Experts" or st.claimant == st.subject
    assert st.status == "reported"


def test_wars_fought_over_it_name_no_place_and_count_once():
    ex = extract(_article("India and Pakistan both claim Kashmir. The countries have fought two wars over it."))
    fights = [s for s in ex.statements if s.predicate == "fights"]
    assert all(s.location is None for s in fights)
    assert all(s.quantity is not None for s in fights)


def test_a_meeting_shelved_is_cancelled_and_between_names_both():
    _, facts = _facts("Trump said a meeting planned with Russian President Vladimir Putin in Budapest would be "
                      "shelved. A preparatory meeting between Marco Rubio and Sergei Lavrov was also postponed.")
    assert ("meets_cancelled", "Donald Trump", "Vladimir Putin") in facts
    assert ("meets_cancelled", "Marco Rubio", "Sergei Lavrov") in facts


def test_who_wants_a_transfer_requests_it():
    ex = extract(_article("Ukrainian President Volodymyr Zelensky has expressed a desire for the US to supply "
                          "long-range Tomahawk missiles."))
    req = _one(ex, "requests")
    assert (req.subject.label, req.object.label, req.target.label) == ("Volodymyr Zelensky", "Tomahawk",
                                                                       "United States")
    assert _one(ex, "supplies_requested").subject.label == "United States"


def test_seats_won_and_lost_are_counted():
    _, facts = _facts("D66 won 26 seats, while the PVV lost 11 seats.")
    assert ("wins", "D66", "seats") in facts and ("loses", "PVV", "seats") in facts


@pytest.mark.parametrize("body, subject, obj, value", [
    ("The Pentagon announced a new package of aid for Ukraine worth $725 million.", "Pentagon", None, 725_000_000),
    ("The US provided $60bn in military aid to Ukraine.", "United States", "military aid", 60_000_000_000),
])
def test_aid_in_money_goes_to_its_recipient(body, subject, obj, value):
    ex = extract(_article(body))
    st = _one(ex, "supplies")
    assert st.subject.label == subject and st.recipient.label == "Ukraine"
    assert (st.object.label if st.object else None) == obj and st.quantity.value == value


def test_a_distance_flown_is_a_range_and_flying_somewhere_a_visit():
    ex, facts = _facts("North Korea fired a Hwasong-18 missile on Monday. The missile flew about 1,000km before "
                       "landing in the sea. Putin flew to Beijing on Tuesday.")
    rng = _one(ex, "has_range")
    assert rng.subject.label == "Hwasong-18" and rng.quantity.value == 1000
    assert ("visits", "Vladimir Putin", "Beijing") in facts


def test_its_forces_belong_to_the_speaker_s_country():
    _, facts = _facts("The Russian defence ministry claimed its forces had captured Novoolenivka.")
    assert ("captures", "Russian forces", "Novoolenivka") in facts


def test_the_country_a_leader_defends_is_his_own():
    _, facts = _facts("Nicolas Maduro criticised the United States. In a message on Telegram, he said he was "
                      "mobilising the military to defend the oil-rich country.")
    assert ("defends_intended", "military", "Venezuela") in facts      # the military mobilised defends it


def test_an_office_is_no_one_s_claim():
    ex = extract(_article("\"They just do not go anywhere,\" President Donald Trump said after a meeting with "
                          "Nato Secretary-General Mark Rutte."))
    offices = [s for s in ex.statements if s.predicate == "holds_office"]
    assert offices and all(s.claimant is None and s.status == "reported" for s in offices)


def test_a_relative_clause_s_date_is_not_the_sentence_s():
    ex = extract(_article("Nicolas Maduro, whose legitimacy is contested after disputed elections last year, "
                          "appealed on TV for peace with the US.", published=date(2025, 10, 16)))
    assert all(s.time is None for s in ex.statements if s.predicate == "requests")


def test_its_is_read_in_its_own_sentence():
    _, facts = _facts("The US has deployed troops to Poland. The ministry said its navy had shelled militant camps "
                      "near Kismayo. Serbia has refused to impose sanctions on Moscow over its invasion of "
                      "Ukraine, but it has also sold artillery shells to Ukraine.")
    assert not [f for f in facts if f[0] == "strikes" and "Polish" in (f[1] or "")]
    assert ("invades", "Russia", "Ukraine") in facts and ("sells", "Serbia", "artillery shells") in facts


def test_an_agentless_passive_takes_no_actor_from_other_kinds_of_event():
    _, facts = _facts("The US has imposed sanctions on Iran. Many civilians were killed in the north, according to "
                      "a UN commission.")
    assert not [f for f in facts if f[0] == "kills" and f[1] == "United States"]


def test_event_nouns_with_by_and_with_absolutes():
    _, facts = _facts("Drone strikes by the RSF killed at least 23 people in Abu Shouk on Sunday. More than 500 "
                      "soldiers died this year, with 300 police officers killed in attacks in Balochistan.")
    assert ("kills", "Rapid Support Forces", "people") in facts
    assert ("kills", None, "police officers") in facts


def test_killed_and_wounded_when_attacked():
    ex = extract(_article("Armenia's defence ministry said four of its soldiers were killed and six wounded when "
                          "Azerbaijani forces shelled positions near Jermuk."))
    got = sorted((s.predicate, s.subject.label, s.quantity.value, s.quantity.unit) for s in ex.statements
                 if s.predicate in ("kills", "injures"))
    assert got == [("injures", "Azerbaijani forces", 6, "soldiers"), ("kills", "Azerbaijani forces", 4, "soldiers")]


@pytest.mark.parametrize("body, expected", [
    ("The European Union and Mercosur struck a trade deal on Friday.",
     {("signs", "European Union", "trade deal"), ("signs", "Mercosur", "trade deal")}),
    ("The US and Ukraine sealed a minerals deal.",
     {("signs", "United States", "minerals deal"), ("signs", "Ukraine", "minerals deal")}),
    ("The centrist D66 party reached a coalition agreement with the CDA on Tuesday.",
     {("signs", "centrist D66 party", "CDA")}),
    ("Qatar brokered a deal between Israel and Hamas.", {("mediates", "Qatar", "deal"), ("signs", "Israel", "Hamas")}),
])
def test_agreements_reached(body, expected):
    _, facts = _facts(body)
    assert expected <= set(facts)


def test_under_the_deal_no_one_signs():
    _, facts = _facts("Under the deal, both sides will withdraw troops.")
    assert "signs" not in [p for p, _, _ in facts]


@pytest.mark.parametrize("body, predicate", [
    ("In May the US lifted most of its sanctions on Syria.", "sanctions_ended"),
    ("Beijing halted purchases of US soybeans earlier this year.", "buys_ended"),
])
def test_events_lifted_or_halted_have_ended(body, predicate):
    _, facts = _facts(body)
    assert predicate in [p for p, _, _ in facts]


def test_halting_asked_for_leaves_the_event_going_on():
    _, facts = _facts("Trump has urged India to halt purchases of Russian oil.")
    assert ("buys", "India", "russian oil") in facts


def test_worth_of_goods_bought_and_no_meeting_in_an_interview():
    _, facts = _facts("China bought about 87 billion yen worth of scallops from Japan in 2022. Speaking to CNN on "
                      "Friday, Scott Bessent said the talks went well.")
    assert ("buys", "China", "scallops") in facts
    assert "meets" not in [p for p, _, _ in facts]


def test_who_records_attacks_did_not_make_them():
    _, facts = _facts("NATO has recorded more than 100 hybrid attacks on member states.")
    assert not [f for f in facts if f[0] == "attacks" and f[1] == "NATO"]


def test_a_quote_s_speaker_after_it_claims_it():
    ex = extract(_article('"This was an act of sabotage ordered by the Russian services," Donald Tusk told '
                          "parliament."))
    st = _one(ex, "orders")
    assert st.claimant.label == "Donald Tusk" and st.status == "claimed"


def test_a_count_of_one_listed_noun_stays_with_it():
    ex = extract(_article("A police officer and three gunmen were killed in the clash."))
    got = sorted((s.object.label, s.quantity.value if s.quantity else None) for s in ex.statements
                 if s.predicate == "kills")
    assert got == [("gunmen", 3), ("police officer", None)]


def test_which_after_a_body_in_a_city_is_the_body():
    _, facts = _facts("The dispute is being heard by the International Court of Justice in The Hague, which last "
                      "year ordered Caracas to refrain from any action.")
    assert ("orders", "International Court of Justice", "Venezuela") in facts


@pytest.mark.parametrize("body, fact", [
    ("Netanyahu demanded the demilitarisation of southern Syria.", ("demands", "Benjamin Netanyahu", "demilitarisation")),
    ("Tokyo lodged a protest with Beijing over the incursion.", ("protests", "Japan", "China")),
    ("Ethiopia blamed Eritrea for the attack.", ("accuses", "Ethiopia", "Eritrea")),
    ("Venezuelan soldiers opened fire on a Guyanese patrol.", ("strikes", "venezuelan soldiers", "guyanese patrol")),
    ("A Chinese coast guard vessel blocked the Philippine ship.",
     ("blocks", "chinese coast guard vessel", "philippine ship")),
    ("Gazprom halted deliveries of natural gas to Transnistria.", ("supplies_ended", "Gazprom", "natural gas")),
    ("Fighting erupted between GNU forces and the Radaa militia on Monday.", ("fights", "GNU forces", "Radaa militia")),
    ("The war between Russia and Ukraine continues.", ("fights", "Russia", "Ukraine")),
    ("The United States designated the group a foreign terrorist organization in May.",
     ("designates", "United States", "group")),
    ("Burkina Faso and Niger said they were recalling their ambassadors from Algeria.",
     ("recalls", "Niger", "ambassadors")),
    ("The Greek foreign ministry said it had summoned the Turkish ambassador.",
     ("summons", "greek foreign ministry", "turkish ambassador")),
    ("A drone strike killed 21 civilians.", ("kills", None, "civilians")),
    ("Gunmen killed nine pilgrims and wounded 22 others.", ("kills", "gunmen", "pilgrims")),
    ("Turkish aircraft violated Greek airspace 11,128 times in 2022.",
     ("violates", "turkish aircraft", "greek airspace")),
])
def test_event_sentences(body, fact):
    """One sentence per trigger or construction of the event table, with the fact it must give."""
    _, facts = _facts(body)
    assert fact in facts


def test_a_cause_kills_without_an_agent():
    ex = extract(_article("The explosion killed three people. The fire destroyed the building."))
    kills = _one(ex, "kills")
    assert kills.subject is None and kills.quantity.value == 3 and kills.object.label == "people"
    assert "destroys" not in {s.predicate for s in ex.statements}


@pytest.mark.parametrize("body, victims, value, place", [
    ("The government has said that four people died in the unrest.", "people", 4, None),
    ("Three people were shot dead outside a police station in Douala on Tuesday.", "people", 3, "Douala"),
    ("More than 40 migrants died when their boat capsized off Libya.", "migrants", 40, None),
])
def test_deaths_without_a_killer(body, victims, value, place):
    ex = extract(_article(body))
    st = _one(ex, "kills")
    assert st.subject is None and st.object.label == victims and st.quantity.value == value
    assert (st.location.label if st.location else None) == place


def test_a_side_s_own_toll():
    ex = extract(_article("Cambodia's defence ministry has put its own toll at 19 dead, most of them civilians."))
    st = _one(ex, "kills")
    assert st.location.label == "Cambodia" and st.quantity.value == 19


def test_no_death_denied():
    _, facts = _facts("Officials said the minister did not die in the attack.")
    assert "kills" not in [p for p, _, _ in facts]


def test_an_exchange_names_both_releases():
    ex = extract(_article("Hamas released three Israeli hostages in exchange for 183 Palestinian prisoners."))
    got = {((s.subject.label if s.subject else None), s.object.label, s.quantity.value)
           for s in ex.statements if s.predicate == "releases"}
    assert got == {(None, "palestinian prisoners", 183), ("Hamas", "israeli hostages", 3)}


def test_promises_are_intended_and_threats_threatened():
    _, facts = _facts("Kigali pledged to withdraw its forces from eastern Congo. Russia vowed to strike Kyiv.")
    preds = {p for p, _, _ in facts}
    assert "withdraws_intended" in preds and "strikes_threatened" in preds


def test_a_participle_on_a_noun_is_done():
    _, facts = _facts("The talks, hosted by Qatar, ended without a deal.")
    assert ("hosts", "Qatar", "talks") in facts


def test_a_singular_item_after_a_count_is_not_counted_with_it():
    ex = extract(_article("Britain sent two additional frigates and a maritime patrol aircraft to the Baltic."))
    got = {(s.object.label, s.quantity.value if s.quantity else None) for s in ex.statements}
    assert got == {("additional frigates", 2), ("maritime patrol aircraft", None)}


def test_a_noun_set_apart_from_a_count_is_not_counted_with_it():
    ex = extract(_article("Britain sent eight frigates and other warships to the Baltic."))
    got = {(s.object.label, s.quantity.unit if s.quantity else None) for s in ex.statements}
    assert ("frigates", "frigates") in got and ("other warships", "frigates and warships") not in got


def test_support_for_a_party_is_backing_it_and_with_the_support_of_x_is_x_backing_the_doer():
    def backs(body):
        return [(_lab(s.subject), _lab(s.recipient), s.predicate) for s in extract(_article(body)).statements
                if s.predicate.endswith("backs") or s.predicate.startswith("supplies")]
    assert backs("Britain announced new military support for Moldova.") == [("United Kingdom", "Moldova", "backs")]
    assert backs("The Houthis say they are acting in support of the Palestinians.") \
        == [("Houthis", "Palestinians", "backs")]
    assert backs("Moldova took Lisk with the aid of Russia.") == [("Russia", "Moldova", "supplies")]
    assert not [p for _, _, p in backs("Moldova took Lisk without the aid of Russia.") if not p.startswith("not_")]


def _lab(e):
    return e.label if e is not None else None


def test_the_toll_of_a_strike_on_a_place_counts_the_dead_there():
    kills = [s for s in extract(_article("The death toll from the strike on Lisk has risen to 40.")).statements
             if s.predicate == "kills"]
    assert [(_lab(s.location), s.quantity.value) for s in kills] == [("Lisk", 40)]
    kills = [s for s in extract(_article("Officials said the death toll from the attack on the MV Ivo Star was four."))
             .statements if s.predicate == "kills"]
    assert [(_lab(s.target), s.quantity.value) for s in kills] == [("MV Ivo Star", 4)]


def test_an_attempt_on_someones_life_is_an_attempt_on_them():
    ex = extract(_article("President Ivo Brandt fled the country. Soldiers made an attempt on his life in Lisk."))
    assert [(_lab(s.subject), _lab(s.target)) for s in ex.statements if s.predicate == "attempt"] \
        == [("soldiers", "Ivo Brandt")]


@pytest.mark.parametrize("body, predicate", [
    ("Moldova and Ruritania agreed a ceasefire on Saturday.", "agrees_ceasefire"),
    ("Moldova and Ruritania have agreed to an immediate ceasefire, their ministers said.", "agrees_ceasefire"),
    ("Moldova and Ruritania clashed on the border.", "clashes_with"),
])
def test_two_sides_named_together_are_each_others_counterpart(body, predicate):
    ex = extract(_article(body))
    assert [(_lab(s.subject), _lab(s.object)) for s in ex.statements if s.predicate == predicate] \
        == [("Moldova", "Ruritania")]


def test_sides_named_together_of_a_one_sided_event_stay_two_doers():
    ex = extract(_article("Moldova and Ruritania signed a peace deal in Lisk."))
    assert sorted(_lab(s.subject) for s in ex.statements if s.predicate == "signs") == ["Moldova", "Ruritania"]


def test_clashes_that_displaced_a_count_keep_it():
    ex = extract(_article("The fighting ended weeks of border clashes that have killed at least 41 people and "
                          "displaced almost a million people."))
    assert [(s.quantity.value, s.quantity.qualifier) for s in ex.statements if s.predicate == "displaces"] \
        == [(1_000_000, "approximately")]


def test_the_displacement_of_people_is_displacing_them():
    ex = extract(_article("Israel's strikes led to the displacement of more than 1.2 million residents."))
    assert [(_lab(s.subject), _lab(s.object), s.quantity.value) for s in ex.statements
            if s.predicate == "displaces"] == [("Israel", "residents", 1_200_000)]


def test_what_is_given_to_a_war_goes_to_who_wages_it():
    ex = extract(_article("North Korea has supplied both weapons and troops to the Russian invasion."))
    assert {(_lab(s.object), _lab(s.recipient)) for s in ex.statements if s.predicate == "supplies"} \
        == {("weapons", "Russia"), ("troops", "Russia")}


@pytest.mark.parametrize("body", [
    "In the latest overnight Zarvanian missile attack, three people were killed and 15 injured in the "
    "north-eastern city of Lisk, local officials said.",
    "Three people were killed and 15 injured in Lisk.",
])
def test_a_count_injured_after_a_count_killed_keeps_its_count(body):
    ex = extract(_article(body))
    assert [(_lab(s.object), s.quantity and s.quantity.value) for s in ex.statements if s.predicate == "injures"] \
        == [("people", 15)]


def test_a_counted_passive_agent_counts_the_event():
    ex = extract(_article("The resolution was backed by 13 countries, including Moldova and Ruritania."))
    assert [s.quantity.value for s in ex.statements if s.predicate == "backs" and s.quantity] == [13]
    ex = extract(_article("Lisk was attacked by 30 drones on Monday."))
    assert [s.quantity.value for s in ex.statements if s.predicate == "attacks" and s.quantity] == [30]


def test_a_participle_the_object_of_wanting_undergoes_is_wanted_not_done():
    ex = extract(_article("Moldova wants the 20 prisoners released."))
    freed = [s for s in ex.statements if s.predicate.startswith("releases")]
    assert [(s.predicate, _lab(s.subject), _lab(s.object), s.quantity.value) for s in freed] \
        == [("releases_intended", None, "prisoners", 20)]


def test_zero_deaths_are_none():
    ex = extract(_article("Ivo Brandt said there should be zero deaths in stopping the boats."))
    assert [s.predicate for s in ex.statements if s.predicate.endswith("kills")] == ["not_kills"]
    ex = extract(_article("Zero soldiers were killed in the attack on Lisk."))
    assert [s.predicate for s in ex.statements if s.predicate.endswith("kills")] == ["not_kills"]


def test_the_purpose_of_a_refused_act_is_refused_too():
    ex = extract(_article("Ivo Brandt has refused to return from Moldova to attend the trial."))
    assert {s.predicate for s in ex.statements} == {"return_refused", "participates_in_refused"}


def test_a_cleft_sentence_said_by_someone_is_their_claim():
    ex = extract(_article("Ivo Brandt said it was Russian forces that had attacked Ukraine first."))
    assert [(s.predicate, _lab(s.subject), s.status, _lab(s.claimant)) for s in ex.statements] \
        == [("attacks", "russian forces", "claimed", "Ivo Brandt")]


@pytest.mark.parametrize("body, deed", [
    ("Ivo Brandt thanked the Zarvanian army for shelling Lisk.", "strikes"),
    ("Ivo Brandt criticised the Zarvanian army for shelling Lisk.", "strikes"),
])
def test_a_deed_one_is_thanked_or_blamed_for_is_the_judges_claim(body, deed):
    ex = extract(_article(body))
    assert [(s.status, _lab(s.claimant)) for s in ex.statements if s.predicate == deed] \
        == [("claimed", "Ivo Brandt")]


@pytest.mark.parametrize("body, victims, count", [
    ("The bombing claimed 30 lives in Lisk.", "people", 30),
    ("The attack claimed the lives of 12 soldiers.", "soldiers", 12),
])
def test_lives_claimed_are_people_killed(body, victims, count):
    ex = extract(_article(body))
    assert [(_lab(s.object), s.quantity.value, s.quantity.unit) for s in ex.statements if s.predicate == "kills"] \
        == [(victims, count, victims)]


def test_claiming_anything_but_lives_kills_no_one():
    ex = extract(_article("The rebels claimed responsibility for the attack on Lisk."))
    assert not [s for s in ex.statements if s.predicate == "kills"]


def test_those_with_whom_others_were_killed_injured_are_the_injured():
    ex = extract(_article("Six Moldovan soldiers were killed with two other soldiers and a medic injured."))
    got = {(s.predicate, _lab(s.object), s.quantity and s.quantity.value) for s in ex.statements}
    assert got == {("kills", "Moldovan soldiers", 6), ("injures", "other soldiers", 2), ("injures", "medic", None)}
    ex = extract(_article("Protesters clashed with police resulting in the death of at least 22 people and more "
                          "than 100 others injured."))
    assert not [s for s in ex.statements if s.predicate == "injures" and _lab(s.object) == "police"]


def test_which_right_after_a_name_is_that_name_when_the_parse_hangs_its_clause_elsewhere():
    ex = extract(_article("That move drew sharp protest from Beijing which in turn sanctioned US defence firms."))
    assert [(_lab(s.subject), _lab(s.object)) for s in ex.statements if s.predicate == "sanctions"] \
        == [("China", "US defence firms")]


def test_the_city_named_in_the_first_lines_is_the_city_of_a_later_sentence():
    ex = extract(_article("Zarvanian troops entered Lisk on Monday. Officials said 12 people had died. The army said "
                          "it had lost two tanks. Ivo Brandt called for talks. Markets fell. Later the city was "
                          "shelled by Zarvanian artillery."))
    assert [_lab(s.object) for s in ex.statements if s.predicate == "strikes"] == ["Lisk"]


def test_the_whole_after_a_part_counts_what_its_own_noun_underwent():
    ex = extract(_article("Officials believed at least 1,000 of the 11,000 troops sent from Moldova had been killed."))
    got = {(s.predicate, s.quantity.value, s.quantity.qualifier) for s in ex.statements if s.quantity}
    assert got == {("deploys", 11000, "exact"), ("kills", 1000, "at_least")}
    ex = extract(_article("45 of 60 drones were shot down over Lisk."))
    assert [s.quantity.value for s in ex.statements if s.quantity] == [45]


def test_years_ago_and_evidence_not_provided():
    _, facts = _facts("Al-Shabab retook several towns that it lost three years ago. The police accused the "
                      "services of financing the organizers, without providing evidence.")
    assert not [f for f in facts if f[0] == "supplies"]


def test_a_halted_delivery_makes_no_generic_relation():
    _, facts = _facts("Gazprom halted deliveries of natural gas to Transnistria.")
    assert [p for p, _, _ in facts] == ["supplies_ended"]


def test_a_halt_told_after_another_event_is_still_a_halt():
    _, facts = _facts("Prices rose after Gazprom halted deliveries of natural gas to the territory on January 1.")
    assert ("supplies_ended", "Gazprom", "natural gas") in facts


def test_half_of_them_is_no_share():
    _, facts = _facts("More than 200 people were killed, and about half of them are children.")
    assert "accounts_for" not in [p for p, _, _ in facts]


def test_nationals_of_a_country_are_counted():
    ex = extract(_article("Police have alleged two of the attackers were Pakistani nationals. He is a good man."))
    st = _one(ex, "has_nationality")
    assert (st.subject.label, st.object.label, st.quantity.value) == ("attackers", "Pakistan", 2)
    assert st.claimant.label == "police" and st.status == "claimed"


def test_who_denies_doubts_and_does_not_claim():
    ex = extract(_article("Azerbaijan denied targeting Armenian positions."))
    st = _one(ex, "strikes")
    assert st.claimant is None and st.status == "denied" and st.status_by.label == "Azerbaijan"


def test_involvement_denied():
    ex = extract(_article("But Pakistan, which has denied any involvement in last month's attack, described the "
                          "strikes as unprovoked."))
    st = _one(ex, "involved_in")
    assert (st.subject.label, st.object.label, st.status) == ("Pakistan", "attack", "denied")
    assert st.claimant is None and st.status_by.label == "Pakistan"


@pytest.mark.parametrize("body", ["Roughly 1,500 Russian troops remain stationed in Transnistria.",
                                  "Roughly 1,500 Russian troops remain in Transnistria."])
def test_troops_that_remain_somewhere_are_present_there(body):
    ex = extract(_article(body))
    st = _one(ex, "present_in")
    assert st.location.label == "Transnistria" and st.quantity.value == 1500


def test_a_border_closed_with_a_country():
    ex = extract(_article("Finland closed its border with Russia."))
    st = _one(ex, "closes")
    assert (st.subject.label, st.object.label, st.target.label) == ("Finland", "border", "Russia")


def test_a_request_for_a_transfer_is_no_transfer():
    _, facts = _facts("Kyiv made a request for Germany to supply Taurus missiles.")
    assert ("supplies_requested", "Germany", "Taurus") in facts and ("requests", "Ukraine", "Taurus") in facts


def test_threats_and_promises():
    _, facts = _facts("Iran has threatened to close the Strait of Hormuz. Kigali pledged to withdraw its forces. "
                      "Russia vowed to strike Kyiv.")
    preds = {p for p, _, _ in facts}
    assert {"closes_threatened", "withdraws_intended", "strikes_threatened"} <= preds


def test_a_count_including_a_part_keeps_its_whole_and_the_part_its_own():
    ex = extract(_article("A drone strike on Tinzaouaten killed 21 civilians, including 11 children."))
    assert sorted((s.quantity.value, s.quantity.unit) for s in ex.statements if s.predicate == "kills") \
        == [(11, "children"), (21, "civilians")]


def test_a_place_names_an_agreement_and_pulling_out_of_it_is_a_withdrawal():
    _, facts = _facts("Mali's junta pulled out of the 2015 Algiers peace agreement.")
    assert ("withdraws", "Malian junta", "Algiers peace agreement") in facts
    assert not [f for f in facts if f[0] == "signs"]


def test_a_number_joined_to_a_noun_stays_in_the_description():
    _, facts = _facts("In June 2025 the two countries fought a 12-day war.")
    assert [o for p, _, o in facts if p == "fights"] == ["12-day war"]


def test_a_negated_subject_negates_the_event():
    _, facts = _facts("Not a single Egyptian farmer has lost a drop of water.")
    assert [p for p, _, _ in facts] == ["not_loses"]


def test_a_leader_s_administration_is_the_state_and_a_conflict_with_someone_is_fought():
    _, facts = _facts("The Trump administration said it was involved in an armed conflict with drug-trafficking "
                      "organisations. The Maduro government rejected the claims.")
    assert ("fights", "United States", "drug-trafficking organisations") in facts
    assert ("rejects", "Venezuela", "claims") in facts


_NOUNS = "soldiers farmers teachers doctors nurses pilots sailors miners clerks bakers drivers guards".split()


@pytest.mark.parametrize("body", [
    # a speaker resolved through a pronoun resolved through the speaker ...
    'Olena Varko spoke on Monday.\n"I am not afraid. I will fight Russia until the end," she said.',
    'Olena Varko spoke.\n"I will fight Russia.\nShe disputes "the figure".',
    # ... the same chain over a long article
    "Olena Varko spoke.\n" + "\n".join('"I will fight Russia," she said. "I will not stop," she added.'
                                       for _ in range(150)),
    # 'they' continuing 'they' back to the first sentence
    "Russia and Georgia signed a deal.\n" + "\n".join("They said they would meet." for _ in range(150)),
    # a long coordination, each conjunct resolving the ones after it
    "Russian troops attacked " + ", ".join(_NOUNS[:-1]) + " and " + _NOUNS[-1] + " in Georgia.",
], ids=["quote-she", "quote-she-disputes", "long-quotes", "they-chain", "coordination"])
def test_resolution_is_bounded_and_no_statement_is_lost_to_an_exception(body, caplog):
    """Pronouns, speakers and conjuncts refer to one another; resolution must end, and fast."""
    ex = extract(_article(body))
    assert ex.statements
    assert "rule failed" not in caplog.text


@pytest.mark.parametrize("body", [
    "Ivo Brandt, 26, died after a gunfight with police.",           # an age
    "Tensions rose after Russia revoked Article 370 on Monday.",     # a number in a name
])
def test_ages_and_numbers_in_names_count_nothing(body):
    ex = extract(_article(body))
    assert all(s.quantity is None for s in ex.statements)


def test_a_death_is_a_killing_only_in_a_violent_context():
    _, facts = _facts("Vladimir Putin praised Hugo Chávez, who died in 2013.")
    assert "kills" not in [p for p, _, _ in facts]
    _, facts = _facts("Ivo Brandt died after a roadside bomb exploded under his car.")
    assert ("kills", None, "Ivo Brandt") in facts


def test_the_aid_of_a_state_is_its_aid_and_known_to_be_close_to_it_names_nobody():
    _, facts = _facts("The government will survive with the aid of Russia and China.")
    assert not [f for f in facts if f[0] == "supplies" and f[2] in ("Russia", "China")]
    _, facts = _facts("Leftists known to be sympathetic to ETA were arrested in Madrid.")
    assert not [f for f in facts if f[2] == "ETA"]


def test_a_headline_passive_and_armed_with():
    ex, facts = _facts("Belarus Armed with 300 Russian Missiles, Officials Say.")
    assert ("supplies", None, "russian missiles") in facts
    assert _one(ex, "supplies").recipient.label == "Belarus"


@pytest.mark.parametrize("body, absent", [
    ("A referendum could have cut short the president's term in Ruritania.", "cut"),   # a possibility
    ("Officials said the threat may bring Russia to the negotiating table.", "bring"),
])
def test_what_could_or_may_happen_is_not_stated_as_done(body, absent):
    _, facts = _facts(body)
    assert all(f[0].endswith("_possible") for f in facts if f[0].startswith(absent))


def test_without_doing_negates_and_keeps_the_subject():
    _, facts = _facts("Ivo Brandt launched the campaign in Vostok without consulting the ministry.")
    assert ("not_consult", "Ivo Brandt", "ministry") in facts


def test_an_agent_adjective_names_the_attackers_not_the_state_nearby():
    _, facts = _facts("India has launched strikes on Pakistan. Two weeks after a deadly militant attack on tourists "
                      "in Kashmir, India has launched a series of strikes on sites in Pakistan.")
    assert ("attacks", "militants", "tourists") in facts
    assert not [f for f in facts if f[0] == "attacks" and f[1] == "India"]


def test_he_in_a_clause_a_named_speaker_reports_after_it_is_someone_else():
    _, facts = _facts("Elliott said that Timothy McVeigh paid the fee in cash. He rented the truck using a false "
                      "name, Elliott said.")
    assert ("rent", "Timothy McVeigh", "truck") in facts
    _, facts = _facts("Donald Trump says he authorised the CIA to act in Venezuela.")
    assert [f for f in facts if f[0] == "authorizes" and f[1] == "Donald Trump"]


def test_sending_what_is_no_force_is_no_deployment():
    _, facts = _facts("In a memo sent to Ruritanian lawmakers, the ministry said it was ready. "
                      "Russia sent 3,000 troops to Belarus.")
    assert not [f for f in facts if f[0] == "deploys" and f[2] == "memo"]
    assert ("deploys", "Russia", "troops") in facts


def test_who_is_urged_to_do_something_is_the_target_not_what_is_called_for():
    ex, _ = _facts("Police in Vostok have urged residents to avoid the area.")
    st = _one(ex, "calls_for")
    assert st.object is None and st.target.label == "residents"


def test_it_that_exploded_is_no_state():
    _, facts = _facts("The bomb hit the Oxford Street bus station. As a truck arrived, it exploded, killing two "
                      "soldiers.")
    assert not [f for f in facts if f[0] == "kills" and f[1] is not None]


def test_warning_someone_to_do_something_is_no_claim():
    ex, _ = _facts("The militia in Vostok warned residents to toe the government line.")
    assert all(s.claimant is None for s in ex.statements if s.predicate.startswith("toe"))


def test_determined_to_do_is_intended():
    _, facts = _facts("Friedrich Merz said Germany was determined to defend Lithuania.")
    assert ("defends_intended", "Germany", "Lithuania") in facts


def test_an_imperative_is_an_order_and_a_speaker_s_description_is_no_claim():
    _, facts = _facts('Ivo Brandt told the workers: "Take the lists of voters to the ministry in Vostok."')
    assert not [f for f in facts if f[0].startswith("take")]      # a command states no event of anyone's
    _, facts = _facts("Take, for instance, Ilse Varga, a nurse from Vostok.")
    assert not [f for f in facts if f[0].startswith("take")]
    ex, _ = _facts("Drones are a growing threat, said Dave Sloggett, who runs exercises for the police.")
    assert all(s.claimant is None for s in ex.statements if s.predicate == "run")


def test_it_carried_out_is_the_deed_not_a_state():
    _, facts = _facts("Militants attacked Pahalgam. Narendra Modi said India would punish those who planned and "
                      "carried it out.")
    assert not [f for f in facts if f[0] == "carry_out" and f[2] == "India"]


def test_detained_in_hospital_is_no_arrest():
    _, facts = _facts("Ninety six people were detained in hospital in Vostok after the blast.")
    assert not [f for f in facts if f[0] == "arrests"]


def test_the_leaders_of_a_person_are_not_that_person():
    _, facts = _facts("Community leaders of Donald Trump accused the Ruritanian security services of negligence.")
    assert not [f for f in facts if f[0] == "accuses" and f[1] == "Donald Trump"]
    _, facts = _facts("The leaders of Thailand and Cambodia signed a ceasefire agreement on Friday.")
    assert {s for p, s, _ in facts if p == "signs"} == {"Thailand", "Cambodia"}


def test_page_furniture_is_cut_and_a_place_that_sees_attacks_is_no_attacker():
    ex, facts = _facts("image copyright AFP image caption Vostok sees frequent attacks on security forces in the "
                       "mountains, officials said.")
    assert not [f for f in facts if f[1] and "caption" in f[1]]
    assert not [f for f in facts if f[0] == "attacks" and f[1] == "Vostok"]
    assert all("image" not in s.evidence.text for s in ex.statements)


def test_a_caption_running_into_the_body_is_a_sentence_of_its_own():
    ex, facts = _facts("image copyright AFP image caption Farmers cling to terraces in Vostok's interior The rebels "
                       "attacked a convoy near Lisk on Monday.")
    attack = [s for s in ex.statements if s.predicate == "attacks"]
    assert attack and all("Farmers" not in s.evidence.text and "cling" not in s.evidence.text for s in attack)
    assert all(not (s.subject and "Farmers" in s.subject.label and s.predicate == "attacks") for s in ex.statements)


def test_a_subheading_run_into_its_paragraph_is_a_text_of_its_own():
    ex, _ = _facts("Denials In 1990 Ruritanian troops attacked a convoy near Lisk.")
    attack = [s for s in ex.statements if s.predicate == "attacks"]
    assert attack and all(not s.evidence.text.startswith("Denials") for s in attack)


def test_who_is_accused_of_doing_something_does_it():
    _, facts = _facts("Village elders accused the border guards of missing several warnings.")
    assert ("miss", "border guards", "several warnings") in facts


def test_a_thing_has_no_purpose_of_its_own():
    _, facts = _facts("Ilse Varga came to the station while a search was under way, to identify the man.")
    assert not [f for f in facts if f[0].startswith("identify") and f[1] == "search"]


def test_who_takes_in_an_event_is_not_its_agent():
    ex, facts = _facts("Ilse Varga took a phone order for ten rifles from a caller.")
    assert not [f for f in facts if f[0] == "order" and f[1] == "Ilse Varga"]
    ex, _ = _facts("Vostok suffered an attack by rebels on Monday.")
    attacks = [s for s in ex.statements if s.predicate == "attacks"]
    assert attacks and all(s.subject is None or s.subject.label != "Vostok" for s in attacks)


def test_a_time_from_another_clause_or_a_bound_is_not_the_event_s():
    ex, _ = _facts("Ivo Brandt entered Ruritania in 2010 and was later granted asylum due to ethnic clashes in Vostok.")
    assert all(s.time is None for s in ex.statements if s.predicate.startswith("clash"))
    ex, _ = _facts("After April 15, 2013, two friends removed a backpack from his room in Vostok.")
    assert all(s.time is None for s in ex.statements if s.predicate == "remove")
    # (but a day counted from the date is that day: test_timex.test_a_day_counted_from_a_date_is_that_day)
    ex, _ = _facts("Three days after April 15, 2013, two friends removed a backpack from his room in Vostok.")
    assert [s.time for s in ex.statements if s.predicate == "remove"] == ["2013-04-18"]


def test_a_name_in_a_thing_s_name_is_no_antecedent():
    _, facts = _facts("Police said the suspect wore beige Bermuda shorts and dark glasses. He left the scene on a bicycle.")
    assert not [f for f in facts if f[1] == "Bermuda"]


@pytest.mark.parametrize("body", [
    "The fighting took a heavy toll on Vostok this week.",
    "The leadership of the Ruritanian Front was taken aback by the responses to the attack.",
    "Militants in Vostok may decide to take the law into their own hands.",
    "Our deepest sympathies go out to the families of the soldiers.",
    "The disease took 72 hours to run its course in Vostok.",
])
def test_a_figure_of_speech_is_no_event(body):
    _, facts = _facts(body)
    assert not [f for f in facts if f[0].split("_")[0] in ("take", "run", "go")], facts


def test_a_bombing_is_coded_by_its_kind():
    ex, _ = _facts("The Ruritanian Front carried out a suicide bombing in Vostok. The Freedonian air force began an "
                   "aerial bombing of Lisk.")
    codes = {s.event_code for s in ex.statements if s.predicate == "strikes"}
    assert codes == {"CAMEO:1831", "CAMEO:195"}


def test_hit_with_sanctions_is_a_sanction_not_a_strike():
    _, facts = _facts("Freedonia hits 13 Ruritanian officials with sanctions in advance of the vote.")
    assert not [f for f in facts if f[0] == "strikes"]
    assert [f for f in facts if f[0] == "sanctions" and f[1] == "Freedonia" and f[2] != "advance"]


def test_two_dozen_is_twenty_four():
    ex, _ = _facts("More than two dozen Ruritanian soldiers were killed in rebel attacks in Vostok.")
    assert [s.quantity.value for s in ex.statements if s.predicate == "kills" and s.quantity] == [24]


def test_reportedly_is_unverified_and_a_record_is_a_source_not_a_party():
    ex, _ = _facts("A local commander of the Vostok militia was also reportedly killed.")
    assert {s.status for s in ex.statements if s.predicate == "kills"} == {"unverified"}
    ex, _ = _facts("Phone records indicated that a call was made from the room to the Hunam Palace at 5:17 p.m.")
    assert ex.statements and all(s.status == "reported" for s in ex.statements)


def test_a_claim_reaches_a_clause_on_a_place_in_it():
    ex, _ = _facts("Prosecutors claim the rebels went to Vostok, where they bought 12 rifles from a dealer.")
    buys = [s for s in ex.statements if s.predicate == "buys"]
    assert buys and all(s.status == "claimed" for s in buys)


def test_a_dash_apposition_names_the_subject():
    _, facts = _facts("Ivo Brandt — the anointed successor of the late leader Jan Horak — strongly defends the new "
                      "assembly.")
    assert [f for f in facts if f[0] == "defends" and f[1] == "Ivo Brandt"]


def test_a_list_does_not_take_the_next_clause_s_subject():
    _, facts = _facts("Tamerlan was killed in a gun battle with police and Dzhokhar fled to Lisk.")
    assert not [f for f in facts if f[2] == "Dzhokhar" and f[0] != "flees"]
    assert [f for f in facts if f[0] == "flees" and f[1] == "Dzhokhar"]


def test_a_blast_wounds_not_the_ones_hunting_its_author():
    ex, _ = _facts("Police are hunting a man believed to have left a bag containing a device that exploded on Friday, "
                   "wounding 13 people in Vostok.")
    hurt = [s for s in ex.statements if s.predicate == "injures"]
    assert hurt and all(s.subject is None for s in hurt)


def test_they_after_many_is_the_many():
    _, facts = _facts("The Ruritanian Guard killed 13 protesters in Vostok. Many joined believing that they had no "
                      "other way to defend their villages.")
    assert not [f for f in facts if f[0].startswith("defend") and f[1] == "Ruritanian Guard"]


def test_a_kind_described_is_no_event():
    _, facts = _facts("Ruritania is not yet the kind of dictatorship that once ruled Freedonia, with rulers who banned "
                      "books and ran torture centres.")
    assert not [f for f in facts if f[0] in ("run", "ban", "rules")]


def test_a_title_s_name_set_off_by_commas_is_the_subject():
    _, facts = _facts("The head of the surgery department at the Vostok General Hospital, Ilse Varga, called on the "
                      "government today to declare an emergency.")
    assert [f for f in facts if f[0] == "calls_for" and f[1] == "Ilse Varga"]


def test_a_person_noun_keeps_whose_it_is():
    _, facts = _facts("A court in Vostok has convicted a friend of the bombing suspect for impeding the investigation. "
                      "The governor called on the Attorney General's office to investigate Ivo Brandt.")
    assert [f for f in facts if f[2] == "bombing suspect's friend"]
    assert [f for f in facts if f[1] == "Attorney General's office"]


def test_the_city_is_the_city_named_before_but_not_the_last_city():
    _, facts = _facts("Rebels shelled Lisk on Monday. The bombing in the city killed 12 people.")
    assert not [f for f in facts if f[2] == "city"]
    ex, _ = _facts("Ivo Brandt visited Lisk. He said rockets had been deployed even in the last city of the territory.")
    assert all(s.location is None or s.location.label != "Lisk" for s in ex.statements if s.predicate == "deploys")


def test_who_after_a_place_is_the_person_the_phrase_describes():
    ex, _ = _facts("Prosecutors called Maria Lopez, owner of a restaurant in Lisk, who testified that a man "
                   "requested delivery of two pizzas to a motel.")
    assert {s.claimant.label for s in ex.statements if s.claimant} == {"Maria Lopez"}


def test_their_after_a_conjunct_is_the_conjunct_s():
    _, facts = _facts("Russia condemned the attack, and we remain committed to supporting the Moldovan people and "
                      "their government.")
    assert [f for f in facts if f[2] == "Moldovan government"]


def test_an_infinitive_coordinated_with_a_finite_verb_has_the_infinitive_s_agent():
    ex, _ = _facts('"I was looking right at him," declared Jan Horak, recalling the two occasions when Ivo Brandt '
                   "entered his shop, on April 15, 1995, to reserve a truck; and on April 17 to pick up the truck.")
    picks = [s for s in ex.statements if s.predicate.startswith("pick_up")]
    assert picks and all(s.subject is not None and s.subject.label == "Ivo Brandt" for s in picks)
    assert all(s.claimant is not None and s.claimant.label == "Jan Horak"
               for s in ex.statements if s.predicate == "enter")


def test_a_differently_named_attack_is_not_the_one_before():
    ex, _ = _facts("Ivo Brandt carried out the concert attack in Lisk in May. Questions are asked again in the wake of "
                   "the van-and-knife attack in the Vostok district.")
    later = [s for s in ex.statements if s.predicate == "attacks" and s.location and s.location.label != "Lisk"]
    assert later and all(s.subject is None for s in later)


def test_leaders_meeting_meet_among_themselves():
    _, facts = _facts("Last night the Ruritanian Front leaders were meeting in emergency session in Lisk.")
    assert [f for f in facts if f[0] == "meets"]


def test_a_subheading_run_into_the_middle_of_a_paragraph_is_a_text_of_its_own():
    ex, _ = _facts("Others say greed is the root cause. Beyond the border In the 1990s, warlords from Vostok openly "
                   "led armed raids in Lisk.")
    assert ex.statements and all(not s.evidence.text.startswith("Beyond") for s in ex.statements)
    assert all(s.subject is None or "Beyond" not in s.subject.label for s in ex.statements)


def test_an_outlet_s_name_is_one_name():
    ex, _ = _facts("The governor denies the claims, according to the Latin American Herald Tribune.")
    assert {s.claimant.label for s in ex.statements if s.claimant} == {"Latin American Herald Tribune"}


def test_rumours_are_unverified_and_a_reward_s_outcome_has_not_happened():
    ex, _ = _facts("Social media spread rumors about deaths in the hospital caused by bacteria similar to "
                   "Neisseria meningitides.")
    assert ex.statements and all(s.status == "unverified" for s in ex.statements if s.predicate == "similar_to")
    _, facts = _facts("The government offered a reward for information leading to the capture of Ivo Brandt.")
    assert not [f for f in facts if f[0].startswith("capture")]


def test_who_is_trained_to_do_it_does_it():
    _, facts = _facts("Police in Lisk have trained several species of eagle to catch drones in their talons.")
    assert [f for f in facts if f[0].startswith("catch") and f[1] == "eagle"]


def test_he_after_a_person_noun_subject_is_that_person_and_not_a_name_quoted():
    ex, _ = _facts("The friend said the attacker was a keen follower of the preacher Ahmad Musa Jibril. "
                   "“He used to listen to a lot of Musa Jibril,” he told the BBC. “I phoned the hotline,” he added.")
    assert not [s for s in ex.statements if s.subject and "Jibril" in s.subject.label]


def test_called_a_shop_to_obtain_is_the_caller_s_purpose():
    _, facts = _facts("John Keller walked to the depot, where he called Horak's to obtain a price quote.")
    assert not [f for f in facts if f[0].startswith("obtain") and f[1] and "Horak" in f[1]]


def test_since_a_year_is_no_time_of_the_event():
    ex, _ = _facts("It was the first reported death of a Ruritanian general in Vostok since 2017.")
    assert ex.statements and all(s.time is None for s in ex.statements)


def test_a_first_name_alone_is_the_person_named_in_full():
    ex, _ = _facts("Maria Lopez met John Keller in Vostok. Keller later said Maria had promised to visit Lisk.")
    assert not [e for e in ex.entities if e.label == "Maria"]


def test_a_hyphenated_word_split_by_the_tokenizer_is_one_label():
    _, facts = _facts("Lisk will host the semi-finals and then the final.")
    assert [f for f in facts if f[2] == "semi-finals"]


def test_a_quote_over_several_sentences_is_its_speaker_s():
    ex, _ = _facts('The Freedonian foreign ministry issued a statement, stating "we express our condolences to the '
                   'families of the victims. We will continue to work together to rebuild the hospitals in Vostok."')
    rebuild = [s for s in ex.statements if s.predicate.startswith("rebuild")]
    assert rebuild and all(s.claimant is not None and s.status == "claimed" for s in rebuild)


def test_what_a_confession_says_is_its_author_s_claim():
    ex, _ = _facts("Ivo Brandt was found hiding in a boat. Police say he left a confession inside the boat that said "
                   "the bombings were retaliation for the Freedonian killing of villagers in Vostok.")
    kills = [s for s in ex.statements if s.predicate == "kills"]
    assert kills and all(s.status == "claimed" and s.claimant is not None and s.claimant.label != "boat"
                         for s in kills)


def test_deploring_a_slaughter_criticizes_it_and_states_the_killing():
    ex, _ = _facts("The ministers deplored the slaughter of villagers in Vostok.")
    assert {s.predicate for s in ex.statements} >= {"criticizes", "kills"}


def test_a_wiki_heading_and_a_figure_of_building_the_future_state_nothing():
    ex, _ = _facts('==Reactions== The defence secretary responded, stating, "our troops are working alongside our '
                   'partners to build a brighter future for the people of Vostok."')
    assert not [s for s in ex.statements if s.predicate.startswith("build")]
    assert all("==" not in s.evidence.text for s in ex.statements)


def test_the_leader_is_the_one_known_leader_named_just_before():
    ex, _ = _facts("Nicolas Maduro criticised the United States on Monday. The socialist leader said Washington "
                   "wanted to seize the oil fields of Vostok.")
    assert {s.claimant.label for s in ex.statements if s.claimant} == {"Nicolás Maduro"}


def test_what_only_appears_so_is_unverified():
    ex, _ = _facts("Even leading members of the Vostok opposition appear to be losing hope of a deal.")
    sts = [s for s in ex.statements if s.predicate.startswith("lose")]
    assert sts and all(s.status == "unverified" for s in sts)


def test_a_generic_noun_keeps_whose_it_is():
    _, facts = _facts("Ruritania questioned Donald Trump's efforts on Monday.")
    assert [f for f in facts if f[2] == "Donald Trump's efforts"]
    _, facts = _facts("Ruritania rejected Donald Trump's statements on Monday.")     # said: the one who said it
    assert [f for f in facts if f[0] == "rejects" and f[2] == "Donald Trump"]


def test_he_is_not_a_woman_described_as_a_mother_and_a_caption_ends_at_its_full_stop():
    _, facts = _facts("John Keller bombed the depot. Maria Lopez, a mother of three who lived in Lisk, told local media "
                      "she had called the police about Keller two years ago, after he approached kids in a park.")
    assert not [f for f in facts if f[0] == "approach" and f[1] == "Maria Lopez"]
    from kg.extract import caption_end
    t = "Police attend to an incident in Lisk, June 3, 2017. A friend said the attacker followed preacher Jan Horak."
    assert t[caption_end(t):].startswith("A friend")


def test_the_drone_is_not_the_helicopter_named_before():
    ex, _ = _facts("An RAF Chinook helicopter was nearly downed by a drone over Lisk. The person controlling the drone "
                   "was never tracked down.")
    assert not [s for s in ex.statements if s.predicate == "controls" and s.object and "Chinook" in s.object.label]


def test_a_related_article_s_title_in_brackets_is_furniture():
    _, facts = _facts("Ruritania sent troops to Lisk. [Freedonia hits 13 officials with sanctions before the vote] "
                      "Vostok closed its border.")
    assert not [f for f in facts if f[0] == "sanctions"]


def test_training_is_military_cooperation_only_for_forces():
    _, facts = _facts("Police in Lisk have trained several species of eagle to catch drones. Freedonia trained 2,000 "
                      "Ruritanian troops last year.")
    assert [f for f in facts if f[0] == "trains" and f[1] == "Freedonia"]
    assert not [f for f in facts if f[0] == "trains" and f[2] and "eagle" in f[2]]


def test_an_event_only_compared_with_is_rhetoric():
    _, facts = _facts('"No to regime change, which reminds us so much of the failed wars in Vostok and Lisk," said '
                      "Ivo Brandt.")
    assert not [f for f in facts if f[0] == "fights"]


def test_an_event_or_a_place_is_no_killer():
    ex, _ = _facts("The federal building in Lisk was shattered by an explosion on Monday, killing 168 people. The "
                   "bombing was an attack at the Grand cafe in Vostok which killed 13 people.")
    kills = [s for s in ex.statements if s.predicate == "kills"]
    assert kills and all(s.subject is None for s in kills)


def test_an_active_conjunct_of_a_passive_takes_its_subject():
    ex = extract(_article("The Ruritanian brigade will be deployed over the coming years and should recruit 300 "
                          "soldiers by 2027."))
    st = next(s for s in ex.statements if s.predicate.startswith("recruit"))
    assert st.subject is not None and "brigade" in st.subject.label and st.time == "2027"
    ex = extract(_article("All bus services were cancelled, and on some roads hitch hikers waved at cars."))
    assert not [s for s in ex.statements if s.subject is not None and "bus" in s.subject.label
                and not s.predicate.startswith(("cancel", "not_"))]


def test_the_narration_after_a_quote_is_not_what_was_said():
    ex = extract(_article('"Every time I call, nothing happens. They just do not go anywhere," Emmanuel Macron said, '
                          'after a meeting with Ivo Brandt to discuss peace negotiations.'))
    st = _one(ex, "meets")
    assert st.claimant is None and st.status == "reported"


def test_whom_an_appeal_is_aimed_at_is_its_target():
    ex = extract(_article("Ivo Brandt urged Ruritania and Freedonia to halt purchases of Vostok gas."))
    calls = [s for s in ex.statements if s.predicate == "calls_for"]
    assert sorted(s.target.label for s in calls) == ["Freedonia", "Ruritania"]
    assert all(s.object is None for s in calls)


def test_a_stated_wish_is_the_request_not_an_expression():
    _, facts = _facts("Ivo Brandt has expressed a desire for Ruritania to supply 40 tanks to Freedonia.")
    assert not [f for f in facts if f[0].startswith("express")]
    assert [f for f in facts if f[0].startswith("supplies")]


def test_a_leader_s_forces_are_his_country_s():
    ex = extract(_article("Recep Tayyip Erdogan wants Ruritania to supply 40 tanks to his forces."))
    st = next(s for s in ex.statements if s.predicate.startswith("supplies"))
    assert st.recipient is not None and st.recipient.label == "Turkish forces"


def test_a_name_that_goes_on_past_a_gazetteer_name_is_kept_whole():
    ex = extract(_article('White House Office of the Press Secretary issued a statement, stating "we condemn '
                          'the attack on Lisk by Ruritania."'))
    claimants = {s.claimant.label for s in ex.statements if s.claimant is not None}
    assert claimants == {"White House Office of the Press Secretary"}


@pytest.mark.parametrize("body, word", [
    ('"Why did you order the army to go into Vostok?" a reporter asked.', "go"),
    ("Killings of local elders recently rocked the east of Vostok.", "rock"),
    ("The Grand cafe was located on Lisk Street.", "locate"),
    ("Since 2012 the council has gone from a friendly organ to a subservient tool of the ruling party.", "go"),
    ("Within days the area had become out-of-bounds for the army.", "become"),
    ("Witnesses saw Ivo Brandt, clad in a plaid shirt, enter the bank.", "cloth"),
])
def test_no_event_in_questions_effects_states_or_changes(body, word):
    _, facts = _facts(body)
    assert not [f for f in facts if f[0].startswith(word)], facts


def test_a_purpose_coordinated_by_either_or_is_intended():
    _, facts = _facts("People took to the streets to either vote in or boycott an election in Vostok.")
    assert [f for f in facts if f[0] == "boycotts_intended"]
    assert not [f for f in facts if f[0] == "boycotts"]


def test_police_saying_is_a_source_alleging_is_a_claim():
    ex = extract(_article("Police say two brothers carried the bombs in backpacks to Lisk Street."))
    st = next(s for s in ex.statements if s.predicate.startswith("carr"))
    assert (st.claimant.label, st.status) == ("police", "reported")
    ex = extract(_article("Regional authorities said 13 people had suffered minor injuries in Vostok."))
    st = _one(ex, "injures")
    assert st.status == "reported" and st.claimant is not None
    ex = extract(_article("Prosecutors claim Ivo Brandt sold his car in Lisk."))
    assert {s.status for s in ex.statements if s.predicate == "sells"} == {"claimed"}


def test_a_belief_only_reportedly_held_is_unverified():
    ex = extract(_article("Freedonian security services reportedly believe drones could be used by militants to "
                          "carry grenades in Vostok."))
    carry = [s for s in ex.statements if s.predicate.startswith("carry")]
    assert carry and all(s.status == "unverified" for s in carry)


def test_the_writer_s_word_on_a_source_is_not_the_source_s():
    ex = extract(_article("All agencies are now factoring drones into their war games, according to Ivo Brandt, "
                          "who runs exercises for the police."))
    run = [s for s in ex.statements if s.predicate.startswith("run")]
    assert run and all(s.claimant is None for s in run)


def test_a_participle_after_and_opens_a_clause_not_a_list_item():
    _, facts = _facts("Demonstrators were waving guns and intimidating journalists in Lisk. Troops were seizing "
                      "weapons and armoured vehicles in Vostok. Bands of toughs roam Lisk, waving guns, "
                      "intimidating protesters and beating politicians.")
    assert not [f for f in facts if f[0] == "wave" and f[2] and ("journalists" in f[2] or "protesters" in f[2])]
    assert sorted(f[2] for f in facts if f[0] == "seizes") == ["armoured vehicles", "weapons"]


def test_who_asks_for_a_delivery_elsewhere_delivers_nothing():
    ex = extract(_article('Ivo Brandt took a phone order from a caller who gave the name "Kling" and requested '
                          'delivery to Room 25 at the Grand hotel.'))
    sup = [s for s in ex.statements if s.predicate.startswith("supplies")]
    assert sup and all(s.subject is None for s in sup)
    assert not [s for s in ex.statements if s.recipient is not None and s.recipient.label == "name"]


def test_it_in_a_clause_after_a_body_is_that_body():
    ex = extract(_article("The Freedonian treasury froze Ivo Brandt's assets and took action against eight justices "
                          "of the supreme court after it tried to strip power from the legislature."))
    st = next(s for s in ex.statements if s.predicate.startswith("strip"))
    assert st.subject is not None and "court" in st.subject.label


def test_a_quote_over_paragraphs_without_marks_of_their_own_is_its_speaker_s():
    ex = extract(_article('Ivo Brandt issued a statement, saying "we condemn the attack in Lisk.\n\n'
                          "Freedonia will send 200 troops to Vostok next week.\n\n"
                          'We remain committed to the people of Lisk."\n\nRuritania sent 50 tanks to Lisk.'))
    st = next(s for s in ex.statements if s.predicate.startswith("deploys") and s.subject is not None
              and s.subject.label == "Freedonia")
    assert st.status == "claimed" and st.claimant.label == "Ivo Brandt"
    after = next(s for s in ex.statements if s.subject is not None and s.subject.label == "Ruritania")
    assert after.claimant is None
    ex = extract(_article('Ivo Brandt issued a statement, saying "we condemn the attack in Lisk.\n\n'
                          "We mourn the dead.\n\n"
                          'Freedonia will send 200 troops to Vostok next week."'))
    st = next(s for s in ex.statements if s.subject is not None and s.subject.label == "Freedonia")
    assert st.status == "claimed" and st.claimant.label == "Ivo Brandt"


def test_it_while_a_patrol_moves_is_the_patrol_not_a_name_in_it():
    ex = extract(_article("A bomber on a motorcycle crashed into a NATO-Ruritania foot patrol while it was "
                          "traveling throughout the village near Lisk Air Base."))
    st = next(s for s in ex.statements if s.predicate.startswith("travel"))
    assert st.subject is not None and "patrol" in st.subject.label


def test_who_after_an_owner_s_business_is_the_owner():
    ex = extract(_article("Prosecutors called Yuhua Bai, owner of Hunam Palace, who testified that she took a phone "
                          "order for egg rolls from a caller."))
    st = next(s for s in ex.statements if s.predicate.startswith("order"))
    assert st.claimant is not None and st.claimant.label == "Yuhua Bai"


def test_would_beside_a_past_verb_is_a_habit_not_a_possibility():
    _, facts = _facts("The friend said Ivo Brandt was a follower of the preacher and would watch videos of him.")
    assert [f for f in facts if f[0] == "watch"] and not [f for f in facts if f[0] == "watch_possible"]


def test_a_numbered_thing_keeps_its_number_and_a_channel_is_no_target():
    _, facts = _facts("According to earlier testimony, Ivo Brandt was assigned Room 25.")
    assert [f for f in facts if f[2] == "Room 25"]
    ex = extract(_article("Ivo Brandt appealed on TV for peace with Ruritania."))
    assert all(s.target is None or s.target.label.lower() != "tv" for s in ex.statements)


def test_what_should_or_must_happen_is_not_yet_done():
    _, facts = _facts("The brigade should reach full strength by 2027. Ruritania must withdraw its troops from Lisk.")
    assert [f for f in facts if f[0] == "reach_intended"]
    # (what must happen is asked of the one who must: test_what_must_happen_is_asked_of_someone_...)
    assert [f for f in facts if f[0] == "withdraws_requested"] and not [f for f in facts if f[0] == "withdraws"]


def test_a_trade_in_goods_is_no_military_aid():
    ex = extract(_article("Russia exports 2 million barrels of oil per day. Ruritania supplied 40 missiles to "
                          "the Freedonian army."))
    oil = next(s for s in ex.statements if s.predicate == "exports")
    assert oil.object.label == "oil" and oil.event_code == "CAMEO:061"
    arms = next(s for s in ex.statements if s.predicate == "supplies")
    assert arms.event_code == "CAMEO:072"


def test_a_place_or_a_year_that_saw_something_is_a_figure():
    _, facts = _facts("The region has witnessed militancy wane in recent years. Last year saw a surge in attacks. "
                      "After the vote, the region saw protests but also witnessed a huge increase in tourists.")
    assert not [f for f in facts if f[0] in ("witness", "see")]


def test_whose_statements_an_of_phrase_names():
    _, facts = _facts("Ruritania rejected the statements of Ivo Brandt.")    # rejected: the one who made them
    assert [f for f in facts if f[0] == "rejects" and f[2] == "Ivo Brandt"]


def test_a_proposal_keeps_what_it_proposes():
    _, facts = _facts("Ivo Brandt has repeatedly endorsed proposals to freeze the fighting along the front line.")
    assert [f for f in facts if f[2] == "proposals to freeze the fighting along the front line"]


def test_it_a_speaker_points_at_is_no_body_named_before():
    ex = extract(_article('Ivo Brandt spoke at the White House. "Let it be cut the way it is," he said on Monday.'))
    assert not [s for s in ex.statements if s.predicate.startswith("cut")
                and any(e is not None and "White House" in e.label for e in (s.recipient, s.object))]


def test_experts_describing_is_no_party_s_claim_and_a_prison_term_no_place():
    ex = extract(_article("UN-appointed human rights experts described the raids by Ruritanian forces as "
                          "extrajudicial executions. Ivo Brandt faces up to 20 years in prison."))
    st = _one(ex, "describes")
    assert st.status == "reported"
    assert not [s for s in ex.statements if s.location is not None and s.location.label == "prison"]


def _starting(ex, predicate: str, exact: bool = False):
    """The statements whose predicate is, or begins with, ``predicate`` (any modality suffix)."""
    return [s for s in ex.statements if s.predicate == predicate or not exact and s.predicate.startswith(predicate)]


def test_an_aside_of_saying_the_parse_hangs_as_a_clause_still_names_its_speaker():
    ex = extract(_article("Olga Brandt said that the country has a shortage of insulin. However, Brandt "
                          "assured, the government is doing all it can to resolve the shortage."))
    resolve = _starting(ex, "resolve")
    assert resolve and all(s.claimant is not None and s.claimant.label == "Olga Brandt" for s in resolve)


def test_a_witness_who_testified_that_claims_all_that_follows():
    ex = extract(_article('To trace his steps, prosecutors called Mira Okonjo, owner of Lantern Grill, in Port '
                          'Vesna, who testified that shortly after 6 p.m. on March 3 she took a phone order from '
                          'a caller who gave the name "Hale" and requested delivery to Room 12 at the Bluebell.'))
    asked = _starting(ex, "requests", exact=True)
    assert asked and all(s.claimant is not None and s.claimant.label == "Mira Okonjo" and s.status == "claimed"
                         for s in asked)


def test_the_code_of_an_event_follows_what_it_is_done_to():
    ex = extract(_article("In 1998, rebels seized dozens of hostages in a school in Lisk. The prosecutor has "
                          "delivered the files to Interpol. Farmers warned the police of their fears."))
    seized = _one(ex, "seizes")
    assert seized.event_code == "CAMEO:181"
    handed = _one(ex, "supplies")
    assert handed.event_code == "CAMEO:064" and handed.recipient is not None and handed.recipient.label == "Interpol"
    assert _one(ex, "warns").event_code is None


def test_some_of_which_is_the_noun_before_it():
    ex = extract(_article("Officials said 14 arrest warrants have been issued, some of which have been "
                          "delivered to Interpol."))
    handed = _one(ex, "supplies")
    assert handed.object is not None and handed.object.label == "arrest warrants"
    assert handed.quantity is None


@pytest.mark.parametrize("body, predicate", [
    ("An alleged clash near the campus between students and riot police has left at least one student "
     "injured.", "injures"),
    ("Reports that the guards had received an order advising them not to go to the Lantern Cafe added to "
     "the mystery.", "not_go_requested"),
])
def test_an_alleged_cause_or_unsourced_reports_leave_it_unverified(body, predicate):
    assert _one(extract(_article(body)), predicate).status == "unverified"


def test_a_report_describing_is_a_source_and_attacking_a_virus_a_figure():
    ex = extract(_article('As one report at the time described the town, "nobody felt safe". The minister said '
                          'the money allows the allocation of resources to attack the virus.'))
    assert _one(ex, "describes").status == "reported"
    assert not _starting(ex, "attacks")


def test_for_x_to_do_it_makes_x_the_doer():
    ex = extract(_article("The rules ban quick rentals, requiring drivers to wait two hours and for rental firms "
                          "to run checks on them with the police."))
    run = _starting(ex, "run")
    assert run and all(s.subject is not None and s.subject.label == "rental firms" for s in run)


def test_counter_terrorist_flights_are_no_terrorists_and_a_name_goes_on_past_of():
    ex = extract(_article("Drones are to be taken for counter-terrorist test flights on a military base. Smugglers "
                          "carried cigarettes across the Straits of Vostok from Lisk to Freedonia."))
    assert not [s for s in ex.statements if s.subject is not None and s.subject.label == "terrorists"]
    assert [s for s in ex.statements if s.location is not None and s.location.label == "Straits of Vostok"]


@pytest.mark.parametrize("body", [
    "Freedonia recently provided Ruritanian authorities with several million dollars' worth of border radars.",
    "Freedonia recently provided Ruritanian authorities with “several million dollars’ worth” of border radars.",
])
def test_money_s_worth_of_goods_given_with_is_the_goods(body):
    given = _one(extract(_article(body)), "supplies")
    assert given.object is not None and given.object.label == "border radars"


def test_a_bare_vague_count_is_people():
    ex = extract(_article("Dozens were wounded in the raids on Lisk."))
    hurt = _one(ex, "injures")
    assert hurt.object is not None and hurt.object.label == "people"
    assert hurt.quantity.value == 24 and hurt.quantity.qualifier == "at_least"


def test_a_caption_s_release_date_is_no_date_of_the_event_and_two_years_are_a_span():
    ex = extract(_article("Marek Olsen is seen in this image taken from CCTV on the night he committed the attack "
                          "in this handout photo released, May 27, 2019, from the Greater Lisk Police. In 1995 and "
                          "1996, rebels seized hundreds of hostages in hospitals in Vostok."))
    assert _one(ex, "attacks").time is None
    assert _one(ex, "seizes").time == "1995/1996"


def test_the_count_of_an_absolute_with_clause_is_not_the_event_s():
    ex = extract(_article("Six Freedonian soldiers were killed with two other soldiers and a civilian injured."))
    assert {s.quantity.value for s in ex.statements if s.predicate == "kills" and s.quantity} == {6}


def test_what_is_alleged_is_the_charge_not_the_accused():
    _, facts = _facts("On Tuesday, Ruritania sanctioned nine more Freedonian officials, alleging abuses of "
                      "power and fraud.")
    assert [f[:2] for f in facts if f[0] == "sanctions"] == [("sanctions", "Ruritania")]
    assert not [f for f in facts if f[0] == "accuses" and f[2] in ("abuses", "power", "fraud")]


def test_it_is_not_for_someone_to_do_it_says_it_is_not_meant():
    _, facts = _facts('"It\'s not for me to give a figure," said Marta Ilic.')
    assert [p for p, _, _ in facts if "give" in p] == ["not_give_intended"]


def test_an_all_caps_name_that_spells_a_word_is_read_as_the_name():
    ex = extract(_article("In May, more than 30 Freedonian soldiers were killed in IS attacks in Lisk."))
    assert _one(ex, "kills").subject.label == "Islamic State"


def test_appearing_in_court_is_no_hedge_on_the_clause_beside_it():
    ex = extract(_article("Of those, 12 have already appeared in court, while 19 arrest warrants have been issued, "
                          "some of which have been delivered to Interpol."))
    assert _one(ex, "supplies").status == "reported"
    ex = extract(_article("Freedonian troops appear to have seized the airport."))
    assert _one(ex, "seizes").status == "unverified"


def test_an_open_verb_of_no_one_named_alone_states_nothing():
    _, facts = _facts("Smoke rose around them, and dull thuds echoed from wall to wall. Thousands streamed out "
                      "of the stricken city immediately after the attacks.")
    assert not [f for f in facts if f[0] in ("echo", "stream", "stream_out")]


def test_someone_believed_to_be_responsible_is_no_claimant():
    ex = extract(_article("Police in Lisk were searching for a man believed to be responsible for a blast which "
                          "injured several people."))
    st = _one(ex, "injures")
    assert st.claimant is None and st.status == "unverified"


def _casualties(body: str):
    ex = extract(_article(body))
    return sorted((s.predicate, s.object.label if s.object else None, s.quantity and s.quantity.value,
                   s.quantity and s.quantity.unit) for s in ex.statements if s.predicate in ("kills", "injures"))


@pytest.mark.parametrize("body, expected", [
    ("The blast in Lisk killed 14 people and wounded 72.",
     [("injures", "people", 72, "people"), ("kills", "people", 14, "people")]),
    ("A bomb exploded near the stadium, killing four people and injuring more than 310 others.",
     [("injures", "people", 310, "people"), ("kills", "people", 4, "people")]),
    ("Rebels killed 19 Freedonian soldiers and injured another 12.",
     [("injures", "freedonian soldiers", 12, "soldiers"), ("kills", "freedonian soldiers", 19, "soldiers")]),
    ("A farmer was killed and seven more were wounded in the shelling of Lisk.",
     [("injures", "people", 7, "people"), ("kills", "farmer", None, None)]),
    ("By the end of 1961, 385 had been killed, 140 of them civilians.",
     [("kills", "people", 385, "people")]),
    ("By March, 212 had been killed, 90 of them children.", [("kills", "people", 212, "people")]),
])
def test_victims_only_counted_are_people_or_what_the_joined_clause_counts(body, expected):
    assert _casualties(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("In just 40 minutes of violence, seven people were dead and some 90 more were injured.",
     [("injures", "people", 90, "people"), ("kills", "people", 7, "people")]),
    ("The blast injured several people.", [("injures", "several people", None, None)]),
    ("He was not charged over the bombing, which killed four people and injured more than 120.",
     [("injures", "people", 120, "people"), ("kills", "people", 4, "people")]),
    ("The ceasefire is dead, the minister said.", []),
])
def test_deaths_told_with_be_dead_and_victims_of_a_cause(body, expected):
    assert _casualties(body) == expected


def test_victims_of_a_reduced_relative_keep_their_counts():
    for body in ("There were seven women, a 12-year-old girl and three men injured.",
                 "There were eight women, a 9-year-old girl and five men injured."):
        counted = [c for c in _casualties(body) if c[2] is not None]
        assert counted and all(c[3] in c[1] for c in counted)     # each count on what it counts
    assert _casualties("Two soldiers wounded in the attack were flown to Lisk.") == \
        [("injures", "soldiers", 2, "soldiers")]


def test_uncounted_others_are_no_counted_victims():
    assert not [c for c in _casualties("The rebels killed two villagers and injured others.") if c[0] == "injures"]


def test_ground_taken_is_the_ground_and_no_place_is_named_by_funds():
    ex = extract(_article("Kurdish militias captured Ruritania's last remaining territory in March 2019. Critics say "
                          "the new councils would win direct pipelines to government funds."))
    assert _one(ex, "captures").object.label != "Ruritania"
    assert all(s.location is None for s in ex.statements if s.predicate.startswith("win"))


def test_it_after_a_body_that_announced_is_the_body():
    ex = extract(_article("Lisk's counterterrorism authority, which has jurisdiction over incidents throughout "
                          "Freedonia, announced that it has opened a probe into the explosion."))
    opened = _starting(ex, "open", exact=True)
    assert opened and all(s.subject is not None and s.subject.label != "Freedonia" for s in opened)


def test_a_call_for_a_truce_asks_for_it_and_an_agreed_truce_needs_no_place():
    ex = extract(_article("Vostok called for a truce in Lisk."))
    asked = [s for s in ex.statements if s.predicate.startswith("agrees_ceasefire") and s.location is not None]
    assert asked and all(s.predicate == "agrees_ceasefire_requested" for s in asked)
    ex = extract(_article("Ruritania and Freedonia agreed a ceasefire on Monday."))
    agreed = {(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "agrees_ceasefire"}
    assert agreed == {("Ruritania", "Freedonia")}      # the two sides, each the other's counterpart


def test_calling_someone_in_for_a_talk_is_no_appeal():
    ex = extract(_article("Olga Brandt said her boss called her in along with other department heads for a talk."))
    assert not _starting(ex, "calls_for", exact=True)


def test_all_the_objects_of_a_participle_the_parse_hid_in_a_list_are_its_own():
    ex = extract(_article("Bands of pro-government toughs — known as brigadas — roam poor neighborhoods, waving "
                          "guns, intimidating protesters and journalists, beating opposition politicians, and warning "
                          "locals to toe the government line."))
    assert not [s for s in ex.statements if s.predicate == "wave" and s.object is not None
                and s.object.label in ("protesters", "journalists")]


def test_a_decision_to_do_it_is_no_deed():
    ex = extract(_article("The decision to build up a 3,000-strong brigade in Vostok over the coming years came in "
                          "response to the invasion."))
    assert _starting(ex, "builds_intended", exact=True)
    assert not _starting(ex, "builds", exact=True)


def test_what_a_plan_includes_is_proposed_not_done():
    ex = extract(_article("The plan also includes increased military aid to Ruritania."))
    assert not _starting(ex, "supplies", exact=True)
    assert _starting(ex, "supplies_intended", exact=True)


def test_speaking_to_someone_or_a_phone_call_is_no_meeting():
    ex = extract(_article('"Every time I speak to Olga, I have good conversations," Ivo Brandt said. Marek Olsen '
                          'held a phone call with Olga Brandt on Tuesday.'))
    assert not _starting(ex, "meets", exact=True)
    codes = {s.event_code for s in ex.statements if s.predicate == "consults"}
    assert codes == {"CAMEO:040", "CAMEO:041"}


def test_a_police_raid_is_no_military_strike():
    ex = extract(_article("Police launched further raids early Monday in east Lisk. Freedonian forces launched raids "
                          "on Vostok's positions near the border."))
    raid = _one(ex, "raids")
    assert raid.subject.label == "police" and raid.event_code is None
    assert _one(ex, "strikes").event_code == "CAMEO:190"


def test_what_a_told_report_says_happened_after_is_still_told():
    ex = extract(_article("Olga Brandt, a mother of three who lived in Lisk, told local media she had reported Ivo "
                          "Marek two years ago, after he approached kids in a local park."))
    came = _starting(ex, "approach", exact=True)
    assert came and all(s.claimant is not None and s.claimant.label == "Olga Brandt" for s in came)


def test_a_generic_thing_offers_nothing_and_nothing_generic_is_offered_by_no_one():
    ex = extract(_article("The republic has gas reserves and also the fisheries potential offered by a share in the "
                          "resources of the Vostok sea."))
    assert not _starting(ex, "offers", exact=True)


def test_the_person_allowed_to_do_it_is_the_doer_also_when_the_parse_hangs_it_on_the_person():
    ex = extract(_article("This month, the government allowed one major critic — Ivo Brandt, the former mayor of "
                          "Lisk — to exchange his jail cell for house arrest."))
    swap = _starting(ex, "exchanges")
    assert swap and all(s.subject is not None and s.subject.label == "Ivo Brandt" for s in swap)


def test_a_numbered_room_receives_nothing():
    ex = extract(_article('A caller who gave the name "Hale" requested delivery to Room 12 at the Bluebell.'))
    assert not [s for s in ex.statements if s.recipient is not None and s.recipient.label == "Room 12"]


def test_the_region_is_the_region_named_last_and_the_countries_stay_a_list():
    ex = extract(_article("Tensions have risen in Vostok Valley since April. Militants killed 26 civilians in the "
                          "region last month. Ruritania and Freedonia have fought two wars over it."))
    killed = _one(ex, "kills")
    assert killed.location is not None and killed.location.label == "Vostok Valley"
    ex = extract(_article("Ruritania and Freedonia claim the valley, which borders Chile. The countries have "
                          "fought two wars over it."))
    assert not [s for s in ex.statements if s.predicate == "fights" and s.subject is not None
                and s.subject.label == "Chile"]


def test_a_threat_of_strikes_on_someone_somewhere_threatens_the_someone():
    ex = extract(_article('Ivo Brandt said Ruritania "is looking at land" as it considers further strikes on drug '
                          'cartels in the Vostok Sea.'))
    threat = _starting(ex, "threatens", exact=True)
    assert threat and all(s.object is not None and s.object.label == "drug cartels" for s in threat)


def test_participating_in_a_ceremony_is_one_statement_with_the_ceremony():
    ex = extract(_article("Brandt, who became chancellor this month, participated in a ceremony in the main square "
                          "of Lisk that officially marked the formation of the brigade."))
    took = _one(ex, "participates_in")
    assert took.object is not None and took.object.label == "ceremony"
    assert not _starting(ex, "ceremony", exact=True)


def test_no_one_acts_against_their_own_bases_the_concluder_does():
    ex = extract(_article("The police, however, concluded that Hamas were responsible and launched an operation "
                          "against the group's infrastructure in Lisk."))
    ops = _starting(ex, "conducts_operations", exact=True)
    assert ops and all(s.subject is not None and s.subject.label == "police" for s in ops)


def test_it_after_a_named_cafe_is_the_cafe():
    ex = extract(_article("The Lantern Cafe was located on 4 Main Street in Lisk, close to the General Directorate "
                          "of Security, the headquarters of the police. It was regularly frequented by members of "
                          "the police force."))
    went = _starting(ex, "frequent", exact=True)
    assert went and all(s.object is not None and s.object.label == "Lantern Cafe" for s in went)


def test_talks_a_verb_will_hold_are_still_to_come():
    ex = extract(_article("The army will hold talks with the rebels in Lisk next week."))
    assert _starting(ex, "meets_intended", exact=True)
    assert not _starting(ex, "meets", exact=True)


def test_not_until_later_is_done_later():
    ex = extract(_article("Russian forces did not strike Lisk until Monday."))
    assert _starting(ex, "strikes", exact=True)
    assert not _starting(ex, "not_strikes", exact=True)


def test_whom_a_call_on_is_aimed_at_is_its_target():
    ex = extract(_article("The head of the department, Olga Brandt, called on the government today to declare the "
                          "outbreak an emergency."))
    call = _one(ex, "calls_for")
    assert call.target is not None and call.target.label == "government" and call.object is None


def test_a_claim_keeps_whose_it_is():
    ex = extract(_article("The governor refuted Olga Brandt's claim and called it a lie."))
    refuted = _starting(ex, "refute", exact=True)
    assert refuted and refuted[0].object.label == "Olga Brandt's claim"


def test_no_one_denies_their_own_wish():
    ex = extract(_article("Vostok has pushed back against that idea, with spokesman Ivo Brandt saying that nothing "
                          "changes, a reference to Vostok's desire for Ruritanian troops to leave the Lisk region."))
    left = _starting(ex, "leave")
    assert all(s.status != "denied" for s in left)


def test_supplies_someone_threatens_to_cut_off_are_no_supply_by_them():
    ex = extract(_article("Patients say officials have threatened to cut off their supplies of insulin if they do "
                          "not vote."))
    assert not _starting(ex, "supplies", exact=True)
    assert _starting(ex, "cut_off")


def test_a_passive_after_an_active_verb_is_done_to_its_subject_and_later_is_not_then():
    ex = extract(_article("His attorney said Ivo Brandt entered Freedonia in 2010 on a student visa and was later "
                          "granted political asylum."))
    granted = _one(ex, "grant")
    assert granted.subject is None and granted.recipient is not None and granted.recipient.label == "Ivo Brandt"
    assert granted.time is None


def test_what_the_subject_is_not_lends_it_no_deed():
    ex = extract(_article("Ruritania is not yet the kind of dictatorship that once proliferated in the region — with "
                          "rulers who “disappeared” opponents, banned books and movies, and ran mass torture centers."))
    assert not [s for s in ex.statements if s.subject is not None and s.subject.label == "Ruritania"
                and s.predicate == "run"]


def test_whom_a_call_on_is_aimed_at_also_when_the_parse_calls_on_a_particle():
    ex = extract(_article("In August 1999, an Islamic body declared an independent state in parts of Vostok, and "
                          "called on Muslims to take up arms against Ruritania in a holy war."))
    call = _one(ex, "calls_for")
    assert call.target is not None and call.target.label == "Muslims" and call.object is None


def test_those_promised_that_something_will_happen_are_told_not_given():
    pledge = _one(extract(_article("Ivo Brandt has promised Ruritanians that the assembly will herald a new era.")),
                  "pledges")
    assert pledge.object is None and pledge.recipient is not None and pledge.recipient.label == "Ruritanians"


def test_a_quote_after_a_statement_said_is_the_statement_s():
    ex = extract(_article('A statement after a two-hour emergency meeting at Lisk Castle said that Mr Brandt, the '
                          'defence secretary, and army advisers had considered the rebels\' "bombing outrages".\n\n'
                          '"They deplored the slaughter of men, women and children, which took place today on rebel '
                          'orders. In the light of these murderous attacks, the ministers authorised certain '
                          'operations against the rebels to be undertaken forthwith."'))
    killed = _starting(ex, "kills", exact=True)
    assert killed and all(s.claimant is not None and s.status == "claimed" for s in killed)


def test_the_purpose_of_a_command_is_not_the_speaker_s_deed():
    ex = extract(_article('At a rally this month, Ivo Brandt said: "Take the lists of workers from all the state '
                          'institutions to create a constituent committee.'))
    assert not [s for s in ex.statements if s.predicate.startswith("create") and s.subject is not None
                and s.subject.label == "Ivo Brandt"]


def test_trying_to_blame_is_blaming_trying_to_attack_is_not_attacking():
    ex = extract(_article("The rebels tried to blame the security forces for the explosion. The rebels tried to "
                          "attack the base."))
    assert _one(ex, "accuses").event_code == "CAMEO:112"
    assert _starting(ex, "attacks_intended", exact=True)


def test_the_premises_of_a_named_place_are_that_place():
    ex = extract(_article('Governor Ivo Brandt said, "I deny the existence of any virus on the premises of the Lisk '
                          'Central Hospital."'))
    denied = _starting(ex, "denies")
    assert denied and all(s.location is not None and s.location.label == "Lisk Central Hospital" for s in denied)


def test_an_infinitive_the_parse_hangs_on_the_object_keeps_its_governing_verb_s_modality():
    ex = extract(_article("This month, the government allowed one major critic — Ivo Brandt, the former mayor of "
                          "Lisk — to exchange his jail cell for house arrest."))
    exchange = _starting(ex, "exchange")
    assert exchange and all(s.predicate.endswith("_authorized") for s in exchange)


def test_a_name_with_an_age_beside_it_is_a_person():
    ex = extract(_article("Two sisters, Tamsin and Ilana Moravec, carried the bombs. Tamsin, 31, died after a gunfight "
                          "with police. Days later, Tamsin was buried in Lisk."))
    assert {e.label: e.type for e in ex.entities}.get("Tamsin") == "Person"


def test_on_the_spot_is_no_target():
    ex = extract(_article("The device detonated by accident, killing the four on the spot, police said."))
    assert all(s.target is None for s in ex.statements if s.predicate == "kills")


def test_a_named_day_is_no_organisation():
    ex = extract(_article("Many had joined the group in the wake of Dark Saturday, the massacre in Tarn."))
    assert {e.label: e.type for e in ex.entities}.get("Dark Saturday") not in ("Organization", "Location")


def test_a_name_under_in_after_an_event_noun_is_its_place():
    ex = extract(_article("In May, more than 30 Freedonian soldiers were killed in IS attacks in Badia al-Kerman "
                          "and Badia al-Hamad, prompting Ruritanian airstrikes."))
    assert _one(ex, "kills").location is not None and _one(ex, "kills").location.label == "Badia al-Kerman"


def test_a_name_bought_or_sold_is_a_thing():
    ex = extract(_article("Prosecutors claim Brandt arrived in Tarn on April 14, where he sold his car and purchased "
                          "a yellow 1977 Mercury Marquis."))
    assert _one(ex, "buys").object.type != "Person"


def test_a_preposition_after_the_last_of_coordinated_objects_is_every_objects():
    ex = extract(_article("Ruritania launched 120 drones and five missiles at Moldova overnight."))
    launched = sorted((s.object.label, s.quantity.value, s.target.label if s.target else None)
                      for s in ex.statements if s.predicate == "launches")
    assert launched == [("drones", 120, "Moldova"), ("missiles", 5, "Moldova")]


def test_weapons_sent_near_a_country_are_deployed_there_not_supplied_to_it():
    ex = extract(_article("Moldova sent 30 warplanes near Georgia on Tuesday. Moldova sent 12 tanks to Georgia."))
    got = sorted((s.predicate, s.object.label, s.recipient.label if s.recipient else None)
                 for s in ex.statements if s.predicate in ("deploys", "supplies"))
    assert got == [("deploys", "warplanes", None), ("supplies", "tanks", "Georgia")]


def test_coming_into_force_is_no_event():
    ex = extract(_article("The truce, brokered by Ivo Brandt, came into force on Sunday."))
    assert [s for s in ex.statements if s.predicate == "come"] == []


def test_a_count_of_a_people_named_by_their_nationality_keeps_them_as_its_unit():
    ex = extract(_article("Moldova has deported more than 300 Ukrainians since March."))
    counts = [(s.quantity.value, s.quantity.unit) for s in ex.statements if s.quantity is not None]
    assert counts == [(300, "Ukrainians")]


def test_a_gerund_an_adjective_describes_is_a_noun_whose_agent_is_that_adjectives_name():
    ex = extract(_article("Two people were wounded by Russian shelling in Lisk."))
    got = {(s.predicate, s.subject.label if s.subject else None) for s in ex.statements}
    assert ("injures", "Russia") in got
    assert not [s for s in ex.statements if s.subject is not None and s.subject.label == "people"]


def test_an_event_that_is_the_passive_agent_is_not_its_own_agent():
    ex = extract(_article("More than 12,000 people have been displaced by the war in Moldova."))
    assert [s for s in ex.statements if s.predicate == "fights"
            and s.subject is not None and s.subject.label == "war"] == []


def test_a_sale_approved_or_blocked_is_stated_with_its_count_and_buyer():
    ex = extract(_article("Ruritania approved the sale of 400 Stinger missiles to Moldova on Monday."))
    sale = _one(ex, "sells_authorized")
    assert (sale.object.label, sale.recipient.label, sale.quantity.value, sale.quantity.unit) == \
        ("Stinger", "Moldova", 400, "missiles")
    assert all(s.quantity is None for s in ex.statements if s.predicate == "approves")   # the sale's count
    ex = extract(_article("Ruritania blocked the sale of 40 Leopard tanks to Moldova."))
    blocked = _one(ex, "sells_prevented")
    assert (blocked.recipient.label, blocked.quantity.value) == ("Moldova", 40)


def test_a_name_the_parse_joins_to_a_count_is_not_part_of_what_is_counted():
    ex = extract(_article("The attack killed four people, including a child, and wounded 20 others, "
                          "regional governor Oleh Syniehubov said."))
    assert [(s.quantity.value, s.quantity.unit) for s in ex.statements if s.predicate == "injures"] == [(20, "people")]


def test_a_judged_statement_stands_for_the_one_who_made_it():
    ex = extract(_article("Moldova condemned Ivo Brandt's remarks on Lisk. Ruritania rejected the claims of Ana Morel."))
    got = {(s.predicate, s.subject.label, s.object.label) for s in ex.statements if s.object is not None}
    assert ("criticizes", "Moldova", "Ivo Brandt") in got
    assert ("rejects", "Ruritania", "Ana Morel") in got


def test_a_navys_ships_can_strike():
    ex = extract(_article("Ruritanian navy ships struck targets near Lisk in May."))
    assert [(s.predicate, s.subject.label.lower()) for s in ex.statements if s.predicate == "strikes"] == \
        [("strikes", "ruritanian navy ships")]


def test_a_count_of_what_strikes_hit_is_theirs():
    ex = extract(_article("Moldova said it had launched strikes on three ports in Ruritania."))
    st = _one(ex, "strikes")
    assert (st.subject.label, st.quantity.value, st.quantity.unit) == ("Moldova", 3, "ports")


def test_weapons_coordinated_with_an_attack_modify_it_and_its_adjective_names_the_attacker():
    ex = extract(_article("A Russian drone and missile attack on the Moldovan capital Chisinau has killed at least "
                          "one person and injured seven others, city officials say."))
    got = sorted((s.predicate, s.subject.label if s.subject else None, s.quantity.qualifier, s.quantity.value)
                 for s in ex.statements if s.quantity is not None)
    assert got == [("injures", "Russia", "exact", 7), ("kills", "Russia", "at_least", 1)]


def test_it_in_a_clause_that_depends_on_another_is_that_clauses_named_subject():
    head = "Militia killed many civilians at hospital, WHO chief and doctors say"
    text = head + "\nThe Rapid Support Forces militia reportedly killed hundreds of civilians at the main hospital in " \
        "Lisk, days after it captured the city, the head of the UN's health agency says."
    ex = extract(Article("t.txt", text, head, len(head) + 1))
    assert [(s.subject.label if s.subject else None) for s in ex.statements if s.predicate == "captures"] == \
        ["Rapid Support Forces"]
    ex = extract(_article("A bomber crashed into a foot patrol while it was traveling through Lisk."))
    assert not [s for s in ex.statements if s.subject is not None and s.subject.label == "bomber"
                and s.predicate == "travel"]


def test_an_object_with_no_negates_the_event_but_no_less_than_qualifies_a_count():
    ex = extract(_article("The Lisk network gave no casualty figures on Monday."))
    assert [s.predicate for s in ex.statements] == ["not_give"]
    ex = extract(_article("Ruritania has no less than 5,000 Stinger missiles, Ivo Brandt said."))
    st = _one(ex, "possesses")
    assert (st.quantity.value, st.quantity.qualifier) == (5000, "at_least")


def test_a_sale_of_one_of_several_packages_is_valued_and_goes_to_whom_the_package_goes():
    ex = extract(_article("Days after Ruritania announced the sale of one of its largest weapons packages to Moldova "
                          "worth $11bn, Freedonia protested."))
    sale = _one(ex, "sells")
    assert (sale.subject.label, sale.recipient.label, sale.quantity.value, sale.quantity.unit) == \
        ("Ruritania", "Moldova", 11e9, "USD")
    assert not [s for s in ex.statements if s.predicate == "package"]


def test_a_sale_valued_at_a_sum_keeps_its_count_and_its_value():
    ex = extract(_article("Ruritania announced a sale of 40 tanks to Moldova valued at $2bn."))
    sales = {(s.quantity.value, s.quantity.unit) for s in ex.statements if s.predicate == "sells"}
    assert sales == {(40, "tanks"), (2e9, "USD")}
    assert not [s for s in ex.statements if s.predicate == "value"]


def test_an_honorific_with_one_name_is_the_person_of_the_article_with_that_name():
    ex = extract(_article("Prime Minister Sir Ivo Brandt spoke on Monday. Ana Morel informed Sir Ivo of the decision."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "inform"] == \
        [("Ana Morel", "Ivo Brandt")]


def test_not_just_adds_and_denies_nothing():
    ex = extract(_article("Ruritania did not just sell tanks to Moldova."))
    assert [s.predicate for s in ex.statements] == ["sells"]


def test_sanctions_against_a_count_count_whom_they_hit():
    ex = extract(_article("Moldova previously imposed sanctions against 133 \"shadow\" vessels in December."))
    st = _one(ex, "sanctions")
    assert (st.quantity.value, st.quantity.unit) == (133, "vessels")


def test_the_one_who_accuses_an_operation_does_not_run_it():
    ex = extract(_article("Ruritania has accused the operation of funding the war."))
    assert not [s for s in ex.statements if s.predicate == "conducts_operations"]


def test_a_countrys_capital_is_the_gazetteers_capital_city():
    ex = extract(_article("Moldova struck the Lebanese capital on Sunday."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "strikes"] == \
        [("Moldova", "Beirut")]


def test_an_attack_the_parse_hangs_on_its_weapons_keeps_their_attacker_and_target():
    ex = extract(_article("A Russian drone and missile attack on the Moldovan capital Chisinau has killed at least "
                          "one person."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "attacks"] == \
        [("Russia", "Chișinău")]


def test_an_exchange_for_captives_held_by_someone_is_their_release_and_keeps_its_own_count():
    ex = extract(_article("Ruritania is releasing more than 1,700 Freedonians detained during the war, in exchange "
                          "for the last 20 living hostages held by the Vostok Front."))
    got = sorted((s.predicate, s.subject.label if s.subject else None, s.quantity.value if s.quantity else None)
                 for s in ex.statements if s.predicate in ("releases", "arrests"))
    assert ("releases", "Vostok Front", 20) in got
    assert all(q != 20 for p, _, q in got if p == "arrests")


def test_deaths_reported_from_strikes_are_killings_by_the_strikes_side():
    ex = extract(_article("Ruritania's Lisk region reported three deaths from Moldovan strikes."))
    got = [(s.predicate, s.subject.label if s.subject else None, s.quantity.value) for s in ex.statements
           if s.quantity is not None]
    assert got == [("kills", "Moldova", 3)]


def test_people_of_two_coordinated_sides_meeting_are_those_sides_meeting():
    ex = extract(_article("The plan was revised during talks between Moldovan and Georgian negotiators in Lisk."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "meets"] == \
        [("Moldova", "Georgia")]
    ex = extract(_article("Moldovan and Georgian delegations met in Lisk on Monday."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "meets"] == \
        [("Moldova", "Georgia")]


def test_a_title_with_a_name_in_apposition_is_that_person():
    ex = extract(_article("Trump said he had been briefed by the Chairman of the Joint Staff, General Ana Morel."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "brief"] == \
        [("Ana Morel", "Donald Trump")]


def test_a_bare_definite_noun_is_the_thing_named_with_more_words_just_before():
    ex = extract(_article("Moldova built up a secret tanker operation in 2023. Ruritania has accused the operation of "
                          "funding the war."))
    assert [s.object.label for s in ex.statements if s.predicate == "accuses"] == ["secret tanker operation"]


@pytest.mark.parametrize("body, predicate, subject, obj", [
    ("Moldova struck what it called Vostok weapons depots near Lisk.", "strikes", "Moldova", "Vostok weapons depots"),
    ("Moldova launched what Ruritania described as a massive drone attack on Lisk.", "attacks", "Moldova", "Lisk"),
])
def test_what_a_free_relative_of_naming_names_is_the_verbs_object(body, predicate, subject, obj):
    ex = extract(_article(body))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == predicate] == [(subject, obj)]


def test_an_agreement_talked_about_is_not_signed_by_the_speaker():
    ex = extract(_article("Donald Trump said the second phase of negotiations on a peace agreement was under way."))
    assert not [s for s in ex.statements if s.predicate == "signs"]


@pytest.mark.parametrize("body", [
    "Moldova's last exercise, held in April, simulated strikes on key ports near Lisk.",
    "Moldova is holding drills around Lisk simulating the blockade of the island's ports.",
])
def test_a_simulated_event_is_rehearsed_not_done(body):
    ex = extract(_article(body))
    assert not [s for s in ex.statements if s.predicate in ("strikes", "blockades")]


def test_it_after_a_sentence_about_a_thing_is_that_thing_not_a_state_named_before():
    ex = extract(_article("Moldova chose Ruritania on Saturday. The agreement represents a victory for Ruritania. "
                          "It will create a combined fleet of 13 frigates."))
    assert [s.subject.label for s in ex.statements if s.predicate.startswith("create")] == ["agreement"]


def test_it_after_a_person_did_something_to_a_thing_is_that_thing_not_a_state_named_before():
    ex = extract(_article("Moldova chose Ruritania on Saturday. Ivo Brandt hailed the agreement as a victory for "
                          "Ruritania. It will create a combined fleet of 13 frigates."))
    assert [s.subject.label for s in ex.statements if s.predicate.startswith("create")] == ["agreement"]


@pytest.mark.parametrize("verb", ["mandated", "tasked", "commissioned"])
def test_who_is_mandated_to_do_something_does_it(verb):
    ex = extract(_article(f"The Lisk Accord {verb} Moldova and Ruritania to withdraw their heavy weapons "
                          "from the border."))
    assert {s.subject.label for s in ex.statements if s.predicate.startswith("withdraws")} \
        == {"Moldova", "Ruritania"}


def test_a_clause_joined_by_nor_is_denied_with_what_is_joined_to_it():
    ex = extract(_article("Moldova has not attacked Ruritania, nor has it shelled Lisk or bombed Varna."))
    assert sorted((s.predicate, s.object.label) for s in ex.statements) == [
        ("not_attacks", "Ruritania"), ("not_strikes", "Lisk"), ("not_strikes", "Varna")]
    ex = extract(_article("Moldova shelled Lisk and bombed Varna."))
    assert [s.predicate for s in ex.statements] == ["strikes", "strikes"]


@pytest.mark.parametrize("body", [
    "Ivo Brandt should be kept under house arrest instead of being sent to Lisk.",
    "Moldova wants the soldiers freed rather than sent to Lisk.",
])
def test_the_course_not_taken_is_not_done(body):
    ex = extract(_article(body))
    sent = [s.predicate for s in ex.statements if s.location is not None and s.location.label == "Lisk"]
    assert sent and all(p.startswith("not_") for p in sent)


def test_never_and_neither_negate():
    ex = extract(_article("Moldova has never attacked Ruritania, Ivo Brandt said."))
    assert [s.predicate for s in ex.statements if "attacks" in s.predicate] == ["not_attacks"]
    ex = extract(_article("Polls show that most people in Lisk neither want to unify with Moldova, "
                          "nor to declare independence."))
    assert [s.predicate for s in ex.statements if "unify" in s.predicate] == ["not_unify_intended"]


def test_whom_a_warning_is_issued_to_is_who_is_to_do_what_it_says():
    ex = extract(_article("Moldova issued warnings to its citizens to avoid travel to Ruritania."))
    assert [s.subject.label for s in ex.statements if s.predicate.startswith("avoid")] == ["citizens"]


def test_a_ships_name_is_no_place():
    ex = extract(_article("Two of the warships, HMS Glasgow and HMS Cardiff, have been built. "
                          "They are due to enter service in 2028."))
    assert "Glasgow" not in {e.label for e in ex.entities}
    assert "HMS Glasgow" in {e.label for e in ex.entities}


def test_a_bare_definite_noun_is_the_name_that_noun_introduced():
    ex = extract(_article("Ivo Brandt said the targets included the cargo ship Silver Heron. "
                          "The ship, hijacked by the Vostok Front in 2023, was used to monitor vessels."))
    assert [s.object.label for s in ex.statements if s.predicate == "abducts"] == ["Silver Heron"]


@pytest.mark.parametrize("body, predicate, subject, obj", [
    ("The Vostok Front took control of the port city of Lisk in 2015.", "controls", "Vostok Front", "Lisk"),
    ("Moldova remains in control of most of Lisk.", "controls", "Moldova", "Lisk"),
    ("The Vostok Front lost control of the town of Lisk.", "controls_ended", "Vostok Front", "Lisk"),
])
def test_control_taken_held_or_lost(body, predicate, subject, obj):
    ex = extract(_article(body))
    assert [(s.predicate, s.subject.label, s.object.label) for s in ex.statements if "controls" in s.predicate] == \
        [(predicate, subject, obj)]


def test_who_an_event_leaves_in_control_controls():
    ex = extract(_article("The fall of Brel leaves the Vostok Front in control of the west of Lisk."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "controls"] == \
        [("Vostok Front", "Lisk")]


def test_a_name_after_a_small_article_is_a_name_and_a_place_by_use():
    ex = extract(_article("Fighters stormed a clinic in el-Zahra last week. Rebels now control the city."))
    controls = [(s.subject.label, s.object.label, s.object.type) for s in ex.statements if s.predicate == "controls"]
    assert controls == [("rebels", "el-Zahra", "Location")]
    stormed = [s for s in ex.statements if s.predicate == "attacks"]
    assert [(s.location.label, s.location.type) for s in stormed] == [("el-Zahra", "Location")]
    named = extract(_article("The raid was reported by the al-Nour Watch Committee, a group of local activists."))
    assert "al-Nour Watch Committee" in {e.label for e in named.entities}


@pytest.mark.parametrize("body, count", [
    ("The militia carried out 40 raids on clinics in Lisk, resulting in 312 deaths.", 312),
    ("The shelling of Lisk caused 57 deaths.", 57),
    ("Officials in Lisk reported nine deaths.", 9),
])
def test_a_counted_toll_is_a_killing_whoever_caused_it(body, count):
    kills = [s for s in extract(_article(body)).statements if s.predicate == "kills"]
    assert [(s.object.label, s.quantity.value, s.quantity.unit) for s in kills] == [("people", count, "people")]


def test_deaths_from_a_disease_are_no_killing():
    assert not [s for s in extract(_article("Ruritania recorded 12 deaths from cholera last year.")).statements
                if s.predicate == "kills"]


@pytest.mark.parametrize("body, who, place", [
    ("The Freedonian envoy Ivo Marek is expected in Lisk next week.", "Ivo Marek", "Lisk"),
    ("Ivo Marek is due in Lisk on Monday, officials said.", "Ivo Marek", "Lisk"),
])
def test_expected_in_a_place_is_a_visit_to_come(body, who, place):
    visits = [(s.predicate, s.subject.label, s.location.label) for s in extract(_article(body)).statements
              if s.predicate.startswith("visits")]
    assert visits == [("visits_intended", who, place)]


def test_expected_in_a_month_or_to_do_something_is_no_arrival():
    assert not [s for s in extract(_article("Results are expected in March.")).statements]
    assert [s.predicate for s in extract(_article("Ivo Marek is expected to visit Lisk.")).statements] \
        == ["visits_intended"]


def test_members_of_a_described_group_are_the_named_groups():
    ex = extract(_article("Freedonian forces targeted members of the Colombian gang Clan del Golfo."))
    assert [s.object.label for s in ex.statements if s.predicate == "strikes"] == ["Clan del Golfo's members"]


def _by_status(body):
    return [(s.predicate, s.subject and s.subject.label, s.status, s.claimant and s.claimant.label,
             s.status_by and s.status_by.label) for s in extract(_article(body)).statements]


def test_an_unnamed_accusation_is_a_claim_about_the_accused():
    assert ("strikes", "Vostok Front", "claimed", None, None) in _by_status(
        "The Vostok Front has been accused of shelling Lisk.")
    assert ("kills", "Vostok Front", "claimed", None, None) in _by_status(
        "The Vostok Front has been accused of killing 12 hostages in Lisk.")


def test_allegations_a_party_denies_are_denied_by_it_not_its_claim():
    found = _by_status("Since the war began in 2023, the Vostok Front has been accused of shelling "
                       "villages in Lisk - allegations the Vostok Front denies.")
    assert ("strikes", "Vostok Front", "denied", None, "Vostok Front") in found


def test_everything_in_ones_power_to_do_is_intended_not_authorized():
    found = [s.predicate for s in extract(_article(
        "The minister vowed Freedonia will do everything in its power to destroy the Vostok fleet.")).statements]
    assert "destroys_intended" in found and "destroys_authorized" not in found


def _claimants(body):
    return [(s.predicate, s.claimant and s.claimant.label) for s in extract(_article(body)).statements]


def test_the_title_alone_is_the_person_most_named_with_it():
    found = _claimants("French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky in Lisk. "
                       "Emmanuel Macron praised the talks. Later the president said Vostok had shelled Lisk.")
    assert ("strikes", "Emmanuel Macron") in found


def test_he_added_continues_the_speaker_of_the_sentence_before():
    found = _claimants('Freedonian President Ivo Marek said he had been briefed by General Jan Bor. Later the '
                       'president posted: "Our forces struck a Vostok convoy." He added: "The strike killed 11 fighters."')
    assert ("kills", "Ivo Marek") in found and ("kills", "Jan Bor") not in found


def test_would_not_be_drawn_on_states_nothing():
    assert extract(_article("The president would not be drawn on whether the aim was to topple Ivo Marek.")
                   ).statements == []


@pytest.mark.parametrize("body, predicate, count, unit", [
    ("Three Ruritanian drones hit the city of Lisk.", "strikes", 3, "drones"),
    ("Four Ruritanian fighter jets entered the Freedonian skies on Friday.", "enter", 4, "jets"),
    ("Hundreds of troops crossed the border into Lisk.", "cross", 200, "troops"),
])
def test_a_counted_weapon_or_armed_doer_counts_the_event(body, predicate, count, unit):
    found = [(s.quantity.value, s.quantity.unit) for s in extract(_article(body)).statements
             if s.predicate == predicate and s.quantity is not None]
    assert found == [(count, unit)]


def test_other_counted_subjects_keep_their_count():
    ex = extract(_article("The two firms export 3.1 million barrels of oil."))
    assert [s.quantity.value for s in ex.statements if s.predicate == "exports"] == [3100000]
    held = extract(_article("Three ministers visited Lisk on Monday."))
    assert [s.quantity for s in held.statements if s.predicate == "visits"] in ([None], [])


def test_an_attack_that_left_people_dead_keeps_their_count():
    assert _casualties("The attack on the market left 25 people and one police officer dead.") \
        == [("kills", "people", 25, "people"), ("kills", "police officer", None, None)]


def test_the_heroism_or_actions_of_someone_judged_are_theirs():
    judged = [(s.predicate, s.subject.label, s.object.label) for s in extract(_article(
        "Emmanuel Macron praised the heroism of Freedonian troops and condemned the actions of Russia.")).statements
        if s.predicate in ("praises", "criticizes")]
    assert ("criticizes", "Emmanuel Macron", "Russia") in judged
    assert [o for p, _, o in judged if p == "praises"] == ["freedonian troops"]


def test_sent_or_launched_from_a_state_names_who_sent_it():
    found = [(s.predicate, s.subject and s.subject.label, s.quantity and s.quantity.value)
             for s in extract(_article("Two missiles were launched from Yemen into Israel, the army said.")).statements]
    assert ("launches", "Yemen", 2) in found
    assert [s.subject for s in extract(_article("The troops were withdrawn from Lisk.")).statements
            if s.predicate == "withdraws"] == [None]


def test_a_named_group_is_the_running_actor_of_the_attacks_after_it():
    ex = extract(_article("Israel struck Sanaa last month. The Houthis attacked the Eternal Star on Monday. "
                          "Freedonia condemned the attacks on the Eternal Star and the Blue Wave."))
    found = [(s.subject and s.subject.label, s.object and s.object.label) for s in ex.statements
             if s.predicate == "attacks" and "condemned" in s.evidence.text]
    assert found and all(who == "Houthis" for who, _ in found)


def test_counted_or_bare_plural_attacks_are_nobodys_guess():
    ex = extract(_article("The Houthis attacked the Eternal Star on Monday. The WHO has verified 185 attacks on "
                          "clinics in Yemen. Killings of tribal elders rocked the province."))
    assert not [s for s in ex.statements if s.subject is not None and s.subject.label == "Houthis"
                and ("185" in s.evidence.text or "Killings" in s.evidence.text)]


def test_what_is_failed_or_avoided_is_not_done():
    assert [s.predicate for s in extract(_article("The Vostok army failed to capture the city of Lisk.")).statements] \
        == ["not_captures"]
    assert [s.predicate for s in extract(_article("The Vostok army never failed to capture Lisk.")).statements] \
        == ["captures"]
    avoided = [s.predicate for s in extract(_article("Both sides must avoid firing at Freedonian troops.")).statements]
    assert avoided and all(p.endswith("_refused") for p in avoided)
    met = [s.predicate for s in extract(_article("Freedonia failed to meet the ministers' asks on Lisk.")).statements]
    assert "meets" not in met and "not_meets" not in met


def test_who_calls_or_describes_an_event_does_not_do_it():
    said = [(s.predicate, s.subject and s.subject.label) for s in extract(_article(
        "Ivo Marek called the deal really big. Jan Bor described the strikes as unprovoked.")).statements]
    assert ("signs", "Ivo Marek") not in said and ("strikes", "Jan Bor") not in said
    called = [(s.predicate, s.subject and s.subject.label) for s in extract(_article(
        "The Vostok Front felt confident enough to call a ceasefire.")).statements]
    assert ("agrees_ceasefire", "Vostok Front") in called


def test_talks_between_a_counted_group_and_another_pair_each_of_the_group_with_it():
    met = sorted((s.subject.label, s.object.label) for s in extract(_article(
        "Britain, France and Germany triggered the snapback. Talks between the three countries and Iran failed "
        "to produce a deal.")).statements if s.predicate == "meets")
    assert met == [("France", "Iran"), ("Germany", "Iran"), ("United Kingdom", "Iran")]


def test_a_past_tense_after_a_reported_perfect_goes_with_the_saying():
    found = [(s.predicate, s.subject and s.subject.label) for s in extract(_article(
        "The Freedonian embassy said the Vostok Front had kidnapped 12 sailors and called for their release.")).statements]
    assert ("abducts", "Vostok Front") in found and ("calls_for", "freedonian embassy") in found
    kept = [(s.predicate, s.subject and s.subject.label) for s in extract(_article(
        "Police said the gunmen had stormed the bank in Lisk and taken hostages.")).statements]
    assert ("take", "gunmen") in kept


def test_him_again_is_the_man_the_pronouns_before_meant():
    ex = extract(_article("The court convicted the former president, Ivo Marek. They ruled he was guilty of leading "
                          "a plot after he lost the election to his rival, Jan Bor. Four of the judges found him "
                          "guilty while one voted to acquit him."))
    assert [s.object.label for s in ex.statements if s.predicate == "acquit"] == ["Ivo Marek"]


def test_it_that_sparked_something_is_the_thing_not_the_actor():
    found = [(s.predicate, s.subject and s.subject.label) for s in extract(_article(
        "Freedonia has lifted a social media ban after it sparked protests that led to clashes with police.")).statements]
    assert ("spark", "social media ban") in found and not [p for p, who in found if who == "Freedonia" and p != "lift"]


def test_an_active_verb_after_a_passive_with_an_agent_is_the_passive_subjects():
    found = [(s.predicate, s.subject and s.subject.label) for s in extract(_article(
        "Emmanuel Macron said he was deeply saddened by the violence, and blamed the unrest on Vostok agents.")).statements]
    assert ("accuses", "Emmanuel Macron") in found and ("accuses", "violence") not in found


def test_hyphenated_words_with_a_prefix_stay_whole():
    ex = extract(_article("Freedonia would advance security co-operation with Ruritania."))
    assert not [s for s in ex.statements if s.predicate == "conducts_operations"]
    assert [s.object.label for s in ex.statements if s.predicate.startswith("advance")] == ["security co-operation"]


def test_a_ship_attacked_by_a_group_that_sank_was_sunk_by_it():
    sunk = [(s.subject and s.subject.label, s.object and s.object.label) for s in extract(_article(
        "Six crew members were rescued after a cargo ship was attacked by the Houthis and sank in the Red Sea.")
    ).statements if s.predicate == "sinks"]
    assert sunk == [("Houthis", "cargo ship")]


@pytest.mark.parametrize("body, predicate, subject, obj", [
    ("Vladimir Putin hailed relations with China.", "praises", "Vladimir Putin", "China"),
    ("The Security Council approved the creation of a Board of Peace.", "approves", "UN Security Council",
     "Board of Peace"),
    ("Israel restarted its military offensive against Hamas in March.", "attacks", "Israel", "Hamas"),
])
def test_relations_with_and_the_creation_of_stand_for_the_party_and_a_restart_for_the_event(
        body, predicate, subject, obj):
    assert (predicate, subject, obj) in [(s.predicate, s.subject and s.subject.label, s.object and s.object.label)
                                         for s in extract(_article(body)).statements]


def test_members_someone_acts_on_are_no_membership_of_the_actor():
    ex = extract(_article("Freedonian police arrested members of the Vostok Front in Lisk."))
    assert not [s for s in ex.statements if s.predicate == "member_of"]
    killed = extract(_article("Israel killed a senior member of the militant group Hezbollah in Beirut."))
    assert [s.object.label for s in killed.statements if s.predicate == "kills"] == ["Hezbollah's senior member"]


def test_military_action_against_a_state_is_an_attack():
    ex = extract(_article("Russia's military action against Ukraine, which started in 2022, continues."))
    assert [(s.subject.label, s.object.label) for s in ex.statements if s.predicate == "attacks"] \
        == [("Russia", "Ukraine")]
    assert not extract(_article("The UN warned against any military action in the region.")).statements


def test_counted_people_living_or_serving_somewhere_are_present_there():
    found = [(s.predicate, s.subject.label, s.location.label, s.quantity.value) for s in extract(_article(
        "About 8,000 Freedonian citizens live in Ruritania. Some 2,500 Freedonian soldiers serve in Lisk.")).statements]
    assert ("present_in", "freedonian citizens", "Ruritania", 8000) in found
    assert ("present_in", "freedonian soldiers", "Lisk", 2500) in found
    assert not extract(_article("Ivo Marek lives in Lisk.")).statements


def test_the_entry_or_flow_of_goods_stands_for_the_goods():
    found = [(s.predicate, s.subject.label, s.object.label) for s in extract(_article(
        "Freedonia blocked the entry of humanitarian supplies into Lisk for 70 days.")).statements]
    assert ("blocks", "Freedonia", "humanitarian supplies") in found


def test_a_speech_act_is_its_speakers_word_unless_another_source_is_named():
    found = {s.predicate: (s.claimant and s.claimant.label, s.status) for s in extract(_article(
        "Qatar accused Israel of violating its airspace. The African Union warned both sides against "
        "escalation.")).statements}
    assert found["accuses"] == ("Qatar", "reported") and found["warns"] == ("African Union", "reported")
    quoted = [(s.claimant and s.claimant.label) for s in extract(_article(
        "Qatar accused Israel of shelling Lisk, the UN said.")).statements if s.predicate == "accuses"]
    assert quoted == ["UN"] or quoted == ["United Nations"]


def test_calling_something_by_a_judgement_describes_it_and_other_calls_do_not():
    found = [(s.predicate, s.subject and s.subject.label, s.object and s.object.label) for s in extract(_article(
        "Emmanuel Macron called the explosion an attack.")).statements]
    assert ("describes", "Emmanuel Macron", "explosion") in found
    for body in ("The council approved a body called the Board of Peace.", "Prosecutors called Ivo Marek, a farmer.",
                 "Emmanuel Macron called Vladimir Putin on Monday.", "The UN called for restraint."):
        assert not [s for s in extract(_article(body)).statements if s.predicate == "describes"], body


def test_a_title_after_the_name_with_its_body_is_an_office():
    found = [(s.subject.label, s.object.label) for s in extract(_article(
        "The drills are led by Ivo Marek, the new chief of the Vostok Command, who took over in May. "
        "Jan Bor, the former head of the Lisk Council, spoke.")).statements if s.predicate == "holds_office"]
    assert found == [("Ivo Marek", "Vostok Command")]


def test_a_participle_opening_the_sentence_is_done_to_its_subject():
    found = {(s.predicate, _lab(s.subject), _lab(s.object), _lab(s.recipient)) for s in extract(_article(
        "Maria Lopez fled in 2019. Granted political asylum in Freedonia, she lives near the capital. "
        "Arrested by police in March, Ivo Marek was released on bail. "
        "Backed by Elbonia, the rebels seized the town of Lisk.")).statements}
    assert ("grant", None, "political asylum", "Maria Lopez") in found
    assert ("arrests", "police", "Ivo Marek", None) in found
    assert ("backs", "Elbonia", "rebels", None) in found
    assert ("seizes", "rebels", "Lisk", None) in found
    # the infinitive under it is the subject's own act; "When asked" is no passive of the subject
    found = {(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Ordered to leave Lisk, the Freedonian troops withdrew on Monday. "
        "When asked about the strike, Ana Vel said nothing.")).statements}
    assert ("leave_requested", "freedonian troops", "Lisk") in found
    assert not [f for f in found if f[2] == "Ana Vel"]


def test_an_event_is_no_claimant():
    found = [(s.claimant and s.claimant.label) for s in extract(_article(
        'Hezbollah confirmed the death of Ivo Marek, adding Israel had crossed a "red line" in carrying out '
        "the strike.\n\nThe strike is Israel's first on southern Beirut for months.\n\nIt comes as Israel has "
        "escalated its campaign on people and targets it says are linked to Hezbollah - a Shia Muslim group "
        "supported by Iran - despite a ceasefire.")).statements if s.predicate == "link"]
    assert found and "strike" not in found


def test_what_must_happen_is_asked_of_someone_and_what_we_must_do_is_meant():
    found = {s.predicate for s in extract(_article(
        "All patients and health facilities must be protected under international law. "
        "Freedonia must withdraw its troops from Lisk, the UN said.")).statements}
    assert {"protect_requested", "withdraws_requested"} <= found
    found = {s.predicate for s in extract(_article("We must protect our borders, Ivo Marek said.")).statements}
    assert found == {"protect_intended"}


def test_what_can_be_seen_happening_is_done():
    found = [(s.predicate, _lab(s.object)) for s in extract(_article(
        "In the video, the suspect can be seen carrying a yellow bag. The army could strike Lisk.")).statements]
    assert ("carry", "yellow bag") in found and ("strikes_possible", "Lisk") in found


def test_a_craft_travelled_on_is_where_one_was_not_a_target():
    found = [(_lab(s.object), _lab(s.target), _lab(s.location)) for s in extract(_article(
        "Ivo Marek was flown out of Freedonia on a French military aircraft.")).statements]
    assert found == [("Ivo Marek", None, "french military aircraft")]
    assert not [s for s in extract(_article("Ivo Marek arrived on a warship.")).statements if s.target is not None]
    found = [(s.predicate, _lab(s.object)) for s in extract(_article("Police fired on the protesters.")).statements]
    assert found == [("strikes", "protesters")]


def test_fake_news_fought_is_no_denial():
    found = [s.status for s in extract(_article(
        "The government had justified its ban in the name of tackling fake news.")).statements]
    assert found == ["reported"]
    found = [s.status for s in extract(_article(
        "Freedonia dismissed the report of a strike on Lisk as fake news.")).statements]
    assert found == ["denied"]


def test_a_stance_participle_is_held_by_the_noun_it_describes():
    found = [(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Ivo Marek had a message for Americans opposed to war with Ruritania.")).statements]
    assert ("opposes", "Americans", "war") in found
    assert not [f for f in found if f[0] == "opposes" and f[2] == "Americans"]
    assert not [f for f in found if f[0] == "fights" and f[1] == "Americans"]


def test_the_name_before_a_gerund_after_of_does_it():
    found = [(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Ivo Marek has walked back from his earlier threats of Ruritania quitting the Lisk Treaty "
        "altogether.")).statements]
    assert ("quit_threatened", "Ruritania", "Lisk Treaty") in found
    assert not [f for f in found if f[2] == "Ruritania"]


def test_the_speaker_of_a_clause_hung_on_the_main_one_is_its_subject():
    found = {(s.predicate, s.claimant and s.claimant.label) for s in extract(_article(
        "Turkey launched drones at a base in Iraq, in what it said was retaliation for Kurdish attacks "
        "on its soldiers.")).statements}
    assert ("attacks", "Turkey") in found and not [f for f in found if f[1] == "Iraq"]


def test_a_name_in_a_hyphened_modifier_is_no_antecedent():
    found = [(s.predicate, _lab(s.subject)) for s in extract(_article(
        "The Iran-backed rebels said they attacked the Lisk Star because it was heading to Moldova.")).statements]
    assert found and not [f for f in found if f[1] == "Iran"]


def test_what_a_plan_includes_or_a_strategy_is_for_is_intended():
    found = {s.predicate for s in extract(_article(
        "The plans include seizing all of Lisk and displacing its residents to the south.")).statements}
    assert "displaces_intended" in found and "displaces" not in found
    found = {s.predicate for s in extract(_article(
        "Moldova unveiled a strategy for defeating the Vostok Brigade.")).statements}
    assert "defeat_intended" in found and "defeat" not in found


def test_each_subject_says_its_own_word_and_a_statement_read_is_a_claim():
    found = {(_lab(s.subject), s.claimant and s.claimant.label) for s in extract(_article(
        "The US, the Palestinian Authority and Moldova have called for the quick adoption of the resolution."
    )).statements if s.predicate == "calls_for"}
    assert ("Palestinian Authority", "Palestinian Authority") in found and ("Moldova", "Moldova") in found
    found = {(_lab(s.subject), s.claimant and s.claimant.label) for s in extract(_article(
        "Moldova and Ruritania held joint drills near Lisk, Moldova said.")).statements}
    assert ("Ruritania", "Moldova") in found
    found = [s.status for s in extract(_article(
        '"Freedonia has not allowed inspectors to return to Lisk," the statement read.')).statements]
    assert found and all(status == "claimed" for status in found)


def test_all_over_a_place_is_where_not_what_about():
    found = [(s.predicate, _lab(s.object), _lab(s.location)) for s in extract(_article(
        "Ivo Marek said this was how the US had started wars all over the world.")).statements]
    assert ("fights", None, "world") in found


def test_a_yard_named_in_apposition_is_a_place_and_a_channel_speaks_for_no_one():
    found = [(_lab(s.target), _lab(s.location)) for s in extract(_article(
        "Two of the warships are currently being fitted out at a second shipyard, Scotstoun.")).statements
        if s.predicate == "fit_out"]
    assert found == [(None, "Scotstoun")]
    found = {s.claimant and s.claimant.label for s in extract(_article(
        "Hamas rejected the plan. The Palestinian armed group wrote on Telegram after the resolution passed that "
        'the plan "imposes a guardianship mechanism on Gaza".\n\n"Assigning the international force with tasks '
        'strips it of its neutrality," it added.')).statements}
    assert "Telegram" not in found and "Hamas" in found


def test_a_time_of_another_clause_does_not_date_the_event():
    def times(body):
        ex = extract(_article(body, published=date(2025, 7, 10)))
        return {(s.predicate, _lab(s.object)): s.time for s in ex.statements}
    found = times("Video footage released by the rebels on Tuesday showed armed men boarding the vessel.")
    assert found[("board", "vessel")] is None
    found = times("Moldova has blocked the entry of all food into Lisk for 70 days and renewed its bombardment "
                  "there in mid-March.")
    assert found[("blocks", "food")] is None
    found = times("Ruritanian missiles targeted the Lisk base, in what it said was a response to the US bombing "
                  "its nuclear sites on Saturday evening.")
    assert found[("strikes", "nuclear sites")] == "2025-07-05" and found[("strikes", "Lisk base")] is None
    found = times("Ruritania killed 12 people by shelling Lisk on Monday.")
    assert found[("kills", "people")] == "2025-07-07"


def test_what_is_left_is_what_withdrawing_or_resigning_is_about():
    found = {(s.predicate, _lab(s.subject), _lab(s.object), _lab(s.location)) for s in extract(_article(
        "Moldova withdrew from the Lisk Treaty. Ivo Marek resigned from the government. "
        "Ruritania has threatened to withdraw from the Vostok Pact. "
        "Moldova withdrew its troops from Kherson.")).statements}
    assert ("withdraws", "Moldova", "Lisk Treaty", None) in found
    assert ("resign", "Ivo Marek", "government", None) in found
    assert ("withdraws_threatened", "Ruritania", "Vostok Pact", None) in found
    assert any(f[0] == "withdraws" and f[3] == "Kherson" for f in found)


def test_what_one_is_urged_to_say_is_not_ones_own_word_and_going_on_to_do_is_doing():
    found = [(s.predicate, s.claimant and s.claimant.label) for s in extract(_article(
        "At the summit Ivo Marek urged members to oppose bloc confrontation.")).statements
        if s.predicate.startswith("opposes")]
    assert found and all(claimant != "members" for _, claimant in found)
    found = {s.predicate for s in extract(_article(
        "Ivo Marek went on to offer a tribute of his own to his counterpart.")).statements}
    assert "offers" in found and "offers_intended" not in found


def test_what_a_description_says_is_the_describers_word():
    found = {(s.predicate, s.status, s.claimant and s.claimant.label) for s in extract(_article(
        "Police described the suspect as a man who had attacked three people in Lisk. "
        "Police arrested a man who had shot two people in Moldova.")).statements}
    assert ("attacks", "claimed", "police") in found
    assert ("shoot", "reported", None) in found     # the arrested man is the writer's, no description


def test_any_attack_is_no_attack_and_one_not_carried_out_is_denied():
    found = {s.predicate for s in extract(_article("Moldova will respond to any attack by Ruritania.")).statements}
    assert not [p for p in found if p.startswith("attacks")]
    found = {(s.predicate, s.status) for s in extract(_article(
        "Moldova, which has denied any involvement in last month's attack, described the strikes as "
        "unprovoked.")).statements}
    assert ("involved_in", "denied") in found
    found = [(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Hezbollah has not carried out any attacks on Israel.")).statements]
    assert found == [("not_attacks", "Hezbollah", "Israel")]


def test_what_someone_suspects_is_their_claim():
    found = [(s.predicate, s.status, s.claimant and s.claimant.label) for s in extract(_article(
        "There were indications on Monday that the US suspected Iran was preparing to launch missiles "
        "into Qatar.")).statements]
    assert ("launches_intended", "claimed", "United States") in found


def test_a_passive_gerund_is_done_to_the_subject_of_its_clause():
    found = {(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Maria Lopez was released after being detained by police for three days.")).statements}
    assert ("arrests", "police", "Maria Lopez") in found
    found = {(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Maria Lopez was freed without being charged.")).statements}
    assert ("not_charges", None, "Maria Lopez") in found


def test_it_after_saying_is_the_thing_acted_on_or_the_sayer():
    found = {(s.predicate, _lab(s.subject)) for s in extract(_article(
        "The UN Security Council approved the US plan on Monday. Hamas has rejected the resolution, saying it "
        "fails to meet Palestinians' rights.")).statements}
    assert ("not_meets", "resolution") in found
    found = {(s.predicate, _lab(s.subject), _lab(s.object)) for s in extract(_article(
        "Iran attacked Israel on Monday, saying it had struck military targets.")).statements}
    assert ("strikes", "Iran", "military targets") in found
    found = {(s.predicate, _lab(s.object)) for s in extract(_article(
        "Meanwhile, a Taliban spokesperson said Pakistan had once again initiated attacks and said it was "
        "forced to respond.")).statements}
    assert ("force", "Taliban") in found


def test_a_demonym_opening_a_body_s_name_is_part_of_the_name():
    found = [(s.predicate, s.subject and (s.subject.label, s.subject.type)) for s in extract(_article(
        "The Thai Air Force said it had hit a Cambodian position.")).statements]
    assert found == [("strikes", ("Thai Air Force", "MilitaryForce"))]


def test_a_participle_sharing_a_passive_is_done_to_its_subject():
    ex, facts = _facts("The Ruritanian journalist was shot and killed by police in Osterlich.")
    st = _one(ex, "kills")
    assert (st.subject.label, st.object.label) == ("police", "ruritanian journalist")
    ex, facts = _facts("Two Ruritanian activists were arrested and charged in Osterlich.")
    assert _one(ex, "charges").object.label == "ruritanian activists"
    ex, facts = _facts("The Ruritanian frigates were built and are being repaired at Zendaport.")
    assert ("repair", None, "ruritanian frigates") in facts
    # each with its own subject: "four were killed and six wounded" stays two counts
    ex, _ = _facts("Four soldiers were killed and six wounded.")
    assert _one(ex, "injures").quantity.value == 6


def test_what_one_is_unable_to_do_or_to_prevent_did_not_happen():
    ex, facts = _facts("The Ruritanian army was unable to capture Zenda.")
    assert ("not_captures", "ruritanian army", "Zenda") in facts
    ex, facts = _facts("Ruritania is almost powerless in preventing air strikes on its towns.")
    assert not any(p.endswith("_prevented") for p, _, _ in facts)
    assert any(p == "not_prevent" for p, _, _ in facts)
    ex, facts = _facts("Ruritania was unable to prevent the attacks on Osterlich.")
    assert not any(p.endswith("_prevented") for p, _, _ in facts)


def test_who_blocks_an_act_is_not_its_doer():
    ex, facts = _facts("Ruritania blocked the sale of missiles to Osterlich.")
    st = _one(ex, "sells_prevented")
    assert st.subject is None and st.recipient.label == "Osterlich"
    ex, facts = _facts("Ruritania prevented attacks on Osterlich.")
    assert all(s.subject is None for s in ex.statements if s.predicate == "attacks_prevented")


@pytest.mark.parametrize("body, fact", [
    # an act expected of another or warned about is asked of them; one's own is meant
    ('He said he expected the Osterlich government "to fulfil its commitment".',
     ("fulfil_requested", "Osterlich", "commitment")),
    ("Ruritania issued warnings to its citizens to avoid travel to Osterlich.", ("avoid_requested", "citizens", "travel")),
    ("Ruritania expects to sign the deal with Osterlich.", ("signs_intended", "Ruritania", "deal")),
    # a subject with an infinitive alone is an act to come (and so is the event noun it announces)
    ("Ruritania to send troops to Zenda.", ("deploys_intended", "Ruritania", "troops")),
    ("Ruritania to announce fresh sanctions on Osterlich.", ("sanctions_intended", "Ruritania", "Osterlich")),
    ("Ruritania announced fresh sanctions on Osterlich.", ("sanctions", "Ruritania", "Osterlich")),
])
def test_who_means_an_act_and_whether_it_is_to_come(body, fact):
    _, facts = _facts(body)
    assert fact in facts


def test_a_gerund_after_since_in_a_time_phrase_is_done_by_the_clause_subject():
    ex, facts = _facts("For the first time since returning to Zenda, Karl Marek has criticised Osterlich.")
    st = _one(ex, "return")
    assert st.subject.label == "Karl Marek" and st.location.label == "Zenda"


def test_hoping_is_a_hope_and_a_trip_s_errand_is_meant():
    # the model's lemmatizer reads "hopes", "hoped", "hoping" as the verb "hop" ([tokens.verb_lemmas])
    ex, facts = _facts("Ruritania hopes to reach a ceasefire with Osterlich.")
    assert ("agrees_ceasefire_intended", "Ruritania", "Osterlich") in facts
    ex, facts = _facts("In 2022, however, Karl Marek visited Zenda to buy missiles.")
    assert ("buys_intended", "Karl Marek", "missiles") in facts
    ex, facts = _facts("Ruritania used drones to attack Zenda.")
    assert ("attacks", "Ruritania", "Zenda") in facts


def test_a_name_described_as_a_company_is_one_whatever_ner_took_it_for():
    ex, facts = _facts("Sources told Zenda News that casings were found. The attacker posed as a courier for delivery "
                       "company Glovo. A spokeswoman for Glovo said the firm was shocked by the crime.")
    assert ("Glovo", "Organization") in {(e.label, e.type) for e in ex.entities}
    assert ("shock", "crime", "Glovo") in facts


def test_a_person_s_death_or_arrest_befalls_them():
    ex, facts = _facts("An assessment found the prince had approved the operation that led to Karl Marek's death "
                       "at the consulate in Zenda.")
    assert not [s for s in ex.statements if s.predicate == "kills" and s.subject and s.subject.label == "Karl Marek"]
    st = _one(ex, "kills")
    assert st.object.label == "Karl Marek" and st.location.label == "consulate"
    ex, facts = _facts("Russia's killing of civilians in Zenda continued.")
    assert ("kills", "Russia", "civilians") in facts


def test_whom_one_speaks_about_is_no_one_met():
    ex, facts = _facts("Karl Marek spoke about the Ruritanian students.")
    assert not [s for s in ex.statements if s.predicate in ("consults", "meets")]
    ex, facts = _facts("Karl Marek spoke with the Ruritanian students.")
    assert ("consults", "Karl Marek", "ruritanian students") in facts


def test_a_relative_clause_the_parse_hung_on_the_attacked_city_is_the_attack_s():
    ex, facts = _facts("Russia's attack on Kyiv, which killed 12 people, was condemned.")
    assert ("kills", "Russia", "people") in facts
    assert not [s for s in ex.statements if s.predicate == "kills" and s.subject and s.subject.label == "Ukraine"]


def test_the_result_of_an_act_to_come_is_to_come():
    ex, facts = _facts("The Ruritanian navy will deploy 13 frigates to the Baltic Sea, strengthening Osterlich's defences.")
    assert ("strengthen_intended", "ruritanian navy", "defences") in facts
    ex, facts = _facts("The Ruritanian navy deployed 13 frigates to the Baltic Sea, strengthening Osterlich's defences.")
    assert ("strengthen", "ruritanian navy", "defences") in facts


def test_what_a_rule_provides_for_is_authorised_not_done():
    ex, facts = _facts("This is a designation used by the Ruritanian state department that provides for sanctions "
                       "against countries.")
    assert ("sanctions_authorized", "ruritanian state department", "countries") in facts


def test_an_event_ahead_of_which_others_happen_is_still_to_come():
    ex, facts = _facts("The release came ahead of Karl Marek's visit to Zenda on Tuesday.")
    assert _one(ex, "visits_intended").subject.label == "Karl Marek"
    ex, facts = _facts("Karl Marek and Otto Brandt have kicked off talks in Beijing, on the eve of a massive military "
                       "parade in the Chinese capital.")
    assert any(p == "parade_intended" for p, _, _ in facts)


def test_a_war_a_deal_is_to_end_goes_on_and_what_one_cannot_do_is_not_done():
    ex, facts = _facts("A deal with Ruritania to end the war in Osterlich continues to elude Karl Marek.")
    assert not any(p.startswith("fights_") for p, _, _ in facts)
    ex, facts = _facts("Ruritania ended the war in Osterlich.")
    assert any(p == "fights_ended" for p, _, _ in facts)
    ex, facts = _facts("The Ruritanian group doesn't know how to lose elections.")
    assert ("not_loses", "ruritanian group", "elections") in facts


def test_each_of_two_fronted_participles_is_done_to_the_subject():
    ex, facts = _facts("Born in Zenda but raised in Osterlich, Karl Marek had been serving in an infantry unit.")
    st = _one(ex, "raise")
    assert st.object.label == "Karl Marek" and st.location.label == "Osterlich"


def test_a_participle_of_speech_after_a_description_is_the_describer_s():
    ex, facts = _facts("Karl Marek described Boko Haram as scum, accusing the group of killing farmers.")
    st = _one(ex, "accuses")
    assert st.subject.label == "Karl Marek" and st.object.label == "Boko Haram"
    ex, facts = _facts("Police described Otto Brandt as a tall man, wearing dark glasses.")
    assert not [s for s in ex.statements if s.subject and s.subject.label == "police" and s.predicate == "wear"]


def test_an_of_before_a_gerund_does_not_stop_a_definite_noun_pointing_back():
    ex, facts = _facts("Boko Haram attacked a village. Karl Marek accused the group of killing farmers.")
    assert ("accuses", "Karl Marek", "Boko Haram") in facts
    assert ("kills", "Boko Haram", "farmers") in facts


def test_a_nationality_of_no_one_and_no_number_is_no_statement():
    ex, facts = _facts("Ten sailors were rescued. Another of them is a Russian national who lost a leg.")
    assert not any(p == "has_nationality" for p, _, _ in facts)
    ex, facts = _facts("Two of the attackers were Pakistani nationals.")
    assert _one(ex, "has_nationality").quantity.value == 2


def test_a_gerund_going_with_an_act_to_come_is_to_come_and_said_by_the_same():
    ex, facts = _facts("Karl Marek said the two countries would end smuggling, while strengthening economic ties.")
    st = _one(ex, "strengthen_intended")
    assert st.status == "claimed" and st.claimant.label == "Karl Marek"
    ex, facts = _facts("The two countries ended smuggling, while strengthening economic ties.")
    assert any(p == "strengthen" for p, _, _ in facts)


def test_it_before_an_important_infinitive_names_nothing():
    ex, facts = _facts("Karl Marek spoke to Reuters. \"It would be important to have a Ruritanian air defence system, "
                       "with a 200km range.\"")
    assert not [s for s in ex.statements if s.subject and s.subject.label == "Reuters"]
    ex, facts = _facts("The missile was fuelled. It was ready to fire at Zenda.")
    assert [s for s in ex.statements if s.subject and s.subject.label == "missile"]


def test_it_is_not_one_of_a_pair_named_before():
    ex, facts = _facts("Chad and Niger abstained to allow the resolution to pass, because nine other nations backed it.")
    assert not [s for s in ex.statements if s.predicate == "backs" and s.object and s.object.label in ("Chad", "Niger")]
    ex, facts = _facts("Chad abstained to allow the resolution to pass, because nine other nations backed it.")
    assert _one(ex, "backs").object.label == "Chad"           # one named alone may be "it"


def test_a_name_s_acronym_in_brackets_is_the_same_body():
    ex, facts = _facts("The Ruritanian Liberation Army (RLA) attacked Zenda. The RLA later left Zenda.")
    assert ("attacks", "Ruritanian Liberation Army", "Zenda") in facts
    assert ("leave", "Ruritanian Liberation Army", "Zenda") in facts
    st = _one(ex, "leave")
    assert "RLA" in st.subject.aliases
    ex, facts = _facts("Karl Marek (AFP) met Otto Brandt.")     # not an acronym of the name before it
    assert not any(s.subject and "AFP" in s.subject.aliases for s in ex.statements)


def test_it_is_not_the_subject_of_its_own_clause():
    ex, facts = _facts("The Palestinian Authority (PA) welcomed the terms. Many states abstained on the resolution, "
                       "because the PA backed it.")
    assert not [s for s in ex.statements if s.predicate == "backs" and s.object      # itself, or it, not the PA
                and s.object.label == "Palestinian Authority"]


def test_what_a_strike_is_made_with_is_not_what_it_strikes():
    ex, facts = _facts("Officials said the air defences had confronted Ruritania's strikes with missiles.")
    assert not [s for s in ex.statements if s.predicate == "strikes" and s.object and s.object.label == "missiles"]
    ex, facts = _facts("Ruritania provided Osterlich with missiles.")
    assert _one(ex, "supplies").object.label == "missiles"


def test_a_clause_of_its_own_the_parse_hung_on_an_object_is_no_participant_and_a_listed_clause_shares_its_subject():
    ex, facts = _facts("Officials say Hezbollah has been trying to rebuild its capabilities, is smuggling weapons into "
                       "Lebanon and stepping up the production of drones, and there are growing fears of an escalation.")
    assert not [s for s in ex.statements if s.object and s.object.label.startswith("there")]
    assert ("smuggle", "Hezbollah", "weapons") in facts


def test_the_president_may_be_one_the_gazetteer_knows_holds_the_office():
    ex, facts = _facts("Israel's President Isaac Herzog said it was correct to target the leaders. In a post, Donald "
                       "Trump said the strike was a decision made by Netanyahu. The president said he directed Steve "
                       "Witkoff to inform Qatar.")
    assert _one(ex, "direct").subject.label == "Donald Trump"
    ex, facts = _facts("Donald Trump backed Nasry Asfura. The president of the electoral council, Ana Hall, accused "
                       "the company of delays.")
    assert not [s for s in ex.statements if s.predicate == "accuses" and s.subject
                and s.subject.label in ("Donald Trump", "Nasry Asfura")]


def test_shot_dead_with_no_object_is_a_passive_that_dropped_its_was():
    head = "Prominent Ruritanian politician Karl Marek shot dead in Zenda"
    ex = extract(Article("t.txt", head + "\nPolice said the gunman fled.", head, len(head)))
    st = _one(ex, "kills")
    assert st.subject is None and st.object.label == "Karl Marek"
    ex, facts = _facts("Police shot dead a gunman in Zenda.")
    assert ("kills", "police", "gunman") in facts
    ex, facts = _facts("The alleged killer, Karl Marek – shot dead by police – had pledged allegiance to the Black Hand.")
    assert ("kills", "police", "Karl Marek") in facts


def test_a_statement_that_attacks_someone_attacks_in_words():
    ex, facts = _facts("The ministry condemned a statement that attacks a Ruritanian judge.")
    assert not any(p == "attacks" for p, _, _ in facts)
    ex, facts = _facts("The rebels' statement came after gunmen attacked a Ruritanian judge.")
    assert ("attacks", "gunmen", "ruritanian judge") in facts


def test_a_rule_that_declines_leaves_its_numbers_to_the_next_trigger():
    # "hold" (a verb of possession) found no possession here; the count is the killing's
    ex, facts = _facts("Officials vowed to hold those responsible for the attack which killed 25 people accountable.")
    assert _one(ex, "kills").quantity.value == 25
    # "fighting" had no statement of its own: its clause's count stays the killing's
    ex, facts = _facts("Fighting between the rebels and the army killed 40 people.")
    assert _one(ex, "kills").quantity.value == 40


def test_the_two_countries_names_parties_told_before_and_counts_nothing():
    ex, facts = _facts("Ruritania and Osterlich agreed to end the fighting between the two countries.")
    assert all(s.quantity is None for s in ex.statements)
    ex, facts = _facts("Fighting between the two neighbours killed 40 people.")
    assert _one(ex, "kills").quantity.value == 40


def test_a_second_charge_beside_a_gerund_is_neither_its_object_nor_its_count():
    ex, facts = _facts("Karl Marek, 23, faces one criminal count of destroying records and three counts of lying "
                       "to officials.")
    # (he faces the three counts; nothing destroyed them)
    assert not [s for s in ex.statements if s.predicate != "face" and (
        s.object and s.object.label == "counts" or s.quantity and s.quantity.value == 3)]


def test_a_return_is_an_event_noun():
    ex, facts = _facts("The deal is also due to include the return of the bodies of 28 dead hostages.")
    st = _one(ex, "return_intended")
    assert st.object.label == "bodies" and st.quantity.value == 28


def test_each_place_of_a_list_and_no_leftover_of_it_as_a_recipient():
    ex, facts = _facts("Brazil said on Saturday that it was recalling its ambassadors to the UK, France and Germany "
                       "for consultations.")
    recalls = [s for s in ex.statements if s.predicate == "recalls"]
    assert {s.location.label for s in recalls} == {"United Kingdom", "France", "Germany"}
    assert all(s.recipient is None for s in recalls)


def test_a_place_opening_a_body_s_name_is_part_of_it():
    ex, facts = _facts("The Ruritania Doctors Network said gunmen had killed everyone inside the hospital. "
                       "It gave no casualty figures.")
    st = next(s for s in ex.statements if s.predicate.endswith("give"))
    assert st.subject.label == "Ruritania Doctors Network"
    ex, facts = _facts("The Chad Doctors Network said gunmen had killed 40 people. It gave no casualty figures.")
    assert next(s for s in ex.statements if s.predicate.endswith("give")).subject.label == "Chad Doctors Network"


def test_a_gerund_joined_to_an_accusation_is_the_accused_s_act():
    ex, facts = _facts("The network has also accused the militia of kidnapping six medics - including four doctors, "
                       "a pharmacist and a nurse - and reportedly demanding ransoms in excess of $150,000 for their "
                       "release.")
    assert _one(ex, "demands").subject.label.lower() == "militia"


def test_a_weekday_is_no_part_of_a_name():
    ex, facts = _facts("The network said that on Tuesday RSF fighters had killed 40 people.")
    assert _one(ex, "kills").subject.label == "RSF fighters"


def test_the_firm_is_no_council_named_before():
    ex, facts = _facts("The head of the National Electoral Council, Ana Hall, blamed a technician. She said the firm "
                       "had carried out maintenance without checking with the council.")
    assert _one(ex, "carry_out").subject.label != "National Electoral Council"


def test_a_noun_and_its_name_the_parse_made_two_subjects_are_the_name():
    ex, facts = _facts("The Greece-based maritime security firm Kelaris released a video on Wednesday.")
    assert _one(ex, "release").subject.label == "Kelaris"


def test_the_portfolio_of_a_secretary_is_no_body():
    ex, facts = _facts("US Secretary of State Marco Rubio urged all parties to respect the result. The president of "
                       "the council blamed the private company. She said the firm had carried out maintenance.")
    assert all(e.label != "State" for s in ex.statements
               for e in (s.subject, s.object, s.target, s.recipient) if e is not None)


def test_agreeing_to_do_something_is_agreed_not_intended():
    ex, facts = _facts("Ruritania and Osterlich agreed to exchange prisoners.")
    assert {s.predicate for s in ex.statements} == {"exchanges_agreed"}


def test_he_inside_a_quote_is_not_the_one_quoted():
    ex, facts = _facts("Colonel Otto Brandt told the BBC that Ruritania was \"a country where chaos reigns right "
                       "now\".\n\n\"Chaos because there's no president - he's gone abroad.\"")
    assert not [s for s in ex.statements if "Otto Brandt" in
                {e.label for e in (s.subject, s.object) if e is not None}]


def test_no_plans_to_strike_is_no_intended_strike():
    ex, facts = _facts("The ministry said there had been \"no plans\" to target facilities on Ruritanian soil.")
    assert {s.predicate for s in ex.statements} == {"not_strikes_intended"}


def test_an_open_verb_with_neither_doer_nor_thing_says_nothing():
    ex, facts = _facts("Ruritania operates a handful of batteries, and this is a major step forward, giving Zenda a "
                       "chance to expand protection.")
    assert not [s for s in ex.statements if s.subject is None and s.object is None and s.event_code is None]


def test_an_event_noun_beside_an_event_s_object_is_no_second_object():
    ex, facts = _facts("It has been accused by the US and its allies of aiding Russia's war effort - which Beijing "
                       "denies - through its supply of dual-use materials and purchases of Russian oil.")
    assert not [s for s in ex.statements if s.object and s.object.label == "purchases"]
    ex, facts = _facts("Ruritania has experienced a series of major arson and sabotage attacks in recent years.")
    assert {o for _, _, o in facts} >= {"major arson", "sabotage attacks"}


def test_leaving_people_dead_kills_them_though_the_parse_made_them_a_subject():
    ex, facts = _facts("Protests led to clashes with police, leaving at least 19 people dead.")
    st = _one(ex, "kills")
    assert st.object.label == "people" and st.quantity.value == 19 and st.subject is None


def test_the_noun_an_active_participle_describes_does_it():
    ex, facts = _facts("Protests erupted with thousands of young people storming parliament in the capital.")
    assert _one(ex, "attacks").subject.label == "young people"
    ex, facts = _facts("Bands of armed men roam poor neighbourhoods, waving guns.")
    assert not [s for s in ex.statements if s.subject and "neighbourhoods" in s.subject.label]
    # ("erupted with thousands of young people storming ...": the people do not erupt with anything)
    ex, facts = _facts("Protests erupted with thousands of young people storming parliament in the capital.")
    assert not [s for s in ex.statements if s.predicate == "erupt" and s.object is not None]


def test_who_suspends_shipments_ships_them():
    ex, facts = _facts("The ministry had suspended military shipments to Ruritania.")
    assert _one(ex, "supplies_ended").subject.label == "ministry"


def test_who_says_it_before_a_dashed_aside_is_the_claimant():
    ex, facts = _facts("Tensions have been escalating recently, after Ruritania and Osterlich - both Nato members - "
                       "said Zendan drones breached their airspace.")
    st = _one(ex, "breach")
    assert st.status == "claimed" and st.claimant is not None and st.claimant.label in ("Ruritania", "Osterlich")


def test_a_side_s_count_of_the_displaced_is_its_claim():
    ex, facts = _facts("Lebanese authorities said Israel's attacks killed about 4,000 people there - including many "
                       "civilians - and led to the displacement of more than 1.2 million residents.")
    assert _one(ex, "displaces").status == "claimed"


def test_a_prison_term_is_the_sentence_s_measure():
    ex, facts = _facts("Karl Marek has been sentenced to 27 years and three months in prison.")
    assert [s.quantity.value for s in ex.statements if s.predicate == "sentence"] == [27]
    ex, facts = _facts("The court sentenced two men to 10 years.")
    assert _one(ex, "sentence").quantity.value == 2


def test_several_of_the_sites_are_the_sites():
    ex, facts = _facts("Brazil suspended inspections after Chile bombed several of its nuclear sites and military "
                       "bases in June.")
    assert {o for p, s, o in facts if p == "strikes" and s == "Chile"} == {"nuclear sites", "military bases"}


def test_a_quote_opened_and_not_closed_in_its_sentence_is_a_quote():
    ex, facts = _facts('Ruritania said its jets crossed the border. Chile\'s president said on Friday: "I don\'t '
                       'love it. I don\'t love anything to do with it."')
    assert not [s for s in ex.statements if s.object and s.object.label in ("Ruritania", "Chile")
                and s.predicate.endswith("love")]


def test_a_war_those_opposed_to_it_oppose_is_not_fought():
    ex, facts = _facts("Speaking at a rally earlier on Wednesday, the president had a message for Americans opposed "
                       "to war with Venezuela.")
    assert "fights" not in {s.predicate for s in ex.statements}
    ex, facts = _facts("Leaders stayed away, due to their opposition to Russia's invasion of Ukraine.")
    assert ("invades", "Russia", "Ukraine") in facts


def test_linked_to_is_no_event():
    ex, facts = _facts("The rebels claimed that they are targeting ships only linked to Israel.")
    assert not [s for s in ex.statements if s.predicate == "link"]
    ex, facts = _facts("The US has linked Maduro to a drug cartel.")
    assert ("link", "United States", "Nicolás Maduro") in facts


def test_what_an_assessment_determined_is_its_claim():
    ex, facts = _facts("An intelligence assessment in 2021 determined the crown prince had approved the operation.")
    assert _one(ex, "approves").status == "claimed"


def test_no_intention_of_doing_it_is_the_haver_s_and_negated():
    ex, facts = _facts("Brazil's president insisted that the country had no intention of developing nuclear weapons.")
    st = _one(ex, "not_develop_intended")
    assert st.object.label == "nuclear weapons" and st.subject is not None
    ex, facts = _facts("Brazil has no intention of attacking Chile.")
    assert ("not_attacks_intended", "Brazil", "Chile") in facts


def test_the_focus_of_a_cleft_sentence_does_the_act():
    ex, facts = _facts("It is Ruritania that supplies the missiles to Osterlich.")
    assert ("supplies", "Ruritania", "missiles") in facts


def test_who_suffered_injuries_is_counted():
    ex, facts = _facts("Officials said 13 people had suffered minor injuries. Five soldiers sustained serious wounds "
                       "in the attack on Zendan.")
    assert sorted(s.quantity.value for s in ex.statements if s.predicate == "injures" and s.quantity) == [5, 13]


def test_a_participle_after_a_clause_of_an_event_is_the_clause_s_doers():
    ex, facts = _facts("The war began after the Zendan Front attacked Ruritania in May, killing about 300 people.")
    assert _one(ex, "kills").subject.label == "Zendan Front"


def test_two_titled_names_joined_by_and_both_meet():
    ex, facts = _facts("US President Karl Marek and Russian President Jaroslav Novak will meet in Vienna next week.")
    assert ("meets_intended", "Karl Marek", "Jaroslav Novak") in facts


def test_two_sides_that_spoke_spoke_with_each_other():
    ex, facts = _facts("Karl Marek and Jaroslav Novak spoke by phone in February.")
    assert ("consults", "Karl Marek", "Jaroslav Novak") in facts


def test_a_statement_condemning_something_is_its_issuer_s_condemnation():
    ex, facts = _facts("After meeting on Tuesday, Nato issued a statement condemning Ruritania's actions.")
    assert _one(ex, "criticizes").subject.label == "NATO"
    ex, facts = _facts("A statement from the Kremlin condemning the strike was read on television.")
    assert _one(ex, "criticizes").subject.label == "Kremlin"


def test_who_requests_is_no_object_of_the_request():
    ex, facts = _facts("The talks were held at the request of President Karl Marek.")
    assert not [s for s in ex.statements if s.object and s.object.label == "Karl Marek"]


def test_take_place_is_no_taking():
    ex, facts = _facts("A third round of talks took place in Istanbul on Wednesday.")
    assert not [s for s in ex.statements if s.predicate.startswith("take")]


def test_what_one_is_forced_to_do_is_done():
    ex, facts = _facts("The rebels were forced to withdraw from Osterlich. Lisk airport was forced to close on Monday.")
    assert ("withdraws", "rebels", "Osterlich") in facts
    assert _one(ex, "closes").object.label == "Lisk airport"
    ex, facts = _facts("The rebels could be forced to withdraw from Osterlich.")
    assert "withdraws" not in {s.predicate for s in ex.statements}


def test_what_closed_with_no_object_was_closed():
    ex, facts = _facts("The border crossing shut for several hours on Monday.")
    assert _one(ex, "closes").object.label == "border crossing"


def test_setting_fire_to_something_is_arson():
    ex, facts = _facts("Protesters set fire to a council building. Rioters set the parliament building on fire.")
    assert {(s.subject.label, s.object.label, s.target) for s in ex.statements if s.predicate == "sets_fire_to"} == {
        ("protesters", "council building", None), ("rioters", "parliament building", None)}
    ex, facts = _facts("Dozens of vehicles were set alight. Protesters torched police stations in Lisk.")
    assert {s.object.label for s in ex.statements if s.predicate == "sets_fire_to"} == {"vehicles", "police stations"}
    ex, facts = _facts("The government set up a fire brigade.")
    assert "sets_fire_to" not in {s.predicate for s in ex.statements}


def test_taking_hostages_is_an_abduction():
    ex, facts = _facts("Gunmen took five tourists hostage in Lisk.")
    st = _one(ex, "abducts")
    assert (st.subject.label, st.object.label, st.quantity.value, st.quantity.unit) == ("gunmen", "tourists", 5, "tourists")
    ex, facts = _facts("The Zendan Front took 251 people back to Lisk as hostages.")
    assert _one(ex, "abducts").quantity.value == 251
    ex, facts = _facts("The army took the hostages to a hospital.")
    assert "abducts" not in {s.predicate for s in ex.statements}


def test_a_count_followed_by_as_many_names_is_those_names():
    ex, facts = _facts("Zendan's army captured two villages, Upper Lisk in the Vell region and Marovo in the Dorn region.")
    assert {s.object.label for s in ex.statements if s.predicate == "captures"} == {"Upper Lisk", "Marovo"}



def test_an_event_noun_under_a_modal_verb_may_happen():
    ex, facts = _facts("Zendan's forces would also take control of refugee camps in central Lisk.")
    assert {s.predicate for s in ex.statements if s.object and s.object.label == "refugee camps"} == {"controls_possible"}


def test_a_second_act_joined_to_a_clause_of_time_is_the_main_subject_s():
    ex, facts = _facts("Karl Marek, an opposition leader, had claimed victory even before results came in and "
                       "called for protests outside parliament.")
    assert _one(ex, "calls_for").subject.label == "Karl Marek"


def test_they_is_not_an_abstract_subject_before_it():
    ex, facts = _facts("In Lisk, tensions rose as the crowd gathered. Earlier, they had been blocked by the army.")
    assert not [s for s in ex.statements if "tension" in ((s.object and s.object.label) or "")]


def test_what_one_does_beside_trying_is_done():
    ex, facts = _facts("As the day went on, tensions ramped up, with protesters trying to block a police convoy and "
                       "throwing rocks at the vehicles.")
    assert [s.predicate for s in ex.statements if s.object and s.object.label == "rocks"] == ["throw"]
    ex, facts = _facts("Tensions ramped up, with protesters trying to block a police convoy and throwing rocks.")
    assert not [s for s in ex.statements if s.object and s.object.label == "throwing"]   # (parsed as a noun)


def test_calling_for_someone_to_act_asks_it_of_them():
    ex, facts = _facts("The UN called for Ruritania to lift the blockade on Lisk.")
    assert ("lift_requested", "Ruritania", "blockade") in facts


def test_an_editor_s_brackets_are_no_part_of_a_name():
    ex, facts = _facts('Karl Marek said: "We are talking with [Ruritanian Foreign Minister Jaroslav] Novak about it."')
    assert "Jaroslav Novak" in {e.label for e in ex.entities}


def test_a_shot_at_an_agreement_is_a_chance_of_one():
    ex, facts = _facts('Karl Marek insisted that Ruritania had "a shot at" a peace agreement with Osterlich.')
    assert "signs" not in {s.predicate for s in ex.statements}


def test_an_of_the_parse_hangs_on_the_verb_is_the_event_noun_s():
    ex, facts = _facts("Israel plans to take control of Gaza City.")
    assert ("controls_intended", "Israel", "Gaza City") in facts


def test_exports_halted_at_another_s_prompting_ended():
    ex, facts = _facts("The decision prompted Ruritania to halt military exports to Osterlich.")
    st = _one(ex, "exports_ended")
    assert st.subject.label == "Ruritania" and st.recipient.label == "Osterlich"


def test_a_deed_one_is_accused_of_is_theirs_by_the_accuser_s_claim():
    ex, facts = _facts("Ruritania accused Ukraine of attacks on civilians.")
    st = _one(ex, "attacks")
    assert st.subject.label == "Ukraine" and st.status == "claimed" and st.claimant.label == "Ruritania"


def test_him_after_a_subject_is_the_man_named_before_not_the_subject():
    ex, facts = _facts("The last time a Ruritanian president met Jaroslav Novak was in 2021, when Karl Marek met him "
                       "at a summit in Geneva.")
    assert ("meets", "Karl Marek", "Jaroslav Novak") in facts


def test_a_meeting_announced_on_social_media_is_with_no_one_there():
    ex, facts = _facts("Karl Marek announced the 15 August meeting on social media.")
    assert not [s for s in ex.statements if s.object and s.object.label == "social media"]


def test_it_in_what_someone_was_told_is_the_one_told():
    ex, facts = _facts("The Ruritanian Foreign Ministry said the flotilla had been informed it was violating a "
                       "lawful naval blockade.")
    assert _one(ex, "violates").subject.label == "flotilla"


def test_troops_expected_to_be_deployed_are_the_deployment_s():
    ex, facts = _facts("Officials have said that 800 Ruritanian troops are expected to be deployed.")
    st = _one(ex, "deploys_intended")
    assert st.object.label.lower() == "ruritanian troops" and st.quantity.value == 800


def test_who_orders_that_someone_be_banned_bans_them():
    ex, facts = _facts("Judge Karl Marek also ordered that Jaroslav Novak be banned from social media.")
    assert ("bans", "Karl Marek", "Jaroslav Novak") in facts


def test_a_time_zone_is_no_participant():
    ex, facts = _facts("An Israeli strike hit the exterior staircase on the hospital's eastern side at 10:08 local "
                       "time (07:08 GMT).")
    assert not [s for s in ex.statements if "GMT" in {getattr(s.target, "label", None), getattr(s.object, "label", None)}]


def test_who_was_among_the_dead_was_killed():
    ex, facts = _facts("A senior Zendan Front commander was among the dead. Two journalists were among those killed.")
    found = {(s.object.label, s.quantity.value if s.quantity else None) for s in ex.statements if s.predicate == "kills"}
    assert ("senior Zendan Front commander", None) in found and ("journalists", 2) in found


def test_a_counted_group_included_among_the_victims_has_its_count():
    ex, facts = _facts("Ruritanian strikes killed 20 people, including five journalists and two children.")
    found = {(s.object.label, s.quantity.value) for s in ex.statements if s.predicate == "kills" and s.quantity}
    assert found == {("people", 20), ("journalists", 5), ("children", 2)}


def test_denied_this_denies_the_sentence_before():
    ex, facts = _facts("The Ruritanian army said its troops struck an armed gunman who was firing at soldiers. "
                       "The Zendan Front denied this.")
    assert _one(ex, "strikes").status == "denied"


def test_one_denied_something_is_deprived_of_it_not_denying():
    ex, facts = _facts("Karl Marek was denied access to a lawyer.")
    assert "denies" not in {s.predicate for s in ex.statements}
    ex, facts = _facts("Jair Bolsonaro was in the US at the time and has always denied any links to the rioters.")
    assert _one(ex, "denies").subject.label == "Jair Bolsonaro"     # a perfect, no passive


def test_a_prefix_split_at_its_hyphen_is_no_verb():
    ex, facts = _facts("Belarus is a close ally of Russia, and the move comes as the US has been re-engaging with "
                       "Moscow too, seeking a peace deal.")
    assert "re" not in {s.predicate for s in ex.statements}


def test_an_arrest_warrant_against_someone_charges_them():
    ex, facts = _facts("The court has issued arrest warrants against Karl Marek and Jaroslav Novak for alleged war crimes.")
    assert {o for p, s, o in facts if p == "charges"} == {"Karl Marek", "Jaroslav Novak"}


def test_a_subjunctive_under_a_demand_is_asked():
    ex, facts = _facts("The UN rights chief demanded the US withdraw its sanctions on the four judges.")
    assert ("withdraws_requested", "United States", "sanctions") in facts


def test_a_surname_after_another_first_name_is_another_person():
    ex, facts = _facts("Jair Bolsonaro was barred from communicating with his son, Eduardo Bolsonaro, who has been "
                       "lobbying for him in the US.")
    assert "Eduardo Bolsonaro" in {e.label for e in ex.entities}
    assert {s.subject.label for s in ex.statements if s.predicate == "lobby"} == {"Eduardo Bolsonaro"}


def test_who_after_a_place_is_the_person_before_it():
    ex, facts = _facts("The police will pursue every violent criminal in the District who breaks the law.")
    assert {s.subject.label for s in ex.statements if s.predicate == "break"} == {"violent criminal"}


def test_the_leader_of_an_event_named_before_a_hyphen_does_it():
    ex, facts = _facts("Ruritania responded to the Hamas-led attack on southern Israel, in which about 1,200 people were "
                       "killed and 251 others were taken hostage.")
    assert _one(ex, "kills").subject.label == "Hamas"
    st = _one(ex, "abducts")
    assert st.object.label == "people" and (st.quantity.value, st.quantity.unit) == (251, "people")


def test_a_light_verb_or_an_unnamed_subject_with_only_a_place_says_nothing():
    ex, facts = _facts("The penalties mean any property the four officials hold in the US is blocked.")
    assert "hold" not in {s.predicate for s in ex.statements}
    ex, facts = _facts('"I was driven across Ruritania in a blindfold," he said.')
    assert "drive" not in {s.predicate for s in ex.statements}



def test_what_an_event_prompted_is_done_and_the_prompting_no_statement():
    ex, facts = _facts("The shooting prompted the Ruritanian police to bolster security outside the palace.")
    assert "prompt" not in {s.predicate for s in ex.statements}
    assert "bolster" in {s.predicate for s in ex.statements}


def test_calling_up_troops_mobilises_them():
    ex, facts = _facts("The Pentagon also called up 700 marines to assist with the efforts.")
    st = _one(ex, "mobilizes")
    assert st.object.label == "marines" and st.quantity.value == 700


def test_what_follows_or_after_a_negation_is_negated_too():
    ex, facts = _facts("The troops will not be conducting immigration raids or performing regular policing.")
    assert {s.predicate for s in ex.statements if s.object and s.object.label == "regular policing"} \
        == {"not_perform_intended"}


def test_what_no_footage_one_has_seen_shows_is_not_shown():
    ex, facts = _facts("As yet we have not seen any imagery or footage that captures any damage to the jets at Lisk.")
    assert {s.predicate for s in ex.statements} <= {"not_captures", "not_capture"}
    ex, facts = _facts("We have seen footage that captures damage to the jets at Lisk.")
    assert "captures" not in {s.predicate for s in ex.statements}    # filmed, no territory taken



def test_what_a_plan_does_or_holds_is_proposed():
    ex, facts = _facts("Reports say the plan initially focuses on taking full control of Lisk City.")
    assert {s.predicate for s in ex.statements if s.object and s.object.label == "Lisk City"} == {"controls_intended"}
    ex, facts = _facts("The five principles include disarming the Zendan Front.")
    assert {s.predicate for s in ex.statements} == {"disarm_intended"}
