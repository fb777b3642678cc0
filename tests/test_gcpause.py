"""The collector is held off while the editor starts and runs again once it is up; the
start-up pause nests with the pauses around loads and saves."""

from __future__ import annotations

import gc
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
