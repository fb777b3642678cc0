"""Finding what a view (a tile) shows, so each page draws only its own part of the map."""

from __future__ import annotations

import math
from collections.abc import Iterable

from mapper.layout.geometry import Bezier, Rect

BUCKET = 400.0  # map pixels per spatial-hash cell
SAMPLE = 150.0  # flows are sampled this often (map pixels) to find the cells they cross


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x <= b.right and b.x <= a.right and a.y <= b.bottom and b.y <= a.bottom


def bezier_bounds(curve: Bezier, pad: float = 0.0) -> Rect:
    """A box around the curve (its control polygon's), grown by ``pad``."""
    xs = (curve.p0[0], curve.c1[0], curve.c2[0], curve.p3[0])
    ys = (curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1])
    x0, y0 = min(xs) - pad, min(ys) - pad
    return Rect(x0, y0, max(xs) + pad - x0, max(ys) + pad - y0)


def curve_cells(curve: Bezier) -> set[tuple[int, int]]:
    """The spatial-hash cells of points sampled every :data:`SAMPLE` pixels along a curve.

    Every point of the curve is within ``SAMPLE`` of a sample, so query with views grown
    by ``SAMPLE`` (:meth:`Buckets.query`'s ``grow``)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve.p0, curve.c1, curve.c2, curve.p3
    length = math.dist(curve.p0, curve.c1) + math.dist(curve.c1, curve.c2)
    length += math.dist(curve.c2, curve.p3)
    n = max(2, math.ceil(length / SAMPLE))
    cells: set[tuple[int, int]] = set()
    for i in range(n + 1):
        t = i / n
        mt = 1 - t
        a, b, c, d = mt * mt * mt, 3 * mt * mt * t, 3 * mt * t * t, t * t * t
        cells.add(
            (
                int((a * x0 + b * x1 + c * x2 + d * x3) // BUCKET),
                int((a * y0 + b * y1 + c * y2 + d * y3) // BUCKET),
            )
        )
    return cells


class Buckets:
    """A coarse spatial hash from boxes to the indexes of the items they belong to.

    ``cells`` (per item) overrides the cells of the item's box, e.g. those a long curve
    really crosses instead of every cell of its bounding box."""

    def __init__(
        self, rects: Iterable[Rect], cells: Iterable[set[tuple[int, int]]] | None = None
    ) -> None:
        self.rects = list(rects)
        self.cells: dict[tuple[int, int], list[int]] = {}
        if cells is not None:
            for i, item_cells in enumerate(cells):
                for key in item_cells:
                    self.cells.setdefault(key, []).append(i)
            return
        for i, r in enumerate(self.rects):
            for gx in range(int(r.x // BUCKET), int(r.right // BUCKET) + 1):
                for gy in range(int(r.y // BUCKET), int(r.bottom // BUCKET) + 1):
                    self.cells.setdefault((gx, gy), []).append(i)

    def query(self, view: Rect | None, grow: float = 0.0) -> list[int]:
        """Indexes of the boxes touching ``view`` (all when None), in their order;
        ``grow`` widens the view on every side before looking up cells."""
        if view is None:
            return list(range(len(self.rects)))
        if grow:
            view = Rect(view.x - grow, view.y - grow, view.width + 2 * grow, view.height + 2 * grow)
        found: set[int] = set()
        for gx in range(int(view.x // BUCKET), int(view.right // BUCKET) + 1):
            for gy in range(int(view.y // BUCKET), int(view.bottom // BUCKET) + 1):
                found.update(self.cells.get((gx, gy), ()))
        rects = self.rects
        return sorted(i for i in found if overlaps(rects[i], view))
