"""The presenter console's parts: its look, its clock text, the notes editor, the step
previews and its labels."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

STYLE = """
QWidget#console { background: #1f2933; }
QLabel { color: #e4e7eb; }
QLabel#muted { color: #9aa5b1; font-size: 16px; }
QLabel#title { font-size: 30px; font-weight: bold; }
QLabel#clock { font-size: 48px; font-weight: bold; }
QLabel#timebox { font-size: 26px; font-weight: bold; }
QLabel#timebox[state="last"] { color: #f0b429; }
QLabel#timebox[state="over"] { color: #ff6b6b; }
QLabel#notes { font-size: 26px; color: #f5f7fa; background: #27323d; padding: 14px; }
QPlainTextEdit { font-size: 26px; color: #f5f7fa; background: #27323d; padding: 8px;
                 border: 2px solid #2f6fce; }
QScrollArea { border: none; background: #27323d; }
QWidget#votes { background: #27323d; }
QPushButton { font-size: 16px; padding: 8px 12px; color: #f5f7fa; background: #323f4b;
              border: 1px solid #52606d; border-radius: 6px; }
QSpinBox { font-size: 22px; padding: 4px; min-width: 90px; }
QPushButton:checked { background: #2f6fce; border-color: #2f6fce; }
"""


def format_elapsed(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class NotesEditor(QPlainTextEdit):
    """The speaker notes being edited; Esc means done (it never ends the show)."""

    done = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.done.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class Preview(QWidget):
    """A step's picture, scaled to fit and kept 16:9."""

    def __init__(self) -> None:
        super().__init__()
        self.pixmap = QPixmap()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if self.pixmap.isNull():
            painter.end()
            return
        size = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x, y = (self.width() - size.width()) // 2, 0
        painter.drawPixmap(QRect(x, y, size.width(), size.height()), self.pixmap)
        painter.setPen(QColor("#3e4c59"))
        painter.drawRect(QRect(x, y, size.width() - 1, size.height() - 1))
        painter.end()


def label(name: str, text: str = "") -> QLabel:
    """A label the console's style sheet finds by its object name. Its text is shown as
    typed: QLabel took a stage named "<b>Order</b>" for markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName(name)
    return label


class OneLine(QLabel):
    """A console label on one line that never widens its window (a map's long title made
    the console wider than the laptop's screen): text too long for it ends in "…", and
    shows in full in its tooltip. ``text()`` is the whole text, as set."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # at the left, where the console's other lines start, in any script
        self.setAlignment(
            Qt.AlignmentFlag.AlignLeft
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
        self._full = ""

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)  # a screen reader reads it whole
        self._fit()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1)
        )
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
