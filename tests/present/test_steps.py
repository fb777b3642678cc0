"""The step list built from the model and the cursor that walks it (no Qt)."""

from __future__ import annotations

from dataclasses import replace

from factories import sample_map
from mapper.model import Entity, Presentation
from mapper.present.content import shown
from mapper.present.sequence import build_steps
from mapper.present.steps import Navigator, StepKind


def kinds(steps):
    return [s.kind for s in steps]


def test_overview_then_stages_then_emotion_by_stage_then_closing_slides(coffee):
    steps = build_steps(coffee)
    n = len(coffee.stages)
    assert kinds(steps) == (
        [StepKind.OVERVIEW]
        + [StepKind.STAGE] * n
        + [StepKind.EMOTION] * n
        + [StepKind.PAIN_POINTS, StepKind.OPPORTUNITIES]
    )
    stages = [s for s in steps if s.kind is StepKind.STAGE]
    assert [s.stage_id for s in stages] == coffee.stages.ids()
    assert [s.stage_index for s in steps if s.kind is StepKind.EMOTION] == list(range(n))
    assert steps[0].title == coffee.info.title


def test_stage_notes_are_the_speaker_notes(coffee):
    step = build_steps(coffee)[4]
    assert step.notes == coffee.stages.get(step.stage_id).notes
    assert step.notes.startswith("The moment of truth")


def test_no_emotion_chapter_without_a_shown_emotion_lane_or_persona(coffee):
    emotion_lane = next(lane.id for lane in coffee.lanes if lane.kind.value == "emotion")
    coffee.update_info(presentation=Presentation(hidden_lane_ids=(emotion_lane,)))
    assert StepKind.EMOTION not in kinds(build_steps(coffee))
    everyone = tuple(p.id for p in coffee.personas)
    coffee.update_info(presentation=Presentation(hidden_persona_ids=everyone))
    assert StepKind.EMOTION not in kinds(build_steps(coffee))


def test_the_sample_map_has_no_emotion_lane_so_no_emotion_steps():
    steps = build_steps(sample_map())
    assert kinds(steps) == [
        StepKind.OVERVIEW,
        *[StepKind.STAGE] * 3,
        StepKind.PAIN_POINTS,
        StepKind.OPPORTUNITIES,
    ]


def test_what_is_shown_follows_the_presentation_choice_and_editor_hidden_lanes(coffee):
    lanes = coffee.lanes.ids()
    coffee.update(Entity.LANE, lanes[0], hidden=True)
    coffee.update_info(presentation=Presentation((lanes[1],), (coffee.personas.ids()[1],)))
    content = shown(coffee)
    assert [lane.id for lane in content.lanes] == lanes[2:]
    assert content.persona_ids == (coffee.personas.ids()[0],)


def test_navigator_steps_and_stops_at_the_ends(coffee):
    nav = Navigator(build_steps(coffee))
    assert not nav.back()
    assert nav.forward() and nav.index == 1
    assert nav.last() and nav.current.kind is StepKind.OPPORTUNITIES
    assert not nav.forward()
    assert nav.next_step is None
    assert nav.first() and nav.index == 0
    assert nav.next_step.kind is StepKind.STAGE


def test_stage_numbers_jump_to_that_stage_and_ignore_missing_ones(coffee):
    nav = Navigator(build_steps(coffee))
    assert nav.stage(3)
    assert nav.current.stage_id == coffee.stages.ids()[2]
    assert not nav.stage(9)  # only seven stages
    assert nav.current.stage_id == coffee.stages.ids()[2]


def test_steps_of_a_map_without_stages_are_just_the_overview():
    from mapper.model import JourneyMap, MapInfo

    steps = build_steps(JourneyMap(replace(MapInfo(), title="Empty")))
    assert kinds(steps) == [StepKind.OVERVIEW]
