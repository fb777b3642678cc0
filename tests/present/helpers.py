"""Real input for present-mode windows: clicks, drags and keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def keys(widget: QWidget, *key_list: Qt.Key) -> None:
    for key in key_list:
        QTest.keyClick(widget, key)
    QApplication.processEvents()


def click(widget: QWidget, pos: QPoint) -> None:
    QTest.mouseClick(widget, LEFT, NONE, pos)
    QApplication.processEvents()


def move(widget: QWidget, pos: QPoint, buttons=Qt.MouseButton.NoButton) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        buttons,
        NONE,
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press, moves with the button held, release: a real drag."""
    QTest.mousePress(widget, LEFT, NONE, start)
    for i in range(1, steps + 1):
        move(widget, start + (end - start) * (i / steps), LEFT)
    QTest.mouseRelease(widget, LEFT, NONE, end)
    QApplication.processEvents()


def card_point(session, card_id: str) -> QPoint:
    """Where a card of the present map is on the audience's screen."""
    view = session.audience.view.map_view
    view.camera.finish()
    x, y = session.scene.room.cards[card_id].rect.center
    return view.mapFromScene(QPointF(x, y))


def presenting_at(window, width: int, height: int):
    """A presentation of ``window``'s map, still (no transitions), in a room window of
    ``width`` x ``height`` instead of full screen."""
    from mapper.present import start_presentation

    session = start_presentation(window)
    session.controller.options.transitions = False
    session.audience.showNormal()
    session.audience.resize(width, height)
    QApplication.processEvents()
    return session
