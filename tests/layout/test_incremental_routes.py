"""A layout built on the previous one keeps the routes an edit did not touch."""

from __future__ import annotations

import sys
from pathlib import Path

from mapper.layout import compute_layout
from mapper.model import Entity

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_routes_stay_when_only_the_bands_they_never_enter_moved():
    """A card grows in the first lane, so the blueprint lines below move: loops back may
    take another way, but a forward flow between cards that stayed keeps its route."""
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import make_map
    finally:
        sys.path.remove(str(BENCH))
    journey = make_map(300, seed=2)
    before = compute_layout(journey)
    assert before.blueprint  # the lines a loop keeps out of
    lane_id = before.lanes[0].lane.id
    tallest = max(
        (s.stage.id for s in before.stages if journey.cards_in_cell(s.stage.id, lane_id)),
        key=lambda s: before.cards[journey.cards_in_cell(s, lane_id)[-1].id].rect.bottom,
    )
    short = min(journey.cards_in_cell(tallest, lane_id),
                key=lambda c: len(before.cards[c.id].title_lines))  # fmt: skip
    journey.update(Entity.CARD, short.id, title="A much longer title " * 6)
    after = compute_layout(journey, previous=before)
    assert [line.y for line in after.blueprint] != [line.y for line in before.blueprint]

    assert after == compute_layout(journey)  # the same as a layout made from scratch
    old = {r.flow.id: r for r in before.flows}
    stayed = [
        r
        for r in after.flows
        if after.cards[r.flow.source] is before.cards[r.flow.source]
        and after.cards[r.flow.target] is before.cards[r.flow.target]
    ]
    forward = [r for r in stayed if r.curve.p3[0] >= r.curve.p0[0]]
    assert forward
    assert all(old[r.flow.id] is r for r in forward)
