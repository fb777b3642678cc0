"""The shape of a flow's arrow between two card boxes: forward, a loop back over (or
under) the cards, a connector between lanes of one stage (straight, or around the cards
in between), or a step within one stack."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.layout.geometry import Bezier, Point, Rect, bezier


def route(
    a: Rect,
    b: Rect,
    band: tuple[float, float] | None = None,
    ceiling: float | None = None,
    keep_out: Sequence[tuple[float, float]] = (),
    stacked: bool = False,
) -> Bezier:
    """A smooth arrow from box ``a`` to box ``b`` that leaves and enters on sensible sides.

    A loop back goes over the top of its cards, unless that would take it into ``band``
    (the emotion lane's top and bottom) or one of the ``keep_out`` bands (a blueprint
    line's gap), or above ``ceiling`` (the stage headers): then it goes under them, from
    bottom to bottom, and is kept out of the bands the same way.
    ``stacked``: both cards are in one cell (see :func:`stacked_route`)."""
    if stacked:
        return stacked_route(a, b)
    right, bx0 = a.x + a.width, b.x  # (a.right: the same sum, without the call)
    if bx0 >= right - 1:  # forward: right side to left side (most flows)
        ay, by = a.y + a.height / 2, b.y + b.height / 2  # (the centers' ys)
        bend = max(30.0, (bx0 - right) / 2)
        return bezier((right, ay), (right + bend, ay), (bx0 - bend, by), (bx0, by))
    (ax, ay), (bx, by) = a.center, b.center
    if b.right <= a.x + 1:  # backward, a loop: over the top, from top to top
        bands = [band, *keep_out] if band is not None else list(keep_out)
        lift = 40.0 + abs(ax - bx) * 0.12
        high = min(a.y, b.y)
        top = high - lift
        roof = max((end for _, end in bands if high >= end), default=None)
        if roof is not None:  # cards below a band: the loop does not go up into it
            top = max(top, roof + 4)
        if (ceiling is not None and top < ceiling + 4) or top > high - 12:
            low = max(a.bottom, b.bottom)
            bottom = low + lift
            floor = min((start for start, _ in bands if low <= start), default=None)
            if floor is not None:
                bottom = min(bottom, floor - 4)
            if bottom >= low + 12:
                p0, p3 = (ax, a.bottom), (bx, b.bottom)
                return bezier(p0, (p0[0], bottom), (p3[0], bottom), p3)
            top = max(top, high - lift / 2)  # no room below either: a flat loop on top
        p0, p3 = (ax, a.y), (bx, b.y)
        return bezier(p0, (p0[0], top), (p3[0], top), p3)
    # same column: bottom to top (or top to bottom), bowing out to the right
    if by >= ay:
        p0, p3 = (ax + a.width * 0.25, a.bottom), (bx + b.width * 0.25, b.y)
    else:
        p0, p3 = (ax + a.width * 0.25, a.y), (bx + b.width * 0.25, b.bottom)
    bow = 24.0 + abs(p3[1] - p0[1]) * 0.15
    return bezier(p0, (p0[0] + bow, p0[1]), (p3[0] + bow, p3[1]), p3)


STACK_GAP = 12.0  # cards at most this far apart in a stack are next to each other
STACK_REACH = 13.0  # how far a bracket's control points lie right of the cards


def stacked_route(a: Rect, b: Rect) -> Bezier:
    """A flow between two cards of one cell's stack: straight down through the gap to the
    card just below, else a bracket just right of the stack, from the middle of one
    card's right edge to the other's (over the cell's padding, not across the cards)."""
    if 0 <= b.y - a.bottom <= STACK_GAP:
        x = round(min(a.x + a.width / 2, b.x + b.width / 2), 2)
        gap = b.y - a.bottom
        return bezier((x, a.bottom), (x, a.bottom + gap / 3), (x, b.y - gap / 3), (x, b.y))
    (_, ay), (_, by) = a.center, b.center
    right = max(a.right, b.right) + STACK_REACH
    return bezier((a.right, ay), (right, ay), (right, by), (b.right, by))


CONNECTOR_SHIFT = 8.0  # a downward connector left of the middle, an upward one right of it


def connector(a: Rect, b: Rect) -> Bezier:
    """A straight vertical arrow from box ``a`` to box ``b`` in the same stage and another
    lane (a frontstage step and the support process it depends on): from ``a``'s bottom
    edge down to ``b``'s top edge, or from its top up to ``b``'s bottom. Downward arrows
    run just left of the middle and upward ones just right of it, so a pair of flows both
    ways shows as two arrows."""
    left, right = max(a.x, b.x), min(a.right, b.right)
    if right < left:  # not over one another after all (boxes of different widths)
        left = right = (a.center[0] + b.center[0]) / 2
    down = b.center[1] >= a.center[1]
    x = round((left + right) / 2 + (-CONNECTOR_SHIFT if down else CONNECTOR_SHIFT), 2)
    y0, y1 = (a.bottom, b.y) if down else (a.y, b.bottom)
    third = (y1 - y0) / 3
    return bezier((x, y0), (x, y0 + third), (x, y1 - third), (x, y1))


# how far a connector around cards bows out right of its column's cards: the longer it
# is, the further (brackets nest rather than run on top of each other), up to the middle
# of the gap to the next stage's cards (two cells' padding)
AROUND_REACH = (10.0, 26.0)
AROUND_GROWTH = 0.025  # reach per pixel the connector runs down or up


def connector_around(a: Rect, b: Rect) -> Bezier:
    """An arrow from box ``a`` to box ``b`` in the same stage and another lane with cards
    in between (below ``a`` in its cell, in the lanes between, above ``b``): out of
    ``a``'s right edge, along the column's right side in the cells' padding, into ``b``'s
    right edge, never across a card. An upward one bows out a little further than a
    downward one as long, so a pair of flows both ways shows as two arrows."""
    (_, ay), (_, by) = a.center, b.center
    low, high = AROUND_REACH
    reach = low + abs(by - ay) * AROUND_GROWTH + (0.0 if by >= ay else CONNECTOR_SHIFT)
    right = max(a.right, b.right) + min(reach, high)
    return bezier((a.right, ay), (right, ay), (right, by), (b.right, by))


def bezier_point(curve: Bezier, t: float) -> Point:
    mt = 1 - t
    a, b, c, d = mt**3, 3 * mt * mt * t, 3 * mt * t * t, t**3
    return (
        round(a * curve.p0[0] + b * curve.c1[0] + c * curve.c2[0] + d * curve.p3[0], 2),
        round(a * curve.p0[1] + b * curve.c1[1] + c * curve.c2[1] + d * curve.p3[1], 2),
    )
