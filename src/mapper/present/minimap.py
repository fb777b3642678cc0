"""The small map in the corner: the whole journey in miniature, with where we are."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.geometry import Rect
from mapper.layout.text import elide, line_height
from mapper.model import Sentiment
from mapper.present.room_layout import PresentLayout
from mapper.present.steps import Step, StepKind
from mapper.present.theme import DESIGN_HEIGHT, Palette

WIDTH, MAP_HEIGHT, LABEL = 300.0, 84.0, 15.0


class Minimap(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.layout_: PresentLayout | None = None
        self.palette_: Palette | None = None
        self.step: Step | None = None
        self.position = (0, 1)  # step number, of how many
        self.visible_rect: Rect | None = None  # the camera's view of the map, scene units
        self.marks: dict[StepKind, set[str]] = {}  # card ids to mark on the closing slides

    def place(self) -> None:
        """Bottom right corner of the parent."""
        host = self.parentWidget()
        assert host is not None, "the minimap is made with a parent"
        g = host.height() / DESIGN_HEIGHT
        width = WIDTH * g
        height = MAP_HEIGHT * g + line_height(LABEL * g) + 24 * g
        parent = host.rect()
        self.setGeometry(
            round(parent.width() - width - 24 * g),
            round(parent.height() - height - 24 * g),
            round(width),
            round(height),
        )
        self.raise_()

    def paintEvent(self, event) -> None:
        layout, pal, step = self.layout_, self.palette_, self.step
        if layout is None or pal is None or step is None or not layout.width:
            return
        g = self.height() / (MAP_HEIGHT + line_height(LABEL) + 24)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(qcolor(pal.faint), 1))
        painter.setBrush(qcolor(pal.chrome, 235))
        painter.drawRoundedRect(box, 8 * g, 8 * g)
        area = QRectF(box.left() + 10 * g, box.top() + 10 * g, box.width() - 20 * g, MAP_HEIGHT * g)
        sx, sy = area.width() / layout.width, area.height() / max(layout.height, 1)

        def mini(r: Rect) -> QRectF:
            return QRectF(
                area.left() + r.x * sx, area.top() + r.y * sy, r.width * sx, r.height * sy
            )

        focus = step.stage_index if step.kind is StepKind.STAGE else None
        for column in layout.stages:
            alpha = 255 if focus in (None, column.index) else 90
            color = pal.faint if pal.high_contrast else column.stage.color
            painter.fillRect(mini(column.column), qcolor(color, alpha))
        painter.setPen(Qt.PenStyle.NoPen)
        marked = self.marks.get(step.kind, set())
        for slot in layout.cards.values():
            rect = mini(slot.rect)
            if slot.card.id in marked:
                tone = Sentiment.PAIN if step.kind is StepKind.PAIN_POINTS else Sentiment.LOVE
                painter.setBrush(qcolor(pal.sentiment[tone]))
                painter.drawEllipse(rect.center(), 3 * g, 3 * g)
            else:
                painter.setBrush(qcolor(pal.muted, 70))
                painter.drawRect(rect)
        if step.kind is StepKind.EMOTION and layout.emotion_row is not None:
            shown = layout.stages[: step.stage_index + 1]
            row = layout.emotion_row.row
            strip = Rect(0, row.y, shown[-1].column.right, row.height)
            painter.fillRect(mini(strip), qcolor(pal.accent, 120))
        frame = self._frame(step, layout)
        if frame is not None:
            painter.setPen(QPen(qcolor(pal.accent), 2.5 * g))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(mini(frame).intersected(area.adjusted(-2, -2, 2, 2)))
        painter.setPen(qcolor(pal.ink))
        size = LABEL * g
        number, total = self.position
        label = elide(f"{number} / {total}   {step.title}", area.width(), size, bold=True)
        draw_lines(painter, (label,), area.left(), area.bottom() + 8 * g, size, bold=True)
        painter.end()

    def _frame(self, step: Step, layout: PresentLayout) -> Rect | None:
        if step.kind is StepKind.OVERVIEW:
            return layout.bounds
        if step.kind is StepKind.STAGE:
            return self.visible_rect or layout.stages[step.stage_index].column
        return None
