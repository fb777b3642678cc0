"""The map itself, drawn as vectors from the shared layout.

:class:`MapPainter` draws in map space (layout pixels, y down); the caller sets up the
transform and clip. Given a ``view`` it draws only what touches it, so tiling a big map
costs about as much as drawing it once.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.blueprint import draw_blueprint_bands, draw_blueprint_names
from mapper.export.pdf.cards import card_links, draw_cards
from mapper.export.pdf.culling import Buckets
from mapper.export.pdf.draw import Text, rgb, shade
from mapper.export.pdf.emotion import (
    draw_emotion_axis,
    draw_emotion_background,
    draw_emotion_curves,
    draw_emotion_key,
)
from mapper.export.pdf.flows import FlowPainter
from mapper.export.pdf.ops import Ops, Stamps
from mapper.export.values import metric_parts
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.grid import CardBox, LaneBox, MapLayout, StageBox
from mapper.layout.labels import LABEL_SIZE, flow_labels
from mapper.layout.metric_lines import metric_lines
from mapper.layout.text import wrap
from mapper.model import JourneyMap, analysis

SHAPES_FORM = "mapper-shapes"  # the map without cards and text, shown by detail pages
ACCENT = 4.0  # the stage colour's darker band along the top of each stage header


class MapPainter:
    """Draws one map layout for one (active) persona, in whole or by views."""

    def __init__(self, journey: JourneyMap, layout: MapLayout, persona_id: str | None) -> None:
        self.journey = journey
        self.layout = layout
        self.persona_id = persona_id
        self.shown = analysis.shown_personas(journey)  # whose pain marks the cards
        self.cards: list[CardBox] = list(layout.cards.values())
        self.flows = FlowPainter(layout.flows, flow_labels(layout))
        self._card_index = Buckets(box.rect for box in self.cards)
        self._stamps: Stamps | None = None

    @property
    def bounds(self) -> Rect:
        return Rect(0, 0, self.layout.width, self.layout.height)

    def draw(
        self, canv: Canvas, view: Rect | None = None, links: bool = True, shared: bool = False
    ) -> None:
        """Draw everything touching ``view`` (map pixels; None: the whole map).

        ``links=False`` leaves out the URL annotations (a PDF form cannot hold them; see
        :meth:`draw_links`); ``shared``: see :meth:`draw_body`."""
        self.draw_headers(canv)
        self.draw_body(canv, view, shared=shared)
        if links:
            self.draw_links(canv, view)

    def draw_headers(
        self,
        canv: Canvas,
        span: tuple[float, float] | None = None,
        rows: tuple[float, float] | None = None,
        corner: bool = True,
        names: bool = True,
    ) -> None:
        """The stage headers over ``span`` (map x from, to) and the lane headers over
        ``rows`` (map y from, to); None: all of them. A header cut by the range has its
        name drawn in the part that shows."""
        layout, style = self.layout, self.layout.style
        text = Text(canv)
        ops = Ops()  # plain operators: a detail page draws headers on every block
        stages = [
            b for b in layout.stages if span is None or _meets(b.header.x, b.header.right, span)
        ]
        lanes = [b for b in layout.lanes if rows is None or _meets(b.row.y, b.row.bottom, rows)]
        if corner:
            corner_box = Rect(0, 0, style.lane_header_width, style.stage_header_height)
            _fill(ops, theme.HEADER_FILL, corner_box)
        for lane in lanes:
            _fill(ops, theme.HEADER_FILL, lane.header)
        for stage in stages:
            header = stage.header
            _fill(ops, stage.stage.color, header)
            _fill(
                ops, shade(stage.stage.color, 0.72), Rect(header.x, header.y, header.width, ACCENT)
            )
        top, left = style.stage_header_height, style.lane_header_width
        ops.stroke_color(rgb(theme.GRID_LINE))
        ops.line_width(0.8)
        segments = [((s.header.x, 0.0), (s.header.x, top)) for s in stages]
        segments += [((0.0, b.row.bottom), (left, b.row.bottom)) for b in lanes]
        segments += [((0.0, top), (layout.width, top)), ((left, 0.0), (left, layout.height))]
        for a, b in segments:
            ops.move(a)
            ops.line(b)
        ops.stroke()
        ops.flush(canv)
        draw_blueprint_bands(canv, layout, 0.0, left, rows)
        if names:
            draw_blueprint_names(layout, text, rows)
            for stage in stages:
                self._stage_text(stage, text, span)
            for lane in lanes:
                self._lane_text(lane, text, rows)
        emotion = layout.emotion_lane
        if names and emotion is not None and emotion in lanes:
            if rows is None or rows[0] <= emotion.row.y:
                draw_emotion_key(canv, layout, self.persona_id, text)
            draw_emotion_axis(layout, text, rows)
        text.draw()

    def draw_body(
        self,
        canv: Canvas,
        view: Rect | None = None,
        min_size: float = 0.0,
        parts: tuple[Rect, ...] | None = None,
        shared: bool = False,
    ) -> None:
        """The cells: emotion zones, grid lines, flows, curves, cards and flow labels.

        Text smaller than ``min_size`` (map pixels) is left out or drawn as blocks. With
        ``parts`` (rectangles inside ``view``) only the cards and labels whose top left
        corner lies in one of them are drawn: each is printed on exactly one page. With
        ``parts`` or ``shared`` what lies under the cards is one drawing (a form) that
        every page of the document shows."""
        layout, style = self.layout, self.layout.style
        text = Text(canv)
        if self._stamps is None or self._stamps.canv is not canv:
            self._stamps = Stamps(canv)  # one set of stamps per document
        ops = Ops(self._stamps)
        if parts is None and not shared:
            self._shapes(canv, ops, view)
        else:  # a page of many: every page shows one drawing of them, clipped
            if not canv.hasForm(SHAPES_FORM):
                canv.beginForm(SHAPES_FORM, -2, -2, layout.width + 2, layout.height + 2)
                self._shapes(canv, Ops(), None)
                canv.endForm()
            canv.doForm(SHAPES_FORM)
        cards = [self.cards[i] for i in self._card_index.query(view)]
        if parts is not None:
            cards = [c for c in cards if _within(c.rect, parts)]
        draw_cards(ops, text, cards, style, self.persona_id, min_size, self.shown)
        ops.flush(canv)
        text.draw()
        if min_size <= LABEL_SIZE:
            self.flows.draw_labels(canv, ops, view, parts)

    def _shapes(self, canv: Canvas, ops: Ops, view: Rect | None) -> None:
        """What lies under the cards: emotion zones, grid lines, flows and the curves."""
        layout, style = self.layout, self.layout.style
        draw_emotion_background(canv, layout)  # under the grid lines
        draw_blueprint_bands(canv, layout, style.lane_header_width, layout.width)
        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.8)
        left, top = style.lane_header_width, style.stage_header_height
        lines = [(left, b.row.bottom, layout.width, b.row.bottom) for b in layout.lanes[:-1]]
        lines += [(s.header.x, top, s.header.x, layout.height) for s in layout.stages]
        canv.lines(lines)
        canv.setStrokeColor(rgb(theme.CARD_BORDER))
        canv.rect(0, 0, layout.width, layout.height, stroke=1, fill=0)
        self.flows.draw(ops, view)
        ops.flush(canv)
        draw_emotion_curves(canv, layout, self.persona_id)

    def draw_links(
        self, canv: Canvas, view: Rect | None = None, parts: tuple[Rect, ...] | None = None
    ) -> None:
        """Clickable areas on cards with an http, https or mailto URL."""
        cards = [self.cards[i] for i in self._card_index.query(view)]
        if parts is not None:
            cards = [c for c in cards if _within(c.rect, parts)]
        for url, box in card_links(cards):
            r = box.rect
            canv.linkURL(url, (r.x, r.y, r.right, r.bottom), relative=1, thickness=0)

    # ------------------------------------------------------------------ headers
    def _stage_text(
        self, box: StageBox, text: Text, span: tuple[float, float] | None = None
    ) -> None:
        size = self.layout.style.header_size
        header, lines = box.header, box.name_lines
        if span is not None and (header.x < span[0] or header.right > span[1]):
            x0, x1 = max(header.x, span[0]), min(header.right, span[1])
            header = Rect(x0, header.y, x1 - x0, header.height)
            lines, _ = wrap(box.stage.name, header.width - 16, size, 2, bold=True)
        leading = size * 1.25
        # the metrics whole, on two lines under a one-line name and one under two lines
        room = 2 if len(lines) == 1 else 1
        metrics = metric_lines(metric_parts(box.stage.metrics), header.width - 16, 8.5, room)
        extra = 12 * len(metrics)
        top = header.y + ACCENT + (header.height - ACCENT - len(lines) * leading - extra) / 2
        cx = header.center[0]
        text.style(size, theme.INK, bold=True)
        for i, line in enumerate(lines):
            text.centre(cx, top + size * 0.95 + i * leading, line)
        text.style(8.5, theme.MUTED_INK)
        for i, line in enumerate(metrics):
            text.centre(cx, top + len(lines) * leading + 9 + 12 * i, line)

    def _lane_text(self, box: LaneBox, text: Text, rows: tuple[float, float] | None = None) -> None:
        size = self.layout.style.lane_header_size
        header, lines = box.header, box.name_lines
        cut = rows is not None and (header.y < rows[0] or header.bottom > rows[1])
        if rows is not None and cut:
            y0, y1 = max(header.y, rows[0]), min(header.bottom, rows[1])
            header = Rect(header.x, y0, header.width, y1 - y0)
        leading = size * 1.25
        block = len(lines) * leading
        tall = box.header.height >= 110  # as where the emotion key goes, however cut
        top = header.y + 12 if tall else header.y + (header.height - block) / 2
        if cut and top - header.y + block > header.height:
            return  # a sliver of the lane on this block: the block with the rest names it
        text.style(size, theme.MUTED_INK if box.lane.collapsed else theme.INK, bold=True)
        for i, line in enumerate(lines):
            text.at(header.x + 10, top + size * 0.95 + i * leading, line)


def _meets(start: float, end: float, span: tuple[float, float]) -> bool:
    return start < span[1] and span[0] < end


def _within(r: Rect, parts: tuple[Rect, ...]) -> bool:
    return any(p.x <= r.x < p.right and p.y <= r.y < p.bottom for p in parts)


def _fill(ops: Ops, colour: str, r: Rect) -> None:
    ops.fill_color(rgb(colour))
    ops.rect(r.x, r.y, r.width, r.height)
    ops.fill()
