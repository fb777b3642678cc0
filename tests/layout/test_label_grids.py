"""Where flow labels may not go, kept from one edit to the next."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.layout import compute_layout, label_grids
from mapper.layout.label_grids import CardGrid, card_grids
from mapper.model import Entity


def test_a_card_that_only_moved_keeps_its_measured_text(monkeypatch):
    journey = sample_map()
    before = compute_layout(journey)
    _, texts = card_grids(before, None)
    for key in list(texts.cells):
        texts.get(key)  # every card's text measured once
    cells = [
        journey.cards_in_cell(s, lane) for s in journey.stages.ids() for lane in journey.lanes.ids()
    ]
    stack = next(cards for cards in cells if len(cards) > 1)
    first, below = stack[0], [c.id for c in stack[1:]]
    assert below  # cards under the first one of its cell
    journey.update(Entity.CARD, first.id, title=first.title + " and a lot more words to wrap")
    after = compute_layout(journey, previous=before)
    moved = [i for i in below if after.cards[i].rect.y != before.cards[i].rect.y]
    assert moved

    measured: list[str] = []
    real = label_grids._line_width
    monkeypatch.setattr(
        label_grids, "_line_width", lambda line, size: (measured.append(line), real(line, size))[1]
    )
    _, carried = card_grids(after, before)
    kept = {}
    for card_id in moved:
        kept[card_id] = carried._of(after.cards[card_id])
    assert not any(line in measured for i in moved for line in after.cards[i].title_lines)

    fresh = CardGrid()
    fresh_texts = label_grids.TextBoxes(after, fresh.by_cell, fresh.texts)
    for card_id, boxes in kept.items():
        expected = fresh_texts._of(after.cards[card_id])
        assert len(boxes) == len(expected)
        for got, want in zip(boxes, expected, strict=True):
            assert got == pytest.approx(want)


class _Watched(dict):
    """A layout's cards that note every look at all of them."""

    looked: list[str]

    def get(self, key, default=None):
        self.looked.append(key)
        return super().get(key, default)

    def items(self):
        self.looked.append("*")
        return super().items()

    def __iter__(self):
        self.looked.append("*")
        return super().__iter__()


def _same_grid(grid: CardGrid, layout) -> None:
    fresh = CardGrid()
    for box in layout.cards.values():
        fresh.file(box)
    assert {k: sorted(v) for k, v in grid.grid.items() if v} == {
        k: sorted(v) for k, v in fresh.grid.items()
    }
    assert {i: e[:2] for i, e in grid.filed.items()} == {i: e[:2] for i, e in fresh.filed.items()}


def test_after_an_edit_only_the_cards_it_changed_are_filed_again():
    journey = sample_map()
    before = compute_layout(journey)
    card_grids(before, None)
    cells = [
        journey.cards_in_cell(s, lane) for s in journey.stages.ids() for lane in journey.lanes.ids()
    ]
    first = next(cards for cards in cells if len(cards) > 1)[0]
    journey.update(Entity.CARD, first.id, title=first.title + " and a lot more words to wrap")
    after = compute_layout(journey, previous=before)
    changed, _ = after.changes_since(before)
    assert 0 < len(changed) < len(after.cards)
    watched = _Watched(after.cards)
    watched.looked = []
    after.cards = watched
    card_grids(after, before)
    assert "*" not in watched.looked and len(watched.looked) <= len(changed)
    after.cards = dict(watched)
    _same_grid(after.label_cards, after)


def test_a_grid_handed_on_without_filing_is_brought_up_to_date():
    """The canvas hands the grid on when an edit moved nothing it avoids; the next
    layout it is filed for then looks at every card (the grid is behind by two edits)."""
    journey = sample_map()
    first = compute_layout(journey)
    card_grids(first, None)
    cells = [
        journey.cards_in_cell(s, lane) for s in journey.stages.ids() for lane in journey.lanes.ids()
    ]
    card = next(cards for cards in cells if len(cards) > 1)[0]
    journey.update(Entity.CARD, card.id, title=card.title + " grown to wrap onto more lines")
    second = compute_layout(journey, previous=first)
    second.label_cards, first.label_cards = first.label_cards, None  # handed on as it is
    moved = [i for i, b in second.cards.items() if b.rect != first.cards[i].rect]
    assert len(moved) > 1  # the cards under it moved down
    other = next(c for c in journey.cards() if c.id not in moved)
    journey.update(Entity.CARD, other.id, notes="a change of this card only")
    third = compute_layout(journey, previous=second)
    assert not set(third.changes_since(second)[0]) & set(moved)
    card_grids(third, second)
    _same_grid(third.label_cards, third)
    removed = next(c for c in journey.cards() if c.id != card.id)
    journey.remove(Entity.CARD, removed.id)
    fourth = compute_layout(journey, previous=third)
    card_grids(fourth, third)
    _same_grid(fourth.label_cards, fourth)
    assert removed.id not in fourth.label_cards.filed
