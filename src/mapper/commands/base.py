"""Undo commands: each changes the model only through its generic operations, by id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from mapper.model import Entity, JourneyMap, ModelError
from mapper.model.removals import CardMoves, Removal

# Command ids for mergeWith: edits of the same field of the same thing fold together.
MERGE_UPDATE = 1001
MERGE_NUDGE = 1002


class ModelCommand(QUndoCommand):
    """Runs ``apply``/``revert`` inside one event batch, so views refresh once.

    QUndoStack.push drops the redo steps (and may merge) before the command runs, so it
    cannot learn of a refusal in time: ``Document.push`` calls :meth:`do` first and pushes
    only what the model accepted; the stack's first ``redo`` then has nothing left to do.
    """

    def __init__(self, journey: JourneyMap, text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.journey = journey
        # why the model refused this command, in words; a string, not the exception, whose
        # traceback would tie this command (and the document) into a reference cycle
        self.refusal: str | None = None
        self._done = False  # applied by do(), not yet on the stack

    def do(self) -> None:
        """Apply now, outside the stack; raises ModelError with the model left unchanged."""
        with self.journey.events.batch():
            try:
                self.apply()
            except ModelError as exc:
                self.refusal = str(exc)
                raise
        self._done = True

    def redo(self) -> None:
        """A refused change marks the command obsolete, so QUndoStack drops it unapplied."""
        if self._done:
            self._done = False
            return
        with self.journey.events.batch():
            try:
                self.apply()
            except ModelError as exc:
                self.refusal = str(exc)
                self.setObsolete(True)

    def refused(self) -> bool:
        """Whether the model refused this command (a merge must not take it in)."""
        return self.refusal is not None or self.isObsolete()

    def undo(self) -> None:
        with self.journey.events.batch():
            self.revert()

    def apply(self) -> None:
        pass

    def revert(self) -> None:
        pass


class Composite(ModelCommand):
    """Several commands as one undo step, e.g. deleting a selection or moving many cards."""

    def __init__(self, journey: JourneyMap, text: str, parts: Iterable[ModelCommand] = ()):
        super().__init__(journey, text)
        self.parts = list(parts)

    def apply(self) -> None:
        done: list[ModelCommand] = []
        try:
            for part in self.parts:
                part.apply()
                done.append(part)
        except ModelError:
            for part in reversed(done):  # all or nothing
                part.revert()
            raise

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()


class Nudge(Composite):
    """Arrow-key moves of the selected cards; consecutive nudges of the same cards merge
    into one undo step."""

    def __init__(self, journey: JourneyMap, card_ids: Iterable[str], parts: Iterable[ModelCommand]):
        super().__init__(journey, "Nudge", parts)
        self.card_ids = frozenset(card_ids)

    def id(self) -> int:
        return MERGE_NUDGE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Nudge) or other.card_ids != self.card_ids or other.refused():
            return False
        self.parts.extend(other.parts)
        return True


class Insert(ModelCommand):
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


class Remove(ModelCommand):
    """Removes a thing and what hangs on it; undo puts all of it back in place."""

    def __init__(self, journey: JourneyMap, kind: Entity, item_id: str, text: str = ""):
        super().__init__(journey, text or f"Delete {kind.value}")
        self.kind, self.item_id = kind, item_id
        self.removal: Removal | None = None

    def apply(self) -> None:
        self.removal = self.journey.remove(self.kind, self.item_id)

    def revert(self) -> None:
        assert self.removal is not None
        self.journey.restore(self.removal)


class Move(ModelCommand):
    """Reorders a stage, lane, persona or opportunity."""

    def __init__(
        self, journey: JourneyMap, kind: Entity, item_id: str, index: int, text: str = ""
    ) -> None:
        super().__init__(journey, text or f"Move {kind.value}")
        self.kind, self.item_id, self.index = kind, item_id, index
        self.old_index = 0

    def apply(self) -> None:
        self.old_index = self.journey.move(self.kind, self.item_id, self.index)

    def revert(self) -> None:
        self.journey.move(self.kind, self.item_id, self.old_index)


class MoveCards(ModelCommand):
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
        more: Sequence[tuple[Sequence[str], str, str, int]] = (),
    ) -> None:
        self.blocks = [(tuple(card_ids), stage_id, lane_id, index), *more]
        count = sum(len(ids) for ids, *_ in self.blocks)
        super().__init__(journey, text or ("Move card" if count == 1 else f"Move {count} cards"))
        self.moves: CardMoves | None = None

    @classmethod
    def blocks_of(
        cls, journey: JourneyMap, blocks: Sequence[tuple[Sequence[str], str, str, int]]
    ) -> MoveCards:
        first, *more = blocks
        return cls(journey, *first, more=more)

    def apply(self) -> None:
        self.moves = self.journey.place_cards(self.blocks)

    def revert(self) -> None:
        assert self.moves is not None
        self.journey.put_cards_back(self.moves)


class Update(ModelCommand):
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
        super().__init__(journey, text or f"Edit {noun}")
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

    def id(self) -> int:
        return MERGE_UPDATE if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, Update)
            and not other.refused()
            and other.merge
            and other.merge == self.merge
            and (other.kind, other.item_id) == (self.kind, self.item_id)
            and set(other.changes) == set(self.changes)
        ):
            return False
        self.changes = dict(other.changes)
        if self.changes == self.old:
            self.setObsolete(True)  # typed back to where it started: nothing to undo
        return True
