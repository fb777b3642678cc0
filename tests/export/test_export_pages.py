"""Paper: page sizes, fit versus tile, report pages, tables across pages, determinism."""

from __future__ import annotations

import re

import pytest
from export_helpers import bench_make_map, one_line, page_count, pdftotext, qpdf_check, rich_map
from pypdf import PdfReader

from mapper.export import PdfOptions, export_pdf, render_pdf
from mapper.export.pages import PAGE_SIZES, TILE_MARGIN, page_size, row_name, tile_plan
from mapper.layout import compute_layout
from mapper.model import Card


@pytest.fixture(scope="module")
def big_map():
    return bench_make_map()(400, stages=6, lanes=5, personas=2, seed=3)


@pytest.mark.parametrize("name", list(PAGE_SIZES))
@pytest.mark.parametrize("landscape", [True, False])
def test_page_sizes_and_orientation(name, landscape):
    result = render_pdf(rich_map(), PdfOptions(page=name, landscape=landscape, report=False))
    box = PdfReader(__import__("io").BytesIO(result.data)).pages[0].mediabox
    width, height = PAGE_SIZES[name]
    expected = (height, width) if landscape else (width, height)
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01)


def test_fit_puts_the_map_on_one_page_and_the_report_after_it(tmp_path):
    journey = rich_map()
    without, with_report = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_pdf(journey, without, PdfOptions(report=False, fit=True))
    export_pdf(journey, with_report, PdfOptions(fit=True))
    assert page_count(without) == 1
    # map, summary, a page per persona, touchpoints, pain points and opportunities
    assert page_count(with_report) == 1 + 1 + 2 + 1 + 1


def test_small_text_warns_and_suggests_tiling(big_map):
    result = render_pdf(big_map, PdfOptions(report=False, fit=True))
    (warning,) = [w for w in result.warnings if "pt" in w]  # (a crowded label has its own)
    assert "below 6 pt" in warning and "--tile" in warning
    assert "the smallest text (emotion badges) prints at" in warning
    tiles = render_pdf(big_map, PdfOptions(report=False, tile=True)).pages - 1  # the cover
    assert f"over {tiles} pages" in warning
    assert render_pdf(rich_map(), PdfOptions(report=False)).warnings == []


def _size(journey):
    layout = compute_layout(journey)
    return layout.width, layout.height


def test_tiling_a_big_map(big_map, tmp_path):
    path = tmp_path / "poster.pdf"
    progress = []
    export_pdf(
        big_map,
        path,
        PdfOptions(tile=True, report=False),
        lambda done, total: progress.append(done),
    )
    qpdf_check(path)
    cover = one_line(pdftotext(path, 1, 1))
    found = re.search(r"Poster in (\d+) tiles \((\d+) rows \u00d7 (\d+) columns\)", cover)
    assert found, cover
    count, rows, columns = (int(n) for n in found.groups())
    assert count == rows * columns and count > 6 and rows > 1 and columns > 1
    assert page_count(path) == 1 + count  # the assembly guide, then the tiles
    assert progress == list(range(1, count + 1))
    pages = [one_line(pdftotext(path, n, n, raw=True)) for n in range(2, count + 2)]
    labels = [f"{row_name(r)}{c + 1}" for r in range(rows) for c in range(columns)]
    for label, text in zip(labels, pages, strict=True):
        assert f"Tile {label}" in text
    # A title cut by a tile's edge is whole in the page's content (pypdf reads it all),
    # though poppler only extracts what lies on the paper.
    reader = PdfReader(path)
    everything = one_line(" ".join(page.extract_text() for page in reader.pages[1:]))
    layout = compute_layout(big_map)
    for box in layout.cards.values():
        assert " ".join(box.title_lines) in everything


def test_neighbouring_tiles_overlap():
    tiles = tile_plan(3000, 2000, page_size("A4", True), 1.0, 18.0)
    first, right = tiles[0], tiles[1]
    assert right.column == 1 and right.source.x == pytest.approx(first.source.right - 18.0)
    assert first.area.x == TILE_MARGIN
    assert tile_plan(100, 100, page_size("A4", True), 1.0, 18.0)[0].label == "A1"


def test_touchpoint_table_repeats_its_header_across_pages(tmp_path):
    journey = rich_map()
    for i in range(60):
        journey.add(
            Card(
                f"x{i}",
                "s1",
                "l-tp",
                f"Touchpoint number {i}",
                channel="app",
                notes="A note that takes some room in its cell. " * 3,
            )
        )
    path = tmp_path / "long.pdf"
    export_pdf(journey, path, PdfOptions(fit=True))
    pages = [one_line(pdftotext(path, n, n)) for n in range(1, page_count(path) + 1)]
    with_rows = [p for p in pages[1:] if "Touchpoint number" in p]  # after the map page
    assert len(with_rows) >= 3
    headers = ("Channel", "Creator", "Owner", "Emotion", "Metrics", "Notes and evidence")
    assert all(all(h in p for h in headers) for p in with_rows)
    assert "Touchpoint number 59" in with_rows[-1]


def test_opportunities_quick_wins_first(tmp_path):
    path = tmp_path / "plan.pdf"
    journey = rich_map()
    from mapper.model import Card, CardKind

    def opportunity(card_id: str, title: str, **fields) -> Card:
        return Card(card_id, "s3", "opportunities", title, CardKind.OPPORTUNITY, **fields)

    journey.add(opportunity("o3", "Big rebuild", impact=5, effort=5, owner="IT"))
    journey.add(opportunity("o4", "Tiny copy fix", impact=4, effort=1, owner="Web"))
    export_pdf(journey, path, PdfOptions())
    text = one_line(pdftotext(path))
    plan = text[text.index("Opportunities by priority") :]
    order = [
        plan.index(t)
        for t in ("Tiny copy fix", "Show all fees upfront", "Big rebuild", "Callback slots")
    ]
    assert order == sorted(order)
    assert "Quick win" in plan and "no owner yet" in plan


def test_same_map_gives_identical_bytes_in_invariant_mode(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    options = PdfOptions(invariant=True)
    first = render_pdf(rich_map(), options).data
    second = render_pdf(rich_map(), options).data
    assert first == second
    tiled = PdfOptions(invariant=True, tile=True, tile_scale=2.0)
    assert render_pdf(rich_map(), tiled).data == render_pdf(rich_map(), tiled).data
    assert b"CreationDate" not in first and b"2000-01-01" not in first  # no made-up date


def test_options_are_checked():
    with pytest.raises(ValueError, match="unknown page size"):
        PdfOptions(page="B5")
    with pytest.raises(ValueError, match="tile scale"):
        PdfOptions(tile_scale=0)
