"""Unselected flows drawn in bulk. Mid-map on a 20,000-card map a scroll exposes a strip
that 5,000-7,000 flows cross: asking each FlowItem to paint itself cost a Python call (and a
dozen Qt calls) per flow, most of the time a wheel notch took. Here one item paints a chunk
of flows in one call, as one path; the FlowItems stay for hit tests, hover and selection
with no contents of their own, and a selected flow paints itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from mapper.canvas.flow_item import (
    _ANTIALIASING,
    _NO_BRUSH,
    _NO_PEN,
    HAIRLINE,
    _color,
    _pen,
    clip_to,
)
from mapper.layout.theme import LIGHT

if TYPE_CHECKING:
    from mapper.canvas.flow_item import FlowItem

# Curves are grouped by the band their top and their bottom fall in, so a chunk's bounds
# are about as tall as its flows: a strip is drawn by the chunks its flows cross.
CURVE_BAND = 8192.0
# Arrow heads are small: grouped by where their tips are, a chunk holds a few.
ARROW_CELL = (1024.0, 256.0)
Z = 4.9  # under the flows' own items (z 5): a selected flow is drawn over the others
DAMAGE_RECTS = 64  # more flows changed than this: repaint everything once
_NOTHING = QPainterPath()


class FlowChunk(QGraphicsItem):
    """Some flows' curves (``arrows`` False) or arrow heads, painted in one call."""

    def __init__(self, arrows: bool) -> None:
        super().__init__()
        self.setZValue(Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.arrows = arrows
        self.flows: dict[FlowItem, None] = {}  # insertion-ordered set
        self._bounds = QRectF()
        self._path: QPainterPath | None = None  # all curves in one path, built when painted

    def refresh(self) -> None:
        """After flows came or went: new bounds; the path is built again when painted."""
        self.prepareGeometryChange()
        bounds = QRectF()
        for flow in self.flows:
            bounds = bounds.united(flow.arrow_rect() if self.arrows else flow.boundingRect())
        self._bounds = bounds
        self._path = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return _NOTHING  # never what is under the pointer: the flows' own items are

    def paint(self, painter: QPainter, option, widget=None) -> None:
        scene = self.scene()
        rects: list[QRect] | None = getattr(scene, "paint_rects", None) if widget else None
        dragging = getattr(scene, "dragging", False)
        painter.setRenderHint(_ANTIALIASING, not dragging)
        transform = painter.worldTransform()
        if rects is None:
            self._draw(painter, widget, dragging, transform.m11())
            return
        # one rectangle of the repaint at a time, as FlowItem.paint does
        bounds = transform.mapRect(self._bounds)
        for rect in rects:
            if bounds.intersects(QRectF(rect)):
                clip_to(painter, rect, transform)
                self._draw(painter, widget, dragging, transform.m11())

    def _draw(self, painter: QPainter, widget, dragging: bool, scale: float) -> None:
        theme = getattr(self.scene(), "theme", LIGHT)  # the canvas's light or dark look
        if self.arrows:
            painter.setPen(_NO_PEN)
            painter.setBrush(_color(False, theme))
            for flow in self.flows:
                painter.drawPolygon(flow.arrow())
            return
        width = 0.0 if dragging else 1.6
        if widget is not None and width * scale <= HAIRLINE:
            width = 0.0  # a one-pixel line, as FlowItem.paint draws it
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


class FlowLayer:
    """Which chunk draws which flow. Flows come, go and move through ``add`` and
    ``discard``; inside ``batch()`` the chunks and the repaint are settled once at the end."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.chunks: dict[tuple[bool, int, int], FlowChunk] = {}
        self._dirty: set[tuple[bool, int, int]] = set()
        self._damage: list[QRectF] = []
        self._depth = 0

    def add(self, flow: FlowItem) -> None:
        flow.layer_keys = keys = _keys(flow)
        for key in keys:
            chunk = self.chunks.get(key)
            if chunk is None:
                self.chunks[key] = chunk = FlowChunk(arrows=key[0])
                self.scene.addItem(chunk)
            chunk.flows[flow] = None
            self._dirty.add(key)
        self._changed(flow)

    def discard(self, flow: FlowItem) -> None:
        for key in flow.layer_keys:
            chunk = self.chunks.get(key)
            if chunk is not None and chunk.flows.pop(flow, False) is None:
                self._dirty.add(key)
        self._changed(flow)

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.flush()

    def _changed(self, flow: FlowItem) -> None:
        self._damage.append(flow.boundingRect())
        if self._depth == 0:
            self.flush()

    def flush(self) -> None:
        """Chunks take their new bounds (empty ones go) and what changed is repainted."""
        for key in self._dirty:
            chunk = self.chunks[key]
            if chunk.flows:
                chunk.refresh()
            else:
                del self.chunks[key]
                self.scene.removeItem(chunk)
        self._dirty.clear()
        damage, self._damage = self._damage, []
        if len(damage) > DAMAGE_RECTS:
            self.scene.update()
        else:
            for rect in damage:
                self.scene.update(rect)


def _keys(flow: FlowItem) -> tuple[tuple[bool, int, int], tuple[bool, int, int]]:
    """The flow's curve chunk and arrow chunk, from where the flow is now."""
    bounds = flow.boundingRect()
    tip_x, tip_y = flow.route.curve.p3
    return (
        (False, int(bounds.top() // CURVE_BAND), int(bounds.bottom() // CURVE_BAND)),
        (True, int(tip_x // ARROW_CELL[0]), int(tip_y // ARROW_CELL[1])),
    )
