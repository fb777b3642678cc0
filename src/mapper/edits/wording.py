"""How an edit names what it touched, for the Edit menu ("Undo Move 'Pickup shelf' to
Order") and the status bar ("Deleted stage 'Order' with 4 cards")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mapper.model import Entity, JourneyMap, ModelError

QUOTE_MAX = 32  # characters of a name shown in a menu before it is cut


def short(text: str) -> str:
    """A name on one line, cut short."""
    text = " ".join(text.split())
    if len(text) > QUOTE_MAX:
        text = text[: QUOTE_MAX - 1].rstrip() + "…"
    return text


def quote(text: str) -> str:
    """A name in quotes, on one line and cut short: 'Pickup shelf'."""
    return f"'{short(text)}'"


def name_of(journey: JourneyMap, kind: Entity, item_id: str, quoted: bool = True) -> str:
    """A thing's title, name or label (quoted unless told); '' when it has none or is gone."""
    try:
        entity = journey.get(kind, item_id)
    except ModelError:
        return ""
    text = getattr(entity, "title", None) or getattr(entity, "name", None)
    text = text or getattr(entity, "label", "")
    if not text:
        return ""
    return quote(text) if quoted else short(text)


NAMES = ("title", "name")  # the fields that name a thing


def field_edit(
    journey: JourneyMap,
    kind: Entity | None,
    item_id: str | None,
    changes: Mapping[str, object],
    words: str,
) -> str:
    """The Edit menu's words for a field typed or picked in a form (``words``: the field
    as words): a new name says itself, as renaming in place does ("Rename card to 'Pay'");
    another field says whose it is ("Edit CSAT of 'Online checkout'")."""
    if len(changes) == 1:
        ((field, value),) = changes.items()
        if field in NAMES and isinstance(value, str) and value.strip():
            return f"Rename {kind.value if kind else 'map'} to {quote(value)}"
    whose = name_of(journey, kind, item_id) if kind is not None and item_id is not None else ""
    return f"Edit {words} of {whose}" if whose else f"Edit {words}"


def count(number: int, noun: str) -> str:
    """'1 card', '4 cards'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def cards_of(journey: JourneyMap, stages: Sequence[str] = (), lanes: Sequence[str] = ()) -> int:
    """How many cards sit in these stages and lanes together."""
    gone_stages, gone_lanes = set(stages), set(lanes)
    return sum(1 for c in journey.cards() if c.stage_id in gone_stages or c.lane_id in gone_lanes)


def field_words(field: str) -> str:
    """A model field as words: 'moment_of_truth' -> 'moment of truth', 'color' ->
    'colour' (as the forms and dialogs spell it)."""
    return "colour" if field == "color" else field.replace("_", " ")


def what_goes(
    journey: JourneyMap,
    cards: Sequence[str] = (),
    flows: Sequence[str] = (),
    stages: Sequence[str] = (),
    lanes: Sequence[str] = (),
) -> str:
    """What a deletion takes, in words, before it happens: "stage 'Order' with 4 cards",
    "3 cards", "card 'Pickup shelf'", "2 lanes with 7 cards", "5 items"."""
    stage_lane = [(Entity.STAGE, s) for s in stages] + [(Entity.LANE, lane) for lane in lanes]
    if stage_lane:
        inside = cards_of(journey, stages, lanes)
        if len(stage_lane) == 1:
            kind, item_id = stage_lane[0]
            head = f"{kind.value} {name_of(journey, kind, item_id)}".rstrip()
        elif not stages or not lanes:
            head = count(len(stage_lane), stage_lane[0][0].value)
        else:
            head = f"{count(len(stages), 'stage')} and {count(len(lanes), 'lane')}"
        return f"{head} with {count(inside, 'card')}" if inside else head
    if cards and flows:
        return f"{count(len(cards), 'card')} and {count(len(flows), 'flow')}"
    if len(cards) == 1:
        return f"card {name_of(journey, Entity.CARD, cards[0])}".rstrip()
    if cards:
        return count(len(cards), "card")
    if len(flows) == 1:
        label = name_of(journey, Entity.FLOW, flows[0])
        return f"flow {label}".rstrip()
    return count(len(flows), "flow")
