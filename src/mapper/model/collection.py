"""An ordered list of entities addressed by id, used for stages, lanes, personas, ..."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, Generic, Protocol, TypeVar


class ModelError(ValueError):
    """An operation the model refuses: unknown id, duplicate id, value out of range."""


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


class OrderedEntities(Generic[T]):
    def __init__(self, noun: str) -> None:
        self.noun = noun
        self._items: list[T] = []
        self._index: dict[str, T] = {}

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._index

    def get(self, item_id: str) -> T:
        try:
            return self._index[item_id]
        except KeyError:
            raise ModelError(f"no {self.noun} with id {item_id!r}") from None

    def index_of(self, item_id: str) -> int:
        return self._items.index(self.get(item_id))

    def ids(self) -> list[str]:
        return [item.id for item in self._items]

    def insert(self, index: int, item: T) -> int:
        """Insert at ``index`` (clamped to the list); returns the index used."""
        if item.id in self._index:
            raise ModelError(f"a {self.noun} with id {item.id!r} already exists")
        index = max(0, min(index, len(self._items)))
        self._items.insert(index, item)
        self._index[item.id] = item
        return index

    def move(self, item_id: str, index: int) -> int:
        """Move to ``index``; returns the old index."""
        old = self.index_of(item_id)
        item = self._items.pop(old)
        self._items.insert(max(0, min(index, len(self._items))), item)
        return old

    def replace(self, item: T) -> T:
        old = self.get(item.id)
        self._items[self._items.index(old)] = item
        self._index[item.id] = item
        return old

    def remove(self, item_id: str) -> tuple[T, int]:
        index = self.index_of(item_id)
        item = self._items.pop(index)
        del self._index[item_id]
        return item, index


def apply_changes(
    entity: Any, changes: dict[str, Any], frozen_fields: tuple[str, ...] = ("id",)
) -> tuple[Any, dict[str, Any]]:
    """Return ``(new_entity, old_values)`` for a field update; refuses unknown fields."""
    names = {f.name for f in dataclasses.fields(entity)}
    for name in changes:
        if name not in names:
            raise ModelError(f"{type(entity).__name__} has no field {name!r}")
        if name in frozen_fields:
            raise ModelError(f"{type(entity).__name__}.{name} cannot be changed this way")
    old_values = {name: getattr(entity, name) for name in changes}
    try:
        new_entity = dataclasses.replace(entity, **changes)
    except (TypeError, ValueError) as exc:
        raise ModelError(str(exc)) from exc
    return new_entity, old_values
