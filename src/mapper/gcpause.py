"""Pausing Python's cyclic garbage collector around big jobs, one switch for all threads.

Loading, saving and exporting a big map make hundreds of thousands of objects that are
either kept or freed by reference counting; allocation bursts would otherwise trigger
collections that walk the whole heap again and again (a quarter of a load, a seventh of
an export) and hold the interpreter lock, freezing the window. A collection in a worker
thread could also free the UI's Qt objects there, which they do not survive. Pauses nest
across threads: the collector runs again when the last one ends.
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
