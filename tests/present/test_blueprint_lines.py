"""Present mode draws a service blueprint's lines between the lanes the room sees."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from mapper.model import Presentation
from mapper.present.content import lead_persona, shown
from mapper.present.items import GridItem
from mapper.present.room_layout import PresentStyle, present_layout
from mapper.present.theme import palette
from mapper.templates import find_template


def _inked_rows(journey) -> tuple[list[float], list[int]]:
    """The lanes' tops, and the rows where the grid paints solid ink at one x."""
    content = shown(journey)
    lead = lead_persona(journey, content)
    layout = present_layout(journey, content, lead.id if lead else None, PresentStyle(1.0))
    pal = palette(False)
    item = GridItem(layout, pal)
    x = layout.stages[0].column.center[0] + 1
    image = QImage(1, int(layout.height), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.translate(-x, 0)

    class _Option:
        exposedRect = QRectF(x - 1, 0, 3, layout.height)

    item.paint(painter, _Option())
    painter.end()
    ink = QColor(pal.ink)
    rows = [y for y in range(image.height()) if image.pixelColor(0, y) == ink]
    return [row.row.y for row in layout.lanes], rows


def test_the_line_of_interaction_is_drawn_above_the_frontstage_lane(qapp) -> None:
    journey = find_template("service-blueprint").load()
    tops, rows = _inked_rows(journey)
    ids = [lane.id for lane in shown(journey).lanes]
    frontstage = tops[ids.index("lane-frontstage")]
    assert any(abs(y - frontstage) <= 2 for y in rows)  # solid ink on the boundary
    # the room leaves out the frontstage: actions then backstage, no line there
    journey.update_info(presentation=Presentation(hidden_lane_ids=("lane-frontstage",)))
    tops, rows = _inked_rows(journey)
    ids = [lane.id for lane in shown(journey).lanes]
    backstage = tops[ids.index("lane-backstage")]
    assert not any(abs(y - backstage) <= 2 for y in rows)
