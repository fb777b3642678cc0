"""A persona hidden on the map shows nowhere on the PDF's map page, even the active one:
not in the title block, not as score badges on the cards, not in the emotion lane's key;
the first shown persona leads, as in present mode."""

from __future__ import annotations

import pytest
from export_helpers import one_line, pdftotext

from factories import sample_map
from mapper.export import ExportError, PdfOptions, export_pdf, render_pdf
from mapper.model import Entity, Lane, LaneKind


def _map_page(journey, path) -> str:
    export_pdf(journey, path, PdfOptions(fit=True, report=False))
    return one_line(pdftotext(path, 1, 1))


def test_a_hidden_active_persona_leaves_no_badge_and_no_name_on_the_map(tmp_path):
    journey = sample_map()  # no emotion lane (no axis labels): only a badge reads "+1"
    path = tmp_path / "map.pdf"
    shown = _map_page(journey, path)
    assert "+1" in shown.split() and "Maya" in shown  # Maya (active): the ad +1, Omar 0
    journey.update(Entity.PERSONA, "maya", hidden=True)
    hidden = _map_page(journey, path)
    assert "+1" not in hidden.split() and "Maya" not in hidden
    assert "Omar" in hidden  # the first shown persona leads: his badges, his name
    assert "\u22121" in hidden.split()  # Omar's -1 on the checkout


def test_a_hidden_persona_has_no_curve_key_on_the_map(tmp_path):
    journey = sample_map()
    journey.insert(3, Lane("emo", "Emotion", LaneKind.EMOTION))
    journey.update(Entity.PERSONA, "omar", hidden=True)
    journey.update_info(active_persona_id="omar")
    page = _map_page(journey, tmp_path / "map.pdf")
    assert "Omar" not in page and "Maya" in page


def test_asking_for_a_hidden_persona_says_to_show_it_first():
    journey = sample_map()
    journey.update(Entity.PERSONA, "omar", hidden=True)
    with pytest.raises(ExportError, match="Omar is hidden on the map"):
        render_pdf(journey, PdfOptions(persona_id="omar", report=False))
