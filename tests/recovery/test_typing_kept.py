"""A title being typed in place is kept by the recovery copies before it is committed."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factories import sample_map
from gui.conftest import start_typing_in_place
from mapper.document import Document
from mapper.fileformat import save_journey
from mapper.recovery import Typing
from mapper.recovery.autosave import wait_for_writes
from mapper.ui import recovery_dialog

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def managers(make_manager):
    """Two window managers on one recovery folder: the one that "crashes", the next."""
    return [make_manager(0.05), make_manager(0.05)]


@pytest.fixture
def typing_window(managers, qtbot, tmp_path):
    """A saved map open, "Typed, not committed" typed over card t1's title in place."""
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    window = managers[0].open_path(path, None)
    start_typing_in_place(window, qtbot, "t1")
    QTest.keyClicks(window.view, "Typed, not committed")
    return window


def description(window) -> dict | None:
    wait_for_writes()
    meta = window.autosaver.store.folder / f"{window.autosaver.key}.json"
    return json.loads(meta.read_text("utf-8")) if meta.exists() else None


def test_a_title_typed_in_place_is_offered_back_after_a_crash(
    typing_window, managers, qtbot, monkeypatch
):
    """Killed while a title was typed and not yet committed (no Return, no click away):
    the map was unchanged, so no copy was written and the words were lost."""
    window = typing_window
    assert not window.document.is_modified()  # only the editor holds the words
    qtbot.waitUntil(lambda: (description(window) or {}).get("typing") is not None)
    assert description(window)["typing"] == {
        "kind": "card", "item_id": "t1", "text": "Typed, not committed",
    }  # fmt: skip
    window.autosaver.lock.unlock()  # as a crash leaves it
    restore_all(monkeypatch)
    (restored,) = managers[1].offer_recovery()
    assert restored.document.journey.card("t1").title == "Typed, not committed"
    assert restored.document.is_modified()
    restored.document.undo_stack.undo()  # one step, back to the map as it was saved
    assert restored.document.journey.card("t1").title == sample_map().card("t1").title


def test_typing_taken_back_takes_its_copy_back(typing_window, qtbot):
    window = typing_window
    qtbot.waitUntil(lambda: description(window) is not None)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: description(window) is None)
    assert not window.document.is_modified()


def test_typing_committed_is_in_the_map_of_the_copy(typing_window, qtbot):
    window = typing_window
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert window.document.journey.card("t1").title == "Typed, not committed"
    qtbot.waitUntil(lambda: (description(window) or {"typing": 1}).get("typing") is None)


def test_typing_for_a_card_no_longer_there_restores_the_map_alone(managers, monkeypatch):
    store = managers[1].store
    typed = Typing("card", "no-such-card", "Words")
    store.write("cafe", sample_map().snapshot(), None, time.time(), None, typed)
    store.write("babe", sample_map().snapshot(), None, time.time(), None, Typing("x", "t1", "W"))
    restore_all(monkeypatch)
    restored = managers[1].offer_recovery()
    assert len(restored) == 2
    assert all(w.document.journey.card("t1").title == sample_map().card("t1").title
               for w in restored)  # fmt: skip


def test_a_damaged_typing_description_still_offers_the_copy(managers):
    store = managers[1].store
    store.write("cafe", sample_map().snapshot(), None, time.time())
    meta = store.folder / "cafe.json"
    data = json.loads(meta.read_text("utf-8"))
    data["typing"] = {"kind": "card", "item_id": 7}
    meta.write_text(json.dumps(data), "utf-8")
    (entry,) = store.recoverable()
    assert entry.typing is None


def restore_all(monkeypatch) -> None:
    monkeypatch.setattr(
        recovery_dialog.RecoveryDialog, "exec", lambda self: self._finish(recovery_dialog.RESTORE)
    )


def test_a_closed_window_writes_no_copy_for_late_typing(managers, qtbot):
    """Whatever the editor says after its window closed, no copy outlives the close."""
    window = managers[0].show(Document(sample_map()))
    window.scene.select_ids(["t1"])
    window.edit.delete_selection()
    autosaver, folder = window.autosaver, managers[0].store.folder
    window.document.undo_stack.setClean()
    window.document.undo_stack.resetClean()  # modified, as discarded work is
    autosaver.close()
    autosaver.typed()
    qtbot.wait(200)
    wait_for_writes()
    assert list(folder.glob("*.journey")) == []
    window.autosaver = type(autosaver)(window.document, managers[0].store)  # closed again
