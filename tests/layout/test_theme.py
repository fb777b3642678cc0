"""The canvas themes: every text colour the canvas paints reads at 4.5:1 on what it is
painted on, in the light theme and the dark one; persona curves stand out from the dark
canvas. Pure Python: no Qt."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from mapper.layout import theme as th
from mapper.layout.theme import DARK, LIGHT, THEMES, Theme, contrast, mix
from mapper.model import CardKind, Creator, Sentiment
from mapper.model.palette import PERSONA_PALETTE

ROOT = Path(__file__).resolve().parents[2]
# stage colours a user is likely to have: every one in the templates and examples, and a
# sweep of strong and dark ones a user could pick
SHIPPED = sorted(
    {
        stage["color"]
        for path in [*ROOT.glob("examples/*.journey"), *ROOT.glob("resources/templates/*.journey")]
        for stage in json.loads(path.read_text("utf-8")).get("stages", [])
        if "color" in stage
    }
)
PICKED = ["#ffffff", "#000000", "#ff0000", "#00ff00", "#0000ff", "#ffff00", "#808080", "#3465a4"]


def text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text the canvas paints."""
    pairs = [
        ("flow label", theme.ink, theme.label_fill),
        ("lane name", theme.ink, theme.header_fill),
    ]
    for kind, fill in theme.kind_fills.items():
        pairs.append((f"{kind.value} card title", theme.ink, fill))
        for creator, colour in theme.creator.items():
            pill = mix(colour, fill, theme.pill_alpha / 255)
            pairs.append((f"{creator.value} label on a {kind.value} card", colour, pill))
    for colour in SHIPPED + PICKED:
        header = theme.stage_fill(colour)
        pairs.append((f"stage name on {colour}", theme.ink_on(header), header))
        pairs.append((f"stage metrics on {colour}", theme.muted_on(header), header))
        column = theme.column_fill(colour)
        pairs.append((f"emotion scale in a {colour} column", theme.muted_on(column), column))
    return pairs


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_every_text_on_the_canvas_reads_at_4_5_to_1(theme):
    assert len(SHIPPED) >= 5  # the templates' colours were found
    failing = [
        f"{what}: {ink} on {fill} is {contrast(ink, fill):.2f}:1"
        for what, ink, fill in text_pairs(theme)
        if contrast(ink, fill) < 4.5
    ]
    assert not failing, "\n".join(failing)


def test_the_dark_canvas_is_dark_and_its_ink_light():
    assert DARK.dark and not LIGHT.dark
    assert contrast(DARK.ink, DARK.background) >= 7
    assert contrast(DARK.muted_ink, DARK.background) >= 4.5
    # a pastel stage colour is toned down, not a bright block on a dark canvas
    assert contrast(DARK.stage_fill("#fff4e0"), DARK.background) < 2.5  # the pastel: 16:1


def test_both_themes_name_the_same_colours():
    for theme in THEMES.values():
        assert set(theme.kind_fills) == set(CardKind)
        assert set(theme.sentiment) == set(Sentiment)
        assert set(theme.creator) == set(Creator)
        for f in dataclasses.fields(theme):
            value = getattr(theme, f.name)
            if isinstance(value, str) and value.startswith("#"):
                assert len(value) == 7 and int(value[1:], 16) >= 0


def test_lines_and_curves_stand_out_from_the_dark_canvas():
    for colour in PERSONA_PALETTE:
        assert contrast(DARK.line(colour), DARK.background) >= 3.0, colour
    for colour in (DARK.positive_curve, DARK.negative_curve, DARK.selection, DARK.flow):
        assert contrast(colour, DARK.background) >= 3.0, colour
    assert DARK.line("#000000") != "#000000"  # black turns grey
    assert LIGHT.line("#e69f00") == "#e69f00"  # on light, a persona's own colour, as on paper


def test_exports_keep_the_light_colours():
    """PDF, PNG and SVG use the module constants: the light theme's colours."""
    assert LIGHT.ink == th.INK and LIGHT.kind_fills == th.KIND_FILLS
    assert LIGHT.stage_fill("#e3f0fb") == "#e3f0fb"  # a stage header shows its own colour


def test_bad_user_colours_fall_back_instead_of_failing():
    for bad in ("", "red", "#12", "#zzzzzz"):
        assert DARK.stage_fill(bad) == DARK.header_fill
        assert DARK.ink_on(bad) == DARK.ink
        assert DARK.line(bad) == DARK.ink
