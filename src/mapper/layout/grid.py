"""Where everything goes: the stage x lane grid, card stacks, emotion curves and flows.

Pure Python and deterministic, computed from the model alone. The canvas places its items
where this says and the PDF export draws the same boxes, so screen and paper agree.
Units are scene pixels at 100% zoom (one PDF point before the page is scaled).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mapper.layout.blueprint import BlueprintLine, blueprint_lines, line_above
from mapper.layout.emotion import (
    EmotionCurve,
    EmotionPoint,
    Slots,
    card_slots,
    lay_out_curve,
    rescored,
    score_y,
)
from mapper.layout.geometry import Bezier, Point, Rect
from mapper.layout.metric_lines import CARD_METRICS_SIZE, card_metrics_line
from mapper.layout.persona_style import PersonaStyle, styles_by_id
from mapper.layout.text import line_height, wrap
from mapper.model import Card, CardKind, JourneyMap, Lane, LaneKind
from mapper.model.entities import Flow, Stage

__all__ = ["EmotionCurve", "EmotionPoint", "MapLayout", "Style", "compute_layout", "emotion_y"]


@dataclass(frozen=True)
class Style:
    lane_header_width: float = 160.0
    stage_header_height: float = 64.0
    header_size: float = 14.0
    lane_header_size: float = 12.0
    cell_padding: float = 10.0
    card_gap: float = 8.0
    card_padding: float = 8.0
    title_size: float = 12.0
    title_max_lines: int = 4
    badge_row: float = 20.0
    min_row_height: float = 72.0
    collapsed_row_height: float = 30.0
    emotion_row_height: float = 190.0
    emotion_padding: float = 22.0
    card_metrics: bool = True  # a line under a card's title with its metrics and owner
    blueprint_gap: float = 22.0  # the band above a lane that a blueprint line runs through


@dataclass(frozen=True)
class StageBox:
    stage: Stage
    header: Rect
    column: Rect
    name_lines: tuple[str, ...]


@dataclass(frozen=True)
class LaneBox:
    lane: Lane
    header: Rect
    row: Rect
    name_lines: tuple[str, ...]


@dataclass(frozen=True)
class CardBox:
    card: Card
    rect: Rect
    title_lines: tuple[str, ...]
    elided: bool
    has_badges: bool
    metrics: str = ""  # the compact metrics line under the title, when shown


@dataclass(frozen=True)
class FlowRoute:
    flow: Flow
    curve: Bezier
    label_at: Point


CardSize = tuple[float, tuple[str, ...], bool, str]  # height, title lines, elided, metrics
SizeKey = tuple[str, bool, float, object, str]  # title, badges, width, metrics, owner


@dataclass
class MapLayout:
    style: Style
    width: float = 0.0
    height: float = 0.0
    stages: list[StageBox] = field(default_factory=list)
    lanes: list[LaneBox] = field(default_factory=list)
    cells: dict[tuple[str, str], Rect] = field(default_factory=dict)
    cards: dict[str, CardBox] = field(default_factory=dict)
    emotion_lane: LaneBox | None = None
    emotion_curves: list[EmotionCurve] = field(default_factory=list)
    # every card's place along the curves, scored or not (see layout.emotion)
    emotion_slots: Slots = field(default_factory=dict, repr=False, compare=False)
    emotion_cards: list[Card] = field(default_factory=list, repr=False, compare=False)
    # each persona's colour, dash and marker (by its place among all the map's personas)
    persona_styles: dict[str, PersonaStyle] = field(default_factory=dict)
    flows: list[FlowRoute] = field(default_factory=list)
    blueprint: list[BlueprintLine] = field(default_factory=list)  # see layout.blueprint
    # what each card's size was worked out from (see SizeKey) -> size
    card_sizes: dict[str, tuple[SizeKey, CardSize]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # where flow labels may not go, kept for the next layout (see layout.labels)
    label_cards: Any = field(default=None, repr=False, compare=False)

    def neutral_y(self) -> float | None:
        """The y of emotion score 0 in the emotion lane."""
        if self.emotion_lane is None:
            return None
        return emotion_y(self.emotion_lane.row, 0, self.style)

    def cell_at(self, point: Point) -> tuple[str, str] | None:
        for key, rect in self.cells.items():
            if rect.contains(point):
                return key
        return None


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


def emotion_y(row: Rect, score: float, style: Style) -> float:
    return score_y(row.y + style.emotion_padding, row.bottom - style.emotion_padding, score)


def compute_layout(
    journey: JourneyMap,
    style: Style | None = None,
    personas: list[str] | None = None,
    previous: MapLayout | None = None,
) -> MapLayout:
    """Lay out the map. ``personas``: ids whose emotion curves to include (default: all).

    With the ``previous`` layout of the same map, what did not change is taken over as it
    was (the same box objects, so a view can skip them by identity) and text is wrapped
    again only where it changed: the result equals a layout made from scratch."""
    style = style or (previous.style if previous is not None else Style())
    if previous is not None and previous.style != style:
        previous = None
    result = MapLayout(style)
    visible_lanes = [lane for lane in journey.lanes if not lane.hidden]
    known_sizes = previous.card_sizes if previous is not None else {}
    known_boxes = previous.cards if previous is not None else {}
    sizes = result.card_sizes

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
                stack = 0.0
                cards = journey.cards_in_cell(stage.id, lane.id)
                width = stage.width - 2 * pad
                for card in cards:
                    key: SizeKey = (
                        card.title,
                        card.kind is CardKind.TOUCHPOINT,
                        width,
                        card.metrics,
                        card.owner,
                    )
                    known = known_sizes.get(card.id)
                    if known is None or known[0] != key:
                        known = (key, card_height(card, width, style))
                    sizes[card.id] = known
                    stack += known[1][0]
                stack += gap * max(len(cards) - 1, 0)
                tallest = max(tallest, stack)
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
            cx, cy, width = sx + pad, ly + pad, stage.width - 2 * pad
            for card in journey.cards_in_cell(stage.id, lane.id):
                h, lines, elided, metrics = sizes[card.id][1]
                old = known_boxes.get(card.id)
                if old is not None and old.card is card and _at(old.rect, cx, cy, width, h):
                    result.cards[card.id] = old
                else:
                    rect = Rect(cx, cy, width, h)
                    badges = card.kind is CardKind.TOUCHPOINT
                    result.cards[card.id] = CardBox(card, rect, lines, elided, badges, metrics)
                cy += h + gap

    result.blueprint = blueprint_lines(
        result.lanes, blueprint, style.blueprint_gap, style.lane_header_width, result.width
    )
    _lay_out_emotions(journey, result, columns, personas, previous)
    _lay_out_flows(journey, result, previous)
    return result


def _at(rect: Rect, x: float, y: float, width: float, height: float) -> bool:
    return rect.x == x and rect.y == y and rect.width == width and rect.height == height


def _lay_out_emotions(
    journey: JourneyMap,
    result: MapLayout,
    columns: list[tuple[Stage, float]],
    personas: list[str] | None,
    previous: MapLayout | None,
) -> None:
    """The shown personas' curves (not those hidden, nor those left out of ``personas``)."""
    result.persona_styles = styles_by_id(journey.personas)
    lane = result.emotion_lane
    if lane is None:
        return
    stage_index = {stage.id: i for i, (stage, _) in enumerate(columns)}
    spans = [(x, stage.width) for stage, x in columns]
    hidden_lanes = {ln.id for ln in journey.lanes if ln.hidden}
    cards = [c for c in journey.cards() if c.lane_id not in hidden_lanes]
    known_slots = previous.emotion_slots if previous is not None else None
    result.emotion_slots = slots = card_slots(cards, stage_index, spans, known_slots)
    result.emotion_cards = scored = [c for c in cards if c.emotions]
    known = {c.persona.id: c for c in previous.emotion_curves} if previous is not None else {}
    # the personas whose points may have moved (None: any); the others keep their curves
    old_lane = previous.emotion_lane if previous is not None else None
    changed: set[str] | None = None
    if previous is not None and slots is known_slots and old_lane and old_lane.row == lane.row:
        changed = rescored(previous.emotion_cards, scored)
    for persona in journey.personas:
        if persona.hidden or (personas is not None and persona.id not in personas):
            continue
        kept = known.get(persona.id)
        if (
            changed is not None
            and kept is not None
            and kept.persona is persona
            and (persona.id not in changed)
        ):
            result.emotion_curves.append(kept)
            continue
        result.emotion_curves.append(
            lay_out_curve(
                persona,
                scored,
                slots,
                lambda score: emotion_y(lane.row, score, result.style),
                known.get(persona.id),
            )
        )


