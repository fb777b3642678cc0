"""A chunk of unselected flows, drawn in one go by the flow layer (canvas.flow_layer): the
curves of flows whose tops and bottoms fall in the same bands, or the arrow heads of flows
whose tips are near each other. A chunk keeps the place each flow was filed with (its
extent, or its arrow's tip) and the extremes of those places as flows come and go, so its
bounds are worked out again, from those plain numbers, only when flows on an edge went.
Places are measured down from the chunk's ``origin`` (the top of the row its flows start
in): a row that moves down whole moves its chunks, not each of their flows."""

from __future__ import annotations

import math
from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath

from mapper.canvas.flow_item import _NO_BRUSH, _NO_PEN, ARROW, _color, _pen
from mapper.layout.theme import LIGHT, Theme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mapper.canvas.flow_item import FlowItem
    from mapper.layout import MapLayout

Extent = tuple[float, float, float, float]  # left, top, right, bottom
# where a chunk files a flow: its extent (curves) or its arrow's tip (arrows)
Place = tuple[float, ...]


class Rows:
    """The rows flows are filed from, top down: a flow's curve is placed from the top of
    the row it starts in, its arrow from the top of the row it ends in (a curve starts on
    its source card's edge and ends on its target card's, inside their rows)."""

    def __init__(self, layout: MapLayout | None = None) -> None:
        lanes = layout.lanes if layout is not None else ()
        self.origins = {box.lane.id: box.row.y for box in lanes}  # lane id -> row's top
        # the tops, their lanes and the y places are measured from, after what is above
        # them all (None: from the map's top)
        self.tops = [-math.inf, *self.origins.values()]
        self.lanes: list[str | None] = [None, *self.origins]
        self.starts = [0.0, *self.origins.values()]

    def at(self, y: float) -> tuple[str | None, float]:
        """The lane whose row holds ``y`` and the y places there are measured from."""
        i = bisect_right(self.tops, y) - 1
        return self.lanes[i], self.starts[i]

    def moves_since(self, old: Rows) -> dict[str, float]:
        """How far the rows that moved since ``old`` moved down (or up), by lane."""
        was = old.origins
        return {i: y - was[i] for i, y in self.origins.items() if i in was and was[i] != y}


def extremes(extents: Iterable[Place]) -> Extent:
    """The extremes of some extents, taken in C."""
    lefts, tops, rights, bottoms = zip(*extents, strict=True)
    return min(lefts), min(tops), max(rights), max(bottoms)


