"""One emotion-curve function for the canvas (and paper) and present mode."""

from __future__ import annotations

import operator

import pytest
from hypothesis import given, settings
from layout_maps import journey_maps

from mapper.layout.grid import compute_layout
from mapper.model import Entity, JourneyMap, Lane, LaneKind, Stage
from mapper.present.content import shown
from mapper.present.room_layout import present_layout


def _relative(points, columns, loose=False):
    return [
        (
            p.card_id,
            p.score,
            p.stage_index,
            # positions are rounded to 0.01 px: compare where in its column, to 0.01 px
            pytest.approx(
                (p.pos[0] - columns[p.stage_index][0]) / columns[p.stage_index][1],
                abs=0.02 / columns[p.stage_index][1],
            ),
        )
        for p in points
    ]


def _where(x: float, left: float, width: float, loose: bool):
    """Where in its column a point sits; positions are rounded to 0.01 px on both sides."""
    share = (x - left) / width
    return pytest.approx(share, abs=0.02 / width) if loose else share


@settings(max_examples=40, deadline=None)
@given(journey_maps())
def test_canvas_and_present_mode_draw_the_same_curves(journey: JourneyMap) -> None:
    if not any(lane.kind is LaneKind.EMOTION for lane in journey.lanes):
        journey.add(Lane("emotion", "Feeling", LaneKind.EMOTION))
    journey.update(
        Entity.LANE,
        next(ln.id for ln in journey.lanes if ln.kind is LaneKind.EMOTION),
        collapsed=False,
        hidden=False,
    )
    canvas = compute_layout(journey)
    present = present_layout(journey, shown(journey), None)
    canvas_columns = [(box.column.x, box.column.width) for box in canvas.stages]
    present_columns = [(col.column.x, col.column.width) for col in present.stages]
    on_canvas = {
        c.persona.id: _relative(c.points, canvas_columns) for c in canvas.emotion_curves if c.points
    }
    presented = {c.persona.id: _relative(c.points, present_columns, True) for c in present.curves}
    assert presented == on_canvas
    for curve in present.curves:  # the same scale, top to bottom
        row = present.emotion_row.row
        for p in curve.points:
            assert row.y < p.pos[1] < row.bottom


def _with_emotion_lane(journey: JourneyMap) -> JourneyMap:
    journey.add(Lane("emo", "Emotion", LaneKind.EMOTION))
    return journey


def test_every_card_of_a_stage_has_its_place_and_keeps_it_when_scored() -> None:
    from factories import sample_map

    journey = _with_emotion_lane(sample_map())
    before = compute_layout(journey)
    # s2 holds t2 and t3 (touchpoints), p1 (pain points) and o1 (opportunities): fifths
    x, width = before.stages[1].column.x, before.stages[1].column.width
    assert [before.emotion_slots[c][0] for c in ("t2", "t3", "p1", "o1")] == pytest.approx(
        [x + width * i / 5 for i in (1, 2, 3, 4)], abs=0.01
    )
    journey.update(Entity.CARD, "p1", emotions={"maya": -2})
    after = compute_layout(journey, previous=before)
    maya = next(c for c in after.emotion_curves if c.persona.id == "maya")
    p1 = next(p for p in maya.points if p.card_id == "p1")
    assert p1.pos[0] == before.emotion_slots["p1"][0]
    # the other points did not move either: scoring one card reshapes nothing else
    old = next(c for c in before.emotion_curves if c.persona.id == "maya")
    assert {p.card_id: p.pos for p in old.points}.items() <= {
        p.card_id: p.pos for p in maya.points
    }.items()
    assert after.emotion_slots is before.emotion_slots  # equal places are kept as they were


def test_a_hidden_persona_has_no_curve_on_the_map_or_in_present_mode() -> None:
    from factories import sample_map

    journey = _with_emotion_lane(sample_map())
    journey.update(Entity.PERSONA, "omar", hidden=True)
    assert [c.persona.id for c in compute_layout(journey).emotion_curves] == ["maya"]
    assert [c.persona.id for c in present_layout(journey, shown(journey), None).curves] == ["maya"]


