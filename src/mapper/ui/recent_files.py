"""The recent files list, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recentFiles"
LIMIT = 10


def recent_files() -> list[str]:
    value = QSettings().value(KEY, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []  # a damaged settings file
    return [p for p in value if isinstance(p, str)]


def remember(path: Path) -> None:
    entry = str(path.absolute())
    files = [entry] + [p for p in recent_files() if p != entry]
    QSettings().setValue(KEY, files[:LIMIT])


def forget(path: str) -> None:
    QSettings().setValue(KEY, [p for p in recent_files() if p != path])
