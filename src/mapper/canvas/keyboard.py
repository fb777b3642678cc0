"""The canvas from the keyboard: arrow keys move the selection between cards (Ctrl+arrow
moves the cards), Home / End go to the ends of a lane, Return or F2 edits a title in place,
Ctrl+Return types a new card, and Ctrl+L picks a flow's target with the arrow keys. Where
the keys go is decided Qt-free in ``edits.selection``; the view hands its key presses here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsView

from mapper.canvas.card_item import CardItem
from mapper.canvas.interaction import Interaction
from mapper.canvas.painting import qcolor, qrect
from mapper.canvas.scene import JourneyScene
from mapper.canvas.sticky_headers import show_clear
from mapper.edits import EditRefused, intents, palette, selection
from mapper.edits.selection import Direction
from mapper.layout import theme as th
from mapper.model import Card, Entity

ARROWS: dict[int, Direction] = {
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}
# Ctrl+arrow: (stages, places in the cell)
NUDGES: dict[Direction, tuple[int, int]] = {
    "left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1),
}  # fmt: skip
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CONNECT_HINT = "Pick the target with the arrow keys, Return to connect, Esc to cancel"
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_ALT_META = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class KeyboardControl:
    """Keeps the keyboard's current card (drawn with a focus ring while the canvas has
    focus) and turns the canvas keys into selection moves, edits and gestures."""

    def __init__(
        self, view: QGraphicsView, scene: JourneyScene, nudge: Callable[[int, int], None]
    ) -> None:
        self.view, self.scene, self.nudge = view, scene, nudge
        self.current: str | None = None
        self._ringed: CardItem | None = None
        self.detached = False
        self.scene.selectionChanged.connect(self._follow_selection)
        self.scene.layout_changed.connect(self.show_ring)

    def detach(self) -> None:
        """The window closes: touch no item again (the scene goes before the view)."""
        self.detached = True
        self.scene.selectionChanged.disconnect(self._follow_selection)
        self.scene.layout_changed.disconnect(self.show_ring)
        self._ringed = None

    # ------------------------------------------------------------ the current card
    def _follow_selection(self) -> None:
        """A click or a rubber band moves the keyboard's place too."""
        if self.detached or not isinstance(self.view.scene(), JourneyScene):
            return  # the window is being taken apart
        cards = self.scene.selected_ids(Entity.CARD)
        if self.current not in cards:
            self.current = cards[0] if cards else None
        self.show_ring()

    def focus_left(self) -> None:
        """The canvas lost the focus: a flow being picked with the keys is given up."""
        if self.detached:
            return
        if isinstance(self.scene.interaction, KeyboardConnect):
            self.scene.cancel_interaction()
        self.show_ring()

    def show_ring(self) -> None:
        """The focus ring on the current card, only while the canvas has the focus."""
        if self.detached:
            return
        item = self.scene.card_item(self.current) if self.current else None
        if item is not None and not self.view.hasFocus():
            item = None
        if item is self._ringed:
            return
        if self._ringed is not None and self._ringed.scene() is not None:
            self._ringed.focused = False
            self._ringed.update()
        self._ringed = item
        if item is not None:
            item.focused = True
            item.update()

    def go_to(self, card_id: str | None, extend: bool = False) -> bool:
        """Select ``card_id`` (added to the selection when ``extend``) and show it."""
        item = self.scene.card_item(card_id) if card_id is not None else None
        if card_id is None or item is None:
            return False
        if extend:
            item.setSelected(True)
        else:
            self.scene.select_ids([card_id])
        self.current = card_id
        self.show_ring()
        self.reveal(card_id)
        return True

    def reveal(self, card_id: str) -> None:
        item = self.scene.card_item(card_id)
        if item is not None:
            show_clear(self.view, self.scene, item.sceneBoundingRect())

    def _selected_card(self) -> str | None:
        cards = self.scene.selected_ids(Entity.CARD)
        if self.current in cards:
            return self.current
        return cards[0] if cards else None

    # ------------------------------------------------------------ keys
    def key_press(self, event: QKeyEvent) -> bool:
        """Handle a key pressed on the canvas (not while text is edited in place)."""
        key, mods = event.key(), event.modifiers()
        active = self.scene.interaction
        if isinstance(active, KeyboardConnect):
            if mods & (_CTRL | _ALT_META):
                return False
            if key in ARROWS:
                active.step(ARROWS[key])
                if active.candidate is not None:
                    self.reveal(active.candidate)
                return True
            if key in RETURN_KEYS:
                if active.connect():
                    self.scene.interaction = None
                return True
            return False
        if mods & _ALT_META:
            return False  # Alt+arrows belong to others (emotion scores)
        if key in ARROWS:
            if mods & _CTRL:
                return self._nudge(ARROWS[key])
            return self._step(ARROWS[key], extend=bool(mods & _SHIFT))
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and not mods & _CTRL:
            current = self._selected_card()
            if current is None:
                return self.go_to(selection.first_card(self.scene.journey, self.scene.layout))
            last = key == Qt.Key.Key_End
            return self.go_to(selection.lane_end(self.scene.journey, self.scene.layout,
                                                 current, last))  # fmt: skip
        if key in RETURN_KEYS and not mods & (_CTRL | _SHIFT):
            return self.edit_selected(cards_only=True)
        return False

    def _step(self, direction: Direction, extend: bool) -> bool:
        scene = self.scene
        current = self._selected_card()
        if current is None:
            target = self._start_from_header()
        else:
            target = selection.neighbour(scene.journey, scene.layout, current, direction)
            if target is None:
                self.reveal(current)
                return True  # at the edge: the key is used, nothing moves
        return self.go_to(target, extend) or target is None

    def _start_from_header(self) -> str | None:
        """Arrows with a stage or lane selected go to its first card; with nothing, to the
        first card of the map."""
        scene, journey = self.scene, self.scene.journey
        for kind in (Entity.STAGE, Entity.LANE):
            ids = scene.selected_ids(kind)
            if ids:
                field = "stage_id" if kind is Entity.STAGE else "lane_id"
                for lane_id in selection.open_lanes(scene.layout):
                    for stage_id in journey.stages.ids():
                        for card in journey.cards_in_cell(stage_id, lane_id):
                            if getattr(card, field) == ids[0] and card.id in scene.layout.cards:
                                return card.id
                return None
        return selection.first_card(journey, scene.layout)

    def _nudge(self, direction: Direction) -> bool:
        if not self.scene.selected_ids(Entity.CARD):
            return False
        self.nudge(*NUDGES[direction])
        if self.current is not None:
            self.reveal(self.current)
        return True

    # ------------------------------------------------------------ edits
    def edit_selected(self, cards_only: bool = False) -> bool:
        """F2 (Return on a card): edit the selected item's title or name in place."""
        scene = self.scene
        card = self._selected_card()
        if card is not None:
            self.reveal(card)
            target: tuple[Entity, str] | None = (Entity.CARD, card)
        elif cards_only:
            return False
        else:
            kinds = (Entity.STAGE, Entity.LANE, Entity.FLOW)
            target = next(((k, ids[0]) for k in kinds if (ids := scene.selected_ids(k))), None)
        if target is None:
            return False
        kind, item_id = target
        stage = kind is Entity.STAGE
        header = (scene.stage_headers if stage else scene.lane_headers).get(item_id)
        if kind is not Entity.FLOW and header is not None:  # its name shows whole, past
            rect = header.sceneBoundingRect()  # the lane names, to be typed over
            show_clear(self.view, scene, rect, across=stage, down=not stage)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)  # F2 from a panel too
        scene.edit_text(*target)
        return True

    def _cell(self) -> tuple[str, str, int]:
        scene = self.scene
        stages, lanes = scene.selected_ids(Entity.STAGE), scene.selected_ids(Entity.LANE)
        return selection.insertion_cell(
            scene.journey, scene.layout, self._selected_card(),
            stages[0] if stages else None, lanes[0] if lanes else None,
        )  # fmt: skip

    def insert_card(self) -> bool:
        """Ctrl+Return: a new card where it goes (see insertion_cell), its title typed in
        place. Return keeps it as one undo step; Esc takes it back, leaving no step."""
        scene = self.scene
        scene.finish_editing()
        scene.cancel_interaction()  # a flow's target being picked: over (see edit_text)
        try:
            stage_id, lane_id, index = self._cell()
        except EditRefused as exc:
            scene.report(str(exc))
            return False
        kind = selection.kind_for(scene.journey, lane_id, self._selected_card())
        change = intents.new_card(scene.journey, kind, stage_id, lane_id, index)
        if not scene.push(change):
            return False
        self.go_to(change.entity.id)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        from mapper.canvas.inline_edits import open_new_card_editor  # loaded when first used

        open_new_card_editor(scene, scene.journey, scene.layout, change.entity.id,
                             scene.push, scene.report)  # fmt: skip
        return True

    def insert_from_palette(self, payload: Mapping[str, Any]) -> str | None:
        """Return on a palette entry: what a drop would create, in the cell a new card
        would take (stages after the selected stage, lanes below the selected lane)."""
        scene = self.scene
        scene.finish_editing()
        anchored = bool(scene.selectedItems())
        try:
            cell: tuple[str, str, int] | None = self._cell()
        except EditRefused as exc:
            if payload.get("kind") not in ("stage", "lane"):
                scene.report(str(exc))
                return None
            cell = None
        try:
            change = palette.palette_insert(scene.journey, payload, cell, anchored)
        except EditRefused as exc:
            scene.report(str(exc))
            return None
        if not scene.push(change):
            return None
        created = change.entity.id
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(change.entity, Card):  # as after a drop: its title to type over
            self.go_to(created)
            scene.edit_text(Entity.CARD, created)
        else:
            headers = scene.stage_headers if change.kind is Entity.STAGE else scene.lane_headers
            scene.clearSelection()
            if created in headers:
                headers[created].setSelected(True)
                self.view.ensureVisible(headers[created])
        return created

    def start_connect(self) -> bool:
        """Ctrl+L: a flow from the selected card to one picked with the arrow keys."""
        scene = self.scene
        scene.finish_editing()
        source = self._selected_card()
        if source is None:
            scene.report("Select a card to draw a flow from")
            return False
        connect = KeyboardConnect(scene, source)
        scene.start_interaction(connect)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if connect.candidate is not None:
            self.reveal(connect.candidate)
        return True


