"""The map pages: the whole map fitted on one page, or a cover and poster tiles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from mapper.export.pages import MARGIN, TILE_MARGIN, Tile, fit_scale, tile_plan
from mapper.export.pdf.doc import PageDrawing, add_outline
from mapper.export.pdf.draw import Text
from mapper.export.pdf.legend import SIZE as LEGEND_SIZE
from mapper.export.pdf.legend import (
    Item,
    draw_legend,
    legend_height,
    legend_items,
    legend_size,
)
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.overview import NAME_SIZE, READABLE, draw_overview, plan_overview
from mapper.export.pdf.readable import GAP, Block, caption, draw_block, plan_blocks
from mapper.export.pdf.tiles import (
    Poster,
    assembly_guide,
    crop_marks,
    margin_headers,
    overlap_marks,
    tile_header,
)
from mapper.export.pdf.title_block import draw_title_block, title_block_height
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


def _legend_items(ctx: MapPageContext) -> list[Item]:
    return legend_items(ctx.journey, any(c.points for c in ctx.painter.layout.emotion_curves))


def _title_rect(ctx: MapPageContext, margin: float) -> Rect:
    inner = ctx.page[0] - 2 * margin
    height = title_block_height(ctx.journey, ctx.persona, inner)
    return Rect(margin, margin - 6, inner, height)


def map_area(ctx: MapPageContext, legend_size: float = LEGEND_SIZE) -> Rect:
    """Where the fitted map goes: under the title block, over the legend strip."""
    title = _title_rect(ctx, MARGIN)
    inner = ctx.page[0] - 2 * MARGIN
    legend_h = legend_height(_legend_items(ctx), inner, legend_size)
    top = title.bottom + 4
    return Rect(MARGIN, top, inner, ctx.page[1] - MARGIN - legend_h - 8 - top)


def fit_scale_for(ctx: MapPageContext) -> float:
    layout = ctx.painter.layout
    scale = fit_scale(layout.width, layout.height, map_area(ctx))
    size = legend_size(layout.style.title_size * scale)
    return fit_scale(layout.width, layout.height, map_area(ctx, size))


def fit_pages(ctx: MapPageContext) -> tuple[list[Flowable], float]:
    """One page with title block, the whole map and the legend; returns its scale too."""
    layout = ctx.painter.layout
    scale = fit_scale_for(ctx)
    size = legend_size(layout.style.title_size * scale)
    area = map_area(ctx, size)
    ox = area.x + (area.width - layout.width * scale) / 2
    oy = area.y

    def paint(canv: Canvas) -> None:
        draw_title_block(
            canv, ctx.journey, ctx.persona, ctx.photo, ctx.date, _title_rect(ctx, MARGIN)
        )
        canv.saveState()
        canv.translate(ox, oy)
        canv.scale(scale, scale)
        ctx.painter.draw(canv)
        canv.restoreState()
        items = _legend_items(ctx)
        legend_top = oy + layout.height * scale + 8
        legend = Rect(MARGIN, legend_top, area.width, legend_height(items, area.width, size))
        draw_legend(canv, items, legend, size)
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


def readable_pages(ctx: MapPageContext, smallest: float) -> tuple[list[Flowable], float]:
    """The overview page (title block, the whole map small, the legend), then detail
    blocks of consecutive stages at a readable scale, packed onto as few pages as fit.
    ``smallest`` is the map's smallest text in map pixels; returns the blocks' scale."""
    width, page_h = ctx.page
    inner = width - 2 * MARGIN
    layout = ctx.painter.layout
    title = _title_rect(ctx, MARGIN)
    items = _legend_items(ctx)
    size = legend_size(NAME_SIZE)
    legend_h = legend_height(items, inner, size)
    bottom = page_h - MARGIN
    top = title.bottom + 4
    overview = plan_overview(layout, MARGIN, top, inner, bottom - top - legend_h - 8)
    pic_w = layout.width * overview.scale
    overview = replace(overview, x=MARGIN + (inner - pic_w) / 2)
    legend = Rect(MARGIN, top + overview.height(layout) + 6, inner, legend_h)

    left = bottom - legend.bottom - GAP
    blocks, scale = plan_blocks(ctx.painter, READABLE / smallest, inner, bottom - MARGIN, left)
    banded = len({(b.y0, b.y1) for b in blocks}) > 1
    pages: list[list[tuple[Block, float]]] = [[]]
    y = legend.bottom + GAP
    for block in blocks:
        _, h = block.size(layout, scale)
        if y + h > bottom + 0.5:
            pages.append([])
            y = MARGIN
        pages[-1].append((block, y))
        y += h + GAP

    def first(canv: Canvas) -> None:
        draw_title_block(canv, ctx.journey, ctx.persona, ctx.photo, ctx.date, title)
        add_outline(canv, "map", ctx.journey.info.title or "Map", 0, fit="Fit")
        draw_overview(canv, ctx.painter, overview)
        draw_legend(canv, items, legend, size)
        _blocks(canv, pages[0])

    outlined: set[int] = set()

    def _blocks(canv: Canvas, placed: list[tuple[Block, float]]) -> None:
        for block, by in placed:
            draw_block(canv, ctx.painter, block, scale, MARGIN, by, caption(layout, block, banded))
            for i in range(block.stages[0], block.stages[1] + 1):
                if i not in outlined:
                    outlined.add(i)
                    name = layout.stages[i].stage.name
                    add_outline(canv, f"stage-{i}", name, 1, fit="XYZ", left=0,
                                top=page_h - by + 4, zoom=0)  # fmt: skip

    story: list[Flowable] = [NextPageTemplate("map"), PageDrawing(first, ctx.page)]
    for placed in pages[1:]:
        story += [PageBreak(), PageDrawing(partial(_blocks, placed=placed), ctx.page)]
    return story, scale


def poster_for(ctx: MapPageContext, scale: float) -> Poster:
    layout = ctx.painter.layout
    width = layout.width * scale
    title_h = title_block_height(ctx.journey, ctx.persona, width)
    legend_h = legend_height(_legend_items(ctx), width, LEGEND_SIZE)
    return Poster(scale, width, title_h, layout.height * scale, legend_h)


def tiles_for(ctx: MapPageContext, scale: float, overlap: float) -> list[Tile]:
    """Tiles over the whole poster; sources are in map pixels of poster space."""
    poster = poster_for(ctx, scale)
    return tile_plan(poster.width / scale, poster.height / scale, ctx.page, scale, overlap)


def tiled_pages(
    ctx: MapPageContext, scale: float, overlap: float, progress: Progress | None = None
) -> list[Flowable]:
    """A cover (title block, assembly guide, legend), then one page per tile."""
    tiles = tiles_for(ctx, scale, overlap)
    poster = poster_for(ctx, scale)
    story: list[Flowable] = [
        NextPageTemplate("map"),
        PageDrawing(_cover(ctx, tiles, poster), ctx.page),
    ]
    story.append(NextPageTemplate("tile"))
    outlined: set[int] = set()
    for i, tile in enumerate(tiles):
        paint = _tile_painter(ctx, poster, tile, overlap, i, len(tiles), progress, outlined)
        story += [PageBreak(), PageDrawing(paint, ctx.page)]
    return story


def _cover(ctx: MapPageContext, tiles: list[Tile], poster: Poster) -> Callable[[Canvas], None]:
    def paint(canv: Canvas) -> None:
        title = _title_rect(ctx, MARGIN)
        items = _legend_items(ctx)
        legend_h = legend_height(items, title.width, LEGEND_SIZE)
        legend = Rect(MARGIN, ctx.page[1] - MARGIN - legend_h, title.width, legend_h)
        draw_title_block(canv, ctx.journey, ctx.persona, ctx.photo, ctx.date, title)
        add_outline(canv, "map", ctx.journey.info.title or "Map", 0, fit="Fit")
        top = title.bottom + 8
        text = Text(canv)
        text.style(11, theme.INK, bold=True)
        count = len(tiles)
        rows, columns = tiles[-1].rows, tiles[-1].columns
        text.at(
            MARGIN,
            top + 10,
            f"Poster in {count} tile{'s' if count != 1 else ''} "
            f"({rows} row{'s' if rows != 1 else ''} \u00d7 "
            f"{columns} column{'s' if columns != 1 else ''})",
        )
        text.style(8.5, theme.MUTED_INK)
        steps = (
            "Print every tile page at 100% (no \u201cfit to page\u201d). Trim each sheet on "
            "its crop marks, lay the sheets out by their labels (rows A, B, C\u2026 top to "
            "bottom; columns 1, 2, 3\u2026 left to right), overlap neighbours where the dotted "
            "ticks show, and tape them together. The assembled poster carries the title "
            "and the legend."
        )
        lines, _ = wrap(steps, ctx.page[0] - 2 * MARGIN, 8.5)
        for i, line in enumerate(lines):
            text.at(MARGIN, top + 26 + i * 11.5, line)
        text.draw()
        guide_top = top + 26 + len(lines) * 11.5 + 8
        guide = Rect(
            MARGIN + 24, guide_top, ctx.page[0] - 2 * MARGIN - 48, legend.y - 12 - guide_top
        )
        assembly_guide(canv, ctx.painter, tiles, poster, guide)
        draw_legend(canv, items, legend, LEGEND_SIZE)

    return paint


def _tile_painter(
    ctx: MapPageContext,
    poster: Poster,
    tile: Tile,
    overlap: float,
    index: int,
    total: int,
    progress: Progress | None,
    outlined: set[int],
) -> Callable[[Canvas], None]:
    def paint(canv: Canvas) -> None:
        area, source, scale = tile.area, tile.source, poster.scale
        seen = Rect(source.x * scale, source.y * scale, area.width, area.height)  # points
        _define_map_form(canv, ctx)
        canv.saveState()
        path = canv.beginPath()
        path.rect(area.x, area.y, area.width, area.height)
        canv.clipPath(path, stroke=0, fill=0)
        canv.translate(area.x - seen.x, area.y - seen.y)
        if seen.y < poster.title_h:
            title = Rect(0, 0, poster.width, poster.title_h)
            draw_title_block(canv, ctx.journey, ctx.persona, ctx.photo, ctx.date, title)
        if seen.bottom > poster.legend_top:
            items = _legend_items(ctx)
            legend = Rect(0, poster.legend_top, poster.width, poster.legend_h)
            draw_legend(canv, items, legend, LEGEND_SIZE)
        canv.translate(0, poster.map_top)
        canv.scale(scale, scale)
        if seen.y < poster.map_top + poster.map_h and seen.bottom > poster.map_top:
            canv.doForm(MAP_FORM)
            view = Rect(source.x, source.y - poster.map_top / scale, source.width, source.height)
            ctx.painter.draw_links(canv, view)
        canv.restoreState()
        crop_marks(canv, area)
        overlap_marks(canv, tile, overlap)
        tile_header(canv, tile, ctx.page[0])
        margin_headers(canv, ctx.painter.layout, tile, poster.scale, poster.map_top)
        if seen.y <= poster.map_top < seen.bottom:
            _stage_outlines(canv, ctx, tile, scale, overlap, outlined)
        if progress is not None:
            progress(index + 1, total)

    return paint


MAP_FORM = "mapper-map"


def _define_map_form(canv: Canvas, ctx: MapPageContext) -> None:
    """Draw the whole map once, as a form XObject that every tile shows through its clip
    (instead of drawing every card and long flow again on each of hundreds of tiles).
    What lies under the cards is the drawing the cover's assembly guide already made."""
    if canv.hasForm(MAP_FORM):
        return
    layout = ctx.painter.layout
    canv.beginForm(MAP_FORM, 0, 0, layout.width, layout.height)
    ctx.painter.draw(canv, links=False, shared=True)
    canv.endForm()


def _stage_outlines(
    canv: Canvas, ctx: MapPageContext, tile: Tile, scale: float, overlap: float, done: set[int]
) -> None:
    """Bookmarks for the stages whose header starts on this tile (the first to show it)."""
    step = (tile.area.width - overlap) / scale
    start = tile.source.x
    end = start + (step if tile.column + 1 < tile.columns else tile.source.width + 1)
    page_h = ctx.page[1]
    for i, box in enumerate(ctx.painter.layout.stages):
        if i in done:
            continue
        if start <= box.header.x < end or (tile.column == 0 and box.header.x < start):
            done.add(i)
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
