"""Channel icons as a few vector primitives in a 16 x 16 box (y down, like the canvas).

Pure data, no drawing code: the PDF export draws them with reportlab and the canvas can
draw the very same shapes with QPainter. Strokes use the icon's ink colour and
:data:`STROKE_WIDTH`; ``fill=True`` shapes are filled with the same ink.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mapper.layout.geometry import Point

ICON_BOX = 16.0
STROKE_WIDTH = 1.4


@dataclass(frozen=True, slots=True)
class Line:
    """A straight stroke of an icon."""

    start: Point
    end: Point


@dataclass(frozen=True, slots=True)
class Circle:
    """A circle of an icon, outlined or filled."""

    center: Point
    radius: float
    fill: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle, optionally with rounded corners."""

    x: float
    y: float
    width: float
    height: float
    radius: float = 0.0
    fill: bool = False


@dataclass(frozen=True, slots=True)
class Polyline:
    """A run of strokes of an icon, open or closed."""

    points: tuple[Point, ...]
    closed: bool = False
    fill: bool = False


Shape = Line | Circle | Box | Polyline


@dataclass(frozen=True, slots=True)
class Icon:
    """A channel's icon as shapes in the 16 x 16 icon box."""

    key: str
    shapes: tuple[Shape, ...]


def _arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 10) -> Polyline:
    """An open arc approximated by a polyline; angles in degrees, 0 = right, 90 = down."""
    points = []
    for i in range(steps + 1):
        angle = math.radians(start + (end - start) * i / steps)
        points.append((round(cx + r * math.cos(angle), 2), round(cy + r * math.sin(angle), 2)))
    return Polyline(tuple(points))


def _star(cx: float, cy: float, outer: float, inner: float) -> tuple[Point, ...]:
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((round(cx + r * math.cos(angle), 2), round(cy + r * math.sin(angle), 2)))
    return tuple(points)


STAR_POINTS = _star(8, 8.4, 7.4, 3.0)  # also the moment-of-truth mark

