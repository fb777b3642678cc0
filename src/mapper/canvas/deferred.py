"""Opening a big map, the scene builds the card items a view's first paint shows, and the
rest a piece a turn of the event loop after it, each turn short enough for the editor to
answer a click or a scroll in between (the flows, their labels and the emotion curves
follow the same way, see ``JourneyScene._completion_steps``). Nothing can miss a card:
asking for the cards or the items builds the cards still to come, a rendering or
:meth:`DeferredScene.complete` everything at once.

The cards of that first paint are painted straight onto the screen; they keep a cached
picture (what makes scrolling and dragging cheap) from the next turn on: filling a cache
per card is a third of what painting them costs, and a first frame has no use for it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.flows_behind import FlowsBehind
from mapper.canvas.mirror import add_card_items, unbuilt_cards
from mapper.canvas.plain_tips import PlainTipScene
from mapper.gcpause import walk_if_due
from mapper.layout import MapLayout

_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_UNCACHED = QGraphicsItem.CacheMode.NoCache
CARDS_A_TURN = 1_000  # about 20 ms a turn on the machines this was measured on


class DeferredScene(PlainTipScene):
    """The part of the scene that builds its cards late; ``complete`` builds all."""

    layout: MapLayout

    def __init__(self, parent: Any = None, defer: bool = False) -> None:
        super().__init__(parent)
        self._active_id: str | None = None  # whose feelings the cards show
        self._highlighted: set[str] = set()  # cards to draw highlighted (a search's)
        self._cards: dict[str, CardItem] = {}
        self._cards_pending = defer  # some cards have no item yet
        self.pending = defer  # the flows (and their labels) are still to be built
        self._steps: Iterator[None] | None = None  # what is left to build, a piece a step
        self._stepping = False  # a step is under way
        self._uncached: list[CardItem] = []  # built for a first paint: cached from the next
        self.flows_behind = FlowsBehind()  # flows no view shows, updated after a paint
        self.retired: MapLayout | None = None  # no longer kept: freed after the paint
        self.edited = False  # an edit left work for the turn after its paint (see sync)

    @property
    def cards(self) -> dict[str, CardItem]:
        """Card id -> item; asking builds the cards still deferred."""
        self.build_cards()
        return self._cards

    def card_item(self, card_id: str) -> CardItem | None:
        """The card's item (None: no such card shown), built now if it was still to come,
        and only it: a key press or a find's jump on a big map still coming in does not
        wait for every other card (about 0.3 s at 20,000 cards)."""
        item = self._cards.get(card_id)
        if item is None and self._cards_pending:
            box = self.layout.cards.get(card_id)
            if box is not None:
                made = add_card_items(self, self._cards, [box], self._active_id, self._highlighted)
                item = made[0]
        return item

    def build_cards(self, area: QRectF | None = None, most: int | None = None) -> None:
        """Build the deferred cards, or only those in ``area`` (what a view is about to
        paint: the others come later), or the ``most`` first of them."""
        if self._cards_pending:
            boxes = unbuilt_cards(self.layout, self._cards, area)
            self._cards_pending = area is not None or (most is not None and len(boxes) > most)
            boxes = boxes if most is None else boxes[:most]
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
        """Build what is still deferred, at once (nothing, asked while a step is under way:
        that step's own work comes first)."""
        if self._stepping:
            return
        self.catch_up_flows()
        self.build_cards()
        if self.pending:
            steps, self._steps = self._steps or self._completion_steps(), None
            self._stepping = True
            try:
                for _ in steps:
                    pass
            finally:
                self._stepping = False

    def catch_up_flows(self) -> None:
        """The flows an edit left behind (see ``canvas.flows_behind``) take their routes."""

    def after_frame(self) -> None:
        """The turn after the paint that showed an edit: the flows it left off screen take
        their routes, the layout no longer kept for an undo (``retired``) is freed, and a
        walk of the kept heap the edit made due is done (see ``mapper.gcpause``)."""
        self.catch_up_flows()
        self.retired = None
        walk_if_due()

    def catch_up_flows_if_views_moved(self) -> None:
        """A view is about to paint: if the views moved since an edit left flows behind (a
        scroll, a zoom, a resize), those flows may show: they take their routes first."""
        behind = self.flows_behind
        if behind and behind.area != behind.shown_area(self):
            self.catch_up_flows()

    def complete_soon(self) -> None:
        """After a view's first paint: build what is deferred a piece a turn of the event
        loop, so it shows a moment after what the view shows first. After a paint that
        showed an edit: what it left for later follows on the next turn (``after_frame``)."""
        if self.edited:
            self.edited = False
            QTimer.singleShot(0, self, self.after_frame)
        if self.pending and self._steps is None:
            self._steps = self._completion_steps()
            QTimer.singleShot(0, self, self._next_step)

    def _next_step(self) -> None:
        steps = self._steps
        if steps is None or self._stepping:  # finished at once meanwhile
            return
        self._stepping = True
        try:
            more = next(steps, False) is None
        finally:
            self._stepping = False
        if more and self._steps is steps:
            QTimer.singleShot(0, self, self._next_step)
        elif self._steps is steps:
            self._steps = None

    def _completion_steps(self) -> Iterator[None]:
        """What is left to build, a step at a time (yields between steps)."""
        yield from self._card_steps()
        self.pending = False

    def _card_steps(self) -> Iterator[None]:
        while self._cards_pending:
            self.build_cards(most=CARDS_A_TURN)
            yield

    def made_items(self) -> list[QGraphicsItem]:
        """The items made so far (asking builds nothing)."""
        return QGraphicsScene.items(self)

    def items(self, *args: Any, **kwargs: Any) -> list[QGraphicsItem]:
        self.build_cards()  # whoever asks for the items gets every card
        self.catch_up_flows()  # and every flow where it is
        return super().items(*args, **kwargs)

    def render(self, *args: Any, **kwargs: Any) -> None:
        self.complete()
        super().render(*args, **kwargs)
