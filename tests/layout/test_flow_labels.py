"""Flow labels and loop-backs, shared by the canvas and every export."""

from __future__ import annotations

from pathlib import Path

import pytest
from drawn_text import meet, title_rects
from layout_maps import grow_first_row

from factories import synthetic_map
from mapper.fileformat.io import load_journey
from mapper.layout import compute_layout
from mapper.layout.badges import badge_row
from mapper.layout.geometry import Rect
from mapper.layout.labels import flow_labels
from mapper.layout.routes import route

ROOT = Path(__file__).resolve().parents[2]
MAPS = sorted(ROOT.glob("examples/*.journey")) + sorted(ROOT.glob("resources/templates/*.journey"))


@pytest.mark.parametrize("journey", [*(load_journey(p) for p in MAPS), synthetic_map(600, seed=2)],
                         ids=[*(p.stem for p in MAPS), "synthetic-600"])  # fmt: skip
def test_labels_cover_no_card_text_header_or_other_label(journey):
    layout = compute_layout(journey)
    style = layout.style
    labels = flow_labels(layout)
    placed = [label.rect for label in labels if label.clear]
    assert len(labels) == sum(1 for r in layout.flows if r.flow.label.strip())
    assert len(placed) >= 0.9 * len(labels)  # hardly any label finds no free spot
    words = title_rects(layout)
    words += [row for box in layout.cards.values() if (row := badge_row(box, style)) is not None]
    for i, r in enumerate(placed):
        assert r.x >= style.lane_header_width and r.y >= style.stage_header_height
        assert not any(meet(r, w) for w in words)
        assert not any(meet(r, other) for other in placed[i + 1 :])


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_every_label_of_the_examples_finds_a_place(path):
    layout = compute_layout(load_journey(path))
    assert all(label.clear for label in flow_labels(layout))


def _control_span(curve) -> tuple[float, float]:
    ys = [curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1]]
    return min(ys), max(ys)


def test_loop_backs_never_run_through_the_emotion_lane():
    band = (400.0, 590.0)
    below = (Rect(700, 620, 200, 60), Rect(300, 640, 200, 60))  # from right to left
    above = (Rect(700, 300, 200, 60), Rect(300, 330, 200, 60))
    for a, b in (below, above):
        curve = route(a, b, band, 64)
        top, bottom = _control_span(curve)
        assert bottom <= band[0] or top >= band[1], curve
    # just under the stage headers: the loop goes under its cards, not into the headers
    curve = route(Rect(700, 74, 200, 60), Rect(300, 74, 200, 60), band, 64)
    assert _control_span(curve)[0] >= 64


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_loop_backs_in_the_examples_keep_out_of_the_emotion_lane(path):
    layout = compute_layout(load_journey(path))
    lane = layout.emotion_lane
    if lane is None:
        return
    band = (lane.row.y, lane.row.bottom)
    for r in layout.flows:
        c = r.curve
        if c.p3[0] >= c.p0[0] - 1:
            continue  # forward flows cross lanes where their cards are
        ends = (c.p0[1], c.p3[1])
        if all(y <= band[0] for y in ends) or all(y >= band[1] for y in ends):
            top, bottom = _control_span(c)
            assert bottom <= band[0] or top >= band[1], r.flow.id


def test_labels_an_edit_does_not_disturb_stay_where_they_were():
    from mapper.model import Entity

    journey = synthetic_map(300)
    before = compute_layout(journey)
    known = flow_labels(before)
    card = next(c for c in journey.cards() if not journey.flows_of(c.id))
    journey.update(Entity.CARD, card.id, title=card.title + " and a little more")
    after = compute_layout(journey, previous=before)
    placed = flow_labels(after, before, known)
    fresh = flow_labels(after)
    assert [(p.flow_id, p.text) for p in placed] == [(p.flow_id, p.text) for p in fresh]
    kept = {id(label) for label in known}
    assert sum(id(label) in kept for label in placed) >= len(placed) * 0.8
    clear = [p.rect for p in placed if p.clear]
    for i, a in enumerate(clear):
        for b in clear[i + 1 :]:
            assert not (a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom)


