"""Fixtures for present mode: editor windows on the sample map and on the coffee-chain
example, isolated settings, a fake second screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import load_journey, save_journey

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(autouse=True)
def _settings(isolated_settings):
    yield


@pytest.fixture(autouse=True)
def _no_resume_prompt(monkeypatch):
    """A test that ends a show past its first step and presents again must say what the
    presenter answers to "resume?" (a modal box would wait for ever)."""
    from mapper.present import resume

    def unexpected(window, stopped):
        pytest.fail("the resume question was asked; patch resume.ask_resume in this test")

    monkeypatch.setattr(resume, "ask_resume", unexpected)


@pytest.fixture
def coffee():
    return load_journey(EXAMPLES / "coffee-chain.journey")


@pytest.fixture
def window(manager, qtbot, tmp_path):
    """An editor on the sample map, saved to a file (so a stray Ctrl+S could not block)."""
    path = tmp_path / "sample.journey"
    save_journey(sample_map(), path)
    win = manager.show(Document.open(path))
    win.resize(1200, 800)
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


@pytest.fixture
def coffee_window(manager, qtbot):
    win = manager.show(Document.open(EXAMPLES / "coffee-chain.journey"))
    win.resize(1200, 800)
    qtbot.waitExposed(win)
    return win


class FakeScreen:
    """Just enough of a QScreen for choosing where windows go."""

    def __init__(self, name: str, x: int, width: int, height: int) -> None:
        self.name = name
        self._geometry = QRect(x, 0, width, height)

    def geometry(self) -> QRect:
        return self._geometry

    def __repr__(self) -> str:
        return f"FakeScreen({self.name})"


@pytest.fixture
def two_screens():
    """(all screens, the laptop's): a 1440x900 laptop and a 1920x1080 projector."""
    laptop = FakeScreen("laptop", 0, 1440, 900)
    projector = FakeScreen("projector", 1440, 1920, 1080)
    return [laptop, projector], laptop
