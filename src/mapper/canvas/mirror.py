"""How the scene's id -> item maps follow a new layout: items come, go, or take their new
boxes, and only those whose boxes changed are touched. Also what a model change can
change on the canvas at all (typing in a card's notes draws nothing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.emotion_layer import EmotionLayer
from mapper.canvas.flow_building import add_flow_item
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.flow_layer import FlowLayer
from mapper.canvas.header_items import StageHeaderItem
from mapper.layout import CardBox, FlowRoute, MapLayout
from mapper.layout.boxes import only_moved
from mapper.model import Action, Entity, JourneyMap, ModelEvent

if TYPE_CHECKING:
    from mapper.canvas.flows_behind import FlowsBehind
    from mapper.layout.labels import FlowLabel

# What the canvas neither draws nor shows in a tooltip: an edit of only these costs no
# layout at all (typing in a card's notes on a 5,000-card map stays instant).
_NOT_DRAWN: dict[Entity, frozenset[str]] = {
    Entity.CARD: frozenset({"owner", "metrics", "url", "tags", "notes", "buying_phase", "impact",
                            "effort", "pain_point_ids"}),
    Entity.STAGE: frozenset({"notes", "buying_phase"}),
    Entity.PERSONA: frozenset({"name", "role", "bio", "demographics", "goals", "motivations",
                               "frustrations", "behaviours", "quote", "photo"}),
    Entity.MAP: frozenset({"title", "description", "author", "version", "scenario", "notes",
                           "presentation"}),
}  # fmt: skip
_METRICS_LINE = frozenset({"owner", "metrics"})  # a card's metrics line, when it shows


def drawn(event: ModelEvent, card_metrics: bool = False) -> bool:
    """Whether a model change can change anything on the canvas (``card_metrics``: cards
    show their metrics line)."""
    if event.action is not Action.UPDATED or not event.fields:
        return True
    if card_metrics and event.entity is Entity.CARD and event.fields & _METRICS_LINE:
        return True
    return not event.fields <= _NOT_DRAWN.get(event.entity, frozenset())


def take_new_values(
    events: Sequence[ModelEvent],
    journey: JourneyMap,
    layout: MapLayout,
    cards: dict[str, CardItem],
    stage_headers: dict[str, StageHeaderItem],
    emotions: EmotionLayer,
) -> None:
    """Boxes hold the entities they show: give them the changed ones, drawing nothing."""
    for event in events:
        if event.entity is Entity.CARD and event.id in layout.cards:
            card_box = replace(layout.cards[event.id], card=journey.card(event.id))
            layout.cards[event.id] = cards[event.id].box = card_box
        elif event.entity is Entity.STAGE and event.id in stage_headers:
            index = next(i for i, b in enumerate(layout.stages) if b.stage.id == event.id)
            stage_box = replace(layout.stages[index], stage=journey.stages.get(event.id))
            layout.stages[index] = stage_headers[event.id].box = stage_box
        elif event.entity is Entity.PERSONA and event.id in emotions.curves:
            index = next(i for i, c in enumerate(layout.emotion_curves) if c.persona.id == event.id)
            curve = layout.emotion_curves[index].with_persona(journey.personas.get(event.id))
            layout.emotion_curves[index] = curve
            emotions.take_persona(curve)
    if any(event.entity is Entity.PERSONA for event in events):
        emotions.sync_legend()  # a persona's name shows in the lane's legend


def sync_headers(
    scene: QGraphicsScene, items: dict[str, Any], boxes: dict[str, Any], make: Callable
) -> None:
    for item_id in [i for i in items if i not in boxes]:
        scene.removeItem(items.pop(item_id))
    for item_id, box in boxes.items():
        item = items.get(item_id)
        if item is None:
            items[item_id] = item = make(box)
            scene.addItem(item)
        elif item.box != box:
            item.set_box(box)


def sync_cards(
    scene: QGraphicsScene,
    items: dict[str, CardItem],
    layout: MapLayout,
    active_id: str | None,
    everything: bool,
    highlighted: set[str],
    previous: MapLayout | None = None,
) -> bool:
    """Returns whether any card came, went or changed its box. With the ``previous``
    layout the items show, only the cards whose boxes changed since are visited."""
    boxes = layout.cards
    changes = None
    if not everything and previous is not None and len(items) == len(previous.cards):
        changes = layout.changes_since(previous)
    if changes is not None:
        changed, gone = changes
    else:
        changed, gone = list(boxes), [card_id for card_id in items if card_id not in boxes]
    for card_id in gone:
        gone_item = items.pop(card_id, None)
        if gone_item is not None:
            scene.removeItem(gone_item)
    moved = bool(gone)
    # cards of cells moved whole: their previous boxes elsewhere (a row moved down)
    offsets = layout.card_offsets if changes is not None else {}
    shown = previous.cards if previous is not None else {}
    for card_id in changed:
        box = boxes[card_id]
        item = items.get(card_id)
        if offsets and card_id in offsets and item is not None and item.box is shown.get(card_id):
            item.move_to(box)  # the same picture, nothing to compare
            moved = True
            continue
        if item is None:
            add_card_items(scene, items, [box], active_id, highlighted)
            moved = True
        elif everything or item.box is not box:
            old = item.box
            moved = moved or old.rect != box.rect
            if not everything and only_moved(old, box):
                item.move_to(box)  # the same picture somewhere else: no repaint of it
            else:
                item.update_box(box, active_id)
    return moved


def add_card_items(
    scene: QGraphicsScene,
    items: dict[str, CardItem],
    boxes: Iterable[CardBox],
    active_id: str | None,
    highlighted: set[str],
) -> list[CardItem]:
    made = []
    for box in boxes:
        items[box.card.id] = item = CardItem(box, active_id)
        item.highlighted = box.card.id in highlighted
        scene.addItem(item)
        made.append(item)
    return made


def unbuilt_cards(
    layout: MapLayout, items: dict[str, CardItem], area: QRectF | None = None
) -> list[CardBox]:
    """The boxes of the cards that have no item yet (those in ``area`` only, if given)."""
    boxes = (box for card_id, box in layout.cards.items() if card_id not in items)
    if area is None:
        return list(boxes)
    left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
    return [
        box
        for box in boxes
        if box.rect.x < right
        and box.rect.x + box.rect.width > left
        and box.rect.y < bottom
        and box.rect.y + box.rect.height > top
    ]


def sync_flows(
    scene: QGraphicsScene,
    items: dict[str, FlowItem],
    layout: MapLayout,
    previous: MapLayout | None,
    cards_moved: bool,
    labels: dict[str, FlowLabel],
    layer: FlowLayer | None,
    behind: FlowsBehind | None = None,
) -> dict[str, FlowLabel]:
    """Flows come, go or take their new routes; labels are placed again when cards or
    routes moved. Returns the labels by flow id. With the ``previous`` layout the items
    show, only the flows it says were routed again and those whose labels moved are
    visited, and a flow that moved as a whole is moved along (see ``FlowItem.shift``);
    a flow no view shows is left ``behind`` for later (see ``canvas.flows_behind``)."""
    from mapper.layout.labels import update_labels  # loaded with the flows, after the first frame

    if layer is not None:  # rows that moved take their flows' chunks along
        layer.set_layout(layout)
    routes = layout.routes_by_id()
    found = _reroutes(items, layout, previous, layer)
    shown = previous.routes_by_id() if found is not None and previous is not None else {}
    visit: Mapping[str, object] = routes  # the flows to look at
    shifts: Mapping[str, tuple[float, float]] = {}
    gone: list[str] | None = None
    if found is not None:
        visit, shifts = found
        if len(routes) == len(items) and items.keys() >= visit.keys():
            gone = []  # no flow came (each visited one has an item), as many as before
    if gone is None:
        gone = [flow_id for flow_id in items if flow_id not in routes]
    for flow_id in gone:
        item = items.pop(flow_id)
        item.set_layer(None)
        scene.removeItem(item)
        if item.label is not None:
            scene.removeItem(item.label)  # a separate item, above the cards
    if found is not None:
        rerouted = bool(gone) or bool(visit)
    else:
        rerouted = bool(gone) or any(
            flow_id not in items or items[flow_id].route is not path
            for flow_id, path in routes.items()
        )
    relabelled: set[str] = set()
    if cards_moved or rerouted:  # labels keep off cards and each other: place again
        # (and the flows whose labels are not the very ones kept)
        labels, relabelled = update_labels(layout, previous, labels)
    elif previous is not None:  # nothing to place: the labels and what they avoid carry over
        layout.label_cards, previous.label_cards = previous.label_cards, None
        layout.placed_labels, previous.placed_labels = previous.placed_labels, None
    # flows that follow a dragged card paint themselves (see FlowItem.set_route)
    dragging = getattr(scene, "dragging", False)
    if found is not None:  # the flows the layout routed again, then those relabelled
        # those that moved as a whole first: a row moved down moves thousands alike
        done = _shift_along(items, routes, shown, shifts, labels) if not dragging else ()
        ids: Iterable[str] = [
            *(i for i in visit if i not in done),
            *(i for i in relabelled if i not in visit),
        ]
    else:
        ids = routes
    take = FlowItem.set_route if dragging else FlowItem.take_route
    area = behind.shown_area(scene) if behind is not None and found is not None else None
    for flow_id in ids:
        path = routes.get(flow_id)
        if path is None:
            continue  # a flow gone, whose label went with it
        known = items.get(flow_id)
        label = labels.get(flow_id)
        if known is None:
            add_flow_item(scene, items, flow_id, path, label, layer)
            continue
        if known.route is not path:
            shift = shifts.get(flow_id)
            if shift is not None and not dragging and known.route is shown.get(flow_id):
                known.shift(path, *shift, label)
                continue
        elif known.placed_label is label or known.placed_label == label:
            continue  # most labels are the very ones kept: no field by field comparison
        if behind is None or not behind.left(known, flow_id, path, label, area):
            take(known, path, label)
    return labels


def _shift_along(
    items: dict[str, FlowItem],
    routes: Mapping[str, FlowRoute],
    shown: Mapping[str, FlowRoute],
    shifts: Mapping[str, tuple[float, float]],
    labels: Mapping[str, FlowLabel],
) -> set[str] | tuple[()]:
    """Move along the items of the flows whose routes moved as a whole (see
    ``FlowItem.shift``) that show the route they moved from; returns their ids."""
    if not shifts:
        return ()
    done: set[str] = set()
    item_of, shown_of, label_of, add = items.get, shown.get, labels.get, done.add
    shift = FlowItem.shift
    for flow_id, (dx, dy) in shifts.items():
        item = item_of(flow_id)
        if item is not None and item.route is shown_of(flow_id):
            shift(item, routes[flow_id], dx, dy, label_of(flow_id))
            add(flow_id)
    return done


def _reroutes(
    items: dict[str, FlowItem],
    layout: MapLayout,
    previous: MapLayout | None,
    layer: FlowLayer | None,
) -> tuple[dict[str, None], dict[str, tuple[float, float]]] | None:
    """What the layout says it routed again since ``previous``, if the items show
    ``previous`` (None: every flow is to be compared). Flows that followed a dragged
    card show routes of their own, and without a layer nothing keeps track of them."""
    if previous is None or layer is None or layer.detached:
        return None
    if len(items) != len(previous.routes_by_id()):
        return None
    return layout.shifts_since(previous)
