"""The canvas's context menus: what was clicked (or, from the keyboard, what is selected)
as a :class:`MenuTarget`, a QMenu built from ``edits.menus``, and running the choice:
edits go through the edits layer as one undo step each; Duplicate and Delete run the
window's own actions (so the status bar and the undo texts are the same as from the Edit
menu) when they are given."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGraphicsItem, QMenu, QWidget

from mapper.canvas.card_item import CardItem
from mapper.canvas.emotion_items import EmotionPointItem, GhostRowItem
from mapper.canvas.flow_item import FlowItem, FlowLabelItem
from mapper.canvas.header_items import LaneHeaderItem, StageHeaderItem
from mapper.canvas.interactions import FlowFromMenu
from mapper.canvas.point_rows import PointRowItem
from mapper.canvas.reveal import reveal
from mapper.edits import intents, palette, selection
from mapper.edits.menus import CHANGES, Command, Entry, MenuTarget, Target, change_for, entries
from mapper.model import Entity

if TYPE_CHECKING:
    from mapper.canvas.scene import JourneyScene

_ENTITY = {Target.CARD: Entity.CARD, Target.FLOW: Entity.FLOW, Target.STAGE: Entity.STAGE,
           Target.LANE: Entity.LANE}  # fmt: skip


class CanvasMenus:
    """Opens the context menu for a place on the canvas or for the selection."""

    def __init__(self, scene: JourneyScene, parent: QWidget) -> None:
        self.scene, self.parent = scene, parent
        self.actions: dict[str, QAction] = {}  # window actions by command: duplicate, delete
        self.menu: QMenu | None = None  # the one showing (or shown last)
        self.shown_at = QPoint()  # where it was opened, on the screen

    # ------------------------------------------------------------ targets
    def target_at(self, pos: QPointF) -> MenuTarget:
        """What a right-click at ``pos`` (scene) is about. It selects what it names as a
        click would, keeping a selection the clicked card is part of."""
        scene = self.scene
        for item in scene.items(pos):
            if isinstance(item, GhostRowItem):  # an unscored card's ghost: score it here
                ghost = item.ghost_at(pos.x())
                if ghost is not None:
                    scene.clearSelection()
                    return MenuTarget(Target.EMOTION_POINT, (ghost[0],), persona_id=item.persona_id)
                continue
            if isinstance(item, PointRowItem):  # a point drawn by its stage's row
                point = item.point_at(pos)
                if point is not None:
                    return MenuTarget(Target.EMOTION_POINT, (point.card_id,),
                                      persona_id=item.persona_id)  # fmt: skip
                continue
            target = self._target_of(item, select=True)
            if target is not None:
                return target
        scene.clearSelection()
        cell = scene.layout.cell_at((pos.x(), pos.y()))
        if cell is None:
            return MenuTarget(Target.MAP)
        placed = intents.drop_target(scene.journey, scene.layout, (pos.x(), pos.y()))
        index = placed[2] if placed is not None else 0
        return MenuTarget(Target.CELL, cell=(cell[0], cell[1], index))

    def target_of_selection(self) -> tuple[MenuTarget, QPointF] | None:
        """The Menu key: the selected thing (cards first) and where it is in the scene."""
        selected = self.scene.selectedItems()
        focus = self.scene.focusItem()
        if focus is not None and focus not in selected:
            selected.append(focus)
        for kind in (CardItem, FlowItem, StageHeaderItem, LaneHeaderItem, EmotionPointItem):
            item = next((i for i in selected if isinstance(i, kind)), None)
            if item is not None:
                target = self._target_of(item, select=False)
                if target is not None:
                    return target, self._anchor(item)
        return None

    def _target_of(self, item: QGraphicsItem, select: bool) -> MenuTarget | None:
        scene = self.scene
        if isinstance(item, FlowLabelItem):
            item = item.flow
        if isinstance(item, EmotionPointItem):
            card_id = item.point.card_id
            return MenuTarget(Target.EMOTION_POINT, (card_id,), persona_id=item.persona_id)
        kinds = ((CardItem, Target.CARD, "card_id"), (FlowItem, Target.FLOW, "flow_id"),
                 (StageHeaderItem, Target.STAGE, "stage_id"),
                 (LaneHeaderItem, Target.LANE, "lane_id"))  # fmt: skip
        for cls, kind, id_name in kinds:
            if isinstance(item, cls):
                if select and not item.isSelected():
                    scene.clearSelection()
                    item.setSelected(True)
                item_id = getattr(item, id_name)
                if kind is Target.CARD:
                    others = [i for i in scene.selected_ids(Entity.CARD) if i != item_id]
                    return MenuTarget(kind, (item_id, *others))
                return MenuTarget(kind, (item_id,))
        return None

    def _anchor(self, item: QGraphicsItem) -> QPointF:
        """Where a menu opened from the keyboard points: inside the item, near its top."""
        rect = item.sceneBoundingRect()
        return QPointF(rect.center().x(), min(rect.center().y(), rect.top() + 20))

    # ------------------------------------------------------------ the menu
    def popup(self, target: MenuTarget, screen_pos: QPoint) -> QMenu | None:
        """Show the menu for ``target`` at ``screen_pos``; None when nothing applies."""
        lines = entries(self.scene.journey, target)
        if not lines:
            return None
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        self.menu = menu = QMenu(self.parent)
        menu.setObjectName(f"context-menu-{target.kind.value}")
        self._fill(menu, lines, target)
        self.shown_at = screen_pos
        menu.popup(screen_pos)
        return menu

    def _fill(self, menu: QMenu, lines: list[Entry], target: MenuTarget) -> None:
        for entry in lines:
            if not entry.label:
                menu.addSeparator()
                continue
            if entry.children:
                submenu = menu.addMenu(entry.label.replace("&", "&&"))
                self._fill(submenu, list(entry.children), target)
                continue
            label = entry.label.replace("&", "&&")  # a title's '&' shown, not a mnemonic
            shared = self.actions.get(entry.shortcut)
            if shared is not None and not shared.shortcut().isEmpty():
                label += "\t" + shared.shortcut().toString()
            action = menu.addAction(label)
            action.setEnabled(entry.enabled)
            if entry.checked is not None:
                action.setCheckable(True)
                action.setChecked(entry.checked)
            action.triggered.connect(lambda _=False, e=entry: self.run(target, e.command, e.value))

    # ------------------------------------------------------------ running
    def run(self, target: MenuTarget, command: Command | None, value: Any = None) -> None:
        """Do what a menu line says, for ``target``."""
        if self.menu is not None:
            self.menu.close()
        scene, journey = self.scene, self.scene.journey
        if command is None:
            return
        if command in CHANGES:
            scene.push(change_for(journey, target, command, value))
        elif command is Command.EDIT:
            scene.edit_text(_ENTITY[target.kind], target.ids[0])
        elif command in (Command.DUPLICATE, Command.DELETE):
            self._selection_command(target, command)
        elif command is Command.START_FLOW:
            scene.start_interaction(FlowFromMenu(scene, target.ids[0]))
        elif command is Command.SELECT_CARD:
            reveal(scene, Entity.CARD, target.ids[0], rename=False)
        elif command is Command.SELECT_FLOW:
            reveal(scene, Entity.FLOW, value, rename=False)
        elif command is Command.ADD_CARD and target.cell is not None:
            change = palette.add_card(journey, *target.cell, kind=value)
            if scene.push(change):
                reveal(scene, Entity.CARD, change.entity.id)
        elif command in (Command.ADD_STAGE, Command.ADD_LANE):
            stage = command is Command.ADD_STAGE
            change = (
                intents.add_stage(journey, value) if stage else intents.add_lane(journey, value)
            )
            if scene.push(change):
                reveal(scene, Entity.STAGE if stage else Entity.LANE, change.entity.id)

    def _selection_command(self, target: MenuTarget, command: Command) -> None:
        """Duplicate / Delete on what the menu was for (it is the selection)."""
        shared = self.actions.get(command.value)
        if shared is not None:
            shared.trigger()
            return
        scene, journey = self.scene, self.scene.journey
        ids = list(target.ids)
        if command is Command.DUPLICATE:
            planned = selection.duplicate(journey, ids)
            if planned is not None and scene.push(planned[0]):
                scene.select_ids(planned[1])
            return
        kind = _ENTITY[target.kind]
        scene.push(selection.delete(journey, **{f"{kind.value}s": ids}))
