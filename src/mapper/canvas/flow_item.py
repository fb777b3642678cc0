"""A flow between two cards: a curved arrow with an optional label."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle

from mapper.canvas.painting import qcolor, qfont
from mapper.layout import Bezier, FlowRoute
from mapper.layout import theme as th

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
    def __init__(self, route: FlowRoute) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        self.hovered = False
        self.route = route
        self._path = QPainterPath()
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self.set_route(route)

    @property
    def flow_id(self) -> str:
        return self.route.flow.id

    def set_route(self, route: FlowRoute) -> None:
        self.prepareGeometryChange()
        self.route = route
        self._path = bezier_path(route.curve)
        self._shape = None  # the wide hit area is built when first asked for
        box = self._path.boundingRect().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        if route.flow.label:
            x, y = route.label_at
            box = box.united(QRectF(x - 80, y - 12, 160, 24))
        self._bounds = box
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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(color, 2.4 if selected else 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(arrow_head(self.route.curve))
        label = self.route.flow.label
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if label and (selected or self.hovered or detail >= 0.9):  # labels clutter when small
            painter.setFont(qfont(10))
            metrics = painter.fontMetrics()
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, 150)
            width = metrics.horizontalAdvance(text) + 10
            x, y = self.route.label_at
            pill = QRectF(x - width / 2, y - 9, width, 18)
            painter.setBrush(qcolor("#ffffff", 235))
            painter.setPen(QPen(color, 1))
            painter.drawRoundedRect(pill, 9, 9)
            painter.setPen(qcolor(th.INK))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()

    def mouseDoubleClickEvent(self, event) -> None:
        self.scene().edit_flow_label(self.flow_id)  # type: ignore[attr-defined]
