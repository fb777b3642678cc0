"""The emotion chapter's key: each shown persona's line and marker, beside the slide's
title (the lead persona first, at the left), as many as there is room for, the rest
counted in a "+ n more"; a name that would not fit alone is shortened."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPen

from mapper.canvas.emotion_marks import marker_path
from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.persona_style import PersonaStyle, persona_style
from mapper.layout.text import elide, line_height, text_width
from mapper.model import Persona, sentiment_of
from mapper.present.deck import Deck
from mapper.present.room_layout import PresentLayout
from mapper.present.theme import Palette

SIZE = 21.0  # design pixels, grown with the room's text


def curve_style(layout: PresentLayout, persona: Persona) -> PersonaStyle:
    return layout.persona_styles.get(persona.id) or persona_style(persona, 0)


def and_list(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)


def fitting(widths: list[float], room: float, more_width: float) -> int:
    """How many of the entries ``widths`` (in order) fit in ``room``, with room left for a
    "+ n more" of ``more_width`` when some do not."""
    if sum(widths) <= room:
        return len(widths)
    used = 0.0
    for count, width in enumerate(widths):
        if used + width + more_width > room:
            return count
        used += width
    return len(widths)


def paint_key(
    painter: QPainter,
    deck: Deck,
    layout: PresentLayout,
    rect: QRectF,
    start: tuple[float, float],
    pal: Palette,
    units: tuple[float, float],
) -> None:
    """The key from ``start`` (x: where it may begin, y: the title's top) to the slide's
    right margin; ``units``: the text and the geometry unit."""
    u, g = units
    size = SIZE * u
    left, top = start
    right = rect.right() - 90 * g
    curves = sorted(layout.curves, key=lambda c: c.persona.id != deck.lead)
    longest = max(right - left - 86 * u, 0.0)  # a name alone on the line
    names = [elide(" ".join(c.persona.name.split()), longest, size) for c in curves]
    widths = [text_width(name, size) + 86 * u for name in names]  # line, gaps, name
    more_width = text_width(f"+ {len(curves)} more", size)
    count = fitting(widths, right - left, more_width)
    more = f"+ {len(curves) - count} more" if count < len(curves) else ""
    total = sum(widths[:count]) + (text_width(more, size) if more else -40 * u)
    x = max(left, right - total)  # at the right margin, as far left as the title allows
    for curve, name in zip(curves[:count], names, strict=False):
        _entry(painter, layout, curve.persona, name, curve.persona.id == deck.lead,
               (x, top + 10 * u), pal, units)  # fmt: skip
        x += text_width(name, size) + 86 * u
    if more:
        painter.setPen(qcolor(pal.muted))
        draw_lines(painter, (more,), x, top + 10 * u, size)


def _entry(
    painter: QPainter,
    layout: PresentLayout,
    persona: Persona,
    name: str,
    lead: bool,
    at: tuple[float, float],
    pal: Palette,
    units: tuple[float, float],
) -> None:
    """One persona's line and marker at ``at`` (its top left), then its name."""
    u, g = units
    x, y = at
    size = SIZE * u
    mid = y + line_height(size) / 2
    style = curve_style(layout, persona)
    if lead:
        gradient = QLinearGradient(0, mid - 8 * u, 0, mid + 8 * u)
        gradient.setColorAt(0.49, qcolor(pal.positive))
        gradient.setColorAt(0.51, qcolor(pal.negative))
        pen = QPen(QBrush(gradient), 6 * g)
        line = QLineF(x, mid - 7 * u, x + 34 * u, mid + 7 * u)
    else:
        pen = QPen(qcolor(style.color), 4 * g)
        line = QLineF(x, mid, x + 34 * u, mid)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if style.dash:
        pen.setDashPattern(list(style.dash))
    painter.setPen(pen)
    painter.drawLine(line)
    painter.setPen(QPen(qcolor(pal.background), 2 * g))
    painter.setBrush(qcolor(pal.sentiment[sentiment_of(0)] if lead else style.color))
    painter.drawPath(marker_path(style.marker, line.center(), 7 * g))
    painter.setPen(qcolor(pal.ink))
    draw_lines(painter, (name,), x + 46 * u, y, size)
