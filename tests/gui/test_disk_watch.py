"""A map's file changed or removed by another program while its window is open: the window
says so once per change, in its notice bar, and offers what fits."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from factories import sample_map
from mapper.edits.changes import Update
from mapper.fileformat import dumps_journey, load_journey
from mapper.model import Entity
from mapper.saving import wait_for_saves
from mapper.ui import disk_watch, file_actions, recovery_dialog


@pytest.fixture(autouse=True)
def _no_wait_between_looks(monkeypatch):
    monkeypatch.setattr(disk_watch, "MIN_GAP", 0.0)


@pytest.fixture
def opened(manager, qtbot, tmp_path):
    path = tmp_path / "renewal.journey"
    path.write_text(dumps_journey(sample_map()), "utf-8")
    window = manager.open_path(path, None)
    qtbot.waitExposed(window)
    return window


def their_save(path, title: str = "Their card title") -> None:
    """Another program writes a new version of the map (a teammate's, synced)."""
    journey = load_journey(path)
    journey.update(Entity.CARD, "t1", title=title)
    path.write_text(dumps_journey(journey), "utf-8")


def edit(window, title: str = "My card title") -> None:
    window.document.push(Update(window.document.journey, Entity.CARD, "t1", {"title": title}))


def told(window) -> str:
    bar = window._notice
    return bar.label.text() if bar is not None and bar.isVisible() else ""


def choices(window) -> list[str]:
    return [button.text() for button in window.notice.buttons]


def press(window, text: str) -> None:
    (button,) = [b for b in window.notice.buttons if b.text() == text]
    button.click()
    QApplication.processEvents()


def test_a_change_to_an_unchanged_map_offers_reload_once(opened):
    path = opened.document.path
    opened.disk_watch.check()
    assert told(opened) == ""  # as it was opened: nothing to say
    their_save(path)
    opened.disk_watch.check()
    assert told(opened) == "renewal.journey was changed on disk by another program."
    assert choices(opened) == ["&Reload", "&Keep This Version"]
    press(opened, "&Keep This Version")
    assert told(opened) == ""
    # the window's map is not the file's any more: closing asks, as for unsaved work
    assert opened.document.is_modified() and opened.saved_label.text() == "Unsaved changes"
    opened.disk_watch.check()
    assert told(opened) == "", "the same change is told once"
    their_save(path, "A second change")
    opened.disk_watch.check()
    assert "changed on disk" in told(opened), "a new change is told again"


def test_reload_reads_the_file_into_the_windows_place_with_a_fresh_history(manager, opened):
    path = opened.document.path
    geometry = opened.geometry()
    their_save(path)
    opened.disk_watch.check()
    press(opened, "&Reload")
    (fresh,) = manager.windows
    assert fresh is not opened and fresh.document.path == path
    assert fresh.document.journey.card("t1").title == "Their card title"
    assert fresh.document.undo_stack.count() == 0 and not fresh.document.is_modified()
    assert fresh.geometry() == geometry
    fresh.disk_watch.check()
    assert told(fresh) == ""  # what it holds is what is on disk


def test_reload_of_a_file_now_broken_says_so_and_keeps_the_map(manager, opened, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    opened.document.path.write_text("{ not a map", "utf-8")
    opened.disk_watch.check()
    press(opened, "&Reload")
    assert manager.windows == [opened] and opened.isVisible()
    assert opened.document.journey.card("t1").title == "Instagram ad"
    (text,) = said
    assert "renewal.journey cannot be read" in text and "keeps the map as it was" in text
    # the file no longer holds the window's map: unsaved, so closing asks instead of
    # letting the only readable copy go
    assert opened.document.is_modified() and opened.saved_label.text() == "Unsaved changes"


def test_reload_after_an_edit_made_since_the_notice_keeps_the_edit(manager, opened):
    their_save(opened.document.path)
    opened.disk_watch.check()
    edit(opened)
    press(opened, "&Reload")
    assert manager.windows == [opened]
    assert opened.document.journey.card("t1").title == "My card title"
    assert "Your changes are not saved" in told(opened)


def test_a_change_under_unsaved_work_offers_their_version_beside_it(manager, opened):
    edit(opened)
    their_save(opened.document.path)
    opened.disk_watch.check()
    assert told(opened) == (
        "renewal.journey was changed on disk by another program. Your changes are not saved."
    )
    assert choices(opened) == ["&Open Their Version", "&Keep Mine"]
    press(opened, "&Open Their Version")
    mine, theirs = manager.windows
    assert mine is opened and mine.document.journey.card("t1").title == "My card title"
    assert theirs.document.journey.card("t1").title == "Their card title"
    assert theirs.document.display_name() == "renewal (their version).journey"
    assert theirs.document.path is None  # never saved over the file by accident


def test_keep_mine_leaves_the_save_time_check_on_guard(opened, monkeypatch):
    edit(opened)
    their_save(opened.document.path)
    opened.disk_watch.check()
    press(opened, "&Keep Mine")
    asked = []
    monkeypatch.setattr(
        file_actions, "ask_about_conflict", lambda d, p: asked.append(1) or "cancel"
    )
    assert not opened.save()
    assert asked == [1]


def test_a_file_gone_is_told_the_window_looks_unsaved_and_closing_asks(opened, monkeypatch):
    os.remove(opened.document.path)
    opened.disk_watch.check()
    assert told(opened) == "renewal.journey is no longer on disk."
    assert choices(opened) == ["Save &As…", "&Dismiss"]
    assert opened.isWindowModified() and opened.saved_label.text() == "Not on disk"
    asked = []
    monkeypatch.setattr(file_actions, "_warn", lambda *a: asked.append(a[1]) or "cancel")
    assert not opened.close()
    assert asked == ["File no longer there"]


def test_save_as_from_the_gone_notice_saves_and_the_window_looks_saved(
    opened, monkeypatch, tmp_path
):
    os.remove(opened.document.path)
    opened.disk_watch.check()
    elsewhere = tmp_path / "kept.journey"
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: elsewhere)
    press(opened, "Save &As…")
    opened.document.wait_for_save()
    assert elsewhere.is_file() and opened.document.path == elsewhere
    assert not opened.isWindowModified() and opened.saved_label.text() == "Saved"


def test_a_file_put_back_as_it_was_ends_the_notice(opened):
    path = opened.document.path
    kept = path.read_bytes()
    os.remove(path)
    opened.disk_watch.check()
    path.write_bytes(kept)
    opened.disk_watch.check()
    assert told(opened) == "" and not opened.isWindowModified()


def test_our_own_saves_are_never_told(opened):
    edit(opened)
    assert opened.save()
    wait_for_saves()  # written, but the window has not heard yet (its event is queued)
    assert opened.document.is_saving()
    opened.disk_watch.check()
    assert told(opened) == ""
    opened.document.wait_for_save()
    opened.disk_watch.check()
    assert told(opened) == ""
    edit(opened, "Again")
    opened.document.save()
    opened.disk_watch.check()
    assert told(opened) == "" and not opened.isWindowModified()


def test_activating_mapper_or_the_window_looks_at_the_file(manager, opened):
    their_save(opened.document.path)
    manager._application_state_changed(Qt.ApplicationState.ApplicationActive)
    assert "changed on disk" in told(opened)
    opened.notice.hide()
    their_save(opened.document.path, "Later")
    QApplication.sendEvent(opened, QEvent(QEvent.Type.WindowActivate))
    assert "changed on disk" in told(opened)


def test_looking_is_cheap_when_nothing_changed(opened, monkeypatch):
    from mapper.fileformat import signature

    monkeypatch.setattr(signature, "sha256_file", lambda path: pytest.fail("hashed"))
    for _ in range(3):
        opened.disk_watch.check()
    assert told(opened) == ""


def test_recover_unsaved_work_is_offered_only_with_copies_left(manager, opened, monkeypatch):
    recover = opened.actions_["recover"]
    opened.file_menu.aboutToShow.emit()
    assert not recover.isEnabled()
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title="Left by a crash")
    manager.store.write("deadbeef", journey.snapshot(), None, time.time())
    opened.file_menu.aboutToShow.emit()
    assert recover.isEnabled()
    monkeypatch.setattr(
        recovery_dialog.RecoveryDialog, "exec", lambda self: self._finish(recovery_dialog.RESTORE)
    )
    recover.trigger()
    restored = manager.windows[-1]
    assert restored.document.journey.card("t1").title == "Left by a crash"
    opened.file_menu.aboutToShow.emit()
    assert not recover.isEnabled()  # the copy is this session's now


