"""Emotion curves: where each scored card's point sits and the smooth line through them.

One function for every surface that draws a curve (canvas, PDF, PNG/SVG and present mode),
so a curve has the same shape on screen, on paper and on the projector.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mapper.layout.geometry import Bezier, Point, smooth_curve
from mapper.model import EMOTION_MAX, EMOTION_MIN, Card, Persona


class EmotionPoint(NamedTuple):
    card_id: str
    score: int
    pos: Point
    stage_index: int


@dataclass(frozen=True)
class EmotionCurve:
    persona: Persona
    points: tuple[EmotionPoint, ...]
    segments: tuple[tuple[int, Bezier], ...]  # (stage index of the segment's start, curve)


def score_y(top: float, bottom: float, score: float) -> float:
    """The y of ``score`` on a scale drawn from ``top`` (the best) to ``bottom`` (the worst)."""
    return top + (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN) * (bottom - top)


def lay_out_curve(
    persona: Persona,
    cards: Iterable[Card],
    stage_index: Mapping[str, int],
    columns: Sequence[tuple[float, float]],
    y_of: Callable[[float], float],
    previous: EmotionCurve | None = None,
) -> EmotionCurve:
    """The persona's curve through the scored ``cards``.

    ``columns`` holds each stage's (x, width) by stage index; a stage's scored cards share
    its width evenly, in card order, and stages follow left to right. A ``previous`` curve
    with the same persona and points is handed back as it is (views skip it by identity).
    """
    by_stage: dict[int, list[tuple[Card, int]]] = {}
    for card in cards:
        score = card.emotions.get(persona.id)
        if score is not None:
            by_stage.setdefault(stage_index[card.stage_id], []).append((card, score))
    points: list[EmotionPoint] = []
    for index in sorted(by_stage):
        x, width = columns[index]
        scored = by_stage[index]
        for i, (card, score) in enumerate(scored):
            pos = (round(x + width * (i + 1) / (len(scored) + 1), 2), round(y_of(score), 2))
            points.append(EmotionPoint(card.id, score, pos, index))
    if previous is not None and previous.persona is persona and previous.points == tuple(points):
        return previous
    segments = smooth_curve([p.pos for p in points])
    return EmotionCurve(
        persona,
        tuple(points),
        tuple((points[i].stage_index, segment) for i, segment in enumerate(segments)),
    )
