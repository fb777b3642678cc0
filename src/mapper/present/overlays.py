"""What lies over the audience view besides details: the black or white screen, the
spotlight, the key help and the short notices ("Text 130%")."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QRadialGradient
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor, qfont
from mapper.layout.text import line_height, text_width
from mapper.present.controller import Cover
from mapper.present.theme import DESIGN_HEIGHT, Palette

HELP = (
    ("→  PgDn  Space", "next"),
    ("←  PgUp", "back"),
    ("Home  End", "first, last"),
    ("1 … 9", "that stage (1 2: stage 12)"),
    ("↑  ↓", "scroll a tall stage"),
    ("Click a card", "its details"),
    ("N", "a note from the room"),
    ("3 = 12 ⏎", "voting: item 3 has 12 dots"),
    ("12 ⏎   + −", "voting: dots for the picked item"),
    ("Ctrl+Z", "voting: take back the last tally"),
    ("+  −  0", "bigger, smaller, normal text"),
    ("H", "high contrast"),
    ("T", "transitions on / off"),
    ("S", "spotlight"),
    ("M", "minimap"),
    ("B  .", "black screen"),
    ("W  ,", "white screen"),
    ("Esc", "close, or end the presentation"),
)


class _Layer(QWidget):
    def __init__(self, parent: QWidget, mouse: bool = False) -> None:
        super().__init__(parent)
        if not mouse:
            self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def cover_parent(self) -> None:
        parent = self.parentWidget()
        assert parent is not None, "overlays are made with a parent"
        self.setGeometry(parent.rect())
        self.raise_()

    def unit(self) -> float:
        return max(self.height(), 1) / DESIGN_HEIGHT


class CoverLayer(_Layer):
    """B: black, W: white, as in presentation software; clicks are swallowed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, mouse=True)
        self.cover = Cover.NONE

    def set_cover(self, cover: Cover) -> None:
        self.cover = cover
        self.setVisible(cover is not Cover.NONE)
        if cover is not Cover.NONE:
            self.cover_parent()
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), qcolor("#000000" if self.cover is Cover.BLACK else "#ffffff"))
        painter.end()


class SpotlightLayer(_Layer):
    """Darkens all but a soft circle around the mouse pointer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.center = QPointF(-1, -1)

    def follow(self, pos: QPointF) -> None:
        self.center = pos
        if self.isVisible():
            self.update()

    def radius(self) -> float:
        return 190 * self.unit()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = self.radius()
        if self.center.x() < 0:
            self.center = QPointF(self.width() / 2, self.height() / 2)
        # one gradient, clear in the middle and dark from its edge on (PadSpread): no seam
        light = QRadialGradient(self.center, r * 1.25)
        light.setColorAt(0.0, qcolor("#000000", 0))
        light.setColorAt(0.8, qcolor("#000000", 0))
        light.setColorAt(1.0, qcolor("#000000", 180))
        painter.fillRect(self.rect(), light)
        painter.end()


class HelpLayer(_Layer):
    """F1 or ?: the keys, for the presenter (the room sees it too, so it is short)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, mouse=True)
        self.palette_: Palette | None = None

    def paintEvent(self, event) -> None:
        pal = self.palette_
        if pal is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), qcolor("#000000", 120))
        u = self.unit()
        size = 22 * u
        key_width = max(text_width(k, size, bold=True) for k, _ in HELP) + 40 * u
        width = key_width + max(text_width(w, size) for _, w in HELP) + 100 * u
        height = len(HELP) * line_height(size) * 1.25 + 130 * u
        panel = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(pal.chrome))
        painter.drawRoundedRect(panel, 16 * u, 16 * u)
        x, y = panel.left() + 50 * u, panel.top() + 40 * u
        painter.setPen(qcolor(pal.ink))
        y = draw_lines(painter, ("Keys",), x, y, 28 * u, bold=True) + 16 * u
        for key, what in HELP:
            painter.setPen(qcolor(pal.ink))
            draw_lines(painter, (key,), x, y, size, bold=True)
            painter.setPen(qcolor(pal.muted))
            draw_lines(painter, (what,), x + key_width, y, size)
            y += line_height(size) * 1.25
        painter.end()

    def mouseReleaseEvent(self, event) -> None:
        self.hide()


class Toast(_Layer):
    """A short notice at the bottom of the screen that fades by itself."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.message = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def say(self, message: str, ms: int = 1400) -> None:
        self.message = message
        self.cover_parent()
        self.show()
        self.update()
        self._timer.start(ms)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        u = self.unit()
        font = qfont(24 * u, bold=True)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(self.message) + 60 * u
        height = 60 * u
        box = QRectF((self.width() - width) / 2, self.height() - height - 50 * u, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor("#1f2933", 225))
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(qcolor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.message)
        painter.end()
