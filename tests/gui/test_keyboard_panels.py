"""Keyboard first, around the canvas: keys pressed in the panels act on the panels, the
focus stays where the user can see it, and what the canvas offers the mouse is reached
from the keyboard too. Real key events on a main window's widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from mapper.model import Entity
from mapper.ui.inspector import Inspector

SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def focus_on(widget) -> None:
    widget.setFocus()
    QApplication.processEvents()
    assert widget.hasFocus()


def ready(window, *card_ids: str) -> None:
    """The window active, its panels made, these cards selected."""
    window.activateWindow()
    window.panels.make_all()
    window.scene.select_ids(list(card_ids))
    QApplication.processEvents()


def field(inspector: Inspector, label: str):
    return next(editor for spec, editor in inspector._fields if spec.label == label)


# ------------------------------------------------------------------ Delete
def test_delete_in_a_panel_never_deletes_the_selected_cards(window):
    journey = window.document.journey
    ready(window, "t2")
    kind = field(window.inspector, "Kind")
    assert isinstance(kind, QComboBox)
    for widget in (window.palette_panel, kind, window.personas.list, window.outline.tree):
        focus_on(widget)
        press(widget, Qt.Key.Key_Delete)
        press(widget, Qt.Key.Key_Backspace)
        assert journey.card("t2").title == "Online checkout"
    assert window.document.undo_stack.count() == 0
    focus_on(window.view)
    press(window.view, Qt.Key.Key_Delete)  # on the canvas it deletes, as before
    assert not journey.has_card("t2")


def test_delete_in_the_outline_deletes_its_stage_or_lane(window):
    journey = window.document.journey
    ready(window)
    outline = window.outline
    outline.select(Entity.STAGE, "s3")
    focus_on(outline.tree)
    press(outline.tree, Qt.Key.Key_Delete)
    assert "s3" not in journey.stages.ids()
    window.document.undo_stack.undo()
    assert "s3" in journey.stages.ids()
