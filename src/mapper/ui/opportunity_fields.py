"""The inspector's editors for an opportunity card: impact and effort, where that puts it on
the impact / effort matrix, and the pain points it addresses, ticked in a list of the
map's pain points."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mapper.model import Action, Card, Entity, JourneyMap, ModelEvent, Quadrant
from mapper.model.opportunities import pain_point_choices
from mapper.model.vocabulary import RATINGS
from mapper.ui.form_fields import ChoiceField

RATING_WORDS = {1: "very low", 2: "low", 3: "medium", 4: "high", 5: "very high"}
QUADRANT_MEANING = {
    Quadrant.QUICK_WIN: "high impact, low effort: do it first",
    Quadrant.MAJOR_PROJECT: "high impact, more effort: plan it",
    Quadrant.FILL_IN: "low effort, modest impact",
    Quadrant.RECONSIDER: "more effort than impact",
}
VISIBLE_ROWS = 8  # the list scrolls (down, never sideways) beyond these
# what can change which cards are pain points, their names or their order
_CHOICE_FIELDS = frozenset({"title", "kind", "emotions", "hidden"})


def rating_field() -> ChoiceField:
    """Impact or effort, 1..5, each choice one undo step."""
    return ChoiceField([(f"{n} \u2013 {RATING_WORDS[n]}", n) for n in RATINGS])


class PriorityLabel(QLabel):
    """Read-only: the quadrant the card's impact and effort put it in."""

    edited = Signal(object)  # never emitted: nothing to edit here

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_value(self, card: Card) -> None:
        self.setText(f"<b>{card.quadrant.value}</b>: {QUADRANT_MEANING[card.quadrant]}")


class PainPointPicker(QWidget):
    """The map's pain points with a tick for each one the opportunity addresses. A tick or
    an untick is emitted as ``(card id, addressed)``."""

    edited = Signal(object)

    def __init__(self, journey: JourneyMap) -> None:
        super().__init__()
        self.journey = journey
        self.list = _PainList(self)
        self.list.itemChanged.connect(self._ticked)
        self.empty = QLabel(
            "No pain points on the map yet: add a pain point card, or score a card "
            "\u22122 or lower for a persona."
        )
        self.empty.setWordWrap(True)
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._shown: list[tuple[str, str, bool]] = []
        self._card_id: str | None = None
        self._stale = True

    def model_changed(self, events: Sequence[ModelEvent]) -> None:
        """Told before each refresh: finding the pain points reads every card, so typing
        in a field of a big map does not do that again unless the list may change."""
        if not self._stale:
            self._stale = any(_may_change_choices(e, self._card_id) for e in events)

    def set_value(self, card: Card) -> None:
        ids = {card_id for card_id, _, _ in self._shown}
        if not self._stale and card.id == self._card_id and ids.issuperset(card.pain_point_ids):
            rows = [(i, text, i in card.pain_point_ids) for i, text, _ in self._shown]
        else:
            rows = self._rows(card)
        self._card_id, self._stale = card.id, False
        self._show(rows)

    def _rows(self, card: Card) -> list[tuple[str, str, bool]]:
        rows = []
        for choice in pain_point_choices(self.journey, card):
            stage = self.journey.stages.get(choice.stage_id).name
            rows.append((choice.id, f"{choice.title} ({stage})", choice.id in card.pain_point_ids))
        return rows

    def _show(self, rows: list[tuple[str, str, bool]]) -> None:
        if rows == self._shown:
            return  # typing elsewhere in the form leaves the list (and its scroll) alone
        same_rows = [r[:2] for r in rows] == [r[:2] for r in self._shown]
        self._shown = rows
        self.list.blockSignals(True)
        try:
            if same_rows:  # only ticks changed (a tick, an undo): keep the list where it is
                for row, (_, _, ticked) in enumerate(rows):
                    state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                    self.list.item(row).setCheckState(state)
                return
            self.list.clear()
            for card_id, text, ticked in rows:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, card_id)
                item.setToolTip(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self.list.blockSignals(False)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.list.updateGeometry()

    def item_for(self, card_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == card_id:
                return item
        return None

    def _ticked(self, item: QListWidgetItem) -> None:
        addressed = item.checkState() == Qt.CheckState.Checked
        self.edited.emit((item.data(Qt.ItemDataRole.UserRole), addressed))


def _may_change_choices(event: ModelEvent, shown_id: str | None) -> bool:
    if event.entity is Entity.CARD and event.action is Action.UPDATED:
        return event.id != shown_id and bool(event.fields & _CHOICE_FIELDS)
    if event.entity is Entity.LANE:
        return event.action is not Action.UPDATED  # lanes only order the cards
    return event.entity is not Entity.FLOW and event.entity is not Entity.MAP


class _PainList(QListWidget):
    """As tall as its first VISIBLE_ROWS rows, as narrow as the inspector: long titles
    wrap (the list scrolls down, never sideways)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        spacing = 2 * self.spacing()
        height = 0
        for row in range(min(self.count(), VISIBLE_ROWS)):  # as laid out: wrapped
            laid = self.visualItemRect(self.item(row)).height()
            height += (laid or self.sizeHintForRow(row)) + spacing
        return QSize(120, max(height, self.fontMetrics().height()) + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # rows wrap to another height
