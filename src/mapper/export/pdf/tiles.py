"""Poster tiling furniture: the poster's parts, crop marks, tile labels and the assembly guide."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pages import Tile, row_name
from mapper.export.pdf.draw import Text, baseline_in, rgb, round_rect
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.markup import one_line
from mapper.export.pdf.overview import Overview, draw_overview, names_height
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.grid import MapLayout
from mapper.layout.text import elide, text_width

POSTER_GAP = 10.0  # points between the poster's title block, map and legend


@dataclass(frozen=True)
class Poster:
    """The poster in points at the tile scale: title block, map, legend, top to bottom."""

    scale: float
    width: float
    title_h: float
    map_h: float
    legend_h: float

    @property
    def map_top(self) -> float:
        return self.title_h + POSTER_GAP

    @property
    def legend_top(self) -> float:
        return self.map_top + self.map_h + POSTER_GAP

    @property
    def height(self) -> float:
        return self.legend_top + self.legend_h


MARK = 10.0  # crop mark length: short enough to stay clear of the footer's text
MARK_GAP = 5.0  # between the trim line and the mark
HEADER_SIZE = 7.0  # stage and lane names in the margins of each tile
CLEAR = 4.0  # margin text keeps this far from the crop marks


def crop_marks(canv: Canvas, area: Rect) -> None:
    """Short lines in the margin continuing each edge of the printed area."""
    canv.setStrokeColor(rgb(theme.INK))
    canv.setLineWidth(0.4)
    x0, x1, y0, y1 = area.x, area.right, area.y, area.bottom
    g, m = MARK_GAP, MARK
    canv.lines(
        [
            (x0 - g - m, y0, x0 - g, y0),
            (x0, y0 - g - m, x0, y0 - g),
            (x1 + g, y0, x1 + g + m, y0),
            (x1, y0 - g - m, x1, y0 - g),
            (x0 - g - m, y1, x0 - g, y1),
            (x0, y1 + g, x0, y1 + g + m),
            (x1 + g, y1, x1 + g + m, y1),
            (x1, y1 + g, x1, y1 + g + m),
        ]
    )


def overlap_marks(canv: Canvas, tile: Tile, overlap: float) -> None:
    """Small ticks in the bottom and right margins where the overlap with the previous
    tile ends (the top and left margins carry the stage and lane names)."""
    if overlap <= 0:
        return
    a = tile.area
    canv.setStrokeColor(rgb(theme.MUTED_INK))
    canv.setLineWidth(0.4)
    canv.setDash(1.5, 1.5)
    marks = []
    if tile.column > 0:
        x = a.x + overlap
        marks.append((x, a.bottom + 3, x, a.bottom + 10))
    if tile.row > 0:
        y = a.y + overlap
        marks.append((a.right + 3, y, a.right + 10, y))
    if marks:
        canv.lines(marks)
    canv.setDash()


def margin_headers(
    canv: Canvas, layout: MapLayout, tile: Tile, scale: float, map_top: float
) -> None:
    """The names of the stages a tile shows, above it, and of its lanes, beside it, in
    the margins that are trimmed off: every sheet says where it is in the journey."""
    a, s = tile.area, scale
    seen_x, seen_y = tile.source.x * s, tile.source.y * s - map_top  # map top = 0
    text = Text(canv)
    text.style(HEADER_SIZE, theme.INK, bold=True)
    canv.setStrokeColor(rgb(theme.GRID_LINE))
    canv.setLineWidth(0.6)
    ticks = []
    lo, hi = a.x + CLEAR, a.right - CLEAR
    for box in layout.stages:
        x0 = max(lo, a.x + box.column.x * s - seen_x)
        x1 = min(hi, a.x + box.column.right * s - seen_x)
        if x1 - x0 < 12:
            continue
        label = elide(one_line(box.stage.name), x1 - x0 - 4, HEADER_SIZE, bold=True)
        text.centre((x0 + x1) / 2, a.y - 6, label)
        ticks += [(x, a.y - 12, x, a.y - 3) for x in (x0, x1) if lo < x < hi]
    if layout.lanes and seen_y < layout.height * s and seen_y + a.height > 0:
        lo, hi = a.y + CLEAR, a.bottom - CLEAR
        for lane_box in layout.lanes:
            y0 = max(lo, a.y + lane_box.row.y * s - seen_y)
            y1 = min(hi, a.y + lane_box.row.bottom * s - seen_y)
            if y1 - y0 < 12:
                continue
            label = elide(one_line(lane_box.lane.name), y1 - y0 - 4, HEADER_SIZE, bold=True)
            width = text_width(label, HEADER_SIZE, bold=True)
            text.upward(a.x - 6, (y0 + y1) / 2 + width / 2, label)
            ticks += [(a.x - 12, y, a.x - 3, y) for y in (y0, y1) if lo < y < hi]
    if ticks:
        canv.lines(ticks)
    text.draw()


def tile_header(canv: Canvas, tile: Tile, page_width: float) -> None:
    """The tile's name top left; its neighbours top right, for assembling the poster."""
    text = Text(canv)
    y = tile.area.y - 19  # above the stage names
    x = tile.area.x + 8  # clear of the crop mark
    label = f"Tile {tile.label}"
    text.style(9, theme.INK, bold=True)
    text.at(x, y, label)
    text.style(7.5, theme.MUTED_INK)
    text.at(
        x + text_width(label, 9, bold=True) + 8,
        y,
        f"row {row_name(tile.row)} of {tile.rows} rows, "
        f"column {tile.column + 1} of {tile.columns} columns",
    )
    near = []
    r, c = tile.row, tile.column
    if r > 0:
        near.append(f"above {row_name(r - 1)}{c + 1}")
    if r + 1 < tile.rows:
        near.append(f"below {row_name(r + 1)}{c + 1}")
    if c > 0:
        near.append(f"left {row_name(r)}{c}")
    if c + 1 < tile.columns:
        near.append(f"right {row_name(r)}{c + 2}")
    if near:
        text.right(tile.area.right - 8, y, " \u00b7 ".join(near))
    text.draw()


