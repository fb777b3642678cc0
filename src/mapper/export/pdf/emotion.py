"""The emotion lane: pain and love zones, the neutral line, and each persona's curve.

The active persona's curve is drawn thick, green above neutral and red below (one true
Bezier path, clipped twice); the other personas' curves are thin and dashed in their
own colours. Pain points and love points on the active curve are marked.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from mapper.export.pdf.draw import Text, rgb, round_rect, tint
from mapper.export.pdf.markup import one_line
from mapper.layout import theme
from mapper.layout.geometry import Bezier, Rect
from mapper.layout.grid import EmotionCurve, MapLayout, emotion_y
from mapper.layout.text import elide
from mapper.model import Sentiment
from mapper.model.vocabulary import LOVE_THRESHOLD, PAIN_THRESHOLD

ACTIVE_WIDTH = 2.6
OTHER_WIDTH = 1.6


def draw_emotion_background(canv: Canvas, layout: MapLayout) -> None:
    """The love and pain zones and the dashed neutral line across the lane."""
    lane = layout.emotion_lane
    if lane is None:
        return
    style = layout.style
    x0 = style.lane_header_width
    row = Rect(x0, lane.row.y, layout.width - x0, lane.row.height)
    love_edge = emotion_y(lane.row, LOVE_THRESHOLD - 0.5, style)
    pain_edge = emotion_y(lane.row, PAIN_THRESHOLD + 0.5, style)
    love = tint(theme.SENTIMENT_COLORS[Sentiment.LOVE], 0.93)
    pain = tint(theme.SENTIMENT_COLORS[Sentiment.PAIN], 0.93)
    round_rect(canv, Rect(row.x, row.y, row.width, love_edge - row.y), 0, fill=love)
    round_rect(canv, Rect(row.x, pain_edge, row.width, row.bottom - pain_edge), 0, fill=pain)
    neutral = emotion_y(lane.row, 0, style)
    canv.saveState()
    canv.setStrokeColor(rgb(theme.NEUTRAL_LINE))
    canv.setLineWidth(0.8)
    canv.setDash(4, 3)
    canv.line(row.x, neutral, row.right, neutral)
    canv.restoreState()


def draw_emotion_axis(
    layout: MapLayout, text: Text, rows: tuple[float, float] | None = None
) -> None:
    """The +3 / 0 / −3 marks at the right edge of the lane's header."""
    lane = layout.emotion_lane
    if lane is None:
        return
    style = layout.style
    x0 = style.lane_header_width
    text.style(8, theme.MUTED_INK)
    for score, label in ((3, "+3"), (0, "0"), (-3, "\u22123")):
        y = emotion_y(lane.row, score, style)
        if rows is None or (rows[0] <= y - 8 and y + 3 <= rows[1]):
            text.right(x0 - 6, y + 3, label)


def _split(layout: MapLayout, persona_id: str | None) -> tuple[list, list]:
    curves = [c for c in layout.emotion_curves if c.points]
    active = [c for c in curves if c.persona.id == persona_id]
    others = [c for c in curves if c.persona.id != persona_id]
    return active, others


def draw_emotion_curves(canv: Canvas, layout: MapLayout, persona_id: str | None) -> None:
    lane = layout.emotion_lane
    active, others = _split(layout, persona_id)
    if lane is None or not active + others:
        return
    neutral = emotion_y(lane.row, 0, layout.style)
    row = lane.row
    canv.saveState()
    canv.setLineCap(1)
    canv.setLineJoin(1)
    for curve in others:
        canv.setStrokeColor(rgb(curve.persona.color))
        canv.setLineWidth(OTHER_WIDTH)
        canv.setDash(5, 3)
        canv.drawPath(_path(canv, curve), stroke=1, fill=0)
    canv.setDash()
    # The split sits half a line below neutral, so a stretch lying on 0 is drawn wholly
    # green, as on the canvas, rather than green above and red below.
    split = neutral + ACTIVE_WIDTH / 2
    halves = (
        (theme.POSITIVE_CURVE, Rect(0, row.y, layout.width, split - row.y)),
        (theme.NEGATIVE_CURVE, Rect(0, split, layout.width, row.bottom - split)),
    )
    for curve in active:
        for colour, clip in halves:
            canv.saveState()
            box = canv.beginPath()
            box.rect(clip.x, clip.y, clip.width, clip.height)
            canv.clipPath(box, stroke=0, fill=0)
            canv.setStrokeColor(rgb(colour))
            canv.setLineWidth(ACTIVE_WIDTH)
            canv.drawPath(_path(canv, curve), stroke=1, fill=0)
            canv.restoreState()
    for curve in others:
        canv.setFillColor(rgb(curve.persona.color))
        for point in curve.points:
            canv.circle(*point.pos, 2.8, stroke=0, fill=1)
    for curve in active:
        _marks(canv, curve)
    canv.restoreState()


def draw_emotion_key(canv: Canvas, layout: MapLayout, persona_id: str | None, text: Text) -> None:
    """Which line is whose, under the lane's name in its header (active persona first)."""
    lane = layout.emotion_lane
    active, others = _split(layout, persona_id)
    if lane is None or not active + others:
        return
    curves: list[EmotionCurve] = active + others
    header = lane.header
    y = header.y + 12 + len(lane.name_lines) * 15 + 10
    room = header.width - 10 - 22 - 22  # sample line, axis labels on the right
    for curve in curves:
        if y + 10 > header.bottom - 4:
            break
        x = header.x + 10
        canv.saveState()
        canv.setLineCap(1)
        if curve.persona.id == persona_id:
            canv.setLineWidth(ACTIVE_WIDTH)
            canv.setStrokeColor(rgb(theme.POSITIVE_CURVE))
            canv.line(x, y - 3, x + 8, y - 3)
            canv.setStrokeColor(rgb(theme.NEGATIVE_CURVE))
            canv.line(x + 8, y - 3, x + 16, y - 3)
        else:
            canv.setLineWidth(OTHER_WIDTH)
            canv.setDash(3, 2)
            canv.setStrokeColor(rgb(curve.persona.color))
            canv.line(x, y - 3, x + 16, y - 3)
        canv.restoreState()
        bold = curve.persona.id == persona_id
        text.style(8.5, theme.INK if bold else theme.MUTED_INK, bold=bold)
        text.at(x + 22, y, elide(one_line(curve.persona.name), room, 8.5, bold=bold))
        y += 13


def _marks(canv: Canvas, curve: EmotionCurve) -> None:
    """Pain points and love points as large coloured dots, the rest as small rings."""
    canv.setLineWidth(1.5)
    for point in curve.points:
        if point.score <= PAIN_THRESHOLD or point.score >= LOVE_THRESHOLD:
            sentiment = Sentiment.PAIN if point.score <= PAIN_THRESHOLD else Sentiment.LOVE
            canv.setFillColor(rgb(theme.SENTIMENT_COLORS[sentiment]))
            canv.setStrokeColor(rgb("#ffffff"))
            canv.circle(*point.pos, 5.5, stroke=1, fill=1)
        else:
            canv.setFillColor(rgb("#ffffff"))
            canv.setStrokeColor(rgb(theme.MUTED_INK))
            canv.circle(*point.pos, 3.5, stroke=1, fill=1)


def _path(canv: Canvas, curve: EmotionCurve) -> PDFPathObject:
    segments: list[Bezier] = [seg for _, seg in curve.segments]
    path = canv.beginPath()
    if not segments:
        return path
    path.moveTo(*segments[0].p0)
    for seg in segments:
        path.curveTo(*seg.c1, *seg.c2, *seg.p3)
    return path
