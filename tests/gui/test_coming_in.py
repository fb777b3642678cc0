"""A big map still coming in (see ``canvas.deferred``) answers the keys and the panels
at once: what only reads the selection builds none of what is still to come."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.flow_item import FlowItem
from mapper.document import Document
from mapper.edits import selection
from mapper.model import Entity

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map


def _made(scene, kind) -> int:
    return sum(isinstance(i, kind) for i in QGraphicsScene.items(scene))


def _coming_in(manager):
    """A window on a 300-card map whose first paint is done and the rest still to come."""
    window = manager.show(Document(make_map(300)))
    window.resize(1200, 800)
    window.view.viewport().grab()  # the first paint: the rest comes from the next turn
    QApplication.processEvents()
    scene = window.scene
    assert scene.pending and 0 < _made(scene, CardItem) < 300
    return window


def _finish(scene) -> None:
    for _ in range(200):
        if not scene.pending:
            return
        QApplication.processEvents()
    raise AssertionError("the map never finished coming in")


def test_asking_what_is_selected_builds_nothing_still_to_come(manager, small_steps):
    window = _coming_in(manager)
    scene = window.scene
    cards = _made(scene, CardItem)
    for kind in (Entity.CARD, Entity.FLOW, Entity.STAGE, Entity.LANE):
        assert scene.selected_ids(kind) == []
    assert _made(scene, CardItem) == cards and _made(scene, FlowItem) == 0
    assert scene.pending


def test_an_arrow_key_while_the_map_comes_in_selects_at_once_and_the_rest_still_comes(
    manager, small_steps
):
    """The first arrow key selected a card only after building every flow at once (the
    selection was read through every kind's items): about 2 s on a 20,000-card map."""
    window = _coming_in(manager)
    scene, journey = window.scene, window.document.journey
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    first = selection.first_card(journey, scene.layout)
    assert scene.selected_ids(Entity.CARD) == [first]
    assert scene.pending and _made(scene, FlowItem) == 0  # the flows still come in steps
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    second = selection.neighbour(journey, scene.layout, first, "right")
    assert scene.selected_ids(Entity.CARD) == [second]
    assert scene.pending
    _finish(scene)
    assert len(scene.flows) == journey.flow_count()
    assert scene.selected_ids(Entity.CARD) == [second]
    assert not window.isWindowModified()


def test_going_to_a_card_still_to_come_builds_that_card_only(manager, small_steps):
    """A find's jump, an outline choice or the keys going to a card not made yet built
    every card still to come first (about 0.3 s on a 20,000-card map): now only it."""
    window = _coming_in(manager)
    scene = window.scene
    made = _made(scene, CardItem)
    far = [card_id for card_id in scene.layout.cards if card_id not in scene._cards]
    assert len(far) > 3
    assert window.view.keys.go_to(far[0])
    assert scene.selected_ids(Entity.CARD) == [far[0]]
    assert _made(scene, CardItem) == made + 1
    window._focus_card(far[1])  # as the outline and the find bar show a card
    assert scene.selected_ids(Entity.CARD) == [far[1]]
    scene.select_ids(far[2:4])
    assert scene.selected_ids(Entity.CARD) == far[2:4]
    assert _made(scene, CardItem) == made + 4
    _finish(scene)  # the rest still comes, each card once
    assert _made(scene, CardItem) == len(scene.layout.cards) == len(scene.cards)
    assert scene.selected_ids(Entity.CARD) == far[2:4]
