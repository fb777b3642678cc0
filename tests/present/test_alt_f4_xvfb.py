"""For real, under a window manager: Alt+F4 on the room's window ends the presentation,
and F5 presents again (it used to leave a half-open show that swallowed F5)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from factories import sample_map
from mapper.fileformat import save_journey
from xserver import desktop, require, wait_for_window, wait_until, xdotool

TITLE = "Mapper presentation"


def visible(display: str, name: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return bool(found.stdout.split())


def activate(display: str, window: str) -> None:
    """Bring ``window`` to the front; a loaded machine's window manager may need a retry."""
    for _ in range(10):
        done = subprocess.run(
            ["xdotool", "windowactivate", "--sync", window],
            env={**os.environ, "DISPLAY": display}, capture_output=True, timeout=20, check=False,
        )  # fmt: skip
        if done.returncode == 0:
            return
        time.sleep(0.5)
    xdotool(display, "windowfocus", "--sync", window)


@pytest.mark.xvfb
def test_alt_f4_ends_the_show_and_f5_presents_again(tmp_path):
    require("xdotool")
    path = tmp_path / "sample.journey"
    save_journey(sample_map(), path)
    with desktop(tmp_path) as (display, env):
        app = subprocess.Popen([sys.executable, "-m", "mapper", str(path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
        try:
            editor = wait_for_window(display, "sample.journey", timeout=60)
            activate(display, editor)
            xdotool(display, "key", "F5")
            show = wait_for_window(display, TITLE)
            activate(display, show)
            xdotool(display, "key", "alt+F4")  # the window manager closes the window
            wait_until(lambda: not visible(display, TITLE), 20, "the show to close")
            activate(display, editor)
            xdotool(display, "key", "F5")
            again = wait_for_window(display, TITLE)  # F5 works: a new show
            activate(display, again)
            xdotool(display, "key", "Escape")
            wait_until(lambda: not visible(display, TITLE), 20, "Esc to end the show")
            assert app.poll() is None, app.stdout.read().decode(errors="replace")
        finally:
            app.terminate()
            app.wait(timeout=10)
