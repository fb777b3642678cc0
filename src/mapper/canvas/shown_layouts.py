"""Which layout a scene builds the next one on: the one it shows, or, when an undo or a
redo puts the map back in the state it showed before that, the layout of that state. A
paste of 100 cards pushes thousands of cards and flows down; its undo then takes every
box and route over from the layout shown before the paste instead of working them out
again, and only says how they differ from what the canvas shows (``layout.relink``)."""

from __future__ import annotations

from mapper.commands import Revision
from mapper.layout import MapLayout, Style


class ShownLayouts:
    """The layout shown before the one a scene shows, and the map's states both were
    made for (the document's revision tokens, see ``commands.Revision``)."""

    def __init__(self, revision: Revision | None) -> None:
        self.revision = revision
        self._state: object = None  # of the layout shown
        self._earlier: MapLayout | None = None
        self._earlier_state: object = None

    def base(self, shown: MapLayout | None, style: Style, flows: bool) -> MapLayout | None:
        """What to build the next layout on: ``shown`` (None: build afresh), or the earlier
        layout when the map is back in its state (with its flows routed, as ``flows``
        asks, and in ``style``)."""
        earlier, revision = self._earlier, self.revision
        if (
            shown is None
            or earlier is None
            or revision is None
            or revision.token is not self._earlier_state
            or not (flows and shown.routed and earlier.routed)
            or not (shown.style == style == earlier.style)
        ):
            return shown
        return earlier

    def showing(self, layout: MapLayout, shown: MapLayout | None) -> MapLayout | None:
        """``layout`` is shown now, instead of ``shown`` (None: it was built afresh).
        Returns the layout no longer kept (for its caller to let go of when it suits: a
        5,000-card map's boxes, routes and labels take a millisecond or two to free)."""
        dropped, self._earlier = self._earlier, shown
        self._earlier_state = self._state if shown is not None else None
        self._state = self.revision.token if self.revision is not None else None
        return dropped
