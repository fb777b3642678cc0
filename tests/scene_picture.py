"""What a canvas shows, item by item, in comparable values: an edited canvas is compared
with one built from scratch (tests/gui/test_scene_mirror.py, test_undo_layouts.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mapper.canvas.scene import JourneyScene
from mapper.document import Document


def picture(scene: JourneyScene) -> dict:
    """What the canvas shows, item by item, in comparable values."""
    return {
        "cards": {i: (it.box, it.pos().toTuple(), it.persona_id) for i, it in scene.cards.items()},
        "flows": {
            i: (
                # to a millionth: a route moved along with its cards is its old curve plus
                # the offset, which rounds differently in the last bits (MapLayout.shifts)
                _rounded(it.route.curve),
                it.route.flow,
                # where a label sits may differ: labels an edit did not disturb stay put
                it.label and it.label.text,
            )
            for i, it in scene.flows.items()
        },
        "stages": {i: it.box for i, it in scene.stage_headers.items()},
        "lanes": {i: it.box for i, it in scene.lane_headers.items()},
        "curves": {
            pid: (
                items.curve,
                items.look,
                {i: (it.segments, it.pen(), _rect(it)) for i, it in items.paths.items()},
                {i: (it.points, it.hidden, _rect(it)) for i, it in items.rows.items()},
                {c: (it.point, it.pos().toTuple()) for c, it in items.own.items()},
            )
            for pid, items in scene.emotions.curves.items()
        },
        # where a row's ghosts are drawn on the canvas (a row may have moved with its lane)
        "ghosts": {
            i: (row.ghosts, row.neutral_y, _rect(row)) for i, row in scene.emotions.ghosts.items()
        },
        # unselected flows drawn in bulk: each by the chunks its place files it in
        "flow chunks": {
            key: (
                sorted(flow.flow_id for flow in chunk.flows),
                tuple(round(v, 6) for v in chunk.boundingRect().getRect()),
            )
            for key, chunk in scene.flow_layer.chunks.items()
        },
        # to a millionth: rows summed in another order may differ in the last bit
        "scene rect": tuple(round(v, 6) for v in scene.sceneRect().getRect()),
        "items": len(scene.items()),
    }


def _rect(item) -> tuple:
    """An item's bounds on the canvas, to a millionth."""
    return tuple(round(v, 6) for v in item.sceneBoundingRect().getRect())


def _rounded(curve) -> tuple:
    return tuple((round(x, 6), round(y, 6)) for x, y in (curve.p0, curve.c1, curve.c2, curve.p3))


def assert_labels_apart(scene: JourneyScene) -> None:
    """Placed after any edits, labels that found a free spot never cover each other."""
    clear = [
        it.label.rect
        for flow_id, it in scene.flows.items()
        if it.label and it.label.text and scene._labels[flow_id].clear
    ]
    for i, a in enumerate(clear):
        for b in clear[i + 1 :]:
            assert not a.intersects(b), (a, b)


@contextmanager
def fresh_scene(document: Document, complete: bool = False) -> Iterator[JourneyScene]:
    """A canvas built from scratch for ``document`` (with its flows and everything deferred
    made at once, with ``complete``), taken off the document again afterwards."""
    fresh = JourneyScene(document)
    try:
        if complete:
            fresh.complete()
        yield fresh
    finally:
        fresh.detach()
