"""Channel icons on cards, drawn with QPainter from the shared vector icon set."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from mapper.canvas.painting import qcolor, qfont
from mapper.layout import theme as th
from mapper.model import BUILTIN_CHANNELS


def draw_channel_icon(painter: QPainter, channel: str, rect: QRectF) -> None:
    painter.save()
    painter.setPen(QPen(qcolor(th.MUTED_INK), 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    info = BUILTIN_CHANNELS.get(channel)
    letter = (info.label if info else channel)[:1].upper()
    painter.setFont(qfont(9, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letter)
    painter.restore()
