"""After an edit that moves whole rows, flow labels stay where no moved card reaches,
found with one box per moved cell stack instead of one per card."""

from __future__ import annotations

import sys
from pathlib import Path

from mapper.layout import compute_layout, labels
from mapper.layout.labels import flow_labels
from mapper.model import Entity

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _grown_first_row():
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import make_map
    finally:
        sys.path.remove(str(BENCH))
    journey = make_map(600, seed=2)
    before = compute_layout(journey)
    known = flow_labels(before)
    lane_id = before.lanes[0].lane.id
    tallest = max(
        (s.stage.id for s in before.stages if journey.cards_in_cell(s.stage.id, lane_id)),
        key=lambda s: before.cards[journey.cards_in_cell(s, lane_id)[-1].id].rect.bottom,
    )
    short = min(journey.cards_in_cell(tallest, lane_id),
                key=lambda c: len(before.cards[c.id].title_lines))  # fmt: skip
    journey.update(Entity.CARD, short.id, title="A much longer title " * 6)
    after = compute_layout(journey, previous=before)
    return before, after, known


def test_labels_kept_with_whole_stacks_are_those_kept_card_by_card(monkeypatch):
    before, after, known = _grown_first_row()
    changed, _ = after.changes_since(before)
    filed: list[object] = []
    real_add = labels.add
    monkeypatch.setattr(labels, "add", lambda grid, r: (filed.append(r), real_add(grid, r))[1])
    kept = labels._still_placed(after, before, known)
    by_stacks = len(filed)
    whole = labels._moved_stacks(after, before, {})
    assert len(whole) > len(changed) / 2  # most cards moved with their whole cell

    monkeypatch.setattr(labels, "_moved_stacks", lambda *args: set())
    filed.clear()
    card_by_card = labels._still_placed(after, before, known)
    assert len(filed) == 2 * len(changed)  # where each card was and where it is
    assert kept == card_by_card
    assert 0 < len(kept) < len(known)  # some labels stay, those near moved cards do not
    assert by_stacks < len(filed) / 4
