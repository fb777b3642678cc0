"""The SVG looks like the PNG when another program draws it (librsvg), both carry the title
and legend, and neither shows the editor's chrome. Measured on the files."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from export_helpers import rich_map, run, tool
from PIL import Image, ImageChops, ImageStat

from mapper.export.image import render_png, render_svg, split_at
from mapper.layout import compute_layout, theme
from mapper.model import Entity

SVG = "{http://www.w3.org/2000/svg}"
MARGIN = 24


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def rsvg(svg: bytes, tmp_path, name: str = "drawn") -> Image.Image:
    """The SVG as librsvg draws it, at its own size (96 px to the inch)."""
    source, target = tmp_path / f"{name}.svg", tmp_path / f"{name}.png"
    source.write_bytes(svg)
    run(tool("rsvg-convert"), "-o", target, source)
    return Image.open(target).convert("RGBA")


def near(image: Image.Image, colour: str, box=None, tolerance: int = 40) -> int:
    """How many pixels (inside ``box``) are within ``tolerance`` of ``colour``."""
    want = rgb(colour)
    part = (image.crop(box) if box else image).convert("RGB")
    return sum(
        count
        for count, pixel in part.getcolors(part.width * part.height)
        if sum(abs(a - b) for a, b in zip(pixel, want, strict=True)) <= tolerance
    )


def flat(image: Image.Image) -> Image.Image:
    """RGB with transparency shown as black, so a see-through page counts as different."""
    black = Image.new("RGBA", image.size, (0, 0, 0, 255))
    return Image.alpha_composite(black, image.convert("RGBA")).convert("RGB")


@pytest.fixture(scope="module")
def pictures(qapp):
    journey = rich_map()
    return render_png(journey, 96), render_svg(journey)


def test_svg_drawn_by_librsvg_looks_like_the_png(pictures, tmp_path):
    png, svg = pictures
    drawn = rsvg(svg, tmp_path)
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    assert drawn.size == image.size  # the same physical size
    difference = ImageStat.Stat(ImageChops.difference(flat(drawn), flat(image))).mean
    assert max(difference) < 3, difference  # antialiasing and font rasterising only
    assert drawn.getpixel((2, 2)) == (255, 255, 255, 255)  # a white page, not see-through


def test_svg_emotion_curve_keeps_its_colours(pictures, tmp_path):
    png, svg = pictures
    layout = compute_layout(rich_map())
    row = layout.emotion_lane.row
    # the emotion lane in picture pixels (below the title), as drawn by librsvg and by Qt
    header = _map_top(png, layout)
    box = (MARGIN, round(header + row.y), MARGIN + round(layout.width), round(header + row.bottom))
    drawn = rsvg(svg, tmp_path)
    image = Image.open(io.BytesIO(png))
    for colour in (theme.POSITIVE_CURVE, theme.NEGATIVE_CURVE):
        in_png, in_svg = near(image, colour, box), near(drawn, colour, box)
        assert in_png > 150
        assert in_svg > 0.8 * in_png, (colour, in_svg, in_png)
    assert near(drawn, "#000000", box, tolerance=60) < 20  # no black curve
    root = ET.fromstring(svg)
    strokes = {el.get("stroke") for el in root.iter() if el.get("stroke-width") == "3"}
    assert theme.POSITIVE_CURVE in strokes and theme.NEGATIVE_CURVE in strokes
    assert "#000000" not in strokes


def _map_top(png: bytes, layout) -> float:
    """Where the map's origin lies in the framed picture: its height less the map's."""
    image = Image.open(io.BytesIO(png))
    plain = Image.open(io.BytesIO(render_png(rich_map(), 96, title_legend=False)))
    assert plain.size == (round(layout.width + 2 * MARGIN), round(layout.height + 2 * MARGIN))
    from mapper.export.image_frame import Frame

    frame = Frame(rich_map(), layout.width, True)
    assert image.height == round(plain.height + frame.header_height + frame.legend_height)
    return MARGIN + frame.header_height


def test_svg_text_is_dejavu_sans_at_the_pngs_size(pictures):
    png, svg = pictures
    root = ET.fromstring(svg)
    texts = list(root.iter(f"{SVG}text"))
    assert len(texts) > 30
    assert {t.get("font-family") for t in texts} == {"DejaVu Sans"}
    families = {el.get("font-family") for el in root.iter() if el.get("font-family")}
    assert families == {"DejaVu Sans"}  # no generic "Sans Serif" left for a reader to guess
    image = Image.open(io.BytesIO(png))
    dpi = image.info["dpi"][0]
    # CSS pixels are 1/96 inch: the same inches as the PNG's pixels at its resolution
    width_in = float(root.get("width").removesuffix("px")) / 96
    height_in = float(root.get("height").removesuffix("px")) / 96
    assert width_in == pytest.approx(image.width / dpi, abs=0.01)
    assert height_in == pytest.approx(image.height / dpi, abs=0.01)
    view_box = [float(v) for v in root.get("viewBox").split()]
    assert view_box[2] == pytest.approx(image.width, abs=1)
    # the card titles are 14 px in a 96-px-per-inch picture, as on the canvas and in the PNG
    sizes = {t.get("font-size") for t in texts if (t.text or "").strip() == "Online checkout"}
    assert sizes == {str(round(compute_layout(rich_map()).style.title_size))}


def test_title_and_legend_by_default_and_not_when_turned_off(pictures, qapp):
    _, svg = pictures
    words = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    for shown in ("Renew a phone contract", "Scenario: Renewal", "Cards", "Emotion", "Flow"):
        assert shown in words
    bare = render_svg(rich_map(), title_legend=False)
    bare_words = " ".join(t.text or "" for t in ET.fromstring(bare).iter(f"{SVG}text"))
    assert "Renew a phone contract" not in bare_words and "Cards" not in bare_words
    assert "Online checkout" in bare_words


def test_no_lane_collapse_arrows(qapp):
    journey = rich_map()
    layout = compute_layout(journey)
    image = Image.open(io.BytesIO(render_png(journey, 96, title_legend=False))).convert("RGB")
    for box in layout.lanes:
        left, top = MARGIN + box.header.x, MARGIN + box.header.y
        toggle = (round(left + 4), round(top + 6), round(left + 20), round(top + 22))
        colours = {pixel for _, pixel in image.crop(toggle).getcolors(256)}
        assert colours == {rgb(theme.HEADER_FILL)}, (box.lane.name, colours)


@pytest.mark.parametrize(
    ("points", "pieces"),
    [
        ([(0, 0), (10, 10)], [(False, [(0, 0), (10, 10)])]),
        ([(0, 10), (10, 30)], [(False, [(0, 10), (5, 20)]), (True, [(5, 20), (10, 30)])]),
        ([(0, 30), (10, 10), (20, 30)],
         [(True, [(0, 30), (5, 20)]), (False, [(5, 20), (10, 10), (15, 20)]),
          (True, [(15, 20), (20, 30)])]),
    ],
)  # fmt: skip
def test_split_at_cuts_where_the_curve_crosses_neutral(points, pieces):
    assert split_at(points, 20) == pieces


@pytest.mark.parametrize(
    "text", ["رحلة العميل", "מסע הלקוח", "在线结账", "カスタマー", "고객 지원", "Store \u2728"]
)
def test_qt_finds_a_real_glyph_for_every_script(qapp, text):
    """What the PNG and SVG draw: no .notdef box (glyph 0) in any font Qt falls back to."""
    from PySide6.QtGui import QTextLayout

    from mapper.canvas.painting import qfont

    layout = QTextLayout(text, qfont(14))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
    assert glyphs and 0 not in glyphs


def test_image_export_warns_about_characters_no_font_has(tmp_path, capsys, monkeypatch, qapp):
    from factories import sample_map
    from mapper.cli.main import main
    from mapper.export.pdf import fonts
    from mapper.fileformat import save_journey

    journey = sample_map()
    journey.update(Entity.CARD, "t1", title="Rocket \U0001f680")
    path = tmp_path / "w.journey"
    save_journey(journey, path)
    assert main(["export", str(path), "-o", str(tmp_path / "w.svg")]) == 0
    assert "warning" not in capsys.readouterr().err  # an installed font has the rocket
    monkeypatch.setattr(fonts, "installed_fonts", lambda embeddable_only=True: ())
    assert main(["export", str(path), "-o", str(tmp_path / "w.svg")]) == 0
    assert "1 character cannot be drawn" in capsys.readouterr().err


def test_the_legends_flow_is_drawn_as_the_maps_flows_are(qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from mapper.canvas.flow_item import _color
    from mapper.export.image_frame import legend_items

    journey = rich_map()
    assert journey.flow_count()
    flow = next(item for item in legend_items(journey, False) if item.label == "Flow")
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    flow.swatch(painter, QRectF(0, 0, 40, 20))
    painter.end()
    assert image.pixelColor(15, 10).name() == _color(False).name()  # mid-line, unblended


def test_the_legend_shows_no_dashed_flow_the_map_does_not_draw():
    """The picture draws a loop back as a flow (solid, over the top of its cards): a dashed
    "Loop back" in its legend described lines found nowhere on the map."""
    from pathlib import Path

    from mapper.fileformat.io import load_journey

    journey = load_journey(
        Path(__file__).resolve().parents[2] / "examples" / "phone-contract-renewal.journey"
    )
    routes = compute_layout(journey).flows
    assert any(r.curve.p3[0] < r.curve.p0[0] - 1 for r in routes)  # it has loop backs
    root = ET.fromstring(render_svg(journey))
    flow_lines = [e for e in root.iter() if e.get("stroke") == theme.LIGHT.flow_line]
    assert len(flow_lines) > len(routes) // 2  # the map's flows (and the legend's)
    assert [e.attrib for e in flow_lines if e.get("stroke-dasharray")] == []


def test_the_legend_draws_control_characters_in_a_persona_name_as_spaces():
    """The canvas, the title and the PDF draw a bell or an escape pasted from a terminal as
    a space; the picture's legend drew it as a box ("Zoë ☐[2J")."""
    from mapper.export.image_frame import Frame
    from mapper.layout.text import CONTROL

    journey = rich_map()
    persona = next(iter(journey.personas))
    journey.update(Entity.PERSONA, persona.id, name="Zo\u00eb\x1b[2J\x07 M")
    labels = [item.label for item in Frame(journey, 2000.0, has_curves=True).items]
    assert "Zo\u00eb [2J M" in labels
    assert not any(CONTROL.search(label) for label in labels)
