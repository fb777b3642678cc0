"""A small map made with the keyboard alone, from the blank template to a saved file: a
stage added and named, three cards typed, a flow, an emotion score, a rename, Ctrl+S."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapper.document import Document
from mapper.fileformat import load_journey, save_journey
from mapper.model import Entity, LaneKind
from mapper.templates import find_template
from mapper.ui.form_fields import ScoreField

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has the focus, as a user's would be."""
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, k, modifiers)
    QApplication.processEvents()


def type_text(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)
    QApplication.processEvents()


def tab_until(found, backwards: bool = False, limit: int = 60) -> None:
    for _ in range(limit):
        if found(QApplication.focusWidget()):
            return
        key(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, SHIFT if backwards else
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    raise AssertionError("Tab never got there")


def test_a_small_map_made_with_key_events_only(manager, qtbot, tmp_path):
    path = tmp_path / "keys.journey"
    save_journey(find_template("blank").load(), path)
    window = manager.show(Document(load_journey(path), path))
    window.resize(1600, 1000)
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()
    journey = window.document.journey
    persona = journey.personas.ids()[0]
    before_stages = journey.stages.ids()

    # onto the canvas with Tab
    assert QApplication.focusWidget() is not None  # the window gave its first widget focus
    tab_until(lambda w: w is window.view)

    # a stage, named as it is added; renamed after picking it in the outline
    key(Qt.Key.Key_Return, CTRL | SHIFT)  # Insert > Add Stage
    type_text("Loyal")
    key(Qt.Key.Key_Return)
    (stage_id,) = [s for s in journey.stages.ids() if s not in before_stages]
    assert journey.stages.get(stage_id).name == "Loyal"
    tab_until(lambda w: w is window.outline.tree)
    key(Qt.Key.Key_Home)
    for _ in range(10):
        if window.outline.current() == (Entity.STAGE, stage_id):
            break
        key(Qt.Key.Key_Down)
    key(Qt.Key.Key_F2)  # Edit > Rename: the stage's name on the canvas
    type_text("Loyalty")
    key(Qt.Key.Key_Return)
    assert journey.stages.get(stage_id).name == "Loyalty"

    # three cards, typed where they go (Insert > Card)
    assert window.view.hasFocus()
    for title in ("Joins the club", "Gets points", "Redeems a reward"):
        key(Qt.Key.Key_Return, CTRL)
        type_text(title)
        key(Qt.Key.Key_Return)
    lane_id = journey.card(window.scene.selected_ids(Entity.CARD)[0]).lane_id
    assert journey.lanes.get(lane_id).kind is LaneKind.TOUCHPOINTS
    cell = journey.cards_in_cell(stage_id, lane_id)
    assert [c.title for c in cell] == ["Joins the club", "Gets points", "Redeems a reward"]
    first, second, _ = (c.id for c in cell)

    # a flow: from the lane's first card to the one below it
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_L, CTRL)
    key(Qt.Key.Key_Return)
    assert journey.graph.has_edge(first, second)

    # an emotion score, in the inspector's field for the persona
    tab_until(lambda w: isinstance(w, ScoreField))
    type_text("2")
    assert journey.card(first).emotions == {persona: 2}

    # a rename, back on the canvas
    tab_until(lambda w: w is window.view, backwards=True)
    key(Qt.Key.Key_F2)
    type_text("Joins the loyalty club")
    key(Qt.Key.Key_Return)

    key(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.document.is_saving() and not window.document.is_modified())
    saved = load_journey(path)
    assert saved.stages.get(stage_id).name == "Loyalty"
    assert [c.title for c in saved.cards_in_cell(stage_id, lane_id)] == [
        "Joins the loyalty club", "Gets points", "Redeems a reward",
    ]  # fmt: skip
    assert saved.graph.has_edge(first, second)
    assert saved.card(first).emotions == {persona: 2}
