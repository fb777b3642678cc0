"""Where flow labels may not go: the cards' boxes and their text, found through the
layout's cells (nothing filed again after an edit), and their text measured once."""

from __future__ import annotations

import random

import pytest

from factories import sample_map
from mapper.layout import compute_layout, label_grids
from mapper.layout.geometry import Rect
from mapper.layout.label_grids import CARD_CLEARANCE, card_grids, text_boxes
from mapper.model import Entity


def _first_of_a_stack(journey):
    cells = [
        journey.cards_in_cell(s, lane) for s in journey.stages.ids() for lane in journey.lanes.ids()
    ]
    return next(cards for cards in cells if len(cards) > 1)


def test_a_card_that_only_moved_keeps_its_measured_text(monkeypatch):
    journey = sample_map()
    before = compute_layout(journey)
    _, texts = card_grids(before, None)
    for box in before.cards.values():
        texts._of(box)  # every card's text measured once
    stack = _first_of_a_stack(journey)
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
    kept = {card_id: carried._of(after.cards[card_id]) for card_id in moved}
    assert not any(line in measured for i in moved for line in after.cards[i].title_lines)
    for card_id, boxes in kept.items():
        expected = text_boxes(after.cards[card_id], after.style)
        assert len(boxes) == len(expected)
        for got, want in zip(boxes, expected, strict=True):
            assert got == pytest.approx(want)


class _Watched(dict):
    """A layout's cards that note every look at them."""

    looked: list[str]

    def get(self, key, default=None):
        self.looked.append(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.looked.append(key)
        return super().__getitem__(key)

    def items(self):
        self.looked.append("*")
        return super().items()

    def values(self):
        self.looked.append("*")
        return super().values()

    def __iter__(self):
        self.looked.append("*")
        return super().__iter__()


def _overlap(r: Rect, box) -> bool:
    a, b, c, d = box
    return r.x < c and a < r.x + r.width and r.y < d and b < r.y + r.height


def _answers_like_every_card(layout, seed: int = 0) -> None:
    """The index finds a card's box (with clearance) or its text exactly where a look at
    every card of the layout does: label-sized spots around each card and anywhere."""
    cards, texts = card_grids(layout, None)
    c = CARD_CLEARANCE
    padded = [
        (b.rect.x - c, b.rect.y - c, b.rect.right + c, b.rect.bottom + c)
        for b in layout.cards.values()
    ]
    words = [t for b in layout.cards.values() for t in text_boxes(b, layout.style)]
    rng = random.Random(seed)
    spots = []
    for box in layout.cards.values():
        r = box.rect
        for _ in range(6):
            x = rng.uniform(r.x - 60, r.right + 10)
            y = rng.uniform(r.y - 20, r.bottom + 10)
            spots.append(Rect(x, y, rng.uniform(10, 150), 13.0))
    for _ in range(200):
        spots.append(Rect(rng.uniform(0, layout.width), rng.uniform(0, layout.height), 60, 13))
    found = both = 0
    for r in spots:
        on_card = any(_overlap(r, box) for box in padded)
        assert cards.hits(r) == on_card, r
        on_text = any(_overlap(r, box) for box in words)
        assert texts.hits(r) == on_text, r
        assert texts.on_text(r) == (on_card and on_text), r  # both in one look
        found += on_text
        both += on_card and not on_text
    assert found > 0 and both > 0


def test_the_cards_are_found_as_a_look_at_every_card_finds_them():
    journey = sample_map()
    _answers_like_every_card(compute_layout(journey))


def test_text_lies_within_reach_of_its_card():
    """Only cards this near a spot are asked for their text."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_map

    for journey in (sample_map(), make_map(300, seed=4)):
        layout = compute_layout(journey)
        reach = label_grids.CARD_CLEARANCE + label_grids.TEXT_REACH
        for box in layout.cards.values():
            r = box.rect
            for a, b, c, d in text_boxes(box, layout.style):
                assert r.x - reach < a and c < r.right + reach, box.card.id
                assert r.y - reach < b and d < r.bottom + reach, box.card.id


def test_after_an_edit_nothing_is_filed_again():
    """An edit that moves cards costs the labels nothing to refile: the index is made
    without looking at any card, and finds them where they are now."""
    journey = sample_map()
    before = compute_layout(journey)
    card_grids(before, None)
    first = _first_of_a_stack(journey)[0]
    journey.update(Entity.CARD, first.id, title=first.title + " and a lot more words to wrap")
    after = compute_layout(journey, previous=before)
    changed, _ = after.changes_since(before)
    assert 0 < len(changed) < len(after.cards)
    watched = _Watched(after.cards)
    watched.looked = []
    after.cards = watched
    card_grids(after, before)
    assert watched.looked == []
    after.cards = dict(watched)
    _answers_like_every_card(after, seed=1)


def test_text_handed_on_from_edit_to_edit_stays_right():
    """The canvas hands what labels keep off on when an edit moved nothing they avoid;
    the index of a later layout still finds every card, its text where it is now, and
    drops the text of cards long gone."""
    journey = sample_map()
    first = compute_layout(journey)
    _, texts = card_grids(first, None)
    for box in first.cards.values():
        texts._of(box)
    card = _first_of_a_stack(journey)[0]
    journey.update(Entity.CARD, card.id, title=card.title + " grown to wrap onto more lines")
    second = compute_layout(journey, previous=first)
    second.label_cards, first.label_cards = first.label_cards, None  # handed on as it is
    moved = [i for i, b in second.cards.items() if b.rect != first.cards[i].rect]
    assert len(moved) > 1  # the cards under it moved down
    other = next(c for c in journey.cards() if c.id not in moved)
    journey.update(Entity.CARD, other.id, notes="a change of this card only")
    third = compute_layout(journey, previous=second)
    _, texts = card_grids(third, second)
    for card_id in moved:  # measured for the first layout, moved along since
        box = third.cards[card_id]
        for got, want in zip(texts._of(box), text_boxes(box, third.style), strict=True):
            assert got == pytest.approx(want)
    _answers_like_every_card(third, seed=2)
    removed = next(c for c in journey.cards() if c.id != card.id)
    journey.remove(Entity.CARD, removed.id)
    fourth = compute_layout(journey, previous=third)
    card_grids(fourth, third)
    _answers_like_every_card(fourth, seed=3)
    fourth.label_cards.texts.update(
        {f"gone-{i}": fourth.label_cards.texts[card.id] for i in range(3 * len(fourth.cards) + 100)}
    )
    fifth = compute_layout(journey, previous=fourth)
    card_grids(fifth, fourth)
    assert fourth.label_cards is None  # given up: one owner at a time
    assert not any(i.startswith("gone-") for i in fifth.label_cards.texts)
