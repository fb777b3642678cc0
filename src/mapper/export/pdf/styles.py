"""Paragraph and table styles of the report pages (DejaVu Sans throughout)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from mapper.export.pdf.draw import rgb
from mapper.layout import theme
from mapper.layout.text import BOLD, REGULAR


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    label: ParagraphStyle
    body: ParagraphStyle
    muted: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    header_cell: ParagraphStyle
    name: ParagraphStyle


@cache
def styles() -> Styles:
    ink, muted = rgb(theme.INK), rgb(theme.MUTED_INK)
    base = ParagraphStyle(
        "base",
        fontName=REGULAR,
        fontSize=9,
        leading=12.5,
        textColor=ink,
        splitLongWords=1,
        bulletFontName=REGULAR,  # the default is an unembedded Helvetica
    )
    return Styles(
        title=ParagraphStyle("title", base, fontName=BOLD, fontSize=20, leading=25, spaceAfter=4),
        heading=ParagraphStyle(
            "heading", base, fontName=BOLD, fontSize=15, leading=19, spaceBefore=2, spaceAfter=8
        ),
        subheading=ParagraphStyle(
            "subheading",
            base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=12,
            spaceAfter=2,
        ),
        label=ParagraphStyle(
            "label",
            base,
            fontName=BOLD,
            fontSize=7.5,
            leading=10,
            textColor=muted,
            spaceBefore=10,
            spaceAfter=3,
            keepWithNext=1,  # a section label never ends a page
        ),
        body=ParagraphStyle("body", base, spaceAfter=4),
        muted=ParagraphStyle(
            "muted", base, fontSize=8.5, leading=11.5, textColor=muted, spaceAfter=6
        ),
        quote=ParagraphStyle(
            "quote",
            base,
            fontSize=10.5,
            leading=14.5,
            textColor=ink,
            leftIndent=10,
            borderPadding=(2, 0, 2, 8),
            spaceBefore=8,
            spaceAfter=8,
        ),
        bullet=ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=3),
        cell=ParagraphStyle("cell", base, fontSize=8, leading=10.5),
        cell_bold=ParagraphStyle("cell_bold", base, fontName=BOLD, fontSize=8, leading=10.5),
        cell_muted=ParagraphStyle("cell_muted", base, fontSize=7.5, leading=10, textColor=muted),
        header_cell=ParagraphStyle(
            "header_cell", base, fontName=BOLD, fontSize=7.5, leading=10, textColor=rgb("#ffffff")
        ),
        name=ParagraphStyle(
            "name", base, fontName=BOLD, fontSize=16, leading=20, spaceBefore=8, spaceAfter=2
        ),
    )


# Every table names its cell font: the default is an unembedded Helvetica.
CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), REGULAR)


def table_style(header_colour: str = theme.INK) -> TableStyle:
    """Header row on a dark band, hairlines between rows, zebra stripes."""
    return TableStyle(
        [
            CELL_FONT,
            ("BACKGROUND", (0, 0), (-1, 0), rgb(header_colour)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, rgb(theme.GRID_LINE)),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [rgb("#ffffff"), rgb("#f7f9fb")]),
        ]
    )
