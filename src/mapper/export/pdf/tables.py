"""Report tables: plain-text cells, column widths with minimums, headings kept with rows.

Cells are :class:`TextCell` runs of plain text, never markup, so nothing a user typed can
change how a table looks; every row's height is bounded, so no row outgrows a page.

:class:`RowTable` draws its rows directly (one text object and one path stream per page
part, instead of a platypus Table's per-cell flowables and styles: several times faster
on a big map) and splits only between rows: never a single row alone on a page, and the
part on the next page starts with its caption "(continued)" over the repeated header.
"""

from __future__ import annotations

import copy

from reportlab.platypus import CondPageBreak, Flowable

from mapper.export.pdf.draw import rgb
from mapper.export.pdf.flowables import IconLabel, Link, Rating, Run, TableText, TextCell
from mapper.export.pdf.ops import Ops
from mapper.gcpause import paused_gc
from mapper.layout import theme
from mapper.layout.text import elide, text_width

Columns = tuple[tuple[str, float], ...]  # header, share of the width

CELL_PADDING = 5.0  # left and right
TOP_PADDING = 4.0
BOTTOM_PADDING = 5.0
HEADER_SIZE = 7.5
CAPTION_SIZE = 9.0
CAPTION_HEIGHT = 17.0
MIN_COLUMN = 40.0
MIN_ROWS = 2  # rows a table part keeps together on a page (no orphan, no widow)
LINK_COLOUR = "#2b6cb0"
WARNING_COLOUR = "#c53030"
MUTED = theme.MUTED_INK
STRIPE = "#f7f9fb"


Row = list[TextCell | IconLabel | Rating | None]


def column_widths(columns: Columns, width: float) -> list[float]:
    """Each column its share of ``width``, but never narrower than its header (or
    :data:`MIN_COLUMN`): narrow columns get their minimum, the rest share what is left."""
    minimum = [
        max(MIN_COLUMN, text_width(name, HEADER_SIZE, bold=True) + 2 * CELL_PADDING + 1)
        for name, _ in columns
    ]
    fixed: set[int] = set()
    while True:
        free = width - sum(minimum[i] for i in fixed)
        shares = sum(share for i, (_, share) in enumerate(columns) if i not in fixed)
        widths = [
            minimum[i] if i in fixed else share / shares * free
            for i, (_, share) in enumerate(columns)
        ]
        short = {i for i, w in enumerate(widths) if i not in fixed and w < minimum[i]}
        if not short or len(fixed | short) == len(columns):
            return widths
        fixed |= short


