"""After an edit that moves many flows every flow tile in view is drawn again. One repaint
strokes a bounded number of curves in full; the other tiles are drawn with one-pixel lines
first and in full on later turns of the event loop, ending exactly as if drawn at once."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gui.conftest import synthetic_window
from mapper.canvas import flow_tiles


@pytest.fixture
def window(manager, qtbot):
    win = synthetic_window(manager, qtbot, 400, 1200, 800)
    win.view.set_zoom(1.0)  # flows 1.6 px wide: the slow, antialiased strokes
    bar = win.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    QApplication.processEvents()
    return win


def _redrawn(window) -> QImage:
    """The viewport's pixels right after every flow tile was dropped and repainted."""
    window.scene.flow_layer.item.forget()
    window.view.viewport().repaint()
    return window.view.viewport().grab().toImage()


def _strokes_of_a_repaint(window) -> int:
    """How many curves a repaint after every flow tile was dropped strokes in full."""
    item = window.scene.flow_layer.item
    item.forget()
    window.view.viewport().repaint()
    return item._strokes


def test_one_repaint_strokes_a_bounded_number_of_curves_and_the_rest_settle(
    window, qtbot, monkeypatch
):
    item = window.scene.flow_layer.item
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", sys.maxsize)
    at_once = _redrawn(window)  # every tile in full, in one repaint
    assert not item.rough and _strokes_of_a_repaint(window) > 40
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", 40)
    assert 0 < _strokes_of_a_repaint(window) <= 40
    first = _redrawn(window)
    assert item.rough  # some tiles are one-pixel lines for now
    assert first != at_once
    strokes = []
    stroke = item._stroke

    def counted(painter, curves, chunks):
        strokes.append(len(curves))
        stroke(painter, curves, chunks)

    monkeypatch.setattr(item, "_stroke", counted)
    qtbot.waitUntil(lambda: not item.rough)  # drawn in full, 40 curves a turn
    assert len(strokes) > 1 and max(strokes) <= 40
    QApplication.processEvents()
    assert window.view.viewport().grab().toImage() == at_once


def test_settle_draws_every_rough_tile_in_full_now(window, monkeypatch):
    item = window.scene.flow_layer.item
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", sys.maxsize)
    at_once = _redrawn(window)
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", 0)
    _redrawn(window)
    assert item.rough
    item.settle()
    assert not item.rough
    assert window.view.viewport().grab().toImage() == at_once


def test_rough_tiles_that_go_are_not_drawn_again(window, monkeypatch):
    item = window.scene.flow_layer.item
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", 0)
    _redrawn(window)
    assert item.rough
    tile = next(iter(item.rough))
    item.forget(item.tile_area(*tile).adjusted(10, 10, -10, -10))  # one tile goes
    assert tile not in item.rough and tile not in item._tiles
    item.forget()  # as an edit of many flows drops them all
    assert not item.rough
    drawn = []
    monkeypatch.setattr(item, "_draw_tile", lambda *a, **k: drawn.append(a))
    item._refine()  # the turn that was pending finds nothing to draw
    assert drawn == []


def test_a_pending_turn_after_the_layer_went_does_nothing(window, monkeypatch):
    scene = window.scene
    item = scene.flow_layer.item
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", 0)
    _redrawn(window)
    assert item.rough
    scene.draw_flows_in_bulk(False)  # the layer's item leaves the scene
    QApplication.processEvents()  # no error: nothing to draw into
    assert item.scene() is None


def test_an_edit_between_turns_ends_as_the_edited_map_drawn_at_once(window, qtbot, monkeypatch):
    from mapper.edits import Update
    from mapper.model import Entity

    scene, item = window.scene, window.scene.flow_layer.item
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", 40)
    _redrawn(window)
    item._refine()  # a tile partly drawn in full
    assert item._job is not None and 0 < item._job.done < len(item._job.curves)
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    card_id = next(i for i, card in scene.cards.items()
                   if shown.contains(card.sceneBoundingRect()))  # fmt: skip
    scene.document.push(Update(scene.journey, Entity.CARD, card_id, {"title": "Longer, " * 40}))
    window.view.viewport().repaint()  # the tiles the edit dropped, some rough again
    assert item.rough
    qtbot.waitUntil(lambda: not item.rough)
    QApplication.processEvents()
    settled = window.view.viewport().grab().toImage()
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", sys.maxsize)
    assert settled == _redrawn(window)
