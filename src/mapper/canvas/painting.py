"""Qt drawing helpers: the bundled font, colours from the theme, text lines from the layout."""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPolygonF

from mapper.layout import Rect, icons
from mapper.layout.text import BOLD, REGULAR, font, line_height
from mapper.layout.theme import LIGHT, Theme
from mapper.resources import fonts_dir

# Each line read the way its first strong letter reads, as an image's painter, the PDF and
# the SVG lay it out: a widget's painter (the canvas, the projector) would lay a Hebrew or
# Arabic line out left to right, its trailing "!" or "?" on the wrong side.
READ_BY_TEXT = Qt.LayoutDirection.LayoutDirectionAuto
STAR_CENTER = (8.0, 8.4)  # where layout.icons drew its star, in its 16 x 16 box
STAR_RADIUS = 7.4


@cache
def _family(name: str) -> str:
    font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / f"{name}.ttf"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "DejaVu Sans"


def qfont(size: float, bold: bool = False) -> QFont:
    """The bundled DejaVu Sans at ``size`` scene pixels, measured like the layout measures."""
    result = QFont(_family(BOLD if bold else REGULAR))
    result.setPixelSize(max(1, round(size)))
    result.setBold(bold)
    result.setKerning(False)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


@lru_cache(maxsize=128)
def shared_font(size: float, bold: bool = False) -> QFont:
    """:func:`qfont`, made once per pixel size: for painters to set, never to change."""
    return qfont(size, bold)


@lru_cache(maxsize=128)
def _ascent(size: float, bold: bool) -> float:
    return font(BOLD if bold else REGULAR).ascent * size / 1000


def text_origins(
    lines: tuple[str, ...], x: float, y: float, size: float, bold: bool = False
) -> tuple[tuple[QPointF, str], ...]:
    """Where :func:`draw_lines` puts each line's baseline: for painters that keep them."""
    ascent, step = _ascent(size, bold), line_height(size)
    return tuple(
        (QPointF(x, y + i * step + ascent + (step - size) / 2), line)
        for i, line in enumerate(lines)
    )


def theme_of(item: object) -> Theme:
    """The colours ``item``'s scene paints in (light outside a scene, and for exports)."""
    scene = getattr(item, "scene", lambda: None)()
    theme = getattr(scene, "theme", None)
    return theme if isinstance(theme, Theme) else LIGHT


@cache
def qcolor(hex_color: str, alpha: int = 255) -> QColor:
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def draw_lines(
    painter: QPainter, lines: tuple[str, ...], x: float, y: float, size: float, bold=False
) -> float:
    """Draw text lines top-down from (x, y) on the layout's baselines; returns the bottom."""
    painter.setFont(shared_font(size, bold))
    painter.setLayoutDirection(READ_BY_TEXT)
    for origin, line in text_origins(lines, x, y, size, bold):
        painter.drawText(origin, line)
    return y + len(lines) * line_height(size)


def star_polygon(center: QPointF, radius: float) -> QPolygonF:
    """The moment-of-truth star, the same shape as on paper (layout.icons.STAR_POINTS)."""
    k = radius / STAR_RADIUS
    cx, cy = STAR_CENTER
    return QPolygonF([QPointF(center.x() + (x - cx) * k, center.y() + (y - cy) * k)
                      for x, y in icons.STAR_POINTS])  # fmt: skip
