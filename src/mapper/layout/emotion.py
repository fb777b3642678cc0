"""Emotion curves: where each scored card's point sits and the smooth line through them.

One function for every surface that draws a curve (canvas, PDF, PNG/SVG and present mode),
so a curve has the same shape on screen, on paper and on the projector.

Every card of a stage has a place along the curve, scored or not: a stage's cards share its
width evenly, in card order. A card keeps its place when it is scored, so the canvas can
show an unscored card's point (a ghost on the neutral line) where it will land.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple, cast

from mapper.layout.geometry import Bezier, Point, smooth_curve, smooth_segments
from mapper.model import EMOTION_MAX, EMOTION_MIN, Card, Persona

Slots = Mapping[str, tuple[float, int]]  # card id -> (x along the curve, stage index)


class EmotionPoint(NamedTuple):
    card_id: str
    score: int
    pos: Point
    stage_index: int


@dataclass(frozen=True)
class EmotionCurve:
    """A persona's emotion curve across the emotion lane."""

    persona: Persona
    points: tuple[EmotionPoint, ...]
    segments: tuple[tuple[int, Bezier], ...]  # (stage index of the segment's start, curve)


def score_y(top: float, bottom: float, score: float) -> float:
    """The y of ``score`` on a scale drawn from ``top`` (the best) to ``bottom`` (the worst)."""
    return top + (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN) * (bottom - top)


def card_slots(
    cards: Iterable[Card],
    stage_index: Mapping[str, int],
    columns: Sequence[tuple[float, float]],
    previous: Slots | None = None,
) -> Slots:
    """Each card's x along the curve: ``columns`` holds each stage's (x, width) by stage
    index and a stage's ``cards`` share its width evenly, in the order given, scored or
    not. ``previous`` slots that are equal are handed back as they are (kept by identity)."""
    by_stage: dict[int, list[str]] = {}
    for card in cards:
        index = stage_index.get(card.stage_id)
        if index is not None:
            by_stage.setdefault(index, []).append(card.id)
    slots: dict[str, tuple[float, int]] = {}
    for index in sorted(by_stage):
        x, width = columns[index]
        ids = by_stage[index]
        step = width / (len(ids) + 1)
        for i, card_id in enumerate(ids, 1):
            slots[card_id] = (round(x + step * i, 2), index)
    if previous is not None and previous == slots:
        return previous
    return slots


def lay_out_curve(
    persona: Persona,
    cards: Iterable[Card],
    slots: Slots,
    y_of: Callable[[float], float],
    previous: EmotionCurve | None = None,
) -> EmotionCurve:
    """The persona's curve through those of ``cards`` it scored, each at its slot (cards
    without one are left out). A ``previous`` curve with the same persona and points is
    handed back as it is (views skip it by identity)."""
    ys = {score: round(y_of(score), 2) for score in range(EMOTION_MIN, EMOTION_MAX + 1)}
    pid = persona.id
    points: list[EmotionPoint] = []
    for card in cards:
        score = card.emotions.get(pid)
        if score is None:
            continue
        slot = slots.get(card.id)
        if slot is not None:
            y = ys[score] if score in ys else round(y_of(score), 2)
            points.append(EmotionPoint(card.id, score, (slot[0], y), slot[1]))
    points.sort(key=lambda p: (p.stage_index, p.pos[0]))
    if previous is not None and previous.persona is persona and previous.points == tuple(points):
        return previous
    segments = smooth_curve([p.pos for p in points])
    return EmotionCurve(
        persona,
        tuple(points),
        tuple(zip([p.stage_index for p in points[:-1]], segments, strict=True)),
    )


