"""For real: run `mapper`, edit, kill -9, start again, recover, save, compare."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapper.fileformat import load_journey
from xserver import require, wait_for_window, wait_until, xdotool, xvfb

ROOT = Path(__file__).resolve().parents[2]


def start_mapper(display: str, tmp_path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "MAPPER_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "MAPPER_AUTOSAVE_SECONDS": "0.5"}  # fmt: skip
    return subprocess.Popen([sys.executable, "-m", "mapper", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip


@pytest.mark.xvfb
def test_killed_mapper_leaves_work_that_the_next_start_recovers(tmp_path):
    require("xdotool")
    original = tmp_path / "coffee.journey"
    shutil.copy(ROOT / "examples" / "coffee-chain.journey", original)
    saved_text = original.read_text("utf-8")
    recovery = tmp_path / "data" / "recovery"
    with xvfb() as display:
        first = start_mapper(display, tmp_path, str(original))
        try:
            window = wait_for_window(display, "coffee.journey", process=first)
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "--window", window, "ctrl+a", "Delete")  # delete every card
            wait_until(lambda: any(recovery.glob("*.journey")), 20, "a recovery copy")
            wait_until(lambda: any(recovery.glob("*.json")), 20, "its description")
            time.sleep(0.5)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        copies = list(recovery.glob("*.journey"))
        assert len(copies) == 1
        assert load_journey(copies[0]).card_count() == 0  # the edit is in the copy
        assert original.read_text("utf-8") == saved_text  # never next to or over the file

        second = start_mapper(display, tmp_path)  # no file argument: recovery is offered
        try:
            dialog = wait_for_window(display, "Recover unsaved work", process=second)
            xdotool(display, "windowfocus", "--sync", dialog)
            xdotool(display, "key", "--window", dialog, "Return")  # Restore
            window = wait_for_window(display, "coffee.journey")
            assert list(recovery.glob("*.journey")), "nothing is deleted until saved"
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "--window", window, "ctrl+s")
            wait_until(lambda: original.read_text("utf-8") != saved_text, 20, "the save")
            wait_until(lambda: not list(recovery.glob("*.journey")), 20, "the copy to go")
        finally:
            second.terminate()
            second.wait(timeout=10)
    assert load_journey(original).card_count() == 0
