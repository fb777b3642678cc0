"""Run Python as an ordinary user, so file permissions are really enforced (root ignores
them): as ``nobody`` when that user can run this interpreter, otherwise as root without
the capabilities that bypass permission checks (the kernel then applies the mode bits
exactly as for any other user). Either way a real process, no monkeypatching."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]


@functools.cache
def _prefix() -> list[str]:
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed to test permissions as an ordinary user")
    if os.geteuid() != 0:
        return []  # already an ordinary user
    probe = subprocess.run([*NOBODY, sys.executable, "-c", "import pydantic"],
                           capture_output=True, check=False)  # fmt: skip
    return NOBODY if probe.returncode == 0 else NO_OVERRIDE


def run_as_user(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """``python ARGS`` with Mapper's sources importable, as an ordinary user."""
    environment = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([*_prefix(), sys.executable, *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def shared_folder(path: Path) -> Path:
    """A folder the ordinary user may create files in."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o777)
    for parent in path.parents:  # pytest's tmp folders are 0700
        if parent == Path("/tmp") or parent == parent.parent:
            break
        parent.chmod(parent.stat().st_mode | 0o055)
    return path
