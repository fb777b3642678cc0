"""Which context-menu lines apply where, and the edits they make (no Qt)."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.edits import Composite, Update
from mapper.edits.menus import Command, MenuTarget, Target, change_for, entries
from mapper.model import Entity


@pytest.fixture
def journey():
    return sample_map()


def labels(journey, target) -> list[str]:
    return [e.label or "-" for e in entries(journey, target)]


def test_each_target_gets_its_own_lines(journey):
    assert "Channel" in labels(journey, MenuTarget(Target.CARD, ("t1",)))
    assert "Channel" not in labels(journey, MenuTarget(Target.CARD, ("p1",)))  # not a touchpoint
    assert "Channel" not in labels(journey, MenuTarget(Target.CARD, ("t1", "p1")))
    assert labels(journey, MenuTarget(Target.FLOW, ("f1",)))[0] == "Edit label"
    assert labels(journey, MenuTarget(Target.STAGE, ("s3",)))[-1] == "Delete stage (1 card)"
    assert labels(journey, MenuTarget(Target.CELL, cell=("s1", "l-pain", 0)))[0] == (
        "Add pain point here"
    )
    assert labels(journey, MenuTarget(Target.CELL, cell=("s1", "l-tp", 1)))[0] == (
        "Add touchpoint here"
    )
    assert entries(journey, MenuTarget(Target.CARD, ("gone",))) == []  # deleted meanwhile


def test_stage_inserts_carry_their_index(journey):
    lines = {e.label: e for e in entries(journey, MenuTarget(Target.STAGE, ("s2",)))}
    assert lines["Insert stage before"].value == 1 and lines["Insert stage after"].value == 2
    assert lines["Insert stage after"].command is Command.ADD_STAGE


def test_menu_edits_are_one_step_and_skip_cards_already_so(journey):
    target = MenuTarget(Target.CARD, ("t1", "t4", "p1"))
    change = change_for(journey, target, Command.MOMENT_OF_TRUTH, True)
    assert isinstance(change, Composite) and len(change.parts) == 3
    change.apply()
    assert all(journey.card(i).moment_of_truth for i in ("t1", "t4", "p1"))
    assert change_for(journey, target, Command.MOMENT_OF_TRUTH, True) is None
    change.revert()
    one = change_for(journey, MenuTarget(Target.CARD, ("t1",)), Command.CHANNEL, "kiosk")
    assert isinstance(one, Update) and one.text == "Set channel to Kiosk"
    assert change_for(journey, MenuTarget(Target.CARD, ("t1",)), Command.CHANNEL, "social") is None
    point = MenuTarget(Target.EMOTION_POINT, ("t1",), persona_id="omar")
    clear = change_for(journey, point, Command.EMOTION, None)
    assert clear is not None and clear.text == "Clear Omar's emotion"
    clear.apply()
    assert journey.card("t1").emotions == {"maya": 1}
    with pytest.raises(ValueError):
        change_for(journey, target, Command.DELETE)


def test_the_maps_own_channels_come_after_the_built_in_ones(journey):
    menu = {e.label: e for e in entries(journey, MenuTarget(Target.CARD, ("t3",)))}
    lines = [e.label or "-" for e in menu["Channel"].children]
    assert lines[0] == "(none)" and lines[-2:] == ["-", "Kiosk (offline)"]
    assert menu["Channel"].children[-1].checked  # t3's channel


def test_a_cells_add_line_makes_the_kind_a_new_card_from_the_keyboard_makes_there(journey):
    from mapper.edits.selection import kind_for
    from mapper.model import Lane, LaneKind

    journey.add(Lane("back", "Backstage", LaneKind.BACKSTAGE))
    journey.add(Lane("mine", "Our notes", LaneKind.CUSTOM))
    for lane in ("back", "mine", "l-tp", "l-pain"):
        [first, _] = entries(journey, MenuTarget(Target.CELL, cell=("s1", lane, 0)))
        assert first.command is Command.ADD_CARD and first.value is kind_for(journey, lane)
    assert labels(journey, MenuTarget(Target.CELL, cell=("s1", "back", 0)))[0] == "Add action here"


def test_a_card_menu_lists_its_flows_to_select_them(journey):
    """With no mouse to click a flow, its card's menu is the way to it."""
    lines = entries(journey, MenuTarget(Target.CARD, ("t2",)))
    found = next(e for e in lines if e.label == "Select a flow")
    assert [(e.label, e.command, e.value) for e in found.children] == [
        ("To 'Support call'", Command.SELECT_FLOW, "f3"),  # out of the card first
        ("From 'Instagram ad' (clicks)", Command.SELECT_FLOW, "f1"),
        ("From 'Support call' (calls back)", Command.SELECT_FLOW, "f4"),
    ]
    assert "Select a flow" not in labels(journey, MenuTarget(Target.CARD, ("p1",)))  # none
    assert "Select a flow" not in labels(journey, MenuTarget(Target.CARD, ("t1", "t2")))


def test_a_card_menu_scores_the_persona_the_map_shows_not_a_hidden_active_one():
    journey = sample_map()
    journey.update(Entity.PERSONA, "maya", hidden=True)  # the active one
    target = MenuTarget(Target.CARD, ("t3",))
    assert "Sentiment for Omar" in labels(journey, target)
    assert "Sentiment for Maya" not in labels(journey, target)
    change = change_for(journey, target, Command.EMOTION, 1)
    assert change is not None
    change.apply()
    assert journey.card("t3").emotions == {"maya": 2, "omar": 1}
