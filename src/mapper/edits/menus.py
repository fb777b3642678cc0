"""Which context-menu actions apply where, as data: a card, a flow, a stage or lane header,
an emotion point, an empty cell or the map around the grid. The canvas builds a QMenu
from :func:`entries` and, for a choice that is an edit, asks :func:`change_for` for it;
the rest (edit in place, start a flow, duplicate, delete) it runs itself. Qt-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mapper.edits import intents
from mapper.edits.changes import Change, Composite, Update
from mapper.edits.selection import kind_for
from mapper.edits.wording import count, name_of, short
from mapper.model import (
    BUILTIN_CHANNELS,
    EMOTION_MAX,
    EMOTION_MIN,
    CardKind,
    Entity,
    JourneyMap,
    ModelError,
    sentiment_of,
)
from mapper.model.pain import lead_persona
from mapper.model.vocabulary import Sentiment


class Target(StrEnum):
    CARD = "card"
    FLOW = "flow"
    STAGE = "stage"
    LANE = "lane"
    EMOTION_POINT = "emotion_point"
    CELL = "cell"
    MAP = "map"


class Command(StrEnum):
    """What a menu entry does. Those in ``CHANGES`` are edits made here; the canvas runs
    the others (they open an editor, start a gesture or reuse a window action)."""

    EDIT = "edit"  # the title, name or label, in place
    DUPLICATE = "duplicate"
    DELETE = "delete"
    START_FLOW = "start_flow"
    SELECT_CARD = "select_card"
    SELECT_FLOW = "select_flow"  # value: the flow's id
    ADD_CARD = "add_card"  # value: the card kind
    ADD_STAGE = "add_stage"  # value: the index
    ADD_LANE = "add_lane"  # value: the index
    CHANNEL = "channel"  # value: a channel key or None
    EMOTION = "emotion"  # value: a score or None (clears it)
    MOMENT_OF_TRUTH = "moment_of_truth"  # value: True or False
    TOGGLE_LANE = "toggle_lane"


CHANGES = frozenset({Command.CHANNEL, Command.EMOTION, Command.MOMENT_OF_TRUTH,
                     Command.TOGGLE_LANE})  # fmt: skip


@dataclass(frozen=True)
class MenuTarget:
    """What was right-clicked: the cards (the clicked one first, with the rest of the
    selection), a flow, a stage, a lane, an emotion point (its card and persona), or a
    cell (stage id, lane id, the index a card added there takes)."""

    kind: Target
    ids: tuple[str, ...] = ()
    cell: tuple[str, str, int] | None = None
    persona_id: str | None = None


@dataclass(frozen=True)
class Entry:
    """A menu line: a command (with its value), a submenu (``children``), or a separator
    (no label). ``checked`` None: not checkable. ``shortcut`` names a window action whose
    keys the line shows."""

    label: str = ""
    command: Command | None = None
    value: Any = None
    checked: bool | None = None
    enabled: bool = True
    children: tuple[Entry, ...] = field(default=())
    shortcut: str = ""


SEPARATOR = Entry()

KIND_WORDS = {kind: kind.value.replace("_", " ") for kind in CardKind}
SCORE_WORDS = {Sentiment.PAIN: "pain point", Sentiment.LOVE: "love point"}


def entries(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    """The menu for ``target``; empty when what it names is gone."""
    try:
        return _BUILDERS[target.kind](journey, target)
    except ModelError:
        return []


def channel_choices(journey: JourneyMap) -> list[tuple[str, str, bool]]:
    """(key, label, online) of every channel a card may take: built-in, then the map's."""
    built_in = [(key, info.label, info.online) for key, info in BUILTIN_CHANNELS.items()]
    return built_in + [(c.key, c.label, c.online) for c in journey.info.custom_channels]


