"""Saving runs off the UI thread: editing goes on meanwhile, the saved step is what is
clean, a failure keeps the document unsaved, and closing or quitting waits for the save."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from factories import sample_map
from mapper import saving
from mapper.document import Document
from mapper.edits import Update
from mapper.fileformat import load_journey, save_journey
from mapper.model import Entity
from mapper.ui import file_actions

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def gate(monkeypatch):
    """Saves wait at the gate until it opens (a slow disk, a big map)."""
    opened = threading.Event()
    real = saving.save_journey

    def slow(snapshot, path):
        assert opened.wait(10), "the test never opened the gate"
        return real(snapshot, path)

    monkeypatch.setattr(saving, "save_journey", slow)
    yield opened
    opened.set()
    saving.wait_for_saves()


@pytest.fixture
def document(tmp_path, qapp):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    return Document.open(path)


def rename(document, title: str, merge: bool = False) -> None:
    document.push(Update(document.journey, Entity.CARD, "t1", {"title": title}, merge=merge))


def title_on_disk(document) -> str:
    return load_journey(document.path).card("t1").title


def test_a_save_returns_at_once_and_edits_made_meanwhile_stay_unsaved(document, gate):
    rename(document, "Saved version")
    job = document.start_save()
    assert document.is_saving() and not job.future.done()  # the UI thread is free
    rename(document, "Made during the save")
    gate.set()
    document.wait_for_save()
    assert job.error is None and not document.is_saving()
    assert title_on_disk(document) == "Saved version"  # the snapshot taken at Save
    assert document.is_modified()  # the later edit is not on disk
    document.undo_stack.undo()  # back to exactly what the file holds
    assert not document.is_modified()
    document.undo_stack.redo()
    assert document.is_modified()


def test_a_save_without_edits_meanwhile_marks_the_document_clean(document, gate, qtbot):
    rename(document, "Saved version")
    finished = []
    document.save_finished.connect(finished.append)
    document.start_save()
    assert document.is_modified()  # not clean before it is on disk
    gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)  # through the event loop
    assert not document.is_modified() and finished[0].error is None
    assert not document.changed_on_disk()


def test_an_edit_merged_into_the_saved_step_keeps_the_document_modified(document, gate):
    """Typing folds into one undo step without moving the stack's index: the step that
    was saved changes, so no position of the stack is the file any more."""
    rename(document, "Typed", merge=True)
    document.start_save()
    rename(document, "Typed on", merge=True)
    assert document.undo_stack.count() == 1  # merged: the index did not move
    gate.set()
    document.wait_for_save()
    assert title_on_disk(document) == "Typed"
    assert document.is_modified()
    document.undo_stack.undo()
    assert document.is_modified()
    document.undo_stack.redo()
    assert document.is_modified()


def test_undo_then_a_new_edit_during_the_save_never_marks_a_wrong_state_clean(document, gate):
    rename(document, "Saved version")
    document.start_save()
    document.undo_stack.undo()
    rename(document, "Another branch")  # the saved step is dropped from the stack
    gate.set()
    document.wait_for_save()
    assert document.is_modified()
    document.undo_stack.undo()
    assert document.is_modified()  # the original, not the saved version
    rename(document, "Saved version")  # the same text, but a different step: still asks
    assert document.is_modified()


def test_a_failed_background_save_says_why_and_keeps_the_document_unsaved(
    document, monkeypatch, qtbot
):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))

    def disk_full(snapshot, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saving, "save_journey", disk_full)
    before = document.path.read_bytes()
    rename(document, "Unsaved work")
    outcome = []
    assert file_actions.save_document(document, None, then=outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == [False] and "the disk is full" in shown[0]
    assert document.is_modified() and document.path.read_bytes() == before


def test_a_save_asked_for_during_a_save_follows_it(document, gate, qtbot):
    rename(document, "First")
    outcomes = []
    file_actions.save_document(document, None, then=outcomes.append)
    rename(document, "Second")
    file_actions.save_document(document, None, then=outcomes.append)
    gate.set()
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=5000)
    assert outcomes == [True, True]
    assert title_on_disk(document) == "Second" and not document.is_modified()


@pytest.fixture
def window(manager, document):
    return manager.show(document)


def test_closing_the_window_during_a_save_waits_for_it(window, gate, qtbot):
    document, window_manager = window.document, window.manager
    rename(document, "Saved on close")
    file_actions.save_document(document, window)
    assert not window.close()  # not yet: the save is running
    assert window.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: window not in window_manager.windows, timeout=5000)
    assert title_on_disk(document) == "Saved on close"


def test_save_chosen_on_close_closes_once_the_file_is_written(window, gate, qtbot, monkeypatch):
    document, window_manager = window.document, window.manager
    rename(document, "Saved on close")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert not window.close()
    gate.set()
    qtbot.waitUntil(lambda: window not in window_manager.windows, timeout=5000)
    assert title_on_disk(document) == "Saved on close"


def test_quitting_during_a_save_waits_and_then_quits(window, gate, qtbot, monkeypatch):
    manager, document = window.manager, window.document
    quit_called = []
    monkeypatch.setattr(QApplication, "quit", lambda: quit_called.append(True))
    rename(window.document, "Saved before quitting")
    file_actions.save_document(window.document, window)
    manager.quit()
    assert window.isVisible() and not quit_called
    gate.set()
    qtbot.waitUntil(lambda: bool(quit_called), timeout=5000)
    assert manager.windows == []
    assert title_on_disk(document) == "Saved before quitting"


def test_a_failed_save_on_close_keeps_the_window_open(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Save)

    def denied(snapshot, path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(saving, "save_journey", denied)
    rename(window.document, "Unsaved")
    assert not window.close()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    QApplication.processEvents()
    assert window.isVisible() and window.document.is_modified()
