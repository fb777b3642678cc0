"""Undo and redo restore the model exactly, over random sequences of edits."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import sample_map
from mapper.commands import Composite, Insert, Move, MoveCard, Remove, Update
from mapper.document import Document
from mapper.fileformat import dumps_journey
from mapper.model import Card, Entity, Flow, JourneyMap, Lane, ModelError, Persona, Stage


def random_command(journey: JourneyMap, data) -> object | None:
    cards = [c.id for c in journey.cards()]
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    choice = data.draw(st.integers(0, 11))
    n = data.draw(st.integers(0, 10**6))
    if choice == 0 and stages and lanes:
        card = Card(
            f"n{n}", data.draw(st.sampled_from(stages)), data.draw(st.sampled_from(lanes)), "New"
        )
        return Insert(journey, Entity.CARD, data.draw(st.integers(0, 5)), card)
    if choice == 1 and cards:
        return Remove(journey, Entity.CARD, data.draw(st.sampled_from(cards)))
    if choice == 2 and cards and stages and lanes:
        return MoveCard(journey, data.draw(st.sampled_from(cards)), data.draw(st.sampled_from(stages)),
                        data.draw(st.sampled_from(lanes)), data.draw(st.integers(0, 4)))  # fmt: skip
    if choice == 3 and cards:
        return Update(journey, Entity.CARD, data.draw(st.sampled_from(cards)),
                      {"title": data.draw(st.text(max_size=8))}, merge=data.draw(st.booleans()))  # fmt: skip
    if choice == 4 and len(cards) >= 2:
        a, b = data.draw(st.sampled_from(cards)), data.draw(st.sampled_from(cards))
        return Insert(journey, Entity.FLOW, 0, Flow(f"f{n}", a, b))
    if choice == 5 and stages:
        return Remove(journey, Entity.STAGE, data.draw(st.sampled_from(stages)))
    if choice == 6 and lanes:
        return Remove(journey, Entity.LANE, data.draw(st.sampled_from(lanes)))
    if choice == 7:
        return Insert(journey, Entity.STAGE, data.draw(st.integers(0, 5)), Stage(f"s{n}", "S"))
    if choice == 8 and stages:
        return Move(
            journey, Entity.STAGE, data.draw(st.sampled_from(stages)), data.draw(st.integers(0, 5))
        )
    if choice == 9:
        return Insert(journey, Entity.LANE, 0, Lane(f"l{n}", "L"))
    if choice == 10 and len(journey.personas):
        return Remove(journey, Entity.PERSONA, data.draw(st.sampled_from(journey.personas.ids())))
    if choice == 11:
        parts = [Insert(journey, Entity.PERSONA, 0, Persona(f"p{n}", "P")),
                 Update(journey, None, None, {"title": f"T{n}"})]  # fmt: skip
        return Composite(journey, "Two things", parts)
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_all_gives_the_original_and_redo_all_the_final(qapp, data):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    original = dumps_journey(journey)
    for _ in range(data.draw(st.integers(1, 25))):
        command = random_command(journey, data)
        if command is None:
            continue
        with contextlib.suppress(ModelError):  # refused: nothing applied, nothing kept
            document.push(command)
    final = dumps_journey(journey)
    while stack.canUndo():
        stack.undo()
    assert dumps_journey(journey) == original
    while stack.canRedo():
        stack.redo()
    assert dumps_journey(journey) == final


def test_a_refused_command_is_not_kept(qapp):
    document = Document(sample_map())
    with pytest.raises(ModelError):
        document.push(Insert(document.journey, Entity.FLOW, 0, Flow("x", "t1", "ghost")))
    assert document.undo_stack.count() == 0
    assert "ghost" not in document.journey.graph


def test_a_failing_part_rolls_the_whole_composite_back(qapp):
    document = Document(sample_map())
    before = dumps_journey(document.journey)
    parts = [Update(document.journey, Entity.CARD, "t1", {"title": "ok"}),
             Remove(document.journey, Entity.CARD, "ghost")]  # fmt: skip
    with pytest.raises(ModelError):
        document.push(Composite(document.journey, "bad", parts))
    assert dumps_journey(document.journey) == before
    assert document.undo_stack.count() == 0


def test_typing_merges_and_typing_back_is_a_no_op(qapp):
    document = Document(sample_map())
    journey = document.journey
    for text in ("I", "In", "Ins"):
        document.push(Update(journey, Entity.CARD, "t1", {"title": text}, merge=True))
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert journey.card("t1").title == "Instagram ad"
    document.undo_stack.redo()
    document.push(Update(journey, Entity.CARD, "t1", {"title": "Instagram ad"}, merge=True))
    assert document.undo_stack.count() == 0  # back where it started: obsolete
