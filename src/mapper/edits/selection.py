"""Edit-menu intents on a selection, as changes: delete, cut, paste, duplicate, nudge; and
where the keyboard goes on the grid: the neighbouring card, the ends of a lane, the cell a
new card takes. Qt-free: the clipboard's payload is plain data, places come from the layout."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any, Literal

from mapper.edits.changes import Change, Composite, Insert, MoveCards, Nudge, Remove, Update
from mapper.edits.intents import NOT_IN_THE_CURVE
from mapper.edits.refusal import EditRefused
from mapper.edits.wording import what_goes
from mapper.layout import MapLayout
from mapper.model import CardKind, Entity, JourneyMap, LaneKind

Direction = Literal["left", "right", "up", "down"]
Cell = tuple[str, str, int]  # stage id, lane id, index in the cell


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
    from mapper import clipboard  # its payload schema is built on the first copy or paste

    try:
        cards, flows = clipboard.paste_plan(journey, payload, anchor)
    except RecursionError:
        raise EditRefused("the clipboard holds data nested too deeply to paste") from None
    except ValueError as exc:
        raise EditRefused(str(exc)) from None
    parts: list[Change] = []
    links: list[Change] = []
    pasted: set[str] = set()
    for card in cards:  # a link to a copy pasted later is set once that copy is in
        early = tuple(i for i in card.pain_point_ids if i in pasted or journey.has_card(i))
        if early != card.pain_point_ids:
            links.append(
                Update(journey, Entity.CARD, card.id, {"pain_point_ids": card.pain_point_ids})
            )
            card = replace(card, pain_point_ids=early)
        parts.append(Insert(journey, Entity.CARD, 10**9, card))
        pasted.add(card.id)
    parts += links
    parts += [Insert(journey, Entity.FLOW, 0, flow) for flow in flows]
    if not parts:
        return None
    noun = "card" if len(cards) == 1 else f"{len(cards)} cards"
    return Composite(journey, f"{verb} {noun}", parts), [card.id for card in cards]


def duplicate(journey: JourneyMap, card_ids: Sequence[str]) -> tuple[Composite, list[str]] | None:
    if not card_ids:
        return None
    from mapper import clipboard

    return paste(journey, clipboard.copy_payload(journey, list(card_ids)), verb="Duplicate")


def nudge(
    journey: JourneyMap,
    card_ids: Sequence[str],
    d_stage: int,
    d_index: int,
    lanes: Sequence[str] = (),
) -> Nudge | None:
    """Ctrl+arrow keys: up/down reorder within the cell, left/right move to the next stage.
    A group already at the top or bottom of its cell stays together; with ``lanes`` (the
    shown, expanded lanes top to bottom) it crosses into the neighbouring lane instead, to
    the bottom of the cell above or the top of the cell below."""
    if not card_ids:
        return None
    stage_ids = journey.stages.ids()
    # moving down, the lowest card goes first (and up, the highest), so neighbours that
    # move together keep their order
    ids = sorted(card_ids, key=lambda i: journey.card_position(i)[2], reverse=d_index > 0)
    blocked = _cells_at_their_edge(journey, ids, d_index)
    parts: list[Change] = []
    crossing: dict[tuple[str, str], list[str]] = {}
    for card_id in ids:
        stage_id, lane_id, index = journey.card_position(card_id)
        if (stage_id, lane_id) in blocked:
            crossing.setdefault((stage_id, lane_id), []).append(card_id)
            continue
        new_stage = stage_ids.index(stage_id) + d_stage
        if not 0 <= new_stage < len(stage_ids):
            continue
        target_stage = stage_ids[new_stage]
        new_index = max(0, index + d_index) if d_stage == 0 else index
        if (target_stage, new_index) != (stage_id, index):
            parts.append(MoveCards(journey, [card_id], target_stage, lane_id, new_index))
    for (stage_id, lane_id), group in crossing.items():
        if lane_id not in lanes:
            continue
        at = list(lanes).index(lane_id) + d_index
        if not 0 <= at < len(lanes):
            continue
        group.sort(key=lambda i: journey.card_position(i)[2])
        index = len(journey.cards_in_cell(stage_id, lanes[at])) if d_index < 0 else 0
        parts.append(MoveCards(journey, group, stage_id, lanes[at], index))
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


# ------------------------------------------------------------ navigation
def open_lanes(layout: MapLayout) -> list[str]:
    """The lanes whose cards show, top to bottom (not hidden, not collapsed)."""
    return [box.lane.id for box in layout.lanes if not box.lane.collapsed]


def _shown(journey: JourneyMap, layout: MapLayout, stage_id: str, lane_id: str) -> list[str]:
    return [c.id for c in journey.cards_in_cell(stage_id, lane_id) if c.id in layout.cards]


def _lane_cards(journey: JourneyMap, layout: MapLayout, lane_id: str) -> list[str]:
    """A lane's shown cards, left to right and top to bottom within a stage."""
    return [i for s in journey.stages.ids() for i in _shown(journey, layout, s, lane_id)]


