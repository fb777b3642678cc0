"""The palette: things to drag onto the canvas (cards by channel and kind, stages, lanes),
or to choose with the arrow keys and Return (into the selected cell; see
``canvas.keyboard``)."""

from __future__ import annotations

import json
from functools import cache

from PySide6.QtCore import QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from mapper.canvas.channel_marks import draw_channel_icon
from mapper.canvas.painting import qfont
from mapper.canvas.palette_items import palette_entries
from mapper.canvas.view import PALETTE_MIME
from mapper.edits.intents import CARD_TITLES
from mapper.layout import Style
from mapper.layout import theme as th
from mapper.model import BUILTIN_CHANNELS, CardKind

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


def drag_pixmap(payload: dict, ratio: float = 1.0) -> QPixmap:
    """What follows the pointer out of the palette: the card it makes, at the canvas's
    size, in its kind's colour with its channel and title; for a stage or lane, a header."""
    style = Style()
    kind = str(payload.get("kind"))
    channel = payload.get("channel")
    info = BUILTIN_CHANNELS.get(channel) if isinstance(channel, str) else None
    if kind in ("stage", "lane"):
        width, height = (120.0, style.stage_header_height) if kind == "stage" else (160.0, 40.0)
        title, fill, border = f"New {kind}", th.HEADER_FILL, th.SELECTION
    else:
        try:
            card_kind = CardKind(kind)
        except ValueError:
            card_kind = CardKind.NOTE
        width, height = 220.0, 52.0
        title = CARD_TITLES[card_kind]
        if info is not None and card_kind is CardKind.TOUCHPOINT:
            title = f"{info.label} touchpoint"
        fill, border = th.KIND_FILLS[card_kind], th.SELECTION
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(0.9)  # the map shows through a little: it is not there yet
    painter.setPen(QPen(QColor(border), 2))
    painter.setBrush(QColor(fill))
    painter.drawRoundedRect(QRectF(1, 1, width - 2, height - 2), 6, 6)
    x = 10.0
    if kind not in ("stage", "lane") and info is not None:
        draw_channel_icon(painter, info.key, QRectF(x, height / 2 - 8, 16, 16), th.INK)
        x += 24
    painter.setPen(QColor(th.INK))
    painter.setFont(qfont(12, bold=kind in ("stage", "lane")))
    text_box = QRectF(x, 4, width - x - 8, height - 8)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, title)
    painter.end()
    return pixmap


def _section(kind: str) -> str:
    if kind == "touchpoint":
        return "Touchpoints"
    return "Structure" if kind in ("stage", "lane") else "Other cards"


class PaletteWidget(QListWidget):
    chosen = Signal(dict)  # Return on an entry: what to create

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(ICON, ICON))
        self.setSpacing(1)
        self.setToolTip("Drag onto the map to add, or press Return to add to the selected cell")
        self.setAccessibleName("Palette")
        self.setAccessibleDescription("Cards, stages and lanes to drag onto the map")
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

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            payload = item.data(PAYLOAD_ROLE)
            if isinstance(payload, dict):
                self.chosen.emit(payload)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        """Arriving by Tab, an entry is current (and shown) so Return has something to add."""
        super().focusInEvent(event)
        item = self.currentItem()
        if item is None or not item.data(PAYLOAD_ROLE):
            first = next(i for i in range(self.count()) if self.item(i).data(PAYLOAD_ROLE))
            self.setCurrentRow(first)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text.upper())
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # drawn in the text colour, never picked
        font = item.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        item.setFont(font)
        self.addItem(item)

    def startDrag(self, supportedActions) -> None:
        """Drag the selected entry with a picture of what it makes under the pointer."""
        items = self.selectedItems()
        payload = items[0].data(PAYLOAD_ROLE) if items else None
        if not isinstance(payload, dict):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData(items))
        pixmap = drag_pixmap(payload, self.devicePixelRatioF())
        drag.setPixmap(pixmap)
        size = pixmap.deviceIndependentSize()
        drag.setHotSpot(QPoint(round(min(24.0, size.width() / 2)), round(size.height() / 2)))
        drag.exec(Qt.DropAction.CopyAction)

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, items) -> QMimeData:
        mime = QMimeData()
        if items:
            payload = items[0].data(PAYLOAD_ROLE)
            mime.setData(PALETTE_MIME, json.dumps(payload).encode("utf-8"))
            mime.setText(items[0].text())
        return mime
