"""The PDF as real readers see it: text, fonts, structure, metadata, outline, pixels."""

from __future__ import annotations

import subprocess

import pytest
from export_helpers import (
    one_line,
    page_count,
    pdffonts,
    pdftotext,
    qpdf_check,
    rich_map,
    tool,
)
from PIL import Image
from pypdf import PdfReader

from mapper import __version__
from mapper.export import PdfOptions, export_pdf, render_pdf


@pytest.fixture(scope="module")
def rich_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "rich.pdf"
    warnings = export_pdf(rich_map(), path, PdfOptions(invariant=True))
    return path, warnings


def test_every_card_title_is_real_text(rich_pdf):
    path, warnings = rich_pdf
    journey = rich_map()
    assert warnings == []
    map_page = one_line(pdftotext(path, 1, 1))
    for card in journey.cards():
        assert card.title in map_page
    for name in [s.name for s in journey.stages] + [lane.name for lane in journey.lanes]:
        assert name in map_page
    assert "Renew a phone contract" in map_page and "Maya" in map_page
    report = one_line(pdftotext(path, 2))
    for card in journey.cards():
        if card.kind.value == "touchpoint":
            assert card.title in report
    assert "Show all fees upfront" in report


def test_fonts_are_dejavu_and_embedded(rich_pdf):
    fonts = pdffonts(rich_pdf[0])
    assert {f["name"].split("+")[-1] for f in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts)


def test_qpdf_finds_no_problems(rich_pdf):
    qpdf_check(rich_pdf[0])


def test_metadata(rich_pdf):
    meta = PdfReader(rich_pdf[0]).metadata
    assert meta.title == "Renew a phone contract"
    assert meta.author == "QA"
    assert meta.creator == f"Mapper {__version__}"
    assert "persona: Maya" in meta.subject and "scenario: Renewal" in meta.subject


def _outline_titles(items, depth=0):
    for item in items:
        if isinstance(item, list):
            yield from _outline_titles(item, depth + 1)
        else:
            yield depth, item.title


def test_outline_has_stages_and_report_sections(rich_pdf):
    titles = list(_outline_titles(PdfReader(rich_pdf[0]).outline))
    assert titles[:4] == [
        (0, "Renew a phone contract"),
        (1, "Awareness"),
        (1, "Purchase"),
        (1, "Retention"),
    ]
    flat = [t for _, t in titles]
    assert (0, "Report") in titles
    for section in ("Personas", "Touchpoints by stage", "Pain points and opportunities"):
        assert (1, section) in titles
    assert flat.count("Awareness") == 2  # on the map and in the touchpoint tables
    assert (2, "Maya") in titles and (2, "Omar") in titles


def test_page_footer_numbers_every_page(rich_pdf):
    path = rich_pdf[0]
    total = page_count(path)
    for n in range(1, total + 1):
        text = one_line(pdftotext(path, n, n))
        assert f"Page {n} of {total}" in text
        assert "Renew a phone contract" in text
        assert "2000" not in text  # invariant mode prints no made-up date


def test_pdftoppm_renders_the_map_page(rich_pdf, tmp_path):
    subprocess.run(
        [
            tool("pdftoppm"),
            "-png",
            "-r",
            "30",
            "-f",
            "1",
            "-l",
            "1",
            str(rich_pdf[0]),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    assert image.size[0] == 351 and abs(image.size[1] - 248) <= 1  # A4 landscape, 30 dpi
    colours = image.getcolors(maxcolors=100_000)
    assert colours is not None and len(colours) > 50  # drawn, not blank
    inked = sum(count for count, (r, g, b) in colours if r + g + b < 600)
    assert inked > 2_000


def test_result_reports_pages_and_bytes():
    result = render_pdf(rich_map(), PdfOptions(report=False, fit=True))
    assert result.data.startswith(b"%PDF-") and result.data.rstrip().endswith(b"%%EOF")
    assert result.pages == 1
