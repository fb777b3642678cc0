"""A line Qt lays out right to left (its first strong letter Hebrew or Arabic) is marked so
in the SVG, ending at the left edge Qt wrote it from: a reader laid it out left to right,
and a trailing "!" or "&" landed on the other side than in the PNG."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from factories import sample_map
from mapper.export.image import RTL, render_svg, right_to_left_lines
from mapper.model import Entity

SVG = "{http://www.w3.org/2000/svg}"


def test_lines_are_marked_by_their_first_strong_letter():
    lines = (
        b'<text x="8" y="1">\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d!</text>'  # Hebrew first
        b'<text x="8" y="2">&amp; \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85</text>'  # "&", then Arabic
        b'<text x="8" y="3">amp \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d</text>'  # Latin first
        b'<text x="8" y="4">42 (7)</text>'  # no strong letter
    )
    marked = right_to_left_lines(lines)
    assert marked.count(RTL) == 2
    texts = re.findall(rb"<text[^>]*>", marked)
    assert [RTL in t for t in texts] == [True, True, False, False]
    assert right_to_left_lines(b"<text>plain</text>") == b"<text>plain</text>"


def test_the_maps_right_to_left_text_is_marked_in_its_svg(qapp):
    journey = sample_map()
    journey.update(Entity.CARD, "t1", title="החלטה & בחירה!")
    journey.update(Entity.STAGE, journey.stages.ids()[0], name="גילוי!")
    root = ElementTree.fromstring(render_svg(journey))
    texts = {"".join(t.itertext()): t.attrib for t in root.iter(f"{SVG}text")}
    for line in ("החלטה & בחירה!", "גילוי!"):
        assert texts[line]["direction"] == "rtl" and texts[line]["text-anchor"] == "end"
    assert "direction" not in texts["Purchase"]
