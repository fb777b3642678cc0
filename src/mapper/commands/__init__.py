"""Qt's side of undo: the edits layer's changes on the document's QUndoStack."""

from mapper.commands.base import Revision, UndoCommand

__all__ = ["Revision", "UndoCommand"]
