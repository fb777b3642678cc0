"""Files Mapper already knows to be valid: their bytes were validated when it last opened
them, or checked when it wrote them (a save validates what it writes, see
:mod:`mapper.fileformat.save`).

Opening such a file again skips the schema: pydantic's model machinery and the validation
of every card are some 60 ms of the first frame of a 1,000-card map, for a result known in
advance. What is kept is only the SHA-256 of each file's bytes (an empty file named by it,
in a folder of this Mapper's version and its file-reading code), so a changed byte, a newer
Mapper or changed reading rules all mean "not known": the file is validated as any other.
A folder that cannot be written only costs that speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from mapper import __version__
from mapper.fileformat.header import SCHEMA_VERSION
from mapper.paths import data_dir

KEEP = 500  # files remembered; the ones least recently opened or saved are forgotten first
# the code whose rules decide whether bytes are a valid map: a change to any of them (a new
# Mapper, an edited install) starts from nothing known. Beside this folder's: the references
# check (convert.py), the photos' (images.py), and the model's limits and choices the schema
# holds texts, numbers and kinds to (vocabulary.py)
_RULES = ("schema.py", "validation.py", "jsonparse.py", "migrations.py", "header.py", "build.py",
          "convert.py", "images.py", "../model/vocabulary.py")  # fmt: skip


def _rules_stamp() -> str:
    here = Path(__file__).parent
    parts = [__version__, str(SCHEMA_VERSION)]
    for name in _RULES:
        try:
            info = (here / name).stat()
        except OSError:  # a frozen build without the sources: its version says it all
            continue
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class KnownValid:
    """The digests of file contents this Mapper found or made valid."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / _rules_stamp()

    def __contains__(self, sha256: str) -> bool:
        entry = self.folder / sha256
        try:
            os.utime(entry)  # recently used: kept longest
        except OSError:
            return False
        return True

    def add(self, sha256: str) -> None:
        with contextlib.suppress(OSError):
            if not self.folder.is_dir():
                self._forget_other_rules()
                self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / sha256).touch()
            self._forget_oldest()

    def _forget_other_rules(self) -> None:
        """What an earlier Mapper (or earlier reading rules) knew says nothing now."""
        with contextlib.suppress(OSError):
            for other in os.scandir(self.folder.parent):
                if other.is_dir(follow_symlinks=False):
                    shutil.rmtree(other.path, ignore_errors=True)

    def _forget_oldest(self) -> None:
        entries = list(os.scandir(self.folder))
        if len(entries) <= KEEP:
            return
        entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
        for entry in entries[: len(entries) - KEEP]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


_known: dict[Path, KnownValid] = {}


def known_valid() -> KnownValid:
    """The record in this user's data folder (``MAPPER_DATA_DIR`` moves it, as tests do)."""
    folder = data_dir() / "known-valid"
    if folder not in _known:
        _known[folder] = KnownValid(folder)
    return _known[folder]
