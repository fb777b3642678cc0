"""From the live model to a file's plain data, and the references a file's data must keep
(the other way: :mod:`mapper.fileformat.build`)."""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from mapper.fileformat.header import FORMAT_NAME, SCHEMA_VERSION
from mapper.fileformat.problems import Problem
from mapper.model import BUILTIN_CHANNELS, JourneyMap
from mapper.model.snapshot import Snapshot

if TYPE_CHECKING:
    from mapper.fileformat.schema import JourneyFile


# ----------------------------------------------------------------- model -> dict
@cache
def _defaults(cls: Any) -> tuple[tuple[str, Any], ...]:
    result = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = _REQUIRED
        result.append((f.name, default))
    return tuple(result)


_REQUIRED = object()


def to_plain(value: Any) -> Any:
    """Entities to JSON-ready values, leaving out fields that hold their default."""
    if dataclasses.is_dataclass(value):
        out = {}
        kind: Any = type(value)
        for name, default in _defaults(kind):
            item = getattr(value, name)
            if default is _REQUIRED or item != default:
                out[name] = to_plain(item)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def journey_to_plain(journey: JourneyMap | Snapshot) -> dict[str, Any]:
    """The whole map as a dict in file order: header, map fields, then the lists."""
    snap = journey.snapshot() if isinstance(journey, JourneyMap) else journey
    data: dict[str, Any] = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION}
    data.update(to_plain(snap.info))
    for name in ("personas", "stages", "lanes", "cards", "flows"):
        data[name] = [to_plain(item) for item in getattr(snap, name)]
    for plain, persona in zip(data["personas"], snap.personas, strict=True):
        plain["color"] = persona.color  # always: a missing colour means "by order"
    return data


# -------------------------------------------------------------- file -> model
def check_references(
    doc: JourneyFile | Any, report: Callable[[Problem], None] | None = None
) -> list[Problem]:
    """Ids must be unique and every reference must point at something that exists.

    ``doc`` may also be a raw view (see ``validation.raw_view``) where an unreadable item
    or id is None: those are skipped. ``report`` receives each problem as it is found
    (it may raise to stop); otherwise they are returned."""
    problems: list[Problem] = []
    add = report or problems.append

    def unique(name: str, items: list, key: str = "id") -> set[str]:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = getattr(item, key) if item is not None else None
            if value is None:
                continue
            if value in seen:
                add(
                    Problem(
                        f"{name}[{i}].{key}",
                        f"duplicate {key} {value!r} (also {name}[{seen[value]}])",
                    )
                )
            else:
                seen[value] = i
        return set(seen)

    def refer(where: str, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            add(Problem(where, f"refers to {what} {value!r}, which does not exist"))

    stages = unique("stages", doc.stages)
    lanes = unique("lanes", doc.lanes)
    personas = unique("personas", doc.personas)
    cards = unique("cards", doc.cards)
    unique("flows", doc.flows)
    channels = set(BUILTIN_CHANNELS) | unique("custom_channels", doc.custom_channels, "key")
    for i, channel in enumerate(doc.custom_channels):
        if channel is not None and channel.key in BUILTIN_CHANNELS:
            add(Problem(f"custom_channels[{i}].key", f"{channel.key!r} is a built-in channel"))

    refer("active_persona_id", doc.active_persona_id, personas, "persona")
    for i, lane_id in enumerate(doc.presentation.hidden_lane_ids):
        refer(f"presentation.hidden_lane_ids[{i}]", lane_id, lanes, "lane")
    for i, persona_id in enumerate(doc.presentation.hidden_persona_ids):
        refer(f"presentation.hidden_persona_ids[{i}]", persona_id, personas, "persona")
    for stage_id in doc.presentation.timeboxes:
        refer(f"presentation.timeboxes.{stage_id}", stage_id, stages, "stage")
    for i, card in enumerate(doc.cards):
        if card is None:
            continue
        refer(f"cards[{i}].stage_id", card.stage_id, stages, "stage")
        refer(f"cards[{i}].lane_id", card.lane_id, lanes, "lane")
        refer(f"cards[{i}].channel", card.channel, channels, "channel")
        for persona_id in card.emotions:
            refer(f"cards[{i}].emotions.{persona_id}", persona_id, personas, "persona")
        for j, card_id in enumerate(card.pain_point_ids):
            refer(f"cards[{i}].pain_point_ids[{j}]", card_id, cards, "card")
            if card_id is not None and card_id == card.id:
                add(Problem(f"cards[{i}].pain_point_ids[{j}]", "a card cannot address itself"))
    pairs: dict[tuple[str, str], int] = {}
    for i, flow in enumerate(doc.flows):
        if flow is None:
            continue
        refer(f"flows[{i}].source", flow.source, cards, "card")
        refer(f"flows[{i}].target", flow.target, cards, "card")
        if flow.source is None or flow.target is None:
            continue
        if flow.source == flow.target:
            add(Problem(f"flows[{i}]", "a flow cannot lead from a card to itself"))
        elif (flow.source, flow.target) in pairs:
            add(Problem(f"flows[{i}]", f"repeats flows[{pairs[flow.source, flow.target]}]"))
        else:
            pairs[flow.source, flow.target] = i
    return problems
