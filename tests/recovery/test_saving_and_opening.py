"""Saving never loses work; bad files get a list of problems and a repair choice."""

from __future__ import annotations

import errno
import json
import os
import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import dumps_journey, load_journey, save_journey
from mapper.fileformat.repair import repair_journey
from mapper.ui import file_actions

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    return shown


def save_and_wait(document, parent=None, **options) -> bool:
    """The editor's Save, waited for: True if the file was written."""
    outcome: list[bool] = []
    started = file_actions.save_document(document, parent, then=outcome.append, **options)
    document.wait_for_save()
    return started and outcome == [True]


@pytest.fixture
def unsaved(tmp_path, qapp):
    path = tmp_path / "map.journey"
    save_journey(sample_map(), path)
    document = Document.open(path)
    document.journey.update_info(title="Changed")  # a change the stack does not know of:
    document.undo_stack.resetClean()  # mark it unsaved the way a real edit would
    return document


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied"), "permission"),  # read-only file
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
    ],
)
def test_save_failures_are_explained_and_nothing_is_lost(
    unsaved, messages, monkeypatch, error, expected
):
    before = unsaved.path.read_bytes()

    def fail(fd):
        raise error

    monkeypatch.setattr(os, "fsync", fail)
    assert not save_and_wait(unsaved)
    assert expected in messages[0]
    assert "Your map is still open with all its changes" in messages[0]
    assert unsaved.is_modified()
    assert unsaved.path.read_bytes() == before  # the old file is intact


def test_missing_folder(qapp, tmp_path, messages, monkeypatch):
    document = Document(sample_map())
    document.undo_stack.resetClean()
    target = tmp_path / "gone" / "x.journey"
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: target)
    assert not save_and_wait(document)
    assert f"the folder {target.parent} does not exist" in messages[0]
    assert document.is_modified() and document.path is None


def test_a_file_changed_on_disk_is_not_overwritten_silently(unsaved, monkeypatch):
    theirs = sample_map()
    theirs.update_info(title="Teammate's version")
    os.utime(unsaved.path, ns=(1, 1))  # make sure the time stamp differs too
    save_journey(theirs, unsaved.path)
    assert unsaved.changed_on_disk()
    asked = []
    monkeypatch.setattr(file_actions, "ask_about_conflict",
                        lambda doc, parent: asked.append(doc) or "cancel")  # fmt: skip
    assert not save_and_wait(unsaved)
    assert asked and load_journey(unsaved.path).info.title == "Teammate's version"
    monkeypatch.setattr(file_actions, "ask_about_conflict", lambda doc, parent: "overwrite")
    assert save_and_wait(unsaved)
    assert load_journey(unsaved.path).info.title == "Changed"
    assert not unsaved.changed_on_disk()


def test_a_file_deleted_since_it_was_opened_is_said_to_be_gone_not_changed(
    unsaved, messages, monkeypatch
):
    """Nobody else saved it: there is no version of theirs to open, only where ours goes."""
    unsaved.path.unlink()
    assert unsaved.changed_on_disk()
    shown = []

    def answer(box: QMessageBox) -> int:
        buttons = {b.text(): b for b in box.buttons()}
        shown.append((box.windowTitle(), box.text(), sorted(buttons)))
        buttons["Save Again There"].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert save_and_wait(unsaved)
    [(title, text, buttons)] = shown
    assert title == "File no longer there"
    assert text == "map.journey was moved, renamed or deleted since you opened it."
    assert buttons == ["Cancel", "Save Again There", "Save As…"]  # no "Open Their Version"
    assert load_journey(unsaved.path).info.title == "Changed" and not messages
    unsaved.path.parent.joinpath("elsewhere").mkdir()  # moved away, this time
    moved = unsaved.path.parent / "elsewhere" / "gone.journey"
    unsaved.path.rename(moved)
    unsaved.journey.update_info(title="Changed again")
    unsaved.undo_stack.resetClean()
    shown.clear()
    assert save_and_wait(unsaved)  # saved again where it was; the moved one is left alone
    assert shown[0][0] == "File no longer there"
    assert load_journey(unsaved.path).info.title == "Changed again"
    assert load_journey(moved).info.title == "Changed"


def broken_file() -> bytes:
    data = json.loads(dumps_journey(sample_map()))
    data["cards"][0]["title"] = 42  # invalid card
    data["cards"][3]["stage_id"] = "nowhere"  # dangling (t2)
    data["flows"].append({"id": "f1", "source": "t1", "target": "t4"})  # duplicate id
    data["flows"].append({"id": "fx", "source": "t1", "target": "t1"})  # self-loop
    data["cards"][6]["pain_point_ids"].append("ghost")  # o1 addresses a card that is not there
    data["active_persona_id"] = "ghost"
    data["colour"] = "red"  # unknown top-level field
    return json.dumps(data).encode()


