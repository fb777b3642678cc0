"""Edit a card's evidence: research quotes or sources, each with a confidence level.

Each item is a small block (quote, then source, confidence and a remove button) so it
reads well in a narrow inspector."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapper.layout.theme import CONFIDENCE_LABELS
from mapper.model import Confidence, Evidence
from mapper.ui.form_fields import name_field


class _EvidenceRow(QFrame):
    changed = Signal()
    removed = Signal(object)

    def __init__(self, item: Evidence) -> None:
        super().__init__()
        self.setObjectName("evidence-item")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QPlainTextEdit(item.text)
        self.text.setPlaceholderText("Quote or finding")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 12)
        self.source = QLineEdit(item.source)
        self.source.setPlaceholderText("Source")
        self.source.setCursorPosition(0)  # show the start of a long source
        self.confidence = QComboBox()
        for value, label in CONFIDENCE_LABELS.items():
            self.confidence.addItem(label, value)
        self.confidence.setCurrentIndex(self.confidence.findData(item.confidence))
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip("Remove this evidence")
        remove.clicked.connect(lambda: self.removed.emit(self))
        for widget, name in ((self.text, "Evidence quote or finding"),
                             (self.source, "Evidence source"),
                             (self.confidence, "Evidence confidence"),
                             (remove, "Remove this evidence")):  # fmt: skip
            name_field(widget, name)
        self.text.textChanged.connect(self.changed)
        self.source.textEdited.connect(lambda _t: self.changed.emit())
        self.confidence.activated.connect(lambda _i: self.changed.emit())
        row = QHBoxLayout()
        row.addWidget(self.confidence, 1)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.text)
        layout.addWidget(self.source)
        layout.addLayout(row)

    def value(self) -> Evidence:
        return Evidence(
            self.text.toPlainText(), self.source.text(), Confidence(self.confidence.currentData())
        )


class EvidenceField(QWidget):
    edited = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[_EvidenceRow] = []
        self.list = QVBoxLayout()
        self.list.setContentsMargins(0, 0, 0, 0)
        add = QPushButton("Add evidence")
        add.setAccessibleName("Add evidence")
        add.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.list)
        layout.addWidget(add)

    def value(self) -> tuple[Evidence, ...]:
        return tuple(row.value() for row in self.rows)

    def set_value(self, evidence: tuple[Evidence, ...]) -> None:
        if evidence == self.value():
            return
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for item in evidence:
            self._append(item)

    def _append(self, item: Evidence) -> _EvidenceRow:
        row = _EvidenceRow(item)
        row.changed.connect(lambda: self.edited.emit(self.value()))
        row.removed.connect(self._remove)
        self.rows.append(row)
        self.list.addWidget(row)
        return row

    def _add(self) -> None:
        row = self._append(Evidence("New finding"))
        self.edited.emit(self.value())
        row.text.setFocus()
        row.text.selectAll()

    def _remove(self, row: _EvidenceRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.edited.emit(self.value())
