"""The model operations each entity kind offers, so commands can stay generic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mapper.model import Entity, JourneyMap


@dataclass(frozen=True)
class EntityOps:
    noun: str
    get: Callable[[JourneyMap, str], Any]
    index_of: Callable[[JourneyMap, str], int]
    insert: Callable[[JourneyMap, int, Any], Any]
    remove: Callable[[JourneyMap, str], Any]
    restore: Callable[[JourneyMap, Any], None]
    update: Callable[..., dict[str, Any]]
    move: Callable[[JourneyMap, str, int], int] | None = None


def _restore_indexed(insert):
    return lambda j, removed: insert(j, removed[1], removed[0])


OPS: dict[Entity, EntityOps] = {
    Entity.STAGE: EntityOps(
        "stage", lambda j, i: j.stages.get(i), lambda j, i: j.stages.index_of(i),
        JourneyMap.insert_stage, JourneyMap.remove_stage, JourneyMap.restore_stage,
        JourneyMap.update_stage, JourneyMap.move_stage,
    ),
    Entity.LANE: EntityOps(
        "lane", lambda j, i: j.lanes.get(i), lambda j, i: j.lanes.index_of(i),
        JourneyMap.insert_lane, JourneyMap.remove_lane, JourneyMap.restore_lane,
        JourneyMap.update_lane, JourneyMap.move_lane,
    ),
    Entity.CARD: EntityOps(
        "card", JourneyMap.card, lambda j, i: j.card_position(i)[2],
        JourneyMap.insert_card, JourneyMap.remove_card, JourneyMap.restore_card,
        JourneyMap.update_card,
    ),
    Entity.FLOW: EntityOps(
        "flow", JourneyMap.flow, lambda j, i: 0,
        lambda j, _index, flow: j.add_flow(flow), JourneyMap.remove_flow, JourneyMap.add_flow,
        JourneyMap.update_flow,
    ),
    Entity.PERSONA: EntityOps(
        "persona", lambda j, i: j.personas.get(i), lambda j, i: j.personas.index_of(i),
        JourneyMap.insert_persona, JourneyMap.remove_persona, JourneyMap.restore_persona,
        JourneyMap.update_persona, JourneyMap.move_persona,
    ),
    Entity.OPPORTUNITY: EntityOps(
        "opportunity", lambda j, i: j.opportunities.get(i),
        lambda j, i: j.opportunities.index_of(i),
        JourneyMap.insert_opportunity, JourneyMap.remove_opportunity,
        _restore_indexed(JourneyMap.insert_opportunity),
        JourneyMap.update_opportunity, JourneyMap.move_opportunity,
    ),
}  # fmt: skip
