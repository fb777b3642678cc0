"""Where everything goes: the stage x lane grid, card stacks, emotion curves and flows.

Pure Python and deterministic, computed from the model alone. The canvas places its items
where this says and the PDF export draws the same boxes, so screen and paper agree.
Units are scene pixels at 100% zoom (one PDF point before the page is scaled). The boxes
are defined in ``layout.boxes``, the shapes of flows in ``layout.routes``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from operator import is_

from mapper.layout.blueprint import blueprint_lines, line_above
from mapper.layout.boxes import (
    CardBox,
    CardSize,
    CellStack,
    FlowRoute,
    LaneBox,
    MapLayout,
    SizeKey,
    StageBox,
    Style,
    card_box,
    emotion_y,
)
from mapper.layout.emotion import EmotionCurve, EmotionPoint
from mapper.layout.emotion_lane import lay_out_emotions
from mapper.layout.flow_routes import lay_out_flows, lay_out_flows_in_steps
from mapper.layout.geometry import Rect, rect
from mapper.layout.metric_lines import CARD_METRICS_SIZE, card_metrics_line
from mapper.layout.routes import (
    CONNECTOR_SHIFT,
    STACK_GAP,
    STACK_REACH,
    bezier_point,
    connector,
    route,
    stacked_route,
)
from mapper.layout.text import line_height, wrap
from mapper.model import Card, CardKind, JourneyMap, Lane, LaneKind
from mapper.model.entities import Stage

# the boxes and routes were first defined here: their names stay importable from here
__all__ = [
    "CONNECTOR_SHIFT", "STACK_GAP", "STACK_REACH", "CardBox", "EmotionCurve", "EmotionPoint",
    "FlowRoute", "LaneBox", "MapLayout", "StageBox", "Style", "bezier_point", "card_height",
    "compute_layout", "connector", "emotion_y", "route", "stacked_route",
]  # fmt: skip


def card_height(card: Card, width: float, style: Style) -> CardSize:
    inner = width - 2 * style.card_padding
    lines, elided = wrap(card.title, inner, style.title_size, style.title_max_lines)
    badges = card.kind is CardKind.TOUCHPOINT
    height = 2 * style.card_padding + len(lines) * line_height(style.title_size)
    metrics = card_metrics_line(card, inner) if style.card_metrics else ""
    if metrics:
        height += line_height(CARD_METRICS_SIZE)
    if badges:
        height += style.badge_row
    return round(height, 2), lines, elided, metrics


def compute_layout(
    journey: JourneyMap,
    style: Style | None = None,
    personas: list[str] | None = None,
    previous: MapLayout | None = None,
    flows: bool = True,
) -> MapLayout:
    """Lay out the map. ``personas``: ids whose emotion curves to include (default: all).
    Without ``flows`` the flows are not routed (yet: see :func:`route_flows`).

    With the ``previous`` layout of the same map, what did not change is taken over as it
    was (the same box objects, so a view can skip them by identity) and text is wrapped
    again only where it changed: a cell whose cards stayed is taken over whole (see
    ``CellStack``), with its boxes moved along when only its row or column moved. The
    result equals a layout made from scratch."""
    style = style or (previous.style if previous is not None else Style())
    if previous is not None and previous.style != style:
        previous = None
    result = MapLayout(style)
    visible_lanes = [lane for lane in journey.lanes if not lane.hidden]
    known_boxes = previous.cards if previous is not None else {}
    known_stacks = previous.cell_stacks if previous is not None else {}
    # sizes are keyed by what they were worked out from: the previous ones are copied over
    # (those of cards gone stay unused until they outnumber the map's cards)
    known_sizes = previous.card_sizes if previous is not None else {}
    if len(known_sizes) > 2 * len(known_boxes) + 100:
        known_sizes = {i: known_sizes[i] for i in known_boxes if i in known_sizes}
    result.card_sizes = sizes = dict(known_sizes)
    stacks = result.cell_stacks
    changed: list[str] = []  # cards whose boxes are not the previous ones
    offsets = result.card_offsets  # of those, the ones whose cells moved whole: how far

    # columns
    x = style.lane_header_width
    columns: list[tuple[Stage, float]] = []
    for stage in journey.stages:
        columns.append((stage, x))
        x += stage.width
    result.width = x

    # card sizes per cell, then row heights
    pad, gap = style.cell_padding, style.card_gap
    y = style.stage_header_height
    rows: list[tuple[Lane, float, float]] = []
    blueprint = line_above(visible_lanes)
    for lane in visible_lanes:
        if lane.id in blueprint:
            y += style.blueprint_gap
        if lane.collapsed:
            height = style.collapsed_row_height
        else:
            tallest = 0.0
            for stage, _ in columns:
                cell = (stage.id, lane.id)
                cards = journey.cell_cards(stage.id, lane.id)
                width = stage.width - 2 * pad
                known_stack = known_stacks.get(cell)
                if (
                    known_stack is not None
                    and known_stack.width == width
                    and (
                        known_stack.cards is cards  # the map says the cell stayed
                        or (
                            len(known_stack.cards) == len(cards)
                            and all(map(is_, known_stack.cards, cards))  # the same cards
                        )
                    )
                ):
                    stacks[cell] = known_stack
                    tallest = max(tallest, known_stack.height)
                    continue
                total = 0.0
                for card in cards:
                    key: SizeKey = (
                        card.title,
                        card.kind is CardKind.TOUCHPOINT,
                        width,
                        card.metrics,
                        card.owner,
                    )
                    known = sizes.get(card.id)
                    if known is None or known[0] != key:
                        sizes[card.id] = known = (key, card_height(card, width, style))
                    total += known[1][0]
                total += gap * max(len(cards) - 1, 0)
                stacks[cell] = CellStack(cards, width, total)
                tallest = max(tallest, total)
            height = max(style.min_row_height, tallest + 2 * pad)
            if lane.kind is LaneKind.EMOTION:
                height = max(height, style.emotion_row_height)
        rows.append((lane, y, round(height, 2)))
        y += height
    result.height = y

    # boxes
    for stage, sx in columns:
        header = Rect(sx, 0, stage.width, style.stage_header_height)
        name_lines, _ = wrap(stage.name, stage.width - 16, style.header_size, 2, bold=True)
        result.stages.append(StageBox(stage, header, Rect(sx, 0, stage.width, y), name_lines))
    for lane, ly, height in rows:
        header = Rect(0, ly, style.lane_header_width, height)
        max_lines = 1 if lane.collapsed else 3
        name_lines, _ = wrap(
            lane.name, style.lane_header_width - 20, style.lane_header_size, max_lines, bold=True
        )
        box = LaneBox(lane, header, Rect(0, ly, result.width, height), name_lines)
        result.lanes.append(box)
        if lane.kind is LaneKind.EMOTION and result.emotion_lane is None and not lane.collapsed:
            result.emotion_lane = box
        for stage, sx in columns:
            result.cells[(stage.id, lane.id)] = Rect(sx, ly, stage.width, height)
            if lane.collapsed:
                continue
            cell = (stage.id, lane.id)
            stacks[cell] = placed = _placed(
                stacks[cell], sx + pad, ly + pad, gap, sizes, known_boxes, changed, offsets
            )
            result.cards.update(placed.boxes)

    result.blueprint = blueprint_lines(
        result.lanes, blueprint, style.blueprint_gap, style.lane_header_width, result.width
    )
    lay_out_emotions(journey, result, columns, personas, previous)
    if previous is not None:
        result.built_on = weakref.ref(previous)
        result.changed_cards = changed
        fresh = sum(1 for card_id in changed if card_id not in known_boxes)
        if len(result.cards) - fresh != len(known_boxes):
            result.gone_cards = [i for i in known_boxes if i not in result.cards]
    if flows:
        lay_out_flows(journey, result, previous)
    result.routed = flows
    return result


def route_flows(journey: JourneyMap, layout: MapLayout) -> None:
    """Route the flows of a layout made without them (as if it had been made with them)."""
    if not layout.routed:
        lay_out_flows(journey, layout, None)
        layout.routed = True


def route_flows_in_steps(journey: JourneyMap, layout: MapLayout, step: int) -> Iterator[None]:
    """:func:`route_flows`, yielding each ``step`` flows routed."""
    if not layout.routed:
        yield from lay_out_flows_in_steps(journey, layout, step)
        layout.routed = True


def _placed(
    stack: CellStack,
    x: float,
    y: float,
    gap: float,
    sizes: dict[str, tuple[SizeKey, CardSize]],
    known_boxes: dict[str, CardBox],
    changed: list[str],
    offsets: dict[str, tuple[float, float]],
) -> CellStack:
    """A cell's stack with its top card at (x, y): the stack itself when it is there
    already (its boxes taken over whole), its boxes moved along when only its place
    changed, else boxes made for its cards (keeping those of the previous layout that
    are unchanged). The ids of cards given new boxes go to ``changed``, with how far
    they moved in ``offsets`` when their stack moved whole."""
    if stack.origin == (x, y):
        return stack
    if stack.origin is not None:  # the same cards elsewhere: the same boxes, moved
        moved = {}
        cy = y
        for card_id, b in stack.boxes.items():  # summed as from scratch: the same floats
            r = b.rect
            height = r.height
            moved[card_id] = card_box(
                b.card, rect(x, cy, r.width, height), b.title_lines, b.elided, b.has_badges,
                b.metrics, b.first_in_cell, b.last_in_cell,
            )  # fmt: skip
            cy += height + gap
        changed.extend(moved)
        offset = (x - stack.origin[0], y - stack.origin[1])  # of each box, to the last bits
        for card_id in moved:
            offsets[card_id] = offset
        return CellStack(stack.cards, stack.width, stack.height, (x, y), moved)
    stack.origin, width, boxes = (x, y), stack.width, stack.boxes
    last = len(stack.cards) - 1
    for i, card in enumerate(stack.cards):
        h, lines, elided, metrics = sizes[card.id][1]
        old = known_boxes.get(card.id)
        first_in_cell, last_in_cell = i == 0, i == last
        if (
            old is not None
            and old.card is card
            and _at(old.rect, x, y, width, h)
            and old.first_in_cell is first_in_cell
            and old.last_in_cell is last_in_cell
        ):
            boxes[card.id] = old
        else:
            badges = card.kind is CardKind.TOUCHPOINT
            boxes[card.id] = card_box(card, rect(x, y, width, h), lines, elided, badges, metrics,
                                      first_in_cell, last_in_cell)  # fmt: skip
            changed.append(card.id)
        y += h + gap
    return stack


def _at(rect: Rect, x: float, y: float, width: float, height: float) -> bool:
    return rect.x == x and rect.y == y and rect.width == width and rect.height == height
