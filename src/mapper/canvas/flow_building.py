"""A new map's flows, built a piece a step after its first paint: routed, their labels
placed, then made a batch at a time, so that on a big map each turn of the event loop stays
short (see ``canvas.deferred``). They show when all are made, with their labels: a view
that repaints meanwhile draws none of them (nor half of them). The items are those
``mirror.sync_flows`` makes for a map that has no flows yet."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import nullcontext
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.flow_item import FlowItem
from mapper.canvas.flow_layer import FlowLayer
from mapper.layout import FlowRoute, MapLayout, route_flows_in_steps
from mapper.model import JourneyMap

if TYPE_CHECKING:
    from mapper.layout.labels import FlowLabel

FLOWS_A_TURN = 1_000  # about 25 ms a turn on the machines this was measured on
LABELS_A_TURN = 250  # placed afresh: about 20 ms a turn
ROUTES_A_TURN = 3_000  # worked out afresh: about 25 ms a turn


class ItemHost(Protocol):
    def addItem(self, item: QGraphicsItem, /) -> None: ...


class FlowScene(ItemHost, Protocol):
    """What building flows needs of the scene: its map, and where it files unselected
    flows (a scene that draws each flow by itself, as an export does, has no layer)."""

    journey: JourneyMap
    flow_layer: FlowLayer | None


def add_flow_item(
    scene: ItemHost,
    items: dict[str, FlowItem],
    flow_id: str,
    route: FlowRoute,
    label: FlowLabel | None,
    layer: FlowLayer | None,
    with_label: bool = True,
) -> FlowItem:
    """A flow's item (and its label's, a separate item above the cards, unless it is
    added later) in the scene."""
    items[flow_id] = item = FlowItem(route, label)
    scene.addItem(item)
    item.set_layer(layer)
    if with_label and item.label is not None:
        scene.addItem(item.label)
    return item


def flow_steps(
    scene: FlowScene, items: dict[str, FlowItem], layout: MapLayout
) -> Generator[None, None, dict[str, FlowLabel]]:
    """Yields between steps; returns the labels by flow id."""
    from mapper.layout.labels import new_labels_steps  # loaded with the flows, after the frame

    yield from route_flows_in_steps(scene.journey, layout, ROUTES_A_TURN)
    yield
    labels = yield from new_labels_steps(layout, LABELS_A_TURN)
    yield
    routes = list(layout.routes_by_id().items())
    layer = scene.flow_layer
    if layer is not None:
        layer.set_layout(layout)
        layer.item.hide()
    # the layer settles once, at the end: settling it after each step would draw the flows
    # in view again every turn (a step's flows are more than it repaints piece by piece)
    with layer.batch() if layer is not None else nullcontext():
        for start in range(0, len(routes), FLOWS_A_TURN):
            for flow_id, route in routes[start : start + FLOWS_A_TURN]:
                label = labels.get(flow_id)
                add_flow_item(scene, items, flow_id, route, label, layer, with_label=False)
            yield
    for item in items.values():
        if item.label is not None:
            scene.addItem(item.label)
    if layer is not None:
        layer.item.show()
    return labels
