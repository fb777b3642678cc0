"""Saving off the UI thread: one writer thread, jobs that say how they ended, and the
undo-stack position a save holds.

The UI thread only takes an immutable snapshot of the map; checking it, building the JSON
and writing the file happen on the writer thread. Interpreter exit waits for that thread
(concurrent.futures joins its workers), so quitting never leaves a half-done save; the
atomic replace means the file is the old one or the new one in any case.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mapper.fileformat import save_journey
from mapper.fileformat.save import UnsafeToWrite
from mapper.fileformat.signature import DiskSignature
from mapper.gcpause import paused_gc
from mapper.model.snapshot import Capture
from mapper.writer import Writer

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger("mapper")
_writer = Writer("save")  # keeps order


class UndoStack(Protocol):
    def index(self) -> int: ...
    def count(self) -> int: ...
    def command(self, index: int) -> Any: ...


class SavedMark:
    """A position in the undo stack: its index and the command just below it.

    The stack is "at the mark" again only at the same index with the same command below
    (commands dropped by an undo-then-edit are gone for good) and only if no later edit was
    merged into that command (``spoiled``: a merge changes a step without moving the index).
    (A plain class, as ``SaveJob``: a dataclass costs ~0.4 ms to define as the module loads,
    before a map's first frame.)
    """

    __slots__ = ("below", "index", "spoiled")

    def __init__(self, index: int, below: Callable[[], Any] | None, spoiled: bool = False):
        self.index = index
        self.below = below  # a weak reference: the stack owns its commands
        self.spoiled = spoiled

    @classmethod
    def of(cls, stack: UndoStack) -> SavedMark:
        index = stack.index()
        return cls(index, weakref.ref(stack.command(index - 1)) if index else None)

    def reached(self, stack: UndoStack) -> bool:
        if self.spoiled or stack.index() != self.index:
            return False
        if self.below is None:
            return True
        below = self.below()
        return below is not None and stack.command(self.index - 1) is below


class SaveJob:
    """One save: where to, which stack position, and (once done) how it ended."""

    __slots__ = ("ended", "error", "future", "mark", "signature", "target")

    def __init__(self, target: Path, mark: SavedMark, future: Future) -> None:
        self.target, self.mark, self.future = target, mark, future
        self.signature: DiskSignature | None = None
        self.error: BaseException | None = None
        self.ended = False  # set on the writer thread before ``done`` is called

    def __repr__(self) -> str:
        return f"SaveJob({self.target!r}, ended={self.ended}, error={self.error!r})"

    def wait(self) -> None:
        with contextlib.suppress(BaseException):  # the outcome is read from ``error``
            self.future.result()


def start_write(
    capture: Capture, target: Path, mark: SavedMark, done: Callable[[SaveJob], None]
) -> SaveJob:
    """Order ``capture`` into a snapshot, check it and write it to ``target``, all on the
    writer thread; ``done(job)`` is called there once ``job.error`` / ``job.signature``
    are set, before the job counts as done."""
    from concurrent.futures import Future  # (loaded with the first save)

    future: Future = Future()
    job = SaveJob(target, mark, future)

    def write() -> None:
        try:
            with paused_gc():
                digest = save_journey(capture.snapshot(), target)
            job.signature = DiskSignature.stat(target, digest)
        except BaseException as exc:  # OSError, UnsafeToWrite, or a bug: reported, not lost
            if not isinstance(exc, OSError | UnsafeToWrite):
                log.error("save failed", exc_info=exc)  # a bug: its traceback in the log
            job.error = _detached(exc)
        job.ended = True
        try:
            done(job)
        finally:  # only now: whoever waits may then let go of what ``done`` refers to
            future.set_result(None)

    _writer.submit(write)
    return job


def _detached(exc: BaseException) -> BaseException:
    """The error without its traceback and chained errors: their frames would tie the
    document (and its Qt objects) into reference cycles freed at random by the garbage
    collector, which Qt objects do not survive."""
    exc.__traceback__ = exc.__context__ = exc.__cause__ = None
    return exc


def wait_for_saves() -> None:
    """Block until every queued save is on disk (at exit and in tests)."""
    _writer.wait()
