"""The outline: stages and lanes as a list to rename, reorder, add, remove and hide."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.document import Document
from mapper.edits import EditRefused, Remove, intents
from mapper.model import Entity, ModelEvent

ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineWidget(QWidget):
    selected = Signal(object, str)  # Entity.STAGE / Entity.LANE, id

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.journey = document.journey
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Stages and lanes")
        self.tree.setAccessibleDescription("Rename, reorder, add, remove and hide stages and lanes")
        self.tree.itemChanged.connect(self._renamed)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.stages_root = QTreeWidgetItem(["Stages"])
        self.lanes_root = QTreeWidgetItem(["Lanes"])
        for root in (self.stages_root, self.lanes_root):
            root.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(root)
        buttons = QHBoxLayout()
        for text, tip, slot in (
            ("+", "Add a stage or lane after the selected one", self.add),
            ("−", "Delete the selected stage or lane", self.remove),
            ("↑", "Move up", lambda: self.move_selected(-1)),
            ("↓", "Move down", lambda: self.move_selected(1)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        for key in ("Delete", "Backspace"):  # as the canvas's Delete (only there: see actions)
            shortcut = QShortcut(QKeySequence(key), self.tree, self.remove)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while renaming
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._unsubscribe = self.journey.events.subscribe(self._on_model_events)
        self.rebuild()

    def detach(self) -> None:
        self._unsubscribe()

    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        if any(e.entity in (Entity.STAGE, Entity.LANE) for e in events):
            self.rebuild()

    def rebuild(self) -> None:
        current = self.current()
        blocker = QSignalBlocker(self.tree)
        for root, items, kind in (
            (self.stages_root, self.journey.stages, Entity.STAGE),
            (self.lanes_root, self.journey.lanes, Entity.LANE),
        ):
            root.takeChildren()
            for entity in items:
                label = entity.name + (" (hidden)" if getattr(entity, "hidden", False) else "")
                child = QTreeWidgetItem([label])
                child.setData(0, ROLE, (kind, entity.id))
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsEditable)
                root.addChild(child)
                if current == (kind, entity.id):
                    self.tree.setCurrentItem(child)
        self.tree.expandAll()
        blocker.unblock()

    def current(self) -> tuple[Entity, str] | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def select(self, kind: Entity, item_id: str) -> None:
        root = self.stages_root if kind is Entity.STAGE else self.lanes_root
        for i in range(root.childCount()):
            child = root.child(i)
            if child is not None and child.data(0, ROLE) == (kind, item_id):
                blocker = QSignalBlocker(self.tree)
                self.tree.setCurrentItem(child)
                blocker.unblock()

    def follow(self, kind: Entity | None, item_id: str | None) -> None:
        """Keep in step with the canvas: its one selected stage or lane is the current
        item; anything else selected there (a card, a flow, several, nothing) leaves no
        item current, so the outline never shows a stale choice."""
        if kind in (Entity.STAGE, Entity.LANE) and item_id is not None:
            self.select(kind, item_id)
            return
        blocker = QSignalBlocker(self.tree)
        self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # Qt accepts no item
        self.tree.clearSelection()
        blocker.unblock()

    def _current_changed(self, item, _previous) -> None:
        data = item.data(0, ROLE) if item is not None else None
        if data:
            self.selected.emit(*data)

    def _renamed(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, ROLE)
        name = item.text(0).strip()
        if not data:
            return
        kind, item_id = data
        try:
            change = intents.rename(self.journey, kind, item_id, "name", name)
        except EditRefused:
            change = None  # an empty name: the old one shows again
        if change is not None:
            self._push(change)
        else:
            self.rebuild()

    def _push(self, command) -> None:
        self.document.try_push(command)

    def add(self) -> None:
        current = self.current()
        kind = current[0] if current else (
            Entity.LANE if self.tree.currentItem() is self.lanes_root else Entity.STAGE
        )  # fmt: skip
        items = self.journey.stages if kind is Entity.STAGE else self.journey.lanes
        index = items.index_of(current[1]) + 1 if current else len(items)
        add = intents.add_stage if kind is Entity.STAGE else intents.add_lane
        change = add(self.journey, index)
        self._push(change)
        if change.entity.id in items.ids():  # chosen, as by the arrow keys: the map and
            self.select(kind, change.entity.id)  # the inspector follow, F2 names it
            self.selected.emit(kind, change.entity.id)

    def remove(self) -> None:
        current = self.current()
        if current:
            self._push(Remove(self.journey, *current))

    def move_selected(self, step: int) -> None:
        current = self.current()
        if not current:
            return
        kind, item_id = current
        items = self.journey.stages if kind is Entity.STAGE else self.journey.lanes
        change = intents.move_to(self.journey, kind, item_id, items.index_of(item_id) + step)
        if change is not None:
            self._push(change)
            self.select(kind, item_id)
