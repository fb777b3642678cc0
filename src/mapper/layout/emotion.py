"""Emotion curves: where each scored card's point sits and the smooth line through them.

One function for every surface that draws a curve (canvas, PDF, PNG/SVG and present mode),
so a curve has the same shape on screen, on paper and on the projector.

Every card of a stage has a place along the curve, scored or not: a stage's cards share its
width evenly, in card order. A card keeps its place when it is scored, so the canvas can
show an unscored card's point (a ghost on the neutral line) where it will land.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mapper.layout.geometry import Bezier, Point, smooth_curve
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
