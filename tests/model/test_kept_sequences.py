"""A map hands out each cell's cards and its flows in order as tuples it keeps while they
stay, so a layout tells what an edit left alone by identity instead of comparing every
card and flow of a big map."""

from __future__ import annotations

import random

from factories import synthetic_map
from mapper.model import Card, Entity, Flow


def _fresh_cells(journey) -> dict:
    nodes = journey.graph.nodes
    return {
        (s, lane): tuple(nodes[i]["card"] for i in journey._cells.ids((s, lane)))
        for s in journey.stages.ids()
        for lane in journey.lanes.ids()
    }


def test_cell_cards_stay_the_same_tuple_until_their_cell_changes():
    journey = synthetic_map(300, seed=7)
    rng = random.Random(7)
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    undo = []
    for step in range(60):
        before = {cell: journey.cell_cards(*cell) for cell in _fresh_cells(journey)}
        card = rng.choice(list(journey.cards()))
        what = step % 5
        if what == 0:
            journey.update(Entity.CARD, card.id, title=card.title + " and more")
            touched = {(card.stage_id, card.lane_id)}
        elif what == 1:
            journey.update(Entity.CARD, card.id, notes="not drawn, still a new card object")
            touched = {(card.stage_id, card.lane_id)}
        elif what == 2:
            target = (rng.choice(stages), rng.choice(lanes))
            undo.append(journey.move_cards([card.id], *target, rng.randint(0, 5)))
            touched = {(card.stage_id, card.lane_id), target}
        elif what == 3:
            new = Card(f"new-{step}", card.stage_id, card.lane_id, "New")
            journey.insert(rng.randint(0, 5), new)
            touched = {(card.stage_id, card.lane_id)}
        elif undo:
            moves = undo.pop()
            moved = [journey.card(card_id) for card_id, *_ in moves.before]
            journey.put_cards_back(moves)
            touched = {(s, lane) for _, s, lane, _ in moves.before}
            touched |= {(c.stage_id, c.lane_id) for c in moved}
        else:
            removed = journey.remove(Entity.CARD, card.id)
            assert removed is not None
            touched = {(card.stage_id, card.lane_id)}
        fresh = _fresh_cells(journey)
        for cell, cards in fresh.items():
            got = journey.cell_cards(*cell)
            assert got == cards
            assert journey.cards_in_cell(*cell) == list(cards)
            if cell not in touched:
                assert got is before[cell], (step, cell)  # kept: the very same tuple
            elif got != before[cell] or what in (0, 1):
                assert got is not before[cell]
        assert list(journey.cards()) == [c for cards in fresh.values() for c in cards]


def test_the_flow_order_is_kept_while_cards_without_flows_come_and_go():
    journey = synthetic_map(200, seed=3)
    order = journey.flow_sequence()
    token = journey.flow_set()
    assert list(order) == journey.flows()
    card = next(iter(journey.cards()))
    journey.insert(0, Card("lonely", card.stage_id, card.lane_id, "No flows"))
    assert journey.flow_sequence() is order and journey.flow_set() is token
    journey.remove(Entity.CARD, "lonely")
    assert journey.flow_sequence() is order and journey.flow_set() is token
    # a card moved: the same flows (the token stays), perhaps in another order
    stages = journey.stages.ids()
    with_flows = next(c for c in journey.cards() if journey.flows_of(c.id))
    target = stages[(stages.index(with_flows.stage_id) + 2) % len(stages)]
    journey.move_cards([with_flows.id], target, with_flows.lane_id, 0)
    assert journey.flow_set() is token
    journey.add(Card("lonely-target", card.stage_id, card.lane_id, "A flow comes to it"))
    assert sorted(f.id for f in journey.flow_sequence()) == sorted(f.id for f in order)
    # a flow that comes, goes or changes: a new token and a new order
    for change in (
        lambda: journey.add(Flow("extra", with_flows.id, "lonely-target")),
        lambda: journey.update(Entity.FLOW, "extra", label="changed"),
        lambda: journey.remove(Entity.FLOW, "extra"),
    ):
        order, token = journey.flow_sequence(), journey.flow_set()
        change()
        assert journey.flow_set() is not token
        assert journey.flow_sequence() is not order
        assert list(journey.flow_sequence()) == journey.flows()
    # a card removed with its flows: they go, in order
    order = journey.flow_sequence()
    journey.remove(Entity.CARD, with_flows.id)
    gone = {f.id for f in order if with_flows.id in (f.source, f.target)}
    assert gone and [f.id for f in journey.flow_sequence()] == [
        f.id for f in order if f.id not in gone
    ]
