"""Validation that reports every problem of a file, with bounded work and memory.

A valid file is validated in one call. A file that fails is checked again part by part:
the map's own fields, then each list item by item (every list in the schema stops at its
first bad item, so no call builds more than one item's errors), until ``MAX_COUNTED``
problems are known. A list longer than the format allows is refused by its length alone.
References are checked on the raw data of every item whose ids are readable, so a bad field
elsewhere in an item does not hide a dangling reference.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from mapper.fileformat.convert import check_references
from mapper.fileformat.problems import JourneyFileError, Problem, json_path
from mapper.fileformat.schema import ID_PATTERN, LISTS, JourneyFile, too_many

MAX_PROBLEMS = 50  # listed
MAX_COUNTED = 1_000  # counted; checking stops there
CHUNK = 1_000  # list items validated per call


class _Enough(Exception):
    pass


class _Found:
    """Problems in the order found; raises :class:`_Enough` once ``limit`` are known."""

    def __init__(self, limit: int = MAX_COUNTED) -> None:
        self.items: list[Problem] = []
        self.limit = limit

    def add(self, problem: Problem) -> None:
        self.items.append(problem)
        if len(self.items) >= self.limit:
            raise _Enough


def validate_file(data: dict[str, Any], source: str | Path) -> JourneyFile:
    """The validated file, or :class:`JourneyFileError` listing its problems."""
    if not any(_too_long(data, name) for name in LISTS):
        try:
            doc = JourneyFile.model_validate(data)
        except ValidationError:
            pass
        else:
            found = _Found()
            try:
                check_references(doc, found.add)
            except _Enough:
                raise _error(source, found.items, stopped=True) from None
            if not found.items:
                return doc
            raise _error(source, found.items)
    problems, stopped = find_problems(data)
    raise _error(source, problems, stopped)


def _error(source: str | Path, problems: list[Problem], stopped: bool = False) -> JourneyFileError:
    more = max(0, len(problems) - MAX_PROBLEMS)
    return JourneyFileError(source, problems[:MAX_PROBLEMS], more, stopped and more > 0)


def _too_long(data: dict[str, Any], name: str) -> bool:
    items = data.get(name)
    return isinstance(items, list) and len(items) > LISTS[name][1]


def find_problems(data: dict[str, Any], limit: int = MAX_COUNTED) -> tuple[list[Problem], bool]:
    """Every problem up to ``limit`` (and whether checking stopped there)."""
    found = _Found(limit)
    try:
        _check_parts(data, found)
    except _Enough:
        return found.items, True
    return found.items, False


def _check_parts(data: dict[str, Any], found: _Found) -> None:
    # The map's own fields, with any list field that is not a list (a type error there).
    header = {k: v for k, v in data.items() if not (k in LISTS and isinstance(v, list))}
    try:
        JourneyFile.model_validate(header)
    except ValidationError as exc:
        for error in exc.errors(include_url=False, include_input=False):
            found.add(error_problem(error))
    readable: dict[str, list] = {}
    too_long = False
    for name, (model, limit) in LISTS.items():
        items = data.get(name)
        if not isinstance(items, list):
            continue
        if len(items) > limit:
            found.add(Problem(name, too_many(len(items), limit, name.replace("_", " "))))
            too_long = True
            continue
        readable[name] = items
        _check_items(name, items, _adapter(model), found)
    if not too_long:  # else every reference into the unread list would look dangling
        check_references(raw_view(data, readable), found.add)


@cache
def _adapter(model: type[BaseModel]) -> TypeAdapter:
    items: Any = Annotated[list[model], Field(fail_fast=True)]  # type: ignore[valid-type]
    return TypeAdapter(items)


def _check_items(name: str, items: list, adapter: TypeAdapter, found: _Found) -> None:
    start = 0
    while start < len(items):
        chunk = items[start : start + CHUNK]
        try:
            adapter.validate_python(chunk)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=False)
            bad = int(errors[0]["loc"][0])  # fail_fast: all errors are this item's
            for error in errors:
                found.add(error_problem(error, (name, start + bad)))
            start += bad + 1
        else:
            start += len(chunk)


def error_problem(error: Any, prefix: tuple = ()) -> Problem:
    """One pydantic error in the user's words; ``prefix`` replaces the item index part of
    a per-item location."""
    message = error["msg"]
    if error["type"] == "missing":
        message = "this field is required"
    elif error["type"] == "extra_forbidden":
        message = "unknown field (not part of the journey format)"
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    loc = error["loc"]
    return Problem(json_path((*prefix, *loc[1:]) if prefix else loc), message)


# ------------------------------------------------------------- raw references
_ID = re.compile(ID_PATTERN)


def _id(value: Any) -> str | None:
    """An id as the schema reads it, or None when it is not one (its own problem)."""
    return value if isinstance(value, str) and _ID.match(value) else None


def _keys(value: Any) -> list[Any]:
    return list(value) if isinstance(value, dict) else []


def _ids(value: Any) -> list[str | None]:
    return [_id(v) for v in value] if isinstance(value, list) else []


_FIELDS: dict[str, dict[str, Any]] = {
    "custom_channels": {"key": _id},
    "personas": {"id": _id},
    "stages": {"id": _id},
    "lanes": {"id": _id},
    "cards": {
        "id": _id,
        "stage_id": _id,
        "lane_id": _id,
        "channel": _id,
        "emotions": lambda v: {k for k in v if _id(k)} if isinstance(v, dict) else set(),
        "pain_point_ids": _ids,
    },
    "flows": {"id": _id, "source": _id, "target": _id},
}


def raw_view(data: dict[str, Any], lists: dict[str, list]) -> SimpleNamespace:
    """What :func:`check_references` needs, read from unvalidated data: an item that is
    not an object is None, a field that is not a readable id is None."""

    def view(item: Any, fields: dict[str, Any]) -> SimpleNamespace | None:
        if not isinstance(item, dict):
            return None
        return SimpleNamespace(**{f: read(item.get(f)) for f, read in fields.items()})

    shown = data.get("presentation")
    shown = shown if isinstance(shown, dict) else {}
    return SimpleNamespace(
        active_persona_id=_id(data.get("active_persona_id")),
        presentation=SimpleNamespace(
            hidden_lane_ids=_ids(shown.get("hidden_lane_ids")),
            hidden_persona_ids=_ids(shown.get("hidden_persona_ids")),
            timeboxes=_ids(_keys(shown.get("timeboxes"))),
        ),
        **{
            name: [view(item, fields) for item in lists.get(name, [])]
            for name, fields in _FIELDS.items()
        },
    )
