"""How emotion points are marked: a scored point, an unscored card's ghost and a persona's
legend swatch, in the persona's marker shape (shared by the canvas, its image exports and
present mode)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from mapper.canvas.painting import qcolor
from mapper.layout import theme as th
from mapper.layout.persona_style import Marker, PersonaStyle, hollow, marker_outline
from mapper.model import Sentiment, sentiment_of

POINT_RADIUS = 6.0
GHOST_RADIUS = 4.5


def marker_path(marker: Marker, center: QPointF, radius: float) -> QPainterPath:
    """The persona's marker shape around ``center`` as a path."""
    return add_marker(QPainterPath(), marker, center, radius)


def add_marker(path: QPainterPath, marker: Marker, center: QPointF, radius: float) -> QPainterPath:
    """``path`` with the marker shape around ``center`` added to it."""
    outline = marker_outline(marker, (center.x(), center.y()), radius)
    if outline is None:
        path.addEllipse(center, radius, radius)
    else:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in outline]))
        path.closeSubpath()
    return path


_WHITE = QColor("#ffffff")


def paint_marker(
    painter: QPainter,
    style: PersonaStyle,
    coloured: bool,
    score: int,
    center: QPointF,
    paper: QColor = _WHITE,
) -> None:
    """One point: the active persona's in its sentiment's colour (hollow below neutral, so
    greyscale still tells), the others' in the persona's colour. ``paper`` (what the map is
    drawn on) fills a hollow point and rings the others, so they stand off the curve."""
    radius = POINT_RADIUS + (1 if sentiment_of(score) is not Sentiment.NEUTRAL else 0)
    if not coloured:
        painter.setPen(QPen(paper, 1.5))
        painter.setBrush(qcolor(style.color))
    elif hollow(score, coloured):
        painter.setPen(QPen(qcolor(th.SENTIMENT_COLORS[sentiment_of(score)]), 2.5))
        painter.setBrush(paper)
    else:
        painter.setPen(QPen(paper, 2))
        painter.setBrush(qcolor(th.SENTIMENT_COLORS[sentiment_of(score)]))
    painter.drawPath(marker_path(style.marker, center, radius))


def ghost_pen(look: th.Theme = th.LIGHT) -> QPen:
    """A faint thin outline in the look's muted ink (solid: dashing thousands of small
    rings is slow to draw)."""
    return QPen(qcolor(look.muted_ink, 140), 1.2)


def paint_ghost(
    painter: QPainter, style: PersonaStyle, center: QPointF, look: th.Theme = th.LIGHT
) -> None:
    """A faint outline, nothing filled: another persona's point under it shows."""
    painter.setPen(ghost_pen(look))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(marker_path(style.marker, center, GHOST_RADIUS))


def paint_swatch(painter: QPainter, style: PersonaStyle, coloured: bool, rect: QRectF) -> None:
    """A persona's legend mark: a stretch of its line (the active persona's green then red)
    with its marker in the middle, as its curve is drawn."""
    y = rect.center().y()
    width = 2.6 if coloured else 2.0
    halves = ((th.POSITIVE_CURVE, rect.left(), rect.center().x()),
              (th.NEGATIVE_CURVE, rect.center().x(), rect.right()))  # fmt: skip
    for colour, x0, x1 in halves if coloured else ((style.color, rect.left(), rect.right()),):
        pen = QPen(qcolor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        if style.dash:
            pen.setDashPattern(list(style.dash))
        painter.setPen(pen)
        painter.drawLine(QPointF(x0 + 1, y), QPointF(x1 - 1, y))
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(qcolor(th.SENTIMENT_COLORS[Sentiment.NEUTRAL] if coloured else style.color))
    painter.drawPath(marker_path(style.marker, rect.center(), 4.2))
