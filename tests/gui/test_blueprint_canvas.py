"""A service blueprint's lines on the canvas follow the lanes when a header is dragged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from gui.conftest import drag, view_point
from mapper.document import Document
from mapper.layout import theme
from mapper.layout.blueprint import LineKind
from mapper.templates import find_template


@pytest.fixture
def blueprint(manager, qtbot):
    win = manager.show(Document(find_template("service-blueprint").load()))
    win.resize(1600, 1000)
    qtbot.waitExposed(win)
    win.view.set_zoom(0.8)
    win.view.centerOn(500, 480)
    QApplication.processEvents()
    return win


def _lines(window) -> dict[LineKind, float]:
    return {line.kind: line.y for line in window.scene.layout.blueprint}


def _ink_rows(window, x: float, y0: float, y1: float) -> list[int]:
    """The scene rows between ``y0`` and ``y1`` where the grid paints the blueprint ink at
    ``x`` (the background item alone, as it paints itself)."""
    grid = window.scene.grid
    image = QImage(1, int(y1 - y0), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.translate(-x, -y0)

    class _Option:
        exposedRect = QRectF(x - 1, y0, 3, y1 - y0)

    grid.paint(painter, _Option())
    painter.end()
    ink = QColor(theme.BLUEPRINT_LINE)
    return [int(y0) + row for row in range(image.height()) if _close(image.pixelColor(0, row), ink)]


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_dragging_a_lane_header_moves_the_lines_on_the_canvas(blueprint):
    scene, journey = blueprint.scene, blueprint.document.journey
    before = _lines(blueprint)
    assert set(before) == set(LineKind)
    x = scene.layout.stages[1].column.center[0] + 50  # a cell clear of the flow arrows
    painted = _ink_rows(blueprint, x, 64, scene.layout.height)
    assert any(abs(row - before[LineKind.INTERACTION]) <= 1 for row in painted)

    # drag "Support processes" by its header to the top of the lanes
    support = scene.lane_headers["lane-support"].box.header
    start = view_point(blueprint, support.x + 80, support.y + 40)
    top = scene.layout.lanes[0].header
    end = view_point(blueprint, top.x + 80, top.y + 5)
    drag(blueprint, start, end)
    assert journey.lanes.ids()[0] == "lane-support"

    after = _lines(blueprint)
    assert LineKind.INTERNAL not in after  # support above everything: no such line
    support_height = scene.layout.lanes[0].row.height
    for kind in (LineKind.INTERACTION, LineKind.VISIBILITY):  # down by the lane put above
        assert after[kind] == pytest.approx(before[kind] + support_height, abs=0.01)
    # what the canvas paints follows: ink on the line's new row, none on its old one
    painted = _ink_rows(blueprint, x, 64, scene.layout.height)
    assert any(abs(row - after[LineKind.INTERACTION]) <= 1 for row in painted)
    assert not any(abs(row - before[LineKind.INTERACTION]) <= 1 for row in painted)

    blueprint.document.undo_stack.undo()
    QApplication.processEvents()
    assert _lines(blueprint) == before


def test_a_lines_name_stays_in_view_with_the_lane_names_when_the_map_scrolls(blueprint):
    from mapper.canvas.blueprint_items import BlueprintLabelItem

    scene, view = blueprint.scene, blueprint.view
    labels = [i for i in scene.items() if isinstance(i, BlueprintLabelItem)]
    assert sorted(i.line.label for i in labels) == sorted(ln.label for ln in scene.layout.blueprint)
    view.set_zoom(1.5)
    view.centerOn(scene.layout.width - 100, scene.layout.blueprint[1].y)
    QApplication.processEvents()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.left() > scene.layout.style.lane_header_width  # scrolled past the column
    label = next(i for i in labels if i.line.kind is LineKind.VISIBILITY)
    assert label.x() == pytest.approx(visible.left())
    assert visible.contains(label.sceneBoundingRect().center())
    # it sits over cards scrolled under it, like the lane headers
    assert label.zValue() == scene.lane_headers["lane-backstage"].zValue()
    # a lane moved so that a line goes away takes its name with it
    journey = blueprint.document.journey
    from mapper.edits import Move
    from mapper.model import Entity

    blueprint.document.try_push(Move(journey, Entity.LANE, "lane-support", 0, "Move lane"))
    QApplication.processEvents()
    left = [i for i in scene.items() if isinstance(i, BlueprintLabelItem)]
    assert sorted(i.line.kind for i in left) == sorted([LineKind.INTERACTION, LineKind.VISIBILITY])
