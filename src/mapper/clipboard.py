"""Copy and paste of cards (with the flows between them), within or across maps.

The payload is plain JSON-ready data, carried on the clipboard under our own MIME type.
Pasting gives every card and flow a new id, so it works into the same map, into another
map, and twice in a row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mapper.fileformat.build import card_from_plain
from mapper.fileformat.convert import to_plain
from mapper.fileformat.schema import CardFile, FlowFile
from mapper.model import Card, Flow, JourneyMap, new_id

MIME_TYPE = "application/x-mapper-cards+json"
PAYLOAD_VERSION = 1


def copy_payload(journey: JourneyMap, card_ids: list[str]) -> dict[str, Any]:
    """The cards (in document order) and the flows among them, with their cells by index."""
    wanted = set(card_ids)
    stage_ids, lane_ids = journey.stages.ids(), journey.lanes.ids()
    cards = [c for c in journey.cards() if c.id in wanted]
    return {
        "version": PAYLOAD_VERSION,
        "cards": [
            {
                **to_plain(c),
                "stage_index": stage_ids.index(c.stage_id),
                "lane_index": lane_ids.index(c.lane_id),
            }
            for c in cards
        ],
        "flows": [
            to_plain(f) for f in journey.flows() if f.source in wanted and f.target in wanted
        ],
    }


def plain_text(payload: dict[str, Any]) -> str:
    return "\n".join(card["title"] for card in payload.get("cards", []))


class _ClipboardCard(CardFile):
    stage_index: Annotated[int, Field(ge=0, le=100_000)] = 0
    lane_index: Annotated[int, Field(ge=0, le=100_000)] = 0


class _ClipboardPayload(BaseModel):
    """Clipboard data is untrusted (any program can put our MIME type there): it is
    checked with the file format's own rules before anything is pasted."""

    model_config = ConfigDict(strict=True, extra="ignore")

    version: Literal[1]
    cards: Annotated[list[_ClipboardCard], Field(max_length=20_000)]
    flows: Annotated[list[FlowFile], Field(max_length=100_000)] = []


def paste_plan(
    journey: JourneyMap, payload: Any, anchor: tuple[int, int] | None = None
) -> tuple[list[Card], list[Flow]]:
    """New cards and flows to add for a payload. With ``anchor`` (stage index, lane index:
    the cell under the mouse) the cards land there, keeping their arrangement relative to
    each other; without it cells are matched by id when the stage and lane exist in this
    map, else by position. Emotion scores for unknown personas are left out, as are
    unknown channels. An opportunity keeps the pain points it addresses among the pasted
    cards (their copies) and in this map; the others are left out. Raises ValueError for a
    payload that is not ours."""
    if not isinstance(payload, dict) or payload.get("version") != PAYLOAD_VERSION:
        raise ValueError("the clipboard does not hold Mapper cards")
    try:
        clip = _ClipboardPayload.model_validate(payload)
    except ValidationError as exc:
        raise ValueError(f"the clipboard holds damaged cards: {exc.errors()[0]['msg']}") from None
    if not len(journey.stages) or not len(journey.lanes):
        raise ValueError("add a stage and a lane before pasting cards")
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    curve_lanes = {lane.id for lane in journey.lanes if not lane.kind.takes_cards}
    if len(curve_lanes) == len(lanes):
        raise ValueError("add a lane for cards first: the emotion curve's lane holds none")
    id_map: dict[str, str] = {}
    cards = []
    shift = None
    if anchor is not None and clip.cards:
        shift = (
            anchor[0] - min(c.stage_index for c in clip.cards),
            anchor[1] - min(c.lane_index for c in clip.cards),
        )
    for raw in clip.cards:
        if shift is None:
            stage_id = _cell_id(raw.stage_id, raw.stage_index, stages)
            lane_id = _cell_id(raw.lane_id, raw.lane_index, lanes)
        else:
            stage_id = stages[max(0, min(raw.stage_index + shift[0], len(stages) - 1))]
            lane_id = lanes[max(0, min(raw.lane_index + shift[1], len(lanes) - 1))]
        lane_id = _off_the_curve(lane_id, lanes, curve_lanes)
        card = card_from_plain(raw.model_dump(exclude={"stage_index", "lane_index"}))
        card = replace(
            card,
            id=new_id("card"),
            stage_id=stage_id,
            lane_id=lane_id,
            emotions={p: s for p, s in card.emotions.items() if p in journey.personas},
            channel=card.channel if card.channel and journey.channel_known(card.channel) else None,
        )
        id_map[raw.id] = card.id
        cards.append(card)
    for i, card in enumerate(cards):
        if card.pain_point_ids:
            links = [id_map.get(p) or p for p in card.pain_point_ids]
            kept = (
                p for p in links if p != card.id and (p in id_map.values() or journey.has_card(p))
            )
            cards[i] = replace(card, pain_point_ids=tuple(dict.fromkeys(kept)))
    flows: list[Flow] = []
    pairs: set[tuple[str, str]] = set()
    for f in clip.flows:  # only between pasted cards, never to itself, never twice
        pair = (f.source, f.target)
        if f.source in id_map and f.target in id_map and f.source != f.target and pair not in pairs:
            pairs.add(pair)
            flows.append(Flow(new_id("flow"), id_map[f.source], id_map[f.target], f.label))
    return cards, flows


def _cell_id(known: str, index: int, ids: list[str]) -> str:
    """The same stage or lane when this map has it, else the one at the same position."""
    return known if known in ids else ids[min(index, len(ids) - 1)]


def _off_the_curve(lane_id: str, lanes: list[str], curve_lanes: set[str]) -> str:
    """``lane_id``, or the nearest lane that takes cards (the one above first) when it is an
    emotion curve's lane: cards there would cover the curve."""
    if lane_id not in curve_lanes:
        return lane_id
    at = lanes.index(lane_id)
    for step in range(1, len(lanes)):
        for index in (at - step, at + step):
            if 0 <= index < len(lanes) and lanes[index] not in curve_lanes:
                return lanes[index]
    raise AssertionError("a map whose lanes are all emotion lanes is refused above")