def test_tab_reaches_the_choices_then_the_close_button(opened):
    from mapper.ui.focus_order import stops

    their_save(opened.document.path)
    opened.disk_watch.check()
    chain = stops(opened.tab_parts())
    reload, keep = opened.notice.buttons
    assert chain[:3] == [reload, keep, opened.notice._close]


def test_in_a_narrow_window_the_choices_go_under_the_text(opened, qtbot):
    edit(opened)
    their_save(opened.document.path)
    opened.disk_watch.check()
    bar = opened.notice
    qtbot.waitUntil(bar.isVisible)
    opened.resize(1600, 900)
    qtbot.waitUntil(lambda: bar.buttons[0].y() < bar.label.geometry().bottom())  # beside it
    opened.resize(760, 900)
    line = bar.label.fontMetrics().height()
    qtbot.waitUntil(
        lambda: (
            bar.buttons[0].y() > bar.label.geometry().bottom() and bar.label.height() <= 3 * line
        )  # not a tall, thin column
    )


def test_reload_waits_for_a_presentation_to_end(manager, opened):
    from mapper.present import start_presentation

    session = start_presentation(opened)
    session.controller.options.transitions = False
    their_save(opened.document.path)
    opened.disk_watch.check()
    press(opened, "&Reload")
    assert manager.windows == [opened] and session.running
    assert "changed on disk" in told(opened)  # still offered, for after the show
    assert opened.statusBar().currentMessage() == "Reload once the presentation has ended."
    session.end()
    QApplication.processEvents()
    press(opened, "&Reload")
    assert manager.windows != [opened]
