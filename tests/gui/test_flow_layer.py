"""Unselected flows are drawn in bulk by chunks of a FlowLayer; a selected flow paints
itself. What a user sees must not change: the view's pixels are compared with every flow
painting itself."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication, QGraphicsItem

from gui.conftest import synthetic_window
from mapper.canvas.flow_chunks import FlowChunk, extremes, place_of
from mapper.canvas.flow_item import ARROW, _color
from mapper.canvas.flow_tiles import FlowLayerItem
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import MoveCards, Update
from mapper.layout import FlowRoute
from mapper.layout.geometry import Bezier
from mapper.layout.theme import DARK, LIGHT, mix
from mapper.model import Entity
from scene_picture import fresh_scene

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


@pytest.fixture
def big_window(manager, qtbot):
    win = synthetic_window(manager, qtbot, 400, 1200, 800)
    return win


def _look(window, zoom: float, bulk: bool) -> QImage:
    """The viewport at ``zoom``, scrolled a third down the map, with flows in bulk or not,
    once the bulk lines settled (a view with many curves draws some in one-pixel lines
    first and in full on the next turns: one tile of this view was still rough at the
    grab on some machines, 99 levels off along its lines)."""
    view, scene = window.view, window.scene
    scene.draw_flows_in_bulk(bulk)
    view.set_zoom(zoom)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    QApplication.processEvents()
    layer = scene.flow_layer
    for _ in range(100):
        view.viewport().repaint()
        if not bulk or layer is None or not layer.item.rough:
            break
        QApplication.processEvents()
    assert not bulk or not layer.item.rough, "the lines never settled"
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("zoom", [0.7, 1.5])  # a one-pixel pen, a wider one
def test_flows_drawn_in_bulk_look_as_each_drawn_by_itself(big_window, zoom):
    scene = big_window.scene
    own = _look(big_window, zoom, bulk=False)
    assert not any(isinstance(item, FlowLayerItem) for item in scene.items())
    assert all(not f.flags() & NO_CONTENTS for f in scene.flows.values())
    bulk = _look(big_window, zoom, bulk=True)
    assert any(isinstance(item, FlowLayerItem) for item in scene.items())
    assert own != _blank(own)
    # flows are drawn into tiles first and the tiles onto the view: a channel may round
    # differently by a level or two out of 255
    largest, share = _difference(bulk, own)
    assert largest <= 4 and share < 0.02


def _blank(like: QImage) -> QImage:
    image = QImage(like.size(), like.format())
    image.fill(0xFFFFFFFF)
    return image


def _difference(a: QImage, b: QImage) -> tuple[int, float]:
    """The largest difference of a channel, and the share of channels that differ."""
    assert a.size() == b.size() and a.format() == b.format()
    left, right = bytes(a.constBits()), bytes(b.constBits())
    differences = [abs(x - y) for x, y in zip(left, right, strict=True) if x != y]
    return max(differences, default=0), len(differences) / len(left)


def test_a_selected_flow_paints_itself_and_goes_back_when_deselected(big_window):
    scene = big_window.scene
    flow = next(iter(scene.flows.values()))
    layer = scene.flow_layer
    assert flow.layer is layer and flow.flags() & NO_CONTENTS
    flow.setSelected(True)
    QApplication.processEvents()
    assert flow.layer is None and not flow.flags() & NO_CONTENTS
    assert all(flow not in chunk.flows for chunk in layer.chunks.values())
    scene.clearSelection()
    QApplication.processEvents()
    assert flow.layer is layer and flow.flags() & NO_CONTENTS
    assert all(flow in layer.chunks[key].flows for key in flow.layer_keys)


def test_flows_in_bulk_still_answer_the_pointer(big_window):
    scene = big_window.scene
    flow = next(f for f in scene.flows.values() if f.route.flow.source in scene.cards)
    x, y = flow.route.label_at  # on the curve
    hit = scene.items(QPointF(x, y))
    assert flow in hit
    assert not any(isinstance(item, FlowLayerItem) for item in hit)  # chunks never are


def test_an_image_export_draws_each_flow_itself(big_window):
    scene = big_window.scene
    scene.set_item_caching(False)  # what the PNG and SVG export do
    assert scene.flow_layer is None
    assert not any(isinstance(item, FlowLayerItem) for item in scene.items())
    assert all(f.layer is None and not f.flags() & NO_CONTENTS for f in scene.flows.values())
    scene.set_item_caching(True)
    assert all(f.layer is scene.flow_layer for f in scene.flows.values())


def test_pixels_under_the_sticky_headers_are_left_out_of_flows(big_window):
    view = big_window.view
    view.set_zoom(0.7)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # stage names pinned over the flows
    QApplication.processEvents()
    hidden = view.under_headers()
    stage = next(iter(big_window.scene.stage_headers.values()))
    band = view.mapFromScene(stage.sceneBoundingRect()).boundingRect()
    assert hidden.contains(band.center())
    strip = band.adjusted(0, 0, 0, 60)  # the headers and what scrolled in under them
    rects = view.flow_rects(QRegion(strip))
    assert rects and not any(hidden.intersects(rect) for rect in rects)
    # and nothing shows differently for it
    shown = view.viewport().grab().toImage()
    view.under_headers = QRegion  # leave nothing out
    view.viewport().update()
    QApplication.processEvents()
    assert view.viewport().grab().toImage() == shown


class _Flow:
    """What a chunk reads of a flow: its extent and its curve's tip."""

    def __init__(self, left: float, top: float, right: float, bottom: float) -> None:
        self.extent = (left, top, right, bottom)
        self.route = SimpleNamespace(curve=SimpleNamespace(p3=(right, bottom)))


