"""The presentation layout and the camera's framing (no Qt)."""

from __future__ import annotations

from itertools import combinations

from factories import sample_map
from mapper.model import Presentation
from mapper.present.camera import blend, overview_shot, stage_shot
from mapper.present.chrome import insets
from mapper.present.content import lead_persona, shown
from mapper.present.room_layout import PresentStyle, present_layout

SCREEN = (1920.0, 1080.0)


def lay_out(journey, scale=1.0):
    content = shown(journey)
    lead = lead_persona(journey, content)
    return present_layout(journey, content, lead.id if lead else None, PresentStyle(scale))


def test_lanes_left_out_are_not_laid_out():
    journey = sample_map()
    journey.update_info(presentation=Presentation(hidden_lane_ids=("l-pain",)))
    layout = lay_out(journey)
    assert [row.lane.id for row in layout.lanes] == ["l-act", "l-tp", "opportunities"]
    assert "p1" not in layout.cards and "t2" in layout.cards


def test_cards_sit_inside_their_cells_without_overlapping(coffee):
    layout = lay_out(coffee)
    rows = {row.lane.id: row.row for row in layout.lanes}
    columns = {c.stage.id: c.column for c in layout.stages}
    for slot in layout.cards.values():
        row, column, r = rows[slot.card.lane_id], columns[slot.card.stage_id], slot.rect
        assert column.x < r.x and r.right < column.right
        assert row.y < r.y and r.bottom < row.bottom
    for a, b in combinations(layout.cards.values(), 2):
        ra, rb = a.rect, b.rect
        assert ra.right <= rb.x or rb.right <= ra.x or ra.bottom <= rb.y or rb.bottom <= ra.y


def test_a_whole_stage_fits_a_1080_screen_at_a_size_the_back_row_can_read(coffee):
    layout = lay_out(coffee)
    space = insets(SCREEN[1], 1.0)
    for column in layout.stages:
        shot = stage_shot(layout, column.index, SCREEN, space)
        assert layout.style.title_size * shot.zoom >= 18  # pixels on screen
        assert layout.height * shot.zoom <= SCREEN[1] - space.band
        assert column.column.width * shot.zoom <= SCREEN[0] - space.strip
        assert shot.lit == column.column and shot.veil == 1.0


def test_the_first_and_last_stages_sit_at_the_maps_edge_without_empty_space_beside(coffee):
    layout = lay_out(coffee)
    for screen in (SCREEN, (1600.0, 1000.0), (1024.0, 768.0)):
        space = insets(screen[1], 1.0)
        left, right = space.strip, screen[0] - space.margin  # the area a stage is shown in

        def on_screen(x, shot, screen=screen):
            return screen[0] / 2 + (x - shot.center[0]) * shot.zoom

        for column in layout.stages:
            shot = stage_shot(layout, column.index, screen, space)
            assert layout.width * shot.zoom > right - left  # the map is wider than the room
            # no empty space beside the map: its edges are at or beyond the area's
            assert on_screen(0.0, shot, screen) <= left + 1e-6
            assert on_screen(layout.width, shot, screen) >= right - 1e-6
            # and the stage itself is whole on screen
            box = column.column
            assert on_screen(box.x, shot, screen) >= left - 1e-6
            assert on_screen(box.right, shot, screen) <= right + 1e-6
        middle = layout.stages[len(layout.stages) // 2].column
        shot = stage_shot(layout, len(layout.stages) // 2, screen, space)
        centre = on_screen(middle.x + middle.width / 2, shot)
        assert abs(centre - (left + right) / 2) < 1e-6  # a middle stage stays centred


def test_bigger_text_grows_on_screen_instead_of_shrinking_the_zoom(coffee):
    normal, big = lay_out(coffee), lay_out(coffee, 1.5)
    assert big.height > normal.height
    space = insets(SCREEN[1], 1.5)
    before = stage_shot(normal, 2, SCREEN, space, normal.height)
    after = stage_shot(big, 2, SCREEN, space, normal.height)
    assert after.zoom == before.zoom
    # taller than the screen now: the top is shown first, Down scrolls
    scrolled = stage_shot(big, 2, SCREEN, space, normal.height, pan=1)
    assert scrolled.center[1] > after.center[1]


def test_the_overview_shows_the_whole_map_unveiled(coffee):
    layout = lay_out(coffee)
    space = insets(SCREEN[1], 1.0)
    shot = overview_shot(layout, SCREEN, space)
    assert shot.veil == 0
    assert layout.width * shot.zoom <= SCREEN[0] - space.strip
    assert layout.height * shot.zoom + space.title + space.band <= SCREEN[1]


def test_a_glide_starts_and_ends_on_its_shots(coffee):
    layout = lay_out(coffee)
    space = insets(SCREEN[1], 1.0)
    a, b = overview_shot(layout, SCREEN, space), stage_shot(layout, 3, SCREEN, space)
    assert blend(a, b, 0.0) == a
    end = blend(a, b, 1.0)
    assert abs(end.zoom - b.zoom) < 1e-9 and end.lit == b.lit
    middle = blend(a, b, 0.5)
    assert min(a.zoom, b.zoom) < middle.zoom < max(a.zoom, b.zoom)
