"""An emotion point (or a ghost point of an unscored card) dragged to another score."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF

from mapper.canvas.emotion_items import EmotionPointItem
from mapper.canvas.interaction import Canvas, Interaction, past_drag_distance
from mapper.edits import intents
from mapper.layout.boxes import emotion_y
from mapper.model import EMOTION_MAX, EMOTION_MIN


class EmotionPointDrag(Interaction):
    """An emotion point dragged up or down snaps to the scale (-3..3), its curve following
    on the way; let go, the card's score for that persona changes. A ghost point (an
    unscored card) is scored once it was dragged past the start-drag distance; ``done``
    runs when the gesture is over either way (it takes away the ghost stand-in)."""

    def __init__(
        self, canvas: Canvas, point: EmotionPointItem, done: Callable[[], None] | None = None
    ) -> None:
        self.canvas, self.point, self.done = canvas, point, done
        self.home = QPointF(*point.point.pos)
        # the score it had (its item takes the scores it is dragged to, see preview)
        self.was: int | None = None if point.ghost else point.point.score
        self.score = self.was
        self.moved = False

    def start(self) -> None:
        self.point.show_score(self.score)

    def score_at(self, y: float) -> int | None:
        layout = self.canvas.layout
        lane = layout.emotion_lane
        if lane is None:
            return self.score
        return min(range(EMOTION_MIN, EMOTION_MAX + 1),
                   key=lambda s: abs(emotion_y(lane.row, s, layout.style) - y))  # fmt: skip

    def move(self, pos: QPointF) -> None:
        if not self.moved and not past_drag_distance(QPointF(0, pos.y() - self.home.y())):
            return
        self.moved = True
        score = self.score_at(pos.y())
        lane = self.canvas.layout.emotion_lane
        if score is not None and score != self.score and lane is not None:
            self.score = score
            point = self.point
            point.setY(emotion_y(lane.row, score, self.canvas.layout.style))
            point.show_score(score)
            self.canvas.emotions.preview(point.persona_id, point.card_id, score)

    def end(self, pos: QPointF) -> None:
        point = self.point
        unchanged = self.score is None or (not point.ghost and self.score == self.was)
        if unchanged or (point.ghost and not self.moved):
            self.cancel()
            return
        change = intents.set_emotion(self.canvas.journey, point.card_id, point.persona_id,
                                     self.score)  # fmt: skip
        if not self.canvas.push(change):
            self.cancel()
        else:
            self._finish()

    def cancel(self) -> None:
        if self.moved:  # the curve as it was (before the point's item goes back)
            self.canvas.emotions.preview(self.point.persona_id, self.point.card_id, None)
        self.point.setPos(self.home)
        self.point.show_score(None)
        self._finish()

    def _finish(self) -> None:
        done, self.done = self.done, None
        if done is not None:
            done()
