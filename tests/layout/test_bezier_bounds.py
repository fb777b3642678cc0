"""The bounds of a flow's curve: what the canvas files the flow under in its item index."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mapper.layout.geometry import Bezier, Rect, bezier_bounds
from mapper.layout.grid import route

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
