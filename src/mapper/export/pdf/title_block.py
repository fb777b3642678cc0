"""The title block at the top of the map page: what the map is, whose journey, who made it."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.draw import Text, rgb, round_rect
from mapper.export.pdf.markup import one_line
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.text import elide, text_width
from mapper.model import JourneyMap, Persona

HEIGHT = 60.0
PHOTO = 46.0


def initials(name: str) -> str:
    parts = [p for p in one_line(name).split() if p[:1].isalnum()]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


def draw_avatar(
    canv: Canvas, persona: Persona, photo: ImageReader | None, rect: Rect, text: Text
) -> None:
    """The persona's photo clipped to a rounded square, or their initials on their colour."""
    radius = rect.width * 0.22
    if photo is None:
        round_rect(canv, rect, radius, fill=persona.color)
        size = rect.width * 0.38
        text.style(size, theme.text_on(persona.color), bold=True)
        text.centre(rect.center[0], rect.y + rect.height / 2 + size * 0.36, initials(persona.name))
        return
    canv.saveState()
    path = canv.beginPath()
    path.roundRect(rect.x, rect.y, rect.width, rect.height, radius)
    canv.clipPath(path, stroke=0, fill=0)
    width, height = photo.getSize()
    scale = max(rect.width / width, rect.height / height)  # cover the square, centred
    w, h = width * scale, height * scale
    canv.translate(rect.x + (rect.width - w) / 2, rect.y + (rect.height + h) / 2)
    canv.scale(1, -1)  # images are drawn bottom-up
    canv.drawImage(photo, 0, 0, w, h)
    canv.restoreState()
    round_rect(canv, rect, radius, stroke=theme.GRID_LINE, width=0.6)


def draw_title_block(
    canv: Canvas,
    journey: JourneyMap,
    persona: Persona | None,
    photo: ImageReader | None,
    date: dt.date | None,
    rect: Rect,
) -> None:
    """Title and scenario on the left, the persona in the middle, date / author / version
    on the right, a rule underneath."""
    info = journey.info
    text = Text(canv)
    meta_w = min(210.0, rect.width * 0.22)
    persona_w = min(280.0, rect.width * 0.3) if persona else 0.0
    left_w = rect.width - meta_w - persona_w - 24

    title = one_line(info.title) or "Untitled journey"
    size = 18.0
    while size > 12 and text_width(title, size, bold=True) > left_w:
        size -= 1
    text.style(size, theme.INK, bold=True)
    text.at(rect.x, rect.y + size, elide(title, left_w, size, bold=True))
    y = rect.y + size + 15
    scenario = info.scenario
    if scenario.title.strip():
        label = "Scenario: "
        text.style(9.5, theme.MUTED_INK, bold=True)
        text.at(rect.x, y, label)
        offset = text_width(label, 9.5, bold=True)
        text.style(9.5, theme.INK)
        text.at(rect.x + offset, y, elide(one_line(scenario.title), left_w - offset, 9.5))
        y += 13
    detail = scenario.goal.strip() and f"Goal: {one_line(scenario.goal)}"
    detail = detail or one_line(info.description)
    if detail:
        text.style(8.5, theme.MUTED_INK)
        text.at(rect.x, y, elide(detail, left_w, 8.5))

    if persona is not None:
        px = rect.x + left_w + 12
        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.6)
        canv.line(px, rect.y + 2, px, rect.y + HEIGHT - 10)
        avatar = Rect(px + 12, rect.y + 2, PHOTO, PHOTO)
        draw_avatar(canv, persona, photo, avatar, text)
        tx = avatar.right + 10
        room = rect.x + left_w + 12 + persona_w - tx
        text.style(7, theme.MUTED_INK, bold=True)
        text.at(tx, rect.y + 9, "PERSONA")
        text.style(11, theme.INK, bold=True)
        text.at(tx, rect.y + 23, elide(one_line(persona.name), room, 11, bold=True))
        second = one_line(persona.role)
        bio = one_line(persona.bio)
        text.style(8.5, theme.MUTED_INK)
        if second:
            text.at(tx, rect.y + 35, elide(second, room, 8.5))
        if bio:
            text.at(tx, rect.y + (47 if second else 35), elide(bio, room, 8.5))

    rows = [("Date", date.isoformat())] if date else []
    if info.author.strip():
        rows.append(("Author", one_line(info.author)))
    if info.version.strip():
        rows.append(("Version", one_line(info.version)))
    right = rect.right
    for i, (label, value) in enumerate(rows):
        y = rect.y + 9 + i * 12.5
        text.style(8, theme.INK)
        value = elide(value, meta_w - 44, 8)
        text.right(right, y, value)
        text.style(8, theme.MUTED_INK, bold=True)
        text.right(right - text_width(value, 8) - 5, y, label)
    text.draw()
    canv.setStrokeColor(rgb(theme.GRID_LINE))
    canv.setLineWidth(0.8)
    canv.line(rect.x, rect.y + HEIGHT - 4, rect.right, rect.y + HEIGHT - 4)
