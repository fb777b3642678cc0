"""Where the keyboard goes on the grid, without Qt: the neighbouring card, the ends of a
lane, the cell a new card takes, Ctrl+arrow moves across lanes, and the cards and palette
entries made from the keyboard."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.edits import EditRefused, intents, palette, selection
from mapper.layout import compute_layout
from mapper.model import CardKind, Entity, JourneyMap, Lane, LaneKind, Stage

# sample_map's grid:      s1      s2        s3
#   l-act (Actions)       a1
#   l-tp (Touchpoints)    t1      t2, t3    t4
#   l-pain (Pain points)          p1


@pytest.fixture
def journey():
    return sample_map()


def step(journey, card_id, direction):
    return selection.neighbour(journey, compute_layout(journey), card_id, direction)


@pytest.mark.parametrize(
    ("start", "direction", "expected"),
    [
        ("t1", "right", "t2"),  # the card of the next stage nearest in height
        ("t4", "left", "t2"),
        ("t3", "left", "t1"),
        ("t4", "right", None),  # the last stage
        ("a1", "right", None),  # nothing else in the lane
        ("t2", "down", "t3"),  # within the cell first
        ("t3", "up", "t2"),
        ("t3", "down", "p1"),  # then across lanes, nearest in x
        ("t2", "up", "a1"),
        ("t4", "down", "p1"),
        ("a1", "down", "t1"),
        ("a1", "up", None),
        ("p1", "down", "o1"),
    ],
)
def test_arrow_keys_go_to_the_neighbour_on_the_grid(journey, start, direction, expected):
    assert step(journey, start, direction) == expected


def test_left_and_right_skip_empty_cells_of_the_lane(journey):
    journey.add(Stage("s4", "Advocacy"))
    journey.add(Lane("l-x", "Extra", LaneKind.CUSTOM))
    journey.add(intents.new_card(journey, CardKind.NOTE, "s1", "l-x", 0, "first").entity)
    journey.add(intents.new_card(journey, CardKind.NOTE, "s4", "l-x", 0, "last").entity)
    first, last = (c.id for c in journey.cards() if c.lane_id == "l-x")
    assert step(journey, first, "right") == last
    assert step(journey, last, "left") == first


def test_up_and_down_pass_over_collapsed_and_hidden_lanes(journey):
    journey.update(Entity.LANE, "l-tp", collapsed=True)
    assert step(journey, "a1", "down") == "p1"
    assert step(journey, "p1", "up") == "a1"
    assert step(journey, "t1", "right") is None  # not on the canvas: no place to go from
    journey.update(Entity.LANE, "l-tp", collapsed=False, hidden=True)
    assert step(journey, "a1", "down") == "p1"


def test_home_end_and_the_first_card(journey):
    layout = compute_layout(journey)
    assert selection.lane_end(journey, layout, "t3", last=False) == "t1"
    assert selection.lane_end(journey, layout, "t3", last=True) == "t4"
    assert selection.lane_end(journey, layout, "p1", last=True) == "p1"
    assert selection.first_card(journey, layout) == "a1"
    assert selection.first_card(JourneyMap(), compute_layout(JourneyMap())) is None


def test_where_a_card_made_from_the_keyboard_goes(journey):
    layout = compute_layout(journey)
    cell = selection.insertion_cell
    assert cell(journey, layout, card_id="t2") == ("s2", "l-tp", 1)  # right after it
    assert cell(journey, layout, card_id="t3") == ("s2", "l-tp", 2)
    assert cell(journey, layout, stage_id="s3") == ("s3", "l-tp", 1)  # its touchpoints
    assert cell(journey, layout, lane_id="l-pain") == ("s1", "l-pain", 0)
    assert cell(journey, layout) == ("s1", "l-tp", 1)  # the first touchpoint cell
    assert selection.kind_for(journey, "l-pain") is CardKind.PAIN_POINT
    assert selection.kind_for(journey, "l-tp", after="a1") is CardKind.ACTION


def test_a_card_from_the_keyboard_is_refused_where_no_cell_can_take_it(journey):
    journey.update(Entity.LANE, "l-pain", collapsed=True)
    layout = compute_layout(journey)
    with pytest.raises(EditRefused, match="expand it"):
        selection.insertion_cell(journey, layout, lane_id="l-pain")
    empty = JourneyMap()
    with pytest.raises(EditRefused, match="Add a stage"):
        selection.insertion_cell(empty, compute_layout(empty))
    empty.add(Stage("s", "Only"))
    with pytest.raises(EditRefused, match="Add a lane"):
        selection.insertion_cell(empty, compute_layout(empty))


def test_a_lane_without_touchpoints_takes_the_first_open_lane_but_not_emotions():
    journey = JourneyMap()
    journey.add(Stage("s", "Only"))
    journey.add(Lane("feel", "Feelings", LaneKind.EMOTION))
    journey.add(Lane("do", "Doing", LaneKind.ACTIONS))
    assert selection.insertion_cell(journey, compute_layout(journey)) == ("s", "do", 0)


def test_new_card_takes_the_typed_title_and_refuses_a_blank_one(journey):
    change = intents.new_card(journey, CardKind.TOUCHPOINT, "s2", "l-tp", 1, "  Chat  ")
    change.apply()
    assert [c.title for c in journey.cards_in_cell("s2", "l-tp")] == [
        "Online checkout", "Chat", "Store visit",
    ]  # fmt: skip
    with pytest.raises(EditRefused, match="needs a title"):
        intents.new_card(journey, CardKind.NOTE, "s2", "l-tp", 0, "   ")
    late = intents.new_card(journey, CardKind.NOTE, "s3", "l-tp", 99)  # index clamped
    assert late.index == 1 and late.entity.title == "Note"
    journey.remove(Entity.STAGE, "s3")
    with pytest.raises(EditRefused, match="gone"):
        intents.new_card(journey, CardKind.NOTE, "s3", "l-tp", 0, "x")


def test_ctrl_arrow_at_the_edge_of_a_cell_crosses_into_the_next_open_lane(journey):
    lanes = ["l-act", "l-tp", "l-pain"]
    assert selection.nudge(journey, ["t2"], 0, -1) is None  # without lanes: stays put
    change = selection.nudge(journey, ["t2"], 0, -1, lanes)
    assert change is not None
    change.apply()
    assert journey.card_position("t2") == ("s2", "l-act", 0)
    change.revert()
    assert journey.card_position("t2") == ("s2", "l-tp", 0)
    down = selection.nudge(journey, ["t2", "t3"], 0, 1, lanes)  # both go, in their order
    assert down is not None
    down.apply()
    assert [c.id for c in journey.cards_in_cell("s2", "l-pain")] == ["t2", "t3", "p1"]
    up = selection.nudge(journey, ["t1"], 0, -1, lanes)
    assert up is not None
    up.apply()
    assert journey.card_position("t1") == ("s1", "l-act", 1)  # below a1
    assert selection.nudge(journey, ["a1"], 0, -1, lanes) is None  # the top lane


def test_palette_entries_chosen_with_return(journey):
    payload = {"kind": "touchpoint", "channel": "email"}
    card = palette.palette_insert(journey, payload, ("s2", "l-tp", 1), anchored=True)
    assert (card.entity.stage_id, card.entity.lane_id, card.index) == ("s2", "l-tp", 1)
    assert card.entity.channel == "email" and card.entity.kind is CardKind.TOUCHPOINT
    after = palette.palette_insert(journey, {"kind": "stage"}, ("s1", "l-tp", 1), True)
    assert after.index == 1
    assert palette.palette_insert(journey, {"kind": "stage"}, ("s1", "l-tp", 1), False).index == 3
    assert palette.palette_insert(journey, {"kind": "lane"}, ("s1", "l-act", 1), True).index == 1
    assert palette.palette_insert(journey, {"kind": "lane"}, None, False).index == 4
    with pytest.raises(EditRefused, match="Add a stage"):
        palette.palette_insert(journey, {"kind": "note"}, None, False)
    with pytest.raises(EditRefused, match="cannot create"):
        palette.palette_insert(journey, {"kind": "bomb"}, ("s1", "l-tp", 0), True)


def test_no_card_goes_into_the_emotion_curves_lane():
    """The emotion lane draws the curve: a card dragged or dropped from the palette there,
    a card added from its context menu or from the keyboard with the lane selected, is
    refused in words (or, dragged, goes back where it was)."""
    from mapper.edits.menus import MenuTarget, Target, entries

    journey = sample_map()
    journey.add(Lane("emo", "Emotion", LaneKind.EMOTION))
    layout = compute_layout(journey)
    cell = layout.cells[("s1", "emo")]
    assert intents.drop_target(journey, layout, cell.center) is None
    assert intents.drop_cards(journey, layout, {"t1": cell.center}) is None
    with pytest.raises(EditRefused, match="emotion curve"):
        palette.palette_drop(journey, layout, {"kind": "touchpoint"}, cell.center)
    [line] = entries(journey, MenuTarget(Target.CELL, cell=("s1", "emo", 0)))
    assert "emotion curve" in line.label and not line.enabled
    with pytest.raises(EditRefused, match="emotion curve"):
        selection.insertion_cell(journey, layout, lane_id="emo")
    # the other lanes take cards as before
    assert intents.drop_target(journey, layout, layout.cells[("s1", "l-tp")].center) is not None


def test_a_paste_lands_no_card_in_the_emotion_curves_lane():
    from mapper import clipboard

    journey = sample_map()
    journey.insert(2, Lane("emo", "Emotion", LaneKind.EMOTION))
    payload = clipboard.copy_payload(journey, ["t1", "p1"])
    pasted = selection.paste(journey, payload, (0, 2))  # anchored on the curve's lane
    assert pasted is not None
    change, ids = pasted
    change.apply()
    assert [journey.card(i).lane_id for i in ids] == ["l-tp", "opportunities"]  # t1 above
