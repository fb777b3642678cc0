"""Repair: open what can be kept from an invalid file and say exactly what was dropped.

Works item by item: each stage, lane, card, ... is validated on its own; invalid items,
duplicates and references to things that do not exist are dropped with a reason. Only a
file that is not JSON at all (or not a journey map) cannot be repaired.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from mapper.fileformat.convert import build_journey
from mapper.fileformat.io import read_current
from mapper.fileformat.schema import (
    SCHEMA_VERSION,
    CardFile,
    CustomChannelFile,
    FlowFile,
    JourneyFile,
    LaneFile,
    OpportunityFile,
    PersonaFile,
    StageFile,
)
from mapper.model import BUILTIN_CHANNELS, JourneyMap

LISTS: dict[str, type[BaseModel]] = {
    "custom_channels": CustomChannelFile,
    "personas": PersonaFile,
    "stages": StageFile,
    "lanes": LaneFile,
    "cards": CardFile,
    "flows": FlowFile,
    "opportunities": OpportunityFile,
}


def _label(name: str, index: int, raw: Any) -> str:
    title = raw.get("title") or raw.get("name") if isinstance(raw, dict) else None
    return f"{name}[{index}]" + (f" “{str(title)[:60]}”" if title else "")


def repair_journey(raw: bytes, source: str = "<data>") -> tuple[JourneyMap, list[str]]:
    """Returns the map that could be kept and one line per dropped thing."""
    data = read_current(raw, source)
    dropped: list[str] = []
    kept: dict[str, list[BaseModel]] = {}
    for name, model in LISTS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            dropped.append(f"{name}: not a list, all of it")
            items = []
        kept[name] = []
        for i, item in enumerate(items):
            try:
                kept[name].append(model.model_validate(item))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                dropped.append(f"{_label(name, i, item)}: {where}: {first['msg']}")
    header = {k: v for k, v in data.items() if k not in LISTS}
    try:
        base = JourneyFile.model_validate(header)
    except ValidationError as exc:
        for error in exc.errors():
            dropped.append(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']} (reset)")
            header.pop(str(error["loc"][0]), None)
        header.update(format="mapper-journey", schema_version=SCHEMA_VERSION)
        base = JourneyFile.model_validate(header)
    doc = base.model_copy(update={name: items for name, items in kept.items()})
    _drop_broken_references(doc, dropped)
    return build_journey(doc), dropped


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
    doc.cards = cards
    card_ids = {c.id for c in cards}
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
    opportunities = []
    for opp in doc.opportunities:
        links = [p for p in opp.pain_point_ids if p in card_ids]
        stage = opp.stage_id if opp.stage_id in stages else None
        if len(links) != len(opp.pain_point_ids) or stage != opp.stage_id:
            dropped.append(f"opportunity {opp.id!r}: links to missing cards or stage removed")
        opportunities.append(opp.model_copy(update={"pain_point_ids": links, "stage_id": stage}))
    doc.opportunities = opportunities
    if doc.active_persona_id is not None and doc.active_persona_id not in personas:
        dropped.append(f"active persona {doc.active_persona_id!r} does not exist (cleared)")
        doc.active_persona_id = None
    shown = doc.presentation
    doc.presentation = shown.model_copy(update={
        "hidden_lane_ids": [i for i in shown.hidden_lane_ids if i in lanes],
        "hidden_persona_ids": [i for i in shown.hidden_persona_ids if i in personas],
    })  # fmt: skip
