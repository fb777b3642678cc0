"""The bundled DejaVu Sans fonts, and fallback fonts found on the machine for the rest.

Both DejaVu faces are embedded (subset) in every PDF, so text renders the same everywhere
and stays real, selectable text. A character DejaVu lacks (Chinese, Japanese, Korean, some
symbols) is drawn with the first installed font that has it, in fontconfig's order of
preference for sans-serif, also embedded as a subset. reportlab embeds only TrueType
outlines: CFF-flavoured OpenType, Type 1 and colour bitmap (emoji) fonts are skipped.
"""

from __future__ import annotations

import bisect
import subprocess
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mapper.layout.text import BOLD, REGULAR, font
from mapper.resources import fonts_dir

FC_FORMAT = "%{file}\\t%{index}\\t%{fontformat}\\t%{color}\\t%{charset}\\n"
EMBEDDABLE = (".ttf", ".ttc", ".otf")


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular and bold) as one family; return their names.

    Paragraph markup ``<b>`` maps to the bold face; there is no italic face, so italic
    maps to the upright ones.
    """
    folder = fonts_dir()
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / f"{REGULAR}.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / f"{BOLD}.ttf")))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR, BOLD


@dataclass(frozen=True)
class InstalledFont:
    """An installed font as fontconfig describes it: where, which face, which characters."""

    path: str
    index: int
    starts: tuple[int, ...]  # sorted code point ranges [start, end]
    ends: tuple[int, ...]

    def covers(self, code: int) -> bool:
        i = bisect.bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]


def parse_fc_list(output: str, embeddable_only: bool = True) -> list[InstalledFont]:
    """Fonts from ``fc-match -a -f FC_FORMAT``, in fontconfig's order of preference."""
    fonts: list[InstalledFont] = []
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) != 5:
            continue
        path, index, fmt, color, charset = parts
        if embeddable_only and (
            fmt != "TrueType" or color == "True" or not path.lower().endswith(EMBEDDABLE)
        ):
            continue
        starts: list[int] = []
        ends: list[int] = []
        try:
            for item in charset.split():
                lo, _, hi = item.partition("-")
                starts.append(int(lo, 16))
                ends.append(int(hi or lo, 16))
            fonts.append(InstalledFont(path, int(index or 0), tuple(starts), tuple(ends)))
        except ValueError:
            continue
    return fonts


@cache
def installed_fonts(embeddable_only: bool = True) -> tuple[InstalledFont, ...]:
    """The machine's fonts by preference for sans-serif text; none without fontconfig."""
    try:
        done = subprocess.run(
            ["fc-match", "-a", "-f", FC_FORMAT, "sans-serif"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    if done.returncode != 0:
        return ()
    return tuple(parse_fc_list(done.stdout, embeddable_only))


_loaded: dict[tuple[str, int], str | None] = {}
_by_char: dict[str, str | None] = {}


def _load(candidate: InstalledFont) -> str | None:
    """Register ``candidate`` with reportlab once; its name, or None if it cannot embed."""
    key = (candidate.path, candidate.index)
    if key not in _loaded:
        # the same name whatever was exported before in this process (invariant output)
        tag = zlib.crc32(candidate.path.encode("utf-8", "surrogateescape"))
        name = f"Fallback-{Path(candidate.path).stem}-{candidate.index}-{tag:08x}"
        try:
            pdfmetrics.registerFont(TTFont(name, candidate.path, subfontIndex=candidate.index))
        except Exception:  # CFF outlines, broken or unreadable files: try the next font
            _loaded[key] = None
        else:
            _loaded[key] = name
    return _loaded[key]


def fallback_font(ch: str) -> str | None:
    """The registered name of the preferred installed font that can draw ``ch``, or None."""
    if ch in _by_char:
        return _by_char[ch]
    code = ord(ch)
    found = None
    for candidate in installed_fonts():
        if candidate.covers(code) and (name := _load(candidate)) is not None:
            found = name
            break
    _by_char[ch] = found
    return found


def drawable_elsewhere(ch: str, embeddable_only: bool = True) -> bool:
    """Whether some installed font has ``ch`` (for the PDF: one reportlab can embed)."""
    if embeddable_only:
        return fallback_font(ch) is not None
    return any(f.covers(ord(ch)) for f in installed_fonts(False))


def font_runs(text: str, face: str) -> list[tuple[str | None, str]]:
    """``text`` split into runs of one font each: ``None`` for ``face`` (a DejaVu face),
    else a fallback font's name. Characters no font has stay with ``face`` (a box)."""
    metrics = font(face)
    runs: list[tuple[str | None, str]] = []
    current: str | None = None
    start = 0
    for i, ch in enumerate(text):
        name = None if metrics.covers(ch) or not ch.isprintable() else fallback_font(ch)
        if name is None and ch == " " and current is not None:
            name = current  # a space between two fallback characters stays in their run
        if name != current and i > start:
            runs.append((current, text[start:i]))
            start = i
        current = name
    runs.append((current, text[start:]))
    return runs


def needs_fallback(text: str, face: str) -> bool:
    """Whether some character of ``text`` is not in ``face`` (cheap for plain text)."""
    return not text.isascii() and bool(font(face).missing(text))
