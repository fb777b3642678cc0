"""Removing a thing with everything that hangs on it, and putting all of it back.

A card takes its flows and its links from the opportunities that address it; a stage or
lane its cards (with theirs); a persona its scores, its active mark and its place in the
presentation choices.
Each removal returns a record (:mod:`mapper.model.removals`) that restores it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mapper.model.collection import ModelError
from mapper.model.contents import MapContents
from mapper.model.entities import Card, Lane, Stage
from mapper.model.events import Action, Entity
from mapper.model.removals import (
    CardRemoval,
    ColumnRemoval,
    FlowRemoval,
    PersonaRemoval,
    Removal,
)


def remove(journey: MapContents, kind: Entity, item_id: str) -> Removal:
    """Remove a thing and what hangs on it; the record puts it all back."""
    if kind is Entity.CARD:
        return _remove_card(journey, item_id)
    if kind is Entity.FLOW:
        return FlowRemoval(journey._remove_flow(item_id))
    if kind is Entity.STAGE or kind is Entity.LANE:
        return _remove_column(journey, kind, item_id)
    if kind is Entity.PERSONA:
        return _remove_persona(journey, item_id)
    raise ModelError(f"a {kind.value} cannot be removed")


def restore(journey: MapContents, removal: Removal) -> None:
    """Undo :func:`remove`: the thing at its old place, with what hung on it."""
    if isinstance(removal, CardRemoval):
        journey.insert(removal.index, removal.card)
        for flow in removal.flows:
            journey.add(flow)
        _put_back_links(journey, removal.linked_by)
    elif isinstance(removal, FlowRemoval):
        journey.add(removal.flow)
    elif isinstance(removal, ColumnRemoval):
        journey.insert(removal.index, removal.entity)
        journey.add_cards(removal.cards)
        for flow in removal.flows:
            journey.add(flow)
        _put_back_links(journey, removal.linked_by)
        if removal.presentation is not None:
            journey.update_info(presentation=removal.presentation)
    else:
        journey.insert(removal.index, removal.persona)
        for card in removal.cards:
            journey.update(Entity.CARD, card.id, emotions=card.emotions)
        if removal.was_active:
            journey.update_info(active_persona_id=removal.persona.id)
        if removal.presentation is not None:
            journey.update_info(presentation=removal.presentation)


def _remove_card(journey: MapContents, card_id: str) -> CardRemoval:
    card = journey.card(card_id)
    index = journey.card_position(card_id)[2]
    flows = tuple(journey.flows_of(card_id))
    touched = _drop_links(journey, journey.linked_by(card_id), {card_id})
    journey._drop_card(card)
    return CardRemoval(card, index, flows, touched)


def _remove_column(journey: MapContents, kind: Entity, item_id: str) -> ColumnRemoval:
    entity: Stage | Lane = journey._ordered(kind).get(item_id)
    index = journey._ordered(kind).index_of(item_id)
    if kind is Entity.STAGE:
        cards = [c for lane in journey.lanes for c in journey.cards_in_cell(item_id, lane.id)]
    else:
        cards = [c for stage in journey.stages for c in journey.cards_in_cell(stage.id, item_id)]
    flows = {f.id: f for c in cards for f in journey.flows_of(c.id)}
    card_ids = {c.id for c in cards}
    linking = {o.id: o for c in cards for o in journey.linked_by(c.id) if o.id not in card_ids}
    touched = _drop_links(journey, linking.values(), card_ids)
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
    return ColumnRemoval(entity, index, tuple(cards), tuple(flows.values()), touched, presentation)


def _remove_persona(journey: MapContents, persona_id: str) -> PersonaRemoval:
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


def _drop_links(
    journey: MapContents, linking: Iterable[Card], card_ids: set[str]
) -> tuple[Card, ...]:
    """Take ``card_ids`` out of the links of the cards that address them; returns those
    cards as they were."""
    touched = tuple(linking)
    for card in touched:
        kept = tuple(i for i in card.pain_point_ids if i not in card_ids)
        journey.update(Entity.CARD, card.id, pain_point_ids=kept)
    return touched


def _put_back_links(journey: MapContents, cards: tuple[Card, ...]) -> None:
    for card in cards:
        journey.update(Entity.CARD, card.id, pain_point_ids=card.pain_point_ids)
