"""A card on the canvas: paints what the layout and the model say, turns drags into moves."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from mapper.canvas.card_paint import RADIUS, SHADOW, CardLook, paint_card
from mapper.canvas.host import host_of
from mapper.canvas.painting import qcolor, theme_of
from mapper.layout import CardBox
from mapper.layout.metric_lines import card_metrics_tooltip
from mapper.layout.wording import channel_label, short_names, whose_pain
from mapper.model import BUILTIN_CHANNELS, Entity, JourneyMap, Sentiment
from mapper.model.pain import PainPoint, card_mark, hurt_by

HANDLE_RADIUS = 6.0
RING = 6.0  # how far outside the card its highlight and focus ring reach
# looked up once: a big map builds tens of thousands of cards, and each Qt enum lookup or
# combination is a Python call
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)
_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_CURSOR = Qt.CursorShape.OpenHandCursor
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_NEUTRAL = Sentiment.NEUTRAL


class CardItem(QGraphicsItem):
    def __init__(self, box: CardBox, persona_id: str | None) -> None:
        super().__init__()
        self.setFlags(_FLAGS)
        # Painted once into a pixmap per zoom level: dragging and scrolling then only blit.
        self.setCacheMode(_CACHE)
        self.setAcceptHoverEvents(True)
        self.setCursor(_CURSOR)
        self.setZValue(10)
        self.box = box
        self.persona_id = persona_id
        self.highlighted = False
        self.focused = False  # the keyboard's current card: a focus ring
        self.hovered = False
        self._shift_on_selected = False
        self.handle: ConnectorHandle | None = None  # made the first time it shows
        self._look: CardLook | None = None  # what it draws: worked out on its first paint
        self.update_box(box, persona_id)

    @property
    def card_id(self) -> str:
        return self.box.card.id

    def update_box(self, box: CardBox, persona_id: str | None) -> None:
        if box.rect.width != self.box.rect.width or box.rect.height != self.box.rect.height:
            self.prepareGeometryChange()
        self.box, self.persona_id = box, persona_id
        self.setPos(box.rect.x, box.rect.y)
        if self.handle is not None:
            self.handle.setPos(box.rect.width, box.rect.height / 2)
        self.refresh_handle()
        self.setToolTip(self._tooltip())
        self.update()

    def move_to(self, box: CardBox) -> None:
        """Take a box that differs from the current one by its place only."""
        self.box = box
        self.setPos(box.rect.x, box.rect.y)

    def home(self) -> QPointF:
        return QPointF(self.box.rect.x, self.box.rect.y)

    def _tooltip(self, journey: JourneyMap | None = None) -> str:
        """The card's full title (when cut short), channel and description. A map's own
        channel is named from ``journey`` (the item learns it once on its scene)."""
        card = self.box.card
        parts = [card.title] if self.box.elided else []
        if card.channel:
            info = BUILTIN_CHANNELS.get(card.channel)
            label = info.label if info else card.channel
            if info is None and journey is not None:
                label = channel_label(journey, card.channel)
            parts.append(f"Channel: {label}")
        if self.box.metrics:
            parts.append(card_metrics_tooltip(card))
        if card.description:
            parts.append(card.description[:400])
        return "\n".join(parts)

    def _pain_tip(self, journey: JourneyMap) -> str:
        """Whose score makes the card a pain point: asked on hover, with names as they are
        now (a persona's rename redraws nothing)."""
        hurt = hurt_by(self.box.card, getattr(self.scene(), "shown_personas", ()))
        if not hurt:
            return ""
        names = short_names(list(journey.personas))
        return "Pain point for " + whose_pain(PainPoint(self.box.card, hurt), names)

    # ------------------------------------------------------------------ paint
    def boundingRect(self) -> QRectF:
        r = self.box.rect
        return _bounds(r.width, r.height)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, self.box.rect.width, self.box.rect.height), RADIUS, RADIUS)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        box, colors = self.box, theme_of(self)
        look = self._look
        if look is None or not look.fits(box, colors, painter):
            look = self._look = CardLook(box, colors, painter)
        painter.setRenderHint(_ANTIALIAS, True)
        shown = getattr(self.scene(), "shown_personas", ())
        sentiment = card_mark(box.card, shown, self.persona_id)
        stripe = None if sentiment is _NEUTRAL else qcolor(colors.sentiment[sentiment])
        # selected as Qt's option.state says; reading that would make PySide build every
        # enum of QStyle before a map's first frame (a few ms)
        selected = self.isSelected()
        # Qt's level of detail is off in its last bits by where the card is drawn (60 %
        # comes out 0.5999999999999996 in a cached picture or at some scroll positions):
        # rounded, a card shows its metrics line at the zoom a map opens at, wherever it is
        detail = round(option.levelOfDetailFromTransform(painter.worldTransform()), 6)
        paint_card(painter, look, selected, detail, stripe, self.highlighted, self.focused)

    # --------------------------------------------------------------- gestures
    def hoverEnterEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:  # the map's own channel by name, and whose pain it is, as now
            tips = (self._tooltip(host.journey), self._pain_tip(host.journey))
            self.setToolTip("\n".join(t for t in tips if t))
        self.hovered = True
        self.refresh_handle()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.refresh_handle()
        super().hoverLeaveEvent(event)

    def refresh_handle(self) -> None:
        """Show the flow handle while hovered or selected (the scene calls this on
        selection changes; no itemChange override, which would cost a Python call per
        geometry change). A map has thousands of cards and the handle shows on a few: it
        is made the first time it is needed."""
        visible = self.hovered or self.isSelected()
        if self.handle is None:
            if not visible:
                return
            self.handle = ConnectorHandle(self)
            self.handle.setPos(self.box.rect.width, self.box.rect.height / 2)
        self.handle.setVisible(visible)

    def mousePressEvent(self, event) -> None:
        self._shift_on_selected = _shift_as_ctrl(event) and self.isSelected()
        if self._shift_on_selected:
            event.accept()  # shift-click on a selected card keeps it selected
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        _shift_as_ctrl(event)
        if self._shift_on_selected:
            self._shift_on_selected = False
            event.accept()  # Qt's Ctrl would toggle it off on release
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        host = host_of(self)
        if host is not None:
            host.edit_text(Entity.CARD, self.card_id)


