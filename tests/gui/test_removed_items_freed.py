"""Cards taken off the canvas are freed with all they hold, whatever they showed: a
deleted card, or the cards of an undone paste, must not stay in memory for as long as
the window is open (hours of editing must not grow the editor, only the map)."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication

from mapper.canvas.card_item import CardItem


def _shown(window) -> None:
    """Let the view paint what changed (a card's flow handle asks for its scene's look)."""
    window.view.viewport().repaint()
    QApplication.processEvents()


def _collect() -> None:
    gc.unfreeze()  # (an open window keeps its map out of the collector's walks)
    gc.collect()


def test_a_deleted_card_that_showed_its_flow_handle_is_freed(window):
    scene = window.scene
    scene.select_ids(["t2"])
    item = scene.cards["t2"]
    assert item.handle is not None and item.handle.isVisible()
    window.view.centerOn(item)
    _shown(window)
    freed = weakref.ref(item)
    del item
    window.actions_["delete"].trigger()
    _shown(window)
    assert "t2" not in scene.cards
    _collect()
    assert freed() is None  # and with it the card's box, its text and its badges


def test_the_cards_of_an_undone_paste_are_freed(window):
    scene = window.scene
    before = set(scene.cards)
    pasted_items: list[weakref.ref[CardItem]] = []
    scene.select_ids(["t1", "t3"])
    window.actions_["copy"].trigger()
    for _ in range(3):
        window.actions_["paste"].trigger()
        pasted = set(scene.cards) - before
        assert len(pasted) == 2
        assert all(scene.cards[i].isSelected() for i in pasted)  # with their flow handles
        window.view.centerOn(scene.cards[min(pasted)])
        _shown(window)
        pasted_items += [weakref.ref(scene.cards[i]) for i in pasted]
        window.document.undo_stack.undo()
        _shown(window)
    assert set(scene.cards) == before
    _collect()
    assert len(pasted_items) == 6
    assert [ref for ref in pasted_items if ref() is not None] == []
