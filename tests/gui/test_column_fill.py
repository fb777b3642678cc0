"""Stage columns are filled with an opaque colour (Qt fills one several times faster than it
blends a see-through one): it must give the very pixels the see-through colour gave over
the canvas, in either look."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from mapper.layout.theme import DARK, LIGHT


def _painted(background: str, fill: QColor) -> QColor:
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)  # as the canvas paints
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.fillRect(0, 0, 4, 4, fill)
    painter.end()
    return image.pixelColor(1, 1)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_a_columns_opaque_fill_is_the_pixel_its_blend_gave(qapp, theme):
    shuffled = random.Random(7)
    # stage colours of the sample maps, the extremes, and a few hundred others
    stages = ["#e3f0fb", "#e6f4ea", "#fff4e0", "#fde8e4", "#efe7f7", "#e0f2f1", "#fbe4ee"]
    extremes = ["#000000", "#ffffff", "#ff0000", "#00ff00", "#0000ff", "#808080"]
    colors = [*stages, *extremes, *(f"#{shuffled.randrange(1 << 24):06x}" for _ in range(300))]
    for color in colors:
        blended = QColor(color)
        blended.setAlpha(theme.column_alpha)
        assert _painted(theme.background, blended) == QColor(theme.column_fill(color)), color