class _Counted(dict):
    walks = 0

    def __iter__(self):
        _Counted.walks += 1
        return super().__iter__()

    def values(self):
        _Counted.walks += 1
        return super().values()


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_unselected_flows_are_drawn_opaque_in_their_colour_over_the_canvas(theme):
    # a translucent antialiased stroke takes Qt many times as long as an opaque one
    drawn = _color(False, theme)
    assert drawn.alpha() == 255
    shown = mix(theme.flow, theme.background, 170 / 255)  # as it looked translucent
    assert drawn.name() == shown


def test_a_tile_strokes_only_the_curves_that_reach_it():
    chunk = FlowChunk(False)
    near, far, across = _Flow(0, 0, 100, 50), _Flow(600, 0, 700, 50), _Flow(-50, 40, 900, 60)
    for flow in (near, far, across):
        chunk.put(flow)
    chunk.refresh()
    assert chunk.reaching((0.0, 0.0, 512.0, 512.0)) == [near, across]
    assert chunk.reaching((520.0, 0.0, 1000.0, 512.0)) == [far, across]


@pytest.mark.parametrize("arrows", [False, True])
def test_a_chunk_keeps_its_bounds_as_flows_come_and_go(arrows):
    chunk = FlowChunk(arrows)
    chunk.flows = _Counted()
    _Counted.walks = 0
    wide, small, inner = _Flow(0, 0, 100, 50), _Flow(0, 0, 10, 5), _Flow(10, 10, 60, 30)
    far = _Flow(5, 40, 300, 400)
    m = ARROW + 1 if arrows else 0
    x0, y0 = (10, 5) if arrows else (0, 0)  # the tips' corner, or the curves'

    def bounds(x1: float, y1: float) -> tuple[float, ...]:
        return (x0 - m, y0 - m, x1 + m, y1 + m)

    for flow in (wide, small, inner):
        chunk.put(flow)
    chunk.refresh()
    assert chunk.boundingRect().getCoords() == bounds(100, 50)
    chunk.put(far)  # a flow that reaches further widens the bounds
    chunk.take(inner)  # one strictly inside them goes: they stay
    chunk.refresh()
    assert chunk.boundingRect().getCoords() == bounds(300, 400)
    assert _Counted.walks == 0  # worked out without a walk over the chunk's flows
    chunk.take(far)  # one on an edge goes: worked out again from the others
    chunk.refresh()
    assert chunk.boundingRect().getCoords() == bounds(100, 50)
    assert _Counted.walks == 1


