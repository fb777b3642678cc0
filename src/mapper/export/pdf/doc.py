"""The PDF document: page templates, footers with "Page N of M", outline entries.

Map pages are whole-page drawings (:class:`PageDrawing`); report pages are flowing
platypus content. Both share one page size, one footer and one outline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from mapper.export.pages import FOOTER, MARGIN, TILE_MARGIN
from mapper.export.pdf.draw import draw_string, rgb, top_down
from mapper.export.pdf.markup import one_line
from mapper.layout import theme
from mapper.layout.text import REGULAR, elide, text_width

FOOTER_SIZE = 7.5
REPORT_MARGINS = (40.0, 38.0, 40.0, 44.0)  # left, top, right, bottom
PERSONA_SPLIT = 0.36  # the persona page's left (profile) column, as a share of the width
COLUMN_GAP = 24.0


@contextmanager
def binary_streams() -> Iterator[None]:
    """Compressed streams stay binary instead of ASCII85 text: smaller files, and the
    pure-Python ASCII85 encoder (without reportlab's C accelerator) is the slowest step."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


@lru_cache(maxsize=64)
def _footer_left(title: str, date: dt.date | None, inner: float) -> str:
    """The footer's left part (the title and date, elided to leave room for the page
    number): the same on every page."""
    title = one_line(title)
    left = f"{title} \u00b7 {date.isoformat()}" if date else title
    room = inner - text_width("Page 9999 of 9999", FOOTER_SIZE) - 24
    return elide(left, room, FOOTER_SIZE)


class PageNumberCanvas(Canvas):
    """A canvas that stamps "Page N of M" once M is known.

    Each page gets a placeholder where its number goes; when the document is saved the
    placeholders become the text, so the total is exact without laying the document out
    twice (and without an object per page, as a form per page number would need).
    """

    PLACEHOLDER = "%mapper:page-number"  # a PDF comment: harmless if ever left

    def stamp_page_number(self, right: float, baseline: float) -> None:
        self.saveState()
        self.translate(right, baseline)
        self.addLiteral(self.PLACEHOLDER)
        self.restoreState()

    def save(self) -> None:
        if self._code:
            self.showPage()  # as Canvas.save does
        pages = self._doc.Pages.pages
        total = len(pages)
        for n, page in enumerate(pages, 1):
            if self.PLACEHOLDER in page.stream:
                page.stream = page.stream.replace(self.PLACEHOLDER, self._number(n, total), 1)
        super().save()

    def _number(self, n: int, total: int) -> str:
        """The operators of "Page n of total", right-aligned at the origin."""
        code = self._code
        self._code: list[str] = []
        try:
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillColor(rgb(theme.MUTED_INK))
            self.drawRightString(0, 0, f"Page {n} of {total}")
            return "\n".join(self._code)
        finally:
            self._code = code


@dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str
    creator: str
    date: dt.date | None  # None: no date anywhere, not even in the metadata
    invariant: bool
    lang: str = "en"


class UndatedInfo(PDFInfo):
    """The document information dictionary without CreationDate and ModDate."""

    def format(self, document: Any) -> bytes:
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        return PDFDictionary(entries).format(document)


class PageDrawing(Flowable):
    """A whole page painted by ``paint(canvas)`` in top-down page space."""

    def __init__(self, paint: Callable[[Canvas], None], page: tuple[float, float]) -> None:
        super().__init__()
        self.paint = paint
        self.page = page

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        top_down(canv, self.page[1])
        self.paint(canv)
        canv.restoreState()


class OutlineEntry(Flowable):
    """A zero-size flowable that adds a bookmark (outline entry) where it lands."""

    def __init__(self, key: str, title: str, level: int, closed: bool = False) -> None:
        super().__init__()
        self.key = key
        self.title = elide(one_line(title) or "(untitled)", 400, 10)
        self.level = level
        self.closed = closed
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 12)
        self.canv.addOutlineEntry(self.title, self.key, self.level, self.closed)


