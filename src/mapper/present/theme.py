"""Colours for the room: a calm light palette and a high-contrast one for washed-out
projectors. Plain hex strings; the painters turn them into QColors."""

from __future__ import annotations

from dataclasses import dataclass, field

from mapper.layout import theme as th
from mapper.model import CardKind, Sentiment

# Sizes on screen are designed for a 1080-pixel-high screen and scale with its height.
DESIGN_HEIGHT = 1080.0
# On a lower screen (1280x720, 1024x768) that would make the smallest text (card details,
# badges, axis labels, 14 design pixels) too small for a room: text grows to stay legible.
SMALLEST_TEXT, LEGIBLE_PIXELS = 14.0, 12.0
MAX_BOOST = 1.5  # a tiny window is not a room: text stops growing here


def room_text_scale(height: float, chosen: float) -> float:
    """The text scale a room of ``height`` screen lines gets for the ``chosen`` one: the
    same on a 1080 screen, larger on a lower one so no text falls below legible pixels."""
    if height <= 0:
        return chosen
    shown = SMALLEST_TEXT * height / DESIGN_HEIGHT
    return chosen * min(MAX_BOOST, max(1.0, round(LEGIBLE_PIXELS / shown, 3)))


@dataclass(frozen=True)
class Palette:
    high_contrast: bool
    background: str
    ink: str
    muted: str
    faint: str  # grid lines, empty areas
    card_border: str
    card_border_width: float
    chrome: str  # the stage band and lane strip behind their labels
    accent: str  # the current stage, the spotlight ring, the minimap frame
    veil: str  # what dims the parts of the map not being talked about
    veil_alpha: int
    stage_fill_alpha: int  # stage colours behind the columns (0: none)
    kind_fills: dict[CardKind, str] = field(default_factory=dict)
    sentiment: dict[Sentiment, str] = field(default_factory=dict)
    positive: str = th.POSITIVE_CURVE
    negative: str = th.NEGATIVE_CURVE
    quick_win: str = "#2f855a"
    star: str = th.MOMENT_OF_TRUTH_COLOR


CALM = Palette(
    high_contrast=False,
    background="#f4f5f7",
    ink="#1f2933",
    muted="#52606d",
    faint="#d5dbe1",
    card_border="#c3ccd5",
    card_border_width=1.0,
    chrome="#ffffff",
    accent="#2f6fce",
    veil="#f4f5f7",
    veil_alpha=205,
    stage_fill_alpha=110,
    kind_fills=dict(th.KIND_FILLS),
    sentiment=dict(th.SENTIMENT_COLORS),
)

HIGH_CONTRAST = Palette(
    high_contrast=True,
    background="#ffffff",
    ink="#000000",
    muted="#1a1a1a",
    faint="#7a7a7a",
    card_border="#000000",
    card_border_width=2.5,
    chrome="#ffffff",
    accent="#0033cc",
    veil="#000000",
    veil_alpha=150,
    stage_fill_alpha=0,
    kind_fills={kind: "#ffffff" for kind in CardKind},
    sentiment={
        Sentiment.PAIN: "#c00000",
        Sentiment.NEUTRAL: "#555555",
        Sentiment.LOVE: "#006b1f",
    },
    positive="#006b1f",
    negative="#c00000",
    quick_win="#006b1f",
    star="#b36b00",
)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else CALM
