"""A PNG or SVG of a map in a script no installed font shapes (Devanagari here) says so in
one line of Mapper's own, not in forty lines of Qt's font chatter on stderr."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factories import sample_map
from mapper.fileformat import save_journey
from mapper.model import Entity


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_an_image_export_prints_no_qt_chatter(tmp_path, suffix):
    """(and the slides, drawn by Qt too)"""
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title="नमस्ते दुनिया")
    path = tmp_path / "hindi.journey"
    save_journey(journey, path)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "mapper", "export", str(path), "-o", str(tmp_path / f"m.{suffix}"),
         *(["--slides"] if suffix == "pdf" else [])],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "qt." not in done.stderr and "OpenType" not in done.stderr, done.stderr
