"""Our own SVG icons from ``icons/``, drawn in ink on light and in light ink on dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from mapper.resources import icons_dir

# the icons' ink and accent, and what they become on a dark toolbar (4.5:1 or more)
DARK_INKS = {"#1f2933": "#e6e9ed", "#2f80ed": "#79b0f7"}
SIZES = (16, 24, 32, 48, 64)  # 64 for 24-pixel icons at a device pixel ratio of 2 and more


def icon(name: str, dark: bool = False) -> QIcon:
    """The icon ``name`` for a light (or ``dark``) toolbar, made once: the same object
    however it is asked for (``icon("undo")`` and ``icon("undo", False)`` alike)."""
    return _icon(name, bool(dark))


@cache
def _icon(name: str, dark: bool) -> QIcon:
    path = icons_dir() / f"{name}.svg"
    if not path.exists():
        return QIcon()
    if not dark:
        return QIcon(str(path))
    from PySide6.QtSvg import QSvgRenderer  # the dark look only (the light one reads files)

    svg = path.read_text("utf-8")
    for light, shown in DARK_INKS.items():
        svg = svg.replace(light, shown)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
