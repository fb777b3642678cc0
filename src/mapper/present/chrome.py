"""Labels drawn over the map in screen pixels: the stage band on top, the lane strip on the
left and, in the overview, the title block. They stay readable at any zoom: in the overview
the map is small but its stage and lane names are not.

The band and the strip stick to the map's top and left edges and stay on screen when the
camera moves past them, like a spreadsheet's frozen headers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPen

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.text import elide, line_height, text_width, wrap
from mapper.model import EMOTION_MAX, EMOTION_MIN, Persona
from mapper.present.camera import Insets, Shot
from mapper.present.labels import score_label
from mapper.present.room_layout import PresentLayout
from mapper.present.theme import DESIGN_HEIGHT, Palette

TITLE, SUBTITLE, LINE = 44.0, 25.0, 21.0
STAGE_NAME, STAGE_METRICS = 27.0, 16.0
LANE_NAME, MIN_LANE_NAME = 18.0, 11.0
STRIP_WIDTH = 230.0


def unit(height: float, text_scale: float) -> float:
    """Screen pixels per design pixel: sizes are designed for 1080 lines of screen."""
    return height / DESIGN_HEIGHT * text_scale


def insets(height: float, text_scale: float) -> Insets:
    u = unit(height, text_scale)
    band = u * (16 + line_height(STAGE_NAME) + 4 + line_height(STAGE_METRICS) + 14)
    title = u * (
        line_height(TITLE) + 12 + line_height(SUBTITLE) + 22 + 2 * line_height(LINE) + 14 + 36
    )
    return Insets(strip=u * STRIP_WIDTH, band=band, title=title, margin=height / DESIGN_HEIGHT * 24)


@dataclass(frozen=True)
class TitleBlock:
    """What the overview says above the map."""

    title: str
    subtitle: str
    personas: tuple[Persona, ...]
    facts: str  # "7 stages · 17 pain points · 9 opportunities, 2 quick wins"


PROMPT, PROMPT_LABEL, PROMPT_LINES = 26.0, 15.0, 3


def prompt_box(prompt: str, size: tuple[float, float], text_scale: float,
               corner_width: float) -> tuple[QRectF, tuple[str, ...]]:  # fmt: skip
    """Where a stage's prompt for the room sits (along the bottom, clear of the lane strip
    and the minimap) and its lines; an empty box when there is no prompt."""
    if not prompt.strip():
        return QRectF(), ()
    u = unit(size[1], text_scale)
    space = insets(size[1], text_scale)
    left = space.strip + space.margin
    right = size[0] - space.margin - (corner_width + space.margin if corner_width else 0.0)
    pad = 14 * u
    lines, _ = wrap(" ".join(prompt.split()), max(right - left - 2 * pad, 1.0), PROMPT * u,
                    PROMPT_LINES, bold=True)  # fmt: skip
    height = 2 * pad + line_height(PROMPT_LABEL * u) + 4 * u + len(lines) * line_height(PROMPT * u)
    return QRectF(left, size[1] - space.margin - height, right - left, height), lines


@dataclass(frozen=True)
class ChromeContext:
    layout: PresentLayout
    shot: Shot
    size: tuple[float, float]
    text_scale: float
    palette: Palette
    title: TitleBlock
    lead: str | None
    focus: int | None  # the stage being talked about
    prompt: str = ""  # the focused stage's question for the room
    corner_width: float = 0.0  # the minimap's, when it is shown

    @property
    def u(self) -> float:
        return unit(self.size[1], self.text_scale)

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        (cx, cy), z = self.shot.center, self.shot.zoom
        return (x - cx) * z + self.size[0] / 2, (y - cy) * z + self.size[1] / 2


def paint_chrome(painter: QPainter, ctx: ChromeContext) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    space = insets(ctx.size[1], ctx.text_scale)
    left, top = ctx.to_screen(0, 0)
    right, bottom = ctx.to_screen(ctx.layout.width, ctx.layout.height)
    band_y = max(0.0, top - space.band)
    strip_x = max(0.0, left - space.strip)
    painter.save()
    _paint_title(painter, ctx, top - space.band - space.title, left)
    painter.restore()
    strip = QRectF(
        strip_x, band_y + space.band, space.strip, min(bottom, ctx.size[1]) - band_y - space.band
    )
    _paint_strip(painter, ctx, strip)
    band = QRectF(strip_x, band_y, min(right, ctx.size[0]) - strip_x, space.band)
    _paint_band(painter, ctx, band, strip_x + space.strip)
    if ctx.focus is not None and bottom > ctx.size[1] + 2:
        _paint_more_below(painter, ctx, strip_x + space.strip)
    if ctx.focus is not None and ctx.prompt:
        _paint_prompt(painter, ctx)
    painter.restore()


def _paint_prompt(painter: QPainter, ctx: ChromeContext) -> None:
    """The stage's question for the room, in a box along the bottom of the screen."""
    box, lines = prompt_box(ctx.prompt, ctx.size, ctx.text_scale, ctx.corner_width)
    if not lines:
        return
    pal, u = ctx.palette, ctx.u
    alpha = round(255 * ctx.shot.veil)  # it comes in with the stage's light
    painter.setPen(QPen(qcolor(pal.accent, alpha), max(1.0, 2 * u)))
    painter.setBrush(qcolor(pal.chrome, alpha))
    painter.drawRoundedRect(box, 10 * u, 10 * u)
    pad = 14 * u
    painter.setPen(qcolor(pal.accent, alpha))
    y = draw_lines(painter, ("DISCUSS",), box.left() + pad, box.top() + pad, PROMPT_LABEL * u,
                   bold=True)  # fmt: skip
    painter.setPen(qcolor(pal.ink, alpha))
    draw_lines(painter, lines, box.left() + pad, y + 4 * u, PROMPT * u, bold=True)


