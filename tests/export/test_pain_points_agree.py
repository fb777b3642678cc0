"""Present mode's pain-point slide and the PDF list the same pain points, in the same
order, each with the same persona scores that make it one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_helpers import ROOT, run, tool

from mapper.export import PdfOptions, export_pdf
from mapper.fileformat.io import load_journey
from mapper.model import Entity, JourneyMap
from mapper.present.deck import Deck
from mapper.present.tiles import pain_tiles

SCORED = re.compile(r" \u2212\d$")


def _pain_table(path: Path) -> list[tuple[str, str]]:
    """(title, "Pain for" cell as "Zoë −3, Margot −2") of each row of "Pain points by
    severity", read from the PDF's text laid out as printed."""
    text = run(tool("pdftotext"), "-layout", "-enc", "UTF-8", path, "-")
    lines = text.split("\n")
    start = next(
        i for i, line in enumerate(lines) if line.strip("\f ") == "Pain points by severity"
    )
    rows: list[tuple[str, list[str]]] = []
    columns = None
    for line in lines[start:]:
        if "Pain point" in line and "Pain for" in line and "Addressed by" in line:
            columns = (line.index("Stage"), line.index("Pain for"), line.index("Owner"))
            continue
        if columns is None or not line.strip() or "\f" in line:
            if "\f" in line:
                columns = None  # a new page: wait for the table's repeated header
            continue
        stage, whose, owner = columns
        title, cell = line[:stage].strip(), line[whose:owner].strip()
        if line[stage:whose].strip():  # a row starts where its stage is printed
            rows.append((title, [cell] if cell else []))
        elif cell and rows:
            rows[-1][1].append(cell)
    # one persona a line ("Zoë −3"); other words wrap within the cell
    return [
        (title, (", " if all(SCORED.search(c) for c in cells) else " ").join(cells))
        for title, cells in rows
    ]


def _summary_lines(path: Path) -> str:
    text = run(tool("pdftotext"), "-enc", "UTF-8", path, "-")
    return " ".join(text.split())


@pytest.mark.parametrize("hide", [None, "persona-margot"])
def test_present_mode_and_the_pdf_list_the_same_pain_points(tmp_path, hide):
    journey: JourneyMap = load_journey(ROOT / "examples" / "coffee-chain.journey")
    if hide:
        journey.update(Entity.PERSONA, hide, hidden=True)
    deck = Deck.of(journey)
    points = deck.pain_points
    assert points, "the example has pain points"
    path = tmp_path / "map.pdf"
    export_pdf(journey, path, PdfOptions())

    slide = [(p.card.title, p.whose) for p in points]
    table = _pain_table(path)
    assert table == slide
    assert ("Stamp card 'retiring' causes worry", "marked as a pain point") in slide
    assert any(", " in whose for _, whose in slide) == (hide is None)
    if hide:
        assert not any("Margot" in whose for _, whose in slide)

    summary = _summary_lines(path)
    for point in points[:6]:
        star = " \u2605" if point.card.moment_of_truth else ""
        line = f"{point.card.title}{star} \u00b7 {point.stage_name} \u2014 {point.whose}"
        assert line in summary, line
    tiles = pain_tiles(journey, points)
    assert [t.lines[1] for t in tiles] == [p.whose[:1].upper() + p.whose[1:] for p in points]
