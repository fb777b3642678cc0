"""Start a private Xvfb for tests that need a real X server."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide {', '.join(missing)} (scripts/setup.sh --test)")
        pytest.skip(f"needs {', '.join(missing)}")


@contextmanager
def xvfb() -> Iterator[str]:
    """Yields the DISPLAY of a fresh 1920x1080 Xvfb server."""
    require("Xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = f":{pipe.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def desktop(home: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A fresh Xvfb with the openbox window manager: yields its DISPLAY and the environment
    for a Mapper on it (Qt's X11 platform, settings and data private to ``home``)."""
    require("openbox")
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "MAPPER_DATA_DIR": str(home / "data"), "XDG_CONFIG_HOME": str(home)}  # fmt: skip
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            yield display, env
        finally:
            wm.terminate()
            wm.wait(timeout=10)


def wait_for_window(
    display: str, name: str, timeout: float = 30, process: subprocess.Popen | None = None
) -> str:
    """The X id of a visible window whose title contains ``name``. With the ``process``
    meant to show it, a failure says whether it ended and what it printed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, check=False,
        ).stdout.split()  # fmt: skip
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared within {timeout} s"
                         + _what_it_said(process))  # fmt: skip


def _what_it_said(process: subprocess.Popen | None) -> str:
    """The exit code and output of ``process`` (ended here if still running), for a
    failure message."""
    if process is None:
        return ""
    if process.poll() is None:
        process.kill()
    output, _ = process.communicate(timeout=10)
    text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output or ""
    return f"; the process ended with {process.returncode}, printing:\n{text[-4000:]}"


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True)


def wait_until(condition, timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds, or fail saying ``what`` was waited for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