def tip_extremes(tips: Iterable[Place]) -> Extent:
    """The extremes of some arrows' tips, as an extent."""
    xs, ys = zip(*tips, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def place_of(flow: FlowItem, arrows: bool, origin: float = 0.0) -> Place:
    """Where a chunk of curves (or of ``arrows``) measured from ``origin`` files ``flow``
    now."""
    if arrows:
        x, y = flow.route.curve.p3
        return (x, y - origin)
    left, top, right, bottom = flow.extent
    return (left, top - origin, right, bottom - origin)


class FlowChunk:
    """Some flows' curves (``arrows`` False) or arrow heads, drawn in one go."""

    def __init__(self, arrows: bool, origin: float = 0.0) -> None:
        self.arrows = arrows
        self.origin = origin  # the y its flows' places are measured from (see move_to)
        # flow -> the place it was filed with, in the order the flows came
        self.flows: dict[FlowItem, Place] = {}
        self._extremes = tip_extremes if arrows else extremes
        self._bounds = QRectF()
        self.extent: Extent = (0.0, 0.0, 0.0, 0.0)
        # the extremes of the flows' places as left, top, right, bottom, kept as flows
        # come; None: to be worked out again (one on an edge went)
        self._box: Extent | None = None
        self._path: QPainterPath | None = None  # all curves in one path, built when drawn

    def put(self, flow: FlowItem) -> None:
        """File ``flow`` here, at the place it is now."""
        self.flows[flow] = place = place_of(flow, self.arrows, self.origin)
        self._path = None
        box = self._box
        if box is not None or len(self.flows) == 1:
            a, b, c, d = self._extremes((place,))
            if box is None:
                self._box = (a, b, c, d)
            else:
                self._box = (min(box[0], a), min(box[1], b), max(box[2], c), max(box[3], d))

    def take(self, flow: FlowItem) -> bool:
        """Take ``flow`` out; returns whether it was in."""
        place = self.flows.pop(flow, None)
        if place is None:
            return False
        self._path = None
        self._went(self._extremes((place,)))
        return True

    def went(self, flows: Iterable[FlowItem], was: Extent | None = None) -> None:
        """``flows`` left for other chunks; ``was``: the extremes of the places they were
        filed with (None: unknown). The extremes kept hold unless one was on an edge."""
        pop = self.flows.pop
        for flow in flows:
            pop(flow, None)
        self._path = None
        self._went(was)

    def came(
        self, flows: Iterable[FlowItem], places: Iterable[Place], now: Extent | None = None
    ) -> None:
        """``flows`` came from other chunks at ``places``, whose extremes are ``now``
        (None: not worked out, nor then the chunk's until its next refresh)."""
        self.flows.update(zip(flows, places, strict=True))
        self._path = None
        box = self._box
        if now is None:
            self._box = None
        elif box is not None:
            self._box = (min(box[0], now[0]), min(box[1], now[1]), max(box[2], now[2]),
                         max(box[3], now[3]))  # fmt: skip

    def moved(
        self,
        flows: Iterable[FlowItem],
        places: Iterable[Place],
        was: Extent | None = None,
        now: Extent | None = None,
    ) -> None:
        """Some of its ``flows`` took new ``places`` and stay in this chunk (drawn where
        they were in its order): ``was`` and ``now`` are the extremes of their places
        before and after. The extremes kept hold on each side unless one of the flows
        was on that edge and they all left it (a row moved down keeps the left edge its
        flows were on). Without them, the chunk's are worked out at its next refresh."""
        self.flows.update(zip(flows, places, strict=True))
        self._path = None
        box = self._box
        if box is None or was is None or now is None:
            self._box = None
            return
        if (
            (was[0] > box[0] or now[0] <= box[0])
            and (was[1] > box[1] or now[1] <= box[1])
            and (was[2] < box[2] or now[2] >= box[2])
            and (was[3] < box[3] or now[3] >= box[3])
        ):
            self._box = (min(box[0], now[0]), min(box[1], now[1]), max(box[2], now[2]),
                         max(box[3], now[3]))  # fmt: skip
        else:
            self._box = None  # an extreme may have gone with them

    def _went(self, was: Extent | None) -> None:
        """What flows whose places had the extremes ``was`` leaving does to the kept ones."""
        box = self._box
        if was is None:
            self._box = None
        elif box is not None:
            a, b, c, d = was
            if not (box[0] < a and box[1] < b and c < box[2] and d < box[3]):
                self._box = None  # an extreme may have gone with it

    def move_to(self, origin: float) -> None:
        """Its flows all moved down (or up) with the top of their row, now at ``origin``:
        their places stay (see ``refresh``)."""
        self.origin = origin
        self._path = None

    def refresh(self) -> None:
        """After flows came or went (or the chunk moved): new bounds, from the extremes
        kept as flows came, or (when one that went was at an edge) from the places the
        flows were filed with; the path is built again when drawn."""
        if self._box is None:  # one walk over plain numbers, the extremes taken in C
            self._box = self._extremes(self.flows.values())
        x0, y0, x1, y1 = self._box
        origin = self.origin
        y0, y1 = y0 + origin, y1 + origin
        if self.arrows:  # a box around each tip (see FlowItem.arrow_rect)
            m = ARROW + 1
            x0, y0, x1, y1 = x0 - m, y0 - m, x1 + m, y1 + m
        self.extent = (x0, y0, x1, y1)  # the bounds as plain numbers (see FlowLayer.flush)
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
        else:  # each curve on its own: as one shape they are slower
            for flow in self.flows:
                painter.drawPath(flow.path())

    def reaching(self, area: Extent) -> list[FlowItem]:
        """The flows whose curves may reach ``area`` (left, top, right, bottom)."""
        left, top, right, bottom = area
        return [flow for flow in self.flows if (e := flow.extent)[0] <= right
                and e[2] >= left and e[1] <= bottom and e[3] >= top]  # fmt: skip
