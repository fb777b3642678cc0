"""Plain-text renderings of model values for the printed pages."""

from __future__ import annotations

from mapper.layout.badges import sentiment_label
from mapper.layout.theme import CONFIDENCE_LABELS, CREATOR_LABELS
from mapper.model import BUILTIN_CHANNELS, Confidence, Creator, JourneyMap, Metrics, Opportunity

METRIC_LABELS = {
    "csat": "CSAT",
    "nps": "NPS",
    "conversion_rate": "Conversion",
    "customer_effort": "Effort",
    "volume": "Volume",
    "cost": "Cost",
}


def signed(value: float, digits: int = 1) -> str:
    """``+1.0`` / ``\u22120.6`` with a true minus sign."""
    return f"{value:+.{digits}f}".replace("-", "\u2212")


def metric_value(name: str, value: float) -> str:
    if name == "conversion_rate":
        return f"{value * 100:.0f}%" if value <= 1 else f"{value:g}%"
    if name == "nps":
        return signed(value, 0)
    if name == "volume":
        return f"{value:,.0f}"
    if name == "cost":
        return f"{value:,.2f}"
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
    for custom in journey.info.custom_channels:
        if custom.key == key:
            return custom.label
    return key


def creator_label(creator: Creator | None) -> str:
    return "" if creator is None else CREATOR_LABELS[creator]


def emotion_text(score: int | None) -> str:
    return "" if score is None else sentiment_label(score)


def confidence_text(confidence: Confidence | None) -> str:
    return "" if confidence is None else CONFIDENCE_LABELS[confidence]


def quadrant(opportunity: Opportunity) -> str:
    """Where an opportunity sits on the impact / effort matrix."""
    if opportunity.is_quick_win:
        return "Quick win"
    high_impact, low_effort = opportunity.impact >= 4, opportunity.effort <= 2
    if high_impact:
        return "Major project"
    if low_effort:
        return "Fill-in"
    return "Reconsider"


def by_priority(opportunities: list[Opportunity]) -> list[Opportunity]:
    """Quick wins first, then by impact over effort, then higher impact; stable otherwise."""
    return sorted(opportunities, key=lambda o: (not o.is_quick_win, -o.priority, -o.impact))
