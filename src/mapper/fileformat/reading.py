"""Reading a file someone chose, safely: only a regular file, never more than a limit.

A named pipe blocks a plain ``open`` forever and ``/dev/zero`` never ends; the ``st_size``
of either says nothing. So the file is opened without blocking, checked with ``fstat`` on
the opened descriptor (the path cannot be swapped in between) and read up to one byte past
the limit, whatever its size claims.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotAFile(OSError):
    """A pipe, device or socket: something that is not a regular file."""


class FileTooLarge(OSError):
    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(f"the file is larger than {limit:,} bytes")
        self.size = size  # None when the file says nothing true about its size
        self.limit = limit


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises :class:`NotAFile`, :class:`FileTooLarge`, ``IsADirectoryError`` or any other
    ``OSError`` of opening and reading."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with open(fd, "rb") as handle:  # closes the descriptor
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "this is a folder, not a file", str(path))
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a file")
            raise NotAFile(f"this is {kind}, not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        want = info.st_size + 1  # one more tells whether the file grew since fstat
        data = handle.read(want)
        if len(data) == want:
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise FileTooLarge(None, limit)
    return data
