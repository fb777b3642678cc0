"""What users do to a map, without Qt: undoable changes (``changes``) and the functions
that turn a gesture or a menu choice into one (``intents``, ``palette``, ``personas``,
``selection``)."""

from mapper.edits import intents, palette, personas, selection
from mapper.edits.changes import (
    Change,
    Composite,
    Insert,
    Move,
    MoveCards,
    Nudge,
    Remove,
    Update,
)
from mapper.edits.refusal import EditRefused

__all__ = [
    "Change",
    "Composite",
    "EditRefused",
    "Insert",
    "Move",
    "MoveCards",
    "Nudge",
    "Remove",
    "Update",
    "intents",
    "palette",
    "personas",
    "selection",
]
