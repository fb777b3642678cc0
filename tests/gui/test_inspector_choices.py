"""The inspector's drop-down choices (a lane's or a card's kind, a creator, a buying
phase), picked with real key presses: the model gets the very enum values the file would
give it, so what follows the pick (a card added to the lane, the PDF, present mode) works."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.test_window import inspector_field, inspector_labels
from mapper.export.pdf import export_pdf
from mapper.model import BuyingPhase, CardKind, Creator, Entity, Lane, LaneKind
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


def test_a_card_kind_creator_and_phase_picked_are_enum_values_and_export(window, tmp_path):
    journey = window.document.journey
    window.scene.select_ids(["t4"])
    QApplication.processEvents()
    pick(inspector_field(window, "Creator"), "Earned")
    pick(inspector_field(window, "Buying phase"), "Post purchase")
    pick(inspector_field(window, "Kind"), "Pain point")
    card = journey.card("t4")
    assert card.kind is CardKind.PAIN_POINT
    assert card.creator is Creator.EARNED and card.buying_phase is BuyingPhase.POST_PURCHASE
    window.scene.clearSelection()
    window.scene.stage_headers["s2"].setSelected(True)
    QApplication.processEvents()
    pick(inspector_field(window, "Buying phase"), "Purchase")
    assert journey.get(Entity.STAGE, "s2").buying_phase is BuyingPhase.PURCHASE
    out = tmp_path / "map.pdf"
    export_pdf(journey, out)  # the PDF names each card's kind
    assert out.read_bytes().startswith(b"%PDF")


def test_the_wheel_over_a_card_kind_changes_it_and_the_form_follows(window):
    journey = window.document.journey
    window.scene.select_ids(["t4"])
    QApplication.processEvents()
    kind = inspector_field(window, "Kind")
    centre = QPointF(kind.rect().center())
    wheel = QWheelEvent(
        centre, QPointF(kind.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(kind, wheel)  # the form is rebuilt inside the box's own signal
    QApplication.processEvents()
    assert journey.card("t4").kind is CardKind.ACTION
    assert inspector_field(window, "Kind").currentText() == "Action"
    assert "Channel" not in inspector_labels(window)  # a touchpoint's field went


def test_making_a_lane_with_cards_the_curves_lane_is_refused_and_the_box_goes_back(window):
    journey, stack = window.document.journey, window.document.undo_stack
    refused: list[str] = []
    window.document.refused.connect(refused.append)
    window.scene.lane_headers["l-tp"].setSelected(True)
    QApplication.processEvents()
    kind = inspector_field(window, "Kind")
    kind.setFocus()
    kind.showPopup()  # the list opens; the arrows go down it to Emotion, Return picks it
    QApplication.processEvents()
    for _ in range(kind.findText("Emotion") - kind.currentIndex()):
        QTest.keyClick(kind.view(), Qt.Key.Key_Down)
    QTest.keyClick(kind.view(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert journey.lanes.get("l-tp").kind is LaneKind.TOUCHPOINTS  # the cards stay clear
    assert refused and "'Touchpoints' holds cards: move them" in refused[-1]
    assert inspector_field(window, "Kind").currentText() == "Touchpoints"  # as the map is
    assert stack.count() == 0
    pick(inspector_field(window, "Kind"), "Channels")  # a kind that takes cards is fine
    assert journey.lanes.get("l-tp").kind is LaneKind.CHANNELS
