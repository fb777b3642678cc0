"""Plain-text renderings of model values for the printed pages."""

from __future__ import annotations

from mapper.layout.badges import sentiment_label
from mapper.layout.wording import (  # noqa: F401  (the printed pages' vocabulary)
    METRIC_LABELS,
    channel_label,
    confidence_label,
    creator_label,
    metric_parts,
    metric_value,
    metrics_text,
    signed,
)
from mapper.model import Opportunity


def emotion_text(score: int | None) -> str:
    return "" if score is None else sentiment_label(score)


confidence_text = confidence_label


def quadrant(opportunity: Opportunity) -> str:
    """Where an opportunity sits on the impact / effort matrix."""
    return opportunity.quadrant.value
