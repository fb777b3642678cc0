"""The presentation as a list of steps, built from the model, and a cursor that walks it.

Pure Python: the audience view, the presenter console and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mapper.model import JourneyMap, Presentation, Stage
from mapper.present.content import Shown
from mapper.present.insights import ranked_opportunities, ranked_pain_points


class StepKind(StrEnum):
    OVERVIEW = "overview"
    AGENDA = "agenda"
    STAGE = "stage"
    EMOTION = "emotion"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    VOTE = "vote"  # dot voting on the pain points or the opportunities
    SLIDE = "slide"  # a slide the facilitator added: a break, a question for the room


@dataclass(frozen=True)
class Step:
    kind: StepKind
    title: str
    stage_id: str | None = None
    stage_index: int = -1  # STAGE: which stage; EMOTION: the last stage revealed
    notes: str = ""  # what the presenter console shows as speaker notes
    ref: str = ""  # VOTE and SLIDE: the sequence key ("vote:pain_points", "slide:ID")
    text: str = ""  # SLIDE: what the slide says under its title

    @property
    def key(self) -> str:
        """The step's name in an edited sequence (``Presentation.sequence``)."""
        if self.kind in (StepKind.STAGE, StepKind.EMOTION):
            return f"{self.kind.value}:{self.stage_id}"
        return self.ref or self.kind.value

    @property
    def is_map(self) -> bool:
        """Shown on the map canvas (camera moves) rather than as a slide."""
        return self.kind in (StepKind.OVERVIEW, StepKind.STAGE)


def usual_steps(journey: JourneyMap, content: Shown, choice: Presentation) -> list[Step]:
    """Overview; each stage; the emotion curve revealed stage by stage; pain points;
    opportunities. Steps with nothing to show are left out."""
    info = journey.info
    overview_notes = "\n\n".join(t for t in (info.scenario.goal, info.notes) if t)
    steps = [Step(StepKind.OVERVIEW, info.title or "Overview", notes=overview_notes)]
    stages = list(journey.stages)
    if choice.agenda and stages:
        steps.append(Step(StepKind.AGENDA, "Agenda"))
    feelings = _has_emotions(journey, content)
    interleave = choice.interleave
    for i, stage in enumerate(stages):
        steps.append(Step(StepKind.STAGE, stage.name, stage.id, i, stage.notes))
        if feelings and interleave:  # each stage's feelings right after it
            steps.append(_feelings(stage, i))
    if feelings and not interleave:  # the curve revealed stage by stage, in a second pass
        steps += [_feelings(stage, i) for i, stage in enumerate(stages)]
    if ranked_pain_points(journey, content):
        steps.append(Step(StepKind.PAIN_POINTS, "Pain points"))
    count = len(ranked_opportunities(journey, content))
    if count:
        steps.append(Step(StepKind.OPPORTUNITIES, "Opportunities", notes=f"{count} ideas"))
    return steps


def _feelings(stage: Stage, index: int) -> Step:
    return Step(StepKind.EMOTION, f"How it feels: up to {stage.name}", stage.id, index,
                stage.notes)  # fmt: skip


def _has_emotions(journey: JourneyMap, content: Shown) -> bool:
    if content.emotion_lane is None or not content.personas:
        return False
    personas = content.persona_ids  # a card's feelings count even when its lane is left out
    hidden = {lane.id for lane in journey.lanes if lane.hidden}  # as the canvas counts them
    return any(
        not card.sensitive
        and card.lane_id not in hidden
        and any(p in card.emotions for p in personas)
        for card in journey.cards()
    )


class Navigator:
    """Where we are in the steps. Every move returns whether the position changed."""

    def __init__(self, steps: list[Step]) -> None:
        if not steps:
            raise ValueError("a presentation needs at least one step")
        self.steps = steps
        self.index = 0

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def next_step(self) -> Step | None:
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None

    def go(self, index: int) -> bool:
        index = max(0, min(index, len(self.steps) - 1))
        changed = index != self.index
        self.index = index
        return changed

    def forward(self) -> bool:
        return self.go(self.index + 1)

    def back(self) -> bool:
        return self.go(self.index - 1)

    def first(self) -> bool:
        return self.go(0)

    def last(self) -> bool:
        return self.go(len(self.steps) - 1)

    def stage(self, number: int) -> bool:
        """Jump to stage ``number`` (1-based); numbers past the last stage do nothing."""
        index = self._stage_step(number)
        return index is not None and self.go(index)

    def has_stage(self, number: int) -> bool:
        return self._stage_step(number) is not None

    def _stage_step(self, number: int) -> int | None:
        for i, step in enumerate(self.steps):
            if step.kind is StepKind.STAGE and step.stage_index == number - 1:
                return i
        return None


def find_step(steps: list[Step], like: Step, fallback: int) -> int:
    """Where ``like`` is in ``steps`` (same kind and stage, or the same title), else
    ``fallback`` kept within the steps: the map may have changed since."""
    for i, step in enumerate(steps):
        if step.kind is like.kind and step.stage_id == like.stage_id and step.title == like.title:
            return i
    for i, step in enumerate(steps):
        if step.kind is like.kind and step.stage_id == like.stage_id:
            return i
    return max(0, min(fallback, len(steps) - 1))


def stage_step(steps: list[Step], stage_id: str) -> int | None:
    """The step that shows ``stage_id``, if it is presented."""
    for i, step in enumerate(steps):
        if step.kind is StepKind.STAGE and step.stage_id == stage_id:
            return i
    return None
