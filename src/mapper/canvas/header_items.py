"""Stage and lane headers: drag to reorder, drag a stage's right edge to resize,
double-click to rename, click a lane's triangle to collapse it. The emotion lane's header
is the curves' legend: a row per persona with its line, marker and name, and a box to
show or hide its curve (a click on the name makes it the active persona)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.emotion_marks import paint_swatch
from mapper.canvas.host import host_of
from mapper.canvas.painting import draw_lines, qcolor, theme_of
from mapper.edits import intents, personas
from mapper.layout import LaneBox, StageBox
from mapper.layout.metric_lines import metric_lines
from mapper.layout.persona_style import PersonaStyle
from mapper.layout.text import elide, line_height, text_width
from mapper.layout.wording import metric_parts, metrics_text
from mapper.model import Entity, LaneKind

EDGE = 6.0  # how close to a stage's right edge (screen pixels) a press starts a resize
METRICS_SIZE = 9.0
LEGEND_ROW = 19.0
LEGEND_SIZE = 10.0
SWATCH_WIDTH = 26.0


class LegendEntry(NamedTuple):
    """A persona as the emotion lane's legend lists it. (Named tuples, these two: a frozen
    dataclass costs ~0.4 ms to define as the module loads, before a map's first frame.)"""

    persona_id: str
    name: str
    style: PersonaStyle
    active: bool
    hidden: bool


class LegendRow(NamedTuple):
    """A row of the legend: a persona (or how many more) and where it shows."""

    entry: LegendEntry | None  # None: the closing "+ n more" / "n hidden" row
    rect: QRectF
    toggle: QRectF
    more: int = 0
    hidden: int = 0  # how many hidden personas the closing row counts (the editor's)


