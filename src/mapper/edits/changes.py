"""Undoable changes as plain Python: each changes the model only through its generic
operations, by id, and knows how to take itself back. Qt's undo stack wraps them
(``mapper.commands``); nothing here imports Qt."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from mapper.edits.wording import cards_of, count, field_words, name_of
from mapper.model import Entity, JourneyMap, ModelError

if TYPE_CHECKING:
    from mapper.model.removals import CardMoves, Removal

Block = tuple[Sequence[str], str, str, int]


class Change:
    """One undo step. ``apply`` raises ModelError with the model left unchanged.

    ``refusal`` is why the model refused it, in words: a string, not the exception, whose
    traceback would tie this change (and its document) into a reference cycle."""

    def __init__(self, journey: JourneyMap, text: str) -> None:
        self.journey = journey
        self.text = text
        self.refusal: str | None = None

    def apply(self) -> None:
        pass

    def revert(self) -> None:
        pass

    def refused(self) -> bool:
        return self.refusal is not None

    def merge_key(self) -> Hashable | None:
        """Changes with equal keys may fold into one step (typing, nudging); None: never."""
        return None

    def absorb(self, other: Change) -> bool:
        """Take ``other`` (already applied, right after this one) into this step."""
        return False

    def is_empty(self) -> bool:
        """Whether, after absorbing, this step changes nothing (typed back to its start)."""
        return False


class Composite(Change):
    """Several changes as one undo step, e.g. deleting a selection: all or nothing."""

    def __init__(self, journey: JourneyMap, text: str, parts: Iterable[Change] = ()) -> None:
        super().__init__(journey, text)
        self.parts = list(parts)

    def apply(self) -> None:
        done: list[Change] = []
        try:
            for part in self.parts:
                part.apply()
                done.append(part)
        except ModelError:
            for part in reversed(done):
                part.revert()
            raise

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()


class Nudge(Composite):
    """Arrow-key moves of the selected cards; consecutive nudges of the same cards merge
    into one undo step."""

    def __init__(self, journey: JourneyMap, card_ids: Iterable[str], parts: Iterable[Change]):
        ids = list(card_ids)
        what = name_of(journey, Entity.CARD, ids[0]) if len(ids) == 1 else count(len(ids), "card")
        super().__init__(journey, f"Move {what}".rstrip(), parts)
        self.card_ids = frozenset(ids)

    def merge_key(self) -> Hashable:
        return ("nudge", self.card_ids)

    def absorb(self, other: Change) -> bool:
        if not isinstance(other, Nudge) or other.card_ids != self.card_ids or other.refused():
            return False
        self.parts.extend(other.parts)
        return True


class Insert(Change):
    def __init__(self, journey: JourneyMap, kind: Entity, index: int, entity: Any, text: str = ""):
        super().__init__(journey, text or f"Add {kind.value}")
        self.kind, self.index, self.entity = kind, index, entity
        self.removal: Removal | None = None

    def apply(self) -> None:
        if self.removal is not None:
            self.journey.restore(self.removal)  # redo: exactly as it was before the undo
        else:
            self.journey.insert(self.index, self.entity)

    def revert(self) -> None:
        self.removal = self.journey.remove(self.kind, self.entity.id)


class Remove(Change):
    """Removes a thing and what hangs on it; undo puts all of it back in place."""

    def __init__(self, journey: JourneyMap, kind: Entity, item_id: str, text: str = ""):
        super().__init__(journey, text or _delete_text(journey, kind, item_id))
        self.kind, self.item_id = kind, item_id
        self.removal: Removal | None = None

    def apply(self) -> None:
        self.removal = self.journey.remove(self.kind, self.item_id)

    def revert(self) -> None:
        assert self.removal is not None
        self.journey.restore(self.removal)


class Move(Change):
    """Reorders a stage, lane or persona."""

    def __init__(
        self, journey: JourneyMap, kind: Entity, item_id: str, index: int, text: str = ""
    ) -> None:
        name = name_of(journey, kind, item_id)
        super().__init__(journey, text or f"Move {kind.value} {name}".rstrip())
        self.kind, self.item_id, self.index = kind, item_id, index
        self.old_index = 0

    def apply(self) -> None:
        self.old_index = self.journey.move(self.kind, self.item_id, self.index)

    def revert(self) -> None:
        self.journey.move(self.kind, self.item_id, self.old_index)


class MoveCards(Change):
    """Cards, in the order given, as one block to ``index`` of a cell (counting the cards
    that stay there); or several such blocks at once (a drag of cards from several cells)."""

    def __init__(
        self,
        journey: JourneyMap,
        card_ids: Sequence[str],
        stage_id: str,
        lane_id: str,
        index: int,
        text: str = "",
        more: Sequence[Block] = (),
    ) -> None:
        self.blocks = [(tuple(card_ids), stage_id, lane_id, index), *more]
        super().__init__(journey, text or _move_text(journey, self.blocks))
        self.moves: CardMoves | None = None

    @classmethod
    def blocks_of(cls, journey: JourneyMap, blocks: Sequence[Block]) -> MoveCards:
        first, *more = blocks
        return cls(journey, *first, more=more)

    def apply(self) -> None:
        self.moves = self.journey.place_cards(self.blocks)

    def revert(self) -> None:
        assert self.moves is not None
        self.journey.put_cards_back(self.moves)


class Update(Change):
    """Sets fields of one thing. With ``merge`` set, consecutive edits of the same fields
    of the same thing (typing in a field, nudging a point) fold into one undo step.

    ``merge`` is True, or the name of the form field typed in where several share one
    value (CSAT and NPS both change ``metrics``): only edits with the same name merge."""

    def __init__(
        self,
        journey: JourneyMap,
        kind: Entity | None,
        item_id: str | None,
        changes: dict[str, Any],
        text: str = "",
        merge: bool | str = False,
    ):
        noun = kind.value if kind else "map"
        what = field_words(next(iter(changes))) if len(changes) == 1 else noun
        super().__init__(journey, text or f"Edit {what}")
        self.kind, self.item_id, self.changes = kind, item_id, dict(changes)
        self.merge = merge
        self.old: dict[str, Any] = {}

    def _update(self, values: dict[str, Any]) -> dict[str, Any]:
        if self.kind is None or self.item_id is None:
            return self.journey.update_info(**values)
        return self.journey.update(self.kind, self.item_id, **values)

    def apply(self) -> None:
        self.old = self._update(self.changes)

    def revert(self) -> None:
        self._update(self.old)

    def merge_key(self) -> Hashable | None:
        if not self.merge:
            return None
        return ("update", self.merge, self.kind, self.item_id, frozenset(self.changes))

    def absorb(self, other: Change) -> bool:
        if not (
            isinstance(other, Update)
            and not other.refused()
            and other.merge_key() is not None
            and other.merge_key() == self.merge_key()
        ):
            return False
        self.changes = dict(other.changes)
        self.text = other.text  # says where the step ends: "Set Maya's emotion to +2"
        return True

    def is_empty(self) -> bool:
        return self.changes == self.old


def _delete_text(journey: JourneyMap, kind: Entity, item_id: str) -> str:
    """'Delete card 'Pickup shelf'', 'Delete stage 'Order' (4 cards)'."""
    text = f"Delete {kind.value} {name_of(journey, kind, item_id)}".rstrip()
    if kind in (Entity.STAGE, Entity.LANE) and journey.contains(kind, item_id):
        inside = cards_of(journey, *(([item_id], []) if kind is Entity.STAGE else ([], [item_id])))
        if inside:
            text += f" ({count(inside, 'card')})"
    return text


def _move_text(journey: JourneyMap, blocks: Sequence[Block]) -> str:
    """'Move 'Pickup shelf' to Order' (a card to another stage), '... to Order, Pain points'
    (to another lane), 'Move 'Pickup shelf' within Order' (in its cell), 'Move 3 cards'."""
    ids = [card_id for block_ids, *_ in blocks for card_id in block_ids]
    cells = {(stage_id, lane_id) for _, stage_id, lane_id, _ in blocks}
    what = name_of(journey, Entity.CARD, ids[0]) if len(ids) == 1 else count(len(ids), "card")
    if len(cells) != 1 or not journey.contains(Entity.CARD, ids[0]):
        return f"Move {what}"
    stage_id, lane_id = next(iter(cells))
    card = journey.card(ids[0])
    stage = name_of(journey, Entity.STAGE, stage_id, quoted=False) or "a stage"
    lane = name_of(journey, Entity.LANE, lane_id, quoted=False)
    if len(ids) == 1 and (card.stage_id, card.lane_id) == (stage_id, lane_id):
        return f"Move {what} within {stage}"
    if lane_id != card.lane_id and lane:
        return f"Move {what} to {stage}, {lane}"
    return f"Move {what} to {stage}"
