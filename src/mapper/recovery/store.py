"""Recovery copies in the app's data folder, never next to the user's file.

Each open document with unsaved changes owns a key. For a key the store keeps
``KEY.journey`` (the map), ``KEY.json`` (what it is: original path, title, time of the last
change) and ``KEY.lock``, held by the running Mapper that owns the document. A copy whose
lock can be taken belongs to a Mapper that crashed or was killed: it is recoverable.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QLockFile

from mapper.fileformat import load_journey
from mapper.fileformat.io import write_atomic
from mapper.fileformat.reading import read_limited
from mapper.fileformat.save import encode_journey
from mapper.fileformat.signature import DiskSignature
from mapper.model import JourneyMap
from mapper.model.snapshot import Snapshot
from mapper.paths import data_dir

MAX_META_BYTES = 64 * 1024  # a copy's description: a few lines of JSON


class Typing(NamedTuple):
    """Text typed in place on the canvas (a card's title, a stage's name...) and not yet
    committed when the copy was written: ``kind`` is a ``model.Entity`` value. (Named
    tuples, this and the entry: a frozen dataclass costs ~0.4 ms to define as the module
    loads, before a map's first frame.)"""

    kind: str
    item_id: str
    text: str

    @classmethod
    def from_json(cls, data: Any) -> Typing | None:
        """From the description's ``typing`` (None if absent or not as written)."""
        if not isinstance(data, dict):
            return None
        kind, item_id, text = data.get("kind"), data.get("item_id"), data.get("text")
        if not (isinstance(kind, str) and isinstance(item_id, str) and isinstance(text, str)):
            return None
        return cls(kind, item_id, text)


class RecoveryEntry(NamedTuple):
    """A recovery copy: its key, files, the map's own file and title, and when it changed."""

    key: str
    map_file: Path
    original: Path | None
    title: str
    changed_at: float  # seconds since the epoch
    disk_signature: DiskSignature | None = None  # the saved file as the document knew it
    typing: Typing | None = None  # typed in place, not yet in the map

    def saved_file_state(self) -> str:
        """How the recovery copy compares with the user's saved file, in words."""
        if self.original is None:
            return "never saved"
        try:
            saved = self.original.stat().st_mtime
        except OSError:
            return "the saved file is missing"
        return (
            "newer than the saved file" if self.changed_at > saved else "older than the saved file"
        )


def default_folder() -> Path:
    """``recovery`` in the app's data folder (``mapper.paths``: where Qt's AppDataLocation
    put it before the application named its organisation, which would move it), unless
    MAPPER_DATA_DIR points elsewhere (tests)."""
    return data_dir() / "recovery"


class RecoveryStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()
        self._problem: str | None = None
        self._checked = False

    def unavailable(self) -> str | None:
        """Why recovery copies cannot be kept (in words, for the user), or None if they can.
        Checked once, by creating the folder and a file in it."""
        if not self._checked:
            self._checked, self._problem = True, self._probe()
        return self._problem

    def _probe(self) -> str | None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".probe-", dir=self.folder)
            os.close(fd)
            os.unlink(name)
        except OSError as exc:
            why = exc.strerror or str(exc)
            return (
                f"Recovery copies are off: Mapper cannot write to {self.folder} ({why}). "
                "Unsaved changes will not survive a crash, so save often. Make that folder "
                "writable (or set MAPPER_DATA_DIR) and start Mapper again."
            )
        return None

    def _paths(self, key: str) -> tuple[Path, Path, Path]:
        base = self.folder / key
        return base.with_suffix(".journey"), base.with_suffix(".json"), base.with_suffix(".lock")

    def claim(self, key: str) -> QLockFile | None:
        """Lock a key for this process; None if a running Mapper holds it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self._paths(key)[2]))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        return lock if lock.tryLock(0) else None

    def write(
        self,
        key: str,
        snapshot: Snapshot,
        original: Path | None,
        changed_at: float,
        disk_signature: DiskSignature | None = None,
        typing: Typing | None = None,
    ) -> None:
        """Write the copy, then its description (each atomically). Safe off the UI thread."""
        map_file, meta_file, _ = self._paths(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(map_file, encode_journey(snapshot))
        meta = {
            "original": str(original) if original else None,
            "title": snapshot.info.title,
            "changed_at": changed_at,
            "disk_signature": disk_signature.to_json() if disk_signature else None,
            "written_at": time.time(),
            "typing": typing._asdict() if typing else None,
        }
        write_atomic(meta_file, json.dumps(meta, indent=2).encode("utf-8"))

    def remove(self, key: str) -> None:
        map_file, meta_file, _ = self._paths(key)
        for path in (meta_file, map_file):
            path.unlink(missing_ok=True)

    def recoverable(self) -> list[RecoveryEntry]:
        """Copies left by a Mapper that is no longer running, newest first."""
        if not self.folder.is_dir():
            return []
        entries = []
        for meta_file in self.folder.glob("*.json"):
            key = meta_file.stem
            lock = self.claim(key)
            if lock is None:
                continue  # a running Mapper still owns it
            lock.unlock()
            entry = self._read(key)
            if entry is not None:
                entries.append(entry)
        return sorted(entries, key=lambda e: e.changed_at, reverse=True)

    def _read(self, key: str) -> RecoveryEntry | None:
        map_file, meta_file, _ = self._paths(key)
        try:
            meta = json.loads(read_limited(meta_file, MAX_META_BYTES).decode("utf-8"))
            original = Path(meta["original"]) if meta.get("original") else None
            entry = RecoveryEntry(
                key, map_file, original, str(meta.get("title", "")), float(meta["changed_at"]),
                DiskSignature.from_json(meta.get("disk_signature")),
                Typing.from_json(meta.get("typing")),
            )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # half-written or damaged description: not offered
        return entry if map_file.is_file() else None

    def load(self, entry: RecoveryEntry) -> JourneyMap:
        """The recovered map; raises JourneyFileError if the copy is damaged."""
        return load_journey(entry.map_file)
