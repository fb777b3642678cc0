"""The emotion lane's items, mirrored from the layout: each shown persona's curve (a path
and a row of points per stage), the active persona's ghost points, and the legend in the
lane's header. After an edit only what changed is touched: scoring one card on a
5,000-card map draws one stage's path and points again, not every point of the curve,
and a lane that moved down (rows above it grew) keeps its items and moves them. An item
whose stage changed takes its new bounds from the curve at once and works out its
segments or points when first painted (or asked), so stages off screen cost an edit
next to nothing.

A point that is selected or dragged has an item of its own (``EmotionPointItem``), made
when a press or a rubber band reaches it and taken away once it is neither; its stage's
row leaves it out meanwhile."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem
from shiboken6 import isValid

from mapper.canvas.curve_items import CurveItems, DrawnPoint
from mapper.canvas.emotion_items import EmotionPointItem, GhostRowItem, curve_pen
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.header_items import LaneHeaderItem, LegendEntry
from mapper.canvas.point_rows import PointRowItem
from mapper.layout import EmotionCurve, EmotionPoint, MapLayout
from mapper.layout.emotion import with_score
from mapper.layout.persona_style import PersonaStyle, styles_by_id
from mapper.layout.theme import LIGHT
from mapper.model import JourneyMap
from mapper.model.pain import lead_persona

ACTIVE_Z, OTHER_Z, GHOST_Z = 40.0, 30.0, 39.0


class Host(Protocol):
    journey: JourneyMap
    layout: MapLayout
    lane_headers: dict[str, LaneHeaderItem]

    def addItem(self, item: QGraphicsItem) -> None: ...
    def removeItem(self, item: QGraphicsItem) -> None: ...
    def selectedItems(self) -> list[QGraphicsItem]: ...


class EmotionLayer:
    def __init__(self, host: Host) -> None:
        # weakly: the scene holds this layer, and a cycle would leave the scene (and its
        # Qt objects) for the garbage collector to free at a random moment
        self._host = weakref.ref(host)
        self.curves: dict[str, CurveItems] = {}
        self.ghosts: dict[int, GhostRowItem] = {}
        self._ghost_key: tuple = ()
        # what each stage's ghosts were worked out from: its slots and the active curve's
        # marks there (the same objects while they stay: the ghosts stay too)
        self._ghosts_from: dict[int, tuple[object, object]] = {}
        self._held: set[EmotionPointItem] = set()  # own items being dragged
        self.styles: dict[str, PersonaStyle] = {}

    @property
    def host(self) -> Host:
        host = self._host()
        assert host is not None, "the scene is gone"
        return host

    # ------------------------------------------------------------ curves
    def sync(self, active_id: str | None, everything: bool) -> None:
        """Each shown persona's curve and points, the active one's on top (in green above
        neutral and red below); a curve the layout kept keeps its items."""
        layout = self.host.layout
        look = getattr(self.host, "theme", LIGHT)  # on a dark canvas colours are lifted
        self.styles = {
            pid: replace(style, color=look.line(style.color))
            for pid, style in layout.persona_styles.items()
        }
        lane, neutral = layout.emotion_lane, layout.neutral_y()
        curves = layout.emotion_curves if lane is not None and neutral is not None else []
        several = len(curves) > 1
        drawn: dict[str, CurveItems] = {}
        for curve in curves:
            pid = curve.persona.id
            is_active = pid == active_id
            # not the lane's place: a lane that moved keeps its items and moves them
            look = (is_active, several, self.styles[pid])
            kept = self.curves.pop(pid, None)
            if kept is not None and (everything or kept.look != look):
                self._remove(kept.items())
                kept = None
            if kept is None:
                kept = CurveItems(curve, look)
            elif kept.curve is curve:
                drawn[pid] = kept
                continue
            self._update(kept, curve, is_active or not several, is_active)
            drawn[pid] = kept
        for stale in self.curves.values():
            self._remove(stale.items())
        self.curves = drawn
        self._sync_ghosts(active_id, everything)
        self.sync_legend()

    def _update(self, items: CurveItems, curve: EmotionCurve, coloured: bool, active: bool) -> None:
        """Bring ``items`` in line with ``curve``: the paths and point rows of stages
        whose segments or points changed are drawn again, the others are kept."""
        layout = self.host.layout
        lane, neutral = layout.emotion_lane, layout.neutral_y()
        assert lane is not None and neutral is not None
        pid, style = curve.persona.id, self.styles[curve.persona.id]
        z = ACTIVE_Z if active else OTHER_Z
        width = 3.0 if active else 2.0
        # the active curve's colours change at the neutral line: a lane that moved needs
        # a new pen (its paths that stayed take it), not new paths
        pen_key = (style, coloured, neutral, lane.row.y, lane.row.bottom, width)
        pen = None
        if pen_key != items.pen_key:
            items.pen_key = pen_key
            pen = curve_pen(style, coloured, neutral, lane.row.y, lane.row.bottom, width)
        # a stage's path and row work out their segments and points when first painted
        stages = curve.segment_stages()
        shown = set(stages)
        for stage_index in [i for i in items.paths if i not in shown]:
            self._remove([items.paths.pop(stage_index)])
        for stage_index in stages:
            path = items.paths.get(stage_index)
            if path is not None:
                if pen is not None:
                    path.set_pen(pen)
            else:
                from mapper.canvas.curve_path import CurveSegmentItem  # (after the first frame:
                # a path item's type makes PySide build the shape items' base and its enums)

                if pen is None:
                    pen = curve_pen(style, coloured, neutral, lane.row.y, lane.row.bottom, width)
                items.paths[stage_index] = path = CurveSegmentItem((), pen, z)
                self.host.addItem(path)
            path.show_stage(curve, stage_index)
        stages = curve.stages()
        shown = set(stages)
        for stage_index in [i for i in items.rows if i not in shown]:
            self._remove([items.rows.pop(stage_index)])
        for stage_index in stages:
            row = items.rows.get(stage_index)
            if row is None:
                items.rows[stage_index] = row = PointRowItem(
                    (), stage_index, pid, style, coloured, z + 1
                )
                self.host.addItem(row)
            row.show_stage(curve, stage_index)
        items.curve = curve
        if items.own:
            self._follow(items, curve)

    def preview(self, persona_id: str, card_id: str, score: int | None) -> None:
        """Draw the persona's curve as it will be with the card scored ``score`` (a point
        dragged takes its curve along), or (None) as the layout has it again."""
        items, layout = self.curves.get(persona_id), self.host.layout
        slot = layout.emotion_slots.get(card_id)
        curve = next((c for c in layout.emotion_curves if c.persona.id == persona_id), None)
        if items is None or slot is None or curve is None:
            return  # (a persona with no curve yet: its one point is all there is)
        if score is not None:
            curve = with_score(curve, card_id, score, slot)
        active, several, _ = items.look
        self._update(items, curve, active or not several, active)

    def _follow(self, items: CurveItems, curve: EmotionCurve) -> None:
        """Points with items of their own go where their cards' points are now (their
        items taken away with the points), and the rows leave them out."""
        slots = self.host.layout.emotion_slots
        for card_id, item in list(items.own.items()):
            slot = slots.get(card_id)
            point = None
            if slot is not None:  # (a card's slot is in the stage of its point)
                point = next((p for p in curve.stage_points(slot[1]) if p.card_id == card_id),
                             None)  # fmt: skip
            if point is None:
                self._remove([items.own.pop(card_id)])
            elif item.point is not point:
                item.set_point(point)
        self._hide_own(items)

    def _hide_own(self, items: CurveItems) -> None:
        hidden: dict[int, set[str]] = {}
        for card_id, item in items.own.items():
            hidden.setdefault(item.point.stage_index, set()).add(card_id)
        for stage_index, row in items.rows.items():
            row.set_hidden(frozenset(hidden.get(stage_index, ())))

    def _remove(self, items: list[QGraphicsItem]) -> None:
        for item in items:
            self.host.removeItem(item)

    def take_persona(self, curve: EmotionCurve) -> None:
        """A persona edit the canvas does not draw (its bio): the curve holds the new one."""
        kept = self.curves.get(curve.persona.id)
        if kept is not None:
            kept.curve = curve

    # ------------------------------------------------------------ ghosts
    def _sync_ghosts(self, active_id: str | None, everything: bool) -> None:
        """The active persona's ghost points: one per unscored card, on the neutral line,
        one item per stage. A stage's item is made again only when its ghosts changed, and
        moved when only the neutral line did (the lane moved)."""
        layout = self.host.layout
        neutral = layout.neutral_y()
        kept = self.curves.get(active_id) if active_id is not None else None
        style = self.styles.get(active_id) if active_id is not None else None
        key = (active_id, style)
        if everything or key != self._ghost_key or kept is None:
            self._remove(list(self.ghosts.values()))
            self.ghosts, self._ghosts_from = {}, {}
        self._ghost_key = key
        if kept is None or neutral is None or style is None or active_id is None:
            return
        for index, slots in enumerate(layout.emotion_stage_slots):
            marks = kept.curve.marks[index] if index < len(kept.curve.marks) else ()
            source = self._ghosts_from.get(index)
            old = self.ghosts.get(index)
            if source is not None and source[0] is slots and source[1] is marks:
                if old is not None and old.neutral_y != neutral:
                    old.set_neutral_y(neutral)  # the same ghosts in a lane that moved
                continue
            self._ghosts_from[index] = (slots, marks)
            scored = {card_id for card_id, _, _ in marks}
            ghosts = [(card_id, x) for card_id, (x, _) in slots.items() if card_id not in scored]
            if not ghosts:
                if old is not None:
                    self._remove([self.ghosts.pop(index)])
            elif old is None:
                row_item = GhostRowItem(ghosts, index, neutral, active_id, style, GHOST_Z)
                self.ghosts[index] = row_item
                self.host.addItem(row_item)
            elif old.ghosts != ghosts:  # the same item, its ghosts drawn again
                old.set_ghosts(ghosts, neutral)
            elif old.neutral_y != neutral:
                old.set_neutral_y(neutral)
        for index in [i for i in self.ghosts if i >= len(layout.emotion_stage_slots)]:
            self._remove([self.ghosts.pop(index)])
            self._ghosts_from.pop(index, None)

    # ------------------------------------------------------------ legend
    def sync_legend(self) -> None:
        """The emotion lane's header is told of every persona's curve, shown or hidden (it
        lists the shown ones, and counts the hidden ones in the editor); the lead persona's
        (:func:`lead_persona`) is the one drawn on top."""
        host = self.host
        lane = host.layout.emotion_lane
        header = host.lane_headers.get(lane.lane.id) if lane is not None else None
        if header is None:
            return
        journey = host.journey
        active = lead_persona(journey)
        styles: Mapping[str, PersonaStyle] = self.styles or styles_by_id(journey.personas)
        entries = tuple(
            LegendEntry(p.id, p.name, styles[p.id], p is active, p.hidden)
            for p in journey.personas
            if p.id in styles
        )
        header.set_legend(entries)

    # ------------------------------------------------------------ own points
    def take_out(self, row: QGraphicsItem, card_id: str) -> EmotionPointItem | None:
        """The item of a point of ``row`` of its own (made if it has none): what a press
        drags and a click or a rubber band selects."""
        if not isinstance(row, PointRowItem):
            return None
        items = self.curves.get(row.persona_id)
        if items is None or items.rows.get(row.stage_index) is not row:
            return None
        own = items.own.get(card_id)
        if own is not None:
            return own
        point = next((p for p in row.points if p.card_id == card_id), None)
        if point is None:
            return None
        own = EmotionPointItem(point, row.persona_id, row.style, row.coloured, row.zValue() + 0.5)
        items.own[card_id] = own
        self.host.addItem(own)
        row.set_hidden(row.hidden | {card_id})
        return own

    def stand_in(
        self, row: GhostRowItem, card_id: str, x: float
    ) -> tuple[EmotionPointItem, Callable[[], None]]:
        """A point standing in for a ghost being dragged, and what takes it away."""
        point = EmotionPoint(card_id, 0, (x, row.neutral_y), row.stage_index)
        item = EmotionPointItem(point, row.persona_id, row.style, True, 45, ghost=True)
        self.host.addItem(item)

        def done() -> None:
            if item.scene() is self._host():
                self.host.removeItem(item)

        return item, done

    def hold(self, item: EmotionPointItem) -> Callable[[], None] | None:
        """Keep ``item`` while it is dragged, if it is a point's own item; the returned
        function lets it go (taken away then unless it is selected)."""
        items = self.curves.get(item.persona_id)
        if items is None or items.own.get(item.card_id) is not item:
            return None
        self._held.add(item)

        def let_go() -> None:
            self._held.discard(item)
            self.prune()

        return let_go

    def reach(self, area: QRectF | None) -> None:
        """A rubber band over ``area`` (scene): the points it meets get items of their
        own, for Qt to select (those it does not select are taken away again; so are all
        it did not select when it is gone, ``None``). A band that met points meant them:
        the flows crossing the lane under it are let go with it."""
        if area is None:
            selected = self.host.selectedItems()
            if any(isinstance(item, EmotionPointItem) for item in selected):
                for item in selected:
                    if isinstance(item, FlowItem):
                        item.setSelected(False)
            self.prune()
            return
        for items in self.curves.values():
            for row in list(items.rows.values()):
                if row.sceneBoundingRect().intersects(area):
                    for point in row.in_rect(area):
                        self.take_out(row, point.card_id)

    def prune(self) -> None:
        """Take away the own items of points neither selected nor dragged (and forget
        those Qt deleted: a scene being cleared says its selection changed)."""
        for items in self.curves.values():
            gone = [
                card_id
                for card_id, item in items.own.items()
                if not isValid(item) or (item not in self._held and not item.isSelected())
            ]
            if gone:
                self._remove([it for it in (items.own.pop(c) for c in gone) if isValid(it)])
                if all(map(isValid, items.rows.values())):
                    self._hide_own(items)

    # ------------------------------------------------------------ queries
    def points(self) -> list[DrawnPoint]:
        """Every point drawn, by its row or by an item of its own."""
        return [
            DrawnPoint(self, pid, p.card_id)
            for pid, items in self.curves.items()
            for p in items.curve.points
        ]

    def ghost_rows(self) -> list[GhostRowItem]:
        return list(self.ghosts.values())
