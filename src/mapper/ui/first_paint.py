"""Work that can wait for a window's first frame: done on the event loop's next turn after
the map's canvas is first painted, so that frame comes sooner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Jobs run once, in the order given, right after ``canvas`` is first painted; a job
    given later runs on the next turn. They go with the canvas if it never paints."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self._jobs: list[Callable[[], object]] = []
        self.painted = False
        canvas.installEventFilter(self)

    def add(self, job: Callable[[], object]) -> None:
        self._jobs.append(job)
        if self.painted and len(self._jobs) == 1:
            QTimer.singleShot(0, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            if self._jobs:
                QTimer.singleShot(0, self, self._run)
        return False

    def cancel(self) -> None:
        """The window closes: what is still to come is dropped."""
        self._jobs.clear()

    def _run(self) -> None:
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job()
