"""Where flow labels may not go, so a label's spot is checked against what is near it
only: the cards' boxes and their text, found through the layout's own cells (nothing to
file again when an edit moves thousands of cards; text is measured when first asked for
and kept from edit to edit), and the labels placed so far, filed by square grid cells."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from mapper.layout.badges import badge_row, title_baselines
from mapper.layout.boxes import CardBox, CellStack, MapLayout, Style, only_moved
from mapper.layout.geometry import Rect
from mapper.layout.metric_lines import card_metrics_rect
from mapper.layout.text import text_width

CELL = 200.0  # a grid cell's side
CARD_CLEARANCE = 2.0

Box = tuple[float, float, float, float]  # x0, y0, x1, y1: plain numbers, checked often
Grid = dict[tuple[int, int], list[Box]]


def hits(r: Rect, grid: Grid | CardIndex | LabelGrid) -> bool:
    """Whether ``r`` overlaps anything filed in ``grid`` (or found by a ``CardIndex``
    or a ``LabelGrid``)."""
    if not isinstance(grid, dict):
        return grid.hits(r)
    x0, y0 = r.x, r.y
    x1, y1 = x0 + r.width, y0 + r.height
    for gx in range(int(x0 // CELL), int(x1 // CELL) + 1):
        for gy in range(int(y0 // CELL), int(y1 // CELL) + 1):
            for a, b, c, d in grid.get((gx, gy), ()):
                if x0 < c and a < x1 and y0 < d and b < y1:
                    return True
    return False


def add(grid: Grid, r: Rect) -> list[tuple[int, int]]:
    """File ``r`` in ``grid``; returns the cells it went into."""
    box = (r.x, r.y, r.x + r.width, r.y + r.height)
    keys = [
        (gx, gy)
        for gx in range(int(box[0] // CELL), int(box[2] // CELL) + 1)
        for gy in range(int(box[1] // CELL), int(box[3] // CELL) + 1)
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


TEXT_REACH = 6.0  # how far past a card's box its text boxes are looked for


class CardIndex:
    """Every card's box with ``CARD_CLEARANCE`` around it (or, ``text``: its title lines
    as wide as their text, its metrics line and its badge row), found through the
    layout's columns, rows and each cell's stack from top to bottom. Nothing is filed:
    a stack is indexed by y when a label is first checked near it (once per stack
    object, which later layouts take over while the cell stays), and a card's text is
    measured when first needed."""

    def __init__(self, layout: MapLayout, known: dict[str, tuple[CardBox, list[Box]]], text: bool):
        """``known``: each card's text boxes as last measured, with the box they were
        measured in (kept from edit to edit: a card that only moved is not measured)."""
        self.style = layout.style
        self.text = text
        columns = [(b.column.x, b.column.right, b.stage.id) for b in layout.stages]
        rows = [(b.row.y, b.row.bottom, b.lane.id) for b in layout.lanes]
        self.rights = [right for _, right, _ in columns]
        self.columns = columns
        self.bottoms = [bottom for _, bottom, _ in rows]
        self.rows = rows
        stacks = layout.cell_stacks
        # each column's stacks, row by row (None: an empty cell)
        self.table = [[stacks.get((s, lane)) for _, _, lane in rows] for _, _, s in columns]
        self.known = known

    def hits(self, r: Rect) -> bool:
        """Whether ``r`` overlaps a card's box (with clearance), or its text."""
        for _ in self._met(r.x, r.y, r.x + r.width, r.y + r.height):
            return True
        return False

    def _stacks_near(
        self, x0: float, y0: float, x1: float, y1: float, reach: float
    ) -> Iterator[tuple[list[float], list[Box], list[CardBox]]]:
        """The indexed stacks (see ``_indexed``) of the cells within ``reach`` of the
        rect from (x0, y0) to (x1, y1), column by column."""
        columns, rows, table = self.columns, self.rows, self.table
        i = bisect_right(self.rights, x0 - reach)
        first_row = bisect_right(self.bottoms, y0 - reach)
        while i < len(columns) and columns[i][0] < x1 + reach:
            cells = table[i]
            j = first_row
            while j < len(rows) and rows[j][0] < y1 + reach:
                stack = cells[j]
                j += 1
                if stack is not None and stack.boxes:
                    yield stack.index or _indexed(stack)
            i += 1

    def on_text(self, r: Rect) -> bool:
        """Whether ``r`` overlaps a card's box (with clearance) and a card's text: what
        the index of the boxes and that of the text say, in one look (the text is
        measured only when a box is met)."""
        x0, y0 = r.x, r.y
        x1, y1 = x0 + r.width, y0 + r.height
        c = CARD_CLEARANCE
        reach = c + TEXT_REACH
        low, high = y0 - c + c, y1 + c - c  # (a box is met as ``hits`` meets it)
        top, bottom = y0 - reach + c, y1 + reach - c
        met = False
        near: list[CardBox] = []
        for bottoms, padded, boxes in self._stacks_near(x0, y0, x1, y1, reach):
            k = bisect_right(bottoms, top)
            while k < len(padded) and padded[k][1] < bottom:
                a, b, right, d = padded[k]
                if x0 < right + reach and a - reach < x1:
                    near.append(boxes[k])
                    if x0 < right and a < x1 and low < d and b < high:
                        met = True
                k += 1
        if met:
            for box in near:
                for a, b, right, d in self._of(box):
                    if x0 < right and a < x1 and y0 < d and b < y1:
                        return True
        return False

    def spans(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
        """The tops and bottoms of what :meth:`hits` finds in the rect from (x0, y0) to
        (x1, y1): a column of spots as wide as it, within it, asks these instead of the
        index (boxes that reach it in x, those of text within the rect)."""
        return list(self._met(x0, y0, x1, y1))

    def _met(self, x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[float, float]]:
        """The tops and bottoms of the boxes (with clearance) or text boxes the rect from
        (x0, y0) to (x1, y1) overlaps, found as they are met."""
        text = self.text
        reach = CARD_CLEARANCE + (TEXT_REACH if text else 0.0)
        top, bottom = y0 - reach + CARD_CLEARANCE, y1 + reach - CARD_CLEARANCE
        for bottoms, padded, boxes in self._stacks_near(x0, y0, x1, y1, reach):
            k = bisect_right(bottoms, top)
            while k < len(padded) and padded[k][1] < bottom:
                a, b, c, d = padded[k]
                if not text:
                    if x0 < c and a < x1:
                        yield b, d
                elif x0 < c + reach and a - reach < x1:
                    for a, b, c, d in self._of(boxes[k]):
                        if x0 < c and a < x1 and y0 < d and b < y1:
                            yield b, d
                k += 1

    def _of(self, box: CardBox) -> list[Box]:
        entry = self.known.get(box.card.id)
        if entry is not None and entry[0] is box:
            return entry[1]
        if entry is not None and only_moved(entry[0], box):
            dx, dy = box.rect.x - entry[0].rect.x, box.rect.y - entry[0].rect.y
            found = [(a + dx, b + dy, c + dx, d + dy) for a, b, c, d in entry[1]]
        else:
            found = text_boxes(box, self.style)
        self.known[box.card.id] = (box, found)
        return found


def text_boxes(box: CardBox, style: Style) -> list[Box]:
    """A card's title lines as wide as their text, its metrics line and its badge row,
    each with a pixel around it."""
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
    return found


def _indexed(stack: CellStack) -> tuple[list[float], list[Box], list[CardBox]]:
    """A stack's cards top to bottom: the bottoms of their padded boxes (rising, as the
    tops do), the padded boxes, the boxes. Made once per stack object."""
    found = stack.index
    if found is None:
        c = CARD_CLEARANCE
        boxes = list(stack.boxes.values())
        padded = [
            (r.x - c, r.y - c, r.x + r.width + c, r.y + r.height + c)
            for r in (box.rect for box in boxes)
        ]
        stack.index = found = ([p[3] for p in padded], padded, boxes)
    return found


class LabelCards:
    """What the labels of one layout keep off, handed on to the next layout: the cards'
    text boxes as measured so far."""

    def __init__(self) -> None:
        self.texts: dict[str, tuple[CardBox, list[Box]]] = {}


def card_grids(layout: MapLayout, previous: MapLayout | None) -> tuple[CardIndex, CardIndex]:
    """The cards' boxes and their text; the text measured for the ``previous`` layout is
    taken over (it gives it up)."""
    found = previous.label_cards if previous is not None else None
    if isinstance(found, LabelCards):
        previous.label_cards = None  # type: ignore[union-attr]  # one owner at a time
        texts = found.texts
        if len(texts) > 2 * len(layout.cards) + 100:  # cards gone long ago
            found.texts = texts = {i: e for i, e in texts.items() if i in layout.cards}
    else:
        found = LabelCards()
    layout.label_cards = found
    return CardIndex(layout, found.texts, False), CardIndex(layout, found.texts, True)


class LabelGrid:
    """The labels placed so far (and what else they keep off), filed by square grid cells
    under a key each, so one can be taken out again: the grid of one layout's labels is
    handed on to the next, which takes out only the labels an edit disturbed."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], dict[str, Box]] = {}

    def add(self, key: str, r: Rect) -> None:
        x0, y0 = r.x, r.y
        box = (x0, y0, x0 + r.width, y0 + r.height)
        cells = self.cells
        for gx in range(int(x0 // CELL), int(box[2] // CELL) + 1):
            for gy in range(int(y0 // CELL), int(box[3] // CELL) + 1):
                found = cells.get((gx, gy))
                if found is None:
                    cells[gx, gy] = {key: box}
                else:
                    found[key] = box

    def remove(self, key: str, r: Rect) -> None:
        """Take out what was added under ``key`` with ``r``."""
        for cell in _cells_of((r.x, r.y, r.x + r.width, r.y + r.height)):
            found = self.cells.get(cell)
            if found is not None:
                found.pop(key, None)
                if not found:
                    del self.cells[cell]

    def hits(self, r: Rect) -> bool:
        x0, y0 = r.x, r.y
        x1, y1 = x0 + r.width, y0 + r.height
        cells = self.cells
        for gx in range(int(x0 // CELL), int(x1 // CELL) + 1):
            for gy in range(int(y0 // CELL), int(y1 // CELL) + 1):
                found = cells.get((gx, gy))
                if found:
                    for a, b, c, d in found.values():
                        if x0 < c and a < x1 and y0 < d and b < y1:
                            return True
        return False

    def spans(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
        """The tops and bottoms of the boxes that overlap the rect from (x0, y0) to
        (x1, y1) (see :meth:`CardIndex.spans`)."""
        found: list[tuple[float, float]] = []
        cells = self.cells
        for gx in range(int(x0 // CELL), int(x1 // CELL) + 1):
            for gy in range(int(y0 // CELL), int(y1 // CELL) + 1):
                boxes = cells.get((gx, gy))
                if boxes:
                    for a, b, c, d in boxes.values():
                        if x0 < c and a < x1 and y0 < d and b < y1:
                            found.append((b, d))
        return found

    def meeting(self, box: Box, into: set[str]) -> None:
        """Adds to ``into`` the keys of what overlaps ``box``."""
        x0, y0, x1, y1 = box
        cells = self.cells
        for gx in range(int(x0 // CELL), int(x1 // CELL) + 1):
            for gy in range(int(y0 // CELL), int(y1 // CELL) + 1):
                found = cells.get((gx, gy))
                if found:
                    for key, (a, b, c, d) in found.items():
                        if x0 < c and a < x1 and y0 < d and b < y1:
                            into.add(key)


def _cells_of(box: Box) -> list[tuple[int, int]]:
    return [
        (gx, gy)
        for gx in range(int(box[0] // CELL), int(box[2] // CELL) + 1)
        for gy in range(int(box[1] // CELL), int(box[3] // CELL) + 1)
    ]
