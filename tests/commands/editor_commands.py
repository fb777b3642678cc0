"""Random commands built the way the editor builds them, for the undo property tests.

Each builder mirrors one place that pushes commands (canvas gestures, inspector, edit
controller, palette, outline, personas panel, present setup dialog, paste) and builds
its change the same way: through the edits layer's intents where the editor uses one
(nudge, delete, cut, paste, emotions), else with the same change classes and arguments. ``EDITS`` are edits the model may accept;
``REFUSALS`` are edits it must refuse. A builder returns None when the map has nothing
for it to work on (no cards to nudge, ...).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from hypothesis import strategies as st

from mapper import clipboard
from mapper.edits import (
    Change,
    Composite,
    Insert,
    Move,
    MoveCards,
    Nudge,
    Remove,
    Update,
    intents,
    selection,
)
from mapper.model import (
    BUILTIN_CHANNELS,
    BuyingPhase,
    Card,
    CardKind,
    Confidence,
    Creator,
    Entity,
    Evidence,
    Flow,
    JourneyMap,
    Lane,
    LaneKind,
    Metrics,
    Persona,
    Photo,
    Presentation,
    Stage,
)
from mapper.model.vocabulary import SHORT_TEXT_MAX

T = TypeVar("T")

TEXT_ALPHABET = "abcXYZ 1é-\n"
DIRECTIONS = [(1, 0), (0, 1), (-1, 0), (0, -1)]  # right first: cells often hold one card


class Draw:
    """Choices for a builder, from hypothesis (shrinks) or a seeded Random (plain tests)."""

    def __init__(self, data: Any = None, rng: random.Random | None = None) -> None:
        self.data, self.rng = data, rng
        self.counter = 0

    def integer(self, low: int, high: int) -> int:
        if self.data is not None:
            return self.data.draw(st.integers(low, high))
        assert self.rng is not None
        return self.rng.randint(low, high)

    def pick(self, items: Sequence[T]) -> T:
        return items[self.integer(0, len(items) - 1)]

    def boolean(self) -> bool:
        return bool(self.integer(0, 1))

    def subset(self, items: Sequence[T], most: int = 3) -> list[T]:
        chosen = [self.pick(items) for _ in range(self.integer(0, min(most, len(items))))]
        return list(dict.fromkeys(chosen))

    def text(self, most: int = 6) -> str:
        return "".join(self.pick(TEXT_ALPHABET) for _ in range(self.integer(0, most)))

    def new_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}"


Builder = Callable[[JourneyMap, Draw], Change | None]
EDITS: dict[str, Builder] = {}
REFUSALS: dict[str, Builder] = {}


def edit(function: Builder) -> Builder:
    EDITS[function.__name__] = function
    return function


def refusal(function: Builder) -> Builder:
    REFUSALS[function.__name__] = function
    return function


def _cards(journey: JourneyMap) -> list[str]:
    return [c.id for c in journey.cards()]


def _metric(draw: Draw, metrics: Metrics) -> tuple[Metrics, str]:
    """One metric set or cleared, and the inspector field typed in (its merge key)."""
    name = draw.pick(["csat", "nps", "conversion_rate", "volume", "lifetime_value"])
    value = None if draw.boolean() else float(draw.integer(0, 100))
    return replace(metrics, **{name: value}), name


# ----------------------------------------------------------------- stages and lanes
@edit
def add_stage(journey: JourneyMap, draw: Draw) -> Change:
    """Palette drop (anywhere), Insert menu (at the end), outline (after the current)."""
    stage = Stage(draw.new_id("stage"), "New stage")
    return Insert(journey, Entity.STAGE, draw.integer(0, len(journey.stages)), stage, "Add stage")


@edit
def add_lane(journey: JourneyMap, draw: Draw) -> Change:
    lane = Lane(draw.new_id("lane"), "New lane", LaneKind.CUSTOM)
    return Insert(journey, Entity.LANE, draw.integer(0, len(journey.lanes)), lane, "Add lane")


@edit
def remove_stage(journey: JourneyMap, draw: Draw) -> Change | None:
    """Outline's remove button."""
    stages = journey.stages.ids()
    return Remove(journey, Entity.STAGE, draw.pick(stages)) if stages else None


