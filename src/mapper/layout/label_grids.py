"""Where flow labels may not go, filed by square grid cells so a label's spot is checked
against what is near it only: the cards' boxes (kept with the layout, so after an edit
only the cards that moved are filed again), their text (measured when first asked for)
and the labels placed so far."""

from __future__ import annotations

import weakref
from functools import lru_cache
from typing import Any

from mapper.layout.badges import badge_row, title_baselines
from mapper.layout.boxes import CardBox, MapLayout, only_moved
from mapper.layout.geometry import Rect
from mapper.layout.metric_lines import card_metrics_rect
from mapper.layout.text import text_width

CELL = 200.0  # a grid cell's side
CARD_CLEARANCE = 2.0

Box = tuple[float, float, float, float]  # x0, y0, x1, y1: plain numbers, checked often
Grid = dict[tuple[int, int], list[Box]]


def hits(r: Rect, grid: Grid | TextBoxes) -> bool:
    """Whether ``r`` overlaps anything filed in ``grid``."""
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


class TextBoxes:
    """Each card's title lines (as wide as their text) and its badge row, by grid cell;
    a cell's are measured when first asked for (most labels never need them)."""

    def __init__(
        self,
        layout: MapLayout,
        cells: dict[tuple[int, int], list[CardBox]],
        known: dict[str, tuple[CardBox, list[Box]]],
    ) -> None:
        """``known``: each card's text boxes as last measured, with the box they were
        measured in (kept from edit to edit: a card that only moved is not measured)."""
        self.style = layout.style
        self.cells = cells
        self.done: Grid = {}
        self.known = known

    def get(self, key: tuple[int, int], default: tuple = ()) -> list[Box]:
        found = self.done.get(key)
        if found is None:
            found = [b for card in self.cells.get(key, ()) for b in self._of(card)]
            self.done[key] = found
        return found

    def _of(self, box: CardBox) -> list[Box]:
        entry = self.known.get(box.card.id)
        if entry is not None and entry[0] is box:
            return entry[1]
        if entry is not None and only_moved(entry[0], box):
            dx, dy = box.rect.x - entry[0].rect.x, box.rect.y - entry[0].rect.y
            found = [(a + dx, b + dy, c + dx, d + dy) for a, b, c, d in entry[1]]
        else:
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
        self.known[box.card.id] = (box, found)
        return found


class CardGrid:
    """Every card's box (with a little clearance) by grid cell. Kept with the layout, so
    after an edit only the cards that moved are filed again."""

    def __init__(self) -> None:
        self.grid: Grid = {}
        self.by_cell: dict[tuple[int, int], list[CardBox]] = {}
        self.filed: dict[str, tuple[CardBox, Box, list[tuple[int, int]]]] = {}
        self.texts: dict[str, tuple[CardBox, list[Box]]] = {}  # see TextBoxes
        self.filed_for: Any = None  # a weak reference to the layout whose boxes it holds

    def file(self, box: CardBox) -> None:
        c, r = CARD_CLEARANCE, box.rect
        padded = Rect(r.x - c, r.y - c, r.width + 2 * c, r.height + 2 * c)
        keys = add(self.grid, padded)
        for key in keys:
            self.by_cell.setdefault(key, []).append(box)
        entry = (padded.x, padded.y, padded.x + padded.width, padded.y + padded.height)
        self.filed[box.card.id] = (box, entry, keys)

    def take_out(self, card_id: str) -> None:
        box, entry, keys = self.filed.pop(card_id)
        for key in keys:
            self.grid[key].remove(entry)
            self.by_cell[key].remove(box)


def card_grids(layout: MapLayout, previous: MapLayout | None) -> tuple[Grid, TextBoxes]:
    """The cards' grid and their text boxes; taken over from the ``previous`` layout
    (which gives it up) with only what changed filed again."""
    found = previous.label_cards if previous is not None else None
    if isinstance(found, CardGrid):
        previous.label_cards = None  # type: ignore[union-attr]  # one owner at a time
        boxes = layout.cards
        changes = layout.changes_since(previous)
        filed = found.filed
        if changes is not None and found.filed_for is not None and found.filed_for() is previous:
            # filed for the layout this one was built on: what changed since is all to file
            stale = [i for i in (*changes[0], *changes[1]) if i in filed]
            fresh = changes[0]
        else:  # look at every card
            stale = [i for i, (box, _, _) in filed.items() if boxes.get(i) is not box]
            fresh = list(boxes)
        for card_id in stale:
            found.take_out(card_id)
            if card_id not in boxes:
                found.texts.pop(card_id, None)
        for card_id in fresh:
            if card_id not in filed:
                found.file(boxes[card_id])
        grid = found
    else:
        grid = CardGrid()
        for box in layout.cards.values():
            grid.file(box)
    layout.label_cards = grid
    grid.filed_for = weakref.ref(layout)
    return grid.grid, TextBoxes(layout, grid.by_cell, grid.texts)
