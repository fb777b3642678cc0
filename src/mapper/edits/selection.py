"""Edit-menu intents on a selection, as changes: delete, cut, paste, duplicate, nudge.
Qt-free: the clipboard's payload is plain data."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from mapper import clipboard
from mapper.edits.changes import Change, Composite, Insert, MoveCards, Nudge, Remove
from mapper.edits.refusal import EditRefused
from mapper.edits.wording import what_goes
from mapper.model import Entity, JourneyMap


def delete(
    journey: JourneyMap,
    cards: Collection[str] = (),
    flows: Sequence[str] = (),
    stages: Sequence[str] = (),
    lanes: Sequence[str] = (),
) -> Composite | None:
    """The selected flows, cards, stages and lanes as one step. What goes with a stage or
    lane anyway (its cards, their flows) is not removed twice."""
    doomed_cards = {
        c.id for c in journey.cards() if c.stage_id in stages or c.lane_id in lanes
    } | set(cards)
    own_flows = [
        f for f in flows
        if journey.flow(f).source not in doomed_cards and journey.flow(f).target not in doomed_cards
    ]  # fmt: skip
    own_cards = [
        c for c in cards
        if journey.card(c).stage_id not in stages and journey.card(c).lane_id not in lanes
    ]  # fmt: skip
    parts: list[Change] = [Remove(journey, Entity.FLOW, f) for f in own_flows]
    parts += [Remove(journey, Entity.CARD, c) for c in own_cards]
    parts += [Remove(journey, Entity.STAGE, s) for s in stages]
    parts += [Remove(journey, Entity.LANE, lane) for lane in lanes]
    if not parts:
        return None
    if len(parts) == 1:
        text = parts[0].text
    else:
        text = f"Delete {what_goes(journey, own_cards, own_flows, stages, lanes)}"
    return Composite(journey, text, parts)


def deleted_message(
    journey: JourneyMap,
    cards: Collection[str] = (),
    flows: Sequence[str] = (),
    stages: Sequence[str] = (),
    lanes: Sequence[str] = (),
) -> str:
    """What the status bar says once the selection is deleted (asked before it goes):
    "Deleted stage 'Order' with 4 cards"."""
    doomed = {c.id for c in journey.cards() if c.stage_id in stages or c.lane_id in lanes}
    own_cards = [c for c in cards if c not in doomed]
    own_flows = [
        f for f in flows
        if journey.flow(f).source not in doomed and journey.flow(f).target not in doomed
        and journey.flow(f).source not in own_cards and journey.flow(f).target not in own_cards
    ]  # fmt: skip
    return f"Deleted {what_goes(journey, own_cards, own_flows, stages, lanes)}"


def cut(journey: JourneyMap, card_ids: Sequence[str]) -> Composite | None:
    if not card_ids:
        return None
    parts: list[Change] = [Remove(journey, Entity.CARD, i) for i in card_ids]
    noun = "card" if len(card_ids) == 1 else f"{len(card_ids)} cards"
    return Composite(journey, f"Cut {noun}", parts)


def paste(
    journey: JourneyMap, payload: Any, anchor: tuple[int, int] | None = None, verb: str = "Paste"
) -> tuple[Composite, list[str]] | None:
    """New copies of the payload's cards and the flows among them, and their ids. With
    ``anchor`` (stage index, lane index) they land in that cell; see clipboard.paste_plan.
    A payload that is not ours, or damaged, is refused in words."""
    try:
        cards, flows = clipboard.paste_plan(journey, payload, anchor)
    except RecursionError:
        raise EditRefused("the clipboard holds data nested too deeply to paste") from None
    except ValueError as exc:
        raise EditRefused(str(exc)) from None
    parts: list[Change] = [Insert(journey, Entity.CARD, 10**9, card) for card in cards]
    parts += [Insert(journey, Entity.FLOW, 0, flow) for flow in flows]
    if not parts:
        return None
    noun = "card" if len(cards) == 1 else f"{len(cards)} cards"
    return Composite(journey, f"{verb} {noun}", parts), [card.id for card in cards]


def duplicate(journey: JourneyMap, card_ids: Sequence[str]) -> tuple[Composite, list[str]] | None:
    if not card_ids:
        return None
    return paste(journey, clipboard.copy_payload(journey, list(card_ids)), verb="Duplicate")


def nudge(journey: JourneyMap, card_ids: Sequence[str], d_stage: int, d_index: int) -> Nudge | None:
    """Arrow keys: up/down reorder within the cell, left/right move to the next stage. A
    group already at the top or bottom of its cell stays together."""
    if not card_ids:
        return None
    stage_ids = journey.stages.ids()
    # moving down, the lowest card goes first (and up, the highest), so neighbours that
    # move together keep their order
    ids = sorted(card_ids, key=lambda i: journey.card_position(i)[2], reverse=d_index > 0)
    blocked = _cells_at_their_edge(journey, ids, d_index)
    parts: list[Change] = []
    for card_id in ids:
        stage_id, lane_id, index = journey.card_position(card_id)
        if (stage_id, lane_id) in blocked:
            continue
        new_stage = stage_ids.index(stage_id) + d_stage
        if not 0 <= new_stage < len(stage_ids):
            continue
        target_stage = stage_ids[new_stage]
        new_index = max(0, index + d_index) if d_stage == 0 else index
        if (target_stage, new_index) != (stage_id, index):
            parts.append(MoveCards(journey, [card_id], target_stage, lane_id, new_index))
    return Nudge(journey, ids, parts) if parts else None


def _cells_at_their_edge(journey: JourneyMap, ids: list[str], d_index: int) -> set[tuple[str, str]]:
    """Cells where a selected card already sits at the end the nudge moves towards."""
    blocked = set()
    for card_id in ids:
        stage_id, lane_id, index = journey.card_position(card_id)
        last = len(journey.cards_in_cell(stage_id, lane_id)) - 1
        if (d_index > 0 and index == last) or (d_index < 0 and index == 0):
            blocked.add((stage_id, lane_id))
    return blocked
