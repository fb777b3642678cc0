"""Every character a PDF prints reaches WCAG's 4.5:1 contrast against what it is drawn on,
measured on the output: each character's fill colour against the last filled shape under
it (in drawing order), or the white page."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from export_helpers import ROOT, rich_map
from pdfminer.layout import LTChar, LTCurve

from factories import sample_map
from mapper.export import PdfOptions, render_pdf
from mapper.fileformat import load_journey
from mapper.layout import theme
from mapper.model import Card, CardKind, Creator

MINIMUM = 4.5
DECORATIVE = "\u25a0"  # the stage colour swatch before a report heading: a graphic, not text


def rgb(colour) -> tuple[float, float, float]:
    if colour is None:
        return (0.0, 0.0, 0.0)
    values = tuple(colour) if isinstance(colour, list | tuple) else (colour,)
    if len(values) == 1:
        return (float(values[0]),) * 3
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return tuple(float(v) for v in values[:3])


def luminance(colour: tuple[float, float, float]) -> float:
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_rgb(value: str) -> tuple[float, float, float]:
    return tuple(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))


def low_contrast_text(data: bytes) -> list[str]:
    """Every (page, text colour, background, ratio, characters) below the minimum."""
    found: dict[tuple, str] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            shapes: list[tuple[float, float, float, float, tuple]] = []
            for item in page.layout:  # in the order the page draws them
                if isinstance(item, LTCurve) and item.fill:
                    colour = rgb(item.non_stroking_color)
                    shapes.append((item.x0, item.y0, item.x1, item.y1, colour))
                elif isinstance(item, LTChar) and item.get_text().strip():
                    if item.get_text() == DECORATIVE:
                        continue
                    cx, cy = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
                    background = (1.0, 1.0, 1.0)
                    for x0, y0, x1, y1, colour in reversed(shapes):
                        if x0 <= cx <= x1 and y0 <= cy <= y1:
                            background = colour
                            break
                    fill = rgb(item.graphicstate.ncolor)
                    ratio = contrast(fill, background)
                    if ratio < MINIMUM:
                        key = (number, fill, background, round(ratio, 2))
                        found[key] = found.get(key, "") + item.get_text()
    return [f"page {k[0]}: {k[1]} on {k[2]} = {k[3]}:1 {v!r}" for k, v in found.items()]


def every_badge_map():
    """Cards with every sentiment mark, creator pill and moment of truth."""
    journey = sample_map()
    for i, score in enumerate((-3, -2, 0, 2, 3)):
        creator = list(Creator)[i % 3]
        journey.add(
            Card(f"x{i}", "s3", "l-tp", f"Card {i}", channel="website", creator=creator,
                 emotions={"maya": score}, moment_of_truth=i == 2)
        )  # fmt: skip
    journey.add(Card("x9", "s1", "l-pain", "Queue", kind=CardKind.PAIN_POINT))
    return journey


def example(name: str):
    return lambda: load_journey(ROOT / "examples" / f"{name}.journey")


@pytest.mark.parametrize(
    "make",
    [rich_map, every_badge_map, example("coffee-chain"), example("phone-contract-renewal")],
    ids=["rich", "badges", "coffee-chain", "phone-contract-renewal"],
)
def test_every_character_has_enough_contrast(make):
    data = render_pdf(make(), PdfOptions()).data
    assert low_contrast_text(data) == []


@pytest.mark.parametrize("colour", ["#d9772b", "#1f8a70", "#777777", "#ffcc00", "#0000cc", "bad"])
def test_text_on_a_users_colour_reaches_the_minimum(colour):
    if colour == "bad":
        assert theme.text_on(colour) == "#ffffff"
        return
    assert contrast(hex_rgb(theme.text_on(colour)), hex_rgb(colour)) >= MINIMUM


def test_the_check_finds_low_contrast():
    """The old neutral badge (white on #9aa5b1, 2.5:1) would fail."""
    assert contrast((1, 1, 1), hex_rgb("#9aa5b1")) < MINIMUM


@pytest.mark.parametrize("colour", [*theme.SENTIMENT_COLORS.values(), theme.SELECTION])
def test_white_text_on_theme_colours(colour):
    assert contrast((1, 1, 1), hex_rgb(colour)) >= MINIMUM


@pytest.mark.parametrize("colour", [theme.SELECTION, theme.MOMENT_OF_TRUTH_COLOR])
def test_coloured_labels_on_white(colour):
    assert contrast(hex_rgb(colour), (1, 1, 1)) >= MINIMUM


@pytest.mark.parametrize("colour", theme.CREATOR_COLORS.values())
def test_coloured_labels_on_white_and_their_tint(colour):
    tint = tuple(v + (1 - v) * 0.84 for v in hex_rgb(colour))
    assert contrast(hex_rgb(colour), (1, 1, 1)) >= MINIMUM
    assert contrast(hex_rgb(colour), tint) >= MINIMUM