def first_card(journey: JourneyMap, layout: MapLayout) -> str | None:
    """Where the keyboard starts on a map with nothing selected: the top left card."""
    for lane_id in open_lanes(layout):
        cards = _lane_cards(journey, layout, lane_id)
        if cards:
            return cards[0]
    return None


def lane_end(journey: JourneyMap, layout: MapLayout, card_id: str, last: bool) -> str | None:
    """Home / End: the first or last card of the card's lane."""
    if card_id not in layout.cards:
        return None
    cards = _lane_cards(journey, layout, journey.card_position(card_id)[1])
    return cards[-1] if last else cards[0]


def neighbour(
    journey: JourneyMap, layout: MapLayout, card_id: str, direction: Direction
) -> str | None:
    """The card an arrow key goes to from ``card_id`` on the visual grid (None: none that
    way). Left and right go to the nearest stage with a card in the same lane, to its card
    nearest in height; up and down go to the next card in the cell, then across to the
    nearest lane that has cards, to its card nearest in x. Hidden and collapsed lanes are
    skipped."""
    box = layout.cards.get(card_id)
    if box is None:
        return None
    stage_id, lane_id, _ = journey.card_position(card_id)
    x, y = box.rect.center
    if direction in ("left", "right"):
        stages = journey.stages.ids()
        at = stages.index(stage_id)
        step = 1 if direction == "right" else -1
        for other in stages[at + step :: step] if step > 0 else stages[:at][::-1]:
            cards = _shown(journey, layout, other, lane_id)
            if cards:
                return min(cards, key=lambda i: abs(layout.cards[i].rect.center[1] - y))
        return None
    step = 1 if direction == "down" else -1
    cell = _shown(journey, layout, stage_id, lane_id)
    at = cell.index(card_id) + step
    if 0 <= at < len(cell):
        return cell[at]
    lanes = open_lanes(layout)
    here = lanes.index(lane_id)
    for other in lanes[here + 1 :] if step > 0 else lanes[:here][::-1]:
        cards = _lane_cards(journey, layout, other)
        if cards:

            def distance(i: str) -> tuple[float, float]:
                cx, cy = layout.cards[i].rect.center
                return abs(cx - x), abs(cy - y)

            return min(cards, key=distance)
    return None


# ----------------------------------------------------------- new cards
KIND_OF_LANE = {
    LaneKind.ACTIONS: CardKind.ACTION,
    LaneKind.TOUCHPOINTS: CardKind.TOUCHPOINT,
    LaneKind.CHANNELS: CardKind.TOUCHPOINT,
    LaneKind.THOUGHTS: CardKind.THOUGHT,
    LaneKind.PAIN_POINTS: CardKind.PAIN_POINT,
    LaneKind.OPPORTUNITIES: CardKind.OPPORTUNITY,
    LaneKind.FRONTSTAGE: CardKind.ACTION,
    LaneKind.BACKSTAGE: CardKind.ACTION,
    LaneKind.SUPPORT: CardKind.ACTION,
}


def insertion_cell(
    journey: JourneyMap,
    layout: MapLayout,
    card_id: str | None = None,
    stage_id: str | None = None,
    lane_id: str | None = None,
) -> Cell:
    """Where a card made from the keyboard goes: after the selected card, at the end of the
    selected stage's touchpoint cell or of the selected lane's first cell, or at the end of
    the first touchpoint cell. Refused (in words) where no open cell can take it."""
    if card_id is not None and journey.has_card(card_id):
        stage, lane, index = journey.card_position(card_id)
        return stage, lane, index + 1
    stages = journey.stages.ids()
    lanes = open_lanes(layout)
    if not stages:
        raise EditRefused("Add a stage first: cards go into the cells of a stage")
    if lane_id is not None:
        if lane_id not in lanes:
            raise EditRefused("That lane is collapsed or hidden: expand it to add cards")
        if not journey.lanes.get(lane_id).kind.takes_cards:
            raise EditRefused(NOT_IN_THE_CURVE)
    elif lanes:
        kinds = {box.lane.id: box.lane.kind for box in layout.lanes}
        usual = [i for i in lanes if kinds[i] is LaneKind.TOUCHPOINTS]
        lane_id = (usual or [i for i in lanes if kinds[i].takes_cards] or lanes)[0]
    else:
        raise EditRefused("Add a lane first (or expand one): cards go into its cells")
    stage = stage_id if stage_id in stages else stages[0]
    return stage, lane_id, len(journey.cards_in_cell(stage, lane_id))


def kind_for(journey: JourneyMap, lane_id: str, after: str | None = None) -> CardKind:
    """A new card's kind: the kind of the card it follows, or the one its lane is for."""
    if after is not None and journey.has_card(after):
        return journey.card(after).kind
    return KIND_OF_LANE.get(journey.lanes.get(lane_id).kind, CardKind.NOTE)
