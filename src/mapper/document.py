"""An open document: the journey map, its undo stack and where it is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mapper.commands import UndoCommand
from mapper.edits import Change
from mapper.fileformat import load_journey, save_journey
from mapper.model import JourneyMap, ModelError


class Document(QObject):
    """Owns the model and the QUndoStack; the stack's clean state is "saved"."""

    path_changed = Signal()
    refused = Signal(str)  # an edit the model refused, in words, for the status bar

    def __init__(
        self, journey: JourneyMap, path: Path | None = None, parent=None, name: str | None = None
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = path
        self.name_hint = name  # the name shown while there is no file yet
        self.undo_stack = QUndoStack(self)
        self.disk_signature = _signature(path)  # what the file was when we last read/wrote it

    @classmethod
    def open(cls, path: str | Path, parent=None) -> Document:
        """Load a file; raises JourneyFileError with readable problems."""
        path = Path(path)
        return cls(load_journey(path), path.absolute(), parent)

    def try_push(self, change: Change) -> bool:
        """Apply a change; if the model refuses it, say why (``refused``) and keep nothing.

        What every gesture and panel uses: a refused edit never escapes as an exception."""
        try:
            self.push(change)
        except ModelError as exc:
            self.refused.emit(str(exc))
            return False
        return True

    def push(self, change: Change) -> None:
        """Apply a change as one undo step; raises ModelError if the model refuses it.

        A refused change leaves the map and the undo stack exactly as they were (redo
        steps, clean state, the typing step it would have merged into): it is applied
        before it reaches the stack, which only ever sees accepted changes."""
        command = UndoCommand(change)
        command.do()
        self.undo_stack.push(command)

    def changed_on_disk(self) -> bool:
        """Whether someone else saved over (or removed) our file since we opened or saved it."""
        return self.path is not None and _signature(self.path) != self.disk_signature

    def is_pristine(self) -> bool:
        """A new map nobody has touched yet (opening a file may replace its window)."""
        return (
            self.path is None
            and self.name_hint is None
            and not self.undo_stack.count()
            and not self.is_modified()
        )

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return self.name_hint or "Untitled.journey"

    def save(self, path: str | Path | None = None) -> None:
        """Save atomically (to ``path`` for Save As); raises OSError, leaving state as is."""
        target = Path(path).absolute() if path is not None else self.path
        if target is None:
            raise ValueError("no file name to save to")
        save_journey(self.journey, target)
        self.disk_signature = _signature(target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit()


def _signature(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
