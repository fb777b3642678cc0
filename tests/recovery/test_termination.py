"""For real: Mapper ended by SIGTERM (a shutdown, ``kill``), SIGHUP (its terminal closed)
or SIGINT (Ctrl+C in that terminal) writes its recovery copies first; the next start
offers the work back."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mapper.fileformat import load_journey
from mapper.recovery import RecoveryStore

ROOT = Path(__file__).resolve().parents[2]

# the editor on a map; once shown, a card is deleted and the process signals itself
_EDIT_THEN_SIGNAL = """
import os, signal, sys
from PySide6.QtCore import QTimer
from mapper.ui import app

shown = app.WindowManager.show
def show(self, document, recovery_key=None):
    window = shown(self, document, recovery_key)
    def edit():
        window.scene.select_ids(["act-hears-about-app"])
        window.edit.delete_selection()
        os.kill(os.getpid(), int(os.environ["ENDING_SIGNAL"]))
    QTimer.singleShot(200, edit)
    return window
app.WindowManager.show = show
from mapper.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_an_editor_ended_by_the_system_keeps_its_unsaved_work(tmp_path, ending):
    """Python's default ended Mapper at once: the changes since the last recovery copy
    (up to 30 seconds of them) were lost; Ctrl+C showed 'an unexpected problem
    (KeyboardInterrupt)' instead, raised in the middle of whatever ran next."""
    original = tmp_path / "coffee.journey"
    shutil.copy(ROOT / "examples" / "coffee-chain.journey", original)
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MAPPER_DATA_DIR": str(data),
           "MAPPER_AUTOSAVE_SECONDS": "600", "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "ENDING_SIGNAL": str(int(ending))}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", _EDIT_THEN_SIGNAL, str(original)],
        capture_output=True, text=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert result.returncode == 128 + ending, result.stderr
    assert "Traceback" not in result.stderr
    (entry,) = RecoveryStore(data / "recovery").recoverable()
    assert entry.original == original
    copy = load_journey(entry.map_file)
    assert not copy.has_card("act-hears-about-app")  # the edit is in the copy
    assert load_journey(original).has_card("act-hears-about-app")  # the file untouched


def test_one_map_failing_keeps_no_other_from_its_copy(manager, monkeypatch):
    """Ending by a signal writes each map's copy on its own: an error in the first
    window's left the others without theirs."""
    from factories import sample_map
    from mapper.document import Document
    from mapper.ui import app

    windows = [manager.show(Document(sample_map())) for _ in range(2)]
    for window in windows:
        window.scene.select_ids(["t1"])
        window.edit.delete_selection()

    def broken():
        raise RuntimeError("a bug")

    monkeypatch.setattr(windows[0].document.journey, "capture", broken)
    ended: list[int] = []
    monkeypatch.setattr(app.os, "_exit", ended.append)
    monkeypatch.setattr(app.logging, "shutdown", lambda: None)  # the tests go on logging
    app.end_keeping_copies(manager, int(signal.SIGTERM))
    assert ended == [128 + signal.SIGTERM]
    assert (manager.store.folder / f"{windows[1].autosaver.key}.journey").is_file()
