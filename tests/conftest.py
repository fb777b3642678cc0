"""Shared test setup. GUI tests run offscreen; no test touches the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("MAPPER_DATA_DIR", str(tmp_path_factory.mktemp("mapper-data")))


@pytest.fixture(autouse=True)
def _no_mouse_button_held():
    """Each test starts with no mouse button held. ``QTest.mouseDClick`` leaves its button
    down in Qt's own record (Qt 6.11), so a later test's press came with it held: a
    right-click on a selected card then kept only that card selected."""
    if "PySide6.QtWidgets" in sys.modules:  # Qt-free tests stay so
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QWidget

        held = QGuiApplication.mouseButtons()
        if QApplication.instance() is not None and held != Qt.MouseButton.NoButton:
            sink = QWidget()
            sink.resize(8, 8)
            sink.show()
            QTest.qWaitForWindowExposed(sink)
            for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton,
                           Qt.MouseButton.MiddleButton):  # fmt: skip
                if held & button:
                    QTest.mouseRelease(sink, button)
            sink.close()
            sink.deleteLater()
    yield


@pytest.fixture(autouse=True)
def _no_message_box_waits(monkeypatch):
    """A message box a test did not expect fails the test instead of waiting forever
    for a click nobody makes offscreen (the suite hung until CI's time ran out). Tests
    that expect one replace these with their own answers."""
    if "PySide6.QtWidgets" in sys.modules:  # Qt-free tests stay so
        from PySide6.QtWidgets import QMessageBox

        def unexpected(*args, **kwargs):
            texts = [a for a in args if isinstance(a, str)]
            if not texts and isinstance(args[0], QMessageBox):
                texts = [args[0].windowTitle(), args[0].text()]
            pytest.fail(f"a message box would wait for a click: {texts}")

        monkeypatch.setattr(QMessageBox, "exec", unexpected)
        for static in ("warning", "critical", "information", "question"):
            monkeypatch.setattr(QMessageBox, static, unexpected)
    yield


@pytest.fixture(scope="session", autouse=True)
def _clipboard_cleared_before_qt_goes():
    """Qt's offscreen platform crashes at exit while its clipboard still holds our data
    (QMimeData set from Python); the xcb platform does not. Clear it at the very end."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()


@pytest.fixture
def isolated_settings(tmp_path, qapp):
    """QSettings (window layout, recent files) in a private folder, never the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setApplicationName("MapperTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture
def manager(qtbot, isolated_settings):
    """The editor's window manager; its windows are closed (unsaved changes dropped)."""
    from mapper.ui.app import WindowManager

    mgr = WindowManager()
    yield mgr
    for window in list(mgr.windows):
        window.scene.finish_editing()  # a title left open would be committed on close
        window.document.undo_stack.setClean()
        window.close()
