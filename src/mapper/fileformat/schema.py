"""The `.journey` file schema as pydantic models (the on-disk shape, not the live model).

Field names and defaults mirror :mod:`mapper.model.entities`, so a file only carries what
differs from the defaults. Types are strict (no "3" for 3), floats finite, strings capped,
the map's lists capped. Every list stops at its first bad item (``fail_fast``), so validating
a hostile file never builds millions of errors; the loader finds the rest item by item, up
to a limit. Neither shows in the JSON Schema: the caps bound the work of reading a file,
they do not change what a map can hold.
"""

# Annotations are objects here, not postponed strings: pydantic reads them as they are
# instead of evaluating some hundred strings while the editor starts.
import base64
import binascii
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    field_validator,
)

from mapper.fileformat.header import FORMAT_NAME, SCHEMA_VERSION
from mapper.fileformat.images import MAX_PHOTO_BYTES, check_image
from mapper.model.vocabulary import (
    EMOTION_MAX,
    EMOTION_MIN,
    LONG_TEXT_MAX,
    RATING_DEFAULT,
    RATING_MAX,
    RATING_MIN,
    SEQUENCE_MAX,
    SHORT_TEXT_MAX,
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
)

SHORT_TEXT = SHORT_TEXT_MAX
LONG_TEXT = LONG_TEXT_MAX

# How many of each a map may hold: far beyond any real map (a 64 MB file, the largest Mapper
# opens, holds some 75,000 cards), small enough to refuse a hostile file before validation.
MAX_PERSONAS = 500
MAX_STAGES = 1_000
MAX_LANES = 1_000
MAX_CARDS = 100_000
MAX_FLOWS = 200_000
MAX_CUSTOM_CHANNELS = 500

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
# a workshop's day, as the notes' "workshop 2026-12-06" tag names it
Day = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
Votes = Annotated[int, Field(ge=1, le=VOTES_MAX, strict=True)]
# a step of an edited presentation sequence: see model.entities.SequenceItem
STEP_KEY_PATTERN = (
    r"^(overview|agenda|pain_points|opportunities|vote:pain_points|vote:opportunities"
    r"|(stage|emotion|slide):[A-Za-z0-9][A-Za-z0-9_.:-]{0,63})$"
)
StepKey = Annotated[str, StringConstraints(pattern=STEP_KEY_PATTERN)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
ShortText = Annotated[str, StringConstraints(max_length=SHORT_TEXT)]
LongText = Annotated[str, StringConstraints(max_length=LONG_TEXT)]
Rating = Annotated[int, Field(ge=RATING_MIN, le=RATING_MAX)]
EmotionScore = Annotated[int, Field(ge=EMOTION_MIN, le=EMOTION_MAX)]
Number = Annotated[float, Strict(False), Field(allow_inf_nan=False)]


FailFast = Field(fail_fast=True)  # a list's validation stops at its first bad item


# pydantic asks each default factory whether it takes the data validated so far; a built-in
# such as ``list`` answers from its text signature, which loads Python's tokenizer (about
# 3 ms of the editor's start): these plain functions answer at once
def empty_list() -> list[Any]:
    return []


def empty_dict() -> dict[Any, Any]:
    return {}


Texts = Annotated[list[ShortText], FailFast]


def _capped(what: str, limit: int) -> Any:
    """One of the map's lists: refused by its length alone, before any item is validated."""

    def check(items: Any) -> Any:
        if isinstance(items, list) and len(items) > limit:
            raise ValueError(too_many(len(items), limit, what))
        return items

    return BeforeValidator(check)


def too_many(count: int, limit: int, what: str) -> str:
    return f"{count:,} items; a map holds at most {limit:,} {what}"


# Enums are read from their string values (strict mode wants instances).
LaxConfidence = Annotated[Confidence, Strict(False)]
LaxBuyingPhase = Annotated[BuyingPhase, Strict(False)]
LaxLaneKind = Annotated[LaneKind, Strict(False)]
LaxCardKind = Annotated[CardKind, Strict(False)]
LaxCreator = Annotated[Creator, Strict(False)]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", strict=True, allow_inf_nan=False, use_enum_values=False
    )


class MetricsFile(_Strict):
    # frozen: pydantic then shares the default instead of deep-copying it for every card
    model_config = ConfigDict(frozen=True)

    csat: Number | None = None
    nps: Number | None = None
    conversion_rate: Number | None = None
    customer_effort: Number | None = None
    volume: Number | None = None
    cost: Number | None = None
    lifetime_value: Number | None = None


class EvidenceFile(_Strict):
    text: LongText
    source: ShortText = ""
    confidence: LaxConfidence = Confidence.ASSUMPTION


