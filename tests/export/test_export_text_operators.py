"""The map's and the report's text is written with its own fast operators: they must be
exactly what reportlab writes for the same text (same bytes, same font subsets)."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.draw import Text, fill_op, rgb, shown
from mapper.export.pdf.fonts import register_fonts
from mapper.layout import theme
from mapper.layout.text import BOLD, REGULAR

LINES = [
    "Compare delivery options",
    "Paren (x) and back\\slash )( \\",
    "  spaces at both ends  ",
    "~!@#$%^&*_+{}|:\"<>?`-=[];',./",
    "tab\tinside",  # not printable: reportlab's own path
    "caf\u00e9 \u2014 na\u00efve",  # beyond ASCII: reportlab's own path
    "\u0127\u0180\u01ff new subset characters",
    "Compare delivery options",  # again, after other subsets were used
]


def _text_object(font: str, size: float):
    canv = Canvas(io.BytesIO(), invariant=1)
    obj = canv.beginText()
    obj.setFont(font, size)
    return canv, obj


@pytest.mark.parametrize(("font", "size"), [(REGULAR, 8.0), (BOLD, 9.5), (REGULAR, 6.25)])
def test_shown_text_is_what_reportlab_writes(font, size):
    register_fonts()
    ours_canvas, ours = _text_object(font, size)
    theirs_canvas, theirs = _text_object(font, size)
    for i, line in enumerate(LINES):
        if i == 4:  # a font change in between resets the subset, as in a table row
            ours.setFont(font, size)
            theirs.setFont(font, size)
        assert shown(ours, line) == theirs._formatText(line), line
        assert ours._curSubset == theirs._curSubset
    ours_canvas.drawText(ours)
    theirs_canvas.drawText(theirs)
    assert ours_canvas.getpdfdata() == theirs_canvas.getpdfdata()


def test_text_style_sets_the_colour_as_reportlab_does():
    register_fonts()
    canv = Canvas(io.BytesIO(), invariant=1)
    text = Text(canv)
    text.style(8, theme.MUTED_INK)
    reference = canv.beginText()
    reference.setFillColor(rgb(theme.MUTED_INK))
    assert text.obj._code[-1] == reference._code[-1] == fill_op(theme.MUTED_INK)
