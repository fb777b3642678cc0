"""Where flow labels go: near their curve, never over card text, a header or a label.

A label sits at the middle of its flow when that spot is free; otherwise it tries spots
along the curve, then spots above and below them, and takes the first one clear of the
stage and lane headers, of other labels, of a blueprint's lines and of every card;
failing that, the first one near the middle clear of every card, else the first one clear
of the cards' titles, metrics lines and badge rows (it may then lie on a card's empty
part). Spots within one stage column go first, so pages of whole stages rarely cut a
label. A label that finds no free spot is shortened with an ellipsis and tried again; one
that still finds none keeps the middle of its flow and is marked ``clear=False``: no renderer
draws it (the canvas shows the full text in the flow's tooltip, the PDF says so). After
an edit, a label whose flow moved or changed its shape is carried along to the same point
of its curve, if it lands clear of text and labels there, else to the nearest spot above
or below that point that is (labels jump as little as they can, and an edit costs what it
disturbs: searching again is for labels with no such spot).
Pure Python and deterministic, so every renderer places labels alike.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from mapper.layout.boxes import FlowRoute, MapLayout
from mapper.layout.geometry import Bezier, Rect, slot_setters
from mapper.layout.label_grids import CardIndex, LabelGrid, card_grids
from mapper.layout.label_moves import (
    CANDIDATES,
    LABEL_HEIGHT,
    OFFSETS,
    carried,
    in_band,
    moved_boxes,
    rigid_bands,
    sides,
    spot_point,
)
from mapper.layout.label_spots import Spots, first_free, label_area
from mapper.layout.routes import bezier_point
from mapper.layout.text import ELLIPSIS, elide, text_width

__all__ = ["CANDIDATES", "LABEL_HEIGHT", "OFFSETS", "FlowLabel", "flow_labels", "update_labels"]

LABEL_SIZE = 8.5
LABEL_PADDING = 4.0
LABEL_MAX_WIDTH = 150.0
NEAR = 3 * len(OFFSETS)  # spots near the middle, where a label clear of every card is best
SHORTER = (100.0, 64.0)  # widths a label is elided to, in turn, when it finds no spot
_LINE = "\0line"  # the key of a blueprint line among the labels (no flow id has it)
# the other offsets from each, nearest first (of two as near, the one nearer the curve)
_NEAREST = {
    a: tuple(sorted((b for b in OFFSETS if b != a), key=lambda b: abs(b - a))) for a in OFFSETS
}


@dataclass(frozen=True, slots=True)
class FlowLabel:
    """Where a flow's label goes (or that it found no free spot)."""

    flow_id: str
    text: str  # the label on one line, elided to LABEL_MAX_WIDTH or shorter to fit
    rect: Rect
    clear: bool = True  # False: no free spot was found, so it is not drawn anywhere

    @property
    def elided(self) -> bool:
        return self.text.endswith(ELLIPSIS)


_new = object.__new__
_LABEL = slot_setters(FlowLabel)


def _label(flow_id: str, text: str, rect: Rect) -> FlowLabel:
    """``FlowLabel(flow_id, text, rect)``, made faster (hundreds carried per edit; see
    ``geometry.slot_setters``)."""
    label = _new(FlowLabel)
    set_flow_id, set_text, set_rect, set_clear = _LABEL
    set_flow_id(label, flow_id)
    set_text(label, text)
    set_rect(label, rect)
    set_clear(label, True)
    return label


@dataclass
class PlacedLabels:
    """One layout's labels, handed on to the next layout of the same map (one owner at a
    time), which takes out only those its edit disturbed."""

    by_flow: dict[str, FlowLabel] = field(default_factory=dict)
    grid: LabelGrid = field(default_factory=LabelGrid)  # the clear ones, and the lines
    lines: list[Rect] = field(default_factory=list)  # the blueprint lines in ``grid``
    unclear: set[str] = field(default_factory=set)  # no spot found: tried after each edit


