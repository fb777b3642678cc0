"""Switching the look repaints the map in the new colours without laying it out again (a
look changes no box): the same picture as a full rebuild, at a fraction of the cost."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from factories import sample_map
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.layout.theme import DARK, LIGHT
from mapper.model import Lane, LaneKind


def picture(scene: JourneyScene) -> QImage:
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(0)  # (a new image's memory is not cleared: the edge may show what was there)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def a_scene() -> JourneyScene:
    journey = sample_map()
    journey.add(Lane("emo", "Emotion", LaneKind.EMOTION))  # curves, points, ghosts, legend
    return JourneyScene(Document(journey))


def test_a_new_look_repaints_without_a_relayout_and_draws_what_a_rebuild_draws(qapp):
    switched, rebuilt = a_scene(), a_scene()
    for scene in (switched, rebuilt):
        scene.set_theme(LIGHT)
        picture(scene)  # painted once in the light look: cached pictures to throw away
    layout = switched.layout
    switched.set_theme(DARK)
    assert switched.layout is layout  # nothing laid out again
    rebuilt.set_theme(DARK)
    rebuilt.sync(force=True)  # as the look was switched before: everything anew
    assert picture(switched) == picture(rebuilt)
    switched.set_theme(LIGHT)
    assert switched.layout is layout
    rebuilt.set_theme(LIGHT)
    rebuilt.sync(force=True)
    assert picture(switched) == picture(rebuilt)
