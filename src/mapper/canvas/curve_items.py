"""One persona's emotion items (a path and a row of points per stage, and the points that
have items of their own), and a point as drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.emotion_items import EmotionPointItem
from mapper.canvas.point_rows import PointRowItem
from mapper.layout import EmotionCurve, EmotionPoint

if TYPE_CHECKING:  # (loaded with the curves, after the first frame)
    from mapper.canvas.curve_path import CurveSegmentItem


class CurveItems:
    """One persona's items: a path and a row of points per stage (keyed by stage index),
    and the points that have items of their own (selected or dragged) by card id."""

    def __init__(self, curve: EmotionCurve, look: tuple) -> None:
        self.curve, self.look = curve, look
        self.pen_key: tuple = ()  # what the paths' pen was made from
        self.paths: dict[int, CurveSegmentItem] = {}
        self.rows: dict[int, PointRowItem] = {}
        self.own: dict[str, EmotionPointItem] = {}

    def items(self) -> list[QGraphicsItem]:
        return [*self.paths.values(), *self.rows.values(), *self.own.values()]


class DrawnPoint:
    """A point as the canvas draws it now, by its stage's row or by an item of its own
    (what a test or a tool asks of the emotion lane, read when asked)."""

    def __init__(self, layer: HasCurves, persona_id: str, card_id: str) -> None:
        self.layer, self.persona_id, self.card_id = layer, persona_id, card_id

    def item(self) -> QGraphicsItem:
        """The item that draws the point: its own, or its stage's row."""
        items = self.layer.curves[self.persona_id]
        own = items.own.get(self.card_id)
        if own is not None:
            return own
        return next(r for r in items.rows.values() if any(p.card_id == self.card_id
                                                          for p in r.points))  # fmt: skip

    @property
    def point(self) -> EmotionPoint:
        item = self.item()
        if isinstance(item, EmotionPointItem):
            return item.point
        assert isinstance(item, PointRowItem)
        return next(p for p in item.points if p.card_id == self.card_id)

    def pos(self) -> QPointF:
        item = self.item()
        return item.pos() if isinstance(item, EmotionPointItem) else QPointF(*self.point.pos)

    scenePos = pos

    def isSelected(self) -> bool:
        item = self.item()
        return isinstance(item, EmotionPointItem) and item.isSelected()

    def zValue(self) -> float:
        return self.item().zValue()

    def toolTip(self) -> str:
        return self.item().toolTip()


class HasCurves(Protocol):
    """What holds the curves' items (the emotion layer), read when a point is asked of."""

    curves: dict[str, CurveItems]
