"""Canvas gestures as small objects with start / move / end / cancel: dragging cards,
drawing a flow, dropping from the palette (headers: ``header_drags``; emotion points:
``emotion_drag``). Each asks the edits layer for at most one change, on release."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QPen

from mapper.canvas.card_item import CardItem
from mapper.canvas.interaction import Canvas, Interaction, past_drag_distance
from mapper.canvas.painting import qcolor, qrect
from mapper.edits import EditRefused, intents, palette
from mapper.layout import FlowRoute, Rect
from mapper.layout.routes import route
from mapper.model import Card, Entity

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem

__all__ = [
    "CardDrag",
    "FlowDrawing",
    "FlowFromMenu",
    "Interaction",
    "PaletteDrop",
]


DRAGGED_ABOVE = 1.0  # dragged cards' z over the others' (under flows being drawn, z 100)


def _center(item: CardItem) -> tuple[float, float]:
    rect = item.box.rect
    return item.pos().x() + rect.width / 2, item.pos().y() + rect.height / 2


def _line() -> QGraphicsLineItem:
    """A line item for a gesture's marks. PySide makes the type of the shape items (and
    their enums) when first imported: with the first gesture, not before a first frame."""
    from PySide6.QtWidgets import QGraphicsLineItem

    return QGraphicsLineItem()


def _rect() -> QGraphicsRectItem:
    """A rectangle item for a gesture's marks (see :func:`_line`)."""
    from PySide6.QtWidgets import QGraphicsRectItem

    return QGraphicsRectItem()


