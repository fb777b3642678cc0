"""Per-user folders (logs, recovery copies) without importing Qt, and whether two paths
name one file.

They are where Qt's QStandardPaths.AppDataLocation put them while the application named no
organisation, and stay there (with one, Qt would add a folder of the organisation's name).
``MAPPER_DATA_DIR`` overrides it (tests use this).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Mapper"


def data_dir() -> Path:
    override = os.environ.get("MAPPER_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths reach one file (through a symlink, ``./``, ``..`` or a hard link):
    a map is never open twice, and an upgrade onto its own file keeps the original."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them is gone: compare where they point
        return a.resolve() == b.resolve()
