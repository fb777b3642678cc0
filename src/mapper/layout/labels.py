"""Where flow labels go: near their curve, never over a card, a header or another label.

A label sits at the middle of its flow when that spot is free; otherwise it tries spots
along the curve, then spots just above and below them, and takes the first one that is
clear of cards (their titles and badges), of the stage and lane headers, of other labels,
and that lies within one stage column (so a page that shows whole stages never cuts a
label in two). A label with no free spot within reach keeps the middle of its flow and is
marked ``clear=False``: the canvas shows it there, the PDF leaves it out and says so.
Pure Python and deterministic, so every renderer places labels alike.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from mapper.layout.geometry import Rect
from mapper.layout.grid import MapLayout, bezier_point
from mapper.layout.text import elide, text_width

LABEL_SIZE = 8.5
LABEL_HEIGHT = 13.0
LABEL_PADDING = 4.0
LABEL_MAX_WIDTH = 150.0
CANDIDATES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86)
OFFSETS = (0.0, -16.0, 16.0, -32.0, 32.0, -48.0, 48.0)  # above / below the curve
CARD_CLEARANCE = 2.0
_CELL = 200.0


@dataclass(frozen=True, slots=True)
class FlowLabel:
    flow_id: str
    text: str  # the label on one line, elided to LABEL_MAX_WIDTH
    rect: Rect
    clear: bool = True  # False: no free spot was found; it may cover a card or a label


def _keys(r: Rect) -> list[tuple[int, int]]:
    return [
        (gx, gy)
        for gx in range(int(r.x // _CELL), int(r.right // _CELL) + 1)
        for gy in range(int(r.y // _CELL), int(r.bottom // _CELL) + 1)
    ]


def _hits(r: Rect, grid: dict[tuple[int, int], list[Rect]]) -> bool:
    for key in _keys(r):
        for o in grid.get(key, ()):
            if r.x < o.right and o.x < r.right and r.y < o.bottom and o.y < r.bottom:
                return True
    return False


def _add(grid: dict[tuple[int, int], list[Rect]], r: Rect) -> None:
    for key in _keys(r):
        grid.setdefault(key, []).append(r)


def flow_labels(layout: MapLayout) -> list[FlowLabel]:
    """A placed label for every flow that has one, in flow order."""
    cards: dict[tuple[int, int], list[Rect]] = {}
    c = CARD_CLEARANCE
    for box in layout.cards.values():
        r = box.rect
        _add(cards, Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c))
    style = layout.style
    body = Rect(
        style.lane_header_width,
        style.stage_header_height,
        layout.width - style.lane_header_width,
        layout.height - style.stage_header_height,
    )
    edges = sorted(box.column.x for box in layout.stages)[1:]  # inner stage boundaries
    labels: dict[tuple[int, int], list[Rect]] = {}
    placed = []
    for route in layout.flows:
        text = " ".join(route.flow.label.split())
        if not text:
            continue
        text = elide(text, LABEL_MAX_WIDTH, LABEL_SIZE)
        width = text_width(text, LABEL_SIZE) + 2 * LABEL_PADDING
        middle = bezier_point(route.curve, 0.5)
        chosen = None
        for t in CANDIDATES:
            x, y = bezier_point(route.curve, t)
            for dy in OFFSETS:
                r = Rect(x - width / 2, y + dy - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
                if (
                    _inside(r, body)
                    and not _crosses(r, edges)
                    and not _hits(r, labels)
                    and not _hits(r, cards)
                ):
                    chosen = r
                    break
            if chosen is not None:
                break
        if chosen is None:
            rect = Rect(middle[0] - width / 2, middle[1] - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
            placed.append(FlowLabel(route.flow.id, text, rect, clear=False))
            continue
        _add(labels, chosen)
        placed.append(FlowLabel(route.flow.id, text, chosen))
    return placed


def _inside(r: Rect, body: Rect) -> bool:
    return r.x >= body.x and r.y >= body.y and r.right <= body.right and r.bottom <= body.bottom


def _crosses(r: Rect, edges: list[float]) -> bool:
    """Whether ``r`` straddles a stage boundary (``edges`` sorted)."""
    i = bisect.bisect_right(edges, r.x)
    return i < len(edges) and edges[i] < r.right
