"""Where Save As starts when the map cannot be saved where it is: a place it can be."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import save_journey
from mapper.ui import file_actions


def suggested_by_save_as(document, monkeypatch) -> str:
    offered: list[str] = []

    def ask(parent, title, suggested, name_filter, suffix):
        offered.append(suggested)
        return None  # cancelled

    monkeypatch.setattr(file_actions, "ask_save_path", ask)
    assert not file_actions.save_document(document, None, save_as=True)
    return offered[0]


def test_save_as_of_a_map_whose_folder_was_deleted_starts_in_a_folder_that_is_there(
    qapp, tmp_path, monkeypatch
):
    """It offered the deleted folder's path: saving there failed again."""
    folder = tmp_path / "project" / "maps"
    folder.mkdir(parents=True)
    save_journey(sample_map(), folder / "map.journey")
    document = Document.open(folder / "map.journey")
    shutil.rmtree(tmp_path / "project")
    assert suggested_by_save_as(document, monkeypatch) == str(tmp_path / "map.journey")


def test_save_as_of_a_read_only_file_offers_a_new_name_beside_it(qapp, tmp_path, monkeypatch):
    """It offered the read-only file itself: Save, Yes to replace it, then 'Not saved'."""
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    document = Document.open(path)
    monkeypatch.setattr(file_actions, "is_read_only", lambda p: p == path)
    assert suggested_by_save_as(document, monkeypatch) == str(tmp_path / "map (copy).journey")


def test_save_as_of_a_writable_file_offers_the_file(qapp, tmp_path, monkeypatch):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    document = Document.open(path)
    assert suggested_by_save_as(document, monkeypatch) == str(path)


def test_save_as_after_someone_else_saved_offers_a_new_name(qapp, tmp_path, monkeypatch):
    """'Save your version under a new name' opened on their file's name: Save, then Yes
    to Qt's replace question, wrote over their changes."""
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    document = Document.open(path)
    document.journey.update_info(title="Mine")
    document.undo_stack.resetClean()
    theirs = sample_map()
    theirs.update_info(title="Theirs")
    save_journey(theirs, path)
    monkeypatch.setattr(file_actions, "ask_about_conflict", lambda doc, parent: "save_as")
    offered: list[str] = []
    monkeypatch.setattr(
        file_actions,
        "ask_save_path",
        lambda parent, title, suggested, *a: offered.append(suggested),
    )
    assert not file_actions.save_document(document, None)
    assert offered == [str(tmp_path / "map (copy).journey")]


def test_save_as_in_a_folder_that_may_not_be_written_starts_at_home(qapp, tmp_path, monkeypatch):
    """A writable map in a read-only folder cannot be saved (a save writes a temporary
    beside it first): Save As offered that folder again, to fail the same way."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "map.journey"
    save_journey(sample_map(), path)
    document = Document.open(path)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", lambda: home)
    written = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **k: Path(p) != folder and written(p, mode, **k)
    )
    assert suggested_by_save_as(document, monkeypatch) == str(home / "map.journey")
