"""Poster tiling furniture: crop marks, tile labels and the assembly guide."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pages import Tile, row_name
from mapper.export.pdf.draw import Text, baseline_in, rgb, round_rect
from mapper.export.pdf.map_painter import MapPainter
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.text import text_width

MARK = 14.0  # crop mark length
MARK_GAP = 5.0  # between the trim line and the mark


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
    """Small ticks in the margin where the overlap with the previous tile ends."""
    if overlap <= 0:
        return
    a = tile.area
    canv.setStrokeColor(rgb(theme.MUTED_INK))
    canv.setLineWidth(0.4)
    canv.setDash(1.5, 1.5)
    marks = []
    if tile.column > 0:
        x = a.x + overlap
        marks += [(x, a.y - 10, x, a.y - 3), (x, a.bottom + 3, x, a.bottom + 10)]
    if tile.row > 0:
        y = a.y + overlap
        marks += [(a.x - 10, y, a.x - 3, y), (a.right + 3, y, a.right + 10, y)]
    if marks:
        canv.lines(marks)
    canv.setDash()


def tile_header(canv: Canvas, tile: Tile, page_width: float) -> None:
    """The tile's name top left; its neighbours top right, for assembling the poster."""
    text = Text(canv)
    y = tile.area.y - 14
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
        text.right(page_width - tile.area.x - 8, y, " \u00b7 ".join(near))
    text.draw()


def assembly_guide(canv: Canvas, painter: MapPainter, tiles: list[Tile], rect: Rect) -> None:
    """A small picture of the map with the tile grid over it, labelled like the pages."""
    layout = painter.layout
    k = min(rect.width / max(layout.width, 1), rect.height / max(layout.height, 1))
    ox = rect.x + (rect.width - layout.width * k) / 2
    oy = rect.y
    canv.saveState()
    canv.translate(ox, oy)
    canv.scale(k, k)
    round_rect(canv, painter.bounds, 0, fill="#ffffff")
    for box in layout.stages:
        round_rect(canv, box.header, 0, fill=box.stage.color)
    for box in layout.lanes:
        round_rect(canv, box.header, 0, fill=theme.HEADER_FILL)
    canv.setFillColor(rgb(theme.CARD_BORDER))
    for box in painter.cards:
        r = box.rect
        canv.rect(r.x, r.y, r.width, r.height, stroke=0, fill=1)
    canv.setStrokeColor(rgb(theme.CARD_BORDER))
    canv.setLineWidth(1 / k)
    canv.rect(0, 0, layout.width, layout.height, stroke=1, fill=0)
    canv.restoreState()

    text = Text(canv)
    canv.setStrokeColor(rgb(theme.SELECTION))
    canv.setLineWidth(0.7)
    width, height = layout.width * k, layout.height * k
    xs = sorted({ox + t.source.x * k for t in tiles if t.column > 0})
    ys = sorted({oy + t.source.y * k for t in tiles if t.row > 0})
    canv.lines([(x, oy, x, oy + height) for x in xs] + [(ox, y, ox + width, y) for y in ys])
    first = tiles[0]
    cell_w = min(first.source.width, layout.width) * k
    cell_h = min(first.source.height, layout.height) * k
    label_cells = cell_w >= 22 and cell_h >= 12
    every = max(1, round(10 / max(cell_h, 0.1)))
    text.style(7, theme.SELECTION, bold=True)
    for tile in tiles:
        s = tile.source
        cx = ox + (s.x + min(s.right, layout.width)) / 2 * k
        cy = oy + (s.y + min(s.bottom, layout.height)) / 2 * k
        if label_cells:
            text.centre(cx, baseline_in(cy - 6, 12, 7), tile.label)
        elif tile.column == 0 and tile.row % every == 0:
            text.right(ox - 4, baseline_in(cy - 6, 12, 7), row_name(tile.row))
    text.draw()
