"""A stage's prompt for the room and its workshop timebox live in the map: a timebox
follows its stage out and back in (remove, undo) and never points at nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factories import sample_map
from mapper.model import Entity, ModelError, Presentation


def test_a_timebox_goes_with_its_stage_and_comes_back_with_it():
    journey = sample_map()
    journey.update_info(presentation=replace(journey.info.presentation, timeboxes={"s2": 15}))
    removal = journey.remove(Entity.STAGE, "s2")
    assert journey.info.presentation.timeboxes == {}
    journey.restore(removal)
    assert journey.info.presentation.timeboxes == {"s2": 15}


def test_timeboxes_refer_to_stages_and_hold_sensible_minutes():
    journey = sample_map()
    with pytest.raises(ModelError):
        journey.update_info(presentation=Presentation((), (), {"nowhere": 10}))
    for minutes in (0, 241):
        with pytest.raises(ValueError):
            Presentation((), (), {"s1": minutes})


def test_a_stage_prompt_is_text_like_any_other():
    journey = sample_map()
    journey.update(Entity.STAGE, "s1", prompt="What would make you come back?")
    assert journey.stages.get("s1").prompt == "What would make you come back?"
    with pytest.raises(ValueError):
        journey.update(Entity.STAGE, "s1", prompt="x" * 2001)
