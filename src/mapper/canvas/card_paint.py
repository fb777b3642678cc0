"""What a card draws, worked out once per card and theme instead of on every paint.

A big map's first frame paints every card on screen, and each paint was mostly Python
working out the same pens, colours, text baselines and badge shapes again. A
:class:`CardLook` holds them as Qt objects, and the badges as the painter calls they
make, so a paint is the drawing calls alone, the same ones in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from mapper.canvas.channel_marks import icon_calls
from mapper.canvas.painting import (
    READ_BY_TEXT,
    qcolor,
    shared_font,
    star_polygon,
    text_origins,
)
from mapper.layout import CardBox, icons
from mapper.layout import theme as th
from mapper.layout.boxes import only_moved
from mapper.layout.metric_lines import CARD_METRICS_SIZE
from mapper.layout.text import line_height
from mapper.layout.theme import Theme
from mapper.model import CardKind, Confidence, Creator

RADIUS = 6.0
SHADOW = 3.0
PAD = 8.0
METRICS_DETAIL = 0.6  # below this zoom the metrics line is too small to read: left out
METRICS_STEP = line_height(CARD_METRICS_SIZE)
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_CENTER = Qt.AlignmentFlag.AlignCenter

Calls = tuple[tuple[Callable[..., Any], tuple[Any, ...]], ...]


@lru_cache(maxsize=256)
def pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen made once (painters copy what they are given)."""
    return QPen(qcolor(color), width, style)


class Frame:
    """What every card of one kind and size draws alike in a theme: shared by them."""

    __slots__ = ("fill", "focus", "fonts", "highlight", "ink", "muted", "pens", "rect",
                 "shadow", "shadow_fill", "stripe")  # fmt: skip

    def __init__(self, colors: Theme, kind: CardKind, width: float, height: float) -> None:
        self.rect = rect = QRectF(0, 0, width, height)
        self.shadow = rect.translated(0, SHADOW - 1)
        self.shadow_fill = qcolor("#000000", colors.shadow_alpha)
        self.pens = (pen(colors.card_border, 1.0), pen(colors.selection, 2.0))
        self.fill = qcolor(colors.kind_fills[kind])
        self.highlight = (pen(colors.highlight, 4), rect.adjusted(-3, -3, 3, 3))
        self.focus = (pen(colors.ink, 1.6, Qt.PenStyle.DashLine), rect.adjusted(-4, -4, 4, 4))
        self.stripe = QPainterPath()
        self.stripe.addRoundedRect(QRectF(0.5, 0.5, 5, height - 1), 3, 3)
        self.ink = qcolor(colors.ink)
        self.muted = qcolor(colors.muted_ink)  # the metrics line, in this look's own grey
        self.fonts = (shared_font(12), shared_font(CARD_METRICS_SIZE))


_frame = lru_cache(maxsize=512)(Frame)


class CardLook:
    """A card's pens, colours, shapes and text places in one theme, for a box of its size
    and text (it still fits the card after a move: ``box`` follows it)."""

    __slots__ = ("badges", "box", "colors", "dpi", "frame", "metrics", "title")

    def __init__(self, box: CardBox, colors: Theme, painter: QPainter) -> None:
        card, r = box.card, box.rect
        self.box, self.colors = box, colors
        self.frame = _frame(colors, card.kind, r.width, r.height)
        lines = box.title_lines
        self.title = tuple(zip(_baselines(len(lines), 12), lines, strict=True))
        bottom = PAD + len(lines) * line_height(12)
        self.metrics = (_baselines(1, CARD_METRICS_SIZE, bottom)[0], box.metrics)
        if box.metrics:
            bottom += METRICS_STEP
        self.dpi: tuple[int, int] | None = None
        self.badges: Calls = ()
        if box.has_badges:
            pill = 0
            if card.creator:  # a pill's text is measured as the painter measures, on its device
                self.dpi = _dpi(painter)
                pill = _pill_width(th.CREATOR_LABELS[card.creator], self.dpi, painter)
            self.badges = _badges(
                colors, card.kind, card.channel, card.creator, card.confidence,
                card.moment_of_truth, bottom + 2, r.width - 2 * PAD, pill,
            )  # fmt: skip

    def fits(self, box: CardBox, colors: Theme, painter: QPainter) -> bool:
        """Whether this look still draws ``box`` (moved along at most) in ``colors``."""
        if colors is not self.colors:
            return False
        if box is not self.box:
            if not only_moved(self.box, box):
                return False
            self.box = box
        return self.dpi is None or self.dpi == _dpi(painter)


@lru_cache(maxsize=256)
def _baselines(count: int, size: float, top: float = PAD) -> tuple[QPointF, ...]:
    return tuple(origin for origin, _ in text_origins(("",) * count, PAD, top, size))


