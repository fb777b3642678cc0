"""A flow's curve: its bounds (what the canvas files the flow under in its item index) and
whether a point is near it (what hovering and clicking ask of thousands of flows)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from mapper.layout.geometry import Bezier, Rect, bezier_bounds, near_bezier
from mapper.layout.routes import route

coord = st.floats(-1e5, 1e5, allow_nan=False, allow_infinity=False)
point = st.tuples(coord, coord)


def _at(curve: Bezier, t: float) -> tuple[float, float]:
    mt = 1 - t
    a, b, c, d = mt**3, 3 * mt * mt * t, 3 * mt * t * t, t**3
    return (
        a * curve.p0[0] + b * curve.c1[0] + c * curve.c2[0] + d * curve.p3[0],
        a * curve.p0[1] + b * curve.c1[1] + c * curve.c2[1] + d * curve.p3[1],
    )


@given(point, point, point, point)
def test_bounds_hold_the_whole_curve_and_touch_it(p0, c1, c2, p3):
    curve = Bezier(p0, c1, c2, p3)
    left, top, right, bottom = bezier_bounds(curve)
    samples = [_at(curve, i / 400) for i in range(401)]
    slack = 1e-6 * (1 + max(abs(v) for p in (p0, c1, c2, p3) for v in p))
    for x, y in samples:
        assert left - slack <= x <= right + slack and top - slack <= y <= bottom + slack
    # tight: each side is reached by the curve (to within the sampling step)
    step = max(right - left, bottom - top) / 100 + slack
    assert min(x for x, _ in samples) <= left + step and max(x for x, _ in samples) >= right - step
    assert min(y for _, y in samples) <= top + step and max(y for _, y in samples) >= bottom - step


def test_a_loop_back_is_bounded_by_its_arc_not_its_control_points():
    curve = route(Rect(1000, 500, 200, 80), Rect(200, 500, 200, 80))  # backwards: over the top
    left, top, right, bottom = bezier_bounds(curve)
    assert top > curve.c1[1]  # the arc peaks below its control points
    assert (left, right, bottom) == (300.0, 1100.0, 500.0)


def _distance(curve: Bezier, x: float, y: float) -> float:
    def off(t: float) -> float:
        px, py = _at(curve, min(1.0, max(0.0, t)))
        return ((px - x) ** 2 + (py - y) ** 2) ** 0.5

    # then finer around the best few: a curve that races past its far end (huge control
    # points) can come nearest between two samples next to a sample that is not the best
    best = sorted(range(2001), key=lambda i: off(i / 2000))[:4]
    return min(off((b - 1 + i / 1000) / 2000) for b in best for i in range(2001))


@given(point, point, point, point, st.floats(0, 1), st.floats(-12, 12), st.floats(-12, 12))
@example(  # coordinates so small that the roots' thresholds underflowed: a division by 0
    (2.225073858507203e-309, 0.0), (2.225073858507203e-309, 0.0),
    (2.225073858507203e-309, 0.0), (2.225073858507203e-309, 11.0), 0.71875, 0.0, 1.0,
)  # fmt: skip
def test_near_bezier_finds_points_by_the_curve_and_not_away_from_it(p0, c1, c2, p3, t, dx, dy):
    curve = Bezier(p0, c1, c2, p3)
    px, py = _at(curve, t)
    x, y = px + dx, py + dy
    distance = _distance(curve, x, y)
    if distance <= 2.5:
        assert near_bezier(curve, x, y, 5)
    if distance >= 12:  # "about": the tangent stands in for the curve where it bends
        assert not near_bezier(curve, x, y, 5)


def test_a_loop_back_is_hit_on_its_arc_not_inside_it():
    curve = route(Rect(1000, 500, 200, 80), Rect(200, 500, 200, 80))
    left, top, right, _ = bezier_bounds(curve)
    assert near_bezier(curve, (left + right) / 2, top + 2, 5)  # on the arc's peak
    assert near_bezier(curve, left + 1, 480, 5)  # on its left leg
    assert not near_bezier(curve, (left + right) / 2, 450, 5)  # inside the arch


def test_a_point_where_the_tangent_runs_on_past_a_bend_or_an_end_is_not_near():
    """Found by the property above: the tangent where a line through the point meets the
    curve passes the point, but the curve bends away (or stops) before it gets there."""
    bend = Bezier((0.0, 0.0), (0.0, 0.0), (0.0, 6.0), (41.0, 10.0))
    assert not near_bezier(bend, -9.0, 9.0, 5)  # 12.5 from the curve
    assert near_bezier(bend, -2.0, 2.0, 5)
    end = Bezier((2.0, -6.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0))
    assert not near_bezier(end, 1.0, -18.0, 5)  # 12.0 from its end at (2, -6)
    assert near_bezier(end, 1.0, -3.5, 5)


def test_a_point_level_with_a_flows_flat_end_is_not_near_it_from_afar():
    """A flow's S-curve runs level into its ends: there a line through a point almost level
    with the end meets the curve where its tangent runs level too, passing the point even
    far from the curve (a click 88 px away used to hit the flow)."""
    s_curve = Bezier((0.0, 140.0), (380.0, 140.0), (380.0, 0.0), (760.0, 0.0))
    assert not near_bezier(s_curve, 315.0, 0.1, 5)  # 88 from the curve
    assert not near_bezier(s_curve, 445.0, 139.9, 5)
    assert near_bezier(s_curve, 700.0, 0.1, 5)
    assert near_bezier(s_curve, 380.0, 73.0, 5)


def test_a_point_just_past_a_tip_is_near():
    """Found by the property above: past the tip of a tight turn neither line through the
    point meets the curve."""
    tip = Bezier((0.0, 0.0), (0.0, 0.0), (6.0, 1.0), (0.0, 0.0))
    assert near_bezier(tip, 5.0, 1.0, 5)  # 2.4 from the tip at about (2.7, 0.4)
    assert not near_bezier(tip, 9.0, 6.0, 5)


def test_a_point_beyond_a_curve_end_along_its_tangent_is_not_near():
    """Found by the property above: the tangent at an end runs on past the curve."""
    curve = Bezier((-1.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 1.0))
    assert not near_bezier(curve, -13.0, 0.0, 5)
    assert near_bezier(curve, -4.0, 0.0, 5)
