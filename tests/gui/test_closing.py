"""Closing a window never drops the only copy of a map without asking."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from factories import sample_map
from mapper.fileformat import load_journey, save_journey


@pytest.fixture
def opened(manager, tmp_path, qtbot):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    window = manager.open_path(path, None)
    qtbot.waitExposed(window)
    return window


def press(monkeypatch, label: str) -> list[tuple[str, str, list[str]]]:
    """Answer every message box with the button ``label``; what each showed is listed."""
    shown: list[tuple[str, str, list[str]]] = []

    def answer(box: QMessageBox) -> int:
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        shown.append((box.windowTitle(), box.text(), sorted(buttons)))
        buttons[label].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


def test_closing_an_unchanged_map_whose_file_was_deleted_asks_first(
    opened, manager, monkeypatch, qtbot
):
    """The map was saved, then the file deleted by another program (rm, a sync tool):
    the window holds the only copy. Closing it closed at once and the map was gone."""
    path = opened.document.path
    assert not opened.document.is_modified()
    path.unlink()
    shown = press(monkeypatch, "Cancel")
    assert not opened.close()
    assert opened.isVisible() and opened in manager.windows
    [(title, text, buttons)] = shown
    assert title == "File no longer there"
    assert text == "map.journey was moved, renamed or deleted since you opened it."
    assert buttons == ["Cancel", "Close Without Saving", "Save Again There", "Save As…"]

    press(monkeypatch, "Save Again There")
    opened.close()
    qtbot.waitUntil(lambda: opened not in manager.windows)
    assert load_journey(path).info.title == sample_map().info.title


def test_closing_without_saving_a_map_whose_file_is_gone_closes(opened, manager, monkeypatch):
    opened.document.path.unlink()
    shown = press(monkeypatch, "Close Without Saving")
    assert opened.close()
    assert opened not in manager.windows and len(shown) == 1


def test_closing_an_unchanged_map_whose_file_is_there_asks_nothing(opened, manager, monkeypatch):
    shown = press(monkeypatch, "Cancel")
    assert opened.close()
    assert opened not in manager.windows and not shown
