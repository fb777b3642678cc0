"""Small custom flowables for the report: avatar, icon label, emotion bar, text cells."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, NamedTuple

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import Paragraph, cleanBlockQuotedText

from mapper.export.pdf.draw import Text, draw_icon, rgb, size_op
from mapper.export.pdf.markup import clean, has_rtl, para, para_lines, shorten
from mapper.export.pdf.ops import Ops, draw_icon_ops
from mapper.export.pdf.title_block import draw_avatar
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.icons import icon_for
from mapper.layout.text import BOLD, REGULAR, elide, font, line_height, text_width, wrap
from mapper.model import EMOTION_MAX, Persona, Sentiment
from mapper.model.vocabulary import sentiment_of

_wrap = wrap.__wrapped__  # uncached: report text must not crowd the canvas's wrap cache
# short texts (owners, channels, scores, metrics) repeat on many rows: their own cache
SHORT = 60


@lru_cache(maxsize=8192)
def _short_lines(
    text: str, width: float, size: float, max_lines: int, bold: bool
) -> tuple[str, ...]:
    """Short texts (owners, channels, scores, metrics) repeat on many rows: their own
    cache, keyed by the text as given."""
    return _wrap(clean(text).strip(), width, size, max_lines, bold)[0]


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def safe_colour(value: str, fallback: str = theme.MUTED_INK) -> str:
    """A user colour only if it is plain ``#rrggbb`` (it may end up inside markup)."""
    return value if _HEX.fullmatch(value) else fallback


_line_height = cache(line_height)
_elide = lru_cache(maxsize=4096)(elide)  # channel labels repeat on every row


_Encoded = tuple[tuple[int, str, str], ...] | None  # (subset, font name, "(...) Tj"); None: as is


class TableText(Text):
    """:class:`Text` for the report's thousands of table lines: each distinct line beyond
    printable ASCII is encoded once per document (scores, names and notes repeat on many
    rows). Lines with characters the bundled font lacks take the ordinary path (font
    fallback)."""

    def __init__(self, canv: Canvas) -> None:
        super().__init__(canv)
        cache: dict[tuple[str, str], _Encoded] | None = getattr(canv, "_report_lines", None)
        if cache is None:
            cache = {}
            canv._report_lines = cache  # one per document
        self._lines = cache

    def at(self, x: float, baseline: float, text: str) -> None:
        if not text or text.isascii():  # ASCII: no encoding to remember (see ``shown``)
            super().at(x, baseline, text)
            return
        obj = self.obj
        key = (obj._fontname, text)
        try:
            chunks = self._lines[key]
        except KeyError:
            chunks = self._lines[key] = self._encode(obj._fontname, text)
        if chunks is None:
            super().at(x, baseline, text)
            return
        if len(chunks) == 1 and chunks[0][0] == obj._curSubset:  # the common case
            obj._code.append(f"1 0 0 -1 {x:.2f} {baseline:.2f} Tm {chunks[0][2]}")
        else:
            parts = [f"1 0 0 -1 {x:.2f} {baseline:.2f} Tm"]
            for subset, name, operator in chunks:
                if subset != obj._curSubset:
                    parts.append(f"{name} {size_op(obj._fontsize, obj._leading)}")
                    obj._curSubset = subset
                parts.append(operator)
            obj._code.append(" ".join(parts))
        self.empty = False

    def _encode(self, font_name: str, text: str) -> _Encoded:
        metrics = font(font_name) if font_name in (REGULAR, BOLD) else None
        pdf_font = getFont(font_name)
        if metrics is None or not pdf_font._dynamicFont or not set(text) <= _covered(font_name):
            return None
        doc = self.canv._doc
        return tuple(
            (subset, pdf_font.getSubsetInternalName(subset, doc), f"({_escape(chunk)}) Tj")
            for subset, chunk in pdf_font.splitString(text, doc)
        )


@cache
def _covered(font_name: str) -> frozenset[str]:
    return frozenset(map(chr, font(font_name).widths))


_UNSAFE = re.compile(rb"[^\x20-\x7e]|[\\()]")


