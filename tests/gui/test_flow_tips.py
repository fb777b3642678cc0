"""A flow routed again whose arrow's tip stayed (its target card stayed: about half of
those an edit routes again) keeps its arrow filed where it is in the flow layer; only
its curve is filed again."""

from __future__ import annotations

import sys
from pathlib import Path

from gui.test_flow_layer import _assert_filed_as_built_afresh, _moved
from mapper.canvas.flow_chunks import FlowChunk
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.layout import FlowRoute
from mapper.layout.geometry import Bezier

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map


def _source_moved(route: FlowRoute, dy: float) -> FlowRoute:
    """``route`` with its start (its source card's end) moved down by ``dy``."""
    c = route.curve
    return FlowRoute(
        route.flow, Bezier((c.p0[0], c.p0[1] + dy), (c.c1[0], c.c1[1] + dy), c.c2, c.p3)
    )


def _refreshed(monkeypatch) -> list[FlowChunk]:
    """The chunks refreshed from now on, in order."""
    seen: list[FlowChunk] = []
    real = FlowChunk.refresh

    def refresh(chunk: FlowChunk) -> None:
        seen.append(chunk)
        real(chunk)

    monkeypatch.setattr(FlowChunk, "refresh", refresh)
    return seen


def test_an_arrow_whose_tip_stayed_is_not_filed_again(qapp, monkeypatch):
    scene = JourneyScene(Document(make_map(60)))
    try:
        layer = scene.flow_layer
        flow = next(iter(scene.flows.values()))
        curve_key, arrow_key = flow.layer_keys
        arrows = layer.chunks[arrow_key]
        tip = arrows.flows[flow]
        refreshed = _refreshed(monkeypatch)
        flow.take_route(_source_moved(flow.route, 40))
        assert layer.chunks[curve_key] in refreshed  # its curve was filed again
        assert arrows not in refreshed
        assert flow.layer_keys[1] == arrow_key and arrows.flows[flow] == tip
        _assert_filed_as_built_afresh(layer)
    finally:
        scene.detach()


def test_an_arrow_moved_earlier_in_a_batch_is_filed_where_its_tip_ends(qapp):
    """Its tip stayed in its second move, not since it was filed."""
    scene = JourneyScene(Document(make_map(60)))
    try:
        layer = scene.flow_layer
        flows = list(scene.flows.values())[:10]
        filed = {flow: flow.layer_keys[1] for flow in flows}
        with layer.batch():
            for flow in flows:
                flow.take_route(_moved(flow.route, 20000))  # its tip into other chunks
                flow.take_route(_source_moved(flow.route, 40))  # then its start only
        for flow in flows:
            assert flow.layer_keys[1] != filed[flow]
            assert flow not in layer.chunks.get(filed[flow], FlowChunk(True)).flows
        _assert_filed_as_built_afresh(layer)
    finally:
        scene.detach()
