"""Flow labels are placed in flow order: a label placed earlier takes a spot before one
placed later, so an edit that places some labels again places them in that order too."""

from __future__ import annotations

from collections.abc import Callable

from mapper.layout.boxes import MapLayout


def in_order(flow_ids: set[str], layout: MapLayout | None) -> list[str]:
    """``flow_ids`` in ``layout``'s flow order: a few sorted, many picked from its flows."""
    if layout is None:
        return list(flow_ids)
    if 8 * len(flow_ids) < len(layout.flows):
        return sorted(flow_ids, key=_order(layout))
    found = [r.flow.id for r in layout.flows if r.flow.id in flow_ids]
    if len(found) < len(flow_ids):  # (ids with no route there last, as the sort puts them)
        found += sorted(flow_ids.difference(found))
    return found


def _order(layout: MapLayout) -> Callable[[str], tuple]:
    """Sorts flow ids of ``layout``'s routes (or of labels placed on it) in flow order:
    by their source's then their target's place in the document (stage, lane, place in
    the cell), as ``JourneyMap.flows`` orders them, without a walk over every flow."""
    stages = {box.stage.id: i for i, box in enumerate(layout.stages)}
    lanes = {box.lane.id: i for i, box in enumerate(layout.lanes)}
    routes, cards = layout.routes_by_id(), layout.cards

    def key(flow_id: str) -> tuple:
        route = routes.get(flow_id)
        if route is None:
            return (1, flow_id)
        flow = route.flow
        a, b = cards[flow.source], cards[flow.target]
        return (
            0,
            stages[a.card.stage_id], lanes[a.card.lane_id], a.rect.y,
            stages[b.card.stage_id], lanes[b.card.lane_id], b.rect.y,
        )  # fmt: skip

    return key