@edit
def remove_lane(journey: JourneyMap, draw: Draw) -> Change | None:
    lanes = journey.lanes.ids()
    return Remove(journey, Entity.LANE, draw.pick(lanes)) if lanes else None


@edit
def move_stage(journey: JourneyMap, draw: Draw) -> Change | None:
    """Header drag on the canvas, outline's up / down buttons."""
    stages = journey.stages.ids()
    if not stages:
        return None
    index = draw.integer(0, len(stages) - 1)
    return Move(journey, Entity.STAGE, draw.pick(stages), index, "Move stage")


@edit
def move_lane(journey: JourneyMap, draw: Draw) -> Change | None:
    lanes = journey.lanes.ids()
    if not lanes:
        return None
    return Move(journey, Entity.LANE, draw.pick(lanes), draw.integer(0, len(lanes) - 1))


@edit
def rename_stage_or_lane(journey: JourneyMap, draw: Draw) -> Change | None:
    """Outline and in-place rename: one step, no merging."""
    kind = draw.pick([Entity.STAGE, Entity.LANE])
    ids = (journey.stages if kind is Entity.STAGE else journey.lanes).ids()
    if not ids:
        return None
    name = draw.text() or "x"
    return Update(journey, kind, draw.pick(ids), {"name": name}, f"Rename {kind.value}")


@edit
def edit_stage(journey: JourneyMap, draw: Draw) -> Change | None:
    """The inspector's stage form."""
    stages = journey.stages.ids()
    if not stages:
        return None
    stage = journey.stages.get(draw.pick(stages))
    field = draw.pick(
        ["name", "description", "color", "width", "buying_phase", "notes", "metrics", "prompt"]
    )
    value: Any = {
        "name": lambda: draw.text(),
        "prompt": lambda: draw.text(),
        "description": lambda: draw.text(),
        "notes": lambda: draw.text(),
        "color": lambda: draw.pick(["#ffffff", "#e8eef7", "#cc0000"]),
        "width": lambda: float(draw.integer(80, 2000)),
        "buying_phase": lambda: draw.pick([None, *BuyingPhase]),
        "metrics": lambda: None,
    }[field]()
    key = field  # the inspector merges typing per form field
    if field == "metrics":
        value, key = _metric(draw, stage.metrics)
    return Update(journey, Entity.STAGE, stage.id, {field: value}, merge=key)


@edit
def resize_stage(journey: JourneyMap, draw: Draw) -> Change | None:
    stages = journey.stages.ids()
    if not stages:
        return None
    width = float(draw.integer(80, 2000))
    return Update(journey, Entity.STAGE, draw.pick(stages), {"width": width}, "Resize stage")


@edit
def edit_lane(journey: JourneyMap, draw: Draw) -> Change | None:
    lanes = journey.lanes.ids()
    if not lanes:
        return None
    field = draw.pick(["name", "kind", "description", "collapsed", "hidden"])
    value: Any = {
        "name": lambda: draw.text(),
        "description": lambda: draw.text(),
        "kind": lambda: draw.pick(list(LaneKind)),
        "collapsed": draw.boolean,
        "hidden": draw.boolean,
    }[field]()
    return Update(journey, Entity.LANE, draw.pick(lanes), {field: value}, merge=True)


@edit
def toggle_lane(journey: JourneyMap, draw: Draw) -> Change | None:
    """The collapse arrow on a lane header."""
    lanes = journey.lanes.ids()
    if not lanes:
        return None
    lane = journey.lanes.get(draw.pick(lanes))
    text = "Expand lane" if lane.collapsed else "Collapse lane"
    return Update(journey, Entity.LANE, lane.id, {"collapsed": not lane.collapsed}, text)


