"""Plain geometry values shared by the canvas and the exporters."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in layout units (scene pixels at 100% zoom)."""

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

    def intersects(self, other: Rect) -> bool:
        """Whether the two overlap by more than an edge."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

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


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """How to set each field of a frozen slotted dataclass directly, in field order.

    Its ``__init__`` sets each field through ``object.__setattr__`` (its own refuses):
    the layout's loops that make thousands of boxes and curves per edit set the slots
    directly instead (:func:`rect`, :func:`bezier`), in about half the time."""
    return tuple(getattr(cls, f.name).__set__ for f in fields(cls))


_new = object.__new__
_RECT = slot_setters(Rect)
_BEZIER = slot_setters(Bezier)


def rect(x: float, y: float, width: float, height: float) -> Rect:
    """``Rect(x, y, width, height)``, made faster (see :func:`slot_setters`)."""
    r = _new(Rect)
    set_x, set_y, set_width, set_height = _RECT
    set_x(r, x)
    set_y(r, y)
    set_width(r, width)
    set_height(r, height)
    return r


def bezier(p0: Point, c1: Point, c2: Point, p3: Point) -> Bezier:
    """``Bezier(p0, c1, c2, p3)``, made faster (see :func:`slot_setters`)."""
    b = _new(Bezier)
    set_p0, set_c1, set_c2, set_p3 = _BEZIER
    set_p0(b, p0)
    set_c1(b, c1)
    set_c2(b, c2)
    set_p3(b, p3)
    return b


def smooth_curve(points: list[Point], tension: float = 1.0) -> list[Bezier]:
    """Cubic segments through ``points`` (Catmull-Rom), one segment per gap.

    The curve never overshoots vertically more than the neighbouring points because the
    control points' y is clamped between the segment's ends; their x is too, so a curve
    through points that never go back along x never turns back either.
    """
    return smooth_segments(points, range(len(points) - 1), tension)


def smooth_segments(
    points: Sequence[Point], indices: Iterable[int], tension: float = 1.0
) -> list[Bezier]:
    """The segments of :func:`smooth_curve` through ``points`` that start at ``indices``
    (the same curves: a curve whose points changed in a few places is remade there)."""
    segments: list[Bezier] = []
    append, n = segments.append, len(points)
    set_p0, set_c1, set_c2, set_p3 = _BEZIER  # (see bezier: thousands per edit)
    for i in indices:
        p0, p1 = points[i], points[i + 1]
        before = points[i - 1] if i > 0 else p0
        after = points[i + 2] if i + 2 < n else p1
        y0, y1 = p0[1], p1[1]
        c1y = y0 + (y1 - before[1]) * tension / 6
        c2y = y1 - (after[1] - y0) * tension / 6
        if y0 <= y1:  # the control points' y clamped between the ends'
            c1y = y0 if c1y < y0 else y1 if c1y > y1 else c1y
            c2y = y0 if c2y < y0 else y1 if c2y > y1 else c2y
        else:
            c1y = y1 if c1y < y1 else y0 if c1y > y0 else c1y
            c2y = y1 if c2y < y1 else y0 if c2y > y0 else c2y
        # and their x too (points never go back along x): a short step beside a long
        # one (the stage after the next is scored) turned back on itself in a loop
        x0, x1 = p0[0], p1[0]
        c1x = x0 + (x1 - before[0]) * tension / 6
        c2x = x1 - (after[0] - x0) * tension / 6
        c1x = x1 if c1x > x1 else x0 if c1x < x0 else c1x
        c2x = x0 if c2x < x0 else x1 if c2x > x1 else c2x
        b = _new(Bezier)
        set_p0(b, p0)
        set_c1(b, (c1x, c1y))
        set_c2(b, (c2x, c2y))
        set_p3(b, p1)
        append(b)
    return segments


def bezier_bounds(curve: Bezier) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` of the curve itself (not of its control points)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve.p0, curve.c1, curve.c2, curve.p3
    if x0 <= x3:
        left, right = x0, x3
    else:
        left, right = x3, x0
    if not (left <= x1 <= right and left <= x2 <= right):  # (most routes' are inside)
        left, right = _axis_extent(x0, x1, x2, x3)
    if y0 <= y3:
        top, bottom = y0, y3
    else:
        top, bottom = y3, y0
    if not (top <= y1 <= bottom and top <= y2 <= bottom):
        top, bottom = _axis_extent(y0, y1, y2, y3)
    return left, top, right, bottom


def _axis_extent(p0: float, p1: float, p2: float, p3: float) -> tuple[float, float]:
    """The extremes of one coordinate of a cubic. Asked for most rerouted flows (their
    control points stick out: loops and brackets) by the thousand after an edit: plain
    products and ``math.sqrt``, not powers."""
    low, high = (p0, p3) if p0 <= p3 else (p3, p0)
    if low <= p1 <= high and low <= p2 <= high:
        return low, high  # control points inside the ends: the curve is too
    # where the derivative 3(a t^2 + b t + c) is zero, the coordinate turns
    a, b, c = p3 - p0 + 3.0 * (p1 - p2), 2.0 * (p0 - 2.0 * p1 + p2), p1 - p0
    if abs(a) <= 1e-9 * (abs(b) + abs(c)):  # (nearly) a parabola's derivative: linear
        if not b:
            return low, high
        roots: tuple[float, ...] = (-c / b,)
    else:
        disc = b * b - 4.0 * a * c
        if disc < 0:
            return low, high
        root = math.sqrt(disc)
        roots = ((-b + root) / (2.0 * a), (-b - root) / (2.0 * a))
    for t in roots:
        if 0.0 < t < 1.0:
            mt = 1.0 - t
            v = mt * mt * (mt * p0 + 3.0 * t * p1) + t * t * (3.0 * mt * p2 + t * p3)
            if v < low:
                low = v
            elif v > high:
                high = v
    return low, high


def near_bezier(curve: Bezier, x: float, y: float, tolerance: float) -> bool:
    """Whether the curve passes within ``tolerance`` of ``(x, y)``: where it crosses the
    vertical and the horizontal line through the point, the distance to its tangent there
    (exact for straight stretches), walked along the curve where the tangent's nearest
    point lies away from the crossing (where the curve may bend away or stop). A few
    microseconds, where stroking a long curve's outline to hit-test it took milliseconds."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve.p0, curve.c1, curve.c2, curve.p3
    if math.hypot(x - x0, y - y0) <= tolerance or math.hypot(x - x3, y - y3) <= tolerance:
        return True  # by an end, where the lines through the point may miss the curve
    cx, cy = 3 * (x1 - x0), 3 * (y1 - y0)
    bx, by = 3 * (x0 - 2 * x1 + x2), 3 * (y0 - 2 * y1 + y2)
    ax, ay = x3 - x0 + 3 * (x1 - x2), y3 - y0 + 3 * (y1 - y2)
    poly = (ax, bx, cx, x0, ay, by, cy, y0)
    crossed = 0  # the lines through the point that meet the curve
    for along, across in ((0, 1), (1, 0)):  # solve x(t) = x, then y(t) = y
        a, b, c, d = (ax, bx, cx, x0 - x) if along == 0 else (ay, by, cy, y0 - y)
        met = False
        for t in _cubic_roots(a, b, c, d):
            if not -1e-9 <= t <= 1 + 1e-9:
                continue
            met = True
            px = ((ax * t + bx) * t + cx) * t + x0
            py = ((ay * t + by) * t + cy) * t + y0
            if t < 1e-3 or t > 1 - 1e-3:
                # at an end the curve stops: the tangent would reach points beyond it
                if math.hypot(px - x, py - y) <= tolerance:
                    return True
                continue
            dx, dy = (3 * ax * t + 2 * bx) * t + cx, (3 * ay * t + 2 * by) * t + cy
            speed = math.hypot(dx, dy)
            off = (py - y) if across == 1 else (px - x)
            slope = abs(dx if across == 1 else dy) / speed if speed > 1e-12 else 1.0
            if abs(off) * slope > tolerance:
                continue
            ahead = abs((x - px) * dx + (y - py) * dy) / speed if speed > 1e-12 else 0.0
            if ahead <= tolerance or _near_from(poly, t, x, y, tolerance):
                return True
        crossed += met
    # a line through the point that misses the curve, as past a tip where the curve turns
    # in both directions at once: walk the curve from a few places, if it is that close
    if crossed < 2 and (
        min(x0, x1, x2, x3) - tolerance <= x <= max(x0, x1, x2, x3) + tolerance
        and min(y0, y1, y2, y3) - tolerance <= y <= max(y0, y1, y2, y3) + tolerance
    ):
        return any(_near_from(poly, t, x, y, tolerance) for t in (0.25, 0.5, 0.75))
    return False


