"""A slide the facilitator added to the sequence: a title and free text ("Break: back at
14:30", a question for the room), big and centred."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.text import line_height, text_width, wrap
from mapper.present.steps import Step
from mapper.present.theme import DESIGN_HEIGHT, Palette


class TextSlide(QWidget):
    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = palette
        self.text_scale = 1.0
        self.step: Step | None = None

    def set_look(self, palette: Palette, text_scale: float) -> None:
        self.theme, self.text_scale = palette, text_scale
        self.update()

    def show_step(self, step: Step) -> None:
        self.step = step
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(self.rect())
        painter.fillRect(rect, qcolor(self.theme.background))
        if self.step is not None:
            g = rect.height() / DESIGN_HEIGHT
            u = g * self.text_scale
            width = rect.width() - 180 * g
            title = wrap(self.step.title, width, 64 * u, 3, bold=True)[0]
            body: list[str] = []
            for paragraph in self.step.text.splitlines() or [""]:
                body += wrap(paragraph, width, 36 * u, 8)[0] if paragraph.strip() else [""]
            high = len(title) * line_height(64 * u) + 40 * u + len(body) * line_height(36 * u)
            y = max(rect.top() + 60 * g, rect.center().y() - high / 2)
            painter.setPen(qcolor(self.theme.ink))
            for line in title:
                x = rect.center().x() - text_width(line, 64 * u, bold=True) / 2
                y = draw_lines(painter, (line,), x, y, 64 * u, bold=True)
            y += 40 * u
            painter.setPen(qcolor(self.theme.muted))
            for line in body:
                x = rect.center().x() - text_width(line, 36 * u) / 2
                y = draw_lines(painter, (line,), x, y, 36 * u)
        painter.end()