def add_outline(canv: Canvas, key: str, title: str, level: int, **fit: Any) -> None:
    """An outline entry pointing at part of the current page (absolute coordinates)."""
    canv.bookmarkPage(key, **fit)
    canv.addOutlineEntry(elide(one_line(title) or "(untitled)", 400, 10), key, level)


class MapperDocument(BaseDocTemplate):
    """Page templates: ``map`` and ``tile`` (whole-page drawings), ``report`` and
    ``persona`` (two columns); all with the footer."""

    def __init__(self, target: Any, page: tuple[float, float], info: DocInfo) -> None:
        super().__init__(
            target,
            pagesize=page,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator=info.creator,
            invariant=1 if info.invariant else 0,
            pageCompression=1,
            displayDocTitle=1,
            initialFontName=REGULAR,  # else every page references an unembedded Helvetica
            initialFontSize=10,
            lang=info.lang,
        )
        self.info = info
        width, height = page
        full = Frame(0, 0, width, height, 0, 0, 0, 0, id="page")
        left, top, right, bottom = REPORT_MARGINS
        inner_w, inner_h = width - left - right, height - top - bottom
        body = Frame(left, bottom, inner_w, inner_h, 0, 0, 0, 0, id="body")
        profile_w = inner_w * PERSONA_SPLIT
        profile = Frame(left, bottom, profile_w, inner_h, 0, 0, 0, 0, id="profile")
        details = Frame(
            left + profile_w + COLUMN_GAP,
            bottom,
            inner_w - profile_w - COLUMN_GAP,
            inner_h,
            0,
            0,
            0,
            0,
            id="details",
        )
        self.addPageTemplates(
            [
                PageTemplate("map", [full], onPage=self._map_footer, pagesize=page),
                PageTemplate("tile", [full], onPage=self._tile_footer, pagesize=page),
                PageTemplate("report", [body], onPage=self._report_footer, pagesize=page),
                PageTemplate(
                    "persona", [profile, details], onPage=self._report_footer, pagesize=page
                ),
            ]
        )
        self.body_width = inner_w
        self.body_height = inner_h
        self.profile_width = profile_w
        self.details_width = inner_w - profile_w - COLUMN_GAP

    def build(self, flowables: list[Flowable], canvasmaker: Any = None) -> None:
        """Build with page numbers; the PDF opens with its bookmarks shown."""
        maker = canvasmaker or PageNumberCanvas
        undated = self.info.date is None

        def make(*args: Any, **kwargs: Any) -> Canvas:
            canv = maker(*args, **kwargs)
            canv.showOutline()  # /PageMode /UseOutlines
            if undated:
                canv._doc.info.__class__ = UndatedInfo
            return canv

        super().build(flowables, canvasmaker=make)

    def _footer(self, canv: Canvas, margin: float, baseline: float) -> None:
        width = self.pagesize[0]
        left = _footer_left(self.info.title, self.info.date, width - 2 * margin)
        # The same operators on every page: written by the canvas once per document and
        # kind of page, then repeated (the first time also registers the characters).
        written: dict[tuple[float, float, str], list[str]] = canv.__dict__.setdefault(
            "_mapper_footers", {}
        )
        key = (margin, baseline, left)
        if key in written:
            canv._code.extend(written[key])
        else:
            start = len(canv._code)
            canv.saveState()
            canv.setFillColor(rgb(theme.MUTED_INK))
            draw_string(canv, margin, baseline, left, REGULAR, FOOTER_SIZE)
            canv.restoreState()
            written[key] = canv._code[start:]
        assert isinstance(canv, PageNumberCanvas)
        canv.stamp_page_number(width - margin, baseline)

    def _map_footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._footer(canv, MARGIN, FOOTER - 2)

    def _tile_footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._footer(canv, TILE_MARGIN, 14)

    def _report_footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        left, _, right, _ = REPORT_MARGINS
        canv.saveState()
        canv.setStrokeColor(rgb(theme.GRID_LINE))
        canv.setLineWidth(0.6)
        canv.line(left, 32, self.pagesize[0] - right, 32)
        canv.restoreState()
        self._footer(canv, left, 22)
