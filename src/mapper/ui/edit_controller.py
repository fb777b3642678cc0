"""Edit-menu actions on the canvas selection: delete, duplicate, copy, cut, paste, nudge.
What each means is decided in the edits layer (mapper.edits.selection); this brings the
selection, the clipboard and the mouse position to it."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence

from mapper.canvas.reveal import reveal
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Change, EditRefused, Insert, intents, selection
from mapper.model import Entity


class EditController:
    def __init__(self, document: Document, scene: JourneyScene) -> None:
        self.document = document
        self.scene = scene
        self.journey = document.journey
        self.tell: Callable[[str], None] = lambda text: None  # the status bar

    def _push(self, change: Change | None) -> bool:
        return change is not None and self.document.try_push(change)

    def add_stage(self) -> bool:
        """A new stage after the selected one (or the selected card's), else at the end;
        selected, shown and its name being typed (Insert menu, toolbar)."""
        after = self.scene.selected_ids(Entity.STAGE) or [
            self.journey.card(c).stage_id for c in self.scene.selected_ids(Entity.CARD)
        ]
        index = self.journey.stages.index_of(after[0]) + 1 if after else None
        return self._add(intents.add_stage(self.journey, index), Entity.STAGE)

    def add_lane(self) -> bool:
        """A new lane below the selected one (or the selected card's), else at the bottom;
        selected, shown and its name being typed (Insert menu, toolbar)."""
        after = self.scene.selected_ids(Entity.LANE) or [
            self.journey.card(c).lane_id for c in self.scene.selected_ids(Entity.CARD)
        ]
        index = self.journey.lanes.index_of(after[0]) + 1 if after else None
        return self._add(intents.add_lane(self.journey, index), Entity.LANE)

    def _add(self, change: Insert, kind: Entity) -> bool:
        if not self._push(change):
            return False
        reveal(self.scene, kind, change.entity.id)
        return True

    # ------------------------------------------------------------- delete
    def delete_selection(self) -> bool:
        """Delete the selected flows, cards, stages and lanes as one undo step. With only
        emotion points selected, clear their scores instead (the cards stay); a selection
        that holds cards too (a rubber band over both) deletes what it holds, as before."""
        scene = self.scene
        chosen = {
            "cards": scene.selected_ids(Entity.CARD),
            "flows": scene.selected_ids(Entity.FLOW),
            "stages": scene.selected_ids(Entity.STAGE),
            "lanes": scene.selected_ids(Entity.LANE),
        }
        points = scene.selected_emotion_points()
        if points and not any(chosen.values()):
            return self._push(intents.clear_scores(self.journey, points))
        change = selection.delete(self.journey, **chosen)
        if change is None:
            return False
        said = selection.deleted_message(self.journey, **chosen)
        if not self._push(change):
            return False
        undo = QKeySequence(QKeySequence.StandardKey.Undo)
        self.tell(f"{said} — {undo.toString(QKeySequence.SequenceFormat.NativeText)} to undo")
        return True

    # ------------------------------------------------------- copy and paste
    def copy(self) -> bool:
        ids = self.scene.selected_ids(Entity.CARD)
        if not ids:
            return False
        from mapper import clipboard  # its payload schema is built on the first copy or paste

        payload = clipboard.copy_payload(self.journey, ids)
        mime = QMimeData()
        mime.setData(clipboard.MIME_TYPE, json.dumps(payload).encode("utf-8"))
        mime.setText(clipboard.plain_text(payload))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> bool:
        ids = self.scene.selected_ids(Entity.CARD)
        if not self.copy():
            return False
        self.scene.clearSelection()
        return self._push(selection.cut(self.journey, ids))

    def paste(self) -> list[str]:
        from mapper import clipboard

        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME_TYPE):
            return []
        try:
            payload = json.loads(bytes(mime.data(clipboard.MIME_TYPE).data()).decode("utf-8"))
        except ValueError as exc:  # includes damaged JSON and text that is not UTF-8
            self.scene.problem.emit(str(exc))
            return []
        except RecursionError:
            self.scene.problem.emit("the clipboard holds data nested too deeply to paste")
            return []
        return self._insert(
            lambda: selection.paste(self.journey, payload, self._cell_under_mouse())
        )

    def _cell_under_mouse(self) -> tuple[int, int] | None:
        """(stage index, lane index) of the cell under the mouse pointer, if it is over one."""
        for view in self.scene.views():
            point = view.viewport().mapFromGlobal(QCursor.pos())
            if view.viewport().rect().contains(point):
                scene_pos = view.mapToScene(point)
                cell = self.scene.layout.cell_at((scene_pos.x(), scene_pos.y()))
                if cell is not None:
                    stages, lanes = self.journey.stages, self.journey.lanes
                    return stages.index_of(cell[0]), lanes.index_of(cell[1])
        return None

    def duplicate(self) -> list[str]:
        ids = self.scene.selected_ids(Entity.CARD)
        return self._insert(lambda: selection.duplicate(self.journey, ids))

    def _insert(self, plan) -> list[str]:
        try:
            planned = plan()
        except EditRefused as exc:
            self.scene.problem.emit(str(exc))
            return []
        if planned is None or not self._push(planned[0]):
            return []
        ids = planned[1]
        self.scene.select_ids(ids)
        return ids

    # ------------------------------------------------------------- scores
    def step_score(self, delta: int) -> bool:
        """Alt+Up / Alt+Down: the selected cards' score for the lead persona (and the
        selected emotion points' scores) one step up or down the scale."""
        targets = self.scene.score_targets()
        if not targets:
            if not self.scene.selected_ids(Entity.CARD):
                problem = "Select a card or an emotion point to change its score"
            elif not len(self.journey.personas):
                problem = "Add a persona in the Personas panel to score cards"
            else:  # every persona hidden: a score would change out of sight
                problem = "Every persona is hidden: show one in the Personas panel to score it"
            self.scene.problem.emit(problem)
            return False
        change = intents.step_scores(self.journey, targets, delta)
        if change is None:
            self.scene.problem.emit("The score is already at the end of the scale")
            return False
        return self._push(change)  # selected points stay selected (the scene keeps them)

    # -------------------------------------------------------------- nudge
    def nudge(self, d_stage: int, d_index: int) -> bool:
        """Ctrl+arrow keys: up/down reorder within the cell (and past its end cross into the
        neighbouring lane), left/right move to the next stage."""
        ids = self.scene.selected_ids(Entity.CARD)
        lanes = selection.open_lanes(self.scene.layout)
        change = selection.nudge(self.journey, ids, d_stage, d_index, lanes)
        if change is None:
            return False
        ok = self._push(change)
        self.scene.select_ids(ids)
        return ok