def _lay_out_flows(journey: JourneyMap, result: MapLayout, previous: MapLayout | None) -> None:
    boxes = result.cards
    bands = _bands(result)
    ceiling = result.style.stage_header_height
    # a route depends on its cards' boxes and on the bands it keeps out of
    same_bands = previous is not None and _bands(previous) == bands
    known = {r.flow.id: r for r in previous.flows} if previous is not None and same_bands else {}
    old_boxes = previous.cards if previous is not None else {}
    for flow in journey.flows():
        source, target = boxes.get(flow.source), boxes.get(flow.target)
        if source is None or target is None:
            continue  # one end is in a hidden or collapsed lane
        old = known.get(flow.id)
        if (
            old is not None
            and old.flow is flow
            and old_boxes.get(flow.source) is source
            and old_boxes.get(flow.target) is target
        ):
            result.flows.append(old)
            continue
        a, b = source.card, target.card
        stacked = a.stage_id == b.stage_id and a.lane_id == b.lane_id
        if a.stage_id == b.stage_id and not stacked:
            curve = connector(source.rect, target.rect)
        else:
            curve = route(source.rect, target.rect, bands[0], ceiling, bands[1], stacked=stacked)
        result.flows.append(FlowRoute(flow, curve, bezier_point(curve, 0.5)))


