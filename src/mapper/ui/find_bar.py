"""Find (Ctrl+F): highlight every matching card and step through them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from mapper.canvas.scene import JourneyScene
from mapper.edits.workshop import workshop_days, workshop_title
from mapper.model.search import find_cards
from mapper.ui.form_fields import name_field


class FindBar(QWidget):
    focus_card = Signal(str)

    def __init__(self, scene: JourneyScene, parent=None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.matches: list[str] = []
        self.position = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find cards (any field)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find cards")
        self.field.setAccessibleDescription("Highlights every card whose text matches")
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next)
        self.count = QLabel()
        self.workshops = QComboBox()
        name_field(self.workshops, "Notes from a workshop")  # and its list of choices
        self.workshops.setToolTip("Find the notes the room gave in a workshop")
        self.workshops.activated.connect(self._find_workshop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.workshops)
        for text, tip, slot in (("‹", "Previous match (Shift+F3)", self.previous),
                                ("›", "Next match (F3)", self.next),
                                ("✕", "Close find (Esc)", self.close_bar)):  # fmt: skip
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.clicked.connect(slot)
            layout.addWidget(button)
        # Esc only from the bar: on the map it still cancels a title being typed
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self, self.previous)
        # after every edit and undo, those of fields the map does not draw too (notes,
        # evidence: find looks at any field; the layout changes only for drawn ones)
        scene.document.undo_stack.indexChanged.connect(self._refresh)
        self.hide()

    def _list_workshops(self) -> None:
        """ "From the workshop on 6 December 2026" for each day notes were taken."""
        self.workshops.clear()
        days = workshop_days(self.scene.journey)
        self.workshops.addItem("Workshop notes…", "")
        for tag in days:
            self.workshops.addItem(f"From {workshop_title(tag)}", tag)
        self.workshops.setVisible(bool(days))

    def _find_workshop(self, index: int) -> None:
        tag = self.workshops.itemData(index)
        if tag:
            self.field.setText(tag)

    def open_bar(self) -> None:
        self._list_workshops()
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        """Hide; keys typed in the bar go back to the map (its match selected), not to
        whatever widget Qt would focus next (the inspector's title field)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and self.scene.views():
            self.scene.views()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.hide()
        self.scene.set_highlight(set())

    def search(self, text: str) -> None:
        self.matches = find_cards(self.scene.journey, text)
        self.position = (
            -1 if not self.matches else min(max(self.position, 0), len(self.matches) - 1)
        )
        self.scene.set_highlight(set(self.matches))
        self._show_count()

    def _refresh(self) -> None:
        if self.isVisible():
            self.search(self.field.text())

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no matches")
        else:
            self.count.setText(f"{self.position + 1} of {len(self.matches)}")

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.matches:
            return
        self.position = (self.position + step) % len(self.matches)
        self._show_count()
        self.focus_card.emit(self.matches[self.position])
