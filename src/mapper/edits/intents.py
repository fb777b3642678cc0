"""What a gesture or a panel means, as a change: where a dropped card lands, which place a
dropped stage takes, a flow between two cards, a rename. Qt-free: positions are scene
coordinates in the shared layout. A user's mistake raises :class:`EditRefused`; ``None``
means there is nothing to do."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mapper.edits.changes import Change, Composite, Insert, Move, MoveCards, Update
from mapper.edits.new_card import NewCard, TypedTitle, Unasked
from mapper.edits.refusal import EditRefused
from mapper.edits.wording import name_of, quote
from mapper.layout import MapLayout, Point
from mapper.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    Card,
    CardKind,
    Entity,
    Flow,
    JourneyMap,
    Lane,
    LaneKind,
    ModelError,
    Presentation,
    Stage,
    new_id,
)
from mapper.model.collection import OrderedEntities

CARD_TITLES = {
    CardKind.TOUCHPOINT: "New touchpoint",
    CardKind.ACTION: "Customer action",
    CardKind.THOUGHT: "What they think",
    CardKind.PAIN_POINT: "Pain point",
    CardKind.OPPORTUNITY: "Opportunity",
    CardKind.NOTE: "Note",
}
EMPTY_NAMES = {
    Entity.CARD: "A card needs a title",
    Entity.STAGE: "A stage needs a name",
    Entity.LANE: "A lane needs a name",
    Entity.PERSONA: "A persona needs a name",
}
NOT_IN_THE_CURVE = "The emotion curve's lane draws the curve: cards go in the other lanes"


# ------------------------------------------------------------------ cards
def drop_target(
    journey: JourneyMap,
    layout: MapLayout,
    pos: Point,
    exclude: frozenset[str] | set[str] = frozenset(),
) -> tuple[str, str, int] | None:
    """The cell under ``pos`` and the index a card dropped there would take, counting the
    cards that stay (those not in ``exclude``) whose middle is above ``pos``. None off the
    grid, and in the emotion curve's lane (it draws the curve: cards there would hide it)."""
    cell = layout.cell_at(pos)
    if cell is None:
        return None
    stage_id, lane_id = cell
    if not journey.lanes.get(lane_id).kind.takes_cards:
        return None
    index = 0
    for card in journey.cards_in_cell(stage_id, lane_id):
        box = layout.cards.get(card.id)
        if card.id not in exclude and box is not None and box.rect.center[1] < pos[1]:
            index += 1
    return stage_id, lane_id, index


def drop_cards(
    journey: JourneyMap, layout: MapLayout, centers: Mapping[str, Point]
) -> MoveCards | None:
    """Dragged cards (id -> where its middle was let go) as one move. The cards that land in
    one cell go in one block, top to bottom, where the highest of them landed; cards let go
    off the grid stay where they were. None when none landed on the grid."""
    moving = frozenset(centers)
    placed: dict[tuple[str, str], list[tuple[int, float, str]]] = {}
    for card_id, center in centers.items():
        target = drop_target(journey, layout, center, moving)
        if target is not None:
            stage_id, lane_id, index = target
            placed.setdefault((stage_id, lane_id), []).append((index, center[1], card_id))
    blocks = [
        ([card_id for _, _, card_id in sorted(cards, key=lambda c: c[1])], *cell,
         min(index for index, _, _ in cards))
        for cell, cards in placed.items()
    ]  # fmt: skip
    return MoveCards.blocks_of(journey, blocks) if blocks else None


def connect(journey: JourneyMap, source: str, target: str | None) -> Insert | None:
    """A flow from ``source`` to the card the line ended on (None: it ended elsewhere)."""
    if target is None or target == source:
        return None
    if journey.has_flow_between(source, target):
        raise EditRefused("These cards are already connected")
    return Insert(journey, Entity.FLOW, 0, Flow(new_id("flow"), source, target), "Add flow")


def set_emotion(journey: JourneyMap, card_id: str, persona_id: str, score: int | None) -> Update:
    """A card's emotion score for a persona; ``None`` clears it."""
    emotions = {k: v for k, v in journey.card(card_id).emotions.items() if k != persona_id}
    if score is not None:
        emotions[persona_id] = score
    persona = name_of(journey, Entity.PERSONA, persona_id, quoted=False)
    whose = f"{persona}'s emotion" if persona else "emotion"
    text = f"Set {whose} to {score:+d}" if score is not None else f"Clear {whose}"
    return Update(journey, Entity.CARD, card_id, {"emotions": emotions}, text)


def clear_scores(journey: JourneyMap, targets: Sequence[tuple[str, str]]) -> Change | None:
    """Un-score each (card, persona) of ``targets`` as one step; None if none is scored."""
    scores: dict[tuple[str, str], int | None] = {
        (card_id, persona_id): None
        for card_id, persona_id in targets
        if journey.has_card(card_id) and persona_id in journey.card(card_id).emotions
    }
    return _set_scores(journey, scores, "Clear emotions")