def test_repair_keeps_what_is_valid_and_lists_what_was_dropped():
    journey, dropped = repair_journey(broken_file(), "m.journey")
    ids = {c.id for c in journey.cards()}
    assert ids == {"a1", "t1", "t3", "p1", "t4", "o1", "o2"}  # a1 mended, t2 lost its stage
    assert journey.card("a1").title == "Untitled"
    text = "\n".join(dropped)
    assert "cards[0]" in text and "title was unusable" in text
    assert "card 't2'" in text and "stage or lane is missing" in text
    assert "flow 'f1': duplicate id" in text
    assert "leads from a card to itself" in text
    assert "active persona 'ghost'" in text
    assert "colour" in text
    assert journey.card("o1").pain_point_ids == ("p1",)
    assert "card 'o1': links to missing cards removed" in text
    # the repaired map is valid: it saves and loads again
    assert dumps_journey(journey) == dumps_journey(load_journey_bytes(dumps_journey(journey)))


def test_repair_mends_a_bad_field_instead_of_dropping_what_holds_it():
    data = json.loads(dumps_journey(sample_map()))
    data["stages"][0]["colour_hint"] = "x"  # unknown field in a stage with cards
    data["stages"][1]["width"] = "wide"  # optional field with a bad value
    data["cards"][1]["title"] = "T" * 3000  # too long
    journey, notes = repair_journey(json.dumps(data).encode(), "m.journey")
    assert journey.stages.ids() == ["s1", "s2", "s3"]
    assert journey.card_count() == 8 and journey.flow_count() == 4
    assert journey.stages.get("s2").width == 240.0
    assert len(journey.card("t1").title) == 2000
    text = "\n".join(notes)
    assert "unknown field 'colour_hint' removed" in text
    assert "(reset to its default)" in text and "shortened to 2,000 characters" in text
    assert "left out" not in text


def load_journey_bytes(text: str):
    from mapper.fileformat import loads_journey

    return loads_journey(text.encode())


def test_opening_a_bad_file_offers_repair(qapp, tmp_path, monkeypatch):
    path = tmp_path / "bad.journey"
    path.write_bytes(broken_file())
    choices = iter(["Repair…", None])

    def fake_exec(box):
        wanted = next(choices)
        for button in box.buttons():
            if wanted and button.text() == wanted:
                box._clicked = button
                return 0
        box._clicked = None
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    document = file_actions.open_document(path, None)
    assert document is not None and document.path is None
    assert document.display_name() == "bad (repaired).journey"
    assert document.is_modified()
    assert path.read_bytes() == broken_file()  # the file itself is untouched


def test_opening_a_bad_file_and_cancelling_opens_nothing(qapp, tmp_path, monkeypatch):
    """A map Repair could mend (a file that is not JSON gets no Repair button now: the
    box offering it never came, and the test waited on the one that did)."""
    path = tmp_path / "bad.journey"
    path.write_bytes(broken_file())
    offered = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: offered.append(box.text()) or 0)
    assert file_actions.open_document(path, None) is None  # closed without a choice
    assert offered == ["bad.journey cannot be opened as it is."]
    assert path.read_bytes() == broken_file()


# ------------------------------------------------------------- changed on disk (item: cp -p)
def same_size_other_text(path) -> bytes:
    text = path.read_bytes()
    other = text.replace(b"Renew a phone contract", b"Renew a phone CONTRACT")
    assert other != text and len(other) == len(text)
    return other


def test_a_file_replaced_keeping_its_time_and_size_is_noticed(unsaved, tmp_path):
    """`cp -p` (or rsync -t) of a teammate's version: same size and mtime, new content."""
    theirs = tmp_path / "theirs.journey"
    theirs.write_bytes(same_size_other_text(unsaved.path))
    stamp = unsaved.path.stat()
    os.utime(theirs, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    subprocess.run(["cp", "-p", str(theirs), str(unsaved.path)], check=True)
    after = unsaved.path.stat()
    assert (after.st_mtime_ns, after.st_size) == (stamp.st_mtime_ns, stamp.st_size)
    assert unsaved.changed_on_disk()


def test_a_replaced_file_with_a_new_inode_is_noticed(unsaved, tmp_path):
    stamp = unsaved.path.stat()
    theirs = tmp_path / "theirs.journey"
    theirs.write_bytes(same_size_other_text(unsaved.path))
    os.utime(theirs, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    os.replace(theirs, unsaved.path)  # how most programs save
    assert unsaved.changed_on_disk()


def test_touching_or_chmod_alone_does_not_nag(unsaved, monkeypatch):
    os.utime(unsaved.path, ns=(1, 1))  # a new modification time, the same bytes
    assert not unsaved.changed_on_disk()
    os.chmod(unsaved.path, 0o640)  # a new ctime
    assert not unsaved.changed_on_disk()
    # the signature was refreshed: the next check does not read the file again
    from mapper.fileformat import signature

    monkeypatch.setattr(signature, "sha256_file", lambda path: pytest.fail("hashed again"))
    assert not unsaved.changed_on_disk()


def test_after_our_own_save_nothing_is_read_to_know_the_file_is_ours(unsaved, monkeypatch):
    assert save_and_wait(unsaved)
    from mapper.fileformat import signature

    monkeypatch.setattr(signature, "sha256_file", lambda path: pytest.fail("hashed"))
    assert not unsaved.changed_on_disk()


# ------------------------------------------------------------- read-only files in the editor
def test_saving_over_a_read_only_file_offers_save_as(unsaved, monkeypatch, tmp_path):
    """Unit level (as root a 0444 file is writable): the user may not write the file, so
    Save asks, offering Save As; the file is never replaced."""
    real_access = os.access
    locked = str(unsaved.path)
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if str(p) == locked and
                        mode & os.W_OK else real_access(p, mode, **k))  # fmt: skip
    before = unsaved.path.read_bytes()
    asked = []
    monkeypatch.setattr(file_actions, "ask_about_read_only",
                        lambda doc, parent: asked.append(doc.display_name()) or False)  # fmt: skip
    assert not save_and_wait(unsaved)
    assert asked == ["map.journey"] and unsaved.is_modified()
    assert unsaved.path.read_bytes() == before

    other = tmp_path / "copy.journey"
    monkeypatch.setattr(file_actions, "ask_about_read_only", lambda doc, parent: True)
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a, **k: other)
    assert save_and_wait(unsaved)
    assert unsaved.path == other and not unsaved.is_modified()
    assert load_journey(other).info.title == "Changed"
    assert (tmp_path / "map.journey").read_bytes() == before


