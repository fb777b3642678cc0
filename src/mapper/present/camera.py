"""Where the camera looks for each step, and the glide from one shot to the next.

The framing is plain arithmetic on the present layout and the screen size, so it is
tested without a window; :class:`Camera` animates between shots with a QVariantAnimation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation, Signal

from mapper.layout.geometry import Rect
from mapper.present.room_layout import PresentLayout

GLIDE_MS = 700
MAX_ZOOM = 1.6  # on a 1080-pixel screen; a small map is not blown up beyond this
CONTEXT = 48.0  # scene pixels of the neighbouring stages kept in view
# A stage is never shown smaller than this zoom (per 1080 screen lines): card titles at 18
# pixels on a 1080 screen, times the text size. A stage taller than that is shown in parts.
READABLE_ZOOM = 0.9
# A stage only a little taller than the screen (the prompt bar took the room it needed) is
# shown whole down to this share of the readable zoom, rather than with a second part that
# holds only its last lane.
SQUEEZE = 0.95


@dataclass(frozen=True)
class Insets:
    """Screen pixels taken by the chrome: the lane strip on the left, the stage band on top
    and, in the overview, the title block above the band."""

    strip: float
    band: float
    title: float
    margin: float
    corner: tuple[float, float] = (0.0, 0.0)  # the minimap's width and height, bottom right
    bottom: float = 0.0  # a bar along the bottom (the stage's prompt for the room)


@dataclass(frozen=True)
class Shot:
    """The scene point at the centre of the screen, the zoom, the part of the map in the
    light (the rest is veiled) and how strongly the rest is veiled (0..1)."""

    center: tuple[float, float]
    zoom: float
    lit: Rect
    veil: float


def overview_shot(layout: PresentLayout, size: tuple[float, float], insets: Insets) -> Shot:
    """The whole map below the title block and the stage band, the group centred."""
    width, height = size
    area_w = width - insets.strip - 2 * insets.margin
    area_h = height - insets.title - insets.band - 2 * insets.margin
    zoom = min(area_w / max(layout.width, 1), area_h / max(layout.height, 1))
    zoom = min(zoom, MAX_ZOOM * height / 1080)
    group = insets.title + insets.band + layout.height * zoom
    map_top = (height - group) / 2 + insets.title + insets.band
    map_left = insets.strip + insets.margin + (area_w - layout.width * zoom) / 2
    center = _center_for((0.0, 0.0), (map_left, map_top), size, zoom)
    return Shot(center, zoom, layout.bounds, 0.0)


def stage_shot(
    layout: PresentLayout,
    index: int,
    size: tuple[float, float],
    insets: Insets,
    fit_height: float | None = None,
    pan: int = 0,
) -> Shot:
    """One stage column, as large as fits but never too small to read, the rest veiled.

    ``fit_height`` is the map height the zoom is chosen for (that of the map at normal text
    size): bigger text then makes the column taller than the screen instead of shrinking
    the zoom, so the text really grows. A column taller than the screen at that zoom is
    shown in parts (``pan``: which one, see :func:`stage_parts`). The stage never runs
    under the minimap in the corner: when it would, it makes room beside or above it,
    whichever keeps it larger.
    """
    return _frame_stage(layout, index, size, insets, fit_height, pan)[0]


def stage_parts(
    layout: PresentLayout,
    index: int,
    size: tuple[float, float],
    insets: Insets,
    fit_height: float | None = None,
) -> list[float]:
    """Where each part of the stage's shot begins (scene y; ``[0.0]`` when it fits).

    Parts break between lanes, so a lane is seen whole when it fits a screen; a lane
    taller than a screen breaks between rows of cards."""
    return _frame_stage(layout, index, size, insets, fit_height, 0)[1]


def _frame_stage(
    layout: PresentLayout,
    index: int,
    size: tuple[float, float],
    insets: Insets,
    fit_height: float | None,
    pan: int,
) -> tuple[Shot, list[float]]:
    width, height = size
    area = (insets.strip, insets.band, width - insets.strip - insets.margin,
            height - insets.band - insets.margin - insets.bottom)  # fmt: skip
    shot, lit, parts = _stage_in(layout, index, size, area, fit_height, pan)
    corner_w, corner_h = insets.corner
    if corner_w <= 0 or corner_h <= 0:
        return shot, parts
    corner = Rect(width - corner_w - insets.margin, height - corner_h - insets.margin,
                  corner_w + insets.margin, corner_h + insets.margin)  # fmt: skip
    if not lit.intersects(corner):
        return shot, parts
    x, y, w, h = area
    beside = _stage_in(layout, index, size, (x, y, corner.x - x, h), fit_height, pan)
    above = _stage_in(layout, index, size, (x, y, w, corner.y - y), fit_height, pan)
    # fewer parts first (a whole stage beats a larger half), then the larger
    best = min(beside, above, key=lambda f: (len(f[2]), -f[0].zoom))
    return best[0], best[2]


def _stage_in(
    layout: PresentLayout,
    index: int,
    size: tuple[float, float],
    area: tuple[float, float, float, float],
    fit_height: float | None,
    pan: int,
) -> tuple[Shot, Rect, list[float]]:
    """The stage shot within ``area`` (x, y, width, height on screen), where the lit column
    lands on screen, and where the stage's parts begin."""
    column = layout.stages[index].column
    area_x, area_y, area_w, area_h = area
    area_w, area_h = max(area_w, 1.0), max(area_h, 1.0)
    fit = layout.height if fit_height is None else fit_height
    across = area_w / (column.width + 2 * CONTEXT)
    zoom = min(across, area_h / max(fit, 1), MAX_ZOOM * size[1] / 1080)
    readable = min(across, READABLE_ZOOM * size[1] / 1080)
    whole = min(across, area_h / max(layout.height, 1))
    zoom = max(zoom, whole if readable > whole >= readable * SQUEEZE else readable)
    x = column.x + column.width / 2
    screen_x = _clamped_to_map(layout, x, area_x + area_w / 2, area_x, area_w, zoom)
    visible = area_h / zoom
    parts = _parts(layout, index, visible)
    in_light = column
    if layout.height <= visible:
        top = 0.0
        screen_top = area_y + (area_h - layout.height * zoom) / 2
    else:  # in parts: the light falls on this part only
        part = max(0, min(pan, len(parts) - 1))
        top = parts[part]
        end = parts[part + 1] if part + 1 < len(parts) else layout.height
        screen_top = area_y
        in_light = Rect(column.x, top, column.width, min(end, top + visible) - top)
    # the scene point (x, top) sits at (screen_x, screen_top)
    center = _center_for((x, top), (screen_x, screen_top), size, zoom)
    shown = min(layout.height - top, visible) * zoom
    lit = Rect(screen_x - column.width * zoom / 2, screen_top, column.width * zoom, shown)
    return Shot(center, zoom, in_light, 1.0), lit, parts


