"""Making user text safe for reportlab: Paragraph markup and link targets.

Every user string that goes into a ``Paragraph`` passes through :func:`para`, which
escapes ``& < >`` so a title like ``<b>Sale</b> & <font size=80>`` prints exactly as
typed and ``<img src=...>`` never loads anything. Links are made only for http, https
and mailto URLs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from bidi.algorithm import get_display as get_display_mirrored
from bidi.mirror import MIRRORED

from mapper.export.pdf.fonts import font_runs, needs_fallback
from mapper.layout.text import ELLIPSIS, REGULAR, drawable, wrap

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo ... and their presentation forms.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u08ff]")
_MIRRORABLE = frozenset(MIRRORED)  # brackets and the like: drawn as their mirror image in RTL


def visual(line: str) -> str:
    """One line of text in the order and letter forms it is drawn in.

    A PDF holds glyphs left to right as they appear: right-to-left runs are reordered by
    the Unicode bidi algorithm (brackets in them mirrored, as a reader draws them) and
    Arabic letters take their joined (presentation) forms, which the bundled DejaVu Sans
    has. PDF readers (pdftotext, viewers' search) restore the reading order from the
    glyphs. Call it per printed line, after wrapping.
    """
    if not _RTL.search(line):
        return line
    if _ARABIC.search(line):
        line = arabic_reshaper.reshape(line)
    if _MIRRORABLE.isdisjoint(line):
        return get_display(line)
    # the fast reordering leaves mirroring to the renderer, and a PDF has none: "(שלום)"
    # would print ")םולש(". This one puts in each bracket's mirror where it reads right
    # to left (slower, so only for the lines that have any).
    return get_display_mirrored(line)


def clean(text: str) -> str:
    """Newlines normalised; control characters and lone surrogates become spaces."""
    return drawable(text).replace("\t", " ")


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary when one is near, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.7:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def one_line(text: str) -> str:
    return " ".join(clean(text).split())


def para(text: str, limit: int = 4000) -> str:
    """User text as Paragraph markup: cleaned, shortened, escaped, newlines kept.

    Right-to-left lines are put in visual order (a wrapped right-to-left paragraph keeps
    its words but its lines read from the last); characters DejaVu lacks get a fallback
    font."""
    lines = shorten(clean(text).strip(), limit).split("\n")
    return "<br/>".join(_markup_line(visual(line)) for line in lines)


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def para_lines(
    text: str,
    width: float,
    size: float,
    limit: int = 4000,
    bold: bool = False,
    first_indent: float = 0.0,
) -> str:
    """Like :func:`para`, for text that holds right-to-left runs: wrapped first, in reading
    order, at ``width`` points and ``size`` (the bundled font's metrics), and only then
    put in visual order line by line, so a wrapped Arabic or Hebrew paragraph reads from
    its first line, not its last. The first line is ``first_indent`` points shorter (a
    label printed before it)."""
    lines: list[str] = []
    for paragraph in shorten(clean(text).strip(), limit).split("\n"):
        if first_indent > 0 and not lines and width - first_indent > size:
            head = wrap(paragraph, width - first_indent, size, bold=bold)[0]
            lines.append(head[0] if head else "")
            paragraph = paragraph[len(head[0]) :].strip() if head else paragraph
            if not paragraph:
                continue
        lines.extend(wrap(paragraph, width, size, bold=bold)[0])
    return "<br/>".join(_markup_line(visual(line)) for line in lines)


def _markup_line(line: str) -> str:
    if not needs_fallback(line, REGULAR):
        return escape(line)
    return "".join(
        escape(run) if name is None else f'<font face="{name}">{escape(run)}</font>'
        for name, run in font_runs(line, REGULAR)
    )


def attr(text: str) -> str:
    """A value for a double-quoted markup attribute."""
    return escape(text, {'"': "&quot;"})


@lru_cache(maxsize=4096)
def safe_url(url: str) -> str | None:
    """The URL if it may become a clickable link (http, https, mailto), else None.

    (Cached: detail pages and tiles ask again for every card they show.)"""
    url = url.strip()
    if not url or len(url) > 2048 or any(ch.isspace() for ch in url):
        return None
    if any(unicodedata.category(ch).startswith("C") for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme in ("http", "https") and not parts.netloc:
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return url


def link(url: str, text: str) -> str:
    """Markup for ``text`` (already escaped) linked to ``url`` when it is safe."""
    target = safe_url(url)
    if target is None:
        return text
    return f'<a href="{attr(target)}" color="#2b6cb0">{text}</a>'
