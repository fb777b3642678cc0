"""Where one flow label may go: its candidate spots along its curve, column by column,
and the first one clear of what it keeps off (see ``layout.labels``)."""

from __future__ import annotations

from collections.abc import Iterator

from mapper.layout.boxes import MapLayout
from mapper.layout.geometry import Bezier, Rect
from mapper.layout.label_grids import CARD_CLEARANCE, CardIndex, LabelGrid
from mapper.layout.label_moves import CANDIDATES, LABEL_HEIGHT, OFFSETS, sides
from mapper.layout.routes import bezier_point

__all__ = ["Spots", "first_free", "label_area"]


def label_area(layout: MapLayout) -> tuple[Rect, list[float]]:
    """Where labels may go: the map's body (right of the lane names, under the stage
    headers), and the inner stage boundaries a label keeps off (it stays in one column)."""
    style = layout.style
    body = Rect(
        style.lane_header_width,
        style.stage_header_height,
        layout.width - style.lane_header_width,
        layout.height - style.stage_header_height,
    )
    return body, sorted(box.column.x for box in layout.stages)[1:]


class Spots:
    """The candidate spots of one label, column by column, made as they are first asked
    for (most labels take one of the first few). The spots at one point of the curve
    differ only in y, and a stage boundary in their way moves them all alike: what may
    lie under a column of them is looked up once, as the tops and bottoms of the few
    things there, and each spot is checked against those."""

    def __init__(self, curve: Bezier, width: float, body: Rect) -> None:
        self.curve, self.width, self.body = curve, width, body
        self.made: list[_Column] = []
        self._source = _columns(curve, width, body)  # (not a method: no cycle to collect)

    def __iter__(self) -> Iterator[_Column]:
        yield from self.made
        for column in self._source:
            self.made.append(column)
            yield column


def _columns(curve: Bezier, w: float, body: Rect) -> Iterator[_Column]:
    h = LABEL_HEIGHT
    left, top = body.x, body.y
    right, bottom = body.x + body.width - w, body.y + body.height - h
    for t in CANDIDATES:
        x, y = bezier_point(curve, t)
        x -= w / 2
        if not left <= x <= right:
            continue
        ys = [y0 for y0 in (y + dy - h / 2 for dy in OFFSETS) if top <= y0 <= bottom]
        if ys:
            yield _Column(x, w, ys)


class _Column:
    """The spots at one point of a label's curve: at ``x`` (or beside a stage boundary),
    at each of ``ys`` in turn."""

    __slots__ = ("_bottom", "_spans", "_top", "width", "x", "ys")

    def __init__(self, x: float, width: float, ys: list[float]) -> None:
        self.x, self.width, self.ys = x, width, ys
        self._top, self._bottom = min(ys) - 1.0, max(ys) + LABEL_HEIGHT + 1.0
        self._spans: dict[tuple[float, object], list[tuple[float, float]]] = {}

    def spans(self, x: float, near: CardIndex | LabelGrid) -> list[tuple[float, float]]:
        """The tops and bottoms of what ``near`` has where the column's spots at ``x`` may
        go (the same for every pass over them: kept)."""
        found = self._spans.get((x, near))
        if found is None:
            found = near.spans(x, self._top, x + self.width, self._bottom)
            self._spans[x, near] = found
        return found


def first_free(
    spots: Spots,
    avoid: CardIndex,
    labels: LabelGrid,
    edges: list[float] | None = None,
    limit: int = 0,
) -> Rect | None:
    """The first spot clear of ``avoid`` and of the labels; with ``edges``, only spots
    within one stage column (a straddling spot is tried just beside its boundary); with
    a ``limit``, among that many first spots only. Each spot is checked as ``hits``
    checks it, against the spans its column found."""
    w, h = spots.width, LABEL_HEIGHT
    reach = 0.0 if avoid.text else CARD_CLEARANCE  # (in sums as ``CardIndex.hits`` makes)
    left = limit
    for column in spots:
        ys = column.ys
        if limit:
            if left <= 0:
                break
            if len(ys) > left:
                ys = ys[:left]
            left -= len(ys)
        found = [
            (x, column.spans(x, avoid), column.spans(x, labels)) for x in sides(column.x, w, edges)
        ]
        for y0 in ys:
            y1 = y0 + h
            lo, hi = (
                (y0 - reach + CARD_CLEARANCE, y1 + reach - CARD_CLEARANCE) if reach else (y0, y1)
            )
            for x, near, placed in found:
                for b, d in near:
                    if lo < d and b < hi:
                        break
                else:
                    for b, d in placed:
                        if y0 < d and b < y1:
                            break
                    else:
                        return Rect(x, y0, w, h)
    return None
