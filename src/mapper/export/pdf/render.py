"""PDF export: the map (fitted or tiled), then the report, as one trustworthy document."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mapper import __version__
from mapper.export.errors import ExportError
from mapper.export.glyphs import missing_glyph_warning
from mapper.export.options import PdfOptions
from mapper.export.pages import page_label, page_size
from mapper.export.pdf.doc import DocInfo, MapperDocument, PageNumberCanvas, binary_streams
from mapper.export.pdf.fonts import register_fonts
from mapper.export.pdf.map_pages import (
    MapPageContext,
    fit_pages,
    fit_scale_for,
    readable_pages,
    tiled_pages,
    tiles_for,
)
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.markup import one_line
from mapper.export.pdf.photos import PhotoCache
from mapper.export.pdf.readable import smallest_text
from mapper.export.pdf.report import report_story
from mapper.fileformat.io import write_atomic
from mapper.gcpause import paused_gc
from mapper.layout import compute_layout
from mapper.model import JourneyMap
from mapper.model.pain import lead_persona

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    pages: int
    warnings: list[str]


def render_pdf(
    journey: JourneyMap, options: PdfOptions | None = None, progress: Progress | None = None
) -> PdfResult:
    """Lay out and draw the PDF in memory. ``progress(done, total)`` is called per tile."""
    options = options or PdfOptions()
    register_fonts()
    persona = lead_persona(journey)  # a hidden persona shows nowhere on the map
    if options.persona_id is not None:
        if options.persona_id not in journey.personas:
            raise ExportError(f"no persona with id {options.persona_id!r}")
        persona = journey.personas.get(options.persona_id)
        if persona.hidden:
            raise ExportError(
                f"{one_line(persona.name) or 'the persona'} is hidden on the map: show it in "
                "the Personas panel, or choose a shown persona"
            )
    persona_id = persona.id if persona else None
    date = options.resolved_date()
    page = page_size(options.page, options.landscape)

    layout = compute_layout(journey)
    painter = MapPainter(journey, layout, persona_id)
    photos = PhotoCache()
    ctx = MapPageContext(journey, painter, persona, photos.get(persona), date, page)
    warnings: list[str] = []

    if options.tile:
        story = tiled_pages(ctx, options.tile_scale, options.overlap, progress)
        text_size = layout.style.title_size * options.tile_scale
        if text_size < options.min_text_size:
            warnings.append(
                f"at tile scale {options.tile_scale:g} card text prints at "
                f"{text_size:.1f} pt, below {options.min_text_size:g} pt"
            )
    else:
        smallest, what = smallest_text(painter)
        if options.fit or fit_scale_for(ctx) * smallest >= options.min_text_size:
            story, scale = fit_pages(ctx)
        else:
            story, scale = readable_pages(ctx, smallest)
        if smallest * scale < options.min_text_size:
            tiles = len(tiles_for(ctx, options.tile_scale, options.overlap))
            card = layout.style.title_size * scale
            warnings.append(
                f"fitted on one {page_label(options.page, options.landscape)} page, the "
                f"smallest text ({what}) prints at {smallest * scale:.1f} pt and card text "
                f"at {card:.1f} pt (below {options.min_text_size:g} pt, hard to read); "
                "leave out --fit for readable detail pages, use --tile to print it "
                f"over {tiles} pages, or a larger --page"
            )

    info = journey.info
    title = one_line(info.title) or "Untitled journey"
    doc = MapperDocument(
        buffer := io.BytesIO(),
        page,
        DocInfo(
            title=title,
            author=one_line(info.author),
            subject=_subject(journey, persona.name if persona else None),
            creator=f"Mapper {__version__}",
            date=date,
            invariant=options.invariant,
        ),
    )
    if options.report:
        story += report_story(journey, doc, persona_id, photos)
    with binary_streams(), paused_gc():
        doc.build(story, canvasmaker=PageNumberCanvas)
    glyphs = missing_glyph_warning(journey)
    warnings += [glyphs] if glyphs else []
    crowded = sum(1 for label in painter.flows.labels if not label.clear)
    if crowded:
        warnings.append(
            f"{crowded} flow label{'s' if crowded != 1 else ''} left out of the map: no free "
            "spot near the flow that covers no card text and no other label"
        )
    warnings += photos.warnings
    return PdfResult(buffer.getvalue(), doc.page, warnings)


def _subject(journey: JourneyMap, persona: str | None) -> str:
    scenario = one_line(journey.info.scenario.title)
    parts = ["Customer journey map"]
    if persona:
        parts.append(f"persona: {one_line(persona)}")
    if scenario:
        parts.append(f"scenario: {scenario}")
    return "; ".join(parts)


def export_pdf(
    journey: JourneyMap,
    path: str | Path,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Write the map as a PDF to ``path`` (atomically); return warnings for the user.

    Raises :class:`ExportError` when the PDF cannot be made and ``OSError`` when it
    cannot be written.
    """
    result = render_pdf(journey, options, progress)
    write_atomic(Path(path), result.data)
    return result.warnings
