"""Where flow labels go: near their curve, never over card text, a header or a label.

A label sits at the middle of its flow when that spot is free; otherwise it tries spots
along the curve, then spots above and below them, and takes the first one clear of the
stage and lane headers, of other labels, of a blueprint's lines and of every card;
failing that, the first one near the middle clear of every card, else the first one clear
of the cards' titles, metrics lines and badge rows (it may then lie on a card's empty
part). Spots
within one stage column go first, so pages of whole stages rarely cut a label. A
label that finds no free spot is shortened with an ellipsis and tried again; one that
still finds none keeps the middle of its flow and is marked ``clear=False``: no renderer
draws it (the canvas shows the full text in the flow's tooltip, the PDF says so). After
an edit, a label whose flow moved or changed its shape is carried along to the same point
of its curve, if it lands clear of text and labels there.
Pure Python and deterministic, so every renderer places labels alike.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mapper.layout.boxes import MapLayout
from mapper.layout.geometry import Bezier, Rect
from mapper.layout.label_grids import CARD_CLEARANCE, CardIndex, Grid, add, card_grids, hits
from mapper.layout.routes import bezier_point
from mapper.layout.text import ELLIPSIS, elide, text_width

LABEL_SIZE = 8.5
LABEL_HEIGHT = 13.0
LABEL_PADDING = 4.0
LABEL_MAX_WIDTH = 150.0
CANDIDATES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86)
OFFSETS = (0.0, -16.0, 16.0, -32.0, 32.0, -48.0, 48.0, -64.0, 64.0)  # above / below
NEAR = 3 * len(OFFSETS)  # spots near the middle, where a label clear of every card is best
SHORTER = (100.0, 64.0)  # widths a label is elided to, in turn, when it finds no spot


@dataclass(frozen=True, slots=True)
class FlowLabel:
    """Where a flow's label goes (or that it found no free spot)."""

    flow_id: str
    text: str  # the label on one line, elided to LABEL_MAX_WIDTH or shorter to fit
    rect: Rect
    clear: bool = True  # False: no free spot was found, so it is not drawn anywhere

    @property
    def elided(self) -> bool:
        return self.text.endswith(ELLIPSIS)


def flow_labels(
    layout: MapLayout, previous: MapLayout | None = None, known: Sequence[FlowLabel] = ()
) -> list[FlowLabel]:
    """A placed label for every flow that has one, in flow order.

    With the ``previous`` layout and the labels ``known`` on it (the editor, after an
    edit), a label whose flow kept its route and whose spot no moved card reaches stays
    where it was, and only the others are placed again, around the kept ones: an edit
    costs what it disturbs. Every label still keeps clear of the others; exports place
    all labels afresh."""
    kept = _still_placed(layout, previous, known)
    cards: CardIndex | None = None
    texts: CardIndex | None = None
    style = layout.style
    body = Rect(
        style.lane_header_width,
        style.stage_header_height,
        layout.width - style.lane_header_width,
        layout.height - style.stage_header_height,
    )
    edges = sorted(box.column.x for box in layout.stages)[1:]  # inner stage boundaries
    carried = _carried(layout, previous, known, kept, edges)
    labels: Grid = {}
    for label in kept.values():
        add(labels, label.rect)
    for line in layout.blueprint:  # a label never sits on a service blueprint's line
        add(labels, Rect(line.x0, line.y - 1.5, line.x1 - line.x0, 3.0))
    if carried:  # labels carried along with their flows go first: they were fine
        cards, texts = card_grids(layout, previous)
        for label in list(carried.values()):
            if _free(label.rect, cards, texts, labels, edges, body):
                add(labels, label.rect)
            else:
                del carried[label.flow_id]
    placed = []
    for route in layout.flows:
        if not route.flow.label:
            continue  # most flows have none: nothing to look up
        old = kept.get(route.flow.id) or carried.get(route.flow.id)
        if old is not None:
            placed.append(old)
            continue
        full = " ".join(route.flow.label.split())
        if not full:
            continue
        if cards is None or texts is None:
            cards, texts = card_grids(layout, previous)
        text = elide(full, LABEL_MAX_WIDTH, LABEL_SIZE)
        width = text_width(text, LABEL_SIZE) + 2 * LABEL_PADDING
        spots = _Spots(route.curve, width, body)
        chosen = (
            _first(spots, cards, labels, edges, NEAR)
            or _first(spots, texts, labels, edges)
            or _first(spots, cards, labels, None, NEAR)
            or _first(spots, texts, labels, None, NEAR)
        )
        for room in SHORTER:  # no free spot: a shorter label may fit a smaller gap
            if chosen is not None:
                break
            short = elide(full, room, LABEL_SIZE)
            if short in (text, ELLIPSIS):
                continue
            shorter = _Spots(route.curve, text_width(short, LABEL_SIZE) + 2 * LABEL_PADDING, body)
            chosen = _first(shorter, texts, labels, edges) or _first(shorter, texts, labels)
            if chosen is not None:
                text = short
        if chosen is None:
            x, y = bezier_point(route.curve, 0.5)
            rect = Rect(x - width / 2, y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
            placed.append(FlowLabel(route.flow.id, text, rect, clear=False))
            continue
        add(labels, chosen)
        placed.append(FlowLabel(route.flow.id, text, chosen))
    return placed


def _still_placed(
    layout: MapLayout, previous: MapLayout | None, known: Sequence[FlowLabel]
) -> dict[str, FlowLabel]:
    """The known labels that may stay: same route, same frame, no moved card nearby."""
    if previous is None or not known or _frame(previous) != _frame(layout):
        return {}
    style = layout.style
    body = Rect(
        style.lane_header_width,
        style.stage_header_height,
        layout.width - style.lane_header_width,
        layout.height - style.stage_header_height,
    )
    before, now = previous.routes_by_id(), layout.routes_by_id()
    moved: Grid = {}
    c = CARD_CLEARANCE
    old_cards, cards = previous.cards, layout.cards
    changes = layout.changes_since(previous)  # else every card is looked at
    changed, gone = changes or ([i for i, b in cards.items() if old_cards.get(i) is not b], [])
    whole = _moved_stacks(layout, previous, moved) if changes is not None else set()
    for card_id in changed:
        if card_id in whole:
            continue
        old = old_cards.get(card_id)
        for r in (cards[card_id].rect, old.rect if old is not None else None):
            if r is not None:
                add(moved, Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c))
    if changes is None:
        gone = [i for i in old_cards if i not in cards]
    for card_id in gone:
        r = old_cards[card_id].rect
        add(moved, Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c))
    return {
        label.flow_id: label
        for label in known
        if label.clear
        and label.flow_id in now
        and before.get(label.flow_id) is now[label.flow_id]
        and _inside(label.rect, body)
        and not hits(label.rect, moved)
    }


