"""Emotion points are drawn a stage's row at a time; a point pressed, clicked or reached by
a rubber band gets an item of its own while it is dragged or selected. Real events on the
viewport."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsScene

from gui.conftest import drag, view_point
from gui.test_emotion_curve import emo, ghost_at, point_item  # noqa: F401 - the fixture
from mapper.canvas.emotion_items import EmotionPointItem
from mapper.canvas.point_rows import PointRowItem
from mapper.edits import Insert, MoveCards, Update
from mapper.model import Entity


def own_items(window) -> list[EmotionPointItem]:
    return [i for i in QGraphicsScene.items(window.scene) if isinstance(i, EmotionPointItem)]


def rows(window) -> list[PointRowItem]:
    return [i for i in QGraphicsScene.items(window.scene) if isinstance(i, PointRowItem)]


def test_a_stages_points_are_one_item_and_a_card_moved_between_stages_moves_no_item(emo):  # noqa: F811
    scene, journey = emo.scene, emo.document.journey
    assert own_items(emo) == []  # at rest no point has an item of its own
    drawn = {(row.persona_id, p.card_id) for row in rows(emo) for p in row.points}
    curves = scene.layout.emotion_curves
    assert drawn == {(c.persona.id, p.card_id) for c in curves for p in c.points}
    per_stage = {(row.persona_id, row.stage_index) for row in rows(emo)}
    assert len(per_stage) == len(rows(emo))  # one row per persona and stage
    before = set(map(id, QGraphicsScene.items(scene)))
    stage, lane, _ = journey.card_position("t2")
    other = next(s for s in journey.stages.ids() if s != stage)
    emo.document.push(MoveCards(journey, ["t2"], other, lane, 0))
    assert own_items(emo) == []
    assert {p.card_id for row in rows(emo) for p in row.points if row.persona_id == "maya"} == {
        p.card_id for c in scene.layout.emotion_curves if c.persona.id == "maya" for p in c.points
    }
    moved = point_item(emo, "t2")
    assert moved.pos().toTuple() == next(
        p.pos for c in scene.layout.emotion_curves if c.persona.id == "maya"
        for p in c.points if p.card_id == "t2"
    )  # fmt: skip
    assert {id(i) for i in rows(emo)} <= before  # the rows stayed, drawn again


def test_a_click_gives_the_point_an_item_of_its_own_that_its_row_leaves_out(emo):  # noqa: F811
    scene = emo.scene
    at = emo.view.mapFromScene(point_item(emo, "t2").pos())
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)  # fmt: skip
    (own,) = own_items(emo)
    assert (own.card_id, own.persona_id, own.isSelected()) == ("t2", "maya", True)
    row = next(r for r in rows(emo) if r.persona_id == "maya" and "t2" in r.hidden)
    assert row.point_at(own.pos()) is None  # the row no longer answers for it
    assert scene.selected_emotion_points() == [("t2", "maya")]
    lane = scene.layout.emotion_lane.row
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, view_point(emo, 700, lane.y + 3))  # fmt: skip
    assert own_items(emo) == [] and not row.hidden  # deselected: back to its row
    assert scene.selected_emotion_points() == []


def test_a_rubber_band_over_points_selects_them_and_delete_clears_their_scores(emo):  # noqa: F811
    from mapper.edits import personas

    scene, journey = emo.scene, emo.document.journey
    # one persona's curve: clearing two personas' scores of one card is another matter
    emo.document.push(personas.show_persona(journey, "omar", False))
    t1, t2 = point_item(emo, "t1").pos(), point_item(emo, "t2").pos()
    lane = scene.layout.emotion_lane.row
    left, right = min(t1.x(), t2.x()) - 12, max(t1.x(), t2.x()) + 12
    top, bottom = min(t1.y(), t2.y()) - 12, max(t1.y(), t2.y()) + 12
    emo.view.centerOn(QPointF((left + right) / 2, (top + bottom) / 2))
    assert lane.y < top and bottom < lane.bottom
    drag(emo, view_point(emo, left, top), view_point(emo, right, bottom))
    inside = {(p.card_id, p.persona_id) for p in scene.emotion_points()
              if left <= p.pos().x() <= right}  # fmt: skip
    assert inside == {("t1", "maya"), ("t2", "maya")}
    assert sorted(scene.selected_emotion_points()) == sorted(inside)
    assert {(i.card_id, i.persona_id) for i in own_items(emo)} == inside  # only those
    QTest.keyClick(emo.view, Qt.Key.Key_Delete)
    assert all(p not in journey.card(c).emotions for c, p in inside)
    assert journey.has_card("t1") and journey.has_card("t2")


def test_a_band_over_points_means_the_points_not_the_flows_crossing_the_lane(emo):  # noqa: F811
    """A facilitator bands the curve's points to clear them: a flow that crosses the lane
    under the band is let go with the band, so Delete clears the scores and keeps it."""
    from mapper.model import Flow

    scene, journey = emo.scene, emo.document.journey
    emo.document.push(Insert(journey, Entity.FLOW, 0, Flow("down", "t1", "o1")))  # t1 to below
    t1, t2 = point_item(emo, "t1").pos(), point_item(emo, "t2").pos()
    lane = scene.layout.emotion_lane.row
    left, right = min(t1.x(), t2.x()) - 12, max(t1.x(), t2.x()) + 12
    top, bottom = lane.y + 4, lane.bottom - 4
    emo.view.centerOn(QPointF((left + right) / 2, (top + bottom) / 2))
    flow = scene.flows["down"]
    assert flow.collidesWithPath(path_of(QRectF(left, top, right - left, bottom - top)))
    drag(emo, view_point(emo, left, top), view_point(emo, right, bottom))
    assert ("t1", "maya") in scene.selected_emotion_points()
    assert scene.selected_ids(Entity.FLOW) == []
    QTest.keyClick(emo.view, Qt.Key.Key_Delete)
    assert "maya" not in journey.card("t1").emotions
    assert journey.flow("down").target == "o1"


def path_of(rect: QRectF):
    from PySide6.QtGui import QPainterPath

    path = QPainterPath()
    path.addRect(rect)
    return path


def test_esc_during_a_point_drag_puts_it_back_in_its_row(emo):  # noqa: F811
    from gui.test_interactions import press_and_move, release

    journey = emo.document.journey
    home = point_item(emo, "t1").pos()
    start = emo.view.mapFromScene(home)
    end = view_point(emo, home.x(), emo.scene.layout.emotion_lane.row.bottom - 5)
    press_and_move(emo, start, end)
    (own,) = own_items(emo)
    assert own.pos().y() > home.y()  # dragged by its own item, the row leaves it out
    QTest.keyClick(emo.view, Qt.Key.Key_Escape)
    release(emo, end)
    assert journey.card("t1").emotions["maya"] == 1
    assert own_items(emo) == [] and not any(r.hidden for r in rows(emo))
    assert point_item(emo, "t1").pos() == QPointF(home)


def _elements(path) -> list[tuple]:
    return [(e.type, e.x, e.y) for e in (path.elementAt(i) for i in range(path.elementCount()))]


def test_a_stage_path_whose_last_segments_changed_moves_them_and_draws_as_one_made_anew(
    qapp, monkeypatch
):
    """A card moved into the next stage reshapes the end of this stage's stretch: those
    segments are moved in the path it has, the rest is not drawn again."""
    from dataclasses import replace

    from PySide6.QtGui import QPainterPath, QPen

    import mapper.canvas.curve_path as curve_path
    from mapper.canvas.curve_path import CurveSegmentItem
    from mapper.layout.geometry import smooth_curve

    points = [(float(x), 100.0 + (x * 7) % 40) for x in range(0, 400, 10)]
    before = smooth_curve(points)
    item = CurveSegmentItem(before, QPen(), 1.0)
    points[-1] = (points[-1][0], 150.0)  # the next stage's first point moved
    after = smooth_curve(points)
    assert after[:-2] == before[:-2] and after[-2:] != before[-2:]
    drawn: list[int] = []

    class Counted(QPainterPath):
        def cubicTo(self, *args):
            drawn.append(1)
            return super().cubicTo(*args)

    monkeypatch.setattr(curve_path, "QPainterPath", Counted)
    item.set_segments([*before[:-2], *after[-2:]])
    assert drawn == []  # moved in place
    monkeypatch.undo()
    fresh = CurveSegmentItem(after, QPen(), 1.0)
    assert _elements(item.path()) == _elements(fresh.path())
    assert item.boundingRect() == fresh.boundingRect()
    # a gap in the stretch (segments that no longer run on) is drawn anew
    gap = [*after[:-1], replace(after[-1], p0=(after[-1].p0[0], 10.0))]
    item.set_segments(gap)
    assert _elements(item.path()) == _elements(CurveSegmentItem(gap, QPen(), 1.0).path())


def test_a_selected_point_follows_its_card_through_edits_and_goes_with_it(emo):  # noqa: F811
    scene, journey, stack = emo.scene, emo.document.journey, emo.document.undo_stack
    at = emo.view.mapFromScene(point_item(emo, "t2").pos())
    QTest.mouseClick(emo.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)  # fmt: skip
    (own,) = own_items(emo)

    def where() -> tuple:
        curve = next(c for c in scene.layout.emotion_curves if c.persona.id == "maya")
        point = next(p for p in curve.points if p.card_id == "t2")
        hiding = [r.stage_index for r in rows(emo) if "t2" in r.hidden]
        return point, hiding

    QTest.keyClick(emo.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # -3 -> -2
    point, hiding = where()
    assert point.score == -2 and own.point == point and own.pos().toTuple() == point.pos
    assert hiding == [point.stage_index] and own.isSelected()
    stage, lane, _ = journey.card_position("t2")
    other = next(s for s in journey.stages.ids() if s != stage)
    emo.document.push(MoveCards(journey, ["t2"], other, lane, 0))
    point, hiding = where()
    assert own.point == point and hiding == [point.stage_index]  # left its old row
    assert own_items(emo) == [own] and own.isSelected()
    emo.document.push(Update(journey, Entity.CARD, "t2", {"emotions": {"omar": -1}}))
    assert own_items(emo) == [] and scene.selected_emotion_points() == []
    assert not any(r.hidden for r in rows(emo))
    stack.undo()  # the score is back, its point in its row (no longer selected)
    assert ("t2", "maya") in {(p.card_id, p.persona_id) for p in scene.emotion_points()}
    assert own_items(emo) == []


def test_a_press_where_two_points_of_a_row_overlap_reaches_them(qapp):
    """Neighbouring cards of one score draw overlapping discs: the stretch both share
    takes a press, a hover and a tooltip as each point's own item did (an even-odd path
    left it out)."""
    from mapper.layout import EmotionPoint
    from mapper.layout.persona_style import styles_by_id
    from mapper.model import Persona

    style = styles_by_id([Persona("p", "P")])["p"]
    points = [EmotionPoint("a", 1, (100.0, 50.0), 0), EmotionPoint("b", 1, (110.0, 50.0), 0)]
    scene = QGraphicsScene()
    row = PointRowItem(points, 0, "p", style, True, 1.0)
    scene.addItem(row)
    between = QPointF(105.0, 50.0)
    assert row.point_at(between) is not None  # what a press there picks
    assert row in scene.items(between)  # and Qt sends the press (and the hover) to the row
    assert row in scene.items(QRectF(between, QSizeF(1, 1)))  # (a view asks for its pixel)


def test_another_personas_point_on_the_neutral_line_has_its_tooltip_beside_ghosts(emo):  # noqa: F811
    """Omar's point of t1 (0) lies on the neutral line between Maya's ghosts: the ghosts'
    row takes the pointer only at a ghost, so the point's row names it."""
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from gui.test_emotion_curve import hover

    scene = emo.scene
    omar = point_item(emo, "t1", "omar")
    at = omar.pos()
    assert at.y() == scene.layout.neutral_y()
    band = next(r for r in scene.ghost_rows() if r.stage_index == omar.point.stage_index)
    assert band.sceneBoundingRect().contains(at)  # among Maya's ghosts, on none of them
    assert band.ghost_at(at.x()) is None
    emo.view.centerOn(at)  # (clear of the lane's header, pinned at the left)
    p = emo.view.mapFromScene(at)
    hover(emo, p + QPoint(0, 40))
    hover(emo, p)
    viewport = emo.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, p, viewport.mapToGlobal(p)))
    assert QToolTip.text() == "Omar · Instagram ad: 0, neutral"
    QToolTip.hideText()
    hover(emo, ghost_at(emo, "a1"))  # a ghost still answers where it is
    assert band.toolTip().startswith("Maya · ")


def test_a_rows_tooltip_goes_when_the_pointer_leaves_its_points(emo):  # noqa: F811
    """Qt shows the tooltip of the first item under the pointer that has one: a row that
    kept its last point's text would name that point over another of its points that an
    item above took the hover from."""
    from gui.test_emotion_curve import hover

    t3 = point_item(emo, "t3")
    row = t3.item()
    hover(emo, emo.view.mapFromScene(t3.pos()))
    assert row.toolTip().startswith("Maya · Store visit")
    hover(emo, emo.view.mapFromScene(t3.pos()) + QPoint(0, 40))  # off its points
    assert row.toolTip() == ""