def _shift_as_ctrl(event) -> bool:
    """Shift-click adds to the selection (Qt's own Ctrl-click toggles): treat it as Ctrl."""
    modifiers = event.modifiers()
    if not modifiers & Qt.KeyboardModifier.ShiftModifier:
        return False
    event.setModifiers(
        (modifiers & ~Qt.KeyboardModifier.ShiftModifier) | Qt.KeyboardModifier.ControlModifier
    )
    return True


@lru_cache(maxsize=1024)
def _bounds(width: float, height: float) -> QRectF:
    """A card's bounds: Qt asks for them several times a paint, and cards share sizes
    (shared, so never to be changed in place)."""
    m = RING
    return QRectF(-m, -m, width + 2 * m + SHADOW, height + 2 * m + SHADOW)


class ConnectorHandle(QGraphicsItem):
    """The dot on a card's right edge: drag from it to another card to draw a flow.

    It holds no reference to its card (Qt's parent item is asked): once asked for its
    scene, PySide keeps the handle's wrapper as long as the scene, and a reference from
    it would keep a deleted card, with its box and texts, as long as the window."""

    def __init__(self, card: CardItem) -> None:
        super().__init__(card)
        self.setVisible(False)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setToolTip("Drag to another card to add a flow")
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        r = HANDLE_RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colors = theme_of(self)
        painter.setPen(QPen(qcolor(colors.handle_ring), 1.5))
        painter.setBrush(QBrush(qcolor(colors.selection)))
        painter.drawEllipse(QPointF(0, 0), HANDLE_RADIUS, HANDLE_RADIUS)

    def mousePressEvent(self, event) -> None:
        host = host_of(self)
        if host is None:
            event.ignore()
            return
        card = self.parentItem()
        if not isinstance(card, CardItem):
            event.ignore()
            return
        host.begin_flow(card.card_id, event.scenePos())
        event.accept()  # the scene hands the moves and the release to the flow drawing
