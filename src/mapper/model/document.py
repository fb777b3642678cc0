"""The live journey map: ordered stages, lanes and personas, and cards and flows kept in a
NetworkX directed graph (nodes are cards, edges are flows).

Every change goes through a method here. Each one emits a :class:`ModelEvent` and returns
what is needed to reverse it exactly: ``update_*`` returns the old field values, ``move_*``
the old position, ``remove_*`` a removal record that ``restore_*`` puts back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from mapper.model.collection import ModelError, OrderedEntities, apply_changes
from mapper.model.entities import (
    Card,
    Flow,
    Lane,
    MapInfo,
    Opportunity,
    Persona,
    Presentation,
    Stage,
)
from mapper.model.events import Action, Entity, EventHub, ModelEvent
from mapper.model.vocabulary import BUILTIN_CHANNELS

Cell = tuple[str, str]


@dataclass(frozen=True)
class CardRemoval:
    """A removed card with its position, its flows and the opportunities that linked it."""

    card: Card
    index: int
    flows: tuple[Flow, ...]
    opportunities: tuple[Opportunity, ...]


@dataclass(frozen=True)
class ColumnRemoval:
    """A removed stage or lane with everything that hung on it, in document order."""

    entity: Stage | Lane
    index: int
    cards: tuple[Card, ...]
    flows: tuple[Flow, ...]
    opportunities: tuple[Opportunity, ...]
    presentation: Presentation | None = None  # before a hidden lane left it


@dataclass(frozen=True)
class PersonaRemoval:
    persona: Persona
    index: int
    cards: tuple[Card, ...]
    was_active: bool
    presentation: Presentation | None = None  # before a hidden persona left it


@dataclass(frozen=True)
class Snapshot:
    """The whole map at one moment, in document order. Entities are immutable, so a
    snapshot is cheap to take and safe to serialise on another thread."""

    info: MapInfo
    personas: tuple[Persona, ...]
    stages: tuple[Stage, ...]
    lanes: tuple[Lane, ...]
    cards: tuple[Card, ...]
    flows: tuple[Flow, ...]
    opportunities: tuple[Opportunity, ...]


class JourneyMap:
    def __init__(self, info: MapInfo | None = None) -> None:
        self.info = info or MapInfo()
        self.events = EventHub()
        self.graph: nx.DiGraph = nx.DiGraph()
        self.stages: OrderedEntities[Stage] = OrderedEntities("stage")
        self.lanes: OrderedEntities[Lane] = OrderedEntities("lane")
        self.personas: OrderedEntities[Persona] = OrderedEntities("persona")
        self.opportunities: OrderedEntities[Opportunity] = OrderedEntities("opportunity")
        self._cells: dict[Cell, list[str]] = {}
        self._flow_ends: dict[str, tuple[str, str]] = {}

    # ------------------------------------------------------------------ queries
    def card(self, card_id: str) -> Card:
        try:
            return self.graph.nodes[card_id]["card"]
        except KeyError:
            raise ModelError(f"no card with id {card_id!r}") from None

    def has_card(self, card_id: str) -> bool:
        return card_id in self.graph

    def cards(self) -> Iterator[Card]:
        """All cards in document order: by stage, then lane, then position in the cell."""
        for stage in self.stages:
            for lane in self.lanes:
                yield from self.cards_in_cell(stage.id, lane.id)

    def card_count(self) -> int:
        return self.graph.number_of_nodes()

    def cards_in_cell(self, stage_id: str, lane_id: str) -> list[Card]:
        nodes = self.graph.nodes
        return [nodes[cid]["card"] for cid in self._cells.get((stage_id, lane_id), ())]

    def card_position(self, card_id: str) -> tuple[str, str, int]:
        """``(stage_id, lane_id, index in cell)`` of a card."""
        card = self.card(card_id)
        return (
            card.stage_id,
            card.lane_id,
            self._cells[(card.stage_id, card.lane_id)].index(card_id),
        )

    def flow(self, flow_id: str) -> Flow:
        try:
            source, target = self._flow_ends[flow_id]
        except KeyError:
            raise ModelError(f"no flow with id {flow_id!r}") from None
        return self.graph.edges[source, target]["flow"]

    def flows(self) -> list[Flow]:
        """All flows, ordered by source then target document position.

        The order derives from card positions only, so removing and restoring a flow (or a
        card with its flows) gives back exactly the same document.
        """
        position = {card.id: i for i, card in enumerate(self.cards())}
        edges = sorted(
            self.graph.edges(data="flow"), key=lambda e: (position[e[0]], position[e[1]])
        )
        return [flow for _, _, flow in edges]

    def flow_count(self) -> int:
        return self.graph.number_of_edges()

    def flows_of(self, card_id: str) -> list[Flow]:
        edges = [
            *self.graph.in_edges(card_id, data="flow"),
            *self.graph.out_edges(card_id, data="flow"),
        ]
        return list({flow.id: flow for _, _, flow in edges}.values())

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> JourneyMap:
        """An independent map holding the snapshot's content (entities are shared: they
        are immutable), e.g. for an export on another thread while editing goes on."""
        journey = cls(snapshot.info)
        for persona in snapshot.personas:
            journey.add_persona(persona)
        for stage in snapshot.stages:
            journey.add_stage(stage)
        for lane in snapshot.lanes:
            journey.add_lane(lane)
        for card in snapshot.cards:
            journey.add_card(card)
        for flow in snapshot.flows:
            journey.add_flow(flow)
        for opportunity in snapshot.opportunities:
            journey.add_opportunity(opportunity)
        return journey

    def snapshot(self) -> Snapshot:
        return Snapshot(
            self.info, tuple(self.personas), tuple(self.stages), tuple(self.lanes),
            tuple(self.cards()), tuple(self.flows()), tuple(self.opportunities),
        )  # fmt: skip

    def active_persona(self) -> Persona | None:
        pid = self.info.active_persona_id
        if pid in self.personas:
            return self.personas.get(pid)
        return next(iter(self.personas), None)

    def channel_known(self, key: str) -> bool:
        return key in BUILTIN_CHANNELS or any(c.key == key for c in self.info.custom_channels)

    def notify(self, entity: Entity, action: Action, item_id: str | None = None, fields=()) -> None:
        self.events.emit(ModelEvent(entity, action, item_id, frozenset(fields)))

    # ---------------------------------------------------------------- map info
    def update_info(self, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.info, changes, frozen_fields=())
        if new.active_persona_id is not None and new.active_persona_id not in self.personas:
            raise ModelError(f"no persona with id {new.active_persona_id!r}")
        for lane_id in new.presentation.hidden_lane_ids:
            self.lanes.get(lane_id)
        for persona_id in new.presentation.hidden_persona_ids:
            self.personas.get(persona_id)
        self.info = new
        self.notify(Entity.MAP, Action.UPDATED, None, changes)
        return old

    # ------------------------------------------------------------ stages, lanes
    def insert_stage(self, index: int, stage: Stage) -> int:
        index = self.stages.insert(index, stage)
        self.notify(Entity.STAGE, Action.ADDED, stage.id)
        return index

    def add_stage(self, stage: Stage) -> int:
        return self.insert_stage(len(self.stages), stage)

    def insert_lane(self, index: int, lane: Lane) -> int:
        index = self.lanes.insert(index, lane)
        self.notify(Entity.LANE, Action.ADDED, lane.id)
        return index

    def add_lane(self, lane: Lane) -> int:
        return self.insert_lane(len(self.lanes), lane)

    def move_stage(self, stage_id: str, index: int) -> int:
        old = self.stages.move(stage_id, index)
        self.notify(Entity.STAGE, Action.MOVED, stage_id)
        return old

    def move_lane(self, lane_id: str, index: int) -> int:
        old = self.lanes.move(lane_id, index)
        self.notify(Entity.LANE, Action.MOVED, lane_id)
        return old

    def update_stage(self, stage_id: str, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.stages.get(stage_id), changes)
        self.stages.replace(new)
        self.notify(Entity.STAGE, Action.UPDATED, stage_id, changes)
        return old

    def update_lane(self, lane_id: str, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.lanes.get(lane_id), changes)
        self.lanes.replace(new)
        self.notify(Entity.LANE, Action.UPDATED, lane_id, changes)
        return old

    def remove_stage(self, stage_id: str) -> ColumnRemoval:
        stage = self.stages.get(stage_id)
        cards = [c for lane in self.lanes for c in self.cards_in_cell(stage_id, lane.id)]
        removal = self._remove_column(stage, cards, stage_id=stage_id)
        self.stages.remove(stage_id)
        self.notify(Entity.STAGE, Action.REMOVED, stage_id)
        return removal

    def remove_lane(self, lane_id: str) -> ColumnRemoval:
        lane = self.lanes.get(lane_id)
        cards = [c for stage in self.stages for c in self.cards_in_cell(stage.id, lane_id)]
        removal = self._remove_column(lane, cards)
        shown = self.info.presentation
        if lane_id in shown.hidden_lane_ids:
            hidden = tuple(i for i in shown.hidden_lane_ids if i != lane_id)
            self.update_info(presentation=replace(shown, hidden_lane_ids=hidden))
            removal = replace(removal, presentation=shown)
        self.lanes.remove(lane_id)
        self.notify(Entity.LANE, Action.REMOVED, lane_id)
        return removal

    def _remove_column(
        self, entity: Stage | Lane, cards: list[Card], stage_id: str | None = None
    ) -> ColumnRemoval:
        index = (self.stages if isinstance(entity, Stage) else self.lanes).index_of(entity.id)
        flows = {f.id: f for c in cards for f in self.flows_of(c.id)}
        card_ids = {c.id for c in cards}
        touched = [
            o
            for o in self.opportunities
            if card_ids.intersection(o.pain_point_ids) or (stage_id and o.stage_id == stage_id)
        ]
        for opp in touched:
            self.update_opportunity(
                opp.id,
                pain_point_ids=tuple(p for p in opp.pain_point_ids if p not in card_ids),
                stage_id=None if opp.stage_id == stage_id else opp.stage_id,
            )
        for card in reversed(cards):
            self._drop_card(card)
        return ColumnRemoval(entity, index, tuple(cards), tuple(flows.values()), tuple(touched))

    def restore_stage(self, removal: ColumnRemoval) -> None:
        assert isinstance(removal.entity, Stage)
        self.insert_stage(removal.index, removal.entity)
        self._restore_column(removal)

    def restore_lane(self, removal: ColumnRemoval) -> None:
        assert isinstance(removal.entity, Lane)
        self.insert_lane(removal.index, removal.entity)
        self._restore_column(removal)
        if removal.presentation is not None:
            self.update_info(presentation=removal.presentation)

    def _restore_column(self, removal: ColumnRemoval) -> None:
        for card in removal.cards:
            self.add_card(card)
        for flow in removal.flows:
            self.add_flow(flow)
        for opp in removal.opportunities:
            self._replace_opportunity(opp)

    # ------------------------------------------------------------------- cards
    def insert_card(self, index: int, card: Card) -> int:
        """Place a card at ``index`` inside its stage x lane cell (clamped)."""
        if card.id in self.graph:
            raise ModelError(f"a card with id {card.id!r} already exists")
        self.stages.get(card.stage_id)
        self.lanes.get(card.lane_id)
        self._check_card_values(card)
        cell = self._cells.setdefault((card.stage_id, card.lane_id), [])
        index = max(0, min(index, len(cell)))
        cell.insert(index, card.id)
        self.graph.add_node(card.id, card=card)
        self.notify(Entity.CARD, Action.ADDED, card.id)
        return index

    def add_card(self, card: Card) -> int:
        return self.insert_card(len(self._cells.get((card.stage_id, card.lane_id), ())), card)

    def move_card(
        self, card_id: str, stage_id: str, lane_id: str, index: int
    ) -> tuple[str, str, int]:
        """Move a card to position ``index`` of another (or the same) cell.

        Returns the old ``(stage_id, lane_id, index)``.
        """
        old_position = self.card_position(card_id)
        self.stages.get(stage_id)
        self.lanes.get(lane_id)
        card = self.card(card_id)
        self._cells[(card.stage_id, card.lane_id)].remove(card_id)
        cell = self._cells.setdefault((stage_id, lane_id), [])
        cell.insert(max(0, min(index, len(cell))), card_id)
        self.graph.nodes[card_id]["card"] = replace(card, stage_id=stage_id, lane_id=lane_id)
        self.notify(Entity.CARD, Action.MOVED, card_id)
        return old_position

    def update_card(self, card_id: str, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.card(card_id), changes, ("id", "stage_id", "lane_id"))
        self._check_card_values(new)
        self.graph.nodes[card_id]["card"] = new
        self.notify(Entity.CARD, Action.UPDATED, card_id, changes)
        return old

    def remove_card(self, card_id: str) -> CardRemoval:
        card = self.card(card_id)
        index = self.card_position(card_id)[2]
        flows = tuple(self.flows_of(card_id))
        touched = tuple(o for o in self.opportunities if card_id in o.pain_point_ids)
        for opp in touched:
            self.update_opportunity(
                opp.id, pain_point_ids=tuple(p for p in opp.pain_point_ids if p != card_id)
            )
        self._drop_card(card)
        return CardRemoval(card, index, flows, touched)

    def restore_card(self, removal: CardRemoval) -> None:
        self.insert_card(removal.index, removal.card)
        for flow in removal.flows:
            self.add_flow(flow)
        for opp in removal.opportunities:
            self._replace_opportunity(opp)

    def _drop_card(self, card: Card) -> None:
        for flow in self.flows_of(card.id):
            self.remove_flow(flow.id)
        self._cells[(card.stage_id, card.lane_id)].remove(card.id)
        self.graph.remove_node(card.id)
        self.notify(Entity.CARD, Action.REMOVED, card.id)

    def _check_card_values(self, card: Card) -> None:
        for persona_id in card.emotions:
            self.personas.get(persona_id)
        if card.channel is not None and not self.channel_known(card.channel):
            raise ModelError(f"unknown channel {card.channel!r}")

    # ------------------------------------------------------------------- flows
    def add_flow(self, flow: Flow) -> None:
        if flow.id in self._flow_ends:
            raise ModelError(f"a flow with id {flow.id!r} already exists")
        for end in (flow.source, flow.target):
            if end not in self.graph:  # NetworkX would silently create the node
                raise ModelError(f"flow {flow.id!r} points at unknown card {end!r}")
        if flow.source == flow.target:
            raise ModelError("a flow cannot lead from a card to itself")
        if self.graph.has_edge(flow.source, flow.target):
            raise ModelError(f"there is already a flow from {flow.source!r} to {flow.target!r}")
        self.graph.add_edge(flow.source, flow.target, flow=flow)
        self._flow_ends[flow.id] = (flow.source, flow.target)
        self.notify(Entity.FLOW, Action.ADDED, flow.id)

    def update_flow(self, flow_id: str, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.flow(flow_id), changes, ("id", "source", "target"))
        self.graph.edges[new.source, new.target]["flow"] = new
        self.notify(Entity.FLOW, Action.UPDATED, flow_id, changes)
        return old

    def remove_flow(self, flow_id: str) -> Flow:
        flow = self.flow(flow_id)
        self.graph.remove_edge(flow.source, flow.target)
        del self._flow_ends[flow_id]
        self.notify(Entity.FLOW, Action.REMOVED, flow_id)
        return flow

    # ---------------------------------------------------------------- personas
    def insert_persona(self, index: int, persona: Persona) -> int:
        index = self.personas.insert(index, persona)
        self.notify(Entity.PERSONA, Action.ADDED, persona.id)
        return index

    def add_persona(self, persona: Persona) -> int:
        return self.insert_persona(len(self.personas), persona)

    def move_persona(self, persona_id: str, index: int) -> int:
        old = self.personas.move(persona_id, index)
        self.notify(Entity.PERSONA, Action.MOVED, persona_id)
        return old

    def update_persona(self, persona_id: str, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.personas.get(persona_id), changes)
        self.personas.replace(new)
        self.notify(Entity.PERSONA, Action.UPDATED, persona_id, changes)
        return old

    def remove_persona(self, persona_id: str) -> PersonaRemoval:
        """Remove a persona and its emotion scores on every card."""
        persona = self.personas.get(persona_id)
        index = self.personas.index_of(persona_id)
        scored = tuple(c for c in self.cards() if persona_id in c.emotions)
        for card in scored:
            emotions = {k: v for k, v in card.emotions.items() if k != persona_id}
            self.update_card(card.id, emotions=emotions)
        was_active = self.info.active_persona_id == persona_id
        if was_active:
            self.update_info(active_persona_id=None)
        shown = self.info.presentation
        hidden_before = None
        if persona_id in shown.hidden_persona_ids:
            hidden = tuple(i for i in shown.hidden_persona_ids if i != persona_id)
            self.update_info(presentation=replace(shown, hidden_persona_ids=hidden))
            hidden_before = shown
        self.personas.remove(persona_id)
        self.notify(Entity.PERSONA, Action.REMOVED, persona_id)
        return PersonaRemoval(persona, index, scored, was_active, hidden_before)

    def restore_persona(self, removal: PersonaRemoval) -> None:
        self.insert_persona(removal.index, removal.persona)
        for card in removal.cards:
            self.update_card(card.id, emotions=card.emotions)
        if removal.was_active:
            self.update_info(active_persona_id=removal.persona.id)
        if removal.presentation is not None:
            self.update_info(presentation=removal.presentation)

    # ----------------------------------------------------------- opportunities
    def insert_opportunity(self, index: int, opportunity: Opportunity) -> int:
        self._check_opportunity(opportunity)
        index = self.opportunities.insert(index, opportunity)
        self.notify(Entity.OPPORTUNITY, Action.ADDED, opportunity.id)
        return index

    def add_opportunity(self, opportunity: Opportunity) -> int:
        return self.insert_opportunity(len(self.opportunities), opportunity)

    def move_opportunity(self, opportunity_id: str, index: int) -> int:
        old = self.opportunities.move(opportunity_id, index)
        self.notify(Entity.OPPORTUNITY, Action.MOVED, opportunity_id)
        return old

    def update_opportunity(self, opportunity_id: str, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.opportunities.get(opportunity_id), changes)
        self._check_opportunity(new)
        self.opportunities.replace(new)
        self.notify(Entity.OPPORTUNITY, Action.UPDATED, opportunity_id, changes)
        return old

    def remove_opportunity(self, opportunity_id: str) -> tuple[Opportunity, int]:
        removed = self.opportunities.remove(opportunity_id)
        self.notify(Entity.OPPORTUNITY, Action.REMOVED, opportunity_id)
        return removed

    def _replace_opportunity(self, opportunity: Opportunity) -> None:
        self._check_opportunity(opportunity)
        self.opportunities.replace(opportunity)
        self.notify(Entity.OPPORTUNITY, Action.UPDATED, opportunity.id)

    def _check_opportunity(self, opportunity: Opportunity) -> None:
        for card_id in opportunity.pain_point_ids:
            self.card(card_id)
        if opportunity.stage_id is not None:
            self.stages.get(opportunity.stage_id)
