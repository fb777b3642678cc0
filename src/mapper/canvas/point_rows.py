"""The points of one persona's curve in one stage, drawn by one item.

A card moved between stages shifts every point of the two stages sideways (a stage's
cards share its width evenly): on a 5,000-card map that is about 900 points per persona.
As one item per stage they are a few item updates, not 900 item moves. A point that is
selected or dragged is drawn by an item of its own (an ``EmotionPointItem``, made by the
emotion layer when a press or a rubber band reaches it); the row leaves it out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.emotion_items import point_tooltip
from mapper.canvas.emotion_marks import POINT_RADIUS, paint_marker
from mapper.canvas.host import host_of
from mapper.canvas.painting import qcolor, theme_of
from mapper.canvas.stage_source import StageSource
from mapper.layout import EmotionCurve, EmotionPoint
from mapper.layout.persona_style import PersonaStyle

HIT_RADIUS = POINT_RADIUS + 2  # as far as a point's own item takes a press
_REACH = POINT_RADIUS * 1.4 + 5  # as far as a point's marker (and its selection ring) reaches


class PointRowItem(QGraphicsItem):
    """One persona's points in one stage, left to right. Drag a point up or down to score
    its card (the drag and the click's selection go to the point's own item, made on
    the press); hover for its tooltip."""

    def __init__(
        self,
        points: Sequence[EmotionPoint],
        stage_index: int,
        persona_id: str,
        style: PersonaStyle,
        coloured: bool,
        z: float,
    ) -> None:
        super().__init__()
        self.stage_index, self.persona_id = stage_index, persona_id
        self.style, self.coloured = style, coloured
        self.hidden: frozenset[str] = frozenset()  # cards whose points have items of their own
        self.pressed: QGraphicsItem | None = None  # the own item a press here made
        self.setZValue(z)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._points: tuple[EmotionPoint, ...] = ()
        self._xs: list[float] = []
        self._source = StageSource()  # what to draw, when painted or asked
        self._shape: QPainterPath | None = None  # made when first asked (hit tests)
        self._bounds = QRectF()
        self.set_points(points)

    def set_points(self, points: Sequence[EmotionPoint]) -> None:
        """Draw these points (the same item: moving 900 point items costs far more)."""
        self._source.drop()
        self._take(tuple(points))
        xs = self._xs
        if xs:
            ys = [p.pos[1] for p in self._points]
            self._set_bounds(xs[0], min(ys), xs[-1], max(ys))
        else:
            self.prepareGeometryChange()
            self._bounds = QRectF()
        self.update()

    def show_stage(self, curve: EmotionCurve, index: int) -> None:
        """Draw stage ``index``'s points of ``curve`` (it has some), worked out when first
        painted or asked for: an edit that moved them costs only their bounds. Nothing
        changes when they are made from the same marks and ys."""
        if not self._source.follow(curve, index, (curve.marks[index], curve.ys)):
            return
        self._shape = None
        self._set_bounds(*curve.point_bounds(index))
        self.update()

    @property
    def points(self) -> tuple[EmotionPoint, ...]:
        """The points drawn, left to right (worked out now if they were not yet)."""
        self._resolve()
        return self._points

    def _resolve(self) -> None:
        pending = self._source.take()
        if pending is not None:
            curve, index = pending
            self._take(curve.stage_points(index))

    def _take(self, points: tuple[EmotionPoint, ...]) -> None:
        self._points = points
        self._xs = [p.pos[0] for p in points]
        self._shape = None

    def _set_bounds(self, left: float, top: float, right: float, bottom: float) -> None:
        self.prepareGeometryChange()
        self._bounds = QRectF(
            left - _REACH, top - _REACH, right - left + 2 * _REACH, bottom - top + 2 * _REACH
        )

    def set_hidden(self, card_ids: frozenset[str]) -> None:
        """Leave out the points of these cards (drawn by items of their own)."""
        if card_ids != self.hidden:
            self.hidden = card_ids
            self._shape = None
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The points' discs: a press or a hover beside them is passed on."""
        self._resolve()
        if self._shape is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # where two discs overlap is in too
            hidden = self.hidden
            for p in self.points:
                if p.card_id not in hidden:
                    path.addEllipse(QPointF(*p.pos), HIT_RADIUS, HIT_RADIUS)
            self._shape = path
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._resolve()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        exposed = option.exposedRect if option is not None else self._bounds
        first = bisect_left(self._xs, exposed.left() - _REACH)
        last = bisect_right(self._xs, exposed.right() + _REACH)
        style, coloured, hidden = self.style, self.coloured, self.hidden
        paper = qcolor(theme_of(self).background)
        for p in self.points[first:last]:  # only those in the repainted area
            if p.card_id not in hidden:
                paint_marker(painter, style, coloured, p.score, QPointF(*p.pos), paper)

    def point_at(self, pos: QPointF) -> EmotionPoint | None:
        """The point drawn nearest ``pos`` (scene) within a press's reach, if any."""
        self._resolve()
        x, y, reach = pos.x(), pos.y(), HIT_RADIUS
        first = bisect_left(self._xs, x - reach)
        last = bisect_right(self._xs, x + reach)
        near = [
            ((p.pos[0] - x) ** 2 + (p.pos[1] - y) ** 2, i)
            for i, p in enumerate(self.points[first:last], first)
            if p.card_id not in self.hidden
        ]
        best = min(near, default=None)
        return self.points[best[1]] if best is not None and best[0] <= reach**2 else None

    def in_rect(self, area: QRectF) -> list[EmotionPoint]:
        """The points (not left out) whose discs meet ``area`` (scene), e.g. a rubber band."""
        self._resolve()
        reach = HIT_RADIUS
        first = bisect_left(self._xs, area.left() - reach)
        last = bisect_right(self._xs, area.right() + reach)
        top, bottom = area.top() - reach, area.bottom() + reach
        return [
            p
            for p in self.points[first:last]
            if top <= p.pos[1] <= bottom and p.card_id not in self.hidden
        ]

    def hoverMoveEvent(self, event) -> None:
        host = host_of(self)
        point = self.point_at(event.scenePos())
        if host is not None:  # names may have changed since the point was drawn
            text = ""
            if point is not None:
                text = point_tooltip(host.journey, point.card_id, self.persona_id, point.score)
            self.setToolTip(text)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        """Forget the last point's tooltip: Qt shows the tooltip of the first item under
        the pointer that has one, and a point of this row covered by an item that took the
        hover (a ghost row) would otherwise name the point hovered before it."""
        self.setToolTip("")
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        point = self.point_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and host is not None and point:
            self.pressed = host.begin_point_drag(self, point.card_id)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event) -> None:
        """A click selects the pressed point as a click on its own item would (Ctrl+click
        toggles): Qt's rule for items, applied to that item."""
        pressed, self.pressed = self.pressed, None
        if pressed is not None and pressed.scene() is self.scene():
            QGraphicsItem.mouseReleaseEvent(pressed, event)
