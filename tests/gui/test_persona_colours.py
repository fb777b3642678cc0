"""The personas panel's colour picker: a real click opens the colour dialog, the choice is
one undoable edit, and the field shows the exact colour under readable text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QColorDialog

from mapper.layout.theme import contrast
from mapper.model.palette import PERSONA_PALETTE
from mapper.ui.form_fields import ColorField


def test_choosing_a_colour_in_the_panel_recolours_the_persona(window, monkeypatch):
    journey, stack = window.document.journey, window.document.undo_stack
    asked: list[str] = []

    def choose(initial, parent, title):
        asked.append(initial.name())
        return QColor("#cc79a7")

    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(choose))
    window.docks["personas"].raise_()
    panel = window.personas
    panel.list.setCurrentRow(1)  # Omar
    QApplication.processEvents()
    QTest.mouseClick(panel.color, Qt.MouseButton.LeftButton)
    assert asked == ["#0000cc"]  # the dialog opens on the persona's colour
    assert journey.personas.get("omar").color == "#cc79a7" and stack.count() == 1
    assert panel.color.text() == "#cc79a7"
    stack.undo()
    assert journey.personas.get("omar").color == "#0000cc"


def test_a_cancelled_colour_dialog_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a: QColor()))
    window.docks["personas"].raise_()
    QTest.mouseClick(window.personas.color, Qt.MouseButton.LeftButton)
    assert window.document.undo_stack.count() == 0


@pytest.mark.parametrize("colour", [*PERSONA_PALETTE, "#e8eef7"])
def test_the_colour_field_shows_the_exact_colour_under_readable_text(qtbot, colour):
    field = ColorField()
    qtbot.addWidget(field)
    field.set_value(colour)
    field.resize(200, 30)
    field.show()
    qtbot.waitExposed(field)
    image = field.grab().toImage()
    assert image.pixelColor(image.width() - 12, image.height() // 2).name() == colour
    text = field.palette().color(field.foregroundRole()).name()
    assert contrast(text, colour) >= 4.5
