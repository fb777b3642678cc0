"""A flow between two cards: a curved arrow with an optional label."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle

from mapper.canvas.host import host_of
from mapper.canvas.painting import qcolor, qfont, qrect
from mapper.layout import Bezier, FlowRoute
from mapper.layout import theme as th
from mapper.layout.labels import (
    LABEL_HEIGHT,
    LABEL_MAX_WIDTH,
    LABEL_PADDING,
    LABEL_SIZE,
    FlowLabel,
)
from mapper.layout.text import elide, text_width
from mapper.model import Entity

ARROW = 9.0


def bezier_path(curve: Bezier) -> QPainterPath:
    path = QPainterPath(QPointF(*curve.p0))
    path.cubicTo(QPointF(*curve.c1), QPointF(*curve.c2), QPointF(*curve.p3))
    return path


def arrow_head(curve: Bezier) -> QPolygonF:
    tip = QPointF(*curve.p3)
    dx, dy = curve.p3[0] - curve.c2[0], curve.p3[1] - curve.c2[1]
    if abs(dx) + abs(dy) < 1e-6:
        dx, dy = curve.p3[0] - curve.p0[0], curve.p3[1] - curve.p0[1]
    angle = math.atan2(dy, dx)
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.4), tip.y() - ARROW * math.sin(angle - 0.4))
    right = QPointF(
        tip.x() - ARROW * math.cos(angle + 0.4), tip.y() - ARROW * math.sin(angle + 0.4)
    )
    return QPolygonF([tip, left, right])


class FlowItem(QGraphicsItem):
    def __init__(self, route: FlowRoute, label: FlowLabel | None = None) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        self.hovered = False
        self.label = FlowLabelItem(self)
        self.route = route
        self._path = QPainterPath()
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self.set_route(route, label)

    @property
    def flow_id(self) -> str:
        return self.route.flow.id

    def set_route(self, route: FlowRoute, label: FlowLabel | None = None) -> None:
        """``label``: where the shared layout put the label (off cards and other labels);
        without one (while dragging) it sits in the middle of the curve."""
        self.prepareGeometryChange()
        self.route = route
        self.placed_label = label
        self._path = bezier_path(route.curve)
        self._shape = None  # the wide hit area is built when first asked for
        self._bounds = self._path.boundingRect().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        self.label.place(route, label)
        self.setToolTip(route.flow.label)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = qcolor(th.SELECTION) if selected else qcolor(th.FLOW, 170)
        # While cards are dragged, flows repaint on every mouse move: without antialiasing
        # a long curve costs a tenth (the frame budget is 16 ms); it is smooth again on drop.
        dragging = getattr(self.scene(), "dragging", False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dragging)
        width = 0.0 if dragging else (2.4 if selected else 1.6)  # 0: a fast 1-pixel line
        painter.setPen(QPen(color, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(arrow_head(self.route.curve))

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()
        self.label.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()
        self.label.update()

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:
            host.edit_text(Entity.FLOW, self.flow_id)


class FlowLabelItem(QGraphicsItem):
    """A flow's label, drawn above the cards (it may have had to cover one)."""

    def __init__(self, flow: FlowItem) -> None:
        super().__init__()
        self.flow = flow
        self.setZValue(15)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.rect = QRectF()
        self._bounds = QRectF()
        self.text = ""

    def place(self, route: FlowRoute, label: FlowLabel | None) -> None:
        self.prepareGeometryChange()
        if not route.flow.label:
            self.rect, self.text = QRectF(), ""
        elif label is not None:
            self.rect, self.text = qrect(label.rect), label.text
        else:
            text = elide(" ".join(route.flow.label.split()), LABEL_MAX_WIDTH, LABEL_SIZE)
            width = text_width(text, LABEL_SIZE) + 2 * LABEL_PADDING
            x, y = route.label_at
            self.rect = QRectF(x - width / 2, y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
            self.text = text
        self._bounds = self.rect.adjusted(-1, -1, 1, 1)
        # hidden, a flow without a label costs nothing; shown, hundreds of empty items at
        # the map's origin were asked to paint on every repaint of that corner
        self.setVisible(bool(self.text))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.text:
            return
        flow = self.flow
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if not (flow.isSelected() or flow.hovered or detail >= 0.9):
            return  # labels clutter a zoomed-out map
        color = qcolor(th.SELECTION) if flow.isSelected() else qcolor(th.FLOW, 170)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(qcolor("#ffffff", 240))
        painter.setPen(QPen(color, 0.8))
        radius = self.rect.height() / 2
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setPen(qcolor(th.INK))
        painter.setFont(qfont(LABEL_SIZE))
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)