def test_flows_that_stay_in_their_chunk_keep_its_bounds_without_a_walk():
    """A row moved down: its flows stay in their chunks, those on the left edge still
    on it, so the chunk's bounds are worked out from the extremes kept; flows that leave
    an edge make them worked out again from the flows."""
    chunk = FlowChunk(False)
    chunk.flows = _Counted()
    _Counted.walks = 0
    edge, other, low = _Flow(0, 10, 100, 50), _Flow(20, 0, 60, 30), _Flow(10, 20, 90, 40)
    for flow in (edge, other, low):
        chunk.put(flow)
    chunk.refresh()
    was = extremes([edge.extent, low.extent])
    edge.extent, low.extent = (0, 40, 100, 80), (10, 50, 90, 70)  # down, as a group
    now = [edge.extent, low.extent]
    chunk.moved([edge, low], now, was, extremes(now))
    chunk.refresh()
    assert chunk.boundingRect().getCoords() == (0, 0, 100, 80)
    assert _Counted.walks == 0
    assert list(dict.keys(chunk.flows)) == [edge, other, low]  # drawn in the same order
    was = extremes([edge.extent])
    edge.extent = (30, 40, 50, 45)  # off the left, right and bottom edges
    chunk.moved([edge], [edge.extent], was, extremes([edge.extent]))
    chunk.refresh()
    assert chunk.boundingRect().getCoords() == (10, 0, 90, 70)
    assert _Counted.walks == 1
    assert chunk.flows[edge] == (30, 40, 50, 45)  # the place it is filed with now


def test_flows_leave_and_join_chunks_as_groups():
    """Flows filed elsewhere leave their chunk and join another in one go each: the
    chunks' bounds follow without a walk unless the flows that left held an edge."""
    here, there = FlowChunk(False), FlowChunk(False)
    here.flows, there.flows = _Counted(), _Counted()
    _Counted.walks = 0
    a, b, c = _Flow(0, 0, 100, 100), _Flow(10, 10, 20, 20), _Flow(30, 30, 40, 40)
    d = _Flow(500, 500, 600, 600)
    for flow in (a, b, c):
        here.put(flow)
    there.put(d)
    here.refresh()
    there.refresh()
    was = extremes([b.extent, c.extent])
    b.extent, c.extent = (510, 520, 530, 540), (700, 650, 710, 660)
    here.went([b, c], was)  # strictly inside: the bounds hold
    there.came([b, c], [b.extent, c.extent], extremes([b.extent, c.extent]))
    here.refresh()
    there.refresh()
    assert _Counted.walks == 0
    assert list(dict.keys(here.flows)) == [a] and list(dict.keys(there.flows)) == [d, b, c]
    assert here.boundingRect().getCoords() == (0, 0, 100, 100)
    assert there.boundingRect().getCoords() == (500, 500, 710, 660)
    there.went([c], extremes([c.extent]))  # on the right and bottom edges: a walk
    there.refresh()
    assert there.boundingRect().getCoords() == (500, 500, 600, 600)
    assert _Counted.walks == 1


def _moved(route: FlowRoute, dy: float) -> FlowRoute:
    c = route.curve
    return FlowRoute(route.flow, Bezier(*((x, y + dy) for x, y in (c.p0, c.c1, c.c2, c.p3))))


