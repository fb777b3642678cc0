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
an edit, a label whose flow only moved along with its cards moves with it, if it lands
clear of text and labels there.
Pure Python and deterministic, so every renderer places labels alike.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mapper.layout.badges import badge_row, title_baselines
from mapper.layout.boxes import CardBox, MapLayout
from mapper.layout.geometry import Bezier, Rect
from mapper.layout.metric_lines import card_metrics_rect
from mapper.layout.routes import bezier_point
from mapper.layout.text import ELLIPSIS, elide, text_width

LABEL_SIZE = 8.5
LABEL_HEIGHT = 13.0
LABEL_PADDING = 4.0
LABEL_MAX_WIDTH = 150.0
CANDIDATES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86)
OFFSETS = (0.0, -16.0, 16.0, -32.0, 32.0, -48.0, 48.0, -64.0, 64.0)  # above / below
CARD_CLEARANCE = 2.0
NEAR = 3 * len(OFFSETS)  # spots near the middle, where a label clear of every card is best
SHORTER = (100.0, 64.0)  # widths a label is elided to, in turn, when it finds no spot
_CELL = 200.0


@dataclass(frozen=True, slots=True)
class FlowLabel:
    flow_id: str
    text: str  # the label on one line, elided to LABEL_MAX_WIDTH or shorter to fit
    rect: Rect
    clear: bool = True  # False: no free spot was found, so it is not drawn anywhere

    @property
    def elided(self) -> bool:
        return self.text.endswith(ELLIPSIS)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1: plain numbers, checked often
Grid = dict[tuple[int, int], list[Box]]


def _hits(r: Rect, grid: Grid | _TextBoxes) -> bool:
    x0, y0 = r.x, r.y
    x1, y1 = x0 + r.width, y0 + r.height
    for gx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
        for gy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
            for a, b, c, d in grid.get((gx, gy), ()):
                if x0 < c and a < x1 and y0 < d and b < y1:
                    return True
    return False


def _add(grid: Grid, r: Rect) -> list[tuple[int, int]]:
    box = (r.x, r.y, r.x + r.width, r.y + r.height)
    keys = [
        (gx, gy)
        for gx in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1)
        for gy in range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)
    ]
    for key in keys:
        grid.setdefault(key, []).append(box)
    return keys


@lru_cache(maxsize=50_000)
def _word(word: str) -> float:
    return text_width(word, 1000.0)


def _line_width(line: str, size: float) -> float:
    """A title line's width (words repeat across cards: each is measured once)."""
    words = line.split(" ")
    return (sum(_word(w) for w in words) + _word(" ") * (len(words) - 1)) * size / 1000


class _TextBoxes:
    """Each card's title lines (as wide as their text) and its badge row, by grid cell;
    a cell's are measured when first asked for (most labels never need them)."""

    def __init__(self, layout: MapLayout, cells: dict[tuple[int, int], list[CardBox]]) -> None:
        self.style = layout.style
        self.cells = cells
        self.done: Grid = {}
        self.boxes: dict[str, list[Box]] = {}

    def get(self, key: tuple[int, int], default: tuple = ()) -> list[Box]:
        found = self.done.get(key)
        if found is None:
            found = [b for card in self.cells.get(key, ()) for b in self._of(card)]
            self.done[key] = found
        return found

    def _of(self, box: CardBox) -> list[Box]:
        found = self.boxes.get(box.card.id)
        if found is None:
            style = self.style
            size = style.title_size
            up, down = size * 0.95, size * 0.3
            x = box.rect.x + style.card_padding
            found = [
                (x - 1, base - up, x + _line_width(line, size) + 1, base + down)
                for line, base in zip(box.title_lines, title_baselines(box, style), strict=True)
            ]
            line = card_metrics_rect(box, style)
            if line is not None:
                found.append((line.x - 1, line.y - 1, line.right + 1, line.bottom + 1))
            row = badge_row(box, style)
            if row is not None:
                found.append((row.x - 1, row.y - 1, row.right + 1, row.bottom + 1))
            self.boxes[box.card.id] = found
        return found


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
    shifted = _shifted(layout, previous, known, kept)
    cards: Grid | None = None
    texts: _TextBoxes | None = None
    style = layout.style
    body = Rect(
        style.lane_header_width,
        style.stage_header_height,
        layout.width - style.lane_header_width,
        layout.height - style.stage_header_height,
    )
    edges = sorted(box.column.x for box in layout.stages)[1:]  # inner stage boundaries
    labels: Grid = {}
    for label in kept.values():
        _add(labels, label.rect)
    for line in layout.blueprint:  # a label never sits on a service blueprint's line
        _add(labels, Rect(line.x0, line.y - 1.5, line.x1 - line.x0, 3.0))
    if shifted:  # labels that only moved with their flows go first: they were fine
        cards, texts = _card_grids(layout, previous)
        for label in list(shifted.values()):
            if _free(label.rect, cards, texts, labels, edges, body):
                _add(labels, label.rect)
            else:
                del shifted[label.flow_id]
    placed = []
    for route in layout.flows:
        old = kept.get(route.flow.id) or shifted.get(route.flow.id)
        if old is not None:
            placed.append(old)
            continue
        full = " ".join(route.flow.label.split())
        if not full:
            continue
        if cards is None or texts is None:
            cards, texts = _card_grids(layout, previous)
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
        _add(labels, chosen)
        placed.append(FlowLabel(route.flow.id, text, chosen))
    return placed


