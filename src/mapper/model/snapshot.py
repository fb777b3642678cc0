"""The whole map at one moment, as immutable values: for saving, exporting and recovery
copies on another thread while editing goes on."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.model.entities import Card, Flow, Lane, MapInfo, Persona, Stage

Cell = tuple[str, str]


@dataclass(frozen=True)
class Snapshot:
    """The whole map in document order. Entities are immutable, so a snapshot is cheap to
    take and safe to serialise on another thread."""

    info: MapInfo
    personas: tuple[Persona, ...]
    stages: tuple[Stage, ...]
    lanes: tuple[Lane, ...]
    cards: tuple[Card, ...]
    flows: tuple[Flow, ...]


@dataclass(frozen=True)
class Capture:
    """The map at one moment, taken in a few milliseconds even for a big map: references
    to the immutable entities and copies of the cell lists, nothing sorted. ``snapshot()``
    puts them in document order, on any thread (a save does that off the UI thread)."""

    info: MapInfo
    personas: tuple[Persona, ...]
    stages: tuple[Stage, ...]
    lanes: tuple[Lane, ...]
    cells: dict[Cell, tuple[str, ...]]
    cards: dict[str, Card]
    flows: tuple[Flow, ...]  # in no particular order

    def snapshot(self) -> Snapshot:
        cards = tuple(
            self.cards[card_id]
            for stage in self.stages
            for lane in self.lanes
            for card_id in self.cells.get((stage.id, lane.id), ())
        )
        position = {card.id: i for i, card in enumerate(cards)}
        flows = sorted(self.flows, key=lambda f: (position[f.source], position[f.target]))
        return Snapshot(self.info, self.personas, self.stages, self.lanes, cards, tuple(flows))
