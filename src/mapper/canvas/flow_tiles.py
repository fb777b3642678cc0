"""The item that draws a flow layer's chunks (canvas.flow_layer). In a view it draws them
into tiles of viewport pixels, kept while the zoom stays: a wheel notch then mostly copies
tiles drawn before, and draws a row of new ones every few notches.

After an edit that moves many flows, every tile in view is drawn again, and on a big map at
100 % that is thousands of antialiased curves (about a second on a 5,000-card map). So one
repaint strokes at most about ``FULL_STROKES`` curves in full: the tiles past that are drawn
with one-pixel lines first (a tenth of the time) and again in full, a tile per turn of the
event loop, so the editor keeps answering while the lines settle."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.flow_chunks import FlowChunk
from mapper.canvas.flow_item import _ANTIALIASING, HAIRLINE, _color
from mapper.layout.theme import LIGHT

Z = 4.9  # under the flows' own items (z 5): a selected flow is drawn over the others
TILE = 512  # viewport pixels a side
MAX_TILES = 48  # 48 MB at most: a few screens' worth
_AA = 2.0  # pixels an antialiased line may reach beyond its curve
FULL_STROKES = 300  # curves one repaint strokes in full (about 30 ms): then one-pixel lines
_NOTHING = QPainterPath()
Tile = tuple[int, int]


class FlowLayerItem(QGraphicsItem):
    """Draws the layer's chunks; on screen through tiles (see the module's docstring)."""

    def __init__(self, chunks: Mapping[Any, FlowChunk]) -> None:
        super().__init__()
        self.chunks = chunks
        self.setZValue(Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._bounds = QRectF()
        self._tiles: dict[Tile, QImage | None] = {}  # oldest first
        self._tiles_for: tuple = ()  # what the tiles were drawn for
        self.rough: set[Tile] = set()  # tiles drawn with one-pixel lines, to draw in full
        self._strokes = 0  # curves stroked in full in this repaint
        self._refining = False  # a tile is to be drawn in full on the next turn

    def set_bounds(self, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return _NOTHING  # never what is under the pointer: the flows' own items are

    def forget(self, scene_rect: QRectF | None = None) -> None:
        """Drop the tiles over ``scene_rect`` (all of them without one)."""
        if scene_rect is None or not self._tiles_for:
            self._tiles.clear()
            self.rough.clear()
            return
        m11, m22, fx, fy = self._tiles_for[1:5]
        left = int((scene_rect.left() * m11 + fx - _AA) // TILE)
        right = int((scene_rect.right() * m11 + fx + _AA) // TILE)
        top = int((scene_rect.top() * m22 + fy - _AA) // TILE)
        bottom = int((scene_rect.bottom() * m22 + fy + _AA) // TILE)
        if (right - left + 1) * (bottom - top + 1) > len(self._tiles):
            dropped = [key for key in self._tiles if left <= key[0] <= right
                       and top <= key[1] <= bottom]  # fmt: skip
        else:
            dropped = [(i, j) for i in range(left, right + 1) for j in range(top, bottom + 1)]
        for key in dropped:
            self._tiles.pop(key, None)
            self.rough.discard(key)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        scene = self.scene()
        transform = painter.worldTransform()
        if widget is None or transform.isRotating():  # an image export: draw, keep nothing
            dragging = getattr(scene, "dragging", False)
            painter.setRenderHint(_ANTIALIASING, not dragging)
            width = 0.0 if dragging else 1.6
            exposed = option.exposedRect
            for chunk in self.chunks.values():
                if chunk.boundingRect().intersects(exposed):
                    chunk.draw(painter, width, getattr(scene, "theme", LIGHT))
            return
        m11, m22 = transform.m11(), transform.m22()
        ox, oy = math.floor(transform.dx()), math.floor(transform.dy())
        fx, fy = transform.dx() - ox, transform.dy() - oy
        theme = getattr(scene, "theme", LIGHT)
        key = (id(widget), m11, m22, fx, fy, _color(False, theme).rgba())
        if key != self._tiles_for:
            self.forget()
            self._tiles_for = key
        rects: list[QRect] | None = getattr(scene, "paint_rects", None)
        if rects is None:  # the whole repaint: the painter's clip, or all of the viewport
            device = painter.device()
            whole = QRect(0, 0, device.width(), device.height())
            clip = transform.mapRect(painter.clipBoundingRect()).toAlignedRect()
            rects = [clip if painter.hasClipping() else whole]
        painter.resetTransform()
        self._strokes = 0
        for rect in rects:
            painter.setClipRect(rect)
            for j in range((rect.top() - oy) // TILE, (rect.bottom() - oy) // TILE + 1):
                for i in range((rect.left() - ox) // TILE, (rect.right() - ox) // TILE + 1):
                    tile = self._tile(i, j)
                    if tile is not None:
                        painter.drawImage(ox + i * TILE, oy + j * TILE, tile)
        painter.setWorldTransform(transform)

    def _tile(self, i: int, j: int) -> QImage | None:
        key = (i, j)
        if key in self._tiles:
            tile = self._tiles.pop(key)  # and back at the end: the newest
        else:
            rough = not self._hairlines() and self._strokes + self._cost(i, j) > FULL_STROKES
            tile = self._draw_tile(i, j, rough)
            if rough and tile is not None:
                self.rough.add(key)
                self._refine_later()
            while len(self._tiles) >= MAX_TILES:
                self.rough.discard(oldest := next(iter(self._tiles)))
                del self._tiles[oldest]
        self._tiles[key] = tile
        return tile

    def _hairlines(self) -> bool:
        """Flows are one-pixel lines at this zoom (as FlowItem draws them): always fast."""
        return 1.6 * self._tiles_for[1] <= HAIRLINE

    def _cost(self, i: int, j: int) -> int:
        """How many curves drawing tile (i, j) in full strokes."""
        area = self.tile_area(i, j)
        reach = (area.left(), area.top(), area.right(), area.bottom())
        return sum(len(c.reaching(reach)) for c in self.chunks.values()
                   if not c.arrows and c.boundingRect().intersects(area))  # fmt: skip

    def tile_area(self, i: int, j: int) -> QRectF:
        """What tile (i, j) shows, in scene coordinates (with room for antialiasing)."""
        m11, m22, fx, fy = self._tiles_for[1:5]
        return QRectF((i * TILE - fx - _AA) / m11, (j * TILE - fy - _AA) / m22,
                      (TILE + 2 * _AA) / m11, (TILE + 2 * _AA) / m22)  # fmt: skip

    def _draw_tile(self, i: int, j: int, rough: bool = False) -> QImage | None:
        """The tile's pixels: the flows of every chunk that reaches it (None: none does),
        ``rough``ly in one-pixel lines."""
        area = self.tile_area(i, j)
        chunks = [c for c in self.chunks.values() if c.boundingRect().intersects(area)]
        if not chunks:
            return None
        m11, m22, fx, fy = self._tiles_for[1:5]
        tile = QImage(TILE, TILE, QImage.Format.Format_ARGB32_Premultiplied)
        tile.fill(0)
        painter = QPainter(tile)
        painter.setRenderHint(_ANTIALIASING, True)
        painter.setClipRect(0, 0, TILE, TILE)  # a rectangle: Qt's fast line drawing
        painter.setTransform(QTransform(m11, 0, 0, m22, fx - i * TILE, fy - j * TILE))
        width = 0.0 if rough or self._hairlines() else 1.6  # 0: one pixel, as FlowItem draws
        theme = getattr(self.scene(), "theme", LIGHT)
        reach = (area.left(), area.top(), area.right(), area.bottom())
        for chunk in chunks:
            self._strokes += chunk.draw(painter, width, theme, reach)
        painter.end()
        return tile

    def _refine_later(self) -> None:
        if not self._refining:
            self._refining = True
            QTimer.singleShot(0, self._refine)

    def _refine(self) -> None:
        """Draw the newest rough tile in full, and the next one on the next turn."""
        self._refining = False
        if not shiboken6.isValid(self) or self.scene() is None or not self.rough:
            return
        key = next(key for key in reversed(self._tiles) if key in self.rough)
        self.rough.discard(key)
        self._tiles[key] = self._draw_tile(*key)
        self.update(self.tile_area(*key))
        if self.rough:
            self._refine_later()

    def settle(self) -> None:
        """Draw every rough tile in full now (before a view is grabbed as an image)."""
        while self.rough:
            key = self.rough.pop()
            self._tiles[key] = self._draw_tile(*key)
        self.update()
