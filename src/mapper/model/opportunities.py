"""Opportunities: cards of kind opportunity, rated by impact and effort, each addressing
pain points (other cards, by id). Ranking and the pain points an opportunity can address."""

from __future__ import annotations

from collections.abc import Iterable

from mapper.model.entities import Card
from mapper.model.journey import JourneyMap
from mapper.model.pain import pain_points_by_persona
from mapper.model.vocabulary import CardKind


def opportunities(journey: JourneyMap) -> list[Card]:
    """The map's opportunity cards in document order."""
    return [card for card in journey.cards() if card.kind is CardKind.OPPORTUNITY]


def by_priority(cards: Iterable[Card]) -> list[Card]:
    """Quick wins first, then by impact over effort, then higher impact; stable otherwise."""
    return sorted(cards, key=lambda o: (not o.is_quick_win, -o.priority, -o.impact))


def addressed(journey: JourneyMap, opportunity: Card) -> list[Card]:
    """The pain points an opportunity addresses, in the order it lists them."""
    return [journey.card(card_id) for card_id in opportunity.pain_point_ids]


def addressing(journey: JourneyMap, card_id: str) -> list[Card]:
    """The opportunities that address a card, in document order."""
    return [c for c in journey.linked_by(card_id) if c.kind is CardKind.OPPORTUNITY]


def pain_point_choices(journey: JourneyMap, opportunity: Card) -> list[Card]:
    """What an opportunity may address, in document order: the pain points (cards marked
    so, or scored as pain by a shown persona) and whatever it addresses already."""
    wanted = {point.card.id for point in pain_points_by_persona(journey)}  # shown personas
    wanted.update(opportunity.pain_point_ids)
    wanted.discard(opportunity.id)
    return [card for card in journey.cards() if card.id in wanted]
