"""Model values in words, the same on screen, in present mode and on paper."""

from __future__ import annotations

from mapper.layout.theme import CONFIDENCE_LABELS, CREATOR_LABELS
from mapper.model import (
    BUILTIN_CHANNELS,
    BuyingPhase,
    CardKind,
    Confidence,
    Creator,
    JourneyMap,
    Metrics,
    Persona,
)
from mapper.model.pain import PainPoint
from mapper.model.vocabulary import METRICS

METRIC_LABELS = {name: info.short for name, info in METRICS.items()}
KIND_LABELS = {  # a card kind in a legend
    CardKind.TOUCHPOINT: "Touchpoint",
    CardKind.ACTION: "Action",
    CardKind.THOUGHT: "Thought",
    CardKind.PAIN_POINT: "Pain point",
    CardKind.OPPORTUNITY: "Opportunity",
    CardKind.NOTE: "Note",
}
PHASE_LABELS = {
    BuyingPhase.PRE_PURCHASE: "Pre-purchase",
    BuyingPhase.PURCHASE: "Purchase",
    BuyingPhase.POST_PURCHASE: "Post-purchase",
}


def signed(value: float, digits: int = 1) -> str:
    """``+1.0`` / ``\u22120.6`` with a true minus sign."""
    return f"{value:+.{digits}f}".replace("-", "\u2212")


def score_label(score: int) -> str:
    """An emotion score with a real minus sign: "−2", "0", "+3"."""
    return "0" if score == 0 else signed(score, 0)


def metric_value(name: str, value: float) -> str:
    if name == "conversion_rate":
        return f"{value * 100:.0f}%" if value <= 1 else f"{value:g}%"
    if name == "nps":
        return signed(value, 0)
    if name == "volume":
        return f"{value:,.0f}"
    if name == "cost":
        return f"{value:,.2f}"
    if name == "lifetime_value":
        return f"{value:,.0f}"
    return f"{value:g}"


def metric_parts(metrics: Metrics) -> list[str]:
    return [f"{METRIC_LABELS[name]} {metric_value(name, value)}" for name, value in metrics.items()]


def metrics_text(metrics: Metrics, separator: str = " · ") -> str:
    return separator.join(metric_parts(metrics))


def channel_label(journey: JourneyMap, key: str | None) -> str:
    if key is None:
        return ""
    if key in BUILTIN_CHANNELS:
        return BUILTIN_CHANNELS[key].label
    custom = next((c for c in journey.info.custom_channels if c.key == key), None)
    return custom.label if custom else key


def creator_label(creator: Creator | None) -> str:
    return "" if creator is None else CREATOR_LABELS[creator]


def confidence_label(confidence: Confidence | None) -> str:
    return "" if confidence is None else CONFIDENCE_LABELS[confidence]


def legend_rows(widths: list[float], headings: list[bool], room: float) -> list[tuple[float, int]]:
    """Where each legend entry goes, ``(x, row)``, wrapping to new rows as ``room`` runs
    out; a heading never ends a row (it moves down with the entry after it)."""
    placed: list[tuple[float, int]] = []
    x, row = 0.0, 0
    for i, width in enumerate(widths):
        need = width + (widths[i + 1] if headings[i] and i + 1 < len(widths) else 0.0)
        if x > 0 and x + need > room:
            x, row = 0.0, row + 1
        placed.append((x, row))
        x += width
    return placed


def short_names(personas: list[Persona]) -> dict[str, str]:
    """Persona id -> first name ("Zoë"), or the whole name where two share a first name."""
    first = {p.id: (p.name.split() or ["?"])[0] for p in personas}
    taken = list(first.values())
    return {
        p.id: first[p.id] if taken.count(first[p.id]) == 1 else " ".join(p.name.split())
        for p in personas
    }


MARKED_PAIN = "marked as a pain point"


def whose_pain(point: PainPoint, names: dict[str, str]) -> str:
    """Whose score makes the card a pain point: "Zoë −3, Margot −2" (lowest first), or
    that it is only marked as one. ``names``: ``short_names`` of the map's personas."""
    if not point.hurt:
        return MARKED_PAIN
    return ", ".join(f"{names.get(p.id, p.name)} {score_label(score)}" for p, score in point.hurt)
