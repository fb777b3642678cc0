"""Emotion curves: where each scored card's point sits and the smooth line through them.

One function for every surface that draws a curve (canvas, PDF, PNG/SVG and present mode),
so a curve has the same shape on screen, on paper and on the projector.

Every card of a stage has a place along the curve, scored or not: a stage's cards share its
width evenly, in card order. A card keeps its place when it is scored, so the canvas can
show an unscored card's point (a ghost on the neutral line) where it will land.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

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
        tuple((points[i].stage_index, segment) for i, segment in enumerate(segments)),
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
    spans: dict[int, tuple[int, int]] = {}  # stage index -> its points' slice
    start = 0
    for i in range(1, len(old_points) + 1):
        if i == len(old_points) or old_points[i].stage_index != old_points[start].stage_index:
            spans[old_points[start].stage_index] = (start, i)
            start = i
    ys: dict[int, float] = {}
    points: list[EmotionPoint] = []
    origin: list[int] = []  # each point's index in ``previous`` (-1: a new one)
    for stage in sorted(spans.keys() | stage_cards.keys()):
        cards = stage_cards.get(stage)
        if cards is None:
            first, last = spans[stage]
            points.extend(old_points[first:last])
            origin.extend(range(first, last))
            continue
        fresh: list[EmotionPoint] = []
        for card in cards:
            score = card.emotions.get(pid)
            slot = slots.get(card.id)
            if score is None or slot is None:
                continue
            y = ys.get(score)
            if y is None:
                ys[score] = y = round(y_of(score), 2)
            fresh.append(EmotionPoint(card.id, score, (slot[0], y), slot[1]))
        fresh.sort(key=lambda p: (p.stage_index, p.pos[0]))
        points.extend(fresh)
        origin.extend([-1] * len(fresh))
    if len(points) == len(old_points) and all(map(_same, points, old_points)):
        return previous if previous.persona is persona else replace(previous, persona=persona)
    n, m = len(points), len(old_points)
    kept: dict[int, tuple[int, Bezier]] = {}
    todo: list[int] = []
    for i in range(n - 1):
        j = origin[i]
        if (
            j >= 0
            and origin[i + 1] == j + 1
            and (i > 0) == (j > 0)
            and (i == 0 or origin[i - 1] == j - 1)
            and (i + 2 < n) == (j + 2 < m)
            and (i + 2 >= n or origin[i + 2] == j + 2)
        ):  # the same four points shape it: the same segment
            kept[i] = previous.segments[j]
        else:
            todo.append(i)
    made = dict(zip(todo, smooth_segments([p.pos for p in points], todo), strict=True))
    segments = tuple(
        kept[i] if i in kept else (points[i].stage_index, made[i]) for i in range(n - 1)
    )
    return EmotionCurve(persona, tuple(points), segments)


def _same(a: EmotionPoint, b: EmotionPoint) -> bool:
    return a is b or a == b


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