def _paint_more_below(painter: QPainter, ctx: ChromeContext, left: float) -> None:
    """The stage goes on below the screen (bigger text): a fade and an arrow say so."""
    u, (width, height) = ctx.u, ctx.size
    fade = QLinearGradient(0, height - 70 * u, 0, height)
    fade.setColorAt(0, qcolor(ctx.palette.background, 0))
    fade.setColorAt(1, qcolor(ctx.palette.background, 235))
    painter.fillRect(QRectF(left, height - 70 * u, width - left, 70 * u), QBrush(fade))
    column = ctx.layout.stages[ctx.focus].column  # type: ignore[index]
    x0, _ = ctx.to_screen(column.x, 0)
    x1, _ = ctx.to_screen(column.right, 0)
    size = 17 * u
    label = "▼  more below: Next or Down"
    painter.setPen(qcolor(ctx.palette.muted))
    draw_lines(
        painter,
        (label,),
        (x0 + x1 - text_width(label, size, bold=True)) / 2,
        height - 12 * u - line_height(size),
        size,
        bold=True,
    )


def _alpha_for(ctx: ChromeContext, index: int) -> int:
    """Names of stages other than the one in focus fade with the veil."""
    if ctx.focus is None or index == ctx.focus:
        return 255
    return round(255 - 150 * ctx.shot.veil)


