"""Repeated shapes (card bodies, channel icons, confidence dots) are PDF forms defined
once and placed many times: the page must look exactly as if each were drawn inline."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from export_helpers import qpdf_check, rich_map, tool
from PIL import Image, ImageChops
from pypdf import PdfReader

import mapper.export.pdf.map_painter as pdf_map
from mapper.export import PdfOptions, render_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synthetic import make_map

OPTIONS = PdfOptions(invariant=True, report=False, fit=True)  # the whole map on page 1


def _render(data: bytes, tmp_path, name: str) -> Image.Image:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(data)
    qpdf_check(pdf)
    subprocess.run(
        [tool("pdftoppm"), "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf),
         str(tmp_path / name)],
        check=True,
    )  # fmt: skip
    return Image.open(next(tmp_path.glob(f"{name}*.png"))).convert("RGB")


def test_stamped_map_looks_exactly_like_inline_drawing(tmp_path, monkeypatch):
    stamped = render_pdf(rich_map(), OPTIONS).data
    monkeypatch.setattr(pdf_map, "Stamps", lambda canv: None)  # draw every shape inline
    inline = render_pdf(rich_map(), OPTIONS).data
    assert stamped != inline

    a, b = _render(stamped, tmp_path, "stamped"), _render(inline, tmp_path, "inline")
    assert a.size == b.size
    diff = ImageChops.difference(a, b).convert("L")
    changed = sum(diff.histogram()[41:])
    assert changed <= 20, f"{changed} pixels differ"  # anti-aliasing at most


def _placed_forms(data: bytes) -> tuple[list[str], set[str]]:
    """The forms the first page places (in content order) and those its resources name."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    resources = set(page["/Resources"]["/XObject"].keys())
    return re.findall(r"(/FormXob\.S\d+) Do", content), resources


def test_each_repeated_shape_is_defined_once():
    journey = rich_map()
    placed, resources = _placed_forms(render_pdf(journey, OPTIONS).data)
    assert set(placed) <= resources
    # every card is placed (and its pills, icons, dots ...), some forms more than once
    assert len(placed) > journey.card_count() and len(set(placed)) < len(placed)


def _content_bytes(data: bytes) -> int:
    """The size of the first page's drawing operators, before compression."""
    return len(PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data())


def test_a_big_map_has_far_less_to_encode():
    journey = make_map(1000)
    stamped = render_pdf(journey, OPTIONS).data
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_map, "Stamps", lambda canv: None)
        inline = render_pdf(journey, OPTIONS).data
    assert _content_bytes(stamped) < 0.5 * _content_bytes(inline)


def test_tiles_reuse_the_covers_drawing_of_what_lies_under_the_cards():
    """The cover's assembly guide draws the grid, flows and curves once as a form; the
    tiles' map form shows that form instead of drawing every flow a second time."""
    data = render_pdf(rich_map(), PdfOptions(invariant=True, report=False, tile=True)).data
    reader = PdfReader(io.BytesIO(data))
    cover = reader.pages[0]["/Resources"]["/XObject"]
    tile_forms = reader.pages[1]["/Resources"]["/XObject"]
    shapes = cover["/FormXob.mapper-shapes"].get_object()
    map_form = tile_forms["/FormXob.mapper-map"].get_object()
    inner = map_form["/Resources"]["/XObject"]
    assert inner["/FormXob.mapper-shapes"].get_object() is shapes
    assert b"/FormXob.mapper-shapes Do" in map_form.get_data()
