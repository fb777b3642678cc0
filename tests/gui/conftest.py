"""Fixtures for widget tests: isolated settings, a window on a sample map, real events."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from factories import sample_map
from mapper.document import Document


@pytest.fixture(autouse=True)
def _settings(isolated_settings):
    yield


@pytest.fixture
def small_steps(monkeypatch):
    """A big map opens in small steps (50 cards, 60 flows a turn): a 300-card map takes
    many turns of the event loop, to act between (see canvas.deferred)."""
    import mapper.canvas.deferred as deferred
    import mapper.canvas.flow_building as flow_building

    monkeypatch.setattr(deferred, "CARDS_A_TURN", 50)
    monkeypatch.setattr(flow_building, "FLOWS_A_TURN", 60)


@pytest.fixture
def window(manager, qtbot):
    win = manager.show(Document(sample_map()))
    win.resize(1600, 1000)
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.scene.pending)  # flows come after the first paint
    win.view.set_zoom(1.0)
    win.view.centerOn(450, 200)
    QApplication.processEvents()
    return win


@pytest.fixture
def map_in_view(qtbot):
    """Shows a document's canvas in a view: ``map_in_view(document, width, height)`` gives
    the scene and the view, at 100 % with the map's top left corner in view, painted and
    settled; both go when the test ends."""
    from mapper.canvas.scene import JourneyScene
    from mapper.canvas.view import JourneyView

    shown = []

    def show(document: Document, width: int, height: int):
        scene = JourneyScene(document)
        view = JourneyView(scene)
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        view.set_zoom(1.0)
        view.horizontalScrollBar().setValue(0)
        view.verticalScrollBar().setValue(0)
        settle()
        shown.append((scene, view))
        return scene, view

    yield show
    for scene, view in shown:
        view.close()
        scene.detach()


def settle() -> None:
    """The event loop turns until a view's paint and the turn after it are done."""
    for _ in range(3):
        QApplication.processEvents()


def synthetic_window(manager, qtbot, cards: int, width: int, height: int):
    """A window of ``width`` x ``height`` on the benchmarks' synthetic map of ``cards``
    cards, its flows all made."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_map

    win = manager.show(Document(make_map(cards)))
    win.resize(width, height)
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.scene.pending)  # flows come after the first paint
    return win


def view_point(window, scene_x: float, scene_y: float) -> QPoint:
    return window.view.mapFromScene(QPointF(scene_x, scene_y))


def mouse_move(window, p: QPoint, held: Qt.MouseButton = Qt.MouseButton.NoButton) -> None:
    """A real mouse move on the viewport to ``p``, with the ``held`` button down (the
    events it causes are left for the caller to process)."""
    viewport = window.view.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(p), QPointF(viewport.mapToGlobal(p)),
        Qt.MouseButton.NoButton, held, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def drag(window, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """A real left-button drag on the viewport: press, moves with the button held, release."""
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        mouse_move(window, start + (end - start) * (i / steps), Qt.MouseButton.LeftButton)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QApplication.processEvents()


def card_center(window, card_id: str) -> QPoint:
    rect = window.scene.layout.cards[card_id].rect
    x, y = rect.center
    return view_point(window, x, y)


def inspector_field(window, label: str):
    """The inspector's field in the row named ``label``."""
    form = window.inspector.widget().layout().itemAt(1).layout()
    for row in range(form.rowCount()):
        item = form.itemAt(row, form.ItemRole.LabelRole)
        if item is not None and item.widget().text() == label:
            return form.itemAt(row, form.ItemRole.FieldRole).widget()
    raise KeyError(label)


def start_typing_in_place(window, qtbot, card_id: str) -> None:
    """With the window shown and its flows made, F2 on card ``card_id`` from the map: its
    title is being typed in place."""
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.scene.pending)
    window.activateWindow()
    window.view.setFocus()
    window.scene.select_ids([card_id])
    QApplication.processEvents()
    QTest.keyClick(window.view, Qt.Key.Key_F2)
