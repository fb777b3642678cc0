"""Where flow labels go: on their curve, but off the cards and off each other.

A label sits at the middle of its flow when that spot is free; otherwise it slides along
the curve to the first spot clear of cards and labels, else to the first spot clear of
other labels (it may cover a card: labels have an opaque background), else it stays in
the middle. Pure Python and deterministic, so every renderer places labels alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from mapper.layout.geometry import Rect
from mapper.layout.grid import MapLayout, bezier_point
from mapper.layout.text import elide, text_width

LABEL_SIZE = 8.5
LABEL_HEIGHT = 13.0
LABEL_PADDING = 4.0
LABEL_MAX_WIDTH = 150.0
CANDIDATES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86)
_CELL = 200.0


@dataclass(frozen=True, slots=True)
class FlowLabel:
    flow_id: str
    text: str  # the label on one line, elided to LABEL_MAX_WIDTH
    rect: Rect


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


def flow_labels(layout: MapLayout) -> list[FlowLabel]:
    """A placed label for every flow that has one, in flow order."""
    cards: dict[tuple[int, int], list[Rect]] = {}
    for box in layout.cards.values():
        r = box.rect
        padded = Rect(r.x - 2, r.y - 2, r.width + 4, r.height + 4)
        for key in _keys(padded):
            cards.setdefault(key, []).append(padded)
    labels: dict[tuple[int, int], list[Rect]] = {}
    placed = []
    for route in layout.flows:
        text = " ".join(route.flow.label.split())
        if not text:
            continue
        text = elide(text, LABEL_MAX_WIDTH, LABEL_SIZE)
        width = text_width(text, LABEL_SIZE) + 2 * LABEL_PADDING
        spots = []
        for t in CANDIDATES:
            x, y = bezier_point(route.curve, t)
            spots.append(Rect(x - width / 2, y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT))
        chosen = next((r for r in spots if not _hits(r, labels) and not _hits(r, cards)), None)
        chosen = chosen or next((r for r in spots if not _hits(r, labels)), spots[0])
        for key in _keys(chosen):
            labels.setdefault(key, []).append(chosen)
        placed.append(FlowLabel(route.flow.id, text, chosen))
    return placed
