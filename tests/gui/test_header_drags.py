"""Header gestures as the pointer shows them: a dragged stage or lane header stays in
sight over the others, a band marks where it would go in, and a stage's edge dragged shows
the width it would get; all of it gone once the gesture ends."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsRectItem

from gui.conftest import mouse_move, view_point
from mapper.canvas.header_drags import MARK_Z


def press_and_move(window, start: QPoint, end: QPoint, steps: int = 6) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        mouse_move(window, start + (end - start) * (i / steps), Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def release(window, p: QPoint) -> None:
    viewport = window.view.viewport()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    QApplication.processEvents()


def marks(window) -> list:
    return [i for i in window.scene.items() if i.zValue() == MARK_Z
            and isinstance(i, QGraphicsRectItem | QGraphicsLineItem)]  # fmt: skip


def topmost_header_at(window, pos: QPointF):
    from mapper.canvas.header_items import LaneHeaderItem, StageHeaderItem

    items = window.scene.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder)  # fmt: skip
    return next(i for i in items if isinstance(i, LaneHeaderItem | StageHeaderItem))


def test_a_lane_header_dragged_down_shows_over_the_lanes_below_and_where_it_goes(window):
    scene = window.scene
    header = scene.lane_headers["l-act"]
    box = header.box.header
    target = scene.layout.lanes[2].header  # l-pain: let go below its middle
    start = view_point(window, box.x + 60, box.y + 30)
    end = view_point(window, box.x + 60, target.center[1] + 10)
    press_and_move(window, start, end)
    over = scene.lane_headers["l-pain"]
    assert topmost_header_at(window, over.sceneBoundingRect().center()) is header
    [band] = marks(window)  # at the bottom of l-pain, where it goes in
    assert band.isVisible() and abs(band.rect().center().y() - target.bottom) < 1
    release(window, end)
    assert window.document.journey.lanes.ids()[:3] == ["l-tp", "l-pain", "l-act"]
    assert marks(window) == [] and header.zValue() == over.zValue()


def test_a_stage_header_dragged_right_shows_over_the_next_stage_and_where_it_goes(window):
    scene = window.scene
    header = scene.stage_headers["s1"]
    box = header.box.header
    nxt = scene.layout.stages[1].header  # s2: let go past its middle
    start = view_point(window, box.x + 30, box.center[1])
    end = view_point(window, nxt.center[0] + 30, box.center[1])
    press_and_move(window, start, end)
    over = scene.stage_headers["s2"]
    assert topmost_header_at(window, QPointF(nxt.center[0] + 20, nxt.center[1])) is header
    [band] = marks(window)
    assert band.isVisible() and abs(band.rect().center().x() - nxt.right) < 1
    QTest.keyClick(window.view, Qt.Key.Key_Escape)  # cancelled: all of it goes back
    assert marks(window) == [] and header.zValue() == over.zValue()
    release(window, end)
    assert window.document.journey.stages.ids() == ["s1", "s2", "s3"]


def test_a_header_dragged_where_it_already_is_shows_no_band(window):
    box = window.scene.stage_headers["s2"].box.header
    start = view_point(window, box.center[0] - 20, box.center[1])
    press_and_move(window, start, start + QPoint(30, 0))
    assert [m for m in marks(window) if m.isVisible()] == []
    release(window, start + QPoint(30, 0))
    assert window.document.undo_stack.count() == 0


def test_a_stage_edge_dragged_shows_the_width_it_would_get(window):
    box = window.scene.stage_headers["s1"].box.header
    start = view_point(window, box.right - 2, box.center[1])
    end = view_point(window, box.right + 100, box.center[1])
    press_and_move(window, start, end)
    [edge] = marks(window)
    x = window.view.mapToScene(end).x()
    assert isinstance(edge, QGraphicsLineItem) and abs(edge.line().x1() - x) < 1
    release(window, end)
    assert marks(window) == []
    assert abs(box.x + window.document.journey.stages.get("s1").width - x) < 1


def test_a_stage_edge_is_as_easy_to_grab_zoomed_out(window):
    """At 50 % a press 4 screen pixels left of the edge (8 in the map) still resizes."""
    window.view.set_zoom(0.5)
    QApplication.processEvents()
    box = window.scene.stage_headers["s1"].box.header
    start = view_point(window, box.right - 8, box.center[1])
    end = start + QPoint(60, 0)
    press_and_move(window, start, end)
    release(window, end)
    journey = window.document.journey
    assert journey.stages.ids() == ["s1", "s2", "s3"]  # not moved
    assert journey.stages.get("s1").width > box.width + 100