def _assert_filed_as_built_afresh(layer) -> None:
    """Each flow is in the chunks its place files it in now, at that place (measured from
    the top of its chunk's row), and each chunk's bounds are those of a chunk built from
    its flows as they are."""
    for key, chunk in layer.chunks.items():
        assert chunk.origin == layer.rows.origins.get(key[1], 0.0)
        fresh = FlowChunk(chunk.arrows, chunk.origin)
        for flow in chunk.flows:
            assert key in flow.layer_keys
            assert chunk.flows[flow] == place_of(flow, chunk.arrows, chunk.origin)
            fresh.put(flow)
        fresh.refresh()
        assert chunk.boundingRect() == fresh.boundingRect()


def test_flows_moved_twice_or_dropped_within_one_batch_are_filed_where_they_end(qapp):
    document = Document(make_map(60))
    scene = JourneyScene(document)
    try:
        layer = scene.flow_layer
        flows = list(scene.flows.values())
        twice, dropped, once = flows[:3]
        with layer.batch():
            once.take_route(_moved(once.route, 9000))  # into other chunks
            twice.take_route(_moved(twice.route, 20000))
            twice.take_route(_moved(twice.route, -15000))  # and on again
            dropped.take_route(_moved(dropped.route, 30000))
            dropped.set_layer(None)  # selected: it paints itself
        assert all(dropped not in chunk.flows for chunk in layer.chunks.values())
        for flow in (twice, once):
            assert all(flow in layer.chunks[key].flows for key in flow.layer_keys)
        assert sum(twice in chunk.flows for chunk in layer.chunks.values()) == 2
        _assert_filed_as_built_afresh(layer)
    finally:
        scene.detach()


def test_within_a_batch_a_moved_flow_is_where_its_keys_say_until_it_is_filed_once(qapp):
    """Flows moved within a batch stay in the chunks their keys name (those they were
    filed in) until the batch ends, and are then filed once, where they end."""
    document = Document(make_map(60))
    scene = JourneyScene(document)
    try:
        layer = scene.flow_layer
        flows = list(scene.flows.values())[:20]
        filed = {flow: flow.layer_keys for flow in flows}
        with layer.batch():
            for flow in flows:
                flow.take_route(_moved(flow.route, 20000))  # into other chunks
            for flow in flows[:5]:
                flow.take_route(_moved(flow.route, -9000))  # and on again
            for flow in flows:
                assert flow.layer_keys == filed[flow]
                assert all(flow in layer.chunks[key].flows for key in flow.layer_keys)
        for flow in flows:
            assert flow.layer_keys != filed[flow]
            assert sum(flow in chunk.flows for chunk in layer.chunks.values()) == 2
        _assert_filed_as_built_afresh(layer)
    finally:
        scene.detach()


def _visible_card(window) -> str:
    """A card in the middle of the view with flows, above other cards of its cell."""
    scene, view = window.scene, window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    journey = scene.journey
    sources = {flow.source for flow in journey.flows()}
    for card_id, item in scene.cards.items():
        stage, lane, index = journey.card_position(card_id)
        below = journey.cards_in_cell(stage, lane)[index + 1 :]
        if card_id in sources and below and shown.contains(item.sceneBoundingRect()):
            return card_id
    raise AssertionError("no card in view")


