"""What an edit does to the flow labels placed before it: the places its moved cards
leave and reach (a label near them is placed again), and where a label goes along with
its flow when the flow moved whole or changed its shape."""

from __future__ import annotations

import bisect
import math

from mapper.layout.boxes import CardBox, CellStack, MapLayout
from mapper.layout.geometry import Bezier, Rect, rect
from mapper.layout.label_grids import CARD_CLEARANCE, Box

LABEL_HEIGHT = 13.0
CANDIDATES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86)
OFFSET_STEP, OFFSET_STEPS = 16.0, 4
# above / below: 0, then every step up and down in turn, to OFFSET_STEPS steps
OFFSETS = (0.0, *(k * OFFSET_STEP * sign for k in range(1, OFFSET_STEPS + 1) for sign in (-1, 1)))


def moved_boxes(layout: MapLayout, previous: MapLayout) -> list[Box]:
    """Where cards were and are that changed their boxes since ``previous`` (with the
    clearance labels keep), and where cards gone were: one box per cell stack that moved
    whole, one per run of such cards one under the other in a stack otherwise."""
    old_cards, cards = previous.cards, layout.cards
    changes = layout.changes_since(previous)  # else every card is looked at
    changed, gone = changes or ([i for i, b in cards.items() if old_cards.get(i) is not b], [])
    found: list[Box] = []
    whole = moved_stacks(layout, previous, found) if changes is not None else set()
    if changes is None:
        gone = [i for i in old_cards if i not in cards]
    now = [i for i in changed if i not in whole]
    was = [i for i in now if i in old_cards]
    was += gone
    found += runs(now, cards, layout.cell_stacks)
    found += runs(was, old_cards, previous.cell_stacks)
    return found


def runs(
    card_ids: list[str], boxes: dict[str, CardBox], stacks: dict[tuple[str, str], CellStack]
) -> list[Box]:
    """The boxes of ``card_ids`` (with clearance), one per run of them one under the
    other in their cell's stack, as wide as each other and less than a label's height
    apart: a label meets a run's box exactly when it meets one of its cards' boxes."""
    c = CARD_CLEARANCE
    if len(card_ids) < 2:
        return [_padded(boxes[i].rect, c) for i in card_ids]
    cells: dict[tuple[str, str], set[str]] = {}
    for card_id in card_ids:
        card = boxes[card_id].card
        cells.setdefault((card.stage_id, card.lane_id), set()).add(card_id)
    found: list[Box] = []
    for cell, members in cells.items():
        stack = stacks.get(cell)
        if len(members) < 2 or stack is None:
            found += [_padded(boxes[i].rect, c) for i in members]
            continue
        left = set(members)
        run: list[float] | None = None  # x0, y0, x1, y1
        for card_id, box in stack.boxes.items():
            if card_id not in left or boxes[card_id] is not box:
                if run is not None:
                    found.append((run[0], run[1], run[2], run[3]))
                    run = None
                continue
            left.discard(card_id)
            p = _padded(box.rect, c)
            if (
                run is not None
                and run[0] == p[0]
                and run[2] == p[2]
                and run[1] <= p[1]
                and p[1] - run[3] < LABEL_HEIGHT
            ):
                run[3] = max(run[3], p[3])
                continue
            if run is not None:
                found.append((run[0], run[1], run[2], run[3]))
            run = list(p)
        if run is not None:
            found.append((run[0], run[1], run[2], run[3]))
        found += [_padded(boxes[i].rect, c) for i in left]  # (none in a stack of theirs)
    return found


def _padded(r: Rect, c: float) -> Box:
    """``r`` with ``c`` around it, as a box."""
    x, y = r.x - c, r.y - c
    return (x, y, x + (r.width + 2 * c), y + (r.height + 2 * c))


def _box(r: Rect) -> Box:
    return (r.x, r.y, r.x + r.width, r.y + r.height)