def _moved_stacks(layout: MapLayout, previous: MapLayout, moved: Grid) -> set[str]:
    """Files in ``moved`` each cell stack that moved whole, where it was and where it is,
    as one box each (not one per card); returns the ids of its cards. A label is taller
    than the space between two cards' boxes, so it meets a stack's box exactly when it
    meets one of its cards' boxes."""
    c = CARD_CLEARANCE
    if layout.style.card_gap - 2 * c >= LABEL_HEIGHT:
        return set()
    found: set[str] = set()
    known = previous.cell_stacks
    for cell, stack in layout.cell_stacks.items():
        old = known.get(cell)
        if (
            old is None
            or old is stack
            or old.cards is not stack.cards  # moved along: the same cards, new boxes
            or len(stack.cards) < 2
            or len(stack.boxes) != len(stack.cards)
            or len(old.boxes) != len(stack.cards)
        ):
            continue
        for boxes in (old.boxes, stack.boxes):
            rects = [box.rect for box in boxes.values()]
            top, bottom = rects[0], rects[-1]
            height = bottom.y + bottom.height - top.y
            add(moved, Rect(top.x - c, top.y - c, top.width + 2 * c, height + 2 * c))
        found.update(stack.boxes)
    return found


def _carried(
    layout: MapLayout,
    previous: MapLayout | None,
    known: Sequence[FlowLabel],
    kept: dict[str, FlowLabel],
    edges: list[float],
) -> dict[str, FlowLabel]:
    """The known labels not kept, moved with their flows: along with a curve that only
    moved as a whole (its two cards moved alike, as when a card above them grew), or to
    the same point along a curve that changed its shape. Each is still checked against
    the cards' text and the labels where it lands (else it is placed afresh)."""
    if previous is None or not known:
        return {}
    before, now = previous.routes_by_id(), layout.routes_by_id()
    found = {}
    for label in known:
        flow_id = label.flow_id
        if not label.clear or flow_id in kept or flow_id not in now or flow_id not in before:
            continue
        old, new = before[flow_id], now[flow_id]
        if old.flow is not new.flow:
            continue  # its label may have changed
        shift = _translation(old.curve, new.curve)
        r = label.rect
        if shift is not None:
            moved: Rect | None = Rect(r.x + shift[0], r.y + shift[1], r.width, r.height)
        else:
            moved = _same_spot(old.curve, new.curve, r, edges)
        if moved is not None:
            found[flow_id] = FlowLabel(flow_id, label.text, moved)
    return found


