"""The order of the cards in each cell of the grid, and who addresses whom: the two
indexes a journey map keeps beside its graph."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mapper.model.entities import Card

Cell = tuple[str, str]  # (stage id, lane id)


class CellOrder:
    """Card ids per cell, in their order from the top of the cell, and each cell's cards
    as the map last gave them out (see ``JourneyMap.cell_cards``), until the cell changes."""

    def __init__(self) -> None:
        self._cells: dict[Cell, list[str]] = {}
        self.cards: dict[Cell, tuple[Card, ...]] = {}  # dropped when the cell changes

    def ids(self, cell: Cell) -> Sequence[str]:
        return self._cells.get(cell, ())

    def cards_of(self, cell: Cell, nodes: Mapping[str, Mapping[str, Card]]) -> tuple[Card, ...]:
        """The cell's cards (looked up in a graph's ``nodes``), kept until the cell changes."""
        cards = self.cards.get(cell)
        if cards is None:
            ids = self._cells.get(cell, ())
            cards = self.cards[cell] = tuple([nodes[card_id]["card"] for card_id in ids])
        return cards

    def index(self, cell: Cell, card_id: str) -> int:
        return self._cells[cell].index(card_id)

    def insert(self, cell: Cell, index: int, card_ids: Sequence[str]) -> int:
        """Put ``card_ids`` as one block at ``index`` (clamped); returns the index used."""
        ids = self._cells.setdefault(cell, [])
        index = max(0, min(index, len(ids)))
        ids[index:index] = card_ids
        self.cards.pop(cell, None)
        return index

    def fill(self, cards: Sequence[Card]) -> None:
        """Each card at the end of its cell, in the order given."""
        cells = self._cells
        for card in cards:
            cells.setdefault((card.stage_id, card.lane_id), []).append(card.id)
        self.cards.clear()

    def remove(self, cell: Cell, card_id: str) -> None:
        self._cells[cell].remove(card_id)
        self.cards.pop(cell, None)

    def copy(self) -> dict[Cell, tuple[str, ...]]:
        return {cell: tuple(ids) for cell, ids in self._cells.items()}


class LinkIndex:
    """For each card, the opportunity cards whose ``pain_point_ids`` hold it."""

    def __init__(self) -> None:
        self._by: dict[str, set[str]] = {}

    def addressing(self, card_id: str) -> set[str]:
        return self._by.get(card_id, set())

    def add(self, card: Card) -> None:
        for card_id in card.pain_point_ids:
            self._by.setdefault(card_id, set()).add(card.id)

    def fill(self, cards: Sequence[Card]) -> None:
        for card in cards:
            if card.pain_point_ids:
                self.add(card)

    def discard(self, card: Card) -> None:
        for card_id in card.pain_point_ids:
            linked = self._by.get(card_id)
            if linked is not None:
                linked.discard(card.id)
                if not linked:
                    del self._by[card_id]

    def replace(self, old: Card, new: Card) -> None:
        self.discard(old)
        self.add(new)