def moved_stacks(layout: MapLayout, previous: MapLayout, found: list[Box]) -> set[str]:
    """Adds to ``found`` each cell stack that moved whole, where it was and where it is,
    as one box each (not one per card); returns the ids of its cards. A label is taller
    than the space between two cards' boxes, so it meets a stack's box exactly when it
    meets one of its cards' boxes."""
    c = CARD_CLEARANCE
    if layout.style.card_gap - 2 * c >= LABEL_HEIGHT:
        return set()
    ids: set[str] = set()
    known = previous.cell_stacks
    for cell, stack in layout.cell_stacks.items():
        old = known.get(cell)
        if (
            old is None
            or old is stack
            or old.cards is not stack.cards  # moved along: the same cards, new boxes
            or len(stack.cards) < 2
            or len(stack.boxes) != len(stack.cards)
            or len(old.boxes) != len(stack.cards)
        ):
            continue
        for boxes in (old.boxes, stack.boxes):
            rects = [box.rect for box in boxes.values()]
            top, bottom = rects[0], rects[-1]
            height = bottom.y + bottom.height - top.y
            found.append(_box(Rect(top.x - c, top.y - c, top.width + 2 * c, height + 2 * c)))
        ids.update(stack.boxes)
    return ids


def carried_spot(old: Bezier, new: Bezier, r: Rect, edges: list[float]) -> Rect | None:
    """Where a label at ``r`` on curve ``old`` goes on curve ``new``: moved along with a
    curve that moved whole, else at the same point along it (None: search again)."""
    return carried(old, new, r, edges)[0]


def carried(
    old: Bezier, new: Bezier, r: Rect, edges: list[float]
) -> tuple[Rect | None, tuple[float, float] | None]:
    """:func:`carried_spot`, and how far the curve moved whole (None: it changed)."""
    shift = translation(old, new)
    if shift is not None:
        return rect(r.x + shift[0], r.y + shift[1], r.width, r.height), shift
    return same_spot(old, new, r, edges), None


Band = tuple[float, float, float]  # top, bottom, and how far down it moved


def rigid_bands(layout: MapLayout, previous: MapLayout) -> list[Band]:
    """Runs of rows of ``layout`` that moved down (or up) whole since ``previous``, each
    by as much as the others (or stayed): every cell of theirs shows the cards it showed,
    moved along by that much. A label carried along by as much and inside one is as
    clear of the cards' text as it was (every card it can meet moved with it, and no
    card's box or text reaches out of its cell): a row moved down by a paste above it
    carries hundreds of labels, whose text is not looked up one by one."""
    if [b.column.x for b in layout.stages] != [b.column.x for b in previous.stages]:
        return []
    was = {box.lane.id: box.row for box in previous.lanes}
    stages = [box.stage.id for box in layout.stages]
    stacks, old_stacks = layout.cell_stacks, previous.cell_stacks
    bands: list[Band] = []
    for box in layout.lanes:
        lane_id, row = box.lane.id, box.row
        old = was.get(lane_id)
        dy = row.y - old.y if old is not None else 0.0
        if (
            old is None
            or old.height != row.height
            or not all(
                _moved_whole(stacks.get((s, lane_id)), old_stacks.get((s, lane_id)), dy)
                for s in stages
            )
        ):
            bands.append((row.y, row.bottom, math.nan))  # (a band of its own: no match)
        elif bands and abs(bands[-1][2] - dy) <= ALIKE:
            bands[-1] = (bands[-1][0], row.bottom, bands[-1][2])
        else:
            bands.append((row.y, row.bottom, dy))
    return [band for band in bands if not math.isnan(band[2])]


ALIKE = 1e-6  # rows summed again move alike up to the last bits


def _moved_whole(stack: CellStack | None, old: CellStack | None, dy: float) -> bool:
    """Whether a cell's stack is ``old``'s cards and boxes moved down by ``dy``."""
    if stack is None or old is None:
        return stack is old  # (a collapsed lane's cells have none)
    if stack is old:
        return dy == 0 or not stack.boxes
    a, b = stack.origin, old.origin
    return (
        stack.cards is old.cards
        and a is not None
        and b is not None
        and a[0] == b[0]
        and abs(a[1] - b[1] - dy) <= ALIKE
        and len(stack.boxes) == len(old.boxes) == len(stack.cards)
    )


def in_band(r: Rect, dy: float, bands: list[Band]) -> bool:
    """Whether ``r`` lies inside one of ``bands`` that moved by ``dy``."""
    return any(
        top <= r.y and r.y + r.height <= bottom and abs(moved - dy) <= ALIKE
        for top, bottom, moved in bands
    )