def _moved_as_a_whole(a, b) -> bool:
    dx, dy = b.p0[0] - a.p0[0], b.p0[1] - a.p0[1]
    pairs = ((a.c1, b.c1), (a.c2, b.c2), (a.p3, b.p3))
    return all(abs(q[0] - p[0] - dx) < 0.01 and abs(q[1] - p[1] - dy) < 0.01 for p, q in pairs)


def test_labels_of_flows_that_moved_as_a_whole_move_with_them(monkeypatch):
    """A card growing at the top of the tallest cell pushes every lane below it down: the
    labels of flows there move down with their curves, with no search for a new spot."""

    journey = synthetic_map(300, seed=2)
    before = compute_layout(journey)
    known = flow_labels(before)
    after = grow_first_row(journey, before)
    dy = after.lanes[1].row.y - before.lanes[1].row.y
    assert dy > 0  # the lanes below moved down

    old_routes = {r.flow.id: r.curve for r in before.flows}
    moved = {
        r.flow.id
        for r in after.flows
        if r.flow.label.strip()
        and r.flow.id in old_routes
        and old_routes[r.flow.id] != r.curve
        and _moved_as_a_whole(old_routes[r.flow.id], r.curve)
    }
    assert len(moved) >= 10
    searched = _count_searches(monkeypatch)
    placed = flow_labels(after, before, known)
    old_labels = {label.flow_id: label for label in known}
    by_id = {label.flow_id: label for label in placed}
    followed = [
        flow_id
        for flow_id in moved
        if old_labels[flow_id].clear
        and by_id[flow_id].rect.y == pytest.approx(old_labels[flow_id].rect.y + dy)
        and by_id[flow_id].rect.x == pytest.approx(old_labels[flow_id].rect.x)
    ]
    assert len(followed) >= 0.8 * len(moved)
    new_curves = {r.flow.id: r.curve for r in after.flows}
    assert not any(new_curves[flow_id] in searched for flow_id in followed)
    words = title_rects(after)
    for flow_id in followed:  # moved as it was, yet clear of every title
        assert not any(meet(by_id[flow_id].rect, w) for w in words)
    clear = [p.rect for p in placed if p.clear]
    for i, a in enumerate(clear):
        assert not any(meet(a, b) for b in clear[i + 1 :])


