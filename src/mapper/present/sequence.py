"""The facilitator's own sequence of steps (``Presentation.sequence``): the usual steps
reordered or skipped, and steps added (a voting step, a slide of free text).

The map keeps the whole lineup, skipped steps too. A step it does not name (a stage added
later, the agenda once it is asked for) takes its usual place after the usual step before
it (and after the slides or votes added right after that one); a named step that no
longer exists (a deleted stage, a vote with nothing to vote on) is left out without fuss.
:func:`build_steps` gives the steps a presentation shows, in the facilitator's sequence or
the usual one; :func:`emptied_steps` says what a choice would take out. Pure Python, like
:mod:`.steps`.
"""

from __future__ import annotations

from dataclasses import replace

from mapper.model import JourneyMap, Presentation, SequenceItem
from mapper.present.content import Shown, shown
from mapper.present.insights import ranked_opportunities, ranked_pain_points
from mapper.present.steps import Step, StepKind, usual_steps

VOTE_PAIN_POINTS = "vote:pain_points"
VOTE_OPPORTUNITIES = "vote:opportunities"
SLIDE_PREFIX = "slide:"
ADDED = (SLIDE_PREFIX, "vote:")  # the keys of steps the facilitator added
VOTE_TITLES = {
    VOTE_PAIN_POINTS: "Vote: which pain points matter most?",
    VOTE_OPPORTUNITIES: "Vote: which ideas should we do first?",
}
VOTE_NOTES = (
    "Type an item's number, = and its dots, then Enter (3 = 12 Enter); or pick with Up/Down "
    "and type the dots, then Enter; + and − add or take one. Ctrl+Z in the editor undoes."
)

Lineup = list[tuple[SequenceItem, Step]]


def added_step(journey: JourneyMap, content: Shown, item: SequenceItem) -> Step | None:
    """The step an added item stands for, or None when there is nothing to show."""
    if item.key.startswith(SLIDE_PREFIX):
        return Step(StepKind.SLIDE, item.title or "Slide", ref=item.key, text=item.text)
    if item.key == VOTE_PAIN_POINTS and ranked_pain_points(journey, content):
        return Step(StepKind.VOTE, VOTE_TITLES[item.key], ref=item.key, notes=VOTE_NOTES)
    if item.key == VOTE_OPPORTUNITIES and ranked_opportunities(journey, content):
        return Step(StepKind.VOTE, VOTE_TITLES[item.key], ref=item.key, notes=VOTE_NOTES)
    return None


def lineup(
    journey: JourneyMap, content: Shown, usual: list[Step], sequence: tuple[SequenceItem, ...]
) -> Lineup:
    """Every step in the facilitator's order with its item (skipped ones too)."""
    by_key = {step.key: step for step in usual}
    placed: Lineup = []
    seen: set[str] = set()
    for item in sequence:
        if item.key in seen:
            continue
        step = by_key.get(item.key) or added_step(journey, content, item)
        if step is not None:
            seen.add(item.key)
            placed.append((item, step))
    for i, step in enumerate(usual):
        if step.key in seen:
            continue
        seen.add(step.key)
        keys = [item.key for item, _ in placed]
        at = next((keys.index(s.key) + 1 for s in reversed(usual[:i]) if s.key in keys), 0)
        while at and at < len(keys) and keys[at].startswith(ADDED):
            at += 1  # a break or a vote placed after the step before stays right after it
        placed.insert(at, (SequenceItem(step.key), step))
    return placed


def arrange(
    journey: JourneyMap, content: Shown, usual: list[Step], sequence: tuple[SequenceItem, ...]
) -> list[Step]:
    """The steps the room sees, in the facilitator's order; the overview when every step
    is skipped (a file may say so; the dialog does not let it)."""
    steps = [step for item, step in lineup(journey, content, usual, sequence) if not item.skip]
    return steps or usual[:1]


def is_usual(items: list[SequenceItem], usual: list[Step]) -> bool:
    """The lineup is the usual one: nothing moved, skipped or added."""
    return [(i.key, i.skip) for i in items] == [(s.key, False) for s in usual]


def build_steps(
    journey: JourneyMap, content: Shown | None = None, choice: Presentation | None = None
) -> list[Step]:
    """The steps in the facilitator's sequence (``choice.sequence``, see
    :mod:`.sequence`), or else the usual ones (:func:`usual_steps`)."""
    content = content or shown(journey, choice)
    choice = choice or journey.info.presentation
    usual = usual_steps(journey, content, choice)
    if not choice.sequence:
        return usual
    return arrange(journey, content, usual, choice.sequence)


def emptied_steps(journey: JourneyMap, choice: Presentation) -> list[str]:
    """What ``choice`` would take out of the presentation, said for the setup dialog:
    steps that disappear and stages left with no card to show."""
    everything = build_steps(journey, shown(journey, Presentation()), Presentation())
    content = shown(journey, choice)
    kept = build_steps(journey, content, replace(choice, sequence=()))
    said = []
    lost = [s for s in everything if s.kind is StepKind.EMOTION and s not in kept]
    if lost:
        said.append(f"The {len(lost)} “How it feels” steps are left out: no emotion lane or "
                    "no persona with scores is shown.")  # fmt: skip
    if any(s.kind is StepKind.PAIN_POINTS for s in everything) and not any(
        s.kind is StepKind.PAIN_POINTS for s in kept
    ):
        said.append("The pain points slide is left out: no shown persona finds any.")
    lanes = content.lane_ids
    for stage in journey.stages:
        has_cards = any(journey.cards_in_cell(stage.id, lane.id) for lane in journey.lanes)
        if has_cards and not any(journey.cards_in_cell(stage.id, lane) for lane in lanes):
            said.append(f"Stage “{stage.name}” would show no cards.")
    return said
