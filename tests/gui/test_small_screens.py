"""Small screens and big text: the window and its dialogs stay within the screen, so every
button and the status bar can be reached."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from factories import sample_map
from mapper.document import Document

SMALL_SCREEN_HEIGHT = 768 - 40 - 30  # 1024 x 768, less a task bar and a title bar


@pytest.fixture
def big_text(qapp):
    """The application's text at 16 pt (a user who needs large text), then as it was."""
    kept = QFont(qapp.font())
    font = QFont(kept)
    font.setPointSizeF(16)
    qapp.setFont(font)
    yield
    qapp.setFont(kept)


def test_the_window_fits_a_small_screen_with_big_text(manager, qtbot, big_text):
    window = manager.show(Document(sample_map()))
    qtbot.waitExposed(window)
    window.panels.make_all()
    QApplication.processEvents()
    # the personas panel (list, six buttons, a seven-field form) scrolls as the inspector
    # does: its dock once asked for more height than the screen had
    assert window.minimumSizeHint().height() <= SMALL_SCREEN_HEIGHT
    dock = window.panels.docks["personas"]
    assert dock.minimumSizeHint().height() < 200
    fields = [window.personas.name, window.personas.frustrations, window.personas.color]
    assert all(f.isVisibleTo(window.personas) for f in fields)