# -------------------------------------------------------------------------- cards
@edit
def add_card(journey: JourneyMap, draw: Draw) -> Change | None:
    """Palette drop into a cell, at the drop position."""
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    if not stages or not lanes:
        return None
    kind = draw.pick(list(CardKind))
    channel = draw.pick(list(BUILTIN_CHANNELS)) if kind is CardKind.TOUCHPOINT else None
    card = Card(draw.new_id("card"), draw.pick(stages), draw.pick(lanes), "New", kind,
                channel=channel)  # fmt: skip
    return Insert(journey, Entity.CARD, draw.integer(0, 4), card, f"Add {kind.value}")


@edit
def edit_card(journey: JourneyMap, draw: Draw) -> Change | None:
    """The inspector's card form, one field at a time."""
    cards = _cards(journey)
    if not cards:
        return None
    card = journey.card(draw.pick(cards))
    personas = journey.personas.ids()
    field = draw.pick(
        ["title", "kind", "description", "channel", "creator", "buying_phase", "emotions",
         "moment_of_truth", "owner", "metrics", "evidence", "url", "tags", "notes"]
    )  # fmt: skip
    channels = [None, *BUILTIN_CHANNELS, *(c.key for c in journey.info.custom_channels)]
    if field == "emotions":
        if not personas:
            return None
        persona, score = draw.pick(personas), draw.integer(-4, 3)  # -4: "not set"
        emotions = {k: v for k, v in card.emotions.items() if k != persona}
        if score > -4:
            emotions[persona] = score
        value: Any = emotions
        key = f"Emotion: {persona}"
    elif field == "metrics":
        value, key = _metric(draw, card.metrics)
    else:
        key = field
        value = {
            "title": lambda: draw.text() or "t",
            "kind": lambda: draw.pick(list(CardKind)),
            "channel": lambda: draw.pick(channels),
            "creator": lambda: draw.pick([None, *Creator]),
            "buying_phase": lambda: draw.pick([None, *BuyingPhase]),
            "moment_of_truth": draw.boolean,
            "evidence": lambda: tuple(
                Evidence(draw.text() or "e", draw.text(), draw.pick(list(Confidence)))
                for _ in range(draw.integer(0, 2))
            ),
            "tags": lambda: tuple(dict.fromkeys(t for t in draw.text().split() if t)),
        }.get(field, lambda: draw.text())()
    return Update(journey, Entity.CARD, card.id, {field: value}, merge=key)


@edit
def set_emotion(journey: JourneyMap, draw: Draw) -> Change | None:
    """Dragging a point of the emotion curve."""
    cards, personas = _cards(journey), journey.personas.ids()
    if not cards or not personas:
        return None
    score = None if draw.integer(0, 7) == 0 else draw.integer(-3, 3)  # the inspector clears
    return intents.set_emotion(journey, draw.pick(cards), draw.pick(personas), score)


@edit
def rename_card(journey: JourneyMap, draw: Draw) -> Change | None:
    """In-place title editing on the canvas."""
    cards = _cards(journey)
    if not cards:
        return None
    return Update(journey, Entity.CARD, draw.pick(cards), {"title": draw.text() or "t"},
                  "Rename card")  # fmt: skip


@edit
def remove_card(journey: JourneyMap, draw: Draw) -> Change | None:
    cards = _cards(journey)
    return Remove(journey, Entity.CARD, draw.pick(cards)) if cards else None


@edit
def drag_cards(journey: JourneyMap, draw: Draw) -> Change | None:
    """A drag of the selected cards onto a cell, as the scene commits it on release: one
    block, top to bottom, where the highest landed."""
    cards, stages, lanes = _cards(journey), journey.stages.ids(), journey.lanes.ids()
    if not cards:
        return None
    moving = draw.subset(cards) or [draw.pick(cards)]
    cell = (draw.pick(stages), draw.pick(lanes))
    start = draw.integer(0, 3)
    return MoveCards(journey, moving, *cell, start)


