"""The voting step as the room sees it: the items numbered big, each with its dots so
far, the picked one framed, and what the facilitator types shown discreetly at the foot.
A long list goes on pages; the page follows the picked item, and the clicker's next and
back turn the pages (picking the first item of the page) before they leave the step."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.layout.text import elide, line_height, text_width
from mapper.model.votes import spoken_day, votes_words
from mapper.present.deck import Deck
from mapper.present.steps import Step
from mapper.present.theme import DESIGN_HEIGHT, Palette
from mapper.present.vote_items import VoteItem

NUMBER, TITLE, WHERE, COUNT = 34.0, 28.0, 19.0, 34.0  # design pixels at 1080
GAP = 80.0  # between two columns: a count and the next column's number must not read as one


class VoteSlide(QWidget):
    picked = Signal(int)  # a click on an item picks it

    def __init__(self, deck: Deck, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck, self.theme = deck, palette
        self.text_scale = 1.0
        self.step: Step | None = None
        self.shown_page: int | None = None  # a page asked for (previews, slides), not the pick's
        self.marks_pick = True  # the slides export shows the tallies, not where the pick was

    def set_look(self, palette: Palette, text_scale: float) -> None:
        self.theme, self.text_scale = palette, text_scale
        self.update()

    def show_step(self, step: Step, page: int | None = None) -> None:
        self.step, self.shown_page = step, page
        self.update()

    @property
    def key(self) -> str:
        return self.step.key if self.step is not None else ""

    def items(self) -> list[VoteItem]:
        return self.deck.voting.items(self.key) if self.step is not None else []

    def layout_(self) -> VoteLayout:
        return VoteLayout(QRectF(self.rect()), len(self.items()), self.text_scale)

    def page(self) -> int:
        lay = self.layout_()
        if self.shown_page is not None:
            return max(0, min(self.shown_page, lay.pages - 1))
        return lay.page_of(self.deck.voting.typing(self.key).picked)

    def pages(self) -> int:
        return self.layout_().pages

    def turn(self, direction: int) -> bool:
        """The clicker's next (+1) or back (-1) within the step: the next or previous page,
        picking its first item (the page follows the pick); False on the first or last."""
        if self.step is None:
            return False
        lay, page = self.layout_(), self.page() + direction
        if not 0 <= page < lay.pages:
            return False
        typing = self.deck.voting.typing(self.key)
        typing.clear()
        typing.pick(page * lay.per_page)
        self.update()
        return True

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self.step is not None:
            book = self.deck.voting
            paint_vote(painter, self.layout_(), self.step.title, self.items(),
                       book.tallies(self.key),
                       book.typing(self.key).picked if self.marks_pick else -1,
                       book.typing(self.key).shown(), spoken_day(book.day), self.theme,
                       self.page())  # fmt: skip
        painter.end()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.step is None:
            return
        item = self.layout_().item_at(self.page(), event.position().x(), event.position().y())
        if item is not None:
            self.picked.emit(item)


class VoteLayout:
    """Where the rows go: one column, or two when the list is long, and pages beyond."""

    def __init__(self, rect: QRectF, count: int, text_scale: float) -> None:
        self.rect, self.count = rect, count
        g = rect.height() / DESIGN_HEIGHT
        self.g, self.u = g, g * text_scale
        u = self.u
        self.left, self.right = rect.left() + 90 * g, rect.right() - 90 * g
        self.top = rect.top() + 60 * g + line_height(44 * u) + 8 * u + line_height(24 * u) + 30 * u
        self.bottom = rect.bottom() - 150 * g  # the typing line and the minimap below
        self.row = line_height(TITLE * u) + line_height(WHERE * u) + 22 * u
        rows = max(1, int((self.bottom - self.top) // self.row))
        wide = self.right - self.left
        self.columns = 2 if count > rows and wide > 1100 * u else 1
        self.per_page = rows * self.columns
        self.rows = rows
        self.pages = max(1, -(-count // self.per_page))
        self.column_width = (wide - GAP * u * (self.columns - 1)) / self.columns

    def page_of(self, item: int) -> int:
        return max(0, min(item // self.per_page, self.pages - 1))

    def box(self, index: int) -> QRectF:
        """The row of item ``index`` on its page."""
        at = index % self.per_page
        column, row = divmod(at, self.rows)
        x = self.left + column * (self.column_width + GAP * self.u)
        return QRectF(x, self.top + row * self.row, self.column_width, self.row - 10 * self.u)

    def item_at(self, page: int, x: float, y: float) -> int | None:
        for index in range(page * self.per_page, min(self.count, (page + 1) * self.per_page)):
            if self.box(index).contains(x, y):
                return index
        return None


def fit_title(title: str, width: float, size: float) -> tuple[str, float]:
    """An item's title and its size: whole, up to a fifth smaller if need be, and cut with
    "…" only when even that does not fit (it is what the room votes on)."""
    for shrink in (1.0, 0.93, 0.86, 0.8):
        if text_width(title, size * shrink, bold=True) <= width:
            return title, size * shrink
    return elide(title, width, size * 0.8, bold=True), size * 0.8


def paint_vote(
    painter: QPainter,
    lay: VoteLayout,
    title: str,
    items: list[VoteItem],
    counts: list[int],
    picked: int,
    typed: str,
    day: str,
    pal: Palette,
    page: int,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rect, g, u = lay.rect, lay.g, lay.u
    painter.fillRect(rect, qcolor(pal.background))
    painter.setPen(qcolor(pal.ink))
    width = lay.right - lay.left
    y = draw_lines(painter, (elide(title, width, 44 * u, bold=True),), lay.left,
                   rect.top() + 60 * g, 44 * u, bold=True) + 8 * u  # fmt: skip
    total = sum(counts)
    sub = f"Dot voting · the workshop on {day} · {votes_words(total)} so far"
    painter.setPen(qcolor(pal.muted))
    draw_lines(painter, (elide(sub, width, 24 * u),), lay.left, y, 24 * u)
    first, last = page * lay.per_page, min(len(items), (page + 1) * lay.per_page)
    number_w = text_width("00", NUMBER * u, bold=True) + 26 * u
    for index in range(first, last):
        item, box = items[index], lay.box(index)
        count = str(counts[index]) if counts[index] else "–"
        if index == picked:
            painter.setPen(QPen(qcolor(pal.accent), 4 * u))
            painter.setBrush(qcolor(pal.chrome))
            painter.drawRoundedRect(box.adjusted(-14 * u, -6 * u, 14 * u, 0), 10 * u, 10 * u)
        painter.setPen(qcolor(pal.accent))
        draw_lines(painter, (str(item.number),), box.left(), box.top() + 4 * u, NUMBER * u,
                   bold=True)  # fmt: skip
        text_w = box.width() - number_w - text_width(count, COUNT * u, bold=True) - 24 * u
        painter.setPen(qcolor(pal.ink))
        x = box.left() + number_w
        title, size = fit_title(item.title, text_w, TITLE * u)
        top = box.top() + line_height(TITLE * u) - line_height(size)  # the stage line stays put
        below = draw_lines(painter, (title,), x, top, size, bold=True)
        painter.setPen(qcolor(pal.muted))
        draw_lines(painter, (elide(item.where, text_w, WHERE * u),), x, below, WHERE * u)
        painter.setPen(qcolor(pal.ink if counts[index] else pal.muted))
        cx = box.right() - text_width(count, COUNT * u, bold=True)
        draw_lines(painter, (count,), cx, box.top() + 4 * u, COUNT * u, bold=True)
    foot = []
    if lay.pages > 1:
        foot.append(f"Page {page + 1} of {lay.pages}")
    if typed:
        foot.append(f"Entering: {typed}")
    if foot:
        painter.setPen(qcolor(pal.muted))
        draw_lines(painter, ("  ·  ".join(foot),), lay.left, rect.bottom() - 120 * g, 22 * u,
                   bold=True)  # fmt: skip
