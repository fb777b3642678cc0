"""Text measurement and wrapping from the bundled font's metrics (no Qt, no reportlab).

The canvas draws with the same font (kerning off, no hinting), and the PDF export embeds
it, so a line that fits here fits on screen and on paper.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from mapper.resources import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ELLIPSIS = "…"
WIDE = 1000.0  # a character DejaVu lacks that is drawn full-width by a fallback font (CJK)
# drawn by no font (Qt shows a box): control characters other than newlines and tabs, and
# lone surrogates; the text keeps them, what is drawn has spaces instead
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def drawable(text: str) -> str:
    """``text`` as it is drawn: line breaks as newlines, other control characters (a bell
    pasted from a terminal) as spaces."""
    if text.isprintable():  # (most text: no newline either)
        return text
    return CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


@lru_cache(maxsize=4096)
def missing_advance(ch: str, default: float) -> float:
    """The advance (1/1000 em) assumed for a character the bundled font lacks: full width
    for East Asian wide characters and emoji, which fallback fonts draw as squares."""
    return WIDE if unicodedata.east_asian_width(ch) in "WF" else default


@dataclass(frozen=True)
class FontMetrics:
    """A font's advances and vertical metrics, read from the bundled metrics file."""

    name: str
    widths: dict[int, float]  # advance per code point, in 1/1000 em
    default_width: float
    ascent: float
    descent: float
    # the advances of code points 0-127, looked up by index: most text is ASCII
    ascii: tuple[float, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        table = tuple(self.widths.get(i, self.default_width) for i in range(128))
        object.__setattr__(self, "ascii", table)

    def advance(self, ch: str) -> float:
        """One character's advance in 1/1000 em (see :func:`missing_advance`)."""
        found = self.widths.get(ord(ch))
        return found if found is not None else missing_advance(ch, self.default_width)

    def width(self, text: str, size: float) -> float:
        """The advances summed in order (the same floats however they are looked up)."""
        if text.isascii():
            return sum(map(self.ascii.__getitem__, text.encode("ascii"))) * size / 1000.0
        try:  # every character in the font (a separator, a minus sign...)
            return sum(map(self.widths.__getitem__, map(ord, text))) * size / 1000.0
        except KeyError:
            return sum(map(self.advance, text)) * size / 1000.0

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.widths

    def missing(self, text: str) -> set[str]:
        """Characters the font has no glyph for (drawn as a box or left out)."""
        return {ch for ch in text if ord(ch) not in self.widths and ch.isprintable()}


@cache
def font(name: str = REGULAR) -> FontMetrics:
    data = json.loads((fonts_dir() / f"{name}.metrics.json").read_text("utf-8"))
    widths: dict[int, float] = {}
    for start, run in data["runs"]:
        widths.update(zip(range(start, start + len(run)), run, strict=True))
    return FontMetrics(name, widths, data["default_width"], data["ascent"], data["descent"])


def text_width(text: str, size: float, bold: bool = False) -> float:
    return font(BOLD if bold else REGULAR).width(text, size)


def line_height(size: float) -> float:
    return round(size * 1.3, 2)


@lru_cache(maxsize=20_000)
def wrap(
    text: str, width: float, size: float, max_lines: int = 0, bold: bool = False
) -> tuple[tuple[str, ...], bool]:
    """Break ``text`` into lines no wider than ``width``.

    Breaks at spaces, splits words longer than a line, keeps explicit newlines. With
    ``max_lines`` > 0 the last kept line ends in an ellipsis when text was cut off.
    Returns ``(lines, elided)``.
    """
    metrics = font(BOLD if bold else REGULAR)
    lines: list[str] = []
    for paragraph in drawable(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, size, metrics))
        if max_lines and len(lines) > max_lines:
            break
    if not max_lines or len(lines) <= max_lines:
        return tuple(lines) or ("",), False
    kept = lines[:max_lines]
    kept[-1] = elide(kept[-1] + " " + lines[max_lines], width, size, bold, force=True)
    return tuple(kept), True


@lru_cache(maxsize=50_000)
def _word_width(word: str, name: str) -> float:
    """A word's advance at size 1000 (words repeat a lot: measure each once)."""
    return font(name).width(word, 1000.0)


def _wrap_paragraph(text: str, width: float, size: float, metrics: FontMetrics) -> list[str]:
    words = text.split()
    if not words:
        return [""]
    scale = size / 1000.0
    space = metrics.widths.get(32, metrics.default_width) * scale
    lines: list[str] = []
    current, current_width = "", 0.0
    for word in words:
        word_width = _word_width(word, metrics.name) * scale
        if current and current_width + space + word_width <= width:
            current, current_width = f"{current} {word}", current_width + space + word_width
            continue
        if not current and word_width <= width:
            current, current_width = word, word_width
            continue
        if current:
            lines.append(current)
        current_width = metrics.width(word, size)
        while word and current_width > width:  # a word longer than the line
            cut = _fit_prefix(word, width, size, metrics)
            lines.append(word[:cut])
            word = word[cut:]
            current_width = metrics.width(word, size)
        current = word
    if current or not lines:
        lines.append(current)
    return lines


def _fit_prefix(text: str, width: float, size: float, metrics: FontMetrics) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one)."""
    total = 0.0
    for i, ch in enumerate(text):
        total += metrics.advance(ch) * size / 1000.0
        if total > width:
            return max(1, i)
    return len(text)


def elide(text: str, width: float, size: float, bold: bool = False, force: bool = False) -> str:
    """Cut ``text`` to fit ``width`` with a trailing ellipsis (``force``: always add one)."""
    text = drawable(text)
    metrics = font(BOLD if bold else REGULAR)
    if not force and metrics.width(text, size) <= width:
        return text
    room = max(width - metrics.width(ELLIPSIS, size), 0.0)
    cut = _fit_prefix(text, room, size, metrics)
    if cut == 1 and metrics.width(text[:1], size) > room:
        cut = 0  # not even one character fits beside the ellipsis
    return text[:cut].rstrip() + ELLIPSIS
