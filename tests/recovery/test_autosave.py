"""Autosave in the running app: when copies are written and when they go away."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import dumps_journey, load_journey
from mapper.model import Entity
from mapper.recovery.autosave import wait_for_writes
from mapper.ui import recovery_dialog
from recovery.conftest import copies

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def manager(make_manager):
    return make_manager(0.05)


def edit(window) -> None:
    window.scene.select_ids(["t1"])
    window.edit.delete_selection()


def test_a_change_is_copied_soon_and_a_save_removes_the_copy(manager, qtbot, tmp_path):
    window = manager.show(Document(sample_map(), tmp_path / "m.journey"))
    assert copies(manager) == []  # nothing unsaved, nothing written
    edit(window)
    qtbot.waitUntil(lambda: bool(copies(manager)), timeout=3000)
    (copy,) = copies(manager)
    assert copy.read_text("utf-8") == dumps_journey(window.document.journey)
    assert copy.parent != tmp_path  # never next to the user's file
    window.document.save()
    assert copies(manager) == []


def test_undoing_back_to_the_saved_state_removes_the_copy(manager, qtbot):
    window = manager.show(Document(sample_map()))
    edit(window)
    qtbot.waitUntil(lambda: bool(copies(manager)), timeout=3000)
    window.document.undo_stack.undo()
    assert copies(manager) == []


def test_losing_focus_writes_at_once(manager, monkeypatch):
    monkeypatch.setenv("MAPPER_AUTOSAVE_SECONDS", "3600")
    window = manager.show(Document(sample_map()))
    edit(window)
    assert copies(manager) == []
    manager._application_state_changed(Qt.ApplicationState.ApplicationInactive)
    assert len(copies(manager)) == 1


def test_closing_without_saving_removes_the_copy(manager, qtbot, monkeypatch):
    window = manager.show(Document(sample_map()))
    edit(window)
    window.autosaver.save_now()
    assert len(copies(manager)) == 1
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert copies(manager) == []


def test_copies_of_a_running_mapper_are_not_offered(manager, qtbot):
    window = manager.show(Document(sample_map()))
    edit(window)
    window.autosaver.save_now()
    wait_for_writes()
    assert manager.store.recoverable() == []  # this process holds the lock


def test_a_map_is_locked_with_its_first_copy_not_while_it_opens(manager):
    window = manager.show(Document(sample_map()))
    assert list(manager.store.folder.glob("*.lock")) == []  # opening writes no lock file
    edit(window)
    window.autosaver.save_now()
    wait_for_writes()
    (lock,) = manager.store.folder.glob("*.lock")
    assert lock.stem == window.autosaver.key == copies(manager)[0].stem
    assert manager.store.recoverable() == []  # held from the first copy on


def test_recovery_offers_restores_and_keeps_copies_until_decided(
    manager, qtbot, monkeypatch, tmp_path
):
    # a copy left by a dead Mapper: write it through a store whose lock we then release
    store = manager.store
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title="Unsaved work")
    original = tmp_path / "renewal.journey"
    original.write_text(dumps_journey(sample_map()), "utf-8")
    time.sleep(0.01)
    store.write("deadbeef", journey.snapshot(), original, time.time())
    (entry,) = store.recoverable()
    assert entry.original == original and entry.saved_file_state() == "newer than the saved file"

    monkeypatch.setattr(
        recovery_dialog.RecoveryDialog, "exec", lambda self: self._finish(recovery_dialog.LATER)
    )
    assert manager.offer_recovery() == []
    assert store.recoverable(), "decide later keeps the copy"

    monkeypatch.setattr(
        recovery_dialog.RecoveryDialog, "exec", lambda self: self._finish(recovery_dialog.RESTORE)
    )
    (window,) = manager.offer_recovery()
    assert window.document.journey.card("t1").title == "Unsaved work"
    assert window.document.is_modified() and window.isWindowModified()
    assert window.document.path == original
    assert store.recoverable() == []  # now owned by this window again
    window.document.save()
    assert copies(manager) == []
    assert load_journey(original).card("t1").title == "Unsaved work"


def test_discard_removes_the_chosen_copies(manager, monkeypatch):
    manager.store.write("cafe", sample_map().snapshot(), None, time.time())
    monkeypatch.setattr(
        recovery_dialog.RecoveryDialog, "exec", lambda self: self._finish(recovery_dialog.DISCARD)
    )
    assert manager.offer_recovery() == []
    assert manager.store.recoverable() == []


def test_damaged_descriptions_are_skipped(manager):
    folder = manager.store.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad.json").write_text("{not json")
    (folder / "bad.journey").write_text("{}")
    assert manager.store.recoverable() == []


def test_an_unexpected_error_shows_a_dialog_and_saves_copies(manager, qtbot, monkeypatch):
    from mapper.ui.app import install_error_dialog

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    window = manager.show(Document(sample_map()))
    edit(window)
    install_error_dialog(manager)

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "boom" in shown[0] and "mapper.log" in shown[0]
    assert len(copies(manager)) == 1  # a recovery copy right away
    assert window.isVisible()  # the document stays alive
    QApplication.processEvents()
