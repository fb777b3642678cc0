"""Colours and marks shared by the canvas and the exporters, as plain hex strings.

The module's constants are the light look every export uses. The editor's canvas paints
from a :class:`Theme` instead (``LIGHT`` or ``DARK``, the same names in both), so a dark
desktop gets a dark canvas while PDFs, PNGs and SVGs stay light."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from mapper.model import CardKind, Confidence, Creator, Sentiment

INK = "#1f2933"
MUTED_INK = "#52606d"
GRID_LINE = "#cbd2d9"
HEADER_FILL = "#f5f7fa"
CARD_FILL = "#ffffff"
CARD_BORDER = "#9aa5b1"
SELECTION = "#2867c9"
FLOW = "#616e7c"
FLOW_OPACITY = 170 / 255  # of a flow over the canvas
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


def mix(color: str, base: str, amount: float) -> str:
    """``color`` laid over ``base`` at opacity ``amount`` (0..1), as ``#rrggbb``."""
    parts = [
        round(int(color[i : i + 2], 16) * amount + int(base[i : i + 2], 16) * (1 - amount))
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{p:02x}" for p in parts)


def _div_255(value: int) -> int:
    """``value / 255`` rounded, exactly as Qt's raster engine works it out."""
    return (value + (value >> 8) + 0x80) >> 8


@dataclass(frozen=True, eq=False)  # compared and hashed by identity (painters cache by it)
class Theme:
    """The canvas's colours by name. ``LIGHT`` is what exports print; ``DARK`` keeps every
    text at 4.5:1 and every line at 3:1 on a dark canvas."""

    name: str
    background: str  # behind the map
    ink: str
    muted_ink: str
    grid_line: str
    header_fill: str  # lane headers
    card_border: str
    selection: str
    flow: str
    neutral_line: str
    label_fill: str  # behind flow labels and text edited in place
    shadow_alpha: int  # of the black shadow under cards
    highlight: str  # a card found by Find
    handle_ring: str  # around a card's flow handle
    column_alpha: int  # of a stage's colour over its column
    stage_amount: float  # of a stage's colour in its header (the rest is the background)
    pill_alpha: int  # of a creator's colour behind its label on a card
    positive_curve: str
    negative_curve: str
    moment_of_truth: str
    blueprint_line: str  # a service blueprint's lines and their names
    kind_fills: dict[CardKind, str] = field(default_factory=dict)
    sentiment: dict[Sentiment, str] = field(default_factory=dict)
    creator: dict[Creator, str] = field(default_factory=dict)

    @property
    def dark(self) -> bool:
        return _luminance(self.background) < 0.2

    @cached_property
    def flow_line(self) -> str:
        """An unselected flow's colour on the canvas: ``flow`` at two thirds over the
        background, opaque. (Translucent, a big map's flows took three to four times as
        long to draw: Qt's antialiased strokes have a fast path only for opaque colours.)"""
        return mix(self.flow, self.background, FLOW_OPACITY)

    def stage_fill(self, color: str) -> str:
        """A stage header's fill for the stage's (user-chosen, usually pastel) colour."""
        try:
            return mix(color, self.background, self.stage_amount)
        except (ValueError, IndexError):
            return self.header_fill

    def column_fill(self, color: str) -> str:
        """What a stage's column looks like: its colour at ``column_alpha`` on the canvas,
        rounded part by part as Qt blends it (the canvas fills columns with this opaque
        colour: the very pixels the blend gave)."""
        alpha, base = self.column_alpha, self.background
        try:
            parts = [
                _div_255(int(color[i : i + 2], 16) * alpha)
                + _div_255(int(base[i : i + 2], 16) * (255 - alpha))
                for i in (1, 3, 5)
            ]
        except (ValueError, IndexError):
            return base
        return "#" + "".join(f"{min(p, 255):02x}" for p in parts)

    def ink_on(self, fill: str) -> str:
        """The theme's ink when it reads on ``fill`` (4.5:1), else the best of white/black."""
        try:
            return self.ink if contrast(self.ink, fill) >= 4.5 else text_on(fill)
        except (ValueError, IndexError):
            return self.ink

    def muted_on(self, fill: str) -> str:
        """Secondary text on ``fill``: muted ink when it reads, else :meth:`ink_on`."""
        try:
            return self.muted_ink if contrast(self.muted_ink, fill) >= 4.5 else self.ink_on(fill)
        except (ValueError, IndexError):
            return self.muted_ink

    def line(self, color: str) -> str:
        """A user's colour (a persona's curve) on this canvas. On the light one it is the
        colour itself, as on paper; on a dark one it is mixed towards the ink until it
        stands out at 3:1 (WCAG's minimum for lines), so black becomes grey."""
        if not self.dark:
            return color
        try:
            for step in range(11):
                shown = mix(self.ink, color, step / 10)
                if contrast(shown, self.background) >= 3.0:
                    return shown
        except (ValueError, IndexError):
            pass
        return self.ink


LIGHT = Theme(
    name="light",
    background="#ffffff",
    ink=INK,
    muted_ink=MUTED_INK,
    grid_line=GRID_LINE,
    header_fill=HEADER_FILL,
    card_border=CARD_BORDER,
    selection=SELECTION,
    flow=FLOW,
    neutral_line=NEUTRAL_LINE,
    label_fill="#ffffff",
    shadow_alpha=28,
    highlight="#f2c94c",
    handle_ring="#ffffff",
    column_alpha=90,
    stage_amount=1.0,
    pill_alpha=32,
    positive_curve=POSITIVE_CURVE,
    negative_curve=NEGATIVE_CURVE,
    moment_of_truth=MOMENT_OF_TRUTH_COLOR,
    blueprint_line=BLUEPRINT_LINE,
    kind_fills=dict(KIND_FILLS),
    sentiment=dict(SENTIMENT_COLORS),
    creator=dict(CREATOR_COLORS),
)

DARK = Theme(
    name="dark",
    background="#1b1f24",
    ink="#e6e9ed",
    muted_ink="#a9b4bf",
    grid_line="#3b434c",
    header_fill="#252b32",
    card_border="#5f6a76",
    selection="#5ea1ff",
    flow="#98a4b0",
    neutral_line="#77828e",
    label_fill="#252b32",
    shadow_alpha=90,
    highlight="#f2c94c",
    handle_ring="#1b1f24",
    column_alpha=28,
    stage_amount=0.2,
    pill_alpha=32,
    positive_curve="#5fd07a",
    negative_curve="#ff7b7b",
    moment_of_truth="#f2b43c",
    blueprint_line="#a9b4bf",
    kind_fills={
        CardKind.TOUCHPOINT: "#2b3138",
        CardKind.ACTION: "#20324a",
        CardKind.THOUGHT: "#3a3422",
        CardKind.PAIN_POINT: "#45272b",
        CardKind.OPPORTUNITY: "#1f3b2b",
        CardKind.NOTE: "#31363c",
    },
    sentiment={
        Sentiment.PAIN: "#f07171",
        Sentiment.NEUTRAL: "#a0aab4",
        Sentiment.LOVE: "#5fcf8f",
    },
    creator={
        Creator.PAID: "#ecb57a",
        Creator.OWNED: "#98c5f8",
        Creator.EARNED: "#74d6a0",
    },
)

THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK}
