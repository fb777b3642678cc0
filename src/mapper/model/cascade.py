"""Removing a thing with everything that hangs on it, and putting all of it back.

A card takes its flows and its links from opportunities; a stage or lane its cards (with
theirs); a persona its scores, its active mark and its place in the presentation choices.
Each removal returns a record (:mod:`mapper.model.removals`) that restores it exactly.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mapper.model.collection import ModelError
from mapper.model.entities import Lane, Stage
from mapper.model.events import Action, Entity
from mapper.model.removals import (
    CardRemoval,
    ColumnRemoval,
    FlowRemoval,
    OpportunityRemoval,
    PersonaRemoval,
    Removal,
)

if TYPE_CHECKING:
    from mapper.model.journey import JourneyMap


def remove(journey: JourneyMap, kind: Entity, item_id: str) -> Removal:
    """Remove a thing and what hangs on it; the record puts it all back."""
    if kind is Entity.CARD:
        return _remove_card(journey, item_id)
    if kind is Entity.FLOW:
        return FlowRemoval(journey._remove_flow(item_id))
    if kind is Entity.STAGE or kind is Entity.LANE:
        return _remove_column(journey, kind, item_id)
    if kind is Entity.PERSONA:
        return _remove_persona(journey, item_id)
    if kind is Entity.OPPORTUNITY:
        opportunity, index = journey.opportunities.remove(item_id)
        journey.notify(kind, Action.REMOVED, item_id)
        return OpportunityRemoval(opportunity, index)
    raise ModelError(f"a {kind.value} cannot be removed")


def restore(journey: JourneyMap, removal: Removal) -> None:
    """Undo :func:`remove`: the thing at its old place, with what hung on it."""
    if isinstance(removal, CardRemoval):
        journey.insert(removal.index, removal.card)
        for flow in removal.flows:
            journey.add(flow)
        for opp in removal.opportunities:
            journey._put_back_opportunity(opp)
    elif isinstance(removal, FlowRemoval):
        journey.add(removal.flow)
    elif isinstance(removal, ColumnRemoval):
        journey.insert(removal.index, removal.entity)
        for card in removal.cards:
            journey.add(card)
        for flow in removal.flows:
            journey.add(flow)
        for opp in removal.opportunities:
            journey._put_back_opportunity(opp)
        if removal.presentation is not None:
            journey.update_info(presentation=removal.presentation)
    elif isinstance(removal, PersonaRemoval):
        journey.insert(removal.index, removal.persona)
        for card in removal.cards:
            journey.update(Entity.CARD, card.id, emotions=card.emotions)
        if removal.was_active:
            journey.update_info(active_persona_id=removal.persona.id)
        if removal.presentation is not None:
            journey.update_info(presentation=removal.presentation)
    else:
        journey.insert(removal.index, removal.opportunity)


def _remove_card(journey: JourneyMap, card_id: str) -> CardRemoval:
    card = journey.card(card_id)
    index = journey.card_position(card_id)[2]
    flows = tuple(journey.flows_of(card_id))
    touched = tuple(o for o in journey.opportunities if card_id in o.pain_point_ids)
    for opp in touched:
        journey.update(
            Entity.OPPORTUNITY,
            opp.id,
            pain_point_ids=tuple(p for p in opp.pain_point_ids if p != card_id),
        )
    journey._drop_card(card)
    return CardRemoval(card, index, flows, touched)


def _remove_column(journey: JourneyMap, kind: Entity, item_id: str) -> ColumnRemoval:
    entity: Stage | Lane = journey._ordered(kind).get(item_id)
    index = journey._ordered(kind).index_of(item_id)
    if kind is Entity.STAGE:
        cards = [c for lane in journey.lanes for c in journey.cards_in_cell(item_id, lane.id)]
    else:
        cards = [c for stage in journey.stages for c in journey.cards_in_cell(stage.id, item_id)]
    flows = {f.id: f for c in cards for f in journey.flows_of(c.id)}
    card_ids = {c.id for c in cards}
    stage_id = item_id if kind is Entity.STAGE else None
    touched = [
        o
        for o in journey.opportunities
        if card_ids.intersection(o.pain_point_ids) or (stage_id and o.stage_id == stage_id)
    ]
    for opp in touched:
        journey.update(
            Entity.OPPORTUNITY,
            opp.id,
            pain_point_ids=tuple(p for p in opp.pain_point_ids if p not in card_ids),
            stage_id=None if opp.stage_id == stage_id else opp.stage_id,
        )
    for card in reversed(cards):
        journey._drop_card(card)
    shown = journey.info.presentation
    presentation = None
    if kind is Entity.LANE and item_id in shown.hidden_lane_ids:
        hidden = tuple(i for i in shown.hidden_lane_ids if i != item_id)
        journey.update_info(presentation=replace(shown, hidden_lane_ids=hidden))
        presentation = shown
    if kind is Entity.STAGE and item_id in shown.timeboxes:
        timeboxes = {k: v for k, v in shown.timeboxes.items() if k != item_id}
        journey.update_info(presentation=replace(shown, timeboxes=timeboxes))
        presentation = shown
    journey._ordered(kind).remove(item_id)
    journey.notify(kind, Action.REMOVED, item_id)
    return ColumnRemoval(
        entity, index, tuple(cards), tuple(flows.values()), tuple(touched), presentation
    )


def _remove_persona(journey: JourneyMap, persona_id: str) -> PersonaRemoval:
    """Remove a persona and its emotion scores on every card."""
    persona = journey.personas.get(persona_id)
    index = journey.personas.index_of(persona_id)
    scored = tuple(c for c in journey.cards() if persona_id in c.emotions)
    for card in scored:
        emotions = {k: v for k, v in card.emotions.items() if k != persona_id}
        journey.update(Entity.CARD, card.id, emotions=emotions)
    was_active = journey.info.active_persona_id == persona_id
    if was_active:
        journey.update_info(active_persona_id=None)
    shown = journey.info.presentation
    hidden_before = None
    if persona_id in shown.hidden_persona_ids:
        hidden = tuple(i for i in shown.hidden_persona_ids if i != persona_id)
        journey.update_info(presentation=replace(shown, hidden_persona_ids=hidden))
        hidden_before = shown
    journey.personas.remove(persona_id)
    journey.notify(Entity.PERSONA, Action.REMOVED, persona_id)
    return PersonaRemoval(persona, index, scored, was_active, hidden_before)
