"""`mapper export FILE -o slides.pdf --slides` (and File > Export Slides): the presented
sequence as 16:9 pages drawn as present mode draws it; `--handout`: three a page."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from export_helpers import one_line, pdffonts, pdftotext, qpdf_check
from pypdf import PdfReader

from mapper.cli.main import main
from mapper.fileformat import load_journey

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COFFEE = EXAMPLES / "coffee-chain.journey"


def presented_frames(journey) -> list[tuple[str, int, int]]:
    """What the room sees, step by step, counted with present mode's own widgets."""
    from PySide6.QtCore import Qt

    from mapper.present.audience import AudienceView
    from mapper.present.deck import Deck
    from mapper.present.map_scene import MapScene
    from mapper.present.slides import ROOM, application, frames
    from mapper.present.theme import palette

    application()
    deck = Deck.of(journey)
    scene = MapScene(deck, palette(False))  # kept: the view does not own it
    view = AudienceView(deck, scene)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*ROOM)
    view.show()
    found = [(step.title, part, count) for step, part, count in frames(view, deck)]
    view.close()
    view.deleteLater()
    scene.deleteLater()
    return found


def test_slides_are_the_presented_sequence_one_16_9_page_each(tmp_path, capsys):
    out = tmp_path / "slides.pdf"
    assert main(["export", str(COFFEE), "-o", str(out), "--slides"]) == 0
    expected = presented_frames(load_journey(COFFEE))
    assert capsys.readouterr().out == f"wrote {out} ({len(expected)} pages)\n"
    qpdf_check(out)
    pages = PdfReader(out).pages
    assert len(pages) == len(expected) > 10
    for page in pages:
        box = page.mediabox
        assert float(box.width) / float(box.height) == pytest.approx(16 / 9, abs=0.01)
    assert all(font["emb"] == "yes" for font in pdffonts(out))
    journey = load_journey(COFFEE)
    for number, stage in enumerate(journey.stages, start=2):  # page 1 is the overview
        assert stage.name in one_line(pdftotext(out, number, number))
    assert "Pain points" in pdftotext(out, len(pages) - 1, len(pages))


def test_a_handout_holds_three_steps_a_page_with_room_for_notes(tmp_path, capsys):
    out = tmp_path / "handout.pdf"
    assert main(["export", str(COFFEE), "-o", str(out), "--slides", "--handout"]) == 0
    frames = presented_frames(load_journey(COFFEE))
    pages = PdfReader(out).pages
    assert len(pages) == math.ceil(len(frames) / 3)
    assert float(pages[0].mediabox.height) > float(pages[0].mediabox.width)  # A4 portrait
    text = one_line(pdftotext(out, 1, 1))
    assert "1. Crema" in text and "2. Discover" in text and "3. Set up" in text


@pytest.mark.parametrize(
    "options, message",
    [
        (["--handout"], "--handout applies with --slides only"),
        (["--slides", "--tile"], "--tile does not apply to --slides"),
        (["--slides", "--page", "A3"], "--page applies to --handout only (slides are 16:9)"),
    ],
)
def test_options_that_do_not_apply_to_slides_are_usage_errors(tmp_path, capsys, options, message):
    out = tmp_path / "s.pdf"
    assert main(["export", str(COFFEE), "-o", str(out), *options]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert main(["export", str(COFFEE), "-o", str(tmp_path / "s.png"), "--slides"]) == 2


def test_the_editor_exports_slides(manager, tmp_path, monkeypatch):
    from mapper.document import Document
    from mapper.ui import export_dialog

    window = manager.show(Document.open(COFFEE))
    target = tmp_path / "editor slides.pdf"
    monkeypatch.setattr(export_dialog, "ask_save_path", lambda *a, **k: target)
    action = window.actions_["export_slides"]
    assert action in window.menuBar().actions()[0].menu().actions()  # File
    action.trigger()
    assert len(PdfReader(target).pages) == len(presented_frames(window.document.journey))
