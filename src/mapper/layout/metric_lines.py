"""Metrics in lines of whole parts ("CSAT 71 · NPS −12"): a card's compact line under its
title and a stage header's lines under its name. A part that does not fit is left for
the tooltip rather than cut with an ellipsis, so every number shown is whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mapper.layout.geometry import Rect
from mapper.layout.text import elide, font, line_height, text_width
from mapper.layout.wording import metric_parts
from mapper.model import Card, Metrics

if TYPE_CHECKING:
    from mapper.layout.boxes import CardBox, Style

CARD_METRICS_SIZE = 9.0
SEPARATOR = " · "


def card_metric_parts(metrics: Metrics, owner: str) -> list[str]:
    """What a card's line says: its metrics in their fixed order, then its owner."""
    parts = metric_parts(metrics)
    owner = " ".join(owner.split())
    if owner:
        parts.append(owner)
    return parts


def metric_lines(parts: list[str], width: float, size: float, max_lines: int) -> list[str]:
    """``parts`` joined into at most ``max_lines`` lines no wider than ``width``, breaking
    only between parts; a part that fits no line is left out (a later, shorter one may
    still show). A part wider than a whole line is elided: there is nothing else to show."""
    if width <= 0 or max_lines <= 0:
        return []
    lines: list[str] = []
    current = ""
    for part in parts:
        joined = f"{current}{SEPARATOR}{part}" if current else part
        if text_width(joined, size) <= width:
            current = joined
            continue
        if current and len(lines) + 1 < max_lines:
            lines.append(current)
            current = ""
        if not current:
            if text_width(part, size) <= width:
                current = part
            elif not lines:
                current = elide(part, width, size)
    if current:
        lines.append(current)
    return lines[:max_lines]


def card_metrics_line(card: Card, inner_width: float) -> str:
    """The card's one compact metrics line ("" when it has no metrics and no owner)."""
    parts = card_metric_parts(card.metrics, card.owner)
    if not parts:
        return ""
    found = metric_lines(parts, inner_width, CARD_METRICS_SIZE, 1)
    return found[0] if found else ""


def card_metrics_tooltip(card: Card) -> str:
    """Everything the line stands for, for a tooltip (the line may leave parts out)."""
    metrics = metric_parts(card.metrics)
    owner = " ".join(card.owner.split())
    lines = [SEPARATOR.join(metrics)] if metrics else []
    if owner:
        lines.append(f"Owner: {owner}")
    return "\n".join(lines)


def card_metrics_baseline(box: CardBox, style: Style) -> float:
    """The y of the metrics line's baseline: the line box under the title, text centred."""
    size = CARD_METRICS_SIZE
    metrics = font()
    ascent, descent = metrics.ascent * size / 1000, -metrics.descent * size / 1000
    top = box.rect.y + style.card_padding + len(box.title_lines) * line_height(style.title_size)
    return round(top + (line_height(size) - ascent - descent) / 2 + ascent, 2)


def card_metrics_rect(box: CardBox, style: Style) -> Rect | None:
    """Where the metrics line's text is (as wide as it), or None without one."""
    if not box.metrics:
        return None
    size = CARD_METRICS_SIZE
    base = card_metrics_baseline(box, style)
    x = box.rect.x + style.card_padding
    return Rect(x, base - size * 0.95, text_width(box.metrics, size), size * 1.25)
