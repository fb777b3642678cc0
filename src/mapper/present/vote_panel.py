"""The console's side of a voting step: the same numbered items as the room sees, each
with a box for its dots (typed or stepped with its arrows; each change one undo step),
the picked one marked, and what the keys being typed will do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from mapper.layout.text import drawable
from mapper.model.vocabulary import VOTES_MAX
from mapper.present.console_parts import label
from mapper.present.vote_items import VoteItem


class CountBox(QSpinBox):
    """A count typed on the console. Enter sets it and Esc drops it, and neither goes on
    to the show (a spin box passes both to its window, where they would step on or end
    the show); either hands the keys back to the show."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            if key == Qt.Key.Key_Escape:
                self.lineEdit().setText(self.textFromValue(self.value()))
            else:
                self.interpretText()  # sets the count typed: one tally
            event.accept()
            self.window().setFocus()
            return
        super().keyPressEvent(event)


class VotePanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.hint = label("muted")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("What the typed keys will do")
        self.rows = QWidget()
        self.rows.setObjectName("votes")
        self.grid = QGridLayout(self.rows)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        self.area = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self.key = ""
        self.spins: list[CountBox] = []
        self.names: list[QLabel] = []
        # the count of item i (0-based) set on the console: pushed as a tally by the session
        self.count_set: Callable[[int, int], None] = lambda index, count: None

    def show_items(
        self, key: str, items: list[VoteItem], counts: list[int], picked: int, hint: str
    ) -> None:
        if key != self.key or len(items) != len(self.spins):
            self._build(key, items)
        for index, spin in enumerate(self.spins):
            with QSignalBlocker(spin):
                spin.setValue(counts[index])
            self.names[index].setStyleSheet(
                "font-size: 20px; font-weight: bold; color: #ffd166;" if index == picked else
                "font-size: 20px;"
            )  # fmt: skip
        self.hint.setText(hint)
        if 0 <= picked < len(self.spins):
            self.area.ensureWidgetVisible(self.spins[picked])

    def _build(self, key: str, items: list[VoteItem]) -> None:
        self.key = key
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.spins, self.names = [], []
        for row, item in enumerate(items):
            number = label("title", str(item.number))
            name = QLabel(drawable(f"{item.title}  ·  {item.where}"))
            name.setTextFormat(Qt.TextFormat.PlainText)  # a card's title, as typed
            name.setWordWrap(True)
            spin = CountBox()
            spin.setRange(0, VOTES_MAX)
            spin.setKeyboardTracking(False)  # one step when the count is typed, not per digit
            spin.setAccessibleName(f"Votes for {item.number}. {item.title}")
            spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            spin.valueChanged.connect(lambda value, i=row: self.count_set(i, value))
            self.grid.addWidget(number, row, 0)
            self.grid.addWidget(name, row, 1)
            self.grid.addWidget(spin, row, 2)
            self.spins.append(spin)
            self.names.append(name)
