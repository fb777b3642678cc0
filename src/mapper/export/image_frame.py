"""The title above and the legend below the map in a PNG or SVG, painted with Qt.

The same words and marks as on paper, so a picture pasted into a slide or a wiki says
what it shows without Mapper beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from mapper.canvas.emotion_marks import paint_swatch
from mapper.canvas.painting import draw_lines, qcolor, qfont, star_polygon
from mapper.layout import theme
from mapper.layout.persona_style import PersonaStyle, styles_by_id
from mapper.layout.text import drawable, line_height, text_width, wrap
from mapper.layout.wording import KIND_LABELS, legend_rows
from mapper.model import CardKind, Creator, JourneyMap, Sentiment
from mapper.model.pain import lead_persona

TITLE_SIZE = 22.0
SUBTITLE_SIZE = 13.0
SIZE = 11.0  # legend text
ROW = 22.0
GAP = 14.0  # between the title, the map and the legend
PILL_ALPHA = 41  # creator pills: their colour at 16 % on white, as on the cards

Swatch = Callable[[QPainter, QRectF], None]


def one_line(text: str) -> str:
    """A map's text on one line, control characters drawn as spaces (as on the canvas)."""
    return " ".join(drawable(text).split())


@dataclass(frozen=True)
class Item:
    label: str
    swatch: Swatch | None = None  # None: a group heading
    swatch_width: float = 14.0

    def width(self) -> float:
        if self.swatch is None:
            return text_width(self.label, SIZE, bold=True) + 8
        label = text_width(self.label, SIZE) + 5 if self.label else 0
        return self.swatch_width + label + 16


class Frame:
    """The title lines and legend rows for a map ``width`` scene pixels wide."""

    def __init__(self, journey: JourneyMap, width: float, has_curves: bool) -> None:
        self.width = width
        info = journey.info
        title = one_line(info.title) or "Untitled journey"
        self.title, _ = wrap(title, width, TITLE_SIZE, max_lines=3, bold=True)
        parts = []
        if one_line(info.scenario.title):
            parts.append(f"Scenario: {one_line(info.scenario.title)}")
        if one_line(info.scenario.goal):
            parts.append(f"Goal: {one_line(info.scenario.goal)}")
        persona = lead_persona(journey)  # (a hidden persona shows nowhere on the map)
        if persona is not None:
            parts.append(f"Persona: {one_line(persona.name)}")
        self.subtitle: tuple[str, ...] = ()
        if parts:
            self.subtitle, _ = wrap("  \u00b7  ".join(parts), width, SUBTITLE_SIZE, max_lines=3)
        self.items = legend_items(journey, has_curves)
        self.placed = _place(self.items, width)

    @property
    def header_height(self) -> float:
        lines = len(self.title) * line_height(TITLE_SIZE)
        lines += len(self.subtitle) * line_height(SUBTITLE_SIZE)
        return lines + GAP

    @property
    def legend_height(self) -> float:
        rows = 1 + max((row for _, row, _ in self.placed), default=0)
        return GAP + rows * ROW

    def paint_header(self, painter: QPainter, x: float, y: float) -> None:
        painter.setPen(qcolor(theme.INK))
        y = draw_lines(painter, self.title, x, y, TITLE_SIZE, bold=True)
        painter.setPen(qcolor(theme.MUTED_INK))
        draw_lines(painter, self.subtitle, x, y, SUBTITLE_SIZE)

    def paint_legend(self, painter: QPainter, x: float, y: float) -> None:
        painter.setPen(QPen(qcolor(theme.GRID_LINE), 1))
        painter.drawLine(QPointF(x, y + GAP / 2), QPointF(x + self.width, y + GAP / 2))
        top = y + GAP
        for dx, row, item in self.placed:
            left, row_y = x + dx, top + row * ROW
            if item.swatch is None:
                painter.setPen(qcolor(theme.INK))
                draw_lines(painter, (item.label,), left, row_y + 2, SIZE, bold=True)
                continue
            box = QRectF(left, row_y + (ROW - 14) / 2, item.swatch_width, 14)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            item.swatch(painter, box)
            painter.restore()
            if item.label:
                painter.setPen(qcolor(theme.MUTED_INK))
                draw_lines(painter, (item.label,), box.right() + 5, row_y + 2, SIZE)


def _place(items: list[Item], width: float) -> list[tuple[float, int, Item]]:
    spots = legend_rows([i.width() for i in items], [i.swatch is None for i in items], width)
    return [(x, row, item) for (x, row), item in zip(spots, items, strict=True)]


