"""Start the real `mapper` command on a real X server and check a window appears."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ("Xvfb", "import")


@pytest.fixture
def xvfb():
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide {', '.join(missing)} (scripts/setup.sh --test)")
        pytest.skip(f"needs {', '.join(missing)}")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = f":{pipe.readline().strip()}"
    yield display
    server.terminate()
    server.wait(timeout=10)


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
def test_mapper_opens_a_window_with_the_map(xvfb, tmp_path):
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb",
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
            subprocess.run(["import", "-display", xvfb, "-window", "root", str(shot)],
                           check=False, capture_output=True)  # fmt: skip
            colours = colours_in(shot)
            if colours > 40:
                break
        assert app.poll() is None, app.stdout.read().decode(errors="replace")
        assert colours > 40, f"the screen stayed blank ({colours} colours)"
    finally:
        app.terminate()
        app.wait(timeout=10)
