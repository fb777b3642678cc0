"""Every control of the dialogs has a name a screen reader says (a list named by what it
lists, not read out as "list"), as the window's own controls do (tests/gui/test_look.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar, QWidget


def named(widget: QWidget) -> bool:
    """A name of its own; a button or a tab bar is read by its text (a list, a table or a
    choice of page sizes is not: "A4, combo box" says nothing of what it chooses)."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton):
        return bool(widget.text().strip())
    return isinstance(widget, QTabBar)


def unnamed(dialog: QWidget) -> list[str]:
    """The controls Tab reaches in ``dialog`` that have no name."""
    return [
        f"{type(w).__name__} in {type(w.parent()).__name__}"
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(dialog) and not named(w)
    ]


def test_every_dialog_control_has_a_name_for_screen_readers(window, tmp_path):
    from mapper.present.setup_dialog import SetupDialog
    from mapper.recovery import RecoveryEntry
    from mapper.ui.compare_dialog import CompareDialog
    from mapper.ui.export_dialog import ExportOptionsDialog
    from mapper.ui.recovery_dialog import RecoveryDialog
    from mapper.ui.template_dialog import TemplateDialog

    journey = window.document.journey
    setup = SetupDialog(journey, window)
    dialogs = [ExportOptionsDialog(window), TemplateDialog(window), setup,
               CompareDialog(journey, window),
               RecoveryDialog([RecoveryEntry("1", tmp_path / "copy", tmp_path / "a.journey",
                                             "A", 0.0)], window)]  # fmt: skip
    for dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        assert unnamed(dialog) == [], type(dialog).__name__
    setup.tabs.setCurrentIndex(1)  # the sequence
    QApplication.processEvents()
    assert unnamed(setup) == []
    names = {w.accessibleName() for w in setup.findChildren(QWidget)}
    assert {"Lanes the room sees", "Personas the room sees"} <= names
    for dialog in dialogs:
        dialog.close()
