"""Report tables: plain-text cells, column widths with minimums, headings kept with rows.

Cells are :class:`TextCell` runs of plain text, never markup, so nothing a user typed can
change how a table looks; every row's height is bounded, so no row outgrows a page.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Table

from mapper.export.pdf.flowables import Run, TextCell
from mapper.export.pdf.styles import table_style
from mapper.layout import theme
from mapper.layout.text import text_width

Columns = tuple[tuple[str, float], ...]  # header, share of the width

CELL_PADDING = 5.0  # left and right, as in table_style()
HEADER_ROW = 19.0
HEADER_SIZE = 7.5
MIN_COLUMN = 40.0
LINK_COLOUR = "#2b6cb0"
WARNING_COLOUR = "#c53030"
MUTED = theme.MUTED_INK


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


def make_table(rows: list[list[object]], columns: Columns, width: float, colour: str) -> Table:
    header = [TextCell([Run(name, HEADER_SIZE, "#ffffff", bold=True)]) for name, _ in columns]
    table = Table([header, *rows], colWidths=column_widths(columns, width), repeatRows=1)
    table.setStyle(table_style(colour))
    return table


def room_for(
    intro: list[Flowable], first_row: list[object] | None, columns: Columns, width: float
) -> CondPageBreak:
    """A new page unless a heading, its intro, the table header and the first row fit.

    (``keepWithNext`` would glue a heading to a whole table and leaves a blank page when
    the table is longer than a page.)"""
    height = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in intro)
    if first_row is not None:
        cells = [c for c in first_row if isinstance(c, Flowable)]
        widths = [
            w - 2 * CELL_PADDING
            for w, c in zip(column_widths(columns, width), first_row, strict=True)
            if isinstance(c, Flowable)
        ]
        row = max((c.wrap(w, 10_000)[1] for c, w in zip(cells, widths, strict=True)), default=0)
        height += HEADER_ROW + row + 9
    return CondPageBreak(height + 6)


def cell(
    text: str, size: float = 8.0, colour: str = theme.INK, bold: bool = False, max_lines: int = 4
) -> TextCell:
    return TextCell([Run(text, size, colour, bold, max_lines=max_lines)])
