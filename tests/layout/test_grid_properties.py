"""Properties of the shared layout (canvas, PDF and PNG/SVG all draw these boxes)."""

from __future__ import annotations

from dataclasses import replace
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_maps import TEXT, assert_same_layout, journey_maps

from mapper.layout.geometry import Rect
from mapper.layout.grid import Style, compute_layout
from mapper.layout.text import line_height, text_width
from mapper.model import Card, Entity, JourneyMap, LaneKind

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EPS = 0.01


def _overlap(a: Rect, b: Rect) -> bool:
    return (
        a.x < b.right - EPS
        and b.x < a.right - EPS
        and a.y < b.bottom - EPS
        and b.y < a.bottom - EPS
    )


def _inside(inner: Rect, outer: Rect) -> bool:
    return (
        inner.x >= outer.x - EPS
        and inner.y >= outer.y - EPS
        and inner.right <= outer.right + EPS
        and inner.bottom <= outer.bottom + EPS
    )


@SETTINGS
@given(journey_maps())
def test_text_fits_its_box(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    style = layout.style
    for box in layout.cards.values():
        room = box.rect.width - 2 * style.card_padding
        assert len(box.title_lines) <= style.title_max_lines
        for line in box.title_lines:
            assert text_width(line, style.title_size) <= room + EPS, (line, room)
        needed = 2 * style.card_padding + len(box.title_lines) * line_height(style.title_size)
        if box.has_badges:
            needed += style.badge_row
        assert box.rect.height >= needed - EPS, "the title's lines (and badges) fit the card"
    for stage in layout.stages:
        for line in stage.name_lines:
            assert text_width(line, style.header_size, bold=True) <= stage.header.width - 16 + EPS
    for lane in layout.lanes:
        for line in lane.name_lines:
            width = text_width(line, style.lane_header_size, bold=True)
            assert width <= style.lane_header_width - 20 + EPS


@SETTINGS
@given(journey_maps())
def test_no_two_cards_overlap(journey: JourneyMap) -> None:
    boxes = list(compute_layout(journey).cards.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a.rect, b.rect), (a.card.id, b.card.id)


@SETTINGS
@given(journey_maps())
def test_every_card_is_inside_its_cell_and_every_cell_in_the_grid(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    grid = Rect(0, 0, layout.width, layout.height)
    for cell in layout.cells.values():
        assert _inside(cell, grid)
    for box in layout.cards.values():
        cell = layout.cells[(box.card.stage_id, box.card.lane_id)]
        assert _inside(box.rect, cell), box.card.id


@SETTINGS
@given(journey_maps())
def test_shown_cards_are_exactly_those_of_open_visible_lanes(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    open_lanes = {lane.id for lane in journey.lanes if not lane.hidden and not lane.collapsed}
    shown = {card.id for card in journey.cards() if card.lane_id in open_lanes}
    assert set(layout.cards) == shown


@SETTINGS
@given(journey_maps())
def test_rows_and_columns_tile_the_map_in_model_order(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    style = layout.style
    x = style.lane_header_width
    for box, stage in zip(layout.stages, journey.stages, strict=True):
        assert box.stage.id == stage.id
        assert abs(box.column.x - x) < EPS and abs(box.column.width - stage.width) < EPS
        x += stage.width
    assert abs(layout.width - x) < EPS
    y = style.stage_header_height
    visible = [lane for lane in journey.lanes if not lane.hidden]
    gaps = {line.lane_id for line in layout.blueprint}  # a blueprint line's band above
    for box, lane in zip(layout.lanes, visible, strict=True):
        assert box.lane.id == lane.id
        if lane.id in gaps:
            y += style.blueprint_gap
        assert abs(box.row.y - y) < EPS
        y = box.row.bottom
    assert abs(layout.height - y) < EPS


@SETTINGS
@given(journey_maps())
def test_rows_hold_their_tallest_cell(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    style = layout.style
    for lane in layout.lanes:
        if lane.lane.collapsed:
            assert lane.row.height == style.collapsed_row_height
            continue
        assert lane.row.height >= style.min_row_height - EPS
        if lane.lane.kind is LaneKind.EMOTION:
            assert lane.row.height >= style.emotion_row_height - EPS
        for stage in layout.stages:
            cards = [
                layout.cards[c.id] for c in journey.cards_in_cell(stage.stage.id, lane.lane.id)
            ]
            if cards:
                stack = cards[-1].rect.bottom - cards[0].rect.y
                assert lane.row.height >= stack + 2 * style.cell_padding - EPS


@SETTINGS
@given(journey_maps(max_cards=10), st.data())
def test_a_row_grows_with_its_text_and_never_shrinks(journey: JourneyMap, data) -> None:
    cards = list(journey.cards())
    if not cards:
        return
    card = data.draw(st.sampled_from(cards))
    before = compute_layout(journey)
    journey.update(Entity.CARD, card.id, title=card.title + " and a few more words " * 3)
    after = compute_layout(journey)
    for old, new in zip(before.lanes, after.lanes, strict=True):
        assert new.row.height >= old.row.height - EPS
    if card.id in before.cards:
        assert len(after.cards[card.id].title_lines) >= len(before.cards[card.id].title_lines)
        assert after.cards[card.id].rect.height >= before.cards[card.id].rect.height - EPS


@SETTINGS
@given(journey_maps(max_cards=10), st.data())
def test_a_wider_stage_never_needs_more_lines(journey: JourneyMap, data) -> None:
    stage = data.draw(st.sampled_from(list(journey.stages)))
    before = compute_layout(journey)
    journey.update(
        Entity.STAGE, stage.id, width=min(2000.0, stage.width + data.draw(st.floats(1, 400)))
    )
    after = compute_layout(journey)
    for card_id, box in before.cards.items():
        assert len(after.cards[card_id].title_lines) <= len(box.title_lines)


@SETTINGS
@given(journey_maps())
def test_layout_is_deterministic(journey: JourneyMap) -> None:
    first = compute_layout(journey)
    again = compute_layout(journey)
    copy = compute_layout(JourneyMap.from_snapshot(journey.snapshot()))
    for other in (again, copy):
        assert repr(other) == repr(first)


@SETTINGS
@given(journey_maps())
def test_emotion_points_sit_in_their_stage_inside_the_emotion_lane(journey: JourneyMap) -> None:
    layout = compute_layout(journey)
    if layout.emotion_lane is None:
        assert layout.emotion_curves == []
        return
    row = layout.emotion_lane.row
    for curve in layout.emotion_curves:
        xs = [point.pos[0] for point in curve.points]
        assert xs == sorted(xs), "a curve runs left to right"
        assert len(curve.segments) == max(len(curve.points) - 1, 0)
        for point in curve.points:
            column = layout.stages[point.stage_index].column
            assert column.x < point.pos[0] < column.right
            assert row.y < point.pos[1] < row.bottom
            card = journey.card(point.card_id)
            assert card.emotions[curve.persona.id] == point.score
        for _, segment in curve.segments:
            for _, y in (segment.p0, segment.c1, segment.c2, segment.p3):
                assert row.y <= y <= row.bottom


def test_style_changes_move_boxes_predictably() -> None:
    """A sanity check on the generator's assumptions: a taller header pushes rows down."""
    from factories import sample_map

    journey = sample_map()
    base = compute_layout(journey)
    taller = compute_layout(journey, replace(Style(), stage_header_height=100.0))
    assert taller.lanes[0].row.y == base.lanes[0].row.y + 36


_NEW_IDS = count()


@st.composite
def _edits(draw, journey: JourneyMap):
    """A few random changes of what the layout depends on."""
    edits = []
    for _ in range(draw(st.integers(1, 4))):
        cards = [c.id for c in journey.cards()]
        choice = draw(st.integers(0, 7))
        if choice == 0 and cards:
            edits.append(("title", draw(st.sampled_from(cards)), draw(TEXT)))
        elif choice == 1 and cards:
            edits.append(("notes", draw(st.sampled_from(cards)), draw(TEXT)))
        elif choice == 2:
            stage = draw(st.sampled_from([s.id for s in journey.stages]))
            edits.append(("width", stage, draw(st.floats(80, 600)).__round__(1)))
        elif choice == 3 and cards:
            stage = draw(st.sampled_from([s.id for s in journey.stages]))
            lane = draw(st.sampled_from([ln.id for ln in journey.lanes]))
            edits.append(
                ("move", draw(st.sampled_from(cards)), (stage, lane, draw(st.integers(0, 3))))
            )
        elif choice == 4:
            lane = draw(st.sampled_from([ln.id for ln in journey.lanes]))
            edits.append(("collapse", lane, draw(st.booleans())))
        elif choice == 5 and cards:
            edits.append(("remove", draw(st.sampled_from(cards)), None))
        elif choice == 6:  # a new card, without flows (pasted)
            stage = draw(st.sampled_from([s.id for s in journey.stages]))
            lane = draw(st.sampled_from([ln.id for ln in journey.lanes]))
            edits.append(("add", (stage, lane, draw(st.integers(0, 3))), draw(TEXT)))
        elif choice == 7 and cards and journey.personas:  # a point of a curve scored again
            persona = draw(st.sampled_from(journey.personas.ids()))
            score = draw(st.none() | st.integers(-3, 3))
            edits.append(("score", draw(st.sampled_from(cards)), (persona, score)))
    return edits


def _apply(journey: JourneyMap, edit) -> None:
    what, item, value = edit
    if not journey.has_card(item) and what in ("title", "notes", "move", "remove", "score"):
        return
    if what == "title":
        journey.update(Entity.CARD, item, title=value)
    elif what == "notes":
        journey.update(Entity.CARD, item, notes=value)
    elif what == "width":
        journey.update(Entity.STAGE, item, width=value)
    elif what == "move":
        journey.move_cards([item], *value)
    elif what == "collapse":
        journey.update(Entity.LANE, item, collapsed=value)
    elif what == "score":
        persona, score = value
        emotions = dict(journey.card(item).emotions)
        emotions.pop(persona, None)
        if score is not None:
            emotions[persona] = score
        journey.update(Entity.CARD, item, emotions=emotions)
    elif what == "add":
        stage, lane, index = item
        journey.insert(index, Card(f"new-{next(_NEW_IDS)}", stage, lane, value))
    else:
        journey.remove(Entity.CARD, item)


@SETTINGS
@given(journey_maps(flows=True), st.data())
def test_a_layout_built_on_the_previous_one_equals_one_from_scratch(journey, data) -> None:
    layout = compute_layout(journey)
    for edit in data.draw(_edits(journey)):
        _apply(journey, edit)
        before, layout = layout, compute_layout(journey, previous=layout)
        # routes moved along with their cards to a millionth, the rest exactly
        fresh = compute_layout(journey)
        assert_same_layout(layout, fresh)
        # every card's place along the curves (ghost points sit there), in the same order
        assert list(layout.emotion_slots.items()) == list(fresh.emotion_slots.items())
        _assert_shifts_say_what_moved(layout, before)
        # what it says changed is what did: an edit's followers visit only those cards
        changes = layout.changes_since(before)
        assert changes is not None
        changed, gone = changes
        assert sorted(changed) == sorted(
            i for i, box in layout.cards.items() if before.cards.get(i) is not box
        )
        assert sorted(gone) == sorted(i for i in before.cards if i not in layout.cards)
        assert layout.changes_since(compute_layout(journey)) is None  # built on another


def _assert_shifts_say_what_moved(layout, before) -> None:
    """What a layout says about its routes is what happened to them: the flows it routed
    again are those whose routes are new objects, and each one it says moved as a whole
    is the old curve moved by the offset it gives (its cards moved by that offset)."""
    found = layout.shifts_since(before)
    if found is None:
        return  # routed by the walk over every flow: nothing said
    rerouted, shifts = found
    old = before.routes_by_id()
    assert sorted(rerouted) == sorted(
        r.flow.id for r in layout.flows if old.get(r.flow.id) is not r
    )
    assert set(shifts) <= set(rerouted)
    for flow_id, (dx, dy) in shifts.items():
        new, was = layout.routes[flow_id].curve, old[flow_id].curve
        for (x, y), (x0, y0) in zip(
            (new.p0, new.c1, new.c2, new.p3), (was.p0, was.c1, was.c2, was.p3), strict=True
        ):
            assert (x, y) == (x0 + dx, y0 + dy)
        flow = layout.routes[flow_id].flow
        for end in (flow.source, flow.target):
            a, b = before.cards[end].rect, layout.cards[end].rect
            assert (b.width, b.height) == (a.width, a.height)
            assert abs(b.x - a.x - dx) <= 1e-9 and abs(b.y - a.y - dy) <= 1e-9


def test_unchanged_cards_keep_their_box_objects() -> None:
    from factories import sample_map

    journey = sample_map()
    before = compute_layout(journey)
    journey.update(Entity.CARD, "t4", notes="not drawn")
    after = compute_layout(journey, previous=before)
    assert all(after.cards[c] is before.cards[c] for c in after.cards if c != "t4")
    assert after.cards["t4"] is not before.cards["t4"]  # it holds the new card
    assert after.cards["t4"].rect == before.cards["t4"].rect
    untouched = [r for r in after.flows if "t4" not in (r.flow.source, r.flow.target)]
    kept = {id(r) for r in before.flows}
    assert untouched and all(id(r) in kept for r in untouched)


def test_cells_that_only_moved_are_kept_whole_by_the_next_layout() -> None:
    from factories import sample_map

    journey = sample_map()
    before = compute_layout(journey)
    top = before.lanes[0].lane.id
    # the tallest cell of the first row: a longer title there pushes every row below down
    cell = max(
        (key for key in before.cells if key[1] == top),
        key=lambda key: len(journey.cards_in_cell(*key)),
    )
    card = journey.cards_in_cell(*cell)[-1]
    journey.update(Entity.CARD, card.id, title="a title long enough to wrap " * 6)
    grown = compute_layout(journey, previous=before)
    assert grown.lanes[1].row.y > before.lanes[1].row.y  # the rows below moved
    moved = [i for i, b in grown.cards.items() if b.rect.y != before.cards[i].rect.y]
    assert moved and all(grown.cards[i] is not before.cards[i] for i in moved)
    again = compute_layout(journey, previous=grown)  # nothing changed since
    assert all(again.cards[i] is grown.cards[i] for i in grown.cards)
    assert all(again.cell_stacks[k] is grown.cell_stacks[k] for k in grown.cell_stacks)
    journey.update(Entity.CARD, card.id, title=card.title)  # the rows move back
    back = compute_layout(journey, previous=again)
    assert_same_layout(back, before)  # routes moved down and back up: to a millionth
    assert all(compute_layout(journey, previous=back).cards[i] is b for i, b in back.cards.items())


def test_routes_by_flow_id_follow_the_routes() -> None:
    from factories import sample_map

    layout = compute_layout(sample_map())
    assert layout.flows
    assert layout.routes_by_id() == {r.flow.id: r for r in layout.flows}
    layout.flows.pop()  # a list changed by hand is indexed again
    assert list(layout.routes_by_id().values()) == layout.flows


def test_a_card_moved_to_another_stage_keeps_the_other_stages_points_and_segments() -> None:
    """Only the stages whose cards moved are made again on each curve: the other stages'
    marks, and the points and segments between them worked out before (as a view drawing
    them would), are the previous layout's objects."""
    from factories import synthetic_map

    journey = synthetic_map(400, emotion_lane=True)
    before = compute_layout(journey)
    lane = before.emotion_lane
    assert lane is not None
    for curve in before.emotion_curves:  # drawn, as a view would
        assert curve.points and curve.segments
    below = [box.lane.id for box in before.lanes if box.row.y > lane.row.y]
    card = next(c for c in journey.cards() if c.lane_id == below[0] and c.emotions)
    stages = journey.stages.ids()
    source = stages.index(card.stage_id)
    target = (source + 1) % len(stages)
    journey.move_cards([card.id], stages[target], card.lane_id, 0)
    after = compute_layout(journey, previous=before)
    assert_same_layout(after, compute_layout(journey))
    assert after.emotion_lane is not None and after.emotion_lane.row == lane.row
    moved = {source, target}
    for old, new in zip(before.emotion_curves, after.emotion_curves, strict=True):
        assert [new.marks[i] is m for i, m in enumerate(old.marks)] == [
            i not in moved for i in range(len(old.marks))
        ]
        old_points = {id(p) for p in old.points}
        untouched = [p for p in new.points if p.stage_index not in moved]
        assert untouched and all(id(p) in old_points for p in untouched)
        assert all(id(p) not in old_points for p in new.points if p.stage_index in moved)
        old_segments = {id(s) for _, s in old.segments}
        kept = [
            s for i, (_, s) in enumerate(new.segments)
            if all(new.points[k].stage_index not in moved
                   for k in range(max(i - 1, 0), min(i + 3, len(new.points))))
        ]  # fmt: skip
        assert kept and all(id(s) in old_segments for s in kept)


def test_a_lane_that_only_moved_keeps_its_curves_shape_without_laying_them_out_whole(
    monkeypatch,
) -> None:
    """When rows above the emotion lane grow, its curves move down: each point takes its
    score's new y and the segments follow, equal to a layout from scratch, without laying
    a curve out whole (neither for an edit that scores nothing, nor for a card moved to
    another stage: there only the two stages' points are placed again)."""
    from factories import synthetic_map
    from mapper.layout import emotion_lane

    journey = synthetic_map(400, emotion_lane=True)
    layout = compute_layout(journey)
    lane = layout.emotion_lane
    assert lane is not None
    above = next(box.lane.id for box in layout.lanes if box.row.y < lane.row.y)
    cards = [c for c in journey.cards() if c.lane_id == above]
    tall = max(cards, key=lambda c: layout.cards[c.id].rect.bottom).stage_id  # the row's
    short = sorted(
        (c for c in cards if c.stage_id == tall), key=lambda c: layout.cards[c.id].rect.height
    )
    others = [c for c in cards if c.stage_id != tall]

    def whole(*args, **kwargs):
        raise AssertionError("a curve laid out whole")

    for step in range(4):
        if step % 2:  # another stage's card moved to the top of the row's tallest cell
            journey.move_cards([others[step].id], tall, above, 0)
        else:  # a short card of that cell given a title that wraps (nothing scored)
            card = short[step]
            journey.update(Entity.CARD, card.id, title=" ".join(["wrap me"] * 40))
        with monkeypatch.context() as patched:
            patched.setattr(emotion_lane, "lay_out_curve", whole)
            before, layout = layout, compute_layout(journey, previous=layout)
        assert layout.emotion_lane is not None
        assert layout.emotion_lane.row.y > before.emotion_lane.row.y  # it moved down
        assert layout.emotion_lane.row.height == before.emotion_lane.row.height
        assert_same_layout(layout, compute_layout(journey))
        assert [len(c.points) for c in layout.emotion_curves] == [
            len(c.points) for c in before.emotion_curves
        ]
        assert all(c.points for c in layout.emotion_curves)


def test_only_flows_whose_two_cards_moved_whole_are_checked_for_moving_along(monkeypatch):
    """After a cell grew, the walk over every flow asks whether a flow moved as a whole
    only for flows whose two cards' cells moved whole (thousands on a big map); the
    others are routed again without asking."""
    from layout_maps import grow_first_row

    from factories import synthetic_map
    from mapper.layout import flow_routes

    journey = synthetic_map(300, seed=2)
    before = compute_layout(journey)
    asked: list = []
    real = flow_routes._shift
    monkeypatch.setattr(flow_routes, "_shift", lambda *a: (asked.append(a), real(*a))[1])
    after = grow_first_row(journey, before)
    rerouted, shifts = after.shifts_since(before)
    both = [
        r.flow.id
        for r in after.flows
        if r.flow.source in after.card_offsets and r.flow.target in after.card_offsets
    ]
    assert 0 < len(shifts) <= len(both) < len(rerouted)
    assert len(asked) == len(both)
