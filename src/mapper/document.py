"""An open document: the journey map, its undo stack and where it is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mapper.commands.base import ModelCommand
from mapper.fileformat import load_journey, save_journey
from mapper.model import JourneyMap


class Document(QObject):
    """Owns the model and the QUndoStack; the stack's clean state is "saved"."""

    path_changed = Signal()

    def __init__(self, journey: JourneyMap, path: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = path
        self.undo_stack = QUndoStack(self)

    @classmethod
    def open(cls, path: str | Path, parent=None) -> Document:
        """Load a file; raises JourneyFileError with readable problems."""
        path = Path(path)
        return cls(load_journey(path), path.absolute(), parent)

    def push(self, command: ModelCommand) -> None:
        """Apply a command as one undo step; raises ModelError (and keeps nothing) if the
        model refuses it."""
        self.undo_stack.push(command)
        if command.error is not None:
            raise command.error

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled.journey"

    def save(self, path: str | Path | None = None) -> None:
        """Save atomically (to ``path`` for Save As); raises OSError, leaving state as is."""
        target = Path(path).absolute() if path is not None else self.path
        if target is None:
            raise ValueError("no file name to save to")
        save_journey(self.journey, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit()