def step_scores(
    journey: JourneyMap, targets: Sequence[tuple[str, str]], delta: int
) -> Change | None:
    """Each (card, persona) of ``targets`` one step up (``delta`` 1) or down the scale; an
    unscored card starts from neutral. None when all are at the end of the scale already.
    Repeated steps of one card fold into one undo step."""
    scores: dict[tuple[str, str], int | None] = {}
    for card_id, persona_id in targets:
        if not journey.has_card(card_id) or persona_id not in journey.personas:
            continue
        old = journey.card(card_id).emotions.get(persona_id)
        new = max(EMOTION_MIN, min(EMOTION_MAX, (old or 0) + delta))
        if new != old:
            scores[card_id, persona_id] = new
    return _set_scores(journey, scores, "Change emotions", merge="emotion step")


def _set_scores(
    journey: JourneyMap,
    scores: Mapping[tuple[str, str], int | None],
    text: str,
    merge: bool | str = False,
) -> Change | None:
    """One update per card, holding every persona's new score of it (``None`` clears): an
    update per score would each start from the card as it was and undo the others."""
    by_card: dict[str, dict[str, int | None]] = {}
    for (card_id, persona_id), score in scores.items():
        by_card.setdefault(card_id, {})[persona_id] = score
    parts: list[Update] = []
    for card_id, changed in by_card.items():
        if len(changed) == 1:
            [(persona_id, score)] = changed.items()
            part = set_emotion(journey, card_id, persona_id, score)
        else:
            emotions = {k: v for k, v in journey.card(card_id).emotions.items() if k not in changed}
            emotions.update({k: v for k, v in changed.items() if v is not None})
            part = Update(journey, Entity.CARD, card_id, {"emotions": emotions}, text)
        part.merge = merge
        parts.append(part)
    if len(parts) <= 1:
        return parts[0] if parts else None
    return Composite(journey, text, parts)


def set_lane_kind(journey: JourneyMap, lane_id: str, kind: LaneKind) -> Update | None:
    """What a lane is for; None when it is that already. A lane holding cards does not
    become the emotion curve's lane: the curve would be drawn over its cards."""
    lane = journey.lanes.get(lane_id)
    if kind == lane.kind:
        return None
    kind = LaneKind(kind)
    if not kind.takes_cards and any(
        journey.cards_in_cell(stage_id, lane_id) for stage_id in journey.stages.ids()
    ):
        raise EditRefused(
            f"{quote(lane.name)} holds cards: move them to another lane first ({NOT_IN_THE_CURVE})"
        )
    return Update(journey, Entity.LANE, lane_id, {"kind": kind}, "Edit kind")


# --------------------------------------------------------- opportunities
RATED = ("impact", "effort")


def rate(journey: JourneyMap, card_id: str, field: str, value: int) -> Update | None:
    """An opportunity's impact or effort (1..5); None when it already has that value."""
    if field not in RATED:
        raise ValueError(f"{field!r} is not a rating")
    if getattr(journey.card(card_id), field) == value:
        return None
    return Update(journey, Entity.CARD, card_id, {field: value}, f"Set {field} to {value}")


def address(journey: JourneyMap, card_id: str, pain_id: str, addressed: bool) -> Update | None:
    """Link an opportunity to a pain point it addresses (``addressed``), or unlink it; None
    when that is so already."""
    links = journey.card(card_id).pain_point_ids
    if addressed == (pain_id in links):
        return None
    if pain_id == card_id:
        raise EditRefused("An opportunity cannot address itself")
    new = (*links, pain_id) if addressed else tuple(i for i in links if i != pain_id)
    verb = "Link" if addressed else "Unlink"
    text = f"{verb} pain point {name_of(journey, Entity.CARD, pain_id)}".rstrip()
    return Update(journey, Entity.CARD, card_id, {"pain_point_ids": new}, text)


# -------------------------------------------------------- stages and lanes
def move_stage(journey: JourneyMap, layout: MapLayout, stage_id: str, x: float) -> Move | None:
    """A stage header let go at ``x``: it takes the place among the other stages' middles."""
    centers = [b.header.center[0] for b in layout.stages if b.stage.id != stage_id]
    index = sum(1 for c in centers if c < x)
    if index == journey.stages.index_of(stage_id):
        return None
    return Move(journey, Entity.STAGE, stage_id, index)


def move_lane(journey: JourneyMap, layout: MapLayout, lane_id: str, y: float) -> Move | None:
    """A lane header let go at ``y``: below the last shown lane whose middle is above it."""
    below = [b.lane.id for b in layout.lanes if b.lane.id != lane_id and b.header.center[1] < y]
    ids = journey.lanes.ids()
    index = ids.index(below[-1]) + 1 if below else 0
    if ids.index(lane_id) < index:
        index -= 1
    if index == ids.index(lane_id):
        return None
    return Move(journey, Entity.LANE, lane_id, index)


def resize_stage(journey: JourneyMap, stage_id: str, width: float) -> Update | None:
    width = round(width)
    if width == journey.stages.get(stage_id).width:
        return None
    text = f"Resize stage {name_of(journey, Entity.STAGE, stage_id)}".rstrip()
    return Update(journey, Entity.STAGE, stage_id, {"width": float(width)}, text)


