"""The canvas driven with real mouse and keyboard events on the view's viewport."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from gui.conftest import card_center, drag, mouse_move, view_point
from mapper.canvas.view import PALETTE_MIME
from mapper.fileformat import dumps_journey
from mapper.model import Entity


def test_scene_mirrors_the_model(window):
    scene, journey = window.scene, window.document.journey
    assert set(scene.cards) == {c.id for c in journey.cards()}
    assert set(scene.flows) == {f.id for f in journey.flows()}
    assert set(scene.stage_headers) == set(journey.stages.ids())
    for card_id, item in scene.cards.items():
        box = scene.layout.cards[card_id]
        assert (item.pos().x(), item.pos().y()) == (box.rect.x, box.rect.y)


def test_move_a_card_to_another_stage(window):
    journey = window.document.journey
    before = dumps_journey(journey)
    target = window.scene.layout.cells[("s3", "l-act")]
    drag(window, card_center(window, "t1"), view_point(window, *target.center))
    assert journey.card_position("t1")[:2] == ("s3", "l-act")
    assert window.document.undo_stack.count() == 1
    assert window.scene.cards["t1"].pos().x() == window.scene.layout.cards["t1"].rect.x
    window.document.undo_stack.undo()
    assert dumps_journey(journey) == before


def test_reorder_within_a_cell(window):
    journey = window.document.journey
    assert [c.id for c in journey.cards_in_cell("s2", "l-tp")] == ["t2", "t3"]
    top = window.scene.layout.cards["t2"].rect
    drag(window, card_center(window, "t3"), view_point(window, top.center[0], top.y + 2))
    assert [c.id for c in journey.cards_in_cell("s2", "l-tp")] == ["t3", "t2"]


def test_a_tiny_drag_is_not_a_move(window):
    start = card_center(window, "t1")
    drag(window, start, start + type(start)(1, 1), steps=1)
    assert window.document.undo_stack.count() == 0
    assert window.scene.cards["t1"].pos() == window.scene.cards["t1"].home()


def test_drop_from_the_palette_creates_a_card(window):
    journey = window.document.journey
    cell = window.scene.layout.cells[("s3", "l-tp")]
    pos = QPointF(view_point(window, *cell.center))
    mime = QMimeData()
    mime.setData(PALETTE_MIME, json.dumps({"kind": "touchpoint", "channel": "email"}).encode())
    viewport = window.view.viewport()
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(pos.toPoint(), actions, mime, buttons, mods),
        QDragMoveEvent(pos.toPoint(), actions, mime, buttons, mods),
        QDropEvent(pos, actions, mime, buttons, mods),
    ):
        QApplication.sendEvent(viewport, event)
    cards = journey.cards_in_cell("s3", "l-tp")
    assert len(cards) == 2 and cards[-1].channel == "email"
    assert cards[-1].id in window.scene.cards


def test_connect_two_cards_with_the_handle(window):
    journey = window.document.journey
    item = window.scene.cards["a1"]
    item.setSelected(True)  # the handle shows on hover or selection
    box = window.scene.layout.cards["a1"].rect
    start = view_point(window, box.right, box.center[1])
    drag(window, start, card_center(window, "t4"))
    assert journey.graph.has_edge("a1", "t4")
    window.document.undo_stack.undo()
    assert not journey.graph.has_edge("a1", "t4")


def test_drag_an_emotion_point(window):
    from mapper.edits import Insert
    from mapper.model import Entity, Lane, LaneKind

    journey = window.document.journey
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    window.document.undo_stack.setClean()
    lane = window.scene.layout.emotion_lane
    assert lane is not None and lane.lane.id == "emo"
    point = next(i for i in window.scene.emotion_points()
                 if i.card_id == "t1" and i.persona_id == "maya")  # fmt: skip
    assert point.point.score == 1
    window.view.centerOn(point.pos())
    QApplication.processEvents()
    start = window.view.mapFromScene(point.pos())
    end = view_point(window, point.pos().x(), lane.row.bottom - 5)  # far below: snaps to -3
    drag(window, start, end)
    assert journey.card("t1").emotions == {"maya": -3, "omar": 0}
    assert journey.card("t1").sentiment("maya").value == "pain"
    window.document.undo_stack.undo()
    assert journey.card("t1").emotions["maya"] == 1


def test_rubber_band_select_and_delete(window):
    journey = window.document.journey
    before = dumps_journey(journey)
    s2 = window.scene.layout.cells[("s2", "l-tp")]
    start = view_point(window, s2.x + 2, s2.y + 2)
    end = view_point(window, s2.right - 2, s2.bottom - 2)
    drag(window, start, end)
    assert set(window.scene.selected_ids(Entity.CARD)) == {"t2", "t3"}
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not journey.has_card("t2") and not journey.has_card("t3")
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert dumps_journey(journey) == before


def test_edit_a_title_in_place(window, qtbot):
    journey = window.document.journey
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, card_center(window, "t4"))  # fmt: skip
    editor = window.scene.focusItem()
    assert editor is not None
    QTest.keyClicks(window.view, "Hotline & <callback>")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert journey.card("t4").title == "Hotline & <callback>"
    window.document.undo_stack.undo()
    assert journey.card("t4").title == "Support call"


def test_flows_follow_a_dragged_card_and_a_marker_shows_the_drop(window, qtbot):

    flow = window.scene.flows["f1"]  # t1 -> t2
    before = flow.route.curve
    viewport = window.view.viewport()
    start = card_center(window, "t1")
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    target = window.scene.layout.cells[("s3", "l-pain")]
    end = view_point(window, *target.center)
    for i in range(1, 6):
        mouse_move(window, start + (end - start) * (i / 5), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.route.curve != before, timeout=2000)  # the arrow follows
    drag = window.scene.interaction
    assert drag.marker.isVisible()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert window.scene.interaction is None
    assert drag.marker.scene() is None or not drag.marker.isVisible()
    assert window.document.journey.card_position("t1")[:2] == ("s3", "l-pain")


def test_dropping_a_journey_file_on_the_window_opens_it(window, manager, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDropEvent

    from mapper.fileformat import save_journey
    from mapper.model import JourneyMap, MapInfo

    path = tmp_path / "dropped.journey"
    save_journey(JourneyMap(MapInfo(title="Dropped")), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert [w.document.journey.info.title for w in manager.windows][-1] == "Dropped"


def test_template_chooser_shows_every_template_with_a_thumbnail(qtbot):
    from mapper.templates import available_templates
    from mapper.ui.template_dialog import TemplateDialog

    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(available_templates()) >= 4
    assert all(not dialog.list.item(i).icon().isNull() for i in range(dialog.list.count()))
    assert dialog.chosen() == "customer-journey"


def test_template_thumbnails_are_sharp_on_a_high_dpi_screen(qtbot, monkeypatch):
    from mapper.ui.template_dialog import THUMB, TemplateDialog

    monkeypatch.setattr(TemplateDialog, "devicePixelRatioF", lambda _self: 2.0)
    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    icon = dialog.list.item(0).icon()
    # drawn with two pixels a point, not drawn at one and scaled up (blurred text)
    assert icon.availableSizes() == [THUMB * 2]
    assert icon.pixmap(THUMB, 2.0).devicePixelRatio() == 2.0


def test_ctrl_wheel_zooms_and_middle_drag_pans(window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    view, viewport = window.view, window.view.viewport()
    before = view.zoom()
    center = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        center,
        QPointF(viewport.mapToGlobal(center.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert view.zoom() > before * 1.2
    assert window.zoom_label.text() == f"{view.zoom() * 100:.0f}%"
    view.set_zoom(2.0)
    h = view.horizontalScrollBar()
    h.setValue(h.maximum() // 2)
    start_value = h.value()
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    a, b = QPointF(400, 300), QPointF(300, 300)
    QApplication.sendEvent(
        viewport,
        QMouseEvent(
            QEvent.Type.MouseButtonPress,
            a,
            a,
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.MiddleButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    QApplication.sendEvent(
        viewport,
        QMouseEvent(
            QEvent.Type.MouseMove,
            b,
            b,
            Qt.MouseButton.NoButton,
            Qt.MouseButton.MiddleButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    QApplication.sendEvent(
        viewport,
        QMouseEvent(
            QEvent.Type.MouseButtonRelease,
            b,
            b,
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert h.value() == start_value + 100
    assert window.document.undo_stack.count() == 0  # panning is not an edit


def test_space_drag_pans_instead_of_selecting(window):
    view = window.view
    view.set_zoom(2.0)
    view.setFocus()
    QTest.keyPress(view, Qt.Key.Key_Space)
    assert view.dragMode() == view.DragMode.ScrollHandDrag
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert view.dragMode() == view.DragMode.RubberBandDrag


def test_fit_and_actual_size(window):
    window.actions_["zoom_100"].trigger()
    assert window.view.zoom() == 1.0
    window.actions_["zoom_fit"].trigger()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.itemsBoundingRect().adjusted(10, 10, -10, -10))


def test_click_ctrl_click_and_shift_click_select(window):
    viewport = window.view.viewport()
    no, ctrl, shift = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier,
                       Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, no, card_center(window, "t1"))
    assert window.scene.selected_ids(Entity.CARD) == ["t1"]
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, ctrl, card_center(window, "t2"))
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, shift, card_center(window, "t4"))
    assert set(window.scene.selected_ids(Entity.CARD)) == {"t1", "t2", "t4"}
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, shift, card_center(window, "t4"))
    assert set(window.scene.selected_ids(Entity.CARD)) == {"t1", "t2", "t4"}  # shift only adds
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, ctrl, card_center(window, "t2"))
    assert set(window.scene.selected_ids(Entity.CARD)) == {"t1", "t4"}  # ctrl toggles
    assert window.selection_label.text() == "2 selected"


def test_a_card_dropped_from_the_palette_is_selected(window):
    cell = window.scene.layout.cells[("s1", "l-pain")]
    new_id = window.scene.create_from_palette({"kind": "pain_point"}, QPointF(*cell.center))
    assert window.scene.selected_ids(Entity.CARD) == [new_id]
    assert window.inspector.kind is Entity.CARD and window.inspector.item_id == new_id


def test_flow_labels_come_and_go_with_their_flows(window):
    from mapper.canvas.flow_item import FlowLabelItem

    def labels():
        return {i.flow.flow_id for i in window.scene.items() if isinstance(i, FlowLabelItem)}

    assert {"f1", "f4"} <= labels()  # the labelled flows
    window.scene.flows["f1"].setSelected(True)
    window.edit.delete_selection()
    assert "f1" not in labels()
    window.document.undo_stack.undo()
    assert "f1" in labels()


def test_only_labelled_flows_have_a_label_item(window):
    """Empty label items at the map's origin used to be asked to paint on every repaint of
    that corner (a third of the cost of dragging a card on a big map), and a label item
    for each of 26,000 flows slowed opening a big map: unlabelled flows have none."""
    from mapper.edits import Update

    flows = window.scene.flows
    assert flows["f1"].label.isVisible() and flows["f4"].label.isVisible()
    unlabelled = [fid for fid, item in flows.items() if not item.route.flow.label]
    assert unlabelled and all(flows[fid].label is None for fid in unlabelled)
    fid = unlabelled[0]
    window.document.try_push(Update(window.document.journey, Entity.FLOW, fid, {"label": "calls"}))
    label = window.scene.flows[fid].label
    assert label is not None and label.isVisible() and label.scene() is window.scene
    window.document.undo_stack.undo()
    assert window.scene.flows[fid].label is None and label.scene() is None


def test_stage_headers_show_their_metrics(window):
    from PySide6.QtGui import QImage, QPainter

    from mapper.model import Metrics

    def picture() -> QImage:
        header = window.scene.stage_headers["s1"]
        rect = header.boundingRect()
        image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        header.paint(painter, QStyleOptionGraphicsItem())
        painter.end()
        return image

    with_metrics = picture()  # the sample's first stage has an NPS
    window.document.journey.update(Entity.STAGE, "s1", metrics=Metrics())
    without = picture()
    assert with_metrics != without
    window.document.journey.update(Entity.STAGE, "s1", metrics=Metrics(nps=12.5))
    assert picture() == with_metrics


def test_headers_stay_in_view_while_the_map_scrolls(window):
    view, scene = window.view, window.scene
    window.resize(1600, 700)  # the sample map scrolls both ways at 200 %
    QApplication.processEvents()
    view.set_zoom(2.0)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    stage = scene.stage_headers["s3"]
    lane = scene.lane_headers["l-pain"]
    assert stage.y() == pytest.approx(visible.top())  # pinned to the top edge
    assert lane.x() == pytest.approx(visible.left())  # pinned to the left edge
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    assert stage.y() == stage.box.header.y and lane.x() == lane.box.header.x


def test_zoomed_in_far_the_headers_scroll_away_and_leave_the_view_to_the_map(window):
    view, scene = window.view, window.scene
    window.resize(1600, 700)  # a view about 970 x 620 px
    QApplication.processEvents()
    view.set_zoom(4.0)  # lane names 640 px wide, stage names 256 px high
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    stage = scene.stage_headers["s3"]
    lane = scene.lane_headers["l-pain"]
    assert (stage.y(), lane.x()) == (stage.box.header.y, lane.box.header.x)  # with the map
    assert not stage.sceneBoundingRect().intersects(visible)
    assert not lane.sceneBoundingRect().intersects(visible)
    assert not scene.corner.sceneBoundingRect().intersects(visible)
    view.set_zoom(1.5)  # zoomed out again: pinned again
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert (stage.y(), lane.x()) == pytest.approx((visible.top(), visible.left()))
    assert scene.corner.pos() == visible.topLeft()


def _scrolled_into(bar, inside) -> bool:
    """Scroll with ``bar`` to the first place where ``inside()`` holds."""
    for value in range(bar.minimum(), bar.maximum() + 1, 4):
        bar.setValue(value)
        if inside():
            return True
    return False


def test_a_name_keeps_to_the_part_of_its_lane_or_stage_in_view(window, qtbot):
    view, scene = window.view, window.scene
    window.resize(1600, 700)
    QApplication.processEvents()
    view.set_zoom(2.0)  # the bands of names pinned, the map scrolling under them
    style = scene.layout.style
    lane = max(scene.lane_headers.values(), key=lambda h: h.box.header.height)
    top, height = lane.box.header.y, lane.box.header.height

    def shown_top() -> float:
        return (
            view.mapToScene(view.viewport().rect()).boundingRect().top() + style.stage_header_height
        )

    # the lane's top is under the stage names, the rest of it in view
    assert _scrolled_into(
        view.verticalScrollBar(), lambda: top + 30 < shown_top() < top + height - 100
    )
    assert lane.inset == pytest.approx(shown_top() - top)  # its name at the top of what shows
    assert lane.inset + lane.content_height() <= height
    toggle = lane.mapToScene(lane._toggle_rect().center())  # the triangle came along
    assert toggle.y() > shown_top()
    collapsed = lane.box.lane.collapsed
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(toggle))
    assert scene.journey.lanes.get(lane.lane_id).collapsed != collapsed
    window.document.undo_stack.undo()
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    assert scene.lane_headers[lane.lane_id].inset == 0

    stage = max(scene.stage_headers.values(), key=lambda h: h.box.header.width)
    left, width = stage.box.header.x, stage.box.header.width

    def shown_left() -> float:
        return (
            view.mapToScene(view.viewport().rect()).boundingRect().left() + style.lane_header_width
        )

    assert _scrolled_into(view.horizontalScrollBar(), lambda: left + 10 < shown_left() < left + 60)
    assert stage.inset == pytest.approx(min(shown_left() - left, width - stage.content_width()))
    assert stage.inset > 0
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    assert stage.inset == 0


def _on_screen(window):
    """The viewport's pixels as the window shows them (not painted afresh, as grab does)."""
    viewport = window.view.viewport()
    origin = viewport.mapTo(window, QPoint(0, 0))
    return (
        window.screen()
        .grabWindow(window.winId(), origin.x(), origin.y(), viewport.width(), viewport.height())
        .toImage()
    )


