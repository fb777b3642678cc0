"""The live journey map: ordered stages, lanes and personas, and cards and flows kept as a
directed graph (nodes are cards, edges are flows) that NetworkX reads as its own
(``graph``, see :mod:`.card_graph`). An opportunity card's links to
the pain points it addresses are ids, indexed both ways.

Every change is one of a few generic operations (``insert``, ``update``, ``move``,
``move_cards``, ``remove``, ``restore``, ``update_info``); each emits model events and
returns what reverses it exactly (old values, old index, old positions, a removal record).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mapper.model import flow_order
from mapper.model.card_graph import CardGraph
from mapper.model.cells import CellOrder, LinkIndex
from mapper.model.checks import (
    check_card_values,
    check_info,
    check_links,
    check_new_card,
    check_new_flow,
)
from mapper.model.collection import ModelError, OrderedEntities, apply_changes
from mapper.model.entities import Card, Flow, Lane, MapInfo, Persona, Stage
from mapper.model.events import Action, Entity, EventHub, ModelEvent
from mapper.model.kinds import FROZEN_FIELDS, AnyEntity, kind_of
from mapper.model.snapshot import Capture, Snapshot
from mapper.model.vocabulary import BUILTIN_CHANNELS

if TYPE_CHECKING:
    import networkx as nx

    from mapper.model.removals import CardMoves, Removal

# flows() follows stage and lane order, and card moves (see place_cards); cards come and go
_FLOW_ORDER_DEPENDS_ON = frozenset({Entity.STAGE, Entity.LANE})


class JourneyMap:
    def __init__(self, info: MapInfo | None = None) -> None:
        self.info = info or MapInfo()
        self.events = EventHub()
        self.card_graph = CardGraph()
        self.stages: OrderedEntities[Stage] = OrderedEntities("stage")
        self.lanes: OrderedEntities[Lane] = OrderedEntities("lane")
        self.personas: OrderedEntities[Persona] = OrderedEntities("persona")
        self._cells = CellOrder()
        self._flow_ends: dict[str, tuple[str, str]] = {}
        self._linked_by = LinkIndex()  # card id -> the cards that address it
        self._flow_order: tuple[Flow, ...] | None = None  # kept until reordered (see notify)
        self._flow_set = object()  # replaced when a flow comes, goes or changes

    # ------------------------------------------------------------------ queries
    def get(self, kind: Entity, item_id: str) -> Any:
        """The stage, lane, card, flow or persona with that id."""
        if kind is Entity.CARD:
            return self.card(item_id)
        if kind is Entity.FLOW:
            return self.flow(item_id)
        return self._ordered(kind).get(item_id)

    def contains(self, kind: Entity, item_id: str) -> bool:
        if kind is Entity.CARD:
            return item_id in self.card_graph
        if kind is Entity.FLOW:
            return item_id in self._flow_ends
        return item_id in self._ordered(kind)

    def index_of(self, kind: Entity, item_id: str) -> int:
        """A card's place in its cell, or a stage's (lane's, ...) place in its list."""
        if kind is Entity.CARD:
            return self.card_position(item_id)[2]
        if kind is Entity.FLOW:
            return 0
        return self._ordered(kind).index_of(item_id)

    def card(self, card_id: str) -> Card:
        try:
            return self.card_graph.card(card_id)
        except KeyError:
            raise ModelError(f"no card with id {card_id!r}") from None

    def has_card(self, card_id: str) -> bool:
        return card_id in self.card_graph

    def cards(self) -> Iterator[Card]:
        """All cards in document order: by stage, then lane, then position in the cell."""
        for stage in self.stages:
            for lane in self.lanes:
                yield from self.cell_cards(stage.id, lane.id)

    def card_count(self) -> int:
        return len(self.card_graph)

    def cards_in_cell(self, stage_id: str, lane_id: str) -> list[Card]:
        return list(self.cell_cards(stage_id, lane_id))

    def cell_cards(self, stage_id: str, lane_id: str) -> tuple[Card, ...]:
        """A cell's cards from the top: the very same tuple until the cell changes (a card
        comes, goes, moves or is edited), so a view tells an unchanged cell by identity."""
        return self._cells.cards_of((stage_id, lane_id), self.card_graph.nodes)

    def card_position(self, card_id: str) -> tuple[str, str, int]:
        """``(stage_id, lane_id, index in cell)`` of a card."""
        card = self.card(card_id)
        cell = (card.stage_id, card.lane_id)
        return (*cell, self._cells.index(cell, card_id))

    def linked_by(self, card_id: str) -> list[Card]:
        """The cards whose ``pain_point_ids`` hold ``card_id`` (the opportunities that
        address it), in document order."""
        ids = self._linked_by.addressing(card_id)
        if not ids:
            return []
        cards = [self.card_graph.card(i) for i in ids]
        if len(cards) > 1:
            stages, lanes, cells = self.stages.ids(), self.lanes.ids(), self._cells
            cards.sort(key=lambda c: (stages.index(c.stage_id), lanes.index(c.lane_id),
                                      cells.index((c.stage_id, c.lane_id), c.id)))  # fmt: skip
        return cards

    def flow(self, flow_id: str) -> Flow:
        try:
            source, target = self._flow_ends[flow_id]
        except KeyError:
            raise ModelError(f"no flow with id {flow_id!r}") from None
        return self.card_graph.flow(source, target)

    def has_flow_between(self, source: str, target: str) -> bool:
        return self.card_graph.has_flow(source, target)

    def flows(self) -> list[Flow]:
        """All flows, ordered by source then target document position: by card positions
        only, so removing and restoring a flow (or a card with its flows) changes nothing."""
        return list(self.flow_sequence())

    def flow_sequence(self) -> tuple[Flow, ...]:
        """:meth:`flows` as a tuple: the very same one while the flows and their order stay."""
        if self._flow_order is None:
            ids = self.stages.ids(), self.lanes.ids()
            order = flow_order.in_document_order(self.card_graph, self._cells, *ids)
            self._flow_order = tuple(order)
        return self._flow_order

    def flow_set(self) -> object:
        """The same object while no flow came, went or changed (their order aside)."""
        return self._flow_set

    def flow_count(self) -> int:
        return self.card_graph.flow_count()

    def flows_of(self, card_id: str) -> list[Flow]:
        """The flows into the card, then those out of it (none: not a card)."""
        return self.card_graph.flows_of(card_id)

    @property
    def graph(self) -> nx.DiGraph:
        """The cards and flows as a NetworkX ``DiGraph``, for its algorithms (NetworkX
        loads on the first call). Read it only: the map changes through its operations."""
        return self.card_graph.networkx()

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> JourneyMap:
        """An independent map holding the snapshot's content (entities are shared: they
        are immutable), e.g. for an export on another thread while editing goes on."""
        journey = cls(snapshot.info)
        for group in (snapshot.personas, snapshot.stages, snapshot.lanes):
            for entity in group:
                journey.add(entity)
        journey.load(snapshot.cards, snapshot.flows)
        return journey

    def snapshot(self) -> Snapshot:
        return self.capture().snapshot()

    def capture(self) -> Capture:
        """What :meth:`snapshot` needs, without the ordering (see :class:`Capture`)."""
        nodes, successors = self.card_graph.nodes, self.card_graph.successors
        flows = [data["flow"] for ends in successors.values() for data in ends.values()]
        return Capture(
            self.info, tuple(self.personas), tuple(self.stages), tuple(self.lanes),
            self._cells.copy(),
            {card_id: data["card"] for card_id, data in nodes.items()},
            tuple(flows),
        )  # fmt: skip

    def active_persona(self) -> Persona | None:
        pid = self.info.active_persona_id
        if pid is not None and pid in self.personas:
            return self.personas.get(pid)
        return next(iter(self.personas), None)

    def channel_known(self, key: str) -> bool:
        return key in BUILTIN_CHANNELS or any(c.key == key for c in self.info.custom_channels)

    def notify(
        self, entity: Entity, action: Action, item_id: str | None = None, fields: Iterable[str] = ()
    ) -> None:
        if entity is Entity.FLOW:
            self._flow_order, self._flow_set = None, object()
        elif entity in _FLOW_ORDER_DEPENDS_ON and action is not Action.UPDATED:
            self._flow_order = None
        if self.events.heard():
            self.events.emit(ModelEvent(entity, action, item_id, frozenset(fields)))

    # ---------------------------------------------------------------- map info
    def update_info(self, **changes: Any) -> dict[str, Any]:
        new, old = apply_changes(self.info, changes, frozen_fields=())
        check_info(self, new)
        self.info = new
        self.notify(Entity.MAP, Action.UPDATED, None, changes)
        return old

    # ------------------------------------------------------- generic operations
    def insert(self, index: int, entity: AnyEntity) -> int:
        """Put ``entity`` at ``index`` of its list (a card: of its cell; clamped); returns
        the index used. Flows have no order of their own: ``index`` is ignored."""
        kind = kind_of(entity)
        if isinstance(entity, Card):
            index = self._insert_card(index, entity)
        elif isinstance(entity, Flow):
            self._insert_flow(entity)
            index = 0
        else:
            index = self._ordered(kind).insert(index, entity)
        self.notify(kind, Action.ADDED, entity.id)
        return index

    def add_cards(self, cards: Iterable[Card]) -> None:
        """Add cards at the ends of their cells, as loading a map does: a card may address
        one added after it, so links are checked once all are in."""
        added = []
        for card in cards:
            cell = self._cells.ids((card.stage_id, card.lane_id))
            self._insert_card(len(cell), card, check_links=False)
            self.notify(Entity.CARD, Action.ADDED, card.id)
            added.append(card)
        for card in added:
            check_links(self, card)

    def load(self, cards: Sequence[Card], flows: Sequence[Flow]) -> None:
        """The cards (each at the end of its cell) and flows of a whole map (a checked file,
        a snapshot) into an empty one no one hears: no check or event per item, only counts."""
        if self.card_graph or self.events.heard():
            raise ModelError("only a new map that no one listens to is loaded at once")
        self._cells.fill(cards)
        self._linked_by.fill(cards)
        whole = self.card_graph.load(cards, flows)
        self._flow_ends.update([(f.id, (f.source, f.target)) for f in flows])
        if not whole or len(self._flow_ends) != len(flows):  # (a repeated flow id)
            raise ModelError("the cards and flows loaded are not a whole map")

    def add(self, entity: AnyEntity) -> int:
        """Insert at the end (a card: at the end of its cell)."""
        if isinstance(entity, Card):
            index = len(self._cells.ids((entity.stage_id, entity.lane_id)))
        elif isinstance(entity, Flow):
            index = 0
        else:
            index = len(self._ordered(kind_of(entity)))
        return self.insert(index, entity)

    def update(self, kind: Entity, item_id: str, /, **changes: Any) -> dict[str, Any]:
        """Set fields; returns their old values."""
        if kind is Entity.MAP:
            return self.update_info(**changes)
        new, old = apply_changes(self.get(kind, item_id), changes, FROZEN_FIELDS.get(kind, ("id",)))
        if isinstance(new, Card):
            check_card_values(self, new)
            if "pain_point_ids" in changes:
                check_links(self, new)
                self._linked_by.replace(self.card_graph.card(item_id), new)
            self.card_graph.set_card(new)
            self._cells.cards.pop((new.stage_id, new.lane_id), None)
        elif isinstance(new, Flow):
            self.card_graph.set_flow(new)
        else:
            self._ordered(kind).replace(new)
        self.notify(kind, Action.UPDATED, item_id, changes)
        return old

    def move(self, kind: Entity, item_id: str, index: int) -> int:
        """Move a stage, lane or persona to ``index``; returns the old index."""
        if kind in (Entity.CARD, Entity.FLOW, Entity.MAP):
            raise ModelError(f"a {kind.value} is not moved in a list (cards: move_cards)")
        old = self._ordered(kind).move(item_id, index)
        self.notify(kind, Action.MOVED, item_id)
        return old

    def move_cards(
        self, card_ids: Sequence[str], stage_id: str, lane_id: str, index: int
    ) -> CardMoves:
        """Move cards, in the order given, as one block to ``index`` of a cell.

        ``index`` counts the cards that stay in the target cell. Returns where the cards
        were, for :meth:`put_cards_back`."""
        return self.place_cards([(card_ids, stage_id, lane_id, index)])

    def place_cards(self, blocks: Sequence[tuple[Sequence[str], str, str, int]]) -> CardMoves:
        """Several :meth:`move_cards` at once (a drag of cards from several cells lands in
        several): all the cards leave first, so each block's ``index`` counts only the
        cards that stay in its cell."""
        card_ids = [card_id for ids, *_ in blocks for card_id in ids]
        if len(set(card_ids)) != len(card_ids):
            raise ModelError("a card cannot be moved twice at once")
        for _, stage_id, lane_id, _ in blocks:
            self.stages.get(stage_id)
            self.lanes.get(lane_id)
        before = tuple((cid, *self.card_position(cid)) for cid in card_ids)
        order = self._flow_order
        for card_id, old_stage, old_lane, _ in before:
            self._cells.remove((old_stage, old_lane), card_id)
        for ids, stage_id, lane_id, index in blocks:
            self._cells.insert((stage_id, lane_id), index, list(ids))
            self._set_cells(ids, stage_id, lane_id)
        self._flow_order = flow_order.reordered(
            self.card_graph, self._cells, self.stages.ids(), self.lanes.ids(), order, card_ids
        )
        from mapper.model.removals import CardMoves  # (loaded by the first edit, not at start)

        return CardMoves(before)

    def put_cards_back(self, moves: CardMoves) -> None:
        """Undo :meth:`move_cards`: every card back to its old cell and place."""
        order = self._flow_order
        for card_id, *_ in moves.before:
            card = self.card(card_id)
            self._cells.remove((card.stage_id, card.lane_id), card_id)
        # Within a cell, putting cards back in the order of their old indexes rebuilds it.
        for card_id, stage_id, lane_id, index in sorted(moves.before, key=lambda m: m[3]):
            self._cells.insert((stage_id, lane_id), index, [card_id])
        for card_id, stage_id, lane_id, _ in moves.before:
            self._set_cells([card_id], stage_id, lane_id)
        moved = [card_id for card_id, *_ in moves.before]
        self._flow_order = flow_order.reordered(
            self.card_graph, self._cells, self.stages.ids(), self.lanes.ids(), order, moved
        )

    def remove(self, kind: Entity, item_id: str) -> Removal:
        """Remove a thing and what hangs on it; the record puts it all back."""
        from mapper.model import cascade  # (loaded by the first removal, not at start)

        return cascade.remove(self, kind, item_id)

    def restore(self, removal: Removal) -> None:
        """Undo :meth:`remove`: the thing at its old place, with what hung on it."""
        from mapper.model import cascade

        cascade.restore(self, removal)

    # ------------------------------------------------------------------ helpers
    def _ordered(self, kind: Entity) -> OrderedEntities[Any]:
        if kind is Entity.STAGE:
            return self.stages
        if kind is Entity.LANE:
            return self.lanes
        if kind is Entity.PERSONA:
            return self.personas
        raise ModelError(f"{kind.value}s are not kept in a list")

    def _insert_card(self, index: int, card: Card, check_links: bool = True) -> int:
        check_new_card(self, card, check_links)
        index = self._cells.insert((card.stage_id, card.lane_id), index, [card.id])
        self.card_graph.add_card(card)
        self._cells.cards.pop((card.stage_id, card.lane_id), None)
        self._linked_by.add(card)
        return index

    def _insert_flow(self, flow: Flow) -> None:
        check_new_flow(self, flow)
        self.card_graph.add_flow(flow)
        self._flow_ends[flow.id] = (flow.source, flow.target)

    def _set_cells(self, card_ids: Iterable[str], stage_id: str, lane_id: str) -> None:
        graph = self.card_graph
        for card_id in card_ids:
            card = graph.card(card_id)
            if (card.stage_id, card.lane_id) != (stage_id, lane_id):
                graph.set_card(replace(card, stage_id=stage_id, lane_id=lane_id))
                self._cells.cards.pop((stage_id, lane_id), None)
            self.notify(Entity.CARD, Action.MOVED, card_id)

    def _remove_flow(self, flow_id: str) -> Flow:
        flow = self.flow(flow_id)
        self.card_graph.remove_flow(flow.source, flow.target)
        del self._flow_ends[flow_id]
        self.notify(Entity.FLOW, Action.REMOVED, flow_id)
        return flow

    def _drop_card(self, card: Card) -> None:
        for flow in self.flows_of(card.id):
            self._remove_flow(flow.id)
        self._cells.remove((card.stage_id, card.lane_id), card.id)
        self._linked_by.discard(card)
        self.card_graph.remove_card(card.id)
        self.notify(Entity.CARD, Action.REMOVED, card.id)
