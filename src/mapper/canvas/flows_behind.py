"""Flows no view shows are brought up to date after the frame that shows an edit. Moving a
card to the top of a cell of a 5,000-card map routes about a thousand flows again; most run
where no view shows them, and updating their items (bounds, label, drawing chunk) was a
third of the edit. Such a flow's item keeps the route it had until the turn of the event
loop after the view's next paint, or until anything asks for the items first (a paint of
another area, a scroll or zoom, the scene's items or flows, a rendering, an export, the
next edit). Only a flow whose old and new places, labels included, both lie outside every
view's visible area (widened by a margin) waits; a selected, hovered or dragged flow, and
any flow of a scene no view shows, never does."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsScene

from mapper.canvas.flow_item import ARROW, FlowItem

if TYPE_CHECKING:
    from mapper.layout import FlowRoute
    from mapper.layout.labels import FlowLabel

# around what a view shows, on every side: a label with no spot of its own sits on the
# middle of its curve, at most half its longest width (150) beside the curve's box
MARGIN = 100.0
Area = tuple[float, float, float, float]  # left, top, right, bottom in scene units


class FlowsBehind:
    """The ids of the flows whose items show an older route or label than the layout, and
    the area they were left outside of."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.area: Area | None = None  # where the views looked when the flows were left

    def __bool__(self) -> bool:
        return bool(self.ids)

    def shown_area(self, scene: QGraphicsScene) -> Area | None:
        """What the scene's visible views show, widened by the margin (None: no view shows
        the scene, or a flow is dragged: nothing waits)."""
        if getattr(scene, "dragging", False):
            return None
        area: Area | None = None
        for view in scene.views():
            if not view.isVisible():
                continue
            rect = view.mapToScene(view.viewport().rect()).boundingRect()
            seen = (rect.left() - MARGIN, rect.top() - MARGIN,
                    rect.right() + MARGIN, rect.bottom() + MARGIN)  # fmt: skip
            if area is not None:
                seen = (min(area[0], seen[0]), min(area[1], seen[1]),
                        max(area[2], seen[2]), max(area[3], seen[3]))  # fmt: skip
            area = seen
        return area

    def waits(self, item: FlowItem, path: FlowRoute, label: FlowLabel | None, area: Area) -> bool:
        """Whether ``item`` may keep its place for now instead of taking ``path`` and
        ``label``: both places lie outside ``area`` (and it is filed as one of many)."""
        if item.layer is None or item.hovered:  # it paints itself: selected or followed
            return False
        left, top, right, bottom = area
        x0, y0, x1, y1 = item.extent  # where it is, its arrow head included
        if x1 >= left and x0 <= right and y1 >= top and y0 <= bottom:
            return False
        curve = path.curve  # the curve lies inside its points' box
        ys = (curve.p0[1], curve.c1[1], curve.c2[1], curve.p3[1])
        if min(ys) - ARROW <= bottom and max(ys) + ARROW >= top:  # (most miss it up or down)
            xs = (curve.p0[0], curve.c1[0], curve.c2[0], curve.p3[0])
            if min(xs) - ARROW <= right and max(xs) + ARROW >= left:
                return False
        return _labels_outside(item.placed_label, label, area)

    def left(
        self,
        item: FlowItem,
        flow_id: str,
        path: FlowRoute,
        label: FlowLabel | None,
        area: Area | None,
    ) -> bool:
        """Leave the flow's item as it is until the flows are caught up, if it may wait
        (:meth:`waits`; no ``area``: none may); whether it was left."""
        if area is None or not self.waits(item, path, label, area):
            return False
        self.ids.add(flow_id)
        self.area = area
        if item.layer is not None:  # (it has one: it waits) filed where it is meanwhile
            item.layer.keep_filed(item)
        return True

    def catch_up(
        self,
        items: Mapping[str, FlowItem],
        routes: Mapping[str, FlowRoute],
        labels: Mapping[str, FlowLabel],
        batch: Callable[[], AbstractContextManager],
    ) -> None:
        """Every waiting flow takes its route and label now."""
        if not self.ids:
            return
        ids, self.ids, self.area = self.ids, set(), None
        with batch():
            for flow_id in ids:
                item, path = items.get(flow_id), routes.get(flow_id)
                if item is not None and path is not None:
                    item.take_route(path, labels.get(flow_id))


def _labels_outside(before: FlowLabel | None, now: FlowLabel | None, area: Area) -> bool:
    """Whether a flow's label lies outside ``area`` where it was and where it goes (none
    placed: in the middle of its curve, within the margin)."""
    left, top, right, bottom = area
    for placed in (before, now):
        if placed is not None:
            r = placed.rect
            if r.x + r.width >= left and r.x <= right and r.y + r.height >= top and r.y <= bottom:
                return False
    return True
