"""The Personas panel's buttons can be pressed only when they would do something."""

from __future__ import annotations

from mapper.document import Document
from mapper.edits import Remove
from mapper.model import Entity, JourneyMap


def _enabled(panel) -> set[str]:
    return {text for text, button in panel.buttons.items() if button.isEnabled()}


def test_with_no_persona_only_add_can_be_pressed(manager):
    window = manager.show(Document(JourneyMap()))
    assert _enabled(window.personas) == {"Add"}  # Remove, Photo... pressed did nothing


def test_the_buttons_follow_the_chosen_persona_and_its_place(window):
    panel, journey = window.personas, window.document.journey  # Maya (active), then Omar
    panel.list.setCurrentRow(0)
    assert _enabled(panel) == {"Add", "Remove", "Photo…", "Move down"}  # active, first
    panel.list.setCurrentRow(1)
    assert _enabled(panel) == {"Add", "Remove", "Photo…", "Make active", "Move up"}
    panel.buttons["Make active"].click()
    assert journey.active_persona().id == "omar"
    assert _enabled(panel) == {"Add", "Remove", "Photo…", "Move up"}  # now the active one
    window.document.push(Remove(journey, Entity.PERSONA, "omar"))
    window.document.push(Remove(journey, Entity.PERSONA, "maya"))
    assert _enabled(panel) == {"Add"}
    window.document.undo_stack.undo()
    assert _enabled(panel) >= {"Remove", "Photo…"}
