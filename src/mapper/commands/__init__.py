"""Undoable edits. Every change a user makes is one of these on the document's QUndoStack."""

from mapper.commands.base import (
    Composite,
    Insert,
    ModelCommand,
    Move,
    MoveCards,
    Nudge,
    Remove,
    Update,
)

__all__ = ["Composite", "Insert", "ModelCommand", "Move", "MoveCards", "Nudge", "Remove", "Update"]
