"""An edit that moves the stage columns (a stage made wider) places every flow label again,
except those carried along with their flows: a carried label keeps its spot and is not
searched for again (searching, it met its own carried self and could lose its spot)."""

from __future__ import annotations

from pathlib import Path

from mapper import clipboard
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Update
from mapper.edits.selection import paste
from mapper.fileformat import load_journey
from mapper.model import Entity

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
        fresh = JourneyScene(document)
        fresh.complete()
        try:
            assert _labels(scene) == _labels(fresh)
        finally:
            fresh.detach()
    finally:
        scene.detach()
