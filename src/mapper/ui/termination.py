"""Ended from outside (SIGTERM at shutdown or from ``kill``, SIGHUP when the terminal it
runs in closes, Ctrl+C there: SIGINT): every recovery copy is written first, so the next
start offers the work back. Without this, SIGTERM and SIGHUP ended Mapper at once, losing
what was changed since the last copy, and Ctrl+C raised KeyboardInterrupt in whatever
Python code ran next (an edit half made) and showed it as an unexpected problem."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class Termination(QObject):
    """Hears the ending signals on the event loop (Python's handlers run only while
    Python runs; the signal's number wakes a socket the loop watches) and then calls
    ``end(signal number)`` once."""

    def __init__(self, end: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.end = end
        self.ended = False
        self._reader, self._writer = socket.socketpair()
        for end_point in (self._reader, self._writer):
            end_point.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, _noted) for sig in ENDING_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except OSError:
            return
        ending = [number for number in received if number in ENDING_SIGNALS]
        if ending and not self.ended:
            self.ended = True
            self.end(ending[0])

    def stop(self) -> None:
        """Python's own handling again (once the event loop has ended)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        for end_point in (self._reader, self._writer):
            with contextlib.suppress(OSError):
                end_point.close()


def _noted(_signum: int, _frame: object) -> None:
    """Python's part of the signal: nothing (the event loop hears it from the socket)."""
