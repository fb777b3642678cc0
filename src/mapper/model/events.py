"""Change notifications: the model tells observers (the canvas, panels) what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    MAP = "map"
    STAGE = "stage"
    LANE = "lane"
    CARD = "card"
    FLOW = "flow"
    PERSONA = "persona"
    OPPORTUNITY = "opportunity"


class Action(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class ModelEvent:
    entity: Entity
    action: Action
    id: str | None = None
    fields: frozenset[str] = frozenset()


Listener = Callable[[ModelEvent], None]


class EventHub:
    """A minimal synchronous publisher; listeners are called in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it again."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: ModelEvent) -> None:
        for listener in list(self._listeners):
            listener(event)
