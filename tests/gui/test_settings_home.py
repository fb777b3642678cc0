"""The editor's settings live under Mapper's own name, and those an earlier Mapper kept
under no organisation's name move there once; recovery copies stay where they were."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from mapper.recovery.store import default_folder
from mapper.ui.settings_home import carry_over_settings, name_application


@pytest.fixture
def settings_folder(tmp_path, qapp):
    """Settings as INI files under ``tmp_path``; the application's names put back after."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    yield tmp_path
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


def old_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "", "Mapper")


def test_settings_are_filed_under_mappers_own_name(settings_folder):
    name_application()
    settings = QSettings()
    settings.setValue("look/theme", "dark")
    settings.sync()
    assert Path(settings.fileName()) == settings_folder / "Mapper" / "Mapper.ini"
    assert "Unknown Organization" not in settings.fileName()


def test_settings_kept_under_no_organisation_move_over_once(settings_folder):
    old = old_settings()
    old.setValue("look/theme", "dark")
    old.setValue("recent/files", ["/maps/a.journey", "/maps/b.journey"])
    old.setValue("window/geometry", b"\x01\x02\xff")
    old.sync()
    old_file = Path(old.fileName())
    assert old_file.is_file()
    QCoreApplication.setOrganizationName("Mapper")
    QCoreApplication.setApplicationName("Mapper")

    assert carry_over_settings()
    settings = QSettings()
    assert settings.value("look/theme") == "dark"
    assert settings.value("recent/files") == ["/maps/a.journey", "/maps/b.journey"]
    assert settings.value("window/geometry") == b"\x01\x02\xff"
    assert old_settings().allKeys() == []  # moved, not copied: they cannot come back stale
    assert not old_file.exists()
    assert not carry_over_settings()  # nothing left to move


def test_settings_already_at_home_are_not_overwritten(settings_folder):
    old = old_settings()
    old.setValue("look/theme", "dark")
    old.sync()
    QCoreApplication.setOrganizationName("Mapper")
    QCoreApplication.setApplicationName("Mapper")
    QSettings().setValue("look/theme", "light")

    assert not carry_over_settings()
    assert QSettings().value("look/theme") == "light"
    assert old_settings().value("look/theme") == "dark"  # left alone


def test_recovery_copies_stay_where_they_were(monkeypatch, tmp_path, settings_folder):
    """Naming the organisation moves Qt's AppDataLocation into a folder of its name:
    recovery copies an earlier Mapper kept must still be found."""
    monkeypatch.delenv("MAPPER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name_application()
    assert default_folder() == tmp_path / "data" / "Mapper" / "recovery"


def test_a_real_start_moves_the_users_settings(tmp_path):
    """As a user's first start of this Mapper meets them: Qt's own settings format and
    folders (XDG_CONFIG_HOME), the editor's application set up as ``mapper`` does."""
    old = tmp_path / "config" / "Unknown Organization" / "Mapper.conf"
    old.parent.mkdir(parents=True)
    old.write_text("[look]\ntheme=dark\n", encoding="utf-8")
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QSettings
        from mapper.ui.app import create_application
        create_application()
        settings = QSettings()
        print(settings.fileName())
        print(settings.value("look/theme"))
        """
    )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "MAPPER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    where, theme = done.stdout.split()
    assert Path(where) == tmp_path / "config" / "Mapper" / "Mapper.conf"
    assert theme == "dark"
    assert not old.exists()
