"""What the Edit menu and the status bar say an edit did: names, counts, places."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.edits import Remove, Update, intents, selection
from mapper.edits.changes import MoveCards
from mapper.edits.wording import quote, what_goes
from mapper.model import Entity


@pytest.fixture
def journey():
    return sample_map()


def test_names_are_quoted_on_one_line_and_cut_short():
    assert quote("Pickup\n shelf") == "'Pickup shelf'"
    long = quote("x" * 100)
    assert len(long) == 34 and long.endswith("…'")


def test_moves_say_which_card_went_where(journey):
    assert MoveCards(journey, ["t1"], "s2", "l-tp", 0).text == "Move 'Instagram ad' to Purchase"
    to_lane = MoveCards(journey, ["t1"], "s2", "l-pain", 0).text
    assert to_lane == "Move 'Instagram ad' to Purchase, Pain points"
    assert MoveCards(journey, ["t3"], "s2", "l-tp", 0).text == "Move 'Store visit' within Purchase"
    several = MoveCards(journey, ["t1", "a1"], "s3", "l-tp", 0).text
    assert several == "Move 2 cards to Retention"
    nudge = selection.nudge(journey, ["t3"], 0, -1)
    assert nudge is not None and nudge.text == "Move 'Store visit'"
    move = intents.move_to(journey, Entity.STAGE, "s1", 2)
    assert move is not None and move.text == "Move stage 'Awareness'"


def test_deletions_say_what_went_with_them(journey):
    assert Remove(journey, Entity.CARD, "t1").text == "Delete card 'Instagram ad'"
    assert Remove(journey, Entity.STAGE, "s2").text == "Delete stage 'Purchase' (4 cards)"
    assert Remove(journey, Entity.LANE, "l-pain").text == "Delete lane 'Pain points' (1 card)"
    three = selection.delete(journey, cards=["t1", "t2", "a1"])
    assert three is not None and three.text == "Delete 3 cards"
    mixed = selection.delete(journey, cards=["a1"], flows=["f3"])
    assert mixed is not None and mixed.text == "Delete 1 card and 1 flow"
    stages = selection.delete(journey, cards=["t2"], stages=["s1", "s2"])
    assert stages is not None and stages.text == "Delete 2 stages with 7 cards"
    assert what_goes(journey, stages=["s2"]) == "stage 'Purchase' with 4 cards"
    message = selection.deleted_message(journey, cards=["t2"], flows=["f3"], stages=["s2"])
    assert message == "Deleted stage 'Purchase' with 4 cards"
    assert selection.deleted_message(journey, cards=["t1", "t4"], flows=["f1"]) == (
        "Deleted 2 cards"  # the flow goes with its card
    )


def test_edits_name_the_field_or_the_new_value(journey):
    assert Update(journey, Entity.CARD, "t1", {"title": "x"}).text == "Edit title"
    assert Update(journey, Entity.CARD, "t1", {"title": "x", "notes": "y"}).text == "Edit card"
    emotion = intents.set_emotion(journey, "t1", "omar", 2)
    assert emotion.text == "Set Omar's emotion to +2"
    rename = intents.rename(journey, Entity.CARD, "t1", "title", "Reel ad")
    assert rename is not None and rename.text == "Rename card to 'Reel ad'"
    label = intents.rename(journey, Entity.FLOW, "f1", "label", "", allow_empty=True)
    assert label is not None and label.text == "Clear flow label"
    resize = intents.resize_stage(journey, "s1", 300)
    assert resize is not None and resize.text == "Resize stage 'Awareness'"


def test_a_field_edited_in_a_form_says_whose_or_the_new_name(journey):
    """As the inspector and the personas panel word their steps: a new name as renaming in
    place says it, any other field with whose it is."""
    from mapper.edits.wording import field_edit

    assert field_edit(journey, Entity.CARD, "t1", {"title": "Reel ad"}, "title") == (
        "Rename card to 'Reel ad'"
    )
    assert field_edit(journey, Entity.PERSONA, "omar", {"name": "Omar B."}, "name") == (
        "Rename persona to 'Omar B.'"
    )
    assert field_edit(journey, None, None, {"title": "Renewal"}, "title") == (
        "Rename map to 'Renewal'"
    )
    assert field_edit(journey, Entity.CARD, "t1", {"notes": "x"}, "notes") == (
        "Edit notes of 'Instagram ad'"
    )
    assert field_edit(journey, Entity.CARD, "t1", {"title": "  "}, "title") == (
        "Edit title of 'Instagram ad'"  # (a blank title is refused anyway)
    )
    assert field_edit(journey, None, None, {"author": "Zoë"}, "author") == "Edit author"
