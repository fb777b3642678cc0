"""Readable texts for model values on screen (shared with the PDF: layout.wording)."""

from mapper.layout.wording import (
    METRIC_LABELS,
    PHASE_LABELS,
    channel_label,
    confidence_label,
    creator_label,
    metric_parts,
    metric_value,
    score_label,
)

__all__ = [
    "METRIC_LABELS",
    "PHASE_LABELS",
    "channel_label",
    "confidence_label",
    "creator_label",
    "metric_parts",
    "metric_value",
    "score_label",
]
