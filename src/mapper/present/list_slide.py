"""The pain points and opportunities slides: ranked tiles; a click on one shows it in
detail."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor, qfont, qrect, star_polygon
from mapper.layout.geometry import Rect
from mapper.layout.text import elide, line_height, text_width
from mapper.model import Sentiment
from mapper.model.entities import Card
from mapper.model.votes import latest_vote_day
from mapper.present.deck import Deck
from mapper.present.insights import PainPoint, ranked_opportunities, ranked_pain_points
from mapper.present.steps import Step, StepKind
from mapper.present.theme import DESIGN_HEIGHT, Palette
from mapper.present.tiles import (
    BADGE,
    META,
    PADDING,
    TITLE,
    PlacedTile,
    Tile,
    opportunity_tiles,
    paginate,
    pain_tiles,
)

HEADINGS = {
    StepKind.PAIN_POINTS: ("Pain points", "Most painful first"),
    StepKind.OPPORTUNITIES: ("Opportunities", "Quick wins first, then by impact over effort"),
}
VOTED = "Most voted first"


TOP = 24  # a long list is summarised: the most important, the rest counted (two pages at 1080)


def summary_line(kind: StepKind, shown: int, total: int, voted: bool = False) -> str:
    """The slide's subtitle, saying how much of a long list the room sees."""
    base = VOTED if voted else HEADINGS[kind][1]
    if total <= shown:
        return base
    what = "pain points" if kind is StepKind.PAIN_POINTS else "opportunities"
    return f"{base} · the {shown} most important of {total} {what}; all are in the PDF report"


class ListSlide(QWidget):
    clicked = Signal(object)  # the Card of the tile

    def __init__(self, deck: Deck, palette: Palette, parent=None) -> None:
        super().__init__(parent)
        self.deck, self.theme = deck, palette
        self.text_scale = 1.0
        self.kind = StepKind.PAIN_POINTS
        self.page = 0
        self._tiles: dict[StepKind, list[Tile]] = {}
        self.day: str | None = None
        self.totals: dict[StepKind, int] = {}
        self.rank(deck.pain_points, deck.opportunities, deck.vote_day)

    def rank(self, pains: list[PainPoint], opportunities: list[Card], day: str | None) -> None:
        """The tiles in this order (again after the room voted: the most voted first)."""
        top = self.deck.info.presentation.top_pain_points or TOP
        journey, self.day = self.deck.journey, day
        self._tiles = {
            StepKind.PAIN_POINTS: pain_tiles(journey, pains[:top]),
            StepKind.OPPORTUNITIES: opportunity_tiles(journey, opportunities[:TOP], day),
        }
        self.totals = {StepKind.PAIN_POINTS: len(pains), StepKind.OPPORTUNITIES: len(opportunities)}
        self.update()

    def rank_by_votes(self) -> None:
        """Rank again by the map's votes as they are now."""
        deck = self.deck
        day = latest_vote_day(deck.journey)
        pains = ranked_pain_points(deck.journey, deck.content, day)
        self.rank(pains, ranked_opportunities(deck.journey, deck.content, day), day)

    def set_look(self, palette: Palette, text_scale: float) -> None:
        self.theme, self.text_scale = palette, text_scale
        self.page = min(self.page, len(self.pages()) - 1)
        self.update()

    def show_step(self, step: Step, from_after: bool = False) -> None:
        """``from_after``: stepping back into this slide, so start on its last page."""
        if step.kind in HEADINGS:
            self.kind = step.kind
            self.page = len(self.pages()) - 1 if from_after else 0
            self.update()

    def turn(self, direction: int) -> bool:
        """The next (+1) or previous (-1) page, if there is one."""
        page = self.page + direction
        if not 0 <= page < len(self.pages()):
            return False
        self.page = page
        self.update()
        return True

    def tiles(self) -> list[Tile]:
        return self._tiles[self.kind]

    def pages(self) -> list[list[PlacedTile]]:
        return list_pages(QRectF(self.rect()), self.tiles(), self.text_scale)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        paint_list(
            painter,
            QRectF(self.rect()),
            self.kind,
            self.pages(),
            self.page,
            self.theme,
            self.text_scale,
            summary_line(self.kind, len(self.tiles()), self.totals[self.kind], self._voted()),
        )
        painter.end()

    def _voted(self) -> bool:
        """Ranked by the room's votes: some tile has votes of the day ranked by."""
        return self.day is not None and any(self.day in t.target.votes for t in self.tiles())

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = (event.position().x(), event.position().y())
        for placed in self.pages()[self.page]:
            if placed.rect.contains(point):
                self.clicked.emit(placed.tile.target)
                return


