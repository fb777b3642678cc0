"""Qt's undo stack around the edits layer: one QUndoCommand wrapping a Change."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from mapper.edits.changes import Change
from mapper.model import ModelError

# QUndoStack asks mergeWith only of commands with equal ids: every change that may merge
# shares this one, and mergeWith compares the changes' own merge keys.
MERGEABLE = 1001


class Revision:
    """Which state of the map the model is in, as a token: a new one for each change
    applied, the one it replaced again when the change is undone, and its own again when
    it is redone. A view that kept what it showed in an earlier state builds on that when
    the map is back in it (after an undo or a redo). Only a hint: the map changed in any
    other way keeps its token, and a view builds right on whatever it builds on."""

    def __init__(self) -> None:
        self.token: object = object()


class UndoCommand(QUndoCommand):
    """Runs the change's ``apply``/``revert`` inside one event batch, so views refresh once.

    QUndoStack.push drops the redo steps (and may merge) before the command runs, so it
    cannot learn of a refusal in time: ``Document.push`` calls :meth:`do` first and pushes
    only what the model accepted; the stack's first ``redo`` then has nothing left to do.
    """

    def __init__(
        self, change: Change, parent: QUndoCommand | None = None, revision: Revision | None = None
    ) -> None:
        super().__init__(change.text, parent)
        self.change = change
        self._done = False  # applied by do(), not yet on the stack
        self.revision = revision if revision is not None else Revision()
        self._before = self._after = self.revision.token  # the map's states either side

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
            # (before the batch ends: the views that follow it learn of the new state)
            self._before, self._after = self.revision.token, object()
            self.revision.token = self._after

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
                return
            self.revision.token = self._after

    def undo(self) -> None:
        with self.change.journey.events.batch():
            self.change.revert()
            self.revision.token = self._before

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
        self._after = other._after  # the state the map is in now
        if self.change.is_empty():
            self.setObsolete(True)  # typed back to where it started: nothing to undo
        return True
