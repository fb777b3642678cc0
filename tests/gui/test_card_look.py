"""A card works out what it draws once and keeps it: after any edit, move or change of
look it still paints exactly what a card made afresh paints."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionGraphicsItem

from factories import sample_map
from mapper.canvas.card_item import RING, SHADOW, CardItem
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Update
from mapper.layout.theme import DARK, LIGHT
from mapper.model import Confidence, Creator, Entity, Evidence


@pytest.fixture
def scene(qapp):
    scene = JourneyScene(Document(sample_map()))
    yield scene
    scene.detach()


def _paint(item: CardItem, selected: bool = False, scale: float = 1.0) -> QImage:
    image = QImage(int(300 * scale), int(200 * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.translate(10, 10)
    painter.scale(scale, scale)
    option = QStyleOptionGraphicsItem()
    option.state = QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None
    item.paint(painter, option, None)
    painter.end()
    return image


def _as_made_afresh(scene: JourneyScene, item: CardItem, **kwargs) -> QImage:
    fresh = CardItem(item.box, item.persona_id)
    fresh.highlighted, fresh.focused = item.highlighted, item.focused
    scene.addItem(fresh)  # in the scene: its theme and the personas shown
    try:
        return _paint(fresh, **kwargs)
    finally:
        scene.removeItem(fresh)


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "A much longer title that now wraps over two lines or even three of them"},
        {"channel": "email"},
        {"channel": None},
        {"creator": Creator.EARNED},
        {"creator": None},
        {"evidence": ()},
        {"evidence": (Evidence("Heard it twice", "Interview 5", Confidence.SOME_EVIDENCE),)},
        {"moment_of_truth": True},
    ],
)
def test_a_card_paints_what_it_shows_after_an_edit(scene, changes):
    item = scene.cards["t1"]
    before = _paint(item)  # what it draws is worked out here, and kept
    scene.document.push(Update(scene.journey, Entity.CARD, "t1", changes))
    item = scene.cards["t1"]
    after = _paint(item)
    assert after != before  # the edit shows
    assert after == _as_made_afresh(scene, item)


def test_a_card_paints_the_same_moved_selected_marked_zoomed_and_in_another_theme(scene):
    item = scene.cards["t2"]
    _paint(item)
    item.move_to(item.box)  # a move keeps what it drew
    for selected in (False, True):
        for scale in (1.0, 0.5, 0.3, 2.0):
            assert _paint(item, selected, scale) == _as_made_afresh(
                scene, item, selected=selected, scale=scale
            )
    item.highlighted = item.focused = True
    assert _paint(item) == _as_made_afresh(scene, item)
    light = _paint(item)
    scene.set_theme(DARK)
    dark = _paint(item)
    assert dark != light
    assert dark == _as_made_afresh(scene, item)
    scene.set_theme(LIGHT)
    assert _paint(item) == light


def test_a_card_that_grows_reaches_as_far_as_it_paints(scene):
    item = scene.cards["t1"]
    before = item.boundingRect()
    long_title = "A much longer title that now wraps over two lines or even three of them"
    scene.document.push(Update(scene.journey, Entity.CARD, "t1", {"title": long_title}))
    item = scene.cards["t1"]
    grown = item.boundingRect()
    assert grown.height() > before.height()
    assert grown.height() == item.box.rect.height + 2 * RING + SHADOW  # ring and shadow
