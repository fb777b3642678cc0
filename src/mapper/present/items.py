"""What the presentation canvas draws: the grid, the cards and the emotion curves, all
from the present layout. Nothing here reacts to the mouse; the view turns a click into
"show this card's details"."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.emotion_marks import marker_path
from mapper.canvas.painting import draw_lines, qcolor, qfont, qrect, star_polygon
from mapper.layout.blueprint import DASHES, line_above
from mapper.layout.persona_style import PersonaStyle, hollow, persona_style
from mapper.layout.text import elide, line_height, text_width
from mapper.model import EMOTION_MAX, EMOTION_MIN, sentiment_of
from mapper.present.labels import score_label
from mapper.present.room_layout import CardSlot, PresentLayout
from mapper.present.theme import Palette

RADIUS = 8.0
BLUEPRINT_WIDTH = 3.0  # a blueprint line, bold enough for the back of the room
STRIPE = 6.0


class _Painted(QGraphicsItem):
    def __init__(self, bounds: QRectF, z: float) -> None:
        super().__init__()
        self._bounds = bounds
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._bounds


class GridItem(_Painted):
    """Stage columns in their colours, lane rows, the emotion scale and a service
    blueprint's lines (on the row boundaries: the lane strip names the lanes)."""

    def __init__(self, layout: PresentLayout, palette: Palette) -> None:
        super().__init__(qrect(layout.bounds), -10)
        self.layout, self.palette = layout, palette

    def paint(self, painter: QPainter, option, widget=None) -> None:
        layout, pal = self.layout, self.palette
        if pal.stage_fill_alpha:
            for column in layout.stages:
                painter.fillRect(
                    qrect(column.column), qcolor(column.stage.color, pal.stage_fill_alpha)
                )
        painter.setPen(QPen(qcolor(pal.faint), 1.5))
        for row in layout.lanes:
            painter.drawLine(QLineF(0, row.row.bottom, layout.width, row.row.bottom))
        for column in layout.stages:
            x = column.column.right
            painter.drawLine(QLineF(x, 0, x, layout.height))
        lines = line_above([row.lane for row in layout.lanes])
        for row in layout.lanes:
            kind = lines.get(row.lane.id)
            if kind is not None:
                pen = QPen(qcolor(pal.ink), BLUEPRINT_WIDTH)
                if DASHES[kind]:
                    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                    pen.setDashPattern([2 * d / BLUEPRINT_WIDTH for d in DASHES[kind]])
                painter.setPen(pen)
                painter.drawLine(QLineF(0, row.row.y, layout.width, row.row.y))
        if layout.emotion_row is not None:
            band = layout.emotion_row.row
            for score in range(EMOTION_MIN, EMOTION_MAX + 1):
                y = layout.emotion_y(score)
                style = Qt.PenStyle.DashLine if score == 0 else Qt.PenStyle.DotLine
                width = 2.0 if score == 0 else 1.0
                painter.setPen(QPen(qcolor(pal.muted if score == 0 else pal.faint), width, style))
                painter.drawLine(QLineF(band.x, y, band.right, y))


