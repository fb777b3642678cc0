"""Unselected flows drawn in bulk. Mid-map on a 20,000-card map a scroll exposes a strip
that thousands of flows cross: asking each FlowItem to paint itself cost a Python call (and
a dozen Qt calls) per flow, and Qt walks each long curve over the whole view however thin
the strip. Here flows are kept in chunks, and one item draws them into tiles of viewport
pixels kept while the zoom stays (canvas.flow_tiles). The FlowItems stay for
hit tests, hover and selection with no contents of their own; a selected flow, and one
that follows a dragged card, paints itself. A flow is filed by where it is from the top of
its source card's row: a row that moves whole moves its chunks, not each of its flows."""

from __future__ import annotations

import math
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from mapper.canvas.flow_chunks import Extent, FlowChunk, Rows, extremes, place_of
from mapper.canvas.flow_tiles import FlowLayerItem

if TYPE_CHECKING:
    from mapper.canvas.flow_item import FlowItem
    from mapper.layout import MapLayout
    from mapper.layout.geometry import Point

# Curves are grouped by the band their top and their bottom fall in, so a chunk's bounds
# are about as tall as its flows: a strip is drawn by the chunks its flows cross.
CURVE_BAND = 8192.0
# Arrow heads are small: grouped by where their tips are, a chunk holds a few.
ARROW_CELL = (1024.0, 256.0)
DAMAGE_RECTS = 64  # more flows changed than this: repaint everything once
ALIKE = 1e-9  # a flow and its row that moved by less apart moved alike
# arrows or curves, the lane of the flows' source cards, and the cell or bands from its top
Key = tuple[bool, str | None, int, int]