def _clamped_to_map(
    layout: PresentLayout, x: float, screen_x: float, area_x: float, area_w: float, zoom: float
) -> float:
    """Where scene ``x`` goes on screen: centred in the area, unless that would show empty
    space beside a map wider than the area (the first and last stages then sit at its
    edge, their neighbours filling the rest)."""
    if layout.width * zoom <= area_w:
        return screen_x
    left = screen_x - x * zoom  # where the map's left edge would land
    if left > area_x:
        return screen_x - (left - area_x)
    right = screen_x + (layout.width - x) * zoom
    if right < area_x + area_w:
        return screen_x + (area_x + area_w - right)
    return screen_x


def _parts(layout: PresentLayout, index: int, visible: float) -> list[float]:
    """Tops of screens of ``visible`` scene height that show the stage's column, breaking
    between lanes where one ends within a screen, else between rows of cards."""
    rows = [r.row for r in layout.lanes]
    if layout.emotion_row is not None:
        rows.append(layout.emotion_row.row)
    lane_breaks = sorted({r.y for r in rows if r.y > 0})
    gap = layout.style.card_gap / 2
    card_breaks = sorted(
        {slot.rect.y - gap for slot in layout.cards.values()
         if slot.stage_index == index and slot.rect.y > gap}
    )  # fmt: skip
    tops = [0.0]
    while tops[-1] + visible < layout.height - 1:
        top, end = tops[-1], tops[-1] + visible
        fits = [y for y in lane_breaks if top + visible * 0.25 < y <= end]
        if not fits:
            fits = [y for y in card_breaks if top + visible * 0.25 < y <= end]
        tops.append(max(fits) if fits else end - visible * 0.1)
    return tops


def _center_for(
    scene: tuple[float, float], screen: tuple[float, float], size: tuple[float, float], zoom: float
) -> tuple[float, float]:
    """The scene point at the screen centre when ``scene`` is to appear at ``screen``."""
    return (
        scene[0] + (size[0] / 2 - screen[0]) / zoom,
        scene[1] + (size[1] / 2 - screen[1]) / zoom,
    )


def blend(a: Shot, b: Shot, t: float) -> Shot:
    """The shot ``t`` of the way from ``a`` to ``b``: the zoom changes geometrically and the
    centre follows so the glide keeps a steady pace on screen."""
    zoom = math.exp(math.log(a.zoom) + (math.log(b.zoom) - math.log(a.zoom)) * t)

    def mix(p: float, q: float) -> float:
        return p + (q - p) * t

    lit = Rect(
        mix(a.lit.x, b.lit.x),
        mix(a.lit.y, b.lit.y),
        mix(a.lit.width, b.lit.width),
        mix(a.lit.height, b.lit.height),
    )
    center = (mix(a.center[0], b.center[0]), mix(a.center[1], b.center[1]))
    return Shot(center, zoom, lit, mix(a.veil, b.veil))


class Camera(QObject):
    """Glides from the current shot to a new one; ``moved`` fires on every frame."""

    moved = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shot: Shot | None = None
        self._start: Shot | None = None
        self._end: Shot | None = None
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(GLIDE_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._frame)

    def is_moving(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def go(self, shot: Shot, animate: bool) -> None:
        self._animation.stop()
        if not animate or self.shot is None:
            self.shot = shot
            self.moved.emit()
            return
        self._start, self._end = self.shot, shot
        self._animation.start()

    def finish(self) -> None:
        """Jump to the end of a running glide."""
        if self.is_moving() and self._end is not None:
            self._animation.stop()
            self.shot = self._end
            self.moved.emit()

    def _frame(self, value: float) -> None:
        if self._start is None or self._end is None:
            return
        self.shot = blend(self._start, self._end, float(value))
        self.moved.emit()
