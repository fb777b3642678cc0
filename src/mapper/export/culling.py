"""Finding what a view (a tile) shows, so each page draws only its own part of the map."""

from __future__ import annotations

import math
from collections.abc import Iterable

from mapper.layout.geometry import Bezier, Point, Rect

BUCKET = 400.0  # map pixels per spatial-hash cell
PIECE = 300.0  # flows are cut into pieces about this long


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x <= b.right and b.x <= a.right and a.y <= b.bottom and b.y <= a.bottom


def bezier_bounds(curve: Bezier, pad: float = 0.0) -> Rect:
    """A box around the curve (its control polygon's), grown by ``pad``."""
    xs = (curve.p0[0], curve.c1[0], curve.c2[0], curve.p3[0])
    ys = (curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1])
    x0, y0 = min(xs) - pad, min(ys) - pad
    return Rect(x0, y0, max(xs) + pad - x0, max(ys) + pad - y0)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def split_bezier(curve: Bezier, t: float) -> tuple[Bezier, Bezier]:
    """De Casteljau: the same curve as two exact halves at parameter ``t``."""
    p01, p12, p23 = (
        _lerp(curve.p0, curve.c1, t),
        _lerp(curve.c1, curve.c2, t),
        _lerp(curve.c2, curve.p3, t),
    )
    a, b = _lerp(p01, p12, t), _lerp(p12, p23, t)
    mid = _lerp(a, b, t)
    return Bezier(curve.p0, p01, a, mid), Bezier(mid, b, p23, curve.p3)


def pieces(curve: Bezier) -> list[Bezier]:
    """The curve cut into exact pieces about :data:`PIECE` long (at most 32)."""
    length = (
        math.dist(curve.p0, curve.c1)
        + math.dist(curve.c1, curve.c2)
        + math.dist(curve.c2, curve.p3)
    )
    n = max(1, min(32, math.ceil(length / PIECE)))
    result = []
    rest = curve
    for i in range(n - 1):
        head, rest = split_bezier(rest, 1 / (n - i))
        result.append(head)
    result.append(rest)
    return result


class Buckets:
    """A coarse spatial hash from boxes to the indexes of the items they belong to."""

    def __init__(self, rects: Iterable[Rect]) -> None:
        self.rects = list(rects)
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, r in enumerate(self.rects):
            for gx in range(int(r.x // BUCKET), int(r.right // BUCKET) + 1):
                for gy in range(int(r.y // BUCKET), int(r.bottom // BUCKET) + 1):
                    self.cells.setdefault((gx, gy), []).append(i)

    def query(self, view: Rect | None) -> list[int]:
        """Indexes of the boxes touching ``view`` (all when None), in their order."""
        if view is None:
            return list(range(len(self.rects)))
        found: set[int] = set()
        for gx in range(int(view.x // BUCKET), int(view.right // BUCKET) + 1):
            for gy in range(int(view.y // BUCKET), int(view.bottom // BUCKET) + 1):
                found.update(self.cells.get((gx, gy), ()))
        rects = self.rects
        return sorted(i for i in found if overlaps(rects[i], view))
