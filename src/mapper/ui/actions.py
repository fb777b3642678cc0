"""The window's actions: text, icon, standard shortcut and status tip, in one table."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from mapper.ui.icons import icon

SK = QKeySequence.StandardKey

# name: (text, icon, shortcut, status tip)
ACTIONS: dict[str, tuple[str, str | None, QKeySequence.StandardKey | str | None, str]] = {
    "new": ("&New…", "new", SK.New, "Create a map from a template"),
    "open": ("&Open…", "open", SK.Open, "Open a journey map"),
    "recover": ("Recover &Unsaved Work…", None, None,
                "Reopen the maps a Mapper that did not close properly left unsaved"),
    "save": ("&Save", "save", SK.Save, "Save the map"),
    "save_as": ("Save &As…", "save-as", SK.SaveAs, "Save the map under a new name"),
    "export_pdf": ("Export as &PDF…", "export", "Ctrl+E", "Export the map as a PDF"),
    "export_png": ("Export as P&NG…", None, None, "Export the whole map as a picture"),
    "export_svg": ("Export as S&VG…", None, None, "Export the whole map as a vector drawing"),
    "export_slides": ("Export S&lides…", None, None, "Export the presentation as 16:9 PDF slides"),
    "close": ("&Close", None, SK.Close, "Close this window"),
    "quit": ("&Quit", None, SK.Quit, "Quit Mapper"),
    "cut": ("Cu&t", "cut", SK.Cut, "Cut the selected cards"),
    "copy": ("&Copy", "copy", SK.Copy, "Copy the selected cards"),
    "paste": ("&Paste", "paste", SK.Paste, "Paste cards"),
    "duplicate": ("&Duplicate", "duplicate", "Ctrl+D", "Duplicate the selected cards"),
    "delete": ("De&lete", "delete", SK.Delete, "Delete the selection"),
    "score_up": (
        "Emotion Score &Up",
        None,
        "Alt+Up",
        "Raise the active persona's score of the selected cards by one",
    ),
    "score_down": (
        "Emotion Score Do&wn",
        None,
        "Alt+Down",
        "Lower the active persona's score of the selected cards by one",
    ),
    "select_all": ("Select &All", None, SK.SelectAll, "Select every card"),
    "find": ("&Find…", "find", SK.Find, "Find cards"),
    "zoom_in": ("Zoom &In", "zoom-in", SK.ZoomIn, "Zoom in"),
    "zoom_out": ("Zoom &Out", "zoom-out", SK.ZoomOut, "Zoom out"),
    "zoom_fit": ("&Fit to Window", "zoom-fit", "Ctrl+0", "Show the whole map"),
    "zoom_100": ("&Actual Size", "zoom-100", "Ctrl+1", "Zoom to 100%"),
    "present": ("&Present", "present", "F5", "Present the map full screen, stage by stage"),
    "present_here": (
        "Present from &Selected Stage",
        None,
        "Shift+F5",
        "Present from the selected stage",
    ),
    "present_setup": ("C&hoose What to Present…", None, None, "Lanes and personas to present"),
    "compare_personas": (
        "&Compare Personas",
        None,
        None,
        "The shown personas' average emotion per stage, and where they differ most",
    ),
    "add_stage": ("Add &Stage", "add-stage", None, "Add a stage after the selected one"),
    "add_lane": ("Add &Lane", "add-lane", None, "Add a lane below the selected one"),
    # keyboard first: make and edit cards and flows without the mouse
    "insert_card": ("&Card", None, "Ctrl+Return",
                    "Type a new card after the selected one (Return adds it, Esc does not)"),
    "connect": ("&Flow from Selected", None, "Ctrl+L",
                "Add a flow from the selected card to one picked with the arrow keys"),
    "rename": ("&Rename", None, "F2", "Edit the selected item's title in place"),
    "card_metrics": (
        "Card &Metrics",
        None,
        None,
        "Show a line of metrics and owner under card titles (also in PNG and SVG exports)",
    ),
    "theme_system": ("&System", None, None, "Light or dark as the desktop is"),
    "theme_light": ("&Light", None, None, "Always the light look"),
    "theme_dark": ("&Dark", None, None, "Always the dark look (exports stay light)"),
}  # fmt: skip
# a shortcut for an action above that has none (kept apart: others may change the table)
SHORTCUTS = {"add_stage": "Ctrl+Shift+Return"}
CARD_METRICS_KEY = "view/card_metrics"
# the canvas menus' lines that run (or show the keys of) a window action: line -> action
MENU_ACTIONS = {"duplicate": "duplicate", "delete": "delete", "edit": "rename",
                "connect": "connect"}  # fmt: skip
THEME_ACTIONS = {"theme_system": "system", "theme_light": "light", "theme_dark": "dark"}


def card_metrics_shown() -> bool:
    """Whether cards show their metrics line (View > Card Metrics; on unless turned off)."""
    value = QSettings().value(CARD_METRICS_KEY, True)
    return value not in (False, "false", "0", 0)


def set_icons(actions: dict[str, QAction], dark: bool) -> None:
    """The actions' icons for a light or a dark toolbar."""
    for name, (_text, icon_name, _shortcut, _tip) in ACTIONS.items():
        if icon_name:
            show_icon(actions[name], icon(icon_name, dark))


def show_icon(action: QAction, wanted: QIcon) -> None:
    """Give ``action`` the icon ``wanted`` unless it has it already (a window opening in
    the light look does): each change redraws the action's toolbar button and menu line."""
    if action.icon().cacheKey() != wanted.cacheKey():
        action.setIcon(wanted)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    actions = {}
    for name, (text, icon_name, shortcut, tip) in ACTIONS.items():
        action = QAction(text, parent)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        if name in SHORTCUTS and action.shortcut().isEmpty():
            action.setShortcut(QKeySequence(SHORTCUTS[name]))
        actions[name] = action
    # Delete and Backspace only: some desktops' standard Delete also claims Ctrl+D, which
    # would make Duplicate's Ctrl+D ambiguous (and Qt then runs neither).
    actions["card_metrics"].setCheckable(True)
    actions["card_metrics"].setChecked(card_metrics_shown())
    actions["delete"].setShortcuts([QKeySequence("Delete"), QKeySequence("Backspace")])
    # ... and only on the canvas (the window adds the action to it): Delete pressed in the
    # palette, a list or on a choice of the inspector must not delete the map's selection
    actions["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    themes = QActionGroup(parent)  # View > Theme: one of three
    for name in THEME_ACTIONS:
        actions[name].setCheckable(True)
        themes.addAction(actions[name])
    zoom_in = actions["zoom_in"].shortcuts()
    if QKeySequence("Ctrl+=") not in zoom_in:  # + without Shift; never list a key twice
        actions["zoom_in"].setShortcuts([*zoom_in, QKeySequence("Ctrl+=")])
    return actions
