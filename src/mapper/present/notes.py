"""Notes from the room: N (or the console's Note button) opens a sticky note the room
sees being typed; Return saves it in the map (one undo step, see edits.workshop), Esc
drops it. The typing happens on the laptop: the console when there is one, else the
room's window."""

from __future__ import annotations

import getpass
from datetime import datetime

from PySide6.QtCore import QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QLineEdit, QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.text import elide, line_height, wrap
from mapper.present.overlays import _Layer

STICKY, STICKY_EDGE, INK = "#fff4b8", "#e0c341", "#3e3000"


def presenter_name() -> str:
    """Who takes the notes: the name set in present mode's settings, else the login."""
    name = QSettings().value("present/presenter", "")
    if isinstance(name, str) and name.strip():
        return name.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def now() -> datetime:
    return datetime.now()


class NoteEntry(QLineEdit):
    """Where the note is typed; Return keeps it, Esc drops it (and never ends the show)."""

    kept = Signal(str)
    dropped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setPlaceholderText("A note from the room… (Return keeps it, Esc drops it)")
        self.setAccessibleName("Note from the room")
        self.setStyleSheet(
            f"QLineEdit {{ background: {STICKY}; color: {INK}; border: 2px solid {STICKY_EDGE};"
            " border-radius: 6px; padding: 8px; font-size: 20px; }"
        )
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.kept.emit(self.text())
        elif event.key() == Qt.Key.Key_Escape:
            self.dropped.emit()
        else:
            super().keyPressEvent(event)
        event.accept()


class StickyLayer(_Layer):
    """The sticky note as the room sees it: being typed, then "Noted" for a moment."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.stage = ""
        self.text = ""
        self.kept = False

    def show_typing(self, stage: str, text: str) -> None:
        self.stage, self.text, self.kept = stage, text, False
        self.cover_parent()
        self.show()
        self.update()

    def show_kept(self) -> None:
        self.kept = True
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        u = self.unit()
        width = min(760 * u, self.width() - 80 * u)
        pad, size = 22 * u, 30 * u
        lines = wrap(self.text or "…", width - 2 * pad, size, 4)[0]
        label = f"Noted for {self.stage}" if self.kept else f"Note for {self.stage}"
        height = 2 * pad + line_height(17 * u) + 10 * u + len(lines) * line_height(size)
        box = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter.setPen(qcolor(STICKY_EDGE))
        painter.setBrush(qcolor(STICKY))
        painter.drawRoundedRect(box, 8 * u, 8 * u)
        painter.setPen(qcolor(INK))
        y = draw_lines(painter, (elide(("✓ " if self.kept else "") + label, width - 2 * pad,
                                       17 * u, bold=True),), box.left() + pad, box.top() + pad,
                       17 * u, bold=True)  # fmt: skip
        draw_lines(painter, lines, box.left() + pad, y + 10 * u, size)
        painter.end()
