"""The shape every canvas gesture has (Orange's canvas interactions are the model): the
scene holds at most one, forwards the mouse to it and cancels it on Esc. ``Canvas`` is
what gestures need of the scene, so they never import it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QGraphicsItem

from mapper.canvas.card_item import CardItem
from mapper.canvas.flow_item import FlowItem
from mapper.edits import Change
from mapper.layout import MapLayout
from mapper.layout.theme import Theme
from mapper.model import Entity, JourneyMap


class Interaction:
    """A gesture from press to release. ``end`` commits (one change at most), ``cancel``
    puts back whatever the gesture showed on the way, committing nothing."""

    # Whether Qt's own handling still runs on mouse moves (a card drag lets Qt move the
    # grabbed cards; drawing a flow or dragging a header does not)
    lets_items_move = False
    # Whether a mouse press ends it (a gesture started from a menu, with no button held):
    # a left press commits, any other press cancels
    ends_on_press = False

    def start(self) -> None:
        pass

    def move(self, pos: QPointF) -> None:
        pass

    def end(self, pos: QPointF) -> None:
        pass

    def cancel(self) -> None:
        pass


class Curves(Protocol):
    """What gestures need of the emotion curves (the scene's emotion layer)."""

    def preview(self, persona_id: str, card_id: str, score: int | None) -> None: ...


class Canvas(Protocol):
    """What gestures need of the scene (the scene implements it; nothing here imports it)."""

    journey: JourneyMap
    layout: MapLayout
    dragging: bool
    theme: Theme

    @property
    def emotions(self) -> Curves: ...

    @property
    def cards(self) -> dict[str, CardItem]: ...
    @property
    def flows(self) -> dict[str, FlowItem]: ...

    def push(self, change: Change | None) -> bool: ...
    def report(self, message: str) -> None: ...
    def sync(self, force: bool = True) -> None: ...
    def card_at(self, pos: QPointF) -> str | None: ...
    def select_ids(self, card_ids: Sequence[str]) -> None: ...
    def edit_text(self, kind: Entity, item_id: str) -> None: ...
    def addItem(self, item: QGraphicsItem) -> None: ...
    def removeItem(self, item: QGraphicsItem) -> None: ...
    def selectedItems(self) -> list[QGraphicsItem]: ...
    def update(self) -> None: ...


def past_drag_distance(delta: QPointF) -> bool:
    return delta.manhattanLength() >= QApplication.startDragDistance()