@pytest.mark.parametrize("edit", ["title", "move", "paste", "paste undone"])
def test_flows_an_edit_moves_are_drawn_again_where_they_were_and_are(big_window, edit, monkeypatch):
    """The tiles the flows were drawn into are kept while the zoom stays: those an edit's
    flows left or reached are drawn again. A longer title moves a few flows (the tiles
    where they were and are go), a card moved to another stage many (all tiles go), a
    paste far above them moves the rows below down and their flows' chunks with them
    (and its undo back up). Each flow's and chunk's old and new place is drawn again
    however many there are (not the whole view, as past DAMAGE_RECTS of them)."""
    import mapper.canvas.flow_layer as flow_layer

    monkeypatch.setattr(flow_layer, "DAMAGE_RECTS", 10**9)
    from mapper.edits import Composite, Insert
    from mapper.model import Card

    scene = big_window.scene
    before = _look(big_window, 0.7, bulk=True)  # the tiles drawn and kept
    card_id = _visible_card(big_window)
    journey = scene.journey
    if edit == "title":
        scene.document.push(Update(journey, Entity.CARD, card_id, {"title": "Longer, " * 40}))
    elif edit.startswith("paste"):  # under the cards of the map's first cell, above the view
        stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
        end = len(journey.cards_in_cell(stage, lane))  # no card there moves
        scene.document.push(Composite(journey, "Paste", [
            Insert(journey, Entity.CARD, end + i, Card(f"pasted-{i}", stage, lane, "Pasted"))
            for i in range(30)
        ]))  # fmt: skip
        if edit == "paste undone":
            before = _look(big_window, 0.7, bulk=True)  # drawn with the paste, kept
            scene.document.undo_stack.undo()
    else:
        stage, lane, _ = journey.card_position(card_id)
        other = next(s for s in journey.stages.ids() if s != stage)
        scene.document.push(MoveCards(journey, [card_id], other, lane, 0))
    bulk = _look(big_window, 0.7, bulk=True)  # the tiles kept, but those of what moved
    own = _look(big_window, 0.7, bulk=False)  # every flow drawn by itself, as it is now
    assert _difference(bulk, before)[1] > 0.001  # the edit changed what shows
    largest, share = _difference(bulk, own)
    print("DIFF", largest, share)
    assert largest <= 4 and share < 0.02


def _chunks(scene: JourneyScene) -> dict:
    """The layer's chunks: their flows and bounds (to a millionth: a chunk moved with its
    row adds the row's move to where its flows were, which rounds in the last bits)."""
    return {
        key: (
            sorted(flow.flow_id for flow in chunk.flows),
            tuple(round(v, 6) for v in chunk.boundingRect().getRect()),
        )
        for key, chunk in scene.flow_layer.chunks.items()
    }


def test_rows_a_paste_moves_take_their_flows_chunks_along(qapp, monkeypatch):
    """Cards pasted at the top of a cell push the rows below down: the chunks of those
    rows move with them (drawn again where they were and are), and their flows that
    moved alike stay filed as they were (not refiled one by one); after the paste, its
    undo and its redo the layer is as one built from scratch."""
    import mapper.canvas.flow_layer as flow_layer

    monkeypatch.setattr(flow_layer, "DAMAGE_RECTS", 10**9)  # each place, not everything
    from mapper.edits import Composite, Insert
    from mapper.model import Card

    journey = make_map(200)
    document = Document(journey)
    scene = JourneyScene(document)
    stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
    paste = Composite(journey, "Paste", [
        Insert(journey, Entity.CARD, 0, Card(f"pasted-{i}", stage, lane, "Pasted"))
        for i in range(12)
    ])  # fmt: skip
    try:
        layer = scene.flow_layer
        for step in (lambda: document.push(paste), document.undo_stack.undo,
                     document.undo_stack.redo):  # fmt: skip
            filed = {flow: flow.layer_keys for flow in scene.flows.values()}
            origins = dict(layer.rows.origins)
            was = {key: chunk.boundingRect() for key, chunk in layer.chunks.items()}
            before = scene.layout
            forgotten: list = []
            monkeypatch.setattr(layer.item, "forget", forgotten.append)
            step()
            _, shifts = scene.layout.shifts_since(before)
            assert len(shifts) > 50  # flows between rows that moved down (or up) alike
            for flow_id in shifts:
                flow = scene.flows[flow_id]
                assert flow.layer_keys is filed[flow]  # not refiled
                for key in flow.layer_keys:
                    assert layer.chunks[key].origin != origins[key[1]]  # its row moved
                    assert flow in layer.chunks[key].flows
                    assert was[key] in forgotten and layer.chunks[key].boundingRect() in forgotten
            with fresh_scene(document) as fresh:
                assert _chunks(scene) == _chunks(fresh)
    finally:
        scene.detach()
