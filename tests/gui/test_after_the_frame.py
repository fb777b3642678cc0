"""What an edit of the canvas leaves for the turn after the frame that shows it: freeing
the layout it replaced, and a walk of the kept heap it made due (``mapper.gcpause``)."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest
from PySide6.QtWidgets import QApplication

from factories import synthetic_map
from mapper import gcpause
from mapper.document import Document
from mapper.edits import Update
from mapper.model import Entity


@pytest.fixture
def shown(map_in_view):
    document = Document(synthetic_map(60, seed=4))
    scene, _view = map_in_view(document, 900, 600)
    return document, scene


def settle() -> None:
    for _ in range(3):  # the paint, then the turn after it
        QApplication.processEvents()


def retitle(document: Document, title: str) -> None:
    card = next(iter(document.journey.cards()))
    document.push(Update(document.journey, Entity.CARD, card.id, {"title": title}))


def test_the_layout_an_edit_replaced_is_freed_after_its_frame_not_in_it(shown):
    document, scene = shown
    retitle(document, "A title that wraps onto a second line of the card")
    settle()
    two_back = weakref.ref(scene.layout)  # the layout a later edit's undo base drops
    retitle(document, "Short")
    settle()
    retitle(document, "Shorter")  # the layout shown two edits back is let go of now
    assert scene.retired is two_back()  # kept through the edit
    assert two_back() is not None
    settle()  # the frame, then the turn after it
    assert scene.retired is None
    assert two_back() is None


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_walk_an_edit_makes_due_comes_after_its_frame(shown):
    document, _scene = shown
    gcpause.keep_heap(collect=True)
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        gcpause.keep_new()  # kept with the rest, as after an earlier edit
        grown = [[i] for i in range(sys.getallocatedblocks() // 4)]  # the heap grew a quarter
        retitle(document, "A title that wraps onto a second line of the card")
        assert gone() is not None  # not walked in the edit
        settle()
        assert gone() is None  # walked on the turn after its frame
        assert not any(o is grown for o in gc.get_objects())  # and kept again
    finally:
        gcpause.release_heap()
