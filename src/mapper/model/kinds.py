"""What kind of entity a value is, and which of its fields an update may not change."""

from __future__ import annotations

from mapper.model.collection import ModelError
from mapper.model.entities import Card, Flow, Lane, Persona, Stage
from mapper.model.events import Entity

AnyEntity = Stage | Lane | Card | Flow | Persona

KIND_OF: dict[type, Entity] = {
    Stage: Entity.STAGE,
    Lane: Entity.LANE,
    Card: Entity.CARD,
    Flow: Entity.FLOW,
    Persona: Entity.PERSONA,
}

# Fields an update may not change: ids, and what only a move changes (a card's cell) or
# what would make a different flow (its ends).
FROZEN_FIELDS: dict[Entity, tuple[str, ...]] = {
    Entity.CARD: ("id", "stage_id", "lane_id"),
    Entity.FLOW: ("id", "source", "target"),
}


def kind_of(entity: object) -> Entity:
    try:
        return KIND_OF[type(entity)]
    except KeyError:
        raise ModelError(f"a {type(entity).__name__} is not part of a journey map") from None
