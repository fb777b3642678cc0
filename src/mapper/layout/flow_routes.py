"""Where flows go: each flow's route between its cards' boxes, taken over from the
previous layout where its cards stayed, moved along where they moved alike."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter, is_

from mapper.layout.boxes import CardBox, FlowRoute, MapLayout, Style, flow_route
from mapper.layout.geometry import Bezier, slot_setters
from mapper.layout.routes import connector, connector_around, route, stacked_route
from mapper.model import JourneyMap
from mapper.model.entities import Flow

# The flows of the cards an edit changed are looked up through those cards while they are
# few; when more than a fifth as many cards as there are flows changed (a row moved down
# with thousands of cards), a walk over every flow, which skips those that stayed by
# identity, costs less: undo of a 100-card paste on a 5,000-card map, 23 -> 16 ms.
REROUTE_SHARE = 5


def lay_out_flows(journey: JourneyMap, result: MapLayout, previous: MapLayout | None) -> None:
    """Each flow's route between its cards' boxes in ``result`` (a flow with an end in a
    hidden or collapsed lane has none). With the ``previous`` layout, a route whose
    cards kept their boxes is taken over, and one whose cards moved alike is moved along
    (see ``MapLayout.shifts_since``)."""
    bands = _bands(result)
    flows = result.flow_list = journey.flow_sequence()
    result.flow_set = journey.flow_set()
    # a route depends on its cards' boxes and on the bands it keeps out of
    # only a loop back keeps out of the bands: other routes stay while their cards do
    same_bands = previous is not None and _bands(previous) == bands
    if (
        previous is not None
        and same_bands
        and REROUTE_SHARE * len(result.changed_cards) <= len(flows)
        and _same_flows_and_cards(journey, result, previous)
    ):
        _reroute(journey, result, previous, bands)
        return
    if previous is None:  # every flow afresh
        for _ in fresh_routes(result, bands, flows, None):
            pass  # (no step size: it never yields)
        return
    boxes = result.cards
    box_of, old_box_of = boxes.get, previous.cards.get
    known = previous.routes_by_id().get
    offset_of = result.card_offsets.get
    routes, style, rows = result.routes, result.style, _lane_rows(result)
    rerouted: dict[str, None] = {}
    shifts: dict[str, tuple[float, float]] = {}
    for flow in flows:
        source_id, target_id = flow.source, flow.target
        source, target = box_of(source_id), box_of(target_id)
        if source is None or target is None:
            continue  # one end is in a hidden or collapsed lane
        flow_id = flow.id
        old = known(flow_id)
        if old is not None and old.flow is flow:
            if (
                old_box_of(source_id) is source
                and old_box_of(target_id) is target
                and (same_bands or not _loop(source, target))
            ):
                routes[flow_id] = old
                continue
            s, t = offset_of(source_id), offset_of(target_id)
            shift = _shift(source, target, s, t) if s is not None and t is not None else None
            if shift is not None:  # not a loop: the bands are not in its way
                routes[flow_id] = flow_route(flow, _moved(old.curve, *shift))
                rerouted[flow_id] = None
                shifts[flow_id] = shift
                continue
        routes[flow_id] = _route(flow, source, target, bands, style, rows)
        rerouted[flow_id] = None
    result.flows = list(routes.values())  # (in the order of the flows)
    result.rerouted, result.shifts = rerouted, shifts


def lay_out_flows_in_steps(journey: JourneyMap, result: MapLayout, step: int) -> Iterator[None]:
    """:func:`lay_out_flows` with no previous layout, yielding each ``step`` flows routed
    (a big map just opened: its 26,000 flows take a fifth of a second)."""
    flows = result.flow_list = journey.flow_sequence()
    result.flow_set = journey.flow_set()
    yield from fresh_routes(result, _bands(result), flows, step)


def fresh_routes(
    result: MapLayout, bands: Bands, flows: tuple[Flow, ...], step: int | None
) -> Iterator[None]:
    """Every flow's route in ``result`` worked out afresh, yielding each ``step`` flows."""
    box_of, routes, style = result.cards.get, result.routes, result.style
    rows = _lane_rows(result)
    for index, flow in enumerate(flows):
        source, target = box_of(flow.source), box_of(flow.target)
        if source is not None and target is not None:  # else an end is hidden or collapsed
            routes[flow.id] = _route(flow, source, target, bands, style, rows)
        if step and index % step == step - 1:
            yield
    result.flows = list(routes.values())  # (in the order of the flows)


