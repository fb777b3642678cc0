"""A layout built on an earlier layout than the one a view shows, said as changes since
the one shown. After an undo the map is back in a state a view showed before the edit:
laid out on the layout of that state, every cell, box and route is taken over (nothing
is wrapped, stacked or routed again), and this says what differs from what the view
shows now, as a layout built on that would (``MapLayout.changes_since``,
``shifts_since``): the view then moves what the undo moved back, as it moved it."""

from __future__ import annotations

import weakref
from operator import is_

from mapper.layout.boxes import MapLayout
from mapper.layout.flow_routes import shift_between


def relink(layout: MapLayout, shown: MapLayout) -> None:
    """Make ``layout`` (a layout of the map now, built on any earlier layout of it) say
    its changes since ``shown`` (a layout of the same map with the same style, the one a
    view shows): the cards whose boxes are not ``shown``'s, those gone, how far the cards
    of cells moved whole went, the flows whose routes are not ``shown``'s and which of
    those moved whole. Boxes and routes are told apart by identity: one taken over from
    ``shown`` is the very object."""
    cards, before = layout.cards, shown.cards
    box_of = before.get
    changed = [card_id for card_id, box in cards.items() if box_of(card_id) is not box]
    fresh = sum(1 for card_id in changed if card_id not in before)
    gone = [] if len(cards) - fresh == len(before) else [i for i in before if i not in cards]
    offsets: dict[str, tuple[float, float]] = {}
    stacks = shown.cell_stacks
    for cell, stack in layout.cell_stacks.items():  # cells that moved whole
        old = stacks.get(cell)
        if old is None or old is stack or stack.origin is None or old.origin is None:
            continue
        if old.cards is not stack.cards and not (
            len(old.cards) == len(stack.cards) and all(map(is_, old.cards, stack.cards))
        ):
            continue  # not the same cards
        n = len(stack.cards)
        if old.width != stack.width or len(stack.boxes) != n or len(old.boxes) != n:
            continue
        offset = (stack.origin[0] - old.origin[0], stack.origin[1] - old.origin[1])
        for card_id in stack.boxes:
            offsets[card_id] = offset
    layout.earlier, layout.built_on = layout.built_on, weakref.ref(shown)
    layout.changed_cards, layout.gone_cards, layout.card_offsets = changed, gone, offsets
    if layout.rerouted is None or not shown.routed:
        return  # no routes (yet) to compare
    routes, shown_routes = layout.routes_by_id(), shown.routes_by_id()
    route_of = shown_routes.get
    rerouted = {flow_id: None for flow_id, r in routes.items() if route_of(flow_id) is not r}
    shifts: dict[str, tuple[float, float]] = {}
    if offsets:
        offset_of = offsets.get
        for flow_id in rerouted:
            old_route = route_of(flow_id)
            if old_route is None:
                continue  # a flow new since
            flow = routes[flow_id].flow
            if old_route.flow is not flow:
                continue
            s, t = offset_of(flow.source), offset_of(flow.target)
            if s is not None and t is not None:
                shift = shift_between(cards[flow.source], cards[flow.target], s, t)
                if shift is not None:
                    shifts[flow_id] = shift
    layout.rerouted, layout.shifts = rerouted, shifts
