"""The bundled DejaVu Sans fonts, registered with reportlab once per process.

Both faces are embedded (subset) in every PDF, so text renders the same everywhere and
stays real, selectable text.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mapper.layout.text import BOLD, REGULAR
from mapper.resources import fonts_dir


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular and bold) as one family; return their names.

    Paragraph markup ``<b>`` maps to the bold face; there is no italic face, so italic
    maps to the upright ones.
    """
    folder = fonts_dir()
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / f"{REGULAR}.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / f"{BOLD}.ttf")))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR, BOLD
