"""What a removal or a move hands back, so the map can put everything back exactly."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.model.entities import Card, Flow, Lane, Persona, Presentation, Stage
from mapper.model.events import Entity


@dataclass(frozen=True)
class CardRemoval:
    """A removed card with its position, its flows and the opportunities that addressed it
    (as they were)."""

    card: Card
    index: int
    flows: tuple[Flow, ...]
    linked_by: tuple[Card, ...]

    @property
    def kind(self) -> Entity:
        return Entity.CARD


@dataclass(frozen=True)
class ColumnRemoval:
    """A removed stage or lane with everything that hung on it, in document order."""

    entity: Stage | Lane
    index: int
    cards: tuple[Card, ...]
    flows: tuple[Flow, ...]
    linked_by: tuple[Card, ...]  # cards left in the map that addressed its cards, as they were
    presentation: Presentation | None = None  # before a hidden lane left it

    @property
    def kind(self) -> Entity:
        return Entity.STAGE if isinstance(self.entity, Stage) else Entity.LANE


@dataclass(frozen=True)
class PersonaRemoval:
    """A removed persona, its place, and the cards that held its scores."""

    persona: Persona
    index: int
    cards: tuple[Card, ...]  # the cards as they were, with the persona's scores
    was_active: bool
    presentation: Presentation | None = None  # before a hidden persona left it

    @property
    def kind(self) -> Entity:
        return Entity.PERSONA


@dataclass(frozen=True)
class FlowRemoval:
    """A removed flow."""

    flow: Flow

    @property
    def kind(self) -> Entity:
        return Entity.FLOW


Removal = CardRemoval | ColumnRemoval | PersonaRemoval | FlowRemoval


@dataclass(frozen=True)
class CardMoves:
    """Where moved cards were: ``(card id, stage id, lane id, index in cell)`` each."""

    before: tuple[tuple[str, str, str, int], ...]