def _escape(chunk: bytes) -> str:
    """A PDF literal string's content: parentheses, backslashes and bytes outside
    printable ASCII as octal escapes."""
    return _UNSAFE.sub(lambda m: b"\\%03o" % m[0][0], chunk).decode("ascii")


class _TopDown(Flowable):
    """A fixed-size flowable drawn in top-down space like the map."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate(0, self.height)
        canv.scale(1, -1)
        self.paint()
        canv.restoreState()

    def paint(self) -> None:
        raise NotImplementedError


class Avatar(_TopDown):
    def __init__(self, persona: Persona, photo: ImageReader | None, size: float) -> None:
        super().__init__(size, size)
        self.persona, self.photo = persona, photo

    def paint(self) -> None:
        text = Text(self.canv)
        draw_avatar(self.canv, self.persona, self.photo, Rect(0, 0, self.width, self.height), text)
        text.draw()


class IconLabel(_TopDown):
    """A channel icon followed by its label, elided to the width."""

    def __init__(self, channel: str, label: str, width: float, size: float = 8.0) -> None:
        super().__init__(width, size * 1.4)
        self.channel, self.size = channel, size
        self.label = _elide(label, width - size * 1.5, size)

    def paint(self) -> None:
        s = self.size
        draw_icon(
            self.canv, icon_for(self.channel), Rect(0, 0.5, s * 1.15, s * 1.15), theme.MUTED_INK
        )
        text = Text(self.canv)
        text.style(s, theme.INK)
        text.at(s * 1.5, s * 1.0, self.label)
        text.draw()

    def paint_at(self, ops: Ops, text: Text, x: float, y: float, links: list[Link]) -> None:
        """Draw at (x, y) of a top-down page into shared operators and text."""
        s = self.size
        draw_icon_ops(ops, icon_for(self.channel), rgb(theme.MUTED_INK), x, y + 0.5, s * 1.15)
        text.style(s, theme.INK)
        text.at(x + s * 1.5, y + s * 1.0, self.label)


class EmotionBar(_TopDown):
    """A diverging bar for an average emotion: left of centre red, right green."""

    def __init__(self, average: float | None, width: float, height: float = 9.0) -> None:
        super().__init__(width, height)
        self.average = average

    def paint(self) -> None:
        canv, w, h = self.canv, self.width, self.height
        mid = w / 2
        canv.setFillColor(rgb("#eef1f4"))
        canv.rect(0, 0, w, h, stroke=0, fill=1)
        if self.average is not None:
            sentiment = sentiment_of(round(self.average))
            colour = theme.SENTIMENT_COLORS[sentiment]
            if sentiment is Sentiment.NEUTRAL:
                colour = theme.POSITIVE_CURVE if self.average >= 0 else theme.NEGATIVE_CURVE
            length = self.average / EMOTION_MAX * mid
            canv.setFillColor(rgb(colour))
            canv.rect(min(mid, mid + length), 1, abs(length), h - 2, stroke=0, fill=1)
        canv.setStrokeColor(rgb(theme.MUTED_INK))
        canv.setLineWidth(0.6)
        canv.line(mid, -1, mid, h + 1)


Link = tuple[str, tuple[float, float, float, float]]  # url, rectangle (x1, y1, x2, y2)


class Run(NamedTuple):
    """One block of a :class:`TextCell`: plain text (never markup) in one style.

    (A named tuple: a big map's report makes tens of thousands.)"""

    text: str
    size: float = 8.0
    colour: str = theme.INK
    bold: bool = False
    url: str | None = None  # a link for the whole block, if safe
    max_lines: int = 8


class TextCell(Flowable):
    """Table-cell text without markup: runs wrapped with the bundled font's metrics,
    each at most ``max_lines`` lines (elided), so a row's height is always bounded.

    Much faster than a Paragraph and immune to markup in user text by construction.
    """

    def __init__(self, runs: list[Run], gap: float = 1.5) -> None:
        super().__init__()
        self.runs = [r for r in runs if r.text.strip()]
        self.gap = gap
        self._laid: tuple[float, list[tuple[Run, tuple[str, ...]]]] | None = None
        self.width = self.height = 0.0

    def _lay_out(self, width: float) -> list[tuple[Run, tuple[str, ...]]]:
        if self._laid is None or self._laid[0] != width:
            blocks = []
            for run in self.runs:
                text = run.text
                if len(text) <= SHORT:
                    lines = _short_lines(text, max(width, 1.0), run.size, run.max_lines, run.bold)
                else:
                    text = shorten(clean(text).strip(), run.max_lines * 200)
                    lines, _ = _wrap(text, max(width, 1.0), run.size, run.max_lines, run.bold)
                blocks.append((run, lines))
            self._laid = (width, blocks)
        return self._laid[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        blocks = self._lay_out(availWidth)
        height = sum(len(lines) * _line_height(run.size) for run, lines in blocks)
        height += self.gap * max(len(blocks) - 1, 0)
        self.width, self.height = availWidth, height
        return availWidth, height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate(0, self.height)
        canv.scale(1, -1)
        text = Text(canv)
        links: list[Link] = []
        self.paint_at(Ops(), text, 0.0, 0.0, links)
        text.draw()
        for url, rect in links:
            canv.linkURL(url, rect, relative=1, thickness=0)
        canv.restoreState()

    def paint_at(self, ops: Ops, text: Text, x: float, y: float, links: list[Link]) -> None:
        """Draw at (x, y) of a top-down page into shared text (after :meth:`wrap`)."""
        for run, lines in self._lay_out(self.width):
            text.style(run.size, run.colour, run.bold)
            lh = _line_height(run.size)
            top = y
            for line in lines:
                text.at(x, y + run.size * 0.95, line)
                y += lh
            if run.url:
                links.append((run.url, (x, top, x + self.width, y)))
            y += self.gap


class Rating(_TopDown):
    """A 1-5 rating as five dots, ``value`` of them dark."""

    def __init__(self, value: int, size: float = 5.5) -> None:
        super().__init__(5 * size * 1.5, size + 2)
        self.value, self.size = value, size

    def paint(self) -> None:
        ops = Ops()
        self.paint_at(ops, Text(self.canv), 0.0, 0.0, [])
        ops.flush(self.canv)

    def paint_at(self, ops: Ops, text: Text, x: float, y: float, links: list[Link]) -> None:
        s = self.size
        for i in range(5):
            ops.fill_color(rgb(theme.INK if i < self.value else theme.GRID_LINE))
            ops.circle(x + s / 2 + i * s * 1.5, y + 1 + s / 2, s / 2)
            ops.fill()


class TextParagraph(Paragraph):
    """A paragraph of the user's plain text. Text with right-to-left runs is wrapped at the
    width the paragraph gets, in reading order, before each line is reordered for print
    (reportlab would wrap the reordered text and print the last line first).

    ``prefix`` is a bold label before the text ("Goal:"), ``suffix`` markup on the lines
    after it; both are ours, not the user's, and already safe markup."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        limit: int = 4000,
        *,
        prefix: str = "",
        suffix: str = "",
        bold: bool = False,
        **kw: Any,
    ) -> None:
        self.plain, self.limit, self._rtl_width = text or "", limit, -1.0
        self.prefix, self.suffix, self.bold = prefix, suffix, bold
        if text is None:  # a piece reportlab split off: its lines are already made
            super().__init__(None, style, **kw)
        else:
            super().__init__(self._markup(para(text, limit)), style, **kw)

    def _markup(self, body: str) -> str:
        if self.bold:
            body = f"<b>{body}</b>"
        if self.prefix:
            body = f"<b>{self.prefix}</b> {body}"
        return f"{body}<br/>{self.suffix}" if self.suffix else body

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width = availWidth - self.style.leftIndent - self.style.rightIndent
        if has_rtl(self.plain) and width != self._rtl_width and width > 0:
            self._rtl_width = width
            size = self.style.fontSize
            indent = text_width(f"{self.prefix} ", size, bold=True) if self.prefix else 0.0
            body = para_lines(self.plain, width, size, self.limit, self.bold, first_indent=indent)
            self._setup(self._markup(body), self.style, self.bulletText, None, cleanBlockQuotedText)
        return super().wrap(availWidth, availHeight)
