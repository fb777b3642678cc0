"""Copy and paste of cards (with the flows between them), within or across maps.

The payload is plain JSON-ready data, carried on the clipboard under our own MIME type.
Pasting gives every card and flow a new id, so it works into the same map, into another
map, and twice in a row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from mapper.fileformat.convert import card_from_file, to_plain
from mapper.fileformat.schema import CardFile
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


def paste_plan(journey: JourneyMap, payload: dict[str, Any]) -> tuple[list[Card], list[Flow]]:
    """New cards and flows to add for a payload. Cells are matched by id when the stage and
    lane exist in this map, else by position; emotion scores for unknown personas are left
    out, as are unknown channels. Raises ValueError for a payload that is not ours."""
    if not isinstance(payload, dict) or payload.get("version") != PAYLOAD_VERSION:
        raise ValueError("the clipboard does not hold Mapper cards")
    if not len(journey.stages) or not len(journey.lanes):
        raise ValueError("add a stage and a lane before pasting cards")
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    id_map: dict[str, str] = {}
    cards = []
    raw_cards = payload.get("cards")
    if not isinstance(raw_cards, list) or not all(isinstance(c, dict) for c in raw_cards):
        raise ValueError("the clipboard does not hold Mapper cards")
    for raw in raw_cards:
        stage_id = _cell_id(raw.get("stage_id"), raw.get("stage_index", 0), stages)
        lane_id = _cell_id(raw.get("lane_id"), raw.get("lane_index", 0), lanes)
        card = _card_from_plain(raw, stage_id, lane_id)
        card = replace(
            card,
            id=new_id("card"),
            emotions={p: s for p, s in card.emotions.items() if p in journey.personas},
            channel=card.channel if card.channel and journey.channel_known(card.channel) else None,
        )
        id_map[str(raw.get("id"))] = card.id
        cards.append(card)
    flows = [
        Flow(new_id("flow"), id_map[f["source"]], id_map[f["target"]], f.get("label", ""))
        for f in payload.get("flows", [])
        if isinstance(f, dict) and f.get("source") in id_map and f.get("target") in id_map
    ]
    return cards, flows


def _cell_id(known: str | None, index: int, ids: list[str]) -> str:
    if known in ids:
        return known  # type: ignore[return-value]
    return ids[max(0, min(int(index), len(ids) - 1))]


def _card_from_plain(raw: dict[str, Any], stage_id: str, lane_id: str) -> Card:
    """Clipboard data is untrusted: it goes through the file schema's validation."""
    fields = {k: v for k, v in raw.items() if k not in ("stage_index", "lane_index")}
    fields.update(stage_id=stage_id, lane_id=lane_id)
    try:
        return card_from_file(CardFile.model_validate(fields))
    except ValidationError as exc:
        raise ValueError(f"the clipboard holds a damaged card: {exc.errors()[0]['msg']}") from None
