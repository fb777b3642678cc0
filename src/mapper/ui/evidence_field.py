"""Edit a card's evidence: research quotes or sources, each with a confidence level."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.layout.theme import CONFIDENCE_LABELS
from mapper.model import Confidence, Evidence


class EvidenceField(QWidget):
    edited = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Quote or finding", "Source", "Confidence"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self._emit())
        add, remove = QPushButton("Add"), QPushButton("Remove")
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _combo(self, confidence: Confidence) -> QComboBox:
        combo = QComboBox()
        for value, label in CONFIDENCE_LABELS.items():
            combo.addItem(label, value)
        combo.setCurrentIndex(combo.findData(confidence))
        combo.activated.connect(lambda _i: self._emit())
        return combo

    def value(self) -> tuple[Evidence, ...]:
        result = []
        for row in range(self.table.rowCount()):
            text = self.table.item(row, 0).text() if self.table.item(row, 0) else ""
            source = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
            combo: QComboBox = self.table.cellWidget(row, 2)  # type: ignore[assignment]
            result.append(Evidence(text, source, Confidence(combo.currentData())))
        return tuple(result)

    def set_value(self, evidence: tuple[Evidence, ...]) -> None:
        if evidence == self.value():
            return
        blocker = QSignalBlocker(self.table)
        self.table.setRowCount(0)
        for item in evidence:
            self._append(item)
        blocker.unblock()

    def _append(self, item: Evidence) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(item.text))
        self.table.setItem(row, 1, QTableWidgetItem(item.source))
        self.table.setCellWidget(row, 2, self._combo(item.confidence))

    def _add(self) -> None:
        blocker = QSignalBlocker(self.table)
        self._append(Evidence("New finding"))
        blocker.unblock()
        self._emit()
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._emit()

    def _emit(self) -> None:
        self.edited.emit(self.value())
