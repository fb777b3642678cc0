"""The canvas's viewport: the widget the view paints the map on, and the strips of it its
focus frame covers."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QGraphicsView, QWidget


def own_viewport(view: QGraphicsView) -> QWidget:
    """Give ``view`` a viewport made here, as the one Qt makes. Asked for the one Qt made,
    PySide does not know what kind of widget it is and makes the Python type of every
    kind of widget there is (with their enums) to find out: about 10 ms before a map's
    first frame. One made from Python is known."""
    widget = QWidget()
    view.setViewport(widget)  # Qt's own goes; the view sets this one up as it did that one
    return widget


def frame_strips(rect: QRect) -> QRegion:
    """The viewport's pixels the focus frame (a 3-px pen inside its edge) covers."""
    w, h, edge = rect.width(), rect.height(), 5
    region = QRegion(0, 0, w, edge).united(QRegion(0, h - edge, w, edge))
    return region.united(QRegion(0, 0, edge, h)).united(QRegion(w - edge, 0, edge, h))
