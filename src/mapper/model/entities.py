"""The journey map's building blocks as immutable values.

Entities are frozen: the document replaces them on every change, so an operation can hand
back the old value and undo can put it back exactly. Collections inside them are tuples;
the one mapping (a card's emotion per persona) is never mutated in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields

from mapper.model.palette import PERSONA_PALETTE
from mapper.model.vocabulary import (
    CONFIDENCE_RANK,
    EMOTION_MAX,
    EMOTION_MIN,
    LONG_TEXT_MAX,
    RATING_DEFAULT,
    RATING_MAX,
    RATING_MIN,
    RATINGS,
    SHORT_TEXT_MAX,
    STAGE_NAME_PHASES,
    STAGE_WIDTH_DEFAULT,
    STAGE_WIDTH_MAX,
    STAGE_WIDTH_MIN,
    TIMEBOX_MAX,
    TIMEBOX_MIN,
    TOP_PAIN_POINTS_MAX,
    VOTES_MAX,
    BuyingPhase,
    CardKind,
    Confidence,
    Creator,
    LaneKind,
    Quadrant,
    Sentiment,
    sentiment_of,
)

LONG_BIO_QUOTE = frozenset({"bio", "quote"})
LONG_DESCRIPTION = frozenset({"description"})
LONG_DESCRIPTION_NOTES = frozenset({"description", "notes"})
LONG_GOAL = frozenset({"goal"})
LONG_NONE: frozenset[str] = frozenset()
LONG_TEXT = frozenset({"text"})

_TEXT_FIELDS: dict[type, tuple[tuple[str, int], ...]] = {}
_TEXTS_CHECKED: ContextVar[bool] = ContextVar("texts_checked", default=False)


@contextmanager
def texts_checked() -> Iterator[None]:
    """Entities made inside skip :func:`check_text`: for building a map from a file the
    schema validated, whose text limits are the same (a load of 1,000 cards then makes
    3,000 entities without measuring their text twice)."""
    token = _TEXTS_CHECKED.set(True)
    try:
        yield
    finally:
        _TEXTS_CHECKED.reset(token)


def check_text(entity: object, long_fields: frozenset[str] = frozenset()) -> None:
    """Refuse text the file format cannot hold, so nothing typed in makes a file that will
    not open again. ``long_fields`` may hold LONG_TEXT_MAX characters, the rest
    SHORT_TEXT_MAX (each item of a list or mapping too). Runs for every entity made, so it
    is kept lean: the field list is worked out once per class."""
    if _TEXTS_CHECKED.get():
        return
    spec = _TEXT_FIELDS.get(type(entity))
    if spec is None:
        spec = tuple(
            (f.name, LONG_TEXT_MAX if f.name in long_fields else SHORT_TEXT_MAX)
            for f in fields(entity)  # type: ignore[arg-type]
        )
        _TEXT_FIELDS[type(entity)] = spec
    for name, limit in spec:
        value = getattr(entity, name)
        kind = type(value)
        if kind is str:
            too_long = len(value) > limit
        elif kind is tuple or kind is dict:
            items = (*value, *value.values()) if kind is dict else value
            too_long = any(type(v) is str and len(v) > limit for v in items)
        else:
            continue
        if too_long:
            raise ValueError(
                f"{name.replace('_', ' ')} is longer than {limit:,} characters, the most a "
                "map can hold"
            )


@dataclass(frozen=True, slots=True)
class Metrics:
    """Optional measurements for a stage or a touchpoint."""

    csat: float | None = None
    nps: float | None = None
    conversion_rate: float | None = None
    customer_effort: float | None = None
    volume: float | None = None
    cost: float | None = None
    lifetime_value: float | None = None  # customer lifetime value (CLV)

    def __post_init__(self) -> None:
        # whole numbers are kept as floats so a saved 3200 reads back (and saves) the same
        for name in _METRIC_NAMES:
            value = getattr(self, name)
            if value is not None and not isinstance(value, float):
                object.__setattr__(self, name, float(value))

    def items(self) -> list[tuple[str, float]]:
        """The metrics that are set, in a fixed order."""
        found = ((name, getattr(self, name)) for name in _METRIC_NAMES)
        return [(name, value) for name, value in found if value is not None]

    def is_empty(self) -> bool:
        return not self.items()


_METRIC_NAMES = tuple(f.name for f in fields(Metrics))  # items() asks for each by name


@dataclass(frozen=True, slots=True)
class Evidence:
    """A research quote or source backing a card."""

    text: str
    source: str = ""
    confidence: Confidence = Confidence.ASSUMPTION

    def __post_init__(self) -> None:
        check_text(self, LONG_TEXT)


@dataclass(frozen=True, slots=True)
class Photo:
    """A persona photo: encoded image bytes (PNG or JPEG) and its MIME type."""

    mime: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Scenario:
    """What the persona sets out to do in this map, the goal and what they expect."""

    title: str = ""
    goal: str = ""
    expectations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_text(self, LONG_GOAL)


@dataclass(frozen=True, slots=True)
class CustomChannel:
    """A channel a map adds to the built-in ones."""

    key: str
    label: str
    online: bool

    def __post_init__(self) -> None:
        check_text(self, LONG_NONE)


@dataclass(frozen=True, slots=True)
class SequenceItem:
    """One step of an edited presentation sequence (see ``present.sequence``).

    ``key`` names the step: "overview", "agenda", "stage:ID", "emotion:ID", "pain_points",
    "opportunities", "vote:pain_points", "vote:opportunities" or "slide:ID" (a slide the
    facilitator added, with its ``title`` and ``text``). A key whose stage no longer exists
    is ignored, so deleting a stage never breaks the sequence."""

    key: str
    skip: bool = False
    title: str = ""
    text: str = ""

    def __post_init__(self) -> None:
        check_text(self, LONG_TEXT)


@dataclass(frozen=True, slots=True)
class Presentation:
    """What present mode leaves out, and how long each stage may take in a workshop;
    saved with the map."""

    hidden_lane_ids: tuple[str, ...] = ()
    hidden_persona_ids: tuple[str, ...] = ()
    timeboxes: dict[str, int] = field(default_factory=dict)  # stage id -> minutes
    agenda: bool = False  # an agenda step after the overview: the stages and their minutes
    interleave: bool = False  # each stage's "how it feels" right after it, not a second pass
    top_pain_points: int = 0  # how many pain points the slide shows (0: the usual summary)
    sequence: tuple[SequenceItem, ...] = ()  # the steps in the facilitator's order (): usual

    def __post_init__(self) -> None:
        if not 0 <= self.top_pain_points <= TOP_PAIN_POINTS_MAX:
            raise ValueError(f"top pain points must be 0..{TOP_PAIN_POINTS_MAX}")
        for stage_id, minutes in self.timeboxes.items():
            if not TIMEBOX_MIN <= minutes <= TIMEBOX_MAX:
                raise ValueError(
                    f"timebox for {stage_id} must be {TIMEBOX_MIN}..{TIMEBOX_MAX} minutes, "
                    f"not {minutes}"
                )


@dataclass(frozen=True, slots=True)
class MapInfo:
    """Map-wide properties: what the map is about and who made it."""

    title: str = "Untitled journey"
    description: str = ""
    author: str = ""
    version: str = ""
    scenario: Scenario = field(default_factory=Scenario)
    notes: str = ""
    active_persona_id: str | None = None
    custom_channels: tuple[CustomChannel, ...] = ()
    presentation: Presentation = field(default_factory=Presentation)

    def __post_init__(self) -> None:
        check_text(self, LONG_DESCRIPTION_NOTES)


@dataclass(frozen=True, slots=True)
class Persona:
    """The customer a map follows (its emotion scores live on the cards)."""

    id: str
    name: str
    role: str = ""
    bio: str = ""
    demographics: dict[str, str] = field(default_factory=dict)
    goals: tuple[str, ...] = ()
    motivations: tuple[str, ...] = ()
    frustrations: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()
    quote: str = ""
    photo: Photo | None = None
    color: str = PERSONA_PALETTE[0]
    hidden: bool = False  # its curve and its pain points are not shown

    def __post_init__(self) -> None:
        check_text(self, LONG_BIO_QUOTE)


@dataclass(frozen=True, slots=True)
class Stage:
    """A column of the map: a step of the journey in time."""

    id: str
    name: str
    description: str = ""
    color: str = "#e8eef7"
    width: float = STAGE_WIDTH_DEFAULT
    notes: str = ""
    buying_phase: BuyingPhase | None = None
    metrics: Metrics = field(default_factory=Metrics)
    prompt: str = ""  # a question for the room, shown on the stage's step in present mode

    def __post_init__(self) -> None:
        check_text(self, LONG_DESCRIPTION_NOTES)
        object.__setattr__(self, "width", float(self.width))
        if not STAGE_WIDTH_MIN <= self.width <= STAGE_WIDTH_MAX:
            raise ValueError(
                f"stage width must be {STAGE_WIDTH_MIN:g}..{STAGE_WIDTH_MAX:g}, not {self.width}"
            )

    @property
    def effective_phase(self) -> BuyingPhase | None:
        """The stage's buying phase, guessed from common stage names when not set."""
        return self.buying_phase or STAGE_NAME_PHASES.get(self.name.strip().lower())


