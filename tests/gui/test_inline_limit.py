"""Text typed or pasted in place past what the map keeps is not taken, and said at once:
refused only when committed, the whole title went with the editor."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mapper.canvas.inline_editor import InlineEditor
from mapper.model import Entity
from mapper.model.vocabulary import SHORT_TEXT_MAX


def test_a_title_pasted_past_the_limit_keeps_what_fits_and_says_so(window):
    scene, journey = window.scene, window.document.journey
    scene.edit_text(Entity.CARD, "t1")
    editor = scene.focusItem()
    assert isinstance(editor, InlineEditor)
    QGuiApplication.clipboard().setText("Long " * 1_000)  # 5,000 characters
    cursor = editor.textCursor()
    cursor.insertText(QGuiApplication.clipboard().text())  # as a paste over the selection
    assert len(editor.toPlainText()) == SHORT_TEXT_MAX
    assert "at most 2,000 characters" in window.statusBar().currentMessage()
    editor.finish(commit=True)
    QApplication.processEvents()
    title = journey.card("t1").title
    assert title == ("Long " * 1_000)[:SHORT_TEXT_MAX].strip()  # kept, one undo step
    assert window.document.undo_stack.count() == 1


def test_typing_within_the_limit_says_nothing(window):
    scene = window.scene
    scene.edit_text(Entity.STAGE, "s1")
    editor = scene.focusItem()
    editor.textCursor().insertText("Awareness and discovery")
    assert window.statusBar().currentMessage() == ""
    editor.finish(commit=True)
    assert window.document.journey.stages.get("s1").name == "Awareness and discovery"
