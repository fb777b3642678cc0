"""Opening a big map, what its first paint did not build comes a piece a turn of the event
loop (cards, then the flows: routed, labelled, made a batch a turn, then the emotion
curves), so the editor answers in between; the result is what building it at once gives,
and an edit, a press or a question on the way gets the whole map first."""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import MoveCards, Update
from mapper.model import Entity

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map


def _built(scene, kind) -> list:
    return [i for i in QGraphicsScene.items(scene) if isinstance(i, kind)]


def _opened(map_size: int = 300):
    document = Document(make_map(map_size))
    scene = JourneyScene(document, defer_flows=True)
    scene.build_cards(QRectF(0, 0, 900, 600))  # a first paint
    scene.complete_soon()
    return document, scene


def _turn() -> None:
    QApplication.processEvents()


def _points(curve) -> list[float]:
    return [v for point in (curve.p0, curve.c1, curve.c2, curve.p3) for v in point]


def _same_label(label, want) -> None:
    """The same label, its place to a millionth (carried along with its row, as a route)."""
    if label is None or want is None:
        assert label is want
        return
    got, expected = label.rect, want.rect
    assert [got.x, got.y, got.width, got.height] == pytest.approx(
        [expected.x, expected.y, expected.width, expected.height], abs=1e-6
    )
    assert replace(label, rect=expected) == want


def _as_if_at_once(scene: JourneyScene, document: Document, whole: JourneyScene | None = None):
    """Every card and flow item shows the box, route and label that ``whole``, a scene of
    the same document built at once, shows (a route moved along with its cards to a
    millionth of a pixel). Without ``whole``: one built now."""
    made = whole is None
    whole = whole or JourneyScene(document)
    try:
        routes = scene.layout.routes_by_id()
        assert set(scene.flows) == set(whole.flows) == {f.id for f in document.journey.flows()}
        for flow_id, item in scene.flows.items():
            assert item.route is routes[flow_id]
            want = whole.flows[flow_id]
            assert _points(item.route.curve) == pytest.approx(_points(want.route.curve), abs=1e-6)
            _same_label(item.placed_label, want.placed_label)
        assert {i: c.box.rect for i, c in scene.cards.items()} == {
            i: c.box.rect for i, c in whole.cards.items()
        }
        assert all(item.box is scene.layout.cards[i] for i, item in scene.cards.items())
    finally:
        if made:
            whole.detach()


def test_the_rest_comes_a_piece_a_turn_and_ends_as_built_at_once(manager, small_steps):
    document, scene = _opened()
    cards, flows = [], []
    for _ in range(200):
        cards.append(len(_built(scene, CardItem)))
        flows.append(len(_built(scene, FlowItem)))
        if not scene.pending:
            break
        _turn()
    assert not scene.pending
    card_counts = sorted(set(cards))
    assert len(card_counts) >= 5 and card_counts[-1] == 300  # 50 cards a turn
    assert all(b - a <= 50 for a, b in itertools.pairwise(card_counts))
    flow_counts = sorted(set(flows))
    assert len(flow_counts) >= 4 and flow_counts[-1] == document.journey.flow_count()
    assert all(b - a <= 60 for a, b in itertools.pairwise(flow_counts))
    _as_if_at_once(scene, document)
    scene.detach()


def _until(scene, ready, turns: int = 200) -> None:
    for _ in range(turns):
        if ready():
            return
        _turn()
    raise AssertionError("never got there")


@pytest.mark.parametrize("when", ["cards coming", "flows coming"])
def test_an_edit_on_the_way_gets_the_whole_map(manager, small_steps, when):
    """Before the flows are routed, an edit is laid out as any (the flows then come for
    the new layout, as a scene opened after it builds them); once they are, the edit
    first finishes them (as a scene built at once before it, then edited)."""
    document, scene = _opened()
    journey = document.journey
    whole = None
    if when == "cards coming":
        _until(scene, lambda: 50 < len(_built(scene, CardItem)) < 300)
    else:
        _until(scene, lambda: 0 < len(_built(scene, FlowItem)) < journey.flow_count())
        whole = JourneyScene(document)
    card = next(iter(journey.cards()))
    stages = journey.stages.ids()
    other = stages[(stages.index(card.stage_id) + 1) % len(stages)]
    document.push(MoveCards(journey, [card.id], other, card.lane_id, 0))
    document.push(Update(journey, Entity.CARD, card.id, {"title": "Moved and renamed " * 3}))
    _until(scene, lambda: not scene.pending)
    whole = whole or JourneyScene(document)
    _as_if_at_once(scene, document, whole)
    document.undo_stack.undo()
    document.undo_stack.undo()
    _as_if_at_once(scene, document, whole)
    for each in (scene, whole):
        each.detach()


def test_asking_for_the_flows_on_the_way_builds_them_all(manager, small_steps):
    document, scene = _opened()
    _until(scene, lambda: 0 < len(_built(scene, FlowItem)) < document.journey.flow_count())
    assert len(scene.flows) == document.journey.flow_count()
    assert not scene.pending
    for _ in range(5):  # the steps still scheduled find nothing left to do
        _turn()
    _as_if_at_once(scene, document)
    scene.detach()


def test_a_press_on_the_canvas_on_the_way_gets_the_whole_map(manager, qtbot, small_steps):
    window = manager.show(Document(make_map(300)))
    window.resize(1200, 800)
    scene = window.scene
    window.view.viewport().grab()  # the first paint: the rest comes from the next turn
    _until(scene, lambda: len(_built(scene, CardItem)) == 300 and scene.pending)
    QTest.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not scene.pending  # a gesture starts on the whole map
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    _as_if_at_once(scene, window.document)
