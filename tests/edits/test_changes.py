"""Changes without Qt: apply, revert and merging (what the undo stack's adapter asks)."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.edits import Composite, MoveCards, Nudge, Remove, Update
from mapper.model import Entity, ModelError


def typing(journey, text: str, merge: bool | str = True) -> Update:
    change = Update(journey, Entity.CARD, "t1", {"title": text}, merge=merge)
    change.apply()
    return change


def test_typing_merges_and_typed_back_to_the_start_is_empty():
    journey = sample_map()
    first = typing(journey, "I")
    assert first.merge_key() is not None and not first.is_empty()
    assert first.absorb(typing(journey, "In"))
    assert first.changes == {"title": "In"} and not first.is_empty()
    assert first.absorb(typing(journey, "Instagram ad"))  # back where it started
    assert first.is_empty()
    first.revert()
    assert journey.card("t1").title == "Instagram ad"


def test_only_the_same_fields_of_the_same_thing_merge():
    journey = sample_map()
    first = typing(journey, "a")
    other_field = Update(journey, Entity.CARD, "t1", {"notes": "n"}, merge=True)
    other_card = Update(journey, Entity.CARD, "t2", {"title": "b"}, merge=True)
    other_name = Update(journey, Entity.CARD, "t1", {"title": "c"}, merge="Title")
    unmerged = Update(journey, Entity.CARD, "t1", {"title": "d"})
    assert unmerged.merge_key() is None
    for change in (other_field, other_card, other_name, unmerged):
        assert change.merge_key() != first.merge_key()
        assert not first.absorb(change)


def test_a_refused_change_is_never_absorbed():
    journey = sample_map()
    first = typing(journey, "a")
    refused = Update(journey, Entity.CARD, "t1", {"title": "z" * 50_001}, merge=True)
    with pytest.raises(ModelError):
        refused.apply()
    refused.refusal = "too long"  # what the undo stack's adapter records
    assert refused.merge_key() == first.merge_key() and not first.absorb(refused)
    assert first.changes == {"title": "a"}


def test_nudges_of_the_same_cards_merge_and_undo_together():
    journey = sample_map()
    one = Nudge(journey, ["t1"], [MoveCards(journey, ["t1"], "s2", "l-tp", 0)])
    one.apply()
    two = Nudge(journey, ["t1"], [MoveCards(journey, ["t1"], "s3", "l-tp", 0)])
    two.apply()
    other = Nudge(journey, ["t2"], [])
    assert not one.absorb(other)
    assert one.absorb(two)
    one.revert()
    assert journey.card_position("t1") == ("s1", "l-tp", 0)


def test_a_composite_is_all_or_nothing():
    journey = sample_map()
    before = journey.snapshot()
    bad = Composite(journey, "Delete", [Remove(journey, Entity.CARD, "t1"),
                                        Remove(journey, Entity.CARD, "ghost")])  # fmt: skip
    with pytest.raises(ModelError):
        bad.apply()
    assert journey.snapshot() == before
    assert bad.merge_key() is None and not bad.absorb(bad)
