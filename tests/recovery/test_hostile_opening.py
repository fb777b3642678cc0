"""The editor's Open gives a clear message for hostile files: never a hang, a crash or an
uncaught error that would take the other windows' unsaved work with it."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from factories import sample_map
from mapper.fileformat import dumps_journey
from mapper.ui import file_actions
from ordinary_user import run_as_user, shared_folder

pytestmark = pytest.mark.usefixtures("isolated_settings")

HEADER = b'{"format": "mapper-journey", "schema_version": 1, '


class Boxes(list):
    """Every message box shown, as (title, text, details)."""

    click: str | None = None  # the button pressed in a box that asks


@pytest.fixture
def shown(monkeypatch) -> Boxes:
    boxes = Boxes()

    def static(parent, title, text, *args):
        boxes.append((title, text, ""))

    def fake_exec(box):
        boxes.append((box.windowTitle(), box.text(), box.detailedText()))
        wanted = [b for b in box.buttons() if b.text() == boxes.click]
        box._clicked = wanted[0] if wanted else None
        return 0

    monkeypatch.setattr(QMessageBox, "warning", static)
    monkeypatch.setattr(QMessageBox, "critical", static)
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    return boxes


def open_without_blocking(path: Path | str, pipe: Path | None = None):
    result: dict = {}
    thread = threading.Thread(
        target=lambda: result.update(document=file_actions.open_document(path, None)),
        daemon=True,
    )
    thread.start()
    thread.join(20)
    if thread.is_alive():
        if pipe is not None:  # unblock the reader so the test run can go on
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(20)
        pytest.fail(f"opening {path} blocked")
    return result["document"]


def test_a_named_pipe_is_refused_at_once(tmp_path, shown):
    pipe = tmp_path / "map.journey"
    os.mkfifo(pipe)
    assert open_without_blocking(pipe, pipe) is None
    assert shown == [
        (
            "Cannot open map",
            f"{pipe} cannot be opened: this is a named pipe, not a regular file.",
            "",
        )
    ]


def test_a_device_is_refused_unread(shown):
    assert open_without_blocking("/dev/zero") is None
    assert shown == [
        ("Cannot open map", "/dev/zero cannot be opened: this is a device, not a regular file.", "")
    ]


def test_a_number_too_long_is_shown_where_it_is(tmp_path, shown):
    path = tmp_path / "long.journey"
    path.write_bytes(
        HEADER + b'"stages": [{"id": "s", "name": "S", "width": ' + b"9" * 5000 + b"}]}"
    )
    shown.click = "Repair…"
    assert open_without_blocking(path) is None
    number = "stages[0].width: number too long (5,000 digits; at most 4,300)"
    # not JSON Python reads: no repair is offered (it would only say it cannot repair)
    assert shown == [("Cannot open map", f"long.journey cannot be opened:\n{number}", "")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"format": "mapper-journey", "schema_version": 1, "stages": [',
         "1:62: the file ends too early: it was cut short (not valid JSON)"),
        (b"[1, 2, 3]", "$: not a journey map: the file must hold a JSON object"),
        (b'{"format": "mapper-journey", "schema_version": 99}',
         "schema_version: this map was made by a newer Mapper (format 99)"),
    ],
)  # fmt: skip
def test_a_file_repair_could_keep_nothing_of_offers_no_repair(tmp_path, shown, content, problem):
    """Repair keeps the valid items of a map this Mapper reads: a file cut short, one that
    is not a journey map, or one a newer Mapper made has none, and saying so after a
    Repair… button was pressed wasted a click (and suggested a newer map was damaged)."""
    path = tmp_path / "odd.journey"
    path.write_bytes(content)
    shown.click = "Repair…"
    assert open_without_blocking(path) is None
    [(title, text, details)] = shown  # one box, with the reason, and no Repair… in it
    assert title == "Cannot open map" and details == ""
    assert text.startswith(f"odd.journey cannot be opened:\n{problem}"), text


def test_a_damaged_map_still_offers_repair(tmp_path, shown):
    path = tmp_path / "damaged.journey"
    path.write_bytes(HEADER + b'"stages": [{"id": "s", "name": "S"}, {"id": 5}]}')
    shown.click = "Repair…"
    document = open_without_blocking(path)
    assert document is not None and document.journey.stages.ids() == ["s"]
    assert [title for title, *_ in shown] == ["Cannot open map", "Repaired"]


def test_five_million_wrong_cards_are_refused_by_count(tmp_path, shown):
    path = tmp_path / "huge.journey"
    path.write_bytes(HEADER + b'"cards": [' + b"1," * 4_999_999 + b"1]}")
    assert open_without_blocking(path) is None
    assert shown == [
        (
            "Cannot open map",
            "huge.journey cannot be opened as it is.",
            "cards: 5,000,000 items; a map holds at most 100,000 cards",
        )
    ]


def test_field_and_reference_problems_are_listed_together(tmp_path, shown):
    data = json.loads(dumps_journey(sample_map()))
    data["cards"][0].update(kind="bogus", stage_id="s9")
    path = tmp_path / "bad.journey"
    path.write_text(json.dumps(data))
    assert open_without_blocking(path) is None
    assert shown[0][2].splitlines() == [
        "cards[0].kind: Input should be 'touchpoint', 'action', 'thought', 'pain_point', "
        "'opportunity' or 'note'",
        "cards[0].stage_id: refers to stage 's9', which does not exist",
    ]


def test_thousands_of_problems_are_counted_not_all_listed(tmp_path, shown):
    data = json.loads(dumps_journey(sample_map()))
    data["cards"].extend({"id": f"x{i}"} for i in range(400))  # 3 missing fields each
    path = tmp_path / "bad.journey"
    path.write_text(json.dumps(data))
    assert open_without_blocking(path) is None
    details = shown[0][2].splitlines()
    assert details[:2] == ["cards[8].stage_id: this field is required",
                           "cards[8].lane_id: this field is required"]  # fmt: skip
    assert details[-1] == "… and at least 988 more"  # checking stops at 1,000 problems
    assert len(details) == 13


def test_a_file_that_cannot_be_opened_at_start_keeps_restored_work_open(
    tmp_path, shown, monkeypatch
):
    """`mapper FILE` after a crash: the user restores their work, then FILE fails to open;
    the editor runs on with the restored windows instead of ending (and closing them)."""
    import logging
    import sys

    from PySide6.QtWidgets import QApplication

    from mapper.document import Document
    from mapper.ui import app as ui_app

    restored = []

    def restore(manager, parent=None):
        restored.append(manager.show(Document(sample_map())))
        return list(restored)

    ran = []
    monkeypatch.setattr(ui_app.WindowManager, "offer_recovery", restore)
    monkeypatch.setattr(QApplication, "exec", lambda *args: ran.append(True) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    monkeypatch.setattr(logging, "raiseExceptions", logging.raiseExceptions)
    try:
        assert ui_app.run_app(str(tmp_path / "gone.journey")) == 0
        assert shown == [("Cannot open map",
                          f"{tmp_path / 'gone.journey'} cannot be opened: no such file.", "")]  # fmt: skip
        assert ran == [True] and restored[0].isVisible()  # the editor ran, the work shown
    finally:
        for window in restored:
            window.close()


UNREADABLE_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QMessageBox
from mapper.ui import file_actions

app = QApplication([])
QMessageBox.warning = staticmethod(lambda parent, title, text, *a: print("warning:", text))
QMessageBox.exec = lambda box: print("asked:", box.text(), "|", box.detailedText())
print("opened:", file_actions.open_document(sys.argv[1], None))
"""


def test_a_file_the_user_may_not_read_says_so_at_once_without_offering_repair(tmp_path):
    folder = shared_folder(tmp_path / "maps")
    path = folder / "private.journey"
    path.write_text(dumps_journey(sample_map()))
    path.chmod(0o600)  # root's: nobody else may read it
    done = run_as_user(["-c", UNREADABLE_SCRIPT, str(path)], folder,
                       MAPPER_DATA_DIR=str(folder), XDG_CONFIG_HOME=str(folder))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"warning: {path} cannot be opened: permission denied.",
        "opened: None",
    ]  # not "cannot be opened as it is" with a Repair button that then fails
