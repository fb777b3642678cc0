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

An edit of a big map makes tens of thousands of objects the map keeps (a new layout's
boxes and routes, items) and frees the ones they replace by reference counting: the walk
that followed each edit (15 ms after a 100-card paste's undo on a 5,000-card map) found
nothing to free. ``keep_new`` puts what an edit made with the kept heap instead; a few
edits leave small cycles (a removed flow and its label), so once the heap has grown by a
quarter since it was last walked (the rule Python itself follows before walking its
oldest objects) it is walked once, then kept again; the editor leaves that walk for the
turn after the frame that shows the edit (``walk_if_due``, see
``canvas.deferred.DeferredScene.after_frame``).

Starting the editor makes tens of thousands of objects that all live on (modules, classes,
the map and its items), so the collections their allocation triggers walk them for nothing
(about 40 ms of a 1,000-card map's first frame): ``pause_for_start_up`` holds the collector
off until the first window is shown, when ``keep_heap`` takes it all out of the walks.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pause = {"count": 0, "was_enabled": True}
_start_up = {"paused": False}
# keep_heap in force; the heap's size (memory blocks in use) when it was last walked
_kept = {"on": False, "walked": 0, "due": False}  # due: a walk left for later


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
    with _lock:
        _kept.update(on=True, walked=sys.getallocatedblocks(), due=False)


def release_heap() -> None:
    """Undo :func:`keep_heap`: the collector sees everything again."""
    with _lock:
        _kept["on"] = False
    gc.unfreeze()


def keep_new(walk: bool = True) -> None:
    """After an edit (see the module's note): what was made since the heap was kept is
    kept too, walked first if the heap grew by a quarter since its last walk. Unless
    ``walk``, such a walk waits for :func:`walk_if_due` (the editor's turn after the frame
    that shows the edit: a 5,000-card map's walk takes a tenth of a second). Does nothing
    unless :func:`keep_heap` is in force."""
    with _lock:
        if not _kept["on"]:
            return
        # (the blocks in use are counted at once; get_freeze_count walks the kept heap)
        size, walked = sys.getallocatedblocks(), _kept["walked"]
        if size <= walked + walked // 4 or not walk:
            gc.freeze()
            _kept["due"] = _kept["due"] or size > walked + walked // 4
            _kept["walked"] = min(walked, size)  # (a map that shrank: from its new size)
            return
    _walk()


def walk_if_due() -> None:
    """The walk :func:`keep_new` left for later, if it did."""
    with _lock:
        if not (_kept["on"] and _kept["due"]):
            return
    _walk()


def _walk() -> None:
    gc.unfreeze()  # (out of the lock: what the walk frees may pause the collector too)
    gc.collect()
    keep_heap()
