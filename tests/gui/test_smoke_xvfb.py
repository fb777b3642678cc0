"""Start the real `mapper` command on a real X server and check a window appears."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from xserver import require, xvfb

ROOT = Path(__file__).resolve().parents[2]


def colours_in(path: Path) -> int:
    image = QImage(str(path))
    if image.isNull():
        return 0
    seen = set()
    for y in range(0, image.height(), 12):
        for x in range(0, image.width(), 12):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.xvfb
def test_mapper_opens_a_window_with_the_map(tmp_path):
    require("import")
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "MAPPER_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path)}  # fmt: skip
        app = subprocess.Popen(
            [sys.executable, "-m", "mapper", str(ROOT / "examples" / "coffee-chain.journey")],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        shot = tmp_path / "screen.png"
        try:
            colours = 0
            deadline = time.monotonic() + 40
            while time.monotonic() < deadline and app.poll() is None:
                time.sleep(0.5)
                subprocess.run(["import", "-display", display, "-window", "root", str(shot)],
                               check=False, capture_output=True)  # fmt: skip
                colours = colours_in(shot)
                if colours > 40:
                    break
            assert app.poll() is None, app.stdout.read().decode(errors="replace")
            assert colours > 40, f"the screen stayed blank ({colours} colours)"
        finally:
            app.terminate()
            app.wait(timeout=10)
