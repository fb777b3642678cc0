"""The order of the cards in each cell of the grid, and who addresses whom: the two
indexes a journey map keeps beside its graph."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.model.entities import Card

Cell = tuple[str, str]  # (stage id, lane id)


class CellOrder:
    """Card ids per cell, in their order from the top of the cell."""

    def __init__(self) -> None:
        self._cells: dict[Cell, list[str]] = {}

    def ids(self, cell: Cell) -> Sequence[str]:
        return self._cells.get(cell, ())

    def index(self, cell: Cell, card_id: str) -> int:
        return self._cells[cell].index(card_id)

    def insert(self, cell: Cell, index: int, card_ids: Sequence[str]) -> int:
        """Put ``card_ids`` as one block at ``index`` (clamped); returns the index used."""
        ids = self._cells.setdefault(cell, [])
        index = max(0, min(index, len(ids)))
        ids[index:index] = card_ids
        return index

    def remove(self, cell: Cell, card_id: str) -> None:
        self._cells[cell].remove(card_id)

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
