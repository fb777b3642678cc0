"""Where things go on the presentation canvas (the room's layout). Pure Python, from the model.

The editor's layout stacks a cell's cards in one narrow column, which at projector
distance makes a stage far taller than a screen. Here stages are wider, text is bigger and
a cell's cards flow into a grid, so a whole stage column fits a 1080-pixel screen at a size
the back row can read. Flows are left out: across a grid of cards they turn into a
tangle, and a walk through the stages does not need them. Units are pixels on a
1920 x 1080 screen at zoom 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import floor

from mapper.layout.emotion import EmotionCurve, card_slots, lay_out_curve, score_y
from mapper.layout.geometry import Point, Rect
from mapper.layout.persona_style import PersonaStyle, styles_by_id
from mapper.layout.text import line_height, wrap
from mapper.model import JourneyMap, Lane, LaneKind, Stage
from mapper.model.entities import Card
from mapper.present.content import Shown
from mapper.present.labels import channel_label, creator_label, metric_parts

STAGE_WIDTH_FACTOR = 3.5  # the editor's 240-pixel default stage becomes 840 pixels wide
MIN_STAGE_WIDTH, MAX_STAGE_WIDTH = 560.0, 1600.0


@dataclass(frozen=True)
class PresentStyle:
    """Sizes at a text scale (``+`` / ``-`` in present mode change the scale)."""

    scale: float = 1.0
    cell_padding: float = 12.0
    card_gap: float = 12.0
    min_row_height: float = 64.0
    emotion_row_height: float = 190.0
    emotion_padding: float = 28.0
    title_max_lines: int = 3

    @property
    def title_size(self) -> float:
        return 20.0 * self.scale

    @property
    def meta_size(self) -> float:
        return 15.0 * self.scale

    @property
    def card_padding(self) -> float:
        return 12.0 * min(self.scale, 1.5)

    @property
    def min_card_width(self) -> float:
        """Narrower cells stack their cards; wider ones put cards side by side."""
        return 13.0 * self.title_size


@dataclass(frozen=True)
class StageColumn:
    stage: Stage
    index: int
    column: Rect
    metrics: tuple[str, ...]  # "CSAT 71", "Effort 3.9", ...


@dataclass(frozen=True)
class LaneRow:
    lane: Lane
    row: Rect


@dataclass(frozen=True)
class CardSlot:
    card: Card
    rect: Rect
    stage_index: int
    title_lines: tuple[str, ...]
    meta: str  # channel and creator
    score: int | None  # the lead persona's emotion


@dataclass
class PresentLayout:
    style: PresentStyle
    width: float = 0.0
    height: float = 0.0
    stages: list[StageColumn] = field(default_factory=list)
    lanes: list[LaneRow] = field(default_factory=list)
    cards: dict[str, CardSlot] = field(default_factory=dict)
    emotion_row: LaneRow | None = None
    curves: list[EmotionCurve] = field(default_factory=list)
    # each persona's colour, dash and marker, as on the canvas and on paper
    persona_styles: dict[str, PersonaStyle] = field(default_factory=dict)

    @property
    def bounds(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    def emotion_y(self, score: float) -> float:
        assert self.emotion_row is not None
        row, pad = self.emotion_row.row, self.style.emotion_padding
        return score_y(row.y + pad, row.bottom - pad, score)

    def card_at(self, point: Point) -> str | None:
        return next((cid for cid, slot in self.cards.items() if slot.rect.contains(point)), None)


def stage_width(stage: Stage) -> float:
    return max(MIN_STAGE_WIDTH, min(MAX_STAGE_WIDTH, stage.width * STAGE_WIDTH_FACTOR))


def present_layout(
    journey: JourneyMap, content: Shown, lead: str | None, style: PresentStyle | None = None
) -> PresentLayout:
    """Lay out the shown lanes; ``lead`` is the persona whose scores colour the cards."""
    style = style or PresentStyle()
    result = PresentLayout(style)
    x = 0.0
    columns: list[tuple[Stage, float, float]] = []
    for stage in journey.stages:
        columns.append((stage, x, stage_width(stage)))
        x += stage_width(stage)
    result.width = x

    y = 0.0
    for lane in content.lanes:
        height = style.min_row_height
        placed: list[tuple[Card, int, float, float, float, float]] = []
        for stage_index, (stage, sx, width) in enumerate(columns):
            # a card marked sensitive is not shown to a room
            cards = [c for c in journey.cards_in_cell(stage.id, lane.id) if not c.sensitive]
            grid, grid_height = _grid(cards, width, style, journey, lead)
            placed.extend(
                (card, stage_index, sx + gx, gy, gw, gh)
                for card, (gx, gy, gw, gh) in zip(cards, grid, strict=True)
            )
            height = max(height, grid_height + 2 * style.cell_padding)
        if lane.kind is LaneKind.EMOTION:
            height = max(height, style.emotion_row_height)
        for card, stage_index, cx, cy, cw, ch in placed:
            rect = Rect(round(cx, 2), round(y + style.cell_padding + cy, 2), cw, ch)
            result.cards[card.id] = _slot(card, rect, stage_index, style, journey, lead)
        row = LaneRow(lane, Rect(0, y, x, height))
        result.lanes.append(row)
        if lane.kind is LaneKind.EMOTION and result.emotion_row is None:
            result.emotion_row = row
        y += height
    result.height = y

    for index, (stage, sx, width) in enumerate(columns):
        metrics = tuple(metric_parts(stage.metrics))
        result.stages.append(StageColumn(stage, index, Rect(sx, 0, width, y), metrics))
    _lay_out_curves(journey, content, result, columns)
    return result


def _grid(
    cards: list[Card], width: float, style: PresentStyle, journey: JourneyMap, lead: str | None
) -> tuple[list[tuple[float, float, float, float]], float]:
    """A cell's cards in rows of as many as fit side by side, each row as tall as its
    tallest card. Returns each card's (x, y, width, height) from the cell's top left (y
    below the padding) and the grid's height."""
    if not cards:
        return [], 0.0
    inner = width - 2 * style.cell_padding
    gap = style.card_gap
    fit = max(1, floor((inner + gap) / (style.min_card_width + gap)))
    per_row = min(fit, len(cards))
    card_width = round((inner - gap * (per_row - 1)) / per_row, 2)
    placed: list[tuple[float, float, float, float]] = []
    y = 0.0
    for start in range(0, len(cards), per_row):
        row = cards[start : start + per_row]
        height = max(_card_height(c, card_width, style, journey, lead) for c in row)
        for i in range(len(row)):
            placed.append((style.cell_padding + i * (card_width + gap), y, card_width, height))
        y += height + gap
    return placed, y - gap


