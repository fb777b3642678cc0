"""Qt's undo stack around the edits layer: one QUndoCommand wrapping a Change."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from mapper.edits.changes import Change
from mapper.model import ModelError

# QUndoStack asks mergeWith only of commands with equal ids: every change that may merge
# shares this one, and mergeWith compares the changes' own merge keys.
MERGEABLE = 1001


class UndoCommand(QUndoCommand):
    """Runs the change's ``apply``/``revert`` inside one event batch, so views refresh once.

    QUndoStack.push drops the redo steps (and may merge) before the command runs, so it
    cannot learn of a refusal in time: ``Document.push`` calls :meth:`do` first and pushes
    only what the model accepted; the stack's first ``redo`` then has nothing left to do.
    """

    def __init__(self, change: Change, parent: QUndoCommand | None = None) -> None:
        super().__init__(change.text, parent)
        self.change = change
        self._done = False  # applied by do(), not yet on the stack

    def do(self) -> None:
        """Apply now, outside the stack; raises ModelError with the model left unchanged.
        An error from a view following the map is raised too, with the change applied
        (:meth:`applied`)."""
        change = self.change
        with change.journey.events.batch():
            try:
                change.apply()
            except ModelError as exc:
                change.refusal = str(exc)
                raise
            self._done = True

    def applied(self) -> bool:
        """Whether :meth:`do` applied the change (and the stack has yet to take it)."""
        return self._done

    def redo(self) -> None:
        """A refused change marks the command obsolete, so QUndoStack drops it unapplied."""
        if self._done:
            self._done = False
            return
        change = self.change
        with change.journey.events.batch():
            try:
                change.apply()
            except ModelError as exc:
                change.refusal = str(exc)
                self.setObsolete(True)

    def undo(self) -> None:
        with self.change.journey.events.batch():
            self.change.revert()

    def refused(self) -> bool:
        """Whether the model refused this command (a merge must not take it in)."""
        return self.change.refused() or self.isObsolete()

    def id(self) -> int:
        return MERGEABLE if self.change.merge_key() is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UndoCommand) or other.refused():
            return False
        if other.change.merge_key() != self.change.merge_key():
            return False
        if not self.change.absorb(other.change):
            return False
        self.setText(self.change.text)  # what it takes in may change what it says
        if self.change.is_empty():
            self.setObsolete(True)  # typed back to where it started: nothing to undo
        return True
