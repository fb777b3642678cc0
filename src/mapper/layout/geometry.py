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
