"""Cards on the canvas follow the map's pain-point rule: the red stripe where a shown
persona's score makes a card a pain point, and a tooltip saying whose."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from gui.conftest import card_center, mouse_move, view_point
from mapper.edits import Update
from mapper.edits.intents import set_emotion
from mapper.layout import theme
from mapper.model import Entity, Sentiment


def _hover(window, card_id: str) -> str:
    """Moves the mouse over the card (a real move on the viewport); its tooltip."""
    for point in (view_point(window, -500, -500), card_center(window, card_id)):
        mouse_move(window, point)
    QApplication.processEvents()
    return window.scene.cards[card_id].toolTip()


def _stripe(window, card_id: str) -> QColor:
    """The colour painted at the card's left edge, as on screen."""
    rect = window.scene.layout.cards[card_id].rect
    point = view_point(window, rect.x + 2.5, rect.y + rect.height / 2)
    return window.view.viewport().grab().toImage().pixelColor(point)


def test_a_card_says_whose_score_makes_it_a_pain_point(window):
    journey = window.document.journey
    assert window.document.try_push(set_emotion(journey, "t1", "omar", -3))
    QApplication.processEvents()
    # Maya (active) is happy with t1, but Omar's -3 makes it a pain point
    assert "Pain point for Omar \u22123" in _hover(window, "t1")
    pain = QColor(theme.SENTIMENT_COLORS[Sentiment.PAIN])
    assert _stripe(window, "t1") == pain
    assert "Pain point" not in _hover(window, "t3")  # Maya +2: a love point, no pain

    assert window.document.try_push(Update(journey, Entity.PERSONA, "omar", {"hidden": True}))
    QApplication.processEvents()
    assert "Pain point" not in _hover(window, "t1")  # hidden: his pain is not shown
    assert _stripe(window, "t1") != pain