def _route(
    flow: Flow, source: CardBox, target: CardBox, bands: Bands, style: Style, rows: LaneRows
) -> FlowRoute:
    a, b = source.card, target.card
    if a.stage_id != b.stage_id:
        ceiling = style.stage_header_height
        curve = route(source.rect, target.rect, bands[0], ceiling, bands[1])
    elif a.lane_id == b.lane_id:
        curve = stacked_route(source.rect, target.rect)
    elif _nothing_between(source, target, rows):
        curve = connector(source.rect, target.rect)
    else:
        curve = connector_around(source.rect, target.rect)
    return flow_route(flow, curve)


def _nothing_between(source: CardBox, target: CardBox, lane_rows: LaneRows) -> bool:
    """Whether no card can lie between two cards of one stage in other lanes: they are in
    lanes next to each other, the upper one the last of its cell and the lower one the
    first of its. (Read from the two boxes and the lanes' order only, so a route stays
    right for as long as its cards keep their boxes: a card added below the upper one
    gives it a new box.) Lanes between, even empty ones, count as in between."""
    down = lane_rows[target.card.lane_id] - lane_rows[source.card.lane_id]
    if down == 1:
        return source.last_in_cell and target.first_in_cell
    if down == -1:
        return source.first_in_cell and target.last_in_cell
    return False


def _same_flows_and_cards(journey: JourneyMap, result: MapLayout, previous: MapLayout) -> bool:
    """Whether the map has the very flows it had (in the same order, or reordered by a
    card move) and no card it had with a flow lost its box (cards that came or went
    without flows, or whose boxes changed, are fine)."""
    same, flows = previous.flow_list, result.flow_list
    if same is not flows and (
        previous.flow_set is None or previous.flow_set is not result.flow_set
    ):
        if len(same) != len(flows):
            return False
        if not all(map(is_, same, flows)):  # reordered? the same flows (each once) all the same
            known = set(map(id, same))
            if not all(map(known.__contains__, map(id, flows))):
                return False
    if result.gone_cards:  # (a card in a lane now hidden or collapsed keeps its flows)
        successors, predecessors = journey.card_graph.successors, journey.card_graph.predecessors
        for card_id in result.gone_cards:
            if successors.get(card_id) or predecessors.get(card_id):
                return False
    return True


def _reroute(journey: JourneyMap, result: MapLayout, previous: MapLayout, bands: Bands) -> None:
    """The routes when the flows, the bands and the cards with flows stayed: the flows of
    the cards whose boxes changed are routed again, the others keep their routes (what the
    walk over every flow above gives, for what an edit changed only). A route whose two
    cards moved alike (a row moved down as a whole) is its old curve moved along, and the
    layout says so (``MapLayout.shifts_since``): its followers move what they drew."""
    boxes = result.cards
    successors, predecessors = journey.card_graph.successors, journey.card_graph.predecessors
    known = previous.routes_by_id()
    routes = dict(known)
    rerouted: dict[str, None] = {}
    shifts: dict[str, tuple[float, float]] = {}
    offsets = result.card_offsets
    offset_of = offsets.get
    result.rerouted, result.shifts = rerouted, shifts
    style, rows = result.style, _lane_rows(result)
    box_of, old_route = boxes.get, known.get
    for card_id in result.changed_cards:
        for ends in (successors[card_id], predecessors[card_id]):
            for data in ends.values():
                flow = data["flow"]
                flow_id = flow.id
                if flow_id in rerouted:
                    continue  # both its cards changed: routed once
                source_id, target_id = flow.source, flow.target
                source, target = box_of(source_id), box_of(target_id)
                if source is None or target is None:
                    continue
                rerouted[flow_id] = None
                if offsets:  # some cells moved whole: a row moved down moves thousands alike
                    s, t = offset_of(source_id), offset_of(target_id)
                    if s is not None and t is not None:
                        old = old_route(flow_id)
                        if old is not None and old.flow is flow:
                            shift = _shift(source, target, s, t)
                            if shift is not None:
                                routes[flow_id] = flow_route(flow, _moved(old.curve, *shift))
                                shifts[flow_id] = shift
                                continue
                routes[flow_id] = _route(flow, source, target, bands, style, rows)
    result.routes = routes
    fresh = len(routes) != len(known)  # flows routed for the first time (new cards)
    if not fresh and (
        previous.flow_list is result.flow_list
        or all(map(is_, previous.flow_list, result.flow_list))
    ):  # the same routes in the same order: the changed ones replaced in place
        index = previous.route_index
        if index is None:
            index = {route.flow.id: i for i, route in enumerate(previous.flows)}
        result.flows = flows = list(previous.flows)
        for flow_id in rerouted:
            flows[index[flow_id]] = routes[flow_id]
        result.route_index = index
    elif len(routes) == len(result.flow_list):  # every flow has a route: in their order
        result.flows = list(map(routes.__getitem__, map(_flow_id, result.flow_list)))
    else:
        result.flows = [routes[flow.id] for flow in result.flow_list if flow.id in routes]


