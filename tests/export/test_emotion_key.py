"""The emotion lane's key on the PDF names every curve it has room for and ends in a
"+ n more" row for the rest, as the canvas's legend does: none is left out unsaid."""

from __future__ import annotations

from export_helpers import pdftotext

from factories import sample_map
from mapper.export import PdfOptions, export_pdf
from mapper.model import Entity, Lane, LaneKind, Persona


def test_a_key_with_more_personas_than_room_ends_in_a_more_row(tmp_path):
    journey = sample_map()
    journey.insert(3, Lane("emo", "Emotion", LaneKind.EMOTION))
    names = [f"Persona{i:02d}" for i in range(14)]
    for i, name in enumerate(names):
        journey.add(Persona(f"p{i}", name))
        journey.update(Entity.CARD, "t1", emotions={**journey.card("t1").emotions, f"p{i}": 1})
    path = tmp_path / "map.pdf"
    export_pdf(journey, path, PdfOptions(fit=True, report=False))
    words = pdftotext(path, 1, 1).split()
    named = {w for w in words if w in {"Maya", "Omar", *names}}  # (Maya: the title block's too)
    assert len(named) < 16, "the lane has room for every name: the test shows nothing"
    more = int(words[words.index("more") - 1])
    assert len(named) + more == 16
