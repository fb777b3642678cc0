"""Repair: open what can be kept from an invalid file and say exactly what was dropped.

Works item by item: each stage, lane, card, ... is validated on its own; invalid items,
duplicates and references to things that do not exist are dropped with a reason. Only a
file that is not JSON at all (or not a journey map) cannot be repaired.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from mapper.fileformat.build import journey_from_plain
from mapper.fileformat.io import read_current
from mapper.fileformat.schema import LISTS, SCHEMA_VERSION, JourneyFile, too_many
from mapper.model import BUILTIN_CHANNELS, JourneyMap


def _label(name: str, index: int, raw: Any) -> str:
    title = raw.get("title") or raw.get("name") if isinstance(raw, dict) else None
    return f"{name}[{index}]" + (f" “{str(title)[:60]}”" if title else "")


def repair_journey(raw: bytes, source: str = "<data>") -> tuple[JourneyMap, list[str]]:
    """Returns the map that could be kept and one line per dropped thing."""
    data = read_current(raw, source)
    dropped: list[str] = []
    kept: dict[str, list[BaseModel]] = {}
    for name, (model, limit) in LISTS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            dropped.append(f"{name}: not a list, all of it")
            items = []
        if len(items) > limit:
            what = name.replace("_", " ")
            dropped.append(f"{name}: {too_many(len(items), limit, what)}; the rest left out")
            items = items[:limit]
        kept[name] = []
        for i, item in enumerate(items):
            salvaged = _salvage(model, item, _label(name, i, item), dropped)
            if salvaged is not None:
                kept[name].append(salvaged)
    header = {k: v for k, v in data.items() if k not in LISTS}
    try:
        base = JourneyFile.model_validate(header)
    except ValidationError as exc:
        for error in exc.errors():
            key, most = str(error["loc"][0]), error.get("ctx", {}).get("max_length")
            if error["type"] == "string_too_long" and len(error["loc"]) == 1 and most:
                header[key] = str(header[key])[:most]  # the map's notes kept, not emptied
                dropped.append(f"{key} shortened to {most:,} characters")
                continue
            dropped.append(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']} (reset)")
            header.pop(key, None)
        header.update(format="mapper-journey", schema_version=SCHEMA_VERSION)
        base = JourneyFile.model_validate(header)
    doc = base.model_copy(update={name: items for name, items in kept.items()})
    _drop_broken_references(doc, dropped)
    return journey_from_plain(doc.model_dump()), dropped


NAME_FIELDS = ("title", "name", "label")


def _salvage(model: type[BaseModel], item: Any, label: str, notes: list[str]) -> BaseModel | None:
    """Validate one item, mending what can be mended: unknown fields are removed, optional
    fields with bad values go back to their defaults, over-long text is shortened, a
    missing or unusable name becomes "Untitled". Only an item beyond that is dropped."""
    if not isinstance(item, dict):
        notes.append(f"{label}: not an object, left out")
        return None
    fixed = dict(item)
    for _ in range(8):
        try:
            return model.model_validate(fixed)
        except ValidationError as exc:
            errors = exc.errors()
        changed = False
        for error in errors:
            key = error["loc"][0] if error["loc"] else None
            field = model.model_fields.get(str(key)) if key is not None else None
            kind = error["type"]
            if kind == "extra_forbidden" and key in fixed:
                del fixed[key]
                notes.append(f"{label}: unknown field {key!r} removed")
            elif kind == "string_too_long" and len(error["loc"]) == 1 and key in fixed:
                limit = error.get("ctx", {}).get("max_length", 2000)
                fixed[key] = str(fixed[key])[:limit]
                notes.append(f"{label}: {key} shortened to {limit:,} characters")
            elif key in NAME_FIELDS and field is not None and field.is_required():
                value = fixed.get(key)
                text = value if isinstance(value, str) else ""
                fixed[key] = text[:2000] or "Untitled"
                notes.append(f"{label}: {key} was unusable, now {fixed[key][:40]!r}")
            elif field is not None and not field.is_required() and key in fixed:
                del fixed[key]
                notes.append(f"{label}: {key}: {error['msg']} (reset to its default)")
            else:
                continue
            changed = True
        if not changed:
            break
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"])
    notes.append(f"{label}: {where}: {first['msg']} (left out)")
    return None


def _unique(items: list, name: str, dropped: list[str], key: str = "id") -> list:
    seen: set[str] = set()
    result = []
    for item in items:
        value = getattr(item, key)
        if value in seen:
            dropped.append(f"{name} {value!r}: duplicate id")
            continue
        seen.add(value)
        result.append(item)
    return result


def _drop_broken_references(doc: JourneyFile, dropped: list[str]) -> None:
    for name in LISTS:
        key = "key" if name == "custom_channels" else "id"
        setattr(doc, name, _unique(getattr(doc, name), name.rstrip("s"), dropped, key))
    doc.custom_channels = [c for c in doc.custom_channels if c.key not in BUILTIN_CHANNELS]
    stages = {s.id for s in doc.stages}
    lanes = {lane.id for lane in doc.lanes}
    personas = {p.id for p in doc.personas}
    channels = set(BUILTIN_CHANNELS) | {c.key for c in doc.custom_channels}
    cards = []
    for card in doc.cards:
        if card.stage_id not in stages or card.lane_id not in lanes:
            dropped.append(f"card {card.id!r} “{card.title[:60]}”: its stage or lane is missing")
            continue
        fixes: dict[str, Any] = {}
        if card.channel is not None and card.channel not in channels:
            dropped.append(f"card {card.id!r}: unknown channel {card.channel!r} (cleared)")
            fixes["channel"] = None
        unknown = set(card.emotions) - personas
        if unknown:
            dropped.append(f"card {card.id!r}: scores for unknown personas {sorted(unknown)}")
            fixes["emotions"] = {k: v for k, v in card.emotions.items() if k in personas}
        cards.append(card.model_copy(update=fixes) if fixes else card)
    card_ids = {c.id for c in cards}
    for i, card in enumerate(cards):
        links = [p for p in card.pain_point_ids if p in card_ids and p != card.id]
        if links != card.pain_point_ids:
            dropped.append(f"card {card.id!r}: links to missing cards removed")
            cards[i] = card.model_copy(update={"pain_point_ids": links})
    doc.cards = cards
    flows, pairs = [], set()
    for flow in doc.flows:
        pair = (flow.source, flow.target)
        if flow.source not in card_ids or flow.target not in card_ids:
            dropped.append(f"flow {flow.id!r}: one of its cards is missing")
        elif flow.source == flow.target:
            dropped.append(f"flow {flow.id!r}: leads from a card to itself")
        elif pair in pairs:
            dropped.append(f"flow {flow.id!r}: repeats another flow")
        else:
            pairs.add(pair)
            flows.append(flow)
    doc.flows = flows
    if doc.active_persona_id is not None and doc.active_persona_id not in personas:
        dropped.append(f"active persona {doc.active_persona_id!r} does not exist (cleared)")
        doc.active_persona_id = None
    shown = doc.presentation
    doc.presentation = shown.model_copy(update={
        "hidden_lane_ids": [i for i in shown.hidden_lane_ids if i in lanes],
        "hidden_persona_ids": [i for i in shown.hidden_persona_ids if i in personas],
    })  # fmt: skip