def _title_lines(card: Card, width: float, style: PresentStyle) -> tuple[str, ...]:
    inner = width - 2 * style.card_padding - 6  # 6: the sentiment stripe
    return wrap(card.title, inner, style.title_size, style.title_max_lines)[0]


def _meta(card: Card, journey: JourneyMap) -> str:
    return " · ".join(
        t for t in (channel_label(journey, card.channel), creator_label(card.creator)) if t
    )


def _has_meta_row(card: Card, journey: JourneyMap, lead: str | None) -> bool:
    return bool(_meta(card, journey)) or card.moment_of_truth or card.emotion(lead) is not None


def _card_height(
    card: Card, width: float, style: PresentStyle, journey: JourneyMap, lead: str | None
) -> float:
    height = 2 * style.card_padding + len(_title_lines(card, width, style)) * line_height(
        style.title_size
    )
    if _has_meta_row(card, journey, lead):
        height += 6 + line_height(style.meta_size) + 4
    return round(height, 2)


def _slot(
    card: Card,
    rect: Rect,
    stage_index: int,
    style: PresentStyle,
    journey: JourneyMap,
    lead: str | None,
) -> CardSlot:
    return CardSlot(
        card,
        rect,
        stage_index,
        _title_lines(card, rect.width, style),
        _meta(card, journey),
        card.emotion(lead),
    )


def _lay_out_curves(journey: JourneyMap, content: Shown, result: PresentLayout, columns) -> None:
    result.persona_styles = styles_by_id(journey.personas)
    if result.emotion_row is None:
        return
    index_of = {stage.id: i for i, (stage, _, _) in enumerate(columns)}
    spans = [(x, width) for _, x, width in columns]
    # every card the editor shows has its place, as on the canvas: the same shape. Leaving a
    # lane out of the presentation hides its cards, not the curve they make; a lane hidden
    # in the editor counts as the canvas counts it (not at all); a sensitive card's score is
    # never shown to the room
    hidden = {lane.id for lane in journey.lanes if lane.hidden}
    slots = card_slots((c for c in journey.cards() if c.lane_id not in hidden), index_of, spans)
    scored = [c for c in journey.cards() if c.emotions and not c.sensitive]
    for persona in content.personas:
        curve = lay_out_curve(persona, scored, slots, result.emotion_y)
        if curve.points:
            result.curves.append(curve)
