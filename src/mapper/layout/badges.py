"""Where a card's title lines and badges go inside its box, shared by canvas and exports.

A touchpoint card ends in a badge row: on the left the channel icon and the creator
label (paid / owned / earned); on the right the active persona's sentiment mark, the
moment-of-truth star and the evidence-confidence dots. Badges that do not fit a narrow
card are left out, least important first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mapper.layout.boxes import CardBox, Style
from mapper.layout.geometry import Rect
from mapper.layout.text import font, line_height, text_width
from mapper.layout.theme import CONFIDENCE_DOTS, CREATOR_LABELS
from mapper.model import Creator, Sentiment
from mapper.model.vocabulary import sentiment_of

ICON_SIZE = 14.0
PILL_TEXT_SIZE = 8.0
PILL_HEIGHT = 13.0
PILL_PADDING = 5.0
MARK_SIZE = 13.0
MARK_TEXT_SIZE = 7.5
STAR_SIZE = 13.0
DOT_RADIUS = 3.5
DOT_STEP = 10.0
GAP = 4.0


class BadgeKind(StrEnum):
    CHANNEL = "channel"
    CREATOR = "creator"
    SENTIMENT = "sentiment"
    MOMENT_OF_TRUTH = "moment_of_truth"
    CONFIDENCE = "confidence"


@dataclass(frozen=True, slots=True)
class Badge:
    """One mark in a card's badge row. ``text`` is what it reads (label, score)."""

    kind: BadgeKind
    rect: Rect
    text: str = ""
    channel: str | None = None
    creator: Creator | None = None
    sentiment: Sentiment | None = None
    filled: int = 0  # confidence: how many of the three dots are filled


def title_baselines(box: CardBox, style: Style) -> list[float]:
    """The y of each title line's baseline, text vertically centred in its line box."""
    size = style.title_size
    metrics = font()
    lh = line_height(size)
    ascent, descent = metrics.ascent * size / 1000, -metrics.descent * size / 1000
    first = box.rect.y + style.card_padding + (lh - ascent - descent) / 2 + ascent
    return [round(first + i * lh, 2) for i in range(len(box.title_lines))]


def badge_row(box: CardBox, style: Style) -> Rect | None:
    if not box.has_badges:
        return None
    r = box.rect
    p = style.card_padding
    return Rect(r.x + p, r.bottom - p - style.badge_row, r.width - 2 * p, style.badge_row)


def sentiment_label(score: int) -> str:
    return "0" if score == 0 else f"{score:+d}".replace("-", "\u2212")


def card_badges(box: CardBox, style: Style, persona_id: str | None) -> list[Badge]:
    """The badges of a touchpoint card for the given (active) persona."""
    row = badge_row(box, style)
    if row is None:
        return []
    card = box.card
    cy = row.y + row.height / 2
    right_side: list[Badge] = []
    right = row.right
    score = card.emotion(persona_id)
    if score is not None:
        right -= MARK_SIZE
        rect = Rect(right, cy - MARK_SIZE / 2, MARK_SIZE, MARK_SIZE)
        label = sentiment_label(score)
        right_side.append(
            Badge(BadgeKind.SENTIMENT, rect, text=label, sentiment=sentiment_of(score))
        )
        right -= GAP
    if card.moment_of_truth:
        right -= STAR_SIZE
        right_side.append(
            Badge(BadgeKind.MOMENT_OF_TRUTH, Rect(right, cy - STAR_SIZE / 2, STAR_SIZE, STAR_SIZE))
        )
        right -= GAP
    confidence = card.confidence
    if confidence is not None:
        width = 2 * DOT_STEP + 2 * DOT_RADIUS
        right -= width
        rect = Rect(right, cy - DOT_RADIUS, width, 2 * DOT_RADIUS)
        right_side.append(
            Badge(
                BadgeKind.CONFIDENCE,
                rect,
                text=confidence.value,
                filled=CONFIDENCE_DOTS[confidence],
            )
        )
        right -= GAP

    left_side: list[Badge] = []
    x = row.x
    if card.channel is not None and x + ICON_SIZE <= right:
        rect = Rect(x, cy - ICON_SIZE / 2, ICON_SIZE, ICON_SIZE)
        left_side.append(Badge(BadgeKind.CHANNEL, rect, channel=card.channel))
        x += ICON_SIZE + GAP
    if card.creator is not None:
        label = CREATOR_LABELS[card.creator]
        width = text_width(label, PILL_TEXT_SIZE, bold=True) + 2 * PILL_PADDING
        if x + width <= right:
            rect = Rect(x, cy - PILL_HEIGHT / 2, round(width, 2), PILL_HEIGHT)
            left_side.append(Badge(BadgeKind.CREATOR, rect, text=label, creator=card.creator))
    # Keep what fits: the right side was placed first; drop its outermost-left items if the
    # row is too narrow even for them.
    kept_right = [b for b in right_side if b.rect.x >= row.x]
    return left_side + kept_right
