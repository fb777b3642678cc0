"""The palette: things to drag onto the canvas (cards by channel and kind, stages, lanes)."""

from __future__ import annotations

import json
from functools import cache

from PySide6.QtCore import QMimeData, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from mapper.canvas.channel_marks import draw_channel_icon
from mapper.canvas.palette_items import palette_entries
from mapper.canvas.view import PALETTE_MIME
from mapper.layout import theme as th
from mapper.model import CardKind

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1
ICON = 20


@cache
def entry_icon(kind: str, channel: str | None) -> QIcon:
    """A little card in the kind's colour, with the channel icon for touchpoints."""
    pixmap = QPixmap(ICON * 2, ICON * 2)  # drawn at 2x for sharpness on any screen
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(1.5, 3.5, ICON - 3, ICON - 7)
    if kind in ("stage", "lane"):
        painter.setPen(QPen(QColor(th.MUTED_INK), 1.2))
        painter.setBrush(QColor(th.HEADER_FILL))
        painter.drawRect(QRectF(6, 2, 8, 16) if kind == "stage" else QRectF(2, 6, 16, 8))
    else:
        painter.setPen(QPen(QColor(th.CARD_BORDER), 1))
        painter.setBrush(QColor(th.KIND_FILLS[CardKind(kind)]))
        painter.drawRoundedRect(box, 3, 3)
        if channel:
            draw_channel_icon(painter, channel, QRectF(5, 5, 10, 10), th.INK)
    painter.end()
    return QIcon(pixmap)


def _section(kind: str) -> str:
    if kind == "touchpoint":
        return "Touchpoints"
    return "Structure" if kind in ("stage", "lane") else "Other cards"


class PaletteWidget(QListWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(ICON, ICON))
        self.setSpacing(1)
        self.setToolTip("Drag onto the map to add")
        section = None
        for entry in palette_entries():
            kind = entry.payload["kind"]
            heading = _section(kind)
            if heading != section:
                self._heading(heading)
                section = heading
            label = entry.label.removesuffix(" touchpoint")
            item = QListWidgetItem(entry_icon(kind, entry.payload.get("channel")), label)
            item.setData(PAYLOAD_ROLE, entry.payload)
            item.setToolTip(f"Drag onto the map to add: {entry.label}")
            self.addItem(item)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text.upper())
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        item.setFont(font)
        item.setForeground(QColor(th.MUTED_INK))
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
