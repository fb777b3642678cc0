"""The journey map document model. Pure Python: it never imports Qt."""

from typing import TYPE_CHECKING, Any

from mapper.model.collection import ModelError
from mapper.model.entities import (
    Card,
    CustomChannel,
    Evidence,
    Flow,
    Lane,
    MapInfo,
    Metrics,
    Persona,
    Photo,
    Presentation,
    Scenario,
    SequenceItem,
    Stage,
)
from mapper.model.events import Action, Entity, ModelEvent
from mapper.model.ids import new_id
from mapper.model.journey import JourneyMap, Snapshot
from mapper.model.vocabulary import (
    BUILTIN_CHANNELS,
    EMOTION_MAX,
    EMOTION_MIN,
    METRIC_RANGES,
    METRICS,
    BuyingPhase,
    CardKind,
    Confidence,
    Creator,
    LaneKind,
    Quadrant,
    Sentiment,
    sentiment_of,
)

if TYPE_CHECKING:
    from mapper.model.removals import CardRemoval, ColumnRemoval, PersonaRemoval, Removal

_REMOVALS = {"CardRemoval", "ColumnRemoval", "PersonaRemoval", "Removal"}


def __getattr__(name: str) -> Any:
    """The removal records load with the first removal, not with the model."""
    if name in _REMOVALS:
        from mapper.model import removals

        return getattr(removals, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BUILTIN_CHANNELS",
    "EMOTION_MAX",
    "EMOTION_MIN",
    "METRICS",
    "METRIC_RANGES",
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
    "Persona",
    "PersonaRemoval",
    "Photo",
    "Presentation",
    "Quadrant",
    "Removal",
    "Scenario",
    "Sentiment",
    "SequenceItem",
    "Snapshot",
    "Stage",
    "new_id",
    "sentiment_of",
]
