"""The audience's view of the map: a camera on the present scene, the veil over what is
not being talked about, and the stage and lane labels on top. A click on a card asks for
its details; nothing else reacts to the mouse, and nothing here can edit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView

from mapper.canvas.painting import qcolor, qrect
from mapper.present.camera import Camera, Insets, Shot, overview_shot, stage_parts, stage_shot
from mapper.present.chrome import ChromeContext, TitleBlock, insets, paint_chrome, prompt_box
from mapper.present.map_scene import FAR, MapScene
from mapper.present.steps import Step, StepKind


class MapView(QGraphicsView):
    card_clicked = Signal(str)
    camera_moved = Signal()

    def __init__(self, scene: MapScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setMouseTracking(True)
        self.text_scale = 1.0
        self.step: Step | None = None
        self.pan = 0  # which part of a stage too tall for one screen
        self.corner = (0.0, 0.0)  # the minimap's size in the bottom-right corner, if shown
        self.camera = Camera(self)
        self.camera.moved.connect(self._apply)
        self._press: QPointF | None = None

    def map_scene(self) -> MapScene:
        return self.scene()  # type: ignore[return-value]

    # ------------------------------------------------------------ the camera
    def show_step(self, step: Step, animate: bool, from_after: bool = False) -> None:
        """Frame ``step``; a stage in parts starts at its first part, or at its last when
        stepping back into it."""
        if not step.is_map:
            return
        if step != self.step:
            self.step = step
            self.pan = self.parts()[1] - 1 if from_after else 0
        self.step = step
        self.camera.go(self.shot_for(step), animate and self.isVisible())

    def prompt(self, step: Step | None) -> str:
        """The stage's prompt for the room ("" when none or not a stage step)."""
        if step is None or step.kind is not StepKind.STAGE or step.stage_id is None:
            return ""
        journey = self.map_scene().deck.journey
        return journey.stages.get(step.stage_id).prompt if step.stage_id in journey.stages else ""

    def _insets(self, size: tuple[float, float], step: Step | None) -> Insets:
        """The chrome's room, the minimap's corner and the prompt's bar kept clear."""
        space = replace(insets(size[1], self.text_scale), corner=self.corner)
        box, _ = prompt_box(self.prompt(step), size, self.text_scale, self.corner[0])
        return replace(space, bottom=box.height() + space.margin if box.height() else 0.0)

    def shot_for(self, step: Step) -> Shot:
        scene = self.map_scene()
        size = (float(self.viewport().width()), float(self.viewport().height()))
        space = self._insets(size, step)
        if step.kind is StepKind.STAGE:
            return stage_shot(
                scene.room, step.stage_index, size, space, scene.base_layout.height, self.pan
            )
        return overview_shot(scene.room, size, space)

    def parts(self) -> tuple[int, int]:
        """(which part of the stage is shown, of how many): a stage too tall to read in one
        screen (a big map, bigger text) is shown in parts; (0, 1) otherwise."""
        if self.step is None or self.step.kind is not StepKind.STAGE:
            return 0, 1
        scene = self.map_scene()
        size = (float(self.viewport().width()), float(self.viewport().height()))
        space = self._insets(size, self.step)
        tops = stage_parts(scene.room, self.step.stage_index, size, space, scene.base_layout.height)
        return min(self.pan, len(tops) - 1), len(tops)

    def pan_by(self, direction: int) -> bool:
        """The next or previous part of a stage shown in parts; False when there is none
        that way."""
        part, count = self.parts()
        pan = max(0, min(count - 1, part + direction))
        if pan == part:
            return False
        self.go_part(pan)
        return True

    def go_part(self, part: int, animate: bool = True) -> None:
        self.pan = part
        if self.step is not None:
            self.camera.go(self.shot_for(self.step), animate and self.isVisible())

    def set_corner(self, corner: tuple[float, float]) -> None:
        """Keep stages out of a ``corner`` (width, height) at the bottom right."""
        if corner != self.corner:
            self.corner = corner
            self.refresh()

    def refresh(self) -> None:
        """After the scene was rebuilt or the size changed: same step, no glide."""
        self.camera.finish()
        if self.step is not None:
            self.camera.go(self.shot_for(self.step), animate=False)

    def _apply(self) -> None:
        shot = self.camera.shot
        if shot is None:
            return
        self.resetTransform()
        self.scale(shot.zoom, shot.zoom)
        self.centerOn(QPointF(*shot.center))
        self.viewport().update()
        self.camera_moved.emit()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.refresh()

    # ------------------------------------------------------------ painting
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        shot = self.camera.shot
        if shot is None:
            return
        scene = self.map_scene()
        if shot.veil > 0.01:
            veil = QPainterPath()
            veil.addRect(QRectF(-FAR, -FAR, 3 * FAR, 3 * FAR))
            lit = QPainterPath()
            lit.addRect(qrect(shot.lit))
            alpha = round(scene.theme.veil_alpha * shot.veil)
            painter.fillPath(veil.subtracted(lit), qcolor(scene.theme.veil, alpha))
        painter.save()
        painter.resetTransform()
        step = self.step
        focus = step.stage_index if step and step.kind is StepKind.STAGE else None
        deck = scene.deck
        viewport = self.viewport()
        size = (float(viewport.width()), float(viewport.height()))
        title = TitleBlock(deck.info.title, deck.subtitle, deck.content.personas, deck.facts)
        context = ChromeContext(
            scene.room, shot, size, self.text_scale, scene.theme, title, deck.lead, focus,
            self.prompt(step), self.corner[0],
        )  # fmt: skip
        paint_chrome(painter, context)
        painter.restore()

    # ------------------------------------------------------------ the mouse
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        event.accept()  # no dragging in present mode

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        event.accept()
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() >= QApplication.startDragDistance():
            return
        point = self.mapToScene(event.position().toPoint())
        card_id = self.map_scene().card_at(point.x(), point.y())
        if card_id is not None:
            self.card_clicked.emit(card_id)

    def mouseDoubleClickEvent(self, event) -> None:
        event.accept()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y()
        if steps:
            self.pan_by(-1 if steps > 0 else 1)
        event.accept()

    def keyPressEvent(self, event) -> None:
        event.ignore()  # the window's controller has the keys
