"""Stage and lane headers dragged to another place, and a stage's right edge dragged to
another width: each a gesture that asks the edits layer for one change on release."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from mapper.canvas.header_items import LaneHeaderItem, StageHeaderItem
from mapper.canvas.interaction import Canvas, Interaction, past_drag_distance
from mapper.edits import intents
from mapper.model.vocabulary import STAGE_WIDTH_MAX


class StageHeaderDrag(Interaction):
    """A stage header follows the pointer sideways; let go, the stage takes that place."""

    def __init__(self, canvas: Canvas, header: StageHeaderItem, press: QPointF) -> None:
        self.canvas, self.header, self.press = canvas, header, press
        self.dragging = False

    def move(self, pos: QPointF) -> None:
        if self.dragging or past_drag_distance(pos - self.press):
            self.dragging = True
            self.header.setX(self.header.box.header.x + pos.x() - self.press.x())

    def end(self, pos: QPointF) -> None:
        if self.dragging:
            self.cancel()  # where the model puts it, if it accepts the move
            canvas = self.canvas
            stage_id = self.header.stage_id
            canvas.push(intents.move_stage(canvas.journey, canvas.layout, stage_id, pos.x()))

    def cancel(self) -> None:
        self.header.setX(self.header.box.header.x)


class StageResize(Interaction):
    """A drag of a stage header's right edge: let go, the stage takes that width."""

    def __init__(self, canvas: Canvas, header: StageHeaderItem, press: QPointF) -> None:
        self.canvas, self.header, self.press = canvas, header, press
        self.dragging = False

    def width_at(self, pos: QPointF) -> float:
        return max(120.0, min(STAGE_WIDTH_MAX, pos.x() - self.header.box.header.x))

    def move(self, pos: QPointF) -> None:
        self.dragging = self.dragging or past_drag_distance(pos - self.press)

    def end(self, pos: QPointF) -> None:
        if self.dragging:
            canvas = self.canvas
            width = self.width_at(pos)
            canvas.push(intents.resize_stage(canvas.journey, self.header.stage_id, width))


class LaneHeaderDrag(Interaction):
    """A lane header follows the pointer up or down; let go, the lane takes that place."""

    def __init__(self, canvas: Canvas, header: LaneHeaderItem, press: QPointF) -> None:
        self.canvas, self.header, self.press = canvas, header, press
        self.dragging = False

    def move(self, pos: QPointF) -> None:
        if self.dragging or past_drag_distance(pos - self.press):
            self.dragging = True
            self.header.setY(self.header.box.header.y + pos.y() - self.press.y())

    def end(self, pos: QPointF) -> None:
        if self.dragging:
            self.cancel()
            canvas = self.canvas
            lane_id = self.header.lane_id
            canvas.push(intents.move_lane(canvas.journey, canvas.layout, lane_id, pos.y()))

    def cancel(self) -> None:
        self.header.setY(self.header.box.header.y)
