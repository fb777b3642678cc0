"""Bringing a stage, lane or card just made into view, its name ready to type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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
    for view in scene.views():
        view.ensureVisible(item, 40, 40)
        view.setFocus()
    if rename:
        scene.edit_text(kind, item_id)
