"""The shape every canvas gesture has (Orange's canvas interactions are the model): the
scene holds at most one, forwards the mouse to it and cancels it on Esc."""

from __future__ import annotations

from PySide6.QtCore import QPointF


class Interaction:
    """A gesture from press to release. ``end`` commits (one change at most), ``cancel``
    puts back whatever the gesture showed on the way, committing nothing."""

    # Whether Qt's own handling still runs on mouse moves (a card drag lets Qt move the
    # grabbed cards; drawing a flow or dragging a header does not)
    lets_items_move = False
    # Whether a mouse press ends it (a gesture started from a menu, with no button held):
    # a left press commits, any other press cancels
    ends_on_press = False

    def start(self) -> None:
        pass

    def move(self, pos: QPointF) -> None:
        pass

    def end(self, pos: QPointF) -> None:
        pass

    def cancel(self) -> None:
        pass
