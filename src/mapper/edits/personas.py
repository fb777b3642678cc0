"""What the personas panel and the emotion lane's legend mean: a new persona, one shown or
hidden, the active one switched."""

from __future__ import annotations

from mapper.edits.changes import Insert, Update
from mapper.model import Entity, JourneyMap, Persona, new_id
from mapper.model.palette import next_persona_color


def add_persona(journey: JourneyMap) -> Insert:
    """A new persona after the others (the personas panel)."""
    color = next_persona_color(p.color for p in journey.personas)
    persona = Persona(new_id("persona"), "New persona", color=color)
    return Insert(journey, Entity.PERSONA, len(journey.personas), persona)


def show_persona(journey: JourneyMap, persona_id: str, shown: bool) -> Update | None:
    """Show or hide a persona's curve (and its pain points) everywhere: on the canvas, in
    exports and in present mode. None if it already is, or the persona is gone."""
    if persona_id not in journey.personas:
        return None
    if journey.personas.get(persona_id).hidden != shown:
        return None
    text = "Show persona" if shown else "Hide persona"
    return Update(journey, Entity.PERSONA, persona_id, {"hidden": not shown}, text)


def make_active(journey: JourneyMap, persona_id: str) -> Update | None:
    """The persona whose emotions the canvas shows; None if it is already."""
    if journey.info.active_persona_id == persona_id:
        return None
    return Update(journey, None, None, {"active_persona_id": persona_id}, "Switch active persona")
