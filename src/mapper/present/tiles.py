"""The closing slides as tiles: one per pain point or opportunity, in ranked order, in a
grid with as few columns as fit, over several pages if need be. Pure Python."""

from __future__ import annotations

from dataclasses import dataclass

from mapper.layout.geometry import Rect
from mapper.layout.text import line_height, wrap
from mapper.model import JourneyMap, Quadrant
from mapper.model.entities import Card
from mapper.model.opportunities import addressed
from mapper.model.votes import votes_on, votes_words
from mapper.present.insights import PainPoint
from mapper.present.labels import score_label

TITLE, META = 24.0, 18.0
PADDING, GAP, BADGE = 18.0, 18.0, 112.0
MAX_COLUMNS = 3


@dataclass(frozen=True)
class Tile:
    title: str
    lines: tuple[str, ...]  # muted lines below the title
    badge: str  # "−3", "Quick win", ...
    tone: str  # "pain", "love", "neutral", "win": the badge's colour
    target: Card  # what a click shows in detail
    star: bool = False


@dataclass(frozen=True)
class PlacedTile:
    tile: Tile
    rect: Rect
    title_lines: tuple[str, ...]
    lines: tuple[str, ...]


# a row of tiles with their wrapped title and lines, and the row's height
Row = tuple[list[tuple[Tile, tuple[str, ...], tuple[str, ...]]], float]


def pain_tiles(journey: JourneyMap, points: list[PainPoint]) -> list[Tile]:
    tiles = []
    for point in points:
        card = point.card
        lane = journey.lanes.get(card.lane_id).name if card.lane_id in journey.lanes else ""
        fixes = point.opportunity_count
        status = (
            f"{fixes} {'opportunity' if fixes == 1 else 'opportunities'}"
            if fixes
            else ("no opportunity yet")
        )
        badge = score_label(point.score) if point.score is not None else "Pain"
        voted = f"{votes_words(point.votes)} · " if point.votes else ""
        tiles.append(
            Tile(
                card.title,
                (f"{voted}{point.stage_name} · {lane} · {status}", _capital(point.whose)),
                badge,
                "pain",
                card,
                card.moment_of_truth,
            )
        )
    return tiles


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def opportunity_tiles(
    journey: JourneyMap, opportunities: list[Card], day: str | None = None
) -> list[Tile]:
    """``day``: the workshop whose votes each tile shows."""
    tiles = []
    for opp in opportunities:
        where = journey.stages.get(opp.stage_id).name
        count = votes_on(opp, day)
        voted = votes_words(count) if count else ""
        first = " · ".join(
            t
            for t in (voted, f"Impact {opp.impact}/5", f"Effort {opp.effort}/5", opp.owner, where)
            if t
        )
        fixes = [card.title for card in addressed(journey, opp) if not card.sensitive]
        lines = (first, "Fixes: " + ", ".join(fixes)) if fixes else (first,)
        tiles.append(Tile(opp.title, lines, *_quadrant(opp), opp))
    return tiles


TONES = {Quadrant.QUICK_WIN: "win", Quadrant.MAJOR_PROJECT: "major"}


def _quadrant(opp: Card) -> tuple[str, str]:
    """The impact / effort matrix's name for it, and the badge's tone."""
    return opp.quadrant.value, TONES.get(opp.quadrant, "neutral")


def paginate(tiles: list[Tile], area: Rect, unit: float) -> list[list[PlacedTile]]:
    """Tiles in reading order, row by row, in the fewest columns (up to three) that hold
    them all on one page; a longer list goes on several pages. ``unit`` is screen pixels
    per design pixel (screen height times text scale)."""
    if not tiles:
        return [[]]
    gap = GAP * unit
    for columns in range(1, MAX_COLUMNS + 1):
        rows = _rows(tiles, area.width, unit, columns)
        if sum(h for _, h in rows) + gap * (len(rows) - 1) <= area.height:
            return [_place(rows, area, unit, columns)]
    pages: list[list[Row]] = [[]]
    used = 0.0
    for row in rows:
        need = row[1] + (gap if pages[-1] else 0.0)
        if pages[-1] and used + need > area.height:
            pages.append([])
            used, need = 0.0, row[1]
        pages[-1].append(row)
        used += need
    return [_place(page, area, unit, MAX_COLUMNS) for page in pages]


def _rows(tiles: list[Tile], width: float, unit: float, columns: int) -> list[Row]:
    """Tiles wrapped to the column width, grouped in rows with each row's height."""
    gap, pad = GAP * unit, PADDING * unit
    tile_width = (width - gap * (columns - 1)) / columns
    text_room = tile_width - 2 * pad - BADGE * unit
    title_size, meta_size = TITLE * unit, META * unit
    rows = []
    for start in range(0, len(tiles), columns):
        row = []
        for tile in tiles[start : start + columns]:
            title = wrap(tile.title, text_room, title_size, 2, bold=True)[0]
            lines = tuple(wrap(line, text_room, meta_size, 1)[0][0] for line in tile.lines)
            row.append((tile, title, lines))
        height = max(
            2 * pad + len(t) * line_height(title_size) + 6 * unit + len(m) * line_height(meta_size)
            for _, t, m in row
        )
        rows.append((row, height))
    return rows


def _place(rows: list[Row], area: Rect, unit: float, columns: int) -> list[PlacedTile]:
    gap = GAP * unit
    tile_width = (area.width - gap * (columns - 1)) / columns
    placed = []
    y = area.y
    for row, height in rows:
        for i, (tile, title, lines) in enumerate(row):
            rect = Rect(area.x + i * (tile_width + gap), y, tile_width, height)
            placed.append(PlacedTile(tile, rect, title, lines))
        y += height + gap
    return placed