class _CardGrid:
    """Every card's box (with a little clearance) by grid cell. Kept with the layout, so
    after an edit only the cards that moved are filed again."""

    def __init__(self) -> None:
        self.grid: Grid = {}
        self.by_cell: dict[tuple[int, int], list[CardBox]] = {}
        self.filed: dict[str, tuple[CardBox, Box, list[tuple[int, int]]]] = {}

    def file(self, box: CardBox) -> None:
        c, r = CARD_CLEARANCE, box.rect
        padded = Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c)
        keys = _add(self.grid, padded)
        for key in keys:
            self.by_cell.setdefault(key, []).append(box)
        entry = (padded.x, padded.y, padded.x + padded.width, padded.y + padded.height)
        self.filed[box.card.id] = (box, entry, keys)

    def take_out(self, card_id: str) -> None:
        box, entry, keys = self.filed.pop(card_id)
        for key in keys:
            self.grid[key].remove(entry)
            self.by_cell[key].remove(box)


def _card_grids(layout: MapLayout, previous: MapLayout | None) -> tuple[Grid, _TextBoxes]:
    """The cards' grid and their text boxes; taken over from the ``previous`` layout
    (which gives it up) with only what changed filed again."""
    found = previous.label_cards if previous is not None else None
    if isinstance(found, _CardGrid):
        previous.label_cards = None  # type: ignore[union-attr]  # one owner at a time
        boxes = layout.cards
        for card_id in [i for i, (box, _, _) in found.filed.items() if boxes.get(i) is not box]:
            found.take_out(card_id)
        for card_id, box in boxes.items():
            if card_id not in found.filed:
                found.file(box)
        grid = found
    else:
        grid = _CardGrid()
        for box in layout.cards.values():
            grid.file(box)
    layout.label_cards = grid
    return grid.grid, _TextBoxes(layout, grid.by_cell)


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
    before = {route.flow.id: route for route in previous.flows}
    now = {route.flow.id: route for route in layout.flows}
    moved: Grid = {}
    c = CARD_CLEARANCE
    old_cards = previous.cards
    for card_id, box in layout.cards.items():
        old = old_cards.get(card_id)
        if old is box:
            continue
        for r in (box.rect, old.rect if old is not None else None):
            if r is not None:
                _add(moved, Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c))
    for card_id, old in old_cards.items():
        if card_id not in layout.cards:
            r = old.rect
            _add(moved, Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c))
    return {
        label.flow_id: label
        for label in known
        if label.clear
        and label.flow_id in now
        and before.get(label.flow_id) is now[label.flow_id]
        and _inside(label.rect, body)
        and not _hits(label.rect, moved)
    }


def _shifted(
    layout: MapLayout,
    previous: MapLayout | None,
    known: Sequence[FlowLabel],
    kept: dict[str, FlowLabel],
) -> dict[str, FlowLabel]:
    """The known labels not kept whose flow's curve only moved as a whole (its two cards
    moved alike, as when a card above them in their cells grew), moved along with it.
    Each is still checked against the cards' text and the labels where it lands."""
    if previous is None or not known:
        return {}
    before = {route.flow.id: route for route in previous.flows}
    now = {route.flow.id: route for route in layout.flows}
    found = {}
    for label in known:
        flow_id = label.flow_id
        if not label.clear or flow_id in kept or flow_id not in now or flow_id not in before:
            continue
        old, new = before[flow_id], now[flow_id]
        if old.flow is not new.flow:
            continue  # its label may have changed
        shift = _translation(old.curve, new.curve)
        if shift is not None:
            r = label.rect
            moved = Rect(r.x + shift[0], r.y + shift[1], r.width, r.height)
            found[flow_id] = FlowLabel(flow_id, label.text, moved)
    return found


def _translation(a: Bezier, b: Bezier) -> tuple[float, float] | None:
    """How far curve ``b`` is ``a`` moved as a whole, or None when it changed its shape."""
    dx, dy = b.p0[0] - a.p0[0], b.p0[1] - a.p0[1]
    for p, q in ((a.c1, b.c1), (a.c2, b.c2), (a.p3, b.p3)):
        if abs(q[0] - p[0] - dx) > 0.01 or abs(q[1] - p[1] - dy) > 0.01:
            return None
    return dx, dy


def _free(
    r: Rect, cards: Grid, texts: _TextBoxes, labels: Grid, edges: list[float], body: Rect
) -> bool:
    """Whether a label moved with its flow may stay at ``r``: in the map's body, within
    one stage column, clear of the cards' text and of the other labels (most labels of
    a dense map sit on a card's empty part, and moved alike with it they still do). A
    spot clear of the cards is clear of their text: their text is measured only if not."""
    return (
        _inside(r, body)
        and _beside(r, edges) == (r,)
        and not _hits(r, labels)
        and (not _hits(r, cards) or not _hits(r, texts))
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
    avoid: Grid | _TextBoxes,
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
            if not _hits(spot, avoid) and not _hits(spot, labels):
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
