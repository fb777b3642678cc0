"""Flows no view shows wait for the turn after the repaint that shows an edit
(``canvas.flows_behind``): what the view shows is up to date at once, and the canvas is the
one a fresh build gives once the event loop turned, or as soon as anything asks for the
items, scrolls or paints where a waiting flow runs."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from factories import synthetic_map
from gui.conftest import settle
from mapper.canvas import flow_layer, flow_tiles
from mapper.canvas import scene as scene_module
from mapper.canvas.scene import JourneyScene
from mapper.canvas.view import JourneyView
from mapper.document import Document
from mapper.edits import MoveCards
from scene_picture import fresh_scene, picture


@pytest.fixture
def shown(map_in_view):
    """A 600-card map in a view showing its top left corner at 100 %."""
    document = Document(synthetic_map(600, seed=2))
    scene, view = map_in_view(document, 900, 600)
    return document, scene, view


def move_far_card_to_the_top(document: Document) -> None:
    """A card far down the first stage moves to the top of the second stage's cell of its
    lane: the cards under it in both cells move, and their flows, most of them off screen."""
    journey = document.journey
    stage, other = journey.stages.ids()[:2]
    lane = journey.lanes.ids()[1]
    card = journey.cards_in_cell(stage, lane)[-3]
    document.push(MoveCards(journey, [card.id], other, lane, 0))


def render_small(scene: JourneyScene) -> None:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 40, 40), QRectF(0, 0, 400, 400))
    painter.end()


def off_screen_flows(scene: JourneyScene, view: JourneyView) -> set[str]:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return {i for i, item in scene._flows.items() if not item.sceneBoundingRect().intersects(shown)}


def test_an_edit_leaves_flows_off_screen_for_the_turn_after_its_repaint(shown):
    document, scene, view = shown
    move_far_card_to_the_top(document)
    behind = set(scene.flows_behind.ids)
    assert len(behind) > 20  # the edit moved many flows no view shows
    routes = scene.layout.routes_by_id()
    shown_rect = view.mapToScene(view.viewport().rect()).boundingRect()
    for flow_id, item in scene._flows.items():
        if flow_id in behind:
            assert item.route is not routes[flow_id]  # it still shows its old route
            assert not item.sceneBoundingRect().intersects(shown_rect)
        else:  # what may show is up to date
            assert item.route is routes[flow_id]
    settle()
    assert not scene.flows_behind
    assert all(scene._flows[i].route is routes[i] for i in behind)
    with fresh_scene(document) as fresh:
        assert picture(scene) == picture(fresh)


@pytest.mark.parametrize(
    "ask",
    [
        lambda scene, view: scene.items(),
        lambda scene, view: scene.flows,
        lambda scene, view: scene.complete(),
        lambda scene, view: render_small(scene),
    ],
    ids=["items", "flows", "complete", "render"],
)
def test_asking_for_the_items_first_brings_every_flow_up_to_date(shown, ask):
    document, scene, view = shown
    move_far_card_to_the_top(document)
    assert scene.flows_behind
    ask(scene, view)
    assert not scene.flows_behind
    routes = scene.layout.routes_by_id()
    assert all(item.route is routes[i] for i, item in scene._flows.items())
    with fresh_scene(document) as fresh:
        assert picture(scene) == picture(fresh)


def test_the_next_edit_starts_from_every_flow_up_to_date(shown, monkeypatch):
    document, scene, _view = shown
    move_far_card_to_the_top(document)
    assert scene.flows_behind
    # the canvas builds on the items showing the layout before the edit (canvas.mirror)
    left_when_synced = []
    sync_flows = scene_module.sync_flows

    def recording(*args, **kwargs):
        left_when_synced.append(len(scene.flows_behind.ids))
        return sync_flows(*args, **kwargs)

    monkeypatch.setattr(scene_module, "sync_flows", recording)
    document.undo_stack.undo()  # before the event loop turned
    assert left_when_synced == [0]
    routes = scene.layout.routes_by_id()
    for flow_id, item in scene._flows.items():
        if flow_id not in scene.flows_behind.ids:  # (those the undo itself left)
            assert item.route is routes[flow_id]
    document.undo_stack.redo()
    settle()
    with fresh_scene(document) as fresh:
        assert picture(scene) == picture(fresh)


def test_a_scroll_before_the_flows_caught_up_paints_them_where_they_are_now(shown, qtbot):
    document, scene, view = shown
    move_far_card_to_the_top(document)
    behind = sorted(scene.flows_behind.ids)
    target = scene.layout.routes_by_id()[behind[0]].curve.p3
    view.centerOn(*target)  # scrolled there before the event loop turned
    assert scene.flows_behind  # (nothing painted yet)
    view.viewport().repaint()
    assert not scene.flows_behind  # the paint brought them up to date first
    assert scene._flows[behind[0]].route is scene.layout.routes_by_id()[behind[0]]


def test_a_selected_flow_never_waits(shown):
    document, scene, _view = shown
    move_far_card_to_the_top(document)
    behind = sorted(scene.flows_behind.ids)
    settle()
    document.undo_stack.undo()
    settle()
    scene._flows[behind[0]].setSelected(True)  # selected off screen (e.g. from the outline)
    document.undo_stack.redo()
    assert behind[0] not in scene.flows_behind.ids
    assert scene._flows[behind[0]].route is scene.layout.routes_by_id()[behind[0]]


def test_a_scene_no_view_shows_updates_every_flow_at_once(shown):
    document, scene, view = shown
    view.hide()
    move_far_card_to_the_top(document)
    assert not scene.flows_behind
    routes = scene.layout.routes_by_id()
    assert all(item.route is routes[i] for i, item in scene._flows.items())


def test_only_flows_off_screen_wait(shown):
    document, scene, view = shown
    move_far_card_to_the_top(document)
    assert scene.flows_behind.ids <= off_screen_flows(scene, view)
    # its area is what the view shows, widened by the margin
    left, top, right, bottom = scene.flows_behind.area
    shown_rect = view.mapToScene(view.viewport().rect()).boundingRect()
    assert QRectF(left, top, right - left, bottom - top).contains(shown_rect)


def test_flows_catching_up_leave_the_tiles_they_never_crossed_drawn(shown, monkeypatch):
    document, scene, view = shown
    monkeypatch.setattr(flow_tiles, "FULL_STROKES", sys.maxsize)  # no tile drawn rough
    move_far_card_to_the_top(document)
    view.viewport().repaint()  # the frame that shows the edit
    item = scene.flow_layer.item
    drawn = {key: tile for key, tile in item._tiles.items() if tile is not None}
    behind = sorted(scene.flows_behind.ids)
    before = [scene._flows[i].extent for i in behind]
    settle()
    assert not scene.flows_behind
    crossed = [*before, *(scene._flows[i].extent for i in behind)]

    def untouched(key) -> bool:
        area = item.tile_area(*key)
        return not any(area.intersects(QRectF(x0, y0, x1 - x0, y1 - y0))
                       for x0, y0, x1, y1 in crossed)  # fmt: skip

    kept = [key for key in drawn if untouched(key)]
    assert kept  # the view's tiles, at least
    # (dropping every tile drew the whole view again, curve by curve, for nothing shown)
    assert all(item._tiles.get(key) is drawn[key] for key in kept)
    # and no tile one of them crossed keeps its old picture, in view or beyond its edge
    assert all(
        item._tiles.get(key) is not tile for key, tile in drawn.items() if not untouched(key)
    )
    assert 2 * len(behind) > flow_layer.DAMAGE_RECTS  # (more than the layer repaints one by one)
