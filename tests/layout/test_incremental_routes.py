"""A layout built on the previous one keeps the routes an edit did not touch."""

from __future__ import annotations

from layout_maps import ROUTE_TOLERANCE, assert_same_layout, grow_first_row

from factories import synthetic_map
from mapper.layout import compute_layout, route_flows_in_steps
from mapper.layout.flow_routes import _loop
from mapper.model import Card, Entity, LaneKind


def test_routes_of_cards_that_moved_alike_are_moved_along_not_routed_again():
    """A card of the first lane grows: the rows below move down whole. The flows between
    two cards that moved by the same offset keep their shape and are said to have moved
    (by how much), within a millionth of routing them again; loops back, which keep out
    of the emotion lane and the blueprint lines, and flows with an end that grew or
    stayed are routed again."""
    journey = synthetic_map(400, seed=3)
    before = compute_layout(journey)
    lane_id = before.lanes[0].lane.id
    tallest = max(
        (s.stage.id for s in before.stages if journey.cards_in_cell(s.stage.id, lane_id)),
        key=lambda s: before.cards[journey.cards_in_cell(s, lane_id)[-1].id].rect.bottom,
    )
    card = journey.cards_in_cell(tallest, lane_id)[0]  # the row grows: all below move
    journey.update(Entity.CARD, card.id, title="A much longer title that wraps " * 4)
    after = compute_layout(journey, previous=before)
    found = after.shifts_since(before)
    assert found is not None
    rerouted, shifts = found
    assert len(shifts) > 50 and len(rerouted) > len(shifts)
    scratch = compute_layout(journey).routes_by_id()
    old = before.routes_by_id()
    offsets = after.card_offsets  # the cards of cells that moved whole, and how far
    assert offsets and set(offsets) <= set(after.changed_cards)
    for card_id, (dx, dy) in offsets.items():
        a, b = before.cards[card_id].rect, after.cards[card_id].rect
        assert (b.width, b.height) == (a.width, a.height)
        assert abs(b.x - a.x - dx) <= 1e-9 and abs(b.y - a.y - dy) <= 1e-9
    for flow_id in rerouted:
        route = after.routes[flow_id]
        flow = route.flow
        source, target = after.cards[flow.source], after.cards[flow.target]
        s, t = offsets.get(flow.source), offsets.get(flow.target)
        alike = (
            s is not None
            and t is not None
            and abs(s[0] - t[0]) <= 1e-9  # rows summed again: alike up to the last bits
            and abs(s[1] - t[1]) <= 1e-9
            and not _loop(source, target)
        )
        assert (flow_id in shifts) == alike, flow_id
        if alike:
            assert shifts[flow_id] == s
        for got, want in zip(
            (route.curve.p0, route.curve.c1, route.curve.c2, route.curve.p3),
            (scratch[flow_id].curve.p0, scratch[flow_id].curve.c1,
             scratch[flow_id].curve.c2, scratch[flow_id].curve.p3),
            strict=True,
        ):  # fmt: skip
            assert abs(got[0] - want[0]) <= ROUTE_TOLERANCE
            assert abs(got[1] - want[1]) <= ROUTE_TOLERANCE
    assert all(after.routes[i] is old[i] for i in after.routes if i not in rerouted)
    assert_same_layout(after, compute_layout(journey))
    # a card given a new box in the same place: its flows are routed again, no cell moved
    journey.update(Entity.CARD, card.id, notes="not drawn")
    again = compute_layout(journey, previous=after)
    found = again.shifts_since(after)
    assert found is not None and not found[1] and not again.card_offsets
    assert sorted(found[0]) == sorted(
        r.flow.id for r in again.flows if card.id in (r.flow.source, r.flow.target)
    )
    assert again.shifts_since(before) is None  # built on another layout: nothing said


def test_routes_stay_when_only_the_bands_they_never_enter_moved():
    """A card grows in the first lane, so the blueprint lines below move: loops back may
    take another way, but a forward flow between cards that stayed keeps its route."""
    journey = synthetic_map(300, seed=2)
    before = compute_layout(journey)
    assert before.blueprint  # the lines a loop keeps out of
    after = grow_first_row(journey, before)
    assert [line.y for line in after.blueprint] != [line.y for line in before.blueprint]

    assert_same_layout(after, compute_layout(journey))  # as from scratch (routes to 1e-6)
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


