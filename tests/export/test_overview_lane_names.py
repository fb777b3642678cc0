"""The default PDF's overview names every lane: a name with a word wider than the header
column ("Touchpoints" on an A4 page) is turned along its row, or broken at a hyphen, where
it was left out."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from mapper.export import PdfOptions, render_pdf
from mapper.export.pdf.overview import NAME_SIZE, hyphenated
from mapper.fileformat.io import load_journey
from mapper.layout.text import text_width

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "coffee-chain.journey"


def test_the_overview_of_the_default_pdf_names_every_lane(tmp_path):
    journey = load_journey(EXAMPLE)
    data = render_pdf(journey, PdfOptions(invariant=True)).data  # A4, as `export` makes
    path = tmp_path / "map.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        upright = page.extract_text() or ""
        turned = "".join(c["text"] for c in page.chars if not c["upright"])
    words = " ".join(upright.split()).replace("- ", "")  # a hyphen's break joined again
    for lane in journey.lanes:
        name = lane.name
        assert name in words or name[::-1] in turned or name in turned, name


def test_a_long_word_breaks_at_a_hyphen_with_three_letters_each_side():
    width = text_width("Opportuni-", NAME_SIZE, True)
    assert hyphenated("Opportunities", width, NAME_SIZE) == ("Opportuni-", "ties")
    assert hyphenated("Pain points", 100, NAME_SIZE) == ("Pain points",)
    narrow = text_width("Abc-", NAME_SIZE, True)
    assert hyphenated("Abcdefghijklmnop", narrow, NAME_SIZE) == ()  # past three lines
    assert all(
        text_width(line, NAME_SIZE, True) <= width
        for line in hyphenated("Customer opportunities today", width, NAME_SIZE)
    )