def toggle_lane(journey: JourneyMap, lane_id: str) -> Update:
    """Collapse an expanded lane, expand a collapsed one."""
    collapsed = not journey.lanes.get(lane_id).collapsed
    verb = "Collapse" if collapsed else "Expand"
    text = f"{verb} lane {name_of(journey, Entity.LANE, lane_id)}".rstrip()
    return Update(journey, Entity.LANE, lane_id, {"collapsed": collapsed}, text)


def add_stage(journey: JourneyMap, index: int | None = None) -> Insert:
    """A new stage at ``index`` (at the end without one)."""
    stage = Stage(new_id("stage"), "New stage")
    at = len(journey.stages) if index is None else index
    return Insert(journey, Entity.STAGE, at, stage, "Add stage")


def add_lane(journey: JourneyMap, index: int | None = None) -> Insert:
    """A new lane at ``index`` (at the bottom without one)."""
    lane = Lane(new_id("lane"), "New lane", LaneKind.CUSTOM)
    at = len(journey.lanes) if index is None else index
    return Insert(journey, Entity.LANE, at, lane, "Add lane")


def move_to(journey: JourneyMap, kind: Entity, item_id: str, index: int) -> Move | None:
    """A stage, lane or persona to ``index``; None off either end."""
    ordered: dict[Entity, OrderedEntities[Any]] = {
        Entity.STAGE: journey.stages, Entity.LANE: journey.lanes, Entity.PERSONA: journey.personas,
    }  # fmt: skip
    if not 0 <= index < len(ordered[kind]) or journey.index_of(kind, item_id) == index:
        return None
    return Move(journey, kind, item_id, index)


def choose_presentation(journey: JourneyMap, choice: Presentation) -> Update | None:
    """Which lanes and personas present mode leaves out; None when nothing changed."""
    if choice == journey.info.presentation:
        return None
    return Update(journey, None, None, {"presentation": choice}, "Choose what to present")


def plan_presentation(
    journey: JourneyMap, choice: Presentation, prompts: dict[str, str]
) -> Change | None:
    """The Choose What to Present dialog: what is shown, each stage's timebox and its
    prompt for the room, as one undo step; None when nothing changed."""
    parts: list[Change] = []
    shown = choose_presentation(journey, choice)
    if shown is not None:
        parts.append(shown)
    for stage_id, prompt in prompts.items():
        if journey.stages.get(stage_id).prompt != prompt:
            parts.append(Update(journey, Entity.STAGE, stage_id, {"prompt": prompt}, "Edit prompt"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Composite(journey, "Plan the presentation", parts)


# ------------------------------------------------------------------ text
def rename(
    journey: JourneyMap,
    kind: Entity,
    item_id: str,
    field: str,
    text: str,
    allow_empty: bool = False,
) -> Update | None:
    """Set a title, name or label typed in place. None when it is unchanged or the thing
    was deleted meanwhile; an empty name (where one is needed) is refused."""
    text = text.strip()
    if not text and not allow_empty:
        raise EditRefused(EMPTY_NAMES.get(kind, f"A {kind.value} needs a {field}"))
    try:
        current = getattr(journey.get(kind, item_id), field)
    except ModelError:
        return None
    if text == current:
        return None
    if field == "label":
        words = f"Label {kind.value} {quote(text)}" if text else f"Clear {kind.value} label"
    else:
        words = f"Rename {kind.value} to {quote(text)}"
    return Update(journey, kind, item_id, {field: text}, words)


def new_card(
    journey: JourneyMap,
    kind: CardKind,
    stage_id: str,
    lane_id: str,
    index: int,
    title: str | None = None,
    channel: str | None = None,
) -> NewCard:
    """A new card at ``index`` of a cell, titled ``title`` or after its kind. A blank title
    or a cell that is gone is refused. A title typed into it next folds into the same undo
    step (``type_new_title``), and so does taking it back (``take_back_new_card``)."""
    if stage_id not in journey.stages or lane_id not in journey.lanes:
        raise EditRefused("The cell for the new card is gone")
    title = CARD_TITLES[kind] if title is None else title.strip()
    if not title:
        raise EditRefused(EMPTY_NAMES[Entity.CARD])
    index = max(0, min(index, len(journey.cards_in_cell(stage_id, lane_id))))
    card = Card(new_id("card"), stage_id, lane_id, title, kind, channel=channel)
    return NewCard(journey, Entity.CARD, index, card, f"Add {quote(title)}")


def type_new_title(journey: JourneyMap, card_id: str, text: str) -> TypedTitle | None:
    """The title typed into a card just made; None when it is unchanged or the card went
    meanwhile (an undo). A blank one is refused: the caller takes the card back."""
    text = text.strip()
    if not text:
        raise EditRefused(EMPTY_NAMES[Entity.CARD])
    if not journey.has_card(card_id) or journey.card(card_id).title == text:
        return None
    return TypedTitle(journey, card_id, text)


def take_back_new_card(journey: JourneyMap, card_id: str) -> Unasked | None:
    """Esc on a card just made: it goes, and its step with it."""
    return Unasked(journey, card_id) if journey.has_card(card_id) else None
