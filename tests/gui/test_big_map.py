"""A big map opens without per-item waste. These tests count what the canvas builds and
touches; how long it takes is measured by bench/bench_open_big.py, not here."""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from mapper.canvas.card_item import CardItem, ConnectorHandle
from mapper.canvas.flow_item import HIT, FlowItem, FlowLabelItem, far_from
from mapper.canvas.scene import BSP_DEPTH
from mapper.document import Document
from mapper.layout.geometry import bezier_bounds

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map


@pytest.fixture
def big_window(manager, qtbot):
    win = manager.show(Document(make_map(600)))
    win.resize(1400, 900)
    win.view.set_zoom(0.7)  # before the flows come: any paint of them is at this zoom
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.scene.pending)
    QApplication.processEvents()
    assert abs(win.view.transform().m11() - 0.7) < 1e-9
    return win


def test_one_item_per_card_and_flow_and_no_idle_extras(big_window):
    journey = big_window.document.journey
    counts = Counter(type(item) for item in big_window.scene.items())
    assert counts[CardItem] == journey.card_count() == 600
    assert counts[FlowItem] == len(journey.flows())
    # label items only for labelled flows; a card's flow handle only once it shows
    assert counts[FlowLabelItem] == sum(1 for f in journey.flows() if f.label.strip())
    assert counts[ConnectorHandle] == 0
    card = next(iter(big_window.scene.cards.values()))
    card.setSelected(True)
    assert card.handle is not None and card.handle.isVisible()
    card.setSelected(False)
    assert not card.handle.isVisible()


def test_the_item_index_stays_shallow(big_window):
    """Qt deepens its index with the item count; long flows are filed in every leaf they
    cross, which took over a gigabyte at 20,000 cards."""
    assert big_window.scene.bspTreeDepth() == BSP_DEPTH <= 10


def test_flow_curves_are_built_when_first_painted(big_window):
    """Unselected flows are drawn in bulk into tiles of the view: only chunks that reach a
    tile drawn so far build their painting, and the flows themselves build nothing at this
    zoom."""
    scene = big_window.scene
    flows = list(scene.flows.values())
    assert all(f.layer is scene.flow_layer for f in flows)
    assert all(f._path is None for f in flows)
    layer = scene.flow_layer.item
    drawn = [layer.tile_area(i, j) for i, j in layer._tiles]
    assert drawn
    chunks = scene.flow_layer.chunks.values()
    heads = {f: chunk for chunk in chunks if chunk.arrows for f in chunk.flows}
    with_heads = [f for f in flows if f._arrow is not None]
    assert with_heads and len(with_heads) < len(flows) / 2
    assert all(any(heads[f].boundingRect().intersects(area) for area in drawn) for f in with_heads)
    curves = [c for c in chunks if not c.arrows]
    assert curves and all(
        c._path is not None for c in curves if any(c.boundingRect().intersects(a) for a in drawn)
    )


def test_hovering_over_many_flows_measures_the_curves(big_window):
    """Every move asks each flow whose bounds hold the pointer whether it is hit: stroking
    each one's outline for that took a second mid-map on a 20,000-card map."""
    view, scene = big_window.view, big_window.scene
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    viewport = view.viewport()
    flow = next(f for f in scene.flows.values() if f.route.flow.source in scene.cards)
    x, y = flow.route.label_at  # on the curve
    hit = scene.items(QPointF(x, y))
    assert flow in hit
    candidates = 0
    for i in range(12):
        point = QPointF(40 + i * 53, viewport.height() / 2 + i * 9)
        scene_point = view.mapToScene(point.toPoint())
        candidates += sum(
            1 for f in scene.flows.values() if f.sceneBoundingRect().contains(scene_point)
        )
        QTest.mouseMove(viewport, point.toPoint())
    assert candidates > 12  # flows crossed the pointer's path
    assert all(f._shape is None for f in scene.flows.values())


def test_a_selection_change_touches_only_the_cards_it_changes(big_window):
    scene = big_window.scene
    touched: list[str] = []
    for item in scene.cards.values():
        item.refresh_handle = lambda item=item: touched.append(item.card_id)
    first, second = list(scene.cards)[:2]
    scene.select_ids([first])
    assert touched == [first]
    touched.clear()
    scene.select_ids([second])
    assert sorted(touched) == sorted([first, second])


def test_a_repaint_of_separate_strips_clips_flows_strip_by_strip(big_window):
    view = big_window.view
    top, bottom = QRect(300, 200, 600, 40), QRect(300, 500, 600, 90)  # clear of headers
    assert view.flow_rects(QRegion(top)) is None  # one rectangle: as it is
    assert view.flow_rects(QRegion(top).united(QRegion(bottom))) == [top, bottom]


def test_flows_clipped_strip_by_strip_look_as_clipped_to_both(big_window):
    """A scroll repaints two strips (the new one and the sticky headers); flows are drawn
    into each on its own, which must give the pixels one clip to both strips gives."""
    scene = big_window.scene
    strips = [QRect(0, 0, 700, 40), QRect(0, 420, 700, 90)]
    transform = QTransform(0.7, 0, 0, 0.7, -20, -2000)
    seen = transform.inverted()[0].mapRect(QRectF(0, 0, 700, 510))
    flows = [f for f in scene.flows.values() if f.sceneBoundingRect().intersects(seen)]
    assert len(flows) > 50

    def paint(separately: bool) -> QImage:
        image = QImage(700, 510, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setClipRegion(QRegion(strips[0]).united(QRegion(strips[1])))
        scene.paint_rects = strips if separately else None
        for flow in flows:
            painter.save()
            painter.setTransform(transform)
            flow.paint(painter, QStyleOptionGraphicsItem(), big_window.view.viewport())
            painter.restore()
        painter.end()
        scene.paint_rects = None
        return image

    together, separately = paint(False), paint(True)
    assert together == separately
    assert together.pixel(0, 0) == 0xFFFFFFFF and together != _blank(together)


def _blank(like: QImage) -> QImage:
    image = QImage(like.size(), like.format())
    image.fill(0xFFFFFFFF)
    return image


def test_the_quick_test_for_a_far_pointer_never_misses_a_flow(big_window):
    """Hover asks thousands of flows; most are answered by a cheap test of the curve's
    stretch level with the pointer. It may only say no where the curve is truly farther."""
    rng = random.Random(7)
    said_no = tried = 0
    for flow in list(big_window.scene.flows.values())[:100]:
        curve = flow.route.curve
        samples = [_at(curve, k / 1000) for k in range(1001)]
        left, top, right, bottom = bezier_bounds(curve)
        for _ in range(20):
            x, y = rng.uniform(left - 9, right + 9), rng.uniform(top - 9, bottom + 9)
            tried += 1
            if far_from(curve, x, y, HIT):
                said_no += 1
                nearest = min(max(abs(px - x), abs(py - y)) for px, py in samples)
                assert nearest > HIT - 0.5  # samples a fraction of a pixel apart
    assert said_no > tried / 20  # it answers some (most on a tall map)


def _at(curve, t: float) -> tuple[float, float]:
    mt = 1 - t
    a, b, c, d = mt**3, 3 * mt * mt * t, 3 * mt * t * t, t**3
    return (
        a * curve.p0[0] + b * curve.c1[0] + c * curve.c2[0] + d * curve.p3[0],
        a * curve.p0[1] + b * curve.c1[1] + c * curve.c2[1] + d * curve.p3[1],
    )
