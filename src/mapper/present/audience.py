"""One step on screen: the map with its camera, or the emotion chart, or a ranked list.

The audience window shows one of these full screen; the presenter console keeps a hidden
one to draw its previews of the current and the next step the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, Qt, QVariantAnimation
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QStackedLayout, QWidget

from mapper.present.agenda_slide import AgendaSlide
from mapper.present.deck import Deck
from mapper.present.emotion_slide import EmotionSlide
from mapper.present.list_slide import ListSlide
from mapper.present.map_scene import MapScene
from mapper.present.map_view import MapView
from mapper.present.steps import Step, StepKind
from mapper.present.text_slide import TextSlide
from mapper.present.theme import Palette
from mapper.present.vote_slide import VoteSlide

FADE_MS = 350


LIST_STEPS = (StepKind.PAIN_POINTS, StepKind.OPPORTUNITIES)


class AudienceView(QWidget):
    def __init__(self, deck: Deck, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck = deck
        self.step: Step | None = None
        self.map_view = MapView(scene)
        self.emotion = EmotionSlide(deck, scene.room, scene.theme)
        self.lists = ListSlide(deck, scene.theme)
        self.agenda = AgendaSlide(deck.journey, scene.theme)
        self.vote = VoteSlide(deck, scene.theme)
        self.text = TextSlide(scene.theme)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        for widget in (self.map_view, self.emotion, self.lists, self.agenda, self.vote, self.text):
            self.stack.addWidget(widget)
        self.fade = _Fade(self)

    def set_look(self, palette: Palette, text_scale: float) -> None:
        """After the scene was rebuilt for a new palette or text size."""
        scene = self.map_view.map_scene()
        self.map_view.text_scale = text_scale
        self.map_view.refresh()
        self.map_view.viewport().update()
        self.emotion.set_look(scene.room, palette, text_scale)
        self.lists.set_look(palette, text_scale)
        self.agenda.set_look(palette, text_scale)
        self.vote.set_look(palette, text_scale)
        self.text.set_look(palette, text_scale)

    def show_step(self, step: Step, animate: bool) -> None:
        previous, self.step = self.step, step
        target = self._widget_for(step)
        switching = target is not self.stack.currentWidget()
        if switching and animate and previous is not None and self.isVisible():
            current = self.stack.currentWidget()
            if current is not None:
                self.fade.start(current.grab())
        if switching:
            self.stack.setCurrentWidget(target)
        order = self.deck.steps
        backwards = previous is not None and order.index(previous) > order.index(step)
        arriving = previous is None or previous.kind is not step.kind
        if step.is_map:
            self.map_view.show_step(step, animate and not switching, from_after=backwards)
        elif step.kind is StepKind.EMOTION:
            self.emotion.show_step(step, animate, grow_from_nothing=arriving and not backwards)
        elif step.kind is StepKind.AGENDA:
            self.agenda.update()
        elif step.kind is StepKind.VOTE:
            self.vote.show_step(step)
        elif step.kind is StepKind.SLIDE:
            self.text.show_step(step)
        else:
            self.lists.show_step(step, from_after=backwards)

    def turn_page(self, direction: int) -> bool:
        """Within a step: the next or previous page of a long list, or part of a stage."""
        if self.step is not None and self.step.kind in LIST_STEPS:
            return self.lists.turn(direction)
        if self.step is not None and self.step.kind is StepKind.VOTE:
            return self.vote.turn(direction)
        if self.step is not None and self.step.kind is StepKind.STAGE:
            return self.map_view.pan_by(direction)
        return False

    def position_in_step(self) -> tuple[int, int]:
        """(page or part shown, of how many): (0, 1) for a step shown whole."""
        if self.step is not None and self.step.kind in LIST_STEPS:
            return self.lists.page, len(self.lists.pages())
        if self.step is not None and self.step.kind is StepKind.VOTE:
            return self.vote.page(), self.vote.pages()
        if self.step is not None and not self.step.is_map:
            return 0, 1
        return self.map_view.parts()

    def show_part(self, step: Step, part: int) -> None:
        """Show ``step`` at its ``part``-th page or part, at once (the console's previews)."""
        self.show_step(step, animate=False)
        if step.kind in LIST_STEPS:
            self.lists.page = max(0, min(part, len(self.lists.pages()) - 1))
            self.lists.update()
        elif step.kind is StepKind.STAGE:
            self.map_view.go_part(part, animate=False)
        elif step.kind is StepKind.VOTE:
            self.vote.show_step(step, part)

    def _widget_for(self, step: Step) -> QWidget:
        if step.is_map:
            return self.map_view
        if step.kind is StepKind.AGENDA:
            return self.agenda
        if step.kind is StepKind.VOTE:
            return self.vote
        if step.kind is StepKind.SLIDE:
            return self.text
        return self.emotion if step.kind is StepKind.EMOTION else self.lists

    def settle(self) -> None:
        """End running animations (for previews and screenshots)."""
        self.map_view.camera.finish()
        self.emotion.finish()
        self.fade.stop()


class _Fade(QWidget):
    """The previous step's picture, fading out over the new one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.pixmap = QPixmap()
        self.opacity = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(FADE_MS)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._animation.valueChanged.connect(self._frame)
        self._animation.finished.connect(self.hide)
        self.hide()

    def start(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        parent = self.parentWidget()
        assert parent is not None, "the fade is made with a parent"
        self.setGeometry(parent.rect())
        self.opacity = 1.0
        self.show()
        self.raise_()
        self._animation.start()

    def stop(self) -> None:
        self._animation.stop()
        self.hide()

    def _frame(self, value: float) -> None:
        self.opacity = float(value)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setOpacity(self.opacity)
        painter.drawPixmap(QPointF(0, 0), self.pixmap)
        painter.end()