class FlowLayer:
    """Which chunk draws which flow. Flows come and go through ``add`` and ``discard``
    and move through ``refile``; inside ``batch()`` the chunks and the repaint are settled
    once at the end."""

    def __init__(self, scene: QGraphicsScene) -> None:
        # weakly: the scene holds this layer, and a cycle would leave the scene (and its Qt
        # objects) for the garbage collector to free at a random moment, which crashes
        self._scene = weakref.ref(scene)
        self.chunks: dict[Key, FlowChunk] = {}
        self.item = FlowLayerItem(self.chunks)
        scene.addItem(self.item)
        self._dirty: set[Key] = set()
        self._damage: list[QRectF] = []
        self._depth = 0
        self._each = False  # every flow's damage told (see off_screen)
        # flows refiled since the last flush -> whether their arrows' tips stayed where
        # they were filed (each keeps the keys of the chunks it is in until the flush
        # files it where it is)
        self._moved: dict[FlowItem, bool] = {}
        self.detached: set[FlowItem] = set()  # following a dragged card
        self.rows = Rows(getattr(scene, "layout", None))  # of the layout flows follow
        self._row_moves: dict[str, float] = {}  # lanes that moved since the last flush
        self._moved_chunks: list[Key] = []  # chunks that moved with them
        # flows filed as they are this batch: those that moved with those rows (see
        # shifted), and those that keep their places for now (see keep_filed)
        self._kept: set[FlowItem] = set()

    @property
    def scene(self) -> QGraphicsScene | None:
        return self._scene()

    def set_layout(self, layout: MapLayout) -> None:
        """The flows take their routes from ``layout`` now: the chunks of each row that
        moved down or up move with it (its flows that moved alike stay filed as they are,
        see ``shifted``; the others are refiled)."""
        old, self.rows = self.rows, Rows(layout)
        origins = self.rows.origins
        # (rows that moved for an earlier layout of the same batch are done with)
        self._row_moves = moves = self.rows.moves_since(old)
        if not moves:
            return
        damage, dirty = self._damage, self._dirty
        for key, chunk in self.chunks.items():
            lane_id = key[1]
            if lane_id in moves:
                damage.append(chunk.boundingRect())  # where it was
                chunk.move_to(origins[lane_id])
                dirty.add(key)
                self._moved_chunks.append(key)
        if self._depth == 0:
            self.flush()

    def _keys(self, flow: FlowItem) -> tuple[Key, Key]:
        """The flow's curve chunk and arrow chunk, from where the flow is now: its curve
        from the top of its source card's row, its arrow from its target card's."""
        _, top, _, bottom = flow.extent
        tip_x, tip_y = flow.route.curve.p3
        lane_id, origin = self.rows.at(flow.route.curve.p0[1])
        tip_lane, tip_origin = self.rows.at(tip_y)
        top, bottom, tip_y = top - origin, bottom - origin, tip_y - tip_origin
        return (
            (False, lane_id, int(top // CURVE_BAND), int(bottom // CURVE_BAND)),
            (True, tip_lane, int(tip_x // ARROW_CELL[0]), int(tip_y // ARROW_CELL[1])),
        )

    def _chunk(self, key: Key) -> FlowChunk:
        chunk = self.chunks.get(key)
        if chunk is None:
            origin = self.rows.origins.get(key[1], 0.0) if key[1] is not None else 0.0
            self.chunks[key] = chunk = FlowChunk(arrows=key[0], origin=origin)
        return chunk

    def add(self, flow: FlowItem) -> None:
        flow.layer_keys = keys = self._keys(flow)
        for key in keys:
            self._chunk(key).put(flow)
            self._dirty.add(key)
        self._changed(flow)

    def discard(self, flow: FlowItem) -> None:
        if flow in self._moved:  # its chunks are those of its move
            self._file_moved()
        for key in flow.layer_keys:
            chunk = self.chunks.get(key)
            if chunk is not None and chunk.take(flow):
                self._dirty.add(key)
        self._changed(flow)

    def shifted(self, flow: FlowItem, extent: Extent, dx: float, dy: float) -> None:
        """``flow`` moved by (dx, dy) as a whole from where it had ``extent``: when its row
        moved down (or up) by as much, its chunks moved with it and it stays filed as it
        is (the chunks' old and new bounds are repainted); else it is refiled."""
        keys = flow.layer_keys
        if dx == 0 and keys and flow not in self._moved:
            moves = self._row_moves  # (nan: a row that did not move)
            move, tip_move = moves.get(keys[0][1], math.nan), moves.get(keys[1][1], math.nan)
            if abs(move - dy) <= ALIKE and abs(tip_move - dy) <= ALIKE:
                self._kept.add(flow)
                return
        self.refile(flow, extent)

    def keep_filed(self, flow: FlowItem) -> None:
        """``flow`` keeps its place for now, its chunks' too, however its row moved: it
        takes its route later (``canvas.flows_behind``), and is filed again then."""
        self._kept.add(flow)

    def refile(self, flow: FlowItem, extent: Extent, tip: Point | None = None) -> None:
        """``flow`` took a new route (it has its new extent and bounds already) from where
        it had ``extent`` (and its arrow's ``tip``, when known). It is filed in the chunks
        it belongs in now when the batch ends, with the other flows that leave and join
        the same chunks (a row moved down moves thousands of flows alike): a flow moved
        twice in a batch is filed once. An arrow whose tip stayed (the flow's target
        card stayed, about half of those routed again) stays filed as it is, unless its
        row moved all the same (its card moved up its cell by as much)."""
        moved = self._moved
        moved[flow] = moved.get(flow, True) and tip is not None and tip == flow.route.curve.p3
        damage = self._damage
        if len(damage) <= DAMAGE_RECTS or self._each:  # where it was and where it is
            damage += (_rect(extent), QRectF(flow.boundingRect()))  # (the flow's changes)
        if self._depth == 0:
            self.flush()

    def _file_moved(self) -> None:
        """File the flows refiled since the last flush where they are now, moving them
        between chunks in groups: those that leave and join the same chunks in one go.
        Arrow chunks hold a few tips each: their bounds are worked out again from those."""
        moved, self._moved = self._moved, {}
        # (old key, key) -> (flows, places now); for arrows (flows, tips now)
        curves: dict[tuple[Key, Key], tuple[list, list]] = {}
        arrows: dict[tuple[Key, Key], tuple[list, list]] = {}
        curve_of, arrow_of = curves.get, arrows.get
        cell_x, cell_y = ARROW_CELL
        chunks = self.chunks
        rows = self.rows
        tops, lanes, origins = rows.tops, rows.lanes, rows.starts
        for flow, tip_stayed in moved.items():  # thousands after an edit: kept lean
            old_curve, old_arrow = flow.layer_keys
            left, top, right, bottom = flow.extent
            curve_points = flow.route.curve
            i = bisect_right(tops, curve_points.p0[1]) - 1  # its source's row (see Rows.at)
            origin = origins[i]
            top, bottom = top - origin, bottom - origin
            curve = (False, lanes[i], int(top // CURVE_BAND), int(bottom // CURVE_BAND))
            group = curve_of((old_curve, curve))
            if group is None:
                curves[old_curve, curve] = group = ([], [])
            group[0].append(flow)
            group[1].append((left, top, right, bottom))
            x, y = curve_points.p3
            if tip_stayed:  # (and filed there: its row may have moved, see _file_strays)
                filed = chunks[old_arrow]
                if filed.flows.get(flow) == (x, y - filed.origin):
                    flow.layer_keys = (curve, old_arrow)
                    continue
            j = bisect_right(tops, y) - 1  # its target's row
            y -= origins[j]
            arrow = (True, lanes[j], int(x // cell_x), int(y // cell_y))
            flow.layer_keys = (curve, arrow)
            tips = arrow_of((old_arrow, arrow))
            if tips is None:
                arrows[old_arrow, arrow] = tips = ([], [])
            tips[0].append(flow)
            tips[1].append((x, y))
        dirty = self._dirty
        for (old, key), (flows, now) in curves.items():
            dirty.add(key)
            was = extremes(map(chunks[old].flows.__getitem__, flows))  # as they were filed
            if old == key:
                chunks[key].moved(flows, now, was, extremes(now))
                continue
            chunks[old].went(flows, was)
            dirty.add(old)
            self._chunk(key).came(flows, now, extremes(now))
        for (old, key), (flows, now) in arrows.items():
            dirty.add(key)
            if old == key:
                chunks[key].moved(flows, now)
                continue
            chunks[old].went(flows)
            dirty.add(old)
            self._chunk(key).came(flows, now)

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.flush()

    @contextmanager
    def off_screen(self) -> Iterator[None]:
        """A batch of flows whose places no view shows (see ``canvas.flows_behind``): the
        tiles over each one's places are dropped, however many, not every tile (those in
        view would be drawn again, many in one-pixel lines first, for nothing shown)."""
        each, self._each = self._each, True
        try:
            with self.batch():
                yield
        finally:
            self._each = each

    def _changed(self, flow: FlowItem) -> None:
        if len(self._damage) <= DAMAGE_RECTS or self._each:  # past that, all is repainted
            self._damage.append(QRectF(flow.boundingRect()))  # (the flow's changes)
        if self._depth == 0:
            self.flush()

    def _file_strays(self) -> None:
        """The flows of the rows that moved that did not move with them are filed again
        where they are (nothing to repaint: they stayed). A card that moved up its cell by
        as much as its row moved down stays where it was, and so do its flows, routed
        again or not; and a flow off screen keeps its place for a while (see
        ``canvas.flows_behind``). Their chunks moved with the row all the same."""
        kept, moved, chunks = self._kept, self._moved, self.chunks
        for key in self._moved_chunks:
            chunk = chunks.get(key)
            if chunk is None:
                continue
            filed, arrows, origin = chunk.flows, chunk.arrows, chunk.origin
            for flow in filed.keys() - kept:  # (most moved with the row)
                if flow not in moved and filed[flow] != place_of(flow, arrows, origin):
                    moved[flow] = False

    def flush(self) -> None:
        """Flows that moved are filed again, chunks take their new bounds (empty ones go)
        and what changed is repainted."""
        if self._moved_chunks:
            self._file_strays()
        if self._moved:
            self._file_moved()
        for key in self._dirty:
            chunk = self.chunks[key]
            if chunk.flows:
                chunk.refresh()
            else:
                del self.chunks[key]
        if self._dirty:  # the chunks' extremes, taken in C
            chunks = self.chunks.values()
            x0, y0, x1, y1 = extremes(c.extent for c in chunks) if chunks else (0, 0, 0, 0)
            self.item.set_bounds(QRectF(x0, y0, x1 - x0, y1 - y0))
        self._dirty.clear()
        for key in self._moved_chunks:  # and where the chunks that moved are now
            moved = self.chunks.get(key)
            if moved is not None:
                self._damage.append(moved.boundingRect())
        self._moved_chunks.clear()
        self._kept.clear()
        self._row_moves.clear()
        damage, self._damage = self._damage, []
        scene = self.scene
        if scene is None:
            return
        if len(damage) > DAMAGE_RECTS:
            if not self._each:
                self.item.forget()
                scene.update()
                return
            # flows no view showed (see off_screen): the tiles out of view go, those in
            # view stay but where one of these flows was or is (after a scroll, or in a
            # tile's part beyond the view)
            shown = [v.mapToScene(v.viewport().rect()).boundingRect() for v in scene.views()]
            kept = self.item.keep_only(shown)
            damage = [rect for rect in damage if any(map(rect.intersects, kept))]
        for rect in damage:
            self.item.forget(rect)
            scene.update(rect)

    def detach(self, flow: FlowItem) -> None:
        """While a card is dragged its flows follow on every frame: they paint themselves
        until ``reattach`` (the tiles they cross are drawn again once, not on every frame)."""
        self.detached.add(flow)
        flow.set_layer(None)

    def reattach(self, layer_for: Callable[[FlowItem], FlowLayer | None]) -> None:
        detached, self.detached = self.detached, set()
        with self.batch():
            for flow in detached:
                if flow.scene() is self.scene:
                    flow.set_layer(layer_for(flow))

    def remove(self) -> None:
        """Take the layer's item off the scene (each flow then paints itself)."""
        scene = self.item.scene()
        if scene is not None:
            scene.removeItem(self.item)


def _rect(extent: Extent) -> QRectF:
    left, top, right, bottom = extent
    return QRectF(left, top, right - left, bottom - top)
