"""Keyboard first: real key events on the widgets of a main window. Cards made, edited,
moved and connected, the selection moved across the grid, Tab through the panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from mapper.canvas.inline_editor import InlineEditor
from mapper.canvas.keyboard import CONNECT_HINT, KeyboardConnect
from mapper.layout import theme as th
from mapper.model import CardKind, Entity
from mapper.ui.focus_order import stops

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def on_canvas(window, *card_ids: str) -> None:
    """Start from these cards selected and the canvas focused."""
    window.activateWindow()
    window.view.setFocus()
    window.scene.select_ids(list(card_ids))
    QApplication.processEvents()


def selected(window) -> list[str]:
    return window.scene.selected_ids(Entity.CARD)


def editor(window) -> InlineEditor | None:
    item = window.scene.focusItem()
    return item if isinstance(item, InlineEditor) else None


# ------------------------------------------------------------------ new cards
def test_ctrl_return_types_a_new_card_after_the_selected_one(window):
    journey, stack = window.document.journey, window.document.undo_stack
    on_canvas(window, "t2")
    press(window.view, Qt.Key.Key_Return, CTRL)
    assert editor(window) is not None and editor(window).toPlainText() == "New touchpoint"
    new = journey.cards_in_cell("s2", "l-tp")[1]  # made at once: the map makes room for it
    store = window.scene.cards["t3"]
    assert not store.sceneBoundingRect().intersects(editor(window).sceneBoundingRect())
    QTest.keyClicks(window.view, "Live chat")
    press(window.view, Qt.Key.Key_Return)
    titles = [c.title for c in journey.cards_in_cell("s2", "l-tp")]
    assert titles == ["Online checkout", "Live chat", "Store visit"]
    assert journey.card(new.id).kind is CardKind.TOUCHPOINT and selected(window) == [new.id]
    assert stack.count() == 1 and editor(window) is None  # the title folded into one step
    assert stack.undoText() == "Add 'Live chat'"  # says what it made
    stack.undo()
    assert not journey.has_card(new.id)
    stack.redo()
    assert journey.card(new.id).title == "Live chat"


def test_escape_on_a_new_card_takes_it_back_and_leaves_no_step(window, tmp_path, qtbot):
    journey, stack = window.document.journey, window.document.undo_stack
    on_canvas(window, "t4")
    press(window.view, Qt.Key.Key_F2)
    QTest.keyClicks(window.view, "Hotline")
    press(window.view, Qt.Key.Key_Return)
    window.document.start_save(tmp_path / "saved.journey")
    qtbot.waitUntil(lambda: not window.document.is_saving())
    assert not window.document.is_modified()
    on_canvas(window, "t2")
    press(window.view, Qt.Key.Key_Return, CTRL)
    QTest.keyClicks(window.view, "Never mind")
    assert journey.card_count() == 9 and window.document.is_modified()
    press(window.view, Qt.Key.Key_Escape)
    assert editor(window) is None and journey.card_count() == 8
    assert [c.id for c in journey.cards_in_cell("s2", "l-tp")] == ["t2", "t3"]
    assert stack.count() == 1 and stack.index() == 1 and not stack.canRedo()
    assert stack.undoText().startswith("Rename card")  # the step before Ctrl+Return
    assert not window.document.is_modified()  # saved as it was: nothing to save


def test_ctrl_return_without_a_selection_uses_the_first_touchpoint_cell(window):
    journey = window.document.journey
    on_canvas(window)
    press(window.view, Qt.Key.Key_Return, CTRL)
    press(window.view, Qt.Key.Key_Return)  # the default title is kept
    assert [c.title for c in journey.cards_in_cell("s1", "l-tp")] == ["Instagram ad",
                                                                       "New touchpoint"]  # fmt: skip


def test_ctrl_return_while_typing_a_title_keeps_it_and_starts_the_next_card(window):
    journey = window.document.journey
    on_canvas(window, "a1")
    press(window.view, Qt.Key.Key_Return, CTRL)
    QTest.keyClicks(window.view, "Reads reviews")
    press(window.view, Qt.Key.Key_Return, CTRL)
    QTest.keyClicks(window.view, "Asks a friend")
    press(window.view, Qt.Key.Key_Return)
    cards = journey.cards_in_cell("s1", "l-act")
    assert [c.title for c in cards] == ["Sees an advert", "Reads reviews", "Asks a friend"]
    assert all(c.kind is CardKind.ACTION for c in cards)
    assert window.document.undo_stack.count() == 2


def test_a_blank_new_title_is_refused_with_a_message_and_no_card(window):
    problems: list[str] = []
    window.scene.problem.connect(problems.append)
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_Return, CTRL)
    press(window.view, Qt.Key.Key_Delete)
    press(window.view, Qt.Key.Key_Return)
    assert window.document.journey.card_count() == 8
    assert window.document.undo_stack.count() == 0
    assert problems == ["A card needs a title: none added"]


# ------------------------------------------------------------------ editing in place
def test_return_and_f2_edit_the_selected_title_in_place(window):
    journey = window.document.journey
    on_canvas(window, "t4")
    press(window.view, Qt.Key.Key_Return)
    assert editor(window) is not None
    QTest.keyClicks(window.view, "Callback")
    press(window.view, Qt.Key.Key_Return)
    assert journey.card("t4").title == "Callback"
    press(window.view, Qt.Key.Key_F2)
    QTest.keyClicks(window.view, "Not this")
    press(window.view, Qt.Key.Key_Escape)
    assert journey.card("t4").title == "Callback" and editor(window) is None
    window.scene.clearSelection()
    window.scene.stage_headers["s2"].setSelected(True)
    press(window.view, Qt.Key.Key_F2)  # a stage's name too
    QTest.keyClicks(window.view, "Buying")
    press(window.view, Qt.Key.Key_Return)
    assert journey.stages.get("s2").name == "Buying"


def test_ctrl_s_saves_a_title_still_being_typed(window, tmp_path, qtbot):
    from mapper.fileformat import load_journey

    path = tmp_path / "typed.journey"
    window.document.start_save(path)
    qtbot.waitUntil(lambda: not window.document.is_saving())
    on_canvas(window, "t4")
    press(window.view, Qt.Key.Key_F2)
    QTest.keyClicks(window.view, "Hotline")
    press(window.view, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.document.is_saving() and not window.document.is_modified())
    assert load_journey(path).card("t4").title == "Hotline"


# ------------------------------------------------------------------ moving around
def test_arrow_keys_move_the_selection_across_the_grid(window):
    on_canvas(window, "t1")
    for key, expected in (
        (Qt.Key.Key_Right, "t2"), (Qt.Key.Key_Down, "t3"), (Qt.Key.Key_Down, "p1"),
        (Qt.Key.Key_Right, "p1"), (Qt.Key.Key_Up, "t3"), (Qt.Key.Key_Up, "t2"),
        (Qt.Key.Key_Up, "a1"), (Qt.Key.Key_Down, "t1"), (Qt.Key.Key_End, "t4"),
        (Qt.Key.Key_Home, "t1"),
    ):  # fmt: skip
        press(window.view, key)
        assert selected(window) == [expected], key
    assert window.document.undo_stack.count() == 0  # moving the selection edits nothing
    press(window.view, Qt.Key.Key_Right, SHIFT)
    assert sorted(selected(window)) == ["t1", "t2"]


def test_arrow_keys_start_from_the_first_card_and_scroll_it_into_view(window):
    on_canvas(window)
    press(window.view, Qt.Key.Key_Down)
    assert selected(window) == ["a1"]
    window.view.set_zoom(3.0)
    window.view.centerOn(0, 0)
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_End)
    item = window.scene.cards["t4"]
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(item.sceneBoundingRect().center())


def test_the_current_card_has_a_focus_ring_while_the_canvas_has_focus(window):
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_Right)
    assert window.scene.cards["t2"].focused and not window.scene.cards["t1"].focused
    window.inspector.setFocus()
    QApplication.processEvents()
    assert not window.scene.cards["t2"].focused


def test_ctrl_arrows_move_the_card_to_the_neighbouring_cell_in_one_step(window):
    journey, stack = window.document.journey, window.document.undo_stack
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_Right, CTRL)
    press(window.view, Qt.Key.Key_Right, CTRL)
    assert journey.card_position("t1")[:2] == ("s3", "l-tp")
    assert stack.count() == 1 and selected(window) == ["t1"]
    stack.undo()
    assert journey.card_position("t1")[0] == "s1"
    on_canvas(window, "t2")
    press(window.view, Qt.Key.Key_Up, CTRL)  # at the top of its cell: into the lane above
    assert journey.card_position("t2") == ("s2", "l-act", 0)
    press(window.view, Qt.Key.Key_Down, CTRL)
    press(window.view, Qt.Key.Key_Down, CTRL)
    assert journey.card_position("t2") == ("s2", "l-tp", 1)  # back, then below t3


# ------------------------------------------------------------------ flows
def test_ctrl_l_picks_a_flow_target_with_the_arrow_keys(window):
    journey, stack = window.document.journey, window.document.undo_stack
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_L, CTRL)
    connect = window.scene.interaction
    assert isinstance(connect, KeyboardConnect) and connect.candidate == "t2"
    assert window.statusBar().currentMessage() == CONNECT_HINT
    assert connect.ring.isVisible()
    press(window.view, Qt.Key.Key_Return)  # t1 -> t2 exists: refused, still picking
    assert "already connected" in window.statusBar().currentMessage()
    assert window.scene.interaction is connect and stack.count() == 0
    press(window.view, Qt.Key.Key_Left)
    press(window.view, Qt.Key.Key_Return)  # back on t1 itself
    assert "cannot flow to itself" in window.statusBar().currentMessage()
    press(window.view, Qt.Key.Key_Right)
    press(window.view, Qt.Key.Key_Down)
    press(window.view, Qt.Key.Key_Down)
    assert connect.candidate == "p1"
    press(window.view, Qt.Key.Key_Return)
    assert journey.graph.has_edge("t1", "p1") and stack.count() == 1
    assert window.scene.interaction is None and connect.ring.scene() is None
    assert window.statusBar().currentMessage() == ""
    assert selected(window) == ["t1"]


def test_escape_leaves_the_flow_mode_without_a_flow(window):
    journey = window.document.journey
    flows = journey.flow_count()
    on_canvas(window, "t3")
    press(window.view, Qt.Key.Key_L, CTRL)
    press(window.view, Qt.Key.Key_Escape)
    assert window.scene.interaction is None
    assert journey.flow_count() == flows and window.statusBar().currentMessage() == ""
    on_canvas(window)
    press(window.view, Qt.Key.Key_L, CTRL)  # nothing selected: says what to do
    assert window.scene.interaction is None
    assert window.statusBar().currentMessage() == "Select a card to draw a flow from"


# ------------------------------------------------------------------ focus and palette
def test_tab_walks_palette_canvas_inspector_and_outline_with_a_visible_focus(window):
    on_canvas(window, "t1")
    window.palette_panel.setFocus()
    QApplication.processEvents()
    press(window.palette_panel, Qt.Key.Key_Tab)
    assert window.view.hasFocus()
    frame = window.view.viewport().grab().toImage().pixelColor(2, 2)
    assert frame == QColor(th.SELECTION)  # the canvas's focus frame
    press(window.view, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert window.inspector.isAncestorOf(focus)  # the selected card's first field
    seen = []
    for _ in range(60):
        press(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is window.palette_panel:
            break
    assert window.outline.tree in seen  # the outline after the inspector
    assert seen.index(window.outline.tree) > max(
        i for i, w in enumerate(seen) if window.inspector.isAncestorOf(w)
    )
    assert seen[-1] is window.palette_panel  # round again
    press(window.palette_panel, Qt.Key.Key_Backtab, SHIFT)
    assert not window.palette_panel.hasFocus()
    press(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.palette_panel.hasFocus()


def test_return_in_the_palette_adds_the_entry_to_the_selected_cell(window):
    journey = window.document.journey
    on_canvas(window, "t2")
    palette = window.palette_panel
    palette.setFocus()
    QApplication.processEvents()
    assert palette.currentItem() is not None  # arriving, an entry is current
    while palette.currentItem().text() != "Email":
        press(palette, Qt.Key.Key_Down)
    press(palette, Qt.Key.Key_Return)
    new = journey.cards_in_cell("s2", "l-tp")[1]
    assert new.channel == "email" and selected(window) == [new.id]
    assert window.view.hasFocus() and editor(window) is not None  # as after a drop
    QTest.keyClicks(window.view, "Receipt mail")
    press(window.view, Qt.Key.Key_Return)
    assert journey.card(new.id).title == "Receipt mail"
    palette.setFocus()
    while palette.currentItem().text() != "Stage":
        press(palette, Qt.Key.Key_Down)
    press(palette, Qt.Key.Key_Return)
    assert journey.stages.ids()[:2] == ["s1", "s2"] and len(journey.stages) == 4
    assert journey.stages.index_of(journey.stages.ids()[2]) == 2  # after s2, the selected
    assert journey.stages.ids()[3] == "s3"


def test_the_focus_frame_shows_only_while_the_canvas_has_the_focus(window):
    on_canvas(window)
    rect = window.view.viewport().rect()

    def corner() -> QColor:
        return window.view.viewport().grab().toImage().pixelColor(rect.width() - 2, 2)

    assert corner() == QColor(th.SELECTION)
    window.palette_panel.setFocus()
    QApplication.processEvents()
    assert corner() != QColor(th.SELECTION)


def test_tab_ends_an_edit_in_place_without_typing_a_tab(window):
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_F2)
    QTest.keyClicks(window.view, "Reel")
    press(window.view, Qt.Key.Key_Tab)
    assert window.document.journey.card("t1").title == "Reel" and editor(window) is None


def test_leaving_the_canvas_gives_up_picking_a_flow_target(window):
    on_canvas(window, "t1")
    press(window.view, Qt.Key.Key_L, CTRL)
    connect = window.scene.interaction
    assert isinstance(connect, KeyboardConnect)
    press(window.view, Qt.Key.Key_Tab)  # on to the inspector
    assert window.scene.interaction is None and connect.ring.scene() is None
    assert window.statusBar().currentMessage() == ""
    assert window.document.undo_stack.count() == 0


def test_view_menu_brings_the_personas_panel_from_behind_the_inspector(window):
    """The personas panel is a tab behind the inspector: with no mouse to click its tab,
    View > Personas (off, then on) is the way, and it must come to the front."""
    window.panels.make_all()
    action = window.panels.docks["personas"].toggleViewAction()

    def in_front() -> list[str]:
        bars = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() > 1]
        return [bar.tabText(bar.currentIndex()) for bar in bars]

    QApplication.processEvents()
    assert in_front() == ["Inspector"]
    action.trigger()  # off: it was on, only out of sight
    action.trigger()  # on again
    QApplication.processEvents()
    assert in_front() == ["Personas"]
    chain = stops(window.tab_parts())
    assert any(window.personas.isAncestorOf(w) or w is window.personas for w in chain)


# ------------------------------------------------------------------ find bar
def test_escape_in_the_find_bar_closes_it_and_gives_the_keys_back_to_the_map(window):
    window.activateWindow()
    press(window.view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    QTest.keyClicks(bar.field, "store visit")
    press(bar.field, Qt.Key.Key_Return)  # to the match: selected
    assert selected(window) == ["t3"]
    press(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.view  # not the inspector's title field
    press(QApplication.focusWidget(), Qt.Key.Key_Up)  # arrows move on from the match
    assert selected(window) == ["t2"]
    assert window.document.journey.card("t3").title == "Store visit"


def test_escape_cancels_a_title_being_typed_while_the_find_bar_is_open(window):
    journey, stack = window.document.journey, window.document.undo_stack
    window.activateWindow()
    press(window.view, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.find_bar.field, "online")
    on_canvas(window, "t2")
    press(window.view, Qt.Key.Key_F2)
    QTest.keyClicks(window.view, "Typo")
    press(window.view, Qt.Key.Key_Escape)
    assert editor(window) is None  # Esc reached the edit, not the bar
    assert journey.card("t2").title == "Online checkout" and stack.count() == 0
    assert window.find_bar.isVisible() and window.find_bar.matches == ["t2"]


def test_a_card_or_stage_reached_with_the_keys_shows_clear_of_the_lane_names(manager, qtbot):
    """The lane names stay at the view's left: a card or a stage name next to them,
    reached with the arrow keys or F2, was scrolled only as far as the view's edge, under
    the names, where neither it nor the title typed into it could be seen."""
    from factories import wide_map
    from mapper.document import Document

    window = manager.show(Document(wide_map(12)))
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    names = scene.layout.style.lane_header_width  # pinned: 160 view pixels at 100 %

    def left_in_view(rect) -> float:
        return view.mapFromScene(rect.topLeft()).x()

    card = scene.layout.cards["t1"].rect  # first stage
    view.horizontalScrollBar().setValue(round(card.x) - 10)  # the card under the names
    QApplication.processEvents()
    on_canvas(window, "t2")  # in the second stage: Left goes to t1
    press(view, Qt.Key.Key_Left)
    assert selected(window) == ["t1"]
    assert left_in_view(scene.cards["t1"].sceneBoundingRect()) >= names  # clear of them
    header = scene.stage_headers["s1"]
    view.horizontalScrollBar().setValue(round(header.box.header.x) + 20)
    QApplication.processEvents()
    scene.clearSelection()
    header.setSelected(True)
    window.view.setFocus()
    top = view.verticalScrollBar().value()
    press(view, Qt.Key.Key_F2)
    assert left_in_view(header.sceneBoundingRect()) >= names
    assert view.verticalScrollBar().value() == top  # a stage's name: only sideways
    press(QApplication.focusWidget(), Qt.Key.Key_Escape)
