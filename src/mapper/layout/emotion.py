"""Emotion curves: where each scored card's point sits and the smooth line through them.

One function for every surface that draws a curve (canvas, PDF, PNG/SVG and present mode),
so a curve has the same shape on screen, on paper and on the projector.

Every card of a stage has a place along the curve, scored or not: a stage's cards share its
width evenly, in card order. A card keeps its place when it is scored, so the canvas can
show an unscored card's point (a ghost on the neutral line) where it will land.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from mapper.layout.geometry import Bezier, Point, smooth_segments
from mapper.model import EMOTION_MAX, EMOTION_MIN, Card, Persona

Slots = Mapping[str, tuple[float, int]]  # card id -> (x along the curve, stage index)


Mark = tuple[str, int, float]  # a scored card's (card id, score, x along the curve)
Marks = tuple[Mark, ...]  # a stage's, in order
_Context = tuple[Point | None, tuple[Point, ...]]  # the point before a stage, the two after


class EmotionPoint(NamedTuple):
    card_id: str
    score: int
    pos: Point
    stage_index: int


class EmotionCurve:
    """A persona's emotion curve across the emotion lane.

    Held as each stage's marks (its scored cards' ids, scores and places along the curve,
    in order) and the y of each score: a lane that moved keeps the marks and takes new
    ys, and a card moved between stages changes the marks of two stages. The points and
    segments are worked out from them when first asked, a stage at a time (as the canvas
    draws them) or whole (as exports do), and kept; a curve made from another with the
    same ys takes over what that one worked out for the stages whose marks it kept."""

    __slots__ = (
        "_points", "_scores", "_segments", "_stage_points", "_stage_segments", "marks",
        "persona", "ys",
    )  # fmt: skip

    def __init__(
        self,
        persona: Persona,
        marks: tuple[Marks, ...],
        ys: Mapping[int, float],
        kept: EmotionCurve | None = None,
    ) -> None:
        self.persona, self.marks, self.ys = persona, marks, ys
        self._points: tuple[EmotionPoint, ...] | None = None
        self._segments: tuple[tuple[int, Bezier], ...] | None = None
        self._stage_points: dict[int, tuple[EmotionPoint, ...]] = {}
        self._stage_segments: dict[int, tuple[_Context, tuple[Bezier, ...]]] = {}
        self._scores: dict[int, tuple[int, int]] = {}  # a stage's lowest and highest score
        if kept is not None:
            old, n = kept.marks, len(marks)
            self._scores = {i: r for i, r in kept._scores.items() if i < n and marks[i] is old[i]}
        if kept is not None and kept.ys == ys:
            old, n = kept.marks, len(marks)
            for index, points in kept._stage_points.items():
                if index < n and marks[index] is old[index]:
                    self._stage_points[index] = points
            for index, made in kept._stage_segments.items():
                if index < n and marks[index] is old[index]:
                    self._stage_segments[index] = made

    def with_persona(self, persona: Persona) -> EmotionCurve:
        """The same curve of the persona as edited (its name or colour, say)."""
        return EmotionCurve(persona, self.marks, self.ys, self)

    @property
    def points(self) -> tuple[EmotionPoint, ...]:
        """Every scored card's point, stage by stage, left to right."""
        if self._points is None:
            self._points = tuple(
                [p for index in range(len(self.marks)) for p in self.stage_points(index)]
            )
        return self._points

    @property
    def segments(self) -> tuple[tuple[int, Bezier], ...]:
        """The curve through the points (see ``smooth_curve``), each segment with the
        index of the stage it starts in."""
        if self._segments is None:
            self._segments = tuple(
                [(index, s) for index in range(len(self.marks))
                 for s in self.stage_segments(index)]
            )  # fmt: skip
        return self._segments

    def stages(self) -> list[int]:
        """The indexes of the stages that have points."""
        return [index for index, marks in enumerate(self.marks) if marks]

    def stage_points(self, index: int) -> tuple[EmotionPoint, ...]:
        """Stage ``index``'s points, left to right."""
        points = self._stage_points.get(index)
        if points is None:
            ys, new = self.ys, tuple.__new__  # (EmotionPoint's __new__ is slower)
            marks = self.marks[index] if index < len(self.marks) else ()
            points = tuple([new(EmotionPoint, (cid, s, (x, ys[s]), index)) for cid, s, x in marks])
            self._stage_points[index] = points
        return points

    def stage_segments(self, index: int) -> tuple[Bezier, ...]:
        """The segments that start at stage ``index``'s points (its last one runs to the
        next stage's first point). Those of a curve this one was made from are taken over
        where the points around them are the same."""
        if index >= len(self.marks) or not self.marks[index]:
            return ()
        context = self._context(index)
        known = self._stage_segments.get(index)
        if known is not None and known[0] == context:
            return known[1]
        points = [p.pos for p in self.stage_points(index)]
        before, after = context
        local = [before, *points, *after] if before is not None else [*points, *after]
        first = 1 if before is not None else 0
        count = len(points) if after else max(len(points) - 1, 0)
        if known is not None and len(known[1]) == count:
            # the same points between other neighbours: the segments at the ends change
            redo = set()
            if known[0][0] != before:
                redo.add(0)
            if known[0][1] != after:
                redo.update(range(max(count - 2, 0), count))
            made = list(known[1])
            ks = sorted(k for k in redo if k < count)
            for k, segment in zip(ks, smooth_segments(local, [first + k for k in ks]), strict=True):
                made[k] = segment
            segments = tuple(made)
        else:
            segments = tuple(smooth_segments(local, range(first, first + count)))
        self._stage_segments[index] = (context, segments)
        return segments

    def segment_stages(self) -> list[int]:
        """The indexes of the stages that segments start in (the stages with points but a
        last one with a single point)."""
        stages = self.stages()
        if stages and len(self.marks[stages[-1]]) == 1:
            stages.pop()
        return stages

    def stage_key(self, index: int) -> tuple[object, ...]:
        """What stage ``index``'s points and segments are worked out from (a view that drew
        them from an equal key draws the same): its marks, the ys and its neighbours."""
        return (self.marks[index] if index < len(self.marks) else (), self.ys,
                *self._context(index))  # fmt: skip

    def point_bounds(self, index: int) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` of stage ``index``'s points (it has some)."""
        marks, ys = self.marks[index], self.ys
        scores = self._scores.get(index)
        if scores is None:  # (kept while the stage's marks are: a lane that moved keeps them)
            each = [s for _, s, _ in marks]
            self._scores[index] = scores = (min(each), max(each))
        low, high = ys[scores[0]], ys[scores[1]]
        return marks[0][2], min(low, high), marks[-1][2], max(low, high)

    def segment_bounds(self, index: int) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` that the segments starting in stage ``index``
        keep within, from its points and neighbours alone (no segment worked out): their
        control points' y lie between their ends', and along x, where the points never
        go back, a control point lies within a sixth of the span from before the first
        point to two past the last of its segment's ends."""
        left, top, right, bottom = self.point_bounds(index)
        before, after = self._context(index)
        if after:
            right = after[0][0]
            top, bottom = min(top, after[0][1]), max(bottom, after[0][1])
        start = before[0] if before is not None else left
        end = after[-1][0] if after else right
        reach = (end - start) / 6
        return left - reach, top, right + reach, bottom

    def _context(self, index: int) -> _Context:
        """The point before stage ``index``'s first and the (up to) two after its last:
        what the shape of its segments depends on besides its own points."""
        marks, ys = self.marks, self.ys
        before = None
        for j in range(min(index, len(marks)) - 1, -1, -1):
            if marks[j]:
                _, score, x = marks[j][-1]
                before = (x, ys[score])
                break
        after: list[Point] = []
        for j in range(index + 1, len(marks)):
            for _, score, x in marks[j][: 2 - len(after)]:
                after.append((x, ys[score]))
            if len(after) == 2:
                break
        return before, tuple(after)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EmotionCurve):
            return NotImplemented
        return (
            self.persona == other.persona
            and self.points == other.points
            and self.segments == other.segments
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:  # (as a dataclass's: layouts are compared by their reprs)
        return (
            f"EmotionCurve(persona={self.persona!r}, points={self.points!r}, "
            f"segments={self.segments!r})"
        )


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
    ys = score_ys(y_of)
    pid = persona.id
    by_stage: dict[int, list[Mark]] = {}
    for card in cards:
        score = card.emotions.get(pid)
        if score is None:
            continue
        slot = slots.get(card.id)
        if slot is not None:
            by_stage.setdefault(slot[1], []).append((card.id, score, slot[0]))
    marks = tuple(
        tuple(sorted(by_stage.get(index, ()), key=_x_of))
        for index in range(max(by_stage, default=-1) + 1)
    )
    if (
        previous is not None
        and previous.persona is persona
        and previous.ys == ys
        and _trimmed(previous.marks) == marks
    ):
        return previous
    return EmotionCurve(persona, marks, ys)


def relay_curve(
    previous: EmotionCurve,
    persona: Persona,
    stage_cards: Mapping[int, Iterable[Card]],
    slots: Slots,
) -> EmotionCurve:
    """The curve :func:`lay_out_curve` makes, from ``previous`` (laid out in the same lane)
    with the marks of the stages in ``stage_cards`` made again from those cards (all of
    such a stage's, in map order) and the others' kept. A card move on a 5,000-card map
    touches two stages, not the whole curve; their points and segments are worked out
    when asked."""
    pid = persona.id
    marks = list(previous.marks)
    marks.extend([()] * (max(stage_cards, default=-1) + 1 - len(marks)))
    changed = False
    for stage, cards in stage_cards.items():
        # a stage's cards come in slot order (see card_slots): its marks are in order
        made: list[Mark] = []
        for card in cards:
            score = card.emotions.get(pid)
            slot = slots.get(card.id)
            if score is not None and slot is not None:
                made.append((card.id, score, slot[0]))
        if tuple(made) != marks[stage]:
            marks[stage] = tuple(made)
            changed = True
    if not changed:
        return previous if previous.persona is persona else previous.with_persona(persona)
    return EmotionCurve(persona, tuple(marks), previous.ys, previous)


def with_score(
    curve: EmotionCurve, card_id: str, score: int, slot: tuple[float, int]
) -> EmotionCurve:
    """``curve`` as it will be once the card at ``slot`` (its x and stage) has ``score``:
    what a dragged point shows on the way (the other stages' points and segments kept)."""
    x, stage = slot
    marks = list(curve.marks)
    marks.extend([()] * (stage + 1 - len(marks)))
    mine = [mark for mark in marks[stage] if mark[0] != card_id]
    marks[stage] = tuple(sorted([*mine, (card_id, score, x)], key=_x_of))
    return EmotionCurve(curve.persona, tuple(marks), curve.ys, curve)


def shift_curve(
    previous: EmotionCurve, persona: Persona, y_of: Callable[[float], float]
) -> EmotionCurve:
    """The curve :func:`lay_out_curve` makes from the cards and slots ``previous`` was laid
    out from, in a lane that moved (rows above it grew) or changed its height: the same
    marks with each score's new y (nothing is worked out until asked)."""
    return EmotionCurve(persona, previous.marks, score_ys(y_of), previous)


def score_ys(y_of: Callable[[float], float]) -> dict[int, float]:
    """The y of each score, as curves place their points."""
    return {score: round(y_of(score), 2) for score in range(EMOTION_MIN, EMOTION_MAX + 1)}


def _x_of(mark: Mark) -> float:
    return mark[2]


def _trimmed(marks: tuple[Marks, ...]) -> tuple[Marks, ...]:
    """``marks`` without the stages after the last one that has any."""
    end = len(marks)
    while end and not marks[end - 1]:
        end -= 1
    return marks[:end]


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
