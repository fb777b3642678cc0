"""Shaping the emotion curve on the canvas with real events on the viewport: ghost points
for unscored cards, dragging, Esc, Delete, the context menu, the tooltip, Alt+Up/Down and
the legend's show/hide boxes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.conftest import card_center, drag, mouse_move, view_point
from gui.test_interactions import press_and_move, release
from mapper.canvas.emotion_items import EmotionPointItem
from mapper.edits import Insert
from mapper.model import Entity, Lane, LaneKind


@pytest.fixture
def emo(window):
    """The sample map with an emotion lane under the touchpoints, in view."""
    journey = window.document.journey
    window.document.push(Insert(journey, Entity.LANE, 3, Lane("emo", "Emotion", LaneKind.EMOTION)))
    window.document.undo_stack.clear()
    lane = window.scene.layout.emotion_lane
    window.view.centerOn(QPointF(450, lane.row.center[1]))
    QApplication.processEvents()
    return window


def point_item(window, card_id: str, persona_id: str = "maya") -> EmotionPointItem:
    return next(i for i in window.scene.emotion_points()
                if i.card_id == card_id and i.persona_id == persona_id)  # fmt: skip


def ghost_at(window, card_id: str) -> QPoint:
    x, _ = window.scene.layout.emotion_slots[card_id]
    return view_point(window, x, window.scene.layout.neutral_y())


def score_y(window, score: int) -> float:
    from mapper.layout.grid import emotion_y

    layout = window.scene.layout
    return emotion_y(layout.emotion_lane.row, score, layout.style)


def hover(window, p: QPoint) -> None:
    mouse_move(window, p)
    QApplication.processEvents()


def test_every_unscored_card_of_the_active_persona_has_a_ghost_on_the_neutral_line(emo):
    scene = emo.scene
    ghosts = {card_id: x for row in scene.ghost_rows() for card_id, x in row.ghosts}
    assert set(ghosts) == {"a1", "p1", "t4", "o1", "o2"}  # Maya scored t1, t2 and t3
    for card_id, x in ghosts.items():
        assert x == scene.layout.emotion_slots[card_id][0]
    assert all(row.neutral_y == scene.layout.neutral_y() for row in scene.ghost_rows())
    # only the active persona's: Omar has no ghosts although he scored fewer cards
    assert {row.persona_id for row in scene.ghost_rows()} == {"maya"}


def test_dragging_a_ghost_up_scores_the_card_where_it_stands(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    x = emo.scene.layout.emotion_slots["t4"][0]
    start = ghost_at(emo, "t4")
    drag(emo, start, view_point(emo, x, score_y(emo, 2) - 2))
    assert journey.card("t4").emotions == {"maya": 2}
    assert stack.count() == 1
    point = point_item(emo, "t4")
    assert point.pos().x() == pytest.approx(x)  # the card keeps its place on the curve
    assert "t4" not in {c for row in emo.scene.ghost_rows() for c, _ in row.ghosts}
    assert not [i for i in emo.scene.items() if isinstance(i, EmotionPointItem) and i.ghost]
    stack.undo()
    assert journey.card("t4").emotions == {}
    assert "t4" in {c for row in emo.scene.ghost_rows() for c, _ in row.ghosts}


def test_a_click_on_a_ghost_or_on_the_empty_lane_scores_nothing(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    viewport = emo.view.viewport()
    for p in (ghost_at(emo, "t4"), view_point(emo, 700, score_y(emo, 2))):
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    assert journey.card("t4").emotions == {} and stack.count() == 0


def test_esc_during_a_ghost_drag_scores_nothing_and_takes_the_stand_in_away(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    x = emo.scene.layout.emotion_slots["a1"][0]
    start = ghost_at(emo, "a1")
    end = view_point(emo, x, score_y(emo, -3))
    press_and_move(emo, start, end)
    stand_in = next(i for i in emo.scene.items() if isinstance(i, EmotionPointItem) and i.ghost)
    assert stand_in.shown_score() == -3  # shown at the snapped score on the way
    QTest.keyClick(emo.view, Qt.Key.Key_Escape)
    assert stand_in.scene() is None and emo.scene.interaction is None
    release(emo, end)
    assert journey.card("a1").emotions == {} and stack.count() == 0


def test_points_snap_to_the_scale_and_stay_within_it(emo):
    journey = emo.document.journey
    point = point_item(emo, "t1")
    start = emo.view.mapFromScene(point.pos())
    lane = emo.scene.layout.emotion_lane
    x = point.pos().x()
    drag(emo, start, view_point(emo, x, score_y(emo, -1) + 4))  # a little off -1: -1
    assert journey.card("t1").emotions["maya"] == -1
    point = point_item(emo, "t1")
    drag(emo, emo.view.mapFromScene(point.pos()), view_point(emo, x, lane.row.y + 1))
    assert journey.card("t1").emotions["maya"] == 3  # above the top: the top of the scale


def test_delete_on_a_selected_point_clears_the_score_and_keeps_the_card(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    point = point_item(emo, "t2")
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, emo.view.mapFromScene(point.pos()))  # fmt: skip
    assert point.isSelected()
    assert journey.card("t2").emotions["maya"] == -3  # a click moves nothing
    QTest.keyClick(emo.view, Qt.Key.Key_Delete)
    assert journey.has_card("t2")
    assert journey.card("t2").emotions == {"omar": -1}
    assert stack.count() == 1
    stack.undo()
    assert journey.card("t2").emotions == {"maya": -3, "omar": -1}


def test_the_context_menu_of_a_ghost_scores_its_card(emo):
    from gui.test_context_menus import choose, lines, right_click

    journey, stack = emo.document.journey, emo.document.undo_stack
    menu = right_click(emo, ghost_at(emo, "t4"))
    assert lines(menu)[:2] == ["Score of 'Support call'", "Clear score"]
    assert not menu.actions()[1].isEnabled()  # nothing to clear yet
    choose(emo, menu, "Score of 'Support call'", "\u22122  pain point")
    assert journey.card("t4").emotions == {"maya": -2} and stack.count() == 1
    assert point_item(emo, "t4").point.score == -2


def test_the_tooltip_names_persona_card_and_score(emo):
    journey = emo.document.journey
    point = point_item(emo, "t2")
    hover(emo, emo.view.mapFromScene(point.pos()) + QPoint(0, 30))
    hover(emo, emo.view.mapFromScene(point.pos()))
    assert point.toolTip() == "Maya · Online checkout: \u22123, pain point"
    row = next(r for r in emo.scene.ghost_rows() if any(c == "t4" for c, _ in r.ghosts))
    hover(emo, ghost_at(emo, "t4"))
    assert row.toolTip().startswith("Maya · Support call: not scored yet")
    assert journey.card("t4").emotions == {}


def test_alt_up_and_down_change_the_selected_cards_score_for_the_active_persona(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    viewport = emo.view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     card_center(emo, "t4"))  # fmt: skip
    assert emo.scene.selected_ids(Entity.CARD) == ["t4"]
    QTest.keyClick(emo.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t4").emotions == {"maya": 1}  # unscored counts from neutral
    for _ in range(4):
        QTest.keyClick(emo.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t4").emotions == {"maya": 3}  # the scale ends at +3
    assert stack.count() == 1  # repeated steps of one card are one undo step
    QTest.keyClick(emo.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t4").emotions == {"maya": 2}
    assert emo.scene.layout.cards["t4"].card.stage_id == "s3"  # the card did not move
    stack.undo()
    assert journey.card("t4").emotions == {}


def test_alt_up_on_a_selected_point_changes_that_persona_score(emo):
    journey = emo.document.journey
    point = point_item(emo, "t2", "omar")
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, emo.view.mapFromScene(point.pos()))  # fmt: skip
    QTest.keyClick(emo.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t2").emotions == {"maya": -3, "omar": -2}
    assert point_item(emo, "t2", "omar").isSelected()  # still selected: press again
    QTest.keyClick(emo.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert journey.card("t2").emotions == {"maya": -3, "omar": -3}


def test_the_active_curve_is_on_top(emo):
    maya, omar = point_item(emo, "t1", "maya"), point_item(emo, "t1", "omar")
    assert maya.zValue() > omar.zValue()
    emo.personas.list.setCurrentRow(1)
    emo.personas.make_active()
    assert point_item(emo, "t1", "omar").zValue() > point_item(emo, "t1", "maya").zValue()


def _legend_point(window, persona_id: str, toggle: bool) -> QPoint:
    header = window.scene.lane_headers["emo"]
    row = next(r for r in header.legend_rows() if r.entry and r.entry.persona_id == persona_id)
    local = row.toggle.center() if toggle else QPointF(row.rect.right() - 20, row.rect.center().y())
    return window.view.mapFromScene(header.mapToScene(local))


def test_the_legend_box_hides_and_shows_a_curve_as_an_undoable_edit(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    viewport = emo.view.viewport()
    header = emo.scene.lane_headers["emo"]
    assert [e.name for e in header.legend] == ["Maya", "Omar"]
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _legend_point(emo, "omar", toggle=True))  # fmt: skip
    assert journey.personas.get("omar").hidden and stack.count() == 1
    assert {c.persona.id for c in emo.scene.layout.emotion_curves} == {"maya"}
    assert not [p for p in emo.scene.emotion_points() if p.persona_id == "omar"]
    # a hidden persona shows nowhere on the map: no row of its own, only counted, with
    # where to show it again
    rows = header.legend_rows()
    assert [r.entry.name for r in rows if r.entry] == ["Maya"]
    assert (rows[-1].entry, rows[-1].hidden) == (None, 1)
    item = emo.personas.list.item(1)
    assert item.checkState() == Qt.CheckState.Unchecked  # the panel agrees
    item.setCheckState(Qt.CheckState.Checked)  # shown again from the panel
    assert not journey.personas.get("omar").hidden and stack.count() == 2
    assert [r.entry.name for r in header.legend_rows() if r.entry] == ["Maya", "Omar"]
    assert all(r.hidden == 0 for r in header.legend_rows())
    stack.undo()
    assert journey.personas.get("omar").hidden


def test_a_click_on_a_legend_name_makes_that_persona_active(emo):
    journey = emo.document.journey
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, _legend_point(emo, "omar", toggle=False))  # fmt: skip
    assert journey.active_persona().id == "omar"
    assert {row.persona_id for row in emo.scene.ghost_rows()} == {"omar"}
    assert not journey.personas.get("omar").hidden


@pytest.mark.parametrize("where", ["name", "box", "triangle"])
def test_a_click_in_the_legend_leaves_the_lane_unselected_so_delete_keeps_it(emo, where):
    """The legend and the triangle act at once: the lane is not selected by the way, where
    a Delete right after removed the whole emotion lane."""
    journey, header = emo.document.journey, emo.scene.lane_headers["emo"]
    lanes = journey.lanes.ids()
    if where == "triangle":
        point = emo.view.mapFromScene(header.mapToScene(header._toggle_rect().center()))
    else:
        point = _legend_point(emo, "omar", toggle=where == "box")
    emo.view.setFocus()
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)  # fmt: skip
    assert not header.isSelected() and not emo.scene.selectedItems()
    QTest.keyClick(emo.view.viewport(), Qt.Key.Key_Delete)
    assert journey.lanes.ids() == lanes


def test_the_personas_panel_box_hides_a_persona_in_the_file(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    item = emo.personas.list.item(0)
    rect = emo.personas.list.visualItemRect(item)
    emo.docks["personas"].raise_()
    QApplication.processEvents()
    # the check box sits at the left of the row
    QTest.mouseClick(emo.personas.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(rect.left() + 10, rect.center().y()))  # fmt: skip
    assert journey.personas.get("maya").hidden and stack.count() == 1
    # the active persona is hidden: the map shows (and scores) the first shown one
    assert {row.persona_id for row in emo.scene.ghost_rows()} == {"omar"}
    assert {c.persona.id for c in emo.scene.layout.emotion_curves} == {"omar"}
    stack.undo()
    assert not journey.personas.get("maya").hidden
    assert emo.personas.list.item(0).checkState() == Qt.CheckState.Checked


def test_a_new_persona_gets_a_curve_style_of_its_own(emo):
    emo.personas.add()
    journey = emo.document.journey
    new = journey.personas.get(journey.personas.ids()[-1])
    assert new.color not in {"#cc0000", "#0000cc"}
    header = emo.scene.lane_headers["emo"]
    styles = [e.style for e in header.legend]
    assert len({(s.dash, s.marker) for s in styles}) == 3
    assert styles[-1].color == new.color


def test_a_selected_point_shows_its_card_in_the_inspector(emo):
    point = point_item(emo, "t3")
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, emo.view.mapFromScene(point.pos()))  # fmt: skip
    assert (emo.inspector.kind, emo.inspector.item_id) == (Entity.CARD, "t3")
    assert emo.selection_label.text() == "1 emotion point selected"


def test_alt_up_with_nothing_selected_says_what_to_select(emo):
    emo.scene.clearSelection()
    QTest.keyClick(emo.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert emo.document.undo_stack.count() == 0
    assert "Select a card" in emo.statusBar().currentMessage()


def test_a_legend_with_more_personas_than_room_ends_in_a_more_row(emo):
    from mapper.edits import personas

    for _ in range(12):
        emo.document.push(personas.add_persona(emo.document.journey))
    header = emo.scene.lane_headers["emo"]
    rows = header.legend_rows()
    assert len(header.legend) == 14
    assert rows[-1].entry is None and rows[-1].more == 14 - (len(rows) - 1)
    assert all(r.rect.bottom() <= header.box.header.height for r in rows)  # inside the header


def test_delete_with_cards_and_points_selected_deletes_the_cards_only(emo):
    journey = emo.document.journey
    viewport = emo.view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     card_center(emo, "t4"))  # fmt: skip
    point = point_item(emo, "t2")
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     emo.view.mapFromScene(point.pos()))  # fmt: skip
    assert emo.scene.selected_ids(Entity.CARD) == ["t4"] and point.isSelected()
    QTest.keyClick(emo.view, Qt.Key.Key_Delete)
    assert not journey.has_card("t4")
    assert journey.card("t2").emotions == {"maya": -3, "omar": -1}  # its score stays


def test_after_the_lane_moved_a_point_answers_a_hover_and_a_drag_before_it_is_painted(emo):
    """A lane above collapsed: the emotion lane moves up and its rows take new bounds,
    their points worked out when first asked. A hover there names the point, and a drag
    scores it, with nothing painted in between."""
    from mapper.edits import Update

    journey, scene = emo.document.journey, emo.scene
    emo.document.push(Update(journey, Entity.LANE, "l-act", {"collapsed": True}))
    lane = scene.layout.emotion_lane
    emo.view.centerOn(QPointF(450, lane.row.center[1]))  # (its repaint comes later)
    x, stage = scene.layout.emotion_slots["t2"]
    row = scene.emotions.curves["maya"].rows[stage]
    at = view_point(emo, x, score_y(emo, -3))
    mouse_move(emo, at)  # (no events processed: nothing painted in between)
    assert row.toolTip() == "Maya · Online checkout: \u22123, pain point"
    drag(emo, at, view_point(emo, x, score_y(emo, 1)))
    assert journey.card("t2").emotions["maya"] == 1


def curve_ends(window, persona_id: str = "maya") -> set[tuple[float, float]]:
    """The ends of every segment of the persona's curve as its path items draw it now."""
    items = window.scene.emotions.curves[persona_id]
    return {
        (round(x, 1), round(y, 1))
        for path in items.paths.values()
        for segment in path.segments
        for x, y in (segment.p0, segment.p3)
    }


def test_the_curve_follows_a_point_while_it_is_dragged_and_goes_back_on_esc(emo):
    journey, stack = emo.document.journey, emo.document.undo_stack
    point = point_item(emo, "t1")
    x, was = point.pos().x(), journey.card("t1").emotions["maya"]
    start = emo.view.mapFromScene(point.pos())
    before = curve_ends(emo)
    assert (round(x, 1), round(score_y(emo, was), 1)) in before
    end = view_point(emo, x, score_y(emo, -3))
    press_and_move(emo, start, end)
    during = curve_ends(emo)
    assert (round(x, 1), round(score_y(emo, -3), 1)) in during  # the curve runs through it
    assert (round(x, 1), round(score_y(emo, was), 1)) not in during
    assert journey.card("t1").emotions["maya"] == was and stack.count() == 0  # not yet
    QTest.keyClick(emo.view, Qt.Key.Key_Escape)
    assert curve_ends(emo) == before  # as it was
    release(emo, end)
    assert journey.card("t1").emotions["maya"] == was and stack.count() == 0

    drag(emo, start, end)  # let go: the score is set, the curve stays where it went
    assert journey.card("t1").emotions["maya"] == -3 and stack.count() == 1
    assert curve_ends(emo) == during