# ------------------------------------------------------------------ builders
def _card_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    cards = [journey.card(card_id) for card_id in target.ids]
    one = len(cards) == 1
    noun = "" if one else f" ({count(len(cards), 'card')})"
    menu = [
        Entry("Edit title", Command.EDIT, enabled=one, shortcut="edit"),
        Entry("Start a flow from here", Command.START_FLOW, enabled=one, shortcut="connect"),
    ]
    flows = _flow_entries(journey, cards[0].id) if one else ()
    if flows:  # the way to a flow from the keyboard: selected, F2 or Delete then act on it
        menu.append(Entry("Select a flow", children=flows))
    menu.append(SEPARATOR)
    if all(card.kind is CardKind.TOUCHPOINT for card in cards):
        current = {card.channel for card in cards}
        choices = [Entry("(none)", Command.CHANNEL, None, checked=current == {None})]
        built_in = len(BUILTIN_CHANNELS)
        for i, (key, label, online) in enumerate(channel_choices(journey)):
            if i == built_in:
                choices.append(SEPARATOR)  # the map's own channels after the built-in ones
            where = "online" if online else "offline"
            choices.append(Entry(f"{label} ({where})", Command.CHANNEL, key,
                                 checked=current == {key}))  # fmt: skip
        menu.append(Entry("Channel", children=tuple(choices)))
    persona = lead_persona(journey)  # the one the cards show (a hidden persona shows nowhere)
    if persona is not None:
        scores = {card.emotion(persona.id) for card in cards}
        menu.append(Entry(f"Sentiment for {short(persona.name)}",
                          children=_score_entries(scores)))  # fmt: skip
    truth = all(card.moment_of_truth for card in cards)
    menu += [
        Entry("Moment of truth", Command.MOMENT_OF_TRUTH, not truth, checked=truth),
        SEPARATOR,
        Entry(f"Duplicate{noun}", Command.DUPLICATE, shortcut="duplicate"),
        Entry(f"Delete{noun}", Command.DELETE, shortcut="delete"),
    ]
    return menu


def _flow_entries(journey: JourneyMap, card_id: str) -> tuple[Entry, ...]:
    """A line for each flow of the card, those out of it first: 'To 'Checkout' (pays)'."""
    flows = journey.flows_of(card_id)
    lines = []
    for flow in sorted(flows, key=lambda f: f.source != card_id):
        into = flow.source != card_id
        other = name_of(journey, Entity.CARD, flow.source if into else flow.target)
        words = f"{'From' if into else 'To'} {other or 'an untitled card'}"
        if flow.label:
            words += f" ({short(flow.label)})"
        lines.append(Entry(words, Command.SELECT_FLOW, flow.id))
    return tuple(lines)


def _score_entries(scores: set[int | None]) -> tuple[Entry, ...]:
    """+3 … −3 (pain and love points named), then "Not scored"; the current one checked."""
    lines = []
    for score in range(EMOTION_MAX, EMOTION_MIN - 1, -1):
        words = SCORE_WORDS.get(sentiment_of(score))
        label = f"{score:+d}" if score else "0"
        label = label.replace("-", "\u2212") + (f"  {words}" if words else "")
        lines.append(Entry(label, Command.EMOTION, score, checked=scores == {score}))
    lines.append(Entry("Not scored", Command.EMOTION, None, checked=scores == {None}))
    return tuple(lines)


def _flow_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    journey.flow(target.ids[0])
    return [
        Entry("Edit label", Command.EDIT, shortcut="edit"),
        SEPARATOR,
        Entry("Delete flow", Command.DELETE, shortcut="delete"),
    ]


def _stage_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    index = journey.stages.index_of(target.ids[0])
    inside = sum(len(journey.cards_in_cell(target.ids[0], lane.id)) for lane in journey.lanes)
    delete = f"Delete stage ({count(inside, 'card')})" if inside else "Delete stage"
    return [
        Entry("Rename stage", Command.EDIT, shortcut="edit"),
        SEPARATOR,
        Entry("Insert stage before", Command.ADD_STAGE, index),
        Entry("Insert stage after", Command.ADD_STAGE, index + 1),
        SEPARATOR,
        Entry(delete, Command.DELETE, shortcut="delete"),
    ]


