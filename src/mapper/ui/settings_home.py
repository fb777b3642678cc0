"""Where the editor's settings live, and moving them there from where they used to be.

Mapper named no organisation, so Qt kept its settings under an "Unknown Organization"
(``~/.config/Unknown Organization/Mapper.conf`` on Linux). They now live under Mapper's own
name; a user's saved window layout, look, recent files and present-mode choices are moved
there the first time this Mapper starts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from mapper.paths import APP_NAME

ORGANIZATION = APP_NAME  # (settings under Mapper/Mapper; the data folder stays Mapper)

log = logging.getLogger(__name__)


def name_application() -> None:
    """Give the application the names its settings are filed under, and move the settings
    an earlier Mapper kept under no organisation's name."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    carry_over_settings()


def carry_over_settings() -> bool:
    """Move the settings kept under no organisation's name (as Mapper kept them before)
    to the application's own, unless it has some already. Returns whether any moved.
    They are copied and written first; the old ones go only once the new are safe."""
    settings = QSettings()
    if settings.allKeys():
        return False
    old = _old_settings()
    keys = old.allKeys()
    if not keys:
        return False
    for key in keys:
        settings.setValue(key, old.value(key))
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        log.warning("settings could not be moved to %s; the old ones stay", settings.fileName())
        return False
    old.clear()
    old.sync()
    _remove_if_empty(Path(old.fileName()))
    log.info("settings moved from %s to %s", old.fileName(), settings.fileName())
    return True


def _old_settings() -> QSettings:
    """The settings as an application with no organisation name finds them (Qt files
    those under a stand-in name of its own, which differs between platforms)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "", APP_NAME)


def _remove_if_empty(path: Path) -> None:
    """The old settings file and its folder, once emptied (where they are files)."""
    try:
        if path.is_file() and not path.read_text(encoding="utf-8", errors="replace").strip():
            path.unlink()
            path.parent.rmdir()  # only if nothing else is in it
    except OSError:
        pass  # left behind: empty, and harmless
