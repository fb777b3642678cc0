"""The inspector's keys across a new form. The inspector builds its form again when what
it shows changes (another card, or the card's kind picked in the form itself); the old
form goes, and Qt handed the focus of a field in it to the next panel (the outline), so
the next keys went there. The field of the same name in the new form takes it instead."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from mapper.ui.focus_order import first_stop


class KeptFocus:
    """Made before the old form goes: notes which field has the keys (and holds them in
    the panel meanwhile); :meth:`restore` gives them to that field of the new form, else
    to the new form's first field."""

    def __init__(self, panel: QWidget, fields: Sequence[tuple[Any, QWidget]]) -> None:
        self.panel = panel
        self.key: tuple[str, int] | None = None  # None: the keys were not in the panel
        self.cursor: int | None = None  # where the text cursor was in a one-line field
        focus = QApplication.focusWidget()
        if focus is None or not (focus is panel or panel.isAncestorOf(focus)):
            return
        keys = _keys(fields)
        held = (key for key, e in keys if e is focus or e.isAncestorOf(focus))
        self.key = next(held, ("", -1))  # the panel itself: no field's
        if isinstance(focus, QLineEdit):
            self.cursor = focus.cursorPosition()
        panel.setFocus(Qt.FocusReason.OtherFocusReason)  # not passed on as the form goes

    def restore(self, fields: Sequence[tuple[Any, QWidget]], page: QWidget | None) -> None:
        if self.key is None:
            return
        same = next((editor for key, editor in _keys(fields) if key == self.key), None)
        target = same if same is not None else first_stop(page) if page is not None else None
        (target or self.panel).setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(same, QLineEdit) and self.cursor is not None:
            same.setCursorPosition(self.cursor)  # typing goes on where it was


def _keys(fields: Sequence[tuple[Any, QWidget]]) -> list[tuple[tuple[str, int], QWidget]]:
    """Each field known by its label and how many fields before it have the same label
    (the ticks of a card have none)."""
    seen: dict[str, int] = {}
    keyed = []
    for spec, editor in fields:
        seen[spec.label] = seen.get(spec.label, -1) + 1
        keyed.append(((spec.label, seen[spec.label]), editor))
    return keyed
