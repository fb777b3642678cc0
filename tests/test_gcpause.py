"""The collector is held off while the editor starts and runs again once it is up; the
start-up pause nests with the pauses around loads and saves."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest

from mapper import gcpause


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gcpause.end_start_up_pause()
    gc.enable()


def test_the_start_up_pause_holds_the_collector_off_until_it_ends():
    gcpause.pause_for_start_up()
    assert not gc.isenabled()
    gcpause.pause_for_start_up()  # asked twice: still one pause
    gcpause.end_start_up_pause()
    assert gc.isenabled()
    gcpause.end_start_up_pause()  # nothing left to end
    assert gc.isenabled()


def test_a_load_during_start_up_leaves_the_collector_off_and_the_end_of_start_up_waits_for_a_load():
    gcpause.pause_for_start_up()
    with gcpause.paused_gc():
        pass
    assert not gc.isenabled()  # the load ended, start-up goes on
    with gcpause.paused_gc():
        gcpause.end_start_up_pause()
        assert not gc.isenabled()  # the load still runs
    assert gc.isenabled()


def test_a_collector_turned_off_before_start_up_stays_off():
    gc.disable()
    gcpause.pause_for_start_up()
    gcpause.end_start_up_pause()
    assert not gc.isenabled()


class _Cycle:
    """Garbage only the collector frees: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def test_what_is_made_while_the_heap_is_kept_joins_it_and_cycles_are_walked_in_time():
    import weakref

    gc.collect()
    gcpause.keep_heap()
    try:
        kept = [[i] for i in range(100)]  # made after the map was kept, and alive
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        gcpause.keep_new()  # after an edit: nothing of it walked
        assert not any(o is kept for o in gc.get_objects())  # out of the walks: kept
        gc.collect()
        assert gone() is not None  # kept with the rest, not collected yet
        size = sys.getallocatedblocks()
        grown = [[i] for i in range(size // 4)]  # the heap grows by a quarter (or more)
        gcpause.keep_new()
        assert gone() is None  # walked once: the cycle is collected
        assert all(kept[i] == [i] for i in range(100)) and len(grown) == size // 4
        assert not any(o is grown for o in gc.get_objects())  # then kept again
    finally:
        gcpause.release_heap()
    assert gc.get_freeze_count() == 0


def test_nothing_is_kept_after_an_edit_unless_the_heap_is():
    gcpause.release_heap()
    made = [[1], [2]]
    gcpause.keep_new()
    assert gc.get_freeze_count() == 0
    assert any(o is made for o in gc.get_objects())


_PAUSING_CYCLE = """
import gc, sys
from mapper import gcpause

class PausingCycle:  # garbage in a cycle whose finalizer pauses the collector, as a load does
    def __init__(self):
        self.me = self

    def __del__(self):
        with gcpause.paused_gc():
            pass

gc.collect()
gcpause.keep_heap()
PausingCycle()
gcpause.keep_new()  # kept with the rest
grown = [[i] for i in range(sys.getallocatedblocks() // 4)]
gcpause.keep_new()  # the heap grew by a quarter: walked, the finalizer runs
gcpause.release_heap()
print("done", len(grown) > 0)
"""


def test_the_walk_of_a_grown_kept_heap_may_free_what_pauses_the_collector():
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", _PAUSING_CYCLE], env=env, capture_output=True, text=True, timeout=60
    )  # a deadlock would hang it: a separate process, with a timeout
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done True"


def test_a_walk_left_for_later_is_done_when_asked_and_only_once():
    import weakref

    gc.collect()
    gcpause.keep_heap()
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        gcpause.keep_new()  # kept with the rest
        gcpause.walk_if_due()  # nothing due: not walked
        assert gone() is not None
        grown = [[i] for i in range(sys.getallocatedblocks() // 4)]
        gcpause.keep_new(walk=False)  # due, but left for later
        assert gone() is not None
        assert not any(o is grown for o in gc.get_objects())  # the edit's objects kept
        gcpause.walk_if_due()
        assert gone() is None
        again = _Cycle()
        still = weakref.ref(again)
        del again
        gcpause.keep_new()
        gcpause.walk_if_due()  # walked already: nothing due
        assert still() is not None
    finally:
        gcpause.release_heap()
    assert gc.get_freeze_count() == 0