class _Header(QGraphicsItem):
    """What stage and lane headers share: a box from the layout, a framed background."""

    def __init__(self, box: StageBox | LaneBox) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(50)  # above cards and emotion curves: headers stick over them
        # how far the name (and a lane's legend) is moved along the header to stay in view
        # while the start of a long stage or lane is scrolled away (canvas.sticky_headers)
        self.inset = 0.0
        self.box = box
        self.set_box(box)

    def set_inset(self, inset: float) -> None:
        if inset != self.inset:
            self.inset = inset
            self.update()

    def set_box(self, box) -> None:
        self.prepareGeometryChange()
        self.box = box
        self.setPos(box.header.x, box.header.y)
        entity = box.stage if isinstance(box, StageBox) else box.lane
        tip = entity.description or entity.name
        if isinstance(box, StageBox) and not box.stage.metrics.is_empty():
            tip += "\n" + metrics_text(box.stage.metrics)
        self.setToolTip(tip)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.box.header.width, self.box.header.height)

    def _paint_frame(self, painter: QPainter, fill: str) -> QRectF:
        rect = self.boundingRect()
        th = theme_of(self)
        painter.fillRect(rect, qcolor(fill))
        painter.setPen(QPen(qcolor(th.grid_line), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        if self.isSelected():
            painter.setPen(QPen(qcolor(th.selection), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        return rect

    def _begin_drag(self, event, resize: bool = False) -> None:
        """A left press may become a move (or a resize): the scene runs that gesture."""
        host = host_of(self)
        if host is not None and event.button() == Qt.MouseButton.LeftButton:
            host.begin_header_drag(self, event.scenePos(), resize)


class CornerItem(QGraphicsItem):
    """The block where the sticky stage band and lane column meet: it covers both, so a
    lane name scrolled up never shows over a stage name. Only a view shows it (exports
    have nothing scrolled)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(52)  # above lane headers (50) and stage headers (51)
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._size = QRectF()

    def set_size(self, width: float, height: float) -> None:
        if (width, height) != (self._size.width(), self._size.height()):
            self.prepareGeometryChange()
            self._size = QRectF(0, 0, width, height)

    def boundingRect(self) -> QRectF:
        return self._size

    def paint(self, painter: QPainter, option, widget=None) -> None:
        th = theme_of(self)
        rect = self._size
        painter.fillRect(rect, qcolor(th.header_fill))
        painter.setPen(QPen(qcolor(th.grid_line), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())


class StageHeaderItem(_Header):
    box: StageBox

    def __init__(self, box: StageBox) -> None:
        super().__init__(box)
        self.setZValue(51)  # lane names scroll under the stage band

    @property
    def stage_id(self) -> str:
        return self.box.stage.id

    def paint(self, painter: QPainter, option, widget=None) -> None:
        th = theme_of(self)
        fill = th.stage_fill(self.box.stage.color)
        rect = self._paint_frame(painter, fill)
        painter.setPen(qcolor(th.ink_on(fill)))
        lines = self.box.name_lines
        metrics = self.metric_lines()
        extra = len(metrics) * line_height(METRICS_SIZE) + (2 if metrics else 0)
        top = (rect.height() - len(lines) * 14 * 1.3 - extra) / 2
        bottom = draw_lines(painter, lines, 10 + self.inset, top, 14, bold=True)
        if metrics:
            painter.setPen(qcolor(th.muted_on(fill)))
            draw_lines(painter, tuple(metrics), 10 + self.inset, bottom + 2, METRICS_SIZE)

    def content_width(self) -> float:
        """How wide the name and metrics are, with their margins."""
        lines = [text_width(line, 14, bold=True) for line in self.box.name_lines]
        lines += [text_width(line, METRICS_SIZE) for line in self.metric_lines()]
        return max(lines, default=0.0) + 20

    def metric_lines(self) -> list[str]:
        """The stage's metrics under its name, whole: two lines under a one-line name, one
        under a two-line name; what does not fit is in the tooltip, never cut with "…"."""
        parts = metric_parts(self.box.stage.metrics)
        room = 2 if len(self.box.name_lines) == 1 else 1
        return metric_lines(parts, self.box.header.width - 20, METRICS_SIZE, room)

    def near_edge(self, x: float) -> bool:
        """Whether ``x`` (in the header) is close enough to the right edge to resize: EDGE
        pixels on screen at any zoom (at most a quarter of the header)."""
        scene = self.scene()
        views = scene.views() if scene is not None else []
        zoom = views[0].transform().m11() if views else 1.0
        room = min(EDGE / max(zoom, 1e-3), self.box.header.width / 4)
        return x >= self.box.header.width - room

    def hoverMoveEvent(self, event) -> None:
        near_edge = self.near_edge(event.pos().x())
        self.setCursor(Qt.CursorShape.SizeHorCursor if near_edge else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event) -> None:
        self._begin_drag(event, resize=self.near_edge(event.pos().x()))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:
            host.edit_text(Entity.STAGE, self.stage_id)


class LaneHeaderItem(_Header):
    box: LaneBox

    def __init__(self, box: LaneBox) -> None:
        super().__init__(box)
        self.legend: tuple[LegendEntry, ...] = ()
        self._acted = False  # the press acted (triangle, legend): its click selects nothing

    @property
    def lane_id(self) -> str:
        return self.box.lane.id

    def _toggle_rect(self) -> QRectF:
        return QRectF(4, 6 + self.inset, 16, 16)

    def content_height(self) -> float:
        """How tall the triangle, the name and (the emotion lane's) legend are."""
        rows = self.legend_rows()
        return rows[-1].rect.bottom() + 4 - self.inset if rows else self._name_bottom() + 6

    def _name_bottom(self) -> float:
        return 6 + len(self.box.name_lines) * line_height(12)

    def set_legend(self, entries: tuple[LegendEntry, ...]) -> None:
        """The personas the emotion lane's legend lists (ignored by other lanes)."""
        if entries != self.legend:
            self.legend = entries
            self.update()

    def legend_rows(self) -> list[LegendRow]:
        """Where each legend row goes: the shown personas (a hidden one shows nowhere on
        the map); rows that do not fit end in a "+ n more" row (the active persona first,
        as in the PDF's key), and the editor counts the hidden personas in a closing row
        (an image has no boxes either: editor chrome)."""
        if self.box.lane.kind is not LaneKind.EMOTION or self.box.lane.collapsed:
            return []
        printing = getattr(self.scene(), "printing", False)
        entries = [e for e in self.legend if not e.hidden]
        hidden = 0 if printing else len(self.legend) - len(entries)
        top = self._name_bottom() + 6
        room = int((self.box.header.height - top - 4) // LEGEND_ROW)
        top += self.inset
        if room <= 0:
            return []
        fits = len(entries) + (1 if hidden else 0) <= room
        if not fits:  # the active persona (whose marks the cards show) keeps a row, first
            entries = sorted(entries, key=lambda e: not e.active)  # (stable: list order)
        shown = entries if fits else entries[: room - 1]
        rows = []
        for i, entry in enumerate(shown):
            y = top + i * LEGEND_ROW
            rect = QRectF(4, y, self.box.header.width - 8, LEGEND_ROW)
            rows.append(LegendRow(entry, rect, QRectF(6, y + 3.5, 12, 12)))
        if len(shown) < len(entries) or hidden:
            y = top + len(shown) * LEGEND_ROW
            rect = QRectF(4, y, self.box.header.width - 8, LEGEND_ROW)
            rows.append(LegendRow(None, rect, QRectF(), len(entries) - len(shown), hidden))
        return rows

    def paint(self, painter: QPainter, option, widget=None) -> None:
        th = theme_of(self)
        self._paint_frame(painter, th.header_fill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        printing = getattr(self.scene(), "printing", False)
        if not printing:  # the toggle is editor chrome
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(th.muted_ink))
            t = self._toggle_rect()
            if self.box.lane.collapsed:
                tri = [QPointF(t.left() + 5, t.top() + 3), QPointF(t.right() - 4, t.center().y()),
                       QPointF(t.left() + 5, t.bottom() - 3)]  # fmt: skip
            else:
                tri = [QPointF(t.left() + 3, t.top() + 5), QPointF(t.right() - 3, t.top() + 5),
                       QPointF(t.center().x(), t.bottom() - 4)]  # fmt: skip
            painter.drawPolygon(QPolygonF(tri))
        painter.setPen(qcolor(th.ink))
        draw_lines(painter, self.box.name_lines, 22, 6 + self.inset, 12, bold=True)
        for row in self.legend_rows():
            self._paint_legend_row(painter, row, printing)

    def _paint_legend_row(self, painter: QPainter, row: LegendRow, printing: bool) -> None:
        rect, entry = row.rect, row.entry
        look = theme_of(self)  # the canvas's light or dark colours
        text_y = rect.top() + (LEGEND_ROW - line_height(LEGEND_SIZE)) / 2
        if entry is None:
            painter.setPen(qcolor(look.muted_ink))
            counts = [f"+ {row.more} more"] if row.more else []
            counts += [f"{row.hidden} hidden"] if row.hidden else []
            # (an image has no Personas panel: its own legend names every curve)
            text = ", ".join(counts) if printing else f"{', '.join(counts)}: see Personas"
            draw_lines(painter, (elide(text, rect.width() - 4, LEGEND_SIZE),), rect.left() + 2,
                       text_y, LEGEND_SIZE)  # fmt: skip
            return
        x = rect.left() + 2
        if not printing:
            box = row.toggle
            painter.setPen(QPen(qcolor(look.muted_ink), 1))
            painter.setBrush(qcolor(look.background))
            painter.drawRoundedRect(box, 2, 2)
            # a tick: the curve is shown (a hidden persona has no row)
            painter.setPen(QPen(qcolor(look.ink), 1.6, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))  # fmt: skip
            painter.drawPolyline(QPolygonF([
                QPointF(box.left() + 2.5, box.center().y()),
                QPointF(box.left() + 5, box.bottom() - 3),
                QPointF(box.right() - 2.5, box.top() + 3),
            ]))  # fmt: skip
            x = box.right() + 5
        paint_swatch(painter, entry.style, entry.active,
                     QRectF(x, rect.top(), SWATCH_WIDTH, LEGEND_ROW))  # fmt: skip
        x += SWATCH_WIDTH + 5
        painter.setPen(qcolor(look.ink))
        name = " ".join(entry.name.split()) or "Unnamed"
        name = elide(name, rect.right() - x - 2, LEGEND_SIZE, bold=entry.active)
        draw_lines(painter, (name,), x, text_y, LEGEND_SIZE, bold=entry.active)

    def legend_row_at(self, pos: QPointF) -> LegendRow | None:
        return next((row for row in self.legend_rows() if row.rect.contains(pos)), None)

    def hoverMoveEvent(self, event) -> None:
        row = self.legend_row_at(event.pos())
        entry = row.entry if row is not None else None
        if row is not None and row.hidden:
            self.setToolTip("Hidden personas show nowhere on the map: tick them in the "
                            "Personas panel (View > Personas) to show them again")  # fmt: skip
        elif entry is None:
            lane = self.box.lane
            self.setToolTip(lane.description or lane.name)
        elif row is not None and row.toggle.contains(event.pos()):
            self.setToolTip(f"Hide {entry.name}'s curve")
        else:
            tip = "the active persona" if entry.active else "click to make it the active persona"
            self.setToolTip(f"{entry.name}: {tip}")
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        left = event.button() == Qt.MouseButton.LeftButton
        self._acted = False
        if left and self._toggle_rect().contains(event.pos()):
            if host is not None:
                host.push(intents.toggle_lane(host.journey, self.lane_id))
            self._acted = True
            event.accept()
            return
        row = self.legend_row_at(event.pos()) if left else None
        if row is not None and row.entry is not None:
            entry = row.entry
            if host is not None and row.toggle.adjusted(-3, -3, 3, 3).contains(event.pos()):
                host.push(personas.show_persona(host.journey, entry.persona_id, entry.hidden))
            elif host is not None:
                host.push(personas.make_active(host.journey, entry.persona_id))
            self._acted = True
            event.accept()
            return
        self._begin_drag(event)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._acted:  # Qt would select the lane on this release: a Delete then removed it
            self._acted = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if self.legend_row_at(event.pos()) is not None:
            event.accept()
            return
        if host is not None and not self._toggle_rect().contains(event.pos()):
            host.edit_text(Entity.LANE, self.lane_id)
