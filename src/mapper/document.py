"""An open document: the journey map, its undo stack and where it is saved."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from mapper.commands import Revision, UndoCommand
from mapper.edits import Change
from mapper.fileformat import loads_journey
from mapper.fileformat.atomic import remove_stale_temporaries, sha256_of
from mapper.fileformat.io import read_map_bytes
from mapper.fileformat.signature import DiskSignature
from mapper.gcpause import paused_gc
from mapper.model import JourneyMap, ModelError
from mapper.saving import SavedMark, SaveJob, start_write


class Document(QObject):
    """Owns the model and the QUndoStack; the stack's clean state is "saved"."""

    path_changed = Signal()
    refused = Signal(str)  # an edit the model refused, in words, for the status bar
    save_finished = Signal(object)  # the SaveJob, done (its ``error`` is None if saved)
    _written = Signal()  # from the writer thread: the running save's write ended

    def __init__(
        self, journey: JourneyMap, path: Path | None = None, parent=None, name: str | None = None
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = path
        self.name_hint = name  # the name shown while there is no file yet
        # placeholder text for empty fields, from the template the map was made from (see
        # mapper.templates); never part of the map, never saved
        self.hints: dict[str, str] = {}
        self.undo_stack = QUndoStack(self)
        self.revision = Revision()  # the state the map is in, as the undo stack moves
        # what the file was when we last read or wrote it
        self.disk_signature = DiskSignature.read(path) if path is not None else None
        self.saving: SaveJob | None = None  # a save being written in the background
        self._saved_mark: SavedMark | None = None  # the stack state the file holds
        self._last_index = 0
        self.undo_stack.indexChanged.connect(self._index_changed)
        self._written.connect(self._finish_written, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def open(cls, path: str | Path, parent=None) -> Document:
        """Load a file; raises JourneyFileError with readable problems.

        Temporaries a killed save left beside the file are removed first."""
        path = Path(path).absolute()
        remove_stale_temporaries(path)
        before = DiskSignature.stat(path)
        raw = read_map_bytes(path)
        sha256 = sha256_of(raw)  # for its signature, and whether it is known valid
        document = cls(loads_journey(raw, path, sha256), None, parent)
        document.path = path
        after = DiskSignature.stat(path)
        if before is None or after is None or not before.same_stat(after):
            document.disk_signature = before  # changed while loading: bytes unknown
        else:  # what was read, hashed as read instead of reading the file again
            document.disk_signature = replace(after, sha256=sha256)
        return document

    def try_push(self, change: Change) -> bool:
        """Apply a change; if the model refuses it, say why (``refused``) and keep nothing.

        What every gesture and panel uses: a refused edit never escapes as an exception."""
        try:
            self.push(change)
        except ModelError as exc:
            self.refused.emit(str(exc))
            return False
        return True

    def push(self, change: Change) -> None:
        """Apply a change as one undo step; raises ModelError if the model refuses it.

        A refused change leaves the map and the undo stack exactly as they were (redo
        steps, clean state, the typing step it would have merged into): it is applied
        before it reaches the stack, which only ever sees accepted changes."""
        command = UndoCommand(change, revision=self.revision)
        try:
            command.do()
        finally:
            if command.applied():  # accepted, even if a view then failed to follow it
                self.undo_stack.push(command)

    def changed_on_disk(self) -> bool:
        """Whether someone else saved over (or removed) our file since we opened or saved it:
        stat fields first, the content hash only when they differ (see fileformat.signature)."""
        if self.path is None:
            return False
        if self.disk_signature is None:
            return DiskSignature.stat(self.path) is not None  # appeared since
        changed, self.disk_signature = self.disk_signature.changed(self.path)
        return changed

    def is_pristine(self) -> bool:
        """A new map nobody has touched yet (opening a file may replace its window)."""
        return (
            self.path is None
            and self.name_hint is None
            and not self.undo_stack.count()
            and not self.is_modified()
        )

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return self.name_hint or "Untitled.journey"

    def save(self, path: str | Path | None = None) -> None:
        """Save and wait (to ``path`` for Save As); raises OSError or UnsafeToWrite, leaving
        the document unsaved. The editor uses :meth:`start_save`, which does not wait."""
        job = self.start_save(path)
        self.wait_for_save()
        if job.error is not None:
            raise job.error

    def start_save(self, path: str | Path | None = None) -> SaveJob:
        """Save in the background: the map as it is now (an immutable snapshot) is checked
        and written by another thread while editing goes on. ``save_finished`` tells how it
        went; only then is the document clean, at the undo step that was saved, and only
        if the stack is still there (edits made meanwhile keep it modified)."""
        if self.saving is not None:
            raise RuntimeError("a save is already running")
        target = Path(path).absolute() if path is not None else self.path
        if target is None:
            raise ValueError("no file name to save to")
        mark = SavedMark.of(self.undo_stack)
        with paused_gc():  # a full collection here would stall the window
            capture = self.journey.capture()  # ordered into a snapshot by the writer
        self.saving = start_write(capture, target, mark, self._hand_back)
        return self.saving

    def _hand_back(self, _job: SaveJob) -> None:
        """On the writer thread: queue the end of the save for the UI thread (a bound
        method, so the document lives at least until then; no Python object rides in the
        queued event)."""
        self._written.emit()

    def _finish_written(self) -> None:
        job = self.saving
        if job is not None and job.ended:
            self._finish_save(job)

    def dispose(self) -> None:
        """Its window closed for good: drop the undo history now, while Qt is running, so
        the commands are not left for the garbage collector to tear down at random."""
        self.undo_stack.indexChanged.disconnect(self._index_changed)
        self._written.disconnect(self._finish_written)
        self._saved_mark = None
        self.undo_stack.clear()

    def is_saving(self) -> bool:
        return self.saving is not None

    def wait_for_save(self) -> None:
        """Block until the running save (if any) is on disk, and finish it."""
        job = self.saving
        if job is not None:
            job.wait()
            self._finish_save(job)

    def _finish_save(self, job: SaveJob) -> None:
        if job is not self.saving:
            return  # already finished by wait_for_save
        self.saving = None
        if job.error is None:
            self.disk_signature = job.signature
            self._saved_mark = job.mark
            if job.mark.reached(self.undo_stack):
                self.undo_stack.setClean()
            else:
                self.undo_stack.resetClean()  # changed meanwhile: clean only back at the mark
            if job.target != self.path:
                self.path = job.target
                self.path_changed.emit()
        self.save_finished.emit(job)

    def _index_changed(self, index: int) -> None:
        merged = index == self._last_index  # a push merged into the command below index
        self._last_index = index
        for mark in (self._saved_mark, self.saving.mark if self.saving else None):
            if mark is not None and merged and index == mark.index:
                mark.spoiled = True  # the saved step itself was changed
        saved, stack = self._saved_mark, self.undo_stack
        if saved is not None and not merged and saved.reached(stack) and not stack.isClean():
            stack.setClean()  # undone or redone back to what the file holds
