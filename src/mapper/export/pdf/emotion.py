"""The emotion lane: pain and love zones, the neutral line, and each persona's curve.

Every persona's curve has its own dash pattern and marker shape (layout.persona_style),
so a reader in greyscale tells them apart. The active persona's curve is drawn thick,
green above neutral and red below (one true Bezier path, clipped twice), its points below
neutral hollow; the other personas' curves are thin, in their own colours.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from mapper.export.pdf.draw import Text, rgb, round_rect, tint
from mapper.export.pdf.markup import one_line
from mapper.layout import theme
from mapper.layout.geometry import Bezier, Rect
from mapper.layout.grid import EmotionCurve, MapLayout, emotion_y
from mapper.layout.persona_style import PersonaStyle, hollow, marker_outline, persona_style
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


def _style(layout: MapLayout, curve: EmotionCurve) -> PersonaStyle:
    style = layout.persona_styles.get(curve.persona.id)
    return style if style is not None else persona_style(curve.persona, 0)


def _dash(canv: Canvas, style: PersonaStyle, width: float) -> None:
    if style.dash:
        canv.setDash(list(style.dash_for(width)), 0)
    else:
        canv.setDash()


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
        style = _style(layout, curve)
        canv.setStrokeColor(rgb(style.color))
        canv.setLineWidth(OTHER_WIDTH)
        _dash(canv, style, OTHER_WIDTH)
        canv.drawPath(_path(canv, curve), stroke=1, fill=0)
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
            _dash(canv, _style(layout, curve), ACTIVE_WIDTH)
            canv.drawPath(_path(canv, curve), stroke=1, fill=0)
            canv.restoreState()
    canv.setDash()
    for curve in others:
        style = _style(layout, curve)
        canv.setFillColor(rgb(style.color))
        canv.setStrokeColor(rgb("#ffffff"))
        canv.setLineWidth(0.6)
        for point in curve.points:
            _marker(canv, style, point.pos, 3.0)
    for curve in active:
        _marks(canv, curve, _style(layout, curve))
    canv.restoreState()


def _marker(canv: Canvas, style: PersonaStyle, center: tuple[float, float], r: float) -> None:
    """The persona's marker at ``center``, filled and outlined in the colours set."""
    outline = marker_outline(style.marker, center, r)
    if outline is None:
        canv.circle(*center, r, stroke=1, fill=1)
        return
    path = canv.beginPath()
    path.moveTo(*outline[0])
    for x, y in outline[1:]:
        path.lineTo(x, y)
    path.close()
    canv.drawPath(path, stroke=1, fill=1)


def draw_emotion_key(canv: Canvas, layout: MapLayout, persona_id: str | None, text: Text) -> None:
    """Which line is whose, under the lane's name in its header (active persona first):
    each persona's dash and marker, as its curve is drawn. Rows that do not fit end in a
    "+ n more" row, as on the canvas: no curve is left unnamed without a word."""
    lane = layout.emotion_lane
    active, others = _split(layout, persona_id)
    if lane is None or not active + others:
        return
    curves: list[EmotionCurve] = active + others
    header = lane.header
    y = header.y + 12 + len(lane.name_lines) * 15 + 10
    room = header.width - 10 - 26 - 22  # sample line, axis labels on the right
    fits = max(0, int((header.bottom - 4 - 10 - y) // 13) + 1)  # rows with y + 10 inside
    if fits < len(curves):
        curves = curves[: max(0, fits - 1)]
        more = len(active) + len(others) - len(curves)
        text.style(8.5, theme.MUTED_INK)
        text.at(header.x + 10, y + 13 * len(curves), elide(f"+ {more} more", room + 26, 8.5))
    for curve in curves:
        x = header.x + 10
        style = _style(layout, curve)
        canv.saveState()
        canv.setLineCap(1)
        is_active = curve.persona.id == persona_id
        width = ACTIVE_WIDTH if is_active else OTHER_WIDTH
        canv.setLineWidth(width)
        _dash(canv, style, width)
        if is_active:
            canv.setStrokeColor(rgb(theme.POSITIVE_CURVE))
            canv.line(x, y - 3, x + 10, y - 3)
            canv.setStrokeColor(rgb(theme.NEGATIVE_CURVE))
            canv.line(x + 10, y - 3, x + 20, y - 3)
        else:
            canv.setStrokeColor(rgb(style.color))
            canv.line(x, y - 3, x + 20, y - 3)
        canv.setDash()
        canv.setLineWidth(0.6)
        canv.setStrokeColor(rgb("#ffffff"))
        canv.setFillColor(rgb(theme.MUTED_INK if is_active else style.color))
        _marker(canv, style, (x + 10, y - 3), 2.6)
        canv.restoreState()
        text.style(8.5, theme.INK if is_active else theme.MUTED_INK, bold=is_active)
        text.at(x + 26, y, elide(one_line(curve.persona.name), room, 8.5, bold=is_active))
        y += 13


def _marks(canv: Canvas, curve: EmotionCurve, style: PersonaStyle) -> None:
    """Pain points and love points as large marks, the rest small; below neutral hollow
    (white inside), so a greyscale print still shows where it hurts."""
    for point in curve.points:
        strong = point.score <= PAIN_THRESHOLD or point.score >= LOVE_THRESHOLD
        if point.score <= PAIN_THRESHOLD:
            colour = theme.SENTIMENT_COLORS[Sentiment.PAIN]
        elif point.score >= LOVE_THRESHOLD:
            colour = theme.SENTIMENT_COLORS[Sentiment.LOVE]
        else:
            colour = theme.MUTED_INK
        if hollow(point.score, True):
            canv.setLineWidth(1.8 if strong else 1.3)
            canv.setFillColor(rgb("#ffffff"))
            canv.setStrokeColor(rgb(colour))
        else:
            canv.setLineWidth(1.5 if strong else 1.0)
            canv.setFillColor(rgb(colour))
            canv.setStrokeColor(rgb("#ffffff"))
        _marker(canv, style, point.pos, 5.0 if strong else 3.5)


def _path(canv: Canvas, curve: EmotionCurve) -> PDFPathObject:
    segments: list[Bezier] = [seg for _, seg in curve.segments]
    path = canv.beginPath()
    if not segments:
        return path
    path.moveTo(*segments[0].p0)
    for seg in segments:
        path.curveTo(*seg.c1, *seg.c2, *seg.p3)
    return path
