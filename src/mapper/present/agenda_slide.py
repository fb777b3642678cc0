"""The agenda: the workshop's stages in order with their minutes and the total, shown after
the overview when the presentation asks for one."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.text import elide, line_height, text_width
from mapper.model import JourneyMap
from mapper.present.theme import DESIGN_HEIGHT, Palette


def agenda_rows(journey: JourneyMap) -> list[tuple[str, str, str]]:
    """(number, stage, minutes) for each stage, and the total as the last row."""
    boxes = journey.info.presentation.timeboxes
    rows = [
        (str(i), stage.name, f"{boxes[stage.id]} min" if stage.id in boxes else "")
        for i, stage in enumerate(journey.stages, start=1)
    ]
    total = sum(boxes.get(s.id, 0) for s in journey.stages)
    if total:
        rows.append(("", "Total", f"{total} min"))
    return rows


class AgendaSlide(QWidget):
    def __init__(self, journey: JourneyMap, palette: Palette, parent=None) -> None:
        super().__init__(parent)
        self.journey, self.theme = journey, palette
        self.text_scale = 1.0

    def set_look(self, palette: Palette, text_scale: float) -> None:
        self.theme, self.text_scale = palette, text_scale
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.theme
        rect = QRectF(self.rect())
        painter.fillRect(rect, qcolor(pal.background))
        g = rect.height() / DESIGN_HEIGHT
        u = g * self.text_scale
        left, top = rect.left() + 90 * g, rect.top() + 60 * g
        painter.setPen(qcolor(pal.ink))
        y = draw_lines(painter, ("Agenda",), left, top, 44 * u, bold=True) + 30 * u
        rows = agenda_rows(self.journey)
        size, tops = row_tops(y, rect.bottom() - 80 * g, u, rows)
        number_w = text_width("00", size, bold=True) + 24 * u
        minutes_w = max((text_width(m, size, bold=True) for _, _, m in rows), default=0) + 24 * u
        name_w = rect.right() - 90 * g - left - number_w - minutes_w
        for (number, name, minutes), y in zip(rows, tops, strict=True):
            total = not number
            if total:
                painter.setPen(qcolor(pal.faint))
                rule = int(y - 10 * u)
                painter.drawLine(int(left), rule, int(rect.right() - 90 * g), rule)
            painter.setPen(qcolor(pal.accent if not total else pal.ink))
            draw_lines(painter, (number,), left, y, size, bold=True)
            painter.setPen(qcolor(pal.ink))
            draw_lines(painter, (elide(name, name_w, size, bold=total),), left + number_w, y,
                       size, bold=total)  # fmt: skip
            painter.setPen(qcolor(pal.muted if not total else pal.ink))
            right = rect.right() - 90 * g - text_width(minutes, size, bold=total)
            draw_lines(painter, (minutes,), right, y, size, bold=total)
        painter.end()


ROW_STEP = 1.6  # line heights from one row to the next
MAX_SIZE = 30.0  # the rows' text size on the 1080-pixel design height
RULE_GAP = 20.0  # the room above the total for its rule


def row_tops(
    top: float, bottom: float, u: float, rows: list[tuple[str, str, str]]
) -> tuple[float, list[float]]:
    """The rows' text size and where each row starts: all between ``top`` and ``bottom``
    (a workshop of many stages gets smaller rows; the total is never cut off)."""
    gap = RULE_GAP * u if rows and not rows[-1][0] else 0.0
    room = max(bottom - top - gap, 1.0)
    size = min(MAX_SIZE * u, room / (max(len(rows), 1) * line_height(1.0) * ROW_STEP))
    step = line_height(size) * ROW_STEP
    tops = [top + i * step for i in range(len(rows))]
    if gap:
        tops[-1] += gap
    return size, tops