def _lane_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    lane = journey.lanes.get(target.ids[0])
    index = journey.lanes.index_of(lane.id)
    inside = sum(len(journey.cards_in_cell(stage.id, lane.id)) for stage in journey.stages)
    delete = f"Delete lane ({count(inside, 'card')})" if inside else "Delete lane"
    return [
        Entry("Rename lane", Command.EDIT, shortcut="edit"),
        Entry("Collapse lane", Command.TOGGLE_LANE, checked=lane.collapsed),
        SEPARATOR,
        Entry("Insert lane above", Command.ADD_LANE, index),
        Entry("Insert lane below", Command.ADD_LANE, index + 1),
        SEPARATOR,
        Entry(delete, Command.DELETE, shortcut="delete"),
    ]


def _point_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    card = journey.card(target.ids[0])
    score = card.emotion(target.persona_id)
    scores = _score_entries({score})
    return [
        Entry(f"Score of {name_of(journey, Entity.CARD, card.id)}", children=scores),
        Entry("Clear score", Command.EMOTION, None, enabled=score is not None),
        SEPARATOR,
        Entry("Select the card", Command.SELECT_CARD),
    ]


def _cell_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    assert target.cell is not None
    stage_id, lane_id, _ = target.cell
    lane = journey.lanes.get(lane_id)
    journey.stages.get(stage_id)
    if not lane.kind.takes_cards:
        return [Entry(intents.NOT_IN_THE_CURVE, enabled=False)]
    usual = kind_for(journey, lane_id)  # as a new card from the keyboard there
    others = tuple(
        Entry(KIND_WORDS[kind].capitalize(), Command.ADD_CARD, kind)
        for kind in CardKind
        if kind is not usual
    )
    return [
        Entry(f"Add {KIND_WORDS[usual]} here", Command.ADD_CARD, usual),
        Entry("Add here", children=others),
    ]


def _map_menu(journey: JourneyMap, target: MenuTarget) -> list[Entry]:
    return [
        Entry("Add stage at the end", Command.ADD_STAGE, len(journey.stages)),
        Entry("Add lane at the bottom", Command.ADD_LANE, len(journey.lanes)),
    ]


_BUILDERS = {
    Target.CARD: _card_menu,
    Target.FLOW: _flow_menu,
    Target.STAGE: _stage_menu,
    Target.LANE: _lane_menu,
    Target.EMOTION_POINT: _point_menu,
    Target.CELL: _cell_menu,
    Target.MAP: _map_menu,
}


# ------------------------------------------------------------------ changes
def change_for(
    journey: JourneyMap, target: MenuTarget, command: Command, value: Any = None
) -> Change | None:
    """The edit a menu choice in ``CHANGES`` makes, as one undo step; None if it changes
    nothing."""
    if command is Command.TOGGLE_LANE:
        return intents.toggle_lane(journey, target.ids[0])
    if command is Command.EMOTION:
        persona = target.persona_id or (p.id if (p := lead_persona(journey)) else None)
        if persona is None:
            return None
        cards = [i for i in target.ids if journey.card(i).emotion(persona) != value]
        return _all(journey, [intents.set_emotion(journey, i, persona, value) for i in cards])
    if command is Command.CHANNEL:
        cards = [i for i in target.ids if journey.card(i).channel != value]
        label = next((lbl for key, lbl, _ in channel_choices(journey) if key == value), "none")
        text = f"Set channel to {label}" if value is not None else "Clear channel"
        return _all(journey, [Update(journey, Entity.CARD, i, {"channel": value}, text)
                              for i in cards])  # fmt: skip
    if command is Command.MOMENT_OF_TRUTH:
        cards = [i for i in target.ids if journey.card(i).moment_of_truth != value]
        text = "Mark as a moment of truth" if value else "Unmark moment of truth"
        return _all(journey, [Update(journey, Entity.CARD, i, {"moment_of_truth": bool(value)},
                                     text) for i in cards])  # fmt: skip
    raise ValueError(f"{command} is run by the canvas, not made here")


def _all(journey: JourneyMap, parts: Sequence[Change]) -> Change | None:
    """One change as itself (its own words), several as one step named after the first,
    with how many cards it touched."""
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return Composite(journey, f"{parts[0].text} ({count(len(parts), 'card')})", parts)
