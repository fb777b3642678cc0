"""The map's and the report's text is written with its own fast operators: they must be
exactly what reportlab writes for the same text (same bytes, same font subsets)."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from export_helpers import rich_map
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from mapper.export import PdfOptions, render_pdf
from mapper.export.pages import MARGIN
from mapper.export.pdf.doc import FOOTER_SIZE, REPORT_MARGINS
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
    "caf\u00e9 \u2014 na\u00efve",  # beyond ASCII
    "Gr\u00f6\u00dfe (m\u00b2) \\ \u2212 \u00a0end",
    "\u0127\u0180\u01ff new subset characters",
    "".join(map(chr, range(0x400, 0x4A0))),  # more than one subset holds: two of them
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
        if i in (4, 9):  # a font change in between resets the subset, as in a table row
            ours.setFont(font, size)
            theirs.setFont(font, size)
        assert shown(ours, line) == theirs._formatText(line), line
        assert ours._curSubset == theirs._curSubset
    assert ours._curSubset == 0
    ours_canvas.drawText(ours)
    theirs_canvas.drawText(theirs)
    assert ours_canvas.getpdfdata() == theirs_canvas.getpdfdata()


def test_text_lines_are_what_reportlab_writes():
    register_fonts()
    canv = Canvas(io.BytesIO(), invariant=1)
    text = Text(canv)
    reference = Canvas(io.BytesIO(), invariant=1).beginText()
    for i, line in enumerate(LINES):
        bold = i % 3 == 1  # font changes in between, as on a card or a table row
        text.style(8.0, theme.INK, bold=bold)
        if reference._fontname != (BOLD if bold else REGULAR):
            reference.setFont(BOLD if bold else REGULAR, 8.0)
        text.at(10.0, 20.5 + i, line)
        expected = f"1 0 0 -1 10.00 {20.5 + i:.2f} Tm {reference._formatText(line)}"
        assert text.obj._code[-1] == expected, line


def test_text_style_sets_the_colour_as_reportlab_does():
    register_fonts()
    canv = Canvas(io.BytesIO(), invariant=1)
    text = Text(canv)
    text.style(8, theme.MUTED_INK)
    reference = canv.beginText()
    reference.setFillColor(rgb(theme.MUTED_INK))
    assert text.obj._code[-1] == reference._code[-1] == fill_op(theme.MUTED_INK)


def test_page_numbers_are_text_on_each_page_not_a_form_per_page():
    """ "Page N of M" is written into each page once M is known: right-aligned at the
    footer's margin in the footer's grey, and no page needs a form object for it."""
    pdf = render_pdf(rich_map(), PdfOptions(invariant=True)).data
    reader = PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    assert total > 3
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for n, page in enumerate(doc.pages, 1):
            words = page.extract_words(extra_attrs=["size", "non_stroking_color"])
            start = next(w for w in words if w["text"] == "Page" and w["top"] > page.height - 40)
            line = sorted(
                (w for w in words if abs(w["top"] - start["top"]) < 0.5 and w["x0"] >= start["x0"]),
                key=lambda w: w["x0"],
            )
            assert [w["text"] for w in line] == ["Page", str(n), "of", str(total)]
            margin = page.width - line[-1]["x1"]  # the map's or the report's
            assert any(margin == pytest.approx(m, abs=0.05) for m in (MARGIN, REPORT_MARGINS[2]))
            assert line[0]["size"] == pytest.approx(FOOTER_SIZE)
            assert line[0]["non_stroking_color"] == pytest.approx(
                rgb(theme.MUTED_INK).rgb(), abs=1e-3
            )
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert not any("pageno" in name for name in xobjects)
    report_page = reader.pages[-1]
    assert "/XObject" not in report_page["/Resources"]  # a page of text and lines only