def _kind(kind: CardKind) -> Swatch:
    def draw(painter: QPainter, r: QRectF) -> None:
        painter.setPen(QPen(qcolor(theme.CARD_BORDER), 1))
        painter.setBrush(qcolor(theme.KIND_FILLS[kind]))
        painter.drawRoundedRect(r.adjusted(0.5, 1.5, -0.5, -1.5), 3, 3)

    return draw


def _creator(creator: Creator) -> Swatch:
    def draw(painter: QPainter, r: QRectF) -> None:
        colour = theme.CREATOR_COLORS[creator]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_on_white(colour, PILL_ALPHA))
        painter.drawRoundedRect(r.adjusted(0, -2, 0, 2), (r.height() + 4) / 2, (r.height() + 4) / 2)
        painter.setPen(qcolor(colour))
        painter.setFont(qfont(SIZE - 1, bold=True))
        painter.drawText(r.adjusted(0, -2, 0, 2), Qt.AlignmentFlag.AlignCenter, _CREATORS[creator])

    return draw


_CREATORS = theme.CREATOR_LABELS


def _pill_width(creator: Creator) -> float:
    return text_width(_CREATORS[creator], SIZE - 1, bold=True) + 14


def _mark(sentiment: Sentiment) -> Swatch:
    def draw(painter: QPainter, r: QRectF) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(qcolor(theme.SENTIMENT_COLORS[sentiment]))
        painter.drawEllipse(r.center(), 6.5, 6.5)

    return draw


def _star(painter: QPainter, r: QRectF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(qcolor(theme.MOMENT_OF_TRUTH_COLOR))
    painter.drawPolygon(star_polygon(r.center(), 7.0))


def _line(colour: str, arrow: bool = False, width: float = 3.0) -> Swatch:
    def draw(painter: QPainter, r: QRectF) -> None:
        pen = QPen(qcolor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        y = r.center().y()
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right() - (5 if arrow else 0), y))
        if arrow:
            head = QPainterPath()
            head.addPolygon(
                QPolygonF(
                    [QPointF(r.right(), y), QPointF(r.right() - 7, y - 3.5),
                     QPointF(r.right() - 7, y + 3.5)]
                )
            )  # fmt: skip
            painter.fillPath(head, qcolor(colour))

    return draw


def _persona(style: PersonaStyle, active: bool) -> Swatch:
    def draw(painter: QPainter, r: QRectF) -> None:
        paint_swatch(painter, style, active, r)

    return draw


def _on_white(hex_colour: str, alpha: int) -> QColor:
    """``hex_colour`` at ``alpha`` over white, as an opaque colour (SVG readers agree)."""
    c = qcolor(hex_colour)
    k = alpha / 255
    return QColor(*(round(v * k + 255 * (1 - k)) for v in (c.red(), c.green(), c.blue())))


def _persona_items(journey: JourneyMap) -> list[Item]:
    """Each shown persona's curve: its line and marker (the active one green, then red)."""
    styles = styles_by_id(journey.personas)
    active = lead_persona(journey)
    scored = {pid for card in journey.cards() for pid in card.emotions}
    shown = [p for p in journey.personas if not p.hidden and p.id in scored]
    if not shown:
        return []
    items = [Item("Curves")]
    for p in shown:
        label = one_line(p.name) or "Unnamed"
        items.append(Item(label, _persona(styles[p.id], p is active), 30))
    return items


def legend_items(journey: JourneyMap, has_curves: bool) -> list[Item]:
    cards = list(journey.cards())
    items: list[Item] = [Item("Cards")]
    kinds = {c.kind for c in cards} or {CardKind.TOUCHPOINT}
    items += [Item(KIND_LABELS[k], _kind(k), 20) for k in CardKind if k in kinds]
    creators = [c for c in Creator if any(card.creator is c for card in cards)]
    if creators:
        items.append(Item("Creator"))
        items += [Item("", _creator(c), _pill_width(c)) for c in creators]
    items.append(Item("Emotion"))
    items += [
        Item("Pain point (\u22122 or lower)", _mark(Sentiment.PAIN)),
        Item("Neutral", _mark(Sentiment.NEUTRAL)),
        Item("Love point (+2 or higher)", _mark(Sentiment.LOVE)),
    ]
    if has_curves:
        items += [
            Item("Above neutral", _line(theme.POSITIVE_CURVE), 22),
            Item("Below neutral (hollow points)", _line(theme.NEGATIVE_CURVE), 22),
        ]
        items += _persona_items(journey)
    if any(c.moment_of_truth for c in cards):
        items.append(Item("Moment of truth", _star))
    if any(True for _ in journey.flows()):
        # in the colour the map's flows are drawn in (canvas.flow_item); a loop back is
        # drawn as a flow is, over the top of its cards (solid: only the PDF dashes it)
        items.append(Item("Flow", _line(theme.LIGHT.flow_line, arrow=True, width=1.6), 24))
    return items
