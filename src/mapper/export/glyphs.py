"""Which characters of a map no font can draw, reported as one warning.

The bundled DejaVu Sans draws most scripts; for the rest an export falls back to the
fonts installed on the machine. Only characters that none of them has are reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mapper.layout.text import BOLD, REGULAR, font
from mapper.model import JourneyMap

MAX_LISTED = 8


def map_texts(journey: JourneyMap) -> Iterator[str]:
    """Every user string an export can print."""
    info = journey.info
    yield from (info.title, info.description, info.author, info.version, info.notes)
    yield from (info.scenario.title, info.scenario.goal, *info.scenario.expectations)
    yield from (c.label for c in info.custom_channels)
    for p in journey.personas:
        yield from (p.name, p.role, p.bio, p.quote, *p.goals, *p.motivations)
        yield from (*p.frustrations, *p.behaviours)
        for key, value in p.demographics.items():
            yield from (key, value)
    for s in journey.stages:
        yield from (s.name, s.description, s.notes)
    for lane in journey.lanes:
        yield lane.name
    for c in journey.cards():
        yield from (c.title, c.description, c.owner, c.notes, c.url, *c.tags)
        for e in c.evidence:
            yield from (e.text, e.source)
    for f in journey.flows():
        yield f.label


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Characters the bundled DejaVu faces cannot draw, in code point order."""
    regular, bold = font(REGULAR), font(BOLD)
    seen: set[str] = set()
    for text in texts:
        if not text.isascii():  # DejaVu covers all of printable ASCII
            seen.update(text)
    chars = "".join(sorted(seen, key=ord))
    return sorted(regular.missing(chars) | bold.missing(chars), key=ord)


def undrawable(texts: Iterable[str], embeddable_only: bool = True) -> list[str]:
    """Characters neither DejaVu nor any installed font has (``embeddable_only``: a font
    the PDF can embed; the PNG and SVG may also use colour emoji fonts)."""
    from mapper.export.pdf.fonts import drawable_elsewhere

    chars = missing_glyphs(texts)
    return [ch for ch in chars if not drawable_elsewhere(ch, embeddable_only)]


def missing_glyph_warning(journey: JourneyMap, embeddable_only: bool = True) -> str | None:
    chars = undrawable(map_texts(journey), embeddable_only)
    if not chars:
        return None
    listed = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in chars[:MAX_LISTED])
    more = f" and {len(chars) - MAX_LISTED} more" if len(chars) > MAX_LISTED else ""
    return (
        f"{len(chars)} character{'s' if len(chars) != 1 else ''} cannot be drawn with the "
        f"bundled DejaVu Sans font nor any installed font and print as empty boxes: "
        f"{listed}{more} (install a font that has them, e.g. Noto)"
    )
