"""Change notifications: the model tells observers (the canvas, panels) what changed.

Listeners receive a list of events. Outside a batch each change is delivered at once, as a
one-event list; inside ``with hub.batch():`` events are held and delivered together when
the outermost batch ends, so an observer refreshes once per user action, not per change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    MAP = "map"
    STAGE = "stage"
    LANE = "lane"
    CARD = "card"
    FLOW = "flow"
    PERSONA = "persona"


class Action(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class ModelEvent:
    """One change of the map: what kind of thing, what happened, its id and fields."""

    entity: Entity
    action: Action
    id: str | None = None
    fields: frozenset[str] = frozenset()


Listener = Callable[[Sequence[ModelEvent]], None]


class EventHub:
    """A minimal synchronous publisher; listeners are called in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._depth = 0
        self._held: list[ModelEvent] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it again."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def heard(self) -> bool:
        """Whether an event emitted now reaches anyone (a map being built from a file has
        no listeners yet: its thousands of events need not even be made)."""
        return bool(self._listeners) or self._depth > 0

    def emit(self, event: ModelEvent) -> None:
        if self._depth:
            self._held.append(event)
        else:
            self._deliver([event])

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth and self._held:
                events, self._held = self._held, []
                self._deliver(events)

    def _deliver(self, events: list[ModelEvent]) -> None:
        """Every listener hears the events; one that fails does not keep them from the
        others (the map changed all the same): its error is raised once all have them."""
        failed: Exception | None = None
        for listener in list(self._listeners):
            try:
                listener(events)
            except Exception as exc:  # raised again below
                failed = failed or exc
        if failed is not None:
            raise failed
