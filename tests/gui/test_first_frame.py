"""A window with a saved layout shows its docks in the first frame and makes what is in
them (palette, outline, inspector, personas) right after the canvas's first paint: the
docks keep their places and sizes, the canvas does not move, and anything that asks for a
panel before then gets it at once."""

from __future__ import annotations

import pytest
import test_keyboard
from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from factories import sample_map
from mapper.document import Document
from mapper.fileformat import save_journey
from mapper.model import Entity
from mapper.ui.recent_files import recent_files

PARTS = ("palette", "outline", "inspector", "personas")


class FirstFrame(QObject):
    """What the window looks like when its canvas is first painted."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.made: list | None = None
        self.geometry: dict[str, QRect] = {}
        window.view.viewport().installEventFilter(self)  # runs before the window's own

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.made is None:
            self.made = self.window.panels.made()
            self.geometry = geometries(self.window)
        return False


def geometries(window) -> dict[str, QRect]:
    found = {  # a dock behind another's tab is moved out of the window by Qt
        name: d.geometry() for name, d in window.docks.items()
        if d.geometry().intersects(window.rect())
    }  # fmt: skip
    found["canvas"] = QRect(window.view.mapTo(window, window.view.rect().topLeft()),
                            window.view.size())  # fmt: skip
    return found


@pytest.fixture
def saved_layout(manager, qtbot) -> dict[str, QRect]:
    """An earlier window's layout, with docks the user made wider, saved as it closed."""
    first = manager.show(Document(sample_map()))
    first.resize(780, 720)  # within the (offscreen) screen: restored as it is
    qtbot.waitExposed(first)
    docks = first.docks
    first.resizeDocks([docks["palette"], docks["inspector"]], [210, 300], Qt.Orientation.Horizontal)
    first.resizeDocks([docks["palette"]], [200], Qt.Orientation.Vertical)
    QApplication.processEvents()
    before = geometries(first)
    assert first.close()
    assert QSettings().value("window/state") is not None
    return before


def open_window(manager, qtbot):
    window = manager.show(Document(sample_map()))
    frame = FirstFrame(window)
    qtbot.waitUntil(lambda: len(window.panels.made()) == len(PARTS))
    QApplication.processEvents()
    return window, frame


def test_the_panels_come_after_the_first_frame_without_moving_anything(
    manager, qtbot, saved_layout
):
    window, frame = open_window(manager, qtbot)
    assert frame.made == []  # the first frame showed the docks only
    assert frame.geometry == saved_layout  # at their saved places and sizes
    assert geometries(window) == saved_layout  # and they stay there with their contents
    for name in PARTS:
        part = getattr(window.panels, name)
        assert window.docks[name].widget() is part
    assert window.docks["palette"].width() == 210 and set(frame.geometry) == {*PARTS[:3], "canvas"}
    # the parts are the window's as before
    assert window.inspector is window.panels.inspector and window.palette_panel.count()
    assert window.inspector.accessibleName() == "Inspector" and window.inspector.kind is None
    assert window.outline.tree.topLevelItemCount() == 2
    assert window.personas.list.count() == len(window.document.journey.personas)
    bars = window.findChildren(QTabBar)
    assert bars and all(bar.accessibleName() == "Panel tabs" for bar in bars)


def test_a_first_start_makes_the_panels_before_the_first_frame(manager, qtbot):
    assert QSettings().value("window/state") is None
    window = manager.show(Document(sample_map()))
    frame = FirstFrame(window)
    qtbot.waitUntil(lambda: frame.made is not None)
    assert len(frame.made) == len(PARTS)  # their own sizes set the docks'
    bars = window.findChildren(QTabBar)
    qtbot.waitUntil(lambda: all(bar.accessibleName() == "Panel tabs" for bar in bars))
    assert bars


