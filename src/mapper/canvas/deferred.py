"""Opening a big map, the scene builds the card items a view's first paint shows and the
rest on a later turn of the event loop (the flows and their labels follow the same way, see
``JourneyScene.complete``). Nothing can miss a card: asking for the cards or the items
builds the cards still to come, a rendering builds everything first.

The cards of that first paint are painted straight onto the screen; they keep a cached
picture (what makes scrolling and dragging cheap) from the next turn on: filling a cache
per card is a third of what painting them costs, and a first frame has no use for it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.mirror import add_card_items, unbuilt_cards
from mapper.layout import MapLayout

_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_UNCACHED = QGraphicsItem.CacheMode.NoCache


class DeferredScene(QGraphicsScene):
    """The part of the scene that builds its cards late; ``complete`` builds all."""

    layout: MapLayout

    def __init__(self, parent: Any = None, defer: bool = False) -> None:
        super().__init__(parent)
        self._active_id: str | None = None  # whose feelings the cards show
        self._highlighted: set[str] = set()  # cards to draw highlighted (a search's)
        self._cards: dict[str, CardItem] = {}
        self._cards_pending = defer  # some cards have no item yet
        self.pending = defer  # the flows (and their labels) are still to be built
        self._completing = False  # a view asked for them on a later event-loop turn
        self._uncached: list[CardItem] = []  # built for a first paint: cached from the next

    @property
    def cards(self) -> dict[str, CardItem]:
        """Card id -> item; asking builds the cards still deferred."""
        self.build_cards()
        return self._cards

    def build_cards(self, area: QRectF | None = None) -> None:
        """Build the deferred cards, or only those in ``area`` (what a view is about to
        paint: the others wait for :meth:`complete`)."""
        if self._cards_pending:
            self._cards_pending = area is not None
            boxes = unbuilt_cards(self.layout, self._cards, area)
            made = add_card_items(self, self._cards, boxes, self._active_id, self._highlighted)
            if area is not None:  # for the paint about to happen
                for item in made:
                    item.setCacheMode(_UNCACHED)
                self._uncached += made
        if not self._cards_pending and self._uncached:  # the first paint is done with
            for item in self._uncached:
                if item.cacheMode() == _UNCACHED:  # (an export may have changed it)
                    item.setCacheMode(_CACHED)
            self._uncached = []

    def complete(self) -> None:
        """Build what is still deferred."""
        self.build_cards()

    def complete_soon(self) -> None:
        """After a view's first paint: build what is deferred on the next turn of the event
        loop, so it shows a moment after what the view shows first."""
        if self.pending and not self._completing:
            self._completing = True
            QTimer.singleShot(0, self, self.complete)

    def made_items(self) -> list[QGraphicsItem]:
        """The items made so far (asking builds nothing)."""
        return QGraphicsScene.items(self)

    def items(self, *args: Any, **kwargs: Any) -> list[QGraphicsItem]:
        self.build_cards()  # whoever asks for the items gets every card
        return super().items(*args, **kwargs)

    def render(self, *args: Any, **kwargs: Any) -> None:
        self.complete()
        super().render(*args, **kwargs)
