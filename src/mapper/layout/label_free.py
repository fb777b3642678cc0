"""Whether a flow label carried along with its flow may stay where it lands, and the spot
nearest it above or below where it may (see layout.labels)."""

from __future__ import annotations

from mapper.layout.geometry import Bezier, Rect
from mapper.layout.label_grids import CardIndex, LabelGrid
from mapper.layout.label_moves import LABEL_HEIGHT, OFFSETS, sides, spot_point
from mapper.layout.routes import bezier_point

# the other offsets from each, nearest first (of two as near, the one nearer the curve)
_NEAREST = {
    a: tuple(sorted((b for b in OFFSETS if b != a), key=lambda b: abs(b - a))) for a in OFFSETS
}


def free(
    r: Rect,
    texts: CardIndex,
    labels: LabelGrid,
    edges: list[float],
    body: Rect,
    off_text: bool = False,
) -> bool:
    """Whether a label moved with its flow may stay at ``r``: in the map's body, within
    one stage column, clear of the cards' text and of the other labels (most labels of
    a dense map sit on a card's empty part, and moved alike with it they still do). A
    spot clear of the cards is clear of their text: their text is measured only if not
    (nor when known to be ``off_text``)."""
    return (
        body.x <= r.x
        and body.y <= r.y
        and r.x + r.width <= body.x + body.width
        and r.y + r.height <= body.y + body.height
        and len(sides(r.x, r.width, edges)) == 1
        and not labels.hits(r)
        and (off_text or not texts.on_text(r))
    )


def nudged(
    old: Bezier,
    new: Bezier,
    was: Rect,
    r: Rect,
    texts: CardIndex,
    labels: LabelGrid,
    edges: list[float],
    body: Rect,
) -> Rect | None:
    """The spot nearest ``r`` above or below it, at the same point of the new curve,
    where a label carried to ``r`` (from ``was`` on the old curve) is clear of text and
    labels (None: none, or ``r`` is not within one stage column)."""
    if len(sides(r.x, r.width, edges)) != 1:
        return None
    found = spot_point(old, was)
    if found is None:
        return None
    t, offset = found
    y = bezier_point(new, t)[1]
    h = LABEL_HEIGHT
    for dy in _NEAREST[offset]:
        spot = Rect(r.x, y + dy - h / 2, r.width, h)
        if free(spot, texts, labels, edges, body):
            return spot
    return None
