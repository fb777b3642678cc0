"""Window managers whose recovery copies go to a test's own folder, written soon after a
change, and closed clean at the end of the test."""

from __future__ import annotations

import pytest

from mapper.recovery import RecoveryStore
from mapper.recovery.autosave import wait_for_writes


@pytest.fixture
def make_manager(qtbot, monkeypatch, tmp_path):
    """``make_manager(delay)``: a WindowManager writing copies ``delay`` seconds after a
    change into ``tmp_path/recovery`` (each one made shares that folder, as a Mapper that
    crashed and the next one do). Their windows are closed without questions at the end."""
    from mapper.ui.app import WindowManager

    made = []

    def make(delay: float) -> WindowManager:
        monkeypatch.setenv("MAPPER_AUTOSAVE_SECONDS", str(delay))
        made.append(WindowManager(RecoveryStore(tmp_path / "recovery")))
        return made[-1]

    yield make
    for manager in made:
        for window in list(manager.windows):
            window.scene.finish_editing()
            window.document.undo_stack.setClean()
            window.close()


def copies(manager) -> list:
    """The recovery copies on disk, once every copy under way is written."""
    wait_for_writes()
    return sorted(manager.store.folder.glob("*.journey"))
