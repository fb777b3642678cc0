"""Paper: page sizes, margins, fitting the map on one page and tiling it over many.

Pure arithmetic in PDF points (1/72 inch), y up as in PDF. Map coordinates are layout
pixels (y down); a page shows the map at ``scale`` points per pixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mapper.layout.geometry import Rect

MM = 72 / 25.4
PAGE_SIZES: dict[str, tuple[float, float]] = {  # portrait width x height
    "A4": (210 * MM, 297 * MM),
    "A3": (297 * MM, 420 * MM),
    "Letter": (612.0, 792.0),
    "Tabloid": (792.0, 1224.0),
}

MARGIN = 28.0  # around fitted map pages and report pages
TILE_MARGIN = 36.0  # around tiles: room for crop marks, labels and the printer's edge
FOOTER = 16.0  # the footer's band inside the bottom margin


def page_size(name: str, landscape: bool) -> tuple[float, float]:
    width, height = PAGE_SIZES[name]
    return (height, width) if landscape else (width, height)


def page_label(name: str, landscape: bool) -> str:
    return f"{name} {'landscape' if landscape else 'portrait'}"


def fit_scale(map_width: float, map_height: float, area: Rect, max_scale: float = 1.25) -> float:
    """The largest scale (up to ``max_scale``) that shows the whole map inside ``area``."""
    if map_width <= 0 or map_height <= 0:
        return max_scale
    return min(area.width / map_width, area.height / map_height, max_scale)


def row_name(index: int) -> str:
    """Tile rows are lettered like spreadsheet columns: A..Z, AA, AB..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


@dataclass(frozen=True)
class Tile:
    """One page of a tiled map: which part of the map (``source``, in map pixels) it shows
    and where on the page that part is printed (``area``, in points, y up)."""

    row: int
    column: int
    rows: int
    columns: int
    source: Rect
    area: Rect

    @property
    def label(self) -> str:
        return f"{row_name(self.row)}{self.column + 1}"


def _count(length: float, room: float, overlap: float) -> int:
    if length <= room:
        return 1
    return math.ceil((length - overlap) / (room - overlap))


def tile_plan(
    map_width: float, map_height: float, page: tuple[float, float], scale: float, overlap: float
) -> list[Tile]:
    """Tiles row by row: as few as cover the map, sharing its width and height evenly (so
    no tile is mostly empty), each printed in a window of at most ``page - margins``;
    neighbours share ``overlap`` points so the sheets can be trimmed on the crop marks and
    taped."""
    width, height = page
    room = Rect(TILE_MARGIN, TILE_MARGIN, width - 2 * TILE_MARGIN, height - 2 * TILE_MARGIN)
    columns = _count(map_width * scale, room.width, overlap)
    rows = _count(map_height * scale, room.height, overlap)
    tile_w = _share(map_width * scale, columns, overlap, room.width)
    tile_h = _share(map_height * scale, rows, overlap, room.height)
    area = Rect(room.x, room.y, tile_w, tile_h)
    step_x, step_y = (tile_w - overlap) / scale, (tile_h - overlap) / scale
    tiles = []
    for r in range(rows):
        for c in range(columns):
            source = Rect(c * step_x, r * step_y, tile_w / scale, tile_h / scale)
            tiles.append(Tile(r, c, rows, columns, source, area))
    return tiles


def _share(length: float, count: int, overlap: float, room: float) -> float:
    """Each of ``count`` tiles' printed length so that together they cover ``length``."""
    if count <= 1:
        return min(max(length, 1.0), room)
    return min(room, (length + (count - 1) * overlap) / count)
