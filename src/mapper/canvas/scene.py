"""The scene mirrors the model: after each batch of model events it lays the map out again
and brings its id -> item maps in line (``canvas.mirror``). Gestures are interaction objects
(``canvas.interactions``): the scene holds at most one, forwards the mouse to it and
cancels it on Esc. It never changes the model directly."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from mapper.canvas.card_item import CardItem
from mapper.canvas.curve_items import DrawnPoint
from mapper.canvas.emotion_items import EmotionPointItem, GhostRowItem
from mapper.canvas.emotion_layer import EmotionLayer
from mapper.canvas.flow_building import flow_steps
from mapper.canvas.flow_item import FlowItem
from mapper.canvas.flow_layer import FlowLayer
from mapper.canvas.grid_item import GridItem
from mapper.canvas.header_items import CornerItem, LaneHeaderItem, StageHeaderItem
from mapper.canvas.interaction import Interaction
from mapper.canvas.interactions import CardDrag, FlowDrawing, PaletteDrop
from mapper.canvas.mirror import drawn, sync_cards, sync_flows, sync_headers, take_new_values
from mapper.canvas.scene_selection import SelectionScene
from mapper.canvas.shown_layouts import ShownLayouts
from mapper.document import Document
from mapper.edits import Change
from mapper.gcpause import keep_new, paused_gc
from mapper.layout import MapLayout, Style, compute_layout
from mapper.layout.relink import relink
from mapper.layout.theme import LIGHT, Theme
from mapper.model import Entity, ModelEvent, Persona
from mapper.model.pain import lead_persona, shown_personas

if TYPE_CHECKING:
    from mapper.layout.labels import FlowLabel  # (loaded with the flows, after the first frame)

BSP_DEPTH = 10


class JourneyScene(SelectionScene):
    layout_changed = Signal()
    problem = Signal(str)  # a refused gesture, for the status bar
    hint = Signal(str)  # what a keyboard gesture under way expects ("" when it ends)

    def __init__(
        self,
        document: Document,
        parent=None,
        read_only: bool = False,
        style: Style | None = None,
        defer_flows: bool = False,
    ) -> None:
        """``defer_flows``: the flows, their labels and the cards a view's first paint does
        not show are built after it (:meth:`complete`), so a big map shows sooner."""
        super().__init__(parent, defer=defer_flows)
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
        # after an undo, the layout shown before the edit is built on (see shown_layouts)
        self._shown = ShownLayouts(getattr(document, "revision", None))
        self.grid = GridItem()
        self.addItem(self.grid)
        self.corner = CornerItem()  # shown and placed by a view (sticky headers)
        self.addItem(self.corner)
        self._flows: dict[str, FlowItem] = {}
        # unselected flows are drawn in bulk on screen (None: each paints itself)
        self.flow_layer: FlowLayer | None = FlowLayer(self)
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.emotions = EmotionLayer(self)  # curves, points, ghost points and the legend
        self._labels: dict[str, FlowLabel] = {}
        self._flows_coming = False  # routed for the layout shown, being made (see sync)
        self._selected_before: set = set()  # items selected at the last selection change
        self._unsubscribe = self.journey.events.subscribe(self._on_model_events)
        self.selectionChanged.connect(self._refresh_handles)
        self.selectionChanged.connect(self.emotions.prune)  # points no longer selected
        self.sync()

    def set_theme(self, theme: Theme) -> None:
        """Paint the map in ``theme``: the background, every item (cached pictures are
        redrawn) and the curves, whose pens are made with their items. Nothing is laid out
        again: a look changes no box (a full relayout took 1.8 s on a 20,000-card map)."""
        self.setBackgroundBrush(QColor(theme.background))
        if theme is self.theme:
            return
        self.theme = theme
        if self.pending:  # the curves come with the flows, in the theme then
            self.emotions.sync_legend()
        else:
            self.emotions.sync(self._active_id, True)
        for item in self.made_items():  # those still to come are made in the new theme
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
            for flow in self._flows.values():
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
        self._unsubscribe = lambda: None  # it held this scene: no cycle for the collector

    # ------------------------------------------------------------ mirroring
    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        self.build_cards()  # an edit before the first paint finds every card item
        if not any(drawn(event, self.layout_style.card_metrics) for event in events):
            take_new_values(
                events, self.journey, self.layout, self.cards, self.stage_headers, self.emotions
            )  # e.g. typing in a card's notes: nothing to draw
            return
        # channel names show in card tooltips: a change of them reaches every card
        force = any(e.entity is Entity.MAP and "custom_channels" in e.fields for e in events)
        with paused_gc():  # an edit's burst of new boxes and routes is not walked: kept
            self.sync(force=force)
            # a walk due waits for the turn after the frame (see after_frame), if one comes
            keep_new(walk=not any(view.isVisible() for view in self.views()))

    def sync(self, force: bool = True) -> None:
        """Bring the items in line with the model. Unless ``force``d, the layout is built on
        the previous one and only items whose boxes changed are touched."""
        if self._flows_coming:  # made for the layout shown (routed on it): first
            self.complete()  # all of them, then this change as any other
        self.catch_up_flows()  # the items show the layout shown, every one of them
        journey = self.journey
        previous = None if force else self.layout
        style, flows = self.layout_style, not self.pending  # routed once the flows come
        base = self._shown.base(previous, style, flows)
        self.layout = layout = compute_layout(journey, style, previous=base, flows=flows)
        if previous is not None and base is not previous:
            relink(layout, previous)  # said as changes since what the items show
        self.retired = self._shown.showing(layout, previous)  # no longer kept: freed later
        self.edited = True
        self.grid.set_layout(layout)
        self.setSceneRect(QRectF(-20, -20, layout.width + 40, layout.height + 40))  # a margin
        # the lead: the active persona unless it is hidden (None: no persona shown)
        active_id = getattr(lead_persona(journey), "id", None)
        shown = tuple(shown_personas(journey))
        was_shown = [p.id for p in self.shown_personas]
        everything = force or active_id != self._active_id or was_shown != [p.id for p in shown]
        self.shown_personas = shown
        self._active_id = active_id
        with self.one_selection_change():  # selected items removed: said once
            self._sync_items(previous, everything)
        self.layout_changed.emit()

    def _sync_items(self, previous: MapLayout | None, everything: bool) -> None:
        layout, active_id = self.layout, self._active_id
        sync_headers(self, self.stage_headers, {b.stage.id: b for b in layout.stages},
                     StageHeaderItem)  # fmt: skip
        sync_headers(self, self.lane_headers, {b.lane.id: b for b in layout.lanes},
                     LaneHeaderItem)  # fmt: skip
        if self._cards_pending and self._cards:  # some made already: all follow
            self.build_cards()
        moved = not self._cards_pending and sync_cards(
            self, self._cards, layout, active_id, everything, self._highlighted, previous
        )
        if not self.pending:
            with self._flow_batch():
                self._labels = sync_flows(self, self._flows, layout, previous,
                                          moved or everything, self._labels,
                                          self.flow_layer, self.flows_behind)  # fmt: skip
                if self.flow_layer is not None:  # flows that followed a dragged card
                    self.flow_layer.reattach(self._layer_for)
        if self.pending:  # the curves and points come with the flows, the legend now
            self.emotions.sync_legend()
        else:
            self.emotions.sync(active_id, everything)

    def catch_up_flows(self) -> None:
        layer = self.flow_layer
        batch = layer.off_screen if layer is not None else nullcontext
        self.flows_behind.catch_up(self._flows, self.layout.routes_by_id(), self._labels, batch)

    @property
    def flows(self) -> dict[str, FlowItem]:
        self.complete()  # asking builds the flows still deferred
        return self._flows

    def _completion_steps(self) -> Iterator[None]:
        """What opening a map deferred, a step a turn: the cards, the flows (routed, labelled,
        made a batch a step), the emotion curves. Once routed, an edit first finishes them."""
        yield from self._card_steps()
        self._flows_coming = True
        self._labels = yield from flow_steps(self, self._flows, self.layout)
        self.pending = self._flows_coming = False
        self.emotions.sync(self._active_id, True)
        self.layout_changed.emit()

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

    def emotion_points(self) -> list[DrawnPoint]:
        self.complete()
        return self.emotions.points()

    def ghost_rows(self) -> list[GhostRowItem]:
        self.complete()
        return self.emotions.ghost_rows()

    # ------------------------------------------------------------ edits
    def push(self, change: Change | None) -> bool:
        """Apply a change as one undo step (a refusal reaches the status bar)."""
        return change is not None and self.document.try_push(change)

    def report(self, message: str) -> None:
        self.problem.emit(message)

    def edit_text(self, kind: Entity, item_id: str) -> None:
        """Type a title or name in place. A gesture under way ends first (a flow's target
        picked with the keys: Esc would end it instead of the edit)."""
        from mapper.canvas.inline_edits import open_editor  # loaded when first typed in

        self.cancel_interaction()
        open_editor(self, self.journey, self.layout, kind, item_id, self.push, self.report)

    def finish_editing(self) -> None:
        """Commit a title being typed in place (before a save, a new card, a flow)."""
        from mapper.canvas.inline_editor import InlineEditor  # (loaded when first used)

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
        from mapper.canvas.header_drags import LaneHeaderDrag, StageHeaderDrag, StageResize

        if isinstance(header, StageHeaderItem):
            kind = StageResize if resize else StageHeaderDrag
            self.start_interaction(kind(self, header, pos))
        elif isinstance(header, LaneHeaderItem):
            self.start_interaction(LaneHeaderDrag(self, header, pos))

    def begin_emotion_drag(self, point: QGraphicsItem, done: Callable | None = None) -> None:
        from mapper.canvas.emotion_drag import EmotionPointDrag  # loaded when first dragged

        if isinstance(point, EmotionPointItem):  # (a point's own item is held while dragged)
            self.start_interaction(EmotionPointDrag(self, point, done or self.emotions.hold(point)))

    def begin_point_drag(self, row: QGraphicsItem, card_id: str) -> QGraphicsItem | None:
        """A press on a point a row draws: its own item is dragged (a click selects it)."""
        point = self.emotions.take_out(row, card_id)
        if point is not None:
            self.begin_emotion_drag(point)
        return point

    def begin_ghost_drag(self, row: QGraphicsItem, card_id: str, x: float) -> None:
        """A ghost point is dragged as a stand-in point, taken away when the drag is over."""
        if isinstance(row, GhostRowItem):
            self.begin_emotion_drag(*self.emotions.stand_in(row, card_id, x))

    # ------------------------------------------------------------ events
    def mousePressEvent(self, event) -> None:
        if self.read_only:
            event.ignore()
            return
        self.complete()  # a gesture starts on the whole map (a big one still coming in)
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
