"""The scene's selection: which items of a kind are selected (asking builds nothing still
to come: only made items can be selected), selecting cards by id, and many items selected
or removed at once told as one selection change."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.card_item import CardItem
from mapper.canvas.deferred import DeferredScene
from mapper.canvas.emotion_items import EmotionPointItem
from mapper.model import Entity, JourneyMap
from mapper.model.pain import lead_persona

if TYPE_CHECKING:
    from mapper.canvas.flow_item import FlowItem
    from mapper.canvas.header_items import LaneHeaderItem, StageHeaderItem


class SelectionScene(DeferredScene):
    """What the selection is, and choosing it; the items are ``JourneyScene``'s."""

    journey: JourneyMap
    _flows: dict[str, FlowItem]
    stage_headers: dict[str, StageHeaderItem]
    lane_headers: dict[str, LaneHeaderItem]

    def selected_ids(self, kind: Entity) -> list[str]:
        """The selected items of ``kind``: only made items can be selected, so asking
        builds nothing (a key press on a big map still coming in would wait for it all)."""
        selected = self.selectedItems()
        if not selected:
            return []
        sources: dict[Entity, Mapping[str, QGraphicsItem]] = {
            Entity.CARD: self._cards, Entity.FLOW: self._flows,
            Entity.STAGE: self.stage_headers, Entity.LANE: self.lane_headers,
        }  # fmt: skip
        source, chosen = sources[kind], set(selected)
        return [item_id for item_id, item in source.items() if item in chosen]

    def selected_emotion_points(self) -> list[tuple[str, str]]:
        """(card, persona) of each selected emotion point."""
        return [(i.card_id, i.persona_id) for i in self.selectedItems()
                if isinstance(i, EmotionPointItem)]  # fmt: skip

    def score_targets(self) -> list[tuple[str, str]]:
        """What Alt+Up / Alt+Down change: the selected points' scores, and the lead
        persona's score of each selected card (the active one unless it is hidden: a
        score that would change out of sight is the inspector's to edit)."""
        targets = self.selected_emotion_points()
        active = lead_persona(self.journey)
        if active is not None:
            targets += [(card_id, active.id) for card_id in self.selected_ids(Entity.CARD)]
        return targets

    def select_ids(self, card_ids: Sequence[str]) -> None:
        """Select these cards (only), as one selection change."""
        with self.one_selection_change():
            self.clearSelection()
            for card_id in card_ids:  # (those still to come are built, and only those)
                item = self.card_item(card_id)
                if item is not None:
                    item.setSelected(True)

    @contextmanager
    def one_selection_change(self) -> Iterator[None]:
        """Items selected or removed inside make one selectionChanged at the end, if the
        selection changed: Qt tells it for each item, and whoever follows the selection
        reads all of it each time (Select All, or deleting what it selected, took minutes
        on a 20,000-card map). Nothing else the scene says may happen inside."""
        before = set(self.selectedItems())
        blocked = self.blockSignals(True)
        try:
            yield
        finally:
            self.blockSignals(blocked)
        if not blocked and set(self.selectedItems()) != before:
            self.selectionChanged.emit()

    def set_highlight(self, card_ids: set[str]) -> None:
        self._highlighted = set(card_ids)
        for card_id, item in self.cards.items():
            if item.highlighted != (card_id in self._highlighted):
                item.highlighted = card_id in self._highlighted
                item.update()

    def card_at(self, pos: QPointF) -> str | None:
        return next((i.card_id for i in self.items(pos) if isinstance(i, CardItem)), None)
