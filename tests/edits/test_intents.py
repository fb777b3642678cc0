"""The edits layer without Qt: what a gesture or a menu choice means, as a change."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factories import sample_map
from mapper.edits import (
    EditRefused,
    Insert,
    Move,
    MoveCards,
    Update,
    intents,
    palette,
    personas,
    selection,
)
from mapper.layout import compute_layout
from mapper.model import Card, CardKind, Entity, Lane, LaneKind, ModelError


@pytest.fixture
def journey():
    return sample_map()


@pytest.fixture
def layout(journey):
    return compute_layout(journey)


def center_y(layout, card_id: str) -> float:
    return layout.cards[card_id].rect.center[1]


def in_cell(layout, stage_id: str, lane_id: str, y: float) -> tuple[float, float]:
    return layout.cells[(stage_id, lane_id)].center[0], y


def test_the_edits_layer_never_loads_qt():
    code = (
        "import sys\n"
        "import mapper.edits, mapper.edits.intents, mapper.edits.selection\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120, check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"


# ------------------------------------------------------------------ cards
def test_a_card_dropped_in_a_cell_takes_the_index_of_the_cards_above_it(journey, layout):
    t2, t3 = center_y(layout, "t2"), center_y(layout, "t3")
    cell = layout.cells[("s2", "l-tp")]
    top = in_cell(layout, "s2", "l-tp", cell.y + 1)
    between = in_cell(layout, "s2", "l-tp", (t2 + t3) / 2)
    bottom = in_cell(layout, "s2", "l-tp", cell.bottom - 1)
    assert intents.drop_target(journey, layout, top) == ("s2", "l-tp", 0)
    assert intents.drop_target(journey, layout, between) == ("s2", "l-tp", 1)
    assert intents.drop_target(journey, layout, bottom) == ("s2", "l-tp", 2)
    # the dragged cards do not count: below t3, with t2 moving, is index 1
    assert intents.drop_target(journey, layout, bottom, {"t2"}) == ("s2", "l-tp", 1)
    assert intents.drop_target(journey, layout, (-500.0, -500.0)) is None


def test_dragged_cards_landing_in_one_cell_move_as_one_block_in_their_order(journey, layout):
    below_t3 = in_cell(layout, "s2", "l-tp", layout.cells[("s2", "l-tp")].bottom - 1)
    lower = (below_t3[0], below_t3[1] + 0.5)
    change = intents.drop_cards(journey, layout, {"a1": lower, "t1": below_t3})
    assert isinstance(change, MoveCards) and change.text == "Move 2 cards to Purchase"
    change.apply()
    assert [c.id for c in journey.cards_in_cell("s2", "l-tp")] == ["t2", "t3", "t1", "a1"]
    change.revert()
    assert journey.card_position("t1") == ("s1", "l-tp", 0)
    assert journey.card_position("a1") == ("s1", "l-act", 0)


def test_cards_let_go_off_the_grid_stay(journey, layout):
    assert intents.drop_cards(journey, layout, {"t1": (-500.0, -500.0)}) is None
    into = in_cell(layout, "s3", "l-pain", layout.cells[("s3", "l-pain")].center[1])
    change = intents.drop_cards(journey, layout, {"t1": into, "t2": (-500.0, -500.0)})
    assert change is not None and change.blocks == [(("t1",), "s3", "l-pain", 0)]


def test_connecting_two_connected_cards_is_refused_in_words(journey):
    with pytest.raises(EditRefused, match="These cards are already connected"):
        intents.connect(journey, "t1", "t2")  # f1
    assert intents.connect(journey, "t1", "t1") is None  # let go on itself
    assert intents.connect(journey, "t1", None) is None  # let go off any card
    change = intents.connect(journey, "t2", "t1")  # the other way round is a new flow
    assert isinstance(change, Insert) and change.text == "Add flow"
    change.apply()
    assert journey.graph.has_edge("t2", "t1")


def test_set_and_clear_an_emotion_score(journey):
    change = intents.set_emotion(journey, "t1", "omar", 3)
    change.apply()
    assert journey.card("t1").emotions == {"maya": 1, "omar": 3}
    clear = intents.set_emotion(journey, "t1", "maya", None)
    clear.apply()
    assert journey.card("t1").emotions == {"omar": 3} and clear.text == "Clear Maya's emotion"
    clear.revert()
    change.revert()
    assert journey.card("t1").emotions == {"maya": 1, "omar": 0}
    with pytest.raises(ModelError):
        intents.set_emotion(journey, "t1", "maya", 9).apply()  # off the scale


# -------------------------------------------------------- stages and lanes
def test_a_stage_dropped_takes_its_place_among_the_other_stages_middles(journey, layout):
    s1, s2, s3 = (b.header.center[0] for b in layout.stages)
    assert intents.move_stage(journey, layout, "s1", s1) is None  # where it was
    assert intents.move_stage(journey, layout, "s1", (s1 + s2) / 2) is None
    change = intents.move_stage(journey, layout, "s1", (s2 + s3) / 2)
    assert isinstance(change, Move) and change.index == 1
    assert intents.move_stage(journey, layout, "s1", s3 + 1).index == 2
    assert intents.move_stage(journey, layout, "s3", s1 - 1).index == 0


def test_a_lane_dropped_goes_below_the_last_lane_above_it(journey, layout):
    act, tp, pain, _ = (b.header.center[1] for b in layout.lanes)
    assert intents.move_lane(journey, layout, "l-act", act) is None
    assert intents.move_lane(journey, layout, "l-act", pain + 1).index == 2
    assert intents.move_lane(journey, layout, "l-pain", act - 1).index == 0
    assert intents.move_lane(journey, layout, "l-act", (tp + pain) / 2).index == 1


def test_resize_and_collapse(journey):
    width = journey.stages.get("s1").width
    assert intents.resize_stage(journey, "s1", width + 0.2) is None  # rounds to the same
    change = intents.resize_stage(journey, "s1", 333.4)
    assert isinstance(change, Update) and change.changes == {"width": 333.0}
    toggle = intents.toggle_lane(journey, "l-tp")
    assert toggle.changes == {"collapsed": True} and toggle.text == "Collapse lane 'Touchpoints'"
    toggle.apply()
    assert intents.toggle_lane(journey, "l-tp").text == "Expand lane 'Touchpoints'"


def test_move_to_refuses_nothing_but_does_nothing_off_either_end(journey):
    assert intents.move_to(journey, Entity.STAGE, "s1", -1) is None
    assert intents.move_to(journey, Entity.STAGE, "s3", 3) is None
    assert intents.move_to(journey, Entity.STAGE, "s2", 1) is None
    assert intents.move_to(journey, Entity.LANE, "l-tp", 0).index == 0


# ------------------------------------------------------------------ text
@pytest.mark.parametrize(
    ("kind", "item_id", "field", "message"),
    [
        (Entity.CARD, "t1", "title", "A card needs a title"),
        (Entity.STAGE, "s1", "name", "A stage needs a name"),
        (Entity.LANE, "l-tp", "name", "A lane needs a name"),
    ],
)
def test_renaming_to_nothing_is_refused(journey, kind, item_id, field, message):
    with pytest.raises(EditRefused, match=message):
        intents.rename(journey, kind, item_id, field, "   ")


def test_rename(journey):
    assert intents.rename(journey, Entity.CARD, "t1", "title", "Instagram ad") is None
    assert intents.rename(journey, Entity.CARD, "gone", "title", "x") is None  # deleted
    change = intents.rename(journey, Entity.STAGE, "s1", "name", " Discover ")
    assert change.changes == {"name": "Discover"} and change.text == "Rename stage to 'Discover'"
    label = intents.rename(journey, Entity.FLOW, "f1", "label", "", allow_empty=True)
    assert label.changes == {"label": ""}


# --------------------------------------------------------------- palette
def test_palette_drops(journey, layout):
    cell = layout.cells[("s1", "l-pain")]
    change = palette.palette_drop(journey, layout, {"kind": "pain_point"}, cell.center)
    assert isinstance(change.entity, Card) and change.entity.kind is CardKind.PAIN_POINT
    assert (change.entity.stage_id, change.entity.lane_id, change.index) == ("s1", "l-pain", 0)
    touch = palette.palette_drop(journey, layout, {"kind": "touchpoint", "channel": "nope"},
                                 cell.center)  # fmt: skip
    assert touch.entity.channel is None  # an unknown channel is left out
    with pytest.raises(EditRefused, match="Drop cards onto a cell of the grid"):
        palette.palette_drop(journey, layout, {"kind": "note"}, (-500.0, -500.0))
    with pytest.raises(EditRefused):
        palette.palette_drop(journey, layout, {"kind": "spaceship"}, cell.center)
    s2 = layout.stages[1].header.center
    stage = palette.palette_drop(journey, layout, {"kind": "stage"}, (s2[0] + 1, s2[1]))
    assert stage.kind is Entity.STAGE and stage.index == 2


# ------------------------------------------------------------- selection
def test_delete_a_stage_with_its_cards_and_a_flow_as_one_step(journey):
    change = selection.delete(journey, cards=["t2"], flows=["f1", "f3"], stages=["s2"])
    # t2 and its flows go with the stage: only the stage itself is removed
    assert [type(p).__name__ for p in change.parts] == ["Remove"]
    assert change.text == "Delete stage 'Purchase' (4 cards)"
    assert selection.delete(journey) is None


def test_nudge_keeps_a_group_at_the_edge_together(journey):
    assert selection.nudge(journey, ["t2", "t3"], 0, -1) is None  # t2 is at the top already
    change = selection.nudge(journey, ["t3"], 0, -1)
    change.apply()
    assert [c.id for c in journey.cards_in_cell("s2", "l-tp")] == ["t3", "t2"]
    assert selection.nudge(journey, ["t4"], 1, 0) is None  # no stage after the last
    assert selection.nudge(journey, [], 1, 0) is None


def test_paste_of_something_else_is_refused_in_words(journey):
    with pytest.raises(EditRefused, match="does not hold Mapper cards"):
        selection.paste(journey, {"version": 99})
    change, ids = selection.duplicate(journey, ["t1", "t2"])
    change.apply()
    assert all(journey.has_card(i) for i in ids) and change.text == "Duplicate 2 cards"
    assert journey.flow_count() == 5  # the copied f1 between the copies


# ------------------------------------------------------ personas, present
def test_persona_and_presentation_intents(journey):
    from mapper.model import Presentation

    assert personas.make_active(journey, "maya") is None  # already active: no empty step
    switch = personas.make_active(journey, "omar")
    switch.apply()
    assert journey.info.active_persona_id == "omar"
    add = personas.add_persona(journey)
    add.apply()
    assert journey.personas.ids()[-1] == add.entity.id and add.text == "Add persona"
    used = [p.color for p in journey.personas][:-1]
    assert add.entity.color not in used  # the next unused palette colour
    assert intents.choose_presentation(journey, journey.info.presentation) is None
    choice = intents.choose_presentation(journey, Presentation(("l-pain",)))
    assert choice is not None and choice.text == "Choose what to present"


def test_show_and_hide_a_persona(journey):
    hide = personas.show_persona(journey, "omar", False)
    assert hide is not None
    hide.apply()
    assert journey.personas.get("omar").hidden
    assert personas.show_persona(journey, "omar", False) is None  # already hidden
    hide.revert()
    assert not journey.personas.get("omar").hidden
    assert personas.show_persona(journey, "omar", True) is None
    assert personas.show_persona(journey, "nobody", False) is None


def test_score_steps_start_from_neutral_and_stop_at_the_ends(journey):
    step = intents.step_scores(journey, [("t4", "maya")], 1)
    assert step is not None
    step.apply()
    assert journey.card("t4").emotions == {"maya": 1}
    # t2 is at -3 for Maya already: only Omar's score of it moves
    down = intents.step_scores(journey, [("t2", "maya"), ("t2", "omar")], -1)
    assert down is not None
    down.apply()
    assert journey.card("t2").emotions == {"maya": -3, "omar": -2}
    assert intents.step_scores(journey, [("t2", "maya")], -1) is None
    down.revert()
    assert journey.card("t2").emotions == {"maya": -3, "omar": -1}


def test_clearing_scores_keeps_the_cards_and_skips_what_is_not_scored(journey):
    assert intents.clear_scores(journey, [("t4", "maya")]) is None
    clear = intents.clear_scores(journey, [("t1", "maya"), ("t2", "omar"), ("t4", "maya")])
    assert clear is not None
    clear.apply()
    assert journey.card("t1").emotions == {"omar": 0}
    assert journey.card("t2").emotions == {"maya": -3}
    clear.revert()
    assert journey.card("t1").emotions == {"maya": 1, "omar": 0}


def test_a_hidden_persona_is_saved_with_the_map(journey):
    from mapper.fileformat import dumps_journey, loads_journey

    change = personas.show_persona(journey, "omar", False)
    assert change is not None
    change.apply()
    again = loads_journey(dumps_journey(journey).encode("utf-8"))
    assert again.personas.get("omar").hidden and not again.personas.get("maya").hidden


def test_rating_an_opportunity_is_one_change_or_nothing(journey):
    assert intents.rate(journey, "o1", "impact", 5) is None  # already 5
    change = intents.rate(journey, "o1", "effort", 4)
    assert isinstance(change, Update) and change.text == "Set effort to 4"
    change.apply()
    assert journey.card("o1").quadrant.value == "Major project"
    change.revert()
    assert journey.card("o1").effort == 2
    with pytest.raises(ValueError):
        intents.rate(journey, "o1", "title", 3)


def test_linking_and_unlinking_a_pain_point(journey):
    assert intents.address(journey, "o1", "p1", True) is None  # linked already
    assert intents.address(journey, "o2", "p1", False) is None  # not linked
    link = intents.address(journey, "o2", "p1", True)
    link.apply()
    assert journey.card("o2").pain_point_ids == ("p1",)
    assert link.text == "Link pain point 'Hidden fees'"
    unlink = intents.address(journey, "o1", "p1", False)
    unlink.apply()
    assert journey.card("o1").pain_point_ids == ("t2",)
    assert unlink.text == "Unlink pain point 'Hidden fees'"
    with pytest.raises(EditRefused, match="cannot address itself"):
        intents.address(journey, "o1", "o1", True)
    stale = intents.address(journey, "o2", "t4", True)
    journey.remove(Entity.CARD, "t4")  # deleted meanwhile: the model refuses the link
    with pytest.raises(ModelError):
        stale.apply()
    assert journey.card("o2").pain_point_ids == ("p1",)


def test_a_pasted_opportunity_keeps_its_pain_points_or_their_copies(journey):
    from mapper import clipboard

    journey.update(Entity.CARD, "o2", pain_point_ids=("t2", "p1"))
    payload = clipboard.copy_payload(journey, ["o2", "t2"])
    change, ids = selection.paste(journey, payload)
    change.apply()
    copy_of_o2, copy_of_t2 = (journey.card(i) for i in ids)
    # the copy of t2 comes after the copy of o2: it is linked once it is in
    assert copy_of_o2.pain_point_ids == (copy_of_t2.id, "p1")
    assert {c.id for c in journey.linked_by("p1")} == {"o1", "o2", copy_of_o2.id}
    change.revert()
    assert journey.card_count() == 8 and {c.id for c in journey.linked_by("p1")} == {"o1", "o2"}
    other = sample_map()
    other.remove(Entity.CARD, "t2")
    change, ids = selection.paste(other, clipboard.copy_payload(journey, ["o2"]))
    change.apply()  # into a map without t2: that link is left out
    assert other.card(ids[0]).pain_point_ids == ("p1",)


def test_both_personas_scores_of_one_card_change_together(journey):
    """A rubber band over both personas' points of one card, then Delete or Alt+Up: every
    selected score changes, not only the last persona's."""
    clear = intents.clear_scores(journey, [("t1", "maya"), ("t1", "omar")])
    assert clear is not None
    clear.apply()
    assert journey.card("t1").emotions == {}
    clear.revert()
    assert journey.card("t1").emotions == {"maya": 1, "omar": 0}
    up = intents.step_scores(journey, [("t1", "maya"), ("t1", "omar"), ("t4", "maya")], 1)
    assert up is not None
    up.apply()
    assert journey.card("t1").emotions == {"maya": 2, "omar": 1}
    assert journey.card("t4").emotions == {"maya": 1}
    up.revert()
    assert journey.card("t1").emotions == {"maya": 1, "omar": 0}
    assert journey.card("t4").emotions == {}


def test_a_lane_with_cards_does_not_become_the_curves_lane(journey):
    """The curve would be drawn over its cards; an empty lane may, and any lane may take
    another kind that holds cards."""
    with pytest.raises(EditRefused, match="'Touchpoints' holds cards: move them"):
        intents.set_lane_kind(journey, "l-tp", LaneKind.EMOTION)
    assert journey.lanes.get("l-tp").kind is LaneKind.TOUCHPOINTS
    assert intents.set_lane_kind(journey, "l-tp", LaneKind.TOUCHPOINTS) is None  # as it is
    change = intents.set_lane_kind(journey, "l-tp", "channels")  # as a drop-down may give it
    change.apply()
    assert journey.lanes.get("l-tp").kind is LaneKind.CHANNELS
    journey.add(Lane("empty", "Feelings"))
    intents.set_lane_kind(journey, "empty", LaneKind.EMOTION).apply()
    assert journey.lanes.get("empty").kind is LaneKind.EMOTION
