"""The title block at the top of the map page: what the map is, whose journey, who made it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.draw import Text, rgb, round_rect
from mapper.export.pdf.markup import one_line
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.text import text_width, wrap
from mapper.model import JourneyMap, Persona

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


@dataclass(frozen=True)
class _Line:
    x: float
    baseline: float
    size: float
    colour: str
    text: str
    bold: bool = False
    align: str = "left"


MAX_LINES = 4  # per field; a field longer than that (pages of text) ends in an ellipsis
RULE_GAP = 8.0  # between the lowest line and the rule under the block


def _wrapped(
    out: list[_Line], x: float, y: float, width: float, size: float, colour: str, text: str,
    bold: bool = False, first_indent: float = 0.0, leading: float = 1.25,
) -> float:  # fmt: skip
    """Append ``text`` wrapped to ``width`` from baseline ``y``; return the next baseline.
    ``first_indent`` leaves room on the first line for a label drawn before it."""
    if not text:
        return y
    head = wrap(text, width - first_indent, size, bold=bold)[0][0]
    words = text.split()
    if first_indent and words and not head.startswith(words[0]):
        head = ""  # the first word does not fit beside the label: start below it
    rest = text[len(head) :].strip() if text.startswith(head) else text
    if head:
        out.append(_Line(x + first_indent, y, size, colour, head, bold))
        y += size * leading
    if rest:
        lines, _ = wrap(rest, width, size, MAX_LINES - (1 if head else 0), bold=bold)
        for line in lines:
            out.append(_Line(x, y, size, colour, line, bold))
            y += size * leading
    return y


def _lay_out(
    journey: JourneyMap, persona: Persona | None, date: dt.date | None, rect: Rect
) -> tuple[list[_Line], float, float, float]:
    """The block's text lines; its height; the persona column's x and width."""
    info = journey.info
    out: list[_Line] = []
    meta_w = min(210.0, rect.width * 0.24)
    persona_w = min(280.0, rect.width * 0.3) if persona else 0.0
    left_w = rect.width - meta_w - persona_w - 24

    title = one_line(info.title) or "Untitled journey"
    size = 18.0
    while size > 12 and text_width(title, size, bold=True) > left_w:
        size -= 1
    y = _wrapped(out, rect.x, rect.y + size, left_w, size, theme.INK, title, bold=True,
                 leading=1.15)  # fmt: skip
    y += 2
    scenario = info.scenario
    if scenario.title.strip():
        label = "Scenario: "
        out.append(_Line(rect.x, y, 9.5, theme.MUTED_INK, label, bold=True))
        offset = text_width(label, 9.5, bold=True)
        y = _wrapped(out, rect.x, y, left_w, 9.5, theme.INK, one_line(scenario.title),
                     first_indent=offset)  # fmt: skip
    detail = scenario.goal.strip() and f"Goal: {one_line(scenario.goal)}"
    detail = detail or one_line(info.description)
    y = _wrapped(out, rect.x, y, left_w, 8.5, theme.MUTED_INK, detail)
    bottom = y - 8.5 * 1.25 + 3

    px = rect.x + left_w + 12
    if persona is not None:
        tx = px + 12 + PHOTO + 10
        room = px + persona_w - tx
        out.append(_Line(tx, rect.y + 9, 7, theme.MUTED_INK, "PERSONA", bold=True))
        y = _wrapped(out, tx, rect.y + 23, room, 11, theme.INK, one_line(persona.name), bold=True)
        y -= 2
        # the bio, often a paragraph, is on the persona's page of the report
        y = _wrapped(out, tx, y, room, 8.5, theme.MUTED_INK, one_line(persona.role))
        bottom = max(bottom, y - 8.5 * 1.25 + 3, rect.y + PHOTO + 2)

    rows = [("Date", date.isoformat())] if date else []
    if info.author.strip():
        rows.append(("Author", one_line(info.author)))
    if info.version.strip():
        rows.append(("Version", one_line(info.version)))
    label_w = max((text_width(label, 8, bold=True) for label, _ in rows), default=0) + 5
    value_x = rect.right - meta_w + label_w
    y = rect.y + 9
    for label, value in rows:
        out.append(_Line(value_x - 5, y, 8, theme.MUTED_INK, label, bold=True, align="right"))
        y = _wrapped(out, value_x, y, meta_w - label_w, 8, theme.INK, value, leading=1.3)
        y += 1.5
    bottom = max(bottom, y - 8 * 1.3)
    return out, bottom - rect.y + RULE_GAP, px, persona_w


def title_block_height(journey: JourneyMap, persona: Persona | None, width: float) -> float:
    """How tall the block is for a page ``width`` points wide (its text wraps)."""
    _, height, _, _ = _lay_out(journey, persona, dt.date(2000, 1, 1), Rect(0, 0, width, 0))
    return height


def draw_title_block(
    canv: Canvas,
    journey: JourneyMap,
    persona: Persona | None,
    photo: ImageReader | None,
    date: dt.date | None,
    rect: Rect,
) -> None:
    """Title, scenario and goal on the left, the persona in the middle, date / author /
    version on the right, every field wrapped rather than cut; a rule underneath."""
    lines, height, px, _ = _lay_out(journey, persona, date, rect)
    text = Text(canv)
    if persona is not None:
        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.6)
        canv.line(px, rect.y + 2, px, rect.y + height - RULE_GAP - 2)
        draw_avatar(canv, persona, photo, Rect(px + 12, rect.y + 2, PHOTO, PHOTO), text)
    for line in lines:
        text.style(line.size, line.colour, bold=line.bold)
        if line.align == "right":
            text.right(line.x, line.baseline, line.text)
        else:
            text.at(line.x, line.baseline, line.text)
    text.draw()
    canv.setStrokeColor(rgb(theme.GRID_LINE))
    canv.setLineWidth(0.8)
    canv.line(rect.x, rect.y + height - 4, rect.right, rect.y + height - 4)
