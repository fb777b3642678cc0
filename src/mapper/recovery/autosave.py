"""Autosave: a recovery copy within a few seconds of a change, off the UI thread."""

from __future__ import annotations

import errno
import logging
import os
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from mapper.document import Document
from mapper.gcpause import paused_gc
from mapper.model.snapshot import Capture
from mapper.recovery.store import RecoveryStore, Typing
from mapper.writer import Writer

if TYPE_CHECKING:
    from concurrent.futures import Future

DEFAULT_DELAY_SECONDS = 30.0
_writer = Writer("autosave")  # keeps order
log = logging.getLogger("mapper")


def delay_seconds() -> float:
    """30 s, or MAPPER_AUTOSAVE_SECONDS (for tests and for the cautious)."""
    try:
        return max(0.05, float(os.environ.get("MAPPER_AUTOSAVE_SECONDS", DEFAULT_DELAY_SECONDS)))
    except ValueError:
        return DEFAULT_DELAY_SECONDS


class Autosaver(QObject):
    """Watches one document: after each change, waits, then writes a recovery copy.

    On the UI thread it only captures the map (immutable entities, so it is cheap); the
    JSON is built and written by a background thread. A save or a normal close removes
    the copy. Text being typed in place (``typing``, told of by :meth:`typed`) goes into
    the copy's description: it is not in the map until committed.
    """

    failing = Signal(str)  # from the writer thread: copies stopped being written, and why
    working = Signal()  # from the writer thread: a copy was written again

    def __init__(self, document: Document, store: RecoveryStore, key: str | None = None):
        super().__init__(document)
        self.document, self.store = document, store
        self.key = key or uuid.uuid4().hex
        self.problem = store.unavailable()  # why copies cannot be written (they are off)
        self.lock: QLockFile | None = None
        if self.problem is None and key is not None:  # a recovered copy: ours from now on
            self._claim()
        self.changed_at = time.time()
        self.disk_signature = document.disk_signature
        self.pending: Future | None = None
        self.typing: Callable[[], Typing | None] = lambda: None  # set by the window
        self._typing_kept = False  # the copy holds typing of an unmodified map
        self._failing = False  # the last copy could not be written (writer thread only)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(delay_seconds() * 1000))
        self.timer.timeout.connect(self.save_now)
        stack = document.undo_stack
        stack.indexChanged.connect(self._changed)
        stack.cleanChanged.connect(self._clean_changed)
        if document.is_modified():  # a recovered document: keep its copy current
            self.timer.start()

    def _claim(self) -> None:
        """Lock the key, so no other Mapper offers its copy while this one runs. A fresh
        key is locked with its first copy (before that there is nothing to guard), which
        keeps writing the lock file out of a map's opening."""
        self.lock = self.store.claim(self.key)
        if self.lock is None:  # never for a fresh key; for a recovered one: a new key
            self.key = uuid.uuid4().hex
            self.lock = self.store.claim(self.key)

    def _changed(self, _index: int) -> None:
        self.changed_at = time.time()
        if self.document.is_modified():
            self._due()

    def typed(self) -> None:
        """Text typed in place changed (or its editor closed): a copy is due."""
        self.changed_at = time.time()
        self._due()

    def _due(self) -> None:
        """A copy within the delay of the first change not in one: a later change does
        not put it off again (typing without a pause had no copy until it paused)."""
        if not self.timer.isActive():
            self.timer.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to the saved state
            self.timer.stop()
            self.discard_copy()

    def save_now(self) -> Future | None:
        """Write a recovery copy now if there are unsaved changes (or typing)."""
        self.timer.stop()
        if self.problem is not None:
            return None
        typing = self.typing()
        if not self.document.is_modified() and typing is None:
            if self._typing_kept:  # the typing was taken back: so is its copy
                self._typing_kept = False
                self.discard_copy()
            return None
        self._typing_kept = not self.document.is_modified()
        if self.lock is None:
            self._claim()
        with paused_gc():
            capture = self.document.journey.capture()  # put in order by the writer
        self.disk_signature = self.document.disk_signature
        path, changed_at = self.document.path, self.changed_at
        self.pending = _writer.submit(self._write, capture, path, changed_at, typing)
        return self.pending

    def _write(self, capture: Capture, original, changed_at, typing: Typing | None) -> None:
        try:
            with paused_gc():
                snapshot = capture.snapshot()
                signature = self.disk_signature
                self.store.write(self.key, snapshot, original, changed_at, signature, typing)
        except Exception as exc:  # a full disk (or anything else) must not take the editor down
            log.exception("could not write the recovery copy")  # to the log file
            if not self._failing:  # and to the user, once, who would trust the copies
                self._failing = True
                self.failing.emit(self._why(exc))
        else:
            if self._failing:
                self._failing = False
                self.working.emit()

    def _why(self, exc: Exception) -> str:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            why = "the disk is full"
        elif isinstance(exc, OSError) and exc.strerror:
            why = exc.strerror
        else:
            why = str(exc) or type(exc).__name__
        return (
            f"Recovery copies are off: Mapper cannot write to {self.store.folder} ({why}). "
            "Unsaved changes will not survive a crash, so save often. Mapper tries again "
            "with each change."
        )

    def discard_copy(self) -> None:
        if self.problem is None:
            _writer.submit(self._remove).result()

    def _remove(self) -> None:
        try:
            self.store.remove(self.key)
        except OSError:
            log.exception("could not remove the recovery copy")

    def close(self) -> None:
        """The document was saved or deliberately closed: the copy goes."""
        stack = self.document.undo_stack
        stack.indexChanged.disconnect(self._changed)
        stack.cleanChanged.disconnect(self._clean_changed)
        self.timer.stop()
        self.timer.timeout.disconnect(self.save_now)  # a late keystroke writes nothing
        self.discard_copy()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def wait_for_writes() -> None:
    """Block until queued recovery writes are on disk (used at exit and in tests)."""
    _writer.wait()
