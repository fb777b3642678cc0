"""The emotion lane's part of the layout: every card's place along the curves (its slot)
and each shown persona's curve, built on the previous layout's where the map allows:
a stage whose cells stayed keeps its slots and scored cards, and a curve's marks are made
again only in the stages whose cells changed (``layout.emotion.relay_curve``); a curve
that moved with its lane keeps them all (``shift_curve``). Points and segments are worked
out when asked. The result equals a layout made from scratch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import is_

from mapper.layout.boxes import MapLayout, emotion_y
from mapper.layout.emotion import (
    Slots,
    card_slots,
    lay_out_curve,
    relay_curve,
    rescored,
    shift_curve,
)
from mapper.layout.persona_style import styles_by_id
from mapper.model import Card, JourneyMap
from mapper.model.entities import Stage

Cells = tuple[Sequence[Card], ...]  # a stage's cells, lane by lane (or all of them)


def lay_out_emotions(
    journey: JourneyMap,
    result: MapLayout,
    columns: list[tuple[Stage, float]],
    personas: list[str] | None,
    previous: MapLayout | None,
) -> None:
    """The shown personas' curves (not those hidden, nor those left out of ``personas``)."""
    result.persona_styles = styles_by_id(journey.personas)
    lane = result.emotion_lane
    if lane is None:
        return
    stage_index = {stage.id: i for i, (stage, _) in enumerate(columns)}
    spans = [(x, stage.width) for stage, x in columns]
    lanes = [ln.id for ln in journey.lanes if not ln.hidden]
    per_stage = len(lanes)
    # the shown cells' cards, stage by stage, lane by lane: what the slots come from
    cells = tuple(journey.cell_cards(stage.id, lane) for stage, _ in columns for lane in lanes)
    places = tuple((stage.id, x, stage.width) for stage, x in columns)

    def cells_of(index: int, flat: Cells = cells) -> Cells:
        """Stage ``index``'s shown cells, lane by lane (of ``flat``: this layout's cells)."""
        return flat[index * per_stage : (index + 1) * per_stage]

    known_slots = previous.emotion_slots if previous is not None else None
    old = previous.emotion_cells if previous is not None else None
    # the stages some of whose cells changed (None: the columns or lanes did, any may have)
    changed_stages: list[int] | None = None
    if (
        known_slots is not None
        and old is not None
        and old[1] == places
        and len(old[0]) == len(cells)
    ):
        changed_stages = [
            index
            for index in range(len(columns))
            if not all(map(is_, cells_of(index), cells_of(index, old[0])))
        ]

    def stage_slots(index: int) -> Slots:
        """The slots of one stage's cards (see :func:`card_slots`)."""
        return card_slots((c for cell in cells_of(index) for c in cell), stage_index, spans)

    # each stage's slots, kept by identity while the stage's cards keep their ids and order
    by_stage: tuple[Slots, ...]
    old_parts = previous.emotion_stage_slots if previous is not None else ()
    if known_slots is None or changed_stages is None or len(old_parts) != len(columns):
        by_stage = tuple(stage_slots(index) for index in range(len(columns)))
        slots: Slots = {k: v for part in by_stage for k, v in part.items()}
        if known_slots is not None and known_slots == slots:
            slots = known_slots
    else:
        again = set(changed_stages)
        by_stage = tuple(
            _stage_again(cells_of(index), index, part, stage_slots) if index in again else part
            for index, part in enumerate(old_parts)
        )
        if all(map(is_, by_stage, old_parts)):
            slots = known_slots  # the same cards in the same places (edited, perhaps)
        else:
            merged: dict[str, tuple[float, int]] = {}
            for part in by_stage:
                merged.update(part)
            slots = merged
    result.emotion_cells = cells, places
    result.emotion_stage_slots = by_stage
    result.emotion_slots = slots

    # each stage's scored cards: a stage whose cells stayed keeps its list
    def scored_in(index: int) -> list[Card]:
        return [c for cell in cells_of(index) for c in cell if c.emotions]

    old_cards = previous.emotion_cards if previous is not None else ()
    if changed_stages is not None and len(old_cards) == len(columns):
        again = set(changed_stages)
        stage_scored = tuple(
            scored_in(index) if index in again else part for index, part in enumerate(old_cards)
        )
    else:
        stage_scored = tuple(scored_in(index) for index in range(len(columns)))
    result.emotion_cards = stage_scored
    known = {c.persona.id: c for c in previous.emotion_curves} if previous is not None else {}
    # the personas whose points may have moved (None: any); the others keep their curves
    old_lane = previous.emotion_lane if previous is not None else None
    same_lane = old_lane is not None and old_lane.row == lane.row
    changed: set[str] | None = None
    if previous is not None and old_lane is not None and slots is known_slots:
        if changed_stages is not None and len(old_cards) == len(columns):
            changed = set()
            for index in changed_stages:  # (the other stages' cards are the same)
                these = rescored(old_cards[index], stage_scored[index])
                if these is None:
                    changed = None
                    break
                changed |= these
        else:
            changed = rescored([c for part in old_cards for c in part],
                               [c for part in stage_scored for c in part])  # fmt: skip
    # the changed stages' scored cards, when the other stages' points can stay (in a lane
    # that moved, at their score's new y)
    stage_cards: dict[int, list[Card]] | None = None
    if old_lane is not None and changed_stages is not None:
        stage_cards = {index: stage_scored[index] for index in changed_stages}

    def y_of(score: float) -> float:
        return emotion_y(lane.row, score, result.style)

    for persona in journey.personas:
        if persona.hidden or (personas is not None and persona.id not in personas):
            continue
        kept = known.get(persona.id)
        if (
            changed is not None
            and kept is not None
            and kept.persona is persona
            and (persona.id not in changed)
        ):
            # the same points, or the same points in a lane that moved
            result.emotion_curves.append(kept if same_lane else shift_curve(kept, persona, y_of))
            continue
        if kept is not None and stage_cards is not None:
            base = kept if same_lane else shift_curve(kept, kept.persona, y_of)
            curve = relay_curve(base, persona, stage_cards, slots)
        else:
            scored = [c for part in stage_scored for c in part]
            curve = lay_out_curve(persona, scored, slots, y_of, kept)
        result.emotion_curves.append(curve)


def _stage_again(
    these: Cells,
    index: int,
    known: Slots,
    stage_slots: Callable[[int], Slots],
) -> Slots:
    """Stage ``index``'s slots: ``known`` when its cells (``these``) hold cards of the same
    ids in the same order (their places are the same), else worked out again."""
    ids = iter(known)
    count = 0
    for cell in these:
        for card in cell:
            count += 1
            if next(ids, None) != card.id:
                return stage_slots(index)
    return known if count == len(known) else stage_slots(index)
