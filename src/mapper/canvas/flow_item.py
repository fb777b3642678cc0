"""A flow between two cards: a curved arrow with an optional label."""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from mapper.canvas.host import host_of
from mapper.canvas.painting import qcolor, qfont, theme_of
from mapper.layout import Bezier, FlowRoute
from mapper.layout.geometry import Point, bezier_bounds, near_bezier
from mapper.layout.text import elide, text_width
from mapper.layout.theme import LIGHT, Theme
from mapper.model import Entity

if TYPE_CHECKING:
    from mapper.layout.labels import FlowLabel


class FlowLayer(Protocol):
    """What draws unselected flows in bulk (canvas.flow_layer; not imported here, which
    would make an import cycle)."""

    def add(self, flow: FlowItem) -> None: ...
    def discard(self, flow: FlowItem) -> None: ...
    def detach(self, flow: FlowItem) -> None: ...
    def refile(self, flow: FlowItem, extent: Extent, tip: Point | None = None) -> None: ...
    def shifted(self, flow: FlowItem, extent: Extent, dx: float, dy: float) -> None: ...
    def keep_filed(self, flow: FlowItem) -> None: ...
    @property
    def scene(self) -> QGraphicsScene | None: ...


Extent = tuple[float, float, float, float]

ARROW = 9.0
HIT = 5.0  # how near the pointer must come to a flow to hover or click it
POINTER = 16.0  # a hit test up to this big (scene pixels) asks about a point
_SHAPE_MODES = (Qt.ItemSelectionMode.IntersectsItemShape, Qt.ItemSelectionMode.ContainsItemShape)
# looked up once: each Qt enum member lookup is a Python call, and paint runs thousands of times
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_BRUSH, _NO_PEN = Qt.BrushStyle.NoBrush, Qt.PenStyle.NoPen
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
HAIRLINE = 1.25  # on-screen pens up to this many pixels wide are drawn one pixel wide


def bezier_path(curve: Bezier) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*curve.p0)
    path.cubicTo(*curve.c1, *curve.c2, *curve.p3)
    return path


def arrow_head(curve: Bezier) -> QPolygonF:
    tip = QPointF(*curve.p3)
    dx, dy = curve.p3[0] - curve.c2[0], curve.p3[1] - curve.c2[1]
    if abs(dx) + abs(dy) < 1e-6:
        dx, dy = curve.p3[0] - curve.p0[0], curve.p3[1] - curve.p0[1]
    angle = math.atan2(dy, dx)
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.4), tip.y() - ARROW * math.sin(angle - 0.4))
    right = QPointF(
        tip.x() - ARROW * math.cos(angle + 0.4), tip.y() - ARROW * math.sin(angle + 0.4)
    )
    return QPolygonF([tip, left, right])


