"""The flows in document order (by source, then target) follow card moves: the order is
kept and the moved cards' flows put in their places, not every flow sorted again."""

from __future__ import annotations

import random

from factories import synthetic_map


def _sorted_flows(journey) -> list:
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    place = {}
    for s in stages:
        for lane in lanes:
            for card in journey.cards_in_cell(s, lane):
                place[card.id] = len(place)
    return sorted(
        (journey.flow(i) for i in journey._flow_ends),
        key=lambda f: (place[f.source], place[f.target]),
    )


def test_card_moves_and_their_undo_keep_the_flows_in_document_order():
    journey = synthetic_map(400, seed=4)
    rng = random.Random(4)
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    for _ in range(25):
        assert journey.flows() == _sorted_flows(journey)
        cards = list(journey.cards())
        ids = list(dict.fromkeys(c.id for c in rng.sample(cards, rng.randint(1, 4))))
        moves = journey.move_cards(ids, rng.choice(stages), rng.choice(lanes), rng.randint(0, 9))
        assert journey._flow_order is not None  # kept, the moved cards' flows put in place
        assert journey.flows() == _sorted_flows(journey)
        if rng.random() < 0.5:
            journey.put_cards_back(moves)
            assert journey._flow_order is not None
            assert journey.flows() == _sorted_flows(journey)
