"""The audience window: full screen, no chrome, one step at a time, with the overlays a
facilitator reaches for. Its keys go to the controller; a click on a card or a tile asks
for details. It holds no document, only the deck read from it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from mapper.layout.geometry import Rect
from mapper.present.audience import AudienceView
from mapper.present.controller import Controller
from mapper.present.deck import Deck
from mapper.present.detail_overlay import DetailOverlay
from mapper.present.map_scene import MapScene
from mapper.present.minimap import Minimap
from mapper.present.overlays import CoverLayer, HelpLayer, SpotlightLayer, Toast
from mapper.present.steps import StepKind
from mapper.present.theme import DESIGN_HEIGHT, palette, room_text_scale


class AudienceWindow(QWidget):
    closed = Signal()  # by any means: Esc, Alt+F4, the window manager

    def __init__(
        self, deck: Deck, scene: MapScene, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(f"{deck.info.title} — Mapper presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.deck, self.scene, self.controller = deck, scene, controller
        self.view = AudienceView(deck, scene, self)
        self.minimap = Minimap(self)
        self.minimap.layout_ = scene.room
        self.minimap.marks = {
            StepKind.PAIN_POINTS: {p.card.id for p in deck.pain_points},
            StepKind.OPPORTUNITIES: {i for o in deck.opportunities for i in o.pain_point_ids},
        }
        self.spotlight = SpotlightLayer(self)
        self.detail = DetailOverlay(deck.journey, self)
        self.help = HelpLayer(self)
        self.cover = CoverLayer(self)
        self.toast = Toast(self)
        self.view.map_view.card_clicked.connect(self._card_clicked)
        self.view.map_view.camera_moved.connect(self._camera_moved)
        self.view.lists.clicked.connect(controller.show_detail)
        self.detail.dismissed.connect(lambda: controller.show_detail(None))
        controller.step_changed.connect(self.show_step)
        controller.options_changed.connect(self._option_changed)
        controller.detail_changed.connect(self._detail_changed)
        controller.pan_requested.connect(self._pan)
        controller.inner_step = self.view.turn_page
        self._tracking = False
        self._look = (1.0, palette(False))  # what the scene was built with
        self.show_step(False)
        self._option_changed("minimap")

    # ------------------------------------------------------------ steps
    def show_step(self, animate: bool) -> None:
        nav = self.controller.navigator
        self.view.show_step(nav.current, animate)
        self.minimap.step = nav.current
        self.minimap.position = (nav.index + 1, len(nav.steps))
        self._camera_moved()

    def _camera_moved(self) -> None:
        rect = self.view.map_view.visible_scene_rect()
        self.minimap.visible_rect = Rect(rect.x(), rect.y(), rect.width(), rect.height())
        self.minimap.update()

    def _card_clicked(self, card_id: str) -> None:
        slot = self.scene.room.cards.get(card_id)
        if slot is not None:
            self.controller.show_detail(slot.card)

    def _pan(self, direction: int) -> None:
        """Up / Down scroll what can scroll (details, a long list, a tall stage) and
        otherwise step, as the clickers that send them expect."""
        if self.detail.isVisible():
            self.detail.scroll_by(direction)
        elif not self.view.turn_page(direction) and not self._pan_map(direction):
            if direction > 0:
                self.controller.forward()
            else:
                self.controller.back()

    def _pan_map(self, direction: int) -> bool:
        """The next part of the map step on show (not of the last one shown, when a slide,
        a list or a voting step is on screen)."""
        step = self.view.step
        return step is not None and step.is_map and self.view.map_view.pan_by(direction)

    # ------------------------------------------------------------ options
    def _option_changed(self, name: str) -> None:
        options = self.controller.options
        if name in ("text_scale", "high_contrast"):
            self._apply_look(force=True)
            if name == "text_scale":
                self.toast.say(f"Text {options.text_scale * 100:.0f}%")
            else:
                self.toast.say("High contrast" if options.high_contrast else "Normal contrast")
        elif name == "cover":
            self.cover.set_cover(options.cover)
        elif name == "spotlight":
            self.spotlight.cover_parent()
            self.spotlight.setVisible(options.spotlight)
            self._track_mouse(options.spotlight)
        elif name == "minimap":
            self.minimap.palette_ = palette(options.high_contrast)
            self.minimap.place()
            self.minimap.setVisible(options.minimap)
            self._keep_stages_clear()
        elif name == "help":
            self.help.palette_ = palette(options.high_contrast)
            self.help.cover_parent()
            self.help.setVisible(options.help)
        elif name == "transitions":
            self.toast.say("Transitions on" if options.transitions else "Transitions off")
        self.cover.raise_()

    def text_scale(self) -> float:
        """The chosen text size, made larger on a low screen (see theme.room_text_scale)."""
        height = self.height() if self.isVisible() else DESIGN_HEIGHT  # not shown yet
        return room_text_scale(height, self.controller.options.text_scale)

    def _apply_look(self, force: bool = False) -> None:
        scale, look = self.text_scale(), palette(self.controller.options.high_contrast)
        if not force and (scale, look) == self._look:
            return
        self._look = (scale, look)
        self.scene.rebuild(look, scale)
        self.minimap.layout_, self.minimap.palette_ = self.scene.room, look
        self.help.palette_ = look
        self.view.set_look(look, scale)
        self._detail_changed()

    def _detail_changed(self) -> None:
        options = self.controller.options
        self.detail.show_target(
            self.controller.detail, palette(options.high_contrast), self.text_scale()
        )
        # the minimap would sit on the details: it steps aside while they are shown
        self.minimap.setVisible(options.minimap and self.controller.detail is None)
        self.spotlight.raise_()
        self.cover.raise_()

    # ------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.controller.handle_key(event)
        event.accept()  # every key stops here: none reaches the editor

    def _track_mouse(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if on and not self._tracking:
            app.installEventFilter(self)
        elif not on and self._tracking:
            app.removeEventFilter(self)
        self._tracking = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseMove
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            self.spotlight.follow(QPointF(self.mapFromGlobal(event.globalPosition().toPoint())))
        return False

    def _keep_stages_clear(self) -> None:
        """Stages make room for the minimap instead of running under it."""
        shown = self.controller.options.minimap
        size = (float(self.minimap.width()), float(self.minimap.height()))
        self.view.map_view.set_corner(size if shown else (0.0, 0.0))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply_look()  # the room's real height is known now

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_look()  # a lower screen: larger text
        self.view.setGeometry(self.rect())
        self.minimap.place()
        self._keep_stages_clear()
        for layer in (self.spotlight, self.detail, self.help, self.cover):
            if layer.isVisible():
                layer.setGeometry(self.rect())

    def closeEvent(self, event) -> None:
        self._track_mouse(False)
        super().closeEvent(event)
        self.closed.emit()
