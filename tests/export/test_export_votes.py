"""The room's dot votes in the PDF report: the summary lists the latest workshop's top
voted cards with their counts, and the pain points and opportunities say their votes."""

from __future__ import annotations

from export_helpers import bench_make_map, one_line, pdftotext

from factories import sample_map
from mapper.edits.votes import set_votes
from mapper.export import PdfOptions, export_pdf
from mapper.model import analysis


def test_the_summary_lists_the_top_voted_of_the_latest_workshop(tmp_path):
    journey = sample_map()
    set_votes(journey, "p1", "2026-12-06", 12).apply()
    set_votes(journey, "o1", "2026-12-06", 5).apply()
    set_votes(journey, "t2", "2026-11-20", 30).apply()  # an older workshop: not ranked
    path = tmp_path / "voted.pdf"
    export_pdf(journey, path, PdfOptions())
    text = one_line(pdftotext(path))
    assert "TOP VOTED IN THE WORKSHOP ON 6 DECEMBER 2026" in text
    top = text[text.index("TOP VOTED") :]
    assert top.index("Hidden fees") < top.index("Show all fees upfront")
    assert "12 votes" in top and "5 votes" in top and "30 votes" not in text
    # the pain point and opportunity tables say them too
    assert text.count("12 votes in the workshop on 6 December 2026") == 1
    assert text.count("5 votes in the workshop on 6 December 2026") == 1


def test_no_votes_no_top_voted(tmp_path):
    path = tmp_path / "plain.pdf"
    export_pdf(sample_map(), path, PdfOptions())
    assert "TOP VOTED" not in pdftotext(path)


def test_the_report_looks_for_the_latest_workshop_once_not_per_card(monkeypatch):
    """Finding the latest workshop reads every card: the summary's lists and the pain
    point and opportunity tables ask it once each, not once per line or row (which made
    a 5,000-card report take twice as long)."""
    from mapper.export import render_pdf
    from mapper.model import votes

    journey = bench_make_map()(400)
    assert len(analysis.pain_points_by_persona(journey)) > 80
    scans = []
    real = votes.vote_days
    monkeypatch.setattr(votes, "vote_days", lambda j: scans.append(1) or real(j))
    render_pdf(journey, PdfOptions(invariant=True))
    assert 0 < len(scans) <= 5
