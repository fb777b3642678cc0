"""A card's or an opportunity's full details, large, over the audience view. A click, Esc
or the next step closes it; the wheel or Up / Down scroll a long one."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import qcolor, qfont
from mapper.model import JourneyMap
from mapper.model.entities import Card
from mapper.present.details import detail_html
from mapper.present.theme import DESIGN_HEIGHT, Palette

BODY = 24.0


class DetailOverlay(QWidget):
    dismissed = Signal()

    def __init__(self, journey: JourneyMap, parent: QWidget) -> None:
        super().__init__(parent)
        self.journey = journey
        self.target: Card | None = None
        self.palette_: Palette | None = None
        self.text_scale = 1.0
        self.scrolled = 0.0
        self.document = QTextDocument(self)
        self.hide()

    def show_target(self, target: Card | None, palette: Palette, text_scale: float):
        self.target, self.palette_, self.text_scale = target, palette, text_scale
        self.scrolled = 0.0
        if target is None:
            self.hide()
            return
        self._fill()
        self.setGeometry(self._host().rect())
        self.show()
        self.raise_()
        self.update()

    def _fill(self) -> None:
        assert self.target is not None and self.palette_ is not None
        size = BODY * self.height_unit() * self.text_scale
        self.document.setDefaultFont(qfont(size))
        self.document.setHtml(detail_html(self.journey, self.target, self.palette_, size))

    def height_unit(self) -> float:
        return max(self._host().height(), 1) / DESIGN_HEIGHT

    def _host(self) -> QWidget:
        parent = self.parentWidget()
        assert parent is not None, "the overlay is made with a parent"
        return parent

    def text(self) -> str:
        return self.document.toPlainText()

    def panel(self) -> QRectF:
        w, h = self.width(), self.height()
        return QRectF(w * 0.14, h * 0.08, w * 0.72, h * 0.84)

    def scroll_by(self, direction: int) -> None:
        inner = self.panel().height() - 2 * self._padding()
        limit = max(0.0, self.document.size().height() - inner)
        self.scrolled = max(0.0, min(limit, self.scrolled + direction * inner * 0.6))
        self.update()

    def _padding(self) -> float:
        return 48 * self.height_unit()

    def resizeEvent(self, event) -> None:
        if self.target is not None:
            self._fill()

    def paintEvent(self, event) -> None:
        if self.palette_ is None:
            return
        pal = self.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), qcolor("#000000", 140))
        panel = self.panel()
        radius = 18 * self.height_unit()
        painter.setPen(QPen(qcolor(pal.card_border), pal.card_border_width))
        painter.setBrush(qcolor(pal.chrome))
        painter.drawRoundedRect(panel, radius, radius)
        pad = self._padding()
        inner = panel.adjusted(pad, pad, -pad, -pad)
        self.document.setTextWidth(inner.width())
        painter.save()
        painter.setClipRect(inner)
        painter.translate(inner.topLeft() - QPointF(0, self.scrolled))
        self.document.drawContents(painter, QRectF(0, self.scrolled, inner.width(), inner.height()))
        painter.restore()
        if self.document.size().height() - self.scrolled > inner.height() + 1:
            painter.setPen(qcolor(pal.muted))
            painter.setFont(qfont(18 * self.height_unit() * self.text_scale))
            painter.drawText(
                QRectF(inner.left(), inner.bottom(), inner.width(), pad),
                Qt.AlignmentFlag.AlignCenter,
                "▼ more: scroll or press Down",
            )
        painter.end()

    def mouseReleaseEvent(self, event) -> None:
        self.dismissed.emit()

    def mousePressEvent(self, event) -> None:
        event.accept()

    def wheelEvent(self, event) -> None:
        self.scroll_by(-1 if event.angleDelta().y() > 0 else 1)
