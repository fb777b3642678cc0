"""A line whose first strong letter is Hebrew or Arabic reads right to left on screen as
in the PNG, SVG and PDF: its trailing "!" or "?" on its left. A widget's painter lays every
line out left to right (an image's reads each line's own direction), so the canvas and
the projector put the mark on the wrong side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from factories import sample_map
from mapper.canvas.card_item import CardItem
from mapper.canvas.painting import draw_lines
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.model import Entity

QUESTION = "מה חשוב יותר?"


def _image(draw: Callable[[QPainter], None], direction: Qt.LayoutDirection | None) -> QImage:
    image = QImage(320, 160, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    if direction is not None:  # as a widget's painter starts
        painter.setLayoutDirection(direction)
    draw(painter)
    painter.end()
    return image


def _same_on_screen_as_on_paper(draw: Callable[[QPainter], None]) -> bool:
    on_screen = _image(draw, Qt.LayoutDirection.LeftToRight)
    return on_screen == _image(draw, None)


def test_text_lines_read_their_own_direction_on_a_widget(qapp):
    def lines(painter: QPainter) -> None:
        draw_lines(painter, (QUESTION, "Why?"), 10, 10, 20)

    assert _same_on_screen_as_on_paper(lines)


def test_a_cards_title_reads_its_own_direction_on_the_canvas(qapp):
    document = Document(sample_map())
    document.journey.update(Entity.CARD, "t1", title=QUESTION)
    scene = JourneyScene(document)
    try:
        item = next(i for i in scene.items() if isinstance(i, CardItem) and i.box.card.id == "t1")

        def card(painter: QPainter) -> None:
            painter.translate(10, 10)
            item.paint(painter, QStyleOptionGraphicsItem(), None)

        assert _same_on_screen_as_on_paper(card)
    finally:
        scene.detach()
