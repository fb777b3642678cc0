"""The window's four docked panels: palette, outline, inspector and personas.

The docks are made with the window, so its first frame shows them at their saved places
and sizes; what is in them (and the modules only they need) is made by :meth:`make_all`,
which the window runs right after its first frame, or the moment anything asks for it, so
nothing is ever missing. Until then an empty placeholder holds each dock's place: the
docks keep the sizes the saved layout gave them and the canvas does not move when the
contents come. Without a saved layout the window makes them at once, since their sizes
then set the docks'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSizePolicy, QWidget

from mapper.document import Document
from mapper.layout import theme as th
from mapper.ui.focus_order import FOCUS_STYLE, first_stop, in_sight

if TYPE_CHECKING:
    from mapper.ui.inspector import Inspector
    from mapper.ui.outline import OutlineWidget
    from mapper.ui.palette import PaletteWidget
    from mapper.ui.personas_panel import PersonasPanel

W = TypeVar("W", bound=QWidget)
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
# name: (dock title, area), in the order the docks are added
DOCKS = {
    "palette": ("Palette", LEFT),
    "outline": ("Outline", LEFT),
    "inspector": ("Inspector", RIGHT),
    "personas": ("Personas", RIGHT),
}


class Panels(QObject):
    """The docks and, made when first needed, what is in them. The parts' own signals
    are passed on by signals of this object, so the window wires them once, at start."""

    outline_selected = Signal(object, str)  # Entity.STAGE / Entity.LANE, id
    palette_chosen = Signal(dict)  # Return on a palette entry: what to create
    escaped = Signal()  # Esc in a panel: the keys go back to the map

    def __init__(self, window: QMainWindow, document: Document) -> None:
        super().__init__(window)
        self._window, self.document = window, document
        self.docks = {name: self._dock(name, *where) for name, where in DOCKS.items()}
        window.tabifyDockWidget(self.docks["inspector"], self.docks["personas"])
        self.docks["inspector"].raise_()
        self._behind: set[QDockWidget] = set()  # out of sight when picked in the View menu
        for dock in self.docks.values():  # View > a panel brings it to the front, even a tab
            action = dock.toggleViewAction()
            action.hovered.connect(lambda d=dock: self._note_place(d))
            action.triggered.connect(lambda on, d=dock: self._viewed(d, on))
        self._palette: PaletteWidget | None = None
        self._outline: OutlineWidget | None = None
        self._inspector: Inspector | None = None
        self._personas: PersonasPanel | None = None
        self._closed = False

    def _dock(self, name: str, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"dock-{name}")  # the saved layout knows the docks by it
        placeholder = QWidget()
        expanding = QSizePolicy.Policy.Expanding
        placeholder.setSizePolicy(expanding, expanding)  # as every part: lists fill a dock
        dock.setWidget(placeholder)
        self._window.addDockWidget(area, dock)
        return dock

    # ------------------------------------------------------------ View > a panel
    def _note_place(self, dock: QDockWidget) -> None:
        """The panel's line is highlighted in the View menu (before it can be chosen):
        note whether the panel is out of sight behind another panel's tab."""
        self._behind.discard(dock)
        widget = dock.widget()
        if dock.isVisible() and widget is not None and not in_sight(widget):
            self._behind.add(dock)

    def _viewed(self, dock: QDockWidget, on: bool) -> None:
        """View > a panel: shown, it comes to the front with the keys in it; a panel that
        was behind another's tab comes to the front instead of being closed (with no
        mouse to click its tab, the menu is the way to it)."""
        if not on and dock in self._behind:
            dock.show()
            on = True
        self._behind.discard(dock)
        if not on:
            return
        dock.raise_()
        widget = dock.widget()
        first = first_stop(widget) if widget is not None else None
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ when they are made
    def make_all(self) -> None:
        """Every part not made yet, in the order of the docks."""
        if not self._closed:
            for name in DOCKS:  # each property makes its part when first asked for
                getattr(self, name)

    def leave_room_for_the_map(self, width: int) -> None:
        """A first start: the palette takes at most a fifth of the window's ``width`` (never
        less than its minimum); the inspector keeps its own width, its fields usable."""
        dock = self.docks["palette"]  # (it sets the width of its side)
        wanted = min(dock.sizeHint().width(), max(width // 5, dock.minimumSizeHint().width()))
        self._window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def made(self) -> list[QWidget]:
        parts = (self._palette, self._outline, self._inspector, self._personas)
        return [part for part in parts if part is not None]

    def detach(self) -> None:
        """The window closes: the parts stop following the map; none is made any more."""
        self._closed = True
        for part in (self._outline, self._inspector, self._personas):
            if part is not None:
                part.detach()

    def show_floating_again(self) -> None:
        """A panel left floating comes back shown with the window, at the same moment, and
        a window manager can take it for a window of its own (openbox kept it below the
        main window for good, out of sight): shown again once the window stands, it is
        the window's own panel again, on top of it."""
        for dock in self.docks.values():
            if dock.isFloating() and dock.isVisible():
                dock.hide()
                dock.show()

    def restyle(self) -> None:
        """The look changed: Qt leaves a widget with a style sheet of its own in the old
        palette (the palette and outline stayed light on a dark window), so set the
        style sheets again for the parts made so far."""
        for part in (self._palette, self._outline, self._personas):
            if part is not None:
                part.setStyleSheet("")
                _frame_focus(part)

    # ------------------------------------------------------------ the parts
    @property
    def palette(self) -> PaletteWidget:
        if self._palette is None:
            from mapper.ui.palette import PaletteWidget

            self._palette = self._place("palette", PaletteWidget())
            _frame_focus(self._palette)
            self._palette.chosen.connect(self.palette_chosen)
        return self._palette

    @property
    def outline(self) -> OutlineWidget:
        if self._outline is None:
            from mapper.ui.outline import OutlineWidget

            self._outline = self._place("outline", OutlineWidget(self.document))
            _frame_focus(self._outline)
            self._outline.selected.connect(self.outline_selected)
        return self._outline

    @property
    def inspector(self) -> Inspector:
        if self._inspector is None:
            from mapper.ui.inspector import Inspector

            self._inspector = self._place("inspector", Inspector(self.document))
            self._inspector.setAccessibleName("Inspector")
            self._inspector.setAccessibleDescription(
                "The fields of what is selected, or of the map"
            )
        return self._inspector

    @property
    def personas(self) -> PersonasPanel:
        if self._personas is None:
            from mapper.ui.personas_panel import PersonasPanel

            self._personas = self._place("personas", PersonasPanel(self.document))
            _frame_focus(self._personas)
        return self._personas

    def _place(self, name: str, part: W) -> W:
        """Put a part made just now in its dock, in the place of the placeholder."""
        dock = self.docks[name]
        placeholder = dock.widget()
        dock.setWidget(part)  # the dock keeps its size: see the module's docstring
        # Esc anywhere in the panel (a field, a list, a button) hands the keys back to the
        # map, as Esc in the find bar does; an edit in a list's row or an open list of
        # choices takes its Esc first
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), part, self.escaped.emit)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if placeholder is not None:
            placeholder.deleteLater()
        return part


def _frame_focus(part: QWidget) -> None:
    """The frame of a panel's list (palette, outline, personas) while it has the keys, in
    the selection colour."""
    part.setStyleSheet(FOCUS_STYLE % th.SELECTION)
