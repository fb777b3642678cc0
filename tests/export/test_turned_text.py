"""Text turned upright (stage names over an overview's narrow columns, lane names beside a
poster's tiles) prints as level text does: right-to-left words in reading order, and
characters the bundled DejaVu lacks in a fallback font, not as empty boxes."""

from __future__ import annotations

from export_helpers import pdffonts, pdftotext
from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.draw import Text, top_down
from mapper.export.pdf.fonts import register_fonts
from mapper.layout import theme

HEBREW = "מסע הלקוח"
CHINESE = "在线结账"


def test_turned_text_reads_in_order_with_fallback_fonts(tmp_path):
    register_fonts()
    path = tmp_path / "turned.pdf"
    canv = Canvas(str(path), pagesize=(300, 300))
    top_down(canv, 300)
    text = Text(canv)
    text.style(10, theme.INK, bold=True)
    text.upward(50, 250, HEBREW)
    text.upward(100, 250, f"Stage {CHINESE}")
    text.draw()
    canv.showPage()
    canv.save()
    drawn = " ".join(pdftotext(path).split())
    assert HEBREW in drawn
    assert HEBREW[::-1] not in drawn
    assert CHINESE in drawn
    assert [f for f in pdffonts(path) if "DejaVu" not in f["name"]]  # the fallback's subset
