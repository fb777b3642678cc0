"""A service blueprint's lines on paper: named on every kind of map page, in readable
contrast, and absent from maps without blueprint lanes."""

from __future__ import annotations

import pytest
from export_helpers import one_line, pdftotext
from test_export_contrast import low_contrast_text

from factories import sample_map
from mapper.export import PdfOptions, render_pdf
from mapper.layout.blueprint import LABELS
from mapper.templates import find_template

NAMES = list(LABELS.values())


def _pdf(tmp_path, journey, **options) -> str:
    path = tmp_path / "map.pdf"
    path.write_bytes(render_pdf(journey, PdfOptions(**options)).data)
    return path


@pytest.mark.parametrize(
    "options",
    [
        {"fit": True},  # the whole map on one page: the overview's names
        {"page": "A4", "min_text_size": 9.0},  # an overview and detail pages
        {"tile": True},  # a poster
    ],
    ids=["fit", "detail", "tile"],
)
def test_the_template_prints_its_three_lines_by_name(tmp_path, options) -> None:
    journey = find_template("service-blueprint").load()
    path = _pdf(tmp_path, journey, invariant=True, **options)
    text = one_line(pdftotext(path, raw=True))
    for name in NAMES:
        assert name in text


def test_a_map_without_blueprint_lanes_prints_no_line(tmp_path) -> None:
    text = one_line(pdftotext(_pdf(tmp_path, sample_map(), invariant=True)))
    assert not any(name in text for name in NAMES)


def test_the_lines_names_are_readable() -> None:
    journey = find_template("service-blueprint").load()
    data = render_pdf(journey, PdfOptions(invariant=True, fit=True)).data
    assert low_contrast_text(data) == []
