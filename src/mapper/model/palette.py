"""Persona colours: a colour-blind-safe palette (Okabe & Ito), in the order new personas
take them. Yellow is left out: a thin yellow line is unreadable on white paper."""

from __future__ import annotations

from collections.abc import Iterable

PERSONA_PALETTE: tuple[str, ...] = (
    "#0072b2",  # blue
    "#d55e00",  # vermillion
    "#009e73",  # bluish green
    "#cc79a7",  # reddish purple
    "#e69f00",  # orange
    "#56b4e9",  # sky blue
    "#000000",  # black
)


def palette_color(index: int) -> str:
    """The palette colour for the ``index``-th persona (the palette repeats after seven)."""
    return PERSONA_PALETTE[index % len(PERSONA_PALETTE)]


def next_persona_color(used: Iterable[str]) -> str:
    """The first palette colour no persona has yet; the least used one when all are taken."""
    taken = [c.lower() for c in used]
    for color in PERSONA_PALETTE:
        if color not in taken:
            return color
    return min(PERSONA_PALETTE, key=taken.count)
