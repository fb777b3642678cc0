"""A card, a flow or a palette entry dragged to the canvas's edge scrolls the map, so a
stage or lane out of view can be reached without zooming out first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.conftest import card_center, mouse_move


def seen_left(window) -> float:
    return window.view.mapToScene(QPoint(0, 0)).x()


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])  # fmt: skip
def test_a_card_held_at_the_right_edge_scrolls_the_map_and_follows(window, qtbot, qapp,
                                                                    direction):  # fmt: skip
    window.view.setLayoutDirection(direction)
    window.view.set_zoom(2.0)  # the map is wider than the window
    window.view.centerOn(*window.scene.layout.cards["t1"].rect.center)
    QApplication.processEvents()
    card = window.scene.cards["t1"]
    viewport = window.view.viewport()
    start = card_center(window, "t1")
    edge = QPoint(viewport.width() - 4, start.y())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 7):
        mouse_move(window, start + (edge - start) * (i / 6), Qt.MouseButton.LeftButton)
    left, held_at = seen_left(window), card.pos().x()
    qtbot.waitUntil(lambda: seen_left(window) > left + 100, timeout=3000)  # the map scrolls
    qtbot.waitUntil(lambda: card.pos().x() > held_at + 100, timeout=3000)  # the card follows
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    scrolled = seen_left(window)
    QTest.qWait(100)
    assert seen_left(window) == scrolled  # let go: it stops
    assert window.document.journey.card_position("t1")[0] != "s1"


def test_the_pointer_away_from_the_edges_scrolls_nothing(window):
    from mapper.canvas.edge_scroll import MARGIN, speed

    assert speed(MARGIN + 1, 500) == 0 and speed(500 - MARGIN - 1, 500) == 0
    assert speed(0, 500) < 0 < speed(499, 500)
    assert speed(-50, 500) == speed(-500, 500)  # past the edge: the fastest, no faster
