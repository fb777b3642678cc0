"""Pausing Python's cyclic garbage collector around big jobs, one switch for all threads.

Loading, saving and exporting a big map make hundreds of thousands of objects that are
either kept or freed by reference counting; allocation bursts would otherwise trigger
collections that walk the whole heap again and again (a quarter of a load, a seventh of
an export) and hold the interpreter lock, freezing the window. A collection in a worker
thread could also free the UI's Qt objects there, which they do not survive. Pauses nest
across threads: the collector runs again when the last one ends.

An open map's objects live as long as its window: ``keep_heap`` takes everything alive
out of the collector's sight (``gc.freeze``), so the collections that edits trigger walk
only what was made since, not the whole map again (on a 5,000-card map a full walk took
tens of milliseconds, often in the middle of an edit). ``release_heap`` gives it all back
when a window closes, so what the closed map leaves in cycles is collected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pause = {"count": 0, "was_enabled": True}


@contextmanager
def paused_gc() -> Iterator[None]:
    with _lock:
        if _pause["count"] == 0:
            _pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _pause["count"] += 1
    try:
        yield
    finally:
        with _lock:
            _pause["count"] -= 1
            if _pause["count"] == 0 and _pause["was_enabled"]:
                gc.enable()


def keep_heap(collect: bool = False) -> None:
    """Everything alive now stays out of the collector's walks (see the module's note);
    ``collect``: what is garbage already is collected first, not kept."""
    if collect:
        gc.collect()
    gc.freeze()


def release_heap() -> None:
    """Undo :func:`keep_heap`: the collector sees everything again."""
    gc.unfreeze()
