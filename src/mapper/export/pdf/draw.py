"""Drawing primitives on a reportlab canvas in "top-down" space.

Map and page drawing code works like the canvas and the layout: y grows downwards. A page
is flipped once (:func:`top_down`); shapes then use layout coordinates directly and text
is set upright with a flipped text matrix (:class:`Text`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from mapper.export.pdf.fonts import font_runs, needs_fallback
from mapper.export.pdf.markup import visual
from mapper.export.pdf.ops import Ops, icon_ops
from mapper.layout import icons
from mapper.layout.geometry import Point, Rect
from mapper.layout.text import BOLD, REGULAR, font, text_width


@cache
def rgb(hex_color: str) -> Color:
    try:
        return HexColor(hex_color)
    except (ValueError, TypeError):
        return HexColor("#9aa5b1")


@cache
def tint(hex_color: str, amount: float) -> Color:
    """``hex_color`` mixed with white: 0 keeps it, 1 gives white."""
    c = rgb(hex_color)
    return Color(*(v + (1 - v) * amount for v in (c.red, c.green, c.blue)))


@cache
def shade(hex_color: str, factor: float) -> str:
    """``hex_color`` darkened towards black by ``factor`` (1 keeps it), as hex."""
    c = rgb(hex_color)
    r, g, b = (max(0, min(255, round(v * 255 * factor))) for v in (c.red, c.green, c.blue))
    return f"#{r:02x}{g:02x}{b:02x}"


@cache
def fill_op(hex_color: str) -> str:
    """The operator that sets the fill colour, as reportlab writes it."""
    c = rgb(hex_color)
    return f"{fp_str(c.red, c.green, c.blue)} rg"


@cache
def size_op(size: float, leading: float) -> str:
    """The font size and leading operators, as reportlab writes them."""
    return f"{fp_str(size)} Tf {fp_str(leading)} TL"


def top_down(canv: Canvas, page_height: float) -> None:
    """From here on (until restoreState) y grows downwards from the top of the page."""
    canv.transform(1, 0, 0, -1, 0, page_height)


_ACROSS = "1 0 0 -1"  # text matrices in top-down space: a line read left to right
_UPWARD = "0 -1 -1 0"  # turned a quarter left, read bottom to top
_ADVANCE = {_ACROSS: (1.0, 0.0), _UPWARD: (0.0, -1.0)}  # where the next run starts


class Text:
    """A batch of upright text lines in top-down space, written as one PDF text object."""

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self.obj: PDFTextObject = canv.beginText()
        self._font: tuple[str, float] | None = None
        self._color: str | None = None
        self._font_op: str | None = None  # "": printable ASCII takes the general path
        self.empty = True

    def style(self, size: float, color: str, bold: bool = False) -> Text:
        face = (BOLD if bold else REGULAR, size)
        if face != self._font:
            obj = self.obj
            obj.setFont(face[0], size)
            self._font = face
            self._font_op = None
        if color != self._color:
            self.obj._code.append(fill_op(color))  # what setFillColor writes, formatted once
            self._color = color
        return self

    def at(self, x: float, baseline: float, text: str) -> None:
        if not text:
            return
        # The same operators as setTextTransform + textOut, without their general number
        # formatting and cursor bookkeeping (we never use the cursor): the hot path of a
        # big map's text. _formatText does reportlab's font subsetting and escaping.
        obj = self.obj
        plain = text.isascii() and text.isprintable()  # the common case: as ``shown`` does
        if plain and self._font_op is None:
            self._font_op = _ascii_font_op(obj) if self._font is not None else ""
        if plain and self._font_op:
            shows = _shown_ascii(obj, text, self._font_op)
            obj._code.append(f"1 0 0 -1 {x:.2f} {baseline:.2f} Tm {shows}")
            self.empty = False
            return
        self._line(_ACROSS, x, baseline, text)

    def upward(self, baseline_x: float, start_y: float, text: str) -> None:
        """``text`` turned a quarter left, read bottom to top from ``start_y`` (in reading
        order and with fallback fonts, as :meth:`at` prints it)."""
        if text:
            self._line(_UPWARD, baseline_x, start_y, text)

    def _line(self, turn: str, x: float, y: float, text: str) -> None:
        """One line starting at (x, y), its text running along ``turn``."""
        if not text.isascii():
            text = visual(text)
            assert self._font is not None
            if needs_fallback(text, self._font[0]):
                self._runs(turn, x, y, text)
                return
        self.obj._code.append(f"{turn} {x:.2f} {y:.2f} Tm {shown(self.obj, text)}")
        self.empty = False

    def _runs(self, turn: str, x: float, y: float, text: str) -> None:
        """Text with characters DejaVu lacks: each run in its font, placed where the
        layout measured it; a fallback run wider than measured is narrowed to fit."""
        assert self._font is not None
        face, size = self._font
        obj = self.obj
        dx, dy = _ADVANCE[turn]
        for name, run in run_widths(text, face, size):
            measured, real = run.measured, run.real
            if name is not None:
                obj.setFont(name, size)
            if real > measured > 0:
                obj._code.append(f"{100 * measured / real:.2f} Tz")
            obj._code.append(f"{turn} {x:.2f} {y:.2f} Tm {obj._formatText(run.text)}")
            if real > measured > 0:
                obj._code.append("100 Tz")
            if name is not None:
                obj.setFont(face, size)
            x += measured * dx
            y += measured * dy
        self.empty = False

    def right(self, x: float, baseline: float, text: str) -> None:
        self.at(x - self._drawn_width(text), baseline, text)

    def centre(self, x: float, baseline: float, text: str) -> None:
        self.at(x - self._drawn_width(text) / 2, baseline, text)

    def _drawn_width(self, text: str) -> float:
        """The width of ``text`` as drawn (joined Arabic forms are narrower)."""
        assert self._font is not None
        shown = text if text.isascii() else visual(text)
        return _width(shown, self._font[1], self._font[0] == BOLD)

    def draw(self) -> None:
        if not self.empty:
            self.canv.drawText(self.obj)
        self.obj = self.canv.beginText()
        self._font = self._color = None
        self.empty = True


def shown(obj: PDFTextObject, text: str) -> str:
    """The operators that show ``text`` in the text object's font: what reportlab's
    ``_formatText`` writes, byte for byte, without its per-character subset lookup for
    printable ASCII (most of a map's text), which an ASCII-readable font always keeps in
    its first subset as itself, and without its per-character escaping for the rest."""
    if text.isascii() and text.isprintable():
        font_op = _ascii_font_op(obj)
        if font_op:
            return _shown_ascii(obj, text, font_op)
    font = getFont(obj._fontname)
    if type(text) is not str or not font._dynamicFont:  # shaped text, a standard font
        return obj._formatText(text)
    doc = obj._canvas._doc
    parts = []
    for subset, chunk in font.splitString(text, doc):
        if subset != obj._curSubset:
            name = font.getSubsetInternalName(subset, doc)
            parts.append(f"{name} {size_op(obj._fontsize, obj._leading)}")
            obj._curSubset = subset
        parts.append(f"({escape_bytes(chunk)}) Tj")
    return " ".join(parts)


def _shown_ascii(obj: PDFTextObject, text: str, font_op: str) -> str:
    """Printable ASCII in a font that shows it as itself: escaped, and in the first subset
    (``font_op``, from :func:`_ascii_font_op`, selects it when another one is current)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    if obj._curSubset == 0:
        return f"({escaped}) Tj"
    obj._curSubset = 0
    return f"{font_op}({escaped}) Tj"


_UNSAFE = re.compile(rb"[^\x20-\x7e]|[\\()]")


def _escaped(m: re.Match[bytes]) -> bytes:
    c = m[0][0]
    return b"\\%03o" % c if c < 32 or c > 126 else b"\\" + m[0]


def escape_bytes(chunk: bytes) -> str:
    """A PDF literal string's content as reportlab writes it: ``\\``, ``(`` and ``)``
    escaped with a backslash, bytes outside printable ASCII as octal."""
    return _UNSAFE.sub(_escaped, chunk).decode("ascii")


def _ascii_font_op(obj: PDFTextObject) -> str:
    """The operators selecting the first subset of the text object's font, if printable
    ASCII shows as itself there, else "" (worked out once per document and style)."""
    doc = obj._canvas._doc
    known: dict[tuple[str, float, float], str] | None = getattr(doc, "_mapper_font_ops", None)
    if known is None:
        known = doc._mapper_font_ops = {}
    key = (obj._fontname, obj._fontsize, obj._leading)
    op = known.get(key)
    if op is None:
        op = ""
        if ascii_as_is(obj):
            name = getFont(obj._fontname).getSubsetInternalName(0, doc)
            op = f"{name} {size_op(obj._fontsize, obj._leading)} "
        known[key] = op
    return op


def ascii_as_is(obj: PDFTextObject) -> bool:
    """Whether printable ASCII shows as itself in the first subset of the text object's
    font in this document (a TrueType font with reportlab's ``asciiReadable`` subsets)."""
    doc = obj._canvas._doc
    known: dict[str, bool] | None = getattr(doc, "_mapper_ascii_as_is", None)
    if known is None:
        known = doc._mapper_ascii_as_is = {}
    name = obj._fontname
    if name not in known:
        font = getFont(name)
        state = getattr(font, "state", {}).get(doc) if font._dynamicFont else None
        if state is None and font._dynamicFont and font._asciiReadable:
            font.splitString(" ", doc)  # the font's state in this document, as reportlab makes it
            state = font.state.get(doc)
        known[name] = (
            state is not None
            and not state.frozen
            and all(state.assignments.get(c) == c for c in range(32, 127))
        )
    return known[name]


class Run(NamedTuple):
    text: str
    measured: float  # the width the layout gave it (DejaVu metrics)
    real: float  # its width in the font it is drawn with


def run_widths(text: str, face: str, size: float) -> list[tuple[str | None, Run]]:
    """``text`` (already in visual order) as font runs with their widths."""
    metrics = font(face)
    out = []
    for name, part in font_runs(text, face):
        measured = metrics.width(part, size)
        real = measured if name is None else stringWidth(part, name, size)
        out.append((name, Run(part, measured, real)))
    return out


def draw_string(canv: Canvas, x: float, baseline: float, text: str, face: str, size: float):
    """One line on a plain (bottom-up) canvas, with bidi order and fallback fonts."""
    text = visual(text)
    if not needs_fallback(text, face):
        canv.setFont(face, size)
        canv.drawString(x, baseline, text)
        return
    for name, run in run_widths(text, face, size):
        canv.setFont(name or face, size)
        scale = 100 * run.measured / run.real if run.real > run.measured > 0 else 100
        canv.saveState()
        canv.translate(x, baseline)
        canv.scale(scale / 100, 1)
        canv.drawString(0, 0, run.text)
        canv.restoreState()
        x += run.measured
    canv.setFont(face, size)


@lru_cache(maxsize=4096)
def _width(text: str, size: float, bold: bool) -> float:
    """Centred and right-aligned text is mostly the same few labels ("Owned", "+2")."""
    return text_width(text, size, bold)


def baseline_in(box_top: float, box_height: float, size: float) -> float:
    """The baseline that centres a line of ``size`` text in a box (DejaVu's em box)."""
    return box_top + box_height / 2 + size * 0.76 - size * 0.5


def round_rect(
    canv: Canvas,
    rect: Rect,
    radius: float,
    fill: str | Color | None = None,
    stroke: str | Color | None = None,
    width: float = 1.0,
) -> None:
    """A (rounded) rectangle, filled and / or outlined."""
    if fill is not None:
        canv.setFillColor(rgb(fill) if isinstance(fill, str) else fill)
    if stroke is not None:
        canv.setStrokeColor(rgb(stroke) if isinstance(stroke, str) else stroke)
        canv.setLineWidth(width)
    r = min(radius, rect.width / 2, rect.height / 2)
    do_stroke, do_fill = int(stroke is not None), int(fill is not None)
    if r > 0:
        canv.roundRect(rect.x, rect.y, rect.width, rect.height, r, do_stroke, do_fill)
    else:
        canv.rect(rect.x, rect.y, rect.width, rect.height, do_stroke, do_fill)


def polygon(
    canv: Canvas, points: tuple[Point, ...] | list[Point], fill: bool, stroke: bool
) -> None:
    path = canv.beginPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    path.close()
    canv.drawPath(path, stroke=int(stroke), fill=int(fill))


def draw_icon(canv: Canvas, icon: icons.Icon, rect: Rect, ink: str, weight: float = 1.0) -> None:
    """An icon's shapes scaled into ``rect`` (a square), strokes and fills in ``ink``."""
    k = rect.width / icons.ICON_BOX
    ops = Ops()
    ops.save()
    ops.transform(k, k, rect.x, rect.y)
    ops.raw(icon_ops(icon, rgb(ink), weight))
    ops.restore()
    ops.flush(canv)


def star(canv: Canvas, rect: Rect, fill: str, outline: str | None = None) -> None:
    """The moment-of-truth star (the review icon's outline) filled into ``rect``."""
    k = rect.width / icons.ICON_BOX
    points = [(rect.x + x * k, rect.y + y * k) for x, y in icons.STAR_POINTS]
    canv.setFillColor(rgb(fill))
    if outline:
        canv.setStrokeColor(rgb(outline))
        canv.setLineWidth(0.6)
    polygon(canv, points, fill=True, stroke=outline is not None)
