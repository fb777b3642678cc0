"""Bringing a stage, lane or card just made into view, its name ready to type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mapper.canvas.sticky_headers import show_clear
from mapper.model import Entity

if TYPE_CHECKING:
    from mapper.canvas.scene import JourneyScene


def reveal(scene: JourneyScene, kind: Entity, item_id: str, rename: bool = True) -> None:
    """A stage, lane or card just made: selected, scrolled into view, its name being typed
    (the old one selected, so typing replaces it). Without ``rename`` (a card or a flow
    chosen in a menu), selected and shown only."""
    # asked for the one kind only: asking for the flows makes every flow still to come
    items: dict[Entity, Callable[[], dict[str, Any]]] = {
        Entity.STAGE: lambda: scene.stage_headers, Entity.LANE: lambda: scene.lane_headers,
        Entity.CARD: lambda: scene.cards, Entity.FLOW: lambda: scene.flows,
    }  # fmt: skip
    item = items[kind]().get(item_id)
    if item is None:
        return
    scene.clearSelection()
    item.setSelected(True)
    rect = item.sceneBoundingRect()  # clear of the pinned names (a header: along its band)
    for view in scene.views():
        show_clear(view, scene, rect, across=kind is not Entity.LANE, down=kind is not Entity.STAGE)
        view.setFocus()
    if rename:
        scene.edit_text(kind, item_id)
