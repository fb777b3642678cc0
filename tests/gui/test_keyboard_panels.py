"""Keyboard first, around the canvas: keys pressed in the panels act on the panels, the
focus stays where the user can see it, and what the canvas offers the mouse is reached
from the keyboard too. Real key events on a main window's widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QTabBar, QToolButton

from mapper.edits import intents
from mapper.layout import theme as th
from mapper.model import Entity
from mapper.ui.inspector import Inspector

SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def focus_on(widget) -> None:
    widget.setFocus()
    QApplication.processEvents()
    assert widget.hasFocus()


def ready(window, *card_ids: str) -> None:
    """The window active, its panels made, these cards selected."""
    window.activateWindow()
    window.panels.make_all()
    window.scene.select_ids(list(card_ids))
    QApplication.processEvents()


def field(inspector: Inspector, label: str):
    return next(editor for spec, editor in inspector._fields if spec.label == label)


# ------------------------------------------------------------------ Delete
def test_delete_in_a_panel_never_deletes_the_selected_cards(window):
    journey = window.document.journey
    ready(window, "t2")
    kind = field(window.inspector, "Kind")
    assert isinstance(kind, QComboBox)
    for widget in (window.palette_panel, kind, window.personas.list, window.outline.tree):
        focus_on(widget)
        press(widget, Qt.Key.Key_Delete)
        press(widget, Qt.Key.Key_Backspace)
        assert journey.card("t2").title == "Online checkout"
    assert window.document.undo_stack.count() == 0
    focus_on(window.view)
    press(window.view, Qt.Key.Key_Delete)  # on the canvas it deletes, as before
    assert not journey.has_card("t2")


def test_delete_in_the_outline_deletes_its_stage_or_lane(window):
    journey = window.document.journey
    ready(window)
    outline = window.outline
    outline.select(Entity.STAGE, "s3")
    focus_on(outline.tree)
    press(outline.tree, Qt.Key.Key_Delete)
    assert "s3" not in journey.stages.ids()
    window.document.undo_stack.undo()
    assert "s3" in journey.stages.ids()


# ------------------------------------------------------------------ panels behind a tab
def in_front(window) -> list[str]:
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() > 1]
    return [bar.tabText(bar.currentIndex()) for bar in bars]


def tab_round(window, start) -> list:
    """The widgets Tab goes to from ``start`` until it comes back round."""
    focus_on(start)
    seen = []
    for _ in range(80):
        press(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is start:
            return seen
    raise AssertionError("Tab never came round")


def test_tab_never_goes_into_a_panel_behind_another_panels_tab(window):
    ready(window, "t2")
    assert in_front(window) == ["Inspector"]
    seen = tab_round(window, window.view)
    assert any(window.inspector.isAncestorOf(w) for w in seen)
    assert not any(window.personas.isAncestorOf(w) for w in seen)  # out of sight
    view_panel(window, "personas")
    assert in_front(window) == ["Personas"]
    seen = tab_round(window, window.view)
    assert any(window.personas.isAncestorOf(w) for w in seen)
    assert not any(window.inspector.isAncestorOf(w) for w in seen)


def view_panel(window, name: str) -> None:
    """View > the panel, chosen in the menu: highlighted first, then triggered."""
    action = window.panels.docks[name].toggleViewAction()
    action.hover()
    action.trigger()
    QApplication.processEvents()


def test_view_menu_brings_a_panel_behind_a_tab_to_the_front_with_the_keys_in_it(window):
    ready(window, "t2")
    focus_on(window.view)
    view_panel(window, "personas")  # behind the inspector: to the front, not closed
    assert in_front(window) == ["Personas"]
    assert window.panels.docks["personas"].toggleViewAction().isChecked()
    assert QApplication.focusWidget() is window.personas.list  # not the hidden inspector
    view_panel(window, "inspector")  # and back
    assert in_front(window) == ["Inspector"]
    assert window.inspector.isAncestorOf(QApplication.focusWidget())
    QTest.keyClicks(QApplication.focusWidget(), "Renewed ")  # typed where it shows
    assert "Renewed" in window.document.journey.card("t2").title
    view_panel(window, "inspector")  # in front: the menu closes it, as before
    assert not window.panels.docks["inspector"].isVisible()
    assert in_front(window) == []


# ------------------------------------------------------------------ the inspector's form
def test_picking_a_cards_kind_with_the_keys_keeps_them_on_the_kind(window):
    """The form is built again for the new kind: the keys stayed with the old form's
    field and Qt passed them on to the outline, where the next keys went."""
    journey = window.document.journey
    ready(window, "t2")
    kind = field(window.inspector, "Kind")
    focus_on(kind)
    press(kind, Qt.Key.Key_Down)
    assert journey.card("t2").kind.value != "touchpoint"
    now = field(window.inspector, "Kind")
    assert now is not kind and QApplication.focusWidget() is now
    press(now, Qt.Key.Key_Up)  # and the next key picks again
    assert journey.card("t2").kind.value == "touchpoint"
    assert QApplication.focusWidget() is field(window.inspector, "Kind")


def test_a_new_selection_while_typing_in_the_form_keeps_the_keys_on_that_field(window):
    journey = window.document.journey
    ready(window, "t2")
    title = field(window.inspector, "Title")
    focus_on(title)
    press(title, Qt.Key.Key_End)
    press(title, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Edit > Duplicate
    (copy,) = window.scene.selected_ids(Entity.CARD)
    assert copy != "t2"
    now = field(window.inspector, "Title")
    assert QApplication.focusWidget() is now
    QTest.keyClicks(now, "!")  # where the cursor was
    assert journey.card(copy).title.endswith("!") and not journey.card("t2").title.endswith("!")
    assert not window.outline.tree.hasFocus()


def test_the_keys_stay_on_the_same_tick_of_the_new_form(window):
    ready(window, "t2")
    ticks = [e for spec, e in window.inspector._fields if spec.label == ""]
    assert len(ticks) >= 2  # moment of truth, hide when presenting: no label of their own
    focus_on(ticks[1])
    press(ticks[1], Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    now = [e for spec, e in window.inspector._fields if spec.label == ""]
    assert now[1] is not ticks[1] and QApplication.focusWidget() is now[1]


# ------------------------------------------------------------------ flows from the keys
def menu_line(menu, *path: str):
    for name in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == name)
    return next(a for a in menu.actions() if a.text().split("\t")[0] == path[-1])


def test_a_flow_is_reached_renamed_and_deleted_from_the_keyboard(window):
    journey = window.document.journey
    ready(window, "t1")
    focus_on(window.view)
    press(window.view, Qt.Key.Key_Menu)  # the selected card's menu
    menu = window.view.menus.menu
    line = menu_line(menu, "Select a flow", "To 'Online checkout' (clicks)")
    line.trigger()
    QApplication.processEvents()
    assert window.scene.selected_ids(Entity.FLOW) == ["f1"]
    assert window.view.hasFocus() and window.inspector.kind is Entity.FLOW
    press(window.view, Qt.Key.Key_F2)  # its label typed in place
    QTest.keyClicks(window.view, "taps")
    press(window.view, Qt.Key.Key_Return)
    assert journey.flow("f1").label == "taps"
    window.view.setFocus()
    press(window.view, Qt.Key.Key_Delete)
    assert [f.id for f in journey.flows_of("t1")] == ["f2"]
    assert journey.has_card("t1") and journey.has_card("t2")  # only the flow went


def test_a_title_with_an_ampersand_shows_it_in_a_menu(window):
    """Qt takes a lone '&' in a menu line for a mnemonic: 'Salt & pepper' showed as 'Salt
    _pepper' (the space underlined)."""
    journey = window.document.journey
    window.scene.push(intents.rename(journey, Entity.CARD, "t2", "title", "Salt & pepper"))
    ready(window, "t1")
    focus_on(window.view)
    press(window.view, Qt.Key.Key_Menu)
    flows = menu_line(window.view.menus.menu, "Select a flow", "To 'Salt && pepper' (clicks)")
    assert flows.iconText() == "To 'Salt & pepper' (clicks)"  # as shown


