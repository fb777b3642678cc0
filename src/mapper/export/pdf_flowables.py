"""Small custom flowables for the report: avatar, channel icon with label, emotion bar."""

from __future__ import annotations

import re

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from mapper.export.pdf_draw import Text, draw_icon, rgb
from mapper.export.pdf_titleblock import draw_avatar
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.icons import icon_for
from mapper.layout.text import elide
from mapper.model import EMOTION_MAX, Persona, Sentiment
from mapper.model.vocabulary import sentiment_of

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def safe_colour(value: str, fallback: str = theme.MUTED_INK) -> str:
    """A user colour only if it is plain ``#rrggbb`` (it may end up inside markup)."""
    return value if _HEX.fullmatch(value) else fallback


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
        self.label = elide(label, width - size * 1.5, size)

    def paint(self) -> None:
        s = self.size
        draw_icon(
            self.canv, icon_for(self.channel), Rect(0, 0.5, s * 1.15, s * 1.15), theme.MUTED_INK
        )
        text = Text(self.canv)
        text.style(s, theme.INK)
        text.at(s * 1.5, s * 1.0, self.label)
        text.draw()


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
