"""Cards: rounded boxes in their kind's colour, wrapped titles, the metrics line (as on the
canvas, where View > Card Metrics is on by default) and the badge row."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reportlab.lib.colors import Color

from mapper.export.pdf.draw import Text, baseline_in, rgb, tint
from mapper.export.pdf.markup import safe_url
from mapper.export.pdf.ops import Ops, draw_icon_ops, place
from mapper.layout import icons, theme
from mapper.layout.badges import (
    DOT_RADIUS,
    MARK_TEXT_SIZE,
    PILL_TEXT_SIZE,
    Badge,
    BadgeKind,
    card_badges,
    title_baselines,
)
from mapper.layout.grid import CardBox, Style
from mapper.layout.metric_lines import CARD_METRICS_SIZE, card_metrics_baseline
from mapper.model import CardKind, Persona, Sentiment
from mapper.model.analysis import card_mark

RADIUS = 6.0
SHADOW = "#dde2e8"
SHADOW_OFFSET = 1.4
BORDER_WIDTH = 0.8
MOMENT_BORDER_WIDTH = 1.6
PILL_TINT = 0.84  # creator pills: their colour at 16% on white, as on the canvas
STRIPE = 5.0  # pain / love points: a stripe in the sentiment colour on the left edge


def draw_cards(
    ops: Ops,
    text: Text,
    boxes: list[CardBox],
    style: Style,
    persona_id: str | None,
    min_size: float = 0.0,
    shown: Sequence[Persona] = (),
) -> None:
    """Bodies (with their shadows), sentiment stripes, moment-of-truth borders, badges;
    titles and badge labels go to ``text``. Repeated shapes are stamps (see ``place``).

    Text smaller than ``min_size`` (map pixels) would be unreadable where the map is
    printed this small: titles become grey bars the length of their lines, badge labels
    are left out (and the badges too, when even the creator labels are unreadable)."""
    if not boxes:
        return
    if min_size > 3 * style.title_size:  # a card is a speck: one flat block per card
        _specks(ops, boxes)
        return
    ops.save()
    for box in boxes:
        r, kind = box.rect, box.card.kind
        key = f"card-{r.width:.2f}x{r.height:.2f}-{kind.value}"
        place(ops, key, (r.width, r.height), partial(_card_body, r.width, r.height, kind), r.x, r.y)
    _stripes(ops, boxes, persona_id, shown)
    for box in boxes:
        if box.card.moment_of_truth and box.card.kind is CardKind.TOUCHPOINT:
            r = box.rect
            key = f"moment-{r.width:.2f}x{r.height:.2f}"
            place(ops, key, (r.width, r.height), partial(_moment, r.width, r.height), r.x, r.y)
    if min_size <= PILL_TEXT_SIZE:  # else a miniature: badges would be specks
        badges = [b for box in boxes if box.has_badges for b in card_badges(box, style, persona_id)]
        _badges(ops, badges, text, min_size)
    if style.title_size < min_size:
        _title_bars(ops, boxes, style)
    ops.restore()
    if style.title_size < min_size:
        return

    text.style(style.title_size, theme.INK)
    for box in boxes:
        x = box.rect.x + style.card_padding
        for line, baseline in zip(box.title_lines, title_baselines(box, style), strict=True):
            text.at(x, baseline, line)
    if min_size > CARD_METRICS_SIZE:
        return
    text.style(CARD_METRICS_SIZE, theme.MUTED_INK)
    for box in boxes:
        if box.metrics:
            text.at(box.rect.x + style.card_padding, card_metrics_baseline(box, style), box.metrics)


def _card_body(width: float, height: float, kind: CardKind, ops: Ops) -> None:
    """A card's shadow and its outlined body in its kind's colour, at the origin."""
    ops.fill_color(rgb(SHADOW))
    ops.round_rect(0, SHADOW_OFFSET, width, height, RADIUS)
    ops.fill()
    ops.stroke_color(rgb(theme.CARD_BORDER))
    ops.line_width(BORDER_WIDTH)
    ops.fill_color(rgb(theme.KIND_FILLS[kind]))
    ops.round_rect(0, 0, width, height, RADIUS)
    ops.fill_stroke()


def _moment(width: float, height: float, ops: Ops) -> None:
    """The thick border of a moment of truth."""
    ops.stroke_color(rgb(theme.MOMENT_OF_TRUTH_COLOR))
    ops.line_width(MOMENT_BORDER_WIDTH)
    ops.round_rect(0, 0, width, height, RADIUS)
    ops.stroke()


def _stripes(
    ops: Ops, boxes: list[CardBox], persona_id: str | None, shown: Sequence[Persona]
) -> None:
    """The canvas's stripe: pain points (for the ``shown`` personas) and the persona's love
    points get a coloured left edge."""
    for box in boxes:
        sentiment = card_mark(box.card, shown, persona_id)
        if sentiment in (Sentiment.PAIN, Sentiment.LOVE):
            r = box.rect
            key = f"stripe-{sentiment.value}-{r.height:.2f}"
            draw = partial(_stripe, r.height, theme.SENTIMENT_COLORS[sentiment])
            place(ops, key, (STRIPE + 1, r.height), draw, r.x, r.y)


def _stripe(height: float, colour: str, ops: Ops) -> None:
    ops.fill_color(rgb(colour))
    ops.round_rect(0.5, 0.5, STRIPE, height - 1, 3)
    ops.fill()


def _pill(width: float, height: float, colour: Color, ops: Ops) -> None:
    ops.fill_color(colour)
    ops.round_rect(0, 0, width, height, height / 2)
    ops.fill()


def _specks(ops: Ops, boxes: list[CardBox]) -> None:
    by_kind: dict[CardKind, list[CardBox]] = {}
    for box in boxes:
        by_kind.setdefault(box.card.kind, []).append(box)
    ops.save()
    ops.stroke_color(rgb(theme.CARD_BORDER))
    ops.line_width(0.8)
    for kind, group in by_kind.items():
        ops.fill_color(rgb(theme.KIND_FILLS[kind]))
        for box in group:
            r = box.rect
            ops.rect(r.x, r.y, r.width, r.height)
        ops.fill_stroke()
    ops.restore()


def _title_bars(ops: Ops, boxes: list[CardBox], style: Style) -> None:
    size = style.title_size
    ops.fill_color(rgb(theme.CARD_BORDER))
    for box in boxes:
        x = box.rect.x + style.card_padding
        inner = box.rect.width - 2 * style.card_padding
        for line, baseline in zip(box.title_lines, title_baselines(box, style), strict=True):
            width = min(len(line) * size * 0.55, inner)  # a bar: its length is enough
            ops.rect(x, baseline - size * 0.62, width, size * 0.55)
    ops.fill()


def _badges(ops: Ops, badges: list[Badge], text: Text, min_size: float = 0.0) -> None:
    ink = rgb(theme.MUTED_INK)
    labelled: list[tuple[Badge, float]] = []
    for badge in badges:
        r = badge.rect
        kind = badge.kind
        if kind is BadgeKind.CHANNEL:
            draw_icon_ops(ops, icons.icon_for(badge.channel), ink, r.x, r.y, r.width)
        elif kind is BadgeKind.CREATOR and badge.creator is not None:
            fill = tint(theme.CREATOR_COLORS[badge.creator], PILL_TINT)
            key = f"pill-{badge.creator.value}-{r.width:.2f}x{r.height:.2f}"
            place(ops, key, (r.width, r.height), partial(_pill, r.width, r.height, fill), r.x, r.y)
            labelled.append((badge, PILL_TEXT_SIZE))
        elif kind is BadgeKind.SENTIMENT and badge.sentiment is not None:
            ops.fill_color(rgb(theme.SENTIMENT_COLORS[badge.sentiment]))
            ops.circle(*r.center, r.width / 2)
            ops.fill()
            labelled.append((badge, MARK_TEXT_SIZE))
        elif kind is BadgeKind.MOMENT_OF_TRUTH:
            k = r.width / icons.ICON_BOX
            ops.fill_color(rgb(theme.MOMENT_OF_TRUTH_COLOR))
            ops.polygon([(r.x + x * k, r.y + y * k) for x, y in icons.STAR_POINTS])
            ops.fill()
        elif kind is BadgeKind.CONFIDENCE:
            confidence_ops(ops, r.x, r.center[1], r.width, badge.filled, DOT_RADIUS, ink)
    for badge, size in labelled:
        if size < min_size:
            continue
        colour = "#ffffff"
        if badge.creator is not None:
            colour = theme.CREATOR_COLORS[badge.creator]
        text.style(size, colour, bold=True)
        r = badge.rect
        text.centre(r.center[0], baseline_in(r.y, r.height, size), badge.text)


def confidence_ops(
    ops: Ops, x: float, cy: float, width: float, filled: int, radius: float, ink: Color
) -> None:
    """Three dots: the first ``filled`` solid, the rest hollow rings."""
    key = f"dots-{filled}-{width:.2f}-{radius:.2f}-{ink.hexval()[2:]}"
    draw = partial(_confidence_dots, x=0.0, cy=radius, width=width, filled=filled,
                   radius=radius, ink=ink)  # fmt: skip
    place(ops, key, (width, 2 * radius), draw, x, cy - radius)


def _confidence_dots(
    ops: Ops, x: float, cy: float, width: float, filled: int, radius: float, ink: Color
) -> None:
    ops.fill_color(ink)
    ops.stroke_color(ink)
    ops.line_width(radius * 0.35)
    step = (width - 2 * radius) / 2
    for i in range(3):
        cx = x + radius + i * step
        if i < filled:
            ops.circle(cx, cy, radius)
            ops.fill()
        else:
            ops.circle(cx, cy, radius * 0.825)
            ops.stroke()


def card_links(boxes: list[CardBox]) -> list[tuple[str, CardBox]]:
    """The cards whose URL may become a clickable link (http, https, mailto)."""
    result = []
    for box in boxes:
        if box.card.url:
            url = safe_url(box.card.url)
            if url is not None:
                result.append((url, box))
    return result
