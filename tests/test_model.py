"""Entity minting helpers (kg/model.py): place variants merge, plain nouns stay what they are."""
from __future__ import annotations

from kg.model import Entity, canonical_place, is_generic, place_key


def test_place_variants_share_a_key_and_resolve_to_the_gazetteer():
    assert place_key("the Baltic region") == place_key("Baltic Sea") == "baltic"
    assert canonical_place(Entity("Baltic region", "Location")).label == "Baltic Sea"
    assert canonical_place(Entity("baltic region", "Thing")).type == "Location"


def test_a_plain_noun_is_no_place_even_if_a_place_name_ends_with_it():
    # the gazetteer's "East Sea" (Sea of Japan) must not take "to the east"
    assert canonical_place(Entity("east", "Thing")) == Entity("east", "Thing")


def test_generic_phrases():
    assert is_generic(Entity("people", "Thing")) and not is_generic(Entity("tanks", "Thing"))
