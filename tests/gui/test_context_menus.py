"""Context menus on the canvas, driven by real events: a right-click (the press and the
context-menu event a desktop sends) on the viewport at an item, the Menu key and Shift+F10
with a selection; the menus' lines checked and chosen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from gui.conftest import card_center, view_point
from mapper.canvas.curve_items import DrawnPoint
from mapper.canvas.inline_editor import InlineEditor
from mapper.edits import Insert
from mapper.layout.routes import bezier_point
from mapper.model import CardKind, Entity, Lane, LaneKind

NO = Qt.KeyboardModifier.NoModifier


def right_click(window, p: QPoint) -> QMenu:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.RightButton, NO, p)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, p, viewport.mapToGlobal(p), NO)
    QApplication.sendEvent(viewport, event)
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, NO, p)
    QApplication.processEvents()
    menu = window.view.menus.menu
    assert menu is not None and menu.isVisible()
    return menu


def lines(menu: QMenu) -> list[str]:
    """The menu's lines as shown (a shortcut after a tab), separators as '-'."""
    return ["-" if a.isSeparator() else a.text() for a in menu.actions()]


def line(menu: QMenu, *path: str):
    """The action at ``path`` (submenu titles, then the line), matched without shortcuts."""
    for name in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == name)
    return next(a for a in menu.actions() if a.text().split("\t")[0] == path[-1])


def choose(window, menu: QMenu, *path: str) -> None:
    action = line(menu, *path)
    assert action.isEnabled(), path
    action.trigger()
    QApplication.processEvents()
    assert not menu.isVisible()  # the menu closes once a line is chosen


def editor(window) -> InlineEditor | None:
    focus = window.scene.focusItem()
    return focus if isinstance(focus, InlineEditor) else None


def stage_header_point(window, stage_id: str) -> QPoint:
    return window.view.mapFromScene(
        window.scene.stage_headers[stage_id].sceneBoundingRect().center()
    )


def lane_header_point(window, lane_id: str) -> QPoint:
    rect = window.scene.lane_headers[lane_id].sceneBoundingRect()
    return window.view.mapFromScene(QPointF(rect.center().x() + 30, rect.center().y()))


# ------------------------------------------------------------------ cards
def test_a_card_menu_selects_the_card_and_offers_what_applies_to_it(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["t4"])
    menu = right_click(window, card_center(window, "t1"))
    assert window.scene.selected_ids(Entity.CARD) == ["t1"]  # as a click would
    assert lines(menu) == [
        "Edit title\tF2", "Start a flow from here\tCtrl+L", "Select a flow", "-", "Channel",
        "Sentiment for Maya",
        "Moment of truth", "-", "Duplicate\tCtrl+D", "Delete\tDel",
    ]  # fmt: skip
    assert line(menu, "Channel", "Social media (online)").isChecked()
    assert line(menu, "Channel", "Kiosk (offline)").text() == "Kiosk (offline)"  # the map's own
    assert line(menu, "Sentiment for Maya", "+1").isChecked()
    assert not line(menu, "Moment of truth").isChecked()
    choose(window, menu, "Channel", "Mobile app (online)")
    assert journey.card("t1").channel == "app"
    assert window.undo_action.text() == "&Undo Set channel to Mobile app"
    choose(window, right_click(window, card_center(window, "t1")), "Sentiment for Maya",
           "\u22122  pain point")  # fmt: skip
    assert journey.card("t1").emotions == {"maya": -2, "omar": 0}
    choose(window, right_click(window, card_center(window, "t1")), "Moment of truth")
    assert journey.card("t1").moment_of_truth
    assert window.undo_action.text() == "&Undo Mark as a moment of truth"
    assert stack.count() == 3
    for _ in range(3):
        stack.undo()
    assert journey.card("t1").channel == "social" and not journey.card("t1").moment_of_truth


