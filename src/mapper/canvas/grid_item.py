"""The background: stage columns, lane rows, cell lines, the emotion scale and a service
blueprint's lines (layout.blueprint; their names are items of their own that stay in view,
see blueprint_items)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.blueprint_items import BlueprintLabelItem
from mapper.canvas.painting import qcolor, qfont, qrect, theme_of
from mapper.layout import MapLayout
from mapper.layout.blueprint import LINE_WIDTH, BlueprintLine
from mapper.layout.boxes import emotion_y
from mapper.layout.theme import Theme
from mapper.model import EMOTION_MAX, EMOTION_MIN

SPARE = 512.0  # room the bounds may keep beyond the map's size (see GridItem.set_layout)


class GridItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.setZValue(-10)
        self.layout: MapLayout | None = None
        self._bounds = QRectF()
        self.labels: list[BlueprintLabelItem] = []  # one per blueprint line, in the scene

    def set_layout(self, layout: MapLayout) -> None:
        """Show ``layout``. The bounds are the map's when first shown, then grow with room
        to spare and shrink only by more than that room: telling Qt of new bounds refiles
        an item as big as the map (half a millisecond on a 5,000-card map), and most edits
        change the map's size a little, if at all (paint draws within the layout)."""
        width, height, bounds = layout.width, layout.height, self._bounds
        if not (
            width <= bounds.width() <= width + SPARE and height <= bounds.height() <= height + SPARE
        ):
            self.prepareGeometryChange()
            spare = SPARE / 2 if self.layout is not None else 0.0
            self._bounds = QRectF(0, 0, width + spare, height + spare)
        self.layout = layout
        self.update()
        self._sync_labels(layout)

    def _sync_labels(self, layout: MapLayout) -> None:
        scene = self.scene()
        if scene is None:
            return
        lines = layout.blueprint
        while len(self.labels) > len(lines):
            scene.removeItem(self.labels.pop())
        while len(self.labels) < len(lines):
            self.labels.append(BlueprintLabelItem())
            scene.addItem(self.labels[-1])
        for item, line in zip(self.labels, lines, strict=True):
            item.set_line(line, layout.style)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        layout = self.layout
        if layout is None:
            return
        th = theme_of(self)
        exposed = option.exposedRect
        for box in layout.stages:
            column = qrect(box.column)
            if column.intersects(exposed):  # opaque, as it looks on the canvas under it:
                # Qt fills an opaque colour several times faster than it blends one
                painter.fillRect(column, qcolor(th.column_fill(box.stage.color)))
        painter.setPen(QPen(qcolor(th.grid_line), 1))
        for lane in layout.lanes:
            row = qrect(lane.row)
            painter.drawLine(QLineF(0, row.bottom(), layout.width, row.bottom()))
        for box in layout.stages:
            x = box.column.right
            painter.drawLine(QLineF(x, 0, x, layout.height))
        if layout.emotion_lane is not None:
            self._paint_emotion_scale(painter, layout)
        gap = layout.style.blueprint_gap
        for line in layout.blueprint:
            band = QRectF(0, line.y - gap / 2, layout.width, gap)
            if band.intersects(exposed):
                self._paint_blueprint_line(painter, line, band, th)

    def _paint_blueprint_line(
        self, painter: QPainter, line: BlueprintLine, band: QRectF, colors: Theme
    ) -> None:
        """The band between two lanes and its line (its name: BlueprintLabelItem)."""
        painter.fillRect(band, qcolor(colors.header_fill))
        painter.setPen(QPen(qcolor(colors.grid_line), 1))
        painter.drawLine(band.topLeft(), band.topRight())
        pen = QPen(qcolor(colors.blueprint_line), LINE_WIDTH)
        if line.dash:
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern([length / LINE_WIDTH for length in line.dash])
        painter.setPen(pen)
        for x0, x1 in line.segments():
            painter.drawLine(QLineF(x0, line.y, x1, line.y))

    def _paint_emotion_scale(self, painter: QPainter, layout: MapLayout) -> None:
        row = layout.emotion_lane.row  # type: ignore[union-attr]
        x0 = layout.style.lane_header_width
        th = theme_of(self)
        # the scale's numbers sit in the first stage's column
        first = th.column_fill(layout.stages[0].stage.color) if layout.stages else th.background
        number_ink = th.muted_on(first)
        painter.setFont(qfont(10))
        for score in range(EMOTION_MIN, EMOTION_MAX + 1):
            y = emotion_y(row, score, layout.style)
            if score == 0:
                painter.setPen(QPen(qcolor(th.neutral_line), 1.2, Qt.PenStyle.DashLine))
            else:
                painter.setPen(QPen(qcolor(th.grid_line, 110), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QLineF(x0, y, layout.width, y))
            painter.setPen(qcolor(number_ink))
            painter.drawText(QPointF(x0 + 4, y - 3), f"{score:+d}" if score else "0")