class CardTile(_Painted):
    """A card as the room sees it: title, channel and creator, the lead persona's score."""

    def __init__(self, slot: CardSlot, layout: PresentLayout, palette: Palette) -> None:
        r = slot.rect
        super().__init__(QRectF(-3, -3, r.width + 8, r.height + 9), 10)
        self.slot, self.style, self.palette = slot, layout.style, palette
        self.setPos(r.x, r.y)

    @property
    def card_id(self) -> str:
        return self.slot.card.id

    def paint(self, painter: QPainter, option, widget=None) -> None:
        slot, pal, style = self.slot, self.palette, self.style
        card, r = slot.card, slot.rect
        rect = QRectF(0, 0, r.width, r.height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not pal.high_contrast:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor("#000000", 22))
            painter.drawRoundedRect(rect.translated(0, 3), RADIUS, RADIUS)
        painter.setPen(QPen(qcolor(pal.card_border), pal.card_border_width))
        painter.setBrush(qcolor(pal.kind_fills[card.kind]))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        sentiment = sentiment_of(slot.score)
        if slot.score is not None and sentiment.value != "neutral":
            stripe = QPainterPath()
            stripe.addRoundedRect(QRectF(0.5, 0.5, STRIPE, r.height - 1), 3, 3)
            painter.fillPath(stripe, qcolor(pal.sentiment[sentiment]))
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if style.title_size * detail < 9:
            return  # too small to read (the overview): a calm block, not a smudge of text
        pad = style.card_padding
        left = pad + STRIPE
        painter.setPen(qcolor(pal.ink))
        bottom = draw_lines(painter, slot.title_lines, left, pad, style.title_size)
        if not (slot.meta or slot.score is not None or card.moment_of_truth):
            return
        size = style.meta_size
        y = bottom + 6
        right = r.width - pad
        if slot.score is not None:
            right = self._paint_score(painter, slot.score, right, y, size)
        if card.moment_of_truth:
            star = size * 1.05
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(pal.star))
            painter.drawPolygon(
                star_polygon(QPointF(right - star / 2, y + line_height(size) / 2), star / 2)
            )
            right -= star + 6
        if slot.meta:
            painter.setPen(qcolor(pal.muted))
            text = elide(slot.meta, max(right - left - 4, 0), size)
            draw_lines(painter, (text,), left, y, size)

    def _paint_score(self, painter: QPainter, score: int, right: float, y: float, size: float):
        """A pill with the score, in the sentiment colour; returns the space left of it."""
        pal = self.palette
        label = score_label(score)
        width = text_width(label, size, bold=True) + size
        height = line_height(size)
        pill = QRectF(right - width, y, width, height)
        color = qcolor(pal.sentiment[sentiment_of(score)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(qcolor("#ffffff"))
        painter.setFont(qfont(size, bold=True))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        return pill.left() - 8


class CurvesItem(_Painted):
    """The shown personas' emotion curves on the map; the lead persona's drawn boldest."""

    def __init__(self, layout: PresentLayout, palette: Palette, lead: str | None) -> None:
        assert layout.emotion_row is not None
        super().__init__(qrect(layout.emotion_row.row).adjusted(-40, -40, 40, 40), 40)
        self.layout, self.palette, self.lead = layout, palette, lead

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        several = len(self.layout.curves) > 1
        ordered = sorted(self.layout.curves, key=lambda c: c.persona.id == self.lead)
        # zoomed out (the overview) lines and points keep a visible size on screen
        grow = max(1.0, 0.5 / option.levelOfDetailFromTransform(painter.worldTransform()))
        for curve in ordered:
            lead = curve.persona.id == self.lead
            style = self.layout.persona_styles.get(curve.persona.id) or persona_style(
                curve.persona, 0
            )
            path = QPainterPath()
            for _, seg in curve.segments:
                if path.isEmpty() or path.currentPosition() != QPointF(*seg.p0):
                    path.moveTo(QPointF(*seg.p0))
                path.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), QPointF(*seg.p3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            coloured = lead or not several
            painter.setPen(self._pen(style, coloured, (5.0 if lead else 3.0) * grow))
            painter.drawPath(path)
            for _, score, (x, y), _ in curve.points:
                radius = (8.0 if lead else 6.0) * grow
                paint_point(painter, self.palette, style, coloured, score, QPointF(x, y), radius,
                            2.5 * grow)  # fmt: skip

    def _pen(self, style: PersonaStyle, coloured: bool, width: float) -> QPen:
        pen = self._coloured_pen(width) if coloured else QPen(qcolor(style.color, 190), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if style.dash:  # told apart without relying on colour, as on the canvas and paper
            pen.setDashPattern(list(style.dash))
        return pen

    def _coloured_pen(self, width: float) -> QPen:
        row = self.layout.emotion_row
        assert row is not None
        top, bottom = row.row.y, row.row.bottom
        stop = (self.layout.emotion_y(0) - top) / max(bottom - top, 1)
        gradient = QLinearGradient(0, top, 0, bottom)
        gradient.setColorAt(0, qcolor(self.palette.positive))
        gradient.setColorAt(max(0.0, stop - 0.001), qcolor(self.palette.positive))
        gradient.setColorAt(min(1.0, stop + 0.001), qcolor(self.palette.negative))
        gradient.setColorAt(1, qcolor(self.palette.negative))
        return QPen(QBrush(gradient), width)


def paint_point(
    painter: QPainter,
    palette: Palette,
    style: PersonaStyle,
    coloured: bool,
    score: int,
    center: QPointF,
    radius: float,
    ring: float,
) -> None:
    """A curve point in the persona's marker shape: the lead persona's in its sentiment's
    colour, hollow below neutral; the others' in the persona's colour."""
    if not coloured:
        painter.setPen(QPen(qcolor(palette.background), ring))
        painter.setBrush(qcolor(style.color))
    elif hollow(score, coloured):
        painter.setPen(QPen(qcolor(palette.sentiment[sentiment_of(score)]), ring * 1.2))
        painter.setBrush(qcolor(palette.background))
    else:
        painter.setPen(QPen(qcolor(palette.background), ring))
        painter.setBrush(qcolor(palette.sentiment[sentiment_of(score)]))
    painter.drawPath(marker_path(style.marker, center, radius))
