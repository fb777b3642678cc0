"""Opening a map in a window paints the cards in view first and builds the other cards
and the flows a moment later, on the next turn of the event loop; nothing that asks for
the cards, the items or the flows ever misses them."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from factories import sample_map
from mapper.canvas.card_item import CardItem
from mapper.canvas.emotion_items import EmotionPointItem
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.painting import qrect
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import MoveCards, Update
from mapper.layout import compute_layout
from mapper.layout.theme import DARK, LIGHT
from mapper.model import Entity, Lane, LaneKind

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map


def _flow_items(scene) -> list[FlowItem]:
    return [item for item in scene.items() if isinstance(item, FlowItem)]


def test_flows_follow_the_first_paint(manager, qtbot):
    window = manager.show(Document(sample_map()))
    scene = window.scene
    assert scene.pending and not _flow_items(scene)  # not yet: the cards go first
    assert scene.cards
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not scene.pending)  # painted, then the flows came
    journey = window.document.journey
    assert {item.flow_id for item in _flow_items(scene)} == {f.id for f in journey.flows()}


def test_asking_for_the_flows_builds_them_at_once(manager):
    window = manager.show(Document(sample_map()))
    scene = window.scene
    assert scene.pending
    assert set(scene.flows) == {f.id for f in window.document.journey.flows()}
    assert not scene.pending and len(_flow_items(scene)) == len(scene.flows)


def test_an_edit_before_the_flows_came_is_in_them(manager, qtbot):
    window = manager.show(Document(sample_map()))
    scene, journey = window.scene, window.document.journey
    flow = journey.flows()[0]
    card = journey.card(flow.source)
    stages = journey.stages.ids()
    other = stages[(stages.index(card.stage_id) + 1) % len(stages)]
    window.document.push(MoveCards(journey, [card.id], other, card.lane_id, 0))
    assert scene.pending
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not scene.pending)
    item = scene.flows[flow.id]
    route = next(r for r in scene.layout.flows if r.flow.id == flow.id)
    assert item.route is route  # routed from where the card is now


def _built_cards(scene) -> set[str]:
    """The card items the scene holds now (Qt's own list: asking builds nothing)."""
    return {i.card_id for i in QGraphicsScene.items(scene) if isinstance(i, CardItem)}


def _in_view(window) -> set[str]:
    view = window.view
    area = view.mapToScene(view.viewport().rect()).boundingRect()
    boxes = window.scene.layout.cards.items()
    return {card_id for card_id, box in boxes if area.intersects(qrect(box.rect))}


def test_the_first_paint_builds_the_cards_in_view_and_the_rest_come_next(manager, qtbot):
    window = manager.show(Document(make_map(400)))
    window.resize(1200, 800)
    scene = window.scene
    assert _built_cards(scene) == set()  # nothing before a view paints
    window.view.viewport().grab()  # a first paint, before any later turn of the loop
    shown = _in_view(window)
    assert shown and _built_cards(scene) == shown  # the cards it showed, no others
    assert len(shown) < len(scene.layout.cards)
    qtbot.waitUntil(lambda: not scene.pending)  # then the rest, and the flows
    assert _built_cards(scene) == set(scene.layout.cards)


def _cache_modes(scene) -> set[CardItem.CacheMode]:
    return {i.cacheMode() for i in QGraphicsScene.items(scene) if isinstance(i, CardItem)}


def test_the_first_paints_cards_are_drawn_uncached_and_cached_from_the_next_turn(manager, qtbot):
    window = manager.show(Document(make_map(400)))
    window.resize(1200, 800)
    scene = window.scene
    window.view.viewport().grab()  # the first paint: its cards straight onto the screen
    assert _cache_modes(scene) == {CardItem.CacheMode.NoCache}
    qtbot.waitUntil(lambda: not scene.pending)  # the rest came: every card keeps a picture
    assert _cache_modes(scene) == {CardItem.CacheMode.DeviceCoordinateCache}
    assert len(_built_cards(scene)) == len(scene.layout.cards)


def test_asking_for_the_cards_or_the_items_builds_every_card(manager):
    journey = make_map(400)
    for ask in (lambda s: s.cards, lambda s: s.items()):  # (not the selection: see test_coming_in)
        scene = JourneyScene(Document(journey), defer_flows=True)
        assert _built_cards(scene) == set()
        ask(scene)
        assert _built_cards(scene) == {c.id for c in journey.cards()}
        scene.detach()


def test_a_rendering_draws_the_cards_and_flows_still_to_come(manager):
    document = Document(sample_map())
    deferred = JourneyScene(document, defer_flows=True)
    whole = JourneyScene(document)
    images = []
    for scene in (deferred, whole):
        image = QImage(600, 400, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        images.append(image)
    assert images[0] == images[1]
    assert not deferred.pending and _built_cards(deferred) == _built_cards(whole)


def test_an_edit_before_the_first_paint_reaches_every_card(manager):
    document = Document(make_map(200))
    scene = JourneyScene(document, defer_flows=True)
    journey = document.journey
    card = next(iter(journey.cards()))
    document.push(Update(journey, Entity.CARD, card.id, {"notes": "not drawn"}))  # nothing to draw
    document.push(Update(journey, Entity.CARD, card.id, {"title": "Drawn again"}))
    assert _built_cards(scene) == {c.id for c in journey.cards()}
    item = scene.cards[card.id]
    assert item.box is scene.layout.cards[card.id] and item.box.card.title == "Drawn again"
    scene.detach()


def test_the_flows_are_routed_when_they_come(manager):
    document = Document(make_map(200))
    scene = JourneyScene(document, defer_flows=True)
    assert scene.layout.flows == []  # the first frame needs no route
    document.push(Update(document.journey, Entity.CARD, "card-000001", {"title": "Moved on"}))
    scene.complete()
    fresh = compute_layout(document.journey, scene.layout_style)
    assert scene.layout == fresh and len(scene.layout.flows) == document.journey.flow_count()
    assert {r.flow.id: r.curve for r in scene.layout.flows} == {
        r.flow.id: r.curve for r in fresh.flows
    }
    scene.detach()


def test_the_emotion_lane_names_its_personas_at_once_and_draws_its_curves_next(manager):
    journey = make_map(300)
    journey.insert(2, Lane(id="feel", name="Emotions", kind=LaneKind.EMOTION))
    document = Document(journey)
    scene = JourneyScene(document, defer_flows=True)
    built = [i for i in QGraphicsScene.items(scene) if isinstance(i, EmotionPointItem)]
    assert built == []  # a first frame without the curves' thousand points
    legend = scene.lane_headers["feel"].legend
    assert [entry.persona_id for entry in legend] == journey.personas.ids()
    card = next(c for c in journey.cards() if not c.emotions)  # scored before they come
    persona = journey.personas.ids()[0]
    document.push(Update(journey, Entity.CARD, card.id, {"emotions": {persona: -3}}))
    points = scene.emotion_points()  # asking builds them
    assert (card.id, persona) in {(p.card_id, p.persona_id) for p in points}
    assert not scene.pending
    whole = JourneyScene(document)
    assert sorted((p.card_id, p.persona_id) for p in points) == sorted(
        (p.card_id, p.persona_id) for p in whole.emotion_points()
    )
    assert [e.persona_id for e in scene.lane_headers["feel"].legend] == journey.personas.ids()
    for each in (scene, whole):
        each.detach()


def test_a_dark_canvas_at_start_still_builds_its_cards_after_the_first_paint(manager):
    document = Document(make_map(200))
    scene = JourneyScene(document, defer_flows=True)
    scene.set_theme(DARK)  # as a window does for a dark desktop, before it shows
    assert _built_cards(scene) == set()
    scene.build_cards(QRectF(0, 0, 900, 600))  # a first paint
    some = _built_cards(scene)
    scene.set_theme(LIGHT)  # changed again before the rest came: they come, in it
    assert some <= _built_cards(scene)
    scene.complete()
    assert _built_cards(scene) == set(scene.layout.cards)
    assert scene.theme is LIGHT
    assert all(item.box is scene.layout.cards[i] for i, item in scene.cards.items())
    scene.detach()
