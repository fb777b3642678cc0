"""A service blueprint line's name in the lane-header column (layout.blueprint). Like the
lane headers it stays at the left of the view while the map scrolls under it; the line
itself is part of the background (grid_item)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.painting import qcolor, qfont, theme_of
from mapper.layout import Style
from mapper.layout.blueprint import LABEL_SIZE, BlueprintLine


class BlueprintLabelItem(QGraphicsItem):
    """The band's part in the header column with the line's name."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(50)  # with the lane headers, over cards scrolled under them
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.line: BlueprintLine | None = None
        self._bounds = QRectF()

    def set_line(self, line: BlueprintLine, style: Style) -> None:
        self.prepareGeometryChange()
        self.line = line
        gap = style.blueprint_gap
        self._bounds = QRectF(0, 0, style.lane_header_width, gap)
        self.setY(line.y - gap / 2)
        self.setToolTip(line.label)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        line = self.line
        if line is None:
            return
        rect, colors = self._bounds, theme_of(self)
        painter.fillRect(rect, qcolor(colors.header_fill))
        painter.setPen(QPen(qcolor(colors.grid_line), 1))
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.setPen(qcolor(colors.blueprint_line))
        painter.setFont(qfont(LABEL_SIZE, bold=True))
        baseline = line.baseline - (line.y - rect.height() / 2)
        painter.drawText(QPointF(line.label_box.x, baseline), line.label)