def test_the_personas_list_shows_when_it_has_the_keys(window):
    """As the palette's and the outline's lists do: its selected row looked the same with
    the keys elsewhere, so nothing said where typing would go."""
    ready(window)
    view_panel(window, "personas")
    listing = window.personas.list
    assert listing.hasFocus()

    def edge() -> QColor:
        return listing.grab().toImage().pixelColor(0, listing.height() // 2)

    assert edge() == QColor(th.SELECTION)
    focus_on(window.view)
    assert edge() != QColor(th.SELECTION)


# ------------------------------------------------------------------ back to the map
def test_escape_in_a_panel_gives_the_keys_back_to_the_map(window):
    ready(window, "t2")
    parts = [field(window.inspector, "Title"), field(window.inspector, "Kind")]
    parts += [window.palette_panel, window.outline.tree]
    for widget in parts:
        focus_on(widget)
        press(widget, Qt.Key.Key_Escape)
        assert QApplication.focusWidget() is window.view, widget
        assert window.scene.selected_ids(Entity.CARD) == ["t2"]  # where the user left it
    press(window.view, Qt.Key.Key_Right)  # the arrows go on from the card
    assert window.scene.selected_ids(Entity.CARD) == ["t4"]
    view_panel(window, "personas")
    press(window.personas.list, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view


def test_escape_while_renaming_in_the_outline_only_ends_the_rename(window):
    journey = window.document.journey
    ready(window)
    tree = window.outline.tree
    window.outline.select(Entity.STAGE, "s2")
    focus_on(tree)
    tree.editItem(tree.currentItem())  # a row being renamed (a double click starts it)
    QApplication.processEvents()
    typing = QApplication.focusWidget()
    assert typing is not tree and tree.isAncestorOf(typing)
    QTest.keyClicks(typing, "Buy")
    press(typing, Qt.Key.Key_Escape)
    assert journey.stages.get("s2").name == "Purchase"
    assert tree.hasFocus()  # still in the outline: the next Esc leaves it
    press(tree, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view


# ------------------------------------------------------------------ personas
def test_a_persona_added_from_the_keyboard_has_its_name_typed_next(window):
    """The form kept showing the persona chosen before: the name typed after Add renamed
    that one."""
    journey = window.document.journey
    ready(window)
    view_panel(window, "personas")
    panel = window.personas
    add = next(b for b in panel.findChildren(QPushButton) if b.accessibleName() == "Add a persona")
    focus_on(add)
    before = {p.id: p.name for p in journey.personas}
    press(add, Qt.Key.Key_Space)
    (new,) = [p.id for p in journey.personas if p.id not in before]
    assert panel.current_id() == new and panel.name.hasFocus()
    QTest.keyClicks(panel.name, "Nadia")
    assert journey.personas.get(new).name == "Nadia"
    assert {p: journey.personas.get(p).name for p in before} == before


# ------------------------------------------------------------------ the outline
def test_a_stage_added_in_the_outline_is_chosen_so_f2_names_it(window):
    """The outline's + made the stage but chose it in the outline alone: the map and the
    inspector did not follow, and F2 (which renames what the map has chosen) did nothing."""
    journey = window.document.journey
    ready(window)
    outline = window.outline
    outline.select(Entity.STAGE, "s2")
    add = next(b for b in outline.findChildren(QToolButton) if b.text() == "+")
    focus_on(add)
    press(add, Qt.Key.Key_Space)
    new = journey.stages.ids()[2]
    assert new not in ("s1", "s2", "s3")
    assert window.scene.selected_ids(Entity.STAGE) == [new]
    assert window.inspector.item_id == new
    press(QApplication.focusWidget(), Qt.Key.Key_F2)
    QTest.keyClicks(window.view, "Onboard")
    press(window.view, Qt.Key.Key_Return)
    assert journey.stages.get(new).name == "Onboard"


# ------------------------------------------------------------------ modes ending
def test_a_new_card_typed_while_picking_a_flow_target_ends_the_picking(window):
    """Ctrl+Return while Ctrl+L picked a target left the picking on: the Esc meant to take
    the new card back ended the picking instead, and the card stayed."""
    journey, stack = window.document.journey, window.document.undo_stack
    ready(window, "t2")
    focus_on(window.view)
    press(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.interaction is not None
    cards = journey.card_count()
    press(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.interaction is None  # the picking ended, its marks gone
    assert journey.card_count() == cards + 1
    QTest.keyClicks(window.view, "Oops")
    press(window.view, Qt.Key.Key_Escape)  # takes the new card back
    assert journey.card_count() == cards and stack.count() == 0
    ready(window, "t2")
    focus_on(window.view)
    press(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # and F2 the same
    press(window.view, Qt.Key.Key_F2)
    assert window.scene.interaction is None
    QTest.keyClicks(window.view, "Typo")
    press(window.view, Qt.Key.Key_Escape)
    assert journey.card("t2").title == "Online checkout" and stack.count() == 0
    assert window.statusBar().currentMessage() == ""  # the picking's hint gone with it


# ------------------------------------------------------------------ scores
def test_alt_up_in_a_personas_score_field_steps_that_personas_score(window):
    """Alt+Up / Alt+Down step the active persona's score on the map; typed in the
    inspector's field for another persona they stepped the active one's out of sight."""
    journey = window.document.journey
    active = journey.active_persona()
    other = next(p for p in journey.personas if p is not active)
    before = dict(journey.card("t2").emotions)
    ready(window, "t2")
    score = field(window.inspector, f"Emotion: {other.name}")
    focus_on(score)
    press(score, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    emotions = journey.card("t2").emotions
    assert emotions.get(active.id) == before.get(active.id)  # the active one's untouched
    assert emotions.get(other.id) != before.get(other.id)  # this field's persona's stepped
    stepped = emotions.get(other.id)
    focus_on(field(window.inspector, f"Emotion: {other.name}"))  # (the form was built again)
    press(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t2").emotions.get(other.id) != stepped
    assert journey.card("t2").emotions.get(active.id) == before.get(active.id)
