"""The Edit menu says what Undo takes back, and the inspector's metrics undo one field at a
time; driven with real events."""

from __future__ import annotations

from PySide6.QtTest import QTest

from gui.conftest import card_center, drag, view_point
from gui.test_window import inspector_field


def test_undo_names_the_card_dragged_and_where_it_went(window):
    scene = window.scene
    target = view_point(window, *scene.layout.cells[("s2", "l-tp")].center)
    drag(window, card_center(window, "t1"), target)
    assert window.document.journey.card("t1").stage_id == "s2"
    assert window.undo_action.text() == "&Undo Move 'Instagram ad' to Purchase"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo Move 'Instagram ad' to Purchase"


def test_metrics_typed_in_two_fields_undo_one_field_at_a_time(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["t2"])
    csat = inspector_field(window, "CSAT")
    csat.setFocus()
    QTest.keyClicks(csat, "4.5")
    nps = inspector_field(window, "NPS")
    nps.setFocus()
    QTest.keyClicks(nps, "30")
    conversion = inspector_field(window, "Conversion rate")
    conversion.setFocus()
    conversion.selectAll()
    QTest.keyClicks(conversion, "40")
    metrics = journey.card("t2").metrics
    assert (metrics.csat, metrics.nps, metrics.conversion_rate) == (4.5, 30, 40)
    assert stack.count() == 3  # one step per field, keystrokes of a field merged
    # each says whose field it was, as a card's title edited in place does
    assert window.undo_action.text() == "&Undo Edit conversion rate of 'Online checkout'"
    window.undo_action.trigger()
    metrics = journey.card("t2").metrics
    assert (metrics.csat, metrics.nps, metrics.conversion_rate) == (4.5, 30, 0.31)
    assert window.undo_action.text() == "&Undo Edit NPS of 'Online checkout'"
    window.undo_action.trigger()
    assert journey.card("t2").metrics.nps is None and journey.card("t2").metrics.csat == 4.5
    assert window.undo_action.text() == "&Undo Edit CSAT of 'Online checkout'"
    window.undo_action.trigger()
    assert journey.card("t2").metrics.csat is None
    assert nps.text() == "" and csat.text() == ""  # the form follows undo


def test_an_edited_title_says_so(window):
    window.scene.select_ids(["t2"])
    title = inspector_field(window, "Title")
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Pay")
    assert window.document.undo_stack.count() == 1
    # the new title, as renaming in place says it (typing merged into one step)
    assert window.undo_action.text() == "&Undo Rename card to 'Pay'"
