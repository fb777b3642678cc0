"""A flow whose two cards moved alike (a row moved down whole) is moved on the canvas, not
built again: its bounds, label and chunks follow by the offset, and it looks and answers
the pointer exactly as a flow built for its new route does."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF

from mapper.canvas import flow_item
from mapper.canvas.painting import qrect
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Update
from mapper.layout.routes import bezier_point
from mapper.model import Entity

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map

CLOSE = 1e-6  # a moved curve is the old one plus the offset: the last bits may differ


def _grow_first_row(scene: JourneyScene) -> None:
    """A longer title for the tallest cell's first card of the first lane: every row
    below moves down."""
    journey, layout = scene.journey, scene.layout
    lane_id = layout.lanes[0].lane.id
    tallest = max(
        (s.stage.id for s in layout.stages if journey.cards_in_cell(s.stage.id, lane_id)),
        key=lambda s: layout.cards[journey.cards_in_cell(s, lane_id)[-1].id].rect.bottom,
    )
    card = journey.cards_in_cell(tallest, lane_id)[0]
    scene.document.push(Update(journey, Entity.CARD, card.id, {"title": "Longer, " * 12}))


def _pasted_at_the_top() -> tuple[Document, JourneyScene]:
    """A 400-card map on a canvas, 12 cards pasted at the top of its first cell (its
    undo and redo move the rows below and their flows)."""
    from mapper.edits import Composite, Insert
    from mapper.model import Card

    document = Document(make_map(400, seed=3))
    scene = JourneyScene(document)
    journey = document.journey
    stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
    document.push(Composite(journey, "Paste", [
        Insert(journey, Entity.CARD, 0, Card(f"pasted-{i}", stage, lane, "Pasted"))
        for i in range(12)
    ]))  # fmt: skip
    return document, scene


def _near(a: QRectF, b: QRectF) -> bool:
    return all(abs(x - y) <= CLOSE for x, y in zip(a.getRect(), b.getRect(), strict=True))


def test_flows_that_moved_whole_are_moved_and_match_a_fresh_canvas(qapp, monkeypatch):
    document = Document(make_map(400, seed=3))
    scene = JourneyScene(document)
    fresh = None
    try:
        before = scene.layout
        measured: list[object] = []
        real = flow_item.bezier_bounds
        monkeypatch.setattr(
            flow_item, "bezier_bounds", lambda curve: (measured.append(curve), real(curve))[1]
        )
        _grow_first_row(scene)
        monkeypatch.undo()
        found = scene.layout.shifts_since(before)
        assert found is not None
        rerouted, shifts = found
        assert len(shifts) > 50
        moved = [scene.flows[i].route.curve for i in shifts]
        assert not any(curve in measured for curve in moved)  # moved, not measured again
        assert len(measured) <= len(rerouted) - len(shifts)

        fresh = JourneyScene(document)
        hits = 0
        for flow_id in shifts:
            ours, theirs = scene.flows[flow_id], fresh.flows[flow_id]
            assert _near(ours.boundingRect(), theirs.boundingRect())
            assert all(abs(a - b) <= CLOSE for a, b in zip(ours.extent, theirs.extent, strict=True))
            assert ours.layer_keys == theirs.layer_keys
            if theirs.label is not None:  # where the labels' layout put it (a label the
                # edit did not disturb moves along with its flow, a fresh one may differ)
                placed = scene._labels[flow_id]
                assert ours.label is not None and ours.label.rect == qrect(placed.rect)
                assert ours.label.text == (placed.text if placed.clear else "")
            # the pointer finds it where a fresh one is found, and not off it
            for t in (0.1, 0.5, 0.9):
                x, y = bezier_point(theirs.route.curve, t)
                for dx, dy in ((0, 0), (0, 4), (7, 0), (0, 12)):
                    point = QPointF(x + dx, y + dy)
                    assert ours.contains(point) == theirs.contains(point)
                    hits += ours.contains(point)
        assert hits > 0
        for key, chunk in fresh.flow_layer.chunks.items():
            ours = scene.flow_layer.chunks[key]
            assert set(f.flow_id for f in ours.flows) == set(f.flow_id for f in chunk.flows)
            assert _near(ours.boundingRect(), chunk.boundingRect())
        assert set(scene.flow_layer.chunks) == set(fresh.flow_layer.chunks)
        # the scene's item index follows: items found at a moved flow's middle
        flow_id = next(iter(shifts))
        x, y = bezier_point(scene.flows[flow_id].route.curve, 0.5)
        assert scene.flows[flow_id] in scene.items(QPointF(x, y))
    finally:
        scene.detach()
        if fresh is not None:
            fresh.detach()


def test_labels_carried_along_keep_their_text_and_tooltip_without_asking_again(qapp, monkeypatch):
    """A row that grew moves the labels of the flows below it: each label item takes its
    new place, and keeps its text and tooltip (the same label elsewhere) without asking
    Qt for its tooltip again; it shows what a fresh canvas shows."""
    document = Document(make_map(400, seed=3))
    scene = JourneyScene(document)
    fresh = None
    try:
        asked: list[object] = []
        real = flow_item.FlowLabelItem.toolTip
        monkeypatch.setattr(
            flow_item.FlowLabelItem, "toolTip", lambda item: (asked.append(item), real(item))[1]
        )
        before = {i: QRectF(item.label.rect) for i, item in scene.flows.items() if item.label}
        _grow_first_row(scene)
        monkeypatch.undo()
        moved = [
            i for i, item in scene.flows.items() if item.label and item.label.rect != before[i]
        ]
        assert len(moved) > 5
        assert not any(scene.flows[i].label in asked for i in moved)
        fresh = JourneyScene(document)
        for flow_id in moved:
            ours, theirs = scene.flows[flow_id].label, fresh.flows[flow_id].label
            assert ours is not None and theirs is not None
            placed = scene._labels[flow_id]
            assert ours.rect == qrect(placed.rect)
            assert ours.boundingRect() == ours.rect.adjusted(-1, -1, 1, 1)
            assert ours.text == theirs.text and ours.toolTip() == theirs.toolTip()
    finally:
        scene.detach()
        if fresh is not None:
            fresh.detach()


def test_a_flows_tooltip_follows_its_label(qapp):
    from factories import sample_map

    document = Document(sample_map())
    scene = JourneyScene(document)
    try:
        journey = document.journey
        flow_id = next(f.id for f in journey.flows() if not f.label)
        assert scene.flows[flow_id].toolTip() == ""
        for label in ("after the call", "", "next"):
            document.push(Update(journey, Entity.FLOW, flow_id, {"label": label}))
            assert scene.flows[flow_id].toolTip() == label
    finally:
        scene.detach()


def test_the_collector_waits_while_the_canvas_follows_an_edit(qapp, monkeypatch):
    """An edit of a big map makes thousands of boxes and routes at once, all kept: the
    garbage collector walks them once afterwards, not again and again meanwhile."""
    import gc

    from factories import sample_map

    gc.enable()
    document = Document(sample_map())
    scene = JourneyScene(document)
    seen: list[bool] = []
    real = scene.sync
    monkeypatch.setattr(
        scene, "sync", lambda force=True: (seen.append(gc.isenabled()), real(force))
    )
    try:
        journey = document.journey
        card = next(iter(journey.cards()))
        document.push(Update(journey, Entity.CARD, card.id, {"title": "Longer, " * 6}))
        assert seen == [False]
        assert gc.isenabled()  # and runs again once it is done
    finally:
        scene.detach()


def test_flows_take_their_new_bounds_in_place(qapp, monkeypatch):
    """An undo or redo of a paste moves thousands of flows (routed again, or moved with
    their rows): each item sets its own bounds rectangle anew, none is made per flow
    (making one cost more than the rest of moving the flow)."""
    document, scene = _pasted_at_the_top()
    made: list[tuple] = []
    monkeypatch.setattr(flow_item, "QRectF", lambda *args: (made.append(args), QRectF(*args))[1])
    try:
        for step in (document.undo_stack.undo, document.undo_stack.redo):
            before = scene.layout
            step()
            rerouted, shifts = scene.layout.shifts_since(before)
            assert len(shifts) > 50 and len(rerouted) > len(shifts)
            assert made == []
        monkeypatch.undo()
        fresh = JourneyScene(document)
        try:
            for flow_id, ours in scene.flows.items():
                assert _near(ours.boundingRect(), fresh.flows[flow_id].boundingRect())
        finally:
            fresh.detach()
    finally:
        scene.detach()


def test_flow_labels_take_their_new_places_in_place(qapp):
    """Hundreds of labels move with their flows when a paste is undone or redone on a big
    map: each label item sets its rectangle and bounds anew (making two per label cost
    more than the rest of placing it), and shows where the layout placed the label."""
    document, scene = _pasted_at_the_top()
    try:
        for step in (document.undo_stack.undo, document.undo_stack.redo):
            kept = {i: (f.label, f.label.rect, f.label.boundingRect())
                    for i, f in scene.flows.items() if f.label}  # fmt: skip
            was = {i: QRectF(rect) for i, (_, rect, _) in kept.items()}
            step()
            moved = [i for i, (label, rect, bounds) in kept.items() if rect != was[i]]
            assert len(moved) > 5
            for flow_id, (label, rect, bounds) in kept.items():
                assert label.rect is rect and label.boundingRect() is bounds
                assert rect == qrect(scene._labels[flow_id].rect)
                assert bounds == rect.adjusted(-1, -1, 1, 1)
    finally:
        scene.detach()


def test_a_flow_taken_off_the_layer_is_drawn_again_where_it_was(qapp, monkeypatch):
    """A flow the layer stops drawing, and which then takes another route in the same
    batch, has the tiles where the layer drew it drawn again: the layer keeps where the
    flow was, not the flow's own bounds rectangle (which the flow sets in place)."""
    from factories import sample_map

    scene = JourneyScene(Document(sample_map()))
    try:
        layer = scene.flow_layer
        flow = next(iter(scene.flows.values()))
        drawn = QRectF(flow.boundingRect())
        forgotten: list[QRectF] = []
        monkeypatch.setattr(layer.item, "forget", lambda rect=None: forgotten.append(rect))
        curve = flow.route.curve
        moved = type(curve)(
            *((x + 300.0, y + 200.0) for x, y in (curve.p0, curve.c1, curve.c2, curve.p3))
        )
        with layer.batch():
            flow.set_layer(None)  # (selected: it paints itself)
            flow.take_route(type(flow.route)(flow.route.flow, moved))
        assert flow.boundingRect() != drawn
        assert any(rect is not None and rect == drawn for rect in forgotten)
    finally:
        scene.detach()