def test_an_edit_lays_out_again_only_the_curves_whose_scores_changed() -> None:
    from factories import sample_map

    journey = _with_emotion_lane(sample_map())
    before = compute_layout(journey)
    curves = {c.persona.id: c for c in before.emotion_curves}
    journey.update(Entity.CARD, "t1", title="Instagram story")  # no score changed
    after = compute_layout(journey, previous=before)
    assert all(c is curves[c.persona.id] for c in after.emotion_curves)
    journey.update(Entity.CARD, "t4", emotions={"omar": -2})
    again = compute_layout(journey, previous=after)
    kept = {c.persona.id: c is curves[c.persona.id] for c in again.emotion_curves}
    assert kept == {"maya": True, "omar": False}
    assert again.emotion_curves == compute_layout(journey).emotion_curves  # as from scratch


def test_an_edit_that_moves_no_card_keeps_the_places_along_the_curves_without_working_them_out(
    monkeypatch,
) -> None:
    """The places along the curves come from each stage's cards in order: an edit that
    keeps every card where it was (a title, a score) keeps them, found by the cells the
    map handed out (the same tuples, or cards of the same ids), not by placing every card
    of the map again; a card moved to another stage moves them."""
    import mapper.layout.emotion_lane as emotion_lane
    from factories import synthetic_map

    journey = _with_emotion_lane(synthetic_map(200, seed=8))
    layout = compute_layout(journey)
    worked_out = []
    real = emotion_lane.card_slots
    monkeypatch.setattr(emotion_lane, "card_slots", lambda *a: worked_out.append(1) or real(*a))
    card = list(journey.cards())[60]
    journey.update(Entity.CARD, card.id, title="A title that wraps " * 5)
    after = compute_layout(journey, previous=layout)
    journey.update(Entity.CARD, card.id, emotions={p.id: -3 for p in journey.personas})
    again = compute_layout(journey, previous=after)
    assert not worked_out
    assert again.emotion_slots is after.emotion_slots is layout.emotion_slots
    assert again.emotion_curves == compute_layout(journey).emotion_curves  # as from scratch
    stages = journey.stages.ids()
    target = stages[(stages.index(card.stage_id) + 1) % len(stages)]
    journey.move_cards([card.id], target, card.lane_id, 0)
    moved = compute_layout(journey, previous=again)
    assert worked_out and moved.emotion_slots is not again.emotion_slots
    assert moved.emotion_slots == compute_layout(journey).emotion_slots
    assert moved.emotion_curves == compute_layout(journey).emotion_curves


def test_a_card_moved_to_another_stage_places_the_cards_of_those_two_stages_again() -> None:
    """Each stage's places along the curves are kept by identity while its cards stay: a
    move works out the stage it left and the one it joined, no other, and the places
    and curves equal those of a layout made from scratch."""
    from factories import synthetic_map

    journey = _with_emotion_lane(synthetic_map(300, seed=3))
    before = compute_layout(journey)
    card = next(c for c in journey.cards() if c.emotions)
    stages = journey.stages.ids()
    source = stages.index(card.stage_id)
    target = (source + 1) % len(stages)
    journey.move_cards([card.id], stages[target], card.lane_id, 0)
    after = compute_layout(journey, previous=before)
    kept = [a is b for a, b in zip(after.emotion_stage_slots, before.emotion_stage_slots,
                                   strict=True)]  # fmt: skip
    assert kept == [i not in (source, target) for i in range(len(stages))]
    fresh = compute_layout(journey)
    assert list(after.emotion_slots.items()) == list(fresh.emotion_slots.items())
    assert [dict(part) for part in after.emotion_stage_slots] == [
        dict(part) for part in fresh.emotion_stage_slots
    ]
    assert after.emotion_curves == fresh.emotion_curves
    journey.update(Entity.CARD, card.id, title="Renamed")  # its place stays: all kept
    again = compute_layout(journey, previous=after)
    assert all(map(operator.is_, again.emotion_stage_slots, after.emotion_stage_slots))
    assert again.emotion_slots is after.emotion_slots


