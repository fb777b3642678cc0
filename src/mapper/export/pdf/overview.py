"""The overview page of a map too big to read on one page: the whole map small, its stage
names printed at a readable size above the columns; text that would print too small to
read there (card titles, badge labels, flow labels) is drawn as grey bars or left out."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from mapper.export.pdf.blueprint import draw_blueprint_names_scaled
from mapper.export.pdf.draw import Text
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.markup import one_line
from mapper.layout import theme
from mapper.layout.grid import MapLayout
from mapper.layout.text import elide, text_width, wrap

READABLE = 6.0  # points: nothing on a default export prints smaller
NAME_SIZE = 6.5  # stage names above the overview picture


@dataclass(frozen=True)
class Overview:
    scale: float
    x: float  # page position of the picture's top left (top-down points)
    y: float
    names_height: float  # the stage-name row above the picture
    names_bottom: float | None = None  # where that row ends (default: on the picture)

    def height(self, layout: MapLayout) -> float:
        return self.names_height + layout.height * self.scale


NAMES_TURNED = 90.0  # the most a turned stage name may take above a narrow column


def _names(layout: MapLayout, scale: float) -> list[tuple[str, ...]] | None:
    """Each stage name wrapped over its column in up to three lines of whole words, or
    None when a column is too narrow for that (the names are then turned upright)."""
    found = []
    for b in layout.stages:
        name = one_line(b.stage.name)
        lines, cut = wrap(name, max(b.column.width * scale - 4, 8), NAME_SIZE, 3, True)
        if cut or not {w for line in lines for w in line.split()} <= set(name.split()):
            return None
        found.append(lines)
    return found


def names_height(layout: MapLayout, scale: float) -> float:
    names = _names(layout, scale)
    if names is None:
        longest = max(text_width(one_line(b.stage.name), NAME_SIZE, True) for b in layout.stages)
        return min(longest, NAMES_TURNED) + 8
    return max((len(n) for n in names), default=1) * NAME_SIZE * 1.2 + 5


def plan_overview(layout: MapLayout, x: float, y: float, width: float, height: float) -> Overview:
    """The largest picture of the whole map, with its name row, inside the box."""
    names_h = NAME_SIZE * 1.25 + 4
    scale = 1.0
    for _ in range(3):  # the name row's height depends on the scale, and back
        room = max(height - names_h, 1)
        scale = min(width / max(layout.width, 1), room / max(layout.height, 1), 1.0)
        names_h = names_height(layout, scale)
    return Overview(scale, x, y, names_h)


def draw_overview(canv: Canvas, painter: MapPainter, view: Overview) -> None:
    layout = painter.layout
    k = view.scale
    top = view.y + view.names_height
    bottom = view.names_bottom if view.names_bottom is not None else top
    text = Text(canv)
    text.style(NAME_SIZE, theme.INK, bold=True)
    names = _names(layout, k)
    for i, box in enumerate(layout.stages):
        cx = view.x + box.column.center[0] * k
        if names is None:  # turned a quarter left, read bottom to top
            name = elide(one_line(box.stage.name), view.names_height - 8, NAME_SIZE, True)
            text.upward(cx + NAME_SIZE * 0.35, bottom - 4, name)
            continue
        lines = names[i]
        base = bottom - 4 - (len(lines) - 1) * NAME_SIZE * 1.2
        for j, line in enumerate(lines):
            text.centre(cx, base + j * NAME_SIZE * 1.2, line)
    text.draw()
    canv.saveState()
    canv.translate(view.x, top)
    canv.scale(k, k)
    painter.draw_headers(canv, names=False)
    painter.draw_body(canv, None, READABLE / k, shared=True)
    canv.restoreState()
    _lane_names(canv, layout, view, top)
    draw_blueprint_names_scaled(canv, layout, view.x, top, k, NAME_SIZE)


TURNED_LANE_MIN = 30.0  # points of a row's height a turned lane name needs at least


def _lane_names(canv: Canvas, layout: MapLayout, view: Overview, top: float) -> None:
    """Lane names in the picture's header column, where they fit at a readable size: across,
    wrapped at spaces; else (a word wider than the column, "Touchpoints" on an A4 page)
    turned a quarter left along a row tall enough for it, or across with the long word
    broken at a hyphen, or turned and elided to the row's height. (Such names were left
    out, the most important lane's among them.)"""
    k = view.scale
    width = layout.style.lane_header_width * k - 6
    if width < 12:
        return  # a miniature of a huge map: the detail pages name the lanes
    text = Text(canv)
    text.style(NAME_SIZE, theme.INK, bold=True)
    for box in layout.lanes:
        height = box.row.height * k
        name = one_line(box.lane.name)
        lines, cut = wrap(name, width, NAME_SIZE, 3, True)
        if (
            cut
            or len(lines) * NAME_SIZE * 1.2 + 2 > height
            or not {w for line in lines for w in line.split()} <= set(name.split())
        ):  # it would be cut, or a word split at no hyphen: turned if it fits whole
            whole = text_width(name, NAME_SIZE, True) <= height - 6
            lines = () if whole else hyphenated(name, width, NAME_SIZE)
        if not lines or len(lines) * NAME_SIZE * 1.2 + 2 > height:
            if height >= TURNED_LANE_MIN:  # turned, along a row tall enough
                turned = elide(name, height - 6, NAME_SIZE, True)
                length = text_width(turned, NAME_SIZE, True)
                start = top + box.row.y * k + (height + length) / 2
                text.upward(view.x + 3 + NAME_SIZE, start, turned)
            continue
        y = top + box.row.y * k + (height - len(lines) * NAME_SIZE * 1.2) / 2 + NAME_SIZE
        for i, line in enumerate(lines):
            text.at(view.x + 3, y + i * NAME_SIZE * 1.2, line)
    text.draw()


def hyphenated(name: str, width: float, size: float, most: int = 3) -> tuple[str, ...]:
    """``name`` in lines no wider than ``width`` (bold, at ``size``), its words whole where
    they fit and a longer word broken where the most of it fits before a hyphen, three
    letters at least on either side; empty if it takes more than ``most`` lines or a
    word cannot be broken so."""
    lines: list[str] = []
    for word in name.split():
        if lines and text_width(f"{lines[-1]} {word}", size, True) <= width:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while text_width(word, size, True) > width:
            fits = [i for i in range(3, len(word) - 2)  # three letters at least each side
                    if text_width(word[:i] + "-", size, True) <= width]  # fmt: skip
            cut = max(fits, default=0)
            if cut == 0:
                return ()
            lines.append(word[:cut] + "-")
            word = word[cut:]
        lines.append(word)
        if len(lines) > most:
            return ()
    return tuple(lines) if len(lines) <= most else ()


# --------------------------------------------------------------------------- detail
