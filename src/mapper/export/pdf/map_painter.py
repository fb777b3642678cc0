"""The map itself, drawn as vectors from the shared layout.

:class:`MapPainter` draws in map space (layout pixels, y down); the caller sets up the
transform and clip. Given a ``view`` it draws only what touches it, so tiling a big map
costs about as much as drawing it once.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.cards import card_links, draw_cards
from mapper.export.pdf.culling import Buckets
from mapper.export.pdf.draw import Text, rgb, round_rect, shade
from mapper.export.pdf.emotion import draw_emotion_background, draw_emotion_curves
from mapper.export.pdf.flows import FlowPainter
from mapper.export.pdf.ops import Ops, Stamps
from mapper.export.values import metrics_text
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.grid import CardBox, LaneBox, MapLayout, StageBox
from mapper.layout.labels import flow_labels
from mapper.layout.text import elide
from mapper.model import JourneyMap

ACCENT = 4.0  # the stage colour's darker band along the top of each stage header


class MapPainter:
    """Draws one map layout for one (active) persona, in whole or by views."""

    def __init__(self, journey: JourneyMap, layout: MapLayout, persona_id: str | None) -> None:
        self.journey = journey
        self.layout = layout
        self.persona_id = persona_id
        self.cards: list[CardBox] = list(layout.cards.values())
        self.flows = FlowPainter(layout.flows, flow_labels(layout))
        self._card_index = Buckets(box.rect for box in self.cards)
        self._stamps: Stamps | None = None

    @property
    def bounds(self) -> Rect:
        return Rect(0, 0, self.layout.width, self.layout.height)

    def draw(self, canv: Canvas, view: Rect | None = None, links: bool = True) -> None:
        """Draw everything touching ``view`` (map pixels; None: the whole map).

        ``links=False`` leaves out the URL annotations (a PDF form cannot hold them; see
        :meth:`draw_links`)."""
        text = Text(canv)
        if self._stamps is None or self._stamps.canv is not canv:
            self._stamps = Stamps(canv)  # one set of stamps per document
        ops = Ops(self._stamps)
        self._grid(canv, text)
        self.flows.draw(ops, view)
        ops.flush(canv)
        draw_emotion_curves(canv, self.layout, self.persona_id, text)
        cards = [self.cards[i] for i in self._card_index.query(view)]
        draw_cards(ops, text, cards, self.layout.style, self.persona_id)
        self.flows.draw_labels(ops, text, view)
        ops.flush(canv)
        text.draw()
        if links:
            self.draw_links(canv, view)

    def draw_links(self, canv: Canvas, view: Rect | None = None) -> None:
        """Clickable areas on cards with an http, https or mailto URL."""
        cards = [self.cards[i] for i in self._card_index.query(view)]
        for url, box in card_links(cards):
            r = box.rect
            canv.linkURL(url, (r.x, r.y, r.right, r.bottom), relative=1, thickness=0)

    # ------------------------------------------------------------------ grid
    def _grid(self, canv: Canvas, text: Text) -> None:
        layout, style = self.layout, self.layout.style
        width, height = layout.width, layout.height
        corner = Rect(0, 0, style.lane_header_width, style.stage_header_height)
        round_rect(canv, corner, 0, fill=theme.HEADER_FILL)
        for lane in layout.lanes:
            round_rect(canv, lane.header, 0, fill=theme.HEADER_FILL)
        for stage in layout.stages:
            header = stage.header
            round_rect(canv, header, 0, fill=stage.stage.color)
            band = Rect(header.x, header.y, header.width, ACCENT)
            round_rect(canv, band, 0, fill=shade(stage.stage.color, 0.72))
            self._stage_text(stage, text)
        for lane in layout.lanes:
            self._lane_text(lane, text)
        draw_emotion_background(canv, layout, text)  # under the grid lines

        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.8)
        top = style.stage_header_height
        lines = [(0.0, top, width, top)]
        lines += [(0.0, lane.row.bottom, width, lane.row.bottom) for lane in layout.lanes[:-1]]
        lines += [(stage.header.x, 0.0, stage.header.x, height) for stage in layout.stages]
        canv.lines(lines)
        canv.setStrokeColor(rgb(theme.CARD_BORDER))
        canv.rect(0, 0, width, height, stroke=1, fill=0)

    def _stage_text(self, box: StageBox, text: Text) -> None:
        size = self.layout.style.header_size
        header, lines = box.header, box.name_lines
        leading = size * 1.25
        metrics = metrics_text(box.stage.metrics)
        extra = 12 if metrics and len(lines) == 1 else 0
        top = header.y + ACCENT + (header.height - ACCENT - len(lines) * leading - extra) / 2
        cx = header.center[0]
        text.style(size, theme.INK, bold=True)
        for i, line in enumerate(lines):
            text.centre(cx, top + size * 0.95 + i * leading, line)
        if extra:
            text.style(8.5, theme.MUTED_INK)
            text.centre(cx, top + len(lines) * leading + 9, elide(metrics, header.width - 16, 8.5))

    def _lane_text(self, box: LaneBox, text: Text) -> None:
        size = self.layout.style.lane_header_size
        header, lines = box.header, box.name_lines
        leading = size * 1.25
        block = len(lines) * leading
        tall = header.height >= 110
        top = header.y + 12 if tall else header.y + (header.height - block) / 2
        text.style(size, theme.MUTED_INK if box.lane.collapsed else theme.INK, bold=True)
        for i, line in enumerate(lines):
            text.at(header.x + 10, top + size * 0.95 + i * leading, line)
