"""Text typed in place on the canvas survives a crash before it is committed: the
recovery copy's description holds it, and restoring the copy puts it in the map as one
undo step."""

from __future__ import annotations

from typing import Any

from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.model import Entity
from mapper.recovery import Typing
from mapper.recovery.autosave import Autosaver


def keep_typing(scene: JourneyScene, autosaver: Autosaver) -> None:
    """Tell ``autosaver`` of each keystroke in an editor on ``scene`` and of its end, and
    let it ask what is typed. (The editors are told by what they edit, ``edits``: their
    module loads only when something is first typed in place.)"""
    current: list[Any] = []  # the editor typing now, if any

    def focus_changed(new: Any, old: Any, _reason: Any) -> None:
        if getattr(new, "edits", None) is not None and new not in current:
            current[:] = [new]
            new.document().contentsChanged.connect(autosaver.typed)
        elif current and old is current[0]:
            current.clear()  # committed or taken back (the item is not kept alive)
            autosaver.typed()  # the copy follows

    def typing() -> Typing | None:
        editor = current[0] if current else None
        text = editor.typed_text() if editor is not None and editor.scene() else None
        if editor is None or text is None:
            return None
        kind, item_id = editor.edits
        return Typing(kind.value, item_id, text)

    scene.focusItemChanged.connect(focus_changed)
    autosaver.typing = typing


def put_back(document: Document, typing: Typing) -> None:
    """Restore text that was being typed when Mapper stopped, as one undo step (nothing
    if the thing is gone or the text would not be accepted)."""
    from mapper.canvas.inline_edits import FIELDS  # after a crash only
    from mapper.edits import intents

    try:
        kind = Entity(typing.kind)
        field, _size, allow_empty = FIELDS[kind]
        change = intents.rename(
            document.journey, kind, typing.item_id, field, typing.text, allow_empty
        )
    except (ValueError, KeyError):  # an unknown kind, or a refused text (EditRefused)
        return
    if change is not None:
        document.try_push(change)
