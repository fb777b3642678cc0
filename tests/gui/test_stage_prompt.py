"""The stage inspector edits the prompt the room sees on the stage in present mode."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.test_window import inspector_field


def test_the_stage_inspector_edits_the_prompt_for_the_room(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.stage_headers["s2"].setSelected(True)
    QApplication.processEvents()
    prompt = inspector_field(window, "Prompt for the room")
    prompt.setFocus()
    QTest.keyClicks(prompt, "Why pay online?")
    prompt.clearFocus()
    QApplication.processEvents()
    assert journey.stages.get("s2").prompt == "Why pay online?"
    stack.undo()
    assert journey.stages.get("s2").prompt == ""