def test_a_card_menu_acts_on_the_whole_selection_as_one_step(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["t1", "t4"])
    menu = right_click(window, card_center(window, "t4"))
    assert set(window.scene.selected_ids(Entity.CARD)) == {"t1", "t4"}  # kept
    assert "Delete (2 cards)\tDel" in lines(menu)
    assert not line(menu, "Edit title").isEnabled()
    choose(window, menu, "Channel", "Store (offline)")
    assert journey.card("t1").channel == journey.card("t4").channel == "store"
    assert stack.count() == 1 and stack.undoText() == "Set channel to Store (2 cards)"
    choose(window, right_click(window, card_center(window, "t1")), "Delete (2 cards)")
    assert not journey.has_card("t1") and not journey.has_card("t4")
    assert window.statusBar().currentMessage() == "Deleted 2 cards \u2014 Ctrl+Z to undo"


def test_edit_title_and_duplicate_from_a_card_menu(window):
    journey = window.document.journey
    choose(window, right_click(window, card_center(window, "t3")), "Edit title")
    assert editor(window) is not None
    QTest.keyClicks(window.view.viewport(), "Pickup shelf")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.card("t3").title == "Pickup shelf"
    choose(window, right_click(window, card_center(window, "t3")), "Duplicate")
    copies = window.scene.selected_ids(Entity.CARD)
    assert len(copies) == 1 and journey.card(copies[0]).title == "Pickup shelf"


def test_a_flow_started_from_a_card_menu_ends_on_the_card_clicked_next(window):
    journey = window.document.journey
    choose(window, right_click(window, card_center(window, "a1")), "Start a flow from here")
    assert window.scene.interaction is not None
    QTest.mouseMove(window.view.viewport(), card_center(window, "p1"))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, NO,
                     card_center(window, "p1"))  # fmt: skip
    assert journey.graph.has_edge("a1", "p1") and window.scene.interaction is None
    # a click on no card ends it with nothing made
    choose(window, right_click(window, card_center(window, "a1")), "Start a flow from here")
    empty = view_point(window, *window.scene.layout.cells[("s3", "l-act")].center)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, NO, empty)
    assert window.scene.interaction is None and journey.flow_count() == 5


# ------------------------------------------------------------------ flows
def test_a_flow_menu_edits_its_label_and_deletes_it(window):
    journey = window.document.journey
    curve = window.scene.flows["f3"].route.curve  # t2 -> t4, no label
    at = window.view.mapFromScene(QPointF(*bezier_point(curve, 0.3)))
    menu = right_click(window, at)
    assert lines(menu) == ["Edit label\tF2", "-", "Delete flow\tDel"]
    assert window.scene.selected_ids(Entity.FLOW) == ["f3"]
    choose(window, menu, "Edit label")
    assert editor(window) is not None
    QTest.keyClicks(window.view.viewport(), "escalates")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.flow("f3").label == "escalates"
    at = window.view.mapFromScene(QPointF(*bezier_point(window.scene.flows["f3"].route.curve, 0.3)))
    choose(window, right_click(window, at), "Delete flow")
    assert not journey.contains(Entity.FLOW, "f3")
    assert window.statusBar().currentMessage() == ("Deleted flow 'escalates' \u2014 Ctrl+Z to undo")


# -------------------------------------------------------- stages and lanes
def test_a_stage_menu_inserts_a_stage_after_and_starts_its_name(window):
    journey = window.document.journey
    menu = right_click(window, stage_header_point(window, "s1"))
    assert lines(menu) == [
        "Rename stage\tF2", "-", "Insert stage before", "Insert stage after", "-",
        "Delete stage (3 cards)\tDel",
    ]  # fmt: skip
    choose(window, menu, "Insert stage after")
    new_id = journey.stages.ids()[1]
    assert journey.stages.ids() == ["s1", new_id, "s2", "s3"]
    assert window.scene.selected_ids(Entity.STAGE) == [new_id]
    assert editor(window) is not None  # typing replaces "New stage"
    QTest.keyClicks(window.view.viewport(), "Compare")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.stages.get(new_id).name == "Compare"
    choose(window, right_click(window, stage_header_point(window, "s1")), "Insert stage before")
    assert journey.stages.ids()[0] not in ("s1", new_id)


