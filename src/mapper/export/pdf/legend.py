"""The legend: what the card colours, channel icons, badges and lines on the map mean."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.cards import PILL_TINT, confidence_ops
from mapper.export.pdf.draw import Text, baseline_in, draw_icon, rgb, round_rect, star, tint
from mapper.export.pdf.ops import Ops
from mapper.export.values import channel_label
from mapper.layout import theme
from mapper.layout.badges import sentiment_label
from mapper.layout.geometry import Rect
from mapper.layout.icons import icon_for
from mapper.layout.text import elide, text_width
from mapper.layout.wording import KIND_LABELS, legend_rows
from mapper.model import BUILTIN_CHANNELS, CardKind, Confidence, Creator, JourneyMap, Sentiment

SIZE = 7.5  # the largest legend text: never larger than the map's own
MIN_SIZE = 6.0
SWATCH = 10.0

Swatch = Callable[[Canvas, Rect, Text, float], None]


@dataclass(frozen=True)
class Item:
    label: str
    swatch: Swatch | None = None  # None: a group heading
    swatch_width: float = SWATCH

    def width(self, size: float = SIZE) -> float:
        if self.swatch is None:  # a heading
            return text_width(self.label, size, bold=True) + 5
        label = text_width(self.label, size) + 3 if self.label else 0
        return self.swatch_width + label + 9


def _kind(kind: CardKind) -> Swatch:
    def draw(canv: Canvas, r: Rect, text: Text, size: float) -> None:
        round_rect(canv, r, 2.5, fill=theme.KIND_FILLS[kind], stroke=theme.CARD_BORDER, width=0.6)

    return draw


def _channel(key: str) -> Swatch:
    def draw(canv: Canvas, r: Rect, text: Text, size: float) -> None:
        draw_icon(canv, icon_for(key), r, theme.MUTED_INK, weight=1.2)

    return draw


def _creator(creator: Creator) -> Swatch:
    """The card's creator pill itself: the label in its colour on a tint."""

    def draw(canv: Canvas, r: Rect, text: Text, size: float) -> None:
        colour = theme.CREATOR_COLORS[creator]
        pill = Rect(r.x, r.y - 1, r.width, r.height + 2)
        round_rect(canv, pill, pill.height / 2, fill=tint(colour, PILL_TINT))
        text.style(size, colour, bold=True)
        text.centre(
            pill.center[0],
            baseline_in(pill.y, pill.height, size),
            theme.CREATOR_LABELS[creator],
        )

    return draw


def _pill_width(creator: Creator) -> float:
    return text_width(theme.CREATOR_LABELS[creator], SIZE, bold=True) + 8


def _mark(sentiment: Sentiment, score: int) -> Swatch:
    def draw(canv: Canvas, r: Rect, text: Text, size: float) -> None:
        canv.setFillColor(rgb(theme.SENTIMENT_COLORS[sentiment]))
        canv.circle(*r.center, r.width / 2 + 1, stroke=0, fill=1)
        text.style(MIN_SIZE, "#ffffff", bold=True)
        text.centre(r.center[0], baseline_in(r.y, r.height, MIN_SIZE), sentiment_label(score))

    return draw


def _dots(filled: int) -> Swatch:
    def draw(canv: Canvas, r: Rect, text: Text, size: float) -> None:
        ops = Ops()
        confidence_ops(ops, r.x, r.center[1], r.width, filled, 2.4, rgb(theme.MUTED_INK))
        ops.flush(canv)

    return draw


def _star(canv: Canvas, r: Rect, text: Text, size: float) -> None:
    star(canv, r, theme.MOMENT_OF_TRUTH_COLOR)


def _line(colour: str, dashed: bool = False, arrow: bool = False, width: float = 2.0) -> Swatch:
    def draw(canv: Canvas, r: Rect, text: Text, size: float) -> None:
        canv.saveState()
        canv.setStrokeColor(rgb(colour))
        canv.setFillColor(rgb(colour))
        canv.setLineWidth(width)
        if dashed:
            canv.setDash(3, 2)
        y = r.center[1]
        canv.line(r.x, y, r.right - (4 if arrow else 0), y)
        canv.setDash()
        if arrow:
            path = canv.beginPath()
            path.moveTo(r.right, y)
            path.lineTo(r.right - 5, y - 2.6)
            path.lineTo(r.right - 5, y + 2.6)
            path.close()
            canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()

    return draw


