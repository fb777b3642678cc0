"""PySide's import hook is told that Mapper's modules use PySide without features; it still
reads the source of other modules new to the process, as it would without Mapper."""

from __future__ import annotations

import importlib
import inspect
import json
import sys

import mapper.canvas.scene as scene
from mapper.ui.import_hook import HOOK_FUNCTION, HOOK_MODULE, spare_own_modules


def test_mappers_modules_are_told_and_new_modules_still_read(tmp_path, monkeypatch):
    assert spare_own_modules()  # this PySide has the hook (a newer one may not: then False)
    read: list[str] = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj.__name__) or real(obj))
    decide = getattr(sys.modules[HOOK_MODULE], HOOK_FUNCTION)
    assert decide(scene) is True and decide(json) is False  # told: no file read
    assert read == []
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_here.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    uses_qt, plain = (importlib.import_module(n) for n in ("uses_qt_here", "plain_here"))
    assert decide(uses_qt) is True and decide(plain) is False
    assert read == ["uses_qt_here", "plain_here"]  # new to the process: read as before
    assert spare_own_modules()  # a second call changes nothing
    assert getattr(sys.modules[HOOK_MODULE], HOOK_FUNCTION) is decide
