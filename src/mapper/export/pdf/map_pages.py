"""The map pages: the whole map fitted on one page, or a cover and poster tiles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from mapper.export.pages import MARGIN, TILE_MARGIN, Tile, fit_scale, tile_plan
from mapper.export.pdf.doc import PageDrawing, add_outline
from mapper.export.pdf.draw import Text
from mapper.export.pdf.legend import Item, draw_legend, legend_height, legend_items
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.tiles import assembly_guide, crop_marks, overlap_marks, tile_header
from mapper.export.pdf.title_block import HEIGHT as TITLE_HEIGHT
from mapper.export.pdf.title_block import draw_title_block
from mapper.layout import theme
from mapper.layout.geometry import Rect
from mapper.layout.text import wrap
from mapper.model import JourneyMap, Persona

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class MapPageContext:
    journey: JourneyMap
    painter: MapPainter
    persona: Persona | None
    photo: ImageReader | None
    date: dt.date | None
    page: tuple[float, float]


def _page_frame(ctx: MapPageContext, margin: float) -> tuple[Rect, Rect, list[Item]]:
    """(title block, legend, legend items) rectangles for a page with furniture."""
    width, height = ctx.page
    inner = width - 2 * margin
    items = legend_items(ctx.journey, any(c.points for c in ctx.painter.layout.emotion_curves))
    legend_h = legend_height(items, inner)
    title = Rect(margin, margin - 6, inner, TITLE_HEIGHT)
    legend = Rect(margin, height - margin - legend_h, inner, legend_h)
    return title, legend, items


def map_area(ctx: MapPageContext) -> Rect:
    title, legend, _ = _page_frame(ctx, MARGIN)
    top = title.bottom + 6
    return Rect(MARGIN, top, ctx.page[0] - 2 * MARGIN, legend.y - 8 - top)


def fit_pages(ctx: MapPageContext) -> tuple[list[Flowable], float]:
    """One page with title block, the whole map and the legend; returns its scale too."""
    layout = ctx.painter.layout
    area = map_area(ctx)
    scale = fit_scale(layout.width, layout.height, area)
    ox = area.x + (area.width - layout.width * scale) / 2
    oy = area.y

    def paint(canv: Canvas) -> None:
        title, legend, items = _page_frame(ctx, MARGIN)
        draw_title_block(canv, ctx.journey, ctx.persona, ctx.photo, ctx.date, title)
        canv.saveState()
        canv.translate(ox, oy)
        canv.scale(scale, scale)
        ctx.painter.draw(canv)
        canv.restoreState()
        draw_legend(canv, items, legend)
        page_h = ctx.page[1]
        add_outline(canv, "map", ctx.journey.info.title or "Map", 0, fit="Fit")
        for i, box in enumerate(layout.stages):
            h = box.column
            add_outline(
                canv,
                f"stage-{i}",
                box.stage.name,
                1,
                fit="FitR",
                left=ox + h.x * scale,
                right=ox + h.right * scale,
                top=page_h - oy,
                bottom=page_h - (oy + h.bottom * scale),
            )

    return [NextPageTemplate("map"), PageDrawing(paint, ctx.page)], scale


def tiles_for(ctx: MapPageContext, scale: float, overlap: float) -> list[Tile]:
    layout = ctx.painter.layout
    return tile_plan(layout.width, layout.height, ctx.page, scale, overlap)


def tiled_pages(
    ctx: MapPageContext, scale: float, overlap: float, progress: Progress | None = None
) -> list[Flowable]:
    """A cover (title block, assembly guide, legend), then one page per tile."""
    tiles = tiles_for(ctx, scale, overlap)
    story: list[Flowable] = [NextPageTemplate("map"), PageDrawing(_cover(ctx, tiles), ctx.page)]
    story.append(NextPageTemplate("tile"))
    for i, tile in enumerate(tiles):
        story += [
            PageBreak(),
            PageDrawing(
                _tile_painter(ctx, tile, scale, overlap, i, len(tiles), progress), ctx.page
            ),
        ]
    return story


def _cover(ctx: MapPageContext, tiles: list[Tile]) -> Callable[[Canvas], None]:
    def paint(canv: Canvas) -> None:
        title, legend, items = _page_frame(ctx, MARGIN)
        draw_title_block(canv, ctx.journey, ctx.persona, ctx.photo, ctx.date, title)
        add_outline(canv, "map", ctx.journey.info.title or "Map", 0, fit="Fit")
        top = title.bottom + 14
        text = Text(canv)
        text.style(11, theme.INK, bold=True)
        text.at(
            MARGIN,
            top + 10,
            f"Poster in {len(tiles)} tiles "
            f"({tiles[-1].rows} rows \u00d7 {tiles[-1].columns} columns)",
        )
        text.style(8.5, theme.MUTED_INK)
        steps = (
            "Print every tile page at 100% (no \u201cfit to page\u201d). Trim each sheet on "
            "its crop marks, lay the sheets out by their labels (rows A, B, C\u2026 top to "
            "bottom; columns 1, 2, 3\u2026 left to right), overlap neighbours where the dotted "
            "ticks show, and tape them together."
        )
        lines, _ = wrap(steps, ctx.page[0] - 2 * MARGIN, 8.5, 3)
        for i, line in enumerate(lines):
            text.at(MARGIN, top + 26 + i * 11.5, line)
        text.draw()
        guide_top = top + 26 + len(lines) * 11.5 + 8
        guide = Rect(
            MARGIN + 24, guide_top, ctx.page[0] - 2 * MARGIN - 24, legend.y - 12 - guide_top
        )
        assembly_guide(canv, ctx.painter, tiles, guide)
        draw_legend(canv, items, legend)

    return paint


def _tile_painter(
    ctx: MapPageContext,
    tile: Tile,
    scale: float,
    overlap: float,
    index: int,
    total: int,
    progress: Progress | None,
) -> Callable[[Canvas], None]:
    def paint(canv: Canvas) -> None:
        area, source = tile.area, tile.source
        _define_map_form(canv, ctx)
        canv.saveState()
        path = canv.beginPath()
        path.rect(area.x, area.y, area.width, area.height)
        canv.clipPath(path, stroke=0, fill=0)
        canv.translate(area.x - source.x * scale, area.y - source.y * scale)
        canv.scale(scale, scale)
        canv.doForm(MAP_FORM)
        ctx.painter.draw_links(canv, source)
        canv.restoreState()
        crop_marks(canv, area)
        overlap_marks(canv, tile, overlap)
        tile_header(canv, tile, ctx.page[0])
        if tile.row == 0:
            _stage_outlines(canv, ctx, tile, scale, overlap)
        if progress is not None:
            progress(index + 1, total)

    return paint


MAP_FORM = "mapper-map"


def _define_map_form(canv: Canvas, ctx: MapPageContext) -> None:
    """Draw the whole map once, as a form XObject that every tile shows through its clip
    (instead of drawing every card and long flow again on each of hundreds of tiles)."""
    if canv.hasForm(MAP_FORM):
        return
    layout = ctx.painter.layout
    canv.beginForm(MAP_FORM, 0, 0, layout.width, layout.height)
    ctx.painter.draw(canv, links=False)
    canv.endForm()


def _stage_outlines(
    canv: Canvas, ctx: MapPageContext, tile: Tile, scale: float, overlap: float
) -> None:
    """Bookmarks for the stages whose header starts on this (top-row) tile."""
    step = (tile.area.width - overlap) / scale
    start = tile.source.x
    end = start + (step if tile.column + 1 < tile.columns else tile.source.width + 1)
    page_h = ctx.page[1]
    for i, box in enumerate(ctx.painter.layout.stages):
        if start <= box.header.x < end or (tile.column == 0 and box.header.x < start):
            x = tile.area.x + (box.header.x - tile.source.x) * scale
            add_outline(
                canv,
                f"stage-{i}",
                box.stage.name,
                1,
                fit="XYZ",
                left=max(0.0, x - TILE_MARGIN),
                top=page_h - tile.area.y + TILE_MARGIN,
                zoom=0,
            )
