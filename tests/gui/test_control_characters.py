"""Control characters in a map's text (a bell or an escape pasted from a terminal) are
kept in the map but drawn as spaces: no font has them, and Qt drew each as a box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from factories import sample_map
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.layout.text import CONTROL, drawable, elide, wrap
from mapper.model import Entity

ODD = "Bell\x07 and\x1b[31m escape\x7f\x85 end"


def test_wrapping_and_eliding_draw_control_characters_as_spaces():
    lines, _ = wrap(ODD + "\r\nsecond\rthird", 400, 11)
    assert lines == ("Bell and [31m escape end", "second", "third")
    assert not CONTROL.search(elide(ODD, 60, 11))
    assert drawable("plain text") == "plain text"
    assert drawable("tab\there") == "tab\there"  # a tab is a space to the wrapper already


@pytest.fixture
def drawn_strings(monkeypatch):
    """Every string the canvas hands QPainter.drawText."""
    seen: list[str] = []
    original = QPainter.drawText

    def recording(self, *args):
        seen.extend(a for a in args if isinstance(a, str))
        return original(self, *args)

    monkeypatch.setattr(QPainter, "drawText", recording)
    return seen


def test_the_canvas_draws_no_control_characters(qapp, drawn_strings):
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title=ODD)
    journey.update(Entity.STAGE, journey.stages.ids()[0], name="Stage\x07 one")
    journey.update(Entity.LANE, journey.lanes.ids()[0], name="Lane\x1b one")
    flow = next(iter(journey.flows()))
    journey.update(Entity.FLOW, flow.id, label="then\x07 next")
    assert journey.card("t1").title == ODD  # the map keeps what was typed
    scene = JourneyScene(Document(journey))
    scene.complete()
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    joined = "\n".join(drawn_strings)
    assert "Bell and" in joined and "Stage one" in joined  # they were drawn
    assert not CONTROL.search(joined), [s for s in drawn_strings if CONTROL.search(s)]
