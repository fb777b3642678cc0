"""The practitioners' vocabulary: lane kinds, card kinds, channels, creators, phases.

Values are plain strings (``StrEnum``) so they serialise as themselves and read well in
`.journey` files.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SHORT_TEXT_MAX = 2_000  # names, titles, labels, owners, tags, list items
LONG_TEXT_MAX = 50_000  # descriptions, notes, bios, quotes, evidence
TIMEBOX_MIN, TIMEBOX_MAX = 1, 240  # minutes a stage may take in a workshop
TOP_PAIN_POINTS_MAX = 99
VOTES_MAX = 9_999  # dots one item may get in one workshop
SEQUENCE_MAX = 2_000  # steps in an edited presentation sequence
STAGE_WIDTH_MIN, STAGE_WIDTH_MAX, STAGE_WIDTH_DEFAULT = 80, 2000, 240.0
RATING_MIN, RATING_MAX = 1, 5  # an opportunity's impact and effort
RATING_DEFAULT = 3
RATINGS = range(RATING_MIN, RATING_MAX + 1)

EMOTION_MIN = -3
EMOTION_MAX = 3
PAIN_THRESHOLD = -2
LOVE_THRESHOLD = 2


class LaneKind(StrEnum):
    ACTIONS = "actions"
    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    THOUGHTS = "thoughts"
    EMOTION = "emotion"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"
    EVIDENCE = "evidence"
    OWNER = "owner"
    METRICS = "metrics"
    CUSTOM = "custom"

    @property
    def takes_cards(self) -> bool:
        """Whether the editor puts cards in a lane of this kind (a file may still hold
        some): the emotion curve's lane draws the curve, and cards there would cover it."""
        return self is not LaneKind.EMOTION


class CardKind(StrEnum):
    TOUCHPOINT = "touchpoint"
    ACTION = "action"
    THOUGHT = "thought"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    NOTE = "note"


class Creator(StrEnum):
    """Who makes the touchpoint: the company pays, owns, or customers earn it."""

    PAID = "paid"
    OWNED = "owned"
    EARNED = "earned"


class BuyingPhase(StrEnum):
    PRE_PURCHASE = "pre_purchase"
    PURCHASE = "purchase"
    POST_PURCHASE = "post_purchase"


class Confidence(StrEnum):
    """How well research backs a card, weakest first."""

    ASSUMPTION = "assumption"
    SOME_EVIDENCE = "some_evidence"
    VALIDATED = "validated"


CONFIDENCE_RANK = {c: i for i, c in enumerate(Confidence)}


class Quadrant(StrEnum):
    """Where an opportunity sits on the impact / effort matrix."""

    QUICK_WIN = "Quick win"  # high impact, low effort: first
    MAJOR_PROJECT = "Major project"  # high impact, more effort
    FILL_IN = "Fill-in"  # low effort, modest impact
    RECONSIDER = "Reconsider"  # more effort than impact


class Sentiment(StrEnum):
    PAIN = "pain"
    NEUTRAL = "neutral"
    LOVE = "love"


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    """A built-in channel: its key in files, its label, and whether it is online."""

    key: str
    label: str
    online: bool


BUILTIN_CHANNELS: dict[str, ChannelInfo] = {
    c.key: c
    for c in (
        ChannelInfo("website", "Website", True),
        ChannelInfo("app", "Mobile app", True),
        ChannelInfo("email", "Email", True),
        ChannelInfo("social", "Social media", True),
        ChannelInfo("chat", "Chat", True),
        ChannelInfo("search", "Search", True),
        ChannelInfo("advertising", "Online ads", True),
        ChannelInfo("review_site", "Review site", True),
        ChannelInfo("sms", "SMS", True),
        ChannelInfo("phone", "Phone", False),
        ChannelInfo("store", "Store", False),
        ChannelInfo("call_centre", "Call centre", False),
        ChannelInfo("mail", "Mail", False),
        ChannelInfo("event", "Event", False),
        ChannelInfo("word_of_mouth", "Word of mouth", False),
        ChannelInfo("print", "Print / outdoor", False),
        ChannelInfo("product", "Product", False),
    )
}

STAGE_NAME_PHASES: dict[str, BuyingPhase] = {
    "awareness": BuyingPhase.PRE_PURCHASE,
    "consideration": BuyingPhase.PRE_PURCHASE,
    "decision": BuyingPhase.PRE_PURCHASE,
    "purchase": BuyingPhase.PURCHASE,
    "retention": BuyingPhase.POST_PURCHASE,
    "advocacy": BuyingPhase.POST_PURCHASE,
}


def sentiment_of(score: int | None) -> Sentiment:
    """Pain point at -2 or below, love point at +2 or above."""
    if score is None:
        return Sentiment.NEUTRAL
    if score <= PAIN_THRESHOLD:
        return Sentiment.PAIN
    if score >= LOVE_THRESHOLD:
        return Sentiment.LOVE
    return Sentiment.NEUTRAL


@dataclass(frozen=True, slots=True)
class MetricInfo:
    """One measurement a stage or card can carry: its words and its usual scale.

    The editor refuses a typed value outside ``low``..``high`` (NPS 250 is a typo); files
    are not refused for them, so a map saved before stays readable."""

    label: str  # in forms: "Conversion rate"
    short: str  # on cards, headers, slides and paper: "Conversion"
    low: float | None
    high: float | None


METRICS: dict[str, MetricInfo] = {
    # a 1-5 or 1-10 score, or a percentage of satisfied customers
    "csat": MetricInfo("CSAT", "CSAT", 0.0, 100.0),
    "nps": MetricInfo("NPS", "NPS", -100.0, 100.0),
    # a fraction (0.38) or a percentage (38)
    "conversion_rate": MetricInfo("Conversion rate", "Conversion", 0.0, 100.0),
    # CES on a 1-5, 1-7 or 0-10 scale
    "customer_effort": MetricInfo("Customer effort", "Effort", 0.0, 10.0),
    "volume": MetricInfo("Volume", "Volume", 0.0, None),
    "cost": MetricInfo("Cost", "Cost", 0.0, None),
    "lifetime_value": MetricInfo("Lifetime value", "CLV", 0.0, None),
}
METRIC_RANGES: dict[str, tuple[float | None, float | None]] = {
    name: (info.low, info.high) for name, info in METRICS.items()
}