def test_routes_replaced_in_place_keep_the_flow_order_and_their_index():
    """Edits that keep the flows in their order (titles) replace the routes an edit
    routed again in the previous list, found through an index handed from layout to
    layout; a card move reorders the flows and the list is made again."""
    journey = synthetic_map(300, seed=5)
    layout = compute_layout(journey)
    cards = list(journey.cards())
    index = None
    for step, card in enumerate(cards[::37][:8]):  # (the last two: titles)
        if step % 3 == 2:
            stages = journey.stages.ids()
            target = stages[(stages.index(card.stage_id) + 1) % len(stages)]
            journey.move_cards([card.id], target, card.lane_id, 0)
        else:
            journey.update(Entity.CARD, card.id, title=card.title + " and more words" * step)
        layout = compute_layout(journey, previous=layout)
        scratch = compute_layout(journey)
        assert [r.flow.id for r in layout.flows] == [r.flow.id for r in scratch.flows]
        assert [r.flow.id for r in layout.flows] == [f.id for f in journey.flows()]
        if layout.route_index is not None:
            assert layout.route_index == {r.flow.id: i for i, r in enumerate(layout.flows)}
            assert index is None or layout.route_index is index  # handed on, not made
            index = layout.route_index
        else:
            index = None
    assert index is not None


def test_cards_without_flows_that_come_and_go_reroute_only_the_flows_of_cards_that_moved(
    monkeypatch,
):
    """A paste of cards without flows and its undo: the flows stayed, so only the flows
    of the cards whose boxes changed are routed again (not a walk over every flow), and
    the layout is the one made from scratch."""
    import mapper.layout.flow_routes as flow_routes

    journey = synthetic_map(400, seed=6)
    layout = compute_layout(journey)
    stage, lane = journey.stages.ids()[2], layout.lanes[-1].lane.id  # no band below it
    walked = []
    real = flow_routes._reroute
    monkeypatch.setattr(
        flow_routes, "_reroute", lambda *args: (walked.append(args[1]), real(*args))
    )
    pasted = [Card(f"pasted-{i}", stage, lane, "Pasted") for i in range(12)]
    for card in pasted:
        journey.insert(0, card)
    for step in ("paste", "undo"):
        before, layout = layout, compute_layout(journey, previous=layout)
        assert walked and walked[-1] is layout, step  # only what the edit changed
        assert layout.flow_set is journey.flow_set()
        assert_same_layout(layout, compute_layout(journey))
        found = layout.shifts_since(before)
        assert found is not None
        rerouted, changed = found[0], set(layout.changed_cards)
        assert changed and rerouted
        old = before.routes_by_id()
        for route in layout.flows:
            touches = {route.flow.source, route.flow.target} & changed
            assert (route.flow.id in rerouted) == bool(touches)
            if not touches:
                assert route is old[route.flow.id]
        if step == "paste":
            for card in pasted:
                journey.remove(Entity.CARD, card.id)


def test_when_rows_of_cards_moved_the_flows_are_walked_not_looked_up_card_by_card(
    monkeypatch,
):
    """A map without blueprint lines (nothing a loop keeps out of moves): the first row
    grows and every row below moves down, so most cards changed their boxes. A walk over
    every flow costs less then than looking each changed card's flows up (each flow
    twice, from both its ends), and gives the same routes: those made from scratch, the
    ones that moved along said to have moved."""
    import mapper.layout.flow_routes as flow_routes

    journey = synthetic_map(400, seed=3)
    for lane in list(journey.lanes):
        if lane.kind in (LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT):
            journey.update(Entity.LANE, lane.id, kind=LaneKind.THOUGHTS)
    before = compute_layout(journey)
    assert not before.blueprint and before.emotion_lane is None
    looked_up = []
    real = flow_routes._reroute
    monkeypatch.setattr(
        flow_routes, "_reroute", lambda *args: (looked_up.append(args[1]), real(*args))
    )
    after = grow_first_row(journey, before)
    assert 2 * len(after.changed_cards) > len(after.flows)  # (about 1.3 flows a card)
    assert not looked_up
    assert_same_layout(after, compute_layout(journey))
    found = after.shifts_since(before)
    assert found is not None and len(found[1]) > 50
    old = before.routes_by_id()
    assert all(after.routes[i] is old[i] for i in after.routes if i not in found[0])
    # a few cards changed: their flows are looked up through them
    card = next(c for c in journey.cards() if journey.graph.degree(c.id))
    journey.update(Entity.CARD, card.id, title=card.title + " and a little more to say")
    again = compute_layout(journey, previous=after)
    assert looked_up == [again]
    assert_same_layout(again, compute_layout(journey))


def test_flows_routed_in_steps_are_those_routed_at_once():
    """A big map just opened routes its flows a few thousand a turn of the event loop:
    the same routes, in the same order, as a layout made with its flows."""
    journey = synthetic_map(400)
    whole = compute_layout(journey)
    stepped = compute_layout(journey, flows=False)
    assert not stepped.routed and stepped.flows == []
    yields = sum(1 for _ in route_flows_in_steps(journey, stepped, 97))
    assert yields == len(journey.flow_sequence()) // 97 > 3
    assert stepped.routed
    assert_same_layout(stepped, whole)
    assert list(route_flows_in_steps(journey, stepped, 97)) == []  # routed: nothing again
