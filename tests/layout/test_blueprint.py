"""A service blueprint's lines: the rule that places them, their band in the layout, and
flows between lanes of one stage drawn as vertical connectors (around the cards in
between, when there are any)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from layout_maps import journey_maps

from mapper.layout.blueprint import LABELS, LineKind, line_above
from mapper.layout.geometry import Rect
from mapper.layout.grid import compute_layout
from mapper.layout.labels import flow_labels
from mapper.layout.routes import connector, route, stacked_route
from mapper.model import Card, CardKind, Entity, Flow, JourneyMap, Lane, LaneKind, Stage
from mapper.templates import find_template

A, F, B, S = LaneKind.ACTIONS, LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT
E, EV, T = LaneKind.EMOTION, LaneKind.EVIDENCE, LaneKind.THOUGHTS
IN, V, N = LineKind.INTERACTION, LineKind.VISIBILITY, LineKind.INTERNAL


def _lanes(*kinds: LaneKind) -> list[Lane]:
    return [Lane(f"l{i}", f"Lane {i}", kind) for i, kind in enumerate(kinds)]


def _lines(*kinds: LaneKind) -> list[tuple[int, LineKind]]:
    found = line_above(_lanes(*kinds))
    return [(int(lane_id[1:]), kind) for lane_id, kind in found.items()]


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ((EV, A, F, B, S), [(2, IN), (3, V), (4, N)]),
        # lanes of no group between two groups stay with the group above
        ((A, E, F, B, S), [(2, IN), (3, V), (4, N)]),
        ((A, E, T, F, EV, B), [(3, IN), (5, V)]),
        # several lanes of one group: the line is above the next group's first lane
        ((A, A, F, F, B), [(2, IN), (4, V)]),
        # a group left out: no line across it
        ((A, B, S), [(2, N)]),
        ((A, S), []),
        # only in blueprint order
        ((S, B, F, A), []),
        ((F, A), []),
        # a group again further down draws its line again
        ((A, F, A, F), [(1, IN), (3, IN)]),
        ((), []),
        ((E, T), []),
    ],
)
def test_lines_sit_between_groups_in_blueprint_order(kinds, expected) -> None:
    assert _lines(*kinds) == expected


def _blueprint(*kinds: LaneKind, hidden: tuple[int, ...] = (), collapsed: tuple[int, ...] = ()):
    journey = JourneyMap()
    journey.add(Stage("s0", "Stage", width=220))
    journey.add(Stage("s1", "Next", width=220))
    for i, kind in enumerate(kinds):
        journey.add(Lane(f"l{i}", f"Lane {i}", kind, hidden=i in hidden, collapsed=i in collapsed))
    return journey


def test_hidden_lanes_do_not_count_and_collapsed_ones_do() -> None:
    layout = compute_layout(_blueprint(A, F, B, S, hidden=(1,)))
    assert [(ln.lane_id, ln.kind) for ln in layout.blueprint] == [("l3", N)]
    layout = compute_layout(_blueprint(A, F, B, S, collapsed=(1, 2)))
    assert [(ln.lane_id, ln.kind) for ln in layout.blueprint] == [("l1", IN), ("l2", V), ("l3", N)]


def test_a_line_runs_through_a_band_above_its_lane_with_its_name_in_the_header_column() -> None:
    layout = compute_layout(_blueprint(A, E, F, B, S))
    style = layout.style
    rows = {box.lane.id: box for box in layout.lanes}
    assert [ln.label for ln in layout.blueprint] == [LABELS[IN], LABELS[V], LABELS[N]]
    for line in layout.blueprint:
        below = rows[line.lane_id]
        above = layout.lanes[layout.lanes.index(below) - 1]
        assert below.row.y - above.row.bottom == pytest.approx(style.blueprint_gap)
        assert line.y == pytest.approx((above.row.bottom + below.row.y) / 2, abs=0.01)
        # the name fits the header column and the gap, clear of every header and row
        box = line.label_box
        assert box.x > 0 and box.right <= style.lane_header_width
        assert above.row.bottom <= box.y and box.bottom <= below.row.y
        # the line runs across the cells, right of its name
        ((x0, x1),) = line.segments()
        assert x0 >= max(box.right, style.lane_header_width) and x1 == layout.width
        assert line.segments(0, style.lane_header_width) == []  # none in the header column
        assert line.segments(300, 400) == [(300, 400)]
    # the emotion lane sits above the line of interaction: the customer's side
    interaction = layout.blueprint[0]
    assert rows["l1"].row.bottom < interaction.y < rows["l2"].row.y


def test_moving_a_lane_moves_its_line() -> None:
    journey = _blueprint(A, F, B, S)
    before = {ln.kind: ln.y for ln in compute_layout(journey).blueprint}
    journey.move(Entity.LANE, "l3", 0)  # support to the top: no line of internal interaction
    layout = compute_layout(journey)
    assert [box.lane.id for box in layout.lanes] == ["l3", "l0", "l1", "l2"]
    assert [ln.kind for ln in layout.blueprint] == [IN, V]
    rows = {box.lane.id: box.row for box in layout.lanes}
    after = {ln.kind: ln.y for ln in layout.blueprint}
    for kind, below in ((IN, "l1"), (V, "l2")):
        assert after[kind] == pytest.approx(rows[below].y - layout.style.blueprint_gap / 2)
        assert after[kind] != before[kind]  # the lanes moved down, and their lines with them


def _stage_of_lanes() -> tuple[JourneyMap, dict[str, str]]:
    """Cards in one stage across the four groups, and one in the next stage."""
    journey = _blueprint(A, F, B, S)
    ids = {}
    for i, name in enumerate(("act", "front", "back", "support")):
        journey.add(Card(name, "s0", f"l{i}", name.title(), CardKind.NOTE))
        ids[name] = name
    journey.add(Card("front2", "s0", "l1", "Second", CardKind.NOTE))
    journey.add(Card("next", "s1", "l1", "Next", CardKind.NOTE))
    return journey, ids


def test_a_flow_between_lanes_of_one_stage_is_a_straight_vertical_arrow() -> None:
    """Between next lanes, from the bottom card of one cell to the top card of the other
    (nothing in between), a straight arrow, edge to edge."""
    journey, _ = _stage_of_lanes()
    journey.add(Flow("down", "back", "support", label="needs"))
    journey.add(Flow("up", "back", "front2"))
    journey.add(Flow("down too", "front2", "back"))
    journey.add(Flow("across", "front", "next"))
    journey.add(Flow("stack", "front", "front2"))
    layout = compute_layout(journey)
    routes = {r.flow.id: r.curve for r in layout.flows}
    src, dst = layout.cards["back"].rect, layout.cards["support"].rect
    down = routes["down"]
    xs = {down.p0[0], down.c1[0], down.c2[0], down.p3[0]}
    assert len(xs) == 1 and src.x < xs.pop() < src.right  # straight down, over the card
    assert down.p0[1] == src.bottom and down.p3[1] == dst.y  # edge to edge
    assert down.p0[1] < down.c1[1] < down.c2[1] < down.p3[1]  # an arrow pointing down
    up = routes["up"]
    assert up.p0[0] == up.p3[0] and up.p0[1] == src.y
    assert up.p3[1] == layout.cards["front2"].rect.bottom and up.c2[1] > up.p3[1]  # pointing up
    assert routes["down too"].p0[0] == routes["down too"].p3[0]
    assert up.p0[0] != routes["down too"].p0[0]  # both ways between two lanes: side by side
    # a flow to another stage, and one within a cell, are routed as before
    assert routes["across"] == route(
        layout.cards["front"].rect, layout.cards["next"].rect, None, 64.0
    )
    assert routes["stack"] == stacked_route(layout.cards["front"].rect, layout.cards["front2"].rect)
    # its label still finds a spot clear of every card
    (label,) = flow_labels(layout)
    assert label.clear
    assert not any(_overlap(label.rect, box.rect) for box in layout.cards.values())


def test_a_flow_past_cards_of_its_stage_goes_around_them() -> None:
    """A card below the source in its cell, a lane between (with a card, or empty), a
    card above the target in its cell: the arrow leaves the source's right edge, runs
    down (or up) right of the column's cards and enters the target's right edge, over no
    card (a straight one ran under the cards in between, as if it linked them)."""
    journey, _ = _stage_of_lanes()
    journey.add(Flow("past a lane", "front2", "support", label="needs"))  # the back card between
    journey.add(Flow("past the card below", "front", "back"))  # front2 below front
    journey.add(Flow("back up", "support", "front"))
    journey.add(Flow("longer", "act", "support"))
    layout = compute_layout(journey)
    routes = {r.flow.id: r for r in layout.flows}
    right = max(box.rect.right for box in layout.cards.values() if box.card.stage_id == "s0")
    for flow_id in ("past a lane", "past the card below", "back up", "longer"):
        curve = routes[flow_id].curve
        flow = routes[flow_id].flow
        source, target = layout.cards[flow.source].rect, layout.cards[flow.target].rect
        assert curve.p0 == (source.right, source.center[1])  # out of the right edge
        assert curve.p3 == (target.right, target.center[1])  # into the right edge
        assert min(curve.c1[0], curve.c2[0]) > right  # right of the column's cards
        assert not _crosses_a_card(layout, routes[flow_id]), flow_id
    # nested: the longer one bows out further; both ways between two cards: two arrows
    assert routes["longer"].curve.c1[0] > routes["past the card below"].curve.c1[0]
    assert routes["back up"].curve.c1[0] != routes["past a lane"].curve.c1[0]
    for label in flow_labels(layout):
        assert label.clear


def test_a_card_added_below_the_source_sends_its_arrow_around() -> None:
    """Built on the previous layout as the canvas does: the new card gives the source a
    new box, so the straight arrow it had is routed again, around the new card."""
    journey, _ = _stage_of_lanes()
    journey.add(Flow("down", "back", "support"))
    before = compute_layout(journey)
    assert before.routes["down"].curve.p0[0] == before.routes["down"].curve.p3[0]
    journey.add(Card("below", "s0", "l2", "Below", CardKind.NOTE))
    after = compute_layout(journey, previous=before)
    assert after.routes["down"].curve == compute_layout(journey).routes["down"].curve
    assert after.routes["down"].curve.p0 == (
        after.cards["back"].rect.right,
        after.cards["back"].rect.center[1],
    )
    assert not _crosses_a_card(after, after.routes["down"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps(flows=True))
def test_no_flow_between_lanes_of_one_stage_crosses_a_card(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    for route_ in layout.flows:
        source, target = journey.card(route_.flow.source), journey.card(route_.flow.target)
        if source.stage_id == target.stage_id and source.lane_id != target.lane_id:
            assert not _crosses_a_card(layout, route_), route_.flow.id


def _crosses_a_card(layout, route_) -> bool:
    """Whether the curve passes inside a card other than its two ends (sampled finely,
    a pixel in from each card's edges)."""
    from mapper.layout.routes import bezier_point

    ends = {route_.flow.source, route_.flow.target}
    others = [box.rect for i, box in layout.cards.items() if i not in ends]
    for step in range(1, 200):
        x, y = bezier_point(route_.curve, step / 200)
        for r in others:
            if r.x + 1 < x < r.right - 1 and r.y + 1 < y < r.bottom - 1:
                return True
    return False


def test_connector_between_boxes_of_other_widths_stays_vertical() -> None:
    curve = connector(Rect(0, 0, 100, 40), Rect(50, 100, 200, 40))
    assert curve.p0[0] == curve.p3[0] == 75 - 8
    assert (curve.p0[1], curve.p3[1]) == (40, 100)


def test_a_loop_over_its_cards_never_crosses_a_blueprint_line() -> None:
    a, b = Rect(400, 200, 180, 40), Rect(100, 200, 180, 40)  # b left of a: a loop back
    free = route(a, b, None, 64.0)
    assert min(free.c1[1], free.c2[1]) < 170
    line = 181.0
    kept = route(a, b, None, 64.0, [(line - 3, line + 3)])
    assert min(kept.c1[1], kept.c2[1]) >= line + 3


def test_the_template_draws_all_three_lines_and_labels_clear_of_them() -> None:
    journey = find_template("service-blueprint").load()
    layout = compute_layout(journey)
    assert [ln.kind for ln in layout.blueprint] == [IN, V, N]
    vertical = [
        r for r in layout.flows if r.curve.p0[0] == r.curve.p3[0] and r.curve.p0[1] != r.curve.p3[1]
    ]
    assert len(vertical) >= 4  # the template shows off the connectors
    for label in flow_labels(layout):
        assert label.clear
        for line in layout.blueprint:
            assert not (label.rect.y < line.y < label.rect.bottom)


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_lines_and_names_never_touch_a_card_or_a_header(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    visible = [lane for lane in journey.lanes if not lane.hidden]
    assert [ln.lane_id for ln in layout.blueprint] == list(line_above(visible))
    for line in layout.blueprint:
        for box in layout.lanes:
            assert not (box.row.y < line.y < box.row.bottom)
            assert not _overlap(line.label_box, box.header)
        for card in layout.cards.values():
            assert not _overlap(line.label_box, card.rect)
            assert not (card.rect.y <= line.y <= card.rect.bottom)
