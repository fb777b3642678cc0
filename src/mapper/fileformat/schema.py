"""The `.journey` file schema as pydantic models (the on-disk shape, not the live model).

Field names and defaults mirror :mod:`mapper.model.entities`, so a file only carries what
differs from the defaults. Types are strict (no "3" for 3), floats finite, strings capped.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, field_validator

from mapper.fileformat.images import check_image
from mapper.model.vocabulary import (
    EMOTION_MAX,
    EMOTION_MIN,
    LONG_TEXT_MAX,
    RATING_MAX,
    RATING_MIN,
    SHORT_TEXT_MAX,
    STAGE_WIDTH_DEFAULT,
    STAGE_WIDTH_MAX,
    STAGE_WIDTH_MIN,
    BuyingPhase,
    CardKind,
    Confidence,
    Creator,
    LaneKind,
)

FORMAT_NAME = "mapper-journey"
# Raised with every change to the schema, even a new optional field, so an older Mapper says
# "made by a newer Mapper" instead of "unknown field". See docs/file-format.md.
SCHEMA_VERSION = 2
MAX_PHOTO_BYTES = 2 * 1024 * 1024
SHORT_TEXT = SHORT_TEXT_MAX
LONG_TEXT = LONG_TEXT_MAX

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
ShortText = Annotated[str, StringConstraints(max_length=SHORT_TEXT)]
LongText = Annotated[str, StringConstraints(max_length=LONG_TEXT)]
Rating = Annotated[int, Field(ge=RATING_MIN, le=RATING_MAX)]
EmotionScore = Annotated[int, Field(ge=EMOTION_MIN, le=EMOTION_MAX)]
Number = Annotated[float, Strict(False), Field(allow_inf_nan=False)]


def _lax(enum: type) -> type:
    """Enums are read from their string values (strict mode wants instances)."""
    return Annotated[enum, Strict(False)]  # type: ignore[return-value]


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
    confidence: _lax(Confidence) = Confidence.ASSUMPTION


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
    expectations: list[ShortText] = []


class CustomChannelFile(_Strict):
    key: Id
    label: ShortText
    online: bool


class PresentationFile(_Strict):
    model_config = ConfigDict(frozen=True)

    hidden_lane_ids: list[Id] = []
    hidden_persona_ids: list[Id] = []


class PersonaFile(_Strict):
    id: Id
    name: ShortText
    role: ShortText = ""
    bio: LongText = ""
    demographics: dict[ShortText, ShortText] = {}
    goals: list[ShortText] = []
    motivations: list[ShortText] = []
    frustrations: list[ShortText] = []
    behaviours: list[ShortText] = []
    quote: LongText = ""
    photo: PhotoFile | None = None
    color: Color = "#3465a4"


class StageFile(_Strict):
    id: Id
    name: ShortText
    description: LongText = ""
    color: Color = "#e8eef7"
    width: Annotated[Number, Field(ge=STAGE_WIDTH_MIN, le=STAGE_WIDTH_MAX)] = STAGE_WIDTH_DEFAULT
    notes: LongText = ""
    buying_phase: _lax(BuyingPhase) | None = None
    metrics: MetricsFile = MetricsFile()


class LaneFile(_Strict):
    id: Id
    name: ShortText
    kind: _lax(LaneKind) = LaneKind.CUSTOM
    description: LongText = ""
    collapsed: bool = False
    hidden: bool = False


class CardFile(_Strict):
    id: Id
    stage_id: Id
    lane_id: Id
    title: ShortText
    kind: _lax(CardKind) = CardKind.TOUCHPOINT
    description: LongText = ""
    channel: Id | None = None
    creator: _lax(Creator) | None = None
    buying_phase: _lax(BuyingPhase) | None = None
    emotions: dict[Id, EmotionScore] = {}
    moment_of_truth: bool = False
    owner: ShortText = ""
    metrics: MetricsFile = MetricsFile()
    evidence: list[EvidenceFile] = []
    url: ShortText = ""
    tags: list[ShortText] = []
    notes: LongText = ""


class FlowFile(_Strict):
    id: Id
    source: Id
    target: Id
    label: ShortText = ""


class OpportunityFile(_Strict):
    id: Id
    title: ShortText
    description: LongText = ""
    impact: Rating = 3
    effort: Rating = 3
    owner: ShortText = ""
    pain_point_ids: list[Id] = []
    stage_id: Id | None = None


class JourneyFile(_Strict):
    """A whole `.journey` file."""

    model_config = ConfigDict(title="Mapper journey map")

    format: Literal["mapper-journey"] = FORMAT_NAME
    schema_version: Literal[2] = SCHEMA_VERSION
    title: ShortText = "Untitled journey"
    description: LongText = ""
    author: ShortText = ""
    version: ShortText = ""
    scenario: ScenarioFile = ScenarioFile()
    notes: LongText = ""
    active_persona_id: Id | None = None
    custom_channels: list[CustomChannelFile] = []
    presentation: PresentationFile = PresentationFile()
    personas: list[PersonaFile] = []
    stages: list[StageFile] = []
    lanes: list[LaneFile] = []
    cards: list[CardFile] = []
    flows: list[FlowFile] = []
    opportunities: list[OpportunityFile] = []