@dataclass(frozen=True, slots=True)
class Lane:
    """A row of the map across all stages (actions, touchpoints, emotions...)."""

    id: str
    name: str
    kind: LaneKind = LaneKind.CUSTOM
    description: str = ""
    collapsed: bool = False
    hidden: bool = False

    def __post_init__(self) -> None:
        check_text(self, LONG_DESCRIPTION)


@dataclass(frozen=True, slots=True)
class Card:
    """Anything placed in a stage x lane cell; touchpoints carry the classification."""

    id: str
    stage_id: str
    lane_id: str
    title: str
    kind: CardKind = CardKind.TOUCHPOINT
    description: str = ""
    channel: str | None = None
    creator: Creator | None = None
    buying_phase: BuyingPhase | None = None
    emotions: dict[str, int] = field(default_factory=dict)
    moment_of_truth: bool = False
    owner: str = ""
    # an opportunity card's rating and the pain points it addresses (card ids)
    impact: int = RATING_DEFAULT
    effort: int = RATING_DEFAULT
    pain_point_ids: tuple[str, ...] = ()
    metrics: Metrics = field(default_factory=Metrics)
    evidence: tuple[Evidence, ...] = ()
    url: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    sensitive: bool = False  # left out when presenting to a room
    votes: dict[str, int] = field(default_factory=dict)  # workshop day (YYYY-MM-DD) -> dots

    def __post_init__(self) -> None:
        check_text(self, LONG_DESCRIPTION_NOTES)
        for day, count in self.votes.items():
            if not 1 <= count <= VOTES_MAX:
                raise ValueError(f"votes on {day} must be 1..{VOTES_MAX}, not {count}")
        for persona_id, score in self.emotions.items():
            if not EMOTION_MIN <= score <= EMOTION_MAX:
                raise ValueError(
                    f"emotion for {persona_id} must be {EMOTION_MIN}..{EMOTION_MAX}, not {score}"
                )
        if self.impact not in RATINGS or self.effort not in RATINGS:
            name = "impact" if self.impact not in RATINGS else "effort"
            value = getattr(self, name)
            raise ValueError(f"{name} must be {RATING_MIN}..{RATING_MAX}, not {value}")
        if self.id in self.pain_point_ids:
            raise ValueError("an opportunity cannot address itself")

    def emotion(self, persona_id: str | None) -> int | None:
        return None if persona_id is None else self.emotions.get(persona_id)

    def sentiment(self, persona_id: str | None) -> Sentiment:
        """Pain point / love point, derived from the persona's emotion score."""
        return sentiment_of(self.emotion(persona_id))

    @property
    def priority(self) -> float:
        """An opportunity's rank, higher first: impact over effort, so quick wins (high
        impact, low effort) lead."""
        return self.impact / self.effort

    @property
    def is_quick_win(self) -> bool:
        return self.impact >= 4 and self.effort <= 2

    @property
    def quadrant(self) -> Quadrant:
        """Where an opportunity sits on the impact / effort matrix."""
        if self.is_quick_win:
            return Quadrant.QUICK_WIN
        if self.impact >= 4:
            return Quadrant.MAJOR_PROJECT
        return Quadrant.FILL_IN if self.effort <= 2 else Quadrant.RECONSIDER

    @property
    def confidence(self) -> Confidence | None:
        """The strongest confidence among the card's evidence, if it has any."""
        if not self.evidence:
            return None
        return max((e.confidence for e in self.evidence), key=CONFIDENCE_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class Flow:
    """A directed step from one card to another: an edge of the journey graph."""

    id: str
    source: str
    target: str
    label: str = ""

    def __post_init__(self) -> None:
        check_text(self, LONG_NONE)