@edit
def nudge(journey: JourneyMap, draw: Draw) -> Change | None:
    """Arrow keys on the selected cards."""
    cards = _cards(journey)
    if not cards:
        return None
    direction = draw.pick(DIRECTIONS)
    return nudge_cards(journey, draw.subset(cards) or [draw.pick(cards)], *direction)


def nudge_cards(journey: JourneyMap, ids: list[str], d_stage: int, d_index: int) -> Nudge | None:
    """The nudge the edit controller asks for: up/down within the cell, left/right to the
    next stage; a group already at the end it moves towards stays where it is."""
    return selection.nudge(journey, ids, d_stage, d_index)


@edit
def delete_selection(journey: JourneyMap, draw: Draw) -> Change | None:
    """Delete key on a mixed selection of flows, cards, stages and lanes."""
    flow_ids = [f.id for f in journey.flows()]
    cards = set(draw.subset(_cards(journey)))
    stages = draw.subset(journey.stages.ids(), most=1)
    lanes = draw.subset(journey.lanes.ids(), most=1)
    flows = draw.subset(flow_ids)
    return selection.delete(journey, sorted(cards), flows, stages, lanes)


@edit
def cut(journey: JourneyMap, draw: Draw) -> Change | None:
    cards = _cards(journey)
    if not cards:
        return None
    return selection.cut(journey, draw.subset(cards) or [draw.pick(cards)])


@edit
def paste(journey: JourneyMap, draw: Draw) -> Change | None:
    """Paste (under the mouse or by cell) and Duplicate, through the clipboard payload."""
    cards = _cards(journey)
    if not cards:
        return None
    ids = draw.subset(cards) or [draw.pick(cards)]
    payload = clipboard.copy_payload(journey, ids)
    anchor = None
    if draw.boolean():
        anchor = (draw.integer(0, len(journey.stages) - 1), draw.integer(0, len(journey.lanes) - 1))
    planned = selection.paste(journey, payload, anchor)
    return planned[0] if planned is not None else None


# -------------------------------------------------------------------------- flows
@edit
def add_flow(journey: JourneyMap, draw: Draw) -> Change | None:
    """Dragging from one card to another (the scene refuses a flow to itself)."""
    cards = _cards(journey)
    if len(cards) < 2:
        return None
    source = draw.pick(cards)
    target = draw.pick([c for c in cards if c != source])
    return Insert(journey, Entity.FLOW, 0, Flow(draw.new_id("flow"), source, target), "Add flow")


@edit
def remove_flow(journey: JourneyMap, draw: Draw) -> Change | None:
    flows = [f.id for f in journey.flows()]
    return Remove(journey, Entity.FLOW, draw.pick(flows)) if flows else None


@edit
def edit_flow(journey: JourneyMap, draw: Draw) -> Change | None:
    flows = [f.id for f in journey.flows()]
    if not flows:
        return None
    return Update(journey, Entity.FLOW, draw.pick(flows), {"label": draw.text()}, merge=True)


# ----------------------------------------------------------------------- personas
@edit
def add_persona(journey: JourneyMap, draw: Draw) -> Change:
    persona = Persona(draw.new_id("persona"), "New persona")
    return Insert(journey, Entity.PERSONA, len(journey.personas), persona)


@edit
def remove_persona(journey: JourneyMap, draw: Draw) -> Change | None:
    personas = journey.personas.ids()
    return Remove(journey, Entity.PERSONA, draw.pick(personas)) if personas else None


@edit
def move_persona(journey: JourneyMap, draw: Draw) -> Change | None:
    personas = journey.personas.ids()
    if not personas:
        return None
    index = draw.integer(0, len(personas) - 1)
    return Move(journey, Entity.PERSONA, draw.pick(personas), index)