def _near_from(poly: tuple[float, ...], t: float, x: float, y: float, tolerance: float) -> bool:
    """Whether the curve's point nearest ``(x, y)``, sought from ``t`` by a few Gauss-Newton
    steps along it (never past its ends), lies within ``tolerance``. ``poly``: the curve
    as x(t) and y(t), (ax, bx, cx, x0, ay, by, cy, y0), as :func:`near_bezier` has it."""
    ax, bx, cx, x0, ay, by, cy, y0 = poly
    for _ in range(6):
        px = ((ax * t + bx) * t + cx) * t + x0
        py = ((ay * t + by) * t + cy) * t + y0
        if math.hypot(px - x, py - y) <= tolerance:
            return True
        dx, dy = (3 * ax * t + 2 * bx) * t + cx, (3 * ay * t + 2 * by) * t + cy
        square = dx * dx + dy * dy
        if square < 1e-12:
            return False
        step = ((x - px) * dx + (y - py) * dy) / square
        t = min(1.0, max(0.0, t + step))
    return False


def _cubic_roots(a: float, b: float, c: float, d: float) -> list[float]:
    """Real roots of a t^3 + b t^2 + c t + d (Cardano), each polished by a Newton step."""
    scale = max(abs(a), abs(b), abs(c), abs(d))
    if scale == 0:
        return []
    # (<=: with coordinates so small that the thresholds underflow to 0, a 0 is still 0)
    if abs(a) <= 1e-9 * scale:
        if abs(b) <= 1e-9 * scale:
            return [-d / c] if abs(c) > 1e-12 * scale else []
        disc = c * c - 4 * b * d
        if disc < 0:
            return []
        root = math.sqrt(disc)
        return [(-c + root) / (2 * b), (-c - root) / (2 * b)]
    b, c, d = b / a, c / a, d / a
    shift = -b / 3
    p = c - b * b / 3
    q = 2 * b**3 / 27 - b * c / 3 + d
    disc = (q / 2) ** 2 + (p / 3) ** 3
    if disc >= 0:
        root = math.sqrt(disc)
        roots = [math.copysign(abs(u) ** (1 / 3), u) for u in (-q / 2 + root, -q / 2 - root)]
        ts = [roots[0] + roots[1] + shift]
    else:
        r = 2 * math.sqrt(-p / 3)
        phi = math.acos(max(-1.0, min(1.0, 3 * q / (p * r))))
        ts = [r * math.cos((phi - 2 * math.pi * k) / 3) + shift for k in range(3)]
    polished = []
    for t in ts:
        f = ((t + b) * t + c) * t + d
        df = (3 * t + 2 * b) * t + c
        polished.append(t - f / df if abs(df) > 1e-12 else t)
    return polished
