"""Stage and lane headers dragged to another place, and a stage's right edge dragged to
another width: each a gesture that asks the edits layer for one change on release. On the
way the dragged header is drawn over the others, a band shows where it would go in (none
while it would stay), and a resize shows the edge the stage would get."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem

from mapper.canvas.header_items import LaneHeaderItem, StageHeaderItem
from mapper.canvas.interaction import Canvas, Interaction, past_drag_distance
from mapper.canvas.painting import qcolor
from mapper.edits import intents
from mapper.model.vocabulary import STAGE_WIDTH_MAX

DRAGGED_Z = 60.0  # a dragged header over every other header (50-52) and blueprint line
MARK_Z = 61.0


def _band(canvas: Canvas) -> QGraphicsRectItem:
    """The band a header would go in at (as a palette stage or lane shows it), hidden."""
    band = QGraphicsRectItem()
    band.setPen(QPen(qcolor(canvas.theme.selection), 2, Qt.PenStyle.DashLine))
    band.setBrush(qcolor(canvas.theme.selection, 40))
    band.setZValue(MARK_Z)
    band.hide()
    canvas.addItem(band)
    return band


def _drop(canvas: Canvas, *items: QGraphicsItem | None) -> None:
    for item in items:
        if item is not None and item.scene() is not None:
            canvas.removeItem(item)


class _HeaderMove(Interaction):
    """What moving a stage or a lane header shares: drawn on top while dragged, a band at
    the place it would take, both put back when the gesture ends."""

    def __init__(self, canvas: Canvas, header: StageHeaderItem | LaneHeaderItem,
                 press: QPointF) -> None:  # fmt: skip
        self.canvas, self.header, self.press = canvas, header, press
        self.dragging = False
        self.band: QGraphicsRectItem | None = None
        self._z = header.zValue()

    def move(self, pos: QPointF) -> None:
        if self.dragging or past_drag_distance(pos - self.press):
            if not self.dragging:
                self.dragging = True
                self.header.setZValue(DRAGGED_Z)
                self.band = _band(self.canvas)
            self.follow(pos)
            assert self.band is not None
            where = self.landing(pos)
            self.band.setVisible(where is not None)
            if where is not None:
                self.band.setRect(where)

    def follow(self, pos: QPointF) -> None:  # the header moves with the pointer
        raise NotImplementedError

    def landing(self, pos: QPointF) -> QRectF | None:  # the band, None: it would stay
        raise NotImplementedError

    def cancel(self) -> None:
        self.header.setZValue(self._z)
        _drop(self.canvas, self.band)
        self.band = None


class StageHeaderDrag(_HeaderMove):
    """A stage header follows the pointer sideways; let go, the stage takes that place."""

    header: StageHeaderItem

    def follow(self, pos: QPointF) -> None:
        self.header.setX(self.header.box.header.x + pos.x() - self.press.x())

    def landing(self, pos: QPointF) -> QRectF | None:
        canvas, stage_id = self.canvas, self.header.stage_id
        if intents.move_stage(canvas.journey, canvas.layout, stage_id, pos.x()) is None:
            return None
        others = [b.header for b in canvas.layout.stages if b.stage.id != stage_id]
        index = sum(1 for h in others if h.center[0] < pos.x())  # as move_stage counts
        x = others[index].x if index < len(others) else others[-1].right
        return QRectF(x - 3, 0, 6, canvas.layout.height)

    def end(self, pos: QPointF) -> None:
        if self.dragging:
            self.cancel()  # where the model puts it, if it accepts the move
            canvas = self.canvas
            stage_id = self.header.stage_id
            canvas.push(intents.move_stage(canvas.journey, canvas.layout, stage_id, pos.x()))

    def cancel(self) -> None:
        super().cancel()
        self.header.setX(self.header.box.header.x)


class StageResize(Interaction):
    """A drag of a stage header's right edge: a line shows the edge the stage would get;
    let go, the stage takes that width."""

    def __init__(self, canvas: Canvas, header: StageHeaderItem, press: QPointF) -> None:
        self.canvas, self.header, self.press = canvas, header, press
        self.dragging = False
        self.edge: QGraphicsLineItem | None = None

    def width_at(self, pos: QPointF) -> float:
        return max(120.0, min(STAGE_WIDTH_MAX, pos.x() - self.header.box.header.x))

    def move(self, pos: QPointF) -> None:
        self.dragging = self.dragging or past_drag_distance(pos - self.press)
        if not self.dragging:
            return
        if self.edge is None:
            self.edge = QGraphicsLineItem()
            self.edge.setPen(QPen(qcolor(self.canvas.theme.selection), 2))
            self.edge.setZValue(MARK_Z)
            self.canvas.addItem(self.edge)
        x = self.header.box.header.x + self.width_at(pos)
        self.edge.setLine(x, self.header.box.header.y, x, self.canvas.layout.height)

    def end(self, pos: QPointF) -> None:
        self.cancel()
        if self.dragging:
            canvas = self.canvas
            width = self.width_at(pos)
            canvas.push(intents.resize_stage(canvas.journey, self.header.stage_id, width))

    def cancel(self) -> None:
        _drop(self.canvas, self.edge)
        self.edge = None


class LaneHeaderDrag(_HeaderMove):
    """A lane header follows the pointer up or down; let go, the lane takes that place."""

    header: LaneHeaderItem

    def follow(self, pos: QPointF) -> None:
        self.header.setY(self.header.box.header.y + pos.y() - self.press.y())

    def landing(self, pos: QPointF) -> QRectF | None:
        canvas, lane_id = self.canvas, self.header.lane_id
        if intents.move_lane(canvas.journey, canvas.layout, lane_id, pos.y()) is None:
            return None
        above = [b.header for b in canvas.layout.lanes
                 if b.lane.id != lane_id and b.header.center[1] < pos.y()]  # fmt: skip
        y = above[-1].bottom if above else canvas.layout.lanes[0].header.y
        return QRectF(0, y - 3, canvas.layout.width, 6)

    def end(self, pos: QPointF) -> None:
        if self.dragging:
            self.cancel()
            canvas = self.canvas
            lane_id = self.header.lane_id
            canvas.push(intents.move_lane(canvas.journey, canvas.layout, lane_id, pos.y()))

    def cancel(self) -> None:
        super().cancel()
        self.header.setY(self.header.box.header.y)