def flow_labels(
    layout: MapLayout, previous: MapLayout | None = None, known: Sequence[FlowLabel] = ()
) -> list[FlowLabel]:
    """A placed label for every flow that has one, in flow order.

    With the ``previous`` layout and the labels ``known`` on it (the editor, after an
    edit), a label whose flow kept its route and whose spot no moved card reaches stays
    where it was, and only the others are placed again, around the kept ones: an edit
    costs what it disturbs. Every label still keeps clear of the others; exports place
    all labels afresh."""
    state = _state_of(known) if previous is not None and known else None
    by_flow = _place(layout, previous, state)[0].by_flow
    return [by_flow[r.flow.id] for r in layout.flows if r.flow.id in by_flow]


def update_labels(
    layout: MapLayout, previous: MapLayout | None, known: Mapping[str, FlowLabel]
) -> tuple[dict[str, FlowLabel], set[str]]:
    """:func:`flow_labels` for the editor after an edit: the labels by flow id, and the
    ids of the flows whose labels are not the ``known`` ones (new, moved or gone). What
    the ``previous`` layout placed is handed on to ``layout``: the work is what the edit
    disturbed, not every label of the map again."""
    state = previous.placed_labels if previous is not None else None
    if previous is not None:
        previous.placed_labels = None  # one owner at a time
    if not isinstance(state, PlacedLabels) or state.by_flow.keys() != known.keys():
        state = _state_of(known.values()) if previous is not None and known else None
    placed, changed = _place(layout, previous, state)
    layout.placed_labels = placed
    return dict(placed.by_flow), changed


def new_labels_steps(layout: MapLayout, step: int) -> Generator[None, None, dict[str, FlowLabel]]:
    """``update_labels(layout, None, {})[0]``, yielding each ``step`` labels placed."""
    placed, _ = yield from _placing(layout, None, None, step)
    layout.placed_labels = placed
    return dict(placed.by_flow)


def _state_of(known: Iterable[FlowLabel]) -> PlacedLabels:
    state = PlacedLabels()
    for label in known:
        state.by_flow[label.flow_id] = label
        if label.clear:
            state.grid.add(label.flow_id, label.rect)
        else:
            state.unclear.add(label.flow_id)
    return state


def _place(
    layout: MapLayout, previous: MapLayout | None, state: PlacedLabels | None
) -> tuple[PlacedLabels, set[str]]:
    """The labels of ``layout``, built on ``state`` (the labels placed on ``previous``,
    taken over and changed), and the ids of the flows whose labels changed."""
    try:
        next(_placing(layout, previous, state, None))  # (no step size: it never yields)
    except StopIteration as done:
        return done.value
    raise AssertionError("a placement with no step size went in steps")


def _placing(
    layout: MapLayout, previous: MapLayout | None, state: PlacedLabels | None, per_step: int | None
) -> Generator[None, None, tuple[PlacedLabels, set[str]]]:
    """:func:`_place`, yielding each time ``per_step`` labels were placed afresh."""
    body, edges = label_area(layout)
    routes = layout.routes_by_id()
    if state is None or previous is None:
        state, previous = PlacedLabels(), None
        disturbed: set[str] = set()
        fresh: set[str] | None = None  # every flow, in order
    else:
        disturbed, fresh = _disturbed(layout, previous, state, body)
    by_flow = state.by_flow
    changed = set(disturbed)
    gone = [by_flow.pop(i) for i in _in_order(disturbed, previous) if i in by_flow]
    state.unclear.difference_update(disturbed)
    if 2 * len(gone) > len(by_flow):  # most labels go: filing those that stay is less work
        state.grid = grid = LabelGrid()
        for label in by_flow.values():
            if label.clear:
                grid.add(label.flow_id, label.rect)
    else:
        grid = state.grid
        for i, line_rect in enumerate(state.lines):
            grid.remove(f"{_LINE}{i}", line_rect)
        for label in gone:
            if label.clear:
                grid.remove(label.flow_id, label.rect)
    state.lines = [Rect(line.x0, line.y - 1.5, line.x1 - line.x0, 3.0) for line in layout.blueprint]
    for i, line_rect in enumerate(state.lines):  # a label never sits on a blueprint's line
        grid.add(f"{_LINE}{i}", line_rect)
    cards: CardIndex | None = None
    texts: CardIndex | None = None
    before = previous.routes_by_id() if previous is not None else {}
    kept: set[str] = set()
    bands = rigid_bands(layout, previous) if previous is not None and gone else []
    for label in gone:  # labels carried along with their flows go first: they were fine
        flow_id = label.flow_id
        old, new = before.get(flow_id), routes.get(flow_id)
        if not label.clear or old is None or new is None or old.flow is not new.flow:
            continue  # its label may have changed
        moved, shift = carried(old.curve, new.curve, label.rect, edges)
        if moved is None:
            continue
        if cards is None or texts is None:
            cards, texts = card_grids(layout, previous)
        # off the cards' text where it was (as every clear label): still, if they moved alike
        off_text = shift is not None and shift[0] == 0 and in_band(moved, shift[1], bands)
        if not _free(moved, texts, grid, edges, body, off_text):
            moved = _nudged(old.curve, new.curve, label.rect, moved, texts, grid, edges, body)
            if moved is None:
                continue
        grid.add(flow_id, moved)
        by_flow[flow_id] = _label(flow_id, label.text, moved)
        kept.add(flow_id)
    if fresh is None:
        to_place: Iterable[FlowRoute] = layout.flows  # (in flow order)
    else:
        wanted = {i for i in fresh if i not in kept and i in routes and routes[i].flow.label}
        to_place = [routes[i] for i in _in_order(wanted, layout)]
    for route in to_place:
        if not route.flow.label:
            continue  # most flows have none: nothing to look up
        full = " ".join(route.flow.label.split())
        if not full:
            continue
        if cards is None or texts is None:
            cards, texts = card_grids(layout, previous)
        label = _placed(route, full, cards, texts, grid, edges, body)
        by_flow[label.flow_id] = label
        changed.add(label.flow_id)
        if label.clear:
            grid.add(label.flow_id, label.rect)
        else:
            state.unclear.add(label.flow_id)
        if per_step and len(by_flow) % per_step == 0:
            yield
    return state, changed


