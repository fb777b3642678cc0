"""The report and summary pages, measured on the PDF's text (pdftotext, pypdf)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_helpers import ROOT, page_count, pdftotext, rich_map
from pypdf import PdfReader

from mapper.export import PdfOptions, export_pdf
from mapper.fileformat.io import load_journey
from mapper.model import Card, Entity, JourneyMap, Metrics, Persona, Scenario
from mapper.templates import available_templates

MINUS = "\u2212"


def _pages(path: Path) -> list[str]:
    return [" ".join(pdftotext(path, n, n).split()) for n in range(1, page_count(path) + 1)]


def _report_pages(path: Path) -> list[str]:
    """The pages after the map's own (an overview and detail pages, or one page): from the
    summary, which opens the report, on."""
    pages = _pages(path)
    first = next(i for i, page in enumerate(pages) if page.startswith("Summary"))
    return pages[first:]


def _long_stage(rows: int) -> JourneyMap:
    journey = rich_map()
    for i in range(rows):
        journey.add(
            Card(
                f"x{i}",
                "s1",
                "l-tp",
                f"Touchpoint number {i}",
                channel="app",
                notes="A note that takes some room in its cell. " * (1 + i % 3),
            )
        )
    return journey


@pytest.mark.parametrize("rows", [11, 12, 13, 14, 25])
def test_a_continued_stage_repeats_its_heading_and_no_page_has_a_single_row(tmp_path, rows):
    path = tmp_path / "long.pdf"
    export_pdf(_long_stage(rows), path, PdfOptions())
    pages = [p for p in _report_pages(path) if "Touchpoint number" in p]
    counts = [len(re.findall(r"Touchpoint number \d+", p)) for p in pages]
    assert sum(counts) == rows
    assert all(n >= 2 for n in counts), counts
    if len(pages) > 1:
        assert "Awareness (continued)" not in pages[0]
        assert all("Awareness (continued)" in p for p in pages[1:])


@pytest.mark.parametrize("name", ["coffee-chain", "phone-contract-renewal"])
def test_examples_continued_tables_say_so_and_keep_two_rows(tmp_path, name):
    journey = load_journey(ROOT / "examples" / f"{name}.journey")
    path = tmp_path / f"{name}.pdf"
    export_pdf(journey, path, PdfOptions())
    titles = [" ".join(c.title.split()) for c in journey.cards()]
    continued = [p for p in _pages(path) if "(continued)" in p]
    assert continued  # both examples' tables run over pages
    for page in continued:
        rows = page.split("(continued)", 1)[1]
        assert sum(t in rows for t in titles) >= 2, page[:300]


def test_an_empty_map_gets_only_its_map_pages(tmp_path):
    blank = next(t for t in available_templates() if t.name == "blank").load()
    for journey in (JourneyMap(), blank):
        with_report, without = tmp_path / "a.pdf", tmp_path / "b.pdf"
        export_pdf(journey, with_report, PdfOptions())
        export_pdf(journey, without, PdfOptions(report=False))
        assert page_count(with_report) == page_count(without) == 1
        text = pdftotext(with_report)
        assert "Touchpoints by stage" not in text and "Summary" not in text


def _outline_titles(path: Path) -> list[str]:
    def walk(items: list) -> list[str]:
        out: list[str] = []
        for item in items:
            out += walk(item) if isinstance(item, list) else [item.title]
        return out

    return walk(PdfReader(path).outline)


def test_the_chosen_persona_comes_first(tmp_path):
    for persona, order in (("omar", ["Omar", "Maya"]), (None, ["Maya", "Omar"])):
        path = tmp_path / "p.pdf"
        export_pdf(rich_map(), path, PdfOptions(persona_id=persona))
        titles = _outline_titles(path)
        start = titles.index("Personas") + 1
        assert titles[start : start + 2] == order
        pages = _pages(path)
        persona_page = next(i for i, p in enumerate(pages) if "DEMOGRAPHICS" in p or "ABOUT" in p)
        assert pages[persona_page].find(order[0]) < pages[persona_page].find(order[1]) or (
            order[1] not in pages[persona_page]
        )


def test_the_other_personas_scores_are_never_cut_off(tmp_path):
    journey = rich_map()
    journey.update(Entity.PERSONA, "omar", name="Margot Lef\u00e8vre")
    journey.add(Persona("long", "Bartholomew-Maximilian-Alexander von Habsburg"))
    journey.update(Entity.CARD, "t1", emotions={"maya": 1, "omar": -2, "long": 3})
    path = tmp_path / "scores.pdf"
    export_pdf(journey, path, PdfOptions())
    text = " ".join(pdftotext(path).split())
    assert f"Margot {MINUS}2" in text
    assert "Lef\u00e8v\u2026" not in text
    assert re.search(r"Bartholo\S*\u2026 \+3", text), "a long name is shortened, not its score"


def _summary_map() -> JourneyMap:
    journey = rich_map()
    journey.update_info(
        description="How existing customers renew after 24 months.",
        scenario=Scenario("Renewing after the minimum term", "Pay less", ("No queue",)),
        notes="Metric units: conversion_rate = share 0..1 of the step before.",
    )
    journey.update(Entity.CARD, "t2", emotions={"maya": -3, "omar": -2})
    journey.update(Entity.STAGE, "s2", metrics=Metrics(conversion_rate=0.012, csat=71.0))
    return journey


def test_the_summary_page_tells_readers_what_they_missed(tmp_path):
    path = tmp_path / "summary.pdf"
    export_pdf(_summary_map(), path, PdfOptions())
    summary = _report_pages(path)[0]
    for expected in (
        "Summary",
        "How existing customers renew after 24 months.",
        "Renewing after the minimum term",
        "Goal: Pay less",
        "No queue",
        "Metric units: conversion_rate = share 0..1 of the step before.",
        "Maya",
        "Omar",
        f"Online checkout \u2605 \u00b7 Purchase \u2014 Maya {MINUS}3, Omar {MINUS}2",
        "Hidden fees",  # marked as a pain point, scored by no one
        "QUICK WINS",
        "Show all fees upfront",
        "Callback slots",
        "Conversion 1.2 %",
        "CSAT 71",
        f"Purchase {MINUS}0.5 {MINUS}2.0",  # the stage's emotion average per persona
    ):
        assert expected in summary, expected
    assert "1%" not in summary


def test_the_summary_of_an_example(tmp_path):
    journey = load_journey(ROOT / "examples" / "coffee-chain.journey")
    path = tmp_path / "cc.pdf"
    export_pdf(journey, path, PdfOptions())
    text = " ".join(" ".join(_report_pages(path)[:2]).split())
    assert (
        f"Drink wrong or missing \u2605 \u00b7 Pick up \u2014 Zo\u00eb {MINUS}3, Margot {MINUS}2"
        in text
    )
    assert journey.info.scenario.goal in text
    assert "Metric units used on this map" in text
    assert "Conversion 54 %" in text


LABELS = {"ABOUT THIS MAP", "SCENARIO", "NOTES", "PERSONAS", "TOP PAIN POINTS", "QUICK WINS"}
LABELS |= {"TOP OPPORTUNITIES", "BY STAGE", "GOALS", "MOTIVATIONS", "FRUSTRATIONS", "BEHAVIOURS"}


@pytest.mark.parametrize("name", ["coffee-chain", "phone-contract-renewal"])
def test_no_page_ends_with_a_section_label(tmp_path, name):
    journey = load_journey(ROOT / "examples" / f"{name}.journey")
    path = tmp_path / f"{name}.pdf"
    export_pdf(journey, path, PdfOptions())
    first = page_count(path) - len(_report_pages(path)) + 1
    for n in range(first, page_count(path) + 1):
        lines = [line.strip() for line in pdftotext(path, n, n).splitlines() if line.strip()]
        body = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]
        body = [line for line in body if not line.startswith(journey.info.title)]
        assert body and body[-1] not in LABELS, (n, body[-3:])
