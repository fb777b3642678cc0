"""What a layout is made of: the style it follows, the boxes of stages, lanes and cards,
flow routes, and the whole map's layout (``MapLayout``), which the canvas mirrors and the
PDF export draws. Units are scene pixels at 100% zoom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mapper.layout.blueprint import BlueprintLine
from mapper.layout.emotion import EmotionCurve, Slots, score_y
from mapper.layout.geometry import Bezier, Point, Rect, slot_setters
from mapper.layout.persona_style import PersonaStyle
from mapper.layout.routes import bezier_point
from mapper.model import Card, Lane
from mapper.model.entities import Flow, Stage


@dataclass(frozen=True)
class Style:
    """The sizes a layout is made with, and the view options it honours."""

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
    """Where a stage's header and column go."""

    stage: Stage
    header: Rect
    column: Rect
    name_lines: tuple[str, ...]


@dataclass(frozen=True)
class LaneBox:
    """Where a lane's header and row go."""

    lane: Lane
    header: Rect
    row: Rect
    name_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CardBox:
    """Where a card goes and the lines of its title as they wrap."""

    card: Card
    rect: Rect
    title_lines: tuple[str, ...]
    elided: bool
    has_badges: bool
    metrics: str = ""  # the compact metrics line under the title, when shown
    # the top and the bottom card of its cell: a flow to the next lane of the stage runs
    # straight down (or up) only from a card with nothing below (above) it in its cell
    first_in_cell: bool = True
    last_in_cell: bool = True


def only_moved(old: CardBox, new: CardBox) -> bool:
    """Whether a card's new box differs from its old one by where it is only: the same
    card, size and text (what is drawn inside it can simply be moved along)."""
    a, b = old.rect, new.rect
    return (
        old.card is new.card
        and a.width == b.width
        and a.height == b.height
        and old.title_lines == new.title_lines
        and old.elided == new.elided
        and old.metrics == new.metrics
        and old.has_badges == new.has_badges
    )


@dataclass(frozen=True, slots=True)
class FlowRoute:
    """The curve a flow is drawn along."""

    flow: Flow
    curve: Bezier

    @property
    def label_at(self) -> Point:
        """The middle of the curve (asked for rarely: not worked out for every route)."""
        return bezier_point(self.curve, 0.5)


_new = object.__new__
_CARD_BOX = slot_setters(CardBox)
_FLOW_ROUTE = slot_setters(FlowRoute)


def card_box(
    card: Card,
    rect: Rect,
    title_lines: tuple[str, ...],
    elided: bool,
    badges: bool,
    metrics: str,
    first_in_cell: bool = True,
    last_in_cell: bool = True,
) -> CardBox:
    """``CardBox(...)``, made faster (see ``geometry.slot_setters``)."""
    box = _new(CardBox)
    set_card, set_rect, set_lines, set_elided, set_badges, set_metrics, set_first, set_last = (
        _CARD_BOX
    )
    set_card(box, card)
    set_rect(box, rect)
    set_lines(box, title_lines)
    set_elided(box, elided)
    set_badges(box, badges)
    set_metrics(box, metrics)
    set_first(box, first_in_cell)
    set_last(box, last_in_cell)
    return box


def flow_route(flow: Flow, curve: Bezier) -> FlowRoute:
    """``FlowRoute(flow, curve)``, made faster (see ``geometry.slot_setters``)."""
    route = _new(FlowRoute)
    set_flow, set_curve = _FLOW_ROUTE
    set_flow(route, flow)
    set_curve(route, curve)
    return route


CardSize = tuple[float, tuple[str, ...], bool, str]  # height, title lines, elided, metrics
SizeKey = tuple[str, bool, float, object, str]  # title, badges, width, metrics, owner


@dataclass(slots=True)
class CellStack:
    """One cell's cards as a layout stacked them."""

    cards: Sequence[Card]  # (the map's own tuple: see JourneyMap.cell_cards)
    width: float  # the cards' width
    height: float  # the stack's, gaps included
    origin: tuple[float, float] | None = None  # the top card's top left corner
    boxes: dict[str, CardBox] = field(default_factory=dict)
    index: Any = None  # its boxes by y, for what flow labels keep off (see label_grids)