@lru_cache(maxsize=4096)
def _badges(
    colors: Theme,
    kind: CardKind,
    channel: str | None,
    creator: Creator | None,
    confidence: Confidence | None,
    moment: bool,
    y: float,
    width: float,
    pill_width: int,
) -> Calls:
    """The painter calls of a card's badge row; ``pill_width`` is the creator label's."""
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
    x = PAD
    if channel:
        calls.append((QPainter.save, ()))
        calls.append((QPainter.translate, (QPointF(x, y),)))
        scale = 14 / icons.ICON_BOX
        calls.append((QPainter.scale, (scale, scale)))
        calls.extend(icon_calls(channel, colors.muted_on(colors.kind_fills[kind])))
        calls.append((QPainter.restore, ()))
        x += 20
    if creator:
        label = th.CREATOR_LABELS[creator]
        pill = QRectF(x, y, pill_width + 10, 15)
        calls.append((QPainter.setFont, (shared_font(10, True),)))
        calls.append((QPainter.setPen, (_NO_PEN,)))
        calls.append((QPainter.setBrush, (qcolor(colors.creator[creator], colors.pill_alpha),)))
        calls.append((QPainter.drawRoundedRect, (pill, 7, 7)))
        calls.append((QPainter.setPen, (qcolor(colors.creator[creator]),)))
        calls.append((QPainter.drawText, (pill, _CENTER, label)))
    right = x + width - 20 if channel else x + width
    if confidence is not None:
        filled = th.CONFIDENCE_DOTS[confidence]
        muted = qcolor(colors.muted_ink)
        calls.append((QPainter.setPen, (pen(colors.muted_ink, 1),)))
        for i in range(3):
            calls.append((QPainter.setBrush, (muted if i < filled else _NO_BRUSH,)))
            calls.append((QPainter.drawEllipse, (QRectF(right - 30 + i * 10, y + 4, 7, 7),)))
        right -= 36
    if moment:
        calls.append((QPainter.setPen, (_NO_PEN,)))
        calls.append((QPainter.setBrush, (qcolor(colors.moment_of_truth),)))
        calls.append((QPainter.drawPolygon, (star_polygon(QPointF(right - 8, y + 7.5), 7.5),)))
    return tuple(calls)


_PILL_WIDTHS: dict[tuple[str, tuple[int, int]], int] = {}


def _pill_width(label: str, dpi: tuple[int, int], painter: QPainter) -> int:
    """``label``'s width in the pill's font on ``painter``'s device (measured once a device)."""
    width = _PILL_WIDTHS.get((label, dpi))
    if width is None:
        painter.setFont(shared_font(10, True))
        width = _PILL_WIDTHS[label, dpi] = painter.fontMetrics().horizontalAdvance(label)
    return width


def _dpi(painter: QPainter) -> tuple[int, int]:
    device = painter.device()
    return (device.logicalDpiX(), device.logicalDpiY()) if device is not None else (0, 0)


def paint_card(
    painter: QPainter,
    look: CardLook,
    selected: bool,
    detail: float,
    color: QColor | None,
    highlighted: bool,
    focused: bool,
) -> None:
    """Draw a card from its look: ``color`` is its sentiment stripe's, if it has one."""
    frame = look.frame
    painter.setPen(_NO_PEN)
    painter.setBrush(frame.shadow_fill)
    painter.drawRoundedRect(frame.shadow, RADIUS, RADIUS)
    painter.setPen(frame.pens[selected])
    painter.setBrush(frame.fill)
    painter.drawRoundedRect(frame.rect, RADIUS, RADIUS)
    if highlighted:
        painter.setPen(frame.highlight[0])
        painter.setBrush(_NO_BRUSH)
        painter.drawRoundedRect(frame.highlight[1], RADIUS + 2, RADIUS + 2)
    if focused:
        painter.setPen(frame.focus[0])
        painter.setBrush(_NO_BRUSH)
        painter.drawRoundedRect(frame.focus[1], RADIUS + 3, RADIUS + 3)
    if color is not None:
        painter.fillPath(frame.stripe, color)
    if detail < 0.35:
        return  # too small to read: colour only
    painter.setPen(frame.ink)
    painter.setFont(frame.fonts[0])
    painter.setLayoutDirection(READ_BY_TEXT)
    for origin, line in look.title:
        painter.drawText(origin, line)
    if look.box.metrics and detail >= METRICS_DETAIL:
        painter.setPen(frame.muted)
        painter.setFont(frame.fonts[1])
        painter.drawText(*look.metrics)
    for call, args in look.badges:
        call(painter, *args)
