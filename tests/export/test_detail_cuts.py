"""The detail pages of a big map: where a band of lanes is cut, the cut moves above the
cards and flow labels it would split, but never so far that the block outgrows its page
(its bottom, cards and all, would be off the paper and over the footer)."""

from __future__ import annotations

from factories import synthetic_map
from mapper.export.pages import MARGIN, page_size
from mapper.export.pdf.map_painter import MapPainter
from mapper.export.pdf.overview import READABLE
from mapper.export.pdf.readable import _Column, plan_blocks, smallest_text
from mapper.layout import compute_layout
from mapper.layout.geometry import Rect


def test_every_detail_block_of_a_big_map_fits_its_page():
    journey = synthetic_map(1000)  # flow labels bridge the gaps between some cards
    layout = compute_layout(journey)
    persona = journey.active_persona()
    painter = MapPainter(journey, layout, persona.id if persona else None)
    smallest, _ = smallest_text(painter)
    width, height = page_size("A4", True)
    inner_w, inner_h = width - 2 * MARGIN, height - 2 * MARGIN
    blocks, scale = plan_blocks(painter, READABLE / smallest, inner_w, inner_h)
    assert len(blocks) > 20
    for block in blocks:
        w, h = block.size(layout, scale)
        assert w <= inner_w + 0.5 and h <= inner_h + 0.5, (block.stages, block.lanes, w, h)


def test_a_cut_keeps_cards_whole_when_labels_bridge_every_gap():
    cards = [Rect(0, top, 100, 60) for top in (0, 70, 140, 210)]
    labels = [Rect(40, top, 30, 16) for top in (55, 125, 195)]  # over each gap
    column = _Column(0, 100, cards + labels, cards, limit=70)
    cut = column.cut(250)
    assert 250 - cut <= 70
    assert not any(c.y < cut < c.bottom for c in cards)  # no card split
    roomy = _Column(0, 100, cards + labels[:1], cards, limit=70)
    assert roomy.cut(250) == 207  # a free gap: above the card, splitting nothing
