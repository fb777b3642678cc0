"""The room's dot votes, entered in present mode: each tally set or changed is one undo
step on the card (``Card.votes``, per workshop day). Voting only adds to what the map says
about the room; the card itself is left as it was, and a card removed with its votes gets
them back when the removal is undone."""

from __future__ import annotations

from mapper.edits.changes import Change, Update
from mapper.model import Entity, JourneyMap
from mapper.model.vocabulary import VOTES_MAX
from mapper.model.votes import votes_words


def set_votes(journey: JourneyMap, card_id: str, day: str, count: int) -> Change | None:
    """``card_id`` has ``count`` votes on ``day`` (0 takes them away, more than the most a
    card may hold is kept at that); None when nothing changes or the card is gone."""
    if not journey.has_card(card_id):
        return None
    card = journey.card(card_id)
    count = max(0, min(count, VOTES_MAX))
    if card.votes.get(day, 0) == count:
        return None
    votes = {d: n for d, n in card.votes.items() if d != day}
    if count:
        votes[day] = count
    text = f"{votes_words(count)} for “{card.title}”" if count else f"No votes for “{card.title}”"
    return Update(journey, Entity.CARD, card_id, {"votes": dict(sorted(votes.items()))}, text)


def add_votes(journey: JourneyMap, card_id: str, day: str, delta: int) -> Change | None:
    """One (or ``delta``) more or fewer votes for ``card_id`` on ``day``."""
    if not journey.has_card(card_id):
        return None
    return set_votes(journey, card_id, day, journey.card(card_id).votes.get(day, 0) + delta)
