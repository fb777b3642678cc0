"""Bringing a stage, lane or card just made into view, its name ready to type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mapper.model import Entity

if TYPE_CHECKING:
    from mapper.canvas.scene import JourneyScene


def reveal(scene: JourneyScene, kind: Entity, item_id: str, rename: bool = True) -> None:
    """A stage, lane or card just made: selected, scrolled into view, its name being typed
    (the old one selected, so typing replaces it)."""
    items: dict[Entity, dict[str, Any]] = {
        Entity.STAGE: scene.stage_headers, Entity.LANE: scene.lane_headers,
        Entity.CARD: scene.cards,
    }  # fmt: skip
    item = items[kind].get(item_id)
    if item is None:
        return
    scene.clearSelection()
    item.setSelected(True)
    for view in scene.views():
        view.ensureVisible(item, 40, 40)
        view.setFocus()
    if rename:
        scene.edit_text(kind, item_id)