class RowTable(Flowable):
    """A table with a coloured header row, hairlines between rows and zebra stripes.

    ``caption`` (e.g. the stage name) is printed as "caption (continued)" above the part
    of the table that continues on a new page. ``page_height`` is the frame's full height:
    only rows too tall for a page together are ever left alone on one.
    """

    def __init__(
        self,
        rows: list[Row],
        columns: Columns,
        width: float,
        colour: str,
        caption: str,
        page_height: float,
        *,
        first_index: int = 0,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.columns = columns
        self.widths = column_widths(columns, width)
        self.table_width = sum(self.widths)
        self.colour = colour
        self.caption = caption
        self.page_height = page_height
        self.first_index = first_index  # for the zebra stripes of a continued part
        self.continued = continued
        self.header: Row = [
            TextCell([Run(name, HEADER_SIZE, "#ffffff", bold=True)]) for name, _ in columns
        ]
        self.header_height = self._row_height(self.header)
        self._heights: list[float] | None = None
        self.width = self.table_width
        self.height = 0.0

    def _row_height(self, row: Row) -> float:
        tallest = max(
            (
                c.wrap(w - 2 * CELL_PADDING, 10_000)[1]
                for c, w in zip(row, self.widths, strict=True)
                if c is not None
            ),
            default=0.0,
        )
        return tallest + TOP_PADDING + BOTTOM_PADDING

    def row_heights(self) -> list[float]:
        if self._heights is None:
            self._heights = [self._row_height(r) for r in self.rows]
        return self._heights

    def top_height(self) -> float:
        """Caption and header: what every part prints before its rows."""
        return (CAPTION_HEIGHT if self.continued else 0.0) + self.header_height

    def height_of(self, count: int) -> float:
        """The height of this table's first ``count`` rows with its caption and header."""
        return self.top_height() + sum(self.row_heights()[:count])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self.height_of(len(self.rows))
        return self.table_width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        heights = self.row_heights()
        fits, used = 0, self.top_height()
        for h in heights:
            if used + h > availHeight:
                break
            used += h
            fits += 1
        keep = min(MIN_ROWS, len(self.rows))
        # Never leave fewer than MIN_ROWS on either side, unless those rows alone are
        # taller than a whole page (then any split beats no page at all).
        least = keep if self.height_of(keep) <= self.page_height else 1
        most = len(self.rows) - MIN_ROWS
        if self.height_of(len(self.rows)) > self.page_height and most < least:
            most = len(self.rows) - 1
        count = min(fits, most)
        if count < least or count <= 0:
            return []
        return [self._part(0, count, self.continued), self._part(count, len(self.rows), True)]

    def _part(self, start: int, end: int, continued: bool) -> RowTable:
        part = copy.copy(self)
        for layout_state in ("canv", "_frame", "_postponed"):
            part.__dict__.pop(layout_state, None)
        part.rows = self.rows[start:end]
        part.first_index = self.first_index + start
        part.continued = continued
        part._heights = self.row_heights()[start:end]
        part.height = 0.0
        return part

    def draw(self) -> None:
        with paused_gc():
            self._draw()

    def _draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate(0, self.height)
        canv.scale(1, -1)
        ops, text = Ops(), TableText(canv)
        links: list[Link] = []
        y = 0.0
        if self.continued:
            text.style(CAPTION_SIZE, theme.INK, bold=True)
            room = self.table_width - text_width(" (continued)", CAPTION_SIZE, bold=True)
            caption = elide(self.caption, room, CAPTION_SIZE, bold=True)
            text.at(0, CAPTION_SIZE + 2, f"{caption} (continued)")
            y = CAPTION_HEIGHT
        # backgrounds first, then every line of text in one text object
        ops.fill_color(rgb(self.colour))
        ops.rect(0, y, self.table_width, self.header_height)
        ops.fill()
        row_y = y + self.header_height
        ops.fill_color(rgb(STRIPE))
        for n, h in enumerate(self.row_heights()):
            if (self.first_index + n) % 2:
                ops.rect(0, row_y, self.table_width, h)
            row_y += h
        ops.fill()
        ops.stroke_color(rgb(theme.GRID_LINE))
        ops.line_width(0.4)
        row_y = y + self.header_height
        for h in self.row_heights():
            row_y += h
            ops.move((0, row_y))
            ops.line((self.table_width, row_y))
        ops.stroke()
        rows = [(self.header, self.header_height)]
        rows += zip(self.rows, self.row_heights(), strict=True)
        for row, h in rows:
            x = 0.0
            for c, w in zip(row, self.widths, strict=True):
                if c is not None:  # laid out at its width by row_heights()
                    c.paint_at(ops, text, x + CELL_PADDING, y + TOP_PADDING, links)
                x += w
            y += h
        ops.flush(canv)
        text.draw()
        for url, rect in links:
            canv.linkURL(url, rect, relative=1, thickness=0)
        canv.restoreState()


def make_table(
    rows: list[Row], columns: Columns, width: float, colour: str, caption: str, page_height: float
) -> RowTable:
    return RowTable(rows, columns, width, colour, caption, page_height)


def room_for(intro: list[Flowable], table: RowTable | None, width: float) -> CondPageBreak:
    """A new page unless a heading, its intro, the table header and its first rows fit.

    (``keepWithNext`` would glue a heading to a whole table and leaves a blank page when
    the table is longer than a page.)"""
    height = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in intro)
    if table is not None:
        rows = len(table.rows) if len(table.rows) <= 2 * MIN_ROWS - 1 else MIN_ROWS
        height += table.height_of(rows)
        height = min(height, table.page_height - 6)  # too tall for any page: just start
    return CondPageBreak(height + 6)


def cell(
    text: str, size: float = 8.0, colour: str = theme.INK, bold: bool = False, max_lines: int = 4
) -> TextCell:
    return TextCell([Run(text, size, colour, bold, max_lines=max_lines)])
