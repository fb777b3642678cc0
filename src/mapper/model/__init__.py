"""The journey map document model. Pure Python: it never imports Qt."""

from mapper.model.collection import ModelError
from mapper.model.document import CardRemoval, ColumnRemoval, JourneyMap, PersonaRemoval
from mapper.model.entities import (
    Card,
    CustomChannel,
    Evidence,
    Flow,
    Lane,
    MapInfo,
    Metrics,
    Opportunity,
    Persona,
    Photo,
    Presentation,
    Scenario,
    Stage,
)
from mapper.model.events import Action, Entity, ModelEvent
from mapper.model.ids import new_id
from mapper.model.vocabulary import (
    BUILTIN_CHANNELS,
    EMOTION_MAX,
    EMOTION_MIN,
    BuyingPhase,
    CardKind,
    Confidence,
    Creator,
    LaneKind,
    Sentiment,
    sentiment_of,
)

__all__ = [
    "BUILTIN_CHANNELS",
    "EMOTION_MAX",
    "EMOTION_MIN",
    "Action",
    "BuyingPhase",
    "Card",
    "CardKind",
    "CardRemoval",
    "ColumnRemoval",
    "Confidence",
    "Creator",
    "CustomChannel",
    "Entity",
    "Evidence",
    "Flow",
    "JourneyMap",
    "Lane",
    "LaneKind",
    "MapInfo",
    "Metrics",
    "ModelError",
    "ModelEvent",
    "Opportunity",
    "Persona",
    "PersonaRemoval",
    "Photo",
    "Presentation",
    "Scenario",
    "Sentiment",
    "Stage",
    "new_id",
    "sentiment_of",
]