@pytest.mark.parametrize("vertical", [True, False])
def test_scrolling_leaves_no_copies_of_the_focus_frame_behind(window, qtbot, vertical):
    view = window.view
    view.set_zoom(2.0)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QApplication.processEvents()
    bar = view.verticalScrollBar() if vertical else view.horizontalScrollBar()
    for _ in range(3):  # Qt moves the pixels already shown, the frame's among them
        bar.setValue(bar.value() + 60)
        QApplication.processEvents()
    scrolled = _on_screen(window)
    view.viewport().repaint()
    assert scrolled == _on_screen(window)


def test_cards_dragged_together_show_a_line_in_every_cell_they_land_in(window, qtbot):
    """Each dragged card lands where its middle is let go: the lines say where all go."""
    from PySide6.QtWidgets import QGraphicsLineItem

    scene, journey = window.scene, window.document.journey
    scene.select_ids(["a1", "t1"])  # an action above a touchpoint, both in s1
    viewport = window.view.viewport()
    start = card_center(window, "t1")
    t1 = scene.layout.cards["t1"].rect
    end = view_point(window, scene.layout.stages[2].header.center[0], t1.center[1] + 4)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        mouse_move(window, start + (end - start) * (i / 5), Qt.MouseButton.LeftButton)

    def lines() -> set[tuple[str, str]]:
        return {
            cell
            for item in scene.items()
            if isinstance(item, QGraphicsLineItem) and item.zValue() == 90 and item.isVisible()
            for cell, box in scene.layout.cells.items()
            if box.contains((item.line().center().x(), item.line().center().y()))
        }

    qtbot.waitUntil(lambda: len(lines()) == 2, timeout=2000)
    assert lines() == {("s3", "l-act"), ("s3", "l-tp")}
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert journey.card_position("a1")[:2] == ("s3", "l-act")
    assert journey.card_position("t1")[:2] == ("s3", "l-tp")
    assert not any(isinstance(i, QGraphicsLineItem) and i.zValue() == 90 for i in scene.items())
