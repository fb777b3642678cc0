"""What is selected on the canvas, told to the panels that follow it: the status bar's
count, the inspector's fields and the outline's row; and a stage or lane chosen in the
outline, selected on the canvas (without the canvas choosing back)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QGraphicsView, QLabel

from mapper.canvas.scene import JourneyScene
from mapper.model import Entity

if TYPE_CHECKING:
    from mapper.ui.inspector import Inspector
    from mapper.ui.outline import OutlineWidget

KINDS = (Entity.CARD, Entity.FLOW, Entity.STAGE, Entity.LANE)


class FollowingPanels(Protocol):
    """Where the panels are found (made when first asked for: see ``ui.panels``)."""

    @property
    def inspector(self) -> Inspector: ...

    @property
    def outline(self) -> OutlineWidget: ...


class SelectionRelay:
    """The window connects the scene's selectionChanged to :meth:`selection_changed` (a
    window's slot, so Qt drops it while the window and its scene are taken apart), and
    the outline's choice to :meth:`outline_selected`."""

    def __init__(
        self, scene: JourneyScene, view: QGraphicsView, panels: FollowingPanels, label: QLabel
    ) -> None:
        self.scene, self.view, self.panels, self.label = scene, view, panels, label
        self._outline_choosing = False

    def selection_changed(self) -> None:
        chosen = {k: self.scene.selected_ids(k) for k in KINDS}
        total = sum(len(ids) for ids in chosen.values())
        self.label.setText(f"{total} selected" if total else "")
        kind = next((k for k in KINDS if chosen[k]), None)
        if not self._outline_choosing:
            self.panels.outline.follow(
                kind if total == 1 else None, chosen[kind][0] if kind else None
            )
        points = self.scene.selected_emotion_points() if not total else []
        if points:  # an emotion point: its card in the inspector, where its score is typed
            many = "s" if len(points) > 1 else ""
            self.label.setText(f"{len(points)} emotion point{many} selected")
            self.panels.inspector.show_target(Entity.CARD, points[0][0])
        elif total > 1:
            self.panels.inspector.show_many(total)
        elif kind is None:
            self.panels.inspector.show_target(None, None)
        else:
            self.panels.inspector.show_target(kind, chosen[kind][0])

    def outline_selected(self, kind: Entity, item_id: str) -> None:
        headers = self.scene.stage_headers if kind is Entity.STAGE else self.scene.lane_headers
        self._outline_choosing = True  # the outline chose: the canvas follows, not back
        try:
            self.scene.clearSelection()
            if item_id in headers:
                headers[item_id].setSelected(True)
                self.view.ensureVisible(headers[item_id])
        finally:
            self._outline_choosing = False
        self.panels.inspector.show_target(kind, item_id)  # hidden lanes too, so they can be shown
