"""Opening a map in a window paints its cards first and builds the flows a moment later,
on the next turn of the event loop; nothing that asks for the flows ever misses them."""

from __future__ import annotations

from factories import sample_map
from mapper.canvas.flow_item import FlowItem
from mapper.document import Document
from mapper.edits import MoveCards


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
