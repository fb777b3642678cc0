"""A card's flows, as a removal records them: those into it, then those out of it."""

from __future__ import annotations

from factories import synthetic_map


def test_a_cards_flows_are_those_into_it_then_those_out_of_it():
    journey = synthetic_map(300, seed=9)
    flows = journey.flows()
    for card in list(journey.cards())[::7]:
        into = [f for f in flows if f.target == card.id]
        out = [f for f in flows if f.source == card.id]
        got = journey.flows_of(card.id)
        assert sorted(f.id for f in got[: len(into)]) == sorted(f.id for f in into)
        assert sorted(f.id for f in got[len(into) :]) == sorted(f.id for f in out)
        assert all(got[i] is journey.flow(got[i].id) for i in range(len(got)))
    assert journey.flows_of("no-such-card") == []
