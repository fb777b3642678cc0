"""Choosing what to present is an edit of the map: one undo step, saved with it."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from factories import sample_map
from mapper.fileformat import dumps_journey, loads_journey
from mapper.model import Entity, LaneKind, Presentation
from mapper.present import choose_what_to_present
from mapper.present.deck import Deck
from mapper.present.setup_dialog import SetupDialog, apply_choice


def test_the_dialog_lists_lanes_and_personas_all_shown(window):
    dialog = SetupDialog(window.document.journey, window)
    assert dialog.lanes.count() == 4 and dialog.personas.count() == 2
    assert dialog.choice() == Presentation()


def test_a_persona_hidden_on_the_map_cannot_be_presented(window):
    journey = window.document.journey
    journey.update(Entity.PERSONA, "omar", hidden=True)
    dialog = SetupDialog(journey, window)
    omar = dialog.personas.item(1)
    assert omar.text() == "Omar  (hidden in the editor)"
    assert not omar.flags() & Qt.ItemFlag.ItemIsEnabled
    assert Deck.of(journey).content.persona_ids == ("maya",)


def test_leaving_out_a_lane_and_a_persona_is_one_undoable_edit(window, monkeypatch):
    document = window.document

    def choose(self) -> int:
        self.set_shown("lanes", "l-pain", False)
        self.set_shown("personas", "omar", False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupDialog, "exec", choose)
    assert window.actions_["present_setup"] in window.menuBar().actions()[3].menu().actions()
    window.actions_["present_setup"].trigger()
    chosen = document.journey.info.presentation
    assert chosen == Presentation(("l-pain",), ("omar",))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "Choose what to present"
    assert document.is_modified()
    deck = Deck.of(document.journey)
    assert "l-pain" not in deck.content.lane_ids and deck.content.persona_ids == ("maya",)
    saved = json.loads(dumps_journey(document.journey))["presentation"]
    assert saved == {"hidden_lane_ids": ["l-pain"], "hidden_persona_ids": ["omar"]}
    document.undo_stack.undo()
    assert document.journey.info.presentation == Presentation()


def test_the_choice_survives_saving_and_opening():
    journey = sample_map()
    choice = Presentation(("l-pain",), ("omar",))
    journey.update_info(presentation=choice)
    assert loads_journey(dumps_journey(journey).encode("utf-8")).info.presentation == choice


def test_no_change_no_undo_step(window, monkeypatch):
    assert not apply_choice(window.document, Presentation())
    monkeypatch.setattr(SetupDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert not choose_what_to_present(window)
    monkeypatch.setattr(SetupDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not choose_what_to_present(window)
    assert window.document.undo_stack.count() == 0


def test_lanes_hidden_in_the_editor_cannot_be_ticked(window):
    window.document.journey.update(Entity.LANE, "l-act", hidden=True)
    dialog = SetupDialog(window.document.journey, window)
    item = dialog.lanes.item(0)
    assert "hidden in the editor" in item.text()
    assert not item.flags() & item.flags().ItemIsEnabled


def test_unticking_every_lane_is_refused(qtbot):
    from PySide6.QtCore import Qt

    from mapper.present.setup_dialog import SetupDialog

    dialog = SetupDialog(sample_map())
    qtbot.addWidget(dialog)
    for i in range(dialog.lanes.count()):
        dialog.lanes.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.ok_button.isEnabled()
    dialog.lanes.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.ok_button.isEnabled()


def test_the_dialog_says_when_a_choice_would_empty_steps(coffee_window):
    journey = coffee_window.document.journey
    dialog = SetupDialog(journey, coffee_window)
    assert dialog.warning.isHidden()
    emotion = next(lane.id for lane in journey.lanes if lane.kind is LaneKind.EMOTION)
    dialog.set_shown("lanes", emotion, False)
    assert "“How it feels” steps are left out" in dialog.warning.text()
    assert not dialog.warning.isHidden()
    dialog.set_shown("lanes", emotion, True)
    for persona in journey.personas:
        dialog.set_shown("personas", persona.id, False)
    assert "“How it feels” steps are left out" in dialog.warning.text()  # nobody's feelings
    for lane in journey.lanes:
        if lane.id != emotion:
            dialog.set_shown("lanes", lane.id, False)
    assert f"Stage “{journey.stages.get(journey.stages.ids()[0]).name}” would show no cards" in (
        dialog.warning.text()
    )
