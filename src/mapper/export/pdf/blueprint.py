"""A service blueprint's lines on paper (layout.blueprint): the band between two lanes,
the line through it and its name at the left, as on the canvas."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.draw import Text, rgb
from mapper.layout import theme
from mapper.layout.blueprint import LABEL_SIZE, LABEL_X, LINE_WIDTH, SHORT_LABELS
from mapper.layout.grid import MapLayout
from mapper.layout.text import text_width


def draw_blueprint_bands(
    canv: Canvas,
    layout: MapLayout,
    start: float,
    end: float,
    rows: tuple[float, float] | None = None,
) -> None:
    """The bands and their lines between map x ``start`` and ``end`` (those within map y
    ``rows``), names not included."""
    lines = [ln for ln in layout.blueprint if rows is None or rows[0] <= ln.y <= rows[1]]
    if not lines:
        return
    gap = layout.style.blueprint_gap
    canv.saveState()
    canv.setFillColor(rgb(theme.HEADER_FILL))
    canv.setStrokeColor(rgb(theme.GRID_LINE))
    canv.setLineWidth(0.8)
    for line in lines:
        top = line.y - gap / 2
        canv.rect(start, top, end - start, gap, stroke=0, fill=1)
        canv.line(start, top, end, top)
    canv.setStrokeColor(rgb(theme.BLUEPRINT_LINE))
    canv.setLineWidth(LINE_WIDTH)
    for line in lines:
        canv.setDash(list(line.dash) or [], 0)
        for x0, x1 in line.segments(start, end):
            canv.line(x0, line.y, x1, line.y)
    canv.restoreState()


def draw_blueprint_names(
    layout: MapLayout, text: Text, rows: tuple[float, float] | None = None
) -> None:
    """The lines' names in the lane-header column, those within map y ``rows``."""
    for line in layout.blueprint:
        if rows is None or rows[0] <= line.y <= rows[1]:
            text.style(LABEL_SIZE, theme.BLUEPRINT_LINE, bold=True)
            text.at(line.label_box.x, line.baseline, line.label)


def draw_blueprint_names_scaled(
    canv: Canvas, layout: MapLayout, x: float, top: float, scale: float, least: float
) -> None:
    """The lines' names on a picture of the map drawn at ``scale`` from page point
    (``x``, ``top``), at ``least`` points or more: the full name where the header column
    has room for it, else the short one; neither when the band or the column is too small
    (the detail pages name the line, as they name such lanes)."""
    size = max(LABEL_SIZE * scale, least)
    room = (layout.style.lane_header_width - LABEL_X) * scale - 3
    if size > layout.style.blueprint_gap * scale:
        return
    text = Text(canv)
    text.style(size, theme.BLUEPRINT_LINE, bold=True)
    for line in layout.blueprint:
        name = next(
            (n for n in (line.label, SHORT_LABELS[line.kind]) if text_width(n, size, True) <= room),
            None,
        )
        if name is not None:
            text.at(x + LABEL_X * scale, top + line.y * scale + size * 0.26, name)
    text.draw()
