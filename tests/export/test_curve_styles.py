"""Each persona's curve keeps its own dash on paper and in pictures (a greyscale print tells
them apart), a hidden persona's curve is left out, and the editor's ghost points never
reach an export."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from factories import sample_map
from mapper.export import render_pdf
from mapper.export.image import render_svg
from mapper.export.image_frame import legend_items
from mapper.model import Entity, JourneyMap, Lane, LaneKind, Persona


def three_personas() -> JourneyMap:
    journey = sample_map()  # Maya (active) and Omar
    journey.add(Lane("emo", "Emotion", LaneKind.EMOTION))
    journey.add(Persona("zoe", "Zo\u00eb", color="#009e73"))
    journey.update(Entity.CARD, "t1", emotions={"maya": 1, "omar": 0, "zoe": 2})
    journey.update(Entity.CARD, "t3", emotions={"maya": 2, "zoe": -2})
    return journey


def pdf_dashes(journey: JourneyMap) -> set[str]:
    reader = PdfReader(io.BytesIO(render_pdf(journey).data))
    found: set[str] = set()
    for page in reader.pages:
        content = page.get_contents()
        if content is not None:
            text = content.get_data().decode("latin-1")
            found |= set(re.findall(r"\[([0-9. ]+)\] [0-9.]+ d", text))
    return found


# Omar is second (dashes 4 and 2 line widths), Zoë third (dots); curves of the personas
# not active are 1.6 pt wide in the PDF and 2 px in pictures
OMAR_PDF, ZOE_PDF = "6.4 3.2", ".16 3.52"  # as reportlab writes them
OMAR_SVG, ZOE_SVG = 'stroke-dasharray="8,4"', 'stroke-dasharray="0.2,4.4"'


def test_the_pdf_draws_each_persona_curve_in_its_own_dash() -> None:
    dashes = pdf_dashes(three_personas())
    assert {OMAR_PDF, ZOE_PDF} <= dashes


def test_a_hidden_persona_is_left_out_of_the_pdf_and_pictures() -> None:
    journey = three_personas()
    journey.update(Entity.PERSONA, "omar", hidden=True)
    dashes = pdf_dashes(journey)
    assert ZOE_PDF in dashes and OMAR_PDF not in dashes
    svg = render_svg(journey).decode("utf-8")
    assert ZOE_SVG in svg and OMAR_SVG not in svg
    labels = [item.label for item in legend_items(journey, True)]
    assert "Zo\u00eb" in labels and "Omar" not in labels


def test_pictures_carry_each_persona_curve_in_its_legend() -> None:
    journey = three_personas()
    svg = render_svg(journey).decode("utf-8")
    assert OMAR_SVG in svg and ZOE_SVG in svg
    labels = [item.label for item in legend_items(journey, True)]
    at = labels.index("Curves")
    assert labels[at + 1 : at + 4] == ["Maya", "Omar", "Zo\u00eb"]


@pytest.mark.usefixtures("qapp")
def test_ghost_points_are_editor_chrome_never_printed() -> None:
    from mapper.canvas.scene import JourneyScene
    from mapper.document import Document

    document = Document(three_personas())
    scene = JourneyScene(document, read_only=True)
    try:
        _compare_prints(scene)
    finally:  # taken apart now: Qt objects left to the garbage collector crash at random
        scene.detach()
        scene.clear()
        document.dispose()


def _compare_prints(scene) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    rows = scene.ghost_rows()
    assert rows  # Maya has not scored every card

    def picture() -> QImage:
        area = rows[0].sceneBoundingRect()
        image = QImage(int(area.width()) * 2, int(area.height()) * 2, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        return image

    with_ghosts = picture()
    scene.printing = True
    printed = picture()
    for row in rows:
        row.setVisible(False)
    without = picture()
    assert printed == without and with_ghosts != without
