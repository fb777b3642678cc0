"""The editor's window loads only what its first frame needs: dialogs, the find bar and the
clipboard's payload schema load when first used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import mapper

LATER = (
    "mapper.clipboard",
    "mapper.ui.compare_dialog",
    "mapper.ui.recovery_dialog",
    "mapper.ui.find_bar",
)


def test_opening_the_editor_leaves_dialogs_and_the_clipboard_schema_for_later():
    code = f"import sys\nimport mapper.ui.app\nprint(*[m for m in {LATER!r} if m in sys.modules])\n"
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_copy_and_paste_load_the_clipboard_schema_when_first_used(window, qtbot):
    window.scene.select_ids([next(window.document.journey.cards()).id])
    assert window.edit.copy()
    assert "mapper.clipboard" in sys.modules
    assert window.edit.paste()


def test_the_find_bar_is_made_when_first_asked_for_and_opens_above_the_map(window, qtbot):
    assert window._find_bar is None
    window.actions_["find"].trigger()
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    assert bar.geometry().bottom() < window.view.geometry().top()
    bar.field.setText(next(window.document.journey.cards()).title)
    assert bar.matches
    window.actions_["find"].trigger()
    assert window.find_bar is bar