def test_deleting_a_stage_with_cards_says_what_went_in_the_status_bar(window):
    journey = window.document.journey
    choose(window, right_click(window, stage_header_point(window, "s2")), "Delete stage (4 cards)")
    assert "s2" not in journey.stages and not journey.has_card("t2")
    assert window.statusBar().currentMessage() == (
        "Deleted stage 'Purchase' with 4 cards \u2014 Ctrl+Z to undo"
    )
    assert window.undo_action.text() == "&Undo Delete stage 'Purchase' (4 cards)"
    window.undo_action.trigger()
    assert journey.has_card("t2") and journey.card_position("t3") == ("s2", "l-tp", 1)


def test_a_lane_menu_collapses_inserts_and_renames(window):
    journey = window.document.journey
    menu = right_click(window, lane_header_point(window, "l-pain"))
    assert lines(menu) == [
        "Rename lane\tF2", "Collapse lane", "-", "Insert lane above", "Insert lane below", "-",
        "Delete lane (1 card)\tDel",
    ]  # fmt: skip
    choose(window, menu, "Collapse lane")
    assert journey.lanes.get("l-pain").collapsed
    menu = right_click(window, lane_header_point(window, "l-pain"))
    assert line(menu, "Collapse lane").isChecked()
    choose(window, menu, "Insert lane above")
    new_id = journey.lanes.ids()[2]
    assert journey.lanes.ids() == ["l-act", "l-tp", new_id, "l-pain", "opportunities"]
    assert window.scene.selected_ids(Entity.LANE) == [new_id] and editor(window) is not None
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    choose(window, right_click(window, lane_header_point(window, "l-act")), "Rename lane")
    QTest.keyClicks(window.view.viewport(), "Doing")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.lanes.get("l-act").name == "Doing"


# ---------------------------------------------------------------- emotions
def point_of(window, card_id: str) -> DrawnPoint:
    return next(i for i in window.scene.emotion_points()
                if i.card_id == card_id and i.persona_id == "maya")  # fmt: skip


def test_an_emotion_point_menu_clears_the_score(window):
    journey = window.document.journey
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    point = point_of(window, "t2")
    window.view.centerOn(point.pos())
    QApplication.processEvents()
    menu = right_click(window, window.view.mapFromScene(point.scenePos()))
    assert lines(menu) == ["Score of 'Online checkout'", "Clear score", "-", "Select the card"]
    assert line(menu, "Score of 'Online checkout'", "\u22123  pain point").isChecked()
    choose(window, menu, "Clear score")
    assert journey.card("t2").emotions == {"omar": -1}
    assert window.undo_action.text() == "&Undo Clear Maya's emotion"
    menu = right_click(window, window.view.mapFromScene(point_of(window, "t1").scenePos()))
    choose(window, menu, "Score of 'Instagram ad'", "+3  love point")
    assert journey.card("t1").emotions["maya"] == 3
    at = window.view.mapFromScene(point_of(window, "t1").scenePos())  # moved up
    choose(window, right_click(window, at), "Select the card")
    assert window.scene.selected_ids(Entity.CARD) == ["t1"]


# ------------------------------------------------------------ empty cells
def test_an_empty_cell_menu_adds_the_lanes_kind_of_card_with_its_title_being_typed(window):
    journey = window.document.journey
    cell = window.scene.layout.cells[("s2", "l-act")]
    menu = right_click(window, view_point(window, *cell.center))
    assert window.scene.selectedItems() == []
    assert lines(menu) == ["Add action here", "Add here"]
    assert [a.text() for a in line(menu, "Add here").menu().actions()] == [
        "Touchpoint", "Thought", "Pain point", "Opportunity", "Note",
    ]  # fmt: skip
    choose(window, menu, "Add action here")
    (new_id,) = window.scene.selected_ids(Entity.CARD)
    card = journey.card(new_id)
    assert (card.stage_id, card.lane_id, card.kind) == ("s2", "l-act", CardKind.ACTION)
    assert editor(window) is not None
    QTest.keyClicks(window.view.viewport(), "Asks a friend")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert journey.card(new_id).title == "Asks a friend"
    assert window.document.undo_stack.count() == 2  # the card, then its title


