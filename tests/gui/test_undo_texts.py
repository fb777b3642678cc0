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


def test_undo_and_redo_show_a_titles_ampersand(window):
    """Qt took the '&' of 'Salt & pepper' in the Edit menu's Undo line for a mnemonic."""
    from mapper.edits import intents
    from mapper.model import Entity

    journey = window.document.journey
    window.scene.push(intents.rename(journey, Entity.CARD, "t1", "title", "Salt & pepper"))
    assert window.undo_action.iconText() == "Undo Rename card to 'Salt & pepper'"  # as shown
    window.undo_action.trigger()
    assert window.redo_action.iconText() == "Redo Rename card to 'Salt & pepper'"
    assert window.undo_action.text() == "&Undo"  # nothing left: the plain line
    window.redo_action.trigger()
    assert window.undo_action.text() == "&Undo Rename card to 'Salt && pepper'"


def test_open_recent_shows_a_paths_ampersand_and_opens_it(window, tmp_path):
    from PySide6.QtWidgets import QMenu

    from mapper.ui.menu_bar import fill_recent
    from mapper.ui.recent_files import remember

    path = tmp_path / "R&D map.journey"
    remember(path)
    opened = []
    menu = QMenu()
    fill_recent(menu, opened.append)
    (line,) = menu.actions()
    assert line.iconText() == str(path)  # shown as it is, no letter underlined instead
    line.trigger()
    assert opened == [str(path)]


def test_a_persona_colour_edit_is_spelled_as_the_form_spells_it(window):
    window.personas.list.setCurrentRow(1)  # Omar
    window.personas.color.edited.emit("#123456")
    assert window.document.journey.personas.get("omar").color == "#123456"
    assert window.undo_action.text() == "&Undo Edit colour of 'Omar'"
