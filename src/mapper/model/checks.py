"""What a journey map refuses before it changes: ids it does not know, a second card or
flow with one id, a flow from a card to itself, channels and personas it does not have.
Each check raises :class:`ModelError` and changes nothing."""

from __future__ import annotations

from mapper.model.collection import ModelError
from mapper.model.contents import MapContents
from mapper.model.entities import Card, Flow, MapInfo
from mapper.model.events import Entity


def check_info(journey: MapContents, info: MapInfo) -> None:
    if info.active_persona_id is not None and info.active_persona_id not in journey.personas:
        raise ModelError(f"no persona with id {info.active_persona_id!r}")
    for lane_id in info.presentation.hidden_lane_ids:
        journey.lanes.get(lane_id)
    for persona_id in info.presentation.hidden_persona_ids:
        journey.personas.get(persona_id)
    for stage_id in info.presentation.timeboxes:
        journey.stages.get(stage_id)


def check_new_card(journey: MapContents, card: Card, links: bool = True) -> None:
    """A card to add (``links``: check the cards it addresses too)."""
    if journey.has_card(card.id):
        raise ModelError(f"a card with id {card.id!r} already exists")
    journey.stages.get(card.stage_id)
    journey.lanes.get(card.lane_id)
    check_card_values(journey, card)
    if links:
        check_links(journey, card)


def check_card_values(journey: MapContents, card: Card) -> None:
    for persona_id in card.emotions:
        journey.personas.get(persona_id)
    if card.channel is not None and not journey.channel_known(card.channel):
        raise ModelError(f"unknown channel {card.channel!r}")


def check_links(journey: MapContents, card: Card) -> None:
    for card_id in card.pain_point_ids:
        if not journey.has_card(card_id):
            raise ModelError(f"card {card.id!r} addresses unknown card {card_id!r}")


def check_new_flow(journey: MapContents, flow: Flow) -> None:
    if journey.contains(Entity.FLOW, flow.id):
        raise ModelError(f"a flow with id {flow.id!r} already exists")
    for end in (flow.source, flow.target):
        if not journey.has_card(end):  # NetworkX would silently create the node
            raise ModelError(f"flow {flow.id!r} points at unknown card {end!r}")
    if flow.source == flow.target:
        raise ModelError("a flow cannot lead from a card to itself")
    if journey.has_flow_between(flow.source, flow.target):
        raise ModelError(f"there is already a flow from {flow.source!r} to {flow.target!r}")
