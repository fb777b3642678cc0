"""Plain-text renderings of model values for the printed pages.

Numbers print with sensible precision (three significant digits, no trailing zeros) and
their unit where the model knows it: a conversion rate of 0.012 prints as "1.2 %", not
"1%". The map's notes say what the other units are.
"""

from __future__ import annotations

from dataclasses import fields
from math import floor, isfinite, log10

from mapper.layout.badges import sentiment_label
from mapper.layout.wording import (  # noqa: F401  (the printed pages' vocabulary)
    METRIC_LABELS,
    channel_label,
    confidence_label,
    creator_label,
    short_names,
    signed,
)
from mapper.model import Card, Metrics


def emotion_text(score: int | None) -> str:
    return "" if score is None else sentiment_label(score)


confidence_text = confidence_label


def quadrant(opportunity: Card) -> str:
    """Where an opportunity sits on the impact / effort matrix."""
    return opportunity.quadrant.value


def decimal(value: float, significant: int = 3) -> str:
    """``value`` to ``significant`` digits, without trailing zeros or exponent:
    31.0 -> "31", 1.2 -> "1.2", 0.0512 -> "0.0512", 4.2345 -> "4.23", 12,345 -> "12,345"."""
    if not isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    decimals = max(0, significant - 1 - floor(log10(abs(value))))
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace("-", "\u2212")


def percent(share: float) -> str:
    """A share (0..1) as a percentage: 0.012 -> "1.2 %"; values above 1 are taken as
    percentages already (31 -> "31 %")."""
    return f"{decimal(share * 100 if abs(share) <= 1 else share)} %"


def metric_value(name: str, value: float) -> str:
    if name == "conversion_rate":
        return percent(value)
    if name == "nps":
        return signed(value, 0) if round(value) else "0"
    if name == "cost":
        return f"{value:,.2f}".replace("-", "\u2212")
    if name in ("volume", "lifetime_value") and abs(value) >= 100:
        return f"{value:,.0f}".replace("-", "\u2212")
    return decimal(value)


_METRIC_NAMES = tuple(f.name for f in fields(Metrics))  # Metrics.items()'s order


def metric_parts(metrics: Metrics) -> list[str]:
    """What ``metrics.items()`` holds as printed parts (read directly: a big map's report
    asks for every touchpoint's)."""
    return [
        f"{METRIC_LABELS[name]} {metric_value(name, value)}"
        for name in _METRIC_NAMES
        if (value := getattr(metrics, name)) is not None
    ]


def metrics_text(metrics: Metrics, separator: str = " \u00b7 ") -> str:
    return separator.join(metric_parts(metrics))
