"""The "How it feels" slide's key stays beside the title with any number of personas: as
many as fit, then "+ n more"; it ran over the title and off the page's left edge."""

from __future__ import annotations

import pdfplumber

from factories import sample_map
from mapper.cli.main import main
from mapper.fileformat.io import save_journey
from mapper.model import Entity, Lane, LaneKind, Persona
from mapper.present.emotion_key import and_list, fitting


def test_names_are_listed_as_a_sentence_and_entries_kept_while_they_fit():
    assert [and_list(n) for n in (["A"], ["A", "B"], ["A", "B", "C"])] == [
        "A", "A and B", "A, B and C",
    ]  # fmt: skip
    assert fitting([10, 10, 10], 30, 5) == 3  # all fit: no "+ n more"
    assert fitting([10, 10, 10], 29, 5) == 2  # two and the "+ n more"
    assert fitting([10, 10, 10], 24, 5) == 1
    assert fitting([40], 30, 5) == 0


def test_the_key_of_many_personas_leaves_the_title_whole(tmp_path, capsys):
    journey = sample_map()
    journey.insert(2, Lane("emo", "Emotion", LaneKind.EMOTION))
    for i in range(12):
        journey.add(Persona(f"p{i}", f"Persona with a long name number {i}"))
        journey.update(Entity.CARD, "t1", emotions={**journey.card("t1").emotions, f"p{i}": 1})
    path, out = tmp_path / "map.journey", tmp_path / "slides.pdf"
    save_journey(journey, path)
    assert main(["export", str(path), "-o", str(out), "--slides"]) == 0
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "How it feels" in (p.extract_text() or ""))
        words = page.extract_words()
    title = [w for w in words if w["text"] in ("How", "it", "feels") and w["top"] < 80]
    assert len(title) == 3
    title_right = max(w["x1"] for w in title)
    key = [w for w in words if abs(w["top"] - title[0]["top"]) < 20 and w not in title]
    assert key and all(w["x0"] > title_right for w in key)  # beside the title, not over it
    assert "more" in [w["text"] for w in key]
