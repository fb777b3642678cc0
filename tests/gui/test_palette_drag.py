"""Dragging from the palette: a card-shaped picture follows the pointer, the cell it
would land in lights up, and the card made there has the entry's channel and a title to
type over. QTest cannot run a real drag: the drag events are sent to the viewport."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

from gui.conftest import view_point
from mapper.canvas.inline_editor import InlineEditor
from mapper.canvas.view import PALETTE_MIME
from mapper.layout import theme as th
from mapper.model import CardKind, Entity
from mapper.ui.palette import PAYLOAD_ROLE

COPY = Qt.DropAction.CopyAction
LEFT, NO = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def palette_mime(payload: dict) -> QMimeData:
    mime = QMimeData()
    mime.setData(PALETTE_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def drag_over(window, mime: QMimeData, p: QPoint, enter: bool = False) -> None:
    viewport = window.view.viewport()
    kind = QDragEnterEvent if enter else QDragMoveEvent
    QApplication.sendEvent(viewport, kind(p, COPY, mime, LEFT, NO))


def highlights(window) -> list[QGraphicsRectItem]:
    return [
        item
        for item in window.scene.items()
        if isinstance(item, QGraphicsRectItem) and item.pen().style() == Qt.PenStyle.DashLine
    ]


def test_the_cell_under_a_dragged_card_lights_up_until_the_drag_leaves(window):
    layout = window.scene.layout
    mime = palette_mime({"kind": "touchpoint", "channel": "app"})
    cell = layout.cells[("s2", "l-act")]
    drag_over(window, mime, view_point(window, *cell.center), enter=True)
    (light,) = highlights(window)
    assert light.isVisible()
    assert (light.rect().x(), light.rect().y(), light.rect().width(), light.rect().height()) == (
        cell.x, cell.y, cell.width, cell.height,
    )  # fmt: skip
    other = layout.cells[("s3", "l-pain")]
    drag_over(window, mime, view_point(window, *other.center))
    assert light.rect().x() == other.x and light.rect().y() == other.y
    drag_over(window, mime, view_point(window, layout.width + 5, 10))  # off the grid
    assert not light.isVisible()
    QApplication.sendEvent(window.view.viewport(), QDragLeaveEvent())
    assert highlights(window) == [] and window.scene.interaction is None
    assert window.document.undo_stack.count() == 0


def test_a_mobile_app_card_dropped_has_that_channel_and_a_title_to_type_over(window):
    journey, layout = window.document.journey, window.scene.layout
    mime = palette_mime({"kind": "touchpoint", "channel": "app"})
    at = view_point(window, *layout.cells[("s2", "l-act")].center)
    window.palette_panel.setFocus()  # where a drag starts
    drag_over(window, mime, at, enter=True)
    drag_over(window, mime, at)
    QApplication.sendEvent(window.view.viewport(), QDropEvent(QPointF(at), COPY, mime, LEFT, NO))
    QApplication.processEvents()
    assert highlights(window) == []
    (new_id,) = window.scene.selected_ids(Entity.CARD)
    card = journey.card(new_id)
    assert (card.channel, card.title, card.kind) == ("app", "Mobile app touchpoint",
                                                     CardKind.TOUCHPOINT)  # fmt: skip
    assert (card.stage_id, card.lane_id) == ("s2", "l-act")
    editor = window.scene.focusItem()
    assert isinstance(editor, InlineEditor) and window.view.hasFocus()
    assert editor.textCursor().selectedText() == "Mobile app touchpoint"  # typing replaces it
    QTest.keyClicks(window.view.viewport(), "Books a slot")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.card(new_id).title == "Books a slot"
    assert window.undo_action.text() == "&Undo Rename card to 'Books a slot'"


def test_a_stage_dragged_in_shows_the_edge_it_would_go_in_at(window):
    layout = window.scene.layout
    mime = palette_mime({"kind": "stage"})
    s2 = layout.stages[1].header
    drag_over(window, mime, view_point(window, s2.x + 10, s2.center[1]), enter=True)
    (band,) = highlights(window)
    assert abs(band.rect().center().x() - s2.x) < 1 and band.rect().height() == layout.height
    at = view_point(window, s2.x + 10, s2.center[1])
    QApplication.sendEvent(window.view.viewport(), QDropEvent(QPointF(at), COPY, mime, LEFT, NO))
    assert window.document.journey.stages.ids()[1] not in ("s1", "s2", "s3")  # went in there


def test_the_palette_drags_a_picture_of_the_card_it_makes(window, monkeypatch):
    palette = window.palette_panel
    shown = {}

    def fake_exec(drag, *args):
        shown["pixmap"], shown["mime"] = drag.pixmap(), drag.mimeData()
        shown["hot"] = drag.hotSpot()
        return COPY

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    item = next(palette.item(i) for i in range(palette.count())
                if palette.item(i).text() == "Mobile app")  # fmt: skip
    assert item.data(PAYLOAD_ROLE) == {"kind": "touchpoint", "channel": "app"}
    palette.setCurrentItem(item)
    palette.startDrag(COPY)
    pixmap = shown["pixmap"]
    size = pixmap.deviceIndependentSize()
    assert (size.width(), size.height()) == (220, 52)  # a card at the canvas's width
    image = pixmap.toImage()
    ratio = pixmap.devicePixelRatio()
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners
    fill = image.pixelColor(round(200 * ratio), round(8 * ratio))
    expected = QColor(th.KIND_FILLS[CardKind.TOUCHPOINT])
    assert abs(fill.red() - expected.red()) < 12 and abs(fill.blue() - expected.blue()) < 12
    assert json.loads(bytes(shown["mime"].data(PALETTE_MIME)).decode()) == item.data(PAYLOAD_ROLE)