def test_a_first_start_on_a_small_screen_leaves_the_map_room(manager, qtbot):
    """On a small screen the palette takes a share of the window, and the personas panel
    (tabbed with the inspector) no longer widens the right side: four buttons in a row
    held it at 350 pixels and left the map a sliver."""
    assert QSettings().value("window/state") is None
    window = manager.show(Document(sample_map()))
    qtbot.waitExposed(window)
    assert window.width() < 1100  # a small laptop's screen
    assert window.view.width() >= window.width() * 0.3
    docks = window.panels.docks
    assert docks["palette"].width() <= window.width() // 5
    assert docks["personas"].minimumSizeHint().width() <= docks["inspector"].sizeHint().width()


def test_a_panel_asked_for_before_the_first_frame_is_made_at_once(manager, saved_layout):
    window = manager.show(Document(sample_map()))
    assert window.panels.made() == []
    window.scene.select_ids(["t1"])  # the inspector and the outline follow the selection
    assert window.inspector.kind is Entity.CARD and window.inspector.item_id == "t1"
    assert set(window.panels.made()) == {window.inspector, window.outline}
    assert window.docks["inspector"].widget() is window.inspector
    stages = window.outline.stages_root
    window.outline.tree.setCurrentItem(stages.child(1))  # chosen in the outline: the canvas
    assert window.scene.selected_ids(Entity.STAGE) == ["s2"]
    assert window.inspector.kind is Entity.STAGE
    window.panels.make_all()
    assert len(window.panels.made()) == len(PARTS)


def test_return_in_a_palette_made_late_adds_to_the_selected_cell(manager, qtbot, saved_layout):
    window, _frame = open_window(manager, qtbot)
    window.resize(1600, 1000)
    test_keyboard.test_return_in_the_palette_adds_the_entry_to_the_selected_cell(window)


def test_tab_walks_the_panels_made_after_the_first_frame(manager, qtbot, saved_layout):
    window, _frame = open_window(manager, qtbot)
    window.resize(1600, 1000)
    test_keyboard.test_tab_walks_palette_canvas_inspector_and_outline_with_a_visible_focus(window)


def test_a_window_closed_right_after_its_first_paint_makes_no_panels(manager, qtbot, saved_layout):
    document = Document(sample_map())
    window = manager.show(document)
    window.view.viewport().repaint()  # the first paint: the panels are due on the next turn
    assert window.close()
    QTest.qWait(50)
    assert document.journey.events._listeners == []  # no panel follows the closed map


def test_the_layout_saved_by_a_window_with_late_panels_comes_back(manager, qtbot, saved_layout):
    window, _frame = open_window(manager, qtbot)
    window.resizeDocks([window.docks["outline"]], [360], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    moved = geometries(window)
    assert window.close()
    again, frame = open_window(manager, qtbot)
    assert frame.geometry == moved and geometries(again) == moved


def test_an_opened_map_joins_the_recent_files_after_its_first_frame(manager, qtbot, tmp_path):
    path = tmp_path / "renewal.journey"
    save_journey(sample_map(), path)
    window = manager.open_path(path, None)
    assert recent_files() == []  # the settings file is written after the first frame
    frame = FirstFrame(window)
    qtbot.waitUntil(lambda: recent_files() == [str(path)])
    assert frame.made is not None
    assert manager.open_copy(path, None) is not None  # "their version": not a recent file
    QTest.qWait(50)
    assert recent_files() == [str(path)]


def test_a_floating_and_a_closed_panel_come_back_as_they_were_left(manager, qtbot):
    first = manager.show(Document(sample_map()))
    qtbot.waitExposed(first)
    first.docks["personas"].setFloating(True)
    first.docks["outline"].close()
    QApplication.processEvents()
    assert first.close()
    window, frame = open_window(manager, qtbot)
    assert frame.made == []
    personas, outline = window.docks["personas"], window.docks["outline"]
    assert personas.isFloating() and personas.widget() is window.personas
    assert not outline.isVisible() and outline.widget() is window.outline
    assert frame.geometry == geometries(window)
