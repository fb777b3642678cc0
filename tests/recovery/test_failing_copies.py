"""Recovery copies that stop being written (a full disk) are said to be off, in the window,
until they are written again."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtWidgets import QLabel

from factories import sample_map
from mapper.document import Document
from mapper.recovery.autosave import wait_for_writes

pytestmark = pytest.mark.usefixtures("isolated_settings")


def marks(window) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def test_a_copy_that_cannot_be_written_is_said_until_one_is(manager, monkeypatch, qtbot):
    """The data folder's disk filled up while maps were open: every copy failed, only the
    log (on that full disk too) knew, and the user went on trusting the copies."""
    window = manager.show(Document(sample_map()))
    store = window.autosaver.store
    written = store.write

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "write", full)
    window.scene.select_ids(["t1"])
    window.edit.delete_selection()
    window.autosaver.save_now()
    wait_for_writes()
    qtbot.waitUntil(lambda: "Recovery copies off" in marks(window))
    assert window.notice.isVisible()
    text = window.notice.label.text()
    assert "the disk is full" in text and str(store.folder) in text
    window.autosaver.save_now()  # failing again: said once
    wait_for_writes()
    qtbot.wait(20)
    assert marks(window).count("Recovery copies off") == 1

    monkeypatch.setattr(store, "write", written)  # room again
    window.autosaver.save_now()
    wait_for_writes()
    qtbot.waitUntil(lambda: "Recovery copies off" not in marks(window))
    assert not window.notice.isVisible()