@edit
def edit_persona(journey: JourneyMap, draw: Draw) -> Change | None:
    """The personas panel: typing merges, lists are one item a line."""
    personas = journey.personas.ids()
    if not personas:
        return None
    field = draw.pick(["name", "role", "bio", "quote", "goals", "frustrations", "color"])
    value: Any = draw.text()
    if field in ("goals", "frustrations"):
        value = tuple(line for line in value.splitlines() if line.strip())
    elif field == "color":
        value = draw.pick(["#3465a4", "#cc0000"])
    elif field == "name":
        value = value.strip() or "P"
    return Update(journey, Entity.PERSONA, draw.pick(personas), {field: value}, merge=True)


@edit
def set_photo(journey: JourneyMap, draw: Draw) -> Change | None:
    personas = journey.personas.ids()
    if not personas:
        return None
    photo = None if draw.boolean() else Photo("image/png", bytes([draw.integer(0, 255)]) * 8)
    return Update(journey, Entity.PERSONA, draw.pick(personas), {"photo": photo}, "Set photo")


@edit
def make_active(journey: JourneyMap, draw: Draw) -> Change | None:
    personas = journey.personas.ids()
    if not personas:
        return None
    return Update(journey, None, None, {"active_persona_id": draw.pick(personas)},
                  "Switch active persona")  # fmt: skip


# --------------------------------------------------------------------- map, present
@edit
def edit_map(journey: JourneyMap, draw: Draw) -> Change:
    """The inspector's map form (nothing selected)."""
    field = draw.pick(["title", "description", "author", "version", "notes", "scenario"])
    key, value = field, draw.text()
    if field == "scenario":  # three form fields share it: each merges on its own
        scenario = journey.info.scenario
        key, value = draw.pick([
            ("Scenario", replace(scenario, title=value)),
            ("Goal", replace(scenario, goal=value)),
            ("Expectations", replace(scenario, expectations=tuple(value.split()))),
        ])  # fmt: skip
    return Update(journey, None, None, {field: value}, merge=key)


@edit
def present_setup(journey: JourneyMap, draw: Draw) -> Change | None:
    """The present setup dialog: which lanes and personas to leave out."""
    timeboxes = {stage: draw.integer(1, 240) for stage in draw.subset(journey.stages.ids())}
    choice = Presentation(
        tuple(draw.subset(journey.lanes.ids())),
        tuple(draw.subset(journey.personas.ids())),
        timeboxes,
    )
    if choice == journey.info.presentation:
        return None
    return Update(journey, None, None, {"presentation": choice}, "Choose what to present")


# ------------------------------------------------------------------ opportunities
def _opportunities(journey: JourneyMap) -> list[str]:
    return [c.id for c in journey.cards() if c.kind is CardKind.OPPORTUNITY]


@edit
def add_opportunity(journey: JourneyMap, draw: Draw) -> Change | None:
    """An opportunity card addressing some cards (the palette, then the inspector)."""
    if not len(journey.stages) or not len(journey.lanes):
        return None
    card = Card(
        draw.new_id("card"), draw.pick(journey.stages.ids()), draw.pick(journey.lanes.ids()),
        draw.text() or "Idea", CardKind.OPPORTUNITY, impact=draw.integer(1, 5),
        effort=draw.integer(1, 5), pain_point_ids=tuple(draw.subset(_cards(journey))),
    )  # fmt: skip
    return Insert(journey, Entity.CARD, draw.integer(0, 3), card, "Add opportunity")


@edit
def rate_opportunity(journey: JourneyMap, draw: Draw) -> Change | None:
    """The inspector's impact or effort choice."""
    ids = _opportunities(journey)
    if not ids:
        return None
    field = draw.pick(intents.RATED)
    return intents.rate(journey, draw.pick(ids), field, draw.integer(1, 5))


