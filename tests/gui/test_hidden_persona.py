"""A persona hidden in the Personas panel shows nowhere on the canvas, even the active
one: no love or pain mark of its own on the cards, no curve, no legend row; the first shown
persona leads instead (as in present mode). Showing it again brings everything back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from gui.conftest import view_point
from mapper.edits import Insert, Update
from mapper.layout import theme
from mapper.model import Entity, Lane, LaneKind, Sentiment


@pytest.fixture
def emo(window):
    """The sample map (Maya active: she loves t3 at +2, Omar never scored it) with an
    emotion lane."""
    journey = window.document.journey
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    window.document.undo_stack.clear()
    QApplication.processEvents()
    return window


def _stripe(window, card_id: str) -> QColor:
    rect = window.scene.layout.cards[card_id].rect
    window.view.centerOn(QPointF(rect.x, rect.y))
    QApplication.processEvents()
    point = view_point(window, rect.x + 2.5, rect.y + rect.height / 2)
    return window.view.viewport().grab().toImage().pixelColor(point)


def _legend_names(window) -> list[str]:
    rows = window.scene.lane_headers["emo"].legend_rows()
    return [r.entry.name for r in rows if r.entry is not None]


def test_a_hidden_active_persona_shows_nowhere_on_the_canvas_until_shown_again(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    love = QColor(theme.SENTIMENT_COLORS[Sentiment.LOVE])
    assert _stripe(emo, "t3") == love  # Maya's +2
    assert _legend_names(emo) == ["Maya", "Omar"]

    emo.document.push(Update(journey, Entity.PERSONA, "maya", {"hidden": True}))
    QApplication.processEvents()
    assert journey.active_persona().id == "maya"  # still the active one, only hidden
    assert _stripe(emo, "t3") != love
    assert _legend_names(emo) == ["Omar"]
    assert emo.scene.lane_headers["emo"].legend_rows()[-1].hidden == 1
    assert {p.persona_id for p in emo.scene.emotion_points()} == {"omar"}
    # the map leads with Omar: Alt+Up on a card steps his score, never Maya's out of sight
    emo.scene.select_ids(["t3"])
    emo.view.setFocus()
    QTest.keyClick(emo.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t3").emotions == {"maya": 2, "omar": 1}
    stack.undo()

    stack.undo()  # shown again
    QApplication.processEvents()
    assert _stripe(emo, "t3") == love
    assert _legend_names(emo) == ["Maya", "Omar"]
    assert all(r.hidden == 0 for r in emo.scene.lane_headers["emo"].legend_rows())


def test_a_hidden_persona_is_neither_named_nor_counted_in_an_image(emo):
    from mapper.export.image import render_svg

    journey = emo.document.journey
    assert "Maya" in render_svg(journey).decode()
    journey.update(Entity.PERSONA, "maya", hidden=True)
    svg = render_svg(journey).decode()
    assert "Maya" not in svg and "hidden" not in svg  # no legend row, no "Persona: Maya"
    assert "Persona: Omar" in svg


def test_an_image_of_a_crowded_legend_does_not_point_to_the_personas_panel(emo):
    from mapper.edits import personas
    from mapper.export.image import render_svg

    for _ in range(12):
        emo.document.push(personas.add_persona(emo.document.journey))
    QApplication.processEvents()
    rows = emo.scene.lane_headers["emo"].legend_rows()
    assert rows[-1].entry is None and rows[-1].more > 0  # on the canvas: see the panel
    svg = render_svg(emo.document.journey).decode()
    assert f"+ {rows[-1].more} more" in svg
    assert "see Personas" not in svg


def test_a_crowded_legend_keeps_a_row_for_the_active_persona_first(emo):
    """With more personas than the lane has rows, the active one (whose marks the cards
    show) is never among the "+ n more": it leads the legend, as in the PDF's key."""
    from mapper.edits import personas

    journey = emo.document.journey
    for _ in range(12):
        emo.document.push(personas.add_persona(journey))
    last = journey.personas.ids()[-1]
    emo.document.push(personas.make_active(journey, last))
    QApplication.processEvents()
    rows = emo.scene.lane_headers["emo"].legend_rows()
    assert rows[-1].entry is None and rows[-1].more > 0
    assert rows[0].entry is not None and rows[0].entry.persona_id == last
    named = [r.entry.persona_id for r in rows if r.entry is not None]
    assert named[1:] == journey.personas.ids()[: len(named) - 1]  # then the list's order


@pytest.mark.parametrize("how", ["hidden", "removed"])
def test_alt_up_on_a_card_with_no_persona_shown_says_why_nothing_changed(emo, how):
    journey = emo.document.journey
    for persona_id in ("maya", "omar"):
        if how == "hidden":
            journey.update(Entity.PERSONA, persona_id, hidden=True)
        else:
            journey.remove(Entity.PERSONA, persona_id)
    emo.scene.select_ids(["t4"])
    emo.view.setFocus()
    QTest.keyClick(emo.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert emo.document.undo_stack.count() == 0
    message = emo.statusBar().currentMessage()
    assert "Select a card" not in message  # one is selected
    assert "Personas panel" in message


def test_the_personas_panel_moves_a_persona_down_and_up_the_list_as_undoable_edits(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    panel = emo.personas
    emo.docks["personas"].raise_()
    panel.list.setCurrentRow(0)  # Maya
    down = next(b for b in panel.findChildren(QPushButton) if b.text() == "Move down")
    QTest.mouseClick(down, Qt.MouseButton.LeftButton)
    assert journey.personas.ids() == ["omar", "maya"] and stack.count() == 1
    assert panel.current_id() == "maya"  # still the chosen one, in its new place
    QApplication.processEvents()
    assert _legend_names(emo) == ["Omar", "Maya"]  # the legend follows the list
    QTest.mouseClick(down, Qt.MouseButton.LeftButton)  # already last: nothing to undo
    assert stack.count() == 1
    stack.undo()
    assert journey.personas.ids() == ["maya", "omar"]
    QApplication.processEvents()
    assert _legend_names(emo) == ["Maya", "Omar"]