def _paint_band(painter: QPainter, ctx: ChromeContext, band: QRectF, clip_left: float) -> None:
    pal, u = ctx.palette, ctx.u
    painter.fillRect(band, qcolor(pal.chrome))
    painter.setPen(QPen(qcolor(pal.faint), max(1.0, u)))
    painter.drawLine(QLineF(band.left(), band.bottom(), band.right(), band.bottom()))
    painter.save()
    painter.setClipRect(QRectF(clip_left, band.top(), band.right() - clip_left, band.height() + 1))
    metrics_size = STAGE_METRICS * u
    name_size = _name_size(ctx)
    for column in ctx.layout.stages:
        x0, _ = ctx.to_screen(column.column.x, 0)
        x1, _ = ctx.to_screen(column.column.right, 0)
        if x1 < clip_left or x0 > band.right():
            continue
        alpha = _alpha_for(ctx, column.index)
        bar = (7 if column.index == ctx.focus else 4) * u
        color = pal.ink if pal.high_contrast else column.stage.color
        painter.fillRect(QRectF(x0, band.bottom() - bar, x1 - x0, bar), qcolor(color, alpha))
        painter.setPen(QPen(qcolor(pal.faint), max(1.0, u)))
        painter.drawLine(QLineF(x1, band.top() + 10 * u, x1, band.bottom() - bar))
        # keep the name on screen while its column is partly off the left edge
        text_left = max(x0, clip_left) + 14 * u
        room = x1 - text_left - 12 * u
        if room < 30 * u:
            continue
        number = f"{column.index + 1}  "
        number_width = text_width(number, name_size, bold=True)
        y = band.top() + 16 * u + (STAGE_NAME * u - name_size) * 0.8
        painter.setPen(qcolor(pal.muted, alpha))
        draw_lines(painter, (number,), text_left, y, name_size, bold=True)
        painter.setPen(qcolor(pal.ink, alpha))
        name = elide(column.stage.name, max(room - number_width, 0), name_size, bold=True)
        draw_lines(painter, (name,), text_left + number_width, y, name_size, bold=True)
        metrics = _fitting(column.metrics, room, metrics_size)
        if metrics:
            painter.setPen(qcolor(pal.muted, alpha))
            y = band.top() + 16 * u + line_height(STAGE_NAME * u) + 4 * u
            draw_lines(painter, (metrics,), text_left, y, metrics_size)
    painter.restore()


def _name_size(ctx: ChromeContext) -> float:
    """One size for all stage names: as large as lets every name fit its column (the
    overview's narrow columns), but no smaller than 70% of the normal size."""
    full = STAGE_NAME * ctx.u
    size = full
    for column in ctx.layout.stages:
        width = column.column.width * ctx.shot.zoom - 26 * ctx.u
        needed = text_width(f"{column.index + 1}  {column.stage.name}", full, bold=True)
        size = min(size, full * width / max(needed, 1))
    return max(0.7 * full, size)


def _fitting(parts: tuple[str, ...], room: float, size: float) -> str:
    """As many whole parts as fit, rather than a part cut off half way."""
    text = ""
    for part in parts:
        candidate = f"{text}   {part}" if text else part
        if text_width(candidate, size) > room:
            break
        text = candidate
    return text


