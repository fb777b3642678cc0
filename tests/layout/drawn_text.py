"""Where a layout draws card text, as the flow label tests hold labels off it."""

from __future__ import annotations

from mapper.layout.badges import title_baselines
from mapper.layout.boxes import MapLayout
from mapper.layout.geometry import Rect
from mapper.layout.text import text_width


def meet(a: Rect, b: Rect) -> bool:
    """Whether two rectangles overlap (touching edges do not)."""
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def title_rects(layout: MapLayout) -> list[Rect]:
    """Each line of every card's title, as drawn."""
    style = layout.style
    found = []
    for box in layout.cards.values():
        x = box.rect.x + style.card_padding
        for line, base in zip(box.title_lines, title_baselines(box, style), strict=True):
            found.append(Rect(x, base - 11, text_width(line, style.title_size), 14))
    return found