# ------------------------------------------------------------------ cards
class CardDrag(Interaction):
    """Qt moves the selected cards; their flows follow and a line shows where they would
    land. Released past the start-drag distance, they move as one change; let go off the
    grid (or cancelled), everything goes back."""

    lets_items_move = True

    def __init__(self, canvas: Canvas, grabbed: CardItem) -> None:
        self.canvas, self.grabbed = canvas, grabbed
        self.moving: set[str] = set()
        self._raised: list[tuple[CardItem, float]] = []  # cards drawn on top, their z
        self.marker = _line()
        self.marker.setPen(QPen(qcolor(canvas.theme.selection), 3, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))  # fmt: skip
        self.marker.setZValue(90)
        self.marker.hide()
        # the lines in the other cells where dragged cards would land (those not in the
        # grabbed card's cell: each card lands where its middle is let go)
        self.others: list[QGraphicsLineItem] = []
        # flows follow at ~25 frames a second: each re-route repaints long curves
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._reroute_flows)

    def start(self) -> None:
        self.canvas.addItem(self.marker)

    def _moved(self) -> list[CardItem]:
        return [item for item in self.canvas.cards.values() if item.pos() != item.home()]

    def move(self, pos: QPointF) -> None:
        canvas = self.canvas
        moved = {i.card_id for i in canvas.selectedItems() if isinstance(i, CardItem)
                 and i.pos() != i.home()}  # fmt: skip
        if not moved:
            return
        canvas.dragging = True  # flows draw faster meanwhile
        self.moving = moved
        if not self._raised:  # over the cards they pass (all cards are at one z)
            self._raised = [(i, i.zValue()) for i in canvas.selectedItems()
                            if isinstance(i, CardItem) and i.card_id in moved]  # fmt: skip
            for item, z in self._raised:
                item.setZValue(z + DRAGGED_ABOVE)
        if not self._timer.isActive():
            self._timer.start()
        if len(moved) > 1:
            return  # the lines in every cell they would land in follow with the flows
        target = intents.drop_target(canvas.journey, canvas.layout, _center(self.grabbed), moved)
        if target is None:
            self.marker.hide()
            return
        self._show_marker(*target)

    def _mark_cells(self) -> None:
        """Several cards dragged: a line in every cell one of them would land in, at the
        top of the block they would make there (as ``intents.drop_cards`` places them)."""
        canvas = self.canvas
        cells: dict[tuple[str, str], int] = {}
        for card_id in self.moving:
            item = canvas.cards.get(card_id)
            if item is None:
                continue
            target = intents.drop_target(canvas.journey, canvas.layout, _center(item), self.moving)
            if target is not None:
                cell = target[:2]
                cells[cell] = min(target[2], cells.get(cell, target[2]))
        own = intents.drop_target(canvas.journey, canvas.layout, _center(self.grabbed),
                                  self.moving)  # fmt: skip
        if own is None:
            self.marker.hide()
        else:  # the grabbed card's cell has the first line
            self._show_marker(*own[:2], cells.pop(own[:2], own[2]))
        while len(self.others) < len(cells):
            line = _line()
            line.setPen(self.marker.pen())
            line.setZValue(self.marker.zValue())
            self.canvas.addItem(line)
            self.others.append(line)
        for line, ((stage_id, lane_id), index) in zip(self.others, cells.items(), strict=False):
            self._show_marker(stage_id, lane_id, index, line)
        for line in self.others[len(cells) :]:
            line.hide()

    def _show_marker(self, stage_id: str, lane_id: str, index: int,
                     marker: QGraphicsLineItem | None = None) -> None:  # fmt: skip
        marker = self.marker if marker is None else marker
        layout = self.canvas.layout
        cell = layout.cells[(stage_id, lane_id)]
        others = [c for c in self.canvas.journey.cards_in_cell(stage_id, lane_id)
                  if c.id not in self.moving]  # fmt: skip
        gap, pad = layout.style.card_gap, layout.style.cell_padding
        if index < len(others):
            y = layout.cards[others[index].id].rect.y - gap / 2
        elif others:
            y = layout.cards[others[-1].id].rect.bottom + gap / 2
        else:
            y = cell.y + pad / 2
        marker.setLine(cell.x + pad, y, cell.right - pad, y)
        marker.show()

    def _reroute_flows(self) -> None:
        if not self.canvas.dragging:
            return
        if len(self.moving) > 1:
            self._mark_cells()
        for item in self.canvas.flows.values():
            flow = item.route.flow
            if flow.source in self.moving or flow.target in self.moving:
                curve = route(self._live_rect(flow.source), self._live_rect(flow.target))
                item.set_route(FlowRoute(flow, curve))

    def _live_rect(self, card_id: str) -> Rect:
        item = self.canvas.cards[card_id]
        rect = item.box.rect
        return Rect(item.pos().x(), item.pos().y(), rect.width, rect.height)

    def _finish(self) -> None:
        self._timer.stop()
        raised, self._raised = self._raised, []
        for item, z in raised:
            if shiboken6.isValid(item):
                item.setZValue(z)
        for line in (self.marker, *self.others):
            if line.scene() is not None:
                self.canvas.removeItem(line)
        self.others = []
        if self.canvas.dragging:
            self.canvas.dragging = False
            self.canvas.update()  # flows drawn smooth again

    def end(self, pos: QPointF) -> None:
        self._finish()
        moved = self._moved()
        if not moved:
            return
        if not past_drag_distance(max((i.pos() - i.home() for i in moved),
                                       key=QPointF.manhattanLength)):  # fmt: skip
            for item in moved:
                item.setPos(item.home())
            return
        centers = {item.card_id: _center(item) for item in moved}
        for item in moved:
            item.setPos(item.home())  # the model decides where it ends up
        canvas = self.canvas
        if not canvas.push(intents.drop_cards(canvas.journey, canvas.layout, centers)):
            canvas.sync()  # dropped off the grid: cards and the flows that followed go back

    def cancel(self) -> None:
        self._finish()
        if self._moved():
            self.canvas.sync()  # cards and the flows that followed go back


