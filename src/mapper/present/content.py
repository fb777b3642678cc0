"""What the presentation shows: the map's shown lanes and personas (not hidden in the
editor) minus those the team chose to leave out of the presentation
(``MapInfo.presentation``). A persona hidden on the map stays hidden in the room: its curve
and its pain points are not shown."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.model import JourneyMap, Lane, LaneKind, Persona, Presentation, pain
from mapper.model.analysis import shown_personas


@dataclass(frozen=True)
class Shown:
    lanes: tuple[Lane, ...]
    personas: tuple[Persona, ...]

    @property
    def lane_ids(self) -> frozenset[str]:
        return frozenset(lane.id for lane in self.lanes)

    @property
    def persona_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.personas)

    @property
    def emotion_lane(self) -> Lane | None:
        return next((lane for lane in self.lanes if lane.kind is LaneKind.EMOTION), None)


def shown(journey: JourneyMap, choice: Presentation | None = None) -> Shown:
    """What the room sees with ``choice`` (by default the map's own). Leaving a lane out
    hides its cards, not the feelings and pain points they carry: curves and pain points
    are drawn from every card."""
    choice = journey.info.presentation if choice is None else choice
    lanes = tuple(
        lane for lane in journey.lanes if not lane.hidden and lane.id not in choice.hidden_lane_ids
    )
    personas = tuple(p for p in shown_personas(journey) if p.id not in choice.hidden_persona_ids)
    return Shown(lanes, personas)


def lead_persona(journey: JourneyMap, content: Shown) -> Persona | None:
    """The persona whose feelings colour the cards: the map's rule over what the room sees."""
    return pain.lead_persona(journey, content.personas)
