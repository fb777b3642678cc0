"""The emotion chapter: the shown personas' curves across the whole screen, revealed one
stage at a time, the newest stage's high and low points named."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QLineF, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.geometry import smooth_curve
from mapper.layout.text import elide, line_height, text_width
from mapper.model import EMOTION_MAX, EMOTION_MIN, sentiment_of
from mapper.present.deck import Deck
from mapper.present.emotion_key import and_list, curve_style, paint_key
from mapper.present.items import paint_point
from mapper.present.labels import score_label
from mapper.present.room_layout import PresentLayout
from mapper.present.steps import Step, StepKind
from mapper.present.theme import DESIGN_HEIGHT, Palette

REVEAL_MS = 650
Span = tuple[float, float]  # a stage's left and right on the chart
LABEL = 20.0


@dataclass(frozen=True)
class ChartPoint:
    card_title: str
    score: int
    x: float
    y: float
    stage_index: int


class EmotionSlide(QWidget):
    def __init__(self, deck: Deck, layout: PresentLayout, palette: Palette, parent=None):
        super().__init__(parent)
        self.deck, self.room, self.theme = deck, layout, palette
        self.text_scale = 1.0
        self.reveal = 0.0  # stages shown, fractional while the curve grows
        self.newest = -1
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(REVEAL_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._grow)

    def set_look(self, layout: PresentLayout, palette: Palette, text_scale: float) -> None:
        self.room, self.theme, self.text_scale = layout, palette, text_scale
        self.update()

    def show_step(self, step: Step, animate: bool, grow_from_nothing: bool = False) -> None:
        """``grow_from_nothing``: arriving from the stages, so the first stage's curve grows
        from nothing instead of from where the curve last was."""
        if step.kind is not StepKind.EMOTION:
            return
        target = float(step.stage_index + 1)
        start = target - 1 if grow_from_nothing else self.reveal
        self.newest = step.stage_index
        self._animation.stop()
        if animate and abs(start - target) > 1e-6:
            self._animation.setStartValue(start)
            self._animation.setEndValue(target)
            self._animation.start()
        else:
            self.reveal = target
        self.update()

    def finish(self) -> None:
        if self._animation.state() == QVariantAnimation.State.Running:
            self._animation.stop()
            self.reveal = float(self.newest + 1)
            self.update()

    def _grow(self, value: float) -> None:
        self.reveal = float(value)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        paint_emotion(
            painter,
            QRectF(self.rect()),
            self.deck,
            self.room,
            self.theme,
            self.text_scale,
            self.reveal,
            self.newest,
        )
        painter.end()


def paint_emotion(
    painter: QPainter,
    rect: QRectF,
    deck: Deck,
    layout: PresentLayout,
    pal: Palette,
    text_scale: float,
    reveal: float,
    newest: int,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, qcolor(pal.background))
    g = rect.height() / DESIGN_HEIGHT  # geometry unit
    u = g * text_scale  # text unit
    left, top = rect.left() + 90 * g, rect.top() + 60 * g
    painter.setPen(qcolor(pal.ink))
    y = draw_lines(painter, ("How it feels",), left, top, 44 * u, bold=True) + 8 * u
    # (each name ends its own run: two right-to-left names side by side kept their order)
    names = and_list([f"{p.name}\u200e" for p in deck.content.personas])
    painter.setPen(qcolor(pal.muted))
    draw_lines(
        painter,
        (elide(f"{names}, stage by stage", rect.width() - 2 * left, 24 * u),),
        left,
        y,
        24 * u,
    )
    header_top = y + line_height(24 * u) + 40 * u
    chart = QRectF(
        left + 60 * g,
        header_top + line_height(25 * u) + 30 * u,
        rect.right() - 90 * g - left - 60 * g,
        0,
    )
    chart.setBottom(rect.bottom() - 150 * g)  # room for the minimap
    if chart.height() < 80 * g or not layout.stages:
        return
    spans = _stage_spans(layout, chart)
    _paint_columns(painter, layout, spans, chart, header_top, pal, u, reveal, newest)
    # the curve keeps a label's height from the chart's edges, for the labels of its ends
    room = line_height(LABEL * u) + 12 * u + 24 * g
    plot = chart.adjusted(0, room, 0, -room)
    _paint_scale(painter, plot, pal, u)
    points = _points(layout, plot)
    painter.save()
    clip_x = _reveal_x(spans, reveal)
    painter.setClipRect(QRectF(rect.left(), rect.top(), clip_x - rect.left(), rect.height()))
    _paint_curves(painter, layout, points, deck.lead, plot, pal, g)
    painter.restore()
    if deck.lead in points and newest >= 0 and reveal >= newest + 1 - 1e-6:
        newest_points = [p for p in points[deck.lead] if p.stage_index == newest]
        _label_extremes(painter, newest_points, spans[newest], plot, pal, u, g)
    if len(layout.curves) > 1:  # the key right of the title, never over it
        title_right = left + text_width("How it feels", 44 * u, bold=True)
        paint_key(painter, deck, layout, rect, (title_right + 40 * u, top), pal, (u, g))


def _paint_curves(
    painter: QPainter,
    layout: PresentLayout,
    points: dict[str, list[ChartPoint]],
    lead_id: str | None,
    plot: QRectF,
    pal: Palette,
    g: float,
) -> None:
    """Each shown persona's curve and points; the lead persona's on top, in green above
    neutral and red below, the others in their own colours; each in its own dash and
    marker shape."""
    several = len(layout.curves) > 1
    for curve in sorted(layout.curves, key=lambda c: c.persona.id == lead_id):
        lead = curve.persona.id == lead_id
        style = curve_style(layout, curve.persona)
        pts = points[curve.persona.id]
        path = QPainterPath()
        for seg in smooth_curve([(p.x, p.y) for p in pts]):
            if path.isEmpty():
                path.moveTo(QPointF(*seg.p0))
            path.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), QPointF(*seg.p3))
        width = (7 if lead else 4) * g
        coloured = lead or not several
        if coloured:
            pen = QPen(QBrush(_gradient(plot, pal)), width)
        else:
            pen = QPen(qcolor(style.color, 200), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if style.dash:
            pen.setDashPattern(list(style.dash))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for p in pts:
            radius = (11 if lead else 8) * g
            paint_point(painter, pal, style, coloured, p.score, QPointF(p.x, p.y), radius, 3 * g)


def _stage_spans(layout: PresentLayout, chart: QRectF) -> list[Span]:
    scale = chart.width() / max(layout.width, 1)
    return [
        (chart.left() + c.column.x * scale, chart.left() + c.column.right * scale)
        for c in layout.stages
    ]


def _reveal_x(spans: list[Span], reveal: float) -> float:
    whole = int(reveal)
    if whole >= len(spans):
        return spans[-1][1] + 40
    x0, x1 = spans[whole]
    return x0 + (x1 - x0) * (reveal - whole)


def _y(chart: QRectF, score: float) -> float:
    return chart.top() + (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN) * chart.height()


def _points(layout: PresentLayout, chart: QRectF) -> dict[str, list[ChartPoint]]:
    """The map's curve points stretched over the chart (same order, same spread)."""
    result: dict[str, list[ChartPoint]] = {}
    scale = chart.width() / max(layout.width, 1)
    for curve in layout.curves:
        pts = []
        for card_id, score, (x, _), stage_index in curve.points:
            slot = layout.cards.get(card_id)
            title = slot.card.title if slot else ""
            pts.append(
                ChartPoint(title, score, chart.left() + x * scale, _y(chart, score), stage_index)
            )
        result[curve.persona.id] = pts
    return result