def test_an_edit_that_moves_the_lane_or_a_card_works_out_no_segment_until_asked(
    monkeypatch,
) -> None:
    """A lane moved down (rows above it grew) keeps its curves' marks with new ys, and a
    card moved to another stage makes the marks of two stages: no point's segment is
    worked out until a view or an export asks, and then the curves equal those of a
    layout made from scratch, stage by stage and whole, bounds included."""
    from factories import synthetic_map
    from segments_counted import segments_worked_out

    journey = synthetic_map(300, emotion_lane=True)
    layout = compute_layout(journey)
    for curve in layout.emotion_curves:  # drawn once, as the canvas would
        assert curve.points and curve.segments
    lane = layout.emotion_lane
    assert lane is not None
    above = next(box.lane.id for box in layout.lanes if box.row.y < lane.row.y)
    cards = [c for c in journey.cards() if c.lane_id == above]
    tall = max(cards, key=lambda c: layout.cards[c.id].rect.bottom).stage_id  # the row's
    card = min((c for c in cards if c.stage_id == tall and c.emotions),
               key=lambda c: layout.cards[c.id].rect.height)  # fmt: skip
    stages = journey.stages.ids()
    target = stages[(stages.index(card.stage_id) + 1) % len(stages)]
    edits = [
        lambda: journey.update(Entity.CARD, card.id, title=" ".join(["wrap me"] * 40)),
        lambda: journey.move_cards([card.id], target, card.lane_id, 0),
    ]
    for edit in edits:
        edit()
        with segments_worked_out(monkeypatch) as worked:
            before, layout = layout, compute_layout(journey, previous=layout)
            assert worked == []
            assert layout.emotion_lane is not None and before.emotion_lane is not None
            assert layout.emotion_lane.row.y > before.emotion_lane.row.y  # (the title's)
            fresh = compute_layout(journey)
            for ours, theirs in zip(layout.emotion_curves, fresh.emotion_curves, strict=True):
                for index in theirs.stages():
                    assert ours.stage_points(index) == theirs.stage_points(index)
                    assert ours.stage_segments(index) == theirs.stage_segments(index)
                    left, top, right, bottom = ours.segment_bounds(index)
                    for seg in ours.stage_segments(index):
                        for x, y in (seg.p0, seg.c1, seg.c2, seg.p3):
                            assert left <= x <= right and top <= y <= bottom
            assert sum(worked) > 0
        assert layout.emotion_curves == fresh.emotion_curves


def test_a_lane_that_moved_keeps_each_stages_range_of_scores_for_its_bounds() -> None:
    """The bounds a view gives a stage's points and segments come from the stage's lowest
    and highest score: a curve that moved with its lane takes them over (no stage's
    marks walked again) and its bounds equal those of a layout made from scratch."""
    from factories import synthetic_map

    journey = synthetic_map(300, emotion_lane=True)
    layout = compute_layout(journey)
    lane = layout.emotion_lane
    assert lane is not None
    for curve in layout.emotion_curves:
        for index in curve.stages():
            curve.point_bounds(index)
    above = next(box.lane.id for box in layout.lanes if box.row.y < lane.row.y)
    cards = [c for c in journey.cards() if c.lane_id == above]
    tall = max(cards, key=lambda c: layout.cards[c.id].rect.bottom)
    journey.update(Entity.CARD, tall.id, title=" ".join(["wrap me"] * 40))
    moved = compute_layout(journey, previous=layout)
    assert moved.emotion_lane is not None and moved.emotion_lane.row.y > lane.row.y
    fresh = compute_layout(journey)
    for old, new, theirs in zip(
        layout.emotion_curves, moved.emotion_curves, fresh.emotion_curves, strict=True
    ):
        assert new.ys != old.ys and new._scores == old._scores  # taken over
        for index in theirs.stages():
            assert new.point_bounds(index) == theirs.point_bounds(index)
            assert new.segment_bounds(index) == theirs.segment_bounds(index)


