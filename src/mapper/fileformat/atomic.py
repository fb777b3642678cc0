"""Writing a file so that it is either the old one or the new one, never half of each.

Every writer in Mapper (saves, exports, recovery copies, the command line) goes through
:func:`write_atomic`, so the rules hold everywhere:

* a temporary file beside the target, fsynced, then renamed over it;
* a file the user may not write (read-only, someone else's) is refused with
  :class:`ReadOnlyFile`, even though the rename would only need the folder to be writable;
* temporaries carry a recognisable name, ``.NAME.PID@HOST.RANDOM.mapper-tmp``, so one left
  behind by a writer that was killed is removed by the next write (or open) of that file,
  and nobody else's files are ever touched.

Standard library only: the export and the command line use it without Qt.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import socket
import stat
import sys
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".mapper-tmp"
STALE_AFTER_SECONDS = 15 * 60  # no save writes for that long; a pid may have been reused


class ReadOnlyFile(PermissionError):
    """The target exists and the user may not write it: Mapper does not replace it."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only (you may not change it)", str(path))


def is_read_only(path: str | Path) -> bool:
    """An existing file this user may not write, or one marked read-only for everyone (no
    write bit: 0444). The folder may still allow replacing it, and root may write anything,
    but a read-only file is a "do not change" that the user or an admin asked for."""
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(real, os.W_OK)


def write_atomic(path: str | Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically, keeping the file's permissions.

    A symbolic link keeps pointing at its file (that file is replaced). Raises
    :class:`ReadOnlyFile` if the file exists and may not be written by this user, and any
    OSError of the write; the old file is then untouched and no temporary is left."""
    path = Path(os.path.realpath(path))  # through symbolic links to the real file
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    else:
        if is_read_only(path):
            raise ReadOnlyFile(path)
    remove_stale_temporaries(path)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{path.name}.{_writer_tag()}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove our temporaries of ``path`` that no writer will finish: their writer on this
    machine is dead, or they are older than :data:`STALE_AFTER_SECONDS` (a writer on another
    machine sharing the folder, or a reused pid). Returns what was removed; never raises."""
    path = Path(os.path.realpath(path))
    removed: list[Path] = []
    prefix = f".{path.name}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix)]
    except OSError:
        return removed
    host, now = _host_tag(), time.time()
    for name in names:
        tag = _parse_temp_name(name, prefix)
        if tag is None:
            continue  # not one of ours: never touched
        pid, writer_host = tag
        candidate = path.parent / name
        try:
            info = candidate.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        dead = writer_host == host and not _pid_alive(pid)
        if dead or now - info.st_mtime > STALE_AFTER_SECONDS:
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def sha256_of(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _parse_temp_name(name: str, prefix: str) -> tuple[int, str] | None:
    """``.NAME.PID@HOST.RANDOM.mapper-tmp`` -> (pid, host), or None if not ours."""
    if not name.endswith(TEMP_SUFFIX):
        return None
    middle = name[len(prefix) : -len(TEMP_SUFFIX)]
    writer, _, random_part = middle.partition(".")
    pid, at, host = writer.partition("@")
    if not (at and pid.isdigit() and host and random_part):
        return None
    return int(pid), host


def _writer_tag() -> str:
    return f"{os.getpid()}@{_host_tag()}"


def _host_tag() -> str:
    """A short, file-name-safe tag of this machine (folders may be shared over a network)."""
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would end the process there: rely on age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
