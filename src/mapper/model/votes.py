"""Dot votes the room gave in workshops: each card keeps a count per workshop day
(``Card.votes``, "2026-12-06" -> 12). Rankings use the latest workshop's votes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mapper.model.entities import Card
from mapper.model.journey import JourneyMap


def day_of(when: date) -> str:
    """A workshop's day as votes and notes' tags name it: "2026-12-06"."""
    return f"{when:%Y-%m-%d}"


def vote_days(journey: JourneyMap) -> list[str]:
    """The days the map has votes for, newest first."""
    return sorted({day for card in journey.cards() for day in card.votes}, reverse=True)


def latest_vote_day(journey: JourneyMap) -> str | None:
    days = vote_days(journey)
    return days[0] if days else None


def votes_on(card: Card, day: str | None) -> int:
    return card.votes.get(day, 0) if day is not None else 0


def by_votes(cards: Iterable[Card], day: str | None) -> list[Card]:
    """``cards`` with the most voted first; ties (and unvoted cards) keep their order."""
    return sorted(cards, key=lambda card: -votes_on(card, day))


def spoken_day(day: str) -> str:
    """ "2026-12-06" -> "6 December 2026" (the day as given when it is not a date)."""
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return day
    return f"{when.day} {when:%B %Y}"


def votes_words(count: int) -> str:
    return f"{count} vote" if count == 1 else f"{count} votes"