def _paint_strip(painter: QPainter, ctx: ChromeContext, strip: QRectF) -> None:
    pal, u = ctx.palette, ctx.u
    if strip.height() <= 0:
        return
    painter.fillRect(strip, qcolor(pal.chrome))
    painter.setPen(QPen(qcolor(pal.faint), max(1.0, u)))
    painter.drawLine(QLineF(strip.right(), strip.top(), strip.right(), strip.bottom()))
    painter.save()
    painter.setClipRect(strip)
    for row in ctx.layout.lanes:
        _, y0 = ctx.to_screen(0, row.row.y)
        _, y1 = ctx.to_screen(0, row.row.bottom)
        if y1 < strip.top() or y0 > strip.bottom():
            continue
        painter.setPen(QPen(qcolor(pal.faint), max(1.0, u)))
        painter.drawLine(QLineF(strip.left(), y1, strip.right(), y1))
        top, bottom = max(y0, strip.top()), min(y1, strip.bottom())
        # short rows (the overview) get smaller names rather than none
        size = min(LANE_NAME * u, (bottom - top - 4 * u) / 1.3)
        if size < MIN_LANE_NAME * ctx.size[1] / DESIGN_HEIGHT:
            continue
        emotion = row is ctx.layout.emotion_row
        tall = emotion and y1 - y0 > 150 * u
        text_room = strip.width() - 30 * u - (36 * u if tall else 0)
        fits = max(1, int((bottom - top - 6 * u) // line_height(size)))
        lines, _ = wrap(row.lane.name, text_room, size, min(fits, 3), bold=True)
        block = len(lines) * line_height(size)
        if tall:
            block += _legend_height(ctx, size)
        text_top = max(top + 3 * u, min(bottom - block - 3 * u, (y0 + y1 - block) / 2))
        painter.setPen(qcolor(pal.ink))
        after = draw_lines(painter, lines, strip.left() + 18 * u, text_top, size, bold=True)
        if tall:
            _paint_legend(painter, ctx, strip.left() + 18 * u, after + 8 * u, text_room)
            _paint_scale(painter, ctx, strip.right() - 10 * u)
    painter.restore()


def _legend_height(ctx: ChromeContext, size: float) -> float:
    count = len(ctx.layout.curves) if len(ctx.layout.curves) > 1 else 0
    return count * line_height(15 * ctx.u) + (8 * ctx.u if count else 0)


def _paint_legend(painter: QPainter, ctx: ChromeContext, x: float, y: float, room: float):
    """Whose curve is whose, when several personas are shown."""
    curves = ctx.layout.curves
    if len(curves) < 2:
        return
    u, size = ctx.u, 15 * ctx.u
    for curve in sorted(curves, key=lambda c: c.persona.id != ctx.lead):
        lead = curve.persona.id == ctx.lead
        mid = y + line_height(size) / 2
        if lead:
            gradient = QLinearGradient(0, mid - 6 * u, 0, mid + 6 * u)
            gradient.setColorAt(0.49, qcolor(ctx.palette.positive))
            gradient.setColorAt(0.51, qcolor(ctx.palette.negative))
            pen = QPen(QBrush(gradient), 4 * u)
            painter.setPen(pen)
            painter.drawLine(QLineF(x, mid - 5 * u, x + 24 * u, mid + 5 * u))
        else:
            painter.setPen(QPen(qcolor(curve.persona.color), 3 * u, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(x, mid, x + 24 * u, mid))
        painter.setPen(qcolor(ctx.palette.ink))
        name = elide(curve.persona.name.split(" ")[0], room - 34 * u, size)
        draw_lines(painter, (name,), x + 34 * u, y, size)
        y += line_height(size)


def _paint_scale(painter: QPainter, ctx: ChromeContext, right: float) -> None:
    """+3 / 0 / −3 beside the emotion lane, right-aligned against the map."""
    size = 15 * ctx.u
    painter.setPen(qcolor(ctx.palette.muted))
    for score in (EMOTION_MAX, 0, EMOTION_MIN):
        _, y = ctx.to_screen(0, ctx.layout.emotion_y(score))
        label = score_label(score)
        w = text_width(label, size, bold=True)
        draw_lines(painter, (label,), right - w, y - line_height(size) / 2, size, bold=True)


def _paint_title(painter: QPainter, ctx: ChromeContext, y: float, left: float) -> None:
    """The map's title, scenario, personas and a few facts above the overview."""
    pal, u, block = ctx.palette, ctx.u, ctx.title
    if y + insets(ctx.size[1], ctx.text_scale).title < 0:
        return  # off screen: not the overview
    if ctx.focus is not None:  # a stage step: the block fades out as the veil comes down
        if ctx.shot.veil >= 0.99:
            return
        painter.setOpacity(1.0 - ctx.shot.veil)
    width = ctx.size[0] - left - 24 * u
    painter.setPen(qcolor(pal.ink))
    size = TITLE * u
    y = (
        draw_lines(painter, (elide(block.title, width, size, bold=True),), left, y, size, bold=True)
        + 12 * u
    )
    size = SUBTITLE * u
    painter.setPen(qcolor(pal.muted))
    y = draw_lines(painter, (elide(block.subtitle, width, size),), left, y, size) + 22 * u
    size = LINE * u
    x = left
    for persona in block.personas:
        label = persona.name + (f", {persona.role}" if persona.role else "")
        label = elide(label, max(width - (x - left) - 30 * u, 0), size)
        if len(label) < 4:
            break
        radius = 8 * u
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(persona.color))
        painter.drawEllipse(QPointF(x + radius, y + line_height(size) / 2), radius, radius)
        painter.setPen(qcolor(pal.ink))
        draw_lines(painter, (label,), x + 2 * radius + 10 * u, y, size)
        x += 2 * radius + 10 * u + text_width(label, size) + 40 * u
    y += line_height(size) + 14 * u
    painter.setPen(qcolor(pal.muted))
    draw_lines(painter, (elide(block.facts, width, size),), left, y, size)