def _frame(rect: QRectF, text_scale: float) -> tuple[float, float, float]:
    """(geometry unit, text unit, left margin)."""
    g = rect.height() / DESIGN_HEIGHT
    return g, g * text_scale, rect.left() + 90 * g


def list_pages(rect: QRectF, tiles: list[Tile], text_scale: float) -> list[list[PlacedTile]]:
    g, u, left = _frame(rect, text_scale)
    top = rect.top() + 60 * g + line_height(44 * u) + 8 * u + line_height(24 * u) + 36 * u
    # room at the bottom for the page line and the minimap
    area = Rect(left, top, rect.right() - 90 * g - left, rect.bottom() - 160 * g - top)
    return paginate(tiles, area, u)


def paint_list(
    painter: QPainter,
    rect: QRectF,
    kind: StepKind,
    pages: list[list[PlacedTile]],
    page: int,
    pal: Palette,
    text_scale: float,
    subtitle: str = "",
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, qcolor(pal.background))
    g, u, left = _frame(rect, text_scale)
    title, plain = HEADINGS[kind]
    subtitle = elide(subtitle or plain, rect.right() - 90 * g - left, 24 * u)
    painter.setPen(qcolor(pal.ink))
    y = draw_lines(painter, (title,), left, rect.top() + 60 * g, 44 * u, bold=True) + 8 * u
    painter.setPen(qcolor(pal.muted))
    draw_lines(painter, (subtitle,), left, y, 24 * u)
    for tile in pages[page]:
        _paint_tile(painter, tile, pal, u)
    if len(pages) > 1:
        rest = sum(len(p) for p in pages[page + 1 :])
        text = f"Page {page + 1} of {len(pages)}"
        text += f"  ·  {rest} more on the next page" if rest else ""
        painter.setPen(qcolor(pal.muted))
        draw_lines(painter, (text,), left, rect.bottom() - 120 * g, 22 * u, bold=True)


def _paint_tile(painter: QPainter, placed: PlacedTile, pal: Palette, u: float) -> None:
    tile, box = placed.tile, qrect(placed.rect)
    radius = 10 * u
    if not pal.high_contrast:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor("#000000", 20))
        painter.drawRoundedRect(box.translated(0, 3 * u), radius, radius)
    painter.setPen(QPen(qcolor(pal.card_border), pal.card_border_width))
    painter.setBrush(qcolor(pal.chrome))
    painter.drawRoundedRect(box, radius, radius)
    pad = PADDING * u
    color = _tone(tile.tone, pal)
    badge = QRectF(box.left() + pad, box.top() + pad, (BADGE - 18) * u, 44 * u)
    size = 22 * u if len(tile.badge) <= 4 else 14 * u
    if tile.tone == "neutral":
        painter.setPen(QPen(qcolor(pal.muted), 2 * u))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(color))
    painter.drawRoundedRect(badge, 8 * u, 8 * u)
    painter.setPen(qcolor(pal.muted if tile.tone == "neutral" else "#ffffff"))
    painter.setFont(qfont(size, bold=True))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, tile.badge)
    x = box.left() + pad + BADGE * u
    painter.setPen(qcolor(pal.ink))
    y = draw_lines(painter, placed.title_lines, x, box.top() + pad, TITLE * u, bold=True)
    if tile.star:
        last = placed.title_lines[-1]
        sx = x + text_width(last, TITLE * u, bold=True) + 14 * u
        _star(painter, QPointF(sx, y - line_height(TITLE * u) / 2), 10 * u, pal.star)
    painter.setPen(qcolor(pal.muted))
    draw_lines(painter, placed.lines, x, y + 6 * u, META * u)


def _tone(tone: str, pal: Palette) -> str:
    return {
        "pain": pal.sentiment[Sentiment.PAIN],
        "love": pal.sentiment[Sentiment.LOVE],
        "win": pal.quick_win,
        "major": pal.accent,
    }.get(tone, pal.muted)


def _star(painter: QPainter, center: QPointF, radius: float, color: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(qcolor(color))
    painter.drawPolygon(star_polygon(center, radius))
