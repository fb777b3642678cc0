"""Edit-menu actions on the canvas selection: delete, duplicate, copy, cut, paste, nudge."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QCursor, QGuiApplication

from mapper import clipboard
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import Change, Composite, Insert, MoveCards, Nudge, Remove
from mapper.model import Entity, Lane, LaneKind, Stage, new_id


class EditController:
    def __init__(self, document: Document, scene: JourneyScene) -> None:
        self.document = document
        self.scene = scene
        self.journey = document.journey

    def _push(self, command: Change) -> bool:
        return self.document.try_push(command)

    def add_stage(self) -> bool:
        """A new stage at the end (Insert menu, toolbar)."""
        stage = Stage(new_id("stage"), "New stage")
        return self._push(Insert(self.journey, Entity.STAGE, len(self.journey.stages), stage))

    def add_lane(self) -> bool:
        """A new lane at the bottom (Insert menu, toolbar)."""
        lane = Lane(new_id("lane"), "New lane", LaneKind.CUSTOM)
        return self._push(Insert(self.journey, Entity.LANE, len(self.journey.lanes), lane))

    # ------------------------------------------------------------- delete
    def delete_selection(self) -> bool:
        """Delete the selected flows, cards, stages and lanes as one undo step."""
        parts: list[Change] = []
        cards = set(self.scene.selected_ids(Entity.CARD))
        stages = self.scene.selected_ids(Entity.STAGE)
        lanes = self.scene.selected_ids(Entity.LANE)
        doomed_cards = {
            c.id for c in self.journey.cards() if c.stage_id in stages or c.lane_id in lanes
        } | cards
        for flow_id in self.scene.selected_ids(Entity.FLOW):
            flow = self.journey.flow(flow_id)
            if flow.source not in doomed_cards and flow.target not in doomed_cards:
                parts.append(Remove(self.journey, Entity.FLOW, flow_id))
        for card_id in cards:
            card = self.journey.card(card_id)
            if card.stage_id not in stages and card.lane_id not in lanes:
                parts.append(Remove(self.journey, Entity.CARD, card_id))
        parts += [Remove(self.journey, Entity.STAGE, s) for s in stages]
        parts += [Remove(self.journey, Entity.LANE, lane) for lane in lanes]
        if not parts:
            return False
        text = parts[0].text if len(parts) == 1 else f"Delete {len(parts)} items"
        return self._push(Composite(self.journey, text, parts))

    # ------------------------------------------------------- copy and paste
    def copy(self) -> bool:
        ids = self.scene.selected_ids(Entity.CARD)
        if not ids:
            return False
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
        parts: list[Change] = [Remove(self.journey, Entity.CARD, i) for i in ids]
        noun = "card" if len(ids) == 1 else f"{len(ids)} cards"
        return self._push(Composite(self.journey, f"Cut {noun}", parts))

    def paste(self) -> list[str]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME_TYPE):
            return []
        try:
            payload = json.loads(bytes(mime.data(clipboard.MIME_TYPE).data()).decode("utf-8"))
            cards, flows = clipboard.paste_plan(self.journey, payload, self._cell_under_mouse())
        except ValueError as exc:  # includes damaged JSON and text that is not UTF-8
            self.scene.problem.emit(str(exc))
            return []
        except RecursionError:
            self.scene.problem.emit("the clipboard holds data nested too deeply to paste")
            return []
        return self._insert(cards, flows, "Paste")

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
        if not ids:
            return []
        payload = clipboard.copy_payload(self.journey, ids)
        try:
            cards, flows = clipboard.paste_plan(self.journey, payload)
        except ValueError as exc:
            self.scene.problem.emit(str(exc))
            return []
        return self._insert(cards, flows, "Duplicate")

    def _insert(self, cards, flows, verb: str) -> list[str]:
        parts: list[Change] = [
            Insert(self.journey, Entity.CARD, 10**9, card) for card in cards
        ]
        parts += [Insert(self.journey, Entity.FLOW, 0, flow) for flow in flows]
        noun = "card" if len(cards) == 1 else f"{len(cards)} cards"
        if not parts or not self._push(Composite(self.journey, f"{verb} {noun}", parts)):
            return []
        ids = [card.id for card in cards]
        self.scene.select_ids(ids)
        return ids

    # -------------------------------------------------------------- nudge
    def _cells_at_their_edge(self, ids: list[str], d_index: int) -> set[tuple[str, str]]:
        """Cells where a selected card already sits at the end the nudge moves towards."""
        blocked = set()
        for card_id in ids:
            stage_id, lane_id, index = self.journey.card_position(card_id)
            last = len(self.journey.cards_in_cell(stage_id, lane_id)) - 1
            if (d_index > 0 and index == last) or (d_index < 0 and index == 0):
                blocked.add((stage_id, lane_id))
        return blocked

    def nudge(self, d_stage: int, d_index: int) -> bool:
        """Arrow keys: up/down reorder within the cell, left/right move to the next stage."""
        ids = self.scene.selected_ids(Entity.CARD)
        if not ids:
            return False
        stage_ids = self.journey.stages.ids()
        parts = []
        # moving down, the lowest card goes first (and up, the highest), so neighbours that
        # move together keep their order
        ids = sorted(ids, key=lambda i: self.journey.card_position(i)[2], reverse=d_index > 0)
        blocked = self._cells_at_their_edge(ids, d_index)
        for card_id in ids:
            stage_id, lane_id, index = self.journey.card_position(card_id)
            if (stage_id, lane_id) in blocked:
                continue  # a group already at the top or bottom stays together
            new_stage = stage_ids.index(stage_id) + d_stage
            if not 0 <= new_stage < len(stage_ids):
                continue
            target_stage = stage_ids[new_stage]
            new_index = max(0, index + d_index) if d_stage == 0 else index
            if (target_stage, new_index) != (stage_id, index):
                parts.append(MoveCards(self.journey, [card_id], target_stage, lane_id, new_index))
        if not parts:
            return False
        ok = self._push(Nudge(self.journey, ids, parts))
        self.scene.select_ids(ids)
        return ok
