"""An open map's objects are kept out of the garbage collector's walks while its window
is open, and given back when it closes."""

from __future__ import annotations

import gc

from factories import sample_map
from mapper.document import Document


def test_an_open_map_is_kept_out_of_collections_until_its_window_closes(manager, qtbot):
    gc.unfreeze()
    first = manager.show(Document(sample_map()))
    assert gc.get_freeze_count() > 0
    second = manager.show(Document(sample_map()))
    first.document.undo_stack.setClean()
    first.close()
    assert gc.get_freeze_count() == 0  # the closed map's cycles can be collected
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)  # the other map is kept again
    second.close()
    qtbot.wait(10)
    assert gc.get_freeze_count() == 0
