"""A card made from the keyboard (Ctrl+Return): it is added at once, so the map makes room
for it, and its title is typed next. What ends the typing folds into the same undo step:
the title (one step, "Add 'Live chat'", with the typed title) or Esc (the step is dropped
from the history altogether, as if the card had never been asked for)."""

from __future__ import annotations

from collections.abc import Hashable

from mapper.edits.changes import Change, Insert, Remove, Update
from mapper.edits.wording import quote
from mapper.model import Entity, JourneyMap


def _key(card_id: str) -> Hashable:
    return ("new card", card_id)


class NewCard(Insert):
    """Adds the card; takes in the one :class:`TypedTitle` or :class:`Unasked` after it."""

    closed = False  # the typing ended: nothing more folds in
    cancelled = False

    def merge_key(self) -> Hashable:
        return _key(self.entity.id)

    def absorb(self, other: Change) -> bool:
        if self.closed or not isinstance(other, TypedTitle | Unasked):
            return False
        if other.refused() or other.merge_key() != self.merge_key():
            return False
        self.closed = True
        self.cancelled = isinstance(other, Unasked)
        if isinstance(other, TypedTitle):
            self.text = f"Add {quote(other.changes['title'])}"
        return True

    def is_empty(self) -> bool:
        return self.cancelled  # added and taken back: no step at all


class TypedTitle(Update):
    """The title typed into a new card (its own "Rename card" step if it cannot fold)."""

    def __init__(self, journey: JourneyMap, card_id: str, title: str) -> None:
        text = f"Rename card to {quote(title)}"
        super().__init__(journey, Entity.CARD, card_id, {"title": title}, text)

    def merge_key(self) -> Hashable:
        return _key(str(self.item_id))


class Unasked(Remove):
    """Esc on a new card's title: the card goes again."""

    def __init__(self, journey: JourneyMap, card_id: str) -> None:
        super().__init__(journey, Entity.CARD, card_id, "Delete card")

    def merge_key(self) -> Hashable:
        return _key(self.item_id)
