"""The main window's menus and toolbar: which action goes where, Undo and Redo from the
undo stack, the Open Recent list and the theme choice shown checked when a menu opens."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from mapper.canvas.view import JourneyView
from mapper.ui.actions import MENU_ACTIONS, THEME_ACTIONS
from mapper.ui.appearance import Appearance
from mapper.ui.icons import icon
from mapper.ui.recent_files import recent_files


class Menus(NamedTuple):
    """What the window keeps of its menus (a named tuple: a dataclass costs ~0.4 ms to
    define as the module loads, before a map's first frame)."""

    file: QMenu
    undo: QAction
    redo: QAction
    recent: QMenu
    theme: QMenu


def undo_redo_actions(window: QMainWindow, stack: QUndoStack) -> tuple[QAction, QAction]:
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    undo.setIcon(icon("undo"))
    redo = stack.createRedoAction(window, "&Redo")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:  # a key listed twice would be ambiguous
        redo_keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(redo_keys)
    redo.setIcon(icon("redo"))
    # after Qt's own text (connected first): an edit's text may hold a title's '&', which
    # Qt took for a mnemonic ('Rename 'Salt & pepper'' showed 'Salt _pepper')
    stack.undoTextChanged.connect(lambda text: undo.setText(_step("&Undo", text)))
    stack.redoTextChanged.connect(lambda text: redo.setText(_step("&Redo", text)))
    return undo, redo


def _step(prefix: str, text: str) -> str:
    return f"{prefix} {as_shown(text)}" if text else prefix


def as_shown(text: str) -> str:
    """A menu line showing ``text`` as it is: a '&' in it doubled (else a mnemonic)."""
    return text.replace("&", "&&")


def build_menus(
    window: QMainWindow,
    a: Mapping[str, QAction],
    stack: QUndoStack,
    docks: Mapping[str, QDockWidget],
    view: JourneyView,
    appearance: Appearance,
    open_path: Callable[[str], object],
) -> Menus:
    """Fill the window's menu bar and toolbar with its actions."""
    undo, redo = undo_redo_actions(window, stack)
    file = menu = window.menuBar().addMenu("&File")
    menu.addActions([a["new"], a["open"]])
    recent = menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: fill_recent(recent, open_path))
    menu.addAction(a["recover"])  # enabled by whoever knows the copies (ui.app)
    menu.addSeparator()
    menu.addActions([a["save"], a["save_as"]])
    menu.addActions([a["export_pdf"], a["export_png"], a["export_svg"], a["export_slides"]])
    menu.addSeparator()
    menu.addActions([a["close"], a["quit"]])
    menu = window.menuBar().addMenu("&Edit")
    menu.addActions([undo, redo])
    menu.addSeparator()
    menu.addActions([a["cut"], a["copy"], a["paste"], a["duplicate"], a["delete"]])
    menu.addSeparator()
    menu.addActions([a["select_all"], a["find"], a["rename"]])
    menu.addSeparator()
    menu.addActions([a["score_up"], a["score_down"]])
    menu = window.menuBar().addMenu("&Insert")
    menu.addActions([a["insert_card"], a["connect"]])
    menu.addSeparator()
    menu.addActions([a["add_stage"], a["add_lane"]])
    menu = window.menuBar().addMenu("&View")
    menu.addActions([a["zoom_in"], a["zoom_out"], a["zoom_fit"], a["zoom_100"]])
    theme = menu.addMenu("&Theme")
    theme.addActions([a[name] for name in THEME_ACTIONS])
    theme.aboutToShow.connect(lambda: show_theme_choice(a, appearance))
    show_theme_choice(a, appearance)
    menu.addSeparator()
    menu.addAction(a["card_metrics"])
    menu.addSeparator()
    menu.addActions([a["present"], a["present_here"], a["present_setup"]])
    menu.addSeparator()
    menu.addAction(a["compare_personas"])
    menu.addSeparator()
    for dock in docks.values():
        menu.addAction(dock.toggleViewAction())
    toolbar = QToolBar("Main")
    toolbar.setObjectName("toolbar-main")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addActions([a["new"], a["open"], a["save"]])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    toolbar.addActions([a["add_stage"], a["add_lane"], a["delete"], a["find"]])
    toolbar.addSeparator()
    toolbar.addActions([a["zoom_out"], a["zoom_in"], a["zoom_fit"], a["zoom_100"]])
    toolbar.addSeparator()
    toolbar.addActions([a["export_pdf"], a["present"]])
    window.addToolBar(toolbar)
    view.addActions([a["delete"], a["select_all"], a["score_up"], a["score_down"]])
    view.menu_actions.update({line: a[name] for line, name in MENU_ACTIONS.items()})
    return Menus(file, undo, redo, recent, theme)


def show_theme_choice(actions: Mapping[str, QAction], appearance: Appearance) -> None:
    for name, choice in THEME_ACTIONS.items():
        actions[name].setChecked(appearance.choice == choice)


def fill_recent(menu: QMenu, open_path: Callable[[str], object]) -> None:
    menu.clear()
    for path in recent_files():
        action = menu.addAction(as_shown(path))
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    menu.setEnabled(True)
    if not menu.actions():
        menu.addAction("(none)").setEnabled(False)
