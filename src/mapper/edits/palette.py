"""What a palette entry creates: dropped on the canvas, or chosen with Return (a card in
a cell, a stage or a lane)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mapper.edits.changes import Insert
from mapper.edits.intents import (
    CARD_TITLES,
    NOT_IN_THE_CURVE,
    add_lane,
    add_stage,
    drop_target,
)
from mapper.edits.refusal import EditRefused
from mapper.edits.wording import quote
from mapper.layout import MapLayout, Point
from mapper.layout.wording import channel_label
from mapper.model import Card, CardKind, Entity, JourneyMap, new_id


def palette_drop(
    journey: JourneyMap, layout: MapLayout, payload: Mapping[str, Any], pos: Point
) -> Insert:
    """What a palette entry (``{"kind": ..., "channel": ...}``) creates where it is let go."""
    kind = payload.get("kind")
    if kind == "stage":
        index = sum(1 for b in layout.stages if b.header.center[0] < pos[0])
        return add_stage(journey, index)
    if kind == "lane":
        index = sum(1 for b in layout.lanes if b.header.center[1] < pos[1])
        return add_lane(journey, _lane_index(journey, layout, index))
    try:
        card_kind = CardKind(str(kind))
    except ValueError:
        raise EditRefused("The palette sent something Mapper cannot create") from None
    target = drop_target(journey, layout, pos)
    if target is None:
        off_grid = layout.cell_at(pos) is None
        raise EditRefused("Drop cards onto a cell of the grid" if off_grid else NOT_IN_THE_CURVE)
    stage_id, lane_id, index = target
    channel = payload.get("channel")
    return add_card(journey, stage_id, lane_id, index, card_kind,
                    channel if isinstance(channel, str) else None)  # fmt: skip


def add_card(
    journey: JourneyMap,
    stage_id: str,
    lane_id: str,
    index: int,
    kind: CardKind = CardKind.TOUCHPOINT,
    channel: str | None = None,
) -> Insert:
    """A new card at ``index`` of a cell, with a title to type over. A touchpoint of a
    channel is called after it ("Mobile app touchpoint"); a channel the map does not know
    (or given to another kind of card) is left out."""
    if kind is not CardKind.TOUCHPOINT or channel is None or not journey.channel_known(channel):
        channel = None
    title = CARD_TITLES[kind]
    if channel is not None:
        title = f"{channel_label(journey, channel)} touchpoint"
    card = Card(new_id("card"), stage_id, lane_id, title, kind, channel=channel)
    return Insert(journey, Entity.CARD, index, card, f"Add {quote(title)}")


def palette_insert(
    journey: JourneyMap,
    payload: Mapping[str, Any],
    cell: tuple[str, str, int] | None,
    anchored: bool,
) -> Insert:
    """A palette entry chosen with Return: a card at ``cell`` (stage, lane, index); a stage
    after the cell's stage and a lane below its lane when ``anchored`` to a selection,
    otherwise (or without a cell) at the end."""
    kind = payload.get("kind")
    if kind in ("stage", "lane"):
        if cell is None or not anchored:
            return add_stage(journey) if kind == "stage" else add_lane(journey)
        if kind == "stage":
            return add_stage(journey, journey.stages.index_of(cell[0]) + 1)
        return add_lane(journey, journey.lanes.index_of(cell[1]) + 1)
    try:
        card_kind = CardKind(str(kind))
    except ValueError:
        raise EditRefused("The palette sent something Mapper cannot create") from None
    if cell is None:
        raise EditRefused("Add a stage and a lane first: cards go into their cells")
    channel = payload.get("channel")
    return add_card(journey, *cell, card_kind, channel if isinstance(channel, str) else None)


def _lane_index(journey: JourneyMap, layout: MapLayout, visible_index: int) -> int:
    """Turn an index among visible lanes into an index among all lanes."""
    visible: Sequence[str] = [b.lane.id for b in layout.lanes]
    if visible_index >= len(visible):
        return len(journey.lanes)
    return journey.lanes.index_of(visible[visible_index])