_ICONS: dict[str, tuple[Shape, ...]] = {
    "website": (
        Box(1.5, 2.5, 13, 11, 1.5),
        Line((1.5, 5.5), (14.5, 5.5)),
        Circle((3.6, 4.0), 0.55, True),
        Circle((5.4, 4.0), 0.55, True),
    ),
    "app": (
        Box(4.5, 1.0, 7, 14, 1.6),
        Line((7.0, 12.6), (9.0, 12.6)),
    ),
    "email": (
        Box(1.5, 3.5, 13, 9, 1.0),
        Polyline(((1.8, 4.0), (8.0, 8.8), (14.2, 4.0))),
    ),
    "social": (
        Circle((4.0, 8.0), 2.0, True),
        Circle((12.0, 3.5), 2.0, True),
        Circle((12.0, 12.5), 2.0, True),
        Line((4.0, 8.0), (12.0, 3.5)),
        Line((4.0, 8.0), (12.0, 12.5)),
    ),
    "chat": (
        Polyline(
            (
                (2.5, 2.5),
                (13.5, 2.5),
                (13.5, 10.5),
                (8.0, 10.5),
                (4.5, 13.8),
                (4.5, 10.5),
                (2.5, 10.5),
            ),
            closed=True,
        ),
        Line((5.0, 5.5), (11.0, 5.5)),
        Line((5.0, 8.0), (9.0, 8.0)),
    ),
    "search": (
        Circle((6.5, 6.5), 4.5),
        Line((9.8, 9.8), (14.5, 14.5)),
    ),
    "advertising": (
        Polyline(
            ((1.8, 6.0), (5.5, 6.0), (12.5, 2.5), (12.5, 13.5), (5.5, 10.0), (1.8, 10.0)),
            closed=True,
        ),
        Line((5.0, 10.0), (6.2, 14.2)),
        Line((14.6, 6.6), (14.6, 9.4)),
    ),
    "review_site": (Polyline(STAR_POINTS, closed=True),),
    "sms": (
        Box(1.5, 2.5, 13, 9, 2.0),
        Polyline(((4.5, 11.5), (4.5, 14.5), (8.0, 11.5))),
        Circle((5.0, 7.0), 0.8, True),
        Circle((8.0, 7.0), 0.8, True),
        Circle((11.0, 7.0), 0.8, True),
    ),
    "phone": (
        Polyline(
            (
                (3.0, 1.8),
                (5.8, 1.8),
                (7.0, 5.0),
                (5.4, 6.6),
                (9.4, 10.6),
                (11.0, 9.0),
                (14.2, 10.2),
                (14.2, 13.0),
                (12.6, 14.4),
                (9.0, 14.0),
                (2.0, 7.0),
                (1.6, 3.4),
            ),
            closed=True,
        ),
    ),
    "store": (
        Polyline(((1.5, 6.0), (3.0, 2.0), (13.0, 2.0), (14.5, 6.0)), closed=True),
        Polyline(((2.5, 6.0), (2.5, 14.5), (13.5, 14.5), (13.5, 6.0))),
        Box(6.5, 9.0, 3.0, 5.5),
    ),
    "call_centre": (
        _arc(8.0, 8.5, 5.8, 180, 360),
        Box(1.2, 8.0, 3.2, 4.8, 1.2, True),
        Box(11.6, 8.0, 3.2, 4.8, 1.2, True),
        Polyline(((13.2, 12.8), (13.2, 14.2), (9.0, 14.2))),
    ),
    "mail": (
        Polyline(
            ((2.0, 14.0), (2.0, 6.5), (5.0, 3.5), (11.0, 3.5), (14.0, 6.5), (14.0, 14.0)),
            closed=True,
        ),
        Line((2.0, 6.5), (14.0, 6.5)),
        Polyline(((8.0, 6.5), (8.0, 1.2), (11.0, 1.2), (11.0, 2.8), (8.0, 2.8))),
    ),
    "event": (
        Box(1.5, 3.0, 13, 11.5, 1.2),
        Line((1.5, 6.5), (14.5, 6.5)),
        Line((5.0, 1.2), (5.0, 4.5)),
        Line((11.0, 1.2), (11.0, 4.5)),
        Box(4.0, 8.8, 2.4, 2.2, 0, True),
        Box(9.6, 8.8, 2.4, 2.2, 0, True),
    ),
    "word_of_mouth": (
        Circle((5.0, 4.8), 2.4),
        _arc(5.0, 14.0, 4.0, 180, 360, 8),
        Circle((11.6, 6.2), 2.0),
        _arc(11.6, 14.0, 3.2, 180, 360, 8),
    ),
    "print": (
        Box(1.0, 2.0, 14, 8.5, 0.8),
        Line((5.0, 10.5), (5.0, 15.0)),
        Line((11.0, 10.5), (11.0, 15.0)),
        Line((3.5, 5.0), (10.0, 5.0)),
        Line((3.5, 7.5), (8.0, 7.5)),
    ),
    "product": (
        Polyline(
            ((8.0, 1.5), (14.5, 4.5), (14.5, 11.5), (8.0, 14.5), (1.5, 11.5), (1.5, 4.5)),
            closed=True,
        ),
        Polyline(((1.5, 4.5), (8.0, 7.5), (14.5, 4.5))),
        Line((8.0, 7.5), (8.0, 14.5)),
    ),
}

GENERIC = Icon("generic", (Box(2.0, 2.0, 12, 12, 3.0), Circle((8.0, 8.0), 2.2, True)))

ICONS: dict[str, Icon] = {key: Icon(key, shapes) for key, shapes in _ICONS.items()}


def icon_for(channel: str | None) -> Icon:
    """The icon of a built-in channel, or the generic one for custom or unknown channels."""
    if channel is None:
        return GENERIC
    return ICONS.get(channel, GENERIC)