def test_labels_of_rerouted_flows_keep_their_point_along_the_curve(monkeypatch):
    """A card moved to the next stage reroutes its flows and moves the cards below it:
    labels of flows whose curves changed shape stay at the same point along their
    curve, found without a search, and still clear of every title and label."""
    from mapper.layout.labels import CANDIDATES
    from mapper.layout.routes import bezier_point

    journey = synthetic_map(600, seed=2)
    before = compute_layout(journey)
    known = flow_labels(before)
    by_flow = {label.flow_id: label for label in known}
    stages = journey.stages.ids()
    labelled = [f for f in journey.flows() if f.label.strip() and by_flow[f.id].clear]
    card = journey.card(labelled[len(labelled) // 2].source)
    target = stages[(stages.index(card.stage_id) + 1) % len(stages)]
    journey.move_cards([card.id], target, card.lane_id, 0)
    after = compute_layout(journey, previous=before)
    old_curves = {r.flow.id: r.curve for r in before.flows}
    reshaped = [
        r
        for r in after.flows
        if r.flow.id in by_flow
        and by_flow[r.flow.id].clear
        and not _moved_as_a_whole(old_curves[r.flow.id], r.curve)
    ]
    assert len(reshaped) >= 5
    searched = _count_searches(monkeypatch)
    placed = {label.flow_id: label for label in flow_labels(after, before, known)}
    unsearched = [r for r in reshaped if r.curve not in searched]
    assert len(unsearched) >= 2  # (the others hit a title where they would land)
    for r in unsearched:
        label = placed[r.flow.id]
        middle = label.rect.x + label.rect.width / 2
        points = [bezier_point(r.curve, t)[0] for t in CANDIDATES]
        # at a point of its curve, or just beside a stage boundary it keeps off
        assert min(abs(middle - x) for x in points) <= label.rect.width / 2 + 4
    words = title_rects(after)
    clear = [p.rect for p in placed.values() if p.clear]
    for i, a in enumerate(clear):
        assert not any(meet(a, b) for b in clear[i + 1 :])
    for r in unsearched:
        assert not any(meet(placed[r.flow.id].rect, w) for w in words)


def _moves_to_the_next_stage(monkeypatch) -> tuple[int, int]:
    """Four cards moved to the next stage, one by one, their labels placed after each
    move on those before: how many labels were carried to another spot at the same
    point of their curve (checked), and how many were searched again."""
    from mapper.layout import labels as labels_module
    from mapper.layout.label_grids import text_boxes
    from mapper.layout.label_moves import carried_spot
    from mapper.layout.routes import bezier_point

    searched = _count_searches(monkeypatch)
    journey = synthetic_map(600, seed=2)
    before = compute_layout(journey)
    known = flow_labels(before)
    searched.clear()  # (every label, placed first)
    stages = journey.stages.ids()
    nudged = []
    for n in range(4):
        by_flow = {label.flow_id: label for label in known}
        labelled = [f for f in journey.flows() if f.label.strip() and by_flow[f.id].clear]
        card = journey.card(labelled[(n + 1) * len(labelled) // 5].source)
        target = stages[(stages.index(card.stage_id) + 1) % len(stages)]
        journey.move_cards([card.id], target, card.lane_id, 0)
        after = compute_layout(journey, previous=before)
        count = len(searched)
        known = flow_labels(after, before, known)
        placed = {label.flow_id: label for label in known}
        edges = sorted(box.column.x for box in after.stages)[1:]
        old_routes, new_routes = before.routes_by_id(), after.routes_by_id()
        style = after.style
        words = title_rects(after)
        ink = [  # titles, metrics lines and badge rows, as labels keep off them
            Rect(a, b, c - a, d - b)
            for box in after.cards.values()
            for a, b, c, d in text_boxes(box, style)
        ]
        lines = [Rect(b.x0, b.y - 1.5, b.x1 - b.x0, 3.0) for b in after.blueprint]
        clear = [p.rect for p in placed.values() if p.clear]
        moved = 0
        for flow_id, label in placed.items():
            old, new = old_routes.get(flow_id), new_routes.get(flow_id)
            if (
                old is None
                or new is None
                or old.curve == new.curve
                or new.curve in searched[count:]
            ):
                continue
            carried = carried_spot(old.curve, new.curve, by_flow[flow_id].rect, edges)
            if carried is None or label.rect == carried:
                continue
            moved += 1
            r = label.rect
            assert r.x == carried.x and r.width == carried.width  # at the same point
            steps = (r.y - carried.y) / 16
            assert abs(steps - round(steps)) < 0.01 and 1 <= abs(round(steps)) <= 8
            middles = [bezier_point(new.curve, t) for t in labels_module.CANDIDATES]
            assert min(abs(r.y + r.height / 2 - y) for _, y in middles) <= 64.01
            assert any(meet(carried, w) for w in ink + lines) or any(
                meet(carried, other) for other in clear if other != r
            )  # where it would have landed was taken
            assert not any(meet(r, w) for w in ink + lines)
            assert not any(meet(r, w) for w in words)
            assert not any(meet(r, other) for other in clear if other != r)
        nudged.append(moved)
        before = after
    return sum(nudged), len(searched)


def test_a_carried_label_on_text_moves_to_a_free_spot_at_the_same_point_of_its_curve(
    monkeypatch,
):
    """Cards moved to the next stage reshape their flows and those of the cards below
    them: a label whose spot at the same point of its new curve lies on text takes the
    nearest free spot above or below that point, clear of text and labels, instead of a
    search of every spot, so labels jump little and an edit costs what it disturbs."""
    from mapper.layout import labels as labels_module

    nudged, searched = _moves_to_the_next_stage(monkeypatch)
    monkeypatch.setattr(labels_module, "_nudged", lambda *args: None)
    none, searched_before = _moves_to_the_next_stage(monkeypatch)
    assert none == 0 and nudged >= 6
    assert searched <= searched_before / 2  # (the others: new flows, or no spot near)


def _count_searches(monkeypatch) -> list:
    """The curves of the labels placed by a search of spots from now on (one each)."""
    from mapper.layout import labels as labels_module

    searched = []
    spots = labels_module.Spots

    class CountingSpots(spots):
        def __init__(self, curve, width, body):
            searched.append(curve)
            super().__init__(curve, width, body)

    monkeypatch.setattr(labels_module, "Spots", CountingSpots)
    return searched
