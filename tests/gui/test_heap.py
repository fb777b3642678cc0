"""An open map's objects are kept out of the cycle collector's scans while it is edited."""

from __future__ import annotations

import gc

from factories import sample_map
from mapper.document import Document


def test_an_open_map_is_frozen_for_the_collector_and_released_when_closed(manager, qtbot):
    gc.unfreeze()
    window = manager.show(Document(sample_map()))
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=4000)  # after the first frame
    window.close()
    manager.forget(window)
    assert gc.get_freeze_count() == 0