class KeyboardConnect(Interaction):
    """Ctrl+L's small mode: the arrow keys move a highlighted candidate from card to card,
    Return adds the flow (a refusal says why and lets the user pick again), Esc or a
    click cancels."""

    def __init__(self, scene: JourneyScene, source_id: str) -> None:
        self.scene, self.source_id = scene, source_id
        journey, layout = scene.journey, scene.layout
        directions: tuple[Direction, ...] = ("right", "down", "left", "up")
        first = (selection.neighbour(journey, layout, source_id, d) for d in directions)
        self.candidate: str | None = next((c for c in first if c is not None), source_id)
        from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem  # (interactions._line)

        self.ring = QGraphicsPathItem()
        self.ring.setPen(QPen(qcolor(th.SELECTION), 3, Qt.PenStyle.DashLine))
        self.ring.setZValue(95)
        self.line = QGraphicsLineItem()
        self.line.setPen(QPen(qcolor(th.SELECTION), 2, Qt.PenStyle.DashLine))
        self.line.setZValue(95)

    def start(self) -> None:
        self.scene.addItem(self.line)
        self.scene.addItem(self.ring)
        self._show()
        self.scene.hint.emit(CONNECT_HINT)

    def _show(self) -> None:
        layout = self.scene.layout
        source, target = layout.cards.get(self.source_id), layout.cards.get(self.candidate or "")
        if source is None or target is None:
            self.ring.hide()
            self.line.hide()
            return
        rect = qrect(target.rect).adjusted(-5, -5, 5, 5)
        path = QPainterPath()
        path.addRoundedRect(rect, 9, 9)
        self.ring.setPath(path)
        start = QRectF(qrect(source.rect))
        self.line.setLine(start.right(), start.center().y(), rect.left(), rect.center().y())
        self.ring.show()
        self.line.setVisible(self.candidate != self.source_id)

    def step(self, direction: Direction) -> None:
        if self.candidate is None:
            return
        scene = self.scene
        found = selection.neighbour(scene.journey, scene.layout, self.candidate, direction)
        if found is not None:
            self.candidate = found
            self._show()
            self.scene.hint.emit(CONNECT_HINT)

    def connect(self) -> bool:
        """Return: add the flow; False (the mode goes on) when it is refused."""
        scene = self.scene
        if self.candidate is None or self.candidate == self.source_id:
            return self._refuse("A card cannot flow to itself: pick another card")
        try:
            change = intents.connect(scene.journey, self.source_id, self.candidate)
        except EditRefused as exc:
            return self._refuse(f"{exc}: pick another card")
        if not scene.push(change):
            return self._refuse("Mapper could not add that flow: pick another card")
        self._finish()
        return True

    def _refuse(self, reason: str) -> bool:
        self.scene.hint.emit(f"{reason}. Arrow keys pick, Return connects, Esc cancels")
        return False

    def _finish(self) -> None:
        for item in (self.ring, self.line):
            if item.scene() is not None:
                self.scene.removeItem(item)
        self.scene.hint.emit("")

    def cancel(self) -> None:
        self._finish()
