"""Format 2 kept opportunities as records beside the map (``opportunities``: title,
description, impact, effort, owner, pain_point_ids, stage_id); format 3 makes each one an
opportunity card. Nothing a record held is lost:

- each record becomes a card of kind ``opportunity`` in its stage, in the map's first
  lane of kind ``opportunities`` (an "Opportunities" lane is added at the bottom when
  there is none), after the cards already there, in the records' order;
- a record without a stage goes to the first stage; when the map has no stage at all, an
  "All stages" stage is added for them;
- a record whose title equals (ignoring case and outer spaces) that of an opportunity card
  already in its stage merges into that card, when nothing would be lost: the card's
  description and owner are empty or the same as the record's, it does not address
  anything yet, and the record does not address the card itself. Otherwise it becomes a
  card of its own;
- the card keeps the record's id unless a card has it already (then ``<id>-2``, ...).

The step works on the raw, unvalidated dict: whatever it copies is validated afterwards
as a card, so a bad value is still reported (at the card it became), never hidden.
"""

from __future__ import annotations

import re
from typing import Any

from mapper.model.vocabulary import CardKind, LaneKind

_ID_LIMIT = 64
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
OPPORTUNITY = CardKind.OPPORTUNITY.value


def records_to_cards(data: dict[str, Any]) -> dict[str, Any]:
    records = data.get("opportunities")
    if records == [] and "opportunities" in data:
        del data["opportunities"]
        return data
    lists = [data.get(name, []) for name in ("stages", "lanes", "cards")]
    if not isinstance(records, list) or not all(isinstance(x, list) for x in lists):
        return data  # nothing to convert, or too broken: validation says what is wrong
    if not all(isinstance(r, dict) for r in records):
        return data
    stages, lanes, cards = (list(x) for x in lists)
    taken_cards = {c.get("id") for c in cards if isinstance(c, dict)}
    lane_id = _opportunity_lane(lanes)
    first_stage = _first_stage(stages)
    merged: set[int] = set()
    for index, record in enumerate(records):
        stage_id = record.get("stage_id")
        if stage_id is None:
            if first_stage is None:
                first_stage = _unique(
                    "all-stages", {s.get("id") for s in stages if isinstance(s, dict)}
                )
                stages.append({"id": first_stage, "name": "All stages"})
            stage_id = first_stage
        target = _merge_target(cards, record, stage_id, merged)
        if target is not None:
            cards[target] = _merged(cards[target], record)
            merged.add(target)
            continue
        if lane_id is None:
            lane_id = _unique("opportunities", {x.get("id") for x in lanes if isinstance(x, dict)})
            lanes.append(
                {"id": lane_id, "name": "Opportunities", "kind": LaneKind.OPPORTUNITIES.value}
            )
        base = record.get("id")
        card_id = _unique(
            base if isinstance(base, str) and _ID.match(base) else f"opportunity-{index + 1}",
            taken_cards,
        )
        taken_cards.add(card_id)
        card = {k: v for k, v in record.items() if k not in ("id", "stage_id")}
        card.update(id=card_id, stage_id=stage_id, lane_id=lane_id, kind=OPPORTUNITY)
        cards.append(card)
    data.update(stages=stages, lanes=lanes, cards=cards)
    del data["opportunities"]
    return data


def _opportunity_lane(lanes: list[Any]) -> str | None:
    for lane in lanes:
        if isinstance(lane, dict) and lane.get("kind") == LaneKind.OPPORTUNITIES.value:
            lane_id = lane.get("id")
            return lane_id if isinstance(lane_id, str) else None
    return None


def _first_stage(stages: list[Any]) -> str | None:
    first = stages[0] if stages else None
    stage_id = first.get("id") if isinstance(first, dict) else None
    return stage_id if isinstance(stage_id, str) else None


def _unique(base: str, taken: set[Any]) -> str:
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: _ID_LIMIT - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1


def _title_key(value: Any) -> str | None:
    return value.strip().casefold() if isinstance(value, str) else None


def _merge_target(
    cards: list[Any], record: dict[str, Any], stage_id: Any, merged: set[int]
) -> int | None:
    """The opportunity card of the stage with the record's title, if merging loses nothing."""
    title = _title_key(record.get("title"))
    if title is None:
        return None
    links = record.get("pain_point_ids", [])
    for i, card in enumerate(cards):
        if (
            i in merged
            or not isinstance(card, dict)
            or card.get("kind") != OPPORTUNITY
            or card.get("stage_id") != stage_id
            or _title_key(card.get("title")) != title
        ):
            continue
        fits = all(
            card.get(name, "") in ("", record.get(name, "")) for name in ("description", "owner")
        )
        no_links = not card.get("pain_point_ids") and not (
            isinstance(links, list) and card.get("id") in links
        )
        no_rating = "impact" not in card and "effort" not in card
        if fits and no_links and no_rating:
            return i
    return None


def _merged(card: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    merged = dict(card)
    for name, value in record.items():
        if name in ("id", "stage_id", "title"):
            continue
        if name in ("description", "owner") and value == "":
            continue
        merged[name] = value
    return merged
