"""The scene mirrors the model: after each batch of model events it lays the map out again
and brings its id -> item maps in line. Gestures are interaction objects
(``canvas.interactions``): the scene holds at most one, forwards the mouse to it and
cancels it on Esc. It never changes the model directly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from mapper.canvas.card_item import CardItem
from mapper.canvas.emotion_items import EmotionPointItem, GhostRowItem
from mapper.canvas.emotion_layer import EmotionLayer
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.flow_layer import FlowLayer
from mapper.canvas.grid_item import GridItem
from mapper.canvas.header_items import CornerItem, LaneHeaderItem, StageHeaderItem
from mapper.canvas.inline_edits import InlineEditor, open_editor
from mapper.canvas.interaction import Interaction
from mapper.canvas.interactions import (
    CardDrag,
    EmotionPointDrag,
    FlowDrawing,
    LaneHeaderDrag,
    PaletteDrop,
    StageHeaderDrag,
    StageResize,
)
from mapper.document import Document
from mapper.edits import Change
from mapper.layout import EmotionPoint, MapLayout, Style, compute_layout
from mapper.layout.labels import FlowLabel, flow_labels
from mapper.layout.theme import LIGHT, Theme
from mapper.model import Action, Entity, ModelEvent, Persona, analysis

# What the canvas neither draws nor shows in a tooltip: an edit of only these costs no
# layout at all (typing in a card's notes on a 5,000-card map stays instant).
_NOT_DRAWN: dict[Entity, frozenset[str]] = {
    Entity.CARD: frozenset({"owner", "metrics", "url", "tags", "notes", "buying_phase", "impact",
                            "effort", "pain_point_ids"}),
    Entity.STAGE: frozenset({"notes", "buying_phase"}),
    Entity.PERSONA: frozenset({"name", "role", "bio", "demographics", "goals", "motivations",
                               "frustrations", "behaviours", "quote", "photo"}),
    Entity.MAP: frozenset({"title", "description", "author", "version", "scenario", "notes",
                           "presentation"}),
}  # fmt: skip
_METRICS_LINE = frozenset({"owner", "metrics"})  # a card's metrics line, when it shows


def _drawn(event: ModelEvent, card_metrics: bool = False) -> bool:
    """Whether a model change can change anything on the canvas (``card_metrics``: cards
    show their metrics line)."""
    if event.action is not Action.UPDATED or not event.fields:
        return True
    if card_metrics and event.entity is Entity.CARD and event.fields & _METRICS_LINE:
        return True
    return not event.fields <= _NOT_DRAWN.get(event.entity, frozenset())


BSP_DEPTH = 10


def _nothing() -> None:
    pass


class JourneyScene(QGraphicsScene):
    layout_changed = Signal()
    problem = Signal(str)  # a refused gesture, for the status bar
    hint = Signal(str)  # what a keyboard gesture under way expects ("" when it ends)

    def __init__(
        self, document: Document, parent=None, read_only: bool = False, style: Style | None = None
    ) -> None:
        super().__init__(parent)
        # Qt deepens its item index with the item count (17 levels at 50,000 items), and
        # an item is filed in every leaf it overlaps: a flow across a long map landed in
        # thousands, over a gigabyte at 20,000 cards. Ten levels find items as fast.
        self.setBspTreeDepth(BSP_DEPTH)
        self.read_only = read_only  # presenting: no gesture reaches the items
        self.printing = False  # drawn for an image: no editor chrome (collapse arrows)
        self.dragging = False  # cards are being dragged (flows then draw faster)
        self.interaction: Interaction | None = None  # the gesture under way, if any
        self.paint_rects: list | None = None  # where flows show in the view's repaint
        self.theme: Theme = LIGHT  # what the items paint in (exports keep it light)
        self.document = document
        self.journey = document.journey
        # whose scores make cards pain points (cards read it to paint and for tooltips)
        self.shown_personas: tuple[Persona, ...] = ()
        self.layout_style = style or Style()  # View options the layout honours (metrics lines)
        self.layout: MapLayout = MapLayout(self.layout_style)
        self.grid = GridItem()
        self.addItem(self.grid)
        self.corner = CornerItem()  # shown and placed by a view (sticky headers)
        self.addItem(self.corner)
        self.cards: dict[str, CardItem] = {}
        self.flows: dict[str, FlowItem] = {}
        # unselected flows are drawn in bulk on screen (None: each paints itself)
        self.flow_layer: FlowLayer | None = FlowLayer(self)
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.emotions = EmotionLayer(self)  # curves, points, ghost points and the legend
        self._labels: dict[str, FlowLabel] = {}
        self._active_id: str | None = None
        self._highlighted: set[str] = set()
        self._selected_before: set = set()  # items selected at the last selection change
        self._unsubscribe = self.journey.events.subscribe(self._on_model_events)
        self.selectionChanged.connect(self._refresh_handles)
        self.sync()

    def set_theme(self, theme: Theme) -> None:
        """Paint the map in ``theme``: the background, every item (cached pictures are
        redrawn) and the curves, whose pens are made with their items."""
        self.setBackgroundBrush(QColor(theme.background))
        if theme is self.theme:
            return
        self.theme = theme
        self.sync()
        for item in self.items():
            item.update()

    def set_item_caching(self, enabled: bool) -> None:
        """Cards paint into cached pixmaps and unselected flows are drawn in bulk on screen;
        vector exports need each item drawn on its own."""
        mode = (CardItem.CacheMode.DeviceCoordinateCache if enabled
                else CardItem.CacheMode.NoCache)  # fmt: skip
        for item in self.cards.values():
            item.setCacheMode(mode)
        self.draw_flows_in_bulk(enabled)

    def draw_flows_in_bulk(self, enabled: bool) -> None:
        """Unselected flows drawn by a FlowLayer, or (not ``enabled``) each by itself."""
        if enabled == (self.flow_layer is not None):
            return
        layer = self.flow_layer = FlowLayer(self) if enabled else self.flow_layer
        assert layer is not None
        with layer.batch():
            for flow in self.flows.values():
                flow.set_layer(layer if enabled and not flow.isSelected() else None)
        if not enabled:
            layer.remove()
            self.flow_layer = None

    def _layer_for(self, flow: FlowItem) -> FlowLayer | None:
        return None if flow.isSelected() else self.flow_layer

    def _flow_batch(self) -> AbstractContextManager:
        """Changes to the flow layer settled once at the end."""
        return self.flow_layer.batch() if self.flow_layer is not None else nullcontext()

    def detach(self) -> None:
        """Stop listening to the model (before the document goes away)."""
        self._unsubscribe()
        self._unsubscribe = _nothing  # it held this scene: no cycle left for the collector

    # ------------------------------------------------------------ mirroring
    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        metrics = self.layout_style.card_metrics
        if not any(_drawn(event, metrics) for event in events):
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
                card_box = replace(layout.cards[event.id], card=journey.card(event.id))
                layout.cards[event.id] = self.cards[event.id].box = card_box
            elif event.entity is Entity.STAGE and event.id in self.stage_headers:
                index = next(i for i, b in enumerate(layout.stages) if b.stage.id == event.id)
                stage_box = replace(layout.stages[index], stage=journey.stages.get(event.id))
                layout.stages[index] = self.stage_headers[event.id].box = stage_box
            elif event.entity is Entity.PERSONA and event.id in self.emotions.curves:
                index = next(
                    i for i, c in enumerate(layout.emotion_curves) if c.persona.id == event.id
                )
                curve = replace(
                    layout.emotion_curves[index], persona=journey.personas.get(event.id)
                )
                layout.emotion_curves[index] = curve
                self.emotions.take_persona(curve)
        if any(event.entity is Entity.PERSONA for event in events):
            self.emotions.sync_legend()  # a persona's name shows in the lane's legend

    def sync(self, force: bool = True) -> None:
        """Bring the items in line with the model. Unless ``force``d, the layout is built on
        the previous one and only items whose boxes changed are touched."""
        journey = self.journey
        previous = None if force else self.layout
        self.layout = layout = compute_layout(journey, self.layout_style, previous=previous)
        self.grid.set_layout(layout)
        margin = 20
        self.setSceneRect(QRectF(-margin, -margin, layout.width + 2 * margin,
                                 layout.height + 2 * margin))  # fmt: skip
        active = journey.active_persona()
        active_id = active.id if active else None
        shown = tuple(analysis.shown_personas(journey))
        was_shown = [p.id for p in self.shown_personas]
        everything = force or active_id != self._active_id or was_shown != [p.id for p in shown]
        self.shown_personas = shown
        self._active_id = active_id
        self._sync_headers(self.stage_headers, {b.stage.id: b for b in layout.stages},
                           StageHeaderItem)  # fmt: skip
        self._sync_headers(self.lane_headers, {b.lane.id: b for b in layout.lanes},
                           LaneHeaderItem)  # fmt: skip
        moved = self._sync_cards(layout, active_id, everything)
        with self._flow_batch():
            self._sync_flows(layout, previous, moved or everything)
            if self.flow_layer is not None:  # flows that followed a dragged card
                self.flow_layer.reattach(self._layer_for)
        self.emotions.sync(active_id, everything)
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

    def _sync_flows(self, layout: MapLayout, previous: MapLayout | None, cards_moved: bool) -> None:
        items = self.flows
        routes = {r.flow.id: r for r in layout.flows}
        gone = [flow_id for flow_id in items if flow_id not in routes]
        for flow_id in gone:
            item = items.pop(flow_id)
            item.set_layer(None)
            self.removeItem(item)
            if item.label is not None:
                self.removeItem(item.label)  # a separate item, above the cards
        rerouted = bool(gone) or any(
            flow_id not in items or items[flow_id].route is not path
            for flow_id, path in routes.items()
        )
        if cards_moved or rerouted:  # labels keep off cards and each other: place again
            placed = flow_labels(layout, previous, list(self._labels.values()))
            self._labels = {label.flow_id: label for label in placed}
        elif previous is not None:  # nothing to place: what labels avoid carries over
            layout.label_cards, previous.label_cards = previous.label_cards, None
        labels = self._labels
        for flow_id, path in routes.items():
            known = items.get(flow_id)
            label = labels.get(flow_id)
            if known is None:
                items[flow_id] = item = FlowItem(path, label)
                self.addItem(item)
                item.set_layer(self.flow_layer)
                if item.label is not None:
                    self.addItem(item.label)
            elif known.route is not path or known.placed_label != label:
                known.set_route(path, label)

    def _refresh_handles(self) -> None:
        """Cards show their flow handle while selected; a selected flow paints itself (in
        the selection colour, over the others) and its label is drawn in its colour. Only
        what was or is selected is touched, not every item of the map."""
        selected = set(self.selectedItems())
        with self._flow_batch():
            for item in selected ^ self._selected_before:
                if isinstance(item, CardItem):
                    item.refresh_handle()
                elif isinstance(item, FlowItem):
                    if item.scene() is self:  # not one the last edit removed
                        item.set_layer(self._layer_for(item))
                    if item.label is not None:
                        item.label.update()
        self._selected_before = selected

    def emotion_points(self) -> list[EmotionPointItem]:
        return self.emotions.points()

    def ghost_rows(self) -> list[GhostRowItem]:
        return self.emotions.ghost_rows()

    # ------------------------------------------------------------ selection
    def selected_ids(self, kind: Entity) -> list[str]:
        selected = set(self.selectedItems())
        sources: dict[Entity, Mapping[str, QGraphicsItem]] = {
            Entity.CARD: self.cards, Entity.FLOW: self.flows,
            Entity.STAGE: self.stage_headers, Entity.LANE: self.lane_headers,
        }  # fmt: skip
        source = sources[kind]
        return [item_id for item_id, item in source.items() if item in selected]

    def selected_emotion_points(self) -> list[tuple[str, str]]:
        """(card, persona) of each selected emotion point."""
        return [(i.card_id, i.persona_id) for i in self.selectedItems()
                if isinstance(i, EmotionPointItem)]  # fmt: skip

    def score_targets(self) -> list[tuple[str, str]]:
        """What Alt+Up / Alt+Down change: the selected points' scores, and the active
        persona's score of each selected card."""
        targets = self.selected_emotion_points()
        active = self.journey.active_persona()
        if active is not None:
            targets += [(card_id, active.id) for card_id in self.selected_ids(Entity.CARD)]
        return targets

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

    def card_at(self, pos: QPointF) -> str | None:
        return next((i.card_id for i in self.items(pos) if isinstance(i, CardItem)), None)

    # ------------------------------------------------------------ edits
    def push(self, change: Change | None) -> bool:
        """Apply a change as one undo step (a refusal reaches the status bar)."""
        return change is not None and self.document.try_push(change)

    def report(self, message: str) -> None:
        self.problem.emit(message)

    def edit_text(self, kind: Entity, item_id: str) -> None:
        open_editor(self, self.journey, self.layout, kind, item_id, self.push, self.report)

    def finish_editing(self) -> None:
        """Commit a title being typed in place (before a save, a new card, a flow)."""
        editor = self.focusItem()
        if isinstance(editor, InlineEditor):
            editor.finish(commit=True)

    def create_from_palette(self, payload: dict, pos: QPointF) -> str | None:
        """Create what a palette entry describes at ``pos``; returns the new id."""
        drop = PaletteDrop(self, payload)
        self.start_interaction(drop)
        self.end_interaction(pos)
        return drop.created

    # ------------------------------------------------------------ gestures
    def start_interaction(self, interaction: Interaction) -> None:
        self.cancel_interaction()
        self.interaction = interaction
        interaction.start()

    def end_interaction(self, pos: QPointF) -> None:
        interaction, self.interaction = self.interaction, None
        if interaction is not None:
            interaction.end(pos)

    def cancel_interaction(self) -> bool:
        """Esc: the gesture under way puts back what it showed and commits nothing."""
        interaction, self.interaction = self.interaction, None
        if interaction is None:
            return False
        interaction.cancel()
        grabber = self.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()  # Qt would go on moving a grabbed card
        return True

    def begin_flow(self, card_id: str, pos: QPointF) -> None:
        self.start_interaction(FlowDrawing(self, card_id, pos))

    def begin_header_drag(self, header: QGraphicsItem, pos: QPointF, resize: bool) -> None:
        if isinstance(header, StageHeaderItem):
            kind = StageResize if resize else StageHeaderDrag
            self.start_interaction(kind(self, header, pos))
        elif isinstance(header, LaneHeaderItem):
            self.start_interaction(LaneHeaderDrag(self, header, pos))

    def begin_emotion_drag(self, point: QGraphicsItem) -> None:
        if isinstance(point, EmotionPointItem):
            self.start_interaction(EmotionPointDrag(self, point))

    def begin_ghost_drag(self, row: QGraphicsItem, card_id: str, x: float) -> None:
        """A ghost point is dragged as a stand-in point, taken away when the drag is over."""
        if not isinstance(row, GhostRowItem):
            return
        point = EmotionPoint(card_id, 0, (x, row.neutral_y), row.stage_index)
        stand_in = EmotionPointItem(point, row.persona_id, row.style, True, 45, ghost=True)
        self.addItem(stand_in)

        def done() -> None:
            if stand_in.scene() is self:
                self.removeItem(stand_in)

        self.start_interaction(EmotionPointDrag(self, stand_in, done))

    # ------------------------------------------------------------ events
    def mousePressEvent(self, event) -> None:
        if self.read_only:
            event.ignore()
            return
        if self.interaction is not None and self.interaction.ends_on_press:
            if event.button() == Qt.MouseButton.LeftButton:
                self.end_interaction(event.scenePos())  # e.g. a flow started from a menu
            else:
                self.cancel_interaction()
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.cancel_interaction()  # one whose release never came
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if not self.read_only:
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.read_only:
            return
        if event.key() == Qt.Key.Key_Escape and self.cancel_interaction():
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.read_only:
            return
        active = self.interaction
        if active is None or active.lets_items_move:
            super().mouseMoveEvent(event)  # Qt moves the grabbed cards
        grabbed = self.mouseGrabberItem()
        if (
            active is None
            and event.buttons() & Qt.MouseButton.LeftButton
            and isinstance(grabbed, CardItem)
        ):
            self.start_interaction(CardDrag(self, grabbed))
        if self.interaction is not None:
            self.interaction.move(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        if self.read_only:
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.end_interaction(event.scenePos())