def assembly_guide(
    canv: Canvas, painter: MapPainter, tiles: list[Tile], poster: Poster, rect: Rect
) -> None:
    """A miniature of the poster (its title band, the map with its stage names, the
    legend band) with the tile grid over it, each tile labelled like its page."""
    s = poster.scale  # poster points per map pixel
    k = min(rect.width / poster.width, rect.height / poster.height)  # guide per poster pt
    names = names_height(painter.layout, s * k)
    k = min(rect.width / poster.width, (rect.height - names) / poster.height)
    names = names_height(painter.layout, s * k)
    ox = rect.x + (rect.width - poster.width * k) / 2
    oy = rect.y + names  # the stage names above the poster, over their columns
    text = Text(canv)
    bands = (
        (Rect(ox, oy, poster.width * k, poster.title_h * k), "Title"),
        (Rect(ox, oy + poster.legend_top * k, poster.width * k, poster.legend_h * k), "Legend"),
    )
    for band, label in bands:
        round_rect(canv, band, 0, fill=theme.HEADER_FILL, stroke=theme.GRID_LINE, width=0.5)
        if band.height >= 8:
            text.style(6.5, theme.MUTED_INK, bold=True)
            text.at(band.x + 4, baseline_in(band.y, band.height, 6.5), label)
    text.draw()
    top = oy + poster.map_top * k
    view = Overview(s * k, ox, top - names, names, names_bottom=oy)
    draw_overview(canv, painter, view)

    canv.setStrokeColor(rgb(theme.SELECTION))
    canv.setLineWidth(0.8)
    width, height = poster.width * k, poster.height * k
    xs = sorted({ox + t.source.x * s * k for t in tiles if t.column > 0})
    ys = sorted({oy + t.source.y * s * k for t in tiles if t.row > 0})
    canv.lines([(x, oy, x, oy + height) for x in xs] + [(ox, y, ox + width, y) for y in ys])
    canv.rect(ox, oy, width, height, stroke=1, fill=0)
    first = tiles[0]
    cell_w = min(first.source.width * s, poster.width) * k
    cell_h = min(first.source.height * s, poster.height) * k
    label_cells = cell_w >= 22 and cell_h >= 12
    every = max(1, round(10 / max(cell_h, 0.1)))
    text.style(7, theme.SELECTION, bold=True)
    for tile in tiles:
        src = tile.source
        cx = ox + (src.x + min(src.right, poster.width / s)) / 2 * s * k
        cy = oy + (src.y + min(src.bottom, poster.height / s)) / 2 * s * k
        if label_cells:
            label = tile.label
            w = text_width(label, 7, bold=True) + 6
            round_rect(canv, Rect(cx - w / 2, cy - 6, w, 11), 2, fill="#ffffff")
            text.centre(cx, baseline_in(cy - 6, 11, 7), label)
        elif tile.column == 0 and tile.row % every == 0:
            text.right(ox - 4, baseline_in(cy - 6, 12, 7), row_name(tile.row))
    text.draw()
