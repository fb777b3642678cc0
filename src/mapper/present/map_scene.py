"""The presentation canvas's scene: items built from the present layout, rebuilt whole
when the text size or the palette changes (a hundred cards take milliseconds)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from mapper.canvas.painting import qcolor
from mapper.present.deck import Deck
from mapper.present.items import CardTile, CurvesItem, GridItem
from mapper.present.theme import Palette

FAR = 20000.0  # room around the map, so the camera can put any point at the centre


class MapScene(QGraphicsScene):
    def __init__(self, deck: Deck, palette: Palette, text_scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.deck = deck
        self.base_layout = deck.layout(1.0)  # the zoom of stage shots is chosen for this one
        self.room = self.base_layout
        self.theme = palette
        self.rebuild(palette, text_scale)

    def rebuild(self, palette: Palette, text_scale: float) -> None:
        self.clear()
        self.theme = palette
        self.room = self.base_layout if text_scale == 1.0 else self.deck.layout(text_scale)
        layout = self.room
        self.setBackgroundBrush(qcolor(palette.background))
        self.setSceneRect(QRectF(-FAR, -FAR, layout.width + 2 * FAR, layout.height + 2 * FAR))
        self.addItem(GridItem(layout, palette))
        for slot in layout.cards.values():
            self.addItem(CardTile(slot, layout, palette))
        if layout.emotion_row is not None and layout.curves:
            self.addItem(CurvesItem(layout, palette, self.deck.lead))

    def card_at(self, x: float, y: float) -> str | None:
        return self.room.card_at((x, y))
