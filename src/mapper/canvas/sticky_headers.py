"""Stage names stay at the top of the view and lane names at its left while the map scrolls
under them, so a zoomed-in designer knows where they are. Along its band a name also keeps
to the part of its stage or lane in view: a long lane scrolled halfway up still shows its
name at the top of the view, as a list's section headers do.

Zoomed in so far that a band of names would cover more than :data:`PIN_SHARE` of the view
(lane names 160 px wide take 640 px at 400 %), that band scrolls with the map instead and
leaves the view to the map, as a spreadsheet lets go of frozen columns wider than its
window. It pins again once zoomed out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtWidgets import QGraphicsView

if TYPE_CHECKING:
    from mapper.canvas.scene import JourneyScene

PIN_SHARE = 1 / 3  # of the view's width (lane names) or height (stage names)


def pinned(band: float, zoom: float, room: float) -> bool:
    """Whether a band of names ``band`` scene units deep stays in view at ``zoom`` in a view
    ``room`` pixels wide (or high)."""
    return band * zoom <= room * PIN_SHARE


def pin_headers(scene: JourneyScene, visible: QRectF, zoom: float, room: QSizeF) -> None:
    """Place the headers for a view showing ``visible`` (scene units) at ``zoom`` in a
    viewport of ``room`` pixels."""
    style = scene.layout.style
    lanes_pinned = pinned(style.lane_header_width, zoom, room.width())
    stages_pinned = pinned(style.stage_header_height, zoom, room.height())
    left = visible.left() if lanes_pinned else 0.0
    top = visible.top() if stages_pinned else 0.0
    # where the map shows from, right of the lane names and under the stage names in view
    shown_left = visible.left() + (style.lane_header_width if lanes_pinned else 0.0)
    shown_top = visible.top() + (style.stage_header_height if stages_pinned else 0.0)
    for item in scene.stage_headers.values():
        item.setY(max(item.box.header.y, top))
        item.set_inset(_inset(shown_left - item.box.header.x, item.box.header.width,
                              item.content_width()))  # fmt: skip
    for lane in scene.lane_headers.values():
        lane.setX(max(lane.box.header.x, left))
        lane.set_inset(_inset(shown_top - lane.box.header.y, lane.box.header.height,
                              lane.content_height()))  # fmt: skip
    for label in scene.grid.labels:  # a blueprint line's name, in the lanes' column
        label.setX(max(0.0, left))
    scene.corner.set_size(style.lane_header_width, style.stage_header_height)
    scene.corner.setPos(max(0.0, left), max(0.0, top))
    scene.corner.setVisible(bool(scene.stage_headers) and bool(scene.lane_headers))


def show_clear(
    view: QGraphicsView,
    scene: JourneyScene,
    rect: QRectF,
    across: bool = True,
    down: bool = True,
    margin: float = 40.0,
) -> None:
    """Scroll ``view`` the least that shows ``rect`` (scene units) clear of the pinned
    stage and lane names, ``margin`` view pixels around it (Qt's ``ensureVisible`` knows
    nothing of the names: a card next to them, reached with the arrow keys, stayed under
    them). Only sideways or only up and down with ``down`` or ``across`` False (a stage's
    own name is pinned at the top: it moves only sideways)."""
    zoom = view.transform().m11()
    room = QSizeF(view.viewport().size())
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    style = scene.layout.style
    left, top = visible.left(), visible.top()  # where the map shows from, past the names
    if pinned(style.lane_header_width, zoom, room.width()):
        left += style.lane_header_width
    if pinned(style.stage_header_height, zoom, room.height()):
        top += style.stage_header_height
    pad = margin / zoom
    dx = _scroll(rect.left() - pad, rect.right() + pad, left, visible.right()) if across else 0
    dy = _scroll(rect.top() - pad, rect.bottom() + pad, top, visible.bottom()) if down else 0
    if dx or dy:
        view.centerOn(visible.center() + QPointF(dx, dy))


def _scroll(low: float, high: float, shown_low: float, shown_high: float) -> float:
    """How far to scroll along one axis so ``low``..``high`` shows in ``shown_low``..
    ``shown_high``: its start, if it is longer than that."""
    if low < shown_low:
        return low - shown_low
    if high > shown_high:
        return min(high - shown_high, low - shown_low)
    return 0.0


def _inset(hidden: float, length: float, content: float) -> float:
    """How far a header's name moves along it to stay in view: by as much of the header as
    is scrolled out of view (``hidden``), while the name still fits in the rest."""
    return max(0.0, min(hidden, length - content))
