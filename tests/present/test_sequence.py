"""The facilitator's sequence: steps reordered, skipped and added, saved with the map;
stages added later take their usual place, deleted ones drop out without fuss (no Qt)."""

from __future__ import annotations

from dataclasses import replace

from factories import sample_map
from mapper.fileformat import dumps_journey, loads_journey
from mapper.model import Entity, SequenceItem, Stage
from mapper.present.sequence import build_steps
from mapper.present.steps import StepKind


def keys(steps):
    return [s.key for s in steps]


def sequenced(journey, *items):
    journey.update_info(presentation=replace(journey.info.presentation, sequence=tuple(items)))


def test_reordered_skipped_and_added_steps():
    journey = sample_map()
    usual = keys(build_steps(journey))
    assert usual[:4] == ["overview", "stage:s1", "stage:s2", "stage:s3"]
    sequenced(
        journey,
        SequenceItem("overview"),
        SequenceItem("slide:break", title="Break: back at 14:30", text="Coffee is in the hall"),
        SequenceItem("stage:s2"),
        SequenceItem("stage:s1"),
        SequenceItem("stage:s3", skip=True),
        SequenceItem("vote:pain_points"),
    )
    steps = build_steps(journey)
    # the steps not named come after the usual step before them (the skipped stage 3) and
    # the vote added right after it
    assert keys(steps) == ["overview", "slide:break", "stage:s2", "stage:s1", "vote:pain_points",
                           "pain_points", "opportunities"]  # fmt: skip
    slide = steps[1]
    assert slide.kind is StepKind.SLIDE and slide.title == "Break: back at 14:30"
    assert slide.text == "Coffee is in the hall"
    assert steps[4].kind is StepKind.VOTE
    assert "stage:s3" not in keys(steps)  # skipped


def test_a_stage_added_later_takes_its_usual_place_and_a_deleted_one_drops_out():
    journey = sample_map()
    order = ("stage:s3", "overview", "stage:s1", "stage:s2", "pain_points", "opportunities")
    sequenced(journey, *(SequenceItem(key) for key in order))
    journey.insert(2, Stage("s9", "Install"))  # after s2 on the map
    assert keys(build_steps(journey))[:5] == ["stage:s3", "overview", "stage:s1", "stage:s2",
                                              "stage:s9"]  # fmt: skip
    journey.remove(Entity.STAGE, "s1")
    assert keys(build_steps(journey))[:4] == ["stage:s3", "overview", "stage:s2", "stage:s9"]
    again = loads_journey(dumps_journey(journey).encode("utf-8"))  # the stale key saves and loads
    assert keys(build_steps(again)) == keys(build_steps(journey))


def test_a_vote_with_nothing_to_vote_on_and_a_repeated_key_are_left_out():
    journey = sample_map()
    for card in [c for c in journey.cards() if c.kind.value == "opportunity"]:
        journey.remove(Entity.CARD, card.id)
    sequenced(journey, SequenceItem("overview"), SequenceItem("overview"),
              SequenceItem("vote:opportunities"))  # fmt: skip
    steps = build_steps(journey)
    assert keys(steps).count("overview") == 1
    assert not any(s.kind is StepKind.VOTE for s in steps)
