"""What an item on the canvas may ask of the scene it is on: to start a gesture or to edit
its text in place. Items know the scene only through this protocol (never the concrete
scene), so no item imports the scene and the scene imports the items."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from mapper.edits import Change
from mapper.model import Entity, JourneyMap


@runtime_checkable
class CanvasHost(Protocol):
    journey: JourneyMap

    def push(self, change: Change | None) -> bool:
        """Apply a change as one undo step; False if there was none or it was refused."""
        ...

    def begin_flow(self, card_id: str, pos: QPointF) -> None:
        """Start drawing a flow from a card's handle."""
        ...

    def begin_header_drag(self, header: QGraphicsItem, pos: QPointF, resize: bool) -> None:
        """A press on a stage or lane header: a move (or a stage's resize) if it drags."""
        ...

    def begin_emotion_drag(self, point: QGraphicsItem) -> None:
        """A press on an emotion point: dragging it up or down changes the score."""
        ...

    def begin_point_drag(self, row: QGraphicsItem, card_id: str) -> QGraphicsItem | None:
        """A press on a point drawn by a row of points: dragging it changes the score; the
        item then dragged (the point's own), if any."""
        ...

    def begin_ghost_drag(self, row: QGraphicsItem, card_id: str, x: float) -> None:
        """A press on an unscored card's ghost point: dragging it scores the card."""
        ...

    def edit_text(self, kind: Entity, item_id: str) -> None:
        """Edit a card's title, a stage's or lane's name or a flow's label in place."""
        ...


def host_of(item: QGraphicsItem) -> CanvasHost | None:
    """The editing canvas the item is on (None on a scene that only shows a map)."""
    scene = item.scene()
    return scene if isinstance(scene, CanvasHost) else None
