"""The agenda of a workshop with many stages: its rows get smaller so that every stage and
the total stay on the slide (from about fifteen stages the last rows, the total among
them, fell off its bottom)."""

from __future__ import annotations

import itertools

import pytest

from mapper.layout.text import line_height
from mapper.present.agenda_slide import MAX_SIZE, row_tops


@pytest.mark.parametrize("stages", [3, 12, 15, 40, 120])
@pytest.mark.parametrize("scale", [1.0, 1.6])
def test_every_row_and_the_total_fit_between_the_title_and_the_bottom(stages, scale):
    rows = [(str(i), f"Stage {i}", "5 min") for i in range(1, stages + 1)]
    rows.append(("", "Total", f"{5 * stages} min"))
    top, bottom = 150.0, 1000.0
    size, tops = row_tops(top, bottom, scale, rows)
    assert len(tops) == len(rows) and tops[0] == top
    assert tops[-1] + line_height(size) <= bottom + 0.5  # the total's row ends on the slide
    assert all(b - a >= line_height(size) for a, b in itertools.pairwise(tops))
    if stages <= 12 and scale == 1.0:
        assert size == MAX_SIZE  # a usual workshop keeps its big rows


def test_a_forty_stage_agenda_draws_nothing_below_its_bottom_margin(qapp):
    from dataclasses import replace

    from PySide6.QtGui import QImage

    from factories import sample_map
    from mapper.model import Stage
    from mapper.present.agenda_slide import AgendaSlide
    from mapper.present.theme import DESIGN_HEIGHT, palette

    journey = sample_map()
    for i in range(40 - len(journey.stages)):
        journey.add(Stage(f"extra-{i}", f"Extra stage {i}"))
    boxes = {stage_id: 5 for stage_id in journey.stages.ids()}
    journey.update_info(presentation=replace(journey.info.presentation, timeboxes=boxes))
    theme = palette(False)
    slide = AgendaSlide(journey, theme)
    slide.resize(1280, 720)
    image = slide.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    margin = int(80 * 720 / DESIGN_HEIGHT) - 2  # what the slide keeps clear at the bottom
    background = image.pixel(2, image.height() - 2)
    below = {image.pixel(x, y) for x in range(image.width())
             for y in range(image.height() - margin, image.height())}  # fmt: skip
    assert below == {background}  # the last rows and the total are above it, on the slide