# ------------------------------------------------------------------ flows
class FlowDrawing(Interaction):
    """From a card's handle, a dashed line to the pointer; let go on another card, a flow."""

    def __init__(self, canvas: Canvas, source_id: str, pos: QPointF) -> None:
        self.canvas, self.source_id, self.pos = canvas, source_id, pos
        self.line = _line()
        self.line.setPen(QPen(qcolor(canvas.theme.selection), 2, Qt.PenStyle.DashLine))
        self.line.setZValue(100)

    def start(self) -> None:
        self.canvas.addItem(self.line)
        self.move(self.pos)

    def move(self, pos: QPointF) -> None:
        start = self.canvas.cards.get(self.source_id)
        if start is not None:
            origin = start.pos() + QPointF(start.box.rect.width, start.box.rect.height / 2)
            self.line.setLine(origin.x(), origin.y(), pos.x(), pos.y())

    def end(self, pos: QPointF) -> None:
        self.cancel()
        canvas = self.canvas
        try:
            change = intents.connect(canvas.journey, self.source_id, canvas.card_at(pos))
        except EditRefused as exc:
            canvas.report(str(exc))
            return
        canvas.push(change)

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.canvas.removeItem(self.line)


class FlowFromMenu(FlowDrawing):
    """Start a flow from a card's menu: the dashed line follows the pointer with no
    button held; a click on another card makes the flow, a click elsewhere (or Esc) none."""

    ends_on_press = True

    def __init__(self, canvas: Canvas, source_id: str) -> None:
        item = canvas.cards[source_id]
        start = item.pos() + QPointF(item.box.rect.width + 40, item.box.rect.height / 2)
        super().__init__(canvas, source_id, start)


# ---------------------------------------------------------------- palette
class PaletteDrop(Interaction):
    """A palette entry dragged over the canvas and let go: the cell a card would land in
    lights up on the way (a stage or lane shows the line it would go in at); let go, a new
    card in that cell (selected, its title being typed over), or a new stage or lane at
    that place."""

    def __init__(self, canvas: Canvas, payload: Mapping[str, Any]) -> None:
        self.canvas, self.payload = canvas, payload
        self.created: str | None = None
        self.highlight = _rect()
        self.highlight.setPen(QPen(qcolor(canvas.theme.selection), 2, Qt.PenStyle.DashLine))
        self.highlight.setBrush(qcolor(canvas.theme.selection, 40))
        self.highlight.setZValue(5)  # over the grid, under the cards
        self.highlight.hide()

    def start(self) -> None:
        self.canvas.addItem(self.highlight)

    def move(self, pos: QPointF) -> None:
        box = self.target_rect(pos)
        if box is None:
            self.highlight.hide()
            return
        self.highlight.setRect(box)
        self.highlight.show()

    def target_rect(self, pos: QPointF) -> QRectF | None:
        """What lights up for a drop at ``pos``: a card's cell, or a thin band where a
        stage or lane would go in; None off the grid."""
        layout, kind = self.canvas.layout, self.payload.get("kind")
        if kind == "stage" and layout.stages:  # the edge it goes in at, as palette_drop counts
            xs = [b.header.x for b in layout.stages] + [layout.stages[-1].header.right]
            x = xs[sum(1 for b in layout.stages if b.header.center[0] < pos.x())]
            return QRectF(x - 3, 0, 6, layout.height)
        if kind == "lane" and layout.lanes:
            ys = [b.header.y for b in layout.lanes] + [layout.lanes[-1].header.bottom]
            y = ys[sum(1 for b in layout.lanes if b.header.center[1] < pos.y())]
            return QRectF(0, y - 3, layout.width, 6)
        cell = layout.cell_at((pos.x(), pos.y()))
        return qrect(layout.cells[cell]) if cell is not None else None

    def cancel(self) -> None:
        if self.highlight.scene() is not None:
            self.canvas.removeItem(self.highlight)

    def end(self, pos: QPointF) -> None:
        self.cancel()
        canvas = self.canvas
        try:
            change = palette.palette_drop(canvas.journey, canvas.layout, self.payload,
                                          (pos.x(), pos.y()))  # fmt: skip
        except EditRefused as exc:
            canvas.report(str(exc))
            return
        if not canvas.push(change):
            return
        self.created = change.entity.id
        if isinstance(change.entity, Card):
            canvas.select_ids([change.entity.id])
            canvas.edit_text(Entity.CARD, change.entity.id)  # a title to type over
