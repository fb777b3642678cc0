"""The canvas scrolls by itself while something is dragged at its edge: a card, a flow
being drawn, a header, a rubber band or a palette entry can reach a stage or lane out of
view. The closer the pointer is to the edge (or past it), the faster; Qt replays the last
mouse move after each scroll, so what is dragged follows."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtWidgets import QGraphicsView

MARGIN = 28.0  # pixels from the viewport's edge where scrolling starts
FASTEST = 24  # pixels a tick, at the edge and past it
TICK_MS = 25


def speed(at: float, size: float) -> int:
    """How far to scroll along one axis, for the pointer ``at`` in a viewport of ``size``."""
    if at < MARGIN:
        return -math.ceil(FASTEST * min(1.0, (MARGIN - at) / MARGIN))
    if at > size - MARGIN:
        return math.ceil(FASTEST * min(1.0, (at - (size - MARGIN)) / MARGIN))
    return 0


class EdgeScroll(QObject):
    """Watches the view's viewport: a move with the left button held (or a drag from
    outside) near an edge scrolls until the pointer leaves the edge or is let go."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.step = (0, 0)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            held = event.buttons() & Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
            if self.view.dragMode() == QGraphicsView.DragMode.ScrollHandDrag:
                held = False  # space+drag pans the map itself
            self._aim(event.position() if held else None)  # type: ignore[attr-defined]
        elif kind == QEvent.Type.DragMove:
            self._aim(event.position())  # type: ignore[attr-defined]
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.DragLeave, QEvent.Type.Drop):
            self._aim(None)
        return False

    def _aim(self, pos: QPointF | None) -> None:
        size = self.view.viewport().size()
        if pos is None:
            self.step = (0, 0)
        else:
            self.step = (speed(pos.x(), size.width()), speed(pos.y(), size.height()))
        if self.step == (0, 0):
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def _tick(self) -> None:
        across, down = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        dx, dy = self.step
        if self.view.isRightToLeft():
            dx = -dx  # the bar runs the other way
        before = (across.value(), down.value())
        across.setValue(across.value() + dx)
        down.setValue(down.value() + dy)
        if (across.value(), down.value()) == before:
            self.timer.stop()  # at the end of the map: nothing more to show
