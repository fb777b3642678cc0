"""The map itself, drawn as vectors from the shared layout.

:class:`MapPainter` draws in map space (layout pixels, y down); the caller sets up the
transform and clip. Given a ``view`` it draws only what intersects it, so tiling a big
map costs about as much as drawing it once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from mapper.export.markup import safe_url
from mapper.export.pdf_draw import (
    Text,
    baseline_in,
    confidence_dots,
    draw_icon,
    rgb,
    round_rect,
    shade,
    star,
    tint,
)
from mapper.export.values import metrics_text
from mapper.layout import theme
from mapper.layout.badges import (
    DOT_RADIUS,
    MARK_TEXT_SIZE,
    PILL_TEXT_SIZE,
    Badge,
    BadgeKind,
    card_badges,
    title_baselines,
)
from mapper.layout.geometry import Bezier, Rect
from mapper.layout.grid import CardBox, FlowRoute, MapLayout, emotion_y
from mapper.layout.icons import icon_for
from mapper.layout.text import elide, text_width
from mapper.model import CardKind, JourneyMap, Sentiment, Stage
from mapper.model.vocabulary import LOVE_THRESHOLD, PAIN_THRESHOLD

CARD_RADIUS = 6.0
FLOW_LABEL_SIZE = 9.0
ARROW = 7.0
BUCKET = 400.0
SHADOW = "#dde2e8"


def _bounds(curve: Bezier) -> Rect:
    xs = (curve.p0[0], curve.c1[0], curve.c2[0], curve.p3[0])
    ys = (curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1])
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x <= b.right and b.x <= a.right and a.y <= b.bottom and b.y <= a.bottom


class _Buckets:
    """A coarse spatial hash: which items (by draw order) touch which 400 px cell."""

    def __init__(self, rects: Iterable[Rect]) -> None:
        self.rects = list(rects)
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, r in enumerate(self.rects):
            for gx in range(int(r.x // BUCKET), int(r.right // BUCKET) + 1):
                for gy in range(int(r.y // BUCKET), int(r.bottom // BUCKET) + 1):
                    self.cells.setdefault((gx, gy), []).append(i)

    def query(self, view: Rect | None) -> list[int]:
        if view is None:
            return list(range(len(self.rects)))
        found: set[int] = set()
        for gx in range(int(view.x // BUCKET), int(view.right // BUCKET) + 1):
            for gy in range(int(view.y // BUCKET), int(view.bottom // BUCKET) + 1):
                found.update(self.cells.get((gx, gy), ()))
        return sorted(i for i in found if _overlaps(self.rects[i], view))


class MapPainter:
    """Draws one map layout for one (active) persona, in whole or by views."""

    def __init__(self, journey: JourneyMap, layout: MapLayout, persona_id: str | None) -> None:
        self.journey = journey
        self.layout = layout
        self.persona_id = persona_id
        self.cards: list[CardBox] = list(layout.cards.values())
        self.flows: list[FlowRoute] = list(layout.flows)
        self._card_index = _Buckets(box.rect for box in self.cards)
        self._flow_index = _Buckets(_bounds(route.curve) for route in self.flows)

    @property
    def bounds(self) -> Rect:
        return Rect(0, 0, self.layout.width, self.layout.height)

    def draw(self, canv: Canvas, view: Rect | None = None) -> None:
        """Draw everything touching ``view`` (map pixels; None: the whole map)."""
        text = Text(canv)
        self._grid(canv, text)
        flows = [self.flows[i] for i in self._flow_index.query(view)]
        self._flows(canv, flows)
        self._emotions(canv, text)
        cards = [self.cards[i] for i in self._card_index.query(view)]
        self._cards(canv, cards, text)
        self._flow_labels(canv, flows, text)
        text.draw()
        self._links(canv, cards)

    # ------------------------------------------------------------------ grid
    def _grid(self, canv: Canvas, text: Text) -> None:
        layout, style = self.layout, self.layout.style
        width, height = layout.width, layout.height
        corner = Rect(0, 0, style.lane_header_width, style.stage_header_height)
        round_rect(canv, corner, 0, fill=theme.HEADER_FILL)
        for box in layout.lanes:
            round_rect(canv, box.header, 0, fill=theme.HEADER_FILL)
        if layout.emotion_lane is not None:
            self._emotion_background(canv, text)
        for box in layout.stages:
            header = box.header
            round_rect(canv, header, 0, fill=box.stage.color)
            round_rect(
                canv, Rect(header.x, 0, header.width, 4), 0, fill=shade(box.stage.color, 0.72)
            )
            self._stage_text(box.stage, header, box.name_lines, text)
        for box in layout.lanes:
            self._lane_text(box.lane.name, box.header, box.name_lines, box.lane.collapsed, text)

        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.8)
        lines = [(0, style.stage_header_height, width, style.stage_header_height)]
        lines += [(0, box.row.bottom, width, box.row.bottom) for box in layout.lanes[:-1]]
        lines += [(box.header.x, 0, box.header.x, height) for box in layout.stages]
        canv.lines(lines)
        canv.setStrokeColor(rgb(theme.CARD_BORDER))
        canv.rect(0, 0, width, height, stroke=1, fill=0)

    def _stage_text(self, stage: Stage, header: Rect, lines: tuple[str, ...], text: Text) -> None:
        size = self.layout.style.header_size
        metrics = metrics_text(stage.metrics)
        extra = 1 if metrics and len(lines) == 1 else 0
        block = len(lines) * size * 1.25 + extra * 12
        top = header.y + 4 + (header.height - 4 - block) / 2
        text.style(size, theme.INK, bold=True)
        for i, line in enumerate(lines):
            text.centre(header.center[0], top + size * 0.95 + i * size * 1.25, line)
        if extra:
            text.style(8.5, theme.MUTED_INK)
            label = elide(metrics, header.width - 16, 8.5)
            text.centre(header.center[0], top + len(lines) * size * 1.25 + 9, label)

    def _lane_text(
        self, name: str, header: Rect, lines: tuple[str, ...], collapsed: bool, text: Text
    ) -> None:
        size = self.layout.style.lane_header_size
        leading = size * 1.25
        block = len(lines) * leading
        top = header.y + (header.height - block) / 2 if header.height < 110 else header.y + 12
        text.style(size, theme.MUTED_INK if collapsed else theme.INK, bold=True)
        for i, line in enumerate(lines):
            text.at(header.x + 10, top + size * 0.95 + i * leading, line)

    # -------------------------------------------------------------- emotions
    def _emotion_background(self, canv: Canvas, text: Text) -> None:
        lane = self.layout.emotion_lane
        assert lane is not None
        style = self.layout.style
        row = Rect(
            style.lane_header_width,
            lane.row.y,
            self.layout.width - style.lane_header_width,
            lane.row.height,
        )
        love_edge = emotion_y(lane.row, LOVE_THRESHOLD - 0.5, style)
        pain_edge = emotion_y(lane.row, PAIN_THRESHOLD + 0.5, style)
        love = theme.SENTIMENT_COLORS[Sentiment.LOVE]
        pain = theme.SENTIMENT_COLORS[Sentiment.PAIN]
        round_rect(canv, Rect(row.x, row.y, row.width, love_edge - row.y), 0, fill=tint(love, 0.93))
        round_rect(
            canv,
            Rect(row.x, pain_edge, row.width, row.bottom - pain_edge),
            0,
            fill=tint(pain, 0.93),
        )
        neutral = emotion_y(lane.row, 0, style)
        canv.saveState()
        canv.setStrokeColor(rgb(theme.NEUTRAL_LINE))
        canv.setLineWidth(0.8)
        canv.setDash(4, 3)
        canv.line(row.x, neutral, row.right, neutral)
        canv.restoreState()
        text.style(8, theme.MUTED_INK)
        for score, label in ((3, "+3"), (0, "0"), (-3, "\u22123")):
            text.right(style.lane_header_width - 6, emotion_y(lane.row, score, style) + 3, label)

    def _emotions(self, canv: Canvas, text: Text) -> None:
        lane = self.layout.emotion_lane
        curves = [c for c in self.layout.emotion_curves if c.points]
        if lane is None or not curves:
            return
        active = [c for c in curves if c.persona.id == self.persona_id]
        others = [c for c in curves if c.persona.id != self.persona_id]
        neutral = emotion_y(lane.row, 0, self.layout.style)
        canv.saveState()
        canv.setLineCap(1)
        canv.setLineJoin(1)
        for curve in others:
            canv.setStrokeColor(rgb(curve.persona.color))
            canv.setLineWidth(1.6)
            canv.setDash(5, 3)
            canv.drawPath(_curve_path(canv, [seg for _, seg in curve.segments]), stroke=1, fill=0)
        canv.setDash()
        for curve in active:
            segments = [seg for _, seg in curve.segments]
            for colour, clip in (
                (
                    theme.POSITIVE_CURVE,
                    Rect(0, lane.row.y, self.layout.width, neutral - lane.row.y),
                ),
                (
                    theme.NEGATIVE_CURVE,
                    Rect(0, neutral, self.layout.width, lane.row.bottom - neutral),
                ),
            ):
                canv.saveState()
                path = canv.beginPath()
                path.rect(clip.x, clip.y, clip.width, clip.height)
                canv.clipPath(path, stroke=0, fill=0)
                canv.setStrokeColor(rgb(colour))
                canv.setLineWidth(2.6)
                canv.drawPath(_curve_path(canv, segments), stroke=1, fill=0)
                canv.restoreState()
        for curve in others:
            canv.setFillColor(rgb(curve.persona.color))
            for point in curve.points:
                canv.circle(*point.pos, 2.8, stroke=0, fill=1)
        for curve in active:
            canv.setStrokeColor(rgb("#ffffff"))
            canv.setLineWidth(1.5)
            for point in curve.points:
                if point.score <= PAIN_THRESHOLD:
                    canv.setFillColor(rgb(theme.SENTIMENT_COLORS[Sentiment.PAIN]))
                    canv.circle(*point.pos, 5.5, stroke=1, fill=1)
                elif point.score >= LOVE_THRESHOLD:
                    canv.setFillColor(rgb(theme.SENTIMENT_COLORS[Sentiment.LOVE]))
                    canv.circle(*point.pos, 5.5, stroke=1, fill=1)
                else:
                    canv.setFillColor(rgb("#ffffff"))
                    canv.setStrokeColor(rgb(theme.MUTED_INK))
                    canv.circle(*point.pos, 3.5, stroke=1, fill=1)
                    canv.setStrokeColor(rgb("#ffffff"))
        canv.restoreState()
        if len(curves) > 1:
            for curve in curves:
                x, y = curve.points[-1].pos
                bold = curve.persona.id == self.persona_id
                text.style(9, curve.persona.color, bold=bold)
                text.right(x - 9, y - 8 if y > neutral else y + 16, curve.persona.name[:40])

    # ----------------------------------------------------------------- flows
    def _flows(self, canv: Canvas, flows: list[FlowRoute]) -> None:
        if not flows:
            return
        colour = rgb(theme.FLOW)
        canv.saveState()
        canv.setStrokeColor(colour)
        canv.setFillColor(colour)
        canv.setLineWidth(1.1)
        canv.setLineCap(1)
        forward = canv.beginPath()
        backward = canv.beginPath()
        heads = canv.beginPath()
        for route in flows:
            c = route.curve
            path = backward if c.p3[0] < c.p0[0] - 1 else forward
            path.moveTo(*c.p0)
            path.curveTo(*c.c1, *c.c2, *_shortened(c))
            _arrowhead(heads, c)
        canv.drawPath(forward, stroke=1, fill=0)
        canv.setDash(4, 2.5)
        canv.drawPath(backward, stroke=1, fill=0)
        canv.setDash()
        canv.drawPath(heads, stroke=0, fill=1)
        canv.restoreState()

    def _flow_labels(self, canv: Canvas, flows: list[FlowRoute], text: Text) -> None:
        labelled = [r for r in flows if r.flow.label.strip()]
        if not labelled:
            return
        text.style(FLOW_LABEL_SIZE, theme.MUTED_INK)
        canv.setFillColor(rgb("#ffffff"))
        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.6)
        for route in labelled:
            label = elide(" ".join(route.flow.label.split()), 140, FLOW_LABEL_SIZE)
            width = text_width(label, FLOW_LABEL_SIZE) + 8
            x, y = route.label_at
            canv.roundRect(x - width / 2, y - 7, width, 14, 5, stroke=1, fill=1)
            text.centre(x, baseline_in(y - 7, 14, FLOW_LABEL_SIZE), label)

    # ----------------------------------------------------------------- cards
    def _cards(self, canv: Canvas, cards: list[CardBox], text: Text) -> None:
        style = self.layout.style
        shadow = rgb(SHADOW)
        border = rgb(theme.CARD_BORDER)
        canv.setLineWidth(0.8)
        badges: list[Badge] = []
        for box in cards:
            r = box.rect
            canv.setFillColor(shadow)
            canv.roundRect(r.x, r.y + 1.4, r.width, r.height, CARD_RADIUS, stroke=0, fill=1)
            canv.setFillColor(rgb(theme.KIND_FILLS[box.card.kind]))
            if box.card.moment_of_truth and box.card.kind is CardKind.TOUCHPOINT:
                canv.setStrokeColor(rgb(theme.MOMENT_OF_TRUTH_COLOR))
                canv.setLineWidth(1.6)
                canv.roundRect(r.x, r.y, r.width, r.height, CARD_RADIUS, stroke=1, fill=1)
                canv.setLineWidth(0.8)
            else:
                canv.setStrokeColor(border)
                canv.roundRect(r.x, r.y, r.width, r.height, CARD_RADIUS, stroke=1, fill=1)
            if box.has_badges:
                badges.extend(card_badges(box, style, self.persona_id))
        text.style(style.title_size, theme.INK)
        for box in cards:
            x = box.rect.x + style.card_padding
            for line, baseline in zip(box.title_lines, title_baselines(box, style), strict=True):
                text.at(x, baseline, line)
        self._badges(canv, badges, text)

    def _badges(self, canv: Canvas, badges: list[Badge], text: Text) -> None:
        labels: list[tuple[Badge, float]] = []
        for badge in badges:
            r = badge.rect
            if badge.kind is BadgeKind.CHANNEL:
                draw_icon(canv, icon_for(badge.channel), r, theme.MUTED_INK)
            elif badge.kind is BadgeKind.CREATOR and badge.creator is not None:
                round_rect(canv, r, r.height / 2, fill=theme.CREATOR_COLORS[badge.creator])
                labels.append((badge, PILL_TEXT_SIZE))
            elif badge.kind is BadgeKind.SENTIMENT and badge.sentiment is not None:
                canv.setFillColor(rgb(theme.SENTIMENT_COLORS[badge.sentiment]))
                canv.circle(*r.center, r.width / 2, stroke=0, fill=1)
                labels.append((badge, MARK_TEXT_SIZE))
            elif badge.kind is BadgeKind.MOMENT_OF_TRUTH:
                star(canv, r, theme.MOMENT_OF_TRUTH_COLOR)
            elif badge.kind is BadgeKind.CONFIDENCE:
                confidence_dots(canv, r, badge.filled, theme.MUTED_INK, DOT_RADIUS)
        for badge, size in labels:
            text.style(size, "#ffffff", bold=True)
            cx, _ = badge.rect.center
            text.centre(cx, baseline_in(badge.rect.y, badge.rect.height, size), badge.text)

    def _links(self, canv: Canvas, cards: list[CardBox]) -> None:
        for box in cards:
            url = safe_url(box.card.url) if box.card.url else None
            if url is not None:
                r = box.rect
                canv.linkURL(url, (r.x, r.y, r.right, r.bottom), relative=1, thickness=0)


def _curve_path(canv: Canvas, segments: list[Bezier]) -> PDFPathObject:
    path = canv.beginPath()
    if not segments:
        return path
    path.moveTo(*segments[0].p0)
    for seg in segments:
        path.curveTo(*seg.c1, *seg.c2, *seg.p3)
    return path


def _direction(curve: Bezier) -> tuple[float, float]:
    for start in (curve.c2, curve.c1, curve.p0):
        dx, dy = curve.p3[0] - start[0], curve.p3[1] - start[1]
        length = math.hypot(dx, dy)
        if length > 0.01:
            return dx / length, dy / length
    return 1.0, 0.0


def _shortened(curve: Bezier) -> tuple[float, float]:
    """The curve's end pulled back under the arrowhead so the line does not poke out."""
    dx, dy = _direction(curve)
    return curve.p3[0] - dx * ARROW * 0.6, curve.p3[1] - dy * ARROW * 0.6


def _arrowhead(path: PDFPathObject, curve: Bezier) -> None:
    dx, dy = _direction(curve)
    tip_x, tip_y = curve.p3
    base_x, base_y = tip_x - dx * ARROW, tip_y - dy * ARROW
    half = ARROW * 0.45
    path.moveTo(tip_x, tip_y)
    path.lineTo(base_x - dy * half, base_y + dx * half)
    path.lineTo(base_x + dy * half, base_y - dx * half)
    path.close()
