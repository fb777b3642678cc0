"""Find cards whose text matches a query, across every text field."""

from __future__ import annotations

from mapper.model.entities import Card
from mapper.model.journey import JourneyMap


def card_text(card: Card) -> str:
    parts = [card.title, card.description, card.owner, card.notes, card.url, card.channel or ""]
    parts += card.tags
    parts += [f"{e.text} {e.source}" for e in card.evidence]
    return "\n".join(parts)


def find_cards(journey: JourneyMap, query: str) -> list[str]:
    """Ids of matching cards in document order; case-insensitive; empty query finds none."""
    needle = query.strip().casefold()
    if not needle:
        return []
    return [c.id for c in journey.cards() if needle in card_text(c).casefold()]
