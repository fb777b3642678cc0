"""What a voting step lists: the pain points or the opportunities the room sees, numbered
in their usual order (most painful first, quick wins first), so the numbers stay put while
the votes come in. Pure Python."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.edits.changes import Change
from mapper.edits.votes import add_votes, set_votes
from mapper.model import JourneyMap
from mapper.model.votes import votes_on
from mapper.present.content import Shown
from mapper.present.insights import ranked_opportunities, ranked_pain_points
from mapper.present.sequence import VOTE_PAIN_POINTS
from mapper.present.vote_typing import Tally, VoteTyping

VOTE_ITEMS_MAX = 24  # what a room can take in and count dots for


@dataclass(frozen=True)
class VoteItem:
    number: int  # 1-based, as the room calls it out
    card_id: str
    title: str
    where: str  # its stage


def vote_items(journey: JourneyMap, content: Shown, key: str, top: int = 0) -> list[VoteItem]:
    """The numbered items of the voting step ``key``; ``top`` caps the pain points as the
    pain slide does (0: the usual cap)."""
    limit = min(top or VOTE_ITEMS_MAX, VOTE_ITEMS_MAX)
    if key == VOTE_PAIN_POINTS:
        cards = [p.card for p in ranked_pain_points(journey, content)]
    else:
        cards = ranked_opportunities(journey, content)
    return [
        VoteItem(n, card.id, card.title, journey.stages.get(card.stage_id).name)
        for n, card in enumerate(cards[:limit], start=1)
    ]


def tallies(journey: JourneyMap, items: list[VoteItem], day: str) -> list[int]:
    """Each item's votes on ``day``, read from the map as it is now."""
    return [
        votes_on(journey.card(item.card_id), day) if journey.has_card(item.card_id) else 0
        for item in items
    ]


class VoteBook:
    """The voting steps of one presentation: their numbered items, what is being typed on
    each, and the day the votes are for. The audience window, the console's previews and
    the console's panel share one book (``Deck.voting``)."""

    def __init__(self, journey: JourneyMap, content: Shown, day: str, top: int = 0) -> None:
        self.journey, self.content, self.day, self.top = journey, content, day, top
        self._items: dict[str, list[VoteItem]] = {}
        self._typing: dict[str, VoteTyping] = {}

    def items(self, key: str) -> list[VoteItem]:
        if key not in self._items:  # numbered once: the numbers stay put while votes come in
            self._items[key] = vote_items(self.journey, self.content, key, self.top)
        return self._items[key]

    def typing(self, key: str) -> VoteTyping:
        if key not in self._typing:
            self._typing[key] = VoteTyping(len(self.items(key)))
        return self._typing[key]

    def tallies(self, key: str) -> list[int]:
        return tallies(self.journey, self.items(key), self.day)

    def change(self, key: str, tally: Tally) -> Change | None:
        """The edit a tally makes (one undo step), None when it changes nothing."""
        items = self.items(key)
        if not 0 <= tally.item < len(items):
            return None
        card_id = items[tally.item].card_id
        if tally.count is not None:
            return set_votes(self.journey, card_id, self.day, tally.count)
        return add_votes(self.journey, card_id, self.day, tally.delta)
