"""Hypothesis strategies for random, valid journey maps (for the layout properties)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from mapper.layout import compute_layout
from mapper.layout.boxes import MapLayout
from mapper.model import (
    Card,
    CardKind,
    Entity,
    Flow,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Stage,
)

# Letters from several scripts, digits, punctuation, spaces and newlines: enough to exercise
# wrapping (long words, explicit breaks, wide and narrow glyphs) without control characters.
ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?-–—'\"()")
    + list("éèàüßçñøåæœ ΑΒΓΔαβγδ АБВГДабвгд אבגד ابتث 漢字かなカナ 한국 ✓★♥ …")
    + ["\n", "  ", "W" * 5, "m" * 12]
)
TEXT = st.lists(ALPHABET, max_size=60).map("".join)
SHORT = st.lists(ALPHABET, min_size=1, max_size=20).map(lambda parts: "".join(parts).strip() or "x")


@st.composite
def journey_maps(draw: st.DrawFn, max_cards: int = 24, flows: bool = False) -> JourneyMap:
    """``flows``: with flows between random cards (some labelled)."""
    journey = JourneyMap()
    personas = draw(st.integers(0, 3))
    for p in range(personas):
        journey.add(Persona(f"p{p}", f"Persona {p}"))
    for s in range(draw(st.integers(1, 5))):
        width = draw(st.floats(80, 600, allow_nan=False).map(lambda w: round(w, 1)))
        journey.add(Stage(f"s{s}", draw(SHORT), width=width))
    for n in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(list(LaneKind)))
        journey.add(
            Lane(
                f"l{n}",
                draw(SHORT),
                kind,
                collapsed=draw(st.integers(0, 4)) == 0,
                hidden=draw(st.integers(0, 5)) == 0,
            )
        )
    stage_ids = [stage.id for stage in journey.stages]
    lane_ids = [lane.id for lane in journey.lanes]
    for c in range(draw(st.integers(0, max_cards))):
        emotions = {
            persona.id: score
            for persona in journey.personas
            if (score := draw(st.none() | st.integers(-3, 3))) is not None
        }
        journey.add(
            Card(
                f"c{c}",
                draw(st.sampled_from(stage_ids)),
                draw(st.sampled_from(lane_ids)),
                draw(TEXT),
                kind=draw(st.sampled_from(list(CardKind))),
                emotions=emotions,
            )
        )
    cards = [card.id for card in journey.cards()]
    if flows and len(cards) > 1:
        pairs = st.tuples(st.sampled_from(cards), st.sampled_from(cards))
        for n, (source, target) in enumerate(draw(st.lists(pairs, max_size=3 * len(cards)))):
            if source != target and not journey.graph.has_edge(source, target):
                label = draw(st.sampled_from(["", "", "next", "a much longer flow label"]))
                journey.add(Flow(f"f{n}", source, target, label))
    return journey


ROUTE_TOLERANCE = 1e-6


def assert_same_layout(layout: MapLayout, expected: MapLayout) -> None:
    """``layout`` equals ``expected`` field by field, exactly, except its routes' curves:
    a route moved along with its cards (see ``MapLayout.shifts_since``) is its old curve
    plus the offset, which rounds differently in the last bits from routing it again, so
    curves are compared to a millionth of a pixel."""
    assert repr(replace(layout, flows=[])) == repr(replace(expected, flows=[]))
    assert [r.flow for r in layout.flows] == [r.flow for r in expected.flows]
    for route, want in zip(layout.flows, expected.flows, strict=True):
        got_points = (route.curve.p0, route.curve.c1, route.curve.c2, route.curve.p3)
        want_points = (want.curve.p0, want.curve.c1, want.curve.c2, want.curve.p3)
        for (gx, gy), (wx, wy) in zip(got_points, want_points, strict=True):
            assert abs(gx - wx) <= ROUTE_TOLERANCE and abs(gy - wy) <= ROUTE_TOLERANCE, (
                route.flow.id,
                route.curve,
                want.curve,
            )


def grow_first_row(journey: JourneyMap, before: MapLayout) -> MapLayout:
    """The tallest cell of the first lane gets taller (its shortest card a much longer
    title), so every row below moves down whole; returns the layout built on ``before``."""
    lane_id = before.lanes[0].lane.id
    tallest = max(
        (s.stage.id for s in before.stages if journey.cards_in_cell(s.stage.id, lane_id)),
        key=lambda s: before.cards[journey.cards_in_cell(s, lane_id)[-1].id].rect.bottom,
    )
    short = min(journey.cards_in_cell(tallest, lane_id),
                key=lambda c: len(before.cards[c.id].title_lines))  # fmt: skip
    journey.update(Entity.CARD, short.id, title="A much longer title " * 6)
    return compute_layout(journey, previous=before)
