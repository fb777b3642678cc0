"""The inspector's drop-down choices (a lane's or a card's kind, a creator, a buying
phase), picked with real key presses: the model gets the very enum values the file would
give it, so what follows the pick (a card added to the lane, the PDF, present mode) works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.test_window import inspector_field
from mapper.model import CardKind, Lane, LaneKind
from mapper.ui.form_fields import ChoiceField

CTRL = Qt.KeyboardModifier.ControlModifier


def pick(field: ChoiceField, text: str) -> None:
    """Home, then the down arrow on the closed box until it shows ``text`` (each key is a
    user's pick)."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Home)
    for _ in range(field.count()):
        if field.currentText() == text:
            return
        QTest.keyClick(field, Qt.Key.Key_Down)
        QApplication.processEvents()
    raise AssertionError(f"{text!r} is not among the choices")


def test_a_lane_made_a_pain_point_lane_takes_a_pain_point_from_ctrl_return(window):
    journey = window.document.journey
    journey.add(Lane("l-new", "New lane"))
    header = window.scene.lane_headers["l-new"]
    header.setSelected(True)
    QApplication.processEvents()
    pick(inspector_field(window, "Kind"), "Pain points")
    assert journey.lanes.get("l-new").kind is LaneKind.PAIN_POINTS
    window.view.setFocus()
    assert header.isSelected()
    QTest.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # was an AttributeError dialog
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    QApplication.processEvents()
    cards = journey.cards_in_cell("s1", "l-new")
    assert [(c.title, c.kind) for c in cards] == [("Pain point", CardKind.PAIN_POINT)]