def relay_curve(
    previous: EmotionCurve,
    persona: Persona,
    stage_cards: Mapping[int, Iterable[Card]],
    slots: Slots,
    y_of: Callable[[float], float],
) -> EmotionCurve:
    """The curve :func:`lay_out_curve` makes, from ``previous`` (laid out in the same lane)
    with the points of the stages in ``stage_cards`` placed again from those cards (all
    of such a stage's, in map order) and the others' kept: only the segments around
    points that changed are worked out again. A card move on a 5,000-card map touches
    two stages, not the whole curve."""
    pid = persona.id
    old_points = previous.points
    new_point = tuple.__new__  # (EmotionPoint's own __new__ is a Python function: slower)
    ys: dict[int, float] = {}
    points: list[EmotionPoint] = []
    runs: list[list[int]] = []  # [new start, old start, length]: points kept in a row
    first_stage = old_points[0].stage_index if old_points else 0
    last_stage = old_points[-1].stage_index if old_points else -1
    for stage in range(min([first_stage, *stage_cards]), max([last_stage, *stage_cards]) + 1):
        cards = stage_cards.get(stage)
        if cards is None:  # its points as they were (found by halving: they are in order)
            start = bisect_left(old_points, stage, key=_stage_of)
            end = bisect_right(old_points, stage, lo=start, key=_stage_of)
            if end > start:
                run = runs[-1] if runs else None
                if run is not None and run[0] + run[2] == len(points) and run[1] + run[2] == start:
                    run[2] += end - start
                else:
                    runs.append([len(points), start, end - start])
                points.extend(old_points[start:end])
            continue
        # a stage's cards come in slot order (see card_slots): its points are in order
        for card in cards:
            score = card.emotions.get(pid)
            slot = slots.get(card.id)
            if score is None or slot is None:
                continue
            y = ys.get(score)
            if y is None:
                ys[score] = y = round(y_of(score), 2)
            points.append(new_point(EmotionPoint, (card.id, score, (slot[0], y), slot[1])))
    if len(points) == len(old_points) and tuple(points) == old_points:
        return previous if previous.persona is persona else replace(previous, persona=persona)
    # a segment is shaped by the points before and after its ends: one whose four points
    # are kept in a row, in the same place at the curve's ends, is kept
    n, m = len(points), len(old_points)
    segments: list[tuple[int, Bezier] | None] = [None] * max(n - 1, 0)
    kept = []  # (low, high) of each stretch of kept segments, in order
    for new, old, length in runs:
        low = new if new == 0 and old == 0 else new + 1
        high = new + length - 1 if new + length == n and old + length == m else new + length - 2
        if high > low:
            segments[low:high] = previous.segments[low - new + old : high - new + old]
            kept.append((low, high))
    todo: list[int] = []
    start = 0
    for low, high in kept:
        todo.extend(range(start, low))
        start = high
    todo.extend(range(start, n - 1))
    positions = [p.pos for p in points]
    for i, made in zip(todo, smooth_segments(positions, todo), strict=True):
        segments[i] = (points[i].stage_index, made)
    return EmotionCurve(persona, tuple(points), tuple(cast(list[tuple[int, Bezier]], segments)))


def shift_curve(
    previous: EmotionCurve, persona: Persona, y_of: Callable[[float], float]
) -> EmotionCurve:
    """The curve :func:`lay_out_curve` makes from the cards and slots ``previous`` was laid
    out from, in a lane that moved (rows above it grew) or changed its height: each point
    keeps its x and place in the curve and takes its score's new y (no walk over the
    cards, no sort), and the segments are worked out through them."""
    ys = {score: round(y_of(score), 2) for score in range(EMOTION_MIN, EMOTION_MAX + 1)}
    for score in {p.score for p in previous.points} - ys.keys():
        ys[score] = round(y_of(score), 2)
    new_point = tuple.__new__
    points = tuple(
        [
            new_point(EmotionPoint, (p.card_id, p.score, (p.pos[0], ys[p.score]), p.stage_index))
            for p in previous.points
        ]
    )
    segments = smooth_curve([p.pos for p in points])
    return EmotionCurve(
        persona,
        points,
        tuple(zip([p.stage_index for p in points[:-1]], segments, strict=True)),
    )


def _stage_of(point: EmotionPoint) -> int:
    return point.stage_index


def rescored(old: Sequence[Card], new: Sequence[Card]) -> set[str] | None:
    """The ids of personas whose scores differ between two lists of the scored cards (the
    same cards in the same order, some replaced by edited copies); None when the cards
    themselves differ, so every curve must be laid out again."""
    if len(old) != len(new):
        return None
    changed: set[str] = set()
    for a, b in zip(old, new, strict=True):
        if a is b:
            continue
        if a.id != b.id:
            return None
        if a.emotions != b.emotions:
            for pid in a.emotions.keys() | b.emotions.keys():
                if a.emotions.get(pid) != b.emotions.get(pid):
                    changed.add(pid)
    return changed
