"""The Compare personas chart: each persona's average per stage as a line in its colour,
dashes and marker (as its curve on the map, so lines are told apart without colour too),
over the emotion scale, with the stages where they diverge most shaded and numbered."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from mapper.canvas.emotion_marks import marker_path
from mapper.canvas.painting import qcolor, qfont
from mapper.layout import theme
from mapper.layout.persona_style import PersonaStyle, persona_style
from mapper.layout.wording import score_label, short_names, signed
from mapper.model import EMOTION_MAX, EMOTION_MIN
from mapper.model.analysis import PersonaComparison

LEFT, RIGHT, TOP = 40.0, 16.0, 26.0
TILTED_LEFT = 100.0  # room for the first stage's tilted name, which reaches left
LABELS = 74.0  # room under the plot for the stage names (tilted; upright ones need less)
UPRIGHT_LABELS = 30.0
MIN_STAGE = 56.0  # a stage's least width: many stages scroll sideways
UPRIGHT_STAGE = 96.0  # narrower columns tilt their stage names
HIGHLIGHT = "#f6e3b4"  # the divergent stages' band (and the table rows)
HIGHLIGHT_INK = "#7a4d00"


class CompareChart(QWidget):
    """Paints a ``PersonaComparison``; ``top`` are the stage indexes highlighted, ranked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: PersonaComparison | None = None
        self.top: list[int] = []
        self.styles: dict[str, PersonaStyle] = {}  # by persona id: its curve's look
        self.setMouseTracking(True)
        self.setMinimumHeight(280)

    def set_comparison(
        self,
        comparison: PersonaComparison,
        top: list[int],
        styles: dict[str, PersonaStyle] | None = None,
    ) -> None:
        self.comparison, self.top = comparison, top
        self.styles = styles or {}
        stages = max(len(comparison.stages), 1)
        self.setMinimumWidth(int(TILTED_LEFT + RIGHT + MIN_STAGE * stages))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(max(self.minimumWidth(), 640), 320)

    # ------------------------------------------------------------------ geometry
    def tilted(self) -> bool:
        """Whether stage names are too many for their columns and are written tilted."""
        stages = len(self.comparison.stages) if self.comparison else 0
        return (self.width() - LEFT - RIGHT) / max(stages, 1) < UPRIGHT_STAGE

    def plot(self) -> QRectF:
        tilted = self.tilted()
        left, labels = (TILTED_LEFT, LABELS) if tilted else (LEFT, UPRIGHT_LABELS)
        return QRectF(left, TOP, self.width() - left - RIGHT, self.height() - TOP - labels)

    def column(self) -> float:
        stages = len(self.comparison.stages) if self.comparison else 0
        return self.plot().width() / max(stages, 1)

    def point(self, index: int, average: float) -> QPointF:
        plot, span = self.plot(), EMOTION_MAX - EMOTION_MIN
        x = plot.left() + (index + 0.5) * self.column()
        return QPointF(x, plot.top() + (EMOTION_MAX - average) / span * plot.height())

    def stage_at(self, x: float) -> int | None:
        if self.comparison is None or not self.comparison.stages:
            return None
        index = int((x - self.plot().left()) // self.column())
        return index if 0 <= index < len(self.comparison.stages) else None

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self.comparison is not None and self.comparison.stages:
            self._paint_bands(painter)
            self._paint_scale(painter, pal)
            self._paint_curves(painter)
            self._paint_stage_names(painter, pal)
        painter.end()

    def _paint_bands(self, painter: QPainter) -> None:
        plot, width = self.plot(), self.column()
        painter.setFont(qfont(10, bold=True))
        for rank, index in enumerate(self.top, 1):
            left = plot.left() + index * width + 1.5  # neighbouring bands stay apart
            band = QRectF(left, plot.top() - 20, width - 3, plot.height() + 20)
            painter.fillRect(band, qcolor(HIGHLIGHT))
            painter.setPen(qcolor(HIGHLIGHT_INK))
            painter.drawText(
                QRectF(band.left(), band.top(), band.width(), 18),
                Qt.AlignmentFlag.AlignCenter,
                f"#{rank}",
            )

    def _paint_scale(self, painter: QPainter, pal: QPalette) -> None:
        plot = self.plot()
        painter.setFont(qfont(9))
        for score in range(EMOTION_MIN, EMOTION_MAX + 1):
            y = self.point(0, score).y()
            if score == 0:
                painter.setPen(QPen(qcolor(theme.NEUTRAL_LINE), 1.2, Qt.PenStyle.DashLine))
            else:
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 0.6, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            label = QRectF(plot.left() - LEFT, y - 8, LEFT - 6, 16)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight, score_label(score))

    def _line(self, values: tuple[float | None, ...]) -> QPainterPath:
        path = QPainterPath()
        drawing = False
        for i, value in enumerate(values):
            if value is None:
                drawing = False  # an unscored stage breaks the line
                continue
            p = self.point(i, value)
            path.lineTo(p) if drawing else path.moveTo(p)
            drawing = True
        return path

    def _paint_curves(self, painter: QPainter) -> None:
        assert self.comparison is not None
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(self.comparison.curves) > 1:  # their average: thin, dashed, behind them
            painter.setPen(QPen(qcolor(theme.MUTED_INK), 1.5, Qt.PenStyle.DashLine))
            painter.drawPath(self._line(self.comparison.means))
        for place, curve in enumerate(self.comparison.curves):
            style = self.curve_style(curve.persona, place)
            colour = qcolor(curve.persona.color)
            painter.setPen(self.curve_pen(style, colour))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._line(curve.averages))
            painter.setPen(QPen(qcolor("#ffffff"), 1.5))
            painter.setBrush(colour)
            for i, average in enumerate(curve.averages):
                if average is not None:
                    painter.drawPath(marker_path(style.marker, self.point(i, average), 4.5))

    def curve_style(self, persona, place: int) -> PersonaStyle:
        """The persona's look on the map (by its place there), else by its place here."""
        return self.styles.get(persona.id) or persona_style(persona, place)

    @staticmethod
    def curve_pen(style: PersonaStyle, colour) -> QPen:
        pen = QPen(colour, 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # a dotted curve's dots are round
        if style.dash:
            pen.setDashPattern(list(style.dash))  # (in line widths, as Qt counts them)
        return pen

    def _paint_stage_names(self, painter: QPainter, pal: QPalette) -> None:
        assert self.comparison is not None
        plot, width = self.plot(), self.column()
        painter.setFont(qfont(10))
        metrics = painter.fontMetrics()
        top = set(self.top)
        for i, stage in enumerate(self.comparison.stages):
            x = plot.left() + i * width
            ink = qcolor(HIGHLIGHT_INK) if i in top else pal.color(QPalette.ColorRole.Text)
            painter.setPen(ink)
            if not self.tilted():
                room = QRectF(x + 2, plot.bottom() + 6, width - 4, UPRIGHT_LABELS - 6)
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                text = metrics.elidedText(stage.name, Qt.TextElideMode.ElideRight, int(width - 4))
                painter.drawText(room, flags, text)
                continue
            # narrow columns: the name tilted, ending under its column
            text = metrics.elidedText(stage.name, Qt.TextElideMode.ElideRight, int(LABELS * 1.3))
            painter.save()
            painter.translate(x + width / 2 + 4, plot.bottom() + 8)
            painter.rotate(-35)
            advance = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(-advance, metrics.ascent() / 2), text)
            painter.restore()

    # ------------------------------------------------------------------ tooltips
    def mouseMoveEvent(self, event) -> None:
        index = self.stage_at(event.position().x())
        text = self.stage_tip(index) if index is not None else ""
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def stage_tip(self, index: int) -> str:
        """A stage's name and each persona's average there."""
        assert self.comparison is not None
        names = short_names([c.persona for c in self.comparison.curves])
        lines = [self.comparison.stages[index].name]
        for curve in self.comparison.curves:
            average = curve.averages[index]
            value = "not scored" if average is None else signed(average, 2)
            lines.append(f"{names[curve.persona.id]}: {value}")
        return "\n".join(lines)
