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

from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from mapper.layout.boxes import FlowRoute, MapLayout
from mapper.layout.geometry import Rect, slot_setters
from mapper.layout.label_free import free as _free
from mapper.layout.label_free import nudged as _nudged
from mapper.layout.label_grids import CardIndex, LabelGrid, card_grids
from mapper.layout.label_moves import (
    CANDIDATES,
    LABEL_HEIGHT,
    OFFSETS,
    carried,
    in_band,
    moved_boxes,
    rigid_bands,
)
from mapper.layout.label_order import in_order
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
    earlier = layout.earlier() if layout.earlier is not None else None
    if (
        previous is not None
        and earlier is not None
        and earlier is not previous
        and isinstance(earlier.placed_labels, PlacedLabels)
    ):
        return _taken_back(layout, earlier, previous, known)
    state = previous.placed_labels if previous is not None else None
    if previous is not None:
        previous.placed_labels = None  # one owner at a time
    if not isinstance(state, PlacedLabels) or state.by_flow.keys() != known.keys():
        state = _state_of(known.values()) if previous is not None and known else None
    placed, changed = _place(layout, previous, state)
    if previous is not None and state is not None and placed is not state:
        previous.placed_labels = state  # left as it was: an undo may take its labels back
    layout.placed_labels = placed
    return dict(placed.by_flow), changed


def _taken_back(
    layout: MapLayout, earlier: MapLayout, previous: MapLayout, known: Mapping[str, FlowLabel]
) -> tuple[dict[str, FlowLabel], set[str]]:
    """:func:`update_labels` for a layout built on ``earlier``, a layout older than the one
    the view shows (``previous``, whose labels are ``known``): an undo put the map back
    in ``earlier``'s state, and its labels are placed on ``earlier``'s (kept as they were,
    see :func:`_placing`), which it disturbed little if at all."""
    state = earlier.placed_labels
    earlier.placed_labels = None  # one owner at a time
    if earlier.label_cards is None:  # the cards' text measured so far
        earlier.label_cards, previous.label_cards = previous.label_cards, None
    placed, _ = _place(layout, earlier, state)
    if placed is not state:
        earlier.placed_labels = state
    if layout.label_cards is None:
        layout.label_cards, earlier.label_cards = earlier.label_cards, None
    layout.placed_labels = placed
    labels = dict(placed.by_flow)
    changed = {flow_id for flow_id, label in labels.items() if known.get(flow_id) is not label}
    changed.update(flow_id for flow_id in known if flow_id not in labels)
    return labels, changed


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
    going = [i for i in in_order(disturbed, previous) if i in by_flow]
    if 2 * len(going) > len(by_flow) - len(going):  # most labels go: filing those that
        # stay is less work, in a state of their own (the one given stays as it was: an
        # undo of the edit takes its labels back, see update_labels)
        state = PlacedLabels(dict(by_flow), unclear=set(state.unclear))
        by_flow, grid = state.by_flow, state.grid
        gone = [by_flow.pop(i) for i in going]
        state.unclear.difference_update(disturbed)
        for label in by_flow.values():
            if label.clear:
                grid.add(label.flow_id, label.rect)
    else:
        gone = [by_flow.pop(i) for i in going]
        state.unclear.difference_update(disturbed)
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
    if fresh is None:  # (in flow order; the labels carried along are placed already)
        to_place: Iterable[FlowRoute] = (
            [r for r in layout.flows if r.flow.id not in kept] if kept else layout.flows
        )
    else:
        wanted = {i for i in fresh if i not in kept and i in routes and routes[i].flow.label}
        to_place = [routes[i] for i in in_order(wanted, layout)]
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
    grid = state.grid
    boxes = moved_boxes(layout, previous)
    for box in boxes:
        grid.meeting(box, disturbed)
    shrunk = layout.width < previous.width or layout.height < previous.height
    if shrunk:
        x1 = max(layout.width, previous.width) + LABEL_MAX_WIDTH
        y1 = max(layout.height, previous.height) + LABEL_HEIGHT
        grid.meeting((body.right, 0.0, x1, y1), disturbed)  # now out on the right
        grid.meeting((0.0, body.bottom, x1, y1), disturbed)  # or at the bottom
    if disturbed or boxes or rerouted or shrunk:  # (else no spot is freer than it was)
        disturbed |= state.unclear
    disturbed = {i for i in disturbed if not i.startswith(_LINE)}
    # new labels: of flows routed again (new, or changed) that had none
    return disturbed, disturbed.union([i for i in rerouted - known.keys() if now[i].flow.label])


def _frame(layout: MapLayout) -> tuple[float, ...]:
    """Where the stage columns are: labels keep within one (besides their flow and the
    cards near them, what a label's spot depends on)."""
    return tuple(box.column.x for box in layout.stages)
