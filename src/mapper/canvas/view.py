"""The view onto the scene: zoom (Ctrl+wheel, pinch, keys), pan (wheel, Shift+wheel
sideways, middle-drag, space+drag, scrollbars), rubber-band selection, drops from the
palette, and the keyboard (handed to ``canvas.keyboard``), with a focus frame while it has
the focus."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QPainter, QPen, QRegion
from PySide6.QtWidgets import QGraphicsTextItem, QGraphicsView, QMenu

from mapper.canvas.edge_scroll import EdgeScroll
from mapper.canvas.interactions import PaletteDrop
from mapper.canvas.keyboard import KeyboardControl
from mapper.canvas.painting import qcolor
from mapper.canvas.scene import JourneyScene
from mapper.canvas.sticky_headers import pin_headers
from mapper.canvas.viewport import frame_strips, own_viewport
from mapper.canvas.wheel import sideways_steps
from mapper.layout.theme import LIGHT, Theme

if TYPE_CHECKING:
    from mapper.canvas.menus import CanvasMenus

PALETTE_MIME = "application/x-mapper-palette+json"
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
# A map opens fitted to the window's width, but never smaller than this: card titles (12 px
# at 100 %) stay about 7 px high and readable; a wider map then scrolls sideways.
READABLE_ZOOM = 0.6


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)
    nudged = Signal(int, int)  # Ctrl+arrow with cards selected: (stages, places in the cell)
    palette_dropped = Signal(dict, QPointF)  # what to create, where (scene coordinates)

    def __init__(self, scene: JourneyScene, parent=None) -> None:
        super().__init__(scene, parent)
        own_viewport(self)  # (before anything asks Qt for its viewport: see there)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # a map shorter (or narrower) than the window stays at its top left, where it
        # starts, instead of floating in the middle under a band of nothing
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Journey map canvas")
        self.setAccessibleDescription(
            "Stages as columns and lanes as rows, with cards in their cells. Arrow keys move "
            "the selected cards, Ctrl+plus and Ctrl+minus zoom, Shift+wheel scrolls sideways."
        )
        self.viewport().setAccessibleName("Journey map")
        self.set_theme(LIGHT)
        self._panning_from: QPointF | None = None
        self._space_down = False
        scene.layout_changed.connect(self.pin_headers)
        self._menus: CanvasMenus | None = None  # made when a menu is first asked for
        self.menu_actions: dict[str, QAction] = {}  # the window's, by menu line (ui.actions)
        self.keys = KeyboardControl(self, scene, self.nudged.emit)
        self.rubberBandChanged.connect(self._band_moved)
        self.edge_scroll = EdgeScroll(self)  # a drag at the edge shows what is beyond

    @property
    def menus(self) -> CanvasMenus:
        """The context menus: their module loads with the first menu, not before the map's
        first frame."""
        if self._menus is None:
            from mapper.canvas.menus import CanvasMenus

            self._menus = CanvasMenus(self.journey_scene(), self)
            self._menus.actions = self.menu_actions
        return self._menus

    def journey_scene(self) -> JourneyScene:
        return self.scene()  # type: ignore[return-value]

    def _band_moved(self, rect: QRect, *_: object) -> None:  # (Qt's scene points lag behind)
        area = None if rect.isNull() else self.mapToScene(rect).boundingRect()
        self.journey_scene().emotions.reach(area)  # emotion points in it, for Qt to select

    # ------------------------------------------------------------ sticky headers
    def pin_headers(self) -> None:
        """Keep the stage and lane names in view while the map scrolls (see sticky_headers)."""
        scene = self.journey_scene()
        if scene is not None:  # (None while the view is built or torn down)
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            pin_headers(scene, visible, self.zoom(), self.viewport().size().toSizeF())

    # ---------------------------------------------------------------- looks
    def set_theme(self, theme: Theme) -> None:
        """The canvas's colours, the focus frame's among them."""
        self._theme = theme
        scene = self.journey_scene()
        if scene is not None:
            scene.set_theme(theme)
        self.viewport().update()

    def paintEvent(self, event) -> None:
        scene = self.journey_scene()
        if scene is None:
            super().paintEvent(event)
            return
        # opening a map: the cards this paint shows are built now, the others after it
        scene.build_cards(self.mapToScene(self.viewport().rect()).boundingRect())
        scene.catch_up_flows_if_views_moved()  # flows an edit left off screen may show
        scene.paint_rects = self.flow_rects(event.region())
        try:
            super().paintEvent(event)
        finally:
            scene.paint_rects = None
        scene.complete_soon()  # what is on screen is painted: now the rest, if still to come
        # (and what an edit left for the turn after its frame)
        if self.hasFocus():  # where the keys go: a frame inside the viewport's edge
            painter = QPainter(self.viewport())
            painter.setPen(QPen(qcolor(getattr(self, "_theme", LIGHT).selection), 3))
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -2, -2))
            painter.end()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.viewport().update()
        self.keys.show_ring()  # (nothing once the window closes: keys.detach)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.viewport().update()
        self.keys.focus_left()

    def flow_rects(self, region: QRegion) -> list[QRect] | None:
        """How flows should clip a repaint of ``region``: None for as it is, or one
        rectangle of viewport pixels at a time. A scroll repaints the new strip and the
        sticky headers; thousands of flows cross both on a big map, and clipped to both
        at once Qt walks each curve over the whole view between them. Pixels wholly under
        a header (opaque, above the flows) are left out: the headers hide them anyway."""
        hidden = self.under_headers()
        if hidden.intersects(region):
            return [*region.subtracted(hidden)]  # type: ignore[misc]  # iterates its rects
        if region.rectCount() <= 1:
            return None
        return [*region]  # type: ignore[misc]  # a QRegion iterates its rectangles

    def under_headers(self) -> QRegion:
        """The viewport pixels the stage and lane headers cover entirely."""
        scene = self.journey_scene()
        to_view = self.viewportTransform()
        hidden = QRegion()
        for header in (*scene.stage_headers.values(), *scene.lane_headers.values()):
            box = to_view.mapRect(header.sceneBoundingRect())
            left, top = math.ceil(box.left()), math.ceil(box.top())
            right, bottom = math.floor(box.right()), math.floor(box.bottom())
            if right > left and bottom > top:
                hidden = hidden.united(QRect(left, top, right - left, bottom - top))
        return hidden

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)  # Qt moves the pixels: the focus frame's too
        if self.hasFocus() and (dx or dy):  # so it is drawn again where it was and went
            frame = frame_strips(self.viewport().rect())
            self.viewport().update(frame.united(frame.translated(dx, dy)))
        self.pin_headers()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.pin_headers()

    # ---------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if abs(factor - current) > 1e-6:
            self.scale(factor / current, factor / current)
            self.pin_headers()
            self.zoom_changed.emit(self.zoom())

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def show_start(self) -> None:
        """Where a freshly opened map starts: fitted to the window's width (at most 100 %,
        at least a readable zoom), at the top left (its first stage, right to left too)."""
        rect = self.journey_scene().sceneRect()  # the map and a margin; asks no item
        if rect.isEmpty():
            return
        # the width the map gets once a vertical scrollbar shows (a fitted map is usually
        # taller than the window); measured from the view, which the window has laid out
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        width_zoom = max(room, 1) / rect.width()
        self.set_zoom(min(1.0, max(READABLE_ZOOM, width_zoom)))
        across, down = self.horizontalScrollBar(), self.verticalScrollBar()
        across.setValue(across.maximum() if self.isRightToLeft() else across.minimum())  # (left)
        down.setValue(down.minimum())
        self.zoom_changed.emit(self.zoom())

    def fit(self) -> None:
        rect = self.journey_scene().sceneRect()  # the map and a margin; asks no item
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.pin_headers()
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event) -> None:
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(1.15**steps)
            event.accept()
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            self._scroll_sideways(event)
        else:
            super().wheelEvent(event)

    def _scroll_sideways(self, event) -> None:
        """Shift+wheel scrolls left and right, as in browsers, Figma and Miro."""
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() - sideways_steps(event, bar.singleStep()))
        event.accept()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                return True
        if (
            event.type() == QEvent.Type.NativeGesture
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1 + event.value())
            return True
        return super().viewportEvent(event)

    # ---------------------------------------------------------------- panning
    def keyPressEvent(self, event) -> None:
        menu_key = event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        if menu_key and not self._typing():
            self.open_menu_for_selection()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space_down = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.journey_scene().cancel_interaction():
            event.accept()  # a drag, a flow being drawn: put back, nothing committed
            return
        scene = self.journey_scene()
        if not self._editing() and not scene.read_only and self.keys.key_press(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ---------------------------------------------------------- context menus
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click: the menu for what is under the pointer (selecting it, as a click
        would); the Menu key: the menu for the selection (see :meth:`keyPressEvent`)."""
        if self.journey_scene().read_only or self._typing():
            super().contextMenuEvent(event)
            return
        event.accept()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.open_menu_for_selection()
            return
        self.journey_scene().cancel_interaction()
        target = self.menus.target_at(self.mapToScene(event.pos()))
        self.menus.popup(target, event.globalPos())

    def open_menu_for_selection(self) -> QMenu | None:
        """The Menu key and Shift+F10: the menu of the selected thing, shown on it (with
        nothing selected, the map's menu in the middle of the view)."""
        if self.journey_scene().read_only:
            return None
        from mapper.edits.menus import MenuTarget, Target

        found = self.menus.target_of_selection()
        if found is None:
            where = self.viewport().rect().center()
            return self.menus.popup(MenuTarget(Target.MAP), self.viewport().mapToGlobal(where))
        target, scene_pos = found
        if target.kind not in (Target.STAGE, Target.LANE):  # headers stay in view anyway
            style = self.journey_scene().layout.style  # clear of the headers over the map
            margin_x = round(style.lane_header_width * self.zoom()) + 40  # in pixels
            margin_y = round(style.stage_header_height * self.zoom()) + 40
            self.ensureVisible(scene_pos.x() - 1, scene_pos.y() - 1, 2, 2, margin_x, margin_y)
        where = self.mapFromScene(scene_pos)
        return self.menus.popup(target, self.viewport().mapToGlobal(where))

    def _typing(self) -> bool:
        """Text is being edited in place: its keys and menu are the editor's."""
        return isinstance(self.journey_scene().focusItem(), QGraphicsTextItem)

    def _editing(self) -> bool:
        focus = self.journey_scene().focusItem()
        return focus is not None

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._panning_from is not None:
            delta = event.position() - self._panning_from
            self._panning_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._panning_from is not None:
            self._panning_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ---------------------------------------------------------- palette drops
    def dragEnterEvent(self, event) -> None:
        payload = _palette_payload(event.mimeData())
        if payload is None:
            super().dragEnterEvent(event)
            return
        event.acceptProposedAction()
        if not self.journey_scene().read_only:  # the target lights up on the way
            self.journey_scene().start_interaction(PaletteDrop(self.journey_scene(), payload))
            self._drag_over(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
            self._drag_over(event)
        else:
            super().dragMoveEvent(event)

    def _drag_over(self, event) -> None:
        interaction = self.journey_scene().interaction
        if isinstance(interaction, PaletteDrop):
            interaction.move(self.mapToScene(event.position().toPoint()))

    def dragLeaveEvent(self, event) -> None:
        if isinstance(self.journey_scene().interaction, PaletteDrop):
            self.journey_scene().cancel_interaction()
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        if not mime.hasFormat(PALETTE_MIME):
            super().dropEvent(event)
            return
        if isinstance(self.journey_scene().interaction, PaletteDrop):
            self.journey_scene().cancel_interaction()  # the highlight goes
        payload = _palette_payload(mime)
        if payload is not None:
            self.setFocus()  # from the palette: the keys go to the title being typed
            self.palette_dropped.emit(payload, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()


def _palette_payload(mime) -> dict | None:
    """What a palette entry dragged here asks to create; None for anything else."""
    if not mime.hasFormat(PALETTE_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(PALETTE_MIME)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return payload if isinstance(payload, dict) else None
