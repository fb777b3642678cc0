"""A row that moves down takes its flows' chunks along (canvas.flow_layer), but not every
card of a moved row moves with it: a card can move up its cell by as much as its row moved
down and so stay where it was (a card taken from the cell above it to a row above, which
it makes taller). Its flows stay too, whether they are routed again or not, and must be
filed where they are, or their chunks' bounds miss them and the tiles that show them leave
them out (an arrow head gone from a card)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from mapper.canvas.flow_chunks import place_of
from mapper.canvas.scene import JourneyScene
from mapper.canvas.view import JourneyView
from mapper.document import Document
from mapper.edits import MoveCards
from mapper.model import Card, Flow, JourneyMap, Lane, LaneKind, Stage
from scene_picture import fresh_scene, picture

ZOOM = 1.45  # a tile's edge (512 px) falls between card c's top and where c was filed


def _map() -> JourneyMap:
    """Two rows: the top one's tallest cell (s2) has two cards; the low row's first cell
    has a, b, c and e, and d is on its own in s3. Flows go into c (from b and d) and from c
    to e."""
    journey = JourneyMap()
    for stage_id in ("s1", "s2", "s3"):
        journey.add(Stage(stage_id, stage_id.upper()))
    journey.add(Lane("top", "Top", LaneKind.TOUCHPOINTS))
    journey.add(Lane("low", "Low", LaneKind.TOUCHPOINTS))
    journey.add(Card("u1", "s2", "top", "Up one"))
    journey.add(Card("u2", "s2", "top", "Up two"))
    for card_id in ("a", "b", "c", "e"):
        journey.add(Card(card_id, "s1", "low", f"Card {card_id}"))
    journey.add(Card("d", "s3", "low", "Card d"))
    journey.add(Flow("f-bc", "b", "c"))
    journey.add(Flow("f-dc", "d", "c"))
    journey.add(Flow("f-ce", "c", "e"))
    return journey


def _move_a_to_the_top_row(document: Document) -> None:
    """a goes under the top row's tallest cell: the top row grows by a card and the low row
    moves down by as much, while b, c and e move up their cell by as much."""
    document.push(MoveCards(document.journey, ["a"], "s2", "top", 2))


def _misfiled(scene: JourneyScene) -> list[str]:
    assert scene.flow_layer is not None
    return [
        flow.flow_id
        for chunk in scene.flow_layer.chunks.values()
        for flow, place in chunk.flows.items()
        if place != pytest.approx(place_of(flow, chunk.arrows, chunk.origin))
    ]


def test_flows_of_cards_that_stayed_in_a_moved_row_are_filed_where_they_are(qapp):
    document = Document(_map())
    scene = JourneyScene(document)
    try:
        before = {c: scene.layout.cards[c].rect for c in "bce"}
        _move_a_to_the_top_row(document)
        assert {c: scene.layout.cards[c].rect for c in "bce"} == before  # (they stayed)
        assert _misfiled(scene) == []
        with fresh_scene(document) as fresh:
            assert picture(scene) == picture(fresh)
    finally:
        scene.detach()


def _shown(scene: JourneyScene, qtbot) -> QImage:
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(ZOOM)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    for _ in range(3):
        QApplication.processEvents()
    image = view.viewport().grab().toImage()
    view.hide()
    return image


def test_the_arrow_heads_into_a_card_that_stayed_still_show(qapp, qtbot):
    document = Document(_map())
    scene = JourneyScene(document)
    try:
        _move_a_to_the_top_row(document)
        edited = _shown(scene, qtbot)
        with fresh_scene(document) as fresh:
            assert edited == _shown(fresh, qtbot)
    finally:
        scene.detach()
