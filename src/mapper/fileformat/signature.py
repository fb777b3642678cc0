"""Has someone changed our file since we read or wrote it?

A :class:`DiskSignature` is what the file was when Mapper last read or wrote it: the cheap
stat fields (inode, ctime, mtime, size) and the SHA-256 of the bytes themselves.

The check, cheapest first, never wrong:

1. stat the file; all four fields equal -> unchanged (nothing read; a file replaced with
   ``cp -p`` or ``rsync -t`` keeps mtime and size but gets a new inode or ctime);
2. the size differs -> changed (nothing read);
3. otherwise read and hash the file: same bytes -> unchanged (a ``touch``, a ``chmod`` or
   an editor that rewrote the same text does not make Mapper ask), different -> changed.

Step 3 reads the whole file only when its stat changed while its size did not.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class DiskSignature:
    """What a file on disk was when last read or written."""

    inode: int | None
    ctime_ns: int | None
    mtime_ns: int | None
    size: int
    sha256: str | None  # None: the bytes are unknown (an old recovery copy's description)

    @classmethod
    def stat(cls, path: Path, sha256: str | None = None) -> DiskSignature | None:
        """The file's stat fields (None if it is gone), with ``sha256`` if known."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_ino, info.st_ctime_ns, info.st_mtime_ns, info.st_size, sha256)

    @classmethod
    def read(cls, path: Path) -> DiskSignature | None:
        """Stat and hash the file as it is now. If it changes while being read, the result
        matches neither version, so a later check says "changed" rather than nothing."""
        before = cls.stat(path)
        digest = sha256_file(path)
        after = cls.stat(path)
        if before is None or after is None or digest is None:
            return None
        return replace(after, sha256=digest if before.same_stat(after) else None)

    def same_stat(self, other: DiskSignature) -> bool:
        """Equal stat fields (those an old description left unknown are not compared)."""
        pairs = [(self.inode, other.inode), (self.ctime_ns, other.ctime_ns),
                 (self.mtime_ns, other.mtime_ns)]  # fmt: skip
        return self.size == other.size and all(a == b for a, b in pairs if None not in (a, b))

    def changed(self, path: Path) -> tuple[bool, DiskSignature | None]:
        """Whether the file at ``path`` differs from this signature, and the signature to
        keep from now on (refreshed when only its stat changed, so the next check is cheap).
        """
        now = DiskSignature.stat(path)
        if now is None:
            return True, self
        if self.same_stat(now):
            return False, self
        if now.size != self.size or self.sha256 is None:
            return True, self
        current = DiskSignature.read(path)
        if current is not None and current.sha256 == self.sha256:
            return False, current
        return True, self

    def to_json(self) -> dict[str, Any]:
        return {"inode": self.inode, "ctime_ns": self.ctime_ns, "mtime_ns": self.mtime_ns,
                "size": self.size, "sha256": self.sha256}  # fmt: skip

    @classmethod
    def from_json(cls, data: Any) -> DiskSignature | None:
        """From :meth:`to_json`, or from the ``[mtime_ns, size]`` of older descriptions."""
        if data is None:
            return None
        if isinstance(data, list):  # [mtime_ns, size]
            mtime, size = data
            return cls(None, None, int(mtime), int(size), None)
        digest = data.get("sha256")
        return cls(
            _int_or_none(data.get("inode")), _int_or_none(data.get("ctime_ns")),
            _int_or_none(data.get("mtime_ns")), int(data["size"]),
            str(digest) if digest is not None else None,
        )  # fmt: skip


def sha256_file(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)
