"""For real, under a window manager: a panel left floating comes back on top of the
window at the next start (openbox kept it below the main window, out of sight, and put it
back below whenever the window was clicked)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from factories import sample_map
from mapper.fileformat import save_journey
from xserver import desktop, require, wait_for_window, wait_until, xdotool

# the first start: the outline is floated and the layout saved as the window closes
FLOAT_THE_OUTLINE = textwrap.dedent("""
    import sys
    from mapper.document import Document
    from mapper.fileformat import load_journey
    from mapper.ui.app import WindowManager, create_application

    app = create_application()
    window = WindowManager().show(Document(load_journey(sys.argv[1])))
    window.docks["outline"].setFloating(True)
    app.processEvents()
    window.close()
""")


def stacking(display: str) -> list[int]:
    """The window manager's windows, bottom to top."""
    out = subprocess.run(
        ["xprop", "-root", "_NET_CLIENT_LIST_STACKING"],
        env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return [int(word.strip(","), 16) for word in out.split("#", 1)[1].split()]


@pytest.mark.xvfb
def test_a_floating_panel_comes_back_above_the_window(tmp_path):
    require("xdotool", "xprop")
    path = tmp_path / "sample.journey"
    save_journey(sample_map(), path)
    with desktop(tmp_path) as (display, env):
        subprocess.run([sys.executable, "-c", FLOAT_THE_OUTLINE, str(path)], env=env,
                       check=True, timeout=120)  # fmt: skip
        app = subprocess.Popen([sys.executable, "-m", "mapper", str(path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
        try:
            editor = int(wait_for_window(display, "sample.journey", timeout=60))
            outline = int(wait_for_window(display, "Outline", timeout=30))
            assert outline != editor

            def on_top() -> bool:
                order = stacking(display)
                return editor in order and outline in order[order.index(editor) + 1 :]

            wait_until(on_top, 20, "the floating outline above the window")
            xdotool(display, "windowactivate", "--sync", str(editor))  # a click on it
            wait_until(on_top, 5, "the outline to stay above the window")
            assert app.poll() is None, app.stdout.read().decode(errors="replace")
        finally:
            app.terminate()
            app.wait(timeout=10)