_flow_id = attrgetter("id")
ALIKE = 1e-9  # cards whose offsets differ by less moved alike


def _shift(
    source: CardBox,
    target: CardBox,
    s: tuple[float, float] | None,
    t: tuple[float, float] | None,
) -> tuple[float, float] | None:
    """How far a route between these cards moved as a whole, or None when it is routed
    again: its cards are not both in cells that moved whole (``s`` and ``t``, their
    offsets, see ``MapLayout.card_offsets``) by the same offset, or it is a loop back
    (which keeps out of the bands, which did not move), or it runs within one stage and
    moved across (such routes round their x). Cheaper than routing it again."""
    if s is None or t is None:
        return None
    if t is not s and (abs(t[0] - s[0]) > ALIKE or abs(t[1] - s[1]) > ALIKE):
        return None  # rows summed again: offsets alike up to the last bits
    if _loop(source, target) or (s[0] != 0 and source.card.stage_id == target.card.stage_id):
        return None
    return s


shift_between = _shift  # (what layout.relink asks of two layouts' routes)


def _moved(curve: Bezier, dx: float, dy: float) -> Bezier:
    """``curve`` moved by (dx, dy): within a millionth of routing again (the sums round
    differently in the last bits)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve.p0, curve.c1, curve.c2, curve.p3
    moved = _new(Bezier)  # (see geometry.bezier: thousands per edit)
    set_p0, set_c1, set_c2, set_p3 = _BEZIER
    if dx == 0:  # most moves are down or up: the xs stay exactly
        set_p0(moved, (x0, y0 + dy))
        set_c1(moved, (x1, y1 + dy))
        set_c2(moved, (x2, y2 + dy))
        set_p3(moved, (x3, y3 + dy))
    else:
        set_p0(moved, (x0 + dx, y0 + dy))
        set_c1(moved, (x1 + dx, y1 + dy))
        set_c2(moved, (x2 + dx, y2 + dy))
        set_p3(moved, (x3 + dx, y3 + dy))
    return moved


_new = object.__new__
_BEZIER = slot_setters(Bezier)


def _loop(source: CardBox, target: CardBox) -> bool:
    """Whether the route between these cards is a loop back (see :func:`route`), the only
    kind whose shape depends on the bands it keeps out of."""
    a, b = source.card, target.card
    if a.stage_id == b.stage_id:
        return False  # a connector or a step within a stack
    a_rect, b_rect = source.rect, target.rect
    return b_rect.x < a_rect.right - 1 and b_rect.right <= a_rect.x + 1


Bands = tuple[tuple[float, float] | None, tuple[tuple[float, float], ...]]
LaneRows = dict[str, int]  # lane id -> its place among the lanes shown, top to bottom


def _lane_rows(layout: MapLayout) -> LaneRows:
    return {box.lane.id: i for i, box in enumerate(layout.lanes)}


def _bands(layout: MapLayout) -> Bands:
    """What flows keep out of: the emotion lane, and the blueprint lines (a loop may use
    the half of a line's gap on its side, but never crosses the line)."""
    lane = layout.emotion_lane
    gaps = tuple((line.y - 3, line.y + 3) for line in layout.blueprint)
    return ((lane.row.y, lane.row.bottom) if lane is not None else None), gaps