def _same_spot(old: Bezier, new: Bezier, r: Rect, edges: list[float]) -> Rect | None:
    """Where a label at ``r`` on curve ``old`` sits on curve ``new``: at the same point
    along it, as far above or below, and on the same side of a stage boundary it was
    moved off (None if ``r`` was none of the spots a label of ``old`` is offered)."""
    middle_y, w = r.y + r.height / 2, r.width
    for t in CANDIDATES:
        x, y = bezier_point(old, t)
        if not any(abs(y + dy - middle_y) < 0.01 for dy in OFFSETS):
            continue
        off = r.x - (x - w / 2)  # 0, or moved just off a stage boundary
        if abs(off) > w + 4:
            continue
        nx, ny = bezier_point(new, t)
        spot = Rect(nx - w / 2, r.y + ny - y, w, r.height)
        if abs(off) < 0.01:
            return spot
        sides = _beside(spot, edges)
        if len(sides) == 1:
            return None  # the boundary it kept off is not in its way now: search again
        return sides[0] if off < 0 else sides[1]
    return None


def _translation(a: Bezier, b: Bezier) -> tuple[float, float] | None:
    """How far curve ``b`` is ``a`` moved as a whole, or None when it changed its shape."""
    dx, dy = b.p0[0] - a.p0[0], b.p0[1] - a.p0[1]
    for p, q in ((a.c1, b.c1), (a.c2, b.c2), (a.p3, b.p3)):
        if abs(q[0] - p[0] - dx) > 0.01 or abs(q[1] - p[1] - dy) > 0.01:
            return None
    return dx, dy


def _free(
    r: Rect, cards: CardIndex, texts: CardIndex, labels: Grid, edges: list[float], body: Rect
) -> bool:
    """Whether a label moved with its flow may stay at ``r``: in the map's body, within
    one stage column, clear of the cards' text and of the other labels (most labels of
    a dense map sit on a card's empty part, and moved alike with it they still do). A
    spot clear of the cards is clear of their text: their text is measured only if not."""
    return (
        _inside(r, body)
        and _beside(r, edges) == (r,)
        and not hits(r, labels)
        and (not hits(r, cards) or not hits(r, texts))
    )


def _frame(layout: MapLayout) -> tuple[float, ...]:
    """Where the stage columns are: labels keep within one (besides their flow and the
    cards near them, what a label's spot depends on)."""
    return tuple(box.column.x for box in layout.stages)


def _inside(r: Rect, body: Rect) -> bool:
    return r.x >= body.x and r.y >= body.y and r.right <= body.right and r.bottom <= body.bottom


class _Spots:
    """The candidate spots of one label, made as they are first asked for (most labels
    take one of the first few)."""

    def __init__(self, curve: Bezier, width: float, body: Rect) -> None:
        self.curve, self.width, self.body = curve, width, body
        self.made: list[Rect] = []
        self._source = self._make()

    def _make(self) -> Iterator[Rect]:
        w, h = self.width, LABEL_HEIGHT
        b = self.body
        left, top, right, bottom = b.x, b.y, b.x + b.width - w, b.y + b.height - h
        for t in CANDIDATES:
            x, y = bezier_point(self.curve, t)
            x -= w / 2
            if not left <= x <= right:
                continue
            for dy in OFFSETS:
                y0 = y + dy - h / 2
                if top <= y0 <= bottom:
                    yield Rect(x, y0, w, h)

    def __iter__(self) -> Iterator[Rect]:
        yield from self.made
        for r in self._source:
            self.made.append(r)
            yield r


def _first(
    spots: _Spots,
    avoid: CardIndex,
    labels: Grid,
    edges: list[float] | None = None,
    limit: int = 0,
) -> Rect | None:
    """The first spot clear of ``avoid`` and of the labels; with ``edges``, only spots
    within one stage column (a straddling spot is tried just beside its boundary); with
    a ``limit``, among that many first spots only."""
    for i, r in enumerate(spots):
        if limit and i >= limit:
            break
        for spot in _beside(r, edges) if edges is not None else (r,):
            if not hits(spot, avoid) and not hits(spot, labels):
                return spot
    return None


def _beside(r: Rect, edges: list[float]) -> tuple[Rect, ...]:
    """``r`` itself when it lies within one stage column, else ``r`` moved just left and
    just right of the stage boundary it straddles."""
    i = bisect.bisect_right(edges, r.x)
    if not (i < len(edges) and edges[i] < r.right):
        return (r,)
    edge = edges[i]
    return (
        Rect(edge - 2 - r.width, r.y, r.width, r.height),
        Rect(edge + 2, r.y, r.width, r.height),
    )