def same_spot(old: Bezier, new: Bezier, r: Rect, edges: list[float]) -> Rect | None:
    """Where a label at ``r`` on curve ``old`` sits on curve ``new``: at the same point
    along it, as far above or below, and on the same side of a stage boundary it was
    moved off (None if ``r`` was none of the spots a label of ``old`` is offered)."""
    found = _spot_of(old, r)
    if found is None:
        return None
    weights, x, y, _ = found
    w = r.width
    off = r.x - (x - w / 2)  # 0, or moved just off a stage boundary
    nx, ny = _point(new, weights)
    x, y = nx - w / 2, r.y + ny - y
    if abs(off) < 0.01:
        return Rect(x, y, w, r.height)
    xs = sides(x, w, edges)
    if len(xs) == 1:
        return None  # the boundary it kept off is not in its way now: search again
    return Rect(xs[0] if off < 0 else xs[1], y, w, r.height)


def spot_point(curve: Bezier, r: Rect) -> tuple[float, float] | None:
    """The point along ``curve`` (its t) and the offset above or below it of a label
    at ``r``, if ``r`` is one of the spots a label of ``curve`` is offered (or one
    moved just off a stage boundary)."""
    found = _spot_of(curve, r)
    return None if found is None else (found[0][0], found[3])


Weights = tuple[float, float, float, float, float]  # t, then the weights of the 4 points
# the points of a curve at each of CANDIDATES, weighed as routes.bezier_point does
_WEIGHTS: tuple[Weights, ...] = tuple(
    (t, (1 - t) ** 3, 3 * (1 - t) * (1 - t) * t, 3 * (1 - t) * t * t, t**3) for t in CANDIDATES
)


def _point(curve: Bezier, weights: Weights) -> tuple[float, float]:
    """``bezier_point(curve, t)``, with t's weights worked out once."""
    _, a, b, c, d = weights
    p0, c1, c2, p3 = curve.p0, curve.c1, curve.c2, curve.p3
    return (
        round(a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0], 2),
        round(a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1], 2),
    )


def _spot_of(curve: Bezier, r: Rect) -> tuple[Weights, float, float, float] | None:
    """The first of CANDIDATES whose point of ``curve`` is one a label at ``r`` was
    offered at (or moved just off a stage boundary from), the point, and how far
    above or below it the label lies; the y of each point is worked out first."""
    middle_y, w = r.y + r.height / 2, r.width
    p0, c1, c2, p3 = curve.p0, curve.c1, curve.c2, curve.p3
    for weights in _WEIGHTS:
        _, a, b, c, d = weights
        y = round(a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1], 2)
        step = round((middle_y - y) / OFFSET_STEP)  # the only offset that may be near
        if not (
            -OFFSET_STEPS <= step <= OFFSET_STEPS and abs(y + step * OFFSET_STEP - middle_y) < 0.01
        ):
            continue
        x = round(a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0], 2)
        if abs(r.x - (x - w / 2)) > w + 4:
            continue
        return weights, x, y, step * OFFSET_STEP
    return None


def translation(a: Bezier, b: Bezier) -> tuple[float, float] | None:
    """How far curve ``b`` is ``a`` moved as a whole, or None when it changed its shape."""
    dx, dy = b.p0[0] - a.p0[0], b.p0[1] - a.p0[1]
    for p, q in ((a.c1, b.c1), (a.c2, b.c2), (a.p3, b.p3)):
        if abs(q[0] - p[0] - dx) > 0.01 or abs(q[1] - p[1] - dy) > 0.01:
            return None
    return dx, dy


def beside(r: Rect, edges: list[float]) -> tuple[Rect, ...]:
    """``r`` itself when it lies within one stage column, else ``r`` moved just left and
    just right of the stage boundary it straddles."""
    xs = sides(r.x, r.width, edges)
    if len(xs) == 1:
        return (r,)
    return (Rect(xs[0], r.y, r.width, r.height), Rect(xs[1], r.y, r.width, r.height))


def sides(x: float, width: float, edges: list[float] | None) -> tuple[float, ...]:
    """Where a label from ``x`` as wide as ``width`` goes within one stage column (see
    :func:`beside`): ``x`` itself, or just left and just right of the boundary it
    straddles. With no ``edges``, ``x``."""
    if edges is None:
        return (x,)
    i = bisect.bisect_right(edges, x)
    if not (i < len(edges) and edges[i] < x + width):
        return (x,)
    edge = edges[i]
    return (edge - 2 - width, edge + 2)
