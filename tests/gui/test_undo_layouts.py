"""An undo (or a redo) puts the map back in a state the canvas showed before the edit: the
layout is built on the one shown then (every box and route taken over, see
canvas.shown_layouts and layout.relink), and the canvas still ends up where one built
from scratch would be."""

from __future__ import annotations

import random

import pytest

import mapper.canvas.scene as scene_module
from commands.editor_commands import EDITS, Draw
from factories import sample_map, synthetic_map
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Composite, Insert
from mapper.model import Card, Entity, Lane, LaneKind
from scene_picture import assert_labels_apart, fresh_scene, picture


def _paste_at_the_top(journey, count: int) -> Composite:
    """``count`` cards at the top of the first cell: the rows below move down."""
    stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
    return Composite(journey, "Paste", [
        Insert(journey, Entity.CARD, 0, Card(f"pasted-{i}", stage, lane, "Pasted"))
        for i in range(count)
    ])  # fmt: skip


def _assert_as_from_scratch(scene: JourneyScene, step: object = None) -> None:
    with fresh_scene(scene.document) as fresh:
        assert picture(scene) == picture(fresh), f"step {step}"
        assert_labels_apart(scene)


def _assert_taken_over(layout, earlier) -> None:
    """Every box and route of ``layout`` whose card or flow ``earlier`` had is its own."""
    boxes = [(box, earlier.cards[i]) for i, box in layout.cards.items() if i in earlier.cards]
    routes = earlier.routes_by_id()
    paths = [(r, routes[i]) for i, r in layout.routes_by_id().items() if i in routes]
    assert len(boxes) > 100 and len(paths) > 100
    assert all(a is b for a, b in boxes)
    assert all(a is b for a, b in paths)


def _same(labels: dict, others: dict) -> bool:
    return labels.keys() == others.keys() and all(labels[i] is others[i] for i in labels)


@pytest.mark.parametrize("emotion_lane", [False, True])
def test_undo_and_redo_of_a_paste_take_the_layouts_shown_before_over(qapp, monkeypatch,
                                                                     emotion_lane):  # fmt: skip
    document = Document(synthetic_map(300, emotion_lane=emotion_lane))
    journey, stack = document.journey, document.undo_stack
    scene = JourneyScene(document)
    built_on: list = []
    compute = scene_module.compute_layout
    monkeypatch.setattr(scene_module, "compute_layout", lambda *a, **k: (
        built_on.append(k.get("previous")), compute(*a, **k))[1])  # fmt: skip
    try:
        before, labels_before = scene.layout, dict(scene._labels)
        document.push(_paste_at_the_top(journey, 30))
        pasted, labels_pasted = scene.layout, dict(scene._labels)
        assert len(labels_before) > 10
        assert built_on[-1] is before  # a new edit: built on what is shown
        moved = sum(1 for i, box in pasted.cards.items() if before.cards.get(i) not in (None, box))
        assert moved > 100  # the rows below the paste moved down
        _assert_as_from_scratch(scene, "paste")
        for step in range(3):
            stack.undo()
            assert built_on[-1] is before  # the layout of the state the map is back in
            _assert_taken_over(scene.layout, before)
            assert _same(scene._labels, labels_before)  # the labels placed before the paste
            _assert_as_from_scratch(scene, f"undo {step}")
            before = scene.layout
            stack.redo()
            assert built_on[-1] is pasted
            _assert_taken_over(scene.layout, pasted)
            assert _same(scene._labels, labels_pasted)
            _assert_as_from_scratch(scene, f"redo {step}")
            pasted = scene.layout
    finally:
        scene.detach()


def test_the_items_follow_an_undo_as_they_followed_the_edit(qapp, monkeypatch):
    """The cards and flows of rows the undo moved back are moved (not compared with what
    they showed, nor routed again): the layout says how far, as for the paste."""
    import mapper.canvas.mirror as mirror

    compared: list[str] = []
    only_moved = mirror.only_moved
    monkeypatch.setattr(
        mirror, "only_moved", lambda old, new: compared.append(new.card.id) or only_moved(old, new)
    )
    document = Document(synthetic_map(300))
    journey, stack = document.journey, document.undo_stack
    scene = JourneyScene(document)
    try:
        document.push(_paste_at_the_top(journey, 30))
        for step in (stack.undo, stack.redo, stack.undo):
            compared.clear()
            step()
            offsets, shifts = scene.layout.card_offsets, scene.layout.shifts
            assert len(offsets) > 100 and len(shifts) > 50
            assert not offsets.keys() & set(compared)
            _assert_as_from_scratch(scene)
    finally:
        scene.detach()


@pytest.mark.parametrize("emotion_lane", [False, True])
@pytest.mark.parametrize("seed", range(8))
def test_after_any_edits_undone_and_redone_the_canvas_equals_one_built_from_scratch(
    qapp, seed, emotion_lane
):
    journey = sample_map()
    if emotion_lane:
        journey.add(Lane("emo", "Emotion", LaneKind.EMOTION))
    document = Document(journey)
    scene = JourneyScene(document)
    draw = Draw(rng=random.Random(seed))
    names = sorted(EDITS)
    stack = document.undo_stack
    try:
        for step in range(50):
            roll = draw.rng.random()
            if roll < 0.3 and stack.canUndo():
                stack.undo()
            elif roll < 0.5 and stack.canRedo():
                stack.redo()
            else:
                command = EDITS[draw.rng.choice(names)](document.journey, draw)
                if command is not None:
                    document.try_push(command)
            _assert_as_from_scratch(scene, step)
    finally:
        scene.detach()
