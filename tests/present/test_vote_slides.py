"""The slides export draws a voting step as the room saw it, with its tallies, but not the
facilitator's pick: a framed item 1 on a handout reads as if it had won."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pdfplumber

from mapper.edits.votes import set_votes
from mapper.fileformat import load_journey
from mapper.model import LaneKind, SequenceItem
from mapper.present.slides import render_slides
from mapper.present.theme import palette

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "phone-contract-renewal.journey"


def accent_strokes(page) -> int:
    """How many lines drawn in the accent colour (the pick's frame is the only one)."""
    accent = tuple(int(palette(False).accent[i : i + 2], 16) / 255 for i in (1, 3, 5))
    found = 0
    for shape in (*page.rects, *page.curves, *page.lines):
        colour = shape.get("stroking_color")
        if shape.get("stroke") and isinstance(colour, tuple) and len(colour) == 3:
            found += all(abs(a - b) < 0.01 for a, b in zip(colour, accent, strict=True))
    return found


def test_a_voting_slide_shows_the_tallies_without_the_pick():
    journey = load_journey(EXAMPLE)
    sequence = (SequenceItem("overview"), SequenceItem("vote:opportunities"))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    opportunity = next(c for c in journey.cards() if kinds[c.lane_id] is LaneKind.OPPORTUNITIES)
    set_votes(journey, opportunity.id, "2026-11-20", 7).apply()
    data, _pages = render_slides(journey)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        vote = next(p for p in pdf.pages if "Vote: which ideas" in (p.extract_text() or ""))
        text = vote.extract_text()
        assert "the workshop on 20 November 2026 · 7 votes so far" in text
        assert accent_strokes(vote) == 0


def test_a_handout_names_a_long_step_whole_with_its_page():
    """The handout's heading beside each slide ("17. Vote: which pain points matter mo…")
    lost the end of the title and the "(1 / 2)" saying which page of the step it is: a
    long heading goes on two lines."""
    journey = load_journey(EXAMPLE)
    sequence = (SequenceItem("pain_points"), SequenceItem("vote:pain_points"))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    data, _pages = render_slides(journey, handout=True)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    headings = [line for line in text.splitlines() if "Vote: which pain" in line]
    assert headings and not any("…" in line for line in headings)
    assert "most? (1 / 2)" in text and "most? (2 / 2)" in text
