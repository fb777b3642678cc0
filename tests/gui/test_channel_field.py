"""The inspector's channel picker: the map's own channels listed with online or offline,
"New channel…" and "Rename …" through a small dialog, each an undoable step; driven by
keys and clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from gui.conftest import card_center
from gui.test_window import inspector_field
from mapper.edits.channels import edit_channel
from mapper.model import CustomChannel

LEFT = Qt.MouseButton.LeftButton


def click(button) -> None:
    QTest.mouseClick(button, LEFT)


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_rename_one_of_the_maps_channels_keeps_its_key(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["t3"])
    combo = inspector_field(window, "Channel")
    assert combo.currentText() == "Kiosk (offline)"
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Mobile app (online)" in texts and texts[-2:] == ["New channel…", "Rename Kiosk…"]
    combo.setFocus()
    QTest.keyClicks(combo, "Rename")
    dialog = combo.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Rename Kiosk"
    assert dialog.name.text() == "Kiosk" and dialog.offline.isChecked()
    assert combo.currentText() == "Kiosk (offline)"  # the card's channel until the dialog says
    dialog.name.selectAll()
    QTest.keyClicks(dialog.name, "Self-service kiosk")
    click(dialog.online)
    click(ok(dialog))
    assert not dialog.isVisible()
    assert journey.info.custom_channels == (CustomChannel("kiosk", "Self-service kiosk", True),)
    assert journey.card("t3").channel == "kiosk"
    combo = inspector_field(window, "Channel")
    assert combo.currentText() == "Self-service kiosk (online)"
    assert stack.count() == 1 and window.undo_action.text() == (
        "&Undo Rename channel to 'Self-service kiosk'"
    )
    stack.undo()
    assert inspector_field(window, "Channel").currentText() == "Kiosk (offline)"


def test_a_new_channel_is_made_then_picked_and_a_taken_name_is_said_in_the_dialog(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["t1"])
    combo = inspector_field(window, "Channel")
    assert combo.itemText(combo.count() - 1) == "New channel…"  # no rename for a built-in
    combo.setFocus()
    QTest.keyClicks(combo, "New")
    dialog = combo.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "New channel"
    QTest.keyClicks(dialog.name, "kiosk")
    click(ok(dialog))
    assert dialog.isVisible() and dialog.problem.text() == (
        "There is already a channel called 'kiosk'"
    )
    assert stack.count() == 0
    dialog.name.selectAll()
    QTest.keyClicks(dialog.name, "Pop-up stand")
    click(dialog.offline)
    click(ok(dialog))
    assert not dialog.isVisible()
    assert journey.info.custom_channels[-1] == CustomChannel("pop_up_stand", "Pop-up stand", False)
    assert journey.card("t1").channel == "pop_up_stand"
    assert inspector_field(window, "Channel").currentText() == "Pop-up stand (offline)"
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add channel 'Pop-up stand'", "Edit channel of 'Instagram ad'",
    ]  # fmt: skip
    stack.undo()  # the card's pick goes, the channel stays
    assert journey.card("t1").channel == "social" and len(journey.info.custom_channels) == 2
    stack.undo()
    assert len(journey.info.custom_channels) == 1


def test_cancelling_the_dialog_changes_nothing(window):
    window.scene.select_ids(["t1"])
    combo = inspector_field(window, "Channel")
    combo.setFocus()
    QTest.keyClicks(combo, "New")
    QTest.keyClicks(combo.dialog.name, "Fax")
    click(combo.dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert window.document.undo_stack.count() == 0
    assert combo.currentText() == "Social media (online)"


def test_a_card_of_a_renamed_channel_names_it_in_its_tooltip(window):
    window.document.push(edit_channel(window.document.journey, "kiosk", "Pop-up stand", False))
    QTest.mouseMove(window.view.viewport(), card_center(window, "t3"))
    assert "Channel: Pop-up stand" in window.scene.cards["t3"].toolTip()