def _gradient(chart: QRectF, pal: Palette) -> QLinearGradient:
    gradient = QLinearGradient(0, chart.top(), 0, chart.bottom())
    gradient.setColorAt(0, qcolor(pal.positive))
    gradient.setColorAt(0.499, qcolor(pal.positive))
    gradient.setColorAt(0.501, qcolor(pal.negative))
    gradient.setColorAt(1, qcolor(pal.negative))
    return gradient


def _paint_columns(
    painter: QPainter,
    layout: PresentLayout,
    spans: list[Span],
    chart: QRectF,
    header_top: float,
    pal: Palette,
    u: float,
    reveal: float,
    newest: int,
) -> None:
    size = 25 * u
    for column, (x0, x1) in zip(layout.stages, spans, strict=True):  # one size that fits all
        needed = text_width(column.stage.name, size, bold=True)
        size = max(0.75 * 25 * u, min(size, size * (x1 - x0 - 16 * u) / max(needed, 1)))
    for i, (x0, x1) in enumerate(spans):
        shown = i < reveal - 1e-6
        if i == newest:
            painter.fillRect(
                QRectF(x0, chart.top() - 12 * u, x1 - x0, chart.height() + 24 * u),
                qcolor(pal.accent, 28 if not pal.high_contrast else 40),
            )
        painter.setPen(QPen(qcolor(pal.faint), 1.5))
        if i:
            painter.drawLine(QLineF(x0, chart.top(), x0, chart.bottom()))
        name = elide(layout.stages[i].stage.name, x1 - x0 - 16 * u, size, bold=True)
        painter.setPen(qcolor(pal.ink if shown else pal.faint))
        width = text_width(name, size, bold=True)
        draw_lines(painter, (name,), (x0 + x1 - width) / 2, header_top, size, bold=True)


def _paint_scale(painter: QPainter, chart: QRectF, pal: Palette, u: float) -> None:
    size = 18 * u
    for score in range(EMOTION_MIN, EMOTION_MAX + 1):
        y = _y(chart, score)
        if score == 0:
            painter.setPen(QPen(qcolor(pal.muted), 2, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(qcolor(pal.faint), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(chart.left(), y, chart.right(), y))
        if score in (EMOTION_MIN, 0, EMOTION_MAX):
            label = score_label(score)
            painter.setPen(qcolor(pal.muted))
            w = text_width(label, size, bold=True)
            draw_lines(
                painter,
                (label,),
                chart.left() - 16 * u - w,
                y - line_height(size) / 2,
                size,
                bold=True,
            )


def _label_extremes(
    painter: QPainter,
    points: list[ChartPoint],
    span: Span,
    plot: QRectF,
    pal: Palette,
    u: float,
    g: float,
) -> None:
    """Name the newest stage's best and worst moments above and below their points."""
    if not points:
        return
    low = min(points, key=lambda p: p.score)
    high = max(points, key=lambda p: p.score)
    size = LABEL * u
    for p, above in ((high, True), (low, False)):
        if not above and (p is high or p.score >= 0):
            continue  # one point, or nothing low to point out
        text = f"{p.card_title}  {score_label(p.score)}"
        text = elide(text, min(plot.width(), (span[1] - span[0]) * 2.2), size, bold=True)
        width = text_width(text, size, bold=True) + 24 * u
        height = line_height(size) + 12 * u
        x = min(max(p.x - width / 2, plot.left()), plot.right() - width)
        y = p.y - 16 * g - height if above else p.y + 16 * g
        box = QRectF(x, y, width, height)
        painter.setPen(QPen(qcolor(pal.sentiment[sentiment_of(p.score)]), 2 * g))
        painter.setBrush(qcolor(pal.chrome))
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(qcolor(pal.ink))
        draw_lines(painter, (text,), x + 12 * u, y + 6 * u, size, bold=True)
