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