@dataclass
class MapLayout:
    """Every box of a map, as canvas, PDF and images draw it."""

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
    # the same, stage by stage (a stage's are kept by identity while its cards stay)
    emotion_stage_slots: tuple[Slots, ...] = field(default=(), repr=False, compare=False)
    # each stage's scored cards (kept by identity while the stage's cells stay)
    emotion_cards: tuple[list[Card], ...] = field(default=(), repr=False, compare=False)
    # what the slots were worked out from: the shown cells' cards, and each stage's id, x
    # and width (a layout built on this one keeps the slots while they stay)
    emotion_cells: Any = field(default=None, repr=False, compare=False)
    # each persona's colour, dash and marker (by its place among all the map's personas)
    persona_styles: dict[str, PersonaStyle] = field(default_factory=dict)
    flows: list[FlowRoute] = field(default_factory=list)
    # the same routes by flow id (filled with ``flows``; see routes_by_id)
    routes: dict[str, FlowRoute] = field(default_factory=dict, repr=False, compare=False)
    blueprint: list[BlueprintLine] = field(default_factory=list)  # see layout.blueprint
    # what each card's size was worked out from (see SizeKey) -> size
    card_sizes: dict[str, tuple[SizeKey, CardSize]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # each cell's cards as laid out, with their width, stack height, origin and boxes
    # (a cell whose cards and place stayed is taken over whole by the next layout)
    cell_stacks: dict[tuple[str, str], CellStack] = field(
        default_factory=dict, repr=False, compare=False
    )
    # built on a previous layout (a weak reference to it): the cards whose boxes are not
    # its boxes (new or changed) and its cards that have no box now (see changes_since)
    built_on: Any = field(default=None, repr=False, compare=False)
    changed_cards: list[str] = field(default_factory=list, repr=False, compare=False)
    # built on an earlier layout than the one it says its changes since (an undo: see
    # layout.relink), a weak reference to that one
    earlier: Any = field(default=None, repr=False, compare=False)
    # of those, the cards of cells moved whole (the same boxes elsewhere): how far
    card_offsets: dict[str, tuple[float, float]] = field(
        default_factory=dict, repr=False, compare=False
    )
    gone_cards: list[str] = field(default_factory=list, repr=False, compare=False)
    # built on a previous layout: the flows whose routes are not its routes (new or
    # changed; None: not built on one), and those of them whose curves are its curves
    # moved as a whole, by (dx, dy) (see shifts_since)
    rerouted: dict[str, None] | None = field(default=None, repr=False, compare=False)
    shifts: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False, compare=False)
    # the map's flows in document order, as laid out (routed or not; see
    # JourneyMap.flow_sequence), and the map's token for that set of flows (flow_set)
    flow_list: Sequence[Flow] = field(default_factory=tuple, repr=False, compare=False)
    flow_set: object = field(default=None, repr=False, compare=False)
    # flow id -> place of its route in ``flows`` (None: not worked out), handed on to the
    # next layout while the flows and their order stay
    route_index: dict[str, int] | None = field(default=None, repr=False, compare=False)
    # where flow labels may not go, kept for the next layout (see layout.labels)
    label_cards: Any = field(default=None, repr=False, compare=False)
    # the flow labels placed on this layout, kept for the next (see layout.labels)
    placed_labels: Any = field(default=None, repr=False, compare=False)
    routed: bool = field(default=True, repr=False, compare=False)  # False: flows not yet

    def routes_by_id(self) -> dict[str, FlowRoute]:
        """Flow id -> route, for every route in ``flows`` (asked after each edit: kept,
        not built again each time)."""
        if len(self.routes) != len(self.flows):
            self.routes = {route.flow.id: route for route in self.flows}
        return self.routes

    def changes_since(self, previous: MapLayout | None) -> tuple[list[str], list[str]] | None:
        """``(changed, gone)`` card ids if this layout was built on ``previous``, else None:
        an edit's followers visit those cards only, not every card of the map."""
        if previous is None or self.built_on is None or self.built_on() is not previous:
            return None
        return self.changed_cards, self.gone_cards

    def shifts_since(
        self, previous: MapLayout | None
    ) -> tuple[dict[str, None], dict[str, tuple[float, float]]] | None:
        """``(rerouted, shifts)`` if this layout was built on ``previous``, else None
        (every route may be new): the ids of the flows whose routes are not the previous
        ones (changed or new), and of those the ones whose curve is the previous one moved
        by ``(dx, dy)`` (to a millionth), so a view can move what it drew instead of
        drawing it again. The flows with no route now are not listed."""
        if self.rerouted is None or self.changes_since(previous) is None:
            return None
        return self.rerouted, self.shifts

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


def emotion_y(row: Rect, score: float, style: Style) -> float:
    return score_y(row.y + style.emotion_padding, row.bottom - style.emotion_padding, score)
