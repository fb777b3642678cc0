"""Placeholder hints: grey text in an empty field saying what to write there. A template's
own hints (mapper.templates, kept on the document) come first, then these. A hint is never
a value: nothing saves, prints or presents it."""

from __future__ import annotations

from mapper.document import Document

GENERIC: dict[str, str] = {
    "map.title": "Name the journey",
    "map.description": "What this map is for and what it covers",
    "map.author": "Who made the map",
    "map.scenario": "The situation the journey follows, e.g. Maya renews her phone contract",
    "map.goal": "What is the customer trying to achieve?",
    "map.expectations": "What do they expect along the way? One a line",
    "map.notes": "Anything the team should know about this map",
    "persona.name": "A name for this customer",
    "persona.role": "Who this journey follows",
    "persona.bio": "Who they are, from your research",
    "persona.quote": "Something they said, in their own words",
    "persona.goals": "What they want to achieve, one a line",
    "persona.frustrations": "What gets in their way, one a line",
    "stage.description": "What the customer does in this stage",
    "stage.notes": "What to say or ask when presenting this stage",
    "card.description": "What happens here",
    "card.notes": "Notes for the team",
    "lane.description": "What this lane holds",
}


def hint(document: Document, entity: str, field: str, item_id: str | None = None) -> str:
    """The hint for ``field`` of an ``entity`` ("map", "persona", "stage", "card", ...)."""
    key = f"{entity}.{field}"
    own = document.hints
    if item_id is not None and f"{key}@{item_id}" in own:
        return own[f"{key}@{item_id}"]
    return own.get(key) or GENERIC.get(key, "")
