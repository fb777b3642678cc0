"""Undo and redo restore the model exactly, over random sequences of every edit the editor
makes, mixed with refused edits, undo, redo and saves."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.editor_commands import (
    DIRECTIONS,
    EDITS,
    REFUSALS,
    Draw,
    edit_card,
    nudge,
    nudge_cards,
    refused_like,
    text_target,
)
from factories import sample_map
from mapper.document import Document
from mapper.edits import Change, Composite, Insert, Nudge, Remove, Update
from mapper.fileformat import dumps_journey
from mapper.model import Entity, Flow, JourneyMap, ModelError
from mapper.model.vocabulary import SHORT_TEXT_MAX

# what happens next, and how often: new edits, typing bursts, held arrow keys, refused
# edits (some that would merge with the step before), undo, redo, and saving (the clean state)
STEPS = ("edit",) * 6 + ("type", "nudge", "refuse", "refuse_merge", "save") + ("undo", "redo") * 2
EDIT_NAMES, REFUSAL_NAMES = sorted(EDITS), sorted(REFUSALS)


def assert_consistent(journey: JourneyMap) -> None:
    """The graph and the grid agree: every card sits once in an existing cell, graph nodes
    are exactly the cards, every flow joins two of them, references point at real things."""
    graph, cards = journey.graph, list(journey.cards())
    ids = [card.id for card in cards]
    assert len(ids) == len(set(ids)) == journey.card_count()
    assert set(ids) == set(graph.nodes)  # no orphan nodes, no card outside the graph
    for stage_id in journey.stages.ids():
        for lane_id in journey.lanes.ids():
            for index, card in enumerate(journey.cards_in_cell(stage_id, lane_id)):
                assert (card.stage_id, card.lane_id) == (stage_id, lane_id)
                assert journey.card_position(card.id) == (stage_id, lane_id, index)
    for node, card in graph.nodes(data="card"):
        assert card is not None and card.id == node
    flow_ids = set()
    for source, target, flow in graph.edges(data="flow"):
        assert (flow.source, flow.target) == (source, target) and source != target
        assert journey.flow(flow.id) is flow
        flow_ids.add(flow.id)
    assert len(flow_ids) == journey.flow_count() == len(journey.flows())
    personas, lanes = set(journey.personas.ids()), journey.lanes
    for card in cards:
        assert set(card.emotions) <= personas
        assert card.channel is None or journey.channel_known(card.channel)
        assert set(card.pain_point_ids) <= set(ids) and card.id not in card.pain_point_ids
        assert {c.id for c in journey.linked_by(card.id)} == {
            c.id for c in cards if card.id in c.pain_point_ids
        }
    info = journey.info
    assert info.active_persona_id is None or info.active_persona_id in personas
    assert all(lane_id in lanes for lane_id in info.presentation.hidden_lane_ids)
    assert set(info.presentation.hidden_persona_ids) <= personas


def stack_state(stack) -> tuple:
    return (stack.count(), stack.index(), stack.cleanIndex(), stack.isClean(),
            [stack.text(i) for i in range(stack.count())])  # fmt: skip


class Replay:
    """The document under test and the reference: the model after each step of the stack
    (``states[i]`` is the map with the first i steps done), checked after every action."""

    def __init__(self, document: Document) -> None:
        self.document, self.journey, self.stack = document, document.journey, document.undo_stack
        self.states = [self.journey.snapshot()]
        self.last: Change | None = None  # the last command accepted (merge target)

    def check(self) -> None:
        assert len(self.states) == self.stack.count() + 1
        assert self.journey.snapshot() == self.states[self.stack.index()]
        assert_consistent(self.journey)

    def push(self, command: Change | None) -> bool:
        if command is None:
            return False
        before, old = stack_state(self.stack), self.stack.index()
        if not self.document.try_push(command):
            assert stack_state(self.stack) == before  # a refused edit changes nothing
            self.check()
            return False
        new, now = self.stack.index(), self.journey.snapshot()
        assert self.stack.count() == new  # a new edit ends the redo history
        if new == old:  # merged into the step before
            assert old > 0 and isinstance(command, Update | Nudge)
        elif new == old - 1:  # merged and back where that step started: no step at all
            assert isinstance(command, Update) and now == self.states[new]
        else:
            assert new == old + 1
        self.states[new:] = [now]
        self.last = command
        self.check()
        return True

    def refuse(self, command: Change | None) -> None:
        if command is not None:
            assert not self.push(command), f"not refused: {command.text}"

    def undo(self) -> None:
        if self.stack.canUndo():
            count, index = self.stack.count(), self.stack.index()
            self.stack.undo()
            assert (self.stack.count(), self.stack.index()) == (count, index - 1)
        self.check()

    def redo(self) -> None:
        if self.stack.canRedo():
            count, index = self.stack.count(), self.stack.index()
            self.stack.redo()
            assert (self.stack.count(), self.stack.index()) == (count, index + 1)
        self.check()

    def type_text(self, draw: Draw) -> None:
        """Keystrokes in one text field, as the inspector and the personas panel send them:
        letters, maybe a key past the limit, maybe backspaces down to where it started."""
        target = text_target(self.journey, draw)
        if target is None:
            return
        kind, item_id, field = target
        entity = self.journey.info if kind is None else self.journey.get(kind, item_id)
        start, typed = getattr(entity, field), draw.text(4) or "k"
        values = [start + typed[:n] for n in range(1, len(typed) + 1)]
        if draw.boolean():
            values += [start + typed[:n] for n in range(len(typed) - 1, -1, -1)]
        refused_at = draw.integer(0, len(values) + 2)
        for n, value in enumerate(values):
            if n == refused_at:
                too_long = "y" * (SHORT_TEXT_MAX + 1)
                self.refuse(Update(self.journey, kind, item_id, {field: too_long}, merge=True))
            self.push(Update(self.journey, kind, item_id, {field: value}, merge=True))

    def nudges(self, draw: Draw) -> None:
        """Arrow keys held on one selection: nudges of the same cards merge into one step."""
        first = nudge(self.journey, draw)
        if not self.push(first):
            return
        assert isinstance(first, Nudge)
        ids = sorted(first.card_ids)
        for _ in range(draw.integer(0, 3)):
            self.push(nudge_cards(self.journey, ids, *draw.pick(DIRECTIONS)))


def run_steps(document: Document, draw: Draw, count: int) -> Replay:
    replay = Replay(document)
    for _ in range(count):
        step = draw.pick(STEPS)
        if step == "edit":
            replay.push(EDITS[draw.pick(EDIT_NAMES)](replay.journey, draw))
        elif step == "nudge":
            replay.nudges(draw)
        elif step == "type":
            replay.type_text(draw)
        elif step == "refuse":
            replay.refuse(REFUSALS[draw.pick(REFUSAL_NAMES)](replay.journey, draw))
        elif step == "refuse_merge" and replay.last is not None:
            replay.refuse(refused_like(replay.journey, replay.last))
        elif step == "undo":
            replay.undo()
        elif step == "redo":
            replay.redo()
        elif step == "save":
            replay.stack.setClean()
            assert replay.stack.cleanIndex() == replay.stack.index()
    return replay


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_step_matches_the_replayed_reference(qapp, data):
    """Random edits of every kind the editor makes, typing, refused edits, undo, redo and
    saves, in any order: after each action the map is the reference state at the stack's
    index, the graph is consistent, and a refused edit leaves map and stack untouched."""
    document = Document(sample_map())
    original = dumps_journey(document.journey)
    replay = run_steps(document, Draw(data), data.draw(st.integers(1, 40), label="steps"))
    final, stack = dumps_journey(document.journey), document.undo_stack
    index = stack.index()
    while stack.canUndo():
        replay.undo()
    assert dumps_journey(document.journey) == original
    while stack.index() < index:
        replay.redo()
    assert dumps_journey(document.journey) == final


@pytest.mark.parametrize("name", EDIT_NAMES)
def test_each_kind_of_edit_is_accepted_and_undone(qapp, name):
    """Every builder makes commands the model takes (so the property test really runs
    them), and each one undoes and redoes exactly."""
    accepted = 0
    for seed in range(40):
        draw = Draw(rng=random.Random(seed))
        replay = Replay(Document(sample_map()))
        accepted += replay.push(EDITS[name](replay.journey, draw))
        replay.undo()
        replay.redo()
        if accepted == 3:
            break
    assert accepted == 3


@pytest.mark.parametrize("name", REFUSAL_NAMES)
def test_each_kind_of_refusal_is_refused_and_keeps_the_history(qapp, name):
    """Every refusal builder makes commands the model refuses, leaving the redo step."""
    refused = 0
    for seed in range(10):
        draw = Draw(rng=random.Random(seed))
        replay = Replay(Document(sample_map()))
        assert replay.push(edit_card(replay.journey, draw))
        replay.undo()  # something to redo: a refusal must keep it
        command = REFUSALS[name](replay.journey, draw)
        if command is not None:
            replay.refuse(command)
            refused += 1
            assert replay.stack.canRedo()
    assert refused >= 3


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
