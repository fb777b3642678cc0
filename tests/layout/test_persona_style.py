"""Each persona's curve can be told apart without colour: its own dash and marker."""

from __future__ import annotations

from mapper.layout.persona_style import (
    DASHES,
    MARKERS,
    Marker,
    hollow,
    marker_outline,
    persona_style,
    styles_by_id,
)
from mapper.model import Persona
from mapper.model.palette import PERSONA_PALETTE


def test_the_first_seven_personas_differ_in_dash_marker_and_colour() -> None:
    personas = [Persona(f"p{i}", f"P{i}", color=PERSONA_PALETTE[i]) for i in range(7)]
    styles = list(styles_by_id(personas).values())
    assert len({s.dash for s in styles}) == 7
    assert len({s.marker for s in styles}) == 7
    assert len({s.color for s in styles}) == 7
    assert styles[0].dash == () and styles[0].marker is Marker.CIRCLE


def test_a_style_keeps_the_persona_colour_and_scales_its_dashes() -> None:
    style = persona_style(Persona("a", "A", color="#123456"), 1)
    assert style.color == "#123456"
    assert style.dash_for(2.0) == tuple(d * 2 for d in DASHES[1])
    assert len(DASHES) == len(MARKERS)


def test_every_dash_pattern_has_pairs_of_on_and_off() -> None:
    assert all(len(d) % 2 == 0 for d in DASHES)


def test_markers_are_about_as_big_as_their_circle() -> None:
    assert marker_outline(Marker.CIRCLE, (0, 0), 5) is None
    for marker in MARKERS[1:]:
        outline = marker_outline(marker, (10, 20), 5)
        assert outline is not None and len(outline) >= 3
        xs, ys = [x for x, _ in outline], [y for _, y in outline]
        assert 7 <= max(xs) - min(xs) <= 14 and 7 <= max(ys) - min(ys) <= 14
        assert abs((max(xs) + min(xs)) / 2 - 10) < 1.5


def test_only_the_active_persona_points_below_neutral_are_hollow() -> None:
    assert hollow(-1, True) and hollow(-3, True)
    assert not hollow(0, True) and not hollow(2, True) and not hollow(-2, False)
