"""Stage and lane headers: drag to reorder, drag a stage's right edge to resize,
double-click to rename, click a lane's triangle to collapse it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.host import host_of
from mapper.canvas.painting import draw_lines, qcolor
from mapper.edits import intents
from mapper.layout import LaneBox, StageBox
from mapper.layout import theme as th
from mapper.layout.metric_lines import metric_lines
from mapper.layout.text import line_height
from mapper.layout.wording import metric_parts, metrics_text
from mapper.model import Entity

EDGE = 6.0  # how close to a stage's right edge a press starts a resize
METRICS_SIZE = 9.0


class _Header(QGraphicsItem):
    """What stage and lane headers share: a box from the layout, a framed background."""

    def __init__(self, box: StageBox | LaneBox) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(50)  # above cards and emotion curves: headers stick over them
        self.box = box
        self.set_box(box)

    def set_box(self, box) -> None:
        self.prepareGeometryChange()
        self.box = box
        self.setPos(box.header.x, box.header.y)
        entity = box.stage if isinstance(box, StageBox) else box.lane
        tip = entity.description or entity.name
        if isinstance(box, StageBox) and not box.stage.metrics.is_empty():
            tip += "\n" + metrics_text(box.stage.metrics)
        self.setToolTip(tip)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.box.header.width, self.box.header.height)

    def _paint_frame(self, painter: QPainter, fill: str) -> QRectF:
        rect = self.boundingRect()
        painter.fillRect(rect, qcolor(fill))
        painter.setPen(QPen(qcolor(th.GRID_LINE), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        if self.isSelected():
            painter.setPen(QPen(qcolor(th.SELECTION), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        return rect

    def _begin_drag(self, event, resize: bool = False) -> None:
        """A left press may become a move (or a resize): the scene runs that gesture."""
        host = host_of(self)
        if host is not None and event.button() == Qt.MouseButton.LeftButton:
            host.begin_header_drag(self, event.scenePos(), resize)


class StageHeaderItem(_Header):
    box: StageBox

    @property
    def stage_id(self) -> str:
        return self.box.stage.id

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = self._paint_frame(painter, self.box.stage.color)
        painter.setPen(qcolor(th.INK))
        lines = self.box.name_lines
        metrics = self.metric_lines()
        extra = len(metrics) * line_height(METRICS_SIZE) + (2 if metrics else 0)
        top = (rect.height() - len(lines) * 14 * 1.3 - extra) / 2
        bottom = draw_lines(painter, lines, 10, top, 14, bold=True)
        if metrics:
            painter.setPen(qcolor(th.MUTED_INK))
            draw_lines(painter, tuple(metrics), 10, bottom + 2, METRICS_SIZE)

    def metric_lines(self) -> list[str]:
        """The stage's metrics under its name, whole: two lines under a one-line name, one
        under a two-line name; what does not fit is in the tooltip, never cut with "…"."""
        parts = metric_parts(self.box.stage.metrics)
        room = 2 if len(self.box.name_lines) == 1 else 1
        return metric_lines(parts, self.box.header.width - 20, METRICS_SIZE, room)

    def hoverMoveEvent(self, event) -> None:
        near_edge = event.pos().x() >= self.box.header.width - EDGE
        self.setCursor(Qt.CursorShape.SizeHorCursor if near_edge else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event) -> None:
        self._begin_drag(event, resize=event.pos().x() >= self.box.header.width - EDGE)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:
            host.edit_text(Entity.STAGE, self.stage_id)


class LaneHeaderItem(_Header):
    box: LaneBox

    @property
    def lane_id(self) -> str:
        return self.box.lane.id

    def _toggle_rect(self) -> QRectF:
        return QRectF(4, 6, 16, 16)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._paint_frame(painter, th.HEADER_FILL)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not getattr(self.scene(), "printing", False):  # the toggle is editor chrome
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(th.MUTED_INK))
            t = self._toggle_rect()
            if self.box.lane.collapsed:
                tri = [QPointF(t.left() + 5, t.top() + 3), QPointF(t.right() - 4, t.center().y()),
                       QPointF(t.left() + 5, t.bottom() - 3)]  # fmt: skip
            else:
                tri = [QPointF(t.left() + 3, t.top() + 5), QPointF(t.right() - 3, t.top() + 5),
                       QPointF(t.center().x(), t.bottom() - 4)]  # fmt: skip
            painter.drawPolygon(QPolygonF(tri))
        painter.setPen(qcolor(th.INK))
        draw_lines(painter, self.box.name_lines, 22, 6, 12, bold=True)

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        if event.button() == Qt.MouseButton.LeftButton and self._toggle_rect().contains(
            event.pos()
        ):
            if host is not None:
                host.push(intents.toggle_lane(host.journey, self.lane_id))
            event.accept()
            return
        self._begin_drag(event)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if host is not None and not self._toggle_rect().contains(event.pos()):
            host.edit_text(Entity.LANE, self.lane_id)
