"""What the palette offers, and the command that a drop of each creates."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.edits import Insert
from mapper.layout import MapLayout, Point
from mapper.model import (
    BUILTIN_CHANNELS,
    Card,
    CardKind,
    Entity,
    JourneyMap,
    Lane,
    LaneKind,
    Stage,
    new_id,
)

CARD_TITLES = {
    CardKind.TOUCHPOINT: "New touchpoint",
    CardKind.ACTION: "Customer action",
    CardKind.THOUGHT: "What they think",
    CardKind.PAIN_POINT: "Pain point",
    CardKind.OPPORTUNITY: "Opportunity",
    CardKind.NOTE: "Note",
}


@dataclass(frozen=True)
class PaletteEntry:
    label: str
    payload: dict


def palette_entries() -> list[PaletteEntry]:
    entries = [
        PaletteEntry(f"{info.label} touchpoint", {"kind": "touchpoint", "channel": key})
        for key, info in BUILTIN_CHANNELS.items()
    ]
    entries += [
        PaletteEntry(CARD_TITLES[kind].replace("What they think", "Thought"), {"kind": kind.value})
        for kind in CardKind
        if kind is not CardKind.TOUCHPOINT
    ]
    entries += [PaletteEntry("Stage", {"kind": "stage"}), PaletteEntry("Lane", {"kind": "lane"})]
    return entries


def command_for_drop(
    journey: JourneyMap, layout: MapLayout, payload: dict, pos: Point
) -> Insert | None:
    kind = payload.get("kind")
    if kind == "stage":
        index = sum(1 for b in layout.stages if b.header.center[0] < pos[0])
        stage = Stage(new_id("stage"), "New stage")
        return Insert(journey, Entity.STAGE, index, stage, "Add stage")
    if kind == "lane":
        index = sum(1 for b in layout.lanes if b.header.center[1] < pos[1])
        lane = Lane(new_id("lane"), "New lane", LaneKind.CUSTOM)
        return Insert(journey, Entity.LANE, _lane_index(journey, layout, index), lane, "Add lane")
    try:
        card_kind = CardKind(kind)
    except ValueError:
        return None
    cell = layout.cell_at(pos)
    if cell is None:
        return None
    stage_id, lane_id = cell
    channel = payload.get("channel") if card_kind is CardKind.TOUCHPOINT else None
    if channel is not None and not journey.channel_known(channel):
        channel = None
    index = sum(
        1
        for c in journey.cards_in_cell(stage_id, lane_id)
        if c.id in layout.cards and layout.cards[c.id].rect.center[1] < pos[1]
    )
    card = Card(new_id("card"), stage_id, lane_id, CARD_TITLES[card_kind], card_kind,
                channel=channel)  # fmt: skip
    return Insert(journey, Entity.CARD, index, card, f"Add {card_kind.value.replace('_', ' ')}")


def _lane_index(journey: JourneyMap, layout: MapLayout, visible_index: int) -> int:
    """Turn an index among visible lanes into an index among all lanes."""
    visible = [b.lane.id for b in layout.lanes]
    if visible_index >= len(visible):
        return len(journey.lanes)
    return journey.lanes.index_of(visible[visible_index])
