"""A data folder Mapper cannot write: maps still open, and the user is told once, visibly,
that recovery copies are off and why. Errors go to the log file, never the terminal."""

from __future__ import annotations

import logging

import pytest

from factories import sample_map
from mapper.document import Document
from mapper.recovery import RecoveryStore
from mapper.recovery.autosave import wait_for_writes
from ordinary_user import run_as_user, shared_folder

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def blocked_manager(qtbot, tmp_path):
    """Its recovery folder would have to be created inside a regular file."""
    from mapper.ui.app import WindowManager

    (tmp_path / "not-a-folder").write_text("x")
    mgr = WindowManager(RecoveryStore(tmp_path / "not-a-folder" / "recovery"))
    yield mgr
    for window in list(mgr.windows):
        window.document.undo_stack.setClean()
        window.close()


def test_maps_open_and_the_reason_is_shown_once(blocked_manager, capfd):
    first = blocked_manager.show(Document(sample_map()))
    assert first.notice.isVisible()
    text = first.notice.label.text()
    assert "Recovery copies are off" in text and "not-a-folder" in text
    marks = [w.text() for w in first.statusBar().findChildren(type(first.selection_label))]
    assert "Recovery copies off" in marks
    second = blocked_manager.show(Document(sample_map()))
    assert not second.notice.isVisible()  # once a session, not in every window
    marks = [w.text() for w in second.statusBar().findChildren(type(first.selection_label))]
    assert "Recovery copies off" in marks  # but every window says it quietly

    first.scene.select_ids(["t1"])
    first.edit.delete_selection()
    assert first.autosaver.save_now() is None  # nothing to write to, no error
    wait_for_writes()
    assert capfd.readouterr().err == ""


def test_a_failing_recovery_copy_goes_to_the_log_not_the_terminal(manager, capfd, monkeypatch):
    from mapper.logs import log_file
    from mapper.ui.app import start_logging

    logger = logging.getLogger("mapper")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "propagate", True)
    monkeypatch.setattr(logging, "raiseExceptions", logging.raiseExceptions)
    assert start_logging()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(manager.store, "write", disk_full)
    window = manager.show(Document(sample_map()))
    window.scene.select_ids(["t1"])
    window.edit.delete_selection()
    window.autosaver.save_now()
    wait_for_writes()
    for handler in logger.handlers:
        handler.flush()
    assert capfd.readouterr().err == ""
    assert "could not write the recovery copy" in log_file().read_text("utf-8")
    assert "No space left on device" in log_file().read_text("utf-8")


DRIVER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mapper.ui import app

qt = app.create_application()
def report():
    for window in QApplication.topLevelWidgets():
        if hasattr(window, "notice"):
            print("window:", window.windowTitle(), flush=True)
            shown = window.notice.label.text() if window.notice.isVisible() else ""
            print("banner:", shown, flush=True)
            window.close()  # as File > Quit does
    QApplication.quit()
QTimer.singleShot(1500, report)
sys.exit(app.run_app(sys.argv[1]))
"""


@pytest.mark.parametrize("case", ["cannot be created", "read-only"])
def test_mapper_file_opens_with_an_unwritable_data_folder(tmp_path, case):
    """For real, as an ordinary user: `mapper FILE` used to stop with "unexpected error
    (PermissionError)"; now the map opens and the banner says why copies are off."""
    from mapper.fileformat import save_journey

    folder = shared_folder(tmp_path / "shared")
    path = folder / "renewal.journey"
    save_journey(sample_map(), path)
    home = folder / "home"
    if case == "read-only":  # the folders exist, the recovery folder may not be written
        (home / ".local" / "share" / "Mapper" / "recovery").mkdir(parents=True)
        (home / ".local" / "share" / "Mapper" / "logs").mkdir()
        for sub in [home, *home.rglob("*")]:
            sub.chmod(0o555)
    else:
        home.mkdir()
        home.chmod(0o555)  # ~/.local cannot be created
    result = run_as_user(
        ["-c", DRIVER, str(path)], folder,
        HOME=str(home), XDG_DATA_HOME="", MAPPER_DATA_DIR="",
        XDG_CONFIG_HOME=str(folder / "config"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "window: renewal.journey[*] — Mapper" in lines
    (banner,) = [line for line in lines if line.startswith("banner:")]
    assert "Recovery copies are off: Mapper cannot write to" in banner
    assert "Permission denied" in banner
    for noise in ("Traceback", "unexpected error", "Logging error", "PermissionError"):
        assert noise not in result.stderr
