"""Insert > Add Stage / Add Lane: after the selected one (or the selected card's), selected,
scrolled into view and its name being typed; at the end with nothing selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapper.canvas.inline_editor import InlineEditor
from mapper.model import Entity


def visible(window, item) -> bool:
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    return shown.intersects(item.sceneBoundingRect())


def test_add_stage_goes_after_the_selected_stage_and_starts_its_name(window):
    journey = window.document.journey
    window.scene.stage_headers["s1"].setSelected(True)
    window.actions_["add_stage"].trigger()
    new_id = journey.stages.ids()[1]
    assert journey.stages.ids() == ["s1", new_id, "s2", "s3"]
    assert window.scene.selected_ids(Entity.STAGE) == [new_id]
    assert isinstance(window.scene.focusItem(), InlineEditor)
    QTest.keyClicks(window.view.viewport(), "Compare")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.stages.get(new_id).name == "Compare"
    assert window.undo_action.text() == "&Undo Rename stage to 'Compare'"


def test_add_stage_with_nothing_selected_goes_at_the_end_and_scrolls_there(window):
    journey = window.document.journey
    window.view.set_zoom(2.0)
    window.view.centerOn(0, 0)
    QApplication.processEvents()
    for _ in range(4):  # far off the right edge of the view
        window.actions_["add_stage"].trigger()
        QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)  # keep "New stage"
        window.scene.clearSelection()
    last = journey.stages.ids()[-1]
    assert len(journey.stages) == 7 and journey.stages.get(last).name == "New stage"
    window.actions_["add_stage"].trigger()
    newest = journey.stages.ids()[-1]
    assert newest != last and visible(window, window.scene.stage_headers[newest])


def test_add_lane_goes_below_the_selected_cards_lane(window):
    journey = window.document.journey
    window.scene.select_ids(["a1"])  # in Actions
    window.actions_["add_lane"].trigger()
    new_id = journey.lanes.ids()[1]
    assert journey.lanes.ids() == ["l-act", new_id, "l-tp", "l-pain", "opportunities"]
    assert window.scene.selected_ids(Entity.LANE) == [new_id]
    assert visible(window, window.scene.lane_headers[new_id])
    assert isinstance(window.scene.focusItem(), InlineEditor)
    QTest.keyClicks(window.view.viewport(), "Thinking")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.lanes.get(new_id).name == "Thinking"
