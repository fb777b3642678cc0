"""Small screens and big text: the window and its dialogs stay within the screen, so every
button and the status bar can be reached."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QScreen
from PySide6.QtWidgets import QApplication, QDialogButtonBox

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


def dialogs(window):
    from mapper.present.setup_dialog import SetupDialog
    from mapper.ui.compare_dialog import CompareDialog
    from mapper.ui.template_dialog import TemplateDialog

    journey = window.document.journey
    return [CompareDialog(journey, window), TemplateDialog(window), SetupDialog(journey, window)]


def test_dialogs_open_within_the_screen(window):
    room = window.screen().availableGeometry()  # 800 x 800 offscreen
    for dialog in dialogs(window):
        dialog.show()
        QApplication.processEvents()
        name = type(dialog).__name__
        # Compare personas asked for 1180 x 900, the template chooser for 1072 pixels wide
        assert dialog.width() <= room.width(), name
        assert dialog.height() <= room.height(), name
        buttons = dialog.findChildren(QDialogButtonBox)[-1]
        bottom = buttons.mapTo(dialog, buttons.rect().bottomRight()).y()
        assert bottom <= dialog.height(), name
        dialog.close()


def test_a_dialog_on_a_big_screen_keeps_its_size(window, monkeypatch):
    from mapper.ui.compare_dialog import CompareDialog

    big = QRect(0, 0, 2560, 1400)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: big)
    dialog = CompareDialog(window.document.journey, window)
    assert (dialog.width(), dialog.height()) == (1180, 900)
    dialog.close()