class PhotoFile(_Strict):
    mime: Literal["image/png", "image/jpeg"]
    data: Annotated[str, StringConstraints(max_length=(MAX_PHOTO_BYTES * 4) // 3 + 4)]

    @field_validator("data")
    @classmethod
    def _decodable_image(cls, value: str) -> str:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("photo data is not valid base64") from None
        problem = check_image(raw)
        if problem:
            raise ValueError(problem)
        return value


class ScenarioFile(_Strict):
    model_config = ConfigDict(frozen=True)

    title: ShortText = ""
    goal: LongText = ""
    expectations: Texts = []


class CustomChannelFile(_Strict):
    key: Id
    label: ShortText
    online: bool


class SequenceItemFile(_Strict):
    model_config = ConfigDict(frozen=True)

    key: StepKey
    skip: bool = False
    title: ShortText = ""
    text: LongText = ""


class PresentationFile(_Strict):
    model_config = ConfigDict(frozen=True)

    hidden_lane_ids: Annotated[list[Id], FailFast] = []
    hidden_persona_ids: Annotated[list[Id], FailFast] = []
    timeboxes: dict[Id, Annotated[int, Field(ge=TIMEBOX_MIN, le=TIMEBOX_MAX, strict=True)]] = {}
    agenda: bool = False
    interleave: bool = False
    top_pain_points: Annotated[int, Field(ge=0, le=TOP_PAIN_POINTS_MAX, strict=True)] = 0
    sequence: Annotated[
        list[SequenceItemFile], FailFast, _capped("presentation steps", SEQUENCE_MAX)
    ] = []


# A list or mapping a card or persona leaves out is made empty by a factory: pydantic would
# deep-copy a literal [] or {} default for each of thousands of items (the JSON Schema still
# shows the empty default, see jsonschema.py).
class PersonaFile(_Strict):
    id: Id
    name: ShortText
    role: ShortText = ""
    bio: LongText = ""
    demographics: dict[ShortText, ShortText] = Field(default_factory=empty_dict)
    goals: Texts = Field(default_factory=empty_list)
    motivations: Texts = Field(default_factory=empty_list)
    frustrations: Texts = Field(default_factory=empty_list)
    behaviours: Texts = Field(default_factory=empty_list)
    quote: LongText = ""
    photo: PhotoFile | None = None
    # None: a palette colour by the persona's place in the list (see model.palette)
    color: Color | None = None
    hidden: bool = False


class StageFile(_Strict):
    id: Id
    name: ShortText
    description: LongText = ""
    color: Color = "#e8eef7"
    width: Annotated[Number, Field(ge=STAGE_WIDTH_MIN, le=STAGE_WIDTH_MAX)] = STAGE_WIDTH_DEFAULT
    notes: LongText = ""
    buying_phase: LaxBuyingPhase | None = None
    metrics: MetricsFile = MetricsFile()
    prompt: ShortText = ""


class LaneFile(_Strict):
    id: Id
    name: ShortText
    kind: LaxLaneKind = LaneKind.CUSTOM
    description: LongText = ""
    collapsed: bool = False
    hidden: bool = False


class CardFile(_Strict):
    id: Id
    stage_id: Id
    lane_id: Id
    title: ShortText
    kind: LaxCardKind = CardKind.TOUCHPOINT
    description: LongText = ""
    channel: Id | None = None
    creator: LaxCreator | None = None
    buying_phase: LaxBuyingPhase | None = None
    emotions: dict[Id, EmotionScore] = Field(default_factory=empty_dict)
    moment_of_truth: bool = False
    owner: ShortText = ""
    impact: Rating = RATING_DEFAULT
    effort: Rating = RATING_DEFAULT
    pain_point_ids: Annotated[list[Id], FailFast] = Field(default_factory=empty_list)
    metrics: MetricsFile = MetricsFile()
    evidence: Annotated[list[EvidenceFile], FailFast] = Field(default_factory=empty_list)
    url: ShortText = ""
    tags: Texts = Field(default_factory=empty_list)
    notes: LongText = ""
    sensitive: bool = False
    votes: dict[Day, Votes] = Field(default_factory=empty_dict)


class FlowFile(_Strict):
    id: Id
    source: Id
    target: Id
    label: ShortText = ""


class JourneyFile(_Strict):
    """A whole `.journey` file."""

    model_config = ConfigDict(title="Mapper journey map")

    format: Literal["mapper-journey"] = FORMAT_NAME
    schema_version: Literal[4] = SCHEMA_VERSION
    title: ShortText = "Untitled journey"
    description: LongText = ""
    author: ShortText = ""
    version: ShortText = ""
    scenario: ScenarioFile = ScenarioFile()
    notes: LongText = ""
    active_persona_id: Id | None = None
    custom_channels: Annotated[
        list[CustomChannelFile], FailFast, _capped("custom channels", MAX_CUSTOM_CHANNELS)
    ] = []
    presentation: PresentationFile = PresentationFile()
    personas: Annotated[list[PersonaFile], FailFast, _capped("personas", MAX_PERSONAS)] = []
    stages: Annotated[list[StageFile], FailFast, _capped("stages", MAX_STAGES)] = []
    lanes: Annotated[list[LaneFile], FailFast, _capped("lanes", MAX_LANES)] = []
    cards: Annotated[list[CardFile], FailFast, _capped("cards", MAX_CARDS)] = []
    flows: Annotated[list[FlowFile], FailFast, _capped("flows", MAX_FLOWS)] = []


# The top-level lists, their item models and their caps, in file order.
LISTS: dict[str, tuple[type[BaseModel], int]] = {
    "custom_channels": (CustomChannelFile, MAX_CUSTOM_CHANNELS),
    "personas": (PersonaFile, MAX_PERSONAS),
    "stages": (StageFile, MAX_STAGES),
    "lanes": (LaneFile, MAX_LANES),
    "cards": (CardFile, MAX_CARDS),
    "flows": (FlowFile, MAX_FLOWS),
}
