"""The default PDF reads without a magnifier: measured on the output with pdfplumber."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from export_helpers import bench_make_map, one_line, run, tool
from PIL import Image

from mapper.export import PdfOptions, render_pdf
from mapper.export.pages import TILE_MARGIN, page_size, tile_plan
from mapper.fileformat.io import load_journey

ROOT = Path(__file__).resolve().parents[2]
MAPS = sorted(ROOT.glob("examples/*.journey")) + sorted(ROOT.glob("resources/templates/*.journey"))
IDS = [p.stem for p in MAPS]
READABLE = 6.0


@pytest.fixture(scope="module")
def big_map():
    return bench_make_map()(300, stages=7, lanes=5, personas=2, seed=5)


def _pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def _size(char: dict) -> float:
    """The font size of a character; pdfminer gives a turned character's advance."""
    return char["size"] if char["upright"] else char["x1"] - char["x0"]


def _smallest(data: bytes) -> tuple[float, str, int]:
    found = (99.0, "", 0)
    with _pdf(data) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            for char in page.chars:
                if char["text"].strip() and _size(char) < found[0]:
                    found = (_size(char), char["text"], n)
    return found


def _overlaps(page) -> list[tuple[str, str]]:
    """Pairs of characters printed over each other (boxes shrunk to the glyphs' cores)."""
    boxes = []
    for c in page.chars:
        if not c["text"].strip() or not c["upright"]:
            continue
        h = c["bottom"] - c["top"]
        boxes.append((c["x0"] + 0.6, c["top"] + h * 0.25, c["x1"] - 0.6, c["bottom"] - h * 0.25,
                      c["text"]))  # fmt: skip
    cells: dict[tuple[int, int], list[int]] = {}
    for i, b in enumerate(boxes):
        for gx in range(int(b[0] // 20), int(b[2] // 20) + 1):
            for gy in range(int(b[1] // 20), int(b[3] // 20) + 1):
                cells.setdefault((gx, gy), []).append(i)
    pairs = set()
    for members in cells.values():
        for k, i in enumerate(members):
            a = boxes[i]
            for j in members[k + 1 :]:
                b = boxes[j]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    pairs.add((min(i, j), max(i, j)))
    return [(boxes[i][4], boxes[j][4]) for i, j in sorted(pairs)]


@pytest.mark.parametrize("path", MAPS, ids=IDS)
def test_default_export_prints_nothing_below_6pt(path):
    result = render_pdf(load_journey(path), PdfOptions(invariant=True))
    size, char, page = _smallest(result.data)
    assert size >= READABLE - 0.05, f"{char!r} at {size:.2f} pt on page {page}"
    assert result.warnings == []


def test_a_big_map_prints_nothing_below_6pt(big_map):
    result = render_pdf(big_map, PdfOptions(invariant=True, report=False))
    size, char, page = _smallest(result.data)
    assert size >= READABLE - 0.05, f"{char!r} at {size:.2f} pt on page {page}"
    assert result.pages > 3  # an overview, then detail pages


@pytest.mark.parametrize("portrait", [False, True])
@pytest.mark.parametrize("path", MAPS, ids=IDS)
def test_no_words_are_printed_over_other_words_on_map_pages(path, portrait):
    options = PdfOptions(invariant=True, report=False, landscape=not portrait)
    with _pdf(render_pdf(load_journey(path), options).data) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            clashes = _overlaps(page)
            assert not clashes, f"page {n}: {clashes[:10]}"


def test_no_words_are_printed_over_other_words_on_a_big_map(big_map):
    with _pdf(render_pdf(big_map, PdfOptions(invariant=True, report=False)).data) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            clashes = _overlaps(page)
            assert not clashes, f"page {n}: {clashes[:10]}"


def _stage_names(page) -> str:
    """The page's text, and its turned lines (read bottom to top) column by column."""
    turned: dict[float, list[dict]] = {}
    for c in page.chars:
        if not c["upright"]:
            turned.setdefault(round(c["x0"]), []).append(c)
    columns = [
        "".join(c["text"] for c in sorted(cs, key=lambda c: -c["top"])) for cs in turned.values()
    ]
    return one_line(page.extract_text()) + " | " + " | ".join(columns)


def _pages_text(data: bytes) -> list[str]:
    with _pdf(data) as pdf:
        return [one_line(page.extract_text() or "") for page in pdf.pages]


def test_detail_pages_show_consecutive_stages_with_their_headers():
    journey = load_journey(ROOT / "examples" / "coffee-chain.journey")
    stages = [s.name for s in journey.stages]
    lanes = [lane.name for lane in journey.lanes if not lane.hidden]
    pages = _pages_text(render_pdf(journey, PdfOptions(invariant=True, report=False)).data)
    assert len(pages) > 2
    overview, details = pages[0], pages[1:]
    assert all(name in overview for name in stages)  # readable stage names on the overview
    with _pdf(render_pdf(bench_make_map()(800), PdfOptions(report=False)).data) as pdf:
        tall = _stage_names(pdf.pages[0])  # a narrow overview turns its stage names
        assert all(stage.name in tall for stage in bench_make_map()(800).stages)
    seen = set()
    for text in details:
        found = re.search(r"Stages? (\d+)(?:\u2013(\d+))? of (\d+)", text)
        assert found, text[:200]
        first, last = int(found[1]), int(found[2] or found[1])
        for i in range(first - 1, last):
            assert stages[i] in text  # the stage headers of the block
            seen.add(i)
        assert any(lane in text for lane in lanes)  # and its lane headers
    assert seen == set(range(len(stages)))


def test_card_text_on_the_overview_is_drawn_as_bars_not_as_tiny_text():
    journey = load_journey(ROOT / "examples" / "coffee-chain.journey")
    data = render_pdf(journey, PdfOptions(invariant=True, report=False)).data
    overview = _pages_text(data)[0]
    card = next(c for c in journey.cards() if c.kind.value == "touchpoint")
    assert card.title not in overview
    later = " ".join(_pages_text(data)[1:])
    assert all(c.title.split()[0] in later for c in journey.cards())


def test_a_map_that_stays_readable_fits_on_one_page():
    journey = load_journey(ROOT / "resources" / "templates" / "blank.journey")
    result = render_pdf(journey, PdfOptions(invariant=True, report=False))
    assert result.pages == 1 and result.warnings == []


def test_fit_forces_one_page_and_names_the_smallest_text():
    journey = load_journey(ROOT / "examples" / "coffee-chain.journey")
    result = render_pdf(journey, PdfOptions(invariant=True, report=False, fit=True))
    assert result.pages == 1
    (warning,) = result.warnings
    found = re.search(r"the smallest text \((emotion badges)\) prints at ([\d.]+) pt", warning)
    assert found, warning
    size, _, _ = _smallest(result.data)
    assert float(found[2]) == pytest.approx(size, abs=0.06)


@pytest.mark.parametrize("portrait", [False, True])
@pytest.mark.parametrize("path", MAPS[:2], ids=IDS[:2])
def test_title_block_fields_wrap_instead_of_being_cut(path, portrait):
    journey = load_journey(path)
    options = PdfOptions(invariant=True, report=False, landscape=not portrait)
    data = render_pdf(journey, options).data
    with _pdf(data) as pdf:
        page = pdf.pages[0]
        rule = min(line["top"] for line in page.lines if line["x1"] - line["x0"] > 300)
        block = page.crop((0, 0, page.width, rule))
        text = one_line(block.extract_text())
        assert "\u2026" not in text
        words = set(text.split())  # the columns sit side by side: compare word by word
        info = journey.info
        for field in (info.title, info.scenario.title, info.scenario.goal, info.author,
                      info.version):  # fmt: skip
            assert set(one_line(field).split()) <= words, field


@pytest.mark.parametrize("path", MAPS[:2], ids=IDS[:2])
def test_portrait_leaves_no_third_of_the_first_page_blank(path):
    options = PdfOptions(invariant=True, report=False, landscape=False)
    with _pdf(render_pdf(load_journey(path), options).data) as pdf:
        page = pdf.pages[0]
        drawn = [o["bottom"] for o in page.chars + page.rects + page.curves + page.lines]
        footer = page.height - 30
        assert max(b for b in drawn if b < footer) > page.height * 2 / 3


def test_legend_is_no_larger_than_the_maps_text():
    journey = load_journey(ROOT / "examples" / "phone-contract-renewal.journey")
    with _pdf(render_pdf(journey, PdfOptions(invariant=True, report=False)).data) as pdf:
        page = pdf.pages[0]
        legend = [c for c in page.chars if c["text"] == "L" and "Loop back" in page.extract_text()]
        words = page.extract_words(extra_attrs=["size"])
        loop = next(w for w in words if w["text"] == "Loop")
        names = [w["size"] for w in words if w["text"] in {s.name for s in journey.stages}]
        assert legend and names and loop["size"] <= max(names) + 0.01


# ------------------------------------------------------------------------- posters
def test_one_tile_is_one_tile_not_tiles():
    journey = load_journey(ROOT / "resources" / "templates" / "blank.journey")
    data = render_pdf(journey, PdfOptions(tile=True, tile_scale=0.3, report=False)).data
    cover = _pages_text(data)[0]
    assert "Poster in 1 tile (1 row \u00d7 1 column)" in cover


def test_tiles_share_the_content_so_none_is_mostly_empty():
    page = page_size("A4", True)
    room = (page[0] - 2 * TILE_MARGIN, page[1] - 2 * TILE_MARGIN)
    for width, height in ((1000, 700), (1900, 1300), (3100, 800), (2480, 8888)):
        tiles = tile_plan(width, height, page, 0.75, 18.0)
        last = tiles[-1]
        shown_w = width * 0.75 - last.source.x * 0.75
        shown_h = height * 0.75 - last.source.y * 0.75
        assert shown_w >= 0.5 * last.area.width and shown_h >= 0.5 * last.area.height
        assert last.area.width <= room[0] + 0.01 and last.area.height <= room[1] + 0.01


def test_the_poster_cover_is_a_miniature_with_stage_names():
    journey = load_journey(ROOT / "examples" / "coffee-chain.journey")
    data = render_pdf(journey, PdfOptions(tile=True, report=False, invariant=True)).data
    with _pdf(data) as pdf:
        cover = pdf.pages[0]
        names = _stage_names(cover)
        assert all(set(stage.name.split()) <= set(names.split()) for stage in journey.stages)
        assert len(cover.curves) > 20  # flows and emotion curves, not grey blocks only


def test_poster_tiles_carry_headers_title_and_legend(big_map):
    data = render_pdf(big_map, PdfOptions(tile=True, report=False, invariant=True)).data
    stages = {s.name for s in big_map.stages}
    lanes = {lane.name for lane in big_map.lanes}
    with _pdf(data) as pdf:
        tiles = pdf.pages[1:]
        big_title = False
        for page in tiles:
            top = page.crop((0, 0, page.width, TILE_MARGIN)).extract_text()
            assert any(name in one_line(top) for name in stages), top
            left = [c for c in page.chars if not c["upright"] and c["x1"] < TILE_MARGIN]
            upward = "".join(c["text"] for c in sorted(left, key=lambda c: -c["top"]))
            sizes = [c["size"] for c in page.chars if c["upright"]]
            big_title = big_title or max(sizes) >= 12
            if upward:
                assert any(name.replace(" ", "") in upward.replace(" ", "") for name in lanes)
        assert big_title  # the title block is on the poster itself
        everything = " ".join(one_line(p.extract_text()) for p in tiles)
        assert "Loop back" in everything and "Moment of truth" in everything  # the legend


def test_crop_marks_never_touch_text(big_map, tmp_path):
    """Rendered by poppler: around each crop mark there is nothing but the mark."""
    path = tmp_path / "poster.pdf"
    path.write_bytes(render_pdf(big_map, PdfOptions(tile=True, report=False)).data)
    dpi = 216
    k = dpi / 72
    with _pdf(path.read_bytes()) as pdf:
        pages = [(n, [ln for ln in p.lines if abs(ln["linewidth"] - 0.4) < 0.01])
                 for n, p in enumerate(pdf.pages[1:5], 2)]  # fmt: skip
    for n, marks in pages:
        marks = [m for m in marks if abs(max(m["x1"] - m["x0"], m["bottom"] - m["top"]) - 10) < 0.5]
        assert len(marks) >= 8, n
        png = tmp_path / f"tile-{n}"
        run(tool("pdftoppm"), "-png", "-r", str(dpi), "-f", str(n), "-l", str(n), "-gray",
            path, png)  # fmt: skip
        image = Image.open(next(tmp_path.glob(f"tile-{n}*.png"))).convert("L")
        pixels = image.load()
        for m in marks:
            x0, x1, top, bottom = m["x0"] - 3, m["x1"] + 3, m["top"] - 3, m["bottom"] + 3
            for py in range(int(top * k), int(bottom * k)):
                for px in range(int(x0 * k), int(x1 * k)):
                    on_mark = m["x0"] - 1.2 <= px / k <= m["x1"] + 1.2 and (
                        m["top"] - 1.2 <= py / k <= m["bottom"] + 1.2
                    )
                    if not on_mark:
                        assert pixels[px, py] > 200, f"page {n}: ink beside a crop mark {m}"


def test_a_poster_of_a_very_tall_map_keeps_its_cover_small_and_quick(tmp_path):
    """The cover's miniature of a map 40 times taller than wide has no room for lane
    names: it leaves them out (wrapping them into a negative width never ended)."""
    journey = bench_make_map()(400, stages=2, lanes=3, personas=1, seed=1)
    data = render_pdf(journey, PdfOptions(tile=True, tile_scale=2, report=False)).data
    with _pdf(data) as pdf:
        assert "Poster in" in pdf.pages[0].extract_text()


def test_a_label_with_no_free_spot_is_left_out_and_said():
    # crowded enough that some labels find no spot: 375 cards a stage, where the flows
    # between lanes of one stage run around the cards in between, all in the narrow gap
    # right of the column (30 of 277 labels here; 5 of 192 at 1,000 cards over 8 stages)
    journey = bench_make_map()(1500, stages=4)
    result = render_pdf(journey, PdfOptions(report=False, invariant=True))
    warning = next(w for w in result.warnings if "flow label" in w)
    count = int(warning.split()[0])
    labelled = sum(1 for f in journey.flows() if f.label.strip())
    assert 0 < count <= 0.15 * labelled and "left out of the map" in warning
