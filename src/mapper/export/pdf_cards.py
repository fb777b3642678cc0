"""Cards: rounded boxes in their kind's colour, wrapped titles and the badge row."""

from __future__ import annotations

from reportlab.lib.colors import Color

from mapper.export.markup import safe_url
from mapper.export.pdf_draw import Text, baseline_in, rgb, tint
from mapper.export.pdf_ops import Ops, Stamps, draw_icon_ops
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
from mapper.layout.geometry import Rect
from mapper.layout.grid import CardBox, Style
from mapper.model import CardKind, Sentiment

RADIUS = 6.0
SHADOW = "#dde2e8"
SHADOW_OFFSET = 1.4
BORDER_WIDTH = 0.8
MOMENT_BORDER_WIDTH = 1.6
PILL_TINT = 0.84  # creator pills: their colour at 16% on white, as on the canvas
STRIPE = 5.0  # pain / love points: a stripe in the sentiment colour on the left edge


def draw_cards(
    ops: Ops, text: Text, boxes: list[CardBox], style: Style, persona_id: str | None
) -> None:
    """Shadows and bodies first, then badges; titles and badge labels go to ``text``."""
    if not boxes:
        return
    ops.save()
    if ops.stamps is None:
        _card_bodies(ops, [(box.rect, box.card.kind) for box in boxes])
    else:  # a big map has a few dozen card sizes: one form each (see Stamps)
        for box in boxes:
            r = box.rect
            ops.save()
            ops.transform(1, 1, r.x, r.y)
            ops.use_form(_card_stamp(ops.stamps, r.width, r.height, box.card.kind))
            ops.restore()
    moments = [
        box for box in boxes if box.card.moment_of_truth and box.card.kind is CardKind.TOUCHPOINT
    ]
    _stripes(ops, boxes, persona_id)
    if moments:
        ops.stroke_color(rgb(theme.MOMENT_OF_TRUTH_COLOR))
        ops.line_width(MOMENT_BORDER_WIDTH)
        for box in moments:
            r = box.rect
            ops.round_rect(r.x, r.y, r.width, r.height, RADIUS)
        ops.stroke()
    badges = [b for box in boxes if box.has_badges for b in card_badges(box, style, persona_id)]
    _badges(ops, badges, text)
    ops.restore()

    text.style(style.title_size, theme.INK)
    for box in boxes:
        x = box.rect.x + style.card_padding
        for line, baseline in zip(box.title_lines, title_baselines(box, style), strict=True):
            text.at(x, baseline, line)


def _card_bodies(ops: Ops, cards: list[tuple[Rect, CardKind]]) -> None:
    """Shadows first, then the outlined bodies in their kind's colour."""
    ops.fill_color(rgb(SHADOW))
    for r, _ in cards:
        ops.round_rect(r.x, r.y + SHADOW_OFFSET, r.width, r.height, RADIUS)
    ops.fill()
    ops.stroke_color(rgb(theme.CARD_BORDER))
    ops.line_width(BORDER_WIDTH)
    for r, kind in cards:
        ops.fill_color(rgb(theme.KIND_FILLS[kind]))
        ops.round_rect(r.x, r.y, r.width, r.height, RADIUS)
        ops.fill_stroke()


def _card_stamp(stamps: Stamps, width: float, height: float, kind: CardKind) -> str:
    """The form of one card's shadow and body, drawn at (0, 0)."""

    def body() -> str:
        ops = Ops()
        _card_bodies(ops, [(Rect(0.0, 0.0, width, height), kind)])
        return "\n".join(ops.parts)

    margin = BORDER_WIDTH
    box = (-margin, -margin, width + margin, height + SHADOW_OFFSET + margin)
    return stamps.name(f"card-{width:.2f}x{height:.2f}-{kind.value}", box, body)


def _stripes(ops: Ops, boxes: list[CardBox], persona_id: str | None) -> None:
    """The canvas's sentiment stripe: pain and love points get a coloured left edge."""
    for sentiment in (Sentiment.PAIN, Sentiment.LOVE):
        marked = [b for b in boxes if b.card.sentiment(persona_id) is sentiment]
        if not marked:
            continue
        ops.fill_color(rgb(theme.SENTIMENT_COLORS[sentiment]))
        for box in marked:
            r = box.rect
            ops.round_rect(r.x + 0.5, r.y + 0.5, STRIPE, r.height - 1, 3)
        ops.fill()


def _badges(ops: Ops, badges: list[Badge], text: Text) -> None:
    ink = rgb(theme.MUTED_INK)
    labelled: list[tuple[Badge, float]] = []
    for badge in badges:
        r = badge.rect
        kind = badge.kind
        if kind is BadgeKind.CHANNEL:
            draw_icon_ops(ops, icons.icon_for(badge.channel), ink, r.x, r.y, r.width)
        elif kind is BadgeKind.CREATOR and badge.creator is not None:
            ops.fill_color(tint(theme.CREATOR_COLORS[badge.creator], PILL_TINT))
            ops.round_rect(r.x, r.y, r.width, r.height, r.height / 2)
            ops.fill()
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
    if ops.stamps is None:
        _confidence_dots(ops, x, cy, width, filled, radius, ink)
        return

    def dots() -> str:
        local = Ops()
        _confidence_dots(local, 0.0, 0.0, width, filled, radius, ink)
        return "\n".join(local.parts)

    key = f"dots-{filled}-{width:.2f}-{radius:.2f}-{ink.hexval()[2:]}"
    box = (-2 * radius, -2 * radius, width + 2 * radius, 2 * radius)
    ops.save()
    ops.transform(1, 1, x, cy)
    ops.use_form(ops.stamps.name(key, box, dots))
    ops.restore()


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
