"""The canvas's viewport is made from Python (``canvas.viewport.own_viewport``): PySide then
knows its kind, instead of building the type of every kind of widget to find out (about
10 ms before a map's first frame). It is set up exactly as the one Qt makes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from factories import sample_map
from mapper.canvas.scene import JourneyScene
from mapper.canvas.view import JourneyView
from mapper.canvas.viewport import own_viewport
from mapper.document import Document


def looks(view: QGraphicsView) -> dict:
    viewport = view.viewport()
    return {
        "attributes": {a.name for a in Qt.WidgetAttribute if viewport.testAttribute(a)},
        "name": viewport.objectName(),
        "background": (viewport.backgroundRole(), viewport.autoFillBackground()),
        "colour": viewport.palette().color(viewport.backgroundRole()).name(),
        "focus": (viewport.focusPolicy(), viewport.focusProxy() is view),
        "parent": viewport.parent() is view,
        "geometry": viewport.geometry().getRect(),
        "kind": type(viewport),
    }


def shown(view: QGraphicsView, qtbot) -> dict:
    view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
    view.setAcceptDrops(True)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    return looks(view)


def test_the_viewport_made_here_is_set_up_as_qts_own(qtbot):
    qts = QGraphicsView(QGraphicsScene())
    ours = QGraphicsView(QGraphicsScene())
    made = own_viewport(ours)
    assert ours.viewport() is made
    assert shown(ours, qtbot) == shown(qts, qtbot)


def test_the_canvas_paints_on_a_viewport_made_from_python(qtbot):
    view = JourneyView(JourneyScene(Document(sample_map())))
    viewport = view.viewport()
    assert type(viewport) is QWidget and viewport.parent() is view
    assert viewport.accessibleName() == "Journey map"  # set up on this one
    assert viewport.hasMouseTracking() and viewport.acceptDrops()