def _bands(layout: MapLayout) -> tuple[tuple[float, float] | None, tuple[tuple[float, float], ...]]:
    """What flows keep out of: the emotion lane, and the blueprint lines (a loop may use
    the half of a line's gap on its side, but never crosses the line)."""
    lane = layout.emotion_lane
    gaps = tuple((line.y - 3, line.y + 3) for line in layout.blueprint)
    return ((lane.row.y, lane.row.bottom) if lane is not None else None), gaps


def route(
    a: Rect,
    b: Rect,
    band: tuple[float, float] | None = None,
    ceiling: float | None = None,
    keep_out: Sequence[tuple[float, float]] = (),
    stacked: bool = False,
) -> Bezier:
    """A smooth arrow from box ``a`` to box ``b`` that leaves and enters on sensible sides.

    A loop back goes over the top of its cards, unless that would take it into ``band``
    (the emotion lane's top and bottom) or one of the ``keep_out`` bands (a blueprint
    line's gap), or above ``ceiling`` (the stage headers): then it goes under them, from
    bottom to bottom, and is kept out of the bands the same way.
    ``stacked``: both cards are in one cell (see :func:`stacked_route`)."""
    if stacked:
        return stacked_route(a, b)
    (ax, ay), (bx, by) = a.center, b.center
    if b.x >= a.right - 1:  # forward: right side to left side
        p0, p3 = (a.right, ay), (b.x, by)
        bend = max(30.0, (p3[0] - p0[0]) / 2)
        return Bezier(p0, (p0[0] + bend, p0[1]), (p3[0] - bend, p3[1]), p3)
    if b.right <= a.x + 1:  # backward, a loop: over the top, from top to top
        bands = [band, *keep_out] if band is not None else list(keep_out)
        lift = 40.0 + abs(ax - bx) * 0.12
        high = min(a.y, b.y)
        top = high - lift
        roof = max((end for _, end in bands if high >= end), default=None)
        if roof is not None:  # cards below a band: the loop does not go up into it
            top = max(top, roof + 4)
        if (ceiling is not None and top < ceiling + 4) or top > high - 12:
            low = max(a.bottom, b.bottom)
            bottom = low + lift
            floor = min((start for start, _ in bands if low <= start), default=None)
            if floor is not None:
                bottom = min(bottom, floor - 4)
            if bottom >= low + 12:
                p0, p3 = (ax, a.bottom), (bx, b.bottom)
                return Bezier(p0, (p0[0], bottom), (p3[0], bottom), p3)
            top = max(top, high - lift / 2)  # no room below either: a flat loop on top
        p0, p3 = (ax, a.y), (bx, b.y)
        return Bezier(p0, (p0[0], top), (p3[0], top), p3)
    # same column: bottom to top (or top to bottom), bowing out to the right
    if by >= ay:
        p0, p3 = (ax + a.width * 0.25, a.bottom), (bx + b.width * 0.25, b.y)
    else:
        p0, p3 = (ax + a.width * 0.25, a.y), (bx + b.width * 0.25, b.bottom)
    bow = 24.0 + abs(p3[1] - p0[1]) * 0.15
    return Bezier(p0, (p0[0] + bow, p0[1]), (p3[0] + bow, p3[1]), p3)


