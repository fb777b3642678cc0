"""The item that draws a flow layer's chunks (canvas.flow_layer). In a view it draws them
into tiles of screen pixels, kept while the zoom stays: a wheel notch then mostly copies
tiles drawn before, and draws a row of new ones every few notches.

After an edit that moves many flows, every tile in view is drawn again, and on a big map at
100 % that is thousands of antialiased curves (about a second on a 5,000-card map). So one
repaint strokes at most ``FULL_STROKES`` curves in full: the tiles past that are drawn with
one-pixel lines first (a tenth of the time), then in full on later turns of the event loop,
``FULL_STROKES`` curves a turn, so the editor keeps answering while the lines settle."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.flow_chunks import FlowChunk
from mapper.canvas.flow_item import _ANTIALIASING, _NO_BRUSH, HAIRLINE, _color, _pen
from mapper.layout.theme import LIGHT, Theme

if TYPE_CHECKING:
    from mapper.canvas.flow_item import FlowItem

Z = 4.9  # under the flows' own items (z 5): a selected flow is drawn over the others
TILE = 512  # screen pixels a side (on a high-DPI screen, fewer viewport pixels)
MAX_TILES = 48  # 48 MB: a few screens' worth (more when one screen needs more)
_AA = 2.0  # pixels an antialiased line may reach beyond its curve
FULL_STROKES = 200  # curves one turn strokes in full (20-40 ms here): then one-pixel lines
_NOTHING = QPainterPath()
Tile = tuple[int, int]


class _Grid(NamedTuple):
    """What a view's tiles were drawn for: scene to screen pixels is (m11, m22) and the
    fraction (fx, fy) of a pixel; drawn again when any of it changes."""

    widget: int  # the id of the viewport
    m11: float
    m22: float
    fx: float
    fy: float
    colour: int  # of the flows (the light or dark look)
    ratio: float  # screen pixels to a viewport pixel


class FlowLayerItem(QGraphicsItem):
    """Draws the layer's chunks; on screen through tiles (see the module's docstring)."""

    def __init__(self, chunks: Mapping[Any, FlowChunk]) -> None:
        super().__init__()
        self.chunks = chunks
        self.setZValue(Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._bounds = QRectF()
        self._tiles: dict[Tile, QImage | None] = {}  # oldest first
        self._grid: _Grid | None = None  # what the tiles were drawn for
        # tiles drawn with one-pixel lines for now, each with a serial number of its own
        self.rough: dict[Tile, int] = {}
        self._serials = itertools.count()
        self._job: _InFull | None = None  # the rough tile being drawn in full
        self._strokes = 0  # curves stroked in full in this repaint
        self._refining = False  # a turn is to come
        self._room = MAX_TILES  # tiles kept: never fewer than a view and a ring around it

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
        grid = self._grid
        if scene_rect is None or grid is None:
            self._tiles.clear()
            self.rough.clear()
            return
        left, right, top, bottom = _span(grid, scene_rect)
        if (right - left + 1) * (bottom - top + 1) > len(self._tiles):
            dropped = [key for key in self._tiles if left <= key[0] <= right
                       and top <= key[1] <= bottom]  # fmt: skip
        else:
            dropped = [(i, j) for i in range(left, right + 1) for j in range(top, bottom + 1)]
        for key in dropped:
            self._tiles.pop(key, None)
            self.rough.pop(key, None)

    def keep_only(self, scene_rects: list[QRectF]) -> list[QRectF]:
        """Drop the tiles but those over ``scene_rects`` (what the views show); returns
        where the tiles kept are, in scene units (a tile reaches beyond its view)."""
        grid = self._grid
        spans = [_span(grid, rect) for rect in scene_rects] if grid is not None else []
        kept = []
        for key in list(self._tiles):
            i, j = key
            if any(left <= i <= right and top <= j <= bottom for left, right, top, bottom in spans):
                kept.append(self.tile_area(i, j))
            else:
                self._tiles.pop(key, None)
                self.rough.pop(key, None)
        return kept

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
                    chunk.draw(painter, width, self._theme())
            return
        # Tiles are of the screen's pixels: on a high-DPI screen a viewport pixel is two
        # (or 1.25, 1.5...) of them, and a tile of viewport pixels would be blown up, blurred
        device = painter.device()
        ratio = device.devicePixelRatioF()
        pixels = QTransform.fromScale(ratio, ratio)
        world = transform
        transform = world * pixels  # scene -> screen pixels
        m11, m22 = transform.m11(), transform.m22()
        ox, oy = math.floor(transform.dx()), math.floor(transform.dy())
        fx, fy = transform.dx() - ox, transform.dy() - oy
        grid = _Grid(id(widget), m11, m22, fx, fy, _color(False, self._theme()).rgba(), ratio)
        if grid != self._grid:
            self.forget()
            self._grid = grid
        rects: list[QRect] | None = getattr(scene, "paint_rects", None)
        if rects is None:  # the whole repaint: the painter's clip, or all of the viewport
            whole = QRect(0, 0, device.width(), device.height())
            clip = world.mapRect(painter.clipBoundingRect()).toAlignedRect()
            rects = [clip if painter.hasClipping() else whole]
        if ratio != 1.0:  # viewport pixels -> screen pixels
            rects = [pixels.mapRect(QRectF(rect)).toAlignedRect() for rect in rects]
        # (a view needing more tiles than are kept would drop some of its own while it
        # is drawn, and draw them again on every repaint, never settling)
        across = math.ceil(device.width() * ratio / TILE) + 2
        self._room = max(MAX_TILES, across * (math.ceil(device.height() * ratio / TILE) + 2))
        painter.setWorldTransform(pixels.inverted()[0])  # screen pixels, one to one
        self._strokes = 0
        for rect in rects:
            painter.setClipRect(rect)
            for j in range((rect.top() - oy) // TILE, (rect.bottom() - oy) // TILE + 1):
                for i in range((rect.left() - ox) // TILE, (rect.right() - ox) // TILE + 1):
                    tile = self._tile(i, j)
                    if tile is not None:
                        painter.drawImage(ox + i * TILE, oy + j * TILE, tile)
        painter.setWorldTransform(world)

    def _tile(self, i: int, j: int) -> QImage | None:
        key = (i, j)
        if key in self._tiles:
            tile = self._tiles.pop(key)  # and back at the end: the newest
        else:
            tile = self._draw_tile(i, j)
            while len(self._tiles) >= self._room:
                self.rough.pop(oldest := next(iter(self._tiles)), None)
                del self._tiles[oldest]
        self._tiles[key] = tile
        return tile

    def _hairlines(self) -> bool:
        """Flows are one-pixel lines at this zoom (as FlowItem draws them): always fast."""
        grid = self._grid
        return grid is not None and 1.6 * grid.m11 / grid.ratio <= HAIRLINE

    def tile_area(self, i: int, j: int) -> QRectF:
        """What tile (i, j) shows, in scene coordinates (with room for antialiasing)."""
        grid = self._grid
        assert grid is not None  # (tiles exist once a view painted)
        m11, m22, fx, fy = grid.m11, grid.m22, grid.fx, grid.fy
        return QRectF((i * TILE - fx - _AA) / m11, (j * TILE - fy - _AA) / m22,
                      (TILE + 2 * _AA) / m11, (TILE + 2 * _AA) / m22)  # fmt: skip

    def _draw_tile(self, i: int, j: int) -> QImage | None:
        """The tile's pixels: the flows of every chunk that reaches it (None: none does).
        Past this repaint's share of curves, in one-pixel lines for now."""
        hairlines = self._hairlines()
        counted = not hairlines and self._strokes < FULL_STROKES  # else rough: no need
        contents = self._contents(i, j, counted)
        if contents is None:
            return None
        chunks, curves = contents
        tile = _blank()
        painter = self._painter(tile, i, j)
        if curves is not None and self._strokes + len(curves) <= FULL_STROKES:
            self._strokes += len(curves)
            self._stroke(painter, curves, chunks)
        else:  # one-pixel lines: at this zoom, or for now
            for chunk in chunks:
                chunk.draw(painter, 0.0, self._theme())
            if not hairlines:
                self.rough[(i, j)] = next(self._serials)
                self._refine_later()
        painter.end()
        return tile

    def _contents(
        self, i: int, j: int, curves: bool = True
    ) -> tuple[list[FlowChunk], list[FlowItem] | None] | None:
        """The chunks that reach tile (i, j) and (if asked) the curves of theirs that may."""
        area = self.tile_area(i, j)
        chunks = [c for c in self.chunks.values() if c.boundingRect().intersects(area)]
        if not chunks:
            return None
        if not curves:
            return chunks, None
        reach = (area.left(), area.top(), area.right(), area.bottom())
        return chunks, [f for c in chunks if not c.arrows for f in c.reaching(reach)]

    def _painter(self, tile: QImage, i: int, j: int) -> QPainter:
        grid = self._grid
        assert grid is not None
        m11, m22, fx, fy = grid.m11, grid.m22, grid.fx, grid.fy
        painter = QPainter(tile)
        painter.setRenderHint(_ANTIALIASING, True)
        painter.setClipRect(0, 0, TILE, TILE)  # a rectangle: Qt's fast line drawing
        painter.setTransform(QTransform(m11, 0, 0, m22, fx - i * TILE, fy - j * TILE))
        return painter

    def _stroke(
        self, painter: QPainter, curves: list[FlowItem], chunks: list[FlowChunk] | None
    ) -> None:
        """``curves`` in full (each on its own: as one shape they are slower), then the
        arrow heads of ``chunks``."""
        painter.setPen(_pen(False, 1.6, self._theme()))
        painter.setBrush(_NO_BRUSH)
        for flow in curves:
            painter.drawPath(flow.path())
        for chunk in chunks or ():
            if chunk.arrows:
                chunk.draw(painter, 1.6, self._theme())

    def _theme(self) -> Theme:
        return getattr(self.scene(), "theme", LIGHT)

    def _refine_later(self) -> None:
        if not self._refining:
            self._refining = True
            QTimer.singleShot(0, self._refine)

    def _refine(self) -> None:
        """A turn of the event loop: the next ``FULL_STROKES`` curves of the newest rough
        tile in full, and a turn more while rough tiles are left."""
        self._refining = False
        if not shiboken6.isValid(self) or self.scene() is None or not self.rough:
            return
        self._draw_in_full(FULL_STROKES)
        if self.rough:
            self._refine_later()

    def _draw_in_full(self, share: int) -> None:
        """Draw ``share`` more curves of the newest rough tile in full; the tile shows them
        once all are."""
        job = self._job
        if job is None or self.rough.get(job.key) != job.serial:  # none, or it went
            key = next(key for key in reversed(self._tiles) if key in self.rough)
            chunks, curves = self._contents(*key) or ([], [])
            job = self._job = _InFull(key, self.rough[key], _blank(), chunks, curves or [])
        painter = self._painter(job.tile, *job.key)
        done = job.done + share
        last = done >= len(job.curves)
        self._stroke(painter, job.curves[job.done : done], job.chunks if last else None)
        painter.end()
        job.done = done
        if last:
            self._job = None
            del self.rough[job.key]
            self._tiles[job.key] = job.tile
            self.update(self.tile_area(*job.key))

    def settle(self) -> None:
        """Draw every rough tile in full now (before a view is grabbed as an image)."""
        while self.rough:
            self._draw_in_full(sys.maxsize)


@dataclass
class _InFull:
    """A rough tile being drawn in full, a share of its curves a turn."""

    key: Tile
    serial: int  # of the rough tile it replaces (drawn rough again: a new one)
    tile: QImage
    chunks: list[FlowChunk]
    curves: list[FlowItem]
    done: int = 0


def _blank() -> QImage:
    tile = QImage(TILE, TILE, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(0)
    return tile


def _span(grid: _Grid, scene_rect: QRectF) -> tuple[int, int, int, int]:
    """The columns and rows of the tiles over ``scene_rect``: left, right, top, bottom."""
    m11, m22, fx, fy = grid.m11, grid.m22, grid.fx, grid.fy
    return (
        int((scene_rect.left() * m11 + fx - _AA) // TILE),
        int((scene_rect.right() * m11 + fx + _AA) // TILE),
        int((scene_rect.top() * m22 + fy - _AA) // TILE),
        int((scene_rect.bottom() * m22 + fy + _AA) // TILE),
    )
