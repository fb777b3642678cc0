"""Light or dark: follow the desktop's colour scheme, or force one (View > Theme).

The widgets follow through the application palette and the canvas through a
``layout.theme.Theme``; exports always stay light. Where the platform cannot switch its own
scheme (Qt before 6.8, most Linux desktops, offscreen), forcing uses the Fusion style with
the palette below."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from mapper.layout.theme import DARK, LIGHT, Theme

SETTING = "view/theme"
CHOICES: dict[str, str] = {"system": "&System", "light": "&Light", "dark": "&Dark"}

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

# The dark widget palette (text pairs reach 4.5:1; tests/gui/test_appearance.py checks).
DARK_WIDGETS: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2f35",
    Role.WindowText: "#e6e9ed",
    Role.Base: "#1f2328",
    Role.AlternateBase: "#272c32",
    Role.Text: "#e6e9ed",
    Role.PlaceholderText: "#9aa5b1",
    Role.Button: "#343a41",
    Role.ButtonText: "#e6e9ed",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2f6fce",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#343a41",
    Role.ToolTipText: "#e6e9ed",
    Role.Link: "#8bbcf5",
    Role.LinkVisited: "#c4a7f0",
    Role.Light: "#4a525b",
    Role.Midlight: "#3d444c",
    Role.Mid: "#2a2f35",
    Role.Dark: "#181b1f",
    Role.Shadow: "#0b0c0e",
}
DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    Role.WindowText: "#8a949e",
    Role.Text: "#8a949e",
    Role.ButtonText: "#8a949e",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in DARK_WIDGETS.items():
        palette.setColor(role, QColor(color))
    for role, color in DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(color))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def system_scheme(app: QApplication) -> Qt.ColorScheme:
    """The desktop's colour scheme as Qt reports it (Unknown where it cannot tell)."""
    return app.styleHints().colorScheme()


def saved_choice() -> str:
    value = QSettings().value(SETTING, "system")
    return value if isinstance(value, str) and value in CHOICES else "system"


class Appearance(QObject):
    """The application's one light/dark switch; ``changed`` carries the canvas theme."""

    changed = Signal(object)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        # the style Qt chose for the platform, kept while Fusion stands in for it (asking
        # Qt for the style at start would make PySide build every enum of QStyle, a few ms)
        self._platform_style: str | None = None
        self.choice = saved_choice()
        self.theme: Theme = LIGHT
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self._apply())
        self._apply()

    def reload(self) -> None:
        """Take the saved choice again (another settings file, as in tests)."""
        self.choice = saved_choice()
        self._apply()

    def set_choice(self, choice: str) -> None:
        if choice not in CHOICES:
            return
        self.choice = choice
        QSettings().setValue(SETTING, choice)
        self._apply()

    def _apply(self) -> None:
        hints, app = self.app.styleHints(), self.app
        wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(self.choice)
        with contextlib.suppress(AttributeError):  # setColorScheme came with Qt 6.8
            if wanted is None:
                hints.unsetColorScheme()
            elif hints.colorScheme() != wanted:
                hints.setColorScheme(wanted)
        if wanted is None:
            self._use(None, QPalette())  # the platform's own look
            system = system_scheme(app)
            dark = system == Qt.ColorScheme.Dark or (
                system == Qt.ColorScheme.Unknown and is_dark(app.palette())
            )
        else:
            dark = wanted == Qt.ColorScheme.Dark
        if is_dark(app.palette()) != dark:  # the platform could not switch: Fusion does
            fusion = QStyleFactory.create("Fusion")
            self._use("Fusion", dark_palette() if dark else fusion.standardPalette())
        theme = DARK if dark else LIGHT
        if theme is not self.theme:
            self.theme = theme
            self.changed.emit(theme)

    def _use(self, style: str | None, palette: QPalette) -> None:
        """``style`` None: the platform's own."""
        if style is None and self._platform_style is not None:
            self.app.setStyle(self._platform_style)
            self._platform_style = None
        elif style is not None and (current := self.app.style().name()).lower() != style.lower():
            self._platform_style = self._platform_style or current
            self.app.setStyle(style)
        self.app.setPalette(palette)


_instance: Appearance | None = None


def appearance() -> Appearance:
    """The running application's appearance (made on first use)."""
    global _instance
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _instance is None or _instance.app is not app:
        _instance = Appearance(app)
    return _instance
