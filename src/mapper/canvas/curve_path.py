"""The stretch of an emotion curve that starts in one stage, as one path item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from mapper.canvas.stage_source import StageSource
from mapper.layout import Bezier, EmotionCurve


class CurveSegmentItem(QGraphicsPathItem):
    """The stretch of a curve that starts in one stage. Shown from a curve
    (:meth:`show_stage`), its segments are worked out and its path made when it is first
    painted or asked for them: a stage off screen costs an edit nothing but its bounds."""

    def __init__(self, segments: Sequence[Bezier], pen: QPen, z: float) -> None:
        super().__init__()
        self._reach = 0.0
        self._path = QPainterPath()
        self._segments: tuple[Bezier, ...] = ()
        self._one_run = False  # whether the path's segments run on from its first point
        self._source = StageSource()  # what to draw, when painted or asked
        self._curve_bounds = QRectF()
        self.set_segments(segments)
        self.set_pen(pen)
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_stage(self, curve: EmotionCurve, index: int) -> None:
        """Draw the segments of ``curve`` that start in stage ``index``, within the bounds
        the curve gives for them; nothing changes when they are made from the same points
        (the stage's key)."""
        if not self._source.follow(curve, index, curve.stage_key(index)):
            return
        left, top, right, bottom = curve.segment_bounds(index)
        self._set_curve_bounds(QRectF(left, top, right - left, bottom - top))
        self.update()

    @property
    def segments(self) -> tuple[Bezier, ...]:
        """The segments drawn (worked out now if they were not yet)."""
        self._resolve()
        return self._segments

    def path(self) -> QPainterPath:
        self._resolve()
        return self._path

    def _resolve(self) -> None:
        pending = self._source.take()
        if pending is not None:
            curve, index = pending
            self._draw(curve.stage_segments(index))

    def set_segments(self, segments: Sequence[Bezier]) -> None:
        """Draw these segments, within their own bounds."""
        self._source.drop()
        self._draw(segments)
        self._set_curve_bounds(self._path.boundingRect())

    def _draw(self, segments: Sequence[Bezier]) -> None:
        """Make the path (the same item: taking one out of a big scene and putting a new
        one in costs more than drawing the stretch again). When only a few segments
        changed (a stage next to one whose points moved: its last two), those are moved
        in the path as it is."""
        new = tuple(segments)
        old, self._segments = self._segments, new
        if new == old:
            return
        path = self._moved_in_place(old, new)
        if path is None:
            path = QPainterPath()
            end = None  # where the path is (a stage's segments run on, one from the next)
            moves = 0
            for seg in new:
                if seg.p0 != end:
                    path.moveTo(*seg.p0)
                    moves += 1
                (x1, y1), (x2, y2), end = seg.c1, seg.c2, seg.p3
                path.cubicTo(x1, y1, x2, y2, *end)
            self._one_run = moves == 1
        self._path = path

    def _set_curve_bounds(self, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self._curve_bounds = bounds
        self._bounds = bounds.adjusted(-self._reach, -self._reach, self._reach, self._reach)

    def _moved_in_place(
        self, old: tuple[Bezier, ...], new: tuple[Bezier, ...]
    ) -> QPainterPath | None:
        """The drawn path with the segments that changed moved to their new places, when
        as many run on one from the next as before and few changed (None: draw anew)."""
        n = len(new)
        if not n or len(old) != n or not self._one_run:
            return None
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a is not b]
        if 4 * len(changed) > n or not self._runs_on(new, {j for i in changed for j in (i, i + 1)}):
            return None
        path = QPainterPath(self._path)  # (its elements: a move, then three per cubic)
        for i in changed:
            seg = new[i]
            if i == 0:
                path.setElementPositionAt(0, *seg.p0)
            path.setElementPositionAt(3 * i + 1, *seg.c1)
            path.setElementPositionAt(3 * i + 2, *seg.c2)
            path.setElementPositionAt(3 * i + 3, *seg.p3)
        return path

    @staticmethod
    def _runs_on(segments: tuple[Bezier, ...], starts: Iterable[int]) -> bool:
        """Whether each segment starting at one of ``starts`` begins where the one before
        it ends (the path then moves to nothing but its first point)."""
        n = len(segments)
        return all(segments[i].p0 == segments[i - 1].p3 for i in starts if 0 < i < n)

    def set_pen(self, pen: QPen) -> None:
        """Draw with ``pen``; the bounds take its width (round caps reach half of it)."""
        self.prepareGeometryChange()
        self._reach = reach = pen.widthF() / 2 + 1
        self._bounds = self._curve_bounds.adjusted(-reach, -reach, reach, reach)
        self.setPen(pen)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._resolve()
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self._path)

    def shape(self) -> QPainterPath:
        """The stroke of the path (as Qt's path item has it; asked by area searches)."""
        self._resolve()
        pen, path = self.pen(), self._path
        if path.isEmpty() or pen.style() == Qt.PenStyle.NoPen:
            return QPainterPath(path)
        stroker = QPainterPathStroker()
        stroker.setCapStyle(pen.capStyle())
        stroker.setWidth(pen.widthF() if pen.widthF() > 0 else 0.00000001)
        stroker.setJoinStyle(pen.joinStyle())
        stroker.setMiterLimit(pen.miterLimit())
        shape = stroker.createStroke(path)
        shape.addPath(path)
        return shape

    def boundingRect(self) -> QRectF:
        """The curve's own bounds widened by the pen: Qt's default strokes the whole path
        to find them, a millisecond per stage's path on a big map after every edit."""
        return self._bounds
