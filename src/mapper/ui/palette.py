"""The palette: things to drag onto the canvas (cards by channel and kind, stages, lanes)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from mapper.canvas.palette_items import palette_entries
from mapper.canvas.view import PALETTE_MIME

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


class PaletteWidget(QListWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(16, 16))
        self.setToolTip("Drag onto the map to add")
        for entry in palette_entries():
            item = QListWidgetItem(entry.label)
            item.setData(PAYLOAD_ROLE, entry.payload)
            self.addItem(item)

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, items) -> QMimeData:
        mime = QMimeData()
        if items:
            payload = items[0].data(PAYLOAD_ROLE)
            mime.setData(PALETTE_MIME, json.dumps(payload).encode("utf-8"))
            mime.setText(items[0].text())
        return mime

    def payload_of(self, label: str) -> dict:
        for row in range(self.count()):
            if self.item(row).text() == label:
                return self.item(row).data(PAYLOAD_ROLE)
        raise KeyError(label)
