"""An edit that moves the stage columns (a stage made wider) places every flow label again,
except those carried along with their flows: a carried label keeps its spot and is not
searched for again (searching, it met its own carried self and could lose its spot)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mapper import clipboard
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import MoveCards, Update
from mapper.edits.personas import show_persona
from mapper.edits.selection import paste
from mapper.fileformat import load_journey
from mapper.model import Entity
from scene_picture import fresh_scene, picture

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _labels(scene: JourneyScene) -> dict:
    return {i: (label.text, label.clear) for i, label in scene._labels.items()}


def test_a_wider_stage_after_a_paste_shows_the_labels_a_fresh_canvas_shows(qapp):
    document = Document(load_journey(EXAMPLES / "coffee-chain.journey"))
    journey = document.journey
    scene = JourneyScene(document)
    scene.complete()
    try:
        cards = [card.id for card in journey.cards()][:60]
        pasted = paste(journey, clipboard.copy_payload(journey, cards))
        assert pasted is not None
        document.push(pasted[0])
        stage = journey.stages.ids()[1]
        width = journey.stages.get(stage).width + 300
        document.push(Update(journey, Entity.STAGE, stage, {"width": width}))
        with fresh_scene(document, complete=True) as fresh:
            assert _labels(scene) == _labels(fresh)
    finally:
        scene.detach()


def _random_edit(document: Document, rng: random.Random) -> None:
    """An undo, a redo, a paste, a card moved, a persona shown or hidden, or a stage's
    width changed (what moves the stage columns)."""
    journey, stack = document.journey, document.undo_stack
    ids = [card.id for card in journey.cards()]
    roll = rng.random()
    if roll < 0.2 and stack.canUndo():
        stack.undo()
    elif roll < 0.35 and stack.canRedo():
        stack.redo()
    elif roll < 0.55:
        start = rng.randrange(len(ids))
        pasted = paste(journey, clipboard.copy_payload(journey, ids[start : start + 40]))
        assert pasted is not None
        document.push(pasted[0])
    elif roll < 0.7:
        card = rng.choice(ids)
        lane = journey.card_position(card)[1]
        document.push(MoveCards(journey, [card], rng.choice(journey.stages.ids()), lane, 0))
    elif roll < 0.8:
        persona = rng.choice(journey.personas.ids())
        change = show_persona(journey, persona, journey.personas.get(persona).hidden)
        if change is not None:
            document.push(change)
    else:
        stage = rng.choice(journey.stages.ids())
        width = float(rng.choice([200, 260, 340, 500]))
        document.push(Update(journey, Entity.STAGE, stage, {"width": width}))


@pytest.mark.parametrize("seed", range(6))
def test_after_any_edits_moving_the_columns_the_labels_are_those_of_a_fresh_canvas(qapp, seed):
    document = Document(load_journey(EXAMPLES / "coffee-chain.journey"))
    scene = JourneyScene(document)
    scene.complete()
    rng = random.Random(seed)
    try:
        for step in range(25):
            _random_edit(document, rng)
            with fresh_scene(document, complete=True) as fresh:
                assert picture(scene) == picture(fresh), f"step {step}"
    finally:
        scene.detach()