STACK_GAP = 12.0  # cards at most this far apart in a stack are next to each other
STACK_REACH = 13.0  # how far a bracket's control points lie right of the cards


def stacked_route(a: Rect, b: Rect) -> Bezier:
    """A flow between two cards of one cell's stack: straight down through the gap to the
    card just below, else a bracket just right of the stack, from the middle of one
    card's right edge to the other's (over the cell's padding, not across the cards)."""
    if 0 <= b.y - a.bottom <= STACK_GAP:
        x = round(min(a.x + a.width / 2, b.x + b.width / 2), 2)
        gap = b.y - a.bottom
        return Bezier((x, a.bottom), (x, a.bottom + gap / 3), (x, b.y - gap / 3), (x, b.y))
    (_, ay), (_, by) = a.center, b.center
    right = max(a.right, b.right) + STACK_REACH
    return Bezier((a.right, ay), (right, ay), (right, by), (b.right, by))


CONNECTOR_SHIFT = 8.0  # a downward connector left of the middle, an upward one right of it


def connector(a: Rect, b: Rect) -> Bezier:
    """A straight vertical arrow from box ``a`` to box ``b`` in the same stage and another
    lane (a frontstage step and the support process it depends on): from ``a``'s bottom
    edge down to ``b``'s top edge, or from its top up to ``b``'s bottom. Downward arrows
    run just left of the middle and upward ones just right of it, so a pair of flows both
    ways shows as two arrows."""
    left, right = max(a.x, b.x), min(a.right, b.right)
    if right < left:  # not over one another after all (boxes of different widths)
        left = right = (a.center[0] + b.center[0]) / 2
    down = b.center[1] >= a.center[1]
    x = round((left + right) / 2 + (-CONNECTOR_SHIFT if down else CONNECTOR_SHIFT), 2)
    y0, y1 = (a.bottom, b.y) if down else (a.y, b.bottom)
    third = (y1 - y0) / 3
    return Bezier((x, y0), (x, y0 + third), (x, y1 - third), (x, y1))


def bezier_point(curve: Bezier, t: float) -> Point:
    mt = 1 - t
    a, b, c, d = mt**3, 3 * mt * mt * t, 3 * mt * t * t, t**3
    return (
        round(a * curve.p0[0] + b * curve.c1[0] + c * curve.c2[0] + d * curve.p3[0], 2),
        round(a * curve.p0[1] + b * curve.c1[1] + c * curve.c2[1] + d * curve.p3[1], 2),
    )
