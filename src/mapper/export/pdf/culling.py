"""Finding what a view (a tile) shows, so each page draws only its own part of the map."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from mapper.layout.geometry import Bezier, Rect

BUCKET = 400.0  # map pixels per spatial-hash cell for boxes (cards, arrowheads, labels)
CURVE_BUCKET = 160.0  # finer cells for flows: a long flow crosses few of them
SAMPLE = 100.0  # flows are sampled about this often (map pixels) to find their cells

Cell = tuple[int, int]


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x <= b.right and b.x <= a.right and a.y <= b.bottom and b.y <= a.bottom


def grown(view: Rect, by: float) -> Rect:
    return Rect(view.x - by, view.y - by, view.width + 2 * by, view.height + 2 * by)


def bezier_bounds(curve: Bezier, pad: float = 0.0) -> Rect:
    """A box around the curve (its control polygon's), grown by ``pad``."""
    xs = (curve.p0[0], curve.c1[0], curve.c2[0], curve.p3[0])
    ys = (curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1])
    x0, y0 = min(xs) - pad, min(ys) - pad
    return Rect(x0, y0, max(xs) + pad - x0, max(ys) + pad - y0)


@cache
def _basis(n: int) -> tuple[tuple[float, float, float, float], ...]:
    """Bernstein weights of a cubic at t = 0, 1/n, ..., 1."""
    weights = []
    for i in range(n + 1):
        t = i / n
        mt = 1 - t
        weights.append((mt * mt * mt, 3 * mt * mt * t, 3 * mt * t * t, t * t * t))
    return tuple(weights)


def curve_cells(curve: Bezier, size: float = CURVE_BUCKET) -> set[Cell]:
    """The cells of points sampled along a curve, no two neighbours farther apart than
    about :data:`SAMPLE` (the control polygon is at least as long as the curve).

    Every point of the curve is then within ``SAMPLE / 2`` of a sample: query with views
    grown by that much (see :meth:`Buckets.query`)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve.p0, curve.c1, curve.c2, curve.p3
    length = math.dist(curve.p0, curve.c1) + math.dist(curve.c1, curve.c2)
    length += math.dist(curve.c2, curve.p3)
    n = max(2, math.ceil(length / SAMPLE))
    return {
        (
            int((a * x0 + b * x1 + c * x2 + d * x3) // size),
            int((a * y0 + b * y1 + c * y2 + d * y3) // size),
        )
        for a, b, c, d in _basis(n)
    }


class Buckets:
    """A spatial hash from cells of ``size`` pixels to the indexes of the items in them.

    Items are boxes; ``cells`` (one set per item) replaces the cells of an item's box,
    e.g. the few a long curve really crosses instead of all those of its bounding box."""

    def __init__(
        self,
        rects: Iterable[Rect],
        cells: Iterable[set[Cell]] | None = None,
        size: float = BUCKET,
    ) -> None:
        self.rects = list(rects)
        self.size = size
        self.cells: dict[Cell, list[int]] = {}
        if cells is None:
            cells = (self._cells_of(r) for r in self.rects)
        for i, item_cells in enumerate(cells):
            for key in item_cells:
                self.cells.setdefault(key, []).append(i)

    def _cells_of(self, r: Rect) -> set[Cell]:
        s = self.size
        return {
            (gx, gy)
            for gx in range(int(r.x // s), int(r.right // s) + 1)
            for gy in range(int(r.y // s), int(r.bottom // s) + 1)
        }

    def query(self, view: Rect | None, grow: float = 0.0) -> list[int]:
        """Indexes of the items in the cells under ``view`` grown by ``grow`` whose boxes
        touch it (all items when ``view`` is None), in their order."""
        if view is None:
            return list(range(len(self.rects)))
        view = grown(view, grow) if grow else view
        found: set[int] = set()
        for key in self._cells_of(view):
            found.update(self.cells.get(key, ()))
        rects = self.rects
        return sorted(i for i in found if overlaps(rects[i], view))
