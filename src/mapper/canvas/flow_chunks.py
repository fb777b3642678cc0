"""A chunk of unselected flows, drawn in one go by the flow layer (canvas.flow_layer): the
curves of flows whose tops and bottoms fall in the same bands, or the arrow heads of flows
whose tips are near each other. A chunk keeps the extremes of its flows as they come and
go, so its bounds are worked out again from all its flows only when one on an edge went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath

from mapper.canvas.flow_item import _NO_BRUSH, _NO_PEN, ARROW, _color, _pen
from mapper.layout.theme import LIGHT, Theme

if TYPE_CHECKING:
    from mapper.canvas.flow_item import FlowItem

Extent = tuple[float, float, float, float]  # left, top, right, bottom


class FlowChunk:
    """Some flows' curves (``arrows`` False) or arrow heads, drawn in one go."""

    def __init__(self, arrows: bool) -> None:
        self.arrows = arrows
        self.flows: dict[FlowItem, None] = {}  # insertion-ordered set
        self._bounds = QRectF()
        # the flows' extremes (of their tips, for arrows) as left, top, right, bottom,
        # kept as flows come; None: to be worked out again (one on an edge went)
        self._box: tuple[float, float, float, float] | None = None
        self._path: QPainterPath | None = None  # all curves in one path, built when drawn

    def _extent(self, flow: FlowItem) -> Extent:
        if self.arrows:
            x, y = flow.route.curve.p3
            return x, y, x, y
        return flow.extent

    def put(self, flow: FlowItem) -> None:
        self.flows[flow] = None
        self._path = None
        box = self._box
        if box is not None or len(self.flows) == 1:
            a, b, c, d = self._extent(flow)
            if box is None:
                self._box = (a, b, c, d)
            else:
                self._box = (min(box[0], a), min(box[1], b), max(box[2], c), max(box[3], d))

    def take(self, flow: FlowItem, extent: Extent | None = None) -> bool:
        """Take ``flow`` out (while its place is still the one it was put in with, or
        with the ``extent`` it was put in with); returns whether it was in."""
        if self.flows.pop(flow, False) is not None:
            return False
        self._path = None
        self._went(extent or self._extent(flow))
        return True

    def move(self, flow: FlowItem, extent: Extent) -> None:
        """``flow`` stays in this chunk from where it had ``extent`` (drawn last now, as
        a flow that changed shape is): the extremes kept hold unless it was on an edge
        it no longer reaches (a flow moved down stays on the left edge it was on)."""
        self.flows.pop(flow, None)
        self.flows[flow] = None
        self._path = None
        box = self._box
        if box is None:
            return
        a, b, c, d = extent
        e, f, g, h = self._extent(flow)
        if (
            (a > box[0] or e <= box[0])
            and (b > box[1] or f <= box[1])
            and (c < box[2] or g >= box[2])
            and (d < box[3] or h >= box[3])
        ):
            self._box = (min(box[0], e), min(box[1], f), max(box[2], g), max(box[3], h))
        else:
            self._box = None  # an extreme may have gone with it

    def _went(self, extent: Extent) -> None:
        """What a flow with ``extent`` leaving does to the extremes kept."""
        box = self._box
        if box is not None:
            a, b, c, d = extent
            if not (box[0] < a and box[1] < b and c < box[2] and d < box[3]):
                self._box = None  # an extreme may have gone with it

    def refresh(self) -> None:
        """After flows came or went: new bounds, from the extremes kept as flows came, or
        (when one that went was at an edge) from plain numbers over all its flows; the path
        is built again when drawn."""
        if self._box is None:  # one walk, the extremes taken in C
            if self.arrows:
                xs, ys = zip(*[flow.route.curve.p3 for flow in self.flows], strict=True)
                self._box = (min(xs), min(ys), max(xs), max(ys))
            else:
                lefts, tops, rights, bottoms = zip(*[f.extent for f in self.flows], strict=True)
                self._box = (min(lefts), min(tops), max(rights), max(bottoms))
        x0, y0, x1, y1 = self._box
        if self.arrows:  # a box around each tip (see FlowItem.arrow_rect)
            m = ARROW + 1
            x0, y0, x1, y1 = x0 - m, y0 - m, x1 + m, y1 + m
        self._bounds = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._path = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def draw(self, painter: QPainter, width: float, theme: Theme = LIGHT) -> None:
        """``width`` 0: a one-pixel line; ``theme``: the canvas's light or dark look."""
        if self.arrows:
            painter.setPen(_NO_PEN)
            painter.setBrush(_color(False, theme))
            for flow in self.flows:
                painter.drawPolygon(flow.arrow())
            return
        painter.setPen(_pen(False, width, theme))
        painter.setBrush(_NO_BRUSH)
        if width == 0.0:
            # a one-pixel line is drawn segment by segment: one path of all the curves
            # gives the pixels each curve drawn on its own gives
            if self._path is None:
                self._path = path = QPainterPath()
                for flow in self.flows:  # from the curves: the flows need no path of their own
                    curve = flow.route.curve
                    path.moveTo(*curve.p0)
                    path.cubicTo(*curve.c1, *curve.c2, *curve.p3)
            painter.drawPath(self._path)
        else:  # a wider pen outlines a path as one shape: overlaps would blend once
            for flow in self.flows:
                painter.drawPath(flow.path())