def far_from(curve: Bezier, x: float, y: float, reach: float) -> bool:
    """True when surely no point of the curve is within ``reach`` of (x, y) across and
    down; False when unsure. Cheap for the S-curves routes draw (level at both ends, so
    monotone down), which mid-map pass by the pointer's bounds by the thousand."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve.p0, curve.c1, curve.c2, curve.p3
    if y1 != y0 or y2 != y3 or y3 == y0:
        return False
    # y(t) = y0 + (y3 - y0) s with s = 3t^2 - 2t^3; inverse: t = 1/2 - sin(asin(1 - 2s) / 3)
    ts = []
    for edge in (y - reach, y + reach):
        s = min(max((edge - y0) / (y3 - y0), 0.0), 1.0)
        ts.append(0.5 - math.sin(math.asin(1 - 2 * s) / 3))
    low, high = min(ts), max(ts)
    # across, the curve's extremes on [low, high]: its ends and where x'(t) = 0 inside
    a, b, c = x3 - x0 + 3 * (x1 - x2), 2 * (x0 - 2 * x1 + x2), x1 - x0
    if abs(a) > 1e-12:
        disc = b * b - 4 * a * c
        if disc >= 0:
            root = math.sqrt(disc)
            ts += [t for t in ((-b + root) / (2 * a), (-b - root) / (2 * a)) if low < t < high]
    elif abs(b) > 1e-12 and low < -c / b < high:
        ts.append(-c / b)
    xs = [_cubic(x0, x1, x2, x3, t) for t in ts]
    return x + reach < min(xs) or x - reach > max(xs)


def _cubic(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    mt = 1 - t
    return mt * mt * mt * p0 + 3 * mt * t * (mt * p1 + t * p2) + t * t * t * p3


def _color(selected: bool, theme: Theme = LIGHT) -> QColor:
    return qcolor(theme.selection if selected else theme.flow_line)


@cache
def _pen(selected: bool, width: float, theme: Theme = LIGHT) -> QPen:
    return QPen(_color(selected, theme), width)


class FlowItem(QGraphicsItem):
    """A flow's curve. Cheap to build: a big map has tens of thousands, most never painted,
    so the painter path and the wide hit area are made when first needed. On screen an
    unselected flow is drawn by a ``FlowLayer`` with many others and has no contents of its
    own; it still answers hit tests, hover and selection."""

    def __init__(self, route: FlowRoute, label: FlowLabel | None = None) -> None:
        super().__init__()
        self.setFlag(_SELECTABLE)
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        self.hovered = False
        self._tip = ""  # the tooltip set (the flow's label)
        self.label: FlowLabelItem | None = None  # only labelled flows have one
        self.route = route
        self._path: QPainterPath | None = None
        self._shape: QPainterPath | None = None
        self._arrow: QPolygonF | None = None
        self._bounds = QRectF()
        self.extent: Extent = (0.0, 0.0, 0.0, 0.0)  # the bounds as left, top, right, bottom
        self.layer: FlowLayer | None = None  # what draws it, when not itself
        self.layer_keys: tuple = ()  # where the layer filed it
        self.set_route(route, label)

    @property
    def flow_id(self) -> str:
        return self.route.flow.id

    def set_route(self, route: FlowRoute, label: FlowLabel | None = None) -> None:
        """``label``: where the shared layout put the label (off cards and other labels);
        without one (while dragging) it sits in the middle of the curve."""
        layer = self.layer
        if layer is not None and getattr(layer.scene, "dragging", False):  # (its scene)
            layer.detach(self)  # following a dragged card: it paints itself meanwhile
        self.take_route(route, label)

    def take_route(self, route: FlowRoute, label: FlowLabel | None = None) -> None:
        """``set_route`` while no card is dragged (the canvas following an edit asks
        once, not flow by flow)."""
        extent, tip = self.extent, self.route.curve.p3  # (an arrow whose tip stayed stays)
        self.prepareGeometryChange()
        self.route = route
        self.placed_label = label
        self._path = self._shape = self._arrow = None
        left, top, right, bottom = bezier_bounds(route.curve)
        b = self._bounds  # set in place (see shift)
        b.setRect(left - ARROW, top - ARROW, right - left + 2 * ARROW, bottom - top + 2 * ARROW)
        # the same as plain numbers, for a layer's chunk bounds over many flows at once
        self.extent = (left - ARROW, top - ARROW, right + ARROW, bottom + ARROW)
        text = route.flow.label
        if text or self.label is not None:  # most flows have no label, and had none
            self._place_label(route, label)
        if text != self._tip:  # no Qt call for most flows
            self.setToolTip(text)
            self._tip = text
        layer = self.layer
        if layer is not None:
            layer.refile(self, extent, tip)
        else:
            self.update()

    def shift(self, route: FlowRoute, dx: float, dy: float, label: FlowLabel | None) -> None:
        """Take ``route``, this flow's route moved by (dx, dy) as a whole (a row of cards
        moved down): its bounds and label move along instead of being worked out again
        from the curve (its shape is the same), and its layer refiles it unless it moved
        with its rows (``FlowLayer.shifted``). Not while cards are dragged."""
        extent = self.extent
        self.prepareGeometryChange()
        self.route = route
        self.placed_label = label
        self._path = self._shape = self._arrow = None  # made again when next needed
        left, top, right, bottom = extent
        self.extent = (left + dx, top + dy, right + dx, bottom + dy)
        self._bounds.translate(dx, dy)  # in place (a rectangle made per flow costs more)
        if self.label is not None:  # the same flow: it has a label exactly when it had
            self.label.place(route, label)
        layer = self.layer
        if layer is not None:
            layer.shifted(self, extent, dx, dy)
        else:
            self.update()

    def set_layer(self, layer: FlowLayer | None) -> None:
        """Be drawn by ``layer`` with many others, or (None) paint itself."""
        if layer is self.layer:
            return
        if self.layer is not None:
            self.layer.discard(self)
        self.layer = layer
        self.setFlag(_NO_CONTENTS, layer is not None)
        if layer is not None:
            layer.add(self)
        else:
            self.update()

    def _place_label(self, route: FlowRoute, label: FlowLabel | None) -> None:
        if not route.flow.label.strip():
            if self.label is not None:
                if self.label.scene() is not None:
                    self.label.scene().removeItem(self.label)
                self.label = None
            return
        if self.label is None:
            self.label = FlowLabelItem(self)
            if self.scene() is not None:
                self.scene().addItem(self.label)
        self.label.place(route, label)

    def path(self) -> QPainterPath:
        if self._path is None:
            self._path = bezier_path(self.route.curve)
        return self._path

    def arrow(self) -> QPolygonF:
        if self._arrow is None:
            self._arrow = arrow_head(self.route.curve)
        return self._arrow

    def arrow_rect(self) -> QRectF:
        """Where the arrow head can be: a box around the tip, computed without the head."""
        x, y = self.route.curve.p3
        return QRectF(x - ARROW - 1, y - ARROW - 1, 2 * ARROW + 2, 2 * ARROW + 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def contains(self, point: QPointF) -> bool:  # type: ignore[override]  # points only
        return near_bezier(self.route.curve, point.x(), point.y(), HIT)

    def collidesWithPath(self, path: QPainterPath, mode=Qt.ItemSelectionMode.IntersectsItemShape):
        """Hover and clicks ask every flow whose bounds hold the pointer whether the
        pointer's pixel touches it, and thousands do mid-map on a big map: measured on the
        curve, not on a stroked outline (which took a second). Rubber bands use the
        outline."""
        rect = path.controlPointRect()
        if rect.width() <= POINTER and rect.height() <= POINTER and mode in _SHAPE_MODES:
            centre = rect.center()
            x, y = centre.x(), centre.y()
            reach = HIT + max(rect.width(), rect.height()) / 2
            curve = self.route.curve
            return not far_from(curve, x, y, reach) and near_bezier(curve, x, y, reach)
        return super().collidesWithPath(path, mode)

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(2 * HIT)
            self._shape = stroker.createStroke(self.path())
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # Called for every flow in view on every repaint (hundreds on a big map): kept lean.
        scene = self.scene()
        rects = getattr(scene, "paint_rects", None) if widget is not None else None
        selected = self.isSelected()
        # While cards are dragged, flows repaint on every mouse move: without antialiasing
        # a long curve costs a tenth (the frame budget is 16 ms); it is smooth again on drop.
        dragging = getattr(scene, "dragging", False)
        painter.setRenderHint(_ANTIALIASING, not dragging)
        width = 0.0 if dragging else (2.4 if selected else 1.6)  # 0: a fast 1-pixel line
        transform = painter.worldTransform()
        if widget is not None and width * transform.m11() <= HAIRLINE:
            # On screen a pen of a pixel or so is drawn as exactly one pixel: Qt rasterises
            # that (width 0) many times faster than a 1.1-pixel pen, and a big map at its
            # opening zoom has hundreds of long flows in view.
            width = 0.0
        arrow = self.arrow()
        theme = getattr(scene, "theme", LIGHT)
        pen, color = _pen(selected, width, theme), _color(selected, theme)
        if rects is None:
            self._draw(painter, pen, color)
            return
        # One rectangle of the repaint at a time (see JourneyView.flow_rects), and the
        # arrow only where it is: most flows in a scrolled strip pass through it.
        bounds = transform.mapRect(self._bounds)
        arrow_box = transform.mapRect(arrow.boundingRect()).adjusted(-1, -1, 1, 1)
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        heads = []
        for rect in rects:
            area = QRectF(rect)
            if not bounds.intersects(area):
                continue
            clip_to(painter, rect, transform)
            painter.drawPath(self.path())
            if arrow_box.intersects(area):
                heads.append(rect)
        painter.setPen(_NO_PEN)
        painter.setBrush(color)
        for rect in heads:
            clip_to(painter, rect, transform)
            painter.drawPolygon(arrow)

    def _draw(self, painter: QPainter, pen: QPen, color: QColor) -> None:
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self.path())
        painter.setPen(_NO_PEN)
        painter.setBrush(color)
        painter.drawPolygon(self.arrow())

    def hoverEnterEvent(self, event) -> None:
        self._set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:
        self._set_hovered(False)

    def _set_hovered(self, hovered: bool) -> None:
        """A hovered flow shows its label even zoomed out; the curve itself looks the same
        (repainting it would repaint its whole bounds: most of the view for a long flow)."""
        self.hovered = hovered
        if self.label is not None:
            self.label.update()

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:
            host.edit_text(Entity.FLOW, self.flow_id)


def clip_to(painter: QPainter, rect, transform) -> None:
    """Clip to ``rect`` in viewport pixels, keeping the world ``transform``."""
    painter.resetTransform()
    painter.setClipRect(rect)
    painter.setWorldTransform(transform)


class FlowLabelItem(QGraphicsItem):
    """A flow's label, drawn above the cards where the layout found it room (never over a
    card's text or badges). A label shortened to fit shows its full text on hover; one
    with no room at all is not drawn (the flow's tooltip has it). Only flows with a
    label have one: empty items at the map's origin were asked to paint on every
    repaint of that corner, and tens of thousands of them slowed opening a big map."""

    def __init__(self, flow: FlowItem) -> None:
        super().__init__()
        self.flow = flow
        self.setZValue(15)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.rect = QRectF()
        self._bounds = QRectF()
        self.text = ""
        self._placed: tuple | None = None  # the text, clearness and flow of the label placed

    def place(self, route: FlowRoute, label: FlowLabel | None) -> None:
        self.prepareGeometryChange()
        placed, self._placed = self._placed, None
        if label is not None:  # set in place: hundreds of labels move per edit (see shift)
            self.rect.setRect((r := label.rect).x, r.y, r.width, r.height)
            self._bounds.setRect(r.x - 1, r.y - 1, r.width + 1 + 1, r.height + 1 + 1)  # (as Qt)
            self._placed = (label.text, label.clear, route.flow)
            if placed != self._placed:  # (a label carried along keeps its text and tooltip)
                self.text = label.text if label.clear else ""
                full = " ".join(route.flow.label.split())
                if (label.elided or not label.clear) or self.toolTip():
                    self.setToolTip(full if label.text != full else "")
        else:
            from mapper.layout import labels as lb  # (loaded with the flows: no cost)

            text = elide(" ".join(route.flow.label.split()), lb.LABEL_MAX_WIDTH, lb.LABEL_SIZE)
            width = text_width(text, lb.LABEL_SIZE) + 2 * lb.LABEL_PADDING
            x, y = route.label_at
            self.rect = QRectF(x - width / 2, y - lb.LABEL_HEIGHT / 2, width, lb.LABEL_HEIGHT)
            self.text, self._bounds = text, self.rect.adjusted(-1, -1, 1, 1)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.text:
            return
        flow = self.flow
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if not (flow.isSelected() or flow.hovered or detail >= 0.9):
            return  # labels clutter a zoomed-out map
        theme = theme_of(self)
        color = _color(flow.isSelected(), theme)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(qcolor(theme.label_fill, 240))
        painter.setPen(QPen(color, 0.8))
        radius = self.rect.height() / 2
        painter.drawRoundedRect(self.rect, radius, radius)
        from mapper.layout.labels import LABEL_SIZE  # (loaded with the flows: no cost)

        painter.setPen(qcolor(theme.ink))
        painter.setFont(qfont(LABEL_SIZE))
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)