@edit
def address_pain_point(journey: JourneyMap, draw: Draw) -> Change | None:
    """A tick or untick in the inspector's list of pain points."""
    ids = _opportunities(journey)
    if not ids:
        return None
    card_id = draw.pick(ids)
    linked = journey.card(card_id).pain_point_ids
    if linked and draw.boolean():
        return intents.address(journey, card_id, draw.pick(linked), False)
    others = [i for i in _cards(journey) if i != card_id]
    return intents.address(journey, card_id, draw.pick(others), True) if others else None


# ---------------------------------------------------------------------- refusals
TEXT_TARGETS: list[tuple[Entity | None, str]] = [
    (Entity.CARD, "title"), (Entity.STAGE, "name"), (Entity.LANE, "name"),
    (Entity.FLOW, "label"), (Entity.PERSONA, "name"), (None, "title"),
]  # fmt: skip


def text_target(journey: JourneyMap, draw: Draw) -> tuple[Entity | None, str | None, str] | None:
    """Something with a one-line text field the inspector or a panel types into."""
    kind, field = draw.pick(TEXT_TARGETS)
    if kind is None:
        return None, None, field
    ids = {
        Entity.CARD: lambda: _cards(journey),
        Entity.STAGE: journey.stages.ids,
        Entity.LANE: journey.lanes.ids,
        Entity.FLOW: lambda: [f.id for f in journey.flows()],
        Entity.PERSONA: journey.personas.ids,
    }[kind]()
    return (kind, draw.pick(ids), field) if ids else None


@refusal
def one_key_too_many(journey: JourneyMap, draw: Draw) -> Change | None:
    """Typing past the length limit: a refused edit that would merge with the typing."""
    target = text_target(journey, draw)
    if target is None:
        return None
    kind, item_id, field = target
    return Update(journey, kind, item_id, {field: "y" * (SHORT_TEXT_MAX + 1)}, merge=True)


@refusal
def out_of_range(journey: JourneyMap, draw: Draw) -> Change | None:
    cards, stages, opportunities = _cards(journey), journey.stages.ids(), _opportunities(journey)
    choices: list[Callable[[], Change]] = []
    if stages:
        choices.append(lambda: Update(journey, Entity.STAGE, draw.pick(stages), {"width": 5000.0},
                                      "Resize stage"))  # fmt: skip
    if cards and len(journey.personas):
        persona = draw.pick(journey.personas.ids())
        choices.append(lambda: Update(journey, Entity.CARD, draw.pick(cards),
                                      {"emotions": {persona: 9}}, merge=True))  # fmt: skip
    if opportunities:
        field = draw.pick(intents.RATED)
        choices.append(lambda: Update(journey, Entity.CARD, draw.pick(opportunities),
                                      {field: draw.pick([0, 6])}, f"Change {field}"))  # fmt: skip
    return draw.pick(choices)() if choices else None


