"""Colours and marks shared by the canvas and the exporters, as plain hex strings."""

from __future__ import annotations

from mapper.model import CardKind, Confidence, Creator, Sentiment

INK = "#1f2933"
MUTED_INK = "#52606d"
GRID_LINE = "#cbd2d9"
HEADER_FILL = "#f5f7fa"
CARD_FILL = "#ffffff"
CARD_BORDER = "#9aa5b1"
SELECTION = "#2867c9"
FLOW = "#616e7c"
NEUTRAL_LINE = "#9aa5b1"
BLUEPRINT_LINE = "#3e4c59"  # a service blueprint's lines and their names (layout.blueprint)

# Text in these colours, or white text on them, reaches WCAG's 4.5:1 contrast on white and on
# their own 16 % tint (tests/export/test_export_contrast.py checks every pair a PDF prints).
SENTIMENT_COLORS: dict[Sentiment, str] = {
    Sentiment.PAIN: "#c53030",
    Sentiment.NEUTRAL: "#5f6d7a",
    Sentiment.LOVE: "#25734a",
}
POSITIVE_CURVE = "#2f9e44"  # the emotion curve above neutral
NEGATIVE_CURVE = "#d64545"  # and below it

CREATOR_COLORS: dict[Creator, str] = {
    Creator.PAID: "#875413",
    Creator.OWNED: "#245c9c",
    Creator.EARNED: "#276749",
}
CREATOR_LABELS: dict[Creator, str] = {
    Creator.PAID: "Paid",
    Creator.OWNED: "Owned",
    Creator.EARNED: "Earned",
}

CONFIDENCE_LABELS: dict[Confidence, str] = {
    Confidence.ASSUMPTION: "Assumption",
    Confidence.SOME_EVIDENCE: "Some evidence",
    Confidence.VALIDATED: "Validated",
}
# How many of three dots are filled for each confidence level.
CONFIDENCE_DOTS: dict[Confidence, int] = {
    Confidence.ASSUMPTION: 1,
    Confidence.SOME_EVIDENCE: 2,
    Confidence.VALIDATED: 3,
}

MOMENT_OF_TRUTH_COLOR = "#a16207"  # also the colour of its "Moment of truth" label

KIND_FILLS: dict[CardKind, str] = {
    CardKind.TOUCHPOINT: "#ffffff",
    CardKind.ACTION: "#e8f1fb",
    CardKind.THOUGHT: "#fff8db",
    CardKind.PAIN_POINT: "#fdeaea",
    CardKind.OPPORTUNITY: "#e6f6ea",
    CardKind.NOTE: "#f1f3f5",
}


def _luminance(hex_color: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (0 black .. 1 white)."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 .. 21; text needs 4.5)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: str) -> str:
    """A text colour with at least 4.5:1 contrast on ``fill`` (a user's colour, such as a
    persona's): white, else ink, else black (some colour always reaches 4.5 with white or
    black)."""
    try:
        for candidate in ("#ffffff", INK):
            if contrast(candidate, fill) >= 4.5:
                return candidate
        return "#ffffff" if contrast("#ffffff", fill) >= contrast("#000000", fill) else "#000000"
    except (ValueError, IndexError):
        return "#ffffff"
