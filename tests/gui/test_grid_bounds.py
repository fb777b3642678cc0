"""The canvas's background item keeps its bounds through edits that change the map's size
a little (telling Qt of new bounds refiles an item as big as the map), always covers the
map, and is exactly the map's size when first shown (template thumbnails frame it)."""

from __future__ import annotations

from factories import synthetic_map
from mapper.canvas.grid_item import SPARE
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Composite, Insert, Update
from mapper.model import Card, Entity


def covers(scene: JourneyScene) -> bool:
    bounds, layout = scene.grid.boundingRect(), scene.layout
    return (
        bounds.x() == 0
        and bounds.y() == 0
        and layout.width <= bounds.width() <= layout.width + SPARE
        and layout.height <= bounds.height() <= layout.height + SPARE
    )


def test_grid_bounds_follow_the_map_without_refiling_it_for_small_changes(qapp, monkeypatch):
    document = Document(synthetic_map(40, seed=3))
    scene = JourneyScene(document)
    bounds = scene.grid.boundingRect()
    assert (bounds.width(), bounds.height()) == (scene.layout.width, scene.layout.height)
    assert scene.itemsBoundingRect().bottomRight().y() <= scene.layout.height + 1

    refiled = []
    grid_type = type(scene.grid)
    monkeypatch.setattr(
        grid_type,
        "prepareGeometryChange",
        lambda item: (refiled.append(item), super(grid_type, item).prepareGeometryChange()),
    )
    journey = document.journey
    boxes = scene.layout.cards.values()
    card = max(boxes, key=lambda box: box.rect.y + box.rect.height).card  # the map's lowest
    heights = []
    for words in (12, 0, 12, 0):  # the lowest card re-wraps: the map grows, then shrinks
        title = "A title " + "that says more " * words
        document.push(Update(journey, Entity.CARD, card.id, {"title": title}))
        heights.append(scene.layout.height)
        assert covers(scene)
    assert heights[0] > heights[1]  # the size did change
    assert len(refiled) == 1  # grown once with room to spare, then kept
    stage, lane = card.stage_id, card.lane_id
    parts = [
        Insert(journey, Entity.CARD, 0, Card(f"more-{i}", stage, lane, "More")) for i in range(30)
    ]
    document.push(Composite(journey, "Paste 30 cards", parts))
    assert covers(scene)
    assert len(refiled) == 2  # a big change: new bounds
    scene.detach()
