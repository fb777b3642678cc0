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

Starting the editor makes tens of thousands of objects that all live on (modules, classes,
the map and its items), so the collections their allocation triggers walk them for nothing
(about 40 ms of a 1,000-card map's first frame): ``pause_for_start_up`` holds the collector
off until the first window is shown, when ``keep_heap`` takes it all out of the walks.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pause = {"count": 0, "was_enabled": True}
_start_up = {"paused": False}


def _begin() -> None:
    with _lock:
        if _pause["count"] == 0:
            _pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _pause["count"] += 1


def _end() -> None:
    with _lock:
        _pause["count"] -= 1
        if _pause["count"] == 0 and _pause["was_enabled"]:
            gc.enable()


@contextmanager
def paused_gc() -> Iterator[None]:
    _begin()
    try:
        yield
    finally:
        _end()


def pause_for_start_up() -> None:
    """Hold the collector off while the editor starts (see the module's note); one pause
    among the others, ended by :func:`end_start_up_pause`."""
    with _lock:
        if _start_up["paused"]:
            return
        _start_up["paused"] = True
    _begin()


def end_start_up_pause() -> None:
    """The editor is up (or waits for the user): the collector runs again, unless another
    pause still holds it. Does nothing when there is no start-up pause."""
    with _lock:
        if not _start_up["paused"]:
            return
        _start_up["paused"] = False
    _end()


def keep_heap(collect: bool = False) -> None:
    """Everything alive now stays out of the collector's walks (see the module's note);
    ``collect``: what is garbage already is collected first, not kept."""
    if collect:
        gc.collect()
    gc.freeze()


def release_heap() -> None:
    """Undo :func:`keep_heap`: the collector sees everything again."""
    gc.unfreeze()
