"""Typing without a pause still gets recovery copies: each change does not put the copy
off again, so one is written at most the delay after the first unsaved change."""

from __future__ import annotations

import time

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from factories import sample_map
from gui.conftest import inspector_field, start_typing_in_place
from mapper.document import Document
from mapper.fileformat import load_journey
from recovery.conftest import copies

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def manager(make_manager):
    return make_manager(0.3)


def type_steadily(manager, seconds: float, key_in) -> None:
    """A keystroke every 50 ms (faster than the delay) for ``seconds``, until a copy is
    written (then stop: the test has its answer)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not copies(manager):
        key_in()
        QTest.qWait(50)


def test_a_title_typed_in_the_inspector_without_a_pause_is_copied(manager, qtbot):
    """Each keystroke restarted the wait, so a user typing for minutes (a long
    description, notes) had no copy at all until they stopped for 30 seconds."""
    window = manager.show(Document(sample_map()))
    qtbot.waitExposed(window)
    window.panels.make_all()
    window.scene.select_ids(["t1"])
    QApplication.processEvents()
    field = inspector_field(window, "Title")
    field.setFocus()
    type_steadily(manager, 5.0, lambda: QTest.keyClicks(field, "a"))
    (copy,) = copies(manager)
    assert load_journey(copy).card("t1").title.startswith("aa")  # typed at its start


def test_a_title_typed_in_place_without_a_pause_is_copied(manager, qtbot):
    window = manager.show(Document(sample_map()))
    start_typing_in_place(window, qtbot, "t1")
    type_steadily(manager, 5.0, lambda: QTest.keyClicks(window.view, "b"))
    assert copies(manager)
