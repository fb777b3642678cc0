"""The emotion lane's items, mirrored from the layout: each shown persona's curve (a path
per stage) and points, the active persona's ghost points, and the legend in the lane's
header. After an edit only what changed is touched: scoring one card on a 5,000-card map
moves or makes one point and one stage's path, not every point of the curve, and a lane
that moved down (rows above it grew) moves its points and ghost rows instead of making
them again."""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol

from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.emotion_items import (
    CurveSegmentItem,
    EmotionPointItem,
    GhostRowItem,
    curve_pen,
)
from mapper.canvas.header_items import LaneHeaderItem, LegendEntry
from mapper.layout import Bezier, EmotionCurve, MapLayout
from mapper.layout.persona_style import PersonaStyle, styles_by_id
from mapper.layout.theme import LIGHT
from mapper.model import JourneyMap

ACTIVE_Z, OTHER_Z, GHOST_Z = 40.0, 30.0, 39.0


class Host(Protocol):
    journey: JourneyMap
    layout: MapLayout
    lane_headers: dict[str, LaneHeaderItem]

    def addItem(self, item: QGraphicsItem) -> None: ...
    def removeItem(self, item: QGraphicsItem) -> None: ...
    def selectedItems(self) -> list[QGraphicsItem]: ...


class CurveItems:
    """One persona's items: a path per stage (keyed by stage index) and a point per card."""

    def __init__(self, curve: EmotionCurve, look: tuple) -> None:
        self.curve, self.look = curve, look
        self.pen_key: tuple = ()  # what the paths' pen was made from
        self.paths: dict[int, CurveSegmentItem] = {}
        self.points: dict[str, EmotionPointItem] = {}

    def items(self) -> list[QGraphicsItem]:
        return [*self.paths.values(), *self.points.values()]


def _by_stage(curve: EmotionCurve) -> dict[int, tuple[Bezier, ...]]:
    """The curve's segments stage by stage. They come in stage order: each stage's are
    found by halving, not one by one (a big map's curve has thousands)."""
    segments, by_stage = curve.segments, {}
    start, n = 0, len(segments)
    while start < n:
        stage_index = segments[start][0]
        end = bisect_right(segments, stage_index, lo=start, key=_stage_of)
        by_stage[stage_index] = tuple([s for _, s in segments[start:end]])
        start = end
    return by_stage


def _stage_of(segment: tuple[int, Bezier]) -> int:
    return segment[0]


class EmotionLayer:
    def __init__(self, host: Host) -> None:
        # weakly: the scene holds this layer, and a cycle would leave the scene (and its
        # Qt objects) for the garbage collector to free at a random moment
        self._host = weakref.ref(host)
        self.curves: dict[str, CurveItems] = {}
        self.ghosts: dict[int, GhostRowItem] = {}
        self._ghost_key: tuple = ()
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
        """Bring ``items`` in line with ``curve``: paths of stages whose segments changed
        are made again, points move or change in place, new ones are made."""
        layout = self.host.layout
        lane, neutral = layout.emotion_lane, layout.neutral_y()
        assert lane is not None and neutral is not None
        pid, style = curve.persona.id, self.styles[curve.persona.id]
        z = ACTIVE_Z if active else OTHER_Z
        by_stage = _by_stage(curve)
        width = 3.0 if active else 2.0
        # the active curve's colours change at the neutral line: a lane that moved needs
        # a new pen (its paths that stayed take it), not new paths
        pen_key = (style, coloured, neutral, lane.row.y, lane.row.bottom, width)
        pen = None
        if pen_key != items.pen_key:
            items.pen_key = pen_key
            pen = curve_pen(style, coloured, neutral, lane.row.y, lane.row.bottom, width)
        for stage_index in [i for i in items.paths if i not in by_stage]:
            self._remove([items.paths.pop(stage_index)])
        for stage_index, segments in by_stage.items():
            old = items.paths.get(stage_index)
            if old is not None:  # the stage's path: drawn again only if it changed
                if pen is not None:
                    old.set_pen(pen)
                if old.segments != segments:
                    old.set_segments(segments)
                continue
            if pen is None:
                pen = curve_pen(style, coloured, neutral, lane.row.y, lane.row.bottom, width)
            items.paths[stage_index] = path = CurveSegmentItem(segments, pen, z)
            self.host.addItem(path)
        found, get = 0, items.points.get
        for point in curve.points:
            item = get(point.card_id)
            if item is None:
                continue
            found += 1
            if item.point is not point:  # (it draws nothing again when equal)
                item.set_point(point)
        if found != len(items.points):  # some cards lost their points
            new_ids = {p.card_id for p in curve.points}
            for card_id in [c for c in items.points if c not in new_ids]:
                self._remove([items.points.pop(card_id)])
        if found != len(curve.points):  # some cards have new ones
            for point in curve.points:
                if point.card_id not in items.points:
                    item = EmotionPointItem(point, pid, style, coloured, z + 1)
                    items.points[point.card_id] = item
                    self.host.addItem(item)
        items.curve = curve

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
        slots = layout.emotion_slots
        key = (active_id, style)
        if everything or key != self._ghost_key or kept is None:
            self._remove(list(self.ghosts.values()))
            self.ghosts = {}
        self._ghost_key = key
        if kept is None or neutral is None or style is None or active_id is None:
            return
        scored = kept.points
        by_stage: dict[int, list[tuple[str, float]]] = {}
        for card_id, (x, stage_index) in slots.items():
            if card_id not in scored:
                by_stage.setdefault(stage_index, []).append((card_id, x))
        for stage_index in [i for i in self.ghosts if i not in by_stage]:
            self._remove([self.ghosts.pop(stage_index)])
        for stage_index, ghosts in by_stage.items():
            old = self.ghosts.get(stage_index)
            if old is not None and old.ghosts == ghosts:
                if old.neutral_y != neutral:
                    old.set_neutral_y(neutral)
                continue
            if old is not None:  # the same item, its ghosts drawn again
                old.set_ghosts(ghosts, neutral)
                continue
            row = GhostRowItem(ghosts, stage_index, neutral, active_id, style, GHOST_Z)
            self.ghosts[stage_index] = row
            self.host.addItem(row)

    # ------------------------------------------------------------ legend
    def sync_legend(self) -> None:
        """The emotion lane's header names every persona's curve, shown or hidden."""
        host = self.host
        lane = host.layout.emotion_lane
        header = host.lane_headers.get(lane.lane.id) if lane is not None else None
        if header is None:
            return
        journey = host.journey
        active = journey.active_persona()
        styles: Mapping[str, PersonaStyle] = self.styles or styles_by_id(journey.personas)
        entries = tuple(
            LegendEntry(p.id, p.name, styles[p.id], p is active, p.hidden)
            for p in journey.personas
            if p.id in styles
        )
        header.set_legend(entries)

    # ------------------------------------------------------------ queries
    def points(self) -> list[EmotionPointItem]:
        return [item for items in self.curves.values() for item in items.points.values()]

    def ghost_rows(self) -> list[GhostRowItem]:
        return list(self.ghosts.values())