def _placed(
    route: FlowRoute,
    full: str,
    cards: CardIndex,
    texts: CardIndex,
    labels: LabelGrid,
    edges: list[float],
    body: Rect,
) -> FlowLabel:
    """A label placed afresh: the first free spot (see the module's note)."""
    text = elide(full, LABEL_MAX_WIDTH, LABEL_SIZE)
    width = text_width(text, LABEL_SIZE) + 2 * LABEL_PADDING
    spots = Spots(route.curve, width, body)
    chosen = (
        first_free(spots, cards, labels, edges, NEAR)
        or first_free(spots, texts, labels, edges)
        or first_free(spots, cards, labels, None, NEAR)
        or first_free(spots, texts, labels, None, NEAR)
    )
    for room in SHORTER:  # no free spot: a shorter label may fit a smaller gap
        if chosen is not None:
            break
        short = elide(full, room, LABEL_SIZE)
        if short in (text, ELLIPSIS):
            continue
        shorter = Spots(route.curve, text_width(short, LABEL_SIZE) + 2 * LABEL_PADDING, body)
        chosen = first_free(shorter, texts, labels, edges) or first_free(shorter, texts, labels)
        if chosen is not None:
            text = short
    if chosen is None:
        x, y = bezier_point(route.curve, 0.5)
        rect = Rect(x - width / 2, y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
        return FlowLabel(route.flow.id, text, rect, clear=False)
    return FlowLabel(route.flow.id, text, chosen)


def _disturbed(
    layout: MapLayout, previous: MapLayout, state: PlacedLabels, body: Rect
) -> tuple[set[str], set[str] | None]:
    """The flows whose known labels may not stay (routed again, gone, no spot found,
    near a card that moved, or now outside the map's body), and the flows to place
    afresh unless carried along: those, and the flows routed again (None: every flow,
    when the stage columns moved)."""
    known = state.by_flow
    if _frame(previous) != _frame(layout):
        return set(known), None
    before, now = previous.routes_by_id(), layout.routes_by_id()
    found = layout.shifts_since(previous)
    if found is not None:
        rerouted = found[0].keys()
    else:
        rerouted = {i: None for i, r in now.items() if before.get(i) is not r}.keys()
    disturbed = set(rerouted & known.keys())  # (set operations on the dicts' keys, in C)
    if found is None or len(now) != len(before) or not rerouted <= before.keys():
        disturbed.update(i for i in known if i not in now)  # flows gone (or hidden)
    disturbed |= state.unclear
    grid = state.grid
    for box in moved_boxes(layout, previous):
        grid.meeting(box, disturbed)
    if layout.width < previous.width or layout.height < previous.height:
        x1 = max(layout.width, previous.width) + LABEL_MAX_WIDTH
        y1 = max(layout.height, previous.height) + LABEL_HEIGHT
        grid.meeting((body.right, 0.0, x1, y1), disturbed)  # now out on the right
        grid.meeting((0.0, body.bottom, x1, y1), disturbed)  # or at the bottom
    disturbed = {i for i in disturbed if not i.startswith(_LINE)}
    # new labels: of flows routed again (new, or changed) that had none
    return disturbed, disturbed.union([i for i in rerouted - known.keys() if now[i].flow.label])


def _in_order(flow_ids: set[str], layout: MapLayout | None) -> list[str]:
    """``flow_ids`` in ``layout``'s flow order: a few sorted, many picked from its flows."""
    if layout is None:
        return list(flow_ids)
    if 8 * len(flow_ids) < len(layout.flows):
        return sorted(flow_ids, key=_order(layout))
    found = [r.flow.id for r in layout.flows if r.flow.id in flow_ids]
    if len(found) < len(flow_ids):  # (ids with no route there last, as the sort puts them)
        found += sorted(flow_ids.difference(found))
    return found


def _order(layout: MapLayout) -> Callable[[str], tuple]:
    """Sorts flow ids of ``layout``'s routes (or of labels placed on it) in flow order:
    by their source's then their target's place in the document (stage, lane, place in
    the cell), as ``JourneyMap.flows`` orders them, without a walk over every flow."""
    stages = {box.stage.id: i for i, box in enumerate(layout.stages)}
    lanes = {box.lane.id: i for i, box in enumerate(layout.lanes)}
    routes, cards = layout.routes_by_id(), layout.cards

    def key(flow_id: str) -> tuple:
        route = routes.get(flow_id)
        if route is None:
            return (1, flow_id)
        flow = route.flow
        a, b = cards[flow.source], cards[flow.target]
        return (
            0,
            stages[a.card.stage_id], lanes[a.card.lane_id], a.rect.y,
            stages[b.card.stage_id], lanes[b.card.lane_id], b.rect.y,
        )  # fmt: skip

    return key


def _free(
    r: Rect,
    texts: CardIndex,
    labels: LabelGrid,
    edges: list[float],
    body: Rect,
    off_text: bool = False,
) -> bool:
    """Whether a label moved with its flow may stay at ``r``: in the map's body, within
    one stage column, clear of the cards' text and of the other labels (most labels of
    a dense map sit on a card's empty part, and moved alike with it they still do). A
    spot clear of the cards is clear of their text: their text is measured only if not
    (nor when known to be ``off_text``)."""
    return (
        body.x <= r.x
        and body.y <= r.y
        and r.x + r.width <= body.x + body.width
        and r.y + r.height <= body.y + body.height
        and len(sides(r.x, r.width, edges)) == 1
        and not labels.hits(r)
        and (off_text or not texts.on_text(r))
    )


def _nudged(
    old: Bezier,
    new: Bezier,
    was: Rect,
    r: Rect,
    texts: CardIndex,
    labels: LabelGrid,
    edges: list[float],
    body: Rect,
) -> Rect | None:
    """The spot nearest ``r`` above or below it, at the same point of the new curve,
    where a label carried to ``r`` (from ``was`` on the old curve) is clear of text and
    labels (None: none, or ``r`` is not within one stage column)."""
    if len(sides(r.x, r.width, edges)) != 1:
        return None
    found = spot_point(old, was)
    if found is None:
        return None
    t, offset = found
    y = bezier_point(new, t)[1]
    h = LABEL_HEIGHT
    for dy in _NEAREST[offset]:
        spot = Rect(r.x, y + dy - h / 2, r.width, h)
        if _free(spot, texts, labels, edges, body):
            return spot
    return None


def _frame(layout: MapLayout) -> tuple[float, ...]:
    """Where the stage columns are: labels keep within one (besides their flow and the
    cards near them, what a label's spot depends on)."""
    return tuple(box.column.x for box in layout.stages)
