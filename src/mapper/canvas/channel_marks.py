"""Channel icons on cards, drawn with QPainter from the shared vector icon set (the PDF
export draws the same shapes)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from mapper.canvas.painting import qcolor
from mapper.layout import icons
from mapper.layout import theme as th

# the painter calls that draw an icon in its own box, made once per channel and ink
Calls = tuple[tuple[Callable[..., Any], tuple[Any, ...]], ...]


def draw_channel_icon(painter: QPainter, channel: str, rect: QRectF, ink: str = th.MUTED_INK):
    scale = rect.width() / icons.ICON_BOX
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(scale, scale)
    for call, args in icon_calls(channel, ink):
        call(painter, *args)
    painter.restore()


@lru_cache(maxsize=256)
def icon_calls(channel: str, ink: str) -> Calls:
    """What drawing ``channel``'s icon in ``ink`` asks of a painter (scaled to its box)."""
    color = qcolor(ink)
    pen = QPen(color, icons.STROKE_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
    for shape in icons.icon_for(channel).shapes:
        fill = getattr(shape, "fill", False)
        calls.append((QPainter.setPen, (Qt.PenStyle.NoPen if fill else pen,)))
        calls.append((QPainter.setBrush, (color if fill else Qt.BrushStyle.NoBrush,)))
        if isinstance(shape, icons.Line):
            calls.append((QPainter.drawLine, (QPointF(*shape.start), QPointF(*shape.end))))
        elif isinstance(shape, icons.Circle):
            radius = shape.radius
            calls.append((QPainter.drawEllipse, (QPointF(*shape.center), radius, radius)))
        elif isinstance(shape, icons.Box):
            box = QRectF(shape.x, shape.y, shape.width, shape.height)
            calls.append((QPainter.drawRoundedRect, (box, shape.radius, shape.radius)))
        elif isinstance(shape, icons.Polyline):
            polygon = QPolygonF([QPointF(*p) for p in shape.points])
            closed = shape.closed or fill
            calls.append((QPainter.drawPolygon if closed else QPainter.drawPolyline, (polygon,)))
    return tuple(calls)