def test_the_map_around_the_grid_offers_a_stage_and_a_lane(window):
    journey = window.document.journey
    layout = window.scene.layout
    window.view.centerOn(layout.width, layout.height)
    QApplication.processEvents()
    menu = right_click(window, view_point(window, layout.width + 10, layout.height + 10))
    assert lines(menu) == ["Add stage at the end", "Add lane at the bottom"]
    choose(window, menu, "Add lane at the bottom")
    assert window.scene.selected_ids(Entity.LANE) == [journey.lanes.ids()[-1]]


# ------------------------------------------------------------ the keyboard
def test_the_menu_key_and_shift_f10_open_the_selected_things_menu_on_it(window):
    journey = window.document.journey
    window.scene.select_ids(["t2"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Menu)
    menu = window.view.menus.menu
    assert menu is not None and menu.isVisible() and "Moment of truth" in lines(menu)
    card = window.scene.cards["t2"].sceneBoundingRect()
    # where it was asked to open (a small screen may push the menu itself aside)
    shown = window.view.viewport().mapFromGlobal(window.view.menus.shown_at)
    top_left = window.view.mapFromScene(card.topLeft())
    bottom_right = window.view.mapFromScene(card.bottomRight())
    assert top_left.x() <= shown.x() <= bottom_right.x()  # opened on the card
    assert top_left.y() <= shown.y() <= bottom_right.y()
    # the menu takes the keys: Down to the first line, Enter runs it
    QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    assert editor(window) is not None
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    window.scene.clearSelection()
    window.scene.stage_headers["s3"].setSelected(True)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = window.view.menus.menu
    assert menu.isVisible() and lines(menu)[0] == "Rename stage\tF2"
    choose(window, menu, "Insert stage before")
    assert journey.stages.ids()[2] not in ("s1", "s2", "s3")


def test_a_keyboard_context_menu_event_opens_the_selection_menu(window):
    window.scene.select_ids(["p1"])
    center = window.view.viewport().rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, center,
                              window.view.viewport().mapToGlobal(center), NO)  # fmt: skip
    QApplication.sendEvent(window.view.viewport(), event)
    menu = window.view.menus.menu
    assert menu is not None and menu.isVisible() and lines(menu)[0] == "Edit title\tF2"
    assert window.scene.selected_ids(Entity.CARD) == ["p1"]


def test_no_menu_while_a_title_is_typed_in_place(window):
    window.scene.edit_text(Entity.CARD, "t1")
    QTest.keyClick(window.view, Qt.Key.Key_Menu)
    assert window.view.menus.menu is None


def test_the_menu_key_brings_a_card_hidden_under_the_lane_names_into_view(window):
    scene, view = window.scene, window.view
    box = scene.layout.cards["a1"].rect
    view.set_zoom(2.0)
    half = view.viewport().width() / 2 / view.zoom()
    view.centerOn(box.x + 80 + half, box.y)  # a1 mostly under the lane names at the left
    QApplication.processEvents()
    assert view.mapFromScene(QPointF(box.right, box.y)).x() < 2 * 160
    scene.select_ids(["a1"])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Menu)
    shown = view.viewport().mapFromGlobal(view.menus.shown_at)
    header = scene.layout.style.lane_header_width * view.zoom()
    assert shown.x() > header  # clear of the sticky lane names
    left, right = (
        view.mapFromScene(QPointF(box.x, box.y)),
        view.mapFromScene(QPointF(box.right, box.y)),
    )
    assert left.x() <= shown.x() <= right.x()  # on the card