@refusal
def unknown_reference(journey: JourneyMap, draw: Draw) -> Change | None:
    """Pointing at something that is not there (deleted meanwhile, a stale gesture)."""
    cards, stages, lanes = _cards(journey), journey.stages.ids(), journey.lanes.ids()
    choices: list[Callable[[], Change]] = [
        lambda: Update(journey, None, None, {"active_persona_id": "ghost"}, "Switch"),
        lambda: Update(journey, None, None, {"presentation": Presentation(("ghost",))}),
        lambda: Update(journey, None, None, {"presentation": Presentation((), (), {"ghost": 5})}),
        lambda: Remove(journey, draw.pick(list(Entity)[1:]), "ghost"),
        lambda: Move(journey, Entity.PERSONA, "ghost", 0),
        lambda: Update(journey, Entity.LANE, "ghost", {"name": "x"}, merge=True),
    ]
    if cards:
        choices += [
            lambda: Insert(journey, Entity.FLOW, 0, Flow("f-ghost", draw.pick(cards), "ghost")),
            lambda: Insert(journey, Entity.FLOW, 0, Flow("f-self", cards[0], cards[0])),
            lambda: Update(journey, Entity.CARD, draw.pick(cards), {"channel": "ghost"},
                           merge=True),
            lambda: Update(journey, Entity.CARD, draw.pick(cards), {"emotions": {"ghost": 1}}),
            lambda: MoveCards(journey, [draw.pick(cards)], "ghost", "ghost", 0),
            lambda: Update(journey, Entity.CARD, draw.pick(cards), {"no_such_field": 1}),
            lambda: Update(journey, Entity.CARD, draw.pick(cards), {"id": "other"}),
        ]  # fmt: skip
    if stages and lanes:
        choices.append(lambda: Insert(journey, Entity.CARD, 0,
                                      Card("c-ghost", draw.pick(stages), "ghost", "x")))  # fmt: skip
        if cards:
            taken = draw.pick(cards)
            choices.append(lambda: Insert(journey, Entity.CARD, 0,
                                          Card(taken, stages[0], lanes[0], "dup")))  # fmt: skip
    opportunities = _opportunities(journey)
    if opportunities:
        card_id = draw.pick(opportunities)
        choices += [
            lambda: Update(journey, Entity.CARD, card_id, {"pain_point_ids": ("ghost",)},
                           "Link pain point"),
            lambda: Update(journey, Entity.CARD, card_id, {"pain_point_ids": (card_id,)},
                           "Link pain point"),
        ]  # fmt: skip
    flows = journey.flows()
    if flows:
        flow = draw.pick(flows)
        choices.append(lambda: Insert(journey, Entity.FLOW, 0,
                                      Flow("f-again", flow.source, flow.target)))  # fmt: skip
    return draw.pick(choices)()


@refusal
def half_refused_composite(journey: JourneyMap, draw: Draw) -> Change | None:
    """A multi-part step whose last part is refused: none of it may stay."""
    first = draw.pick([delete_selection, drag_cards, paste, cut])(journey, draw)
    if first is None:
        return None
    parts = [first, Remove(journey, Entity.CARD, "ghost")]
    return Composite(journey, "Half refused", parts)


@refusal
def refused_nudge(journey: JourneyMap, draw: Draw) -> Change | None:
    """A nudge of the same cards as the last one, with a part the model refuses: it would
    merge with that nudge."""
    cards = _cards(journey)
    if not cards:
        return None
    ids = draw.subset(cards) or [cards[0]]
    parts = [MoveCards(journey, [card_id], "ghost", "ghost", 0) for card_id in ids]
    if draw.boolean():
        stage, lane, _ = journey.card_position(ids[0])
        parts.insert(0, MoveCards(journey, [ids[0]], stage, lane, 0))
    return Nudge(journey, ids, parts)


BAD_VALUES: dict[str, Any] = {
    "width": 5000.0, "emotions": {"ghost": 1}, "impact": 0, "effort": 9, "channel": "ghost",
    "active_persona_id": "ghost", "presentation": Presentation(("ghost",)),
    "pain_point_ids": ("ghost",), "stage_id": "ghost",
}  # fmt: skip


def refused_like(journey: JourneyMap, command: Change) -> Change | None:
    """An edit the model refuses that would merge with ``command`` (the one just pushed):
    a keystroke past the limit of the same field, a nudge of the same cards off the map."""
    if isinstance(command, Nudge):
        parts = [MoveCards(journey, [card_id], "ghost", "ghost", 0) for card_id in command.card_ids]
        return Nudge(journey, command.card_ids, parts)
    if not isinstance(command, Update) or not command.merge or len(command.changes) != 1:
        return None
    (field, value), too_long = next(iter(command.changes.items())), "y" * 50_001
    if field in BAD_VALUES:
        bad = BAD_VALUES[field]
    elif isinstance(value, str):
        bad = too_long
    elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        bad = (too_long,)
    else:
        return None
    return Update(journey, command.kind, command.item_id, {field: bad}, merge=command.merge)
