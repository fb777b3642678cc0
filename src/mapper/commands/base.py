"""Undo commands: each changes the model only through its operations, by id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand

from mapper.commands.operations import OPS
from mapper.model import Entity, JourneyMap, ModelError

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
        super().__init__(journey, text or f"Add {OPS[kind].noun}")
        self.kind, self.index, self.entity = kind, index, entity

    def apply(self) -> None:
        OPS[self.kind].insert(self.journey, self.index, self.entity)

    def revert(self) -> None:
        OPS[self.kind].remove(self.journey, self.entity.id)


class Remove(ModelCommand):
    """Removes a thing and what hangs on it; undo puts all of it back in place."""

    def __init__(self, journey: JourneyMap, kind: Entity, item_id: str, text: str = ""):
        super().__init__(journey, text or f"Delete {OPS[kind].noun}")
        self.kind, self.item_id = kind, item_id
        self.removal: Any = None

    def apply(self) -> None:
        self.removal = OPS[self.kind].remove(self.journey, self.item_id)

    def revert(self) -> None:
        OPS[self.kind].restore(self.journey, self.removal)


class Move(ModelCommand):
    """Reorders a stage, lane, persona or opportunity."""

    def __init__(self, journey: JourneyMap, kind: Entity, item_id: str, index: int, text=""):
        super().__init__(journey, text or f"Move {OPS[kind].noun}")
        self.kind, self.item_id, self.index = kind, item_id, index
        self.old_index = 0

    def apply(self) -> None:
        move = OPS[self.kind].move
        assert move is not None
        self.old_index = move(self.journey, self.item_id, self.index)

    def revert(self) -> None:
        move = OPS[self.kind].move
        assert move is not None
        move(self.journey, self.item_id, self.old_index)


class MoveCard(ModelCommand):
    def __init__(self, journey: JourneyMap, card_id: str, stage_id: str, lane_id: str, index: int):
        super().__init__(journey, "Move card")
        self.card_id, self.target = card_id, (stage_id, lane_id, index)
        self.old: tuple[str, str, int] | None = None

    def apply(self) -> None:
        self.old = self.journey.move_card(self.card_id, *self.target)

    def revert(self) -> None:
        assert self.old is not None
        self.journey.move_card(self.card_id, *self.old)


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
        noun = OPS[kind].noun if kind else "map"
        super().__init__(journey, text or f"Edit {noun}")
        self.kind, self.item_id, self.changes = kind, item_id, dict(changes)
        self.merge = merge
        self.old: dict[str, Any] = {}

    def _update(self, values: dict[str, Any]) -> dict[str, Any]:
        if self.kind is None:
            return self.journey.update_info(**values)
        return OPS[self.kind].update(self.journey, self.item_id, **values)

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
