"""Saving and opening from the editor's file dialogs: Save As never writes over a map open
in another window (that window would go on showing, as saved, a file that no longer holds
what it shows: a map is never open twice); Open starts where the user's maps are."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import load_journey, save_journey
from mapper.ui import file_actions
from mapper.ui.recent_files import remember


def test_save_as_over_a_map_open_in_another_window_is_refused_in_words(
    manager, qtbot, tmp_path, monkeypatch
):
    first_path = tmp_path / "first.journey"
    save_journey(sample_map(), first_path)
    first = manager.open_path(first_path, None)
    other = sample_map()
    other.update_info(title="Another map")
    second = manager.show(Document(other))
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warned.append((title, text)))  # fmt: skip
    alias = tmp_path / "sub" / ".." / "first.journey"  # the same file by another spelling
    (tmp_path / "sub").mkdir()
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: alias)
    assert not second.save(save_as=True)
    second.document.wait_for_save()
    assert warned == [("Map open in another window",
                       "first.journey is open in another window. Close it there first, "
                       "or save this map under another name.")]  # fmt: skip
    assert load_journey(first_path).info.title == "Renew a phone contract"  # not replaced
    assert second.document.path is None and first.document.path == first_path
    elsewhere = tmp_path / "second.journey"  # any other name saves as ever
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: elsewhere)
    assert second.save(save_as=True)
    second.document.wait_for_save()
    qtbot.waitUntil(lambda: second.document.path == elsewhere)
    assert load_journey(elsewhere).info.title == "Another map" and len(warned) == 1
    # a window saving as its own file again is no other window
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: first_path)
    assert first.save(save_as=True)
    first.document.wait_for_save()
    assert len(warned) == 1


def test_open_starts_in_the_folder_of_the_map_or_of_the_last_one(manager, tmp_path, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, *a: asked.append(folder) or ("", ""))  # fmt: skip
    project = tmp_path / "project"
    project.mkdir()
    save_journey(sample_map(), project / "map.journey")
    window = manager.open_path(project / "map.journey", None)
    assert file_actions.ask_open_path(window) is None
    assert asked == [str(project)]  # the folder of the map in this window
    unsaved = manager.show(Document(sample_map()))
    remember(project / "map.journey")
    file_actions.ask_open_path(unsaved)
    assert asked[-1] == str(project)  # an unsaved map: where the last one was
    remember(tmp_path / "gone" / "old.journey")  # the last one's folder is no more
    file_actions.ask_open_path(unsaved)
    assert asked[-1] == ""  # Qt's own choice
