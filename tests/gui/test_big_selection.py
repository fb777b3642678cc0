"""Selecting or deleting many cards is one selection change: whoever follows the selection
(status bar, inspector, outline, keyboard, handles) reads all of it once, not once a card
(Select All then Delete on a 20,000-card map took minutes, a 1,000-card one about 3 s)."""

from __future__ import annotations

import sys
from pathlib import Path

from mapper.document import Document
from mapper.model import Entity

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map


def test_select_all_then_delete_tell_the_selection_once_each(manager, qtbot):
    window = manager.show(Document(make_map(300)))
    scene = window.scene
    qtbot.waitUntil(lambda: not scene.pending)
    told: list[int] = []

    def follow() -> None:
        told.append(len(scene.selectedItems()))

    scene.selectionChanged.connect(follow)
    window.actions_["select_all"].trigger()
    assert told == [300]
    assert window.selection_label.text() == "300 selected"
    assert len(scene.selected_ids(Entity.CARD)) == 300
    window.actions_["delete"].trigger()
    assert told == [300, 0]
    assert window.selection_label.text() == ""
    assert window.document.journey.card_count() == 0
    window.document.undo_stack.undo()
    assert window.document.journey.card_count() == 300 and told == [300, 0]
    window.actions_["select_all"].trigger()
    window.actions_["select_all"].trigger()  # the same selection again: nothing changed
    assert told == [300, 0, 300]
    scene.selectionChanged.disconnect(follow)


def test_selecting_the_cards_already_selected_says_nothing(manager, qtbot):
    window = manager.show(Document(make_map(40)))
    scene = window.scene
    qtbot.waitUntil(lambda: not scene.pending)
    first, second = list(scene.cards)[:2]
    told: list[list[str]] = []

    def follow() -> None:
        told.append(scene.selected_ids(Entity.CARD))

    scene.selectionChanged.connect(follow)
    scene.select_ids([first])
    scene.select_ids([first])
    scene.select_ids([second, "no such card"])
    assert told == [[first], [second]]
    scene.selectionChanged.disconnect(follow)
