"""What an edit of the canvas leaves for the turn after the frame that shows it
(``DeferredScene.after_frame``): freeing the layout no longer kept for an undo, and a walk
of the kept heap the edit made due (``mapper.gcpause``), never in the edit or a paint."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from factories import synthetic_map
from gui.conftest import settle
from mapper import gcpause
from mapper.document import Document
from mapper.edits import Update
from mapper.model import Entity


@pytest.fixture
def shown(map_in_view):
    document = Document(synthetic_map(60, seed=4))
    scene, _view = map_in_view(document, 900, 600)
    return document, scene


@pytest.fixture
def shown_big(map_in_view):
    """A 600-card map in a small view: an edit leaves flows off screen."""
    document = Document(synthetic_map(600, seed=2))
    scene, view = map_in_view(document, 700, 500)
    return document, scene, view


def retitle(document: Document, title: str) -> None:
    card = next(iter(document.journey.cards()))
    document.push(Update(document.journey, Entity.CARD, card.id, {"title": title}))


def test_the_layout_no_longer_kept_is_freed_after_the_frame_not_in_the_edit(shown):
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


@pytest.mark.parametrize("edits", [1, 2])
def test_the_walk_waits_for_the_turn_after_the_frame_when_the_view_scrolls_first(
    shown_big, monkeypatch, edits
):
    from mapper.canvas.view import JourneyView
    from mapper.edits import MoveCards

    document, scene, view = shown_big
    inside: list[str] = []  # where the code runs: "edit", "paint"
    walks: list[tuple[str, ...]] = []
    walk = gcpause._walk
    monkeypatch.setattr(gcpause, "_walk", lambda: (walks.append(tuple(inside)), walk()))
    paint = JourneyView.paintEvent

    def painting(self, event):
        inside.append("paint")
        try:
            paint(self, event)
        finally:
            inside.pop()

    monkeypatch.setattr(JourneyView, "paintEvent", painting)
    journey = document.journey
    stage, other = journey.stages.ids()[:2]
    lane = journey.lanes.ids()[1]
    gcpause.keep_heap(collect=True)
    try:
        grown = [[i] for i in range(sys.getallocatedblocks() // 4)]  # a walk is due
        for _ in range(edits):  # (two: in one turn) then a scroll before the frame
            card = journey.cards_in_cell(stage, lane)[-3]
            inside.append("edit")
            document.push(MoveCards(journey, [card.id], other, lane, 0))
            inside.pop()
        assert scene.flows_behind  # flows were left off screen, to catch up
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 40)
        view.viewport().repaint()  # the frame: it catches up the flows that may show
        assert walks == []
        settle()
        assert walks == [()]  # once, on its own turn
        assert len(grown) > 0
    finally:
        gcpause.release_heap()
