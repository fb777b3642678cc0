"""A map too big to read on one page: after an overview picture (overview.py), detail blocks.

The overview shows the whole map small, with its stage names printed at a readable size
above the columns; text that would print below the readable size on it (card titles,
badge labels, flow labels) is drawn as grey bars or left out, since nobody could read it
there. The detail blocks then show consecutive stages (and, when the map is taller than
a page, consecutive bands of lanes) at a readable scale, each with its stage headers and
lane headers, so every page reads on its own.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.draw import Text, rgb, round_rect
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.markup import one_line
from mapper.export.values import metrics_text
from mapper.layout import theme
from mapper.layout.badges import MARK_TEXT_SIZE, PILL_TEXT_SIZE
from mapper.layout.geometry import Rect
from mapper.layout.grid import MapLayout
from mapper.layout.labels import LABEL_SIZE
from mapper.layout.text import elide
from mapper.model import CardKind

MAX_SCALE = 1.0  # detail blocks never print the map larger than on screen
CAPTION = 13.0  # the line above each detail block
GAP = 10.0  # between blocks on a page


def smallest_text(painter: MapPainter) -> tuple[float, str]:
    """The smallest text the map draws (map pixels) and what it is."""
    layout, journey = painter.layout, painter.journey
    style = layout.style
    found: list[tuple[float, str]] = []
    if layout.cards:
        found.append((style.title_size, "card text"))
    found.append((style.lane_header_size, "lane names"))
    if layout.stages:
        found.append((style.header_size, "stage names"))
    if any(metrics_text(b.stage.metrics) for b in layout.stages):
        found.append((8.5, "stage metrics"))
    if any(label.clear for label in painter.flows.labels):
        found.append((LABEL_SIZE, "flow labels"))
    touchpoints = [b.card for b in layout.cards.values() if b.card.kind is CardKind.TOUCHPOINT]
    if any(c.creator is not None for c in touchpoints):
        found.append((PILL_TEXT_SIZE, "creator labels"))
    if any(c.emotion(painter.persona_id) is not None for c in touchpoints):
        found.append((MARK_TEXT_SIZE, "emotion badges"))
    if layout.emotion_lane is not None:
        found.append((8.0, "emotion scale"))
    del journey
    return min(found)


# ---------------------------------------------------------------------- detail blocks
@dataclass(frozen=True)
class Block:
    """Part of the map body (map pixels), shown with its stage and lane headers."""

    x0: float
    x1: float
    y0: float
    y1: float
    stages: tuple[int, int]  # first and last stage index shown
    lanes: tuple[int, int]
    parts: tuple[Rect, ...] = ()  # per stage column: what it shows (its cut may step)

    def size(self, layout: MapLayout, scale: float) -> tuple[float, float]:
        style = layout.style
        return (
            (style.lane_header_width + self.x1 - self.x0) * scale,
            CAPTION + (style.stage_header_height + self.y1 - self.y0) * scale,
        )


def _spans(layout: MapLayout, room: float) -> list[tuple[float, float]]:
    """Consecutive stages per block, as few blocks as fit ``room`` pixels and balanced;
    a stage wider than the room is cut into parts."""
    widths = [b.column.width for b in layout.stages]
    if not widths:
        return [(layout.style.lane_header_width, layout.width)]
    spans: list[tuple[float, float]] = []
    groups = _greedy(widths, room)
    if len(groups) > 1 and max(widths) <= room:  # balance: cut nearest to even shares
        count, total = len(groups), sum(widths)
        ends = list(itertools.accumulate(widths))
        cuts = [0]
        for k in range(1, count):
            target = total * k / count
            best = min(range(cuts[-1] + 1, len(widths)), key=lambda i: abs(ends[i - 1] - target))
            cuts.append(best)
        cuts.append(len(widths))
        even = [list(range(a, b)) for a, b in itertools.pairwise(cuts)]
        if all(g and sum(widths[i] for i in g) <= room for g in even):
            groups = even
    for group in groups:
        x0 = layout.stages[group[0]].column.x
        x1 = layout.stages[group[-1]].column.right
        parts = max(1, math.ceil((x1 - x0) / room - 1e-9))
        step = (x1 - x0) / parts
        spans += [(x0 + p * step, x0 + (p + 1) * step) for p in range(parts)]
    return spans


def _greedy(widths: list[float], room: float) -> list[list[int]]:
    groups: list[list[int]] = [[]]
    acc = 0.0
    for i, w in enumerate(widths):
        if groups[-1] and acc + w > room:
            groups.append([])
            acc = 0.0
        groups[-1].append(i)
        acc += w
    return groups


def _bands(layout: MapLayout, room: float, first: float = 0.0) -> list[tuple[float, float]]:
    """The body cut into as few bands as fit ``room`` pixels, of even height, each cut
    moved onto a lane edge when one is near; with ``first``, the first band is at most
    that tall (it fills what is left of the overview page)."""
    top, bottom = layout.style.stage_header_height, layout.height
    if first > 0 and bottom - top > first:
        head = top + first
        edges = [e.row.bottom for e in layout.lanes if top + first * 0.8 <= e.row.bottom <= head]
        head = max(edges) if edges else head
        cuts = [(top, head)]
        remaining = _even(layout, head, bottom, room)
        return cuts + remaining
    return _even(layout, top, bottom, room)


def _even(layout: MapLayout, top: float, bottom: float, room: float) -> list[tuple[float, float]]:
    if bottom - top <= room:
        return [(top, bottom)]
    count = math.ceil((bottom - top) / room)
    step = (bottom - top) / count
    edges = [lane.row.bottom for lane in layout.lanes]
    cuts = [top]
    for i in range(1, count):
        y = top + i * step
        near = [e for e in edges if abs(e - y) <= step * 0.15 and e - cuts[-1] <= room]
        cuts.append(min(near, key=lambda e: abs(e - y)) if near else y)
    cuts.append(bottom)
    return list(itertools.pairwise(cuts))


class _Column:
    """One stage column's cards and labels, to move a cut above anything it would split,
    by at most ``limit`` pixels (the room a band leaves for it): where flow labels bridge
    every gap between the cards that far up, the cut keeps the cards whole and may split
    a label; where even cards leave no gap, it stays (nothing is left off the page)."""

    def __init__(
        self, x0: float, x1: float, obstacles: list[Rect], cards: list[Rect], limit: float
    ) -> None:
        self.x0, self.x1 = x0, x1
        self.rects = _within(obstacles, x0, x1)
        self.cards = _within(cards, x0, x1)
        self.limit = limit

    def cut(self, y: float) -> float:
        for rects in (self.rects, self.cards):
            moved = _above(rects, y)
            if y - moved <= self.limit:
                return moved
        return y


def _within(rects: list[Rect], x0: float, x1: float) -> list[Rect]:
    return sorted((r for r in rects if r.x < x1 and x0 < r.right), key=_top)


def _above(rects: list[Rect], y: float) -> float:
    """The first y at or above ``y`` that splits none of ``rects`` (sorted by top)."""
    for _ in range(20):  # a label may overlap a card: move until nothing is split
        moved = y
        for r in rects:
            if r.y >= moved:
                break
            if r.y < moved < r.bottom:
                moved = r.y - 3
        if moved == y:
            return y
        y = moved
    return y


def _top(r: Rect) -> float:
    return r.y


def plan_blocks(
    painter: MapPainter, scale: float, width: float, height: float, first: float = 0.0
) -> tuple[list[Block], float]:
    """Blocks that fit a ``width`` x ``height`` box at ``scale`` (at least), and the
    scale they all print at (as large as lets each still fit, up to 100%). With
    ``first`` (points), the first band of every stage group is cut to fit that height,
    and the blocks come band by band: the short ones fill the overview page and share
    the next pages.

    A band's cut runs through each stage column separately, just above any card or flow
    label it would split, so every card and label is printed whole, once (a label only
    where labels leave the cards a gap near enough: see ``_Column``)."""
    layout = painter.layout
    style = layout.style
    cards = [b.rect for b in layout.cards.values()]
    obstacles = cards + [label.rect for label in painter.flows.labels if label.clear]
    tallest = max((r.height for r in obstacles), default=0.0) + 6  # how far a cut may move
    clear = (obstacles, cards, tallest)
    room_w = max(width / scale - style.lane_header_width, 40)
    room_h = max((height - CAPTION) / scale - style.stage_header_height - tallest, 40)
    blocks = []
    first_h = (first - CAPTION) / scale - style.stage_header_height - tallest
    short = first_h >= min(room_h * 0.25, 100)  # worth filling
    bands = _bands(layout, room_h, first_h if short else 0.0)
    for span in _spans(layout, room_w):
        columns = [
            _Column(max(b.column.x, span[0]), min(b.column.right, span[1]), *clear)
            for b in layout.stages
            if b.column.x < span[1] and span[0] < b.column.right
        ] or [_Column(span[0], span[1], *clear)]
        for y0, y1 in bands:
            parts = tuple(
                Rect(c.x0, top, c.x1 - c.x0, end - top)
                for c in columns
                for top, end in [(c.cut(y0), c.cut(y1) if y1 < layout.height else y1)]
            )
            lo, hi = min(p.y for p in parts), max(p.bottom for p in parts)
            stages, lanes = _index(layout, span), _lanes(layout, lo, hi)
            blocks.append(Block(span[0], span[1], lo, hi, stages, lanes, parts))
    best = MAX_SCALE
    for b in blocks:
        room = first if short and b.y0 == blocks[0].y0 and len(bands) > 1 else height
        best = min(
            best,
            width / (style.lane_header_width + b.x1 - b.x0),
            (room - CAPTION) / (style.stage_header_height + b.y1 - b.y0),
        )
    if short and len(bands) > 1:  # band by band
        blocks.sort(key=lambda b: (bands.index(_band_of(b, bands)), b.x0))
    return blocks, max(best, scale)


def _band_of(block: Block, bands: list[tuple[float, float]]) -> tuple[float, float]:
    """The nominal band a block was cut from (its parts' cuts step around it)."""
    middle = (block.y0 + block.y1) / 2
    return min(bands, key=lambda b: abs((b[0] + b[1]) / 2 - middle))


def _index(layout: MapLayout, span: tuple[float, float]) -> tuple[int, int]:
    shown = [
        i for i, b in enumerate(layout.stages) if b.column.x < span[1] and span[0] < b.column.right
    ]
    return (shown[0], shown[-1]) if shown else (0, -1)


def _lanes(layout: MapLayout, y0: float, y1: float) -> tuple[int, int]:
    shown = [i for i, b in enumerate(layout.lanes) if b.row.y < y1 and y0 < b.row.bottom]
    return (shown[0], shown[-1]) if shown else (0, -1)


def caption(layout: MapLayout, block: Block, banded: bool) -> str:
    first, last = block.stages
    count = len(layout.stages)
    if last < first:
        return ""
    names = [one_line(layout.stages[i].stage.name) for i in (first, last)]
    what = (
        f"Stage {first + 1} of {count}: {names[0]}"
        if first == last
        else f"Stages {first + 1}\u2013{last + 1} of {count}: {names[0]} to {names[1]}"
    )
    if banded and block.lanes[1] >= block.lanes[0]:
        a, b = (one_line(layout.lanes[i].lane.name) for i in block.lanes)
        what += f" \u00b7 lanes {a}" + (
            f" to {b}" if b != a or block.lanes[0] != block.lanes[1] else ""
        )
    return what


def draw_block(
    canv: Canvas, painter: MapPainter, block: Block, scale: float, x: float, y: float, title: str
) -> None:
    """The block with its caption, its top left at (x, y) on the page (top-down)."""
    layout = painter.layout
    style = layout.style
    s = scale
    text = Text(canv)
    text.style(7.5, theme.MUTED_INK, bold=True)
    width = (style.lane_header_width + block.x1 - block.x0) * s
    text.at(x, y + 9, elide(title, width, 7.5, bold=True))
    text.draw()
    top = y + CAPTION
    lw, sh = style.lane_header_width * s, style.stage_header_height * s
    bw, bh = (block.x1 - block.x0) * s, (block.y1 - block.y0) * s
    span, rows = (block.x0, block.x1), (block.y0, block.y1)
    parts = (
        (Rect(x, top, lw, sh), x, top, None, None, "corner"),
        (Rect(x + lw, top, bw, sh), x + lw - block.x0 * s, top, span, (-2.0, -1.0), "stages"),
        (Rect(x, top + sh, lw, bh), x, top + sh - block.y0 * s, (-2.0, -1.0), rows, "lanes"),
    )
    for clip, tx, ty, part_span, part_rows, what in parts:
        canv.saveState()
        _clip(canv, clip)
        canv.translate(tx, ty)
        canv.scale(s, s)
        if what == "corner":
            round_rect(canv, Rect(0, 0, style.lane_header_width, style.stage_header_height), 0,
                       fill=theme.HEADER_FILL)  # fmt: skip
        else:
            painter.draw_headers(canv, part_span, part_rows, corner=False)
        canv.restoreState()
    view = Rect(block.x0, block.y0, block.x1 - block.x0, block.y1 - block.y0)
    clips = block.parts or (view,)
    canv.saveState()
    canv.translate(x + lw - block.x0 * s, top + sh - block.y0 * s)
    canv.scale(s, s)
    path = canv.beginPath()
    for p in clips:
        path.rect(p.x, p.y, p.width, p.height)
    canv.clipPath(path, stroke=0, fill=0)
    painter.draw_body(canv, view, parts=clips)
    painter.draw_links(canv, view, parts=clips)
    canv.restoreState()
    canv.setStrokeColor(rgb(theme.CARD_BORDER))
    canv.setLineWidth(0.6)
    canv.rect(x, top, lw + bw, sh + bh, stroke=1, fill=0)


def _clip(canv: Canvas, r: Rect) -> None:
    path = canv.beginPath()
    path.rect(r.x, r.y, r.width, r.height)
    canv.clipPath(path, stroke=0, fill=0)
