"""Templates give hints, not content: a new map from any template holds no prompt text in
its saved file, its PDF or present mode; the prompts live beside the template as hints."""

from __future__ import annotations

import re

import pytest
from export_helpers import one_line, pdftotext

from mapper.export import PdfOptions, render_pdf
from mapper.fileformat.save import dumps_journey
from mapper.present.deck import Deck
from mapper.templates import Template, available_templates

TEMPLATES = available_templates()
# what an instruction to the user looks like, besides the template's own hints
PROMPTS = re.compile(
    r"replace (?:it |them )?with|describe (?:the|who)|what is the customer trying|what do they expect"
    r"|research-based persona|example, replace|\bask:",
    re.IGNORECASE,
)


def _prompts(template: Template, text: str) -> list[str]:
    folded = " ".join(text.split())
    found = [h for h in template.hints.values() if " ".join(h.split()) in folded]
    return found + [m.group(0) for m in PROMPTS.finditer(folded)]


def test_every_template_has_its_hints_and_says_what_it_is_about() -> None:
    assert len(TEMPLATES) >= 4
    for template in TEMPLATES:
        assert template.description, template.name
    hinted = {t.name: t.hints for t in TEMPLATES}
    assert "map.scenario" in hinted["customer-journey"]
    assert "map.goal" in hinted["service-blueprint"]
    assert "stage.notes@stage-book" in hinted["service-blueprint"]
    # the hints are prompts indeed: the check below would find them in a map
    assert _prompts(TEMPLATES[1], hinted["customer-journey"]["map.goal"])


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_a_new_map_holds_no_prompt_in_its_file_pdf_or_present_mode(tmp_path, template):
    journey = template.load()
    assert _prompts(template, dumps_journey(journey)) == []
    path = tmp_path / "map.pdf"
    path.write_bytes(render_pdf(journey, PdfOptions(invariant=True)).data)
    assert _prompts(template, one_line(pdftotext(path))) == []
    assert _prompts(template, one_line(pdftotext(path, raw=True))) == []
    deck = Deck.of(journey)
    shown = [deck.subtitle, *(f"{s.title} {s.notes}" for s in deck.steps)]
    shown += [f"{p.name} {p.role} {p.bio} {p.quote}" for p in journey.personas]
    assert _prompts(template, "\n".join(shown)) == []
    if "map.scenario" in template.hints:  # the scenario is left to the user
        assert journey.info.scenario.title == journey.info.scenario.goal == ""


def test_the_pdf_metadata_holds_no_prompt(tmp_path) -> None:
    from pypdf import PdfReader

    for template in TEMPLATES:
        path = tmp_path / f"{template.name}.pdf"
        path.write_bytes(render_pdf(template.load(), PdfOptions(invariant=True)).data)
        meta = PdfReader(path).metadata or {}
        assert _prompts(template, " ".join(str(v) for v in meta.values())) == []
