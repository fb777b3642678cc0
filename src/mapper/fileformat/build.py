"""The live model from a file's data once it is known to be valid: plain JSON values (as
read, or as the schema dumps them) to entities.

One builder for every way a map is read: after the schema validated the data, after a
repair kept what it could, or straight away for bytes Mapper validated or wrote before
(:mod:`mapper.fileformat.trust`). It converts only what the file holds differently from the
model (enum values, lists for tuples, base64 for bytes, numbers the schema reads as
floats); a key the data leaves out takes the model's default, which the schema's default
mirrors (``tests/fileformat/test_schema_matches_model.py``). It does not check anything:
never give it data the schema has not passed.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from mapper.model import (
    Card,
    CustomChannel,
    Evidence,
    Flow,
    JourneyMap,
    Lane,
    MapInfo,
    Metrics,
    Persona,
    Photo,
    Presentation,
    Scenario,
    SequenceItem,
    Stage,
)
from mapper.model.entities import texts_checked
from mapper.model.palette import palette_color
from mapper.model.vocabulary import BuyingPhase, CardKind, Confidence, Creator, LaneKind

Plain = Mapping[str, Any]
Convert = Callable[[Any], Any]

_NO_METRICS = Metrics()  # shared by every card and stage without metrics


def _optional(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


def _metrics(plain: Plain) -> Metrics:
    if all(value is None for value in plain.values()):
        return _NO_METRICS
    return Metrics(**{key: None if v is None else float(v) for key, v in plain.items()})


def _evidence(items: list[Plain]) -> tuple[Evidence, ...]:
    return tuple(_entity(Evidence, item, _EVIDENCE) for item in items)


def _photo(plain: Plain) -> Photo:
    return Photo(plain["mime"], base64.b64decode(plain["data"]))


# what differs between a field in the file and in the model, per entity; other fields are
# taken as they are (strings, ints and booleans, which the schema reads strictly)
_EVIDENCE: dict[str, Convert] = {"confidence": Confidence}
_CARD: dict[str, Convert] = {
    "kind": CardKind,
    "creator": _optional(Creator),
    "buying_phase": _optional(BuyingPhase),
    "emotions": dict,
    "pain_point_ids": tuple,
    "metrics": _metrics,
    "evidence": _evidence,
    "tags": tuple,
    "votes": dict,
}
_STAGE: dict[str, Convert] = {
    "width": float,
    "buying_phase": _optional(BuyingPhase),
    "metrics": _metrics,
}
_LANE: dict[str, Convert] = {"kind": LaneKind}
_PERSONA: dict[str, Convert] = {
    "demographics": dict,
    "goals": tuple,
    "motivations": tuple,
    "frustrations": tuple,
    "behaviours": tuple,
    "photo": _optional(_photo),
}
_SCENARIO: dict[str, Convert] = {"expectations": tuple}
_PRESENTATION: dict[str, Convert] = {
    "hidden_lane_ids": tuple,
    "hidden_persona_ids": tuple,
    "timeboxes": dict,
    "sequence": lambda items: tuple(SequenceItem(**item) for item in items),
}
_MAP_INFO: dict[str, Convert] = {
    "scenario": lambda plain: _entity(Scenario, plain, _SCENARIO),
    "custom_channels": lambda items: tuple(CustomChannel(**item) for item in items),
    "presentation": lambda plain: _entity(Presentation, plain, _PRESENTATION),
}
_MAP_FIELDS = frozenset(f.name for f in dataclasses.fields(MapInfo))


def _entity(kind: Callable[..., Any], plain: Plain, convert: dict[str, Convert]) -> Any:
    return kind(**{k: (convert[k](v) if k in convert else v) for k, v in plain.items()})


def card_from_plain(plain: Plain) -> Card:
    card: Card = _entity(Card, plain, _CARD)
    return card


def journey_from_plain(data: Plain) -> JourneyMap:
    """The map of a file's data in the current schema version, validated and its references
    checked (see the module's docstring)."""
    with texts_checked():  # the schema held every text to the model's limits
        return _journey(data)


def _journey(data: Plain) -> JourneyMap:
    info = {k: v for k, v in data.items() if k in _MAP_FIELDS and k != "active_persona_id"}
    journey = JourneyMap(_entity(MapInfo, info, _MAP_INFO))
    for index, plain in enumerate(data.get("personas", ())):
        if plain.get("color") is None:  # a colour by the persona's place in the list
            plain = {**plain, "color": palette_color(index)}
        journey.add(_entity(Persona, plain, _PERSONA))
    active = data.get("active_persona_id")  # set once its persona is there
    journey.info = dataclasses.replace(journey.info, active_persona_id=active)
    for plain in data.get("stages", ()):
        journey.add(_entity(Stage, plain, _STAGE))
    for plain in data.get("lanes", ()):
        journey.add(_entity(Lane, plain, _LANE))
    cards = [_entity(Card, plain, _CARD) for plain in data.get("cards", ())]
    journey.load(cards, [Flow(**plain) for plain in data.get("flows", ())])
    return journey
