"""A label's spots are searched column by column (the spots at one point of its curve):
what lies there is looked up once per column, and the spot found is the one a look at
each spot in turn finds."""

from __future__ import annotations

import random

from factories import synthetic_map
from mapper.layout import compute_layout, label_grids, label_spots, labels
from mapper.layout.geometry import Rect
from mapper.layout.label_grids import LabelGrid, card_grids
from mapper.layout.label_moves import CANDIDATES, LABEL_HEIGHT, OFFSETS, beside
from mapper.layout.routes import bezier_point


def _spot_by_spot(curve, width, body, avoid, grid, edges, limit):
    """The first free spot, every spot made and checked on its own."""
    h = LABEL_HEIGHT
    spots = []
    for t in CANDIDATES:
        x, y = bezier_point(curve, t)
        x -= width / 2
        if not body.x <= x <= body.x + body.width - width:
            continue
        for dy in OFFSETS:
            y0 = y + dy - h / 2
            if body.y <= y0 <= body.y + body.height - h:
                spots.append(Rect(x, y0, width, h))
    for i, r in enumerate(spots):
        if limit and i >= limit:
            break
        for spot in beside(r, edges) if edges is not None else (r,):
            if not avoid.hits(spot) and not grid.hits(spot):
                return spot
    return None


def _placing(journey):
    layout = compute_layout(journey)
    body, edges = label_spots.label_area(layout)
    return layout, body, edges


def test_a_column_search_finds_the_spot_a_look_at_each_spot_finds():
    journey = synthetic_map(600, seed=3)
    layout, body, edges = _placing(journey)
    cards, texts = card_grids(layout, None)
    grid = LabelGrid()
    rng = random.Random(5)
    found = {True: 0, False: 0}
    for n, route in enumerate(layout.flows):
        for width in (40.0, 90.0, rng.uniform(20, 158)):
            for avoid in (cards, texts):
                for cut in (edges, None):
                    for limit in (0, labels.NEAR, 5):
                        spots = label_spots.Spots(route.curve, width, body)
                        got = label_spots.first_free(spots, avoid, grid, cut, limit)
                        want = _spot_by_spot(route.curve, width, body, avoid, grid, cut, limit)
                        assert got == want, (route.flow.id, width, avoid.text, cut, limit)
                        found[got is not None] += 1
        if n % 3 == 0:  # labels placed so far, in the way of the next ones
            x, y = bezier_point(route.curve, rng.choice(CANDIDATES))
            grid.add(route.flow.id, Rect(x - 30, y - 6.5 + rng.choice(OFFSETS), 60, LABEL_HEIGHT))
    assert found[True] > 1000 and found[False] > 100  # spots found, and spots all taken


def test_a_label_placed_afresh_asks_each_column_once_and_no_spot_alone(monkeypatch):
    journey = synthetic_map(600, seed=3)
    layout, _, _ = _placing(journey)
    asked: list[tuple] = []
    alone: list[Rect] = []
    for kind in (label_grids.CardIndex, label_grids.LabelGrid):
        real_spans, real_hits = kind.spans, kind.hits
        monkeypatch.setattr(
            kind, "spans", lambda s, *a, real=real_spans: (asked.append((id(s), a)), real(s, *a))[1]
        )
        monkeypatch.setattr(
            kind, "hits", lambda s, r, real=real_hits: (alone.append(r), real(s, r))[1]
        )
    placed = labels.flow_labels(layout)
    assert len(placed) > 100
    assert alone == []
    assert len(asked) == len(set(asked))  # each column asked once per pass, not per spot
    assert len(asked) < 2 * 4 * len(CANDIDATES) * len(placed)


def test_a_label_at_any_spot_of_its_curve_keeps_that_point_on_the_new_curve():
    """``same_spot`` finds the point along the curve (and the offset above or below it)
    of a label at any spot it was offered, and none for a label at no such spot."""
    from mapper.layout.geometry import Bezier
    from mapper.layout.label_moves import same_spot

    rng = random.Random(7)
    for _ in range(60):
        points = [(rng.uniform(0, 900), rng.uniform(0, 700)) for _ in range(4)]
        old = Bezier(*points)
        new = Bezier(*((x + rng.uniform(-40, 40), y + rng.uniform(-40, 40)) for x, y in points))
        width = rng.uniform(20, 158)
        for t in CANDIDATES:
            x, y = bezier_point(old, t)
            nx, ny = bezier_point(new, t)
            for dy in OFFSETS:
                r = Rect(x - width / 2, y + dy - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
                found = same_spot(old, new, r, [])
                earlier = [
                    u
                    for u in CANDIDATES[: CANDIDATES.index(t)]
                    if any(abs(bezier_point(old, u)[1] + d - (y + dy)) < 0.01 for d in OFFSETS)
                    and abs(bezier_point(old, u)[0] - x) <= width + 4
                ]
                if earlier:
                    continue  # (two points of the curve this near: the first is taken)
                assert found == Rect(nx - width / 2, r.y + ny - y, width, LABEL_HEIGHT)
                off = Rect(r.x, r.y + 5.0, width, LABEL_HEIGHT)  # between two spots
                if not any(
                    abs(bezier_point(old, u)[1] + d - (off.y + LABEL_HEIGHT / 2)) < 0.01
                    for u in CANDIDATES
                    for d in OFFSETS
                ):
                    assert same_spot(old, new, off, []) is None


def test_the_points_a_label_is_carried_by_are_the_curves_own():
    """The points of a curve at each spot's place along it, worked out with weights made
    once, are those ``bezier_point`` gives, to the last bit."""
    from mapper.layout.geometry import Bezier
    from mapper.layout.label_moves import _WEIGHTS, _point

    rng = random.Random(3)
    for _ in range(300):
        curve = Bezier(*((rng.uniform(-50, 3000), rng.uniform(-50, 9000)) for _ in range(4)))
        for weights in _WEIGHTS:
            assert _point(curve, weights) == bezier_point(curve, weights[0])
