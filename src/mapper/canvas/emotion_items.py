"""The emotion curve: one smooth path per persona and stage (long antialiased paths are slow
to repaint), and a draggable point per scored card."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from mapper.canvas.host import host_of
from mapper.canvas.painting import qcolor
from mapper.layout import Bezier, EmotionPoint
from mapper.layout import theme as th
from mapper.model import sentiment_of

POINT_RADIUS = 6.0


def curve_pen(color: str | None, neutral_y: float, top: float, bottom: float, width: float) -> QPen:
    """Persona colour, or (for the active persona) green above neutral and red below."""
    if color is not None:
        return QPen(qcolor(color, 170), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    gradient = QLinearGradient(0, top, 0, bottom)
    # half a line below neutral: a stretch lying on 0 is wholly green (as on paper)
    stop = (neutral_y + width / 2 - top) / max(bottom - top, 1)
    gradient.setColorAt(0, qcolor(th.POSITIVE_CURVE))
    gradient.setColorAt(max(0.0, stop - 0.001), qcolor(th.POSITIVE_CURVE))
    gradient.setColorAt(min(1.0, stop + 0.001), qcolor(th.NEGATIVE_CURVE))
    gradient.setColorAt(1, qcolor(th.NEGATIVE_CURVE))
    return QPen(QBrush(gradient), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)


class CurveSegmentItem(QGraphicsPathItem):
    def __init__(self, segments: list[Bezier], pen: QPen, z: float) -> None:
        path = QPainterPath()
        for seg in segments:
            if path.isEmpty() or path.currentPosition() != QPointF(*seg.p0):
                path.moveTo(QPointF(*seg.p0))
            path.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), QPointF(*seg.p3))
        super().__init__(path)
        self.setPen(pen)
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class EmotionPointItem(QGraphicsItem):
    """Drag up or down to set the card's score for this persona; it snaps to the scale."""

    def __init__(self, point: EmotionPoint, persona_id: str, ring: str, z: float) -> None:
        super().__init__()
        self.setZValue(z)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setAcceptHoverEvents(True)
        self.point, self.persona_id, self.ring = point, persona_id, ring
        self._drag_score: int | None = None
        self.setPos(QPointF(*point.pos))
        self.setToolTip(f"Emotion {point.score:+d}: drag up or down")

    def boundingRect(self) -> QRectF:
        r = POINT_RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        score = self.point.score if self._drag_score is None else self._drag_score
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(qcolor(self.ring), 2))
        painter.setBrush(qcolor(th.SENTIMENT_COLORS[sentiment_of(score)]))
        radius = POINT_RADIUS + (1 if sentiment_of(score).value != "neutral" else 0)
        painter.drawEllipse(QPointF(0, 0), radius, radius)

    def show_score(self, score: int | None) -> None:
        """Paint ``score`` while the point is dragged; ``None``: the model's score again."""
        self._drag_score = score
        shown = self.point.score if score is None else score
        self.setToolTip(f"Emotion {shown:+d}" + (": drag up or down" if score is None else ""))
        self.update()

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        if event.button() == Qt.MouseButton.LeftButton and host is not None:
            host.begin_emotion_drag(self)
            event.accept()
        else:
            event.ignore()
