"""Channel icons on cards, drawn with QPainter from the shared vector icon set (the PDF
export draws the same shapes)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from mapper.canvas.painting import qcolor
from mapper.layout import icons
from mapper.layout import theme as th


def draw_channel_icon(painter: QPainter, channel: str, rect: QRectF, ink: str = th.MUTED_INK):
    icon = icons.icon_for(channel)
    scale = rect.width() / icons.ICON_BOX
    color = qcolor(ink)
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(scale, scale)
    pen = QPen(color, icons.STROKE_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for shape in icon.shapes:
        fill = getattr(shape, "fill", False)
        painter.setPen(Qt.PenStyle.NoPen if fill else pen)
        painter.setBrush(color if fill else Qt.BrushStyle.NoBrush)
        if isinstance(shape, icons.Line):
            painter.drawLine(QPointF(*shape.start), QPointF(*shape.end))
        elif isinstance(shape, icons.Circle):
            painter.drawEllipse(QPointF(*shape.center), shape.radius, shape.radius)
        elif isinstance(shape, icons.Box):
            box = QRectF(shape.x, shape.y, shape.width, shape.height)
            painter.drawRoundedRect(box, shape.radius, shape.radius)
        elif isinstance(shape, icons.Polyline):
            polygon = QPolygonF([QPointF(*p) for p in shape.points])
            if shape.closed or fill:
                painter.drawPolygon(polygon)
            else:
                painter.drawPolyline(polygon)
    painter.restore()
