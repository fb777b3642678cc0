"""How each persona's emotion curve looks: its colour, a dash pattern and a marker shape by
its place in the map, so curves can be told apart in greyscale print as well as in colour.

Shared by the canvas, the PDF, the PNG/SVG frame and present mode (no Qt, no reportlab):
dash lengths are in drawing units for a line ``width`` wide; marker outlines are polygons
around a point (``None``: a circle).

The active persona keeps its dash and marker but is drawn thicker, green above neutral and
red below. Green and red are the same grey on paper, so its points below neutral are drawn
hollow (white inside, a ring in the curve's colour) and those on or above it filled: a
reader without colour still sees at a glance which moments hurt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from mapper.layout.geometry import Point
from mapper.model import Persona
from mapper.model.palette import palette_color


class Marker(Enum):
    CIRCLE = "circle"
    SQUARE = "square"
    DIAMOND = "diamond"
    TRIANGLE = "triangle"
    TRIANGLE_DOWN = "triangle down"
    HEXAGON = "hexagon"
    STAR = "star"


# By a persona's place: the first curve solid with circles, then dashed with squares, ...
# Dashes are (on, off, ...) in multiples of the line's width: they scale with it.
DASHES: tuple[tuple[float, ...], ...] = (
    (),
    (4.0, 2.0),
    (0.1, 2.2),  # dots: round caps make a dot of each tiny dash
    (5.0, 2.0, 0.1, 2.0),
    (8.0, 2.5),
    (3.0, 2.0, 0.1, 2.0, 0.1, 2.0),
    (1.5, 1.5),
)
MARKERS: tuple[Marker, ...] = (
    Marker.CIRCLE,
    Marker.SQUARE,
    Marker.DIAMOND,
    Marker.TRIANGLE,
    Marker.TRIANGLE_DOWN,
    Marker.HEXAGON,
    Marker.STAR,
)


@dataclass(frozen=True)
class PersonaStyle:
    """How a persona's curve and points are told apart: colour, dashes, marker."""

    color: str
    dash: tuple[float, ...]  # in line widths; () is a solid line
    marker: Marker

    def dash_for(self, width: float) -> tuple[float, ...]:
        """The dash pattern in drawing units for a line ``width`` wide."""
        return tuple(round(d * width, 3) for d in self.dash)


def persona_style(persona: Persona | None, index: int) -> PersonaStyle:
    """The look of the ``index``-th persona's curve (its place among the map's personas)."""
    color = persona.color if persona is not None and persona.color else palette_color(index)
    return PersonaStyle(color, DASHES[index % len(DASHES)], MARKERS[index % len(MARKERS)])


def styles_by_id(personas: Iterable[Persona]) -> dict[str, PersonaStyle]:
    """Each persona's style, keyed by id, from its place in ``personas`` (the map's order)."""
    return {p.id: persona_style(p, i) for i, p in enumerate(personas)}


def marker_outline(marker: Marker, center: Point, radius: float) -> list[Point] | None:
    """The marker's polygon around ``center``, about as big as a circle of ``radius``;
    ``None`` for a circle (every surface draws those natively)."""
    cx, cy = center
    r = radius
    if marker is Marker.CIRCLE:
        return None
    if marker is Marker.SQUARE:
        s = r * 0.88
        return [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    if marker is Marker.DIAMOND:
        s = r * 1.2
        return [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
    if marker in (Marker.TRIANGLE, Marker.TRIANGLE_DOWN):
        s = r * 1.25
        flip = 1 if marker is Marker.TRIANGLE else -1
        return [
            (cx + s * math.cos(math.radians(a)), cy - flip * s * math.sin(math.radians(a)))
            for a in (90, 210, 330)
        ]
    if marker is Marker.HEXAGON:
        s = r * 1.05
        return [(cx + s * math.cos(math.radians(a)), cy + s * math.sin(math.radians(a)))
                for a in range(0, 360, 60)]  # fmt: skip
    outer, inner = r * 1.35, r * 0.6  # a five-pointed star
    return [
        (
            cx + (outer if i % 2 == 0 else inner) * math.cos(math.radians(-90 + 36 * i)),
            cy + (outer if i % 2 == 0 else inner) * math.sin(math.radians(-90 + 36 * i)),
        )
        for i in range(10)
    ]


def hollow(score: int, active: bool) -> bool:
    """Whether a point is drawn hollow: the active persona's points below neutral."""
    return active and score < 0
