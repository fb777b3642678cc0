"""The flows of a map in document order: by their source's place (stage, lane, place in
its cell), then their target's. The order follows card positions only, so removing and
restoring a flow (or a card with its flows) gives back exactly the same document. Worked
out from the graph's dicts."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from itertools import compress
from operator import not_

from mapper.model.card_graph import CardGraph
from mapper.model.cells import CellOrder
from mapper.model.entities import Flow


def in_document_order(
    graph: CardGraph, cells: CellOrder, stages: Sequence[str], lanes: Sequence[str]
) -> list[Flow]:
    """Every flow of ``graph``, the sources in document order, each one's targets sorted."""
    ids = [i for s in stages for lane in lanes for i in cells.ids((s, lane))]
    successors = graph.successors
    order: list[Flow] = []
    place: Callable[[str], int] | None = None
    for source in ids:
        ends = successors[source]
        if len(ends) == 1:
            order.extend([data["flow"] for data in ends.values()])
        elif ends:
            if place is None:
                place = {card_id: i for i, card_id in enumerate(ids)}.__getitem__
            order.extend([ends[target]["flow"] for target in sorted(ends, key=place)])
    return order


def reordered(
    graph: CardGraph,
    cells: CellOrder,
    stages: Sequence[str],
    lanes: Sequence[str],
    order: tuple[Flow, ...] | None,
    moved: Sequence[str],
) -> tuple[Flow, ...] | None:
    """The flows in document order after ``moved`` cards moved, from their ``order``
    before (None: worked out when next asked for): the other flows keep their order, and
    the moved cards' flows are put in their places (a few, not a sort of all)."""
    if order is None:
        return None
    successors, predecessors = graph.successors, graph.predecessors
    flows = {
        data["flow"].id: data["flow"]
        for card_id in moved
        for ends in (successors[card_id], predecessors[card_id])
        for data in ends.values()
    }
    if not flows:
        return order  # the cards that moved have no flows: the others keep their order
    if 8 * len(flows) > len(order):
        return None  # many: sorted again when next asked for
    # the others in their order: the moved cards' flows are taken out by identity, in C
    # (a walk comparing every flow's ends took a millisecond on a 6,500-flow map)
    going = {id(flow) for flow in flows.values()}
    kept = list(compress(order, map(not_, map(going.__contains__, map(id, order)))))
    stage_at = {stage_id: i for i, stage_id in enumerate(stages)}
    lane_at = {lane_id: i for i, lane_id in enumerate(lanes)}
    nodes = graph.nodes

    def place(card_id: str) -> tuple[int, int, int]:
        card = nodes[card_id]["card"]
        cell = (card.stage_id, card.lane_id)
        return stage_at[card.stage_id], lane_at[card.lane_id], cells.index(cell, card_id)

    def key(flow: Flow) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        return place(flow.source), place(flow.target)

    for flow in flows.values():
        bisect.insort(kept, flow, key=key)
    return tuple(kept)
