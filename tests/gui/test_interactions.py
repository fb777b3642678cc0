"""Gestures on the canvas cancelled with Esc, driven by real events on the viewport: what
the gesture showed on the way goes back, and nothing reaches the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsLineItem

from gui.conftest import card_center, mouse_move, view_point
from mapper.fileformat import dumps_journey


def press_and_move(window, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press the left button and move with it held (no release)."""
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        move_held(window, start + (end - start) * (i / steps))


def move_held(window, p: QPoint) -> None:
    mouse_move(window, p, Qt.MouseButton.LeftButton)


def release(window, p: QPoint) -> None:
    viewport = window.view.viewport()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    QApplication.processEvents()


def dashed_lines(window) -> list[QGraphicsLineItem]:
    return [
        item
        for item in window.scene.items()
        if isinstance(item, QGraphicsLineItem) and item.pen().style() == Qt.PenStyle.DashLine
    ]


def test_a_card_drag_cancelled_with_esc_puts_the_card_and_its_flows_back(window, qtbot):
    scene, journey, stack = window.scene, window.document.journey, window.document.undo_stack
    before = dumps_journey(journey)
    card, flow = scene.cards["t1"], scene.flows["f1"]  # f1: t1 -> t2
    home, curve = card.pos(), flow.route.curve
    start = card_center(window, "t1")
    end = view_point(window, *scene.layout.cells[("s3", "l-pain")].center)
    press_and_move(window, start, end)
    qtbot.waitUntil(lambda: flow.route.curve != curve, timeout=2000)  # the arrow follows
    assert card.pos() != home and scene.interaction is not None
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert card.pos() == home and flow.route.curve == curve
    assert scene.interaction is None and not scene.dragging
    move_held(window, end + QPoint(10, 10))  # the button is still down: nothing follows
    assert card.pos() == home
    release(window, end)
    assert card.pos() == home and scene.flows["f1"].route.curve == curve
    assert stack.count() == 0 and dumps_journey(journey) == before
    assert journey.card_position("t1") == ("s1", "l-tp", 0)


def test_a_flow_drawing_cancelled_with_esc_leaves_no_dashed_line(window):
    scene, journey, stack = window.scene, window.document.journey, window.document.undo_stack
    scene.cards["a1"].setSelected(True)  # the handle shows on hover or selection
    box = scene.layout.cards["a1"].rect
    start = view_point(window, box.right, box.center[1])
    end = card_center(window, "t4")
    press_and_move(window, start, end)
    assert len(dashed_lines(window)) == 1  # the line being drawn
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert dashed_lines(window) == []
    release(window, end)  # let go on t4: no flow, the gesture is over
    assert dashed_lines(window) == []
    assert not journey.graph.has_edge("a1", "t4") and stack.count() == 0


def test_an_emotion_point_drag_cancelled_with_esc_keeps_the_score(window):
    from mapper.edits import Insert
    from mapper.model import Entity, Lane, LaneKind

    journey, stack = window.document.journey, window.document.undo_stack
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    lane = window.scene.layout.emotion_lane
    point = next(i for i in window.scene.emotion_points()
                 if i.card_id == "t1" and i.persona_id == "maya")  # fmt: skip
    window.view.centerOn(point.pos())
    QApplication.processEvents()
    home = point.pos()
    start = window.view.mapFromScene(home)
    end = view_point(window, home.x(), lane.row.bottom - 5)  # far below: -3
    press_and_move(window, start, end)
    assert point.pos().y() > home.y()  # shown at the snapped score on the way
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert point.pos() == home and window.scene.interaction is None
    release(window, end)
    assert journey.card("t1").emotions == {"maya": 1, "omar": 0}
    assert stack.count() == 1  # only the lane added above
    assert point.pos() == home


def test_a_stage_header_drag_cancelled_with_esc_keeps_the_order(window):
    scene, journey, stack = window.scene, window.document.journey, window.document.undo_stack
    header = scene.stage_headers["s1"]
    x = header.x()
    box = header.box.header
    start = view_point(window, box.x + 30, box.center[1])
    end = view_point(window, scene.layout.stages[2].header.center[0] + 20, box.center[1])
    press_and_move(window, start, end)
    assert header.x() > x  # follows the pointer
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert header.x() == x
    release(window, end)
    assert journey.stages.ids() == ["s1", "s2", "s3"] and stack.count() == 0


def test_a_lane_header_dragged_below_the_last_lane_moves_there_and_esc_keeps_it(window):
    scene, journey, stack = window.scene, window.document.journey, window.document.undo_stack
    box = scene.lane_headers["l-act"].box.header
    start = view_point(window, box.x + 60, box.y + 30)  # clear of the collapse triangle
    end = view_point(window, box.x + 60, scene.layout.lanes[-1].header.center[1] + 20)
    press_and_move(window, start, end)
    header = scene.lane_headers["l-act"]
    assert header.y() > box.y  # follows the pointer
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert header.y() == box.y
    release(window, end)
    lanes = ["l-act", "l-tp", "l-pain", "opportunities"]
    assert journey.lanes.ids() == lanes and stack.count() == 0
    press_and_move(window, start, end)
    release(window, end)
    assert journey.lanes.ids() == [*lanes[1:], "l-act"] and stack.count() == 1
    stack.undo()
    assert journey.lanes.ids() == lanes


def test_a_title_emptied_in_place_is_refused_with_a_message(window):
    journey, stack = window.document.journey, window.document.undo_stack
    problems: list[str] = []
    window.scene.problem.connect(problems.append)
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, card_center(window, "t4"))  # fmt: skip
    assert window.scene.focusItem() is not None  # the editor, all its text selected
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert journey.card("t4").title == "Support call" and stack.count() == 0
    assert problems == ["A card needs a title"]


def test_a_dragged_card_is_drawn_over_the_cards_it_passes(window, qtbot):
    scene = window.scene
    card = scene.cards["t1"]
    other = list(scene.cards)[-1]  # made last: at the cards' one z, drawn over the others
    z = card.zValue()
    start, end = card_center(window, "t1"), card_center(window, other)
    press_and_move(window, start, end)
    qtbot.waitUntil(lambda: scene.interaction is not None and card.pos() != card.home())
    over = [i for i in window.view.items(end) if i in scene.cards.values()]
    assert over[0] is card, [i.card_id for i in over]  # the dragged card, on top
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert card.zValue() == z  # back among the others
    release(window, end)
    assert card.zValue() == z
