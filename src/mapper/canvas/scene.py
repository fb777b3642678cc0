"""The scene mirrors the model: after each batch of model events it lays the map out again
and brings its id -> item maps in line. Items report gestures here; the scene turns them
into undo commands. It never changes the model directly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.emotion_items import CurveSegmentItem, EmotionPointItem, curve_pen
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.grid_item import GridItem
from mapper.canvas.header_items import LaneHeaderItem, StageHeaderItem
from mapper.canvas.inline_editor import InlineEditor
from mapper.canvas.painting import qcolor, qrect
from mapper.document import Document
from mapper.edits import Insert, Move, MoveCards, Update
from mapper.layout import FlowRoute, MapLayout, Rect, Style, compute_layout
from mapper.layout import theme as th
from mapper.layout.grid import bezier_point, route
from mapper.layout.labels import FlowLabel, flow_labels
from mapper.model import Action, Card, Entity, Flow, ModelError, ModelEvent, new_id

# What the canvas neither draws nor shows in a tooltip: an edit of only these costs no
# layout at all (typing in a card's notes on a 5,000-card map stays instant).
_NOT_DRAWN: dict[Entity, frozenset[str]] = {
    Entity.CARD: frozenset({"owner", "metrics", "url", "tags", "notes", "buying_phase"}),
    Entity.STAGE: frozenset({"notes", "buying_phase"}),
    Entity.PERSONA: frozenset({"name", "role", "bio", "demographics", "goals", "motivations",
                               "frustrations", "behaviours", "quote", "photo"}),
    Entity.MAP: frozenset({"title", "description", "author", "version", "scenario", "notes",
                           "presentation"}),
}  # fmt: skip


def _drawn(event: ModelEvent) -> bool:
    """Whether a model change can change anything on the canvas."""
    if event.entity is Entity.OPPORTUNITY:
        return False  # opportunities are not on the canvas
    if event.action is not Action.UPDATED or not event.fields:
        return True
    return not event.fields <= _NOT_DRAWN.get(event.entity, frozenset())


class JourneyScene(QGraphicsScene):
    layout_changed = Signal()
    problem = Signal(str)  # a refused gesture, for the status bar

    def __init__(self, document: Document, parent=None, read_only: bool = False) -> None:
        super().__init__(parent)
        self.read_only = read_only  # presenting: no gesture reaches the items
        self.dragging = False  # cards are being dragged (flows then draw faster)
        self._moving: set[str] = set()
        self._flow_timer = QTimer(self)
        self._flow_timer.setSingleShot(True)
        self._flow_timer.setInterval(40)
        self._flow_timer.timeout.connect(self._reroute_moving_flows)
        self.document = document
        self.journey = document.journey
        self.hidden_personas: set[str] = set()
        self.layout: MapLayout = MapLayout(Style())
        self.grid = GridItem()
        self.addItem(self.grid)
        self.cards: dict[str, CardItem] = {}
        self.flows: dict[str, FlowItem] = {}
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        # persona id -> (its curve, how it was drawn, its items)
        self._emotion_items: dict[str, tuple[object, tuple, list]] = {}
        self._labels: dict[str, FlowLabel] = {}
        self._active_id: str | None = None
        self._highlighted: set[str] = set()
        self._flow_source: str | None = None
        self._flow_line: QGraphicsLineItem | None = None
        self._drop_marker = QGraphicsLineItem()
        self._drop_marker.setPen(QPen(qcolor(th.SELECTION), 3, Qt.PenStyle.SolidLine,
                                      Qt.PenCapStyle.RoundCap))  # fmt: skip
        self._drop_marker.setZValue(90)
        self._drop_marker.hide()
        self.addItem(self._drop_marker)
        self._unsubscribe = self.journey.events.subscribe(self._on_model_events)
        self.selectionChanged.connect(self._refresh_handles)
        self.sync()

    def set_item_caching(self, enabled: bool) -> None:
        """Cards paint into cached pixmaps on screen; vector exports need them drawn."""
        mode = (CardItem.CacheMode.DeviceCoordinateCache if enabled
                else CardItem.CacheMode.NoCache)  # fmt: skip
        for item in self.cards.values():
            item.setCacheMode(mode)

    def detach(self) -> None:
        """Stop listening to the model (before the document goes away)."""
        self._unsubscribe()

    # ------------------------------------------------------------ mirroring
    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        if not any(_drawn(event) for event in events):
            self._take_new_values(events)  # e.g. typing in a card's notes: nothing to draw
            return
        # channel names show in card tooltips: a change of them reaches every card
        force = any(e.entity is Entity.MAP and "custom_channels" in e.fields for e in events)
        self.sync(force=force)

    def _take_new_values(self, events: Sequence[ModelEvent]) -> None:
        """Boxes hold the entities they show: give them the changed ones, drawing nothing."""
        layout, journey = self.layout, self.journey
        for event in events:
            if event.entity is Entity.CARD and event.id in layout.cards:
                box = replace(layout.cards[event.id], card=journey.card(event.id))
                layout.cards[event.id] = self.cards[event.id].box = box
            elif event.entity is Entity.STAGE and event.id in self.stage_headers:
                index = next(i for i, b in enumerate(layout.stages) if b.stage.id == event.id)
                box = replace(layout.stages[index], stage=journey.stages.get(event.id))
                layout.stages[index] = self.stage_headers[event.id].box = box
            elif event.entity is Entity.PERSONA and event.id in self._emotion_items:
                index = next(
                    i for i, c in enumerate(layout.emotion_curves) if c.persona.id == event.id
                )
                curve = replace(
                    layout.emotion_curves[index], persona=journey.personas.get(event.id)
                )
                layout.emotion_curves[index] = curve
                _, look, items = self._emotion_items[event.id]
                self._emotion_items[event.id] = (curve, look, items)

    def sync(self, force: bool = True) -> None:
        """Bring the items in line with the model. Unless ``force``d, the layout is built on
        the previous one and only items whose boxes changed are touched."""
        journey = self.journey
        personas = [p.id for p in journey.personas if p.id not in self.hidden_personas]
        previous = None if force else self.layout
        self.layout = layout = compute_layout(journey, personas=personas, previous=previous)
        self.grid.set_layout(layout)
        margin = 20
        self.setSceneRect(QRectF(-margin, -margin, layout.width + 2 * margin,
                                 layout.height + 2 * margin))  # fmt: skip
        active = journey.active_persona()
        active_id = active.id if active else None
        everything = force or active_id != self._active_id
        self._active_id = active_id
        self._sync_headers(self.stage_headers, {b.stage.id: b for b in layout.stages},
                           StageHeaderItem)  # fmt: skip
        self._sync_headers(self.lane_headers, {b.lane.id: b for b in layout.lanes},
                           LaneHeaderItem)  # fmt: skip
        moved = self._sync_cards(layout, active_id, everything)
        self._sync_flows(layout, moved or everything)
        self._sync_emotions(active_id, everything)
        self.layout_changed.emit()

    def _sync_headers(self, items: dict, boxes: dict, make) -> None:
        for item_id in [i for i in items if i not in boxes]:
            self.removeItem(items.pop(item_id))
        for item_id, box in boxes.items():
            item = items.get(item_id)
            if item is None:
                items[item_id] = item = make(box)
                self.addItem(item)
            elif item.box != box:
                item.set_box(box)

    def _sync_cards(self, layout: MapLayout, active_id: str | None, everything: bool) -> bool:
        """Returns whether any card came, went or changed its box."""
        items, boxes = self.cards, layout.cards
        gone = [card_id for card_id in items if card_id not in boxes]
        for card_id in gone:
            self.removeItem(items.pop(card_id))
        changed = bool(gone)
        for card_id, box in boxes.items():
            item = items.get(card_id)
            if item is None:
                items[card_id] = item = CardItem(box, active_id)
                item.highlighted = card_id in self._highlighted
                self.addItem(item)
                changed = True
            elif everything or item.box is not box:
                changed = changed or item.box.rect != box.rect
                item.update_box(box, active_id)
        return changed

    def _sync_flows(self, layout: MapLayout, cards_moved: bool) -> None:
        items = self.flows
        routes = {r.flow.id: r for r in layout.flows}
        gone = [flow_id for flow_id in items if flow_id not in routes]
        for flow_id in gone:
            item = items.pop(flow_id)
            self.removeItem(item)
            self.removeItem(item.label)  # a separate item, above the cards
        rerouted = bool(gone) or any(
            flow_id not in items or items[flow_id].route is not path
            for flow_id, path in routes.items()
        )
        if cards_moved or rerouted:  # labels keep off cards and each other: place again
            self._labels = {label.flow_id: label for label in flow_labels(layout)}
        labels = self._labels
        for flow_id, path in routes.items():
            item = items.get(flow_id)
            label = labels.get(flow_id)
            if item is None:
                items[flow_id] = item = FlowItem(path, label)
                self.addItem(item)
                self.addItem(item.label)
            elif item.route is not path or item.placed_label != label:
                item.set_route(path, label)

    def _refresh_handles(self) -> None:
        for item in self.cards.values():
            item.refresh_handle()
        for flow in self.flows.values():
            if flow.label.text:
                flow.label.update()  # a selected flow's label is drawn in its colour

    def _sync_emotions(self, active_id: str | None, everything: bool) -> None:
        """Each persona's curve and points; a curve the layout kept keeps its items."""
        lane = self.layout.emotion_lane
        neutral = self.layout.neutral_y()
        curves = self.layout.emotion_curves if lane is not None and neutral is not None else []
        several = len(curves) > 1
        drawn: dict[str, tuple[object, tuple, list]] = {}
        for curve in curves:
            is_active = curve.persona.id == active_id
            look = (is_active, several, lane.row if lane else None)
            kept = self._emotion_items.pop(curve.persona.id, None)
            if kept is not None and not everything and kept[0] is curve and kept[1] == look:
                drawn[curve.persona.id] = kept
                continue
            if kept is not None:
                for item in kept[2]:
                    self.removeItem(item)
            drawn[curve.persona.id] = (curve, look, self._curve_items(curve, is_active, several))
        for _, _, stale in self._emotion_items.values():
            for item in stale:
                self.removeItem(item)
        self._emotion_items = drawn

    def _curve_items(self, curve, is_active: bool, several: bool) -> list:
        lane, neutral = self.layout.emotion_lane, self.layout.neutral_y()
        assert lane is not None and neutral is not None
        z = 40 if is_active else 30
        color = curve.persona.color if several and not is_active else None
        pen = curve_pen(color, neutral, lane.row.y, lane.row.bottom, 3.0 if is_active else 2.0)
        by_stage: dict[int, list] = {}
        for stage_index, segment in curve.segments:
            by_stage.setdefault(stage_index, []).append(segment)
        items: list = [CurveSegmentItem(segments, pen, z) for segments in by_stage.values()]
        ring = curve.persona.color if several else "#ffffff"
        items += [EmotionPointItem(p, curve.persona.id, ring, z + 1) for p in curve.points]
        for item in items:
            self.addItem(item)
        return items

    # ------------------------------------------------------------ selection
    def selected_ids(self, kind: Entity) -> list[str]:
        selected = set(self.selectedItems())
        source = {
            Entity.CARD: self.cards, Entity.FLOW: self.flows,
            Entity.STAGE: self.stage_headers, Entity.LANE: self.lane_headers,
        }[kind]  # fmt: skip
        return [item_id for item_id, item in source.items() if item in selected]

    def select_ids(self, card_ids: Sequence[str]) -> None:
        self.clearSelection()
        for card_id in card_ids:
            if card_id in self.cards:
                self.cards[card_id].setSelected(True)

    def set_highlight(self, card_ids: set[str]) -> None:
        self._highlighted = set(card_ids)
        for card_id, item in self.cards.items():
            if item.highlighted != (card_id in self._highlighted):
                item.highlighted = card_id in self._highlighted
                item.update()

    # ------------------------------------------------------------ card drags
    def mousePressEvent(self, event) -> None:
        if self.read_only:
            event.ignore()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if not self.read_only:
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        if not self.read_only:
            super().keyPressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.read_only:
            return
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and isinstance(
            self.mouseGrabberItem(), CardItem
        ):
            self._follow_drag(self.mouseGrabberItem())

    def mouseReleaseEvent(self, event) -> None:
        if self.read_only:
            return
        super().mouseReleaseEvent(event)
        self._drop_marker.hide()
        if self.dragging:
            self.dragging = False
            self.update()  # flows drawn smooth again
        if event.button() == Qt.MouseButton.LeftButton:
            self._commit_card_drag()

    def _follow_drag(self, grabbed: CardItem) -> None:
        """While cards are dragged, their flows follow and a line shows where they land."""
        moved = {i.card_id: i for i in self.selectedItems() if isinstance(i, CardItem)
                 and i.pos() != i.home()}  # fmt: skip
        if not moved:
            return
        self.dragging = True
        self._moving = set(moved)
        if not self._flow_timer.isActive():  # flows follow at ~25 frames a second: each
            self._flow_timer.start()  # re-route repaints long curves across the view
        center = grabbed.pos() + QPointF(grabbed.box.rect.width / 2, grabbed.box.rect.height / 2)
        target = self.drop_target(center, exclude=set(moved))
        if target is None:
            self._drop_marker.hide()
            return
        stage_id, lane_id, index = target
        cell = self.layout.cells[(stage_id, lane_id)]
        others = [c for c in self.journey.cards_in_cell(stage_id, lane_id) if c.id not in moved]
        gap = self.layout.style.card_gap
        if index < len(others):
            y = self.layout.cards[others[index].id].rect.y - gap / 2
        elif others:
            y = self.layout.cards[others[-1].id].rect.bottom + gap / 2
        else:
            y = cell.y + self.layout.style.cell_padding / 2
        pad = self.layout.style.cell_padding
        self._drop_marker.setLine(cell.x + pad, y, cell.right - pad, y)
        self._drop_marker.show()

    def _reroute_moving_flows(self) -> None:
        if not self.dragging:
            return
        for item in self.flows.values():
            flow = item.route.flow
            if flow.source in self._moving or flow.target in self._moving:
                a, b = self._live_rect(flow.source), self._live_rect(flow.target)
                curve = route(a, b)
                item.set_route(FlowRoute(flow, curve, bezier_point(curve, 0.5)))

    def _live_rect(self, card_id: str) -> Rect:
        item = self.cards[card_id]
        rect = item.box.rect
        return Rect(item.pos().x(), item.pos().y(), rect.width, rect.height)

    def _commit_card_drag(self) -> None:
        moved = [item for item in self.cards.values() if item.pos() != item.home()]
        if not moved:
            return
        distance = max((i.pos() - i.home()).manhattanLength() for i in moved)
        if distance < QApplication.startDragDistance():
            for item in moved:
                item.setPos(item.home())
            return
        moving = {item.card_id for item in moved}
        placed: dict[tuple[str, str], list[tuple[int, float, str]]] = {}
        for item in moved:
            center = item.pos() + QPointF(item.box.rect.width / 2, item.box.rect.height / 2)
            target = self.drop_target(center, exclude=moving)
            if target is not None:
                stage_id, lane_id, index = target
                placed.setdefault((stage_id, lane_id), []).append((index, center.y(), item.card_id))
        for item in moved:
            item.setPos(item.home())  # the model decides where it ends up
        # The cards that land in one cell go in one block, top to bottom, where the
        # highest of them landed (indexes count the cards that stay).
        blocks = [
            ([card_id for _, _, card_id in sorted(cards, key=lambda c: c[1])], *cell,
             min(index for index, _, _ in cards))
            for cell, cards in placed.items()
        ]  # fmt: skip
        pushed = bool(blocks) and self.document.try_push(MoveCards.blocks_of(self.journey, blocks))
        if not pushed:
            self.sync()  # dropped off the grid: cards and the flows that followed go back

    def drop_target(
        self, pos: QPointF, exclude: set[str] = frozenset()
    ) -> tuple[str, str, int] | None:
        """The cell under ``pos`` and the index a card dropped there would take."""
        cell = self.layout.cell_at((pos.x(), pos.y()))
        if cell is None:
            return None
        stage_id, lane_id = cell
        others = [c for c in self.journey.cards_in_cell(stage_id, lane_id) if c.id not in exclude]
        index = 0
        for card in others:
            box = self.layout.cards.get(card.id)
            if box is not None and box.rect.center[1] < pos.y():
                index += 1
        return stage_id, lane_id, index

    # ------------------------------------------------------------ flows
    def begin_flow(self, source_id: str, pos: QPointF) -> None:
        self._flow_source = source_id
        self._flow_line = QGraphicsLineItem()
        self._flow_line.setPen(QPen(qcolor(th.SELECTION), 2, Qt.PenStyle.DashLine))
        self._flow_line.setZValue(100)
        self.addItem(self._flow_line)
        self.flow_gesture_move(pos)

    def flow_gesture_move(self, pos: QPointF) -> None:
        if self._flow_line is not None and self._flow_source in self.cards:
            start = self.cards[self._flow_source]
            origin = start.pos() + QPointF(start.box.rect.width, start.box.rect.height / 2)
            self._flow_line.setLine(origin.x(), origin.y(), pos.x(), pos.y())

    def flow_gesture_end(self, pos: QPointF) -> None:
        source, self._flow_source = self._flow_source, None
        if self._flow_line is not None:
            self.removeItem(self._flow_line)
            self._flow_line = None
        target = next((i.card_id for i in self.items(pos) if isinstance(i, CardItem)), None)
        if source is None or target is None or target == source:
            return
        if self.journey.graph.has_edge(source, target):
            self.problem.emit("These cards are already connected")
            return
        self.document.try_push(
            Insert(self.journey, Entity.FLOW, 0, Flow(new_id("flow"), source, target), "Add flow")
        )

    def cancel_flow(self) -> None:
        self._flow_source = None
        if self._flow_line is not None:
            self.removeItem(self._flow_line)
            self._flow_line = None

    # ------------------------------------------------------- stages and lanes
    def preview_stage_drag(self, stage_id: str, dx: float) -> None:
        self.stage_headers[stage_id].setX(self.layout_stage(stage_id).header.x + dx)

    def preview_stage_width(self, stage_id: str, width: float) -> None:
        pass  # the release commits; a live preview would relayout on every move

    def layout_stage(self, stage_id: str):
        return next(b for b in self.layout.stages if b.stage.id == stage_id)

    def drop_stage(self, stage_id: str, x: float) -> None:
        centers = [b.header.center[0] for b in self.layout.stages if b.stage.id != stage_id]
        index = sum(1 for c in centers if c < x)
        if index != self.journey.stages.index_of(stage_id):
            self.document.try_push(Move(self.journey, Entity.STAGE, stage_id, index, "Move stage"))
        else:
            self.sync()

    def resize_stage(self, stage_id: str, width: float) -> None:
        width = round(width)
        if width != self.journey.stages.get(stage_id).width:
            self.document.try_push(
                Update(self.journey, Entity.STAGE, stage_id, {"width": float(width)},
                       "Resize stage")
            )  # fmt: skip

    def preview_lane_drag(self, lane_id: str, dy: float) -> None:
        box = self.lane_headers[lane_id].box
        self.lane_headers[lane_id].setY(box.header.y + dy)

    def drop_lane(self, lane_id: str, y: float) -> None:
        visible = [b for b in self.layout.lanes if b.lane.id != lane_id]
        below = [b.lane.id for b in visible if b.header.center[1] < y]
        ids = self.journey.lanes.ids()
        index = ids.index(below[-1]) + 1 if below else 0
        if ids.index(lane_id) < index:
            index -= 1
        if index != ids.index(lane_id):
            self.document.try_push(Move(self.journey, Entity.LANE, lane_id, index, "Move lane"))
        else:
            self.sync()

    def toggle_lane(self, lane_id: str) -> None:
        collapsed = not self.journey.lanes.get(lane_id).collapsed
        text = "Collapse lane" if collapsed else "Expand lane"
        self.document.try_push(
            Update(self.journey, Entity.LANE, lane_id, {"collapsed": collapsed}, text)
        )

    # ------------------------------------------------------------ emotions
    def set_emotion(self, card_id: str, persona_id: str, score: int) -> None:
        emotions = {**self.journey.card(card_id).emotions, persona_id: score}
        self.document.try_push(
            Update(self.journey, Entity.CARD, card_id, {"emotions": emotions}, "Change emotion")
        )

    # ------------------------------------------------------------ in-place text
    def _edit(self, rect: QRectF, text: str, size: float, commit) -> InlineEditor:
        editor = InlineEditor(rect, text, size, commit)
        self.addItem(editor)
        editor.start()
        return editor

    def edit_card_title(self, card_id: str) -> InlineEditor:
        box = self.layout.cards[card_id]
        rect = qrect(box.rect).adjusted(4, 4, -4, -4)
        return self._edit(rect, box.card.title, 12, self._renamer(Entity.CARD, card_id, "title"))

    def edit_stage_name(self, stage_id: str) -> InlineEditor:
        box = self.layout_stage(stage_id)
        rect = qrect(box.header).adjusted(6, 14, -6, -14)
        return self._edit(rect, box.stage.name, 14, self._renamer(Entity.STAGE, stage_id, "name"))

    def edit_lane_name(self, lane_id: str) -> InlineEditor:
        box = self.lane_headers[lane_id].box
        rect = qrect(box.header).adjusted(20, 4, -4, 0)
        rect.setHeight(min(rect.height(), 60))
        return self._edit(rect, box.lane.name, 12, self._renamer(Entity.LANE, lane_id, "name"))

    def edit_flow_label(self, flow_id: str) -> InlineEditor:
        route = self.flows[flow_id].route
        x, y = route.label_at
        rect = QRectF(x - 80, y - 12, 160, 24)
        commit = self._renamer(Entity.FLOW, flow_id, "label", allow_empty=True)
        return self._edit(rect, route.flow.label, 10, commit)

    def _renamer(self, kind: Entity, item_id: str, field: str, allow_empty: bool = False):
        def commit(text: str) -> None:
            if not text and not allow_empty:
                return
            try:
                current = getattr(self.journey.get(kind, item_id), field)
            except ModelError:
                return  # deleted meanwhile
            if text != current:
                command = Update(self.journey, kind, item_id, {field: text}, f"Rename {kind.value}")
                self.document.try_push(command)

        return commit

    # ------------------------------------------------------------ palette
    def create_from_palette(self, payload: dict, pos: QPointF) -> str | None:
        """Create what a palette entry describes at ``pos``; returns the new id."""
        from mapper.canvas.palette_items import command_for_drop

        command = command_for_drop(self.journey, self.layout, payload, (pos.x(), pos.y()))
        if command is None:
            self.problem.emit("Drop cards onto a cell of the grid")
            return None
        if not self.document.try_push(command):
            return None
        if isinstance(command.entity, Card):
            self.select_ids([command.entity.id])  # the inspector shows the new card
        return command.entity.id
