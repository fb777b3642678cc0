"""The emotion curve's items besides its paths (one per persona and stage, in
``canvas.curve_path``): a draggable point per scored card, and for the active persona a
faint ghost point on the neutral line per unscored card (one item per stage draws them)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.emotion_marks import (
    GHOST_RADIUS,
    POINT_RADIUS,
    ghost_pen,
    marker_path,
    paint_ghost,
    paint_marker,
)
from mapper.canvas.host import host_of
from mapper.canvas.painting import qcolor, theme_of
from mapper.layout import EmotionPoint
from mapper.layout import theme as th
from mapper.layout.persona_style import PersonaStyle
from mapper.layout.wording import score_label
from mapper.model import JourneyMap, ModelError, Sentiment, sentiment_of

SENTIMENT_WORDS = {Sentiment.PAIN: "pain point", Sentiment.LOVE: "love point",
                   Sentiment.NEUTRAL: "neutral"}  # fmt: skip


def curve_pen(
    style: PersonaStyle, coloured: bool, neutral_y: float, top: float, bottom: float, width: float
) -> QPen:
    """The persona's colour and dash; ``coloured`` (the active persona): green above neutral
    and red below, in its own dash."""
    if not coloured:
        pen = QPen(qcolor(style.color, 200), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    else:  # (PySide makes the gradients' type, and its enums, when first imported: ~1.5 ms
        from PySide6.QtGui import QLinearGradient  # the curves come after the first frame)

        gradient = QLinearGradient(0, top, 0, bottom)
        # half a line below neutral: a stretch lying on 0 is wholly green (as on paper)
        stop = (neutral_y + width / 2 - top) / max(bottom - top, 1)
        gradient.setColorAt(0, qcolor(th.POSITIVE_CURVE))
        gradient.setColorAt(max(0.0, stop - 0.001), qcolor(th.POSITIVE_CURVE))
        gradient.setColorAt(min(1.0, stop + 0.001), qcolor(th.NEGATIVE_CURVE))
        gradient.setColorAt(1, qcolor(th.NEGATIVE_CURVE))
        pen = QPen(QBrush(gradient), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    if style.dash:
        pen.setDashPattern(list(style.dash))  # Qt counts dashes in line widths, as we do
    return pen


def point_tooltip(journey: JourneyMap, card_id: str, persona_id: str, score: int | None) -> str:
    """ "Zoë · Pickup shelf by the door: −2, pain point" (what the tooltip says)."""
    try:
        title = " ".join(journey.card(card_id).title.split())
        name = " ".join(journey.personas.get(persona_id).name.split())
    except (ModelError, KeyError):
        return ""
    if score is None:
        return f"{name} · {title}: not scored yet. Drag up or down to score it"
    return f"{name} · {title}: {score_label(score)}, {SENTIMENT_WORDS[sentiment_of(score)]}"


_REACH = POINT_RADIUS * 1.4 + 5
_POINT_BOUNDS = QRectF(-_REACH, -_REACH, 2 * _REACH, 2 * _REACH)  # (Qt copies what it gets)


class EmotionPointItem(QGraphicsItem):
    """Drag up or down to set the card's score for this persona; it snaps to the scale.
    Selected, Delete clears the score (the canvas's context menu offers the same). A
    ``ghost`` stands for an unscored card while it is dragged."""

    def __init__(
        self,
        point: EmotionPoint,
        persona_id: str,
        style: PersonaStyle,
        coloured: bool,
        z: float,
        ghost: bool = False,
    ) -> None:
        super().__init__()
        self.setZValue(z)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, not ghost)
        self.point, self.persona_id, self.style = point, persona_id, style
        self.coloured, self.ghost = coloured, ghost
        self._drag_score: int | None = None
        self.setPos(QPointF(*point.pos))

    @property
    def card_id(self) -> str:
        return self.point.card_id

    def set_point(self, point: EmotionPoint) -> None:
        """The card's point moved or its score changed: draw it there."""
        old, self.point = self.point, point
        if old.pos != point.pos:
            self.setPos(*point.pos)  # (Qt repaints where it was and where it is)
        if old.score != point.score or old.card_id != point.card_id:
            self.update()

    def shown_score(self) -> int | None:
        """The score drawn now: the one dragged to, the model's, or None (a ghost at rest)."""
        if self._drag_score is not None:
            return self._drag_score
        return None if self.ghost else self.point.score

    def boundingRect(self) -> QRectF:
        return _POINT_BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), POINT_RADIUS + 2, POINT_RADIUS + 2)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        score = self.shown_score()
        if score is None:
            paint_ghost(painter, self.style, QPointF(0, 0), theme_of(self))
        else:
            paper = qcolor(theme_of(self).background)
            paint_marker(painter, self.style, self.coloured, score, QPointF(0, 0), paper)
        if self.isSelected():
            painter.setPen(QPen(qcolor(th.SELECTION), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            r = POINT_RADIUS * 1.4 + 3
            painter.drawEllipse(QPointF(0, 0), r, r)

    def show_score(self, score: int | None) -> None:
        """Paint ``score`` while the point is dragged; ``None``: the model's score again."""
        self._drag_score = score
        self.update()

    def hoverEnterEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:  # names may have changed since the point was drawn
            text = point_tooltip(host.journey, self.card_id, self.persona_id, self.shown_score())
            self.setToolTip(text)
        super().hoverEnterEvent(event)

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        if event.button() == Qt.MouseButton.LeftButton and host is not None:
            # a click selects it on release, Ctrl+click toggles (Qt's own rule for items)
            host.begin_emotion_drag(self)
            event.accept()
        else:
            event.ignore()


class GhostRowItem(QGraphicsItem):
    """The ghost points of one stage's unscored cards, on the neutral line, for the active
    persona: one item and one path for the stage, so a big map pays no Python per point
    when it repaints. A press on a ghost starts dragging it to a score."""

    def __init__(
        self,
        ghosts: Sequence[tuple[str, float]],
        stage_index: int,
        y: float,
        persona_id: str,
        style: PersonaStyle,
        z: float,
    ) -> None:
        super().__init__()
        self.stage_index = stage_index
        self.persona_id, self.style = persona_id, style
        self.setZValue(z)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.set_ghosts(ghosts, y)

    def set_ghosts(self, ghosts: Sequence[tuple[str, float]], y: float) -> None:
        """Draw these ghosts on the neutral line at ``y`` (the same item: taking one out
        of a big scene and putting a new one in costs more than drawing them again)."""
        self.prepareGeometryChange()
        self.ghosts = list(ghosts)  # (card id, x), left to right
        self.neutral_y = y
        self._drawn_y = y  # the marks are drawn at this y; the item moves by the difference
        self.setPos(0, 0)
        self._xs = [x for _, x in self.ghosts]
        self._marks: list[QPainterPath | None] = [None] * len(self._xs)
        reach = POINT_RADIUS + 2
        left, right = (min(self._xs), max(self._xs)) if self._xs else (0.0, 0.0)
        self._bounds = QRectF(left - reach, y - reach, right - left + 2 * reach, 2 * reach)
        self._shape: QPainterPath | None = None
        self.update()

    def set_neutral_y(self, y: float) -> None:
        """The lane moved: the same ghosts on the neutral line at ``y``."""
        self.neutral_y = y
        self.setPos(0, y - self._drawn_y)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """Where a press reaches a ghost (made when first asked): a hover, a press or a
        tooltip anywhere else along the neutral line goes to the item below it, such as
        another persona's point lying there."""
        if self._shape is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # where two squares overlap is in too
            reach, y = POINT_RADIUS + 2, self._drawn_y
            for x in self._xs:
                path.addRect(QRectF(x - reach, y - reach, 2 * reach, 2 * reach))
            self._shape = path
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if getattr(self.scene(), "printing", False):
            return  # editor chrome: not in an exported picture
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(ghost_pen(theme_of(self)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect if option is not None else self._bounds
        reach = GHOST_RADIUS * 1.5
        first = bisect_left(self._xs, exposed.left() - reach)
        last = bisect_right(self._xs, exposed.right() + reach)
        # one small path per ghost, drawn one by one (a single path of thousands of
        # touching rings takes Qt's stroker hundreds of times longer), made when first
        # painted: an edit that moves a stage's ghosts makes none
        marks, marker, y = self._marks, self.style.marker, self._drawn_y
        for i in range(first, last):  # only those in the repainted area
            mark = marks[i]
            if mark is None:
                marks[i] = mark = marker_path(marker, QPointF(self._xs[i], y), GHOST_RADIUS)
            painter.drawPath(mark)

    def ghost_at(self, x: float) -> tuple[str, float] | None:
        """The ghost nearest ``x`` within reach, if any (asked at each hover move: the
        ghosts are left to right, the two beside ``x`` are found by halving)."""
        i = bisect_left(self._xs, x)
        best = min(self.ghosts[max(0, i - 1) : i + 1], key=lambda g: abs(g[1] - x), default=None)
        if best is None or abs(best[1] - x) > POINT_RADIUS + 2:
            return None
        return best

    def hoverMoveEvent(self, event) -> None:
        host = host_of(self)
        ghost = self.ghost_at(event.pos().x())
        if host is not None:
            text = point_tooltip(host.journey, ghost[0], self.persona_id, None) if ghost else ""
            self.setToolTip(text)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        ghost = self.ghost_at(event.pos().x())
        if event.button() == Qt.MouseButton.LeftButton and host is not None and ghost:
            host.begin_ghost_drag(self, ghost[0], ghost[1])
            event.accept()
        else:
            event.ignore()