def test_the_read_only_question_offers_save_as_first(unsaved, monkeypatch):
    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert file_actions.ask_about_read_only(unsaved, None) is False
    assert "read-only" in seen["text"] and seen["default"] == "Save As…"
    assert "Overwrite" not in " ".join(seen["buttons"])


def test_a_write_refused_as_read_only_says_so(unsaved, messages, monkeypatch):
    from mapper.fileformat import atomic

    monkeypatch.setattr(file_actions, "is_read_only", lambda path: False)  # checked: writable
    real_access = os.access
    # ...then made read-only before the write itself
    monkeypatch.setattr(
        atomic.os, "access", lambda p, m, **k: False if m & os.W_OK else real_access(p, m, **k)
    )
    assert not save_and_wait(unsaved)
    assert "the file is read-only" in messages[0] and "Save As" in messages[0]
    assert unsaved.is_modified()


def test_a_file_marked_read_only_is_not_saved_over_even_by_root(unsaved, monkeypatch):
    """chmod 0444 is a "do not change": the editor asks, whoever runs it."""
    unsaved.path.chmod(0o444)
    before = unsaved.path.read_bytes()
    asked = []
    monkeypatch.setattr(file_actions, "ask_about_read_only",
                        lambda doc, parent: asked.append(doc.display_name()) or False)  # fmt: skip
    assert not save_and_wait(unsaved)
    assert asked == ["map.journey"] and unsaved.is_modified()
    assert unsaved.path.read_bytes() == before


@pytest.mark.parametrize(
    ("button", "answer"),
    [("Save As…", "save_as"), ("Overwrite", "overwrite"), ("Open Their Version", "cancel"),
     ("Cancel", "cancel")],
)  # fmt: skip
def test_the_changed_on_disk_warning_answers_as_its_buttons_say(
    unsaved, monkeypatch, button, answer
):
    """Their version opens in a window of its own (with no window here, nothing opens) and
    ours is not saved; Esc or Cancel saves nothing either."""
    from mapper.ui.file_actions import ask_about_conflict

    def press(box: QMessageBox) -> int:
        buttons = {b.text(): b for b in box.buttons()}
        assert sorted(buttons) == ["Cancel", "Open Their Version", "Overwrite", "Save As…"]
        assert box.defaultButton() is buttons["Save As…"]
        buttons[button].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press)
    assert ask_about_conflict(unsaved, None) == answer


def test_repair_shortens_the_map_notes_instead_of_emptying_them():
    data = json.loads(dumps_journey(sample_map()))
    data["notes"] = "Keep this first paragraph. " + "x" * 60_000
    data["description"] = "A short description"
    journey, notes = repair_journey(json.dumps(data).encode(), "m.journey")
    assert journey.info.notes.startswith("Keep this first paragraph. ")
    assert len(journey.info.notes) == 50_000
    assert journey.info.description == "A short description"
    assert notes == ["notes shortened to 50,000 characters"]


def test_the_repair_report_counts_what_was_left_out_in_words(qapp, tmp_path, monkeypatch):
    data = json.loads(dumps_journey(sample_map()))
    data["notes"] = "n" * 60_000
    path = tmp_path / "long.journey"
    path.write_text(json.dumps(data))
    reports = []

    def fake_exec(box):
        reports.append(box.informativeText())
        repair = [b for b in box.buttons() if b.text() == "Repair…"]
        box._clicked = repair[0] if repair else None
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    assert file_actions.open_document(path, None) is not None
    assert reports[-1] == "1 thing was left out or mended (see Show Details)."