def test_a_stage_whose_neighbours_points_moved_works_out_only_its_segments_beside_them() -> None:
    """A curve built on one a view drew takes over the segments of the stages whose marks
    it kept, working out again those next to a neighbour's point that moved (a stage's
    first segment, its last two): equal to a curve from scratch, down to a last stage with
    a single point (no segment starts there) and a stage with two."""
    from factories import synthetic_map

    journey = synthetic_map(60, emotion_lane=True)
    stages = journey.stages.ids()
    last = stages[-1]
    personas = journey.personas.ids()
    scored = [c for c in journey.cards() if c.stage_id == last and c.emotions]
    for card in scored[1:]:  # the last stage: a single point on each curve
        journey.update(Entity.CARD, card.id, emotions={})
    journey.update(Entity.CARD, scored[0].id, emotions={p: 1 for p in personas})
    layout = compute_layout(journey)
    edits = []
    for stage in stages[:-1]:
        cards = [c for c in journey.cards() if c.stage_id == stage and c.emotions]
        edits += [(cards[0].id, -3), (cards[-1].id, 3), (cards[-1].id, -2), (cards[0].id, 2)]
    for card_id, score in edits:
        for curve in layout.emotion_curves:  # drawn, stage by stage, as a view would
            for index in curve.stages():
                curve.stage_segments(index)
        journey.update(Entity.CARD, card_id, emotions={p: score for p in personas})
        before, layout = layout, compute_layout(journey, previous=layout)
        fresh = compute_layout(journey)
        for old, ours, theirs in zip(
            before.emotion_curves, layout.emotion_curves, fresh.emotion_curves, strict=True
        ):
            assert len(ours.marks[-1]) == 1
            for index in theirs.stages():
                assert ours.stage_segments(index) == theirs.stage_segments(index)
                if ours.marks[index] is old.marks[index]:  # its own points stayed
                    kept = [
                        a is b
                        for a, b in zip(
                            old.stage_segments(index), ours.stage_segments(index), strict=True
                        )
                    ]
                    assert all(kept[1:-2])  # fmt: skip
        assert repr(layout.emotion_curves) == repr(fresh.emotion_curves)


@pytest.mark.parametrize(("card_id", "score"), [("t1", -3), ("p1", 2), ("t2", 3), ("o2", 0)])
def test_a_curve_with_a_new_score_is_the_one_the_layout_makes_once_it_is_set(
    card_id: str, score: int
) -> None:
    """What a dragged point shows on the way (``with_score``) is the curve the map gets
    when the drop sets the score: a scored card rescored, or an unscored one scored."""
    from factories import sample_map
    from mapper.layout.emotion import with_score

    journey = _with_emotion_lane(sample_map())
    before = compute_layout(journey)
    maya = next(c for c in before.emotion_curves if c.persona.id == "maya")
    shown = with_score(maya, card_id, score, before.emotion_slots[card_id])
    card = journey.card(card_id)
    journey.update(Entity.CARD, card_id, emotions={**card.emotions, "maya": score})
    after = next(c for c in compute_layout(journey).emotion_curves if c.persona.id == "maya")
    assert shown.points == after.points
    assert shown.segments == after.segments
    assert (
        maya.points == next(c for c in before.emotion_curves if c.persona.id == "maya").points
    )  # the curve it was made from is untouched


def _turns_back(curve) -> list:
    """The segments of ``curve`` that may go back along x (a control point beyond an end:
    the line loops back before it goes on; with both between the ends it never does)."""
    return [s for _, s in curve.segments
            if not (s.p0[0] <= s.c1[0] <= s.p3[0] and s.p0[0] <= s.c2[0] <= s.p3[0])]  # fmt: skip


def test_a_curve_never_turns_back_beside_a_long_step_to_a_far_stage() -> None:
    from factories import sample_map

    journey = _with_emotion_lane(sample_map())
    for i in range(8):  # stages no one scored between the second and the last
        journey.insert(2 + i, Stage(f"gap{i}", f"Gap {i}"))
    journey.update(Entity.CARD, "t4", emotions={"maya": 1})
    maya = next(c for c in compute_layout(journey).emotion_curves if c.persona.id == "maya")
    assert len(maya.points) == 4 and not _turns_back(maya)


@settings(max_examples=30, deadline=None)
@given(journey_maps())
def test_no_curve_turns_back_along_x(journey: JourneyMap) -> None:
    if not any(lane.kind is LaneKind.EMOTION for lane in journey.lanes):
        journey.add(Lane("emotion", "Feeling", LaneKind.EMOTION))
    for curve in compute_layout(journey).emotion_curves:
        assert not _turns_back(curve)
