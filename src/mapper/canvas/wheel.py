"""How far a Shift+wheel turn scrolls sideways."""

from __future__ import annotations

from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def sideways_steps(event: QWheelEvent, single_step: int) -> int:
    """The scrollbar steps (pixels) a Shift+wheel ``event`` scrolls to the right: a
    touchpad's pixels, or a wheel's notches as many lines as the system scrolls. A wheel
    that the system already turned sideways keeps its own direction."""
    pixels, angle = event.pixelDelta(), event.angleDelta()
    if not pixels.isNull():
        return pixels.x() or pixels.y()
    notches = (angle.x() or angle.y()) / 120
    return round(notches * QApplication.wheelScrollLines() * single_step)