def legend_items(journey: JourneyMap, has_curves: bool) -> list[Item]:
    cards = list(journey.cards())
    items: list[Item] = [Item("Cards")]
    kinds = {c.kind for c in cards} or {CardKind.TOUCHPOINT}
    items += [Item(KIND_LABELS[k], _kind(k), 14) for k in CardKind if k in kinds]
    used = {c.channel for c in cards if c.channel is not None}
    if used:
        items.append(Item("Channels"))
        known = [k for k in BUILTIN_CHANNELS if k in used]
        custom = sorted(used - set(known))
        items += [Item(channel_label(journey, k), _channel(k)) for k in known + custom]
    items.append(Item("Creator"))
    items += [Item("", _creator(c), _pill_width(c)) for c in Creator]
    items.append(Item("Emotion"))
    items += [
        Item("Pain point (\u22122 or lower)", _mark(Sentiment.PAIN, -3)),
        Item("Neutral", _mark(Sentiment.NEUTRAL, 0)),
        Item("Love point (+2 or higher)", _mark(Sentiment.LOVE, 3)),
    ]
    if has_curves:
        items += [
            Item("Above neutral", _line(theme.POSITIVE_CURVE), 16),
            Item("Below neutral (hollow points)", _line(theme.NEGATIVE_CURVE), 16),
        ]
    items.append(Item("Evidence"))
    items += [
        Item(theme.CONFIDENCE_LABELS[c], _dots(theme.CONFIDENCE_DOTS[c]), 18) for c in Confidence
    ]
    items += [
        Item("Moment of truth", _star),
        Item("Flow", _line(theme.FLOW, arrow=True, width=1.1), 18),
        Item("Loop back", _line(theme.FLOW, dashed=True, arrow=True, width=1.1), 18),
    ]
    return items


def legend_size(map_text: float) -> float:
    """The legend's text size beside a map whose card text prints at ``map_text`` points."""
    return max(MIN_SIZE, min(SIZE, map_text))


def _row(size: float) -> float:
    return max(SWATCH + 2, size * 1.65)


def _place(items: list[Item], width: float, size: float) -> list[tuple[float, int, Item]]:
    widths = [item.width(size) for item in items]
    spots = legend_rows(widths, [item.swatch is None for item in items], width)
    return [(x, row, item) for (x, row), item in zip(spots, items, strict=True)]


def legend_height(items: list[Item], width: float, size: float = SIZE) -> float:
    rows = 1 + max((row for _, row, _ in _place(items, width, size)), default=0)
    return rows * _row(size) + 6


def draw_legend(canv: Canvas, items: list[Item], rect: Rect, size: float = SIZE) -> None:
    """A compact strip under a rule: one row, or as few as the items need."""
    canv.setStrokeColor(rgb(theme.GRID_LINE))
    canv.setLineWidth(0.6)
    canv.line(rect.x, rect.y, rect.right, rect.y)
    text = Text(canv)
    top = rect.y + 4
    row_h = _row(size)
    for x, row, item in _place(items, rect.width, size):
        y = top + row * row_h
        left = rect.x + x
        if item.swatch is None:
            text.style(size, theme.INK, bold=True)
            text.at(left, baseline_in(y, row_h, size), item.label)
            continue
        height = SWATCH if item.swatch_width == SWATCH else SWATCH - 2  # wide ones: flatter
        swatch = Rect(left, y + (row_h - height) / 2, item.swatch_width, height)
        item.swatch(canv, swatch, text, size)
        text.style(size, theme.MUTED_INK)
        label = elide(item.label, rect.width, size)
        text.at(left + item.swatch_width + 3, baseline_in(y, row_h, size), label)
    text.draw()
