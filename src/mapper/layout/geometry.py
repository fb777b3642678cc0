"""Plain geometry values shared by the canvas and the exporters."""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: Point) -> bool:
        px, py = point
        return self.x <= px <= self.right and self.y <= py <= self.bottom


@dataclass(frozen=True, slots=True)
class Bezier:
    """A cubic Bezier segment: start, two control points, end."""

    p0: Point
    c1: Point
    c2: Point
    p3: Point


def smooth_curve(points: list[Point], tension: float = 1.0) -> list[Bezier]:
    """Cubic segments through ``points`` (Catmull-Rom), one segment per gap.

    The curve never overshoots vertically more than the neighbouring points because the
    control points' y is clamped between the segment's ends.
    """
    segments = []
    for i in range(len(points) - 1):
        p0, p1 = points[i], points[i + 1]
        before = points[i - 1] if i > 0 else p0
        after = points[i + 2] if i + 2 < len(points) else p1
        c1 = (p0[0] + (p1[0] - before[0]) * tension / 6, p0[1] + (p1[1] - before[1]) * tension / 6)
        c2 = (p1[0] - (after[0] - p0[0]) * tension / 6, p1[1] - (after[1] - p0[1]) * tension / 6)
        low, high = min(p0[1], p1[1]), max(p0[1], p1[1])
        c1 = (c1[0], min(max(c1[1], low), high))
        c2 = (c2[0], min(max(c2[1], low), high))
        segments.append(Bezier(p0, c1, c2, p1))
    return segments


def bezier_bounds(curve: Bezier) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` of the curve itself (not of its control points)."""
    xs = _axis_extent(curve.p0[0], curve.c1[0], curve.c2[0], curve.p3[0])
    ys = _axis_extent(curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1])
    return xs[0], ys[0], xs[1], ys[1]


def _axis_extent(p0: float, p1: float, p2: float, p3: float) -> tuple[float, float]:
    low, high = min(p0, p3), max(p0, p3)
    if low <= p1 <= high and low <= p2 <= high:
        return low, high  # control points inside the ends: the curve is too
    # where the derivative 3(a t^2 + b t + c) is zero, the coordinate turns
    a, b, c = -p0 + 3 * p1 - 3 * p2 + p3, 2 * (p0 - 2 * p1 + p2), p1 - p0
    if abs(a) < 1e-12:
        roots = [-c / b] if abs(b) > 1e-12 else []
    else:
        disc = b * b - 4 * a * c
        if disc < 0:
            roots = []
        else:
            root = disc**0.5
            roots = [(-b + root) / (2 * a), (-b - root) / (2 * a)]
    for t in roots:
        if 0 < t < 1:
            mt = 1 - t
            v = mt**3 * p0 + 3 * mt * mt * t * p1 + 3 * mt * t * t * p2 + t**3 * p3
            low, high = min(low, v), max(high, v)
    return low, high
